/*
 * document.h: the document model every reader produces and the extractor
 * reads: an ordered list of blocks (headings, paragraphs, captions,
 * tables, reference-list entries), each knowing where it came from.
 *
 * Two kinds of origin, so that readers of different formats produce the
 * same document and the extractor never asks which reader made it:
 *   - a text reader keeps the source bytes in the document; each block's
 *     text is a copy of source bytes starting at src_off (or mapped byte
 *     by byte through map), and locators are "L205" or "L93:C412";
 *   - the PDF reader writes the text it reads from the page glyphs as a
 *     source text and passes it to the text reader, then records where
 *     each line of each page starts in it (document_set_page_lines), so
 *     that locators are "p3:L12" (page 3, its 12th line of text);
 *   - a structured reader (XML) has no useful byte offsets; it sets path
 *     on each block ("/article/body/sec[3]/p[2]") and locator on table
 *     cells ("table1/r3"), and locators are those paths.
 * document_locate and document_cell_locate hide the difference.
 *
 * Block text is raw: as in the source (Unicode subscripts, LaTeX and all),
 * never normalized; normalization is a later stage with its own offset map.
 *
 * Ownership: the document owns every string and array below it; a reader
 * fills it through the document_add_* functions, which copy their inputs.
 */
#ifndef NH3CAT_DOCUMENT_H
#define NH3CAT_DOCUMENT_H

#include <stddef.h>

#include "buf.h"

/* src_off of a block or cell that has no byte offset in a source text. */
#define DOC_NO_OFFSET ((size_t)-1)

enum block_kind {
	BLOCK_HEADING,
	BLOCK_PARAGRAPH,
	BLOCK_CAPTION,     /* figure or scheme caption */
	BLOCK_TABLE,       /* text holds the caption; table the cells */
	BLOCK_REFERENCE,   /* one entry of the reference list; label its number */
	BLOCK_NKINDS
};

/* One table cell.  Rows and columns count from 0 over the whole table. */
struct cell {
	char *text;           /* raw cell text; "" when empty */
	size_t row, col;
	size_t rowspan, colspan;   /* 1 for a plain cell */
	size_t src_off;       /* offset of text[0] in the source, or DOC_NO_OFFSET */
	char *locator;        /* structured locator ("table1/r3/c2"), or NULL */
};

struct table {
	size_t nrows, ncols;
	size_t nheader;       /* rows 0 .. nheader-1 are header rows */
	struct cell *cells;   /* in row, then column order; spanned slots have no cell */
	size_t ncells, alloc;
	char **footnotes;     /* raw text of each footnote */
	size_t nfootnotes;
	size_t *row_src_off;  /* nrows offsets of the row starts, or NULL */
	char **row_locator;   /* nrows structured locators of rows, or NULL */
	int unordered;        /* cells are not in row, then column order (lookups scan all) */
	size_t max_rowspan;   /* the largest rowspan, once table_index ran; 0 before */
};

struct block {
	enum block_kind kind;
	char *text;           /* raw text (for a table: its caption, or "") */
	size_t len;
	size_t src_off;       /* offset of text[0] in the source, or DOC_NO_OFFSET */
	size_t *map;          /* len+1 source offsets of text bytes, or NULL: contiguous */
	char *path;           /* structured locator, or NULL */
	char *label;          /* "Table 1", "Fig. 2", the reference number "65"; or NULL */
	int level;            /* heading level (1 for "2.", 2 for "2.1"); else 0 */
	struct table *table;  /* BLOCK_TABLE only */
};

/* Where a line of a PDF page starts in the document's source text. */
struct page_line {
	size_t off;           /* source offset of the line's first byte */
	unsigned page, line;  /* 1-based page, and line on that page */
};

struct document {
	char *key;            /* document key: the file name stem, or --doc */
	char *name;           /* file name, for diagnostics */
	char *src;            /* source bytes (text readers), NUL-terminated; or NULL */
	size_t srclen;
	size_t *line_start;   /* offsets where lines start, for line:col */
	size_t nlines;
	struct block *blocks;
	size_t nblocks, alloc;
	struct page_line *page_lines;  /* PDF: sorted by off, or NULL */
	size_t npage_lines;
	struct line_cache *cache;   /* private to document.c: one thread per document */
};

/* A new empty document; src (copied, may be NULL) is the source text. */
struct document *document_new(const char *key, const char *name,
			      const char *src, size_t srclen);
void document_free(struct document *d);

/*
 * Append a block whose text is text[0..len) (copied); src_off as above.
 * Returns the block, valid until the next append.
 */
struct block *document_add_block(struct document *d, enum block_kind kind,
				 const char *text, size_t len, size_t src_off);
/* Set a block's label, or structured path (copied). */
void block_set_label(struct block *b, const char *label);
void block_set_path(struct block *b, const char *path);

/* Give a table block its table (empty), and return it. */
struct table *block_new_table(struct block *b);
/* Append a cell (text copied); returns it, valid until the next append. */
struct cell *table_add_cell(struct table *t, size_t row, size_t col,
			    const char *text, size_t len, size_t src_off);
void table_add_footnote(struct table *t, const char *text, size_t len);
/* Give row a structured locator ("table1/r3"), copied; rows are added first. */
void table_set_row_locator(struct table *t, size_t row, const char *locator);
/*
 * A reader calls this when its table is complete (spans set): the cells
 * are sorted into row, then column order and the largest rowspan noted,
 * so that table_cell_at costs a few binary searches, whatever the table's
 * shape.  Without it, lookups stay right but may look back over every row.
 */
void table_index(struct table *t);
/*
 * The cell covering (row, col), following row and column spans, or NULL
 * when no cell covers it.
 */
const struct cell *table_cell_at(const struct table *t, size_t row, size_t col);
/*
 * The columns row may have cells in: one past its last cell, or ncols when
 * a cell of a row above may span down into it.  Loops over a row's
 * columns stop there, so that one wide row does not make every row wide.
 */
size_t table_row_width(const struct table *t, size_t row);

/*
 * Give a document read from a PDF its page lines (n entries sorted by
 * off; the document takes the array, allocated with xmalloc): locators
 * become "p<page>:L<line>".
 */
void document_set_page_lines(struct document *d, struct page_line *lines, size_t n);

/* 1-based line and column (in characters) of a source offset. */
void document_line_col(const struct document *d, size_t off,
		       long *line /* OUT */, long *col /* OUT */);
/*
 * Append to out the locator of byte off of block b's text: the block's
 * path when it has one, else "L<line>" or, with_col, "L<line>:C<col>"
 * ("p<page>:L<line>" for a document with page lines).
 */
void document_locate(const struct document *d, const struct block *b, size_t off,
		     int with_col, struct buf *out);
/*
 * Append to out the locator of a table row: the row's structured locator,
 * else "L<line>" of the row start, else the block's locator.
 */
void document_row_locate(const struct document *d, const struct block *b, size_t row,
			 struct buf *out);

/*
 * Write a readable dump of the document's structure to out: one line per
 * block (kind, locator, label, first characters), then table cells.  Used
 * by "nh3cat extract --dump" and the ingest tests.
 */
void document_dump(const struct document *d, struct buf *out);

#endif
