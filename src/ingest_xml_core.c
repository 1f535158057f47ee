/*
 * ingest_xml_core.c: what the parts of the XML reader share (see
 * ingest_xml_core.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ingest_xml_core.h"

/* --- small helpers --------------------------------------------------- */

int xr_name_in(const xmlNode *n, const char *const *names)
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
void xr_add_spaced(struct buf *out, const char *s)
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
void xr_rtrim(struct buf *out)
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
void xr_index_siblings(struct xr *x, xmlNode *n)
{
	xmlNode *c;
	size_t count = 0, size, i, first = x->nsibs;
	struct slot {
		const char *name, *ns;
		size_t count;
	} *slots;
	size_t *slot_of;
	for (c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			count++;
	if (!count)
		return;
	for (size = 16; size < 2 * count; size *= 2)
		;
	/* the children's table is done before the recursion: one block for both arrays */
	slots = xcalloc(size * sizeof(*slots) + count * sizeof(size_t), 1);
	slot_of = (size_t *)(slots + size);
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
	for (i = 0; i < count; i++)
		x->sibs[first + i].total = slots[slot_of[i]].count;
	free(slots);
	for (c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			xr_index_siblings(x, c);
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
void xr_label_number(const char *s, struct buf *out)
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
const char *xr_ref_num(const struct xr *x, const char *id)
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

/* Block-like elements met inside inline text: a space on each side. */
static const char *const spaced_inline[] = {
	"label", "p", "title", "simple-para", "note-para", "para", "caption", "list-item",
	"def", "term", NULL
};
const char *const xr_skip_inline[] = {
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
		yes = xr_ref_num(x, buf_str(&first)) != NULL;
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
			v = xr_ref_num(x, buf_str(&id));
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
		xr_add_spaced(out, buf_str(&words));
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
		xr_add_spaced(out, buf_str(&t));
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
		xr_add_spaced(out, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || xr_name_in(n, xr_skip_inline) || is_fn_mark(x, n))
		return;
	if (xml_is(n, "sub") || xml_is(n, "inf")) {
		xr_inline_children(x, n, m, &t);
		add_sub(out, buf_str(&t));
	} else if (xml_is(n, "sup")) {
		if (sup_is_citation(x, n)) {
			for (c = n->children; c; c = c->next)
				if (is_bib_xref(x, c)) {
					cite_group(x, c, out);
					break;
				}
		} else {
			xr_inline_children(x, n, m, &t);
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
			xr_inline_children(x, n, m, out);
	} else if (is_bib_xref(x, n)) {
		cite_group(x, n, out);
	} else if (xr_name_in(n, spaced_inline)) {
		if (out->len && out->data[out->len - 1] != ' ')
			buf_addch(out, ' ');
		xr_inline_children(x, n, m, out);
		if (out->len && out->data[out->len - 1] != ' ')
			buf_addch(out, ' ');
	} else if (xml_is(n, "break") || xml_is(n, "br") || xml_is(n, "vsp")) {
		if (out->len && out->data[out->len - 1] != ' ')
			buf_addch(out, ' ');
	} else if (m == IN_REF && xml_is(n, "source")) {
		xr_inline_children(x, n, m, &t);
		buf_printf(out, "*%s*", buf_str(&t));
	} else if (m == IN_REF && xml_is(n, "volume")) {
		xr_inline_children(x, n, m, &t);
		buf_printf(out, "**%s**", buf_str(&t));
	} else {
		/* Anything else (italic, xref to a figure ...) is its text. */
		xr_inline_children(x, n, m, out);
	}
	buf_release(&t);
}

void xr_inline_children(struct xr *x, const xmlNode *n, enum inline_mode m, struct buf *out)
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
			xr_add_spaced(out, (const char *)c->content + 1);
			skip_close = 0;
			continue;
		}
		inline_node(x, c, m, out);
	}
}

/* The folded text of an element, trimmed. */
void xr_inline_text(struct xr *x, const xmlNode *n, struct buf *out)
{
	size_t start = out->len;
	xr_inline_children(x, n, IN_TEXT, out);
	xr_rtrim(out);
	if (out->len > start && out->data[start] == ' ') {
		memmove(out->data + start, out->data + start + 1, out->len - start);
		out->len--;
	}
}

/* --- blocks ----------------------------------------------------------- */

struct block *xr_add_block(struct xr *x, enum block_kind k, const xmlNode *n,
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
void xr_caption_text(struct xr *x, const xmlNode *float_el, struct buf *label,
			 struct buf *out)
{
	const xmlNode *lab = xml_child(float_el, "label");
	const xmlNode *cap = xml_child(float_el, "caption");
	const xmlNode *c;
	if (lab)
		xr_inline_text(x, lab, label);
	buf_addstr(out, buf_str(label));
	if (!cap)
		return;
	for (c = cap->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (out->len)
			buf_addch(out, ' ');
		xr_inline_text(x, c, out);
	}
	/* A caption without inner elements (Elsevier simple captions). */
	if (!xml_child(cap, "p") && !xml_child(cap, "title") && !xml_child(cap, "simple-para")) {
		if (out->len)
			buf_addch(out, ' ');
		xr_inline_text(x, cap, out);
	}
}

/* --- vocabularies ------------------------------------------------------ */

void xr_add_title_and_doi(struct xr *x, const xmlNode *title, const xmlNode *doi_el,
			      const char *doi)
{
	struct buf t = BUF_INIT;
	if (title) {
		xr_inline_text(x, title, &t);
		if (t.len)
			xr_add_block(x, BLOCK_HEADING, title, buf_str(&t), NULL)->level = 1;
		buf_reset(&t);
	}
	if (doi && *doi) {
		buf_printf(&t, "DOI: %s", doi);
		xr_add_block(x, BLOCK_PARAGRAPH, doi_el, buf_str(&t), NULL);
	}
	buf_release(&t);
}

void xr_sort_refs(struct xr *x)
{
	if (x->nrefs)
		qsort(x->refs, x->nrefs, sizeof(*x->refs), refid_cmp);
}
