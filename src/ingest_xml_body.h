/*
 * ingest_xml_body.h: the body in block context (ingest_xml_body.c):
 * sections, headings, paragraphs, tables, figures, the reference list.
 */
#ifndef NH3CAT_INGEST_XML_BODY_H
#define NH3CAT_INGEST_XML_BODY_H

#include <libxml/tree.h>

struct xr;

/* Read the children of n as blocks, at heading level. */
void xr_walk(struct xr *x, const xmlNode *n, int level);

#endif
