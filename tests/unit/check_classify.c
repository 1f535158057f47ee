/*
 * check_classify.c: unit tests of the site-type classifier (classify.c):
 * marker words, element roles, active metals parsed from names, sizes in
 * names, inference, and filling empty site_type and metals.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "classify.h"
#include "entry.h"
#include "testlib.h"

static const struct classify_limits lim = { 2.0, 0.5 };

/* Active metals of nf as "Co;Ru". */
static void metals_str(const struct chem_name *nf, char *out, size_t n)
{
	size_t k;
	out[0] = '\0';
	for (k = 0; k < nf->nmetals; k++) {
		if (k)
			strncat(out, ";", n - strlen(out) - 1);
		strncat(out, nf->metals[k], n - strlen(out) - 1);
	}
}

static const struct {
	const char *name;
	enum site_type marker;
	const char *metals;
	double size;
	enum site_type inferred;
} names[] = {
	/* single atoms: SAC words, M-Nx sites, M1/support */
	{ "Co-N-C", SITE_SAC, "Co", -1, SITE_SAC },
	{ "Ba-Ru SAs/S-1", SITE_SAC, "Ru", -1, SITE_SAC },
	{ "Ru/HZ SAC", SITE_SAC, "Ru", -1, SITE_SAC },
	{ "Co-N2", SITE_SAC, "Co", -1, SITE_SAC },
	{ "Co-N\xe2\x82\x82", SITE_SAC, "Co", -1, SITE_SAC },        /* Co-N₂ */
	{ "FeN4@G-K", SITE_SAC, "Fe", -1, SITE_SAC },
	{ "FeN\xe2\x82\x84\xc2\xa9G-K", SITE_SAC, "Fe", -1, SITE_SAC }, /* FeN₄©G-K */
	{ "Ru/CeO2(SAC)", SITE_SAC, "Ru", -1, SITE_SAC },
	{ "Pt1/FeOx", SITE_SAC, "Pt", -1, SITE_SAC },
	{ "Ir1/MgAl2O4", SITE_SAC, "Ir", -1, SITE_SAC },
	{ "single-atom Ni on N-doped carbon", SITE_SAC, "Ni", -1, SITE_SAC },
	{ "Fe-Nx/C", SITE_SAC, "Fe", -1, SITE_SAC },
	{ "Fe1/Co3Mo3N", SITE_SAC, "Fe", -1, SITE_SAC },   /* a nitride support */
	{ "Ru/MoS2", SITE_NONE, "Ru", -1, SITE_NONE },
	{ "Co3Mo3N", SITE_BULK, "Co;Mo", -1, SITE_BULK },   /* the nitride itself */
	/* clusters: words and dimers; promoters and supports are not metals */
	{ "1.4 nm Ru NCs", SITE_SCC, "Ru", 1.4, SITE_SCC },
	{ "Ru clusters/CeO2", SITE_SCC, "Ru", -1, SITE_SCC },
	{ "0.5Ru-SNCs", SITE_SCC, "Ru", -1, SITE_SCC },
	{ "Ru ACCs", SITE_SCC, "Ru", -1, SITE_SCC },
	{ "Co2 ACCs", SITE_SCC, "Co", -1, SITE_SCC },
	{ "Ba/Co2 ACCs", SITE_SCC, "Co", -1, SITE_SCC },
	{ "Co\xe2\x82\x82 ACCs", SITE_SCC, "Co", -1, SITE_SCC },      /* Co₂ ACCs */
	{ "Fe3/Al2O3", SITE_SCC, "Fe", -1, SITE_SCC },
	/* nanoparticles, by word or by the size in the name */
	{ "5 nm Ru NPs", SITE_NP, "Ru", 5, SITE_NP },
	{ "1.2Ru-NPs", SITE_NP, "Ru", -1, SITE_NP },
	{ "Ru-2.8 nm", SITE_NONE, "Ru", 2.8, SITE_NP },
	{ "Ru nanoparticles on MgO", SITE_NP, "Ru", -1, SITE_NP },
	/* bimetallics: two active metals make BCC whatever the marker */
	{ "Co1Ru2/NC", SITE_NONE, "Co;Ru", -1, SITE_BCC },
	{ "Ru-Co clusters@N-C", SITE_SCC, "Ru;Co", -1, SITE_BCC },
	{ "Co1Ru SAA", SITE_BCC, "Co;Ru", -1, SITE_BCC },
	{ "CoRu NPA", SITE_NP, "Co;Ru", -1, SITE_BCC },
	{ "Co\xe2\x82\x81Ru\xe2\x82\x82/NC", SITE_NONE, "Co;Ru", -1, SITE_BCC },
	/* nothing to go by: no marker, no size */
	{ "MoHx", SITE_BULK, "Mo", -1, SITE_BULK },         /* a hydride */
	{ "Ru3.0/BaCeO3", SITE_NONE, "Ru", -1, SITE_NONE },
	{ "Ru1.1/BaCeO3", SITE_NONE, "Ru", -1, SITE_NONE },
	{ "Ru/MgO-MIL", SITE_NONE, "Ru", -1, SITE_NONE },
	{ "5% Ru/Sm2O3 (activated)", SITE_NONE, "Ru", -1, SITE_NONE },
	{ "Cs-Ru/MgO", SITE_NONE, "Ru", -1, SITE_NONE },
	{ "LaN", SITE_BULK, "", -1, SITE_BULK },
	{ "WHSV", SITE_NONE, "", -1, SITE_NONE },           /* W, H, S, V: an abbreviation */
	{ "Ru/C-CNT", SITE_NONE, "Ru", -1, SITE_NONE },
	{ "WC", SITE_BULK, "W", -1, SITE_BULK },            /* tungsten carbide */
	{ "Fe1-xO", SITE_BULK, "Fe", -1, SITE_BULK },       /* wustite, no single atom */
	{ "", SITE_NONE, "", -1, SITE_NONE },
};

START_TEST(test_names)
{
	struct chem_name nf;
	char metals[64];
	chem_name_analyze(names[_i].name, &nf);
	metals_str(&nf, metals, sizeof(metals));
	ck_assert_msg(nf.marker == names[_i].marker, "'%s': marker %s, expected %s",
		      names[_i].name, site_type_name(nf.marker), site_type_name(names[_i].marker));
	ck_assert_str_eq(metals, names[_i].metals);
	ck_assert_msg(nf.size_nm == names[_i].size, "'%s': size %g", names[_i].name, nf.size_nm);
	ck_assert_msg(classify_infer(&nf, nf.size_nm, nf.nmetals, &lim) == names[_i].inferred,
		      "'%s': inferred %s", names[_i].name,
		      site_type_name(classify_infer(&nf, nf.size_nm, nf.nmetals, &lim)));
}
END_TEST

START_TEST(test_marker_word)
{
	struct chem_name nf;
	chem_name_analyze("Co-N2 catalyst", &nf);
	ck_assert_str_eq(nf.marker_word, "Co-N2");
	chem_name_analyze("Ru ACCs", &nf);
	ck_assert_str_eq(nf.marker_word, "ACCs");
	chem_name_analyze("CoRu NPA", &nf);
	ck_assert_str_eq(nf.marker_word, "NPA");
	ck_assert_int_eq(nf.np_alloy, 1);
	chem_name_analyze("Co NPs", &nf);
	ck_assert_int_eq(nf.np_alloy, 0);
}
END_TEST

/* The thresholds decide by size when nothing else does. */
START_TEST(test_infer_by_size)
{
	struct chem_name nf;
	struct classify_limits wide = { 3.0, 0.5 };
	chem_name_analyze("Ru/MgO", &nf);
	ck_assert_int_eq(classify_infer(&nf, 0.3, 1, &lim), SITE_SAC);
	ck_assert_int_eq(classify_infer(&nf, 1.9, 1, &lim), SITE_SCC);
	ck_assert_int_eq(classify_infer(&nf, 2.0, 1, &lim), SITE_NP);
	ck_assert_int_eq(classify_infer(&nf, 2.8, 1, &wide), SITE_SCC);
	ck_assert_int_eq(classify_infer(&nf, -1, 1, &lim), SITE_NONE);
	ck_assert_int_eq(classify_infer(&nf, 5, 2, &lim), SITE_BCC);
}
END_TEST


/* Facts of an entry: size_nm, metals and per-metal loadings take part. */
START_TEST(test_entry_facts)
{
	struct entry e;
	struct chem_name nf;
	double size;
	size_t nm;

	entry_init(&e, 0);
	entry_set(&e, COL_CATALYST, "Ru clusters@N-C");
	classify_entry_facts(&e, &nf, &size, &nm);
	ck_assert(size < 0);
	ck_assert_uint_eq(nm, 1);
	entry_set(&e, COL_SIZE_NM, "2.4");
	entry_set(&e, COL_LOADING_WT, "Ru:1.0;Co:0.5");
	classify_entry_facts(&e, &nf, &size, &nm);
	ck_assert(size == 2.4);
	ck_assert_uint_eq(nm, 2);
	entry_set(&e, COL_METALS, "Ru");
	classify_entry_facts(&e, &nf, &size, &nm);
	ck_assert_uint_eq(nm, 1);
	entry_release(&e);
}
END_TEST

/* Empty site_type and metals are filled, and derived says so. */
START_TEST(test_fill)
{
	struct entry_set s;
	struct entry *e;

	entry_set_init(&s);
	e = entry_set_append(&s);
	entry_set(e, COL_CATALYST, "Co2 ACCs");
	e = entry_set_append(&s);
	entry_set(e, COL_CATALYST, "Ru-2.8 nm");
	entry_set(e, COL_SITE_TYPE, "SCC");
	entry_set(e, COL_METALS, "Ru");
	e = entry_set_append(&s);
	entry_set(e, COL_CATALYST, "Ru/MgO-MIL");
	entry_set(e, COL_METALS, "Ru");

	ck_assert_uint_eq(classify_fill(&s, &lim), 1);
	ck_assert_str_eq(entry_get(&s.v[0], COL_SITE_TYPE), "SCC");
	ck_assert_str_eq(entry_get(&s.v[0], COL_METALS), "Co");
	ck_assert_str_eq(entry_get(&s.v[0], COL_DERIVED), "site_type;metals");
	/* a declared type is never overwritten, even when it looks wrong */
	ck_assert_str_eq(entry_get(&s.v[1], COL_SITE_TYPE), "SCC");
	ck_assert_str_eq(entry_get(&s.v[1], COL_DERIVED), "");
	ck_assert_str_eq(entry_get(&s.v[2], COL_SITE_TYPE), "");
	entry_set_release(&s);
}
END_TEST

static Suite *classify_suite(void)
{
	Suite *s = suite_create("classify");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_names, 0, (int)ARRAY_SIZE(names));
	tcase_add_test(tc, test_marker_word);
	tcase_add_test(tc, test_infer_by_size);
	tcase_add_test(tc, test_entry_facts);
	tcase_add_test(tc, test_fill);
	suite_add_tcase(s, tc);
	return s;
}

int main(void);
int main(void)
{
	return test_run_suite(classify_suite());
}
