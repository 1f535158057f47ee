/*
 * ingest_xml_elsevier.c: the Elsevier full-text vocabulary: coredata,
 * head, body, floats and tail (see ingest_xml_elsevier.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ingest_xml_elsevier.h"

#include "ingest_xml_body.h"
#include "ingest_xml_core.h"
#include "ingest_xml_refs.h"

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

void xr_read_elsevier(struct xr *x, const xmlNode *root)
{
	const xmlNode *core = xml_child(root, "coredata");
	const xmlNode *art = NULL, *head, *title = NULL, *doi_el = NULL, *c;
	struct buf doi = BUF_INIT;
	static const char *const article_names[] = { "article", "simple-article",
						     "converted-article", "book-review", NULL };

	if (xr_name_in(root, article_names))
		art = root;
	else {
		size_t k;
		for (k = 0; article_names[k] && !art; k++)
			art = find_desc(root, article_names[k]);
	}
	xr_collect_refs(x, art ? art : root);
	xr_sort_refs(x);
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
	xr_add_title_and_doi(x, title, doi_el, buf_str(&doi));
	buf_release(&doi);
	if (!art)
		return;
	if (head)
		for (c = head->children; c; c = c->next)
			if (xml_is(c, "abstract"))
				xr_walk(x, c, 1);
	for (c = art->children; c; c = c->next)
		if (xml_is(c, "body"))
			xr_walk(x, c, 0);
	for (c = art->children; c; c = c->next)
		if (xml_is(c, "floats"))
			xr_walk(x, c, 0);
	for (c = art->children; c; c = c->next)
		if (xml_is(c, "tail") || xml_is(c, "back"))
			xr_walk(x, c, 0);
}
