/*
 * ingest_pdf.c: the PDF reader.  Reads the text layer of a born-digital
 * PDF through poppler's GLib API, one page at a time, from the glyphs
 * themselves (their boxes, sizes and fonts), and writes what it reads as
 * the plain text the text reader understands: a paragraph a line, blank
 * lines between blocks, table rows as tab-separated cells after their
 * "Table N" caption, sub- and superscripts as NH₃ / g_{cat}⁻¹.  The text
 * reader (ingest_text.c) then makes the document, so both readers give
 * the same blocks; this reader adds each page line's place in that text,
 * so that locators read "p3:L12".
 *
 * Per page:
 *   1. glyphs from poppler's text layout (its lines are fragments), Greek
 *      from symbol fonts, ligatures expanded; rotated text dropped;
 *   2. fragments split at wide gaps into segments (table cells);
 *   3. running heads, footers, page numbers and line numbers dropped:
 *      small or numeric text in the top and bottom margins, numbers alone
 *      beside the text;
 *   4. columns: a gutter down the middle that no segment crosses; text
 *      crossing it (titles, wide tables) makes full-width bands, and
 *      between them the left column is read before the right one;
 *   5. lines in each column; the labels of a figure above its caption
 *      dropped;
 *   6. tables: runs of lines with several segments, columns from the
 *      gaps that all rows share; paragraphs from vertical gaps, indents,
 *      short last lines, size and weight; words hyphenated at a line end
 *      joined (a hyphen kept when the document writes the word with it).
 *
 * Bad input is refused with "FILE: error: [pdf-...] ..." before poppler
 * sees it where possible: no %PDF header, no %%EOF (truncated), a stream
 * that inflates past PDF_MAX_INFLATE (a bomb); then poppler's own refusal
 * (encrypted, damaged), no text at all (a scan: OCR needed), and limits
 * on pages and characters.
 */
#include <config.h>

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>
#include <zlib.h>

#include "ingest.h"

#include "utf8.h"

/* Limits: pages of a file, characters on one page, inflated stream bytes. */
#define PDF_MAX_PAGES 20000
#define PDF_MAX_PAGE_GLYPHS 400000
#define PDF_MAX_INFLATE ((size_t)256 << 20)
#define PDF_SIZE_BINS 400   /* font sizes to 200 pt, in half points */

enum glyph_flags { G_BOLD = 1 << 0, G_SOFT = 1 << 1 /* a soft hyphen, drawn as '-' */ };
enum script { S_NONE, S_SUB, S_SUP };

struct glyph {
	uint32_t cp;
	float x1, y1, x2, y2;   /* box, y down */
	float size;             /* font size */
	unsigned flags;
};

/* A run of glyphs on one baseline with no wide gap: a line or a cell. */
struct seg {
	size_t g0, g1;          /* glyphs [g0, g1) */
	float x1, y1, x2, y2;
	int region;             /* reading order: (band * 2 + column) * 256 + the same in a side box's region */
	int drop;
};

/* One text line of a column: its segments, left to right. */
struct tline {
	size_t *segs;           /* indices into the page's segs */
	size_t nseg;
	float x1, y1, x2, y2;
	float size, h, base;    /* main font size, box height, baseline */
	int bold;               /* most glyphs bold */
	int drop;               /* figure text */
	int row;                /* several segments, not evenly spaced words */
	int wrapped;            /* nothing but scripts, wrapped from the line above */
	char *text;             /* the line's text, segments joined by ' ' */
};

/* The extent of one of poppler's lines, before it is cut at gaps. */
struct frag {
	float x1, x2, y1, y2;
};

struct page_state {
	struct glyph *g;
	size_t ng, galloc;
	struct frag *f;
	size_t nf, falloc;
	struct seg *s;
	size_t ns, salloc;
	struct tline *l;
	size_t nl, lalloc;
	float width, height;
	float body;             /* most common font size on the page */
};

/* What the reader writes, and the state of the paragraph being written. */
struct pdf_out {
	struct buf text;
	struct page_line *pl;
	size_t npl, plalloc;
	size_t *amb;            /* offsets of hyphens at line joins that may be soft */
	size_t namb, amballoc;
	unsigned page, line;
	int open;               /* a paragraph is open */
	int heading;            /* the open paragraph is a heading */
	int in_refs;
	long last_ref;          /* number of the last reference-list entry */
	struct tline prev;      /* the last line written (its text and segs are gone) */
	int prev_sentence_end;  /* that line ended a sentence */
	float prev_colx1, prev_colx2;
	int prev_region;
	size_t glyphs;          /* glyphs seen in the whole file */
	unsigned long size_hist[PDF_SIZE_BINS];   /* glyphs by font size, all pages */
};

/* --- glyphs -------------------------------------------------------------- */

/* Latin letters of the Symbol font to Greek (a -> α, m -> μ ...). */
static uint32_t symbol_greek(uint32_t c)
{
	static const uint32_t lg[] = { 0x3B1, 0x3B2, 0x3C7, 0x3B4, 0x3B5, 0x3C6, 0x3B3, 0x3B7,
				       0x3B9, 0x3D5, 0x3BA, 0x3BB, 0x3BC, 0x3BD, 0x3BF, 0x3C0,
				       0x3B8, 0x3C1, 0x3C3, 0x3C4, 0x3C5, 0x3D6, 0x3C9, 0x3BE,
				       0x3C8, 0x3B6 };
	static const uint32_t ug[] = { 0x391, 0x392, 0x3A7, 0x394, 0x395, 0x3A6, 0x393, 0x397,
				       0x399, 0x3D1, 0x39A, 0x39B, 0x39C, 0x39D, 0x39F, 0x3A0,
				       0x398, 0x3A1, 0x3A3, 0x3A4, 0x3A5, 0x3C2, 0x3A9, 0x39E,
				       0x3A8, 0x396 };
	if (c >= 0xF020 && c <= 0xF0FF)   /* symbol fonts' private-use codes */
		c -= 0xF000;
	if (c >= 'a' && c <= 'z')
		return lg[c - 'a'];
	if (c >= 'A' && c <= 'Z')
		return ug[c - 'A'];
	return c;
}

/*
 * What a font's character codes mean.  Most fonts map to Unicode; the
 * Symbol font (and its kin) draws Greek at Latin letters' codes.  The
 * fonts of the Advent 3B2 typesetting system (RSC journals among others;
 * names "AdvOT...", "AdvPS...", "AdvP4C4E74" without their subset tag)
 * map some glyphs nowhere useful: the math font gives control codes and
 * Latin-1 letters for signs (mM^\x03 1 for mM⁻¹, "¼" for "="), the
 * PostScript ones either text (Cell Press sets its body and headings in
 * them) or Latin letters for Greek (l for λ), the OpenType text fonts
 * private-use codes for the fi, fl and ft ligatures.  An Advent
 * PostScript font is Greek on a page where it sets no two letters in a
 * row (see struct font_set).
 */
enum font_kind { FONT_TEXT, FONT_SYMBOL, FONT_ADVENT_MATH, FONT_ADVENT_TEXT, FONT_ADVENT_PS };

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

static enum font_kind font_kind(const char *font)
{
	const char *plus;
	if (!font)
		return FONT_TEXT;
	if (strstr(font, "Symbol") || strstr(font, "symbol"))
		return FONT_SYMBOL;
	/* a subset's name starts with six capitals and '+' */
	if ((plus = strchr(font, '+')) != NULL && plus - font == 6)
		font = plus + 1;
	if (!strncmp(font, "AdvOT", 5))
		return FONT_ADVENT_TEXT;
	if (!strncmp(font, "AdvPSMPi", 8))
		return FONT_TEXT;   /* a pi font: bullets and dingbats, not Greek */
	if (!strncmp(font, "AdvPS", 5))
		return FONT_ADVENT_PS;
	if (!strncmp(font, "AdvP", 4) && is_hex(font[4]))
		return FONT_ADVENT_MATH;
	return FONT_TEXT;
}

/* A sign of an Advent math font as Unicode; 0 when it has none. */
static uint32_t advent_math(uint32_t c)
{
	switch (c) {
	case 0x02: return 0xD7;     /* × */
	case 0x03: return 0x2212;   /* − */
	case 0x04: return 0xB1;     /* ± */
	case 0x05: return 0xB0;     /* ° */
	case 0xBC: return '=';
	case 0xC0: return 0x2212;   /* older fonts: À for −, Â for ×, Æ for ± */
	case 0xC2: return 0xD7;
	case 0xC6: return 0xB1;
	default: return c < 0x20 ? 0 : c;
	}
}

/*
 * The Advent PostScript fonts that set words on a page (two letters in a
 * row): text fonts there.  The others draw Greek at Latin letters' codes
 * (a lone "m" for μ, "b" for β).  On a page with more wordy fonts than
 * the set holds, all of them are text.
 */
struct font_set {
	const char *name[32];
	size_t n;
	int full;
};

static int font_set_has(const struct font_set *fs, const char *font)
{
	size_t i;
	for (i = 0; i < fs->n; i++)
		if (!strcmp(fs->name[i], font))
			return 1;
	return 0;
}

/* Note that font set the letters cp after prev (in the same font). */
static void font_set_note(struct font_set *fs, const char *font, uint32_t prev, uint32_t cp)
{
	if (!font || prev > 'z' || cp > 'z' || !is_alpha((int)prev) || !is_alpha((int)cp) ||
	    font_kind(font) != FONT_ADVENT_PS || font_set_has(fs, font))
		return;
	if (fs->n == ARRAY_SIZE(fs->name))
		fs->full = 1;
	else
		fs->name[fs->n++] = font;
}

/* The kind of a glyph's font on a page whose wordy fonts are fs. */
static enum font_kind page_font_kind(const struct font_set *fs, const char *font)
{
	enum font_kind k = font_kind(font);
	if (k != FONT_ADVENT_PS)
		return k;
	return fs->full || font_set_has(fs, font) ? FONT_TEXT : FONT_SYMBOL;
}

static int font_is_bold(const char *font)
{
	return font && (strstr(font, "Bold") || strstr(font, "bold") || strstr(font, "Black") ||
			strstr(font, "Semibold") || strstr(font, "Heavy"));
}

static void add_glyph(struct page_state *ps, uint32_t cp, const PopplerRectangle *r,
		      float size, unsigned flags)
{
	struct glyph *g;
	ps->g = xgrow(ps->g, &ps->galloc, ps->ng + 1, sizeof(*ps->g));
	g = &ps->g[ps->ng++];
	g->cp = cp;
	g->x1 = (float)fmin(r->x1, r->x2);
	g->x2 = (float)fmax(r->x1, r->x2);
	g->y1 = (float)fmin(r->y1, r->y2);
	g->y2 = (float)fmax(r->y1, r->y2);
	g->size = size > 0 ? size : g->y2 - g->y1;
	g->flags = flags;
}

/*
 * A fragment written top to bottom (a rotated axis label, a margin stamp):
 * its glyphs step down more than across.
 */
static int fragment_rotated(const struct page_state *ps, size_t g0, size_t g1)
{
	double dx = 0, dy = 0;
	size_t i;
	if (g1 - g0 < 2)
		return 0;
	for (i = g0 + 1; i < g1; i++) {
		dx += fabs((ps->g[i].x1 + ps->g[i].x2) - (ps->g[i - 1].x1 + ps->g[i - 1].x2));
		dy += fabs((ps->g[i].y1 + ps->g[i].y2) - (ps->g[i - 1].y1 + ps->g[i - 1].y2));
	}
	return dy > dx;
}

static void add_seg(struct page_state *ps, size_t g0, size_t g1)
{
	struct seg *s;
	size_t i;
	ps->s = xgrow(ps->s, &ps->salloc, ps->ns + 1, sizeof(*ps->s));
	s = &ps->s[ps->ns++];
	memset(s, 0, sizeof(*s));
	s->g0 = g0;
	s->g1 = g1;
	s->x1 = s->y1 = 1e30f;
	s->x2 = s->y2 = -1e30f;
	for (i = g0; i < g1; i++) {
		s->x1 = fminf(s->x1, ps->g[i].x1);
		s->y1 = fminf(s->y1, ps->g[i].y1);
		s->x2 = fmaxf(s->x2, ps->g[i].x2);
		s->y2 = fmaxf(s->y2, ps->g[i].y2);
	}
}

/*
 * Split the fragment [g0, g1) at gaps wider than half an em: table cells,
 * columns, and the words of a widely justified line (joined again unless
 * the segments line up as a table's cells).
 */
static void split_fragment(struct page_state *ps, size_t g0, size_t g1)
{
	size_t i, start = g0;
	float maxsize = 0;
	if (g0 >= g1)
		return;
	if (fragment_rotated(ps, g0, g1))
		return;
	ps->f = xgrow(ps->f, &ps->falloc, ps->nf + 1, sizeof(*ps->f));
	ps->f[ps->nf].x1 = ps->f[ps->nf].y1 = 1e30f;
	ps->f[ps->nf].x2 = ps->f[ps->nf].y2 = -1e30f;
	for (i = g0; i < g1; i++) {
		maxsize = fmaxf(maxsize, ps->g[i].size);
		ps->f[ps->nf].x1 = fminf(ps->f[ps->nf].x1, ps->g[i].x1);
		ps->f[ps->nf].x2 = fmaxf(ps->f[ps->nf].x2, ps->g[i].x2);
		ps->f[ps->nf].y1 = fminf(ps->f[ps->nf].y1, ps->g[i].y1);
		ps->f[ps->nf].y2 = fmaxf(ps->f[ps->nf].y2, ps->g[i].y2);
	}
	ps->nf++;
	for (i = g0 + 1; i < g1; i++) {
		float gap = ps->g[i].x1 - ps->g[i - 1].x2;
		if (gap > 0.5f * maxsize || gap < -2.0f * maxsize) {
			add_seg(ps, start, i);
			start = i;
		}
	}
	add_seg(ps, start, g1);
}

/*
 * Take one character of a page's text, in the order poppler gives them:
 * '\n' ends one of its lines; spaces are dropped (word gaps are measured
 * again), a soft hyphen marked (it shows only at a line's end), the codes
 * of symbol and Advent fonts mapped (see font_kind).  Returns -1 when
 * the page holds too many glyphs.
 */
static int take_char(struct page_state *ps, size_t *frag, uint32_t cp,
		     const PopplerRectangle *r, float size, unsigned flags, enum font_kind kind)
{
	if (cp == '\n') {
		split_fragment(ps, *frag, ps->ng);
		*frag = ps->ng;
		return 0;
	}
	if (kind == FONT_ADVENT_MATH)
		cp = advent_math(cp);
	if (cp == ' ' || cp == 0xA0 || cp < 0x20 || cp == 0x7F)
		return 0;
	if (cp == 0xAD) {
		/* a soft hyphen shows only where a line breaks a word: kept, marked */
		cp = '-';
		flags |= G_SOFT;
	}
	if (kind == FONT_SYMBOL || (cp >= 0xF000 && cp <= 0xF0FF))
		cp = symbol_greek(cp);
	if (ps->ng + 1 >= PDF_MAX_PAGE_GLYPHS)
		return -1;
	if (kind == FONT_ADVENT_TEXT && cp == 0xE09D) {
		/* the ft ligature, which Unicode lacks: two glyphs, half its box each */
		PopplerRectangle h = *r;
		h.x2 = (r->x1 + r->x2) / 2;
		add_glyph(ps, 'f', &h, size, flags);
		h.x1 = h.x2;
		h.x2 = r->x2;
		add_glyph(ps, 't', &h, size, flags);
		return 0;
	}
	if (kind == FONT_ADVENT_TEXT && (cp == 0xE103 || cp == 0xE104))
		cp = cp == 0xE103 ? 0xFB01 : 0xFB02;   /* fi, fl */
	add_glyph(ps, cp, r, size, flags);
	return 0;
}

/* Read the page's glyphs from poppler and cut them into segments. */
static int page_glyphs(struct page_state *ps, PopplerPage *page)
{
	PopplerRectangle *rects = NULL;
	guint nrects = 0, k;
	GList *attrs, *a;
	char *text, *p;
	size_t frag = 0;
	int rc = 0, pass;
	struct font_set fonts = { .n = 0 };

	if (!poppler_page_get_text_layout(page, &rects, &nrects)) {
		g_free(rects);
		return 0;
	}
	text = poppler_page_get_text(page);
	attrs = poppler_page_get_text_attributes(page);
	/* first the fonts that set words on the page, then the glyphs */
	for (pass = 0; pass < 2; pass++) {
		PopplerTextAttributes *last = NULL;
		gunichar prev = 0;
		a = attrs;
		p = text;
		for (k = 0; k < nrects && p && *p && rc == 0; k++) {
			gunichar cp = g_utf8_get_char(p);
			PopplerTextAttributes *at = NULL;
			p = g_utf8_next_char(p);
			while (a && ((PopplerTextAttributes *)a->data)->end_index < (int)k)
				a = a->next;
			if (a && ((PopplerTextAttributes *)a->data)->start_index <= (int)k)
				at = a->data;
			if (pass == 0) {
				if (at && at == last)
					font_set_note(&fonts, at->font_name, prev, cp);
				last = at;
				prev = cp;
				continue;
			}
			rc = take_char(ps, &frag, cp, &rects[k],
				       at ? (float)at->font_size : 0,
				       at && font_is_bold(at->font_name) ? G_BOLD : 0,
				       page_font_kind(&fonts, at ? at->font_name : NULL));
		}
	}
	split_fragment(ps, frag, ps->ng);
	poppler_page_free_text_attributes(attrs);
	g_free(text);
	g_free(rects);
	return rc;
}

/*
 * The body size: the most common font size (to 0.5 pt) of the glyphs of
 * the pages read so far, this one included (a page that is mostly table
 * does not make the table's size the body's).
 */
static float body_size(unsigned long *hist, const struct glyph *g, size_t n)
{
	size_t i, best = 0;
	for (i = 0; i < n; i++) {
		long b = lroundf(g[i].size * 2);
		if (b > 0 && b < PDF_SIZE_BINS)
			hist[b]++;
	}
	for (i = 1; i < PDF_SIZE_BINS; i++)
		if (hist[i] > hist[best])
			best = i;
	return best ? (float)best / 2 : 10;
}

/* --- margins, columns, lines ------------------------------------------- */

static int seg_is_number(const struct page_state *ps, const struct seg *s)
{
	size_t i;
	for (i = s->g0; i < s->g1; i++) {
		uint32_t c = ps->g[i].cp;
		if (!(c >= '0' && c <= '9') && c != '|' && c != '.')
			return 0;
	}
	return 1;
}

static float seg_size(const struct page_state *ps, const struct seg *s)
{
	float m = 0;
	size_t i;
	for (i = s->g0; i < s->g1; i++)
		m = fmaxf(m, ps->g[i].size);
	return m;
}

/*
 * Running heads and feet, page numbers, line numbers: text in the top or
 * bottom margin that is smaller than the body, short or a number; numbers
 * alone left or right of all other text.
 */
static void drop_margins(struct page_state *ps)
{
	float top = ps->height * 0.085f, bottom = ps->height * (1 - 0.085f);
	float left = 1e30f, right = -1e30f;
	size_t i;
	for (i = 0; i < ps->ns; i++) {
		struct seg *s = &ps->s[i];
		if (s->y2 < top || s->y1 > bottom) {
			if (seg_size(ps, s) < ps->body * 0.95f || s->g1 - s->g0 < 40 ||
			    seg_is_number(ps, s))
				s->drop = 1;
		}
	}
	for (i = 0; i < ps->ns; i++)
		if (!ps->s[i].drop && !seg_is_number(ps, &ps->s[i])) {
			left = fminf(left, ps->s[i].x1);
			right = fmaxf(right, ps->s[i].x2);
		}
	for (i = 0; i < ps->ns; i++)
		if (!ps->s[i].drop && seg_is_number(ps, &ps->s[i]) &&
		    (ps->s[i].x2 <= left + 0.5f || ps->s[i].x1 >= right - 0.5f))
			ps->s[i].drop = 1;
}

/*
 * The gutter of a two-column page, or -1 for one column.  Evidence of two
 * columns is lines (poppler's, before they are cut at gaps) at least a
 * quarter of the text wide that start at one x right of the middle, and
 * others as wide that start at the left edge and end before it; the
 * gutter lies half-way between.  Narrow table cells and full-width
 * titles are no evidence either way.
 */
static float find_gutter(const struct page_state *ps)
{
	float lo = 1e30f, hi = -1e30f, w, rx = 0, lx = -1e30f;
	size_t i, j, best = 0, nleft = 0;
	for (i = 0; i < ps->nf; i++) {
		lo = fminf(lo, ps->f[i].x1);
		hi = fmaxf(hi, ps->f[i].x2);
	}
	w = hi - lo;
	if (ps->nf < 6 || w < 100)
		return -1;
	for (i = 0; i < ps->nf; i++) {
		const struct frag *f = &ps->f[i];
		size_t n = 0;
		if (f->x1 < lo + 0.35f * w || f->x2 - f->x1 < 0.25f * w)
			continue;
		for (j = 0; j < ps->nf; j++)
			n += fabsf(ps->f[j].x1 - f->x1) < 2 && ps->f[j].x2 - ps->f[j].x1 >= 0.25f * w;
		if (n > best || (n == best && f->x1 < rx)) {
			best = n;
			rx = f->x1;
		}
	}
	if (best < 3)
		return -1;
	for (i = 0; i < ps->nf; i++) {
		const struct frag *f = &ps->f[i];
		if (f->x1 < lo + 0.1f * w && f->x2 <= rx - 4 && f->x2 - f->x1 >= 0.25f * w) {
			nleft++;
			lx = fmaxf(lx, f->x2);
		}
	}
	if (nleft < 3)
		return -1;
	return (lx + rx) / 2;
}

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return (x > y) - (x < y);
}

/*
 * Intervals: pairs lo hi in v (n of them) sorted and merged where they
 * overlap or lie within slack of each other, in place.  Returns how many
 * are left.
 */
static size_t merge_intervals(float *v, size_t n, float slack)
{
	size_t i, m = 0;
	if (!n)
		return 0;
	qsort(v, n, 2 * sizeof(*v), cmp_float);
	for (i = 0; i < n; i++) {
		if (m && v[2 * i] <= v[2 * m - 1] + slack) {
			v[2 * m - 1] = fmaxf(v[2 * m - 1], v[2 * i + 1]);
			continue;
		}
		v[2 * m] = v[2 * i];
		v[2 * m + 1] = v[2 * i + 1];
		m++;
	}
	return m;
}

/*
 * A full-width band goes on down through the rows of a table under it:
 * text that does not cross the gutter but holds no line of prose (a
 * segment most of a column wide in the body size), down to a gap of
 * three lines; a justified line cut at its word gaps counts by its
 * poppler line.  Spans are pairs y1 y2, sorted, not overlapping; the
 * segments are idx[0..n).
 */
static void extend_bands(const struct page_state *ps, const size_t *idx, size_t n, float gutter,
			 float *spans, size_t nspan)
{
	float colw = gutter, lo = 1e30f;
	size_t j, i;
	for (i = 0; i < n; i++)
		lo = fminf(lo, ps->s[idx[i]].x1);
	colw = gutter - lo;
	for (j = 0; j < nspan; j++) {
		float limit = j + 1 < nspan ? spans[2 * j + 2] : 1e30f;
		for (;;) {
			/* the topmost segment below the band */
			const struct seg *next = NULL;
			float bottom = spans[2 * j + 1];
			int prose = 0;
			for (i = 0; i < n; i++) {
				const struct seg *s = &ps->s[idx[i]];
				if ((s->y1 + s->y2) / 2 <= bottom || s->y1 >= limit)
					continue;
				if (!next || s->y1 < next->y1)
					next = s;
			}
			if (!next || next->y1 - bottom > 3 * ps->body * 1.2f)
				break;
			/* poppler's lines beside it: prose, most of a column wide? */
			for (i = 0; i < ps->nf; i++) {
				const struct frag *f = &ps->f[i];
				float cy = (f->y1 + f->y2) / 2;
				if (cy >= next->y1 && cy <= next->y2 && f->x2 - f->x1 > 0.7f * colw &&
				    !(f->x1 < gutter - 1 && f->x2 > gutter + 1))
					prose = 1;
			}
			if (prose)
				break;
			for (i = 0; i < n; i++) {
				const struct seg *s = &ps->s[idx[i]];
				float cy = (s->y1 + s->y2) / 2;
				if (cy >= next->y1 && cy <= next->y2)
					spans[2 * j + 1] = fmaxf(spans[2 * j + 1], s->y2);
			}
			if (spans[2 * j + 1] <= bottom)
				spans[2 * j + 1] = next->y2;
		}
	}
}

/*
 * Regions in reading order for the segments idx[0..n) of one region
 * (reg): full-width bands around text that crosses the gutter, and
 * between them a left and a right column; band * 2 + column numbers them
 * within the region, and a region of a region (nest) is reg * 256 plus
 * that (a region past the 255th of its region stays in the 255th).
 */
static void split_region(struct page_state *ps, const size_t *idx, size_t n, float gutter,
			 int reg, int nest)
{
	float *spans = NULL;   /* pairs y1, y2 of crossing segments, merged */
	size_t nspan = 0, alloc = 0, i, j;
	float line_h = ps->body * 1.2f;
	/* the crossing segments' vertical extents, merged across small gaps */
	for (i = 0; i < n; i++) {
		struct seg *s = &ps->s[idx[i]];
		if (!(s->x1 < gutter - 1 && s->x2 > gutter + 1))
			continue;
		spans = xgrow(spans, &alloc, 2 * nspan + 2, sizeof(*spans));
		spans[2 * nspan] = s->y1;
		spans[2 * nspan + 1] = s->y2;
		nspan++;
	}
	nspan = merge_intervals(spans, nspan, 2 * line_h);
	extend_bands(ps, idx, n, gutter, spans, nspan);
	for (i = 0; i < n; i++) {
		struct seg *s = &ps->s[idx[i]];
		float cy = (s->y1 + s->y2) / 2;
		size_t band = 0;
		int sub;
		for (j = 0; j < nspan; j++) {
			if (cy >= spans[2 * j] - 0.5f && cy <= spans[2 * j + 1] + 0.5f) {
				band = 2 * j + 1;
				break;
			}
			if (cy > spans[2 * j + 1])
				band = 2 * j + 2;
		}
		if (band % 2)
			sub = (int)band * 2;
		else
			sub = (int)band * 2 + ((s->x1 + s->x2) / 2 > gutter ? 1 : 0);
		s->region = nest ? reg * 256 + (sub < 255 ? sub : 255) : sub;
	}
	free(spans);
}

static void assign_regions(struct page_state *ps, float gutter)
{
	size_t *idx = xmalloc((ps->ns + 1) * sizeof(*idx));
	size_t n = 0, i;
	for (i = 0; i < ps->ns; i++) {
		ps->s[i].region = 0;
		if (!ps->s[i].drop)
			idx[n++] = i;
	}
	if (gutter >= 0)
		split_region(ps, idx, n, gutter, 0, 0);
	free(idx);
}

/* Segments with at least this many glyphs are a box's lines of text. */
#define SIDE_LINE_GLYPHS 12

/*
 * The most common left edge (to 2 pt) of the segments idx[0..n) that
 * pass keep (above x_min), and how many share it; -1 when none.
 */
static float common_left_edge(const struct page_state *ps, const size_t *idx, size_t n,
			      float x_min, float min_width, size_t min_glyphs, size_t *count)
{
	float *v = xmalloc((n + 1) * sizeof(*v)), best = -1;
	size_t m = 0, i, j = 0;
	*count = 0;
	for (i = 0; i < n; i++) {
		const struct seg *s = &ps->s[idx[i]];
		if (s->x1 > x_min && s->x2 - s->x1 >= min_width && s->g1 - s->g0 >= min_glyphs)
			v[m++] = s->x1;
	}
	qsort(v, m, sizeof(*v), cmp_float);
	for (i = 0; i < m; i++) {
		while (v[i] - v[j] > 2)
			j++;
		if (i - j + 1 > *count) {
			*count = i - j + 1;
			best = v[j];
		}
	}
	free(v);
	return best;
}

/*
 * A box of text beside a column, in one region (a journal's margin box
 * of citation, dates and licence beside a title and abstract): the
 * column's lines, five or more a quarter of the region wide, start at
 * one x right of the region's left edge; three or more lines of text
 * end before it, starting at one x of their own, set smaller than the
 * column's lines on average (figure labels beside each other are set
 * alike), and are not the cells of a table (which share their rows'
 * baselines with the cells right of them).  Returns the x between
 * them, or -1.
 */
static float find_side_gutter(const struct page_state *ps, const size_t *idx, size_t n)
{
	float lo = 1e30f, hi = -1e30f, xr, xl, *base, rsize = 0, lsize = 0;
	size_t i, nr, nl, nb = 0, shared = 0;
	for (i = 0; i < n; i++) {
		lo = fminf(lo, ps->s[idx[i]].x1);
		hi = fmaxf(hi, ps->s[idx[i]].x2);
	}
	if (n < 6 || hi - lo < 100)
		return -1;
	xr = common_left_edge(ps, idx, n, lo + 2 * ps->body, 0.25f * (hi - lo), 1, &nr);
	if (nr < 5)
		return -1;
	for (i = 0; i < n; i++) {
		const struct seg *s = &ps->s[idx[i]];
		if (s->x1 >= xr && s->x1 <= xr + 2 && s->x2 - s->x1 >= 0.25f * (hi - lo))
			rsize += seg_size(ps, s);
	}
	rsize /= (float)nr;
	xr -= 1;
	/* the box: its lines of text end left of the column, at one left edge */
	{
		size_t *left = xmalloc((n + 1) * sizeof(*left)), m = 0;
		for (i = 0; i < n; i++)
			if (ps->s[idx[i]].x2 < xr)
				left[m++] = idx[i];
		xl = common_left_edge(ps, left, m, lo - 1, 0, SIDE_LINE_GLYPHS, &nl);
		free(left);
	}
	if (nl < 3 || xl < 0)
		return -1;
	/* baselines (box bottoms) of the column's lines, then the box's lines' */
	base = xmalloc((n + 1) * sizeof(*base));
	for (i = 0; i < n; i++)
		if (ps->s[idx[i]].x1 >= xr)
			base[nb++] = ps->s[idx[i]].y2;
	qsort(base, nb, sizeof(*base), cmp_float);
	nl = 0;
	for (i = 0; i < n; i++) {
		const struct seg *s = &ps->s[idx[i]];
		size_t a = 0, b = nb;
		if (s->x2 >= xr || s->g1 - s->g0 < SIDE_LINE_GLYPHS)
			continue;
		nl++;
		lsize += seg_size(ps, s);
		while (a < b) {   /* the first column baseline at or above s->y2 - 0.5 */
			size_t mid = a + (b - a) / 2;
			if (base[mid] < s->y2 - 0.5f)
				a = mid + 1;
			else
				b = mid;
		}
		shared += a < nb && base[a] <= s->y2 + 0.5f;
	}
	free(base);
	return 3 * shared < nl && lsize < 0.95f * rsize * (float)nl ? xr : -1;
}

static const struct page_state *sort_ps;

static int cmp_seg_region(const void *a, const void *b)
{
	const struct seg *x = &sort_ps->s[*(const size_t *)a];
	const struct seg *y = &sort_ps->s[*(const size_t *)b];
	return (x->region > y->region) - (x->region < y->region);
}

/*
 * Boxes of text beside a column, in any region of the page (the whole of
 * a one-column page, a full-width band, a column): the box is read
 * before the column beside it, not line by line with it.
 */
static void split_side_boxes(struct page_state *ps)
{
	size_t *idx = xmalloc((ps->ns + 1) * sizeof(*idx));
	size_t n = 0, i, j, k;
	for (i = 0; i < ps->ns; i++)
		if (!ps->s[i].drop)
			idx[n++] = i;
	sort_ps = ps;
	qsort(idx, n, sizeof(*idx), cmp_seg_region);
	for (i = 0; i < n; i = j) {
		int reg = ps->s[idx[i]].region;
		float side;
		for (j = i; j < n && ps->s[idx[j]].region == reg; j++)
			;
		side = find_side_gutter(ps, idx + i, j - i);
		if (side >= 0)
			split_region(ps, idx + i, j - i, side, reg, 1);
		else
			for (k = i; k < j; k++)
				ps->s[idx[k]].region = reg * 256;
	}
	free(idx);
}

static int cmp_seg_order(const void *a, const void *b)
{
	const struct seg *x = &sort_ps->s[*(const size_t *)a];
	const struct seg *y = &sort_ps->s[*(const size_t *)b];
	if (x->region != y->region)
		return x->region - y->region;
	if (x->y1 != y->y1)
		return x->y1 < y->y1 ? -1 : 1;
	return (x->x1 > y->x1) - (x->x1 < y->x1);
}

static int cmp_seg_x(const void *a, const void *b)
{
	const struct seg *x = &sort_ps->s[*(const size_t *)a];
	const struct seg *y = &sort_ps->s[*(const size_t *)b];
	return (x->x1 > y->x1) - (x->x1 < y->x1);
}

/* Main size, box height and baseline of a line: those of its most common size. */
/*
 * The line's main size (the one given, when not 0), its box height and
 * baseline from the glyphs of that size, and its weight.
 */
static void line_metrics(const struct page_state *ps, struct tline *l, float size)
{
	size_t i, k, n = 0, nbold = 0, nall = 0;
	float hsum = 0, bsum = 0;
	float sizes[64];
	size_t counts[64], ns = 0, best = 0;
	for (k = 0; k < l->nseg; k++) {
		const struct seg *s = &ps->s[l->segs[k]];
		for (i = s->g0; i < s->g1; i++) {
			size_t j;
			float sz = roundf(ps->g[i].size * 2) / 2;
			nall++;
			if (ps->g[i].flags & G_BOLD)
				nbold++;
			for (j = 0; j < ns && sizes[j] != sz; j++)
				;
			if (j == ns && ns < 64) {
				sizes[ns] = sz;
				counts[ns++] = 0;
			}
			if (j < ns)
				counts[j]++;
		}
	}
	/*
	 * The main size: the largest that a quarter of the glyphs have, so
	 * that a short line full of scripts ("g_{cat}⁻¹ h⁻¹,") keeps its base.
	 */
	for (i = 1; i < ns; i++)
		if (counts[i] * 4 >= nall && (counts[best] * 4 < nall || sizes[i] > sizes[best]))
			best = i;
		else if (counts[best] * 4 < nall && counts[i] > counts[best])
			best = i;
	l->size = size > 0 ? size : ns ? sizes[best] : ps->body;
	for (k = 0; k < l->nseg; k++) {
		const struct seg *s = &ps->s[l->segs[k]];
		for (i = s->g0; i < s->g1; i++)
			if (fabsf(roundf(ps->g[i].size * 2) / 2 - l->size) < 0.01f) {
				float h = ps->g[i].y2 - ps->g[i].y1;
				hsum += h;
				bsum += ps->g[i].y2 - 0.2f * h;
				n++;
			}
	}
	l->h = n ? hsum / (float)n : l->y2 - l->y1;
	l->base = n ? bsum / (float)n : l->y2;
	l->bold = nall && nbold * 2 > nall;
}

/*
 * A small glyph whose box is as tall as the line's (fonts with a tall
 * ascent and descent box a 5 pt superscript as high as 8 pt text): raised
 * or lowered when both edges of its box are.
 */
static enum script box_shift(const struct glyph *g, const struct tline *l)
{
	float bottom = l->base + 0.2f * l->h, top = bottom - l->h;
	if (g->y2 < bottom - 0.12f * l->h && g->y1 < top - 0.12f * l->h)
		return S_SUP;
	if (g->y1 > top + 0.08f * l->h && g->y2 > bottom + 0.08f * l->h)
		return S_SUB;
	return S_NONE;
}

static enum script glyph_script(const struct glyph *g, const struct tline *l)
{
	float h = g->y2 - g->y1, shift;
	if (g->size >= 0.85f * l->size)
		return S_NONE;
	if (h >= 0.9f * l->h)
		return box_shift(g, l);
	shift = (g->y2 - 0.2f * h) - l->base;
	if (shift > 0.08f * l->h)
		return S_SUB;
	if (shift < -0.12f * l->h)
		return S_SUP;
	return S_NONE;
}

static int is_sign(uint32_t c)
{
	return c == '-' || c == '+' || c == 0x2212 || c == 0x2013;
}

/*
 * Script classes of the glyphs of segment s (cls[i - s->g0]).  poppler
 * gives the glyphs of one of its words one box: a subscript followed by
 * an exponent ("cat" and "-1" of g_{cat}^{-1}) share a box as tall as the
 * line's; in such a run of small glyphs the trailing sign and digits are
 * the exponent and the rest the subscript.
 */
/*
 * Segment k of the line stands apart: two of its own ems or more from the
 * segments on either side, or none there (a citation superscript after a
 * word space is nearer; one wrapped to the start of a line touches what
 * follows it).
 */
static int seg_apart(const struct page_state *ps, const struct tline *l, size_t k)
{
	const struct seg *s = &ps->s[l->segs[k]];
	float em = ps->g[s->g0].size;
	if (l->wrapped)
		return 0;
	return (k == 0 || s->x1 - ps->s[l->segs[k - 1]].x2 > 2.0f * em) &&
	       (k + 1 == l->nseg || ps->s[l->segs[k + 1]].x1 - s->x2 > 2.0f * em);
}

static void seg_scripts(const struct page_state *ps, const struct seg *s, const struct tline *l,
			int apart, unsigned char *cls)
{
	size_t i = s->g0, j, k, e;
	/*
	 * Small text standing apart on the line (a margin box's "Cite this:"
	 * beside a title, a footnote cell) is text in a smaller size: a sub-
	 * or superscript hugs the glyph it belongs to.
	 */
	for (k = s->g0; apart && k < s->g1 && ps->g[k].size < 0.85f * l->size; k++)
		;
	if (apart && k == s->g1) {
		memset(cls, S_NONE, s->g1 - s->g0);
		return;
	}
	while (i < s->g1) {
		const struct glyph *g = &ps->g[i];
		if (g->size >= 0.85f * l->size) {
			cls[i++ - s->g0] = S_NONE;
			continue;
		}
		for (j = i + 1; j < s->g1 && ps->g[j].size < 0.85f * l->size &&
			       fabsf(ps->g[j].y1 - g->y1) < 0.05f && fabsf(ps->g[j].y2 - g->y2) < 0.05f;
		     j++)
			;
		if (g->y2 - g->y1 < 0.9f * l->h || box_shift(g, l) != S_NONE) {
			for (k = i; k < j; k++)
				cls[k - s->g0] = (unsigned char)glyph_script(&ps->g[k], l);
			i = j;
			continue;
		}
		e = j;
		while (e > i && ps->g[e - 1].cp >= '0' && ps->g[e - 1].cp <= '9')
			e--;
		if (e > i && e < j && is_sign(ps->g[e - 1].cp))
			e--;
		for (k = i; k < j; k++) {
			if (e > i && e < j)
				cls[k - s->g0] = k < e ? S_SUB : S_SUP;
			else
				cls[k - s->g0] = S_NONE;
		}
		i = j;
	}
}

/* Unicode sub- or superscript form of c, or 0. */
static uint32_t script_char(uint32_t c, enum script s)
{
	static const uint32_t sup_digit[] = { 0x2070, 0xB9, 0xB2, 0xB3, 0x2074,
					      0x2075, 0x2076, 0x2077, 0x2078, 0x2079 };
	if (c >= '0' && c <= '9')
		return s == S_SUB ? 0x2080 + (c - '0') : sup_digit[c - '0'];
	switch (c) {
	case '+': return s == S_SUB ? 0x208A : 0x207A;
	case '-': case 0x2212: case 0x2013: return s == S_SUB ? 0x208B : 0x207B;
	case '=': return s == S_SUB ? 0x208C : 0x207C;
	case '(': return s == S_SUB ? 0x208D : 0x207D;
	case ')': return s == S_SUB ? 0x208E : 0x207E;
	default: return 0;
	}
}

static void add_cp(struct buf *b, uint32_t cp)
{
	char u[4];
	switch (cp) {   /* ligatures, spelled out */
	case 0xFB00: buf_addstr(b, "ff"); return;
	case 0xFB01: buf_addstr(b, "fi"); return;
	case 0xFB02: buf_addstr(b, "fl"); return;
	case 0xFB03: buf_addstr(b, "ffi"); return;
	case 0xFB04: buf_addstr(b, "ffl"); return;
	case 0xFB05: case 0xFB06: buf_addstr(b, "st"); return;
	default: break;
	}
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	buf_add(b, u, utf8_encode(cp, u));
}

/* Write a run of script glyphs: Unicode (NH₃, h⁻¹) when it can, else _{cat}. */
static void flush_script(struct buf *out, const struct buf *run, const uint32_t *cps,
			 size_t n, enum script s)
{
	size_t i;
	for (i = 0; i < n && script_char(cps[i], s); i++)
		;
	if (i == n) {
		for (i = 0; i < n; i++)
			add_cp(out, script_char(cps[i], s));
		return;
	}
	buf_addstr(out, s == S_SUB ? "_{" : "^{");
	buf_add(out, run->data, run->len);
	buf_addch(out, '}');
}

/*
 * Append the text of segment s of line l: spaces from gaps, scripts
 * marked; a soft hyphen only when the segment ends the line (line_end).
 */
static void seg_text(const struct page_state *ps, const struct seg *s, const struct tline *l,
		     int apart, int line_end, struct buf *out)
{
	struct buf run = BUF_INIT;
	uint32_t cps[256];
	size_t ncp = 0, i;
	enum script cur = S_NONE;
	unsigned char *cls = xmalloc(s->g1 - s->g0 + 1);
	seg_scripts(ps, s, l, apart, cls);
	for (i = s->g0; i < s->g1; i++) {
		const struct glyph *g = &ps->g[i];
		enum script sc = (enum script)cls[i - s->g0];
		int space = i > s->g0 &&
			    g->x1 - ps->g[i - 1].x2 > 0.12f * fminf(l->size, g->size);
		if ((g->flags & G_SOFT) && !(line_end && i + 1 == s->g1))
			continue;
		if (sc != cur || ncp == ARRAY_SIZE(cps)) {
			if (cur != S_NONE)
				flush_script(out, &run, cps, ncp, cur);
			buf_reset(&run);
			ncp = 0;
			if (space)
				buf_addch(out, ' ');
			space = 0;
			cur = sc;
		}
		if (cur == S_NONE) {
			if (space)
				buf_addch(out, ' ');
			add_cp(out, g->cp);
		} else {
			if (space) {
				buf_addch(&run, ' ');
				cps[ncp++] = ' ';
			}
			add_cp(&run, g->cp);
			if (ncp < ARRAY_SIZE(cps))
				cps[ncp++] = g->cp;
		}
	}
	if (cur != S_NONE)
		flush_script(out, &run, cps, ncp, cur);
	buf_release(&run);
	free(cls);
}

/* Is line l a table row: several segments, or a stray cell among rows? */
static int row_like(const struct tline *l)
{
	return l->row;
}

/*
 * Several segments make a row candidate when one gap is most of an em
 * wide, unless they are the words of a justified line: three or more,
 * all gaps about the same.
 */
static int segments_row(const struct page_state *ps, const struct tline *l)
{
	float gmin = 1e30f, gmax = -1e30f;
	size_t k;
	if (l->nseg < 2)
		return 0;
	for (k = 1; k < l->nseg; k++) {
		float gap = ps->s[l->segs[k]].x1 - ps->s[l->segs[k - 1]].x2;
		gmin = fminf(gmin, gap);
		gmax = fmaxf(gmax, gap);
	}
	if (gmax < 0.8f * l->size)
		return 0;
	return l->nseg == 2 || gmax - gmin > fmaxf(1.5f, 0.2f * gmax);
}

/* Group the kept segments into lines, region by region, in reading order. */
static int region_of(const struct page_state *ps, const struct tline *l)
{
	return ps->s[l->segs[0]].region;
}

/* The line holds a glyph of about this size. */
static int line_has_size(const struct page_state *ps, const struct tline *l, float size)
{
	size_t k, i;
	for (k = 0; k < l->nseg; k++) {
		const struct seg *s = &ps->s[l->segs[k]];
		for (i = s->g0; i < s->g1; i++)
			if (fabsf(roundf(ps->g[i].size * 2) / 2 - size) < 0.01f)
				return 1;
	}
	return 0;
}

/* The glyph's baseline, from its box (a fifth of it below the baseline). */
static float glyph_base(const struct glyph *g)
{
	return g->y2 - 0.2f * (g->y2 - g->y1);
}

/* A glyph a wrapped run of scripts is made of: letters, digits, signs. */
static int script_glyph(uint32_t c)
{
	return (c < 0x80 && is_alnum((int)c)) || is_sign(c) || c == ',' || c == '(' || c == ')';
}

/*
 * A line of nothing but sub- and superscripts, wrapped from the line
 * above (a header's "_{cat}⁻¹" under "mmol g"): at most a dozen glyphs,
 * all smaller than that line's, of letters, digits and signs, touching
 * each other; either two runs, one lowered and one raised against the
 * other (the subscript holding a letter, or the exponent starting with
 * a sign), whose baseline lies between them; or one box for all of them
 * (poppler's word) as tall as the line above's glyphs, split by rule in
 * seg_scripts.  Smaller text on one baseline ("10 μm" under a figure
 * label) and labels at two heights ("99") are no such line.  Sets the
 * line's size, height and baseline as the scripts' base; returns 1.
 */
static int script_line(const struct page_state *ps, const struct tline *above, struct tline *l)
{
	float minb = 1e30f, maxb = -1e30f, mid;
	size_t k, i, n = 0, runs = 0;
	int one_box = 1, low = -1, letter_low = 0, sign_high = 0;
	const struct glyph *first = NULL, *prev = NULL;
	for (k = 0; k < l->nseg; k++) {
		const struct seg *s = &ps->s[l->segs[k]];
		for (i = s->g0; i < s->g1; i++) {
			const struct glyph *g = &ps->g[i];
			if (g->size >= 0.85f * above->size || ++n > 12 || !script_glyph(g->cp) ||
			    (prev && g->x1 - prev->x2 > 0.3f * g->size))
				return 0;
			if (!first)
				first = g;
			one_box &= fabsf(g->y1 - first->y1) < 0.05f && fabsf(g->y2 - first->y2) < 0.05f;
			minb = fminf(minb, glyph_base(g));
			maxb = fmaxf(maxb, glyph_base(g));
			prev = g;
		}
	}
	if (n < 2)
		return 0;
	if (one_box && first->y2 - first->y1 >= 0.9f * above->h) {
		l->size = above->size;
		l->h = above->h;
		/* the line's box centred on the word's: neither raised nor lowered */
		l->base = (first->y1 + first->y2) / 2 + 0.3f * above->h;
		return 1;
	}
	if (maxb - minb < 0.16f * above->h)
		return 0;
	mid = (minb + maxb) / 2;
	for (k = 0; k < l->nseg; k++) {
		const struct seg *s = &ps->s[l->segs[k]];
		for (i = s->g0; i < s->g1; i++) {
			const struct glyph *g = &ps->g[i];
			int lo = glyph_base(g) > mid;
			if (lo != low) {
				runs++;
				sign_high |= !lo && is_sign(g->cp);
			}
			letter_low |= lo && g->cp < 0x80 && is_alpha((int)g->cp);
			low = lo;
		}
	}
	if (runs != 2 || !(letter_low || sign_high))
		return 0;
	l->size = above->size;
	l->h = above->h;
	l->base = mid;
	return 1;
}

/*
 * A line that is mostly sub- and superscripts, wrapped from the line
 * above (a table header's "g_{Ru}⁻¹" under "mmol h⁻¹"): its few glyphs
 * of the size of the line above are its base, not its scripts; one with
 * no such glyph is taken as scripts when script_line says so.
 */
static void wrapped_scripts(const struct page_state *ps, const struct tline *above,
			    struct tline *l)
{
	if (region_of(ps, above) != region_of(ps, l) || l->y1 - above->y2 >= above->h ||
	    l->y1 <= above->y1 || l->size >= 0.85f * above->size)
		return;
	if (line_has_size(ps, l, above->size))
		line_metrics(ps, l, above->size);
	else if (script_line(ps, above, l))
		l->wrapped = 1;
}

static void build_lines(struct page_state *ps)
{
	size_t *order = xmalloc((ps->ns + 1) * sizeof(*order));
	size_t n = 0, i = 0;
	for (i = 0; i < ps->ns; i++)
		if (!ps->s[i].drop)
			order[n++] = i;
	sort_ps = ps;
	qsort(order, n, sizeof(*order), cmp_seg_order);
	i = 0;
	while (i < n) {
		struct seg *first = &ps->s[order[i]];
		struct tline *l;
		size_t j = i + 1;
		float y1 = first->y1, y2 = first->y2;
		/* segments whose middle lies within the line's box join it */
		while (j < n && ps->s[order[j]].region == first->region) {
			struct seg *s = &ps->s[order[j]];
			float cy = (s->y1 + s->y2) / 2, fcy = (y1 + y2) / 2;
			if (!((cy > y1 && cy < y2) || (fcy > s->y1 && fcy < s->y2)))
				break;
			y1 = fminf(y1, s->y1);
			y2 = fmaxf(y2, s->y2);
			j++;
		}
		ps->l = xgrow(ps->l, &ps->lalloc, ps->nl + 1, sizeof(*ps->l));
		l = &ps->l[ps->nl++];
		memset(l, 0, sizeof(*l));
		l->nseg = j - i;
		l->segs = xmalloc(l->nseg * sizeof(*l->segs));
		memcpy(l->segs, order + i, l->nseg * sizeof(*l->segs));
		qsort(l->segs, l->nseg, sizeof(*l->segs), cmp_seg_x);
		i = j;
	}
	free(order);
	for (i = 0; i < ps->nl; i++) {
		struct tline *l = &ps->l[i];
		struct buf b = BUF_INIT;
		size_t k;
		l->x1 = l->y1 = 1e30f;
		l->x2 = l->y2 = -1e30f;
		for (k = 0; k < l->nseg; k++) {
			struct seg *s = &ps->s[l->segs[k]];
			l->x1 = fminf(l->x1, s->x1);
			l->y1 = fminf(l->y1, s->y1);
			l->x2 = fmaxf(l->x2, s->x2);
			l->y2 = fmaxf(l->y2, s->y2);
		}
		line_metrics(ps, l, 0);
		if (i > 0)
			wrapped_scripts(ps, &ps->l[i - 1], l);
		l->row = segments_row(ps, l);
		for (k = 0; k < l->nseg; k++) {
			if (k)
				buf_addch(&b, ' ');
			seg_text(ps, &ps->s[l->segs[k]], l, seg_apart(ps, l, k), k + 1 == l->nseg, &b);
		}
		l->text = buf_detach(&b, NULL);
	}
}

/* --- writing the text ---------------------------------------------------- */

/* "Fig. 3", "Figure 3", "Scheme 1", "Table 2" at the start of a line. */
static int caption_start(const char *t, const char *const *words)
{
	size_t i;
	for (i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);
		if (!strncmp(t, words[i], n)) {
			t += n;
			while (*t == ' ' || *t == '.')
				t++;
			return (*t >= '0' && *t <= '9') || (*t >= 'A' && *t <= 'Z' && t[1] == ' ');
		}
	}
	return 0;
}

static const char *const figure_words[] = { "Fig", "Figure", "FIGURE", "FIG", "Scheme", NULL };
static const char *const table_words[] = { "Table", "TABLE", NULL };

static int is_refs_heading(const char *t)
{
	static const char *const w[] = { "References", "REFERENCES", "Notes and references",
					 "Notes and References", "Bibliography", NULL };
	size_t i;
	for (i = 0; w[i]; i++)
		if (!strcmp(t, w[i]))
			return 1;
	return 0;
}

/*
 * The number of a reference-list entry starting t ("12 ", "12. ", "[12] ",
 * "- 12 "), or -1.
 */
static long ref_label(const char *t)
{
	const char *p = t;
	long n = 0;
	int bracket = 0;
	if ((p[0] == '-' || p[0] == '*') && p[1] == ' ')
		p += 2;
	if (*p == '[') {
		bracket = 1;
		p++;
	}
	if (!(*p >= '0' && *p <= '9'))
		return -1;
	while (*p >= '0' && *p <= '9' && n < 100000)
		n = n * 10 + (*p++ - '0');
	if (bracket && *p++ != ']')
		return -1;
	if (*p == '.')
		p++;
	return *p == ' ' ? n : -1;
}

/* Last code point of the text written, and the one before it. */
static uint32_t last_cp(const struct buf *b, size_t back, size_t *at)
{
	size_t i = b->len;
	uint32_t cp = 0;
	while (back-- && i > 0) {
		i--;
		while (i > 0 && ((unsigned char)b->data[i] & 0xC0) == 0x80)
			i--;
	}
	if (i < b->len)
		utf8_decode(b->data + i, b->len - i, &cp);
	if (at)
		*at = i;
	return cp;
}

static int is_lower_latin1(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

/* A line starting "and ", "or ", "to ": the hyphen before it is a suspended one. */
static int suspended_hyphen(const char *t)
{
	static const char *const w[] = { "and ", "or ", "to ", "nor ", "and/or ", NULL };
	size_t i;
	for (i = 0; w[i]; i++)
		if (!strncmp(t, w[i], strlen(w[i])))
			return 1;
	return 0;
}

static void mark_line(struct pdf_out *o)
{
	o->pl = xgrow(o->pl, &o->plalloc, o->npl + 1, sizeof(*o->pl));
	o->pl[o->npl].off = o->text.len;
	o->pl[o->npl].page = o->page;
	o->pl[o->npl].line = ++o->line;
	o->npl++;
}

static void end_block(struct pdf_out *o)
{
	if (o->text.len)
		buf_addstr(&o->text, "\n\n");
	o->open = 0;
	o->heading = 0;
}

/* Write one line of text: a new paragraph, or the next line of the open one. */
static void put_line(struct pdf_out *o, const char *t, int new_para)
{
	if (new_para || !o->open) {
		end_block(o);
	} else {
		size_t at;
		uint32_t c = last_cp(&o->text, 1, &at);
		if (c == '-' || c == 0x2010) {
			uint32_t before = last_cp(&o->text, 2, NULL);
			uint32_t next = 0;
			utf8_decode(t, strlen(t), &next);
			if (suspended_hyphen(t)) {
				/* "1.8- and 3.3-fold", "mono- or di-" */
				buf_addch(&o->text, ' ');
			} else if (is_lower_latin1(before) && is_lower_latin1(next)) {
				/* "hydro-" + "genation", or "single-" + "atom": decided at the end */
				if (c == 0x2010) {
					o->text.len = at;
					buf_addch(&o->text, '-');
				}
				o->amb = xgrow(o->amb, &o->amballoc, o->namb + 1, sizeof(*o->amb));
				o->amb[o->namb++] = o->text.len - 1;
			}
		} else {
			buf_addch(&o->text, ' ');
		}
	}
	mark_line(o);
	buf_addstr(&o->text, t);
	o->open = 1;
}

/*
 * Figure text: the lines above a figure caption, back to the last line
 * of prose (body size, most of the column wide, or the short last line
 * of a paragraph right under such a line).
 */
static void drop_figure_text(struct page_state *ps)
{
	size_t i, j;
	for (i = 0; i < ps->nl; i++) {
		float cx1 = 1e30f, cx2 = -1e30f;
		int reg;
		if (!caption_start(ps->l[i].text, figure_words))
			continue;
		reg = region_of(ps, &ps->l[i]);
		for (j = 0; j < ps->nl; j++)
			if (region_of(ps, &ps->l[j]) == reg) {
				cx1 = fminf(cx1, ps->l[j].x1);
				cx2 = fmaxf(cx2, ps->l[j].x2);
			}
		for (j = i; j-- > 0;) {
			struct tline *l = &ps->l[j];
			int prose = !l->row && fabsf(l->size - ps->body) < 0.6f &&
				    l->x2 - l->x1 > 0.75f * (cx2 - cx1);
			if (region_of(ps, l) != reg || prose || l->bold ||
			    caption_start(l->text, figure_words) || caption_start(l->text, table_words))
				break;
			if (j > 0 && region_of(ps, &ps->l[j - 1]) == reg &&
			    !ps->l[j - 1].row && fabsf(ps->l[j - 1].size - ps->body) < 0.6f &&
			    fabsf(l->size - ps->body) < 0.6f && !l->row &&
			    ps->l[j - 1].x2 - ps->l[j - 1].x1 > 0.75f * (cx2 - cx1) &&
			    l->y1 - ps->l[j - 1].y2 < 0.35f * l->h && fabsf(l->x1 - cx1) < 1)
				break;
			l->drop = 1;
		}
	}
}


/* Does a segment of line l start with a number ("4.34", "-0.8", ".5")? */
static int line_has_number(const struct page_state *ps, const struct tline *l)
{
	size_t k;
	for (k = 0; k < l->nseg; k++) {
		const struct seg *s = &ps->s[l->segs[k]];
		size_t i = s->g0;
		if (i < s->g1 && (is_sign(ps->g[i].cp) || ps->g[i].cp == '.'))
			i++;
		if (i < s->g1 && ps->g[i].cp >= '0' && ps->g[i].cp <= '9')
			return 1;
	}
	return 0;
}

/*
 * Write the table made of lines [a, b) of the page: columns from the
 * x-ranges of the rows with most cells, a row per line (lines set close
 * together join the row above), cells separated by tabs.
 */
static void put_table(struct pdf_out *o, struct page_state *ps, size_t a, size_t b)
{
	float *iv = NULL;   /* merged column intervals, pairs x1 x2 */
	size_t niv = 0, ivalloc = 0, maxseg = 0, i, k, c, row_start = (size_t)-1;
	struct buf *cells;
	size_t ncol;
	for (i = a; i < b; i++)
		if (ps->l[i].nseg > maxseg)
			maxseg = ps->l[i].nseg;
	/* intervals of the fuller rows, merged where they overlap */
	for (i = a; i < b; i++) {
		if ((double)ps->l[i].nseg < 0.6 * (double)maxseg)
			continue;
		for (k = 0; k < ps->l[i].nseg; k++) {
			struct seg *s = &ps->s[ps->l[i].segs[k]];
			iv = xgrow(iv, &ivalloc, 2 * niv + 2, sizeof(*iv));
			iv[2 * niv] = s->x1;
			iv[2 * niv + 1] = s->x2;
			niv++;
		}
	}
	niv = merge_intervals(iv, niv, 1);
	ncol = niv ? niv : 1;
	cells = xcalloc(ncol, sizeof(*cells));
	if (o->open)
		end_block(o);
	for (i = a; i < b; i++) {
		struct tline *l = &ps->l[i];
		for (k = 0; k < l->nseg; k++) {
			struct seg *s = &ps->s[l->segs[k]];
			size_t col = 0;
			for (c = 0; c < niv; c++)
				if (s->x1 >= iv[2 * c] - 1)
					col = c;
			/* a cell's lines join with a space, but not after "Ru/" or "Co-N-" */
			if (cells[col].len && cells[col].data[cells[col].len - 1] != '/' &&
			    cells[col].data[cells[col].len - 1] != '-')
				buf_addch(&cells[col], ' ');
			seg_text(ps, s, l, seg_apart(ps, l, k), 1, &cells[col]);
		}
		if (row_start == (size_t)-1)
			row_start = i;
		/*
		 * The next line goes on into this row's cells when it is set
		 * close under it and is either sparse (a wrapped cell: "S-1")
		 * or, like the row so far, holds no number (a wrapped header).
		 */
		if (i + 1 < b && ps->l[i + 1].y1 - l->y2 < 0.25f * l->h &&
		    (ps->l[i + 1].nseg * 2 <= maxseg ||
		     (!line_has_number(ps, &ps->l[i + 1]) && !line_has_number(ps, &ps->l[row_start]))))
			continue;
		row_start = (size_t)-1;
		if (o->text.len && o->text.data[o->text.len - 1] != '\n')
			buf_addch(&o->text, '\n');
		mark_line(o);
		for (c = 0; c < ncol; c++) {
			if (c)
				buf_addch(&o->text, '\t');
			buf_add(&o->text, cells[c].data ? cells[c].data : "", cells[c].len);
			buf_reset(&cells[c]);
		}
		o->open = 1;
	}
	for (c = 0; c < ncol; c++)
		buf_release(&cells[c]);
	free(cells);
	free(iv);
	end_block(o);
}


/*
 * The left and right edges of the column of line i: where most of its
 * lines start and end (justified text), not its widest line.
 */
static void column_edges(const struct page_state *ps, size_t i, float *x1, float *x2)
{
	int reg = region_of(ps, &ps->l[i]);
	size_t a = i, b, j, k, best1 = 0, best2 = 0;
	while (a > 0 && region_of(ps, &ps->l[a - 1]) == reg)
		a--;
	for (b = i; b < ps->nl && region_of(ps, &ps->l[b]) == reg; b++)
		;
	*x1 = ps->l[a].x1;
	*x2 = ps->l[a].x2;
	for (j = a; j < b; j++) {
		size_t n1 = 0, n2 = 0;
		for (k = a; k < b; k++) {
			n1 += fabsf(ps->l[k].x1 - ps->l[j].x1) < 1.5f;
			n2 += fabsf(ps->l[k].x2 - ps->l[j].x2) < 1.5f;
		}
		if (n1 > best1 || (n1 == best1 && ps->l[j].x1 < *x1)) {
			best1 = n1;
			*x1 = ps->l[j].x1;
		}
		if (n2 > best2 || (n2 == best2 && ps->l[j].x2 > *x2)) {
			best2 = n2;
			*x2 = ps->l[j].x2;
		}
	}
}

/*
 * The usual distance between the baselines of consecutive lines in the
 * column of line i (the most common, to half a point), so that a wider
 * one marks a new paragraph whatever the font's boxes; 1.2 em of the
 * body size when the column has too few lines to tell.
 */
static float line_pitch(const struct page_state *ps, size_t i)
{
	int reg = region_of(ps, &ps->l[i]);
	unsigned hist[128];
	size_t a = i, j, best = 0;
	memset(hist, 0, sizeof(hist));
	while (a > 0 && region_of(ps, &ps->l[a - 1]) == reg)
		a--;
	for (j = a + 1; j < ps->nl && region_of(ps, &ps->l[j]) == reg; j++) {
		long b = lroundf((ps->l[j].base - ps->l[j - 1].base) * 2);
		if (b > 0 && b < 128 && fabsf(ps->l[j].size - ps->l[j - 1].size) < 0.6f)
			hist[b]++;
	}
	for (j = 1; j < 128; j++)
		if (hist[j] > hist[best])
			best = j;
	return hist[best] >= 2 ? (float)best / 2 : 1.2f * ps->body;
}

/*
 * Do lines [a, b) make a table?  Their cells line up: most segments after
 * the first of a line start where a segment of another line starts (or
 * end where one ends), which the word gaps of justified text never do.
 */
static int cells_align(const struct page_state *ps, size_t a, size_t b)
{
	size_t i, j, k, m, n = 0, aligned = 0;
	for (i = a; i < b; i++) {
		const struct tline *l = &ps->l[i];
		for (k = 1; k < l->nseg; k++) {
			const struct seg *s = &ps->s[l->segs[k]];
			int hit = 0;
			n++;
			for (j = a; j < b && !hit; j++) {
				if (j == i)
					continue;
				for (m = 0; m < ps->l[j].nseg && !hit; m++) {
					const struct seg *t = &ps->s[ps->l[j].segs[m]];
					hit = fabsf(t->x1 - s->x1) < 2 || fabsf(t->x2 - s->x2) < 2 ||
					      fabsf((t->x1 + t->x2) - (s->x1 + s->x2)) < 4;
				}
			}
			aligned += hit;
		}
	}
	return n && aligned * 10 >= n * 7;
}

/* Does t end a sentence or lead on to a list: ". ", ":", "!", "?", ".)"? */
static int ends_sentence(const char *t)
{
	size_t n = strlen(t);
	while (n > 0 && (t[n - 1] == ')' || t[n - 1] == '"' || (unsigned char)t[n - 1] >= 0x80))
		n--;
	return n > 0 && strchr(".:!?", t[n - 1]) != NULL;
}

/* Write the page's lines: tables, headings, paragraphs. */
static void put_page(struct pdf_out *o, struct page_state *ps)
{
	size_t i = 0;
	float cx1 = 0, cx2 = 0, pitch = 0;
	int cur_reg = -1;
	drop_figure_text(ps);
	while (i < ps->nl) {
		struct tline *l = &ps->l[i];
		int reg = region_of(ps, l), new_para = 0, head;
		size_t j;
		if (l->drop) {
			i++;
			continue;
		}
		if (reg != cur_reg) {
			column_edges(ps, i, &cx1, &cx2);
			pitch = line_pitch(ps, i);
		}
		/* a table: two or more row-like lines together */
		if (row_like(l) && !o->in_refs) {
			size_t rows = 0;
			for (j = i; j < ps->nl && region_of(ps, &ps->l[j]) == reg && !ps->l[j].drop;
			     j++) {
				if (j > i && ps->l[j].y1 - ps->l[j - 1].y2 > 2.5f * l->h)
					break;
				if (row_like(&ps->l[j]))
					rows++;
				else if (ps->l[j].bold || ps->l[j].size > ps->body * 1.15f ||
					 ps->l[j].x2 - ps->l[j].x1 > 0.6f * (cx2 - cx1) ||
					 caption_start(ps->l[j].text, figure_words) ||
					 caption_start(ps->l[j].text, table_words))
					break;
			}
			if (rows >= 2 && cells_align(ps, i, j)) {
				put_table(o, ps, i, j);
				/* footnotes under it go on the lines right after the rows */
				o->prev = ps->l[j - 1];
				o->prev_sentence_end = ends_sentence(ps->l[j - 1].text);
				cur_reg = reg;
				i = j;
				continue;
			}
		}
		head = l->bold || l->size > ps->body * 1.15f;
		if (!o->open || o->heading != head)
			new_para = 1;
		else if (reg == cur_reg && o->prev_region == reg &&
			 l->base - o->prev.base > 1.3f * pitch)
			new_para = 1;
		else if (o->prev.x2 < o->prev_colx2 - 2.0f * o->prev.size && !head &&
			 (o->prev_sentence_end ||
			  o->prev.x2 - o->prev_colx1 < 0.5f * (o->prev_colx2 - o->prev_colx1)))
			new_para = 1;   /* a short last line (ragged text: one that ends a sentence) */
		else if (l->x1 > cx1 + 0.8f * l->size && l->x1 < cx1 + 4.0f * l->size && !head)
			new_para = 1;
		else if (fabsf(l->size - o->prev.size) > 0.6f)
			new_para = 1;
		if (o->in_refs) {
			/* the next entry of the reference list starts a block */
			long n = ref_label(l->text);
			if (n >= 0 && (n == o->last_ref + 1 || new_para)) {
				new_para = 1;
				o->last_ref = n;
			} else if (n < 0 && new_para && o->open && !head && o->last_ref > 0) {
				new_para = 0;   /* an entry's lines, ragged */
			}
		}
		put_line(o, l->text, new_para);
		o->heading = head;
		if (head && is_refs_heading(l->text))
			o->in_refs = 1;
		o->prev = *l;
		o->prev_sentence_end = ends_sentence(l->text);
		o->prev_region = reg;
		o->prev_colx1 = cx1;
		o->prev_colx2 = cx2;
		cur_reg = reg;
		i++;
	}
	o->prev_region = -1;
}

static void page_state_reset(struct page_state *ps)
{
	size_t i;
	for (i = 0; i < ps->nl; i++) {
		free(ps->l[i].segs);
		free(ps->l[i].text);
	}
	ps->ng = ps->ns = ps->nl = ps->nf = 0;
}

static void page_state_release(struct page_state *ps)
{
	page_state_reset(ps);
	free(ps->g);
	free(ps->f);
	free(ps->s);
	free(ps->l);
}

/* --- soft hyphens -------------------------------------------------------- */

/* Word characters: letters, digits, hyphens. */
static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c >= 0x80;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h | 1;
}

/*
 * A hyphen at a line join between two lower-case letters is dropped
 * ("hydro-genation") unless the document writes the hyphenated word
 * somewhere else inside a line ("single-atom").  Offsets of the page
 * lines move with the bytes dropped.
 */
static void resolve_hyphens(struct pdf_out *o)
{
	uint64_t *set;
	size_t cap = 64, i, k, na = 0, w = 0, p = 0;
	char *t = o->text.data;
	size_t n = o->text.len;
	unsigned char *drop;
	if (!o->namb)
		return;
	while (cap < 4 * (n / 4 + 16))
		cap *= 2;
	set = xcalloc(cap, sizeof(*set));
	/* every word that holds a hyphen not at a line join */
	i = 0;
	while (i < n) {
		size_t s = i, j;
		int hy = 0, joined = 0;
		if (!word_byte((unsigned char)t[i])) {
			i++;
			continue;
		}
		while (i < n && word_byte((unsigned char)t[i]))
			i++;
		for (j = s; j < i; j++)
			if (t[j] == '-') {
				hy = 1;
				while (na < o->namb && o->amb[na] < j)
					na++;
				if (na < o->namb && o->amb[na] == j)
					joined = 1;
			}
		if (hy && !joined) {
			uint64_t h = hash_bytes(t + s, i - s);
			for (k = h & (cap - 1); set[k] && set[k] != h; k = (k + 1) & (cap - 1))
				;
			set[k] = h;
		}
	}
	drop = xcalloc(o->namb, 1);
	for (na = 0; na < o->namb; na++) {
		size_t h0 = o->amb[na], s = h0, e = h0 + 1;
		uint64_t h;
		while (s > 0 && word_byte((unsigned char)t[s - 1]))
			s--;
		while (e < n && word_byte((unsigned char)t[e]))
			e++;
		h = hash_bytes(t + s, e - s);
		for (k = h & (cap - 1); set[k] && set[k] != h; k = (k + 1) & (cap - 1))
			;
		drop[na] = set[k] != h;
	}
	/* copy the text down over the dropped hyphens, moving the line offsets */
	na = 0;
	for (i = 0; i <= n; i++) {
		while (p < o->npl && o->pl[p].off == i)
			o->pl[p++].off = w;
		if (i == n)
			break;
		if (na < o->namb && o->amb[na] == i) {
			if (drop[na++])
				continue;
		}
		t[w++] = t[i];
	}
	o->text.len = w;
	t[w] = '\0';
	free(drop);
	free(set);
}

/* --- refusing bad files -------------------------------------------------- */

static const char *find_bytes(const char *h, size_t hn, const char *needle)
{
	size_t n = strlen(needle);
	const char *p = h, *e = h + hn;
	while (p + n <= e && (p = memchr(p, needle[0], (size_t)(e - p - (ptrdiff_t)n + 1)))) {
		if (!memcmp(p, needle, n))
			return p;
		p++;
	}
	return NULL;
}

/*
 * A bomb: a Flate stream that inflates past PDF_MAX_INFLATE.  Only streams
 * that could (by deflate's best ratio, about 1:1032) are inflated, into a
 * scratch buffer, counting.
 */
static int check_streams(const char *name, const char *data, size_t len, struct diag *d)
{
	const char *p = data, *e = data + len;
	static char scratch[1 << 16];
	while ((p = find_bytes(p, (size_t)(e - p), "stream")) != NULL) {
		const char *body = p + 6, *dict, *end;
		size_t clen;
		z_stream zs;
		size_t total = 0;
		int rc, filters;
		if (p > data && p[-1] == 'd') {   /* "endstream" */
			p += 6;
			continue;
		}
		if (body < e && *body == '\r')
			body++;
		if (body < e && *body == '\n')
			body++;
		dict = p;
		while (dict > data && p - dict < 4096 && memcmp(dict, "obj", 3))
			dict--;
		end = find_bytes(body, (size_t)(e - body), "endstream");
		if (!end)
			end = e;
		clen = (size_t)(end - body);
		p = end;
		filters = 0;
		{
			const char *f = dict;
			while ((f = find_bytes(f, (size_t)(body - f), "Decode")) != NULL) {
				filters++;
				f += 6;
			}
		}
		if (!find_bytes(dict, (size_t)(body - dict), "FlateDecode") ||
		    (filters < 2 && clen < PDF_MAX_INFLATE / 1032))
			continue;
		memset(&zs, 0, sizeof(zs));
		if (inflateInit(&zs) != Z_OK)
			continue;
		zs.next_in = (Bytef *)(uintptr_t)body;
		zs.avail_in = (uInt)(clen > UINT32_MAX ? UINT32_MAX : clen);
		do {
			zs.next_out = (Bytef *)scratch;
			zs.avail_out = sizeof(scratch);
			rc = inflate(&zs, Z_NO_FLUSH);
			total += sizeof(scratch) - zs.avail_out;
		} while (rc == Z_OK && total <= PDF_MAX_INFLATE && zs.avail_out == 0);
		inflateEnd(&zs);
		if (total > PDF_MAX_INFLATE) {
			diag_emit(d, name, 0, 0, DIAG_ERROR, "pdf-bomb",
				  "a stream at byte %zu inflates to more than %zu MB "
				  "(a decompression bomb?)", (size_t)(body - data),
				  PDF_MAX_INFLATE >> 20);
			return -1;
		}
	}
	return 0;
}

static int check_file(const char *name, const char *data, size_t len, struct diag *d)
{
	size_t tail = len < 1024 ? len : 1024;
	if (!find_bytes(data, len < 1024 ? len : 1024, "%PDF-")) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "pdf-header",
			  "not a PDF file (no %%PDF- header)");
		return -1;
	}
	if (!find_bytes(data + len - tail, tail, "%%EOF")) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "pdf-truncated",
			  "truncated PDF: no %%%%EOF marker at its end (an interrupted download?)");
		return -1;
	}
	return check_streams(name, data, len, d);
}

/* poppler reports damage through its own channel; nh3cat says it once. */
static void quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer u)
{
	(void)domain;
	(void)level;
	(void)msg;
	(void)u;
}

/* A PDF being read: the page at hand, and the text written so far. */
struct pdf_reading {
	struct pdf_out o;
	struct page_state ps;
};

static void pdf_reading_init(struct pdf_reading *r)
{
	memset(r, 0, sizeof(*r));
	r->o.prev_region = -1;
}

static void pdf_reading_release(struct pdf_reading *r)
{
	page_state_release(&r->ps);
	buf_release(&r->o.text);
	free(r->o.pl);
	free(r->o.amb);
}

/*
 * Lay out page pageno, whose glyphs are in r->ps (rc < 0: it had too
 * many), and write it.  Returns 0, or -1 after saying why.
 */
static int lay_out_page(struct pdf_reading *r, int rc, unsigned pageno, const char *name,
			struct diag *d)
{
	struct page_state *ps = &r->ps;
	if (rc < 0) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "pdf-page-size",
			  "page %u has more than %d characters", pageno, PDF_MAX_PAGE_GLYPHS);
		return -1;
	}
	r->o.glyphs += ps->ng;
	ps->body = body_size(r->o.size_hist, ps->g, ps->ng);
	drop_margins(ps);
	assign_regions(ps, find_gutter(ps));
	split_side_boxes(ps);
	build_lines(ps);
	r->o.page = pageno;
	r->o.line = 0;
	put_page(&r->o, ps);
	page_state_reset(ps);
	if (r->o.text.len > INGEST_MAX_BYTES) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "input-size",
			  "the text of the PDF is larger than %zu MB", INGEST_MAX_BYTES >> 20);
		return -1;
	}
	return 0;
}

/* The document of the text written, with its page lines; NULL after saying why. */
static struct document *finish_reading(struct pdf_reading *r, const char *name,
				       const char *key, struct diag *d)
{
	struct document *doc;
	if (!r->o.glyphs) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "pdf-no-text",
			  "the PDF has no text layer (a scan?): run OCR on it first "
			  "(ocrmypdf paper.pdf out.pdf), then read out.pdf");
		return NULL;
	}
	resolve_hyphens(&r->o);
	buf_addch(&r->o.text, '\n');
	doc = ingest_text(name, key, r->o.text.data, r->o.text.len, d);
	if (doc) {
		document_set_page_lines(doc, r->o.pl, r->o.npl);
		r->o.pl = NULL;
	}
	return doc;
}

static pthread_mutex_t open_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t log_once = PTHREAD_ONCE_INIT;

static void quiet_poppler(void)
{
	g_log_set_handler("Poppler", G_LOG_LEVEL_MASK, quiet_log, NULL);
}

/*
 * The PDF in data, checked and opened, with 1 to PDF_MAX_PAGES pages; NULL
 * after saying why not.
 */
static PopplerDocument *open_pdf(const char *name, const char *data, size_t len, struct diag *d)
{
	PopplerDocument *pdf;
	GBytes *bytes;
	GError *err = NULL;
	int npages;

	if (check_file(name, data, len, d) < 0)
		return NULL;
	pthread_once(&log_once, quiet_poppler);
	bytes = g_bytes_new_static(data, len);
	/* poppler sets up its global state on the first document: one at a time */
	pthread_mutex_lock(&open_lock);
	pdf = poppler_document_new_from_bytes(bytes, NULL, &err);
	pthread_mutex_unlock(&open_lock);
	g_bytes_unref(bytes);
	if (!pdf) {
		if (err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED)
			diag_emit(d, name, 0, 0, DIAG_ERROR, "pdf-encrypted",
				  "the PDF is encrypted with a password: nh3cat cannot read it");
		else
			diag_emit(d, name, 0, 0, DIAG_ERROR, "pdf-damaged",
				  "damaged PDF: %s", err ? err->message : "poppler cannot open it");
		g_clear_error(&err);
		return NULL;
	}
	npages = poppler_document_get_n_pages(pdf);
	if (npages <= 0 || npages > PDF_MAX_PAGES) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "pdf-pages",
			  npages <= 0 ? "the PDF has no pages" : "the PDF has %d pages, more than %d",
			  npages, PDF_MAX_PAGES);
		g_object_unref(pdf);
		return NULL;
	}
	return pdf;
}

struct document *ingest_pdf(const char *name, const char *key,
			    const char *data, size_t len, struct diag *d)
{
	PopplerDocument *pdf;
	struct pdf_reading r;
	struct document *doc = NULL;
	int npages, i;

	if (!(pdf = open_pdf(name, data, len, d)))
		return NULL;
	npages = poppler_document_get_n_pages(pdf);
	pdf_reading_init(&r);
	for (i = 0; i < npages; i++) {
		PopplerPage *page = poppler_document_get_page(pdf, i);
		double w = 0, h = 0;
		int rc;
		if (!page)
			continue;
		poppler_page_get_size(page, &w, &h);
		r.ps.width = (float)w;
		r.ps.height = (float)h;
		rc = page_glyphs(&r.ps, page);
		g_object_unref(page);
		if (lay_out_page(&r, rc, (unsigned)i + 1, name, d) < 0)
			goto out;
	}
	doc = finish_reading(&r, name, key, d);
out:
	pdf_reading_release(&r);
	g_object_unref(pdf);
	return doc;
}

char *ingest_pdf_first_page(const char *name, const char *data, size_t len, struct diag *d)
{
	PopplerDocument *pdf;
	PopplerPage *page;
	PopplerRectangle *rects = NULL;
	guint nrects = 0, k;
	struct buf out = BUF_INIT;
	char *text = NULL, *p;

	if (!(pdf = open_pdf(name, data, len, d)))
		return NULL;
	if ((page = poppler_document_get_page(pdf, 0)) != NULL &&
	    poppler_page_get_text_layout(page, &rects, &nrects))
		text = poppler_page_get_text(page);
	/*
	 * poppler's text runs a line's pieces together across a wide gap
	 * ("DOI: 10.1039/d1sc05088e" in a margin box, then "can be used" of
	 * the text beside it): a space where glyphs stand apart.
	 */
	for (k = 0, p = text; p && *p && k < nrects; k++) {
		char *next = g_utf8_next_char(p);
		if (k > 0 && *p != '\n' && p[-1] != '\n' &&
		    rects[k].x1 - rects[k - 1].x2 > 0.3 * (rects[k].y2 - rects[k].y1))
			buf_addch(&out, ' ');
		buf_add(&out, p, (size_t)(next - p));
		p = next;
	}
	g_free(text);
	g_free(rects);
	if (page)
		g_object_unref(page);
	g_object_unref(pdf);
	return buf_detach(&out, NULL);
}

struct document *ingest_pdf_glyphs(const char *name, const char *key, float width,
				   float height, const struct pdf_glyph *g,
				   const size_t *npage, size_t npages, struct diag *d)
{
	struct pdf_reading r;
	struct document *doc = NULL;
	size_t i, k, at = 0;
	pdf_reading_init(&r);
	for (i = 0; i < npages && i < PDF_MAX_PAGES; i++) {
		size_t frag = 0;
		int rc = 0;
		r.ps.width = width;
		r.ps.height = height;
		struct font_set fonts = { .n = 0 };
		for (k = 1; k < npage[i]; k++)
			if (g[at + k].font && g[at + k - 1].font &&
			    !strcmp(g[at + k].font, g[at + k - 1].font))
				font_set_note(&fonts, g[at + k].font, g[at + k - 1].cp, g[at + k].cp);
		for (k = 0; k < npage[i] && rc == 0; k++) {
			const struct pdf_glyph *c = &g[at + k];
			PopplerRectangle rect = { c->x1, c->y1, c->x2, c->y2 };
			rc = take_char(&r.ps, &frag, c->cp, &rect, c->size, c->bold ? G_BOLD : 0,
				       c->symbol ? FONT_SYMBOL : page_font_kind(&fonts, c->font));
		}
		split_fragment(&r.ps, frag, r.ps.ng);
		at += npage[i];
		if (lay_out_page(&r, rc, (unsigned)i + 1, name, d) < 0)
			goto out;
	}
	doc = finish_reading(&r, name, key, d);
out:
	pdf_reading_release(&r);
	return doc;
}

const struct reader reader_pdf = {
	.name = "pdf",
	.exts = (const char *const[]){ ".pdf", ".PDF", NULL },
	.read = ingest_pdf,
};
