/*
 * bench_extract.c: throughput of reading and extraction, for
 * "make bench-extract".  Reads one paper, then reads and extracts it N
 * times (default 1000) with one extractor, as a batch would, and prints
 * papers per second and megabytes per second.  Not a test: it asserts
 * nothing about time.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "diag.h"
#include "document.h"
#include "entry.h"
#include "extract.h"
#include "ingest.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : NULL;
	long n = 1000, i;
	size_t len, entries = 0;
	char *data;
	struct diag *d;
	struct extractor *ex;
	double t0, t1, secs;

	if (!path) {
		fprintf(stderr, "usage: bench_extract PAPER.txt [N]\n");
		return 2;
	}
	if (argc > 2) {
		double v;
		if (num_parse(argv[2], &v) < 0 || v < 1)
			return 2;
		n = (long)v;
	}
	data = file_read_all(path, &len);
	if (!data)
		return 2;
	d = diag_new(DIAG_FMT_TEXT, NULL);
	ex = extractor_new();
	t0 = now();
	for (i = 0; i < n; i++) {
		struct document *doc = ingest_text(path, "bench", data, len, d);
		struct entry_set set;
		if (!doc)
			return 2;
		entry_set_init(&set);
		entries += extractor_run(ex, doc, &set);
		entry_set_release(&set);
		document_free(doc);
	}
	t1 = now();
	secs = t1 - t0;
	printf("bench-extract: %ld documents of %zu bytes, %zu entries, %.3f s\n", n, len, entries, secs);
	printf("bench-extract: %.1f papers/s, %.2f MB/s\n", (double)n / secs,
	       (double)len * (double)n / secs / 1e6);
	extractor_free(ex);
	diag_free(d);
	free(data);
	return 0;
}
