/*
 * The field history of `convene history`: what counts as a change of a
 * value through the commits that touched its file.  Each blob of the file
 * is read and its value taken once (a long history meets the same blob at
 * many commits: every merge and its parents); only the commits that
 * changed the value are read for who made them.
 */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/doc.h"
#include "fieldhist.h"

struct walk {
	struct field_history *h;
	struct store *s;
	const struct path *p;
	struct err *err;
	int failed;
};

static size_t blob_hash(const struct store_oid *b)
{
	size_t h;

	memcpy(&h, b->id, sizeof(h));
	return h;
}

static void value_text(struct field_value *v, const struct doc_node *node)
{
	struct buf b = BUF_INIT;

	if (node->kind == DOC_SCALAR && !(node->flags & DOC_CONFLICT))
		buf_add(&b, node->str, node->len);
	else
		doc_emit_node(&b, node);
	v->text = buf_failed(&b) ? NULL : strdup(buf_str(&b));
	buf_release(&b);
}

/* Reads the value at the path in one blob (once: it is kept). */
static struct field_value *value_of(struct walk *w, const struct store_blob_at *at)
{
	struct field_history *h = w->h;
	struct field_value *v;
	struct doc *doc = NULL;
	struct doc_node *node;
	struct err e;
	char *data;
	size_t len, i;

	if (!at->present)
		return &h->absent;
	if (h->capcache) {
		for (i = blob_hash(&at->blob) & (h->capcache - 1); h->cache[i];
		     i = (i + 1) & (h->capcache - 1))
			if (!memcmp(h->cache[i]->blob.id, at->blob.id, 20))
				return h->cache[i];
	}
	if ((h->ncache + 1) * 2 > h->capcache) {
		size_t cap = h->capcache ? h->capcache * 2 : 256;
		struct field_value **bigger = calloc(cap, sizeof(*bigger));

		if (!bigger)
			return NULL;
		for (i = 0; i < h->capcache; i++)
			if (h->cache[i]) {
				size_t j = blob_hash(&h->cache[i]->blob) & (cap - 1);

				while (bigger[j])
					j = (j + 1) & (cap - 1);
				bigger[j] = h->cache[i];
			}
		free(h->cache);
		h->cache = bigger;
		h->capcache = cap;
	}
	if (!(v = calloc(1, sizeof(*v))))
		return NULL;
	v->blob = at->blob;
	err_clear(&e);
	if (store_blob_read(w->s, &at->blob, &data, &len, &e) < 0) {
		free(v);
		*w->err = e;
		return NULL;
	}
	if (!w->p->n) {
		/* the whole file: its bytes */
		v->present = 1;
		v->text = data;
		data = NULL;
		if (doc_load(&doc, v->text, len, &e) == 0 && doc->root &&
		    (doc->root->flags & DOC_CONFLICT))
			v->conflict = 1;
	} else if (doc_load(&doc, data, len, &e) < 0) {
		v->present = v->unreadable = 1;
	} else if (doc->root && path_resolve(&node, doc->root, w->p, w->p->n, &e) == 0 && node &&
		   !doc_is_null(node)) {
		const struct doc_node *up;

		v->present = 1;
		for (up = node; up; up = up->parent)
			v->conflict |= (up->flags & DOC_CONFLICT) != 0;
		value_text(v, node);
	}
	free(data);
	doc_free(doc);
	if (v->present && !v->unreadable && !v->text) {
		free(v);
		return NULL;
	}
	for (i = blob_hash(&v->blob) & (h->capcache - 1); h->cache[i]; i = (i + 1) & (h->capcache - 1))
		;
	h->cache[i] = v;
	h->ncache++;
	return v;
}

static int value_eq(const struct field_value *a, const struct field_value *b)
{
	if (a == b)
		return 1;
	if (a->present != b->present)
		return 0;
	if (!a->present)
		return 1;
	if (a->unreadable || b->unreadable)
		return !memcmp(a->blob.id, b->blob.id, 20);
	return !strcmp(a->text, b->text);
}

static enum field_change_kind kind_of(const struct field_value *a, const struct field_value *z)
{
	if (!z->present)
		return FIELD_REMOVED;
	if (z->unreadable)
		return FIELD_UNREADABLE;
	if (z->conflict)
		return FIELD_CONFLICT;
	if (a && a->conflict)
		return FIELD_RESOLVED;
	if (!a || !a->present || a->unreadable)
		return FIELD_SET;
	return FIELD_CHANGED;
}

static int history_step(void *ctx, const struct store_commit *c, const struct store_blob_at *self,
			const struct store_blob_at *parents, unsigned n)
{
	struct walk *w = ctx;
	struct field_history *h = w->h;
	struct field_value *after, *before = NULL, *pv;
	struct field_change *ch;
	unsigned i;

	/* the same blob as a parent: the value is that parent's */
	for (i = 0; i < n; i++)
		if (self->present == parents[i].present &&
		    (!self->present || !memcmp(self->blob.id, parents[i].blob.id, 20)))
			return 0;
	if (!(after = value_of(w, self)))
		goto fail;
	for (i = 0; i < n; i++) {
		if (!(pv = value_of(w, &parents[i])))
			goto fail;
		if (value_eq(after, pv))
			return 0;  /* the value one side had: taken, not changed */
		if (i == 0)
			before = pv;
	}
	if (!n && !after->present)
		return 0;
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		struct field_change *v = realloc(h->v, cap * sizeof(*v));

		if (!v)
			goto fail;
		h->v = v;
		h->cap = cap;
	}
	ch = &h->v[h->n++];
	memset(ch, 0, sizeof(*ch));
	ch->commit.oid = c->oid;
	ch->commit.mainline = c->mainline;
	ch->merge = n > 1;
	ch->before = before;
	ch->after = after;
	ch->kind = kind_of(before, after);
	return 0;
fail:
	w->failed = 1;
	if (!w->err->msg[0])
		err_set(w->err, ERR_NOMEM, 0, 0, "out of memory");
	return -1;
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

/* Who made each change, where, when: read for the changes alone. */
static int describe_changes(struct walk *w)
{
	struct field_history *h = w->h;
	struct store_commit c;
	size_t i;

	for (i = 0; i < h->n; i++) {
		struct store_commit *to = &h->v[i].commit;
		int mainline = to->mainline;
		int error;

		if ((error = store_commit_read(w->s, &to->oid, &c, w->err)) < 0)
			return error;
		*to = c;
		to->mainline = mainline;  /* as the walk saw it */
		to->owner = NULL;
		to->message = NULL;
		to->author = dup_or_empty(c.author);
		to->email = dup_or_empty(c.email);
		to->subject = dup_or_empty(c.subject);
		store_commit_release(&c);
		if (!to->author || !to->email || !to->subject)
			return err_set(w->err, ERR_NOMEM, 0, 0, "out of memory");
	}
	return 0;
}

int store_field_history(struct field_history *out, struct store *s, const struct path *p,
			struct err *err)
{
	struct walk w = { out, s, p, err, 0 };
	int error;

	memset(out, 0, sizeof(*out));
	error = store_path_history(s, p->file, history_step, &w, err);
	if (w.failed)
		return err->code;  /* history_step said what */
	if (error < 0)
		return error;
	return describe_changes(&w);
}

void store_field_history_release(struct field_history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free((char *)h->v[i].commit.author);
		free((char *)h->v[i].commit.email);
		free((char *)h->v[i].commit.subject);
	}
	free(h->v);
	for (i = 0; i < h->capcache; i++)
		if (h->cache[i]) {
			free(h->cache[i]->text);
			free(h->cache[i]);
		}
	free(h->cache);
	memset(h, 0, sizeof(*h));
}
