/*
 * Sealing and opening the values of a confidential interview (secret.h).
 * The place line is part of the plaintext, so the age file authenticates
 * it: a ciphertext cut from one field and pasted into another opens, but
 * says where it belongs, and is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "layout.h"
#include "secret.h"
#include "tr.h"

#define PLACE_PREFIX "convene:"

int secret_field_of(const struct doc_node *root, const struct doc_node *v, char *path, size_t size)
{
	const struct doc_node *p = v ? v->parent : NULL;
	int k;

	if (!v || !v->key || !p)
		return 0;
	if (p == root && !strcmp(v->key->str, "notes"))
		k = snprintf(path, size, "notes");
	else if (p->parent == root && p->key && !strcmp(p->key->str, "answers") && p->kind == DOC_MAP)
		k = snprintf(path, size, "answers.%s", v->key->str);
	else
		return 0;
	return k > 0 && (size_t)k < size;
}

static int place_line(struct buf *out, const char *file, const char *path)
{
	buf_addf(out, PLACE_PREFIX "%s:%s\n", file, path);
	return buf_failed(out) ? AGE_NOMEM : 0;
}

static int open_value(struct buf *plain, const char *file, const char *path,
		      const struct doc_node *v, const struct age_identity *ids, size_t nids,
		      size_t hint, struct age_keycache_use *cache, char *found, size_t found_size);

int secret_open_value(struct buf *plain, const char *file, const char *path,
		      const struct doc_node *v, const struct age_identity *ids, size_t nids,
		      char *found, size_t found_size)
{
	return open_value(plain, file, path, v, ids, nids, (size_t)-1, NULL, found, found_size);
}

/* With hint, the stanza age_decrypt_hint() tries first; cache may be NULL. */
static int open_value(struct buf *plain, const char *file, const char *path,
		      const struct doc_node *v, const struct age_identity *ids, size_t nids,
		      size_t hint, struct age_keycache_use *cache, char *found, size_t found_size)
{
	struct buf all = BUF_SECRET_INIT, want = BUF_INIT;
	const char *nl;
	int status;

	if (found && found_size)
		found[0] = '\0';
	if (!nids)
		return SECRET_NO_KEY;
	if ((status = age_decrypt_cached(ids, nids, hint, cache, v->str, v->len, &all)) != AGE_OK)
		goto done;
	if ((status = place_line(&want, file, path)) != 0)
		goto done;
	if (all.len < want.len || memcmp(all.ptr, want.ptr, want.len)) {
		status = SECRET_MOVED;
		/* what it says of itself is not secret: a file and a path */
		if (found && found_size && all.len > strlen(PLACE_PREFIX) &&
		    !memcmp(all.ptr, PLACE_PREFIX, strlen(PLACE_PREFIX)) &&
		    (nl = memchr(all.ptr, '\n', all.len)))
			snprintf(found, found_size, "%.*s", (int)(nl - all.ptr - strlen(PLACE_PREFIX)),
				 all.ptr + strlen(PLACE_PREFIX));
		goto done;
	}
	if (buf_add(plain, all.ptr + want.len, all.len - want.len) < 0)
		status = AGE_NOMEM;
done:
	buf_release(&all);
	buf_release(&want);
	return status;
}

const char *secret_strerror(int status)
{
	switch (status) {
	case SECRET_MOVED: return tr("sealed for another place (moved from another field or file)");
	case SECRET_NO_KEY: return tr("no identity to open it with");
	case AGE_BAD_PAYLOAD: return tr("authentication failed: the sealed text was changed or cut short");
	case AGE_BAD_HEADER_MAC: return tr("authentication failed: the header was changed after it was sealed");
	case AGE_BAD_HEADER: return tr("authentication failed: the age header is damaged");
	case AGE_BAD_ARMOR: return tr("authentication failed: not a well-formed armored age file (changed or cut short)");
	default: return age_strerror(status);
	}
}

int secret_seal_value(struct doc_node **out, struct doc *doc, const char *file, const char *path,
		      const char *text, size_t len, const struct age_recipient *r, size_t nr)
{
	struct buf plain = BUF_SECRET_INIT, sealed = BUF_INIT;
	int status;

	*out = NULL;
	if ((status = place_line(&plain, file, path)) == 0 && buf_add(&plain, text, len) < 0)
		status = AGE_NOMEM;
	if (!status)
		status = age_encrypt(r, nr, plain.ptr, plain.len, 1, &sealed);
	if (!status && !(*out = doc_scalar(doc, sealed.ptr, sealed.len, DOC_SECRET)))
		status = AGE_NOMEM;
	buf_release(&plain);
	buf_release(&sealed);
	return status;
}

void secret_failures_release(struct secret_failures *f)
{
	free(f->v);
	memset(f, 0, sizeof(*f));
}

/* The values secret.h speaks of, in file order: each answer, then notes,
 * in *out (the caller frees it; NULL when there are none).  Their number,
 * or -1 when out of memory. */
static long sealable(const struct doc *doc, struct doc_node ***out)
{
	struct doc_node *root = doc ? doc->root : NULL, *answers, *c, **v;
	size_t n = 0, max = 1;

	*out = NULL;
	if (!root || root->kind != DOC_MAP || (root->flags & DOC_CONFLICT))
		return 0;
	answers = doc_get(root, "answers");
	answers = answers && answers->kind == DOC_MAP ? answers : NULL;
	for (c = answers ? answers->head : NULL; c; c = c->next)
		max++;
	if (!(v = malloc(max * sizeof(*v))))
		return -1;
	for (c = answers ? answers->head : NULL; c; c = c->next)
		v[n++] = c;
	if ((c = doc_get(root, "notes")))
		v[n++] = c;
	*out = v;
	return (long)n;
}

static int add_failure(struct secret_failures *fails, const char *path, const struct doc_node *v,
		       int status, const char *found)
{
	struct secret_failure *f, *nv;

	if (!(nv = realloc(fails->v, (fails->n + 1) * sizeof(*nv)))) {
		fails->failed = 1;
		return -1;
	}
	fails->v = nv;
	f = &nv[fails->n++];
	memset(f, 0, sizeof(*f));
	snprintf(f->path, sizeof(f->path), "%s", path);
	f->line = v->line;
	f->col = v->col;
	f->status = status;
	snprintf(f->found, sizeof(f->found), "%s", found);
	return 0;
}

/*
 * Which of the doc's sealed_for recipients is one of ids: secret_seal_doc()
 * seals each value for the recipients in the order it writes them there,
 * one stanza each, so it is the stanza to try first ((size_t)-1: none of
 * them; only the first four identities are looked for).  A file edited by
 * hand may be stale: the hint then costs only time.
 */
static size_t recipient_hint(const struct doc *doc, const struct age_identity *ids, size_t nids)
{
	const struct doc_node *sf = doc->root ? doc_get(doc->root, "sealed_for") : NULL, *x;
	struct age_recipient r;
	char text[4][AGE_RECIPIENT_STRLEN];
	size_t i, j, n = nids < 4 ? nids : 4;

	if (!sf || sf->kind != DOC_SEQ || !n)
		return (size_t)-1;
	for (j = 0; j < n; j++) {
		age_identity_recipient(&ids[j], &r);
		age_recipient_format(&r, text[j]);
	}
	for (i = 0, x = sf->head; x; x = x->next, i++)
		for (j = 0; x->kind == DOC_SCALAR && x->str && j < n; j++)
			if (!strcmp(x->str, text[j]))
				return i;
	return (size_t)-1;
}

long secret_open_doc(struct doc *doc, const char *file, const struct age_identity *ids,
		     size_t nids, struct secret_failures *fails)
{
	return secret_open_doc_cached(doc, file, ids, nids, NULL, fails);
}

long secret_open_doc_cached(struct doc *doc, const char *file, const struct age_identity *ids,
			    size_t nids, struct age_keycache_use *cache,
			    struct secret_failures *fails)
{
	struct doc_node **v, *n;
	long count = sealable(doc, &v);
	size_t i, hint;
	char path[96], found[160];
	long opened = 0;
	int status;

	if (count < 0)
		return -1;
	doc->secret = 1;  /* plain text goes in: doc_free() wipes it */
	hint = count ? recipient_hint(doc, ids, nids) : (size_t)-1;
	for (i = 0; i < (size_t)count; i++) {
		struct buf plain = BUF_SECRET_INIT;

		if (v[i]->kind != DOC_SCALAR || !(v[i]->flags & DOC_SECRET) ||
		    !secret_field_of(doc->root, v[i], path, sizeof(path)))
			continue;
		status = open_value(&plain, file, path, v[i], ids, nids, hint, cache, found,
				    sizeof(found));
		if (status == 0) {
			if (!(n = doc_scalar(doc, buf_str(&plain), plain.len, 0))) {
				buf_release(&plain);
				free(v);
				return -1;
			}
			n->line = v[i]->line;
			n->col = v[i]->col;
			doc_replace(v[i], n);
			opened++;
		} else if (status == AGE_NOMEM || add_failure(fails, path, v[i], status, found) < 0) {
			buf_release(&plain);
			free(v);
			return -1;
		}
		buf_release(&plain);
	}
	free(v);
	return opened;
}

void secret_wipe_doc(struct doc *doc)
{
	struct doc_node **v;
	long count = sealable(doc, &v), i;

	if (!doc)
		return;
	/* the rest of the arena at doc_free(): every copy of a value, also
	 * the nodes an edit let go of */
	doc->secret = 1;
	for (i = 0; i < count; i++)
		if (v[i]->kind == DOC_SCALAR && !(v[i]->flags & DOC_SECRET) && v[i]->str)
			age_wipe(v[i]->str, v[i]->len);
	free(v);
}

/* old's ciphertext at path, when it opens to text: the bytes to keep. */
static const struct doc_node *kept(const struct doc *old, const char *file, const char *path,
				   const struct doc_node *text, const struct age_identity *ids,
				   size_t nids)
{
	const struct doc_node *root = old ? old->root : NULL, *v = NULL;
	struct buf plain = BUF_SECRET_INIT;
	int same;

	if (!root || root->kind != DOC_MAP)
		return NULL;
	if (!strncmp(path, "answers.", 8)) {
		const struct doc_node *a = doc_get(root, "answers");

		v = a && a->kind == DOC_MAP ? doc_get(a, path + 8) : NULL;
	} else {
		v = doc_get(root, path);
	}
	if (!v || v->kind != DOC_SCALAR || !(v->flags & DOC_SECRET))
		return NULL;
	if (secret_open_value(&plain, file, path, v, ids, nids, NULL, 0) != 0)
		return NULL;
	same = plain.len == text->len && !memcmp(plain.ptr, text->str, text->len);
	buf_release(&plain);
	return same ? v : NULL;
}

int secret_seal_doc(struct doc *doc, const char *file, const struct doc *old,
		    const struct age_identity *ids, size_t nids,
		    const struct age_recipient *r, size_t nr, int keep)
{
	struct doc_node **v, *n, *seq;
	long count = sealable(doc, &v);
	size_t i;
	const struct doc_node *k;
	char path[96], text[AGE_RECIPIENT_STRLEN];
	int status;

	if (count < 0)
		return AGE_NOMEM;
	doc->secret = 1;  /* it holds plain text until sealed: wiped when freed */
	for (i = 0; i < (size_t)count; i++) {
		if (v[i]->kind != DOC_SCALAR || (v[i]->flags & DOC_SECRET) || doc_is_null(v[i]) ||
		    !secret_field_of(doc->root, v[i], path, sizeof(path)))
			continue;
		if (keep && (k = kept(old, file, path, v[i], ids, nids))) {
			if (!(n = doc_copy(doc, k))) {
				free(v);
				return AGE_NOMEM;
			}
		} else if ((status = secret_seal_value(&n, doc, file, path, v[i]->str, v[i]->len,
						       r, nr)) != 0) {
			free(v);
			return status;
		}
		/* the plain text leaves the tree now, not at doc_free() */
		age_wipe(v[i]->str, v[i]->len);
		doc_replace(v[i], n);
	}
	free(v);
	if (!(seq = doc_seq(doc)))
		return AGE_NOMEM;
	for (i = 0; i < nr; i++) {
		age_recipient_format(&r[i], text);
		if (!(n = doc_scalar(doc, text, strlen(text), 0)))
			return AGE_NOMEM;
		doc_seq_append(seq, n);
	}
	if (dom_put(doc, KIND_INTERVIEW, NULL, 0, doc->root, "sealed_for", seq) < 0)
		return AGE_NOMEM;
	return 0;
}

int secret_failure_expected(int status)
{
	return status == AGE_NOT_FOR_US || status == SECRET_NO_KEY;
}

void secret_failures_drop_expected(struct secret_failures *f)
{
	size_t i, k = 0;

	for (i = 0; i < f->n; i++)
		if (!secret_failure_expected(f->v[i].status))
			f->v[k++] = f->v[i];
	f->n = k;
}

/* Whether root is a confidential interview's. */
static int confidential(const struct doc_node *root)
{
	return root && root->kind == DOC_MAP && doc_bool(doc_get(root, "confidential")) == 1;
}

long secret_open_for_show(struct doc *doc, const char *file, const struct age_identity *ids,
			  size_t nids, const char *placeholder, struct secret_failures *fails)
{
	struct doc_node *root = doc->root, *answers, *v, *n;
	size_t before = fails->n, i;
	const char *path;

	if (!confidential(root))
		return 0;
	if (secret_open_doc(doc, file, ids, nids, fails) < 0)
		return -1;
	answers = doc_get(root, "answers");
	for (i = before; i < fails->n; i++) {
		path = fails->v[i].path;
		v = !strncmp(path, "answers.", 8) ? (answers ? doc_get(answers, path + 8) : NULL)
						  : doc_get(root, path);
		if (!v)
			continue;
		if (!(n = doc_scalar(doc, placeholder, strlen(placeholder), 0)))
			return -1;
		doc_replace(v, n);
	}
	return (long)(fails->n - before);
}

struct doc *secret_load_confidential(const char *file, const char *data, size_t len)
{
	struct doc *doc;
	struct err err;

	if (layout_kind(file) != KIND_INTERVIEW || !data || doc_load(&doc, data, len, &err) < 0)
		return NULL;
	if (!confidential(doc->root)) {
		doc_free(doc);
		return NULL;
	}
	return doc;
}

int secret_show_bytes(struct doc *doc, const char *file, const struct age_identity *ids,
		      size_t nids, const char *placeholder, int all_or_none, struct buf *out,
		      struct secret_failures *fails)
{
	long left = secret_open_for_show(doc, file, ids, nids, placeholder, fails);
	int shown = 0;

	if (left == 0 || (left > 0 && !all_or_none)) {
		doc_emit(out, doc);
		shown = 1;
	}
	secret_wipe_doc(doc);
	doc_free(doc);
	return left < 0 ? -1 : shown;
}
