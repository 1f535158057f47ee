/*
 * report_axis.h: numbers on axes and in cells (report_axis.c): nice
 * numbers, linear and log ticks, labels, significant figures.
 */
#ifndef NH3CAT_REPORT_AXIS_H
#define NH3CAT_REPORT_AXIS_H

#include "buf.h"

struct rpt_axis;

/*
 * A number of an entries CSV (canonical units, full precision; s as
 * written) the way reports print it: with the significant figures of its
 * source, so 399.85 degC (from 673 K) is "400", 0.101325 MPa (1 atm) "0.1"
 * and 0.01666666666667 s^-1 (1 min^-1) "0.0167"; values a curator wrote
 * stay as written.  col is the entries column (enum entry_col), -1 none.
 * Plain ASCII.  nh3cat units prints this way too.
 */
void report_format_number(const char *s, int col, struct buf *out);

/* Heckbert's nice number: 1, 2, 5 or 10 times a power of ten near x. */
double rpt_nicenum(double x, int round);

/*
 * Fit an axis to the data range [min, max] (min <= max, finite; on a log
 * axis both > 0) with about target major ticks.  One value or all equal
 * still gives a proper range around it.
 */
void rpt_axis_linear(struct rpt_axis *a, double min, double max, int target);
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

#endif
