/*
 * Completion of field paths, one level at a time.
 */
#include <stdio.h>
#include <string.h>

#include "complete.h"
#include "path.h"

/* A list whose items are mappings with ids: agenda, notes, indicators. */
static int list_of_ids(const struct doc_node *n)
{
	const struct doc_node *id;

	if (n->kind != DOC_SEQ || !n->head || n->head->kind != DOC_MAP)
		return 0;
	id = doc_get(n->head, "id");
	return id && id->kind == DOC_SCALAR;
}

static const char *suffix(const struct doc_node *n)
{
	if (n->kind == DOC_MAP)
		return ".";
	return list_of_ids(n) ? "[" : "";
}

/* The node rest[0..len) selects in doc: the root when len is 0. */
static const struct doc_node *resolve(const struct doc *doc, const char *file, const char *rest,
				      size_t len)
{
	char text[512];
	struct path p;
	struct doc_node *n;
	struct err err;

	if (!len)
		return doc->root;
	if ((size_t)snprintf(text, sizeof(text), "%s:%.*s", file, (int)len, rest) >= sizeof(text))
		return NULL;
	err_clear(&err);
	if (path_parse(&p, text, &err) < 0 || path_resolve(&n, doc->root, &p, p.n, &err) < 0)
		return NULL;
	return n;
}

void complete_in_doc(struct buf *out, const struct doc *doc, const char *file, const char *lead,
		     const char *rest)
{
	const struct doc_node *node, *c, *id;
	size_t len = strlen(rest), pos, plen;
	const char *partial;
	char sep = 0;

	if (!doc || !doc->root)
		return;
	if (len && rest[len - 1] == ']') {
		if ((node = resolve(doc, file, rest, len)) && node->kind == DOC_MAP)
			buf_addf(out, "%s%s\n", lead, rest);
		return;
	}
	for (pos = len; pos > 0; pos--)
		if (rest[pos - 1] == '.' || rest[pos - 1] == '[')
			break;
	if (pos) {
		sep = rest[pos - 1];
		node = resolve(doc, file, rest, pos - 1);
	} else {
		node = doc->root;
	}
	partial = rest + pos;
	plen = strlen(partial);
	if (!node)
		return;
	if (sep == '[') {
		if (node->kind != DOC_SEQ)
			return;
		for (c = node->head; c; c = c->next) {
			if (c->kind != DOC_MAP || !(id = doc_get(c, "id")) || id->kind != DOC_SCALAR)
				continue;
			if (!strncmp(id->str, partial, plen))
				buf_addf(out, "%s%.*s%s]\n", lead, (int)pos, rest, id->str);
		}
		return;
	}
	if (node->kind != DOC_MAP)
		return;
	for (c = node->head; c; c = c->next)
		if (c->key && c->key->kind == DOC_SCALAR && !strncmp(c->key->str, partial, plen))
			buf_addf(out, "%s%.*s%s%s\n", lead, (int)pos, rest, c->key->str, suffix(c));
}
