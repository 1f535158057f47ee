/*
 * check_document.c: unit tests of the document model (document.c) and
 * the plain-text reader (ingest_text.c): block kinds, headings and their
 * levels, tables (two-row headers, group columns spanning rows, Markdown
 * pipe tables, empty cells), reference entries over several lines,
 * locators, and refused input (invalid UTF-8, NUL bytes).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "document.h"
#include "ingest.h"
#include "testlib.h"

static struct document *read_text(const char *text)
{
	struct diag *d = test_diag_new();
	struct document *doc = ingest_text("t.txt", "t", text, strlen(text), d);
	ck_assert_str_eq(test_diag_text(d), "");
	test_diag_free(d);
	ck_assert_ptr_nonnull(doc);
	return doc;
}

static const char *locate(const struct document *doc, size_t bi, size_t off, int col)
{
	static char out[64];
	struct buf b = BUF_INIT;
	document_locate(doc, &doc->blocks[bi], off, col, &b);
	snprintf(out, sizeof(out), "%s", buf_str(&b));
	buf_release(&b);
	return out;
}

START_TEST(test_line_col_counts_characters)
{
	const char *src = "ab\nNH\xE2\x82\x83 x\n\nlast";
	struct document *doc = document_new("k", "f", src, strlen(src));
	long line, col;
	document_line_col(doc, 0, &line, &col);
	ck_assert_int_eq(line, 1);
	ck_assert_int_eq(col, 1);
	/* "x" after NH₃ and a space: byte 9, character 5 of line 2 */
	document_line_col(doc, 9, &line, &col);
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 5);
	document_line_col(doc, strlen(src) - 1, &line, &col);
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(col, 4);
	document_free(doc);
}
END_TEST

START_TEST(test_blocks_and_headings)
{
	struct document *doc = read_text(
		"Title of the paper\n\n"
		"1. Introduction\n\n"
		"First paragraph, with a sentence.\nIt goes on here.\n\n"
		"2.1 Noble metal SACs\n\n"
		"Fig. 2 (a) Synthesis of Ru SAs/S-1.\n\n"
		"## Results\n"
		"Text after a Markdown heading.\n");
	ck_assert_uint_eq(doc->nblocks, 7);
	ck_assert_int_eq(doc->blocks[0].kind, BLOCK_HEADING);
	ck_assert_int_eq(doc->blocks[1].kind, BLOCK_HEADING);
	ck_assert_int_eq(doc->blocks[1].level, 1);
	ck_assert_int_eq(doc->blocks[2].kind, BLOCK_PARAGRAPH);
	ck_assert_str_eq(doc->blocks[2].text, "First paragraph, with a sentence.\nIt goes on here.");
	ck_assert_int_eq(doc->blocks[3].level, 2);
	ck_assert_int_eq(doc->blocks[4].kind, BLOCK_CAPTION);
	ck_assert_str_eq(doc->blocks[4].label, "Fig. 2");
	ck_assert_int_eq(doc->blocks[5].kind, BLOCK_HEADING);
	ck_assert_int_eq(doc->blocks[5].level, 2);
	ck_assert_int_eq(doc->blocks[6].kind, BLOCK_PARAGRAPH);
	ck_assert_str_eq(locate(doc, 2, 0, 0), "L5");
	ck_assert_str_eq(locate(doc, 2, 40, 1), "L6:C7");
	document_free(doc);
}
END_TEST

static const char tsv_table[] =
	"Table 1 Rates over SACs and SCCs\n"
	"\n"
	"\t\tMetal content (wt%)\tConditions\t\n"
	"Catalyst\t\t\tT (\xC2\xB0" "C)\tRate\n"
	"SACs\tCo-N-C\t3.8\t350\t4.34\n"
	"\tRu SAC\t0.39\t400\t4.7\n"
	"SCCs\tRu ACCs\t0.40\t400\t_\n"
	"\n"
	"After the table.\n";

START_TEST(test_tsv_table_two_row_header_and_group)
{
	struct document *doc = read_text(tsv_table);
	const struct table *t;
	const struct cell *c;
	ck_assert_uint_eq(doc->nblocks, 2);
	ck_assert_int_eq(doc->blocks[0].kind, BLOCK_TABLE);
	ck_assert_str_eq(doc->blocks[0].label, "Table 1");
	t = doc->blocks[0].table;
	ck_assert_uint_eq(t->nheader, 2);
	ck_assert_uint_eq(t->nrows, 5);
	ck_assert_uint_eq(t->ncols, 5);
	/* the group label spans the row below it */
	c = table_cell_at(t, 3, 0);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->text, "SACs");
	ck_assert_uint_eq(c->row, 2);
	ck_assert_uint_eq(c->rowspan, 2);
	ck_assert_str_eq(table_cell_at(t, 4, 0)->text, "SCCs");
	ck_assert_str_eq(table_cell_at(t, 3, 1)->text, "Ru SAC");
	ck_assert_str_eq(table_cell_at(t, 4, 4)->text, "_");
	ck_assert_str_eq(table_cell_at(t, 1, 3)->text, "T (\xC2\xB0" "C)");
	{
		struct buf b = BUF_INIT;
		document_row_locate(doc, &doc->blocks[0], 3, &b);
		ck_assert_str_eq(buf_str(&b), "L6");
		buf_release(&b);
	}
	ck_assert_int_eq(doc->blocks[1].kind, BLOCK_PARAGRAPH);
	document_free(doc);
}
END_TEST

/*
 * A table is indexed once it is complete: lookups search by halves, spans
 * (down and right) are still followed, and a short row is as wide as its
 * own cells, so one wide row does not make every row wide.
 */
START_TEST(test_table_index_spans_and_row_width)
{
	struct document *doc = document_new("t", "t.txt", "", 0);
	struct block *b = document_add_block(doc, BLOCK_TABLE, "", 0, 0);
	struct table *t = block_new_table(b);
	struct cell *c;
	size_t k;
	for (k = 0; k < 6; k++)
		table_add_cell(t, 0, k, "h", 1, DOC_NO_OFFSET);
	c = table_add_cell(t, 1, 0, "group", 5, DOC_NO_OFFSET);
	c->rowspan = 3;
	table_add_cell(t, 1, 1, "a", 1, DOC_NO_OFFSET);
	c = table_add_cell(t, 1, 2, "wide", 4, DOC_NO_OFFSET);
	c->colspan = 2;
	table_add_cell(t, 2, 1, "b", 1, DOC_NO_OFFSET);
	table_add_cell(t, 3, 1, "c", 1, DOC_NO_OFFSET);
	table_add_cell(t, 4, 0, "next", 4, DOC_NO_OFFSET);
	table_index(t);
	ck_assert_int_eq(t->unordered, 0);
	ck_assert_uint_eq(t->max_rowspan, 3);
	ck_assert_str_eq(table_cell_at(t, 3, 0)->text, "group");
	ck_assert_str_eq(table_cell_at(t, 1, 3)->text, "wide");
	ck_assert_ptr_null(table_cell_at(t, 2, 3));
	ck_assert_ptr_null(table_cell_at(t, 4, 1));
	ck_assert_str_eq(table_cell_at(t, 4, 0)->text, "next");
	/* a rowspan may reach down into any column: rows are full width */
	ck_assert_uint_eq(table_row_width(t, 2), 6);
	/* the text reader's short rows, under a wide header, without spans */
	document_free(doc);
	doc = read_text("Catalyst\tRate (mmol g-1 h-1)\tT3\tT4\tT5\tT6\nRu/C\t1.2\nCo/C\t0.4\n");
	t = doc->blocks[0].table;
	ck_assert_uint_eq(t->ncols, 6);
	ck_assert_uint_eq(table_row_width(t, 0), 6);
	ck_assert_uint_eq(table_row_width(t, 2), 2);
	ck_assert_str_eq(table_cell_at(t, 2, 1)->text, "0.4");
	ck_assert_ptr_null(table_cell_at(t, 2, 5));
	document_free(doc);
}
END_TEST

START_TEST(test_markdown_pipe_table)
{
	struct document *doc = read_text(
		"**Table 2.** Ammonia synthesis at 1 bar.\n\n"
		"| Catalyst | T (K) | Rate |\n"
		"|---|:---:|---:|\n"
		"| Ru/MgO | 573 | 1.2 |\n"
		"| Cs-Ru/MgO | 573 | \xE2\x80\x93 |\n");
	const struct table *t;
	ck_assert_uint_eq(doc->nblocks, 1);
	ck_assert_str_eq(doc->blocks[0].label, "Table 2");
	t = doc->blocks[0].table;
	ck_assert_uint_eq(t->nheader, 1);
	ck_assert_uint_eq(t->nrows, 3);
	ck_assert_uint_eq(t->ncols, 3);
	ck_assert_str_eq(table_cell_at(t, 0, 1)->text, "T (K)");
	ck_assert_str_eq(table_cell_at(t, 2, 0)->text, "Cs-Ru/MgO");
	ck_assert_str_eq(table_cell_at(t, 2, 2)->text, "\xE2\x80\x93");
	document_free(doc);
}
END_TEST

START_TEST(test_caption_over_two_lines_and_uncaptioned_table)
{
	struct document *doc = read_text(
		"Table 3\nActivity at 673 K.\nCatalyst\tRate\nA/B\t1\n\n"
		"Between.\n\nX\tY\n1\t2\n");
	ck_assert_uint_eq(doc->nblocks, 3);
	ck_assert_int_eq(doc->blocks[0].kind, BLOCK_TABLE);
	ck_assert_str_eq(doc->blocks[0].text, "Table 3\nActivity at 673 K.");
	ck_assert_uint_eq(doc->blocks[0].table->nrows, 2);
	ck_assert_int_eq(doc->blocks[2].kind, BLOCK_TABLE);
	ck_assert_ptr_null(doc->blocks[2].label);
	document_free(doc);
}
END_TEST

START_TEST(test_reference_list)
{
	struct document *doc = read_text(
		"Text.\n\nReferences\n\n"
		"- 1 A. B. Author, Title one, *J. Catal.*, 2020, **1**, 1\xE2\x80\x93" "2.\n"
		"- 2 C. Writer, A title that\n\ngoes on, *Nat. Chem.*, 2012, 4, 934\xE2\x80\x93" "940.\n"
		"[3] D. Third, Bracketed, Chem. Commun. (2000) 1057.\n");
	ck_assert_uint_eq(doc->nblocks, 5);
	ck_assert_int_eq(doc->blocks[1].kind, BLOCK_HEADING);
	ck_assert_int_eq(doc->blocks[2].kind, BLOCK_REFERENCE);
	ck_assert_str_eq(doc->blocks[2].label, "1");
	ck_assert_str_eq(doc->blocks[3].label, "2");
	ck_assert_ptr_nonnull(strstr(doc->blocks[3].text, "goes on"));
	ck_assert_str_eq(doc->blocks[4].label, "3");
	document_free(doc);
}
END_TEST

/* Input a reader must refuse, and the diagnostic it gives. */
static const struct {
	const char *text;
	size_t len;
	const char *diag;
} bad_inputs[] = {
	{ "ok\nab\xFF" "cd\n", 8, "t.txt:2:3: error: [input-utf8] invalid UTF-8 (byte 0xFF)\n" },
	{ "line one\nx\0y\n", 13, "t.txt:2:2: error: [input-nul] NUL byte in text input (binary file?)\n" },
	{ "\xC3(", 2, "t.txt:1:1: error: [input-utf8] invalid UTF-8 (byte 0xC3)\n" },
};

START_TEST(test_bad_input_refused)
{
	struct diag *d = test_diag_new();
	struct document *doc = ingest_text("t.txt", "t", bad_inputs[_i].text, bad_inputs[_i].len, d);
	ck_assert_ptr_null(doc);
	ck_assert_str_eq(test_diag_text(d), bad_inputs[_i].diag);
	test_diag_free(d);
}
END_TEST

START_TEST(test_structured_locators)
{
	/* A structured reader sets paths; locators then ignore offsets. */
	struct document *doc = document_new("k", "k.xml", NULL, 0);
	struct block *b = document_add_block(doc, BLOCK_PARAGRAPH, "Some text.", 10, DOC_NO_OFFSET);
	struct buf out = BUF_INIT;
	struct table *t;
	block_set_path(b, "/article/body/sec[3]/p[2]");
	document_locate(doc, &doc->blocks[0], 5, 1, &out);
	ck_assert_str_eq(buf_str(&out), "/article/body/sec[3]/p[2]");
	/* a table from markup: spans given by the reader, rows located by path */
	b = document_add_block(doc, BLOCK_TABLE, "Table 1 Rates", 13, DOC_NO_OFFSET);
	block_set_path(b, "/article/body/table-wrap[1]");
	t = block_new_table(b);
	table_add_cell(t, 0, 0, "Group", 5, DOC_NO_OFFSET);
	table_add_cell(t, 0, 1, "Catalyst", 8, DOC_NO_OFFSET);
	table_add_cell(t, 1, 0, "SACs", 4, DOC_NO_OFFSET)->rowspan = 2;
	table_add_cell(t, 1, 1, "Ru SAC", 6, DOC_NO_OFFSET);
	table_add_cell(t, 2, 1, "Co SAC", 6, DOC_NO_OFFSET);
	t->nheader = 1;
	table_set_row_locator(t, 2, "table1/r2");
	ck_assert_str_eq(table_cell_at(t, 2, 0)->text, "SACs");
	buf_reset(&out);
	document_row_locate(doc, &doc->blocks[1], 2, &out);
	ck_assert_str_eq(buf_str(&out), "table1/r2");
	buf_reset(&out);
	document_row_locate(doc, &doc->blocks[1], 1, &out);
	ck_assert_str_eq(buf_str(&out), "/article/body/table-wrap[1]");
	buf_release(&out);
	document_free(doc);
}
END_TEST

START_TEST(test_key_from_path)
{
	char *k = ingest_key_from_path("corpus/papers/peng2024-chemsci-review.txt");
	ck_assert_str_eq(k, "peng2024-chemsci-review");
	free(k);
	k = ingest_key_from_path("notes.v2.md");
	ck_assert_str_eq(k, "notes.v2");
	free(k);
	ck_assert_ptr_eq(ingest_find_reader("a/b.md"), &reader_text);
	ck_assert_ptr_eq(ingest_find_reader("a/b.pdf"), &reader_pdf);
	ck_assert_ptr_null(ingest_find_reader("a/b.docx"));
}
END_TEST

static Suite *document_suite(void)
{
	Suite *s = suite_create("document");
	TCase *tc = tcase_create("ingest");
	tcase_add_test(tc, test_line_col_counts_characters);
	tcase_add_test(tc, test_blocks_and_headings);
	tcase_add_test(tc, test_tsv_table_two_row_header_and_group);
	tcase_add_test(tc, test_table_index_spans_and_row_width);
	tcase_add_test(tc, test_markdown_pipe_table);
	tcase_add_test(tc, test_caption_over_two_lines_and_uncaptioned_table);
	tcase_add_test(tc, test_reference_list);
	tcase_add_loop_test(tc, test_bad_input_refused, 0, (int)(sizeof(bad_inputs) / sizeof(bad_inputs[0])));
	tcase_add_test(tc, test_structured_locators);
	tcase_add_test(tc, test_key_from_path);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return test_run_suite(document_suite());
}
