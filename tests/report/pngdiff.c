/*
 * pngdiff.c: compare two PNG images of one chart, as drawn by two cairo
 * back-ends (nh3cat's PNG output, and its SVG rasterized by rsvg-convert).
 *
 *   pngdiff [--max-frac F] A.png B.png
 *
 * Exact pixels cannot match: text is a glyph run in one and an outline in
 * the other, and antialiasing differs by a shade along every edge.  So a
 * pixel of one image matches when the other has a pixel of nearly its
 * colour (each channel within LEVEL of 255) at the same place or one
 * pixel away, and the images are alike when at most F of the pixels
 * (default 0.004) match nowhere, either way round.  That forgives edges
 * and catches anything moved, missing or added: a label a point off, a
 * marker gone, text piled in a corner.  Measured on the charts of the
 * tests: drawn alike, at most 0.3 % of the pixels match nowhere (glyph
 * edges: FreeType against pixman); with text misplaced, 0.65 % and more.
 *
 * Exit status: 0 alike, 1 different (the count and the box around the
 * differences are printed), 2 a file could not be read or the sizes differ.
 * PNGDIFF_VERBOSE=1 prints the count of unmatched pixels every time.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#define LEVEL 48

struct img {
	const unsigned char *d;
	int w, h, stride;
};

static cairo_surface_t *load(const char *path)
{
	cairo_surface_t *s = cairo_image_surface_create_from_png(path);
	cairo_surface_t *img;
	cairo_t *cr;
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "pngdiff: %s: %s\n", path, cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return NULL;
	}
	/* Whatever the PNG's format, compare opaque RGB on white. */
	img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, cairo_image_surface_get_width(s),
					 cairo_image_surface_get_height(s));
	cr = cairo_create(img);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	cairo_surface_flush(img);
	return img;
}

static const unsigned char *px(const struct img *m, int x, int y)
{
	return m->d + (size_t)y * (size_t)m->stride + (size_t)x * 4;
}

/* Does b have a pixel near (x, y) of the colour a has there? */
static int matched(const struct img *a, const struct img *b, int x, int y)
{
	const unsigned char *p = px(a, x, y);
	int dx, dy, c;
	for (dy = -1; dy <= 1; dy++)
		for (dx = -1; dx <= 1; dx++) {
			const unsigned char *q;
			if (x + dx < 0 || y + dy < 0 || x + dx >= b->w || y + dy >= b->h)
				continue;
			q = px(b, x + dx, y + dy);
			for (c = 0; c < 3; c++)
				if (p[c] - q[c] > LEVEL || q[c] - p[c] > LEVEL)
					break;
			if (c == 3)
				return 1;
		}
	return 0;
}

int main(int argc, char **argv)
{
	cairo_surface_t *sa, *sb;
	struct img a, b;
	double max_frac = 0.004;
	int i = 1, x, y, x0 = -1, y0 = -1, x1 = -1, y1 = -1;
	long ndiff = 0, npx;

	if (argc == 5 && strcmp(argv[1], "--max-frac") == 0) {
		char *end;
		max_frac = strtod(argv[2], &end);
		if (*end || !(max_frac >= 0)) {
			fprintf(stderr, "pngdiff: bad --max-frac '%s'\n", argv[2]);
			return 2;
		}
		i = 3;
	}
	if (argc - i != 2) {
		fprintf(stderr, "usage: pngdiff [--max-frac F] A.png B.png\n");
		return 2;
	}
	sa = load(argv[i]);
	sb = load(argv[i + 1]);
	if (!sa || !sb)
		return 2;
	a.d = cairo_image_surface_get_data(sa);
	a.w = cairo_image_surface_get_width(sa);
	a.h = cairo_image_surface_get_height(sa);
	a.stride = cairo_image_surface_get_stride(sa);
	b.d = cairo_image_surface_get_data(sb);
	b.w = cairo_image_surface_get_width(sb);
	b.h = cairo_image_surface_get_height(sb);
	b.stride = cairo_image_surface_get_stride(sb);
	if (a.w != b.w || a.h != b.h) {
		fprintf(stderr, "pngdiff: %s is %dx%d, %s is %dx%d\n", argv[i], a.w, a.h,
			argv[i + 1], b.w, b.h);
		return 2;
	}
	npx = (long)a.w * a.h;
	for (y = 0; y < a.h; y++)
		for (x = 0; x < a.w; x++)
			if (!matched(&a, &b, x, y) || !matched(&b, &a, x, y)) {
				ndiff++;
				if (x0 < 0 || x < x0)
					x0 = x;
				if (x > x1)
					x1 = x;
				if (y0 < 0)
					y0 = y;
				y1 = y;
			}
	cairo_surface_destroy(sa);
	cairo_surface_destroy(sb);
	if (getenv("PNGDIFF_VERBOSE"))
		printf("%ld of %ld pixels unmatched\n", ndiff, npx);
	if ((double)ndiff > max_frac * (double)npx) {
		printf("pngdiff: %s and %s differ in %ld of %ld pixels (%.3f%%), within x %d..%d, "
		       "y %d..%d\n", argv[i], argv[i + 1], ndiff, npx, 100.0 * (double)ndiff / (double)npx,
		       x0, x1, y0, y1);
		return 1;
	}
	return 0;
}
