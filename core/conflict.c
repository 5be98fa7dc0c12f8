/* The value resolve takes at one conflict (conflict.h). */
#include <string.h>

#include "conflict.h"
#include "secret.h"

int conflict_pick_side(struct conflict_pick *out, struct doc_node *c, long n)
{
	struct doc_node *sides = doc_get(c, "sides"), *side;
	const struct doc_node *from;
	long k;

	memset(out, 0, sizeof(*out));
	if (n < 1 || !sides || sides->kind != DOC_SEQ)
		return -1;
	for (k = 1, side = sides->head; side && k < n; k++)
		side = side->next;
	if (!side)
		return -1;
	out->value = doc_get(side, "value");
	out->deleted = !out->value;
	from = doc_get(side, "from");
	out->from = doc_is_str(from) ? from->str : NULL;
	return 0;
}

void conflict_pick_base(struct conflict_pick *out, struct doc_node *c)
{
	memset(out, 0, sizeof(*out));
	out->value = doc_get(c, "base");
	out->deleted = doc_is_null(out->value);
}

int conflict_settle(struct doc *doc, struct doc_node *c, const struct doc_node *value, int deleted)
{
	struct doc_node *copy;

	if (deleted) {
		if (c->parent)
			doc_remove(c);
		else
			doc->root = NULL;
		return 0;
	}
	if (!(copy = doc_copy(doc, value)))
		return -1;
	if (c->parent)
		doc_replace(c, copy);
	else
		doc->root = copy;
	return 0;
}

int conflict_sealed(const struct doc_node *v)
{
	return v && v->kind == DOC_SCALAR && (v->flags & DOC_SECRET);
}

int conflict_open(struct buf *plain, const char *file, const char *path,
		  const struct doc_node *v, const struct age_identity *ids, size_t nids,
		  int *status)
{
	int st = 0;

	if (conflict_sealed(v))
		st = secret_open_value(plain, file, path, v, ids, nids, NULL, 0);
	if (status)
		*status = st;
	return conflict_sealed(v) && st == 0;
}

int conflict_from_commit(const char *from, char *out, size_t size)
{
	const char *w, *end;
	size_t n;

	out[0] = '\0';
	if (!from)
		return 0;
	for (end = from + strlen(from); end > from && end[-1] == ' '; end--)
		;
	for (w = end; w > from && w[-1] != ' '; w--)
		;
	n = (size_t)(end - w);
	if (n < 7 || n > 40 || n + 1 > size || strspn(w, "0123456789abcdef") < n)
		return 0;
	memcpy(out, w, n);
	out[n] = '\0';
	return 1;
}

/* Whether every recipient of a's sealed_for is in b's; the count into *n. */
static int all_in(const struct doc_node *a, const struct doc_node *b, size_t *n)
{
	const struct doc_node *x, *y;
	int found;

	*n = 0;
	for (x = a->head; x; x = x->next, (*n)++) {
		if (!doc_is_str(x))
			return 0;
		for (found = 0, y = b->head; y && !found; y = y->next)
			found = doc_is_str(y) && !strcmp(x->str, y->str);
		if (!found)
			return 0;
	}
	return 1;
}

int conflict_same_readers(const struct doc_node *a, const struct doc_node *b)
{
	const struct doc_node *sa = a && a->kind == DOC_MAP ? doc_get(a, "sealed_for") : NULL;
	const struct doc_node *sb = b && b->kind == DOC_MAP ? doc_get(b, "sealed_for") : NULL;
	size_t na, nb;

	if (!sa || !sb || sa->kind != DOC_SEQ || sb->kind != DOC_SEQ || (sa->flags & DOC_CONFLICT) ||
	    (sb->flags & DOC_CONFLICT))
		return 0;
	return all_in(sa, sb, &na) && all_in(sb, sa, &nb) && na == nb && na > 0;
}
