/*
 * extract.c: the extractor object and its driver over a document.
 */
#include <config.h>

#include <stdlib.h>

#include "extract.h"

struct extractor {
	int dummy;
};

struct extractor *extractor_new(void)
{
	return xcalloc(1, sizeof(struct extractor));
}

void extractor_free(struct extractor *ex)
{
	free(ex);
}

size_t extractor_run(struct extractor *ex, const struct document *doc, struct entry_set *set)
{
	(void)ex; (void)doc; (void)set;
	return 0;
}
