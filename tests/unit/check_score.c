/*
 * check_score.c: unit tests of csvtab (CSV by column name) and score
 * (name folding, value comparison, the matching rules).  Expected folds
 * and float spellings are those the reference scorer (Python) gives.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "csvtab.h"
#include "diag.h"
#include "score.h"
#include "util.h"
#include "testlib.h"

static const struct { const char *in, *out; } folds[] = {
	{ "Co\xe2\x82\x81" "Ru\xe2\x82\x82" "/NC catalysts", "co1ru2/nc" },
	{ "Co\xe2\x80\x93" "N\xe2\x80\x93" "C", "co-n-c" },
	{ "FeN4\xc2\xa9" "G-K", "fen4@g-k" },
	{ "$\\text{Ru}_{3}$/BaCeO$_3$", "ru3/baceo3" },
	{ "Ru\\mathrm{NCs}", "runc" },
	{ "Ru\\rm NCs", "runc" },
	{ "\xef\xbc\xb2\xef\xbc\xb5/\xef\xbc\xa3\xef\xbd\x85\xef\xbc\xaf\xef\xbc\x92", "ru/ceo2" },
	{ "\xc2\xb5-Ru", "\xce\xbc-ru" },
	{ "Ru NPs", "runp" },
	{ "ssss", "" },
	{ "Ss", "ss" },
	{ "Ru\xc2\xb7" "catalyst", "ru\xc2\xb7" },
	{ "Ru_catalyst", "rucatalyst" },
	{ "Rucatalysts", "rucatalyst" },
	{ "the catalyst", "the" },
	{ "catalystcatalyst", "catalystcatalyst" },
	{ "Ru catalysts s", "rus" },
	{ "\xc4\xb0r", "i\xcc\x87r" },
	{ "\xce\x91\xce\x92-Ru", "\xce\xb1\xce\xb2-ru" },
	{ "\xef\xac\x81ne Ru", "fineru" },
	{ "Ru\xc2\xa0SAC\xe2\x80\x89x", "rusacx" },
	{ "Ru\xe2\x81\xbb", "ru-" },
	{ "\xe2\x85\xa2-Ru", "iii-ru" },
	{ "  ", "" },
	{ "", "" },
	{ "Co\xe2\x82\x82 ACCs", "co2acc" },
	{ "Ru\xc2\xb3\xe2\x81\xba/C", "ru3+/c" },
	{ "(\xe2\x89\xa1Si-O-)MoH\xe2\x82\x83", "(\xe2\x89\xa1si-o-)moh3" },
	{ "Cs\xe2\x80\x93Ru/MgO\xe2\x80\x94K", "cs-ru/mgo-k" },
	{ "\xf0\x9d\x90\x91\xf0\x9d\x90\xae/C", "ru/c" },
	{ "Ru\xe2\x88\x92" "Co", "ru-co" },
	/* Word boundaries around "catalyst" count non-ASCII letters and digits. */
	{ "Ru\xce\xb1" "catalyst", "ru\xce\xb1" "catalyst" },
	{ "Ru\xc2\xb2" "catalyst", "ru2catalyst" },
	{ "Ru catalyst\xc2\xb2 x", "rucatalyst2x" },
	{ "Ru\xe2\x80\x93" "catalyst\xe2\x80\x93K", "ru--k" },
	{ "Ru/C catalystss", "ru/ccatalyst" },
};

START_TEST(test_fold)
{
	char *f = score_fold_name(folds[_i].in);
	ck_assert_str_eq(f, folds[_i].out);
	free(f);
}
END_TEST

static const struct { const char *gold, *pred; int same; } cats[] = {
	{ "Co-N2|Co-N2 catalyst", "Co-N2", 1 },
	{ "MoHx|single Mo", "single Mo site", 1 },      /* gold name inside pred */
	{ "Ru SAC", "Ru/HZ SAC", 0 },
	{ "Ru/HZ SAC", "Ru/HZ", 1 },                    /* pred inside gold, both 4+ */
	{ "Ru", "Ru/C", 0 },                            /* too short for containment */
	{ "Co NPs", "Co NP", 1 },
	{ "catalyst", "catalyst", 0 },                  /* folds to nothing */
	{ "|  |Ru/CeO2", "Ru/CeO\xe2\x82\x82 catalyst", 1 },
	{ "Ru/CeO2", "", 0 },
};

START_TEST(test_same_catalyst)
{
	ck_assert_int_eq(score_same_catalyst(cats[_i].gold, cats[_i].pred), cats[_i].same);
}
END_TEST

static const struct { const char *a, *b; int same; } vals[] = {
	{ "4.34", "4.40", 1 }, { "4.34", "4.41", 0 }, { "96", "95", 1 },
	{ "80-130", "80-130 ", 1 }, { "", "None", 1 }, { "None", "", 1 },
	{ "1e-05", "0.00001", 1 }, { "38", "+38.0", 1 }, { ".5", "0.5", 0 },
	{ "5.", "5.0", 0 }, { "ABC", "abc", 1 }, { "0", "-0", 1 }, { "0", "1e-13", 1 },
	{ "100", "101.5", 1 }, { "100", "101.6", 0 }, { "60 000", "60000", 0 },
};

START_TEST(test_same_value)
{
	ck_assert_int_eq(score_same_value(vals[_i].a, vals[_i].b), vals[_i].same);
	ck_assert_int_eq(score_same_value(vals[_i].b, vals[_i].a), vals[_i].same);
}
END_TEST

static const struct { double v; const char *s; } floats[] = {
	{ 4.34, "4.34" }, { 0.0011, "0.0011" }, { 1e-05, "1e-05" }, { 1.5e+16, "1.5e+16" },
	{ 1e+16, "1e+16" }, { 60000.0, "60000.0" }, { 38.0, "38.0" }, { 0.0253, "0.0253" },
	{ 1.2345678901234568e+17, "1.2345678901234568e+17" }, { 0.0001, "0.0001" },
	{ -0.5, "-0.5" }, { 0.30000000000000004, "0.30000000000000004" }, { 1e+100, "1e+100" },
	{ 5e-324, "5e-324" }, { 9999999999999998.0, "9999999999999998.0" }, { 0.0, "0.0" },
};

START_TEST(test_format_float)
{
	char buf[32];
	ck_assert_str_eq(score_format_float(floats[_i].v, buf), floats[_i].s);
}
END_TEST

/* csvtab: header by name, quoted newlines, blank lines, BOM, CRLF. */
START_TEST(test_csvtab_read)
{
	static const char csv[] = "\xEF\xBB\xBF" "catalyst,tof_s,evidence\r\n"
		"Ru,0.1,\"two\nlines\"\r\n\r\n  Co  ,,\"a \"\"b\"\"\"\n";
	struct csvtab t = CSVTAB_INIT;
	struct diag *d = test_diag_new();
	ck_assert_int_eq(csvtab_parse("t.csv", csv, sizeof(csv) - 1, &t, d), 0);
	ck_assert_str_eq(test_diag_text(d), "");
	ck_assert_uint_eq(t.ncols, 3);
	ck_assert_uint_eq(t.nrows, 2);
	ck_assert_int_eq(csvtab_col(&t, "catalyst"), 0);
	ck_assert_int_eq(csvtab_col(&t, "evidence"), 2);
	ck_assert_int_eq(csvtab_col(&t, "doc"), -1);
	ck_assert_ptr_null(csvtab_get(&t, 0, -1));
	ck_assert_str_eq(csvtab_get(&t, 0, 2), "two\nlines");
	ck_assert_int_eq(t.rows[0].line, 2);
	ck_assert_str_eq(csvtab_get(&t, 1, 0), "  Co  ");
	ck_assert_str_eq(csvtab_get(&t, 1, 1), "");
	ck_assert_str_eq(csvtab_get(&t, 1, 2), "a \"b\"");
	ck_assert_int_eq(t.rows[1].line, 5);
	csvtab_release(&t);
	test_diag_free(d);
}
END_TEST

static const struct { const char *csv, *diag; } bad_csv[] = {
	{ "", "t.csv: error: [csv-empty] empty file: no header row\n" },
	{ "\n\n", "t.csv: error: [csv-empty] empty file: no header row\n" },
	{ "a,b\n1\n", "t.csv:2: error: [csv-fields] row has 1 field, the header has 2\n" },
	{ "a,b\n1,\"x\n",
	  "t.csv:2: error: [csv-quote] quoted field opened on this line is never closed\n" },
	{ "a,a\n", "t.csv:1: error: [csv-header] column 'a' appears twice (fields 1 and 2)\n" },
	{ "a\n\xff\n", "t.csv:2:1: error: [csv-utf8] invalid UTF-8 (byte 0xff)\n" },
	{ "a,b\n1,x\"y\"\n", "t.csv:2: error: [csv-quote] malformed quoting (a quote inside an unquoted "
	  "field, or text after a closing quote)\n" },
};

START_TEST(test_csvtab_bad)
{
	struct csvtab t = CSVTAB_INIT;
	struct diag *d = test_diag_new();
	ck_assert_int_eq(csvtab_parse("t.csv", bad_csv[_i].csv, strlen(bad_csv[_i].csv), &t, d), -1);
	ck_assert_str_eq(test_diag_text(d), bad_csv[_i].diag);
	csvtab_release(&t);
	test_diag_free(d);
}
END_TEST

START_TEST(test_csvtab_nul)
{
	static const char csv[] = "a\nx\0y\n";
	struct csvtab t = CSVTAB_INIT;
	struct diag *d = test_diag_new();
	ck_assert_int_eq(csvtab_parse("t.csv", csv, sizeof(csv) - 1, &t, d), -1);
	ck_assert_str_eq(test_diag_text(d), "t.csv:2:2: error: [csv-nul] NUL byte: not a text CSV file\n");
	csvtab_release(&t);
	test_diag_free(d);
}
END_TEST

static void parse(const char *csv, struct csvtab *t)
{
	struct diag *d = test_diag_new();
	ck_assert_int_eq(csvtab_parse("t.csv", csv, strlen(csv), t, d), 0);
	test_diag_free(d);
}

/*
 * The matching order: a gold fact takes the first unused prediction; when
 * all its matches are used it still counts, with the last of them.
 */
START_TEST(test_compute_order)
{
	struct csvtab g = CSVTAB_INIT, p = CSVTAB_INIT;
	struct score_result r;
	parse("catalyst,rate_mmol_gcat_h,temperature_C,optional\n"
	      "Ru/C,10,400,\nRu/C,10,350,\nRu/C,10.1,,\nCo/C,3,,yes\nFe/C,1,,\n", &g);
	parse("catalyst,rate_mmol_gcat_h,temperature_C,derived\n"
	      "Ru/C,10,400,\nRu/C,10.05,300,\nCo/C,3,,\nNi/C,2,,\nFe/C,1,,rate_mmol_gcat_h\n", &p);
	score_compute(&g, &p, NULL, 0, &r);
	ck_assert_uint_eq(r.required, 4);
	ck_assert_uint_eq(r.recalled, 3);      /* three Ru/C, all recalled; Fe/C derived */
	ck_assert_uint_eq(r.predicted, 4);
	ck_assert_uint_eq(r.matched, 3);       /* the optional Co/C match is no false positive */
	ck_assert_uint_eq(r.field_n[0], 2);
	ck_assert_uint_eq(r.field_ok[0], 1);   /* 400 = 400, 350 != 300 */
	ck_assert_uint_eq(r.nmissed, 1);
	ck_assert_str_eq(r.missed[0], "missed: Fe/C rate_mmol_gcat_h=1.0 (line None)");
	ck_assert_uint_eq(r.nunmatched, 1);
	ck_assert_str_eq(r.unmatched[0], "unmatched: Ni/C rate_mmol_gcat_h=2.0 ()");
	ck_assert_double_eq_tol(r.precision, 0.75, 1e-12);
	ck_assert_double_eq_tol(r.recall, 0.75, 1e-12);
	ck_assert_double_eq_tol(r.f1, 0.75, 1e-12);
	score_result_release(&r);
	csvtab_release(&g);
	csvtab_release(&p);
}
END_TEST

/* Conditions: loadings as sorted numbers, site type in any case. */
START_TEST(test_compute_conditions)
{
	struct csvtab g = CSVTAB_INIT, p = CSVTAB_INIT;
	struct score_result r;
	parse("doc,catalyst,tof_s,loading_wt,site_type,ref\n"
	      "a,Co1Ru2/NC,0.1,Ru:1.17;Co:0.41,bcc,81;82\nb,Ru/C,0.2,5,NP,\n", &g);
	parse("doc,catalyst,tof_s,loading_wt,site_type,ref\n"
	      "a,Co1Ru2/NC,0.1,Co:0.41;Ru:1.17, BCC ,81;82\nb,Ru/C,0.2,5,NP,\n", &p);
	score_compute(&g, &p, "a", 0, &r);
	ck_assert_uint_eq(r.required, 1);
	ck_assert_uint_eq(r.predicted, 1);
	ck_assert_uint_eq(r.field_ok[3] + r.field_ok[4] + r.field_ok[5], 3);
	ck_assert_uint_eq(r.field_n[3] + r.field_n[4] + r.field_n[5], 3);
	score_result_release(&r);
	csvtab_release(&g);
	csvtab_release(&p);
}
END_TEST

static Suite *score_suite(void)
{
	Suite *s = suite_create("score");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_fold, 0, (int)ARRAY_SIZE(folds));
	tcase_add_loop_test(tc, test_same_catalyst, 0, (int)ARRAY_SIZE(cats));
	tcase_add_loop_test(tc, test_same_value, 0, (int)ARRAY_SIZE(vals));
	tcase_add_loop_test(tc, test_format_float, 0, (int)ARRAY_SIZE(floats));
	tcase_add_test(tc, test_csvtab_read);
	tcase_add_loop_test(tc, test_csvtab_bad, 0, (int)ARRAY_SIZE(bad_csv));
	tcase_add_test(tc, test_csvtab_nul);
	tcase_add_test(tc, test_compute_order);
	tcase_add_test(tc, test_compute_conditions);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(score_suite());
}
