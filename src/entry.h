/*
 * entry.h: one catalyst performance entry (entries CSV schema v2) and a
 * set of them as read from, or written to, one entries CSV file.
 *
 * The column table (entry_cols) is the one description of the schema:
 * for each column its name, type, role (a result, a condition, a
 * description), the quantity kind and canonical unit of a number, and the
 * schema version that added it.  Lists of results and conditions, unit
 * labels and the Table Schema of `nh3cat schema` derive from it.
 *
 * Checklist, adding a quantity (a column):
 *   1. a row in entry_cols (entry.c) and its enum value below, in file order,
 *      with `since` the new schema version (readers keep accepting older files);
 *   2. its quantity kind in units.h (name, unit, description in units.c) and
 *      the spellings of its unit in units_table.c;
 *   3. how prose and tables name it (units_scan context, units_lookup header
 *      hint), with a golden test under tests/golden/3xxx;
 *   4. a validation rule if values can be cross-checked (rules.c, validate*.c);
 *   5. README's schema table; `make` regenerates corpus/datapackage.json.
 *
 * Fields are kept as the strings of the file, so that a row nobody edits
 * is written back byte for byte; typed access goes through entry_get_num
 * and entry_set_num.  Numbers are in the canonical units of the schema
 * (see README.md, "Entries CSV schema").  An empty field means unknown.
 * Files of schema v1 (without outlet_nh3_pct) are read too, and written
 * back as v1 until a value needs the new column (nh3cat migrate rewrites
 * them as v2).
 */
#ifndef NH3CAT_ENTRY_H
#define NH3CAT_ENTRY_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "units.h"

/* The columns of the schema, in file order. */
enum entry_col {
	COL_ID,
	COL_DOC,
	COL_SOURCE,
	COL_LOCATOR,
	COL_CATALYST,
	COL_SITE_TYPE,
	COL_METALS,
	COL_LOADING_WT,
	COL_SUPPORT,
	COL_PROMOTER,
	COL_SIZE_NM,
	COL_TEMPERATURE_C,
	COL_PRESSURE_MPA,
	COL_WHSV,
	COL_RATE_GCAT,
	COL_RATE_GMETAL,
	COL_RATE_METAL,
	COL_TOF_S,
	COL_EA,
	COL_OUTLET_NH3,
	COL_REF,
	COL_METHOD,
	COL_DERIVED,
	COL_EVIDENCE,
	COL_STATUS,
	COL_NOTE,
	ENTRY_NCOLS
};

/* How a column's value is checked by validation at the schema level. */
enum col_type {
	CT_TEXT,      /* anything */
	CT_NUMBER,    /* plain decimal */
	CT_LOADING,   /* "3.8" or "Ru:1.17;Co:0.41" */
	CT_REF,       /* reference numbers: "95" or "81;82" */
	CT_ENUM       /* one of a fixed list (or empty) */
};

/* What a column holds. */
enum col_role {
	ROLE_RECORD,      /* id, doc, source, locator, evidence, status ...: about the record */
	ROLE_DESCRIPTION, /* what the catalyst is: name, site type, metals, loading, size */
	ROLE_CONDITION,   /* how it was measured: temperature, pressure, WHSV */
	ROLE_RESULT       /* what was measured: rates, TOF, Ea, outlet NH3 */
};

struct col_info {
	const char *name;
	enum col_type type;
	const char *const *values;  /* CT_ENUM: NULL-terminated allowed values */
	const char *unit;           /* canonical unit, for CT_NUMBER */
	const char *doc;            /* one-line meaning */
	enum col_role role;
	enum quantity_kind kind;    /* the quantity a number column holds, QK_NONE if none */
	int since;                  /* the schema version that added the column */
};

/* The current schema version, written by every new file. */
#define ENTRY_SCHEMA_VERSION 2

extern const struct col_info entry_cols[ENTRY_NCOLS];

/* The column that holds quantities of kind k, or -1. */
int entry_col_of_kind(enum quantity_kind k);
/*
 * The columns of role r in file order, into out (at most max); returns
 * how many.  ENTRY_NRESULTS and ENTRY_NCONDITIONS bound them.
 */
#define ENTRY_NRESULTS 5
#define ENTRY_NCONDITIONS 3
size_t entry_cols_of_role(enum col_role r, enum entry_col *out /* OUT */, size_t max);
/* The k-th column (from 0) of role r in file order; ENTRY_NCOLS past the last. */
enum entry_col entry_col_of_role(enum col_role r, size_t k);

/* Column index by header name, or -1. */
int entry_col_find(const char *name);

/*
 * Columns after the schema's that nh3cat itself knows (written by later
 * stages, such as ref_doi).  Any further column must start with "x_".
 */
int entry_ext_col_known(const char *name);

/*
 * An entry's fields.  The fields of a row as read live in one block
 * (cells: its strings end to end), an empty field is a shared "", and a
 * field set since (entry_set) is allocated alone (bit c of own): a row
 * costs one allocation for its cells, not one per column.  Change fields
 * through entry_set and entry_set_fields only; never free or write into
 * f[c].  Moving a struct entry by value moves its ownership.
 */
struct entry {
	char *f[ENTRY_NCOLS];   /* never NULL; "" when empty */
	char *cells;            /* the block the fields as read point into, or NULL */
	unsigned own;           /* bit c set: f[c] is allocated alone */
	/*
	 * 1: read unedited, and the record as read was the entry's canonical
	 * form in its set (entries_format_row), so raw was not kept: its bytes
	 * are written again all the same.  Cleared by any edit.
	 */
	unsigned canon;
	char **extra;           /* nextra values for the set's extra columns */
	size_t nextra;
	/*
	 * The record as read, terminator included, when it differs from the
	 * canonical form (quotes not needed, another line end); NULL once
	 * edited, or when canon.
	 */
	char *raw;
	size_t rawlen;
	long line;              /* first line of the record in its file, 0 if new */
};

struct entry_set {
	struct entry *v;
	size_t n, alloc;
	char **extra_names;     /* column names after the schema's */
	size_t nextra;
	int version;            /* schema version of the file read (1, 2); 0: new, the current */
	int bom;                /* the file began with a UTF-8 byte-order mark */
	int crlf;               /* records end in CRLF */
	char *raw_header;       /* header record as read, terminator included */
	size_t raw_header_len;
};

void entry_init(struct entry *e, size_t nextra);
void entry_release(struct entry *e);
const char *entry_get(const struct entry *e, enum entry_col c);
/* Replace a field (copying value); the entry is then written canonically. */
void entry_set(struct entry *e, enum entry_col c, const char *value);
/*
 * Set the n fields cols[k] (all columns in file order when cols is NULL)
 * to copies of vals[k], held in one block; the other fields are left as
 * they are.  The record as read (raw) is kept: this is how a row is read.
 */
void entry_set_fields(struct entry *e, const enum entry_col *cols, char *const *vals, size_t n);
/*
 * Set a numeric field as a plain decimal.  Returns 0, or -1 (the field
 * left as it was) when v is outside the magnitudes an entry holds
 * (num_in_range): an overflow or underflow is never written.
 */
int entry_set_num(struct entry *e, enum entry_col c, double v);
/*
 * 1 and *out when the field holds a number (num_parse: also one the
 * schema refuses, such as 3.5e2, which validate reports), 0 when empty,
 * -1 when malformed.
 */
int entry_get_num(const struct entry *e, enum entry_col c, double *out /* OUT */);
/* Append a name to the ';'-separated list in the derived column, once. */
void entry_add_derived(struct entry *e, const char *colname);

void entry_set_init(struct entry_set *s);
void entry_set_release(struct entry_set *s);
/*
 * Add an extra column (after the schema's and the extras already there),
 * empty in every entry; nothing when the set has it.  Rows and the header
 * as read keep their bytes and gain the field at their end.  Returns its
 * index among the extras.
 */
size_t entry_set_add_column(struct entry_set *s, const char *name);
/*
 * Set extra field k of e.  When k is the last column and was empty, the
 * record keeps the bytes of its other fields; otherwise it is written anew.
 */
void entry_set_extra(struct entry *e, size_t k, const char *value);
/* Append a new empty entry and return it (valid until the next append). */
struct entry *entry_set_append(struct entry_set *s);

/*
 * Read an entries CSV.  Problems go to d as FILE:LINE diagnostics with
 * rule ids csv-* (malformed CSV) and schema-header.  Returns 0 when the
 * file was read whole, -1 when anything was wrong with it (rows that
 * could be read are still in s, so a validator can go on).
 */
int entries_read(const char *path, struct entry_set *s, struct diag *d);
/* The same over bytes already in memory; name is used in diagnostics. */
int entries_parse(const char *name, const char *data, size_t len,
		  struct entry_set *s, struct diag *d);
/*
 * Stream the rows of the entries CSV at path, holding one row at a time:
 * fn gets each (borrowed, valid during the call; no raw bytes kept) and
 * returns nonzero to stop.  Memory is bounded by the longest row, not the
 * file.  Rows of the wrong width are reported and skipped.  Returns 0,
 * or -1 when the file cannot be opened or its header or quoting is bad
 * (diagnostics to d; the rows before were given to fn).
 */
typedef int entry_row_fn(void *ctx, const struct entry *e);
int entries_each(const char *path, entry_row_fn *fn, void *ctx, struct diag *d);

/*
 * Serialize s: the header and unedited rows as they were read, other rows
 * in canonical form (fields quoted only when needed).
 */
void entries_format(const struct entry_set *s, struct buf *out);
/*
 * Append s as one RFC 4180 field: as it is, or quoted (quotes doubled) when
 * it holds a comma, quote or line break, or starts or ends with a blank.
 */
void csv_add_field(struct buf *out, const char *s);
/*
 * The schema version s is written in: the version it was read in (the
 * current one for a new set), or the current one when an entry holds a
 * value in a column that version lacks.  Rows of a set that moves up are
 * written anew, every cell unchanged.
 */
int entries_version_out(const struct entry_set *s);
/*
 * Append e as a row of s in canonical form, in schema version v (fields
 * quoted only when needed, s's extra columns, s's line end).
 */
void entries_format_row(const struct entry_set *s, const struct entry *e, int v, struct buf *out);
/* The two halves of entries_format, for writers that stream rows. */
void entries_format_header(const struct entry_set *s, struct buf *out);
void entries_format_rows(const struct entry_set *s, struct buf *out);
/*
 * An entries file of len bytes at path can be written: 0, or -1 after
 * "PATH: error: ..." when len is over FILE_READ_MAX, the most nh3cat reads
 * back (util.h), so that no command writes a file the next one refuses.
 */
int entries_check_size(const char *path, size_t len);
/*
 * Write s to path atomically (temporary file, fsync, rename).  0 or -1;
 * refused, path untouched, when over FILE_READ_MAX (entries_check_size).
 */
int entries_write(const char *path, const struct entry_set *s);
/* Write s to an open stream ("-" for stdout uses this).  0 or -1. */
int entries_write_stream(FILE *f, const struct entry_set *s);

#endif
