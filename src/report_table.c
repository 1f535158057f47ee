/*
 * report_table.c: tables in the style of a journal: three rules (top,
 * below the header, bottom), units in the header, rows grouped under a
 * group line (SAC / SCC / BCC / NP), numbers aligned on the decimal
 * point, a note line under the table for derived values.  A long table
 * continues on the next page with its header repeated.
 *
 * The comparison tables of templates, the entry summary and the list of
 * validation findings all go through one grid renderer here.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_table.h"

#include "physconst.h"
#include "report_axis.h"
#include "report_data.h"
#include "report_flow.h"
#include "report_gfx.h"
#include "report_int.h"
#include "report_sources.h"

static const struct gfx_rgb INK = { 0.1, 0.1, 0.1 };
static const struct gfx_rgb GREY = { 0.4, 0.4, 0.4 };

#define RULE_THICK 0.9
#define RULE_THIN 0.45
#define PAD_X 4.0
#define PAD_Y 1.8

struct cell {
	char *markup;      /* text, or the integer part of a number */
	char *frac;        /* numbers: ".52" and any mark; NULL for text */
};

struct grid_row {
	struct cell *cells;   /* NULL: a group line, text in group */
	char *group;
};

struct grid {
	size_t ncols;
	char **head;          /* header markup per column */
	int *numeric;
	double *width;        /* column widths */
	double *intw, *fracw; /* numeric columns: widest parts */
	struct grid_row *rows;
	size_t nrows, arows;
	const char *font;
	double line_h;        /* one line of the font, once measured */
	double *rh;           /* row heights, once measured (grid_draw) */
};

static void grid_init(struct grid *g, size_t ncols, const char *font)
{
	memset(g, 0, sizeof(*g));
	g->ncols = ncols;
	g->font = font;
	g->head = xcalloc(ncols, sizeof(*g->head));
	g->numeric = xcalloc(ncols, sizeof(*g->numeric));
	g->width = xcalloc(ncols, sizeof(*g->width));
	g->intw = xcalloc(ncols, sizeof(*g->intw));
	g->fracw = xcalloc(ncols, sizeof(*g->fracw));
}

static struct cell *grid_add_row(struct grid *g)
{
	struct grid_row *r;
	g->rows = xgrow(g->rows, &g->arows, g->nrows + 1, sizeof(*g->rows));
	r = &g->rows[g->nrows++];
	r->cells = xcalloc(g->ncols, sizeof(*r->cells));
	r->group = NULL;
	return r->cells;
}

static void grid_add_group(struct grid *g, const char *markup)
{
	struct grid_row *r;
	g->rows = xgrow(g->rows, &g->arows, g->nrows + 1, sizeof(*g->rows));
	r = &g->rows[g->nrows++];
	r->cells = NULL;
	r->group = xstrdup(markup);
}

static void grid_release(struct grid *g)
{
	size_t i, j;
	for (i = 0; i < g->nrows; i++) {
		if (g->rows[i].cells) {
			for (j = 0; j < g->ncols; j++) {
				free(g->rows[i].cells[j].markup);
				free(g->rows[i].cells[j].frac);
			}
		}
		free(g->rows[i].cells);
		free(g->rows[i].group);
	}
	for (j = 0; j < g->ncols; j++)
		free(g->head[j]);
	free(g->rows);
	free(g->head);
	free(g->numeric);
	free(g->width);
	free(g->intw);
	free(g->fracw);
	free(g->rh);
}

/* Natural widths; text columns give way (wrap) when the table is too wide. */
static void grid_measure(struct gfx *gx, struct grid *g, double avail)
{
	size_t i, j;
	double total = 0, w, h;
	double *textw = xcalloc(g->ncols, sizeof(double));
	for (j = 0; j < g->ncols; j++) {
		gfx_text_size(gx, g->font, g->head[j], 0, &w, &h);
		g->width[j] = w;
	}
	for (i = 0; i < g->nrows; i++) {
		if (!g->rows[i].cells)
			continue;
		for (j = 0; j < g->ncols; j++) {
			const struct cell *c = &g->rows[i].cells[j];
			if (!c->markup)
				continue;
			gfx_text_size(gx, g->font, c->markup, 0, &w, &h);
			if (g->numeric[j]) {
				if (w > g->intw[j])
					g->intw[j] = w;
				if (c->frac) {
					gfx_text_size(gx, g->font, c->frac, 0, &w, &h);
					if (w > g->fracw[j])
						g->fracw[j] = w;
				}
			} else if (w > textw[j]) {
				textw[j] = w;
			}
		}
	}
	for (j = 0; j < g->ncols; j++) {
		double cw = g->numeric[j] ? g->intw[j] + g->fracw[j] : textw[j];
		if (cw > g->width[j])
			g->width[j] = cw;
		g->width[j] += 2 * PAD_X;
		total += g->width[j];
	}
	/* Too wide: shrink the widest text columns, down to a third of their width. */
	while (total > avail) {
		size_t widest = g->ncols;
		for (j = 0; j < g->ncols; j++)
			if (!g->numeric[j] && (widest == g->ncols || g->width[j] > g->width[widest]))
				widest = j;
		if (widest == g->ncols || g->width[widest] < 40)
			break;
		{
			double cut = total - avail, can = g->width[widest] * 0.5;
			if (cut > can)
				cut = can;
			g->width[widest] -= cut;
			total -= cut;
			if (cut < 1)
				break;
		}
	}
	/* Spare room: spread it so the table fills the text width, as journals do. */
	if (total < avail && total > 0) {
		double extra = (avail - total) / (double)g->ncols;
		for (j = 0; j < g->ncols; j++)
			g->width[j] += extra;
	}
	free(textw);
}

/* A group line wraps within the table's width. */
static double group_width(const struct grid *g)
{
	double w = 0;
	size_t j;
	for (j = 0; j < g->ncols; j++)
		w += g->width[j];
	return w - 2 * PAD_X;
}

static double row_height(struct gfx *gx, struct grid *g, const struct grid_row *r)
{
	size_t j;
	double hmax = 0, w, h;
	if (!r->cells) {
		gfx_text_size(gx, g->font, r->group, group_width(g), &w, &h);
		return h + 2 * PAD_Y + 2;
	}
	/* Numbers never wrap: one line each, measured once per grid. */
	if (g->line_h == 0)
		gfx_text_size(gx, g->font, "0", 0, &w, &g->line_h);
	hmax = g->line_h;
	for (j = 0; j < g->ncols; j++) {
		if (!r->cells[j].markup || g->numeric[j])
			continue;
		gfx_text_size(gx, g->font, r->cells[j].markup, g->width[j] - 2 * PAD_X, &w, &h);
		if (h > hmax)
			hmax = h;
	}
	return hmax + 2 * PAD_Y;
}

static double head_height(struct gfx *gx, const struct grid *g)
{
	size_t j;
	double hmax = 0, w, h;
	for (j = 0; j < g->ncols; j++) {
		gfx_text_size(gx, g->font, g->head[j], g->width[j] - 2 * PAD_X, &w, &h);
		if (h > hmax)
			hmax = h;
	}
	return hmax + 2 * PAD_Y + 1;
}

static double draw_head(struct rpt_flow *f, const struct grid *g)
{
	size_t j;
	double x = f->x, hh = head_height(f->g, g);
	gfx_line(f->g, f->x, f->y, f->x + f->width, f->y, RULE_THICK, INK);
	for (j = 0; j < g->ncols; j++) {
		gfx_text(f->g, g->font, g->head[j], x + PAD_X, f->y + PAD_Y + 1, g->width[j] - 2 * PAD_X,
			 g->numeric[j] ? GA_CENTER : GA_LEFT, INK);
		x += g->width[j];
	}
	f->y += hh;
	gfx_line(f->g, f->x, f->y, f->x + f->width, f->y, RULE_THIN, INK);
	f->y += 1;
	return hh;
}

static void draw_caption(struct rpt_flow *f, const char *caption)
{
	double h = gfx_text(f->g, FONT_BODY, caption, f->x, f->y, f->width, GA_LEFT, INK);
	f->y += h + 4;
}

/*
 * Draw the grid with caption (markup) above and note (markup, may be "")
 * below, splitting across pages.  Returns how many times the table went on
 * to a new page (each time under its caption and header again).
 */
static int grid_draw(struct rpt_flow *f, struct grid *g, const char *caption, const char *cont,
		      const char *note)
{
	size_t i, j;
	double w, ch, hh, first;
	int continued = 0;
	grid_measure(f->g, g, f->width);
	g->rh = xcalloc(g->nrows + 1, sizeof(*g->rh));
	for (i = 0; i < g->nrows; i++)
		g->rh[i] = row_height(f->g, g, &g->rows[i]);
	gfx_text_size(f->g, FONT_BODY, caption, f->width, &w, &ch);
	hh = head_height(f->g, g);
	first = g->nrows ? g->rh[0] : 0;
	if (g->nrows > 1)
		first += g->rh[1];
	/* Keep the caption, header and two rows together. */
	if (f->y + ch + 4 + hh + first + 4 > f->bottom)
		rpt_flow_newpage(f);
	draw_caption(f, caption);
	draw_head(f, g);
	for (i = 0; i < g->nrows; i++) {
		const struct grid_row *r = &g->rows[i];
		double rh = g->rh[i], x = f->x;
		/* A group line never ends a page: keep it with its first row. */
		double need = rh + (!r->cells && i + 1 < g->nrows ? g->rh[i + 1] : 0);
		/* Nor do one or two rows go on alone: the last three stay together. */
		if (g->nrows - i <= 3 && i >= 3) {
			size_t k;
			need = 0;
			for (k = i; k < g->nrows; k++)
				need += g->rh[k];
		}
		if (f->y + need > f->bottom - 4) {
			gfx_line(f->g, f->x, f->y, f->x + f->width, f->y, RULE_THIN, INK);
			gfx_text(f->g, FONT_SMALL, "<i>continued on the next page</i>", f->x + f->width,
				 f->y + 2, 0, GA_RIGHT, GREY);
			rpt_flow_newpage(f);
			draw_caption(f, cont);
			draw_head(f, g);
			continued++;
		}
		if (!r->cells) {
			gfx_text(f->g, g->font, r->group, f->x + PAD_X, f->y + PAD_Y + 1, group_width(g),
				 GA_LEFT, INK);
			f->y += rh;
			continue;
		}
		for (j = 0; j < g->ncols; j++) {
			const struct cell *c = &r->cells[j];
			if (c->markup && g->numeric[j]) {
				/* The decimal point of every row on one vertical line. */
				double mid = x + (g->width[j] - g->intw[j] - g->fracw[j]) / 2 + g->intw[j];
				gfx_text(f->g, g->font, c->markup, mid, f->y + PAD_Y, 0, GA_RIGHT, INK);
				if (c->frac)
					gfx_text(f->g, g->font, c->frac, mid, f->y + PAD_Y, 0, GA_LEFT, INK);
			} else if (c->markup) {
				gfx_text(f->g, g->font, c->markup, x + PAD_X, f->y + PAD_Y,
					 g->width[j] - 2 * PAD_X, GA_LEFT, INK);
			}
			x += g->width[j];
		}
		f->y += rh;
	}
	gfx_line(f->g, f->x, f->y, f->x + f->width, f->y, RULE_THICK, INK);
	f->y += 3;
	if (note && *note) {
		double nh;
		gfx_text_size(f->g, FONT_SMALL, note, f->width, &w, &nh);
		if (f->y + nh > f->bottom)
			rpt_flow_newpage(f);
		f->y += gfx_text(f->g, FONT_SMALL, note, f->x, f->y, f->width, GA_LEFT, GREY);
	}
	f->y += 14;
	return continued;
}

/* --- cells ------------------------------------------------------------------ */

/* "60000" -> "60 000" (thin space) for five digits and more, as journals print. */
static void group_thousands(const char *digits, size_t n, struct buf *out)
{
	size_t i;
	if (n < 5) {
		buf_add(out, digits, n);
		return;
	}
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_addstr(out, "\xE2\x80\x89");
		buf_addch(out, digits[i]);
	}
}

/*
 * A number cell, with the figures of its source (rpt_format_sig: one rule
 * for every column of every table), split at the decimal point so that
 * the column aligns on it.
 */
static void number_cell(struct cell *c, const char *s, int col, int derived)
{
	struct buf num = BUF_INIT, ip = BUF_INIT, fp = BUF_INIT;
	const char *dot, *p;
	double v;
	if (num_parse(s, &v) < 0) {
		rpt_markup_escape(s, &ip);
		c->markup = buf_detach(&ip, NULL);
		return;
	}
	rpt_format_sig(s, col, &num);
	p = buf_str(&num);
	if (str_startswith(p, "\xE2\x88\x92")) {
		buf_addstr(&ip, "\xE2\x88\x92");
		p += 3;
	}
	dot = strchr(p, '.');
	group_thousands(p, dot ? (size_t)(dot - p) : strlen(p), &ip);
	if (dot)
		buf_addstr(&fp, dot);
	if (derived)
		buf_addstr(&fp, "<sup>a</sup>");
	c->markup = buf_detach(&ip, NULL);
	c->frac = fp.len ? buf_detach(&fp, NULL) : NULL;
	buf_release(&fp);
	buf_release(&num);
}

/* "Ru:1.17;Co:0.41" -> "1.17 Ru + 0.41 Co". */
static void loading_markup(const char *s, struct buf *out)
{
	const char *p = s;
	if (!strchr(s, ':')) {
		rpt_markup_escape(s, out);
		return;
	}
	while (*p) {
		const char *colon = strchr(p, ':'), *end = strchr(p, ';');
		if (!end)
			end = p + strlen(p);
		if (!colon || colon > end) {
			rpt_markup_escape(p, out);
			return;
		}
		if (p != s)
			buf_addstr(out, " + ");
		{
			char *v = xstrndup(colon + 1, (size_t)(end - colon - 1));
			char *el = xstrndup(p, (size_t)(colon - p));
			rpt_markup_escape(v, out);
			buf_addstr(out, " ");
			rpt_markup_escape(el, out);
			free(v);
			free(el);
		}
		p = *end ? end + 1 : end;
	}
}

/*
 * A reference number belongs to the document that cites it: a cell of the
 * ref column reads "95 in Peng 2024a" (the document's source label, under
 * which the bibliography lists its reference 95), never "95" alone; "95"
 * when the table has a source column (field paper) that names it beside.
 */
static void text_cell(struct cell *c, const struct rpt_field *f, const char *s,
		      const struct rpt_row *r, int source_beside)
{
	struct buf b = BUF_INIT;
	char clip[RPT_CLIP + 4];
	s = rpt_clip(s, clip);
	if (f->kind == RF_COLUMN && (f->col == COL_CATALYST || f->col == COL_SUPPORT))
		rpt_chem_markup(s, &b);
	else if (f->kind == RF_COLUMN && f->col == COL_LOADING_WT)
		loading_markup(s, &b);
	else if (f->kind == RF_COLUMN && f->col == COL_REF) {
		const char *p;
		for (p = s; *p; p++)
			if (*p == ';')
				buf_addstr(&b, ", ");
			else
				rpt_markup_escape((char[2]){ *p, '\0' }, &b);
		if (!source_beside) {
			buf_addstr(&b, " <span foreground=\"#666666\">in ");
			rpt_markup_escape(rpt_clip(rpt_row_paper(r), clip), &b);
			buf_addstr(&b, "</span>");
		}
	} else
		rpt_markup_escape(s, &b);
	c->markup = buf_detach(&b, NULL);
}

static void caption_markup(const char *label, int no, const char *title, int continued,
			   struct buf *out)
{
	buf_printf(out, "<b>%s %d</b>%s", label, no, continued ? " (continued)" : "");
	if (!continued && title && *title)
		buf_printf(out, "  %s", title);
}

void rpt_table_render(struct rpt_flow *f, const struct rpt_table *t, const struct report_data *d)
{
	struct grid g;
	struct rpt_groups gr;
	struct buf cap = BUF_INIT, cont = BUF_INIT, note = BUF_INIT;
	size_t gi, i, j, nrows = 0;
	int any_derived = 0, continued = 0, grouped = t->group.kind != RF_COLUMN || t->group.col >= 0;
	int source_beside = 0;

	f->table_no++;
	rpt_select(d, &t->filters, &t->group, t->group_order, t->ngroup_order, &t->sort,
		   t->sort_desc, &gr);
	grid_init(&g, t->ncols, FONT_TABLE);
	for (j = 0; j < t->ncols; j++)
		source_beside |= t->cols[j].field.kind == RF_PAPER;
	for (j = 0; j < t->ncols; j++) {
		struct buf h = BUF_INIT;
		buf_addstr(&h, t->cols[j].label);
		if (*t->cols[j].unit)
			buf_printf(&h, "\n(%s)", t->cols[j].unit);
		g.head[j] = buf_detach(&h, NULL);
		g.numeric[j] = t->cols[j].numeric;
	}
	for (gi = 0; gi < gr.n; gi++) {
		if (grouped) {
			struct buf gl = BUF_INIT;
			buf_addstr(&gl, "<b>");
			rpt_markup_escape(rpt_group_label(gr.v[gi].name), &gl);
			buf_printf(&gl, "</b>  <span foreground=\"#666666\">(%zu)</span>", gr.v[gi].n);
			grid_add_group(&g, buf_str(&gl));
			buf_release(&gl);
		}
		for (i = 0; i < gr.v[gi].n; i++) {
			const struct rpt_row *r = &gr.v[gi].rows[i];
			struct cell *cells = grid_add_row(&g);
			nrows++;
			for (j = 0; j < t->ncols; j++) {
				char tmp[NUM_BUFSZ];
				const struct rpt_field *fl = &t->cols[j].field;
				const char *s = rpt_row_text(r, fl, tmp);
				if (!*s) {
					cells[j].markup = xstrdup(g.numeric[j] ? "–" : "–");
					continue;
				}
				if (g.numeric[j]) {
					int der = fl->kind == RF_COLUMN && rpt_row_derived(r, fl);
					if (fl->kind != RF_COLUMN) {
						double v;
						struct buf nb = BUF_INIT;
						rpt_row_num(r, fl, &v);
						rpt_format_fixed(v, 3, &nb);
						number_cell(&cells[j], buf_str(&nb), -1, 0);
						buf_release(&nb);
					} else {
						number_cell(&cells[j], s, fl->col, der);
					}
					any_derived |= der;
				} else {
					text_cell(&cells[j], fl, s, r, source_beside);
				}
			}
		}
	}
	caption_markup("Table", f->table_no, t->title, 0, &cap);
	caption_markup("Table", f->table_no, NULL, 1, &cont);
	if (nrows == 0) {
		double h;
		draw_caption(f, buf_str(&cap));
		gfx_line(f->g, f->x, f->y, f->x + f->width, f->y, RULE_THICK, INK);
		f->y += 4;
		h = gfx_text(f->g, FONT_BODY,
			     "<i>No entries match this table: the data hold none that pass its filters.</i>",
			     f->x, f->y, f->width, GA_LEFT, GREY);
		f->y += h + 4;
		gfx_line(f->g, f->x, f->y, f->x + f->width, f->y, RULE_THICK, INK);
		f->y += 14;
	} else {
		if (any_derived)
			buf_addstr(&note, "<sup>a</sup> Derived value: computed from other reported "
				   "quantities (listed in the entry's <i>derived</i> column), not read from the source.");
		if (*t->note) {
			if (note.len)
				buf_addch(&note, '\n');
			buf_addstr(&note, t->note);
		}
		continued = grid_draw(f, &g, buf_str(&cap), buf_str(&cont), buf_str(&note));
	}
	if (f->layout) {
		fprintf(f->layout, "table %s rows=%zu groups=%zu derived=%s continued=%d\n", t->id,
			nrows, grouped ? gr.n : 0, any_derived ? "yes" : "no", continued);
	}
	grid_release(&g);
	rpt_groups_release(&gr);
	buf_release(&cap);
	buf_release(&cont);
	buf_release(&note);
}

/* --- summary and findings ------------------------------------------------------- */

static void count_cell(struct cell *c, size_t n)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "%zu", n);
	c->markup = buf_detach(&b, NULL);
}

void rpt_summary_render(struct rpt_flow *f, const struct report_data *d)
{
	struct grid g;
	struct rpt_groups gr;
	struct rpt_field site = { RF_COLUMN, COL_SITE_TYPE }, none = { RF_COLUMN, -1 };
	static const int cols[] = { COL_RATE_GCAT, COL_TOF_S, COL_EA, COL_SIZE_NM };
	static const char *const heads[] = { "Site type", "Entries", "with rate", "with TOF",
		"with <i>E</i><sub>a</sub>", "with size" };
	struct buf cap = BUF_INIT, text = BUF_INIT;
	size_t gi, i, k, nfiles = d->nsets;

	f->table_no++;
	buf_printf(&text, "The data hold <b>%zu</b> entr%s from %zu file%s", d->nrows,
		   d->nrows == 1 ? "y" : "ies", nfiles, nfiles == 1 ? "" : "s");
	if (d->nrejected)
		buf_printf(&text, "; %zu rejected entr%s left out", d->nrejected,
			   d->nrejected == 1 ? "y is" : "ies are");
	if (d->nrepeated)
		buf_printf(&text, "; %zu entr%s repeating a measurement already counted (the same "
			   "catalyst, conditions and values in one document, or the same cited fact "
			   "in another) left out",
			   d->nrepeated, d->nrepeated == 1 ? "y" : "ies");
	buf_addch(&text, '.');
	if (d->ninferred)
		buf_printf(&text, " The site type of %zu entr%s is <i>inferred</i> by nh3cat's "
			   "classifier (from the name, size and active metals), not stated by the "
			   "source; a catalyst of one document stays in the group its source gives.",
			   d->ninferred, d->ninferred == 1 ? "y" : "ies");
	f->y += gfx_text(f->g, FONT_BODY, buf_str(&text), f->x, f->y, f->width, GA_LEFT, INK) + 8;
	rpt_select(d, NULL, &site, NULL, 0, &none, 0, &gr);
	grid_init(&g, ARRAY_SIZE(heads), FONT_TABLE);
	for (k = 0; k < ARRAY_SIZE(heads); k++) {
		g.head[k] = xstrdup(heads[k]);
		g.numeric[k] = k > 0;
	}
	for (gi = 0; gi < gr.n; gi++) {
		struct cell *c = grid_add_row(&g);
		c[0].markup = xstrdup(rpt_group_label(gr.v[gi].name));
		count_cell(&c[1], gr.v[gi].n);
		for (k = 0; k < ARRAY_SIZE(cols); k++) {
			size_t n = 0;
			double v;
			for (i = 0; i < gr.v[gi].n; i++)
				if (entry_get_num(gr.v[gi].rows[i].e, (enum entry_col)cols[k], &v) == 1)
					n++;
			count_cell(&c[k + 2], n);
		}
	}
	caption_markup("Table", f->table_no, "Entries by site type, and the values they report.", 0, &cap);
	if (gr.n == 0) {
		f->y += gfx_text(f->g, FONT_BODY, "<i>No entries: the report was rendered without data.</i>",
				 f->x, f->y, f->width, GA_LEFT, GREY) + 12;
	} else {
		struct buf cont = BUF_INIT;
		caption_markup("Table", f->table_no, NULL, 1, &cont);
		grid_draw(f, &g, buf_str(&cap), buf_str(&cont), "");
		buf_release(&cont);
	}
	if (f->layout)
	{
		size_t nunc = 0;
		for (gi = 0; gi < gr.n; gi++)
			if (!*gr.v[gi].name)
				nunc += gr.v[gi].n;
		fprintf(f->layout, "summary entries=%zu files=%zu rejected=%zu repeated=%zu inferred=%zu "
			"unclassified=%zu groups=%zu\n", d->nrows, nfiles, d->nrejected, d->nrepeated,
			d->ninferred, nunc, gr.n);
	}
	grid_release(&g);
	rpt_groups_release(&gr);
	buf_release(&cap);
	buf_release(&text);
}

struct rule_count {
	const char *rule;
	size_t n[3];
};

static int cmp_rule_count(const void *pa, const void *pb)
{
	const struct rule_count *a = pa, *b = pb;
	size_t ta = a->n[0] + a->n[1] + a->n[2], tb = b->n[0] + b->n[1] + b->n[2];
	if (a->n[0] != b->n[0])
		return a->n[0] > b->n[0] ? -1 : 1;
	if (ta != tb)
		return ta > tb ? -1 : 1;
	return strcmp(a->rule, b->rule);
}

/* Findings listed by file, then line, then the order they were found in. */
static int cmp_finding(const void *pa, const void *pb)
{
	const struct rpt_finding *a = *(const struct rpt_finding *const *)pa;
	const struct rpt_finding *b = *(const struct rpt_finding *const *)pb;
	int c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* "FILE:LINE" of a finding as markup, the file without its folder; the caller frees it. */
static char *finding_where(const struct rpt_finding *fd)
{
	struct buf b = BUF_INIT;
	const char *base = strrchr(fd->file, '/');
	rpt_markup_escape(base ? base + 1 : fd->file, &b);
	if (fd->line > 0)
		buf_printf(&b, ":%ld", fd->line);
	return buf_detach(&b, NULL);
}

void rpt_findings_render(struct rpt_flow *f, const struct report_data *d, int limit)
{
	struct rule_count *rc = xcalloc(d->nfindings + 1, sizeof(*rc));
	const struct rpt_finding **order = NULL;
	size_t nrc = 0, i, j, sev[3] = { 0, 0, 0 };
	struct grid g;
	struct buf cap = BUF_INIT, cont = BUF_INIT, text = BUF_INIT;

	for (i = 0; i < d->nfindings; i++) {
		const char *rule = *d->findings[i].rule ? d->findings[i].rule : "(none)";
		for (j = 0; j < nrc; j++)
			if (str_eq(rc[j].rule, rule))
				break;
		if (j == nrc)
			rc[nrc++].rule = rule;
		rc[j].n[d->findings[i].sev]++;
		sev[d->findings[i].sev]++;
	}
	qsort(rc, nrc, sizeof(*rc), cmp_rule_count);
	buf_printf(&text, "Validation of %zu entr%s in %zu file%s found <b>%zu error%s</b>, "
		   "<b>%zu warning%s</b> and %zu note%s.",
		   d->nrows + d->nrejected + d->nrepeated,
		   d->nrows + d->nrejected + d->nrepeated == 1 ? "y" : "ies",
		   d->nsets, d->nsets == 1 ? "" : "s", sev[0], sev[0] == 1 ? "" : "s",
		   sev[1], sev[1] == 1 ? "" : "s", sev[2], sev[2] == 1 ? "" : "s");
	if (d->nwaived)
		buf_printf(&text, " As <tt>nh3cat validate --waivers</tt> counts them: curators "
			   "accepted %lu more findings with a reason (the waive column, or waivers.txt "
			   "beside the entries), listed last.", d->nwaived);
	f->y += gfx_text(f->g, FONT_BODY, buf_str(&text), f->x, f->y, f->width, GA_LEFT, INK) + 8;
	if (f->layout)
		fprintf(f->layout, "findings errors=%zu warnings=%zu notes=%zu rules=%zu waived=%lu\n",
			sev[0], sev[1], sev[2], nrc, d->nwaived);
	if (nrc == 0) {
		f->y += 12;
		goto waived;
	}
	/* By file, when there are several: where the work is. */
	if (d->nsets > 1) {
		f->table_no++;
		grid_init(&g, 4, FONT_TABLE);
		g.head[0] = xstrdup("File");
		g.head[1] = xstrdup("Entries");
		g.head[2] = xstrdup("Errors");
		g.head[3] = xstrdup("Warnings");
		g.numeric[1] = g.numeric[2] = g.numeric[3] = 1;
		/* errors and warnings of each file, counted in one pass */
		size_t *ne = xcalloc(2 * d->nsets, sizeof(*ne)), *nw = ne + d->nsets;
		for (i = 0; i < d->nfindings; i++) {
			size_t set = d->findings[i].set;
			if (set == RPT_NO_SET)
				continue;
			ne[set] += d->findings[i].sev == DIAG_ERROR;
			nw[set] += d->findings[i].sev == DIAG_WARNING;
		}
		for (i = 0; i < d->nsets; i++) {
			struct cell *c = grid_add_row(&g);
			struct buf b = BUF_INIT;
			const char *base = strrchr(d->names[i], '/');
			rpt_markup_escape(base ? base + 1 : d->names[i], &b);
			c[0].markup = buf_detach(&b, NULL);
			count_cell(&c[1], d->sets[i].n);
			count_cell(&c[2], ne[i]);
			count_cell(&c[3], nw[i]);
		}
		free(ne);
		caption_markup("Table", f->table_no, "Findings counted by file.", 0, &cap);
		caption_markup("Table", f->table_no, NULL, 1, &cont);
		grid_draw(f, &g, buf_str(&cap), buf_str(&cont), "");
		grid_release(&g);
		buf_reset(&cap);
		buf_reset(&cont);
	}
	f->table_no++;
	grid_init(&g, 4, FONT_TABLE);
	g.head[0] = xstrdup("Rule");
	g.head[1] = xstrdup("Errors");
	g.head[2] = xstrdup("Warnings");
	g.head[3] = xstrdup("Notes");
	g.numeric[1] = g.numeric[2] = g.numeric[3] = 1;
	for (i = 0; i < nrc; i++) {
		struct cell *c = grid_add_row(&g);
		struct buf b = BUF_INIT;
		buf_addstr(&b, "<tt>");
		rpt_markup_escape(rc[i].rule, &b);
		buf_addstr(&b, "</tt>");
		c[0].markup = buf_detach(&b, NULL);
		for (j = 0; j < 3; j++)
			count_cell(&c[j + 1], rc[i].n[j]);
	}
	caption_markup("Table", f->table_no, "Findings counted by rule.", 0, &cap);
	caption_markup("Table", f->table_no, NULL, 1, &cont);
	grid_draw(f, &g, buf_str(&cap), buf_str(&cont), "");
	grid_release(&g);

	/* The list itself: file, line, severity, rule, message. */
	f->table_no++;
	grid_init(&g, 4, FONT_SMALL);
	g.head[0] = xstrdup("Where");
	g.head[1] = xstrdup("Severity");
	g.head[2] = xstrdup("Rule");
	g.head[3] = xstrdup("Message");
	order = xcalloc(d->nfindings + 1, sizeof(*order));
	for (i = 0; i < d->nfindings; i++)
		order[i] = &d->findings[i];
	if (d->nfindings > 1)
		qsort(order, d->nfindings, sizeof(*order), cmp_finding);
	for (i = 0; i < d->nfindings && (limit <= 0 || i < (size_t)limit); i++) {
		const struct rpt_finding *fd = order[i];
		char clip[RPT_CLIP + 4];
		struct cell *c = grid_add_row(&g);
		struct buf b = BUF_INIT;
		c[0].markup = finding_where(fd);
		c[1].markup = xstrdup(fd->sev == DIAG_ERROR ? "<b>error</b>" :
				      fd->sev == DIAG_WARNING ? "warning" : "note");
		rpt_markup_escape(fd->rule, &b);
		c[2].markup = buf_detach(&b, NULL);
		rpt_markup_escape(rpt_clip(fd->message, clip), &b);
		c[3].markup = buf_detach(&b, NULL);
	}
	buf_reset(&cap);
	buf_reset(&cont);
	caption_markup("Table", f->table_no, "Every finding, by file and line.", 0, &cap);
	caption_markup("Table", f->table_no, NULL, 1, &cont);
	buf_reset(&text);
	if (limit > 0 && d->nfindings > (size_t)limit)
		buf_printf(&text, "The first %d of %zu findings are listed; run <tt>nh3cat validate</tt> "
			   "for all of them.", limit, d->nfindings);
	grid_draw(f, &g, buf_str(&cap), buf_str(&cont), buf_str(&text));
	grid_release(&g);
waived:
	if (d->nwaived_list) {
		/* The accepted findings, with the curator's reason for each. */
		f->table_no++;
		grid_init(&g, 3, FONT_SMALL);
		g.head[0] = xstrdup("Where");
		g.head[1] = xstrdup("Rule");
		g.head[2] = xstrdup("Reason the finding is accepted");
		for (i = 0; i < d->nwaived_list; i++) {
			const struct rpt_finding *fd = &d->waived[i];
			char clip[RPT_CLIP + 4];
			struct cell *c = grid_add_row(&g);
			struct buf b = BUF_INIT;
			c[0].markup = finding_where(fd);
			rpt_markup_escape(fd->rule, &b);
			c[1].markup = buf_detach(&b, NULL);
			rpt_markup_escape(rpt_clip(fd->message, clip), &b);
			c[2].markup = buf_detach(&b, NULL);
		}
		buf_reset(&cap);
		buf_reset(&cont);
		caption_markup("Table", f->table_no, "Findings accepted by curators (waived), with "
			       "their reasons.", 0, &cap);
		caption_markup("Table", f->table_no, NULL, 1, &cont);
		grid_draw(f, &g, buf_str(&cap), buf_str(&cont), "");
		grid_release(&g);
		if (f->layout)
			fprintf(f->layout, "waived listed=%zu\n", d->nwaived_list);
	}
	free(order);
	free(rc);
	buf_release(&cap);
	buf_release(&cont);
	buf_release(&text);
}

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* A number with three significant figures, for statistics. */
static void stat_cell(struct cell *c, double v)
{
	struct buf b = BUF_INIT;
	int dec = v == 0 ? 0 : 2 - (int)floor(log10(fabs(v)));
	rpt_format_fixed(v, dec < 0 ? 0 : dec, &b);
	number_cell(c, buf_str(&b), -1, 0);
	buf_release(&b);
}

void rpt_stats_render(struct rpt_flow *f, const struct rpt_table *t, const struct report_data *d)
{
	static const char *const heads[] = { "", "<i>n</i>", "Minimum", "Median", "Geometric mean",
		"Maximum" };
	struct rpt_field none = { RF_COLUMN, -1 };
	struct rpt_groups gr;
	struct grid g;
	struct buf cap = BUF_INIT, cont = BUF_INIT, unit = BUF_INIT;
	size_t gi, i, k, total = 0;

	f->table_no++;
	if (f->layout)
		fprintf(f->layout, "stats %s\n", t->id);
	rpt_select(d, &t->filters, &t->group, t->group_order, t->ngroup_order, &none, 0, &gr);
	grid_init(&g, ARRAY_SIZE(heads), FONT_TABLE);
	g.head[0] = xstrdup(rpt_field_title(&t->group));
	for (k = 1; k < ARRAY_SIZE(heads); k++) {
		g.head[k] = xstrdup(heads[k]);
		g.numeric[k] = 1;
	}
	for (gi = 0; gi < gr.n; gi++) {
		double *v = xcalloc(gr.v[gi].n + 1, sizeof(*v)), logsum = 0;
		size_t n = 0;
		int allpos = 1;
		struct cell *c;
		for (i = 0; i < gr.v[gi].n; i++)
			if (rpt_row_num(&gr.v[gi].rows[i], &t->value, &v[n]) == 1) {
				allpos &= v[n] > 0;
				n++;
			}
		if (n == 0) {
			free(v);
			continue;
		}
		total += n;
		qsort(v, n, sizeof(*v), cmp_dbl);
		c = grid_add_row(&g);
		c[0].markup = xstrdup(rpt_group_label(gr.v[gi].name));
		count_cell(&c[1], n);
		stat_cell(&c[2], v[0]);
		stat_cell(&c[3], n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
		if (allpos) {
			for (i = 0; i < n; i++)
				logsum += log(v[i]);
			stat_cell(&c[4], exp(logsum / (double)n));
		} else {
			c[4].markup = xstrdup("–");
		}
		stat_cell(&c[5], v[n - 1]);
		if (f->layout) {
			struct buf b = BUF_INIT;
			buf_printf(&b, "  %s n=%zu min=", rpt_group_label(gr.v[gi].name), n);
			rpt_format_fixed(v[0], 6, &b);
			buf_addstr(&b, " max=");
			rpt_format_fixed(v[n - 1], 6, &b);
			fprintf(f->layout, "%s\n", buf_str(&b));
			buf_release(&b);
		}
		free(v);
	}
	buf_addstr(&cap, t->title);
	if (*rpt_field_unit(&t->value))
		buf_printf(&cap, " (%s)", rpt_field_unit(&t->value));
	buf_addstr(&unit, buf_str(&cap));
	buf_reset(&cap);
	caption_markup("Table", f->table_no, buf_str(&unit), 0, &cap);
	caption_markup("Table", f->table_no, NULL, 1, &cont);
	if (total == 0) {
		draw_caption(f, buf_str(&cap));
		f->y += gfx_text(f->g, FONT_BODY, "<i>No entries with this value: nothing to summarise.</i>",
				 f->x, f->y, f->width, GA_LEFT, GREY) + 14;
	} else {
		grid_draw(f, &g, buf_str(&cap), buf_str(&cont), t->note);
	}
	grid_release(&g);
	rpt_groups_release(&gr);
	buf_release(&cap);
	buf_release(&cont);
	buf_release(&unit);
}

/* --- review sheet ---------------------------------------------------------------- */

/* Does x, read in the evidence, give value v of the entry in some unit a paper uses? */
static int evidence_matches(double x, double v)
{
	static const double factor[] = { 1, 1000, 0.001, 3600, 60, 10, 1 / UNITS_ATM_MPA, NH3_MOLAR_MASS,
					 1 / UNITS_KCAL_KJ };
	size_t k;
	if (fabs(x - (v + UNITS_ZERO_C_K)) < 0.01)
		return 1;
	for (k = 0; k < ARRAY_SIZE(factor); k++) {
		double w = v * factor[k];
		if (w != 0 && fabs(x - w) <= 0.006 * fabs(w))
			return 1;
	}
	return 0;
}

/* The evidence as markup, each number the entry took from it in bold. */
static void evidence_markup(const struct entry *e, const char *ev, struct buf *out)
{
	static const enum entry_col cols[] = { COL_TEMPERATURE_C, COL_PRESSURE_MPA, COL_WHSV,
		COL_RATE_GCAT, COL_RATE_GMETAL, COL_TOF_S, COL_EA, COL_SIZE_NM, COL_LOADING_WT };
	size_t i = 0, n = strlen(ev), k;
	while (i < n) {
		if (ev[i] >= '0' && ev[i] <= '9' && (i == 0 || !((ev[i - 1] | 32) >= 'a' && (ev[i - 1] | 32) <= 'z'))) {
			size_t j = i;
			double x, v;
			int hit = 0;
			while (j < n && ((ev[j] >= '0' && ev[j] <= '9') ||
					 (ev[j] == '.' && j + 1 < n && ev[j + 1] >= '0' && ev[j + 1] <= '9')))
				j++;
			/* Not exponents (h^{-1}) nor figure parts (Fig. 2d). */
			if ((i > 0 && (ev[i - 1] == '^' || ev[i - 1] == '{' || ev[i - 1] == '-')) ||
			    (j < n && (ev[j] | 32) >= 'a' && (ev[j] | 32) <= 'z'))
				hit = -1;
			if (!hit && num_parse_n(ev + i, j - i, &x) == 0)
				for (k = 0; k < ARRAY_SIZE(cols) && !hit; k++)
					if (entry_get_num(e, cols[k], &v) == 1 && evidence_matches(x, v))
						hit = 1;
			if (hit == 1)
				buf_addstr(out, "<b><span background=\"#fff0b3\">");
			buf_add(out, ev + i, j - i);
			if (hit == 1)
				buf_addstr(out, "</span></b>");
			i = j;
			continue;
		}
		{
			char one[2] = { ev[i], '\0' };
			rpt_markup_escape(one, out);
		}
		i++;
	}
}

/* "T 400 °C, P 1 MPa": the fields of cols that e gives, with their units. */
static void fields_markup(const struct entry *e, const enum entry_col *cols, size_t ncols,
			  struct buf *out)
{
	size_t k;
	int any = 0;
	for (k = 0; k < ncols; k++) {
		const char *v = entry_get(e, cols[k]);
		struct rpt_field f = { RF_COLUMN, (int)cols[k] };
		const char *unit = rpt_field_unit(&f);
		if (!*v)
			continue;
		if (any)
			buf_addstr(out, ", ");
		any = 1;
		buf_addstr(out, rpt_field_title(&f));
		buf_addch(out, ' ');
		if (entry_cols[cols[k]].type == CT_NUMBER)
			rpt_format_sig(v, (int)cols[k], out);
		else
			rpt_markup_escape(v, out);
		if (*unit)
			buf_printf(out, " %s", unit);
		if (rpt_row_derived(&(struct rpt_row){ e, "", NULL }, &f))
			buf_addstr(out, "<sup>a</sup>");
	}
	if (!any)
		buf_addstr(out, "–");
}

/* Findings in order of file (set), line, then as collected: an entry's are found by bisection. */
static int cmp_finding_at(const void *pa, const void *pb)
{
	const struct rpt_finding *a = *(const struct rpt_finding *const *)pa;
	const struct rpt_finding *b = *(const struct rpt_finding *const *)pb;
	if (a->set != b->set)
		return a->set < b->set ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* The first of the n sorted findings at set and line or after them. */
static size_t findings_lower_bound(const struct rpt_finding *const *v, size_t n, size_t set, long line)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid]->set < set || (v[mid]->set == set && v[mid]->line < line))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void rpt_entries_render(struct rpt_flow *f, const struct report_data *d)
{
	static const enum entry_col conds[] = { COL_TEMPERATURE_C, COL_PRESSURE_MPA, COL_WHSV };
	static const enum entry_col vals[] = { COL_RATE_GCAT, COL_RATE_GMETAL, COL_TOF_S, COL_EA };
	static const enum entry_col cat[] = { COL_SITE_TYPE, COL_METALS, COL_LOADING_WT, COL_SUPPORT,
		COL_PROMOTER, COL_SIZE_NM };
	size_t i, j, k, shown = 0, nat = 0;
	const struct rpt_finding **at = xcalloc(d->nfindings + 1, sizeof(*at));
	for (k = 0; k < d->nfindings; k++)
		if (d->findings[k].set != RPT_NO_SET)
			at[nat++] = &d->findings[k];
	if (nat > 1)
		qsort(at, nat, sizeof(*at), cmp_finding_at);
	for (i = 0; i < d->nsets; i++) {
		for (j = 0; j < d->sets[i].n; j++) {
			const struct entry *e = &d->sets[i].v[j];
			struct buf b = BUF_INIT;
			char clip[RPT_CLIP + 4];
			const char *status = entry_get(e, COL_STATUS);
			double w, h;
			size_t nf = 0;
			if (d->doc && !str_eq(entry_get(e, COL_DOC), d->doc))
				continue;
			shown++;
			buf_addstr(&b, "<b>");
			rpt_markup_escape(entry_get(e, COL_ID), &b);
			buf_addstr(&b, "</b>   <b>");
			rpt_chem_markup(rpt_clip(entry_get(e, COL_CATALYST), clip), &b);
			buf_printf(&b, "</b>   <span foreground=\"%s\"><i>%s</i></span>\n",
				   str_eq(status, "rejected") ? "#b00000" : str_eq(status, "reviewed") ?
				   "#006040" : "#805000", *status ? status : "no status");
			buf_addstr(&b, "<b>Where</b> ");
			rpt_markup_escape(entry_get(e, COL_SOURCE), &b);
			buf_addch(&b, ' ');
			rpt_markup_escape(entry_get(e, COL_LOCATOR), &b);
			if (*entry_get(e, COL_REF)) {
				buf_addstr(&b, ", cites ref. ");
				rpt_markup_escape(entry_get(e, COL_REF), &b);
				buf_addstr(&b, " of ");
				{
					const struct rpt_source *src = rpt_source_of(d, entry_get(e, COL_DOC));
					rpt_markup_escape(src ? src->label : entry_get(e, COL_DOC), &b);
				}
			}
			buf_addstr(&b, ";  <b>catalyst</b> ");
			fields_markup(e, cat, ARRAY_SIZE(cat), &b);
			buf_addstr(&b, "\n<b>Conditions</b> ");
			fields_markup(e, conds, ARRAY_SIZE(conds), &b);
			buf_addstr(&b, ";  <b>values</b> ");
			fields_markup(e, vals, ARRAY_SIZE(vals), &b);
			buf_addstr(&b, "\n<b>Evidence</b> ");
			evidence_markup(e, entry_get(e, COL_EVIDENCE), &b);
			for (k = findings_lower_bound(at, nat, i, e->line);
			     k < nat && at[k]->set == i && at[k]->line == e->line; k++) {
				const struct rpt_finding *fd = at[k];
				buf_addstr(&b, nf++ ? "\n" : "\n<b>Findings</b> ");
				buf_printf(&b, "<span foreground=\"%s\">%s</span> <tt>",
					   fd->sev == DIAG_ERROR ? "#b00000" : "#805000",
					   fd->sev == DIAG_ERROR ? "error" : fd->sev == DIAG_WARNING ?
					   "warning" : "note");
				rpt_markup_escape(fd->rule, &b);
				buf_addstr(&b, "</tt> ");
				rpt_markup_escape(rpt_clip(fd->message, clip), &b);
			}
			if (!nf)
				buf_addstr(&b, "\n<b>Findings</b> none");
			if (*entry_get(e, COL_NOTE)) {
				buf_addstr(&b, "\n<b>Note</b> ");
				rpt_markup_escape(rpt_clip(entry_get(e, COL_NOTE), clip), &b);
			}
			gfx_text_size(f->g, FONT_SMALL, buf_str(&b), f->width, &w, &h);
			if (f->y + h + 6 > f->bottom)
				rpt_flow_newpage(f);
			f->y += gfx_text(f->g, FONT_SMALL, buf_str(&b), f->x, f->y, f->width, GA_LEFT, INK) + 3;
			gfx_line(f->g, f->x, f->y, f->x + f->width, f->y, RULE_THIN, GREY);
			f->y += 5;
			buf_release(&b);
		}
	}
	if (!shown)
		f->y += gfx_text(f->g, FONT_BODY, "<i>No entries for this document.</i>", f->x, f->y,
				 f->width, GA_LEFT, GREY) + 12;
	free(at);
	if (f->layout)
		fprintf(f->layout, "entries shown=%zu\n", shown);
}

/* --- bibliography ------------------------------------------------------------ */

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? -1 : x > y;
}

static const struct rpt_source *cmp_src_base;

static int cmp_src_label(const void *a, const void *b)
{
	return strcmp(cmp_src_base[*(const size_t *)a].label, cmp_src_base[*(const size_t *)b].label);
}

/* A DOI as markup: "doi:10.1039/d3sc06998b". */
static void doi_markup(const char *doi, struct buf *out)
{
	buf_addstr(out, "doi:");
	rpt_markup_escape(doi, out);
}

void rpt_bibliography_render(struct rpt_flow *f, const struct report_data *d)
{
	struct cited {
		long *v;
		size_t n, alloc;
		size_t nrows;
	} *cited = xcalloc(d->nsources + 1, sizeof(*cited));
	size_t *order = xcalloc(d->nsources + 1, sizeof(*order));
	size_t i, i2, j, k, nsrc = 0, npapers = 0, nref = 0, nnodoi = 0, nunknown = 0;
	struct grid g;
	struct buf cap = BUF_INIT, cont = BUF_INIT, text = BUF_INIT;

	/* The reference numbers each document's rows cite. */
	for (i = 0; i < d->nrows; i++) {
		const struct rpt_source *s = rpt_source_of(d, entry_get(d->rows[i].e, COL_DOC));
		const char *r = entry_get(d->rows[i].e, COL_REF);
		struct cited *c;
		if (!s)
			continue;
		c = &cited[s - d->sources];
		c->nrows++;
		while (*r) {
			size_t n = strcspn(r, ";");
			char num[16];
			double v;
			if (n && n < sizeof(num)) {
				memcpy(num, r, n);
				num[n] = '\0';
				if (num_parse(num, &v) == 0 && v >= 1 && v < 1e6 && v == (double)(long)v) {
					c->v = xgrow(c->v, &c->alloc, c->n + 1, sizeof(*c->v));
					c->v[c->n++] = (long)v;
				}
			}
			r += n + (r[n] == ';');
		}
	}
	for (i = 0; i < d->nsources; i++) {
		struct cited *c = &cited[i];
		if (!c->nrows)
			continue;
		order[nsrc++] = i;
		if (c->n > 1)
			qsort(c->v, c->n, sizeof(*c->v), cmp_long);
		for (j = k = 0; j < c->n; j++)
			if (k == 0 || c->v[k - 1] != c->v[j])
				c->v[k++] = c->v[j];
		c->n = k;
	}
	cmp_src_base = d->sources;
	if (nsrc > 1)
		qsort(order, nsrc, sizeof(*order), cmp_src_label);

	if (f->layout)
		fprintf(f->layout, "bibliography sources=%zu", nsrc);
	if (nsrc == 0) {
		if (f->layout)
			fputc('\n', f->layout);
		f->y += gfx_text(f->g, FONT_BODY, "<i>No entries: no sources to list.</i>", f->x, f->y,
				 f->width, GA_LEFT, GREY) + 8;
		free(cited);
		free(order);
		return;
	}
	f->table_no++;
	grid_init(&g, 2, FONT_TABLE);
	g.head[0] = xstrdup("Ref.");
	g.head[1] = xstrdup("Cited paper");
	g.numeric[0] = 1;
	/* Documents under one label (the text and the XML of one paper) are listed together. */
	for (i = 0; i < nsrc; i = i2) {
		const struct rpt_source *s = &d->sources[order[i]];
		struct cited c = { NULL, 0, 0, 0 };
		struct buf gl = BUF_INIT;
		size_t nrefs = 0;
		for (i2 = i; i2 < nsrc && str_eq(d->sources[order[i2]].label, s->label); i2++) {
			const struct cited *ci = &cited[order[i2]];
			c.v = xgrow(c.v, &c.alloc, c.n + ci->n + 1, sizeof(*c.v));
			if (ci->n)   /* a document that cites nothing has no array (memcpy of NULL) */
				memcpy(c.v + c.n, ci->v, ci->n * sizeof(*c.v));
			c.n += ci->n;
			c.nrows += ci->nrows;
			nrefs += d->sources[order[i2]].nrefs;
		}
		if (c.n > 1)
			qsort(c.v, c.n, sizeof(*c.v), cmp_long);
		for (j = k = 0; j < c.n; j++)
			if (k == 0 || c.v[k - 1] != c.v[j])
				c.v[k++] = c.v[j];
		c.n = k;
		npapers++;
		buf_addstr(&gl, "<b>");
		rpt_markup_escape(s->label, &gl);
		buf_addstr(&gl, "</b>  ");
		if (*s->title) {
			char clip[RPT_CLIP + 4];
			rpt_markup_escape(rpt_clip(s->title, clip), &gl);
			buf_addstr(&gl, ". ");
		}
		if (*s->doi) {
			doi_markup(s->doi, &gl);
			buf_addstr(&gl, ". ");
		}
		buf_printf(&gl, "<span foreground=\"#666666\">Document%s ", i2 - i > 1 ? "s" : "");
		for (k = i; k < i2; k++) {
			if (k > i)
				buf_addstr(&gl, k + 1 < i2 ? ", " : " and ");
			rpt_markup_escape(d->sources[order[k]].doc, &gl);
		}
		buf_printf(&gl, ", %zu entr%s, %zu reference%s cited", c.nrows,
			   c.nrows == 1 ? "y" : "ies", c.n, c.n == 1 ? "" : "s");
		if (!nrefs && c.n) {
			/* No reference list to look them up in: the numbers, in one line. */
			buf_addstr(&gl, " (");
			for (j = 0; j < c.n; j++)
				buf_printf(&gl, "%s%ld", j ? ", " : "", c.v[j]);
			buf_addstr(&gl, "); no parsed reference list (refs/KEY.csv beside the "
				   "entries folder) names them");
			nunknown += c.n;
			nnodoi += c.n;
			nref += c.n;
		}
		buf_addstr(&gl, ".</span>");
		grid_add_group(&g, buf_str(&gl));
		buf_release(&gl);
		for (j = 0; nrefs && j < c.n; j++) {
			struct cell *cells = grid_add_row(&g);
			const struct rpt_ref *ref = NULL;
			struct buf b = BUF_INIT;
			size_t m;
			/* The first document of the paper whose list gives it, text or DOI. */
			for (m = i; m < i2 && !(ref && *ref->text); m++) {
				const struct rpt_source *sm = &d->sources[order[m]];
				for (k = 0; k < sm->nrefs; k++)
					if (sm->refs[k].num == c.v[j] && (!ref || *sm->refs[k].text))
						ref = &sm->refs[k];
			}
			count_cell(&cells[0], (size_t)c.v[j]);
			if (ref && *ref->text)
				rpt_markup_escape(ref->text, &b);
			if (ref && *ref->doi) {
				if (b.len)
					buf_addstr(&b, ". ");
				doi_markup(ref->doi, &b);
			} else {
				nnodoi++;
			}
			if (!b.len) {
				buf_addstr(&b, "<i>not in the document's parsed reference list</i>");
				nunknown++;
			}
			cells[1].markup = buf_detach(&b, NULL);
			nref++;
		}
		free(c.v);
	}
	buf_printf(&text, "The entries come from %zu document%s", nsrc, nsrc == 1 ? "" : "s");
	if (npapers < nsrc)
		buf_printf(&text, " (%zu paper%s: documents that give one DOI are one paper)", npapers,
			   npapers == 1 ? "" : "s");
	buf_printf(&text, ", named by first author and year (or by their key when the paper does "
		   "not say). A reference number in a table (<i>95 in %s</i>) is that paper's own; "
		   "the primary papers cited are listed under it below, with their DOIs where the "
		   "reference list gives them.", d->sources[order[0]].label);
	f->y += gfx_text(f->g, FONT_BODY, buf_str(&text), f->x, f->y, f->width, GA_LEFT, INK) + 8;
	if (f->layout)
		fprintf(f->layout, " papers=%zu refs=%zu without-doi=%zu unknown=%zu\n", npapers, nref,
			nnodoi, nunknown);
	caption_markup("Table", f->table_no, "Sources of the entries and the primary papers they cite.",
		       0, &cap);
	caption_markup("Table", f->table_no, NULL, 1, &cont);
	grid_draw(f, &g, buf_str(&cap), buf_str(&cont), "");
	grid_release(&g);
	for (i = 0; i < d->nsources; i++)
		free(cited[i].v);
	free(cited);
	free(order);
	buf_release(&cap);
	buf_release(&cont);
	buf_release(&text);
}
