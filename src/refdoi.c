/*
 * refdoi.c: the ref_doi extension column, from a document's reference
 * list (see refdoi.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "refdoi.h"

#include "cite.h"

#define REF_DOI_COL "ref_doi"

/* The DOI of reference number num in doc, appended to out; 1 when found. */
static int doi_of(const struct document *doc, long num, struct buf *out)
{
	size_t i;
	for (i = 0; i < doc->nblocks; i++) {
		const struct block *b = &doc->blocks[i];
		struct ref_entry r;
		int found = 0;
		if (b->kind != BLOCK_REFERENCE || !b->label || strtol(b->label, NULL, 10) != num)
			continue;
		ref_parse(b->text, num, &r);
		if (r.doi && *r.doi) {
			buf_addstr(out, r.doi);
			found = 1;
		}
		ref_release(&r);
		return found;
	}
	return 0;
}

/* The index of ref_doi among the set's extra columns, adding it if asked. */
static long doi_column(struct entry_set *set, int add)
{
	size_t i;
	for (i = 0; i < set->nextra; i++)
		if (str_eq(set->extra_names[i], REF_DOI_COL))
			return (long)i;
	if (!add)
		return -1;
	set->extra_names = xrealloc(set->extra_names, (set->nextra + 1) * sizeof(char *));
	set->extra_names[set->nextra] = xstrdup(REF_DOI_COL);
	for (i = 0; i < set->n; i++) {
		struct entry *e = &set->v[i];
		e->extra = xrealloc(e->extra, (set->nextra + 1) * sizeof(char *));
		e->extra[set->nextra] = xstrdup("");
		e->nextra = set->nextra + 1;
		/* The row changed shape: write it canonically. */
		free(e->raw);
		e->raw = NULL;
		e->rawlen = 0;
	}
	free(set->raw_header);
	set->raw_header = NULL;
	set->raw_header_len = 0;
	return (long)set->nextra++;
}

void refdoi_add_column(struct entry_set *set)
{
	doi_column(set, 1);
}

size_t refdoi_fill(const struct document *doc, struct entry_set *set, size_t first)
{
	size_t i, filled = 0;
	long col = -1;
	for (i = first; i < set->n; i++) {
		const char *p = entry_get(&set->v[i], COL_REF);
		struct buf dois = BUF_INIT;
		int any = 0, count = 0;
		while (*p) {
			char *end;
			long num = strtol(p, &end, 10);
			if (end == p) {
				p++;
				continue;
			}
			if (count++)
				buf_addch(&dois, ';');
			any |= doi_of(doc, num, &dois);
			p = end;
		}
		if (any) {
			struct entry *e;
			if (col < 0)
				col = doi_column(set, 1);
			e = &set->v[i];
			free(e->extra[col]);
			e->extra[col] = buf_detach(&dois, NULL);
			free(e->raw);
			e->raw = NULL;
			filled++;
		}
		buf_release(&dois);
	}
	return filled;
}
