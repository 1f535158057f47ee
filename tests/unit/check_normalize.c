/*
 * check_normalize.c: unit tests of the text normalizer (normalize.c):
 * every fold of the canonical-text contract on spellings taken from real
 * PDF-to-text output, the offset map back to source LINE:COL (multi-byte
 * characters included), and buffer reuse.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "testlib.h"
#include "util.h"

static int is_alnum_c(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

struct fold_case {
	const char *in;
	const char *out;
};

/* Raw text -> canonical text. */
static const struct fold_case fold_cases[] = {
	/* text as real papers print it: inline HTML from web pages, entities */
	{ "1.2 umol g<sup>-1</sup> h<sup>&#8722;1</sup>", "1.2 umol g^-1 h^-1" },
	{ "NH<sub>3</sub> synthesis over <i>x</i> Ru<br/>catalysts", "NH3 synthesis over x Ru catalysts" },
	{ "shown before<sup>12,13</sup> and", "shown before[cite:12,13] and" },
	{ "T &lt; 400 &deg;C &amp; 1&nbsp;MPa", "T < 400 \xC2\xB0" "C & 1 MPa" },
	{ "a <5 MPa bound", "a <5 MPa bound" },
	/* exponents set apart: spaced superscripts, parentheses, flattened x 10 */
	{ "12 umol NH 3 g \xE2\x88\x92" "1 min \xE2\x88\x92" "1", "12 umol NH3 g^-1 min^-1" },
	{ "80 kJ mol -1 and h -1", "80 kJ mol^-1 and h^-1" },
	{ "3 x 10(-3) s(-1)", "3 x 10^-3 s^-1" },
	{ "2.1 \xC3\x97 10 \xE2\x88\x92" "4 s -1", "2.1 x 10^-4 s^-1" },
	{ "Ru/C (-1) and 300 K - 400 K, NH 35", "Ru/C (-1) and 300 K - 400 K, NH 35" },
	/* the signs of RSC's Advent fonts as pdftotext passes them on: control codes, older Latin-1 letters */
	{ "(mM\x03 1 cm\x03 1) 0.06 s\xC3\x80" "1, 3.4 \xC3\x82 10\xC3\x80" "3 and 596 \xC3\x86 2 K at 400 \x05" "C",
	  "(mM^-1 cm^-1) 0.06 s-1, 3.4 x 10-3 and 596 \xC2\xB1 2 K at 400 \xC2\xB0" "C" },
	{ "\xC3\x80 la fin, \xC3\x82ge 3, Caf\xC3\x86 2", "\xC3\x80 la fin, \xC3\x82ge 3, Caf\xC3\x86 2" },
	/* a thin space written out, as text copied from RSC's HTML has it */
	{ "16[thin space (1/6-em)]817.3 \xC2\xB5mol h" "\xE2\x88\x92" "1 [thin] [12]", "16 817.3 umol h-1 [thin] [12]" },
	/* subscripts in parentheses, as PubMed prints them; words and labels keep theirs */
	{ "3.05 mmol-NH(3) g(\xE2\x88\x92" "1) over Ru/BaTiO(2.5)H(0.5)-TiH(2)",
	  "3.05 mmol-NH3 g^-1 over Ru/BaTiO2.5H0.5-TiH2" },
	{ "Table(2), Fig(3), Ru(1a), Ru@N-C(450) and NH(3)x", "Table(2), Fig(3), Ru(1a), Ru@N-C(450) and NH(3)x" },
	/* approximately */
	{ "\xE2\x88\xBC" "400 and \xE2\x89\x88" "5", "~400 and ~5" },
	/* degree signs damaged by PDF or OCR text */
	{ "450 \xE2\x80\xA2 C, 500 o C, 35'C and 400 degrees Celsius",
	  "450 \xC2\xB0" "C, 500 \xC2\xB0" "C, 35\xC2\xB0" "C and 400 \xC2\xB0" "C" },
	{ "2 o Clock, he said 5 o times", "2 o Clock, he said 5 o times" },
	/* chemistry: subscripts glue to the formula */
	{ "NH\xE2\x82\x83", "NH3" },
	{ "Co\xE2\x82\x81Ru\xE2\x82\x82", "Co1Ru2" },
	{ "Co \xE2\x82\x81 Ru \xE2\x82\x82 /NC", "Co1Ru2/NC" },
	{ "Co \xE2\x82\x81 Ru SAA", "Co1Ru SAA" },
	{ "Co \xE2\x82\x82 ACCs", "Co2 ACCs" },
	{ "5% Ru/Sm \xE2\x82\x82 O \xE2\x82\x83 (activated)", "5% Ru/Sm2O3 (activated)" },
	{ "Ru/BaCeO \xE2\x82\x83", "Ru/BaCeO3" },
	{ "Ru _{3.0} /BaCeO \xE2\x82\x83", "Ru3.0/BaCeO3" },
	{ "NH_{3}", "NH3" },
	{ "NH_3 synthesis", "NH3 synthesis" },
	{ "N\xE2\x82\x82 and H\xE2\x82\x82 molecules", "N2 and H2 molecules" },
	{ "FeN\xE2\x82\x84\xC2\xA9G-K", "FeN4@G-K" },
	{ "FeN4\xC2\xA9G-K", "FeN4@G-K" },
	{ "\xC2\xA9 2024 The Authors", "\xC2\xA9 2024 The Authors" },
	{ "MoH _x", "MoH_x" },
	/* unit exponents and subscripts */
	{ "h\xE2\x81\xBB\xC2\xB9", "h^-1" },
	{ "h^{-1}", "h^-1" },
	{ "h^{ - 1}", "h^-1" },
	{ "h^{\xE2\x88\x92" "1}", "h^-1" },
	{ "g_{cat}^{-1}", "g_cat^-1" },
	{ "g_{\\text{cat}}^{-1}", "g_cat^-1" },
	{ "g_{ m cat}^{-1}", "g_cat^-1" },
	{ "mmol_{NH\xE2\x82\x83} g_{cat}\xE2\x81\xBB\xC2\xB9 h\xE2\x81\xBB\xC2\xB9",
	  "mmol_NH3 g_cat^-1 h^-1" },
	{ "$\\text{mmol}_{\\text{NH}_3} \\text{g}_{\\text{Co}}^{-1} \\text{h}^{-1}$",
	  "mmol_NH3 g_Co^-1 h^-1" },
	{ "(mmol_{ m NH_3} g_{ m cat}^{-1} h^{-1})", "(mmol_NH3 g_cat^-1 h^-1)" },
	{ "$ m NH_3$ synthesis rate", "NH3 synthesis rate" },
	{ "$5 m s^{-1}$", "5 m s^-1" },
	{ "30 L g_c\xE2\x81\xBB\xC2\xB9 h^{-1}", "30 L g_c^-1 h^-1" },
	{ "121 kg m^{-3}", "121 kg m^-3" },
	{ "mmol\xC2\xB7g\xE2\x81\xBB\xC2\xB9\xC2\xB7h\xE2\x81\xBB\xC2\xB9", "mmol g^-1 h^-1" },
	{ "1 cm\xC2\xB3", "1 cm^3" },
	{ "Ce\xC2\xB3\xE2\x81\xBA", "Ce^3+" },
	/* citations */
	{ "et al.\xE2\x81\xB7\xC2\xB2", "et al.[cite:72]" },
	{ "of NH\xE2\x82\x83.\xE2\x81\xB7\xC2\xB2 At", "of NH3.[cite:72] At" },
	{ "nm.^{33,42,43} In", "nm.[cite:33,42,43] In" },
	{ "Sm2O3.^{81,82}", "Sm2O3.[cite:81,82]" },
	{ "^{81-83}", "[cite:81-83]" },
	{ "catalysts.\xC2\xB9\xC2\xB9\xE2\x81\xB0\xE2\x81\xBB\xC2\xB9\xC2\xB9\xC2\xB2 The",
	  "catalysts.[cite:110-112] The" },
	{ "reaction\xE2\x81\xB8\xE2\x81\xB4 based", "reaction[cite:84] based" },
	{ "method.65", "method.65" },
	{ "Ru/CeO\xE2\x82\x82\xE2\x81\xB7\xE2\x81\xB9 exhibited", "Ru/CeO2[cite:79] exhibited" },
	{ "Ru/CeO_2^{79} exhibited", "Ru/CeO2[cite:79] exhibited" },
	{ "1.5 \xC3\x97 10\xC2\xB3", "1.5 x 10^3" },
	/* scientific notation */
	{ "2.53 \xC3\x97 10\xE2\x81\xBB\xC2\xB2", "2.53 x 10^-2" },
	{ "$2.53 \\times 10^{-2}$", "2.53 x 10^-2" },
	{ "5.23\xC3\x97" "10^{-2} s\xE2\x81\xBB\xC2\xB9", "5.23 x 10^-2 s^-1" },
	{ "$10.3 imes10^{-3}$", "10.3 x 10^-3" },
	{ "8.0\xC3\x97" "10^3 , 32.0", "8.0 x 10^3 , 32.0" },
	{ "2.5 \\cdot 10^{3}", "2.5 x 10^3" },
	{ "sometimes imes", "sometimes imes" },
	/* LaTeX */
	{ "$\\frac{WHSV}{(mL g^{-1} h^{-1})}$", "WHSV/(mL g^-1 h^-1)" },
	{ "$24\\ 000$", "24 000" },
	{ "\\rm NH_3", "NH3" },
	{ "$\\mathrm{Ru}$", "Ru" },
	{ "$Ru \\ NCs$", "Ru NCs" },
	{ "5 \\mu mol", "5 umol" },
	{ "25^{\\circ}C", "25\xC2\xB0" "C" },
	{ "\\unknown{x}", "\\unknown{x}" },
	{ "a {brace} b", "a {brace} b" },
	{ "open { never closed", "open { never closed" },
	{ "h^{-1 with no end", "h^{-1 with no end" },
	/* math as PDF-to-Markdown converters write it: every token spaced */
	{ "$1 2 . 5 \\mathrm { m m o l } \\mathrm { g } ^ { - 1 } \\mathrm { h } ^ { - 1 }$",
	  "12.5 mmol g^-1 h^-1" },
	{ "at $4 0 0 ^ { \\circ } \\mathrm { C }$ and $1 \\mathrm { M P a }$",
	  "at 400\xC2\xB0" "C and 1 MPa" },
	{ "$7 0 0 ~ ^ { \\circ } \\mathrm { C }$", "700\xC2\xB0" "C" },
	{ "400 $^\\circ$C", "400\xC2\xB0" "C" },
	{ "$\\mathrm { N H } _ { 3 }$ synthesis", "NH3 synthesis" },
	{ "$\\mathrm { C o } _ { 3 } \\mathrm { M o } _ { 3 } \\mathrm { N }$", "Co3Mo3N" },
	{ "$\\mathrm { R u } _ { 1 } / \\mathrm { C e O } _ { 2 }$", "Ru1/CeO2" },
	{ "$\\mathrm { m m o l } \\mathrm { g } _ { \\mathrm { c a t } } ^ { - 1 } \\mathrm { h } ^ { - 1 }$",
	  "mmol g_cat^-1 h^-1" },
	{ "$1 . 1 1 \\mathrm { W }$ and $5 \\mathrm { w t } \\%$ Ru", "1.11 W and 5 wt% Ru" },
	{ "$3 . 2 \\times 1 0 ^ { - 2 } \\mathrm { s } ^ { - 1 }$", "3.2 x 10^-2 s^-1" },
	{ "$\\sim 4 0 0$ and $( 1 2 . 5 \\pm 0 . 3 )$", "~400 and (12.5 \xC2\xB1 0.3)" },
	{ "$\\text{per gram}$ and $$ r = k $$", "per gram and r = k" },
	{ "$1 2$ and 1 2", "12 and 1 2" },
	{ "$8.54\\ \\mathrm{mmol\\ g^{-1}\\ h^{-1}}$", "8.54 mmol g^-1 h^-1" },
	{ "$\\mathrm{mmol g^{-1} h^{-1}}$ and $\\mathrm { N i - B a }$", "mmol g^-1 h^-1 and Ni-Ba" },
	/* dashes, spaces, micro, degrees */
	{ "490\xE2\x80\x93" "510 \xC2\xB0" "C", "490-510 \xC2\xB0" "C" },
	{ "Ba\xE2\x80\x93Ru", "Ba-Ru" },
	{ "\xE2\x88\x92" "5", "-5" },
	{ "a\xE2\x80\x90" "b\xE2\x80\x91" "c\xE2\x80\x92" "d\xE2\x80\x94" "e\xE2\x80\x95" "f", "a-b-c-d-e-f" },
	{ "60\xC2\xA0" "000", "60 000" },
	{ "60\xE2\x80\x89" "000", "60 000" },
	{ "60\xE2\x80\xAF" "000", "60 000" },
	{ "a   b", "a b" },
	{ "a \t b", "a\tb" },
	{ "line  \nnext", "line\nnext" },
	{ "crlf\r\nline", "crlf\nline" },
	{ "\xCE\xBCmol", "umol" },
	{ "\xC2\xB5mol", "umol" },
	{ "10.3 \xCE\xBC mol_{NH3}", "10.3 umol_NH3" },
	{ "150 \xC2\xB0 C and", "150 \xC2\xB0" "C and" },
	{ "25 \xE2\x84\x83", "25 \xC2\xB0" "C" },
	{ "350 \xC2\xBA" "C", "350 \xC2\xB0" "C" },
	{ "350\xCB\x9A" "C", "350\xC2\xB0" "C" },
	{ "n\xC2\xBA 5", "n\xC2\xBA 5" },
	{ "zero\xE2\x80\x8Bwidth", "zerowidth" },
	/* invalid UTF-8 */
	{ "a\xFF" "b", "a\xEF\xBF\xBD" "b" },
	{ "a\xE2\x82", "a\xEF\xBF\xBD\xEF\xBF\xBD" },
	{ "", "" },
};

START_TEST(test_fold)
{
	const struct fold_case *c = &fold_cases[_i];
	struct normtext nt = NORMTEXT_INIT;
	normalize_text(c->in, strlen(c->in), &nt);
	ck_assert_msg(strcmp(nt.text, c->out) == 0, "'%s' -> '%s', expected '%s'", c->in, nt.text, c->out);
	ck_assert_uint_eq(nt.len, strlen(c->out));
	ck_assert_uint_eq(nt.map[nt.len], strlen(c->in));
	normtext_release(&nt);
}
END_TEST

/* The map is monotonic and every entry is inside the source. */
START_TEST(test_map_monotonic)
{
	const struct fold_case *c = &fold_cases[_i];
	struct normtext nt = NORMTEXT_INIT;
	size_t i, n = strlen(c->in);
	normalize_text(c->in, n, &nt);
	for (i = 0; i < nt.len; i++) {
		ck_assert_uint_lt(nt.map[i], n);
		if (i > 0)
			ck_assert_uint_le(nt.map[i - 1], nt.map[i]);
	}
	normtext_release(&nt);
}
END_TEST

struct map_case {
	const char *token;  /* a token of the canonical text */
	long line, col;     /* where its first byte comes from in the source */
};

/* Source with multi-byte characters before the tokens, on several lines. */
static const char map_src[] =
	"Peng \xE2\x80\xA0 et al.\xE2\x81\xB7\xC2\xB2 wrote:\n"                      /* line 1 */
	"NH\xE2\x82\x83 at 350 \xC2\xB0 C and 1\xC2\xA0MPa\n"                         /* line 2 */
	"\xCE\xBC\xCE\xBC rate 8.54 mmol_{NH\xE2\x82\x83} g_{cat}\xE2\x81\xBB\xC2\xB9\n"  /* line 3 */
	"\tFeN4\xC2\xA9G-K\t2.1\t$10.3 imes10^{-3}$\n"                                  /* line 4 */
	"Co \xE2\x82\x81 Ru \xE2\x82\x82 /NC 60 000";                                  /* line 5 */

static const struct map_case map_cases[] = {
	{ "Peng", 1, 1 },
	{ "[cite:72]", 1, 14 },
	{ "72]", 1, 14 },
	{ "2]", 1, 15 },
	{ "wrote", 1, 17 },
	{ "NH3", 2, 1 },
	{ "350", 2, 8 },
	{ "\xC2\xB0" "C", 2, 12 },
	{ "MPa", 2, 22 },
	{ "uu", 3, 1 },
	{ "8.54", 3, 9 },
	{ "mmol_NH3", 3, 14 },
	{ "g_cat^-1", 3, 25 },
	{ "FeN4@G-K", 4, 2 },
	{ "2.1", 4, 11 },
	{ "10.3", 4, 16 },
	{ "10^-3", 4, 25 },
	{ "Co1Ru2/NC", 5, 1 },
	{ "60 000", 5, 15 },
};

START_TEST(test_map_line_col)
{
	const struct map_case *c = &map_cases[_i];
	struct normtext nt = NORMTEXT_INIT;
	struct linemap lm;
	const char *hit;
	long line, col;
	size_t n = sizeof(map_src) - 1;

	normalize_text(map_src, n, &nt);
	linemap_build(&lm, map_src, n);
	hit = strstr(nt.text, c->token);
	ck_assert_msg(hit != NULL, "token '%s' not in '%s'", c->token, nt.text);
	linemap_lookup(&lm, map_src, nt.map[hit - nt.text], &line, &col);
	ck_assert_msg(line == c->line && col == c->col, "'%s' at %ld:%ld, expected %ld:%ld",
		      c->token, line, col, c->line, c->col);
	linemap_release(&lm);
	normtext_release(&nt);
}
END_TEST

START_TEST(test_linemap)
{
	const char *s = "ab\n\xC3\xA9" "cd\n\nx";
	struct linemap lm;
	long line, col;
	linemap_build(&lm, s, strlen(s));
	ck_assert_uint_eq(lm.n, 4);
	linemap_lookup(&lm, s, 0, &line, &col);
	ck_assert_int_eq(line, 1);
	ck_assert_int_eq(col, 1);
	linemap_lookup(&lm, s, 2, &line, &col);      /* the newline ends line 1 */
	ck_assert_int_eq(line, 1);
	ck_assert_int_eq(col, 3);
	linemap_lookup(&lm, s, 5, &line, &col);      /* 'c' after a 2-byte letter */
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 2);
	linemap_lookup(&lm, s, 8, &line, &col);      /* the empty line */
	ck_assert_int_eq(line, 3);
	ck_assert_int_eq(col, 1);
	linemap_lookup(&lm, s, 9, &line, &col);
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(col, 1);
	linemap_lookup(&lm, s, 10, &line, &col);     /* the end of the text */
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(col, 2);
	linemap_release(&lm);
}
END_TEST

/* A normtext reused for a longer then a shorter text keeps no stale bytes. */
START_TEST(test_reuse)
{
	struct normtext nt;
	char *big = xmalloc(100001);
	size_t alloc;
	memset(big, 'a', 100000);
	big[100000] = '\0';
	normtext_init(&nt);
	normalize_text(big, 100000, &nt);
	ck_assert_uint_eq(nt.len, 100000);
	alloc = nt.alloc;
	normalize_text("NH\xE2\x82\x83", 5, &nt);
	ck_assert_str_eq(nt.text, "NH3");
	ck_assert_uint_eq(nt.alloc, alloc);
	ck_assert_uint_eq(nt.map[3], 5);
	normtext_release(&nt);
	ck_assert_ptr_null(nt.text);
	free(big);
}
END_TEST

/* Text with NUL bytes inside is still walked to its length. */
START_TEST(test_embedded_nul)
{
	struct normtext nt = NORMTEXT_INIT;
	normalize_text("a\0b", 3, &nt);
	ck_assert_uint_eq(nt.len, 3);
	ck_assert_int_eq(nt.text[2], 'b');
	normtext_release(&nt);
}
END_TEST

/* The review text: known canonical lines come out of the whole document. */
START_TEST(test_review_text)
{
	char *path = test_path("../shared/seeds/peng2024-chemsci-review.txt");
	size_t len;
	char *src = file_read_all(path, &len);
	struct normtext nt = NORMTEXT_INIT;
	static const char *const expect[] = {
		"\tCo1Ru2/NC\t1.17Ru + 0.41Co\t400\t3.0\t60 000\t18.9\t95\n",
		"\tFeN4@G-K\t2.1\t190\t0.1\t30 000\t10.3 x 10^-3\t71\n",
		"\tRu/Sm2O3\t5.00\t400\t1.0\t24 000\t23.0\t81\n",
		"WHSV/(mL g^-1 h^-1)\tNH3 synthesis rate (mmol_NH3 g_cat^-1 h^-1)\tRef.\n",
		"8.54 mmol_NH3 g_cat^-1 h^-1",
		"85.3 mmol_NH3 g_Co^-1 h^-1 at 300 \xC2\xB0" "C and 1 MPa",
		"1.1 and 10.3 umol_NH3 g_c^-1 h^-1 at 150 \xC2\xB0" "C and",
		"2.53 x 10^-2 s^-1",
		"synthesis of NH3.[cite:72] At 400 \xC2\xB0" "C and atmospheric pressure",
	};
	size_t i;
	free(path);
	if (!src)
		return;   /* the review is outside the dist: nothing to check there */
	normalize_text(src, len, &nt);
	for (i = 0; i < ARRAY_SIZE(expect); i++)
		ck_assert_msg(strstr(nt.text, expect[i]) != NULL, "missing '%s'", expect[i]);
	normtext_release(&nt);
	free(src);
}
END_TEST

/*
 * The map over a whole text: canonical line k comes from source line k
 * (newlines are kept one for one), and a letter or digit copied from an
 * ASCII letter or digit is that same byte.  Markers the normalizer writes
 * ("[cite:72]", the x of a broken "imes") point at what they replace.
 */
static void assert_map_faithful(const char *src, size_t len)
{
	struct normtext nt = NORMTEXT_INIT;
	size_t i, j = 0, src_lines = 0, out_lines = 0, cite_end = 0;
	normalize_text(src, len, &nt);
	for (i = 0; i < nt.len; i++) {
		unsigned char c = (unsigned char)nt.text[i], o;
		size_t m = nt.map[i];
		while (j < m)
			src_lines += src[j++] == '\n';
		ck_assert_msg(src_lines == out_lines, "canonical byte %zu (line %zu) maps to source line %zu",
			      i, out_lines + 1, src_lines + 1);
		if (c == '\n')
			out_lines++;
		if (strncmp(nt.text + i, "[cite:", 6) == 0)
			cite_end = (size_t)(strchr(nt.text + i, ']') - nt.text);
		o = (unsigned char)src[m];
		if (i > cite_end && o < 0x80 && (is_alnum_c(c) && is_alnum_c(o)) && !(c == 'x' && o == 'i'))
			ck_assert_msg(c == o, "canonical '%c' at %zu maps to source '%c' at %zu", c, i, o, m);
	}
	normtext_release(&nt);
}

START_TEST(test_map_faithful_cases)
{
	assert_map_faithful(fold_cases[_i].in, strlen(fold_cases[_i].in));
}
END_TEST

START_TEST(test_map_faithful_review)
{
	char *path = test_path("../shared/seeds/peng2024-chemsci-review.txt");
	size_t len;
	char *src = file_read_all(path, &len);
	free(path);
	if (!src)
		return;
	assert_map_faithful(src, len);
	assert_map_faithful(map_src, sizeof(map_src) - 1);
	free(src);
}
END_TEST

static Suite *normalize_suite(void)
{
	Suite *s = suite_create("normalize");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_fold, 0, (int)ARRAY_SIZE(fold_cases));
	tcase_add_loop_test(tc, test_map_monotonic, 0, (int)ARRAY_SIZE(fold_cases));
	tcase_add_loop_test(tc, test_map_line_col, 0, (int)ARRAY_SIZE(map_cases));
	tcase_add_test(tc, test_linemap);
	tcase_add_test(tc, test_reuse);
	tcase_add_test(tc, test_embedded_nul);
	tcase_add_test(tc, test_review_text);
	tcase_add_loop_test(tc, test_map_faithful_cases, 0, (int)ARRAY_SIZE(fold_cases));
	tcase_add_test(tc, test_map_faithful_review);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(normalize_suite());
}
