/*
 * units.c: quantities as papers write them (a value, a range or a list,
 * then a unit) read from canonical text (normalize.h) into the canonical
 * units of units.h.
 *
 * A unit is read as a product of atoms (units_table.c), each with an
 * optional subscript (g_cat, g_Co, mmol_NH3) and exponent (h^-1, h-1, /h);
 * the sum of their dimensions says which quantity it measures, and the
 * product of their sizes gives the factor to the canonical unit.  Nothing
 * is guessed: a word that is not an atom, or a dimension that is no known
 * quantity, is an error (units_parse) or no match (units_scan).
 *
 * units_scan works on the caller's text in place, with fixed-size state on
 * the stack: no allocation per call.
 */
#include <config.h>

#include "units.h"

#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chem.h"
#include "normalize.h"
#include "units_table.h"
#include "util.h"

#define MAX_FACTORS 8

/* canonical-unit sizes in base units (mol, g, s, mL, kJ, MPa, nm) */
#define RATE_CANON (1e-3 / 3600.0)     /* mmol g^-1 h^-1 */
#define WHSV_CANON (1.0 / 3600.0)      /* mL g^-1 h^-1 */
#define GHSV_CANON (1.0 / 3600.0)      /* h^-1 */

/* One factor of a unit as written: atom, subscript, exponent. */
struct factor {
	const struct unit_atom *atom;   /* NULL for a qualifier word (NH3, cat, Co) */
	const char *word;               /* the word as written */
	size_t wordlen;
	const char *sub;                /* subscript, or NULL */
	size_t sublen;
	int exp;
	int explicit_exp;
	int slashed;                    /* inverted by a '/' or "per" */
	int after_slash;                /* after a '/', joined by a space: mL/g h */
	size_t end;                     /* offset just after the factor */
};

/* A unit resolved to a quantity. */
struct ures {
	enum quantity_kind kind;
	double factor, offset;          /* canonical = value * factor + offset */
	char metal[4];
	int flags;                      /* OR of the atoms' AF_* flags */
};

struct unit_def {
	struct unit_def *next;
	struct ures u;
};

static const char *const kind_units[QK_NKINDS] = {
	"", "mmol g_cat^-1 h^-1", "mmol g_metal^-1 h^-1", "s^-1", "\xC2\xB0" "C", "MPa",
	"mL g^-1 h^-1", "h^-1", "kJ mol^-1", "wt%", "nm", "vol %"
};
static const char *const kind_names[QK_NKINDS] = {
	"none", "rate", "rate_metal", "tof", "temperature", "pressure", "whsv", "ghsv",
	"ea", "loading", "size", "outlet"
};
static const char *const kind_descriptions[QK_NKINDS] = {
	"no quantity", "rate per gram of catalyst", "rate per gram of metal",
	"turnover frequency", "temperature", "pressure", "weight hourly space velocity",
	"gas hourly space velocity", "apparent activation energy", "metal loading",
	"particle size", "outlet NH3 concentration"
};

const char *quantity_kind_unit(enum quantity_kind k)
{
	return (unsigned)k < QK_NKINDS ? kind_units[k] : "";
}

const char *quantity_kind_name(enum quantity_kind k)
{
	return (unsigned)k < QK_NKINDS ? kind_names[k] : "none";
}

const char *quantity_kind_description(enum quantity_kind k)
{
	return (unsigned)k < QK_NKINDS ? kind_descriptions[k] : "no quantity";
}

enum quantity_kind quantity_kind_from_name(const char *name)
{
	int k;
	for (k = 1; k < QK_NKINDS; k++)
		if (str_eq(kind_names[k], name))
			return (enum quantity_kind)k;
	return QK_NONE;
}

/* --- characters ----------------------------------------------------- */

static inline int at(const char *s, size_t len, size_t p)
{
	return p < len ? (unsigned char)s[p] : 0;
}

static int starts(const char *s, size_t len, size_t p, const char *w)
{
	size_t n = strlen(w);
	return p + n <= len && memcmp(s + p, w, n) == 0;
}

/* printf in the C locale, whatever LC_NUMERIC says */
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void c_locale_init(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static void c_snprintf(char *buf, size_t n, int sig, double v)
{
	locale_t old;
	/* once for the process: extraction workers call this at the same time */
	pthread_once(&c_locale_once, c_locale_init);
	old = c_locale ? uselocale(c_locale) : (locale_t)0;
	if (sig)
		snprintf(buf, n, "%.12e", v);   /* 12 significant digits */
	else
		snprintf(buf, n, "%.10f", v);   /* 10 decimals */
	if (c_locale)
		uselocale(old);
}

static double round_sig(double v)
{
	char buf[40];
	double r;
	double n;
	int k, e;
	if (v == 0 || !isfinite(v))
		return v;
	/* the digits by arithmetic where it is sure to give those of printing */
	if (num_digits(fabs(v), 13, &n, &k, &e) == 0)
		return copysign(n / num_pow10(k), v);
	c_snprintf(buf, sizeof(buf), 1, v);
	if (num_parse(buf, &r) < 0)
		return v;
	return r;
}

/*
 * An affine conversion (K to degC) is rounded to
 * 10 decimals instead, so that 648 K gives 374.85 and 1 K keeps its
 * precision.
 */
static double round_dec(double v)
{
	char buf[64];
	double r;
	if (!isfinite(v) || fabs(v) > 1e12)
		return v;
	if (num_round_dec(v, 10, &r) == 0)
		return r;
	c_snprintf(buf, sizeof(buf), 0, v);
	if (num_parse(buf, &r) < 0)
		return v;
	return r;
}

static double convert(double v, double factor, double offset)
{
	if (offset != 0)
		return round_dec(v * factor + offset);
	return round_sig(v * factor);
}

/* --- numbers -------------------------------------------------------- */

int units_read_number(const char *s, size_t len, size_t p, int flags, double *v, size_t *end)
{
	char buf[80];
	size_t n = 0, q = p, intdigits = 0;
	int c;

	if ((at(s, len, q) == '-' || at(s, len, q) == '+') && is_digit(at(s, len, q + 1)))
		buf[n++] = s[q++];
	if (!is_digit(at(s, len, q)))
		return -1;
	while (is_digit(at(s, len, q)) && n < 30) {
		buf[n++] = s[q++];
		intdigits++;
	}
	if (is_digit(at(s, len, q)))
		return -1;   /* absurdly long */
	/* thousands groups: exactly three digits after one space or comma, never after a lone 0 */
	if (intdigits <= 3 && buf[n - intdigits] != '0') {
		while ((at(s, len, q) == ' ' || at(s, len, q) == ',') && is_digit(at(s, len, q + 1)) &&
		       is_digit(at(s, len, q + 2)) && is_digit(at(s, len, q + 3)) &&
		       !is_digit(at(s, len, q + 4)) && n + 3 < 40 &&
		       !(s[q] == ',' && at(s, len, q + 4) == '.') &&
		       !(s[q] == ' ' && at(s, len, q + 4) == ',' && is_digit(at(s, len, q + 5)))) {
			memcpy(buf + n, s + q + 1, 3);
			n += 3;
			q += 4;
		}
	}
	/* a decimal comma where it cannot group thousands: "0,36", "1,25", "0,360" */
	if ((flags & UNITS_NUM_DECIMAL_COMMA) && at(s, len, q) == ',' && is_digit(at(s, len, q + 1)) &&
	    (buf[n - intdigits] == '0' ||
	     !(is_digit(at(s, len, q + 2)) && is_digit(at(s, len, q + 3)) && !is_digit(at(s, len, q + 4))))) {
		buf[n++] = '.';
		q++;
		while (is_digit(at(s, len, q)) && n < 60)
			buf[n++] = s[q++];
		if (is_digit(at(s, len, q)))
			return -1;
	} else if (at(s, len, q) == '.' && is_digit(at(s, len, q + 1))) {
		buf[n++] = '.';
		q++;
		while (is_digit(at(s, len, q)) && n < 60)
			buf[n++] = s[q++];
		if (is_digit(at(s, len, q)))
			return -1;
	} else if (at(s, len, q) == ',' && is_digit(at(s, len, q + 1)) && n == intdigits + (s[p] == '-' || s[p] == '+')) {
		/*
		 * In prose too, a decimal comma where it cannot be a thousands
		 * separator: other than three digits after it ("3,5", "0,12"), or
		 * a whole part of 0 ("0,125").  "60,000" stays sixty thousand
		 * (read above); a list of numbers ("1,2,3") is none.
		 */
		size_t d = q + 1, nd;
		while (is_digit(at(s, len, d)))
			d++;
		nd = d - q - 1;
		if ((nd != 3 || (intdigits == 1 && buf[n - 1] == '0')) && nd < 30 &&
		    !(at(s, len, d) == ',' && is_digit(at(s, len, d + 1))) && at(s, len, d) != '.') {
			buf[n++] = '.';
			memcpy(buf + n, s + q + 1, nd);
			n += nd;
			q = d;
		}
	}
	c = at(s, len, q);
	if ((c == 'e' || c == 'E') &&
	    (is_digit(at(s, len, q + 1)) ||
	     ((at(s, len, q + 1) == '-' || at(s, len, q + 1) == '+') && is_digit(at(s, len, q + 2))))) {
		size_t t = q + 1;
		buf[n++] = 'e';
		if (s[t] == '-' || s[t] == '+')
			buf[n++] = s[t++];
		while (is_digit(at(s, len, t)) && n < 70)
			buf[n++] = s[t++];
		q = t;
	} else if (c == '^' && n == 2 && buf[0] == '1' && buf[1] == '0') {
		/* 10^3 alone */
		size_t t = q + 1;
		if (at(s, len, t) == '-' || at(s, len, t) == '+')
			t++;
		if (is_digit(at(s, len, t))) {
			n = 0;
			buf[n++] = '1';
			buf[n++] = 'e';
			t = q + 1;
			if (s[t] == '-' || s[t] == '+')
				buf[n++] = s[t++];
			while (is_digit(at(s, len, t)) && n < 70)
				buf[n++] = s[t++];
			q = t;
		}
	} else {
		/* " x 10^-2": the multiplication sign, spaces optional */
		size_t t = q;
		if (at(s, len, t) == ' ')
			t++;
		if (at(s, len, t) == 'x' || at(s, len, t) == '*') {
			t++;
			if (at(s, len, t) == ' ')
				t++;
			if (starts(s, len, t, "10^") ||
			    (starts(s, len, t, "10-") && is_digit(at(s, len, t + 3)))) {
				/* 10^-2, or 10-2 where the superscript was flattened */
				size_t e = t + (s[t + 2] == '^' ? 3 : 2), m = n;
				int brace = at(s, len, e) == '{';
				char tmp[80];
				memcpy(tmp, buf, n);
				tmp[m++] = 'e';
				e += brace;   /* 10^{-2}, as LaTeX writes it */
				if (at(s, len, e) == '-' || at(s, len, e) == '+')
					tmp[m++] = s[e++];
				if (is_digit(at(s, len, e))) {
					while (is_digit(at(s, len, e)) && m < 75)
						tmp[m++] = s[e++];
					if (!brace || at(s, len, e) == '}') {
						memcpy(buf, tmp, m);
						n = m;
						q = e + brace;
					}
				}
			}
		}
	}
	if (num_parse_n(buf, n, v) < 0) {
		/* well formed (the syntax above) yet beyond a double: overflow or underflow */
		double dummy;
		size_t k;
		for (k = 0; k < n && buf[k] != 'e'; k++)
			;
		if (k == n || num_parse_n(buf, k, &dummy) < 0)
			return -1;
		*v = NAN;
	}
	*end = q;
	return 0;
}


/* After a value: " ± 0.2" or " +/- 0.2" is skipped (the uncertainty). */
static size_t skip_uncertainty(const char *s, size_t len, size_t p)
{
	size_t t = p;
	double dummy;
	size_t e;
	/* "3.1416(5)": the uncertainty of the last digits, in brackets glued to the value */
	if (at(s, len, t) == '(' && is_digit(at(s, len, t + 1)) && p > 0 && is_digit(at(s, len, p - 1))) {
		size_t d = t + 1;
		while (is_digit(at(s, len, d)) && d < t + 4)
			d++;
		if (at(s, len, d) == ')')
			return d + 1;
	}
	if (at(s, len, t) == ' ')
		t++;
	if (starts(s, len, t, "\xC2\xB1"))
		t += 2;
	else if (starts(s, len, t, "+/-"))
		t += 3;
	else
		return p;
	if (at(s, len, t) == ' ')
		t++;
	if (units_read_number(s, len, t, 0, &dummy, &e) == 0)
		return e;
	return p;
}

/* --- units ---------------------------------------------------------- */

/* Subscripts meaning "of catalyst". */
static int sub_is_cat(const char *w, size_t n)
{
	return (n == 1 && w[0] == 'c') || (n == 3 && memcmp(w, "cat", 3) == 0) ||
	       (n == 8 && memcmp(w, "catalyst", 8) == 0) || (n == 4 && memcmp(w, "cata", 4) == 0);
}

static int sub_is_nh3(const char *w, size_t n)
{
	/* NH2 is a common misreading of the NH3 subscript in PDF text */
	return n == 3 && w[0] == 'N' && w[1] == 'H' && (w[2] == '3' || w[2] == '2');
}

/* The word at p: letters and %, a leading degree sign or an angstrom. */
static size_t word_len(const char *s, size_t len, size_t p)
{
	size_t q = p;
	if (starts(s, len, q, "\xC2\xB0")) {
		q += 2;
		while (is_alpha(at(s, len, q)))
			q++;
		return q - p;
	}
	if (starts(s, len, q, "\xC3\x85"))
		return 2;
	while (is_alpha(at(s, len, q)) || at(s, len, q) == '%')
		q++;
	return q - p;
}

static int is_qualifier(const char *w, size_t n)
{
	static const char *const quals[] = { "cat", "catalyst", "NH3", "metal" };
	size_t i;
	for (i = 0; i < ARRAY_SIZE(quals); i++)
		if (strlen(quals[i]) == n && memcmp(quals[i], w, n) == 0)
			return 1;
	return chem_is_metal(w, n);
}

/*
 * One factor at p.  Returns 0 and fills f, or -1 when no unit factor
 * starts there.
 */
static int read_factor(const char *s, size_t len, size_t p, struct factor *f)
{
	size_t n = word_len(s, len, p), q;
	memset(f, 0, sizeof(*f));
	f->exp = 1;
	if (n == 0)
		return -1;
	f->word = s + p;
	f->wordlen = n;
	q = p + n;
	/* a pressure in kilogram-force per square centimetre: kgf/cm2, kg/cm^2, kgf cm-2 */
	if ((n == 3 && memcmp(s + p, "kgf", 3) == 0) || (n == 2 && memcmp(s + p, "kg", 2) == 0)) {
		size_t t = q, e = 0;
		if (at(s, len, t) == ' ' && at(s, len, t + 1) == '/')
			t++;
		if (at(s, len, t) == '/') {
			t++;
			if (at(s, len, t) == ' ')
				t++;
			if (starts(s, len, t, "cm2"))
				e = t + 3;
			else if (starts(s, len, t, "cm^2"))
				e = t + 4;
		} else if (at(s, len, t) == ' ' && starts(s, len, t + 1, "cm")) {
			if (starts(s, len, t + 3, "^-2"))
				e = t + 6;
			else if (starts(s, len, t + 3, "-2"))
				e = t + 5;
		}
		if (e && !is_alpha(at(s, len, e)) && !is_digit(at(s, len, e))) {
			f->atom = units_atom("kgf/cm2", 7);
			f->end = e;
			return 0;
		}
	}
	/* "wt %", "wt.%", "wt. %"; "vol %", "mol %" */
	if ((n == 2 && memcmp(s + p, "wt", 2) == 0) ||
	    (n == 3 && (memcmp(s + p, "vol", 3) == 0 || memcmp(s + p, "mol", 3) == 0))) {
		size_t t = q;
		if (at(s, len, t) == '.')
			t++;
		if (at(s, len, t) == ' ')
			t++;
		if (at(s, len, t) == '%') {
			f->atom = n == 2 ? units_atom("wt%", 3) : units_atom(s[p] == 'v' ? "vol%" : "mol%", 4);
			f->end = t + 1;
			return 0;
		}
	}
	/* "NH3" (mmolNH3 too): the species, whose 3 is no exponent */
	if (n >= 2 && memcmp(s + q - 2, "NH", 2) == 0 && (at(s, len, q) == '3' || at(s, len, q) == '2') &&
	    !is_digit(at(s, len, q + 1))) {
		n++;
		q++;
		f->wordlen = n;
	}
	if (n == 3 && memcmp(s + p, "NH", 2) == 0) {
		f->end = q;
		if (is_alpha(at(s, len, q)) || is_digit(at(s, len, q)))
			return -1;
		return 0;
	}
	f->atom = units_atom(s + p, n);
	if (!f->atom) {
		/* an amount or mass with its qualifier stuck on: gcat, gRu, mmolNH3, molRu */
		size_t k;
		for (k = 1; k < n && !f->atom; k++) {
			const struct unit_atom *a = units_atom(s + p, k);
			if (a && (a->dim == D_MASS_CAT || a->dim == D_AMOUNT) && is_qualifier(s + p + k, n - k)) {
				f->atom = a;
				f->sub = s + p + k;
				f->sublen = n - k;
			}
		}
		if (!f->atom && !is_qualifier(s + p, n))
			return -1;
	}
	/* "gcat.-1": the abbreviation's point before the exponent */
	if (n > 3 && !memcmp(s + q - 3, "cat", 3) && at(s, len, q) == '.' &&
	    (at(s, len, q + 1) == '^' || at(s, len, q + 1) == '-'))
		q++;
	if (at(s, len, q) == '_') {
		size_t t = q + 1;
		while (is_alpha(at(s, len, t)) || is_digit(at(s, len, t)))
			t++;
		if (t == q + 1)
			return -1;
		f->sub = s + q + 1;
		f->sublen = t - q - 1;
		if (at(s, len, t) == '.' && f->sublen == 3 && memcmp(f->sub, "cat", 3) == 0)
			t++;   /* g_cat. */
		q = t;
	}
	/* "g-cat-1", "kg-cat^-1": the catalyst joined to its mass by a hyphen */
	if (!f->sub && f->atom && f->atom->dim == D_MASS_CAT && at(s, len, q) == '-' &&
	    is_alpha(at(s, len, q + 1))) {
		size_t t = q + 1;
		while (is_alpha(at(s, len, t)))
			t++;
		if (sub_is_cat(s + q + 1, t - q - 1)) {
			f->sub = s + q + 1;
			f->sublen = t - q - 1;
			q = t;
		}
	}
	/* exponent: ^-1, ^2, or -1 written straight after the word */
	if (at(s, len, q) == '^') {
		size_t t = q + 1;
		int sign = 1;
		if (at(s, len, t) == '-' || at(s, len, t) == '+')
			sign = s[t++] == '-' ? -1 : 1;
		if (!is_digit(at(s, len, t)) || is_digit(at(s, len, t + 1)))
			return -1;
		f->exp = sign * (s[t] - '0');
		f->explicit_exp = 1;
		q = t + 1;
	} else if (at(s, len, q) == '-' && is_digit(at(s, len, q + 1)) && !is_digit(at(s, len, q + 2)) &&
		   !(at(s, len, q + 2) == '.' && is_digit(at(s, len, q + 3)))) {
		f->exp = -(s[q + 1] - '0');
		f->explicit_exp = 1;
		q += 2;
	} else if (f->atom && f->atom->dim == D_LENGTH && (at(s, len, q) == '3' || at(s, len, q) == '2') &&
		   !is_digit(at(s, len, q + 1))) {
		/* cm3, m2 */
		f->exp = s[q] - '0';
		f->explicit_exp = 1;
		q++;
	}
	if (f->exp == 0)
		return -1;
	/* "g-1cat", "g^-1Ru": the qualifier after the exponent */
	if (f->explicit_exp && f->atom && !f->sub && is_alpha(at(s, len, q))) {
		size_t t = q;
		while (is_alpha(at(s, len, t)))
			t++;
		if (is_qualifier(s + q, t - q)) {
			f->sub = s + q;
			f->sublen = t - q;
			q = t;
			/* "g-1cat. h-1": the abbreviation's point */
			if (f->sublen == 3 && !memcmp(f->sub, "cat", 3) && at(s, len, q) == '.' &&
			    !is_alpha(at(s, len, q + 1)) && !is_digit(at(s, len, q + 1)))
				q++;
		}
	}
	/* the unit ends at a word boundary */
	if (is_alpha(at(s, len, q)) || is_digit(at(s, len, q)))
		return -1;
	f->end = q;
	return 0;
}

/*
 * Factors from p on.  Separators: one space, '/', "per", '.' between
 * words (mmol.g-1.h-1), and parentheses after '/'.  Returns the number of
 * factors read; *stop is where reading stopped (after the last factor).
 */
static int read_factors(const char *s, size_t len, size_t p, struct factor *f, int maxf, size_t *stop)
{
	int n = 0, invert = 0, group_invert = 0, in_group = 0, seen_slash = 0;
	size_t q = p;
	*stop = p;
	while (n < maxf) {
		size_t t = q;
		int inv_next = 0;
		if (n == 0 && at(s, len, t) == ' ' && at(s, len, t + 1) == '/')
			t++;
		if (n > 0 || t > p) {
			/* a separator, or nothing */
			if (at(s, len, t) == ' ')
				t++;
			if (at(s, len, t) == '/') {
				inv_next = 1;
				t++;
				if (at(s, len, t) == ' ')
					t++;
			} else if (starts(s, len, t, "per ") && n > 0) {
				inv_next = 1;
				t += 4;
			} else if (n > 0 && at(s, len, t) == '.' && t == q && is_alpha(at(s, len, t + 1))) {
				t++;
			} else if (n > 0 && at(s, len, t) == '*' && t == q && is_alpha(at(s, len, t + 1))) {
				t++;   /* "gCo*s": a product written with an asterisk */
			} else if (n > 0 && at(s, len, t) == '-' && t == q && starts(s, len, t + 1, "NH")) {
				t++;   /* "mmol-NH3": the species joined to its amount by a hyphen */
			} else if (n > 0 && t == q && at(s, len, t) != ')') {
				break;   /* two words stuck together */
			}
		} else if (at(s, len, t) == ' ') {
			t++;
		} else if (at(s, len, t) == '/' && n == 0) {
			/* "0.019 /s" */
			inv_next = 1;
			t++;
		}
		if (at(s, len, t) == '(' && inv_next && !in_group) {
			in_group = 1;
			group_invert = 1;
			t++;
			inv_next = 0;
		}
		if (read_factor(s, len, t, &f[n]) < 0)
			break;
		invert = inv_next;
		if (invert ^ group_invert)
			f[n].exp = -f[n].exp;
		f[n].slashed = invert || group_invert;
		if (invert)
			seen_slash = 1;
		else if (seen_slash && !group_invert && !f[n].explicit_exp)
			f[n].after_slash = 1;
		q = f[n].end;
		if (in_group && at(s, len, q) == ')') {
			in_group = 0;
			group_invert = 0;
			q++;
			f[n].end = q;
		}
		n++;
		*stop = q;
		if (f[n - 1].atom && f[n - 1].atom->dim == D_PERCENT)
			break;   /* "3.2 wt% Co": the metal is not part of the unit */
	}
	if (in_group) {
		/* an unclosed group: only the factors before it count */
		while (n > 0 && f[n - 1].exp < 0 && f[n - 1].end > p)
			n--;
		*stop = n ? f[n - 1].end : p;
	}
	return n;
}

static int sub_is_metal(const char *w, size_t n)
{
	return chem_is_metal(w, n) || (n == 5 && memcmp(w, "metal", 5) == 0) ||
	       (n == 1 && w[0] == 'M');
}

/* mol_surf^-1, mol_site^-1: per surface metal atom (a TOF) */
static int sub_is_site(const char *w, size_t n)
{
	return (n == 4 && (memcmp(w, "surf", 4) == 0 || memcmp(w, "site", 4) == 0)) ||
	       (n == 5 && memcmp(w, "sites", 5) == 0);
}

/*
 * The quantity a list of factors measures.  hint: the role the caller or
 * a label names (QK_NONE when none).  Returns 0, or -1 with *why set.
 */
static int resolve(struct factor *f, int n, enum quantity_kind hint, struct ures *u, const char **why)
{
	int e[D_NDIMS];
	double scale = 1;
	int i, k, bare_mass_up = 0, flags = 0;
	char metal[4] = "";

	memset(e, 0, sizeof(e));
	u->offset = 0;
	*why = "fits no quantity";
	/* qualifier words attach to the mass or amount before them */
	for (i = 0; i < n; i++) {
		if (f[i].atom)
			continue;
		if (i + 1 < n && f[i + 1].atom && f[i + 1].atom->dim == D_AMOUNT_METAL && !f[i].explicit_exp &&
		    chem_is_metal(f[i].word, f[i].wordlen) && f[i].wordlen < sizeof(metal)) {
			/* "Co atom^-1": the metal the sites are made of */
			memcpy(metal, f[i].word, f[i].wordlen);
			metal[f[i].wordlen] = '\0';
			f[i].exp = 0;
			continue;
		}
		if (i == 0 || !f[i - 1].atom || f[i - 1].sub ||
		    (f[i - 1].atom->dim != D_MASS_CAT && f[i - 1].atom->dim != D_AMOUNT &&
		     !(f[i - 1].atom->dim == D_VOLUME && sub_is_nh3(f[i].word, f[i].wordlen)))) {
			*why = "has a word that is no unit";
			return -1;
		}
		f[i - 1].sub = f[i].word;
		f[i - 1].sublen = f[i].wordlen;
		if (f[i].explicit_exp && !f[i - 1].explicit_exp)
			f[i - 1].exp = f[i].exp;
		f[i].exp = 0;
	}
	for (i = 0; i < n; i++) {
		const struct unit_atom *a = f[i].atom;
		enum dim d;
		double sc;
		if (!a)
			continue;
		d = a->dim;
		sc = a->scale;
		flags |= a->flags;
		if (f[i].sub) {
			if (d == D_AMOUNT && sub_is_nh3(f[i].sub, f[i].sublen)) {
				/* mol of NH3 */
			} else if (d == D_AMOUNT && (sub_is_metal(f[i].sub, f[i].sublen) ||
						     sub_is_site(f[i].sub, f[i].sublen)) && f[i].exp < 0) {
				d = D_AMOUNT_METAL;
				if (chem_is_metal(f[i].sub, f[i].sublen))
					memcpy(metal, f[i].sub, f[i].sublen), metal[f[i].sublen] = '\0';
			} else if (d == D_MASS_CAT && sub_is_cat(f[i].sub, f[i].sublen)) {
				/* g of catalyst */
			} else if (d == D_MASS_CAT && sub_is_metal(f[i].sub, f[i].sublen) && f[i].exp < 0) {
				d = D_MASS_METAL;
				if (chem_is_metal(f[i].sub, f[i].sublen))
					memcpy(metal, f[i].sub, f[i].sublen), metal[f[i].sublen] = '\0';
			} else if (d == D_MASS_CAT && sub_is_nh3(f[i].sub, f[i].sublen) && f[i].exp > 0) {
				/* mg NH3: an amount of product */
				d = D_AMOUNT;
				sc = a->scale / NH3_MOLAR_MASS;
				flags |= AF_PRODUCT;
			} else if (d == D_VOLUME && sub_is_nh3(f[i].sub, f[i].sublen) && f[i].exp > 0) {
				/* mL NH3: a volume of the gas, an ideal gas at 0 degC and 1 atm */
				d = D_AMOUNT;
				sc = a->scale / (UNITS_MOLAR_VOLUME_STP * 1e3);
				flags |= AF_PRODUCT;
			} else {
				*why = "has a subscript it does not know";
				return -1;
			}
		} else if (d == D_MASS_CAT && f[i].exp > 0) {
			bare_mass_up = 1;
		}
		if (d == D_LENGTH && (f[i].exp == 3 || f[i].exp == -3)) {
			/* lengths cubed are volumes, in mL (cm^3) */
			double cm = a->scale * 1e-7;
			d = D_VOLUME;
			sc = cm * cm * cm;
			f[i].exp /= 3;
		}
		if (d == D_TEMP && (n != 1 || f[i].exp != 1)) {
			*why = "uses a temperature inside a compound unit";
			return -1;
		}
		if (d == D_TEMP)
			u->offset = a->offset;
		e[d] += f[i].exp;
		for (k = 0; k < abs(f[i].exp); k++)
			scale = f[i].exp > 0 ? scale * sc : scale / sc;
	}
	if (bare_mass_up) {
		*why = "has a mass in the numerator (write mg NH3 for a mass of ammonia)";
		return -1;
	}
	u->kind = QK_NONE;
	u->flags = flags;
	memcpy(u->metal, metal, sizeof(metal));
	{
		/* the signature of each quantity, as exponents of enum dim */
		static const struct { int e[D_NDIMS]; enum quantity_kind k; double canon; } sig[] = {
			{ { [D_AMOUNT] = 1, [D_MASS_CAT] = -1, [D_TIME] = -1 }, QK_RATE_CAT, RATE_CANON },
			{ { [D_AMOUNT] = 1, [D_MASS_METAL] = -1, [D_TIME] = -1 }, QK_RATE_METAL, RATE_CANON },
			{ { [D_TIME] = -1 }, QK_TOF, 1 },
			{ { [D_AMOUNT] = 1, [D_AMOUNT_METAL] = -1, [D_TIME] = -1 }, QK_TOF, 1 },
			/* "site^-1 s^-1": molecules per site, counted one by one */
			{ { [D_AMOUNT_METAL] = -1, [D_TIME] = -1 }, QK_TOF, UNITS_AVOGADRO },
			{ { [D_VOLUME] = 1, [D_MASS_CAT] = -1, [D_TIME] = -1 }, QK_WHSV, WHSV_CANON },
			{ { [D_TEMP] = 1 }, QK_TEMPERATURE, 1 },
			{ { [D_PRESSURE] = 1 }, QK_PRESSURE, 1 },
			{ { [D_ENERGY] = 1, [D_AMOUNT] = -1 }, QK_EA, 1 },
			{ { [D_ENERGY] = 1 }, QK_EA, 1 },   /* eV alone, checked below */
			{ { [D_PERCENT] = 1 }, QK_LOADING, 1 },
			{ { [D_LENGTH] = 1 }, QK_SIZE, 1 },
		};
		size_t j;
		for (j = 0; j < ARRAY_SIZE(sig); j++) {
			if (memcmp(sig[j].e, e, sizeof(e)) != 0)
				continue;
			u->kind = sig[j].k;
			u->factor = scale / sig[j].canon;
			break;
		}
	}
	if (u->kind == QK_NONE)
		return -1;
	if (u->kind == QK_EA && e[D_AMOUNT] == 0 && !(flags & AF_EV)) {
		*why = "is an energy, not an energy per mol";
		u->kind = QK_NONE;
		return -1;
	}
	if (u->kind == QK_EA && e[D_AMOUNT] != 0 && (flags & AF_EV)) {
		*why = "divides eV by mol";
		u->kind = QK_NONE;
		return -1;
	}
	if (u->kind == QK_TOF && e[D_AMOUNT] == 0)
		u->flags |= AF_BARE_TIME;
	if (u->kind == QK_TOF && e[D_AMOUNT] == 0 && hint == QK_GHSV) {
		u->kind = QK_GHSV;
		u->factor = scale / GHSV_CANON;
	}
	/* a gas-phase fraction, or a bare % the caller or the words before it call one */
	if (u->kind == QK_LOADING && ((flags & AF_VOL) || ((flags & AF_BARE_PCT) && hint == QK_OUTLET)))
		u->kind = QK_OUTLET;
	if (u->kind == QK_LOADING && (flags & AF_BARE_PCT) && hint != QK_LOADING) {
		*why = "is a bare percentage (write wt% for a loading, vol% for an outlet NH3 concentration)";
		u->kind = QK_NONE;
		return -1;
	}
	return 0;
}

/* --- values ---------------------------------------------------------- */

enum read_mode { MODE_SCAN, MODE_PARSE };

struct vread {
	double raw[QTY_MAX_VALUES];
	size_t n;
	int is_range;
	struct ures unit;
	int has_unit;
	size_t end;
	/* loading of several metals: "1.17Ru + 0.41Co" */
	size_t nparts;
	char part_metal[QTY_MAX_PARTS][4];
	/* parse mode: what went wrong, and where */
	const char *why;
	size_t bad_start, bad_end;
};

/*
 * Resolve factors as written; failing that, as "mmol/g h" is meant: every
 * factor after the '/' in the denominator.  f is not changed.
 */
static int resolve_slashed(const struct factor *f, int n, enum quantity_kind hint, struct ures *u,
			   const char **why)
{
	struct factor g[MAX_FACTORS];
	const char *why2;
	int i, any = 0;
	memcpy(g, f, sizeof(f[0]) * (size_t)n);
	if (resolve(g, n, hint, u, why) == 0)
		return 0;
	memcpy(g, f, sizeof(f[0]) * (size_t)n);
	for (i = 0; i < n; i++)
		if (g[i].after_slash && g[i].exp > 0) {
			g[i].exp = -g[i].exp;
			any = 1;
		}
	if (any && resolve(g, n, hint, u, &why2) == 0)
		return 0;
	return -1;
}

/*
 * A unit at p (after a value).  In scan mode the longest prefix that is
 * a unit is taken; in parse mode every factor read must belong to it.
 * Returns 1 and sets *u, *end when a unit is there, 0 when none, -1 (parse
 * mode) when the factors read fit no quantity.
 */
static int read_unit(const char *s, size_t len, size_t p, enum quantity_kind hint, enum read_mode mode,
		     struct ures *u, size_t *end, struct vread *r)
{
	struct factor f[MAX_FACTORS];
	size_t stop;
	int n = read_factors(s, len, p, f, MAX_FACTORS, &stop);
	const char *why = NULL;
	if (n == 0)
		return 0;
	if (mode == MODE_PARSE) {
		size_t w = stop;
		if (resolve_slashed(f, n, hint, u, &why) == 0) {
			*end = stop;
			return 1;
		}
		/* after a blank or a product or quotient sign ("umol/gCo*x") */
		if (at(s, len, w) == ' ' ||
		    ((at(s, len, w) == '*' || at(s, len, w) == '/' || at(s, len, w) == '.') &&
		     is_alpha(at(s, len, w + 1))))
			w++;
		if (w < len && (is_alpha(at(s, len, w)) || at(s, len, w) >= 0x80)) {
			/* a word that is no unit, inside the unit: name it */
			size_t b = w;
			while (w < len && s[w] != ' ' && s[w] != '/')
				w++;
			r->why = "unknown";
			r->bad_start = b;
			r->bad_end = w;
			return -1;
		}
		r->why = why;
		r->bad_start = p + (at(s, len, p) == ' ');
		r->bad_end = stop;
		return -1;
	}
	while (n > 0) {
		if (resolve_slashed(f, n, hint, u, &why) == 0) {
			*end = f[n - 1].end;
			return 1;
		}
		/*
		 * Drop the last factor only when it may be a word of the
		 * sentence ("1.4 nm Ru NCs", "350 K h"): one written as part of
		 * a unit (min^-1, /min) means the whole is a unit nh3cat does
		 * not read, such as a heating rate in degC min^-1.
		 */
		if (f[n - 1].atom && (f[n - 1].explicit_exp || f[n - 1].slashed))
			return 0;
		n--;
	}
	return 0;
}

static int same_unit(const struct ures *a, const struct ures *b)
{
	return a->kind == b->kind && a->factor == b->factor && a->offset == b->offset &&
	       strcmp(a->metal, b->metal) == 0;
}

/* A metal symbol at p, ending its word: its length, or 0. */
static size_t metal_at(const char *s, size_t len, size_t p)
{
	size_t n = 0;
	if (at(s, len, p) >= 'A' && at(s, len, p) <= 'Z') {
		n = 1;
		if (at(s, len, p + 1) >= 'a' && at(s, len, p + 1) <= 'z')
			n = 2;
	}
	if (!n || is_alpha(at(s, len, p + n)) || !chem_is_metal(s + p, n))
		return 0;
	return n;
}

/* Does " + 0.41Co" follow at p? */
static int parts_follow(const char *s, size_t len, size_t p)
{
	size_t t = p;
	if (at(s, len, t) == ' ')
		t++;
	if (at(s, len, t) != '+')
		return 0;
	t++;
	if (at(s, len, t) == ' ')
		t++;
	return is_digit(at(s, len, t));
}

/* "1.17Ru + 0.41Co": returns 1 and fills r when parts are there. */
static int read_parts(const char *s, size_t len, size_t p, double first, size_t after_first,
		      enum read_mode mode, struct vread *r)
{
	size_t q = after_first, m;
	size_t np = 0;
	double v = first;
	for (;;) {
		size_t t = q, e;
		if (at(s, len, t) == ' ')
			t++;
		m = metal_at(s, len, t);
		if (np == 0 && t > q && !(m && parts_follow(s, len, t + m)))
			break;   /* "623 K" is a temperature; "1.17 Ru + 0.41 Co" a loading */
		if (!m || np >= QTY_MAX_PARTS)
			break;
		r->raw[np] = v;
		memcpy(r->part_metal[np], s + t, m);
		r->part_metal[np][m] = '\0';
		np++;
		q = t + m;
		t = q;
		if (at(s, len, t) == ' ')
			t++;
		if (at(s, len, t) != '+')
			break;
		t++;
		if (at(s, len, t) == ' ')
			t++;
		if (units_read_number(s, len, t, 0, &v, &e) < 0)
			break;
		q = e;
	}
	if (np == 0 || (mode == MODE_SCAN && np < 2))
		return 0;
	/* "75K": a number glued to K alone is a temperature, not a potassium loading */
	if (np == 1 && !strcmp(r->part_metal[0], "K"))
		return 0;
	if (at(s, len, q) == '-' || is_alpha(at(s, len, q)))
		return 0;
	(void)p;
	r->nparts = np;
	r->n = np;
	r->end = q;
	r->unit.kind = QK_LOADING;
	r->unit.factor = 1;
	r->unit.offset = 0;
	r->unit.metal[0] = '\0';
	r->unit.flags = AF_WT;
	r->has_unit = 1;
	return 1;
}

enum conn { C_NONE, C_RANGE, C_LIST, C_AND };

/* A connector at p and the offset of the next value after it. */
static enum conn connector(const char *s, size_t len, size_t p, size_t *next)
{
	size_t t = p;
	if (at(s, len, t) == '-') {
		t++;
		if (at(s, len, t) == ' ')
			t++;
		if (is_digit(at(s, len, t))) {
			*next = t;
			return C_RANGE;
		}
		return C_NONE;
	}
	if (at(s, len, t) == ' ' && at(s, len, t + 1) == '-' && at(s, len, t + 2) == ' ' &&
	    is_digit(at(s, len, t + 3))) {
		*next = t + 3;
		return C_RANGE;
	}
	/* "300~400 °C", "300 ~ 400 °C" */
	if (at(s, len, t) == ' ' && at(s, len, t + 1) == '~')
		t++;
	if (at(s, len, t) == '~') {
		t++;
		if (at(s, len, t) == ' ')
			t++;
		if (is_digit(at(s, len, t))) {
			*next = t;
			return C_RANGE;
		}
		return C_NONE;
	}
	t = p;
	if (starts(s, len, t, " to ") && (is_digit(at(s, len, t + 4)) || at(s, len, t + 4) == '-')) {
		*next = t + 4;
		return C_RANGE;
	}
	if (at(s, len, t) == ',' && at(s, len, t + 1) == ' ') {
		t += 2;
		if (starts(s, len, t, "and "))
			t += 4;
		else if (starts(s, len, t, "or "))
			t += 3;
		if (is_digit(at(s, len, t))) {
			*next = t;
			return C_LIST;
		}
		return C_NONE;
	}
	if (starts(s, len, t, " and ") && is_digit(at(s, len, t + 5))) {
		*next = t + 5;
		return C_AND;
	}
	if (starts(s, len, t, " or ") && is_digit(at(s, len, t + 4))) {
		*next = t + 4;
		return C_LIST;
	}
	return C_NONE;
}

/*
 * Values and their unit from p.  between: the text before said "between"
 * (so "X and Y" is a range).  Returns 0 with r filled (r->has_unit says
 * whether a unit was found), or -1 when no number starts at p.
 */
static int read_values(const char *s, size_t len, size_t p, enum quantity_kind hint, enum read_mode mode,
		       int between, struct vread *r)
{
	double v;
	size_t e, q;
	int rc;

	memset(r, 0, sizeof(*r));
	if (units_read_number(s, len, p, 0, &v, &e) < 0)
		return -1;
	if (read_parts(s, len, p, v, e, mode, r))
		return 0;
	e = skip_uncertainty(s, len, e);
	r->raw[0] = v;
	r->n = 1;
	r->end = e;
	q = e;
	rc = read_unit(s, len, q, hint, mode, &r->unit, &q, r);
	if (rc < 0)
		return 0;
	if (rc > 0) {
		r->has_unit = 1;
		r->end = q;
	}
	while (r->n < QTY_MAX_VALUES) {
		size_t next, e2, q2;
		struct ures u2;
		enum conn c = connector(s, len, q, &next);
		int rc2;
		if (c == C_NONE)
			break;
		if (c == C_AND)
			c = between && r->n == 1 ? C_RANGE : C_LIST;
		if (c == C_RANGE && r->n != 1)
			break;
		if (units_read_number(s, len, next, 0, &v, &e2) < 0)
			break;
		/*
		 * "from 5.0 nm to 1.4 nm" is a change, not a range: the first
		 * value alone; "from 90 to 60 kJ mol^-1" two values
		 */
		if (c == C_RANGE && v < r->raw[0]) {
			if (r->has_unit)
				break;
			c = C_LIST;
		}
		e2 = skip_uncertainty(s, len, e2);
		q2 = e2;
		rc2 = read_unit(s, len, q2, hint, mode, &u2, &q2, r);
		if (rc2 < 0) {
			if (r->has_unit) {
				r->why = NULL;
				break;
			}
			return 0;
		}
		if (rc2 > 0) {
			if (r->has_unit && !same_unit(&r->unit, &u2))
				break;
			r->unit = u2;
			r->has_unit = 1;
		} else if (r->has_unit) {
			break;
		}
		r->raw[r->n++] = v;
		r->end = q2;
		q = q2;
		if (c == C_RANGE) {
			r->is_range = 1;
			break;
		}
	}
	/* a unit is owed by the last value: values read after it do not count */
	if (r->has_unit && r->end != q)
		r->end = q;
	/* "4900 and 3720 (umol g^-1 h^-1)": the unit of the values in brackets after them */
	if (!r->has_unit && !r->why) {
		size_t k = r->end + (at(s, len, r->end) == ' ');
		struct ures u2;
		if (at(s, len, k) == '(' && read_unit(s, len, k + 1, hint, MODE_SCAN, &u2, &q, r) > 0 &&
		    at(s, len, q) == ')') {
			r->unit = u2;
			r->has_unit = 1;
			r->end = q + 1;
		}
	}
	return 0;
}

/*
 * A bare inverse hour of thousands ("60 000 h^-1") is a gas hourly space
 * velocity: no catalyst turns over 1000 times an hour (0.28 s^-1) while a
 * GHSV is rarely below that.
 */
#define GHSV_MIN_PER_H 1000.0

static int bare_hours_thousands(const struct vread *r)
{
	size_t i;
	if (!r->has_unit || r->unit.kind != QK_TOF || !(r->unit.flags & AF_BARE_TIME) ||
	    fabs(r->unit.factor * 3600.0 - 1.0) > 1e-9)
		return 0;
	for (i = 0; i < r->n; i++)
		if (r->raw[i] < GHSV_MIN_PER_H)
			return 0;
	return 1;
}

static void fill_quantity(const struct vread *r, size_t start, struct quantity *q)
{
	size_t i;
	memset(q, 0, sizeof(*q));
	q->kind = r->unit.kind;
	q->nvalues = r->n;
	q->is_range = r->is_range;
	memcpy(q->metal, r->unit.metal, sizeof(q->metal));
	if (r->nparts) {
		double total = 0;
		q->nparts = r->nparts;
		for (i = 0; i < r->nparts; i++) {
			memcpy(q->parts[i].metal, r->part_metal[i], 4);
			q->parts[i].wt = r->raw[i];
			total += r->raw[i];
		}
		q->nvalues = 1;
		q->values[0] = round_sig(total);
		if (r->nparts == 1)
			memcpy(q->metal, r->part_metal[0], 4);
	} else {
		for (i = 0; i < r->n; i++)
			q->values[i] = convert(r->raw[i], r->unit.factor, r->unit.offset);
	}
	q->start = start;
	q->end = r->end;
}

/*
 * Why the values of q (in canonical units) cannot be stored, or NULL: a
 * value beyond the magnitudes an entry holds (util.h num_in_range), from
 * an overflow or underflow of the number as written (NAN, units_read_number) or
 * of its conversion; a temperature below absolute zero; a negative value
 * of a quantity that has none (all but an activation energy).
 */
static const char *quantity_impossible(const struct quantity *q)
{
	size_t i;
	for (i = 0; i < q->nvalues; i++) {
		double v = q->values[i];
		if (!num_in_range(v))
			return isnan(v) ? "out of the range of numbers" :
			       fabs(v) >= NUM_MAX ? "too large to store" : "too small to store";
		if (q->kind == QK_TEMPERATURE && v < -UNITS_ZERO_C_K)
			return "below absolute zero";
		if (q->kind != QK_TEMPERATURE && q->kind != QK_EA && v < 0)
			return "negative";
	}
	for (i = 0; i < q->nparts; i++)
		if (!num_in_range(q->parts[i].wt) || q->parts[i].wt < 0)
			return "not a loading";
	return NULL;
}

/* After "3.2 wt%": " Co" names the metal. */
static size_t loading_metal(const char *s, size_t len, size_t p, struct quantity *q)
{
	size_t m;
	if (q->kind != QK_LOADING || q->nparts || at(s, len, p) != ' ')
		return p;
	m = metal_at(s, len, p + 1);
	if (!m)
		return p;
	memcpy(q->metal, s + p + 1, m);
	q->metal[m] = '\0';
	q->nparts = 1;
	memcpy(q->parts[0].metal, q->metal, 4);
	q->parts[0].wt = q->values[0];
	return p + 1 + m;
}

/* --- scanning ---------------------------------------------------------- */

/* Does w occur in the text of the same line in the n bytes before pos? */
static const char *look_back(const char *text, size_t pos, size_t n, const char *w)
{
	size_t from = pos > n ? pos - n : 0, i, wl = strlen(w);
	for (i = pos; i > from; i--)
		if (text[i - 1] == '\n')
			break;
	from = i;
	if (pos - from < wl)
		return NULL;
	for (i = pos - wl + 1; i-- > from;)
		if (memcmp(text + i, w, wl) == 0)
			return text + i;
	return NULL;
}

/*
 * The words before pos on its line name the NH3 concentration of the
 * reactor effluent: "NH3 concentration", "outlet NH3", "NH3 mole fraction".
 */
static int names_outlet(const char *text, size_t pos)
{
	static const char *const words[] = {
		"NH3 concentration", "NH3 mole fraction", "NH3 molar fraction", "outlet NH3",
		"effluent NH3", "NH3 content", "NH3 fraction", "outlet concentration",
		"NH3 in the effluent", "NH3 in the outlet",
	};
	size_t k;
	for (k = 0; k < ARRAY_SIZE(words); k++)
		if (look_back(text, pos, 60, words[k]))
			return 1;
	return 0;
}

int units_scan(const char *text, size_t len, size_t pos, struct quantity *q)
{
	struct vread r;
	enum quantity_kind hint = QK_NONE;
	int between;
	const char *tof;

	q->impossible = NULL;
	if (pos >= len)
		return 0;
	if (!is_digit((unsigned char)text[pos]) && !((text[pos] == '-' || text[pos] == '+') &&
						      is_digit(at(text, len, pos + 1))))
		return 0;
	if (pos > 0) {
		/* inside a word (Co2, Ru1.1), a number or an exponent (h^-1) */
		int b = (unsigned char)text[pos - 1];
		if (is_alpha(b) || is_digit(b) || b == '.' || b == '^' || b == '_' ||
		    (b == '-' && pos > 1 && text[pos - 2] == '^'))
			return 0;
		/* "g-1 h-1": an exponent written without its caret */
		if (b == '-' && pos > 1 && is_alpha((unsigned char)text[pos - 2]) &&
		    !is_digit(at(text, len, pos + 1)) && at(text, len, pos + 1) != '.')
			return 0;
	}
	between = pos >= 8 && memcmp(text + pos - 8, "between ", 8) == 0;
	if (read_values(text, len, pos, hint, MODE_SCAN, between, &r) < 0 || !r.has_unit) {
		/* a bare % after words that name the NH3 concentration of the effluent */
		size_t e = pos;
		while (e < len && (is_digit((unsigned char)text[e]) || text[e] == '.' || text[e] == ' '))
			e++;
		if (e >= len || text[e] != '%' || !names_outlet(text, pos))
			return 0;
		hint = QK_OUTLET;
		if (read_values(text, len, pos, hint, MODE_SCAN, between, &r) < 0 || !r.has_unit)
			return 0;
	}
	if (r.unit.kind == QK_TOF && (r.unit.flags & AF_BARE_TIME)) {
		/*
		 * A bare inverse time after "GHSV" or "space velocity" on the
		 * same line is a gas hourly space velocity; after "WHSV" a
		 * weight hourly one in h^-1, which has no mL g^-1 h^-1 value.
		 */
		const char *w = look_back(text, pos, 40, "WHSV");
		const char *g = look_back(text, pos, 40, "GHSV");
		if (!g)
			g = look_back(text, pos, 40, "space velocity");
		if (w && (!g || w > g))
			return 0;
		if (g || bare_hours_thousands(&r)) {
			hint = QK_GHSV;
			if (read_values(text, len, pos, hint, MODE_SCAN, between, &r) < 0 || !r.has_unit)
				return 0;
		}
	}
	if (r.unit.flags & AF_EV)
		return 0;   /* DFT energies per particle are not apparent activation energies */
	if (r.unit.kind == QK_TEMPERATURE) {
		/* "- 2 K. Mazloomi": a reference number and an author's initial */
		/* only blanks, dashes or '[' between the line start and pos (walked
		 * back from pos, so a long line costs nothing) */
		size_t b = pos;
		while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '-' || text[b - 1] == '[' ||
				 text[b - 1] == '\t'))
			b--;
		if ((b == 0 || text[b - 1] == '\n') && at(text, len, r.end) == '.' &&
		    is_alpha(at(text, len, r.end - 1)) &&
		    !is_alpha(at(text, len, r.end - 2)))
			return 0;
	}
	fill_quantity(&r, pos, q);
	q->end = loading_metal(text, len, q->end, q);
	if ((q->impossible = quantity_impossible(q)) != NULL)
		return 0;   /* the caller may report it; nothing is read */
	if (q->kind == QK_TOF && !q->metal[0] && (tof = look_back(text, pos, 60, "TOF_")) != NULL) {
		size_t m = metal_at(tof + 4, (size_t)(text + pos - tof - 4), 0);
		if (m) {
			memcpy(q->metal, tof + 4, m);
			q->metal[m] = '\0';
		}
	}
	return 1;
}

/* --- parsing one quantity ------------------------------------------------ */

static const struct {
	const char *label;
	enum quantity_kind kind;
} labels[] = {
	{ "TOF", QK_TOF }, { "GHSV", QK_GHSV }, { "WHSV", QK_WHSV }, { "Ea", QK_EA },
	{ "E_a", QK_EA }, { "T", QK_TEMPERATURE }, { "P", QK_PRESSURE }, { "rate", QK_NONE },
	{ "loading", QK_LOADING }, { "size", QK_SIZE }, { "d", QK_SIZE },
};

static void set_err(char *err, size_t errlen, const char *fmt, ...) ATTR_PRINTF(3, 4);
static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* "a pressure", "an apparent activation energy" */
static const char *article(const char *noun)
{
	return strchr("aeiou", noun[0]) ? "an" : "a";
}

static int kind_compatible(enum quantity_kind got, enum quantity_kind want)
{
	return want == QK_NONE || got == want;
}

static int parse_canonical(const char *t, size_t len, const char *orig, enum quantity_kind expect,
			   struct quantity *q, size_t *qstart, char *err, size_t errlen)
{
	size_t p = 0, end;
	enum quantity_kind hint = expect, label = QK_NONE;
	char tof_metal[4] = "";
	int have_label = 0, between = 0;
	struct vread r;
	const char *why;

	while (p < len && (t[p] == ' ' || t[p] == '\t'))
		p++;
	while (len > p && (t[len - 1] == ' ' || t[len - 1] == '\t' || t[len - 1] == '\n' || t[len - 1] == '.'))
		len--;
	if (p >= len) {
		set_err(err, errlen, "empty quantity '%s'", orig);
		return -1;
	}
	/* a label: "TOF_Ru = 0.067 s^-1", "GHSV 36 000 h^-1" */
	if (is_alpha((unsigned char)t[p])) {
		size_t w = p, i;
		while (w < len && (is_alpha((unsigned char)t[w]) || t[w] == '_' ||
				   (w > p && is_digit((unsigned char)t[w]))))
			w++;
		for (i = 0; i < ARRAY_SIZE(labels); i++) {
			size_t ln = strlen(labels[i].label);
			if (w - p >= ln && memcmp(t + p, labels[i].label, ln) == 0 &&
			    (w - p == ln || t[p + ln] == '_')) {
				have_label = 1;
				label = labels[i].kind;
				if (t[p + ln] == '_' && label == QK_TOF) {
					size_t m = metal_at(t, w, p + ln + 1);
					if (m && p + ln + 1 + m == w) {
						memcpy(tof_metal, t + p + ln + 1, m);
						tof_metal[m] = '\0';
					}
				}
				break;
			}
		}
		if (have_label) {
			p = w;
			while (p < len && t[p] == ' ')
				p++;
			if (p < len && (t[p] == '=' || t[p] == ':'))
				p++;
			else if (starts(t, len, p, "of "))
				p += 2;
			while (p < len && t[p] == ' ')
				p++;
			if (label != QK_NONE) {
				if (expect != QK_NONE && label != expect) {
					set_err(err, errlen, "'%s' is labelled %s, not %s %s", orig,
						quantity_kind_description(label), article(quantity_kind_description(expect)), quantity_kind_description(expect));
					return -1;
				}
				hint = label;
			}
		}
	}
	/* a bound is not a value */
	if (t[p] == '<' || t[p] == '>' || starts(t, len, p, "\xE2\x89\xA4") || starts(t, len, p, "\xE2\x89\xA5")) {
		set_err(err, errlen, "'%s' is a bound, not a value", orig);
		return -1;
	}
	/* "between 300 and 400 °C", "from 523 to 648 K" */
	if (starts(t, len, p, "between ")) {
		p += 8;
		between = 1;
	} else if (starts(t, len, p, "from ")) {
		p += 5;
	}
	/* approximately */
	if (starts(t, len, p, "~"))
		p++;
	else if (starts(t, len, p, "ca. "))
		p += 4;
	else if (starts(t, len, p, "about "))
		p += 6;
	else if (starts(t, len, p, "approximately "))
		p += 14;
	else if (starts(t, len, p, "around "))
		p += 7;
	else if (starts(t, len, p, "near "))
		p += 5;
	else if (starts(t, len, p, "nearly "))
		p += 7;
	else if (starts(t, len, p, "approx. "))
		p += 8;
	while (p < len && t[p] == ' ')
		p++;
	/* pressure by name */
	if ((len - p == 20 && memcmp(t + p, "atmospheric pressure", 20) == 0) ||
	    (len - p == 16 && memcmp(t + p, "ambient pressure", 16) == 0)) {
		if (!kind_compatible(QK_PRESSURE, expect)) {
			set_err(err, errlen, "'%s' is a pressure, not %s %s", orig, article(quantity_kind_description(expect)), quantity_kind_description(expect));
			return -1;
		}
		memset(q, 0, sizeof(*q));
		q->kind = QK_PRESSURE;
		q->nvalues = 1;
		q->values[0] = UNITS_ATM_MPA;
		q->start = p;
		q->end = len;
		*qstart = p;
		return 0;
	}
	/* the loading form of the entries CSV: "Ru:1.17;Co:0.41" */
	if (metal_at(t, len, p) && t[p + metal_at(t, len, p)] == ':') {
		size_t np = 0, i = p;
		double total = 0;
		memset(q, 0, sizeof(*q));
		while (i < len) {
			size_t m = metal_at(t, len, i), e;
			double v;
			if (!m || i + m >= len || t[i + m] != ':' || np >= QTY_MAX_PARTS ||
			    units_read_number(t, len, i + m + 1, 0, &v, &e) < 0) {
				set_err(err, errlen, "malformed loading '%s' (write Ru:1.17;Co:0.41)", orig);
				return -1;
			}
			memcpy(q->parts[np].metal, t + i, m);
			q->parts[np].metal[m] = '\0';
			q->parts[np].wt = v;
			total += v;
			np++;
			i = e;
			if (i < len && t[i] == ';')
				i++;
			else if (i < len) {
				set_err(err, errlen, "malformed loading '%s' (write Ru:1.17;Co:0.41)", orig);
				return -1;
			}
		}
		if (!kind_compatible(QK_LOADING, expect)) {
			set_err(err, errlen, "'%s' is a metal loading, not %s %s", orig, article(quantity_kind_description(expect)), quantity_kind_description(expect));
			return -1;
		}
		q->kind = QK_LOADING;
		q->nparts = np;
		q->nvalues = 1;
		q->values[0] = round_sig(total);
		if (np == 1)
			memcpy(q->metal, q->parts[0].metal, 4);
		if ((why = quantity_impossible(q)) != NULL) {
			set_err(err, errlen, "'%s' is a metal loading %s", orig, why);
			return -1;
		}
		q->start = p;
		q->end = len;
		*qstart = p;
		return 0;
	}
	if (!is_digit(at(t, len, p)) && !((t[p] == '-' || t[p] == '+') && is_digit(at(t, len, p + 1)))) {
		set_err(err, errlen, "no number in '%s'", orig);
		return -1;
	}
	if (read_values(t, len, p, hint, MODE_PARSE, between, &r) < 0) {
		size_t w = p;
		while (w < len && t[w] != ' ')
			w++;
		set_err(err, errlen, "malformed number '%.*s' in '%s'", (int)(w - p), t + p, orig);
		return -1;
	}
	if (hint == QK_NONE && expect != QK_TOF && bare_hours_thousands(&r)) {
		/* "60000 h^-1": a space velocity, never a TOF */
		hint = QK_GHSV;
		read_values(t, len, p, hint, MODE_PARSE, between, &r);
	}
	if (r.why && strcmp(r.why, "unknown") == 0) {
		set_err(err, errlen, "unknown unit '%.*s' in '%s'", (int)(r.bad_end - r.bad_start),
			t + r.bad_start, orig);
		return -1;
	}
	if (r.why) {
		set_err(err, errlen, "unit '%.*s' %s, in '%s'", (int)(r.bad_end - r.bad_start),
			t + r.bad_start, r.why, orig);
		return -1;
	}
	end = r.end;
	if (!r.has_unit) {
		size_t w = end;
		while (w < len && t[w] == ' ')
			w++;
		if (w >= len) {
			set_err(err, errlen, "no unit in '%s'", orig);
			return -1;
		}
		if (t[w] == '.' || t[w] == ',' || is_digit((unsigned char)t[w])) {
			size_t b = p;
			while (w < len && t[w] != ' ')
				w++;
			set_err(err, errlen, "malformed number '%.*s' in '%s'", (int)(w - b), t + b, orig);
			return -1;
		}
		{
			size_t b = w;
			while (w < len && t[w] != ' ')
				w++;
			set_err(err, errlen, "unknown unit '%.*s' in '%s'", (int)(w - b), t + b, orig);
		}
		return -1;
	}
	fill_quantity(&r, p, q);
	end = loading_metal(t, len, q->end, q);
	q->end = end;
	if (end < len) {
		size_t w = end;
		while (w < len && t[w] == ' ')
			w++;
		if (end == w && (is_digit((unsigned char)t[w]) || t[w] == '.')) {
			size_t b = p;
			while (w < len && t[w] != ' ')
				w++;
			set_err(err, errlen, "malformed number '%.*s' in '%s'", (int)(w - b), t + b, orig);
		} else {
			set_err(err, errlen, "unexpected '%.*s' after the quantity in '%s'", (int)(len - w),
				t + w, orig);
		}
		return -1;
	}
	if (q->kind == QK_TOF && hint == QK_GHSV) {
		set_err(err, errlen, "'%s' is a turnover frequency per metal, not %s %s", orig,
			article(quantity_kind_description(expect)), quantity_kind_description(expect));
		return -1;
	}
	if (!kind_compatible(q->kind, expect)) {
		set_err(err, errlen, "'%s' is %s %s (%s), not %s %s", orig,
			q->kind == QK_EA ? "an" : "a", quantity_kind_description(q->kind),
			quantity_kind_unit(q->kind), article(quantity_kind_description(expect)), quantity_kind_description(expect));
		return -1;
	}
	if (label == QK_GHSV && q->kind == QK_WHSV)
		label = QK_WHSV;   /* "GHSV of 60 000 mL g^-1 h^-1": the unit says what it is */
	if (label != QK_NONE && q->kind != label) {
		set_err(err, errlen, "'%s' is labelled %s but its unit is %s", orig,
			quantity_kind_description(label), quantity_kind_unit(q->kind));
		return -1;
	}
	if (tof_metal[0] && q->kind == QK_TOF && !q->metal[0])
		memcpy(q->metal, tof_metal, sizeof(tof_metal));
	if ((why = quantity_impossible(q)) != NULL) {
		if (str_eq(why, "negative"))
			set_err(err, errlen, "'%s' is a negative %s", orig,
				quantity_kind_description(q->kind));
		else
			set_err(err, errlen, "'%s' is %s %s %s", orig,
				article(quantity_kind_description(q->kind)),
				quantity_kind_description(q->kind), why);
		return -1;
	}
	*qstart = p;
	return 0;
}

int units_parse(const char *text, enum quantity_kind expect, struct quantity *q, char *err, size_t errlen)
{
	struct normtext nt = NORMTEXT_INIT;
	size_t qstart = 0;
	int rc;
	if (err && errlen)
		err[0] = '\0';
	normalize_text(text, strlen(text), &nt);
	rc = parse_canonical(nt.text, nt.len, text, expect, q, &qstart, err, errlen);
	if (rc == 0) {
		/* spans in the text given */
		q->start = nt.map[q->start];
		q->end = q->end >= nt.len ? strlen(text) : nt.map[q->end];
	} else {
		memset(q, 0, sizeof(*q));
	}
	normtext_release(&nt);
	return rc;
}

int units_number(const char *text, double *out)
{
	struct normtext nt = NORMTEXT_INIT;
	size_t p = 0, e, len;
	int rc = -1;
	normalize_text(text, strlen(text), &nt);
	len = nt.len;
	while (p < len && nt.text[p] == ' ')
		p++;
	while (len > p && nt.text[len - 1] == ' ')
		len--;
	if (units_read_number(nt.text, len, p, 0, out, &e) == 0 && e == len && !isnan(*out))
		rc = 0;
	normtext_release(&nt);
	return rc;
}

/* --- units alone ------------------------------------------------------------ */

static struct unit_def *interned;
/* Extraction workers look units up at the same time (batch.c). */
static pthread_mutex_t interned_lock = PTHREAD_MUTEX_INITIALIZER;

static const struct unit_def *intern(const struct ures *u)
{
	struct unit_def *d;
	pthread_mutex_lock(&interned_lock);
	for (d = interned; d; d = d->next)
		if (same_unit(&d->u, u) && d->u.flags == u->flags)
			goto out;
	d = xcalloc(1, sizeof(*d));
	d->u = *u;
	d->next = interned;
	interned = d;
out:
	pthread_mutex_unlock(&interned_lock);
	return d;
}

const struct unit_def *units_lookup(const char *unit_text, enum quantity_kind *kind)
{
	struct normtext nt = NORMTEXT_INIT;
	const struct unit_def *d = NULL;
	const char *t;
	size_t len, p = 0, open, close;
	enum quantity_kind hint = QK_NONE;
	struct factor f[MAX_FACTORS];
	struct ures u;
	const char *why;
	size_t stop;
	int n;

	*kind = QK_NONE;
	normalize_text(unit_text, strlen(unit_text), &nt);
	t = nt.text;
	len = nt.len;
	while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\n' || t[len - 1] == '\t'))
		len--;
	/*
	 * "Temperature (°C)", "T [K]", "WHSV/(mL g^-1 h^-1)": the last group
	 * in parentheses or brackets
	 */
	if (len > 0 && (t[len - 1] == ')' || t[len - 1] == ']')) {
		int depth = 0;
		char cl = t[len - 1], op = cl == ')' ? '(' : '[';
		close = len - 1;
		for (open = close + 1; open-- > 0;) {
			if (t[open] == cl)
				depth++;
			else if (t[open] == op && --depth == 0)
				break;
		}
		if (open < close && t[open] == op) {
			if (open > 0 && (strstr(t, "GHSV") && strstr(t, "GHSV") < t + open))
				hint = QK_GHSV;
			else if (open > 0 && strstr(t, "TOF") && strstr(t, "TOF") < t + open)
				hint = QK_TOF;
			else if (open > 0 && (strstr(t, "NH3") || strstr(t, "utlet") ||
					      strstr(t, "oncentration") || strstr(t, "fraction")))
				hint = QK_OUTLET;   /* "NH3 (%)", "Outlet conc. (%)" */
			else if (open > 0 && (strstr(t, "oading") || strstr(t, "ontent") || strstr(t, "wt")))
				hint = QK_LOADING;
			p = open + 1;
			len = close;
		}
	}
	while (p < len && t[p] == ' ')
		p++;
	n = read_factors(t, len, p, f, MAX_FACTORS, &stop);
	while (stop < len && t[stop] == ' ')
		stop++;
	if (n > 0 && stop == len && resolve_slashed(f, n, hint, &u, &why) == 0) {
		d = intern(&u);
		*kind = u.kind;
	} else if (p == 0) {
		/* "T/K", "Rate/mmol g^-1 h^-1": a label, a slash, the unit */
		const char *slash = memchr(t, '/', len);
		if (slash && slash > t && is_alpha((unsigned char)slash[-1])) {
			size_t b = (size_t)(slash - t) + 1;
			if (strstr(t, "GHSV") && strstr(t, "GHSV") < slash)
				hint = QK_GHSV;
			else if (strstr(t, "TOF") && strstr(t, "TOF") < slash)
				hint = QK_TOF;
			while (b < len && t[b] == ' ')
				b++;
			n = read_factors(t, len, b, f, MAX_FACTORS, &stop);
			while (stop < len && t[stop] == ' ')
				stop++;
			if (n > 0 && stop == len && resolve_slashed(f, n, hint, &u, &why) == 0) {
				d = intern(&u);
				*kind = u.kind;
			}
		}
	}
	normtext_release(&nt);
	return d;
}

double units_convert(const struct unit_def *u, double value)
{
	return convert(value, u->u.factor, u->u.offset);
}

double units_convert_back(const struct unit_def *u, double canonical)
{
	return (canonical - u->u.offset) / u->u.factor;
}

const char *units_def_metal(const struct unit_def *u)
{
	return u->u.metal;
}

double rate_metal_to_cat(double per_metal, double loading_wt)
{
	return round_sig(per_metal * loading_wt / 100.0);
}

double rate_cat_to_metal(double per_cat, double loading_wt)
{
	return round_sig(per_cat * 100.0 / loading_wt);
}
