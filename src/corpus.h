/*
 * corpus.h: the corpus store and the merging of entries that keeps a
 * curator's work.
 *
 * A corpus is a folder holding papers/KEY.txt|.xml (the source documents,
 * never changed once added) and entries/KEY.csv (their entries).  Every
 * write goes through file_write_atomic, so a crash leaves each file either
 * as it was or whole in its new form.
 *
 * Who owns a row.  A row is the curator's when its status is anything but
 * "extracted" (reviewed, rejected, or a value nh3cat does not know) or when
 * its note is not empty; the curator's rows are never changed, moved or
 * dropped, and are written back byte for byte.  The other rows ("extracted",
 * no note) belong to the extractor: a fresh extraction refreshes them.
 *
 * When two entries state the same fact (corpus_entry_match):
 *   - the same doc, and the same catalyst once folded (ASCII letters and
 *     digits only, case ignored: "Co-N-C" = "CoNC" = "co n c"), and
 *   - either the same conditions (temperature within 0.5 degC, pressure
 *     within 0.5 %, both empty counting as equal) and at least one quantity
 *     (whsv, rates, rate metal, TOF, Ea) given by both with every quantity
 *     given by both within 0.5 %,
 *   - or the same source and non-empty locator with the same set of
 *     quantity columns filled and either the conditions or the quantities
 *     equal as above (the curator corrected one of the two).
 */
#ifndef NH3CAT_CORPUS_H
#define NH3CAT_CORPUS_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "entry.h"

/*
 * Row identity.  A candidate is identified by where it was read: its
 * source, locator and the result quantities it carries (corpus_origin
 * appends "text L93:C411 rate_mmol_gcat_h+tof_s" to out), never by its
 * catalyst name or values.  The merge writes it into the column origin
 * ("#2", "#3" ... for later candidates of the same place), so that a row
 * keeps its identity whatever a curator edits: an extractor's candidate of
 * the origin of a curator's row is that row, and is left out.  A row
 * without an origin is identified by its fields.
 */
#define CORPUS_ORIGIN_COL "origin"
void corpus_origin(const struct entry *e, struct buf *out);

/* 1 when the row belongs to the curator (see above). */
int corpus_row_is_curated(const struct entry *e);

/* 1 when a and b state the same fact (see above). */
int corpus_entry_match(const struct entry *a, const struct entry *b);

/* What a merge did, for the command's report. */
struct corpus_merge_stats {
	size_t curated;     /* curator's rows kept as they were */
	size_t unchanged;   /* extractor's rows the fresh extraction gave again */
	size_t refreshed;   /* extractor's rows replaced in place by a newer reading */
	size_t dropped;     /* extractor's rows the fresh extraction no longer gives */
	size_t added;       /* new candidates appended */
	size_t duplicates;  /* candidates skipped: a curator's row states them */
};

/*
 * Merge a fresh extraction of document key into cur, the entries of that
 * document as the corpus holds them (empty for a new document):
 *   - the curator's rows stay where they are, byte for byte;
 *   - a fresh candidate that states the same fact as a curator's row, is
 *     equal to one but for the id, or has the origin of one, is left out
 *     (a duplicate);
 *   - an extractor's row that another fresh candidate gives again (every
 *     field but id equal) stays byte for byte; one given again in another
 *     reading (the same origin) is replaced in place, keeping its id; one
 *     no longer given is dropped;
 *   - every other fresh candidate is appended in extraction order with the
 *     id KEY:N, N one more than the largest N in cur;
 *   - a fresh row that is already a curator's row (possible with rows
 *     from a CSV made elsewhere) is appended unless a curator's row of
 *     cur states it, and the other candidates are checked against it as
 *     against a curator's row of cur;
 *   - cur keeps its columns, plus origin (filled from the fields of every
 *     row when cur lacks the column); extra columns of fresh that cur lacks
 *     are left out (an empty cur takes fresh's columns).
 * Merging the same extraction twice leaves cur as the first merge left it.
 */
void corpus_merge_extraction(struct entry_set *cur, const struct entry_set *fresh,
			     const char *key, struct corpus_merge_stats *st /* OUT, may be NULL */);

/*
 * Append the rows of in to out, as "nh3cat merge" does over shards: rows
 * keep their input order; a row equal to one already in out (every field)
 * is skipped; an extractor's row that states the same fact as a curator's
 * row already in out, or has its origin (same doc), is skipped; a
 * curator's row replaces in place an extractor's row of out that states
 * the same fact or has the same origin.  out's columns become
 * the union of both (in order of first appearance); rows of a file with the
 * same columns keep their bytes.  Returns the number of rows skipped or
 * replaced.
 */
size_t corpus_merge_rows(struct entry_set *out, const struct entry_set *in);

/*
 * Document key from a file name: its stem ("papers/peng2024.txt" ->
 * "peng2024").  Also checks a key given by the user.  A key is 1 to 100
 * of A-Z a-z 0-9 . _ - and does not start with '.' or '-'.
 * corpus_key_valid returns 1 or 0; corpus_key_from_doi turns
 * "10.1039/D4SC01234A" into "10.1039_d4sc01234a" (characters outside the
 * key alphabet become '_'), or returns NULL when nothing usable is left.
 */
int corpus_key_valid(const char *key);
char *corpus_key_from_path(const char *path);
char *corpus_key_from_doi(const char *doi);

/*
 * What a paper says of itself, the one place that reads it: the first
 * author's surname, the year, the title and the DOI.  Strings are "" when
 * unknown; release with paper_meta_release.
 *
 *   XML (ext "xml"): the front matter, never a reference list: JATS
 *     article-id of type doi, article-title, the first contrib's surname,
 *     pub-date's year; Elsevier prism:doi, xocs:doi or ce:doi, dc:title,
 *     the first ce:author's surname (or dc:creator "Surname, A."),
 *     prism:coverDate's year.
 *   text (any other ext but "pdf"): its first page (up to the first form
 *     feed, 16 KiB at most, never into its reference list): the first DOI;
 *     the year of its "Cite this" line, else the latest year of its
 *     received / accepted / published / copyright lines; the first name of
 *     its author line (three or more names separated by commas or "and").
 *   PDF: nothing (its text is the PDF reader's business).
 *
 * Returns 0, or -1 when XML does not parse (its diagnostics go to d).
 */
/*
 * The first page of a text paper, data[0..return): up to its first form
 * feed (pdftotext's page break), at most CORPUS_FIRST_PAGE bytes, and never
 * into its reference list.
 */
#define CORPUS_FIRST_PAGE 16384
size_t corpus_first_page(const char *data, size_t len);

struct paper_meta {
	char *author;
	char *year;
	char *title;
	char *doi;
};
int corpus_paper_meta(const char *name, const char *ext, const char *data, size_t len,
		      struct paper_meta *out /* OUT */, struct diag *d);
/* The same for the file path (its extension says the kind); quiet; -1 unreadable. */
int corpus_paper_meta_file(const char *path, struct paper_meta *out /* OUT */);
void paper_meta_release(struct paper_meta *m);

/*
 * Check that data holds a paper nh3cat can read: UTF-8 text without NUL
 * bytes, no line longer than CORPUS_MAX_LINE, no more than CORPUS_MAX_SIZE
 * bytes.  Returns 0, or -1 after printing "NAME:LINE:COL: error: ...".
 */
#define CORPUS_MAX_SIZE ((size_t)64 << 20)
#define CORPUS_MAX_LINE ((size_t)4 << 20)
int corpus_check_text(const char *name, const char *data, size_t len);

/*
 * The papers stored in ROOT: paths "ROOT/papers/KEY.EXT" in name order,
 * *n of them (an empty list when there are none).  Caller frees each
 * path and the array.
 */
char **corpus_papers(const char *root, size_t *n /* OUT */);

/*
 * Create the corpus folder ROOT with its papers/ and entries/ (those that
 * are missing).  Returns 0 or -1 (printed).
 */
int corpus_make(const char *root);

/*
 * Store a paper's bytes as ROOT/papers/KEY.EXT (corpus_make first).  When a paper of that key is already there (any
 * extension): the same bytes set *existed and return 0; other bytes are an
 * error, and the stored paper is left alone.  Returns 0 or -1 (printed).
 */
int corpus_store_paper(const char *root, const char *key, const char *ext,
		       const char *data, size_t len, int *existed /* OUT */);

/*
 * Read a regular file of at most max bytes whole (NUL-terminated; *len
 * excludes the NUL).  Folders, devices, pipes and larger files are refused
 * with "PATH: error: ..." and NULL.
 */
char *corpus_read_file(const char *path, size_t max, size_t *len /* OUT */);

#endif
