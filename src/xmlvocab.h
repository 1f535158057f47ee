/*
 * xmlvocab.h: which XML vocabulary a paper is written in, and which table
 * model a table element follows.
 *
 * Vocabularies:
 *   - JATS (NISO Z39.96, and its NLM predecessors as PubMed Central
 *     delivers them): root element <article> in no namespace, recognized
 *     by a DOCTYPE naming a JATS or NLM DTD, a dtd-version attribute, the
 *     JATS namespace, or a <front> holding <article-meta>;
 *   - Elsevier full text: the root, or a namespace declared on it, is one
 *     of Elsevier's article namespaces (svapi/article, ja, common).
 * Table models, wherever they appear in either vocabulary:
 *   - HTML model: <table> with <thead>/<tbody>/<tr> and <th>/<td> cells;
 *   - CALS model: <tgroup> with <colspec>, <thead>/<tbody>, <row> and
 *     <entry> cells (morerows, namest/nameend for spans).
 */
#ifndef NH3CAT_XMLVOCAB_H
#define NH3CAT_XMLVOCAB_H

#include <libxml/tree.h>

#include "buf.h"

enum xml_vocab {
	XML_VOCAB_UNKNOWN,
	XML_VOCAB_JATS,
	XML_VOCAB_ELSEVIER
};

#define XMLNS_ELS_SVAPI "http://www.elsevier.com/xml/svapi/article/dtd"
#define XMLNS_ELS_JA "http://www.elsevier.com/xml/ja/dtd"
#define XMLNS_ELS_COMMON "http://www.elsevier.com/xml/common/dtd"
#define XMLNS_JATS "http://jats.nlm.nih.gov"

/*
 * The vocabulary of doc.  For XML_VOCAB_UNKNOWN, why (when not NULL)
 * receives a description of what the document is ("root element <html>
 * in namespace http://www.w3.org/1999/xhtml"), for the error message.
 */
enum xml_vocab xmlvocab_detect(xmlDocPtr doc, struct buf *why /* OUT, may be NULL */);

enum xml_table_model {
	XML_TABLE_NONE,   /* not a table, or an empty one */
	XML_TABLE_HTML,
	XML_TABLE_CALS
};

/*
 * The model of a table element (<table>, <ce:table>, <tgroup>): CALS when
 * it is or holds a <tgroup>, HTML when it holds <tr> rows (directly or in
 * <thead>/<tbody>/<tfoot>), else none.
 */
enum xml_table_model xmlvocab_table_model(const xmlNode *table);

#endif
