/*
 * hashidx.c: hashes of strings and an index from hashes to element
 * numbers; see hashidx.h.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "hashidx.h"
#include "util.h"

#define FNV_PRIME 1099511628211ULL

uint64_t hash64_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;
	for (i = 0; i < n; i++)
		h = (h ^ s[i]) * FNV_PRIME;
	return (h ^ 0xff) * FNV_PRIME;   /* field separator */
}

uint64_t hash64_str(uint64_t h, const char *s)
{
	return hash64_bytes(h, s, strlen(s));
}

static void grow(struct hashidx *x)
{
	struct hashidx old = *x;
	size_t k;
	x->cap = old.cap ? old.cap * 2 : 64;
	x->n = 0;
	x->h = xcalloc(x->cap, sizeof(*x->h));
	x->ix = xmalloc(x->cap * sizeof(*x->ix));
	for (k = 0; k < x->cap; k++)
		x->ix[k] = SIZE_MAX;
	for (k = 0; k < old.cap; k++)
		if (old.ix[k] != SIZE_MAX)
			hashidx_put(x, old.h[k], old.ix[k]);
	free(old.h);
	free(old.ix);
}

void hashidx_put(struct hashidx *x, uint64_t h, size_t i)
{
	size_t k;
	if ((x->n + 1) * 2 > x->cap)
		grow(x);
	for (k = (size_t)h & (x->cap - 1); x->ix[k] != SIZE_MAX; k = (k + 1) & (x->cap - 1))
		;
	x->h[k] = h;
	x->ix[k] = i;
	x->n++;
}

size_t hashidx_next(const struct hashidx *x, uint64_t h, size_t *pos)
{
	size_t k;
	if (!x->cap)
		return SIZE_MAX;
	k = *pos == SIZE_MAX ? (size_t)h & (x->cap - 1) : (*pos + 1) & (x->cap - 1);
	for (; x->ix[k] != SIZE_MAX; k = (k + 1) & (x->cap - 1))
		if (x->h[k] == h) {
			*pos = k;
			return x->ix[k];
		}
	return SIZE_MAX;
}

void hashidx_release(struct hashidx *x)
{
	free(x->h);
	free(x->ix);
	memset(x, 0, sizeof(*x));
}
