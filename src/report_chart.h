/*
 * report_chart.h: charts and their layout, the numbers the tests check
 * (report_chart.c).
 */
#ifndef NH3CAT_REPORT_CHART_H
#define NH3CAT_REPORT_CHART_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "report_int.h"

struct report_data;

/* What a chart drew, for the layout dump and the tests. */
struct rpt_chart_layout {
	struct rpt_axis x, y;
	size_t nplotted;             /* markers or bars, one per entry drawn */
	size_t nmissing;             /* rows without an x or y value */
	size_t ndropped_log;         /* rows with a value <= 0 on a log axis */
	size_t nlabels, nlabels_hidden;
	size_t nnamed_found;         /* scatter: catalysts the template names that have a point */
	size_t nseries;
	const char *legend;          /* "upper-left" ... or "above" or "none" */
	struct buf fits;             /* arrhenius: one line per fitted series */
	int empty;                   /* nothing to plot: a note was drawn */
	size_t nrows;                /* entries the chart selected */
	size_t nfits_bad;            /* arrhenius: series left out for their fit */
	size_t nbars_capped;         /* bar: bars past the top of their group, counted */
};

/* Why a chart has nothing to plot: one sentence of markup. */
void rpt_chart_empty_note(const struct rpt_chart *c, const struct rpt_chart_layout *lay,
			  size_t nrows, struct buf *out);

/*
 * Draw chart c with its top-left at (x, y) in a box w x h (the caption is
 * not included); fills *lay when lay is not NULL.
 */
void rpt_chart_draw(struct gfx *g, const struct rpt_chart *c, const struct report_data *d,
		    double x, double y, double w, double h, struct rpt_chart_layout *lay);
void rpt_chart_layout_release(struct rpt_chart_layout *lay);

/*
 * Work out, without drawing, whether chart c has anything to plot over d:
 * 1 when it has; 0 when not, with *lay filled as an empty chart's (for the
 * one line of text a page gives it instead of a box).
 */
int rpt_chart_probe(const struct rpt_chart *c, const struct report_data *d,
		    struct rpt_chart_layout *lay /* OUT */);

/* Write the layout as text lines (the golden tests diff them). */
void rpt_chart_layout_dump(FILE *f, const struct rpt_chart *c, const struct rpt_chart_layout *lay);

#endif
