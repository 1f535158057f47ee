/*
 * extract_int.h: private interface of the extractor (extract*.c and its
 * unit test): sentences, quantities, catalyst mentions, and the
 * extractor object with its compiled patterns.
 */
#ifndef NH3CAT_EXTRACT_INT_H
#define NH3CAT_EXTRACT_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "chem.h"
#include "document.h"
#include "entry.h"
#include "extract.h"
#include "normalize.h"
#include "units.h"

/* The patterns an extractor compiles once; see extract.c. */
enum xpat {
	XP_MENTION,      /* catalyst names */
	XP_TOF_CTX,      /* "TOF" before a value in s^-1 */
	XP_EA_CTX,       /* "activation energy", "Ea" */
	XP_COMPUTED,     /* DFT, microkinetic, calculated ... */
	XP_ATM,          /* "atmospheric pressure" */
	XP_FOR_AFTER,    /* "was found for (the) " between a value and its catalyst */
	XP_OTHER_CAT,    /* "commercial Fe catalyst": a catalyst named in words */
	XP_NOT_SYNTH,    /* NH3 decomposition, electro-/photocatalysis: other reactions */
	XP_FOR_OTHER,    /* "... for the nanoparticles": a value of an unnamed catalyst */
	XP_METHODS,      /* "was carried out at": the standard conditions of the tests */
	XP_METHODS_HEAD, /* "Reaction conditions:" opening the text searched */
	XP_PLURAL,       /* "their", "these", "both": catalysts named before */
	XP_SYNTH,        /* "ammonia synthesis", "NH3 formation", "Haber-Bosch": our reaction */
	XP_THE_CAT,      /* "the catalyst", "this catalyst": one named before */
	XP_PRETREAT,     /* "reduced at", "calcined in air at": a temperature that is no condition */
	XP_ALIAS,        /* "denoted RC-700", "hereafter Ru-AC": a name the paper defines */
	XP_BOUND,        /* "below", "less than", "<" just before a value: a bound, not a value */
	XP_NH3_WORD,     /* NH3 or ammonia named (canonical text) */
	XP_NPATTERNS
};

struct extractor {
	pcre2_code *re[XP_NPATTERNS];
	pcre2_match_data *md;
	struct normtext nt;     /* reused for every block */
	int utf_checked;        /* nt.text is valid UTF-8: matching may skip the check */
	double method_cond[3];  /* the document's standard T, P, WHSV (NAN: none) */
	int doc_synth;          /* the document names NH3 synthesis (a table needs no NH3 caption) */
	struct catinfo *alias;  /* names the document defines ("denoted RC-700"), nalias of them */
	size_t nalias, aalias;
	struct buf scratch;
	struct diag *d;                   /* extractor_set_diag, or NULL */
	const struct document *doc;       /* being read, for extract_skipped */
	const struct block *block;
};

/*
 * Report (extractor_set_diag) a quantity of the block being read that
 * units_scan refused (q->impossible), at offset q->start of ex->nt.
 */
void extract_skipped(struct extractor *ex, const struct quantity *q);

/* Run pattern p on text[0..len) from start; 1 and ovector on a match. */
int xpat_match(struct extractor *ex, enum xpat p, const char *text, size_t len,
	       size_t start, size_t **ov /* OUT */);

/*
 * Normalize text into ex->nt.  The bytes after the text are zeroed for a
 * few words: the JIT matcher may read (and ignore) bytes past the end of
 * its subject, and they must not be uninitialised memory.
 */
void extract_normalize(struct extractor *ex, const char *text, size_t len);

/* --- sentences ---------------------------------------------------------------- */

struct span {
	size_t start, end;
};

/*
 * Split canonical text into sentences; returns how many (spans written up
 * to max).  Abbreviations ("et al.", "Fig. 3", "ca.", "vs.", "e.g."),
 * decimals and citation digits glued to a full stop ("method.65 Next":
 * the digits stay with the sentence they close) never end a sentence.
 */
size_t sentence_split(const char *text, size_t len, struct span *out, size_t max);

/* --- quantities --------------------------------------------------------------- */

/*
 * A plain number in a cell: "60 000", "10.3 x 10^-3", "1.0", "$24\ 000$"
 * (canonical text).  Returns 0 and *v, -1 when the cell is not one number.
 */
int qty_cell_number(const char *text, double *v /* OUT */);

/* --- catalyst names -------------------------------------------------------------- */

struct catinfo {
	char name[128];       /* cleaned name */
	char metals[64];      /* "Ru;Co" */
	char support[64];
	char promoter[32];
	char site[4];         /* stated site type, or "" */
	double size_nm;       /* 0: unknown */
	int bulk;             /* a compound of a metal with a non-metal (CaFH, Co3Mo3N) */
	char loading[16];     /* a loading written before the name ("2.5 wt% Ru/MgO"), or "" */
};

/*
 * Clean a catalyst name from canonical text (spaces and "_" of lost
 * subscripts, "Ru1 1/" lost decimal point) and read what its form says
 * (chem_name_analyze): active metals, support, promoter, size, the site
 * type its words state.  0, or -1 when the
 * string names no active metal.
 */
int catalyst_analyze(const char *text, size_t len, struct catinfo *ci /* OUT */);

/*
 * Length of s[0..n) without trailing footnote marks ("ᵃ", "^a", "*", "†"),
 * for cells and names.
 */
size_t extract_strip_marks(const char *s, size_t n);

/*
 * Catalyst mentions in canonical text: their spans and what their names
 * say; returns how many (written up to max).
 */
size_t extract_mentions(struct extractor *ex, const char *text, size_t len,
			struct span *spans /* OUT */, struct catinfo *infos /* OUT */, size_t max);

/* --- the two extractors ----------------------------------------------------------- */

/* Shared by both: a new entry with its document-level columns (ids come last). */
struct entry *extract_new_entry(struct entry_set *set, const struct document *doc,
				const char *source, const char *locator);

void extract_prose(struct extractor *ex, const struct document *doc, const struct block *b,
		   struct entry_set *set);
void extract_table(struct extractor *ex, const struct document *doc, const struct block *b,
		   struct entry_set *set);

/*
 * The standard test conditions the document states once ("NH3 synthesis
 * was carried out at 400 °C and 1 MPa, WHSV = 72 000 mL g^-1 h^-1"), in a
 * sentence that reports no result: cond[0..2] get T, P, WHSV, or NAN when
 * not stated or stated with different values.
 */
void extract_method_conditions(struct extractor *ex, const struct document *doc, double cond[3]);

/*
 * What a document is about, from its words: 0 when it names another
 * reaction or process (NH3 decomposition, electrocatalysis, corrosion ...)
 * again and again and never the synthesis of NH3, else 1; doc_synth says
 * whether it names the synthesis.
 */
int extract_document_topic(struct extractor *ex, const struct document *doc, int *doc_synth /* OUT */);

/*
 * The names a document defines for its catalysts ("Ru on carbon reduced
 * at 700 °C, denoted RC-700"), into ex->alias: each takes what the
 * catalyst named just before it says (or the metal named there), so that
 * later sentences that use the name alone are read as that catalyst.
 */
void extract_find_aliases(struct extractor *ex, const struct document *doc);

/* Fill site types of prose rows from table rows naming the same catalyst. */
void extract_share_site_types(struct entry_set *set, size_t first);

#endif
