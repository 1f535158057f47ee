/*
 * cmd_extract.c: nh3cat extract [-o OUT.csv] [--doc KEY] [--refs OUT.csv] FILE...
 *
 * Reads each paper with the reader its extension names, extracts catalyst
 * performance entries (entries CSV schema v1, status "extracted") and
 * writes them, in document order, to OUT.csv (atomically) or stdout.
 * --refs writes the parsed reference list; --dump prints the document
 * structure instead of entries (for checking a reader).
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cite.h"
#include "classify.h"
#include "cmd.h"
#include "corpus.h"
#include "diag.h"
#include "document.h"
#include "entry.h"
#include "extract.h"
#include "fileio.h"
#include "ingest.h"
#include "refdoi.h"
#include "rules.h"

static void ignore_diag(void *ctx, const struct diag_item *item)
{
	(void)ctx;
	(void)item;
}

static int write_out(const char *path, const struct buf *b)
{
	if (!path || str_eq(path, "-")) {
		if (fwrite(b->data ? b->data : "", 1, b->len, stdout) != b->len)
			return error("cannot write to standard output");
		return 0;
	}
	return file_write_atomic(path, b->data ? b->data : "", b->len);
}

/*
 * 1 when path is an entries CSV holding a curator's rows (reviewed,
 * rejected, or with a note), which extract must never overwrite.
 */
static int holds_curated_rows(const char *path)
{
	struct entry_set old;
	struct diag *d;
	size_t i;
	int found = 0;
	if (!path || str_eq(path, "-") || access(path, F_OK) != 0)
		return 0;
	entry_set_init(&old);
	d = diag_new_collect(ignore_diag, NULL);
	if (entries_read(path, &old, d) == 0)
		for (i = 0; i < old.n && !found; i++)
			found = corpus_row_is_curated(&old.v[i]);
	diag_free(d);
	entry_set_release(&old);
	return found;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "doc", required_argument, NULL, 'd' },
		{ "refs", required_argument, NULL, 'r' },
		{ "dump", no_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL, *key = NULL, *refs_out = NULL;
	int c, dump = 0, status = EXIT_OK;
	struct extractor *ex = NULL;
	struct entry_set set;
	struct buf dumpbuf = BUF_INIT, refsbuf = BUF_INIT;
	struct diag *d;
	int i;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'd':
			if (!optarg[0] || strpbrk(optarg, ",\"\n\r/"))
				return cmd_usage_error(&cmd_extract,
						       "--doc: '%s' is not a usable key", optarg);
			key = optarg;
			break;
		case 'r':
			refs_out = optarg;
			break;
		case 'D':
			dump = 1;
			break;
		default:
			return cmd_option_error(&cmd_extract, argv, c);
		}
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_extract, "no input file given");
	if (key && argc - optind > 1)
		return cmd_usage_error(&cmd_extract, "--doc names one document: give one FILE");
	if (refs_out && argc - optind > 1)
		return cmd_usage_error(&cmd_extract, "--refs lists one document's references: give one FILE");

	d = diag_new(DIAG_FMT_TEXT, NULL);
	entry_set_init(&set);
	if (!dump)
		ex = extractor_new();
	if (refs_out)
		refs_csv_header(&refsbuf);
	for (i = optind; i < argc; i++) {
		struct document *doc = ingest_file(argv[i], key, d);
		if (!doc) {
			status = EXIT_INPUT;
			continue;
		}
		if (dump)
			document_dump(doc, &dumpbuf);
		else {
			size_t before = set.n;
			extractor_run(ex, doc, &set);
			/* XML reference lists name DOIs reliably; text ones rarely. */
			if (!doc->src)
				refdoi_fill(doc, &set, before);
		}
		if (refs_out)
			refs_csv_append(doc, &refsbuf);
		document_free(doc);
	}
	if (!dump) {
		/* an empty site_type gets the classifier's (derived says so) */
		struct rules *r = rules_new();
		struct classify_limits lim = { r->np_min_nm, r->sac_max_nm };
		classify_fill(&set, &lim);
		rules_free(r);
	}
	if (status == EXIT_OK) {
		if (dump) {
			if (write_out(out, &dumpbuf) < 0)
				status = EXIT_INPUT;
		} else {
			struct buf csv = BUF_INIT;
			entries_format(&set, &csv);
			if (holds_curated_rows(out)) {
				error("%s holds reviewed or rejected rows: extract never overwrites them "
				      "(nh3cat add merges a paper's entries into the corpus)", out);
				status = EXIT_INPUT;
			} else if (write_out(out, &csv) < 0) {
				status = EXIT_INPUT;
			}
			buf_release(&csv);
		}
		if (refs_out && status == EXIT_OK && write_out(refs_out, &refsbuf) < 0)
			status = EXIT_INPUT;
	}
	buf_release(&dumpbuf);
	buf_release(&refsbuf);
	extractor_free(ex);
	entry_set_release(&set);
	diag_free(d);
	return status;
}

const struct command cmd_extract = {
	.name = "extract",
	.summary = "extract catalyst performance entries from text (.txt, .md) or XML",
	.usage = "nh3cat extract [-o OUT.csv] [--doc KEY] [--refs REFS.csv] FILE...",
	.help =
	"Reads papers (PDF-to-text output or Markdown) and writes one entries CSV\n"
	"row (schema v1) per catalyst and set of conditions found in the prose,\n"
	"the captions and the tables, with status \"extracted\", the source text\n"
	"as evidence and a locator (L205 or L93:C412) pointing at it.\n"
	"XML papers (.xml, .nxml: JATS as PubMed Central delivers it, Elsevier\n"
	"full text) are read safely (nothing is ever fetched); their locators\n"
	"are paths (/article/body/sec[3]/p[2], table1/r3) and a column ref_doi\n"
	"gives the DOIs of the cited references.\n"
	"\n"
	"Options:\n"
	"  -o, --output FILE  write the entries CSV to FILE (atomically);\n"
	"                     default standard output\n"
	"      --doc KEY      document key for ids (KEY:N) and the doc column;\n"
	"                     default the file name without its extension\n"
	"      --refs FILE    also write the parsed reference list of the (one)\n"
	"                     FILE as CSV: ref,authors,title,journal,year,volume,\n"
	"                     pages,doi (\"-\" for standard output)\n"
	"      --dump         print the document structure found (blocks, table\n"
	"                     cells) instead of entries\n"
	"\n"
	"Exit status: 0 done, 2 usage error or unreadable input.\n",
	.run = run,
};
