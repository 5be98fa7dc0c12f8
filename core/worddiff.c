/*
 * Word diff (worddiff.h): the longest common subsequence of the two texts'
 * tokens (words and the spaces between them), by dynamic programming, on
 * what lies between their common beginning and end.  Changes too far
 * apart for the table are shown as all removed, all added.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "worddiff.h"

struct tok {
	const char *p;
	size_t len;
};

#define MAX_CELLS (4u * 1024 * 1024)

static int is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Splits text into alternating runs of spaces and of other bytes. */
static struct tok *tokens(const char *s, size_t len, size_t *n)
{
	struct tok *v = malloc((len + 1) * sizeof(*v));
	size_t i = 0;

	*n = 0;
	if (!v)
		return NULL;
	while (i < len) {
		size_t j = i;
		int space = is_space(s[i]);

		while (j < len && is_space(s[j]) == space)
			j++;
		v[*n].p = s + i;
		v[(*n)++].len = j - i;
		i = j;
	}
	return v;
}

static int tok_eq(const struct tok *a, const struct tok *b)
{
	return a->len == b->len && !memcmp(a->p, b->p, a->len);
}

static void span(struct buf *out, const struct tok *t, size_t from, size_t to, const char *open,
		 const char *close)
{
	size_t k;

	if (from == to)
		return;
	buf_adds(out, open);
	for (k = from; k < to; k++)
		buf_add(out, t[k].p, t[k].len);
	buf_adds(out, close);
}

/* The diff of token runs ta[0..na) and tb[0..nb). */
static int diff_tokens(struct buf *out, const struct tok *ta, size_t na, const struct tok *tb,
		       size_t nb, const struct word_marks *m)
{
	uint32_t *lcs = NULL;
	size_t i, j, w;
	int rc = -1;

	w = nb + 1;
	if ((na + 1) * w > MAX_CELLS) {
		span(out, ta, 0, na, m->del_open, m->del_close);
		span(out, tb, 0, nb, m->add_open, m->add_close);
		rc = buf_failed(out) ? -1 : 0;
		goto done;
	}
	if (!(lcs = calloc((na + 1) * w, sizeof(*lcs))))
		goto done;
	/* lcs[i][j]: the longest common run of ta[i..] and tb[j..] */
	for (i = na; i-- > 0;)
		for (j = nb; j-- > 0;)
			lcs[i * w + j] = tok_eq(&ta[i], &tb[j]) ? lcs[(i + 1) * w + j + 1] + 1
				: lcs[(i + 1) * w + j] > lcs[i * w + j + 1] ? lcs[(i + 1) * w + j]
				: lcs[i * w + j + 1];
	i = j = 0;
	while (i < na || j < nb) {
		size_t i0, j0;

		while (i < na && j < nb && tok_eq(&ta[i], &tb[j]))
			buf_add(out, tb[j].p, tb[j].len), i++, j++;
		i0 = i, j0 = j;
		/* the run of changes up to the next common word: a common
		 * space alone between two changes joins them, so that a
		 * sentence rewritten reads as one removal and one addition */
		for (;;) {
			size_t ki, kj;

			while (i < na || j < nb) {
				if (i < na && j < nb && tok_eq(&ta[i], &tb[j]) &&
				    lcs[i * w + j] == lcs[(i + 1) * w + j + 1] + 1)
					break;
				if (j >= nb || (i < na && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]))
					i++;
				else
					j++;
			}
			if (i >= na || j >= nb || !is_space(ta[i].p[0]))
				break;
			/* a common space: does another change follow it? */
			ki = i + 1, kj = j + 1;
			if ((ki < na && kj < nb && tok_eq(&ta[ki], &tb[kj]) &&
			     lcs[ki * w + kj] == lcs[(ki + 1) * w + kj + 1] + 1) ||
			    (ki >= na && kj >= nb))
				break;
			i = ki, j = kj;
		}
		span(out, ta, i0, i, m->del_open, m->del_close);
		span(out, tb, j0, j, m->add_open, m->add_close);
	}
	rc = buf_failed(out) ? -1 : 0;
done:
	free(lcs);
	return rc;
}

int word_diff(struct buf *out, const char *a, size_t alen, const char *b, size_t blen,
	      const struct word_marks *m)
{
	struct tok *ta, *tb;
	size_t na, nb, pre = 0, post = 0, k;
	int rc = -1;

	ta = tokens(a, alen, &na);
	tb = tokens(b, blen, &nb);
	if (!ta || !tb)
		goto done;
	/* one word changed in a long text: the table need only span it */
	while (pre < na && pre < nb && tok_eq(&ta[pre], &tb[pre]))
		pre++;
	while (post < na - pre && post < nb - pre &&
	       tok_eq(&ta[na - 1 - post], &tb[nb - 1 - post]))
		post++;
	for (k = 0; k < pre; k++)
		buf_add(out, tb[k].p, tb[k].len);
	if (diff_tokens(out, ta + pre, na - pre - post, tb + pre, nb - pre - post, m) < 0)
		goto done;
	for (k = nb - post; k < nb; k++)
		buf_add(out, tb[k].p, tb[k].len);
	rc = buf_failed(out) ? -1 : 0;
done:
	free(ta);
	free(tb);
	return rc;
}
