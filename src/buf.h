/*
 * buf.h: a growable byte string.
 *
 * Invariants: b->data is NUL-terminated whenever it is non-NULL, and
 * b->len counts the bytes before that NUL.  A zeroed struct buf (BUF_INIT)
 * is a valid empty buffer.  buf_release frees the bytes; buf_detach hands
 * them to the caller and leaves the buffer empty.
 */
#ifndef NH3CAT_BUF_H
#define NH3CAT_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "util.h"

struct buf {
	char *data;
	size_t len;
	size_t alloc;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
void buf_release(struct buf *b);
/* Return the bytes (never NULL) and leave b empty; the caller frees them. */
char *buf_detach(struct buf *b, size_t *len /* OUT, may be NULL */);
void buf_reset(struct buf *b);
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_addstr(struct buf *b, const char *s);
/* One byte; inline, since readers call it for every byte they copy. */
static inline void buf_addch(struct buf *b, int c)
{
	if (b->len + 2 > b->alloc)
		buf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}
void buf_printf(struct buf *b, const char *fmt, ...) ATTR_PRINTF(2, 3);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) ATTR_PRINTF(2, 0);
/* Never NULL: "" for an empty buffer. */
const char *buf_str(const struct buf *b);

#endif
