/*
 * testlib.c: fixtures for the Check unit tests.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "entry.h"
#include "extract.h"
#include "ingest.h"
#include "testlib.h"

char *test_path(const char *rel)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "%s/%s", SRCDIR, rel);
	return buf_detach(&b, NULL);
}

int test_run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* One diag at a time is enough for the tests. */
static FILE *diag_stream;
static char *diag_buf;
static size_t diag_len;

struct diag *test_diag_new(void)
{
	diag_stream = open_memstream(&diag_buf, &diag_len);
	ck_assert_ptr_nonnull(diag_stream);
	return diag_new(DIAG_FMT_TEXT, diag_stream);
}

const char *test_diag_text(struct diag *d)
{
	diag_finish(d);
	fflush(diag_stream);
	return diag_buf ? diag_buf : "";
}

void test_diag_free(struct diag *d)
{
	diag_free(d);
	fclose(diag_stream);
	free(diag_buf);
	diag_buf = NULL;
	diag_stream = NULL;
}

void test_extract_text(const char *name, const char *text, struct entry_set *set)
{
	struct diag *d = test_diag_new();
	struct document *doc = ingest_text(name, "t", text, strlen(text), d);
	struct extractor *ex = extractor_new();
	ck_assert_ptr_nonnull(doc);
	entry_set_init(set);
	extractor_run(ex, doc, set);
	extractor_free(ex);
	document_free(doc);
	test_diag_free(d);
}

void test_check_entries(const struct entry_set *set, const char *const *want)
{
	size_t k, n = 0;
	while (want[n])
		n++;
	for (k = 0; k < set->n && k < n + 3; k++)
		if (k >= n)
			fprintf(stderr, "unexpected entry %zu: %s (%s)\n", k,
				entry_get(&set->v[k], COL_CATALYST), entry_get(&set->v[k], COL_EVIDENCE));
	ck_assert_uint_eq(set->n, n);
	for (k = 0; k < n; k++) {
		char *w = strdup(want[k]);
		char *bar = strchr(w, '|'), *f;
		const struct entry *e = &set->v[k];
		if (bar)
			*bar = '\0';
		ck_assert_str_eq(entry_get(e, COL_CATALYST), w);
		ck_assert_str_eq(entry_get(e, COL_STATUS), "extracted");
		for (f = bar ? bar + 1 : NULL; f && *f;) {
			char *next = strchr(f, '|'), *eq;
			int col;
			if (next)
				*next = '\0';
			eq = strchr(f, '=');
			ck_assert_ptr_nonnull(eq);
			*eq = '\0';
			col = entry_col_find(f);
			ck_assert_int_ge(col, 0);
			ck_assert_msg(str_eq(entry_get(e, (enum entry_col)col), eq + 1),
				      "entry %zu column %s: got '%s', want '%s'", k, f,
				      entry_get(e, (enum entry_col)col), eq + 1);
			f = next ? next + 1 : NULL;
		}
		free(w);
	}
}
