/*
 * csvtab.c: read a CSV file with a header row into memory, with libcsv.
 *
 * The bytes are cut into records first (a newline outside a quoted field
 * ends one), so that each record knows the line it starts on; libcsv in
 * strict mode then splits each record into fields and refuses bad
 * quoting.  Any problem stops the reading: a scorer or a converter must
 * not go on with half a file.
 */
#include <config.h>

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "csvtab.h"

#include "utf8.h"

struct fieldlist {
	char **v;
	size_t n, alloc;
};

static void got_field(void *data, size_t len, void *ctx)
{
	struct fieldlist *fl = ctx;
	fl->v = xgrow(fl->v, &fl->alloc, fl->n + 1, sizeof(char *));
	fl->v[fl->n++] = xstrndup(data ? data : "", data ? len : 0);
}

static void got_record(int c, void *ctx)
{
	(void)c;
	(void)ctx;
}

/* Keep spaces around unquoted fields: they are data. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void fieldlist_clear(struct fieldlist *fl)
{
	size_t i;
	for (i = 0; i < fl->n; i++)
		free(fl->v[i]);
	fl->n = 0;
}

/* Line and column (in characters, 1-based) of byte offset off. */
static void locate(const char *data, size_t off, long *line, long *col)
{
	size_t i, bol = 0;
	*line = 1;
	for (i = 0; i < off; i++)
		if (data[i] == '\n') {
			++*line;
			bol = i + 1;
		}
	*col = (long)utf8_count(data + bol, off - bol) + 1;
}

/*
 * End of the record starting at off: the offset of the newline that ends
 * it (or len), with *lines counting the newlines inside it.  Returns
 * (size_t)-1 when a quoted field is never closed.
 */
static size_t record_end(const char *data, size_t len, size_t off, long *lines)
{
	size_t i;
	int quoted = 0, field_start = 1;
	for (i = off; i < len; i++) {
		char ch = data[i];
		if (quoted) {
			if (ch == '"') {
				if (i + 1 < len && data[i + 1] == '"')
					i++;
				else
					quoted = 0;
			} else if (ch == '\n') {
				++*lines;
			}
			continue;
		}
		if (ch == '\n')
			return i;
		if (ch == '"' && field_start)
			quoted = 1;
		field_start = ch == ',';
	}
	return quoted ? (size_t)-1 : len;
}

static int split_fields(struct csv_parser *p, const char *rec, size_t n, struct fieldlist *fl)
{
	fieldlist_clear(fl);
	if (csv_parse(p, rec, n, got_field, got_record, fl) != n ||
	    csv_fini(p, got_field, got_record, fl) != 0)
		return -1;
	return 0;
}

int csvtab_parse(const char *name, const char *data, size_t len, struct csvtab *t,
		 struct diag *d)
{
	struct csv_parser p;
	struct fieldlist fl = { NULL, 0, 0 };
	size_t off = 0, bad;
	long line = 1;
	int rc = -1;
	const char *nul;

	if ((nul = memchr(data, '\0', len)) != NULL) {
		long l, c;
		locate(data, (size_t)(nul - data), &l, &c);
		diag_emit(d, name, l, c, DIAG_ERROR, "csv-nul", "NUL byte: not a text CSV file");
		return -1;
	}
	if ((bad = utf8_validate(data, len)) != len) {
		long l, c;
		locate(data, bad, &l, &c);
		diag_emit(d, name, l, c, DIAG_ERROR, "csv-utf8", "invalid UTF-8 (byte 0x%02x)",
			  (unsigned char)data[bad]);
		return -1;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		off = 3;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		die("cannot initialize the CSV parser");
	csv_set_space_func(&p, no_space);

	while (off < len) {
		long start_line = line, inner = 0;
		size_t end = record_end(data, len, off, &inner), body;

		if (end == (size_t)-1) {
			diag_emit(d, name, start_line, 0, DIAG_ERROR, "csv-quote",
				  "quoted field opened on this line is never closed");
			goto out;
		}
		line += inner + (end < len);
		body = end;
		if (body > off && data[body - 1] == '\r')
			body--;
		if (body == off) {      /* blank line */
			off = end + 1;
			continue;
		}
		if (split_fields(&p, data + off, body - off, &fl) < 0) {
			diag_emit(d, name, start_line, 0, DIAG_ERROR, "csv-quote",
				  "malformed quoting (a quote inside an unquoted field, "
				  "or text after a closing quote)");
			goto out;
		}
		off = end + 1;
		if (!t->names) {
			size_t i, j;
			for (i = 0; i < fl.n; i++)
				for (j = 0; j < i; j++)
					if (strcmp(fl.v[i], fl.v[j]) == 0) {
						diag_emit(d, name, start_line, 0, DIAG_ERROR, "csv-header",
							  "column '%s' appears twice (fields %zu and %zu)",
							  fl.v[i], j + 1, i + 1);
						goto out;
					}
			t->names = fl.v;
			t->ncols = fl.n;
			t->header_line = start_line;
			fl.v = NULL;
			fl.n = fl.alloc = 0;
			continue;
		}
		if (fl.n != t->ncols) {
			diag_emit(d, name, start_line, 0, DIAG_ERROR, "csv-fields",
				  "row has %zu field%s, the header has %zu", fl.n,
				  fl.n == 1 ? "" : "s", t->ncols);
			goto out;
		}
		t->rows = xgrow(t->rows, &t->alloc, t->nrows + 1, sizeof(*t->rows));
		t->rows[t->nrows].f = fl.v;
		t->rows[t->nrows].line = start_line;
		t->nrows++;
		fl.v = NULL;
		fl.n = fl.alloc = 0;
	}
	if (!t->names) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "csv-empty", "empty file: no header row");
		goto out;
	}
	rc = 0;
out:
	fieldlist_clear(&fl);
	free(fl.v);
	csv_free(&p);
	return rc;
}

int csvtab_read(const char *path, struct csvtab *t, struct diag *d)
{
	size_t len;
	char *data = file_read_all(path, &len);
	int rc;
	if (!data)
		return -1;
	rc = csvtab_parse(path, data, len, t, d);
	free(data);
	return rc;
}

void csvtab_release(struct csvtab *t)
{
	size_t i, k;
	for (i = 0; i < t->nrows; i++) {
		for (k = 0; k < t->ncols; k++)
			free(t->rows[i].f[k]);
		free(t->rows[i].f);
	}
	free(t->rows);
	for (k = 0; k < t->ncols; k++)
		free(t->names[k]);
	free(t->names);
	memset(t, 0, sizeof(*t));
}

int csvtab_col(const struct csvtab *t, const char *name)
{
	size_t k;
	for (k = 0; k < t->ncols; k++)
		if (strcmp(t->names[k], name) == 0)
			return (int)k;
	return -1;
}

const char *csvtab_get(const struct csvtab *t, size_t r, int col)
{
	if (col < 0 || (size_t)col >= t->ncols || r >= t->nrows)
		return NULL;
	return t->rows[r].f[col];
}
