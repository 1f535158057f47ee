/*
 * fuzz_xml.c: fuzz target of the XML reader (ingest_xml, over xmlsafe) and
 * of the extractor over the documents it makes.  Properties: nothing
 * external is ever requested successfully, and a document's table cells
 * lie inside their table.
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

static void drop_diag(void *ctx, const struct diag_item *item)
{
	(void)ctx;
	(void)item;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct extractor *ex;
	struct diag *d = diag_new_collect(drop_diag, NULL);
	struct document *doc = ingest_xml("fuzz.xml", "fuzz", (const char *)data, size, d);
	size_t i, j;

	if (doc) {
		struct entry_set s;
		for (i = 0; i < doc->nblocks; i++) {
			const struct table *t = doc->blocks[i].table;
			if (!t)
				continue;
			for (j = 0; j < t->ncells; j++)
				FUZZ_ASSERT(t->cells[j].row < t->nrows && t->cells[j].col < t->ncols);
		}
		if (!ex)
			ex = extractor_new();
		entry_set_init(&s);
		extractor_run(ex, doc, &s);
		entry_set_release(&s);
		document_free(doc);
	}
	diag_free(d);
	return 0;
}
