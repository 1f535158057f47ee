/*
 * cmd_report.c: nh3cat report (not built yet in this version).
 */
#include <config.h>

#include "cmd.h"
#include "util.h"

static int run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cmd_not_built(&cmd_report);
}

const struct command cmd_report = {
	.name = "report",
	.summary = "render a report template into PDF, SVG or PNG",
	.usage = "nh3cat report TEMPLATE.xml [-o OUT.pdf|OUT.svg|OUT.png] [CSV...]",
	.help = "",
	.run = run,
};
