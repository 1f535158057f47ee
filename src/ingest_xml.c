/*
 * ingest_xml.c: the XML reader's driver.  Turns a JATS or Elsevier full-text paper
 * into the same document the text reader makes of its PDF text: headings,
 * paragraphs, figure captions, tables (HTML or CALS model, spans kept),
 * and the entries of the reference list.
 *
 * Inline markup is folded the way the normalizer folds Unicode, so that
 * the extractor sees one form whatever the source:
 *   NH<sub>3</sub> -> NH3, MoH<sub>x</sub> -> MoHx, g<sub>cat</sub> -> g_cat,
 *   h<sup>−1</sup> -> h^-1, 10<sup>−3</sup> -> 10^-3,
 *   <sup><xref ref-type="bibr" rid="cit95">95</xref></sup> -> [cite:95],
 *   xrefs 81, 82 -> [cite:81,82], 81–83 -> [cite:81-83];
 * italic, bold and the like are dropped, MathML is read as text with the
 * same sub/superscript rules.  A table cell holding nothing but citations
 * gives their numbers ("48"), as the rendered table shows them.
 *
 * Locators are paths: blocks get the XPath of their element
 * ("/article/body/sec[3]/p[2]"); table rows "tableN/rR" and cells
 * "tableN/rR/cC" (N counts tables in the document, R and C count rows and
 * columns of the table grid from 1, header rows included).
 *
 * References keep the shape of a typeset list ("A. B, C. D and E. F,
 * Title, *Journal*, 2020, **10**, 1-9.") followed by "doi:..." when the
 * citation names a DOI, so that one reference parser serves both readers.
 *
 * The parts: ingest_xml_core.c (state, inline text, blocks),
 * ingest_xml_table.c, ingest_xml_refs.c, ingest_xml_body.c, and one file
 * per vocabulary (ingest_xml_jats.c, ingest_xml_elsevier.c), chosen by the
 * table below.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ingest.h"

#include "ingest_xml_core.h"
#include "ingest_xml_elsevier.h"
#include "ingest_xml_jats.h"

/*
 * One row per vocabulary: xmlvocab_detect names it, its file reads it.  A
 * new publisher is its detection in xmlvocab.c, one file like
 * ingest_xml_jats.c and one row here.
 */
static const struct {
	enum xml_vocab vocab;
	void (*read)(struct xr *x, const xmlNode *root);
} vocab_readers[] = {
	{ XML_VOCAB_JATS, xr_read_jats },
	{ XML_VOCAB_ELSEVIER, xr_read_elsevier },
};

struct document *ingest_xml(const char *name, const char *key, const char *data, size_t len,
			    struct diag *d)
{
	struct xr x;
	struct buf why = BUF_INIT;
	xmlDocPtr xdoc;
	xmlNodePtr root;
	size_t i;

	xdoc = xmlsafe_parse(name, data, len, NULL, d);
	if (!xdoc)
		return NULL;
	memset(&x, 0, sizeof(x));
	x.name = name;
	x.d = d;
	x.vocab = xmlvocab_detect(xdoc, &why);
	root = xmlDocGetRootElement(xdoc);
	if (x.vocab == XML_VOCAB_UNKNOWN) {
		diag_emit(d, name, xmlGetLineNo(root), 0, DIAG_ERROR, "xml-vocab",
			  "unknown XML document type: %s; nh3cat reads JATS (NISO Z39.96, as "
			  "PubMed Central delivers it) and Elsevier full-text XML", buf_str(&why));
		buf_release(&why);
		xmlFreeDoc(xdoc);
		return NULL;
	}
	x.doc = document_new(key, name, NULL, 0);
	xr_index_siblings(&x, root);
	for (i = 0; i < ARRAY_SIZE(vocab_readers); i++)
		if (vocab_readers[i].vocab == x.vocab)
			vocab_readers[i].read(&x, root);
	for (i = 0; i < x.nrefs; i++) {
		free(x.refs[i].id);
		free(x.refs[i].num);
	}
	free(x.refs);
	free(x.sibs);
	buf_release(&why);
	xmlFreeDoc(xdoc);
	return x.doc;
}

const struct reader reader_xml = {
	.name = "xml",
	.exts = (const char *const[]){ ".xml", ".nxml", NULL },
	.read = ingest_xml,
};
