/*
 * extract_qty.c: values with units in canonical text, as the extractor
 * needs them: a number ("60 000", "2.53 x 10^-2"), a list or a range of
 * them, then a unit, converted to the canonical unit of its kind (see
 * units.h).  Rates are recognised by their parts (amount, per mass, per
 * time, in any order) rather than by a list of spellings, so that
 * "mmol_NH3 g_cat^-1 h^-1", "umol g^-1 min^-1", "mmol/g/h" and
 * "mol kg_Ru^-1 s^-1" all read.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Parse a number at p: "12", "0.36", "60 000", "2.53 x 10^-2", "5e-3".
 * Returns the end, or NULL.
 */
static const char *parse_number(const char *p, const char *e, double *v)
{
	char tmp[64];
	size_t n = 0;
	const char *q = p, *end;
	int intdigits = 0;
	if (q < e && *q == '-')
		tmp[n++] = *q++;
	if (q >= e || !is_digit((unsigned char)*q))
		return NULL;
	while (q < e && is_digit((unsigned char)*q) && n < 40) {
		tmp[n++] = *q++;
		intdigits++;
	}
	/* thousands written "60 000": groups of exactly three digits */
	while (intdigits <= 3 && q + 3 < e && *q == ' ' && is_digit((unsigned char)q[1]) &&
	       is_digit((unsigned char)q[2]) && is_digit((unsigned char)q[3]) &&
	       (q + 4 >= e || !is_digit((unsigned char)q[4])) &&
	       (q + 4 >= e || q[4] != '.') && n < 40) {
		memcpy(tmp + n, q + 1, 3);
		n += 3;
		q += 4;
	}
	if (q + 1 < e && *q == '.' && is_digit((unsigned char)q[1])) {
		tmp[n++] = *q++;
		while (q < e && is_digit((unsigned char)*q) && n < 60)
			tmp[n++] = *q++;
	}
	tmp[n] = '\0';
	if (num_parse(tmp, v) < 0)
		return NULL;
	end = q;
	/* " x 10^-2", "x10^-2", " x 10-2" */
	{
		const char *r = q;
		while (r < e && *r == ' ')
			r++;
		if (r < e && *r == 'x') {
			r++;
			while (r < e && *r == ' ')
				r++;
			if (e - r >= 3 && r[0] == '1' && r[1] == '0' && (r[2] == '^' || r[2] == '-')) {
				int sign = 1, ex = 0, nd = 0;
				r += 2;
				if (*r == '^')
					r++;
				if (r < e && *r == '{')
					r++;
				if (r < e && (*r == '-' || *r == '+')) {
					sign = *r == '-' ? -1 : 1;
					r++;
				}
				while (r < e && is_digit((unsigned char)*r) && nd < 3) {
					ex = ex * 10 + (*r - '0');
					r++;
					nd++;
				}
				if (r < e && *r == '}')
					r++;
				if (nd) {
					*v *= pow(10.0, sign * ex);
					end = r;
				}
			}
		} else if (r == q && r + 1 < e && (*r == 'e' || *r == 'E') &&
			   (r[1] == '-' || is_digit((unsigned char)r[1]))) {
			int sign = 1, ex = 0, nd = 0;
			r++;
			if (*r == '-') {
				sign = -1;
				r++;
			}
			while (r < e && is_digit((unsigned char)*r) && nd < 3) {
				ex = ex * 10 + (*r - '0');
				r++;
				nd++;
			}
			if (nd && (r >= e || !is_alpha((unsigned char)*r))) {
				*v *= pow(10.0, sign * ex);
				end = r;
			}
		}
	}
	return end;
}

/* A unit token: letters, an optional _subscript, an optional exponent. */
struct utok {
	const char *s;     /* the letters */
	size_t n;
	const char *sub;   /* subscript after '_' (or NULL) */
	size_t subn;
	int inverse;       /* ^-1, -1, or after '/' */
	const char *end;
};

static const char *read_tok(const char *p, const char *e, struct utok *t, int after_slash)
{
	const char *q = p;
	memset(t, 0, sizeof(*t));
	t->s = q;
	while (q < e && is_alpha((unsigned char)*q))
		q++;
	t->n = (size_t)(q - p);
	if (!t->n)
		return NULL;
	if (q < e && *q == '_') {
		const char *s = ++q;
		while (q < e && (is_alpha((unsigned char)*q) || is_digit((unsigned char)*q)))
			q++;
		t->sub = s;
		t->subn = (size_t)(q - s);
		if (!t->subn)
			return NULL;
	}
	if (q + 2 < e && q[0] == '^' && q[1] == '-' && q[2] == '1') {
		t->inverse = 1;
		q += 3;
	} else if (q + 1 < e && q[0] == '-' && q[1] == '1' && (q + 2 >= e || !is_digit((unsigned char)q[2]))) {
		t->inverse = 1;
		q += 2;
	}
	if (after_slash)
		t->inverse = 1;
	t->end = q;
	return q;
}

static int tok_is(const struct utok *t, const char *w)
{
	return t->n == strlen(w) && !memcmp(t->s, w, t->n);
}

/* Time unit in hours: h 1, min 1/60, s 1/3600; 0 when not a time. */
static double time_hours(const struct utok *t)
{
	if (tok_is(t, "h") || tok_is(t, "hr"))
		return 1;
	if (tok_is(t, "min"))
		return 1.0 / 60;
	if (tok_is(t, "s"))
		return 1.0 / 3600;
	return 0;
}

/*
 * Parse a unit at p.  Sets kind, factor, offset, metal; returns the end or
 * NULL.
 */
static const char *parse_unit(const char *p, const char *e, enum quantity_kind *kind,
			      double *factor, double *offset, char metal[4])
{
	const char *q = p;
	struct utok t;
	*offset = 0;
	*factor = 1;
	metal[0] = '\0';
	/* temperature */
	if (e - q >= 3 && !memcmp(q, "\xC2\xB0", 2)) {
		const char *r = q + 2;
		if (r < e && *r == ' ')
			r++;
		if (r < e && *r == 'C' && (r + 1 >= e || !is_alpha((unsigned char)r[1]))) {
			*kind = QK_TEMPERATURE;
			return r + 1;
		}
		if (r < e && *r == 'K' && (r + 1 >= e || !is_alpha((unsigned char)r[1]))) {
			*kind = QK_TEMPERATURE;
			*offset = -273.15;
			return r + 1;
		}
		return NULL;
	}
	if (q < e && *q == '%') {
		*kind = QK_LOADING;
		return q + 1;
	}
	if (!read_tok(q, e, &t, 0))
		return NULL;
	if (tok_is(&t, "K") && !t.sub && !t.inverse) {
		*kind = QK_TEMPERATURE;
		*offset = -273.15;
		return t.end;
	}
	if ((tok_is(&t, "MPa") || tok_is(&t, "bar") || tok_is(&t, "atm") || tok_is(&t, "kPa") ||
	     tok_is(&t, "Pa") || tok_is(&t, "bars")) && !t.inverse) {
		*kind = QK_PRESSURE;
		*factor = tok_is(&t, "MPa") ? 1 : tok_is(&t, "atm") ? 0.101325 :
			  tok_is(&t, "kPa") ? 0.001 : tok_is(&t, "Pa") ? 1e-6 : 0.1;
		return t.end;
	}
	if (tok_is(&t, "nm") && !t.inverse) {
		*kind = QK_SIZE;
		return t.end;
	}
	if (tok_is(&t, "wt") || tok_is(&t, "wtpct")) {
		const char *r = t.end;
		if (r < e && *r == '.')
			r++;
		if (r < e && *r == ' ')
			r++;
		if (r < e && *r == '%') {
			*kind = QK_LOADING;
			return r + 1;
		}
		return NULL;
	}
	if (t.inverse && !t.sub && time_hours(&t) > 0) {
		/* a bare inverse time: TOF (s^-1) or GHSV (h^-1) */
		*kind = tok_is(&t, "h") ? QK_GHSV : QK_TOF;
		*factor = tok_is(&t, "s") ? 1 : 1.0 / (time_hours(&t) * 3600);
		if (*kind == QK_GHSV)
			*factor = 1;
		return t.end;
	}
	/* energy per mole */
	if ((tok_is(&t, "kJ") || tok_is(&t, "kcal") || tok_is(&t, "J")) && !t.inverse) {
		const char *r = t.end;
		struct utok m;
		double f = tok_is(&t, "kJ") ? 1 : tok_is(&t, "kcal") ? 4.184 : 0.001;
		if (r < e && *r == ' ')
			r++;
		if (r < e && *r == '/') {
			r++;
			if (!read_tok(r, e, &m, 1))
				return NULL;
		} else if (!read_tok(r, e, &m, 0)) {
			return NULL;
		}
		if (!tok_is(&m, "mol") || !m.inverse)
			return NULL;
		*kind = QK_EA;
		*factor = f;
		return m.end;
	}
	/* amount (rate) or volume (space velocity) per mass per time */
	{
		double amount = 0, vol = 0, mass = 0, hours = 0;
		int per_metal = 0, ntok = 0;
		const char *r, *last = NULL;
		if (tok_is(&t, "mmol"))
			amount = 1;
		else if (tok_is(&t, "umol"))
			amount = 0.001;
		else if (tok_is(&t, "mol"))
			amount = 1000;
		else if (tok_is(&t, "nmol"))
			amount = 1e-6;
		else if (tok_is(&t, "mg"))
			amount = 1 / 17.031;
		else if (tok_is(&t, "mL") || tok_is(&t, "ml"))
			vol = 1;
		else if (tok_is(&t, "L"))
			vol = 1000;
		else if (tok_is(&t, "cm") && t.end < e && *t.end == '3')
			vol = 1;
		else
			return NULL;
		if (t.inverse)
			return NULL;
		r = t.end;
		if (vol && r < e && *r == '3')
			r++;
		while (ntok < 4) {
			const char *s = r;
			int slash = 0;
			struct utok u;
			while (s < e && *s == ' ')
				s++;
			if (s < e && (*s == '/' || *s == '.')) {
				slash = *s == '/';
				s++;
			}
			if (s + 1 < e && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xB7)
				s += 2;   /* middle dot */
			if (!read_tok(s, e, &u, slash))
				break;
			if (tok_is(&u, "NH") && u.end < e && *u.end == '3') {
				r = u.end + 1;
				continue;
			}
			if (!u.inverse)
				break;
			if ((tok_is(&u, "g") || tok_is(&u, "kg")) && !mass) {
				mass = tok_is(&u, "g") ? 1 : 1000;
				if (u.sub && element_active(u.sub, u.subn)) {
					per_metal = 1;
					memcpy(metal, u.sub, u.subn < 3 ? u.subn : 3);
					metal[u.subn < 3 ? u.subn : 3] = '\0';
				}
			} else if (time_hours(&u) > 0 && !hours) {
				hours = time_hours(&u);
			} else {
				break;
			}
			r = last = u.end;
			ntok++;
		}
		if (!mass || !hours || !last)
			return NULL;
		if (amount) {
			*kind = per_metal ? QK_RATE_METAL : QK_RATE_CAT;
			*factor = amount / mass / hours;
		} else {
			*kind = QK_WHSV;
			*factor = vol / mass / hours;
		}
		return last;
	}
}

enum quantity_kind qty_unit(const char *text, size_t len, double *factor, double *offset,
			    char metal[4])
{
	enum quantity_kind k = QK_NONE;
	const char *s = text, *e = text + len, *end;
	while (s < e && (*s == ' ' || *s == '('))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == ')'))
		e--;
	end = parse_unit(s, e, &k, factor, offset, metal);
	if (!end)
		return QK_NONE;
	while (end < e && *end == ' ')
		end++;
	return end == e ? k : QK_NONE;
}

int qty_scan(const char *text, size_t len, size_t pos, struct quantity *q)
{
	const char *e = text + len, *p = text + pos, *r;
	double vals[QTY_MAX_VALUES];
	size_t nv = 0;
	int range = 0;
	enum quantity_kind kind;
	double factor, offset;
	char metal[4];

	memset(q, 0, sizeof(*q));
	if (pos > 0 && (is_alpha((unsigned char)text[pos - 1]) || text[pos - 1] == '_' ||
			text[pos - 1] == '.' || is_digit((unsigned char)text[pos - 1]) ||
			text[pos - 1] == '^'))
		return 0;
	for (;;) {
		double v;
		const char *end = parse_number(p, e, &v);
		const char *s;
		if (!end)
			return 0;
		vals[nv++] = v;
		/* a unit may follow each value of a list: "150 °C and 190 °C" is two */
		s = end;
		while (s < e && *s == ' ')
			s++;
		if (nv < QTY_MAX_VALUES && !range) {
			const char *n = NULL;
			if (s < e && *s == '-' && s + 1 < e && is_digit((unsigned char)s[1]) && nv == 1) {
				n = s + 1;
				range = 1;
			} else if (e - s > 3 && !memcmp(s, "to ", 3) && is_digit((unsigned char)s[3]) && nv == 1) {
				n = s + 3;
				range = 1;
			} else if (e - s > 4 && !memcmp(s, "and ", 4) && is_digit((unsigned char)s[4])) {
				n = s + 4;
			} else if (e - s > 3 && !memcmp(s, "or ", 3) && is_digit((unsigned char)s[3])) {
				n = s + 3;
			} else if (s == end && s + 2 < e && *s == ',' && s[1] == ' ' &&
				   is_digit((unsigned char)s[2])) {
				n = s + 2;
				if (e - n > 4 && !memcmp(n, "and ", 4))
					n += 4;
			}
			if (n) {
				double w;
				const char *ne = parse_number(n, e, &w);
				if (ne) {
					p = n;
					continue;
				}
				range = 0;
			}
		}
		r = parse_unit(s, e, &kind, &factor, &offset, metal);
		if (!r)
			return 0;
		/* a word letter right after: not a unit ("5 Kelvin" is fine, "3 Ma" not) */
		if (r < e && is_alpha((unsigned char)*r) && kind != QK_TEMPERATURE)
			return 0;
		break;
	}
	q->kind = kind;
	q->nvalues = nv;
	q->is_range = range;
	{
		size_t k;
		for (k = 0; k < nv; k++)
			q->values[k] = vals[k] * factor + offset;
	}
	memcpy(q->metal, metal, sizeof(q->metal));
	q->start = pos;
	q->end = (size_t)(r - text);
	return 1;
}

int qty_cell_number(const char *text, double *v)
{
	const char *s = text, *e = text + strlen(text), *end;
	while (s < e && (*s == ' ' || *s == '$'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '$' || e[-1] == '*'))
		e--;
	{
		/* "24\ 000": a LaTeX space inside a number */
		char tmp[128];
		size_t n = 0;
		const char *p;
		for (p = s; p < e && n + 1 < sizeof(tmp); p++) {
			if (*p == '\\' && p + 1 < e && p[1] == ' ')
				continue;
			tmp[n++] = *p;
		}
		tmp[n] = '\0';
		end = parse_number(tmp, tmp + n, v);
		return end && end == tmp + n ? 0 : -1;
	}
}
