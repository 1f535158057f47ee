/*
 * report_sources.c: where a report's rows come from.  Each document key
 * becomes a source with a label (first author and year, "Peng 2024",
 * "Peng 2024a" and "Peng 2024b" when two papers share them, one label for
 * the documents of one DOI; the key when the paper says nothing of
 * itself), and with the entries of its reference
 * list that its rows cite, for the bibliography.
 *
 * The paper's own metadata comes from the caller (the report's hook: the
 * command reads the paper beside ROOT/entries/KEY.csv, corpus.h); the reference
 * list from ROOT/refs/KEY.csv (corpus_layout.h); DOIs of cited papers
 * also from the entries' ref_doi column.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus.h"
#include "corpus_layout.h"
#include "csvtab.h"
#include "hashidx.h"
#include "report_int.h"
#include "report_sources.h"

static void source_init(struct rpt_source *s, const char *doc)
{
	memset(s, 0, sizeof(*s));
	s->doc = xstrdup(doc);
	s->author = xstrdup("");
	s->year = xstrdup("");
	s->title = xstrdup("");
	s->doi = xstrdup("");
	s->label = xstrdup(doc);
}

static void source_release(struct rpt_source *s)
{
	size_t i;
	free(s->doc);
	free(s->author);
	free(s->year);
	free(s->title);
	free(s->doi);
	free(s->label);
	for (i = 0; i < s->nrefs; i++) {
		free(s->refs[i].text);
		free(s->refs[i].doi);
	}
	free(s->refs);
}

/* The source of document doc, made when new. */
static struct rpt_source *source_get(struct report_data *d, const char *doc)
{
	uint64_t h = hash64_str(HASH_INIT, doc);
	size_t pos = SIZE_MAX, j;
	while ((j = hashidx_next(&d->source_ix, h, &pos)) != SIZE_MAX)
		if (str_eq(d->sources[j].doc, doc))
			return &d->sources[j];
	d->sources = xgrow(d->sources, &d->asources, d->nsources + 1, sizeof(*d->sources));
	source_init(&d->sources[d->nsources], doc);
	hashidx_put(&d->source_ix, h, d->nsources);
	return &d->sources[d->nsources++];
}

const struct rpt_source *rpt_source_of(const struct report_data *d, const char *doc)
{
	uint64_t h = hash64_str(HASH_INIT, doc);
	size_t pos = SIZE_MAX, j;
	while ((j = hashidx_next(&d->source_ix, h, &pos)) != SIZE_MAX)
		if (str_eq(d->sources[j].doc, doc))
			return &d->sources[j];
	return NULL;
}

/* The reference numbered num of s, made when new. */
static struct rpt_ref *ref_get(struct rpt_source *s, long num)
{
	size_t i;
	for (i = 0; i < s->nrefs; i++)
		if (s->refs[i].num == num)
			return &s->refs[i];
	s->refs = xgrow(s->refs, &s->arefs, s->nrefs + 1, sizeof(*s->refs));
	memset(&s->refs[s->nrefs], 0, sizeof(*s->refs));
	s->refs[s->nrefs].num = num;
	s->refs[s->nrefs].text = xstrdup("");
	s->refs[s->nrefs].doi = xstrdup("");
	return &s->refs[s->nrefs++];
}

/* A reference number of the ref column ("95"), or 0. */
static long ref_num(const char *s, size_t n)
{
	long v = 0;
	size_t i;
	if (n == 0 || n > 6)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * One entry of a parsed reference list as a line: "X. Wang, X. Peng,
 * W. Chen et al., Title, Nat. Commun., 2020, 11, 653–663" (three authors
 * at most).
 */
static void ref_text(const struct csvtab *t, size_t r, struct buf *out)
{
	static const char *const parts[] = { "title", "journal", "year", "volume", "pages" };
	const char *a = csvtab_get(t, r, csvtab_col(t, "authors"));
	size_t i, nauth = 0;
	if (a && *a) {
		const char *p = a;
		while (*p) {
			const char *e = strchr(p, ';');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			while (n && *p == ' ') {
				p++;
				n--;
			}
			if (nauth == 3) {
				buf_addstr(out, " et al.");
				break;
			}
			if (nauth)
				buf_addstr(out, ", ");
			buf_add(out, p, n);
			nauth++;
			p += n;
			if (*p == ';')
				p++;
		}
	}
	for (i = 0; i < ARRAY_SIZE(parts); i++) {
		const char *v = csvtab_get(t, r, csvtab_col(t, parts[i]));
		if (!v || !*v)
			continue;
		if (out->len)
			buf_addstr(out, ", ");
		buf_addstr(out, v);
	}
}

static void ignore_diag(void *ctx, const struct diag_item *item)
{
	(void)ctx;
	(void)item;
}

/* ROOT/refs/KEY.csv into s's references. */
static void read_refs(struct rpt_source *s, const char *path)
{
	struct csvtab t = CSVTAB_INIT;
	struct diag *quiet;
	struct stat st;
	size_t r;
	int cref, cdoi;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	quiet = diag_new_collect(ignore_diag, NULL);
	if (csvtab_read(path, &t, quiet) == 0 && (cref = csvtab_col(&t, "ref")) >= 0) {
		cdoi = csvtab_col(&t, "doi");
		for (r = 0; r < t.nrows; r++) {
			const char *n = csvtab_get(&t, r, cref);
			long num = ref_num(n, strlen(n));
			struct rpt_ref *ref;
			struct buf b = BUF_INIT;
			if (!num)
				continue;
			ref = ref_get(s, num);
			ref_text(&t, r, &b);
			free(ref->text);
			ref->text = buf_detach(&b, NULL);
			if (cdoi >= 0 && *csvtab_get(&t, r, cdoi)) {
				free(ref->doi);
				ref->doi = xstrdup(csvtab_get(&t, r, cdoi));
			}
		}
	}
	csvtab_release(&t);
	diag_free(quiet);
}

/* The DOIs of the ref_doi column, paired with the numbers of the ref column. */
static void note_ref_dois(struct report_data *d, const struct entry_set *set)
{
	size_t k, i;
	for (k = 0; k < set->nextra; k++)
		if (str_eq(set->extra_names[k], "ref_doi"))
			break;
	if (k == set->nextra)
		return;
	for (i = 0; i < set->n; i++) {
		const struct entry *e = &set->v[i];
		const char *r = entry_get(e, COL_REF), *o = k < e->nextra ? e->extra[k] : "";
		struct rpt_source *s;
		if (!*r || !o || !*o)
			continue;
		s = source_get(d, entry_get(e, COL_DOC));
		while (*r && *o) {
			size_t nr = strcspn(r, ";"), no = strcspn(o, ";");
			long num = ref_num(r, nr);
			if (num && no) {
				struct rpt_ref *ref = ref_get(s, num);
				if (!*ref->doi) {
					free(ref->doi);
					ref->doi = xstrndup(o, no);
				}
			}
			r += nr + (r[nr] == ';');
			o += no + (o[no] == ';');
		}
	}
}

void rpt_sources_note_file(struct report_data *d, const char *path, const struct entry_set *set,
			   struct paper_meta *meta)
{
	char *root, *key;
	if (corpus_split_entries_path(path, &root, &key) == 0) {
		struct rpt_source *s = source_get(d, key);
		char *refs = corpus_refs_path(root, key);
		if (meta && !s->have_meta) {
			free(s->author);
			free(s->year);
			free(s->title);
			free(s->doi);
			s->author = meta->author;
			s->year = meta->year;
			s->title = meta->title;
			s->doi = meta->doi;
			memset(meta, 0, sizeof(*meta));
			s->have_meta = 1;
		}
		if (!s->nrefs)
			read_refs(s, refs);
		free(refs);
		free(root);
		free(key);
	}
	note_ref_dois(d, set);
}

static const struct rpt_source *cmp_base;

/* By author, year, then key: the order of the a, b suffixes and of the bibliography. */
static int cmp_source(const void *pa, const void *pb)
{
	const struct rpt_source *a = &cmp_base[*(const size_t *)pa], *b = &cmp_base[*(const size_t *)pb];
	int c = strcmp(a->author, b->author);
	if (c)
		return c;
	if ((c = strcmp(a->year, b->year)) != 0)
		return c;
	if ((c = str_casecmp(a->doi, b->doi)) != 0)
		return c;
	return strcmp(a->doc, b->doc);
}

/* Two documents are one paper when they give the same DOI (its text and its XML). */
static int same_paper(const struct rpt_source *a, const struct rpt_source *b)
{
	return *a->doi && !str_casecmp(a->doi, b->doi);
}

void rpt_sources_finish(struct report_data *d)
{
	size_t i, j, k, *ix;
	for (i = 0; i < d->nrows; i++)
		(void)source_get(d, entry_get(d->rows[i].e, COL_DOC));
	/*
	 * Labels: author and year; a, b ... in DOI and key order when several
	 * papers share them.  The renderings of one paper share its label.
	 */
	ix = xcalloc(d->nsources + 1, sizeof(*ix));
	for (i = 0; i < d->nsources; i++)
		ix[i] = i;
	cmp_base = d->sources;
	qsort(ix, d->nsources, sizeof(*ix), cmp_source);
	for (i = 0; i < d->nsources; i = j) {
		struct rpt_source *s = &d->sources[ix[i]];
		size_t npapers = 1, paper = 0;
		for (j = i + 1; j < d->nsources && *s->author && *s->year &&
		     str_eq(d->sources[ix[j]].author, s->author) &&
		     str_eq(d->sources[ix[j]].year, s->year); j++)
			npapers += !same_paper(&d->sources[ix[j - 1]], &d->sources[ix[j]]);
		for (k = i; k < j; k++) {
			struct rpt_source *t = &d->sources[ix[k]];
			struct buf b = BUF_INIT;
			if (k > i && !same_paper(&d->sources[ix[k - 1]], t))
				paper++;
			if (*t->author && *t->year) {
				buf_printf(&b, "%s %s", t->author, t->year);
				if (npapers > 1 && paper < 26)
					buf_addch(&b, (char)('a' + paper));
				else if (npapers > 1)
					buf_printf(&b, "-%zu", paper + 1);
			} else {
				buf_addstr(&b, t->doc);
			}
			free(t->label);
			t->label = buf_detach(&b, NULL);
		}
	}
	free(ix);
	for (i = 0; i < d->nrows; i++)
		d->rows[i].paper = rpt_source_of(d, entry_get(d->rows[i].e, COL_DOC))->label;
}

void rpt_sources_release(struct report_data *d)
{
	size_t i;
	for (i = 0; i < d->nsources; i++)
		source_release(&d->sources[i]);
	free(d->sources);
	hashidx_release(&d->source_ix);
}
