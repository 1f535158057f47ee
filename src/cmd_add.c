/*
 * cmd_add.c: nh3cat add FILE [--key KEY]
 *
 * Puts a paper into the corpus (papers/KEY.EXT, never overwriting another
 * paper of the same key) and merges its extracted entries into
 * entries/KEY.csv without touching a curator's row (corpus_merge_extraction).
 * The entries file is written only when its bytes change, atomically.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cite.h"
#include "cmd.h"
#include "corpus.h"
#include "corpus_layout.h"
#include "diag.h"
#include "document.h"
#include "entry.h"
#include "fileio.h"
#include "ingest.h"
#include "pipeline.h"
#include "util.h"


/* The stored extension of a paper, from its file name; NULL if unknown. */
static const char *paper_ext(const char *path)
{
	static const char *const exts[] = { "txt", "md", "xml", "pdf" };
	const char *base = strrchr(path, '/');
	const char *dot;
	size_t i;
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (!dot)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(exts); i++)
		if (str_casecmp(dot + 1, exts[i]) == 0)
			return exts[i];
	/* PubMed Central's .nxml is JATS: stored as KEY.xml, the corpus's layout */
	if (str_casecmp(dot + 1, "nxml") == 0)
		return "xml";
	return NULL;
}

/*
 * The candidates of the paper (data[0..len)): read from a CSV made
 * elsewhere (--from), or extracted.  Returns 0 or -1 (printed).
 */
static int candidates(const char *paper, const char *key, const char *data, size_t len,
		      const char *from, struct entry_set *fresh)
{
	struct diag *d = diag_new(DIAG_FMT_TEXT, NULL);
	int rc = 0;
	if (from) {
		rc = entries_read(from, fresh, d);
	} else {
		/* The same steps as nh3cat extract, so both give the same rows. */
		struct pipeline *p = pipeline_new();
		struct document *doc = NULL;
		if (!ingest_find_reader(paper))
			error("%s: no reader for this kind of file", paper);
		else
			doc = pipeline_run(p, paper, key, data, len, fresh, d);
		if (doc)
			document_free(doc);
		else
			rc = -1;
		pipeline_free(p);
	}
	diag_free(d);
	return rc;
}

/*
 * The DOI a paper gives for itself, lower-cased (corpus_paper_meta): from
 * the XML metadata, or the first one on the first page of a text (a PDF's
 * first page as poppler reads it, heads and margins included).  NULL when
 * there is none; *bad is set when the XML does not parse or the PDF is
 * refused (the diagnostics are printed).
 */
static char *paper_doi(const char *name, const char *ext, const char *data, size_t len, int *bad)
{
	struct diag *d = diag_new(DIAG_FMT_TEXT, NULL);
	struct paper_meta m;
	char *doi = NULL, *page = NULL, *p;
	if (str_eq(ext, "pdf")) {
		page = ingest_pdf_first_page(name, data, len, d);
		if (!page) {
			diag_free(d);
			*bad = 1;
			return NULL;
		}
		ext = "txt";
		data = page;
		len = strlen(page);
	}
	*bad = corpus_paper_meta(name, ext, data, len, &m, d) < 0 || diag_count(d, DIAG_ERROR) > 0;
	diag_free(d);
	free(page);
	if (m.doi && *m.doi) {
		doi = m.doi;
		m.doi = NULL;
	}
	paper_meta_release(&m);
	for (p = doi; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return doi;
}

/*
 * A paper is stored once: refuse it when the corpus holds the same bytes,
 * or a paper of the same file type and DOI, under another key (the other
 * rendering of a paper, its text beside its XML, is welcome).  Returns 0,
 * or -1 after naming the key the paper already has.
 */
static int check_stored_once(const char *paper, const char *root, const char *key,
			     const char *ext, const char *data, size_t len, const char *doi)
{
	size_t n, i;
	char **stored = corpus_papers(root, &n);
	int rc = 0;
	for (i = 0; i < n && rc == 0; i++) {
		char *other = corpus_key_from_path(stored[i]);
		const char *oext = strrchr(stored[i], '.') + 1;
		struct stat st;
		if (!str_eq(other, key) && stat(stored[i], &st) == 0 &&
		    ((size_t)st.st_size == len || (doi && str_eq(oext, ext)))) {
			size_t olen;
			char *odata = corpus_read_file(stored[i], CORPUS_MAX_SIZE, &olen);
			int obad;
			char *odoi;
			if (odata && olen == len && memcmp(odata, data, len) == 0) {
				rc = error("%s is already in the corpus as '%s' (%s); to add it "
					   "again, give that key (--key %s)", paper, other, stored[i], other);
			} else if (odata && doi && str_eq(oext, ext) &&
				   (odoi = paper_doi(stored[i], oext, odata, olen, &obad)) != NULL) {
				if (str_eq(odoi, doi))
					rc = error("%s: its DOI %s is already in the corpus as '%s' (%s); "
						   "to add it again, give that key (--key %s)", paper, doi,
						   other, stored[i], other);
				free(odoi);
			}
			free(odata);
		}
		free(other);
	}
	for (i = 0; i < n; i++)
		free(stored[i]);
	free(stored);
	return rc;
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static void print_new_rows(const struct entry_set *s, size_t from)
{
	size_t i;
	for (i = from; i < s->n; i++) {
		const struct entry *e = &s->v[i];
		printf("  + %s  %s  %s\n", e->f[COL_ID], e->f[COL_CATALYST][0] ? e->f[COL_CATALYST] : "-",
		       e->f[COL_LOCATOR]);
	}
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "corpus", required_argument, NULL, 'C' },
		{ "from", required_argument, NULL, 'F' },
		{ "key-from-doi", no_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 }
	};
	const char *key_opt = NULL, *root = NULL, *from = NULL, *paper, *ext;
	char *key = NULL, *data = NULL, *entries_path = NULL, *lock_path = NULL, *who = NULL;
	char *doi = NULL, *found_root = NULL;
	int bad_file = 0;
	struct file_lock *lock = NULL;
	struct entry_set cur, fresh;
	struct corpus_merge_stats st;
	struct buf after = BUF_INIT;
	size_t len;
	int c, existed = 0, status = EXIT_INPUT, changed, key_from_doi = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":k:C:", opts, NULL)) != -1) {
		switch (c) {
		case 'k':
			key_opt = optarg;
			break;
		case 'C':
			root = optarg;
			break;
		case 'F':
			from = optarg;
			break;
		case 'D':
			key_from_doi = 1;
			break;
		default:
			return cmd_option_error(&cmd_add, argv, c);
		}
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_add, "no paper given");
	if (optind + 1 < argc)
		return cmd_usage_error(&cmd_add, "one paper at a time (got %d files)", argc - optind);
	paper = argv[optind];
	ext = paper_ext(paper);
	if (!ext)
		return cmd_usage_error(&cmd_add,
				       "'%s': nh3cat reads papers as .txt, .md, .xml, .nxml or .pdf files",
				       paper);
	if (key_opt && !corpus_key_valid(key_opt))
		return cmd_usage_error(&cmd_add, "'%s' is not a usable key: 1 to 100 of A-Z a-z 0-9 . _ -, "
				       "not starting with '.' or '-'", key_opt);

	entry_set_init(&cur);
	entry_set_init(&fresh);
	data = corpus_read_file(paper, CORPUS_MAX_SIZE, &len);
	/* Text is checked here; the XML and PDF readers check their own input. */
	if (!data || (!str_eq(ext, "xml") && !str_eq(ext, "pdf") &&
		      corpus_check_text(paper, data, len) < 0))
		goto out;

	/* The key: given, else the file name's stem, else (XML) the paper's DOI. */
	doi = paper_doi(paper, ext, data, len, &bad_file);
	if (bad_file) {
		error("%s: not added; the corpus is unchanged", paper);
		goto out;
	}
	if (key_opt) {
		key = xstrdup(key_opt);
	} else {
		key = corpus_key_from_path(paper);
		if (key_from_doi || (str_eq(ext, "xml") && !corpus_key_valid(key))) {
			if (doi) {
				free(key);
				key = corpus_key_from_doi(doi);
			} else if (key_from_doi) {
				cmd_usage_error(&cmd_add, "%s gives no DOI (%s): give a key with --key",
						paper, str_eq(ext, "xml") ? "no article DOI in its metadata" :
						"none on its first page");
				goto out;
			}
		}
	}
	if (!key || !corpus_key_valid(key)) {
		cmd_usage_error(&cmd_add, "'%s' is not a usable key: 1 to 100 of A-Z a-z 0-9 . _ -, "
				"not starting with '.' or '-' (give one with --key)", key ? key : paper);
		goto out;
	}
	if (candidates(paper, key, data, len, from, &fresh) < 0) {
		error("%s: not added; the corpus is unchanged", paper);
		goto out;
	}

	/* The corpus: named, or found here or above (never created by accident). */
	if (!root && !(root = found_root = corpus_find())) {
		cmd_usage_error(&cmd_add, "no corpus here or in any folder above (a folder %s/ with "
				"%s/ and %s/): start one with 'nh3cat init', or name one with "
				"--corpus DIR", CORPUS_DIR, CORPUS_PAPERS, CORPUS_ENTRIES);
		goto out;
	}
	/*
	 * From here to the write, this run is the corpus's only writer: what
	 * it reads is what it replaces (another add, merge or extract waits).
	 */
	if (corpus_make(root) < 0)
		goto out;
	lock_path = corpus_lock_path(root);
	who = cmd_describe(argc, argv);
	if (!(lock = file_lock_take(lock_path, who)))
		goto out;

	/* Read the curated entries first: a file that cannot be read is never replaced. */
	entries_path = corpus_entries_path(root, key);
	if (file_exists(entries_path)) {
		struct diag *d = diag_new(DIAG_FMT_TEXT, NULL);
		int rc = entries_read(entries_path, &cur, d);
		diag_free(d);
		if (rc < 0) {
			error("%s cannot be read whole; fix it first (nothing was changed)", entries_path);
			goto out;
		}
	}
	corpus_merge_extraction(&cur, &fresh, key, &st);
	entry_set_release(&fresh);   /* its rows are in cur now: memory for one set */
	entries_format(&cur, &after);
	/* Written only when its bytes change (compared with the file in pieces). */
	changed = !file_has_bytes(entries_path, buf_str(&after), after.len);
	/* A merge too large to read back is refused before anything is stored. */
	if (changed && entries_check_size(entries_path, after.len) < 0) {
		error("%s: not added; the corpus is unchanged", paper);
		goto out;
	}
	if (check_stored_once(paper, root, key, ext, data, len, doi) < 0 ||
	    corpus_store_paper(root, key, ext, data, len, &existed) < 0)
		goto out;
	if (changed && file_write_atomic(entries_path, buf_str(&after), after.len) < 0) {
		/* The paper and its entries go in together or not at all. */
		if (!existed) {
			char *paper_path = corpus_paper_path(root, key, ext);
			if (file_remove_durably(paper_path) == 0)
				error("%s: not added; the corpus is unchanged", paper);
			free(paper_path);
		}
		goto out;
	}

	printf("%s/papers/%s.%s: %s\n", root, key, ext, existed ? "already in the corpus" : "added");
	printf("%s: %s: %zu new, %zu refreshed, %zu unchanged, %zu dropped; "
	       "%zu curated kept, %zu duplicate%s of curated rows left out\n",
	       entries_path, changed ? "written" : "unchanged", st.added, st.refreshed, st.unchanged,
	       st.dropped, st.curated, st.duplicates, st.duplicates == 1 ? "" : "s");
	print_new_rows(&cur, cur.n - st.added);
	status = fflush(stdout) == 0 ? EXIT_OK : EXIT_INPUT;
out:
	file_lock_release(lock);
	free(lock_path);
	free(who);
	buf_release(&after);
	entry_set_release(&cur);
	entry_set_release(&fresh);
	free(entries_path);
	free(data);
	free(doi);
	free(found_root);
	free(key);
	return status;
}

const struct command cmd_add = {
	.name = "add",
	.summary = "add a paper to the corpus and extract its entries",
	.usage = "nh3cat add FILE [--key KEY | --key-from-doi]",
	.help =
	"Copies the paper (.txt, .md, UTF-8; .xml or .nxml; .pdf with a text layer)\n"
	"to corpus/papers/KEY.EXT and\n"
	"merges its extracted entries into corpus/entries/KEY.csv.  The key is the\n"
	"file name's stem unless given (or, for XML, the paper's DOI).  A key\n"
	"already holding another paper is an error: nothing is ever overwritten.\n"
	"A paper already in the corpus under another key (the same bytes, or the\n"
	"same file type and DOI) is refused, naming that key.\n"
	"\n"
	"Run again on the same paper, add merges: rows whose status is reviewed or\n"
	"rejected, or that carry a note, stay byte for byte where they are; new\n"
	"candidates are appended with new ids; a candidate stating the same fact as\n"
	"such a row is left out; extracted rows are refreshed.  A second run with\n"
	"nothing new changes nothing.\n"
	"\n"
	"Options:\n"
	"  -k, --key KEY      the document key (A-Z a-z 0-9 . _ -)\n"
	"      --key-from-doi the key from the paper's DOI: an XML paper's metadata,\n"
	"                     or the first DOI on the first page of a text or a\n"
	"                     PDF (its running head and margins included)\n"
	"                     (10.1039/D3SC06998B -> 10.1039_d3sc06998b); an error\n"
	"                     when there is none.  Also used for an XML paper\n"
	"                     whose file name makes no usable key\n"
	"  -C, --corpus DIR   the corpus folder, created when missing (default: the\n"
	"                     folder corpus/ here or in the nearest folder above,\n"
	"                     as git finds .git; start one with 'nh3cat init')\n"
	"      --from CSV     take the candidates from an entries CSV made elsewhere\n"
	"                     instead of extracting them\n"
	"\n"
	"Exit status: 0 added or merged, 2 an unreadable paper, a key taken by\n"
	"another paper, or a write that failed (the corpus is then unchanged).\n",
	.run = run,
};
