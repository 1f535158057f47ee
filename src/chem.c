/*
 * chem.c: elements, site types and catalyst names (see chem.h).  Nothing
 * here knows particular catalysts: only element roles, marker words and
 * the syntax of formulas.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "chem.h"

#include "buf.h"
#include "util.h"

/* --- elements ----------------------------------------------------------- */

/*
 * The periodic table, once: X(first letter, second letter or 0, atomic
 * number, group (0 for the lanthanides Ce-Lu and actinides Th-Lr),
 * non-metal or metalloid, name).  Both tables below are made from it.
 */
#define ELEMENTS(X) \
	X('H', 0, 1, 1, 1, "hydrogen") \
	X('H', 'e', 2, 18, 1, "helium") \
	X('L', 'i', 3, 1, 0, "lithium") \
	X('B', 'e', 4, 2, 0, "beryllium") \
	X('B', 0, 5, 13, 1, "boron") \
	X('C', 0, 6, 14, 1, "carbon") \
	X('N', 0, 7, 15, 1, "nitrogen") \
	X('O', 0, 8, 16, 1, "oxygen") \
	X('F', 0, 9, 17, 1, "fluorine") \
	X('N', 'e', 10, 18, 1, "neon") \
	X('N', 'a', 11, 1, 0, "sodium") \
	X('M', 'g', 12, 2, 0, "magnesium") \
	X('A', 'l', 13, 13, 0, "aluminium") \
	X('S', 'i', 14, 14, 1, "silicon") \
	X('P', 0, 15, 15, 1, "phosphorus") \
	X('S', 0, 16, 16, 1, "sulfur") \
	X('C', 'l', 17, 17, 1, "chlorine") \
	X('A', 'r', 18, 18, 1, "argon") \
	X('K', 0, 19, 1, 0, "potassium") \
	X('C', 'a', 20, 2, 0, "calcium") \
	X('S', 'c', 21, 3, 0, "scandium") \
	X('T', 'i', 22, 4, 0, "titanium") \
	X('V', 0, 23, 5, 0, "vanadium") \
	X('C', 'r', 24, 6, 0, "chromium") \
	X('M', 'n', 25, 7, 0, "manganese") \
	X('F', 'e', 26, 8, 0, "iron") \
	X('C', 'o', 27, 9, 0, "cobalt") \
	X('N', 'i', 28, 10, 0, "nickel") \
	X('C', 'u', 29, 11, 0, "copper") \
	X('Z', 'n', 30, 12, 0, "zinc") \
	X('G', 'a', 31, 13, 0, "gallium") \
	X('G', 'e', 32, 14, 1, "germanium") \
	X('A', 's', 33, 15, 1, "arsenic") \
	X('S', 'e', 34, 16, 1, "selenium") \
	X('B', 'r', 35, 17, 1, "bromine") \
	X('K', 'r', 36, 18, 1, "krypton") \
	X('R', 'b', 37, 1, 0, "rubidium") \
	X('S', 'r', 38, 2, 0, "strontium") \
	X('Y', 0, 39, 3, 0, "yttrium") \
	X('Z', 'r', 40, 4, 0, "zirconium") \
	X('N', 'b', 41, 5, 0, "niobium") \
	X('M', 'o', 42, 6, 0, "molybdenum") \
	X('T', 'c', 43, 7, 0, "technetium") \
	X('R', 'u', 44, 8, 0, "ruthenium") \
	X('R', 'h', 45, 9, 0, "rhodium") \
	X('P', 'd', 46, 10, 0, "palladium") \
	X('A', 'g', 47, 11, 0, "silver") \
	X('C', 'd', 48, 12, 0, "cadmium") \
	X('I', 'n', 49, 13, 0, "indium") \
	X('S', 'n', 50, 14, 0, "tin") \
	X('S', 'b', 51, 15, 1, "antimony") \
	X('T', 'e', 52, 16, 1, "tellurium") \
	X('I', 0, 53, 17, 1, "iodine") \
	X('X', 'e', 54, 18, 1, "xenon") \
	X('C', 's', 55, 1, 0, "caesium") \
	X('B', 'a', 56, 2, 0, "barium") \
	X('L', 'a', 57, 3, 0, "lanthanum") \
	X('C', 'e', 58, 0, 0, "cerium") \
	X('P', 'r', 59, 0, 0, "praseodymium") \
	X('N', 'd', 60, 0, 0, "neodymium") \
	X('P', 'm', 61, 0, 0, "promethium") \
	X('S', 'm', 62, 0, 0, "samarium") \
	X('E', 'u', 63, 0, 0, "europium") \
	X('G', 'd', 64, 0, 0, "gadolinium") \
	X('T', 'b', 65, 0, 0, "terbium") \
	X('D', 'y', 66, 0, 0, "dysprosium") \
	X('H', 'o', 67, 0, 0, "holmium") \
	X('E', 'r', 68, 0, 0, "erbium") \
	X('T', 'm', 69, 0, 0, "thulium") \
	X('Y', 'b', 70, 0, 0, "ytterbium") \
	X('L', 'u', 71, 0, 0, "lutetium") \
	X('H', 'f', 72, 4, 0, "hafnium") \
	X('T', 'a', 73, 5, 0, "tantalum") \
	X('W', 0, 74, 6, 0, "tungsten") \
	X('R', 'e', 75, 7, 0, "rhenium") \
	X('O', 's', 76, 8, 0, "osmium") \
	X('I', 'r', 77, 9, 0, "iridium") \
	X('P', 't', 78, 10, 0, "platinum") \
	X('A', 'u', 79, 11, 0, "gold") \
	X('H', 'g', 80, 12, 0, "mercury") \
	X('T', 'l', 81, 13, 0, "thallium") \
	X('P', 'b', 82, 14, 0, "lead") \
	X('B', 'i', 83, 15, 0, "bismuth") \
	X('P', 'o', 84, 16, 0, "polonium") \
	X('A', 't', 85, 17, 1, "astatine") \
	X('R', 'n', 86, 18, 1, "radon") \
	X('F', 'r', 87, 1, 0, "francium") \
	X('R', 'a', 88, 2, 0, "radium") \
	X('A', 'c', 89, 3, 0, "actinium") \
	X('T', 'h', 90, 0, 0, "thorium") \
	X('P', 'a', 91, 0, 0, "protactinium") \
	X('U', 0, 92, 0, 0, "uranium") \
	X('N', 'p', 93, 0, 0, "neptunium") \
	X('P', 'u', 94, 0, 0, "plutonium") \
	X('A', 'm', 95, 0, 0, "americium") \
	X('C', 'm', 96, 0, 0, "curium") \
	X('B', 'k', 97, 0, 0, "berkelium") \
	X('C', 'f', 98, 0, 0, "californium") \
	X('E', 's', 99, 0, 0, "einsteinium") \
	X('F', 'm', 100, 0, 0, "fermium") \
	X('M', 'd', 101, 0, 0, "mendelevium") \
	X('N', 'o', 102, 0, 0, "nobelium") \
	X('L', 'r', 103, 0, 0, "lawrencium") \
	X('R', 'f', 104, 4, 0, "rutherfordium") \
	X('D', 'b', 105, 5, 0, "dubnium") \
	X('S', 'g', 106, 6, 0, "seaborgium") \
	X('B', 'h', 107, 7, 0, "bohrium") \
	X('H', 's', 108, 8, 0, "hassium") \
	X('M', 't', 109, 9, 0, "meitnerium") \
	X('D', 's', 110, 10, 0, "darmstadtium") \
	X('R', 'g', 111, 11, 0, "roentgenium") \
	X('C', 'n', 112, 12, 0, "copernicium") \
	X('N', 'h', 113, 13, 0, "nihonium") \
	X('F', 'l', 114, 14, 0, "flerovium") \
	X('M', 'c', 115, 15, 0, "moscovium") \
	X('L', 'v', 116, 16, 0, "livermorium") \
	X('T', 's', 117, 17, 0, "tennessine") \
	X('O', 'g', 118, 18, 0, "oganesson")


struct element {
	char sym[3];
	unsigned char group;
	unsigned char nonmetal;
	const char *name;
};

#define ELEMENT_ROW(a, b, z, g, nm, name) [z] = { { a, b, 0 }, g, nm, name },
static const struct element elements[119] = { ELEMENTS(ELEMENT_ROW) };

/* Atomic numbers by symbol: first letter × (no second letter, a to z). */
#define SYM_INDEX(a, b) (((a) - 'A') * 27 + ((b) ? (b) - 'a' + 1 : 0))
#define INDEX_ROW(a, b, z, g, nm, name) [SYM_INDEX(a, b)] = z,
static const unsigned char by_symbol[26 * 27] = { ELEMENTS(INDEX_ROW) };

static const struct element *element_find(const char *sym, size_t len)
{
	int z;
	if (len < 1 || len > 2 || sym[0] < 'A' || sym[0] > 'Z')
		return NULL;
	if (len == 2 && (sym[1] < 'a' || sym[1] > 'z'))
		return NULL;
	z = by_symbol[SYM_INDEX(sym[0], len == 2 ? sym[1] : 0)];
	return z ? &elements[z] : NULL;
}

int chem_is_element(const char *sym, size_t len)
{
	return element_find(sym, len) != NULL;
}

static enum element_role role_of(const struct element *e)
{
	if (!e)
		return ELEM_UNKNOWN;
	if (e->nonmetal)
		return ELEM_NONMETAL;
	/* groups 5 to 11 of periods 4 to 6; the synthetic heavy ones are no catalysts */
	if (e->group >= 5 && e->group <= 11 && e - elements <= 79)
		return ELEM_ACTIVE;
	if (e->group == 1 || e->group == 2)
		return ELEM_PROMOTER;
	return ELEM_SUPPORT;
}

enum element_role chem_element_role(const char *sym, size_t len)
{
	return role_of(element_find(sym, len));
}

int chem_is_active(const char *sym, size_t len)
{
	return chem_element_role(sym, len) == ELEM_ACTIVE;
}

int chem_is_metal(const char *sym, size_t len)
{
	const struct element *e = element_find(sym, len);
	return e && !e->nonmetal;
}

int chem_group(const char *sym, size_t len)
{
	const struct element *e = element_find(sym, len);
	return e ? e->group : 0;
}

const char *chem_element_name(const char *sym, size_t len)
{
	const struct element *e = element_find(sym, len);
	return e ? e->name : NULL;
}

const char *chem_element_symbol(int z)
{
	return z >= 1 && z <= 118 ? elements[z].sym : NULL;
}

/* --- site types ----------------------------------------------------------- */

const char *site_type_name(enum site_type t)
{
	switch (t) {
	case SITE_SAC: return "SAC";
	case SITE_SCC: return "SCC";
	case SITE_BCC: return "BCC";
	case SITE_NP: return "NP";
	case SITE_BULK: return "bulk";
	case SITE_NONE: break;
	}
	return "";
}

enum site_type site_type_parse(const char *s)
{
	enum site_type t;
	for (t = SITE_SAC; t <= SITE_BULK; t++)
		if (str_eq(s, site_type_name(t)))
			return t;
	return SITE_NONE;
}

/* --- names ------------------------------------------------------------------ */


/*
 * The name in plain ASCII: Unicode subscript digits become digits, dashes
 * and the minus sign '-', a "(c)" sign misread for '@' becomes '@', a
 * delta (the variable of Fe1-δO) 'x', any other non-ASCII character a
 * blank; the markup of lost subscripts ("MoH_x", "$_{2}$") goes.
 */
/* Into out (at least len + 1 bytes: the result is never longer); returns its length. */
static size_t ascii_name(const char *name, size_t len, char *out)
{
	const unsigned char *p = (const unsigned char *)name, *end = p + len;
	size_t count = 0;
	while (p < end) {
		size_t left = (size_t)(end - p);
		if (left >= 3 && p[0] == 0xE2 && p[1] == 0x82 && p[2] >= 0x80 && p[2] <= 0x89) {
			out[count++] = (char)('0' + (p[2] - 0x80));
			p += 3;
		} else if (left >= 3 && p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95) ||
							  (p[1] == 0x88 && p[2] == 0x92))) {
			out[count++] = (char)('-');
			p += 3;
		} else if (left >= 2 && p[0] == 0xC2 && p[1] == 0xA9) {
			out[count++] = (char)('@');
			p += 2;
		} else if (left >= 2 && p[0] == 0xCE && p[1] == 0xB4) {
			out[count++] = (char)('x');
			p += 2;
		} else if (*p >= 0x80) {
			out[count++] = (char)(' ');
			p++;
			while (p < end && (*p & 0xC0) == 0x80)
				p++;
		} else {
			if (*p != '_' && *p != '$' && *p != '{' && *p != '}')
				out[count++] = (char)(*p);
			p++;
		}
	}
	out[count] = '\0';
	return count;
}

static int word_is(const char *w, size_t n, const char *const *list, int nocase)
{
	size_t i, k;
	for (i = 0; list[i]; i++) {
		if (list[i][0] != w[0] && !(nocase && is_upper(w[0]) && list[i][0] == w[0] - 'A' + 'a'))
			continue;
		for (k = 0; k < n; k++) {
			char a = w[k], c = list[i][k];
			if (nocase && is_upper(a))
				a = (char)(a - 'A' + 'a');
			if (a != c)
				break;
		}
		if (k == n && list[i][n] == '\0')
			return 1;
	}
	return 0;
}

/* Marker words: abbreviations match exactly, words in any case. */
static const char *const sac_abbr[] = { "SAC", "SACs", "SACS", "SAs", "SA", "SAS", NULL };
static const char *const scc_abbr[] = { "ACC", "ACCs", "NCs", "SNC", "SNCs", "SCC", "SCCs",
					"ACs", "TCs", NULL };
static const char *const scc_words[] = { "cluster", "clusters", "nanocluster", "nanoclusters",
					 "dimer", "dimers", "trimer", "trimers", "subnanometric",
					 "subnanometer", NULL };
static const char *const np_abbr[] = { "NP", "NPs", "NPS", "NPA", "NPAs", NULL };
static const char *const np_words[] = { "nanoparticle", "nanoparticles", "particles", NULL };
static const char *const bcc_abbr[] = { "SAA", "SAAs", "BCC", "BCCs", NULL };
static const char *const bcc_words[] = { "alloy", "alloys", "bimetallic", NULL };
static const char *const single_words[] = { "single", NULL };
static const char *const single_next[] = { "atom", "atoms", "site", "sites", NULL };
/* Words that name a bulk compound; they count only in a name with no support. */
static const char *const bulk_words[] = { "electride", "electrides", "nitride", "nitrides",
					  "carbide", "carbides", "hydride", "hydrides",
					  "intermetallic", "intermetallics", "perovskite",
					  "perovskites", "bulk", "unsupported", NULL };
/* Electrides and other bulk materials written as a name, not a formula. */
static const char *const bulk_materials[] = { "C12A7", NULL };

/*
 * Capitals that look like formulas but are not: supports and materials
 * by acronym (HZ, MOF, CNT), and methods and quantities (WHSV, DFT, CO).
 */
static const char *const not_formulas[] = {
	"SNC", "SNCs", "NPs", "NPS", "NP", "NCs", "NC", "ACCs", "ACC", "SAC", "SACs", "SAs",
	"SA", "SAA", "SAAs", "NPA", "TCs", "MIL", "ZIF", "HZ", "MOF", "CNT", "CNTs", "GO",
	"rGO", "DAC", "DACs", "SCC", "BCC", "NSs", "NTs", "NWs",
	"WHSV", "GHSV", "SV", "TOF", "TOFs", "DFT", "BET", "XRD", "XPS", "TEM", "STEM", "HAADF",
	"EXAFS", "XANES", "XAFS", "TPD", "TPR", "NMR", "IR", "DRIFTS", "SEM", "EDS", "EDX", "ICP",
	"OES", "MS", "GC", "TCD", "FID", "EPR", "UV", "CO", "NO", NULL
};

/* Length of the element symbol at p (2 preferred), or 0. */
static size_t symbol_at(const char *p, size_t avail)
{
	if (avail == 0 || !is_upper(p[0]))
		return 0;
	if (avail >= 2 && is_lower(p[1]) && chem_is_element(p, 2))
		return 2;
	/* Ln: any lanthanide, as formulas write a family (LnRuSi, Ln = La, Ce, Pr) */
	if (avail >= 2 && p[0] == 'L' && p[1] == 'n')
		return 2;
	return chem_is_element(p, 1) ? 1 : 0;
}

#define FORMULA_MAX 16

struct formula {
	size_t nel;
	const char *sym[FORMULA_MAX];
	size_t len[FORMULA_MAX];
	const char *count[FORMULA_MAX];   /* the count as written, may be empty */
	size_t count_len[FORMULA_MAX];
};

/*
 * Parse w[0..n) as a whole formula: Co1Ru2, CeO2, MoHx, FeN4, Fe1-xO,
 * LaCo0.98Ru0.02O3.  A count is digits and '.', a variable (x, y, z, n,
 * m) or a non-stoichiometry "1-x".  0, or -1 when w is no formula.
 */
static int parse_formula(const char *w, size_t n, struct formula *f)
{
	size_t i = 0;
	f->nel = 0;
	while (i < n) {
		size_t s = symbol_at(w + i, n - i), c;
		if (!s || f->nel == FORMULA_MAX)
			return -1;
		f->sym[f->nel] = w + i;
		f->len[f->nel] = s;
		i += s;
		c = i;
		if (i < n && is_digit(w[i])) {
			while (i < n && (is_digit(w[i]) || w[i] == '.'))
				i++;
			if (i + 1 < n && w[i] == '-' && strchr("xyz", w[i + 1]))
				i += 2;
		} else if (i < n && strchr("xyznm", w[i]) && (i + 1 == n || !is_lower(w[i + 1]))) {
			i++;
		}
		f->count[f->nel] = w + c;
		f->count_len[f->nel] = i - c;
		f->nel++;
	}
	return f->nel ? 0 : -1;
}

/* An M-Nx site at i: Co-N-C, Co-N2, FeN4, Fe-Nx.  Returns its length or 0. */
static size_t mnx_at(const char *name, size_t i, size_t n)
{
	const char *p = name + i;
	size_t s = symbol_at(p, n - i), k;
	if (!s || (i > 0 && is_alpha(name[i - 1])) || !chem_is_active(p, s))
		return 0;
	k = s;
	if (p[k] == '-')
		k++;
	if (p[k] != 'N' || (is_lower(p[k + 1]) && !(p[k + 1] == 'x' && !is_alpha(p[k + 2]))))
		return 0;   /* Ni, Nb, Nd are elements; Nx is a count */
	k++;
	if (is_digit(p[k]) || (p[k] == 'x' && !is_alpha(p[k + 1])))
		return k + 1;
	if (p[k] == '-' && p[k + 1] == 'C' && !is_lower(p[k + 2]))
		return k + 2;
	if (p[k] == 'C' && !is_alpha(p[k + 1]))
		return k + 1;
	return 0;
}

/* A size written in the name: "2.8 nm", "1.4nm", "Ru-2.8 nm".  -1 if none. */
static double name_size(const char *s)
{
	const char *p = s;
	while (*p) {
		if (is_digit(*p) && (p == s || !is_alpha(p[-1]))) {
			const char *q = p, *r;
			double v;
			while (is_digit(*q) || *q == '.')
				q++;
			r = q;
			while (*r == ' ' || *r == '-')
				r++;
			if (r[0] == 'n' && r[1] == 'm' && !is_alpha(r[2]) &&
			    num_parse_n(p, (size_t)(q - p), &v) == 0)
				return v;
			p = q;
		} else {
			p++;
		}
	}
	return -1;
}

/* What a word of a name is. */
enum token_kind { TK_MARKER, TK_WORD, TK_NUMBER, TK_ABBR, TK_FORMULA };

/* A part of a name: between '/', '@', ':' and blanks. */
struct part {
	size_t start, end;     /* its text, remarks in parentheses left out */
	int material;          /* holds a formula or an acronym (CeO2, HZ) */
	int word;              /* holds a lower-case word (on, doped) */
	int used;              /* holds any word */
	int gives_metal;       /* a formula in it gives an active metal */
};

struct analysis {
	struct chem_name *out;
	const char *s;
	struct part parts[16];
	size_t nparts;
	int slash_seen;        /* a '/' or '@' came before */
	int formulas_seen;     /* formulas before this one */
	unsigned stated;       /* site types named by words, 1 << type */
	int bulk_word;         /* "nitride", "electride" ... */
	const char *bulk_at;   /* a compound of a metal and a non-metal */
	size_t bulk_len;
	/* formula tokens, for metals and promoters once the support is known */
	struct {
		size_t part;
		const char *w;
		size_t n;
		int gives_metal, promoter, bare;
	} tok[32];
	size_t ntok;
};

static void set_marker(struct chem_name *cn, enum site_type t, const char *w, size_t n)
{
	if (cn->marker != SITE_NONE)
		return;
	cn->marker = t;
	if (n >= sizeof(cn->marker_word))
		n = sizeof(cn->marker_word) - 1;
	memcpy(cn->marker_word, w, n);
	cn->marker_word[n] = '\0';
}

static void state_marker(struct analysis *a, enum site_type t, const char *w, size_t n)
{
	a->stated |= 1u << t;
	set_marker(a->out, t, w, n);
}

static void add_metal(struct chem_name *cn, const char *sym, size_t n)
{
	size_t i;
	for (i = 0; i < cn->nmetals; i++)
		if (strlen(cn->metals[i]) == n && memcmp(cn->metals[i], sym, n) == 0)
			return;
	if (cn->nmetals == CHEM_MAX_METALS || n > 2)
		return;
	memcpy(cn->metals[cn->nmetals], sym, n);
	cn->metals[cn->nmetals][n] = '\0';
	cn->nmetals++;
}

static void list_add(char *list, size_t size, const char *sym, size_t k)
{
	size_t n = strlen(list);
	const char *p = list;
	while ((p = strstr(p, sym)) != NULL) {
		if ((p == list || p[-1] == ';') && (p[k] == '\0' || p[k] == ';') &&
		    strncmp(p, sym, k) == 0)
			return;
		p++;
	}
	if (n + k + 2 > size)
		return;
	if (n)
		list[n++] = ';';
	memcpy(list + n, sym, k);
	list[n + k] = '\0';
}

/* A marker word: its site type, or SITE_NONE. */
static enum site_type marker_of(const char *w, size_t n, int *alloy)
{
	*alloy = 0;
	if (word_is(w, n, sac_abbr, 0))
		return SITE_SAC;
	if (word_is(w, n, scc_abbr, 0) || word_is(w, n, scc_words, 1))
		return SITE_SCC;
	if (word_is(w, n, np_abbr, 0) || word_is(w, n, np_words, 1)) {
		*alloy = n >= 3 && w[2] == 'A';
		return SITE_NP;
	}
	if (word_is(w, n, bcc_abbr, 0) || word_is(w, n, bcc_words, 1))
		return SITE_BCC;
	return SITE_NONE;
}

/* Read one word w[0..n) of part p; pw is the word before it (for "single atom"). */
static enum token_kind read_word(struct analysis *a, const char *w, size_t n, size_t p,
				 const char *pw, size_t pn)
{
	struct chem_name *cn = a->out;
	struct formula f;
	enum site_type t;
	int alloy, loading = 0, has_active = 0, has_nonmetal = 0, has_metal = 0, oxide = 0;
	int has_promoter = 0;
	size_t i;

	if (pw && word_is(pw, pn, single_words, 1) && word_is(w, n, single_next, 1))
		state_marker(a, SITE_SAC, pw, (size_t)(w + n - pw));
	if ((t = marker_of(w, n, &alloy)) != SITE_NONE) {
		state_marker(a, t, w, n);
		if (alloy && cn->marker == SITE_NP)
			cn->np_alloy = 1;
		return TK_MARKER;
	}
	if (word_is(w, n, bulk_words, 1)) {
		a->bulk_word = 1;
		return TK_WORD;
	}
	if (word_is(w, n, bulk_materials, 0)) {
		if (!a->bulk_at) {
			a->bulk_at = w;
			a->bulk_len = n;
		}
		return TK_ABBR;
	}
	if (is_lower(w[0]))
		return TK_WORD;
	/* a leading amount, as in 0.5Ru or 5%Ru, is not part of the formula */
	while (n && (is_digit(*w) || *w == '.')) {
		w++;
		n--;
		loading = 1;
	}
	if (!n)
		return TK_NUMBER;
	if (word_is(w, n, not_formulas, 0) || parse_formula(w, n, &f) < 0)
		return is_upper(w[0]) ? TK_ABBR : TK_WORD;
	/* three or more capitals alone are an abbreviation (WHSV, DFT), no formula */
	if (n >= 3 && f.nel == n)
		return TK_ABBR;
	for (i = 0; i < f.nel; i++) {
		enum element_role r = chem_element_role(f.sym[i], f.len[i]);
		has_active |= r == ELEM_ACTIVE;
		has_nonmetal |= r == ELEM_NONMETAL;
		has_metal |= r == ELEM_ACTIVE || r == ELEM_SUPPORT;
		has_promoter |= r == ELEM_PROMOTER;
		oxide |= f.len[i] == 1 && f.sym[i][0] == 'O';
	}
	if (a->ntok < ARRAY_SIZE(a->tok)) {
		int gives = has_active &&
			/* after the '/' of "M1/support" a compound with a non-metal is the support */
			!(a->slash_seen && f.nel >= 2 && has_nonmetal) &&
			/* an oxide after the first formula is a support or a promoter (Fe-K2O-Al2O3) */
			!(oxide && a->formulas_seen);
		enum element_role r0 = chem_element_role(f.sym[0], f.len[0]);
		a->tok[a->ntok].part = p;
		a->tok[a->ntok].w = w;
		a->tok[a->ntok].n = n;
		a->tok[a->ntok].gives_metal = gives;
		a->tok[a->ntok].promoter = !loading && r0 == ELEM_PROMOTER &&
			(f.nel == 1 || (f.nel == 2 && f.len[1] == 1 && f.sym[1][0] == 'O')) &&
			!memchr(w, '(', n);
		a->tok[a->ntok].bare = f.nel == 1;
		a->ntok++;
		if (gives)
			a->parts[p].gives_metal = 1;
		/* a lone active metal with its atom count: Pt1 a single atom, Co2 a dimer */
		if (gives && f.nel == 1 && f.count_len[0] == 1) {
			if (f.count[0][0] == '1')
				set_marker(cn, SITE_SAC, w, n);
			else if (f.count[0][0] >= '2' && f.count[0][0] <= '9')
				set_marker(cn, SITE_SCC, w, n);
		}
	}
	/*
	 * a compound of a metal with a non-metal: Co3Mo3N, WC, MoHx, LaCoSi,
	 * Fe1-xO; of an alkali or alkaline-earth metal when it is no oxide
	 * (a promoter's): the nitrides and hydrides Ca2N, CaH2, Ca2NH
	 */
	if (f.nel >= 2 && (has_metal || (has_promoter && !oxide)) && has_nonmetal && !a->bulk_at) {
		a->bulk_at = w;
		a->bulk_len = n;
	}
	a->formulas_seen++;
	return TK_FORMULA;
}

/* Word characters; '-' joins a non-stoichiometric count ("Fe1-xO"). */
static size_t word_end(const char *s, size_t i, size_t n)
{
	while (i < n) {
		if (is_alnum(s[i]) || s[i] == '.')
			i++;
		else if (s[i] == '-' && i > 0 && is_digit(s[i - 1]) && i + 1 < n &&
			 strchr("xyz", s[i + 1]) && (i + 2 >= n || !is_lower(s[i + 2])))
			i += 2;
		else if (s[i] == '(' && i > 0 && is_alnum(s[i - 1]) && i + 1 < n && is_upper(s[i + 1])) {
			/* a group of a formula, Ca(NH2)2; "(SAC)" is a remark */
			size_t k = i + 1, inner;
			int alloy;
			while (k < n && is_alnum(s[k]))
				k++;
			inner = k - i - 1;
			if (k >= n || s[k] != ')' || word_is(s + i + 1, inner, not_formulas, 0) ||
			    marker_of(s + i + 1, inner, &alloy) != SITE_NONE)
				return i;
			i = k + 1;
		} else
			break;
	}
	return i;
}

void chem_name_analyze(const char *name, struct chem_name *out)
{
	struct analysis a;
	char stack[256], *copy;
	const char *s, *pw = NULL;
	size_t i, n, pn = 0, support = (size_t)-1, k, first_material = (size_t)-1, nmaterial = 0;
	int paren = 0;

	memset(out, 0, sizeof(*out));
	out->marker = SITE_NONE;
	memset(&a, 0, sizeof(a));
	a.out = out;
	n = strlen(name);
	/* names are short: no allocation for them */
	copy = n < sizeof(stack) ? stack : xmalloc(n + 1);
	n = ascii_name(name, n, copy);
	s = copy;
	a.s = s;
	out->size_nm = name_size(s);

	for (i = 0; i < n; i++) {
		size_t m = mnx_at(s, i, n);
		if (m) {
			set_marker(out, SITE_SAC, s + i, m);
			break;
		}
	}

	a.nparts = 1;
	for (i = 0; i < n;) {
		char c = s[i];
		if (c == '/' || c == '@' || c == ' ' || c == '\t' || c == ':') {
			if ((c == '/' || c == '@') && !paren)
				a.slash_seen = 1;
			if (!paren && a.parts[a.nparts - 1].used && a.nparts < ARRAY_SIZE(a.parts)) {
				memset(&a.parts[a.nparts], 0, sizeof(a.parts[0]));
				a.nparts++;
			}
			i++;
			continue;
		}
		if (c == '(') {
			paren++;
			i++;
			continue;
		}
		if (c == ')') {
			if (paren)
				paren--;
			i++;
			continue;
		}
		if (!is_alnum(c)) {
			i++;
			continue;
		}
		{
			size_t e = word_end(s, i, n), wl = e - i;
			struct part *pt = &a.parts[a.nparts - 1];
			enum token_kind tk;
			/* a word may end in '.' only inside a number */
			while (wl && s[i + wl - 1] == '.')
				wl--;
			if (!wl) {
				i = e > i ? e : i + 1;
				continue;
			}
			tk = read_word(&a, s + i, wl, a.nparts - 1, pw, pn);
			/* a short suffix after a dash names a form of the material: CeO2-r, Co-N-C-x */
			if (tk == TK_WORD && wl <= 3 && i > 0 && s[i - 1] == '-' && (e >= n || !is_alpha(s[e])))
				tk = TK_NUMBER;
			if (!paren) {
				pt->used = 1;
				if (tk == TK_FORMULA || tk == TK_ABBR)
					pt->material = 1;
				if (tk == TK_WORD)
					pt->word = 1;
				if (tk != TK_MARKER && tk != TK_WORD) {
					if (pt->end == pt->start)
						pt->start = i;
					pt->end = i + wl;
				}
			}
			pw = s + i;
			pn = wl;
			i = e > i ? e : i + 1;
		}
	}

	/* the support: the last material part after the first that gives no metal */
	for (k = 0; k < a.nparts; k++) {
		if (!a.parts[k].material)
			continue;
		nmaterial++;
		if (first_material == (size_t)-1)
			first_material = k;
		else if (!a.parts[k].gives_metal && !a.parts[k].word)
			support = k;
		else
			support = (size_t)-1;
	}
	if (support != (size_t)-1) {
		size_t sl = a.parts[support].end - a.parts[support].start;
		if (sl >= sizeof(out->support))
			sl = sizeof(out->support) - 1;
		memcpy(out->support, s + a.parts[support].start, sl);
		out->support[sl] = '\0';
	}
	for (k = 0; k < a.ntok; k++) {
		if (a.tok[k].part == support) {
			/* in the support only a bare symbol is a promoter: Ba-Ca(NH2)2, not MgO */
			if (a.tok[k].promoter && a.tok[k].bare)
				list_add(out->promoter, sizeof(out->promoter), a.tok[k].w,
					 symbol_at(a.tok[k].w, a.tok[k].n));
			continue;
		}
		if (a.tok[k].promoter)
			list_add(out->promoter, sizeof(out->promoter), a.tok[k].w,
				 symbol_at(a.tok[k].w, a.tok[k].n));
		if (a.tok[k].gives_metal) {
			struct formula f;
			size_t j;
			if (parse_formula(a.tok[k].w, a.tok[k].n, &f) < 0)
				continue;
			for (j = 0; j < f.nel; j++)
				if (chem_is_active(f.sym[j], f.len[j]))
					add_metal(out, f.sym[j], f.len[j]);
		}
	}
	/* an unsupported compound is the catalyst itself */
	if (out->marker == SITE_NONE && support == (size_t)-1 && nmaterial == 1 &&
	    (a.bulk_at || (a.bulk_word && out->nmetals == 0 && a.ntok == 0))) {
		if (a.bulk_at)
			set_marker(out, SITE_BULK, a.bulk_at, a.bulk_len);
		else
			set_marker(out, SITE_BULK, "bulk", 4);
	}
	/* the site type named by words: single atoms first, then bimetallics, clusters, particles */
	if (out->np_alloy)
		a.stated |= 1u << SITE_BCC;
	if (a.stated & (1u << SITE_SAC))
		out->stated = SITE_SAC;
	else if (a.stated & (1u << SITE_BCC))
		out->stated = SITE_BCC;
	else if (a.stated & (1u << SITE_SCC))
		out->stated = SITE_SCC;
	else if (a.stated & (1u << SITE_NP))
		out->stated = SITE_NP;
	if (copy != stack)
		free(copy);
}

void chem_name_metals(const struct chem_name *cn, char *out, size_t size)
{
	size_t k;
	out[0] = '\0';
	for (k = 0; k < cn->nmetals; k++)
		list_add(out, size, cn->metals[k], strlen(cn->metals[k]));
}

enum site_type chem_site_of_label(const char *label)
{
	struct chem_name cn;
	chem_name_analyze(label, &cn);
	return cn.stated;
}

/* --- the name fold ---------------------------------------------------------- */

/* s starts with the n letters of w, in any case. */
static int str_casecmp_n(const char *s, const char *w, size_t n)
{
	size_t k;
	for (k = 0; k < n; k++) {
		char c = s[k];
		if (is_upper(c))
			c = (char)(c - 'A' + 'a');
		if (c != w[k])
			return 0;
	}
	return 1;
}

char *chem_fold_name(const char *name)
{
	struct buf b = BUF_INIT;
	size_t i, len = strlen(name);
	char *ascii = xmalloc(len + 1);
	struct { const char *data; size_t len; } a;
	a.len = ascii_name(name, len, ascii);
	a.data = ascii;
	for (i = 0; i < a.len; i++) {
		char c = a.data[i];
		/* the word "catalyst" or "catalysts" says nothing of which catalyst */
		if ((c == 'c' || c == 'C') && (i == 0 || !is_alnum(a.data[i - 1])) &&
		    str_casecmp_n(a.data + i, "catalyst", 8)) {
			size_t e = i + 8 + (a.data[i + 8] == 's');
			if (!is_alnum(a.data[e])) {
				i = e - 1;
				continue;
			}
		}
		if (!is_alnum(c))
			continue;
		buf_addch(&b, is_upper(c) ? c - 'A' + 'a' : c);
	}
	if (b.len > 3 && b.data[b.len - 1] == 's')
		b.data[--b.len] = '\0';
	free(ascii);
	return b.data ? buf_detach(&b, NULL) : xstrdup("");
}

int chem_same_name(const char *a, const char *b)
{
	char *x = chem_fold_name(a), *y = chem_fold_name(b);
	int same = strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}
