/*
 * hashidx.h: an index from 64-bit hashes to element numbers (size_t), for
 * finding equal things in linear time instead of comparing every pair.
 *
 * Several elements may share a hash (equal keys, or a collision): callers
 * walk them with hashidx_next and compare the keys themselves.  Open
 * addressing with linear probing; the table doubles at half full.
 *
 *	struct hashidx x = HASHIDX_INIT;
 *	hashidx_put(&x, hash64_str(HASH_INIT, key), i);
 *	size_t pos = SIZE_MAX, j;
 *	while ((j = hashidx_next(&x, h, &pos)) != SIZE_MAX) ...
 *	hashidx_release(&x);
 */
#ifndef NH3CAT_HASHIDX_H
#define NH3CAT_HASHIDX_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a: start with HASH_INIT, fold in strings or bytes. */
#define HASH_INIT 1469598103934665603ULL
/* Fold in the bytes of s and a separator, so that ("ab","c") != ("a","bc"). */
uint64_t hash64_str(uint64_t h, const char *s);
uint64_t hash64_bytes(uint64_t h, const void *p, size_t n);

struct hashidx {
	uint64_t *h;
	size_t *ix;      /* SIZE_MAX: empty */
	size_t cap, n;
};
#define HASHIDX_INIT { NULL, NULL, 0, 0 }

void hashidx_put(struct hashidx *x, uint64_t h, size_t i);
/*
 * The elements stored under h, one a call: start with *pos = SIZE_MAX;
 * returns the next element, or SIZE_MAX at the end.
 */
size_t hashidx_next(const struct hashidx *x, uint64_t h, size_t *pos /* IN/OUT */);
void hashidx_release(struct hashidx *x);

#endif
