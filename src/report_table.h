/*
 * report_table.h: comparison tables, stats, summaries, findings and review
 * sheets drawn into a flow of pages (report_table.c).
 */
#ifndef NH3CAT_REPORT_TABLE_H
#define NH3CAT_REPORT_TABLE_H

struct report_data;
struct rpt_flow;
struct rpt_table;

void rpt_table_render(struct rpt_flow *f, const struct rpt_table *t,
		      const struct report_data *d);

/* A stats block: per group, n, minimum, median, geometric mean, maximum. */
void rpt_stats_render(struct rpt_flow *f, const struct rpt_table *t, const struct report_data *d);
void rpt_summary_render(struct rpt_flow *f, const struct report_data *d);
void rpt_findings_render(struct rpt_flow *f, const struct report_data *d, int limit);

/* A curator's review sheet: each entry (rejected ones too) with its evidence, values, findings. */
void rpt_entries_render(struct rpt_flow *f, const struct report_data *d);

/*
 * The sources: each document the rows come from (its label, title, DOI),
 * then the references its rows cite, under the numbers it gives them.
 */
void rpt_bibliography_render(struct rpt_flow *f, const struct report_data *d);

#endif
