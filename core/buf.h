/*
 * A growable byte buffer, always NUL-terminated.  An allocation failure is
 * sticky: later appends do nothing and buf_failed() says so, so a caller
 * checks once at the end.  The caller owns the buffer; buf_release() frees
 * it, buf_detach() hands the bytes over.
 *
 * A buffer whose .secret is set (a plaintext, a key) never leaves its bytes
 * behind: growing copies them and wipes the old block, buf_reset() and
 * buf_release() wipe them.  Bytes taken with buf_detach() are the caller's
 * to wipe.
 */
#ifndef CONVENE_BUF_H
#define CONVENE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *ptr;
	size_t len, cap;
	int failed;
	int secret;
};

#define BUF_INIT { NULL, 0, 0, 0, 0 }
#define BUF_SECRET_INIT { NULL, 0, 0, 0, 1 }

int buf_grow(struct buf *b, size_t extra);
int buf_add(struct buf *b, const void *data, size_t len);
int buf_adds(struct buf *b, const char *s);
int buf_addc(struct buf *b, char c);
int buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int buf_vaddf(struct buf *b, const char *fmt, va_list ap);
void buf_reset(struct buf *b);
/* Returns the bytes (caller frees) and leaves b empty; NULL if it failed. */
char *buf_detach(struct buf *b, size_t *len);
void buf_release(struct buf *b);
static inline int buf_failed(const struct buf *b) { return b->failed; }
/* The contents, "" when empty. */
static inline const char *buf_str(const struct buf *b) { return b->ptr ? b->ptr : ""; }

#endif
