/*
 * check_xml.c: unit tests of the safe libxml2 layer (xmlsafe.c) and of
 * vocabulary and table-model detection (xmlvocab.c): hostile documents are
 * errors with a position and nothing is fetched, malformed ones give line
 * and column, libxml2 itself prints nothing, and the test documents of
 * tests/xml/ are recognized for what they are.
 */
#include <config.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
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
	struct xmlsafe_limits lim = { 64, 3 };
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
	{ "<a>&nbsp;</a>", "t.xml:1:10: error: [xml-entity] entity 'nbsp' is not defined (external DTDs are never read)\n" },
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

static Suite *xml_suite(void)
{
	Suite *s = suite_create("xml");
	TCase *tc = tcase_create("xmlsafe");
	tcase_add_loop_test(tc, test_refused, 0, (int)ARRAY_SIZE(refused));
	tcase_add_test(tc, test_deep_nesting);
	tcase_add_test(tc, test_limits);
	tcase_add_loop_test(tc, test_bad_strings, 0, (int)ARRAY_SIZE(bad_strings));
	tcase_add_test(tc, test_character_references);
	tcase_add_test(tc, test_local_dtd_not_read);
	tcase_add_test(tc, test_libxml2_silent);
	tcase_add_test(tc, test_public_doctype_accepted);
	suite_add_tcase(s, tc);
	tc = tcase_create("xmlvocab");
	tcase_add_loop_test(tc, test_vocab, 0, (int)ARRAY_SIZE(vocab_cases));
	tcase_add_loop_test(tc, test_vocab_strings, 0, (int)ARRAY_SIZE(vocab_strings));
	tcase_add_loop_test(tc, test_table_models, 0, (int)ARRAY_SIZE(model_cases));
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(xml_suite());
}
