/*
 * extract_qty.c: the number in a table cell, as PDF-to-text and Markdown
 * write them: "60 000", "$24\\ 000$", "10.3 x 10^-3", "5e-3", read with
 * the one number grammar of units.h (units_read_number).  Units come from
 * the column header (units_lookup); quantities in prose are read by
 * units_scan.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract_qty.h"

#include "extract_core.h"
#include "units.h"

int qty_cell_number(const char *text, double *v)
{
	const char *s = text, *e = text + strlen(text);
	size_t end;
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
		/* the one number grammar (units.h), with the decimal comma of cells */
		if (units_read_number(tmp, n, 0, UNITS_NUM_DECIMAL_COMMA, v, &end) < 0 || end != n ||
		    isnan(*v))
			return -1;
		return 0;
	}
}
