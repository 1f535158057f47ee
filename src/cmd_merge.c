/*
 * cmd_merge.c: nh3cat merge [-o OUT.csv] CSV...
 *
 * Joins entries CSV files (shards of a corpus, or the work of several
 * curators) into one, in input order, without duplicates; see
 * corpus_merge_rows for what counts as one.  Nothing is written unless
 * every input was read whole.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "corpus.h"
#include "diag.h"
#include "entry.h"
#include "fileio.h"
#include "util.h"

static int cmp_idx(const void *a, const void *b, void *ctx)
{
	const struct entry *v = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(v[x].f[COL_ID], v[y].f[COL_ID]);
	return c ? c : x < y ? -1 : x > y;
}

/* Warn about ids given to more than one row; returns how many. */
static size_t warn_duplicate_ids(const struct entry_set *s)
{
	size_t *ix = xcalloc(s->n ? s->n : 1, sizeof(size_t));
	size_t i, dups = 0;
	for (i = 0; i < s->n; i++)
		ix[i] = i;
	qsort_r(ix, s->n, sizeof(size_t), cmp_idx, s->v);
	for (i = 1; i < s->n; i++) {
		const char *id = s->v[ix[i]].f[COL_ID];
		if (id[0] && str_eq(id, s->v[ix[i - 1]].f[COL_ID])) {
			if (dups++ < 10)
				warning("id '%s' is given to two different rows; both are kept", id);
		}
	}
	if (dups > 10)
		warning("%zu more ids given to more than one row", dups - 10);
	free(ix);
	return dups;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const char *outpath = NULL;
	struct entry_set out;
	struct file_lock *lock = NULL;
	struct diag *d;
	size_t read_rows = 0, skipped = 0;
	int c, i, bad = 0, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outpath = optarg;
			break;
		default:
			return cmd_option_error(&cmd_merge, argv, c);
		}
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_merge, "no CSV file given");

	/*
	 * The output may be one of the inputs (a curator merging a colleague's
	 * copy into the corpus): the lock is taken before anything is read, so
	 * a second merge into the same file starts from this one's result.
	 */
	if (cmd_lock_output(outpath, argc, argv, &lock) < 0)
		return EXIT_INPUT;
	entry_set_init(&out);
	d = diag_new(DIAG_FMT_TEXT, NULL);
	for (i = optind; i < argc; i++) {
		struct entry_set s;
		entry_set_init(&s);
		if (entries_read(argv[i], &s, d) < 0) {
			bad = 1;
		} else if (!bad) {
			read_rows += s.n;
			skipped += corpus_merge_rows(&out, &s);
		}
		entry_set_release(&s);
	}
	diag_free(d);
	if (bad) {
		error("nothing written: every input must be a readable entries CSV");
		entry_set_release(&out);
		file_lock_release(lock);
		return EXIT_INPUT;
	}
	warn_duplicate_ids(&out);
	if (outpath && !str_eq(outpath, "-"))
		rc = entries_write(outpath, &out);
	else
		rc = entries_write_stream(stdout, &out) == 0 && fflush(stdout) == 0 ? 0 :
			error("cannot write to standard output");
	if (rc == 0)
		fprintf(stderr, "%s: merged %zu rows from %d file%s into %zu (%zu duplicate%s left out or replaced)\n",
			progname, read_rows, argc - optind, argc - optind == 1 ? "" : "s", out.n,
			skipped, skipped == 1 ? "" : "s");
	entry_set_release(&out);
	file_lock_release(lock);
	return rc == 0 ? EXIT_OK : EXIT_INPUT;
}

const struct command cmd_merge = {
	.name = "merge",
	.summary = "merge entries CSV files from shards, stable and deduplicated",
	.usage = "nh3cat merge [-o OUT.csv] CSV...",
	.help =
	"Joins entries CSV files into one, rows in input order.  A row equal to\n"
	"one already taken (every field but id) is left out; an extracted row\n"
	"that states the same fact as a reviewed or rejected row, or has its\n"
	"origin (where it was read), is left out, and a reviewed or rejected row\n"
	"replaces an extracted one of the same fact or origin.  Rows keep their\n"
	"bytes when their file has the same columns as the first.  Nothing is\n"
	"written unless every input reads whole.\n"
	"\n"
	"Options:\n"
	"  -o, --output FILE  write there (atomically) instead of standard output;\n"
	"                     FILE may be one of the inputs.  The writer holds a\n"
	"                     lock meanwhile (ROOT/.lock for a file of a corpus,\n"
	"                     FILE.lock for another): a second merge into FILE\n"
	"                     waits and starts from the first one's result\n"
	"\n"
	"Exit status: 0 merged, 2 an input could not be read or the output written.\n",
	.run = run,
};
