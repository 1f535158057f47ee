/*
 * batch.h: extraction of many documents in one process, with N worker
 * threads.
 *
 * Results reach the sink in input order, one document at a time, whatever
 * order the workers finish in, so the output of -j N is byte-identical to
 * that of -j 1.  At most 16N documents are in flight at once: memory does not
 * grow with the number of documents.  Each worker owns its extractor (the
 * compiled patterns and their match data); nothing else is shared.
 */
#ifndef NH3CAT_BATCH_H
#define NH3CAT_BATCH_H

#include <stddef.h>

#include "buf.h"

struct batch_opts {
	int jobs;               /* worker threads; 1 runs in the calling thread */
	const char *key;        /* document key for every file, or NULL: file stem */
	int want_refs;          /* fill refs with the parsed reference list */
	int dump;               /* fill dump with the document structure, no entries */
	int ref_doi;            /* every row gets the ref_doi column (XML in the batch) */
};

/* 1 when some path names an XML paper (.xml, .nxml): rows then carry ref_doi. */
int batch_has_xml(char *const *paths, size_t n);

/* What one document gave; valid only during the sink call. */
struct batch_result {
	const char *path;
	size_t index;           /* position in the input list */
	int failed;             /* the document could not be read */
	size_t nentries;        /* entries in rows */
	size_t nbytes;          /* size of the input file */
	struct buf rows;        /* entries CSV rows, no header */
	struct buf refs;        /* reference-list CSV rows, no header */
	struct buf dump;        /* document dump */
	struct buf messages;    /* diagnostics, as text, for stderr */
};

/* Called in input order; return -1 to stop the batch. */
typedef int batch_sink_fn(void *ctx, const struct batch_result *r);

/*
 * Run the batch over paths[0..n).  Returns 0 when the sink took every
 * result, -1 when it stopped the batch.  Unreadable documents are results
 * with failed set, not errors of the batch.
 */
int batch_run(char *const *paths, size_t n, const struct batch_opts *o,
	      batch_sink_fn *sink, void *ctx);

#endif
