/*
 * classify.h: site-type classification of catalysts (SAC, SCC, BCC, NP)
 * from the catalyst name, the particle size and the active metals.
 *
 * A name is read word by word.  Marker words name a site type (SAC, SAs,
 * "single atom", M-Nx sites such as Co-N-C, Co-N2 or FeN4, and M1/support
 * for single atoms; ACCs, NCs, SNCs, clusters and dimers such as Co2 for
 * clusters; NPs and nanoparticles for nanoparticles; SAA, NPA and alloy
 * for bimetallics).  Chemical formulas are parsed into element symbols;
 * an element is an active metal when it is a d-block metal of groups 5 to
 * 11 and is not part of an oxide (CeO2, BaCeO3) or of the support.
 * Promoters (alkali and alkaline-earth metals), support elements
 * (lanthanides, Al, Si, Ti, Zr ...) and non-metals are told apart from
 * active metals and never counted.
 */
#ifndef NH3CAT_CLASSIFY_H
#define NH3CAT_CLASSIFY_H

#include <stddef.h>

#include "entry.h"

enum site_type { SITE_NONE, SITE_SAC, SITE_SCC, SITE_BCC, SITE_NP };

/* "SAC", "SCC", "BCC", "NP", or "" for SITE_NONE. */
const char *site_type_name(enum site_type t);
/* The site type of a site_type cell; "" and anything unknown give SITE_NONE. */
enum site_type site_type_parse(const char *s);

/* What an element is, for deciding whether it is an active metal. */
enum element_role {
	ELEM_UNKNOWN,    /* not an element symbol */
	ELEM_ACTIVE,     /* d-block metals of groups 5-11: Fe, Co, Ru, Mo ... */
	ELEM_PROMOTER,   /* alkali and alkaline-earth metals: K, Cs, Ba, Mg ... */
	ELEM_SUPPORT,    /* other metals found in supports: Ce, Sm, La, Al, Ti ... */
	ELEM_NONMETAL    /* H, C, N, O, Si, S ... */
};
enum element_role element_role(const char *sym, size_t len);

#define CLASSIFY_MAX_METALS 8

/* What a catalyst name says by itself. */
struct name_facts {
	enum site_type marker;  /* site type named by a marker word, or SITE_NONE */
	char marker_word[24];   /* the marker as written ("ACCs", "Co-N2"), "" if none */
	int np_alloy;           /* named a bimetallic nanoparticle (NPA, alloy NPs) */
	double size_nm;         /* size written in the name ("2.8 nm"), or -1 */
	char metals[CLASSIFY_MAX_METALS][3];  /* active metals, first appearance first */
	size_t nmetals;
};

void classify_name(const char *name, struct name_facts *out /* OUT */);

/* The thresholds classification uses (from struct rules). */
struct classify_limits {
	double np_min_nm;   /* nanoparticles from this size up */
	double sac_max_nm;  /* single atoms show no particle above this size */
};

/*
 * The inferred site type: two or more active metals make BCC; else a
 * marker decides; else the size (at most sac_max_nm SAC, below np_min_nm
 * SCC, else NP); else SITE_NONE.  size_nm < 0 means unknown; nmetals is
 * the number of active metals (0 when unknown).
 */
enum site_type classify_infer(const struct name_facts *nf, double size_nm, size_t nmetals,
			      const struct classify_limits *lim);

/*
 * The facts of one entry as the classifier sees them: the name's, with the
 * size from size_nm when set, and the active metals from the metals
 * column when set, else from the name and the per-metal loading.
 * *size_nm and *nmetals as for classify_infer.
 */
void classify_entry_facts(const struct entry *e, struct name_facts *nf /* OUT */,
			  double *size_nm /* OUT */, size_t *nmetals /* OUT */);

/*
 * Fill each entry's empty site_type with the inferred type, and an empty
 * metals column with the active metals of the name; each column filled
 * is listed in derived.  Returns the number of entries changed.
 */
size_t classify_fill(struct entry_set *s, const struct classify_limits *lim);

#endif
