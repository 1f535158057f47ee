/*
 * classify.h: site-type classification of catalysts (SAC, SCC, BCC, NP,
 * bulk) from what the catalyst name says (chem_name_analyze in chem.h:
 * marker words, active metals, bulk compounds), the particle size and
 * the active metals of the entry.
 */
#ifndef NH3CAT_CLASSIFY_H
#define NH3CAT_CLASSIFY_H

#include <stddef.h>

#include "chem.h"
#include "entry.h"

/* The thresholds classification uses (from struct rules). */
struct classify_limits {
	double np_min_nm;   /* nanoparticles from this size up */
	double sac_max_nm;  /* single atoms show no particle above this size */
};

/*
 * The inferred site type: a bulk compound is bulk; two or more active
 * metals make BCC; else a marker decides; else the size (at most sac_max_nm SAC, below np_min_nm
 * SCC, else NP); else SITE_NONE.  size_nm < 0 means unknown; nmetals is
 * the number of active metals (0 when unknown).
 */
enum site_type classify_infer(const struct chem_name *nf, double size_nm, size_t nmetals,
			      const struct classify_limits *lim);

/*
 * The facts of one entry as the classifier sees them: the name's, with the
 * size from size_nm when set, and the active metals from the metals
 * column when set, else from the name and the per-metal loading.
 * *size_nm and *nmetals as for classify_infer.
 */
void classify_entry_facts(const struct entry *e, struct chem_name *nf /* OUT */,
			  double *size_nm /* OUT */, size_t *nmetals /* OUT */);

/*
 * Fill each entry's empty site_type with the inferred type, and an empty
 * metals column with the active metals of the name; each column filled
 * is listed in derived.  Returns the number of entries changed.
 */
size_t classify_fill(struct entry_set *s, const struct classify_limits *lim);

#endif
