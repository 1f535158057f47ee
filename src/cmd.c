/*
 * cmd.c: what the subcommands share: usage errors, --help text and the
 * reporting of bad options from getopt_long.
 */
#include <config.h>

#include <dirent.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "corpus_layout.h"
#include "fileio.h"
#include "util.h"

#define DESCRIBE_MAX 200

int cmd_usage_error(const struct command *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: %s: ", progname, cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: %s\nTry 'nh3cat %s --help' for more information.\n",
		cmd->usage, cmd->name);
	return EXIT_INPUT;
}

void cmd_print_help(const struct command *cmd, FILE *f)
{
	fprintf(f, "usage: %s\n\n%s\n", cmd->usage, cmd->summary);
	if (cmd->help && *cmd->help)
		fprintf(f, "\n%s", cmd->help);
}

int cmd_wants_help(int argc, char **argv)
{
	int i;
	for (i = 1; i < argc; i++) {
		if (str_eq(argv[i], "--"))
			return 0;
		if (str_eq(argv[i], "-h") || str_eq(argv[i], "--help"))
			return 1;
	}
	return 0;
}

int cmd_option_error(const struct command *cmd, char **argv, int c)
{
	const char *arg = argv[optind - 1];
	if (c == ':')
		return cmd_usage_error(cmd, "option '%s' needs a value", arg);
	if (optopt)
		return cmd_usage_error(cmd, "unknown option '-%c'", optopt);
	return cmd_usage_error(cmd, "unknown option '%s'", arg);
}

char *cmd_describe(int argc, char **argv)
{
	struct buf b = BUF_INIT;
	int i;
	buf_addstr(&b, progname);
	for (i = 0; i < argc && b.len < DESCRIBE_MAX; i++) {
		const char *p;
		buf_addch(&b, ' ');
		for (p = argv[i]; *p && b.len < DESCRIBE_MAX; p++)
			buf_addch(&b, (unsigned char)*p < ' ' ? '?' : *p);
	}
	if (b.len >= DESCRIBE_MAX)
		buf_addstr(&b, "...");
	return buf_detach(&b, NULL);
}

int cmd_lock_output(const char *path, int argc, char **argv, struct file_lock **lock)
{
	char *lp, *who;
	*lock = NULL;
	if (!path || str_eq(path, "-") || !(lp = corpus_lock_path_for(path)))
		return 0;
	who = cmd_describe(argc, argv);
	*lock = file_lock_take(lp, who);
	free(who);
	free(lp);
	return *lock ? 0 : -1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cmd_list_csv(const char *dir, char ***files, size_t *n, size_t *alloc)
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
		buf_printf(&path, "%s%s%s", dir, str_endswith(dir, "/") ? "" : "/", de->d_name);
		*files = xgrow(*files, alloc, *n + 1, sizeof(char *));
		(*files)[(*n)++] = buf_detach(&path, NULL);
	}
	closedir(dp);
	if (*n > first)
		qsort(*files + first, *n - first, sizeof(char *), cmp_str);
	return 0;
}
