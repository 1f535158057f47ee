/*
 * cmd_extract.c: nh3cat extract (not built yet in this version).
 */
#include <config.h>

#include "cmd.h"
#include "util.h"

static int run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_not_built(&cmd_extract);
}

const struct command cmd_extract = {
	.name = "extract",
	.summary = "extract catalyst performance entries from text (.txt, .md) or XML",
	.usage = "nh3cat extract [-o OUT.csv] [--doc KEY] FILE...",
	.help = "",
	.run = run,
};
