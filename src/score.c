/*
 * score.c: extraction quality against curated entries (see score.h).
 *
 * The rules follow the reference scorer line by line, including its
 * quirks, because users compare the two: gold facts are taken in file
 * order, each matching the first unused prediction (or, when all its
 * matches are used, the last of them, and is still recalled); a cell that
 * is not a plain number is compared as text, lower case; an empty cell
 * compares as the text "None".  Name folding works on code points with
 * generated Unicode tables (score_tables.c): compatibility forms of the
 * blocks where names find them (no canonical composition), Python's lower
 * case and its letters and digits for regex word boundaries.
 */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

#include "buf.h"
#include "entry.h"
#include "score_tables.h"
#include "utf8.h"
#include "util.h"

const char *const score_fields[SCORE_NFIELDS] = {
	"temperature_C", "pressure_MPa", "whsv_mL_g_h", "loading_wt", "site_type", "ref"
};
enum { F_LOADING = 3, F_SITE_TYPE = 4 };

/* The quantities scored: the result columns of the schema (entry.h), by name. */
#define NQUANT ENTRY_NRESULTS

static const char *quantity_name(size_t q)
{
	enum entry_col cols[ENTRY_NRESULTS];
	size_t n = entry_cols_of_role(ROLE_RESULT, cols, ENTRY_NRESULTS);
	return q < n ? entry_cols[cols[q]].name : "";
}

/* Relative tolerance of a value match. */
#define REL_TOL 0.015

/* ---- code points --------------------------------------------------- */

struct cps {
	uint32_t *v;
	size_t n, alloc;
};

static void cps_push(struct cps *s, uint32_t cp)
{
	s->v = xgrow(s->v, &s->alloc, s->n + 1, sizeof(uint32_t));
	s->v[s->n++] = cp;
}

static void cps_decode(struct cps *s, const char *str)
{
	size_t n = strlen(str), i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(str + i, n - i, &cp);
		if (!k) {           /* not UTF-8: keep the byte as a code point */
			cp = (unsigned char)str[i];
			k = 1;
		}
		cps_push(s, cp);
		i += k;
	}
}

static char *cps_encode(const struct cps *s)
{
	struct buf b = BUF_INIT;
	size_t i;
	for (i = 0; i < s->n; i++) {
		char u[4];
		buf_add(&b, u, utf8_encode(s->v[i], u));
	}
	return buf_detach(&b, NULL);
}

/* Python's str.isspace. */
static int is_space(uint32_t c)
{
	return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 ||
	       c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
	       c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Python's \w in a str pattern: letters, digits, underscore. */
static int is_word(uint32_t c)
{
	size_t lo = 0, hi = score_alnum_n;
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		       (c >= 'A' && c <= 'Z') || c == '_';
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < score_alnum[mid].first)
			hi = mid;
		else if (c > score_alnum[mid].last)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

static const struct fold_map *nfkc_find(uint32_t c)
{
	size_t lo = 0, hi = score_nfkc_n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < score_nfkc[mid].cp)
			hi = mid;
		else if (c > score_nfkc[mid].cp)
			lo = mid + 1;
		else
			return &score_nfkc[mid];
	}
	return NULL;
}

/* Lower case of c, appended to out (U+0130 lowers to two code points). */
static void lower_push(struct cps *out, uint32_t c)
{
	size_t lo = 0, hi = score_lower_n;
	if (c < 0x80) {
		cps_push(out, c >= 'A' && c <= 'Z' ? c + 32 : c);
		return;
	}
	if (c == 0x130) {
		cps_push(out, 'i');
		cps_push(out, 0x307);
		return;
	}
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct case_range *r = &score_lower[mid];
		if (c < r->first) {
			hi = mid;
		} else if (c > r->last) {
			lo = mid + 1;
		} else {
			if ((c - r->first) % (uint32_t)r->stride == 0)
				c = (uint32_t)((int32_t)c + r->delta);
			break;
		}
	}
	cps_push(out, c);
}

/* Dashes, signs and '©' as the reference scorer translates them. */
static uint32_t translate(uint32_t c)
{
	if (c >= 0x2080 && c <= 0x2089)
		return '0' + (c - 0x2080);
	if (c >= 0x2074 && c <= 0x2079)
		return '0' + (c - 0x2070);
	switch (c) {
	case 0x2070: return '0';
	case 0x00B9: return '1';
	case 0x00B2: return '2';
	case 0x00B3: return '3';
	case 0x208A: case 0x207A: return '+';
	case 0x208B: case 0x207B: case 0x2013: case 0x2014: case 0x2212: return '-';
	case 0x00A9: return '@';
	default: return c;
	}
}

static int at(const struct cps *s, size_t i, const char *ascii)
{
	size_t k;
	for (k = 0; ascii[k]; k++)
		if (i + k >= s->n || s->v[i + k] != (unsigned char)ascii[k])
			return 0;
	return 1;
}

static int boundary(const struct cps *s, size_t i)
{
	int before = i > 0 && is_word(s->v[i - 1]);
	int after = i < s->n && is_word(s->v[i]);
	return before != after;
}

char *score_fold_name(const char *name)
{
	struct cps in = { NULL, 0, 0 }, a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	size_t i, k;
	char *res;

	cps_decode(&in, name ? name : "");
	/* Compatibility forms, the scorer's translation, lower case. */
	for (i = 0; i < in.n; i++) {
		const struct fold_map *m = nfkc_find(in.v[i]);
		if (!m) {
			lower_push(&a, translate(in.v[i]));
			continue;
		}
		for (k = 0; k < 4 && m->to[k]; k++)
			lower_push(&a, translate(m->to[k]));
	}
	/* LaTeX markup: $ \text \mathrm \rm { } _ ^ */
	for (i = 0; i < a.n; i++) {
		uint32_t c = a.v[i];
		if (c == '$' || c == '{' || c == '}' || c == '_' || c == '^')
			continue;
		if (at(&a, i, "\\text")) {
			i += 4;
			continue;
		}
		if (at(&a, i, "\\mathrm")) {
			i += 6;
			continue;
		}
		if (at(&a, i, "\\rm")) {
			i += 2;
			continue;
		}
		cps_push(&b, c);
	}
	/* The word "catalyst" or "catalysts", then white space. */
	a.n = 0;
	for (i = 0; i < b.n; i++) {
		if (at(&b, i, "catalyst") && boundary(&b, i)) {
			size_t end = i + 8;
			if (end < b.n && b.v[end] == 's' && boundary(&b, end + 1)) {
				i = end;
				continue;
			}
			if (boundary(&b, end)) {
				i = end - 1;
				continue;
			}
		}
		if (!is_space(b.v[i]))
			cps_push(&a, b.v[i]);
	}
	if (a.n > 3)
		while (a.n > 0 && a.v[a.n - 1] == 's')
			a.n--;
	res = cps_encode(&a);
	free(in.v);
	free(a.v);
	free(b.v);
	return res;
}

/* ---- names ---------------------------------------------------------- */

struct names {
	char **v;
	size_t *len;    /* in code points */
	size_t n;
};

static int blank(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (!k)
			return 0;
		if (!is_space(cp))
			return 0;
		i += k;
	}
	return 1;
}

static void names_split(struct names *nm, const char *cell)
{
	const char *p = cell ? cell : "";
	size_t alloc = 0, alloc2 = 0;
	memset(nm, 0, sizeof(*nm));
	for (;;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (!blank(p, n)) {
			char *one = xstrndup(p, n);
			nm->v = xgrow(nm->v, &alloc, nm->n + 1, sizeof(char *));
			nm->len = xgrow(nm->len, &alloc2, nm->n + 1, sizeof(size_t));
			nm->v[nm->n] = score_fold_name(one);
			nm->len[nm->n] = utf8_count(nm->v[nm->n], strlen(nm->v[nm->n]));
			nm->n++;
			free(one);
		}
		if (!bar)
			break;
		p = bar + 1;
	}
}

static void names_release(struct names *nm)
{
	size_t i;
	for (i = 0; i < nm->n; i++)
		free(nm->v[i]);
	free(nm->v);
	free(nm->len);
}

/* p: one folded predicted name of plen code points. */
static int names_match(const struct names *gold, const char *p, size_t plen)
{
	size_t i;
	if (!*p)
		return 0;
	for (i = 0; i < gold->n; i++) {
		const char *g = gold->v[i];
		if (strcmp(g, p) == 0)
			return 1;
		if (gold->len[i] >= 4 && plen >= 4 && (strstr(p, g) || strstr(g, p)))
			return 1;
	}
	return 0;
}

int score_same_catalyst(const char *gold, const char *pred)
{
	struct names nm;
	char *p = score_fold_name(pred);
	int same;
	names_split(&nm, gold);
	same = names_match(&nm, p, utf8_count(p, strlen(p)));
	names_release(&nm);
	free(p);
	return same;
}

/* ---- values --------------------------------------------------------- */

enum val_kind { V_NONE, V_NUM, V_TEXT };

struct val {
	enum val_kind kind;
	double num;
	char *text;     /* V_TEXT: the cell without surrounding white space */
};

/* s without leading and trailing white space (Python's str.strip). */
static char *strip_dup(const char *s)
{
	size_t n = strlen(s), b = 0, e = n;
	while (b < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + b, n - b, &cp);
		if (!k || !is_space(cp))
			break;
		b += k;
	}
	while (e > b) {
		size_t st = e - 1;
		uint32_t cp;
		while (st > b && ((unsigned char)s[st] & 0xC0) == 0x80)
			st--;
		if (utf8_decode(s + st, e - st, &cp) != e - st || !is_space(cp))
			break;
		e = st;
	}
	return xstrndup(s + b, e - b);
}

/* Length of the run of ASCII digits at s. */
static size_t digits(const char *s)
{
	size_t n = 0;
	while (is_digit(s[n]))
		n++;
	return n;
}

static double decimal(const char *s, size_t n)
{
	double v;
	char *copy;
	if (num_parse_n(s, n, &v) == 0)
		return v;
	/* Too long for num_parse, or out of range: as Python's float() reads it. */
	copy = xstrndup(s, n);
	v = strtod(copy, NULL);
	free(copy);
	return v;
}

/* [-+]?\d+(\.\d+)?([eE][-+]?\d+)? and nothing else. */
static int plain_number(const char *s)
{
	size_t i = 0, k;
	if (s[i] == '+' || s[i] == '-')
		i++;
	if (!(k = digits(s + i)))
		return 0;
	i += k;
	if (s[i] == '.') {
		if (!(k = digits(s + i + 1)))
			return 0;
		i += 1 + k;
	}
	if (s[i] == 'e' || s[i] == 'E') {
		size_t j = i + 1;
		if (s[j] == '+' || s[j] == '-')
			j++;
		if (!(k = digits(s + j)))
			return 0;
		i = j + k;
	}
	return s[i] == '\0';
}

/* The reference scorer's number(): None, a float or the stripped text. */
static void val_parse(struct val *v, const char *cell)
{
	char *t = strip_dup(cell ? cell : "");
	v->text = NULL;
	v->num = 0;
	if (!*t) {
		v->kind = V_NONE;
		free(t);
	} else if (plain_number(t)) {
		v->kind = V_NUM;
		v->num = decimal(t, strlen(t));
		free(t);
	} else {
		v->kind = V_TEXT;
		v->text = t;
	}
}

static void val_release(struct val *v)
{
	free(v->text);
	v->text = NULL;
}

const char *score_format_float(double v, char *buf)
{
	char e[40], dg[20];
	const char *sign = signbit(v) ? "-" : "";
	int prec, exp10, nd = 0;
	const char *p;

	if (isnan(v))
		{ snprintf(buf, 32, "nan"); return buf; }
	if (isinf(v))
		{ snprintf(buf, 32, "%s", v < 0 ? "-inf" : "inf"); return buf; }
	if (v == 0) {
		snprintf(buf, 32, "%s0.0", sign);
		return buf;
	}
	/* Shortest digits that read back as v, as Python's repr picks them. */
	for (prec = 0; prec < 17; prec++) {
		snprintf(e, sizeof(e), "%.*e", prec, fabs(v));
		if (strtod(e, NULL) == fabs(v))
			break;
	}
	for (p = e; *p && *p != 'e'; p++)
		if (is_digit(*p))
			dg[nd++] = *p;
	while (nd > 1 && dg[nd - 1] == '0')
		nd--;
	dg[nd] = '\0';
	exp10 = (int)strtol(p + 1, NULL, 10);
	if (exp10 >= -4 && exp10 < 16) {
		struct buf b = BUF_INIT;
		int i;
		buf_addstr(&b, sign);
		if (exp10 < 0) {
			buf_addstr(&b, "0.");
			for (i = 0; i < -exp10 - 1; i++)
				buf_addch(&b, '0');
			buf_addstr(&b, dg);
		} else {
			for (i = 0; i <= exp10; i++)
				buf_addch(&b, i < nd ? dg[i] : '0');
			buf_addch(&b, '.');
			if (nd > exp10 + 1)
				buf_addstr(&b, dg + exp10 + 1);
			else
				buf_addch(&b, '0');
		}
		snprintf(buf, 32, "%s", buf_str(&b));
		buf_release(&b);
	} else {
		struct buf b = BUF_INIT;
		buf_printf(&b, "%s%c%s%s%s%02d", sign, dg[0], nd > 1 ? "." : "", dg + 1,
			   exp10 < 0 ? "e-" : "e+", abs(exp10));
		snprintf(buf, 32, "%s", buf_str(&b));
		buf_release(&b);
	}
	return buf;
}

/* The value as Python's str() shows it, lower case for comparing. */
static char *val_text(const struct val *v, int lower)
{
	char nb[32];
	struct cps s = { NULL, 0, 0 }, l = { NULL, 0, 0 };
	char *res;
	size_t i;
	const char *t = v->kind == V_NUM ? score_format_float(v->num, nb) :
			v->kind == V_TEXT ? v->text : "None";
	if (!lower)
		return xstrdup(t);
	cps_decode(&s, t);
	for (i = 0; i < s.n; i++)
		lower_push(&l, s.v[i]);
	res = cps_encode(&l);
	free(s.v);
	free(l.v);
	return res;
}

static int close_num(double a, double b)
{
	return fabs(a - b) <= REL_TOL * fmax(fabs(a), fabs(b)) + 1e-12;
}

static int val_close(const struct val *a, const struct val *b)
{
	char *x, *y;
	int same;
	if (a->kind == V_NUM && b->kind == V_NUM)
		return close_num(a->num, b->num);
	x = val_text(a, 1);
	y = val_text(b, 1);
	same = strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

int score_same_value(const char *a, const char *b)
{
	struct val x, y;
	int same;
	val_parse(&x, a);
	val_parse(&y, b);
	same = val_close(&x, &y);
	val_release(&x);
	val_release(&y);
	return same;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Every number (\d+(\.\d+)?) in s, sorted; returns how many. */
static size_t loadings(const char *s, double **out)
{
	size_t n = 0, alloc = 0, i = 0;
	*out = NULL;
	if (!s)
		return 0;
	while (s[i]) {
		size_t k = digits(s + i), len;
		if (!k) {
			i++;
			continue;
		}
		len = k;
		if (s[i + k] == '.' && digits(s + i + k + 1))
			len += 1 + digits(s + i + k + 1);
		*out = xgrow(*out, &alloc, n + 1, sizeof(double));
		(*out)[n++] = decimal(s + i, len);
		i += len;
	}
	if (n)
		qsort(*out, n, sizeof(double), cmp_double);
	return n;
}

static void upper_ascii_strip(const char *s, struct buf *b)
{
	char *t = strip_dup(s ? s : "");
	size_t i;
	for (i = 0; t[i]; i++)
		buf_addch(b, t[i] >= 'a' && t[i] <= 'z' ? (char)(t[i] - 32) : t[i]);
	free(t);
}

/* The condition field f: does the prediction p agree with gold g (not empty)? */
static int field_ok(int f, const char *g, const char *p)
{
	int ok;
	if (f == F_LOADING) {
		double *a, *b;
		size_t na = loadings(g, &a), nb = loadings(p, &b), i;
		ok = na == nb;
		for (i = 0; ok && i < na; i++)
			ok = close_num(a[i], b[i]);
		free(a);
		free(b);
	} else if (f == F_SITE_TYPE) {
		struct buf x = BUF_INIT, y = BUF_INIT;
		upper_ascii_strip(g, &x);
		upper_ascii_strip(p, &y);
		ok = strcmp(buf_str(&x), buf_str(&y)) == 0;
		buf_release(&x);
		buf_release(&y);
	} else {
		struct val a, b;
		val_parse(&a, g);
		val_parse(&b, p);
		ok = val_close(&a, &b);
		val_release(&a);
		val_release(&b);
	}
	return ok;
}

/* ---- facts ---------------------------------------------------------- */

struct fact {
	size_t row;
	size_t q;
	struct val v;
};

struct side {
	const struct csvtab *t;
	int c_cat, c_line, c_locator, c_optional, c_derived, c_doc;
	int c_q[NQUANT], c_field[SCORE_NFIELDS];
	struct fact *f;
	size_t n, alloc;
};

/* Is name a word of the derived cell (words split by ';', ',' or spaces)? */
static int derived_has(const char *cell, const char *name)
{
	size_t i = 0, n = strlen(cell), len = strlen(name);
	while (i < n) {
		size_t start = i;
		uint32_t cp;
		size_t k;
		while (i < n) {
			k = utf8_decode(cell + i, n - i, &cp);
			if (!k)
				k = 1, cp = 0;
			if (cp == ';' || cp == ',' || is_space(cp))
				break;
			i += k;
		}
		if (i - start == len && memcmp(cell + start, name, len) == 0)
			return 1;
		if (i < n)
			i += k;
	}
	return 0;
}

static int status_rejected(const char *cell)
{
	char *t = strip_dup(cell);
	int rejected = str_casecmp(t, "rejected") == 0;
	free(t);
	return rejected;
}

static void side_init(struct side *s, const struct csvtab *t, const char *doc, int gold,
		      unsigned flags)
{
	size_t r, q;
	int c_status = csvtab_col(t, "status");
	memset(s, 0, sizeof(*s));
	s->t = t;
	s->c_cat = csvtab_col(t, "catalyst");
	s->c_line = csvtab_col(t, "line");
	s->c_locator = csvtab_col(t, "locator");
	s->c_optional = csvtab_col(t, "optional");
	s->c_derived = csvtab_col(t, "derived");
	s->c_doc = csvtab_col(t, "doc");
	for (q = 0; q < NQUANT; q++)
		s->c_q[q] = csvtab_col(t, quantity_name(q));
	for (q = 0; q < SCORE_NFIELDS; q++)
		s->c_field[q] = csvtab_col(t, score_fields[q]);
	for (r = 0; r < t->nrows; r++) {
		const char *derived = csvtab_get(t, r, s->c_derived);
		if (doc && s->c_doc >= 0 && strcmp(csvtab_get(t, r, s->c_doc), doc) != 0)
			continue;
		if (gold && (flags & SCORE_NO_REJECTED) && c_status >= 0 &&
		    status_rejected(csvtab_get(t, r, c_status)))
			continue;
		for (q = 0; q < NQUANT; q++) {
			struct val v;
			val_parse(&v, csvtab_get(t, r, s->c_q[q]));
			if (v.kind == V_NONE || (!gold && derived && derived_has(derived, quantity_name(q)))) {
				val_release(&v);
				continue;
			}
			s->f = xgrow(s->f, &s->alloc, s->n + 1, sizeof(*s->f));
			s->f[s->n].row = r;
			s->f[s->n].q = q;
			s->f[s->n].v = v;
			s->n++;
		}
	}
}

static void side_release(struct side *s)
{
	size_t i;
	for (i = 0; i < s->n; i++)
		val_release(&s->f[i].v);
	free(s->f);
}

/* A cell as Python's str(row.get(col)) shows it. */
static const char *cell_or(const struct side *s, size_t row, int col, const char *none)
{
	const char *v = csvtab_get(s->t, row, col);
	return v ? v : none;
}

static char *fact_line(const char *what, const struct side *s, const struct fact *f,
		       const char *where)
{
	struct buf b = BUF_INIT;
	char *v = val_text(&f->v, 0);
	buf_printf(&b, "%s: %s %s=%s (%s)", what, cell_or(s, f->row, s->c_cat, "None"),
		   quantity_name(f->q), v, where);
	free(v);
	return buf_detach(&b, NULL);
}

static int is_optional(const char *cell)
{
	char *t;
	int yes;
	if (!cell)
		return 0;
	t = strip_dup(cell);
	yes = str_eq(t, "1") || str_eq(t, "yes") || str_eq(t, "true");
	free(t);
	return yes;
}

void score_compute(const struct csvtab *gold, const struct csvtab *pred, const char *doc,
		   unsigned flags, struct score_result *res)
{
	struct side g, p;
	char **pname;
	size_t *plen, i, j, nm_alloc = 0, un_alloc = 0;
	unsigned char *used;

	memset(res, 0, sizeof(*res));
	side_init(&g, gold, doc, 1, flags);
	side_init(&p, pred, doc, 0, 0);
	used = xcalloc(p.n + 1, 1);
	pname = xcalloc(p.n + 1, sizeof(char *));
	plen = xcalloc(p.n + 1, sizeof(size_t));
	for (j = 0; j < p.n; j++) {
		pname[j] = score_fold_name(cell_or(&p, p.f[j].row, p.c_cat, ""));
		plen[j] = utf8_count(pname[j], strlen(pname[j]));
	}

	for (i = 0; i < g.n; i++) {
		const struct fact *gf = &g.f[i];
		struct names nm;
		int opt = is_optional(csvtab_get(gold, gf->row, g.c_optional));
		size_t hit = (size_t)-1, k;

		names_split(&nm, csvtab_get(gold, gf->row, g.c_cat));
		for (j = 0; j < p.n; j++) {
			if (p.f[j].q == gf->q && val_close(&gf->v, &p.f[j].v) &&
			    names_match(&nm, pname[j], plen[j])) {
				hit = j;
				if (!used[j])
					break;
			}
		}
		names_release(&nm);
		if (!opt)
			res->required++;
		if (hit == (size_t)-1) {
			if (!opt) {
				struct buf where = BUF_INIT;
				buf_printf(&where, "line %s", cell_or(&g, gf->row, g.c_line, "None"));
				res->missed = xgrow(res->missed, &nm_alloc, res->nmissed + 1,
						    sizeof(char *));
				res->missed[res->nmissed++] = fact_line("missed", &g, gf, buf_str(&where));
				buf_release(&where);
			}
			continue;
		}
		used[hit] = 1;
		if (opt)
			continue;
		res->recalled++;
		for (k = 0; k < SCORE_NFIELDS; k++) {
			char *gv = strip_dup(cell_or(&g, gf->row, g.c_field[k], ""));
			if (*gv) {
				res->field_n[k]++;
				res->field_ok[k] += field_ok((int)k, gv,
						csvtab_get(pred, p.f[hit].row, p.c_field[k]));
			}
			free(gv);
		}
	}

	res->predicted = p.n;
	for (j = 0; j < p.n; j++) {
		if (used[j]) {
			res->matched++;
			continue;
		}
		res->unmatched = xgrow(res->unmatched, &un_alloc, res->nunmatched + 1,
				       sizeof(char *));
		res->unmatched[res->nunmatched++] =
			fact_line("unmatched", &p, &p.f[j], cell_or(&p, p.f[j].row, p.c_locator, ""));
	}
	res->precision = p.n ? (double)res->matched / (double)p.n : 0.0;
	res->recall = res->required ? (double)res->recalled / (double)res->required : 0.0;
	res->f1 = res->precision + res->recall > 0 ?
		  2 * res->precision * res->recall / (res->precision + res->recall) : 0.0;

	for (j = 0; j < p.n; j++)
		free(pname[j]);
	free(pname);
	free(plen);
	free(used);
	side_release(&g);
	side_release(&p);
}

void score_print(FILE *f, const struct score_result *res, int verbose)
{
	size_t k, ok = 0, n = 0;
	for (k = 0; k < SCORE_NFIELDS; k++) {
		if (res->field_n[k])
			fprintf(f, "field %-16s %3zu/%3zu correct\n", score_fields[k],
				res->field_ok[k], res->field_n[k]);
		ok += res->field_ok[k];
		n += res->field_n[k];
	}
	if (verbose) {
		for (k = 0; k < res->nmissed; k++)
			fprintf(f, "%s\n", res->missed[k]);
		for (k = 0; k < res->nunmatched; k++)
			fprintf(f, "%s\n", res->unmatched[k]);
	}
	fprintf(f, "facts: gold %zu recalled %zu, predicted %zu matched %zu; conditions %zu/%zu\n",
		res->required, res->recalled, res->predicted, res->matched, ok, n);
	fprintf(f, "precision=%.3f recall=%.3f F1=%.3f\n", res->precision, res->recall, res->f1);
}

void score_result_release(struct score_result *res)
{
	size_t k;
	for (k = 0; k < res->nmissed; k++)
		free(res->missed[k]);
	for (k = 0; k < res->nunmatched; k++)
		free(res->unmatched[k]);
	free(res->missed);
	free(res->unmatched);
	memset(res, 0, sizeof(*res));
}

int score_check_columns(const char *path, const struct csvtab *t, struct diag *d)
{
	size_t q;
	if (csvtab_col(t, "catalyst") < 0) {
		diag_emit(d, path, t->header_line, 0, DIAG_ERROR, "score-columns",
			  "no 'catalyst' column: not a gold file or an entries CSV");
		return -1;
	}
	for (q = 0; q < NQUANT; q++)
		if (csvtab_col(t, quantity_name(q)) >= 0)
			return 0;
	{
		struct buf names = BUF_INIT;
		for (q = 0; q < NQUANT; q++)
			buf_printf(&names, "%s%s", q ? (q + 1 < NQUANT ? ", " : " or ") : "",
				   quantity_name(q));
		diag_emit(d, path, t->header_line, 0, DIAG_ERROR, "score-columns",
			  "no column %s: nothing to score", buf_str(&names));
		buf_release(&names);
	}
	return -1;
}
