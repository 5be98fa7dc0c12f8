/* Building an initiative's trees: see domain.h. */
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "domain.h"
#include "text.h"

int dom_random_id(char *out)
{
	unsigned char b[4];
	size_t got;
	ssize_t n;

	/* 8 hex digits that no YAML reader takes for a number (12345678,
	 * 1e345678): drawn again, so an id is always written plain */
	do {
		for (got = 0; got < sizeof(b); got += (size_t)n)
			if ((n = getrandom(b + got, sizeof(b) - got, 0)) < 0)
				return -1;
		snprintf(out, 9, "%02x%02x%02x%02x", b[0], b[1], b[2], b[3]);
	} while (doc_str_needs_quotes(out, 8));
	return 0;
}

int dom_member_id(char *out, size_t size, const char *name,
		  int (*taken)(void *ctx, const char *id), void *ctx)
{
	char base[48], hex[9];
	int i;

	if (text_slug(base, sizeof(base), name) == 0) {
		if (dom_random_id(hex) < 0)
			return -1;
		snprintf(base, sizeof(base), "m-%.4s", hex);
	}
	snprintf(out, size, "%s", base);
	for (i = 2; taken(ctx, out); i++) {
		if (i > 999)
			return -1;
		snprintf(out, size, "%s-%d", base, i);
	}
	return 0;
}

struct doc_node *dom_str(struct doc *doc, const char *s)
{
	struct buf b = BUF_INIT;
	struct doc_node *n = NULL;

	/* typed text in its one form: line ends, the final one (text.h) */
	if (buf_adds(&b, s) == 0) {
		text_lines(&b);
		n = doc_scalar(doc, buf_str(&b), b.len, 0);
	}
	buf_release(&b);
	return n;
}

struct doc_node *dom_plain(struct doc *doc, const char *s)
{
	return doc_scalar(doc, s, strlen(s), DOC_PLAIN);
}

int dom_put(struct doc *doc, enum schema_kind kind, const char *const *keys, size_t n,
	    struct doc_node *map, const char *key, struct doc_node *value)
{
	struct doc_node *old = doc_get(map, key), *k;

	if (!value)
		return -1;
	if (old) {
		doc_replace(old, value);
		return 0;
	}
	if (!(k = dom_plain(doc, key)))
		return -1;
	doc_map_insert(map, schema_insert_after(kind, keys, n, map, key), k, value);
	return 0;
}

struct doc_node *dom_seq(struct doc *doc, enum schema_kind kind, const char *const *keys,
			 size_t n, struct doc_node *map, const char *key)
{
	struct doc_node *seq = doc_get(map, key);

	if (seq && doc_is_null(seq)) {
		struct doc_node *fresh = doc_seq(doc);

		if (!fresh)
			return NULL;
		doc_replace(seq, fresh);
		return fresh;
	}
	if (seq)
		return seq->kind == DOC_SEQ ? seq : NULL;
	if (!(seq = doc_seq(doc)) || dom_put(doc, kind, keys, n, map, key, seq) < 0)
		return NULL;
	return seq;
}

const char *dom_text(const struct doc_node *map, const char *key)
{
	const struct doc_node *v = doc_get(map, key);

	return v && v->kind == DOC_SCALAR && !doc_is_null(v) ? v->str : NULL;
}

static void walk_conflicts(const struct doc_node *n, char *path, size_t len, size_t size,
			   void (*fn)(void *, const char *, const struct doc_node *), void *ctx)
{
	const struct doc_node *c;
	int k;

	if (n->flags & DOC_CONFLICT) {
		fn(ctx, path, n);
		return;
	}
	for (c = n->head; c; c = c->next) {
		const char *id = n->kind == DOC_SEQ ? dom_text(c, "id") : NULL;

		if (n->kind == DOC_MAP)
			k = snprintf(path + len, size - len, "%s%s", len ? "." : "", c->key->str);
		else if (id && text_is_id(id))
			k = snprintf(path + len, size - len, "[%s]", id);
		else
			k = 0;
		if (k < 0 || (size_t)k >= size - len)
			continue;  /* too deep to name: not reachable by a path anyway */
		walk_conflicts(c, path, len + (size_t)k, size, fn, ctx);
		path[len] = '\0';
	}
}

void dom_conflicts(const struct doc_node *root,
		   void (*fn)(void *ctx, const char *path, const struct doc_node *c), void *ctx)
{
	char path[1024] = "";

	if (root)
		walk_conflicts(root, path, 0, sizeof(path), fn, ctx);
}

int dom_flag(const struct doc_node *map, const char *key)
{
	const struct doc_node *v = map ? doc_get(map, key) : NULL;

	return doc_bool(v) == 1;
}
