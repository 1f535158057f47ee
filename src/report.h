/*
 * report.h: render a report template (templates/NAME.xml) over entries into
 * a multi-page A4 PDF, or one of its charts into SVG or PNG.
 *
 * A template is checked against the RELAX NG schema templates/report.rng
 * (built into the program) before anything is drawn; a bad template is an
 * error naming its file and line.  Data are entries CSV files (schema v1);
 * rejected entries are left out of tables and charts, and the validation
 * findings of every file (validate_entries) are kept for reports that list
 * them.
 *
 * Output is reproducible: the same template and data give a byte-identical
 * SVG, and a PDF that differs only where cairo must vary; the PDF creation
 * date comes from SOURCE_DATE_EPOCH when it is set.
 */
#ifndef NH3CAT_REPORT_H
#define NH3CAT_REPORT_H

#include <stdio.h>

#include "diag.h"
#include "entry.h"
#include "report_data.h"
#include "report_template.h"

struct report_template;
struct report_data;

/* What a render writes. */
enum report_format {
	REPORT_PDF,   /* every page of the report */
	REPORT_SVG,   /* one chart */
	REPORT_PNG    /* one chart */
};

/* The format named by the extension of path (.pdf .svg .png), or -1. */
int report_format_from_path(const char *path, enum report_format *out /* OUT */);

/* Options of one render. */
struct report_options {
	const char *chart_id;   /* SVG/PNG: the chart to draw; NULL: the first */
	FILE *layout;           /* non-NULL: write the layout dump here */
};

/*
 * Render t over d into out_path.  The file is written to a temporary name
 * and renamed into place, so a failed render leaves no half file.
 * Returns 0, or -1 after printing what went wrong.
 */
int report_render(const struct report_template *t, const struct report_data *d,
		  enum report_format fmt, const char *out_path,
		  const struct report_options *opt);

#endif
