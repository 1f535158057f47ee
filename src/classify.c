/*
 * classify.c: site-type classification from what names say (chem.c),
 * sizes and active metals (see classify.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "classify.h"

enum site_type classify_infer(const struct chem_name *nf, double size_nm, size_t nmetals,
			      const struct classify_limits *lim)
{
	if (nf->marker == SITE_BULK)
		return SITE_BULK;
	if (nmetals >= 2)
		return SITE_BCC;
	if (nf->marker != SITE_NONE && nf->marker != SITE_BCC)
		return nf->marker;
	if (size_nm >= 0) {
		if (size_nm <= lim->sac_max_nm)
			return SITE_SAC;
		return size_nm < lim->np_min_nm ? SITE_SCC : SITE_NP;
	}
	return SITE_NONE;
}

/* Count the distinct items of a ';'-separated list. */
static size_t count_list(const char *s)
{
	char seen[CHEM_MAX_METALS * 2][8];
	size_t n = 0, k;
	const char *p = s;
	while (*p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len && len < 8) {
			for (k = 0; k < n && k < ARRAY_SIZE(seen); k++)
				if (strlen(seen[k]) == len && memcmp(seen[k], p, len) == 0)
					break;
			if (k == n && n < ARRAY_SIZE(seen)) {
				memcpy(seen[n], p, len);
				seen[n][len] = '\0';
				n++;
			}
		}
		if (!end)
			break;
		p = end + 1;
	}
	return n;
}

void classify_entry_facts(const struct entry *e, struct chem_name *nf, double *size_nm,
			  size_t *nmetals)
{
	double v;
	chem_name_analyze(entry_get(e, COL_CATALYST), nf);
	*size_nm = entry_get_num(e, COL_SIZE_NM, &v) == 1 ? v : nf->size_nm;
	if (*entry_get(e, COL_METALS)) {
		*nmetals = count_list(entry_get(e, COL_METALS));
		return;
	}
	{
		/* per-metal loadings name metals too: Ru:1.17;Co:0.41 */
		const char *p = entry_get(e, COL_LOADING_WT);
		struct chem_name all = *nf;
		while (strchr(p, ':')) {
			const char *colon = strchr(p, ':');
			size_t len = (size_t)(colon - p);
			size_t k;
			if (chem_is_active(p, len)) {
				for (k = 0; k < all.nmetals; k++)
					if (strlen(all.metals[k]) == len && !memcmp(all.metals[k], p, len))
						break;
				if (k == all.nmetals && k < CHEM_MAX_METALS) {
					memcpy(all.metals[k], p, len);
					all.metals[k][len] = '\0';
					all.nmetals++;
				}
			}
			p = strchr(colon, ';');
			if (!p)
				break;
			p++;
		}
		*nmetals = all.nmetals;
	}
}

size_t classify_fill(struct entry_set *s, const struct classify_limits *lim)
{
	size_t i, changed = 0;
	for (i = 0; i < s->n; i++) {
		struct entry *e = &s->v[i];
		struct chem_name nf;
		double size;
		size_t nmetals;
		int did = 0;

		if (!*entry_get(e, COL_CATALYST))
			continue;
		/* Nothing to fill: skip the name analysis. */
		if (*entry_get(e, COL_SITE_TYPE) && *entry_get(e, COL_METALS))
			continue;
		classify_entry_facts(e, &nf, &size, &nmetals);
		if (!*entry_get(e, COL_SITE_TYPE)) {
			enum site_type t = classify_infer(&nf, size, nmetals, lim);
			if (t != SITE_NONE) {
				entry_set(e, COL_SITE_TYPE, site_type_name(t));
				entry_add_derived(e, "site_type");
				did = 1;
			}
		}
		if (!*entry_get(e, COL_METALS) && nf.nmetals) {
			char metals[CHEM_MAX_METALS * 3 + 1];
			chem_name_metals(&nf, metals, sizeof(metals));
			entry_set(e, COL_METALS, metals);
			entry_add_derived(e, "metals");
			did = 1;
		}
		changed += (size_t)did;
	}
	return changed;
}
