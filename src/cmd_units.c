/*
 * cmd_units.c: nh3cat units 'QUANTITY' [--loading WT] [--as KIND]
 *
 * Reads one quantity as a paper writes it and prints it in the canonical
 * unit of its kind, so that a curator can check a number by hand.  With
 * --loading, a rate per gram of metal is also given per gram of catalyst
 * (and the other way round), marked derived.
 * Exit status: 0, or 2 when the quantity cannot be read (the message
 * quotes it).
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "report.h"
#include "report_axis.h"
#include "units.h"
#include "util.h"

/* The canonical unit of q, with the metal of a per-metal rate filled in. */
static void unit_of(const struct quantity *q, struct buf *b)
{
	if (q->kind == QK_RATE_METAL && q->metal[0])
		buf_printf(b, "mmol g_%s^-1 h^-1", q->metal);
	else
		buf_addstr(b, quantity_kind_unit(q->kind));
}

/*
 * The values as reports print them (the figures of the source: 673 K is
 * 400 degC); *full set when that rounds what an entries CSV would store.
 */
static void print_values(const struct quantity *q, const double *v, FILE *f, int *full)
{
	char num[NUM_BUFSZ];
	size_t i;
	for (i = 0; i < q->nvalues; i++) {
		struct buf b = BUF_INIT;
		if (i > 0)
			fputs(q->is_range ? " to " : ", ", f);
		report_format_number(num_format(v[i], num), entry_col_of_kind(q->kind), &b);
		fputs(buf_str(&b), f);
		if (!str_eq(buf_str(&b), num))
			*full = 1;
		buf_release(&b);
	}
}

static void print_full(const struct quantity *q, const double *v, FILE *f)
{
	char num[NUM_BUFSZ];
	size_t i;
	fputs("; stored as ", f);
	for (i = 0; i < q->nvalues; i++) {
		if (i > 0)
			fputs(q->is_range ? " to " : ", ", f);
		fputs(num_format(v[i], num), f);
	}
}

static int run_units(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "loading", required_argument, NULL, 'l' },
		{ "as", required_argument, NULL, 'a' },
		{ "kind", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 }
	};
	const char *text = NULL, *loading_arg = NULL;
	double loading = 0;
	enum quantity_kind expect = QK_NONE;
	struct quantity q, lq;
	struct buf unit = BUF_INIT;
	char err[512], num[NUM_BUFSZ];
	double derived[QTY_MAX_VALUES];
	size_t i;
	int c, full = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":l:a:k:", opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			loading_arg = optarg;
			break;
		case 'a':
		case 'k':
			if ((expect = quantity_kind_from_name(optarg)) == QK_NONE)
				return cmd_usage_error(&cmd_units, "--kind: unknown kind '%s' (rate, rate_metal, tof, "
						       "temperature, pressure, whsv, ghsv, ea, loading, size or outlet)", optarg);
			break;
		default:
			return cmd_option_error(&cmd_units, argv, c);
		}
	}
	if (optind + 1 != argc)
		return cmd_usage_error(&cmd_units, optind >= argc ? "no quantity given"
				       : "one quantity at a time (quote it: 'QUANTITY')");
	text = argv[optind];
	memset(&lq, 0, sizeof(lq));
	if (loading_arg && units_number(loading_arg, &loading) < 0) {
		/* "3.2 wt%", "Co:3.2", "Ru:1.17;Co:0.41" */
		if (units_parse(loading_arg, QK_LOADING, &lq, err, sizeof(err)) == 0)
			loading = lq.values[0];
		else
			loading = -1;
	}
	if (loading_arg && (loading <= 0 || loading > 100))
		return cmd_usage_error(&cmd_units, "--loading: '%s' is not a loading in wt%% (0 to 100]",
				       loading_arg);

	if (units_parse(text, expect, &q, err, sizeof(err)) < 0) {
		fprintf(stderr, "%s: units: %s\n", progname, err);
		return EXIT_INPUT;
	}
	if (loading_arg && (q.kind == QK_RATE_METAL || q.kind == QK_RATE_CAT)) {
		/* of several metals, the one the rate is per */
		for (i = 0; i < lq.nparts && q.metal[0]; i++)
			if (str_eq(lq.parts[i].metal, q.metal))
				loading = lq.parts[i].wt;
		for (i = 0; i < q.nvalues; i++) {
			derived[i] = q.kind == QK_RATE_METAL ? rate_metal_to_cat(q.values[i], loading)
							     : rate_cat_to_metal(q.values[i], loading);
			if (!num_in_range(derived[i])) {
				fprintf(stderr, "%s: units: '%s' at %s wt%% is a rate per gram of %s "
					"too %s to store\n", progname, text, num_format(loading, num),
					q.kind == QK_RATE_METAL ? "catalyst" : "metal",
					fabs(derived[i]) >= NUM_MAX ? "large" : "small");
				return EXIT_INPUT;
			}
		}
	}

	if (q.kind == QK_LOADING && q.nparts > 1) {
		for (i = 0; i < q.nparts; i++)
			printf("%s%s:%s", i ? ";" : "", q.parts[i].metal, num_format(q.parts[i].wt, num));
		printf(" wt%% (%s, %s wt%% in all)\n", quantity_kind_description(q.kind),
		       num_format(q.values[0], num));
		return EXIT_OK;
	}
	print_values(&q, q.values, stdout, &full);
	unit_of(&q, &unit);
	printf(" %s (", buf_str(&unit));
	if (q.kind == QK_RATE_METAL && q.metal[0])
		printf("rate per gram of %s", q.metal);
	else
		fputs(quantity_kind_description(q.kind), stdout);
	if (q.kind == QK_TOF && q.metal[0])
		printf(" per %s site", q.metal);
	if (q.kind == QK_LOADING && q.metal[0])
		printf(" of %s", q.metal);
	if (q.is_range)
		fputs(", range", stdout);
	if (full)
		print_full(&q, q.values, stdout);
	fputs(")\n", stdout);
	buf_release(&unit);

	if (loading_arg && (q.kind == QK_RATE_METAL || q.kind == QK_RATE_CAT)) {
		full = 0;
		print_values(&q, derived, stdout, &full);
		if (q.kind == QK_RATE_METAL)
			printf(" mmol g_cat^-1 h^-1 (rate per gram of catalyst, derived at %s wt%%%s%s)\n",
			       num_format(loading, num), q.metal[0] ? " " : "", q.metal);
		else
			printf(" mmol g_metal^-1 h^-1 (rate per gram of metal, derived at %s wt%%)\n",
			       num_format(loading, num));
	} else if (loading_arg) {
		fprintf(stderr, "%s: units: warning: --loading applies to rates only; '%s' is %s\n",
			progname, text, quantity_kind_description(q.kind));
	}
	return EXIT_OK;
}

/*
 * A negative value ("-20 °C", "-253.15 K") is the quantity, not an option: it
 * is moved behind a "--" so that the option parser never reads it.
 */
static int run(int argc, char **argv)
{
	char **av = xmalloc(((size_t)argc + 2) * sizeof(*av));
	const char *neg = NULL;
	int ac = 0, k, rc, seen_dashes = 0;
	for (k = 0; k < argc; k++) {
		const char *a = argv[k];
		if (!strcmp(a, "--"))
			seen_dashes = 1;
		if (k > 0 && !seen_dashes && !neg && a[0] == '-' &&
		    ((a[1] >= '0' && a[1] <= '9') || (a[1] == '.' && a[2] >= '0' && a[2] <= '9'))) {
			neg = a;
			continue;
		}
		av[ac++] = argv[k];
	}
	if (neg) {
		if (!seen_dashes)
			av[ac++] = (char *)"--";
		av[ac++] = (char *)neg;
	}
	av[ac] = NULL;
	rc = run_units(ac, av);
	free(av);
	return rc;
}

const struct command cmd_units = {
	.name = "units",
	.summary = "print one quantity in canonical units",
	.usage = "nh3cat units 'QUANTITY' [--loading WT] [--kind KIND]",
	.help =
	"Reads one quantity as papers write it (a value, a range such as\n"
	"'523-648 K', or a list such as '1.1 and 10.3 umol g^-1 h^-1') and prints\n"
	"it in the canonical unit of its kind:\n"
	"  rate           mmol g_cat^-1 h^-1      rate per metal  mmol g_Co^-1 h^-1\n"
	"  TOF            s^-1                    temperature     \xC2\xB0" "C\n"
	"  pressure       MPa                     WHSV            mL g^-1 h^-1\n"
	"  GHSV           h^-1 (say 'GHSV ...')   Ea              kJ mol^-1\n"
	"  loading        wt%                     size            nm\n"
	"  outlet NH3     vol % (vol%, mol%, ppm; a bare % with --kind outlet)\n"
	"Unicode and LaTeX spellings are understood ('2.53 \\times 10^{-2} s^{-1}',\n"
	"'mmol_{NH3} g_{cat}^{-1} h^{-1}', 'h\xE2\x81\xBB\xC2\xB9').  A label in front chooses the\n"
	"kind where the unit alone cannot ('GHSV 36 000 h^-1', 'TOF_Ru 0.067 s^-1').\n"
	"\n"
	"Options:\n"
	"  -l, --loading WT   metal loading in wt%: a rate per gram of metal is also\n"
	"                     printed per gram of catalyst, and the other way round,\n"
	"                     marked derived\n"
	"  -k, --kind KIND    the quantity must be of this kind: rate, rate_metal,\n"
	"                     tof, temperature, pressure, whsv, ghsv, ea, loading,\n"
	"                     size, outlet (a bare h^-1 is read as GHSV with --kind\n"
	"                     ghsv, a bare % as a loading with --kind loading and\n"
	"                     as the outlet NH3 concentration with --kind outlet);\n"
	"                     --as KIND is the same\n"
	"\n"
	"Exit status: 0, or 2 when the quantity cannot be read (unknown unit,\n"
	"malformed number, a kind other than --kind asks for) or cannot be: a\n"
	"number that overflows or underflows, as written or once converted (an\n"
	"entry holds zero or 0.000000000000001 to below 1000000000000000), a\n"
	"temperature below absolute zero, a negative rate, pressure or size.\n"
	"The message quotes the text.\n",
	.run = run,
};
