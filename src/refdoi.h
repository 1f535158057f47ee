/*
 * refdoi.h: resolving an entry's cited reference to the cited paper's DOI.
 *
 * The ref column holds reference numbers of the source document ("95",
 * "81;82").  When the document's reference list names DOIs (XML papers
 * do: JATS pub-id, Elsevier ce:doi), the extra column ref_doi receives
 * the DOIs of those references, ';'-separated in the same order, "" for a
 * reference without one.
 */
#ifndef NH3CAT_REFDOI_H
#define NH3CAT_REFDOI_H

#include <stddef.h>

#include "document.h"
#include "entry.h"

/*
 * Add the ref_doi column (empty) to set when it has none, so that rows
 * written document by document all have it; a no-op when present.
 */
void refdoi_add_column(struct entry_set *set);

/*
 * Fill ref_doi for entries first .. set->n-1 from doc's reference list.
 * The column is added to the set (after the schema's and any extra
 * columns already there) only when some entry gets a DOI; adding it
 * rewrites every row and the header canonically.  Returns how many
 * entries got a DOI.
 */
size_t refdoi_fill(const struct document *doc, struct entry_set *set, size_t first);

#endif
