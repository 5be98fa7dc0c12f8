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

int dom_item_id(char *out, size_t size, const char *text, const char *prefix)
{
	char hex[9];

	if (text_slug(out, size > 32 ? 32 : size, text))
		return 0;
	if (dom_random_id(hex) < 0)
		return -1;
	snprintf(out, size, "%s-%.4s", prefix, hex);
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

struct doc_node *dom_value(struct doc *doc, const struct path *p, const struct buf *v,
			   int yaml, struct err *err)
{
	const char *keys[PATH_MAX_SEGS];
	struct doc *parsed;
	struct doc_node *n;
	size_t i, bad;

	if (text_check(buf_str(v), v->len, &bad)) {
		err_set(err, ERR_USAGE, 0, 0, "the value is not UTF-8 text, or holds a control character");
		err_hint(err, "type it again; only tab and line breaks are allowed besides text");
		return NULL;
	}
	if (yaml) {
		if (doc_load(&parsed, v->ptr ? v->ptr : "", v->len, err) < 0) {
			char why[sizeof(err->msg)];

			snprintf(why, sizeof(why), "%s", err->msg);
			err_set(err, ERR_USAGE, 0, 0, "the value is not YAML: line %u column %u: %s",
				err->line, err->col, why);
			return NULL;
		}
		n = parsed->root ? doc_copy(doc, parsed->root) : doc_scalar(doc, "", 0, DOC_PLAIN);
		doc_free(parsed);
	} else {
		for (i = 0; i < p->n; i++)
			keys[i] = p->seg[i].key;
		/* Text fields take the value as text, whatever it looks like;
		 * numbers, booleans and such are read as YAML would read them. */
		n = doc_scalar(doc, buf_str(v), v->len,
			       schema_is_text_field(layout_kind(p->file), keys, p->n) ? 0 : DOC_PLAIN);
	}
	if (!n)
		err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	return n;
}

/* `set meetings/001.yaml:location.host dana` on a meeting with no
 * location makes the location first. */
int dom_make_parents(struct doc *doc, const struct path *p, struct err *err)
{
	const char *keys[PATH_MAX_SEGS];
	struct doc_node *n = doc->root, *next;
	size_t i;

	for (i = 0; i + 1 < p->n && n && n->kind == DOC_MAP; i++) {
		keys[i] = p->seg[i].key;
		if ((next = doc_get(n, p->seg[i].key))) {
			if (p->seg[i].id[0])
				next = doc_find_id(next, p->seg[i].id);
			n = next;
			continue;
		}
		if (p->seg[i].id[0])
			return 0;  /* path_resolve says which item is missing */
		if (!(next = doc_map(doc)) ||
		    dom_put(doc, layout_kind(p->file), keys, i, n, keys[i], next) < 0)
			return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		n = next;
	}
	return 0;
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

int dom_has_conflict(const struct doc_node *n)
{
	const struct doc_node *c;

	if (!n)
		return 0;
	if (n->flags & DOC_CONFLICT)
		return 1;
	for (c = n->head; c; c = c->next)
		if (dom_has_conflict(c))
			return 1;
	return 0;
}

unsigned dom_count_conflicts(const struct doc_node *n)
{
	const struct doc_node *c;
	unsigned k = 0;

	if (!n)
		return 0;
	if (n->flags & DOC_CONFLICT)
		return 1;
	for (c = n->head; c; c = c->next)
		k += dom_count_conflicts(c);
	return k;
}

void dom_preview(struct buf *b, const struct doc_node *v)
{
	struct buf y = BUF_INIT;
	const char *s;
	size_t len, chars = 0;

	if (!v) {
		buf_adds(b, "(deleted)");
		return;
	}
	if (doc_is_null(v)) {
		buf_adds(b, "(none)");
		return;
	}
	if (v->kind == DOC_SCALAR) {
		s = v->str;
		len = v->len;
	} else {
		doc_emit_node(&y, v);
		s = buf_str(&y);
		len = y.len;
	}
	for (; len && chars < 60; s++, len--) {
		if (*s == '\n') {
			if (len > 1)
				buf_adds(b, " / ");
			continue;
		}
		if (((unsigned char)*s & 0xc0) != 0x80)
			chars++;
		buf_addc(b, *s);
	}
	/* finish the character that was cut */
	while (len && ((unsigned char)*s & 0xc0) == 0x80) {
		buf_addc(b, *s++);
		len--;
	}
	if (len)
		buf_adds(b, "...");
	buf_release(&y);
}

int dom_flag(const struct doc_node *map, const char *key)
{
	const struct doc_node *v = map ? doc_get(map, key) : NULL;

	return doc_bool(v) == 1;
}
