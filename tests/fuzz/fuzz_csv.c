/*
 * fuzz_csv.c: fuzz target of the entries CSV reader (entries_parse) and of
 * the merges built on it.  Properties: a file read without error is
 * written back byte for byte; merging a set into itself as a fresh
 * extraction, twice, changes nothing the second time; merging rows never
 * loses a curator's row.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "diag.h"
#include "entry.h"
#include "fuzz.h"

static void drop_diag(void *ctx, const struct diag_item *item)
{
	(void)ctx;
	(void)item;
}

/* Some row of out holds the fields of e (id aside; out has e's columns). */
static int has_row(const struct entry_set *out, const struct entry *e)
{
	size_t i, k;
	for (i = 0; i < out->n; i++) {
		const struct entry *o = &out->v[i];
		int same = o->nextra == e->nextra;
		for (k = 1; same && k < ENTRY_NCOLS; k++)
			same = strcmp(o->f[k], e->f[k]) == 0;
		for (k = 0; same && k < e->nextra; k++)
			same = strcmp(o->extra[k], e->extra[k]) == 0;
		if (same)
			return 1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag *d = diag_new_collect(drop_diag, NULL);
	struct entry_set s, cur, out;
	struct buf a = BUF_INIT, b = BUF_INIT;
	int rc;

	entry_set_init(&s);
	rc = entries_parse("fuzz.csv", (const char *)data, size, &s, d);
	entries_format(&s, &a);
	if (rc == 0) {
		FUZZ_ASSERT(a.len == size);
		FUZZ_ASSERT(memcmp(buf_str(&a), data, size) == 0);
	}

	/* The rows as a fresh extraction of "k", merged twice into an empty file. */
	entry_set_init(&cur);
	corpus_merge_extraction(&cur, &s, "k", NULL);
	buf_reset(&a);
	entries_format(&cur, &a);
	corpus_merge_extraction(&cur, &s, "k", NULL);
	entries_format(&cur, &b);
	FUZZ_ASSERT(a.len == b.len && memcmp(buf_str(&a), buf_str(&b), a.len) == 0);

	/* Shards: the set twice; a curator's row is never lost. */
	entry_set_init(&out);
	corpus_merge_rows(&out, &s);
	corpus_merge_rows(&out, &s);
	for (size_t i = 0; i < s.n; i++)
		if (corpus_row_is_curated(&s.v[i]))
			FUZZ_ASSERT(has_row(&out, &s.v[i]));

	buf_release(&a);
	buf_release(&b);
	entry_set_release(&s);
	entry_set_release(&cur);
	entry_set_release(&out);
	diag_free(d);
	return 0;
}
