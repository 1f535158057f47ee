/*
 * ingest_xml_refs.c: the reference list of a JATS or Elsevier paper, in
 * the shape of a typeset list followed by "doi:..." (see ingest_xml.c).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ingest_xml_refs.h"

#include "ingest_xml_core.h"

/* --- references ------------------------------------------------------- */

static const char *const ref_containers[] = { "ref", "bib-reference", NULL };

/* Number the reference list before reading the body, for citations. */
void xr_collect_refs(struct xr *x, const xmlNode *n)
{
	const xmlNode *c;
	for (c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xr_name_in(c, ref_containers) && (xml_attr(c, "id"))) {
			const xmlNode *lab = xml_child(c, "label");
			struct buf t = BUF_INIT, num = BUF_INIT;
			if (lab)
				xml_text(lab, &t);
			xr_label_number(buf_str(&t), &num);
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
		xr_collect_refs(x, c);
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
		xr_add_spaced(out, buf_str(&names[i]));
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
		xr_inline_text(x, c, &t);
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
			xr_inline_text(x, c, out);
		}
		buf_release(&t);
	}
	if (!xml_child(cit, "fpage") && (c = xml_child(cit, "elocation-id")) != NULL) {
		buf_addstr(out, ", ");
		xr_inline_text(x, c, out);
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
		xr_inline_text(x, c, out);
	}
	if (host) {
		const xmlNode *issue = xml_child(host, "issue");
		const xmlNode *series = issue ? xml_child(issue, "series") : NULL;
		const xmlNode *pages = xml_child(host, "pages");
		if (series && (c = xml_child(series, "title")) != NULL) {
			struct buf t = BUF_INIT;
			xr_inline_text(x, c, &t);
			buf_printf(out, ", *%s*", buf_str(&t));
			buf_release(&t);
		}
		if (issue && (c = xml_child(issue, "date")) != NULL) {
			buf_addstr(out, ", ");
			xr_inline_text(x, c, out);
		}
		if (series && (c = xml_child(series, "volume-nr")) != NULL) {
			struct buf t = BUF_INIT;
			xr_inline_text(x, c, &t);
			buf_printf(out, ", **%s**", buf_str(&t));
			buf_release(&t);
		}
		if (pages && (c = xml_child(pages, "first-page")) != NULL) {
			buf_addstr(out, ", ");
			xr_inline_text(x, c, out);
			if ((c = xml_child(pages, "last-page")) != NULL) {
				buf_addstr(out, "\xe2\x80\x93");
				xr_inline_text(x, c, out);
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
	const char *num = xr_ref_num(x, id);

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
				xr_inline_children(x, alt, IN_REF, &text);
			else if ((alt = xml_child(c, "element-citation")) != NULL)
				element_citation(x, alt, &text);
		} else if (xml_is(c, "element-citation"))
			element_citation(x, c, &text);
		else if (xml_is(c, "reference"))
			sb_reference(x, c, &text);
		else
			xr_inline_children(x, c, IN_REF, &text);
		xr_rtrim(&text);
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
		xr_label_number(buf_str(&t), &label);
	}
	if (!label.len)
		buf_printf(&label, "%zu", ordinal);
	xr_add_block(x, BLOCK_REFERENCE, ref, buf_str(&text), buf_str(&label));
	buf_release(&text);
	buf_release(&doi);
	buf_release(&label);
	buf_release(&t);
}

void xr_do_ref_list(struct xr *x, const xmlNode *list)
{
	const xmlNode *c;
	size_t ordinal = 0;
	for (c = list->children; c; c = c->next) {
		if (xr_name_in(c, ref_containers))
			do_reference(x, c, ++ordinal);
		else if (xml_is(c, "ref-list") || xml_is(c, "bibliography-sec"))
			xr_do_ref_list(x, c);
	}
}
