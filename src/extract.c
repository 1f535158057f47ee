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

#include "chem.h"
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
	"(?<formula>(?:\\d+(?:\\.\\d+)?%? ?)?[A-Z](?:[A-Za-z0-9]|\\.(?=\\d)"
	/* non-stoichiometry: Fe1-xO, Fe1\u2212xO */
	"|(?<=\\d)[-\u2212](?=[xyz\u03b4](?![a-z])))*(?:\\([A-Za-z0-9]+\\)\\d*)?"
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
	/*
	 * Other reactions, and other processes that have rates: NH3
	 * decomposition and oxidation, electro-, photo- and plasma-driven
	 * synthesis, CO2 hydrogenation and Fischer-Tropsch, corrosion, growth,
	 * enzymes
	 */
	[XP_NOT_SYNTH] = "(?i)decomposition|cracking|electrochemical|electrocatalytic|electrosynthesis|"
	"electroreduction|photocatalytic|photochemical|photo-driven|photocatalysis|photoelectro|faradaic|"
	"plasma|nitrogen reduction reaction|\\bNRR\\b|(?:ammonia|NH3) oxidation|"
	"CO2 (?:hydrogenation|reduction|methanation)|methanation|Fischer|corrosion|growth rate|"
	"dehydrogenation|\\benzym|nitrogenase|"
	/* an electrode's quantities: a rate per area, a current density, a potential vs. a reference */
	"current densit|\\bmA ?cm|mol cm\\^?-2|\\bvs\\.? ?(?:RHE|SCE|Ag/AgCl|NHE)\\b|overpotential",
	[XP_SYNTH] = "(?i:(?:ammonia|NH(?:3|\u2083|<sub>3</sub>|_\\{?3\\}?)) ?(?:synthesis|formation|"
	"production|yield|synthesi[sz]ing)|synthesi[sz]e (?:of )?(?:ammonia|NH3)|"
	"synthesis of (?:ammonia|NH)|Haber|N2 ?\\+ ?3 ?H2|ammonia catalyst)",
	/* ends at the value: a treatment before the reaction, not its temperature */
	[XP_PRETREAT] = "(?i)\\b(?:reduc|calcin|pre-?treat|activat|anneal|heat|dried|dry|pyroly|carboni[sz]|"
	"sinter|nitrid|passivat|aged|degass|outgass)[a-z]*(?: (?:in|under|with|by|for|at a rate of) "
	"[^,.;()]{0,40}?)? (?:at|to|up to) (?:~ ?)?\\z",
	[XP_ALIAS] = "(?:\\b(?:denoted|designated|labell?ed|abbreviated|referred to|termed|hereafter(?: called| denoted)?)"
	"(?: as)?(?: \\(?[\"\u201c']?)|(?:\\(hereafter |\\(denoted (?:as )?))"
	"(?<alias>[A-Za-z0-9](?:[A-Za-z0-9/@.+_-]*[A-Za-z0-9])?)",
	[XP_BOUND] = "(?i)(?:\\b(?:below|under|less than|lower than|more than|greater than|higher than|above|"
	"at most|at least|exceeding)|<|>|<=|>=) ?(?:~ ?)?\\z",
	[XP_NH3_WORD] = "(?i)\\bNH3\\b|ammonia",
	[XP_THE_CAT] = "(?i)\\b(?:the|this|our|the present|the same) (?:catalyst|material|sample)\\b",
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
	free(ex->alias);
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

/* --- names ------------------------------------------------------------------------ */

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
		/* the minus sign of "Fe1\u2212xO" as the ASCII '-' of a clean name */
		if ((unsigned char)c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x88 &&
		    (unsigned char)s[i + 2] == 0x92) {
			out[o++] = '-';
			i += 2;
			continue;
		}
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

/*
 * A name that is one chemical formula of two elements or more, one of
 * them a metal (CaFH, Ca2N, LaN, C12A7 is not: A is no element).
 */
static int formula_compound(const char *s)
{
	int nsym = 0, metal = 0;
	while (*s) {
		size_t l;
		if (!(*s >= 'A' && *s <= 'Z'))
			return 0;
		l = s[1] >= 'a' && s[1] <= 'z' ? 2 : 1;
		if (!chem_is_element(s, l))
			return 0;
		metal = metal || chem_is_metal(s, l);
		nsym++;
		s += l;
		while ((*s >= '0' && *s <= '9') || *s == '.' || *s == 'x' || *s == 'y')
			s++;
	}
	return nsym >= 2 && metal;
}

int catalyst_analyze(const char *text, size_t len, struct catinfo *ci)
{
	struct chem_name cn;
	memset(ci, 0, sizeof(*ci));
	clean_name(text, len, ci->name, sizeof(ci->name));
	chem_name_analyze(ci->name, &cn);
	chem_name_metals(&cn, ci->metals, sizeof(ci->metals));
	memcpy(ci->support, cn.support, sizeof(ci->support));
	memcpy(ci->promoter, cn.promoter, sizeof(ci->promoter));
	memcpy(ci->site, site_type_name(cn.stated), strlen(site_type_name(cn.stated)) + 1);
	ci->size_nm = cn.size_nm > 0 ? cn.size_nm : 0;
	ci->bulk = cn.marker == SITE_BULK || formula_compound(ci->name);
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

struct named_site {
	char *name;   /* chem_fold_name */
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
		tab[ntab].name = chem_fold_name(entry_get(t, COL_CATALYST));
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
		key.name = chem_fold_name(entry_get(e, COL_CATALYST));
		hit = bsearch(&key, tab, ntab, sizeof(*tab), cmp_name);
		while (hit && hit > tab && !strcmp(hit[-1].name, key.name))
			hit--;
		free(key.name);
		if (hit)
			entry_set(e, COL_SITE_TYPE, hit->site);
	}
	for (i = 0; i < ntab; i++)
		free(tab[i].name);
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

/* How many matches of p in text (up to max). */
static int count_matches(struct extractor *ex, enum xpat p, const char *text, size_t len, int max)
{
	size_t start = 0, *ov;
	int n = 0;
	while (n < max && start < len && xpat_match(ex, p, text, len, start, &ov)) {
		n++;
		start = ov[1] > start ? ov[1] : start + 1;
	}
	return n;
}

int extract_document_topic(struct extractor *ex, const struct document *doc, int *doc_synth)
{
	size_t i, k;
	int synth = 0, other = 0;
	for (i = 0; i < doc->nblocks && !synth; i++) {
		const struct block *b = &doc->blocks[i];
		/* the reference list cites other work: its titles say nothing of this paper */
		if (b->kind == BLOCK_REFERENCE)
			continue;
		synth = count_matches(ex, XP_SYNTH, b->text, b->len, 1);
		if (other < 2)
			other += count_matches(ex, XP_NOT_SYNTH, b->text, b->len, 2 - other);
		for (k = 0; b->table && k < b->table->ncells && !synth; k++) {
			const char *c = b->table->cells[k].text;
			synth = count_matches(ex, XP_SYNTH, c, strlen(c), 1);
			if (other < 2)
				other += count_matches(ex, XP_NOT_SYNTH, c, strlen(c), 2 - other);
		}
	}
	*doc_synth = synth;
	/* another reaction named again and again, and never the synthesis of NH3 */
	return synth || other < 2;
}

size_t extractor_run(struct extractor *ex, const struct document *doc, struct entry_set *set)
{
	size_t i, first = set->n;
	/* a document about another reaction gives nothing */
	if (!extract_document_topic(ex, doc, &ex->doc_synth))
		return 0;
	/* conditions the methods state once fill results that state none */
	extract_method_conditions(ex, doc, ex->method_cond);
	extract_find_aliases(ex, doc);
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
