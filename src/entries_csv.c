/*
 * entries_csv.c: read and write entries CSV (RFC 4180) with libcsv.
 *
 * Reading is two passes over the bytes in memory.  The first splits the
 * file into records (a newline outside quotes ends one) and so knows each
 * record's first line and its exact bytes; the second hands each record
 * to libcsv in strict mode for its fields.  Keeping the bytes is what makes
 * read-then-write byte-identical: a row nobody edited is written back as
 * it was read, whatever quoting or line ending it used.
 */
#include <config.h>

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entry.h"
#include "fileio.h"
#include "utf8.h"

/* After this many problems in one file, reading stops. */
#define MAX_ERRORS 50
/* Unknown header columns listed one by one before the rest are counted. */
#define MAX_UNKNOWN_LISTED 5

/*
 * The fields of one record: their texts one after the other in text, each
 * with its NUL, at off[k]; v[k] points at them once the record is split
 * (fields_done).  Nothing is allocated a field.
 */
struct fields {
	char **v;
	size_t n, alloc;
	struct buf text;
	size_t *off;
	size_t off_alloc;
};

static void fields_clear(struct fields *fs)
{
	fs->n = 0;
	buf_reset(&fs->text);
}

static void fields_release(struct fields *fs)
{
	free(fs->v);
	free(fs->off);
	buf_release(&fs->text);
}

static void fields_add(struct fields *fs, const char *data, size_t len)
{
	if (fs->n == fs->off_alloc)
		fs->off = xgrow(fs->off, &fs->off_alloc, fs->n + 1, sizeof(*fs->off));
	fs->off[fs->n++] = fs->text.len;
	buf_grow(&fs->text, len + 1);
	memcpy(fs->text.data + fs->text.len, data, len);
	fs->text.len += len + 1;
	fs->text.data[fs->text.len - 1] = '\0';
}

static void fields_done(struct fields *fs)
{
	size_t k;
	fs->v = xgrow(fs->v, &fs->alloc, fs->n ? fs->n : 1, sizeof(char *));
	for (k = 0; k < fs->n; k++)
		fs->v[k] = fs->text.data + fs->off[k];
}

static void on_field(void *data, size_t len, void *ctx)
{
	fields_add(ctx, data ? data : "", data ? len : 0);
}

static void on_record(int c, void *ctx)
{
	(void)c;
	(void)ctx;
}

/* libcsv trims spaces and tabs around unquoted fields unless told not to. */
static int never_space(unsigned char c)
{
	(void)c;
	return 0;
}

struct reader {
	const char *name;
	struct diag *d;
	struct csv_parser p;
	struct fields fs;
	int errors;
	/* the layout of the file: its schema columns in order */
	enum entry_col lay[ENTRY_NCOLS];
	size_t nschema;
};

static int too_many(struct reader *r)
{
	if (++r->errors == MAX_ERRORS) {
		diag_emit(r->d, r->name, 0, 0, DIAG_ERROR, "csv-too-many",
			  "too many problems (%d), reading stopped", MAX_ERRORS);
		return 1;
	}
	return r->errors > MAX_ERRORS;
}

static void reader_csv_init(struct reader *r)
{
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
		die("cannot initialize the CSV parser");
	csv_set_space_func(&r->p, never_space);
}

/* Line (1-based) and column (in characters) of byte offset off. */
static void position(const char *data, size_t off, long *line, long *col)
{
	size_t i, bol = 0;
	long l = 1;
	for (i = 0; i < off; i++)
		if (data[i] == '\n') {
			l++;
			bol = i + 1;
		}
	*line = l;
	*col = (long)utf8_count(data + bol, off - bol) + 1;
}

/* Split one record into r->fs.  Returns 0, or -1 for malformed quoting. */
static int parse_record(struct reader *r, const char *rec, size_t len, long line)
{
	int rc = 0;
	fields_clear(&r->fs);
	if (!memchr(rec, '"', len) && !memchr(rec, '\r', len)) {
		/* no quotes and no CR: the fields are the bytes between commas, as libcsv splits them */
		const char *p = rec, *end = rec + len, *comma;
		while ((comma = memchr(p, ',', (size_t)(end - p))) != NULL) {
			fields_add(&r->fs, p, (size_t)(comma - p));
			p = comma + 1;
		}
		fields_add(&r->fs, p, (size_t)(end - p));
		fields_done(&r->fs);
		return 0;
	}
	/*
	 * libcsv grows its field buffer by a fixed block: sized to the record,
	 * a field of any length costs one allocation instead of len/128.
	 */
	csv_set_blk_size(&r->p, len + 1 > 128 ? len + 1 : 128);
	if (csv_parse(&r->p, rec, len, on_field, on_record, &r->fs) != len ||
	    csv_fini(&r->p, on_field, on_record, &r->fs) != 0) {
		const char *q = memchr(rec, '"', len);
		diag_emit(r->d, r->name, line, 0, DIAG_ERROR, "csv-quote",
			  "malformed quoting%s: %s", q ? " (a quote inside an unquoted field, or a "
			  "quoted field not followed by a comma)" : "", csv_strerror(csv_error(&r->p)));
		/* libcsv keeps its error state: start afresh for the next record. */
		csv_free(&r->p);
		reader_csv_init(r);
		rc = -1;
	}
	fields_done(&r->fs);
	return rc;
}

/* Names in messages are cut after this many bytes (at a character start). */
#define MAX_NAME_SHOWN 60

/* Bytes of s to show in a message, and whether it was cut. */
static int shown_len(const char *s, const char **more)
{
	size_t n = strlen(s), k = MAX_NAME_SHOWN;
	*more = "";
	if (n <= MAX_NAME_SHOWN)
		return (int)n;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	*more = "...";
	return (int)k;
}

/*
 * The header row: the columns of schema v2, or of v1 (no outlet_nh3_pct),
 * in order, then extra columns.
 */
static int check_header(struct reader *r, struct entry_set *s, long line)
{
	struct fields *fs = &r->fs;
	int pos[ENTRY_NCOLS], want[ENTRY_NCOLS];
	int i, ok = 1, version = 1;
	size_t k, unknown = 0;

	/*
	 * A spreadsheet that saved with another separator (LibreOffice uses ';'
	 * in many locales) gives a header of few fields holding the column
	 * names: one error naming the separator, not one per missing column.
	 */
	if (fs->n < ENTRY_NCOLS) {
		size_t semi = 0, tab = 0;
		const char *p;
		for (k = 0; k < fs->n; k++)
			for (p = fs->v[k]; *p; p++) {
				semi += *p == ';';
				tab += *p == '\t';
			}
		if (semi + tab >= ENTRY_NCOLS / 2) {
			diag_emit(r->d, r->name, line, 0, DIAG_ERROR, "csv-separator",
				  "the header is separated by %s, not by commas: entries CSV uses ',' "
				  "(in LibreOffice, save with the field delimiter ',')",
				  semi >= tab ? "semicolons (';')" : "tabs");
			return -1;
		}
	}
	for (i = 0; i < ENTRY_NCOLS; i++)
		pos[i] = -1;
	/* the version is the newest whose own columns the header names */
	for (k = 0; k < fs->n; k++) {
		int c = entry_col_find(fs->v[k]);
		if (c >= 0 && entry_cols[c].since > version)
			version = entry_cols[c].since;
	}
	r->nschema = 0;
	for (i = 0; i < ENTRY_NCOLS; i++) {
		want[i] = -1;
		if (entry_cols[i].since <= version) {
			want[i] = (int)r->nschema;
			r->lay[r->nschema++] = (enum entry_col)i;
		}
	}
	for (k = 0; k < fs->n; k++) {
		int c = entry_col_find(fs->v[k]);
		if (c >= 0) {
			if (pos[c] >= 0) {
				diag_emit(r->d, r->name, line, 0, DIAG_ERROR, "schema-header",
					  "column '%s' appears twice (fields %d and %zu)",
					  fs->v[k], pos[c] + 1, k + 1);
				ok = 0;
			} else {
				pos[c] = (int)k;
			}
		}
	}
	for (i = 0; i < ENTRY_NCOLS; i++) {
		if (want[i] < 0)
			continue;
		if (pos[i] < 0) {
			diag_emit(r->d, r->name, line, 0, DIAG_ERROR, "schema-header",
				  "missing column '%s' (schema v%d column %d)", entry_cols[i].name,
				  version, want[i] + 1);
			ok = 0;
		} else if (pos[i] != want[i]) {
			diag_emit(r->d, r->name, line, 0, DIAG_ERROR, "schema-header",
				  "column '%s' is field %d, schema v%d puts it at field %d",
				  entry_cols[i].name, pos[i] + 1, version, want[i] + 1);
			ok = 0;
		}
	}
	for (k = 0; k < fs->n; k++) {
		if (entry_col_find(fs->v[k]) >= 0 || entry_ext_col_known(fs->v[k]))
			continue;
		if (unknown++ < MAX_UNKNOWN_LISTED) {
			const char *more;
			int shown = shown_len(fs->v[k], &more);
			diag_emit(r->d, r->name, line, 0, DIAG_ERROR, "schema-header",
				  "unknown column '%.*s%s' (field %zu); columns of your own must start with 'x_'",
				  shown, fs->v[k], more, k + 1);
		}
		ok = 0;
	}
	if (unknown > MAX_UNKNOWN_LISTED)
		diag_emit(r->d, r->name, line, 0, DIAG_ERROR, "schema-header",
			  "%zu more unknown columns", unknown - MAX_UNKNOWN_LISTED);
	if (!ok)
		return -1;
	s->version = version;
	s->nextra = fs->n - r->nschema;
	if (s->nextra) {
		s->extra_names = xcalloc(s->nextra, sizeof(char *));
		for (k = 0; k < s->nextra; k++)
			s->extra_names[k] = xstrdup(fs->v[r->nschema + k]);
	}
	return 0;
}

/* Copy the fields of the record just parsed into e (nextra extra columns). */
static void move_fields(struct reader *r, struct entry *e, size_t nextra)
{
	size_t k;
	entry_set_fields(e, r->lay, r->fs.v, r->nschema);
	for (k = 0; k < nextra; k++) {
		free(e->extra[k]);
		e->extra[k] = xstrdup(r->fs.v[r->nschema + k]);
	}
}

static int row_written_as(const struct entry_set *s, const struct entry *e, int v,
			  const char *rec, size_t reclen);

static void take_row(struct reader *r, struct entry_set *s, const char *rec, size_t reclen,
		     long line)
{
	struct entry *e = entry_set_append(s);
	move_fields(r, e, s->nextra);
	e->line = line;
	/* The record's bytes are kept only when writing the row anew would change them. */
	if (row_written_as(s, e, s->version ? s->version : ENTRY_SCHEMA_VERSION, rec, reclen)) {
		e->canon = 1;
		return;
	}
	e->raw = xstrndup(rec, reclen);
	e->rawlen = reclen;
}

int entries_parse(const char *name, const char *data, size_t len, struct entry_set *s,
		  struct diag *d)
{
	struct reader r;
	size_t off = 0, bad;
	long line = 1, header_cols = -1;
	int failed = 0;
	const char *nul;

	memset(&r, 0, sizeof(r));
	r.name = name;
	r.d = d;

	if (len == 0) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "csv-empty",
			  "empty file: an entries CSV needs at least its header row");
		return -1;
	}
	if ((nul = memchr(data, '\0', len)) != NULL) {
		long l, c;
		position(data, (size_t)(nul - data), &l, &c);
		diag_emit(d, name, l, c, DIAG_ERROR, "csv-nul",
			  "NUL byte in the file: not a text CSV");
		return -1;
	}
	if ((bad = utf8_validate(data, len)) != len) {
		long l, c;
		position(data, bad, &l, &c);
		diag_emit(d, name, l, c, DIAG_ERROR, "csv-utf8",
			  "invalid UTF-8 (byte 0x%02x); entries CSV must be UTF-8",
			  (unsigned char)data[bad]);
		return -1;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		s->bom = 1;
		off = 3;
	}

	reader_csv_init(&r);

	while (off < len) {
		size_t start = off, end, body_end;
		long start_line = line;
		int inq = 0;

		/*
		 * Find the end of this record: a newline outside quotes.  A quote
		 * opens a quoted field only at the start of a field; one inside an
		 * unquoted field is left for libcsv to refuse.
		 */
		{
			int at_field_start = 1;
			for (end = start; end < len; end++) {
				char ch = data[end];
				if (inq) {
					if (ch == '"') {
						if (end + 1 < len && data[end + 1] == '"')
							end++;
						else
							inq = 0;
					} else if (ch == '\n') {
						line++;
					}
					continue;
				}
				if (ch == '"' && at_field_start) {
					inq = 1;
				} else if (ch == '\n') {
					line++;
					break;
				}
				at_field_start = ch == ',';
			}
		}
		if (inq) {
			diag_emit(d, name, start_line, 0, DIAG_ERROR, "csv-quote",
				  "quoted field opened on this line is never closed");
			failed = 1;
			break;
		}
		body_end = end;
		if (end < len)
			end++;    /* keep the LF in the record's bytes */
		if (body_end > start && data[body_end - 1] == '\r' && body_end < len)
			body_end--;
		off = end;

		if (body_end == start) {
			if (header_cols < 0) {
				diag_emit(d, name, start_line, 0, DIAG_ERROR, "csv-header",
					  "empty line where the header row should be");
				failed = 1;
				break;
			}
			diag_emit(d, name, start_line, 0, DIAG_ERROR, "csv-blank-line",
				  "empty line (a row of the schema has %ld fields)", header_cols);
			failed = 1;
			if (too_many(&r))
				break;
			continue;
		}
		if (parse_record(&r, data + start, body_end - start, start_line) < 0) {
			failed = 1;
			if (header_cols < 0 || too_many(&r))
				break;
			continue;
		}
		if (header_cols < 0) {
			s->crlf = end - start >= 2 && data[end - 1] == '\n' && data[end - 2] == '\r';
			s->raw_header = xstrndup(data + start, end - start);
			s->raw_header_len = end - start;
			if (check_header(&r, s, start_line) < 0) {
				failed = 1;
				break;
			}
			header_cols = (long)r.fs.n;
			continue;
		}
		if ((long)r.fs.n != header_cols) {
			diag_emit(d, name, start_line, 0, DIAG_ERROR, "csv-fields",
				  "row has %zu fields, the header has %ld", r.fs.n, header_cols);
			failed = 1;
			if (too_many(&r))
				break;
			continue;
		}
		take_row(&r, s, data + start, end - start, start_line);
	}
	if (header_cols < 0 && !failed) {
		diag_emit(d, name, 0, 0, DIAG_ERROR, "csv-empty", "no header row");
		failed = 1;
	}
	fields_release(&r.fs);
	csv_free(&r.p);
	return failed ? -1 : 0;
}

/*
 * Where the record that starts at data[from] ends (the byte after its
 * newline), continuing the scan state *st (0 outside quotes at a field
 * start, 1 outside quotes elsewhere, 2 inside quotes) from data[*at];
 * SIZE_MAX when the data ends first.  The same rule as entries_parse.
 * Adds the newlines it passes to *nl.
 */
static size_t record_end(const char *data, size_t len, size_t *at, int *st, long *nl)
{
	size_t i = *at;
	while (i < len) {
		if (*st == 2) {
			while (i < len && data[i] != '"')
				*nl += data[i++] == '\n';
			if (i == len)
				break;
			if (i + 1 >= len) {
				*at = i;   /* a doubled quote may follow: look again with more */
				return SIZE_MAX;
			}
			if (data[i + 1] == '"')
				i++;
			else
				*st = 1;
			i++;
			continue;
		}
		{
			size_t from = i;
			while (i < len && data[i] != '\n' && data[i] != '"')
				i++;
			if (i > from)
				*st = data[i - 1] == ',' ? 0 : 1;
		}
		if (i == len)
			break;
		if (data[i] == '\n') {
			++*nl;
			return i + 1;
		}
		*st = *st == 0 ? 2 : 1;   /* a quote opens a field only at its start */
		i++;
	}
	*at = len;
	return SIZE_MAX;
}

int entries_each(const char *path, entry_row_fn *fn, void *ctx, struct diag *d)
{
	FILE *f = fopen(path, "rb");
	struct reader r;
	struct entry_set hdr;
	struct buf data = BUF_INIT;
	size_t start = 0, at = 0, end;
	long line = 1, header_cols = -1, nl = 0;   /* newlines of the record so far */
	int st = 0, failed = 0, eof = 0, stop = 0;

	if (!f) {
		diag_emit(d, path, 0, 0, DIAG_ERROR, "csv-open", "cannot open: %s", strerror(errno));
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.name = path;
	r.d = d;
	reader_csv_init(&r);
	entry_set_init(&hdr);
	while (!stop) {
		size_t body;
		long rec_line = line;
		end = record_end(data.data ? data.data : "", data.len, &at, &st, &nl);
		if (end == SIZE_MAX && !eof) {
			/* drop what was handled, then read more */
			char chunk[65536];
			size_t got;
			if (start) {
				memmove(data.data, data.data + start, data.len - start);
				data.len -= start;
				at -= start;
				start = 0;
			}
			got = fread(chunk, 1, sizeof(chunk), f);
			if (got)
				buf_add(&data, chunk, got);
			else
				eof = 1;
			continue;
		}
		if (end == SIZE_MAX) {
			if (st == 2) {
				diag_emit(d, path, line, 0, DIAG_ERROR, "csv-quote",
					  "quoted field opened on this line is never closed");
				failed = 1;
				break;
			}
			if (start == data.len)
				break;
			end = data.len;   /* the last record, without a newline */
		}
		line += nl;
		nl = 0;
		body = end;
		if (body > start && data.data[body - 1] == '\n')
			body--;
		if (body > start && data.data[body - 1] == '\r')
			body--;
		if (header_cols < 0 && start == 0 && body >= 3 && memcmp(data.data, "\xEF\xBB\xBF", 3) == 0)
			start = 3;   /* a byte-order mark */
		st = 0;
		at = end;
		if (body > start && parse_record(&r, data.data + start, body - start, rec_line) == 0) {
			if (header_cols < 0) {
				if (check_header(&r, &hdr, rec_line) < 0) {
					failed = 1;
					break;
				}
				header_cols = (long)r.fs.n;
			} else if ((long)r.fs.n != header_cols) {
				diag_emit(d, path, rec_line, 0, DIAG_ERROR, "csv-fields",
					  "row has %zu fields, the header has %ld", r.fs.n, header_cols);
				failed = 1;
			} else {
				struct entry e;
				entry_init(&e, hdr.nextra);
				move_fields(&r, &e, hdr.nextra);
				e.line = rec_line;
				stop = fn(ctx, &e);
				entry_release(&e);
			}
		} else if (body > start || header_cols < 0) {
			failed = 1;
			if (header_cols < 0)
				break;
		}
		start = end;
	}
	fclose(f);
	fields_release(&r.fs);
	csv_free(&r.p);
	entry_set_release(&hdr);
	buf_release(&data);
	return failed ? -1 : 0;
}

int entries_read(const char *path, struct entry_set *s, struct diag *d)
{
	size_t len;
	char *data = file_read_all(path, &len);
	int rc;
	if (!data)
		return -1;
	rc = entries_parse(path, data, len, s, d);
	free(data);
	return rc;
}

static int needs_quotes(const char *s)
{
	size_t n = strlen(s);
	if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		return 1;
	return strpbrk(s, ",\"\r\n") != NULL;
}

void csv_add_field(struct buf *out, const char *s)
{
	if (!needs_quotes(s)) {
		buf_addstr(out, s);
		return;
	}
	buf_addch(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addch(out, '"');
		buf_addch(out, *s);
	}
	buf_addch(out, '"');
}

static int ends_in_newline(const struct buf *out)
{
	return out->len > 0 && out->data[out->len - 1] == '\n';
}

int entries_version_out(const struct entry_set *s)
{
	size_t i, k;
	int v = s->version ? s->version : ENTRY_SCHEMA_VERSION;
	/* a value in a column the file's version lacks: the file moves up */
	for (i = 0; i < s->n && v < ENTRY_SCHEMA_VERSION; i++)
		for (k = 0; k < ENTRY_NCOLS; k++)
			if (entry_cols[k].since > v && s->v[i].f[k][0])
				return ENTRY_SCHEMA_VERSION;
	return v;
}

void entries_format_header(const struct entry_set *s, struct buf *out)
{
	size_t k, n = 0;
	int v = entries_version_out(s);
	if (s->bom)
		buf_add(out, "\xEF\xBB\xBF", 3);
	if (s->raw_header && v == (s->version ? s->version : ENTRY_SCHEMA_VERSION)) {
		buf_add(out, s->raw_header, s->raw_header_len);
		return;
	}
	for (k = 0; k < ENTRY_NCOLS; k++) {
		if (entry_cols[k].since > v)
			continue;
		if (n++)
			buf_addch(out, ',');
		csv_add_field(out, entry_cols[k].name);
	}
	for (k = 0; k < s->nextra; k++) {
		buf_addch(out, ',');
		csv_add_field(out, s->extra_names[k]);
	}
	buf_addstr(out, s->crlf ? "\r\n" : "\n");
}

void entries_format_rows(const struct entry_set *s, struct buf *out)
{
	const char *eol = s->crlf ? "\r\n" : "\n";
	size_t i;
	int v = entries_version_out(s);
	/* rows as read, unless the file moves to another version */
	int keep_raw = v == (s->version ? s->version : ENTRY_SCHEMA_VERSION);

	for (i = 0; i < s->n; i++) {
		const struct entry *e = &s->v[i];
		/* A last row read without a newline gets one when rows follow it. */
		if (out->len && !ends_in_newline(out))
			buf_addstr(out, eol);
		if (e->raw && keep_raw) {
			buf_add(out, e->raw, e->rawlen);
			continue;
		}
		entries_format_row(s, e, v, out);
	}
}

void entries_format_row(const struct entry_set *s, const struct entry *e, int v, struct buf *out)
{
	size_t k, n;
	for (k = 0, n = 0; k < ENTRY_NCOLS; k++) {
		if (entry_cols[k].since > v)
			continue;
		if (n++)
			buf_addch(out, ',');
		csv_add_field(out, e->f[k]);
	}
	for (k = 0; k < s->nextra; k++) {
		buf_addch(out, ',');
		csv_add_field(out, k < e->nextra ? e->extra[k] : "");
	}
	buf_addstr(out, s->crlf ? "\r\n" : "\n");
}

/* Is f, as csv_add_field writes it, the bytes at *p (before end)?  Moves *p past them. */
static int field_written_as(const char *f, const char **p, const char *end)
{
	const char *q = *p, *g;
	/* The usual field: its bytes, none of which asks for quotes, in one pass. */
	for (g = f; *g && q != end && *q == *g && *g != ',' && *g != '"' && *g != '\r' && *g != '\n';
	     g++, q++)
		;
	if (!*g && (g == f || (f[0] != ' ' && f[0] != '\t' && g[-1] != ' ' && g[-1] != '\t'))) {
		*p = q;
		return 1;
	}
	q = *p;
	if (!needs_quotes(f)) {
		size_t n = strlen(f);
		if ((size_t)(end - q) < n || memcmp(q, f, n) != 0)
			return 0;
		*p = q + n;
		return 1;
	}
	if (q == end || *q++ != '"')
		return 0;
	for (; *f; f++) {
		if (*f == '"' && (q == end || *q++ != '"'))
			return 0;
		if (q == end || *q++ != *f)
			return 0;
	}
	if (q == end || *q++ != '"')
		return 0;
	*p = q;
	return 1;
}

/*
 * Would entries_format_row(s, e, v) write exactly rec[0..reclen)?  The same
 * walk over the fields, compared in place instead of written out.
 */
static int row_written_as(const struct entry_set *s, const struct entry *e, int v,
			  const char *rec, size_t reclen)
{
	const char *p = rec, *end = rec + reclen, *eol = s->crlf ? "\r\n" : "\n";
	size_t k, n, neol = strlen(eol);
	for (k = 0, n = 0; k < ENTRY_NCOLS; k++) {
		if (entry_cols[k].since > v)
			continue;
		if (n++ && (p == end || *p++ != ','))
			return 0;
		if (!field_written_as(e->f[k], &p, end))
			return 0;
	}
	for (k = 0; k < s->nextra; k++) {
		if (p == end || *p++ != ',')
			return 0;
		if (!field_written_as(k < e->nextra ? e->extra[k] : "", &p, end))
			return 0;
	}
	return (size_t)(end - p) == neol && memcmp(p, eol, neol) == 0;
}

void entries_format(const struct entry_set *s, struct buf *out)
{
	entries_format_header(s, out);
	entries_format_rows(s, out);
}

int entries_check_size(const char *path, size_t len)
{
	if (len <= (size_t)FILE_READ_MAX)
		return 0;
	fprintf(stderr, "%s: error: the entries would take %zu bytes, more than the %d MiB "
		"nh3cat reads back; not written\n", path, len, FILE_READ_MAX >> 20);
	return -1;
}

int entries_write(const char *path, const struct entry_set *s)
{
	struct buf out = BUF_INIT;
	int rc;
	entries_format(s, &out);
	rc = entries_check_size(path, out.len) < 0 ? -1 : file_write_atomic(path, buf_str(&out), out.len);
	buf_release(&out);
	return rc;
}

int entries_write_stream(FILE *f, const struct entry_set *s)
{
	struct buf out = BUF_INIT;
	int rc = 0;
	entries_format(s, &out);
	if (out.len && fwrite(out.data, 1, out.len, f) != out.len)
		rc = error("write error: %s", strerror(errno));
	buf_release(&out);
	return rc;
}
