/*
 * fuzz_pdf.c: fuzz target of the PDF reader's own layer, on top of
 * poppler, and of the extractor over the documents it makes.
 *
 * An input starting "%PDF" is read as a file (ingest_pdf: the checks for
 * truncation and bombs, then poppler).  Any other input is read as glyphs
 * laid out by ingest_pdf_glyphs, which is where nh3cat's code is: 8 bytes
 * a glyph (character, x, y, width, size, flags), so that the fuzzer
 * builds pages of columns, tables, scripts and margins directly.
 * Properties: the page lines lie inside the source text, in order, and
 * a document's table cells inside their table.
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

/* Characters the layout treats specially, and some plain ones. */
static const unsigned chars[] = {
	'\n', '\n', 'a', 'e', 'o', 'n', 's', 't', 'C', 'R', 'T', 'F', 'N', 'H', '0', '1',
	'2', '3', '9', '.', ',', '-', '/', '(', ')', '[', ']', ' ', 0xAD, 0x2212, 0x2010,
	0xFB01, 0xFB02, 0xF06D, 'm', 0xB0, 0x2080, 0x207B, 'g', 'i', 'u', 'b', 'l', 'r',
	'F', 'i', 'g', 'T', 'a', 'b', 'l', 'e', 'S', 'A', 'C', 'R', 'e', 'f', 's',
};

static struct document *glyph_document(const uint8_t *data, size_t size, struct diag *d)
{
	size_t n = size / 8, i, npages = 1, *npage;
	struct pdf_glyph *g = calloc(n + 1, sizeof(*g));
	struct document *doc;
	FUZZ_ASSERT(g != NULL);
	npage = calloc(n + 1, sizeof(*npage));
	FUZZ_ASSERT(npage != NULL);
	for (i = 0; i < n; i++) {
		const uint8_t *b = data + 8 * i;
		struct pdf_glyph *c = &g[i];
		float w = (float)(b[5] % 24) + 0.5f;
		c->cp = chars[b[0] % (sizeof(chars) / sizeof(chars[0]))];
		c->x1 = (float)(((unsigned)b[1] << 8 | b[2]) % 640);
		c->y1 = (float)(((unsigned)b[3] << 8 | b[4]) % 880);
		c->size = 1.0f + (float)(b[6] % 24);
		c->x2 = c->x1 + w;
		c->y2 = c->y1 + c->size * 1.17f;
		c->bold = b[7] & 1;
		c->symbol = (b[7] >> 1) & 1;
		npage[npages - 1]++;
		if ((b[7] & 0xF0) == 0xF0)
			npages++;
	}
	doc = ingest_pdf_glyphs("fuzz.pdf", "fuzz", 595, 842, g, npage, npages, d);
	free(g);
	free(npage);
	return doc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct extractor *ex;
	struct diag *d = diag_new_collect(drop_diag, NULL);
	struct document *doc;
	size_t i, j;

	if (size >= 4 && !memcmp(data, "%PDF", 4))
		doc = ingest_pdf("fuzz.pdf", "fuzz", (const char *)data, size, d);
	else
		doc = glyph_document(data, size, d);
	if (doc) {
		struct entry_set s;
		for (i = 0; i < doc->npage_lines; i++) {
			FUZZ_ASSERT(doc->page_lines[i].off <= doc->srclen);
			FUZZ_ASSERT(i == 0 || doc->page_lines[i - 1].off <= doc->page_lines[i].off);
			FUZZ_ASSERT(doc->page_lines[i].page >= 1 && doc->page_lines[i].line >= 1);
		}
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
