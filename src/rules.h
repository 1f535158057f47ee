/*
 * rules.h: the catalogue of validation rules, the rules file that tunes
 * them (thresholds, plausible ranges, severities), and waivers.
 *
 * Rules file (see rules/default.rules, whose values are also the compiled
 * defaults): one directive a line, words separated by blanks, '#' starts
 * a comment.
 *   set NAME NUMBER              a threshold (np-min-size, sac-max-size,
 *                                rate-tolerance, fold-tolerance,
 *                                value-tolerance, outlet-tolerance,
 *                                tof-max)
 *   range COLUMN MIN MAX         plausible values of a numeric column
 *   severity RULE LEVEL          error, warning, note or off
 *   topic WORD...                words a cited paper's title is expected
 *                                to share with an ammonia-synthesis entry
 * A later line overrides an earlier one; "topic" lines add words.
 *
 * Waivers excuse one rule for one entry, always with a reason:
 *   in the entries CSV, the "waive" column:   RULE: reason[; RULE: reason]
 *   in a waiver file, one a line:             ENTRY-ID RULE reason...
 * A waived finding is not reported; a waiver that excuses nothing is
 * itself reported (waiver-unused), so stale waivers do not pile up.
 */
#ifndef NH3CAT_RULES_H
#define NH3CAT_RULES_H

#include <stddef.h>

#include "diag.h"
#include "entry.h"
#include "hashidx.h"

/* Every rule nh3cat validate knows, in the order --explain lists them. */
enum rule {
	R_SCHEMA_NUMBER,
	R_SCHEMA_ENUM,
	R_SCHEMA_LOADING,
	R_SCHEMA_REF,
	R_SCHEMA_METALS,
	R_VALUE_RANGE,
	R_TOF_HIGH,
	R_REVIEWED_REQUIRED,
	R_REVIEWED_CONDITIONS,
	R_SITE_TYPE_SIZE,
	R_SITE_TYPE_METALS,
	R_SITE_TYPE_NAME,
	R_SITE_TYPE_INFERRED,
	R_LOADING_RATE,
	R_RATE_OUTLET,
	R_DUPLICATE_ID,
	R_DUPLICATE,
	R_VALUE_CONFLICT,
	R_SAME_VALUE,
	R_FOLD_RATIO,
	R_ARRHENIUS_FIT,
	R_REF_MISMATCH,
	R_REF_TITLE,
	R_WAIVER,
	R_WAIVER_UNUSED,
	R_SCHEMA_VERSION,
	RULE_COUNT
};

/* A severity from the rules file: a diag severity, or the rule is off. */
#define RULE_OFF (-1)

struct rule_info {
	const char *id;              /* "site-type-size" */
	enum diag_severity sev;      /* default severity */
	const char *summary;         /* one line */
	const char *explain;         /* a short paragraph, for --explain */
};

extern const struct rule_info rule_table[RULE_COUNT];

/* The rule with id name, or -1. */
int rule_find(const char *name);

/* Thresholds of the rules; see rules/default.rules for their meaning. */
struct rules {
	double np_min_nm;        /* nanoparticles from this size up (2) */
	double sac_max_nm;       /* largest size a single-atom site may show (0.5) */
	double rate_tolerance;   /* relative, per-metal vs per-catalyst rate */
	double fold_tolerance;   /* relative, stated fold-ratio vs the values */
	double value_tolerance;  /* relative, same value in table and text */
	double outlet_tolerance; /* relative, rate vs WHSV x outlet NH3 */
	double tof_max;          /* s^-1, the fastest plausible NH3 synthesis TOF (tof-high) */
	struct { int set; double min, max; } range[ENTRY_NCOLS];
	int sev[RULE_COUNT];     /* enum diag_severity, or RULE_OFF */
	char **topic;            /* topic words, in lower case */
	size_t ntopic, topic_alloc;
	struct hashidx topic_idx;  /* hash of a word -> its place in topic */
};

/* A rules set holding the compiled defaults. */
struct rules *rules_new(void);
void rules_free(struct rules *r);
/*
 * Apply a rules file over r.  Each problem goes to d as
 * FILE:LINE: error: [rules-syntax] message; returns 0 or -1.
 */
int rules_load(struct rules *r, const char *path, struct diag *d);
/* The same over text in memory; name is used in diagnostics. */
int rules_parse(struct rules *r, const char *name, const char *text, size_t len,
		struct diag *d);
/* 1 when word (len bytes) is a topic word of r, ASCII case-insensitive. */
int rules_is_topic(const struct rules *r, const char *word, size_t len);

/* Waivers, from waive columns and waiver files. */
struct waivers;

struct waivers *waivers_new(void);
void waivers_free(struct waivers *w);
/*
 * Read a waiver file (ENTRY-ID RULE reason... a line).  Problems go to d
 * as FILE:LINE: error: [waiver-syntax] message; returns 0 or -1.
 */
int waivers_load(struct waivers *w, const char *path, struct diag *d);
int waivers_parse(struct waivers *w, const char *name, const char *text, size_t len,
		  struct diag *d);
/*
 * Add the waivers of one entry's waive cell ("RULE: reason; RULE: reason").
 * file and line say where the cell is, for waiver-unused.  Returns 0, or
 * -1 with a one-line description of the problem in *why (a static string).
 */
int waivers_add_cell(struct waivers *w, const char *file, long line, const char *entry_id,
		     const char *cell, const char **why /* OUT */);
/*
 * The reason rule r is waived for entry_id, or NULL.  Marks the waiver
 * used.
 */
const char *waivers_match(struct waivers *w, const char *entry_id, enum rule r);
/*
 * Call fn for each waiver never matched since the last call (and forget
 * them), for the waiver-unused finding.
 */
typedef void waiver_unused_fn(void *ctx, const char *file, long line,
			      const char *entry_id, const char *rule);
void waivers_take_unused(struct waivers *w, waiver_unused_fn *fn, void *ctx);

#endif
