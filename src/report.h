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

/*
 * Read, check and compile a template.  Problems are printed to stderr as
 * FILE:LINE: error: [template-*] message; returns NULL then.  The parser
 * never touches the network, loads no DTD and expands no entity.
 */
struct report_template *report_template_load(const char *path);
void report_template_free(struct report_template *t);
/* Number of charts, and the id of chart i (for --chart and make reports). */
size_t report_template_nchart(const struct report_template *t);
const char *report_template_chart_id(const struct report_template *t, size_t i);

/*
 * A number of an entries CSV (canonical units, full precision; s as
 * written) the way reports print it: with the significant figures of its
 * source, so 399.85 degC (from 673 K) is "400", 0.101325 MPa (1 atm) "0.1"
 * and 0.01666666666667 s^-1 (1 min^-1) "0.0167"; values a curator wrote
 * stay as written.  col is the entries column (enum entry_col), -1 none.
 * Plain ASCII.  nh3cat units prints this way too.
 */
void report_format_number(const char *s, int col, struct buf *out);

/*
 * What validation of an entries file needs that only commands can give
 * (the citing sentences of its paper): prepare fills vo and returns a
 * handle that release frees.  Without it, reports validate the entries
 * alone.
 */
struct validate_opts;
struct paper_meta;
struct report_validation_hook {
	void *(*prepare)(const char *entries_file, struct validate_opts *vo);
	void (*release)(void *handle);
	/*
	 * What the paper beside an entries file (ROOT/papers/KEY.*) says of
	 * itself (corpus.h), for the source column and the bibliography: 0 and
	 * *out filled, or -1 (no paper).  NULL: sources are named by their key.
	 */
	int (*paper_meta)(const char *entries_file, struct paper_meta *out);
};

/* An empty data set; add files with report_data_add. */
struct report_data *report_data_new(void);
/*
 * Read an entries CSV (or every *.csv of a folder, sorted) and validate it.
 * Problems of form and content become findings, not errors.  Returns -1
 * only when the file or folder cannot be read at all.
 */
int report_data_add(struct report_data *d, const char *path);
/* Add entries already in memory (tests, benchmarks); s is copied. */
void report_data_add_set(struct report_data *d, const char *name,
			 const struct entry_set *s);
size_t report_data_count(const struct report_data *d);
/*
 * Keep only the entries of document key (the doc column): tables, charts,
 * counts and review sheets then speak of one paper.  Call before adding.
 */
void report_data_only_doc(struct report_data *d, const char *key);
/* Validate each file as nh3cat validate does, with hook (call before adding). */
void report_data_set_hook(struct report_data *d, const struct report_validation_hook *hook);
/* The entries files read, in order (a folder gives each of its CSV files). */
size_t report_data_nfiles(const struct report_data *d);
const char *report_data_file(const struct report_data *d, size_t i);
void report_data_free(struct report_data *d);

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
