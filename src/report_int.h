/*
 * report_int.h: the inside of the report module, shared by report_*.c and
 * its unit test only.
 *
 *   report_template.c  XML template -> struct report_template (libxml2, RELAX NG)
 *   report_data.c      entries and findings; field values, filters, groups
 *   report_axis.c      nice numbers, linear and log ticks, number labels
 *   report_gfx.c       the one place that talks to cairo and Pango
 *   report_table.c     comparison tables, split across pages
 *   report_chart.c     charts and their layout (the numbers the tests check)
 *   report.c           pages: title, prose, blocks in flow; the output file
 *
 * Lengths are in PostScript points (1/72 in); A4 is 595.28 x 841.89.
 */
#ifndef NH3CAT_REPORT_INT_H
#define NH3CAT_REPORT_INT_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"
#include "entry.h"
#include "hashidx.h"
#include "report.h"

/* --- the template ------------------------------------------------------ */

/* A field a table or chart reads: a schema column or a computed one. */
enum rpt_field_kind {
	RF_COLUMN,        /* entry_cols[col] */
	RF_INV_T,         /* 1000 / T(K), from temperature_C */
	RF_LN_RATE,       /* ln of rate_mmol_gcat_h */
	RF_FILE,          /* the entries file the row came from */
	RF_PAPER          /* its document as a source: first author and year, or the key */
};

struct rpt_field {
	enum rpt_field_kind kind;
	int col;          /* RF_COLUMN */
};

enum rpt_filter_op { FO_IN, FO_NOT_IN, FO_MIN, FO_MAX, FO_PRESENT, FO_ABSENT };

struct rpt_filter {
	struct rpt_field field;
	enum rpt_filter_op op;
	char **values;    /* FO_IN, FO_NOT_IN */
	size_t nvalues;
	double num;       /* FO_MIN, FO_MAX: bounds are inclusive */
};

struct rpt_filters {
	struct rpt_filter *v;
	size_t n;
};

struct rpt_tcolumn {
	struct rpt_field field;
	char *label;      /* Pango markup */
	char *unit;       /* Pango markup, "" for none */
	int numeric;      /* align on the decimal point */
};

struct rpt_table {
	char *id;
	char *title;      /* markup */
	char *note;       /* markup, "" when none */
	struct rpt_filters filters;
	struct rpt_tcolumn *cols;
	size_t ncols;
	struct rpt_field group;   /* kind RF_COLUMN, col -1: no grouping */
	char **group_order;
	size_t ngroup_order;
	struct rpt_field sort;    /* col -1: file order */
	int sort_desc;
	struct rpt_field value;   /* stats: the field summarised */
	long line;
};

enum rpt_chart_kind { CK_SCATTER, CK_BAR, CK_ARRHENIUS, CK_STRIP };

struct rpt_chart {
	char *id;
	char *title;      /* markup: the caption's first sentence */
	char *caption;    /* markup, "" when none */
	enum rpt_chart_kind kind;
	struct rpt_field x, y, group, label;  /* col -1: none */
	char **group_order;
	size_t ngroup_order;
	int xlog, ylog;
	char *xtitle, *ytitle;   /* markup; NULL: from the field */
	int box;          /* strip: draw a box over each group */
	int min_points;   /* arrhenius: temperatures a series needs (default 2) */
	char **named;     /* scatter: catalysts labelled besides the extremes (<label catalyst>) */
	size_t nnamed;
	double width, height;    /* pt */
	struct rpt_filters filters;
	long line;
};

enum rpt_block_kind {
	RB_HEADING,       /* text: a section title */
	RB_PARA,          /* text: prose */
	RB_TABLE,
	RB_CHART,
	RB_SUMMARY,       /* entries counted by site type and file */
	RB_FINDINGS,      /* validation findings counted by rule, and listed */
	RB_STATS,         /* table: a field summarised per group (n, min, median, max) */
	RB_ENTRIES,       /* every entry with its evidence, values, findings, status (review sheet) */
	RB_BIBLIOGRAPHY,  /* the source documents and the primary papers their rows cite */
	RB_PAGEBREAK
};

struct rpt_block {
	enum rpt_block_kind kind;
	char *text;                  /* markup */
	struct rpt_table *table;
	struct rpt_chart *chart;
	int list_limit;              /* RB_FINDINGS: rows listed at most */
	long line;
};

struct rpt_meta {
	char *name, *value;
};

struct report_template {
	char *path;
	char *title;
	struct rpt_meta *meta;
	size_t nmeta;
	struct rpt_block *blocks;
	size_t nblocks;
};

/* The built-in RELAX NG schema (templates/report.rng, compiled in). */
extern const char report_rng[];

/* Resolve a field name ("rate_mmol_gcat_h", "inv_T", "ln_rate", "file"); 0 or -1. */
int rpt_field_parse(const char *name, struct rpt_field *out /* OUT */);
/* Default axis or column title (markup) and unit (markup, "" none) of a field. */
const char *rpt_field_title(const struct rpt_field *f);
const char *rpt_field_unit(const struct rpt_field *f);
/* Turn an ASCII-clean catalyst or formula into markup with real subscripts. */
void rpt_chem_markup(const char *s, struct buf *out);
/*
 * s cut to at most RPT_CLIP bytes (at a character boundary) with an
 * ellipsis, so that a huge field cannot swamp a page; tmp holds the copy.
 */
#define RPT_CLIP 160
const char *rpt_clip(const char *s, char *tmp /* RPT_CLIP + 4 bytes */);
/* Escape text for Pango markup. */
void rpt_markup_escape(const char *s, struct buf *out);

/* --- the data ---------------------------------------------------------- */

struct rpt_row {
	const struct entry *e;
	const char *file;
	const char *paper;           /* its source's label ("Peng 2024a"), report_sources.c */
};

/* A reference of a source's reference list that its rows cite. */
struct rpt_ref {
	long num;
	char *text;                  /* "X. Wang, X. Peng et al., Title, Journal, 2020, 11, 653", "" unknown */
	char *doi;                   /* "" unknown */
};

/* A document the entries come from (report_sources.c). */
struct rpt_source {
	char *doc;                   /* document key */
	char *author, *year, *title, *doi;   /* what the paper says of itself, "" unknown */
	char *label;                 /* "Peng 2024", "Peng 2024a", or the key */
	int have_meta;
	struct rpt_ref *refs;        /* its reference list (refs/KEY.csv, ref_doi), in file order */
	size_t nrefs, arefs;
};

struct rpt_finding {
	char *file;
	long line;
	enum diag_severity sev;
	char *rule;
	char *message;
};

struct report_data {
	struct entry_set *sets;
	char **names;
	size_t nsets;
	struct rpt_row *rows;        /* entries not rejected, in file order */
	size_t nrows, arows;
	size_t nrejected;
	size_t nrepeated;            /* facts another document already gave, left out */
	struct waivers *waivers;     /* waivers.txt beside the entries folder, or NULL */
	int waivers_looked;          /* looked for it already */
	unsigned long nwaived;       /* findings the waivers excused */
	char *doc;                   /* only this document's entries (--doc), or NULL */
	size_t ninferred;            /* entries whose site type the classifier gave */
	const struct report_validation_hook *hook;
	struct rpt_finding *waived;  /* findings a waiver accepts; message holds the reason */
	size_t nwaived_list, awaived;
	struct rpt_finding *findings;
	size_t nfindings, afindings;
	struct rpt_source *sources;  /* one per document key (report_sources.c) */
	size_t nsources, asources;
	struct hashidx source_ix;    /* hash of the key -> sources[] */
};

/* Sources: read what the file at path (ROOT/entries/KEY.csv) and its entries say of their papers. */
void rpt_sources_note_file(struct report_data *d, const char *path, const struct entry_set *s);
/* After the rows are built: a source for every document, labels, and each row's label. */
void rpt_sources_finish(struct report_data *d);
void rpt_sources_release(struct report_data *d);
/* The source of document key doc, or NULL. */
const struct rpt_source *rpt_source_of(const struct report_data *d, const char *doc);
/* The label of a row's document: r->paper, or the doc key before labels are made. */
const char *rpt_row_paper(const struct rpt_row *r);

/* The value of a field as text ("" when empty) and as a number (1, 0 empty, -1 not a number). */
const char *rpt_row_text(const struct rpt_row *r, const struct rpt_field *f, char *tmp /* NUM_BUFSZ */);
int rpt_row_num(const struct rpt_row *r, const struct rpt_field *f, double *out /* OUT */);
/* 1 when field f of r is listed in its derived column. */
int rpt_row_derived(const struct rpt_row *r, const struct rpt_field *f);
/* 1 when r passes every filter. */
int rpt_filters_pass(const struct rpt_filters *fs, const struct rpt_row *r);

/*
 * Rows of d passing fs, grouped (group field col -1: one group) in the
 * order given, then the site-type order SAC SCC BCC NP, then by name, the
 * empty group last; inside a group sorted by sort (stable; empty last).
 */
struct rpt_group {
	char *name;                  /* "" for the empty value */
	size_t style;                /* colour and marker: fixed per site type */
	struct rpt_row *rows;
	size_t n;
};
struct rpt_groups {
	struct rpt_group *v;
	size_t n;
};
void rpt_select(const struct report_data *d, const struct rpt_filters *fs,
		const struct rpt_field *group, char *const *order, size_t norder,
		const struct rpt_field *sort, int desc, struct rpt_groups *out /* OUT */);
void rpt_groups_release(struct rpt_groups *g);
/* Display name of a group value: "SAC" -> "SAC", "" -> "unclassified". */
const char *rpt_group_label(const char *name);

/* --- axes ----------------------------------------------------------------- */

/* Heckbert's nice number: 1, 2, 5 or 10 times a power of ten near x. */
double rpt_nicenum(double x, int round);

#define RPT_MAXTICKS 64

struct rpt_axis {
	int log;
	double lo, hi;               /* the range drawn (data units) */
	double ticks[RPT_MAXTICKS];  /* major ticks, labelled */
	size_t nticks;
	double minor[RPT_MAXTICKS * 2];
	size_t nminor;
	double step;                 /* linear: tick step; log: decades per tick */
	int decimals;                /* linear: decimals of the labels; log: 1 for 10^n labels */
};

/*
 * Fit an axis to the data range [min, max] (min <= max, finite; on a log
 * axis both > 0) with about target major ticks.  One value or all equal
 * still gives a proper range around it.
 */
void rpt_axis_linear(struct rpt_axis *a, double min, double max, int target);
/* The decades a log axis can show: 10^-300 .. 10^300; values beyond are left out. */
#define RPT_LOG_LIMIT 300.0
#define rpt_log_placeable(v) ((v) >= 1e-300 && (v) <= 1e300)
void rpt_axis_log(struct rpt_axis *a, double min, double max);
/* Label of a tick as markup: "0.5", "−2", "10<sup>−4</sup>". */
void rpt_axis_label(const struct rpt_axis *a, double v, struct buf *out);
/* Position of v in [0, 1] along the axis. */
double rpt_axis_frac(const struct rpt_axis *a, double v);
/* Fixed decimals, locale-independent, with a real minus sign (U+2212). */
void rpt_format_fixed(double v, int decimals, struct buf *out);
/*
 * A number of an entries CSV (canonical units, full precision) as a report
 * prints it: with the significant figures of its source.  A value that a
 * unit conversion made long (399.85 from 673 K, 0.101325 from 1 atm,
 * 0.0166666 from 1 min^-1 or 60 h^-1) is rounded to the figures of the
 * number the paper wrote; other values stay as written.  col is the
 * column (-1: none known).  Real minus sign; no thousands separator.
 */
void rpt_format_sig(const char *s, int col, struct buf *out);
/* A value with its standard error: "68 ± 4" (the error to one figure, two from 1). */
void rpt_format_with_error(double v, double err, struct buf *out);

/* --- drawing (report_gfx.c) ------------------------------------------------ */

struct gfx;

enum gfx_marker { MK_CIRCLE, MK_SQUARE, MK_TRIANGLE, MK_DIAMOND, MK_TRIANGLE_DOWN,
	MK_HEXAGON, MK_CROSS, MK_STAR, MK_COUNT };

enum gfx_align { GA_LEFT, GA_CENTER, GA_RIGHT };

struct gfx_rgb {
	double r, g, b;
};

/* The colour-blind-safe palette (Okabe and Ito) and the marker of group i. */
struct gfx_rgb gfx_palette(size_t i);
enum gfx_marker gfx_marker_of(size_t i);

/* Width of the stroke around data markers and bars: no other line uses it. */
#define GFX_MARKER_STROKE 0.6

/* A new drawing on a surface of the format; the page size in pt. */
struct gfx *gfx_new(enum report_format fmt, double width, double height);
/* PDF only: a new page. */
void gfx_page(struct gfx *g);
/* Finish and hand back the bytes; -1 if cairo failed. */
int gfx_finish(struct gfx *g, struct buf *out);
void gfx_free(struct gfx *g);
/* PDF metadata from markup (tags dropped). */
void gfx_set_title(struct gfx *g, const char *title);
void gfx_set_author(struct gfx *g, const char *author);
/* PDF only: a bookmark to (x, y) of page (1-based), named by markup. */
void gfx_outline(struct gfx *g, const char *markup, int page, double x, double y);

/* Text: markup in a font ("DejaVu Sans 9"), width limit (<= 0 none). */
void gfx_text_size(struct gfx *g, const char *font, const char *markup, double width,
		   double *w /* OUT */, double *h /* OUT */);
/* Draw with the top-left (or top-centre, top-right) at x, y; returns the height. */
double gfx_text(struct gfx *g, const char *font, const char *markup, double x, double y,
		double width, enum gfx_align align, struct gfx_rgb c);
/* Draw turned 90 degrees anticlockwise, centred on (x, y). */
void gfx_text_up(struct gfx *g, const char *font, const char *markup, double x, double y,
		 struct gfx_rgb c);
/* Draw rotated by angle degrees anticlockwise, the end of the text at (x, y). */
void gfx_text_rotated_end(struct gfx *g, const char *font, const char *markup,
			  double x, double y, double angle, struct gfx_rgb c);

void gfx_line(struct gfx *g, double x0, double y0, double x1, double y1, double width,
	      struct gfx_rgb c);
void gfx_rect(struct gfx *g, double x, double y, double w, double h, double width,
	      struct gfx_rgb stroke);
void gfx_fill_rect(struct gfx *g, double x, double y, double w, double h, struct gfx_rgb c);
/* A data bar: filled, outlined with GFX_MARKER_STROKE. */
void gfx_bar(struct gfx *g, double x, double y, double w, double h, struct gfx_rgb c);
/* A data marker of size s (pt, across) at (x, y); legend markers use legend=1. */
void gfx_marker(struct gfx *g, enum gfx_marker m, double x, double y, double s,
		struct gfx_rgb c, int legend);
/* How a data marker is filled: it encodes a third variable (the pressure). */
enum gfx_fill { GF_LIGHT, GF_OPEN, GF_SOLID };
void gfx_marker_fill(struct gfx *g, enum gfx_marker m, double x, double y, double s,
		     struct gfx_rgb c, int legend, enum gfx_fill fill);
/* Clip to a rectangle until gfx_unclip. */
void gfx_clip(struct gfx *g, double x, double y, double w, double h);
void gfx_unclip(struct gfx *g);

/* --- tables and charts ------------------------------------------------------- */

/* A place to draw into: a page region, with the fonts of the report. */
struct rpt_flow {
	struct gfx *g;
	double x, width;             /* text column */
	double top, bottom;          /* page body */
	double y;                    /* current position */
	int page;
	int table_no, figure_no;
	FILE *layout;
};
/* Start a new page (PDF) and put y at its top. */
void rpt_flow_newpage(struct rpt_flow *f);

void rpt_table_render(struct rpt_flow *f, const struct rpt_table *t,
		      const struct report_data *d);
/* A stats block: per group, n, minimum, median, geometric mean, maximum. */
void rpt_stats_render(struct rpt_flow *f, const struct rpt_table *t, const struct report_data *d);
void rpt_summary_render(struct rpt_flow *f, const struct report_data *d);
void rpt_findings_render(struct rpt_flow *f, const struct report_data *d, int limit);
/* A curator's review sheet: each entry (rejected ones too) with its evidence, values, findings. */
void rpt_entries_render(struct rpt_flow *f, const struct report_data *d);
/* The sources: each document of the rows, then the references its rows cite, numbered as it numbers them. */
void rpt_bibliography_render(struct rpt_flow *f, const struct report_data *d);

/* What a chart drew, for the layout dump and the tests. */
struct rpt_chart_layout {
	struct rpt_axis x, y;
	size_t nplotted;             /* markers or bars, one per entry drawn */
	size_t nmissing;             /* rows without an x or y value */
	size_t ndropped_log;         /* rows with a value <= 0 on a log axis */
	size_t nlabels, nlabels_hidden;
	size_t nnamed_found;         /* scatter: catalysts the template names that have a point */
	size_t nseries;
	const char *legend;          /* "upper-left" ... or "above" or "none" */
	struct buf fits;             /* arrhenius: one line per fitted series */
	int empty;                   /* nothing to plot: a note was drawn */
	size_t nrows;                /* entries the chart selected */
	size_t nfits_bad;            /* arrhenius: series left out for their fit */
	size_t nbars_capped;         /* bar: bars past the top of their group, counted */
};
/* Why a chart has nothing to plot: one sentence of markup. */
void rpt_chart_empty_note(const struct rpt_chart *c, const struct rpt_chart_layout *lay,
			  size_t nrows, struct buf *out);

/*
 * Draw chart c with its top-left at (x, y) in a box w x h (the caption is
 * not included); fills *lay when lay is not NULL.
 */
void rpt_chart_draw(struct gfx *g, const struct rpt_chart *c, const struct report_data *d,
		    double x, double y, double w, double h, struct rpt_chart_layout *lay);
void rpt_chart_layout_release(struct rpt_chart_layout *lay);
/*
 * Work out, without drawing, whether chart c has anything to plot over d:
 * 1 when it has; 0 when not, with *lay filled as an empty chart's (for the
 * one line of text a page gives it instead of a box).
 */
int rpt_chart_probe(const struct rpt_chart *c, const struct report_data *d,
		    struct rpt_chart_layout *lay /* OUT */);
/* Write the layout as text lines (the golden tests diff them). */
void rpt_chart_layout_dump(FILE *f, const struct rpt_chart *c, const struct rpt_chart_layout *lay);

/* Fonts of the report. */
#define FONT_FAMILY "DejaVu Sans"
#define FONT_BODY FONT_FAMILY " 9"
#define FONT_SMALL FONT_FAMILY " 7.5"
#define FONT_TABLE FONT_FAMILY " 7.5"
#define FONT_TICK FONT_FAMILY " 7.5"
#define FONT_AXIS FONT_FAMILY " 8"
#define FONT_HEAD FONT_FAMILY " Bold 11"
#define FONT_TITLE FONT_FAMILY " Bold 17"

#endif
