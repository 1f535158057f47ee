/*
 * cmd_merge.c: nh3cat merge (not built yet in this version).
 */
#include <config.h>

#include "cmd.h"
#include "util.h"

static int run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_not_built(&cmd_merge);
}

const struct command cmd_merge = {
	.name = "merge",
	.summary = "merge entries CSV files from shards, stable and deduplicated",
	.usage = "nh3cat merge [-o OUT.csv] CSV...",
	.help = "",
	.run = run,
};
