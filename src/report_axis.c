/*
 * report_axis.c: axis ranges and tick values for report charts.
 *
 * Linear axes use Heckbert's "nice numbers" (Graphics Gems, 1990): the
 * tick step is 1, 2 or 5 times a power of ten, so labels read 0, 50, 100
 * and not 0, 47.3, 94.6.  Log axes tick at whole decades (every second or
 * third decade when there are many) with minor ticks at 2..9.  Data that
 * give no range (one point, all equal) still get an axis around them.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_axis.h"

#include "physconst.h"
#include "report_data.h"
#include "report_int.h"

double rpt_nicenum(double x, int round)
{
	double e, f, nf;
	if (!(x > 0) || !isfinite(x))
		return 1;
	e = floor(log10(x));
	f = x / pow(10, e);
	if (round)
		nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
	else
		nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
	return nf * pow(10, e);
}

void rpt_axis_linear(struct rpt_axis *a, double min, double max, int target)
{
	double range, step, t0, pad;
	long i, k0, k1;

	memset(a, 0, sizeof(*a));
	if (target < 2)
		target = 2;
	if (!(max > min)) {
		/* One value, or all equal: a range of +-10 % (+-1 around zero). */
		double d = min == 0 ? 1 : fabs(min) * 0.1;
		min -= d;
		max += d;
	}
	range = max - min;
	step = rpt_nicenum(range / (target - 1), 1);
	if (!isfinite(range) || fabs(min / step) > 1e15 || fabs(max / step) > 1e15) {
		/* Beyond what ticks can count (values near the limits of a double): the ends only. */
		a->lo = min;
		a->hi = max;
		a->ticks[0] = min;
		a->ticks[1] = max;
		a->nticks = 2;
		a->step = range;
		a->decimals = 0;
		return;
	}
	/* A margin of 4 % keeps markers off the frame. */
	pad = (max - min) * 0.04;
	a->lo = min - pad;
	a->hi = max + pad;
	k0 = (long)ceil(a->lo / step - 1e-9);
	k1 = (long)floor(a->hi / step + 1e-9);
	/* Fewer than two ticks inside: widen to the ticks around the data. */
	if (k1 - k0 < 1) {
		k0 = (long)floor(min / step);
		k1 = (long)ceil(max / step);
		if (k1 == k0)
			k1++;
		a->lo = k0 * step;
		a->hi = k1 * step;
	}
	for (i = k0; i <= k1 && a->nticks < RPT_MAXTICKS; i++) {
		t0 = (double)i * step;
		if (fabs(t0) < step * 1e-9)
			t0 = 0;
		a->ticks[a->nticks++] = t0;
	}
	a->step = step;
	a->decimals = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
}

void rpt_axis_log(struct rpt_axis *a, double min, double max)
{
	/*
	 * Decades beyond +-RPT_LOG_LIMIT are not drawn: 10^-324 is zero and
	 * 10^309 infinite in a double, and a label would take the logarithm
	 * of either (charts leave such values out, counted).
	 */
	double lmin = fmin(fmax(log10(min), -RPT_LOG_LIMIT), RPT_LOG_LIMIT);
	double lmax = fmin(fmax(log10(max), -RPT_LOG_LIMIT), RPT_LOG_LIMIT);
	long d0 = (long)floor(lmin + 1e-9), d1 = (long)ceil(lmax - 1e-9), k, every, j;

	memset(a, 0, sizeof(*a));
	a->log = 1;
	if (d1 <= d0) {
		/* All in one decade, or one power of ten: show the decade(s) around. */
		if (fabs(lmin - (double)d0) < 1e-9 && fabs(lmax - (double)d0) < 1e-9)
			d0--, d1 = d0 + 2;
		else
			d1 = d0 + 1;
	}
	every = d1 - d0 <= 6 ? 1 : d1 - d0 <= 12 ? 2 : (d1 - d0 + 5) / 6;
	/* Many decades: the range ends on labelled ticks too. */
	if (every > 1) {
		d0 = (long)floor((double)d0 / (double)every) * every;
		d1 = (long)ceil((double)d1 / (double)every) * every;
	}
	a->step = (double)every;
	/* Powers of ten all alike: 10^n for every decade once one needs it. */
	a->decimals = d0 < -3 || d1 > 4;
	a->lo = pow(10, fmax((double)d0, -307));
	a->hi = pow(10, fmin((double)d1, 307));
	/* Data on the very edge of the frame: a margin of 4 % of the span. */
	if (lmin - (double)d0 < 0.02 * (double)(d1 - d0))
		a->lo = pow(10, fmax((double)d0 - 0.04 * (double)(d1 - d0), -307));
	if ((double)d1 - lmax < 0.02 * (double)(d1 - d0))
		a->hi = pow(10, fmin((double)d1 + 0.04 * (double)(d1 - d0), 307));
	for (k = d0; k <= d1; k++) {
		double dec = pow(10, (double)k);
		if (k < -307 || k > 307)
			continue;
		if (k % every == 0 && a->nticks < RPT_MAXTICKS)
			a->ticks[a->nticks++] = dec;
		if (k == d1)
			break;
		for (j = 2; j <= 9 && every == 1; j++) {
			double m = dec * (double)j;
			/* One decade only: 2 and 5 get labels too. */
			if (d1 - d0 == 1 && (j == 2 || j == 5)) {
				if (a->nticks < RPT_MAXTICKS)
					a->ticks[a->nticks++] = m;
			} else if (a->nminor < ARRAY_SIZE(a->minor)) {
				a->minor[a->nminor++] = m;
			}
		}
	}
}

double rpt_axis_frac(const struct rpt_axis *a, double v)
{
	if (a->log)
		return (log10(v) - log10(a->lo)) / (log10(a->hi) - log10(a->lo));
	return (v - a->lo) / (a->hi - a->lo);
}

void rpt_format_fixed(double v, int decimals, struct buf *out)
{
	char tmp[64], *p;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 12)
		decimals = 12;
	snprintf(tmp, sizeof(tmp), "%.*f", decimals, v);
	for (p = tmp; *p; p++)
		if (*p == ',')
			*p = '.';   /* whatever LC_NUMERIC says */
	p = tmp;
	if (*p == '-') {
		int zero = 1;
		const char *q;
		for (q = p + 1; *q; q++)
			if (*q >= '1' && *q <= '9')
				zero = 0;
		p++;
		if (!zero)
			buf_addstr(out, "\xE2\x88\x92");   /* U+2212 MINUS SIGN */
	}
	buf_addstr(out, p);
}

void rpt_axis_label(const struct rpt_axis *a, double v, struct buf *out)
{
	if (a->log) {
		long k;
		if (!(v > 0) || !isfinite(v)) {
			rpt_format_fixed(v, 0, out);
			return;
		}
		k = lround(log10(v));
		double mant = v / pow(10, (double)k);
		if (fabs(mant - 1) < 1e-6 && a->decimals) {
			buf_addstr(out, "10<sup>");
			if (k < 0)
				buf_addstr(out, "\xE2\x88\x92");
			buf_printf(out, "%ld</sup>", labs(k));
			return;
		}
		/* Plain decimals for 0.001 .. 10000 (and 2, 5 times them). */
		{
			long e = (long)floor(log10(v) + 1e-9);
			rpt_format_fixed(v, e < 0 ? (int)-e : 0, out);
		}
		return;
	}
	rpt_format_fixed(v, a->decimals, out);
}

/* --- numbers as measured ------------------------------------------------------ */

/* Significant figures of a decimal as written ("0.0250" -> 3, "60000" -> 5, "1e-3" -> 1). */
static int sig_figs_of(const char *s)
{
	int n = 0, started = 0, trailing_int_zeros = 0, seen_dot = 0;
	for (; *s && *s != 'e' && *s != 'E'; s++) {
		if (*s == '.') {
			seen_dot = 1;
			continue;
		}
		if (*s < '0' || *s > '9')
			continue;
		if (*s == '0' && !started)
			continue;
		started = 1;
		n++;
		if (!seen_dot)
			trailing_int_zeros = *s == '0' ? trailing_int_zeros + 1 : 0;
	}
	/* "60000": the zeros of an integer are not known to be figures; keep them anyway. */
	(void)trailing_int_zeros;
	return n;
}

/* Decimals of a number as written. */
static int decimals_of(const char *s)
{
	const char *dot = strchr(s, '.');
	int n = 0;
	if (!dot || strchr(s, 'e') || strchr(s, 'E'))
		return 0;
	for (dot++; *dot >= '0' && *dot <= '9'; dot++)
		n++;
	return n;
}

/* Figures of x written as shortly as a double allows ("1.0000000001e-3" counts 11). */
static int short_figs(double x, int max)
{
	int k;
	if (x == 0 || !isfinite(x))
		return 0;
	for (k = 1; k <= max; k++) {
		char tmp[64];
		double back;
		snprintf(tmp, sizeof(tmp), "%.*e", k - 1, x);
		back = strtod(tmp, NULL);
		if (fabs(back - x) <= 1e-9 * fabs(x))
			return k;
	}
	return 0;
}

/* v to k significant figures, as a plain decimal. */
static void format_figs(double v, int k, struct buf *out)
{
	int dec;
	if (v == 0) {
		rpt_format_fixed(0, 0, out);
		return;
	}
	dec = k - 1 - (int)floor(log10(fabs(v)));
	if (dec < 0) {
		double q = pow(10, -dec);
		v = round(v / q) * q;
		dec = 0;
	}
	rpt_format_fixed(v, dec, out);
}

static void format_sig(const char *s, int col, struct buf *out)
{
	/* The factors of the conversions a paper's unit goes through to the canonical one. */
	static const struct {
		int col;
		double f;
	} conv[] = {
		{ COL_PRESSURE_MPA, UNITS_ATM_MPA }, { COL_PRESSURE_MPA, 0.1 }, { COL_PRESSURE_MPA, 0.001 },
		{ COL_TOF_S, 1.0 / 3600 }, { COL_TOF_S, 1.0 / 60 },
		{ COL_RATE_GCAT, 0.001 }, { COL_RATE_GCAT, 1000 }, { COL_RATE_GCAT, 60 },
		{ COL_RATE_GCAT, 1 / NH3_MOLAR_MASS }, { COL_RATE_GMETAL, 0.001 }, { COL_RATE_GMETAL, 60 },
		{ COL_RATE_GMETAL, 1 / NH3_MOLAR_MASS }, { COL_EA, UNITS_KCAL_KJ }, { COL_EA, UNITS_EV_KJ_MOL },
		{ COL_WHSV, 1000 },
	};
	double v;
	int figs, k;
	size_t i;
	if (num_parse(s, &v) < 0 || !isfinite(v)) {
		rpt_markup_escape(s, out);
		return;
	}
	figs = sig_figs_of(s);
	if (col == COL_TEMPERATURE_C) {
		/* 399.85 from 673 K: the decimals of the kelvins, when they are fewer. */
		double kelvin = v + UNITS_ZERO_C_K;
		for (k = 0; k < decimals_of(s) && k <= 2; k++) {
			double q = pow(10, k);
			if (fabs(round(kelvin * q) - kelvin * q) < 1e-6) {
				rpt_format_fixed(v, k, out);
				return;
			}
		}
	}
	if (figs <= 5 && !strchr(s, 'e') && !strchr(s, 'E')) {
		/* As written: the curator's figures. */
		rpt_format_fixed(v, decimals_of(s), out);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(conv); i++) {
		if (conv[i].col != col)
			continue;
		k = short_figs(v / conv[i].f, 4);
		if (k > 0 && k < figs) {
			/* Atmospheric pressure is 0.1 MPa; a rate or TOF keeps three figures at least. */
			format_figs(v, col == COL_PRESSURE_MPA || k >= 3 ? k : 3, out);
			return;
		}
	}
	/* Long, from a computation the paper did not show: three figures. */
	format_figs(v, figs < 3 ? figs : 3, out);
}

void rpt_format_sig(const char *s, int col, struct buf *out)
{
	format_sig(s, col, out);
}

void report_format_number(const char *s, int col, struct buf *out)
{
	struct buf b = BUF_INIT;
	const char *p;
	format_sig(s, col, &b);
	p = buf_str(&b);
	if (str_startswith(p, "\xE2\x88\x92")) {
		buf_addch(out, '-');
		p += 3;
	}
	buf_addstr(out, p);
	buf_release(&b);
}
