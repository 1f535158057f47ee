/*
 * ingest_xml_table.h: tables of the HTML and CALS models, spans kept, and
 * their footnotes (ingest_xml_table.c).
 */
#ifndef NH3CAT_INGEST_XML_TABLE_H
#define NH3CAT_INGEST_XML_TABLE_H

#include <libxml/tree.h>

struct xr;

/*
 * A table float: JATS <table-wrap> (one or more <table>, HTML or CALS
 * model, maybe inside <alternatives>), or a table element that is its own
 * float (Elsevier <ce:table>, a bare HTML <table>).
 */
void xr_do_table_float(struct xr *x, const xmlNode *wrap);

#endif
