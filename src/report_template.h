/*
 * report_template.h: report templates (report_template.c): read, checked
 * against templates/report.rng and compiled.
 */
#ifndef NH3CAT_REPORT_TEMPLATE_H
#define NH3CAT_REPORT_TEMPLATE_H

#include <stddef.h>

struct report_template;

/*
 * Read, check and compile a template.  Problems are printed to stderr as
 * FILE:LINE: error: [template-*] message; returns NULL then.  The parser
 * never touches the network, loads no DTD and expands no entity.
 */
struct report_template *report_template_load(const char *path);
void report_template_free(struct report_template *t);
/* Number of charts, and the id of chart i (for --chart and make reports). */
size_t report_template_nchart(const struct report_template *t);
/* Does the template show validation findings (a findings block, a review sheet)? */
int report_template_shows_findings(const struct report_template *t);
const char *report_template_chart_id(const struct report_template *t, size_t i);

#endif
