/*
 * check_report.c: unit tests of the report module: nice numbers, linear
 * and log ticks, axes from degenerate data (one point, all equal, values
 * of zero or less on a log axis, no data, 10,000 points), chemical
 * markup, template checking (schema errors with their line, DOCTYPEs
 * refused), data selection, and charts checked by their layout numbers
 * and by the markers counted in their SVG.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "corpus.h"
#include "entry.h"
#include "report.h"
#include "report_axis.h"
#include "report_chart.h"
#include "report_data.h"
#include "report_flow.h"
#include "report_gfx.h"
#include "report_int.h"
#include "report_sources.h"
#include "report_table.h"
#include "testlib.h"
#include "validate.h"

/* --- nice numbers and ticks ---------------------------------------------- */

static const struct {
	double x;
	int round;
	double want;
} nice_cases[] = {
	{ 1, 0, 1 }, { 1.2, 0, 2 }, { 2, 0, 2 }, { 3, 0, 5 }, { 7, 0, 10 },
	{ 0.034, 0, 0.05 }, { 870, 0, 1000 },
	{ 1.2, 1, 1 }, { 1.6, 1, 2 }, { 4, 1, 5 }, { 8, 1, 10 }, { 0.0042, 1, 0.005 },
	{ 130, 1, 100 }, { 0, 1, 1 }, { -5, 0, 1 },
};

START_TEST(test_nicenum)
{
	double got = rpt_nicenum(nice_cases[_i].x, nice_cases[_i].round);
	ck_assert_msg(fabs(got - nice_cases[_i].want) < 1e-12 * nice_cases[_i].want,
		      "nicenum(%g, %d) = %g, want %g", nice_cases[_i].x, nice_cases[_i].round,
		      got, nice_cases[_i].want);
}
END_TEST

static void ticks_str(const struct rpt_axis *a, struct buf *b)
{
	size_t i;
	for (i = 0; i < a->nticks; i++) {
		if (i)
			buf_addch(b, ' ');
		rpt_axis_label(a, a->ticks[i], b);
	}
}

/* Linear axes: the labels of the major ticks, as a reader sees them. */
static const struct {
	double min, max;
	int target;
	const char *ticks;
} lin_cases[] = {
	{ 0, 100, 6, "0 20 40 60 80 100" },
	{ 150, 450, 7, "150 200 250 300 350 400 450" },
	{ 0.0011, 0.0103, 5, "0.002 0.004 0.006 0.008 0.010" },
	{ -3, 7, 6, "\xE2\x88\x92" "2 0 2 4 6" },
	{ 400, 400, 6, "360 380 400 420 440" },           /* all equal */
	{ 0, 0, 6, "\xE2\x88\x92" "1.0 \xE2\x88\x92" "0.5 0.0 0.5 1.0" },   /* all zero */
	{ 1.6, 2.4, 5, "1.6 1.8 2.0 2.2 2.4" },
};

START_TEST(test_axis_linear)
{
	struct rpt_axis a;
	struct buf b = BUF_INIT;
	size_t i;
	rpt_axis_linear(&a, lin_cases[_i].min, lin_cases[_i].max, lin_cases[_i].target);
	ticks_str(&a, &b);
	ck_assert_str_eq(buf_str(&b), lin_cases[_i].ticks);
	/* The data lie inside the range, and every tick too. */
	ck_assert(a.lo < a.hi);
	ck_assert(a.lo <= lin_cases[_i].min && a.hi >= lin_cases[_i].max);
	for (i = 0; i < a.nticks; i++)
		ck_assert(a.ticks[i] >= a.lo - 1e-9 && a.ticks[i] <= a.hi + 1e-9);
	buf_release(&b);
}
END_TEST

/* Log axes: ticks at decades (every few with many), labels plain or 10^n. */
static const struct {
	double min, max;
	const char *ticks;
	size_t nminor;
} log_cases[] = {
	{ 0.0011, 32.2, "0.001 0.01 0.1 1 10 100", 40 },
	{ 4.34, 4.34, "1 2 5 10", 6 },                  /* one point */
	{ 10, 10, "1 10 100", 16 },                     /* one power of ten */
	{ 2, 8, "1 2 5 10", 6 },                        /* inside one decade */
	{ 1e-6, 1e-4, "10<sup>\xE2\x88\x92" "6</sup> 10<sup>\xE2\x88\x92" "5</sup> "
	  "10<sup>\xE2\x88\x92" "4</sup>", 16 },
	{ 1e-10, 1e10, "10<sup>\xE2\x88\x92" "12</sup> 10<sup>\xE2\x88\x92" "8</sup> "
	  "10<sup>\xE2\x88\x92" "4</sup> 10<sup>0</sup> 10<sup>4</sup> 10<sup>8</sup> 10<sup>12</sup>", 0 },
};

START_TEST(test_axis_log)
{
	struct rpt_axis a;
	struct buf b = BUF_INIT;
	rpt_axis_log(&a, log_cases[_i].min, log_cases[_i].max);
	ticks_str(&a, &b);
	ck_assert_str_eq(buf_str(&b), log_cases[_i].ticks);
	ck_assert_uint_eq(a.nminor, log_cases[_i].nminor);
	ck_assert(a.log);
	ck_assert(a.lo > 0 && a.lo <= log_cases[_i].min && a.hi >= log_cases[_i].max);
	ck_assert(rpt_axis_frac(&a, log_cases[_i].min) >= 0);
	ck_assert(rpt_axis_frac(&a, log_cases[_i].max) <= 1);
	buf_release(&b);
}
END_TEST

/*
 * Values at the ends of a double on a log axis: 10^-324 is zero and 10^309
 * infinite, and a label of either once took lround(-inf) (UBSan: labs of
 * LONG_MIN).  The axis stops at 10^+-300; every tick is finite and positive.
 */
START_TEST(test_axis_log_extremes)
{
	static const double ends[][2] = { { 5e-324, 1.7e308 }, { 1e-320, 1 }, { 1, 1e308 },
		{ 4.9e-324, 4.9e-324 }, { 1.7e308, 1.7e308 } };
	size_t i, k;
	for (i = 0; i < ARRAY_SIZE(ends); i++) {
		struct rpt_axis a;
		rpt_axis_log(&a, ends[i][0], ends[i][1]);
		ck_assert(a.lo > 0 && isfinite(a.hi) && a.hi > a.lo);
		ck_assert_uint_ge(a.nticks, 2);
		for (k = 0; k < a.nticks; k++) {
			struct buf b = BUF_INIT;
			ck_assert(a.ticks[k] > 0 && isfinite(a.ticks[k]));
			rpt_axis_label(&a, a.ticks[k], &b);
			ck_assert(strstr(buf_str(&b), "922337") == NULL);
			buf_release(&b);
		}
	}
}
END_TEST

START_TEST(test_format_fixed_locale)
{
	struct buf b = BUF_INIT;
	rpt_format_fixed(-0.0001, 2, &b);    /* no "−0.00" */
	ck_assert_str_eq(buf_str(&b), "0.00");
	buf_reset(&b);
	rpt_format_fixed(2.5, 1, &b);
	ck_assert_str_eq(buf_str(&b), "2.5");
	buf_release(&b);
}
END_TEST

/* --- chemical markup --------------------------------------------------------- */

static const struct {
	const char *in, *out;
} chem_cases[] = {
	{ "Co1Ru2/NC", "Co<sub>1</sub>Ru<sub>2</sub>/NC" },
	{ "Ru3.0/BaCeO3", "Ru<sub>3.0</sub>/BaCeO<sub>3</sub>" },
	{ "1.4 nm Ru NCs", "1.4 nm Ru NCs" },
	{ "Ba-Ru SAs/S-1", "Ba-Ru SAs/S-1" },
	{ "FeN4@G-K", "FeN<sub>4</sub>@G-K" },
	{ "0.5Ru-SNCs", "0.5Ru-SNCs" },
	{ "Ru/CeO2(SAC)", "Ru/CeO<sub>2</sub>(SAC)" },
	{ "HZSM-5", "HZSM-5" },
	{ "MoHx", "MoH<sub>x</sub>" },
	{ "NOx sensor", "NO<sub>x</sub> sensor" },
	{ "Box", "Box" },
	{ "Hxy", "Hxy" },
	{ "Co2 ACCs & <x>", "Co<sub>2</sub> ACCs &amp; &lt;x&gt;" },
	/* an oxide abbreviation is no formula; Greek letters spelt out are set as Greek */
	{ "Ru/C12A7", "Ru/C12A7" },
	{ "Ru/C12A7:e", "Ru/C12A7:e" },
	{ "Ru/gamma-Al2O3", "Ru/\xCE\xB3-Al<sub>2</sub>O<sub>3</sub>" },
	{ "Ni/Alpha-Fe2O3", "Ni/\xCE\xB1-Fe<sub>2</sub>O<sub>3</sub>" },
	{ "Ru/ZIF-8", "Ru/ZIF-8" },
	{ "Omega", "Omega" },
	{ "betas-Co", "betas-Co" },
};

START_TEST(test_chem_markup)
{
	struct buf b = BUF_INIT;
	rpt_chem_markup(chem_cases[_i].in, &b);
	ck_assert_str_eq(buf_str(&b), chem_cases[_i].out);
	buf_release(&b);
}
END_TEST

/* --- templates ------------------------------------------------------------------ */

static char *write_temp(const char *text)
{
	char *path = strdup("/tmp/check_report.XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

/* Load a template from text, capturing stderr; returns the template or NULL. */
static struct report_template *load_text(const char *text, char **err)
{
	char *path = write_temp(text), *errpath = strdup("/tmp/check_report_err.XXXXXX");
	int efd = mkstemp(errpath), saved = dup(2);
	struct report_template *t;
	size_t len;
	fflush(stderr);
	dup2(efd, 2);
	t = report_template_load(path);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(efd);
	*err = file_read_all(errpath, &len);
	unlink(errpath);
	unlink(path);
	free(errpath);
	free(path);
	return t;
}

#define MINI_HEAD "<?xml version=\"1.0\"?>\n<report>\n<title>T</title>\n<section>\n"
#define MINI_TAIL "</section>\n</report>\n"

static const struct {
	const char *text;
	const char *err;      /* expected in stderr: line and rule */
} bad_templates[] = {
	{ MINI_HEAD "<chart id=\"a\" kind=\"pie\" y=\"tof_s\"><title>x</title></chart>\n" MINI_TAIL,
	  ":5: error: [template-schema]" },
	{ MINI_HEAD "<p>unclosed\n" MINI_TAIL, ": error: [template-xml]" },
	{ MINI_HEAD "<chart id=\"a\" kind=\"scatter\" x=\"temperature\" y=\"tof_s\"><title>x</title></chart>\n"
	  MINI_TAIL, ":5: error: [template-schema]" },
	{ MINI_HEAD "<table id=\"t\"><title>x</title></table>\n" MINI_TAIL,
	  ":5: error: [template-schema]" },
	{ "<?xml version=\"1.0\"?>\n<!DOCTYPE report [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
	  "<report><title>&x;</title><section/></report>\n", "error: [template-" },
	{ "<?xml version=\"1.0\"?>\n<!DOCTYPE report SYSTEM \"http://example.invalid/r.dtd\">\n"
	  "<report><title>t</title><section/></report>\n", "[template-dtd]" },
	{ MINI_HEAD "<chart id=\"a\" kind=\"scatter\" x=\"catalyst\" y=\"tof_s\"><title>x</title></chart>\n"
	  MINI_TAIL, ":5: error: [template-chart]" },
	{ MINI_HEAD "<p>a</p>\n<chart id=\"a\" kind=\"strip\" y=\"tof_s\"><title>x</title></chart>\n"
	  "<chart id=\"a\" kind=\"strip\" y=\"tof_s\"><title>x</title></chart>\n" MINI_TAIL,
	  ":7: error: [template-id] duplicate id 'a'" },
	{ "", "error: [template-xml]" },
	/* a count too large for an int, or not whole: an error, not an overflow */
	{ MINI_HEAD "<findings limit=\"107777777777777777777777777700\"/>\n" MINI_TAIL,
	  ":5: error: [template-number] not a whole number" },
	{ MINI_HEAD "<findings limit=\"-3\"/>\n" MINI_TAIL, ":5: error: [template-" },
};

START_TEST(test_template_bad)
{
	char *err = NULL;
	struct report_template *t = load_text(bad_templates[_i].text, &err);
	ck_assert_ptr_null(t);
	ck_assert_ptr_nonnull(err);
	ck_assert_msg(strstr(err, bad_templates[_i].err) != NULL, "stderr: %s", err);
	ck_assert_msg(strstr(err, "root:") == NULL, "a file leaked into messages: %s", err);
	free(err);
}
END_TEST

START_TEST(test_template_good)
{
	char *path = test_path("templates/overview.xml");
	struct report_template *t = report_template_load(path);
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(report_template_nchart(t), 5);
	ck_assert_str_eq(report_template_chart_id(t, 0), "rate-temperature");
	ck_assert_ptr_null(report_template_chart_id(t, 5));
	report_template_free(t);
	free(path);
	path = test_path("templates/quality.xml");
	t = report_template_load(path);
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(report_template_nchart(t), 0);
	report_template_free(t);
	free(path);
}
END_TEST

START_TEST(test_template_markup)
{
	char *err = NULL;
	struct report_template *t = load_text(MINI_HEAD "<p>mmol  g<sub>cat</sub>\n  a &amp; b</p>\n"
					      MINI_TAIL, &err);
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(t->nblocks, 1);
	ck_assert_str_eq(t->blocks[0].text, "mmol g<sub>cat</sub> a &amp; b");
	report_template_free(t);
	free(err);
}
END_TEST

/* --- data and charts ------------------------------------------------------------- */

/* An entry set from rows of "catalyst,site_type,temperature_C,rate,ea". */
static void add_entry(struct entry_set *s, const char *cat, const char *site, const char *t,
		      const char *rate, const char *ea)
{
	struct entry *e = entry_set_append(s);
	entry_set(e, COL_ID, "t:1");
	entry_set(e, COL_DOC, "t");
	entry_set(e, COL_SOURCE, "table");
	entry_set(e, COL_CATALYST, cat);
	entry_set(e, COL_SITE_TYPE, site);
	entry_set(e, COL_TEMPERATURE_C, t);
	entry_set(e, COL_RATE_GCAT, rate);
	entry_set(e, COL_EA, ea);
	entry_set(e, COL_STATUS, "reviewed");
}

static struct report_data *data_of(const struct entry_set *s)
{
	struct report_data *d = report_data_new();
	report_data_add_set(d, "t.csv", s);
	return d;
}

static struct rpt_chart *chart_new(enum rpt_chart_kind kind, int ylog)
{
	struct rpt_chart *c = calloc(1, sizeof(*c));
	c->id = strdup("c");
	c->title = strdup("");
	c->caption = strdup("");
	c->kind = kind;
	rpt_field_parse("temperature_C", &c->x);
	rpt_field_parse("rate_mmol_gcat_h", &c->y);
	rpt_field_parse("site_type", &c->group);
	c->label.kind = RF_COLUMN;
	c->label.col = -1;
	c->ylog = ylog;
	c->min_points = 2;
	c->width = 480;
	c->height = 260;
	return c;
}

static void chart_free(struct rpt_chart *c)
{
	free(c->id);
	free(c->title);
	free(c->caption);
	free(c);
}

/* Draw c over d on an SVG surface; the layout in *lay (release it). */
static void draw(const struct rpt_chart *c, const struct report_data *d,
		 struct rpt_chart_layout *lay)
{
	struct gfx *g = gfx_new(GFX_SVG, c->width, c->height);
	struct buf out = BUF_INIT;
	rpt_chart_draw(g, c, d, 0, 0, c->width, c->height, lay);
	ck_assert_int_eq(gfx_finish(g, &out), 0);
	gfx_free(g);
	buf_release(&out);
}

START_TEST(test_chart_one_point)
{
	struct entry_set s;
	struct report_data *d;
	struct rpt_chart *c = chart_new(CK_SCATTER, 1);
	struct rpt_chart_layout lay;
	entry_set_init(&s);
	add_entry(&s, "Co-N-C", "SAC", "350", "4.34", "");
	d = data_of(&s);
	draw(c, d, &lay);
	ck_assert_uint_eq(lay.nplotted, 1);
	ck_assert(!lay.empty);
	ck_assert(lay.x.lo < 350 && lay.x.hi > 350);
	ck_assert(lay.y.lo <= 1 && lay.y.hi >= 10);
	ck_assert_str_ne(lay.legend, "above");
	rpt_chart_layout_release(&lay);
	report_data_free(d);
	entry_set_release(&s);
	chart_free(c);
}
END_TEST

START_TEST(test_chart_all_equal)
{
	struct entry_set s;
	struct report_data *d;
	struct rpt_chart *c = chart_new(CK_SCATTER, 0);
	struct rpt_chart_layout lay;
	int i;
	entry_set_init(&s);
	/* Five catalysts with one value; five copies of one measurement count once. */
	for (i = 0; i < 5; i++) {
		char cat[8];
		snprintf(cat, sizeof(cat), "Ru%d", i);
		add_entry(&s, cat, "NP", "400", "2.5", "");
	}
	for (i = 0; i < 5; i++)
		add_entry(&s, "Ru", "NP", "400", "2.5", "");
	d = data_of(&s);
	ck_assert_uint_eq(report_data_count(d), 6);
	ck_assert_uint_eq(d->nrepeated, 4);
	draw(c, d, &lay);
	ck_assert_uint_eq(lay.nplotted, 6);
	ck_assert(lay.x.lo < 400 && lay.x.hi > 400);
	ck_assert(lay.y.lo < 2.5 && lay.y.hi > 2.5);
	ck_assert_uint_ge(lay.y.nticks, 2);
	rpt_chart_layout_release(&lay);
	report_data_free(d);
	entry_set_release(&s);
	chart_free(c);
}
END_TEST

/* Zero and negative rates on a log axis are dropped and counted, never drawn. */
START_TEST(test_chart_log_nonpositive)
{
	struct entry_set s;
	struct report_data *d;
	struct rpt_chart *c = chart_new((enum rpt_chart_kind)_i, 1);
	struct rpt_chart_layout lay;
	entry_set_init(&s);
	add_entry(&s, "A", "SAC", "300", "0", "");
	add_entry(&s, "B", "SAC", "350", "-1.5", "");
	add_entry(&s, "C", "SCC", "400", "3.2", "");
	add_entry(&s, "D", "SCC", "", "", "");
	d = data_of(&s);
	draw(c, d, &lay);
	if (c->kind == CK_ARRHENIUS) {
		ck_assert(lay.empty);     /* no catalyst at two temperatures */
	} else {
		ck_assert_uint_eq(lay.nplotted, 1);
		ck_assert_uint_eq(lay.ndropped_log, 2);
		ck_assert(lay.y.lo > 0);
	}
	rpt_chart_layout_release(&lay);
	report_data_free(d);
	entry_set_release(&s);
	chart_free(c);
}
END_TEST

START_TEST(test_chart_empty)
{
	struct entry_set s;
	struct report_data *d;
	struct rpt_chart *c = chart_new((enum rpt_chart_kind)_i, 1);
	struct rpt_chart_layout lay;
	entry_set_init(&s);
	d = data_of(&s);
	draw(c, d, &lay);
	ck_assert(lay.empty);
	ck_assert_uint_eq(lay.nplotted, 0);
	rpt_chart_layout_release(&lay);
	report_data_free(d);
	entry_set_release(&s);
	chart_free(c);
}
END_TEST

/* 10,000 points: every one plotted; labels only for the highest and lowest, the rest counted. */
START_TEST(test_chart_many)
{
	struct entry_set s;
	struct report_data *d;
	struct rpt_chart *c = chart_new(CK_SCATTER, 1);
	struct rpt_chart_layout lay;
	int i;
	static const char *const sites[] = { "SAC", "SCC", "BCC", "NP" };
	entry_set_init(&s);
	for (i = 0; i < 10000; i++) {
		char t[32], r[32];
		snprintf(t, sizeof(t), "%d", 150 + (i * 37) % 350);
		snprintf(r, sizeof(r), "%g", pow(10, -3 + 5.0 * ((i * 7919) % 10000) / 10000.0));
		add_entry(&s, "X", sites[i % 4], t, r, "");
	}
	d = data_of(&s);
	rpt_field_parse("catalyst", &c->label);
	draw(c, d, &lay);
	ck_assert_uint_eq(lay.nplotted, 10000);
	ck_assert_uint_eq(lay.nseries, 4);
	ck_assert_uint_le(lay.nlabels, 8);
	ck_assert_uint_ge(lay.nlabels, 1);
	ck_assert_uint_eq(lay.nlabels + lay.nlabels_hidden, 10000);
	ck_assert(lay.y.lo <= 0.001 && lay.y.hi >= 100);
	rpt_chart_layout_release(&lay);
	report_data_free(d);
	entry_set_release(&s);
	chart_free(c);
}
END_TEST

/*
 * The catalysts a template names (<label catalyst>) are labelled besides
 * the highest and lowest points, found by the one name fold; every point
 * is labelled or counted as not labelled; a name without a point is counted.
 */
START_TEST(test_chart_named_labels)
{
	struct entry_set s;
	struct report_data *d;
	struct rpt_chart *c = chart_new(CK_SCATTER, 1);
	struct rpt_chart_layout plain, named;
	char n0[] = "Ru/CeO2", n1[] = "Pt/C";
	char *names[] = { n0, n1 };
	int i;
	entry_set_init(&s);
	for (i = 0; i < 200; i++) {
		char t[32], r[32];
		snprintf(t, sizeof(t), "%d", 150 + (i * 37) % 350);
		snprintf(r, sizeof(r), "%g", pow(10, -2 + 4.0 * ((i * 7919) % 200) / 200.0));
		/* Three of them mid-range: never among the highest or lowest. */
		add_entry(&s, i % 67 == 5 ? "Ru/CeO\xE2\x82\x82" : "X", "SCC", t, i % 67 == 5 ? "1" : r, "");
	}
	d = data_of(&s);
	rpt_field_parse("catalyst", &c->label);
	draw(c, d, &plain);
	c->named = names;
	c->nnamed = 2;
	draw(c, d, &named);
	ck_assert_uint_eq(plain.nnamed_found, 0);
	ck_assert_uint_eq(named.nnamed_found, 1);
	ck_assert_uint_le(plain.nlabels, 8);
	ck_assert_uint_ge(named.nlabels, plain.nlabels + 1);
	ck_assert_uint_eq(plain.nlabels + plain.nlabels_hidden, 200);
	ck_assert_uint_eq(named.nlabels + named.nlabels_hidden, 200);
	c->named = NULL;
	c->nnamed = 0;
	rpt_chart_layout_release(&plain);
	rpt_chart_layout_release(&named);
	report_data_free(d);
	entry_set_release(&s);
	chart_free(c);
}
END_TEST

/* --- sources ------------------------------------------------------------------- */

static void put_file(const char *dir, const char *name, const char *text)
{
	struct buf p = BUF_INIT;
	FILE *f;
	buf_printf(&p, "%s/%s", dir, name);
	f = fopen(p.data, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fputs(text, f) >= 0, 1);
	ck_assert_int_eq(fclose(f), 0);
	buf_release(&p);
}

/* The test's hook: ROOT/entries/KEY.csv -> ROOT/papers/KEY.xml or .txt. */
static int test_paper_meta(const char *entries_file, struct paper_meta *out)
{
	struct buf p = BUF_INIT;
	const char *ext[] = { "xml", "txt" };
	size_t i;
	int rc = -1;
	for (i = 0; i < 2 && rc < 0; i++) {
		buf_reset(&p);
		buf_add(&p, entries_file, strlen(entries_file) - strlen("entries/K.csv") - 1);
		buf_printf(&p, "/papers/%c.%s", entries_file[strlen(entries_file) - 5], ext[i]);
		if (access(p.data, F_OK) == 0)
			rc = corpus_paper_meta_file(p.data, out);
	}
	buf_release(&p);
	return rc;
}

static void *no_prepare(const char *file, struct validate_opts *vo)
{
	(void)file;
	(void)vo;
	return NULL;
}

static void no_release(void *h)
{
	(void)h;
}

/*
 * Sources are named by first author and year: the text and the XML of one
 * paper (one DOI) share a label, another paper of the same author and year
 * gets the next letter, data without a paper keep their key; cited
 * references come from refs/KEY.csv.
 */
START_TEST(test_sources)
{
	static const struct report_validation_hook hook = { no_prepare, no_release, test_paper_meta };
	char root[] = "/tmp/check_report_src.XXXXXX";
	const char *hdr = "id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,"
		"size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,"
		"rate_metal,tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note\n";
	struct buf b = BUF_INIT, dir = BUF_INIT;
	struct report_data *d;
	const struct rpt_source *sa, *sb, *sc, *sk;
	char key;
	ck_assert_ptr_nonnull(mkdtemp(root));
	buf_printf(&dir, "mkdir -p %s/entries %s/papers %s/refs", root, root, root);
	ck_assert_int_eq(system(dir.data), 0);
	put_file(root, "papers/a.xml", "<article><front><article-meta>"
		 "<article-id pub-id-type=\"doi\">10.5555/X</article-id>"
		 "<title-group><article-title>Ru clusters</article-title></title-group>"
		 "<contrib-group><contrib><name><surname>Peng</surname></name></contrib></contrib-group>"
		 "<pub-date><year>2024</year></pub-date></article-meta></front></article>\n");
	put_file(root, "papers/b.txt", "Cite this: Chem., 2024, 1, 1\nDOI: 10.5555/x\n\n"
		 "Xuanbei Peng, Mingyuan Zhang and Lilong Jiang\n");
	put_file(root, "papers/c.txt", "Cite this: Chem., 2024, 2, 2\nDOI: 10.5555/y\n\n"
		 "X. Peng, Y. Zhou and Z. Wang\n");
	put_file(root, "refs/a.csv", "ref,authors,title,journal,year,volume,pages,doi\n"
		 "95,A. One; B. Two; C. Three; D. Four,A title,J. Test,2020,1,2-3,10.5555/r95\n");
	for (key = 'a'; key <= 'd'; key++) {
		char name[32];
		buf_reset(&b);
		buf_addstr(&b, hdr);
		buf_printf(&b, "%c:1,%c,table,,Ru/CeO2,SCC,Ru,1,CeO2,,,%d,1,,%d.5,,,,,95,experiment,,,reviewed,\n",
			   key, key, 300 + key, key);
		snprintf(name, sizeof(name), "entries/%c.csv", key);
		put_file(root, name, b.data);
	}
	d = report_data_new();
	report_data_set_hook(d, &hook);
	buf_reset(&dir);
	buf_printf(&dir, "%s/entries", root);
	ck_assert_int_eq(report_data_add(d, dir.data), 0);
	sa = rpt_source_of(d, "a");
	sb = rpt_source_of(d, "b");
	sc = rpt_source_of(d, "c");
	sk = rpt_source_of(d, "d");
	ck_assert_ptr_nonnull(sa);
	ck_assert_ptr_nonnull(sb);
	ck_assert_ptr_nonnull(sc);
	ck_assert_ptr_nonnull(sk);
	ck_assert_str_eq(sa->label, "Peng 2024a");
	ck_assert_str_eq(sb->label, "Peng 2024a");
	ck_assert_str_eq(sc->label, "Peng 2024b");
	ck_assert_str_eq(sk->label, "d");
	ck_assert_str_eq(sa->title, "Ru clusters");
	ck_assert_uint_eq(sa->nrefs, 1);
	ck_assert_int_eq(sa->refs[0].num, 95);
	ck_assert_str_eq(sa->refs[0].text, "A. One, B. Two, C. Three et al., A title, J. Test, 2020, 1, 2-3");
	ck_assert_str_eq(sa->refs[0].doi, "10.5555/r95");
	ck_assert_uint_eq(sb->nrefs, 0);
	ck_assert_uint_eq(d->nrows, 4);
	ck_assert_str_eq(rpt_row_paper(&d->rows[0]), "Peng 2024a");
	report_data_free(d);
	buf_reset(&dir);
	buf_printf(&dir, "rm -rf '%s'", root);
	ck_assert_int_eq(system(dir.data), 0);
	buf_release(&dir);
	buf_release(&b);
}
END_TEST

/* Values at the ends of a double: an axis all the same, and no crash. */
START_TEST(test_chart_extreme_values)
{
	struct entry_set s;
	struct report_data *d;
	struct rpt_chart *c = chart_new(CK_SCATTER, 0);
	struct rpt_chart_layout lay;
	entry_set_init(&s);
	add_entry(&s, "A", "SAC", "-1e300", "1e300", "");
	add_entry(&s, "B", "SAC", "1e300", "-1e300", "");
	add_entry(&s, "C", "SAC", "400", "1e-300", "");
	d = data_of(&s);
	draw(c, d, &lay);
	ck_assert_uint_eq(lay.nplotted, 3);
	ck_assert(lay.x.lo < lay.x.hi && lay.y.lo < lay.y.hi);
	rpt_chart_layout_release(&lay);
	c->ylog = 1;
	draw(c, d, &lay);
	ck_assert_uint_eq(lay.nplotted, 2);
	ck_assert_uint_eq(lay.ndropped_log, 1);
	ck_assert_uint_le(lay.y.nticks, 8);
	rpt_chart_layout_release(&lay);
	report_data_free(d);
	entry_set_release(&s);
	chart_free(c);
}
END_TEST

/* The legend takes a free corner, and goes above the plot when none is free. */
START_TEST(test_legend_placement)
{
	struct entry_set s;
	struct report_data *d;
	struct rpt_chart *c = chart_new(CK_SCATTER, 0);
	struct rpt_chart_layout lay;
	entry_set_init(&s);
	add_entry(&s, "A", "SAC", "100", "100", "");
	add_entry(&s, "B", "SCC", "200", "1", "");
	add_entry(&s, "C", "BCC", "150", "50", "");
	d = data_of(&s);
	draw(c, d, &lay);
	ck_assert_str_eq(lay.legend, "upper-right");    /* upper-left holds A */
	rpt_chart_layout_release(&lay);
	add_entry(&s, "D", "NP", "200", "100", "");
	add_entry(&s, "E", "NP", "100", "1", "");
	report_data_free(d);
	d = data_of(&s);
	draw(c, d, &lay);
	ck_assert_str_eq(lay.legend, "above");
	rpt_chart_layout_release(&lay);
	report_data_free(d);
	entry_set_release(&s);
	chart_free(c);
}
END_TEST

/* A field of 100 kB as a label: clipped, drawn, no crash. */
START_TEST(test_chart_huge_label)
{
	struct entry_set s;
	struct report_data *d;
	struct rpt_chart *c = chart_new(CK_BAR, 1);
	struct rpt_chart_layout lay;
	char *name = malloc(100001), clip[RPT_CLIP + 4];
	memset(name, 'C', 100000);
	name[100000] = '\0';
	ck_assert_uint_eq(strlen(rpt_clip(name, clip)), RPT_CLIP + 3);
	entry_set_init(&s);
	add_entry(&s, name, "SAC", "400", "2", "");
	add_entry(&s, "Ru", "SAC", "400", "3", "");
	d = data_of(&s);
	rpt_field_parse("catalyst", &c->label);
	draw(c, d, &lay);
	ck_assert_uint_eq(lay.nplotted, 2);
	rpt_chart_layout_release(&lay);
	c->kind = CK_SCATTER;
	draw(c, d, &lay);
	ck_assert_uint_eq(lay.nplotted, 2);
	rpt_chart_layout_release(&lay);
	report_data_free(d);
	entry_set_release(&s);
	chart_free(c);
	free(name);
}
END_TEST

/* Arrhenius: rates made with Ea = 80 kJ/mol give back 80. */
START_TEST(test_arrhenius_fit)
{
	struct entry_set s;
	struct report_data *d;
	struct rpt_chart *c = chart_new(CK_ARRHENIUS, 0);
	struct rpt_chart_layout lay;
	static const double temps[] = { 300, 350, 400 };
	size_t i;
	entry_set_init(&s);
	for (i = 0; i < ARRAY_SIZE(temps); i++) {
		char t[32], r[64];
		double T = temps[i] + 273.15;
		snprintf(t, sizeof(t), "%g", temps[i]);
		snprintf(r, sizeof(r), "%.12f", 1e6 * exp(-80.0 / (8.314462618e-3 * T)));
		add_entry(&s, "Ru/X", "NP", t, r, "");
	}
	add_entry(&s, "Ru/X", "NP", "", "", "75");
	add_entry(&s, "Lonely", "NP", "400", "1", "");
	d = data_of(&s);
	draw(c, d, &lay);
	ck_assert_uint_eq(lay.nseries, 1);
	ck_assert_uint_eq(lay.nplotted, 3);
	ck_assert_str_eq(buf_str(&lay.fits),
			 "fit Ru/X doc=t P= WHSV= points=3 Ea=80 se=0 r2=1 reported=75 drawn\n");
	rpt_chart_layout_release(&lay);
	report_data_free(d);
	entry_set_release(&s);
	chart_free(c);
}
END_TEST

/* Count the data markers of an SVG: paths stroked with GFX_MARKER_STROKE. */
static size_t count_markers(xmlNode *n)
{
	size_t k = 0;
	for (; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "path") == 0) {
			xmlChar *st = xmlGetProp(n, (const xmlChar *)"style");
			if (st && strstr((const char *)st, "stroke-width:0.6;"))
				k++;
			xmlFree(st);
		}
		k += count_markers(n->children);
	}
	return k;
}

START_TEST(test_svg_markers)
{
	char *tpl = test_path("tests/report/charts.xml");
	char *csv = test_path("tests/report/peng2024-v1.csv");
	static const char *const ids[] = { "scatter", "bars", "strip", "arrhenius" };
	struct report_template *t = report_template_load(tpl);
	struct report_data *d = report_data_new();
	char out[] = "/tmp/check_report_svg.XXXXXX";
	int fd = mkstemp(out);
	size_t i;
	ck_assert_ptr_nonnull(t);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(report_data_add(d, csv), 0);
	for (i = 0; i < ARRAY_SIZE(ids); i++) {
		struct report_options ro = { ids[i], NULL };
		char *lay_text;
		size_t len, want;
		FILE *lf = tmpfile();
		xmlDocPtr doc;
		const char *m;
		ro.layout = lf;
		ck_assert_int_eq(report_render(t, d, REPORT_SVG, out, &ro), 0);
		fflush(lf);
		len = (size_t)ftell(lf);
		lay_text = calloc(1, len + 1);
		rewind(lf);
		ck_assert_uint_eq(fread(lay_text, 1, len, lf), len);
		fclose(lf);
		/* No series of three temperatures in the fixture: an Arrhenius chart draws none. */
		m = strstr(lay_text, "markers=");
		ck_assert(m != NULL || strstr(lay_text, "empty:") != NULL);
		want = m ? strtoul(m + 8, NULL, 10) : 0;
		ck_assert(want > 0 || !m);
		doc = xmlReadFile(out, NULL, XML_PARSE_NONET);
		ck_assert_ptr_nonnull(doc);
		ck_assert_uint_eq(count_markers(xmlDocGetRootElement(doc)), want);
		xmlFreeDoc(doc);
		free(lay_text);
	}
	unlink(out);
	report_data_free(d);
	report_template_free(t);
	free(tpl);
	free(csv);
}
END_TEST

START_TEST(test_select_groups)
{
	struct entry_set s;
	struct report_data *d;
	struct rpt_groups gr;
	struct rpt_field site, rate;
	struct rpt_filters fs = { NULL, 0 };
	entry_set_init(&s);
	add_entry(&s, "a", "NP", "400", "1", "");
	add_entry(&s, "b", "", "400", "5", "");
	add_entry(&s, "c", "SAC", "400", "", "");
	add_entry(&s, "d", "SAC", "400", "9", "");
	add_entry(&s, "e", "BCC", "400", "2", "");
	entry_set(&s.v[4], COL_STATUS, "rejected");
	d = data_of(&s);
	rpt_field_parse("site_type", &site);
	rpt_field_parse("rate_mmol_gcat_h", &rate);
	rpt_select(d, &fs, &site, NULL, 0, &rate, 1, &gr);
	/* Site-type order, the unclassified last, the rejected entry gone. */
	ck_assert_uint_eq(gr.n, 3);
	ck_assert_str_eq(gr.v[0].name, "SAC");
	ck_assert_str_eq(gr.v[1].name, "NP");
	ck_assert_str_eq(gr.v[2].name, "");
	ck_assert_str_eq(rpt_group_label(gr.v[2].name), "unclassified");
	/* Sorted descending, the empty value last. */
	ck_assert_str_eq(entry_get(gr.v[0].rows[0].e, COL_CATALYST), "d");
	ck_assert_str_eq(entry_get(gr.v[0].rows[1].e, COL_CATALYST), "c");
	ck_assert_uint_eq(d->nrejected, 1);
	rpt_groups_release(&gr);
	report_data_free(d);
	entry_set_release(&s);
}
END_TEST

static void count_sink(void *ctx, const struct diag_item *it)
{
	(void)it;
	(*(size_t *)ctx)++;
}

/* The data-quality report holds exactly what reading and validation find. */
START_TEST(test_findings_are_validation)
{
	char *bad = test_path("tests/report/bad.csv");
	struct report_data *d = report_data_new();
	struct entry_set s;
	size_t n = 0;
	struct diag *dg = diag_new_collect(count_sink, &n);
	entry_set_init(&s);
	entries_read(bad, &s, dg);
	validate_entries(bad, &s, dg);
	ck_assert_uint_gt(n, 0);
	ck_assert_int_eq(report_data_add(d, bad), 0);
	ck_assert_uint_eq(d->nfindings, n);
	ck_assert_uint_eq(d->findings[0].line, 2);
	ck_assert_str_eq(d->findings[0].file, bad);
	diag_free(dg);
	entry_set_release(&s);
	report_data_free(d);
	free(bad);
}
END_TEST

/* A small deterministic generator, so that a failure can be replayed. */
static unsigned long lcg_state;
static unsigned long lcg(void)
{
	lcg_state = lcg_state * 6364136223846793005UL + 1442695040888963407UL;
	return lcg_state >> 33;
}

/* Templates with random bytes changed: refused or loaded, never a crash. */
START_TEST(test_template_mutations)
{
	char *path = test_path("templates/overview.xml");
	size_t len, k;
	char *orig = file_read_all(path, &len);
	int round;
	static const char junk[] = "<>&\"'/=! \n\x00\xC3\xFF]x";
	ck_assert_ptr_nonnull(orig);
	lcg_state = 20240601;
	for (round = 0; round < 60; round++) {
		char *text = malloc(len + 1), *err = NULL;
		struct report_template *t;
		memcpy(text, orig, len + 1);
		for (k = 0; k < 1 + lcg() % 4; k++)
			text[lcg() % len] = junk[lcg() % (sizeof(junk) - 1)];
		t = load_text(text, &err);
		report_template_free(t);
		free(err);
		free(text);
	}
	free(orig);
	free(path);
}
END_TEST

/* Random data in every chart kind: each row is plotted, missing or dropped. */
START_TEST(test_chart_random_data)
{
	static const char *const sites[] = { "SAC", "SCC", "BCC", "NP", "", "XYZ" };
	static const char *const values[] = { "", "0", "-3", "1e-9", "7", "400", "1e12", "abc", "2.5" };
	int round;
	lcg_state = 7;
	for (round = 0; round < 40; round++) {
		struct entry_set s;
		struct report_data *d;
		struct rpt_chart *c = chart_new((enum rpt_chart_kind)(round % 4), (int)(lcg() % 2));
		struct rpt_chart_layout lay;
		size_t i, n = lcg() % 30;
		entry_set_init(&s);
		for (i = 0; i < n; i++) {
			char cat[16];
			snprintf(cat, sizeof(cat), "C%lu", lcg() % 5);
			add_entry(&s, cat, sites[lcg() % ARRAY_SIZE(sites)],
				  values[lcg() % ARRAY_SIZE(values)], values[lcg() % ARRAY_SIZE(values)], "");
		}
		d = data_of(&s);
		c->xlog = (int)(lcg() % 2);
		rpt_field_parse("catalyst", &c->label);
		draw(c, d, &lay);
		/* Each measurement once: the rows and the repeats left out make up the entries. */
		ck_assert_uint_eq(report_data_count(d) + d->nrepeated, n);
		if (c->kind != CK_ARRHENIUS)
			ck_assert_uint_eq(lay.nplotted + lay.nmissing + lay.ndropped_log,
					  report_data_count(d));
		else
			ck_assert_uint_le(lay.nplotted + lay.nmissing + lay.ndropped_log,
					  report_data_count(d));
		ck_assert(lay.empty == (lay.nplotted == 0));
		rpt_chart_layout_release(&lay);
		report_data_free(d);
		entry_set_release(&s);
		chart_free(c);
	}
}
END_TEST

static Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_nicenum, 0, (int)ARRAY_SIZE(nice_cases));
	tcase_add_loop_test(tc, test_axis_linear, 0, (int)ARRAY_SIZE(lin_cases));
	tcase_add_loop_test(tc, test_axis_log, 0, (int)ARRAY_SIZE(log_cases));
	tcase_add_test(tc, test_axis_log_extremes);
	tcase_add_test(tc, test_format_fixed_locale);
	tcase_add_loop_test(tc, test_chem_markup, 0, (int)ARRAY_SIZE(chem_cases));
	tcase_add_loop_test(tc, test_template_bad, 0, (int)ARRAY_SIZE(bad_templates));
	tcase_add_test(tc, test_template_good);
	tcase_add_test(tc, test_template_markup);
	tcase_add_test(tc, test_chart_one_point);
	tcase_add_test(tc, test_chart_all_equal);
	tcase_add_loop_test(tc, test_chart_log_nonpositive, CK_SCATTER, CK_STRIP + 1);
	tcase_add_loop_test(tc, test_chart_empty, CK_SCATTER, CK_STRIP + 1);
	tcase_add_test(tc, test_chart_many);
	tcase_add_test(tc, test_chart_named_labels);
	tcase_add_test(tc, test_sources);
	tcase_add_test(tc, test_chart_huge_label);
	tcase_add_test(tc, test_chart_extreme_values);
	tcase_add_test(tc, test_legend_placement);
	tcase_add_test(tc, test_arrhenius_fit);
	tcase_add_test(tc, test_svg_markers);
	tcase_add_test(tc, test_select_groups);
	tcase_add_test(tc, test_findings_are_validation);
	tcase_add_test(tc, test_template_mutations);
	tcase_add_test(tc, test_chart_random_data);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(report_suite());
}
