/*
 * extract.h: catalyst performance entries from a document.
 *
 * An extractor owns the compiled patterns (PCRE2, JIT when available) and
 * their match data; make one per thread.  It reads any struct document,
 * whatever reader made it: prose from paragraphs and captions, rows from
 * tables, and writes entries (schema v2, status "extracted") in document
 * order, with ids KEY:N numbered from 1 in each document.
 */
#ifndef NH3CAT_EXTRACT_H
#define NH3CAT_EXTRACT_H

#include "diag.h"
#include "document.h"
#include "entry.h"

struct extractor;

/* Compile the patterns; dies on a pattern error (a bug, not an input error). */
struct extractor *extractor_new(void);
void extractor_free(struct extractor *ex);

/*
 * Where extractor_run reports a value of the prose it skips because no
 * entry can hold it (units.h: a number that overflows or underflows, a
 * temperature below absolute zero): FILE:LINE:COL: warning:
 * [value-skipped] ... to d, until the next call.  NULL, the default:
 * skipped silently.  d is borrowed.
 */
void extractor_set_diag(struct extractor *ex, struct diag *d);

/* Append the entries of doc to set.  Returns how many were added. */
size_t extractor_run(struct extractor *ex, const struct document *doc, struct entry_set *set);

#endif
