/*
 * check_corpus.c: unit tests of the corpus module: which rows a merge
 * keeps byte for byte, when two entries state the same fact, ids, merging
 * twice, merging shards, keys, paper checks and the paper store.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "corpus.h"
#include "entry.h"
#include "testlib.h"

#define HDR_COLS "id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter," \
	"size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h," \
	"rate_metal,tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note"
#define HDR HDR_COLS "\n"
#define HDRO HDR_COLS ",origin\n"   /* a file that has its rows' origins */

/* A row: id, locator, catalyst, temperature, pressure, rate (g_cat), status, note. */
#define ROW(id, loc, cat, t, p, rate, status, note) \
	id ",k,text," loc "," cat ",NP,Ru,,C,,," t "," p ",," rate ",,,,,,experiment,,ev," status "," note "\n"

static void parse(const char *text, struct entry_set *s)
{
	struct diag *d = test_diag_new();
	entry_set_init(s);
	if (entries_parse("t.csv", text, strlen(text), s, d) < 0)
		ck_abort_msg("test input does not parse: %s", test_diag_text(d));
	test_diag_free(d);
}

static char *format(const struct entry_set *s)
{
	struct buf b = BUF_INIT;
	entries_format(s, &b);
	return buf_detach(&b, NULL);
}

/* Cut the field enc (",ENC" before the line end) from a record as read. */
static void cut_last_field(char *raw, size_t *len, const char *value)
{
	struct buf enc = BUF_INIT;
	size_t body = *len;
	while (body > 0 && (raw[body - 1] == '\n' || raw[body - 1] == '\r'))
		body--;
	buf_addch(&enc, ',');
	csv_add_field(&enc, value);
	ck_assert_uint_ge(body, enc.len);
	ck_assert_mem_eq(raw + body - enc.len, enc.data, enc.len);
	memmove(raw + body - enc.len, raw + body, *len - body);
	*len -= enc.len;
	raw[*len] = '\0';
	buf_release(&enc);
}

/*
 * The set's bytes without its last column, origin: the tables below give
 * the rows as a curator sees them; the origins have their own tests.  The
 * cut must leave every other field of a row as read byte for byte.
 */
static char *format_without_origin(struct entry_set *s)
{
	size_t i, oc;
	ck_assert_uint_ge(s->nextra, 1);
	oc = s->nextra - 1;
	ck_assert_str_eq(s->extra_names[oc], CORPUS_ORIGIN_COL);
	for (i = 0; i < s->n; i++) {
		struct entry *e = &s->v[i];
		ck_assert(e->extra[oc][0] != '\0');
		if (e->raw)
			cut_last_field(e->raw, &e->rawlen, e->extra[oc]);
		free(e->extra[oc]);
		e->nextra--;
	}
	if (s->raw_header)
		cut_last_field(s->raw_header, &s->raw_header_len, CORPUS_ORIGIN_COL);
	free(s->extra_names[oc]);
	s->nextra--;
	return format(s);
}

/*
 * Merge the extraction fresh into cur; return the result's bytes, and in
 * *plain (when not NULL) the same without the origin column.
 */
static char *merge(const char *cur_text, const char *fresh_text, struct corpus_merge_stats *st,
		   char **plain)
{
	struct entry_set cur, fresh;
	char *out;
	if (cur_text)
		parse(cur_text, &cur);
	else
		entry_set_init(&cur);
	parse(fresh_text, &fresh);
	corpus_merge_extraction(&cur, &fresh, "k", st);
	out = format(&cur);
	if (plain)
		*plain = format_without_origin(&cur);
	entry_set_release(&cur);
	entry_set_release(&fresh);
	return out;
}

struct merge_case {
	const char *what;
	const char *cur;     /* NULL: no file yet */
	const char *fresh;
	const char *want;
	size_t added, refreshed, dropped, duplicates;
};

/* A reviewed row with unusual quoting and CRLF inside, to be kept byte for byte. */
#define CURATED "\"k:1\",k,text,L3,\"Co-N-C\",SAC,Co,,N-C,,,350,1,,4.34,,,,,,experiment,," \
	"\"said \"\"4.34\"\"\r\nhere\",reviewed,\"fixed T, was 305\"\n"

static const struct merge_case merge_cases[] = {
	{ "new file: candidates get ids KEY:1.. in extraction order, schema header",
	  NULL,
	  HDR ROW("x:9", "L1", "Ru/C", "400", "1", "4.3", "extracted", "")
	      ROW("x:3", "L2", "Fe", "450", "10", "1.2", "extracted", ""),
	  HDR ROW("k:1", "L1", "Ru/C", "400", "1", "4.3", "extracted", "")
	      ROW("k:2", "L2", "Fe", "450", "10", "1.2", "extracted", ""),
	  2, 0, 0, 0 },
	{ "curated row kept byte for byte; candidate of the same fact (folded name, 0.1% off) left out",
	  HDR CURATED,
	  HDR ROW("x:1", "L3", "CoNC", "350", "1", "4.3443", "extracted", ""),
	  HDR CURATED,
	  0, 0, 0, 1 },
	{ "candidate 5% off a curated value, at another place: appended",
	  HDR CURATED,
	  HDR ROW("x:1", "L9", "Co-N-C", "350", "1", "4.56", "extracted", ""),
	  HDR CURATED ROW("k:2", "L9", "Co-N-C", "350", "1", "4.56", "extracted", ""),
	  1, 0, 0, 0 },
	{ "candidate at the curated row's place whose value the curator corrected: left out",
	  HDR CURATED,
	  HDR ROW("x:1", "L3", "Co-N-C", "305", "1", "4.34", "extracted", ""),
	  HDR CURATED,
	  0, 0, 0, 1 },
	{ "same place (origin), other conditions and value: the curated row's candidate, left out",
	  HDR CURATED,
	  HDR ROW("x:1", "L3", "Co-N-C", "400", "1", "9.1", "extracted", ""),
	  HDR CURATED,
	  0, 0, 0, 1 },
	{ "a second candidate of the same place (origin #2) is another one: appended",
	  HDR CURATED,
	  HDR ROW("x:1", "L3", "Co-N-C", "400", "1", "9.1", "extracted", "")
	      ROW("x:2", "L3", "Fe-N-C", "400", "1", "2.2", "extracted", ""),
	  HDR CURATED ROW("k:2", "L3", "Fe-N-C", "400", "1", "2.2", "extracted", ""),
	  1, 0, 0, 1 },
	{ "a rejected row renamed and with other values and place: its origin keeps it",
	  HDRO "k:1,k,caption,L77,Renamed,SAC,Co,,X,,,300,5,,1.1,,,,,,experiment,,new ev,rejected,wrong,"
	  "text L1 rate_mmol_gcat_h\n",
	  HDR ROW("x:1", "L1", "Ru/C", "400", "1", "4.3", "extracted", ""),
	  HDR "k:1,k,caption,L77,Renamed,SAC,Co,,X,,,300,5,,1.1,,,,,,experiment,,new ev,rejected,wrong\n",
	  0, 0, 0, 1 },
	{ "rejected row: its fact is not proposed again",
	  HDR ROW("k:1", "L1", "Ru/C", "400", "1", "4.3", "rejected", "not a rate"),
	  HDR ROW("x:1", "L1", "Ru/C", "400", "1", "4.3", "extracted", ""),
	  HDR ROW("k:1", "L1", "Ru/C", "400", "1", "4.3", "rejected", "not a rate"),
	  0, 0, 0, 1 },
	{ "extracted row with a note is the curator's: kept, not duplicated",
	  HDR ROW("k:1", "L1", "Ru/C", "400", "1", "4.3", "extracted", "check units"),
	  HDR ROW("x:1", "L1", "Ru/C", "400", "1", "4.3", "extracted", ""),
	  HDR ROW("k:1", "L1", "Ru/C", "400", "1", "4.3", "extracted", "check units"),
	  0, 0, 0, 1 },
	{ "stale extracted row dropped, curated rows around it keep their order",
	  HDR ROW("k:1", "L1", "A", "400", "1", "1", "reviewed", "")
	      ROW("k:2", "L2", "B", "400", "1", "2", "extracted", "")
	      ROW("k:3", "L3", "C", "400", "1", "3", "reviewed", ""),
	  HDR ROW("x:1", "L1", "A", "400", "1", "1", "extracted", ""),
	  HDR ROW("k:1", "L1", "A", "400", "1", "1", "reviewed", "")
	      ROW("k:3", "L3", "C", "400", "1", "3", "reviewed", ""),
	  0, 0, 1, 1 },
	{ "extracted row read again differently at the same place: replaced in place, id kept",
	  HDR ROW("k:1", "L1", "A", "400", "1", "1", "extracted", "")
	      ROW("k:2", "L2", "B", "400", "1", "2", "extracted", ""),
	  HDR ROW("x:1", "L1", "A", "400", "1", "1", "extracted", "")
	      ROW("x:2", "L2", "B", "450", "1", "2.5", "extracted", ""),
	  HDR ROW("k:1", "L1", "A", "400", "1", "1", "extracted", "")
	      ROW("k:2", "L2", "B", "450", "1", "2.5", "extracted", ""),
	  0, 1, 0, 0 },
	{ "new ids continue after the largest N, gaps and foreign ids ignored",
	  HDR ROW("k:7", "L1", "A", "400", "1", "1", "reviewed", "")
	      ROW("other:90", "L2", "B", "400", "1", "2", "reviewed", ""),
	  HDR ROW("x:1", "L5", "E", "400", "1", "1", "extracted", ""),
	  HDR ROW("k:7", "L1", "A", "400", "1", "1", "reviewed", "")
	      ROW("other:90", "L2", "B", "400", "1", "2", "reviewed", "")
	      ROW("k:8", "L5", "E", "400", "1", "1", "extracted", ""),
	  1, 0, 0, 0 },
	{ "CRLF file with an extra column keeps its form; fresh's unknown column left out",
	  "id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,"
	  "temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,"
	  "tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note,x_mine\r\n"
	  "k:1,k,text,L1,A,NP,Ru,,C,,,400,1,,1,,,,,,experiment,,ev,reviewed,,mine\r\n",
	  "id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,"
	  "temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,"
	  "tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note,x_other\n"
	  "x:1,k,text,L2,B,NP,Ru,,C,,,400,1,,2,,,,,,experiment,,ev,extracted,,zz\n",
	  "id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,"
	  "temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,"
	  "tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note,x_mine\r\n"
	  "k:1,k,text,L1,A,NP,Ru,,C,,,400,1,,1,,,,,,experiment,,ev,reviewed,,mine\r\n"
	  "k:2,k,text,L2,B,NP,Ru,,C,,,400,1,,2,,,,,,experiment,,ev,extracted,,\r\n",
	  1, 0, 0, 0 },
	{ "an extractor's row read again as the fact of a rejected row: dropped, not refreshed",
	  HDR ROW("k:1", "L1", "A", "400", "1", "6.1", "rejected", "no")
	      ROW("k:2", "L1", "A", "400", "1", "6.0", "extracted", ""),
	  HDR ROW("x:1", "L1", "A", "400", "1", "6.1", "extracted", ""),
	  HDR ROW("k:1", "L1", "A", "400", "1", "6.1", "rejected", "no"),
	  0, 0, 1, 1 },
	{ "unknown status is the curator's: never dropped",
	  HDR ROW("k:1", "L1", "A", "400", "1", "1", "revieved", ""),
	  HDR,
	  HDR ROW("k:1", "L1", "A", "400", "1", "1", "revieved", ""),
	  0, 0, 0, 0 },
};

START_TEST(test_merge_extraction)
{
	const struct merge_case *c = &merge_cases[_i];
	struct corpus_merge_stats st, st2;
	char *plain;
	char *once = merge(c->cur, c->fresh, &st, &plain);
	char *twice;
	if (strcmp(plain, c->want) != 0)
		ck_abort_msg("%s:\n--- want\n%s--- got\n%s", c->what, c->want, plain);
	free(plain);
	ck_assert_uint_eq(st.added, c->added);
	ck_assert_uint_eq(st.refreshed, c->refreshed);
	ck_assert_uint_eq(st.dropped, c->dropped);
	ck_assert_uint_eq(st.duplicates, c->duplicates);
	/* Merging the same extraction again changes nothing. */
	twice = merge(once, c->fresh, &st2, NULL);
	if (strcmp(once, twice) != 0)
		ck_abort_msg("%s: second merge changed the file:\n%s", c->what, twice);
	ck_assert_uint_eq(st2.added + st2.refreshed + st2.dropped, 0);
	free(once);
	free(twice);
}
END_TEST

struct match_case {
	const char *a, *b;   /* rows, without the header */
	int match;
};

static const struct match_case match_cases[] = {
	{ ROW("a", "L1", "Co-N-C", "350", "1", "4.34", "reviewed", ""),
	  ROW("b", "L9", "co n c", "350.3", "1.004", "4.35", "extracted", ""), 1 },
	{ ROW("a", "L1", "Co-N-C", "350", "1", "4.34", "reviewed", ""),
	  ROW("b", "L9", "Co-N-C", "351", "1", "4.34", "extracted", ""), 0 },     /* T 1 degC off */
	{ ROW("a", "L1", "Co-N-C", "350", "1", "4.34", "reviewed", ""),
	  ROW("b", "L9", "Co-N-C", "350", "", "4.34", "extracted", ""), 0 },      /* P unknown */
	{ ROW("a", "L1", "Co-N-C", "350", "1", "4.34", "reviewed", ""),
	  ROW("b", "L9", "Fe-N-C", "350", "1", "4.34", "extracted", ""), 0 },     /* other catalyst */
	{ ROW("a", "L1", "Co-N-C", "350", "1", "4.34", "reviewed", ""),
	  ROW("b", "L9", "Co-N-C", "350", "1", "4.40", "extracted", ""), 0 },     /* 1.4% off */
	{ ROW("a", "L1", "Co-N-C", "350", "1", "", "reviewed", ""),
	  ROW("b", "L9", "Co-N-C", "350", "1", "", "extracted", ""), 0 },         /* no quantity */
	{ ROW("a", "L1", "Co-N-C", "350", "1", "4.34", "reviewed", ""),
	  ROW("b", "L1", "Co-N-C", "305", "1", "4.34", "extracted", ""), 1 },     /* same place, T fixed */
	{ ROW("a", "L1", "Co-N-C", "350", "1", "4.34", "reviewed", ""),
	  ROW("b", "L1", "Co-N-C", "350", "1", "43.4", "extracted", ""), 1 },     /* same place, value fixed */
	{ ROW("a", "L1", "Co-N-C", "350", "1", "4.34", "reviewed", ""),
	  ROW("b", "L1", "Co-N-C", "400", "1", "5.2", "extracted", ""), 0 },      /* same place, other fact */
	{ ROW("a", "", "Co-N-C", "350", "1", "4.34", "reviewed", ""),
	  ROW("b", "", "Co-N-C", "305", "1", "4.34", "extracted", ""), 0 },       /* no place to share */
};

START_TEST(test_entry_match)
{
	const struct match_case *c = &match_cases[_i];
	struct buf t = BUF_INIT;
	struct entry_set s;
	buf_printf(&t, "%s%s%s", HDR, c->a, c->b);
	parse(t.data, &s);
	ck_assert_uint_eq(s.n, 2);
	ck_assert_int_eq(corpus_entry_match(&s.v[0], &s.v[1]), c->match);
	ck_assert_int_eq(corpus_entry_match(&s.v[1], &s.v[0]), c->match);
	entry_set_release(&s);
	buf_release(&t);
}
END_TEST

static char *merge_shards(const char *const *texts, size_t n, size_t *skipped)
{
	struct entry_set out;
	size_t i;
	char *r;
	entry_set_init(&out);
	*skipped = 0;
	for (i = 0; i < n; i++) {
		struct entry_set s;
		parse(texts[i], &s);
		*skipped += corpus_merge_rows(&out, &s);
		entry_set_release(&s);
	}
	r = format(&out);
	entry_set_release(&out);
	return r;
}

START_TEST(test_merge_rows)
{
	const char *const shards[] = {
		HDR ROW("a:1", "L1", "A", "400", "1", "1", "extracted", "")
		    "a:2,k,text,L2,\"B\",NP,Ru,,C,,,400,1,,2,,,,,,experiment,,ev,extracted,\n",
		HDR ROW("a:2", "L2", "B", "400", "1", "2", "extracted", "")          /* equal: out */
		    ROW("a:9", "L1", "A", "400", "1", "1.001", "reviewed", "ok")     /* replaces a:1 */
		    ROW("b:1", "L1", "C", "400", "1", "3", "extracted", ""),
		HDR ROW("a:5", "L7", "A", "400", "1", "1", "extracted", ""),         /* fact of a:9: out */
	};
	size_t skipped;
	char *got = merge_shards(shards, ARRAY_SIZE(shards), &skipped);
	ck_assert_str_eq(got, HDR ROW("a:9", "L1", "A", "400", "1", "1.001", "reviewed", "ok")
			 "a:2,k,text,L2,\"B\",NP,Ru,,C,,,400,1,,2,,,,,,experiment,,ev,extracted,\n"
			 ROW("b:1", "L1", "C", "400", "1", "3", "extracted", ""));
	ck_assert_uint_eq(skipped, 3);
	free(got);
}
END_TEST

START_TEST(test_merge_rows_columns)
{
	const char *const shards[] = {
		HDR ROW("a:1", "L1", "A", "400", "1", "1", "extracted", ""),
		"id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,"
		"temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,"
		"tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note,x_a\n"
		"b:1,k,text,L1,B,NP,Ru,,C,,,400,1,,2,,,,,,experiment,,ev,extracted,,v\n",
	};
	size_t skipped;
	char *got = merge_shards(shards, ARRAY_SIZE(shards), &skipped);
	ck_assert_str_eq(got,
		"id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,"
		"temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,"
		"tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note,x_a\n"
		"a:1,k,text,L1,A,NP,Ru,,C,,,400,1,,1,,,,,,experiment,,ev,extracted,,\n"
		"b:1,k,text,L1,B,NP,Ru,,C,,,400,1,,2,,,,,,experiment,,ev,extracted,,v\n");
	ck_assert_uint_eq(skipped, 0);
	free(got);
}
END_TEST

START_TEST(test_merge_rows_large)
{
	/* 5,000 rows merged with themselves: every one a duplicate. */
	struct buf t = BUF_INIT;
	struct entry_set a, out;
	size_t i;
	buf_addstr(&t, HDR);
	for (i = 0; i < 5000; i++)
		buf_printf(&t, "k:%zu,k,text,L%zu,Cat%zu,NP,Ru,,C,,,400,1,,%zu,,,,,,experiment,,ev,extracted,\n",
			   i + 1, i + 1, i % 500, i);
	parse(t.data, &a);
	entry_set_init(&out);
	ck_assert_uint_eq(corpus_merge_rows(&out, &a), 0);
	ck_assert_uint_eq(corpus_merge_rows(&out, &a), 5000);
	ck_assert_uint_eq(out.n, 5000);
	entry_set_release(&a);
	entry_set_release(&out);
	buf_release(&t);
}
END_TEST

struct key_case {
	const char *in;
	const char *want;   /* NULL: refused */
};

static const struct key_case path_keys[] = {
	{ "papers/peng2024-chemsci-review.txt", "peng2024-chemsci-review" },
	{ "a.b/c.xml", "c" },
	{ "noext", "noext" },
	{ ".hidden", NULL },
	{ "dir/-x.txt", NULL },
	{ "sp ace.txt", NULL },
	{ "caf\xC3\xA9.txt", NULL },
	{ "dir/.txt", NULL },
};

static const struct key_case doi_keys[] = {
	{ "10.1039/D4SC01234A", "10.1039_d4sc01234a" },
	{ "https://doi.org/10.1021/jacs.3c00001", "10.1021_jacs.3c00001" },
	{ "doi:10.1/x y", "10.1_x_y" },
	{ "", NULL },
	{ "-", NULL },
};

START_TEST(test_keys)
{
	size_t i;
	for (i = 0; i < ARRAY_SIZE(path_keys); i++) {
		char *k = corpus_key_from_path(path_keys[i].in);
		if (path_keys[i].want) {
			ck_assert_str_eq(k, path_keys[i].want);
			ck_assert_int_eq(corpus_key_valid(k), 1);
		} else if (corpus_key_valid(k)) {
			ck_abort_msg("key '%s' of '%s' should be refused", k, path_keys[i].in);
		}
		free(k);
	}
	for (i = 0; i < ARRAY_SIZE(doi_keys); i++) {
		char *k = corpus_key_from_doi(doi_keys[i].in);
		if (doi_keys[i].want)
			ck_assert_str_eq(k ? k : "(null)", doi_keys[i].want);
		else
			ck_assert_ptr_null(k);
		free(k);
	}
}
END_TEST

struct text_case {
	const char *data;
	size_t len;      /* 0: strlen */
	int ok;
};

static const struct text_case text_cases[] = {
	{ "Ru/C, 4.3 mmol g\xE2\x81\xBB\xC2\xB9 h\xE2\x81\xBB\xC2\xB9\n", 0, 1 },
	{ "no final newline", 0, 1 },
	{ "", 0, 0 },
	{ "line\n\xff\xfe", 0, 0 },
	{ "a\0b", 3, 0 },
	{ "\xC0\xAF", 0, 0 },                 /* overlong */
	{ "\xED\xA0\x80", 0, 0 },             /* surrogate */
};

START_TEST(test_check_text)
{
	const struct text_case *c = &text_cases[_i];
	FILE *saved = stderr;
	stderr = fopen("/dev/null", "w");
	ck_assert_int_eq(corpus_check_text("t.txt", c->data, c->len ? c->len : strlen(c->data)),
			 c->ok ? 0 : -1);
	fclose(stderr);
	stderr = saved;
}
END_TEST

START_TEST(test_store_paper)
{
	char dir[] = "/tmp/check_corpus.XXXXXX";
	struct buf root = BUF_INIT, p = BUF_INIT;
	int existed;
	FILE *saved = stderr;
	size_t len;
	char *data;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	buf_printf(&root, "%s/corpus", dir);
	ck_assert_int_eq(corpus_store_paper(root.data, "k", "txt", "one\n", 4, &existed), 0);
	ck_assert_int_eq(existed, 0);
	ck_assert_int_eq(corpus_store_paper(root.data, "k", "txt", "one\n", 4, &existed), 0);
	ck_assert_int_eq(existed, 1);
	/* Other bytes under a taken key, whatever the extension: refused, paper intact. */
	stderr = fopen("/dev/null", "w");
	ck_assert_int_eq(corpus_store_paper(root.data, "k", "xml", "two\n", 4, &existed), -1);
	ck_assert_int_eq(corpus_store_paper(root.data, "k", "txt", "one\n!", 5, &existed), -1);
	fclose(stderr);
	stderr = saved;
	buf_printf(&p, "%s/papers/k.txt", root.data);
	data = corpus_read_file(p.data, 100, &len);
	ck_assert_ptr_nonnull(data);
	ck_assert_str_eq(data, "one\n");
	free(data);
	/* A key that only shares a prefix is another paper. */
	ck_assert_int_eq(corpus_store_paper(root.data, "k2", "txt", "two\n", 4, &existed), 0);
	ck_assert_int_eq(existed, 0);
	buf_reset(&p);
	buf_printf(&p, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(p.data), 0);
	buf_release(&root);
	buf_release(&p);
}
END_TEST

struct meta_case {
	const char *ext;
	const char *data;
	const char *author, *year, *title, *doi;   /* "" unknown */
};

static const struct meta_case meta_cases[] = {
	{ "xml", "<article><front><article-meta><article-id pub-id-type=\"publisher-id\">x1</article-id>"
	  "<article-id pub-id-type=\"doi\"> 10.1039/D3SC06998B </article-id>"
	  "<title-group><article-title>Single-atom\n  catalysts</article-title></title-group>"
	  "<contrib-group><contrib><name><surname>Peng</surname><given-names>X.</given-names></name></contrib>"
	  "<contrib><name><surname>Zhang</surname></name></contrib></contrib-group>"
	  "<pub-date><day>8</day><year>2024</year></pub-date></article-meta></front>"
	  "<back><ref-list><ref><name><surname>Other</surname></name><year>1999</year></ref></ref-list></back></article>",
	  "Peng", "2024", "Single-atom catalysts", "10.1039/D3SC06998B" },
	{ "xml", "<full-text-retrieval-response xmlns:prism=\"http://prismstandard.org/namespaces/basic/2.0/\" "
	  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	  "<coredata><prism:doi>10.1016/j.apcatb.2024.1</prism:doi><dc:title>Ru clusters</dc:title>"
	  "<prism:coverDate>2023-05-01</prism:coverDate><dc:creator>Tester, A.</dc:creator></coredata>"
	  "</full-text-retrieval-response>",
	  "Tester", "2023", "Ru clusters", "10.1016/j.apcatb.2024.1" },
	/* A reference list's DOIs and names are another paper's. */
	{ "xml", "<article><back><ref-list><ref><pub-id pub-id-type=\"doi\">10.5555/other</pub-id>"
	  "<doi>10.5555/other2</doi><surname>Other</surname></ref></ref-list></back></article>", "", "", "", "" },
	{ "xml", "<article><body><p>no doi</p></body></article>", "", "", "", "" },
	{ "xml", "<article><front><article-id pub-id-type=\"doi\"></article-id></front></article>", "", "", "", "" },
	/* A text's first page: the Cite-this year beats the received year; the author line. */
	{ "txt", "Chemical Science\n\nCite this: Chem. Sci., 2024, 15, 5897\n\n"
	  "Received 30th December 2023 Accepted 7th March 2024\n\nDOI: 10.1039/d3sc06998b\n\n"
	  "Single-atom and cluster catalysts for ammonia synthesis\n\n"
	  "Xuanbei Peng,\xE2\x80\xA0^{ab} Mingyuan Zhang,\xE2\x80\xA0^a Jun Ni,^a Xiuyun Wang *^{ab} and Lilong Jiang *^{ab}\n\n"
	  "The excessive consumption of fuels, coal, oil and gas, and more.\n",
	  "Peng", "2024", "", "10.1039/d3sc06998b" },
	{ "txt", "A. B. Smith, C. Jones and D. Brown\nReceived 2019, published 2020\n",
	  "Smith", "2020", "", "" },
	/* Prose with commas is no author line; a year in prose is no date. */
	{ "txt", "Ru, Co and Fe catalysts were tested in 2019, 2020 and 2021.\n", "", "", "", "" },
	/* Nothing is read from a reference list. */
	{ "txt", "Title\n\nReferences\n1 A. Smith, B. Jones and C. Brown, 2019, doi:10.5555/x\n", "", "", "", "" },
	{ "pdf", "%PDF-1.4 Cite this: 2020", "", "", "", "" },
};

START_TEST(test_paper_meta)
{
	const struct meta_case *c = &meta_cases[_i];
	struct diag *d = test_diag_new();
	struct paper_meta m;
	ck_assert_int_eq(corpus_paper_meta("t", c->ext, c->data, strlen(c->data), &m, d), 0);
	ck_assert_str_eq(test_diag_text(d), "");
	ck_assert_str_eq(m.author, c->author);
	ck_assert_str_eq(m.year, c->year);
	ck_assert_str_eq(m.title, c->title);
	ck_assert_str_eq(m.doi, c->doi);
	paper_meta_release(&m);
	test_diag_free(d);
}
END_TEST

static Suite *corpus_suite(void)
{
	Suite *s = suite_create("corpus");
	TCase *tc = tcase_create("corpus");
	tcase_add_loop_test(tc, test_merge_extraction, 0, (int)ARRAY_SIZE(merge_cases));
	tcase_add_loop_test(tc, test_entry_match, 0, (int)ARRAY_SIZE(match_cases));
	tcase_add_test(tc, test_merge_rows);
	tcase_add_test(tc, test_merge_rows_columns);
	tcase_add_test(tc, test_merge_rows_large);
	tcase_add_test(tc, test_keys);
	tcase_add_loop_test(tc, test_check_text, 0, (int)ARRAY_SIZE(text_cases));
	tcase_add_test(tc, test_store_paper);
	tcase_add_loop_test(tc, test_paper_meta, 0, (int)ARRAY_SIZE(meta_cases));
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(corpus_suite());
}
