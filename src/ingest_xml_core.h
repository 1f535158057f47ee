/*
 * ingest_xml_core.h: what the parts of the XML reader share
 * (ingest_xml_core.c): the reader's state, element names and paths, inline
 * text folded as the normalizer folds Unicode, blocks and captions.  The
 * parts (ingest_xml_table.c, ingest_xml_refs.c, ingest_xml_body.c) and the
 * vocabularies (ingest_xml_jats.c, ingest_xml_elsevier.c) call down into
 * it; it calls none of them.  The XML reader's driver is ingest_xml.c.
 */
#ifndef NH3CAT_INGEST_XML_CORE_H
#define NH3CAT_INGEST_XML_CORE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"
#include "document.h"
#include "xmlsafe.h"
#include "xmlvocab.h"

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

enum inline_mode {
	IN_TEXT,     /* running text */
	IN_REF       /* a reference: source and volume marked as typeset */
};

int xr_name_in(const xmlNode *n, const char *const *names);
/* Append s with runs of white space as one space, no space at the start. */
void xr_add_spaced(struct buf *out, const char *s);
/* Remove trailing spaces of out. */
void xr_rtrim(struct buf *out);
/*
 * Give every element below n its XPath index among same-named siblings,
 * in one pass per parent (a hash of names), so that a path costs its
 * depth and not its siblings: a paper of 100,000 paragraphs stays linear.
 */
void xr_index_siblings(struct xr *x, xmlNode *n);
/* The decimal number in a label such as "[19]", "19.", "Ref. 19"; else "". */
void xr_label_number(const char *s, struct buf *out);
/* The number of reference id (the first reference with that id), or NULL. */
const char *xr_ref_num(const struct xr *x, const char *id);
void xr_inline_children(struct xr *x, const xmlNode *n, enum inline_mode m, struct buf *out);
/* The folded text of an element, trimmed. */
void xr_inline_text(struct xr *x, const xmlNode *n, struct buf *out);
struct block *xr_add_block(struct xr *x, enum block_kind k, const xmlNode *n,
			       const char *text, const char *label);
/* "Table 1" + " " + caption title and paragraphs. */
void xr_caption_text(struct xr *x, const xmlNode *float_el, struct buf *label,
			 struct buf *out);
void xr_add_title_and_doi(struct xr *x, const xmlNode *title, const xmlNode *doi_el,
			      const char *doi);
void xr_sort_refs(struct xr *x);
extern const char *const xr_skip_inline[];

#endif
