/*
 * corpus.c: the corpus store (papers/, entries/) and the merges that keep
 * a curator's rows: a fresh extraction into a document's entries, and
 * entries CSV shards into one file.  Lookups go through small hash
 * indexes so that merging large files stays linear.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "chem.h"
#include "cite.h"
#include "corpus.h"
#include "corpus_layout.h"
#include "fileio.h"
#include "hashidx.h"
#include "utf8.h"
#include "util.h"
#include "xmlsafe.h"

/*
 * Columns that hold the quantities of a fact (the schema's results), and
 * its conditions, from the column table (entry.h).
 */
static size_t quantity_cols(enum entry_col out[ENTRY_NRESULTS])
{
	return entry_cols_of_role(ROLE_RESULT, out, ENTRY_NRESULTS);
}
static size_t condition_cols(enum entry_col out[ENTRY_NCONDITIONS])
{
	return entry_cols_of_role(ROLE_CONDITION, out, ENTRY_NCONDITIONS);
}

#define REL_TOL 0.005
#define TEMP_TOL 0.5

/* --- ownership and matching ---------------------------------------------- */

int corpus_row_is_curated(const struct entry *e)
{
	return !str_eq(e->f[COL_STATUS], "extracted") || e->f[COL_NOTE][0] != '\0';
}

static int lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Two field values equal within the column's tolerance. */
static int value_eq(enum entry_col c, const char *a, const char *b)
{
	double x, y, tol;
	if (str_eq(a, b))
		return 1;
	if (num_parse(a, &x) < 0 || num_parse(b, &y) < 0)
		return 0;
	if (c == COL_TEMPERATURE_C)
		tol = TEMP_TOL;
	else
		tol = REL_TOL * (x < 0 ? -x : x > 0 ? x : 0) + 1e-12;
	if (c != COL_TEMPERATURE_C && (y < 0 ? -y : y) * REL_TOL > tol)
		tol = (y < 0 ? -y : y) * REL_TOL + 1e-12;
	return (x > y ? x - y : y - x) <= tol;
}

static int conditions_eq(const struct entry *a, const struct entry *b)
{
	enum entry_col cc[ENTRY_NCONDITIONS];
	size_t i, nc = condition_cols(cc);
	for (i = 0; i < nc; i++) {
		enum entry_col c = cc[i];
		if (!value_eq(c, a->f[c], b->f[c]))
			return 0;
	}
	return 1;
}

/* Every quantity both give agrees, and they give at least one in common. */
static int quantities_eq(const struct entry *a, const struct entry *b)
{
	enum entry_col qc[ENTRY_NRESULTS];
	size_t i, common = 0, nq = quantity_cols(qc);
	for (i = 0; i < nq; i++) {
		enum entry_col c = qc[i];
		if (!a->f[c][0] || !b->f[c][0])
			continue;
		if (!value_eq(c, a->f[c], b->f[c]))
			return 0;
		common++;
	}
	if (a->f[COL_RATE_METAL][0] && b->f[COL_RATE_METAL][0] &&
	    str_casecmp(a->f[COL_RATE_METAL], b->f[COL_RATE_METAL]) != 0)
		return 0;
	return common > 0;
}

static int same_quantity_set(const struct entry *a, const struct entry *b)
{
	enum entry_col qc[ENTRY_NRESULTS];
	size_t i, nq = quantity_cols(qc);
	for (i = 0; i < nq; i++) {
		enum entry_col c = qc[i];
		if (!a->f[c][0] != !b->f[c][0])
			return 0;
	}
	return 1;
}

/* The same source place, catalyst and kind of quantities. */
static int same_place(const struct entry *a, const struct entry *b)
{
	return str_eq(a->f[COL_DOC], b->f[COL_DOC]) &&
	       chem_same_name(a->f[COL_CATALYST], b->f[COL_CATALYST]) &&
	       a->f[COL_LOCATOR][0] && str_eq(a->f[COL_LOCATOR], b->f[COL_LOCATOR]) &&
	       str_eq(a->f[COL_SOURCE], b->f[COL_SOURCE]) && same_quantity_set(a, b);
}

int corpus_entry_match(const struct entry *a, const struct entry *b)
{
	int cond, qty;
	if (!str_eq(a->f[COL_DOC], b->f[COL_DOC]) ||
	    !chem_same_name(a->f[COL_CATALYST], b->f[COL_CATALYST]))
		return 0;
	cond = conditions_eq(a, b);
	qty = quantities_eq(a, b);
	if (cond && qty)
		return 1;
	return same_place(a, b) && (cond || qty);
}

/* Every field but the id equal (both in the same column layout). */
static int same_but_id(const struct entry *a, const struct entry *b)
{
	size_t k;
	for (k = 0; k < ENTRY_NCOLS; k++)
		if (k != COL_ID && !str_eq(a->f[k], b->f[k]))
			return 0;
	if (a->nextra != b->nextra)
		return 0;
	for (k = 0; k < a->nextra; k++)
		if (!str_eq(a->extra[k], b->extra[k]))
			return 0;
	return 1;
}

/* --- hash indexes ----------------------------------------------------------- */

/* Hash of what every matching pair shares: doc and folded catalyst. */
static uint64_t hash_fact(const struct entry *e)
{
	char *fold = chem_fold_name(e->f[COL_CATALYST]);
	uint64_t h = hash64_str(hash64_str(HASH_INIT, e->f[COL_DOC]), fold);
	free(fold);
	return h;
}

static uint64_t hash_content(const struct entry *e)
{
	uint64_t h = HASH_INIT;
	size_t k;
	for (k = 0; k < ENTRY_NCOLS; k++)
		if (k != COL_ID)
			h = hash64_str(h, e->f[k]);
	for (k = 0; k < e->nextra; k++)
		h = hash64_str(h, e->extra[k]);
	return h;
}

/* --- column layouts ------------------------------------------------------------ */

static long find_name(char *const *names, size_t n, const char *name)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (str_eq(names[i], name))
			return (long)i;
	return -1;
}

/* The schema version a set is written in (entry.h). */
static int version_of(const struct entry_set *s)
{
	return s->version ? s->version : ENTRY_SCHEMA_VERSION;
}

static int same_layout(const struct entry_set *a, const struct entry_set *b)
{
	size_t i;
	if (a->nextra != b->nextra || version_of(a) != version_of(b))
		return 0;
	for (i = 0; i < a->nextra; i++)
		if (!str_eq(a->extra_names[i], b->extra_names[i]))
			return 0;
	return 1;
}

/*
 * Copy entry e of set from into dst (initialized for to's layout): fields
 * by column name, and the raw bytes when both sets have the same columns.
 */
static void copy_entry(struct entry *dst, const struct entry_set *to,
		       const struct entry_set *from, const struct entry *e)
{
	size_t k;
	entry_set_fields(dst, NULL, e->f, ENTRY_NCOLS);
	for (k = 0; k < to->nextra; k++) {
		long j = find_name(from->extra_names, from->nextra, to->extra_names[k]);
		if (j >= 0 && (size_t)j < e->nextra) {
			free(dst->extra[k]);
			dst->extra[k] = xstrdup(e->extra[j]);
		}
	}
	if (e->raw && same_layout(to, from)) {
		dst->raw = xstrndup(e->raw, e->rawlen);
		dst->rawlen = e->rawlen;
	} else if (e->canon && same_layout(to, from)) {
		/* its bytes as read: canonical in from, whose line end may not be to's */
		if (from->crlf == to->crlf) {
			dst->canon = 1;
		} else {
			struct buf b = BUF_INIT;
			entries_format_row(from, e, version_of(from), &b);
			dst->raw = buf_detach(&b, &dst->rawlen);
		}
	}
	dst->line = e->line;
}

/* An empty set without a header takes the columns and form of another. */
static void adopt_layout(struct entry_set *to, const struct entry_set *from)
{
	size_t k;
	to->nextra = from->nextra;
	to->extra_names = from->nextra ? xcalloc(from->nextra, sizeof(char *)) : NULL;
	for (k = 0; k < from->nextra; k++)
		to->extra_names[k] = xstrdup(from->extra_names[k]);
	to->bom = from->bom;
	to->crlf = from->crlf;
	to->version = from->version;
	if (from->raw_header) {
		to->raw_header = xstrndup(from->raw_header, from->raw_header_len);
		to->raw_header_len = from->raw_header_len;
	}
}

/*
 * Add the extra columns of from that to lacks, and move to up to from's
 * schema version; to's rows are then rewritten.
 */
static void widen_layout(struct entry_set *to, const struct entry_set *from)
{
	size_t k, i, old = to->nextra;
	int newer = version_of(from) > version_of(to);
	if (newer)
		to->version = from->version;
	for (k = 0; k < from->nextra; k++) {
		if (find_name(to->extra_names, to->nextra, from->extra_names[k]) >= 0)
			continue;
		to->extra_names = xrealloc(to->extra_names, (to->nextra + 1) * sizeof(char *));
		to->extra_names[to->nextra++] = xstrdup(from->extra_names[k]);
	}
	if (to->nextra == old && !newer)
		return;
	free(to->raw_header);
	to->raw_header = NULL;
	to->raw_header_len = 0;
	for (i = 0; i < to->n; i++) {
		struct entry *e = &to->v[i];
		e->extra = xrealloc(e->extra, to->nextra * sizeof(char *));
		for (k = e->nextra; k < to->nextra; k++)
			e->extra[k] = xstrdup("");
		e->nextra = to->nextra;
		free(e->raw);
		e->raw = NULL;
		e->rawlen = 0;
	}
}

/* --- row identity -------------------------------------------------------------- */

/*
 * The identity of a candidate, from where the extractor read it: source,
 * locator and the result quantities it carries ("text L93:C411
 * rate_mmol_gcat_h+tof_s"), never its catalyst name or values, which a
 * curator corrects.  Written once into the origin column, it stays with the
 * row whatever the curator edits.
 */
void corpus_origin(const struct entry *e, struct buf *out)
{
	enum entry_col qc[ENTRY_NRESULTS];
	size_t i, n = 0, nq = quantity_cols(qc);
	buf_addstr(out, e->f[COL_SOURCE][0] ? e->f[COL_SOURCE] : "-");
	buf_addch(out, ' ');
	buf_addstr(out, e->f[COL_LOCATOR][0] ? e->f[COL_LOCATOR] : "-");
	buf_addch(out, ' ');
	for (i = 0; i < nq; i++)
		if (e->f[qc[i]][0]) {
			if (n++)
				buf_addch(out, '+');
			buf_addstr(out, entry_cols[qc[i]].name);
		}
	if (!n)
		buf_addch(out, '-');
}

/* The row's origin: its origin column, else computed from its fields. */
static const char *row_origin(const struct entry *e, long oc, struct buf *tmp)
{
	if (oc >= 0 && (size_t)oc < e->nextra && e->extra[oc][0])
		return e->extra[oc];
	buf_reset(tmp);
	corpus_origin(e, tmp);
	return buf_str(tmp);
}

/*
 * Give every entry of v[0..n) with an empty origin column its origin;
 * the second and later entries of one origin get "#2", "#3" ... in order.
 */
static void fill_origins(struct entry *v, size_t n, size_t oc)
{
	struct hashidx seen = { 0 };
	char **base = xcalloc(n ? n : 1, sizeof(char *));
	struct buf b = BUF_INIT;
	size_t i;
	for (i = 0; i < n; i++) {
		size_t pos = SIZE_MAX, k, same = 0;
		uint64_t h;
		if (v[i].extra[oc][0])
			continue;
		buf_reset(&b);
		corpus_origin(&v[i], &b);
		base[i] = xstrdup(buf_str(&b));
		h = hash64_str(HASH_INIT, base[i]);
		while ((k = hashidx_next(&seen, h, &pos)) != SIZE_MAX)
			same += str_eq(base[k], base[i]);
		hashidx_put(&seen, h, i);
		if (same)
			buf_printf(&b, "#%zu", same + 1);
		entry_set_extra(&v[i], oc, buf_str(&b));
	}
	for (i = 0; i < n; i++)
		free(base[i]);
	free(base);
	buf_release(&b);
	hashidx_release(&seen);
}

/* --- merging a fresh extraction ----------------------------------------------- */

/* N of an id "KEY:N", or 0 when id is not of that form. */
static unsigned long id_number(const char *id, const char *key)
{
	size_t n = strlen(key);
	unsigned long v = 0;
	const char *p;
	if (strncmp(id, key, n) != 0 || id[n] != ':' || !id[n + 1])
		return 0;
	for (p = id + n + 1; *p; p++) {
		if (*p < '0' || *p > '9' || v > (ULONG_MAX - 9) / 10)
			return 0;
		v = v * 10 + (unsigned long)(*p - '0');
	}
	return v;
}

enum fate { KEEP, REPLACE, DROP };
/* What became of a fresh candidate. */
enum { FREE, USED, DUP, CURATED_NEW };

void corpus_merge_extraction(struct entry_set *cur, const struct entry_set *fresh,
			     const char *key, struct corpus_merge_stats *st)
{
	struct corpus_merge_stats local;
	struct entry *cand, *out;
	size_t nc = fresh->n, n0 = cur->n, i, j, nout = 0, alloc;
	size_t *taken_by = xcalloc(n0 ? n0 : 1, sizeof(size_t));
	char *used = xcalloc(nc ? nc : 1, 1);
	enum fate *fate = xcalloc(n0 ? n0 : 1, sizeof(enum fate));
	struct hashidx content = { 0 }, facts = { 0 }, cand_facts = { 0 }, origins = { 0 };
	struct buf ob = BUF_INIT;
	unsigned long maxn = 0;
	size_t oc;
	int had_origin;

	if (!st)
		st = &local;
	memset(st, 0, sizeof(*st));
	if (n0 == 0 && !cur->raw_header && cur->nextra == 0)
		adopt_layout(cur, fresh);
	/* Every row carries its origin; a file without the column gains it once. */
	had_origin = find_name(cur->extra_names, cur->nextra, CORPUS_ORIGIN_COL) >= 0;
	oc = entry_set_add_column(cur, CORPUS_ORIGIN_COL);
	if (!had_origin)
		fill_origins(cur->v, n0, oc);

	/* The candidates in cur's columns. */
	cand = xcalloc(nc ? nc : 1, sizeof(*cand));
	for (j = 0; j < nc; j++) {
		entry_init(&cand[j], cur->nextra);
		copy_entry(&cand[j], cur, fresh, &fresh->v[j]);
		free(cand[j].raw);
		cand[j].raw = NULL;
		cand[j].line = 0;
		if (!cand[j].f[COL_DOC][0])
			entry_set(&cand[j], COL_DOC, key);
	}
	fill_origins(cand, nc, oc);
	for (j = 0; j < nc; j++)
		hashidx_put(&content, hash_content(&cand[j]), j);
	for (i = 0; i < n0; i++)
		hashidx_put(&origins, hash64_str(HASH_INIT, row_origin(&cur->v[i], (long)oc, &ob)), i);
	for (i = 0; i < n0; i++) {
		unsigned long v = id_number(cur->v[i].f[COL_ID], key);
		if (v > maxn)
			maxn = v;
	}

	/* Candidates a curator's row already states are out from the start. */
	for (i = 0; i < n0; i++)
		if (corpus_row_is_curated(&cur->v[i])) {
			hashidx_put(&facts, hash_fact(&cur->v[i]), i);
			st->curated++;
		}
	for (j = 0; j < nc; j++) {
		size_t pos = SIZE_MAX, k;
		const char *o = cand[j].extra[oc];
		while ((k = hashidx_next(&facts, hash_fact(&cand[j]), &pos)) != SIZE_MAX)
			if (corpus_entry_match(&cand[j], &cur->v[k]) ||
			    same_but_id(&cand[j], &cur->v[k])) {
				used[j] = DUP;
				break;
			}
		/*
		 * The extractor's candidate read from where a curator's row came
		 * from is that row, however the curator has corrected it.
		 */
		pos = SIZE_MAX;
		while (used[j] == FREE && !corpus_row_is_curated(&cand[j]) &&
		       (k = hashidx_next(&origins, hash64_str(HASH_INIT, o), &pos)) != SIZE_MAX)
			if (corpus_row_is_curated(&cur->v[k]) &&
			    str_eq(row_origin(&cur->v[k], (long)oc, &ob), o))
				used[j] = DUP;
		if (used[j] == DUP)
			st->duplicates++;
	}
	/*
	 * A fresh row that is already the curator's (from a CSV made
	 * elsewhere) is appended as it is, never used to refresh a row, and
	 * states its fact against the other candidates as a curated row does.
	 */
	for (j = 0; j < nc; j++)
		if (used[j] == FREE && corpus_row_is_curated(&cand[j])) {
			used[j] = CURATED_NEW;
			hashidx_put(&cand_facts, hash_fact(&cand[j]), j);
		}
	for (j = 0; j < nc; j++) {
		size_t pos = SIZE_MAX, k;
		if (used[j] != FREE)
			continue;
		while ((k = hashidx_next(&cand_facts, hash_fact(&cand[j]), &pos)) != SIZE_MAX)
			if (corpus_entry_match(&cand[j], &cand[k]) || same_but_id(&cand[j], &cand[k])) {
				used[j] = DUP;
				st->duplicates++;
				break;
			}
	}

	/* Extractor's rows given again word for word stay as they are. */
	for (i = 0; i < n0; i++) {
		const struct entry *e = &cur->v[i];
		size_t pos = SIZE_MAX;
		fate[i] = KEEP;
		if (corpus_row_is_curated(e))
			continue;
		fate[i] = DROP;
		while ((j = hashidx_next(&content, hash_content(e), &pos)) != SIZE_MAX) {
			if (used[j] == FREE && same_but_id(e, &cand[j])) {
				used[j] = USED;
				fate[i] = KEEP;
				st->unchanged++;
				break;
			}
		}
	}
	/* Then the ones read again differently, from the same place (origin). */
	for (j = 0; j < nc; j++) {
		size_t pos = SIZE_MAX, k;
		const char *o = cand[j].extra[oc];
		if (used[j] != FREE)
			continue;
		while ((k = hashidx_next(&origins, hash64_str(HASH_INIT, o), &pos)) != SIZE_MAX)
			if (fate[k] == DROP && str_eq(row_origin(&cur->v[k], (long)oc, &ob), o)) {
				used[j] = USED;
				fate[k] = REPLACE;
				taken_by[k] = j;
				st->refreshed++;
				break;
			}
	}
	for (i = 0; i < n0; i++)
		if (fate[i] == DROP)
			st->dropped++;

	/* Build the new row list: cur's order, then new candidates. */
	alloc = n0 + nc;
	out = xcalloc(alloc ? alloc : 1, sizeof(*out));
	for (i = 0; i < n0; i++) {
		struct entry *e = &cur->v[i];
		if (fate[i] == KEEP) {
			out[nout++] = *e;
		} else if (fate[i] == REPLACE) {
			struct entry *c = &cand[taken_by[i]];
			entry_set(c, COL_ID, e->f[COL_ID]);
			out[nout++] = *c;
			memset(c, 0, sizeof(*c));
			entry_release(e);
		} else {
			entry_release(e);
		}
	}
	for (j = 0; j < nc; j++) {
		struct entry *c = &cand[j];
		char idbuf[64];
		if (used[j] != FREE && used[j] != CURATED_NEW)
			continue;
		snprintf(idbuf, sizeof(idbuf), ":%lu", ++maxn);
		{
			struct buf id = BUF_INIT;
			buf_addstr(&id, key);
			buf_addstr(&id, idbuf);
			entry_set(c, COL_ID, buf_str(&id));
			buf_release(&id);
		}
		out[nout++] = *c;
		memset(c, 0, sizeof(*c));
		st->added++;
	}
	for (j = 0; j < nc; j++)
		if (cand[j].f[0])
			entry_release(&cand[j]);
	free(cand);
	free(cur->v);
	cur->v = out;
	cur->n = nout;
	cur->alloc = alloc ? alloc : 1;
	hashidx_release(&content);
	hashidx_release(&facts);
	hashidx_release(&cand_facts);
	hashidx_release(&origins);
	buf_release(&ob);
	free(taken_by);
	free(used);
	free(fate);
}

/* --- merging shards ------------------------------------------------------------- */

/* Hash of (doc, origin column) of a row, or 0 when it has no origin. */
static uint64_t hash_origin(const struct entry *e, long oc)
{
	if (oc < 0 || (size_t)oc >= e->nextra || !e->extra[oc][0])
		return 0;
	return hash64_str(hash64_str(HASH_INIT, e->f[COL_DOC]), e->extra[oc]);
}

/* The same doc and a non-empty origin, equal. */
static int same_origin(const struct entry *a, const struct entry *b, long oc)
{
	return oc >= 0 && (size_t)oc < a->nextra && (size_t)oc < b->nextra && a->extra[oc][0] &&
	       str_eq(a->extra[oc], b->extra[oc]) && str_eq(a->f[COL_DOC], b->f[COL_DOC]);
}

size_t corpus_merge_rows(struct entry_set *out, const struct entry_set *in)
{
	struct hashidx content = { 0 }, facts = { 0 }, origins = { 0 };
	size_t i, skipped = 0;
	long oc;

	if (out->n == 0 && !out->raw_header && out->nextra == 0)
		adopt_layout(out, in);
	else
		widen_layout(out, in);
	oc = find_name(out->extra_names, out->nextra, CORPUS_ORIGIN_COL);
	for (i = 0; i < out->n; i++) {
		uint64_t ho = hash_origin(&out->v[i], oc);
		hashidx_put(&content, hash_content(&out->v[i]), i);
		hashidx_put(&facts, hash_fact(&out->v[i]), i);
		if (ho)
			hashidx_put(&origins, ho, i);
	}
	for (i = 0; i < in->n; i++) {
		struct entry tmp;
		size_t pos = SIZE_MAX, k;
		int skip = 0, tmp_curated;
		long replace = -1;
		uint64_t hc, hf, ho;

		entry_init(&tmp, out->nextra);
		copy_entry(&tmp, out, in, &in->v[i]);
		hc = hash_content(&tmp);
		hf = hash_fact(&tmp);
		ho = hash_origin(&tmp, oc);
		tmp_curated = corpus_row_is_curated(&tmp);
		while (!skip && (k = hashidx_next(&content, hc, &pos)) != SIZE_MAX)
			if (same_but_id(&out->v[k], &tmp))
				skip = 1;
		/*
		 * Only a curator's row against an extractor's one matters: the
		 * same fact, or the same origin (the candidate the curator
		 * corrected, whatever was edited).
		 */
		pos = SIZE_MAX;
		while (!skip && replace < 0 && (k = hashidx_next(&facts, hf, &pos)) != SIZE_MAX) {
			const struct entry *o = &out->v[k];
			if (tmp_curated == corpus_row_is_curated(o) || !corpus_entry_match(o, &tmp))
				continue;
			if (tmp_curated)
				replace = (long)k;
			else
				skip = 1;
		}
		pos = SIZE_MAX;
		while (ho && !skip && replace < 0 && (k = hashidx_next(&origins, ho, &pos)) != SIZE_MAX) {
			const struct entry *o = &out->v[k];
			if (tmp_curated == corpus_row_is_curated(o) || !same_origin(o, &tmp, oc))
				continue;
			if (tmp_curated)
				replace = (long)k;
			else
				skip = 1;
		}
		if (skip) {
			entry_release(&tmp);
			skipped++;
			continue;
		}
		if (replace >= 0) {
			entry_release(&out->v[replace]);
			out->v[replace] = tmp;
			hashidx_put(&content, hc, (size_t)replace);
			hashidx_put(&facts, hf, (size_t)replace);
			if (ho)
				hashidx_put(&origins, ho, (size_t)replace);
			skipped++;
			continue;
		}
		{
			struct entry *e = entry_set_append(out);
			entry_release(e);
			*e = tmp;
			hashidx_put(&content, hc, out->n - 1);
			hashidx_put(&facts, hf, out->n - 1);
			if (ho)
				hashidx_put(&origins, ho, out->n - 1);
		}
	}
	hashidx_release(&content);
	hashidx_release(&facts);
	hashidx_release(&origins);
	return skipped;
}

/* --- keys ------------------------------------------------------------------------- */

#define KEY_MAX 100

static int key_char(unsigned char c)
{
	return is_alnum(c) || c == '.' || c == '_' || c == '-';
}

int corpus_key_valid(const char *key)
{
	size_t n = strlen(key), i;
	if (n == 0 || n > KEY_MAX || key[0] == '.' || key[0] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!key_char((unsigned char)key[i]))
			return 0;
	return 1;
}

char *corpus_key_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *dot;
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (!dot || dot == base)
		dot = base + strlen(base);
	return xstrndup(base, (size_t)(dot - base));
}

char *corpus_key_from_doi(const char *doi)
{
	struct buf b = BUF_INIT;
	const char *p = doi;
	char *key;
	if (str_startswith(p, "https://doi.org/"))
		p += 16;
	else if (str_startswith(p, "doi:"))
		p += 4;
	for (; *p && b.len < KEY_MAX; p++) {
		unsigned char c = (unsigned char)*p;
		buf_addch(&b, key_char(c) ? lower(c) : '_');
	}
	key = buf_detach(&b, NULL);
	if (!corpus_key_valid(key)) {
		free(key);
		return NULL;
	}
	return key;
}

/* --- papers ------------------------------------------------------------------------- */

int corpus_check_text(const char *name, const char *data, size_t len)
{
	const char *nul, *p, *end = data + len;
	size_t bad;
	long line = 1;

	if (len > CORPUS_MAX_SIZE) {
		fprintf(stderr, "%s: error: %zu bytes, more than the %zu MiB a paper may have\n",
			name, len, CORPUS_MAX_SIZE >> 20);
		return -1;
	}
	if (len == 0) {
		fprintf(stderr, "%s: error: empty file\n", name);
		return -1;
	}
	if ((nul = memchr(data, '\0', len)) != NULL) {
		for (p = data; p < nul; p++)
			line += *p == '\n';
		fprintf(stderr, "%s:%ld: error: NUL byte (offset %zu): not a text file\n",
			name, line, (size_t)(nul - data));
		return -1;
	}
	line = 1;
	for (p = data; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > CORPUS_MAX_LINE) {
			fprintf(stderr, "%s:%ld: error: line of %zu bytes, more than the %zu MiB "
				"a line of a paper may have\n", name, line, n, CORPUS_MAX_LINE >> 20);
			return -1;
		}
		bad = utf8_validate(p, n);
		if (bad != n) {
			fprintf(stderr, "%s:%ld:%zu: error: invalid UTF-8 (byte 0x%02x); "
				"convert the file to UTF-8 first\n", name, line,
				utf8_count(p, bad) + 1, (unsigned char)p[bad]);
			return -1;
		}
		p += n + (nl != NULL);
	}
	return 0;
}

static int make_dir(const char *path)
{
	struct stat st;
	if (mkdir(path, 0777) == 0)
		return 0;
	if (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	if (errno == EEXIST)
		return error("'%s' exists and is not a folder", path);
	return error("cannot create folder '%s': %s", path, strerror(errno));
}

/* The file of papers/ whose stem is key, or NULL. */
static char *find_paper(const char *papers, const char *key)
{
	DIR *dp = opendir(papers);
	struct dirent *de;
	size_t n = strlen(key);
	char *found = NULL;
	if (!dp)
		return NULL;
	while ((de = readdir(dp)) != NULL)
		if (strncmp(de->d_name, key, n) == 0 && de->d_name[n] == '.' &&
		    !strchr(de->d_name + n + 1, '.')) {
			struct buf b = BUF_INIT;
			buf_printf(&b, "%s/%s", papers, de->d_name);
			found = buf_detach(&b, NULL);
			break;
		}
	closedir(dp);
	return found;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **corpus_papers(const char *root, size_t *n)
{
	struct buf dir = BUF_INIT;
	char **v = NULL;
	size_t alloc = 0;
	DIR *dp;
	struct dirent *de;

	*n = 0;
	buf_printf(&dir, "%s/%s", root, CORPUS_PAPERS);
	if ((dp = opendir(dir.data)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			const char *dot = strrchr(de->d_name, '.');
			struct buf b = BUF_INIT;
			/* KEY.txt, .md, .xml, .pdf only: not ".", "..", hidden or temporary files */
			if (de->d_name[0] == '.' || !dot || dot == de->d_name ||
			    (!str_eq(dot, ".txt") && !str_eq(dot, ".md") && !str_eq(dot, ".xml") &&
			     !str_eq(dot, ".pdf")))
				continue;
			buf_printf(&b, "%s/%s", dir.data, de->d_name);
			v = xgrow(v, &alloc, *n + 1, sizeof(char *));
			v[(*n)++] = buf_detach(&b, NULL);
		}
		closedir(dp);
	}
	buf_release(&dir);
	if (*n > 1)
		qsort(v, *n, sizeof(char *), cmp_str);
	return v;
}

int corpus_make(const char *root)
{
	static const char *const parts[] = { CORPUS_PAPERS, CORPUS_ENTRIES };
	size_t i;
	if (make_dir(root) < 0)
		return -1;
	for (i = 0; i < ARRAY_SIZE(parts); i++) {
		struct buf b = BUF_INIT;
		int rc;
		buf_printf(&b, "%s/%s", root, parts[i]);
		rc = make_dir(b.data);
		buf_release(&b);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int corpus_store_paper(const char *root, const char *key, const char *ext,
		       const char *data, size_t len, int *existed)
{
	struct buf papers = BUF_INIT;
	char *old, *path;
	int rc = -1;

	*existed = 0;
	if (corpus_make(root) < 0)
		return -1;
	buf_printf(&papers, "%s/%s", root, CORPUS_PAPERS);
	old = find_paper(papers.data, key);
	buf_release(&papers);
	if (old) {
		size_t oldlen;
		char *have = file_read_all(old, &oldlen);
		if (have && oldlen == len && memcmp(have, data, len) == 0) {
			*existed = 1;
			rc = 0;
		} else if (have) {
			error("key '%s' is taken: %s holds another paper (give another with --key)",
			      key, old);
		}
		free(have);
		free(old);
		return rc;
	}
	path = corpus_paper_path(root, key, ext);
	rc = file_write_atomic(path, data, len);
	free(path);
	return rc;
}

char *corpus_read_file(const char *path, size_t max, size_t *len)
{
	struct stat st;
	char *data;
	size_t n = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0) {
		fprintf(stderr, "%s: error: cannot open: %s\n", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0) {
		fprintf(stderr, "%s: error: cannot stat: %s\n", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		fprintf(stderr, "%s: error: %s\n", path,
			S_ISDIR(st.st_mode) ? "is a folder, not a file" : "not a regular file");
		close(fd);
		return NULL;
	}
	if ((uintmax_t)st.st_size > max) {
		fprintf(stderr, "%s: error: %jd bytes, more than the %zu MiB nh3cat reads\n",
			path, (intmax_t)st.st_size, max >> 20);
		close(fd);
		return NULL;
	}
	data = xmalloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size) {
		ssize_t r = read(fd, data + n, (size_t)st.st_size - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			fprintf(stderr, "%s: error: cannot read: %s\n", path,
				r < 0 ? strerror(errno) : "the file shrank while being read");
			free(data);
			close(fd);
			return NULL;
		}
		n += (size_t)r;
	}
	close(fd);
	data[n] = '\0';
	*len = n;
	return data;
}

/* Reference lists hold DOIs of other papers: never look inside them. */
static int is_reference_list(const xmlNode *n)
{
	return xml_is(n, "back") || xml_is(n, "ref-list") || xml_is(n, "bibliography") ||
	       xml_is(n, "references") || xml_is(n, "tail");
}

/* The first elements of the front matter that carry a paper's metadata. */
struct meta_nodes {
	const xmlNode *doi, *title, *surname, *creator, *year, *cover;
};

static int in_dc(const xmlNode *n)
{
	return str_eq(xml_ns(n), "http://purl.org/dc/elements/1.1/");
}

static void find_meta(const xmlNode *n, unsigned depth, struct meta_nodes *m)
{
	for (; n; n = n->next) {
		const char *type;
		if (n->type != XML_ELEMENT_NODE || is_reference_list(n))
			continue;
		type = xml_attr(n, "pub-id-type");
		if (!m->doi && ((xml_is(n, "article-id") && type && str_eq(type, "doi")) ||
				xml_is(n, "doi")))
			m->doi = n;
		else if (!m->title && (xml_is(n, "article-title") || (xml_is(n, "title") && in_dc(n))))
			m->title = n;
		else if (!m->surname && xml_is(n, "surname"))
			m->surname = n;
		else if (!m->creator && xml_is(n, "creator") && in_dc(n))
			m->creator = n;
		else if (!m->year && xml_is(n, "year") && n->parent && xml_is(n->parent, "pub-date"))
			m->year = n;
		else if (!m->cover && xml_is(n, "coverDate"))
			m->cover = n;
		if (depth < XMLSAFE_MAX_DEPTH)
			find_meta(n->children, depth + 1, m);
	}
}

/* The text of n, trimmed, white space runs made one blank; "" for NULL. */
static char *node_text(const xmlNode *n)
{
	struct buf b = BUF_INIT, o = BUF_INIT;
	const char *p;
	char *r;
	if (n)
		xml_text(n, &b);
	buf_addstr(&b, "");
	for (p = b.data; *p; p++) {
		int sp = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
		if (sp && (o.len == 0 || o.data[o.len - 1] == ' '))
			continue;
		buf_addch(&o, sp ? ' ' : *p);
	}
	buf_addstr(&o, "");
	r = xstrdup(str_trim(o.data));
	buf_release(&b);
	buf_release(&o);
	return r;
}

static int xml_meta(const char *name, const char *data, size_t len, struct paper_meta *out,
		    struct diag *d)
{
	xmlDocPtr doc = xmlsafe_parse(name, data, len, NULL, d);
	struct meta_nodes m;
	char *y;
	if (!doc)
		return -1;
	memset(&m, 0, sizeof(m));
	find_meta(xmlDocGetRootElement(doc), 0, &m);
	out->doi = node_text(m.doi);
	out->title = node_text(m.title);
	out->author = node_text(m.surname ? m.surname : m.creator);
	if (!m.surname && strchr(out->author, ','))
		*strchr(out->author, ',') = '\0';     /* dc:creator "Surname, A." */
	y = node_text(m.year ? m.year : m.cover);
	if (!m.year && strlen(y) > 4)
		y[4] = '\0';                          /* prism:coverDate 2024-01-01 */
	out->year = y;
	xmlFreeDoc(doc);
	return 0;
}

/* --- a text paper's first page -------------------------------------------- */

size_t corpus_first_page(const char *data, size_t len)
{
	size_t cap = len < CORPUS_FIRST_PAGE ? len : CORPUS_FIRST_PAGE;
	const char *ff = memchr(data, '\f', cap);
	const char *p, *end = ff ? ff : data + cap;
	for (p = data; p < end; p++)
		if ((p == data || p[-1] == '\n') &&
		    (str_startswith(p, "References") || str_startswith(p, "REFERENCES") ||
		     str_startswith(p, "# References") || str_startswith(p, "## References")))
			return (size_t)(p - data);
	return (size_t)(end - data);
}

static int is_letter_or_utf8(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80;
}

/* Marks around a name (daggers, ^{ab}) have no word of three ASCII letters. */
static int is_ascii_alpha(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* A year 1900..2099 standing alone at s[i..i+4), or 0. */
static int year_at(const char *s, size_t i, size_t n)
{
	int y;
	if (i + 4 > n || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') ||
	    (i + 4 < n && s[i + 4] >= '0' && s[i + 4] <= '9'))
		return 0;
	if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) ||
	    s[i + 2] < '0' || s[i + 2] > '9' || s[i + 3] < '0' || s[i + 3] > '9')
		return 0;
	y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
	return y;
}

/* s[0..n) equals lower-case word in ASCII letters of any case. */
static int ascii_ieq(const char *s, const char *word, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
		if (c != word[i])
			return 0;
	}
	return 1;
}

static int line_has(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word), i;
	for (i = 0; i + w <= n; i++)
		if (ascii_ieq(s + i, word, w))
			return 1;
	return 0;
}

/*
 * One name of an author line ("Xuanbei Peng", "†^{ab} Mingyuan Zhang",
 * "X. Peng"): two to four capitalised words after any marks, then nothing
 * but marks (no word of three letters or more).  Sets the surname (the
 * last word) and returns 1, or returns 0.
 */
static int author_name(const char *s, size_t n, const char **sur, size_t *nsur)
{
	size_t i = 0, words = 0;
	const char *last = NULL;
	size_t nlast = 0;
	while (i < n && !(s[i] >= 'A' && s[i] <= 'Z' && (i == 0 || !is_letter_or_utf8(s[i - 1]))))
		i++;
	if (i >= n)
		return 0;
	/* Marks before the name: nothing with three letters in a row. */
	{
		size_t k, run = 0;
		for (k = 0; k < i; k++) {
			run = is_ascii_alpha(s[k]) ? run + 1 : 0;
			if (run >= 3)
				return 0;
		}
	}
	while (i < n && s[i] >= 'A' && s[i] <= 'Z') {
		size_t st = i;
		i++;
		while (i < n && (is_letter_or_utf8(s[i]) || s[i] == '-' || s[i] == '\'' || s[i] == '.'))
			i++;
		words++;
		last = s + st;
		nlast = i - st;
		while (i < n && s[i] == ' ')
			i++;
	}
	if (words < 2 || words > 4 || nlast < 2 || last[nlast - 1] == '.')
		return 0;
	{
		size_t run = 0;
		for (; i < n; i++) {
			run = is_ascii_alpha(s[i]) ? run + 1 : 0;
			if (run >= 3)
				return 0;
		}
	}
	*sur = last;
	*nsur = nlast;
	return 1;
}

/* The surname of the first author of an author line, or NULL. */
static char *author_line(const char *s, size_t n)
{
	const char *first = NULL, *sur, *p = s, *end = s + n;
	size_t nfirst = 0, nsur, names = 0;
	if (n > 2000)
		return NULL;
	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *q = comma ? comma : end, *and;
		/* "... Wang and Lilong Jiang": " and " splits an item too. */
		for (and = p; and + 5 <= q; and++)
			if (!memcmp(and, " and ", 5))
				break;
		if (and + 5 <= q)
			q = and;
		if (!author_name(p, (size_t)(q - p), &sur, &nsur))
			return NULL;
		if (!names++) {
			first = sur;
			nfirst = nsur;
		}
		p = q == and ? q + 5 : q + 1;
	}
	return names >= 3 ? xstrndup(first, nfirst) : NULL;
}

static void text_meta(const char *data, size_t len, struct paper_meta *out)
{
	size_t page = corpus_first_page(data, len), i, nl;
	const char *end, *start = cite_find_doi(data, data + page, &end);
	int cite_year = 0, other_year = 0;
	out->doi = start ? xstrndup(start, (size_t)(end - start)) : xstrdup("");
	out->title = xstrdup("");
	out->author = NULL;
	for (i = 0; i < page; i = nl + 1) {
		const char *l = data + i, *e = memchr(l, '\n', page - i);
		size_t n = e ? (size_t)(e - l) : page - i, k;
		int cite = line_has(l, n, "cite this"), dated = line_has(l, n, "received") ||
			line_has(l, n, "accepted") || line_has(l, n, "published") ||
			line_has(l, n, "copyright") || line_has(l, n, "\xC2\xA9");
		nl = i + n;
		for (k = 0; (cite || dated) && k < n; k++) {
			int y = year_at(l, k, n);
			if (y && cite && !cite_year)
				cite_year = y;
			if (y && dated && y > other_year)
				other_year = y;
		}
		if (!out->author)
			out->author = author_line(l, n);
	}
	if (!out->author)
		out->author = xstrdup("");
	if (cite_year || other_year) {
		struct buf b = BUF_INIT;
		buf_printf(&b, "%d", cite_year ? cite_year : other_year);
		out->year = buf_detach(&b, NULL);
	} else {
		out->year = xstrdup("");
	}
}

int corpus_paper_meta(const char *name, const char *ext, const char *data, size_t len,
		      struct paper_meta *out, struct diag *d)
{
	memset(out, 0, sizeof(*out));
	if (str_eq(ext, "xml") || str_eq(ext, "nxml")) {
		if (xml_meta(name, data, len, out, d) == 0)
			return 0;
		paper_meta_release(out);
		out->author = xstrdup("");
		out->year = xstrdup("");
		out->title = xstrdup("");
		out->doi = xstrdup("");
		return -1;
	}
	if (str_eq(ext, "pdf")) {
		out->author = xstrdup("");
		out->year = xstrdup("");
		out->title = xstrdup("");
		out->doi = xstrdup("");
		return 0;
	}
	text_meta(data, len, out);
	return 0;
}

static void ignore_diag(void *ctx, const struct diag_item *item)
{
	(void)ctx;
	(void)item;
}

int corpus_paper_meta_file(const char *path, struct paper_meta *out)
{
	size_t len;
	char *data = file_read_all(path, &len);
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	struct diag *quiet;
	int rc;
	if (!data) {
		memset(out, 0, sizeof(*out));
		out->author = xstrdup("");
		out->year = xstrdup("");
		out->title = xstrdup("");
		out->doi = xstrdup("");
		return -1;
	}
	quiet = diag_new_collect(ignore_diag, NULL);
	rc = corpus_paper_meta(path, dot && (!slash || dot > slash) ? dot + 1 : "", data, len, out,
			       quiet);
	diag_free(quiet);
	free(data);
	return rc;
}

void paper_meta_release(struct paper_meta *m)
{
	free(m->author);
	free(m->year);
	free(m->title);
	free(m->doi);
	memset(m, 0, sizeof(*m));
}
