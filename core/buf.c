/* Growable buffers: see buf.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

int buf_grow(struct buf *b, size_t extra)
{
	size_t want;
	char *p;

	if (b->failed)
		return -1;
	if (extra >= (size_t)-1 / 2 - b->len)
		goto fail;
	want = b->len + extra + 1;
	if (want <= b->cap)
		return 0;
	if (want < b->cap * 3 / 2)
		want = b->cap * 3 / 2;
	if (want < 64)
		want = 64;
	if (b->secret) {
		p = malloc(want);
		if (!p)
			goto fail;
		if (b->ptr) {
			memcpy(p, b->ptr, b->len + 1);
			explicit_bzero(b->ptr, b->cap);
			free(b->ptr);
		}
	} else {
		p = realloc(b->ptr, want);
		if (!p)
			goto fail;
	}
	b->ptr = p;
	b->cap = want;
	return 0;
fail:
	b->failed = 1;
	return -1;
}

int buf_add(struct buf *b, const void *data, size_t len)
{
	if (buf_grow(b, len) < 0)
		return -1;
	if (len)
		memcpy(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
	return 0;
}

int buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int buf_addc(struct buf *b, char c)
{
	return buf_add(b, &c, 1);
}

int buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0 || buf_grow(b, (size_t)n) < 0) {
		b->failed = 1;
		return -1;
	}
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = buf_vaddf(b, fmt, ap);
	va_end(ap);
	return r;
}

void buf_reset(struct buf *b)
{
	if (b->secret && b->ptr)
		explicit_bzero(b->ptr, b->cap);
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *p;

	if (b->failed) {
		buf_release(b);
		return NULL;
	}
	if (!b->ptr && buf_grow(b, 0) < 0)
		return NULL;
	if (!b->ptr)
		return NULL;
	p = b->ptr;
	p[b->len] = '\0';
	if (len)
		*len = b->len;
	b->ptr = NULL;
	b->len = b->cap = 0;
	return p;
}

void buf_release(struct buf *b)
{
	if (b->secret && b->ptr)
		explicit_bzero(b->ptr, b->cap);
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}
