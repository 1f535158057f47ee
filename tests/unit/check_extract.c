/*
 * check_extract.c: unit tests of the extractor, stage by stage: sentence
 * splitting, citation markers, reference-list entries, catalyst mentions
 * and what names say, numbers in cells, table rows, and prose entries
 * with their conditions, catalysts and citations.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "diag.h"
#include "entry.h"
#include "extract.h"
#include "extract_core.h"
#include "extract_qty.h"
#include "extract_text.h"
#include "sentence.h"
#include "ingest.h"
#include "testlib.h"

/* --- sentences --------------------------------------------------------------- */

/* Text, and the sentences it must split into, joined by " | ". */
static const struct {
	const char *text;
	const char *want;
} split_cases[] = {
	{ "Li et al. reported it. Then more.", "Li et al. reported it. | Then more." },
	{ "See Fig. 3a and Fig. 4. Next one.", "See Fig. 3a and Fig. 4. | Next one." },
	{ "It was ca. 418 times higher vs. Fe. Done.", "It was ca. 418 times higher vs. Fe. | Done." },
	{ "The rate was 4.67 mmol. The TOF was 0.124.", "The rate was 4.67 mmol. | The TOF was 0.124." },
	{ "by ion exchange method.65 Ru/HZ SAC with 0.2 wt% Ru.",
	  "by ion exchange method.65 | Ru/HZ SAC with 0.2 wt% Ru." },
	{ "in the synthesis of NH3.[cite:72] At 400 \xC2\xB0" "C it ran.",
	  "in the synthesis of NH3.[cite:72] | At 400 \xC2\xB0" "C it ran." },
	{ "X. Wang and Y. Li showed it, e.g. here. Yes.", "X. Wang and Y. Li showed it, e.g. here. | Yes." },
	{ "Is it? (Yes) it is.", "Is it? | (Yes) it is." },
	{ "No full stop at the end", "No full stop at the end" },
};

START_TEST(test_sentence_split)
{
	const char *t = split_cases[_i].text;
	struct span sp[16];
	size_t n = sentence_split(t, strlen(t), sp, 16), k;
	struct buf got = BUF_INIT;
	for (k = 0; k < n; k++) {
		if (k)
			buf_addstr(&got, " | ");
		buf_add(&got, t + sp[k].start, sp[k].end - sp[k].start);
	}
	ck_assert_str_eq(buf_str(&got), split_cases[_i].want);
	buf_release(&got);
}
END_TEST

/* --- citations ----------------------------------------------------------------- */

static const struct {
	const char *text;
	const char *want;   /* marks as "ref;ref" joined by " " */
} cite_cases[] = {
	{ "shown by Li et al.\xE2\x81\xB7\xC2\xB2 and others", "72" },
	{ "energy,^{23,24} making it", "23;24" },
	{ "mechanism.^{47\xE2\x80\x93" "49} It", "47;48;49" },
	{ "exchange method.65 Ru/HZ SAC", "65" },
	{ "the rate (80-130 kJ mol^-1),66,67 indicating", "66;67" },
	{ "the B5 sites,39,40 which", "39;40" },
	{ "Ru single crystals.39-41 Moreover", "39;40;41" },
	{ "as described [12, 14-16].", "12;14;15;16" },
	{ "NH3.[cite:72] At", "72" },
	/* not citations: decimals, exponents, charges, formulas, units */
	{ "a value of 0.36 and 1.5 nm", "" },
	{ "rate of 4.6 mmol g^{-1} h^{-1} at 10^{3} K", "" },
	{ "Ce^{3+} and Ce\xC2\xB3\xE2\x81\xBA species", "" },
	{ "area of 25 m\xC2\xB2 per gram", "" },
	{ "in Fig. 3. The next", "" },
};

START_TEST(test_cite_scan)
{
	const char *t = cite_cases[_i].text;
	struct cite_mark m[8];
	size_t n = cite_scan(t, strlen(t), m, 8), k;
	struct buf got = BUF_INIT;
	for (k = 0; k < n; k++) {
		if (k)
			buf_addch(&got, ' ');
		cite_format(&m[k], &got);
	}
	ck_assert_str_eq(buf_str(&got), cite_cases[_i].want);
	buf_release(&got);
}
END_TEST

static const struct {
	const char *text;
	long num;
	const char *authors, *title, *journal, *year, *volume, *pages, *doi;
} ref_cases[] = {
	{ "- 65 X. Wang, L. Li, C.-t. Au and L. Jiang, Atomically dispersed Ru catalyst for "
	  "low-temperature nitrogen activation to ammonia *via* an associative mechanism, *ACS Catal.*, "
	  "2020, **10**, 9504\xE2\x80\x93" "9514.", 65,
	  "X. Wang; L. Li; C.-t. Au; L. Jiang",
	  "Atomically dispersed Ru catalyst for low-temperature nitrogen activation to ammonia via an "
	  "associative mechanism", "ACS Catal.", "2020", "10", "9504-9514", "" },
	{ "- 66 F. Rosowski and G. Ertl, Ruthenium catalysts at high pressures: preparation, "
	  "characterization, and kinetics, *Appl. Catal.*, *A*, 1997, **151**, 443\xE2\x80\x93" "460.", 66,
	  "F. Rosowski; G. Ertl", "Ruthenium catalysts at high pressures: preparation, characterization, "
	  "and kinetics", "Appl. Catal., A", "1997", "151", "443-460", "" },
	{ "- 4 P. Wang and M. Chen, Lithium-iron hydride, *Angew. Chem.*, *Int. Ed.*, 2017, **129**, "
	  "8842\xE2\x80\x93" "8846.", 4, "P. Wang; M. Chen", "Lithium-iron hydride", "Angew. Chem., Int. Ed.",
	  "2017", "129", "8842-8846", "" },
	{ "1. Aika, K.; Ohya, A.; Ozaki, A. Support and promoter effect of ruthenium catalyst. "
	  "*J. Catal.* **1976**, *44*, 424\xE2\x80\x93" "431.", 1, "K. Aika; A. Ohya; A. Ozaki",
	  "Support and promoter effect of ruthenium catalyst", "J. Catal.", "1976", "44", "424-431", "" },
	{ "[2] R. Kojima, K. Aika, Cobalt molybdenum nitride catalysts, Appl. Catal. A 215 (2001) "
	  "149\xE2\x80\x93" "160. https://doi.org/10.1016/S0926-860X(01)00497-0", 2, "R. Kojima; K. Aika",
	  "Cobalt molybdenum nitride catalysts", "Appl. Catal. A", "2001", "215", "149-160",
	  "10.1016/S0926-860X(01)00497-0" },
	{ "3. Aika, K., Ohya, A. & Ozaki, A. Support effects. J. Catal. 44, 424-431 (1976).", 3,
	  "K. Aika; A. Ohya; A. Ozaki", "Support effects", "J. Catal.", "1976", "44", "424-431", "" },
};

START_TEST(test_ref_parse)
{
	struct ref_entry r;
	ref_parse(ref_cases[_i].text, 0, &r);
	ck_assert_int_eq(r.num, ref_cases[_i].num);
	ck_assert_str_eq(r.authors, ref_cases[_i].authors);
	ck_assert_str_eq(r.title, ref_cases[_i].title);
	ck_assert_str_eq(r.journal, ref_cases[_i].journal);
	ck_assert_str_eq(r.year, ref_cases[_i].year);
	ck_assert_str_eq(r.volume, ref_cases[_i].volume);
	ck_assert_str_eq(r.pages, ref_cases[_i].pages);
	ck_assert_str_eq(r.doi, ref_cases[_i].doi);
	ref_release(&r);
}
END_TEST

/* The first DOI of a text: printable ASCII, a cut one passed over. */
static const struct {
	const char *text, *doi;
} doi_cases[] = {
	{ "DOI: 10.1039/D3SC0699B.\nThe Ru", "10.1039/D3SC0699B" },
	{ "doi:10.1073/pnas.\xE2\x80\x8B\n2322520121/-/DCSupplemental.\n"
	  "https://doi.org/10.1073/pnas.2322520121\n", "10.1073/pnas.2322520121" },
	{ "see 10.1000/abc-\ndef and 10.1038/s41467-024-44806-1\xE2\x80\x9D", "10.1038/s41467-024-44806-1" },
	{ "10.1039/d1sc05088e, can", "10.1039/d1sc05088e" },
	{ "no DOI, 10.12/x", "" },
};

START_TEST(test_find_doi)
{
	const char *t = doi_cases[_i].text, *end = NULL;
	const char *p = cite_find_doi(t, t + strlen(t), &end);
	char got[128] = "";
	if (p)
		snprintf(got, sizeof(got), "%.*s", (int)(end - p), p);
	ck_assert_str_eq(got, doi_cases[_i].doi);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* --- catalyst names and mentions -------------------------------------------------- */

static const struct {
	const char *name;
	const char *clean, *metals, *support, *promoter, *site;
	double size;
} name_cases[] = {
	{ "Ru/HZ SAC", "Ru/HZ SAC", "Ru", "HZ", "", "SAC", 0 },
	{ "Ba-Ru SAs/S-1", "Ba-Ru SAs/S-1", "Ru", "S-1", "Ba", "SAC", 0 },
	{ "1.4 nm Ru NCs", "1.4 nm Ru NCs", "Ru", "", "", "SCC", 1.4 },
	{ "Ru1 1/BaCeO3", "Ru1.1/BaCeO3", "Ru", "BaCeO3", "", "", 0 },
	{ "MoH_x", "MoHx", "Mo", "", "", "", 0 },
	{ "Co1Ru2/NC", "Co1Ru2/NC", "Co;Ru", "NC", "", "", 0 },
	{ "Ru-Co clusters@N-C", "Ru-Co clusters@N-C", "Ru;Co", "N-C", "", "SCC", 0 },
	{ "Ba/Co2 ACCs", "Ba/Co2 ACCs", "Co", "", "Ba", "SCC", 0 },
	{ "Cs-Ru/MgO", "Cs-Ru/MgO", "Ru", "MgO", "Cs", "", 0 },
	{ "K-Co/CeO2", "K-Co/CeO2", "Co", "CeO2", "K", "", 0 },
	{ "Ru/CeO2(SAC)", "Ru/CeO2(SAC)", "Ru", "CeO2", "", "SAC", 0 },
	{ "Ru-2.8 nm", "Ru-2.8 nm", "Ru", "", "", "", 2.8 },
	{ "CoRu NPA", "CoRu NPA", "Co;Ru", "", "", "BCC", 0 },
	{ "Co NPs", "Co NPs", "Co", "", "", "NP", 0 },
	{ "Fe-K2O-Al2O3", "Fe-K2O-Al2O3", "Fe", "", "K", "", 0 },
	{ "Ru/Ba-Ca(NH2)2", "Ru/Ba-Ca(NH2)2", "Ru", "Ba-Ca(NH2)2", "Ba", "", 0 },
};

START_TEST(test_catalyst_analyze)
{
	struct catinfo ci;
	const char *n = name_cases[_i].name;
	ck_assert_int_eq(catalyst_analyze(n, strlen(n), &ci), 0);
	ck_assert_str_eq(ci.name, name_cases[_i].clean);
	ck_assert_str_eq(ci.metals, name_cases[_i].metals);
	ck_assert_str_eq(ci.support, name_cases[_i].support);
	ck_assert_str_eq(ci.promoter, name_cases[_i].promoter);
	ck_assert_str_eq(ci.site, name_cases[_i].site);
	ck_assert(fabs(ci.size_nm - name_cases[_i].size) < 1e-9);
}
END_TEST

/*
 * The cache of analyzed names gives what a fresh analysis gives, also when
 * names evict each other from its slots (a thousand names, read twice, in
 * two orders), and a name without a metal stays without one.
 */
START_TEST(test_catalyst_lookup_cached)
{
	struct extractor *ex = extractor_new();
	int pass, i, k;
	for (pass = 0; pass < 2; pass++) {
		for (k = 0; k < 1000 + N(name_cases); k++) {
			struct catinfo want, got;
			char name[64];
			int j = pass ? 1000 + N(name_cases) - 1 - k : k;
			if (j < N(name_cases))
				snprintf(name, sizeof(name), "%s", name_cases[j].name);
			else if (j % 3 == 0)
				snprintf(name, sizeof(name), "%d%%Ru/MgO-%d", j % 7, j);
			else if (j % 3 == 1)
				snprintf(name, sizeof(name), "Co%d/CeO2 NPs", j);
			else
				snprintf(name, sizeof(name), "HZSM-%d", j);
			i = catalyst_analyze(name, strlen(name), &want);
			ck_assert_int_eq(catalyst_lookup(ex, name, strlen(name), &got), i);
			ck_assert_str_eq(got.name, want.name);
			ck_assert_str_eq(got.metals, want.metals);
			ck_assert_str_eq(got.support, want.support);
			ck_assert_str_eq(got.promoter, want.promoter);
			ck_assert_str_eq(got.site, want.site);
			ck_assert_int_eq(got.bulk, want.bulk);
			ck_assert(got.size_nm == want.size_nm);
		}
	}
	extractor_free(ex);
}
END_TEST

START_TEST(test_no_metal_no_catalyst)
{
	struct catinfo ci;
	ck_assert_int_eq(catalyst_analyze("HZSM-5", 6, &ci), -1);
	ck_assert_int_eq(catalyst_analyze("NH3", 3, &ci), -1);
	ck_assert_int_eq(catalyst_analyze("BaCeO3", 6, &ci), -1);
}
END_TEST

/* Canonical text, and the mentions expected in it, joined by " | ". */
static const struct {
	const char *text;
	const char *want;
} mention_cases[] = {
	{ "the Co-N2 catalyst beat Co-N4 and Co-N3 ones", "Co-N2 | Co-N4 | Co-N3" },
	{ "the TOF of 5 nm Ru NPs was high", "5 nm Ru NPs" },
	{ "Under 400 \xC2\xB0" "C, Co2 ACCs exceeded the Co SAC and Co NPs", "Co2 ACCs | Co SAC | Co NPs" },
	{ "the TOF_Ru of 0.5Ru-SNC was 3.5 times that of 1.2Ru-NPs", "0.5Ru-SNC | 1.2Ru-NPs" },
	{ "Ru-Co clusters@N-C possessed the highest rate", "Ru-Co clusters@N-C" },
	{ "fabricated single Mo active sites in silica", "single Mo" },
	{ "energies of 61, 78, and 85 kJ for Ru/CeO2-r, -c, and -o at a WHSV of 9",
	  "Ru/CeO2-r | Ru/CeO2-c | Ru/CeO2-o" },
	{ "over Ru/\xCE\xB3-Al2O3 and Ru/Ba-Ca(NH2)2 at 1 bar", "Ru/\xCE\xB3-Al2O3 | Ru/Ba-Ca(NH2)2" },
	/* no catalyst: bare symbols, acronyms, species, supports */
	{ "The Ru and Co atoms, DFT, HAADF-STEM, NH3, N2 and BaCeO3 supports", "" },
	{ "In addition, Co-based and Ru-based catalysts", "" },
};

START_TEST(test_mentions)
{
	struct extractor *ex = extractor_new();
	const char *t = mention_cases[_i].text;
	struct span sp[8];
	struct catinfo ci[8];
	size_t n = extract_mentions(ex, t, strlen(t), sp, ci, 8), k;
	struct buf got = BUF_INIT;
	for (k = 0; k < n && k < 8; k++) {
		if (k)
			buf_addstr(&got, " | ");
		buf_addstr(&got, ci[k].name);
	}
	ck_assert_str_eq(buf_str(&got), mention_cases[_i].want);
	buf_release(&got);
	extractor_free(ex);
}
END_TEST

static const struct {
	const char *cell;
	int ok;
	double v;
} number_cases[] = {
	{ "60 000", 0, 60000 }, { "$24\\ 000$", 0, 24000 }, { "10.3 x 10^-3", 0, 0.0103 },
	{ "1.00", 0, 1 }, { "2.1 x 10^3", 0, 2100 }, { "0.026", 0, 0.026 },
	{ "4.2 \xC2\xB1 0.3", 0, 4.2 }, { "2.0^b", 0, 2 }, { "17.1\xE1\xB5\x83", 0, 17.1 }, { "5.5*", 0, 5.5 },
	{ "_", -1, 0 }, { "1.17Ru + 0.41Co", -1, 0 }, { "n.a.", -1, 0 },
	/* the one number grammar (units_read_number) with the decimal comma of cells */
	{ "0,36", 0, 0.36 }, { "1,25", 0, 1.25 }, { "1,250", 0, 1250 }, { "0,360", 0, 0.36 },
	{ "0 360", -1, 0 }, { "2.53 x 10^{-2}", 0, 0.0253 }, { "5e-3", 0, 0.005 }, { "1e400", -1, 0 },
};

START_TEST(test_cell_number)
{
	double v = 0;
	ck_assert_int_eq(qty_cell_number(number_cases[_i].cell, &v), number_cases[_i].ok);
	if (number_cases[_i].ok == 0)
		ck_assert(fabs(v - number_cases[_i].v) < 1e-12 * fabs(v) + 1e-15);
}
END_TEST

/* --- end to end over small texts ---------------------------------------------------- */

static void extract_text(const char *text, struct entry_set *set)
{
	test_extract_text("t.txt", text, set);
}

/* Text, then for each expected entry: "catalyst|column=value|column=value". */
static const struct {
	const char *text;
	const char *want[5];
} prose_cases[] = {
	{ "Li et al. made Ru/HZ SAC.65 Ru/HZ SAC with 0.2 wt% Ru exhibited a rate of 4.67 "
	  "mmol g_cat^-1 h^-1 at 350 \xC2\xB0" "C and 1 MPa.",
	  { "Ru/HZ SAC|rate_mmol_gcat_h=4.67|temperature_C=350|pressure_MPa=1|loading_wt=0.2|ref=65", NULL } },
	/* conditions of the sentence before; a list paired under "respectively" */
	{ "At 673 K and 30 bar, Co3Mo3N gave 1.86 mmol g^-1 h^-1 [3]. The rate over 5Ni/Al2O3 was "
	  "0.12 mmol g^-1 h^-1 under the same conditions.",
	  { "Co3Mo3N|rate_mmol_gcat_h=1.86|temperature_C=399.85|pressure_MPa=3|ref=3",
	    "5Ni/Al2O3|rate_mmol_gcat_h=0.12|temperature_C=399.85|pressure_MPa=3|ref=3", NULL } },
	{ "Rates of 12.5 and 3.1 umol g^-1 min^-1 were measured for Ru/BaTiO3 and Ru/MgO at 400 "
	  "\xC2\xB0" "C, respectively.",
	  { "Ru/BaTiO3|rate_mmol_gcat_h=0.75|temperature_C=400",
	    "Ru/MgO|rate_mmol_gcat_h=0.186|temperature_C=400", NULL } },
	{ "FeN4@G-K gave rates of 1.1 and 10.3 umol g_c^-1 h^-1 at 150 \xC2\xB0" "C and 190 \xC2\xB0"
	  "C, respectively.",
	  { "FeN4@G-K|rate_mmol_gcat_h=0.0011|temperature_C=150",
	    "FeN4@G-K|rate_mmol_gcat_h=0.0103|temperature_C=190", NULL } },
	{ "At 350 and 400 \xC2\xB0" "C, Ru/MgO gave 2.1 and 4.2 mmol g^-1 h^-1.",
	  { "Ru/MgO|rate_mmol_gcat_h=2.1|temperature_C=350", "Ru/MgO|rate_mmol_gcat_h=4.2|temperature_C=400",
	    NULL } },
	/* per-metal rate; TOF needs the word; Ea; computed */
	{ "The Co-N2 catalyst reached 85.3 mmol g_Co^-1 h^-1 at 300 \xC2\xB0" "C. Its TOF was 0.05 s^-1.",
	  { "Co-N2|rate_mmol_gmetal_h=85.3|rate_metal=Co|temperature_C=300",
	    "Co-N2|tof_s=0.05|temperature_C=300", NULL } },
	{ "The apparent activation energy over Cs-Ru/MgO was 62 kJ mol^-1, lower than the 95 kJ "
	  "mol^-1 found for Ru/MgO.",
	  { "Cs-Ru/MgO|ea_kJ_mol=62|temperature_C=", "Ru/MgO|ea_kJ_mol=95", NULL } },
	{ "DFT calculations predicted a TOF of 3.2 s^-1 for Co3Mo3N at 400 \xC2\xB0" "C.",
	  { "Co3Mo3N|tof_s=3.2|method=computed", NULL } },
	/* lists paired by position without "respectively" */
	{ "The rates were 4.2, 2.1 and 0.5 mmol g^-1 h^-1 for Ru/CeO2, Ru/MgO and Ru/Al2O3.",
	  { "Ru/CeO2|rate_mmol_gcat_h=4.2", "Ru/MgO|rate_mmol_gcat_h=2.1", "Ru/Al2O3|rate_mmol_gcat_h=0.5",
	    NULL } },
	/* "their": as many catalysts as the sentence before named; "for the nanoparticles" */
	{ "Ru1/N-C and Ru NPs/N-C were made. Their TOFs were 0.5 and 0.2 s^-1. Ru1/N-C gave "
	  "5.0 mmol g^-1 h^-1, against 1.0 mmol g^-1 h^-1 for the nanoparticles.",
	  { "Ru1/N-C|tof_s=0.5", "Ru NPs/N-C|tof_s=0.2", "Ru1/N-C|rate_mmol_gcat_h=5",
	    "Ru NPs/N-C|rate_mmol_gcat_h=1", NULL } },
	/* a catalyst named in words is not the one of the sentence before */
	{ "Ru/CeO2 was made. The commercial Fe catalyst gives 2.1 mmol g^-1 h^-1 at 400 \xC2\xB0" "C, "
	  "much less than Ru/CeO2.", { NULL } },
	{ "The NH3 decomposition rate over Ru/CeO2 was 30 mmol g^-1 h^-1 at 500 \xC2\xB0" "C.", { NULL } },
	/* no entry: a range, a value with no catalyst, an unrelated s^-1 */
	{ "Conventional Ru catalysts show 80-130 kJ mol^-1 (ref. 66). The gas flowed at 2 s^-1.",
	  { NULL } },
};

START_TEST(test_prose)
{
	struct entry_set set;
	size_t k;
	extract_text(prose_cases[_i].text, &set);
	test_check_entries(&set, prose_cases[_i].want);
	for (k = 0; k < set.n; k++)
		ck_assert_str_eq(entry_get(&set.v[k], COL_SOURCE), "text");
	entry_set_release(&set);
}
END_TEST

START_TEST(test_table_rows)
{
	struct entry_set set;
	const struct entry *e;
	extract_text("Table 1 Catalysts\n\n"
		     "\t\tMetal content (wt%)\tConditions\t\t\t\n"
		     "Catalyst\t\t\tTemperature (K)\tPressure (bar)\tGHSV (h^-1)\tRate (umol g^-1 min^-1)\tRef.\n"
		     "SACs\tCo-N-C\t3.8\t623\t10\t9000\t10\t48\n"
		     "\tRu SAC\t_\t673\t10\t9000\t\xE2\x80\x93\t49\n"
		     "BCCs\tCo1Ru2/NC\t1.17Ru + 0.41Co\t673\t30\t9000\t315\t95\n", &set);
	/* the row without a rate is no entry */
	ck_assert_uint_eq(set.n, 2);
	e = &set.v[0];
	ck_assert_str_eq(entry_get(e, COL_ID), "t:1");
	ck_assert_str_eq(entry_get(e, COL_SOURCE), "table");
	ck_assert_str_eq(entry_get(e, COL_LOCATOR), "L5");
	ck_assert_str_eq(entry_get(e, COL_CATALYST), "Co-N-C");
	ck_assert_str_eq(entry_get(e, COL_SITE_TYPE), "SAC");
	ck_assert_str_eq(entry_get(e, COL_LOADING_WT), "3.8");
	ck_assert_str_eq(entry_get(e, COL_TEMPERATURE_C), "349.85");
	ck_assert_str_eq(entry_get(e, COL_PRESSURE_MPA), "1");
	ck_assert_str_eq(entry_get(e, COL_WHSV), "");          /* GHSV is another quantity */
	ck_assert_str_eq(entry_get(e, COL_RATE_GCAT), "0.6");
	ck_assert_str_eq(entry_get(e, COL_REF), "48");
	e = &set.v[1];
	ck_assert_str_eq(entry_get(e, COL_ID), "t:2");
	ck_assert_str_eq(entry_get(e, COL_SITE_TYPE), "BCC");
	ck_assert_str_eq(entry_get(e, COL_LOADING_WT), "Ru:1.17;Co:0.41");
	ck_assert_str_eq(entry_get(e, COL_METALS), "Co;Ru");
	ck_assert_str_eq(entry_get(e, COL_SUPPORT), "NC");
	entry_set_release(&set);
}
END_TEST

START_TEST(test_table_conditions_from_caption)
{
	struct entry_set set;
	extract_text("Table 3 Ammonia synthesis over Ru catalysts at 400 \xC2\xB0" "C and 1 MPa.\n"
		     "Catalyst\tRate (mmol g\xE2\x88\x92" "1 h\xE2\x88\x92" "1)\tT (\xC2\xB0" "C)\n"
		     "Ru/CeO2\t4.2\t\n"
		     "Ru/MgO\t2.1\t350\n"
		     "a Reaction conditions: 0.1 g catalyst, WHSV = 36 000 mL g\xE2\x88\x92" "1 h\xE2\x88\x92" "1.\n",
		     &set);
	ck_assert_uint_eq(set.n, 2);
	ck_assert_str_eq(entry_get(&set.v[0], COL_TEMPERATURE_C), "400");
	ck_assert_str_eq(entry_get(&set.v[0], COL_PRESSURE_MPA), "1");
	ck_assert_str_eq(entry_get(&set.v[0], COL_WHSV), "36000");
	/* a value in the row wins over the caption */
	ck_assert_str_eq(entry_get(&set.v[1], COL_TEMPERATURE_C), "350");
	entry_set_release(&set);
}
END_TEST

START_TEST(test_table_results_at_header_conditions)
{
	struct entry_set set;
	extract_text("Table 4. Rates at two temperatures (1 MPa).\n\n"
		     "| Entry | Catalyst | r (350 \xC2\xB0" "C) (mmol g^-1 h^-1) | r (400 \xC2\xB0" "C) (mmol g^-1 h^-1) "
		     "| Ea (kJ mol^-1) |\n|---|---|---|---|---|\n"
		     "| 1 | Ru/CeO2\xE1\xB5\x83 | 2.1 | 4.2 \xC2\xB1 0.2 | 58 |\n"
		     "| 2 | Ru/MgO | 0.9 | 2.0^b | 75 |\n", &set);
	ck_assert_uint_eq(set.n, 4);
	ck_assert_str_eq(entry_get(&set.v[0], COL_CATALYST), "Ru/CeO2");
	ck_assert_str_eq(entry_get(&set.v[0], COL_TEMPERATURE_C), "350");
	ck_assert_str_eq(entry_get(&set.v[0], COL_PRESSURE_MPA), "1");
	ck_assert_str_eq(entry_get(&set.v[0], COL_RATE_GCAT), "2.1");
	ck_assert_str_eq(entry_get(&set.v[0], COL_EA), "58");
	ck_assert_str_eq(entry_get(&set.v[1], COL_TEMPERATURE_C), "400");
	ck_assert_str_eq(entry_get(&set.v[1], COL_RATE_GCAT), "4.2");
	ck_assert_str_eq(entry_get(&set.v[1], COL_EA), "");
	ck_assert_str_eq(entry_get(&set.v[3], COL_CATALYST), "Ru/MgO");
	ck_assert_str_eq(entry_get(&set.v[3], COL_RATE_GCAT), "2");
	ck_assert_str_eq(entry_get(&set.v[3], COL_ID), "t:4");
	entry_set_release(&set);
}
END_TEST

START_TEST(test_method_conditions)
{
	struct entry_set set;
	extract_text("2.4 Catalytic tests\n\n"
		     "NH3 synthesis was carried out at 400 \xC2\xB0" "C and 1 MPa (WHSV = 72 000 mL g^-1 h^-1).\n\n"
		     "3. Results\n\n"
		     "Ru/CeO2 reached 1240 mmol g_Ru^-1 h^-1. Ru/MgO gave 2.1 mmol g^-1 h^-1 at 350 \xC2\xB0" "C. "
		     "The activation energy of Ru/MgO was 89 kJ mol^-1.\n", &set);
	ck_assert_uint_eq(set.n, 3);
	ck_assert_str_eq(entry_get(&set.v[0], COL_TEMPERATURE_C), "400");
	ck_assert_str_eq(entry_get(&set.v[0], COL_WHSV), "72000");
	ck_assert_str_eq(entry_get(&set.v[0], COL_RATE_METAL), "Ru");
	/* the sentence's own temperature wins */
	ck_assert_str_eq(entry_get(&set.v[1], COL_TEMPERATURE_C), "350");
	ck_assert_str_eq(entry_get(&set.v[1], COL_PRESSURE_MPA), "1");
	/* an activation energy has no test conditions */
	ck_assert_str_eq(entry_get(&set.v[2], COL_TEMPERATURE_C), "");
	entry_set_release(&set);
}
END_TEST

START_TEST(test_table_sub_headings)
{
	struct entry_set set;
	extract_text("Table 5 Rates at 400 \xC2\xB0" "C and 1 MPa.\n"
		     "Catalyst\tRate (mmol g\xE2\x88\x92" "1 h\xE2\x88\x92" "1)\n"
		     "Single-atom catalysts\n"
		     "Ru1/CeO2\t1.2\n"
		     "Cluster catalysts\n"
		     "Ru/CeO2\t3.4\n\n"
		     "| Catalyst | Rate (mmol g^-1 h^-1) |\n|---|---|\n"
		     "| **Nanoparticles** | |\n| Ru/MgO | 0.8 |\n", &set);
	ck_assert_uint_eq(set.n, 3);
	ck_assert_str_eq(entry_get(&set.v[0], COL_SITE_TYPE), "SAC");
	ck_assert_str_eq(entry_get(&set.v[0], COL_TEMPERATURE_C), "400");
	ck_assert_str_eq(entry_get(&set.v[1], COL_SITE_TYPE), "SCC");
	ck_assert_str_eq(entry_get(&set.v[1], COL_LOCATOR), "L6");
	ck_assert_str_eq(entry_get(&set.v[2], COL_CATALYST), "Ru/MgO");
	ck_assert_str_eq(entry_get(&set.v[2], COL_SITE_TYPE), "NP");
	entry_set_release(&set);
}
END_TEST

START_TEST(test_structured_document)
{
	/* a document as an XML reader would make it: paths, no offsets */
	struct document *doc = document_new("x", "x.xml", NULL, 0);
	struct extractor *ex = extractor_new();
	struct entry_set set;
	struct block *b;
	struct table *t;
	static const char *const cells[3][3] = {
		{ "Catalyst", "T (K)", "Rate (mmol g_{cat}^{-1} h^{-1})" },
		{ "Ru/MgO", "673", "2.5" },
		{ "Cs-Ru/MgO", "673", "6.1" },
	};
	size_t r, c;
	const char *para = "Ru/MgO gave 2.5 mmol g_{cat}^{-1} h^{-1} at 673 K.[cite:12]";
	b = document_add_block(doc, BLOCK_PARAGRAPH, para, strlen(para), DOC_NO_OFFSET);
	block_set_path(b, "/article/body/sec[2]/p[4]");
	b = document_add_block(doc, BLOCK_TABLE, "Table 2 Rates", 13, DOC_NO_OFFSET);
	block_set_label(b, "Table 2");
	block_set_path(b, "/article/body/table-wrap[2]");
	t = block_new_table(b);
	for (r = 0; r < 3; r++)
		for (c = 0; c < 3; c++)
			table_add_cell(t, r, c, cells[r][c], strlen(cells[r][c]), DOC_NO_OFFSET);
	t->nheader = 1;
	table_set_row_locator(t, 1, "table2/r1");
	table_set_row_locator(t, 2, "table2/r2");
	entry_set_init(&set);
	ck_assert_uint_eq(extractor_run(ex, doc, &set), 3);
	ck_assert_str_eq(entry_get(&set.v[0], COL_LOCATOR), "/article/body/sec[2]/p[4]");
	ck_assert_str_eq(entry_get(&set.v[0], COL_REF), "12");
	ck_assert_str_eq(entry_get(&set.v[0], COL_TEMPERATURE_C), "399.85");
	ck_assert_str_eq(entry_get(&set.v[2], COL_LOCATOR), "table2/r2");
	ck_assert_str_eq(entry_get(&set.v[2], COL_RATE_GCAT), "6.1");
	ck_assert_str_eq(entry_get(&set.v[2], COL_PROMOTER), "Cs");
	entry_set_release(&set);
	extractor_free(ex);
	document_free(doc);
}
END_TEST

START_TEST(test_long_paragraph)
{
	/* one paragraph, one line, thousands of facts: every one found, once */
	struct buf text = BUF_INIT;
	struct entry_set set;
	size_t i;
	for (i = 0; i < 2000; i++)
		buf_printf(&text, "Ru/CeO2-%zu gave %zu.5 mmol g^-1 h^-1 at 400 \xC2\xB0" "C [%zu]. ", i, i % 50, i % 90 + 1);
	buf_addch(&text, '\n');
	extract_text(buf_str(&text), &set);
	ck_assert_uint_eq(set.n, 2000);
	ck_assert_str_eq(entry_get(&set.v[1999], COL_CATALYST), "Ru/CeO2-1999");
	ck_assert_str_eq(entry_get(&set.v[1999], COL_RATE_GCAT), "49.5");
	ck_assert_str_eq(entry_get(&set.v[1999], COL_REF), "20");
	entry_set_release(&set);
	buf_release(&text);
}
END_TEST

START_TEST(test_extractor_reused)
{
	/* one extractor over several documents gives the same entries each time */
	struct extractor *ex = extractor_new();
	const char *text = "Ru/MgO gave 5.2 mmol g^-1 h^-1 at 350 \xC2\xB0" "C [3].\n";
	size_t round;
	for (round = 0; round < 3; round++) {
		struct diag *d = test_diag_new();
		struct document *doc = ingest_text("t.txt", "t", text, strlen(text), d);
		struct entry_set set;
		entry_set_init(&set);
		ck_assert_uint_eq(extractor_run(ex, doc, &set), 1);
		ck_assert_str_eq(entry_get(&set.v[0], COL_LOCATOR), "L1:C13");
		ck_assert_str_eq(entry_get(&set.v[0], COL_REF), "3");
		ck_assert_str_eq(entry_get(&set.v[0], COL_EVIDENCE), "Ru/MgO gave 5.2 mmol g^-1 h^-1 at 350 \xC2\xB0" "C [3].");
		entry_set_release(&set);
		document_free(doc);
		test_diag_free(d);
	}
	extractor_free(ex);
}
END_TEST


static Suite *extract_suite(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("stages");
	tcase_add_loop_test(tc, test_sentence_split, 0, N(split_cases));
	tcase_add_loop_test(tc, test_cite_scan, 0, N(cite_cases));
	tcase_add_loop_test(tc, test_ref_parse, 0, N(ref_cases));
	tcase_add_loop_test(tc, test_find_doi, 0, N(doi_cases));
	tcase_add_loop_test(tc, test_catalyst_analyze, 0, N(name_cases));
	tcase_add_test(tc, test_no_metal_no_catalyst);
	tcase_add_test(tc, test_catalyst_lookup_cached);
	tcase_add_loop_test(tc, test_mentions, 0, N(mention_cases));
	tcase_add_loop_test(tc, test_cell_number, 0, N(number_cases));
	tcase_add_loop_test(tc, test_prose, 0, N(prose_cases));
	tcase_add_test(tc, test_table_rows);
	tcase_add_test(tc, test_table_conditions_from_caption);
	tcase_add_test(tc, test_table_results_at_header_conditions);
	tcase_add_test(tc, test_method_conditions);
	tcase_add_test(tc, test_table_sub_headings);
	tcase_add_test(tc, test_structured_document);
	tcase_add_test(tc, test_long_paragraph);
	tcase_add_test(tc, test_extractor_reused);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(extract_suite());
}
