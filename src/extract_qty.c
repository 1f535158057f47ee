/*
 * extract_qty.c: the number in a table cell, as PDF-to-text and Markdown
 * write them: "60 000", "$24\\ 000$", "10.3 x 10^-3", "5e-3".  Units come
 * from the column header (units_lookup); quantities in prose are read by
 * units_scan.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract_qty.h"

#include "extract_core.h"

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Parse a number at p: "12", "0.36", "60 000", "1,250", "0,36" (a decimal
 * comma where it cannot group thousands), "2.53 x 10^-2", "5e-3".
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
	/* thousands written "60 000" or "1,250": groups of exactly three digits */
	while (intdigits <= 3 && tmp[n - intdigits] != '0' && q + 3 < e && (*q == ' ' || *q == ',') &&
	       is_digit((unsigned char)q[1]) &&
	       is_digit((unsigned char)q[2]) && is_digit((unsigned char)q[3]) &&
	       (q + 4 >= e || !is_digit((unsigned char)q[4])) &&
	       (q + 4 >= e || q[4] != '.') && n < 40) {
		memcpy(tmp + n, q + 1, 3);
		n += 3;
		q += 4;
	}
	/* a decimal comma where it cannot be a thousands separator: "1,25", "0,5" */
	if (q + 1 < e && *q == ',' && is_digit((unsigned char)q[1]) &&
	    (tmp[n - intdigits] == '0' ||
	     !(q + 3 < e && is_digit((unsigned char)q[2]) && is_digit((unsigned char)q[3]) &&
	       (q + 4 >= e || !is_digit((unsigned char)q[4]))))) {
		tmp[n++] = '.';
		q++;
		while (q < e && is_digit((unsigned char)*q) && n < 60)
			tmp[n++] = *q++;
	} else if (q + 1 < e && *q == '.' && is_digit((unsigned char)q[1])) {
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

int qty_cell_number(const char *text, double *v)
{
	const char *s = text, *e = text + strlen(text), *end;
	while (s < e && (*s == ' ' || *s == '$'))
		s++;
	/* "4.2 ± 0.3", "4.2 (0.3)": the value without its uncertainty */
	{
		const char *p;
		for (p = s; p < e; p++) {
			if ((p + 1 < e && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xB1) ||
			    (p + 2 < e && !memcmp(p, "+/-", 3)) || (p > s && *p == '(' && p[-1] == ' ')) {
				e = p;
				break;
			}
		}
	}
	e = s + extract_strip_marks(s, (size_t)(e - s));
	while (e > s && (e[-1] == ' ' || e[-1] == '$'))
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
