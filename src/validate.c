/*
 * validate.c: schema-level validation of entries (see validate.h).
 */
#include <config.h>

#include <string.h>

#include "buf.h"
#include "validate.h"

static const char *const elements[] = {
	"H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P",
	"S", "Cl", "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn",
	"Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru",
	"Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce",
	"Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf",
	"Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
	"Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm",
	"Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl",
	"Mc", "Lv", "Ts", "Og", NULL
};

int element_is_symbol(const char *sym, size_t len)
{
	size_t i;
	for (i = 0; elements[i]; i++)
		if (strlen(elements[i]) == len && memcmp(elements[i], sym, len) == 0)
			return 1;
	return 0;
}

static int pct_ok(const char *s, size_t n)
{
	double v;
	return num_parse_n(s, n, &v) == 0 && v >= 0 && v <= 100;
}

int loading_is_valid(const char *s)
{
	const char *p = s;
	if (!strchr(s, ':'))
		return pct_ok(s, strlen(s));
	while (*p) {
		const char *colon = strchr(p, ':');
		const char *end = strchr(p, ';');
		if (!end)
			end = p + strlen(p);
		if (!colon || colon > end || !element_is_symbol(p, (size_t)(colon - p)) ||
		    !pct_ok(colon + 1, (size_t)(end - colon - 1)))
			return 0;
		p = *end ? end + 1 : end;
		if (*end && !*p)
			return 0;   /* trailing ';' */
	}
	return 1;
}

static int ref_is_valid(const char *s)
{
	const char *p = s;
	while (*p) {
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
		if (*p == ';' || *p == ',') {
			p++;
			if (!*p)
				return 0;
		} else if (*p) {
			return 0;
		}
	}
	return 1;
}

static int metals_valid(const char *s)
{
	const char *p = s;
	while (*p) {
		const char *end = strchr(p, ';');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (!element_is_symbol(p, n))
			return 0;
		if (!end)
			break;
		p = end + 1;
		if (!*p)
			return 0;
	}
	return 1;
}

static void enum_list(const char *const *values, struct buf *out)
{
	size_t i;
	for (i = 0; values[i]; i++) {
		if (i)
			buf_addstr(out, values[i + 1] ? ", " : " or ");
		buf_addstr(out, values[i]);
	}
}

static int enum_ok(const char *const *values, const char *v)
{
	size_t i;
	for (i = 0; values[i]; i++)
		if (str_eq(values[i], v))
			return 1;
	return 0;
}

unsigned long validate_schema(const char *file, const struct entry_set *s, struct diag *d)
{
	unsigned long before = diag_count(d, DIAG_ERROR);
	size_t i;
	int c;

	for (i = 0; i < s->n; i++) {
		const struct entry *e = &s->v[i];
		for (c = 0; c < ENTRY_NCOLS; c++) {
			const struct col_info *ci = &entry_cols[c];
			const char *v = e->f[c];
			double num;
			if (!*v)
				continue;
			switch (ci->type) {
			case CT_TEXT:
				if (c == COL_METALS && !metals_valid(v))
					diag_emit(d, file, e->line, 0, DIAG_ERROR, "schema-metals",
						  "metals '%s' is not a ';'-separated list of element symbols", v);
				break;
			case CT_NUMBER:
				if (num_parse(v, &num) < 0)
					diag_emit(d, file, e->line, 0, DIAG_ERROR, "schema-number",
						  "%s '%s' is not a number (plain decimal in %s)",
						  ci->name, v, ci->unit);
				break;
			case CT_LOADING:
				if (!loading_is_valid(v))
					diag_emit(d, file, e->line, 0, DIAG_ERROR, "schema-loading",
						  "loading_wt '%s' is neither a percentage (3.8) nor "
						  "per-metal percentages (Ru:1.17;Co:0.41)", v);
				break;
			case CT_REF:
				if (!ref_is_valid(v))
					diag_emit(d, file, e->line, 0, DIAG_ERROR, "schema-ref",
						  "ref '%s' is not a reference number or a ';'-separated list of them", v);
				break;
			case CT_ENUM:
				if (!enum_ok(ci->values, v)) {
					struct buf allowed = BUF_INIT;
					enum_list(ci->values, &allowed);
					diag_emit(d, file, e->line, 0, DIAG_ERROR, "schema-enum",
						  "%s '%s' is not one of %s%s", ci->name, v, buf_str(&allowed),
						  c == COL_STATUS ? "" : " (or empty)");
					buf_release(&allowed);
				}
				break;
			}
		}
		if (!*e->f[COL_STATUS])
			diag_emit(d, file, e->line, 0, DIAG_ERROR, "schema-enum",
				  "status is empty; it must be extracted, reviewed or rejected");
	}
	return diag_count(d, DIAG_ERROR) - before;
}

unsigned long validate_entries(const char *file, const struct entry_set *s, struct diag *d)
{
	return validate_schema(file, s, d);
}
