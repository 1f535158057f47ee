/*
 * units_table.h: the unit atoms papers write (units_table.c), for units.c
 * and the unit test: the dimensions a unit is built from and the table of
 * unit atoms.  A leaf below units.c: it includes nothing of units.h.
 */
#ifndef NH3CAT_UNITS_TABLE_H
#define NH3CAT_UNITS_TABLE_H

#include <stddef.h>

#include "physconst.h"

/*
 * Base dimensions.  Amounts and masses are split by what they count:
 * mol of NH3 (the product) and mol of metal (a TOF per site), g of
 * catalyst and g of metal.  Base units: mol, g, s, mL, kJ, MPa, nm, %.
 */
enum dim {
	D_AMOUNT,        /* mol (of NH3, or of anything in kJ mol^-1) */
	D_AMOUNT_METAL,  /* mol of metal atoms: mol_Ru^-1 */
	D_MASS_CAT,      /* g of catalyst (a bare g) */
	D_MASS_METAL,    /* g of metal: g_Co^-1 */
	D_TIME,          /* s */
	D_VOLUME,        /* mL */
	D_ENERGY,        /* kJ */
	D_PRESSURE,      /* MPa */
	D_TEMP,          /* degC, affine */
	D_LENGTH,        /* nm */
	D_PERCENT,       /* wt% (or a bare % when the role says loading) */
	D_NDIMS
};

enum atom_flags {
	AF_WT = 1 << 0,        /* "wt%": a mass fraction for sure */
	AF_BARE_PCT = 1 << 1,  /* "%": a loading only when the caller says so */
	AF_EV = 1 << 2,        /* eV: energy per particle, read as kJ mol^-1 */
	AF_BARE_C = 1 << 3,    /* "C" for degC, its degree sign lost */
	AF_PRODUCT = 1 << 4,   /* a mass of NH3 (mg NH3): an amount of product */
	AF_BARE_TIME = 1 << 5, /* set on a unit that is an inverse time alone (h^-1) */
	AF_VOL = 1 << 6        /* "vol%", "mol%", "ppm": a gas-phase fraction for sure */
};

struct unit_atom {
	const char *name;
	enum dim dim;
	double scale;    /* in the base unit of dim */
	double offset;   /* D_TEMP: degC = value * scale + offset */
	int flags;
};

/* Look up an atom by its exact spelling (n bytes); NULL when unknown. */
const struct unit_atom *units_atom(const char *name, size_t n);


#endif
