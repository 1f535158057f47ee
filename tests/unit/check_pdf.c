/*
 * check_pdf.c: unit tests of the PDF reader's layout (ingest_pdf.c),
 * through ingest_pdf_glyphs: pages of glyphs placed by the test, so that
 * each rule is tried alone: two columns read left then right, running
 * heads and page numbers dropped, sub- and superscripts from size and
 * baseline (also a subscript and an exponent in one poppler word),
 * hyphenation joined or kept, ligatures and symbol fonts (also the
 * codes of Advent fonts, text or Greek in their PostScript fonts, and
 * superscripts boxed as tall as the line, a line of nothing but scripts),
 * table rows
 * against justified prose, page-line locators; and bad files refused.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "document.h"
#include "ingest.h"
#include "testlib.h"

/* Pages of glyphs being set up. */
struct pages {
	struct pdf_glyph g[8192];
	size_t n, npage[8], npages;
};

static void pages_init(struct pages *p)
{
	memset(p, 0, sizeof(*p));
	p->npages = 1;
}

static void next_page(struct pages *p)
{
	p->npages++;
}

/*
 * Set s from x on the baseline base in size, each character w wide, with
 * a box from the font's ascent to its descent (poppler's boxes).  raise
 * > 0 lifts the text (a superscript), < 0 lowers it.
 */
static float put_w(struct pages *p, const char *s, float x, float base, float size, float raise,
		   float w)
{
	for (; *s; s++) {
		struct pdf_glyph *c = &p->g[p->n++];
		float h = 1.17f * size;
		memset(c, 0, sizeof(*c));
		c->cp = (unsigned char)*s;
		c->x1 = x;
		c->x2 = x + w;
		c->y2 = base - raise + 0.2f * h;
		c->y1 = c->y2 - h;
		c->size = size;
		p->npage[p->npages - 1]++;
		x = c->x2;
	}
	return x;
}

/* Characters 0.45 em wide. */
static float put(struct pages *p, const char *s, float x, float base, float size, float raise)
{
	return put_w(p, s, x, base, size, raise, 0.45f * size);
}

static void end_line(struct pages *p)
{
	struct pdf_glyph *c = &p->g[p->n++];
	memset(c, 0, sizeof(*c));
	c->cp = '\n';
	p->npage[p->npages - 1]++;
}

/* One line of text in 10 pt. */
static void line(struct pages *p, const char *s, float x, float base)
{
	put(p, s, x, base, 10, 0);
	end_line(p);
}

/* One justified line of text in 10 pt, from x to x_end. */
static void line_to(struct pages *p, const char *s, float x, float base, float x_end)
{
	put_w(p, s, x, base, 10, 0, (x_end - x) / (float)strlen(s));
	end_line(p);
}

static struct document *lay_out(struct pages *p)
{
	struct diag *d = test_diag_new();
	struct document *doc = ingest_pdf_glyphs("t.pdf", "t", 595, 842, p->g, p->npage, p->npages, d);
	ck_assert_str_eq(test_diag_text(d), "");
	test_diag_free(d);
	ck_assert_ptr_nonnull(doc);
	return doc;
}

static const char *locate(const struct document *doc, size_t bi)
{
	static char out[64];
	struct buf b = BUF_INIT;
	document_locate(doc, &doc->blocks[bi], 0, 1, &b);
	snprintf(out, sizeof(out), "%s", buf_str(&b));
	buf_release(&b);
	return out;
}

static const char *const left_lines[] = {
	"The left column starts the article and", "its lines are read first, one after", "the other, down to the bottom of it.",
};
static const char *const right_lines[] = {
	"The right column comes after the left", "one, although its lines stand at the", "same heights as those on the left.",
};

START_TEST(test_two_columns_left_then_right)
{
	struct pages p;
	struct document *doc;
	size_t i;
	pages_init(&p);
	for (i = 0; i < 3; i++) {
		line_to(&p, left_lines[i], 50, 100 + 12 * (float)i, i < 2 ? 230 : 200);
		line_to(&p, right_lines[i], 310, 100 + 12 * (float)i, i < 2 ? 490 : 460);
	}
	doc = lay_out(&p);
	ck_assert_uint_eq(doc->nblocks, 2);
	ck_assert_str_eq(doc->blocks[0].text, "The left column starts the article and its lines are read "
			 "first, one after the other, down to the bottom of it.");
	ck_assert_str_eq(doc->blocks[1].text, "The right column comes after the left one, although its "
			 "lines stand at the same heights as those on the left.");
	ck_assert_str_eq(locate(doc, 0), "p1:L1");
	ck_assert_str_eq(locate(doc, 1), "p1:L4");
	document_free(doc);
}
END_TEST

START_TEST(test_running_head_and_page_number_dropped)
{
	struct pages p;
	struct document *doc;
	pages_init(&p);
	put(&p, "J. Test Chem., 2026, 1, 1-9", 50, 30, 7, 0);
	end_line(&p);
	line(&p, "The only paragraph of the page.", 50, 120);
	put(&p, "3", 297, 815, 7, 0);
	end_line(&p);
	put(&p, "5", 25, 120, 6, 0);   /* a line number in the margin */
	end_line(&p);
	doc = lay_out(&p);
	ck_assert_uint_eq(doc->nblocks, 1);
	ck_assert_str_eq(doc->blocks[0].text, "The only paragraph of the page.");
	document_free(doc);
}
END_TEST

START_TEST(test_sub_and_superscripts)
{
	struct pages p;
	struct document *doc;
	float x;
	pages_init(&p);
	x = put(&p, "NH", 50, 100, 10, 0);
	x = put(&p, "3", x, 100, 7, -2);          /* lowered, smaller: NH₃ */
	x = put(&p, " rate in mmol g", x, 100, 10, 0);
	x = put(&p, "cat", x, 100, 7, -2);        /* g_{cat} */
	x = put(&p, "-1", x, 100, 7, 3.5f);       /* ⁻¹ */
	x = put(&p, " h", x, 100, 10, 0);
	x = put(&p, "-1", x, 100, 7, 3.5f);
	x = put(&p, " at 10", x, 100, 10, 0);
	x = put(&p, "-2", x, 100, 7, 3.5f);
	put(&p, " MPa.", x, 100, 10, 0);
	end_line(&p);
	doc = lay_out(&p);
	ck_assert_uint_eq(doc->nblocks, 1);
	ck_assert_str_eq(doc->blocks[0].text,
			 "NH\xE2\x82\x83 rate in mmol g_{cat}\xE2\x81\xBB\xC2\xB9 h\xE2\x81\xBB\xC2\xB9 "
			 "at 10\xE2\x81\xBB\xC2\xB2 MPa.");
	document_free(doc);
}
END_TEST

START_TEST(test_subscript_and_exponent_in_one_box)
{
	struct pages p;
	struct document *doc;
	float x;
	size_t i, first;
	pages_init(&p);
	x = put(&p, "rate 4.3 mmol g", 50, 100, 10, 0);
	first = p.n;
	put(&p, "cat-1", x, 100, 7, 0);
	/* poppler boxes the glyphs of one word alike: the box spans both */
	for (i = first; i < first + 5; i++) {
		p.g[i].y1 = 100 - 9.4f;
		p.g[i].y2 = 100 + 3.2f;
	}
	end_line(&p);
	doc = lay_out(&p);
	ck_assert_str_eq(doc->blocks[0].text, "rate 4.3 mmol g_{cat}\xE2\x81\xBB\xC2\xB9");
	document_free(doc);
}
END_TEST

START_TEST(test_hyphenation)
{
	struct pages p;
	struct document *doc;
	pages_init(&p);
	line_to(&p, "the single-atom sites favour the hydro-", 50, 100, 230);
	line_to(&p, "genation of nitrogen on single-", 50, 112, 230);
	line_to(&p, "atom catalysts; 1.8- and 3.3-fold; Co-", 50, 124, 230);
	line_to(&p, "N-C is kept as written in the paper here.", 50, 136, 230);
	doc = lay_out(&p);
	ck_assert_uint_eq(doc->nblocks, 1);
	ck_assert_str_eq(doc->blocks[0].text,
			 "the single-atom sites favour the hydrogenation of nitrogen on single-atom "
			 "catalysts; 1.8- and 3.3-fold; Co-N-C is kept as written in the paper here.");
	document_free(doc);
}
END_TEST

START_TEST(test_ligatures_and_symbol_font)
{
	struct pages p;
	struct document *doc;
	float x;
	pages_init(&p);
	x = put(&p, "e", 50, 100, 10, 0);
	x = put(&p, "X", x, 100, 10, 0);
	p.g[p.n - 1].cp = 0xFB03;   /* the ffi ligature */
	x = put(&p, "cient at 2 ", x, 100, 10, 0);
	x = put(&p, "m", x, 100, 10, 0);
	p.g[p.n - 1].symbol = 1;    /* m in the Symbol font is mu */
	put(&p, "mol.", x, 100, 10, 0);
	end_line(&p);
	doc = lay_out(&p);
	ck_assert_str_eq(doc->blocks[0].text, "efficient at 2 \xCE\xBCmol.");
	document_free(doc);
}
END_TEST

START_TEST(test_advent_fonts_and_tall_script_boxes)
{
	struct pages p;
	struct document *doc;
	float x;
	size_t i, first;
	pages_init(&p);
	/* "q = 0.26, 21 mM^-1 fl": = drawn at the code of ¼, the minus at
	 * code 3 of an Advent math font, fl at a private-use code */
	x = put(&p, "q \xBC 0.26, 21 mM", 50, 100, 10, 0);
	for (i = 0; i < p.n; i++)
		p.g[i].font = p.g[i].cp == 0xBC ? "OOADJJ+AdvP4C4E74" : "OOADJN+AdvOT999035f4";
	first = p.n;
	/* the superscript in 6.5 pt, boxed as tall as the line (the font's
	 * ascent and descent are large), raised 3 pt */
	x = put(&p, "-1", x, 97, 6.5f, 0);
	for (i = first; i < p.n; i++) {
		p.g[i].y1 = 100 - 11.7f + 0.2f * 11.7f - 3;
		p.g[i].y2 = 100 + 0.2f * 11.7f - 3;
	}
	p.g[first].cp = 3;
	p.g[first].font = "AdvP4C4E74";
	x = put(&p, " 2 X 10", x, 100, 10, 0);
	p.g[p.n - 4].cp = 0xC2;      /* × in an older Advent math font */
	p.g[p.n - 4].font = "AdvP4C4E59";
	x = put(&p, " X", x, 100, 10, 0);
	p.g[p.n - 1].cp = 0xE104;
	p.g[p.n - 1].font = "AdvOT999035f4+e1";
	put(&p, "ow, l", x, 100, 10, 0);
	p.g[p.n - 1].font = "AdvPS4721B4";   /* Latin letters for Greek */
	end_line(&p);
	doc = lay_out(&p);
	ck_assert_str_eq(doc->blocks[0].text, "q = 0.26, 21 mM\xE2\x81\xBB\xC2\xB9 2 \xC3\x97 10 flow, \xCE\xBB");
	document_free(doc);
}
END_TEST

START_TEST(test_advent_ps_fonts_text_or_greek)
{
	struct pages p;
	struct document *doc;
	float x;
	size_t i, m;
	/*
	 * Cell Press sets its text in Advent PostScript fonts too: one that
	 * sets words is text, one with a lone letter among them Greek
	 * ("5 mM" with the m in the Greek font is 5 μM), a pi font's letter
	 * (a bullet) neither.
	 */
	pages_init(&p);
	x = put(&p, "d Metabolic trade-offs at 5 m", 50, 100, 10, 0);
	m = p.n - 1;
	put(&p, "M", x, 100, 10, 0);
	for (i = 0; i < p.n; i++)
		p.g[i].font = "ICBFFP+AdvPSA183";
	p.g[0].font = "ICBFGB+AdvPSMPi6";
	p.g[m].font = "ICBFGC+AdvPS4721B4";
	end_line(&p);
	doc = lay_out(&p);
	ck_assert_str_eq(doc->blocks[0].text, "d Metabolic trade-offs at 5 \xCE\xBCM");
	document_free(doc);
}
END_TEST

/* A page whose first line is "Rate in mmol g", its scripts to follow. */
static void rate_line(struct pages *p)
{
	pages_init(p);
	line(p, "Rate in mmol g", 50, 100);
}

/* The page of rate_line reads "Rate in mmol g _{cat}⁻¹". */
static void assert_cat_exponent(struct pages *p)
{
	struct document *doc = lay_out(p);
	ck_assert_str_eq(doc->blocks[0].text, "Rate in mmol g _{cat}\xE2\x81\xBB\xC2\xB9");
	document_free(doc);
}

START_TEST(test_line_of_scripts_only)
{
	struct pages p;
	struct document *doc;
	float x;
	size_t i, first;
	/* "mmol g" wrapped before its scripts: "cat" lowered, "-1" raised */
	rate_line(&p);
	x = put(&p, "cat", 50, 112 + 2, 7, 0);
	put(&p, "-1", x, 112 - 3.5f, 7, 0);
	end_line(&p);
	assert_cat_exponent(&p);
	/* the same as poppler boxes one word: both runs in one tall box */
	rate_line(&p);
	first = p.n;
	put(&p, "cat-1", 50, 112, 7, 0);
	for (i = first; i < p.n; i++) {
		p.g[i].y1 = 112 - 9.5f;
		p.g[i].y2 = 112 + 2.5f;
	}
	end_line(&p);
	assert_cat_exponent(&p);
	/* smaller text on one baseline under a line: no scripts */
	rate_line(&p);
	put(&p, "10 um", 50, 110, 6, 0);
	end_line(&p);
	doc = lay_out(&p);
	ck_assert_uint_eq(doc->nblocks, 2);
	ck_assert_str_eq(doc->blocks[1].text, "10 um");
	document_free(doc);
}
END_TEST

START_TEST(test_small_text_apart_is_no_script)
{
	struct pages p;
	struct document *doc;
	float x;
	/* a margin box's small line beside a larger line of text: no script */
	pages_init(&p);
	put(&p, "Cite this: Chem. Sci.", 50, 104, 7, 0);
	put(&p, "proteins via design", 200, 100, 10, 0);
	end_line(&p);
	doc = lay_out(&p);
	ck_assert_ptr_null(strstr(doc->blocks[0].text, "_{"));
	ck_assert_ptr_nonnull(strstr(doc->blocks[0].text, "Cite this: Chem. Sci."));
	document_free(doc);
	/* a citation wrapped to a line's start, touching what follows: a script */
	pages_init(&p);
	line(&p, "over Ru is reported to exceed 200 kJ/mol", 50, 100);
	x = put(&p, "[38]", 50, 112, 7, 3);
	put(&p, ", the model used", x, 112, 10, 0);
	end_line(&p);
	doc = lay_out(&p);
	ck_assert_ptr_nonnull(strstr(doc->blocks[0].text, "kJ/mol ^{[38]}, the model"));
	document_free(doc);
}
END_TEST

START_TEST(test_table_rows_and_justified_prose)
{
	static const char *const rows[][3] = {
		{ "Catalyst", "Rate", "Ref." }, { "Ru/CeO2", "9.9", "119" }, { "Co-N-C", "4.34", "48" },
	};
	struct pages p;
	struct document *doc;
	const struct table *t;
	float x;
	size_t r;
	pages_init(&p);
	line(&p, "Table 1 Rates of the catalysts", 50, 100);
	for (r = 0; r < 3; r++) {
		put(&p, rows[r][0], 50, 120 + 14 * (float)r, 10, 0);
		put(&p, rows[r][1], 170, 120 + 14 * (float)r, 10, 0);
		put(&p, rows[r][2], 230, 120 + 14 * (float)r, 10, 0);
		end_line(&p);
	}
	/* justified prose: wide, even word gaps are no table */
	x = 50;
	for (r = 0; r < 4; r++)
		x = put(&p, r < 3 ? "word" : "end.", x + (r ? 12 : 0), 200, 10, 0);
	end_line(&p);
	doc = lay_out(&p);
	ck_assert_uint_eq(doc->nblocks, 2);
	ck_assert_int_eq(doc->blocks[0].kind, BLOCK_TABLE);
	ck_assert_str_eq(doc->blocks[0].label, "Table 1");
	t = doc->blocks[0].table;
	ck_assert_uint_eq(t->nrows, 3);
	ck_assert_uint_eq(t->ncols, 3);
	ck_assert_str_eq(table_cell_at(t, 1, 0)->text, "Ru/CeO2");
	ck_assert_str_eq(table_cell_at(t, 2, 1)->text, "4.34");
	ck_assert_int_eq(doc->blocks[1].kind, BLOCK_PARAGRAPH);
	ck_assert_str_eq(doc->blocks[1].text, "word word word end.");
	document_free(doc);
}
END_TEST

START_TEST(test_page_lines_count_per_page)
{
	struct pages p;
	struct document *doc;
	pages_init(&p);
	line(&p, "First page, first line of a paragraph that", 50, 100);
	line(&p, "goes on over the page.", 50, 112);
	next_page(&p);
	line(&p, "Second page.", 50, 100);
	doc = lay_out(&p);
	ck_assert_uint_eq(doc->nblocks, 2);
	ck_assert_str_eq(locate(doc, 0), "p1:L1");
	ck_assert_str_eq(locate(doc, 1), "p2:L1");
	document_free(doc);
}
END_TEST

static void refused(const char *data, size_t len, const char *want)
{
	struct diag *d = test_diag_new();
	struct document *doc = ingest_pdf("bad.pdf", "bad", data, len, d);
	ck_assert_ptr_null(doc);
	ck_assert_ptr_nonnull(strstr(test_diag_text(d), want));
	test_diag_free(d);
}

START_TEST(test_bad_files_refused)
{
	static const char notpdf[] = "just text\n";
	static const char trunc[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n";
	static const char junk[] = "%PDF-1.4\njunk junk junk\n%%EOF\n";
	struct pages p;
	struct diag *d;
	refused(notpdf, sizeof(notpdf) - 1, "[pdf-header]");
	refused(trunc, sizeof(trunc) - 1, "[pdf-truncated]");
	refused(junk, sizeof(junk) - 1, "[pdf-damaged]");
	/* no glyphs at all: a scan */
	d = test_diag_new();
	pages_init(&p);
	ck_assert_ptr_null(ingest_pdf_glyphs("scan.pdf", "scan", 595, 842, p.g, p.npage, 1, d));
	ck_assert_ptr_nonnull(strstr(test_diag_text(d), "[pdf-no-text]"));
	test_diag_free(d);
}
END_TEST

static Suite *pdf_suite(void)
{
	Suite *s = suite_create("pdf");
	TCase *tc = tcase_create("layout");
	tcase_add_test(tc, test_two_columns_left_then_right);
	tcase_add_test(tc, test_running_head_and_page_number_dropped);
	tcase_add_test(tc, test_sub_and_superscripts);
	tcase_add_test(tc, test_subscript_and_exponent_in_one_box);
	tcase_add_test(tc, test_hyphenation);
	tcase_add_test(tc, test_ligatures_and_symbol_font);
	tcase_add_test(tc, test_advent_fonts_and_tall_script_boxes);
	tcase_add_test(tc, test_advent_ps_fonts_text_or_greek);
	tcase_add_test(tc, test_line_of_scripts_only);
	tcase_add_test(tc, test_small_text_apart_is_no_script);
	tcase_add_test(tc, test_table_rows_and_justified_prose);
	tcase_add_test(tc, test_page_lines_count_per_page);
	tcase_add_test(tc, test_bad_files_refused);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(pdf_suite());
}
