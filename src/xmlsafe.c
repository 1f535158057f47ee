/*
 * xmlsafe.c: the one place nh3cat hands untrusted bytes to libxml2.
 *
 * The parser context gets its own SAX handler table, copied from libxml2's
 * default tree builder with a few entries replaced: entity declarations
 * stop the parse, the external subset and entity resolution do nothing,
 * and element starts count the depth.  Errors arrive through the
 * structured error callback of that table, so libxml2 never prints.
 */
#include <config.h>

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "xmlsafe.h"

#include "buf.h"
#include "util.h"

/* Errors past this many in one document are counted, not printed. */
#define MAX_REPORTED 20

struct parse_state {
	const char *name;
	struct diag *d;
	struct xmlsafe_limits lim;
	unsigned depth;
	unsigned long nodes;
	unsigned long nerrors;
	int stopped;           /* we stopped the parser: ignore what follows */
	xmlParserCtxtPtr ctxt;
};

static struct parse_state *active;     /* the parse under way, if any */
static unsigned long load_attempts;

static void report(struct parse_state *st, long line, long col, const char *rule,
		   const char *fmt, ...) ATTR_PRINTF(5, 6);

static void report(struct parse_state *st, long line, long col, const char *rule,
		   const char *fmt, ...)
{
	va_list ap;
	st->nerrors++;
	if (st->nerrors > MAX_REPORTED)
		return;
	va_start(ap, fmt);
	diag_vemit(st->d, st->name, line, col, DIAG_ERROR, rule, fmt, ap);
	va_end(ap);
}

/* Report at the parser's current position and stop the parse. */
static void stop_here(struct parse_state *st, const char *rule, const char *fmt, ...)
	ATTR_PRINTF(3, 4);

static void stop_here(struct parse_state *st, const char *rule, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	long line = 0, col = 0;
	if (st->stopped)
		return;
	if (st->ctxt->input) {
		line = st->ctxt->input->line;
		col = st->ctxt->input->col;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report(st, line, col, rule, "%s", msg);
	st->stopped = 1;
	xmlStopParser(st->ctxt);
}

/* libxml2's messages: one line, no final newline, no final full stop. */
static void clean_message(const char *in, struct buf *out)
{
	size_t n;
	buf_addstr(out, in ? in : "malformed XML");
	while (out->len && (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == ' ' ||
			    out->data[out->len - 1] == '.'))
		out->data[--out->len] = '\0';
	for (n = 0; n < out->len; n++)
		if (out->data[n] == '\n')
			out->data[n] = ' ';
	/* Lowercase the first letter, as all nh3cat messages start. */
	if (out->len >= 2 && out->data[0] >= 'A' && out->data[0] <= 'Z' &&
	    !(out->data[1] >= 'A' && out->data[1] <= 'Z'))
		out->data[0] = (char)(out->data[0] - 'A' + 'a');
}

static void on_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt ? ctxt->_private : NULL;
	struct buf msg = BUF_INIT;
	int undeclared;

	if (!st || !e || st->stopped)
		return;
	undeclared = e->code == XML_ERR_UNDECLARED_ENTITY ||
		     e->code == XML_WAR_UNDECLARED_ENTITY;
	/* Plain warnings (such as a relative namespace URI) do not fail a paper. */
	if (e->level == XML_ERR_WARNING && !undeclared)
		return;
	if (undeclared) {
		report(st, e->line, e->int2, "xml-entity",
		       "entity '%s' is not defined (external DTDs are never read)",
		       e->str1 ? e->str1 : "?");
		return;
	}
	clean_message(e->message, &msg);
	report(st, e->line, e->int2, "xml-syntax", "%s", buf_str(&msg));
	buf_release(&msg);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type,
			   const xmlChar *publicId, const xmlChar *systemId, xmlChar *content)
{
	xmlParserCtxtPtr ctxt = ctx;
	int param = type == XML_INTERNAL_PARAMETER_ENTITY ||
		    type == XML_EXTERNAL_PARAMETER_ENTITY;
	(void)publicId;
	(void)content;
	if (systemId)
		stop_here(ctxt->_private, "xml-entity",
			  "document declares external entity '%s%s' (SYSTEM \"%s\"): entities are refused and nothing is loaded",
			  param ? "%" : "", (const char *)name, (const char *)systemId);
	else
		stop_here(ctxt->_private, "xml-entity",
			  "document declares entity '%s%s': entity declarations are refused",
			  param ? "%" : "", (const char *)name);
}

static void on_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *publicId,
				    const xmlChar *systemId, const xmlChar *notationName)
{
	(void)notationName;
	on_entity_decl(ctx, name, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY, publicId, systemId, NULL);
}

/* The DOCTYPE's external DTD: noted by the tree builder's internalSubset, never read. */
static void on_external_subset(void *ctx, const xmlChar *name, const xmlChar *ExternalID,
			       const xmlChar *SystemID)
{
	(void)ctx;
	(void)name;
	(void)ExternalID;
	(void)SystemID;
}

static xmlParserInputPtr on_resolve_entity(void *ctx, const xmlChar *publicId,
					   const xmlChar *systemId)
{
	xmlParserCtxtPtr ctxt = ctx;
	(void)publicId;
	load_attempts++;
	stop_here(ctxt->_private, "xml-external", "refused to load external resource '%s'",
		  systemId ? (const char *)systemId : "?");
	return NULL;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		     const xmlChar *URI, int nb_namespaces, const xmlChar **namespaces,
		     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;
	if (st->stopped)
		return;
	if (++st->depth > st->lim.max_depth) {
		stop_here(st, "xml-depth", "elements nested deeper than %u levels", st->lim.max_depth);
		return;
	}
	st->nodes += 1 + (unsigned long)(nb_attributes > 0 ? nb_attributes : 0);
	if (st->nodes > st->lim.max_nodes) {
		stop_here(st, "xml-size", "more than %lu elements and attributes", st->lim.max_nodes);
		return;
	}
	xmlSAX2StartElementNs(ctx, localname, prefix, URI, nb_namespaces, namespaces,
			      nb_attributes, nb_defaulted, attributes);
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		   const xmlChar *URI)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;
	if (st->stopped)
		return;
	st->depth--;
	xmlSAX2EndElementNs(ctx, localname, prefix, URI);
}

/* Installed while a parse runs: refuses whatever libxml2 would load. */
static xmlParserInputPtr refuse_loader(const char *URL, const char *ID, xmlParserCtxtPtr ctxt)
{
	(void)ID;
	(void)ctxt;
	load_attempts++;
	if (active)
		stop_here(active, "xml-external", "refused to load external resource '%s'",
			  URL ? URL : "?");
	return NULL;
}

static void silent_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

unsigned long xmlsafe_load_attempts(void)
{
	return load_attempts;
}

/* No network, no DTD, no entity substitution, no XInclude, no HUGE. */
#define SAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
		      XML_PARSE_NOCDATA | XML_PARSE_NOXINCNODE)

xmlDocPtr xmlsafe_parse(const char *name, const char *data, size_t len,
			const struct xmlsafe_limits *lim, struct diag *d)
{
	struct parse_state st;
	xmlParserCtxtPtr ctxt;
	xmlExternalEntityLoader old_loader;
	xmlGenericErrorFunc old_generic;
	void *old_generic_ctx;
	xmlDocPtr doc = NULL;

	memset(&st, 0, sizeof(st));
	st.name = name;
	st.d = d;
	st.lim.max_bytes = lim && lim->max_bytes ? lim->max_bytes : XMLSAFE_MAX_BYTES;
	st.lim.max_depth = lim && lim->max_depth ? lim->max_depth : XMLSAFE_MAX_DEPTH;
	st.lim.max_nodes = lim && lim->max_nodes ? lim->max_nodes : XMLSAFE_MAX_NODES;
	if (len > st.lim.max_bytes || len > INT_MAX) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "xml-size",
			  "document is %zu bytes, over the limit of %zu", len, st.lim.max_bytes);
		return NULL;
	}
	if (len == 0) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "xml-syntax", "empty document");
		return NULL;
	}

	xmlInitParser();
	ctxt = xmlCreateMemoryParserCtxt(data, (int)len);
	if (!ctxt)
		die("out of memory");
	xmlCtxtUseOptions(ctxt, SAFE_OPTIONS);
	ctxt->_private = &st;
	st.ctxt = ctxt;
	ctxt->sax->initialized = XML_SAX2_MAGIC;
	ctxt->sax->serror = on_error;
	ctxt->sax->error = NULL;
	ctxt->sax->warning = NULL;
	ctxt->sax->entityDecl = on_entity_decl;
	ctxt->sax->unparsedEntityDecl = on_unparsed_entity_decl;
	ctxt->sax->externalSubset = on_external_subset;
	ctxt->sax->resolveEntity = on_resolve_entity;
	ctxt->sax->startElementNs = on_start;
	ctxt->sax->endElementNs = on_end;
	ctxt->validate = 0;
	ctxt->loadsubset = 0;
	ctxt->replaceEntities = 0;

	old_loader = xmlGetExternalEntityLoader();
	old_generic = xmlGenericError;
	old_generic_ctx = xmlGenericErrorContext;
	xmlSetExternalEntityLoader(refuse_loader);
	xmlSetGenericErrorFunc(NULL, silent_generic);
	active = &st;

	xmlParseDocument(ctxt);

	active = NULL;
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
	xmlSetExternalEntityLoader(old_loader);

	if (!ctxt->wellFormed && st.nerrors == 0)
		report(&st, ctxt->input ? ctxt->input->line : 0, 0, "xml-syntax",
		       "document is not well-formed XML");
	if (st.nerrors == 0 && !ctxt->myDoc)
		report(&st, 0, 0, "xml-syntax", "no document element");
	if (st.nerrors == 0 && ctxt->myDoc && !xmlDocGetRootElement(ctxt->myDoc))
		report(&st, 0, 0, "xml-syntax", "no document element");
	if (st.nerrors > MAX_REPORTED)
		diag_emit(d, name, 0, 0, DIAG_NOTE, "xml-syntax", "%lu further errors not shown",
			  st.nerrors - MAX_REPORTED);
	if (st.nerrors == 0) {
		doc = ctxt->myDoc;
		ctxt->myDoc = NULL;
	} else if (ctxt->myDoc) {
		xmlFreeDoc(ctxt->myDoc);
		ctxt->myDoc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

xmlDocPtr xmlsafe_parse_file(const char *path, const struct xmlsafe_limits *lim,
			     struct diag *d)
{
	size_t len;
	char *data = file_read_all(path, &len);
	xmlDocPtr doc;
	if (!data)
		return NULL;
	doc = xmlsafe_parse(path, data, len, lim, d);
	free(data);
	return doc;
}

/* --- walking ----------------------------------------------------------- */

int xml_is(const xmlNode *node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE && node->name &&
	       strcmp((const char *)node->name, name) == 0;
}

xmlNodePtr xml_child(const xmlNode *node, const char *name)
{
	xmlNodePtr c;
	if (!node)
		return NULL;
	for (c = node->children; c; c = c->next)
		if (xml_is(c, name))
			return c;
	return NULL;
}

xmlNodePtr xml_next(const xmlNode *node, const char *name)
{
	xmlNodePtr c;
	if (!node)
		return NULL;
	for (c = node->next; c; c = c->next)
		if (xml_is(c, name))
			return c;
	return NULL;
}

const char *xml_attr(const xmlNode *node, const char *name)
{
	xmlAttrPtr a;
	if (!node || node->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = node->properties; a; a = a->next) {
		if (!a->name || strcmp((const char *)a->name, name) != 0)
			continue;
		if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next &&
		    a->children->content)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

const char *xml_ns(const xmlNode *node)
{
	if (node && node->ns && node->ns->href)
		return (const char *)node->ns->href;
	return "";
}

void xml_text(const xmlNode *node, struct buf *out)
{
	const xmlNode *c;
	if (!node)
		return;
	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
		if (node->content)
			buf_addstr(out, (const char *)node->content);
		return;
	}
	if (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE)
		return;
	for (c = node->children; c; c = c->next)
		xml_text(c, out);
}
