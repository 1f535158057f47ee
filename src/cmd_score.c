/*
 * cmd_score.c: nh3cat score (not built yet in this version).
 */
#include <config.h>

#include "cmd.h"
#include "util.h"

static int run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_not_built(&cmd_score);
}

const struct command cmd_score = {
	.name = "score",
	.summary = "score extracted entries against curated ones",
	.usage = "nh3cat score [--min-f1 X] GOLD.csv PRED.csv",
	.help = "",
	.run = run,
};
