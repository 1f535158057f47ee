/*
 * classify.c: site-type classification from catalyst names, sizes and
 * active metals (see classify.h).  Nothing here knows particular
 * catalysts: only marker words, element roles and formula syntax.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "classify.h"
#include "validate.h"

const char *site_type_name(enum site_type t)
{
	switch (t) {
	case SITE_SAC: return "SAC";
	case SITE_SCC: return "SCC";
	case SITE_BCC: return "BCC";
	case SITE_NP: return "NP";
	case SITE_NONE: break;
	}
	return "";
}

enum site_type site_type_parse(const char *s)
{
	if (str_eq(s, "SAC"))
		return SITE_SAC;
	if (str_eq(s, "SCC"))
		return SITE_SCC;
	if (str_eq(s, "BCC"))
		return SITE_BCC;
	if (str_eq(s, "NP"))
		return SITE_NP;
	return SITE_NONE;
}

/* --- elements ----------------------------------------------------------- */

static const char *const active_metals[] = {
	/* groups 5 to 11 of the d block */
	"V", "Nb", "Ta", "Cr", "Mo", "W", "Mn", "Tc", "Re", "Fe", "Ru", "Os",
	"Co", "Rh", "Ir", "Ni", "Pd", "Pt", "Cu", "Ag", "Au", NULL
};
static const char *const promoters[] = {
	"Li", "Na", "K", "Rb", "Cs", "Fr", "Be", "Mg", "Ca", "Sr", "Ba", "Ra", NULL
};
static const char *const nonmetals[] = {
	"H", "He", "B", "C", "N", "O", "F", "Ne", "Si", "P", "S", "Cl", "Ar", "Ge", "As",
	"Se", "Br", "Kr", "Sb", "Te", "I", "Xe", "At", "Rn", NULL
};

static int in_list(const char *const *list, const char *sym, size_t len)
{
	size_t i;
	for (i = 0; list[i]; i++)
		if (list[i][0] == sym[0] && strncmp(list[i], sym, len) == 0 && list[i][len] == '\0')
			return 1;
	return 0;
}

enum element_role element_role(const char *sym, size_t len)
{
	if (!element_is_symbol(sym, len))
		return ELEM_UNKNOWN;
	if (in_list(active_metals, sym, len))
		return ELEM_ACTIVE;
	if (in_list(promoters, sym, len))
		return ELEM_PROMOTER;
	if (in_list(nonmetals, sym, len))
		return ELEM_NONMETAL;
	return ELEM_SUPPORT;
}

/* --- names -------------------------------------------------------------- */

static int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(int c) { return c >= 'a' && c <= 'z'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return is_upper(c) || is_lower(c); }

/*
 * The name in plain ASCII: Unicode subscript digits become digits, dashes
 * and the minus sign '-', a "(c)" sign misread for '@' becomes '@', any
 * other non-ASCII character a blank.
 */
static char *ascii_name(const char *name)
{
	const unsigned char *p = (const unsigned char *)name;
	struct buf b = BUF_INIT;
	while (*p) {
		if (p[0] == 0xE2 && p[1] == 0x82 && p[2] >= 0x80 && p[2] <= 0x89) {
			buf_addch(&b, '0' + (p[2] - 0x80));
			p += 3;
		} else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95) {
			buf_addch(&b, '-');
			p += 3;
		} else if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) {
			buf_addch(&b, '-');
			p += 3;
		} else if (p[0] == 0xC2 && p[1] == 0xA9) {
			buf_addch(&b, '@');
			p += 2;
		} else if (*p >= 0x80) {
			buf_addch(&b, ' ');
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		} else {
			buf_addch(&b, *p++);
		}
	}
	return buf_detach(&b, NULL);
}

static int word_is(const char *w, size_t n, const char *const *list, int nocase)
{
	size_t i, k;
	for (i = 0; list[i]; i++) {
		if (strlen(list[i]) != n)
			continue;
		for (k = 0; k < n; k++) {
			char a = w[k], b = list[i][k];
			if (nocase && is_upper(a))
				a = (char)(a - 'A' + 'a');
			if (a != b)
				break;
		}
		if (k == n)
			return 1;
	}
	return 0;
}

/* Marker words: abbreviations match exactly, words in any case. */
static const char *const sac_abbr[] = { "SAC", "SACs", "SACS", "SAs", "SA", "SAS", NULL };
static const char *const scc_abbr[] = { "ACC", "ACCs", "NCs", "SNC", "SNCs", "SCC", "SCCs",
					"ACs", NULL };
static const char *const scc_words[] = { "cluster", "clusters", "nanocluster", "nanoclusters",
					 "dimer", "dimers", "trimer", "trimers", "subnanometric",
					 "subnanometer", NULL };
static const char *const np_abbr[] = { "NP", "NPs", "NPS", "NPA", "NPAs", NULL };
static const char *const np_words[] = { "nanoparticle", "nanoparticles", "particles", NULL };
static const char *const bcc_abbr[] = { "SAA", "SAAs", "BCC", "BCCs", NULL };
static const char *const bcc_words[] = { "alloy", "alloys", "bimetallic", NULL };
static const char *const single_next[] = { "atom", "atoms", "site", "sites", NULL };

static void set_marker(struct name_facts *nf, enum site_type t, const char *w, size_t n)
{
	if (nf->marker != SITE_NONE)
		return;
	nf->marker = t;
	if (n >= sizeof(nf->marker_word))
		n = sizeof(nf->marker_word) - 1;
	memcpy(nf->marker_word, w, n);
	nf->marker_word[n] = '\0';
}

static void add_metal(struct name_facts *nf, const char *sym, size_t n)
{
	size_t i;
	for (i = 0; i < nf->nmetals; i++)
		if (strlen(nf->metals[i]) == n && memcmp(nf->metals[i], sym, n) == 0)
			return;
	if (nf->nmetals == CLASSIFY_MAX_METALS || n > 2)
		return;
	memcpy(nf->metals[nf->nmetals], sym, n);
	nf->metals[nf->nmetals][n] = '\0';
	nf->nmetals++;
}

/* Length of the element symbol at p (2 preferred), or 0. */
static size_t symbol_at(const char *p, size_t avail)
{
	if (avail == 0 || !is_upper(p[0]))
		return 0;
	if (avail >= 2 && is_lower(p[1]) && element_is_symbol(p, 2))
		return 2;
	return element_is_symbol(p, 1) ? 1 : 0;
}

struct formula {
	size_t nel;
	const char *sym[16];
	size_t len[16];
	const char *count[16];   /* the count as written, may be empty */
	size_t count_len[16];
	int oxide;
};

/* Parse w (n bytes) as a whole formula: Co1Ru2, CeO2, MoHx, FeN4.  0 or -1. */
static int parse_formula(const char *w, size_t n, struct formula *f)
{
	size_t i = 0;
	memset(f, 0, sizeof(*f));
	while (i < n) {
		size_t s = symbol_at(w + i, n - i), c;
		if (!s || f->nel == ARRAY_SIZE(f->sym))
			return -1;
		f->sym[f->nel] = w + i;
		f->len[f->nel] = s;
		if (s == 1 && w[i] == 'O')
			f->oxide = 1;
		i += s;
		c = i;
		if (i < n && is_digit(w[i])) {
			while (i < n && (is_digit(w[i]) || w[i] == '.'))
				i++;
		} else if (i < n && strchr("xyznm", w[i]) && (i + 1 == n || !is_lower(w[i + 1]))) {
			i++;
		}
		f->count[f->nel] = w + c;
		f->count_len[f->nel] = i - c;
		f->nel++;
	}
	return f->nel ? 0 : -1;
}

/* Look at one word of the name (separators removed). */
static void name_word(struct name_facts *nf, const char *w, size_t n, int after_slash)
{
	struct formula f;
	size_t i;

	/* a marker word is no formula ("SAs" is not S + As) */
	if (word_is(w, n, sac_abbr, 0)) {
		set_marker(nf, SITE_SAC, w, n);
		return;
	}
	if (word_is(w, n, scc_abbr, 0) || word_is(w, n, scc_words, 1)) {
		set_marker(nf, SITE_SCC, w, n);
		return;
	}
	if (word_is(w, n, np_abbr, 0) || word_is(w, n, np_words, 1)) {
		set_marker(nf, SITE_NP, w, n);
		if (n >= 3 && w[2] == 'A')
			nf->np_alloy = 1;
		return;
	}
	if (word_is(w, n, bcc_abbr, 0) || word_is(w, n, bcc_words, 1)) {
		set_marker(nf, SITE_BCC, w, n);
		return;
	}

	/* a leading amount, as in 0.5Ru or 5%Ru, is not part of the formula */
	while (n && (is_digit(*w) || *w == '.')) {
		w++;
		n--;
	}
	if (!n || parse_formula(w, n, &f) < 0 || f.oxide)
		return;
	/* three or more capitals alone are an abbreviation (WHSV, DFT), no formula */
	if (n >= 3 && f.nel == n)
		return;
	/*
	 * After the '/' or '@' of "M1/support" a compound with a non-metal
	 * (Co3Mo3N, BaCeO3, MoS2) is the support, not a metal of the site.
	 */
	if (after_slash && f.nel >= 2) {
		for (i = 0; i < f.nel; i++)
			if (element_role(f.sym[i], f.len[i]) == ELEM_NONMETAL)
				return;
	}
	for (i = 0; i < f.nel; i++)
		if (element_role(f.sym[i], f.len[i]) == ELEM_ACTIVE)
			add_metal(nf, f.sym[i], f.len[i]);
	if (f.nel == 1 && element_role(f.sym[0], f.len[0]) == ELEM_ACTIVE && f.count_len[0] == 1) {
		if (f.count[0][0] == '1')
			set_marker(nf, SITE_SAC, w, n);           /* Pt1, Ru1/CeO2 */
		else if (f.count[0][0] >= '2' && f.count[0][0] <= '9')
			set_marker(nf, SITE_SCC, w, n);           /* dimers and trimers: Co2, Ru3 */
	}
}

/* An M-Nx site at p: Co-N-C, Co-N2, FeN4, Fe-Nx.  Returns its length or 0. */
static size_t mnx_at(const char *name, size_t i, size_t n)
{
	const char *p = name + i;
	size_t s = symbol_at(p, n - i), k;
	if (!s || (i > 0 && is_alpha(name[i - 1])) || element_role(p, s) != ELEM_ACTIVE)
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

static int is_separator(int c)
{
	return !is_alpha(c) && !is_digit(c) && c != '.';
}

void classify_name(const char *name, struct name_facts *out)
{
	char *s = ascii_name(name);
	size_t i, n = strlen(s), start;
	const char *prev = NULL;
	size_t prevlen = 0;
	int slash_seen = 0;

	memset(out, 0, sizeof(*out));
	out->marker = SITE_NONE;
	out->size_nm = name_size(s);

	for (i = 0; i < n; i++) {
		size_t m = mnx_at(s, i, n);
		if (m) {
			set_marker(out, SITE_SAC, s + i, m);
			break;
		}
	}
	for (i = 0; i < n;) {
		while (i < n && is_separator(s[i])) {
			if (s[i] == '/' || s[i] == '@')
				slash_seen = 1;
			i++;
		}
		start = i;
		while (i < n && !is_separator(s[i]))
			i++;
		if (i > start) {
			const char *w = s + start;
			size_t wl = i - start;
			/* a word may end in '.' only inside a number */
			while (wl && w[wl - 1] == '.')
				wl--;
			if (prev && word_is(prev, prevlen, (const char *const[]){ "single", NULL }, 1) &&
			    word_is(w, wl, single_next, 1))
				set_marker(out, SITE_SAC, prev, (size_t)(w + wl - prev));
			if (wl)
				name_word(out, w, wl, slash_seen);
			prev = w;
			prevlen = wl;
		}
	}
	free(s);
}

enum site_type classify_infer(const struct name_facts *nf, double size_nm, size_t nmetals,
			      const struct classify_limits *lim)
{
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
	char seen[CLASSIFY_MAX_METALS * 2][8];
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

void classify_entry_facts(const struct entry *e, struct name_facts *nf, double *size_nm,
			  size_t *nmetals)
{
	double v;
	classify_name(entry_get(e, COL_CATALYST), nf);
	*size_nm = entry_get_num(e, COL_SIZE_NM, &v) == 1 ? v : nf->size_nm;
	if (*entry_get(e, COL_METALS)) {
		*nmetals = count_list(entry_get(e, COL_METALS));
		return;
	}
	{
		/* per-metal loadings name metals too: Ru:1.17;Co:0.41 */
		const char *p = entry_get(e, COL_LOADING_WT);
		struct name_facts all = *nf;
		while (strchr(p, ':')) {
			const char *colon = strchr(p, ':');
			size_t len = (size_t)(colon - p);
			if (element_role(p, len) == ELEM_ACTIVE)
				add_metal(&all, p, len);
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
		struct name_facts nf;
		double size;
		size_t nmetals, k;
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
			struct buf b = BUF_INIT;
			for (k = 0; k < nf.nmetals; k++) {
				if (k)
					buf_addch(&b, ';');
				buf_addstr(&b, nf.metals[k]);
			}
			entry_set(e, COL_METALS, buf_str(&b));
			entry_add_derived(e, "metals");
			buf_release(&b);
			did = 1;
		}
		changed += (size_t)did;
	}
	return changed;
}
