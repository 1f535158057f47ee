/*
 * utf8.h: UTF-8 decoding and validation (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF).
 */
#ifndef NH3CAT_UTF8_H
#define NH3CAT_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one code point at s (n bytes available).  Returns its length in
 * bytes (1-4) and sets *cp, or 0 when the bytes there are not valid UTF-8.
 */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp /* OUT */);
/* Encode cp into out (4 bytes at least); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/*
 * Check s[0..n): returns n when all of it is valid UTF-8, else the offset
 * of the first invalid byte.
 */
size_t utf8_validate(const char *s, size_t n);
/* Count code points in s[0..n), for 1-based columns counted in characters. */
size_t utf8_count(const char *s, size_t n);

#endif
