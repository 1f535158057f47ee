/*
 * ingest_xml_refs.h: the reference list (ingest_xml_refs.c): numbered
 * before the body is read, for citations; each entry in the shape of a
 * typeset list, with its DOI.
 */
#ifndef NH3CAT_INGEST_XML_REFS_H
#define NH3CAT_INGEST_XML_REFS_H

#include <libxml/tree.h>

struct xr;

/* Number the reference list before reading the body, for citations. */
void xr_collect_refs(struct xr *x, const xmlNode *n);
void xr_do_ref_list(struct xr *x, const xmlNode *list);

#endif
