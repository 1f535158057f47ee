/*
 * extract_core.h: what the parts of the extractor share (extract_core.c),
 * for extract.c (the driver), extract_text.c, extract_table.c,
 * extract_qty.c and the unit test: the extractor object with its compiled
 * patterns, catalyst names, new entries.  It calls none of them.
 */
#ifndef NH3CAT_EXTRACT_CORE_H
#define NH3CAT_EXTRACT_CORE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "chem.h"
#include "document.h"
#include "diag.h"
#include "entry.h"
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
	XP_KIND_CAT,     /* "the single-atom catalyst", "the SAC": the one of that kind named before */
	XP_PRETREAT,     /* "reduced at", "calcined in air at": a temperature that is no condition */
	XP_ALIAS,        /* "denoted RC-700", "hereafter Ru-AC": a name the paper defines */
	XP_BOUND,        /* "below", "less than", "<" just before a value: a bound, not a value */
	XP_COND_BOUND,   /* the same before a condition, but for "under" ("under 1 MPa") */
	XP_NH3_WORD,     /* NH3 or ammonia named (canonical text) */
	XP_MATERIALS,    /* sintering, diffusion, creep: processes of materials with rates and Ea */
	XP_WORD_CAT,     /* "ruthenium single crystal", "cobalt nanoparticles": a catalyst named in words */
	XP_SIZE_CTX,     /* "mean particle size", "clusters of": a size before it is a particle's */
	XP_SIZE_WORD,    /* a word of XP_SIZE_CTX: a paragraph may state a size */
	XP_NPATTERNS
};

/* A loading the document states for a named catalyst (extract_text.c). */
/*
 * What the document states once for a named catalyst, elsewhere than in
 * the sentence of its result: its loading ("Ru/CeO2 (1.0 wt% Ru)"), its
 * particle size ("the Ru particles of Ru/MgO were 2.1 nm across") or its
 * kind ("Ru/CeO2 (SAC)").
 */
struct stated {
	int col;            /* COL_LOADING_WT, COL_SIZE_NM or COL_SITE_TYPE */
	char name[128];
	char value[16];
};

struct extractor {
	pcre2_code *re[XP_NPATTERNS];
	pcre2_match_data *md;
	struct normtext nt;     /* reused for every block */
	int utf_checked;        /* nt.text is valid UTF-8: matching may skip the check */
	int doc_utf8;           /* every block's and cell's text of the document is valid UTF-8 */
	double method_cond[3];  /* the document's standard T, P, WHSV (NAN: none) */
	int doc_synth;          /* the document names NH3 synthesis (a table needs no NH3 caption) */
	struct catinfo *alias;  /* names the document defines ("denoted RC-700"), nalias of them */
	size_t nalias, aalias;
	struct buf scratch;
	struct stated *loads;             /* loadings and sizes stated for one catalyst each, nloads of them */
	size_t nloads, aloads;
	struct diag *d;                   /* extractor_set_diag, or NULL */
	const struct document *doc;       /* being read, for extract_skipped */
	const struct block *block;
	struct cat_memo *cat_memo;        /* catalyst_lookup's cache, or NULL before its first use */
	struct mention *seen;             /* names of the document's earlier paragraphs, nseen of them */
	size_t nseen, aseen;
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
 * xpat_match on the raw text of a block or of a table cell of the document
 * being read (or on ex->nt): extractor_run checks once that the document's
 * text is valid UTF-8 (ex->doc_utf8), and the matcher need not check it at
 * every call.
 */
int xpat_match_doc(struct extractor *ex, enum xpat p, const char *text, size_t len,
		   size_t start, size_t **ov /* OUT */);

/*
 * Normalize text into ex->nt.  The bytes after the text are zeroed for a
 * few words: the JIT matcher may read (and ignore) bytes past the end of
 * its subject, and they must not be uninitialised memory.
 */
void extract_normalize(struct extractor *ex, const char *text, size_t len);

/* --- catalyst names -------------------------------------------------------------- */

struct catinfo {
	char name[128];       /* cleaned name */
	char metals[64];      /* "Ru;Co" */
	char support[64];
	char promoter[32];
	char site[4];         /* stated site type, or "" */
	char marker[4];       /* the site type the name marks, by words or notation (Fe1: SAC), or "" */
	double size_nm;       /* 0: unknown */
	int bulk;             /* a compound of a metal with a non-metal (CaFH, Co3Mo3N) */
	char loading[16];     /* a loading written before the name ("2.5 wt% Ru/MgO"), or "" */
};

/*
 * A catalyst named in a paragraph: its bytes in the paragraph's canonical
 * text and what its name says.  A name remembered from an earlier
 * paragraph (struct extractor's seen) has start and end SIZE_MAX.
 */
struct mention {
	size_t start, end;
	struct catinfo ci;
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
 * catalyst_analyze through ex's cache of names already analyzed (the
 * result is the same; a paper names its catalysts many times).
 */
int catalyst_lookup(struct extractor *ex, const char *text, size_t len, struct catinfo *ci /* OUT */);

/*
 * Length of s[0..n) without trailing footnote marks ("ᵃ", "^a", "*", "†"),
 * for cells and names.
 */
size_t extract_strip_marks(const char *s, size_t n);

/* A new entry with its document-level columns (ids come last). */
struct entry *extract_new_entry(struct entry_set *set, const struct document *doc,
				const char *source, const char *locator);

#endif
