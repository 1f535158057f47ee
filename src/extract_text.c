/*
 * extract_text.c: entries from prose (paragraphs and captions).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

void extract_prose(struct extractor *ex, const struct document *doc, const struct block *b,
		   struct entry_set *set)
{
	(void)ex; (void)doc; (void)b; (void)set;
}
