/*
 * document.c: the document model (blocks, tables, source offsets) and
 * the locators that point back into the source.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "document.h"

#include "utf8.h"

static const char *const kind_names[BLOCK_NKINDS] = {
	"heading", "paragraph", "caption", "table", "reference"
};

/* "heading", "paragraph" ... for dumps and tests. */
static const char *block_kind_name(enum block_kind k)
{
	return (unsigned)k < BLOCK_NKINDS ? kind_names[k] : "?";
}

/* The last line:col lookup, so that the next one on the same line counts on. */
struct line_cache {
	int valid;
	size_t off, line_index;
	long col;
};

struct document *document_new(const char *key, const char *name,
			      const char *src, size_t srclen)
{
	struct document *d = xcalloc(1, sizeof(*d));
	d->cache = xcalloc(1, sizeof(*d->cache));
	size_t i, alloc = 0;
	d->key = xstrdup(key ? key : "");
	d->name = xstrdup(name ? name : "");
	if (src) {
		d->src = xmalloc(srclen + 1);
		memcpy(d->src, src, srclen);
		d->src[srclen] = '\0';
		d->srclen = srclen;
		d->line_start = xgrow(NULL, &alloc, 16, sizeof(size_t));
		d->line_start[d->nlines++] = 0;
		for (i = 0; i < srclen; i++) {
			if (src[i] != '\n' || i + 1 >= srclen)
				continue;
			d->line_start = xgrow(d->line_start, &alloc, d->nlines + 1, sizeof(size_t));
			d->line_start[d->nlines++] = i + 1;
		}
	}
	return d;
}

static void table_free(struct table *t)
{
	size_t i;
	if (!t)
		return;
	for (i = 0; i < t->ncells; i++) {
		free(t->cells[i].text);
		free(t->cells[i].locator);
	}
	free(t->cells);
	for (i = 0; i < t->nfootnotes; i++)
		free(t->footnotes[i]);
	free(t->footnotes);
	free(t->row_src_off);
	if (t->row_locator) {
		for (i = 0; i < t->nrows; i++)
			free(t->row_locator[i]);
		free(t->row_locator);
	}
	free(t);
}

void document_free(struct document *d)
{
	size_t i;
	if (!d)
		return;
	for (i = 0; i < d->nblocks; i++) {
		struct block *b = &d->blocks[i];
		free(b->text);
		free(b->map);
		free(b->path);
		free(b->label);
		table_free(b->table);
	}
	free(d->blocks);
	free(d->line_start);
	free(d->page_lines);
	free(d->cache);
	free(d->src);
	free(d->key);
	free(d->name);
	free(d);
}

struct block *document_add_block(struct document *d, enum block_kind kind,
				 const char *text, size_t len, size_t src_off)
{
	struct block *b;
	d->blocks = xgrow(d->blocks, &d->alloc, d->nblocks + 1, sizeof(*d->blocks));
	b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->text = xstrndup(text ? text : "", text ? len : 0);
	b->len = strlen(b->text);
	b->src_off = src_off;
	return b;
}

void block_set_label(struct block *b, const char *label)
{
	free(b->label);
	b->label = label ? xstrdup(label) : NULL;
}

void block_set_path(struct block *b, const char *path)
{
	free(b->path);
	b->path = path ? xstrdup(path) : NULL;
}

struct table *block_new_table(struct block *b)
{
	if (!b->table)
		b->table = xcalloc(1, sizeof(*b->table));
	return b->table;
}

struct cell *table_add_cell(struct table *t, size_t row, size_t col,
			    const char *text, size_t len, size_t src_off)
{
	struct cell *c;
	if (t->ncells && (row < t->cells[t->ncells - 1].row ||
			  (row == t->cells[t->ncells - 1].row && col <= t->cells[t->ncells - 1].col)))
		t->unordered = 1;
	t->cells = xgrow(t->cells, &t->alloc, t->ncells + 1, sizeof(*t->cells));
	c = &t->cells[t->ncells++];
	memset(c, 0, sizeof(*c));
	c->text = xstrndup(text ? text : "", text ? len : 0);
	c->row = row;
	c->col = col;
	c->rowspan = c->colspan = 1;
	c->src_off = src_off;
	if (row + 1 > t->nrows)
		t->nrows = row + 1;
	if (col + 1 > t->ncols)
		t->ncols = col + 1;
	return c;
}

void table_add_footnote(struct table *t, const char *text, size_t len)
{
	t->footnotes = xrealloc(t->footnotes, (t->nfootnotes + 1) * sizeof(char *));
	t->footnotes[t->nfootnotes++] = xstrndup(text, len);
}

void table_set_row_locator(struct table *t, size_t row, const char *locator)
{
	if (row >= t->nrows)
		return;
	if (!t->row_locator)
		t->row_locator = xcalloc(t->nrows, sizeof(char *));
	free(t->row_locator[row]);
	t->row_locator[row] = xstrdup(locator);
}

static int cell_covers(const struct cell *c, size_t row, size_t col)
{
	return row >= c->row && row < c->row + c->rowspan &&
	       col >= c->col && col < c->col + c->colspan;
}

/* First index in cells[lo, hi) at or after (row, col) in row, then column order. */
static size_t cell_lower_bound(const struct table *t, size_t lo, size_t hi, size_t row, size_t col)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct cell *c = &t->cells[mid];
		if (c->row < row || (c->row == row && c->col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Cells come in row, then column order (table_add_cell notes when they do
 * not), so a slot's cell is found by binary search: the cell that starts
 * there, or the one before it in its row spanning right.  A slot they
 * leave empty can only be covered by a cell of an earlier row spanning
 * down: each earlier row is searched the same way, nearest first.  A
 * lookup costs a logarithm per row it looks back, so reading a table cell
 * by cell stays near linear in its size whatever its width.
 */
static int cmp_cell_pos(const void *a, const void *b)
{
	const struct cell *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

void table_index(struct table *t)
{
	size_t i;
	if (t->unordered)
		qsort(t->cells, t->ncells, sizeof(*t->cells), cmp_cell_pos);
	t->unordered = 0;
	t->max_rowspan = 1;
	for (i = 0; i < t->ncells; i++) {
		if (i && cmp_cell_pos(&t->cells[i - 1], &t->cells[i]) == 0)
			t->unordered = 1;   /* two cells in one slot: keep the plain scan */
		if (t->cells[i].rowspan > t->max_rowspan)
			t->max_rowspan = t->cells[i].rowspan;
	}
}

const struct cell *table_cell_at(const struct table *t, size_t row, size_t col)
{
	size_t i, r = row, hi = t->ncells;

	if (t->unordered) {
		for (i = 0; i < t->ncells; i++)
			if (cell_covers(&t->cells[i], row, col))
				return &t->cells[i];
		return NULL;
	}
	for (;;) {
		/* the last cell of row r at or left of col: the only one there that may cover */
		i = cell_lower_bound(t, 0, hi, r, col + 1);
		if (i == 0)
			return NULL;
		if (t->cells[i - 1].row == r && cell_covers(&t->cells[i - 1], row, col))
			return &t->cells[i - 1];
		/* rows above without a cell left of col cover nothing: skip to the nearest */
		r = t->cells[i - 1].row < r ? t->cells[i - 1].row : r - 1;
		/* no cell starts far enough above to reach down here (once indexed) */
		if (r == (size_t)-1 || (t->max_rowspan && row - r >= t->max_rowspan))
			return NULL;
		hi = t->cells[i - 1].row > r ? i - 1 : i;
	}
}

size_t table_row_width(const struct table *t, size_t row)
{
	size_t i;
	if (t->unordered || t->max_rowspan != 1)
		return t->ncols;
	i = cell_lower_bound(t, 0, t->ncells, row + 1, 0);
	if (i == 0 || t->cells[i - 1].row != row)
		return 0;
	return t->cells[i - 1].col + t->cells[i - 1].colspan;
}

void document_line_col(const struct document *d, size_t off, long *line, long *col)
{
	size_t lo = 0, hi = d->nlines;
	struct line_cache *lc = d->cache;
	if (!d->nlines || off == DOC_NO_OFFSET) {
		*line = 0;
		*col = 0;
		return;
	}
	if (off > d->srclen)
		off = d->srclen;
	/* counting on from the last lookup keeps long lines linear */
	if (lc->valid && off >= lc->off &&
	    (lc->line_index + 1 >= d->nlines || off < d->line_start[lc->line_index + 1])) {
		lc->col += (long)utf8_count(d->src + lc->off, off - lc->off);
		lc->off = off;
		*line = (long)lc->line_index + 1;
		*col = lc->col;
		return;
	}
	/* The last line start <= off. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->line_start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (long)lo + 1;
	*col = (long)utf8_count(d->src + d->line_start[lo], off - d->line_start[lo]) + 1;
	lc->valid = 1;
	lc->off = off;
	lc->line_index = lo;
	lc->col = *col;
}

void document_set_page_lines(struct document *d, struct page_line *lines, size_t n)
{
	free(d->page_lines);
	d->page_lines = lines;
	d->npage_lines = n;
}

/* "p3:L12": the page line holding source offset off. */
static int add_page_line(const struct document *d, size_t off, struct buf *out)
{
	size_t lo = 0, hi = d->npage_lines;
	if (!d->npage_lines || off == DOC_NO_OFFSET || off < d->page_lines[0].off)
		return 0;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->page_lines[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	buf_printf(out, "p%u:L%u", d->page_lines[lo].page, d->page_lines[lo].line);
	return 1;
}

static size_t block_src_off(const struct block *b, size_t off)
{
	if (off > b->len)
		off = b->len;
	if (b->map)
		return b->map[off];
	if (b->src_off == DOC_NO_OFFSET)
		return DOC_NO_OFFSET;
	return b->src_off + off;
}

void document_locate(const struct document *d, const struct block *b, size_t off,
		     int with_col, struct buf *out)
{
	size_t so;
	long line, col;
	if (b->path) {
		buf_addstr(out, b->path);
		return;
	}
	so = block_src_off(b, off);
	if (so == DOC_NO_OFFSET || !d->src) {
		buf_printf(out, "B%zu", (size_t)(b - d->blocks) + 1);
		return;
	}
	if (add_page_line(d, so, out))
		return;
	document_line_col(d, so, &line, &col);
	if (with_col)
		buf_printf(out, "L%ld:C%ld", line, col);
	else
		buf_printf(out, "L%ld", line);
}

void document_row_locate(const struct document *d, const struct block *b, size_t row,
			 struct buf *out)
{
	const struct table *t = b->table;
	long line, col;
	if (t && t->row_locator && row < t->nrows && t->row_locator[row]) {
		buf_addstr(out, t->row_locator[row]);
		return;
	}
	if (t && t->row_src_off && row < t->nrows && t->row_src_off[row] != DOC_NO_OFFSET &&
	    d->src) {
		if (add_page_line(d, t->row_src_off[row], out))
			return;
		document_line_col(d, t->row_src_off[row], &line, &col);
		buf_printf(out, "L%ld", line);
		return;
	}
	document_locate(d, b, 0, 0, out);
}

/* Up to max bytes of s on one line, cut at a character boundary. */
static void add_excerpt(struct buf *out, const char *s, size_t max)
{
	size_t i = 0;
	while (s[i] && i < max) {
		size_t n = 1;
		uint32_t cp;
		if ((unsigned char)s[i] >= 0x80) {
			n = utf8_decode(s + i, strlen(s + i), &cp);
			if (!n)
				n = 1;
			if (i + n > max)
				break;
		}
		if (s[i] == '\n' || s[i] == '\t' || s[i] == '\r')
			buf_addch(out, ' ');
		else
			buf_add(out, s + i, n);
		i += n;
	}
	if (s[i])
		buf_addstr(out, "...");
}

void document_dump(const struct document *d, struct buf *out)
{
	size_t i, j;
	for (i = 0; i < d->nblocks; i++) {
		const struct block *b = &d->blocks[i];
		buf_printf(out, "%s ", block_kind_name(b->kind));
		document_locate(d, b, 0, 0, out);
		if (b->label)
			buf_printf(out, " [%s]", b->label);
		if (b->level)
			buf_printf(out, " level=%d", b->level);
		buf_addstr(out, ": ");
		add_excerpt(out, b->text, 60);
		buf_addch(out, '\n');
		if (!b->table)
			continue;
		buf_printf(out, "  %zu rows x %zu cols, %zu header row%s\n", b->table->nrows,
			   b->table->ncols, b->table->nheader, b->table->nheader == 1 ? "" : "s");
		for (j = 0; j < b->table->ncells; j++) {
			const struct cell *c = &b->table->cells[j];
			buf_printf(out, "  r%zu c%zu", c->row, c->col);
			if (c->rowspan > 1)
				buf_printf(out, " rowspan=%zu", c->rowspan);
			if (c->colspan > 1)
				buf_printf(out, " colspan=%zu", c->colspan);
			buf_addstr(out, ": ");
			add_excerpt(out, c->text, 40);
			buf_addch(out, '\n');
		}
		for (j = 0; j < b->table->nfootnotes; j++) {
			buf_addstr(out, "  footnote: ");
			add_excerpt(out, b->table->footnotes[j], 60);
			buf_addch(out, '\n');
		}
	}
}
