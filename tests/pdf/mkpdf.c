/*
 * mkpdf.c: typesets a text paper (the text reader's input: paragraphs
 * between blank lines, tab-separated table rows after a "Table N"
 * caption) as a journal-style PDF with cairo and Pango, so that the PDF
 * reader can be tested against known text:
 *   - two columns (--columns 1 for one), a running head and page numbers
 *     in the margins, --line-numbers beside every fifth line;
 *   - sub- and superscripts set small and shifted: Unicode ones (NH₃, h⁻¹)
 *     and simple LaTeX groups (_{cat}, ^{-1}) are drawn as a typesetter
 *     would draw them, never as the characters themselves;
 *   - --hyphenate: long words break at line ends with a hyphen;
 *   - tables across the page, their header wrapped, --ruled with rules;
 *   - before each "Fig. N" caption a plot with ticks, axis titles and a
 *     legend (text that must not reach the paragraphs);
 *   - --side-box N: the first N blocks set small in a narrow box at the
 *     left of page 1, the blocks after them (title, authors, abstract) in
 *     one column beside it, the columns below (a journal's margin box of
 *     citation and dates).
 * Other outputs, for the tests of bad PDFs:
 *   --scan        the first page as a picture only (no text layer)
 *   --pages N     N pages, each holding the first line of the input
 *   --bomb        a PDF whose content stream inflates to 300 MB
 *   --encrypt     a PDF encrypted with a password nobody knows
 *
 *   mkpdf [options] IN.txt OUT.pdf
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <zlib.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN_X 50.0
#define MARGIN_TOP 62.0
#define MARGIN_BOTTOM 62.0
#define GUTTER 18.0

struct opts {
	int columns, line_numbers, hyphenate, ruled, scan, pages, bomb, encrypt, side_box;
	const char *head;
};

struct flow {
	cairo_t *cr;
	cairo_surface_t *surface;
	const struct opts *o;
	int page, col;
	double y, band_top, colw;
	int lines_in_col;
	double side_x, side_bottom;   /* beside the side box: the column's x, the box's bottom */
};

#define SIDE_BOX_W 150.0
#define SIDE_BOX_GAP 14.0

/* --- text with sub- and superscripts as Pango attributes ----------------- */

static int sub_digit(gunichar c, gunichar *base)
{
	if (c >= 0x2080 && c <= 0x2089) { *base = '0' + (c - 0x2080); return 1; }
	switch (c) {
	case 0x208A: *base = '+'; return 1;
	case 0x208B: *base = 0x2212; return 1;
	case 0x208D: *base = '('; return 1;
	case 0x208E: *base = ')'; return 1;
	default: return 0;
	}
}

static int sup_digit(gunichar c, gunichar *base)
{
	if (c == 0x2070 || (c >= 0x2074 && c <= 0x2079)) { *base = '0' + (c - 0x2070); return 1; }
	switch (c) {
	case 0xB9: *base = '1'; return 1;
	case 0xB2: *base = '2'; return 1;
	case 0xB3: *base = '3'; return 1;
	case 0x207A: *base = '+'; return 1;
	case 0x207B: *base = 0x2212; return 1;
	case 0x207D: *base = '('; return 1;
	case 0x207E: *base = ')'; return 1;
	default: return 0;
	}
}

static void add_script_attr(PangoAttrList *al, guint start, guint end, int sup, double size)
{
	PangoAttribute *a = pango_attr_rise_new((int)((sup ? 0.36 : -0.2) * size * PANGO_SCALE));
	a->start_index = start;
	a->end_index = end;
	pango_attr_list_insert(al, a);
	a = pango_attr_size_new((int)(0.68 * size * PANGO_SCALE));
	a->start_index = start;
	a->end_index = end;
	pango_attr_list_insert(al, a);
}

/* A LaTeX group simple enough to set as a script: no space, brace or backslash. */
static size_t simple_group(const char *s)
{
	size_t n = 0;
	if (s[0] != '{')
		return 0;
	for (n = 1; s[n] && s[n] != '}'; n++)
		if (s[n] == ' ' || s[n] == '{' || s[n] == '\\' || s[n] == '$' || s[n] == '\t')
			return 0;
	return s[n] == '}' && n > 1 ? n + 1 : 0;
}

static int is_word_letter(gunichar c)
{
	return c >= 'a' && c <= 'z';
}

/*
 * Set up layout l with text src: scripts as attributes; with hyphenate,
 * soft hyphens inside long lower-case words, so that Pango can break them.
 */
static void set_text(PangoLayout *l, const char *src, double size, int hyphenate)
{
	GString *out = g_string_new(NULL);
	PangoAttrList *al = pango_attr_list_new();
	const char *p = src;
	while (*p) {
		gunichar c = g_utf8_get_char(p), base;
		size_t n;
		if ((*p == '_' || *p == '^') && (n = simple_group(p + 1)) != 0) {
			guint st = (guint)out->len;
			g_string_append_len(out, p + 2, (gssize)(n - 2));
			add_script_attr(al, st, (guint)out->len, *p == '^', size);
			p += 1 + n;
			continue;
		}
		if (sub_digit(c, &base) || sup_digit(c, &base)) {
			guint st = (guint)out->len;
			int sup = !sub_digit(c, &base);
			while (*p) {
				gunichar c2 = g_utf8_get_char(p);
				if (sup ? !sup_digit(c2, &base) : !sub_digit(c2, &base))
					break;
				g_string_append_unichar(out, base);
				p = g_utf8_next_char(p);
			}
			add_script_attr(al, st, (guint)out->len, sup, size);
			continue;
		}
		if (hyphenate && is_word_letter(c) && (p == src || p[-1] == ' ')) {
			size_t k = 0, len = 0;
			while (is_word_letter((gunichar)(unsigned char)p[len]))
				len++;
			if (len >= 10 && (p[len] == ' ' || p[len] == ',' || p[len] == '.')) {
				for (k = 0; k < len; k++) {
					g_string_append_c(out, p[k]);
					if (k >= 3 && k + 4 <= len && k % 3 == 0)
						g_string_append(out, "\xC2\xAD");
				}
				p += len;
				continue;
			}
		}
		g_string_append_unichar(out, c);
		p = g_utf8_next_char(p);
	}
	pango_layout_set_text(l, out->str, (int)out->len);
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
	g_string_free(out, TRUE);
}

static PangoLayout *new_layout(cairo_t *cr, const char *font, double width)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	}
	return l;
}

/* --- pages and columns ---------------------------------------------------- */

static void page_furniture(struct flow *f)
{
	PangoLayout *l = new_layout(f->cr, "DejaVu Serif Italic 7.5", 0);
	char num[16];
	int w, h;
	pango_layout_set_text(l, f->o->head, -1);
	cairo_move_to(f->cr, MARGIN_X, 30);
	pango_cairo_show_layout(f->cr, l);
	snprintf(num, sizeof(num), "%d", f->page);
	pango_layout_set_text(l, num, -1);
	pango_layout_get_size(l, &w, &h);
	cairo_move_to(f->cr, PAGE_W / 2 - w / PANGO_SCALE / 2.0, PAGE_H - 38);
	pango_cairo_show_layout(f->cr, l);
	g_object_unref(l);
}

static void new_page(struct flow *f)
{
	if (f->page)
		cairo_show_page(f->cr);
	f->page++;
	f->col = 0;
	f->y = f->band_top = MARGIN_TOP;
	f->lines_in_col = 0;
	page_furniture(f);
}

static double col_x(const struct flow *f)
{
	if (f->side_x > 0)
		return f->side_x;
	return MARGIN_X + f->col * (f->colw + GUTTER);
}

/* Room for h more points in this column, moving on to the next if not. */
static void need(struct flow *f, double h)
{
	if (f->y + h <= PAGE_H - MARGIN_BOTTOM)
		return;
	if (f->col + 1 < f->o->columns) {
		f->col++;
		f->y = f->band_top;
		f->lines_in_col = 0;
	} else {
		new_page(f);
	}
}

static void line_number(struct flow *f, double baseline)
{
	char num[16];
	PangoLayout *l;
	f->lines_in_col++;
	if (!f->o->line_numbers || f->lines_in_col % 5)
		return;
	l = new_layout(f->cr, "DejaVu Sans 6", 0);
	snprintf(num, sizeof(num), "%d", f->lines_in_col);
	pango_layout_set_text(l, num, -1);
	cairo_move_to(f->cr, f->col == 0 ? MARGIN_X - 22 : PAGE_W - MARGIN_X + 8,
		      baseline - 6);
	pango_cairo_show_layout(f->cr, l);
	g_object_unref(l);
}

/* Set a paragraph line by line into the columns. */
static void flow_layout(struct flow *f, PangoLayout *l)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle logical;
		int y0, y1, base;
		double h;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		base = pango_layout_iter_get_baseline(it);
		h = (double)(y1 - y0) / PANGO_SCALE;
		need(f, h);
		cairo_move_to(f->cr, col_x(f) + (double)logical.x / PANGO_SCALE,
			      f->y + (double)(base - y0) / PANGO_SCALE);
		pango_cairo_show_layout_line(f->cr, line);
		line_number(f, f->y + (double)(base - y0) / PANGO_SCALE);
		f->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static void paragraph(struct flow *f, const char *text, const char *font, double size,
		      int justify)
{
	PangoLayout *l = new_layout(f->cr, font, f->colw);
	pango_layout_set_justify(l, justify);
	set_text(l, text, size, f->o->hyphenate && justify);
	flow_layout(f, l);
	g_object_unref(l);
}

/* Start a full-width object of height h: below the left column, or on a new page. */
static double full_width_top(struct flow *f, double h)
{
	if (f->col != 0 || f->y + h > PAGE_H - MARGIN_BOTTOM)
		new_page(f);
	return f->y;
}

static void full_width_done(struct flow *f, double bottom)
{
	f->y = f->band_top = bottom + 10;
	f->col = 0;
	f->lines_in_col = 0;
}

/* --- tables and figures --------------------------------------------------- */

static int cell_numeric(const char *s)
{
	return (*s >= '0' && *s <= '9') || *s == '_' || *s == '$';
}

static char **split_tabs(const char *line, size_t *n)
{
	char **v = NULL;
	size_t k = 0;
	const char *p = line;
	for (;;) {
		const char *t = strchr(p, '\t');
		size_t len = t ? (size_t)(t - p) : strlen(p);
		v = realloc(v, (k + 1) * sizeof(*v));
		v[k++] = g_strndup(p, len);
		if (!t)
			break;
		p = t + 1;
	}
	*n = k;
	return v;
}

/* The width of cell c of a row: its column's, and the empty ones after it. */
static double cell_width(const double *w, size_t ncols, double gap, char **row, size_t n,
			 size_t c)
{
	double cw = w[c];
	size_t e = c + 1;
	while (e < ncols && (e >= n || !*row[e]))
		cw += w[e++] + gap;
	return cw;
}

/* A table: caption lines, then rows; set across the page in 6.5 pt. */
static void table(struct flow *f, char **caption, size_t ncap, char **rows, size_t nrows)
{
	const double size = 6.5, gap = 8, width = PAGE_W - 2 * MARGIN_X;
	char ***cells = calloc(nrows, sizeof(*cells));
	size_t *nc = calloc(nrows, sizeof(*nc));
	size_t ncols = 0, r, c, nheader = 0;
	double *w, total, y, top, *rowh, *colx;
	PangoLayout *l = new_layout(f->cr, "DejaVu Sans 6.5", 0);
	PangoLayout *cap = new_layout(f->cr, "DejaVu Sans 8", width);
	GString *captext = g_string_new(NULL);
	int pw, ph;

	for (r = 0; r < nrows; r++) {
		cells[r] = split_tabs(rows[r], &nc[r]);
		if (nc[r] > ncols)
			ncols = nc[r];
	}
	for (r = 0; r < nrows; r++) {
		int numeric = 0;
		for (c = 0; c < nc[r]; c++)
			numeric |= cell_numeric(cells[r][c]);
		if (numeric)
			break;
		nheader = r + 1;
	}
	/* column widths from the body rows, at least 24 pt */
	w = calloc(ncols, sizeof(*w));
	colx = calloc(ncols + 1, sizeof(*colx));
	for (c = 0; c < ncols; c++)
		w[c] = 24;
	for (r = 0; r < nrows; r++)
		for (c = 0; c < nc[r]; c++) {
			/* a header cell: its longest word; a body cell: all of it */
			if (r < nheader) {
				char **words = g_strsplit(cells[r][c], " ", -1);
				size_t k;
				for (k = 0; words[k]; k++) {
					set_text(l, words[k], size, 0);
					pango_layout_get_size(l, &pw, &ph);
					if ((double)pw / PANGO_SCALE > w[c])
						w[c] = (double)pw / PANGO_SCALE;
				}
				g_strfreev(words);
				continue;
			}
			set_text(l, cells[r][c], size, 0);
			pango_layout_get_size(l, &pw, &ph);
			if ((double)pw / PANGO_SCALE > w[c])
				w[c] = (double)pw / PANGO_SCALE;
		}
	for (;;) {
		size_t widest = 0;
		total = 0;
		for (c = 0; c < ncols; c++) {
			total += w[c] + (c ? gap : 0);
			if (w[c] > w[widest])
				widest = c;
		}
		if (total <= width || w[widest] <= 40)
			break;
		w[widest] *= 0.9;
	}
	colx[0] = MARGIN_X;
	for (c = 1; c <= ncols; c++)
		colx[c] = colx[c - 1] + w[c - 1] + gap;
	/* row heights: header cells wrap in their column (or run on into empty ones) */
	rowh = calloc(nrows, sizeof(*rowh));
	for (r = 0; r < nrows; r++)
		for (c = 0; c < nc[r]; c++) {
			pango_layout_set_width(l, (int)(cell_width(w, ncols, gap, cells[r], nc[r], c) *
							PANGO_SCALE));
			pango_layout_set_wrap(l, PANGO_WRAP_WORD);
			set_text(l, cells[r][c], size, 0);
			pango_layout_get_size(l, &pw, &ph);
			if ((double)ph / PANGO_SCALE > rowh[r])
				rowh[r] = (double)ph / PANGO_SCALE;
		}
	for (r = 0; r < ncap; r++) {
		if (r)
			g_string_append_c(captext, ' ');
		g_string_append(captext, caption[r]);
	}
	set_text(cap, captext->str, 8, 0);
	pango_layout_get_size(cap, &pw, &ph);
	total = (double)ph / PANGO_SCALE + 6;
	for (r = 0; r < nrows; r++)
		total += rowh[r] + 0.6 * size;
	top = y = full_width_top(f, total);
	if (ncap) {
		cairo_move_to(f->cr, MARGIN_X, y);
		pango_cairo_show_layout(f->cr, cap);
		y += (double)ph / PANGO_SCALE + 6;
	}
	top = y;
	cairo_set_line_width(f->cr, 0.5);
	if (f->o->ruled) {
		cairo_move_to(f->cr, MARGIN_X, y - 2);
		cairo_line_to(f->cr, colx[ncols] - gap, y - 2);
		cairo_stroke(f->cr);
	}
	for (r = 0; r < nrows; r++) {
		for (c = 0; c < nc[r]; c++) {
			pango_layout_set_width(l, (int)(cell_width(w, ncols, gap, cells[r], nc[r], c) *
							PANGO_SCALE));
			set_text(l, cells[r][c], size, 0);
			cairo_move_to(f->cr, colx[c], y);
			pango_cairo_show_layout(f->cr, l);
		}
		y += rowh[r] + 0.6 * size;
		if (f->o->ruled && (r + 1 == nheader || r + 1 == nrows)) {
			cairo_move_to(f->cr, MARGIN_X, y - 0.3 * size);
			cairo_line_to(f->cr, colx[ncols] - gap, y - 0.3 * size);
			cairo_stroke(f->cr);
		}
	}
	if (f->o->ruled)
		for (c = 1; c < ncols; c++) {
			cairo_move_to(f->cr, colx[c] - gap / 2, top - 2);
			cairo_line_to(f->cr, colx[c] - gap / 2, y - 0.3 * size);
			cairo_stroke(f->cr);
		}
	full_width_done(f, y);
	for (r = 0; r < nrows; r++) {
		for (c = 0; c < nc[r]; c++)
			g_free(cells[r][c]);
		free(cells[r]);
	}
	free(cells);
	free(nc);
	free(w);
	free(colx);
	free(rowh);
	g_string_free(captext, TRUE);
	g_object_unref(l);
	g_object_unref(cap);
}

static void small_text(cairo_t *cr, const char *text, double x, double y, double rot)
{
	PangoLayout *l = new_layout(cr, "DejaVu Sans 6.5", 0);
	set_text(l, text, 6.5, 0);
	cairo_save(cr);
	cairo_move_to(cr, x, y);
	cairo_rotate(cr, rot);
	pango_cairo_show_layout(cr, l);
	cairo_restore(cr);
	g_object_unref(l);
}

/* A plot in the column: axes, ticks and their numbers, axis titles, a legend. */
static void figure(struct flow *f)
{
	const double h = 120, w = f->colw;
	double x0, y0, k;
	char num[16];
	need(f, h + 8);
	x0 = col_x(f) + 30;
	y0 = f->y + h - 22;   /* the plot's origin */
	cairo_set_line_width(f->cr, 0.6);
	cairo_move_to(f->cr, x0, f->y + 4);
	cairo_line_to(f->cr, x0, y0);
	cairo_line_to(f->cr, col_x(f) + w - 6, y0);
	cairo_stroke(f->cr);
	for (k = 0; k <= 4; k++) {
		double x = x0 + k * (w - 40) / 4, y = y0 - k * (h - 30) / 4;
		snprintf(num, sizeof(num), "%d", (int)(200 + 50 * k));
		small_text(f->cr, num, x - 5, y0 + 2, 0);
		snprintf(num, sizeof(num), "%d", (int)(5 * k));
		small_text(f->cr, num, x0 - 12, y - 4, 0);
		cairo_move_to(f->cr, x, y0);
		cairo_line_to(f->cr, x, y0 - 3);
		cairo_stroke(f->cr);
	}
	small_text(f->cr, "Temperature (°C)", x0 + (w - 40) / 2 - 25, y0 + 11, 0);
	small_text(f->cr, "Rate (mmol g_{cat}⁻¹ h⁻¹)", col_x(f) + 2, y0 - 20, -G_PI / 2);
	cairo_move_to(f->cr, x0, y0 - 5);
	cairo_curve_to(f->cr, x0 + 60, y0 - 10, x0 + 120, y0 - 60, col_x(f) + w - 10, f->y + 12);
	cairo_stroke(f->cr);
	small_text(f->cr, "Ru/CeO₂ at 1.0 MPa", x0 + 10, f->y + 8, 0);
	f->y += h + 8;
}

/* --- the document ---------------------------------------------------------- */

static int starts_caption(const char *s, const char *word)
{
	size_t n = strlen(word);
	return !strncmp(s, word, n) && (s[n] == ' ' || s[n] == '.');
}

/*
 * The side box: the lines of lines[0..n) set small at the left of the
 * page, each a paragraph; the blocks after it go in one column beside
 * it, until they pass its bottom.
 */
static void side_box(struct flow *f, char **lines, size_t n)
{
	double y = f->y;
	size_t i;
	for (i = 0; i < n; i++) {
		PangoLayout *l;
		int w, h;
		if (!*lines[i])
			continue;
		l = new_layout(f->cr, "DejaVu Sans 6.5", SIDE_BOX_W);
		set_text(l, lines[i], 6.5, 0);
		pango_layout_get_size(l, &w, &h);
		cairo_move_to(f->cr, MARGIN_X, y);
		pango_cairo_show_layout(f->cr, l);
		y += (double)h / PANGO_SCALE + 12;
		g_object_unref(l);
	}
	f->side_bottom = y;
	f->side_x = MARGIN_X + SIDE_BOX_W + SIDE_BOX_GAP;
	f->colw = PAGE_W - MARGIN_X - f->side_x;
}

/* Past the side box's bottom: back to the columns below it. */
static void side_box_done(struct flow *f)
{
	if (f->side_x <= 0 || f->y < f->side_bottom)
		return;
	f->side_x = 0;
	f->colw = f->o->columns == 2 ? (PAGE_W - 2 * MARGIN_X - GUTTER) / 2 : PAGE_W - 2 * MARGIN_X;
	full_width_done(f, f->y);
}

static void typeset(struct flow *f, char **lines, size_t n)
{
	size_t i = 0;
	if (f->o->side_box) {
		int blocks = 0;
		for (; i < n && blocks < f->o->side_box; i++)
			blocks += *lines[i] && (i + 1 == n || !*lines[i + 1]);
		side_box(f, lines, i);
	}
	while (i < n) {
		size_t j = i, k;
		if (!*lines[i]) {
			i++;
			continue;
		}
		while (j < n && *lines[j])
			j++;
		/* a table caption on its own, then the rows: one block */
		if (starts_caption(lines[i], "Table") && j + 1 < n && !*lines[j] &&
		    strchr(lines[j + 1], '\t')) {
			size_t r;
			char *blank = lines[j];
			for (r = j; r + 1 < n; r++)
				lines[r] = lines[r + 1];
			lines[n - 1] = blank;
			j = i;
			while (j < n && *lines[j])
				j++;
		}
		/* lines[i..j) is one block */
		for (k = i; k < j && !strchr(lines[k], '\t'); k++)
			;
		if (k < j) {
			table(f, lines + i, k - i, lines + k, j - k);
		} else {
			for (k = i; k < j; k++) {
				const char *t = lines[k];
				size_t len = strlen(t);
				int heading = j - i == 1 && len < 90 && t[len - 1] != '.' &&
					      !starts_caption(t, "Fig") && !starts_caption(t, "Table");
				if (starts_caption(t, "Fig") || starts_caption(t, "Figure")) {
					figure(f);
					paragraph(f, t, "DejaVu Sans 7.5", 7.5, 1);
				} else if (heading) {
					need(f, 30);
					f->y += 4;
					paragraph(f, t, "DejaVu Sans Bold 9.5", 9.5, 0);
					f->y += 2;
				} else {
					paragraph(f, t, "DejaVu Serif 9", 9, 1);
				}
			}
		}
		f->y += 6;
		side_box_done(f);
		i = j;
	}
}

static char **read_lines(const char *path, size_t *n)
{
	gchar *data = NULL, **v;
	gsize len;
	if (!g_file_get_contents(path, &data, &len, NULL)) {
		fprintf(stderr, "mkpdf: cannot read %s\n", path);
		exit(2);
	}
	v = g_strsplit(data, "\n", -1);
	g_free(data);
	*n = g_strv_length(v);
	for (size_t i = 0; i < *n; i++) {
		size_t l = strlen(v[i]);
		if (l && v[i][l - 1] == '\r')
			v[i][l - 1] = '\0';
	}
	return v;
}

/* A page with the text drawn into a picture: a scan, no text layer. */
static void scan(cairo_t *cr, char **lines, size_t n)
{
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 595, 842);
	cairo_t *ic = cairo_create(img);
	PangoLayout *l = new_layout(ic, "DejaVu Serif 9", 495);
	GString *all = g_string_new(NULL);
	size_t i;
	cairo_set_source_rgb(ic, 1, 1, 1);
	cairo_paint(ic);
	cairo_set_source_rgb(ic, 0, 0, 0);
	for (i = 0; i < n && i < 20; i++) {
		g_string_append(all, lines[i]);
		g_string_append_c(all, '\n');
	}
	pango_layout_set_text(l, all->str, -1);
	cairo_move_to(ic, 50, 60);
	pango_cairo_show_layout(ic, l);
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_paint(cr);
	g_object_unref(l);
	g_string_free(all, TRUE);
	cairo_destroy(ic);
	cairo_surface_destroy(img);
}

/* Write a PDF from its objects (numbered from 1), with a correct xref. */
static int write_pdf(const char *out, const char *const *objs, size_t n, const char *trailer)
{
	FILE *fp = fopen(out, "wb");
	long off[16], x;
	size_t i;
	if (!fp || n >= 16)
		return 2;
	fputs("%PDF-1.4\n", fp);
	for (i = 0; i < n; i++) {
		off[i] = ftell(fp);
		fprintf(fp, "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	x = ftell(fp);
	fprintf(fp, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
	for (i = 0; i < n; i++)
		fprintf(fp, "%010ld 00000 n \n", off[i]);
	fprintf(fp, "trailer\n<< /Size %zu /Root 1 0 R %s >>\nstartxref\n%ld\n%%%%EOF\n", n + 1,
		trailer, x);
	return fclose(fp) ? 2 : 0;
}

/* A page of text, encrypted with a user password nobody knows. */
static int encrypted(const char *out)
{
	static const char *const objs[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		"<< /Length 0 >>\nstream\n\nendstream",
		"<< /Filter /Standard /V 1 /R 2 /P -44 "
		"/O <0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef> "
		"/U <fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210> >>",
	};
	return write_pdf(out, objs, ARRAY_SIZE(objs),
			 "/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> "
			 "<00112233445566778899aabbccddeeff>]");
}

/* A page whose content stream inflates to 300 MB of spaces. */
static int bomb(const char *out)
{
	FILE *fp = fopen(out, "wb");
	static unsigned char in[1 << 16], buf[1 << 16];
	z_stream zs;
	unsigned char *comp = NULL;
	size_t clen = 0, i;
	long off[5];
	if (!fp)
		return 2;
	memset(in, ' ', sizeof(in));
	memset(&zs, 0, sizeof(zs));
	deflateInit(&zs, 9);
	for (i = 0; i <= (300u << 20) / sizeof(in); i++) {
		int last = i == (300u << 20) / sizeof(in);
		zs.next_in = in;
		zs.avail_in = sizeof(in);
		do {
			zs.next_out = buf;
			zs.avail_out = sizeof(buf);
			deflate(&zs, last ? Z_FINISH : Z_NO_FLUSH);
			comp = realloc(comp, clen + sizeof(buf) - zs.avail_out);
			memcpy(comp + clen, buf, sizeof(buf) - zs.avail_out);
			clen += sizeof(buf) - zs.avail_out;
		} while (zs.avail_out == 0);
	}
	deflateEnd(&zs);
	fputs("%PDF-1.4\n", fp);
	off[1] = ftell(fp);
	fputs("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n", fp);
	off[2] = ftell(fp);
	fputs("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n", fp);
	off[3] = ftell(fp);
	fputs("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n", fp);
	off[4] = ftell(fp);
	fprintf(fp, "4 0 obj << /Length %zu /Filter /FlateDecode >>\nstream\n", clen);
	fwrite(comp, 1, clen, fp);
	fputs("\nendstream\nendobj\n", fp);
	{
		long x = ftell(fp);
		fputs("xref\n0 5\n0000000000 65535 f \n", fp);
		for (i = 1; i <= 4; i++)
			fprintf(fp, "%010ld 00000 n \n", off[i]);
		fprintf(fp, "trailer << /Size 5 /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", x);
	}
	free(comp);
	return fclose(fp) ? 2 : 0;
}

int main(int argc, char **argv)
{
	struct opts o = { 2, 0, 0, 0, 0, 0, 0, 0, 0, "J. Test Chem., 2026, 1, 1-9 | typeset by mkpdf" };
	struct flow f;
	char **lines;
	size_t n;
	int i;
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if (!strcmp(argv[i], "--columns") && i + 1 < argc)
			o.columns = strtol(argv[++i], NULL, 10) == 1 ? 1 : 2;
		else if (!strcmp(argv[i], "--line-numbers"))
			o.line_numbers = 1;
		else if (!strcmp(argv[i], "--hyphenate"))
			o.hyphenate = 1;
		else if (!strcmp(argv[i], "--ruled"))
			o.ruled = 1;
		else if (!strcmp(argv[i], "--scan"))
			o.scan = 1;
		else if (!strcmp(argv[i], "--side-box") && i + 1 < argc)
			o.side_box = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--bomb"))
			o.bomb = 1;
		else if (!strcmp(argv[i], "--encrypt"))
			o.encrypt = 1;
		else if (!strcmp(argv[i], "--pages") && i + 1 < argc)
			o.pages = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--head") && i + 1 < argc)
			o.head = argv[++i];
		else {
			fprintf(stderr, "mkpdf: unknown option %s\n", argv[i]);
			return 2;
		}
	}
	if (o.bomb && i + 1 == argc)
		return bomb(argv[i]);
	if (o.encrypt && i + 1 == argc)
		return encrypted(argv[i]);
	if (i + 2 != argc) {
		fprintf(stderr, "usage: mkpdf [--columns 1|2] [--line-numbers] [--hyphenate] "
				"[--ruled] [--side-box N] [--scan] [--pages N] IN.txt OUT.pdf\n"
				"       mkpdf --bomb|--encrypt OUT.pdf\n");
		return 2;
	}
	lines = read_lines(argv[i], &n);
	memset(&f, 0, sizeof(f));
	f.o = &o;
	f.surface = cairo_pdf_surface_create(argv[i + 1], PAGE_W, PAGE_H);
	f.cr = cairo_create(f.surface);
	f.colw = o.columns == 2 ? (PAGE_W - 2 * MARGIN_X - GUTTER) / 2 : PAGE_W - 2 * MARGIN_X;
	if (o.scan) {
		scan(f.cr, lines, n);
	} else if (o.pages) {
		for (i = 0; i < o.pages; i++) {
			new_page(&f);
			paragraph(&f, n ? lines[0] : "", "DejaVu Serif 9", 9, 0);
		}
	} else {
		new_page(&f);
		typeset(&f, lines, n);
	}
	cairo_destroy(f.cr);
	cairo_surface_finish(f.surface);
	if (cairo_surface_status(f.surface) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "mkpdf: cannot write %s\n", argv[i + 1]);
		return 2;
	}
	cairo_surface_destroy(f.surface);
	g_strfreev(lines);
	return 0;
}
