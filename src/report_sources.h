/*
 * report_sources.h: the documents a report's rows come from
 * (report_sources.c): a label for each ("Peng 2024", "Peng 2024a" and
 * "Peng 2024b" when two share first author and year, the document key
 * when the paper does not say) and the references its rows cite, for the
 * source column, the ref cells and the bibliography.  The sources live in
 * struct report_data (report_int.h) and are freed with it.
 */
#ifndef NH3CAT_REPORT_SOURCES_H
#define NH3CAT_REPORT_SOURCES_H

struct entry_set;
struct report_data;
struct rpt_source;

/*
 * What the entries file path (ROOT/entries/KEY.csv) and its entries s say
 * of their papers: meta, what the paper KEY says of itself (NULL: nothing;
 * its strings are taken over and *meta left empty), its parsed reference
 * list (ROOT/refs/KEY.csv), the DOIs of its ref_doi column.
 */
struct paper_meta;
void rpt_sources_note_file(struct report_data *d, const char *path, const struct entry_set *s,
			   struct paper_meta *meta);
/* After the rows are built: a source for every document, the labels, each row's label. */
void rpt_sources_finish(struct report_data *d);
void rpt_sources_release(struct report_data *d);
/* The source of document key doc, or NULL. */
const struct rpt_source *rpt_source_of(const struct report_data *d, const char *doc);

#endif
