/*
 * cmd_init.c: nh3cat init [DIR]
 *
 * Starts a corpus: the folder DIR (default corpus/ in the working folder)
 * with papers/, entries/ and refs/ (corpus_layout.h).  The other commands
 * then find it from this folder or any folder below, as git finds .git.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cmd.h"
#include "corpus.h"
#include "corpus_layout.h"
#include "util.h"

static int run(int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	const char *root = CORPUS_DIR;
	struct buf refs = BUF_INIT;
	struct stat st;
	int c, existed;

	optind = 0;
	opterr = 0;
	if ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		return cmd_option_error(&cmd_init, argv, c);
	if (optind + 1 < argc)
		return cmd_usage_error(&cmd_init, "one folder at a time (got %d)", argc - optind);
	if (optind < argc)
		root = argv[optind];
	existed = stat(root, &st) == 0 && S_ISDIR(st.st_mode);
	buf_printf(&refs, "%s/%s", root, CORPUS_REFS);
	if (corpus_make(root) < 0 ||
	    (mkdir(refs.data, 0777) < 0 && errno != EEXIST &&
	     error("cannot create folder '%s': %s", refs.data, strerror(errno)) < 0)) {
		buf_release(&refs);
		return EXIT_INPUT;
	}
	buf_release(&refs);
	printf("%s: %s corpus (papers/, entries/, refs/); add papers with 'nh3cat add FILE'\n",
	       root, existed ? "a" : "a new");
	return EXIT_OK;
}

const struct command cmd_init = {
	.name = "init",
	.summary = "start a corpus: a folder with papers/, entries/ and refs/",
	.usage = "nh3cat init [DIR]",
	.help =
	"Creates the corpus folder DIR (default: corpus in the working folder)\n"
	"with papers/, entries/ and refs/; what is already there is left as it\n"
	"is.  add, validate and report then find it from the folder that holds\n"
	"it or any folder below, as git finds .git (add --corpus DIR names\n"
	"another).\n"
	"\n"
	"Exit status: 0 done, 2 a folder that could not be created.\n",
	.run = run,
};
