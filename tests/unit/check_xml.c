/*
 * check_xml.c: unit tests of the safe libxml2 layer (xmlsafe.c) and of
 * vocabulary and table-model detection (xmlvocab.c): hostile documents are
 * errors with a position and nothing is fetched, malformed ones give line
 * and column, libxml2 itself prints nothing, and the test documents of
 * tests/xml/ are recognized for what they are; and of the XML reader
 * (ingest_xml.c): folded text, citations, tables with spans, locators, and
 * agreement with the text reader on the same table.
 */
#include <config.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "entry.h"
#include "extract.h"
#include "ingest.h"
#include "normalize.h"
#include "refdoi.h"
#include "util.h"
#include "xmlsafe.h"
#include "xmlvocab.h"
#include "testlib.h"

/* Parse a fixture of tests/xml/; diagnostics land in *msgs (caller frees). */
static xmlDocPtr parse_fixture(const char *file, char **msgs)
{
	struct buf rel = BUF_INIT;
	char *path;
	struct diag *d = test_diag_new();
	xmlDocPtr doc;
	const char *text, *slash;

	buf_printf(&rel, "tests/xml/%s", file);
	path = test_path(buf_str(&rel));
	doc = xmlsafe_parse_file(path, NULL, d);
	/* Diagnostics name the file by its full path: keep only the base name. */
	text = test_diag_text(d);
	{
		struct buf out = BUF_INIT;
		const char *p = text, *hit;
		while ((hit = strstr(p, path)) != NULL) {
			buf_add(&out, p, (size_t)(hit - p));
			slash = strrchr(path, '/');
			buf_addstr(&out, slash + 1);
			p = hit + strlen(path);
		}
		buf_addstr(&out, p);
		*msgs = buf_detach(&out, NULL);
	}
	test_diag_free(d);
	free(path);
	buf_release(&rel);
	return doc;
}

static xmlDocPtr parse_string(const char *text, const struct xmlsafe_limits *lim, char **msgs)
{
	struct diag *d = test_diag_new();
	xmlDocPtr doc = xmlsafe_parse("t.xml", text, strlen(text), lim, d);
	*msgs = xstrdup(test_diag_text(d));
	test_diag_free(d);
	return doc;
}

/* --- hostile and malformed fixtures: exact diagnostics -------------------- */

static const struct {
	const char *file;
	const char *diag;     /* the first line of the diagnostics */
} refused[] = {
	{ "hostile-xxe.xml",
	  "hostile-xxe.xml:3:43: error: [xml-entity] document declares external entity 'xxe' "
	  "(SYSTEM \"file:///etc/passwd\"): entities are refused and nothing is loaded\n" },
	{ "hostile-billion-laughs.xml",
	  "hostile-billion-laughs.xml:3:21: error: [xml-entity] document declares entity 'lol': "
	  "entity declarations are refused\n" },
	{ "hostile-parameter-entity.xml",
	  "hostile-parameter-entity.xml:3:57: error: [xml-entity] document declares external entity "
	  "'%remote' (SYSTEM \"http://127.0.0.1:9/evil.dtd\"): entities are refused and nothing is loaded\n" },
	{ "hostile-external-dtd.xml",
	  "hostile-external-dtd.xml:3:45: error: [xml-entity] entity 'stolen' is not defined "
	  "(external DTDs are never read)\n" },
	{ "malformed-mismatch.xml",
	  "malformed-mismatch.xml:6:11: error: [xml-syntax] opening and ending tag mismatch: "
	  "p line 5 and sec\n" },
	{ "malformed-truncated.xml",
	  "malformed-truncated.xml:4:22: error: [xml-syntax] premature end of data in tag p line 4\n" },
};

START_TEST(test_refused)
{
	unsigned long before = xmlsafe_load_attempts();
	char *msgs, *nl;
	xmlDocPtr doc = parse_fixture(refused[_i].file, &msgs);
	ck_assert_ptr_null(doc);
	nl = strchr(msgs, '\n');
	ck_assert_ptr_nonnull(nl);
	nl[1] = '\0';
	ck_assert_str_eq(msgs, refused[_i].diag);
	/* Nothing was even asked for. */
	ck_assert_uint_eq(xmlsafe_load_attempts(), before);
	free(msgs);
}
END_TEST

/* Ten thousand nested elements: refused at the depth limit, quickly. */
START_TEST(test_deep_nesting)
{
	struct buf b = BUF_INIT;
	char *msgs;
	xmlDocPtr doc;
	int i;
	buf_addstr(&b, "<?xml version=\"1.0\"?>\n");
	for (i = 0; i < 10000; i++)
		buf_addstr(&b, "<sec>");
	for (i = 0; i < 10000; i++)
		buf_addstr(&b, "</sec>");
	doc = parse_string(buf_str(&b), NULL, &msgs);
	ck_assert_ptr_null(doc);
	ck_assert_str_eq(msgs, "t.xml:2:1005: error: [xml-depth] elements nested deeper than 200 levels\n");
	free(msgs);
	buf_release(&b);
}
END_TEST

START_TEST(test_limits)
{
	struct xmlsafe_limits lim = { 64, 3, 0 };
	struct xmlsafe_limits few = { 0, 0, 4 };
	char *msgs;
	xmlDocPtr doc;

	doc = parse_string("<a><b><c>x</c></b></a>", &lim, &msgs);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(msgs, "");
	xmlFreeDoc(doc);
	free(msgs);

	doc = parse_string("<a><b><c><d/></c></b></a>", &lim, &msgs);
	ck_assert_ptr_null(doc);
	ck_assert_str_eq(msgs, "t.xml:1:12: error: [xml-depth] elements nested deeper than 3 levels\n");
	free(msgs);

	doc = parse_string("<a>0123456789012345678901234567890123456789012345678901234567890123</a>",
			   &lim, &msgs);
	ck_assert_ptr_null(doc);
	ck_assert_str_eq(msgs, "t.xml: error: [xml-size] document is 71 bytes, over the limit of 64\n");
	free(msgs);

	/* Elements and attributes count together. */
	doc = parse_string("<a><b x='1'/><c/></a>", &few, &msgs);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(msgs, "");
	xmlFreeDoc(doc);
	free(msgs);
	doc = parse_string("<a><b x='1' y='2'/><c/></a>", &few, &msgs);
	ck_assert_ptr_null(doc);
	ck_assert_str_eq(msgs, "t.xml:1:22: error: [xml-size] more than 4 elements and attributes\n");
	free(msgs);
}
END_TEST

static const struct {
	const char *in;
	const char *diag;
} bad_strings[] = {
	{ "", "t.xml: error: [xml-syntax] empty document\n" },
	{ "   ", "t.xml:1:4: error: [xml-syntax] start tag expected, '<' not found\n" },
	{ "<a>\xff\xfe</a>",
	  "t.xml:1:4: error: [xml-syntax] input is not proper UTF-8, indicate encoding ! Bytes: 0xFF 0xFE 0x3C 0x2F\n" },
	{ "<a>&nbspx;</a>", "t.xml:1:11: error: [xml-entity] entity 'nbspx' is not defined (external DTDs are never read)\n" },
	{ "<a b='&ndash;'/>", "t.xml:1:14: error: [xml-entity] entity 'ndash' is not defined (external DTDs are never read)\n" },
	{ "<a b='&foo;'/>", "t.xml:1:12: error: [xml-entity] entity 'foo' is not defined (external DTDs are never read)\n" },
	{ "<a></a><b/>", "t.xml:1:8: error: [xml-syntax] extra content at the end of the document\n" },
	{ "<a x='1' x='2'/>", "t.xml:1:15: error: [xml-syntax] attribute x redefined\n" },
};

START_TEST(test_bad_strings)
{
	char *msgs, *nl;
	xmlDocPtr doc = parse_string(bad_strings[_i].in, NULL, &msgs);
	ck_assert_ptr_null(doc);
	nl = strchr(msgs, '\n');
	ck_assert_ptr_nonnull(nl);
	nl[1] = '\0';
	ck_assert_str_eq(msgs, bad_strings[_i].diag);
	free(msgs);
}
END_TEST

/* Predefined entities and character references are plain text. */
START_TEST(test_character_references)
{
	char *msgs;
	struct buf text = BUF_INIT;
	xmlDocPtr doc = parse_string("<a>&lt;&amp;&#x2212;1&#176;<![CDATA[<b>]]></a>", NULL, &msgs);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(msgs, "");
	xml_text(xmlDocGetRootElement(doc), &text);
	ck_assert_str_eq(buf_str(&text), "<&\xe2\x88\x92" "1\xc2\xb0<b>");
	buf_release(&text);
	xmlFreeDoc(doc);
	free(msgs);
}
END_TEST

/* Named characters of the JATS and HTML DTDs are known without the DTD. */
START_TEST(test_named_characters)
{
	char *msgs;
	struct buf text = BUF_INIT;
	xmlDocPtr doc = parse_string("<!DOCTYPE article SYSTEM 'JATS-archivearticle1.dtd'>"
				     "<article x='1&amp;2'>400&nbsp;&deg;C, 2&ndash;3&thinsp;&mu;m, "
				     "&alpha;-Fe, &Aring;, &amp;</article>", NULL, &msgs);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(msgs, "");
	xml_text(xmlDocGetRootElement(doc), &text);
	ck_assert_str_eq(buf_str(&text), "400\xc2\xa0\xc2\xb0" "C, 2\xe2\x80\x93" "3\xe2\x80\x89\xce\xbcm, "
			 "\xce\xb1-Fe, \xc3\x85, &");
	ck_assert_str_eq(xml_attr(xmlDocGetRootElement(doc), "x"), "1&2");
	buf_release(&text);
	xmlFreeDoc(doc);
	free(msgs);
}
END_TEST

/*
 * A DTD on local disk that would define the entity the document uses:
 * were it read, the document would parse.  It must not be.
 */
START_TEST(test_local_dtd_not_read)
{
	char dir[] = "/tmp/nh3cat-xml.XXXXXX";
	struct buf dtd = BUF_INIT, doctext = BUF_INIT;
	unsigned long before = xmlsafe_load_attempts();
	char *msgs;
	xmlDocPtr doc;
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	buf_printf(&dtd, "%s/defs.dtd", dir);
	f = fopen(buf_str(&dtd), "w");
	ck_assert_ptr_nonnull(f);
	fputs("<!ENTITY secret \"LEAKED\">\n", f);
	fclose(f);
	buf_printf(&doctext, "<!DOCTYPE a SYSTEM \"file://%s\"><a>&secret;</a>", buf_str(&dtd));
	doc = parse_string(buf_str(&doctext), NULL, &msgs);
	ck_assert_ptr_null(doc);
	ck_assert_ptr_nonnull(strstr(msgs, "[xml-entity] entity 'secret' is not defined"));
	ck_assert_ptr_null(strstr(msgs, "LEAKED"));
	ck_assert_uint_eq(xmlsafe_load_attempts(), before);
	unlink(buf_str(&dtd));
	rmdir(dir);
	buf_release(&dtd);
	buf_release(&doctext);
	free(msgs);
}
END_TEST

/* libxml2 prints nothing of its own, whatever goes wrong. */
START_TEST(test_libxml2_silent)
{
	char path[] = "/tmp/nh3cat-xml-err.XXXXXX";
	int fd = mkstemp(path), saved;
	static const char *const inputs[] = {
		"<a><b></a>", "<!DOCTYPE a [<!ENTITY e SYSTEM 'http://127.0.0.1:9/x'>]><a>&e;</a>",
		"<!DOCTYPE a SYSTEM 'http://127.0.0.1:9/x.dtd'><a>&e;</a>", "<a xmlns:p='rel'><p:b/></a>",
		"<a><q:b/></a>",
	};
	size_t i;
	off_t size;
	ck_assert_int_ge(fd, 0);
	fflush(stderr);
	saved = dup(2);
	dup2(fd, 2);
	for (i = 0; i < ARRAY_SIZE(inputs); i++) {
		char *msgs;
		xmlDocPtr doc = parse_string(inputs[i], NULL, &msgs);
		if (doc)
			xmlFreeDoc(doc);
		free(msgs);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	size = lseek(fd, 0, SEEK_END);
	close(fd);
	unlink(path);
	ck_assert_int_eq((int)size, 0);
}
END_TEST

/* A PMC-style DOCTYPE naming an external DTD is fine: noted, not read. */
START_TEST(test_public_doctype_accepted)
{
	unsigned long before = xmlsafe_load_attempts();
	char *msgs;
	xmlDocPtr doc = parse_string(
		"<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN\" "
		"\"http://127.0.0.1:9/JATS-archivearticle1-3.dtd\"><article><front><article-meta/></front></article>",
		NULL, &msgs);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(msgs, "");
	ck_assert_int_eq(xmlvocab_detect(doc, NULL), XML_VOCAB_JATS);
	ck_assert_uint_eq(xmlsafe_load_attempts(), before);
	xmlFreeDoc(doc);
	free(msgs);
}
END_TEST

/* --- vocabularies --------------------------------------------------------- */

static const struct {
	const char *file;
	enum xml_vocab vocab;
	const char *why;
} vocab_cases[] = {
	{ "jats-review-table1.xml", XML_VOCAB_JATS, "" },
	{ "jats-nested.xml", XML_VOCAB_JATS, "" },
	{ "elsevier-cals.xml", XML_VOCAB_ELSEVIER, "" },
	{ "unknown-vocab.xml", XML_VOCAB_UNKNOWN,
	  "root element <html> in namespace http://www.w3.org/1999/xhtml" },
};

START_TEST(test_vocab)
{
	char *msgs;
	struct buf why = BUF_INIT;
	xmlDocPtr doc = parse_fixture(vocab_cases[_i].file, &msgs);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(msgs, "");
	ck_assert_int_eq(xmlvocab_detect(doc, &why), vocab_cases[_i].vocab);
	ck_assert_str_eq(buf_str(&why), vocab_cases[_i].why);
	xmlFreeDoc(doc);
	free(msgs);
	buf_release(&why);
}
END_TEST

static const struct {
	const char *in;
	enum xml_vocab vocab;
} vocab_strings[] = {
	{ "<article dtd-version='1.3'/>", XML_VOCAB_JATS },
	{ "<article xmlns='http://jats.nlm.nih.gov/ns/archiving/1.3/'/>", XML_VOCAB_JATS },
	{ "<!DOCTYPE article PUBLIC '-//NLM//DTD Journal Publishing DTD v3.0 20080202//EN' 'journalpublishing3.dtd'><article/>",
	  XML_VOCAB_JATS },
	{ "<article/>", XML_VOCAB_UNKNOWN },
	{ "<article xmlns='http://www.tei-c.org/ns/1.0'/>", XML_VOCAB_UNKNOWN },
	{ "<ja:article xmlns:ja='http://www.elsevier.com/xml/ja/dtd'/>", XML_VOCAB_ELSEVIER },
	{ "<article xmlns='http://www.elsevier.com/xml/ja/dtd'/>", XML_VOCAB_ELSEVIER },
	{ "<x:simple-article xmlns:x='http://www.elsevier.com/xml/common/dtd'/>", XML_VOCAB_ELSEVIER },
	{ "<doc xmlns:ce='http://www.elsevier.com/xml/common/dtd'/>", XML_VOCAB_ELSEVIER },
	{ "<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", XML_VOCAB_UNKNOWN },
};

START_TEST(test_vocab_strings)
{
	char *msgs;
	xmlDocPtr doc = parse_string(vocab_strings[_i].in, NULL, &msgs);
	ck_assert_ptr_nonnull(doc);
	ck_assert_int_eq(xmlvocab_detect(doc, NULL), vocab_strings[_i].vocab);
	xmlFreeDoc(doc);
	free(msgs);
}
END_TEST

/* Collect the table model of every element named table or tgroup-holder. */
static void collect_models(const xmlNode *n, struct buf *out)
{
	const xmlNode *c;
	for (c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xml_is(c, "table")) {
			enum xml_table_model m = xmlvocab_table_model(c);
			buf_addstr(out, m == XML_TABLE_HTML ? "html " : m == XML_TABLE_CALS ? "cals " : "none ");
		}
		collect_models(c, out);
	}
}

static const struct {
	const char *file;
	const char *models;
} model_cases[] = {
	{ "jats-review-table1.xml", "html " },
	{ "jats-nested.xml", "html cals " },
	{ "elsevier-cals.xml", "cals " },
	{ "unknown-vocab.xml", "html " },
};

START_TEST(test_table_models)
{
	char *msgs;
	struct buf models = BUF_INIT;
	xmlDocPtr doc = parse_fixture(model_cases[_i].file, &msgs);
	ck_assert_ptr_nonnull(doc);
	collect_models((const xmlNode *)doc, &models);
	ck_assert_str_eq(buf_str(&models), model_cases[_i].models);
	xmlFreeDoc(doc);
	free(msgs);
	buf_release(&models);
}
END_TEST

/* --- the XML reader -------------------------------------------------------- */

static struct document *read_fixture(const char *file)
{
	struct buf rel = BUF_INIT;
	struct diag *d = test_diag_new();
	struct document *doc;
	char *path;
	buf_printf(&rel, "tests/xml/%s", file);
	path = test_path(buf_str(&rel));
	doc = ingest_file(path, NULL, d);
	ck_assert_str_eq(test_diag_text(d), "");
	ck_assert_ptr_nonnull(doc);
	test_diag_free(d);
	free(path);
	buf_release(&rel);
	return doc;
}

static const struct block *block_at(const struct document *doc, const char *path)
{
	size_t i;
	for (i = 0; i < doc->nblocks; i++)
		if (doc->blocks[i].path && strcmp(doc->blocks[i].path, path) == 0)
			return &doc->blocks[i];
	return NULL;
}

static const struct block *first_table(const struct document *doc)
{
	size_t i;
	for (i = 0; i < doc->nblocks; i++)
		if (doc->blocks[i].kind == BLOCK_TABLE)
			return &doc->blocks[i];
	return NULL;
}

/* A block's text holds each of these, folded as the normalizer folds. */
static const struct {
	const char *file, *path;
	enum block_kind kind;
	const char *label;
	const char *has[4];
} block_cases[] = {
	{ "jats-review-table1.xml", "/article/front/article-meta/article-id[2]", BLOCK_PARAGRAPH, NULL,
	  { "DOI: 10.1039/d3sc06998b" } },
	{ "jats-review-table1.xml", "/article/body/sec[1]/p", BLOCK_PARAGRAPH, NULL,
	  { "compounds.[cite:4-6] In addition, NH3 is", "sources.[cite:7,8] NH3",
	    "(4.32 kW h L^-1)", "(121 kg m^-3)" } },
	{ "jats-review-table1.xml", "/article/body/sec[2]/sec[1]/p", BLOCK_PARAGRAPH, NULL,
	  { "method.[cite:65] Ru/HZ SAC", "4.67 mmol_NH3 g_cat^-1 h^-1 at 350 \xc2\xb0" "C and 1 MPa",
	    "Li et al. employed", "(38 kJ mol^-1) (Fig. 2e)" } },
	{ "jats-review-table1.xml", "/article/body/sec[2]/title", BLOCK_HEADING, NULL,
	  { "SACs for NH3 synthesis" } },
	{ "jats-review-table1.xml", "/article/body/sec[2]/sec[2]/fig", BLOCK_CAPTION, "Fig. 3",
	  { "Fig. 3 (a) NH3 synthesis rates", "Co-Nx catalysts.[cite:69]" } },
	{ "jats-review-table1.xml", "/article/body/sec[3]/sec[1]/table-wrap", BLOCK_TABLE, "Table 1",
	  { "Table 1 Catalytic properties for NH3 synthesis over various SACs, SCCs, and BCCs catalysts" } },
	{ "jats-review-table1.xml", "/article/back/ref-list/ref[29]", BLOCK_REFERENCE, "95",
	  { "L. Nguyen, S. Zhang,", "Pt1Com and Pd1Con, *ACS Catal.*, 2016, **6**, 840",
	    "doi:10.5555/nh3cat-test.cit95" } },
	{ "jats-nested.xml", "/article/body/sec[2]/sec[1]/sec/p[1]", BLOCK_PARAGRAPH, NULL,
	  { "0.052 s^-1 at 400", "1 MPa,[cite:1] while", "61 kJ mol^-1 [cite:2]." } },
	{ "jats-nested.xml", "/article/body/sec[2]/sec[1]/sec/p[2]", BLOCK_PARAGRAPH, NULL,
	  { "2.53 \xc3\x97 10^-2 mmol g_cat^-1 h^-1", "with P_N2 of 0.25 MPa.[cite:1-3]" } },
	{ "jats-nested.xml", "/article/body/sec[1]/p[2]", BLOCK_PARAGRAPH, NULL,
	  { "Earlier work[cite:1-3] and Tester et al., 2020 [cite:2] agree; see also ref. [cite:3]." } },
	{ "jats-nested.xml", "/article/body/sec[2]/sec[1]/sec/title", BLOCK_HEADING, NULL,
	  { "2.1.1 Activity" } },
	{ "elsevier-cals.xml",
	  "/full-text-retrieval-response/originalText/xocs:doc/xocs:serial-item/ja:article/ja:body/ce:sections/ce:section[1]/ce:para",
	  BLOCK_PARAGRAPH, NULL, { "larger particles [cite:19,75], and cobalt", "high rates [cite:20]." } },
	{ "elsevier-cals.xml",
	  "/full-text-retrieval-response/originalText/xocs:doc/xocs:serial-item/ja:article/ja:body/ce:sections/ce:section[2]/ce:section/ce:para",
	  BLOCK_PARAGRAPH, NULL, { "8.54\xc2\xa0mmol\xc2\xa0g_cat^-1\xc2\xa0h^-1 [cite:20] (Table 1)", "Co2 ACCs exhibited" } },
	{ "elsevier-cals.xml", "/full-text-retrieval-response/coredata/prism:doi", BLOCK_PARAGRAPH, NULL,
	  { "DOI: 10.5555/nh3cat-test.els1" } },
	{ "elsevier-cals.xml",
	  "/full-text-retrieval-response/originalText/xocs:doc/xocs:serial-item/ja:article/ja:tail/ce:bibliography/ce:bibliography-sec/ce:bib-reference[4]",
	  BLOCK_REFERENCE, "75", { "Y. Zhou, Unraveling", "*J. Catal.*, 2021, **404**, 501",
				  "doi:10.5555/nh3cat-test.els-bib75" } },
};

START_TEST(test_reader_blocks)
{
	struct document *doc = read_fixture(block_cases[_i].file);
	const struct block *b = block_at(doc, block_cases[_i].path);
	size_t k;
	ck_assert_msg(b != NULL, "no block at %s", block_cases[_i].path);
	ck_assert_int_eq(b->kind, block_cases[_i].kind);
	if (block_cases[_i].label)
		ck_assert_str_eq(b->label ? b->label : "", block_cases[_i].label);
	for (k = 0; k < ARRAY_SIZE(block_cases[_i].has) && block_cases[_i].has[k]; k++)
		ck_assert_msg(strstr(b->text, block_cases[_i].has[k]) != NULL, "'%s' not in '%s'",
			      block_cases[_i].has[k], b->text);
	document_free(doc);
}
END_TEST

/* Cells: text, spans and locators, in both table models. */
static const struct {
	const char *file;
	size_t row, col;       /* 0-based grid position looked up */
	const char *text;
	size_t rowspan, colspan;
	const char *locator;
} cell_cases[] = {
	{ "jats-review-table1.xml", 0, 1, "Catalyst", 2, 2, "table1/r1/c1" },
	{ "jats-review-table1.xml", 1, 5, "WHSV (mL g^-1 h^-1)", 1, 1, "table1/r2/c6" },
	{ "jats-review-table1.xml", 9, 0, "SACs", 8, 1, "table1/r3/c1" },
	{ "jats-review-table1.xml", 10, 0, "SCCs", 13, 1, "table1/r11/c1" },
	{ "jats-review-table1.xml", 23, 1, "Co1Ru2/NC", 1, 1, "table1/r24/c2" },
	{ "jats-review-table1.xml", 23, 2, "1.17Ru + 0.41Co", 1, 1, "table1/r24/c3" },
	{ "jats-review-table1.xml", 23, 7, "95", 1, 1, "table1/r24/c8" },
	{ "jats-review-table1.xml", 7, 6, "10.3 \xc3\x97 10^-3", 1, 1, "table1/r8/c7" },
	{ "jats-review-table1.xml", 5, 1, "MoHx", 1, 1, "table1/r6/c2" },
	{ "elsevier-cals.xml", 0, 0, "Catalyst", 2, 2, "table1/r1/c1" },
	{ "elsevier-cals.xml", 0, 4, "Reaction conditions", 1, 3, "table1/r1/c4" },
	{ "elsevier-cals.xml", 6, 0, "SCCs", 5, 1, "table1/r3/c1" },
	{ "elsevier-cals.xml", 3, 1, "Ru3.0/BaCeO3", 1, 1, "table1/r4/c2" },
	{ "elsevier-cals.xml", 5, 7, "20,21", 1, 1, "table1/r6/c8" },
	{ "elsevier-cals.xml", 4, 1, "Ru clusters/CeO2", 1, 1, "table1/r5/c2" },
	{ "jats-nested.xml", 3, 1, "400", 2, 1, "table1/r3/c2" },
	{ "jats-nested.xml", 4, 2, "not measured", 1, 2, "table1/r5/c2" },
	{ "jats-nested.xml", 2, 3, "0.052", 1, 1, "table1/r3/c4" },
	{ "jats-nested.xml", 3, 0, "Ru/CeO2", 1, 1, "table1/r4/c1" },
	{ "jats-nested.xml", 1, 0, "Catalyst", 2, 1, "table1/r1/c1" },
};

START_TEST(test_reader_cells)
{
	struct document *doc = read_fixture(cell_cases[_i].file);
	const struct block *b = first_table(doc);
	const struct cell *c;
	ck_assert_ptr_nonnull(b);
	c = table_cell_at(b->table, cell_cases[_i].row, cell_cases[_i].col);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->text, cell_cases[_i].text);
	ck_assert_uint_eq(c->rowspan, cell_cases[_i].rowspan);
	ck_assert_uint_eq(c->colspan, cell_cases[_i].colspan);
	ck_assert_str_eq(c->locator, cell_cases[_i].locator);
	document_free(doc);
}
END_TEST

START_TEST(test_reader_table_shapes)
{
	struct document *doc = read_fixture("jats-nested.xml");
	const struct block *t1 = block_at(doc, "/article/body/sec[2]/sec[2]/table-wrap[1]");
	const struct block *t2 = block_at(doc, "/article/body/sec[2]/sec[2]/table-wrap[2]");
	ck_assert_ptr_nonnull(t1);
	ck_assert_ptr_nonnull(t2);
	ck_assert_uint_eq(t1->table->nrows, 5);
	ck_assert_uint_eq(t1->table->ncols, 4);
	ck_assert_uint_eq(t1->table->nheader, 2);
	ck_assert_uint_eq(t1->table->nfootnotes, 2);
	ck_assert_str_eq(t1->table->footnotes[0], "a Measured at 2% conversion.");
	ck_assert_str_eq(t1->table->row_locator[4], "table1/r5");
	/* The CALS table: morerows and namest/nameend. */
	ck_assert_uint_eq(t2->table->nrows, 3);
	ck_assert_uint_eq(t2->table->ncols, 3);
	ck_assert_uint_eq(t2->table->nheader, 1);
	ck_assert_str_eq(table_cell_at(t2->table, 0, 2)->text, "Rate");
	ck_assert_str_eq(table_cell_at(t2->table, 2, 0)->text, "Co2/N-C");
	ck_assert_str_eq(table_cell_at(t2->table, 2, 1)->text, "85.3");
	ck_assert_str_eq(table_cell_at(t2->table, 2, 2)->text, "mmol g_Co^-1 h^-1");
	ck_assert_str_eq(table_cell_at(t2->table, 2, 2)->locator, "table2/r3/c3");
	ck_assert_str_eq(t2->table->footnotes[0], "Rates at 400 \xc2\xb0" "C, 1 MPa.");
	document_free(doc);
}
END_TEST

/*
 * The text reader and the XML reader agree on every body cell of the
 * review's Table 1 once normalized, except where the PDF text is damaged
 * and the XML gives the value the paper prints.
 */
static const struct {
	size_t row, col;
	const char *text_form, *xml_form;
} table1_known[] = {
	{ 5, 1, "MoH_x", "MoHx" },
	{ 13, 1, "Ru1 1/BaCeO3", "Ru1.1/BaCeO3" },
	{ 15, 5, "_", "-" },
	{ 24, 2, "_", "-" },
	{ 25, 2, "_", "-" },
};

START_TEST(test_text_and_xml_agree)
{
	struct document *text = read_fixture("review-table1.txt");
	struct document *xml = read_fixture("jats-review-table1.xml");
	const struct table *tt = first_table(text)->table, *tx = first_table(xml)->table;
	struct normtext a = NORMTEXT_INIT, b = NORMTEXT_INIT;
	size_t r, c, k, checked = 0;
	ck_assert_uint_eq(tt->nrows, 30);
	ck_assert_uint_eq(tx->nrows, 30);
	ck_assert_uint_eq(tt->nheader, tx->nheader);
	for (r = tt->nheader; r < tt->nrows; r++)
		for (c = 0; c < 8; c++) {
			const struct cell *ct = table_cell_at(tt, r, c), *cx = table_cell_at(tx, r, c);
			const char *want_t = NULL, *want_x = NULL;
			ck_assert_ptr_nonnull(ct);
			ck_assert_ptr_nonnull(cx);
			ck_assert_uint_eq(ct->row, cx->row);
			ck_assert_uint_eq(ct->rowspan, cx->rowspan);
			normalize_text(ct->text, strlen(ct->text), &a);
			normalize_text(cx->text, strlen(cx->text), &b);
			for (k = 0; k < ARRAY_SIZE(table1_known); k++)
				if (table1_known[k].row == r && table1_known[k].col == c) {
					want_t = table1_known[k].text_form;
					want_x = table1_known[k].xml_form;
				}
			if (want_t) {
				ck_assert_str_eq(a.text, want_t);
				ck_assert_str_eq(b.text, want_x);
			} else {
				ck_assert_msg(strcmp(a.text, b.text) == 0, "r%zu c%zu: text '%s', xml '%s'",
					      r, c, a.text, b.text);
				checked++;
			}
		}
	ck_assert_uint_eq(checked, 28 * 8 - ARRAY_SIZE(table1_known));
	normtext_release(&a);
	normtext_release(&b);
	document_free(text);
	document_free(xml);
}
END_TEST

START_TEST(test_reader_dispatch)
{
	ck_assert_ptr_eq(ingest_find_reader("corpus/papers/x.xml"), &reader_xml);
	ck_assert_ptr_eq(ingest_find_reader("PMC123.nxml"), &reader_xml);
	ck_assert_ptr_eq(ingest_find_reader("paper.txt"), &reader_text);
}
END_TEST

/* Hostile spans are clamped, not allocated. */
START_TEST(test_reader_hostile_spans)
{
	static const char doc_text[] =
		"<article dtd-version='1.3'><body><table-wrap><table><tbody>"
		"<tr><td colspan='1000000000' rowspan='99999999'>x</td><td>y</td></tr>"
		"<tr><td colspan='-5'>z</td></tr></tbody></table></table-wrap></body></article>";
	struct diag *d = test_diag_new();
	struct document *doc = ingest_xml("t.xml", "t", doc_text, strlen(doc_text), d);
	const struct table *t;
	ck_assert_ptr_nonnull(doc);
	t = first_table(doc)->table;
	ck_assert_uint_eq(t->cells[0].colspan, 512);
	ck_assert_uint_eq(t->cells[0].rowspan, 2);
	ck_assert_uint_eq(t->nrows, 2);
	ck_assert_uint_eq(t->ncols, 512);
	/* The cell that no longer fits is not dropped silently. */
	ck_assert_str_eq(test_diag_text(d), "t.xml:1: warning: [xml-table] table 1 has more than 512 "
			 "columns; cells past column 512 are not read\n");
	document_free(doc);
	test_diag_free(d);
}
END_TEST

/* Inline markup folds the way the normalizer folds the same Unicode. */
static const struct {
	const char *in;     /* the inside of a <p> */
	const char *out;
} fold_cases[] = {
	{ "NH<sub>3</sub>", "NH3" },
	{ "MoH<sub><italic>x</italic></sub>", "MoHx" },
	{ "Ru<sub>3.0</sub>/BaCeO<sub>3</sub>", "Ru3.0/BaCeO3" },
	{ "g<sub>cat</sub><sup>&#x2212;1</sup> h<sup>&#x2212;1</sup>", "g_cat^-1 h^-1" },
	{ "mmol<sub>NH<sub>3</sub></sub>", "mmol_NH3" },
	{ "TOF<sub>Ru</sub>", "TOF_Ru" },
	{ "2.53 &#x00D7; 10<sup>&#x2212;2</sup>", "2.53 \xc3\x97 10^-2" },
	{ "Ce<sup>3+</sup>", "Ce^3+" },
	{ "<bold>Co</bold><sub>1</sub><italic>Ru</italic>", "Co1Ru" },
	{ "high<sup><xref ref-type='bibr' rid='r1'>1</xref></sup>", "high[cite:1]" },
	{ "high.<sup><xref ref-type='bibr' rid='r1'>1</xref>,<xref ref-type='bibr' rid='r2'>2</xref></sup>",
	  "high.[cite:1,2]" },
	{ "high.<sup><xref ref-type='bibr' rid='r1'>1</xref>&#x2013;<xref ref-type='bibr' rid='r3'>3</xref></sup>",
	  "high.[cite:1-3]" },
	{ "high [<xref ref-type='bibr' rid='r2'>2</xref>].", "high [cite:2]." },
	{ "high [<xref ref-type='bibr' rid='r1'>1</xref>&#x2013;<xref ref-type='bibr' rid='r3'>3</xref>] and",
	  "high [cite:1-3] and" },
	{ "high [<xref ref-type='bibr' rid='r1'>1</xref>, <xref ref-type='bibr' rid='r3'>3</xref>]",
	  "high [cite:1,3]" },
	{ "a [<xref ref-type='fig' rid='f1'>Fig. 1</xref>]", "a [Fig. 1]" },
	{ "high <xref ref-type='bibr' rid='r2 r3'/>", "high [cite:2,3]" },
	{ "see <xref ref-type='fig' rid='f1'>Fig. 1</xref>", "see Fig. 1" },
	{ "a<xref ref-type='fn' rid='n1'>*</xref> b", "a b" },
	{ "<inline-formula><mml:math><mml:msub><mml:mi>P</mml:mi><mml:mrow><mml:mi>H</mml:mi>"
	  "<mml:mn>2</mml:mn></mml:mrow></mml:msub></mml:math></inline-formula>", "P_H2" },
	{ "<inline-formula><mml:math><mml:msubsup><mml:mi>g</mml:mi><mml:mi>cat</mml:mi>"
	  "<mml:mrow><mml:mo>&#x2212;</mml:mo><mml:mn>1</mml:mn></mml:mrow></mml:msubsup></mml:math></inline-formula>",
	  "g_cat^-1" },
	{ "<inline-formula><alternatives><tex-math>x^2</tex-math><mml:math><mml:msup><mml:mi>x</mml:mi>"
	  "<mml:mn>2</mml:mn></mml:msup></mml:math></alternatives></inline-formula>", "x^2" },
	{ "line<break/>two", "line two" },
	{ "  spaced \n\t out  ", "spaced out" },
};

START_TEST(test_inline_folding)
{
	struct buf xml = BUF_INIT;
	struct diag *d = test_diag_new();
	struct document *doc;
	size_t i;
	buf_printf(&xml, "<article dtd-version='1.3' xmlns:mml='http://www.w3.org/1998/Math/MathML'>"
		   "<body><p>%s</p></body><back><ref-list>"
		   "<ref id='r1'><label>1</label><mixed-citation>One.</mixed-citation></ref>"
		   "<ref id='r2'><label>2</label><mixed-citation>Two.</mixed-citation></ref>"
		   "<ref id='r3'><label>3</label><mixed-citation>Three.</mixed-citation></ref>"
		   "</ref-list></back></article>", fold_cases[_i].in);
	doc = ingest_xml("t.xml", "t", xml.data, xml.len, d);
	ck_assert_str_eq(test_diag_text(d), "");
	ck_assert_ptr_nonnull(doc);
	for (i = 0; i < doc->nblocks; i++)
		if (doc->blocks[i].kind == BLOCK_PARAGRAPH)
			break;
	ck_assert_uint_lt(i, doc->nblocks);
	ck_assert_str_eq(doc->blocks[i].text, fold_cases[_i].out);
	ck_assert_str_eq(doc->blocks[i].path, "/article/body/p");
	document_free(doc);
	test_diag_free(d);
	buf_release(&xml);
}
END_TEST

/* Reference entries: text in typeset shape and the DOI, whatever the markup. */
static const struct {
	const char *in;     /* the inside of a <ref id='r1'> */
	const char *text;
} ref_cases[] = {
	{ "<label>1</label><element-citation><person-group><name><surname>Li</surname><given-names>L.</given-names></name>"
	  "<name><surname>Wang</surname><given-names>X.</given-names></name></person-group><article-title>Ru on HZ</article-title>"
	  "<source>ACS Catal.</source><year>2020</year><volume>10</volume><fpage>9504</fpage><lpage>9514</lpage>"
	  "<pub-id pub-id-type='doi'>10.5555/nh3cat-test.a1</pub-id></element-citation>",
	  "L. Li and X. Wang, Ru on HZ, *ACS Catal.*, 2020, **10**, 9504\xe2\x80\x93" "9514. doi:10.5555/nh3cat-test.a1" },
	{ "<label>1</label><mixed-citation>L. Li, <source>Chem</source>, 2022, <volume>8</volume>, 749. "
	  "<ext-link ext-link-type='doi' xlink:href='10.5555/nh3cat-test.a2'>Link</ext-link></mixed-citation>",
	  "L. Li, *Chem*, 2022, **8**, 749. Link doi:10.5555/nh3cat-test.a2" },
	{ "<mixed-citation>Li L (2022) Chem 8:749. <uri xlink:href='https://doi.org/10.5555/nh3cat-test.a3'>https://doi.org/10.5555/nh3cat-test.a3</uri></mixed-citation>",
	  "Li L (2022) Chem 8:749. https://doi.org/10.5555/nh3cat-test.a3" },
	{ "<label>1</label><citation-alternatives><element-citation><article-title>Structured</article-title></element-citation>"
	  "<mixed-citation>Mixed, <source>J. Catal.</source>.</mixed-citation></citation-alternatives>",
	  "Mixed, *J. Catal.*." },
};

START_TEST(test_reference_text)
{
	struct buf xml = BUF_INIT;
	struct diag *d = test_diag_new();
	struct document *doc;
	const struct block *b;
	buf_printf(&xml, "<article dtd-version='1.3' xmlns:xlink='http://www.w3.org/1999/xlink'>"
		   "<back><ref-list><ref id='r1'>%s</ref></ref-list></back></article>", ref_cases[_i].in);
	doc = ingest_xml("t.xml", "t", xml.data, xml.len, d);
	ck_assert_str_eq(test_diag_text(d), "");
	ck_assert_ptr_nonnull(doc);
	b = block_at(doc, "/article/back/ref-list/ref");
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(b->kind, BLOCK_REFERENCE);
	ck_assert_str_eq(b->label, "1");
	ck_assert_str_eq(b->text, ref_cases[_i].text);
	document_free(doc);
	test_diag_free(d);
	buf_release(&xml);
}
END_TEST

/* Elsevier puts some tables inline, in a ce:display inside a paragraph. */
START_TEST(test_elsevier_display_table)
{
	static const char text[] =
		"<ja:article xmlns:ja='http://www.elsevier.com/xml/ja/dtd' xmlns:ce='http://www.elsevier.com/xml/common/dtd'>"
		"<ja:body><ce:sections><ce:section><ce:section-title>Results</ce:section-title>"
		"<ce:para>Rates are below.<ce:display><ce:table id='t1'><ce:label>Table 2</ce:label>"
		"<tgroup cols='2'><colspec colname='c1'/><colspec colname='c2'/>"
		"<thead><row><ce:entry>Catalyst</ce:entry><ce:entry>Rate</ce:entry></row></thead>"
		"<tbody><row><ce:entry>Ru/C</ce:entry><ce:entry>1.5</ce:entry></row></tbody></tgroup>"
		"</ce:table></ce:display></ce:para></ce:section></ce:sections></ja:body></ja:article>";
	struct diag *d = test_diag_new();
	struct document *doc = ingest_xml("t.xml", "t", text, strlen(text), d);
	const struct block *p, *t;
	ck_assert_str_eq(test_diag_text(d), "");
	ck_assert_ptr_nonnull(doc);
	p = block_at(doc, "/ja:article/ja:body/ce:sections/ce:section/ce:para");
	t = block_at(doc, "/ja:article/ja:body/ce:sections/ce:section/ce:para/ce:display/ce:table");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->text, "Rates are below.");
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->label, "Table 2");
	ck_assert_str_eq(table_cell_at(t->table, 1, 1)->text, "1.5");
	ck_assert_uint_eq(t->table->nheader, 1);
	document_free(doc);
	test_diag_free(d);
}
END_TEST

/* Header rows: <thead>, else leading rows of <th> cells, in or out of <tbody>. */
static const struct {
	const char *table;
	size_t nheader, nrows;
} header_cases[] = {
	{ "<thead><tr><th>A</th></tr><tr><th>B</th></tr></thead><tbody><tr><td>1</td></tr></tbody>", 2, 3 },
	{ "<tbody><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></tbody>", 1, 2 },
	{ "<tr><th>A</th></tr><tr><th>B</th></tr><tr><td>1</td></tr><tr><th>C</th></tr>", 2, 4 },
	{ "<tbody><tr><td>A</td></tr><tr><th>B</th></tr></tbody>", 0, 2 },
	{ "<thead><tr><th>A</th></tr></thead><tbody><tr><th>B</th><td>1</td></tr></tbody>", 1, 2 },
};

START_TEST(test_header_rows)
{
	struct buf xml = BUF_INIT;
	struct diag *d = test_diag_new();
	struct document *doc;
	const struct block *b;
	buf_printf(&xml, "<article dtd-version='1.3'><body><table-wrap><table>%s</table></table-wrap></body></article>",
		   header_cases[_i].table);
	doc = ingest_xml("t.xml", "t", xml.data, xml.len, d);
	ck_assert_ptr_nonnull(doc);
	b = first_table(doc);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(b->table->nheader, header_cases[_i].nheader);
	ck_assert_uint_eq(b->table->nrows, header_cases[_i].nrows);
	document_free(doc);
	test_diag_free(d);
	buf_release(&xml);
}
END_TEST

/* ref_doi: the DOIs of an entry's cited references, in order. */
START_TEST(test_refdoi)
{
	struct document *doc = read_fixture("jats-review-table1.xml");
	struct entry_set set;
	static const char *const refs[] = { "95", "81;82", "999", "", "12;999" };
	static const char *const want[] = {
		"10.5555/nh3cat-test.cit95", "10.5555/nh3cat-test.cit81;10.5555/nh3cat-test.cit82",
		"", "", "10.5555/nh3cat-test.cit12;",
	};
	size_t i;
	struct buf csv = BUF_INIT;
	entry_set_init(&set);
	for (i = 0; i < ARRAY_SIZE(refs); i++)
		entry_set(entry_set_append(&set), COL_REF, refs[i]);
	ck_assert_uint_eq(refdoi_fill(doc, &set, 0), 3);
	ck_assert_uint_eq(set.nextra, 1);
	ck_assert_str_eq(set.extra_names[0], "ref_doi");
	for (i = 0; i < ARRAY_SIZE(refs); i++)
		ck_assert_str_eq(set.v[i].extra[0], want[i]);
	/* The column is written after the schema's. */
	entries_format(&set, &csv);
	ck_assert_ptr_nonnull(strstr(buf_str(&csv), ",status,note,ref_doi\n"));
	ck_assert_ptr_nonnull(strstr(buf_str(&csv), ",95,,,,,,10.5555/nh3cat-test.cit95\n"));
	/* No DOI anywhere: no column. */
	buf_release(&csv);
	entry_set_release(&set);
	entry_set_init(&set);
	entry_set(entry_set_append(&set), COL_REF, "999");
	ck_assert_uint_eq(refdoi_fill(doc, &set, 0), 0);
	ck_assert_uint_eq(set.nextra, 0);
	/* A column added up front is kept, and filled in place. */
	refdoi_add_column(&set);
	refdoi_add_column(&set);
	ck_assert_uint_eq(set.nextra, 1);
	ck_assert_str_eq(set.v[0].extra[0], "");
	entry_set(entry_set_append(&set), COL_REF, "95");
	ck_assert_uint_eq(refdoi_fill(doc, &set, 1), 1);
	ck_assert_uint_eq(set.nextra, 1);
	ck_assert_str_eq(set.v[1].extra[0], "10.5555/nh3cat-test.cit95");
	entry_set_release(&set);
	document_free(doc);
}
END_TEST

/*
 * Entries read from the XML rendering of Table 1 and from its PDF text are
 * the same, field for field, but for where they point (locator, evidence)
 * and the DOIs only the XML knows.
 */
START_TEST(test_entries_agree)
{
	struct document *text = read_fixture("review-table1.txt");
	struct document *xml = read_fixture("jats-review-table1.xml");
	struct extractor *ex = extractor_new();
	struct entry_set st, sx;
	size_t i, nt = 0, nx = 0, k;
	int c;
	entry_set_init(&st);
	entry_set_init(&sx);
	extractor_run(ex, text, &st);
	extractor_run(ex, xml, &sx);
	refdoi_fill(xml, &sx, 0);
	for (i = 0; i < st.n; i++)
		nt += str_eq(entry_get(&st.v[i], COL_SOURCE), "table");
	for (i = 0; i < sx.n; i++)
		nx += str_eq(entry_get(&sx.v[i], COL_SOURCE), "table");
	ck_assert_uint_eq(nt, 28);
	ck_assert_uint_eq(nx, 28);
	for (i = 0, k = 0; i < st.n; i++) {
		const struct entry *a = &st.v[i], *b;
		if (!str_eq(entry_get(a, COL_SOURCE), "table"))
			continue;
		while (!str_eq(entry_get(&sx.v[k], COL_SOURCE), "table"))
			k++;
		b = &sx.v[k++];
		for (c = 0; c < ENTRY_NCOLS; c++) {
			if (c == COL_ID || c == COL_DOC || c == COL_LOCATOR || c == COL_EVIDENCE)
				continue;
			ck_assert_msg(str_eq(entry_get(a, (enum entry_col)c), entry_get(b, (enum entry_col)c)),
				      "row %zu column %s: text '%s', xml '%s'", i, entry_cols[c].name,
				      entry_get(a, (enum entry_col)c), entry_get(b, (enum entry_col)c));
		}
		/* The XML locator is the table row. */
		ck_assert(str_startswith(entry_get(b, COL_LOCATOR), "table1/r"));
	}
	/* Every table entry resolves its reference to a DOI. */
	ck_assert_uint_eq(sx.nextra, 1);
	for (i = 0; i < sx.n; i++)
		if (str_eq(entry_get(&sx.v[i], COL_SOURCE), "table")) {
			struct buf want = BUF_INIT;
			buf_printf(&want, "10.5555/nh3cat-test.cit%s", entry_get(&sx.v[i], COL_REF));
			ck_assert_str_eq(sx.v[i].extra[0], buf_str(&want));
			buf_release(&want);
		}
	entry_set_release(&st);
	entry_set_release(&sx);
	extractor_free(ex);
	document_free(text);
	document_free(xml);
}
END_TEST

/* Parses in several threads at once (extract -j N) stay correct and safe. */
struct thread_job {
	const char *good, *bad;    /* a JATS paper, a hostile document */
	size_t good_len, bad_len;
	int failures;
};

static void count_item(void *ctx, const struct diag_item *item)
{
	(*(unsigned long *)ctx)++;
	(void)item;
}

static void *parse_many(void *arg)
{
	struct thread_job *job = arg;
	int i;
	for (i = 0; i < 40; i++) {
		unsigned long items = 0;
		struct diag *d = diag_new_collect(count_item, &items);
		struct document *doc = ingest_xml("good.xml", "good", job->good, job->good_len, d);
		xmlDocPtr bad = xmlsafe_parse("bad.xml", job->bad, job->bad_len, NULL, d);
		if (!doc || first_table(doc) == NULL || first_table(doc)->table->nrows != 30)
			job->failures++;
		if (bad || items != 1)
			job->failures++;
		document_free(doc);
		diag_free(d);
	}
	return NULL;
}

START_TEST(test_threads)
{
	char *gpath = test_path("tests/xml/jats-review-table1.xml");
	char *bpath = test_path("tests/xml/hostile-xxe.xml");
	struct thread_job jobs[4];
	pthread_t th[4];
	size_t glen, blen, k;
	char *good = file_read_all(gpath, &glen), *bad = file_read_all(bpath, &blen);
	unsigned long before = xmlsafe_load_attempts();
	ck_assert_ptr_nonnull(good);
	ck_assert_ptr_nonnull(bad);
	for (k = 0; k < 4; k++) {
		jobs[k].good = good;
		jobs[k].good_len = glen;
		jobs[k].bad = bad;
		jobs[k].bad_len = blen;
		jobs[k].failures = 0;
		ck_assert_int_eq(pthread_create(&th[k], NULL, parse_many, &jobs[k]), 0);
	}
	for (k = 0; k < 4; k++) {
		pthread_join(th[k], NULL);
		ck_assert_int_eq(jobs[k].failures, 0);
	}
	ck_assert_uint_eq(xmlsafe_load_attempts(), before);
	/* Every parse has ended: libxml2's own entity loader is back. */
	ck_assert_ptr_ne(xmlGetExternalEntityLoader(), NULL);
	free(good);
	free(bad);
	free(gpath);
	free(bpath);
}
END_TEST

static Suite *xml_suite(void)
{
	Suite *s = suite_create("xml");
	TCase *tc = tcase_create("xmlsafe");
	tcase_add_loop_test(tc, test_refused, 0, (int)ARRAY_SIZE(refused));
	tcase_add_test(tc, test_deep_nesting);
	tcase_add_test(tc, test_limits);
	tcase_add_loop_test(tc, test_bad_strings, 0, (int)ARRAY_SIZE(bad_strings));
	tcase_add_test(tc, test_character_references);
	tcase_add_test(tc, test_named_characters);
	tcase_add_test(tc, test_local_dtd_not_read);
	tcase_add_test(tc, test_libxml2_silent);
	tcase_add_test(tc, test_public_doctype_accepted);
	tcase_add_test(tc, test_threads);
	suite_add_tcase(s, tc);
	tc = tcase_create("xmlvocab");
	tcase_add_loop_test(tc, test_vocab, 0, (int)ARRAY_SIZE(vocab_cases));
	tcase_add_loop_test(tc, test_vocab_strings, 0, (int)ARRAY_SIZE(vocab_strings));
	tcase_add_loop_test(tc, test_table_models, 0, (int)ARRAY_SIZE(model_cases));
	suite_add_tcase(s, tc);
	tc = tcase_create("ingest_xml");
	tcase_add_loop_test(tc, test_reader_blocks, 0, (int)ARRAY_SIZE(block_cases));
	tcase_add_loop_test(tc, test_reader_cells, 0, (int)ARRAY_SIZE(cell_cases));
	tcase_add_test(tc, test_reader_table_shapes);
	tcase_add_test(tc, test_text_and_xml_agree);
	tcase_add_test(tc, test_reader_dispatch);
	tcase_add_test(tc, test_reader_hostile_spans);
	tcase_add_test(tc, test_refdoi);
	tcase_add_loop_test(tc, test_inline_folding, 0, (int)ARRAY_SIZE(fold_cases));
	tcase_add_loop_test(tc, test_reference_text, 0, (int)ARRAY_SIZE(ref_cases));
	tcase_add_test(tc, test_elsevier_display_table);
	tcase_add_loop_test(tc, test_header_rows, 0, (int)ARRAY_SIZE(header_cases));
	tcase_add_test(tc, test_entries_agree);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(xml_suite());
}
