/*
 * validate_ctx.c: what the validator's driver (validate.c) and its
 * cross-entry rules (validate_cross.c) share: findings held back and
 * emitted in line order, and the helpers both read entries with.  See
 * validate_ctx.h.
 */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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

long vfinding(struct vctx *v, const struct entry *e, enum rule r, const char *fmt, ...)
{
	int sev = v->rules->sev[r];
	const char *id = entry_get(e, COL_ID);
	va_list ap;

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
	v->pending = xgrow(v->pending, &v->pending_alloc, v->npending + 1, sizeof(*v->pending));
	{
		struct pending *pf = &v->pending[v->npending];
		struct buf msg = BUF_INIT;
		va_start(ap, fmt);
		buf_vprintf(&msg, fmt, ap);
		va_end(ap);
		pf->line = e->line;
		pf->seq = v->npending;
		pf->sev = sev;
		pf->rule = r;
		pf->message = buf_detach(&msg, NULL);
		v->npending++;
	}
	return (long)v->npending - 1;
}

void vfinding_append(struct vctx *v, long k, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;
	if (k < 0 || (size_t)k >= v->npending)
		return;
	buf_addstr(&msg, v->pending[k].message);
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	free(v->pending[k].message);
	v->pending[k].message = buf_detach(&msg, NULL);
}

static int cmp_pending(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

void vfindings_flush(struct vctx *v)
{
	size_t i;
	if (v->npending)
		qsort(v->pending, v->npending, sizeof(*v->pending), cmp_pending);
	for (i = 0; i < v->npending; i++) {
		struct pending *pf = &v->pending[i];
		diag_emit(v->d, v->file, pf->line, 0, (enum diag_severity)pf->sev,
			  rule_table[pf->rule].id, "%s", pf->message);
		free(pf->message);
	}
	free(v->pending);
	v->pending = NULL;
	v->npending = v->pending_alloc = 0;
}

int entry_is_rejected(const struct entry *e)
{
	return str_eq(entry_get(e, COL_STATUS), "rejected");
}

/* --- loading within one entry ------------------------------------------ */

double entry_loading_of(const struct entry *e, const char *metal)
{
	const char *l = entry_get(e, COL_LOADING_WT);
	size_t mlen = strlen(metal);
	double x;
	if (!*l || !loading_is_valid(l))
		return -1;
	if (!strchr(l, ':')) {
		struct chem_name nf;
		const char *m = entry_get(e, COL_METALS);
		if (*m)
			return str_eq(m, metal) && num_parse(l, &x) == 0 ? x : -1;
		chem_name_analyze(entry_get(e, COL_CATALYST), &nf);
		if (nf.nmetals == 1 && str_eq(nf.metals[0], metal) && num_parse(l, &x) == 0)
			return x;
		return -1;
	}
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

double half_unit(const char *s)
{
	const char *dot = strchr(s, '.');
	size_t dec = 0;
	if (dot)
		while (dot[1 + dec] >= '0' && dot[1 + dec] <= '9')
			dec++;
	return 0.5 * pow(10.0, -(double)dec);
}

int values_agree(const char *a, const char *b, double rel)
{
	double x, y, slack;
	if (num_parse(a, &x) < 0 || num_parse(b, &y) < 0)
		return 1;   /* schema-number reports it */
	slack = fmax(half_unit(a), half_unit(b)) + rel * fmax(fabs(x), fabs(y)) + 1e-12;
	return fabs(x - y) <= slack;
}
