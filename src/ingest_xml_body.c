/*
 * ingest_xml_body.c: the body in block context: sections, headings,
 * paragraphs, table floats, figures, the reference list.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ingest_xml_body.h"

#include "ingest_xml_core.h"
#include "ingest_xml_refs.h"
#include "ingest_xml_table.h"

/* --- the body --------------------------------------------------------- */

static const char *const section_names[] = { "sec", "section", "app", "ack", NULL };
static const char *const para_names[] = { "p", "para", "simple-para", NULL };
static const char *const transparent_blocks[] = {
	"body", "sections", "boxed-text", "disp-quote", "statement", "floats-group", "floats",
	"abstract", "trans-abstract", "abstract-sec", "back", "app-group", "notes", "list",
	"list-item", "def-list", "def-item", "def", "glossary", "caption-less", "acknowledgment",
	"appendices", "sec-meta", "display", NULL
};

static void walk_one(struct xr *x, const xmlNode *c, int level);

static void do_figure(struct xr *x, const xmlNode *fig)
{
	struct buf label = BUF_INIT, text = BUF_INIT;
	xr_caption_text(x, fig, &label, &text);
	if (text.len)
		xr_add_block(x, BLOCK_CAPTION, fig, buf_str(&text), buf_str(&label));
	buf_release(&label);
	buf_release(&text);
}

static void do_heading(struct xr *x, const xmlNode *sec, int level)
{
	const xmlNode *lab = xml_child(sec, "label");
	const xmlNode *title = xml_child(sec, "title");
	struct buf text = BUF_INIT, label = BUF_INIT;
	struct block *b;
	if (!title)
		title = xml_child(sec, "section-title");
	if (lab)
		xr_inline_text(x, lab, &label);
	buf_addstr(&text, buf_str(&label));
	if (title) {
		if (text.len)
			buf_addch(&text, ' ');
		xr_inline_text(x, title, &text);
	}
	if (text.len) {
		b = xr_add_block(x, BLOCK_HEADING, title ? title : sec, buf_str(&text), NULL);
		b->level = level;
	}
	buf_release(&text);
	buf_release(&label);
}

static void do_paragraph(struct xr *x, const xmlNode *p, int level)
{
	struct buf text = BUF_INIT;
	const xmlNode *c;
	xr_inline_text(x, p, &text);
	if (text.len)
		xr_add_block(x, BLOCK_PARAGRAPH, p, buf_str(&text), NULL);
	buf_release(&text);
	/* Floats and lists inside the paragraph come after it. */
	for (c = p->children; c; c = c->next)
		if (xr_name_in(c, xr_skip_inline))
			walk_one(x, c, level);
}

/* Handle one element in block context. */
static void walk_one(struct xr *x, const xmlNode *c, int level)
{
	if (c->type != XML_ELEMENT_NODE)
		return;
	if (xr_name_in(c, section_names)) {
		do_heading(x, c, level + 1);
		xr_walk(x, c, level + 1);
	} else if (xr_name_in(c, para_names)) {
		do_paragraph(x, c, level);
	} else if (xml_is(c, "table-wrap") || xml_is(c, "table-wrap-group") ||
		   (xml_is(c, "table") && xmlvocab_table_model(c) != XML_TABLE_NONE)) {
		if (xml_is(c, "table-wrap-group"))
			xr_walk(x, c, level);
		else
			xr_do_table_float(x, c);
	} else if (xml_is(c, "fig") || xml_is(c, "figure") || xml_is(c, "fig-group") ||
		   xml_is(c, "scheme") || xml_is(c, "chem-struct-wrap")) {
		if (xml_is(c, "fig-group"))
			xr_walk(x, c, level);
		else
			do_figure(x, c);
	} else if (xml_is(c, "ref-list") || xml_is(c, "bibliography")) {
		xr_do_ref_list(x, c);
	} else if (xr_name_in(c, transparent_blocks)) {
		xr_walk(x, c, level);
	}
}

void xr_walk(struct xr *x, const xmlNode *n, int level)
{
	const xmlNode *c;
	for (c = n->children; c; c = c->next)
		walk_one(x, c, level);
}
