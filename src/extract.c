/*
 * extract.c: the extractor object (compiled patterns, reused buffers) and
 * the driver over a document's blocks: what the document is about, then
 * prose (extract_text.c) and tables (extract_table.c), then site types
 * shared from tables to prose and the ids.  The driver calls down into its
 * parts and their shared helpers (extract_core.c); none calls back.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract_core.h"
#include "extract_table.h"
#include "extract_text.h"

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
	 * enzymes; and an electrode's quantities: a rate per area, a current
	 * density, a potential vs. a reference.  Grouped by first letter: the
	 * matcher tries a dozen branches at each byte, not thirty.
	 */
	[XP_NOT_SYNTH] = "(?i)ammonia oxidation|"
	"c(?:racking|orrosion|urrent densit|o2 (?:hydrogenation|reduction|methanation))|"
	"d(?:ecomposition|ehydrogenation)|electr(?:o(?:chemical|catalytic|synthesis|reduction)|ic field)|"
	"\\benzym|f(?:aradaic|ischer)|growth rate|m(?:ethanation|ol cm\\^?-2)|\\bmA ?cm|"
	"n(?:h3 oxidation|itrogen(?: reduction reaction|ase))|\\bNRR\\b|overpotential|"
	"p(?:hoto(?:cataly(?:tic|sis)|chemical|-driven|electro)|lasma)|"
	"\\bvs\\.? ?(?:RHE|SCE|Ag/AgCl|NHE)\\b",
	[XP_SYNTH] = "(?i:(?:ammonia|NH(?: ?3|\u2083|<sub>3</sub>|_\\{?3\\}?)) ?(?:synthesis|formation|"
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
	[XP_COND_BOUND] = "(?i)(?:\\b(?:below|less than|lower than|more than|greater than|higher than|above|"
	"at most|at least|exceeding)|<|>|<=|>=) ?(?:~ ?)?\\z",
	[XP_NH3_WORD] = "(?i)\\bNH ?3\\b|NH\u2083|ammonia",
	/* counted only in a document that never names ammonia: NH3 catalysts sinter too */
	[XP_MATERIALS] = "(?i)\\bsinter|\\bdiffusion coefficient|\\bcreep\\b|grain growth|densification",
	/* an active metal in words and what it is made into (metal_words in extract_text.c) */
	[XP_WORD_CAT] = "(?i)\\b(?<metal>ruthenium|cobalt|iron|nickel|molybdenum|rhodium|osmium|rhenium|"
	"platinum|palladium|iridium)(?: metal)? (?:single[- ]crystal|catalyst|nanoparticles|particles|"
	"nanoclusters|clusters|powder|black|sponge|foil|film|wire)\\b",
	/* a particle's size, not a pore's or a film's: its words come before the value */
	[XP_SIZE_CTX] = "(?i)\\b(?:(?:particle|cluster|crystallite|grain)s? (?:size|diameter)|"
	"(?:mean|average) (?:size|diameter)|"
	"sizes? of (?:the )?(?:[A-Za-z0-9/@-]+ ){0,3}(?:nano)?(?:particles|clusters|crystallites)|"
	"(?:nano)?(?:particles|clusters|crystallites) (?:of|with) (?:an? )?(?:(?:mean|average) )?(?:(?:size|diameter) )?(?:of )?(?:about |around |ca\\. |~ ?)?\\z)",
	[XP_SIZE_WORD] = "(?i)size|diameter|particles|clusters|crystallites",
	[XP_KIND_CAT] = "(?i)\\b(?:the|this|our) (?:single[- ]atom|SAC|(?:nano)?cluster|nanoparticle|NP) "
	"(?:catalyst|sample)\\b|\\bthe (?:SACs?|(?:nano)?clusters|nanoparticles|NPs)\\b(?! of)",
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
	free(ex->loads);
	free(ex->cat_memo);
	free(ex->seen);
	free(ex);
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

/* Fill site types of prose rows from table rows naming the same catalyst. */
static void share_site_types(struct entry_set *set, size_t first)
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

/* How many matches of p in text, a block's or a cell's (up to max). */
static int count_matches(struct extractor *ex, enum xpat p, const char *text, size_t len, int max)
{
	size_t start = 0, *ov;
	int n = 0;
	while (n < max && start < len && xpat_match_doc(ex, p, text, len, start, &ov)) {
		n++;
		start = ov[1] > start ? ov[1] : start + 1;
	}
	return n;
}

/*
 * What a document is about, from its words: 0 when it names another
 * reaction or process (NH3 decomposition, electrocatalysis, corrosion ...;
 * sintering when it never names ammonia) again and again and never the
 * synthesis of NH3, else 1; doc_synth says
 * whether it names the synthesis.
 */
static int document_topic(struct extractor *ex, const struct document *doc, int *doc_synth /* OUT */)
{
	size_t i, k;
	int synth = 0, other = 0, nh3 = 0;
	for (i = 0; i < doc->nblocks && !synth; i++) {
		const struct block *b = &doc->blocks[i];
		/* the reference list cites other work: its titles say nothing of this paper */
		if (b->kind == BLOCK_REFERENCE)
			continue;
		synth = count_matches(ex, XP_SYNTH, b->text, b->len, 1);
		if (!nh3)
			nh3 = synth || count_matches(ex, XP_NH3_WORD, b->text, b->len, 1);
		if (other < 2)
			other += count_matches(ex, XP_NOT_SYNTH, b->text, b->len, 2 - other);
		for (k = 0; b->table && k < b->table->ncells && !synth; k++) {
			const char *c = b->table->cells[k].text;
			synth = count_matches(ex, XP_SYNTH, c, strlen(c), 1);
			if (!nh3)
				nh3 = synth || count_matches(ex, XP_NH3_WORD, c, strlen(c), 1);
			if (other < 2)
				other += count_matches(ex, XP_NOT_SYNTH, c, strlen(c), 2 - other);
		}
	}
	*doc_synth = synth;
	/*
	 * A document that never names ammonia and names a process of materials
	 * again and again is about that process (the activation energy of
	 * sintering); one that names another reaction again and again, and
	 * never the synthesis of NH3, is about that reaction.
	 */
	for (i = 0; i < doc->nblocks && !nh3 && other < 2; i++)
		if (doc->blocks[i].kind != BLOCK_REFERENCE)
			other += count_matches(ex, XP_MATERIALS, doc->blocks[i].text, doc->blocks[i].len,
					       2 - other);
	return synth || other < 2;
}

/* Every block's and cell's text of doc is valid UTF-8 (for xpat_match_doc). */
static int document_utf8(const struct document *doc)
{
	size_t i, k;
	for (i = 0; i < doc->nblocks; i++) {
		const struct block *b = &doc->blocks[i];
		if (utf8_validate(b->text, b->len) != b->len)
			return 0;
		for (k = 0; b->table && k < b->table->ncells; k++) {
			const char *c = b->table->cells[k].text;
			size_t n = strlen(c);
			if (utf8_validate(c, n) != n)
				return 0;
		}
	}
	return 1;
}

size_t extractor_run(struct extractor *ex, const struct document *doc, struct entry_set *set)
{
	size_t i, first = set->n;
	ex->doc_utf8 = document_utf8(doc);
	/* a document about another reaction gives nothing */
	if (!document_topic(ex, doc, &ex->doc_synth))
		return 0;
	/* conditions the methods state once fill results that state none */
	extract_method_conditions(ex, doc, ex->method_cond);
	extract_find_aliases(ex, doc);
	ex->nloads = 0;
	ex->nseen = 0;
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
	share_site_types(set, first);
	extract_fill_stated(ex, set, first);
	/* ids count from 1 in each document, in document order */
	for (i = first; i < set->n; i++) {
		struct buf id = BUF_INIT;
		buf_printf(&id, "%s:%zu", doc->key, i - first + 1);
		entry_set(&set->v[i], COL_ID, buf_str(&id));
		buf_release(&id);
	}
	return set->n - first;
}
