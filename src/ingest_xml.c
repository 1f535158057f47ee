/*
 * ingest_xml.c: the XML reader.  Turns a JATS or Elsevier full-text paper
 * into the same document the text reader makes of its PDF text: headings,
 * paragraphs, figure captions, tables (HTML or CALS model, spans kept),
 * and the entries of the reference list.
 *
 * Inline markup is folded the way the normalizer folds Unicode, so that
 * the extractor sees one form whatever the source:
 *   NH<sub>3</sub> -> NH3, MoH<sub>x</sub> -> MoHx, g<sub>cat</sub> -> g_cat,
 *   h<sup>−1</sup> -> h^-1, 10<sup>−3</sup> -> 10^-3,
 *   <sup><xref ref-type="bibr" rid="cit95">95</xref></sup> -> [cite:95],
 *   xrefs 81, 82 -> [cite:81,82], 81–83 -> [cite:81-83];
 * italic, bold and the like are dropped, MathML is read as text with the
 * same sub/superscript rules.  A table cell holding nothing but citations
 * gives their numbers ("48"), as the rendered table shows them.
 *
 * Locators are paths: blocks get the XPath of their element
 * ("/article/body/sec[3]/p[2]"); table rows "tableN/rR" and cells
 * "tableN/rR/cC" (N counts tables in the document, R and C count rows and
 * columns of the table grid from 1, header rows included).
 *
 * References keep the shape of a typeset list ("A. B, C. D and E. F,
 * Title, *Journal*, 2020, **10**, 1-9.") followed by "doi:..." when the
 * citation names a DOI, so that one reference parser serves both readers.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ingest.h"

#include "xmlsafe.h"
#include "xmlvocab.h"

/*
 * Columns beyond this are dropped and column spans clamped, so that a
 * hostile colspan allocates nothing; row spans stop at the last row of
 * their row group.
 */
#define MAX_TABLE_COLS 512

struct refid {
	char *id;
	char *num;      /* label number as text ("95"), or the ordinal */
	size_t order;   /* position in the reference list */
};

/* An element's place among same-named siblings: "[idx]" when total > 1. */
struct sib {
	size_t idx, total;
};

struct xr {
	struct document *doc;
	enum xml_vocab vocab;
	const char *name;
	struct refid *refs;
	size_t nrefs, refs_alloc;
	size_t ntables;
	const xmlNode *float_el;   /* the table float whose cells are being read */
	struct sib *sibs;          /* per element (via _private): its XPath index */
	size_t nsibs, sibs_alloc;
	struct diag *d;
	size_t wide_table;         /* the last table said to be too wide */
};

/* --- small helpers --------------------------------------------------- */

static int name_in(const xmlNode *n, const char *const *names)
{
	size_t i;
	if (!n || n->type != XML_ELEMENT_NODE)
		return 0;
	for (i = 0; names[i]; i++)
		if (xml_is(n, names[i]))
			return 1;
	return 0;
}

/* Append s with runs of white space as one space, no space at the start. */
static void add_spaced(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			if (out->len && out->data[out->len - 1] != ' ')
				buf_addch(out, ' ');
		} else {
			buf_addch(out, *s);
		}
	}
}

/* Remove trailing spaces of out. */
static void rtrim(struct buf *out)
{
	while (out->len && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
}

static size_t str_hash(const char *s, size_t h)
{
	while (*s)
		h = h * 31 + (unsigned char)*s++;
	return h;
}

/*
 * Give every element below n its XPath index among same-named siblings,
 * in one pass per parent (a hash of names), so that a path costs its
 * depth and not its siblings: a paper of 100,000 paragraphs stays linear.
 */
static void index_siblings(struct xr *x, xmlNode *n)
{
	xmlNode *c;
	size_t count = 0, size, i, *slot_of;
	struct slot {
		const char *name, *ns;
		size_t count;
	} *slots;
	for (c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			count++;
	if (!count)
		return;
	for (size = 16; size < 2 * count; size *= 2)
		;
	slots = xcalloc(size, sizeof(*slots));
	slot_of = xmalloc(count * sizeof(size_t));
	for (c = n->children, i = 0; c; c = c->next) {
		const char *name = (const char *)c->name, *ns = xml_ns(c);
		size_t h;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		h = str_hash(ns, str_hash(name, 5381)) & (size - 1);
		while (slots[h].name && (strcmp(slots[h].name, name) || strcmp(slots[h].ns, ns)))
			h = (h + 1) & (size - 1);
		slots[h].name = name;
		slots[h].ns = ns;
		slots[h].count++;
		x->sibs = xgrow(x->sibs, &x->sibs_alloc, x->nsibs + 1, sizeof(*x->sibs));
		x->sibs[x->nsibs].idx = slots[h].count;
		c->_private = (void *)(x->nsibs + 1);
		x->nsibs++;
		slot_of[i++] = h;
	}
	for (c = n->children, i = 0; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		x->sibs[(size_t)c->_private - 1].total = slots[slot_of[i++]].count;
		index_siblings(x, c);
	}
	free(slots);
	free(slot_of);
}

static void node_path(const struct xr *x, const xmlNode *n, struct buf *out)
{
	const struct sib *sb;
	if (!n || n->type != XML_ELEMENT_NODE)
		return;
	node_path(x, n->parent, out);
	buf_addch(out, '/');
	if (n->ns && n->ns->prefix)
		buf_printf(out, "%s:", (const char *)n->ns->prefix);
	buf_addstr(out, (const char *)n->name);
	if (!n->_private)
		return;   /* the root element */
	sb = &x->sibs[(size_t)n->_private - 1];
	if (sb->total > 1)
		buf_printf(out, "[%zu]", sb->idx);
}

/* The decimal number in a label such as "[19]", "19.", "Ref. 19"; else "". */
static void label_number(const char *s, struct buf *out)
{
	const char *p = s;
	while (*p && !(*p >= '0' && *p <= '9'))
		p++;
	while (*p >= '0' && *p <= '9')
		buf_addch(out, *p++);
}

static int refid_cmp(const void *a, const void *b)
{
	const struct refid *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The number of reference id (the first reference with that id), or NULL. */
static const char *ref_num(const struct xr *x, const char *id)
{
	size_t lo = 0, hi = x->nrefs;
	if (!id)
		return NULL;
	/* Lower bound: the first entry whose id is not less than id. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(x->refs[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->nrefs && strcmp(x->refs[lo].id, id) == 0)
		return x->refs[lo].num;
	return NULL;
}

/* --- inline text ------------------------------------------------------ */

enum inline_mode {
	IN_TEXT,     /* running text */
	IN_REF       /* a reference: source and volume marked as typeset */
};

static void inline_children(struct xr *x, const xmlNode *n, enum inline_mode m, struct buf *out);

/* Block-like elements met inside inline text: a space on each side. */
static const char *const spaced_inline[] = {
	"label", "p", "title", "simple-para", "note-para", "para", "caption", "list-item",
	"def", "term", NULL
};
static const char *const skip_inline[] = {
	"graphic", "inline-graphic", "tex-math", "annotation", "annotation-xml", "fn",
	"table-wrap", "fig", "list", "disp-quote", "boxed-text", "table", "alt-text",
	"object-id", "et-al", "media", "inline-supplementary-material", "display", NULL
};

/* Characters a subscript can hold and still read as a count: Co1, MoHx, Ru3.0. */
static int count_like(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!strchr("0123456789.+-xyznm", *s))
			return 0;
	return 1;
}

/* Fold Unicode minus and dashes to '-' (in exponents and citation lists). */
static void add_dashfold(struct buf *out, const char *s)
{
	while (*s) {
		const unsigned char *u = (const unsigned char *)s;
		if (u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92) {          /* U+2212 */
			buf_addch(out, '-');
			s += 3;
		} else if (u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x95) {
			buf_addch(out, '-');                                  /* U+2010..2015 */
			s += 3;
		} else if (*s == ' ') {
			s++;
		} else {
			buf_addch(out, *s++);
		}
	}
}

static void add_sub(struct buf *out, const char *s)
{
	struct buf t = BUF_INIT;
	add_dashfold(&t, s);
	if (!t.len) {
		buf_release(&t);
		return;
	}
	if (!count_like(buf_str(&t)))
		buf_addch(out, '_');
	buf_addstr(out, buf_str(&t));
	buf_release(&t);
}

static void add_sup(struct buf *out, const char *s)
{
	struct buf t = BUF_INIT;
	add_dashfold(&t, s);
	if (t.len) {
		buf_addch(out, '^');
		buf_addstr(out, buf_str(&t));
	}
	buf_release(&t);
}

/* The node is a citation of the reference list. */
static int is_bib_xref(const struct xr *x, const xmlNode *n)
{
	const char *type, *rid;
	if (!xml_is(n, "xref") && !xml_is(n, "cross-ref") && !xml_is(n, "cross-refs"))
		return 0;
	type = xml_attr(n, "ref-type");
	if (type)
		return strcmp(type, "bibr") == 0;
	rid = xml_attr(n, "rid");
	if (!rid)
		rid = xml_attr(n, "refid");
	if (!rid)
		return 0;
	{
		/* cross-refs: "bib1 bib2"; the first id decides. */
		struct buf first = BUF_INIT;
		const char *p = rid;
		int yes;
		while (*p && *p != ' ')
			buf_addch(&first, *p++);
		yes = ref_num(x, buf_str(&first)) != NULL;
		buf_release(&first);
		return yes;
	}
}

/* Text between two citations that keeps them in one group: ",", "–", spaces. */
static int cite_separator(const xmlNode *n, int *dash /* OUT */)
{
	const char *s;
	*dash = 0;
	if (n->type != XML_TEXT_NODE)
		return 0;
	for (s = (const char *)n->content; s && *s;) {
		const unsigned char *u = (const unsigned char *)s;
		if (*s == ',' || *s == ' ' || *s == '\n' || *s == '\t' || *s == ';') {
			s++;
		} else if (*s == '-') {
			*dash = 1;
			s++;
		} else if (u[0] == 0xE2 && ((u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x95) ||
					    (u[1] == 0x88 && u[2] == 0x92))) {
			*dash = 1;
			s += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

/* Length of a dash (ASCII '-', U+2010..2015, U+2212) at s, or 0. */
static size_t dash_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (*s == '-')
		return 1;
	if (u[0] == 0xE2 && ((u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x95) ||
			     (u[1] == 0x88 && u[2] == 0x92)))
		return 3;
	return 0;
}

/*
 * The numbers one citation element cites, appended to out: "95", "81,82",
 * "4-6" from its visible text when that is numbers only ("[12]", "4–6"),
 * else from the labels of the references its ids point to.  Returns 1
 * when the visible text is words (author-year styles), which the caller
 * then keeps.
 */
static int xref_numbers(const struct xr *x, const xmlNode *n, struct buf *out)
{
	const char *rid = xml_attr(n, "rid");
	struct buf text = BUF_INIT, num = BUF_INIT;
	const char *p;
	int ok = 1, any = 0, words = 0;
	if (!rid)
		rid = xml_attr(n, "refid");
	xml_text(n, &text);
	for (p = buf_str(&text); *p;) {
		size_t dl = dash_len(p);
		if (*p >= '0' && *p <= '9') {
			any = 1;
			p++;
		} else if (dl) {
			p += dl;
		} else if (strchr("[](), ;\n\t", *p)) {
			p++;
		} else {
			ok = 0;
			words = 1;
			break;
		}
	}
	if (ok && any) {
		char sep = 0;
		for (p = buf_str(&text); *p;) {
			size_t dl = dash_len(p);
			if (*p >= '0' && *p <= '9') {
				if (sep && num.len)
					buf_addch(&num, sep);
				sep = 0;
				buf_addch(&num, *p++);
			} else if (dl) {
				sep = '-';
				p += dl;
			} else {
				if (sep != '-')
					sep = ',';
				p++;
			}
		}
	}
	if (!num.len && rid) {
		/* Otherwise the labels of the ids it points to. */
		p = rid;
		while (*p) {
			struct buf id = BUF_INIT;
			const char *v;
			while (*p == ' ')
				p++;
			while (*p && *p != ' ')
				buf_addch(&id, *p++);
			v = ref_num(x, buf_str(&id));
			if (v && *v) {
				if (num.len)
					buf_addch(&num, ',');
				buf_addstr(&num, v);
			}
			buf_release(&id);
		}
	}
	buf_addstr(out, buf_str(&num));
	buf_release(&text);
	buf_release(&num);
	return words;
}

/*
 * A run of citation elements starting at n (with separators between
 * them) as one "[cite:...]" marker; returns the last node consumed.
 */
static const xmlNode *cite_group(struct xr *x, const xmlNode *n, struct buf *out)
{
	struct buf nums = BUF_INIT, words = BUF_INIT;
	const xmlNode *last = n, *c;
	if (xref_numbers(x, n, &nums))
		xml_text(n, &words);
	for (c = n->next; c; c = c->next) {
		int d = 0;
		const xmlNode *after;
		if (c->type == XML_COMMENT_NODE)
			continue;
		if (!cite_separator(c, &d))
			break;
		after = c->next;
		while (after && after->type == XML_COMMENT_NODE)
			after = after->next;
		if (!after || !is_bib_xref(x, after) || words.len)
			break;
		{
			struct buf more = BUF_INIT;
			int w = xref_numbers(x, after, &more);
			if (!w && more.len) {
				buf_addch(&nums, d ? '-' : ',');
				buf_addstr(&nums, buf_str(&more));
			}
			if (w || !more.len) {
				buf_release(&more);
				break;
			}
			buf_release(&more);
		}
		last = after;
		c = after;
	}
	/* Author-year citations keep their words, the marker follows them. */
	if (words.len) {
		add_spaced(out, buf_str(&words));
		if (nums.len)
			buf_addch(out, ' ');
	}
	if (nums.len) {
		buf_addstr(out, "[cite:");
		buf_addstr(out, buf_str(&nums));
		buf_addch(out, ']');
	} else if (!words.len) {
		struct buf t = BUF_INIT;
		xml_text(n, &t);
		add_spaced(out, buf_str(&t));
		buf_release(&t);
	}
	buf_release(&nums);
	buf_release(&words);
	return last;
}

/* A superscript holding only citations (and separators). */
static int sup_is_citation(const struct xr *x, const xmlNode *sup)
{
	const xmlNode *c;
	int any = 0, dash;
	for (c = sup->children; c; c = c->next) {
		if (c->type == XML_COMMENT_NODE)
			continue;
		if (is_bib_xref(x, c)) {
			any = 1;
			continue;
		}
		if (!cite_separator(c, &dash))
			return 0;
	}
	return any;
}

/* The footnotes of a table float (JATS fn, Elsevier table-footnote), in order. */
static const xmlNode *next_footnote(const xmlNode *wrap, const xmlNode *after)
{
	const xmlNode *c, *f;
	int seen = after == NULL;
	for (c = wrap->children; c; c = c->next) {
		if (xml_is(c, "table-footnote")) {
			if (seen)
				return c;
			seen = c == after;
		} else if (xml_is(c, "table-wrap-foot")) {
			for (f = c->children; f; f = f->next) {
				const xmlNode *fn = f, *g;
				if (xml_is(f, "fn-group")) {
					for (g = f->children; g; g = g->next)
						if (xml_is(g, "fn")) {
							if (seen)
								return g;
							seen = g == after;
						}
					continue;
				}
				if (!xml_is(fn, "fn"))
					continue;
				if (seen)
					return fn;
				seen = fn == after;
			}
		}
	}
	return NULL;
}

/* Footnotes looked at when telling marks: more is not a real table. */
#define MAX_FN_MARKS 64

/*
 * A footnote mark in a table cell: a link to a footnote (JATS xref of
 * type table-fn or fn, Elsevier cross-ref to a table-footnote), or a
 * superscript that is one of the table's footnote labels.  Marks are left
 * out of the cell text, so that "0.052<sup>a</sup>" reads as a number and
 * names stay clean; the footnotes themselves are kept with the table.
 */
static int is_fn_mark(const struct xr *x, const xmlNode *n)
{
	const char *type = xml_attr(n, "ref-type");
	const xmlNode *fn;
	struct buf t = BUF_INIT;
	int yes = 0, k = 0;
	if (xml_is(n, "xref") && type && (str_eq(type, "table-fn") || str_eq(type, "fn")))
		return 1;
	if (!x->float_el)
		return 0;
	if (xml_is(n, "cross-ref") && xml_attr(n, "refid")) {
		for (fn = next_footnote(x->float_el, NULL); fn && k++ < MAX_FN_MARKS;
		     fn = next_footnote(x->float_el, fn))
			if (xml_attr(fn, "id") && str_eq(xml_attr(fn, "id"), xml_attr(n, "refid")))
				return 1;
		return 0;
	}
	if (!xml_is(n, "sup"))
		return 0;
	xml_text(n, &t);
	if (t.len) {
		str_trim(t.data);
		for (fn = next_footnote(x->float_el, NULL); fn && !yes && k++ < MAX_FN_MARKS;
		     fn = next_footnote(x->float_el, fn)) {
			const xmlNode *lab = xml_child(fn, "label");
			struct buf l = BUF_INIT;
			if (lab)
				xml_text(lab, &l);
			if (l.len && str_eq(str_trim(l.data), t.data))
				yes = 1;
			buf_release(&l);
		}
	}
	buf_release(&t);
	return yes;
}

static void inline_node(struct xr *x, const xmlNode *n, enum inline_mode m, struct buf *out)
{
	struct buf t = BUF_INIT;
	const xmlNode *c;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		add_spaced(out, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || name_in(n, skip_inline) || is_fn_mark(x, n))
		return;
	if (xml_is(n, "sub") || xml_is(n, "inf")) {
		inline_children(x, n, m, &t);
		add_sub(out, buf_str(&t));
	} else if (xml_is(n, "sup")) {
		if (sup_is_citation(x, n)) {
			for (c = n->children; c; c = c->next)
				if (is_bib_xref(x, c)) {
					cite_group(x, c, out);
					break;
				}
		} else {
			inline_children(x, n, m, &t);
			add_sup(out, buf_str(&t));
		}
	} else if (xml_is(n, "msub") || xml_is(n, "msup") || xml_is(n, "msubsup")) {
		/* MathML: base, then subscript and/or superscript. */
		const xmlNode *parts[3] = { NULL, NULL, NULL };
		size_t k = 0;
		for (c = n->children; c && k < 3; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				parts[k++] = c;
		if (parts[0])
			inline_node(x, parts[0], m, out);
		if (parts[1]) {
			inline_node(x, parts[1], m, &t);
			if (xml_is(n, "msup"))
				add_sup(out, buf_str(&t));
			else
				add_sub(out, buf_str(&t));
			buf_reset(&t);
		}
		if (parts[2]) {
			inline_node(x, parts[2], m, &t);
			add_sup(out, buf_str(&t));
		}
	} else if (xml_is(n, "mfrac")) {
		size_t k = 0;
		for (c = n->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE) {
				if (k++)
					buf_addch(out, '/');
				inline_node(x, c, m, out);
			}
	} else if (xml_is(n, "alternatives")) {
		/* One rendering only: MathML, else the first usable child. */
		const xmlNode *pick = xml_child(n, "math");
		if (pick)
			inline_node(x, pick, m, out);
		else
			inline_children(x, n, m, out);
	} else if (is_bib_xref(x, n)) {
		cite_group(x, n, out);
	} else if (name_in(n, spaced_inline)) {
		if (out->len && out->data[out->len - 1] != ' ')
			buf_addch(out, ' ');
		inline_children(x, n, m, out);
		if (out->len && out->data[out->len - 1] != ' ')
			buf_addch(out, ' ');
	} else if (xml_is(n, "break") || xml_is(n, "br") || xml_is(n, "vsp")) {
		if (out->len && out->data[out->len - 1] != ' ')
			buf_addch(out, ' ');
	} else if (m == IN_REF && xml_is(n, "source")) {
		inline_children(x, n, m, &t);
		buf_printf(out, "*%s*", buf_str(&t));
	} else if (m == IN_REF && xml_is(n, "volume")) {
		inline_children(x, n, m, &t);
		buf_printf(out, "**%s**", buf_str(&t));
	} else {
		/* Anything else (italic, xref to a figure ...) is its text. */
		inline_children(x, n, m, out);
	}
	buf_release(&t);
}

static void inline_children(struct xr *x, const xmlNode *n, enum inline_mode m, struct buf *out)
{
	const xmlNode *c;
	int skip_close = 0;
	for (c = n->children; c; c = c->next) {
		if (is_bib_xref(x, c)) {
			/* "[<xref>1</xref>]": the brackets go, the marker has its own. */
			size_t at = out->len;
			int open = at && out->data[at - 1] == '[';
			const xmlNode *last = cite_group(x, c, out), *nx = last->next;
			if (open && nx && nx->type == XML_TEXT_NODE && nx->content &&
			    nx->content[0] == ']' && str_startswith(out->data + at, "[cite:")) {
				memmove(out->data + at - 1, out->data + at, out->len - at + 1);
				out->len--;
				skip_close = 1;
			}
			c = last;
			continue;
		}
		if (skip_close && c->type == XML_TEXT_NODE) {
			add_spaced(out, (const char *)c->content + 1);
			skip_close = 0;
			continue;
		}
		inline_node(x, c, m, out);
	}
}

/* The folded text of an element, trimmed. */
static void inline_text(struct xr *x, const xmlNode *n, struct buf *out)
{
	size_t start = out->len;
	inline_children(x, n, IN_TEXT, out);
	rtrim(out);
	if (out->len > start && out->data[start] == ' ') {
		memmove(out->data + start, out->data + start + 1, out->len - start);
		out->len--;
	}
}

/* --- blocks ----------------------------------------------------------- */

static struct block *add_block(struct xr *x, enum block_kind k, const xmlNode *n,
			       const char *text, const char *label)
{
	struct buf path = BUF_INIT;
	struct block *b = document_add_block(x->doc, k, text, strlen(text), DOC_NO_OFFSET);
	node_path(x, n, &path);
	block_set_path(b, buf_str(&path));
	if (label && *label)
		block_set_label(b, label);
	buf_release(&path);
	return b;
}

/* "Table 1" + " " + caption title and paragraphs. */
static void caption_text(struct xr *x, const xmlNode *float_el, struct buf *label,
			 struct buf *out)
{
	const xmlNode *lab = xml_child(float_el, "label");
	const xmlNode *cap = xml_child(float_el, "caption");
	const xmlNode *c;
	if (lab)
		inline_text(x, lab, label);
	buf_addstr(out, buf_str(label));
	if (!cap)
		return;
	for (c = cap->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (out->len)
			buf_addch(out, ' ');
		inline_text(x, c, out);
	}
	/* A caption without inner elements (Elsevier simple captions). */
	if (!xml_child(cap, "p") && !xml_child(cap, "title") && !xml_child(cap, "simple-para")) {
		if (out->len)
			buf_addch(out, ' ');
		inline_text(x, cap, out);
	}
}

/* --- tables ----------------------------------------------------------- */

struct grid {
	size_t *busy;      /* busy[col]: first row free again in that column */
	size_t ncols;
	size_t row;        /* the row being filled */
	size_t th_rows;    /* leading rows made only of <th> cells */
	int th_done;       /* a row with a <td> (or none) came */
};

static size_t grid_next_free(struct grid *g, size_t col)
{
	while (col < g->ncols && g->busy[col] > g->row)
		col++;
	return col;
}

static void grid_take(struct grid *g, size_t col, size_t cs, size_t rs)
{
	size_t i;
	if (col + cs > g->ncols) {
		size_t old = g->ncols, alloc = g->ncols;
		g->busy = xgrow(g->busy, &alloc, col + cs, sizeof(size_t));
		for (i = old; i < col + cs; i++)
			g->busy[i] = 0;
		g->ncols = col + cs;
	}
	for (i = col; i < col + cs; i++)
		g->busy[i] = g->row + rs;
}

static size_t parse_count(const char *s, size_t dflt, size_t max)
{
	double v;
	if (!s || num_parse(s, &v) < 0 || v < 1)
		return dflt;
	if (v > (double)max)
		return max;
	return (size_t)v;
}

/* The text of a cell; a cell of nothing but citations gives their numbers. */
static void cell_text(struct xr *x, const xmlNode *n, struct buf *out)
{
	inline_text(x, n, out);
	if (str_startswith(buf_str(out), "[cite:") && out->len > 7 &&
	    out->data[out->len - 1] == ']' && !strchr(out->data + 1, '[')) {
		memmove(out->data, out->data + 6, out->len - 6);
		out->len -= 7;
		out->data[out->len] = '\0';
	}
}

static void add_cell(struct xr *x, struct table *t, struct grid *g, const xmlNode *n,
		     size_t col, size_t cs, size_t rs)
{
	struct buf text = BUF_INIT, loc = BUF_INIT;
	struct cell *c;
	cell_text(x, n, &text);
	c = table_add_cell(t, g->row, col, buf_str(&text), text.len, DOC_NO_OFFSET);
	c->rowspan = rs;
	c->colspan = cs;
	if (col + cs > t->ncols)
		t->ncols = col + cs;
	if (g->row + rs > t->nrows)
		t->nrows = g->row + rs;
	buf_printf(&loc, "table%zu/r%zu/c%zu", x->ntables, g->row + 1, col + 1);
	c->locator = buf_detach(&loc, NULL);
	grid_take(g, col, cs, rs);
	buf_release(&text);
}

/* Rows left in a row group from row element r on, r included. */
static size_t rows_from(const xmlNode *r, const char *rowname)
{
	size_t n = 0;
	for (; r; r = r->next)
		if (xml_is(r, rowname))
			n++;
	return n;
}

/* Cells past the last column read: said once per table, never silently. */
static void too_wide(struct xr *x, const xmlNode *cell)
{
	if (x->wide_table == x->ntables)
		return;
	x->wide_table = x->ntables;
	diag_emit(x->d, x->name, xmlGetLineNo(cell), 0, DIAG_WARNING, "xml-table",
		  "table %zu has more than %d columns; cells past column %d are not read",
		  x->ntables, MAX_TABLE_COLS, MAX_TABLE_COLS);
}

/* One <tr>; left counts the rows of its group from this one on. */
static void html_row(struct xr *x, struct table *t, struct grid *g, const xmlNode *r, size_t left)
{
	const xmlNode *c;
	size_t col = 0;
	int all_th = 1, any = 0;
	for (c = r->children; c; c = c->next) {
		size_t cs, rs;
		if (!xml_is(c, "td") && !xml_is(c, "th"))
			continue;
		any = 1;
		if (xml_is(c, "td"))
			all_th = 0;
		col = grid_next_free(g, col);
		if (col >= MAX_TABLE_COLS) {
			too_wide(x, c);
			break;
		}
		cs = parse_count(xml_attr(c, "colspan"), 1, MAX_TABLE_COLS - col);
		rs = parse_count(xml_attr(c, "rowspan"), 1, left);
		add_cell(x, t, g, c, col, cs, rs);
		col += cs;
	}
	if (!g->th_done && any && all_th)
		g->th_rows = g->row + 1;
	else
		g->th_done = 1;
	/* An empty row still counts. */
	if (g->row + 1 > t->nrows)
		t->nrows = g->row + 1;
	g->row++;
}

static void html_rows(struct xr *x, struct table *t, struct grid *g, const xmlNode *group)
{
	const xmlNode *r;
	size_t left = group->children ? rows_from(group->children, "tr") : 0;
	for (r = group->children; r; r = r->next)
		if (xml_is(r, "tr"))
			html_row(x, t, g, r, left--);
}

struct colspecs {
	char **names;
	size_t *nums;
	size_t n, alloc;
	char **span_names, **span_st, **span_end;
	size_t nspans, span_alloc;
};

static void colspecs_release(struct colspecs *cs)
{
	size_t i;
	for (i = 0; i < cs->n; i++)
		free(cs->names[i]);
	for (i = 0; i < cs->nspans; i++) {
		free(cs->span_names[i]);
		free(cs->span_st[i]);
		free(cs->span_end[i]);
	}
	free(cs->names);
	free(cs->nums);
	free(cs->span_names);
	free(cs->span_st);
	free(cs->span_end);
}

/* Column (0-based) of a colspec name, or -1. */
static long colspec_col(const struct colspecs *cs, const char *name)
{
	size_t i;
	if (!name)
		return -1;
	for (i = 0; i < cs->n; i++)
		if (strcmp(cs->names[i], name) == 0)
			return (long)cs->nums[i];
	return -1;
}

static void read_colspecs(const xmlNode *tgroup, struct colspecs *cs)
{
	const xmlNode *c;
	size_t next = 0;
	memset(cs, 0, sizeof(*cs));
	for (c = tgroup->children; c; c = c->next) {
		if (xml_is(c, "colspec")) {
			const char *name = xml_attr(c, "colname");
			size_t num = parse_count(xml_attr(c, "colnum"), next + 1, MAX_TABLE_COLS) - 1;
			next = num + 1;
			if (!name || cs->n >= MAX_TABLE_COLS)
				continue;
			cs->names = xgrow(cs->names, &cs->alloc, cs->n + 1, sizeof(char *));
			{
				size_t a = cs->n;
				cs->nums = xrealloc(cs->nums, (a + 1) * sizeof(size_t));
			}
			cs->names[cs->n] = xstrdup(name);
			cs->nums[cs->n++] = num;
		} else if (xml_is(c, "spanspec")) {
			const char *sn = xml_attr(c, "spanname");
			const char *st = xml_attr(c, "namest"), *en = xml_attr(c, "nameend");
			size_t k = cs->nspans;
			if (!sn || !st || !en || k >= MAX_TABLE_COLS)
				continue;
			cs->span_names = xgrow(cs->span_names, &cs->span_alloc, k + 1, sizeof(char *));
			cs->span_st = xrealloc(cs->span_st, (k + 1) * sizeof(char *));
			cs->span_end = xrealloc(cs->span_end, (k + 1) * sizeof(char *));
			cs->span_names[k] = xstrdup(sn);
			cs->span_st[k] = xstrdup(st);
			cs->span_end[k] = xstrdup(en);
			cs->nspans++;
		}
	}
}

static void cals_rows(struct xr *x, struct table *t, struct grid *g, const xmlNode *group,
		      const struct colspecs *cs)
{
	const xmlNode *r, *e;
	size_t left = group->children ? rows_from(group->children, "row") + 1 : 0;
	for (r = group->children; r; r = r->next) {
		size_t col = 0;
		if (!xml_is(r, "row"))
			continue;
		left--;
		for (e = r->children; e; e = e->next) {
			const char *st, *en, *sp;
			long a = -1, b = -1;
			size_t cs_n = 1, rs;
			size_t k;
			if (!xml_is(e, "entry") && !xml_is(e, "entrytbl"))
				continue;
			st = xml_attr(e, "namest");
			en = xml_attr(e, "nameend");
			sp = xml_attr(e, "spanname");
			for (k = 0; sp && k < cs->nspans; k++)
				if (strcmp(cs->span_names[k], sp) == 0) {
					st = cs->span_st[k];
					en = cs->span_end[k];
				}
			if (st) {
				a = colspec_col(cs, st);
				b = colspec_col(cs, en);
			} else {
				a = colspec_col(cs, xml_attr(e, "colname"));
			}
			if (a >= 0)
				col = (size_t)a;
			col = grid_next_free(g, col);
			if (col >= MAX_TABLE_COLS) {
				too_wide(x, e);
				break;
			}
			if (a >= 0 && b >= a)
				cs_n = (size_t)(b - a) + 1;
			if (col + cs_n > MAX_TABLE_COLS)
				cs_n = MAX_TABLE_COLS - col;
			{
				double mr;
				const char *m = xml_attr(e, "morerows");
				rs = 1;
				if (m && num_parse(m, &mr) == 0 && mr >= 1)
					rs = mr + 1 > (double)left ? left : (size_t)mr + 1;
			}
			add_cell(x, t, g, e, col, cs_n, rs);
			col += cs_n;
		}
		if (g->row + 1 > t->nrows)
			t->nrows = g->row + 1;
		g->row++;
	}
}

/* Fill t from an HTML-model or CALS-model table element. */
static void read_table(struct xr *x, const xmlNode *tab, struct table *t)
{
	struct grid g = { NULL, 0, 0, 0, 0 };
	const xmlNode *c;
	size_t header = 0;
	int header_done = 0;

	if (xmlvocab_table_model(tab) == XML_TABLE_CALS) {
		const xmlNode *tg = xml_is(tab, "tgroup") ? tab : xml_child(tab, "tgroup");
		for (; tg; tg = xml_next(tg, "tgroup")) {
			struct colspecs cs;
			const xmlNode *grp;
			read_colspecs(tg, &cs);
			for (grp = tg->children; grp; grp = grp->next) {
				if (!xml_is(grp, "thead") && !xml_is(grp, "tbody") && !xml_is(grp, "tfoot"))
					continue;
				cals_rows(x, t, &g, grp, &cs);
				if (xml_is(grp, "thead") && !header_done)
					header = g.row;
				else
					header_done = 1;
			}
			colspecs_release(&cs);
			if (xml_is(tab, "tgroup"))
				break;
		}
	} else {
		size_t rows_left = tab->children ? rows_from(tab->children, "tr") : 0;
		for (c = tab->children; c; c = c->next) {
			if (xml_is(c, "thead")) {
				html_rows(x, t, &g, c);
				if (!header_done)
					header = g.row;
			} else if (xml_is(c, "tbody") || xml_is(c, "tfoot")) {
				html_rows(x, t, &g, c);
				header_done = 1;
			} else if (xml_is(c, "tr")) {
				html_row(x, t, &g, c, rows_left--);
			}
		}
		/* No <thead>: leading rows of <th> cells are the header. */
		if (!header)
			header = g.th_rows;
	}
	t->nheader = header;
	{
		size_t i;
		struct buf loc = BUF_INIT;
		for (i = 0; i < t->nrows; i++) {
			buf_reset(&loc);
			buf_printf(&loc, "table%zu/r%zu", x->ntables, i + 1);
			table_set_row_locator(t, i, buf_str(&loc));
		}
		buf_release(&loc);
	}
	/* cell lookups by binary search, as for text tables: a wide sparse table stays linear */
	table_index(t);
	free(g.busy);
}

/* Footnotes of a table float: JATS table-wrap-foot, Elsevier table-footnote. */
static void read_footnotes(struct xr *x, const xmlNode *wrap, struct table *t)
{
	const xmlNode *c, *f;
	for (c = wrap->children; c; c = c->next) {
		if (xml_is(c, "table-wrap-foot")) {
			for (f = c->children; f; f = f->next) {
				struct buf text = BUF_INIT;
				if (xml_is(f, "fn-group")) {
					const xmlNode *fn;
					for (fn = f->children; fn; fn = fn->next)
						if (xml_is(fn, "fn")) {
							buf_reset(&text);
							inline_text(x, fn, &text);
							if (text.len)
								table_add_footnote(t, text.data, text.len);
						}
				} else if (xml_is(f, "fn") || xml_is(f, "p") || xml_is(f, "attrib")) {
					inline_text(x, f, &text);
					if (text.len)
						table_add_footnote(t, text.data, text.len);
				}
				buf_release(&text);
			}
		} else if (xml_is(c, "table-footnote") || xml_is(c, "legend")) {
			struct buf text = BUF_INIT;
			inline_text(x, c, &text);
			if (text.len)
				table_add_footnote(t, text.data, text.len);
			buf_release(&text);
		}
	}
}

/* One table block: caption and footnotes from the float, cells from tab. */
static void emit_table(struct xr *x, const xmlNode *wrap, const xmlNode *tab)
{
	struct buf label = BUF_INIT, text = BUF_INIT;
	struct block *b;
	x->ntables++;
	caption_text(x, wrap, &label, &text);
	b = add_block(x, BLOCK_TABLE, wrap, buf_str(&text), buf_str(&label));
	x->float_el = wrap;
	read_table(x, tab, block_new_table(b));
	x->float_el = NULL;
	read_footnotes(x, wrap, b->table);
	buf_release(&label);
	buf_release(&text);
}

/*
 * A table float: JATS <table-wrap> (one or more <table>, HTML or CALS
 * model, maybe inside <alternatives>), or a table element that is its own
 * float (Elsevier <ce:table>, a bare HTML <table>).
 */
static void do_table_float(struct xr *x, const xmlNode *wrap)
{
	const xmlNode *c;
	if (xml_is(wrap, "table")) {
		emit_table(x, wrap, wrap);
		return;
	}
	for (c = wrap->children; c; c = c->next) {
		const xmlNode *tab = xml_is(c, "alternatives") ? xml_child(c, "table") : c;
		if (xml_is(tab, "table") && xmlvocab_table_model(tab) != XML_TABLE_NONE)
			emit_table(x, wrap, tab);
	}
}

static void do_figure(struct xr *x, const xmlNode *fig)
{
	struct buf label = BUF_INIT, text = BUF_INIT;
	caption_text(x, fig, &label, &text);
	if (text.len)
		add_block(x, BLOCK_CAPTION, fig, buf_str(&text), buf_str(&label));
	buf_release(&label);
	buf_release(&text);
}

/* --- references ------------------------------------------------------- */

static const char *const ref_containers[] = { "ref", "bib-reference", NULL };

/* Number the reference list before reading the body, for citations. */
static void collect_refs(struct xr *x, const xmlNode *n)
{
	const xmlNode *c;
	for (c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (name_in(c, ref_containers) && (xml_attr(c, "id"))) {
			const xmlNode *lab = xml_child(c, "label");
			struct buf t = BUF_INIT, num = BUF_INIT;
			if (lab)
				xml_text(lab, &t);
			label_number(buf_str(&t), &num);
			if (!num.len)
				buf_printf(&num, "%zu", x->nrefs + 1);
			x->refs = xgrow(x->refs, &x->refs_alloc, x->nrefs + 1, sizeof(*x->refs));
			x->refs[x->nrefs].id = xstrdup(xml_attr(c, "id"));
			x->refs[x->nrefs].num = buf_detach(&num, NULL);
			x->refs[x->nrefs].order = x->nrefs;
			x->nrefs++;
			buf_release(&t);
			continue;
		}
		collect_refs(x, c);
	}
}

/* The DOI a citation names: JATS pub-id, Elsevier ce:doi, or a doi.org link. */
/* "10.1000/x" from "10.1000/x", "doi:10.1000/x" or "https://doi.org/10.1000/x". */
static void add_doi(const char *s, struct buf *out)
{
	const char *p = strstr(s, "10.");
	struct buf t = BUF_INIT;
	if (!p)
		return;
	buf_addstr(&t, p);
	if (strchr(t.data, '/'))
		buf_addstr(out, str_trim(t.data));
	buf_release(&t);
}

/*
 * The DOI a citation names: JATS pub-id or object-id of type doi, an
 * ext-link of type doi or to doi.org, Elsevier ce:doi.
 */
static void find_doi(const xmlNode *n, struct buf *out)
{
	const xmlNode *c;
	for (c = n->children; c && !out->len; c = c->next) {
		const char *type, *href;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		type = xml_attr(c, "pub-id-type");
		if (!type)
			type = xml_attr(c, "ext-link-type");
		href = xml_attr(c, "href");
		if (((xml_is(c, "pub-id") || xml_is(c, "object-id") || xml_is(c, "ext-link")) &&
		     type && str_eq(type, "doi")) || xml_is(c, "doi")) {
			struct buf t = BUF_INIT;
			xml_text(c, &t);
			if (t.len)
				add_doi(t.data, out);
			if (!out->len && href)
				add_doi(href, out);
			buf_release(&t);
		} else if ((xml_is(c, "ext-link") || xml_is(c, "uri")) && href &&
			   (strstr(href, "doi.org/10.") != NULL)) {
			add_doi(href, out);
		} else {
			find_doi(c, out);
		}
	}
}

/* "A. B, C. D and E. F" from JATS person-group names or Elsevier sb:authors. */
static void ref_authors(const xmlNode *n, struct buf *out)
{
	const xmlNode *c;
	size_t count = 0, i = 0;
	struct buf *names = NULL;
	size_t alloc = 0;
	for (c = n->children; c; c = c->next) {
		if (xml_is(c, "name") || xml_is(c, "string-name") || xml_is(c, "author")) {
			struct buf nm = BUF_INIT, t = BUF_INIT;
			const xmlNode *g = xml_child(c, "given-names");
			const xmlNode *s = xml_child(c, "surname");
			if (!g)
				g = xml_child(c, "given-name");
			if (g) {
				xml_text(g, &t);
				buf_addstr(&nm, buf_str(&t));
				buf_addch(&nm, ' ');
				buf_reset(&t);
			}
			if (s)
				xml_text(s, &t);
			else
				xml_text(c, &t);
			buf_addstr(&nm, buf_str(&t));
			buf_release(&t);
			names = xgrow(names, &alloc, count + 1, sizeof(*names));
			names[count++] = nm;
		} else if (xml_is(c, "collab")) {
			struct buf nm = BUF_INIT;
			xml_text(c, &nm);
			names = xgrow(names, &alloc, count + 1, sizeof(*names));
			names[count++] = nm;
		}
	}
	for (i = 0; i < count; i++) {
		if (i)
			buf_addstr(out, i + 1 == count ? " and " : ", ");
		add_spaced(out, buf_str(&names[i]));
		buf_release(&names[i]);
	}
	free(names);
}

/* A structured citation (JATS element-citation) in typeset shape. */
static void element_citation(struct xr *x, const xmlNode *cit, struct buf *out)
{
	const xmlNode *pg = xml_child(cit, "person-group"), *c;
	static const char *const order[] = { "article-title", "chapter-title", "source", "year",
					     "volume", "fpage", NULL };
	size_t k;
	if (pg)
		ref_authors(pg, out);
	else
		ref_authors(cit, out);
	for (k = 0; order[k]; k++) {
		struct buf t = BUF_INIT;
		c = xml_child(cit, order[k]);
		if (!c)
			continue;
		inline_text(x, c, &t);
		if (!t.len) {
			buf_release(&t);
			continue;
		}
		if (out->len)
			buf_addstr(out, ", ");
		if (str_eq(order[k], "source"))
			buf_printf(out, "*%s*", buf_str(&t));
		else if (str_eq(order[k], "volume"))
			buf_printf(out, "**%s**", buf_str(&t));
		else
			buf_addstr(out, buf_str(&t));
		if (str_eq(order[k], "fpage") && (c = xml_child(cit, "lpage")) != NULL) {
			buf_addstr(out, "\xe2\x80\x93");
			inline_text(x, c, out);
		}
		buf_release(&t);
	}
	if (!xml_child(cit, "fpage") && (c = xml_child(cit, "elocation-id")) != NULL) {
		buf_addstr(out, ", ");
		inline_text(x, c, out);
	}
	buf_addch(out, '.');
}

/* Elsevier sb:reference in typeset shape. */
static void sb_reference(struct xr *x, const xmlNode *ref, struct buf *out)
{
	const xmlNode *contrib = xml_child(ref, "contribution");
	const xmlNode *host = xml_child(ref, "host"), *c;
	if (contrib && (c = xml_child(contrib, "authors")) != NULL)
		ref_authors(c, out);
	if (contrib && (c = xml_child(contrib, "title")) != NULL) {
		if (out->len)
			buf_addstr(out, ", ");
		inline_text(x, c, out);
	}
	if (host) {
		const xmlNode *issue = xml_child(host, "issue");
		const xmlNode *series = issue ? xml_child(issue, "series") : NULL;
		const xmlNode *pages = xml_child(host, "pages");
		if (series && (c = xml_child(series, "title")) != NULL) {
			struct buf t = BUF_INIT;
			inline_text(x, c, &t);
			buf_printf(out, ", *%s*", buf_str(&t));
			buf_release(&t);
		}
		if (issue && (c = xml_child(issue, "date")) != NULL) {
			buf_addstr(out, ", ");
			inline_text(x, c, out);
		}
		if (series && (c = xml_child(series, "volume-nr")) != NULL) {
			struct buf t = BUF_INIT;
			inline_text(x, c, &t);
			buf_printf(out, ", **%s**", buf_str(&t));
			buf_release(&t);
		}
		if (pages && (c = xml_child(pages, "first-page")) != NULL) {
			buf_addstr(out, ", ");
			inline_text(x, c, out);
			if ((c = xml_child(pages, "last-page")) != NULL) {
				buf_addstr(out, "\xe2\x80\x93");
				inline_text(x, c, out);
			}
		}
	}
	buf_addch(out, '.');
}

static void do_reference(struct xr *x, const xmlNode *ref, size_t ordinal)
{
	struct buf text = BUF_INIT, doi = BUF_INIT, label = BUF_INIT, t = BUF_INIT;
	const xmlNode *c, *lab = xml_child(ref, "label");
	const char *id = xml_attr(ref, "id");
	const char *num = ref_num(x, id);

	for (c = ref->children; c; c = c->next) {
		size_t before = text.len;
		if (c->type != XML_ELEMENT_NODE || xml_is(c, "label") || xml_is(c, "note"))
			continue;
		if (text.len)
			buf_addstr(&text, "; ");
		if (xml_is(c, "citation-alternatives")) {
			/* One rendering: the publisher's mixed citation, else the structured one. */
			const xmlNode *alt = xml_child(c, "mixed-citation");
			if (alt)
				inline_children(x, alt, IN_REF, &text);
			else if ((alt = xml_child(c, "element-citation")) != NULL)
				element_citation(x, alt, &text);
		} else if (xml_is(c, "element-citation"))
			element_citation(x, c, &text);
		else if (xml_is(c, "reference"))
			sb_reference(x, c, &text);
		else
			inline_children(x, c, IN_REF, &text);
		rtrim(&text);
		if (text.len == before + 2)
			text.len = before;   /* nothing came: drop the "; " */
		if (text.data)
			text.data[text.len] = '\0';
	}
	find_doi(ref, &doi);
	if (doi.len && !strstr(buf_str(&text), buf_str(&doi))) {
		if (text.len)
			buf_addch(&text, ' ');
		buf_printf(&text, "doi:%s", buf_str(&doi));
	}
	if (num)
		buf_addstr(&label, num);
	else if (lab) {
		xml_text(lab, &t);
		label_number(buf_str(&t), &label);
	}
	if (!label.len)
		buf_printf(&label, "%zu", ordinal);
	add_block(x, BLOCK_REFERENCE, ref, buf_str(&text), buf_str(&label));
	buf_release(&text);
	buf_release(&doi);
	buf_release(&label);
	buf_release(&t);
}

static void do_ref_list(struct xr *x, const xmlNode *list)
{
	const xmlNode *c;
	size_t ordinal = 0;
	for (c = list->children; c; c = c->next) {
		if (name_in(c, ref_containers))
			do_reference(x, c, ++ordinal);
		else if (xml_is(c, "ref-list") || xml_is(c, "bibliography-sec"))
			do_ref_list(x, c);
	}
}

/* --- the body --------------------------------------------------------- */

static const char *const section_names[] = { "sec", "section", "app", "ack", NULL };
static const char *const para_names[] = { "p", "para", "simple-para", NULL };
static const char *const transparent_blocks[] = {
	"body", "sections", "boxed-text", "disp-quote", "statement", "floats-group", "floats",
	"abstract", "trans-abstract", "abstract-sec", "back", "app-group", "notes", "list",
	"list-item", "def-list", "def-item", "def", "glossary", "caption-less", "acknowledgment",
	"appendices", "sec-meta", "display", NULL
};

static void walk(struct xr *x, const xmlNode *n, int level);
static void walk_one(struct xr *x, const xmlNode *c, int level);

static void do_heading(struct xr *x, const xmlNode *sec, int level)
{
	const xmlNode *lab = xml_child(sec, "label");
	const xmlNode *title = xml_child(sec, "title");
	struct buf text = BUF_INIT, label = BUF_INIT;
	struct block *b;
	if (!title)
		title = xml_child(sec, "section-title");
	if (lab)
		inline_text(x, lab, &label);
	buf_addstr(&text, buf_str(&label));
	if (title) {
		if (text.len)
			buf_addch(&text, ' ');
		inline_text(x, title, &text);
	}
	if (text.len) {
		b = add_block(x, BLOCK_HEADING, title ? title : sec, buf_str(&text), NULL);
		b->level = level;
	}
	buf_release(&text);
	buf_release(&label);
}

static void do_paragraph(struct xr *x, const xmlNode *p, int level)
{
	struct buf text = BUF_INIT;
	const xmlNode *c;
	inline_text(x, p, &text);
	if (text.len)
		add_block(x, BLOCK_PARAGRAPH, p, buf_str(&text), NULL);
	buf_release(&text);
	/* Floats and lists inside the paragraph come after it. */
	for (c = p->children; c; c = c->next)
		if (name_in(c, skip_inline))
			walk_one(x, c, level);
}

/* Handle one element in block context. */
static void walk_one(struct xr *x, const xmlNode *c, int level)
{
	if (c->type != XML_ELEMENT_NODE)
		return;
	if (name_in(c, section_names)) {
		do_heading(x, c, level + 1);
		walk(x, c, level + 1);
	} else if (name_in(c, para_names)) {
		do_paragraph(x, c, level);
	} else if (xml_is(c, "table-wrap") || xml_is(c, "table-wrap-group") ||
		   (xml_is(c, "table") && xmlvocab_table_model(c) != XML_TABLE_NONE)) {
		if (xml_is(c, "table-wrap-group"))
			walk(x, c, level);
		else
			do_table_float(x, c);
	} else if (xml_is(c, "fig") || xml_is(c, "figure") || xml_is(c, "fig-group") ||
		   xml_is(c, "scheme") || xml_is(c, "chem-struct-wrap")) {
		if (xml_is(c, "fig-group"))
			walk(x, c, level);
		else
			do_figure(x, c);
	} else if (xml_is(c, "ref-list") || xml_is(c, "bibliography")) {
		do_ref_list(x, c);
	} else if (name_in(c, transparent_blocks)) {
		walk(x, c, level);
	}
}

static void walk(struct xr *x, const xmlNode *n, int level)
{
	const xmlNode *c;
	for (c = n->children; c; c = c->next)
		walk_one(x, c, level);
}

/* --- vocabularies ------------------------------------------------------ */

static void add_title_and_doi(struct xr *x, const xmlNode *title, const xmlNode *doi_el,
			      const char *doi)
{
	struct buf t = BUF_INIT;
	if (title) {
		inline_text(x, title, &t);
		if (t.len)
			add_block(x, BLOCK_HEADING, title, buf_str(&t), NULL)->level = 1;
		buf_reset(&t);
	}
	if (doi && *doi) {
		buf_printf(&t, "DOI: %s", doi);
		add_block(x, BLOCK_PARAGRAPH, doi_el, buf_str(&t), NULL);
	}
	buf_release(&t);
}

static void sort_refs(struct xr *x)
{
	if (x->nrefs)
		qsort(x->refs, x->nrefs, sizeof(*x->refs), refid_cmp);
}

static void read_jats(struct xr *x, const xmlNode *root)
{
	const xmlNode *front = xml_child(root, "front");
	const xmlNode *meta = front ? xml_child(front, "article-meta") : NULL;
	const xmlNode *c;
	collect_refs(x, root);
	sort_refs(x);
	if (meta) {
		const xmlNode *tg = xml_child(meta, "title-group");
		const xmlNode *title = tg ? xml_child(tg, "article-title") : NULL;
		const xmlNode *doi_el = NULL;
		struct buf doi = BUF_INIT;
		for (c = meta->children; c; c = c->next)
			if (xml_is(c, "article-id") && xml_attr(c, "pub-id-type") &&
			    str_eq(xml_attr(c, "pub-id-type"), "doi")) {
				xml_text(c, &doi);
				doi_el = c;
				break;
			}
		add_title_and_doi(x, title, doi_el, buf_str(&doi));
		buf_release(&doi);
		for (c = meta->children; c; c = c->next)
			if (xml_is(c, "abstract"))
				walk(x, c, 1);
	}
	for (c = root->children; c; c = c->next)
		if (xml_is(c, "body") || xml_is(c, "back") || xml_is(c, "floats-group"))
			walk(x, c, 0);
}

/* The first descendant element named name (depth-first), or NULL. */
static const xmlNode *find_desc(const xmlNode *n, const char *name)
{
	const xmlNode *c, *r;
	for (c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xml_is(c, name))
			return c;
		if ((r = find_desc(c, name)) != NULL)
			return r;
	}
	return NULL;
}

static void read_elsevier(struct xr *x, const xmlNode *root)
{
	const xmlNode *core = xml_child(root, "coredata");
	const xmlNode *art = NULL, *head, *title = NULL, *doi_el = NULL, *c;
	struct buf doi = BUF_INIT;
	static const char *const article_names[] = { "article", "simple-article",
						     "converted-article", "book-review", NULL };

	if (name_in(root, article_names))
		art = root;
	else {
		size_t k;
		for (k = 0; article_names[k] && !art; k++)
			art = find_desc(root, article_names[k]);
	}
	collect_refs(x, art ? art : root);
	sort_refs(x);
	head = art ? xml_child(art, "head") : NULL;
	if (head)
		title = xml_child(head, "title");
	if (!title && core)
		title = xml_child(core, "title");
	if (core && (doi_el = xml_child(core, "doi")) != NULL)
		xml_text(doi_el, &doi);
	else if (art && (c = xml_child(art, "item-info")) != NULL &&
		 (doi_el = xml_child(c, "doi")) != NULL)
		xml_text(doi_el, &doi);
	add_title_and_doi(x, title, doi_el, buf_str(&doi));
	buf_release(&doi);
	if (!art)
		return;
	if (head)
		for (c = head->children; c; c = c->next)
			if (xml_is(c, "abstract"))
				walk(x, c, 1);
	for (c = art->children; c; c = c->next)
		if (xml_is(c, "body"))
			walk(x, c, 0);
	for (c = art->children; c; c = c->next)
		if (xml_is(c, "floats"))
			walk(x, c, 0);
	for (c = art->children; c; c = c->next)
		if (xml_is(c, "tail") || xml_is(c, "back"))
			walk(x, c, 0);
}

struct document *ingest_xml(const char *name, const char *key, const char *data, size_t len,
			    struct diag *d)
{
	struct xr x;
	struct buf why = BUF_INIT;
	xmlDocPtr xdoc;
	xmlNodePtr root;
	size_t i;

	xdoc = xmlsafe_parse(name, data, len, NULL, d);
	if (!xdoc)
		return NULL;
	memset(&x, 0, sizeof(x));
	x.name = name;
	x.d = d;
	x.vocab = xmlvocab_detect(xdoc, &why);
	root = xmlDocGetRootElement(xdoc);
	if (x.vocab == XML_VOCAB_UNKNOWN) {
		diag_emit(d, name, xmlGetLineNo(root), 0, DIAG_ERROR, "xml-vocab",
			  "unknown XML document type: %s; nh3cat reads JATS (NISO Z39.96, as "
			  "PubMed Central delivers it) and Elsevier full-text XML", buf_str(&why));
		buf_release(&why);
		xmlFreeDoc(xdoc);
		return NULL;
	}
	x.doc = document_new(key, name, NULL, 0);
	index_siblings(&x, root);
	if (x.vocab == XML_VOCAB_JATS)
		read_jats(&x, root);
	else
		read_elsevier(&x, root);
	for (i = 0; i < x.nrefs; i++) {
		free(x.refs[i].id);
		free(x.refs[i].num);
	}
	free(x.refs);
	free(x.sibs);
	buf_release(&why);
	xmlFreeDoc(xdoc);
	return x.doc;
}

const struct reader reader_xml = {
	.name = "xml",
	.exts = (const char *const[]){ ".xml", ".nxml", NULL },
	.read = ingest_xml,
};
