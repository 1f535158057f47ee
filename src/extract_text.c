/*
 * extract_text.c: entries from prose (paragraphs and captions).
 *
 * A block is normalized (normalize.h), split into sentences, and scanned
 * for catalyst mentions (XP_MENTION), quantities (qty_scan) and citation
 * markers (cite_scan).  Each result value (rate, rate per metal, TOF, Ea)
 * goes to the catalyst named nearest before it in its sentence (else the
 * first one after it, else the one the sentence before ended with), takes
 * the conditions of its sentence (nearest, or paired by position with
 * "respectively"; else those of the sentence before) and the citation
 * that closes its statement.  Results of one catalyst under one set of
 * conditions in one sentence make one entry.
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chem.h"
#include "cite.h"
#include "extract_core.h"
#include "extract_qty.h"
#include "extract_text.h"
#include "sentence.h"
#include "util.h"

/* --- sentences ----------------------------------------------------------------- */

/* --- prose extraction ------------------------------------------------------------- */

struct qty {
	struct quantity q;
	int result;          /* a rate, TOF or Ea the entry reports */
	size_t sentence;
};

/*
 * A paragraph being read.  Mentions, quantities and citations are sorted
 * by position; *_lo[s] .. *_lo[s+1] are the ones of sentence s, so that
 * every lookup stays inside a sentence (or a few items around a value):
 * the work is linear in the text, whatever its shape.
 */
struct para {
	const char *t;
	size_t len;
	struct span *sent;
	size_t nsent;
	struct mention *men;
	size_t nmen, amen;
	struct qty *qs;
	size_t nq, aq;
	struct cite_mark *cites;
	size_t ncites;
	size_t *men_lo, *q_lo, *cite_lo;
	size_t one_name;   /* mentions [0, one_name) all name the same catalyst */
};

/* How far lookups reach: items around a value, and bytes back for context words. */
#define NEAR_ITEMS 24
#define CTX_BYTES 400

/* One pending entry: a catalyst under one set of conditions in one sentence. */
struct pending {
	const struct mention *m;
	double cond[ENTRY_NCONDITIONS];  /* by condition column (entry.h): T, P, WHSV; NAN: unknown */
	double res[ENTRY_NRESULTS];      /* by result column: rates, TOF, Ea, outlet NH3; NAN: none */
	char rate_metal[4];
	char loading[32];
	char ref[64];
	size_t pos, pos_end; /* first result, for the locator and the evidence */
	size_t sent;
	int computed;
};

/*
 * "Ru/CeO2-r, -c, and -o": siblings named by their suffix alone, after a
 * mention whose name ends in "-r".  Adds them; returns where scanning goes on.
 */
static size_t sibling_mentions(struct extractor *ex, struct para *p, size_t mi, size_t end)
{
	const char *name = p->men[mi].ci.name, *dash = strrchr(name, '-');
	size_t base;
	if (!dash || strlen(dash + 1) > 3 || !dash[1])
		return end;
	base = (size_t)(dash - name);
	for (;;) {
		size_t q = end, s0, k;
		struct mention m;
		char full[128];
		if (q < p->len && p->t[q] == ',')
			q++;
		if (q < p->len && p->t[q] == ' ')
			q++;
		if (p->len - q > 4 && (!memcmp(p->t + q, "and ", 4)))
			q += 4;
		else if (p->len - q > 3 && !memcmp(p->t + q, "or ", 3))
			q += 3;
		if (q >= p->len || p->t[q] != '-' || q == end)
			return end;
		s0 = q++;
		k = q;
		while (k < p->len && k - q < 4 && (is_lower((unsigned char)p->t[k]) || is_digit((unsigned char)p->t[k])))
			k++;
		if (k == q || k - q > 3 || (k < p->len && (is_upper((unsigned char)p->t[k]) ||
							  is_lower((unsigned char)p->t[k]))))
			return end;
		snprintf(full, sizeof(full), "%.*s-%.*s", (int)base, name, (int)(k - q), p->t + q);
		memset(&m, 0, sizeof(m));
		if (catalyst_lookup(ex, full, strlen(full), &m.ci) < 0)
			return end;
		m.start = s0;
		m.end = k;
		p->men = xgrow(p->men, &p->amen, p->nmen + 1, sizeof(*p->men));
		p->men[p->nmen++] = m;
		name = p->men[mi].ci.name;   /* the array may have moved */
		end = k;
	}
}

/*
 * Is the formula at t[s, e) named as the catalyst: "the catalyst, cubic
 * CaFH", "catalyst (CaFH)", "CaFH catalyst", "CaFH as a catalyst"?
 */
static int named_as_catalyst(const char *t, size_t len, size_t s, size_t e)
{
	size_t b = s, words = 0;
	static const char *const after[] = { " catalyst", " as a catalyst", " as the catalyst", " as catalyst" };
	size_t k;
	for (k = 0; k < ARRAY_SIZE(after); k++)
		if (len - e >= strlen(after[k]) && !memcmp(t + e, after[k], strlen(after[k])))
			return 1;
	/* back over a few lower-case words ("cubic", "the"), then ", " "(" ": " or " " */
	while (b > 0 && words < 3) {
		size_t w = b;
		if (t[w - 1] == ' ' || t[w - 1] == '(')
			w--;
		if (w > 0 && (t[w - 1] == ',' || t[w - 1] == ':'))
			w--;
		if (w >= 8 && !memcmp(t + w - 8, "catalyst", 8))
			return 1;
		if (w == b)
			return 0;
		b = w;
		while (b > 0 && is_lower((unsigned char)t[b - 1]))
			b--;
		if (b == w || (b > 0 && t[b - 1] != ' '))
			return 0;
		words++;
	}
	return 0;
}

/* After a name ending at e: " = 1", "=0.5", " ratio" make it a ratio. */
static int is_ratio(const char *t, size_t len, size_t e)
{
	size_t k = e;
	if (k < len && t[k] == ' ')
		k++;
	if (k < len && t[k] == '=') {
		k++;
		if (k < len && t[k] == ' ')
			k++;
		return k < len && is_digit((unsigned char)t[k]);
	}
	return len - k >= 5 && !memcmp(t + k, "ratio", 5);
}

/*
 * A promoter written as a symbol with an optional amount, "Cs", "2Cs",
 * "1.5Ba", ending at t[b] and starting the word: its length (its symbol
 * in sym), or 0.  A promoter is a metal that is not itself an active one.
 */
static size_t promoter_before(const char *t, size_t b, char sym[3])
{
	size_t len = b >= 2 && is_upper((unsigned char)t[b - 2]) && is_lower((unsigned char)t[b - 1]) ? 2 :
		     b >= 1 && is_upper((unsigned char)t[b - 1]) ? 1 : 0;
	size_t a;
	if (!len || !chem_is_metal(t + b - len, len) || chem_is_active(t + b - len, len))
		return 0;
	memcpy(sym, t + b - len, len);
	sym[len] = '\0';
	a = b - len;
	while (a > 0 && (is_digit((unsigned char)t[a - 1]) || t[a - 1] == '.'))
		a--;
	if (a > 0 && !(t[a - 1] == ' ' || t[a - 1] == '('))
		return 0;
	return b - a;
}

/* Add promoter sym to ci's promoters. */
static void add_promoter(struct catinfo *ci, const char *sym)
{
	size_t pl = strlen(ci->promoter);
	if (!strstr(ci->promoter, sym))
		snprintf(ci->promoter + pl, sizeof(ci->promoter) - pl, "%s%s", pl ? ";" : "", sym);
}

/*
 * "1Ba-4 wt% Ru/Ba5Nb4O15": a promoter glued before the loading that
 * starts the name (at ls, the name at s): named "1Ba-Ru/Ba5Nb4O15", the
 * loading kept apart.  Returns where the mention starts.
 */
static size_t promoter_prefix(const char *t, size_t ls, size_t s, struct catinfo *ci)
{
	char sym[3], name[sizeof(ci->name)];
	size_t n;
	if (ls >= s || ls < 2 || t[ls - 1] != '-' || !(n = promoter_before(t, ls - 1, sym)))
		return s;
	if ((size_t)snprintf(name, sizeof(name), "%.*s%s", (int)(n + 1), t + ls - 1 - n, ci->name) >= sizeof(name))
		return s;
	memcpy(ci->name, name, sizeof(name));
	add_promoter(ci, sym);
	return ls - 1 - n;
}

/*
 * "2Cs- and 1Ba-4 wt% Ru/Ba5Nb4O15", "K-, Cs- and Ba-promoted Ru/MgO":
 * promoters whose hyphen is suspended name catalysts that differ from
 * mention mi only in that prefix.  Adds them before it.
 */
static void suspended_siblings(struct para *p, size_t mi)
{
	for (;;) {
		const struct mention *m = &p->men[mi];
		const char *dash = strchr(m->ci.name, '-');
		size_t b = m->start, tl, k, n;
		char sym[3], msym[3];
		struct mention sib;
		if (!dash || !promoter_before(m->ci.name, (size_t)(dash - m->ci.name), msym))
			return;
		/* " and ", " or ", ", " (", and ") between the sibling's hyphen and the mention */
		if (b >= 5 && !memcmp(p->t + b - 5, " and ", 5))
			b -= 5;
		else if (b >= 4 && !memcmp(p->t + b - 4, " or ", 4))
			b -= 4;
		else if (b >= 2 && !memcmp(p->t + b - 2, ", ", 2))
			b -= 2;
		else
			return;
		if (b >= 1 && p->t[b - 1] == ',')
			b--;
		if (b < 2 || p->t[b - 1] != '-' || !(tl = promoter_before(p->t, b - 1, sym)))
			return;
		if (mi > 0 && p->men[mi - 1].end > b - 1 - tl)
			return;
		memset(&sib, 0, sizeof(sib));
		sib.ci = m->ci;
		n = (size_t)snprintf(sib.ci.name, sizeof(sib.ci.name), "%.*s%s", (int)tl, p->t + b - 1 - tl, dash);
		if (n >= sizeof(sib.ci.name))
			return;
		if (!strcmp(sib.ci.promoter, msym))
			snprintf(sib.ci.promoter, sizeof(sib.ci.promoter), "%s", sym);
		else
			add_promoter(&sib.ci, sym);
		sib.start = b - 1 - tl;
		sib.end = b;
		p->men = xgrow(p->men, &p->amen, p->nmen + 1, sizeof(*p->men));
		for (k = p->nmen; k > mi; k--)
			p->men[k] = p->men[k - 1];
		p->men[mi] = sib;
		p->nmen++;
	}
}

/*
 * "Cs-promoted Ru/MgO", "K-doped Co/CeO2": the promoter written as a word
 * before the name belongs to the catalyst.  Extends the name (and the
 * promoter); returns where the mention starts.
 */
static size_t promoted_prefix(const char *t, size_t s, struct catinfo *ci)
{
	static const char *const words[] = { "-promoted ", "-doped ", "-modified " };
	size_t k, b, n, len;
	char sym[3], name[sizeof(ci->name)];
	for (k = 0; k < ARRAY_SIZE(words); k++) {
		n = strlen(words[k]);
		if (s < n + 1 || memcmp(t + s - n, words[k], n))
			continue;
		b = s - n;
		if (!(len = promoter_before(t, b, sym)))
			return s;
		if ((size_t)snprintf(name, sizeof(name), "%.*s%s", (int)(s - (b - len)), t + b - len,
				     ci->name) >= sizeof(name))
			return s;
		memcpy(ci->name, name, sizeof(name));
		add_promoter(ci, sym);
		return b - len;
	}
	return s;
}

/*
 * A loading written before a catalyst's name, "2.5 wt% Ru/MgO", "2.5 %
 * Ru/MgO", "5%Ru/C" (the name may hold it or follow it): moved out of the
 * name into ci->loading when the name has one active metal.
 */
static size_t loading_prefix(const char *t, size_t s, struct catinfo *ci)
{
	char *n = ci->name, *q = n;
	const char *b;
	size_t k;
	char sym[3];
	if (strchr(ci->metals, ';') || !ci->metals[0])
		return s;
	/* inside the name: "5%Ru/C", "2.5% Ru/C" */
	while (is_digit((unsigned char)*q) || *q == '.')
		q++;
	if (q > n && *q == '%') {
		snprintf(ci->loading, sizeof(ci->loading), "%.*s", (int)(q - n), n);
		q++;
		while (*q == ' ')
			q++;
		memmove(n, q, strlen(q) + 1);
		return s;
	}
	/* before it: "2.5 wt% ", "2.5 wt.% ", "2.5 % ", "2.5wt% " */
	b = t + s;
	k = 0;
	while (b > t && b[-1] == ' ' && k++ < 2)
		b--;
	if (b > t && b[-1] == '%') {
		const char *d;
		b--;
		while (b > t && b[-1] == ' ')
			b--;
		if (b - t >= 3 && !memcmp(b - 3, "wt.", 3))
			b -= 3;
		else if (b - t >= 2 && !memcmp(b - 2, "wt", 2))
			b -= 2;
		while (b > t && b[-1] == ' ')
			b--;
		d = b;
		while (d > t && (is_digit((unsigned char)d[-1]) || d[-1] == '.'))
			d--;
		/* after a blank, a bracket, or a promoter's "1Ba-" */
		if (d < b && is_digit((unsigned char)*d) &&
		    (d == t || d[-1] == ' ' || d[-1] == '(' ||
		     (d[-1] == '-' && promoter_before(t, (size_t)(d - t) - 1, sym)))) {
			snprintf(ci->loading, sizeof(ci->loading), "%.*s", (int)(b - d), d);
			return (size_t)(d - t);
		}
	}
	return s;
}

static void find_mentions(struct extractor *ex, struct para *p);
static void stated(struct extractor *ex, int col, const char *name, const char *value);
static void word_mentions(struct extractor *ex, struct para *p);

static int is_alnum_c(int c)
{
	return is_digit(c) || is_upper(c) || is_lower(c);
}

static int cmp_mention(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* The names the document defined (extract_find_aliases), where the text uses them. */
static void alias_mentions(struct extractor *ex, struct para *p)
{
	size_t k, before = p->nmen;
	for (k = 0; k < ex->nalias; k++) {
		const char *name = ex->alias[k].name;
		size_t n = strlen(name), at = 0;
		const char *hit;
		while (n && at < p->len && (hit = memmem(p->t + at, p->len - at, name, n)) != NULL) {
			size_t s = (size_t)(hit - p->t), e = s + n, j;
			int clash = 0;
			at = e;
			if ((s > 0 && (is_alnum_c((unsigned char)p->t[s - 1]) || strchr("/@-_.", p->t[s - 1]))) ||
			    (e < p->len && (is_alnum_c((unsigned char)p->t[e]) || p->t[e] == '/' || p->t[e] == '@' ||
					    (p->t[e] == '-' && e + 1 < p->len && is_alnum_c((unsigned char)p->t[e + 1])))))
				continue;
			for (j = 0; j < before && !clash; j++)
				clash = p->men[j].start < e && s < p->men[j].end;
			if (clash)
				continue;
			p->men = xgrow(p->men, &p->amen, p->nmen + 1, sizeof(*p->men));
			p->men[p->nmen].start = s;
			p->men[p->nmen].end = e;
			p->men[p->nmen++].ci = ex->alias[k];
		}
	}
	if (p->nmen > before)
		qsort(p->men, p->nmen, sizeof(*p->men), cmp_mention);
}

/* Active metals named as words, for a name defined after a description. */
static const struct { const char *word, *sym; } metal_words[] = {
	{ "ruthenium", "Ru" }, { "cobalt", "Co" }, { "iron", "Fe" }, { "nickel", "Ni" },
	{ "molybdenum", "Mo" }, { "rhodium", "Rh" }, { "osmium", "Os" }, { "rhenium", "Re" },
	{ "platinum", "Pt" }, { "palladium", "Pd" }, { "iridium", "Ir" },
};

/*
 * One name defined in window [0, len) of canonical text, by the last
 * XP_ALIAS match in it: appended to ex->alias when the catalyst (or the
 * metal) named before it says what it is.
 */
static void alias_in_window(struct extractor *ex, struct para *p)
{
	size_t start = 0, *ov, as = 0, ae = 0, at = 0, k, from;
	const struct mention *m = NULL;
	struct catinfo ci;
	while (start < p->len && xpat_match(ex, XP_ALIAS, p->t, p->len, start, &ov)) {
		at = ov[0];
		as = ov[2];
		ae = ov[3];
		start = ov[1];
	}
	if (ae - as < 2 || ae - as >= sizeof(ci.name))
		return;
	/* a defined name has a capital or a digit ("RC-700", "RM"), not a plain word */
	for (k = as; k < ae && !is_upper((unsigned char)p->t[k]) && !is_digit((unsigned char)p->t[k]); k++)
		;
	if (k == ae)
		return;
	from = at > 240 ? at - 240 : 0;
	find_mentions(ex, p);
	/* the catalyst named last before the definition, close to it */
	for (k = 0; k < p->nmen; k++)
		if (p->men[k].end <= at && p->men[k].start >= from)
			m = &p->men[k];
	memset(&ci, 0, sizeof(ci));
	if (m) {
		ci = m->ci;
	} else {
		/* "ruthenium supported on carbon ..., denoted RC-700" */
		for (k = 0; k < ARRAY_SIZE(metal_words) && !ci.metals[0]; k++) {
			const char *w = metal_words[k].word;
			size_t wl = strlen(w), i;
			for (i = from; i + wl <= at; i++)
				if (!strncasecmp(p->t + i, w, wl)) {
					snprintf(ci.metals, sizeof(ci.metals), "%s", metal_words[k].sym);
					break;
				}
		}
		if (!ci.metals[0])
			return;
	}
	snprintf(ci.name, sizeof(ci.name), "%.*s", (int)(ae - as), p->t + as);
	ex->alias = xgrow(ex->alias, &ex->aalias, ex->nalias + 1, sizeof(*ex->alias));
	ex->alias[ex->nalias++] = ci;
}

/* Words that define a name; the pattern XP_ALIAS is tried only where one stands. */
static const char *const define_stems[] = {
	"denot", "designat", "label", "abbreviat", "referred", "termed", "hereafter"
};

void extract_find_aliases(struct extractor *ex, const struct document *doc)
{
	size_t bi, *ov, k;
	ex->nalias = 0;
	for (bi = 0; bi < doc->nblocks; bi++) {
		const struct block *b = &doc->blocks[bi];
		if (b->kind != BLOCK_PARAGRAPH && b->kind != BLOCK_CAPTION)
			continue;
		for (k = 0; k < ARRAY_SIZE(define_stems) && ex->nalias < 64; k++) {
			size_t at = 0, sl = strlen(define_stems[k]);
			const char *hit;
			while (at < b->len && ex->nalias < 64 &&
			       (hit = memmem(b->text + at, b->len - at, define_stems[k], sl)) != NULL) {
				size_t pos = (size_t)(hit - b->text), from = pos ? pos - 1 : 0;
				size_t end = b->len - pos > 120 ? pos + 120 : b->len;
				at = pos + sl;
				/* each definition is read in a window of the text before it: the cost stays local */
				if (xpat_match(ex, XP_ALIAS, b->text, end, from, &ov) && ov[0] <= pos) {
					size_t ws = ov[0] > 300 ? ov[0] - 300 : 0, we = ov[1];
					struct para p;
					while (ws > 0 && ((unsigned char)b->text[ws] & 0xC0) == 0x80)
						ws++;
					extract_normalize(ex, b->text + ws, we - ws);
					memset(&p, 0, sizeof(p));
					p.t = ex->nt.text;
					p.len = ex->nt.len;
					alias_in_window(ex, &p);
					free(p.men);
				}
			}
		}
	}
}

/* A subscript count at k: " 2", " 2.9" (two digits at most before a point); its end, or 0. */
static size_t count_at(const char *t, size_t len, size_t k)
{
	size_t d = k + 1, n = 0;
	if (k + 1 >= len || t[k] != ' ' || !is_digit((unsigned char)t[d]))
		return 0;
	while (d < len && is_digit((unsigned char)t[d]) && n < 3)
		d++, n++;
	if (n > 2)
		return 0;
	if (d + 1 < len && t[d] == '.' && is_digit((unsigned char)t[d + 1]))
		for (d++; d < len && is_digit((unsigned char)t[d]); d++)
			;
	/* a count ends the word: a blank, punctuation or the end */
	if (d < len && !(t[d] == ' ' || t[d] == ',' || t[d] == ';' || t[d] == ')' || t[d] == '.' ||
			 t[d] == '-'))
		return 0;
	return d;
}

/* Element symbols at k ("N", "H", "TiH"): their end, or 0. */
static size_t symbols_at(const char *t, size_t len, size_t k)
{
	size_t d = k;
	while (d < len && is_upper((unsigned char)t[d])) {
		size_t l = d + 1 < len && is_lower((unsigned char)t[d + 1]) ? 2 : 1;
		if (!chem_is_element(t + d, l))
			return 0;
		d += l;
	}
	return d > k && !(d < len && is_alnum_c((unsigned char)t[d])) ? d : 0;
}

/*
 * A formula that PDF spacing broke after the name the pattern read
 * ("Co/BaZrO 2.9 N 0.1", "Ru/Ba(OH) 2", "Ru/BaTiO 2.5 H 0.5 -TiH 2"): the
 * counts and symbols after t[0..e) rejoined into out when they form a
 * formula: a count after a closing bracket, or counts that alternate with
 * element symbols, none of them the value of a quantity ("MgO 2 h" is
 * not MgO2).  Returns the end of the tail, or e when there is none.
 */
static size_t broken_tail(const char *t, size_t len, size_t s, size_t e, char *out, size_t size)
{
	size_t k = e, o = 0, end = e, counts = 0;
	struct quantity q;
	if (e == s || !(is_upper((unsigned char)t[e - 1]) || is_lower((unsigned char)t[e - 1]) || t[e - 1] == ')'))
		return e;
	for (;;) {
		size_t c = count_at(t, len, k), y, h;
		if (!c || units_scan(t, len, k + 1, &q))
			break;
		y = c < len && t[c] == ' ' ? symbols_at(t, len, c + 1) : 0;
		h = c + (c < len && t[c] == ' ');
		/* the first count joins after a bracket, or when symbols and a count follow */
		if (!counts && t[e - 1] != ')' && !(y && count_at(t, len, y)) &&
		    !(h + 1 < len && t[h] == '-' && symbols_at(t, len, h + 1)))
			break;
		if (o + (c - k) + 2 >= size)
			break;
		memcpy(out + o, t + k + 1, c - k - 1);
		o += c - k - 1;
		counts++;
		end = c;
		if (y && count_at(t, len, y)) {
			memcpy(out + o, t + c + 1, y - c - 1);
			o += y - c - 1;
			k = y;
		} else if (h + 1 < len && t[h] == '-' && (y = symbols_at(t, len, h + 1)) != 0 && o + (y - h) + 1 < size) {
			memcpy(out + o, t + h, y - h);
			o += y - h;
			end = k = y;
		} else {
			break;
		}
	}
	out[o] = '\0';
	return counts ? end : e;
}

/*
 * After a metal's name ending at e: " supported on CeO2", " loaded on
 * the MgO", " on CeO2" (one word, a formula: a capital and a digit or a
 * second capital).  Returns the end of the support (its start in *fs), or 0.
 */
static size_t support_after(const char *t, size_t len, size_t e, size_t *fs)
{
	static const char *const verbs[] = { "supported", "loaded", "deposited", "dispersed", "anchored",
					     "immobilized", "immobilised" };
	size_t k = e, j, caps = 0, digits = 0;
	if (k >= len || t[k] != ' ')
		return 0;
	k++;
	for (j = 0; j < ARRAY_SIZE(verbs); j++) {
		size_t n = strlen(verbs[j]);
		if (len - k > n && !memcmp(t + k, verbs[j], n) && t[k + n] == ' ') {
			k += n + 1;
			break;
		}
	}
	if (len - k > 3 && !memcmp(t + k, "on ", 3))
		k += 3;
	else if (len - k > 5 && !memcmp(t + k, "onto ", 5))
		k += 5;
	else
		return 0;
	if (len - k > 4 && !memcmp(t + k, "the ", 4))
		k += 4;
	*fs = k;
	if (k >= len || !is_upper((unsigned char)t[k]))
		return 0;
	while (k < len && (is_alnum_c((unsigned char)t[k]) || t[k] == '-' || t[k] == '(' || t[k] == ')' ||
			   (t[k] == '.' && k + 1 < len && is_digit((unsigned char)t[k + 1])))) {
		caps += is_upper((unsigned char)t[k]);
		digits += is_digit((unsigned char)t[k]);
		k++;
	}
	while (k > *fs && (t[k - 1] == '-' || t[k - 1] == '('))
		k--;
	if (k < len && (is_lower((unsigned char)t[k]) || t[k] == '/' || t[k] == '@'))
		return 0;
	return caps >= 2 || (caps && digits) ? k : 0;
}

/*
 * "Ru/CeO2 (SAC)", "Co/C (NPs)": the kind of catalyst written in brackets
 * after a name that states none itself; 1 when m took it.
 */
static int bracket_kind(const struct para *p, struct mention *m)
{
	size_t k = m->end, ws = k + 2;
	char word[24];
	enum site_type t;
	const char *name;
	if (m->ci.site[0] || ws >= p->len || p->t[k] != ' ' || p->t[k + 1] != '(')
		return 0;
	for (k = ws; k < p->len && is_alpha((unsigned char)p->t[k]) && k - ws < sizeof(word) - 1; k++)
		;
	if (k == ws || k >= p->len || p->t[k] != ')')
		return 0;
	snprintf(word, sizeof(word), "%.*s", (int)(k - ws), p->t + ws);
	t = chem_site_of_label(word);
	if (t == SITE_NONE || t == SITE_BULK)
		return 0;
	name = site_type_name(t);
	snprintf(m->ci.site, sizeof(m->ci.site), "%s", name);
	snprintf(m->ci.marker, sizeof(m->ci.marker), "%s", name);
	return 1;
}

static void find_mentions(struct extractor *ex, struct para *p)
{
	size_t start = 0, *ov;
	while (start < p->len && xpat_match(ex, XP_MENTION, p->t, p->len, start, &ov)) {
		size_t s = ov[0], e = ov[1];
		struct mention m;
		int ok;
		if (e <= s) {
			start = s + 1;
			continue;
		}
		memset(&m, 0, sizeof(m));
		m.start = s;
		m.end = e;
		/* groups: 1 size, 2 formula, 3 descriptor, 4 "single Mo", 5 its element */
		if (ov[2 * 4] != PCRE2_UNSET) {
			size_t es = ov[2 * 5], ee = ov[2 * 5 + 1];
			ok = chem_is_active(p->t + es, ee - es);
			if (ok) {
				snprintf(m.ci.name, sizeof(m.ci.name), "single %.*s", (int)(ee - es), p->t + es);
				snprintf(m.ci.metals, sizeof(m.ci.metals), "%.*s", (int)(ee - es), p->t + es);
				memcpy(m.ci.site, "SAC", 4);
			}
		} else {
			int has_desc = ov[2 * 3] != PCRE2_UNSET;
			const char *f = p->t + ov[2 * 2];
			size_t fl = ov[2 * 2 + 1] - ov[2 * 2], k;
			int formula_like = has_desc;
			char tail[64], joined[160];
			size_t te = has_desc ? e : broken_tail(p->t, p->len, s, e, tail, sizeof(tail));
			if (te > e && e - s + strlen(tail) < sizeof(joined)) {
				/* the pieces rejoined form the name, which covers them */
				memcpy(joined, p->t + s, e - s);
				memcpy(joined + (e - s), tail, strlen(tail) + 1);
				ok = catalyst_lookup(ex, joined, strlen(joined), &m.ci) == 0;
				m.end = e = te;
			} else {
				ok = catalyst_lookup(ex, p->t + s, e - s, &m.ci) == 0;
			}
			/* "Ru supported on CeO2", "Ru clusters on CeO2": Ru/CeO2, Ru clusters/CeO2 */
			if (ok && !memchr(f, '/', fl) && !memchr(f, '@', fl) && !m.ci.support[0]) {
				size_t fs, fe = support_after(p->t, p->len, e, &fs);
				if (fe && (e - s) + 1 + (fe - fs) < sizeof(joined)) {
					snprintf(joined, sizeof(joined), "%.*s/%.*s", (int)(e - s), p->t + s,
						 (int)(fe - fs), p->t + fs);
					if (catalyst_lookup(ex, joined, strlen(joined), &m.ci) == 0) {
						m.end = e = fe;
						formula_like = 1;
					}
				}
			}
			/* a bare symbol ("Co", "Ru") is a metal, not a catalyst */
			for (k = 0; k < fl; k++)
				if (f[k] == '/' || f[k] == '@' || f[k] == '-' || is_digit((unsigned char)f[k]))
					formula_like = 1;
			if (!formula_like) {
				/* two or more element symbols: "CoRu", "RuCo" */
				size_t caps = 0;
				for (k = 0; k < fl; k++)
					if (is_upper((unsigned char)f[k]))
						caps++;
				formula_like = caps >= 2;
			}
			ok = ok && formula_like;
			/* a compound named as the catalyst ("catalyst, cubic CaFH"), no metal needed */
			if (!ok && m.ci.bulk && formula_like && named_as_catalyst(p->t, p->len, s, e))
				ok = 1;
		}
		/* "Cs/Ru = 1", "Ru/Co ratio": a ratio of two elements, not a catalyst */
		if (ok && is_ratio(p->t, p->len, e))
			ok = 0;
		if (ok) {
			size_t ls = loading_prefix(p->t, s, &m.ci);
			m.start = promoted_prefix(p->t, s, &m.ci);
			if (m.start == s)
				m.start = promoter_prefix(p->t, ls, s, &m.ci);
		}
		if (ok && bracket_kind(p, &m))
			stated(ex, COL_SITE_TYPE, m.ci.name, m.ci.site);
		if (ok) {
			p->men = xgrow(p->men, &p->amen, p->nmen + 1, sizeof(*p->men));
			p->men[p->nmen++] = m;
			suspended_siblings(p, p->nmen - 1);
			e = sibling_mentions(ex, p, p->nmen - 1, e);
		}
		start = e;
	}
	alias_mentions(ex, p);
	/* words name the catalysts of a paragraph that names none by formula */
	if (!p->nmen)
		word_mentions(ex, p);
}

/*
 * Catalysts named in words, "a ruthenium single crystal", "cobalt
 * nanoparticles" (XP_WORD_CAT), in a paragraph that names none by
 * formula: named as written, with the metal the word names.
 */
static void word_mentions(struct extractor *ex, struct para *p)
{
	size_t start = 0, *ov, before = p->nmen, j, k;
	while (start < p->len && xpat_match(ex, XP_WORD_CAT, p->t, p->len, start, &ov)) {
		size_t s = ov[0], e = ov[1], ms = ov[2], ml = ov[3] - ov[2];
		struct mention m;
		char probe[64];
		int clash = 0;
		start = e;
		for (j = 0; j < before && !clash; j++)
			clash = p->men[j].start < e && s < p->men[j].end;
		if (clash || e - s >= sizeof(m.ci.name))
			continue;
		for (k = 0; k < ARRAY_SIZE(metal_words); k++)
			if (strlen(metal_words[k].word) == ml && !strncasecmp(p->t + ms, metal_words[k].word, ml))
				break;
		if (k == ARRAY_SIZE(metal_words))
			continue;
		/* what the words say (metal, site type), as the symbol would */
		snprintf(probe, sizeof(probe), "%s%.*s", metal_words[k].sym, (int)(e - ms - ml), p->t + ms + ml);
		memset(&m, 0, sizeof(m));
		if (catalyst_lookup(ex, probe, strlen(probe), &m.ci) < 0)
			continue;
		snprintf(m.ci.name, sizeof(m.ci.name), "%.*s", (int)(e - s), p->t + s);
		m.start = s;
		m.end = e;
		p->men = xgrow(p->men, &p->amen, p->nmen + 1, sizeof(*p->men));
		p->men[p->nmen++] = m;
	}
	if (p->nmen > before)
		qsort(p->men, p->nmen, sizeof(*p->men), cmp_mention);
}

size_t extract_mentions(struct extractor *ex, const char *text, size_t len,
			struct span *spans, struct catinfo *infos, size_t max)
{
	struct para p;
	size_t i, n;
	memset(&p, 0, sizeof(p));
	p.t = text;
	p.len = len;
	find_mentions(ex, &p);
	n = p.nmen;
	for (i = 0; i < n && i < max; i++) {
		spans[i].start = p.men[i].start;
		spans[i].end = p.men[i].end;
		infos[i] = p.men[i].ci;
	}
	free(p.men);
	return n;
}

static int word_boundary_before(const char *t, size_t i)
{
	unsigned char c;
	if (i == 0)
		return 1;
	c = (unsigned char)t[i - 1];
	return !(is_digit(c) || is_upper(c) || is_lower(c) || c == '.' || c == '_' || c == '^' ||
		 c == '-' || c == ':' || c == ',');
}

/* Is pattern pat found in sentence s in the bytes just before pos? */
static int ctx_before(struct extractor *ex, const struct para *p, enum xpat pat, size_t s,
		      size_t pos)
{
	size_t *ov, from = p->sent[s].start;
	if (pos > from + CTX_BYTES)
		from = pos - CTX_BYTES;
	return xpat_match(ex, pat, p->t, pos, from, &ov);
}

/*
 * The same for a pattern anchored at pos (\z): only the few words just
 * before the value can match, so only they are searched.
 */
#define NEAR_BYTES 80

static int ctx_just_before(struct extractor *ex, const struct para *p, enum xpat pat, size_t s,
			   size_t pos)
{
	size_t *ov, from = p->sent[s].start;
	if (pos > from + NEAR_BYTES)
		from = pos - NEAR_BYTES;
	return xpat_match(ex, pat, p->t, pos, from, &ov);
}

/* The slot of kind k among the columns of role r (entry.h's column table), or -1. */
static int kind_slot(enum col_role r, enum quantity_kind k)
{
	enum entry_col cols[ENTRY_NCOLS];
	size_t n = entry_cols_of_role(r, cols, ENTRY_NCOLS), i;
	int c = entry_col_of_kind(k);
	for (i = 0; i < n; i++)
		if ((int)cols[i] == c)
			return (int)i;
	return -1;
}

static int kind_cond(enum quantity_kind k)
{
	return kind_slot(ROLE_CONDITION, k);
}

static void find_quantities(struct extractor *ex, struct para *p)
{
	size_t i = 0, s = 0;
	while (i < p->len) {
		struct qty q;
		q.q.impossible = NULL;
		if (!is_digit((unsigned char)p->t[i]) || !word_boundary_before(p->t, i) ||
		    !units_scan(p->t, p->len, i, &q.q)) {
			if (q.q.impossible && ex->block) {
				extract_skipped(ex, &q.q);
				i = q.q.end > i ? q.q.end : i + 1;
				continue;
			}
			i++;
			continue;
		}
		while (s + 1 < p->nsent && p->sent[s + 1].start <= i)
			s++;
		q.sentence = s;
		q.result = 0;
		/* "reduced at 500 °C": a treatment of the catalyst, not the reaction's temperature */
		if (q.q.kind == QK_TEMPERATURE && p->nsent && ctx_just_before(ex, p, XP_PRETREAT, s, i))
			q.q.kind = QK_NONE;
		/* "lowered Ea from 120 to 75 kJ mol^-1": the value reached is the catalyst's */
		if (q.q.nvalues == 2 && !q.q.is_range && i >= 5 && !memcmp(p->t + i - 5, "from ", 5) &&
		    (q.q.kind == QK_EA || q.q.kind == QK_RATE_CAT || q.q.kind == QK_RATE_METAL ||
		     q.q.kind == QK_TOF)) {
			q.q.values[0] = q.q.values[1];
			q.q.nvalues = 1;
		}
		switch (q.q.kind) {
		case QK_RATE_CAT:
		case QK_RATE_METAL:
			/* rates of other reactions (NH3 decomposition, electrocatalysis) are not ours */
			q.result = !q.q.is_range && !(p->nsent && ctx_before(ex, p, XP_NOT_SYNTH, s, i));
			break;
		case QK_TOF:
		case QK_GHSV:
			/* a bare h^-1 of thousands is a space velocity, never a TOF (units.h) */
			if (q.q.kind == QK_GHSV && q.q.values[0] >= 1000)
				break;
			if (p->nsent && ctx_before(ex, p, XP_TOF_CTX, s, i) && !q.q.is_range &&
			    !ctx_before(ex, p, XP_NOT_SYNTH, s, i)) {
				if (q.q.kind == QK_GHSV) {
					size_t k;
					for (k = 0; k < q.q.nvalues; k++)
						q.q.values[k] /= 3600;
					q.q.kind = QK_TOF;
				}
				q.result = 1;
			}
			break;
		case QK_EA:
			q.result = p->nsent && ctx_before(ex, p, XP_EA_CTX, s, i) && !q.q.is_range &&
				   !ctx_before(ex, p, XP_NOT_SYNTH, s, i);
			break;
		case QK_OUTLET:
			/*
			 * vol %, or a % the words before call the NH3 concentration
			 * (units_scan); the sentence must be about NH3 ("CH4 in the
			 * effluent remained below 5 ppm" is not)
			 */
			q.result = !q.q.is_range && p->nsent && ctx_before(ex, p, XP_NH3_WORD, s, i);
			break;
		default:
			break;
		}
		/* "below 5 ppm", "less than 0.1 s^-1": a bound is no reported value */
		if (q.result && ctx_just_before(ex, p, XP_BOUND, s, i))
			q.result = 0;
		/* "no NH3 below 350 °C": nor a bound a condition ("under 1 MPa" is one) */
		if (kind_cond(q.q.kind) >= 0 && p->nsent && ctx_just_before(ex, p, XP_COND_BOUND, s, i))
			q.q.kind = QK_NONE;
		p->qs = xgrow(p->qs, &p->aq, p->nq + 1, sizeof(*p->qs));
		p->qs[p->nq++] = q;
		i = q.q.end > i ? q.q.end : i + 1;
	}
}

/* lo[s]: the first of n items (positions by get) at or after sentence s's start. */
static size_t *sentence_ranges(const struct para *p, size_t n,
			       size_t (*get)(const struct para *, size_t))
{
	size_t *lo = xmalloc((p->nsent + 1) * sizeof(size_t));
	size_t s, i = 0;
	for (s = 0; s < p->nsent; s++) {
		while (i < n && get(p, i) < p->sent[s].start)
			i++;
		lo[s] = s == 0 ? 0 : i;
	}
	lo[p->nsent] = n;
	return lo;
}

static size_t men_pos(const struct para *p, size_t i)
{
	return p->men[i].start;
}

static size_t q_pos(const struct para *p, size_t i)
{
	return p->qs[i].q.start;
}

static size_t cite_pos(const struct para *p, size_t i)
{
	return p->cites[i].start;
}

/* First index in [lo, hi) whose position is >= pos. */
static size_t lower_bound(const struct para *p, size_t lo, size_t hi, size_t pos,
			  size_t (*get)(const struct para *, size_t))
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (get(p, mid) < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The condition of slot c (0 T, 1 P, 2 WHSV) for value vi of result qi:
 * a list of as many values after it pairs by position ("1.1 and 10.3 ...
 * at 150 °C and 190 °C"), else the nearest in its sentence.
 */
static double pick_condition(const struct para *p, size_t qi, size_t vi, int c)
{
	const struct qty *r = &p->qs[qi];
	size_t s = r->sentence, lo = p->q_lo[s], hi = p->q_lo[s + 1], i;
	size_t best = (size_t)-1, bestd = (size_t)-1;
	double flat[QTY_MAX_VALUES], before[QTY_MAX_VALUES];
	size_t nflat = 0, nbefore = 0;
	if (qi > lo + NEAR_ITEMS)
		lo = qi - NEAR_ITEMS;
	if (hi > qi + NEAR_ITEMS)
		hi = qi + NEAR_ITEMS;
	for (i = lo; i < hi; i++) {
		const struct qty *q = &p->qs[i];
		size_t d;
		if (kind_cond(q->q.kind) != c || q->q.is_range)
			continue;
		if (i > qi) {
			size_t k;
			for (k = 0; k < q->q.nvalues && nflat < QTY_MAX_VALUES; k++)
				flat[nflat++] = q->q.values[k];
		} else if (q->q.nvalues > 1 || nbefore) {
			/* a list before the values: "at 350 and 400 °C, the rates were ..." */
			size_t k;
			if (q->q.nvalues > 1)
				nbefore = 0;
			for (k = 0; k < q->q.nvalues && nbefore < QTY_MAX_VALUES; k++)
				before[nbefore++] = q->q.values[k];
		} else {
			before[0] = q->q.values[0];
			nbefore = 1;
		}
		d = q->q.start > r->q.start ? q->q.start - r->q.start : r->q.start - q->q.start;
		if (d < bestd) {
			bestd = d;
			best = i;
		}
	}
	if (r->q.nvalues > 1 && nflat == r->q.nvalues)
		return flat[vi];
	if (r->q.nvalues > 1 && nflat == 0 && nbefore == r->q.nvalues)
		return before[vi];
	if (best != (size_t)-1)
		return p->qs[best].q.values[0];
	return NAN;
}

static int sentence_has(const struct para *p, size_t s, const char *word)
{
	const char *a = p->t + p->sent[s].start;
	size_t n = p->sent[s].end - p->sent[s].start, k = strlen(word), i;
	for (i = 0; i + k <= n; i++)
		if (!memcmp(a + i, word, k))
			return 1;
	return 0;
}

static size_t sp_end(const struct para *p, size_t s)
{
	return p->sent[s].end;
}

/*
 * Is mention m the whole of a bracket that opens right after a value
 * ending at end: "0.021 s^-1 (Ru/CeO2)", "72 kJ mol^-1 [Ru/MgO]"?
 */
static int named_in_brackets(const struct para *p, size_t end, const struct mention *m)
{
	size_t k = end;
	char close;
	while (k < m->start && p->t[k] == ' ')
		k++;
	if (k >= m->start || (p->t[k] != '(' && p->t[k] != '['))
		return 0;
	close = p->t[k] == '(' ? ')' : ']';
	for (k++; k < m->start && p->t[k] == ' '; k++)
		;
	if (k != m->start)
		return 0;
	for (k = m->end; k < p->len && p->t[k] == ' '; k++)
		;
	return k < p->len && p->t[k] == close;
}

/* The site type words in [w, we) name ("nanoparticles", "clusters", "single-atom"), or NULL. */
static const char *site_in_words(const char *w, const char *we)
{
	for (; w < we; w++) {
		if (!strncasecmp(w, "nanoparticle", 12) || !strncmp(w, "NPs", 3) || !strncmp(w, "NP ", 3))
			return "NP";
		if (!strncasecmp(w, "cluster", 7))
			return "SCC";
		if (!strncasecmp(w, "single-atom", 11) || !strncasecmp(w, "single atom", 11) ||
		    !strncmp(w, "SAC", 3))
			return "SAC";
	}
	return NULL;
}

/*
 * The one catalyst among mentions v[0..n) whose name marks site type site
 * (by words, or by notation: Fe1 a single atom); NULL for none, and for
 * two names (*two set).
 */
static const struct mention *only_marked(const struct mention *v, size_t n, const char *site, int *two)
{
	const struct mention *only = NULL;
	size_t k;
	*two = 0;
	for (k = 0; site && k < n; k++) {
		if (strcmp(v[k].ci.marker, site))
			continue;
		if (only && strcmp(only->ci.name, v[k].ci.name)) {
			*two = 1;
			return NULL;
		}
		only = &v[k];
	}
	return only;
}

/*
 * The same among the first n mentions of paragraph p; when it names none
 * of that kind, among the names of the document's earlier paragraphs.
 */
static const struct mention *only_of_site(const struct extractor *ex, const struct para *p, size_t n,
					  const char *site)
{
	int two;
	const struct mention *m = only_marked(p->men, n, site, &two);
	if (!m && !two)
		m = only_marked(ex->seen, ex->nseen, site, &two);
	return m;
}

/* At most this many names of a document are remembered for later paragraphs. */
#define MAX_SEEN 256

/* Remember the names paragraph p gave, for the paragraphs after it. */
static void remember_names(struct extractor *ex, const struct para *p)
{
	size_t i, k;
	for (i = 0; i < p->nmen && ex->nseen < MAX_SEEN; i++) {
		for (k = 0; k < ex->nseen; k++)
			if (!strcmp(ex->seen[k].ci.name, p->men[i].ci.name))
				break;
		if (k < ex->nseen)
			continue;
		ex->seen = xgrow(ex->seen, &ex->aseen, ex->nseen + 1, sizeof(*ex->seen));
		ex->seen[ex->nseen] = p->men[i];
		ex->seen[ex->nseen].start = ex->seen[ex->nseen].end = SIZE_MAX;
		ex->nseen++;
	}
}

/*
 * The catalyst of value vi of result qi.  A list of values pairs with as
 * many catalysts named together ("A and B for X and Y", "X and Y gave A
 * and B", or any list under "respectively").  Then a catalyst named right
 * after the value ("95 kJ mol^-1 found for Ru/MgO"), else the nearest
 * before it in its sentence, else (unless the sentence names some other
 * catalyst in words) the last one the sentence before named.
 */
static const struct mention *pick_mention(struct extractor *ex, const struct para *p,
					  size_t qi, size_t vi, int respectively)
{
	const struct qty *r = &p->qs[qi];
	size_t s = r->sentence, mlo = p->men_lo[s], mhi = p->men_lo[s + 1];
	size_t ai = lower_bound(p, mlo, mhi, r->q.end, men_pos);   /* first after the value */
	size_t bi = lower_bound(p, mlo, ai, r->q.start, men_pos);  /* mentions before: [mlo, bi) */
	size_t n = r->q.nvalues, *ov;
	if (n > 1) {
		size_t na = mhi - ai, nb = bi - mlo;
		if ((na == n || (respectively && na > n)) && (respectively ||
				(xpat_match(ex, XP_FOR_AFTER, p->t, p->men[ai].start, r->q.end, &ov) &&
				 ov[1] == p->men[ai].start)))
			return &p->men[ai + vi];
		if (nb >= n && (respectively || nb == n))
			return &p->men[bi - n + vi];
	}
	if (ai < mhi && p->men[ai].start - r->q.end < 48 &&
	    xpat_match(ex, XP_FOR_AFTER, p->t, p->men[ai].start, r->q.end, &ov) &&
	    ov[1] == p->men[ai].start)
		return &p->men[ai];
	/* "0.021 s^-1 (Ru/CeO2) and 0.009 s^-1 (Ru/MgO)": the name in brackets after the value */
	if (ai < mhi && named_in_brackets(p, r->q.end, &p->men[ai]))
		return &p->men[ai];
	/*
	 * "18.7 ... for the nanoparticles": the value of a catalyst named in
	 * words; the one catalyst of the paragraph so far whose name says so
	 * ("Fe NPs/N-C"), or none
	 */
	if (xpat_match(ex, XP_FOR_OTHER, p->t, sp_end(p, s), r->q.end, &ov))
		return only_of_site(ex, p, bi, site_in_words(p->t + r->q.end, p->t + ov[1]));
	/* a list and "their" or "these": as many catalysts in the sentence before */
	if (n > 1 && bi == mlo && s > 0 && p->men_lo[s] - p->men_lo[s - 1] == n &&
	    xpat_match(ex, XP_PLURAL, p->t, r->q.start, p->sent[s].start, &ov))
		return &p->men[p->men_lo[s - 1] + vi];
	while (bi > mlo && p->men[bi - 1].end > r->q.start)
		bi--;
	if (bi > mlo)
		return &p->men[bi - 1];
	/*
	 * "the single-atom catalyst gave ...": the one catalyst of the kind the
	 * nearest such words before the value name, among those the paragraph named
	 */
	{
		const char *site = NULL;
		size_t from = p->sent[s].start;
		if (r->q.start > from + CTX_BYTES)
			from = r->q.start - CTX_BYTES;
		while (from < r->q.start && xpat_match(ex, XP_KIND_CAT, p->t, r->q.start, from, &ov)) {
			site = site_in_words(p->t + ov[0], p->t + ov[1]);
			from = ov[1];
		}
		if (site) {
			const struct mention *m = only_of_site(ex, p, bi, site);
			if (m)
				return m;
		}
	}
	/* a catalyst the sentence names otherwise ("the commercial Fe catalyst"): not ours */
	if (ctx_before(ex, p, XP_OTHER_CAT, s, r->q.start))
		return NULL;
	/* the last catalyst the sentence before named */
	if (s > 0 && p->men_lo[s] > p->men_lo[s - 1])
		return &p->men[p->men_lo[s] - 1];
	/* "the catalyst", "this catalyst": the one the paragraph named last */
	if (p->men_lo[s] > 0 && ctx_before(ex, p, XP_THE_CAT, s, r->q.start))
		return &p->men[p->men_lo[s] - 1];
	/* a paragraph about one catalyst: its values are that catalyst's */
	if (p->men_lo[s] > 0 && p->men_lo[s] <= p->one_name)
		return &p->men[p->men_lo[s] - 1];
	return NULL;
}

/*
 * The citation that backs result qi: one before it in its sentence, else
 * the first after it (unless a value of the same kind that is no result,
 * such as a literature range, comes between), else the last one before
 * its sentence in the paragraph.
 */
static void pick_ref(const struct para *p, size_t qi, char *out, size_t size)
{
	const struct qty *r = &p->qs[qi];
	size_t s = r->sentence, clo = p->cite_lo[s], chi = p->cite_lo[s + 1];
	const struct cite_mark *best = NULL;
	struct buf b = BUF_INIT;
	size_t i = lower_bound(p, clo, chi, r->q.start, cite_pos);
	out[0] = '\0';
	if (i > clo && p->cites[i - 1].end <= r->q.start) {
		best = &p->cites[i - 1];
	} else {
		size_t j = lower_bound(p, clo, chi, r->q.end, cite_pos);
		if (j < chi) {
			size_t k, stop = qi + NEAR_ITEMS;
			int blocked = 0;
			for (k = qi + 1; k < p->nq && k < stop && p->qs[k].q.start < p->cites[j].start; k++)
				if (p->qs[k].q.kind == r->q.kind && !p->qs[k].result)
					blocked = 1;
			if (!blocked)
				best = &p->cites[j];
		}
	}
	if (!best && !(i > clo && p->cites[i - 1].end <= r->q.start) && clo > 0)
		best = &p->cites[clo - 1];
	if (best) {
		cite_format(best, &b);
		snprintf(out, size, "%s", buf_str(&b));
	}
	buf_release(&b);
}

/* Does loading q run into the name of a catalyst other than m ("5 wt% Ru/MgO")? */
static int loading_of_other(const struct para *p, const struct qty *q, const struct mention *m)
{
	size_t mi = lower_bound(p, 0, p->nmen, q->q.start, men_pos);
	return mi < p->nmen && p->men[mi].start < q->q.end && &p->men[mi] != m;
}

/* A loading stated in the sentence for one of the catalyst's metals ("0.2 wt% Ru"). */
static void pick_loading(const struct para *p, size_t qi, const struct mention *m,
			 char *out, size_t size)
{
	size_t s = p->qs[qi].sentence, lo = p->q_lo[s], hi = p->q_lo[s + 1], i;
	out[0] = '\0';
	if (qi > lo + NEAR_ITEMS)
		lo = qi - NEAR_ITEMS;
	if (hi > qi + NEAR_ITEMS)
		hi = qi + NEAR_ITEMS;
	for (i = lo; i < hi; i++) {
		const struct qty *q = &p->qs[i];
		char nb[NUM_BUFSZ];
		const char *metal = q->q.metal;
		size_t n;
		const char *l;
		int found = 0;
		if (q->q.kind != QK_LOADING || q->q.nvalues != 1 || !metal[0])
			continue;
		/* "5 wt% Ru/MgO": a loading written before a name is that catalyst's alone */
		if (loading_of_other(p, q, m))
			continue;
		/* the metal must be one of the catalyst's, as a whole symbol */
		n = strlen(metal);
		for (l = m->ci.metals; *l; l++)
			if ((l == m->ci.metals || l[-1] == ';') && !strncmp(l, metal, n) &&
			    (l[n] == '\0' || l[n] == ';'))
				found = 1;
		if (!found)
			continue;
		snprintf(out, size, "%s", num_format(q->q.values[0], nb));
		return;
	}
}

static int same_cond(const double *a, const double *b)
{
	size_t k;
	for (k = 0; k < 3; k++) {
		if (isnan(a[k]) != isnan(b[k]))
			return 0;
		if (!isnan(a[k]) && fabs(a[k] - b[k]) > 1e-9)
			return 0;
	}
	return 1;
}

/*
 * Evidence is bounded, so that the output grows with the paper and not
 * with the number of values a sentence holds: a sentence up to
 * EVIDENCE_MAX bytes is given whole; in a longer one, the clause around
 * the value (from the catalyst named just before it, or the clause
 * punctuation before the value, to the clause punctuation after it),
 * cut at word boundaries within EVIDENCE_MAX.  The locator points at the
 * value, inside the whole sentence.  Canonical offsets [*s, *e).
 */
#define EVIDENCE_MAX 400

static int clause_mark(const char *t, size_t i)
{
	return (t[i] == ',' || t[i] == ';' || t[i] == ':') && t[i + 1] == ' ';
}

static void evidence_span(const struct para *p, const struct pending *pe, size_t *s, size_t *e)
{
	size_t ss = p->sent[pe->sent].start, se = p->sent[pe->sent].end;
	size_t a, z, lim;
	*s = ss;
	*e = se;
	if (se - ss <= EVIDENCE_MAX)
		return;
	/* start: the catalyst's name when it is close, else the clause's start */
	a = pe->pos;
	if (pe->m->start >= ss && pe->m->start < pe->pos && pe->pos - pe->m->start < EVIDENCE_MAX / 2)
		a = pe->m->start;
	else {
		lim = a > ss + EVIDENCE_MAX / 4 ? a - EVIDENCE_MAX / 4 : ss;
		while (a > lim && !clause_mark(p->t, a - 1))
			a--;
		while (a < pe->pos && (p->t[a] == ' ' || clause_mark(p->t, a)))
			a++;
		if (a == lim && a > ss)   /* no clause mark near: from a word */
			while (a < pe->pos && p->t[a - 1] != ' ')
				a++;
	}
	/* end: the clause punctuation after the value, within the bound */
	lim = a + EVIDENCE_MAX < se ? a + EVIDENCE_MAX : se;
	z = pe->pos_end > a ? pe->pos_end : a;
	while (z < lim && !clause_mark(p->t, z))
		z++;
	if (z == lim && z < se)
		while (z > pe->pos_end && p->t[z] != ' ')
			z--;
	*s = a;
	*e = z;
}

static void emit(const struct document *doc, const struct block *b, struct extractor *ex,
		 const struct para *p, const struct pending *pe, struct entry_set *set)
{
	struct buf loc = BUF_INIT, ev = BUF_INIT;
	enum entry_col cond_cols[ENTRY_NCONDITIONS], res_cols[ENTRY_NRESULTS];
	const size_t *map = ex->nt.map;
	size_t k, es, ee;
	struct entry *e;
	int measured = 0, ea = kind_slot(ROLE_RESULT, QK_EA);

	entry_cols_of_role(ROLE_CONDITION, cond_cols, ENTRY_NCONDITIONS);
	entry_cols_of_role(ROLE_RESULT, res_cols, ENTRY_NRESULTS);
	for (k = 0; k < ENTRY_NRESULTS; k++)
		measured |= (int)k != ea && !isnan(pe->res[k]);

	document_locate(doc, b, map[pe->pos], 1, &loc);
	e = extract_new_entry(set, doc, b->kind == BLOCK_CAPTION ? "caption" : "text", buf_str(&loc));
	entry_set(e, COL_CATALYST, pe->m->ci.name);
	entry_set(e, COL_SITE_TYPE, pe->m->ci.site);
	entry_set(e, COL_METALS, pe->m->ci.metals);
	entry_set(e, COL_LOADING_WT, pe->loading);
	entry_set(e, COL_SUPPORT, pe->m->ci.support);
	entry_set(e, COL_PROMOTER, pe->m->ci.promoter);
	if (pe->m->ci.size_nm > 0)
		entry_set_num(e, COL_SIZE_NM, pe->m->ci.size_nm);
	for (k = 0; k < ENTRY_NCONDITIONS; k++) {
		/* the methods' standard conditions where the text states none (not for Ea or DFT) */
		double v = pe->cond[k];
		/* ... nor for a value cited from another paper, measured under its own */
		if (isnan(v) && !pe->computed && measured && !pe->ref[0])
			v = ex->method_cond[k];
		if (!isnan(v))
			entry_set_num(e, cond_cols[k], v);
	}
	for (k = 0; k < ENTRY_NRESULTS; k++)
		if (!isnan(pe->res[k]))
			entry_set_num(e, res_cols[k], pe->res[k]);
	entry_set(e, COL_RATE_METAL, pe->rate_metal);
	entry_set(e, COL_REF, pe->ref);
	entry_set(e, COL_METHOD, pe->computed ? "computed" : "experiment");
	/* evidence: the sentence as the source writes it, or the clause around the value */
	evidence_span(p, pe, &es, &ee);
	es = map[es];
	ee = map[ee];
	if (ee > b->len)
		ee = b->len;
	for (k = es; k < ee; k++)
		buf_addch(&ev, b->text[k] == '\n' || b->text[k] == '\r' ? ' ' : b->text[k]);
	entry_set(e, COL_EVIDENCE, str_trim(ev.data ? ev.data : (char *)""));
	buf_release(&loc);
	buf_release(&ev);
}

/*
 * In prose a line break is a space: a value and its unit split across two
 * lines ("72 kJ" / "mol-1") are one quantity.
 */
static void join_lines(struct normtext *nt)
{
	char *c = nt->text, *e = nt->text + nt->len;
	while ((c = memchr(c, '\n', (size_t)(e - c))) != NULL)
		*c++ = ' ';
}

/*
 * Whether canonical text t holds a quantity that can be a reported result
 * (a rate, a TOF or an activation energy, GHSV-looking TOFs included):
 * entries come only from those, so a paragraph without one is skipped
 * before the costly stages (sentences, citations, catalyst mentions).
 */
static int may_report(const char *t, size_t len)
{
	size_t i = 0;
	while (i < len) {
		struct quantity q;
		q.impossible = NULL;
		if (!is_digit((unsigned char)t[i]) || !word_boundary_before(t, i) ||
		    !units_scan(t, len, i, &q)) {
			if (q.impossible)
				return 1;   /* find_quantities reports it */
			i++;
			continue;
		}
		switch (q.kind) {
		case QK_RATE_CAT:
		case QK_RATE_METAL:
		case QK_TOF:
		case QK_GHSV:
		case QK_EA:
		case QK_OUTLET:
			return 1;
		default:
			break;
		}
		i = q.end > i ? q.end : i + 1;
	}
	return 0;
}

/* At most this many statements of loadings and sizes are kept for a document. */
#define MAX_STATED 4096

static void stated(struct extractor *ex, int col, const char *name, const char *value)
{
	struct stated *l;
	if (!name[0] || !value[0] || ex->nloads >= MAX_STATED)
		return;
	ex->loads = xgrow(ex->loads, &ex->aloads, ex->nloads + 1, sizeof(*ex->loads));
	l = &ex->loads[ex->nloads++];
	l->col = col;
	snprintf(l->name, sizeof(l->name), "%s", name);
	snprintf(l->value, sizeof(l->value), "%s", value);
}

/*
 * A loading that names no metal ("1.0 wt%") is the catalyst's when it
 * stands in brackets right after its name ("Ru/Pr2O3 (5.0 wt%)") or
 * after words that name its metal's loading ("the Ru loading of ... was",
 * "Ru content"), not another element's ("a Ba loading of 5 wt%").
 */
static int loading_is_of(const struct para *p, const struct mention *m, const struct qty *load)
{
	size_t at = load->q.start, from = at > 60 ? at - 60 : 0, k, ml = strlen(m->ci.metals);
	if (m->end + 2 == at && !memcmp(p->t + m->end, " (", 2))
		return 1;
	for (k = from; k + ml + 8 <= at; k++)
		if ((k == 0 || p->t[k - 1] == ' ') && !memcmp(p->t + k, m->ci.metals, ml) &&
		    (!memcmp(p->t + k + ml, " loading", 8) || !memcmp(p->t + k + ml, " content", 8)))
			return 1;
	return 0;
}

/* The one quantity of kind k in sentence s, or NULL (none, or two). */
static const struct qty *one_of_kind(const struct para *p, size_t s, enum quantity_kind k)
{
	const struct qty *one = NULL;
	size_t i;
	for (i = p->q_lo[s]; i < p->q_lo[s + 1]; i++)
		if (p->qs[i].q.kind == k) {
			if (one)
				return NULL;
			one = &p->qs[i];
		}
	return one && one->q.nvalues == 1 && !one->q.is_range ? one : NULL;
}

/*
 * The size sentence s states for m, its one catalyst: one size in nm
 * after words that make it a particle's ("a mean particle size of",
 * "Ru clusters of about"), in a sentence that says nothing of pores.
 */
static void record_size(struct extractor *ex, const struct para *p, size_t s, const struct mention *m)
{
	const struct qty *q = one_of_kind(p, s, QK_SIZE);
	size_t *ov, from = p->sent[s].start;
	char nb[NUM_BUFSZ];
	if (!q || m->ci.size_nm > 0 || !m->ci.metals[0])
		return;
	if (memmem(p->t + from, p->sent[s].end - from, "pore", 4))
		return;
	if (q->q.start > from + CTX_BYTES)
		from = q->q.start - CTX_BYTES;
	if (!xpat_match(ex, XP_SIZE_CTX, p->t, q->q.start, from, &ov))
		return;
	stated(ex, COL_SIZE_NM, m->ci.name, num_format(q->q.values[0], nb));
}

/*
 * What paragraph p states for one catalyst each: a loading written before
 * a name ("2.5 wt% Ru/MgO"); in a sentence that names one catalyst, one
 * loading of one of its metals ("Ru/CeO2 (1.0 wt% Ru)", "the Ru loading of
 * Ru/CeO2 was 1.0 wt%") and one particle size (record_size).
 */
static void record_statements(struct extractor *ex, const struct para *p)
{
	size_t s, i;
	for (s = 0; s < p->nsent; s++) {
		const struct mention *m;
		const struct qty *load;
		char nb[NUM_BUFSZ];
		/* what a sentence that cites a paper states is that paper's */
		if (p->cite_lo[s + 1] > p->cite_lo[s])
			continue;
		for (i = p->men_lo[s]; i < p->men_lo[s + 1]; i++)
			stated(ex, COL_LOADING_WT, p->men[i].ci.name, p->men[i].ci.loading);
		if (p->men_lo[s + 1] - p->men_lo[s] != 1)
			continue;
		m = &p->men[p->men_lo[s]];
		record_size(ex, p, s, m);
		load = one_of_kind(p, s, QK_LOADING);
		if (!load || m->ci.loading[0] || strchr(m->ci.metals, ';') || !m->ci.metals[0])
			continue;
		if (load->q.metal[0] ? strcmp(load->q.metal, m->ci.metals) != 0 : !loading_is_of(p, m, load))
			continue;
		stated(ex, COL_LOADING_WT, m->ci.name, num_format(load->q.values[0], nb));
	}
}

/* Does t hold "wt%", "wt.%", "wt %" or "wt. %"?  (Found from the rarer '%'.) */
static int states_wt(const char *t, size_t len)
{
	const char *h = t, *e = t + len;
	while ((h = memchr(h, '%', (size_t)(e - h))) != NULL) {
		const char *b = h++;
		if (b > t && b[-1] == ' ')
			b--;
		if (b > t && b[-1] == '.')
			b--;
		if (b - t >= 2 && b[-2] == 'w' && b[-1] == 't')
			return 1;
	}
	return 0;
}

/*
 * May t, canonical text, state a loading ("wt%") or a particle size (" nm"
 * and a word sizes are stated with, XP_SIZE_WORD)?
 */
static int may_state(struct extractor *ex, const char *t, size_t len)
{
	size_t *ov;
	return states_wt(t, len) ||
	       (memmem(t, len, " nm", 3) && xpat_match(ex, XP_SIZE_WORD, t, len, 0, &ov));
}

/*
 * A paragraph over the text [t, t + len): zeroed, then its citation
 * markers found (cite_scan_all) and the text split into sentences around
 * them.  Released with para_close.  The sentences start at a guess and a
 * paragraph that holds more is split again into an array of its size: one
 * for the most a text could hold (one per two bytes) would be large, and
 * freeing such blocks made malloc consolidate its free lists each time.
 */
#define PARA_SENTENCES_GUESS(len) ((len) / 64 + 16)

static void para_open(struct para *p, const char *t, size_t len)
{
	size_t cap;
	memset(p, 0, sizeof(*p));
	p->t = t;
	p->len = len;
	p->cites = cite_scan_all(t, len, &p->ncites);
	cap = PARA_SENTENCES_GUESS(len);
	p->sent = xmalloc(cap * sizeof(*p->sent));
	p->nsent = sentence_split_marked(t, len, p->cites, p->ncites, p->sent, cap);
	if (p->nsent > cap) {
		p->sent = xrealloc(p->sent, p->nsent * sizeof(*p->sent));
		sentence_split_marked(t, len, p->cites, p->ncites, p->sent, p->nsent);
	}
}

static void para_close(struct para *p)
{
	free(p->cites);
	free(p->cite_lo);
	free(p->sent);
	free(p->men);
	free(p->qs);
	free(p->men_lo);
	free(p->q_lo);
}

/* The loadings and sizes a paragraph that reports no result states. */
static void statements_only(struct extractor *ex)
{
	struct para p;
	para_open(&p, ex->nt.text, ex->nt.len);
	find_mentions(ex, &p);
	if (p.nmen) {
		find_quantities(ex, &p);
		p.men_lo = sentence_ranges(&p, p.nmen, men_pos);
		p.q_lo = sentence_ranges(&p, p.nq, q_pos);
		p.cite_lo = sentence_ranges(&p, p.ncites, cite_pos);
		record_statements(ex, &p);
	}
	remember_names(ex, &p);
	para_close(&p);
}

static int cmp_stated(const void *a, const void *b)
{
	const struct stated *x = a, *y = b;
	return x->col != y->col ? (x->col < y->col ? -1 : 1) : strcmp(x->name, y->name);
}

void extract_fill_stated(struct extractor *ex, struct entry_set *set, size_t first)
{
	static const int cols[] = { COL_LOADING_WT, COL_SIZE_NM, COL_SITE_TYPE };
	size_t i, k, o = 0;
	if (!ex->nloads)
		return;
	/* one value a name: a name stated with two values keeps none */
	qsort(ex->loads, ex->nloads, sizeof(*ex->loads), cmp_stated);
	for (i = 0; i < ex->nloads;) {
		size_t j = i + 1;
		int same = 1;
		while (j < ex->nloads && !cmp_stated(&ex->loads[j], &ex->loads[i])) {
			double a, b;
			if (strcmp(ex->loads[j].value, ex->loads[i].value) &&
			    (num_parse(ex->loads[j].value, &a) < 0 || num_parse(ex->loads[i].value, &b) < 0 || a != b))
				same = 0;
			j++;
		}
		if (same)
			ex->loads[o++] = ex->loads[i];
		i = j;
	}
	ex->nloads = o;
	for (i = first; i < set->n; i++) {
		struct entry *e = &set->v[i];
		/* a value cited from another paper is of that paper's catalyst */
		if (entry_get(e, COL_REF)[0])
			continue;
		for (k = 0; k < ARRAY_SIZE(cols); k++) {
			struct stated key, *hit;
			if (entry_get(e, cols[k])[0])
				continue;
			key.col = cols[k];
			snprintf(key.name, sizeof(key.name), "%s", entry_get(e, COL_CATALYST));
			hit = bsearch(&key, ex->loads, ex->nloads, sizeof(*ex->loads), cmp_stated);
			if (hit)
				entry_set(e, cols[k], hit->value);
		}
	}
}

void extract_prose(struct extractor *ex, const struct document *doc, const struct block *b,
		   struct entry_set *set)
{
	struct para p;
	struct pending *pend = NULL;
	size_t npend = 0, apend = 0, i, s;
	size_t pend_prev = 0, pend_here = 0;   /* pendings of the sentence before, of this one */
	double prev_cond[3] = { NAN, NAN, NAN };
	size_t prev_cond_sent = (size_t)-1;

	extract_normalize(ex, b->text, b->len);
	join_lines(&ex->nt);
	if (!may_report(ex->nt.text, ex->nt.len)) {
		/* no result here, but maybe a catalyst's loading ("wt%", "wt.%", "wt %") or size */
		if (may_state(ex, ex->nt.text, ex->nt.len))
			statements_only(ex);
		return;
	}
	para_open(&p, ex->nt.text, ex->nt.len);
	find_mentions(ex, &p);
	ex->doc = doc;
	ex->block = b;
	find_quantities(ex, &p);
	ex->block = NULL;
	p.men_lo = sentence_ranges(&p, p.nmen, men_pos);
	p.q_lo = sentence_ranges(&p, p.nq, q_pos);
	p.cite_lo = sentence_ranges(&p, p.ncites, cite_pos);
	record_statements(ex, &p);
	for (p.one_name = p.nmen ? 1 : 0; p.one_name < p.nmen; p.one_name++)
		if (strcmp(p.men[p.one_name].ci.name, p.men[0].ci.name))
			break;

	for (s = 0; s < p.nsent; s++) {
		int respectively = sentence_has(&p, s, "respectively");
		int computed, any_result = 0;
		size_t *ov;
		double cond_here[3] = { NAN, NAN, NAN };
		pend_prev = pend_here;
		pend_here = npend;
		for (i = p.q_lo[s]; i < p.q_lo[s + 1]; i++) {
			const struct qty *q = &p.qs[i];
			int c = kind_cond(q->q.kind);
			if (c >= 0 && !q->q.is_range && isnan(cond_here[c]))
				cond_here[c] = q->q.values[0];
			if (q->result)
				any_result = 1;
		}
		if (!any_result)
			goto next;
		computed = xpat_match(ex, XP_COMPUTED, p.t, p.sent[s].end, p.sent[s].start, &ov);
		if (isnan(cond_here[1]) && xpat_match(ex, XP_ATM, p.t, p.sent[s].end, p.sent[s].start, &ov))
			cond_here[1] = UNITS_ATM_MPA;
		for (i = p.q_lo[s]; i < p.q_lo[s + 1]; i++) {
			const struct qty *q = &p.qs[i];
			size_t vi;
			if (!q->result)
				continue;
			for (vi = 0; vi < q->q.nvalues; vi++) {
				const struct mention *m = pick_mention(ex, &p, i, vi, respectively);
				struct pending pe;
				size_t k, slot, from;
				int merged = 0;
				if (!m)
					continue;
				memset(&pe, 0, sizeof(pe));
				pe.m = m;
				pe.sent = s;
				pe.pos = q->q.start;
				pe.pos_end = q->q.end;
				pe.computed = computed;
				for (k = 0; k < ENTRY_NRESULTS; k++)
					pe.res[k] = NAN;
				for (k = 0; k < 3; k++) {
					pe.cond[k] = pick_condition(&p, i, vi, (int)k);
					/* conditions carried from the sentence before (not for Ea) */
					if (isnan(pe.cond[k]) && isnan(cond_here[k]) && prev_cond_sent + 1 == s &&
					    q->q.kind != QK_EA)
						pe.cond[k] = prev_cond[k];
					if (isnan(pe.cond[k]) && k == 1)
						pe.cond[k] = cond_here[1];
				}
				slot = (size_t)kind_slot(ROLE_RESULT, q->q.kind);
				pe.res[slot] = q->q.values[vi];
				if (q->q.kind == QK_RATE_METAL)
					memcpy(pe.rate_metal, q->q.metal, sizeof(pe.rate_metal));
				pick_ref(&p, i, pe.ref, sizeof(pe.ref));
				pick_loading(&p, i, m, pe.loading, sizeof(pe.loading));
				if (!pe.loading[0])
					memcpy(pe.loading, m->ci.loading, sizeof(m->ci.loading));
				/*
				 * a catalyst carried from before that already has this result
				 * under the same conditions: ambiguous
				 */
				if (m->end <= p.sent[s].start) {
					int dup = 0;
					from = npend > pend_prev + 64 ? npend - 64 : pend_prev;
					for (k = from; k < npend; k++)
						if (pend[k].m == m && !isnan(pend[k].res[slot]) &&
						    same_cond(pend[k].cond, pe.cond))
							dup = 1;
					if (dup)
						continue;
				}
				from = npend > pend_here + 16 ? npend - 16 : pend_here;
				for (k = from; k < npend; k++) {
					if (pend[k].m == m && same_cond(pend[k].cond, pe.cond) &&
					    isnan(pend[k].res[slot])) {
						pend[k].res[slot] = pe.res[slot];
						if (q->q.kind == QK_RATE_METAL)
							memcpy(pend[k].rate_metal, pe.rate_metal, sizeof(pe.rate_metal));
						merged = 1;
						break;
					}
				}
				if (!merged) {
					pend = xgrow(pend, &apend, npend + 1, sizeof(*pend));
					pend[npend++] = pe;
				}
			}
		}
next:
		if (!isnan(cond_here[0]) || !isnan(cond_here[1]) || !isnan(cond_here[2])) {
			memcpy(prev_cond, cond_here, sizeof(prev_cond));
			prev_cond_sent = s;
		}
	}
	for (i = 0; i < npend; i++)
		emit(doc, b, ex, &p, &pend[i], set);
	free(pend);
	remember_names(ex, &p);
	para_close(&p);
}

/*
 * text[start..end), a block's text or ex->nt, states how the tests were
 * run (XP_METHODS or XP_METHODS_HEAD).
 */
static int methods_match(struct extractor *ex, const char *text, size_t end, size_t start)
{
	size_t *ov;
	return xpat_match_doc(ex, XP_METHODS, text, end, start, &ov) ||
	       xpat_match_doc(ex, XP_METHODS_HEAD, text, end, start, &ov);
}

void extract_method_conditions(struct extractor *ex, const struct document *doc, double cond[3])
{
	size_t bi, k;
	int seen[3] = { 0, 0, 0 };
	for (k = 0; k < 3; k++)
		cond[k] = NAN;
	for (bi = 0; bi < doc->nblocks; bi++) {
		const struct block *b = &doc->blocks[bi];
		struct para p;
		size_t s, i, *ov;
		if (b->kind != BLOCK_PARAGRAPH)
			continue;
		/* the words are plain ASCII: look for them before normalizing */
		if (!methods_match(ex, b->text, b->len, 0))
			continue;
		extract_normalize(ex, b->text, b->len);
		if (!methods_match(ex, ex->nt.text, ex->nt.len, 0))
			continue;
		para_open(&p, ex->nt.text, ex->nt.len);
		find_quantities(ex, &p);
		find_mentions(ex, &p);
		for (s = 0; s < p.nsent; s++) {
			double here[3] = { NAN, NAN, NAN };
			int result = 0;
			if (!methods_match(ex, p.t, p.sent[s].end, p.sent[s].start))
				continue;
			/* conditions of one catalyst, or of a computation, are no standard */
			if (xpat_match(ex, XP_COMPUTED, p.t, p.sent[s].end, p.sent[s].start, &ov))
				continue;
			for (i = 0; i < p.nmen; i++)
				if (p.men[i].start >= p.sent[s].start && p.men[i].start < p.sent[s].end)
					result = 1;
			if (result)
				continue;
			for (i = 0; i < p.nq; i++) {
				const struct qty *q = &p.qs[i];
				int c = kind_cond(q->q.kind);
				if (q->sentence != s)
					continue;
				if (q->result || q->q.kind == QK_EA)
					result = 1;
				/* one value of each; a list or range is no standard condition */
				if (c >= 0)
					here[c] = q->q.nvalues == 1 && !q->q.is_range && isnan(here[c]) ? q->q.values[0] : -1e300;
			}
			if (result)
				continue;
			for (k = 0; k < 3; k++) {
				if (isnan(here[k]))
					continue;
				if (here[k] == -1e300 || (seen[k] && cond[k] != here[k]))
					cond[k] = -1e300;
				else
					cond[k] = here[k];
				seen[k] = 1;
			}
		}
		para_close(&p);
	}
	for (k = 0; k < 3; k++)
		if (cond[k] == -1e300)
			cond[k] = NAN;
}
