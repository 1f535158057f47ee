/*
 * validate_ctx.h: the context of one run of the rules over one file and
 * the helpers the validator's parts share (validate_ctx.c): validate.c
 * (schema and per-entry rules, the driver) and validate_cross.c (rules
 * that compare entries with each other or with the reference list) call
 * down into it; it calls neither.
 */
#ifndef NH3CAT_VALIDATE_CTX_H
#define NH3CAT_VALIDATE_CTX_H

#include <stdio.h>

#include "buf.h"
#include "entry.h"
#include "rules.h"

struct text_cite;

/*
 * A finding held back, to be reported in the order of lines, or text
 * appended to one (sub > 0): ordered by line, then seq (the finding's
 * number in the run), then sub.  Its message is held in vctx.held_text.
 */
struct held {
	long line;
	size_t seq, sub;
	int sev;
	enum rule rule;
	size_t off, len;   /* the message, in held_text */
};

/* A run of findings sorted by line in the spill file: where, how many bytes. */
struct spill_run {
	long long off, len;
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
	/*
	 * Findings, emitted by line at the end: a batch of them held (bounded),
	 * the batches before sorted into runs of an unlinked temporary file,
	 * merged back at the end (validate_ctx.c), so that memory does not
	 * grow with the number of findings.
	 */
	struct held *held;
	size_t nheld, held_alloc;
	struct buf held_text;
	size_t nseq;                   /* findings and appended texts so far */
	FILE *spill;                   /* NULL until a batch fills */
	int spill_failed;              /* no temporary file: everything held */
	struct spill_run *runs;        /* the sorted batches written to spill */
	size_t nruns, runs_alloc;
	/* validate_cross's indexes, per entry (n of each) */
	/*
	 * n x NUM_SLOTS numbers, NAN when none: the columns of numbers and
	 * loadings (entry_cols), column c in slot num_slot[c] (-1: none, a
	 * column parsed when asked; it holds the schema's 10)
	 */
	double *num;
	signed char num_slot[ENTRY_NCOLS];
	enum entry_col result_cols[ENTRY_NRESULTS]; /* ROLE_RESULT's columns */
	size_t *dup;                   /* union-find of duplicates */
	long *vc_first, *lr_first;     /* value-conflict (n x 4) and loading-rate */
	size_t *vc_more, *lr_more;     /*   findings held: place, and more found */
	size_t *loc_head, *loc_next;   /* entries of one place: same locator, */
	size_t *ev_head, *ev_next;     /*   same evidence (SIZE_MAX ends) */
};

/*
 * Report rule r on entry e (line e->line), unless off or waived.  Findings
 * are held back and emitted by line when the run ends.  Returns the number
 * of the finding in this run (for vfinding_append), or -1 when the rule is
 * off or waived for e.
 */
long vfinding(struct vctx *v, const struct entry *e, enum rule r, const char *fmt, ...)
	ATTR_PRINTF(4, 5);
/* Append text to the message of finding k (from vfinding) on entry e; k < 0: nothing. */
void vfinding_append(struct vctx *v, const struct entry *e, long k, const char *fmt, ...)
	ATTR_PRINTF(4, 5);
/* Emit the findings held back, in the order of their lines, and free them. */
void vfindings_flush(struct vctx *v);

/* 1 when the entry is rejected (only schema rules apply). */
int entry_is_rejected(const struct entry *e);

/* 1 when s is a loading: "3.8" or "Ru:1.17;Co:0.41" (wt%, each 0..100). */
int loading_is_valid(const char *s);

/* Whether two numbers as written agree: within the rounding of the less
 * precise one, plus rel times the larger. */
int values_agree(const char *a, const char *b, double rel);
/* The same, given a and b already parsed (NAN when not a number). */
int values_agree_parsed(const char *a, double x, const char *b, double y, double rel);
/* Half a unit of the last decimal written in s ("2.7" -> 0.05). */
double half_unit(const char *s);

/*
 * The loading (wt%) of metal in e, or -1: a per-metal loading names it; a
 * plain one holds when the entry has that one metal.
 */
double entry_loading_of(const struct entry *e, const char *metal);
/* The same, given the loading cell already parsed as one number (NAN when
 * it is not one), as validate_cross holds it. */
double entry_loading_of_parsed(const struct entry *e, const char *metal, double plain);

#endif
