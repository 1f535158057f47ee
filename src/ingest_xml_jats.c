/*
 * ingest_xml_jats.c: the JATS vocabulary: front matter, body, back and
 * floats (see ingest_xml_jats.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ingest_xml_jats.h"

#include "ingest_xml_body.h"
#include "ingest_xml_core.h"
#include "ingest_xml_refs.h"

void xr_read_jats(struct xr *x, const xmlNode *root)
{
	const xmlNode *front = xml_child(root, "front");
	const xmlNode *meta = front ? xml_child(front, "article-meta") : NULL;
	const xmlNode *c;
	xr_collect_refs(x, root);
	xr_sort_refs(x);
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
		xr_add_title_and_doi(x, title, doi_el, buf_str(&doi));
		buf_release(&doi);
		for (c = meta->children; c; c = c->next)
			if (xml_is(c, "abstract"))
				xr_walk(x, c, 1);
	}
	for (c = root->children; c; c = c->next)
		if (xml_is(c, "body") || xml_is(c, "back") || xml_is(c, "floats-group"))
			xr_walk(x, c, 0);
}
