/*
 * cmd_units.c: nh3cat units (not built yet in this version).
 */
#include <config.h>

#include "cmd.h"
#include "util.h"

static int run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_not_built(&cmd_units);
}

const struct command cmd_units = {
	.name = "units",
	.summary = "print one quantity in canonical units",
	.usage = "nh3cat units 'QUANTITY' [--loading WT]",
	.help = "",
	.run = run,
};
