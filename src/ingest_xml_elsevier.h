/*
 * ingest_xml_elsevier.h: Elsevier full-text XML read into the document
 * (ingest_xml_elsevier.c).
 */
#ifndef NH3CAT_INGEST_XML_ELSEVIER_H
#define NH3CAT_INGEST_XML_ELSEVIER_H

#include <libxml/tree.h>

struct xr;

/* Title and DOI from coredata or the head, abstract, body, floats, tail. */
void xr_read_elsevier(struct xr *x, const xmlNode *root);

#endif
