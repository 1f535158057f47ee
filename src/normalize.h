/*
 * normalize.h: raw paper text (PDF-to-text output, or text gathered from
 * XML) to canonical text, with a map from every canonical byte back to the
 * source byte it came from, so that any finding can point at LINE:COL.
 *
 * Canonical text (the contract every later stage reads):
 *   - UTF-8; ASCII wherever a fold is defined below, other characters kept
 *   - chemistry: sub/superscript digits in formulas become digits:
 *     NH₃ -> NH3, Co₁Ru₂ -> Co1Ru2, NH_{3} -> NH3, FeN4©G-K -> FeN4@G-K
 *   - exponents of units: h⁻¹, h^{-1}, h^{ - 1} -> h^-1; g_{cat}, g_{\text{cat}} -> g_cat
 *   - citation superscripts after a word or full stop become markers:
 *     et al.⁷² -> et al.[cite:72], ^{81,82} -> [cite:81,82], ^{81-83} -> [cite:81-83]
 *   - scientific notation: 2.53 × 10⁻², $2.53 \times 10^{-2}$, 10.3 imes10^{-3}
 *     -> 2.53 x 10^-2 (one space each side of 'x')
 *   - LaTeX: $ dropped, \text{X} \mathrm{X} \rm X (and its broken form " m ")
 *     -> X, \frac{A}{B} -> A/B, "\ " inside numbers -> " "
 *   - dashes and minus signs (U+2010-2015, U+2212) -> '-'; NBSP, thin and
 *     other Unicode spaces -> ' '; μ µ -> u (micro); ° C -> °C
 *   - runs of spaces collapse to one; newlines are kept
 *
 * Details of the above, and a few more folds:
 *   - subscripts glue to the formula across the spaces PDF text puts
 *     around them when an element symbol or '/' follows:
 *     "Co ₁ Ru ₂ /NC" -> Co1Ru2/NC, "Sm ₂ O ₃" -> Sm2O3 ("Co ₂ ACCs" keeps its space)
 *   - a superscript after a digit, after a unit (m³, cm²) or with a sign
 *     (h⁻¹, Ce³⁺) is an exponent: ^3, ^3+; digits after anything else a
 *     citation; "¹¹⁰⁻¹¹²" -> [cite:110-112]
 *   - × 	imes \cdot (between numbers) and · (between numbers) -> " x ";
 *     · ⋅ between units -> ' ' (mmol·g⁻¹ -> mmol g^-1)
 *   - degree signs: ℃ -> °C; º and ˚ before C or F -> °; ^{\circ}C -> °C
 *   - \mu -> u, \AA -> Å, \sim pprox -> ~, \pm -> ±, \le \ge -> <= >=,
 *     \, \; \: -> ' ', \! \left 
ight \displaystyle dropped, \% -> %;
 *     other commands are kept as written
 *   - text as real papers print it: inline HTML from web pages (<sup>-1</sup>
 *     -> ^-1, NH<sub>3</sub> -> NH3, <i> <b> <span> dropped, <br> a space)
 *     and its entities (&deg; &minus; &#8722; &nbsp; &amp; ...); exponents
 *     set apart after a unit or " x 10" ("h -1", "g −1", "10(-3)", "s(-1)",
 *     "x 10 -4" -> ^-1 ...); "NH 3" -> NH3; subscripts in parentheses as
 *     PubMed prints them, glued to a formula ("NH(3)", "BaTiO(2.5)H(0.5)"
 *     -> NH3, BaTiO2.5H0.5; "N-C(450)" is a label and stays); the signs
 *     of RSC's Advent fonts that pdftotext passes on (control codes 2 to 5
 *     for × − ± °; older fonts' À Â Æ between numbers and units: "sÀ1",
 *     "3.4 Â 10À3", "596 Æ 2"); RSC HTML's "[thin space (1/6-em)]"; ∼ ≈ ～ -> ~; damaged degree
 *     signs after a number ("450 • C", "500 o C", "35'C", "400 degrees
 *     Celsius" -> °C)
 *   - LaTeX groups open only when their closing brace is on the same line
 *     (a stray brace is kept as written)
 *   - CR LF -> LF; spaces before a newline or a tab, and after one, are
 *     dropped (tabs separate table cells and are kept)
 *   - zero-width characters, soft hyphens and a BOM are dropped; invalid
 *     UTF-8 bytes become U+FFFD, each mapped to its byte
 *   - inserted text ("[cite:", the " x ") maps to the source character it
 *     replaces; each digit of a citation or exponent to its own digit
 */
#ifndef NH3CAT_NORMALIZE_H
#define NH3CAT_NORMALIZE_H

#include <stddef.h>

struct normtext {
	char *text;     /* canonical text, NUL-terminated */
	size_t len;
	size_t *map;    /* map[i]: source byte offset of text[i]; map[len]: source length */
	size_t alloc;   /* capacity of text and map, in bytes / elements */
};

#define NORMTEXT_INIT { NULL, 0, NULL, 0 }

void normtext_init(struct normtext *nt);
void normtext_release(struct normtext *nt);

/*
 * Normalize src[0..len) into nt, reusing nt's buffers (no allocation per
 * character).  Invalid UTF-8 bytes are kept as U+FFFD.  Never fails.
 */
void normalize_text(const char *src, size_t len, struct normtext *nt);

/* Line starts of a source text, to turn byte offsets into LINE:COL. */
struct linemap {
	size_t *start;  /* start[i]: offset of line i+1 */
	size_t n;
};

void linemap_build(struct linemap *lm, const char *src, size_t len);
void linemap_release(struct linemap *lm);
/* 1-based line, and 1-based column counted in characters (not bytes). */
void linemap_lookup(const struct linemap *lm, const char *src, size_t off,
		    long *line /* OUT */, long *col /* OUT */);

#endif
