/*
 * ingest_xml_jats.h: JATS (NISO Z39.96, as PubMed Central delivers it)
 * read into the document (ingest_xml_jats.c).
 */
#ifndef NH3CAT_INGEST_XML_JATS_H
#define NH3CAT_INGEST_XML_JATS_H

#include <libxml/tree.h>

struct xr;

/* Title, DOI, abstract, then body, back and floats of the article root. */
void xr_read_jats(struct xr *x, const xmlNode *root);

#endif
