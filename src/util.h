/*
 * util.h: memory, errors and small helpers shared by every module.
 *
 * Ownership rule for the whole codebase: a returned non-const pointer
 * belongs to the caller, who frees it (or calls the matching *_free);
 * a const pointer is borrowed and lives as long as its owner.
 *
 * Out-of-memory is not an error nh3cat recovers from: the x*alloc
 * functions print a message and exit with status 2.
 */
#ifndef NH3CAT_UTIL_H
#define NH3CAT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Exit statuses of the nh3cat command, one place for all of them. */
enum exit_status {
	EXIT_OK = 0,        /* success */
	EXIT_FINDINGS = 1,  /* validation errors, a score below --min-f1 */
	EXIT_INPUT = 2      /* usage error, unreadable or malformed input */
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define ATTR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define ATTR_NORETURN __attribute__((noreturn))
#else
#define ATTR_PRINTF(f, a)
#define ATTR_NORETURN
#endif

/* --- memory: never return NULL ------------------------------------- */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grow *p (holding *alloc elements of elsize bytes) to hold at least need. */
void *xgrow(void *p, size_t *alloc, size_t need, size_t elsize);

/* --- errors ----------------------------------------------------------- */
/* The program name used in messages ("nh3cat"). */
extern const char *progname;

/* Print "nh3cat: error: MESSAGE" to stderr and return -1. */
int error(const char *fmt, ...) ATTR_PRINTF(1, 2);
/* Print "nh3cat: warning: MESSAGE" to stderr. */
void warning(const char *fmt, ...) ATTR_PRINTF(1, 2);
/* Print "nh3cat: fatal: MESSAGE" and exit with EXIT_INPUT. */
void die(const char *fmt, ...) ATTR_PRINTF(1, 2) ATTR_NORETURN;

/* --- strings ---------------------------------------------------------- */
int str_eq(const char *a, const char *b);
int str_startswith(const char *s, const char *prefix);
int str_endswith(const char *s, const char *suffix);
/*
 * ASCII character classes, independent of the locale (unlike <ctype.h>, whose
 * classes follow LC_CTYPE and are undefined for negative chars).  A byte of a
 * UTF-8 sequence (>= 0x80) is in none of them.
 */
static inline int is_digit(int c) { return c >= '0' && c <= '9'; }
static inline int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline int is_alpha(int c) { return is_upper(c) || is_lower(c); }
static inline int is_alnum(int c) { return is_alpha(c) || is_digit(c); }
/* ASCII case-insensitive comparison, independent of the locale. */
int str_casecmp(const char *a, const char *b);
/* Remove leading and trailing ASCII white space in place; returns s. */
char *str_trim(char *s);

/*
 * Parse a decimal number ("12", "-0.5", "2.53e-2") in the whole of s,
 * independent of the locale.  Returns 0 and sets *out, or -1 when s is
 * empty, has anything else in it, or overflows or underflows a double
 * (1e400, 1e-400: never read as infinity or zero).
 */
int num_parse(const char *s, double *out /* OUT */);
/* Same, over the first len bytes of s. */
int num_parse_n(const char *s, size_t len, double *out /* OUT */);
/*
 * The magnitudes an entry holds: zero, or NUM_MIN up to (not including)
 * NUM_MAX, wider than any quantity of the schema in its canonical unit.
 * Within them every double prints (num_format) as a plain decimal of at
 * most NUM_PLAIN_MAX characters; a value outside them is an overflow or
 * underflow of the input or of a conversion, and is never written.
 */
#define NUM_MIN 1e-15
#define NUM_MAX 1e15
#define NUM_MIN_TEXT "0.000000000000001"
#define NUM_MAX_TEXT "1000000000000000"
#define NUM_PLAIN_MAX 40
#define NUM_PLAIN_MAX_TEXT "40"
int num_in_range(double v);
/*
 * The schema's number grammar (nh3cat validate --explain schema-number):
 * an optional '-', digits, optionally '.' and digits; no '+', exponent,
 * blank or thousands separator; at most NUM_PLAIN_MAX characters and a
 * magnitude num_in_range accepts.  Returns NULL and sets *out, or why s
 * is no schema number ("written with an exponent"), a static string.
 */
const char *num_plain_check(const char *s, double *out /* OUT */);
/*
 * Format v as the shortest plain decimal (no exponent) that reads back as
 * the same double: 2.7, 0.0253, 60000.  buf must hold NUM_BUFSZ bytes.
 * Only a value num_in_range accepts may be written to an entry.
 */
#define NUM_BUFSZ 400
const char *num_format(double v, char *buf);
/*
 * The digits of a > 0 rounded to sig (1..15) significant digits as a
 * printf "%.*e" would round them, by arithmetic alone: 0 with the integer
 * *n of sig digits, *k and the decimal exponent *e of a, so that n / 10^k
 * is the rounded value (num_pow10(k) is 10^k exactly, k <= 22).  -1 when
 * arithmetic cannot be sure (a near a tie, beyond 10^15 or below 10^-8):
 * then print.
 */
int num_digits(double a, int sig, double *n /* OUT */, int *k /* OUT */, int *e /* OUT */);
double num_pow10(int k);
/*
 * v rounded to dec (0..10) decimals, as printing "%.*f" and reading it
 * back would give, by arithmetic alone: 0 and *r, or -1 (|v| of 10^4 or
 * more, or near a tie): then print.
 */
int num_round_dec(double v, int dec, double *r /* OUT */);

/* --- files ------------------------------------------------------------ */
/*
 * Read the whole of path into a NUL-terminated buffer (*len excludes the
 * NUL).  Refuses directories, non-regular files and more than
 * FILE_READ_MAX bytes (a device or pipe that never ends); a named pipe
 * without a writer reads as empty.  On failure prints "PATH: error: ..."
 * and returns NULL.
 */
#define FILE_READ_MAX (256 << 20)
char *file_read_all(const char *path, size_t *len /* OUT */);

#include "banned.h"

#endif
