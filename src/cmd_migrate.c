/*
 * cmd_migrate.c: nh3cat migrate [FILE|DIR...]
 *
 * Rewrites entries CSV files of an older schema version as the current
 * one (v1 -> v2: the column outlet_nh3_pct, empty, after ea_kJ_mol).
 * Every cell keeps its value: the new file is read back and compared,
 * cell by cell, before it replaces the old one atomically.  Files of the
 * current version are left alone.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cmd.h"
#include "corpus_layout.h"
#include "diag.h"
#include "entry.h"
#include "fileio.h"
#include "util.h"

/* Every cell of a and b equal, columns matched by name. */
static int same_cells(const struct entry_set *a, const struct entry_set *b)
{
	size_t i, k;
	if (a->n != b->n || a->nextra != b->nextra)
		return 0;
	for (k = 0; k < a->nextra; k++)
		if (!str_eq(a->extra_names[k], b->extra_names[k]))
			return 0;
	for (i = 0; i < a->n; i++) {
		for (k = 0; k < ENTRY_NCOLS; k++)
			if (!str_eq(a->v[i].f[k], b->v[i].f[k]))
				return 0;
		for (k = 0; k < a->nextra; k++)
			if (!str_eq(a->v[i].extra[k], b->v[i].extra[k]))
				return 0;
	}
	return 1;
}

/* Migrate one file: 0 done or nothing to do (*changed says which), -1 error. */
static int migrate_file(const char *path, int argc, char **argv, int *changed)
{
	struct entry_set s, back;
	struct diag *d = diag_new(DIAG_FMT_TEXT, NULL);
	struct file_lock *lock = NULL;
	struct buf out = BUF_INIT;
	size_t i;
	int rc = -1;

	*changed = 0;
	entry_set_init(&s);
	entry_set_init(&back);
	if (cmd_lock_output(path, argc, argv, &lock) < 0)
		goto out;
	if (entries_read(path, &s, d) < 0) {
		error("'%s' not migrated: it must read without errors first", path);
		goto out;
	}
	if (s.version >= ENTRY_SCHEMA_VERSION) {
		rc = 0;
		goto out;
	}
	/* written anew in the current layout, cell by cell */
	s.version = ENTRY_SCHEMA_VERSION;
	free(s.raw_header);
	s.raw_header = NULL;
	s.raw_header_len = 0;
	for (i = 0; i < s.n; i++) {
		free(s.v[i].raw);
		s.v[i].raw = NULL;
		s.v[i].rawlen = 0;
	}
	entries_format(&s, &out);
	if (entries_parse(path, out.data ? out.data : "", out.len, &back, d) < 0 ||
	    back.version != ENTRY_SCHEMA_VERSION || !same_cells(&s, &back)) {
		error("'%s' not migrated: the rewritten file would not read back the same", path);
		goto out;
	}
	if (file_write_atomic(path, out.data ? out.data : "", out.len) < 0)
		goto out;
	*changed = 1;
	rc = 0;
out:
	buf_release(&out);
	entry_set_release(&s);
	entry_set_release(&back);
	diag_free(d);
	file_lock_release(lock);
	return rc;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char **files = NULL;
	char *deflt = NULL;
	size_t nfiles = 0, alloc = 0, i, nchanged = 0;
	int c, i_arg, bad = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		return cmd_option_error(&cmd_migrate, argv, c);
	if (optind >= argc) {
		/* The corpus found here or above, as add, validate and report find it. */
		char *root = corpus_find();
		if (!root)
			return cmd_usage_error(&cmd_migrate, "no FILE given and no %s/ here or in any "
					       "folder above", CORPUS_DIR);
		deflt = corpus_entries_dir(root);
		free(root);
	}
	for (i_arg = optind; i_arg < argc || (deflt && i_arg == optind); i_arg++) {
		const char *arg = deflt ? deflt : argv[i_arg];
		struct stat st;
		if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (cmd_list_csv(arg, &files, &nfiles, &alloc) < 0)
				bad = 1;
		} else {
			files = xgrow(files, &alloc, nfiles + 1, sizeof(char *));
			files[nfiles++] = xstrdup(arg);
		}
		if (deflt)
			break;
	}
	for (i = 0; i < nfiles; i++) {
		int changed;
		if (migrate_file(files[i], argc, argv, &changed) < 0)
			bad = 1;
		else if (changed)
			nchanged++;
		free(files[i]);
	}
	free(files);
	free(deflt);
	fprintf(stderr, "%s: migrated %zu of %zu file%s to schema v%d\n", progname, nchanged, nfiles,
		nfiles == 1 ? "" : "s", ENTRY_SCHEMA_VERSION);
	return bad ? EXIT_INPUT : EXIT_OK;
}

const struct command cmd_migrate = {
	.name = "migrate",
	.summary = "rewrite entries CSV files of an older schema as the current one",
	.usage = "nh3cat migrate [FILE|DIR...]",
	.help =
	"Rewrites each entries CSV file of schema v1 as v2: the column\n"
	"outlet_nh3_pct (NH3 concentration of the reactor effluent, vol %) is\n"
	"added, empty, after ea_kJ_mol.  Every other cell keeps its value: the\n"
	"new file is read back and compared cell by cell before it replaces the\n"
	"old one (atomically: a crash leaves the old file or the new one).\n"
	"Files already of v2 are left as they are.  A folder stands for its\n"
	"*.csv files; with no argument, corpus/entries/.\n"
	"\n"
	"Every reader of nh3cat takes v1 files as they are, and writes them\n"
	"back as v1 until a value needs the new column; nh3cat validate notes\n"
	"a v1 file (schema-version).\n"
	"\n"
	"Exit status: 0, or 2 when a file cannot be read, is malformed, or\n"
	"cannot be written (the others are still migrated).\n",
	.run = run,
};
