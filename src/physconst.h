/*
 * physconst.h: physical constants, named once, for every stage that
 * converts (units.c and its table, validate's rate-outlet rule, the
 * report's figures and its review sheet).  Macros only: a leaf below units.h.
 */
#ifndef NH3CAT_PHYSCONST_H
#define NH3CAT_PHYSCONST_H

#define UNITS_ATM_MPA 0.101325          /* one standard atmosphere, MPa */
#define UNITS_ZERO_C_K 273.15           /* 0 degC in K */
#define UNITS_MOLAR_VOLUME_STP 22.414   /* mL per mmol of ideal gas at 0 degC, 101.325 kPa */
#define NH3_MOLAR_MASS 17.031           /* g mol^-1, to read mg NH3 as mmol */
#define UNITS_AVOGADRO 6.02214076e23    /* mol^-1 (SI 2019, exact): molecules, sites, atoms */
#define UNITS_EV_KJ_MOL 96.48533212331  /* 1 eV per particle in kJ mol^-1 (CODATA 2018) */
#define UNITS_KCAL_KJ 4.184             /* thermochemical calorie, kJ */

#endif
