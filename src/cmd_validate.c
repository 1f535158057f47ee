/*
 * cmd_validate.c: nh3cat validate [--format text|json|github] [CSV|DIR...]
 *
 * Reads each entries CSV and checks it against schema v1.  With no
 * argument it validates corpus/entries/ under the current folder.
 * Exit status: 2 when a file cannot be read as CSV at all, else 1 when any
 * finding is an error, else 0.
 */
#include <config.h>

#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cmd.h"
#include "diag.h"
#include "entry.h"
#include "validate.h"

#define CORPUS_ENTRIES "corpus/entries"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.csv files of dir, sorted, appended to *files. */
static int list_dir(const char *dir, char ***files, size_t *n, size_t *alloc)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	size_t first = *n;
	if (!dp)
		return error("cannot open folder '%s'", dir);
	while ((de = readdir(dp)) != NULL) {
		struct buf path = BUF_INIT;
		if (de->d_name[0] == '.' || !str_endswith(de->d_name, ".csv"))
			continue;
		buf_printf(&path, "%s/%s", dir, de->d_name);
		*files = xgrow(*files, alloc, *n + 1, sizeof(char *));
		(*files)[(*n)++] = buf_detach(&path, NULL);
	}
	closedir(dp);
	qsort(*files + first, *n - first, sizeof(char *), cmp_str);
	return 0;
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "rules", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	enum diag_format fmt = DIAG_FMT_TEXT;
	char **files = NULL;
	size_t nfiles = 0, alloc = 0, i, entries = 0;
	int c, unreadable = 0, status;
	struct diag *d;

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
			return cmd_usage_error(&cmd_validate,
					       "--rules: domain rules are not built yet in this version");
		default:
			return cmd_option_error(&cmd_validate, argv, c);
		}
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
	if (optind >= argc && list_dir(CORPUS_ENTRIES, &files, &nfiles, &alloc) < 0) {
		free(files);
		return cmd_usage_error(&cmd_validate, "no CSV given and no %s/ here", CORPUS_ENTRIES);
	}

	d = diag_new(fmt, NULL);
	for (i = 0; i < nfiles; i++) {
		struct entry_set s;
		entry_set_init(&s);
		if (entries_read(files[i], &s, d) < 0)
			unreadable = 1;
		validate_entries(files[i], &s, d);
		entries += s.n;
		entry_set_release(&s);
		free(files[i]);
	}
	free(files);
	diag_finish(d);
	if (fmt == DIAG_FMT_TEXT)
		fprintf(stderr, "%s: validated %zu entries in %zu file%s: %lu error%s, %lu warning%s\n",
			progname, entries, nfiles, nfiles == 1 ? "" : "s",
			diag_count(d, DIAG_ERROR), diag_count(d, DIAG_ERROR) == 1 ? "" : "s",
			diag_count(d, DIAG_WARNING), diag_count(d, DIAG_WARNING) == 1 ? "" : "s");
	status = unreadable ? EXIT_INPUT : diag_count(d, DIAG_ERROR) ? EXIT_FINDINGS : EXIT_OK;
	diag_free(d);
	return status;
}

const struct command cmd_validate = {
	.name = "validate",
	.summary = "check entries CSV files against schema v1",
	.usage = "nh3cat validate [--format text|json|github] [CSV|DIR...]",
	.help =
	"Checks each entries CSV: RFC 4180 form, UTF-8, the schema v1 header,\n"
	"numbers in numeric columns, and the allowed values of source, site_type,\n"
	"method and status.  With no argument, validates corpus/entries/*.csv.\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT   text (FILE:LINE: error: [rule] message, on stderr),\n"
	"                     json (an array on stdout) or github (workflow\n"
	"                     commands on stdout, for pull-request annotations)\n"
	"\n"
	"Exit status: 0 clean, 1 errors found, 2 a file could not be read as CSV.\n",
	.run = run,
};
