/*
 * bench_units.c: micro-benchmark of the text normalizer and of units_scan
 * ("make bench-units").  Repeats a text (the review) to a given size in
 * memory, normalizes it, then calls units_scan at every number of the
 * canonical text, and prints the rates.  Not a test: it checks nothing
 * but that the work was done.
 *
 * usage: bench_units TEXT [MB]
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "normalize.h"
#include "units.h"
#include "util.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	size_t len, total, mb = 100, i, numbers = 0, found = 0, alloc_first;
	char *text, *big;
	struct normtext nt = NORMTEXT_INIT;
	double t0, t1, t2, t3;
	int rc = 0;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: bench_units TEXT [MB]\n");
		return 2;
	}
	if (argc == 3) {
		double v;
		if (num_parse(argv[2], &v) < 0 || v < 1 || v > 4096) {
			fprintf(stderr, "bench_units: '%s' is not a size in MB (1 to 4096)\n", argv[2]);
			return 2;
		}
		mb = (size_t)v;
	}
	text = file_read_all(argv[1], &len);
	if (!text)
		return 2;
	if (len == 0) {
		fprintf(stderr, "bench_units: '%s' is empty\n", argv[1]);
		free(text);
		return 2;
	}
	total = mb * 1000 * 1000;
	big = xmalloc(total + 1);
	for (i = 0; i < total; i += len)
		memcpy(big + i, text, total - i < len ? total - i : len);
	big[total] = '\0';

	/* a first pass sizes the buffers; the timed pass reuses them */
	normalize_text(big, total, &nt);
	alloc_first = nt.alloc;
	t0 = now();
	normalize_text(big, total, &nt);
	t1 = now();
	if (nt.alloc != alloc_first) {
		fprintf(stderr, "bench_units: the second pass reallocated\n");
		rc = 1;
	}

	t2 = now();
	for (i = 0; i < nt.len; i++) {
		struct quantity q;
		unsigned char c = (unsigned char)nt.text[i];
		if (c < '0' || c > '9')
			continue;
		if (i > 0 && nt.text[i - 1] >= '0' && nt.text[i - 1] <= '9')
			continue;
		numbers++;
		if (units_scan(nt.text, nt.len, i, &q)) {
			found++;
			i = q.end - 1;
		}
	}
	t3 = now();

	printf("bench-units: text %s (%zu bytes) repeated to %zu MB\n", argv[1], len, mb);
	printf("normalize_text: %.1f MB in %.3f s: %.1f MB/s (canonical %zu bytes, no reallocation)\n",
	       (double)total / 1e6, t1 - t0, (double)total / 1e6 / (t1 - t0), nt.len);
	printf("units_scan: %zu numbers, %zu quantities in %.3f s: %.2f M numbers/s, %.0f ns per number\n",
	       numbers, found, t3 - t2, (double)numbers / 1e6 / (t3 - t2),
	       (t3 - t2) * 1e9 / (double)(numbers ? numbers : 1));
	normtext_release(&nt);
	free(big);
	free(text);
	return rc;
}
