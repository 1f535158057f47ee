/*
 * sentence.h: sentences of canonical text (sentence.c), the one splitter
 * that the extractor's prose and validate's citing sentences use.  A leaf
 * above cite.h.
 */
#ifndef NH3CAT_SENTENCE_H
#define NH3CAT_SENTENCE_H

#include <stddef.h>

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

struct cite_mark;

/*
 * The same, given the citation markers of the text (cite_scan, nm of them
 * in order), for a caller that needs them too.
 */
size_t sentence_split_marked(const char *text, size_t len, const struct cite_mark *marks, size_t nm,
			     struct span *out, size_t max);

/*
 * 1 when the full stop at t[dot] closes an abbreviation ("et al.",
 * "Fig.", "ca.", "e.g.") or an initial ("X. Wang"), not a sentence: the
 * one list of them, for every sentence splitter.
 */
int sentence_abbrev_before(const char *t, size_t dot);

#endif
