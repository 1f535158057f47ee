/*
 * report_data.h: the entries and findings a report draws (report_data.c):
 * the data set commands fill (public, through report.h), and field values,
 * filters and groups for the tables and charts.
 */
#ifndef NH3CAT_REPORT_DATA_H
#define NH3CAT_REPORT_DATA_H

#include "buf.h"
#include "entry.h"

struct report_data;
struct rpt_field;
struct rpt_filters;
struct rpt_groups;
struct rpt_row;

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
/*
 * report_data_add of n paths, the rows worked out once over them all (each
 * report_data_add works them out anew over every file added so far).
 */
int report_data_add_many(struct report_data *d, const char *const *paths, size_t n);
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
/*
 * Files are validated as they are added, unless this says no (a template
 * that shows no findings: they would be worked out for nothing, and the
 * validation is a third of a report's time).  Call before adding.
 */
void report_data_validate(struct report_data *d, int yes);
/* The entries files read, in order (a folder gives each of its CSV files). */
size_t report_data_nfiles(const struct report_data *d);
const char *report_data_file(const struct report_data *d, size_t i);
void report_data_free(struct report_data *d);

/* --- for tables and charts --- */

/* Resolve a field name ("rate_mmol_gcat_h", "inv_T", "ln_rate", "file", "paper"); 0 or -1. */
int rpt_field_parse(const char *name, struct rpt_field *out /* OUT */);

/* Default axis or column title (markup) and unit (markup, "" none) of a field. */
const char *rpt_field_title(const struct rpt_field *f);
const char *rpt_field_unit(const struct rpt_field *f);

/* Turn an ASCII-clean catalyst or formula into markup with real subscripts. */
void rpt_chem_markup(const char *s, struct buf *out);
const char *rpt_clip(const char *s, char *tmp /* RPT_CLIP + 4 bytes */);

/* Escape text for Pango markup. */
void rpt_markup_escape(const char *s, struct buf *out);

/* The value of a field as text ("" when empty) and as a number (1, 0 empty, -1 not a number). */
const char *rpt_row_text(const struct rpt_row *r, const struct rpt_field *f, char *tmp /* NUM_BUFSZ */);
int rpt_row_num(const struct rpt_row *r, const struct rpt_field *f, double *out /* OUT */);

/* The label of a row's document (report_sources.c): r->paper, or its doc key before labels are made. */
const char *rpt_row_paper(const struct rpt_row *r);

/* 1 when field f of r is listed in its derived column. */
int rpt_row_derived(const struct rpt_row *r, const struct rpt_field *f);

void rpt_select(const struct report_data *d, const struct rpt_filters *fs,
		const struct rpt_field *group, char *const *order, size_t norder,
		const struct rpt_field *sort, int desc, struct rpt_groups *out /* OUT */);
void rpt_groups_release(struct rpt_groups *g);

/* Display name of a group value: "SAC" -> "SAC", "" -> "unclassified". */
const char *rpt_group_label(const char *name);

#endif
