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
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
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

/*
 * Threads may parse at the same time (extract -j N).  Each thread's parse
 * under way is thread-local; libxml2's entity loader is one for the
 * process, so the first parse to start installs the refusing loader and
 * the last to end puts the old one back, under guard.
 */
static __thread struct parse_state *active;
static pthread_mutex_t guard = PTHREAD_MUTEX_INITIALIZER;
static unsigned parses_running;          /* under guard */
static int initialized;                  /* under guard */
static xmlExternalEntityLoader saved_loader;   /* under guard */
static unsigned long load_attempts;      /* atomic */

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
	__atomic_add_fetch(&load_attempts, 1, __ATOMIC_RELAXED);
	stop_here(ctxt->_private, "xml-external", "refused to load external resource '%s'",
		  systemId ? (const char *)systemId : "?");
	return NULL;
}

/*
 * Named characters (HTML 4 and the ISO sets JATS DTDs declare: &ndash;
 * &mu; &deg; ...).  Publishers' files use them expecting the DTD to be
 * read; nh3cat never reads it, so it knows them itself, as characters
 * (libxml2 inlines a "predefined" entity like &amp;: no expansion, no
 * tree node).  Sorted by name for bsearch.
 */
static const struct named_char {
	const char *name, *utf8;
} named_chars[] = {
	{ "Alpha", "\xce\x91" },
	{ "Aring", "\xc3\x85" },
	{ "Auml", "\xc3\x84" },
	{ "Beta", "\xce\x92" },
	{ "Ccaron", "\xc4\x8c" },
	{ "Chi", "\xce\xa7" },
	{ "Dagger", "\xe2\x80\xa1" },
	{ "Delta", "\xce\x94" },
	{ "Eacute", "\xc3\x89" },
	{ "Epsilon", "\xce\x95" },
	{ "Eta", "\xce\x97" },
	{ "Gamma", "\xce\x93" },
	{ "Iota", "\xce\x99" },
	{ "Kappa", "\xce\x9a" },
	{ "Lambda", "\xce\x9b" },
	{ "Lstrok", "\xc5\x81" },
	{ "Mu", "\xce\x9c" },
	{ "Nu", "\xce\x9d" },
	{ "Omega", "\xce\xa9" },
	{ "Omicron", "\xce\x9f" },
	{ "Oslash", "\xc3\x98" },
	{ "Ouml", "\xc3\x96" },
	{ "Phi", "\xce\xa6" },
	{ "Pi", "\xce\xa0" },
	{ "Prime", "\xe2\x80\xb3" },
	{ "Psi", "\xce\xa8" },
	{ "Rho", "\xce\xa1" },
	{ "Scaron", "\xc5\xa0" },
	{ "Sigma", "\xce\xa3" },
	{ "Tau", "\xce\xa4" },
	{ "Theta", "\xce\x98" },
	{ "Upsilon", "\xce\xa5" },
	{ "Uuml", "\xc3\x9c" },
	{ "Xi", "\xce\x9e" },
	{ "Zeta", "\xce\x96" },
	{ "aacute", "\xc3\xa1" },
	{ "acirc", "\xc3\xa2" },
	{ "acute", "\xc2\xb4" },
	{ "aelig", "\xc3\xa6" },
	{ "agrave", "\xc3\xa0" },
	{ "alpha", "\xce\xb1" },
	{ "and", "\xe2\x88\xa7" },
	{ "ang", "\xe2\x88\xa0" },
	{ "angst", "\xc3\x85" },
	{ "approx", "\xe2\x89\x88" },
	{ "aring", "\xc3\xa5" },
	{ "asymp", "\xe2\x89\x88" },
	{ "atilde", "\xc3\xa3" },
	{ "auml", "\xc3\xa4" },
	{ "beta", "\xce\xb2" },
	{ "bull", "\xe2\x80\xa2" },
	{ "cap", "\xe2\x88\xa9" },
	{ "ccaron", "\xc4\x8d" },
	{ "ccedil", "\xc3\xa7" },
	{ "cedil", "\xc2\xb8" },
	{ "cent", "\xc2\xa2" },
	{ "centerdot", "\xc2\xb7" },
	{ "chi", "\xcf\x87" },
	{ "cong", "\xe2\x89\x85" },
	{ "copy", "\xc2\xa9" },
	{ "cup", "\xe2\x88\xaa" },
	{ "dagger", "\xe2\x80\xa0" },
	{ "darr", "\xe2\x86\x93" },
	{ "deg", "\xc2\xb0" },
	{ "delta", "\xce\xb4" },
	{ "divide", "\xc3\xb7" },
	{ "eacute", "\xc3\xa9" },
	{ "ecaron", "\xc4\x9b" },
	{ "ecirc", "\xc3\xaa" },
	{ "egrave", "\xc3\xa8" },
	{ "ell", "\xe2\x84\x93" },
	{ "empty", "\xe2\x88\x85" },
	{ "emsp", "\xe2\x80\x83" },
	{ "ensp", "\xe2\x80\x82" },
	{ "epsi", "\xce\xb5" },
	{ "epsilon", "\xce\xb5" },
	{ "equiv", "\xe2\x89\xa1" },
	{ "eta", "\xce\xb7" },
	{ "euml", "\xc3\xab" },
	{ "euro", "\xe2\x82\xac" },
	{ "exist", "\xe2\x88\x83" },
	{ "forall", "\xe2\x88\x80" },
	{ "frac12", "\xc2\xbd" },
	{ "frac14", "\xc2\xbc" },
	{ "frac34", "\xc2\xbe" },
	{ "gamma", "\xce\xb3" },
	{ "ge", "\xe2\x89\xa5" },
	{ "hArr", "\xe2\x87\x94" },
	{ "hairsp", "\xe2\x80\x8a" },
	{ "half", "\xc2\xbd" },
	{ "harr", "\xe2\x86\x94" },
	{ "hbar", "\xe2\x84\x8f" },
	{ "hellip", "\xe2\x80\xa6" },
	{ "horbar", "\xe2\x80\x95" },
	{ "hyphen", "\xe2\x80\x90" },
	{ "iacute", "\xc3\xad" },
	{ "iexcl", "\xc2\xa1" },
	{ "image", "\xe2\x84\x91" },
	{ "infin", "\xe2\x88\x9e" },
	{ "int", "\xe2\x88\xab" },
	{ "iota", "\xce\xb9" },
	{ "iquest", "\xc2\xbf" },
	{ "isin", "\xe2\x88\x88" },
	{ "iuml", "\xc3\xaf" },
	{ "kappa", "\xce\xba" },
	{ "lArr", "\xe2\x87\x90" },
	{ "lambda", "\xce\xbb" },
	{ "lang", "\xe2\x9f\xa8" },
	{ "laquo", "\xc2\xab" },
	{ "larr", "\xe2\x86\x90" },
	{ "lceil", "\xe2\x8c\x88" },
	{ "ldquo", "\xe2\x80\x9c" },
	{ "le", "\xe2\x89\xa4" },
	{ "lfloor", "\xe2\x8c\x8a" },
	{ "lowast", "\xe2\x88\x97" },
	{ "lrarr", "\xe2\x87\x86" },
	{ "lrhar", "\xe2\x87\x8b" },
	{ "lrm", "\xe2\x80\x8e" },
	{ "lsquo", "\xe2\x80\x98" },
	{ "lstrok", "\xc5\x82" },
	{ "macr", "\xc2\xaf" },
	{ "mdash", "\xe2\x80\x94" },
	{ "micro", "\xc2\xb5" },
	{ "middot", "\xc2\xb7" },
	{ "minus", "\xe2\x88\x92" },
	{ "mu", "\xce\xbc" },
	{ "nabla", "\xe2\x88\x87" },
	{ "nacute", "\xc5\x84" },
	{ "nbsp", "\xc2\xa0" },
	{ "ndash", "\xe2\x80\x93" },
	{ "ne", "\xe2\x89\xa0" },
	{ "not", "\xc2\xac" },
	{ "ntilde", "\xc3\xb1" },
	{ "nu", "\xce\xbd" },
	{ "oacute", "\xc3\xb3" },
	{ "ohm", "\xe2\x84\xa6" },
	{ "omega", "\xcf\x89" },
	{ "omicron", "\xce\xbf" },
	{ "or", "\xe2\x88\xa8" },
	{ "ordf", "\xc2\xaa" },
	{ "ordm", "\xc2\xba" },
	{ "oslash", "\xc3\xb8" },
	{ "otilde", "\xc3\xb5" },
	{ "ouml", "\xc3\xb6" },
	{ "para", "\xc2\xb6" },
	{ "part", "\xe2\x88\x82" },
	{ "permil", "\xe2\x80\xb0" },
	{ "perp", "\xe2\x8a\xa5" },
	{ "phi", "\xcf\x86" },
	{ "pi", "\xcf\x80" },
	{ "piv", "\xcf\x96" },
	{ "planck", "\xe2\x84\x8f" },
	{ "plusmn", "\xc2\xb1" },
	{ "pm", "\xc2\xb1" },
	{ "pound", "\xc2\xa3" },
	{ "prime", "\xe2\x80\xb2" },
	{ "prod", "\xe2\x88\x8f" },
	{ "prop", "\xe2\x88\x9d" },
	{ "psi", "\xcf\x88" },
	{ "rArr", "\xe2\x87\x92" },
	{ "radic", "\xe2\x88\x9a" },
	{ "rang", "\xe2\x9f\xa9" },
	{ "raquo", "\xc2\xbb" },
	{ "rarr", "\xe2\x86\x92" },
	{ "rcaron", "\xc5\x99" },
	{ "rceil", "\xe2\x8c\x89" },
	{ "rdquo", "\xe2\x80\x9d" },
	{ "real", "\xe2\x84\x9c" },
	{ "reg", "\xc2\xae" },
	{ "rfloor", "\xe2\x8c\x8b" },
	{ "rho", "\xcf\x81" },
	{ "rlarr", "\xe2\x87\x84" },
	{ "rlhar", "\xe2\x87\x8c" },
	{ "rlm", "\xe2\x80\x8f" },
	{ "rsquo", "\xe2\x80\x99" },
	{ "sacute", "\xc5\x9b" },
	{ "scaron", "\xc5\xa1" },
	{ "sdot", "\xe2\x8b\x85" },
	{ "sect", "\xc2\xa7" },
	{ "shy", "\xc2\xad" },
	{ "sigma", "\xcf\x83" },
	{ "sigmaf", "\xcf\x82" },
	{ "sim", "\xe2\x88\xbc" },
	{ "sum", "\xe2\x88\x91" },
	{ "sup1", "\xc2\xb9" },
	{ "sup2", "\xc2\xb2" },
	{ "sup3", "\xc2\xb3" },
	{ "szlig", "\xc3\x9f" },
	{ "tau", "\xcf\x84" },
	{ "there4", "\xe2\x88\xb4" },
	{ "theta", "\xce\xb8" },
	{ "thetasym", "\xcf\x91" },
	{ "thinsp", "\xe2\x80\x89" },
	{ "times", "\xc3\x97" },
	{ "trade", "\xe2\x84\xa2" },
	{ "uacute", "\xc3\xba" },
	{ "uarr", "\xe2\x86\x91" },
	{ "uml", "\xc2\xa8" },
	{ "upsih", "\xcf\x92" },
	{ "upsilon", "\xcf\x85" },
	{ "uuml", "\xc3\xbc" },
	{ "weierp", "\xe2\x84\x98" },
	{ "xi", "\xce\xbe" },
	{ "yen", "\xc2\xa5" },
	{ "zcaron", "\xc5\xbe" },
	{ "zeta", "\xce\xb6" },
	{ "zwj", "\xe2\x80\x8d" },
	{ "zwnj", "\xe2\x80\x8c" },
};

static xmlEntity named_ents[ARRAY_SIZE(named_chars)];

static int named_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct named_char *)elem)->name);
}

static xmlEntityPtr on_get_entity(void *ctx, const xmlChar *name)
{
	const struct named_char *nc = bsearch(name, named_chars, ARRAY_SIZE(named_chars),
					      sizeof(named_chars[0]), named_cmp);
	xmlParserCtxtPtr ctxt = ctx;
	/*
	 * libxml2 copies one byte of a predefined entity into an attribute
	 * value: there, named characters stay unknown (an error, not a
	 * broken byte).
	 */
	if (!nc || ctxt->instate == XML_PARSER_ATTRIBUTE_VALUE)
		return xmlSAX2GetEntity(ctx, name);
	return &named_ents[nc - named_chars];   /* filled by parse_enter */
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
	__atomic_add_fetch(&load_attempts, 1, __ATOMIC_RELAXED);
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
	return __atomic_load_n(&load_attempts, __ATOMIC_RELAXED);
}

static void parse_enter(void)
{
	size_t i;
	pthread_mutex_lock(&guard);
	if (!initialized) {
		xmlInitParser();
		for (i = 0; i < ARRAY_SIZE(named_chars); i++) {
			xmlEntityPtr e = &named_ents[i];
			e->type = XML_ENTITY_DECL;
			e->name = (const xmlChar *)named_chars[i].name;
			e->content = (xmlChar *)(uintptr_t)named_chars[i].utf8;
			e->orig = e->content;
			e->length = (int)strlen(named_chars[i].utf8);
			e->etype = XML_INTERNAL_PREDEFINED_ENTITY;
		}
		initialized = 1;
	}
	if (parses_running++ == 0) {
		saved_loader = xmlGetExternalEntityLoader();
		xmlSetExternalEntityLoader(refuse_loader);
	}
	pthread_mutex_unlock(&guard);
}

static void parse_leave(void)
{
	pthread_mutex_lock(&guard);
	if (--parses_running == 0)
		xmlSetExternalEntityLoader(saved_loader);
	pthread_mutex_unlock(&guard);
}

/*
 * No network, no DTD, no entity substitution, no XInclude, no HUGE.  Short
 * texts are stored in their nodes (COMPACT): the tree is read, never changed.
 */
#define SAFE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
		      XML_PARSE_NOCDATA | XML_PARSE_NOXINCNODE | XML_PARSE_COMPACT)

xmlDocPtr xmlsafe_parse(const char *name, const char *data, size_t len,
			const struct xmlsafe_limits *lim, struct diag *d)
{
	struct parse_state st;
	xmlParserCtxtPtr ctxt;
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

	parse_enter();
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
	ctxt->sax->getEntity = on_get_entity;
	ctxt->sax->startElementNs = on_start;
	ctxt->sax->endElementNs = on_end;
	ctxt->validate = 0;
	ctxt->loadsubset = 0;
	ctxt->replaceEntities = 0;

	/* libxml2's generic error handler is per thread. */
	old_generic = xmlGenericError;
	old_generic_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, silent_generic);
	active = &st;

	xmlParseDocument(ctxt);

	active = NULL;
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);

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
	parse_leave();
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
	/* the first byte first: most names differ there, and the walkers ask often */
	return node && node->type == XML_ELEMENT_NODE && node->name && node->name[0] == (xmlChar)name[0] &&
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
