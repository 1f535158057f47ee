/*
 * xmlvocab.c: telling JATS from Elsevier full text from anything else, and
 * HTML-model tables from CALS-model ones, by looking only at names,
 * namespaces and the DOCTYPE: nothing is validated or loaded.
 */
#include <config.h>

#include <string.h>

#include "xmlvocab.h"

#include "xmlsafe.h"

static int has(const xmlChar *s, const char *needle)
{
	return s && strstr((const char *)s, needle) != NULL;
}

/* The DOCTYPE names a JATS (or older NLM journal) DTD. */
static int jats_doctype(xmlDocPtr doc)
{
	xmlDtdPtr dtd = xmlGetIntSubset(doc);
	if (!dtd)
		return 0;
	return has(dtd->ExternalID, "JATS") || has(dtd->ExternalID, "-//NLM//DTD") ||
	       has(dtd->SystemID, "JATS-") || has(dtd->SystemID, "jats") ||
	       has(dtd->SystemID, "journalpublishing") || has(dtd->SystemID, "archivearticle");
}

static int is_elsevier_ns(const xmlChar *href)
{
	return href && (strcmp((const char *)href, XMLNS_ELS_SVAPI) == 0 ||
			strcmp((const char *)href, XMLNS_ELS_JA) == 0 ||
			strcmp((const char *)href, XMLNS_ELS_COMMON) == 0);
}

enum xml_vocab xmlvocab_detect(xmlDocPtr doc, struct buf *why)
{
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	xmlNsPtr ns;
	const char *uri;

	if (!root) {
		if (why)
			buf_addstr(why, "no root element");
		return XML_VOCAB_UNKNOWN;
	}
	uri = xml_ns(root);
	if (is_elsevier_ns(root->ns ? root->ns->href : NULL))
		return XML_VOCAB_ELSEVIER;
	for (ns = root->nsDef; ns; ns = ns->next)
		if (is_elsevier_ns(ns->href))
			return XML_VOCAB_ELSEVIER;
	if (xml_is(root, "article") && (!*uri || str_startswith(uri, XMLNS_JATS))) {
		xmlNodePtr front = xml_child(root, "front");
		if (jats_doctype(doc) || *uri || xml_attr(root, "dtd-version") ||
		    (front && xml_child(front, "article-meta")))
			return XML_VOCAB_JATS;
	}
	if (why) {
		buf_printf(why, "root element <%s>", (const char *)root->name);
		if (*uri)
			buf_printf(why, " in namespace %s", uri);
		else
			buf_addstr(why, " in no namespace");
	}
	return XML_VOCAB_UNKNOWN;
}

/* node holds <tr> rows, directly or inside thead/tbody/tfoot. */
static int has_html_rows(const xmlNode *node)
{
	const xmlNode *c;
	for (c = node->children; c; c = c->next) {
		if (xml_is(c, "tr"))
			return 1;
		if ((xml_is(c, "thead") || xml_is(c, "tbody") || xml_is(c, "tfoot")) &&
		    xml_child(c, "tr"))
			return 1;
	}
	return 0;
}

enum xml_table_model xmlvocab_table_model(const xmlNode *table)
{
	if (!table || table->type != XML_ELEMENT_NODE)
		return XML_TABLE_NONE;
	if (xml_is(table, "tgroup") || xml_child(table, "tgroup"))
		return XML_TABLE_CALS;
	if (has_html_rows(table))
		return XML_TABLE_HTML;
	return XML_TABLE_NONE;
}
