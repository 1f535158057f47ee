/*
 * check_entries.c: unit tests of the entries CSV module (entry.c,
 * entries_csv.c): RFC 4180 reading, header checks, byte-identical round
 * trips, and every malformed input refused with its line.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "entry.h"
#include "testlib.h"

#define HDR "id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter," \
	"size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h," \
	"rate_metal,tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note"
#define ROW1 "r:1,r,table,L205,Co-N-C,SAC,Co,3.8,N-C,,,350,1,60000,4.34,,,,,48,experiment,,Table 1,extracted,"
/* Schema v2: outlet_nh3_pct after ea_kJ_mol. */
#define HDR2 "id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter," \
	"size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h," \
	"rate_metal,tof_s,ea_kJ_mol,outlet_nh3_pct,ref,method,derived,evidence,status,note"
#define ROW1_V2 "r:1,r,table,L205,Co-N-C,SAC,Co,3.8,N-C,,,350,1,60000,4.34,,,,,0.45,48,experiment,,Table 1,extracted,"

/* Parse text; returns the reader's result, leaves diagnostics in *msgs. */
static int parse(const char *text, size_t len, struct entry_set *s, char **msgs)
{
	struct diag *d = test_diag_new();
	int rc;
	entry_set_init(s);
	rc = entries_parse("t.csv", text, len, s, d);
	*msgs = strdup(test_diag_text(d));
	test_diag_free(d);
	return rc;
}

/* Read, write back, compare bytes. */
static void assert_round_trip(const char *text, size_t len)
{
	struct entry_set s;
	struct buf out = BUF_INIT;
	char *msgs;
	ck_assert_int_eq(parse(text, len, &s, &msgs), 0);
	ck_assert_str_eq(msgs, "");
	entries_format(&s, &out);
	ck_assert_uint_eq(out.len, len);
	ck_assert_int_eq(memcmp(out.data, text, len), 0);
	buf_release(&out);
	entry_set_release(&s);
	free(msgs);
}

START_TEST(test_round_trip_plain)
{
	const char *t = HDR "\n" ROW1 "\n";
	assert_round_trip(t, strlen(t));
}
END_TEST

/* Each file form a valid entries CSV may take, read then written unchanged. */
static const char *const round_trip_cases[] = {
	HDR "\r\n" ROW1 "\r\n",                            /* CRLF */
	"\xEF\xBB\xBF" HDR "\n" ROW1 "\n",                  /* UTF-8 BOM */
	HDR "\n" ROW1,                                      /* no final newline */
	HDR "\n",                                           /* header only */
	HDR,                                                /* header only, no newline */
	HDR "\n\"r:1\",r,table,L1,\"Co1Ru2/NC\",BCC,Ru;Co,Ru:1.17;Co:0.41,NC,,,400,1,,,,,,,96,,,"
	"\"text, with \"\"quotes\"\"\nand a newline\r\nand CRLF inside\",reviewed,\n",
	HDR "\n" "r:1,r,text,L9,  spaced  ,,,,,,,,,,,,,,,,,,,extracted,\n",   /* spaces kept */
	HDR ",ref_doi,x_mine\n" ROW1 ",10.1039/d3sc06998b,\"a,b\"\n",  /* extra columns */
	HDR "\n" "r:1,r,text,L9,N\xC3\x97H\xE2\x82\x83,,,,,,,,,,,,,,,,,,\"\xC2\xB5mol\",extracted,\n",
};

START_TEST(test_round_trip_forms)
{
	const char *t = round_trip_cases[_i];
	assert_round_trip(t, strlen(t));
}
END_TEST

START_TEST(test_fields_read)
{
	const char *t = round_trip_cases[5];
	struct entry_set s;
	char *msgs;
	ck_assert_int_eq(parse(t, strlen(t), &s, &msgs), 0);
	ck_assert_uint_eq(s.n, 1);
	ck_assert_str_eq(entry_get(&s.v[0], COL_CATALYST), "Co1Ru2/NC");
	ck_assert_str_eq(entry_get(&s.v[0], COL_LOADING_WT), "Ru:1.17;Co:0.41");
	ck_assert_str_eq(entry_get(&s.v[0], COL_EVIDENCE),
			 "text, with \"quotes\"\nand a newline\r\nand CRLF inside");
	ck_assert_str_eq(entry_get(&s.v[0], COL_STATUS), "reviewed");
	ck_assert_str_eq(entry_get(&s.v[0], COL_NOTE), "");
	ck_assert_int_eq(s.v[0].line, 2);
	entry_set_release(&s);
	free(msgs);
}
END_TEST

START_TEST(test_edit_rewrites_row_canonically)
{
	const char *t = HDR "\r\n\"r:1\",r,table,L205,Co-N-C,SAC,Co,3.8,N-C,,,350,1,60000,4.34,,,,,48,"
		"experiment,,Table 1,extracted,\r\n" ROW1 "\r\n";
	struct entry_set s;
	struct buf out = BUF_INIT;
	char *msgs;
	double v;
	ck_assert_int_eq(parse(t, strlen(t), &s, &msgs), 0);
	entry_set(&s.v[1], COL_NOTE, "checked, \"ok\"");
	entry_set_num(&s.v[1], COL_TEMPERATURE_C, 623.15 - 273.15);
	ck_assert_int_eq(entry_get_num(&s.v[1], COL_TEMPERATURE_C, &v), 1);
	entries_format(&s, &out);
	/* Row 1 untouched keeps its quotes; row 2 is rewritten, CRLF kept. */
	ck_assert_ptr_nonnull(strstr(out.data, "\"r:1\",r,table"));
	ck_assert_ptr_nonnull(strstr(out.data, ",350,1,60000,4.34,,,,,48,experiment,,Table 1,"
				     "extracted,\"checked, \"\"ok\"\"\"\r\n"));
	buf_release(&out);
	entry_set_release(&s);
	free(msgs);
}
END_TEST

struct bad_case {
	const char *text;
	size_t len;        /* 0: strlen */
	const char *msg;   /* expected in the diagnostics */
};

static const struct bad_case bad_cases[] = {
	{ "", 0, "t.csv: error: [csv-empty] empty file" },
	{ "id,doc\n", 0, "t.csv:1: error: [schema-header] missing column 'source'" },
	{ "doc,id,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,"
	  "temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,"
	  "tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note\n", 0,
	  "t.csv:1: error: [schema-header] column 'id' is field 2, schema v1 puts it at field 1" },
	{ HDR ",colour\n", 0, "t.csv:1: error: [schema-header] unknown column 'colour' (field 26)" },
	{ "id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,"
	  "temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,"
	  "tof_s,outlet_nh3_pct,ea_kJ_mol,ref,method,derived,evidence,status,note\n", 0,
	  "t.csv:1: error: [schema-header] column 'ea_kJ_mol' is field 20, schema v2 puts it at field 19" },
	{ HDR ",id\n", 0, "column 'id' appears twice" },
	{ HDR "\n" ROW1 ",extra\n", 0, "t.csv:2: error: [csv-fields] row has 26 fields, the header has 25" },
	{ HDR "\nr:1,r\n", 0, "t.csv:2: error: [csv-fields] row has 2 fields" },
	{ HDR "\n\"r:1,r,table\n", 0, "t.csv:2: error: [csv-quote] quoted field opened on this line is never closed" },
	{ HDR "\nr:\"1,r\n" ROW1 "\n", 0, "t.csv:2: error: [csv-quote] malformed quoting" },
	{ HDR "\n" ROW1 "\n\n", 0, "t.csv:3: error: [csv-blank-line] empty line" },
	{ HDR "\nr:1,r\xff,table\n", 0, "t.csv:2:6: error: [csv-utf8] invalid UTF-8 (byte 0xff)" },
	{ HDR "\nr:1,\xC3\xA9\0x\n", sizeof(HDR) + 10, "t.csv:2:6: error: [csv-nul] NUL byte" },
	{ "\n", 0, "t.csv:1: error: [csv-header] empty line where the header row should be" },
};

START_TEST(test_malformed)
{
	const struct bad_case *c = &bad_cases[_i];
	struct entry_set s;
	char *msgs;
	int rc = parse(c->text, c->len ? c->len : strlen(c->text), &s, &msgs);
	ck_assert_int_eq(rc, -1);
	if (!strstr(msgs, c->msg))
		ck_abort_msg("case %d: expected '%s' in:\n%s", _i, c->msg, msgs);
	entry_set_release(&s);
	free(msgs);
}
END_TEST

START_TEST(test_bad_rows_do_not_hide_good_ones)
{
	const char *t = HDR "\nr:1,r\n" ROW1 "\n";
	struct entry_set s;
	char *msgs;
	ck_assert_int_eq(parse(t, strlen(t), &s, &msgs), -1);
	ck_assert_uint_eq(s.n, 1);
	ck_assert_int_eq(s.v[0].line, 3);
	entry_set_release(&s);
	free(msgs);
}
END_TEST

START_TEST(test_large_field_and_many_columns)
{
	struct buf b = BUF_INIT;
	struct entry_set s;
	char *msgs;
	size_t i;
	/* A 1 MB field is read whole. */
	buf_addstr(&b, HDR "\nr:1,r,text,L1,");
	for (i = 0; i < 1024 * 1024; i++)
		buf_addch(&b, 'a' + (char)(i % 26));
	buf_addstr(&b, ",,,,,,,,,,,,,,,,,,,extracted,\n");
	ck_assert_int_eq(parse(b.data, b.len, &s, &msgs), 0);
	ck_assert_uint_eq(strlen(entry_get(&s.v[0], COL_CATALYST)), 1024 * 1024);
	entry_set_release(&s);
	free(msgs);
	/* 10,000 columns: refused, with a bounded number of messages. */
	buf_reset(&b);
	buf_addstr(&b, HDR);
	for (i = 0; i < 10000; i++)
		buf_printf(&b, ",c%zu", i);
	buf_addch(&b, '\n');
	ck_assert_int_eq(parse(b.data, b.len, &s, &msgs), -1);
	ck_assert_ptr_nonnull(strstr(msgs, "unknown column 'c0'"));
	ck_assert_ptr_nonnull(strstr(msgs, "9995 more unknown columns"));
	ck_assert_uint_lt(strlen(msgs), 2000);
	entry_set_release(&s);
	free(msgs);
	buf_release(&b);
}
END_TEST

START_TEST(test_new_set_writes_schema_header)
{
	struct entry_set s;
	struct buf out = BUF_INIT;
	struct entry *e;
	entry_set_init(&s);
	e = entry_set_append(&s);
	entry_set(e, COL_ID, "k:1");
	entry_set_num(e, COL_RATE_GCAT, 0.0253);
	entry_add_derived(e, "rate_mmol_gcat_h");
	entry_add_derived(e, "rate_mmol_gcat_h");
	entry_add_derived(e, "loading_wt");
	entries_format(&s, &out);
	ck_assert_str_eq(out.data, HDR2 "\nk:1,,,,,,,,,,,,,,0.0253,,,,,,,,rate_mmol_gcat_h;loading_wt,,,\n");
	buf_release(&out);
	entry_set_release(&s);
}
END_TEST

/* entries_each gives the rows entries_read gives, one at a time, and stops when asked. */
struct each_ctx {
	const struct entry_set *want;
	size_t n, stop_at;
};

static int each_row(void *ctx, const struct entry *e)
{
	struct each_ctx *c = ctx;
	size_t k;
	ck_assert_uint_lt(c->n, c->want->n);
	for (k = 0; k < ENTRY_NCOLS; k++)
		ck_assert_str_eq(entry_get(e, (enum entry_col)k),
				 entry_get(&c->want->v[c->n], (enum entry_col)k));
	ck_assert_int_eq(e->line, c->want->v[c->n].line);
	return ++c->n == c->stop_at;
}

START_TEST(test_each_streams_rows)
{
	static const char *const forms[] = {
		HDR "\n" ROW1 "\n",
		"\xEF\xBB\xBF" HDR "\r\n" ROW1 "\r\n" ROW1,
	};
	char path[] = "/tmp/check_entries.XXXXXX";
	struct buf b = BUF_INIT;
	size_t i, f;
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	for (f = 0; f <= ARRAY_SIZE(forms); f++) {
		struct entry_set s;
		struct each_ctx c = { NULL, 0, 0 };
		struct diag *d;
		FILE *out;
		char *msgs;
		buf_reset(&b);
		if (f < ARRAY_SIZE(forms)) {
			buf_addstr(&b, forms[f]);
		} else {
			/* quoted fields with line breaks and quotes across the 64 KB reads */
			buf_addstr(&b, HDR "\n");
			for (i = 0; i < 3000; i++)
				buf_printf(&b, "r:%zu,r,text,L%zu,Ru/C,,,,,,,,,,,,,,,,,,\"ev \"\"%zu\"\"\nnext, line\","
					   "%s,\n", i, i, i, i == 2999 ? "reviewed" : "extracted");
		}
		out = fopen(path, "wb");
		ck_assert_ptr_nonnull(out);
		ck_assert_uint_eq(fwrite(b.data, 1, b.len, out), b.len);
		fclose(out);
		ck_assert_int_eq(parse(b.data, b.len, &s, &msgs), 0);
		c.want = &s;
		d = test_diag_new();
		ck_assert_int_eq(entries_each(path, each_row, &c, d), 0);
		ck_assert_uint_eq(c.n, s.n);
		ck_assert_str_eq(test_diag_text(d), "");
		/* stopping early */
		c.n = 0;
		c.stop_at = 1;
		ck_assert_int_eq(entries_each(path, each_row, &c, d), 0);
		ck_assert_uint_eq(c.n, s.n ? 1 : 0);
		test_diag_free(d);
		entry_set_release(&s);
		free(msgs);
	}
	close(fd);
	unlink(path);
	buf_release(&b);
}
END_TEST

/* Schema v1 and v2 files are read; each is written back in its own version. */
START_TEST(test_versions)
{
	const char *v1 = HDR "\n" ROW1 "\n", *v2 = HDR2 "\n" ROW1_V2 "\n";
	struct entry_set s;
	struct buf out = BUF_INIT;
	char *msgs;
	double v;

	ck_assert_int_eq(parse(v1, strlen(v1), &s, &msgs), 0);
	ck_assert_int_eq(s.version, 1);
	ck_assert_str_eq(entry_get(&s.v[0], COL_REF), "48");
	ck_assert_str_eq(entry_get(&s.v[0], COL_OUTLET_NH3), "");
	ck_assert_int_eq(entries_version_out(&s), 1);
	/* a value in the new column moves the file to v2, every other cell kept */
	entry_set(&s.v[0], COL_NOTE, "checked");
	entries_format(&s, &out);
	ck_assert_str_eq(out.data, HDR "\n" ROW1 "checked\n");
	buf_reset(&out);
	entry_set(&s.v[0], COL_OUTLET_NH3, "0.45");
	ck_assert_int_eq(entries_version_out(&s), 2);
	entries_format(&s, &out);
	ck_assert_str_eq(out.data, HDR2 "\n" ROW1_V2 "checked\n");
	entry_set_release(&s);
	free(msgs);

	ck_assert_int_eq(parse(v2, strlen(v2), &s, &msgs), 0);
	ck_assert_str_eq(msgs, "");
	ck_assert_int_eq(s.version, 2);
	ck_assert_int_eq(entry_get_num(&s.v[0], COL_OUTLET_NH3, &v), 1);
	ck_assert(v == 0.45);
	ck_assert_str_eq(entry_get(&s.v[0], COL_REF), "48");
	entry_set_release(&s);
	free(msgs);
	assert_round_trip(v2, strlen(v2));
	buf_release(&out);
}
END_TEST

static Suite *entries_suite(void)
{
	Suite *s = suite_create("entries");
	TCase *tc = tcase_create("csv");
	tcase_add_test(tc, test_round_trip_plain);
	tcase_add_loop_test(tc, test_round_trip_forms, 0, (int)(sizeof(round_trip_cases) / sizeof(round_trip_cases[0])));
	tcase_add_test(tc, test_fields_read);
	tcase_add_test(tc, test_edit_rewrites_row_canonically);
	tcase_add_loop_test(tc, test_malformed, 0, (int)(sizeof(bad_cases) / sizeof(bad_cases[0])));
	tcase_add_test(tc, test_bad_rows_do_not_hide_good_ones);
	tcase_add_test(tc, test_large_field_and_many_columns);
	tcase_add_test(tc, test_new_set_writes_schema_header);
	tcase_add_test(tc, test_each_streams_rows);
	tcase_add_test(tc, test_versions);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(entries_suite());
}
