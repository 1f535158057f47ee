/*
 * cite.h: citations in running text and the entries of a reference list.
 *
 * Citation markers come in many shapes after PDF-to-text conversion:
 * superscript digits ("et al.⁷²", "NH₃.⁷²"), LaTeX superscripts
 * ("^{81,82}", "^{47–49}"), canonical markers ("[cite:72]", from the
 * normalizer), brackets ("[12]", "[12,13]", "[12–14]") and bare digits
 * glued to a full stop or a closing parenthesis ("method.65 Next",
 * "kJ mol⁻¹),66,67 indicating").  cite_scan finds all of them, on raw or
 * canonical text, without mistaking decimals ("0.36"), units ("h⁻¹") or
 * formulas ("Co₂") for citations.
 */
#ifndef NH3CAT_CITE_H
#define NH3CAT_CITE_H

#include <stddef.h>

#include "buf.h"
#include "document.h"

#define CITE_MAX_NUMS 16

struct cite_mark {
	size_t start, end;         /* the marker's bytes in the text scanned */
	size_t n;                  /* numbers cited, ranges expanded */
	long nums[CITE_MAX_NUMS];
};

/*
 * Find citation markers in text[0..len); writes at most max of them to
 * marks and returns how many were found (which may exceed max).
 */
size_t cite_scan(const char *text, size_t len, struct cite_mark *marks, size_t max);

/*
 * All the markers of text[0..len) in a new array (free it), *n of them:
 * scanned into a small array first, and again into one of their number
 * when there are more (an array for the most a text could hold would
 * cost 76 bytes per byte of text).
 */
struct cite_mark *cite_scan_all(const char *text, size_t len, size_t *n /* OUT */);

/* "81;82" for a mark (the ref column's form), appended to out. */
void cite_format(const struct cite_mark *m, struct buf *out);

/* One parsed entry of a reference list.  Strings are "" when unknown. */
struct ref_entry {
	long num;
	char *authors;   /* "Z. W. Seh; J. Kibsgaard; ..." */
	char *title;
	char *journal;
	char *year;
	char *volume;
	char *pages;
	char *doi;
};

/*
 * Parse the raw text of one reference ("- 65 X. Wang, ..., Title, *ACS
 * Catal.*, 2020, **10**, 9504–9514.").  num is the entry's number when the
 * caller knows it (else 0: read from the text).  Never fails: what is not
 * recognised stays empty.
 */
void ref_parse(const char *text, long num, struct ref_entry *r /* OUT */);
void ref_release(struct ref_entry *r);

/*
 * The first DOI in s[0..e): "10." and 4 or more digits, '/', then printable
 * ASCII up to a blank or comma, without a final '.' or ';'; one that a line
 * break cuts (it ends in '-' or '/', or in '.' before a zero-width break)
 * is passed over.  Returns its start and sets *end, or returns NULL.
 */
const char *cite_find_doi(const char *s, const char *e, const char **end /* OUT */);

/* The header row of the reference CSV: ref,authors,title,journal,year,volume,pages,doi. */
void refs_csv_header(struct buf *out);
/* Append one CSV row per BLOCK_REFERENCE of doc. */
void refs_csv_append(const struct document *doc, struct buf *out);

/*
 * A sentence of the source document's text that cites references: validate's
 * ref-mismatch rule compares a table's reference number for a catalyst
 * with those of the sentences that name it.
 */
#define TEXT_CITE_MAX_REFS 16
struct text_cite {
	char *sentence;     /* the sentence as written */
	long line;          /* its line in a text document, or 0 */
	char *path;         /* its structured locator (XML), or NULL */
	long refs[TEXT_CITE_MAX_REFS];
	size_t nrefs;
};

#endif
