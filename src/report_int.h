/*
 * report_int.h: the types inside the report module, shared by report_*.c
 * and its unit test only.
 *
 *   report_template.c  XML template -> struct report_template (libxml2, RELAX NG)
 *   report_data.c      entries and findings; field values, filters, groups
 *   report_axis.c      nice numbers, linear and log ticks, number labels
 *   report_gfx.c       the one place that talks to cairo and Pango
 *   report_table.c     comparison tables, split across pages
 *   report_chart.c     charts and their layout (the numbers the tests check)
 *   report_flow.c      the page a table or chart flows onto
 *   report.c           the driver: title, prose, blocks in flow; the output file
 *
 * Types only: each file declares its functions in its own header
 * (report_gfx.h, report_axis.h ...); the driver calls down into the parts
 * and none calls back.
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

struct gfx;
struct report_validation_hook;

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

/*
 * s cut to at most RPT_CLIP bytes (at a character boundary) with an
 * ellipsis, so that a huge field cannot swamp a page; tmp holds the copy.
 */
#define RPT_CLIP 160

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

#define RPT_NO_SET ((size_t)-1)   /* a finding about no entries file (the waivers file) */
struct rpt_finding {
	char *file;
	size_t set;                  /* the entries file it is about (sets[]), or RPT_NO_SET */
	long line;
	enum diag_severity sev;
	char *rule;
	char *message;
};

struct report_data {
	struct entry_set *sets;
	char **names;
	size_t nsets, asets, anames;
	struct rpt_row *rows;        /* entries not rejected, in file order */
	size_t nrows, arows;
	size_t nrejected;
	size_t nrepeated;            /* facts another document already gave, left out */
	struct waivers *waivers;     /* waivers.txt beside the entries folder, or NULL */
	int waivers_looked;          /* looked for it already */
	int no_validation;           /* report_data_validate(d, 0): findings are not wanted */
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

/* --- axes ----------------------------------------------------------------- */

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

/* The decades a log axis can show: 10^-300 .. 10^300; values beyond are left out. */
#define RPT_LOG_LIMIT 300.0
#define rpt_log_placeable(v) ((v) >= 1e-300 && (v) <= 1e300)

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
