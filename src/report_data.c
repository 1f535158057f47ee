/*
 * report_data.c: the data a report draws: entries read from CSV files,
 * their validation findings, field values (schema columns and the few
 * computed ones), filters, and rows grouped and sorted for tables and
 * charts.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "chem.h"
#include "classify.h"
#include "corpus.h"
#include "corpus_layout.h"
#include "report_data.h"
#include "report_int.h"
#include "report_sources.h"
#include "rules.h"
#include "validate.h"
#include "util.h"

/* --- fields -------------------------------------------------------------- */

/* Titles (Pango markup) of the fields charts and tables use; units come from entry.h. */
static const struct {
	int col;
	const char *title;
} field_titles[] = {
	{ COL_CATALYST, "Catalyst" },
	{ COL_SITE_TYPE, "Site type" },
	{ COL_METALS, "Metals" },
	{ COL_LOADING_WT, "Metal content" },
	{ COL_SUPPORT, "Support" },
	{ COL_PROMOTER, "Promoter" },
	{ COL_SIZE_NM, "Particle size" },
	{ COL_TEMPERATURE_C, "Temperature" },
	{ COL_PRESSURE_MPA, "Pressure" },
	{ COL_WHSV, "WHSV" },
	{ COL_RATE_GCAT, "NH<sub>3</sub> synthesis rate" },
	{ COL_RATE_GMETAL, "NH<sub>3</sub> synthesis rate per metal" },
	{ COL_TOF_S, "TOF" },
	{ COL_EA, "<i>E</i><sub>a</sub>" },
	{ COL_OUTLET_NH3, "Outlet NH<sub>3</sub>" },
	{ COL_REF, "Ref." },
};

/*
 * A canonical unit of the column table ("mmol g_cat^-1 h^-1", "degC") as
 * Pango markup: "_x" a subscript, "^-1" a superscript with a true minus.
 */
static void unit_markup(const char *u, struct buf *out)
{
	while (*u) {
		if (str_startswith(u, "degC")) {
			buf_addstr(out, "\xC2\xB0" "C");
			u += 4;
		} else if (*u == '_' || *u == '^') {
			const char *tag = *u == '_' ? "sub" : "sup";
			buf_printf(out, "<%s>", tag);
			for (u++; *u && *u != ' ' && *u != '^' && *u != '_'; u++) {
				if (*u == '-')
					buf_addstr(out, "\xE2\x88\x92");   /* U+2212 */
				else
					buf_addch(out, *u);
			}
			buf_printf(out, "</%s>", tag);
		} else {
			buf_addch(out, *u++);
		}
	}
}

int rpt_field_parse(const char *name, struct rpt_field *out)
{
	int c;
	memset(out, 0, sizeof(*out));
	out->col = -1;
	if (str_eq(name, "inv_T")) {
		out->kind = RF_INV_T;
		return 0;
	}
	if (str_eq(name, "ln_rate")) {
		out->kind = RF_LN_RATE;
		return 0;
	}
	if (str_eq(name, "file")) {
		out->kind = RF_FILE;
		return 0;
	}
	if (str_eq(name, "paper")) {
		out->kind = RF_PAPER;
		return 0;
	}
	c = entry_col_find(name);
	if (c < 0)
		return -1;
	out->kind = RF_COLUMN;
	out->col = c;
	return 0;
}

const char *rpt_field_title(const struct rpt_field *f)
{
	size_t i;
	if (f->kind == RF_INV_T)
		return "1000/<i>T</i>";
	if (f->kind == RF_LN_RATE)
		return "ln(<i>r</i><sub>NH<sub>3</sub></sub>)";
	if (f->kind == RF_FILE)
		return "File";
	if (f->kind == RF_PAPER)
		return "Source";
	for (i = 0; i < ARRAY_SIZE(field_titles); i++)
		if (field_titles[i].col == f->col)
			return field_titles[i].title;
	return f->col >= 0 ? entry_cols[f->col].name : "";
}

const char *rpt_field_unit(const struct rpt_field *f)
{
	/* made once per column, for the life of the process (reports run in one thread) */
	static char *markup[ENTRY_NCOLS];
	if (f->kind == RF_INV_T)
		return "K<sup>−1</sup>";
	if (f->kind != RF_COLUMN)
		return "";
	if (f->col < 0 || f->col >= ENTRY_NCOLS || !entry_cols[f->col].unit)
		return "";
	if (!markup[f->col]) {
		struct buf b = BUF_INIT;
		unit_markup(entry_cols[f->col].unit, &b);
		markup[f->col] = buf_detach(&b, NULL);
	}
	return markup[f->col];
}

void rpt_markup_escape(const char *s, struct buf *out)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_addstr(out, "&amp;"); break;
		case '<': buf_addstr(out, "&lt;"); break;
		case '>': buf_addstr(out, "&gt;"); break;
		case '"': buf_addstr(out, "&quot;"); break;
		case '\'': buf_addstr(out, "&apos;"); break;
		default: buf_addch(out, *s);
		}
	}
}

const char *rpt_clip(const char *s, char *tmp)
{
	size_t n = strlen(s);
	if (n <= RPT_CLIP)
		return s;
	n = RPT_CLIP;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(tmp, s, n);
	memcpy(tmp + n, "\xE2\x80\xA6", 4);   /* U+2026 and the NUL */
	return tmp;
}


/* 1 when the first n bytes of a and b are equal, ASCII case folded. */
static int ascii_prefix_eq(const char *a, const char *b, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		int x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (!x || (x | (is_upper(x) ? 32 : 0)) != (y | (is_upper(y) ? 32 : 0)))
			return 0;
	}
	return 1;
}

/*
 * Digits right after an element symbol ("Co1Ru2", "CeO2", "Ru3.0") or a
 * closing parenthesis are subscripts, and so is a lone x or y ending a
 * formula ("MoHx"); digits anywhere else ("1.4 nm", "S-1", "0.5Ru") are
 * not.
 */
/*
 * Names whose digits are no stoichiometry: oxide abbreviations (C12A7 is
 * 12CaO.7Al2O3, mayenite) and the codes of framework materials.  They are
 * set as written.
 */
static const char *const not_formulas[] = {
	"C12A7", "ZSM-5", "HZSM-5", "SBA-15", "SBA-16", "MCM-41", "MCM-48", "ZIF-8", "ZIF-67",
	"UiO-66", "MIL-101", "MIL-53", "MOF-5", "HKUST-1", "KIT-6", "SAPO-34", "Y-zeolite",
};

/* Greek letters that ASCII names spell out before a hyphen: gamma-Al2O3. */
static const struct {
	const char *name, *utf8;
} greek[] = {
	{ "alpha", "\xCE\xB1" }, { "beta", "\xCE\xB2" }, { "gamma", "\xCE\xB3" },
	{ "delta", "\xCE\xB4" }, { "epsilon", "\xCE\xB5" }, { "eta", "\xCE\xB7" },
	{ "theta", "\xCE\xB8" }, { "kappa", "\xCE\xBA" },
};

static int word_start(const char *s, size_t i)
{
	return i == 0 || !(is_upper((unsigned char)s[i - 1]) || is_lower((unsigned char)s[i - 1]) ||
			   is_digit((unsigned char)s[i - 1]));
}

static int word_end(const char *s, size_t j)
{
	return !(is_upper((unsigned char)s[j]) || is_lower((unsigned char)s[j]) ||
		 is_digit((unsigned char)s[j]));
}

void rpt_chem_markup(const char *s, struct buf *out)
{
	size_t i = 0, n = strlen(s), k;
	while (i < n) {
		int sub = 0;
		if (word_start(s, i)) {
			size_t len = 0;
			for (k = 0; k < ARRAY_SIZE(not_formulas) && !len; k++) {
				size_t l = strlen(not_formulas[k]);
				if (strncmp(s + i, not_formulas[k], l) == 0 && word_end(s, i + l))
					len = l;
			}
			if (len) {
				char *w = xstrndup(s + i, len);
				rpt_markup_escape(w, out);
				free(w);
				i += len;
				continue;
			}
			for (k = 0; k < ARRAY_SIZE(greek); k++) {
				size_t l = strlen(greek[k].name);
				if (ascii_prefix_eq(s + i, greek[k].name, l) && s[i + l] == '-')
					break;
			}
			if (k < ARRAY_SIZE(greek)) {
				buf_addstr(out, greek[k].utf8);
				i += strlen(greek[k].name);
				continue;
			}
		}
		if (is_digit((unsigned char)s[i]) && i > 0) {
			if (s[i - 1] == ')')
				sub = 1;
			else if (is_upper((unsigned char)s[i - 1]))
				sub = chem_is_element(s + i - 1, 1) &&
					(i < 2 || !is_upper((unsigned char)s[i - 2]) ||
					 chem_is_element(s + i - 2, 1));
			else if (i > 1 && is_lower((unsigned char)s[i - 1]) &&
				 is_upper((unsigned char)s[i - 2]))
				sub = chem_is_element(s + i - 2, 2);
		}
		/* A variable count after an element: MoHx, NOx, CeOx. */
		if (!sub && (s[i] == 'x' || s[i] == 'y') && i > 0 &&
		    (i + 1 == n || !(is_upper((unsigned char)s[i + 1]) || is_lower((unsigned char)s[i + 1]))) &&
		    ((is_upper((unsigned char)s[i - 1]) && chem_is_element(s + i - 1, 1)) ||
		     (i > 1 && is_lower((unsigned char)s[i - 1]) && is_upper((unsigned char)s[i - 2]) &&
		      chem_is_element(s + i - 2, 2)))) {
			buf_addstr(out, "<sub>");
			buf_addch(out, s[i]);
			buf_addstr(out, "</sub>");
			i++;
			continue;
		}
		if (sub) {
			size_t j = i;
			while (j < n && (is_digit((unsigned char)s[j]) ||
					 (s[j] == '.' && j + 1 < n && is_digit((unsigned char)s[j + 1]))))
				j++;
			buf_addstr(out, "<sub>");
			buf_add(out, s + i, j - i);
			buf_addstr(out, "</sub>");
			i = j;
			continue;
		}
		{
			char one[2] = { s[i], '\0' };
			rpt_markup_escape(one, out);
		}
		i++;
	}
}

/* --- values ---------------------------------------------------------------- */

const char *rpt_row_text(const struct rpt_row *r, const struct rpt_field *f, char *tmp)
{
	double v;
	switch (f->kind) {
	case RF_COLUMN:
		return entry_get(r->e, (enum entry_col)f->col);
	case RF_FILE:
		return r->file;
	case RF_PAPER:
		return rpt_row_paper(r);
	default:
		if (rpt_row_num(r, f, &v) != 1)
			return "";
		return num_format(v, tmp);
	}
}

const char *rpt_row_paper(const struct rpt_row *r)
{
	return r->paper ? r->paper : entry_get(r->e, COL_DOC);
}

int rpt_row_num(const struct rpt_row *r, const struct rpt_field *f, double *out)
{
	double v;
	int rc;
	switch (f->kind) {
	case RF_COLUMN:
		return entry_get_num(r->e, (enum entry_col)f->col, out);
	case RF_INV_T:
		rc = entry_get_num(r->e, COL_TEMPERATURE_C, &v);
		if (rc != 1)
			return rc;
		if (v <= -UNITS_ZERO_C_K)
			return -1;
		*out = 1000.0 / (v + UNITS_ZERO_C_K);
		return 1;
	case RF_LN_RATE:
		rc = entry_get_num(r->e, COL_RATE_GCAT, &v);
		if (rc != 1)
			return rc;
		if (v <= 0)
			return -1;
		*out = log(v);
		return 1;
	default:
		return 0;
	}
}

int rpt_row_derived(const struct rpt_row *r, const struct rpt_field *f)
{
	const char *d, *name;
	size_t n;
	if (f->kind != RF_COLUMN)
		return f->kind == RF_INV_T || f->kind == RF_LN_RATE;
	d = entry_get(r->e, COL_DERIVED);
	name = entry_cols[f->col].name;
	n = strlen(name);
	while (*d) {
		const char *end = strchr(d, ';');
		size_t len = end ? (size_t)(end - d) : strlen(d);
		while (len && *d == ' ')
			d++, len--;
		while (len && d[len - 1] == ' ')
			len--;
		if (len == n && memcmp(d, name, n) == 0)
			return 1;
		if (!end)
			break;
		d = end + 1;
	}
	return 0;
}

/* 1 when r passes every filter. */
static int rpt_filters_pass(const struct rpt_filters *fs, const struct rpt_row *r)
{
	size_t i, j;
	for (i = 0; i < fs->n; i++) {
		const struct rpt_filter *f = &fs->v[i];
		char tmp[NUM_BUFSZ];
		const char *t = rpt_row_text(r, &f->field, tmp);
		double v;
		int found = 0, rc;
		switch (f->op) {
		case FO_IN:
		case FO_NOT_IN:
			for (j = 0; j < f->nvalues; j++)
				if (str_casecmp(t, f->values[j]) == 0)
					found = 1;
			if (found != (f->op == FO_IN))
				return 0;
			break;
		case FO_MIN:
		case FO_MAX:
			rc = rpt_row_num(r, &f->field, &v);
			if (rc != 1 || (f->op == FO_MIN ? v < f->num : v > f->num))
				return 0;
			break;
		case FO_PRESENT:
			if (!*t)
				return 0;
			break;
		case FO_ABSENT:
			if (*t)
				return 0;
			break;
		}
	}
	return 1;
}

/* --- grouping and sorting ---------------------------------------------- */

static const char *const site_order[] = { "SAC", "SCC", "BCC", "NP", "bulk" };

const char *rpt_group_label(const char *name)
{
	return *name ? name : "unclassified";
}

/* Rank of a group name: template order, then site types, then by name. */
static long group_rank(const char *name, char *const *order, size_t norder)
{
	size_t i;
	if (!*name)
		return 1L << 30;
	for (i = 0; i < norder; i++)
		if (str_casecmp(name, order[i]) == 0)
			return (long)i;
	for (i = 0; i < ARRAY_SIZE(site_order); i++)
		if (str_eq(name, site_order[i]))
			return (long)(norder + i);
	return (long)(norder + ARRAY_SIZE(site_order)) + 1;
}

struct sort_ctx_row {
	struct rpt_row row;
	size_t seq;
	int has;
	double num;
	const char *text;
};

static int sort_desc_flag;

static int cmp_sort_rows(const void *pa, const void *pb)
{
	const struct sort_ctx_row *a = pa, *b = pb;
	int c = 0;
	if (a->has != b->has)
		return a->has ? -1 : 1;   /* empty values last */
	if (a->has == 1)
		c = a->num < b->num ? -1 : a->num > b->num ? 1 : 0;
	else if (a->has == 2)
		c = strcmp(a->text, b->text);
	if (sort_desc_flag)
		c = -c;
	if (c == 0)
		c = a->seq < b->seq ? -1 : a->seq > b->seq ? 1 : 0;
	return c;
}

struct group_tmp {
	const char *name;            /* borrowed from the row's entry, or "" */
	size_t pos;                  /* place in the sorted rows */
};

static int cmp_group_tmp(const void *pa, const void *pb)
{
	const struct group_tmp *a = pa, *b = pb;
	int c = strcmp(a->name, b->name);
	if (c)
		return c;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

struct group_run {
	size_t first, n;             /* a run of the sorted group_tmp */
	long rank;
	const char *name;
};

static int cmp_group_run(const void *pa, const void *pb)
{
	const struct group_run *a = pa, *b = pb;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return strcmp(a->name, b->name);
}

/*
 * Grouping sorts the rows by group name (ties in row order), so each
 * group is one run: O(n log n) time, and every row is held once, however
 * many groups there are.
 */
void rpt_select(const struct report_data *d, const struct rpt_filters *fs,
		const struct rpt_field *group, char *const *order, size_t norder,
		const struct rpt_field *sort, int desc, struct rpt_groups *out)
{
	struct sort_ctx_row *rows = xcalloc(d->nrows + 1, sizeof(*rows));
	struct group_tmp *gt;
	struct group_run *gs;
	size_t nrows = 0, ng = 0, i, j, others = 0;
	int grouped = group && (group->kind != RF_COLUMN || group->col >= 0);
	int sorted = sort && (sort->kind != RF_COLUMN || sort->col >= 0);

	memset(out, 0, sizeof(*out));
	for (i = 0; i < d->nrows; i++) {
		struct sort_ctx_row *s;
		if (fs && !rpt_filters_pass(fs, &d->rows[i]))
			continue;
		s = &rows[nrows++];
		s->row = d->rows[i];
		s->seq = i;
		if (sorted) {
			char tmp[NUM_BUFSZ];
			int rc = rpt_row_num(&d->rows[i], sort, &s->num);
			s->text = rpt_row_text(&d->rows[i], sort, tmp);
			if (sort->kind != RF_COLUMN)
				s->text = "";
			s->has = rc == 1 ? 1 : *s->text ? 2 : 0;
		}
	}
	if (sorted) {
		sort_desc_flag = desc;
		qsort(rows, nrows, sizeof(*rows), cmp_sort_rows);
	}
	gt = xcalloc(nrows + 1, sizeof(*gt));
	for (i = 0; i < nrows; i++) {
		/* Computed fields give numbers, not names: group only by columns and files. */
		gt[i].name = !grouped ? "" : group->kind == RF_COLUMN ?
			entry_get(rows[i].row.e, (enum entry_col)group->col) :
			group->kind == RF_FILE ? rows[i].row.file : "";
		gt[i].pos = i;
	}
	if (nrows > 1)
		qsort(gt, nrows, sizeof(*gt), cmp_group_tmp);
	gs = xcalloc(nrows + 1, sizeof(*gs));
	for (i = 0; i < nrows; i = j) {
		for (j = i + 1; j < nrows && str_eq(gt[j].name, gt[i].name); j++)
			;
		gs[ng].first = i;
		gs[ng].n = j - i;
		gs[ng].name = gt[i].name;
		gs[ng].rank = group_rank(gt[i].name, order, norder);
		ng++;
	}
	if (ng > 1)
		qsort(gs, ng, sizeof(*gs), cmp_group_run);
	out->v = xcalloc(ng + 1, sizeof(*out->v));
	out->n = ng;
	for (j = 0; j < ng; j++) {
		struct rpt_group *g = &out->v[j];
		size_t k;
		g->name = xstrdup(gs[j].name);
		/* SAC, SCC, BCC and NP look the same in every chart; others follow. */
		g->style = ARRAY_SIZE(site_order) + others++;
		for (k = 0; k < ARRAY_SIZE(site_order); k++)
			if (str_eq(g->name, site_order[k])) {
				g->style = k;
				others--;
			}
		g->rows = xcalloc(gs[j].n + 1, sizeof(*g->rows));
		for (k = 0; k < gs[j].n; k++)
			g->rows[g->n++] = rows[gt[gs[j].first + k].pos].row;
	}
	free(gs);
	free(gt);
	free(rows);
}

void rpt_groups_release(struct rpt_groups *g)
{
	size_t i;
	for (i = 0; i < g->n; i++) {
		free(g->v[i].name);
		free(g->v[i].rows);
	}
	free(g->v);
	memset(g, 0, sizeof(*g));
}

/* --- loading ----------------------------------------------------------------- */

struct report_data *report_data_new(void)
{
	return xcalloc(1, sizeof(struct report_data));
}

/*
 * The entries file a finding is about: findings are collected while their
 * file is read, so it is the last one added when the names agree
 * (RPT_NO_SET for another file, such as the waivers file).
 */
static size_t set_being_read(const struct report_data *d, const char *file)
{
	return d->nsets && str_eq(file, d->names[d->nsets - 1]) ? d->nsets - 1 : RPT_NO_SET;
}

static void collect(void *ctx, const struct diag_item *it)
{
	struct report_data *d = ctx;
	struct rpt_finding *f;
	d->findings = xgrow(d->findings, &d->afindings, d->nfindings + 1, sizeof(*f));
	f = &d->findings[d->nfindings++];
	f->file = xstrdup(it->file ? it->file : "");
	f->set = set_being_read(d, f->file);
	f->line = it->line;
	f->sev = it->sev;
	f->rule = xstrdup(it->rule ? it->rule : "");
	f->message = xstrdup(it->message ? it->message : "");
}

/* --- one measurement once ---------------------------------------------------- */

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */
	size_t i;
	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h ? h : 1;
}

/* An open-addressing table of (hash, entry) pairs; probes are capped, so it stays linear. */
struct fact_tab {
	struct fact_slot {
		uint64_t h;
		size_t idx;
	} *v;
	size_t mask;
};
#define FACT_PROBES 256

static void fact_tab_init(struct fact_tab *t, size_t nkeys)
{
	size_t n = 64;
	while (n < 2 * nkeys + 1)
		n <<= 1;
	t->v = xcalloc(n, sizeof(*t->v));
	t->mask = n - 1;
}

static void fact_tab_put(struct fact_tab *t, uint64_t h, size_t idx)
{
	size_t i, k;
	for (k = 0, i = (size_t)h & t->mask; k < FACT_PROBES; k++, i = (i + 1) & t->mask)
		if (!t->v[i].h) {
			t->v[i].h = h;
			t->v[i].idx = idx;
			return;
		}
}

/* The measured quantities, and the conditions they were measured at. */
/* (the result and condition columns of the schema, entry.h) */

struct fact {
	const struct entry *e;
	char *fold;                  /* its catalyst name folded (chem_fold_name), once */
	size_t set;
	size_t filled;               /* values and conditions given */
	int keep;
};

static const char *entry_doc(const struct report_data *d, const struct fact *f)
{
	const char *doc = entry_get(f->e, COL_DOC);
	return *doc ? doc : d->names[f->set];
}

static int same_num(const char *a, const char *b)
{
	double x, y;
	if (str_eq(a, b))
		return 1;
	if (num_parse(a, &x) < 0 || num_parse(b, &y) < 0)
		return 0;
	return x == y || fabs(x - y) <= 1e-12 * fmax(fabs(x), fabs(y));
}

/* Key of (document, catalyst, quantity c, its value) into *k; 0 when c is empty. */
static int measurement_key(const struct report_data *d, const struct fact *f, enum entry_col c,
			   struct buf *k)
{
	const char *v = entry_get(f->e, c);
	char tmp[NUM_BUFSZ];
	double x;
	if (!*v)
		return 0;
	buf_reset(k);
	buf_addstr(k, entry_doc(d, f));
	buf_addch(k, '\x1f');
	buf_addstr(k, f->fold);
	buf_printf(k, "\x1f%d\x1f", (int)c);
	buf_addstr(k, num_parse(v, &x) == 0 ? num_format(x, tmp) : v);
	return 1;
}

/* Does b say nothing that a does not: each of its values and conditions equal in a? */
static int covered_by(const struct report_data *d, const struct fact *b, const struct fact *a)
{
	size_t k;
	if (!str_eq(entry_doc(d, a), entry_doc(d, b)))
		return 0;
	for (k = 0; k < ENTRY_NRESULTS; k++) {
		const char *v = entry_get(b->e, entry_col_of_role(ROLE_RESULT, k));
		if (*v && !same_num(v, entry_get(a->e, entry_col_of_role(ROLE_RESULT, k))))
			return 0;
	}
	for (k = 0; k < ENTRY_NCONDITIONS; k++) {
		const char *v = entry_get(b->e, entry_col_of_role(ROLE_CONDITION, k));
		if (*v && !same_num(v, entry_get(a->e, entry_col_of_role(ROLE_CONDITION, k))))
			return 0;
	}
	return str_eq(a->fold, b->fold);
}

/*
 * The same fact cited by two documents (a review and the paper it cites,
 * or two renderings of one paper): same catalyst, site type, conditions,
 * values, cited reference and kind of source.
 */
static void cited_fact_key(const struct fact *f, struct buf *k)
{
	static const enum entry_col cols[] = {
		COL_SITE_TYPE, COL_TEMPERATURE_C, COL_PRESSURE_MPA, COL_WHSV, COL_RATE_GCAT,
		COL_RATE_GMETAL, COL_TOF_S, COL_EA, COL_REF, COL_SOURCE
	};
	size_t i;
	buf_reset(k);
	buf_addstr(k, f->fold);
	for (i = 0; i < ARRAY_SIZE(cols); i++) {
		buf_addch(k, '\x1f');
		buf_addstr(k, entry_get(f->e, cols[i]));
	}
}

static int same_cited_fact(const struct fact *a, const struct fact *b)
{
	struct buf ka = BUF_INIT, kb = BUF_INIT;
	int same;
	cited_fact_key(a, &ka);
	cited_fact_key(b, &kb);
	same = str_eq(buf_str(&ka), buf_str(&kb));
	buf_release(&ka);
	buf_release(&kb);
	return same;
}

static int cmp_fact_filled(const void *pa, const void *pb)
{
	const struct fact *const *a = pa, *const *b = pb;
	if ((*a)->filled != (*b)->filled)
		return (*a)->filled > (*b)->filled ? -1 : 1;
	return *a < *b ? -1 : *a > *b;
}

/*
 * Rows are the entries not rejected, each measurement once.  An entry is
 * left out (and counted in nrepeated) when
 *   - another document already gave the same cited fact, or
 *   - an entry of the same document says all it says: the same catalyst
 *     with each of its values and conditions (a sentence repeating a row
 *     of a table, a TOF stated twice).
 * Entries that say more are looked at first, so the fullest copy stays.
 * Hash tables keep this linear in the number of entries.
 */
static void rebuild_rows(struct report_data *d)
{
	size_t i, j, n = 0, nf = 0;
	struct fact *facts, **order;
	struct fact_tab cited, meas;
	struct buf k = BUF_INIT;

	for (i = 0; i < d->nsets; i++)
		n += d->sets[i].n;
	facts = xcalloc(n + 1, sizeof(*facts));
	order = xcalloc(n + 1, sizeof(*order));
	d->nrows = 0;
	d->nrejected = 0;
	d->nrepeated = 0;
	for (i = 0; i < d->nsets; i++)
		for (j = 0; j < d->sets[i].n; j++) {
			struct fact *f = &facts[nf];
			size_t c;
			f->e = &d->sets[i].v[j];
			f->set = i;
			if (d->doc && !str_eq(entry_get(f->e, COL_DOC), d->doc))
				continue;
			if (str_eq(entry_get(f->e, COL_STATUS), "rejected")) {
				d->nrejected++;
				continue;
			}
			for (c = 0; c < ENTRY_NRESULTS; c++)
				f->filled += *entry_get(f->e, entry_col_of_role(ROLE_RESULT, c)) != '\0';
			for (c = 0; c < ENTRY_NCONDITIONS; c++)
				f->filled += *entry_get(f->e, entry_col_of_role(ROLE_CONDITION, c)) != '\0';
			f->fold = chem_fold_name(entry_get(f->e, COL_CATALYST));
			order[nf] = f;
			nf++;
		}
	/* Cited facts across documents: the first document's copy, in file order. */
	fact_tab_init(&cited, nf);
	for (i = 0; i < nf; i++) {
		uint64_t h;
		size_t p, probes;
		struct fact *f = &facts[i];
		f->keep = 1;
		cited_fact_key(f, &k);
		h = hash_bytes(k.data, k.len);
		for (p = (size_t)h & cited.mask, probes = 0; cited.v[p].h && probes < FACT_PROBES;
		     p = (p + 1) & cited.mask, probes++) {
			const struct fact *o = &facts[cited.v[p].idx];
			if (cited.v[p].h == h && o->set != f->set && same_cited_fact(o, f)) {
				f->keep = 0;
				break;
			}
		}
		if (f->keep)
			fact_tab_put(&cited, h, i);
	}
	/* Measurements inside a document: the fullest entry first. */
	if (nf > 1)
		qsort(order, nf, sizeof(*order), cmp_fact_filled);
	fact_tab_init(&meas, nf * ENTRY_NRESULTS);
	for (i = 0; i < nf; i++) {
		struct fact *f = order[i];
		size_t c, first = ENTRY_NRESULTS;
		if (!f->keep)
			continue;
		for (c = 0; c < ENTRY_NRESULTS && first == ENTRY_NRESULTS; c++)
			if (*entry_get(f->e, entry_col_of_role(ROLE_RESULT, c)))
				first = c;
		if (first == ENTRY_NRESULTS)
			continue;     /* no measurement: nothing to repeat */
		if (measurement_key(d, f, entry_col_of_role(ROLE_RESULT, first), &k)) {
			uint64_t h = hash_bytes(k.data, k.len);
			size_t p, probes;
			for (p = (size_t)h & meas.mask, probes = 0; meas.v[p].h && probes < FACT_PROBES;
			     p = (p + 1) & meas.mask, probes++)
				if (meas.v[p].h == h && covered_by(d, f, &facts[meas.v[p].idx])) {
					f->keep = 0;
					break;
				}
		}
		if (!f->keep)
			continue;
		for (c = 0; c < ENTRY_NRESULTS; c++)
			if (measurement_key(d, f, entry_col_of_role(ROLE_RESULT, c), &k))
				fact_tab_put(&meas, hash_bytes(k.data, k.len), (size_t)(f - facts));
	}
	for (i = 0; i < nf; i++) {
		if (!facts[i].keep) {
			d->nrepeated++;
			continue;
		}
		d->rows = xgrow(d->rows, &d->arows, d->nrows + 1, sizeof(*d->rows));
		d->rows[d->nrows].e = facts[i].e;
		d->rows[d->nrows].file = d->names[facts[i].set];
		d->rows[d->nrows].paper = NULL;
		d->nrows++;
	}
	rpt_sources_finish(d);
	for (i = 0; i < nf; i++)
		free(facts[i].fold);
	free(cited.v);
	free(meas.v);
	free(facts);
	free(order);
	buf_release(&k);
}

static struct entry_set *new_set(struct report_data *d, const char *name)
{
	d->sets = xgrow(d->sets, &d->asets, d->nsets + 1, sizeof(*d->sets));
	d->names = xgrow(d->names, &d->anames, d->nsets + 1, sizeof(*d->names));
	entry_set_init(&d->sets[d->nsets]);
	d->names[d->nsets] = xstrdup(name);
	return &d->sets[d->nsets++];
}


/*
 * The corpus keeps the findings its curators accept in its waivers file
 * (ROOT/entries/KEY.csv -> ROOT/waivers.txt, corpus_layout.h), as
 * CI passes it to nh3cat validate; the quality report says how many of its
 * findings are accepted that way.
 */
static void load_waivers(struct report_data *d, const char *path, struct diag *dg)
{
	char *root, *key, *w;
	if (d->waivers_looked)
		return;
	d->waivers_looked = 1;
	if (corpus_split_entries_path(path, &root, &key) < 0)
		return;
	w = corpus_waivers_path(root);
	if (access(w, F_OK) == 0) {
		d->waivers = waivers_new();
		if (waivers_load(d->waivers, w, dg) < 0) {
			waivers_free(d->waivers);
			d->waivers = NULL;
		}
	}
	free(w);
	free(root);
	free(key);
}

struct cat_ix {
	char *key;        /* document and folded catalyst name */
	size_t i;
};

static int cmp_cat_ix(const void *pa, const void *pb)
{
	const struct cat_ix *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	return c ? c : a->i < b->i ? -1 : a->i > b->i;
}

/*
 * Entries without a site type get the classifier's (listed in derived, so
 * reports can say it is inferred); then each catalyst of one document
 * takes one type, the first its source states, so it sits in one group.
 * Returns the number of entries whose type was inferred.
 */
static size_t infer_site_types(struct entry_set *s)
{
	struct rules *r = rules_new();
	struct classify_limits lim;
	struct cat_ix *ix = xcalloc(s->n + 1, sizeof(*ix));
	char *empty = xcalloc(s->n + 1, 1);
	size_t i, j, k, n = 0;
	for (i = 0; i < s->n; i++)
		empty[i] = !*entry_get(&s->v[i], COL_SITE_TYPE);
	lim.np_min_nm = r->np_min_nm;
	lim.sac_max_nm = r->sac_max_nm;
	classify_fill(s, &lim);
	rules_free(r);
	for (i = 0; i < s->n; i++) {
		struct buf b = BUF_INIT;
		char *fold = chem_fold_name(entry_get(&s->v[i], COL_CATALYST));
		buf_addstr(&b, entry_get(&s->v[i], COL_DOC));
		buf_addch(&b, '\x1f');
		buf_addstr(&b, fold);
		free(fold);
		ix[i].key = buf_detach(&b, NULL);
		ix[i].i = i;
	}
	if (s->n > 1)
		qsort(ix, s->n, sizeof(*ix), cmp_cat_ix);
	for (i = 0; i < s->n; i = j) {
		const char *stated = NULL;
		for (j = i; j < s->n && str_eq(ix[j].key, ix[i].key); j++)
			if (!stated && !empty[ix[j].i])
				stated = entry_get(&s->v[ix[j].i], COL_SITE_TYPE);
		for (k = i; k < j && stated; k++)
			if (empty[ix[k].i])
				entry_set(&s->v[ix[k].i], COL_SITE_TYPE, stated);
	}
	for (i = 0; i < s->n; i++) {
		n += empty[i] && *entry_get(&s->v[i], COL_SITE_TYPE);
		free(ix[i].key);
	}
	free(ix);
	free(empty);
	return n;
}

static void note_waived(void *ctx, const char *file, const struct entry *e, const char *rule,
			const char *reason)
{
	struct report_data *d = ctx;
	struct rpt_finding *f;
	d->waived = xgrow(d->waived, &d->awaived, d->nwaived_list + 1, sizeof(*f));
	f = &d->waived[d->nwaived_list++];
	f->file = xstrdup(file);
	f->set = set_being_read(d, file);
	f->line = e->line;
	f->sev = DIAG_NOTE;
	f->rule = xstrdup(rule);
	f->message = xstrdup(reason);
}

void report_data_set_hook(struct report_data *d, const struct report_validation_hook *hook)
{
	d->hook = hook;
}

void report_data_validate(struct report_data *d, int yes)
{
	d->no_validation = !yes;
}

static int add_file(struct report_data *d, const char *path)
{
	struct diag *dg = diag_new_collect(collect, d);
	struct entry_set *s;
	size_t before = d->nfindings;
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_free(dg);
		fprintf(stderr, "%s: error: cannot open: %s\n", path, strerror(errno));
		return -1;
	}
	fclose(f);
	s = new_set(d, path);
	entries_read(path, s, dg);
	/* A file that is not an entries CSV at all must not pass silently. */
	if (s->n == 0 && d->nfindings > before && str_startswith(d->findings[before].rule, "csv-"))
		warning("%s: %s", path, d->findings[before].message);
	/*
	 * Validated as nh3cat validate --waivers corpus/waivers.txt does it: the
	 * same rules, the paper's citations (through the hook), the waivers;
	 * waived findings are kept apart with their reasons.  Not when the
	 * template shows no findings (report_data_validate).
	 */
	if (!d->no_validation) {
		struct validate_opts vo;
		void *h = NULL;
		load_waivers(d, path, dg);
		memset(&vo, 0, sizeof(vo));
		vo.waivers = d->waivers;
		vo.on_waived = note_waived;
		vo.waived_ctx = d;
		if (d->hook)
			h = d->hook->prepare(path, &vo);
		validate_run(path, s, &vo, dg);
		if (d->hook)
			d->hook->release(h);
		d->nwaived += vo.waived;
	}
	d->ninferred += infer_site_types(s);
	{
		struct paper_meta m;
		int have = d->hook && d->hook->paper_meta && d->hook->paper_meta(path, &m) == 0;
		rpt_sources_note_file(d, path, s, have ? &m : NULL);
		if (have)
			paper_meta_release(&m);
	}
	diag_free(dg);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file, or every *.csv of a folder sorted, read and validated; rows not rebuilt. */
static int add_path(struct report_data *d, const char *path)
{
	struct stat st;
	DIR *dp;
	struct dirent *de;
	char **files = NULL;
	size_t n = 0, alloc = 0, i;
	int rc = 0;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return add_file(d, path);
	dp = opendir(path);
	if (!dp)
		return error("cannot open folder '%s'", path);
	while ((de = readdir(dp)) != NULL) {
		struct buf p = BUF_INIT;
		if (de->d_name[0] == '.' || !str_endswith(de->d_name, ".csv"))
			continue;
		buf_printf(&p, "%s/%s", path, de->d_name);
		files = xgrow(files, &alloc, n + 1, sizeof(*files));
		files[n++] = buf_detach(&p, NULL);
	}
	closedir(dp);
	if (n > 1)
		qsort(files, n, sizeof(*files), cmp_str);
	for (i = 0; i < n; i++) {
		if (add_file(d, files[i]) < 0)
			rc = -1;
		free(files[i]);
	}
	free(files);
	return rc;
}

int report_data_add(struct report_data *d, const char *path)
{
	return report_data_add_many(d, &path, 1);
}

int report_data_add_many(struct report_data *d, const char *const *paths, size_t n)
{
	size_t i;
	int rc = 0;
	for (i = 0; i < n; i++)
		if (add_path(d, paths[i]) < 0)
			rc = -1;
	/* Once for them all: the rows are worked out over every file together. */
	rebuild_rows(d);
	return rc;
}

void report_data_add_set(struct report_data *d, const char *name, const struct entry_set *src)
{
	struct entry_set *s = new_set(d, name);
	struct diag *dg = diag_new_collect(collect, d);
	size_t i;
	int c;
	for (i = 0; i < src->n; i++) {
		struct entry *e = entry_set_append(s);
		for (c = 0; c < ENTRY_NCOLS; c++)
			entry_set(e, (enum entry_col)c, entry_get(&src->v[i], (enum entry_col)c));
		e->line = src->v[i].line;
	}
	validate_entries(name, s, dg);
	diag_free(dg);
	rebuild_rows(d);
}

size_t report_data_count(const struct report_data *d)
{
	return d->nrows;
}

void report_data_only_doc(struct report_data *d, const char *key)
{
	free(d->doc);
	d->doc = key ? xstrdup(key) : NULL;
}

size_t report_data_nfiles(const struct report_data *d)
{
	return d->nsets;
}

const char *report_data_file(const struct report_data *d, size_t i)
{
	return i < d->nsets ? d->names[i] : NULL;
}

void report_data_free(struct report_data *d)
{
	size_t i;
	if (!d)
		return;
	for (i = 0; i < d->nsets; i++) {
		entry_set_release(&d->sets[i]);
		free(d->names[i]);
	}
	for (i = 0; i < d->nfindings; i++) {
		free(d->findings[i].file);
		free(d->findings[i].rule);
		free(d->findings[i].message);
	}
	for (i = 0; i < d->nwaived_list; i++) {
		free(d->waived[i].file);
		free(d->waived[i].rule);
		free(d->waived[i].message);
	}
	free(d->waived);
	free(d->findings);
	free(d->sets);
	free(d->names);
	waivers_free(d->waivers);
	free(d->rows);
	free(d->doc);
	rpt_sources_release(d);
	free(d);
}
