/*
 * check_chem.c: unit tests of the chemistry leaf (chem.c): the element
 * table and roles over every element of groups 3 to 12, catalyst names
 * over every active metal with common supports and promoters, bulk
 * compounds, the site type of labels and the name fold.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chem.h"
#include "testlib.h"
#include "util.h"

/* Every element of groups 3 to 12: active from group 5 to 11 (up to Au), else a support metal. */
START_TEST(test_groups_3_to_12)
{
	int z, seen = 0, active = 0;
	for (z = 1; z <= 118; z++) {
		const char *sym = chem_element_symbol(z);
		int g = chem_group(sym, strlen(sym));
		enum element_role want;
		ck_assert(chem_is_element(sym, strlen(sym)));
		if (g < 3 || g > 12)
			continue;
		seen++;
		want = g >= 5 && g <= 11 && z <= 79 ? ELEM_ACTIVE : ELEM_SUPPORT;
		ck_assert_msg(chem_element_role(sym, strlen(sym)) == want, "%s (group %d): role %d",
			      sym, g, chem_element_role(sym, strlen(sym)));
		ck_assert(chem_is_metal(sym, strlen(sym)));
		ck_assert(chem_element_name(sym, strlen(sym)) != NULL);
		active += want == ELEM_ACTIVE;
	}
	ck_assert_int_eq(seen, 40);    /* 4 periods of 10 */
	ck_assert_int_eq(active, 21);  /* V..Cu, Nb..Ag, Ta..Au */
}
END_TEST

static const struct {
	const char *sym;
	enum element_role role;
} roles[] = {
	{ "Ru", ELEM_ACTIVE }, { "Co", ELEM_ACTIVE }, { "Fe", ELEM_ACTIVE }, { "Ta", ELEM_ACTIVE },
	{ "Au", ELEM_ACTIVE }, { "Ag", ELEM_ACTIVE }, { "W", ELEM_ACTIVE }, { "V", ELEM_ACTIVE },
	{ "K", ELEM_PROMOTER }, { "Cs", ELEM_PROMOTER }, { "Ba", ELEM_PROMOTER },
	{ "Li", ELEM_PROMOTER }, { "Na", ELEM_PROMOTER }, { "Rb", ELEM_PROMOTER },
	{ "Sr", ELEM_PROMOTER }, { "Ca", ELEM_PROMOTER }, { "Mg", ELEM_PROMOTER },
	{ "Ce", ELEM_SUPPORT }, { "Sm", ELEM_SUPPORT }, { "La", ELEM_SUPPORT }, { "Pr", ELEM_SUPPORT },
	{ "Al", ELEM_SUPPORT }, { "Ti", ELEM_SUPPORT }, { "Zr", ELEM_SUPPORT }, { "Zn", ELEM_SUPPORT },
	{ "Y", ELEM_SUPPORT }, { "Sc", ELEM_SUPPORT }, { "Hf", ELEM_SUPPORT },
	{ "N", ELEM_NONMETAL }, { "C", ELEM_NONMETAL }, { "Si", ELEM_NONMETAL }, { "H", ELEM_NONMETAL },
	{ "O", ELEM_NONMETAL }, { "S", ELEM_NONMETAL }, { "B", ELEM_NONMETAL },
	{ "Xy", ELEM_UNKNOWN }, { "ru", ELEM_UNKNOWN }, { "J", ELEM_UNKNOWN }, { "", ELEM_UNKNOWN },
	{ "Ruu", ELEM_UNKNOWN },
};

START_TEST(test_roles)
{
	const char *s = roles[_i].sym;
	ck_assert_int_eq(chem_element_role(s, strlen(s)), roles[_i].role);
}
END_TEST

static const char *const supports[] = {
	"CeO2", "MgO", "BaCeO3", "Sm2O3", "N-C", "NC", "HZSM-5", "HZ", "S-1", "Al2O3", "SiO2",
	"TiO2", "ZrO2", "CNT", "C", "La2O3", "Pr2O3", "Y2O3", "BaTiO3", "CaH2", "C12A7",
	"MgAl2O4", "Nb2O5", "Co3Mo3N", "MoS2", "FeOx", "Ba-Ca(NH2)2", "LaN", "BaO", "CaO",
	"ZnO", "G-K", "MgO-MIL", "C-CNT",
};
static const char *const promoters[] = { "K", "Cs", "Ba", "Na", "Li", "Rb", "Sr", "Ca" };

/* Every active metal on every common support, bare, promoted and as single atoms. */
START_TEST(test_metal_on_supports)
{
	int z;
	for (z = 1; z <= 79; z++) {
		const char *m = chem_element_symbol(z);
		size_t k;
		if (chem_element_role(m, strlen(m)) != ELEM_ACTIVE)
			continue;
		for (k = 0; k < ARRAY_SIZE(supports); k++) {
			struct chem_name cn;
			char name[64], metals[32];
			snprintf(name, sizeof(name), "%s/%s", m, supports[k]);
			chem_name_analyze(name, &cn);
			chem_name_metals(&cn, metals, sizeof(metals));
			ck_assert_msg(str_eq(metals, m), "'%s': metals '%s'", name, metals);
			ck_assert_msg(str_eq(cn.support, supports[k]), "'%s': support '%s'", name, cn.support);
			ck_assert_msg(cn.marker == SITE_NONE, "'%s': marker %s", name, site_type_name(cn.marker));

			snprintf(name, sizeof(name), "%s1/%s", m, supports[k]);
			chem_name_analyze(name, &cn);
			ck_assert_msg(cn.marker == SITE_SAC && cn.nmetals == 1, "'%s'", name);
		}
		for (k = 0; k < ARRAY_SIZE(promoters); k++) {
			struct chem_name cn;
			char name[64];
			snprintf(name, sizeof(name), "%s-%s/CeO2", promoters[k], m);
			chem_name_analyze(name, &cn);
			ck_assert_msg(str_eq(cn.promoter, promoters[k]), "'%s': promoter '%s'", name,
				      cn.promoter);
			ck_assert_msg(cn.nmetals == 1 && str_eq(cn.metals[0], m), "'%s'", name);
			ck_assert_str_eq(cn.support, "CeO2");
		}
	}
}
END_TEST

/* Support metals of groups 3, 4 and 12 (and the lanthanides) never count as active. */
START_TEST(test_support_metals)
{
	int z;
	for (z = 1; z <= 118; z++) {
		const char *x = chem_element_symbol(z);
		struct chem_name cn;
		char name[32];
		if (chem_element_role(x, strlen(x)) != ELEM_SUPPORT)
			continue;
		snprintf(name, sizeof(name), "Ru/%sO2", x);
		chem_name_analyze(name, &cn);
		ck_assert_msg(cn.nmetals == 1 && str_eq(cn.metals[0], "Ru"), "'%s'", name);
		ck_assert_str_eq(cn.support, name + 3);
	}
}
END_TEST

static const struct {
	const char *name;
	enum site_type marker, stated;
	const char *metals, *support, *promoter;
	double size;
} names[] = {
	{ "Au/TiO2", SITE_NONE, SITE_NONE, "Au", "TiO2", "", -1 },
	{ "Ta/MgO", SITE_NONE, SITE_NONE, "Ta", "MgO", "", -1 },
	{ "Ru/HZ SAC", SITE_SAC, SITE_SAC, "Ru", "HZ", "", -1 },
	{ "Ba-Ru SAs/S-1", SITE_SAC, SITE_SAC, "Ru", "S-1", "Ba", -1 },
	{ "1.4 nm Ru NCs", SITE_SCC, SITE_SCC, "Ru", "", "", 1.4 },
	{ "Ru-Co clusters@N-C", SITE_SCC, SITE_SCC, "Ru;Co", "N-C", "", -1 },
	{ "Ba/Co2 ACCs", SITE_SCC, SITE_SCC, "Co", "", "Ba", -1 },
	{ "Ru/CeO2(SAC)", SITE_SAC, SITE_SAC, "Ru", "CeO2", "", -1 },
	{ "CoRu NPA", SITE_NP, SITE_BCC, "Co;Ru", "", "", -1 },
	{ "Fe-K2O-Al2O3", SITE_BULK, SITE_NONE, "Fe", "", "K", -1 },
	{ "Ru/Ba-Ca(NH2)2", SITE_NONE, SITE_NONE, "Ru", "Ba-Ca(NH2)2", "Ba", -1 },
	{ "Co-N-C", SITE_SAC, SITE_NONE, "Co", "", "", -1 },
	{ "FeN\xe2\x82\x84\xc2\xa9G-K", SITE_SAC, SITE_NONE, "Fe", "G-K", "K", -1 },
	{ "Fe1/Co3Mo3N", SITE_SAC, SITE_NONE, "Fe", "Co3Mo3N", "", -1 },
	{ "5% Ru/Sm2O3 (activated)", SITE_NONE, SITE_NONE, "Ru", "Sm2O3", "", -1 },
	{ "Ru nanoparticles on MgO", SITE_NP, SITE_NP, "Ru", "MgO", "", -1 },
	{ "single-atom Ni on N-doped carbon", SITE_SAC, SITE_SAC, "Ni", "", "", -1 },
	{ "Ru-2.8 nm", SITE_NONE, SITE_NONE, "Ru", "", "", 2.8 },
	/* bulk compounds: formulas whose digits are stoichiometry */
	{ "Co3Mo3N", SITE_BULK, SITE_NONE, "Co;Mo", "", "", -1 },
	{ "Ni2Mo3N", SITE_BULK, SITE_NONE, "Ni;Mo", "", "", -1 },
	{ "LaCo0.98Ru0.02O3", SITE_BULK, SITE_NONE, "Co;Ru", "", "", -1 },
	{ "Fe1-xO", SITE_BULK, SITE_NONE, "Fe", "", "", -1 },
	{ "Fe1\xe2\x88\x92xO", SITE_BULK, SITE_NONE, "Fe", "", "", -1 },   /* Fe1−xO */
	{ "Fe1-\xce\xb4O", SITE_BULK, SITE_NONE, "Fe", "", "", -1 },       /* Fe1-δO */
	{ "WC", SITE_BULK, SITE_NONE, "W", "", "", -1 },
	{ "MoHx", SITE_BULK, SITE_NONE, "Mo", "", "", -1 },
	{ "LaCoSi", SITE_BULK, SITE_NONE, "Co", "", "", -1 },
	{ "LnRuSi", SITE_BULK, SITE_NONE, "Ru", "", "", -1 },   /* Ln: a lanthanide, any */
	{ "LaN", SITE_BULK, SITE_NONE, "", "", "", -1 },
	{ "C12A7:e-", SITE_BULK, SITE_NONE, "", "", "", -1 },
	{ "Ru/C12A7:e-", SITE_NONE, SITE_NONE, "Ru", "C12A7", "", -1 },
	/* nitrides and hydrides of the alkaline earths; their oxides stay promoters */
	{ "Ca2N:e-", SITE_BULK, SITE_NONE, "", "", "", -1 },
	{ "CaH2", SITE_BULK, SITE_NONE, "", "", "", -1 },
	{ "Ca2NH", SITE_BULK, SITE_NONE, "", "", "", -1 },
	{ "K2O", SITE_NONE, SITE_NONE, "", "", "K", -1 },
	/* not compounds */
	{ "Co1Ru2", SITE_NONE, SITE_NONE, "Co;Ru", "", "", -1 },
	{ "NH3", SITE_NONE, SITE_NONE, "", "", "", -1 },
	{ "WHSV", SITE_NONE, SITE_NONE, "", "", "", -1 },
	{ "", SITE_NONE, SITE_NONE, "", "", "", -1 },
};

START_TEST(test_names)
{
	struct chem_name cn;
	char metals[32];
	chem_name_analyze(names[_i].name, &cn);
	chem_name_metals(&cn, metals, sizeof(metals));
	ck_assert_msg(cn.marker == names[_i].marker, "'%s': marker %s", names[_i].name,
		      site_type_name(cn.marker));
	ck_assert_msg(cn.stated == names[_i].stated, "'%s': stated %s", names[_i].name,
		      site_type_name(cn.stated));
	ck_assert_msg(str_eq(metals, names[_i].metals), "'%s': metals '%s'", names[_i].name, metals);
	ck_assert_msg(str_eq(cn.support, names[_i].support), "'%s': support '%s'", names[_i].name,
		      cn.support);
	ck_assert_msg(str_eq(cn.promoter, names[_i].promoter), "'%s': promoter '%s'",
		      names[_i].name, cn.promoter);
	ck_assert(cn.size_nm == names[_i].size);
}
END_TEST

START_TEST(test_labels)
{
	ck_assert_int_eq(chem_site_of_label("SACs"), SITE_SAC);
	ck_assert_int_eq(chem_site_of_label("Single-atom catalysts"), SITE_SAC);
	ck_assert_int_eq(chem_site_of_label("Bimetallic clusters"), SITE_BCC);
	ck_assert_int_eq(chem_site_of_label("NPA"), SITE_BCC);
	ck_assert_int_eq(chem_site_of_label("Nanoparticles"), SITE_NP);
	ck_assert_int_eq(chem_site_of_label("SCCs"), SITE_SCC);
	ck_assert_int_eq(chem_site_of_label("Table 1"), SITE_NONE);
	ck_assert_int_eq(chem_site_of_label("Co3Mo3N"), SITE_NONE);   /* a formula states nothing */
}
END_TEST

START_TEST(test_site_type_names)
{
	enum site_type t;
	for (t = SITE_SAC; t <= SITE_BULK; t++)
		ck_assert_int_eq(site_type_parse(site_type_name(t)), t);
	ck_assert_int_eq(site_type_parse("np"), SITE_NONE);
	ck_assert_int_eq(site_type_parse(""), SITE_NONE);
	ck_assert_str_eq(site_type_name(SITE_BULK), "bulk");
	ck_assert_str_eq(site_type_name(SITE_NONE), "");
}
END_TEST

START_TEST(test_fold)
{
	char *f = chem_fold_name("Co\xe2\x82\x81Ru\xe2\x82\x82/NC");   /* Co₁Ru₂/NC */
	ck_assert_str_eq(f, "co1ru2nc");
	free(f);
	ck_assert(chem_same_name("Ru NCs", "ru-nc"));
	ck_assert(chem_same_name("Ru/CeO2", "Ru-CeO2"));
	ck_assert(!chem_same_name("Ru/CeO2", "Ru/CeO3"));
	ck_assert(!chem_same_name("Ru", ""));
	ck_assert(chem_same_name("", " - "));
}
END_TEST

static Suite *chem_suite(void)
{
	Suite *s = suite_create("chem");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_groups_3_to_12);
	tcase_add_loop_test(tc, test_roles, 0, (int)ARRAY_SIZE(roles));
	tcase_add_test(tc, test_metal_on_supports);
	tcase_add_test(tc, test_support_metals);
	tcase_add_loop_test(tc, test_names, 0, (int)ARRAY_SIZE(names));
	tcase_add_test(tc, test_labels);
	tcase_add_test(tc, test_site_type_names);
	tcase_add_test(tc, test_fold);
	suite_add_tcase(s, tc);
	return s;
}

int main(void);
int main(void)
{
	return test_run_suite(chem_suite());
}
