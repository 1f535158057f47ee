/*
 * xmlsafe.h: parsing untrusted XML with libxml2, safely.
 *
 * Every XML document nh3cat reads (papers, report templates) goes through
 * xmlsafe_parse, which holds these promises whatever the input:
 *   - nothing is fetched: no network (XML_PARSE_NONET), no external DTD
 *     or external entity is ever loaded (the entity loader refuses every
 *     request while a parse runs), no XInclude;
 *   - no entity is expanded: a document that declares an entity (general
 *     or parameter, internal or external) is refused as soon as the
 *     declaration is read, which stops XXE and "billion laughs" before any
 *     expansion; the five predefined entities and character references
 *     are fine, and a DOCTYPE naming an external DTD (as JATS files do)
 *     is accepted but the DTD is not read; the named characters such DTDs
 *     declare (&ndash; &mu; &deg; &nbsp; ..., some 200 of HTML 4 and the
 *     ISO sets) are known without it, as the characters they name;
 *   - limits: input size (max_bytes), element depth (max_depth) and the
 *     number of elements and attributes (max_nodes) are checked while
 *     parsing, and libxml2's own limits stay on
 *     (XML_PARSE_HUGE is never set);
 *   - libxml2 prints nothing: its errors reach the caller's struct diag as
 *     "NAME:LINE:COL: error: [xml-RULE] message".
 *
 * Rules of the diagnostics: xml-syntax (not well-formed), xml-entity
 * (entity declared or undefined), xml-depth, xml-size, xml-external (an
 * attempt to load an external resource, refused).
 */
#ifndef NH3CAT_XMLSAFE_H
#define NH3CAT_XMLSAFE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "buf.h"
#include "diag.h"

/*
 * Defaults: papers are a few MB, with some 50,000 elements, nested about
 * 20 deep.  The node limit bounds memory: libxml2 spends some 130 bytes
 * per element, so 64 MB of "<p/>" alone would build a 2 GB tree; 1,000,000 nodes
 * stay near 150 MB.
 */
#define XMLSAFE_MAX_BYTES ((size_t)64 << 20)
#define XMLSAFE_MAX_DEPTH 200
#define XMLSAFE_MAX_NODES 1000000UL

/* A zero field takes its default. */
struct xmlsafe_limits {
	size_t max_bytes;          /* input larger than this is refused */
	unsigned max_depth;        /* elements nested deeper than this are refused */
	unsigned long max_nodes;   /* more elements and attributes than this are refused */
};

/*
 * Parse data[0..len) as an XML document; name is used in diagnostics.
 * lim may be NULL for the defaults.  Returns the document (free it with
 * xmlFreeDoc), or NULL after emitting at least one error to d.
 */
xmlDocPtr xmlsafe_parse(const char *name, const char *data, size_t len,
			const struct xmlsafe_limits *lim, struct diag *d);

/* Read path and parse it (file_read_all, then xmlsafe_parse). */
xmlDocPtr xmlsafe_parse_file(const char *path, const struct xmlsafe_limits *lim,
			     struct diag *d);

/*
 * How many times libxml2 asked to load an external resource (and was
 * refused) since the program started; tests use it to show nothing was
 * fetched.
 */
unsigned long xmlsafe_load_attempts(void);

/* --- walking a parsed document ------------------------------------------ */

/* 1 when node is an element whose local name is name (any namespace). */
int xml_is(const xmlNode *node, const char *name);
/* The first child element of node with local name name, or NULL. */
xmlNodePtr xml_child(const xmlNode *node, const char *name);
/* The next sibling element after node with local name name, or NULL. */
xmlNodePtr xml_next(const xmlNode *node, const char *name);
/* An attribute by local name (any namespace), borrowed; NULL when absent. */
const char *xml_attr(const xmlNode *node, const char *name);
/* The namespace URI of node, or "" (borrowed). */
const char *xml_ns(const xmlNode *node);
/* Append the text content of node (all descendants, as is) to out. */
void xml_text(const xmlNode *node, struct buf *out);

#endif
