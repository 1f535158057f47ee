/*
 * batch.c: ordered parallel extraction (see batch.h).
 *
 * Workers take the next input index under a lock and fill the result slot
 * index % window; the calling thread hands slots to the sink strictly in
 * index order.  A worker waits while its next index would overrun the
 * window, which bounds memory to `window` documents' results.
 */
#include <config.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cite.h"
#include "diag.h"
#include "document.h"
#include "entry.h"
#include "ingest.h"
#include "pipeline.h"

struct slot {
	struct batch_result r;
	int ready;
};

struct batch {
	char *const *paths;
	size_t n;
	const struct batch_opts *o;
	struct slot *slots;
	size_t window;
	size_t next_take;       /* next index a worker takes */
	size_t next_out;        /* next index handed to the sink */
	int stop;
	pthread_mutex_t lock;
	pthread_cond_t ready;   /* a slot became ready */
	pthread_cond_t space;   /* the window moved on */
};

static void result_reset(struct batch_result *r)
{
	buf_reset(&r->rows);
	buf_reset(&r->refs);
	buf_reset(&r->dump);
	buf_reset(&r->messages);
	r->failed = 0;
	r->nentries = 0;
	r->nbytes = 0;
}

static void result_release(struct batch_result *r)
{
	buf_release(&r->rows);
	buf_release(&r->refs);
	buf_release(&r->dump);
	buf_release(&r->messages);
}

/* What a worker keeps from one document to the next. */
struct worker_ctx {
	struct pipeline *p;            /* NULL for dumps */
};

static void worker_ctx_init(struct worker_ctx *w, const struct batch_opts *o)
{
	w->p = o->dump ? NULL : pipeline_new();
}

static void worker_ctx_release(struct worker_ctx *w)
{
	pipeline_free(w->p);
}

/*
 * Give set the extra columns every document of the batch has, so that all
 * rows match the one header: ref_doi when the batch reads XML.
 */
static void conform_columns(struct entry_set *set, const struct batch_opts *o)
{
	if (o->ref_doi)
		entry_set_add_column(set, "ref_doi");
}

/* Read, extract and format one document into r. */
static void process(struct worker_ctx *w, const struct batch_opts *o, const char *path,
		    struct batch_result *r)
{
	char *msgs = NULL;
	size_t msglen = 0;
	FILE *mf = open_memstream(&msgs, &msglen);
	struct diag *d;
	struct document *doc;

	if (!mf)
		die("cannot allocate a message stream");
	d = diag_new(DIAG_FMT_TEXT, mf);
	r->path = path;
	if (o->dump) {
		doc = ingest_file(path, o->key, d);
		if (doc)
			document_dump(doc, &r->dump);
	} else {
		struct entry_set set;
		entry_set_init(&set);
		doc = pipeline_run(w->p, path, o->key, NULL, 0, &set, d);
		r->nentries = set.n;
		conform_columns(&set, o);
		entries_format_rows(&set, &r->rows);
		entry_set_release(&set);
	}
	if (!doc) {
		r->failed = 1;
	} else {
		r->nbytes = doc->srclen;
		if (o->want_refs)
			refs_csv_append(doc, &r->refs);
		document_free(doc);
	}
	diag_free(d);
	fclose(mf);
	buf_add(&r->messages, msgs ? msgs : "", msglen);
	free(msgs);
}

static void *worker(void *arg)
{
	struct batch *b = arg;
	struct worker_ctx w;

	worker_ctx_init(&w, b->o);

	pthread_mutex_lock(&b->lock);
	for (;;) {
		size_t i;
		struct slot *s;
		while (!b->stop && b->next_take < b->n && b->next_take >= b->next_out + b->window)
			pthread_cond_wait(&b->space, &b->lock);
		if (b->stop || b->next_take >= b->n)
			break;
		i = b->next_take++;
		s = &b->slots[i % b->window];
		pthread_mutex_unlock(&b->lock);

		result_reset(&s->r);
		s->r.index = i;
		process(&w, b->o, b->paths[i], &s->r);

		pthread_mutex_lock(&b->lock);
		s->ready = 1;
		pthread_cond_broadcast(&b->ready);
	}
	pthread_mutex_unlock(&b->lock);
	worker_ctx_release(&w);
	return NULL;
}

static int run_serial(char *const *paths, size_t n, const struct batch_opts *o,
		      batch_sink_fn *sink, void *ctx)
{
	struct worker_ctx w;
	struct batch_result r;
	size_t i;
	int rc = 0;

	worker_ctx_init(&w, o);
	memset(&r, 0, sizeof(r));
	for (i = 0; i < n && rc == 0; i++) {
		result_reset(&r);
		r.index = i;
		process(&w, o, paths[i], &r);
		rc = sink(ctx, &r);
	}
	result_release(&r);
	worker_ctx_release(&w);
	return rc < 0 ? -1 : 0;
}

int batch_run(char *const *paths, size_t n, const struct batch_opts *o,
	      batch_sink_fn *sink, void *ctx)
{
	struct batch b;
	pthread_t *threads;
	int jobs = o->jobs < 1 ? 1 : o->jobs, started = 0, k, rc = 0;
	size_t i;

	if (jobs == 1 || n <= 1)
		return run_serial(paths, n, o, sink, ctx);
	if ((size_t)jobs > n)
		jobs = (int)n;

	memset(&b, 0, sizeof(b));
	b.paths = paths;
	b.n = n;
	b.o = o;
	/*
	 * Room for a worker to run ahead of a long document that another is
	 * still reading: a short window stalls on papers of mixed sizes.
	 */
	b.window = 16 * (size_t)jobs;
	b.slots = xcalloc(b.window, sizeof(*b.slots));
	pthread_mutex_init(&b.lock, NULL);
	pthread_cond_init(&b.ready, NULL);
	pthread_cond_init(&b.space, NULL);

	threads = xcalloc((size_t)jobs, sizeof(*threads));
	for (k = 0; k < jobs; k++) {
		if (pthread_create(&threads[k], NULL, worker, &b) != 0)
			break;
		started++;
	}
	if (!started)
		die("cannot start worker threads");

	for (i = 0; i < n; i++) {
		struct slot *s = &b.slots[i % b.window];
		pthread_mutex_lock(&b.lock);
		while (!s->ready)
			pthread_cond_wait(&b.ready, &b.lock);
		pthread_mutex_unlock(&b.lock);

		if (sink(ctx, &s->r) < 0) {
			rc = -1;
			pthread_mutex_lock(&b.lock);
			b.stop = 1;
			s->ready = 0;
			pthread_cond_broadcast(&b.space);
			pthread_mutex_unlock(&b.lock);
			break;
		}
		pthread_mutex_lock(&b.lock);
		s->ready = 0;
		b.next_out = i + 1;
		pthread_cond_broadcast(&b.space);
		pthread_mutex_unlock(&b.lock);
	}
	for (k = 0; k < started; k++)
		pthread_join(threads[k], NULL);
	for (i = 0; i < b.window; i++)
		result_release(&b.slots[i].r);
	free(b.slots);
	free(threads);
	pthread_cond_destroy(&b.space);
	pthread_cond_destroy(&b.ready);
	pthread_mutex_destroy(&b.lock);
	return rc;
}

int batch_has_xml(char *const *paths, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (ingest_find_reader(paths[i]) == &reader_xml)
			return 1;
	return 0;
}
