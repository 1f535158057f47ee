/*
 * check_extract_real.c: unit tests of the extractor on text as real papers
 * print it: each case is one general rule a reader of scientific text
 * would state (quantities as printed, tables in text, naming and
 * conditions, what is about ammonia synthesis and what is not), pinned by
 * a small text and the entries it must give.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entry.h"
#include "testlib.h"

/* Text (read as name), then for each expected entry: "catalyst|column=value|...". */
struct real_case {
	const char *name;
	const char *text;
	const char *want[8];
};

#define DEG "\xC2\xB0"
#define MINUS "\xE2\x88\x92"

static const struct real_case cases[] = {
	/* --- relevance: only what is about thermocatalytic NH3 synthesis --- */
	/* a document on another reaction gives nothing, whatever its numbers */
	{ "t.txt", "Ammonia decomposition over Ru/Al2O3 is fast. The decomposition rate of Ru/Al2O3 "
	  "was 30 mmol g^-1 h^-1 at 500 " DEG "C, and its TOF was 2.1 s^-1 at 450 " DEG "C.", { NULL } },
	/* a sentence on another process in a synthesis paper gives nothing; the synthesis one does */
	{ "t.txt", "NH3 synthesis over Ru/CeO2 gave 4.2 mmol g^-1 h^-1 at 400 " DEG "C. For NH3 "
	  "decomposition, Ru/CeO2 showed an activation energy of 120 kJ mol^-1 and a TOF of 3 s^-1.",
	  { "Ru/CeO2|rate_mmol_gcat_h=4.2|temperature_C=400", NULL } },
	/* a table whose caption names another process gives no rows */
	{ "t.txt", "Ammonia synthesis on Ru/C is reported elsewhere.\n\n"
	  "Table 1. Corrosion of Fe-Cr steels in NH3 water.\n"
	  "Sample\tRate (mmol g-1 h-1)\nFe-Cr/C\t0.31\nFe-Ni/C\t0.12\n", { NULL } },
	/* a table saying nothing of NH3, with a "rate" of no unit, in a paper not on NH3 synthesis */
	{ "t.txt", "Glass structure from molecular dynamics, with NH3 as a probe.\n\n"
	  "Table 2. Bond distances.\nSample\tRate\tP (MPa)\nCo-O/Si\t1.93\t0.1\n", { NULL } },
	/* a rate beside an electrode's quantities (per cm^2, a current density) is electrochemical */
	{ "t.txt", "NH3 synthesis over Ru/MgO gave 2.0 mmol g^-1 h^-1 at 400 " DEG "C. Over CuCo/C the NH3 "
	  "production rate reached 4.8 mmol cm" MINUS "2 h" MINUS "1 (960 mmol gcat" MINUS "1 h" MINUS "1).",
	  { "Ru/MgO|rate_mmol_gcat_h=2", NULL } },
	/* a value under an applied electric field is no thermocatalytic one */
	{ "t.txt", "NH3 synthesis over Ru/MgO gave 2.0 mmol g^-1 h^-1 at 400 " DEG "C. Application of an "
	  "electric field lowered the apparent activation energy of Ru/SrZrO3 from 121 to 37 kJ mol" MINUS "1.",
	  { "Ru/MgO|rate_mmol_gcat_h=2", NULL } },
	/* a paper that never names ammonia, on sintering, gives nothing */
	{ "t.txt", "Sintering of W-Cr alloys. The activation energy of sintering of W-15 was 373 kJ mol" MINUS
	  "1.\n\nSintering of Cr-15 needed 258 kJ mol" MINUS "1, with grain growth above 1400 " DEG "C.", { NULL } },
	/* a bound is no value; a concentration of another gas is no NH3 outlet concentration */
	{ "t.txt", "For NH3 synthesis, Ru/AC gave less than 0.1 mmol g^-1 h^-1 at 400 " DEG "C.\n\n"
	  "Ru/C ran for 300 h at 400 " DEG "C; CH4 in the effluent remained at 5 ppm.", { NULL } },
	/* --- quantities as printed, in sentences --- */
	/* a bare h^-1 of thousands is a space velocity, never a TOF */
	{ "t.txt", "NH3 synthesis: the TOF of Ru/MgO was measured at 400 " DEG "C and 60000 h" MINUS "1.",
	  { NULL } },
	{ "t.txt", "For NH3 synthesis, the TOF of Ru/MgO was 3.6 x 10(-3) s(-1) at 400 " DEG "C.",
	  { "Ru/MgO|tof_s=0.0036|temperature_C=400", NULL } },
	{ "t.txt", "NH3 synthesis rates of Ru/CeO2 reached 1250 \xC2\xB5mol NH 3 g " MINUS "1 h " MINUS
	  "1 at 450 \xE2\x80\xA2 C and 1 Mpa.",
	  { "Ru/CeO2|rate_mmol_gcat_h=1.25|temperature_C=450|pressure_MPa=1", NULL } },
	{ "t.md", "Ammonia synthesis over Co/MgO: 3.1 &micro;mol g<sup>&#8722;1</sup> s<sup>-1</sup> "
	  "at 500 o C.", { "Co/MgO|rate_mmol_gcat_h=11.16|temperature_C=500", NULL } },
	/* values with their unit in brackets after them */
	{ "t.txt", "For NH3 synthesis, the rates of Ru/BaO and Ru/MgO were 4900 and 3720 (\xC2\xB5mol g" MINUS "1 h"
	  MINUS "1) at 623 K, respectively.",
	  { "Ru/BaO|rate_mmol_gcat_h=4.9|temperature_C=349.85", "Ru/MgO|rate_mmol_gcat_h=3.72", NULL } },
	/* subscripts in parentheses as PubMed prints them */
	{ "t.txt", "The Ru-loaded catalyst Ru/BaTiO(2.5)H(0.5)-TiH(2) exhibited high ammonia synthesis activity "
	  "(3.05 mmol-NH(3) g(" MINUS "1) h(" MINUS "1) at 400 " DEG "C).",
	  { "Ru/BaTiO2.5H0.5-TiH2|rate_mmol_gcat_h=3.05|temperature_C=400", NULL } },
	/* kgf/cm2 for pressure; decimal commas where no thousands separator can stand */
	{ "t.txt", "For NH3 synthesis, Fe-K2O/Al2O3 gave 3,5 mmol g" MINUS "1 h" MINUS "1 at 450 " DEG "C and "
	  "100 kgf/cm2 (GHSV 60,000 h" MINUS "1). The activation energy of Fe-K2O/Al2O3 was 62,5 kJ mol" MINUS "1.",
	  { "Fe-K2O/Al2O3|rate_mmol_gcat_h=3.5|temperature_C=450|pressure_MPa=9.80665|tof_s=",
	    "Fe-K2O/Al2O3|ea_kJ_mol=62.5", NULL } },
	/* --- tables in text --- */
	/*
	 * columns aligned with spaces (pdftotext -layout): a missing cell
	 * leaves its column empty; units in the headers, a footnote mark, a
	 * dash for none, an uncertainty, conditions in a footnote
	 */
	{ "t.txt", "Ammonia synthesis over Ru/CeO2.\n\n"
	  "Table 2. NH3 synthesis rates of the Ru/CeO2 catalysts.\n\n"
	  "  Catalyst        Ru loading (wt%)   T (K)    Rate (\xC2\xB5mol g" MINUS "1 h" MINUS "1)   Ea (kJ mol" MINUS "1)\n"
	  "  Ru/CeO2-r       1.0                673      4350                  72\n"
	  "  Ru/CeO2-c       1.0                673      2110\xE1\xB5\x83                 \xE2\x80\x93\n"
	  "  Ru/CeO2-o                          623      980 \xC2\xB1 20              85\n\n"
	  "  a Measured at 1 MPa.\n",
	  { "Ru/CeO2-r|loading_wt=1.0|temperature_C=399.85|pressure_MPa=1|rate_mmol_gcat_h=4.35|ea_kJ_mol=72",
	    "Ru/CeO2-c|rate_mmol_gcat_h=2.11|ea_kJ_mol=",
	    "Ru/CeO2-o|loading_wt=|temperature_C=349.85|rate_mmol_gcat_h=0.98|ea_kJ_mol=85", NULL } },
	/*
	 * one cell per line, as plain pdftotext prints a table: headers then
	 * rows; headers then column by column; each column under its header
	 * (the reading that keeps each column's numbers alike)
	 */
	{ "t.txt", "Ammonia synthesis over Ru/CeO2.\n\nTable 2. NH3 synthesis rates.\nCatalyst\nRate\n(\xC2\xB5mol g" MINUS "1 h"
	  MINUS "1)\nTOF (s" MINUS "1)\nRu/CeO2-r\n4350\n0.012\nRu/CeO2-c\n2110\n\xE2\x80\x93\n\nThe rates follow the "
	  "oxygen vacancies of the supports, as Raman spectra show.\n",
	  { "Ru/CeO2-r|rate_mmol_gcat_h=4.35|tof_s=0.012", "Ru/CeO2-c|rate_mmol_gcat_h=2.11|tof_s=", NULL } },
	{ "t.txt", "Ammonia synthesis over Ru/CeO2.\n\nTable 2. NH3 synthesis rates.\n\nCatalyst\nRate (\xC2\xB5mol g" MINUS
	  "1 h" MINUS "1)\nTOF (s" MINUS "1)\nRu/CeO2-r\nRu/CeO2-c\nRu/CeO2-o\n4350\n2110\n980\n0.012\n0.010\n0.008\n",
	  { "Ru/CeO2-r|rate_mmol_gcat_h=4.35|tof_s=0.012", "Ru/CeO2-c|rate_mmol_gcat_h=2.11|tof_s=0.01",
	    "Ru/CeO2-o|rate_mmol_gcat_h=0.98|tof_s=0.008", NULL } },
	{ "t.txt", "Ammonia synthesis over Ru/CeO2.\n\nTable 2. NH3 synthesis rates.\n\nCatalyst\nRu/CeO2-r\nRu/CeO2-c\n\n"
	  "Rate (\xC2\xB5mol g" MINUS "1 h" MINUS "1)\n4350\n2110\n\nTOF (s" MINUS "1)\n0.012\n0.010\n\n"
	  "a Reaction conditions: 400 " DEG "C, 1 MPa.\n",
	  { "Ru/CeO2-r|rate_mmol_gcat_h=4.35|tof_s=0.012|temperature_C=400|pressure_MPa=1",
	    "Ru/CeO2-c|rate_mmol_gcat_h=2.11|tof_s=0.01", NULL } },
	/* an HTML table in Markdown: inline tags in headers and cells, a footnote in <sup> */
	{ "t.md", "# Ammonia synthesis over promoted Ru\n\nTable 1. NH3 synthesis over the catalysts.\n\n"
	  "<table><tr><th>Catalyst</th><th>Rate (&mu;mol g<sup>-1</sup> h<sup>-1</sup>)</th>"
	  "<th>TOF (s<sup>" MINUS "1</sup>)</th></tr>\n<tr><td>Ru/MgO</td><td>1,250</td><td>0,012</td></tr>\n"
	  "<tr><td rowspan=\"1\">Cs-Ru/MgO</td><td>4,310<sup>a</sup></td><td>\xE2\x80\x93</td></tr></table>\n\n"
	  "<sup>a</sup> At 400 " DEG "C and 1 MPa.\n",
	  { "Ru/MgO|rate_mmol_gcat_h=1.25|tof_s=0.012|temperature_C=400|pressure_MPa=1",
	    "Cs-Ru/MgO|rate_mmol_gcat_h=4.31|tof_s=", NULL } },
	/* --- naming --- */
	/* a compound named as the catalyst, then "the catalyst" */
	{ "t.txt", "For ammonia synthesis we report a stable catalyst, cubic CaFH, a solid solution of "
	  "CaF2 and CaH2. The catalyst produced ammonia at 50 " DEG "C with an activation energy of "
	  "20 kJ mol-1.", { "CaFH|ea_kJ_mol=20|metals=", NULL } },
	/* a loading before the name, with or without "wt" */
	{ "t.txt", "For NH3 synthesis, a 2.5 % Ru/MgAl2O4 catalyst gave 5.5 mmol g^-1 h^-1 and "
	  "5%Co/C gave 0.5 mmol g^-1 h^-1 at 350 " DEG "C.",
	  { "Ru/MgAl2O4|loading_wt=2.5|rate_mmol_gcat_h=5.5", "Co/C|loading_wt=5|rate_mmol_gcat_h=0.5", NULL } },
	/* a loading written before one name is not the loading of another catalyst of the sentence */
	{ "t.txt", "For NH3 synthesis, 5 wt% Ru/MgO gave 3.4 mmol g^-1 h^-1, more than Ru/Al2O3 "
	  "(1.2 mmol g^-1 h^-1).",
	  { "Ru/MgO|loading_wt=5|rate_mmol_gcat_h=3.4", "Ru/Al2O3|loading_wt=|rate_mmol_gcat_h=1.2", NULL } },
	/*
	 * a loading stated elsewhere for one catalyst fills its entries; one of
	 * another element, or of two catalysts at once, fills none
	 */
	{ "t.txt", "Ammonia synthesis over Ru catalysts.\n\nThe Ru loading of Ru/CeO2 was 1.0 wt% by ICP. Ru/Pr2O3 "
	  "(5.0 wt%) was made the same way. Ru/MgO had a Ba loading of 5 wt%. Ru/La2O3 and Ru/Y2O3 contained 2 wt% Ru.\n\n"
	  "Ru/CeO2 gave 4.2 mmol g^-1 h^-1 at 400 " DEG "C; Ru/Pr2O3 gave 3.1 mmol g^-1 h^-1, Ru/MgO 1.1 mmol g^-1 h^-1 "
	  "and Ru/La2O3 0.9 mmol g^-1 h^-1.",
	  { "Ru/CeO2|loading_wt=1|rate_mmol_gcat_h=4.2", "Ru/Pr2O3|loading_wt=5|rate_mmol_gcat_h=3.1",
	    "Ru/MgO|loading_wt=|rate_mmol_gcat_h=1.1", "Ru/La2O3|loading_wt=|rate_mmol_gcat_h=0.9", NULL } },
	/* a loading is no other paper's: not given to a value cited from one, nor taken from a sentence citing one */
	{ "t.txt", "For ammonia synthesis, Ru/CeO2 (1.0 wt% Ru) was made here. Earlier, Ru/CeO2 gave 9.0 mmol g^-1 h^-1 "
	  "[5]. Ru/MgO (3 wt% Ru) gave 4.0 mmol g^-1 h^-1 [4].\n\nOur Ru/CeO2 gave 2.0 mmol g^-1 h^-1 and Ru/MgO "
	  "gave 1.0 mmol g^-1 h^-1.",
	  { "Ru/CeO2|loading_wt=|ref=5|rate_mmol_gcat_h=9", "Ru/MgO|loading_wt=3|ref=4|rate_mmol_gcat_h=4",
	    "Ru/CeO2|loading_wt=1|rate_mmol_gcat_h=2", "Ru/MgO|loading_wt=|rate_mmol_gcat_h=1", NULL } },
	/*
	 * a particle size stated elsewhere for one catalyst fills its entries;
	 * a pore's size, a size stated twice with two values, and one stated
	 * with a citation fill none
	 */
	{ "t.txt", "Ammonia synthesis over Ru catalysts.\n\nTEM showed that Ru/CeO2 had a mean particle size "
	  "of 2.1 nm. The pore size of Ru/MgO was 3.8 nm. The Ru clusters of Ru/C were about 1.2 nm across; in "
	  "another image, the particle size of Ru/C was 1.9 nm. The particle size of Ru/BN was 4 nm [7].\n\n"
	  "Ru/CeO2 gave 4.2 mmol g^-1 h^-1 at 400 " DEG "C; Ru/MgO gave 3.1 mmol g^-1 h^-1, Ru/C 1.1 mmol g^-1 h^-1 "
	  "and Ru/BN 0.9 mmol g^-1 h^-1.",
	  { "Ru/CeO2|size_nm=2.1|rate_mmol_gcat_h=4.2", "Ru/MgO|size_nm=|rate_mmol_gcat_h=3.1",
	    "Ru/C|size_nm=|rate_mmol_gcat_h=1.1", "Ru/BN|size_nm=|rate_mmol_gcat_h=0.9", NULL } },
	/* ... and the size a result's own sentence gives its catalyst */
	{ "t.txt", "For ammonia synthesis, the Co clusters supported on CeO2 (0.6 wt% Co, mean size 1.3 nm) gave "
	  "7.4 mmol g^-1 h^-1 at 400 " DEG "C and 1 MPa.",
	  { "Co clusters/CeO2|size_nm=1.3|loading_wt=0.6|rate_mmol_gcat_h=7.4", NULL } },
	/*
	 * "the single-atom catalyst", "the nanoparticle catalyst": the one
	 * catalyst of that kind the paragraph named, by the nearest such words
	 */
	{ "t.txt", "Ammonia synthesis over Ru catalysts.\n\nWe prepared Ru1/CeO2 SAC and Ru NPs/CeO2 by impregnation. "
	  "The single-atom catalyst gave 4.1 mmol g^-1 h^-1, while the nanoparticle catalyst gave 2.2 mmol g^-1 h^-1.",
	  { "Ru1/CeO2 SAC|site_type=SAC|rate_mmol_gcat_h=4.1", "Ru NPs/CeO2|site_type=NP|rate_mmol_gcat_h=2.2", NULL } },
	/* ... the kind its notation marks: Fe1, one atom */
	{ "t.txt", "Ammonia synthesis over Fe catalysts.\n\nFe1/N-C and Fe NPs/N-C gave 1.62 and 0.58 mmol g^-1 h^-1 at "
	  "400 " DEG "C, respectively. The single-atom catalyst was active: its rate at 300 and 350 " DEG "C was 0.19 and "
	  "0.61 mmol g^-1 h^-1, respectively.",
	  { "Fe1/N-C|rate_mmol_gcat_h=1.62", "Fe NPs/N-C|rate_mmol_gcat_h=0.58",
	    "Fe1/N-C|rate_mmol_gcat_h=0.19|temperature_C=300", "Fe1/N-C|rate_mmol_gcat_h=0.61|temperature_C=350", NULL } },
	/* the kind written in brackets after a name: "Ru/CeO2 (SAC)" */
	{ "t.txt", "Ammonia synthesis over Ru catalysts.\n\nWe prepared Ru/CeO2 (SAC) and Ru/MgO (NPs). At 400 " DEG "C "
	  "the single-atom catalyst gave 4.1 mmol g^-1 h^-1 and Ru/MgO gave 2.2 mmol g^-1 h^-1.",
	  { "Ru/CeO2|site_type=SAC|rate_mmol_gcat_h=4.1", "Ru/MgO|site_type=NP|rate_mmol_gcat_h=2.2", NULL } },
	/* a bound is no condition ("below 350 °C"), but "under 1 MPa" is one */
	{ "t.txt", "For ammonia synthesis, Fe1/N-C gave 0.19 and 0.61 mmol g^-1 h^-1 at 300 and 350 " DEG "C under 1 MPa, "
	  "respectively, while Fe/C gave no NH3 below 350 " DEG "C.",
	  { "Fe1/N-C|rate_mmol_gcat_h=0.19|temperature_C=300|pressure_MPa=1",
	    "Fe1/N-C|rate_mmol_gcat_h=0.61|temperature_C=350|pressure_MPa=1", NULL } },
	/* "for the nanoparticles" in a paragraph that names none: the one a paragraph before reported on */
	{ "t.txt", "Ammonia synthesis over Fe catalysts.\n\nFe1/N-C and Fe NPs/N-C gave 1.62 and 0.58 mmol g^-1 h^-1 at "
	  "400 " DEG "C, respectively.\n\nPer gram of Fe, Fe1/N-C reached 54.0 mmol g_Fe^-1 h^-1 at 400 " DEG "C, against "
	  "only 18.7 mmol g_Fe^-1 h^-1 for the nanoparticles.",
	  { "Fe1/N-C|rate_mmol_gcat_h=1.62", "Fe NPs/N-C|rate_mmol_gcat_h=0.58", "Fe1/N-C|rate_mmol_gmetal_h=54",
	    "Fe NPs/N-C|rate_mmol_gmetal_h=18.7", NULL } },
	/* a promoter glued before a loading; promoters whose hyphen is suspended name one catalyst each */
	{ "t.txt", "The rate of ammonia synthesis over 2Cs- and 1Ba-4 wt% Ru/Ba5Nb4O15 was 4.9 and 3.7 "
	  "mmol g^-1 h^-1 at 0.1 MPa, respectively. K-, Cs- and Ba-promoted Ru/MgO gave 3.1, 5.2 and 4.4 "
	  "mmol g^-1 h^-1, respectively.",
	  { "2Cs-Ru/Ba5Nb4O15|loading_wt=4|promoter=Cs|rate_mmol_gcat_h=4.9",
	    "1Ba-Ru/Ba5Nb4O15|loading_wt=4|promoter=Ba|rate_mmol_gcat_h=3.7",
	    "K-promoted Ru/MgO|promoter=K|rate_mmol_gcat_h=3.1", "Cs-promoted Ru/MgO|promoter=Cs|rate_mmol_gcat_h=5.2",
	    "Ba-promoted Ru/MgO|promoter=Ba|rate_mmol_gcat_h=4.4", NULL } },
	/* a formula broken by PDF spacing is rejoined; a count that is a quantity's value is not */
	{ "t.txt", "For NH3 synthesis, Ru/BaTiO 2.5 H 0.5 -TiH 2 gave 3.05 mmol-NH 3 g " MINUS "1 h " MINUS "1. "
	  "Co/BaZrO 2.9 N 0.1 gave 1.2 mmol g^-1 h^-1, Ru/Ba(OH) 2 gave 0.8 mmol g^-1 h^-1, and "
	  "Ru/MgO 2 h later gave 1.0 mmol g^-1 h^-1.",
	  { "Ru/BaTiO2.5H0.5-TiH2|rate_mmol_gcat_h=3.05", "Co/BaZrO2.9N0.1|rate_mmol_gcat_h=1.2",
	    "Ru/Ba(OH)2|rate_mmol_gcat_h=0.8", "Ru/MgO|rate_mmol_gcat_h=1", NULL } },
	/* --- conditions --- */
	/* a reduction or calcination temperature is not the reaction's */
	{ "t.txt", "For NH3 synthesis, Ru/MgO, reduced in H2 at 500 " DEG "C, gave 3.1 mmol g^-1 h^-1 at "
	  "400 " DEG "C.\n\nCo/MgO was calcined at 600 " DEG "C and gave 1.2 mmol g^-1 h^-1.",
	  { "Ru/MgO|temperature_C=400", "Co/MgO|temperature_C=", NULL } },
	/* the methods' conditions fill this paper's results, never a value cited from another paper */
	{ "t.txt", "NH3 synthesis was carried out at 400 " DEG "C and 1 MPa.\n\n"
	  "Ru/C gave 2.0 mmol g^-1 h^-1. Earlier, Cs-Ru/MgO gave 5.3 mmol g^-1 h^-1 [12].",
	  { "Ru/C|temperature_C=400|pressure_MPa=1", "Cs-Ru/MgO|temperature_C=|pressure_MPa=|ref=12", NULL } },
	/* a value and its unit split by a line break; a comparison gives the value reached */
	{ "t.txt", "In NH3 synthesis the activation energy of Ru/CeO2 was 72 kJ\nmol" MINUS "1. Cs "
	  "lowered the Ea of Cs-Ru/MgO from 120 to 75 kJ mol" MINUS "1.",
	  { "Ru/CeO2|ea_kJ_mol=72", "Cs-Ru/MgO|ea_kJ_mol=75", NULL } },
	/* a name the paper defines, for a description or for a formula, read where it is used */
	{ "t.txt", "For ammonia synthesis, ruthenium supported on activated carbon and reduced at 700 " DEG
	  "C, denoted RC-700, was compared with Ru/MgO (hereafter RM).\n\nRC-700 gave 2.4 mmol g^-1 h^-1 "
	  "at 400 " DEG "C, and RM gave 1.1 mmol g^-1 h^-1.",
	  { "RC-700|metals=Ru|rate_mmol_gcat_h=2.4|temperature_C=400",
	    "RM|metals=Ru|support=MgO|rate_mmol_gcat_h=1.1", NULL } },
	/* a promoter written as a word belongs to the name; a ratio of elements is no catalyst */
	{ "t.txt", "For NH3 synthesis, Cs-promoted Ru/MgO (Cs/Ru = 1) showed a rate of 12.3 mmol g^-1 h^-1 "
	  "at 350 " DEG "C.", { "Cs-promoted Ru/MgO|promoter=Cs|rate_mmol_gcat_h=12.3", NULL } },
	/* a name in brackets right after a value is that value's catalyst */
	{ "t.txt", "For NH3 synthesis, the TOFs were 0.021 s" MINUS "1 (Ru/CeO2) and 0.009 s" MINUS "1 "
	  "(Ru/MgO) at 400 " DEG "C.",
	  { "Ru/CeO2|tof_s=0.021|temperature_C=400", "Ru/MgO|tof_s=0.009|temperature_C=400", NULL } },
	/* a metal "supported on" (or "on") a support is named metal/support; other "on"s are not */
	{ "t.txt", "For NH3 synthesis, Ru supported on CeO2 gave 3.1 mmol g^-1 h^-1 at 400 " DEG "C and Ru clusters "
	  "on the MgO 2.2 mmol g^-1 h^-1. The adsorption of N2 on Ru/C was fast and Ru on carbon gave 1.0 mmol g^-1 h^-1.",
	  { "Ru/CeO2|support=CeO2|rate_mmol_gcat_h=3.1", "Ru clusters/MgO|support=MgO|site_type=SCC|rate_mmol_gcat_h=2.2",
	    "Ru/C|rate_mmol_gcat_h=1", NULL } },
	/* a catalyst named in words, in a paragraph that names none by formula */
	{ "t.txt", "For ammonia synthesis, a ruthenium single crystal gave a TOF of 0.02 s^-1 at 673 K.\n\n"
	  "Cobalt nanoparticles showed an activation energy of 95 kJ mol^-1 in NH3 synthesis.",
	  { "ruthenium single crystal|metals=Ru|tof_s=0.02", "Cobalt nanoparticles|metals=Co|site_type=NP|ea_kJ_mol=95",
	    NULL } },
	/* the values of a paragraph that names one catalyst are its own; of one that names two, nobody's */
	{ "t.txt", "NH3 synthesis over Ru/BaO was studied. Its XRD pattern is flat. The TOF was 0.05 s^-1 at "
	  "400 " DEG "C.\n\nRu/BaO and Ru/MgO were studied. Their XRD patterns are flat. The TOF was 0.07 s^-1.",
	  { "Ru/BaO|tof_s=0.05|temperature_C=400", NULL } },
	/* "the catalyst" goes back to the one the paragraph named last */
	{ "t.txt", "NH3 synthesis on Ru/BaO was studied. Its XRD pattern is flat. Next, the catalyst gave "
	  "2.0 mmol g^-1 h^-1 at 400 " DEG "C.", { "Ru/BaO|rate_mmol_gcat_h=2", NULL } },
};

static void check_case(const struct real_case *c)
{
	struct entry_set set;
	test_extract_text(c->name, c->text, &set);
	test_check_entries(&set, c->want);
	entry_set_release(&set);
}

START_TEST(test_rules)
{
	check_case(&cases[_i]);
}
END_TEST

/* --- output that grows with the paper ------------------------------------------- */

/*
 * A sentence of thousands of values gives entries whose evidence is the
 * clause around each value, not the whole sentence: the output grows
 * linearly with the paper.  A short sentence is its own evidence.
 */
START_TEST(test_evidence_bounded)
{
	struct buf t = BUF_INIT;
	struct entry_set set;
	size_t k;
	buf_addstr(&t, "The Ru/CeO2 catalyst gave");
	for (k = 0; k < 200; k++)
		buf_printf(&t, " %zu.5 mmol g^-1 h^-1 at %zu K,", k + 1, 573 + k);
	buf_addstr(&t, " and more.\n\nRu/MgO gave 2.5 mmol g^-1 h^-1 at 673 K.\n");
	test_extract_text("t.txt", buf_str(&t), &set);
	ck_assert_uint_ge(set.n, 150);
	for (k = 0; k + 1 < set.n; k++)
		ck_assert_uint_le(strlen(entry_get(&set.v[k], COL_EVIDENCE)), 400);
	ck_assert_str_eq(entry_get(&set.v[100], COL_EVIDENCE), "101.5 mmol g^-1 h^-1 at 673 K");
	ck_assert_str_eq(entry_get(&set.v[set.n - 1], COL_EVIDENCE),
			 "Ru/MgO gave 2.5 mmol g^-1 h^-1 at 673 K.");
	entry_set_release(&set);
	buf_release(&t);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static Suite *extract_real_suite(void)
{
	Suite *s = suite_create("extract_real");
	TCase *tc = tcase_create("rules");
	tcase_add_loop_test(tc, test_rules, 0, N(cases));
	tcase_add_test(tc, test_evidence_bounded);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(extract_real_suite());
}
