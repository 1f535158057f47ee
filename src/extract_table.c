/*
 * extract_table.c: entries from table rows.  Each column gets a role from
 * its header text (catalyst, loading, temperature, pressure, WHSV, rate,
 * TOF, Ea, size, reference, group) and a unit from the parenthesised part
 * of the header ("Temperature (°C)", "WHSV/(mL g^-1 h^-1)").  A group
 * column (SACs / SCCs / BCCs, cells spanning rows) gives the site type of
 * the rows it covers; conditions stated once in the caption or a footnote
 * fill the rows that have no column for them.  Works the same on any
 * reader's tables.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract_table.h"

#include "extract_core.h"
#include "extract_qty.h"
#include "extract_text.h"

enum role {
	R_NONE, R_NAME, R_GROUP, R_LOADING, R_TEMP, R_PRESS, R_WHSV, R_RATE, R_TOF, R_EA,
	R_SIZE, R_REF, R_OUTLET
};

struct column {
	enum role role;
	enum quantity_kind kind;   /* of the unit in the header */
	const struct unit_def *unit;   /* NULL: values are in the canonical unit */
	double scale;                  /* "(10^-3 s^-1)": values times 10^-3 */
	double hcond[2];               /* T, P the header states ("Rate at 400 °C"), or NAN */
	char metal[4];
	char header[256];
};

static int has_ci(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (; *s; s++) {
		size_t k;
		for (k = 0; k < n; k++) {
			int a = (unsigned char)s[k], b = (unsigned char)w[k];
			if (a >= 'A' && a <= 'Z')
				a += 32;
			if (a != b)
				break;
		}
		if (k == n)
			return 1;
	}
	return 0;
}

/* Normalized text of a cell, into out. */
static void cell_norm(struct extractor *ex, const struct cell *c, struct buf *out)
{
	buf_reset(out);
	if (!c)
		return;
	extract_normalize(ex, c->text, strlen(c->text));
	/* Markdown emphasis ("**Ru/MgO**", "*E*a") is not part of the text */
	{
		size_t i;
		for (i = 0; i < ex->nt.len; i++)
			if (ex->nt.text[i] != '*' || (i + 1 == ex->nt.len && i > 0 &&
						      ex->nt.text[i - 1] >= '0' && ex->nt.text[i - 1] <= '9'))
				buf_addch(out, ex->nt.text[i]);
	}
}

/* The unit of a header ("Temperature (°C)", "WHSV/(mL g^-1 h^-1)"), if any. */
static void header_unit(struct column *col)
{
	enum quantity_kind k = QK_NONE;
	char *open = strrchr(col->header, '(');
	col->scale = 1;
	/* "TOF (10^-3 s^-1)": values are given in thousandths */
	if (open) {
		const char *p = open + 1;
		if (*p == 'x' && p[1] == ' ')
			p += 2;
		if (!strncmp(p, "10^", 3)) {
			int sign = 1, e = 0, nd = 0;
			p += 3;
			if (*p == '-' || *p == '+')
				sign = *p++ == '-' ? -1 : 1;
			while (*p >= '0' && *p <= '9' && nd < 3)
				e = e * 10 + (*p++ - '0'), nd++;
			if (nd && *p == ' ') {
				struct buf h = BUF_INIT;
				buf_add(&h, col->header, (size_t)(open - col->header) + 1);
				buf_addstr(&h, p + 1);
				col->scale = pow(10.0, sign * e);
				col->unit = units_lookup(buf_str(&h), &k);
				buf_release(&h);
				goto found;
			}
		}
	}
	col->unit = units_lookup(col->header, &k);
found:
	col->kind = col->unit ? k : QK_NONE;
	col->metal[0] = '\0';
	if (col->unit && units_def_metal(col->unit))
		snprintf(col->metal, sizeof(col->metal), "%s", units_def_metal(col->unit));
}

/* A temperature or pressure stated in a result column's header ("r (400 °C)"). */
static void header_conditions(struct column *col)
{
	const char *h = col->header;
	size_t i, n = strlen(h);
	col->hcond[0] = col->hcond[1] = NAN;
	for (i = 0; i < n; i++) {
		struct quantity q;
		if (h[i] < '0' || h[i] > '9' || (i > 0 && ((h[i - 1] >= '0' && h[i - 1] <= '9') ||
							  h[i - 1] == '.' || h[i - 1] == '^' || h[i - 1] == '-')))
			continue;
		if (!units_scan(h, n, i, &q))
			continue;
		if (q.nvalues == 1 && !q.is_range && q.kind == QK_TEMPERATURE)
			col->hcond[0] = q.values[0];
		else if (q.nvalues == 1 && !q.is_range && q.kind == QK_PRESSURE)
			col->hcond[1] = q.values[0];
		if (q.end > i)
			i = q.end - 1;
	}
}

static enum role header_role(const char *h)
{
	if (!h[0])
		return R_NONE;
	if (has_ci(h, "ref"))
		return R_REF;
	if (has_ci(h, "tof") || has_ci(h, "turnover"))
		return R_TOF;
	if (has_ci(h, "activation") || !strncmp(h, "Ea", 2) || !strncmp(h, "E_a", 3) ||
	    !strncmp(h, "E\xE2\x82\x90", 4))   /* Eₐ */
		return R_EA;
	if (has_ci(h, "whsv") || has_ci(h, "ghsv") || has_ci(h, "space velocity") ||
	    !strncmp(h, "SV", 2))
		return R_WHSV;
	/* the NH3 concentration of the effluent: "NH3 (%)", "Outlet NH3 (vol%)", "y_NH3 (%)" */
	if (!has_ci(h, "rate") && !has_ci(h, "yield") &&
	    (has_ci(h, "outlet") || has_ci(h, "effluent") || has_ci(h, "concentration") ||
	     has_ci(h, "mole fraction") || has_ci(h, "vol%") || has_ci(h, "vol.%") ||
	     (has_ci(h, "nh3") && strchr(h, '%'))))
		return R_OUTLET;
	if (has_ci(h, "rate") || has_ci(h, "activity") || has_ci(h, "r_nh3") || has_ci(h, "yield") ||
	    !strncmp(h, "r(", 2) || !strncmp(h, "r_", 2) || !strncmp(h, "rNH3", 4) || !strncmp(h, "r (", 3))
		return R_RATE;
	if (has_ci(h, "temperature") || !strncmp(h, "T (", 3) || !strcmp(h, "T") || !strncmp(h, "T/", 2))
		return R_TEMP;
	if (has_ci(h, "pressure") || !strncmp(h, "P (", 3) || !strcmp(h, "P") || !strncmp(h, "P/", 2))
		return R_PRESS;
	if (has_ci(h, "content") || has_ci(h, "loading") || has_ci(h, "wt%") || has_ci(h, "wt.%"))
		return R_LOADING;
	if (has_ci(h, "size") || has_ci(h, "diameter"))
		return R_SIZE;
	if (has_ci(h, "type") || has_ci(h, "group") || has_ci(h, "category") || has_ci(h, "class"))
		return R_GROUP;
	if (has_ci(h, "catalyst") || has_ci(h, "sample") || has_ci(h, "material"))
		return R_NAME;
	return R_NONE;
}

/* "1.17Ru + 0.41Co" -> "Ru:1.17;Co:0.41"; "3.8" -> "3.8".  0, or -1 when unreadable. */
static int parse_loading(const char *s, struct buf *out)
{
	double v;
	const char *p = s;
	int parts = 0;
	if (qty_cell_number(s, &v) == 0) {
		const char *q = s;
		while (*q == ' ')
			q++;
		/* keep the digits as written ("1.00") */
		while (*q && *q != ' ' && *q != '%')
			buf_addch(out, *q++);
		return 0;
	}
	while (*p) {
		const char *n = p, *ne, *m, *me;
		while (*n == ' ' || *n == '+' || *n == ',' || *n == ';')
			n++;
		if (!*n)
			break;
		ne = n;
		while ((*ne >= '0' && *ne <= '9') || *ne == '.')
			ne++;
		if (ne == n)
			return -1;
		m = ne;
		if (*m == '%')
			m++;
		while (*m == ' ')
			m++;
		if (!strncmp(m, "wt%", 3))
			m += 3;
		while (*m == ' ')
			m++;
		me = m;
		if (*me >= 'A' && *me <= 'Z')
			me++;
		if (*me >= 'a' && *me <= 'z')
			me++;
		if (me == m || !chem_is_element(m, (size_t)(me - m)))
			return -1;
		if (parts++)
			buf_addch(out, ';');
		buf_add(out, m, (size_t)(me - m));
		buf_addch(out, ':');
		buf_add(out, n, (size_t)(ne - n));
		p = me;
	}
	return parts ? 0 : -1;
}

static int empty_cell(const char *t)
{
	while (*t == ' ' || *t == '$')
		t++;
	return !*t || !strcmp(t, "_") || !strcmp(t, "-") || !strcmp(t, "--") || !strcmp(t, "n.a.") ||
	       !strcmp(t, "N/A") || !strcmp(t, "n/a") || !strcmp(t, "/") || !strcmp(t, "NA");
}

/*
 * Conditions stated once for the whole table, in its caption or footnotes
 * ("Reaction conditions: 400 °C, 1 MPa, WHSV = 60 000 mL g^-1 h^-1"):
 * cond[0..2] get T, P, WHSV, or NAN when absent or stated twice.
 */
static void table_conditions(struct extractor *ex, const struct block *b, double cond[3],
			     char *loading, size_t loadsize)
{
	int nload = 0;
	struct buf all = BUF_INIT;
	size_t i, k;
	int seen[3] = { 0, 0, 0 };
	const struct table *t = b->table;
	buf_addstr(&all, b->text);
	for (k = 0; k < t->nfootnotes; k++) {
		buf_addch(&all, '\n');
		buf_addstr(&all, t->footnotes[k]);
	}
	extract_normalize(ex, all.data ? all.data : "", all.len);
	for (k = 0; k < 3; k++)
		cond[k] = NAN;
	loading[0] = '\0';
	for (i = 0; i < ex->nt.len; i++) {
		struct quantity q;
		int c;
		const char *x = ex->nt.text;
		if (x[i] < '0' || x[i] > '9' || (i > 0 && ((x[i - 1] >= '0' && x[i - 1] <= '9') ||
							  x[i - 1] == '.' || x[i - 1] == '-')))
			continue;
		if (!units_scan(x, ex->nt.len, i, &q))
			continue;
		if (q.kind == QK_LOADING && q.nvalues == 1 && q.metal[0] && chem_is_active(q.metal, strlen(q.metal))) {
			/* "(2.0 wt% Ru)": the loading of every row, when stated once */
			char nb[NUM_BUFSZ];
			if (nload++ == 0)
				snprintf(loading, loadsize, "%s", num_format(q.values[0], nb));
			else
				loading[0] = '\0';
		}
		c = q.kind == QK_TEMPERATURE ? 0 : q.kind == QK_PRESSURE ? 1 : q.kind == QK_WHSV ? 2 : -1;
		if (c >= 0) {
			if (q.nvalues == 1 && !q.is_range && !seen[c])
				cond[c] = q.values[0];
			else
				cond[c] = NAN;
			seen[c]++;
		}
		i = q.end > i ? q.end - 1 : i;
	}
	buf_release(&all);
}

static int same_num(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

/*
 * Put a row's results into entry ei: one entry per set of conditions the
 * result columns' headers state ("Rate (350 °C)", "Rate (400 °C)"), the
 * others copies of ei with their own temperature and pressure.
 */
static void place_results(struct entry_set *set, size_t ei, const struct column *cols,
			  const size_t *rc, const enum entry_col *rf, const double *rv, size_t n)
{
	double sig[16][2];
	size_t nsig = 0, g, i, k;
	char *row_t = xstrdup(entry_get(&set->v[ei], COL_TEMPERATURE_C));
	char *row_p = xstrdup(entry_get(&set->v[ei], COL_PRESSURE_MPA));
	/* the distinct conditions of the result columns, in column order */
	for (i = 0; i < n; i++) {
		const double *h = cols[rc[i]].hcond;
		if (isnan(h[0]) && isnan(h[1]))
			continue;
		for (k = 0; k < nsig; k++)
			if (same_num(sig[k][0], h[0]) && same_num(sig[k][1], h[1]))
				break;
		if (k == nsig && nsig < ARRAY_SIZE(sig)) {
			sig[nsig][0] = h[0];
			sig[nsig][1] = h[1];
			nsig++;
		}
	}
	for (g = 0; g < (nsig ? nsig : 1); g++) {
		size_t target = ei;
		if (g > 0) {
			struct entry *copy = entry_set_append(set);
			target = set->n - 1;
			for (k = 0; k < ENTRY_NCOLS; k++)
				entry_set(copy, (enum entry_col)k, entry_get(&set->v[ei], (enum entry_col)k));
			for (k = 0; k < n; k++)
				entry_set(copy, rf[k], "");
			entry_set(copy, COL_RATE_METAL, "");
			entry_set(copy, COL_TEMPERATURE_C, row_t);
			entry_set(copy, COL_PRESSURE_MPA, row_p);
		}
		if (nsig && !isnan(sig[g][0]))
			entry_set_num(&set->v[target], COL_TEMPERATURE_C, sig[g][0]);
		if (nsig && !isnan(sig[g][1]))
			entry_set_num(&set->v[target], COL_PRESSURE_MPA, sig[g][1]);
		for (i = 0; i < n; i++) {
			const struct column *c = &cols[rc[i]];
			int plain = isnan(c->hcond[0]) && isnan(c->hcond[1]);
			/* results at no stated condition belong with the first set */
			if (plain ? g != 0 : !(nsig && same_num(sig[g][0], c->hcond[0]) &&
					       same_num(sig[g][1], c->hcond[1])))
				continue;
			entry_set_num(&set->v[target], rf[i], rv[i]);
			if (rf[i] == COL_RATE_GMETAL && c->metal[0])
				entry_set(&set->v[target], COL_RATE_METAL, c->metal);
		}
	}
	free(row_t);
	free(row_p);
}

/*
 * Row r as a sub-heading: one cell of words and nothing else.  Returns
 * the site type it names, "" when it names none, NULL when r is a row.
 */
static const char *sub_heading(struct extractor *ex, const struct table *t, size_t r, struct buf *txt)
{
	size_t c, filled = 0;
	double v;
	size_t width = table_row_width(t, r);
	for (c = 0; c < width; c++) {
		const struct cell *cl = table_cell_at(t, r, c);
		if (!cl || !cl->text[0] || cl->row != r || !strcmp(cl->text, "_"))
			continue;
		if (++filled > 1)
			return NULL;
		cell_norm(ex, cl, txt);
	}
	if (filled != 1 || qty_cell_number(buf_str(txt), &v) == 0)
		return NULL;
	/* a catalyst alone on its row is still a catalyst */
	{
		struct catinfo ci;
		if (catalyst_lookup(ex, txt->data, txt->len, &ci) == 0 && !strchr(txt->data, ' '))
			return NULL;
	}
	return site_type_name(chem_site_of_label(buf_str(txt)));
}

/*
 * Whether a table reports NH3 synthesis.  Its caption, footnotes and
 * headers decide: naming another reaction or process (decomposition,
 * electrocatalysis, an enzyme, corrosion) it gives nothing; naming the
 * synthesis (or in a document that names it) it gives rows.  Saying
 * neither, it gives rows only when every result column states a unit of
 * its quantity's dimension (a "rate" of bond lengths is no rate).
 */
static int table_relevant(struct extractor *ex, const struct block *b, const struct column *cols)
{
	const struct table *t = b->table;
	size_t k, c, *ov;
	int synth = xpat_match(ex, XP_SYNTH, b->text, b->len, 0, &ov);
	if (xpat_match(ex, XP_NOT_SYNTH, b->text, b->len, 0, &ov))
		return 0;
	for (k = 0; k < t->nfootnotes; k++) {
		size_t n = strlen(t->footnotes[k]);
		if (xpat_match(ex, XP_NOT_SYNTH, t->footnotes[k], n, 0, &ov))
			return 0;
		synth = synth || xpat_match(ex, XP_SYNTH, t->footnotes[k], n, 0, &ov);
	}
	for (c = 0; c < t->ncols; c++) {
		size_t n = strlen(cols[c].header);
		if (xpat_match(ex, XP_NOT_SYNTH, cols[c].header, n, 0, &ov))
			return 0;
		synth = synth || xpat_match(ex, XP_SYNTH, cols[c].header, n, 0, &ov) ||
			has_ci(cols[c].header, "nh3") || has_ci(cols[c].header, "ammonia");
	}
	if (synth || ex->doc_synth)
		return 1;
	for (c = 0; c < t->ncols; c++) {
		if (cols[c].role != R_RATE && cols[c].role != R_TOF && cols[c].role != R_EA)
			continue;
		if (!cols[c].unit)
			return 0;
	}
	return 1;
}

void extract_table(struct extractor *ex, const struct document *doc, const struct block *b,
		   struct entry_set *set)
{
	const struct table *t = b->table;
	struct column *cols;
	struct buf txt = BUF_INIT, loc = BUF_INIT, val = BUF_INIT, ev = BUF_INIT;
	size_t c, r;
	int name_col = -1, group_col = -1, have_value = 0;
	double table_cond[3];
	char table_loading[32];
	const char *sub_site = NULL;
	size_t *res_col;
	enum entry_col *res_field;
	double *res_val;

	if (!t || !t->ncols || t->nrows <= t->nheader)
		return;
	cols = xcalloc(t->ncols, sizeof(*cols));
	res_col = xcalloc(t->ncols, sizeof(*res_col));
	res_field = xcalloc(t->ncols, sizeof(*res_field));
	res_val = xcalloc(t->ncols, sizeof(*res_val));
	for (c = 0; c < t->ncols; c++) {
		struct buf h = BUF_INIT;
		for (r = 0; r < t->nheader; r++) {
			const struct cell *cl = table_cell_at(t, r, c);
			/* a spanning header ("Reaction conditions") belongs to all its columns */
			if (!cl)
				continue;
			cell_norm(ex, cl, &txt);
			if (!txt.len)
				continue;
			if (h.len)
				buf_addch(&h, ' ');
			buf_add(&h, txt.data, txt.len);
		}
		snprintf(cols[c].header, sizeof(cols[c].header), "%s", buf_str(&h));
		buf_release(&h);
		/* the last header row names the column; earlier ones group columns */
		{
			const struct cell *last = t->nheader ? table_cell_at(t, t->nheader - 1, c) : NULL;
			cell_norm(ex, last, &txt);
			cols[c].role = header_role(buf_str(&txt));
			if (cols[c].role == R_NONE)
				cols[c].role = header_role(cols[c].header);
		}
		header_unit(&cols[c]);
		header_conditions(&cols[c]);
		if (cols[c].role == R_RATE && cols[c].kind == QK_NONE)
			cols[c].kind = QK_RATE_CAT;
		if (cols[c].role == R_OUTLET && cols[c].kind != QK_OUTLET) {
			/* "NH3 (%)": vol % as written; a mole fraction without % is x 100 */
			cols[c].kind = QK_OUTLET;
			cols[c].unit = NULL;
			cols[c].scale = has_ci(cols[c].header, "fraction") && !strchr(cols[c].header, '%') ? 100 : 1;
		}
		if (cols[c].role == R_NAME && name_col < 0)
			name_col = (int)c;
		if (cols[c].role == R_GROUP && group_col < 0)
			group_col = (int)c;
		if (cols[c].role == R_RATE || cols[c].role == R_TOF || cols[c].role == R_EA ||
		    cols[c].role == R_OUTLET)
			have_value = 1;
	}
	/* A catalyst column whose cells span rows is a group column; the names follow it. */
	if (name_col >= 0) {
		int spans = 0;
		for (r = t->nheader; r < t->nrows; r++) {
			const struct cell *cl = table_cell_at(t, r, (size_t)name_col);
			if (cl && cl->rowspan > 1)
				spans = 1;
		}
		/* The next column may sit under the same spanning "Catalyst" header (XML tables). */
		int shared = (size_t)name_col + 1 < t->ncols && t->nheader &&
			     table_cell_at(t, t->nheader - 1, (size_t)name_col) ==
			     table_cell_at(t, t->nheader - 1, (size_t)name_col + 1);
		if (spans && (size_t)name_col + 1 < t->ncols &&
		    (cols[name_col + 1].role == R_NONE || shared)) {
			group_col = name_col;
			cols[name_col].role = R_GROUP;
			name_col++;
			cols[name_col].role = R_NAME;
		}
	} else {
		/* no header names the catalysts: the first column of words, after any group column */
		for (c = 0; c < t->ncols && name_col < 0; c++) {
			size_t words = 0, spans = 0, filled = 0;
			if (cols[c].role != R_NONE && cols[c].role != R_GROUP)
				continue;
			for (r = t->nheader; r < t->nrows; r++) {
				const struct cell *cl = table_cell_at(t, r, c);
				double v;
				if (!cl || cl->row != r || !cl->text[0])
					continue;
				filled++;
				if (cl->rowspan > 1)
					spans++;
				if (qty_cell_number(cl->text, &v) < 0)
					words++;
			}
			if (spans && group_col < 0) {
				group_col = (int)c;
				cols[c].role = R_GROUP;
			} else if (filled && words * 2 > filled) {
				name_col = (int)c;
				cols[c].role = R_NAME;
			}
		}
		if (name_col < 0)
			goto out;
	}
	if (!have_value || !table_relevant(ex, b, cols))
		goto out;
	table_conditions(ex, b, table_cond, table_loading, sizeof(table_loading));

	for (r = t->nheader; r < t->nrows; r++) {
		struct catinfo ci;
		const char *row_site;
		struct entry *e;
		const struct cell *nc = table_cell_at(t, r, (size_t)name_col);
		int any = 0;
		size_t nres = 0;
		/* a sub-heading row ("Single-atom catalysts"): the site type of the rows below */
		if ((row_site = sub_heading(ex, t, r, &txt)) != NULL) {
			sub_site = *row_site ? row_site : NULL;
			continue;
		}
		if (!nc || nc->row != r)
			continue;
		cell_norm(ex, nc, &txt);
		if (empty_cell(buf_str(&txt)))
			continue;
		catalyst_lookup(ex, txt.data, txt.len, &ci);
		buf_reset(&loc);
		document_row_locate(doc, b, r, &loc);
		e = extract_new_entry(set, doc, "table", buf_str(&loc));
		entry_set(e, COL_CATALYST, ci.name);
		entry_set(e, COL_METALS, ci.metals);
		entry_set(e, COL_SUPPORT, ci.support);
		entry_set(e, COL_PROMOTER, ci.promoter);
		if (ci.size_nm > 0)
			entry_set_num(e, COL_SIZE_NM, ci.size_nm);
		entry_set(e, COL_METHOD, "experiment");
		if (ci.site[0])
			entry_set(e, COL_SITE_TYPE, ci.site);
		if (sub_site)
			entry_set(e, COL_SITE_TYPE, sub_site);
		if (group_col >= 0) {
			const struct cell *g = table_cell_at(t, r, (size_t)group_col);
			enum site_type st;
			cell_norm(ex, g, &txt);
			st = chem_site_of_label(buf_str(&txt));
			if (st != SITE_NONE)
				entry_set(e, COL_SITE_TYPE, site_type_name(st));
		}
		for (c = 0; c < table_row_width(t, r); c++) {
			const struct cell *cl = table_cell_at(t, r, c);
			double v;
			enum entry_col col = ENTRY_NCOLS;
			if ((int)c == name_col || (int)c == group_col || !cl)
				continue;
			cell_norm(ex, cl, &txt);
			if (empty_cell(buf_str(&txt)))
				continue;
			switch (cols[c].role) {
			case R_LOADING:
				buf_reset(&val);
				if (parse_loading(buf_str(&txt), &val) == 0)
					entry_set(e, COL_LOADING_WT, buf_str(&val));
				continue;
			case R_REF: {
				buf_reset(&val);
				{
					const char *p = buf_str(&txt);
					int first = 1;
					while (*p) {
						if (*p >= '0' && *p <= '9') {
							if (!first)
								buf_addch(&val, ';');
							while (*p >= '0' && *p <= '9')
								buf_addch(&val, *p++);
							first = 0;
						} else {
							p++;
						}
					}
				}
				entry_set(e, COL_REF, buf_str(&val));
				continue;
			}
			case R_TEMP: col = COL_TEMPERATURE_C; break;
			case R_PRESS: col = COL_PRESSURE_MPA; break;
			case R_WHSV: col = cols[c].kind == QK_GHSV ? ENTRY_NCOLS : COL_WHSV; break;
			case R_RATE:
				col = cols[c].kind == QK_RATE_METAL ? COL_RATE_GMETAL : COL_RATE_GCAT;
				break;
			case R_TOF: col = COL_TOF_S; break;
			case R_EA: col = COL_EA; break;
			case R_OUTLET: col = COL_OUTLET_NH3; break;
			case R_SIZE: col = COL_SIZE_NM; break;
			default: continue;
			}
			if (col == ENTRY_NCOLS || qty_cell_number(buf_str(&txt), &v) < 0)
				continue;
			v *= cols[c].scale;
			if (cols[c].unit)
				v = units_convert(cols[c].unit, v);
			if (entry_cols[col].role == ROLE_RESULT) {
				/* results wait: columns at other conditions make other entries */
				res_col[nres] = c;
				res_field[nres] = col;
				res_val[nres++] = v;
				any = 1;
				continue;
			}
			entry_set_num(e, col, v);
		}
		/* evidence: the row as written */
		buf_reset(&ev);
		if (b->label)
			buf_printf(&ev, "%s row: ", b->label);
		{
			/* up to its last filled cell: empty columns after it say nothing */
			size_t ncol = table_row_width(t, r);
			while (ncol > 1) {
				const struct cell *cl = table_cell_at(t, r, ncol - 1);
				if (cl && cl->text[0])
					break;
				ncol--;
			}
			for (c = 0; c < ncol; c++) {
				const struct cell *cl = table_cell_at(t, r, c);
				if (c)
					buf_addstr(&ev, " | ");
				if (cl)
					buf_addstr(&ev, cl->text);
			}
		}
		entry_set(e, COL_EVIDENCE, buf_str(&ev));
		{
			/* conditions the caption or a footnote states for every row */
			static const enum entry_col cc[3] = { COL_TEMPERATURE_C, COL_PRESSURE_MPA, COL_WHSV };
			size_t k;
			static const enum role cr[3] = { R_TEMP, R_PRESS, R_WHSV };
			for (k = 0; k < 3; k++) {
				double v = table_cond[k];
				size_t c2;
				int has_col = 0;
				for (c2 = 0; c2 < t->ncols; c2++)
					if (cols[c2].role == cr[k])
						has_col = 1;
				/* the methods' conditions, for what the table has no column for */
				if (isnan(v) && !has_col)
					v = ex->method_cond[k];
				if (!isnan(v) && !entry_get(e, cc[k])[0])
					entry_set_num(e, cc[k], v);
			}
			if (table_loading[0] && !entry_get(e, COL_LOADING_WT)[0] &&
			    !strchr(entry_get(e, COL_METALS), ';'))
				entry_set(e, COL_LOADING_WT, table_loading);
		}
		if (!any) {
			/* a row with no result is no entry */
			entry_release(&set->v[--set->n]);
			continue;
		}
		place_results(set, set->n - 1, cols, res_col, res_field, res_val, nres);
	}
out:
	free(cols);
	free(res_col);
	free(res_field);
	free(res_val);
	buf_release(&txt);
	buf_release(&loc);
	buf_release(&val);
	buf_release(&ev);
}
