/*
 * check_units.c: unit tests of the units module (units.c, units_table.c).
 *
 * A table of real spellings (every notation of the review text
 * peng2024-chemsci-review.txt among them, Unicode and LaTeX as the PDF
 * conversion left them) with the canonical value each must give, checked
 * to 1e-9 relative; a table of malformed or unknown ones with the error
 * each must give; units_scan on running text; units_lookup on table
 * headers; round trips through the canonical unit and between per-metal
 * and per-catalyst rates; and a comma-decimal locale that must not change
 * anything.
 */
#include <config.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "normalize.h"
#include "testlib.h"
#include "units.h"
#include "util.h"

/* Unicode as PDF-to-text output writes it. */
#define DEG "\xC2\xB0"                 /* ° */
#define M1 "\xE2\x81\xBB\xC2\xB9"      /* ⁻¹ */
#define SUPM2 "\xE2\x81\xBB\xC2\xB2"   /* ⁻² */
#define SUP3 "\xC2\xB3"                /* ³ */
#define SUP4 "\xE2\x81\xB4"            /* ⁴ */
#define SUB2 "\xE2\x82\x82"            /* ₂ */
#define SUB3 "\xE2\x82\x83"            /* ₃ */
#define MU "\xCE\xBC"                  /* μ Greek mu */
#define MICRO "\xC2\xB5"               /* µ micro sign */
#define TIMES "\xC3\x97"               /* × */
#define MINUS "\xE2\x88\x92"           /* − */
#define NDASH "\xE2\x80\x93"           /* – */
#define NBSP "\xC2\xA0"
#define THIN "\xE2\x80\x89"
#define MIDDOT "\xC2\xB7"              /* · */
#define ANGSTROM "\xC3\x85"            /* Å */
#define CELSIUS "\xE2\x84\x83"         /* ℃ */
#define GE "\xE2\x89\xA5"              /* ≥ */
#define PM "\xC2\xB1"                  /* ± */
#define ORDO "\xC2\xBA"                /* º, a degree sign in some PDF fonts */
#define RING "\xCB\x9A"                /* ˚, likewise */

#define EV 96.48533212331              /* kJ mol^-1 per eV */
#define ATM 0.101325                   /* MPa */
#define PSI 0.006894757293168361       /* MPa */

struct ok_case {
	const char *text;
	enum quantity_kind expect;   /* role asked for */
	enum quantity_kind kind;     /* kind read */
	size_t n;
	int range;
	double v[3];
	const char *metal;
};

#define ONE(t, k, a) { t, QK_NONE, k, 1, 0, { a, 0, 0 }, "" }
#define ONEM(t, k, a, m) { t, QK_NONE, k, 1, 0, { a, 0, 0 }, m }
#define ROLE(t, k, a) { t, k, k, 1, 0, { a, 0, 0 }, "" }
#define RANGE(t, k, a, b) { t, QK_NONE, k, 2, 1, { a, b, 0 }, "" }
#define LIST2(t, k, a, b) { t, QK_NONE, k, 2, 0, { a, b, 0 }, "" }
#define LIST3(t, k, a, b, c) { t, QK_NONE, k, 3, 0, { a, b, c }, "" }

#define R QK_RATE_CAT
#define RM QK_RATE_METAL
#define TOF QK_TOF
#define T QK_TEMPERATURE
#define P QK_PRESSURE
#define W QK_WHSV
#define G QK_GHSV
#define EA QK_EA
#define LD QK_LOADING
#define SZ QK_SIZE

static const struct ok_case ok_cases[] = {
	/* --- quantities as real papers print them --- */
	ONE("3 x 10(-3) s(-1)", TOF, 0.003),
	ONE("3 x 10 -3 s -1", TOF, 0.003),
	ONE("2.1 \xC3\x97 10 " MINUS "4 s " MINUS "1", TOF, 0.00021),
	ONE("\xE2\x88\xBC" "400 " DEG "C", T, 400),
	ONE("\xE2\x89\x88 5 mmol g" MINUS "1 h" MINUS "1", R, 5),
	ONE("around 400 " DEG "C", T, 400),
	ONE("12 " MU "mol NH 3 g " MINUS "1 min " MINUS "1", R, 0.72),
	ONE("5 mmol h " MINUS "1 g " MINUS "1", R, 5),
	ONE("3.05 mmol-NH 3 g " MINUS "1 h " MINUS "1", R, 3.05),
	ONE("1.2 " MU "mol g<sup>-1</sup> h<sup>&#8722;1</sup>", R, 0.0012),
	ONE("120 kJ mol " MINUS "1", EA, 120),
	ONE("450 \xE2\x80\xA2 C", T, 450),
	ONE("500 o C", T, 500),
	ONE("35'C", T, 35),
	ONE("400 degrees Celsius", T, 400),
	ONE("1 Mpa", P, 1),
	ONE("10 mBar", P, 0.001),
	ONE("3.1416(5) kJ/mol", EA, 3.1416),
	ONE("60000 h" MINUS "1", G, 60000),
	ONE("600 h" MINUS "1", TOF, 0.1666666666667),
	ONE("75K", T, -198.15),
	ONE("0.5 molecule site" MINUS "1 h" MINUS "1", TOF, 0.0001388888888889),
	/* in words */
	ONE("3.1 molecules per site per second", TOF, 3.1),
	ONE("0.9 molecules site^-1 second^-1", TOF, 0.9),
	ONE("5 mmol per gram per hour", R, 5),
	ONE("0.02 s" MINUS "1 site" MINUS "1", TOF, 0.02),
	ONEM("2 Co atom" MINUS "1 s" MINUS "1", TOF, 2, "Co"),
	ONEM("0.05 " MU "mol/gCo*s", RM, 0.18, "Co"),
	/* kilogram-force per square centimetre, as older and industrial papers give pressure */
	ONE("100 kgf/cm2", P, 9.80665),
	ONE("150 kg/cm" "\xC2\xB2", P, 14.709975),
	ONE("300 kgf cm" MINUS "2", P, 29.41995),
	ONE("50 kg cm^-2", P, 4.903325),
	/* decimal commas where no thousands separator can stand: not three digits after, or 0 before */
	ONE("3,5 mmol g" MINUS "1 h" MINUS "1", R, 3.5),
	ONE("0,125 MPa", P, 0.125),
	ONE("12,3456 kJ mol" MINUS "1", EA, 12.3456),
	ONE("60,000 h" MINUS "1", G, 60000),
	ONE("1,250 " MU "mol g" MINUS "1 h" MINUS "1", R, 1.25),
	/* --- rate per gram of catalyst: the review's spellings --- */
	ONE("8.54 mmol_{NH" SUB3 "} g_{cat}" M1 " h" M1, R, 8.54),
	ONE("4.60 mmol_{NH" SUB3 "} g_{cat}" M1 " h" M1, R, 4.60),
	ONE("2.55 mmol_{NH" SUB3 "} g_{cat}" M1 " h" M1, R, 2.55),
	ONE("18.9 mmol_{NH" SUB3 "} g_{cat}^{-1} h" M1, R, 18.9),
	ONE("4.67 mmol_{NH2} $g_{cat}^{-1} h^{-1}$", R, 4.67),
	ONE("4.34 mmol_{NH" SUB2 "} g_{cat}^{-1} h" M1, R, 4.34),
	LIST2("1.1 and 10.3 " MU " mol_{NH3} g_c" M1 " h" M1, R, 0.0011, 0.0103),
	ONE("$10.3 imes10^{-3}$ mmol g^{-1} h^{-1}", R, 0.0103),
	ONE("2.7 mmol_{ m NH_3} g_{ m cat}^{-1} h^{-1}", R, 2.7),
	ONE("0.026 $\\text{mmol}_{\\text{NH}_3} \\text{g}_{\\text{cat}}^{-1} \\text{h}^{-1}$", R, 0.026),
	/* --- rate: notations --- */
	ONE("8.54 mmol g^-1 h^-1", R, 8.54),
	ONE("8.54 mmol g-1 h-1", R, 8.54),
	ONE("8.54 mmol g" MINUS "1 h" MINUS "1", R, 8.54),
	ONE("8.54 mmol/g/h", R, 8.54),
	ONE("8.54 mmol/(g h)", R, 8.54),
	ONE("8.54 mmol g" M1 " h" M1, R, 8.54),
	ONE("8.54 mmol" MIDDOT "g" M1 MIDDOT "h" M1, R, 8.54),
	ONE("8.54 mmol" MIDDOT "g_cat" M1 MIDDOT "h" M1, R, 8.54),
	ONE("8.54 mmol g_{cat}^{-1} h^{-1}", R, 8.54),
	ONE("8.54 mmol gcat^-1 h^-1", R, 8.54),
	ONE("8.54 mmol gcat" M1 " h" M1, R, 8.54),
	ONE("8.54 mmol g_cat^-1 h^-1", R, 8.54),
	ONE("8.54 mmol g cat^-1 h^-1", R, 8.54),
	ONE("8.54 mmol NH3 g^-1 h^-1", R, 8.54),
	ONE("8.54 mmol NH3 g_cat^-1 h^-1", R, 8.54),
	ONE("8.54 mmol_{NH_3} g_{cat}^{-1} h^{-1}", R, 8.54),
	ONE("$8.54\\ \\mathrm{mmol\\ g^{-1}\\ h^{-1}}$", R, 8.54),
	ONE("8.54 mmol h^-1 g^-1", R, 8.54),
	ONE("8.54 mmol.g-1.h-1", R, 8.54),
	ONE("8.54 mmol_{NH3} g_{cat}^{ - 1} h^{ - 1}", R, 8.54),
	ONE("8.54 mmol/gcat/h", R, 8.54),
	/* the abbreviation's point of "cat." before or after the exponent */
	ONE("8.54 mmolNH3 gcat.-1 h-1", R, 8.54),
	ONE("8.54 mmol g-1cat. h-1", R, 8.54),
	ONE("8.54 mmol per g per h", R, 8.54),
	ONE("12 mmol_{\\text{NH}_3}\\,g_{\\text{cat}}^{-1}\\,h^{-1}", R, 12),
	ONE("8.54 mmol g_{\\rm cat}^{-1} h^{-1}", R, 8.54),
	ONE("8.54 mmol g_{cat.}^{-1} h^{-1}", R, 8.54),
	ONE("8.54 mmol g_{catalyst}^{-1} h^{-1}", R, 8.54),
	/* --- rate: prefixes and other amounts, masses, times --- */
	ONE("8540 umol g^-1 h^-1", R, 8.54),
	ONE("8540 " MU "mol g" M1 " h" M1, R, 8.54),
	ONE("8540 " MICRO "mol g" M1 " h" M1, R, 8.54),
	ONE("8540 umol/g/h", R, 8.54),
	ONE("8540 \\mu mol g^{-1} h^{-1}", R, 8.54),
	ONE("8540 $\\mu$mol g$^{-1}$ h$^{-1}$", R, 8.54),
	ONE("0.00854 mol g^-1 h^-1", R, 8.54),
	ONE("8.54 mol kg^-1 h^-1", R, 8.54),
	ONE("8540 mmol kg^-1 h^-1", R, 8.54),
	ONE("8540 mmol kg_{cat}^{-1} h^{-1}", R, 8.54),
	ONE("142.3 umol g^-1 min^-1", R, 142.3e-3 * 60),
	ONE("142.3 " MU "mol g" M1 " min" M1, R, 142.3e-3 * 60),
	ONE("1 mmol g^-1 s^-1", R, 3600),
	ONE("1 umol g^-1 s^-1", R, 3.6),
	ONE("1 nmol g^-1 s^-1", R, 0.0036),
	ONE("1 mmol g^-1 d^-1", R, 1.0 / 24),
	ONE("5 mmol mg^-1 h^-1", R, 5000),
	ONE("17.031 mg NH3 g^-1 h^-1", R, 1),
	ONE("17.031 mg_{NH3} g^{-1} h^{-1}", R, 1),
	/* a volume of NH3 gas, read at 0 degC and 1 atm (22.414 mL mmol^-1) */
	ONE("22.414 mL NH3 g^-1 h^-1", R, 1),
	ONE("120 mL NH3 g" M1 " h" M1, R, 120 / 22.414),
	/* the catalyst joined to its mass by a hyphen */
	ONE("5.2 mmol g-cat-1 h-1", R, 5.2),
	ONE("5.2 mmol g-cat^-1 h^-1", R, 5.2),
	ONE("5200 umol kg-cat^-1 s^-1", R, 5200e-3 / 1000 * 3600),
	ONE("1 g NH3 kg^-1 h^-1", R, 1 / 17.031),
	ONE("2 umol g-1 min-1", R, 0.12),
	ONE("1.39 mmol g^{-1} h^{-1}", R, 1.39),
	ONE("28.0 mmol g^-1 h^-1", R, 28),
	ONE("0.78 mmol/g_cat/h", R, 0.78),
	ONE("~8.5 mmol g^-1 h^-1", R, 8.5),
	ONE("ca. 8.5 mmol g^-1 h^-1", R, 8.5),
	ONE("8.5 " PM " 0.3 mmol g^-1 h^-1", R, 8.5),
	ONE("8.5 +/- 0.3 mmol g^-1 h^-1", R, 8.5),
	ONE("1.2 x 10^4 umol g^-1 h^-1", R, 12),
	ONE("1.2 " TIMES " 10" SUP4 " " MU "mol g" M1 " h" M1, R, 12),
	ONE("1.2e4 umol g^-1 h^-1", R, 12),
	ONE("1.2E4 umol g^-1 h^-1", R, 12),
	ONE("rate = 8.54 mmol g^-1 h^-1", R, 8.54),
	RANGE("2.0-4.5 mmol g^-1 h^-1", R, 2.0, 4.5),
	RANGE("2.0" NDASH "4.5 mmol g" M1 " h" M1, R, 2.0, 4.5),
	LIST3("8.54, 4.60 and 2.55 mmol g^-1 h^-1", R, 8.54, 4.60, 2.55),
	LIST3("8.54, 4.60, and 2.55 mmol g^-1 h^-1", R, 8.54, 4.60, 2.55),
	LIST2("8.54 or 4.60 mmol g^-1 h^-1", R, 8.54, 4.60),
	ONE("8,540 umol g^-1 h^-1", R, 8.54),
	ONE("8 540 umol g^-1 h^-1", R, 8.54),
	ONE("8" NBSP "540 " MU "mol g" M1 " h" M1, R, 8.54),
	ONE("8" THIN "540 " MU "mol g" M1 " h" M1, R, 8.54),
	ROLE("8.54 mmol g^-1 h^-1", R, 8.54),
	ONE("8.54 mmolNH3 gcat" MINUS "1 h" MINUS "1", R, 8.54),
	ONE("8.54 mmol/g h", R, 8.54),
	ONE("8.54 mmol g" MINUS "1cat h" MINUS "1", R, 8.54),
	ONE("8.54 mmol/g" MIDDOT "h", R, 8.54),
	ONE("8.54 mmol/(g" MIDDOT "h)", R, 8.54),
	ONE("17.031 mgNH3 g-1 h-1", R, 1),
	ONE("8540 " MU "molNH3 g" M1 " h" M1, R, 8.54),
	/* --- rate per gram of metal --- */
	ONEM("85.3 $\\text{mmol}_{\\text{NH}_3} \\text{g}_{\\text{Co}}^{-1} \\text{h}^{-1}$", RM, 85.3, "Co"),
	ONEM("1.3 mmol g_{Mo}^{-1} h" M1, RM, 1.3, "Mo"),
	ONEM("85.3 mmol g_Co^-1 h^-1", RM, 85.3, "Co"),
	ONEM("85.3 mmol g_{Co}" M1 " h" M1, RM, 85.3, "Co"),
	ONEM("85.3 mmol gCo^-1 h^-1", RM, 85.3, "Co"),
	ONEM("85.3 mmol g_Ru^-1 h^-1", RM, 85.3, "Ru"),
	ONEM("85.3 mmol_{NH3} g_{Ru}^{-1} h^{-1}", RM, 85.3, "Ru"),
	ONEM("85300 umol g_Ru^-1 h^-1", RM, 85.3, "Ru"),
	ONEM("85.3 mol kg_Ru^-1 h^-1", RM, 85.3, "Ru"),
	ONEM("1.42 mmol g_Fe^-1 min^-1", RM, 1.42 * 60, "Fe"),
	ONEM("85.3 mmol g_metal^-1 h^-1", RM, 85.3, ""),
	ONEM("85.3 mmol g_{M}^{-1} h^{-1}", RM, 85.3, ""),
	ONEM("85.3 mmol g Ru^-1 h^-1", RM, 85.3, "Ru"),
	ONEM("85.3 mmol/g_Ru/h", RM, 85.3, "Ru"),
	ONEM("85.3 mmol_{NH_3} g_{\\rm Ru}^{-1} h^{-1}", RM, 85.3, "Ru"),
	ONEM("85.3 mmol g_{Ni}" M1 " h" M1, RM, 85.3, "Ni"),
	ONEM("2.1 mmol g_{Fe}^{-1} s^{-1}", RM, 2.1 * 3600, "Fe"),
	ONEM("85.3 mmol gRu" MINUS "1 h" MINUS "1", RM, 85.3, "Ru"),
	ONEM("85.3 mmolNH3 gCo" M1 " h" M1, RM, 85.3, "Co"),
	ONEM("85.3 mmol g^-1Ru h^-1", RM, 85.3, "Ru"),
	/* --- turnover frequency --- */
	ONE("0.124 s" M1, TOF, 0.124),
	ONE("$2.53 \\times 10^{-2} \\text{ s}^{-1}$", TOF, 0.0253),
	ONE("$2.53 \\times 10^{-2}$ s" M1, TOF, 0.0253),
	ONE("2.53 " TIMES " 10" SUPM2 " s" M1, TOF, 0.0253),
	ONE("2.53 imes 10^{-2} s^{-1}", TOF, 0.0253),
	ONE("2.53" MIDDOT "10" SUPM2 " s" M1, TOF, 0.0253),
	ONE("2.53*10^-2 s^-1", TOF, 0.0253),
	ONE("2.53x10^-2 s^-1", TOF, 0.0253),
	ONE("2.53 \\cdot 10^{-2} s^{-1}", TOF, 0.0253),
	ONE("5.23" TIMES "10^{-2} s" M1, TOF, 0.0523),
	ONE("0.067 s" M1, TOF, 0.067),
	ONE("0.019 s^{-1}", TOF, 0.019),
	ONE("0.019 s^-1", TOF, 0.019),
	ONE("0.019 s-1", TOF, 0.019),
	ONE("0.019 /s", TOF, 0.019),
	ONE("0.019 sec^-1", TOF, 0.019),
	ONE("68.4 h^-1", TOF, 0.019),
	ONE("1.14 min^-1", TOF, 0.019),
	ONE("6.7 " TIMES " 10" SUPM2 " s" M1, TOF, 0.067),
	ONE("6.7e-2 s^-1", TOF, 0.067),
	ONE("6.7E-2 s-1", TOF, 0.067),
	ONEM("TOF_{Ru} 0.067 s^{-1}", TOF, 0.067, "Ru"),
	ONEM("TOF_Ru = 0.067 s^-1", TOF, 0.067, "Ru"),
	ONE("TOF = 0.067 s^-1", TOF, 0.067),
	ONE("TOF: 240 h^-1", TOF, 240.0 / 3600),
	ONE("TOF of 0.124 s" M1, TOF, 0.124),
	ONEM("0.067 mol_{NH3} mol_{Ru}^{-1} s^{-1}", TOF, 0.067, "Ru"),
	ONEM("0.067 mol NH3 mol_Ru^-1 s^-1", TOF, 0.067, "Ru"),
	ONEM("241.2 mol_{NH3} mol_{Ru}^{-1} h^{-1}", TOF, 0.067, "Ru"),
	ROLE("0.124 s" M1, TOF, 0.124),
	ONE("2.5 " TIMES " 10" MINUS "3 s" MINUS "1", TOF, 0.0025),
	ONEM("0.067 molNH3 molRu" MINUS "1 s" MINUS "1", TOF, 0.067, "Ru"),
	ONEM("0.067 mol NH3 mol Ru" MINUS "1 s" MINUS "1", TOF, 0.067, "Ru"),
	ONE("0.067 mol_{NH3} mol_{surf}^{-1} s^{-1}", TOF, 0.067),
	ONE("241.2 mol NH3 mol_site^-1 h^-1", TOF, 0.067),
	ROLE("36 h" M1, TOF, 0.01),
	/* --- gas hourly space velocity --- */
	ONE("GHSV 36000 h^-1", G, 36000),
	ONE("GHSV = 36 000 h" M1, G, 36000),
	ROLE("36000 h-1", G, 36000),
	ROLE("600 min^-1", G, 36000),
	ROLE("10 s^-1", G, 36000),
	/* --- weight hourly space velocity --- */
	ONE("60 000 mL g^-1 h^-1", W, 60000),
	ONE("60000 mL g^{-1} h^{-1}", W, 60000),
	ONE("60 000 mL g" M1 " h" M1, W, 60000),
	ONE("60,000 mL g^-1 h^-1", W, 60000),
	ONE("60 L g^-1 h^-1", W, 60000),
	ONE("30 L g_c" M1 " h^{-1}", W, 30000),
	ONE("$24\\ 000$ mL g^{-1} h^{-1}", W, 24000),
	ONE("24 000 mL g_{cat}^{-1} h^{-1}", W, 24000),
	ONE("18 000 mL/(g h)", W, 18000),
	ONE("1000 mL g^-1 min^-1", W, 60000),
	ONE("60 000 cm^3 g^-1 h^-1", W, 60000),
	ONE("60 000 cm" SUP3 " g" M1 " h" M1, W, 60000),
	ONE("60 000 cm3 g-1 h-1", W, 60000),
	ONE("0.06 m^3 kg^-1 h^-1", W, 60),
	ONE("WHSV = 60 000 mL g^-1 h^-1", W, 60000),
	ONE("WHSV of 60 000 mL g^-1 h^-1", W, 60000),
	ONE("60 000 mL gcat^-1 h^-1", W, 60000),
	ONE("60 000 mL h^-1 g^-1", W, 60000),
	ONE("60 000 ml g^-1 h^-1", W, 60000),
	ONE("72 000 mL g^-1 h^-1", W, 72000),
	ONE("12 000 mL g_{cat}^{-1} h^{-1}", W, 12000),
	ONE("15 000 mL g^-1 h^-1", W, 15000),
	ONE("18 L g^-1 h^-1", W, 18000),
	ONE("1 mL g^-1 s^-1", W, 3600),
	ONE("60 000 mL" MIDDOT "g" M1 MIDDOT "h" M1, W, 60000),
	ONE("60000 mL/g/h", W, 60000),
	ROLE("60 000 mL g^-1 h^-1", W, 60000),
	ONE("GHSV of 60,000 mL g" MINUS "1 h" MINUS "1", W, 60000),
	ONE("60 000 mL/g" MIDDOT "h", W, 60000),
	ONE("60 000 NmL g_{cat}^{-1} h^{-1}", W, 60000),
	ONE("60 NL g^-1 h^-1", W, 60000),
	/* --- temperature --- */
	ONE("350 " DEG " C", T, 350),
	ONE("350 " DEG "C", T, 350),
	ONE("350" DEG "C", T, 350),
	ONE("350 oC", T, 350),
	ONE("350 degC", T, 350),
	ONE("350 " CELSIUS, T, 350),
	ONE("350 C", T, 350),
	ONE("350 $^{\\circ}$C", T, 350),
	ONE("350 ^{\\circ}C", T, 350),
	ONE("350" NBSP DEG "C", T, 350),
	ONE("623 K", T, 349.85),
	ONE("673 K", T, 399.85),
	ONE("298.15 K", T, 25),
	ONE("0 K", T, -273.15),
	ONE("400 K", T, 126.85),
	ONE("-196 " DEG "C", T, -196),
	ONE(MINUS "196 " DEG "C", T, -196),
	ONE("212 " DEG "F", T, 100),
	ONE("T = 400 " DEG "C", T, 400),
	ONE("~400 " DEG "C", T, 400),
	ONE("900 " DEG "C", T, 900),
	RANGE("523-648 K", T, 249.85, 374.85),
	RANGE("523" NDASH "648 K", T, 249.85, 374.85),
	RANGE("523 to 648 K", T, 249.85, 374.85),
	RANGE("523 K to 648 K", T, 249.85, 374.85),
	RANGE("523 - 648 K", T, 249.85, 374.85),
	RANGE("490-510 " DEG "C", T, 490, 510),
	RANGE("300" NDASH "400 " DEG "C", T, 300, 400),
	RANGE("300 " DEG "C-400 " DEG "C", T, 300, 400),
	RANGE("350-450 " DEG " C", T, 350, 450),
	LIST2("150 " DEG " C and 190 " DEG "C", T, 150, 190),
	LIST2("150 and 190 " DEG "C", T, 150, 190),
	LIST3("450, 550 and 650 " DEG "C", T, 450, 550, 650),
	ROLE("400 " DEG "C", T, 400),
	ONE("350 " ORDO "C", T, 350),
	ONE("350" ORDO "C", T, 350),
	ONE("350 " RING "C", T, 350),
	RANGE("300~400 " DEG "C", T, 300, 400),
	RANGE("300 ~ 400 " DEG "C", T, 300, 400),
	RANGE("between 300 and 400 " DEG "C", T, 300, 400),
	RANGE("from 523 to 648 K", T, 249.85, 374.85),
	/* --- pressure --- */
	ONE("1 MPa", P, 1),
	ONE("0.1 MPa", P, 0.1),
	ONE("3 MPa", P, 3),
	ONE("1.0 MPa", P, 1),
	ONE("~20 MPa", P, 20),
	ONE("1" NBSP "MPa", P, 1),
	RANGE("15-30 MPa", P, 15, 30),
	RANGE("15" NDASH "30 MPa", P, 15, 30),
	RANGE("1.0-3.2 MPa", P, 1.0, 3.2),
	ONE("100 bar", P, 10),
	ONE("30 bar", P, 3),
	ONE("24.5 bar", P, 2.45),
	ONE("74.25 bar", P, 7.425),
	ONE("1 bar", P, 0.1),
	ONE("10 bars", P, 1),
	ONE("$P_{N_2} = 24.5$ bar", P, 2.45),
	ONE("P = 1 MPa", P, 1),
	ONE("1 atm", P, ATM),
	ONE("5 atm", P, 5 * ATM),
	ONE("atmospheric pressure", P, ATM),
	ONE("ambient pressure", P, ATM),
	ONE("101.325 kPa", P, 0.101325),
	ONE("500 kPa", P, 0.5),
	ONE("1e5 Pa", P, 0.1),
	ONE("100000 Pa", P, 0.1),
	ONE("100 000 Pa", P, 0.1),
	ONE("760 Torr", P, ATM),
	ONE("760 mmHg", P, ATM),
	ONE("14.6959 psi", P, 14.6959 * PSI),
	ONE("1000 mbar", P, 0.1),
	ONE("0.001 GPa", P, 1),
	ROLE("1 MPa", P, 1),
	ROLE("atmospheric pressure", P, ATM),
	/* --- apparent activation energy --- */
	ONE("38 kJ mol" M1, EA, 38),
	ONE("941 kJ mol" M1, EA, 941),
	RANGE("80-130 kJ mol" M1, EA, 80, 130),
	ONE("38 kJ/mol", EA, 38),
	ONE("38 kJ mol^-1", EA, 38),
	ONE("38 kJ mol-1", EA, 38),
	ONE("38 kJ" MIDDOT "mol" M1, EA, 38),
	ONE("38 kJ mol^{-1}", EA, 38),
	ONE("9.08 kcal mol^-1", EA, 9.08 * 4.184),
	ONE("10 kcal/mol", EA, 41.84),
	ONE("38000 J mol^-1", EA, 38),
	ONE("38 000 J/mol", EA, 38),
	ONE("Ea = 38 kJ mol^-1", EA, 38),
	ONE("E_a = 38 kJ/mol", EA, 38),
	ONE("E_{a} = 38 kJ mol^{-1}", EA, 38),
	ONE("2.90 eV", EA, 2.90 * EV),
	ROLE("0.45 eV", EA, 0.45 * EV),
	ROLE("38 kJ mol" M1, EA, 38),
	/* --- loading --- */
	ONE("3.8 wt%", LD, 3.8),
	ONE("3.8 wt.%", LD, 3.8),
	ONE("3.8 wt. %", LD, 3.8),
	ONE("3.8 wt %", LD, 3.8),
	ONE("3.8wt%", LD, 3.8),
	ONE("17.6 wt%", LD, 17.6),
	ONEM("0.2 wt% Ru", LD, 0.2, "Ru"),
	ONEM("24.5 wt% K", LD, 24.5, "K"),
	ONE("loading = 3.8 wt%", LD, 3.8),
	ROLE("5%", LD, 5),
	ROLE("5 %", LD, 5),
	ONE("1.17Ru + 0.41Co", LD, 1.58),
	ONE("1.05Ru + 0.30Co", LD, 1.35),
	ONE("1.36Ru + 0.47Fe", LD, 1.83),
	ONE("1.07Ru + 0.51Ni", LD, 1.58),
	ONE("0.95Ru + 0.29Co", LD, 1.24),
	ONE("1.17 Ru + 0.41 Co", LD, 1.58),
	ONE("Ru:1.17;Co:0.41", LD, 1.58),
	ONEM("Ru:3.8", LD, 3.8, "Ru"),
	/* --- size --- */
	ONE("1.4 nm", SZ, 1.4),
	ONE("2.0 nm", SZ, 2.0),
	ONE("5 nm", SZ, 5),
	ONE("0.8 nm", SZ, 0.8),
	ONE("1.0 nm", SZ, 1.0),
	ONE("2.8 nm", SZ, 2.8),
	RANGE("1.8-2.5 nm", SZ, 1.8, 2.5),
	RANGE("1.1-3.0 nm", SZ, 1.1, 3.0),
	RANGE("1.4 to 5.0 nm", SZ, 1.4, 5.0),
	RANGE("2-4 nm", SZ, 2, 4),
	RANGE("2.2-2.6 nm", SZ, 2.2, 2.6),
	ONE("14 " ANGSTROM, SZ, 1.4),
	ONE("14 \\AA", SZ, 1.4),
	ONE("1400 pm", SZ, 1.4),
	ONE("0.0014 um", SZ, 1.4),
	ONE("0.0014 " MU "m", SZ, 1.4),
	ONE("d = 1.4 nm", SZ, 1.4),
	ONE("size of 1.4 nm", SZ, 1.4),
	ROLE("1.4 nm", SZ, 1.4),
};

START_TEST(test_ok)
{
	const struct ok_case *c = &ok_cases[_i];
	struct quantity q;
	char err[512];
	size_t i;
	ck_assert_msg(units_parse(c->text, c->expect, &q, err, sizeof(err)) == 0, "'%s': %s", c->text, err);
	ck_assert_msg(q.kind == c->kind, "'%s': kind %s, expected %s", c->text,
		      quantity_kind_name(q.kind), quantity_kind_name(c->kind));
	ck_assert_msg(q.nvalues == c->n, "'%s': %zu values, expected %zu", c->text, q.nvalues, c->n);
	ck_assert_msg(q.is_range == c->range, "'%s': is_range %d", c->text, q.is_range);
	for (i = 0; i < c->n; i++)
		ck_assert_msg(fabs(q.values[i] - c->v[i]) <= 1e-9 * fabs(c->v[i]) + 1e-300,
			      "'%s': value %zu is %.17g, expected %.17g", c->text, i, q.values[i], c->v[i]);
	ck_assert_msg(strcmp(q.metal, c->metal) == 0, "'%s': metal '%s', expected '%s'", c->text,
		      q.metal, c->metal);
	ck_assert_uint_le(q.start, q.end);
	ck_assert_uint_le(q.end, strlen(c->text));
}
END_TEST

struct bad_case {
	const char *text;
	enum quantity_kind expect;
	const char *msg;    /* must appear in the error */
};

static const struct bad_case bad_cases[] = {
	{ "3 furlong", QK_NONE, "unknown unit 'furlong' in '3 furlong'" },
	{ "4.32 kW h L^{-1}", QK_NONE, "unknown unit 'kW'" },
	{ "121 kg m^{-3}", QK_NONE, "mass in the numerator" },
	{ "450 rpm", QK_NONE, "unknown unit 'rpm'" },
	/* the part that failed, not the unit read before it */
	{ "0.05 " MU "mol/gCo*x", QK_NONE, "unknown unit 'x' in" },
	{ "1,2,3 MPa", QK_NONE, "malformed number '1,2,3'" },
	{ "20 h", QK_NONE, "unit 'h' fits no quantity" },
	{ "12 kJ", QK_NONE, "an energy, not an energy per mol" },
	{ "1.2.3 MPa", QK_NONE, "malformed number '1.2.3'" },
	{ "abc", QK_NONE, "no number in 'abc'" },
	{ "", QK_NONE, "empty quantity" },
	{ "   ", QK_NONE, "empty quantity" },
	{ "MPa", QK_NONE, "no number in 'MPa'" },
	{ "5%", QK_NONE, "bare percentage" },
	{ "<5 MPa", QK_NONE, "'<5 MPa' is a bound" },
	{ GE " 2 nm", QK_NONE, "is a bound" },
	{ "5 mmol g^-1", QK_NONE, "fits no quantity" },
	{ "5 mmol h^-1", QK_NONE, "fits no quantity" },
	{ "5 mmol_{H2} g^-1 h^-1", QK_NONE, "subscript it does not know" },
	{ "5 mmol g_{xyz}^-1 h^-1", QK_NONE, "subscript it does not know" },
	{ "5 mL mL^-1", QK_NONE, "fits no quantity" },
	{ "5 g h^-1", QK_NONE, "mass in the numerator" },
	{ "5 K mol^-1", QK_NONE, "temperature inside a compound unit" },
	{ "5 " DEG "C h^-1", QK_NONE, "temperature inside a compound unit" },
	{ "12 kJ mol^-1", QK_PRESSURE, "is an apparent activation energy (kJ mol^-1), not a pressure" },
	{ "1 MPa", QK_TEMPERATURE, "is a pressure (MPa), not a temperature" },
	{ "85.3 mmol g_Co^-1 h^-1", QK_RATE_CAT, "rate per gram of metal" },
	{ "60 000 mL g^-1 h^-1", QK_TOF, "not a turnover frequency" },
	{ "3.8 wt%", QK_SIZE, "not a particle size" },
	{ "1.4 nm", QK_LOADING, "not a metal loading" },
	{ "0.1 MPa", QK_EA, "not an apparent activation energy" },
	{ "36000 h^-1", QK_WHSV, "turnover frequency" },
	{ "WHSV 2 h^-1", QK_NONE, "labelled weight hourly space velocity" },
	{ "10 " DEG "C min" MINUS "1", QK_NONE, "temperature inside a compound unit" },
	{ "10 " DEG "C/min", QK_NONE, "temperature inside a compound unit" },
	{ "nº 5", QK_NONE, "no number" },
	{ "TOF 8.54 mmol g^-1 h^-1", QK_NONE, "labelled turnover frequency" },
	{ "TOF 1 h^-1", QK_GHSV, "labelled turnover frequency" },
	{ "5 MPa MPa", QK_NONE, "fits no quantity" },
	{ "1.17Ru + ", QK_NONE, "unexpected '+'" },
	{ "Ru:1.17;Co", QK_NONE, "malformed loading" },
	{ "Ru:abc", QK_NONE, "malformed loading" },
	{ "5 s^-1 s^-1", QK_NONE, "fits no quantity" },
	{ "1e999 MPa", QK_NONE, "pressure out of the range of numbers" },
	/* never infinity, zero or a 300-digit decimal: no entry could hold them */
	{ "1e-400 mmol g^-1 h^-1", QK_NONE, "rate per gram of catalyst out of the range of numbers" },
	{ "1e308 mol g^-1 h^-1", QK_NONE, "rate per gram of catalyst too large to store" },
	{ "1 x 10^300 s^-1", QK_NONE, "too large to store" },
	{ "1e-300 s^-1", QK_NONE, "turnover frequency too small to store" },
	{ "1e-20 kJ mol^-1", QK_NONE, "too small to store" },
	/* physically impossible */
	{ "-5 K", QK_NONE, "'-5 K' is a temperature below absolute zero" },
	{ "-300 " DEG "C", QK_NONE, "below absolute zero" },
	{ "-3 MPa", QK_NONE, "'-3 MPa' is a negative pressure" },
	{ "-2 nm", QK_NONE, "negative particle size" },
	{ "5 mmol g^-1 h^-1 at 400 " DEG "C", QK_NONE, "unexpected 'at 400 " DEG "C' after the quantity" },
	{ "5 mmol gg^-1 h^-1", QK_NONE, "unknown unit 'gg^-1'" },
	{ "2 x 10^ MPa", QK_NONE, "unknown unit 'x'" },
	{ "NaN MPa", QK_NONE, "no number" },
	{ "inf K", QK_NONE, "no number" },
	{ "0x10 MPa", QK_NONE, "unknown unit 'x10'" },
	{ "5 eV mol^-1", QK_NONE, "divides eV by mol" },
	{ "TOF_Ru 5 mL g^-1 h^-1", QK_NONE, "labelled turnover frequency" },
	{ "5 " DEG, QK_NONE, "unknown unit '" DEG "'" },
	{ "5 mmol", QK_NONE, "fits no quantity" },
	{ "4.34", QK_NONE, "no unit in '4.34'" },
	{ "4.34", QK_RATE_CAT, "no unit" },
	{ "8.54 mmol g^-1 h^-1, 4.60", QK_NONE, "unexpected ', 4.60'" },
	{ "400 " DEG "C and 1 MPa", QK_NONE, "unexpected 'and 1 MPa'" },
	{ "--5 MPa", QK_NONE, "no number" },
	{ "5 mm Hg", QK_NONE, "unit 'mm Hg' has a word that is no unit" },
	{ "60 000 mL g_Ru^-1 h^-1", QK_NONE, "fits no quantity" },
	{ "5 kmolar", QK_NONE, "unknown unit 'kmolar'" },
	{ "350 " DEG "C" DEG "C", QK_NONE, "unexpected '" DEG "C' after the quantity" },
	{ "\xFF" "5 MPa", QK_NONE, "no number" },
};

START_TEST(test_bad)
{
	const struct bad_case *c = &bad_cases[_i];
	struct quantity q;
	char err[512];
	ck_assert_msg(units_parse(c->text, c->expect, &q, err, sizeof(err)) == -1,
		      "'%s' was read as %s %g", c->text, quantity_kind_name(q.kind), q.values[0]);
	ck_assert_msg(strstr(err, c->msg) != NULL, "'%s': error '%s', expected '%s'", c->text, err, c->msg);
	ck_assert_int_eq(q.kind, QK_NONE);
}
END_TEST

/* The parts of a loading of several metals. */
START_TEST(test_loading_parts)
{
	struct quantity q;
	char err[256];
	ck_assert_int_eq(units_parse("1.17Ru + 0.41Co", QK_LOADING, &q, err, sizeof(err)), 0);
	ck_assert_uint_eq(q.nparts, 2);
	ck_assert_str_eq(q.parts[0].metal, "Ru");
	ck_assert_double_eq_tol(q.parts[0].wt, 1.17, 1e-12);
	ck_assert_str_eq(q.parts[1].metal, "Co");
	ck_assert_double_eq_tol(q.parts[1].wt, 0.41, 1e-12);
	ck_assert_int_eq(units_parse("Ru:1.05;Co:0.30", QK_NONE, &q, err, sizeof(err)), 0);
	ck_assert_uint_eq(q.nparts, 2);
	ck_assert_str_eq(q.parts[1].metal, "Co");
	ck_assert_double_eq_tol(q.parts[1].wt, 0.30, 1e-12);
	ck_assert_int_eq(units_parse("3.2 wt% Co", QK_NONE, &q, err, sizeof(err)), 0);
	ck_assert_uint_eq(q.nparts, 1);
	ck_assert_str_eq(q.parts[0].metal, "Co");
}
END_TEST

/* The span parsed points into the text given, raw or canonical. */
START_TEST(test_span)
{
	struct quantity q;
	char err[256];
	const char *t = "  8.54 mmol_{NH" SUB3 "} g_{cat}" M1 " h" M1;
	ck_assert_int_eq(units_parse(t, QK_NONE, &q, err, sizeof(err)), 0);
	ck_assert_uint_eq(q.start, 2);
	ck_assert_uint_eq(q.end, strlen(t));
}
END_TEST

/* --- units_scan on running canonical text -------------------------------- */

struct scan_case {
	const char *text;      /* raw; normalized before scanning */
	const char *at;        /* the value to scan at (first occurrence) */
	int found;
	enum quantity_kind kind;
	const char *span;      /* canonical text of the quantity */
	size_t n;
	double v0, v1;
	const char *metal;
};

static const struct scan_case scan_cases[] = {
	{ "rate of 8.54 mmol_{NH" SUB3 "} g_{cat}" M1 " h" M1 ", which is", "8.54", 1, R,
	  "8.54 mmol_NH3 g_cat^-1 h^-1", 1, 8.54, 0, "" },
	{ "At 350 " DEG " C and 1 MPa, the", "350", 1, T, "350 " DEG "C", 1, 350, 0, "" },
	{ "At 350 " DEG " C and 1 MPa, the", "1 MPa", 1, P, "1 MPa", 1, 1, 0, "" },
	{ "rates of 1.1 and 10.3 " MU " mol_{NH3} g_c" M1 " h" M1 " at 150 " DEG " C and 190 " DEG "C, respectively",
	  "1.1", 1, R, "1.1 and 10.3 umol_NH3 g_c^-1 h^-1", 2, 0.0011, 0.0103, "" },
	{ "at 150 " DEG " C and 190 " DEG "C, respectively", "150", 1, T, "150 " DEG "C and 190 " DEG "C",
	  2, 150, 190, "" },
	{ "At 523-648 K and 0.1 MPa,", "523", 1, T, "523-648 K", 2, 249.85, 374.85, "" },
	{ "the particle size was between 1.8 and 2.5 nm, the", "1.8", 1, SZ, "1.8 and 2.5 nm", 2, 1.8, 2.5, "" },
	{ "decreased from 5.0 nm to 1.4 nm, the", "5.0", 1, SZ, "5.0 nm", 1, 5.0, 0, "" },
	{ "decreased from 90 to 60 kJ mol" M1 " when", "90", 1, EA, "90 to 60 kJ mol^-1", 2, 90, 60, "" },
	{ "the TOF_{Ru} of 0.5Ru-SNC (0.067 s" M1 ") was", "0.067", 1, TOF, "0.067 s^-1", 1, 0.067, 0, "Ru" },
	{ "the TOF_{Ru} of 0.5Ru-SNC (0.067 s" M1 ") was", "0.5", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "was $2.53 \\times 10^{-2} \\text{ s}^{-1}$. When", "2.53", 1, TOF, "2.53 x 10^-2 s^-1", 1, 0.0253, 0, "" },
	{ "rate reached 1.3 mmol g_{Mo}^{-1} h" M1 ". Theoretical", "1.3", 1, RM, "1.3 mmol g_Mo^-1 h^-1", 1, 1.3, 0,
	  "Mo" },
	{ "WHSV of 30 L g_c" M1 " h^{-1},71", "30", 1, W, "30 L g_c^-1 h^-1", 1, 30000, 0, "" },
	{ "a GHSV of 36 000 h" M1 " was used", "36", 1, G, "36 000 h^-1", 1, 36000, 0, "" },
	{ "a space velocity of 36 000 h" M1 " was used", "36", 1, G, "36 000 h^-1", 1, 36000, 0, "" },
	{ "a WHSV of 2 h" M1 " was used", "2", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "TOF of 36 h" M1 " at", "36", 1, TOF, "36 h^-1", 1, 0.01, 0, "" },
	{ "(4.32 kW h L^{-1}), high", "4.32", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "(121 kg m^{-3}) hydrogen", "121", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "barrier of 2.90 eV, while", "2.90", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "at 450 rpm for 20 h (Fig. 3g)", "450", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "at 450 rpm for 20 h (Fig. 3g)", "20", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "atmosphere of 25% N" SUB2 "-75% D" SUB2, "25", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "Co" SUB2 " ACCs", "2", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "WHSV/(mL g^{-1} h^{-1})", "1 h", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "\t(" MU "mol g" MINUS "1 h" MINUS "1)\t(h" MINUS "1)", "1 h", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "the Ru-2.8 nm catalyst", "2.8", 1, SZ, "2.8 nm", 1, 2.8, 0, "" },
	{ "- 2 K. Mazloomi and C. Gomes", "2", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "- 74 C. Smith", "74", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "at 673 K. The TOF", "673", 1, T, "673 K", 1, 399.85, 0, "" },
	{ "\t1.17Ru + 0.41Co\t400\t", "1.17", 1, LD, "1.17Ru + 0.41Co", 1, 1.58, 0, "" },
	{ "with 0.2 wt% Ru exhibited", "0.2", 1, LD, "0.2 wt% Ru", 1, 0.2, 0, "Ru" },
	{ "(80-130 kJ mol" M1 "),66,67 indicating", "80", 1, EA, "80-130 kJ mol^-1", 2, 80, 130, "" },
	{ "~1.8- and 3.3-fold that of", "1.8", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "obtained at 450, 550 and 650 " DEG "C, respectively", "450", 1, T, "450, 550 and 650 " DEG "C", 3, 450,
	  550, "" },
	{ "high pressures (15-30 MPa). The", "15", 1, P, "15-30 MPa", 2, 15, 30, "" },
	{ "673 K and 100 bar, the", "100", 1, P, "100 bar", 1, 10, 0, "" },
	{ "4.60 mmol_{NH" SUB3 "} g_{cat}" M1 " h" M1 ")", "4.60", 1, R, "4.60 mmol_NH3 g_cat^-1 h^-1", 1, 4.6, 0, "" },
	{ "1.8 nm.^{33,42,43} In", "1.8", 1, SZ, "1.8 nm", 1, 1.8, 0, "" },
	{ "the NH" SUB3 " synthesis rate", "3", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "heated at 10 " DEG "C min" MINUS "1 to 500 " DEG "C", "10", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "heated at 10 " DEG "C/min to 500 " DEG "C", "10", 0, QK_NONE, "", 0, 0, 0, "" },
	{ "heated at 10 " DEG "C/min to 500 " DEG "C", "500", 1, T, "500 " DEG "C", 1, 500, 0, "" },
	{ "at 300~400 " DEG "C and", "300", 1, T, "300~400 " DEG "C", 2, 300, 400, "" },
	{ "rate of 8.54 mmol/g h at", "8.54", 1, R, "8.54 mmol/g h", 1, 8.54, 0, "" },
	{ "5 nm Ru/CeO2", "5", 1, SZ, "5 nm", 1, 5, 0, "" },
	{ "5 wt% Ru/CeO2", "5", 1, LD, "5 wt% Ru", 1, 5, 0, "Ru" },
	{ "TOF of 2.5 " TIMES " 10" MINUS "3 s" MINUS "1 at", "2.5", 1, TOF, "2.5 x 10-3 s-1", 1, 0.0025, 0, "" },
};

START_TEST(test_scan)
{
	const struct scan_case *c = &scan_cases[_i];
	struct normtext nt = NORMTEXT_INIT;
	struct quantity q;
	const char *hit;
	size_t pos;
	int found;
	normalize_text(c->text, strlen(c->text), &nt);
	hit = strstr(nt.text, c->at);
	ck_assert_msg(hit != NULL, "'%s' not in '%s'", c->at, nt.text);
	pos = (size_t)(hit - nt.text);
	found = units_scan(nt.text, nt.len, pos, &q);
	ck_assert_msg(found == c->found, "'%s' at '%s': found %d", nt.text, c->at, found);
	if (found) {
		ck_assert_msg(q.kind == c->kind, "'%s': kind %s", nt.text, quantity_kind_name(q.kind));
		ck_assert_uint_eq(q.start, pos);
		ck_assert_msg(q.end - q.start == strlen(c->span) && memcmp(nt.text + q.start, c->span, q.end - q.start) == 0,
			      "'%s': span '%.*s', expected '%s'", nt.text, (int)(q.end - q.start), nt.text + q.start,
			      c->span);
		ck_assert_uint_eq(q.nvalues, c->n);
		ck_assert_msg(fabs(q.values[0] - c->v0) <= 1e-9 * fabs(c->v0), "value %.17g", q.values[0]);
		if (c->n > 1)
			ck_assert_msg(fabs(q.values[1] - c->v1) <= 1e-9 * fabs(c->v1), "value %.17g", q.values[1]);
		ck_assert_str_eq(q.metal, c->metal);
	}
	normtext_release(&nt);
}
END_TEST

/* Scanning never reads past len, even when the text goes on. */
START_TEST(test_scan_bounds)
{
	const char *t = "8.54 mmol g^-1 h^-1";
	struct quantity q;
	ck_assert_int_eq(units_scan(t, 9, 0, &q), 0);         /* "8.54 mmol" */
	ck_assert_int_eq(units_scan(t, 14, 0, &q), 0);        /* "8.54 mmol g^-1" */
	ck_assert_int_eq(units_scan(t, strlen(t), 0, &q), 1);
	ck_assert_uint_eq(q.end, strlen(t));
	ck_assert_int_eq(units_scan(t, strlen(t), strlen(t), &q), 0);
	ck_assert_int_eq(units_scan(t, strlen(t), 4, &q), 0);  /* at a space */
	ck_assert_int_eq(units_scan("1 MPa", 5, 0, &q), 1);
	ck_assert_int_eq(units_scan("1 MP", 4, 0, &q), 0);
}
END_TEST

/* --- units_lookup: units alone, as table headers give them ---------------- */

struct lookup_case {
	const char *text;
	enum quantity_kind kind;   /* QK_NONE: must be unknown */
	double value, canonical;   /* units_convert(value) */
	const char *metal;
};

static const struct lookup_case lookup_cases[] = {
	{ "(mmol_{ m NH_3} g_{ m cat}^{-1} h^{-1})", R, 4.34, 4.34, "" },
	{ "$ m NH_3$ synthesis rate (mmol_{ m NH_3} g_{ m cat}^{-1} h^{-1})", R, 4.34, 4.34, "" },
	{ "$\\frac{WHSV}{(mL g^{-1} h^{-1})}$", W, 60000, 60000, "" },
	{ "Temperature (" DEG "C)", T, 350, 350, "" },
	{ "(" DEG "C)", T, 350, 350, "" },
	{ DEG "C", T, 350, 350, "" },
	{ "T (K)", T, 673, 399.85, "" },
	{ "Pressure (MPa)", P, 1, 1, "" },
	{ "P (bar)", P, 10, 1, "" },
	{ "Metal content (wt%)", LD, 3.8, 3.8, "" },
	{ "Loading (%)", LD, 3.8, 3.8, "" },
	{ "TOF (s" M1 ")", TOF, 0.124, 0.124, "" },
	{ "TOF (h" M1 ")", TOF, 3600, 1, "" },
	{ "GHSV (h" M1 ")", G, 36000, 36000, "" },
	{ "Ea (kJ mol" M1 ")", EA, 38, 38, "" },
	{ "E_a (kcal/mol)", EA, 10, 41.84, "" },
	{ "Rate (" MU "mol g" M1 " h" M1 ")", R, 8540, 8.54, "" },
	{ "r_NH3 (mmol g_{Ru}^{-1} h^{-1})", RM, 85.3, 85.3, "Ru" },
	{ "Size (nm)", SZ, 1.4, 1.4, "" },
	{ "mL g^-1 h^-1", W, 60000, 60000, "" },
	{ "T [K]", T, 673, 399.85, "" },
	{ "T/K", T, 673, 399.85, "" },
	{ "P/MPa", P, 1, 1, "" },
	{ "Rate/mmol g" MINUS "1 h" MINUS "1", R, 4.34, 4.34, "" },
	{ "GHSV/h" MINUS "1", G, 36000, 36000, "" },
	{ "TOF/min" MINUS "1", TOF, 60, 1, "" },
	{ "Ru loading (wt.%)", LD, 1.17, 1.17, "" },
	{ "Conversion (%)", QK_NONE, 0, 0, "" },
	{ "Selectivity/%", QK_NONE, 0, 0, "" },
	{ "(furlongs)", QK_NONE, 0, 0, "" },
	{ "Catalyst", QK_NONE, 0, 0, "" },
	{ "Ref.", QK_NONE, 0, 0, "" },
	{ "(%)", QK_NONE, 0, 0, "" },
	{ "", QK_NONE, 0, 0, "" },
};

START_TEST(test_lookup)
{
	const struct lookup_case *c = &lookup_cases[_i];
	enum quantity_kind k;
	const struct unit_def *u = units_lookup(c->text, &k);
	if (c->kind == QK_NONE) {
		ck_assert_msg(u == NULL, "'%s' was known as %s", c->text, quantity_kind_name(k));
		ck_assert_int_eq(k, QK_NONE);
		return;
	}
	ck_assert_msg(u != NULL, "'%s' unknown", c->text);
	ck_assert_msg(k == c->kind, "'%s': kind %s", c->text, quantity_kind_name(k));
	ck_assert_msg(fabs(units_convert(u, c->value) - c->canonical) <= 1e-9 * fabs(c->canonical),
		      "'%s': %.17g", c->text, units_convert(u, c->value));
	ck_assert_str_eq(units_def_metal(u), c->metal);
	/* the same unit twice is the same definition */
	ck_assert_ptr_eq(units_lookup(c->text, &k), u);
}
END_TEST

/* --- numbers alone ------------------------------------------------------------ */

struct number_case {
	const char *text;
	int ok;
	double v;
};

static const struct number_case number_cases[] = {
	{ "4.34", 1, 4.34 },
	{ "60 000", 1, 60000 },
	{ "60" NBSP "000", 1, 60000 },
	{ "$24\\ 000$", 1, 24000 },
	{ "$10.3 imes10^{-3}$", 1, 0.0103 },
	{ "$2.53 \\times 10^{-2}$", 1, 0.0253 },
	{ "5.23" TIMES "10^{-2}", 1, 0.0523 },
	{ "1.2 " TIMES " 10" SUP4, 1, 12000 },
	{ MINUS "5", 1, -5 },
	{ " 0.026 ", 1, 0.026 },
	{ "8.0" TIMES "10^3", 1, 8000 },
	{ "1,000", 1, 1000 },
	{ "_", 0, 0 },
	{ "", 0, 0 },
	{ "1.17Ru + 0.41Co", 0, 0 },
	{ "1,5", 1, 1.5 },      /* a decimal comma where no thousands group can stand */
	{ "1,5,7", 0, 0 },      /* a list */
	{ "0 360", 0, 0 },      /* no thousands group after a lone 0 */
	{ "0,360", 1, 0.36 },
	{ "4.34 mmol", 0, 0 },
	{ "abc", 0, 0 },
	{ "1e999", 0, 0 },
	{ "1e-999", 0, 0 },
};

START_TEST(test_number)
{
	const struct number_case *c = &number_cases[_i];
	double v = -1;
	int rc = units_number(c->text, &v);
	ck_assert_msg((rc == 0) == c->ok, "'%s': rc %d", c->text, rc);
	if (c->ok)
		ck_assert_msg(fabs(v - c->v) <= 1e-9 * fabs(c->v), "'%s': %.17g", c->text, v);
}
END_TEST

/* --- properties ------------------------------------------------------------------ */

/* A small deterministic generator, so a failure can be replayed. */
static unsigned long rng_state = 12345;
static double rng_value(void)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	/* 1e-4 .. 1e5, log-uniform, with up to 17 significant digits */
	return pow(10, -4 + 9.0 * (double)(rng_state >> 11) / 9007199254740992.0);
}

static const char *const property_units[] = {
	"mmol g^-1 h^-1", "umol g^-1 h^-1", "mol kg^-1 h^-1", "umol g^-1 min^-1", "mg NH3 g^-1 h^-1",
	"mmol g_Co^-1 h^-1", "umol g_Ru^-1 s^-1", "s^-1", "h^-1", "min^-1", "mol_NH3 mol_Ru^-1 h^-1",
	DEG "C", "K", DEG "F", "MPa", "bar", "atm", "kPa", "Torr", "psi", "mL g^-1 h^-1",
	"L g^-1 h^-1", "cm^3 g^-1 min^-1", "kJ mol^-1", "kcal mol^-1", "J/mol", "eV", "wt%", "nm",
	ANGSTROM, "pm",
};

/* to canonical and back gives the input value */
START_TEST(test_property_round_trip)
{
	enum quantity_kind k;
	const struct unit_def *u = units_lookup(property_units[_i], &k);
	int i;
	ck_assert_msg(u != NULL, "'%s' unknown", property_units[_i]);
	for (i = 0; i < 2000; i++) {
		/* temperatures from 1 K up: an affine conversion keeps 10 decimals */
		double v = k == QK_TEMPERATURE ? 1 + rng_value() : rng_value();
		double back = units_convert_back(u, units_convert(u, v));
		ck_assert_msg(fabs(back - v) <= 1e-9 * fabs(v), "'%s': %.17g -> %.17g -> %.17g",
			      property_units[_i], v, units_convert(u, v), back);
	}
}
END_TEST

/* parsing "V UNIT" gives the same as converting V: the text path agrees */
START_TEST(test_property_parse_matches_convert)
{
	enum quantity_kind k;
	const struct unit_def *u = units_lookup(property_units[_i], &k);
	int i;
	for (i = 0; i < 300; i++) {
		char text[128], num[NUM_BUFSZ], err[256];
		struct quantity q;
		double v = k == QK_TEMPERATURE ? 1 + rng_value() : rng_value();
		snprintf(text, sizeof(text), "%s %s", num_format(v, num), property_units[_i]);
		num_parse(num, &v);
		ck_assert_msg(units_parse(text, k, &q, err, sizeof(err)) == 0, "'%s': %s", text, err);
		ck_assert_msg(fabs(q.values[0] - units_convert(u, v)) <= 1e-9 * fabs(units_convert(u, v)),
			      "'%s': %.17g vs %.17g", text, q.values[0], units_convert(u, v));
	}
}
END_TEST

/* per metal -> per catalyst -> per metal gives the input, at any loading */
START_TEST(test_property_metal_cat)
{
	int i;
	for (i = 0; i < 5000; i++) {
		double v = rng_value(), wt = rng_value() / 1000.0;   /* 1e-7 .. 100 wt% */
		double cat = rate_metal_to_cat(v, wt), back = rate_cat_to_metal(cat, wt);
		ck_assert_msg(fabs(back - v) <= 1e-9 * v, "%.17g at %.17g wt%%: %.17g", v, wt, back);
		back = rate_metal_to_cat(rate_cat_to_metal(v, wt), wt);
		ck_assert_msg(fabs(back - v) <= 1e-9 * v, "%.17g at %.17g wt%%: %.17g", v, wt, back);
	}
	/* the review's cross-checks */
	ck_assert_double_eq_tol(rate_metal_to_cat(85.3, 3.2), 2.7296, 1e-12);
	ck_assert_double_eq_tol(rate_metal_to_cat(1.3, 2.0), 0.026, 1e-12);
}
END_TEST

/* --- locale ------------------------------------------------------------------------ */

/*
 * A comma-decimal LC_NUMERIC must change nothing.  de_DE.UTF-8 is made
 * with localedef into a scratch folder when the system lacks it.
 */
static char locale_dir[] = "/tmp/nh3cat-locale.XXXXXX";
static int locale_dir_made;

static int set_comma_locale(void)
{
	static const char *const names[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "de_DE" };
	char *dir = locale_dir, cmd[256];
	size_t i;
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (setlocale(LC_ALL, names[i]) && localeconv()->decimal_point[0] == ',')
			return 0;
	if (!mkdtemp(dir))
		return -1;
	locale_dir_made = 1;
	snprintf(cmd, sizeof(cmd), "localedef -i de_DE -f UTF-8 %s/de_DE.UTF-8 >/dev/null 2>&1", dir);
	if (system(cmd) != 0 && access(dir, F_OK) != 0)
		return -1;
	setenv("LOCPATH", dir, 1);
	if (setlocale(LC_ALL, "de_DE.UTF-8") && localeconv()->decimal_point[0] == ',')
		return 0;
	return -1;
}

START_TEST(test_locale)
{
	struct quantity q;
	char err[256];
	double v, in_c[ARRAY_SIZE(ok_cases)];
	size_t i;
	for (i = 0; i < ARRAY_SIZE(ok_cases); i++) {
		ck_assert_int_eq(units_parse(ok_cases[i].text, ok_cases[i].expect, &q, err, sizeof(err)), 0);
		in_c[i] = q.values[0];
	}
	ck_assert_msg(set_comma_locale() == 0, "no comma-decimal locale could be set or made");
	/* the C library itself now reads commas: proof that the locale is live */
	ck_assert_double_eq(strtod("1,5", NULL), 1.5);
	for (i = 0; i < ARRAY_SIZE(ok_cases); i++) {
		const struct ok_case *c = &ok_cases[i];
		ck_assert_msg(units_parse(c->text, c->expect, &q, err, sizeof(err)) == 0, "'%s': %s", c->text, err);
		ck_assert_msg(q.values[0] == in_c[i], "'%s': %.17g, in the C locale %.17g", c->text,
			      q.values[0], in_c[i]);
	}
	/* commas by nh3cat's rule, not the locale's: a thousands group stays one */
	ck_assert_int_eq(units_parse("1,500 MPa", QK_NONE, &q, err, sizeof(err)), 0);
	ck_assert_double_eq(q.values[0], 1500);
	ck_assert_int_eq(units_number("2.53e-2", &v), 0);
	ck_assert_double_eq_tol(v, 0.0253, 1e-15);
	setlocale(LC_ALL, "C");
	if (locale_dir_made) {
		char cmd[256];
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", locale_dir);
		ck_assert_int_eq(system(cmd), 0);
	}
}
END_TEST

/* --- hostile input ------------------------------------------------------------------ */

/* Pieces that random text is made of: units, LaTeX, Unicode, broken bytes. */
static const char *const pieces[] = {
	"1", "8.54", "60 000", "-", "+", ".", ",", " ", "  ", "\t", "\n", "mmol", "g", "h", "s", "K", "C",
	"MPa", "wt%", "%", "nm", "_", "^", "{", "}", "$", "\\", "\\times", "\\text{", "\\frac{",
	"x", "10^", "-1", "^{-1}", "_{cat}", "_{NH", M1, SUB3, DEG, TIMES, MU, MINUS, NDASH, NBSP, "cat",
	"Co", "Ru", "+ 0.41Co", "and", " to ", "between ", "GHSV", "TOF_", "imes", " m ", "e", "E", "(",
	")", "/", "\xFF", "\xE2\x82", "\xC2", "\xF0\x9F\x98\x80", "\xC2\xA9", "atmospheric pressure",
};

static unsigned long hostile_state = 987654321;
static size_t hostile_next(size_t n)
{
	hostile_state = hostile_state * 6364136223846793005UL + 1442695040888963407UL;
	return (size_t)(hostile_state >> 33) % n;
}

/* Whatever the text, the module answers (0 or -1, a message), in bounds. */
START_TEST(test_hostile)
{
	int round;
	for (round = 0; round < 3000; round++) {
		char text[512], err[256];
		size_t len = 0, k, n = hostile_next(24), i;
		struct quantity q;
		struct normtext nt = NORMTEXT_INIT;
		int rc;
		for (k = 0; k < n; k++) {
			const char *p = pieces[hostile_next(ARRAY_SIZE(pieces))];
			size_t pl = strlen(p);
			if (len + pl >= sizeof(text))
				break;
			memcpy(text + len, p, pl);
			len += pl;
		}
		text[len] = '\0';
		rc = units_parse(text, (enum quantity_kind)hostile_next(QK_NKINDS), &q, err, sizeof(err));
		ck_assert(rc == 0 || rc == -1);
		if (rc == 0) {
			ck_assert(q.kind > QK_NONE && q.kind < QK_NKINDS);
			ck_assert(q.nvalues >= 1 && q.nvalues <= QTY_MAX_VALUES);
			ck_assert_uint_le(q.end, len);
		} else {
			ck_assert_msg(err[0] != '\0', "no message for '%s'", text);
		}
		normalize_text(text, len, &nt);
		for (i = 0; i < nt.len; i++) {
			ck_assert_uint_lt(nt.map[i], len);
			if (nt.text[i] >= '0' && nt.text[i] <= '9' && units_scan(nt.text, nt.len, i, &q)) {
				ck_assert_uint_eq(q.start, i);
				ck_assert_uint_le(q.end, nt.len);
				ck_assert_uint_gt(q.end, q.start);
			}
		}
		normtext_release(&nt);
	}
}
END_TEST

static Suite *units_suite(void)
{
	Suite *s = suite_create("units");
	TCase *tc = tcase_create("core");
	TCase *tp = tcase_create("properties");
	tcase_add_loop_test(tc, test_ok, 0, (int)ARRAY_SIZE(ok_cases));
	tcase_add_loop_test(tc, test_bad, 0, (int)ARRAY_SIZE(bad_cases));
	tcase_add_test(tc, test_loading_parts);
	tcase_add_test(tc, test_span);
	tcase_add_loop_test(tc, test_scan, 0, (int)ARRAY_SIZE(scan_cases));
	tcase_add_test(tc, test_scan_bounds);
	tcase_add_test(tc, test_hostile);
	tcase_add_loop_test(tc, test_lookup, 0, (int)ARRAY_SIZE(lookup_cases));
	tcase_add_loop_test(tc, test_number, 0, (int)ARRAY_SIZE(number_cases));
	suite_add_tcase(s, tc);
	tcase_add_loop_test(tp, test_property_round_trip, 0, (int)ARRAY_SIZE(property_units));
	tcase_add_loop_test(tp, test_property_parse_matches_convert, 0, (int)ARRAY_SIZE(property_units));
	tcase_add_test(tp, test_property_metal_cat);
	tcase_add_test(tp, test_locale);
	tcase_set_timeout(tp, 60);
	suite_add_tcase(s, tp);
	return s;
}

int main(void)
{
	return test_run_suite(units_suite());
}
