/*
 * cmd_add.c: nh3cat add (not built yet in this version).
 */
#include <config.h>

#include "cmd.h"
#include "util.h"

static int run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_not_built(&cmd_add);
}

const struct command cmd_add = {
	.name = "add",
	.summary = "add a paper to the corpus and extract its entries",
	.usage = "nh3cat add FILE [--key KEY]",
	.help = "",
	.run = run,
};
