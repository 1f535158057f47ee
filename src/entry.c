/*
 * entry.c: the column table of the schema and the entry record.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "entry.h"

static const char *const site_types[] = { "SAC", "SCC", "BCC", "NP", "bulk", NULL };
static const char *const statuses[] = { "extracted", "reviewed", "rejected", NULL };
static const char *const sources[] = { "table", "text", "caption", NULL };
static const char *const methods[] = { "experiment", "computed", NULL };

const struct col_info entry_cols[ENTRY_NCOLS] = {
	[COL_ID] = { "id", CT_TEXT, NULL, NULL, "stable id, KEY:N",
		ROLE_RECORD, QK_NONE, 1 },
	[COL_DOC] = { "doc", CT_TEXT, NULL, NULL, "document key (file name stem in corpus/papers/)",
		ROLE_RECORD, QK_NONE, 1 },
	[COL_SOURCE] = { "source", CT_ENUM, sources, NULL, "table, text or caption",
		ROLE_RECORD, QK_NONE, 1 },
	[COL_LOCATOR] = { "locator", CT_TEXT, NULL, NULL, "where in the document: L205, L93:C412, table1/r3",
		ROLE_RECORD, QK_NONE, 1 },
	[COL_CATALYST] = { "catalyst", CT_TEXT, NULL, NULL, "catalyst name, ASCII-clean (Co1Ru2/NC)",
		ROLE_DESCRIPTION, QK_NONE, 1 },
	[COL_SITE_TYPE] = { "site_type", CT_ENUM, site_types, NULL, "SAC, SCC, BCC, NP, bulk or empty",
		ROLE_DESCRIPTION, QK_NONE, 1 },
	[COL_METALS] = { "metals", CT_TEXT, NULL, NULL, "active metals, ';'-separated element symbols",
		ROLE_DESCRIPTION, QK_NONE, 1 },
	[COL_LOADING_WT] = { "loading_wt", CT_LOADING, NULL, "wt%", "metal content: 3.8 or Ru:1.17;Co:0.41",
		ROLE_DESCRIPTION, QK_LOADING, 1 },
	[COL_SUPPORT] = { "support", CT_TEXT, NULL, NULL, "support material",
		ROLE_DESCRIPTION, QK_NONE, 1 },
	[COL_PROMOTER] = { "promoter", CT_TEXT, NULL, NULL, "promoter (K, Cs, Ba ...)",
		ROLE_DESCRIPTION, QK_NONE, 1 },
	[COL_SIZE_NM] = { "size_nm", CT_NUMBER, NULL, "nm", "particle or cluster size",
		ROLE_DESCRIPTION, QK_SIZE, 1 },
	[COL_TEMPERATURE_C] = { "temperature_C", CT_NUMBER, NULL, "degC", "reaction temperature",
		ROLE_CONDITION, QK_TEMPERATURE, 1 },
	[COL_PRESSURE_MPA] = { "pressure_MPa", CT_NUMBER, NULL, "MPa", "reaction pressure",
		ROLE_CONDITION, QK_PRESSURE, 1 },
	[COL_WHSV] = { "whsv_mL_g_h", CT_NUMBER, NULL, "mL g^-1 h^-1", "weight hourly space velocity",
		ROLE_CONDITION, QK_WHSV, 1 },
	[COL_RATE_GCAT] = { "rate_mmol_gcat_h", CT_NUMBER, NULL, "mmol g_cat^-1 h^-1", "NH3 synthesis rate per gram of catalyst",
		ROLE_RESULT, QK_RATE_CAT, 1 },
	[COL_RATE_GMETAL] = { "rate_mmol_gmetal_h", CT_NUMBER, NULL, "mmol g_metal^-1 h^-1", "NH3 synthesis rate per gram of active metal",
		ROLE_RESULT, QK_RATE_METAL, 1 },
	[COL_RATE_METAL] = { "rate_metal", CT_TEXT, NULL, NULL, "the metal of the per-metal rate",
		ROLE_DESCRIPTION, QK_NONE, 1 },
	[COL_TOF_S] = { "tof_s", CT_NUMBER, NULL, "s^-1", "turnover frequency",
		ROLE_RESULT, QK_TOF, 1 },
	[COL_EA] = { "ea_kJ_mol", CT_NUMBER, NULL, "kJ mol^-1", "apparent activation energy",
		ROLE_RESULT, QK_EA, 1 },
	[COL_OUTLET_NH3] = { "outlet_nh3_pct", CT_NUMBER, NULL, "vol %", "NH3 concentration in the reactor effluent",
		ROLE_RESULT, QK_OUTLET, 2 },
	[COL_REF] = { "ref", CT_REF, NULL, NULL, "reference number(s) of the cited primary paper",
		ROLE_RECORD, QK_NONE, 1 },
	[COL_METHOD] = { "method", CT_ENUM, methods, NULL, "experiment or computed",
		ROLE_RECORD, QK_NONE, 1 },
	[COL_DERIVED] = { "derived", CT_TEXT, NULL, NULL, "columns computed rather than read, ';'-separated",
		ROLE_RECORD, QK_NONE, 1 },
	[COL_EVIDENCE] = { "evidence", CT_TEXT, NULL, NULL, "the source text, verbatim",
		ROLE_RECORD, QK_NONE, 1 },
	[COL_STATUS] = { "status", CT_ENUM, statuses, NULL, "extracted, reviewed or rejected",
		ROLE_RECORD, QK_NONE, 1 },
	[COL_NOTE] = { "note", CT_TEXT, NULL, NULL, "the curator's note",
		ROLE_RECORD, QK_NONE, 1 },
};

int entry_col_of_kind(enum quantity_kind k)
{
	int i;
	if (k == QK_NONE)
		return -1;
	for (i = 0; i < ENTRY_NCOLS; i++)
		if (entry_cols[i].kind == k)
			return i;
	return -1;
}

size_t entry_cols_of_role(enum col_role r, enum entry_col *out, size_t max)
{
	size_t n = 0;
	int i;
	for (i = 0; i < ENTRY_NCOLS; i++)
		if (entry_cols[i].role == r && n < max)
			out[n++] = (enum entry_col)i;
	return n;
}

enum entry_col entry_col_of_role(enum col_role r, size_t k)
{
	int i;
	for (i = 0; i < ENTRY_NCOLS; i++)
		if (entry_cols[i].role == r && k-- == 0)
			return (enum entry_col)i;
	return ENTRY_NCOLS;
}

/* Columns after the schema's that stages of nh3cat write. */
static const char *const known_ext_cols[] = {
	"ref_doi",   /* DOI of the cited primary paper, from XML reference lists */
	"waive",     /* rule ids waived for this entry, with a reason */
	"origin",    /* where the candidate was read: its identity (corpus.h) */
	NULL
};

int entry_col_find(const char *name)
{
	int i;
	for (i = 0; i < ENTRY_NCOLS; i++)
		if (str_eq(entry_cols[i].name, name))
			return i;
	return -1;
}

int entry_ext_col_known(const char *name)
{
	size_t i;
	if (str_startswith(name, "x_") && name[2])
		return 1;
	for (i = 0; known_ext_cols[i]; i++)
		if (str_eq(known_ext_cols[i], name))
			return 1;
	return 0;
}

/* The one "" of every empty field not in a block (never written into). */
static char empty_field[1];

/* Release field c, when it was allocated alone. */
static void field_drop(struct entry *e, size_t c)
{
	if (e->own & (1u << c))
		free(e->f[c]);
	e->own &= ~(1u << c);
	e->f[c] = empty_field;
}

void entry_init(struct entry *e, size_t nextra)
{
	size_t i;
	_Static_assert(ENTRY_NCOLS <= 32, "struct entry's own has a bit per column");
	memset(e, 0, sizeof(*e));
	for (i = 0; i < ENTRY_NCOLS; i++)
		e->f[i] = empty_field;
	e->nextra = nextra;
	if (nextra) {
		e->extra = xcalloc(nextra, sizeof(char *));
		for (i = 0; i < nextra; i++)
			e->extra[i] = xstrdup("");
	}
}

void entry_release(struct entry *e)
{
	size_t i;
	for (i = 0; i < ENTRY_NCOLS; i++)
		field_drop(e, i);
	free(e->cells);
	for (i = 0; i < e->nextra; i++)
		free(e->extra[i]);
	free(e->extra);
	free(e->raw);
	memset(e, 0, sizeof(*e));
}

void entry_set_fields(struct entry *e, const enum entry_col *cols, char *const *vals, size_t n)
{
	size_t k, total = 0, off = 0, lens[ENTRY_NCOLS];   /* a field a column at most */
	char *block;
	if (n > ENTRY_NCOLS)
		die("entry_set_fields: %zu fields, the schema has %d", n, ENTRY_NCOLS);
	if (e->cells) {
		/* Fields may point into the block it has: these go one by one. */
		for (k = 0; k < n; k++)
			entry_set(e, cols ? cols[k] : (enum entry_col)k, vals[k]);
		return;
	}
	for (k = 0; k < n; k++)
		total += (lens[k] = strlen(vals[k])) + 1;
	block = xmalloc(total ? total : 1);
	for (k = 0; k < n; k++) {
		size_t c = cols ? (size_t)cols[k] : k, len = lens[k];
		field_drop(e, c);
		memcpy(block + off, vals[k], len + 1);
		if (len)
			e->f[c] = block + off;
		off += len + 1;
	}
	e->cells = block;
}

const char *entry_get(const struct entry *e, enum entry_col c)
{
	return e->f[c];
}

static void entry_touch(struct entry *e)
{
	e->canon = 0;
	free(e->raw);
	e->raw = NULL;
	e->rawlen = 0;
}

void entry_set(struct entry *e, enum entry_col c, const char *value)
{
	if (str_eq(e->f[c], value))
		return;
	field_drop(e, c);
	if (*value) {
		e->f[c] = xstrdup(value);
		e->own |= 1u << c;
	}
	entry_touch(e);
}

int entry_set_num(struct entry *e, enum entry_col c, double v)
{
	char buf[NUM_BUFSZ];
	if (!num_in_range(v))
		return -1;
	entry_set(e, c, num_format(v, buf));
	return 0;
}

int entry_get_num(const struct entry *e, enum entry_col c, double *out)
{
	const char *s = e->f[c];
	if (!*s)
		return 0;
	return num_parse(s, out) == 0 ? 1 : -1;
}

void entry_add_derived(struct entry *e, const char *colname)
{
	const char *cur = e->f[COL_DERIVED];
	size_t n = strlen(colname);
	const char *p = cur;
	struct buf b = BUF_INIT;

	while (*p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && memcmp(p, colname, n) == 0)
			return;
		if (!end)
			break;
		p = end + 1;
	}
	buf_addstr(&b, cur);
	if (*cur)
		buf_addch(&b, ';');
	buf_addstr(&b, colname);
	entry_set(e, COL_DERIVED, buf_str(&b));
	buf_release(&b);
}

void entry_set_init(struct entry_set *s)
{
	memset(s, 0, sizeof(*s));
}

void entry_set_release(struct entry_set *s)
{
	size_t i;
	for (i = 0; i < s->n; i++)
		entry_release(&s->v[i]);
	free(s->v);
	for (i = 0; i < s->nextra; i++)
		free(s->extra_names[i]);
	free(s->extra_names);
	free(s->raw_header);
	memset(s, 0, sizeof(*s));
}

struct entry *entry_set_append(struct entry_set *s)
{
	struct entry *e;
	s->v = xgrow(s->v, &s->alloc, s->n + 1, sizeof(*s->v));
	e = &s->v[s->n++];
	entry_init(e, s->nextra);
	return e;
}

/* The length of a record as read without its line end. */
static size_t raw_body(const char *raw, size_t len)
{
	while (len > 0 && (raw[len - 1] == '\n' || raw[len - 1] == '\r'))
		len--;
	return len;
}

/*
 * Append the field value (CSV-quoted as needed) to a record as read,
 * before its line end: the fields before it keep their bytes.
 */
static void raw_add_field(char **raw, size_t *rawlen, const char *value)
{
	struct buf b = BUF_INIT;
	size_t body = raw_body(*raw, *rawlen);
	buf_add(&b, *raw, body);
	buf_addch(&b, ',');
	csv_add_field(&b, value);
	buf_add(&b, *raw + body, *rawlen - body);
	free(*raw);
	*raw = buf_detach(&b, rawlen);
}

size_t entry_set_add_column(struct entry_set *s, const char *name)
{
	size_t i;
	for (i = 0; i < s->nextra; i++)
		if (str_eq(s->extra_names[i], name))
			return i;
	s->extra_names = xrealloc(s->extra_names, (s->nextra + 1) * sizeof(char *));
	s->extra_names[s->nextra] = xstrdup(name);
	for (i = 0; i < s->n; i++) {
		struct entry *e = &s->v[i];
		e->extra = xrealloc(e->extra, (s->nextra + 1) * sizeof(char *));
		e->extra[s->nextra] = xstrdup("");
		e->nextra = s->nextra + 1;
		/* The row gains an empty field at its end; the others keep their bytes. */
		if (e->raw)
			raw_add_field(&e->raw, &e->rawlen, "");
	}
	if (s->raw_header)
		raw_add_field(&s->raw_header, &s->raw_header_len, name);
	return s->nextra++;
}

void entry_set_extra(struct entry *e, size_t k, const char *value)
{
	size_t body;
	if (k >= e->nextra || str_eq(e->extra[k], value))
		return;
	free(e->extra[k]);
	e->extra[k] = xstrdup(value);
	body = e->raw ? raw_body(e->raw, e->rawlen) : 0;
	if (e->raw && k + 1 == e->nextra && body > 0 && e->raw[body - 1] == ',') {
		/* The last field was empty: it is replaced, the others keep their bytes. */
		memmove(e->raw + body - 1, e->raw + body, e->rawlen - body);
		e->raw[--e->rawlen] = '\0';
		raw_add_field(&e->raw, &e->rawlen, value);
		return;
	}
	free(e->raw);
	e->raw = NULL;
	e->rawlen = 0;
}
