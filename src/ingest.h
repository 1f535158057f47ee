/*
 * ingest.h: readers that turn a paper file into a struct document.
 *
 * Each reader is a descriptor {name, file name extensions, read}; the
 * plain-text reader (ingest_text.c) takes PDF-to-text output and Markdown.
 * A reader checks its input (UTF-8, no NUL bytes, a size limit) and
 * reports a problem as "FILE:LINE:COL: error: [rule] message" through the
 * diag given; it then returns NULL, and the command exits with status 2.
 *
 * Writing a reader (XML, say): the extractor reads only the document, so
 * a reader makes the same blocks the text reader does, in reading order:
 *   - headings, paragraphs and figure captions as blocks with their text,
 *     block_set_path("/article/body/sec[3]/p[2]") and DOC_NO_OFFSET;
 *   - markup as the text reader would see it: <sub>3</sub> as "_{3}",
 *     <sup>-1</sup> as "^{-1}", a citation <xref ref-type="bibr"> as
 *     "[cite:72]" (or "[cite:81,82]"), so that normalize.h folds it;
 *   - a table as a BLOCK_TABLE block whose text is its caption and whose
 *     label is "Table 1"; cells through table_add_cell with rowspan and
 *     colspan set (morerows/namest), nheader the rows of <thead>,
 *     footnotes through table_add_footnote, and table_set_row_locator
 *     ("table1/r3") once the cells are in, so that each row's entries
 *     point at it;
 *   - each reference-list entry as a BLOCK_REFERENCE block labelled with
 *     its number, its text as it would print ("A. B. Author, Title,
 *     J. Catal., 2020, 1, 1-2.").
 * Then add the descriptor to readers[] in ingest.c.
 */
#ifndef NH3CAT_INGEST_H
#define NH3CAT_INGEST_H

#include <stddef.h>

#include "diag.h"
#include "document.h"

/* Largest input a reader accepts, in bytes. */
#define INGEST_MAX_BYTES ((size_t)64 << 20)

struct reader {
	const char *name;                  /* "text" */
	const char *const *exts;           /* NULL-terminated: ".txt", ".md" */
	/* Read data[0..len) of file name into a new document with key. */
	struct document *(*read)(const char *name, const char *key,
				 const char *data, size_t len, struct diag *d);
};

extern const struct reader reader_text;
extern const struct reader reader_xml;    /* ingest_xml.c: JATS, Elsevier full text */
extern const struct reader reader_pdf;    /* ingest_pdf.c: born-digital PDF (poppler) */

/* The reader for a file name (by extension); NULL when none fits. */
const struct reader *ingest_find_reader(const char *path);

/*
 * Read a file with the reader its extension names (text when none does),
 * under document key (NULL: the file's stem).
 */
struct document *ingest_file(const char *path, const char *key, struct diag *d);
/* The same for the file's bytes data[0..len), already in memory. */
struct document *ingest_data(const char *path, const char *key, const char *data, size_t len,
			     struct diag *d);

/* Plain text / Markdown reader, callable on bytes in memory. */
struct document *ingest_text(const char *name, const char *key,
			     const char *data, size_t len, struct diag *d);

/*
 * XML reader (JATS or Elsevier full text), callable on bytes in memory.
 * The document's blocks carry paths, its table cells tableN/rR/cC.
 */
struct document *ingest_xml(const char *name, const char *key,
			    const char *data, size_t len, struct diag *d);

/*
 * PDF reader, callable on bytes in memory: the text layer read page by
 * page into the text the text reader reads; locators "p3:L12".
 */
struct document *ingest_pdf(const char *name, const char *key,
			    const char *data, size_t len, struct diag *d);

/*
 * The text of a PDF's first page as poppler gives it, every line of it
 * (running heads and margins too, where papers print their DOI), for the
 * caller to free; "" when the page has none.  NULL, after saying why in
 * d, when the file is not a PDF nh3cat reads (ingest_pdf's checks).
 */
char *ingest_pdf_first_page(const char *name, const char *data, size_t len, struct diag *d);

/*
 * One character of a PDF page as poppler gives it, for tests and the fuzz
 * target, which lay out glyphs without a PDF: a '\n' ends one of the
 * page's lines; spaces are ignored (word gaps are measured).
 */
struct pdf_glyph {
	unsigned cp;            /* Unicode code point */
	float x1, y1, x2, y2;   /* box in points, y down */
	float size;             /* font size */
	int bold, symbol;       /* from a bold font; from a symbol font */
	const char *font;       /* the font's name, or NULL (codes of some fonts are mapped) */
};

/*
 * Lay out npages pages of width x height points whose glyphs follow each
 * other in g (npage[i] of them on page i) as ingest_pdf lays out a PDF's.
 */
struct document *ingest_pdf_glyphs(const char *name, const char *key, float width,
				   float height, const struct pdf_glyph *g,
				   const size_t *npage, size_t npages, struct diag *d);

/* The key of a path: its file name without folders and extension. */
char *ingest_key_from_path(const char *path);

#endif
