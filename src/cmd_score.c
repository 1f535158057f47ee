/*
 * cmd_score.c: nh3cat score [--doc KEY] [--min-f1 X] [--no-rejected] [--verbose]
 *                           GOLD.csv PRED.csv
 *
 * Reads both files by column name (score.h has the rules), prints the
 * per-field condition counts and precision, recall and F1 of the facts,
 * and with --min-f1 fails (exit 1) below the threshold, for CI.
 */
#include <config.h>

#include <getopt.h>
#include <math.h>
#include <stdlib.h>

#include "cmd.h"
#include "csvtab.h"
#include "diag.h"
#include "score.h"

static int read_input(const char *path, struct csvtab *t, struct diag *d)
{
	if (csvtab_read(path, t, d) < 0)
		return -1;
	return score_check_columns(path, t, d);
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "doc", required_argument, NULL, 'd' },
		{ "min-f1", required_argument, NULL, 'm' },
		{ "no-rejected", no_argument, NULL, 'r' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	struct csvtab gold = CSVTAB_INIT, pred = CSVTAB_INIT;
	struct score_result res;
	const char *doc = NULL;
	double min_f1 = NAN;
	int c, verbose = 0, status = EXIT_INPUT;
	unsigned flags = 0;
	struct diag *d;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":v", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			doc = optarg;
			break;
		case 'm':
			if (num_parse(optarg, &min_f1) < 0)
				return cmd_usage_error(&cmd_score, "--min-f1: '%s' is not a number",
						       optarg);
			break;
		case 'r':
			flags |= SCORE_NO_REJECTED;
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			return cmd_option_error(&cmd_score, argv, c);
		}
	}
	if (argc - optind != 2)
		return cmd_usage_error(&cmd_score, "%s", argc - optind < 2 ?
				       "needs GOLD.csv and PRED.csv" : "too many files (give GOLD.csv PRED.csv)");

	d = diag_new(DIAG_FMT_TEXT, NULL);
	if (read_input(argv[optind], &gold, d) == 0 && read_input(argv[optind + 1], &pred, d) == 0) {
		score_compute(&gold, &pred, doc, flags, &res);
		score_print(stdout, &res, verbose);
		status = !isnan(min_f1) && res.f1 < min_f1 ? EXIT_FINDINGS : EXIT_OK;
		score_result_release(&res);
	}
	diag_free(d);
	csvtab_release(&gold);
	csvtab_release(&pred);
	return status;
}

const struct command cmd_score = {
	.name = "score",
	.summary = "score extracted entries against curated ones",
	.usage = "nh3cat score [--doc KEY] [--min-f1 X] [--no-rejected] [--verbose] GOLD.csv PRED.csv",
	.help =
	"Compares the performance values of PRED (rates per g catalyst and per g\n"
	"metal, TOF, Ea) with those of GOLD, both CSV files read by column name:\n"
	"the gold format (doc,source,line,catalyst,...,optional,evidence) or\n"
	"entries CSV schema v1.  A gold value is recalled when PRED has the same\n"
	"quantity within 1.5 % for the same catalyst (names compared after folding\n"
	"case, spaces, sub- and superscript digits, dashes and LaTeX markup; gold\n"
	"may give alternatives separated by '|').  Gold rows with optional=1 are\n"
	"not required; PRED values named in its 'derived' column are not counted.\n"
	"For recalled values, the conditions (temperature_C, pressure_MPa,\n"
	"whsv_mL_g_h, loading_wt, site_type, ref) are checked where gold has them.\n"
	"\n"
	"Prints one line per condition field, the fact counts, and\n"
	"precision=P recall=R F1=F, as tools/score-extraction does.\n"
	"\n"
	"Options:\n"
	"  --doc KEY       only rows whose doc column is KEY\n"
	"  --min-f1 X      exit 1 when F1 is below X (for CI)\n"
	"  --no-rejected   leave out GOLD rows whose status is 'rejected' (a curated\n"
	"                  corpus file keeps the false positives a curator turned\n"
	"                  down); without it every row counts, as in the reference\n"
	"                  scorer\n"
	"  -v, --verbose   also list the missed gold values and the unmatched\n"
	"                  predictions\n"
	"\n"
	"Exit status: 0 scored, 1 F1 below --min-f1, 2 usage error or a file that\n"
	"cannot be read as CSV.\n",
	.run = run,
};
