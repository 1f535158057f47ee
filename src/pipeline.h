/*
 * pipeline.h: the one chain from a paper to its entries: read (the reader
 * the file's extension names), extract, the DOIs of the cited references,
 * the site types.  nh3cat extract (through its batch workers) and nh3cat
 * add both run it, so that both give the same rows for the same paper.
 */
#ifndef NH3CAT_PIPELINE_H
#define NH3CAT_PIPELINE_H

#include <stddef.h>

#include "diag.h"
#include "document.h"
#include "entry.h"

/* What one thread keeps from one paper to the next: the compiled extractor, the rules' limits. */
struct pipeline;

/* Compile the patterns and read the default rules; dies on a bug only. */
struct pipeline *pipeline_new(void);
void pipeline_free(struct pipeline *p);

/*
 * Read the paper at path (data[0..len) when data is not NULL, else the
 * file) under document key (NULL: the file's stem), and append its entries
 * to set, which must hold no entries yet: the extractor's rows, ref_doi
 * from an XML paper's reference list, an empty site_type filled by the
 * classifier.  Problems of the paper and values skipped go to d.  Returns
 * the document (the caller frees it with document_free), or NULL when the
 * paper could not be read (printed to d).
 */
struct document *pipeline_run(struct pipeline *p, const char *path, const char *key,
			      const char *data, size_t len, struct entry_set *set /* OUT */,
			      struct diag *d);

#endif
