/*
 * libFuzzer target for the merge: the input is base, ours and theirs
 * separated by NUL bytes.  Whatever they hold, no crash; when all three
 * load, the merge loads back, is canonical, and does not depend on which
 * side is ours.  The line merge runs on the raw text too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/merge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Whether a !conflict holds another one somewhere below it. */
static int nested(const struct doc_node *n, int inside)
{
	const struct doc_node *c;

	if (!n)
		return 0;
	if (n->flags & DOC_CONFLICT) {
		if (inside)
			return 1;
		inside = 1;
	}
	for (c = n->head; c; c = c->next)
		if (nested(c, inside))
			return 1;
	return 0;
}

static char *merged(const struct doc *b, const struct doc *x, const char *xl,
		    const struct doc *y, const char *yl, size_t *conflicts)
{
	struct merge_opts o = { xl, yl };
	struct buf out = BUF_INIT;
	struct doc *m;
	struct err err;

	if (merge_docs(&m, conflicts, b, x, y, &o, &err) < 0)
		abort();
	if (doc_emit(&out, m) < 0)
		abort();
	doc_free(m);
	return buf_detach(&out, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p[3];
	size_t len[3], i, at = 0, c1, c2;
	struct doc *d[3] = { NULL, NULL, NULL }, *again;
	struct buf lines = BUF_INIT, e = BUF_INIT;
	struct err err;
	char *m1, *m2;

	for (i = 0; i < 3; i++) {
		const char *s = (const char *)data + at;
		const char *z = at < size ? memchr(s, '\0', size - at) : NULL;

		p[i] = at < size ? s : "";
		len[i] = at < size ? (z ? (size_t)(z - s) : size - at) : 0;
		at += len[i] + 1;
	}
	merge_lines(&lines, p[0], len[0], p[1], len[1], p[2], len[2], "ours", "theirs");
	buf_release(&lines);
	for (i = 0; i < 3; i++)
		if (doc_load(&d[i], p[i], len[i], &err) < 0)
			goto done;
	m1 = merged(d[0], d[1], "x", d[2], "y", &c1);
	m2 = merged(d[0], d[2], "y", d[1], "x", &c2);
	if (!m1 || !m2 || strcmp(m1, m2) || c1 != c2)
		abort();  /* not symmetric */
	if (doc_load(&again, m1, strlen(m1), &err) < 0)
		abort();  /* the result must load */
	/* a merge of inputs without conflicts never nests the ones it makes
	 * (inputs may hold hand-made, malformed !conflict nodes) */
	if (nested(again->root, 0) && !nested(d[0]->root, 1) && !nested(d[1]->root, 1) &&
	    !nested(d[2]->root, 1))
		abort();
	doc_emit(&e, again);
	if (strcmp(buf_str(&e), m1))
		abort();  /* and be canonical */
	buf_release(&e);
	doc_free(again);
	free(m1);
	free(m2);
done:
	for (i = 0; i < 3; i++)
		doc_free(d[i]);
	return 0;
}
