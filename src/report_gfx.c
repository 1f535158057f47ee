/*
 * report_gfx.c: all drawing of reports goes through here.  One switch
 * picks the cairo surface (PDF, SVG or PNG); text is laid out by Pango,
 * so markup gives real subscripts and superscripts.
 *
 * Font metrics are unhinted and the resolution is 72 dpi, so a layout is
 * the same in every format, and the same on every run.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "report_gfx.h"

#include "report_int.h"

/* PNG pixels per point (200 dpi). */
#define PNG_SCALE (200.0 / 72.0)

struct gfx {
	enum gfx_format fmt;
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoFontMap *fontmap;
	PangoContext *pango;
	struct buf bytes;
	double width, height;
};

static cairo_status_t write_bytes(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

struct gfx *gfx_new(enum gfx_format fmt, double width, double height)
{
	struct gfx *g = xcalloc(1, sizeof(*g));
	cairo_font_options_t *fo;

	g->fmt = fmt;
	g->width = width;
	g->height = height;
	buf_init(&g->bytes);
	switch (fmt) {
	case GFX_PDF:
		g->surface = cairo_pdf_surface_create_for_stream(write_bytes, &g->bytes, width, height);
		break;
	case GFX_SVG:
		g->surface = cairo_svg_surface_create_for_stream(write_bytes, &g->bytes, width, height);
		cairo_svg_surface_restrict_to_version(g->surface, CAIRO_SVG_VERSION_1_1);
		break;
	case GFX_PNG: {
		/*
		 * Drawn at 1:1 into a recording, scaled to pixels at the end:
		 * laid out under a scaled matrix, Pango would size subscripts
		 * and superscripts wrongly.
		 */
		cairo_rectangle_t ext = { 0, 0, width, height };
		g->surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
		break;
	}
	}
	g->cr = cairo_create(g->surface);
	if (fmt == GFX_PDF) {
		const char *sde = getenv("SOURCE_DATE_EPOCH");
		char *end;
		long long t;
		if (sde && *sde && (t = strtoll(sde, &end, 10), *end == '\0') && t >= 0) {
			time_t tt = (time_t)t;
			struct tm tm;
			char date[64];
			gmtime_r(&tt, &tm);
			strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
			cairo_pdf_surface_set_metadata(g->surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
			cairo_pdf_surface_set_metadata(g->surface, CAIRO_PDF_METADATA_MOD_DATE, date);
		}
		cairo_pdf_surface_set_metadata(g->surface, CAIRO_PDF_METADATA_CREATOR,
					       PACKAGE_NAME " " PACKAGE_VERSION);
	}
	/* A font map of our own, released with the drawing (the default one never is). */
	g->fontmap = pango_cairo_font_map_new();
	g->pango = pango_font_map_create_context(g->fontmap);
	pango_cairo_update_context(g->cr, g->pango);
	pango_cairo_context_set_resolution(g->pango, 72);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(g->pango, fo);
	cairo_font_options_destroy(fo);
	cairo_set_line_join(g->cr, CAIRO_LINE_JOIN_MITER);
	return g;
}

/* The text of markup, tags dropped and entities resolved; the caller frees. */
static char *plain_text(const char *markup)
{
	char *text = NULL;
	if (!pango_parse_markup(markup, -1, 0, NULL, &text, NULL, NULL))
		return xstrdup(markup);
	{
		char *r = xstrdup(text);
		g_free(text);
		return r;
	}
}

void gfx_set_title(struct gfx *g, const char *title)
{
	char *t;
	if (g->fmt != GFX_PDF)
		return;
	t = plain_text(title);
	cairo_pdf_surface_set_metadata(g->surface, CAIRO_PDF_METADATA_TITLE, t);
	free(t);
}

void gfx_set_author(struct gfx *g, const char *author)
{
	char *t;
	if (g->fmt != GFX_PDF)
		return;
	t = plain_text(author);
	cairo_pdf_surface_set_metadata(g->surface, CAIRO_PDF_METADATA_AUTHOR, t);
	free(t);
}

void gfx_outline(struct gfx *g, const char *markup, int page, double x, double y)
{
	struct buf link = BUF_INIT;
	char *t;
	if (g->fmt != GFX_PDF)
		return;
	t = plain_text(markup);
	buf_printf(&link, "page=%d pos=[%d %d]", page, (int)x, (int)y);
	cairo_pdf_surface_add_outline(g->surface, CAIRO_PDF_OUTLINE_ROOT, t, buf_str(&link), 0);
	buf_release(&link);
	free(t);
}

void gfx_page(struct gfx *g)
{
	cairo_show_page(g->cr);
}

int gfx_finish(struct gfx *g, struct buf *out)
{
	cairo_status_t st;
	if (g->fmt == GFX_PNG) {
		cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
			(int)ceil(g->width * PNG_SCALE), (int)ceil(g->height * PNG_SCALE));
		cairo_t *cr = cairo_create(img);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		cairo_scale(cr, PNG_SCALE, PNG_SCALE);
		cairo_set_source_surface(cr, g->surface, 0, 0);
		cairo_paint(cr);
		cairo_destroy(cr);
		cairo_surface_flush(img);
		st = cairo_surface_status(img);
		if (st == CAIRO_STATUS_SUCCESS)
			st = cairo_surface_write_to_png_stream(img, write_bytes, &g->bytes);
		cairo_surface_destroy(img);
	} else {
		cairo_destroy(g->cr);
		g->cr = NULL;
		cairo_surface_finish(g->surface);
		st = cairo_surface_status(g->surface);
	}
	if (st != CAIRO_STATUS_SUCCESS)
		return error("cannot draw: %s", cairo_status_to_string(st));
	buf_add(out, g->bytes.data ? g->bytes.data : "", g->bytes.len);
	return 0;
}

void gfx_free(struct gfx *g)
{
	if (!g)
		return;
	if (g->pango)
		g_object_unref(g->pango);
	if (g->fontmap)
		g_object_unref(g->fontmap);
	if (g->cr)
		cairo_destroy(g->cr);
	cairo_surface_destroy(g->surface);
	buf_release(&g->bytes);
	free(g);
}

/* --- text ------------------------------------------------------------------ */

static PangoLayout *layout_for(struct gfx *g, const char *font, const char *markup, double width)
{
	PangoLayout *l = pango_layout_new(g->pango);
	PangoFontDescription *fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	/* Markup comes from templates (checked) and from escaped data. */
	pango_layout_set_markup(l, markup, -1);
	return l;
}

void gfx_text_size(struct gfx *g, const char *font, const char *markup, double width,
		   double *w, double *h)
{
	PangoLayout *l = layout_for(g, font, markup, width);
	int pw, ph;
	pango_layout_get_size(l, &pw, &ph);
	*w = (double)pw / PANGO_SCALE;
	*h = (double)ph / PANGO_SCALE;
	g_object_unref(l);
}

static void set_rgb(struct gfx *g, struct gfx_rgb c)
{
	cairo_set_source_rgb(g->cr, c.r, c.g, c.b);
}

/* The colour a run's markup gives (<span foreground=...>), or the caller's. */
static void run_colour(struct gfx *g, const PangoLayoutRun *run, const double *base)
{
	GSList *a;
	for (a = run->item->analysis.extra_attrs; a; a = a->next) {
		const PangoAttribute *at = a->data;
		if (at->klass->type == PANGO_ATTR_FOREGROUND) {
			const PangoColor *c = &((const PangoAttrColor *)at)->color;
			cairo_set_source_rgb(g->cr, c->red / 65535.0, c->green / 65535.0,
					     c->blue / 65535.0);
			return;
		}
	}
	cairo_set_source_rgb(g->cr, base[0], base[1], base[2]);
}

/*
 * SVG text goes out as outlines: cairo's SVG font subsets come out in an
 * order that depends on memory addresses, so glyph symbols would differ
 * from run to run; paths are the same every time.  PDF and PNG keep real
 * text.  The outlines are filled run by run, at the run's baseline and
 * rise, in the run's own colour, so the SVG looks like the PNG
 * (tests/report/svg-png.rsh compares them).  The layout's top-left is the
 * current point, set by the caller.
 */
static void show_layout(struct gfx *g, PangoLayout *l)
{
	PangoLayoutIter *it;
	double x0, y0, base[4] = { 0, 0, 0, 1 };
	if (g->fmt != GFX_SVG) {
		pango_cairo_show_layout(g->cr, l);
		return;
	}
	cairo_get_current_point(g->cr, &x0, &y0);
	if (cairo_pattern_get_rgba(cairo_get_source(g->cr), &base[0], &base[1], &base[2],
				   &base[3]) != CAIRO_STATUS_SUCCESS)
		base[0] = base[1] = base[2] = 0;
	it = pango_layout_get_iter(l);
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		PangoRectangle logical;
		double bl;
		if (!run)
			continue;
		pango_layout_iter_get_run_extents(it, NULL, &logical);
		bl = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		run_colour(g, run, base);
		cairo_new_path(g->cr);
		cairo_move_to(g->cr, x0 + (double)logical.x / PANGO_SCALE,
			      y0 + bl - (double)run->y_offset / PANGO_SCALE);
		pango_cairo_glyph_string_path(g->cr, run->item->analysis.font, run->glyphs);
		cairo_fill(g->cr);
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	cairo_new_path(g->cr);
	cairo_set_source_rgb(g->cr, base[0], base[1], base[2]);
}

double gfx_text(struct gfx *g, const char *font, const char *markup, double x, double y,
		double width, enum gfx_align align, struct gfx_rgb c)
{
	PangoLayout *l = layout_for(g, font, markup, width);
	int pw, ph;
	double w;
	if (width > 0)
		pango_layout_set_alignment(l, align == GA_CENTER ? PANGO_ALIGN_CENTER :
					   align == GA_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	pango_layout_get_size(l, &pw, &ph);
	w = (double)pw / PANGO_SCALE;
	if (width <= 0) {
		if (align == GA_CENTER)
			x -= w / 2;
		else if (align == GA_RIGHT)
			x -= w;
	}
	set_rgb(g, c);
	cairo_move_to(g->cr, x, y);
	show_layout(g, l);
	g_object_unref(l);
	return (double)ph / PANGO_SCALE;
}

void gfx_text_up(struct gfx *g, const char *font, const char *markup, double x, double y,
		 struct gfx_rgb c)
{
	PangoLayout *l = layout_for(g, font, markup, 0);
	int pw, ph;
	pango_layout_get_size(l, &pw, &ph);
	cairo_save(g->cr);
	cairo_translate(g->cr, x, y);
	cairo_rotate(g->cr, -M_PI / 2);
	set_rgb(g, c);
	cairo_move_to(g->cr, -(double)pw / PANGO_SCALE / 2, -(double)ph / PANGO_SCALE / 2);
	show_layout(g, l);
	cairo_restore(g->cr);
	g_object_unref(l);
}

void gfx_text_rotated_end(struct gfx *g, const char *font, const char *markup,
			  double x, double y, double angle, struct gfx_rgb c)
{
	PangoLayout *l = layout_for(g, font, markup, 0);
	int pw, ph;
	pango_layout_get_size(l, &pw, &ph);
	cairo_save(g->cr);
	cairo_translate(g->cr, x, y);
	cairo_rotate(g->cr, -angle * M_PI / 180);
	set_rgb(g, c);
	cairo_move_to(g->cr, -(double)pw / PANGO_SCALE, -(double)ph / PANGO_SCALE / 2);
	show_layout(g, l);
	cairo_restore(g->cr);
	g_object_unref(l);
}

/* --- shapes ------------------------------------------------------------------ */

void gfx_line(struct gfx *g, double x0, double y0, double x1, double y1, double width,
	      struct gfx_rgb c)
{
	set_rgb(g, c);
	cairo_set_line_width(g->cr, width);
	cairo_move_to(g->cr, x0, y0);
	cairo_line_to(g->cr, x1, y1);
	cairo_stroke(g->cr);
}

void gfx_rect(struct gfx *g, double x, double y, double w, double h, double width,
	      struct gfx_rgb stroke)
{
	set_rgb(g, stroke);
	cairo_set_line_width(g->cr, width);
	cairo_rectangle(g->cr, x, y, w, h);
	cairo_stroke(g->cr);
}

void gfx_fill_rect(struct gfx *g, double x, double y, double w, double h, struct gfx_rgb c)
{
	set_rgb(g, c);
	cairo_rectangle(g->cr, x, y, w, h);
	cairo_fill(g->cr);
}

/* Data shapes: a lighter fill of the colour, outlined in the full colour. */
static void fill_and_outline(struct gfx *g, struct gfx_rgb c, double width)
{
	struct gfx_rgb light = { c.r * 0.75 + 0.25, c.g * 0.75 + 0.25, c.b * 0.75 + 0.25 };
	set_rgb(g, light);
	cairo_fill_preserve(g->cr);
	set_rgb(g, c);
	cairo_set_line_width(g->cr, width);
	cairo_stroke(g->cr);
}

void gfx_bar(struct gfx *g, double x, double y, double w, double h, struct gfx_rgb c)
{
	cairo_rectangle(g->cr, x, y, w, h);
	fill_and_outline(g, c, GFX_MARKER_STROKE);
}

static void polygon(cairo_t *cr, double x, double y, double r, int n, double rot)
{
	int i;
	for (i = 0; i < n; i++) {
		double a = rot + 2 * M_PI * i / n;
		if (i == 0)
			cairo_move_to(cr, x + r * cos(a), y - r * sin(a));
		else
			cairo_line_to(cr, x + r * cos(a), y - r * sin(a));
	}
	cairo_close_path(cr);
}

void gfx_marker(struct gfx *g, enum gfx_marker m, double x, double y, double s,
		struct gfx_rgb c, int legend)
{
	gfx_marker_fill(g, m, x, y, s, c, legend, GF_LIGHT);
}

void gfx_marker_fill(struct gfx *g, enum gfx_marker m, double x, double y, double s,
		     struct gfx_rgb c, int legend, enum gfx_fill fill)
{
	cairo_t *cr = g->cr;
	double r = s / 2;
	int i;
	cairo_new_path(cr);
	switch (m) {
	case MK_CIRCLE:
		cairo_arc(cr, x, y, r, 0, 2 * M_PI);
		cairo_close_path(cr);
		break;
	case MK_SQUARE:
		r *= 0.88;
		cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r);
		break;
	case MK_TRIANGLE:
		polygon(cr, x, y + r * 0.2, r * 1.2, 3, M_PI / 2);
		break;
	case MK_TRIANGLE_DOWN:
		polygon(cr, x, y - r * 0.2, r * 1.2, 3, -M_PI / 2);
		break;
	case MK_DIAMOND:
		polygon(cr, x, y, r * 1.2, 4, M_PI / 2);
		break;
	case MK_HEXAGON:
		polygon(cr, x, y, r * 1.05, 6, 0);
		break;
	case MK_STAR:
		for (i = 0; i < 10; i++) {
			double a = M_PI / 2 + M_PI * i / 5, rr = i % 2 ? r * 0.5 : r * 1.25;
			if (i == 0)
				cairo_move_to(cr, x + rr * cos(a), y - rr * sin(a));
			else
				cairo_line_to(cr, x + rr * cos(a), y - rr * sin(a));
		}
		cairo_close_path(cr);
		break;
	case MK_CROSS:
	default:
		r *= 0.9;
		cairo_move_to(cr, x - r, y - r * 0.35);
		cairo_line_to(cr, x - r * 0.35, y - r * 0.35);
		cairo_line_to(cr, x - r * 0.35, y - r);
		cairo_line_to(cr, x + r * 0.35, y - r);
		cairo_line_to(cr, x + r * 0.35, y - r * 0.35);
		cairo_line_to(cr, x + r, y - r * 0.35);
		cairo_line_to(cr, x + r, y + r * 0.35);
		cairo_line_to(cr, x + r * 0.35, y + r * 0.35);
		cairo_line_to(cr, x + r * 0.35, y + r);
		cairo_line_to(cr, x - r * 0.35, y + r);
		cairo_line_to(cr, x - r * 0.35, y + r * 0.35);
		cairo_line_to(cr, x - r, y + r * 0.35);
		cairo_close_path(cr);
		break;
	}
	/* Legend markers use another stroke so that data markers can be counted. */
	if (fill == GF_LIGHT) {
		fill_and_outline(g, c, legend ? GFX_MARKER_STROKE * 1.25 : GFX_MARKER_STROKE);
		return;
	}
	if (fill == GF_OPEN)
		cairo_set_source_rgb(cr, 1, 1, 1);
	else
		set_rgb(g, c);
	cairo_fill_preserve(cr);
	if (fill == GF_SOLID)
		cairo_set_source_rgb(cr, c.r * 0.6, c.g * 0.6, c.b * 0.6);
	else
		set_rgb(g, c);
	cairo_set_line_width(cr, legend ? GFX_MARKER_STROKE * 1.25 : GFX_MARKER_STROKE);
	cairo_stroke(cr);
}

void gfx_clip(struct gfx *g, double x, double y, double w, double h)
{
	cairo_save(g->cr);
	cairo_rectangle(g->cr, x, y, w, h);
	cairo_clip(g->cr);
}

void gfx_unclip(struct gfx *g)
{
	cairo_restore(g->cr);
}

/* --- colours ------------------------------------------------------------------ */

/* Okabe and Ito (2008), "Color Universal Design": safe for every colour vision. */
struct gfx_rgb gfx_palette(size_t i)
{
	static const struct gfx_rgb pal[] = {
		{ 0.000, 0.447, 0.698 },   /* blue */
		{ 0.902, 0.624, 0.000 },   /* orange */
		{ 0.000, 0.620, 0.451 },   /* bluish green */
		{ 0.800, 0.475, 0.655 },   /* reddish purple */
		{ 0.337, 0.706, 0.914 },   /* sky blue */
		{ 0.835, 0.369, 0.000 },   /* vermillion */
		{ 0.941, 0.894, 0.259 },   /* yellow */
		{ 0.000, 0.000, 0.000 },   /* black */
	};
	return pal[i % ARRAY_SIZE(pal)];
}

enum gfx_marker gfx_marker_of(size_t i)
{
	return (enum gfx_marker)(i % MK_COUNT);
}
