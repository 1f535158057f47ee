/*
 * extract_core.c: what the parts of the extractor share (see
 * extract_core.h): matching a compiled pattern, normalizing a block, what
 * a catalyst name says by its form (element symbols, active metals,
 * support, promoter, size, the site type its descriptor states: "SAC",
 * "NCs", "NPs", "SAA"), a new entry, and the value-skipped warning.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract_core.h"

#include "chem.h"
#include "hashidx.h"
#include "util.h"
#include "utf8.h"

static int match(struct extractor *ex, enum xpat p, const char *text, size_t len, size_t start,
		 int checked, size_t **ov)
{
	/* text checked once (per block by extract_normalize, per document by extractor_run), not at every call */
	uint32_t opts;
	if (text == ex->nt.text)
		checked = ex->utf_checked;
	opts = checked ? PCRE2_NO_UTF_CHECK : 0;
	int rc = pcre2_match(ex->re[p], (PCRE2_SPTR)text, len, start, opts, ex->md, NULL);
	if (rc <= 0)
		return 0;
	*ov = pcre2_get_ovector_pointer(ex->md);
	return 1;
}

int xpat_match(struct extractor *ex, enum xpat p, const char *text, size_t len,
	       size_t start, size_t **ov)
{
	return match(ex, p, text, len, start, 0, ov);
}

int xpat_match_doc(struct extractor *ex, enum xpat p, const char *text, size_t len,
		   size_t start, size_t **ov)
{
	return match(ex, p, text, len, start, ex->doc_utf8, ov);
}

void extract_normalize(struct extractor *ex, const char *text, size_t len)
{
	size_t pad;
	normalize_text(text, len, &ex->nt);
	pad = ex->nt.alloc > ex->nt.len + 1 ? ex->nt.alloc - ex->nt.len - 1 : 0;
	if (pad > 64)
		pad = 64;
	memset(ex->nt.text + ex->nt.len + 1, 0, pad);
	ex->utf_checked = utf8_validate(ex->nt.text, ex->nt.len) == ex->nt.len;
}

/* --- names ------------------------------------------------------------------------ */

/* Copy a name, cleaning conversion noise: "_", spaces before digits, "Ru1 1/". */
static void clean_name(const char *s, size_t n, char *out, size_t size)
{
	size_t i, o = 0;
	for (i = 0; i < n && o + 2 < size; i++) {
		char c = s[i];
		if (c == '_' || c == '$' || c == '{' || c == '}')
			continue;
		if (c == ' ' && o > 0 && i + 1 < n) {
			char prev = out[o - 1], next = s[i + 1];
			/* "Ru1 1/": a decimal point lost in a subscript */
			if (prev >= '0' && prev <= '9' && next >= '0' && next <= '9' && o >= 2 &&
			    ((out[o - 2] >= 'a' && out[o - 2] <= 'z') ||
			     (out[o - 2] >= 'A' && out[o - 2] <= 'Z')) &&
			    i + 2 < n && (s[i + 2] == '/' || s[i + 2] == '@')) {
				out[o++] = '.';
				continue;
			}
			/* "Ru /BaCeO3", "Co (SAC)": spaces that a subscript left */
			if (next == '/' || next == '@' || prev == '/' || prev == '@')
				continue;
			if (prev == ' ')
				continue;
		}
		if (c == '\t' || c == '\n')
			c = ' ';
		/* the minus sign of "Fe1\u2212xO" as the ASCII '-' of a clean name */
		if ((unsigned char)c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x88 &&
		    (unsigned char)s[i + 2] == 0x92) {
			out[o++] = '-';
			i += 2;
			continue;
		}
		out[o++] = c;
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	o = extract_strip_marks(out, o);
	out[o] = '\0';
}

size_t extract_strip_marks(const char *s, size_t n)
{
	for (;;) {
		const unsigned char *u = (const unsigned char *)s;
		size_t m = n;
		if (m && (s[m - 1] == '*' || s[m - 1] == ' '))
			m--;
		else if (m >= 3 && u[m - 3] == 0xE2 && u[m - 2] == 0x80 && (u[m - 1] == 0xA0 || u[m - 1] == 0xA1))
			m -= 3;   /* dagger, double dagger */
		else if (m >= 3 && u[m - 3] == 0xE1 && (u[m - 2] == 0xB4 || u[m - 2] == 0xB5 || u[m - 2] == 0xB6))
			m -= 3;   /* modifier letters: superscript a, b, c ... */
		else if (m >= 2 && s[m - 2] == '^' && s[m - 1] >= 'a' && s[m - 1] <= 'z')
			m -= 2;
		else if (m >= 4 && s[m - 4] == '^' && s[m - 3] == '{' && s[m - 2] >= 'a' && s[m - 2] <= 'z' &&
			 s[m - 1] == '}')
			m -= 4;
		if (m == n)
			return n;
		n = m;
	}
}

/*
 * A name that is one chemical formula of two elements or more, one of
 * them a metal (CaFH, Ca2N, LaN, C12A7 is not: A is no element).
 */
static int formula_compound(const char *s)
{
	int nsym = 0, metal = 0;
	while (*s) {
		size_t l;
		if (!(*s >= 'A' && *s <= 'Z'))
			return 0;
		l = s[1] >= 'a' && s[1] <= 'z' ? 2 : 1;
		if (!chem_is_element(s, l))
			return 0;
		metal = metal || chem_is_metal(s, l);
		nsym++;
		s += l;
		while ((*s >= '0' && *s <= '9') || *s == '.' || *s == 'x' || *s == 'y')
			s++;
	}
	return nsym >= 2 && metal;
}

/* What a cleaned name says (catalyst_analyze after clean_name). */
static int analyze_clean(struct catinfo *ci)
{
	struct chem_name cn;
	chem_name_analyze(ci->name, &cn);
	chem_name_metals(&cn, ci->metals, sizeof(ci->metals));
	memcpy(ci->support, cn.support, sizeof(ci->support));
	memcpy(ci->promoter, cn.promoter, sizeof(ci->promoter));
	memcpy(ci->site, site_type_name(cn.stated), strlen(site_type_name(cn.stated)) + 1);
	memcpy(ci->marker, site_type_name(cn.marker), strlen(site_type_name(cn.marker)) + 1);
	ci->size_nm = cn.size_nm > 0 ? cn.size_nm : 0;
	ci->bulk = cn.marker == SITE_BULK || formula_compound(ci->name);
	return ci->metals[0] ? 0 : -1;
}

int catalyst_analyze(const char *text, size_t len, struct catinfo *ci)
{
	memset(ci, 0, sizeof(*ci));
	clean_name(text, len, ci->name, sizeof(ci->name));
	return analyze_clean(ci);
}

/*
 * The slots of the name cache: a paper names its catalysts again and
 * again, and every mention would analyze the name anew.  Direct-mapped by
 * the hash of the cleaned name; a slot holds the last name that fell in it.
 */
#define CAT_MEMO_SLOTS 1024

struct cat_memo {
	struct catinfo ci;   /* ci.name[0] == '\0': empty */
	int rc;
};

int catalyst_lookup(struct extractor *ex, const char *text, size_t len, struct catinfo *ci)
{
	struct cat_memo *m;
	memset(ci, 0, sizeof(*ci));
	clean_name(text, len, ci->name, sizeof(ci->name));
	if (!ci->name[0])
		return analyze_clean(ci);
	if (!ex->cat_memo)
		ex->cat_memo = xcalloc(CAT_MEMO_SLOTS, sizeof(*ex->cat_memo));
	m = &ex->cat_memo[hash64_str(HASH_INIT, ci->name) % CAT_MEMO_SLOTS];
	if (strcmp(m->ci.name, ci->name) != 0) {
		m->rc = analyze_clean(ci);
		m->ci = *ci;
	}
	*ci = m->ci;
	return m->rc;
}

/* --- entries ----------------------------------------------------------------------- */

struct entry *extract_new_entry(struct entry_set *set, const struct document *doc,
				const char *source, const char *locator)
{
	struct entry *e = entry_set_append(set);
	entry_set(e, COL_DOC, doc->key);
	entry_set(e, COL_SOURCE, source);
	entry_set(e, COL_LOCATOR, locator);
	entry_set(e, COL_STATUS, "extracted");
	return e;
}

void extract_skipped(struct extractor *ex, const struct quantity *q)
{
	const struct document *doc = ex->doc;
	const struct block *b = ex->block;
	struct buf where = BUF_INIT;
	long line = 0, col = 0;
	size_t off;

	if (!ex->d || !doc || !b || !q->impossible)
		return;
	off = ex->nt.map[q->start];
	if (b->path)
		buf_printf(&where, " (at %s)", b->path);
	else if (b->src_off != DOC_NO_OFFSET)
		document_line_col(doc, b->map ? b->map[off] : b->src_off + off, &line, &col);
	diag_emit(ex->d, doc->name, line, col, DIAG_WARNING, "value-skipped",
		  "'%.*s' is a %s %s; not extracted%s", (int)(q->end - q->start),
		  ex->nt.text + q->start, quantity_kind_name(q->kind), q->impossible,
		  buf_str(&where));
	buf_release(&where);
}
