/*
 * extract_text.h: entries from prose, paragraphs and captions
 * (extract_text.c), and what the driver in extract.c and the table reader
 * ask of the text: catalyst mentions, a document's standard conditions and
 * the names it defines.
 */
#ifndef NH3CAT_EXTRACT_TEXT_H
#define NH3CAT_EXTRACT_TEXT_H

#include "document.h"
#include "entry.h"
#include "sentence.h"

struct extractor;
struct catinfo;

/*
 * Catalyst mentions in canonical text: their spans and what their names
 * say; returns how many (written up to max).
 */
size_t extract_mentions(struct extractor *ex, const char *text, size_t len,
			struct span *spans /* OUT */, struct catinfo *infos /* OUT */, size_t max);

void extract_prose(struct extractor *ex, const struct document *doc, const struct block *b,
		   struct entry_set *set);

/*
 * The standard test conditions the document states once ("NH3 synthesis
 * was carried out at 400 °C and 1 MPa, WHSV = 72 000 mL g^-1 h^-1"), in a
 * sentence that reports no result: cond[0..2] get T, P, WHSV, or NAN when
 * not stated or stated with different values.
 */
void extract_method_conditions(struct extractor *ex, const struct document *doc, double cond[3]);

/*
 * The names a document defines for its catalysts ("Ru on carbon reduced
 * at 700 °C, denoted RC-700"), into ex->alias: each takes what the
 * catalyst named just before it says (or the metal named there), so that
 * later sentences that use the name alone are read as that catalyst.
 */
void extract_find_aliases(struct extractor *ex, const struct document *doc);

/*
 * Entries [first, set->n) without a loading, a particle size or a site
 * type take the one the document states for their catalyst elsewhere
 * ("Ru/CeO2 (1.0 wt% Ru)", "the Ru loading of Ru/CeO2 was 1.0 wt%", "Ru/MgO
 * had a mean particle size of 2.1 nm", "Ru/CeO2 (SAC)"), when it states
 * one value for it (loadings and sizes in sentences that cite no other
 * paper); entries cited from another paper (a ref) keep theirs.  The
 * statements were gathered by extract_prose since ex->nloads was reset.
 */
void extract_fill_stated(struct extractor *ex, struct entry_set *set, size_t first);

#endif
