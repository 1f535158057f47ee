/*
 * pipeline.c: read, extract, reference DOIs, classify (see pipeline.h).
 */
#include <config.h>

#include <stdlib.h>

#include "pipeline.h"

#include "classify.h"
#include "extract.h"
#include "ingest.h"
#include "refdoi.h"
#include "rules.h"

struct pipeline {
	struct extractor *ex;
	struct classify_limits lim;    /* site-type thresholds of the default rules */
};

struct pipeline *pipeline_new(void)
{
	struct pipeline *p = xcalloc(1, sizeof(*p));
	struct rules *r = rules_new();
	p->ex = extractor_new();
	p->lim.np_min_nm = r->np_min_nm;
	p->lim.sac_max_nm = r->sac_max_nm;
	rules_free(r);
	return p;
}

void pipeline_free(struct pipeline *p)
{
	if (!p)
		return;
	extractor_free(p->ex);
	free(p);
}

struct document *pipeline_run(struct pipeline *p, const char *path, const char *key,
			      const char *data, size_t len, struct entry_set *set, struct diag *d)
{
	struct document *doc = data ? ingest_data(path, key, data, len, d) : ingest_file(path, key, d);
	if (!doc)
		return NULL;
	extractor_set_diag(p->ex, d);
	extractor_run(p->ex, doc, set);
	extractor_set_diag(p->ex, NULL);
	/* XML reference lists name DOIs reliably; text ones rarely. */
	if (!doc->src)
		refdoi_fill(doc, set, 0);
	/* An empty site_type gets the classifier's (derived says so). */
	classify_fill(set, &p->lim);
	return doc;
}
