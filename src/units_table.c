/*
 * units_table.c: the unit atoms nh3cat knows, as papers write them, each
 * with its dimension and its size in the base unit of that dimension
 * (units_table.h).  A spelling not in this table is an unknown unit: the
 * parser reports it, it never guesses.
 */
#include <config.h>

#include "units_table.h"

#include <pthread.h>
#include <string.h>

#define ATM UNITS_ATM_MPA

static const struct unit_atom atoms[] = {
	/* amount */
	{ "mol", D_AMOUNT, 1, 0, 0 },
	{ "mole", D_AMOUNT, 1, 0, 0 },
	{ "moles", D_AMOUNT, 1, 0, 0 },
	{ "kmol", D_AMOUNT, 1e3, 0, 0 },
	{ "mmol", D_AMOUNT, 1e-3, 0, 0 },
	{ "umol", D_AMOUNT, 1e-6, 0, 0 },
	{ "nmol", D_AMOUNT, 1e-9, 0, 0 },
	/* counted one by one: a TOF per site ("molecule site^-1 h^-1", "Co atom^-1 s^-1") */
	{ "molecule", D_AMOUNT, 1 / UNITS_AVOGADRO, 0, 0 },
	{ "molecules", D_AMOUNT, 1 / UNITS_AVOGADRO, 0, 0 },
	{ "site", D_AMOUNT_METAL, 1 / UNITS_AVOGADRO, 0, 0 },
	{ "sites", D_AMOUNT_METAL, 1 / UNITS_AVOGADRO, 0, 0 },
	{ "atom", D_AMOUNT_METAL, 1 / UNITS_AVOGADRO, 0, 0 },
	{ "atoms", D_AMOUNT_METAL, 1 / UNITS_AVOGADRO, 0, 0 },
	/* mass */
	{ "g", D_MASS_CAT, 1, 0, 0 },
	{ "gram", D_MASS_CAT, 1, 0, 0 },
	{ "grams", D_MASS_CAT, 1, 0, 0 },
	{ "mg", D_MASS_CAT, 1e-3, 0, 0 },
	{ "ug", D_MASS_CAT, 1e-6, 0, 0 },
	{ "kg", D_MASS_CAT, 1e3, 0, 0 },
	{ "gcat", D_MASS_CAT, 1, 0, 0 },
	{ "kgcat", D_MASS_CAT, 1e3, 0, 0 },
	{ "mgcat", D_MASS_CAT, 1e-3, 0, 0 },
	/* time */
	{ "s", D_TIME, 1, 0, 0 },
	{ "sec", D_TIME, 1, 0, 0 },
	{ "second", D_TIME, 1, 0, 0 },    /* "molecules per site per second" */
	{ "min", D_TIME, 60, 0, 0 },
	{ "minute", D_TIME, 60, 0, 0 },
	{ "h", D_TIME, 3600, 0, 0 },
	{ "hr", D_TIME, 3600, 0, 0 },
	{ "hrs", D_TIME, 3600, 0, 0 },
	{ "hour", D_TIME, 3600, 0, 0 },
	{ "d", D_TIME, 86400, 0, 0 },
	{ "day", D_TIME, 86400, 0, 0 },
	/* volume (cm^3, m^3 come from lengths cubed) */
	{ "mL", D_VOLUME, 1, 0, 0 },
	{ "ml", D_VOLUME, 1, 0, 0 },
	{ "L", D_VOLUME, 1e3, 0, 0 },
	{ "uL", D_VOLUME, 1e-3, 0, 0 },
	{ "ul", D_VOLUME, 1e-3, 0, 0 },
	{ "cc", D_VOLUME, 1, 0, 0 },
	{ "NmL", D_VOLUME, 1, 0, 0 },      /* mL at normal conditions */
	{ "Nml", D_VOLUME, 1, 0, 0 },
	{ "NL", D_VOLUME, 1e3, 0, 0 },
	/* energy */
	{ "kJ", D_ENERGY, 1, 0, 0 },
	{ "J", D_ENERGY, 1e-3, 0, 0 },
	{ "MJ", D_ENERGY, 1e3, 0, 0 },
	{ "kcal", D_ENERGY, UNITS_KCAL_KJ, 0, 0 },
	{ "cal", D_ENERGY, UNITS_KCAL_KJ * 1e-3, 0, 0 },
	{ "eV", D_ENERGY, UNITS_EV_KJ_MOL, 0, AF_EV },
	/* pressure */
	{ "MPa", D_PRESSURE, 1, 0, 0 },
	{ "kPa", D_PRESSURE, 1e-3, 0, 0 },
	{ "Pa", D_PRESSURE, 1e-6, 0, 0 },
	{ "GPa", D_PRESSURE, 1e3, 0, 0 },
	{ "bar", D_PRESSURE, 0.1, 0, 0 },
	{ "bars", D_PRESSURE, 0.1, 0, 0 },
	{ "mbar", D_PRESSURE, 1e-4, 0, 0 },
	/* capitals as papers type them: Mpa, MPA, KPa, mBar (mPa stays millipascal) */
	{ "Mpa", D_PRESSURE, 1, 0, 0 },
	{ "MPA", D_PRESSURE, 1, 0, 0 },
	{ "KPa", D_PRESSURE, 1e-3, 0, 0 },
	{ "Kpa", D_PRESSURE, 1e-3, 0, 0 },
	{ "kpa", D_PRESSURE, 1e-3, 0, 0 },
	{ "mBar", D_PRESSURE, 1e-4, 0, 0 },
	{ "Bar", D_PRESSURE, 0.1, 0, 0 },
	{ "ATM", D_PRESSURE, ATM, 0, 0 },
	{ "atm", D_PRESSURE, ATM, 0, 0 },
	{ "Torr", D_PRESSURE, ATM / 760, 0, 0 },
	{ "torr", D_PRESSURE, ATM / 760, 0, 0 },
	{ "mmHg", D_PRESSURE, ATM / 760, 0, 0 },
	{ "psi", D_PRESSURE, 0.006894757293168361, 0, 0 },
	/* kilogram-force per square centimetre (kgf/cm2, kg/cm2, kgf cm-2): read whole by read_factor */
	{ "kgf/cm2", D_PRESSURE, 0.0980665, 0, 0 },
	/* temperature, to degC */
	{ "\xC2\xB0" "C", D_TEMP, 1, 0, 0 },
	{ "oC", D_TEMP, 1, 0, 0 },
	{ "degC", D_TEMP, 1, 0, 0 },
	{ "C", D_TEMP, 1, 0, AF_BARE_C },
	{ "K", D_TEMP, 1, -UNITS_ZERO_C_K, 0 },
	{ "\xC2\xB0" "F", D_TEMP, 5.0 / 9.0, -32.0 * 5.0 / 9.0, 0 },
	/* length, to nm */
	{ "nm", D_LENGTH, 1, 0, 0 },
	{ "\xC3\x85", D_LENGTH, 0.1, 0, 0 },
	{ "pm", D_LENGTH, 1e-3, 0, 0 },
	{ "um", D_LENGTH, 1e3, 0, 0 },
	{ "mm", D_LENGTH, 1e6, 0, 0 },
	{ "cm", D_LENGTH, 1e7, 0, 0 },
	{ "dm", D_LENGTH, 1e8, 0, 0 },
	{ "m", D_LENGTH, 1e9, 0, 0 },
	/* mass fraction */
	{ "wt%", D_PERCENT, 1, 0, AF_WT },
	{ "wt.%", D_PERCENT, 1, 0, AF_WT },
	{ "%", D_PERCENT, 1, 0, AF_BARE_PCT },
	/* gas-phase fractions (an outlet concentration) */
	{ "vol%", D_PERCENT, 1, 0, AF_VOL },
	{ "vol.%", D_PERCENT, 1, 0, AF_VOL },
	{ "mol%", D_PERCENT, 1, 0, AF_VOL },
	{ "ppm", D_PERCENT, 1e-4, 0, AF_VOL },
};

#define NATOMS (sizeof(atoms) / sizeof(atoms[0]))

/*
 * The atoms by first byte: head[c] is the first atom whose name starts with
 * c, next[i] the one after atom i (in table order), -1 at the end.  The
 * parser asks for every word after a number; a scan of the whole table
 * each time was a tenth of its cost.
 */
static short head[256], next[NATOMS];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
	short *last[256];
	size_t i;
	for (i = 0; i < 256; i++) {
		head[i] = -1;
		last[i] = &head[i];
	}
	for (i = 0; i < NATOMS; i++) {
		unsigned char c = (unsigned char)atoms[i].name[0];
		next[i] = -1;
		*last[c] = (short)i;
		last[c] = &next[i];
	}
}

const struct unit_atom *units_atom(const char *name, size_t n)
{
	short i;
	if (n == 0)
		return NULL;
	pthread_once(&index_once, build_index);
	for (i = head[(unsigned char)name[0]]; i >= 0; i = next[i])
		if (strncmp(atoms[i].name, name, n) == 0 && atoms[i].name[n] == '\0')
			return &atoms[i];
	return NULL;
}
