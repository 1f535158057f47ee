/*
 * validate_ctx.h: the context of one run of the rules over one file and
 * the helpers the validator's parts share (validate_ctx.c): validate.c
 * (schema and per-entry rules, the driver) and validate_cross.c (rules
 * that compare entries with each other or with the reference list) call
 * down into it; it calls neither.
 */
#ifndef NH3CAT_VALIDATE_CTX_H
#define NH3CAT_VALIDATE_CTX_H

#include "entry.h"
#include "rules.h"

struct text_cite;

/* A finding held back, to be reported in the order of lines. */
struct pending {
	long line;
	size_t seq;
	int sev;
	enum rule rule;
	char *message;
};

#define NUM_SLOTS 10

/* One run of the rules over one file. */
struct vctx {
	const char *file;
	const struct entry_set *s;
	const struct rules *rules;
	struct waivers *file_waivers;  /* from a waiver file, or NULL */
	struct waivers *cell_waivers;  /* from this file's waive column */
	struct diag *d;
	unsigned long waived;
	/* told of each waived finding (struct validate_opts), or NULL */
	void (*on_waived)(void *ctx, const char *file, const struct entry *e, const char *rule,
			  const char *reason);
	void *waived_ctx;
	char **keys;                   /* per entry: catalyst name key */
	const struct text_cite *cites; /* citing sentences of the document */
	size_t ncites;
	const char *cites_name;
	struct pending *pending;       /* findings, emitted at the end */
	size_t npending, pending_alloc;
	/* validate_cross's indexes, per entry (n of each) */
	/*
	 * n x NUM_SLOTS numbers, NAN when none: the columns of numbers and
	 * loadings (entry_cols), column c in slot num_slot[c] (-1: none, a
	 * column parsed when asked; it holds the schema's 10)
	 */
	double *num;
	signed char num_slot[ENTRY_NCOLS];
	size_t *dup;                   /* union-find of duplicates */
	long *vc_first, *lr_first;     /* value-conflict (n x 4) and loading-rate */
	size_t *vc_more, *lr_more;     /*   findings held: place, and more found */
	size_t *loc_head, *loc_next;   /* entries of one place: same locator, */
	size_t *ev_head, *ev_next;     /*   same evidence (SIZE_MAX ends) */
};

/*
 * Report rule r on entry e (line e->line), unless off or waived.  Findings
 * are held back and emitted by line when the run ends.  Returns the place
 * of the finding among those held (for vfinding_append), or -1 when the
 * rule is off or waived for e.
 */
long vfinding(struct vctx *v, const struct entry *e, enum rule r, const char *fmt, ...)
	ATTR_PRINTF(4, 5);
/* Append text to the message of the finding held at place k. */
void vfinding_append(struct vctx *v, long k, const char *fmt, ...) ATTR_PRINTF(3, 4);
/* Emit the findings held back, in the order of their lines, and free them. */
void vfindings_flush(struct vctx *v);

/* 1 when the entry is rejected (only schema rules apply). */
int entry_is_rejected(const struct entry *e);

/* 1 when s is a loading: "3.8" or "Ru:1.17;Co:0.41" (wt%, each 0..100). */
int loading_is_valid(const char *s);

/* Whether two numbers as written agree: within the rounding of the less
 * precise one, plus rel times the larger. */
int values_agree(const char *a, const char *b, double rel);
/* Half a unit of the last decimal written in s ("2.7" -> 0.05). */
double half_unit(const char *s);

/*
 * The loading (wt%) of metal in e, or -1: a per-metal loading names it; a
 * plain one holds when the entry has that one metal.
 */
double entry_loading_of(const struct entry *e, const char *metal);

#endif
