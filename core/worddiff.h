/*
 * A word diff of two texts, for history: what was removed and what was
 * added, word by word.  Words are runs of bytes between ASCII spaces and
 * line breaks, so UTF-8 (Hebrew) is never cut, and text stays in logical
 * order: no direction marks are added.
 */
#ifndef CONVENE_WORDDIFF_H
#define CONVENE_WORDDIFF_H

#include "buf.h"

struct word_marks {
	const char *del_open, *del_close;   /* "[-", "-]" or colour codes */
	const char *add_open, *add_close;   /* "{+", "+}" */
};

/* Appends b, with the words of a it no longer has and the words it added
 * marked.  Returns 0, or -1 when out of memory. */
int word_diff(struct buf *out, const char *a, size_t alen, const char *b, size_t blen,
	      const struct word_marks *marks);

#endif
