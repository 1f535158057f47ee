/*
 * arrhenius.c: Arrhenius series found in entries, fitted by least squares
 * and judged (see arrhenius.h).  Entries are sorted once by series key and
 * temperature, so every series is a run: O(n log n).
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arrhenius.h"
#include "buf.h"
#include "chem.h"
#include "physconst.h"
#include "util.h"

/* Gas constant, kJ mol^-1 K^-1. */
#define GAS_R_KJ 8.314462618e-3

struct arr_item {
	char *key;                   /* document, catalyst, pressure, WHSV */
	double invT, lnr;
	size_t idx;
};

static int cmp_item(const void *pa, const void *pb)
{
	const struct arr_item *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	if (a->invT != b->invT)
		return a->invT < b->invT ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int cmp_series(const void *pa, const void *pb)
{
	const struct arr_series *a = pa, *b = pb;
	return a->first_index < b->first_index ? -1 : a->first_index > b->first_index;
}

/* A condition as a canonical number, or as written when it is none. */
static void add_cond(const struct entry *e, enum entry_col c, struct buf *k)
{
	const char *s = entry_get(e, c);
	char tmp[NUM_BUFSZ];
	double v;
	buf_addch(k, '\x1f');
	buf_addstr(k, num_parse(s, &v) == 0 ? num_format(v, tmp) : s);
}

static void fit(struct arr_series *s)
{
	double sx = 0, sy = 0, sxx = 0, sxy = 0, syy, mx, my, ssr = 0, sst = 0;
	double m = (double)s->n;
	size_t i;
	for (i = 0; i < s->n; i++) {
		sx += s->pts[i].invT;
		sy += s->pts[i].lnr;
	}
	mx = sx / m;
	my = sy / m;
	for (i = 0; i < s->n; i++) {
		double dx = s->pts[i].invT - mx, dy = s->pts[i].lnr - my;
		sxx += dx * dx;
		sxy += dx * dy;
		sst += dy * dy;
	}
	s->slope = sxx > 0 ? sxy / sxx : 0;
	s->icpt = my - s->slope * mx;
	for (i = 0; i < s->n; i++) {
		double r = s->pts[i].lnr - (s->icpt + s->slope * s->pts[i].invT);
		ssr += r * r;
	}
	syy = sst;
	s->r2 = syy > 0 ? 1 - ssr / syy : 1;
	s->ea = -s->slope * GAS_R_KJ * 1000;
	s->ea_se = s->n > 2 && sxx > 0 ? sqrt(ssr / (m - 2) / sxx) * GAS_R_KJ * 1000 : 0;
}

static void judge(struct arr_series *s, double ea_min, double ea_max)
{
	s->verdict = ARR_OK;
	if (s->ea < 0)
		s->verdict = ARR_NEGATIVE;
	else if (s->ea < ea_min || s->ea > ea_max)
		s->verdict = ARR_IMPLAUSIBLE;
	else if (s->has_reported) {
		double diff = fabs(s->ea - s->ea_reported);
		if (diff > 2 * s->ea_se && diff > 0.1 * fabs(s->ea_reported))
			s->verdict = ARR_DISAGREES;
	}
	if (s->verdict == ARR_OK && s->r2 < ARR_MIN_R2)
		s->verdict = ARR_SCATTERED;
}

/* "doc\x1fcatalyst" of e into k; 0 when the name folds to nothing. */
static int catalyst_key(const struct entry *e, struct buf *k)
{
	char *fold = chem_fold_name(entry_get(e, COL_CATALYST));
	int ok = *fold != '\0';
	buf_reset(k);
	buf_addstr(k, entry_get(e, COL_DOC));
	buf_addch(k, '\x1f');
	buf_addstr(k, fold);
	free(fold);
	return ok;
}

struct ea_item {
	char *key;
	size_t idx;
	double ea;
};

static int cmp_ea_item(const void *pa, const void *pb)
{
	const struct ea_item *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Series without an Ea of their own take the catalyst's first in the document. */
static void reported_by_catalyst(const struct entry *const *v, size_t n, struct arr_set *out)
{
	struct ea_item *ea = xcalloc(n + 1, sizeof(*ea));
	size_t nea = 0, i, k;
	struct buf key = BUF_INIT;
	for (i = 0; i < n; i++) {
		double x;
		if (entry_get_num(v[i], COL_EA, &x) != 1 || !catalyst_key(v[i], &key))
			continue;
		ea[nea].key = xstrdup(buf_str(&key));
		ea[nea].idx = i;
		ea[nea].ea = x;
		nea++;
	}
	if (nea > 1)
		qsort(ea, nea, sizeof(*ea), cmp_ea_item);
	for (k = 0; k < out->n && nea; k++) {
		struct arr_series *s = &out->v[k];
		size_t lo = 0, hi = nea;
		if (s->has_reported || !catalyst_key(s->first, &key))
			continue;
		/* The first item with this key: a lower bound by binary search. */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (strcmp(ea[mid].key, buf_str(&key)) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < nea && str_eq(ea[lo].key, buf_str(&key))) {
			s->ea_reported = ea[lo].ea;
			s->has_reported = 1;
		}
	}
	for (i = 0; i < nea; i++)
		free(ea[i].key);
	free(ea);
	buf_release(&key);
}

/*
 * A plain decimal as the schema writes numbers ("350", "-0.5"); others are
 * schema errors, and so are temperatures outside -200 .. 2000 degC.
 */
static int plain_decimal(const char *s)
{
	int digits = 0, frac = 1;
	if (*s == '-')
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		digits++;
	if (*s == '.')
		for (s++, frac = 0; *s >= '0' && *s <= '9'; s++)
			frac++;
	return digits > 0 && frac > 0 && *s == '\0';
}

void arr_find(const struct entry *const *v, size_t n, int min_points, double ea_min,
	      double ea_max, struct arr_set *out)
{
	struct arr_item *it = xcalloc(n + 1, sizeof(*it));
	size_t ni = 0, i, j, k, alloc = 0;
	struct buf key = BUF_INIT;

	memset(out, 0, sizeof(*out));
	if (min_points < ARR_MIN_POINTS)
		min_points = ARR_MIN_POINTS;
	for (i = 0; i < n; i++) {
		const struct entry *e = v[i];
		double t, r;
		if (str_eq(entry_get(e, COL_METHOD), "computed") ||
		    !plain_decimal(entry_get(e, COL_TEMPERATURE_C)) ||
		    !plain_decimal(entry_get(e, COL_RATE_GCAT)) ||
		    entry_get_num(e, COL_TEMPERATURE_C, &t) != 1 || !(t > -200 && t < 2000) ||
		    entry_get_num(e, COL_RATE_GCAT, &r) != 1 || !(r > 0) || !isfinite(r))
			continue;
		if (!catalyst_key(e, &key))
			continue;
		add_cond(e, COL_PRESSURE_MPA, &key);
		add_cond(e, COL_WHSV, &key);
		it[ni].key = xstrdup(buf_str(&key));
		it[ni].invT = 1000.0 / (t + UNITS_ZERO_C_K);
		it[ni].lnr = log(r);
		it[ni].idx = i;
		ni++;
	}
	if (ni > 1)
		qsort(it, ni, sizeof(*it), cmp_item);
	for (i = 0; i < ni; i = j) {
		struct arr_series s;
		size_t distinct = 0;
		for (j = i; j < ni && str_eq(it[j].key, it[i].key); j++)
			if (j == i || fabs(it[j].invT - it[j - 1].invT) > 1e-9)
				distinct++;
		if (distinct < (size_t)min_points)
			continue;
		memset(&s, 0, sizeof(s));
		s.pts = xcalloc(distinct, sizeof(*s.pts));
		s.first_index = it[i].idx;
		for (k = i; k < j; k++) {
			if (k > i && fabs(it[k].invT - it[k - 1].invT) <= 1e-9) {
				s.nrepeated++;
				continue;
			}
			s.pts[s.n].invT = it[k].invT;
			s.pts[s.n].lnr = it[k].lnr;
			s.pts[s.n].e = v[it[k].idx];
			s.n++;
		}
		for (k = i; k < j; k++)
			if (it[k].idx < s.first_index)
				s.first_index = it[k].idx;
		s.first = v[s.first_index];
		fit(&s);
		out->v = xgrow(out->v, &alloc, out->n + 1, sizeof(*out->v));
		out->v[out->n++] = s;
	}
	/* The reported Ea: from the series, else from the catalyst in the document. */
	for (k = 0; k < out->n; k++) {
		struct arr_series *s = &out->v[k];
		double ea;
		for (i = 0; i < s->n && !s->has_reported; i++)
			if (entry_get_num(s->pts[i].e, COL_EA, &ea) == 1) {
				s->ea_reported = ea;
				s->has_reported = 1;
			}
	}
	/* Else the Ea the document gives for the catalyst at any conditions (first in input order). */
	if (out->n)
		reported_by_catalyst(v, n, out);
	for (k = 0; k < out->n; k++)
		judge(&out->v[k], ea_min, ea_max);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_series);
	for (i = 0; i < ni; i++)
		free(it[i].key);
	free(it);
	buf_release(&key);
}

void arr_set_release(struct arr_set *s)
{
	size_t i;
	for (i = 0; i < s->n; i++)
		free(s->v[i].pts);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

const char *arr_verdict_text(enum arr_verdict v)
{
	switch (v) {
	case ARR_NEGATIVE: return "negative";
	case ARR_IMPLAUSIBLE: return "outside the plausible range";
	case ARR_DISAGREES: return "disagrees with the reported value";
	case ARR_SCATTERED: return "the points are no straight line (R^2 below 0.9)";
	default: return "";
	}
}
