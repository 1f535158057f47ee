/*
 * extract_table.h: entries from a table block (extract_table.c), called by
 * the driver in extract.c.
 */
#ifndef NH3CAT_EXTRACT_TABLE_H
#define NH3CAT_EXTRACT_TABLE_H

#include "document.h"
#include "entry.h"

struct extractor;

void extract_table(struct extractor *ex, const struct document *doc, const struct block *b,
		   struct entry_set *set);

#endif
