/*
 * check_util.c: unit tests of util, buf, utf8, diag and fileio.
 */
#include <config.h>

#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "fileio.h"
#include "utf8.h"
#include "util.h"
#include "testlib.h"

static const struct { const char *in; double v; } num_ok[] = {
	{ "0", 0 }, { "12", 12 }, { "-0.5", -0.5 }, { "+3.25", 3.25 }, { "2.53e-2", 0.0253 },
	{ "60000", 60000 }, { "1E3", 1000 }, { ".5", 0.5 }, { "5.", 5 },
};
static const char *const num_bad[] = {
	"", "-", ".", "1,5", "0x10", "inf", "nan", "1e", "1e+", " 1", "1 ", "12abc", "1.2.3", "--1",
	"1e999", "1e-999", "-1e400", "4.9e-324",
};

/* The schema's number grammar (validate --explain schema-number). */
static const struct { const char *in; const char *why; } plain_cases[] = {
	{ "0", NULL }, { "2.7", NULL }, { "-85.3", NULL }, { "60000", NULL }, { "007", NULL },
	{ "0.000000000000001", NULL }, { "999999999999999.9", NULL },
	{ "3.5e2", "written with an exponent" }, { "1E3", "written with an exponent" },
	{ "+3", "not a plain decimal" }, { ".5", "not a plain decimal" },
	{ "5.", "not a plain decimal" }, { "60 000", "not a plain decimal" },
	{ "1,5", "not a plain decimal" }, { "inf", "not a plain decimal" }, { "", "not a plain decimal" },
	{ "-", "not a plain decimal" },
	{ "1000000000000000", "outside the magnitudes" },
	{ "0.0000000000000001", "outside the magnitudes" },
	{ "1.00000000000000000000000000000000000000000001", "longer than the 40 characters" },
};

START_TEST(test_num_plain)
{
	double v = -1;
	const char *why = num_plain_check(plain_cases[_i].in, &v);
	if (!plain_cases[_i].why) {
		ck_assert_msg(why == NULL, "'%s': %s", plain_cases[_i].in, why);
		ck_assert_double_eq(v, strtod(plain_cases[_i].in, NULL));
	} else {
		ck_assert_msg(why && strstr(why, plain_cases[_i].why), "'%s': %s", plain_cases[_i].in,
			      why ? why : "accepted");
	}
}
END_TEST

/* Every value an entry may hold prints as a schema number, and back. */
START_TEST(test_num_plain_round_trip)
{
	char buf[NUM_BUFSZ];
	double x = NUM_MIN, back;
	int sign;
	for (sign = 1; sign >= -1; sign -= 2)
		for (x = NUM_MIN; x < NUM_MAX; x *= 1.0371) {
			ck_assert(num_in_range(sign * x));
			num_format(sign * x, buf);
			ck_assert_msg(num_plain_check(buf, &back) == NULL, "%s", buf);
			ck_assert(back == sign * x);
		}
	ck_assert(!num_in_range(NUM_MAX));
	ck_assert(!num_in_range(NUM_MIN / 2));
	ck_assert(num_in_range(0));
}
END_TEST

START_TEST(test_num_parse_ok)
{
	double v = -1;
	ck_assert_int_eq(num_parse(num_ok[_i].in, &v), 0);
	ck_assert_double_eq_tol(v, num_ok[_i].v, 1e-15);
}
END_TEST

START_TEST(test_num_parse_bad)
{
	double v;
	ck_assert_int_eq(num_parse(num_bad[_i], &v), -1);
}
END_TEST

START_TEST(test_num_format)
{
	char buf[NUM_BUFSZ];
	ck_assert_str_eq(num_format(2.7, buf), "2.7");
	ck_assert_str_eq(num_format(0.0253, buf), "0.0253");
	ck_assert_str_eq(num_format(60000, buf), "60000");
	ck_assert_str_eq(num_format(1e-7, buf), "0.0000001");
	ck_assert_str_eq(num_format(1.5e21, buf), "1500000000000000000000");
	ck_assert_str_eq(num_format(-85.3, buf), "-85.3");
	ck_assert_str_eq(num_format(0, buf), "0");
	ck_assert_str_eq(num_format(350.0, buf), "350");
}
END_TEST

/* num_format's definition by printing alone: the shortest %.Ng that reads back, without exponent */
static void format_by_printing(double v, char *buf)
{
	int prec;
	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, NUM_BUFSZ, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (strchr(buf, 'e')) {
		int decimals = prec - 1 - (int)floor(log10(fabs(v)));
		size_t n;
		snprintf(buf, NUM_BUFSZ, "%.*f", decimals < 0 ? 0 : decimals, v);
		n = strlen(buf);
		if (strchr(buf, '.')) {
			while (n > 0 && buf[n - 1] == '0')
				buf[--n] = '\0';
			if (n > 0 && buf[n - 1] == '.')
				buf[--n] = '\0';
		}
	}
}

/*
 * The digits found by arithmetic (num_digits, num_format) are those
 * printing gives, for decimals as papers write them, their conversions
 * (x 0.001, + 273.15, / 3600) and values near ties and powers of ten.
 */
START_TEST(test_num_digits_as_printed)
{
	char fast[NUM_BUFSZ], slow[NUM_BUFSZ], pr[64];
	uint64_t r = 88172645463325252ULL;
	int i, fast_paths = 0;
	for (i = 0; i < 200000; i++) {
		double v, n, back;
		int digits, ex, sig, k, e;
		uint64_t m;
		r ^= r << 13, r ^= r >> 7, r ^= r << 17;
		digits = 1 + (int)(r % 15);
		ex = (int)((r >> 8) % 26) - 10;
		m = (r >> 16) % 1000000000000000ULL;
		while (m >= 1 && digits < 15 && m > 10 && (r >> 40) % 3 == 0)
			m /= 10;
		snprintf(pr, sizeof(pr), "%llue%d", (unsigned long long)m, ex - digits);
		v = strtod(pr, NULL);
		switch ((r >> 50) % 6) {
		case 1: v *= 0.001; break;
		case 2: v += 273.15; break;
		case 3: v /= 3600; break;
		case 4: v = nextafter(v, 1e300); break;
		case 5: v = (double)(m % 1000) + 0.5 * ((r >> 56) % 2) ; break;
		default: break;
		}
		if (v == 0 || !isfinite(v))
			continue;
		for (sig = 13; sig <= 15; sig += 2)
			if (num_digits(fabs(v), sig, &n, &k, &e) == 0) {
				snprintf(pr, sizeof(pr), "%.*e", sig - 1, fabs(v));
				back = strtod(pr, NULL);
				ck_assert_msg(back == n / num_pow10(k), "%.17g at %d digits: %s", v, sig, pr);
				fast_paths++;
			}
		if (num_round_dec(v, 10, &n) == 0) {
			snprintf(pr, sizeof(pr), "%.10f", v);
			ck_assert_msg(strtod(pr, NULL) == n, "%.17g at 10 decimals: %s", v, pr);
			fast_paths++;
		}
		format_by_printing(v, slow);
		ck_assert_str_eq(num_format(v, fast), slow);
		format_by_printing(-v, slow);
		ck_assert_str_eq(num_format(-v, fast), slow);
	}
	/* the test sees the arithmetic path, not only the printing one */
	ck_assert_int_gt(fast_paths, 100000);
}
END_TEST

/* Formatting then parsing gives the same double back, for awkward values. */
START_TEST(test_num_round_trip)
{
	char buf[NUM_BUFSZ];
	double x = 1e-12;
	int i;
	for (i = 0; i < 400; i++) {
		double back;
		x *= 1.37;
		ck_assert_int_eq(num_parse(num_format(x, buf), &back), 0);
		ck_assert(back == x);
		ck_assert_ptr_null(strchr(buf, 'e'));
	}
}
END_TEST

/* A comma-decimal locale must not change how numbers read or print. */
START_TEST(test_num_locale)
{
	char buf[NUM_BUFSZ];
	double v;
	if (!setlocale(LC_ALL, "de_DE.UTF-8") && !setlocale(LC_ALL, "fr_FR.UTF-8") &&
	    !setlocale(LC_ALL, "C.UTF-8"))
		return;
	ck_assert_int_eq(num_parse("2.5", &v), 0);
	ck_assert_double_eq(v, 2.5);
	ck_assert_int_eq(num_parse("2,5", &v), -1);
	ck_assert_str_eq(num_format(2.5, buf), "2.5");
	setlocale(LC_ALL, "C");
}
END_TEST

START_TEST(test_utf8)
{
	uint32_t cp;
	char out[4];
	ck_assert_uint_eq(utf8_decode("\xE2\x82\x83", 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x2083);
	ck_assert_uint_eq(utf8_encode(0x2083, out), 3);
	ck_assert_int_eq(memcmp(out, "\xE2\x82\x83", 3), 0);
	ck_assert_uint_eq(utf8_decode("\xC0\xAF", 2, &cp), 0);          /* overlong */
	ck_assert_uint_eq(utf8_decode("\xED\xA0\x80", 3, &cp), 0);      /* surrogate */
	ck_assert_uint_eq(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0);  /* > U+10FFFF */
	ck_assert_uint_eq(utf8_decode("\xE2\x82", 2, &cp), 0);          /* truncated */
	ck_assert_uint_eq(utf8_validate("ab\xC2\xB5x\xff", 6), 5);
	ck_assert_uint_eq(utf8_count("\xC2\xB5mol", 5), 4);
}
END_TEST

START_TEST(test_buf)
{
	struct buf b = BUF_INIT;
	char *p;
	size_t n;
	ck_assert_str_eq(buf_str(&b), "");
	buf_addstr(&b, "rate ");
	buf_printf(&b, "%d %s", 42, "mmol");
	buf_addch(&b, '!');
	ck_assert_str_eq(buf_str(&b), "rate 42 mmol!");
	buf_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	buf_printf(&b, "%0500d", 7);
	ck_assert_uint_eq(b.len, 500);
	p = buf_detach(&b, &n);
	ck_assert_uint_eq(n, 500);
	ck_assert_ptr_null(b.data);
	free(p);
}
END_TEST

START_TEST(test_diag_formats)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct diag *d = diag_new(DIAG_FMT_GITHUB, f);
	diag_emit(d, "a,b.csv", 3, 0, DIAG_ERROR, "schema-number", "50%% off\nnext");
	diag_emit(d, "x.csv", 0, 0, DIAG_NOTE, NULL, "whole file");
	ck_assert_uint_eq(diag_count(d, DIAG_ERROR), 1);
	ck_assert_uint_eq(diag_count(d, DIAG_NOTE), 1);
	diag_free(d);
	fclose(f);
	ck_assert_str_eq(text, "::error file=a%2Cb.csv,line=3,title=schema-number::50%25 off%0Anext\n"
			 "::notice file=x.csv::whole file\n");
	free(text);

	f = open_memstream(&text, &len);
	d = diag_new(DIAG_FMT_JSON, f);
	diag_emit(d, "a.csv", 3, 7, DIAG_WARNING, "r", "say \"hi\"");
	diag_free(d);
	fclose(f);
	ck_assert_str_eq(text, "[\n  {\"file\": \"a.csv\", \"line\": 3, \"column\": 7, \"severity\": "
			 "\"warning\", \"rule\": \"r\", \"message\": \"say \\\"hi\\\"\"}\n]\n");
	free(text);

	f = open_memstream(&text, &len);
	d = diag_new(DIAG_FMT_TEXT, f);
	diag_emit(d, "a.csv", 3, 7, DIAG_ERROR, "r", "m");
	diag_emit(d, "a.csv", 4, 0, DIAG_WARNING, NULL, "n");
	diag_free(d);
	fclose(f);
	ck_assert_str_eq(text, "a.csv:3:7: error: [r] m\na.csv:4: warning: n\n");
	free(text);
}
END_TEST

static void collect(void *ctx, const struct diag_item *it)
{
	struct buf *b = ctx;
	buf_printf(b, "%s|%ld|%ld|%s|%s|%s\n", it->file, it->line, it->col,
		   diag_severity_name(it->sev), it->rule, it->message);
}

START_TEST(test_diag_collect)
{
	struct buf b = BUF_INIT;
	struct diag *d = diag_new_collect(collect, &b);
	diag_emit(d, "a.csv", 2, 0, DIAG_ERROR, "site-size", "Ru-2.8 nm at %.1f nm", 2.8);
	diag_emit(d, NULL, 0, 0, DIAG_NOTE, NULL, "n");
	ck_assert_uint_eq(diag_count(d, DIAG_ERROR), 1);
	diag_free(d);
	ck_assert_str_eq(buf_str(&b), "a.csv|2|0|error|site-size|Ru-2.8 nm at 2.8 nm\n-|0|0|note||n\n");
	buf_release(&b);
}
END_TEST

START_TEST(test_atomic_write)
{
	char dir[] = "/tmp/nh3cat-test.XXXXXX";
	struct buf path = BUF_INIT;
	char *data;
	size_t len;
	struct stat st;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	buf_printf(&path, "%s/e.csv", dir);
	ck_assert_int_eq(file_write_atomic(path.data, "old\n", 4), 0);
	chmod(path.data, 0600);
	ck_assert_int_eq(file_write_atomic(path.data, "new\n", 4), 0);
	data = file_read_all(path.data, &len);
	ck_assert_str_eq(data, "new\n");
	free(data);
	ck_assert_int_eq(stat(path.data, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0600);
	/* A folder that does not exist: an error, nothing written. */
	buf_reset(&path);
	buf_printf(&path, "%s/missing/e.csv", dir);
	ck_assert_int_eq(file_write_atomic(path.data, "x", 1), -1);
	buf_reset(&path);
	buf_printf(&path, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(path.data), 0);
	buf_release(&path);
}
END_TEST

/*
 * -o /dev/null must write to the device, not rename a regular file over it
 * (as root that replaced the machine's /dev/null once).  Tested on a FIFO of
 * our own, held open for reading so that the write does not block.
 */
START_TEST(test_atomic_write_device)
{
	struct stat st;
	char dir[] = "/tmp/nh3cat-test.XXXXXX";
	struct buf fifo = BUF_INIT;
	char got[8] = { 0 };
	int rfd;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	buf_printf(&fifo, "%s/pipe", dir);
	ck_assert_int_eq(mkfifo(fifo.data, 0600), 0);
	rfd = open(fifo.data, O_RDWR | O_NONBLOCK);
	ck_assert_int_ge(rfd, 0);
	ck_assert_int_eq(file_write_atomic(fifo.data, "x\n", 2), 0);
	ck_assert_int_eq(stat(fifo.data, &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));
	ck_assert_int_eq(read(rfd, got, sizeof(got)), 2);
	ck_assert_str_eq(got, "x\n");
	close(rfd);
	unlink(fifo.data);
	/* A folder as the target: an error, the folder untouched. */
	ck_assert_int_eq(file_write_atomic(dir, "x", 1), -1);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	rmdir(dir);
	buf_release(&fifo);
}
END_TEST

START_TEST(test_read_refuses_directory)
{
	size_t len;
	ck_assert_ptr_null(file_read_all("/tmp", &len));
	ck_assert_ptr_null(file_read_all("/nonexistent/file", &len));
}
END_TEST

START_TEST(test_strings)
{
	char s[] = "  \tCo-N-C \n";
	ck_assert_str_eq(str_trim(s), "Co-N-C");
	ck_assert(str_startswith("ref_doi", "ref_"));
	ck_assert(str_endswith("a.csv", ".csv"));
	ck_assert(!str_endswith("csv", ".csv"));
	ck_assert_int_eq(str_casecmp("SAC", "sac"), 0);
	ck_assert_int_lt(str_casecmp("BCC", "np"), 0);
}
END_TEST

static Suite *util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("util");
	tcase_add_loop_test(tc, test_num_parse_ok, 0, (int)ARRAY_SIZE(num_ok));
	tcase_add_loop_test(tc, test_num_parse_bad, 0, (int)ARRAY_SIZE(num_bad));
	tcase_add_loop_test(tc, test_num_plain, 0, (int)ARRAY_SIZE(plain_cases));
	tcase_add_test(tc, test_num_plain_round_trip);
	tcase_add_test(tc, test_num_format);
	tcase_add_test(tc, test_num_digits_as_printed);
	tcase_add_test(tc, test_num_round_trip);
	tcase_add_test(tc, test_num_locale);
	tcase_add_test(tc, test_utf8);
	tcase_add_test(tc, test_buf);
	tcase_add_test(tc, test_diag_formats);
	tcase_add_test(tc, test_diag_collect);
	tcase_add_test(tc, test_atomic_write);
	tcase_add_test(tc, test_atomic_write_device);
	tcase_add_test(tc, test_read_refuses_directory);
	tcase_add_test(tc, test_strings);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(util_suite());
}
