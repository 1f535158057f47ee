/*
 * check_rules.c: unit tests of the rule catalogue, the rules-file parser
 * and waivers (rules.c): rules/default.rules states exactly the compiled
 * defaults, every malformed line is refused with its line number, and
 * waivers match, refuse bad input and report what they never excused.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "rules.h"
#include "testlib.h"

/* Parse text over r; diagnostics into *msgs (caller frees). */
static int parse(struct rules *r, const char *text, char **msgs)
{
	struct diag *d = test_diag_new();
	int rc = rules_parse(r, "t.rules", text, strlen(text), d);
	*msgs = strdup(test_diag_text(d));
	test_diag_free(d);
	return rc;
}

START_TEST(test_catalogue)
{
	int i, k;
	for (i = 0; i < RULE_COUNT; i++) {
		ck_assert_ptr_nonnull(rule_table[i].id);
		ck_assert_ptr_nonnull(rule_table[i].summary);
		ck_assert_ptr_nonnull(rule_table[i].explain);
		ck_assert_int_eq(rule_find(rule_table[i].id), i);
		/* a one-line summary; an explanation that ends its last line */
		ck_assert_ptr_null(strchr(rule_table[i].summary, '\n'));
		ck_assert(str_endswith(rule_table[i].explain, "\n"));
		for (k = 0; k < i; k++)
			ck_assert_str_ne(rule_table[i].id, rule_table[k].id);
	}
	ck_assert_int_eq(rule_find("no-such-rule"), -1);
	ck_assert_int_eq(rule_find(""), -1);
}
END_TEST

/* rules/default.rules, read over a blank set, gives the compiled defaults. */
START_TEST(test_default_file_matches_compiled)
{
	struct rules *def = rules_new(), *r = rules_new();
	struct diag *d = test_diag_new();
	char *path = test_path("rules/default.rules");
	size_t i;
	int c;

	r->np_min_nm = r->sac_max_nm = r->rate_tolerance = -1;
	r->fold_tolerance = r->value_tolerance = r->outlet_tolerance = -1;
	memset(r->range, 0, sizeof(r->range));
	for (i = 0; i < RULE_COUNT; i++)
		r->sev[i] = 99;
	for (i = 0; i < r->ntopic; i++)
		free(r->topic[i]);
	r->ntopic = 0;
	/* the index of the words freed above goes with them (found by AddressSanitizer) */
	hashidx_release(&r->topic_idx);

	ck_assert_int_eq(rules_load(r, path, d), 0);
	ck_assert_str_eq(test_diag_text(d), "");
	ck_assert(r->np_min_nm == def->np_min_nm);
	ck_assert(r->sac_max_nm == def->sac_max_nm);
	ck_assert(r->rate_tolerance == def->rate_tolerance);
	ck_assert(r->fold_tolerance == def->fold_tolerance);
	ck_assert(r->value_tolerance == def->value_tolerance);
	ck_assert(r->outlet_tolerance == def->outlet_tolerance);
	for (c = 0; c < ENTRY_NCOLS; c++) {
		ck_assert_msg(r->range[c].set == def->range[c].set, "range of %s", entry_cols[c].name);
		ck_assert(r->range[c].min == def->range[c].min);
		ck_assert(r->range[c].max == def->range[c].max);
	}
	/* schema rules are errors by nature; the file lists the others */
	for (i = R_VALUE_RANGE; i < RULE_COUNT; i++)
		ck_assert_msg(r->sev[i] == def->sev[i], "severity of %s", rule_table[i].id);
	ck_assert_uint_eq(r->ntopic, def->ntopic);
	for (i = 0; i < def->ntopic; i++)
		ck_assert(rules_is_topic(r, def->topic[i], strlen(def->topic[i])));

	free(path);
	test_diag_free(d);
	rules_free(r);
	rules_free(def);
}
END_TEST

START_TEST(test_directives)
{
	struct rules *r = rules_new();
	char *msgs;
	ck_assert_int_eq(parse(r,
		"# comment line\n"
		"\n"
		"set np-min-size 3   # trailing comment\n"
		"range temperature_C 100 500\n"
		"severity duplicate error\n"
		"severity site-type-name off\n"
		"topic Haber-Bosch nitride\r\n", &msgs), 0);
	ck_assert_str_eq(msgs, "");
	ck_assert(r->np_min_nm == 3);
	ck_assert(r->range[COL_TEMPERATURE_C].min == 100);
	ck_assert(r->range[COL_TEMPERATURE_C].max == 500);
	ck_assert_int_eq(r->sev[R_DUPLICATE], DIAG_ERROR);
	ck_assert_int_eq(r->sev[R_SITE_TYPE_NAME], RULE_OFF);
	ck_assert(rules_is_topic(r, "NITRIDE", 7));
	ck_assert(rules_is_topic(r, "ammonia", 7));   /* defaults stay */
	ck_assert(!rules_is_topic(r, "nitrid", 6));
	free(msgs);
	rules_free(r);
}
END_TEST

/* Each malformed line, and the message it gets (line 2: line 1 is fine). */
static const struct {
	const char *line;
	const char *msg;
} bad_lines[] = {
	{ "set np-min-size", "t.rules:2: error: [rules-syntax] 'set' takes a name and a number" },
	{ "set np-min-size 2 3", "t.rules:2: error: [rules-syntax] 'set' takes" },
	{ "set np-min-size -1", "t.rules:2: error: [rules-syntax] '-1' is not a number of zero or more" },
	{ "set np-min-size 2nm", "t.rules:2: error: [rules-syntax] '2nm' is not a number" },
	{ "set size 2", "t.rules:2: error: [rules-syntax] unknown setting 'size'" },
	{ "range temperature_C 20", "t.rules:2: error: [rules-syntax] 'range' takes a column" },
	{ "range temp 20 700", "t.rules:2: error: [rules-syntax] 'temp' is not a numeric column" },
	{ "range catalyst 20 700", "t.rules:2: error: [rules-syntax] 'catalyst' is not a numeric column" },
	{ "range temperature_C low 700", "t.rules:2: error: [rules-syntax] minimum 'low' is not a number" },
	{ "range temperature_C 20 high", "t.rules:2: error: [rules-syntax] maximum 'high' is not a number" },
	{ "range temperature_C 700 20", "t.rules:2: error: [rules-syntax] minimum 700 is above maximum 20" },
	{ "severity duplicate", "t.rules:2: error: [rules-syntax] 'severity' takes a rule and a level" },
	{ "severity dupe error", "t.rules:2: error: [rules-syntax] unknown rule 'dupe'" },
	{ "severity duplicate fatal", "t.rules:2: error: [rules-syntax] unknown level 'fatal'" },
	{ "topic", "t.rules:2: error: [rules-syntax] 'topic' takes one or more words" },
	{ "threshold 2", "t.rules:2: error: [rules-syntax] unknown directive 'threshold'" },
	{ "set np-min-size \0 2", "t.rules:2: error: [rules-syntax] NUL byte" },
};

START_TEST(test_bad_lines)
{
	static const char before[] = "set sac-max-size 0.4\n", after[] = "\nset fold-tolerance 0.2\n";
	struct rules *r = rules_new();
	struct diag *d = test_diag_new();
	const char *line = bad_lines[_i].line, *p;
	char text[256];
	size_t n = strlen(line), newlines = 0;

	if (strstr(bad_lines[_i].msg, "NUL"))
		n += 1 + strlen(line + n + 1);   /* the NUL sits inside the line */
	memcpy(text, before, sizeof(before) - 1);
	memcpy(text + sizeof(before) - 1, line, n);
	memcpy(text + sizeof(before) - 1 + n, after, sizeof(after) - 1);
	ck_assert_int_eq(rules_parse(r, "t.rules", text, sizeof(before) - 1 + n + sizeof(after) - 1,
				     d), -1);
	ck_assert_msg(str_startswith(test_diag_text(d), bad_lines[_i].msg), "got: %s",
		      test_diag_text(d));
	/* one message, for the bad line only; the good lines still apply */
	for (p = test_diag_text(d); *p; p++)
		newlines += *p == '\n';
	ck_assert_uint_eq(newlines, 1);
	ck_assert(r->sac_max_nm == 0.4);
	ck_assert(r->fold_tolerance == 0.2);
	test_diag_free(d);
	rules_free(r);
}
END_TEST

START_TEST(test_missing_file)
{
	struct rules *r = rules_new();
	struct diag *d = test_diag_new();
	ck_assert_int_eq(rules_load(r, "/nonexistent/x.rules", d), -1);
	test_diag_free(d);
	rules_free(r);
}
END_TEST

/* --- waivers ---------------------------------------------------------- */

struct unused_log {
	char text[512];
};

static void log_unused(void *ctx, const char *file, long line, const char *id, const char *rule)
{
	struct unused_log *l = ctx;
	size_t n = strlen(l->text);
	snprintf(l->text + n, sizeof(l->text) - n, "%s:%ld %s %s\n", file, line, id, rule);
}

START_TEST(test_waiver_file)
{
	static const char text[] =
		"# curated exceptions\n"
		"doc:3 site-type-size   the review groups it with clusters\n"
		"\n"
		"doc:4\tduplicate\tkept: two runs\n";
	struct waivers *w = waivers_new();
	struct diag *d = test_diag_new();
	struct unused_log log = { "" };

	ck_assert_int_eq(waivers_parse(w, "w.txt", text, strlen(text), d), 0);
	ck_assert_str_eq(test_diag_text(d), "");
	ck_assert_str_eq(waivers_match(w, "doc:3", R_SITE_TYPE_SIZE),
			 "the review groups it with clusters");
	ck_assert_ptr_null(waivers_match(w, "doc:3", R_SITE_TYPE_NAME));
	ck_assert_ptr_null(waivers_match(w, "doc:5", R_SITE_TYPE_SIZE));
	waivers_take_unused(w, log_unused, &log);
	ck_assert_str_eq(log.text, "w.txt:4 doc:4 duplicate\n");
	/* taken: reported once */
	log.text[0] = '\0';
	waivers_take_unused(w, log_unused, &log);
	ck_assert_str_eq(log.text, "");
	test_diag_free(d);
	waivers_free(w);
}
END_TEST

static const struct {
	const char *line;
	const char *msg;
} bad_waivers[] = {
	{ "doc:3", "w.txt:2: error: [waiver-syntax] expected ENTRY-ID RULE reason, got only 'doc:3'" },
	{ "doc:3 site-type-size", "w.txt:2: error: [waiver-syntax] waiver of site-type-size for 'doc:3' gives no reason" },
	{ "doc:3 site-type-size   \t", "w.txt:2: error: [waiver-syntax] waiver of site-type-size for 'doc:3' gives no reason" },
	{ "doc:3 sizes because", "w.txt:2: error: [waiver-syntax] unknown rule 'sizes'" },
};

START_TEST(test_waiver_file_bad)
{
	struct waivers *w = waivers_new();
	struct diag *d = test_diag_new();
	char text[256];
	snprintf(text, sizeof(text), "doc:1 duplicate fine\n%s\n", bad_waivers[_i].line);
	ck_assert_int_eq(waivers_parse(w, "w.txt", text, strlen(text), d), -1);
	ck_assert_msg(str_startswith(test_diag_text(d), bad_waivers[_i].msg), "got: %s",
		      test_diag_text(d));
	test_diag_free(d);
	waivers_free(w);
}
END_TEST

static const struct {
	const char *cell;
	int ok;
	size_t n;   /* waivers added */
} cells[] = {
	{ "site-type-size: grouped with clusters by the review", 1, 1 },
	{ "site-type-size: a; duplicate: b", 1, 2 },
	{ " duplicate :  spaced out ", 1, 1 },
	{ "site-type-size", 0, 0 },
	{ "site-type-size:", 0, 0 },
	{ "site-type-size:   ", 0, 0 },
	{ "nope: reason", 0, 0 },
	{ "duplicate: fine; nope: reason", 0, 0 },   /* all or nothing */
};

START_TEST(test_waive_cells)
{
	struct waivers *w = waivers_new();
	struct unused_log log = { "" };
	const char *why = NULL;
	size_t lines = 0;
	char *p;
	ck_assert_int_eq(waivers_add_cell(w, "f.csv", 7, "doc:1", cells[_i].cell, &why),
			 cells[_i].ok ? 0 : -1);
	if (!cells[_i].ok)
		ck_assert_ptr_nonnull(why);
	waivers_take_unused(w, log_unused, &log);
	for (p = log.text; *p; p++)
		lines += *p == '\n';
	ck_assert_uint_eq(lines, cells[_i].n);
	waivers_free(w);
}
END_TEST

START_TEST(test_waive_cell_match)
{
	struct waivers *w = waivers_new();
	const char *why;
	ck_assert_int_eq(waivers_add_cell(w, "f.csv", 7, "doc:1",
					  " duplicate :  spaced out ", &why), 0);
	ck_assert_str_eq(waivers_match(w, "doc:1", R_DUPLICATE), "spaced out");
	ck_assert_ptr_null(waivers_match(w, "", R_DUPLICATE));
	ck_assert_ptr_null(waivers_match(NULL, "doc:1", R_DUPLICATE));
	waivers_free(w);
}
END_TEST

static Suite *rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_catalogue);
	tcase_add_test(tc, test_default_file_matches_compiled);
	tcase_add_test(tc, test_directives);
	tcase_add_loop_test(tc, test_bad_lines, 0, (int)ARRAY_SIZE(bad_lines));
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_waiver_file);
	tcase_add_loop_test(tc, test_waiver_file_bad, 0, (int)ARRAY_SIZE(bad_waivers));
	tcase_add_loop_test(tc, test_waive_cells, 0, (int)ARRAY_SIZE(cells));
	tcase_add_test(tc, test_waive_cell_match);
	suite_add_tcase(s, tc);
	return s;
}

int main(void);
int main(void)
{
	return test_run_suite(rules_suite());
}
