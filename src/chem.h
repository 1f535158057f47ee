/*
 * chem.h: the chemistry nh3cat knows, in one place.  A leaf module: it
 * uses util and buf, nothing else of nh3cat, so every stage may call it.
 *
 *   elements     the periodic table (symbol, group, name) and the role an
 *                element plays in an ammonia-synthesis catalyst;
 *   site types   SAC, SCC, BCC, NP and bulk, their names in the schema;
 *   names        what a catalyst name says by its form: active metals,
 *                support, promoter, size, the site type its words state,
 *                whether it is a bulk compound; and the one fold by which
 *                two names are compared.
 *
 * Roles (DOMAIN.md): the active metals are the d-block metals of groups 5
 * to 11 (V to Cu, Nb to Ag, Ta to Au); promoters are the alkali and
 * alkaline-earth metals (K, Cs, Ba; Mg counts here, though MgO is a
 * support); every other metal (groups 3, 4 and 12, the p-block metals,
 * lanthanides, actinides) is found in supports (CeO2, TiO2, ZnO, Al2O3);
 * non-metals and metalloids (H, C, N, O, B, Si, S ...) are non-metals.
 * Nothing here knows particular catalysts: only element roles, marker
 * words and the syntax of formulas.
 *
 * Checklist, a new marker word (a site type papers name in a new way):
 *   1. add it to the word list of its site type in chem.c;
 *   2. add a name that uses it to tests/unit/check_chem.c.
 */
#ifndef NH3CAT_CHEM_H
#define NH3CAT_CHEM_H

#include <stddef.h>

/* --- elements ---------------------------------------------------------- */

enum element_role {
	ELEM_UNKNOWN,    /* not an element symbol */
	ELEM_ACTIVE,     /* d-block metals of groups 5-11: Fe, Co, Ru, Mo, Au, Ta ... */
	ELEM_PROMOTER,   /* alkali and alkaline-earth metals: K, Cs, Ba, Mg ... */
	ELEM_SUPPORT,    /* other metals found in supports: Ce, Ti, Zr, La, Al, Zn ... */
	ELEM_NONMETAL    /* non-metals and metalloids: H, C, N, O, Si, S ... */
};

/* 1 when sym[0..len) is a chemical element symbol (H to Og), case exact. */
int chem_is_element(const char *sym, size_t len);
/* The role of the element sym[0..len), ELEM_UNKNOWN when none. */
enum element_role chem_element_role(const char *sym, size_t len);
/* 1 when sym[0..len) is an active metal (ELEM_ACTIVE). */
int chem_is_active(const char *sym, size_t len);
/* 1 when sym[0..len) is a metal of any role (not a non-metal or metalloid). */
int chem_is_metal(const char *sym, size_t len);
/* The group (1-18) of sym[0..len), 0 for lanthanides, actinides and unknowns. */
int chem_group(const char *sym, size_t len);
/* The English name of an element ("ruthenium"), or NULL. */
const char *chem_element_name(const char *sym, size_t len);
/* The element of atomic number z (1-118): its symbol, or NULL. */
const char *chem_element_symbol(int z);

/* --- site types --------------------------------------------------------- */

enum site_type { SITE_NONE, SITE_SAC, SITE_SCC, SITE_BCC, SITE_NP, SITE_BULK };

/* "SAC", "SCC", "BCC", "NP", "bulk", or "" for SITE_NONE. */
const char *site_type_name(enum site_type t);
/* The site type of a site_type cell; "" and anything unknown give SITE_NONE. */
enum site_type site_type_parse(const char *s);
/*
 * The site type a table group label or descriptor states ("SACs",
 * "Single-atom catalysts", "Bimetallic clusters", "NPA"), or SITE_NONE.
 * When a label names several, single atoms come first, then bimetallics,
 * clusters and nanoparticles.
 */
enum site_type chem_site_of_label(const char *label);

/* --- catalyst names ------------------------------------------------------ */

#define CHEM_MAX_METALS 8

/* What a catalyst name says by its form. */
struct chem_name {
	enum site_type marker;  /* site type of the first marker (a word, an M-Nx site, a
				   lone metal with its atom count, a bulk compound), or SITE_NONE */
	char marker_word[24];   /* that marker as written ("ACCs", "Co-N2", "Co3Mo3N"), or "" */
	enum site_type stated;  /* site type named by words alone ("SAs", "NPA": BCC), or SITE_NONE */
	int np_alloy;           /* named a bimetallic nanoparticle (NPA, NPAs) */
	double size_nm;         /* size written in the name ("2.8 nm"), or -1 */
	char metals[CHEM_MAX_METALS][3];  /* active metals of the site, first appearance first */
	size_t nmetals;
	char support[64];       /* the support part ("CeO2", "N-C", "Ba-Ca(NH2)2"), or "" */
	char promoter[32];      /* promoters, ';'-separated ("K", "Ba;Cs"), or "" */
};

/*
 * Analyse the catalyst name (UTF-8; Unicode subscripts,
 * dashes and a "(c)" misread for '@' are read as their ASCII forms).
 *
 * The name is cut into parts at '/', '@' and blanks.  Marker words
 * (SAC, SAs, ACCs, NCs, clusters, NPs, SAA, alloy, "single atom") state a
 * site type; M-Nx sites (Co-N-C, Co-N2, FeN4) single atoms; a lone active
 * metal with the count 1 (Pt1/FeOx) a single atom, with 2 to 9 (Co2, Ru3)
 * a cluster.  Formulas are read into element symbols: the active metals
 * of the site are those outside the support, where the support is the
 * last part after a '/' or '@' that gives no active metal, and a compound
 * of a metal with a non-metal after the '/' (Co3Mo3N, MoS2, FeOx) or an
 * oxide after the first word gives none.  A formula's digits are
 * stoichiometry: "Fe1-xO" and "LaCo0.98Ru0.02O3" are compounds, never
 * single atoms.  A name that is an unsupported compound of a metal with a
 * non-metal (nitride, carbide, hydride, oxide, silicide: Co3Mo3N, WC,
 * MoHx, LaCoSi, Fe1-xO) states SITE_BULK.
 */
void chem_name_analyze(const char *name, struct chem_name *out /* OUT */);

/* The active metals of cn as "Ru;Co" into out (size bytes). */
void chem_name_metals(const struct chem_name *cn, char *out, size_t size);

/*
 * The one fold by which catalyst names are compared (corpus merging,
 * duplicates, reports, the extractor's table and prose rows): Unicode
 * subscripts and dashes as ASCII, the word "catalyst(s)" left out,
 * letters and digits only, lower case,
 * a final plural "s" dropped from names longer than three characters
 * ("Ru NCs" and "ru-nc" fold alike).  Returns a new string.
 */
char *chem_fold_name(const char *name);
/* 1 when a and b fold to the same name. */
int chem_same_name(const char *a, const char *b);

#endif
