/*
 * validate.h: checks of entries against the schema and the domain rules,
 * reported through struct diag.
 *
 * Every finding carries a rule id from the catalogue of rules.h, with the
 * rule's severity from the rules file (or the compiled defaults), and can
 * be waived for one entry.  The rules, by family:
 *   schema      schema-number, schema-enum, schema-loading, schema-ref,
 *               schema-metals
 *   values      value-range, reviewed-required, reviewed-conditions
 *   site type   site-type-size, site-type-metals, site-type-name,
 *               site-type-inferred (see classify.h)
 *   consistency loading-rate, duplicate-id, duplicate, value-conflict,
 *               same-value,
 *               fold-ratio
 *   references  ref-mismatch, ref-title (with the document's reference list)
 *   waivers     waiver, waiver-unused
 * Rejected entries are checked against the schema only.
 */
#ifndef NH3CAT_VALIDATE_H
#define NH3CAT_VALIDATE_H

#include "diag.h"
#include "entry.h"

struct rules;
struct waivers;

/* Citing sentences of the document (struct text_cite, cite.h). */
struct text_cite;

/* How validate_run is set up; zero-initialise, then set what you need. */
struct validate_opts {
	const struct rules *rules;  /* NULL: the compiled defaults */
	struct waivers *waivers;    /* waivers from a waiver file, or NULL */
	/*
	 * The parsed reference list of the document (CSV with columns ref and
	 * title).  NULL: refs/KEY.csv beside the entries folder when it
	 * exists (corpus/entries/KEY.csv -> corpus/refs/KEY.csv), else the
	 * ref-title rule is skipped.
	 */
	const char *refs_path;
	/* Citing sentences of the document's text (see above), or none. */
	const struct text_cite *cites;
	size_t ncites;
	const char *cites_name;     /* the document's file, for messages */
	unsigned long waived;       /* OUT: findings waived, summed over runs */
	/* When set, told of each waived finding with the waiver's reason (reports list them). */
	void (*on_waived)(void *ctx, const char *file, const struct entry *e, const char *rule,
			  const char *reason);
	void *waived_ctx;
};

/*
 * Run every rule over the entries s read from file; findings go to d with
 * the entry's line.  Returns the number of errors emitted.
 */
unsigned long validate_run(const char *file, const struct entry_set *s,
			   struct validate_opts *opts, struct diag *d);

/*
 * All checks nh3cat knows, with the default rules: the entry point for
 * commands and reports.  Returns the number of errors emitted.
 */
unsigned long validate_entries(const char *file, const struct entry_set *s, struct diag *d);

#endif
