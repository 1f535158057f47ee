/*
 * ingest_text.c: the plain-text reader.  Turns PDF-to-text output and
 * Markdown into a document: headings (numbered "2.1 Title", Markdown "#",
 * short title lines), paragraphs, figure captions, tables (tab-separated
 * rows or Markdown pipe rows, after a "Table N" caption or alone), and the
 * entries of the reference list.  Every block keeps its source offset.
 *
 * Tables (tab-separated, Markdown pipe rows, HTML <table>, or columns aligned with
 * spaces as pdftotext -layout prints them after a "Table N" caption): the
 * header is the leading rows that hold no numeric cell (or,
 * in Markdown, the rows above the |---| line); a first column that is
 * filled only now and then (SACs / SCCs / BCCs) is a group column, and
 * each of its cells spans the rows below it down to the next one.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

#include "utf8.h"
#include "util.h"

struct line {
	size_t start, end;   /* end excludes the newline (and a CR before it) */
};

struct reader_state {
	const char *src;
	size_t len;
	struct line *lines;
	size_t n;
	struct document *doc;
};

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Skip leading blanks (and NBSP) of [s, e). */
static const char *skip_blank(const char *s, const char *e)
{
	while (s < e) {
		if (is_space((unsigned char)*s))
			s++;
		else if (e - s >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
			s += 2;
		else
			break;
	}
	return s;
}

static const char *rtrim(const char *s, const char *e)
{
	while (e > s && is_space((unsigned char)e[-1]))
		e--;
	return e;
}

static int line_blank(const struct reader_state *st, size_t i)
{
	const char *s = st->src + st->lines[i].start, *e = st->src + st->lines[i].end;
	return skip_blank(s, e) == e;
}

static int has_tab(const struct reader_state *st, size_t i)
{
	return memchr(st->src + st->lines[i].start, '\t',
		      st->lines[i].end - st->lines[i].start) != NULL;
}

static int is_pipe_row(const struct reader_state *st, size_t i)
{
	const char *s = st->src + st->lines[i].start, *e = st->src + st->lines[i].end;
	s = skip_blank(s, e);
	e = rtrim(s, e);
	return e - s >= 2 && *s == '|' && memchr(s + 1, '|', (size_t)(e - s - 1));
}

static int is_tabular(const struct reader_state *st, size_t i)
{
	return !line_blank(st, i) && (has_tab(st, i) || is_pipe_row(st, i));
}

/* Rows of one table are all tab-separated or all Markdown pipe rows. */
static int same_table_kind(const struct reader_state *st, size_t a, size_t b)
{
	return is_tabular(st, b) && has_tab(st, a) == has_tab(st, b);
}

/* Case-insensitive prefix test on [s, e). */
static int starts_ci(const char *s, const char *e, const char *word)
{
	size_t n = strlen(word);
	size_t k;
	if ((size_t)(e - s) < n)
		return 0;
	for (k = 0; k < n; k++) {
		int a = (unsigned char)s[k], b = (unsigned char)word[k];
		if (a >= 'A' && a <= 'Z')
			a += 32;
		if (b >= 'A' && b <= 'Z')
			b += 32;
		if (a != b)
			return 0;
	}
	return 1;
}

/* Skip Markdown emphasis at the start of a line ("**Table 1.**"). */
static const char *skip_emphasis(const char *s, const char *e)
{
	while (s < e && (*s == '*' || *s == '_'))
		s++;
	return s;
}

/*
 * "Table 1", "Table S2", "Fig. 3", "Figure 4", "Scheme 1" at s: returns
 * the length of the label, or 0.  words lists the accepted words.
 */
static size_t caption_label(const char *s, const char *e, const char *const *words)
{
	size_t k;
	for (k = 0; words[k]; k++) {
		size_t n = strlen(words[k]);
		const char *p;
		if (!starts_ci(s, e, words[k]))
			continue;
		p = s + n;
		if (p < e && *p == '.')
			p++;
		while (p < e && *p == ' ')
			p++;
		if (p < e && (*p == 'S' || *p == 's') && p + 1 < e && is_digit((unsigned char)p[1]))
			p++;
		if (p >= e || !is_digit((unsigned char)*p))
			continue;
		while (p < e && is_digit((unsigned char)*p))
			p++;
		/* "Table 1" must be followed by a separator, not "Table 1a ..." text. */
		if (p < e && !(is_space((unsigned char)*p) || *p == '.' || *p == ':' || *p == '*' ||
			       *p == '|' || *p == ')' || *p == '(' || (unsigned char)*p >= 0x80 ||
			       (*p >= 'a' && *p <= 'z')))
			continue;
		if (p < e && *p >= 'a' && *p <= 'z' && p + 1 < e && p[1] != ' ' && p[1] != ')')
			continue;
		return (size_t)(p - s);
	}
	return 0;
}

static const char *const table_words[] = { "Table", NULL };
static const char *const figure_words[] = { "Figure", "Fig", "Scheme", "Chart", NULL };

/* The label of a caption line ("Table 1"), copied and with one space. */
static char *make_label(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	size_t k;
	for (k = 0; k < n; k++) {
		if (s[k] == ' ' && b.len && b.data[b.len - 1] == ' ')
			continue;
		buf_addch(&b, s[k]);
	}
	return buf_detach(&b, NULL);
}

static int is_refs_heading(const char *s, const char *e)
{
	static const char *const names[] = {
		"references", "references and notes", "notes and references",
		"bibliography", "literature cited", "literature", NULL
	};
	size_t k;
	while (s < e && (*s == '#' || *s == '*' || *s == ' '))
		s++;
	while (e > s && (e[-1] == '*' || e[-1] == ':' || e[-1] == ' '))
		e--;
	for (k = 0; names[k]; k++)
		if ((size_t)(e - s) == strlen(names[k]) && starts_ci(s, e, names[k]))
			return 1;
	return 0;
}

/*
 * A reference-list entry start: "- 12 Name", "12. Name", "[12] Name",
 * "12 Name".  Sets *num to the number.
 */
static int ref_start(const char *s, const char *e, long *num)
{
	const char *p = s;
	long v = 0;
	int digits = 0, bracket = 0;
	if (p < e && (*p == '-' || *p == '*') && p + 1 < e && p[1] == ' ')
		p += 2;
	if (p < e && *p == '[') {
		bracket = 1;
		p++;
	}
	while (p < e && is_digit((unsigned char)*p) && digits < 5) {
		v = v * 10 + (*p - '0');
		p++;
		digits++;
	}
	if (!digits || (p < e && is_digit((unsigned char)*p)))
		return 0;
	if (bracket) {
		if (p >= e || *p != ']')
			return 0;
		p++;
	} else if (p < e && (*p == '.' || *p == ')')) {
		p++;
	}
	if (p >= e || *p != ' ')
		return 0;
	while (p < e && *p == ' ')
		p++;
	if (p >= e)
		return 0;
	*num = v;
	return 1;
}

/* Numbered ("2.1 Title"), Markdown ("## Title") or short title lines. */
static int heading_level(const char *s, const char *e)
{
	const char *p = s;
	int level = 0, words = 1;
	size_t len = (size_t)(e - s);
	if (p < e && *p == '#') {
		while (p < e && *p == '#')
			p++, level++;
		return (p < e && *p == ' ' && level <= 6) ? level : 0;
	}
	if (len > 90 || memchr(s, '\t', len))
		return 0;
	if (e[-1] == '.' || e[-1] == ',' || e[-1] == ';' || e[-1] == ':')
		return 0;
	if (is_digit((unsigned char)*p)) {
		level = 1;
		while (p < e && (is_digit((unsigned char)*p) || *p == '.')) {
			if (*p == '.' && p + 1 < e && is_digit((unsigned char)p[1]))
				level++;
			p++;
		}
		if (p >= e || *p != ' ')
			return 0;
		while (p < e && *p == ' ')
			p++;
		return (p < e && is_upper((unsigned char)*p)) ? level : 0;
	}
	if (!is_upper((unsigned char)*p) || len > 60)
		return 0;
	for (p = s; p < e; p++)
		if (*p == ' ')
			words++;
	return words <= 8 ? 1 : 0;
}

/* --- tables --------------------------------------------------------------- */

/* A cell that holds a number and nothing else ("60 000", "$10.3 imes10^{-3}$"). */
static int cell_numeric(const char *s)
{
	const char *p = s;
	int digits = 0;
	while (*p == '$' || *p == ' ')
		p++;
	if (*p == '-' || *p == '~' || *p == '<' || *p == '>')
		p++;
	if (!is_digit((unsigned char)*p))
		return 0;
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (is_digit(c))
			digits++;
		else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			if (!strchr("ximesE", c))
				return 0;
	}
	return digits > 0;
}

static int separator_row(const char *s, const char *e)
{
	int dash = 0;
	for (; s < e; s++) {
		if (*s == '-')
			dash = 1;
		else if (*s != '|' && *s != ':' && *s != ' ' && *s != '\t')
			return 0;
	}
	return dash;
}

/*
 * A short line with no tab between table rows ("Single-atom catalysts"):
 * a sub-heading of the table, read as a row of one cell.
 */
static int sub_heading_row(const struct reader_state *st, size_t i)
{
	size_t n = st->lines[i].end - st->lines[i].start;
	return !line_blank(st, i) && !is_tabular(st, i) && n <= 60 && i > 0 && is_tabular(st, i - 1) &&
	       i + 1 < st->n && is_tabular(st, i + 1) && has_tab(st, i - 1) && has_tab(st, i + 1);
}

/* Split row line into cells of t at row r. */
/*
 * Record where row R of T starts in the source.  Rows are numbered from 0
 * and recorded in order, so the array grows to the next power of two when R
 * reaches one: a table of n rows costs O(n) copying, not n^2/2 as growing by
 * one row each time does where realloc cannot extend in place.
 */
static void set_row_offset(struct table *t, size_t r, size_t off)
{
	if ((r & (r - 1)) == 0)
		t->row_src_off = xrealloc(t->row_src_off, (r ? 2 * r : 1) * sizeof(size_t));
	t->row_src_off[r] = off;
}

static void add_row(struct reader_state *st, struct table *t, size_t r, size_t li)
{
	const char *s = st->src + st->lines[li].start, *e = st->src + st->lines[li].end;
	const char *p;
	size_t col = 0;
	int pipe = !has_tab(st, li);
	char sep = pipe ? '|' : '\t';
	if (pipe) {
		s = skip_blank(s, e);
		e = rtrim(s, e);
		if (s < e && *s == '|')
			s++;
		if (e > s && e[-1] == '|' && !(e - 1 > s && e[-2] == '\\'))
			e--;
	} else {
		e = rtrim(s, e);
		/* keep trailing empty columns: only strip CR and spaces, not tabs */
		while (e < st->src + st->lines[li].end && *e == '\t')
			e++;
	}
	p = s;
	for (;;) {
		const char *q = p, *cs, *ce;
		while (q < e && !(*q == sep && !(pipe && q > p && q[-1] == '\\')))
			q++;
		cs = skip_blank(p, q);
		ce = rtrim(cs, q);
		table_add_cell(t, r, col, cs, (size_t)(ce - cs), (size_t)(cs - st->src));
		col++;
		if (q >= e)
			break;
		p = q + 1;
	}
}

/* Make an empty first-column cell below a group label part of its span. */
static void find_group_column(struct table *t)
{
	size_t r, filled = 0, data = t->nrows - t->nheader;
	struct cell *group = NULL;
	size_t i, out;
	if (data < 2 || t->ncols < 3)
		return;
	for (r = t->nheader; r < t->nrows; r++) {
		const struct cell *c = table_cell_at(t, r, 0);
		if (c && c->text[0])
			filled++;
	}
	{
		/* labels now and then, with names beside every row: a group column */
		const struct cell *first = table_cell_at(t, t->nheader, 0);
		if (!first || !first->text[0] || filled == data || cell_numeric(first->text))
			return;
		for (r = t->nheader; r < t->nrows; r++) {
			const struct cell *c0 = table_cell_at(t, r, 0), *c1 = table_cell_at(t, r, 1);
			if (c0 && c0->text[0] && cell_numeric(c0->text))
				return;
			if (!c1 || !c1->text[0])
				return;
		}
	}
	/* Spread each label down; drop the empty cells it covers. */
	for (i = 0, out = 0; i < t->ncells; i++) {
		struct cell *c = &t->cells[i];
		if (c->col == 0 && c->row >= t->nheader) {
			if (c->text[0]) {
				t->cells[out] = *c;
				group = &t->cells[out++];
				continue;
			}
			if (group) {
				group->rowspan++;
				free(c->text);
				free(c->locator);
				continue;
			}
		}
		t->cells[out++] = *c;
		if (c->row >= t->nheader && c->col == 0)
			group = NULL;
	}
	t->ncells = out;
}

static void finish_table(struct table *t, size_t sep_at);

/* Rows first..last-1 (some may be blank) into a table of block b. */
static void read_table(struct reader_state *st, struct block *b, size_t first, size_t last)
{
	struct table *t = block_new_table(b);
	size_t i, r = 0, sep_at = (size_t)-1;
	for (i = first; i < last; i++) {
		const char *s = st->src + st->lines[i].start, *e = st->src + st->lines[i].end;
		if (line_blank(st, i))
			continue;
		if (!has_tab(st, i) && separator_row(s, e)) {
			if (sep_at == (size_t)-1)
				sep_at = r;
			continue;
		}
		set_row_offset(t, r, st->lines[i].start);
		add_row(st, t, r, i);
		r++;
	}
	finish_table(t, sep_at);
}

/*
 * The header rows of t (the rows above a Markdown separator at sep_at, or
 * the leading rows without a number), its group column, and its index.
 */
static void finish_table(struct table *t, size_t sep_at)
{
	size_t r;
	if (sep_at != (size_t)-1) {
		t->nheader = sep_at;
	} else {
		for (r = 0; r < t->nrows && r < 3; r++) {
			size_t k, cells = 0;
			int num = 0;
			for (k = 0; k < t->ncells; k++) {
				if (t->cells[k].row != r)
					continue;
				cells++;
				if (cell_numeric(t->cells[k].text))
					num = 1;
			}
			/* numbers, or a sub-heading line below the header, start the body */
			if (num || (r > 0 && cells == 1))
				break;
		}
		t->nheader = r < t->nrows ? r : (t->nrows > 1 ? 1 : 0);
	}
	find_group_column(t);
	/*
	 * Short rows are not padded: a slot with no cell is empty, and one
	 * wide row costs its own cells only.
	 */
	table_index(t);
}

/* --- tables aligned with spaces (pdftotext -layout) -------------------------- */

#define LAYOUT_MAX_CELLS 64

/*
 * Cells of a line whose columns are aligned with spaces: text runs split
 * at two spaces or more.  Writes up to max [start, end) byte offsets of
 * the line; returns how many cells.
 */
static size_t layout_cells(const char *s, const char *e, size_t *cs, size_t *ce, size_t max)
{
	const char *p = s;
	size_t n = 0;
	while (p < e) {
		const char *q;
		while (p < e && *p == ' ')
			p++;
		if (p >= e)
			break;
		q = p;
		while (q < e && !(*q == ' ' && (q + 1 >= e || q[1] == ' ')))
			q++;
		if (n < max) {
			cs[n] = (size_t)(p - s);
			ce[n] = (size_t)(q - s);
		}
		n++;
		p = q;
	}
	return n;
}

/* A line of a space-aligned table: two cells or more, no tab, not a pipe row. */
static int is_layout_row(const struct reader_state *st, size_t i)
{
	size_t cs[2], ce[2];
	const char *s = st->src + st->lines[i].start, *e = st->src + st->lines[i].end;
	if (line_blank(st, i) || has_tab(st, i) || is_pipe_row(st, i))
		return 0;
	return layout_cells(s, rtrim(s, e), cs, ce, 2) >= 2;
}

/* Characters (not bytes) from s to p: columns line up in characters. */
static size_t char_col(const char *s, const char *p)
{
	size_t n = 0;
	for (; s < p; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * Rows first..last-1 of a space-aligned table into block b.  The row with
 * the most cells gives the columns' starts; a cell of another row goes to
 * the column it starts in (a cell that is missing leaves its column empty).
 */
static void read_layout_table(struct reader_state *st, struct block *b, size_t first, size_t last)
{
	struct table *t = block_new_table(b);
	size_t anchor[LAYOUT_MAX_CELLS], nanchor = 0, i, r = 0;
	size_t cs[LAYOUT_MAX_CELLS], ce[LAYOUT_MAX_CELLS];
	for (i = first; i < last; i++) {
		const char *s = st->src + st->lines[i].start, *e = st->src + st->lines[i].end;
		size_t n, k;
		if (line_blank(st, i))
			continue;
		n = layout_cells(s, rtrim(s, e), cs, ce, LAYOUT_MAX_CELLS);
		if (n > LAYOUT_MAX_CELLS)
			n = LAYOUT_MAX_CELLS;
		if (n > nanchor) {
			for (k = 0; k < n; k++)
				anchor[k] = char_col(s, s + cs[k]);
			nanchor = n;
		}
	}
	for (i = first; i < last; i++) {
		const char *s = st->src + st->lines[i].start, *e = st->src + st->lines[i].end;
		size_t n, k, col = 0;
		int any = 0;
		if (line_blank(st, i))
			continue;
		n = layout_cells(s, rtrim(s, e), cs, ce, LAYOUT_MAX_CELLS);
		if (n > LAYOUT_MAX_CELLS)
			n = LAYOUT_MAX_CELLS;
		set_row_offset(t, r, st->lines[i].start);
		for (k = 0; k < n; k++) {
			size_t c = char_col(s, s + cs[k]), a = 0;
			/* the last column that starts at or before the cell (one character of slack) */
			while (a + 1 < nanchor && anchor[a + 1] <= c + 1)
				a++;
			if (any && a < col)
				a = col;
			/* cells left over on the right of a short row keep their order */
			if (n == nanchor)
				a = k;
			table_add_cell(t, r, a, s + cs[k], ce[k] - cs[k], st->lines[i].start + cs[k]);
			col = a + 1;
			any = 1;
		}
		r++;
	}
	finish_table(t, (size_t)-1);
}

static int html_table_line(const struct reader_state *st, size_t i);

/* After a "Table N" caption at line from: the line of an HTML table's "<table" (near), or 0. */
static size_t html_table_start(const struct reader_state *st, size_t from)
{
	size_t i;
	for (i = from; i < st->n && i < from + 4; i++)
		if (html_table_line(st, i))
			return i;
	return 0;
}

/*
 * After a "Table N" caption at line from: the first line of a
 * space-aligned table (its caption may go on for two lines, blank lines
 * may come between), when two rows of it follow one another; else 0.
 */
static size_t layout_table_start(const struct reader_state *st, size_t from)
{
	size_t i, next;
	for (i = from; i < st->n && i < from + 4; i++) {
		if (!is_layout_row(st, i))
			continue;
		next = i + 1;
		if (next < st->n && line_blank(st, next))
			next++;
		return next < st->n && is_layout_row(st, next) ? i : 0;
	}
	return 0;
}

/* --- tables one cell per line (plain pdftotext) ------------------------------ */

/*
 * Plain pdftotext prints a table one cell per line: the headers, then the
 * rows (row by row), or the headers, then column by column, or each column
 * under its own header.  A line that opens with '(' continues the header
 * above it ("Rate" / "(umol g-1 h-1)").  The cells end at a line of prose
 * (long or of many words), a caption, a footnote or a heading.
 */
#define CELL_TABLE_MAX 512

static int is_footnote(const char *s, const char *e);
static struct block *add_lines(struct reader_state *st, enum block_kind kind, size_t first, size_t last);

struct cell_item {
	size_t line, start, end;   /* first line; source bytes [start, end) of its last line */
	size_t first_start;        /* source offset of its first line */
	int numeric;               /* a number, or a dash for none */
};

static int dash_cell(const char *s, const char *e)
{
	size_t n = (size_t)(e - s);
	return (n == 1 && (*s == '-' || *s == '/')) ||
	       (n == 3 && (!memcmp(s, "\xE2\x80\x93", 3) || !memcmp(s, "\xE2\x80\x94", 3)));
}

/* Is line i a cell of such a table (short, few words, not a caption or footnote)? */
static int cell_line(const struct reader_state *st, size_t i)
{
	const char *s = skip_blank(st->src + st->lines[i].start, st->src + st->lines[i].end);
	const char *e = rtrim(s, st->src + st->lines[i].end), *p;
	size_t words = 1;
	if (s >= e || e - s > 48 || has_tab(st, i) || is_footnote(s, e) ||
	    caption_label(s, e, table_words) || caption_label(s, e, figure_words))
		return 0;
	for (p = s; p < e; p++)
		words += *p == ' ';
	return words <= 6;
}

/* Where item i goes, (row, col), in order 1 (row by row), 2 (column by column) or 3 (column blocks). */
static void cell_place(int order, size_t h, size_t rows, size_t i, size_t *r, size_t *c)
{
	if (order == 1) {
		*r = i < h ? 0 : 1 + (i - h) / h;
		*c = i < h ? i : (i - h) % h;
	} else if (order == 2) {
		if (i < h) {
			*r = 0;
			*c = i;
		} else if (i < h + rows) {
			*r = 1 + (i - h);
			*c = 0;
		} else {
			*r = 1 + (i - h - rows) % rows;
			*c = 1 + (i - h - rows) / rows;
		}
	} else if (i <= rows) {
		*r = i;
		*c = 0;
	} else {
		*r = (i - rows - 1) % (rows + 1);
		*c = 1 + (i - rows - 1) / (rows + 1);
	}
}

/*
 * How far the numbers of each column of a reading spread, in decades
 * summed over the columns: a column holds one quantity, so the reading
 * that keeps each column's numbers alike is the table's.
 */
static double cell_spread(const struct reader_state *st, const struct cell_item *it, size_t n, int order,
			  size_t h, size_t rows)
{
	double lo[32], hi[32], sum = 0;
	size_t i, r, c;
	for (c = 0; c < 32; c++)
		lo[c] = hi[c] = 0;
	for (i = 0; i < n; i++) {
		double v;
		cell_place(order, h, rows, i, &r, &c);
		if (!r || !it[i].numeric || c >= 32 ||
		    num_parse_n(st->src + it[i].start, it[i].end - it[i].start, &v) < 0 || v <= 0)
			continue;
		if (!lo[c] || v < lo[c])
			lo[c] = v;
		if (v > hi[c])
			hi[c] = v;
	}
	for (c = 0; c < 32; c++)
		if (lo[c] > 0)
			sum += log10(hi[c] / lo[c]);
	return sum;
}

/*
 * After a caption (lines cap .. from-1, labelled label): the cells up to
 * the first line that is none, read in the order that fits them (row by
 * row; headers, then column by column; each column under its header),
 * the one that keeps each column's numbers alike when several do.  Adds
 * the table block and returns the line after the cells, or 0 (and adds
 * nothing).
 */
static size_t read_cell_table(struct reader_state *st, size_t cap, size_t from, const char *label)
{
	struct cell_item it[CELL_TABLE_MAX];
	size_t n = 0, i, runs[CELL_TABLE_MAX], nruns = 0, last = from, k, r, c;
	size_t best_h = 0, best_rows = 0;
	int best = 0;
	double best_spread = 0;
	struct block *b;
	struct table *t;
	for (i = from; i < st->n && n < CELL_TABLE_MAX; i++) {
		const char *s, *e;
		if (line_blank(st, i))
			continue;
		if (!cell_line(st, i))
			break;
		s = skip_blank(st->src + st->lines[i].start, st->src + st->lines[i].end);
		e = rtrim(s, st->src + st->lines[i].end);
		last = i + 1;
		if (*s == '(' && n && !it[n - 1].numeric) {
			it[n - 1].end = (size_t)(e - st->src);
			continue;
		}
		{
			char *txt = xstrndup(s, (size_t)(e - s));
			it[n].numeric = cell_numeric(txt) || dash_cell(s, e);
			free(txt);
		}
		it[n].line = i;
		it[n].first_start = it[n].start = (size_t)(s - st->src);
		it[n].end = (size_t)(e - st->src);
		n++;
	}
	if (n < 6)
		return 0;
	/* runs of text and of numbers, from a text run to a run of numbers */
	for (i = 0; i < n; i++) {
		if (i == 0 || it[i].numeric != it[i - 1].numeric)
			runs[nruns++] = 0;
		runs[nruns - 1]++;
	}
	if (it[0].numeric || nruns < 2 || !it[n - 1].numeric)
		return 0;
	for (k = 0; k < 3 + CELL_TABLE_MAX; k++) {
		/* the candidates: k 0 row by row, 1 column blocks, 2.. column by column with N = k */
		int order = 0, ok = 1;
		size_t h = 0, rows = 0, j;
		double sp;
		if (k == 0 && nruns >= 4 && runs[0] >= 3) {
			order = 1;
			h = runs[0] - 1;
			rows = nruns / 2;
			for (j = 1; j < nruns && ok; j++)
				ok = runs[j] == (j % 2 ? h - 1 : 1);
		} else if (k == 1 && nruns >= 4 && runs[1] >= 2 && runs[0] == runs[1] + 2) {
			order = 3;
			rows = runs[1];
			h = 1 + nruns / 2;
			for (j = 1; j < nruns && ok; j++)
				ok = runs[j] == (j % 2 ? rows : 1);
		} else if (k >= 2 && nruns == 2 && k + 2 <= runs[0]) {
			order = 2;
			rows = k;
			h = runs[0] - k;
			ok = (h - 1) * rows == runs[1];
		} else if (k >= 2 && (nruns != 2 || k + 2 > runs[0])) {
			break;
		}
		if (!order || !ok || h < 2 || rows < 2 || h > 32)
			continue;
		sp = cell_spread(st, it, n, order, h, rows);
		if (!best || sp < best_spread) {
			best = order;
			best_h = h;
			best_rows = rows;
			best_spread = sp;
		}
	}
	if (!best)
		return 0;
	b = add_lines(st, BLOCK_TABLE, cap, from);
	block_set_label(b, label);
	t = block_new_table(b);
	for (i = 0; i < n; i++) {
		const char *cs = st->src + it[i].first_start;
		char *one, *q;
		cell_place(best, best_h, best_rows, i, &r, &c);
		/* a row starts at its first cell in the source */
		if (c == 0)
			set_row_offset(t, r, it[i].first_start);
		/* a header with its units on the next line: one cell, one line */
		one = xstrndup(cs, it[i].end - it[i].first_start);
		for (q = one; *q; q++)
			if (*q == '\n' || *q == '\r')
				*q = ' ';
		table_add_cell(t, r, c, one, strlen(one), it[i].first_start);
		free(one);
	}
	finish_table(t, 1);
	return last;
}

/* --- HTML tables inside Markdown or OCR output ------------------------------- */

/* Does line i start an HTML table ("<table", any case, after blanks)? */
static int html_table_line(const struct reader_state *st, size_t i)
{
	const char *s = skip_blank(st->src + st->lines[i].start, st->src + st->lines[i].end);
	return starts_ci(s, st->src + st->lines[i].end, "<table");
}

/* The line holding the "</table>" that closes the table opened at line i (or the last line). */
static size_t html_table_end(const struct reader_state *st, size_t i)
{
	for (; i < st->n; i++) {
		const char *s = st->src + st->lines[i].start, *e = st->src + st->lines[i].end, *p;
		for (p = s; p + 8 <= e; p++)
			if (*p == '<' && starts_ci(p, e, "</table>"))
				return i;
	}
	return st->n - 1;
}

/* At p a tag named name ("td", "/tr")?  Followed by '>', a blank or '/'. */
static int tag_is(const char *p, const char *e, const char *name)
{
	size_t n = strlen(name);
	return p < e && *p == '<' && starts_ci(p + 1, e, name) && p + 1 + n < e &&
	       (p[1 + n] == '>' || p[1 + n] == ' ' || p[1 + n] == '/' || p[1 + n] == '\t' ||
		p[1 + n] == '\n');
}

/* The value of attribute name (colspan, rowspan) in the tag [p, gt), 1 when absent. */
static size_t tag_span(const char *p, const char *gt, const char *name)
{
	size_t n = strlen(name), v = 0;
	for (; p + n < gt; p++) {
		if (!starts_ci(p, gt, name))
			continue;
		p += n;
		while (p < gt && (*p == '=' || *p == '"' || *p == '\'' || *p == ' '))
			p++;
		while (p < gt && is_digit((unsigned char)*p) && v < 1000)
			v = v * 10 + (size_t)(*p++ - '0');
		break;
	}
	return v ? v : 1;
}

/*
 * The HTML table in source bytes [s, e) into block b: rows by <tr>, cells
 * by <td> and <th> (their text with inline tags, which the normalizer
 * reads), spans by colspan and rowspan.  Rows of <th> cells only, or in
 * <thead>, are the header.
 */
static void read_html_table(struct reader_state *st, struct block *b, const char *s, const char *e)
{
	struct table *t = block_new_table(b);
	const char *p = s;
	size_t r = 0, col = 0, nheader = 0, *busy = NULL, nbusy = 0, k;
	int in_row = 0, in_head = 0, row_all_th = 1, any_th_header = 0;
	while (p < e) {
		const char *gt;
		if (*p != '<') {
			p++;
			continue;
		}
		gt = memchr(p, '>', (size_t)(e - p));
		if (!gt)
			break;
		if (tag_is(p, e, "thead"))
			in_head = 1;
		else if (tag_is(p, e, "/thead"))
			in_head = 0;
		else if (tag_is(p, e, "tr") || tag_is(p, e, "/tr") || tag_is(p, e, "/table")) {
			if (in_row) {
				if ((in_head || row_all_th) && r == nheader && col > 0)
					nheader = r + 1, any_th_header = 1;
				r++;
			}
			in_row = tag_is(p, e, "tr");
			col = 0;
			row_all_th = 1;
			if (in_row) {
				set_row_offset(t, r, (size_t)(p - st->src));
			}
		} else if (in_row && (tag_is(p, e, "td") || tag_is(p, e, "th"))) {
			const char *cs = gt + 1, *ce = cs;
			size_t cspan = tag_span(p, gt, "colspan"), rspan = tag_span(p, gt, "rowspan");
			struct cell *c;
			if (p[2] != 'h' && p[2] != 'H')
				row_all_th = 0;
			/* the cell's text: up to its end tag or the next cell or row */
			while (ce < e && !(*ce == '<' && (tag_is(ce, e, "/td") || tag_is(ce, e, "/th") ||
						       tag_is(ce, e, "td") || tag_is(ce, e, "th") ||
						       tag_is(ce, e, "tr") || tag_is(ce, e, "/tr") ||
						       tag_is(ce, e, "/table"))))
				ce++;
			/* slots taken by a cell of a row above */
			while (col < nbusy && busy[col] > r)
				col++;
			cs = skip_blank(cs, ce);
			c = table_add_cell(t, r, col, cs, (size_t)(rtrim(cs, ce) - cs), (size_t)(cs - st->src));
			c->colspan = cspan;
			c->rowspan = rspan;
			if (col + cspan > nbusy) {
				busy = xrealloc(busy, (col + cspan) * sizeof(*busy));
				for (k = nbusy; k < col + cspan; k++)
					busy[k] = 0;
				nbusy = col + cspan;
			}
			for (k = col; k < col + cspan; k++)
				busy[k] = r + rspan;
			if (col + cspan > t->ncols)
				t->ncols = col + cspan;
			col += cspan;
			p = ce;
			continue;
		}
		p = gt + 1;
	}
	free(busy);
	/* cell text keeps its newlines out: a cell is one line of text */
	for (k = 0; k < t->ncells; k++) {
		char *x;
		for (x = t->cells[k].text; *x; x++)
			if (*x == '\n' || *x == '\r' || *x == '\t')
				*x = ' ';
	}
	finish_table(t, any_th_header ? nheader : (size_t)-1);
}

/* A footnote line under a table: "a Conditions ...", "ᵃ ...", "Note: ...". */
static int is_footnote(const char *s, const char *e)
{
	if (starts_ci(s, e, "note") || starts_ci(s, e, "^") || starts_ci(s, e, "*") ||
	    starts_ci(s, e, "<sup>"))
		return 1;
	if (e - s >= 3 && (unsigned char)s[0] == 0xE1 && (unsigned char)s[1] == 0xB5)
		return 1;   /* modifier small letters ᵃ ᵇ ... */
	return e - s > 2 && s[0] >= 'a' && s[0] <= 'e' && s[1] == ' ';
}

/* Footnotes right under the last table, from line i on; returns the line after them. */
static size_t read_footnotes(struct reader_state *st, size_t i)
{
	while (i < st->n) {
		size_t k = i;
		const char *fs, *fe;
		if (line_blank(st, k))
			k++;
		if (k >= st->n || line_blank(st, k))
			break;
		fs = skip_blank(st->src + st->lines[k].start, st->src + st->lines[k].end);
		fe = rtrim(fs, st->src + st->lines[k].end);
		if (!is_footnote(fs, fe))
			break;
		table_add_footnote(st->doc->blocks[st->doc->nblocks - 1].table, fs, (size_t)(fe - fs));
		i = k + 1;
	}
	return i;
}

/* --- the reader ------------------------------------------------------------ */

static struct block *add_lines(struct reader_state *st, enum block_kind kind,
			       size_t first, size_t last)
{
	size_t s = st->lines[first].start, e = st->lines[last - 1].end;
	const char *p = skip_blank(st->src + s, st->src + e);
	return document_add_block(st->doc, kind, p, (size_t)(st->src + e - p),
				  (size_t)(p - st->src));
}

static void split_lines(struct reader_state *st)
{
	size_t i = 0, alloc = 0;
	while (i < st->len) {
		const char *nl = memchr(st->src + i, '\n', st->len - i);
		size_t end = nl ? (size_t)(nl - st->src) : st->len;
		st->lines = xgrow(st->lines, &alloc, st->n + 1, sizeof(*st->lines));
		st->lines[st->n].start = i;
		st->lines[st->n].end = end > i && st->src[end - 1] == '\r' ? end - 1 : end;
		st->n++;
		i = nl ? end + 1 : st->len;
	}
}

static int check_input(const char *name, const char *data, size_t len, struct diag *d)
{
	size_t bad = utf8_validate(data, len);
	const char *nul = memchr(data, '\0', len);
	long line = 1, col = 1;
	size_t k, at;
	if (len > INGEST_MAX_BYTES) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "input-size",
			  "file is larger than %zu MB", INGEST_MAX_BYTES >> 20);
		return -1;
	}
	if (bad == len && !nul)
		return 0;
	at = nul && (size_t)(nul - data) < bad ? (size_t)(nul - data) : bad;
	for (k = 0; k < at; k++) {
		if (data[k] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)data[k] & 0xC0) != 0x80) {
			col++;
		}
	}
	if (nul && (size_t)(nul - data) == at)
		diag_emit(d, name, line, col, DIAG_ERROR, "input-nul",
			  "NUL byte in text input (binary file?)");
	else
		diag_emit(d, name, line, col, DIAG_ERROR, "input-utf8",
			  "invalid UTF-8 (byte 0x%02X)", (unsigned char)data[at]);
	return -1;
}

struct document *ingest_text(const char *name, const char *key,
			     const char *data, size_t len, struct diag *d)
{
	struct reader_state st;
	size_t i;
	int in_refs = 0;

	if (check_input(name, data, len, d) < 0)
		return NULL;
	memset(&st, 0, sizeof(st));
	st.doc = document_new(key, name, data, len);
	st.src = st.doc->src;
	st.len = len;
	split_lines(&st);

	i = 0;
	while (i < st.n) {
		const char *s = st.src + st.lines[i].start, *e = st.src + st.lines[i].end;
		const char *t;
		size_t lab, j;
		long num;
		struct block *b;

		if (line_blank(&st, i)) {
			i++;
			continue;
		}
		s = skip_blank(s, e);
		e = rtrim(s, e);
		/* a UTF-8 byte-order mark is not text (offsets stay those of the file) */
		if (s - st.src < 3 && s + 3 <= e && !memcmp(s, "\xEF\xBB\xBF", 3))
			s += 3;
		t = skip_emphasis(s, e);

		/* The reference list: entries up to the next entry start. */
		if (in_refs && ref_start(s, e, &num)) {
			char label[24];
			size_t last = i + 1;
			for (j = i + 1; j < st.n; j++) {
				const char *s2 = skip_blank(st.src + st.lines[j].start,
							    st.src + st.lines[j].end);
				long n2;
				if (line_blank(&st, j))
					continue;
				if (ref_start(s2, st.src + st.lines[j].end, &n2) || has_tab(&st, j))
					break;
				last = j + 1;
			}
			b = add_lines(&st, BLOCK_REFERENCE, i, last);
			snprintf(label, sizeof(label), "%ld", num);
			block_set_label(b, label);
			i = last;
			continue;
		}
		if (is_refs_heading(s, e)) {
			b = add_lines(&st, BLOCK_HEADING, i, i + 1);
			b->level = 1;
			in_refs = 1;
			i++;
			continue;
		}

		/* A table caption, and the rows that follow it. */
		if ((lab = caption_label(t, e, table_words)) != 0) {
			size_t first = i + 1, last, cap_end = i + 1;
			char *label = make_label(t, lab);
			/* caption text may go on for a line or two before the rows */
			while (cap_end < st.n && cap_end < i + 3 && !line_blank(&st, cap_end) &&
			       !is_tabular(&st, cap_end))
				cap_end++;
			first = cap_end;
			while (first < st.n && first < cap_end + 3 && line_blank(&st, first))
				first++;
			if (!(first < st.n && is_tabular(&st, first))) {
				cap_end = i + 1;
				first = i + 1;
				while (first < st.n && first < i + 4 && line_blank(&st, first))
					first++;
			}
			if (first < st.n && is_tabular(&st, first)) {
				last = first;
				while (last < st.n && (same_table_kind(&st, first, last) ||
						       (line_blank(&st, last) && last + 1 < st.n &&
							same_table_kind(&st, first, last + 1)) ||
						       sub_heading_row(&st, last)))
					last++;
				b = add_lines(&st, BLOCK_TABLE, i, cap_end);
				block_set_label(b, label);
				read_table(&st, b, first, last);
				i = read_footnotes(&st, last);
			} else if ((first = html_table_start(&st, i + 1)) != 0) {
				/* an HTML table (Markdown from OCR or from web pages) */
				last = html_table_end(&st, first);
				b = add_lines(&st, BLOCK_TABLE, i, first);
				block_set_label(b, label);
				read_html_table(&st, b, st.src + st.lines[first].start, st.src + st.lines[last].end);
				i = read_footnotes(&st, last + 1);
			} else if ((first = layout_table_start(&st, i + 1)) != 0) {
				/* columns aligned with spaces, as pdftotext -layout prints them */
				last = first;
				while (last < st.n && (is_layout_row(&st, last) ||
						       (line_blank(&st, last) && last + 1 < st.n &&
							is_layout_row(&st, last + 1))))
					last++;
				b = add_lines(&st, BLOCK_TABLE, i, first);
				block_set_label(b, label);
				read_layout_table(&st, b, first, last);
				i = read_footnotes(&st, last);
			} else if ((last = read_cell_table(&st, i, cap_end, label)) != 0) {
				/* one cell per line, as plain pdftotext prints a table */
				i = read_footnotes(&st, last);
			} else {
				b = add_lines(&st, BLOCK_CAPTION, i, i + 1);
				block_set_label(b, label);
				/*
				 * A caption whose rows nobody found: say so, rather than
				 * nothing.  "Table 2 shows ..." (a lower-case word after
				 * the label) is a sentence about a table, not its caption.
				 */
				const char *after = t + lab;
				while (after < e && (*after == ' ' || *after == '*'))
					after++;
				if (!(after < e && *after >= 'a' && *after <= 'z'))
					diag_emit(d, name, (long)i + 1, 1, DIAG_WARNING, "table-not-found",
					  "'%s' is a table caption, but no rows of it were found (tables are read "
					  "tab-separated, as Markdown or HTML, aligned with spaces, or one cell per line)", label);
				i++;
			}
			free(label);
			continue;
		}
		if (html_table_line(&st, i)) {
			size_t last = html_table_end(&st, i);
			b = document_add_block(st.doc, BLOCK_TABLE, "", 0, st.lines[i].start);
			read_html_table(&st, b, st.src + st.lines[i].start, st.src + st.lines[last].end);
			i = read_footnotes(&st, last + 1);
			continue;
		}
		/* Rows with no caption: a table only when two or more come together. */
		if (is_tabular(&st, i) && i + 1 < st.n && is_tabular(&st, i + 1)) {
			size_t last = i;
			while (last < st.n && (same_table_kind(&st, i, last) || sub_heading_row(&st, last)))
				last++;
			b = document_add_block(st.doc, BLOCK_TABLE, "", 0, st.lines[i].start);
			read_table(&st, b, i, last);
			i = last;
			continue;
		}
		if ((lab = caption_label(t, e, figure_words)) != 0) {
			char *label = make_label(t, lab);
			b = add_lines(&st, BLOCK_CAPTION, i, i + 1);
			block_set_label(b, label);
			free(label);
			i++;
			continue;
		}
		{
			int level = heading_level(s, e);
			int next_blank = i + 1 >= st.n || line_blank(&st, i + 1);
			if (level && (next_blank || *s == '#')) {
				b = add_lines(&st, BLOCK_HEADING, i, i + 1);
				b->level = level;
				i++;
				continue;
			}
		}
		/* A paragraph: lines up to a blank line or the start of something else. */
		for (j = i + 1; j < st.n; j++) {
			const char *s2 = skip_blank(st.src + st.lines[j].start, st.src + st.lines[j].end);
			const char *e2 = st.src + st.lines[j].end;
			const char *t2 = skip_emphasis(s2, e2);
			if (line_blank(&st, j) || is_tabular(&st, j) || *s2 == '#' || html_table_line(&st, j) ||
			    caption_label(t2, e2, table_words) || caption_label(t2, e2, figure_words))
				break;
		}
		add_lines(&st, BLOCK_PARAGRAPH, i, j);
		i = j;
	}
	free(st.lines);
	return st.doc;
}

const struct reader reader_text = {
	.name = "text",
	.exts = (const char *const[]){ ".txt", ".md", ".markdown", ".text", NULL },
	.read = ingest_text,
};
