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

#include "cite.h"
#include "extract_int.h"

/* --- sentences ----------------------------------------------------------------- */

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

/* Words after which a full stop does not end a sentence. */
static const char *const abbrevs[] = {
	"al", "Fig", "Figs", "fig", "figs", "ca", "vs", "Ref", "Refs", "ref", "refs", "Eq", "Eqs",
	"eq", "eqs", "e.g", "i.e", "cf", "approx", "resp", "No", "no", "Nos", "Vol", "vol", "pp",
	"Dr", "Prof", "wt", "Tab", "Sect", "Sec", "Ch", "etc", "viz", "Ltd", "Inc", "Jr",
	"St", "Mt", "min", "max", "avg", "Chem", "Soc", "Am", "J", NULL
};

static int abbrev_before(const char *t, size_t dot)
{
	size_t j = dot, k;
	while (j > 0 && (is_upper((unsigned char)t[j - 1]) || is_lower((unsigned char)t[j - 1]) ||
			 t[j - 1] == '.'))
		j--;
	/* "*ca.*", "(ca." */
	for (k = 0; abbrevs[k]; k++)
		if (strlen(abbrevs[k]) == dot - j && !memcmp(t + j, abbrevs[k], dot - j))
			return 1;
	/* an initial ("X. Wang"), but not a unit after a number ("673 K.", "300 °C.") */
	if (dot - j == 1 && is_upper((unsigned char)t[j]) && (j == 0 || t[j - 1] == ' ' || t[j - 1] == '(')) {
		size_t w = j;
		while (w > 0 && t[w - 1] == ' ')
			w--;
		return !(w > 0 && is_digit((unsigned char)t[w - 1]));
	}
	return 0;
}

size_t sentence_split(const char *t, size_t len, struct span *out, size_t max)
{
	size_t i, start = 0, n = 0;
	struct cite_mark marks[64];
	size_t nm = cite_scan(t, len, marks, ARRAY_SIZE(marks)), mi = 0;
	if (nm > ARRAY_SIZE(marks))
		nm = ARRAY_SIZE(marks);
	for (i = 0; i < len; i++) {
		size_t j, k;
		char c = t[i];
		if (c != '.' && c != '?' && c != '!')
			continue;
		if (c == '.' && i + 1 < len && is_digit((unsigned char)t[i + 1]) &&
		    i > 0 && is_digit((unsigned char)t[i - 1]))
			continue;   /* a decimal */
		if (c == '.' && abbrev_before(t, i))
			continue;
		j = i + 1;
		/* closing emphasis or parenthesis, then a citation glued to the stop */
		while (j < len && (t[j] == '*' || t[j] == '"' || t[j] == '\''))
			j++;
		while (mi < nm && marks[mi].start < j)
			mi++;
		if (mi < nm && (marks[mi].start == j || marks[mi].start == i + 1))
			j = marks[mi].end;
		if (j < len && t[j] != ' ' && t[j] != '\n')
			continue;
		k = j;
		while (k < len && (t[k] == ' ' || t[k] == '\n'))
			k++;
		if (k < len && !(is_upper((unsigned char)t[k]) || is_digit((unsigned char)t[k]) ||
				 t[k] == '(' || t[k] == '[' || t[k] == '*' || (unsigned char)t[k] >= 0x80))
			continue;
		if (n < max) {
			out[n].start = start;
			out[n].end = j;
		}
		n++;
		start = k;
		i = k > 0 ? k - 1 : k;
	}
	if (start < len) {
		size_t e = len;
		while (e > start && (t[e - 1] == ' ' || t[e - 1] == '\n'))
			e--;
		if (e > start) {
			if (n < max) {
				out[n].start = start;
				out[n].end = e;
			}
			n++;
		}
	}
	return n;
}

/* --- prose extraction ------------------------------------------------------------- */

struct mention {
	size_t start, end;
	struct catinfo ci;
};

struct qty {
	struct quantity q;
	int result;          /* a rate, TOF or Ea the entry reports */
	size_t sentence;
};

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
};

/* One pending entry: a catalyst under one set of conditions in one sentence. */
struct pending {
	const struct mention *m;
	double cond[3];      /* T, P, WHSV; NAN when unknown */
	double res[4];       /* rate, rate per metal, TOF, Ea; NAN when none */
	char rate_metal[4];
	char loading[32];
	char ref[64];
	size_t pos;          /* first result, for the locator */
	size_t sent;
	int computed;
};

static int sentence_of(const struct para *p, size_t pos)
{
	size_t i;
	for (i = 0; i < p->nsent; i++)
		if (pos >= p->sent[i].start && pos < p->sent[i].end)
			return (int)i;
	return -1;
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
			ok = element_active(p->t + es, ee - es);
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
			ok = catalyst_analyze(p->t + s, e - s, &m.ci) == 0;
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
		}
		if (ok) {
			p->men = xgrow(p->men, &p->amen, p->nmen + 1, sizeof(*p->men));
			p->men[p->nmen++] = m;
		}
		start = e;
	}
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

/* Is pattern p found in sentence s before position pos? */
static int ctx_before(struct extractor *ex, const struct para *p, enum xpat pat, size_t s,
		      size_t pos)
{
	size_t *ov;
	return xpat_match(ex, pat, p->t, pos, p->sent[s].start, &ov);
}

static void find_quantities(struct extractor *ex, struct para *p)
{
	size_t i = 0;
	while (i < p->len) {
		struct qty q;
		int s;
		if (!is_digit((unsigned char)p->t[i]) || !word_boundary_before(p->t, i) ||
		    !units_scan(p->t, p->len, i, &q.q)) {
			i++;
			continue;
		}
		s = sentence_of(p, i);
		q.sentence = s < 0 ? 0 : (size_t)s;
		q.result = 0;
		switch (q.q.kind) {
		case QK_RATE_CAT:
		case QK_RATE_METAL:
			q.result = !q.q.is_range;
			break;
		case QK_TOF:
		case QK_GHSV:
			if (s >= 0 && ctx_before(ex, p, XP_TOF_CTX, (size_t)s, i) && !q.q.is_range) {
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
			q.result = s >= 0 && ctx_before(ex, p, XP_EA_CTX, (size_t)s, i) && !q.q.is_range;
			break;
		default:
			break;
		}
		p->qs = xgrow(p->qs, &p->aq, p->nq + 1, sizeof(*p->qs));
		p->qs[p->nq++] = q;
		i = q.q.end > i ? q.q.end : i + 1;
	}
}

static int kind_cond(enum quantity_kind k)
{
	return k == QK_TEMPERATURE ? 0 : k == QK_PRESSURE ? 1 : k == QK_WHSV ? 2 : -1;
}

/*
 * The condition of slot c (0 T, 1 P, 2 WHSV) for value vi of result r in
 * sentence s: paired by position under "respectively", else the nearest.
 */
static double pick_condition(const struct para *p, size_t s, const struct qty *r, size_t vi,
			     int c, int respectively)
{
	size_t i, best = (size_t)-1, bestd = (size_t)-1;
	double flat[QTY_MAX_VALUES];
	size_t nflat = 0;
	for (i = 0; i < p->nq; i++) {
		const struct qty *q = &p->qs[i];
		size_t d;
		if (q->sentence != s || kind_cond(q->q.kind) != c || q->q.is_range)
			continue;
		if (respectively && q->q.start > r->q.start) {
			size_t k;
			for (k = 0; k < q->q.nvalues && nflat < QTY_MAX_VALUES; k++)
				flat[nflat++] = q->q.values[k];
		}
		d = q->q.start > r->q.start ? q->q.start - r->q.start : r->q.start - q->q.start;
		if (d < bestd) {
			bestd = d;
			best = i;
		}
	}
	if (respectively && r->q.nvalues > 1 && nflat == r->q.nvalues)
		return flat[vi];
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

/*
 * The catalyst of value vi of result r.  Under "respectively", the values
 * of a list pair with as many catalysts named together in the sentence.
 * Then a catalyst named right after the value ("95 kJ mol^-1 found for
 * Ru/MgO"), else the nearest before it in its sentence, else (unless the
 * sentence names some other catalyst in words) the last one the sentence
 * before named.
 */
static const struct mention *pick_mention(struct extractor *ex, const struct para *p,
					  const struct qty *r, size_t vi, int respectively)
{
	const struct span *s = &p->sent[r->sentence];
	const struct mention *best = NULL;
	size_t i, *ov;
	if (r->q.nvalues > 1) {
		const struct mention *after[QTY_MAX_VALUES], *before[QTY_MAX_VALUES];
		size_t na = 0, nb = 0;
		for (i = 0; i < p->nmen; i++) {
			const struct mention *m = &p->men[i];
			if (m->start < s->start || m->end > s->end)
				continue;
			if (m->start >= r->q.end && na < QTY_MAX_VALUES)
				after[na++] = m;
			else if (m->end <= r->q.start && nb < QTY_MAX_VALUES)
				before[nb++] = m;
		}
		/* "A and B for X and Y (respectively)"; "X and Y gave A and B" */
		if (na == r->q.nvalues &&
		    (respectively || (xpat_match(ex, XP_FOR_AFTER, p->t, after[0]->start, r->q.end, &ov) &&
				      ov[1] == after[0]->start)))
			return after[vi];
		if (nb >= r->q.nvalues && (respectively || nb == r->q.nvalues))
			return before[nb - r->q.nvalues + vi];
	}
	for (i = 0; i < p->nmen; i++) {
		const struct mention *m = &p->men[i];
		if (m->start >= r->q.end && m->end <= s->end) {
			if (m->start - r->q.end < 48 &&
			    xpat_match(ex, XP_FOR_AFTER, p->t, m->start, r->q.end, &ov) && ov[1] == m->start)
				return m;
			break;
		}
	}
	for (i = 0; i < p->nmen; i++) {
		const struct mention *m = &p->men[i];
		if (m->start >= s->start && m->end <= r->q.start)
			best = m;
	}
	if (best)
		return best;
	/* a catalyst the sentence names otherwise ("the commercial Fe catalyst"): not ours */
	if (xpat_match(ex, XP_OTHER_CAT, p->t, r->q.start, s->start, &ov))
		return NULL;
	/* the last catalyst the sentence before named */
	if (r->sentence > 0) {
		const struct span *ps = &p->sent[r->sentence - 1];
		for (i = 0; i < p->nmen; i++)
			if (p->men[i].start >= ps->start && p->men[i].end <= ps->end)
				best = &p->men[i];
	}
	return best;
}

/* The citation that backs result r (see the top of this file). */
static void pick_ref(const struct para *p, const struct qty *r, char *out, size_t size)
{
	const struct span *s = &p->sent[r->sentence];
	const struct cite_mark *best = NULL;
	struct buf b = BUF_INIT;
	size_t i;
	out[0] = '\0';
	for (i = 0; i < p->ncites; i++) {
		const struct cite_mark *c = &p->cites[i];
		if (c->start >= s->start && c->end <= r->q.start)
			best = c;
	}
	if (!best) {
		for (i = 0; i < p->ncites && !best; i++) {
			const struct cite_mark *c = &p->cites[i];
			size_t k;
			int blocked = 0;
			if (c->start < r->q.end || c->start > s->end)
				continue;
			for (k = 0; k < p->nq; k++)
				if (p->qs[k].q.start > r->q.end && p->qs[k].q.start < c->start &&
				    p->qs[k].q.kind == r->q.kind && !p->qs[k].result)
					blocked = 1;
			if (blocked)
				break;
			best = c;
		}
	}
	if (!best)
		for (i = 0; i < p->ncites; i++)
			if (p->cites[i].end <= s->start)
				best = &p->cites[i];
	if (best) {
		cite_format(best, &b);
		snprintf(out, size, "%s", buf_str(&b));
	}
	buf_release(&b);
}

/* A loading stated in the sentence for one of the catalyst's metals ("0.2 wt% Ru"). */
static void pick_loading(const struct para *p, size_t s, const struct mention *m,
			 char *out, size_t size)
{
	size_t i;
	out[0] = '\0';
	for (i = 0; i < p->nq; i++) {
		const struct qty *q = &p->qs[i];
		char nb[NUM_BUFSZ];
		const char *metal = q->q.metal;
		size_t n;
		const char *l;
		int found = 0;
		if (q->sentence != s || q->q.kind != QK_LOADING || q->q.nvalues != 1 || !metal[0])
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

static void emit(const struct document *doc, const struct block *b, struct extractor *ex,
		 const struct para *p, const struct pending *pe, struct entry_set *set)
{
	struct buf loc = BUF_INIT, ev = BUF_INIT;
	static const enum entry_col cond_cols[3] = { COL_TEMPERATURE_C, COL_PRESSURE_MPA, COL_WHSV };
	static const enum entry_col res_cols[4] = { COL_RATE_GCAT, COL_RATE_GMETAL, COL_TOF_S, COL_EA };
	const size_t *map = ex->nt.map;
	size_t k, es, ee;
	struct entry *e;

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
	for (k = 0; k < 3; k++)
		if (!isnan(pe->cond[k]))
			entry_set_num(e, cond_cols[k], pe->cond[k]);
	for (k = 0; k < 4; k++)
		if (!isnan(pe->res[k]))
			entry_set_num(e, res_cols[k], pe->res[k]);
	entry_set(e, COL_RATE_METAL, pe->rate_metal);
	entry_set(e, COL_REF, pe->ref);
	entry_set(e, COL_METHOD, pe->computed ? "computed" : "experiment");
	/* evidence: the sentence as the source writes it */
	es = map[p->sent[pe->sent].start];
	ee = map[p->sent[pe->sent].end];
	if (ee > b->len)
		ee = b->len;
	for (k = es; k < ee; k++)
		buf_addch(&ev, b->text[k] == '\n' || b->text[k] == '\r' ? ' ' : b->text[k]);
	entry_set(e, COL_EVIDENCE, str_trim(ev.data ? ev.data : (char *)""));
	buf_release(&loc);
	buf_release(&ev);
}

void extract_prose(struct extractor *ex, const struct document *doc, const struct block *b,
		   struct entry_set *set)
{
	struct para p;
	struct pending *pend = NULL;
	size_t npend = 0, apend = 0, i, s;
	double prev_cond[3] = { NAN, NAN, NAN };
	size_t prev_cond_sent = (size_t)-1;

	extract_normalize(ex, b->text, b->len);
	memset(&p, 0, sizeof(p));
	p.t = ex->nt.text;
	p.len = ex->nt.len;
	{
		size_t max = p.len / 8 + 16;
		p.sent = xmalloc(max * sizeof(*p.sent));
		p.nsent = sentence_split(p.t, p.len, p.sent, max);
		if (p.nsent > max)
			p.nsent = max;
	}
	{
		size_t max = p.len / 4 + 4;
		p.cites = xmalloc(max * sizeof(*p.cites));
		p.ncites = cite_scan(p.t, p.len, p.cites, max);
		if (p.ncites > max)
			p.ncites = max;
	}
	find_mentions(ex, &p);
	find_quantities(ex, &p);

	for (s = 0; s < p.nsent; s++) {
		int respectively = sentence_has(&p, s, "respectively");
		int computed;
		size_t *ov;
		double cond_here[3] = { NAN, NAN, NAN };
		int any_result = 0;
		computed = xpat_match(ex, XP_COMPUTED, p.t, p.sent[s].end, p.sent[s].start, &ov);
		for (i = 0; i < p.nq; i++) {
			const struct qty *q = &p.qs[i];
			int c = kind_cond(q->q.kind);
			if (q->sentence == s && c >= 0 && !q->q.is_range && isnan(cond_here[c]))
				cond_here[c] = q->q.values[0];
			if (q->sentence == s && q->result)
				any_result = 1;
		}
		if (isnan(cond_here[1]) && xpat_match(ex, XP_ATM, p.t, p.sent[s].end, p.sent[s].start, &ov))
			cond_here[1] = 0.101325;
		for (i = 0; i < p.nq && any_result; i++) {
			const struct qty *q = &p.qs[i];
			const struct mention *m;
			size_t vi;
			if (q->sentence != s || !q->result)
				continue;
			for (vi = 0; vi < q->q.nvalues; vi++) {
				struct pending pe;
				size_t k, slot;
				int merged = 0;
				m = pick_mention(ex, &p, q, vi, respectively);
				if (!m)
					continue;
				memset(&pe, 0, sizeof(pe));
				pe.m = m;
				pe.sent = s;
				pe.pos = q->q.start;
				pe.computed = computed;
				for (k = 0; k < 4; k++)
					pe.res[k] = NAN;
				for (k = 0; k < 3; k++) {
					pe.cond[k] = pick_condition(&p, s, q, vi, (int)k, respectively);
					if (isnan(pe.cond[k]) && isnan(cond_here[k]) && prev_cond_sent + 1 == s &&
					    q->q.kind != QK_EA)
						pe.cond[k] = prev_cond[k];
					if (isnan(pe.cond[k]) && k == 1)
						pe.cond[k] = cond_here[1];
				}
				slot = q->q.kind == QK_RATE_CAT ? 0 : q->q.kind == QK_RATE_METAL ? 1 :
				       q->q.kind == QK_TOF ? 2 : 3;
				pe.res[slot] = q->q.values[vi];
				if (slot == 1)
					memcpy(pe.rate_metal, q->q.metal, sizeof(pe.rate_metal));
				pick_ref(&p, q, pe.ref, sizeof(pe.ref));
				pick_loading(&p, s, m, pe.loading, sizeof(pe.loading));
				/* a catalyst carried from before that already has this result: ambiguous */
				if (m->end <= p.sent[s].start) {
					int dup = 0;
					for (k = 0; k < npend; k++)
						if (pend[k].m == m && !isnan(pend[k].res[slot]))
							dup = 1;
					if (dup)
						continue;
				}
				for (k = 0; k < npend; k++) {
					if (pend[k].m == m && pend[k].sent == s && same_cond(pend[k].cond, pe.cond) &&
					    isnan(pend[k].res[slot])) {
						pend[k].res[slot] = pe.res[slot];
						if (slot == 1)
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
		if (!isnan(cond_here[0]) || !isnan(cond_here[1]) || !isnan(cond_here[2])) {
			memcpy(prev_cond, cond_here, sizeof(prev_cond));
			prev_cond_sent = s;
		}
	}
	for (i = 0; i < npend; i++)
		emit(doc, b, ex, &p, &pend[i], set);
	free(pend);
	free(p.sent);
	free(p.cites);
	free(p.men);
	free(p.qs);
}
