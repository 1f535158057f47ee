/*
 * fuzz_text.c: fuzz target of the text normalizer (normalize_text), and
 * of what reads a text paper after it: the plain-text reader and the
 * extractor.  Properties of normalize_text: its output is UTF-8 with a
 * NUL at len, and its map is non-decreasing, ends at the source length
 * and points inside the source.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "document.h"
#include "entry.h"
#include "extract.h"
#include "fuzz.h"
#include "ingest.h"
#include "normalize.h"
#include "utf8.h"

static void drop_diag(void *ctx, const struct diag_item *item)
{
	(void)ctx;
	(void)item;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct extractor *ex;
	const char *src = (const char *)data;
	struct normtext nt;
	struct diag *d;
	struct document *doc;
	size_t i;

	normtext_init(&nt);
	normalize_text(src, size, &nt);
	FUZZ_ASSERT(nt.text[nt.len] == '\0');
	FUZZ_ASSERT(utf8_validate(nt.text, nt.len) == nt.len);
	FUZZ_ASSERT(nt.map[nt.len] == size);
	for (i = 0; i < nt.len; i++) {
		FUZZ_ASSERT(nt.map[i] <= size);
		FUZZ_ASSERT(nt.map[i] <= nt.map[i + 1]);
	}
	normtext_release(&nt);

	d = diag_new_collect(drop_diag, NULL);
	doc = ingest_text("fuzz.txt", "fuzz", src, size, d);
	if (doc) {
		struct entry_set s;
		if (!ex)
			ex = extractor_new();
		entry_set_init(&s);
		extractor_run(ex, doc, &s);
		for (i = 0; i < s.n; i++)
			FUZZ_ASSERT(utf8_validate(s.v[i].f[COL_EVIDENCE], strlen(s.v[i].f[COL_EVIDENCE])) ==
				    strlen(s.v[i].f[COL_EVIDENCE]));
		entry_set_release(&s);
		document_free(doc);
	}
	diag_free(d);
	return 0;
}
