/*
 * cmd_extract.c: nh3cat extract [-o OUT.csv] [--doc KEY] [-j N]
 *                               [--files-from LIST] [--refs OUT.csv] FILE...
 *
 * Reads each paper with the reader its extension names, extracts catalyst
 * performance entries (entries CSV schema v2, status "extracted") and
 * writes them, document after document in input order, to OUT.csv
 * (atomically) or stdout.  With -j N the documents are read by N worker
 * threads (batch.c); the output is the same as with -j 1.  --refs writes
 * the parsed reference list; --dump prints the document structure instead
 * of entries (for checking a reader).
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "buf.h"
#include "cite.h"
#include "cmd.h"
#include "corpus.h"
#include "diag.h"
#include "entry.h"
#include "fileio.h"

#define MAX_JOBS 256

struct out {
	FILE *f;                  /* stdout, or NULL when af is used */
	struct atomic_file *af;
	int failed;
};

static int out_write(struct out *o, const struct buf *b)
{
	if (o->failed || !b->len)
		return o->failed ? -1 : 0;
	if (o->af) {
		if (atomic_file_write(o->af, b->data, b->len) < 0)
			o->failed = 1;
	} else if (fwrite(b->data, 1, b->len, o->f) != b->len) {
		error("cannot write to standard output: %s", strerror(errno));
		o->failed = 1;
	}
	return o->failed ? -1 : 0;
}

struct run_state {
	struct out out;
	struct buf header;        /* written before the first document's rows */
	int header_done;
	struct buf refs;
	int status;
	size_t ndocs, nentries, nbytes, total;
	int progress;             /* stderr is a terminal and the batch is long */
};

static int sink(void *ctx, const struct batch_result *r)
{
	struct run_state *st = ctx;
	if (st->progress)
		fputs("\r\033[K", stderr);
	if (r->messages.len)
		fwrite(r->messages.data, 1, r->messages.len, stderr);
	st->ndocs++;
	if (r->failed) {
		st->status = EXIT_INPUT;
	} else {
		st->nentries += r->nentries;
		st->nbytes += r->nbytes;
		if (!st->header_done) {
			st->header_done = 1;
			if (out_write(&st->out, &st->header) < 0)
				return -1;
		}
		if (out_write(&st->out, &r->rows) < 0 || out_write(&st->out, &r->dump) < 0)
			return -1;
		buf_add(&st->refs, buf_str(&r->refs), r->refs.len);
	}
	if (st->progress)
		fprintf(stderr, "[%zu/%zu] %zu entries", st->ndocs, st->total, st->nentries);
	return 0;
}

static void ignore_diag(void *ctx, const struct diag_item *item)
{
	(void)ctx;
	(void)item;
}

static int row_is_curated(void *ctx, const struct entry *e)
{
	int *found = ctx;
	*found = corpus_row_is_curated(e);
	return *found;   /* one is enough: stop */
}

/*
 * 1 when path is an entries CSV holding a curator's rows (reviewed,
 * rejected, or with a note), which extract must never overwrite.  The
 * file is streamed, a row at a time: an output of 2,000 papers costs the
 * memory of its longest row, not of the file.
 */
static int holds_curated_rows(const char *path)
{
	struct diag *d;
	int found = 0;
	if (!path || str_eq(path, "-") || access(path, F_OK) != 0)
		return 0;
	d = diag_new_collect(ignore_diag, NULL);
	entries_each(path, row_is_curated, &found, d);
	diag_free(d);
	return found;
}

/*
 * Refuse outputs that name an input (whatever the spelling: the same
 * device and inode), or each other.  Returns 0, or -1 after a message.
 */
static int refuse_overwrite(const char *outpath, const char *refs_out, char *const *paths,
			    size_t npaths)
{
	const char *same;
	int out_file = outpath && !str_eq(outpath, "-");
	int refs_file = refs_out && !str_eq(refs_out, "-");
	if (out_file && (same = file_same_as_any(outpath, paths, npaths)) != NULL)
		return error("-o %s is the input %s: extract never writes over its input",
			     outpath, same);
	if (refs_file && (same = file_same_as_any(refs_out, paths, npaths)) != NULL)
		return error("--refs %s is the input %s: extract never writes over its input",
			     refs_out, same);
	if (out_file && refs_file &&
	    (str_eq(outpath, refs_out) || file_same_as_any(refs_out, (char *const *)&outpath, 1)))
		return error("-o and --refs name the same file %s", outpath);
	return 0;
}

/* One path per line of list ("-": standard input); empty lines skipped. */
static int read_list(const char *list, char ***paths, size_t *n, size_t *alloc)
{
	FILE *f = str_eq(list, "-") ? stdin : fopen(list, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	if (!f)
		return error("cannot open file list '%s': %s", list, strerror(errno));
	while ((len = getline(&line, &cap, f)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len)
			continue;
		*paths = xgrow(*paths, alloc, *n + 1, sizeof(char *));
		(*paths)[(*n)++] = xstrdup(line);
	}
	free(line);
	if (ferror(f)) {
		if (f != stdin)
			fclose(f);
		return error("cannot read file list '%s'", list);
	}
	if (f != stdin)
		fclose(f);
	return 0;
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void print_stats(const struct run_state *st, double secs, int jobs)
{
	struct rusage ru;
	double mb = (double)st->nbytes / 1e6;
	getrusage(RUSAGE_SELF, &ru);
	fprintf(stderr, "%s: extract: %zu documents, %.2f MB, %zu entries in %.3f s with %d "
		"worker%s: %.1f documents/s, %.2f MB/s, peak memory %.1f MB\n", progname,
		st->ndocs, mb, st->nentries, secs, jobs, jobs == 1 ? "" : "s",
		secs > 0 ? (double)st->ndocs / secs : 0, secs > 0 ? mb / secs : 0,
		(double)ru.ru_maxrss / 1024.0);
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "doc", required_argument, NULL, 'd' },
		{ "refs", required_argument, NULL, 'r' },
		{ "dump", no_argument, NULL, 'D' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "files-from", required_argument, NULL, 'F' },
		{ "stats", no_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	const char *outpath = NULL, *refs_out = NULL, *list = NULL;
	struct batch_opts bo = { 1, NULL, 0, 0, 0 };
	struct run_state st;
	char **paths = NULL;
	size_t npaths = 0, alloc = 0, i;
	int c, stats = 0;
	double t0;
	struct file_lock *lock = NULL;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:j:", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outpath = optarg;
			break;
		case 'd':
			if (!optarg[0] || strpbrk(optarg, ",\"\n\r/"))
				return cmd_usage_error(&cmd_extract,
						       "--doc: '%s' is not a usable key", optarg);
			bo.key = optarg;
			break;
		case 'r':
			refs_out = optarg;
			break;
		case 'D':
			bo.dump = 1;
			break;
		case 'j': {
			double v;
			if (num_parse(optarg, &v) < 0 || v < 1 || v > MAX_JOBS || v != (int)v)
				return cmd_usage_error(&cmd_extract,
						       "-j: '%s' is not a number of workers from 1 to %d",
						       optarg, MAX_JOBS);
			bo.jobs = (int)v;
			break;
		}
		case 'F':
			list = optarg;
			break;
		case 'S':
			stats = 1;
			break;
		default:
			return cmd_option_error(&cmd_extract, argv, c);
		}
	}
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		paths = xgrow(paths, &alloc, npaths + 1, sizeof(char *));
		paths[npaths++] = xstrdup(argv[i]);
	}
	if (list && read_list(list, &paths, &npaths, &alloc) < 0) {
		for (i = 0; i < npaths; i++)
			free(paths[i]);
		free(paths);
		return EXIT_INPUT;
	}
	if (!npaths) {
		free(paths);
		return cmd_usage_error(&cmd_extract, "no input file given");
	}
	if ((bo.key || refs_out) && npaths > 1) {
		for (i = 0; i < npaths; i++)
			free(paths[i]);
		free(paths);
		return cmd_usage_error(&cmd_extract, bo.key ?
				       "--doc names one document: give one FILE" :
				       "--refs lists one document's references: give one FILE");
	}

	memset(&st, 0, sizeof(st));
	st.status = EXIT_OK;
	st.total = npaths;
	st.progress = npaths > 1 && isatty(STDERR_FILENO);
	bo.want_refs = refs_out != NULL;
	bo.ref_doi = !bo.dump && batch_has_xml(paths, npaths);
	/* A typo must not destroy a paper: no output over an input, or over the other output. */
	if (refuse_overwrite(outpath, refs_out, paths, npaths) < 0) {
		st.status = EXIT_INPUT;
		goto done;
	}
	/* Another writer of the output (add, merge, extract) waits for this one. */
	if (cmd_lock_output(outpath, argc, argv, &lock) < 0) {
		st.status = EXIT_INPUT;
		goto done;
	}
	if (outpath && !bo.dump && holds_curated_rows(outpath)) {
		error("%s holds reviewed or rejected rows: extract never overwrites them "
		      "(nh3cat add merges a paper's entries into the corpus)", outpath);
		st.status = EXIT_INPUT;
		goto done;
	}
	if (outpath && !str_eq(outpath, "-")) {
		st.out.af = atomic_file_open(outpath);
		if (!st.out.af)
			st.status = EXIT_INPUT;
	} else {
		st.out.f = stdout;
	}
	if (refs_out)
		refs_csv_header(&st.refs);

	t0 = now_seconds();
	if (st.status == EXIT_OK) {
		/*
		 * The header goes out with the first document read, so that a
		 * lone unreadable document leaves standard output empty.
		 */
		if (!bo.dump) {
			struct entry_set empty;
			entry_set_init(&empty);
			if (bo.ref_doi)
				entry_set_add_column(&empty, "ref_doi");
			entries_format_header(&empty, &st.header);
			entry_set_release(&empty);
		}
		if (batch_run(paths, npaths, &bo, sink, &st) < 0)
			st.status = EXIT_INPUT;
	}
	if (st.progress)
		fputs("\r\033[K", stderr);
	if (stats)
		print_stats(&st, now_seconds() - t0, bo.jobs);

	/* A file output appears only when every document was read. */
	if (st.out.af) {
		if (st.status == EXIT_OK && !st.out.failed) {
			if (atomic_file_commit(st.out.af) < 0)
				st.status = EXIT_INPUT;
		} else {
			atomic_file_abort(st.out.af);
			st.status = EXIT_INPUT;
		}
	} else if (st.out.failed) {
		st.status = EXIT_INPUT;
	}
	if (refs_out && st.status == EXIT_OK) {
		if (str_eq(refs_out, "-")) {
			if (fwrite(buf_str(&st.refs), 1, st.refs.len, stdout) != st.refs.len)
				st.status = EXIT_INPUT;
		} else if (file_write_atomic(refs_out, buf_str(&st.refs), st.refs.len) < 0) {
			st.status = EXIT_INPUT;
		}
	}
done:
	file_lock_release(lock);
	buf_release(&st.refs);
	buf_release(&st.header);
	for (i = 0; i < npaths; i++)
		free(paths[i]);
	free(paths);
	return st.status;
}

const struct command cmd_extract = {
	.name = "extract",
	.summary = "extract catalyst performance entries from text (.txt, .md), XML or PDF",
	.usage = "nh3cat extract [-o OUT.csv] [--doc KEY] [-j N] [--files-from LIST] "
		 "[--refs REFS.csv] [FILE...]",
	.help =
	"Reads papers (PDF-to-text output or Markdown) and writes one entries CSV\n"
	"row (schema v1) per catalyst and set of conditions found in the prose,\n"
	"the captions and the tables, with status \"extracted\", the source text\n"
	"as evidence and a locator (L205 or L93:C412) pointing at it.  Entries\n"
	"come out document after document, in the order the files were given.\n"
	"XML papers (.xml, .nxml: JATS as PubMed Central delivers it, Elsevier\n"
	"full text) are read safely (nothing is ever fetched); their locators\n"
	"are paths (/article/body/sec[3]/p[2], table1/r3) and a column ref_doi\n"
	"gives the DOIs of the cited references.  An empty site_type gets the\n"
	"one the classifier infers from the name (derived says so).\n"
	"PDF papers (.pdf) are read from their text layer (a scan needs OCR\n"
	"first), in reading order with sub- and superscripts and tables; their\n"
	"locators are page and line (p3:L12).\n"
	"\n"
	"Options:\n"
	"  -o, --output FILE  write the entries CSV to FILE (atomically: FILE\n"
	"                     appears only when every document was read);\n"
	"                     default standard output\n"
	"      --doc KEY      document key for ids (KEY:N) and the doc column;\n"
	"                     default the file name without its extension\n"
	"  -j, --jobs N       read documents with N worker threads (default 1);\n"
	"                     the output is identical whatever N\n"
	"      --files-from LIST\n"
	"                     also read the paths of the documents from LIST, one\n"
	"                     per line ('-' for standard input), so that extract\n"
	"                     can work as a filter over a list of files\n"
	"      --refs FILE    also write the parsed reference list of the (one)\n"
	"                     FILE as CSV: ref,authors,title,journal,year,volume,\n"
	"                     pages,doi (\"-\" for standard output)\n"
	"      --dump         print the document structure found (blocks, table\n"
	"                     cells) instead of entries\n"
	"      --stats        print documents/s, MB/s and peak memory on stderr\n"
	"\n"
	"Progress is shown on stderr when it is a terminal and there are several\n"
	"documents.  Shards of a large batch are combined with 'nh3cat merge'.\n"
	"\n"
	"Exit status: 0 done, 2 usage error or a document that could not be read\n"
	"(its diagnostics name the file, line and problem).\n",
	.run = run,
};
