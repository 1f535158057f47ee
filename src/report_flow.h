/*
 * report_flow.h: the page a table or chart flows onto (report_flow.c).
 */
#ifndef NH3CAT_REPORT_FLOW_H
#define NH3CAT_REPORT_FLOW_H

struct rpt_flow;

/* The page number, centred below the body of the page. */
void rpt_flow_footer(struct rpt_flow *f);
/* Close the page with its number, start a new one (PDF) and put y at its top. */
void rpt_flow_newpage(struct rpt_flow *f);

#endif
