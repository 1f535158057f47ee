/*
 * validate_ctx.c: what the validator's driver (validate.c) and its
 * cross-entry rules (validate_cross.c) share: findings held back and
 * emitted in line order, and the helpers both read entries with.  See
 * validate_ctx.h.
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "chem.h"
#include "validate_ctx.h"

static int pct_ok(const char *s, size_t n)
{
	double v;
	return num_parse_n(s, n, &v) == 0 && v >= 0 && v <= 100;
}

int loading_is_valid(const char *s)
{
	const char *p = s;
	if (!strchr(s, ':'))
		return pct_ok(s, strlen(s));
	while (*p) {
		const char *colon = strchr(p, ':');
		const char *end = strchr(p, ';');
		if (!end)
			end = p + strlen(p);
		if (!colon || colon > end || !chem_is_element(p, (size_t)(colon - p)) ||
		    !pct_ok(colon + 1, (size_t)(end - colon - 1)))
			return 0;
		p = *end ? end + 1 : end;
		if (*end && !*p)
			return 0;   /* trailing ';' */
	}
	return 1;
}

/* --- findings ------------------------------------------------------------ */

/*
 * Findings are held in a batch of at most FINDINGS_HELD of them or
 * FINDINGS_TEXT bytes of messages.  A full batch is sorted and written as a
 * run to an unlinked temporary file (tmpfile).  At the end every run is
 * merged at once into the diagnostics, through a heap of their cursors: a
 * finding is written once and read once however many there are (merging
 * runs level by level, 16 at a time, copied it a number of times growing
 * with the log of their number).  The cursors' buffers share
 * FINDINGS_MERGE_BUF bytes, at least CURSOR_BUF_MIN each.  A run without a
 * temporary file holds every finding, as it always did.
 */
#define FINDINGS_HELD 8192
#define FINDINGS_TEXT (1u << 20)
#define FINDINGS_MERGE_BUF (4u << 20)
#define CURSOR_BUF_MAX 8192
#define CURSOR_BUF_MIN 512

static int cmp_held(const struct held *x, const struct held *y)
{
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return (x->sub > y->sub) - (x->sub < y->sub);
}

static int cmp_held_q(const void *a, const void *b)
{
	return cmp_held(a, b);
}

/* A record of the spill file: its struct held (off unused), then len bytes. */
static void spill_write(struct vctx *v, const struct held *h, const char *text)
{
	if (fwrite(h, sizeof(*h), 1, v->spill) != 1 || fwrite(text, 1, h->len, v->spill) != h->len)
		die("writing findings to a temporary file: %s", strerror(errno));
}

/* A run being read back: pread through its own buffer. */
struct cursor {
	int fd;
	long long pos, end;
	char *buf;
	size_t bsize, blen, bpos;
	struct held h;     /* the current record, when live */
	struct buf text;
	int live;
};

static void cursor_read(struct cursor *c, void *dst, size_t n)
{
	char *out = dst;
	while (n) {
		size_t k;
		if (c->bpos == c->blen) {
			size_t want = c->bsize;
			ssize_t got;
			if ((long long)want > c->end - c->pos)
				want = (size_t)(c->end - c->pos);
			got = want ? pread(c->fd, c->buf, want, (off_t)c->pos) : 0;
			if (got <= 0)
				die("reading findings back from a temporary file: %s",
				    got < 0 ? strerror(errno) : "short file");
			c->pos += got;
			c->blen = (size_t)got;
			c->bpos = 0;
		}
		k = c->blen - c->bpos < n ? c->blen - c->bpos : n;
		memcpy(out, c->buf + c->bpos, k);
		c->bpos += k;
		out += k;
		n -= k;
	}
}

static void cursor_next(struct cursor *c)
{
	c->live = c->pos < c->end || c->bpos < c->blen;
	if (!c->live)
		return;
	cursor_read(c, &c->h, sizeof(c->h));
	buf_reset(&c->text);
	buf_grow(&c->text, c->h.len);
	cursor_read(c, c->text.data, c->h.len);
	c->text.len = c->h.len;
	c->text.data[c->h.len] = '\0';
}

/* One finding with its appended texts, as it is complete. */
struct emitter {
	struct vctx *v;
	struct held h;
	struct buf msg;
	int open;
};

static void emit_done(struct emitter *em)
{
	if (!em->open)
		return;
	diag_emit_msg(em->v->d, em->v->file, em->h.line, 0, (enum diag_severity)em->h.sev,
		      rule_table[em->h.rule].id, buf_str(&em->msg), em->msg.len);
	em->open = 0;
}

static void emit_record(struct emitter *em, const struct held *h, const char *text)
{
	if (h->sub == 0) {
		emit_done(em);
		em->h = *h;
		buf_reset(&em->msg);
		buf_add(&em->msg, text, h->len);
		em->open = 1;
	} else if (em->open && em->h.seq == h->seq) {
		buf_add(&em->msg, text, h->len);
	}
}

/* Restore the heap order of h[0..n) (least first) below slot i. */
static void heap_down(struct cursor **h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		struct cursor *t;
		if (l < n && cmp_held(&h[l]->h, &h[m]->h) < 0)
			m = l;
		if (l + 1 < n && cmp_held(&h[l + 1]->h, &h[m]->h) < 0)
			m = l + 1;
		if (m == i)
			return;
		t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

/* Merge every run in line order into the diagnostics. */
static void merge_runs(struct vctx *v, struct emitter *em)
{
	size_t k, n = 0, nc = v->nruns, bsize = FINDINGS_MERGE_BUF / (nc ? nc : 1);
	struct cursor *c = xcalloc(nc + 1, sizeof(*c));
	struct cursor **heap = xcalloc(nc + 1, sizeof(*heap));
	int fd = fileno(v->spill);

	if (fflush(v->spill) != 0)
		die("writing findings to a temporary file: %s", strerror(errno));
	if (bsize > CURSOR_BUF_MAX)
		bsize = CURSOR_BUF_MAX;
	if (bsize < CURSOR_BUF_MIN)
		bsize = CURSOR_BUF_MIN;
	for (k = 0; k < nc; k++) {
		c[k].fd = fd;
		c[k].pos = v->runs[k].off;
		c[k].end = v->runs[k].off + v->runs[k].len;
		c[k].bsize = bsize;
		c[k].buf = xmalloc(bsize);
		cursor_next(&c[k]);
		if (c[k].live)
			heap[n++] = &c[k];
	}
	for (k = n / 2; k-- > 0;)
		heap_down(heap, n, k);
	while (n) {
		struct cursor *min = heap[0];
		emit_record(em, &min->h, buf_str(&min->text));
		cursor_next(min);
		if (!min->live)
			heap[0] = heap[--n];
		heap_down(heap, n, 0);
	}
	for (k = 0; k < nc; k++) {
		free(c[k].buf);
		buf_release(&c[k].text);
	}
	free(c);
	free(heap);
}

/* The batch, sorted, as a run at the end of the temporary file. */
static void spill_batch(struct vctx *v)
{
	struct spill_run r;
	size_t i;

	if (!v->spill && !v->spill_failed) {
		v->spill = tmpfile();
		v->spill_failed = !v->spill;
	}
	if (!v->spill)
		return;   /* keep holding */
	qsort(v->held, v->nheld, sizeof(*v->held), cmp_held_q);
	if (fseeko(v->spill, 0, SEEK_END) != 0)
		die("writing findings to a temporary file: %s", strerror(errno));
	r.off = (long long)ftello(v->spill);
	for (i = 0; i < v->nheld; i++)
		spill_write(v, &v->held[i], v->held_text.data + v->held[i].off);
	r.len = (long long)ftello(v->spill) - r.off;
	v->runs = xgrow(v->runs, &v->runs_alloc, v->nruns + 1, sizeof(*v->runs));
	v->runs[v->nruns++] = r;
	v->nheld = 0;
	buf_reset(&v->held_text);
}

static long hold(struct vctx *v, long line, size_t seq, size_t sub, int sev, enum rule r,
		 const char *fmt, va_list ap)
{
	struct held *h;
	if (v->nheld >= FINDINGS_HELD || v->held_text.len >= FINDINGS_TEXT)
		spill_batch(v);
	v->held = xgrow(v->held, &v->held_alloc, v->nheld + 1, sizeof(*v->held));
	h = &v->held[v->nheld++];
	h->line = line;
	h->seq = seq;
	h->sub = sub;
	h->sev = sev;
	h->rule = r;
	h->off = v->held_text.len;
	buf_vprintf(&v->held_text, fmt, ap);
	h->len = v->held_text.len - h->off;
	return (long)seq;
}

long vfinding(struct vctx *v, const struct entry *e, enum rule r, const char *fmt, ...)
{
	int sev = v->rules->sev[r];
	const char *id = entry_get(e, COL_ID);
	va_list ap;
	long k;

	if (sev == RULE_OFF)
		return -1;
	{
		const char *why = waivers_match(v->cell_waivers, id, r);
		if (!why)
			why = waivers_match(v->file_waivers, id, r);
		if (why) {
			v->waived++;
			if (v->on_waived)
				v->on_waived(v->waived_ctx, v->file, e, rule_table[r].id, why);
			return -1;
		}
	}
	va_start(ap, fmt);
	k = hold(v, e->line, v->nseq, 0, sev, r, fmt, ap);
	va_end(ap);
	v->nseq++;
	return k;
}

void vfinding_append(struct vctx *v, const struct entry *e, long k, const char *fmt, ...)
{
	va_list ap;
	if (k < 0)
		return;
	va_start(ap, fmt);
	hold(v, e->line, (size_t)k, ++v->nseq, 0, (enum rule)0, fmt, ap);
	va_end(ap);
}

void vfindings_flush(struct vctx *v)
{
	struct emitter em;
	size_t i;

	memset(&em, 0, sizeof(em));
	em.v = v;
	if (v->spill) {
		if (v->nheld)
			spill_batch(v);
		merge_runs(v, &em);
		fclose(v->spill);
		v->spill = NULL;
	} else {
		if (v->nheld)
			qsort(v->held, v->nheld, sizeof(*v->held), cmp_held_q);
		for (i = 0; i < v->nheld; i++)
			emit_record(&em, &v->held[i], v->held_text.data + v->held[i].off);
	}
	emit_done(&em);
	buf_release(&em.msg);
	free(v->held);
	free(v->runs);
	buf_release(&v->held_text);
	v->held = NULL;
	v->runs = NULL;
	v->nheld = v->held_alloc = v->nruns = v->runs_alloc = v->nseq = 0;
}

int entry_is_rejected(const struct entry *e)
{
	return str_eq(entry_get(e, COL_STATUS), "rejected");
}

/* --- loading within one entry ------------------------------------------ */

double entry_loading_of(const struct entry *e, const char *metal)
{
	const char *l = entry_get(e, COL_LOADING_WT);
	double x;
	return entry_loading_of_parsed(e, metal, !strchr(l, ':') && num_parse(l, &x) == 0 ? x : NAN);
}

double entry_loading_of_parsed(const struct entry *e, const char *metal, double plain)
{
	const char *l = entry_get(e, COL_LOADING_WT);
	size_t mlen = strlen(metal);
	double x;
	if (!*l)
		return -1;
	if (!strchr(l, ':')) {
		struct chem_name nf;
		const char *m = entry_get(e, COL_METALS);
		if (isnan(plain) || plain < 0 || plain > 100)
			return -1;   /* loading_is_valid */
		if (*m)
			return str_eq(m, metal) ? plain : -1;
		chem_name_analyze(entry_get(e, COL_CATALYST), &nf);
		if (nf.nmetals == 1 && str_eq(nf.metals[0], metal))
			return plain;
		return -1;
	}
	if (!loading_is_valid(l))
		return -1;
	while (*l) {
		const char *colon = strchr(l, ':');
		const char *end = strchr(l, ';');
		if ((size_t)(colon - l) == mlen && memcmp(l, metal, mlen) == 0)
			return num_parse_n(colon + 1, end ? (size_t)(end - colon - 1) :
					   strlen(colon + 1), &x) == 0 ? x : -1;
		if (!end)
			break;
		l = end + 1;
	}
	return -1;
}

/* --- comparing numbers ----------------------------------------------------- */

/* 0.5 * 10^-dec, computed once for the decimals numbers have */
static double half_unit_of(size_t dec)
{
	static const double tab[] = { 0.5, 0.05, 0.005, 0.0005, 0.00005, 0.000005, 0.0000005,
				      0.00000005, 0.000000005, 0.0000000005, 0.00000000005 };
	return dec < ARRAY_SIZE(tab) ? tab[dec] : 0.5 * pow(10.0, -(double)dec);
}

double half_unit(const char *s)
{
	const char *dot = strchr(s, '.');
	size_t dec = 0;
	if (dot)
		while (dot[1 + dec] >= '0' && dot[1 + dec] <= '9')
			dec++;
	return half_unit_of(dec);
}

int values_agree(const char *a, const char *b, double rel)
{
	double x, y;
	if (num_parse(a, &x) < 0 || num_parse(b, &y) < 0)
		return 1;   /* schema-number reports it */
	return values_agree_parsed(a, x, b, y, rel);
}

int values_agree_parsed(const char *a, double x, const char *b, double y, double rel)
{
	double slack;
	if (isnan(x) || isnan(y))
		return 1;   /* schema-number reports it */
	slack = fmax(half_unit(a), half_unit(b)) + rel * fmax(fabs(x), fabs(y)) + 1e-12;
	return fabs(x - y) <= slack;
}
