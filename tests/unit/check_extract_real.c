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

static Suite *extract_real_suite(void)
{
	Suite *s = suite_create("extract_real");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, test_evidence_bounded);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(extract_real_suite());
}
