/*
 * diag.h: diagnostics about input files, in the form editors and CI read.
 *
 *   text:   FILE:LINE[:COL]: error|warning|note: [rule-id] message   (stderr)
 *   json:   one JSON array of {file,line,column,severity,rule,message} (stdout)
 *   github: ::error file=F,line=L,col=C,title=RULE::message           (stdout)
 *
 * A struct diag counts what it emitted by severity; the command turns the
 * counts into its exit status.  Line 0 means "the whole file".
 */
#ifndef NH3CAT_DIAG_H
#define NH3CAT_DIAG_H

#include <stdio.h>

#include "util.h"

enum diag_severity { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };
enum diag_format { DIAG_FMT_TEXT, DIAG_FMT_JSON, DIAG_FMT_GITHUB };

struct diag;

/* One diagnostic, as handed to a collecting sink. */
struct diag_item {
	const char *file;
	long line, col;
	enum diag_severity sev;
	const char *rule;      /* "" when none */
	const char *message;
};
typedef void diag_sink_fn(void *ctx, const struct diag_item *item);

/* out: where diagnostics go; NULL picks stderr for text, stdout otherwise. */
struct diag *diag_new(enum diag_format fmt, FILE *out);
/*
 * A diag that prints nothing and hands every item to fn (the strings are
 * valid only during the call); for reports that list findings.
 */
struct diag *diag_new_collect(diag_sink_fn *fn, void *ctx);
/* Close the JSON array if any; safe to call more than once. */
void diag_finish(struct diag *d);
/* Finish and free. */
void diag_free(struct diag *d);

void diag_emit(struct diag *d, const char *file, long line, long col,
	       enum diag_severity sev, const char *rule, const char *fmt, ...)
	ATTR_PRINTF(7, 8);
void diag_vemit(struct diag *d, const char *file, long line, long col,
		enum diag_severity sev, const char *rule, const char *fmt, va_list ap);
/* The same with the message already written (len bytes of msg). */
void diag_emit_msg(struct diag *d, const char *file, long line, long col,
		   enum diag_severity sev, const char *rule, const char *msg, size_t len);

unsigned long diag_count(const struct diag *d, enum diag_severity sev);

/* "text", "json" or "github"; returns -1 for anything else. */
int diag_format_parse(const char *name, enum diag_format *out /* OUT */);
const char *diag_severity_name(enum diag_severity sev);

/* Write s as a JSON string literal (quotes included) to f. */
void json_write_string(FILE *f, const char *s);

#endif
