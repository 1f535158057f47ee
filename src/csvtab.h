/*
 * csvtab.h: any CSV file with a header row, read whole into memory.
 *
 * The entries reader (entry.h) insists on the schema v1 header; this one
 * takes whatever columns a file has and finds them by name, for inputs
 * such as curated gold files whose columns differ from the schema's.
 * Fields are strings as in the file (RFC 4180, UTF-8); a byte-order mark
 * is skipped, blank lines are skipped, and every row must have as many
 * fields as the header.
 */
#ifndef NH3CAT_CSVTAB_H
#define NH3CAT_CSVTAB_H

#include <stddef.h>

#include "diag.h"

struct csvtab_row {
	char **f;        /* ncols fields, never NULL */
	long line;       /* line of the file where the record starts */
};

struct csvtab {
	char **names;    /* header fields */
	size_t ncols;
	long header_line;   /* line of the header row */
	struct csvtab_row *rows;
	size_t nrows, alloc;
};

#define CSVTAB_INIT { NULL, 0, 0, NULL, 0, 0 }

/*
 * Read path into t (initialized with CSVTAB_INIT).  Problems go to d as
 * FILE:LINE diagnostics with rule ids csv-*; reading stops at the first.
 * Returns 0, or -1 when the file cannot be read or is not a CSV whose rows
 * all match its header.
 */
int csvtab_read(const char *path, struct csvtab *t, struct diag *d);
/* The same over bytes in memory; name is used in diagnostics. */
int csvtab_parse(const char *name, const char *data, size_t len, struct csvtab *t,
		 struct diag *d);
void csvtab_release(struct csvtab *t);

/* Index of the column called name, or -1. */
int csvtab_col(const struct csvtab *t, const char *name);
/* Field of row r in column col, or NULL when col is -1 (no such column). */
const char *csvtab_get(const struct csvtab *t, size_t r, int col);

#endif
