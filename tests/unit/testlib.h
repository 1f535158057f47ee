/*
 * testlib.h: helpers shared by the Check unit tests.
 */
#ifndef NH3CAT_TESTLIB_H
#define NH3CAT_TESTLIB_H

#include <check.h>
#include <stddef.h>

/* Absolute path of a file under the source tree (tests/...); caller frees. */
char *test_path(const char *rel);
/* Run one suite; returns the exit status for main(). */
int test_run_suite(Suite *s);
/* A diag writing into a temporary stream, and what it wrote. */
struct diag;
struct diag *test_diag_new(void);
const char *test_diag_text(struct diag *d);   /* valid until test_diag_free */
void test_diag_free(struct diag *d);

/*
 * Extract the entries of a small text (read as NAME, ".txt" or ".md"),
 * into set (initialised here; the caller releases it).
 */
struct entry_set;
void test_extract_text(const char *name, const char *text, struct entry_set *set /* OUT */);
/*
 * Check set against want: NULL-terminated, one string per entry in order,
 * "catalyst|column=value|column=value" (an empty value: the cell is empty).
 */
void test_check_entries(const struct entry_set *set, const char *const *want);

#endif
