/*
 * main.c: the nh3cat command: global options, command lookup, the final
 * check that standard output was written whole, and the exit status.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "entry.h"
#include "util.h"

static const struct command *const commands[] = {
	&cmd_extract, &cmd_validate, &cmd_report, &cmd_init, &cmd_add,
	&cmd_merge, &cmd_score, &cmd_units, &cmd_migrate, &cmd_schema,
};

static void print_usage(FILE *f)
{
	fprintf(f, "usage: nh3cat [--help] [--version] COMMAND [ARGS...]\n");
}

static void print_help(void)
{
	size_t i;
	print_usage(stdout);
	printf("\nnh3cat turns papers on ammonia-synthesis catalysts into a curated,\n"
	       "validated dataset of performance entries (entries CSV, schema v%d)\n"
	       "and renders comparison tables and charts from it.\n\nCommands:\n", ENTRY_SCHEMA_VERSION);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		printf("  %-10s %s\n", commands[i]->name, commands[i]->summary);
	printf("\nRun 'nh3cat COMMAND --help' for the options of one command.\n"
	       "Exit status: 0 success, 1 findings (validation errors, a score below\n"
	       "--min-f1), 2 usage or input error.\n");
}

/* A full disk or a closed pipe must not pass for success (git, jq do the same). */
static int finish_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: error: write error on standard output: %s\n", progname,
			strerror(errno ? errno : EIO));
		return EXIT_INPUT;
	}
	if (fclose(stdout) != 0) {
		fprintf(stderr, "%s: error: cannot close standard output: %s\n", progname,
			strerror(errno));
		return EXIT_INPUT;
	}
	return status;
}

int main(int argc, char **argv)
{
	const char *name;
	size_t i;

	if (argc < 2) {
		fprintf(stderr, "%s: no command given\n", progname);
		print_usage(stderr);
		fprintf(stderr, "Try 'nh3cat --help' for the list of commands.\n");
		return EXIT_INPUT;
	}
	name = argv[1];
	if (str_eq(name, "--help") || str_eq(name, "-h") || str_eq(name, "help")) {
		if (argc > 2 && !str_eq(name, "help")) {
			fprintf(stderr, "%s: unexpected argument '%s' after %s\n", progname, argv[2], name);
			return EXIT_INPUT;
		}
		if (argc > 2) {
			for (i = 0; i < ARRAY_SIZE(commands); i++)
				if (str_eq(commands[i]->name, argv[2])) {
					cmd_print_help(commands[i], stdout);
					return finish_stdout(EXIT_OK);
				}
			fprintf(stderr, "%s: unknown command '%s'\n", progname, argv[2]);
			return EXIT_INPUT;
		}
		print_help();
		return finish_stdout(EXIT_OK);
	}
	if (str_eq(name, "--version") || str_eq(name, "-V")) {
		printf("nh3cat %s (entries CSV schema v%d)\n", PACKAGE_VERSION, ENTRY_SCHEMA_VERSION);
		return finish_stdout(EXIT_OK);
	}
	if (name[0] == '-') {
		fprintf(stderr, "%s: unknown option '%s'\n", progname, name);
		print_usage(stderr);
		return EXIT_INPUT;
	}
	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		if (str_eq(commands[i]->name, name)) {
			if (cmd_wants_help(argc - 1, argv + 1)) {
				cmd_print_help(commands[i], stdout);
				return finish_stdout(EXIT_OK);
			}
			return finish_stdout(commands[i]->run(argc - 1, argv + 1));
		}
	}
	fprintf(stderr, "%s: unknown command '%s'\n", progname, name);
	print_usage(stderr);
	fprintf(stderr, "Try 'nh3cat --help' for the list of commands.\n");
	return EXIT_INPUT;
}
