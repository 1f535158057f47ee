/*
 * validate_cross.c: the rules that compare entries of one file with each
 * other (duplicate-id, duplicate, value-conflict, loading-rate,
 * ref-mismatch, fold-ratio) and with the document's reference list
 * (ref-title).  Entries are compared only within one document (doc) and,
 * for the catalyst, by chem_fold_name.
 */
#include <config.h>

#include <csv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chem.h"
#include "hashidx.h"
#include "classify.h"
#include "cite.h"
#include "validate_ctx.h"
#include "validate_cross.h"

static int has(const struct entry *e, enum entry_col c)
{
	return *entry_get(e, c) != '\0';
}

/*
 * The number in column c of e (NAN when none): parsed once per run for the
 * columns of numbers and loadings (v->num, NUM_SLOTS an entry), on each
 * call for the others.
 */
static void num_slots_init(struct vctx *v)
{
	size_t c;
	signed char k = 0;
	for (c = 0; c < ENTRY_NCOLS; c++)
		v->num_slot[c] = (entry_cols[c].type == CT_NUMBER || entry_cols[c].type == CT_LOADING) &&
				 k < NUM_SLOTS ? k++ : -1;
	if (entry_cols_of_role(ROLE_RESULT, v->result_cols, ENTRY_NRESULTS) != ENTRY_NRESULTS)
		abort();   /* ENTRY_NRESULTS is the schema's count (entry.h) */
}

static double num_of(const struct entry *e, enum entry_col c)
{
	double x;
	return entry_get_num(e, c, &x) == 1 ? x : NAN;
}

static double num_at(const struct vctx *v, size_t i, enum entry_col c)
{
	int k = v->num_slot[c];
	return k >= 0 ? v->num[i * NUM_SLOTS + (size_t)k] : num_of(&v->s->v[i], c);
}

static double num(const struct vctx *v, const struct entry *e, enum entry_col c)
{
	return num_at(v, (size_t)(e - v->s->v), c);
}

/* Where the other entry is, for messages: "line 12 (text L155)". */
static void where(const struct entry *e, struct buf *out)
{
	buf_printf(out, "line %ld", e->line);
	if (has(e, COL_LOCATOR))
		buf_printf(out, " (%s %s)", entry_get(e, COL_SOURCE), entry_get(e, COL_LOCATOR));
	else if (has(e, COL_SOURCE))
		buf_printf(out, " (%s)", entry_get(e, COL_SOURCE));
}

/*
 * Same conditions: the temperatures given and within 1 degC; pressures
 * and space velocities, when both are given, within 3% and 1% ("0.1 MPa"
 * and "atmospheric pressure" are the same condition).
 */
static int same_conditions(const struct vctx *v, const struct entry *a, const struct entry *b)
{
	double ta = num(v, a, COL_TEMPERATURE_C), tb = num(v, b, COL_TEMPERATURE_C);
	double pa = num(v, a, COL_PRESSURE_MPA), pb = num(v, b, COL_PRESSURE_MPA);
	double wa = num(v, a, COL_WHSV), wb = num(v, b, COL_WHSV);
	if (isnan(ta) || isnan(tb) || fabs(ta - tb) > 1.0)
		return 0;
	if (!isnan(pa) && !isnan(pb) && fabs(pa - pb) > 0.03 * fmax(pa, pb))
		return 0;
	if (!isnan(wa) && !isnan(wb) && fabs(wa - wb) > 0.01 * fmax(wa, wb))
		return 0;
	return 1;
}

/*
 * The same number or text, or empty in one of the two: a copy that leaves
 * a cell empty (no loading given) still repeats the other.
 */
static int same_field(const struct vctx *v, const struct entry *a, const struct entry *b,
		      enum entry_col c)
{
	double x = num(v, a, c), y = num(v, b, c);
	if (!has(a, c) || !has(b, c))
		return 1;
	if (!isnan(x) && !isnan(y))
		return x == y;
	return str_eq(entry_get(a, c), entry_get(b, c));
}

/* A value in one of the schema's result columns (entry.h). */
static int has_value(const struct entry *e)
{
	enum entry_col cols[ENTRY_NRESULTS];
	size_t k, n = entry_cols_of_role(ROLE_RESULT, cols, ENTRY_NRESULTS);
	for (k = 0; k < n; k++)
		if (has(e, cols[k]))
			return 1;
	return 0;
}

/* The cells two copies of one row share, whatever the conditions. */
static const enum entry_col dup_cols[] = {
	COL_SOURCE, COL_TEMPERATURE_C, COL_PRESSURE_MPA, COL_WHSV, COL_RATE_GCAT,
	COL_RATE_GMETAL, COL_RATE_METAL, COL_TOF_S, COL_EA, COL_LOADING_WT, COL_SIZE_NM,
	COL_METHOD
};

/*
 * b repeats a: the same source, the same values where both give one (at
 * least one value given by both), the same loading, size and method where
 * both give them (same_conditions is checked by the caller).
 */
static int is_duplicate(const struct vctx *v, const struct entry *a, const struct entry *b)
{
	size_t k;
	int shared = 0;
	if (!str_eq(entry_get(a, COL_SOURCE), entry_get(b, COL_SOURCE)))
		return 0;
	for (k = 0; k < ENTRY_NRESULTS; k++)
		shared |= has(a, v->result_cols[k]) && has(b, v->result_cols[k]);
	if (!shared)
		return 0;
	for (k = 1; k < ARRAY_SIZE(dup_cols); k++)
		if (!same_field(v, a, b, dup_cols[k]))
			return 0;
	return 1;
}

/* The metal of a per-metal rate: rate_metal, else the entry's one metal. */
static int rate_metal_of(const struct entry *e, char out[3])
{
	const char *m = entry_get(e, COL_RATE_METAL);
	struct chem_name nf;
	if (!*m)
		m = entry_get(e, COL_METALS);
	if (*m && !strchr(m, ';') && strlen(m) <= 2) {
		memcpy(out, m, strlen(m) + 1);
		return 0;
	}
	chem_name_analyze(entry_get(e, COL_CATALYST), &nf);
	if (nf.nmetals != 1)
		return -1;
	memcpy(out, nf.metals[0], 3);
	return 0;
}

/*
 * a has a per-metal rate, b a per-catalyst rate (a may be b).  Across two
 * entries, a gets one finding, the first; the others are counted onto it
 * (lr_more), so that findings stay linear in the entries.
 */
static void check_loading_rate(struct vctx *v, const struct entry *a, const struct entry *b)
{
	char metal[3], lbuf[NUM_BUFSZ], ebuf[NUM_BUFSZ];
	double gm = num(v, a, COL_RATE_GMETAL), gc = num(v, b, COL_RATE_GCAT), load, expect;
	struct buf other = BUF_INIT;
	size_t ia = (size_t)(a - v->s->v);
	long k;

	if (isnan(gm) || isnan(gc) || rate_metal_of(a, metal) < 0)
		return;
	load = entry_loading_of_parsed(b, metal, num(v, b, COL_LOADING_WT));
	if (load < 0)
		load = entry_loading_of_parsed(a, metal, num(v, a, COL_LOADING_WT));
	if (load < 0)
		return;
	expect = gm * load / 100.0;
	if (fabs(expect - gc) <= half_unit(entry_get(b, COL_RATE_GCAT)) +
	    v->rules->rate_tolerance * gc + 1e-12)
		return;
	if (a != b && v->lr_first[ia] != -1) {
		if (v->lr_first[ia] >= 0)
			v->lr_more[ia]++;
		return;
	}
	if (a != b) {
		buf_addstr(&other, " on ");
		where(b, &other);
	}
	k = vfinding(v, a, R_LOADING_RATE,
		     "'%s': %s mmol g_%s^-1 h^-1 at %s wt%% %s is %s mmol g_cat^-1 h^-1, "
		     "but the rate per catalyst is %s%s",
		     entry_get(a, COL_CATALYST), entry_get(a, COL_RATE_GMETAL), metal,
		     num_format(load, lbuf), metal, num_format(round(expect * 1e4) / 1e4, ebuf),
		     entry_get(b, COL_RATE_GCAT), buf_str(&other));
	if (a != b)
		v->lr_first[ia] = k < 0 ? -2 : k;
	buf_release(&other);
}

/* The reference numbers of a ref cell, in out (at most n); their count. */
static size_t ref_numbers(const char *s, long *out, size_t n)
{
	size_t k = 0;
	while (*s && k < n) {
		char *end;
		long x = strtol(s, &end, 10);
		if (end == s)
			break;
		out[k++] = x;
		s = end;
		while (*s == ';' || *s == ',' || *s == ' ')
			s++;
	}
	return k;
}

/* Union-find over duplicates: the root of a set is its first entry in the file. */
static size_t dup_root(size_t *parent, size_t i)
{
	size_t r = i;
	while (parent[r] != r)
		r = parent[r];
	while (parent[i] != r) {
		size_t next = parent[i];
		parent[i] = r;
		i = next;
	}
	return r;
}

static void dup_union(size_t *parent, size_t a, size_t b)
{
	size_t ra = dup_root(parent, a), rb = dup_root(parent, b);
	if (ra < rb)
		parent[rb] = ra;
	else if (rb < ra)
		parent[ra] = rb;
}

/*
 * Entries i and j (i before j in the file) of one document and catalyst:
 * duplicates (joined in v->dup, reported once a set by report_duplicates),
 * values that disagree at the same conditions, and rates per metal against
 * rates per catalyst.  Each entry gets one value-conflict finding a column
 * and one loading-rate finding; further ones are counted onto it.
 */
static void check_pair(struct vctx *v, size_t i, size_t j)
{
	const struct entry *a = &v->s->v[i], *b = &v->s->v[j];
	int cond = same_conditions(v, a, b);
	int tab_a = str_eq(entry_get(a, COL_SOURCE), "table");
	int tab_b = str_eq(entry_get(b, COL_SOURCE), "table");
	struct buf w = BUF_INIT;
	size_t k;
	int same_method;

	if (cond && is_duplicate(v, a, b))
		dup_union(v->dup, i, j);

	/* a computed value (DFT, microkinetics) is no measurement to contradict */
	same_method = !has(a, COL_METHOD) || !has(b, COL_METHOD) ||
		      str_eq(entry_get(a, COL_METHOD), entry_get(b, COL_METHOD));
	if (!str_eq(entry_get(a, COL_SOURCE), entry_get(b, COL_SOURCE)) && same_method) {
		const struct entry *on = tab_b && !tab_a ? b : tab_a ? a : b;
		const struct entry *other = on == a ? b : a;
		size_t ion = (size_t)(on - v->s->v);
		for (k = 0; k < ENTRY_NRESULTS; k++) {
			enum entry_col c = v->result_cols[k];
			long *first = &v->vc_first[ion * ENTRY_NRESULTS + k];
			int comparable = cond || (c == COL_EA && !has(a, COL_TEMPERATURE_C) &&
						  !has(b, COL_TEMPERATURE_C));
			if (!comparable || !has(a, c) || !has(b, c))
				continue;
			if (c == COL_RATE_GMETAL && has(a, COL_RATE_METAL) && has(b, COL_RATE_METAL) &&
			    !str_eq(entry_get(a, COL_RATE_METAL), entry_get(b, COL_RATE_METAL)))
				continue;
			if (values_agree_parsed(entry_get(on, c), num(v, on, c), entry_get(other, c),
						num(v, other, c), v->rules->value_tolerance))
				continue;
			if (*first != -1) {
				if (*first >= 0)
					v->vc_more[ion * ENTRY_NRESULTS + k]++;
				continue;
			}
			where(other, &w);
			*first = vfinding(v, on, R_VALUE_CONFLICT,
					  "'%s' at the same conditions: %s %s here, %s on %s",
					  entry_get(on, COL_CATALYST), entry_cols[c].name,
					  entry_get(on, c), entry_get(other, c), buf_str(&w));
			if (*first < 0)
				*first = -2;
			buf_reset(&w);
		}
	}

	if (cond && same_method) {
		check_loading_rate(v, a, b);
		check_loading_rate(v, b, a);
	}

	buf_release(&w);
}

/* --- fold ratios ------------------------------------------------------------ */

struct evnum {
	size_t pos, end;
	double val;
};

/* The plain numbers of the evidence, not those inside formulas (NH3, Co2). */
static size_t evidence_numbers(const char *s, struct evnum *out, size_t max)
{
	size_t i = 0, n = 0, len = strlen(s);
	while (i < len && n < max) {
		int c = (unsigned char)s[i];
		if (c >= '0' && c <= '9') {
			size_t st = i;
			int prev = st ? (unsigned char)s[st - 1] : ' ';
			while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
				i++;
			while (i > st && s[i - 1] == '.')
				i--;
			if (!((prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z') ||
			      prev == '_' || prev == '^') &&
			    num_parse_n(s + st, i - st, &out[n].val) == 0) {
				out[n].pos = st;
				out[n].end = i;
				n++;
			}
			if (i == st)
				i++;
		} else {
			i++;
		}
	}
	return n;
}

struct fold {
	size_t start, end;        /* the phrase "~1.8- and 3.3-fold" */
	double ratio[8];
	char ratio_text[8][16];
	size_t nratio;
};

static int word_before(const char *s, size_t i, const char *w)
{
	size_t n = strlen(w);
	return i >= n && strncmp(s + i - n, w, n) == 0 &&
	       (i == n || s[i - n - 1] == ' ' || s[i - n - 1] == '-');
}

/*
 * Read back from the "fold" or "times" of wlen bytes at pos, over
 * "~1.8- and 3.3-"; 0 if no ratio.
 */
static int fold_phrase(const char *s, size_t pos, size_t wlen, struct fold *f)
{
	size_t i = pos, k;
	memset(f, 0, sizeof(*f));
	f->end = pos + wlen;
	for (;;) {
		while (i > 0 && strchr(" -~,", s[i - 1]))
			i--;
		if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') {
			size_t e = i;
			while (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '.'))
				i--;
			if (f->nratio < ARRAY_SIZE(f->ratio) && e - i < sizeof(f->ratio_text[0]) &&
			    num_parse_n(s + i, e - i, &f->ratio[f->nratio]) == 0) {
				memcpy(f->ratio_text[f->nratio], s + i, e - i);
				f->ratio_text[f->nratio][e - i] = '\0';
				f->nratio++;
			}
		} else if (word_before(s, i, "and")) {
			i -= 3;
		} else if (word_before(s, i, "or")) {
			i -= 2;
		} else {
			break;
		}
	}
	f->start = i;
	/* read back to front: put the ratios in reading order */
	for (k = 0; k < f->nratio / 2; k++) {
		double t = f->ratio[k];
		char tt[16];
		f->ratio[k] = f->ratio[f->nratio - 1 - k];
		f->ratio[f->nratio - 1 - k] = t;
		memcpy(tt, f->ratio_text[k], sizeof(tt));
		memcpy(f->ratio_text[k], f->ratio_text[f->nratio - 1 - k], sizeof(tt));
		memcpy(f->ratio_text[f->nratio - 1 - k], tt, sizeof(tt));
	}
	return f->nratio > 0;
}

static int number_in(const struct evnum *nums, size_t n, size_t from, size_t to, double x)
{
	size_t k;
	for (k = 0; k < n; k++)
		if (nums[k].pos >= from && nums[k].pos < to &&
		    fabs(nums[k].val - x) <= 1e-9 * fmax(1.0, fabs(x)))
			return 1;
	return 0;
}

/*
 * Where the catalyst of e is named in the evidence ev: the offset in ev of
 * the first mention at or after from (compared as chem_fold_name compares,
 * so "Co₂ ACCs" names Co2 ACCs), or -1.
 */
static long name_at(const char *ev, size_t from, const char *key)
{
	struct buf norm = BUF_INIT;
	size_t *map, n = strlen(ev), i, klen = strlen(key), k;
	long found = -1;
	if (klen < 3)
		return -1;
	map = xcalloc(n + 1, sizeof(size_t));
	for (i = from; i < n; i++) {
		unsigned char c = (unsigned char)ev[i];
		if (c >= 'A' && c <= 'Z') {
			map[norm.len] = i;
			buf_addch(&norm, c - 'A' + 'a');
		} else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			map[norm.len] = i;
			buf_addch(&norm, c);
		} else if (c == 0xE2 && i + 2 < n && (unsigned char)ev[i + 1] == 0x82 &&
			   (unsigned char)ev[i + 2] >= 0x80 && (unsigned char)ev[i + 2] <= 0x89) {
			map[norm.len] = i;
			buf_addch(&norm, '0' + ((unsigned char)ev[i + 2] - 0x80));
			i += 2;
		}
	}
	for (k = 0; k + klen <= norm.len; k++)
		if (memcmp(norm.data + k, key, klen) == 0) {
			found = (long)map[k];
			break;
		}
	buf_release(&norm);
	free(map);
	return found;
}

/* Offset of the first number equal to x at or after from, or -1. */
static long number_at(const struct evnum *nums, size_t n, size_t from, double x)
{
	size_t k;
	for (k = 0; k < n; k++)
		if (nums[k].pos >= from && fabs(nums[k].val - x) <= 1e-9 * fmax(1.0, fabs(x)))
			return (long)nums[k].pos;
	return -1;
}

/* Order peers by where the evidence mentions them (insertion sort). */
static void sort_peers(const struct entry **peer, long *at, size_t n)
{
	size_t i, k;
	for (i = 1; i < n; i++)
		for (k = i; k > 0 && at[k - 1] > at[k]; k--) {
			const struct entry *t = peer[k];
			long ta = at[k];
			peer[k] = peer[k - 1];
			at[k] = at[k - 1];
			peer[k - 1] = t;
			at[k - 1] = ta;
		}
}

static int same_place(const struct entry *a, const struct entry *b)
{
	if (!str_eq(entry_get(a, COL_DOC), entry_get(b, COL_DOC)))
		return 0;
	if (has(a, COL_LOCATOR) && str_eq(entry_get(a, COL_LOCATOR), entry_get(b, COL_LOCATOR)))
		return 1;
	return has(a, COL_EVIDENCE) && str_eq(entry_get(a, COL_EVIDENCE), entry_get(b, COL_EVIDENCE));
}

#define FOLD_MAX_EVIDENCE 8192
#define FOLD_MAX_PHRASES 16
/* entries of one place looked at, for one fold phrase: peers are a few */
#define FOLD_MAX_SCAN 32

/* The next "fold" or " times" of s, and its length in *wl. */
static const char *next_fold(const char *s, size_t *wl)
{
	const char *f = strstr(s, "fold"), *t = strstr(s, " times");
	if (t && (!f || t < f)) {
		*wl = 6;
		return t;
	}
	*wl = 4;
	return f;
}

static void check_fold(struct vctx *v, size_t i)
{
	static const enum entry_col cols[] = { COL_RATE_GCAT, COL_RATE_GMETAL, COL_TOF_S };
	const struct entry *e = &v->s->v[i];
	const char *ev = entry_get(e, COL_EVIDENCE);
	struct evnum nums[64];
	size_t nn, c, wl = 0, nfold = 0;
	const char *p;
	long at = -2;   /* where the evidence names e's catalyst: found once, when asked */

	/* evidence is a sentence or a table row; a huge one is not checked */
	if (strlen(ev) > FOLD_MAX_EVIDENCE || (!strstr(ev, "fold") && !strstr(ev, "times")))
		return;
	nn = evidence_numbers(ev, nums, ARRAY_SIZE(nums));
	for (p = next_fold(ev, &wl); p && nfold++ < FOLD_MAX_PHRASES; p = next_fold(p + wl, &wl)) {
		struct fold f;
		if (!fold_phrase(ev, (size_t)(p - ev), wl, &f))
			continue;
		for (c = 0; c < ARRAY_SIZE(cols); c++) {
			double x = num(v, e, cols[c]);
			const struct entry *peer[16];
			long peer_at[16];
			size_t np = 0, j, r, li = v->loc_head[i], ei = v->ev_head[i], scanned = 0;
			if (at == -2)
				at = name_at(ev, 0, v->keys[i]);
			if (isnan(x) || x <= 0)
				continue;
			if (!number_in(nums, nn, 0, f.start, x) && (at < 0 || (size_t)at >= f.start))
				continue;   /* not the subject of this comparison */
			/*
			 * The entries of the same place: the chains of the same
			 * locator and of the same evidence, merged in file order, a
			 * bounded number of them.
			 */
			while ((li != SIZE_MAX || ei != SIZE_MAX) && np < ARRAY_SIZE(peer) &&
			       scanned++ < FOLD_MAX_SCAN) {
				const struct entry *o;
				double y;
				long vat, nat;
				if (ei == SIZE_MAX || (li != SIZE_MAX && li <= ei)) {
					j = li;
					if (ei == li)
						ei = v->ev_next[ei];
					li = v->loc_next[li];
				} else {
					j = ei;
					ei = v->ev_next[ei];
				}
				o = &v->s->v[j];
				y = num(v, o, cols[c]);
				if (j == i || entry_is_rejected(o) || !same_place(e, o) || isnan(y) ||
				    y <= 0 || str_eq(v->keys[i], v->keys[j]))
					continue;
				vat = number_at(nums, nn, f.end, y);
				nat = name_at(ev, f.end, v->keys[j]);
				if (vat < 0 && nat < 0)
					continue;
				peer_at[np] = nat >= 0 ? nat : vat;
				peer[np++] = o;
			}
			sort_peers(peer, peer_at, np);
			for (r = 0; r < f.nratio && np; r++) {
				const struct entry *best = NULL;
				double bestq = 0, want = f.ratio[r];
				char qb[NUM_BUFSZ];
				/* "2- and 3-fold that of A and B, respectively": in order */
				if (np == f.nratio) {
					best = peer[r];
					bestq = x / num(v, best, cols[c]);
				}
				for (j = 0; !best && j < np; j++) {
					double q = x / num(v, peer[j], cols[c]);
					if (!best || fabs(q - want) < fabs(bestq - want)) {
						best = peer[j];
						bestq = q;
					}
				}
				if (fabs(bestq - want) <= v->rules->fold_tolerance * want +
				    half_unit(f.ratio_text[r]))
					continue;
				vfinding(v, e, R_FOLD_RATIO,
					 "'%s' %s %s is stated as %s times '%s' (%s), but %s/%s is %s",
					 entry_get(e, COL_CATALYST), entry_cols[cols[c]].name,
					 entry_get(e, cols[c]), f.ratio_text[r],
					 entry_get(best, COL_CATALYST), entry_get(best, cols[c]),
					 entry_get(e, cols[c]), entry_get(best, cols[c]),
					 num_format(round(bestq * 100) / 100, qb));
			}
		}
	}
}

/* Sorting entry indices by a string of each, then by index. */
static const char *const *sort_strs;

static int cmp_by_str(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	int c = strcmp(sort_strs[a], sort_strs[b]);
	return c ? c : (a > b) - (a < b);
}

/*
 * Indices 0..n-1 ordered by strs[i]; *pos (OUT) gives each index's place
 * in that order, so that entries with equal strings are neighbours.
 */
static size_t *order_by(const char *const *strs, size_t n, size_t **pos)
{
	size_t *ord = xcalloc(n ? n : 1, sizeof(size_t)), i;
	*pos = xcalloc(n ? n : 1, sizeof(size_t));
	for (i = 0; i < n; i++)
		ord[i] = i;
	sort_strs = strs;
	qsort(ord, n, sizeof(size_t), cmp_by_str);
	for (i = 0; i < n; i++)
		(*pos)[ord[i]] = i;
	return ord;
}

/*
 * Whether the sentence names the catalyst whose key is key: the key's
 * letters and digits in a row, starting and ending at word boundaries
 * ("Co-N-C" is not in "conclusion", "Ru SAC" is not in "Ru/HZ SAC").
 */
static int sentence_names(const char *sent, const char *key)
{
	size_t klen = strlen(key), n = strlen(sent), i;
	if (klen < 4)   /* "Ru/C" is named in too many sentences to tell */
		return 0;
	for (i = 0; i < n; i++) {
		size_t p = i, k = 0;
		unsigned char prev = i ? (unsigned char)sent[i - 1] : ' ';
		if ((prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z') ||
		    (prev >= '0' && prev <= '9'))
			continue;
		while (p < n && k < klen) {
			unsigned char c = (unsigned char)sent[p];
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (c != (unsigned char)key[k])
					break;
				k++;
				p++;
			} else if (c == 0xE2 && p + 2 < n && (unsigned char)sent[p + 1] == 0x82 &&
				   (unsigned char)sent[p + 2] >= 0x80 && (unsigned char)sent[p + 2] <= 0x89) {
				if ('0' + ((unsigned char)sent[p + 2] - 0x80) != key[k])
					break;
				k++;
				p += 3;
			} else if (k == 0) {
				break;
			} else {
				p++;   /* punctuation, blanks and other characters inside a name */
			}
		}
		if (k == klen) {
			unsigned char next = (unsigned char)sent[p];
			if (!((next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z') ||
			      (next >= '0' && next <= '9')))
				return 1;
		}
	}
	return 0;
}

/* The references the text gives one catalyst of one document. */
struct cited {
	long refs[64];
	size_t n;
	struct buf where_first;   /* where the first of them is cited */
};

static void cited_add(struct cited *ct, long ref, int *added)
{
	size_t r;
	for (r = 0; r < ct->n && ct->refs[r] != ref; r++)
		;
	*added = r == ct->n && ct->n < ARRAY_SIZE(ct->refs);
	if (*added)
		ct->refs[ct->n++] = ref;
}

/*
 * The references the text gives the catalyst of a group (its members
 * mem[0..nm), in file order): those of its text entries, and those of the
 * citing sentences that name it.  Computed once a group.
 */
static void group_cited(struct vctx *v, const size_t *mem, size_t nm, struct cited *ct)
{
	const char *key = v->keys[mem[0]];
	size_t g, c, k;
	int added;
	for (g = 0; g < nm; g++) {
		const struct entry *t = &v->s->v[mem[g]];
		long tr[16];
		size_t nt;
		if (!str_eq(entry_get(t, COL_SOURCE), "text") || entry_is_rejected(t))
			continue;
		nt = ref_numbers(entry_get(t, COL_REF), tr, ARRAY_SIZE(tr));
		for (k = 0; k < nt; k++) {
			cited_add(ct, tr[k], &added);
			if (added && !ct->where_first.len) {
				buf_addstr(&ct->where_first, "on ");
				where(t, &ct->where_first);
			}
		}
	}
	for (c = 0; c < v->ncites; c++) {
		const struct text_cite *tc = &v->cites[c];
		if (!sentence_names(tc->sentence, key))
			continue;
		for (k = 0; k < tc->nrefs; k++) {
			cited_add(ct, tc->refs[k], &added);
			if (!added || ct->where_first.len)
				continue;
			if (tc->path)
				buf_printf(&ct->where_first, "at %s (%s)", v->cites_name, tc->path);
			else if (tc->line)
				buf_printf(&ct->where_first, "at %s:%ld", v->cites_name, tc->line);
			else
				buf_printf(&ct->where_first, "in %s", v->cites_name);
		}
	}
}

/*
 * ref-mismatch: a table entry's reference numbers against those the text
 * gives its catalyst (group_cited); a finding when they share none.
 */
static void check_refs_text(struct vctx *v, size_t i, const struct cited *ct)
{
	const struct entry *e = &v->s->v[i];
	long refs[16];
	size_t nr, k, r;
	struct buf list = BUF_INIT;
	int shared = 0;

	nr = ref_numbers(entry_get(e, COL_REF), refs, ARRAY_SIZE(refs));
	if (!nr || !ct->n)
		return;
	for (k = 0; k < nr; k++)
		for (r = 0; r < ct->n; r++)
			shared |= refs[k] == ct->refs[r];
	if (shared)
		return;
	for (r = 0; r < ct->n; r++)
		buf_printf(&list, "%s%ld", r ? ";" : "", ct->refs[r]);
	vfinding(v, e, R_REF_MISMATCH, "the table cites ref. %s for '%s', the text cites %s %s",
		 entry_get(e, COL_REF), entry_get(e, COL_CATALYST), buf_str(&list),
		 buf_str(&ct->where_first));
	buf_release(&list);
}

/* --- the driver of the cross-entry rules ------------------------------------- */

/*
 * Pairs compared: each entry with at most this many of its catalyst
 * before it in the order of temperature, those within 1 degC (more at
 * one temperature are too many to compare, and too many to read).
 */
#define PAIR_WINDOW 32

/* Sorting a group's members by temperature (none last), then file order. */
static const struct vctx *sort_v;

static int cmp_by_temperature(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	double ta = num_at(sort_v, a, COL_TEMPERATURE_C);
	double tb = num_at(sort_v, b, COL_TEMPERATURE_C);
	if (isnan(ta) != isnan(tb))
		return isnan(ta) ? 1 : -1;
	if (!isnan(ta) && ta != tb)
		return ta < tb ? -1 : 1;
	return (a > b) - (a < b);
}

/*
 * The pairs of one group (members mem[0..nm), file order): neighbours in
 * the order of temperature, within 1 degC, at most PAIR_WINDOW each; the
 * members without a temperature among themselves (Ea alone compares).
 * An exact repeat of a member (the same cells dup_cols compares) joins it
 * at once and is compared no further: its pairs are its twin's.
 */
static void group_pairs(struct vctx *v, size_t *mem, size_t nm, size_t *twin_scratch)
{
	struct hashidx twins = HASHIDX_INIT;
	size_t k, j, *ord = twin_scratch, no = 0;

	for (k = 0; k < nm; k++) {
		const struct entry *e = &v->s->v[mem[k]];
		uint64_t h = HASH_INIT;
		size_t c, pos = SIZE_MAX, t;
		int twin = 0;
		for (c = 0; c < ARRAY_SIZE(dup_cols); c++)
			h = hash64_str(h, entry_get(e, dup_cols[c]));
		while ((t = hashidx_next(&twins, h, &pos)) != SIZE_MAX) {
			const struct entry *o = &v->s->v[t];
			for (c = 0; c < ARRAY_SIZE(dup_cols); c++)
				if (!str_eq(entry_get(e, dup_cols[c]), entry_get(o, dup_cols[c])))
					break;
			if (c == ARRAY_SIZE(dup_cols)) {
				if (has(e, COL_TEMPERATURE_C) && has_value(e))
					dup_union(v->dup, t, mem[k]);
				twin = 1;
				break;
			}
		}
		if (twin)
			continue;
		hashidx_put(&twins, h, mem[k]);
		ord[no++] = mem[k];
	}
	hashidx_release(&twins);

	sort_v = v;
	qsort(ord, no, sizeof(size_t), cmp_by_temperature);
	for (k = 1; k < no; k++) {
		double tk = num_at(v, ord[k], COL_TEMPERATURE_C);
		for (j = k; j-- > 0 && k - j <= PAIR_WINDOW;) {
			double tj = num_at(v, ord[j], COL_TEMPERATURE_C);
			if (isnan(tk) != isnan(tj) || (!isnan(tk) && tk - tj > 1.0))
				break;
			if (ord[j] < ord[k])
				check_pair(v, ord[j], ord[k]);
			else
				check_pair(v, ord[k], ord[j]);
		}
	}
}

/* Sorting entries by the root of their set of duplicates, then file order. */
static const size_t *sort_roots;

static int cmp_by_root(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	if (sort_roots[a] != sort_roots[b])
		return sort_roots[a] < sort_roots[b] ? -1 : 1;
	return (a > b) - (a < b);
}

/*
 * One finding a set of duplicates, on its second entry (or the first one
 * not waived): "repeats line 2", with how many more repeat it.
 */
static void report_duplicates(struct vctx *v)
{
	size_t n = v->s->n, i, no = 0, k;
	size_t *root = xcalloc(n ? n : 1, sizeof(size_t)), *ord = xcalloc(n ? n : 1, sizeof(size_t));
	for (i = 0; i < n; i++) {
		root[i] = dup_root(v->dup, i);
		if (root[i] != i)
			ord[no++] = i;
	}
	sort_roots = root;
	qsort(ord, no, sizeof(size_t), cmp_by_root);
	for (k = 0; k < no;) {
		size_t end = k, e;
		struct buf w = BUF_INIT;
		while (end < no && root[ord[end]] == root[ord[k]])
			end++;
		where(&v->s->v[root[ord[k]]], &w);
		for (e = k; e < end; e++) {
			const struct entry *b = &v->s->v[ord[e]];
			size_t more = end - e - 1;
			long f;
			if (more)
				f = vfinding(v, b, R_DUPLICATE, "'%s' repeats %s: same source, conditions "
					     "and values; %zu more line%s repeat%s it too",
					     entry_get(b, COL_CATALYST), buf_str(&w), more,
					     more == 1 ? "" : "s", more == 1 ? "s" : "");
			else
				f = vfinding(v, b, R_DUPLICATE,
					     "'%s' repeats %s: same source, conditions and values",
					     entry_get(b, COL_CATALYST), buf_str(&w));
			if (f >= 0)
				break;
		}
		buf_release(&w);
		k = end;
	}
	free(root);
	free(ord);
}

/*
 * same-value: one catalyst's prose (text or caption) giving the same value
 * at two sets of conditions, in two places of the document: one of them
 * most likely took its conditions from the wrong sentence ("4.34 at 400
 * degC" where the paper says 350).  Each entry is compared with the first
 * of its group that states its value, through a hash: linear.
 */
static int is_prose(const struct entry *e)
{
	const char *src = entry_get(e, COL_SOURCE);
	return str_eq(src, "text") || str_eq(src, "caption");
}

/* The conditions of e, for messages: "400 degC and 1 MPa". */
static void conditions_text(const struct vctx *v, const struct entry *e, struct buf *out)
{
	char t[NUM_BUFSZ], p[NUM_BUFSZ];
	double tc = num(v, e, COL_TEMPERATURE_C), pm = num(v, e, COL_PRESSURE_MPA);
	if (!isnan(tc))
		buf_printf(out, "%s degC", num_format(tc, t));
	if (!isnan(pm))
		buf_printf(out, "%s%s MPa", isnan(tc) ? "" : " and ", num_format(pm, p));
}

static void group_same_values(struct vctx *v, const size_t *mem, size_t nm)
{
	struct hashidx idx = HASHIDX_INIT;
	enum entry_col cols[ENTRY_NRESULTS];
	size_t g, k, ncols = entry_cols_of_role(ROLE_RESULT, cols, ENTRY_NRESULTS);
	for (g = 0; g < nm; g++) {
		const struct entry *e = &v->s->v[mem[g]];
		int reported = 0;
		if (!is_prose(e))
			continue;
		for (k = 0; k < ncols && !reported; k++) {
			enum entry_col c = cols[k];
			uint64_t h;
			size_t pos = SIZE_MAX, j;
			if (!has(e, c))
				continue;
			h = hash64_str(hash64_bytes(HASH_INIT, &k, sizeof(k)), entry_get(e, c));
			while ((j = hashidx_next(&idx, h, &pos)) != SIZE_MAX) {
				const struct entry *o = &v->s->v[j];
				if (str_eq(entry_get(o, c), entry_get(e, c)))
					break;
			}
			if (j == SIZE_MAX) {
				hashidx_put(&idx, h, mem[g]);
				continue;
			}
			{
				const struct entry *o = &v->s->v[j];
				double ta = num(v, o, COL_TEMPERATURE_C), tb = num(v, e, COL_TEMPERATURE_C);
				double pa = num(v, o, COL_PRESSURE_MPA), pb = num(v, e, COL_PRESSURE_MPA);
				int dt = !isnan(ta) && !isnan(tb) && fabs(ta - tb) > 1.0;
				int dp = !isnan(pa) && !isnan(pb) && fabs(pa - pb) > 0.03 * fmax(pa, pb);
				struct buf here = BUF_INIT, there = BUF_INIT, w = BUF_INIT;
				if ((!dt && !dp) || same_place(o, e))
					continue;
				conditions_text(v, e, &here);
				conditions_text(v, o, &there);
				where(o, &w);
				vfinding(v, e, R_SAME_VALUE,
					 "'%s': %s %s at %s here, and the same at %s on %s; one of the "
					 "conditions is likely taken from another sentence",
					 entry_get(e, COL_CATALYST), entry_cols[c].name, entry_get(e, c),
					 buf_str(&here), buf_str(&there), buf_str(&w));
				buf_release(&here);
				buf_release(&there);
				buf_release(&w);
				reported = 1;
			}
		}
	}
	hashidx_release(&idx);
}

/*
 * Chains of the entries of one place (one document's locator, or its
 * evidence), for the fold-ratio peers: one hash a place, so that finding
 * them costs the length of the place, not the number of entries.
 */
static void place_chains(struct vctx *v, size_t *head, size_t *next, enum entry_col c,
			 size_t maxlen)
{
	size_t n = v->s->n, i, *tail = xmalloc((n ? n : 1) * sizeof(size_t));
	struct hashidx idx = HASHIDX_INIT;
	for (i = 0; i < n; i++) {
		const struct entry *e = &v->s->v[i];
		const char *doc = entry_get(e, COL_DOC), *val = entry_get(e, c);
		uint64_t h;
		size_t pos = SIZE_MAX, j;
		head[i] = next[i] = SIZE_MAX;
		if (!*val || strlen(val) > maxlen)
			continue;
		h = hash64_str(hash64_str(HASH_INIT, doc), val);
		while ((j = hashidx_next(&idx, h, &pos)) != SIZE_MAX)
			if (str_eq(entry_get(&v->s->v[j], COL_DOC), doc) &&
			    str_eq(entry_get(&v->s->v[j], c), val))
				break;
		if (j == SIZE_MAX) {
			hashidx_put(&idx, h, i);
			head[i] = tail[i] = i;
		} else {
			head[i] = j;
			next[tail[j]] = i;
			tail[j] = i;
		}
	}
	hashidx_release(&idx);
	free(tail);
}

static int fold_candidate(const struct entry *e)
{
	const char *ev = entry_get(e, COL_EVIDENCE);
	return strlen(ev) <= FOLD_MAX_EVIDENCE && (strstr(ev, "fold") || strstr(ev, "times"));
}

void validate_cross(struct vctx *v)
{
	const struct entry_set *s = v->s;
	size_t n = s->n, nn = n ? n : 1, nv = ENTRY_NRESULTS;
	const char **ids = xcalloc(nn, sizeof(char *));
	char **group = xcalloc(nn, sizeof(char *));
	size_t *by_id, *id_pos, *by_group, *group_pos, *mem, *scratch, i, k, c;
	int folds = 0;

	/* every number once; entries compare within one document and one catalyst */
	num_slots_init(v);
	v->num = xmalloc(nn * NUM_SLOTS * sizeof(double));
	v->dup = xmalloc(nn * sizeof(size_t));
	v->vc_first = xmalloc(nn * nv * sizeof(long));
	v->vc_more = xcalloc(nn * nv, sizeof(size_t));
	v->lr_first = xmalloc(nn * sizeof(long));
	v->lr_more = xcalloc(nn, sizeof(size_t));
	for (i = 0; i < n; i++) {
		struct buf g = BUF_INIT;
		for (c = 0; c < ENTRY_NCOLS; c++)
			if (v->num_slot[c] >= 0)
				v->num[i * NUM_SLOTS + (size_t)v->num_slot[c]] =
					num_of(&s->v[i], (enum entry_col)c);
		v->dup[i] = i;
		v->lr_first[i] = -1;
		for (k = 0; k < nv; k++)
			v->vc_first[i * nv + k] = -1;
		ids[i] = entry_get(&s->v[i], COL_ID);
		buf_addstr(&g, entry_get(&s->v[i], COL_DOC));
		buf_addch(&g, '\n');
		buf_addstr(&g, v->keys[i]);
		group[i] = buf_detach(&g, NULL);
		folds |= fold_candidate(&s->v[i]);
	}
	if (folds) {
		v->loc_head = xmalloc(nn * sizeof(size_t));
		v->loc_next = xmalloc(nn * sizeof(size_t));
		v->ev_head = xmalloc(nn * sizeof(size_t));
		v->ev_next = xmalloc(nn * sizeof(size_t));
		place_chains(v, v->loc_head, v->loc_next, COL_LOCATOR, SIZE_MAX);
		place_chains(v, v->ev_head, v->ev_next, COL_EVIDENCE, FOLD_MAX_EVIDENCE);
	}
	by_id = order_by(ids, n, &id_pos);
	by_group = order_by((const char *const *)group, n, &group_pos);

	/* an id used again: one finding a set of them, on its second use */
	for (k = 0; k < n;) {
		size_t end = k + 1, e;
		while (end < n && str_eq(ids[by_id[end]], ids[by_id[k]]))
			end++;
		for (e = k + 1; *ids[by_id[k]] && e < end; e++) {
			size_t more = end - e - 1;
			struct buf tail = BUF_INIT;
			long f;
			if (more)
				buf_printf(&tail, "; %zu more line%s use%s it too", more,
					   more == 1 ? "" : "s", more == 1 ? "s" : "");
			f = vfinding(v, &s->v[by_id[e]], R_DUPLICATE_ID,
				     "id '%s' is already used on line %ld%s", ids[by_id[k]],
				     s->v[by_id[k]].line, buf_str(&tail));
			buf_release(&tail);
			if (f >= 0)
				break;
		}
		k = end;
	}

	for (i = 0; i < n; i++) {
		if (entry_is_rejected(&s->v[i]))
			continue;
		check_loading_rate(v, &s->v[i], &s->v[i]);
		if (folds && fold_candidate(&s->v[i]))
			check_fold(v, i);
	}

	/* each document and catalyst: its members in file order */
	mem = xmalloc(nn * sizeof(size_t));
	scratch = xmalloc(nn * sizeof(size_t));
	for (k = 0; k < n;) {
		size_t end = k + 1, nm = 0, e;
		int tables = 0;
		while (end < n && str_eq(group[by_group[end]], group[by_group[k]]))
			end++;
		for (e = k; e < end && *v->keys[by_group[k]]; e++)
			if (!entry_is_rejected(&s->v[by_group[e]])) {
				mem[nm++] = by_group[e];
				tables |= str_eq(entry_get(&s->v[by_group[e]], COL_SOURCE), "table") &&
					  has(&s->v[by_group[e]], COL_REF);
			}
		if (tables) {
			struct cited ct;
			memset(&ct, 0, sizeof(ct));
			group_cited(v, mem, nm, &ct);
			for (e = 0; e < nm; e++)
				if (str_eq(entry_get(&s->v[mem[e]], COL_SOURCE), "table"))
					check_refs_text(v, mem[e], &ct);
			buf_release(&ct.where_first);
		}
		if (nm > 1) {
			group_pairs(v, mem, nm, scratch);
			group_same_values(v, mem, nm);
		}
		k = end;
	}
	report_duplicates(v);
	/* findings that stand for several: say how many more */
	for (i = 0; i < n; i++) {
		for (k = 0; k < nv; k++)
			if (v->vc_first[i * nv + k] >= 0 && v->vc_more[i * nv + k])
				vfinding_append(v, &s->v[i], v->vc_first[i * nv + k],
						" (and %zu more that disagree)",
						v->vc_more[i * nv + k]);
		if (v->lr_first[i] >= 0 && v->lr_more[i])
			vfinding_append(v, &s->v[i], v->lr_first[i], " (and %zu more)", v->lr_more[i]);
	}

	for (i = 0; i < n; i++)
		free(group[i]);
	free(group);
	free(ids);
	free(by_id);
	free(id_pos);
	free(by_group);
	free(group_pos);
	free(mem);
	free(scratch);
	free(v->num);
	free(v->dup);
	free(v->vc_first);
	free(v->vc_more);
	free(v->lr_first);
	free(v->lr_more);
	free(v->loc_head);
	free(v->loc_next);
	free(v->ev_head);
	free(v->ev_next);
	v->num = NULL;
	v->dup = v->vc_more = v->lr_more = v->loc_head = v->loc_next = v->ev_head = v->ev_next = NULL;
	v->vc_first = v->lr_first = NULL;
}

/* --- reference titles ---------------------------------------------------- */

struct refs_reader {
	char **row;
	size_t nrow, alloc;
	long rec;
	int ref_col, title_col;
	long *num;
	char **title;
	size_t n, nalloc;
};

static void refs_field(void *data, size_t len, void *ctx)
{
	struct refs_reader *r = ctx;
	r->row = xgrow(r->row, &r->alloc, r->nrow + 1, sizeof(char *));
	r->row[r->nrow++] = xstrndup(data ? data : "", len);
}

static void refs_record(int c, void *ctx)
{
	struct refs_reader *r = ctx;
	size_t k;
	(void)c;
	if (r->rec++ == 0) {
		for (k = 0; k < r->nrow; k++) {
			if (str_eq(r->row[k], "ref"))
				r->ref_col = (int)k;
			else if (str_eq(r->row[k], "title"))
				r->title_col = (int)k;
		}
	} else if (r->ref_col >= 0 && r->title_col >= 0 && (size_t)r->ref_col < r->nrow &&
		   (size_t)r->title_col < r->nrow) {
		long x;
		char *end;
		x = strtol(r->row[r->ref_col], &end, 10);
		if (end != r->row[r->ref_col] && *end == '\0') {
			r->num = xgrow(r->num, &r->nalloc, r->n + 1, sizeof(long));
			r->title = xrealloc(r->title, r->nalloc * sizeof(char *));
			r->num[r->n] = x;
			r->title[r->n] = xstrdup(r->row[r->title_col]);
			r->n++;
		}
	}
	for (k = 0; k < r->nrow; k++)
		free(r->row[k]);
	r->nrow = 0;
}

/* Words of s in plain ASCII (subscript digits as digits), one callback each. */
static int title_has(const char *title, int (*match)(const char *w, size_t n, void *ctx),
		     void *ctx)
{
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)title;
	size_t i, st;
	int found = 0;
	for (; *p; p++) {
		if (p[0] == 0xE2 && p[1] == 0x82 && p[2] >= 0x80 && p[2] <= 0x89) {
			buf_addch(&b, '0' + (p[2] - 0x80));
			p += 2;
		} else if ((p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95) ||
			   (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92)) {
			buf_addch(&b, '-');   /* dashes and the minus sign separate words */
			p += 2;
		} else if (*p >= 0x80) {
			buf_addch(&b, '\x01');   /* part of a word, matches nothing */
		} else {
			buf_addch(&b, *p);
		}
	}
	for (i = 0; i < b.len && !found;) {
		while (i < b.len && !(b.data[i] == '\x01' || (b.data[i] >= '0' && b.data[i] <= '9') ||
				      (b.data[i] >= 'A' && b.data[i] <= 'Z') ||
				      (b.data[i] >= 'a' && b.data[i] <= 'z')))
			i++;
		st = i;
		while (i < b.len && (b.data[i] == '\x01' || (b.data[i] >= '0' && b.data[i] <= '9') ||
				     (b.data[i] >= 'A' && b.data[i] <= 'Z') ||
				     (b.data[i] >= 'a' && b.data[i] <= 'z')))
			i++;
		if (i > st && match(b.data + st, i - st, ctx))
			found = 1;
	}
	buf_release(&b);
	return found;
}


struct share_ctx {
	const struct rules *rules;
	const struct chem_name *nf;
	const char *name_words;   /* catalyst name, words of 4+ letters */
};

static int ascii_prefix_nocase(const char *w, size_t n, const char *name)
{
	size_t k, ln = strlen(name);
	if (n < ln)
		return 0;
	for (k = 0; k < ln; k++) {
		char c = w[k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != name[k])
			return 0;
	}
	return 1;
}

static int name_word_match(const char *w, size_t n, void *ctx)
{
	const char *title_word = ctx;
	size_t k;
	if (n < 4 || strlen(title_word) != n)
		return 0;
	for (k = 0; k < n; k++) {
		char a = w[k], b = title_word[k];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (char)(b - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

static int shares(const char *w, size_t n, void *vctx)
{
	struct share_ctx *sc = vctx;
	size_t k;
	int letters = 0;
	if (rules_is_topic(sc->rules, w, n))
		return 1;
	for (k = 0; k < sc->nf->nmetals; k++) {
		const char *sym = sc->nf->metals[k];
		size_t sl = strlen(sym);
		/* "Ru", or a metal with its atom count: "Pt1" in "Pt1/FeOx" */
		if (sl <= n && memcmp(sym, w, sl) == 0 &&
		    (sl == n || (w[sl] >= '0' && w[sl] <= '9')))
			return 1;
		if (ascii_prefix_nocase(w, n, chem_element_name(sym, sl)))
			return 1;
	}
	for (k = 0; k < n; k++)
		letters += (w[k] >= 'A' && w[k] <= 'Z') || (w[k] >= 'a' && w[k] <= 'z');
	if (letters >= 4) {
		char *tw = xstrndup(w, n);
		int hit = title_has(sc->name_words, name_word_match, tw);
		free(tw);
		if (hit)
			return 1;
	}
	return 0;
}

/* Bytes of s to show at most max of, without cutting a UTF-8 character. */
static size_t utf8_prefix(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

void validate_ref_titles(struct vctx *v, const char *path)
{
	struct refs_reader r;
	struct csv_parser p;
	size_t len, i, k;
	char *text = file_read_all(path, &len);

	if (!text)
		return;
	memset(&r, 0, sizeof(r));
	r.ref_col = r.title_col = -1;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		memmove(text, text + 3, len - 3);   /* a byte-order mark */
		len -= 3;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		die("out of memory");
	if (csv_parse(&p, text, len, refs_field, refs_record, &r) != len ||
	    csv_fini(&p, refs_field, refs_record, &r) != 0 || r.ref_col < 0 || r.title_col < 0) {
		diag_emit(v->d, path, 0, 0, DIAG_WARNING, rule_table[R_REF_TITLE].id,
			  "reference list not read (%s); titles not checked",
			  r.ref_col < 0 || r.title_col < 0 ? "no ref and title columns" :
			  csv_strerror(csv_error(&p)));
		goto out;
	}

	for (i = 0; i < v->s->n; i++) {
		const struct entry *e = &v->s->v[i];
		long refs[16];
		size_t nr;
		struct chem_name nf;
		struct share_ctx sc;

		if (entry_is_rejected(e) || !str_eq(entry_get(e, COL_SOURCE), "table") ||
		    !has(e, COL_CATALYST))
			continue;
		nr = ref_numbers(entry_get(e, COL_REF), refs, ARRAY_SIZE(refs));
		chem_name_analyze(entry_get(e, COL_CATALYST), &nf);
		if (has(e, COL_METALS)) {
			/* the metals column, when given, says which metals are active */
			const char *m = entry_get(e, COL_METALS);
			nf.nmetals = 0;
			while (*m && nf.nmetals < CHEM_MAX_METALS) {
				const char *end = strchr(m, ';');
				size_t l = end ? (size_t)(end - m) : strlen(m);
				if (l <= 2) {
					memcpy(nf.metals[nf.nmetals], m, l);
					nf.metals[nf.nmetals++][l] = '\0';
				}
				if (!end)
					break;
				m = end + 1;
			}
		}
		sc.rules = v->rules;
		sc.nf = &nf;
		sc.name_words = entry_get(e, COL_CATALYST);
		for (k = 0; k < nr; k++) {
			size_t t;
			for (t = 0; t < r.n && r.num[t] != refs[k]; t++)
				;
			if (t == r.n || !*r.title[t] || title_has(r.title[t], shares, &sc))
				continue;
			{
				/* the title may name the catalyst whole: "Pt1/FeOx" */
				char *tk = chem_fold_name(r.title[t]);
				int whole = strlen(v->keys[i]) >= 4 && strstr(tk, v->keys[i]);
				free(tk);
				if (whole)
					continue;
			}
			vfinding(v, e, R_REF_TITLE,
				 "ref. %ld cited for '%s' is \"%.*s%s\", which shares no word with the "
				 "entry (topic, metals or name)", refs[k], entry_get(e, COL_CATALYST),
				 (int)utf8_prefix(r.title[t], 100), r.title[t],
				 strlen(r.title[t]) > 100 ? "..." : "");
		}
	}
out:
	csv_free(&p);
	for (k = 0; k < r.nrow; k++)
		free(r.row[k]);
	free(r.row);
	for (k = 0; k < r.n; k++)
		free(r.title[k]);
	free(r.title);
	free(r.num);
	free(text);
}
