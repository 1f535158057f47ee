/*
 * extract.c: the extractor object (compiled patterns, reused buffers),
 * the driver over a document's blocks, and what a catalyst name says by
 * its form: element symbols, active metals, support, promoter, size and
 * the site type its descriptor states ("SAC", "NCs", "NPs", "SAA").
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "utf8.h"

/*
 * Catalyst names in canonical text: an optional size ("1.4 nm "), a
 * formula made of element-led fragments joined by / @ - (with an optional
 * loading prefix "0.5Ru-", subscript digits, "(SAC)"), then an optional
 * descriptor word ("SAC", "ACCs", "NPs", "clusters") that may carry a
 * support ("clusters@N-C").  Or "single Mo" (a named single-atom site).
 * Whether the formula names an active metal is checked in C afterwards.
 */
static const char *const patterns[XP_NPATTERNS] = {
	[XP_MENTION] =
	"(?<![A-Za-z0-9/@._-])"
	"(?:(?<size>\\d+(?:\\.\\d+)?) ?nm )?"
	"(?<formula>(?:\\d+(?:\\.\\d+)?%? ?)?[A-Z](?:[A-Za-z0-9]|\\.(?=\\d))*(?:\\([A-Za-z0-9]+\\)\\d*)?"
	"(?:[/@-](?:[\u03b1-\u03c9]-)?(?:[A-Z0-9](?:[A-Za-z0-9]|\\.(?=\\d))*|[a-z]+(?=[/@-])"
	"|[a-z]{1,3}(?![A-Za-z]))(?:\\([A-Za-z0-9]+\\)\\d*)?)*)"
	"(?: (?<desc>SACs?|SAs|NCs|ACCs|NPs|NPS|SNCs?|SAAs?|NPAs?|TCs|DACs?|ACs"
	"|clusters?|nanoclusters|nanoparticles)"
	"(?:[/@][A-Z](?:[A-Za-z0-9]|\\.(?=\\d))*(?:-[A-Z0-9][A-Za-z0-9]*)*)?)?"
	"(?![A-Za-z0-9])"
	"|(?<single>single(?:-site| site|-atom| atom)? (?<elem>[A-Z][a-z]?)(?= (?:active )?(?:sites?|atoms?)))",
	[XP_TOF_CTX] = "\\bTOFs?(?![A-Za-z])|turnover frequenc",
	[XP_EA_CTX] = "(?i:activation energ|activation barrier)|\\bE_?a\\b|\\bE\\x{2090}",
	[XP_COMPUTED] = "(?i:\\bDFT\\b|microkinetic|first[- ]principles|theoretical(?:ly)? "
	"(?:calculat|predict|model)|calculations? (?:indicated|showed|predicted|revealed|suggested)"
	"|were calculated|was calculated|predicted by|simulations?)",
	[XP_ATM] = "(?i:atmospheric pressure|ambient pressure)",
	[XP_FOR_AFTER] = "\\G[) ]*(?:(?:was|were|is|are) )?(?:(?:found|obtained|measured|observed|"
	"achieved|reached|recorded|reported|calculated|predicted) )?(?:for|over|on|with|by|of) (?:the )?",
	[XP_FOR_OTHER] = "\\G[) ]*(?:(?:was|were|is|are) )?(?:(?:found|obtained|measured|observed|"
	"achieved|reached|recorded|reported) )?(?:for|over|on|with|by) (?:the |a |an )?(?:[a-z-]+ )?"
	"(?:nanoparticles?|clusters?|catalysts?|samples?|counterparts?|references?|NPs)\\b",
	/*
	 * Two patterns, not one alternation: a \\G branch beside the others
	 * would stop PCRE2 from skipping ahead to the letters a match can
	 * start with, and every paragraph is searched with it.
	 */
	[XP_METHODS] = "(?i)\\b(?:(?:was|were) (?:carried out|performed|conducted|tested|evaluated|run|"
	"measured)\\b|activity tests?\\b|catalytic tests?\\b)",
	[XP_METHODS_HEAD] = "(?i)\\G\\W*reaction conditions\\b",
	[XP_PLURAL] = "(?i)\\b(?:their|these|both|the two)\\b",
	[XP_NOT_SYNTH] = "(?i)decomposition|cracking|electrochemical|electrocatalytic|electrosynthesis|"
	"photocatalytic|photochemical|faradaic|plasma",
	[XP_OTHER_CAT] = "(?i)\\b(?!(?:the|this|that|these|those|our|its|their|same|above|former|latter|"
	"said|each|both|all|best|optimal|optimized|optimised)\\b)[A-Za-z0-9-]+ (?:catalysts?|samples?)\\b",
};

struct extractor *extractor_new(void)
{
	struct extractor *ex = xcalloc(1, sizeof(*ex));
	size_t i;
	for (i = 0; i < XP_NPATTERNS; i++) {
		int err;
		PCRE2_SIZE off;
		ex->re[i] = pcre2_compile((PCRE2_SPTR)patterns[i], PCRE2_ZERO_TERMINATED,
					  PCRE2_UTF, &err, &off, NULL);
		if (!ex->re[i]) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(err, msg, sizeof(msg));
			die("extract pattern %zu at %zu: %s", i, (size_t)off, (const char *)msg);
		}
		/* JIT is an optimisation: a platform without it runs the interpreter. */
		(void)pcre2_jit_compile(ex->re[i], PCRE2_JIT_COMPLETE);
	}
	ex->md = pcre2_match_data_create(32, NULL);
	normtext_init(&ex->nt);
	return ex;
}

void extractor_free(struct extractor *ex)
{
	size_t i;
	if (!ex)
		return;
	for (i = 0; i < XP_NPATTERNS; i++)
		pcre2_code_free(ex->re[i]);
	pcre2_match_data_free(ex->md);
	normtext_release(&ex->nt);
	buf_release(&ex->scratch);
	free(ex);
}

int xpat_match(struct extractor *ex, enum xpat p, const char *text, size_t len,
	       size_t start, size_t **ov)
{
	/* text checked once per block (extract_normalize), not at every call */
	uint32_t opts = ex->utf_checked && text == ex->nt.text ? PCRE2_NO_UTF_CHECK : 0;
	int rc = pcre2_match(ex->re[p], (PCRE2_SPTR)text, len, start, opts, ex->md, NULL);
	if (rc <= 0)
		return 0;
	*ov = pcre2_get_ovector_pointer(ex->md);
	return 1;
}

void extract_normalize(struct extractor *ex, const char *text, size_t len)
{
	size_t pad;
	normalize_text(text, len, &ex->nt);
	pad = ex->nt.alloc > ex->nt.len + 1 ? ex->nt.alloc - ex->nt.len - 1 : 0;
	if (pad > 64)
		pad = 64;
	memset(ex->nt.text + ex->nt.len + 1, 0, pad);
	ex->utf_checked = utf8_validate(ex->nt.text, ex->nt.len) == ex->nt.len;
}

/* --- elements and names --------------------------------------------------------- */

/* Metals that carry ammonia synthesis (DOMAIN.md); the rest are supports or promoters. */
static const char *const active[] = {
	"Ru", "Co", "Fe", "Ni", "Mo", "Rh", "Pt", "Pd", "Re", "Os", "Ir", "Cu", "Mn", "W",
	"Cr", "V", "Nb", "Tc", NULL
};

static const char *const promoters[] = { "K", "Cs", "Ba", "Li", "Na", "Rb", "Sr", "Ca", NULL };

/* Acronyms in names that look like formulas but are not (SNCs, NPs ...). */
static const char *const not_formulas[] = {
	"SNC", "SNCs", "NPs", "NPS", "NP", "NCs", "NC", "ACCs", "ACC", "SAC", "SACs", "SAs",
	"SA", "SAA", "SAAs", "NPA", "TCs", "MIL", "ZIF", "HZ", "MOF", "CNT", "CNTs", "GO",
	"rGO", "DAC", "DACs", "SCC", "BCC", "NSs", "NTs", "NWs",
	/* methods and quantities written in capitals */
	"WHSV", "GHSV", "SV", "TOF", "TOFs", "DFT", "BET", "XRD", "XPS", "TEM", "STEM", "HAADF",
	"EXAFS", "XANES", "XAFS", "TPD", "TPR", "NMR", "IR", "DRIFTS", "SEM", "EDS", "EDX", "ICP",
	"OES", "MS", "GC", "TCD", "FID", "EPR", "UV", "CO", "NO", NULL
};

static int in_list(const char *const *list, const char *s, size_t n)
{
	size_t k;
	/* strncmp stops at the first differing byte: no strlen of every word */
	for (k = 0; list[k]; k++)
		if (list[k][0] == s[0] && strncmp(list[k], s, n) == 0 && list[k][n] == '\0')
			return 1;
	return 0;
}

/*
 * Element symbols (H to U) by first letter: whether the capital alone is
 * one, and the lower-case letters that follow it in the others.
 * element_known is called for every letter of every formula-like word.
 */
static const struct { char alone; const char *second; } element_letters[26] = {
	/* A */ { 0, "glrsu" },
	/* B */ { 1, "aeir" },
	/* C */ { 1, "adelorsu" },
	/* D */ { 0, "y" },
	/* E */ { 0, "ru" },
	/* F */ { 1, "e" },
	/* G */ { 0, "ade" },
	/* H */ { 1, "efgo" },
	/* I */ { 1, "nr" },
	/* J */ { 0, "" },
	/* K */ { 1, "r" },
	/* L */ { 0, "aiu" },
	/* M */ { 0, "gno" },
	/* N */ { 1, "abdei" },
	/* O */ { 1, "s" },
	/* P */ { 1, "bdmrt" },
	/* Q */ { 0, "" },
	/* R */ { 0, "behu" },
	/* S */ { 1, "bceimnr" },
	/* T */ { 0, "abcehilm" },
	/* U */ { 1, "" },
	/* V */ { 1, "" },
	/* W */ { 1, "" },
	/* X */ { 0, "e" },
	/* Y */ { 1, "b" },
	/* Z */ { 0, "nr" },
};

int element_known(const char *sym, size_t len)
{
	int i;
	if (len < 1 || len > 2 || sym[0] < 'A' || sym[0] > 'Z')
		return 0;
	i = sym[0] - 'A';
	if (len == 1)
		return element_letters[i].alone;
	return sym[1] >= 'a' && sym[1] <= 'z' && strchr(element_letters[i].second, sym[1]) != NULL;
}

int element_active(const char *sym, size_t len)
{
	return in_list(active, sym, len);
}

const char *site_from_label(const char *t)
{
	if (strstr(t, "SAC") || strstr(t, "SAs") || strstr(t, "single atom") ||
	    strstr(t, "single-atom") || strstr(t, "Single-atom") || strstr(t, "Single atom"))
		return "SAC";
	if (strstr(t, "SAA") || strstr(t, "NPA") || strstr(t, "BCC") || strstr(t, "imetallic") ||
	    strstr(t, "alloy"))
		return "BCC";
	if (strstr(t, "SCC") || strstr(t, "NCs") || strstr(t, "ACCs") || strstr(t, "SNC") ||
	    strstr(t, "cluster") || strstr(t, "Cluster") || strstr(t, "TCs"))
		return "SCC";
	if (strstr(t, "NPs") || strstr(t, "NPS") || strstr(t, "nanoparticle") ||
	    strstr(t, "Nanoparticle"))
		return "NP";
	return NULL;
}

/*
 * Elements of one formula token ("Co1Ru2", "BaCeO3", "FeN4"): appends the
 * symbols to syms (up to max); returns -1 when the token is not a formula.
 */
static int token_elements(const char *s, size_t n, char syms[][4], size_t *ns, size_t max)
{
	size_t i = 0;
	size_t start = *ns;
	if (in_list(not_formulas, s, n))
		return -1;
	/* a loading prefix: "0.5Ru" */
	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
		i++;
	if (i == n)
		return -1;
	while (i < n) {
		size_t l = 0;
		if (!(s[i] >= 'A' && s[i] <= 'Z')) {
			*ns = start;
			return -1;
		}
		if (i + 1 < n && s[i + 1] >= 'a' && s[i + 1] <= 'z' && element_known(s + i, 2))
			l = 2;
		else if (element_known(s + i, 1))
			l = 1;
		else {
			*ns = start;
			return -1;
		}
		if (*ns < max) {
			memcpy(syms[*ns], s + i, l);
			syms[*ns][l] = '\0';
			(*ns)++;
		}
		i += l;
		while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == 'x' ||
				 s[i] == 'y'))
			i++;
	}
	return 0;
}

static void list_add(char *list, size_t size, const char *sym)
{
	size_t n = strlen(list), k = strlen(sym);
	const char *p = list;
	while ((p = strstr(p, sym)) != NULL) {
		if ((p == list || p[-1] == ';') && (p[k] == '\0' || p[k] == ';'))
			return;
		p++;
	}
	if (n + k + 2 > size)
		return;
	if (n)
		list[n++] = ';';
	memcpy(list + n, sym, k + 1);
}

/* Copy a name, cleaning conversion noise: "_", spaces before digits, "Ru1 1/". */
static void clean_name(const char *s, size_t n, char *out, size_t size)
{
	size_t i, o = 0;
	for (i = 0; i < n && o + 2 < size; i++) {
		char c = s[i];
		if (c == '_' || c == '$' || c == '{' || c == '}')
			continue;
		if (c == ' ' && o > 0 && i + 1 < n) {
			char prev = out[o - 1], next = s[i + 1];
			/* "Ru1 1/": a decimal point lost in a subscript */
			if (prev >= '0' && prev <= '9' && next >= '0' && next <= '9' && o >= 2 &&
			    ((out[o - 2] >= 'a' && out[o - 2] <= 'z') ||
			     (out[o - 2] >= 'A' && out[o - 2] <= 'Z')) &&
			    i + 2 < n && (s[i + 2] == '/' || s[i + 2] == '@')) {
				out[o++] = '.';
				continue;
			}
			/* "Ru /BaCeO3", "Co (SAC)": spaces that a subscript left */
			if (next == '/' || next == '@' || prev == '/' || prev == '@')
				continue;
			if (prev == ' ')
				continue;
		}
		if (c == '\t' || c == '\n')
			c = ' ';
		out[o++] = c;
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	o = extract_strip_marks(out, o);
	out[o] = '\0';
}

size_t extract_strip_marks(const char *s, size_t n)
{
	for (;;) {
		const unsigned char *u = (const unsigned char *)s;
		size_t m = n;
		if (m && (s[m - 1] == '*' || s[m - 1] == ' '))
			m--;
		else if (m >= 3 && u[m - 3] == 0xE2 && u[m - 2] == 0x80 && (u[m - 1] == 0xA0 || u[m - 1] == 0xA1))
			m -= 3;   /* dagger, double dagger */
		else if (m >= 3 && u[m - 3] == 0xE1 && (u[m - 2] == 0xB4 || u[m - 2] == 0xB5 || u[m - 2] == 0xB6))
			m -= 3;   /* modifier letters: superscript a, b, c ... */
		else if (m >= 2 && s[m - 2] == '^' && s[m - 1] >= 'a' && s[m - 1] <= 'z')
			m -= 2;
		else if (m >= 4 && s[m - 4] == '^' && s[m - 3] == '{' && s[m - 2] >= 'a' && s[m - 2] <= 'z' &&
			 s[m - 1] == '}')
			m -= 4;
		if (m == n)
			return n;
		n = m;
	}
}

int catalyst_analyze(const char *text, size_t len, struct catinfo *ci)
{
	char syms[24][4];
	size_t ns = 0, i;
	const char *p, *e;
	char *name;
	size_t nlen;
	int nparts = 0, support_part = -1;
	const char *part_start[8];
	size_t part_len[8];
	const char *site;

	memset(ci, 0, sizeof(*ci));
	clean_name(text, len, ci->name, sizeof(ci->name));
	name = ci->name;
	nlen = strlen(name);
	p = name;
	e = name + nlen;
	/* size prefix "1.4 nm " */
	{
		const char *q = p;
		while (q < e && ((*q >= '0' && *q <= '9') || *q == '.'))
			q++;
		if (q > p && e - q > 3 && (!memcmp(q, " nm ", 4) || !memcmp(q, "nm ", 3))) {
			double v;
			if (num_parse_n(p, (size_t)(q - p), &v) == 0)
				ci->size_nm = v;
			p = q + (q[0] == ' ' ? 4 : 3);
		}
	}
	/* a size suffix "Ru-2.8 nm" */
	if (nlen > 4 && !strcmp(e - 3, " nm")) {
		const char *q = e - 3;
		while (q > p && ((q[-1] >= '0' && q[-1] <= '9') || q[-1] == '.'))
			q--;
		if (q < e - 3) {
			double v;
			if (num_parse_n(q, (size_t)(e - 3 - q), &v) == 0)
				ci->size_nm = v;
		}
	}
	/* split on spaces first: the formula is the first word, a descriptor may follow */
	{
		const char *ws = p;
		while (ws < e) {
			const char *we = ws;
			const char *q;
			while (we < e && *we != ' ')
				we++;
			/* a descriptor ("SAC", "clusters@N-C", "(activated)"): only what follows / or @ */
			if (ws > p) {
				const char *sep = ws;
				while (sep < we && *sep != '/' && *sep != '@')
					sep++;
				q = ws;
				while (q < sep && *q != '(')
					q++;
				if (in_list(not_formulas, ws, (size_t)(sep - ws)) || *ws == '(' ||
				    (*ws >= 'a' && *ws <= 'z') || q < sep)
					ws = sep < we ? sep + 1 : we;
			}
			/* parts by / and @ */
			for (q = ws; q < we && nparts < 8;) {
				const char *r = q;
				int paren = 0;
				while (r < we && (paren || (*r != '/' && *r != '@'))) {
					if (*r == '(')
						paren++;
					else if (*r == ')' && paren)
						paren--;
					r++;
				}
				part_start[nparts] = q;
				part_len[nparts] = (size_t)(r - q);
				nparts++;
				q = r < we ? r + 1 : r;
			}
			ws = we < e ? we + 1 : we;
		}
	}
	/* elements per part; the last part with no active metal is the support */
	for (i = 0; i < (size_t)nparts; i++) {
		const char *q = part_start[i], *pe = q + part_len[i];
		size_t before = ns;
		int has_active = 0;
		size_t k;
		while (q < pe) {
			const char *r = q;
			while (r < pe && *r != '-' && *r != '(')
				r++;
			size_t b0 = ns;
			if (token_elements(q, (size_t)(r - q), syms, &ns, ARRAY_SIZE(syms)) == 0 &&
			    ns > b0 && in_list(promoters, syms[b0], strlen(syms[b0])) &&
			    (ns == b0 + 1 || (ns == b0 + 2 && !strcmp(syms[b0 + 1], "O"))) &&
			    !(q[0] >= '0' && q[0] <= '9') && !(r < pe && *r == '('))
				list_add(ci->promoter, sizeof(ci->promoter), syms[b0]);
			if (r < pe && *r == '(') {
				while (r < pe && *r != ')')
					r++;
			}
			q = r < pe ? r + 1 : r;
		}
		for (k = before; k < ns; k++)
			if (element_active(syms[k], strlen(syms[k])))
				has_active = 1;
		if (!has_active && i > 0 && i == (size_t)nparts - 1)
			support_part = (int)i;
		if (has_active && (support_part < 0 || i < (size_t)support_part)) {
			for (k = before; k < ns; k++)
				if (element_active(syms[k], strlen(syms[k])))
					list_add(ci->metals, sizeof(ci->metals), syms[k]);
		}
	}
	if (support_part >= 0) {
		size_t n = part_len[support_part];
		const char *sp = part_start[support_part];
		/* "CeO2(SAC)": keep the material only */
		const char *sp_end = sp + n;
		const char *paren = memchr(sp, '(', n);
		/* a final "(SAC)" or "(activated)" is a remark, "Ca(NH2)2" a formula */
		if (paren && paren > sp) {
			const char *x = paren + 1;
			while (x < sp_end && ((*x >= 'a' && *x <= 'z') || (*x >= 'A' && *x <= 'Z')))
				x++;
			if (x < sp_end && *x == ')' && x + 1 == sp_end)
				sp_end = paren;
		}
		while (sp_end > sp && sp_end[-1] == ' ')
			sp_end--;
		n = (size_t)(sp_end - sp);
		if (n >= sizeof(ci->support))
			n = sizeof(ci->support) - 1;
		memcpy(ci->support, sp, n);
		ci->support[n] = '\0';
	}
	site = site_from_label(p);
	if (site)
		memcpy(ci->site, site, strlen(site) + 1);
	return ci->metals[0] ? 0 : -1;
}

/* --- entries ----------------------------------------------------------------------- */

struct entry *extract_new_entry(struct entry_set *set, const struct document *doc,
				const char *source, const char *locator)
{
	struct entry *e = entry_set_append(set);
	entry_set(e, COL_DOC, doc->key);
	entry_set(e, COL_SOURCE, source);
	entry_set(e, COL_LOCATOR, locator);
	entry_set(e, COL_STATUS, "extracted");
	return e;
}

/* A name folded for comparison: lower case, no spaces, no final "s". */
static void fold_name(const char *s, char *out, size_t size)
{
	size_t o = 0;
	for (; *s && o + 1 < size; s++) {
		char c = *s;
		if (c == ' ' || c == '-')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		out[o++] = c;
	}
	if (o > 3 && out[o - 1] == 's')
		o--;
	out[o] = '\0';
}

struct named_site {
	char name[160];
	const char *site;
	size_t order;   /* row order, so that among equal names the first row wins */
};

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct named_site *)a)->name, ((const struct named_site *)b)->name);
}

static int cmp_named(const void *a, const void *b)
{
	const struct named_site *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->order < y->order ? -1 : x->order > y->order);
}

void extract_share_site_types(struct entry_set *set, size_t first)
{
	struct named_site *tab = NULL, key;
	size_t ntab = 0, alloc = 0, i;
	for (i = first; i < set->n; i++) {
		const struct entry *t = &set->v[i];
		if (!str_eq(entry_get(t, COL_SOURCE), "table") || !entry_get(t, COL_SITE_TYPE)[0])
			continue;
		tab = xgrow(tab, &alloc, ntab + 1, sizeof(*tab));
		fold_name(entry_get(t, COL_CATALYST), tab[ntab].name, sizeof(tab[ntab].name));
		tab[ntab].order = ntab;
		tab[ntab++].site = entry_get(t, COL_SITE_TYPE);
	}
	if (!ntab)
		return;
	qsort(tab, ntab, sizeof(*tab), cmp_named);
	for (i = first; i < set->n; i++) {
		struct entry *e = &set->v[i];
		const struct named_site *hit;
		if (!str_eq(entry_get(e, COL_SOURCE), "text") && !str_eq(entry_get(e, COL_SOURCE), "caption"))
			continue;
		if (entry_get(e, COL_SITE_TYPE)[0])
			continue;
		fold_name(entry_get(e, COL_CATALYST), key.name, sizeof(key.name));
		hit = bsearch(&key, tab, ntab, sizeof(*tab), cmp_name);
		while (hit && hit > tab && !strcmp(hit[-1].name, key.name))
			hit--;
		if (hit)
			entry_set(e, COL_SITE_TYPE, hit->site);
	}
	free(tab);
}

void extractor_set_diag(struct extractor *ex, struct diag *d)
{
	ex->d = d;
}

void extract_skipped(struct extractor *ex, const struct quantity *q)
{
	const struct document *doc = ex->doc;
	const struct block *b = ex->block;
	struct buf where = BUF_INIT;
	long line = 0, col = 0;
	size_t off;

	if (!ex->d || !doc || !b || !q->impossible)
		return;
	off = ex->nt.map[q->start];
	if (b->path)
		buf_printf(&where, " (at %s)", b->path);
	else if (b->src_off != DOC_NO_OFFSET)
		document_line_col(doc, b->map ? b->map[off] : b->src_off + off, &line, &col);
	diag_emit(ex->d, doc->name, line, col, DIAG_WARNING, "value-skipped",
		  "'%.*s' is a %s %s; not extracted%s", (int)(q->end - q->start),
		  ex->nt.text + q->start, quantity_kind_name(q->kind), q->impossible,
		  buf_str(&where));
	buf_release(&where);
}

size_t extractor_run(struct extractor *ex, const struct document *doc, struct entry_set *set)
{
	size_t i, first = set->n;
	/* conditions the methods state once fill results that state none */
	extract_method_conditions(ex, doc, ex->method_cond);
	for (i = 0; i < doc->nblocks; i++) {
		const struct block *b = &doc->blocks[i];
		switch (b->kind) {
		case BLOCK_PARAGRAPH:
		case BLOCK_CAPTION:
			extract_prose(ex, doc, b, set);
			break;
		case BLOCK_TABLE:
			extract_table(ex, doc, b, set);
			break;
		default:
			break;
		}
	}
	extract_share_site_types(set, first);
	/* ids count from 1 in each document, in document order */
	for (i = first; i < set->n; i++) {
		struct buf id = BUF_INIT;
		buf_printf(&id, "%s:%zu", doc->key, i - first + 1);
		entry_set(&set->v[i], COL_ID, buf_str(&id));
		buf_release(&id);
	}
	return set->n - first;
}
