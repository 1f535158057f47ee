/*
 * arrhenius.h: Arrhenius series in entries and their least-squares fits,
 * shared by the report's Arrhenius chart and the validator's
 * arrhenius-fit rule, so that both judge a fit the same way.
 *
 * A series is one catalyst (names compared by chem_fold_name) from one
 * document under one set of other conditions (pressure and WHSV, as
 * written; an empty one is a condition of its own), measured by
 * experiment with a rate per gram of catalyst at three or more distinct
 * temperatures.  Each temperature is one point: a second entry at a
 * temperature the series has is left out and counted.  The fit is ln r
 * against 1000/T; Ea = -slope * R, with its standard error and R^2.
 */
#ifndef NH3CAT_ARRHENIUS_H
#define NH3CAT_ARRHENIUS_H

#include <stddef.h>

#include "entry.h"

/* The fewest distinct temperatures a fit is made from. */
#define ARR_MIN_POINTS 3
/* The least R^2 of a fit worth a number. */
#define ARR_MIN_R2 0.9

struct arr_point {
	double invT;                 /* 1000 / T, K^-1 */
	double lnr;                  /* ln of the rate, mmol g_cat^-1 h^-1 */
	const struct entry *e;       /* borrowed */
};

/* What is wrong with a fit, worst first; ARR_OK when nothing. */
enum arr_verdict {
	ARR_OK,
	ARR_NEGATIVE,                /* fitted Ea below zero */
	ARR_IMPLAUSIBLE,             /* outside the plausible range of ea_kJ_mol */
	ARR_DISAGREES,               /* far from the reported Ea, beyond its error */
	ARR_SCATTERED                /* R^2 below ARR_MIN_R2: not a straight line */
};

struct arr_series {
	const struct entry *first;   /* the series' first entry in input order (borrowed) */
	size_t first_index;          /* its index in the input */
	struct arr_point *pts;       /* by increasing 1000/T */
	size_t n;
	size_t nrepeated;            /* entries at a temperature already in the series */
	double slope, icpt;          /* ln r = icpt + slope * 1000/T */
	double ea, ea_se, r2;        /* kJ mol^-1, kJ mol^-1, 1 */
	int has_reported;
	double ea_reported;          /* the document's Ea for the catalyst */
	enum arr_verdict verdict;
};

struct arr_set {
	struct arr_series *v;        /* in order of each series' first entry */
	size_t n;
};

/*
 * The series of entries v[0..n) with at least min_points (at least
 * ARR_MIN_POINTS) distinct temperatures, fitted and judged against the
 * plausible Ea range [ea_min, ea_max] and the reported Ea.  A reported Ea
 * disagrees when it differs from the fit by more than twice the standard
 * error and by more than a tenth of itself.  O(n log n).
 */
void arr_find(const struct entry *const *v, size_t n, int min_points, double ea_min,
	      double ea_max, struct arr_set *out /* OUT */);
void arr_set_release(struct arr_set *s);

/* What a verdict means, in words ("" for ARR_OK). */
const char *arr_verdict_text(enum arr_verdict v);

#endif
