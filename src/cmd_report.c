/*
 * cmd_report.c: nh3cat report TEMPLATE.xml [-o OUT.pdf|OUT.svg|OUT.png] [CSV|DIR...]
 *
 * Renders a report template over entries CSV files (corpus/entries/ by
 * default) into a PDF, or one chart of it into SVG or PNG.  Exit status:
 * 0 rendered, 2 a bad template, unreadable data or a failed write.
 */
#include <config.h>

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "corpus_layout.h"
#include "datadir.h"
#include "fileio.h"
#include "report.h"


/* OUT defaults to the template's name with .pdf, in the current folder. */
static char *default_out(const char *tpl)
{
	const char *base = strrchr(tpl, '/');
	struct buf b = BUF_INIT;
	size_t n;
	base = base ? base + 1 : tpl;
	n = strlen(base);
	if (str_endswith(base, ".xml"))
		n -= 4;
	buf_add(&b, base, n);
	buf_addstr(&b, ".pdf");
	return buf_detach(&b, NULL);
}

/* A device or pipe (/dev/null, /dev/stdout): written as it is, a PDF unless -f says. */
static int is_device(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

/* -1 (after a message) when out is the template or an entries file read, by any name. */
static int refuses_output(const char *out, const char *tpl, const struct report_data *d)
{
	size_t n = report_data_nfiles(d), i;
	char **inputs = xcalloc(n + 2, sizeof(*inputs));
	const char *same;
	int rc = 0;
	inputs[0] = (char *)tpl;
	for (i = 0; i < n; i++)
		inputs[i + 1] = (char *)report_data_file(d, i);
	same = file_same_as_any(out, inputs, n + 1);
	if (same)
		rc = error("-o %s is the input %s: report never writes over its input", out, same);
	free(inputs);
	return rc;
}

/* NAME or NAME.xml among the templates of the data folder (datadir.h), or NULL. */
static char *template_by_name(const char *name)
{
	struct buf b = BUF_INIT;
	char *path;
	buf_printf(&b, "templates/%s", name);
	if (!str_endswith(name, ".xml"))
		buf_addstr(&b, ".xml");
	path = data_find(b.data);
	buf_release(&b);
	return path;
}

/* Reports validate as nh3cat validate does, with the paper beside each entries file. */
static const struct report_validation_hook validation_hook = { cmd_cites_for, cmd_cites_free,
								 cmd_paper_meta_for };

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "chart", required_argument, NULL, 'c' },
		{ "layout", no_argument, NULL, 'L' },
		{ "list-charts", no_argument, NULL, 'l' },
		{ "doc", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL, *fmt_name = NULL, *tpl_path, *doc = NULL;
	struct report_options ro = { NULL, NULL };
	struct report_template *t = NULL;
	struct report_data *d = NULL;
	enum report_format fmt = REPORT_PDF, named;
	int c, list = 0, status = EXIT_OK;
	char *own_out = NULL, *own_tpl = NULL;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:f:c:", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'f':
			fmt_name = optarg;
			break;
		case 'c':
			ro.chart_id = optarg;
			break;
		case 'L':
			ro.layout = stdout;
			break;
		case 'l':
			list = 1;
			break;
		case 'd':
			doc = optarg;
			break;
		default:
			return cmd_option_error(&cmd_report, argv, c);
		}
	}
	if (optind >= argc)
		return cmd_usage_error(&cmd_report, "no template given");
	tpl_path = argv[optind++];
	if (fmt_name) {
		struct buf probe = BUF_INIT;
		buf_printf(&probe, "x.%s", fmt_name);
		if (report_format_from_path(probe.data, &fmt) < 0) {
			buf_release(&probe);
			return cmd_usage_error(&cmd_report, "unknown format '%s' (pdf, svg or png)", fmt_name);
		}
		buf_release(&probe);
		if (out && !str_eq(out, "-") && report_format_from_path(out, &named) == 0 &&
		    named != fmt)
			return cmd_usage_error(&cmd_report, "'%s' is not a %s file", out, fmt_name);
	} else if (out && !str_eq(out, "-") && report_format_from_path(out, &fmt) < 0 &&
		   !is_device(out)) {
		return cmd_usage_error(&cmd_report,
				       "cannot tell the format of '%s': name it .pdf, .svg or .png", out);
	}
	if (out && str_eq(out, "-") && ro.layout)
		return cmd_usage_error(&cmd_report, "--layout and -o - both write to standard output");

	/* A bare name that is no file here is one of nh3cat's own templates. */
	if (!strchr(tpl_path, '/') && access(tpl_path, F_OK) != 0 &&
	    (own_tpl = template_by_name(tpl_path)) != NULL)
		tpl_path = own_tpl;
	t = report_template_load(tpl_path);
	if (!t || list) {
		size_t k;
		for (k = 0; t && k < report_template_nchart(t); k++)
			printf("%s\n", report_template_chart_id(t, k));
		report_template_free(t);
		free(own_tpl);
		return t ? EXIT_OK : EXIT_INPUT;
	}

	d = report_data_new();
	report_data_set_hook(d, &validation_hook);
	report_data_validate(d, report_template_shows_findings(t));
	if (doc)
		report_data_only_doc(d, doc);
	if (optind >= argc) {
		/* The corpus found here or above (corpus_find), as validate and add do. */
		char *root = corpus_find();
		if (root) {
			char *dir = corpus_entries_dir(root);
			if (report_data_add(d, dir) < 0)
				status = EXIT_INPUT;
			free(dir);
			free(root);
		} else {
			warning("no CSV given and no %s/ here or in any folder above: rendering "
				"without data", CORPUS_DIR);
		}
	}
	/* every file named (a shell glob of the entries folder): the rows worked out once */
	if (optind < argc &&
	    report_data_add_many(d, (const char *const *)(argv + optind), (size_t)(argc - optind)) < 0)
		status = EXIT_INPUT;
	if (status == EXIT_OK) {
		if (!out)
			out = own_out = default_out(tpl_path);
		if (!str_eq(out, "-") && refuses_output(out, tpl_path, d) < 0)
			status = EXIT_INPUT;
		else if (report_render(t, d, fmt, out, &ro) < 0)
			status = EXIT_INPUT;
	}
	free(own_out);
	free(own_tpl);
	report_data_free(d);
	report_template_free(t);
	return status;
}

const struct command cmd_report = {
	.name = "report",
	.summary = "render a report template into PDF, SVG or PNG",
	.usage = "nh3cat report TEMPLATE.xml [-o OUT.pdf|OUT.svg|OUT.png] [--doc KEY] [CSV|DIR...]",
	.help =
	"Renders the tables and charts of a report template (templates/*.xml,\n"
	"checked against templates/report.rng) over entries CSV files, by\n"
	"default every entries file of the corpus found here or above.\n"
	"TEMPLATE may be the name of one of nh3cat's own templates (overview,\n"
	"quality), found where nh3cat is installed (PREFIX/share/nh3cat/templates)\n"
	"or in its source tree when run from there.  A PDF (A4) holds the whole report;\n"
	"an SVG or PNG holds one chart.  Rejected entries are left out.  When\n"
	"the template shows findings (a findings block, a review sheet), every\n"
	"file is validated as nh3cat validate --waivers does it.\n"
	"\n"
	"Options:\n"
	"  -o, --output OUT   the file to write (.pdf, .svg or .png; - for standard\n"
	"                     output); default: the template's name with .pdf\n"
	"  -f, --format FMT   pdf, svg or png, when OUT does not say\n"
	"  -c, --chart ID     the chart to draw into an SVG or PNG (default: the first)\n"
	"      --doc KEY      only the entries of document KEY (a review sheet:\n"
	"                     templates/review.xml)\n"
	"      --layout       print the layout (axis ranges, ticks, marker counts,\n"
	"                     table rows, pages) to standard output\n"
	"      --list-charts  print the ids of the template's charts and stop\n"
	"\n"
	"SOURCE_DATE_EPOCH, when set, gives the creation date written into a PDF.\n"
	"An output that is the template or an entries file read (by any name) is\n"
	"refused.  Exit status: 0 rendered, 2 a bad template, unreadable data, an\n"
	"output over an input or a failed write.\n",
	.run = run,
};
