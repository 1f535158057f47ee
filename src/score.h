/*
 * score.h: how well extracted entries match curated ones.
 *
 * Every reported performance value is a fact (catalyst, quantity, value),
 * the quantities being rate_mmol_gcat_h, rate_mmol_gmetal_h, tof_s and
 * ea_kJ_mol.  A gold fact is recalled when a predicted fact has the same
 * quantity, a value within 1.5 % and the same catalyst; names are compared
 * after score_fold_name, and gold may list alternatives separated by '|'.
 * Gold rows marked optional (1, yes, true) are not required, but a
 * prediction matching one is not a false positive.  Predicted values named
 * in the row's 'derived' column are computed, not reported, and are left
 * out.  For each required fact recalled, the conditions temperature_C,
 * pressure_MPa, whsv_mL_g_h, loading_wt, site_type and ref are compared
 * where gold gives them.
 *
 * These rules, the matching order and the printed lines are those of the
 * project's reference scorer (tools/score-extraction in the shared
 * folder), so both give the same numbers on the same files.
 *
 * Both inputs are read by column name: the gold format
 * (doc,source,line,catalyst,...,optional,evidence) and entries CSV schema
 * v1 both work, as GOLD or PRED.
 */
#ifndef NH3CAT_SCORE_H
#define NH3CAT_SCORE_H

#include <stddef.h>
#include <stdio.h>

#include "csvtab.h"
#include "diag.h"

/* The condition fields compared, in the order they are printed. */
enum { SCORE_NFIELDS = 6 };
extern const char *const score_fields[SCORE_NFIELDS];

struct score_result {
	size_t required;     /* gold facts not optional */
	size_t recalled;     /* of those, matched by a prediction */
	size_t predicted;    /* predicted facts (derived values left out) */
	size_t matched;      /* predicted facts matching some gold fact */
	size_t field_ok[SCORE_NFIELDS], field_n[SCORE_NFIELDS];
	double precision, recall, f1;
	/* "missed: ..." and "unmatched: ..." lines, for --verbose. */
	char **missed, **unmatched;
	size_t nmissed, nunmatched;
};

/*
 * Fold a catalyst name for comparison: compatibility forms (NFKC:
 * subscript digits, full-width letters, µ), dashes to '-', '©' to '@',
 * lower case, no LaTeX markup ($ \text \mathrm \rm { } _ ^), no word
 * "catalyst(s)", no white space, and trailing 's' dropped from names
 * longer than 3 characters.  "Co₁Ru₂ catalysts" -> "co1ru2".
 * This is the reference scorer's fold, not chem_fold_name (chem.h) on
 * purpose: it keeps '/', '-' and '@' and every letter, so that nh3cat
 * score gives the reference scorer's numbers (tests/score/python-parity);
 * every other comparison of catalyst names in nh3cat uses chem_fold_name.
 */
char *score_fold_name(const char *name);
/* 1 when pred (one name) names a catalyst of the '|'-separated gold names. */
int score_same_catalyst(const char *gold, const char *pred);
/* 1 when two cells hold the same value: numbers within 1.5 %, else text. */
int score_same_value(const char *a, const char *b);

/*
 * Check that t can be scored: it needs a 'catalyst' column and at least
 * one quantity column.  If not, emits a score-columns error on the header
 * line of path to d and returns -1.
 */
int score_check_columns(const char *path, const struct csvtab *t, struct diag *d);

enum score_flags {
	/*
	 * Leave out gold rows whose status is "rejected": a curated corpus
	 * file keeps the false positives a curator turned down as such rows.
	 * (The reference scorer has no such option.)
	 */
	SCORE_NO_REJECTED = 1 << 0
};

/*
 * Score pred against gold.  When doc is not NULL, only rows whose 'doc'
 * is doc count (all rows of a file without that column).  flags: enum
 * score_flags.
 */
void score_compute(const struct csvtab *gold, const struct csvtab *pred, const char *doc,
		   unsigned flags, struct score_result *res /* OUT */);
/* Print the result as the reference scorer does; verbose adds the lists. */
void score_print(FILE *f, const struct score_result *res, int verbose);
void score_result_release(struct score_result *res);

/* Python's repr() of a float ("4.34", "1e-05", "60000.0"); buf: 32 bytes. */
const char *score_format_float(double v, char *buf);

#endif
