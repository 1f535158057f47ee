/*
 * cmd_validate.c: nh3cat validate [--rules FILE] [--waivers FILE]
 *                 [--refs FILE] [--format text|json|github] [CSV|DIR...]
 *                 nh3cat validate --explain [RULE]
 *
 * Reads each entries CSV and runs every rule of validate.h over it.  With
 * no argument it validates corpus/entries/ under the current folder.
 * Exit status: 2 when a file cannot be read as CSV at all, a folder holds
 * no CSV (nothing validated is no success) or a rules or waiver file is
 * malformed, else 1 when any finding is an error, else 0.
 */
#include <config.h>

#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cite.h"
#include "cmd.h"
#include "corpus.h"
#include "corpus_layout.h"
#include "diag.h"
#include "document.h"
#include "entry.h"
#include "extract.h"
#include "sentence.h"
#include "ingest.h"
#include "rules.h"
#include "validate.h"


/* The *.csv files of dir, sorted, appended to *files; a folder without one is an error. */
static int list_dir(const char *dir, char ***files, size_t *n, size_t *alloc)
{
	size_t first = *n;
	if (cmd_list_csv(dir, files, n, alloc) < 0)
		return -1;
	if (*n == first) {
		/* a CI run that checks nothing must not pass for a green one */
		fprintf(stderr, "%s: error: no entries CSV (*.csv) in the folder: nothing to validate\n",
			dir);
		return -1;
	}
	return 0;
}

/* --- citing sentences of the source document --------------------------- */

struct cites {
	struct text_cite *v;
	size_t n, alloc;
};

static void cites_release(struct cites *c)
{
	size_t i;
	for (i = 0; i < c->n; i++) {
		free(c->v[i].sentence);
		free(c->v[i].path);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

static int is_upper_at(const char *s, size_t i, size_t len)
{
	return i < len && s[i] >= 'A' && s[i] <= 'Z';
}

static int is_lower_at(const char *s, size_t i, size_t len)
{
	return i < len && s[i] >= 'a' && s[i] <= 'z';
}

/*
 * The sentences of a paragraph or caption with the references they cite.  A
 * sentence ends at ". " before a capital, at a citation marker followed by
 * a blank and a capital ("(ZIF).97 As shown"), or before a figure panel
 * (". (b) ").  A sentence without a marker of its own speaks of the work
 * cited last in the paragraph ("Zhou et al. prepared ...⁶⁹ With the
 * increase ... the Co-N₂ catalyst ..."), so it inherits those references.
 */
static void cites_of_block(const struct document *doc, const struct block *b, int caption,
			   struct cites *out)
{
	const char *line = b->text;
	size_t len = b->len;
	struct cite_mark marks[64];
	size_t nm = cite_scan(line, len, marks, ARRAY_SIZE(marks)), m, i, k;
	size_t *starts, nstarts = 0, idx;
	long cur[TEXT_CITE_MAX_REFS];
	size_t ncur = 0;

	if (nm > ARRAY_SIZE(marks))
		nm = ARRAY_SIZE(marks);
	/* an exponent after a superscript minus (h⁻¹) is no citation */
	for (m = k = 0; m < nm; m++)
		if (!(marks[m].start >= 3 && (unsigned char)line[marks[m].start - 3] == 0xE2 &&
		      (unsigned char)line[marks[m].start - 2] == 0x81 &&
		      (unsigned char)line[marks[m].start - 1] == 0xBB))
			marks[k++] = marks[m];
	nm = k;
	if (!nm)
		return;   /* nothing cited in the paragraph */
	starts = xcalloc(len + 2, sizeof(size_t));
	starts[nstarts++] = 0;
	for (i = 1; i + 1 < len; i++) {
		int after_mark = 0;
		if (line[i] != ' ')
			continue;
		for (m = 0; m < nm; m++)
			after_mark |= marks[m].end == i;
		if ((is_upper_at(line, i + 1, len) &&
		     (after_mark || (line[i - 1] == '.' && !sentence_abbrev_before(line, i - 1)))) ||
		    ((line[i - 1] == '.' || line[i - 1] == ';' || after_mark) && line[i + 1] == '(' &&
		     is_lower_at(line, i + 2, len) && i + 3 < len && line[i + 3] == ')'))
			starts[nstarts++] = i + 1;
	}
	starts[nstarts] = len;

	/*
	 * In a figure caption a panel without a marker belongs with the next
	 * one that has one ("(c) ... (d) ...⁹⁷"): walk the panels backwards.
	 */
	for (idx = 0; idx < nstarts; idx++) {
		size_t sentence = caption ? nstarts - 1 - idx : idx;
		size_t st = starts[sentence], en = starts[sentence + 1], own = 0;
		struct text_cite *tc;
		for (m = 0; m < nm; m++) {
			if (marks[m].start < st || marks[m].start >= en)
				continue;
			if (!own++)
				ncur = 0;
			for (k = 0; k < marks[m].n && ncur < TEXT_CITE_MAX_REFS; k++)
				cur[ncur++] = marks[m].nums[k];
		}
		if (!ncur)
			continue;
		out->v = xgrow(out->v, &out->alloc, out->n + 1, sizeof(*out->v));
		tc = &out->v[out->n++];
		memset(tc, 0, sizeof(*tc));
		tc->sentence = xstrndup(line + st, en - st);
		if (b->path) {
			tc->path = xstrdup(b->path);
		} else if (b->src_off != DOC_NO_OFFSET) {
			long col;
			document_line_col(doc, b->map ? b->map[st] : b->src_off + st, &tc->line, &col);
		}
		memcpy(tc->refs, cur, ncur * sizeof(long));
		tc->nrefs = ncur;
	}
	free(starts);
}

static void ignore_diag(void *ctx, const struct diag_item *item)
{
	(void)ctx;
	(void)item;
}

/*
 * Citing sentences of the paragraphs and captions of a document (any
 * format nh3cat reads); tables and the reference list are left out.
 * Returns 0, or -1 when the document cannot be read.
 */
static int cites_load(const char *path, struct cites *out)
{
	struct diag *quiet = diag_new_collect(ignore_diag, NULL);
	struct document *doc = ingest_file(path, NULL, quiet);
	size_t i;
	diag_free(quiet);
	if (!doc)
		return -1;
	for (i = 0; i < doc->nblocks; i++) {
		const struct block *b = &doc->blocks[i];
		if (b->kind == BLOCK_PARAGRAPH)
			cites_of_block(doc, b, 0, out);
		else if (b->kind == BLOCK_CAPTION)
			cites_of_block(doc, b, 1, out);
	}
	document_free(doc);
	return 0;
}

/* ROOT/entries/KEY.csv -> ROOT/papers/KEY.txt (.md, .xml), when it exists. */
static char *paper_beside(const char *file)
{
	static const char *const exts[] = { "txt", "md", "xml", NULL };
	char *root, *key, *found = NULL;
	size_t i;
	if (corpus_split_entries_path(file, &root, &key) < 0)
		return NULL;
	for (i = 0; exts[i] && !found; i++) {
		char *p = corpus_paper_path(root, key, exts[i]);
		struct stat st;
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			found = p;
		else
			free(p);
	}
	free(root);
	free(key);
	return found;
}

struct cites_handle {
	struct cites cites;
	char *paper;
};

void *cmd_cites_for(const char *entries_file, struct validate_opts *vo)
{
	struct cites_handle *h;
	char *paper = paper_beside(entries_file);
	vo->cites = NULL;
	vo->ncites = 0;
	vo->cites_name = NULL;
	if (!paper)
		return NULL;
	h = xcalloc(1, sizeof(*h));
	h->paper = paper;
	if (cites_load(paper, &h->cites) == 0) {
		vo->cites = h->cites.v;
		vo->ncites = h->cites.n;
		vo->cites_name = h->paper;
	}
	return h;
}

int cmd_paper_meta_for(const char *entries_file, struct paper_meta *out)
{
	char *paper = paper_beside(entries_file);
	int rc;
	if (!paper)
		return -1;
	rc = corpus_paper_meta_file(paper, out);
	free(paper);
	return rc;
}

void cmd_cites_free(void *handle)
{
	struct cites_handle *h = handle;
	if (!h)
		return;
	cites_release(&h->cites);
	free(h->paper);
	free(h);
}

struct unused_ctx {
	struct diag *d;
	const struct rules *rules;
};

/* A waiver of the waiver file that matched nothing in any file. */
static void report_unused(void *ctx, const char *file, long line, const char *entry_id,
			  const char *rule)
{
	struct unused_ctx *uc = ctx;
	int sev = uc->rules->sev[R_WAIVER_UNUSED];
	if (sev == RULE_OFF)
		return;
	diag_emit(uc->d, file, line, 0, (enum diag_severity)sev, rule_table[R_WAIVER_UNUSED].id,
		  "waiver of %s for '%s' excuses no finding", rule, entry_id);
}

/* Topics --explain knows besides the rules: definitions the rules rely on. */
static const struct {
	const char *name, *summary, *text;
} topics[] = {
	{ "site-type", "what SAC, SCC, BCC, NP and bulk mean",
	  "site_type sorts catalysts by the size of the active site:\n"
	  "  SAC   single-atom catalyst: isolated metal atoms (SAC, SAs, single\n"
	  "        atom, M-Nx sites such as Co-N-C or FeN4, M1/support).\n"
	  "  SCC   single-cluster catalyst: clusters below about 2 nm (ACCs, NCs,\n"
	  "        clusters, dimers such as Co2 or Ru3).\n"
	  "  BCC   bimetallic-cluster catalyst: two or more active metals (alloys,\n"
	  "        single-atom alloys, Co1Ru2), any size.\n"
	  "  NP    nanoparticles of 2 nm and above (NPs, nanoparticles, Ru-2.8 nm).\n"
	  "  bulk  a bulk or unsupported compound that is itself the catalyst:\n"
	  "        nitrides (Co3Mo3N, LaN), carbides (WC), hydrides (MoHx, CaH2),\n"
	  "        intermetallics and electrides (LaCoSi, C12A7:e-, Ca2N:e-),\n"
	  "        perovskites without a supported metal (LaCo0.98Ru0.02O3),\n"
	  "        fused iron.\n"
	  "Active metals are the d-block metals of groups 5 to 11; promoters\n"
	  "(K, Cs, Ba) and support elements (Ce, Mg, Ti, La, Al ...) never count.\n"
	  "A formula's digits are stoichiometry, not a site marker: Fe1-xO\n"
	  "(wustite) and Co3Mo3N are compounds, not single atoms or trimers.  A\n"
	  "name that is an unsupported compound of a metal with a non-metal\n"
	  "(of an alkali or alkaline-earth metal: not an oxide, a promoter's)\n"
	  "classifies as bulk; with a support after '/' or '@' (Fe1/Co3Mo3N) the\n"
	  "compound is the support and the metal before it the site.\n" },
};

/* --explain: one rule or topic in full, or the list of all of them. */
static int explain(const char *name)
{
	int r;
	size_t k;
	if (!name) {
		for (r = 0; r < RULE_COUNT; r++)
			printf("%-20s %-7s %s\n", rule_table[r].id,
			       diag_severity_name(rule_table[r].sev), rule_table[r].summary);
		for (k = 0; k < ARRAY_SIZE(topics); k++)
			printf("%-20s %-7s %s\n", topics[k].name, "topic", topics[k].summary);
		return EXIT_OK;
	}
	for (k = 0; k < ARRAY_SIZE(topics); k++)
		if (str_eq(name, topics[k].name)) {
			printf("%s: %s\n\n%s", topics[k].name, topics[k].summary, topics[k].text);
			return EXIT_OK;
		}
	r = rule_find(name);
	if (r < 0)
		return cmd_usage_error(&cmd_validate, "unknown rule '%s' (--explain lists them)", name);
	printf("%s (%s by default): %s\n\n%s", rule_table[r].id,
	       diag_severity_name(rule_table[r].sev), rule_table[r].summary, rule_table[r].explain);
	return EXIT_OK;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "rules", required_argument, NULL, 'r' },
		{ "waivers", required_argument, NULL, 'w' },
		{ "refs", required_argument, NULL, 'R' },
		{ "paper", required_argument, NULL, 'p' },
		{ "explain", no_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 }
	};
	enum diag_format fmt = DIAG_FMT_TEXT;
	const char *rules_path = NULL, *waivers_path = NULL, *paper_path = NULL;
	char *corpus_waivers = NULL;
	struct validate_opts vo;
	char **files = NULL;
	size_t nfiles = 0, alloc = 0, i, entries = 0;
	int c, unreadable = 0, status, want_explain = 0;
	struct rules *rules = NULL;
	struct waivers *waivers = NULL;
	struct diag *d;

	memset(&vo, 0, sizeof(vo));
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (diag_format_parse(optarg, &fmt) < 0)
				return cmd_usage_error(&cmd_validate,
						       "unknown format '%s' (text, json or github)", optarg);
			break;
		case 'r':
			rules_path = optarg;
			break;
		case 'w':
			waivers_path = optarg;
			break;
		case 'R':
			vo.refs_path = optarg;
			break;
		case 'p':
			paper_path = optarg;
			break;
		case 'x':
			want_explain = 1;
			break;
		default:
			return cmd_option_error(&cmd_validate, argv, c);
		}
	}
	if (want_explain) {
		if (argc - optind > 1)
			return cmd_usage_error(&cmd_validate, "--explain takes at most one rule");
		return explain(optind < argc ? argv[optind] : NULL);
	}
	if (paper_path) {
		FILE *f = fopen(paper_path, "r");
		if (!f)
			return cmd_usage_error(&cmd_validate, "cannot read document '%s'", paper_path);
		fclose(f);
	}
	if (vo.refs_path) {
		FILE *f = fopen(vo.refs_path, "r");
		if (!f)
			return cmd_usage_error(&cmd_validate, "cannot read reference list '%s'",
					       vo.refs_path);
		fclose(f);
	}

	for (i = (size_t)optind; i < (size_t)argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			if (list_dir(argv[i], &files, &nfiles, &alloc) < 0)
				unreadable = 1;
		} else {
			files = xgrow(files, &alloc, nfiles + 1, sizeof(char *));
			files[nfiles++] = xstrdup(argv[i]);
		}
	}
	if (optind >= argc) {
		/* The corpus found here or above, with its own waivers unless given. */
		char *root = corpus_find(), *dir;
		struct stat st;
		if (!root)
			return cmd_usage_error(&cmd_validate, "no CSV given and no %s/ here or in "
					       "any folder above", CORPUS_DIR);
		dir = corpus_entries_dir(root);
		if (!waivers_path) {
			corpus_waivers = corpus_waivers_path(root);
			if (stat(corpus_waivers, &st) == 0)
				waivers_path = corpus_waivers;
		}
		free(root);
		if (list_dir(dir, &files, &nfiles, &alloc) < 0)
			unreadable = 1;
		free(dir);
	}

	d = diag_new(fmt, NULL);
	rules = rules_new();
	if (rules_path && rules_load(rules, rules_path, d) < 0)
		goto bad_config;
	if (waivers_path) {
		waivers = waivers_new();
		if (waivers_load(waivers, waivers_path, d) < 0)
			goto bad_config;
	}
	vo.rules = rules;
	vo.waivers = waivers;
	for (i = 0; i < nfiles; i++) {
		struct entry_set s;
		struct cites cites = { NULL, 0, 0 };
		char *paper = paper_path ? xstrdup(paper_path) : paper_beside(files[i]);
		if (paper && cites_load(paper, &cites) < 0)
			diag_emit(d, paper, 0, 0, DIAG_WARNING, "ref-mismatch",
				  "document not read; its citations are not checked");
		vo.cites = cites.v;
		vo.ncites = cites.n;
		vo.cites_name = paper;
		entry_set_init(&s);
		if (entries_read(files[i], &s, d) < 0)
			unreadable = 1;
		validate_run(files[i], &s, &vo, d);
		cites_release(&cites);
		free(paper);
		entries += s.n;
		entry_set_release(&s);
	}
	if (waivers) {
		struct unused_ctx uc = { d, rules };
		waivers_take_unused(waivers, report_unused, &uc);
	}
	diag_finish(d);
	if (fmt == DIAG_FMT_TEXT) {
		fprintf(stderr, "%s: validated %zu entries in %zu file%s: %lu error%s, %lu warning%s",
			progname, entries, nfiles, nfiles == 1 ? "" : "s",
			diag_count(d, DIAG_ERROR), diag_count(d, DIAG_ERROR) == 1 ? "" : "s",
			diag_count(d, DIAG_WARNING), diag_count(d, DIAG_WARNING) == 1 ? "" : "s");
		if (vo.waived)
			fprintf(stderr, ", %lu waived", vo.waived);
		fputc('\n', stderr);
	}
	status = unreadable ? EXIT_INPUT : diag_count(d, DIAG_ERROR) ? EXIT_FINDINGS : EXIT_OK;
	goto out;

bad_config:
	diag_finish(d);
	status = EXIT_INPUT;
out:
	diag_free(d);
	rules_free(rules);
	waivers_free(waivers);
	for (i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	free(corpus_waivers);
	return status;
}

const struct command cmd_validate = {
	.name = "validate",
	.summary = "check entries CSV files against the schema and the domain rules",
	.usage = "nh3cat validate [--rules FILE] [--waivers FILE] [--refs FILE]\n"
		 "                       [--paper FILE] [--format text|json|github] [CSV|DIR...]\n"
		 "       nh3cat validate --explain [RULE]",
	.help =
	"Checks each entries CSV: RFC 4180 form, UTF-8, the schema v1 header and\n"
	"column types, then the domain rules: plausible ranges, fields a reviewed\n"
	"entry needs, site type against size, metals and name, rates per metal\n"
	"against loadings, duplicates, table against text, stated fold-ratios,\n"
	"and reference numbers against the text and the reference list.  With no\n"
	"argument, validates corpus/entries/*.csv.\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT   text (FILE:LINE: severity: [rule] message, on\n"
	"                     stderr), json (an array on stdout) or github\n"
	"                     (workflow commands on stdout, for pull-request\n"
	"                     annotations)\n"
	"      --rules FILE   thresholds, ranges and severities (the defaults are\n"
	"                     those of rules/default.rules)\n"
	"      --waivers FILE waivers, one a line: ENTRY-ID RULE reason...\n"
	"                     (or a waive column in the CSV: RULE: reason; ...)\n"
	"      --refs FILE    the document's reference list (ref,title,... CSV);\n"
	"                     by default corpus/refs/KEY.csv beside the entries\n"
	"      --paper FILE   the document's text, for the reference numbers its\n"
	"                     sentences cite; by default corpus/papers/KEY.txt\n"
	"      --explain [RULE]  explain one rule, or list them all\n"
	"\n"
	"Exit status: 0 clean, 1 errors found, 2 a file could not be read as CSV,\n"
	"a folder holds no *.csv (nothing to validate is no success), or a rules\n"
	"or waiver file is malformed.\n",
	.run = run,
};
