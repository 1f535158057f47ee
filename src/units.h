/*
 * units.h: quantities as papers write them, to the canonical units of the
 * entries schema.  A leaf module: it reads canonical text (normalize.h),
 * or raw text that it normalizes itself in units_parse.
 *
 * Canonical units: rate mmol g_cat^-1 h^-1; rate per metal mmol g_metal^-1
 * h^-1; TOF s^-1; temperature degC; pressure MPa; WHSV mL g^-1 h^-1; GHSV
 * h^-1 (a different quantity, kept apart); Ea kJ mol^-1; loading wt%;
 * size nm; outlet NH3 concentration vol % (a mole fraction x 100).  A
 * bare % is a loading only when the caller says so, and an outlet
 * concentration when the caller or the words before it say so ("NH3
 * concentration", "outlet NH3", "NH3 mole fraction").  A unit it does not know is an error quoting the text, never
 * a guess.
 */
#ifndef NH3CAT_UNITS_H
#define NH3CAT_UNITS_H

#include <stddef.h>

#include "physconst.h"

enum quantity_kind {
	QK_NONE = 0,
	QK_RATE_CAT,      /* mmol g_cat^-1 h^-1 */
	QK_RATE_METAL,    /* mmol g_metal^-1 h^-1, metal in struct quantity */
	QK_TOF,           /* s^-1 */
	QK_TEMPERATURE,   /* degC */
	QK_PRESSURE,      /* MPa */
	QK_WHSV,          /* mL g^-1 h^-1 */
	QK_GHSV,          /* h^-1 */
	QK_EA,            /* kJ mol^-1 */
	QK_LOADING,       /* wt% */
	QK_SIZE,          /* nm */
	QK_OUTLET,        /* vol % of NH3 in the reactor effluent */
	QK_NKINDS
};

#define QTY_MAX_VALUES 8
#define QTY_MAX_PARTS 4

struct quantity {
	enum quantity_kind kind;
	size_t nvalues;                  /* 1, 2 for a range, more for a list */
	double values[QTY_MAX_VALUES];   /* in the canonical unit */
	int is_range;                    /* values[0] to values[1] */
	char metal[4];                   /* QK_RATE_METAL (and TOF_Ru): "Co", or "" */
	size_t nparts;                   /* QK_LOADING of several metals */
	struct { char metal[4]; double wt; } parts[QTY_MAX_PARTS];
	size_t start, end;               /* the span parsed, in the text given */
	/*
	 * units_scan returned 0 for a quantity it could read but not store:
	 * a value that overflows or underflows (1e-400 mmol g^-1 h^-1, or
	 * beyond the magnitudes of util.h num_in_range once converted), a
	 * temperature below absolute zero or a negative rate.  kind and
	 * start..end say what and where, for a diagnostic, and impossible
	 * why ("too small to store"); NULL otherwise.
	 */
	const char *impossible;
};

/* Canonical unit of a kind, for messages and headers ("mmol g_cat^-1 h^-1"). */
const char *quantity_kind_unit(enum quantity_kind k);
/* Short name of a kind ("rate", "temperature" ...). */
const char *quantity_kind_name(enum quantity_kind k);
/* What a kind measures, for people ("rate per gram of catalyst"). */
const char *quantity_kind_description(enum quantity_kind k);

/*
 * Parse the whole of text (raw or canonical) as one quantity: a value, a
 * range or a list, and a unit.  expect is the role the caller needs
 * (QK_NONE: any).  Returns 0, or -1 with a message in err quoting the
 * offending text (unknown unit, dimension that does not fit the role,
 * malformed number).
 *
 * Also read: a label in front ("TOF_Ru 0.067 s^-1", "GHSV 36 000 h^-1",
 * "Ea = 38 kJ mol^-1"), which picks the kind where the unit cannot (a bare
 * h^-1 is a TOF unless the label or expect says GHSV) and must agree with
 * the unit; "~", "ca.", "about" before the value; an uncertainty after it
 * ("4.3 +/- 0.2"), dropped; "atmospheric pressure" (0.101325 MPa); the
 * loading forms "1.17Ru + 0.41Co" and "Ru:1.17;Co:0.41" (values[0] is the
 * total, parts[] each metal); eV as a molar energy (x 96.485).  A bound
 * ("<5 MPa") is an error.  Values are rounded to 12 significant digits.
 * A value that cannot be stored is an error too: a number that overflows
 * or underflows as written or once converted (util.h num_in_range), a
 * temperature below absolute zero, a negative value of anything but an
 * activation energy.
 */
int units_parse(const char *text, enum quantity_kind expect, struct quantity *q /* OUT */,
		char *err /* OUT */, size_t errlen);

/*
 * In canonical text, read a quantity that starts at pos (the first digit
 * of its value, or a sign).  Returns 1 and fills q (q->start, q->end as
 * offsets into text) when a value with a known unit is there, 0 otherwise.
 * Cheap enough to call at every number of a document: no allocation.
 * Returns 0 at a number inside a word or an exponent (Co2, h^-1), for a
 * bare %, for eV (DFT energies are not apparent activation energies), and
 * for "- 2 K. Author" at the start of a reference.  Reads "between X and
 * Y" as a range, a bare h^-1 as GHSV after "GHSV" or "space velocity" on
 * the same line (and as nothing after "WHSV"), and takes the metal of a
 * TOF from a "TOF_Ru" just before.  A unit that goes on past what it can
 * read (10 degC min^-1, a heating rate) is no match, not a temperature.
 */
int units_scan(const char *text, size_t len, size_t pos, struct quantity *q /* OUT */);

/*
 * Read a unit alone, as in a table header ("(°C)", "mmol g_cat^-1 h^-1",
 * "(mL g^-1 h^-1)"): returns the unit and its kind, or NULL when unknown.  Convert
 * values given in that unit with units_convert.
 *
 * Headers are read as "Label (UNIT)", "Label [UNIT]" or "Label/UNIT"; a
 * label naming GHSV, TOF or a loading ("Metal content (wt%)") picks the
 * kind a bare h^-1 or % stands for.  The definition returned is interned
 * for the life of the process (the same unit gives the same pointer);
 * the intern table is under a lock, so extraction workers may call this
 * at the same time (as every function of the module).
 */
struct unit_def;
const struct unit_def *units_lookup(const char *unit_text, enum quantity_kind *kind /* OUT */);
double units_convert(const struct unit_def *u, double value);
/* The inverse of units_convert: a canonical value back in unit u. */
double units_convert_back(const struct unit_def *u, double canonical);
/* The metal of a per-metal unit (g_Co^-1, mol_Ru^-1): "Co", or "". */
const char *units_def_metal(const struct unit_def *u);

/*
 * The one grammar of numbers, for quantities in prose (units_scan and the
 * parsers here) and for table cells (extract_qty.c): at s[p] in s[0..len),
 * [sign] digits, thousands groups of exactly three digits after one space
 * or comma ("60 000", "60,000"; never after a lone 0), decimals, an
 * exponent (2.53e-2) and scientific notation in canonical form
 * ("2.53 x 10^-2", "5.23x10^-2", "2.53 x 10^{-2}", "10^3"); with
 * UNITS_NUM_DECIMAL_COMMA also a decimal comma where it cannot group
 * thousands ("0,36", "1,25").  Returns 0 and sets *v and *end, or -1 when
 * no number starts at p.  A number a double cannot hold (1e400, 1e-400)
 * is read as NAN, never as infinity or zero, so that the quantity it
 * belongs to is refused whole.
 */
#define UNITS_NUM_DECIMAL_COMMA 1
int units_read_number(const char *s, size_t len, size_t p, int flags, double *v /* OUT */,
		      size_t *end /* OUT */);

/*
 * A number alone, as a table cell gives it (raw or canonical text):
 * "4.34", "60 000", "$24\ 000$", "10.3 x 10^-3", "$2.53 \times 10^{-2}$",
 * "-5".  Independent of the locale.  Returns 0 and sets *out, or -1 when
 * text is not exactly one number.
 */
int units_number(const char *text, double *out /* OUT */);

/* Physical constants (UNITS_ATM_MPA, UNITS_ZERO_C_K, ...): physconst.h. */

/* The kind named by a short name ("outlet", "rate" ...), QK_NONE when unknown. */
enum quantity_kind quantity_kind_from_name(const char *name);

/* Rates per metal and per catalyst, given the loading in wt%. */
double rate_metal_to_cat(double per_metal, double loading_wt);
double rate_cat_to_metal(double per_cat, double loading_wt);

#endif
