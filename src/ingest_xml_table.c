/*
 * ingest_xml_table.c: tables of the HTML and CALS models, spans kept, and
 * their footnotes; locators "tableN/rR/cC" (see ingest_xml.c).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ingest_xml_table.h"

#include "ingest_xml_core.h"

/*
 * Columns beyond this are dropped and column spans clamped, so that a
 * hostile colspan allocates nothing; row spans stop at the last row of
 * their row group.
 */
#define MAX_TABLE_COLS 512

/* --- tables ----------------------------------------------------------- */

struct grid {
	size_t *busy;      /* busy[col]: first row free again in that column */
	size_t ncols;
	size_t row;        /* the row being filled */
	size_t th_rows;    /* leading rows made only of <th> cells */
	int th_done;       /* a row with a <td> (or none) came */
};

static size_t grid_next_free(struct grid *g, size_t col)
{
	while (col < g->ncols && g->busy[col] > g->row)
		col++;
	return col;
}

static void grid_take(struct grid *g, size_t col, size_t cs, size_t rs)
{
	size_t i;
	if (col + cs > g->ncols) {
		size_t old = g->ncols, alloc = g->ncols;
		g->busy = xgrow(g->busy, &alloc, col + cs, sizeof(size_t));
		for (i = old; i < col + cs; i++)
			g->busy[i] = 0;
		g->ncols = col + cs;
	}
	for (i = col; i < col + cs; i++)
		g->busy[i] = g->row + rs;
}

static size_t parse_count(const char *s, size_t dflt, size_t max)
{
	double v;
	if (!s || num_parse(s, &v) < 0 || v < 1)
		return dflt;
	if (v > (double)max)
		return max;
	return (size_t)v;
}

/* The text of a cell; a cell of nothing but citations gives their numbers. */
static void cell_text(struct xr *x, const xmlNode *n, struct buf *out)
{
	xr_inline_text(x, n, out);
	if (str_startswith(buf_str(out), "[cite:") && out->len > 7 &&
	    out->data[out->len - 1] == ']' && !strchr(out->data + 1, '[')) {
		memmove(out->data, out->data + 6, out->len - 6);
		out->len -= 7;
		out->data[out->len] = '\0';
	}
}

static void add_cell(struct xr *x, struct table *t, struct grid *g, const xmlNode *n,
		     size_t col, size_t cs, size_t rs)
{
	struct buf text = BUF_INIT, loc = BUF_INIT;
	struct cell *c;
	cell_text(x, n, &text);
	c = table_add_cell(t, g->row, col, buf_str(&text), text.len, DOC_NO_OFFSET);
	c->rowspan = rs;
	c->colspan = cs;
	if (col + cs > t->ncols)
		t->ncols = col + cs;
	if (g->row + rs > t->nrows)
		t->nrows = g->row + rs;
	buf_printf(&loc, "table%zu/r%zu/c%zu", x->ntables, g->row + 1, col + 1);
	c->locator = buf_detach(&loc, NULL);
	grid_take(g, col, cs, rs);
	buf_release(&text);
}

/* Rows left in a row group from row element r on, r included. */
static size_t rows_from(const xmlNode *r, const char *rowname)
{
	size_t n = 0;
	for (; r; r = r->next)
		if (xml_is(r, rowname))
			n++;
	return n;
}

/* Cells past the last column read: said once per table, never silently. */
static void too_wide(struct xr *x, const xmlNode *cell)
{
	if (x->wide_table == x->ntables)
		return;
	x->wide_table = x->ntables;
	diag_emit(x->d, x->name, xmlGetLineNo(cell), 0, DIAG_WARNING, "xml-table",
		  "table %zu has more than %d columns; cells past column %d are not read",
		  x->ntables, MAX_TABLE_COLS, MAX_TABLE_COLS);
}

/* One <tr>; left counts the rows of its group from this one on. */
static void html_row(struct xr *x, struct table *t, struct grid *g, const xmlNode *r, size_t left)
{
	const xmlNode *c;
	size_t col = 0;
	int all_th = 1, any = 0;
	for (c = r->children; c; c = c->next) {
		size_t cs, rs;
		if (!xml_is(c, "td") && !xml_is(c, "th"))
			continue;
		any = 1;
		if (xml_is(c, "td"))
			all_th = 0;
		col = grid_next_free(g, col);
		if (col >= MAX_TABLE_COLS) {
			too_wide(x, c);
			break;
		}
		cs = parse_count(xml_attr(c, "colspan"), 1, MAX_TABLE_COLS - col);
		rs = parse_count(xml_attr(c, "rowspan"), 1, left);
		add_cell(x, t, g, c, col, cs, rs);
		col += cs;
	}
	if (!g->th_done && any && all_th)
		g->th_rows = g->row + 1;
	else
		g->th_done = 1;
	/* An empty row still counts. */
	if (g->row + 1 > t->nrows)
		t->nrows = g->row + 1;
	g->row++;
}

static void html_rows(struct xr *x, struct table *t, struct grid *g, const xmlNode *group)
{
	const xmlNode *r;
	size_t left = group->children ? rows_from(group->children, "tr") : 0;
	for (r = group->children; r; r = r->next)
		if (xml_is(r, "tr"))
			html_row(x, t, g, r, left--);
}

struct colspecs {
	char **names;
	size_t *nums;
	size_t n, alloc;
	char **span_names, **span_st, **span_end;
	size_t nspans, span_alloc;
};

static void colspecs_release(struct colspecs *cs)
{
	size_t i;
	for (i = 0; i < cs->n; i++)
		free(cs->names[i]);
	for (i = 0; i < cs->nspans; i++) {
		free(cs->span_names[i]);
		free(cs->span_st[i]);
		free(cs->span_end[i]);
	}
	free(cs->names);
	free(cs->nums);
	free(cs->span_names);
	free(cs->span_st);
	free(cs->span_end);
}

/* Column (0-based) of a colspec name, or -1. */
static long colspec_col(const struct colspecs *cs, const char *name)
{
	size_t i;
	if (!name)
		return -1;
	for (i = 0; i < cs->n; i++)
		if (strcmp(cs->names[i], name) == 0)
			return (long)cs->nums[i];
	return -1;
}

static void read_colspecs(const xmlNode *tgroup, struct colspecs *cs)
{
	const xmlNode *c;
	size_t next = 0;
	memset(cs, 0, sizeof(*cs));
	for (c = tgroup->children; c; c = c->next) {
		if (xml_is(c, "colspec")) {
			const char *name = xml_attr(c, "colname");
			size_t num = parse_count(xml_attr(c, "colnum"), next + 1, MAX_TABLE_COLS) - 1;
			next = num + 1;
			if (!name || cs->n >= MAX_TABLE_COLS)
				continue;
			cs->names = xgrow(cs->names, &cs->alloc, cs->n + 1, sizeof(char *));
			{
				size_t a = cs->n;
				cs->nums = xrealloc(cs->nums, (a + 1) * sizeof(size_t));
			}
			cs->names[cs->n] = xstrdup(name);
			cs->nums[cs->n++] = num;
		} else if (xml_is(c, "spanspec")) {
			const char *sn = xml_attr(c, "spanname");
			const char *st = xml_attr(c, "namest"), *en = xml_attr(c, "nameend");
			size_t k = cs->nspans;
			if (!sn || !st || !en || k >= MAX_TABLE_COLS)
				continue;
			cs->span_names = xgrow(cs->span_names, &cs->span_alloc, k + 1, sizeof(char *));
			cs->span_st = xrealloc(cs->span_st, (k + 1) * sizeof(char *));
			cs->span_end = xrealloc(cs->span_end, (k + 1) * sizeof(char *));
			cs->span_names[k] = xstrdup(sn);
			cs->span_st[k] = xstrdup(st);
			cs->span_end[k] = xstrdup(en);
			cs->nspans++;
		}
	}
}

static void cals_rows(struct xr *x, struct table *t, struct grid *g, const xmlNode *group,
		      const struct colspecs *cs)
{
	const xmlNode *r, *e;
	size_t left = group->children ? rows_from(group->children, "row") + 1 : 0;
	for (r = group->children; r; r = r->next) {
		size_t col = 0;
		if (!xml_is(r, "row"))
			continue;
		left--;
		for (e = r->children; e; e = e->next) {
			const char *st, *en, *sp;
			long a = -1, b = -1;
			size_t cs_n = 1, rs;
			size_t k;
			if (!xml_is(e, "entry") && !xml_is(e, "entrytbl"))
				continue;
			st = xml_attr(e, "namest");
			en = xml_attr(e, "nameend");
			sp = xml_attr(e, "spanname");
			for (k = 0; sp && k < cs->nspans; k++)
				if (strcmp(cs->span_names[k], sp) == 0) {
					st = cs->span_st[k];
					en = cs->span_end[k];
				}
			if (st) {
				a = colspec_col(cs, st);
				b = colspec_col(cs, en);
			} else {
				a = colspec_col(cs, xml_attr(e, "colname"));
			}
			if (a >= 0)
				col = (size_t)a;
			col = grid_next_free(g, col);
			if (col >= MAX_TABLE_COLS) {
				too_wide(x, e);
				break;
			}
			if (a >= 0 && b >= a)
				cs_n = (size_t)(b - a) + 1;
			if (col + cs_n > MAX_TABLE_COLS)
				cs_n = MAX_TABLE_COLS - col;
			{
				double mr;
				const char *m = xml_attr(e, "morerows");
				rs = 1;
				if (m && num_parse(m, &mr) == 0 && mr >= 1)
					rs = mr + 1 > (double)left ? left : (size_t)mr + 1;
			}
			add_cell(x, t, g, e, col, cs_n, rs);
			col += cs_n;
		}
		if (g->row + 1 > t->nrows)
			t->nrows = g->row + 1;
		g->row++;
	}
}

/* Fill t from an HTML-model or CALS-model table element. */
static void read_table(struct xr *x, const xmlNode *tab, struct table *t)
{
	struct grid g = { NULL, 0, 0, 0, 0 };
	const xmlNode *c;
	size_t header = 0;
	int header_done = 0;

	if (xmlvocab_table_model(tab) == XML_TABLE_CALS) {
		const xmlNode *tg = xml_is(tab, "tgroup") ? tab : xml_child(tab, "tgroup");
		for (; tg; tg = xml_next(tg, "tgroup")) {
			struct colspecs cs;
			const xmlNode *grp;
			read_colspecs(tg, &cs);
			for (grp = tg->children; grp; grp = grp->next) {
				if (!xml_is(grp, "thead") && !xml_is(grp, "tbody") && !xml_is(grp, "tfoot"))
					continue;
				cals_rows(x, t, &g, grp, &cs);
				if (xml_is(grp, "thead") && !header_done)
					header = g.row;
				else
					header_done = 1;
			}
			colspecs_release(&cs);
			if (xml_is(tab, "tgroup"))
				break;
		}
	} else {
		size_t rows_left = tab->children ? rows_from(tab->children, "tr") : 0;
		for (c = tab->children; c; c = c->next) {
			if (xml_is(c, "thead")) {
				html_rows(x, t, &g, c);
				if (!header_done)
					header = g.row;
			} else if (xml_is(c, "tbody") || xml_is(c, "tfoot")) {
				html_rows(x, t, &g, c);
				header_done = 1;
			} else if (xml_is(c, "tr")) {
				html_row(x, t, &g, c, rows_left--);
			}
		}
		/* No <thead>: leading rows of <th> cells are the header. */
		if (!header)
			header = g.th_rows;
	}
	t->nheader = header;
	{
		size_t i;
		struct buf loc = BUF_INIT;
		for (i = 0; i < t->nrows; i++) {
			buf_reset(&loc);
			buf_printf(&loc, "table%zu/r%zu", x->ntables, i + 1);
			table_set_row_locator(t, i, buf_str(&loc));
		}
		buf_release(&loc);
	}
	/* cell lookups by binary search, as for text tables: a wide sparse table stays linear */
	table_index(t);
	free(g.busy);
}

/* Footnotes of a table float: JATS table-wrap-foot, Elsevier table-footnote. */
static void read_footnotes(struct xr *x, const xmlNode *wrap, struct table *t)
{
	const xmlNode *c, *f;
	for (c = wrap->children; c; c = c->next) {
		if (xml_is(c, "table-wrap-foot")) {
			for (f = c->children; f; f = f->next) {
				struct buf text = BUF_INIT;
				if (xml_is(f, "fn-group")) {
					const xmlNode *fn;
					for (fn = f->children; fn; fn = fn->next)
						if (xml_is(fn, "fn")) {
							buf_reset(&text);
							xr_inline_text(x, fn, &text);
							if (text.len)
								table_add_footnote(t, text.data, text.len);
						}
				} else if (xml_is(f, "fn") || xml_is(f, "p") || xml_is(f, "attrib")) {
					xr_inline_text(x, f, &text);
					if (text.len)
						table_add_footnote(t, text.data, text.len);
				}
				buf_release(&text);
			}
		} else if (xml_is(c, "table-footnote") || xml_is(c, "legend")) {
			struct buf text = BUF_INIT;
			xr_inline_text(x, c, &text);
			if (text.len)
				table_add_footnote(t, text.data, text.len);
			buf_release(&text);
		}
	}
}

/* One table block: caption and footnotes from the float, cells from tab. */
static void emit_table(struct xr *x, const xmlNode *wrap, const xmlNode *tab)
{
	struct buf label = BUF_INIT, text = BUF_INIT;
	struct block *b;
	x->ntables++;
	xr_caption_text(x, wrap, &label, &text);
	b = xr_add_block(x, BLOCK_TABLE, wrap, buf_str(&text), buf_str(&label));
	x->float_el = wrap;
	read_table(x, tab, block_new_table(b));
	x->float_el = NULL;
	read_footnotes(x, wrap, b->table);
	buf_release(&label);
	buf_release(&text);
}

/*
 * A table float: JATS <table-wrap> (one or more <table>, HTML or CALS
 * model, maybe inside <alternatives>), or a table element that is its own
 * float (Elsevier <ce:table>, a bare HTML <table>).
 */
void xr_do_table_float(struct xr *x, const xmlNode *wrap)
{
	const xmlNode *c;
	if (xml_is(wrap, "table")) {
		emit_table(x, wrap, wrap);
		return;
	}
	for (c = wrap->children; c; c = c->next) {
		const xmlNode *tab = xml_is(c, "alternatives") ? xml_child(c, "table") : c;
		if (xml_is(tab, "table") && xmlvocab_table_model(tab) != XML_TABLE_NONE)
			emit_table(x, wrap, tab);
	}
}
