/*
 * report_chart.c: the charts of a report: scatter (log axes, groups by
 * site type, labelled points), sorted bars grouped by site type, the
 * Arrhenius plot with fitted activation energies, and strip plots with
 * boxes.  Every chart first works out its numbers (axes, points, what was
 * dropped and why) into struct rpt_chart_layout, which the tests read, and
 * draws from them through report_gfx.c.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arrhenius.h"
#include "chem.h"
#include "report_chart.h"
#include "report_axis.h"
#include "report_data.h"
#include "report_gfx.h"
#include "report_int.h"
#include "rules.h"


static const struct gfx_rgb INK = { 0.1, 0.1, 0.1 };
static const struct gfx_rgb GREY = { 0.45, 0.45, 0.45 };
static const struct gfx_rgb LIGHT = { 0.82, 0.82, 0.82 };
static const struct gfx_rgb LEADER = { 0.6, 0.6, 0.6 };

#define FRAME_W 0.8     /* frame and major ticks */
#define MINOR_W 0.5     /* minor ticks, separators */
#define LEADER_W 0.4    /* from a point to its label */
#define TICK_LEN 4.0
#define MINOR_LEN 2.2
#define MARKER_SIZE 6.0


struct pt {
	double x, y;        /* data units */
	double px, py;      /* page */
	size_t series;
	const struct rpt_row *row;
	int nolabel;        /* not one of the points worth a label */
	int named;          /* a catalyst the template names (<label catalyst>) */
	enum gfx_fill fill; /* the pressure class */
};

struct series {
	char *name;         /* markup */
	size_t n;           /* points drawn: a series without any stays out of the legend */
	size_t style;       /* colour and marker */
	/* arrhenius */
	double slope, icpt, ea_fit, ea_rep, xmin, xmax;
	int has_rep;
};

struct plot {
	double x, y, w, h;  /* the plot area (inside the frame) */
};

static double map_x(const struct plot *p, const struct rpt_axis *a, double v)
{
	return p->x + rpt_axis_frac(a, v) * p->w;
}

static double map_y(const struct plot *p, const struct rpt_axis *a, double v)
{
	return p->y + p->h - rpt_axis_frac(a, v) * p->h;
}

static void fmt_g(double v, struct buf *out)
{
	char tmp[64], *p;
	snprintf(tmp, sizeof(tmp), "%.6g", v);
	for (p = tmp; *p; p++)
		if (*p == ',')
			*p = '.';
	buf_addstr(out, tmp);
}

/* Axis title markup: "Title (unit)". */
static void axis_title(const char *title, const struct rpt_field *f, struct buf *out)
{
	const char *unit;
	if (title) {
		buf_addstr(out, title);
		return;
	}
	buf_addstr(out, rpt_field_title(f));
	unit = rpt_field_unit(f);
	if (*unit)
		buf_printf(out, " (%s)", unit);
}

/* Widest tick label of an axis. */
static double tick_label_width(struct gfx *g, const struct rpt_axis *a, double *height)
{
	size_t i;
	double wmax = 0, w, h = 0;
	for (i = 0; i < a->nticks; i++) {
		struct buf b = BUF_INIT;
		rpt_axis_label(a, a->ticks[i], &b);
		gfx_text_size(g, FONT_TICK, buf_str(&b), 0, &w, &h);
		if (w > wmax)
			wmax = w;
		buf_release(&b);
	}
	if (height)
		*height = h > 0 ? h : 9;
	return wmax;
}

static void draw_frame(struct gfx *g, const struct plot *p)
{
	gfx_rect(g, p->x, p->y, p->w, p->h, FRAME_W, INK);
}

/* Ticks inside the frame, on both sides, labels outside left / below. */
static void draw_y_axis(struct gfx *g, const struct plot *p, const struct rpt_axis *a)
{
	size_t i;
	for (i = 0; i < a->nminor; i++) {
		double y;
		if (a->minor[i] < a->lo || a->minor[i] > a->hi)
			continue;
		y = map_y(p, a, a->minor[i]);
		gfx_line(g, p->x, y, p->x + MINOR_LEN, y, MINOR_W, INK);
		gfx_line(g, p->x + p->w, y, p->x + p->w - MINOR_LEN, y, MINOR_W, INK);
	}
	for (i = 0; i < a->nticks; i++) {
		struct buf b = BUF_INIT;
		double y, w, h;
		if (a->ticks[i] < a->lo * (1 - 1e-9) - 1e-12 || a->ticks[i] > a->hi * (1 + 1e-9) + 1e-12)
			continue;
		y = map_y(p, a, a->ticks[i]);
		gfx_line(g, p->x, y, p->x + TICK_LEN, y, FRAME_W, INK);
		gfx_line(g, p->x + p->w, y, p->x + p->w - TICK_LEN, y, FRAME_W, INK);
		rpt_axis_label(a, a->ticks[i], &b);
		gfx_text_size(g, FONT_TICK, buf_str(&b), 0, &w, &h);
		gfx_text(g, FONT_TICK, buf_str(&b), p->x - 3, y - h / 2, 0, GA_RIGHT, INK);
		buf_release(&b);
	}
}

static void draw_x_axis(struct gfx *g, const struct plot *p, const struct rpt_axis *a, int top)
{
	size_t i;
	for (i = 0; i < a->nminor; i++) {
		double x;
		if (a->minor[i] < a->lo || a->minor[i] > a->hi)
			continue;
		x = map_x(p, a, a->minor[i]);
		gfx_line(g, x, p->y + p->h, x, p->y + p->h - MINOR_LEN, MINOR_W, INK);
		if (top)
			gfx_line(g, x, p->y, x, p->y + MINOR_LEN, MINOR_W, INK);
	}
	for (i = 0; i < a->nticks; i++) {
		struct buf b = BUF_INIT;
		double x;
		if (a->ticks[i] < a->lo * (a->log ? 1 - 1e-9 : 1) - 1e-12 ||
		    a->ticks[i] > a->hi * (a->log ? 1 + 1e-9 : 1) + 1e-12)
			continue;
		x = map_x(p, a, a->ticks[i]);
		gfx_line(g, x, p->y + p->h, x, p->y + p->h - TICK_LEN, FRAME_W, INK);
		if (top)
			gfx_line(g, x, p->y, x, p->y + TICK_LEN, FRAME_W, INK);
		rpt_axis_label(a, a->ticks[i], &b);
		gfx_text(g, FONT_TICK, buf_str(&b), x, p->y + p->h + 3, 0, GA_CENTER, INK);
		buf_release(&b);
	}
}

/* Why a chart has nothing to plot, in one sentence (markup). */
void rpt_chart_empty_note(const struct rpt_chart *c, const struct rpt_chart_layout *lay,
			  size_t nrows, struct buf *b)
{
	buf_printf(b, "No data to plot: %zu entr%s selected", nrows, nrows == 1 ? "y" : "ies");
	if (nrows) {
		if (lay->nmissing) {
			buf_printf(b, ", %zu without ", lay->nmissing);
			if (c->kind == CK_ARRHENIUS) {
				buf_addstr(b, "a rate and a temperature");
			} else {
				struct buf t = BUF_INIT;
				axis_title(NULL, &c->y, &t);
				buf_addstr(b, buf_str(&t));
				buf_release(&t);
			}
		}
		if (lay->ndropped_log)
			buf_printf(b, ", %zu with a value of zero or less on a log axis", lay->ndropped_log);
		if (c->kind == CK_ARRHENIUS) {
			buf_printf(b, "; no catalyst of one paper measured at %d or more temperatures "
				   "under the same other conditions",
				   c->min_points > ARR_MIN_POINTS ? c->min_points : ARR_MIN_POINTS);
			if (lay->nfits_bad)
				buf_printf(b, " with a fit worth drawing (%zu left out, rule arrhenius-fit)",
					   lay->nfits_bad);
		}
	}
	buf_addch(b, '.');
}

/* The one line drawn instead of a chart when nothing can be plotted. */
static void draw_empty(struct gfx *g, const struct rpt_chart *c, double x, double y,
		       double w, double h, const struct rpt_chart_layout *lay, size_t nrows)
{
	struct buf b = BUF_INIT;
	double tw, th;
	rpt_chart_empty_note(c, lay, nrows, &b);
	gfx_text_size(g, FONT_BODY, buf_str(&b), w * 0.9, &tw, &th);
	gfx_text(g, FONT_BODY, buf_str(&b), x + w * 0.05, y + (h - th) / 2, w * 0.9, GA_CENTER, GREY);
	buf_release(&b);
}

/* --- legend ------------------------------------------------------------------- */

struct legend {
	double w, h, row_h;
	double x, y;
	int above;           /* drawn in rows above the plot */
	double maxw;         /* above: the width the rows wrap at */
};

/*
 * Walk the legend entries as drawn: in a column, or (above) in rows that
 * wrap at maxw.  With draw = 0 only measures.
 */
static void legend_walk(struct gfx *g, struct series *ss, size_t ns, struct legend *lg, int draw)
{
	size_t i;
	double x = 4, y = 3, w, h, wmax = 0;
	for (i = 0; i < ns; i++) {
		double item;
		if (!ss[i].n)
			continue;
		gfx_text_size(g, FONT_TICK, ss[i].name, 0, &w, &h);
		item = w + MARKER_SIZE + (lg->above ? 16 : 8);
		if (lg->above && x > 4 && x + item > lg->maxw) {
			x = 4;
			y += lg->row_h;
		}
		if (draw) {
			gfx_marker(g, gfx_marker_of(ss[i].style), lg->x + x + MARKER_SIZE / 2,
				   lg->y + y + lg->row_h / 2, MARKER_SIZE, gfx_palette(ss[i].style), 1);
			gfx_text(g, FONT_TICK, ss[i].name, lg->x + x + MARKER_SIZE + 4, lg->y + y, 0,
				 GA_LEFT, INK);
		}
		if (lg->above) {
			x += item;
			if (x > wmax)
				wmax = x;
		} else {
			if (x + item > wmax)
				wmax = x + item;
			y += lg->row_h;
		}
	}
	if (!draw) {
		lg->w = wmax + 4;
		lg->h = (lg->above ? y + lg->row_h : y) + 3;
	}
}

static void legend_measure(struct gfx *g, struct series *ss, size_t ns, struct legend *lg,
			   int row, double maxw)
{
	size_t i;
	double w, h;
	lg->row_h = 10;
	lg->above = row;
	lg->maxw = maxw;
	for (i = 0; i < ns; i++) {
		if (!ss[i].n)
			continue;
		gfx_text_size(g, FONT_TICK, ss[i].name, 0, &w, &h);
		if (h > lg->row_h)
			lg->row_h = h;
	}
	legend_walk(g, ss, ns, lg, 0);
}

static void legend_draw(struct gfx *g, struct series *ss, size_t ns, struct legend *lg)
{
	gfx_fill_rect(g, lg->x, lg->y, lg->w, lg->h, (struct gfx_rgb){ 1, 1, 1 });
	legend_walk(g, ss, ns, lg, 1);
}

/* Points of pts inside a box grown by pad. */
static size_t points_in(const struct pt *pts, size_t n, double x, double y, double w, double h,
			double pad)
{
	size_t i, k = 0;
	for (i = 0; i < n; i++)
		if (pts[i].px >= x - pad && pts[i].px <= x + w + pad &&
		    pts[i].py >= y - pad && pts[i].py <= y + h + pad)
			k++;
	return k;
}

/* --- labels ---------------------------------------------------------------------- */

struct box {
	double x, y, w, h;
};

static int overlaps(const struct box *a, const struct box *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/*
 * Greedy placement: for each point, the first of eight places around it
 * where the label overlaps no marker, no other label, no legend and stays
 * inside the plot.  A label with no such place is left out (and counted),
 * so crowded points never get unreadable text piled on them.
 */
static void place_labels(struct gfx *g, const struct rpt_chart *c, struct pt *pts, size_t n,
			 const struct plot *p, const struct legend *lg, int legend_inside,
			 struct rpt_chart_layout *lay)
{
	struct box *placed = xcalloc(n + 1, sizeof(*placed));
	size_t np = 0, i, j, k;
	static const double pos[8][2] = {
		{ 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 }, { 1, -1 }, { 1, 1 }, { -1, -1 }, { -1, 1 }
	};
	/* The catalysts the template names first, so that they find room. */
	size_t *order = xcalloc(n + 1, sizeof(*order)), oi, no = 0;
	for (i = 0; i < n; i++)
		if (pts[i].named)
			order[no++] = i;
	for (i = 0; i < n; i++)
		if (!pts[i].named)
			order[no++] = i;
	for (oi = 0; oi < n; oi++) {
		char tmp[NUM_BUFSZ];
		char clip[RPT_CLIP + 4];
		const char *text;
		struct buf mk = BUF_INIT;
		double w, h, r = MARKER_SIZE / 2 + 1.5;
		int done = 0;
		i = order[oi];
		text = rpt_clip(rpt_row_text(pts[i].row, &c->label, tmp), clip);
		if (!*text)
			continue;
		if (pts[i].nolabel) {
			lay->nlabels_hidden++;
			continue;
		}
		/* The same catalyst twice on one spot (a table row and the text) needs one label. */
		for (k = 0; k < oi; k++) {
			char tmp2[NUM_BUFSZ], clip2[RPT_CLIP + 4];
			j = order[k];
			if (pts[j].nolabel)
				continue;
			if (fabs(pts[j].px - pts[i].px) < 1 && fabs(pts[j].py - pts[i].py) < 1 &&
			    str_eq(rpt_clip(rpt_row_text(pts[j].row, &c->label, tmp2), clip2), text))
				break;
		}
		if (k < oi)
			continue;
		rpt_chem_markup(text, &mk);
		gfx_text_size(g, FONT_SMALL, buf_str(&mk), 0, &w, &h);
		/* Beside the marker first; then a little further out, with a leader line. */
		for (k = 0; k < 8 + 6 && !done; k++) {
			struct box b;
			int ok = 1, far = k >= 8;
			b.w = w;
			b.h = h;
			if (!far) {
				b.x = pos[k][0] > 0 ? pts[i].px + r : pos[k][0] < 0 ? pts[i].px - r - w : pts[i].px - w / 2;
				b.y = pos[k][1] > 0 ? pts[i].py + r - 2 : pos[k][1] < 0 ? pts[i].py - r - h + 2 : pts[i].py - h / 2;
			} else {
				double dy = ((double)((k - 8) / 2) - 1) * (h + 2);
				b.x = (k - 8) % 2 == 0 ? pts[i].px + r + 12 : pts[i].px - r - 12 - w;
				b.y = pts[i].py - h / 2 + dy;
			}
			if (b.x < p->x + 1 || b.x + b.w > p->x + p->w - 1 || b.y < p->y + 1 ||
			    b.y + b.h > p->y + p->h - 1)
				continue;
			for (j = 0; j < n && ok; j++) {
				struct box m = { pts[j].px - MARKER_SIZE / 2, pts[j].py - MARKER_SIZE / 2,
						 MARKER_SIZE, MARKER_SIZE };
				if (overlaps(&b, &m))
					ok = 0;
			}
			for (j = 0; j < np && ok; j++)
				if (overlaps(&b, &placed[j]))
					ok = 0;
			if (ok && legend_inside) {
				struct box lb = { lg->x, lg->y, lg->w, lg->h };
				if (overlaps(&b, &lb))
					ok = 0;
			}
			/* The leader must not cross another marker either. */
			if (ok && far) {
				struct box lb;
				lb.x = b.x > pts[i].px ? pts[i].px + r : b.x + b.w;
				lb.w = b.x > pts[i].px ? b.x - lb.x : pts[i].px - r - lb.x;
				lb.y = fmin(pts[i].py, b.y + b.h / 2) - 0.5;
				lb.h = fabs(b.y + b.h / 2 - pts[i].py) + 1;
				for (j = 0; j < n && ok; j++) {
					struct box m = { pts[j].px - MARKER_SIZE / 2, pts[j].py - MARKER_SIZE / 2,
							 MARKER_SIZE, MARKER_SIZE };
					if (j != i && overlaps(&lb, &m))
						ok = 0;
				}
				for (j = 0; j < np && ok; j++)
					if (overlaps(&lb, &placed[j]))
						ok = 0;
			}
			if (ok) {
				placed[np++] = b;
				if (far)
					gfx_line(g, b.x > pts[i].px ? pts[i].px + MARKER_SIZE / 2 + 0.5 : pts[i].px - MARKER_SIZE / 2 - 0.5,
						 pts[i].py, b.x > pts[i].px ? b.x - 1 : b.x + b.w + 1,
						 b.y + b.h / 2, LEADER_W, LEADER);
				gfx_text(g, FONT_SMALL, buf_str(&mk), b.x, b.y, 0, GA_LEFT, GREY);
				done = 1;
			}
		}
		if (done)
			lay->nlabels++;
		else
			lay->nlabels_hidden++;
		buf_release(&mk);
	}
	free(placed);
	free(order);
}

/* --- points -------------------------------------------------------------------- */

/* Collect the points of a scatter or strip chart; counts what is left out. */
static struct pt *collect_points(const struct rpt_chart *c, const struct rpt_groups *gr,
				 int need_x, size_t *npts, struct rpt_chart_layout *lay)
{
	size_t gi, i, n = 0, total = 0;
	struct pt *pts;
	for (gi = 0; gi < gr->n; gi++)
		total += gr->v[gi].n;
	pts = xcalloc(total + 1, sizeof(*pts));
	for (gi = 0; gi < gr->n; gi++) {
		for (i = 0; i < gr->v[gi].n; i++) {
			const struct rpt_row *r = &gr->v[gi].rows[i];
			double x = 0, y;
			if ((need_x && rpt_row_num(r, &c->x, &x) != 1) || rpt_row_num(r, &c->y, &y) != 1) {
				lay->nmissing++;
				continue;
			}
			if ((need_x && c->xlog && !rpt_log_placeable(x)) ||
			    (c->ylog && !rpt_log_placeable(y))) {
				lay->ndropped_log++;
				continue;
			}
			pts[n].x = x;
			pts[n].y = y;
			pts[n].series = gi;
			pts[n].row = r;
			n++;
		}
	}
	*npts = n;
	return pts;
}

static void fit_axis(struct rpt_axis *a, int logax, const struct pt *pts, size_t n, int want_y,
		     int target)
{
	double lo = HUGE_VAL, hi = -HUGE_VAL;
	size_t i;
	for (i = 0; i < n; i++) {
		double v = want_y ? pts[i].y : pts[i].x;
		if (v < lo)
			lo = v;
		if (v > hi)
			hi = v;
	}
	if (logax)
		rpt_axis_log(a, lo, hi);
	else
		rpt_axis_linear(a, lo, hi, target);
}

/* Plot area for a chart box, leaving room for tick labels and axis titles. */
static void plot_area(struct gfx *g, const struct rpt_axis *ya, const char *ytitle,
		      const char *xtitle, double x, double y, double w, double h,
		      double bottom_extra, double right_extra, struct plot *p)
{
	double tw, th, lw, lh, xw, xh;
	gfx_text_size(g, FONT_AXIS, ytitle, 0, &tw, &th);
	gfx_text_size(g, FONT_AXIS, xtitle, 0, &xw, &xh);
	lw = tick_label_width(g, ya, &lh);
	p->x = x + th + 6 + lw + 4;
	p->y = y + 6;
	p->w = w - (p->x - x) - 8 - right_extra;
	p->h = h - 6 - (lh + 4) - (xh + 6) - bottom_extra;
	if (p->w < 40)
		p->w = 40;
	if (p->h < 40)
		p->h = 40;
}

static void draw_axis_titles(struct gfx *g, const struct plot *p, const char *xtitle,
			     const char *ytitle, double ytitle_x, double xtitle_y)
{
	gfx_text_up(g, FONT_AXIS, ytitle, ytitle_x, p->y + p->h / 2, INK);
	gfx_text(g, FONT_AXIS, xtitle, p->x + p->w / 2, xtitle_y, 0, GA_CENTER, INK);
}

static void series_from_groups(const struct rpt_groups *gr, struct series **ss, size_t *ns)
{
	size_t i;
	*ss = xcalloc(gr->n + 1, sizeof(**ss));
	*ns = gr->n;
	for (i = 0; i < gr->n; i++) {
		struct buf b = BUF_INIT;
		rpt_markup_escape(rpt_group_label(gr->v[i].name), &b);
		(*ss)[i].name = buf_detach(&b, NULL);
		(*ss)[i].style = gr->v[i].style;
	}
}

static void series_free(struct series *ss, size_t ns)
{
	size_t i;
	for (i = 0; i < ns; i++)
		free(ss[i].name);
	free(ss);
}

/* Place the legend in the emptiest corner, or above the plot when all are taken. */
static int legend_place(struct gfx *g, struct series *ss, size_t ns, struct pt *pts, size_t n,
			struct plot *p, struct legend *lg, struct rpt_chart_layout *lay,
			const struct rpt_axis *xa, const struct rpt_axis *ya, double above_gap)
{
	static const char *const corners[] = { "upper-left", "upper-right", "lower-right", "lower-left" };
	size_t k, i;
	memset(lg, 0, sizeof(*lg));
	legend_measure(g, ss, ns, lg, 0, 0);
	for (k = 0; k < 4 && lg->w < p->w * 0.6 && lg->h < p->h * 0.7; k++) {
		lg->x = k == 0 || k == 3 ? p->x + 6 : p->x + p->w - 6 - lg->w;
		lg->y = k < 2 ? p->y + 6 : p->y + p->h - 6 - lg->h;
		if (points_in(pts, n, lg->x, lg->y, lg->w, lg->h, MARKER_SIZE / 2 + 1) == 0) {
			lay->legend = corners[k];
			return 1;
		}
	}
	/* No free corner: a row above the plot, which shrinks to make room. */
	legend_measure(g, ss, ns, lg, 1, p->w);
	/* Above whatever sits over the plot (the temperature axis of an Arrhenius plot). */
	lg->x = p->x;
	lg->y = p->y - above_gap - 2;
	p->y += lg->h + 2;
	p->h -= lg->h + 2;
	for (i = 0; i < n; i++) {
		pts[i].px = map_x(p, xa, pts[i].x);
		pts[i].py = map_y(p, ya, pts[i].y);
	}
	lay->legend = "above";
	return 0;
}

/* --- scatter ------------------------------------------------------------------- */

/* Above this many points a scatter labels only the highest and lowest. */
#define SCATTER_ALL_LABELS 40
#define SCATTER_TOP_LABELS 5
#define SCATTER_BOTTOM_LABELS 3

/* Pressure classes as marker fill; the number of classes present (unknown counts none). */
static size_t pressure_classes(struct pt *pts, size_t n)
{
	int seen[3] = { 0, 0, 0 };
	size_t i;
	for (i = 0; i < n; i++) {
		double p;
		pts[i].fill = GF_LIGHT;
		if (entry_get_num(pts[i].row->e, COL_PRESSURE_MPA, &p) != 1)
			continue;
		pts[i].fill = p <= 0.15 ? GF_OPEN : p <= 1.5 ? GF_LIGHT : GF_SOLID;
		seen[pts[i].fill] = 1;
	}
	if (seen[0] + seen[1] + seen[2] < 2)
		for (i = 0; i < n; i++)
			pts[i].fill = GF_LIGHT;
	return (size_t)(seen[0] + seen[1] + seen[2]);
}

static const struct pt *cmp_pts_base;

static int cmp_pt_y(const void *pa, const void *pb)
{
	const struct pt *a = cmp_pts_base + *(const size_t *)pa, *b = cmp_pts_base + *(const size_t *)pb;
	if (a->y != b->y)
		return a->y > b->y ? -1 : 1;
	return *(const size_t *)pa < *(const size_t *)pb ? -1 : 1;
}

static int cmp_pt_x(const void *pa, const void *pb)
{
	const struct pt *a = cmp_pts_base + *(const size_t *)pa, *b = cmp_pts_base + *(const size_t *)pb;
	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	return *(const size_t *)pa < *(const size_t *)pb ? -1 : 1;
}

/*
 * The points of the catalysts the template names (<label catalyst>), by
 * the one name fold (chem.h); returns how many of the names have a point.
 */
static size_t mark_named(const struct rpt_chart *c, struct pt *pts, size_t n,
			 struct buf *missing /* OUT: markup, names without a point */)
{
	char **folds;
	int *found;
	size_t i, k, nfound = 0;
	if (!c->nnamed)
		return 0;
	folds = xcalloc(c->nnamed, sizeof(*folds));
	found = xcalloc(c->nnamed, sizeof(*found));
	for (k = 0; k < c->nnamed; k++)
		folds[k] = chem_fold_name(c->named[k]);
	for (i = 0; i < n; i++) {
		char *f = chem_fold_name(entry_get(pts[i].row->e, COL_CATALYST));
		for (k = 0; k < c->nnamed; k++)
			if (*folds[k] && str_eq(f, folds[k])) {
				pts[i].named = 1;
				found[k] = 1;
			}
		free(f);
	}
	for (k = 0; k < c->nnamed; k++) {
		nfound += (size_t)found[k];
		if (!found[k]) {
			char clip[RPT_CLIP + 4];
			if (missing->len)
				buf_addstr(missing, ", ");
			rpt_chem_markup(rpt_clip(c->named[k], clip), missing);
		}
		free(folds[k]);
	}
	free(folds);
	free(found);
	return nfound;
}

/* Many points: labels go to the highest and the lowest only, and to the named catalysts. */
static void pick_labels(struct pt *pts, size_t n)
{
	size_t *ix, i;
	if (n <= SCATTER_ALL_LABELS)
		return;
	ix = xcalloc(n, sizeof(*ix));
	for (i = 0; i < n; i++) {
		ix[i] = i;
		pts[i].nolabel = 1;
	}
	cmp_pts_base = pts;
	qsort(ix, n, sizeof(*ix), cmp_pt_y);
	for (i = 0; i < n; i++)
		if (i < SCATTER_TOP_LABELS || i >= n - SCATTER_BOTTOM_LABELS || pts[ix[i]].named)
			pts[ix[i]].nolabel = 0;
	free(ix);
}

/*
 * Points that share an x value (rates all at 400 degC) spread sideways
 * by up to +-spread/2 pt, deterministically (the golden-ratio sequence),
 * so a column of markers shows how many there are.
 */
static void jitter(struct pt *pts, size_t n, double spread)
{
	size_t *ix = xcalloc(n + 1, sizeof(*ix)), i, j, k;
	for (i = 0; i < n; i++)
		ix[i] = i;
	cmp_pts_base = pts;
	qsort(ix, n, sizeof(*ix), cmp_pt_x);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && pts[ix[j]].x == pts[ix[i]].x; j++)
			;
		if (j - i < 2)
			continue;
		for (k = i; k < j; k++)
			pts[ix[k]].px += (fmod((double)(k - i) * 0.6180339887498949, 1.0) - 0.5) * spread;
	}
	free(ix);
}


/*
 * The note under a scatter chart (markup, "" none): what the marker fill
 * means, how many of the n points are not labelled, and the catalysts the
 * template names that have no point (missing).
 */
static void scatter_note(const struct rpt_chart *c, size_t nclasses, int labelled, size_t hidden,
			 size_t n, const char *missing, struct buf *out)
{
	buf_reset(out);
	if (nclasses > 1)
		buf_addstr(out, "Marker fill gives the pressure: open 0.1 MPa or less, "
			   "light up to 1.5 MPa, solid above; unknown light.  ");
	if (labelled && hidden)
		buf_printf(out, "%zu of %zu points not labelled%s.  ", hidden, n,
			   n <= SCATTER_ALL_LABELS ? " (no room)" : c->nnamed ?
			   " (labels go to the highest, the lowest and the catalysts named)" :
			   " (labels go to the highest and lowest)");
	if (labelled && *missing)
		buf_printf(out, "Named but not in this chart: %s.", missing);
	while (out->len && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
}

static void chart_scatter(struct gfx *g, const struct rpt_chart *c, const struct rpt_groups *gr,
			  double x, double y, double w, double h, struct rpt_chart_layout *lay)
{
	struct buf note = BUF_INIT, missing = BUF_INIT;
	double note_h = 0;
	size_t n, i, nsel = 0, ns;
	struct pt *pts = collect_points(c, gr, 1, &n, lay);
	struct buf xt = BUF_INIT, yt = BUF_INIT;
	struct plot p;
	struct legend lg = { 0, 0, 0, 0, 0, 0, 0 };
	struct series *ss;
	int inside = 0, grouped = c->group.kind != RF_COLUMN || c->group.col >= 0, labelled;
	size_t nclasses;

	for (i = 0; i < gr->n; i++)
		nsel += gr->v[i].n;
	if (n == 0) {
		lay->empty = 1;
		draw_empty(g, c, x, y, w, h, lay, nsel);
		free(pts);
		return;
	}
	fit_axis(&lay->x, c->xlog, pts, n, 0, 7);
	fit_axis(&lay->y, c->ylog, pts, n, 1, 6);
	axis_title(c->xtitle, &c->x, &xt);
	axis_title(c->ytitle, &c->y, &yt);
	nclasses = pressure_classes(pts, n);
	labelled = c->label.kind != RF_COLUMN || c->label.col >= 0;
	if (labelled) {
		lay->nnamed_found = mark_named(c, pts, n, &missing);
		pick_labels(pts, n);
	}
	/* Room under the plot for the note, measured with every point unlabelled. */
	scatter_note(c, nclasses, labelled, n, n, buf_str(&missing), &note);
	if (note.len) {
		double nw, nh;
		gfx_text_size(g, FONT_SMALL, buf_str(&note), w, &nw, &nh);
		note_h = nh + 4;
	}
	plot_area(g, &lay->y, buf_str(&yt), buf_str(&xt), x, y, w, h, note_h, 0, &p);
	for (i = 0; i < n; i++) {
		pts[i].px = map_x(&p, &lay->x, pts[i].x);
		pts[i].py = map_y(&p, &lay->y, pts[i].y);
	}
	jitter(pts, n, fmin(10, p.w * 0.025));
	series_from_groups(gr, &ss, &ns);
	for (i = 0; i < n; i++)
		ss[pts[i].series].n++;
	for (i = 0, lay->nseries = 0; i < ns; i++)
		lay->nseries += ss[i].n > 0;
	lay->legend = "none";
	if (grouped && ns > 0)
		inside = legend_place(g, ss, ns, pts, n, &p, &lg, lay, &lay->x, &lay->y, 0);
	draw_frame(g, &p);
	draw_y_axis(g, &p, &lay->y);
	draw_x_axis(g, &p, &lay->x, 1);
	{
		double th, tw, lh;
		gfx_text_size(g, FONT_AXIS, buf_str(&yt), 0, &tw, &th);
		tick_label_width(g, &lay->x, &lh);
		draw_axis_titles(g, &p, buf_str(&xt), buf_str(&yt), x + th / 2 + 1,
				 p.y + p.h + lh + 6);
	}
	/* The largest group first, so that small groups stay visible on top. */
	{
		size_t *order = xcalloc(ns + 1, sizeof(*order)), k, j;
		for (k = 0; k < ns; k++)
			order[k] = k;
		for (k = 1; k < ns; k++)
			for (j = k; j > 0 && ss[order[j - 1]].n < ss[order[j]].n; j--) {
				size_t tmp = order[j];
				order[j] = order[j - 1];
				order[j - 1] = tmp;
			}
		for (k = 0; k < ns; k++)
			for (i = 0; i < n; i++)
				if (pts[i].series == order[k])
					gfx_marker_fill(g, gfx_marker_of(ss[order[k]].style), pts[i].px,
							pts[i].py, MARKER_SIZE,
							gfx_palette(ss[order[k]].style), 0, pts[i].fill);
		free(order);
	}
	lay->nplotted = n;
	if (grouped && ns > 0)
		legend_draw(g, ss, ns, &lg);
	if (labelled)
		place_labels(g, c, pts, n, &p, &lg, inside, lay);
	/* Under the chart: what the fill means, and what is not labelled. */
	scatter_note(c, nclasses, labelled, lay->nlabels_hidden, n, buf_str(&missing), &note);
	if (note.len)
		gfx_text(g, FONT_SMALL, buf_str(&note), x, y + h - note_h + 2, w, GA_LEFT, GREY);
	buf_release(&note);
	buf_release(&missing);
	series_free(ss, ns);
	buf_release(&xt);
	buf_release(&yt);
	free(pts);
}

/* --- bars ------------------------------------------------------------------------ */

/* Past BAR_MAX bars, each group shows its BAR_TOP highest. */
#define BAR_MAX 60
#define BAR_TOP 12

/* A group's name over its bars, with the bars left out: "SAC (top 12 of 120)". */
static void bar_group_name(struct gfx *g, const struct rpt_groups *gr, const size_t *more,
			   size_t gi, double x, double y)
{
	struct buf b = BUF_INIT;
	rpt_markup_escape(rpt_group_label(gr->v[gi].name), &b);
	if (more[gi])
		buf_printf(&b, " <span foreground=\"#666666\">(top %d of %zu)</span>", BAR_TOP,
			   (size_t)BAR_TOP + more[gi]);
	gfx_text(g, FONT_TICK, buf_str(&b), x, y, 0, GA_CENTER, INK);
	buf_release(&b);
}

static void chart_bar(struct gfx *g, const struct rpt_chart *c, const struct rpt_groups *gr,
		      double x, double y, double w, double h, struct rpt_chart_layout *lay)
{
	size_t n, i, nsel = 0;
	struct pt *pts = collect_points(c, gr, 0, &n, lay);
	struct buf yt = BUF_INIT;
	struct plot p;
	double label_w = 0, slot, bw, gap, yb;
	size_t ngroups_used = 0, *more;
	int labels;

	for (i = 0; i < gr->n; i++)
		nsel += gr->v[i].n;
	if (n == 0) {
		lay->empty = 1;
		draw_empty(g, c, x, y, w, h, lay, nsel);
		free(pts);
		return;
	}
	/* A long chart shows the highest BAR_TOP of each group; the rest are counted. */
	more = xcalloc(gr->n + 1, sizeof(*more));
	if (n > BAR_MAX) {
		size_t k = 0, in_group = 0;
		for (i = 0; i < n; i++) {
			in_group = i > 0 && pts[i].series == pts[i - 1].series ? in_group + 1 : 0;
			if (in_group < BAR_TOP)
				pts[k++] = pts[i];
			else
				more[pts[i].series]++;
		}
		lay->nbars_capped = n - k;
		n = k;
	}
	fit_axis(&lay->y, c->ylog, pts, n, 1, 6);
	if (c->ylog) {
		/* Bars on a log axis start at a decade, never at an arbitrary margin. */
		double lo = HUGE_VAL;
		for (i = 0; i < n; i++)
			lo = fmin(lo, pts[i].y);
		lay->y.lo = pow(10, floor(log10(lo) + 1e-9));
	}
	if (!c->ylog && lay->y.lo > 0) {
		/* Bars start at zero on a linear axis. */
		double hi = lay->y.hi;
		rpt_axis_linear(&lay->y, 0, hi / 1.04, 6);
		lay->y.lo = 0;
	}
	for (i = 0; i < n; i++)
		if (i == 0 || pts[i].series != pts[i - 1].series)
			ngroups_used++;
	axis_title(c->ytitle, &c->y, &yt);
	/* First pass for the bar width: are labels readable at all? */
	plot_area(g, &lay->y, buf_str(&yt), "", x, y, w, h, 0, 0, &p);
	slot = p.w / ((double)n + 0.8 * (double)(ngroups_used - 1) + 0.4);
	labels = (c->label.kind != RF_COLUMN || c->label.col >= 0) && slot >= 6.5;
	if (labels) {
		for (i = 0; i < n; i++) {
			char tmp[NUM_BUFSZ], clip[RPT_CLIP + 4];
			struct buf mk = BUF_INIT;
			double tw, th;
			rpt_chem_markup(rpt_clip(rpt_row_text(pts[i].row, &c->label, tmp), clip), &mk);
			gfx_text_size(g, FONT_SMALL, buf_str(&mk), 0, &tw, &th);
			if (tw > label_w)
				label_w = tw;
			buf_release(&mk);
		}
		if (label_w > h * 0.4)
			label_w = h * 0.4;
	}
	plot_area(g, &lay->y, buf_str(&yt), "", x, y, w, h,
		  labels ? label_w * sin(60 * M_PI / 180) + 4 : 0, 0, &p);
	p.y += 10;      /* room for the group names */
	p.h -= 10;
	slot = p.w / ((double)n + 0.8 * (double)(ngroups_used - 1) + 0.4);
	bw = slot * 0.72;
	gap = slot * 0.8;
	draw_y_axis(g, &p, &lay->y);
	yb = p.y + p.h;
	{
		double pos = p.x + slot * 0.2, gstart = pos;
		for (i = 0; i < n; i++) {
			double top = map_y(&p, &lay->y, pts[i].y), bx;
			if (i > 0 && pts[i].series != pts[i - 1].series) {
				/* Close the previous group: its name above, a separator. */
				bar_group_name(g, gr, more, pts[i - 1].series, (gstart + pos) / 2, p.y - 10);
				pos += gap;
				gfx_line(g, pos - gap / 2, p.y, pos - gap / 2, yb, MINOR_W, LIGHT);
				gstart = pos;
			}
			bx = pos + (slot - bw) / 2;
			pts[i].px = bx + bw / 2;
			pts[i].py = top;
			if (top > yb)
				top = yb;
			gfx_bar(g, bx, top, bw, yb - top, gfx_palette(gr->v[pts[i].series].style));
			if (labels) {
				char tmp[NUM_BUFSZ], clip[RPT_CLIP + 4];
				struct buf mk = BUF_INIT;
				rpt_chem_markup(rpt_clip(rpt_row_text(pts[i].row, &c->label, tmp), clip), &mk);
				gfx_text_rotated_end(g, FONT_SMALL, buf_str(&mk), bx + bw / 2 + 1,
						     yb + 4, 60, INK);
				lay->nlabels++;
				buf_release(&mk);
			}
			pos += slot;
		}
		bar_group_name(g, gr, more, pts[n - 1].series, (gstart + pos) / 2, p.y - 10);
	}
	if (!labels)
		lay->nlabels_hidden = c->label.col >= 0 || c->label.kind != RF_COLUMN ? n : 0;
	draw_frame(g, &p);
	{
		double tw, th;
		gfx_text_size(g, FONT_AXIS, buf_str(&yt), 0, &tw, &th);
		gfx_text_up(g, FONT_AXIS, buf_str(&yt), x + th / 2 + 1, p.y + p.h / 2, INK);
	}
	/* x "axis": categorical, no ticks; keep a plain range in the dump. */
	lay->x.lo = 0;
	lay->x.hi = (double)n;
	lay->nplotted = n;
	lay->nseries = ngroups_used;
	lay->legend = "none";
	buf_release(&yt);
	free(more);
	free(pts);
}

/* --- strip ------------------------------------------------------------------------ */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Quantile q of sorted v[0..n), linear between order statistics. */
static double quantile(const double *v, size_t n, double q)
{
	double pos = q * (double)(n - 1);
	size_t i = (size_t)floor(pos);
	if (i + 1 >= n)
		return v[n - 1];
	return v[i] + (pos - (double)i) * (v[i + 1] - v[i]);
}

static void chart_strip(struct gfx *g, const struct rpt_chart *c, const struct rpt_groups *gr,
			double x, double y, double w, double h, struct rpt_chart_layout *lay)
{
	size_t n, i, nsel = 0, gi;
	struct pt *pts = collect_points(c, gr, 0, &n, lay);
	struct buf yt = BUF_INIT;
	struct plot p;
	double slot, lh;

	for (i = 0; i < gr->n; i++)
		nsel += gr->v[i].n;
	if (n == 0) {
		lay->empty = 1;
		draw_empty(g, c, x, y, w, h, lay, nsel);
		free(pts);
		return;
	}
	fit_axis(&lay->y, c->ylog, pts, n, 1, 6);
	axis_title(c->ytitle, &c->y, &yt);
	tick_label_width(g, &lay->y, &lh);
	plot_area(g, &lay->y, buf_str(&yt), "", x, y, w, h, 0, 0, &p);
	slot = p.w / (double)(gr->n ? gr->n : 1);
	draw_frame(g, &p);
	draw_y_axis(g, &p, &lay->y);
	for (gi = 0; gi < gr->n; gi++) {
		double cx = p.x + slot * ((double)gi + 0.5), *vals;
		size_t k = 0, j;
		struct buf lab = BUF_INIT;
		vals = xcalloc(n + 1, sizeof(*vals));
		for (i = 0; i < n; i++)
			if (pts[i].series == gi)
				vals[k++] = c->ylog ? log10(pts[i].y) : pts[i].y;
		buf_printf(&lab, "%s\n<span size=\"smaller\" foreground=\"#666666\"><i>n</i> = %zu</span>",
			   rpt_group_label(gr->v[gi].name), k);
		{
			/* A name wider than its slot ("unclassified" among six groups) is set smaller, not hyphenated. */
			double tw, th;
			const char *font = FONT_TICK;
			gfx_text_size(g, font, rpt_group_label(gr->v[gi].name), 0, &tw, &th);
			if (tw > slot - 2)
				font = FONT_FAMILY " 6";
			gfx_text(g, font, buf_str(&lab), cx - slot / 2, p.y + p.h + 3, slot, GA_CENTER, INK);
		}
		buf_release(&lab);
		if (c->box && k >= 4) {
			double q1, q2, q3, lo, hi, iqr, bx = slot * 0.32;
			qsort(vals, k, sizeof(*vals), cmp_double);
			q1 = quantile(vals, k, 0.25);
			q2 = quantile(vals, k, 0.5);
			q3 = quantile(vals, k, 0.75);
			iqr = q3 - q1;
			lo = q1;
			hi = q3;
			for (j = 0; j < k; j++) {
				if (vals[j] >= q1 - 1.5 * iqr && vals[j] < lo)
					lo = vals[j];
				if (vals[j] <= q3 + 1.5 * iqr && vals[j] > hi)
					hi = vals[j];
			}
#define SY(v) map_y(&p, &lay->y, c->ylog ? pow(10, (v)) : (v))
			gfx_rect(g, cx - bx, SY(q3), 2 * bx, SY(q1) - SY(q3), 0.9, GREY);
			gfx_line(g, cx - bx, SY(q2), cx + bx, SY(q2), 1.4, INK);
			gfx_line(g, cx, SY(q3), cx, SY(hi), 0.9, GREY);
			gfx_line(g, cx, SY(q1), cx, SY(lo), 0.9, GREY);
			gfx_line(g, cx - bx / 2, SY(hi), cx + bx / 2, SY(hi), 0.9, GREY);
			gfx_line(g, cx - bx / 2, SY(lo), cx + bx / 2, SY(lo), 0.9, GREY);
#undef SY
		}
		free(vals);
		/* Deterministic jitter: the golden-ratio sequence spreads points evenly. */
		for (i = 0, k = 0; i < n; i++) {
			double jit;
			if (pts[i].series != gi)
				continue;
			jit = fmod((double)k * 0.6180339887498949, 1.0) - 0.5;
			k++;
			pts[i].px = cx + jit * slot * 0.5;
			pts[i].py = map_y(&p, &lay->y, pts[i].y);
			gfx_marker(g, gfx_marker_of(gr->v[gi].style), pts[i].px, pts[i].py,
				   MARKER_SIZE * 0.9, gfx_palette(gr->v[gi].style), 0);
		}
	}
	{
		double tw, th;
		gfx_text_size(g, FONT_AXIS, buf_str(&yt), 0, &tw, &th);
		gfx_text_up(g, FONT_AXIS, buf_str(&yt), x + th / 2 + 1, p.y + p.h / 2, INK);
	}
	lay->x.lo = 0;
	lay->x.hi = (double)gr->n;
	lay->nplotted = n;
	lay->nseries = gr->n;
	lay->legend = "none";
	buf_release(&yt);
	free(pts);
}

/* --- Arrhenius ------------------------------------------------------------------- */

/*
 * The top edge of an Arrhenius plot in degrees Celsius, so that a reader
 * sees the temperatures behind 1000/T: nice values of T placed at 1000/(T + 273.15).
 */
static void draw_temperature_axis(struct gfx *g, const struct plot *p, const struct rpt_axis *xa)
{
	struct rpt_axis t;
	size_t i;
	double w, h;
	rpt_axis_linear(&t, 1000 / xa->hi - UNITS_ZERO_C_K, 1000 / xa->lo - UNITS_ZERO_C_K, 5);
	for (i = 0; i < t.nticks; i++) {
		struct buf b = BUF_INIT;
		double v = 1000 / (t.ticks[i] + UNITS_ZERO_C_K), x;
		if (t.ticks[i] <= -UNITS_ZERO_C_K || v < xa->lo || v > xa->hi)
			continue;
		x = map_x(p, xa, v);
		gfx_line(g, x, p->y, x, p->y + TICK_LEN, FRAME_W, INK);
		rpt_axis_label(&t, t.ticks[i], &b);
		gfx_text_size(g, FONT_TICK, buf_str(&b), 0, &w, &h);
		gfx_text(g, FONT_TICK, buf_str(&b), x, p->y - h - 2, 0, GA_CENTER, INK);
		buf_release(&b);
	}
	gfx_text_size(g, FONT_TICK, "0", 0, &w, &h);
	{
		double tw, th;
		gfx_text_size(g, FONT_AXIS, "Temperature (°C)", 0, &tw, &th);
		gfx_text(g, FONT_AXIS, "Temperature (°C)", p->x + p->w / 2, p->y - h - 3 - th, 0,
			 GA_CENTER, INK);
	}
}

/* One fitted series as a line of the layout dump. */
static void fit_line(const struct arr_series *s, struct buf *f)
{
	buf_printf(f, "fit %s doc=%s P=%s WHSV=%s points=%zu", entry_get(s->first, COL_CATALYST),
		   entry_get(s->first, COL_DOC), entry_get(s->first, COL_PRESSURE_MPA),
		   entry_get(s->first, COL_WHSV), s->n);
	if (s->nrepeated)
		buf_printf(f, " repeated=%zu", s->nrepeated);
	buf_addstr(f, " Ea=");
	fmt_g(round(s->ea * 10) / 10, f);
	buf_addstr(f, " se=");
	fmt_g(round(s->ea_se * 10) / 10, f);
	buf_addstr(f, " r2=");
	fmt_g(round(s->r2 * 1000) / 1000, f);
	buf_addstr(f, " reported=");
	if (s->has_reported)
		fmt_g(s->ea_reported, f);
	else
		buf_addstr(f, "-");
	{
		static const char *const word[] = { "drawn", "negative", "implausible", "disagrees",
			"scattered" };
		buf_printf(f, " %s\n", word[s->verdict]);
	}
}

/* The most series an Arrhenius chart draws; the others are counted under it. */
#define ARR_MAX_DRAWN 6

static int cmp_series_points(const void *pa, const void *pb)
{
	const struct arr_series *const *a = pa, *const *b = pb;
	if ((*a)->n != (*b)->n)
		return (*a)->n > (*b)->n ? -1 : 1;
	return (*a)->first_index < (*b)->first_index ? -1 : (*a)->first_index > (*b)->first_index;
}

/* "Ru/CeO2 (doc, 1 MPa)": what makes a series one. */
static void series_label(const struct arr_series *s, int docs, struct buf *out)
{
	char clip[RPT_CLIP + 4];
	const char *p = entry_get(s->first, COL_PRESSURE_MPA);
	rpt_chem_markup(rpt_clip(entry_get(s->first, COL_CATALYST), clip), out);
	if (docs || *p) {
		buf_addstr(out, " (");
		if (docs)
			rpt_markup_escape(rpt_clip(entry_get(s->first, COL_DOC), clip), out);
		if (docs && *p)
			buf_addstr(out, ", ");
		if (*p) {
			rpt_format_sig(p, COL_PRESSURE_MPA, out);
			buf_addstr(out, " MPa");
		}
		buf_addch(out, ')');
	}
}

/* "68 ± 4": the error to one significant figure (two when it starts with 1), Ea to match. */
/* A value with its standard error: "68 ± 4" (the error to one figure, two from 1). */
static void rpt_format_with_error(double v, double err, struct buf *out)
{
	int dec = 0;
	if (err > 0 && isfinite(err)) {
		double e = floor(log10(err));
		int lead = (int)(err / pow(10, e));
		dec = (int)-e + (lead == 1 ? 1 : 0);
		if (dec < 0) {
			double q = pow(10, -dec);
			v = round(v / q) * q;
			err = round(err / q) * q;
			dec = 0;
		}
	}
	rpt_format_fixed(v, dec, out);
	if (err > 0 && isfinite(err)) {
		buf_addstr(out, " ± ");
		rpt_format_fixed(err, dec, out);
	}
}

static void chart_arrhenius(struct gfx *g, const struct rpt_chart *c, const struct rpt_groups *gr,
			    double x, double y, double w, double h, struct rpt_chart_layout *lay)
{
	const struct entry **rows;
	const struct arr_series **good;
	struct arr_set set;
	size_t i, j, nsel = 0, ns = 0, n = 0, ngood = 0, nbad = 0, ndocs = 0, npts = 0;
	struct series *ss;
	struct pt *pts;
	struct buf xt = BUF_INIT, yt = BUF_INIT;
	struct plot p;
	struct legend lg = { 0, 0, 0, 0, 0, 0, 0 };
	struct rpt_field inv = { RF_INV_T, -1 }, lnr = { RF_LN_RATE, -1 };
	struct rules *rules = rules_new();

	for (i = 0; i < gr->n; i++)
		nsel += gr->v[i].n;
	rows = xcalloc(nsel + 1, sizeof(*rows));
	for (i = 0; i < gr->n; i++)
		for (j = 0; j < gr->v[i].n; j++) {
			const struct rpt_row *r = &gr->v[i].rows[j];
			double t, rate;
			if (rpt_row_num(r, &inv, &t) != 1 || entry_get_num(r->e, COL_RATE_GCAT, &rate) != 1)
				lay->nmissing++;
			else if (!(rate > 0))
				lay->ndropped_log++;
			rows[n++] = r->e;
		}
	arr_find(rows, n, c->min_points, rules->range[COL_EA].min, rules->range[COL_EA].max, &set);
	rules_free(rules);
	good = xcalloc(set.n + 1, sizeof(*good));
	for (i = 0; i < set.n; i++) {
		const struct arr_series *s = &set.v[i];
		fit_line(s, &lay->fits);
		if (s->verdict == ARR_OK)
			good[ngood++] = s;
		else
			nbad++;
		lay->nfits_bad = nbad;
		if (i == 0 || !str_eq(entry_get(s->first, COL_DOC), entry_get(set.v[0].first, COL_DOC)))
			ndocs++;
	}
	/* The series with the most temperatures, at most ARR_MAX_DRAWN of them. */
	if (ngood > 1)
		qsort(good, ngood, sizeof(*good), cmp_series_points);
	ns = ngood < ARR_MAX_DRAWN ? ngood : ARR_MAX_DRAWN;
	ss = xcalloc(ns + 1, sizeof(*ss));
	for (i = 0; i < ns; i++)
		npts += good[i]->n;
	pts = xcalloc(npts + 1, sizeof(*pts));
	n = 0;
	for (i = 0; i < ns; i++) {
		const struct arr_series *s = good[i];
		struct buf b = BUF_INIT;
		for (j = 0; j < s->n; j++) {
			pts[n].x = s->pts[j].invT;
			pts[n].y = s->pts[j].lnr;
			pts[n].series = i;
			n++;
		}
		ss[i].n = s->n;
		ss[i].style = i;
		ss[i].slope = s->slope;
		ss[i].icpt = s->icpt;
		ss[i].xmin = s->pts[0].invT;
		ss[i].xmax = s->pts[s->n - 1].invT;
		series_label(s, ndocs > 1, &b);
		buf_addstr(&b, ": <i>E</i><sub>a</sub> = ");
		rpt_format_with_error(s->ea, s->ea_se, &b);
		buf_addstr(&b, " kJ mol<sup>−1</sup>, <i>R</i><sup>2</sup> = ");
		rpt_format_fixed(s->r2, s->r2 > 0.995 ? 3 : 2, &b);
		if (s->has_reported) {
			buf_addstr(&b, " (reported ");
			rpt_format_fixed(s->ea_reported, 0, &b);
			buf_addstr(&b, ")");
		}
		ss[i].name = buf_detach(&b, NULL);
	}
	lay->nseries = ns;
	lay->legend = "none";
	if (n == 0) {
		lay->empty = 1;
		draw_empty(g, c, x, y, w, h, lay, nsel);
		goto out;
	}
	fit_axis(&lay->x, 0, pts, n, 0, 6);
	fit_axis(&lay->y, 0, pts, n, 1, 6);
	axis_title(c->xtitle, &inv, &xt);
	axis_title(c->ytitle, &lnr, &yt);
	plot_area(g, &lay->y, buf_str(&yt), buf_str(&xt), x, y, w, h, nbad || ngood > ns ? 22 : 0, 0, &p);
	/* Room above for the temperature axis. */
	p.y += 30;
	p.h -= 30;
	for (i = 0; i < n; i++) {
		pts[i].px = map_x(&p, &lay->x, pts[i].x);
		pts[i].py = map_y(&p, &lay->y, pts[i].y);
	}
	legend_place(g, ss, ns, pts, n, &p, &lg, lay, &lay->x, &lay->y, 30);
	draw_frame(g, &p);
	draw_y_axis(g, &p, &lay->y);
	draw_x_axis(g, &p, &lay->x, 0);
	draw_temperature_axis(g, &p, &lay->x);
	{
		double th, tw, lh;
		gfx_text_size(g, FONT_AXIS, buf_str(&yt), 0, &tw, &th);
		tick_label_width(g, &lay->x, &lh);
		draw_axis_titles(g, &p, buf_str(&xt), buf_str(&yt), x + th / 2 + 1, p.y + p.h + lh + 6);
		if (nbad || ngood > ns) {
			/* What is not drawn, and where to find it. */
			struct buf note = BUF_INIT;
			if (ngood > ns)
				buf_printf(&note, "%zu more series not drawn. ", ngood - ns);
			if (nbad)
				buf_printf(&note, "%zu series left out: a fit that is negative, implausible, "
					   "scattered or far from the reported value (rule arrhenius-fit).", nbad);
			gfx_text(g, FONT_SMALL, buf_str(&note), x, y + h - 20, w, GA_LEFT, GREY);
			buf_release(&note);
		}
	}
	gfx_clip(g, p.x, p.y, p.w, p.h);
	for (i = 0; i < ns; i++) {
		double x0 = ss[i].xmin - 0.02 * (lay->x.hi - lay->x.lo);
		double x1 = ss[i].xmax + 0.02 * (lay->x.hi - lay->x.lo);
		gfx_line(g, map_x(&p, &lay->x, x0), map_y(&p, &lay->y, ss[i].icpt + ss[i].slope * x0),
			 map_x(&p, &lay->x, x1), map_y(&p, &lay->y, ss[i].icpt + ss[i].slope * x1),
			 1.0, gfx_palette(ss[i].style));
	}
	gfx_unclip(g);
	for (i = 0; i < n; i++)
		gfx_marker(g, gfx_marker_of(ss[pts[i].series].style), pts[i].px, pts[i].py,
			   MARKER_SIZE, gfx_palette(ss[pts[i].series].style), 0);
	lay->nplotted = n;
	legend_draw(g, ss, ns, &lg);
out:
	free(rows);
	free(good);
	arr_set_release(&set);
	series_free(ss, ns);
	free(pts);
	buf_release(&xt);
	buf_release(&yt);
}

/* --- entry points ------------------------------------------------------------------ */

void rpt_chart_draw(struct gfx *g, const struct rpt_chart *c, const struct report_data *d,
		    double x, double y, double w, double h, struct rpt_chart_layout *lay)
{
	struct rpt_chart_layout own;
	struct rpt_groups gr;
	struct rpt_field nosort = { RF_COLUMN, -1 };
	const struct rpt_field *sort = &nosort;
	int desc = 0;

	if (!lay)
		lay = &own;
	memset(lay, 0, sizeof(*lay));
	buf_init(&lay->fits);
	lay->legend = "none";
	if (c->kind == CK_BAR) {
		sort = &c->y;
		desc = 1;
	}
	rpt_select(d, &c->filters, &c->group, c->group_order, c->ngroup_order, sort, desc, &gr);
	{
		size_t i;
		for (i = 0; i < gr.n; i++)
			lay->nrows += gr.v[i].n;
	}
	switch (c->kind) {
	case CK_SCATTER:
		chart_scatter(g, c, &gr, x, y, w, h, lay);
		break;
	case CK_BAR:
		chart_bar(g, c, &gr, x, y, w, h, lay);
		break;
	case CK_STRIP:
		chart_strip(g, c, &gr, x, y, w, h, lay);
		break;
	case CK_ARRHENIUS:
		chart_arrhenius(g, c, &gr, x, y, w, h, lay);
		break;
	}
	if (lay->ndropped_log)
		warning("chart '%s': %zu entr%s with a value of zero or less, or outside 1e-300 .. 1e300, left out (%s)",
			c->id, lay->ndropped_log, lay->ndropped_log == 1 ? "y" : "ies",
			c->kind == CK_ARRHENIUS ? "no logarithm" : "log axis");
	rpt_groups_release(&gr);
	if (lay == &own)
		rpt_chart_layout_release(&own);
}

int rpt_chart_probe(const struct rpt_chart *c, const struct report_data *d,
		    struct rpt_chart_layout *lay)
{
	struct rpt_groups gr;
	struct rpt_field nosort = { RF_COLUMN, -1 };
	size_t i, j, n = 0, nplot = 0;

	memset(lay, 0, sizeof(*lay));
	buf_init(&lay->fits);
	lay->legend = "none";
	rpt_select(d, &c->filters, &c->group, c->group_order, c->ngroup_order, &nosort, 0, &gr);
	for (i = 0; i < gr.n; i++)
		lay->nrows += gr.v[i].n;
	if (c->kind == CK_ARRHENIUS) {
		const struct entry **rows = xcalloc(lay->nrows + 1, sizeof(*rows));
		struct rpt_field inv = { RF_INV_T, -1 };
		struct rules *rules = rules_new();
		struct arr_set set;
		for (i = 0; i < gr.n; i++)
			for (j = 0; j < gr.v[i].n; j++) {
				const struct rpt_row *r = &gr.v[i].rows[j];
				double t, rate;
				if (rpt_row_num(r, &inv, &t) != 1 ||
				    entry_get_num(r->e, COL_RATE_GCAT, &rate) != 1)
					lay->nmissing++;
				else if (!(rate > 0))
					lay->ndropped_log++;
				rows[n++] = r->e;
			}
		arr_find(rows, n, c->min_points, rules->range[COL_EA].min, rules->range[COL_EA].max,
			 &set);
		for (i = 0; i < set.n; i++) {
			fit_line(&set.v[i], &lay->fits);
			if (set.v[i].verdict == ARR_OK)
				nplot += set.v[i].n;
			else
				lay->nfits_bad++;
		}
		arr_set_release(&set);
		rules_free(rules);
		free(rows);
	} else {
		struct pt *pts = collect_points(c, &gr, c->kind == CK_SCATTER, &nplot, lay);
		free(pts);
	}
	rpt_groups_release(&gr);
	lay->empty = nplot == 0;
	return nplot > 0;
}

void rpt_chart_layout_release(struct rpt_chart_layout *lay)
{
	buf_release(&lay->fits);
}

static void dump_axis(FILE *f, const char *name, const struct rpt_axis *a)
{
	struct buf b = BUF_INIT;
	size_t i;
	buf_printf(&b, "  %s: %s range ", name, a->log ? "log" : "linear");
	fmt_g(a->lo, &b);
	buf_addstr(&b, " .. ");
	fmt_g(a->hi, &b);
	buf_addstr(&b, " ticks");
	for (i = 0; i < a->nticks; i++) {
		buf_addch(&b, ' ');
		fmt_g(a->ticks[i], &b);
	}
	if (a->nminor)
		buf_printf(&b, " minor %zu", a->nminor);
	fprintf(f, "%s\n", buf_str(&b));
	buf_release(&b);
}

void rpt_chart_layout_dump(FILE *f, const struct rpt_chart *c, const struct rpt_chart_layout *lay)
{
	static const char *const kinds[] = { "scatter", "bar", "arrhenius", "strip" };
	fprintf(f, "chart %s kind=%s\n", c->id, kinds[c->kind]);
	if (lay->empty) {
		fprintf(f, "  empty: one line drawn; missing=%zu dropped-log=%zu\n",
			lay->nmissing, lay->ndropped_log);
		if (lay->fits.len)
			fprintf(f, "%s", buf_str(&lay->fits));
		return;
	}
	if (c->kind == CK_SCATTER || c->kind == CK_ARRHENIUS)
		dump_axis(f, "x", &lay->x);
	dump_axis(f, "y", &lay->y);
	fprintf(f, "  markers=%zu missing=%zu dropped-log=%zu series=%zu legend=%s\n",
		lay->nplotted, lay->nmissing, lay->ndropped_log, lay->nseries, lay->legend);
	if (lay->nbars_capped)
		fprintf(f, "  capped=%zu\n", lay->nbars_capped);
	if (lay->nlabels || lay->nlabels_hidden)
		fprintf(f, "  labels=%zu hidden=%zu\n", lay->nlabels, lay->nlabels_hidden);
	if (c->nnamed)
		fprintf(f, "  named=%zu found=%zu\n", c->nnamed, lay->nnamed_found);
	if (lay->fits.len)
		fprintf(f, "%s", buf_str(&lay->fits));
}
