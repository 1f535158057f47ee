/*
 * testlib.c: fixtures for the Check unit tests.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
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
