/*
 * report_gfx.h: the one place that talks to cairo and Pango
 * (report_gfx.c): surfaces, text, lines, markers.  It knows nothing of
 * reports.
 */
#ifndef NH3CAT_REPORT_GFX_H
#define NH3CAT_REPORT_GFX_H

#include <stddef.h>

#include "buf.h"

/* The surface a drawing is made on. */
enum gfx_format { GFX_PDF, GFX_SVG, GFX_PNG };

struct gfx;

enum gfx_marker { MK_CIRCLE, MK_SQUARE, MK_TRIANGLE, MK_DIAMOND, MK_TRIANGLE_DOWN,
	MK_HEXAGON, MK_CROSS, MK_STAR, MK_COUNT };

enum gfx_align { GA_LEFT, GA_CENTER, GA_RIGHT };

struct gfx_rgb {
	double r, g, b;
};

/* Width of the stroke around data markers and bars: no other line uses it. */
#define GFX_MARKER_STROKE 0.6

/* How a data marker is filled: it encodes a third variable (the pressure). */
enum gfx_fill { GF_LIGHT, GF_OPEN, GF_SOLID };

/* The colour-blind-safe palette (Okabe and Ito) and the marker of group i. */
struct gfx_rgb gfx_palette(size_t i);
enum gfx_marker gfx_marker_of(size_t i);

/* A new drawing on a surface of the format; the page size in pt. */
struct gfx *gfx_new(enum gfx_format fmt, double width, double height);

/* PDF only: a new page. */
void gfx_page(struct gfx *g);

/* Finish and hand back the bytes; -1 if cairo failed. */
int gfx_finish(struct gfx *g, struct buf *out);
void gfx_free(struct gfx *g);

/* PDF metadata from markup (tags dropped). */
void gfx_set_title(struct gfx *g, const char *title);
void gfx_set_author(struct gfx *g, const char *author);

/* PDF only: a bookmark to (x, y) of page (1-based), named by markup. */
void gfx_outline(struct gfx *g, const char *markup, int page, double x, double y);

/* Text: markup in a font ("DejaVu Sans 9"), width limit (<= 0 none). */
void gfx_text_size(struct gfx *g, const char *font, const char *markup, double width,
		   double *w /* OUT */, double *h /* OUT */);

/* Draw with the top-left (or top-centre, top-right) at x, y; returns the height. */
double gfx_text(struct gfx *g, const char *font, const char *markup, double x, double y,
		double width, enum gfx_align align, struct gfx_rgb c);

/* Draw turned 90 degrees anticlockwise, centred on (x, y). */
void gfx_text_up(struct gfx *g, const char *font, const char *markup, double x, double y,
		 struct gfx_rgb c);

/* Draw rotated by angle degrees anticlockwise, the end of the text at (x, y). */
void gfx_text_rotated_end(struct gfx *g, const char *font, const char *markup,
			  double x, double y, double angle, struct gfx_rgb c);
void gfx_line(struct gfx *g, double x0, double y0, double x1, double y1, double width,
	      struct gfx_rgb c);
void gfx_rect(struct gfx *g, double x, double y, double w, double h, double width,
	      struct gfx_rgb stroke);
void gfx_fill_rect(struct gfx *g, double x, double y, double w, double h, struct gfx_rgb c);

/* A data bar: filled, outlined with GFX_MARKER_STROKE. */
void gfx_bar(struct gfx *g, double x, double y, double w, double h, struct gfx_rgb c);

/* A data marker of size s (pt, across) at (x, y); legend markers use legend=1. */
void gfx_marker(struct gfx *g, enum gfx_marker m, double x, double y, double s,
		struct gfx_rgb c, int legend);
void gfx_marker_fill(struct gfx *g, enum gfx_marker m, double x, double y, double s,
		     struct gfx_rgb c, int legend, enum gfx_fill fill);

/* Clip to a rectangle until gfx_unclip. */
void gfx_clip(struct gfx *g, double x, double y, double w, double h);
void gfx_unclip(struct gfx *g);

#endif
