/*
 * The readers of the confidential interviews and their keys
 * (readers.h): the query and the preparing of a change for
 * `convene readers`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/layout.h"
#include "core/text.h"
#include "load.h"
#include "readers.h"

int readers_has(char *const *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(v[i], id))
			return 1;
	return 0;
}

int readers_remove(char **v, size_t *n, const char *id)
{
	size_t j;

	for (j = 0; j < *n; j++)
		if (!strcmp(v[j], id)) {
			free(v[j]);
			memmove(v + j, v + j + 1, (*n - j - 1) * sizeof(*v));
			(*n)--;
			return 1;
		}
	return 0;
}

void readers_ids_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int readers_ids(char ***out, size_t *n, size_t room, struct store *s, struct err *err)
{
	struct doc *ini;
	const struct doc_node *seq, *x;
	size_t k = 0;
	int error;

	*out = NULL;
	*n = 0;
	err_clear(err);
	if ((error = load_file(s, LAYOUT_INITIATIVE, &ini, NULL, err)) < 0)
		return error;
	seq = ini->root ? doc_get(ini->root, "readers") : NULL;
	for (x = seq && seq->kind == DOC_SEQ ? seq->head : NULL; x; x = x->next)
		k++;
	if (!(*out = calloc(k + room + 1, sizeof(**out)))) {
		doc_free(ini);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	for (x = seq && seq->kind == DOC_SEQ ? seq->head : NULL; x; x = x->next)
		if (doc_is_str(x) && !readers_has(*out, *n, x->str)) {
			if (!((*out)[*n] = strdup(x->str))) {
				doc_free(ini);
				readers_ids_free(*out, *n);
				*out = NULL;
				*n = 0;
				return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
			}
			(*n)++;
		}
	doc_free(ini);
	return 0;
}

int readers_member_key(struct store *s, const char *id, char *out, size_t size)
{
	char file[128];
	struct doc *doc;
	struct err err;
	const struct doc_node *v;
	int k = 0;

	layout_member_file(file, sizeof(file), id);
	if (load_file(s, file, &doc, NULL, &err) < 0)
		return err.code == ERR_NOTFOUND ? -1 : 0;
	v = doc->root ? doc_get(doc->root, "age") : NULL;
	if (doc_is_str(v) && v->len) {
		snprintf(out, size, "%s", v->str);
		k = 1;
	}
	doc_free(doc);
	return k;
}

void readers_nearest_member(struct store *s, const char *id, char *out, size_t size)
{
	char **files = NULL, dir[32], m[72];
	size_t n = 0, i, best = (size_t)-1, d;
	struct err err;

	out[0] = '\0';
	if (store_list(s, &files, &n, &err) < 0)
		return;
	for (i = 0; i < n; i++) {
		if (layout_kind(files[i]) != KIND_MEMBER || !layout_file(files[i], dir, sizeof(dir), m, sizeof(m)))
			continue;
		d = text_distance(id, m);
		if (d <= 2 && d * 2 <= strlen(id) && d < best) {
			best = d;
			snprintf(out, size, "%s", m);
		}
	}
	store_list_free(files, n);
}

void readers_of(struct store *s, char *out, size_t size)
{
	struct doc *ini;
	struct err err;
	const struct doc_node *seq, *x;
	size_t len = 0;
	int k;

	out[0] = '\0';
	if (load_file(s, LAYOUT_INITIATIVE, &ini, NULL, &err) < 0)
		return;
	seq = ini->root ? doc_get(ini->root, "readers") : NULL;
	for (x = seq && seq->kind == DOC_SEQ ? seq->head : NULL; x && len < size; x = x->next) {
		if (!doc_is_str(x))
			continue;
		k = snprintf(out + len, size - len, "%s%s", len ? ", " : "", x->str);
		if (k < 0)
			break;
		len += (size_t)k;
	}
	doc_free(ini);
}

int readers_recipients(struct age_recipient **out, struct store *s, char *const *ids, size_t n,
		       struct err *err)
{
	struct age_recipient *r;
	char key[128];
	size_t i;

	*out = NULL;
	if (!(r = calloc(n + 1, sizeof(*r))))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	for (i = 0; i < n; i++)
		if (readers_member_key(s, ids[i], key, sizeof(key)) != 1 ||
		    age_recipient_parse(key, &r[i]) != AGE_OK) {
			free(r);
			err_set(err, ERR_DATA, 0, 0, "reader '%s' has no usable age: key in members/%s.yaml",
				ids[i], ids[i]);
			err_hint(err, "convene readers rm %s, or give them a key (convene member edit %s --age age1...)",
				 ids[i], ids[i]);
			return ERR_DATA;
		}
	*out = r;
	return 0;
}

int readers_put(struct reseal *rs, struct store *s, char *const *ids, size_t n, struct err *err)
{
	struct doc *ini = NULL;
	struct doc_node *seq, *x;
	struct buf b = BUF_INIT;
	size_t i;
	int error;

	err_clear(err);
	if ((error = load_file(s, LAYOUT_INITIATIVE, &ini, NULL, err)) < 0)
		return error;
	if (!ini->root || ini->root->kind != DOC_MAP) {
		doc_free(ini);
		return err_set(err, ERR_DATA, 0, 0, "its top level is not a mapping");
	}
	error = 0;
	if (!(seq = doc_seq(ini)))
		error = ERR_NOMEM;
	for (i = 0; !error && i < n; i++) {
		if (!(x = dom_str(ini, ids[i])))
			error = ERR_NOMEM;
		else
			doc_seq_append(seq, x);
	}
	if (!error && (dom_put(ini, KIND_INITIATIVE, NULL, 0, ini->root, "readers", seq) < 0 ||
		       doc_emit(&b, ini) < 0 || reseal_add(rs, LAYOUT_INITIATIVE, b.ptr, b.len) < 0))
		error = ERR_NOMEM;
	doc_free(ini);
	buf_release(&b);
	return error ? err_set(err, ERR_NOMEM, 0, 0, "out of memory") : 0;
}

int readers_change(struct reseal *rs, struct store *s, char *const *ids, size_t n,
		   const struct age_identity *me, size_t nme, char **dirty, const char **where,
		   struct err *err)
{
	struct age_recipient *r = NULL;
	char **changed = NULL;
	size_t nchanged = 0;
	int error;

	*dirty = NULL;
	*where = NULL;
	if ((error = store_identity_check(s, err)) < 0 || (error = store_lock(s, 3000, err)) < 0 ||
	    (error = store_changed(s, &changed, &nchanged, err)) < 0)
		return error;
	if (nchanged) {
		*dirty = strdup(changed[0]);
		store_list_free(changed, nchanged);
		return *dirty ? ERR_DATA : err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	if ((error = readers_recipients(&r, s, ids, n, err)) < 0 ||
	    (error = secrets_reseal(rs, s, r, n, me, nme, err)) < 0)
		goto done;
	if ((error = readers_put(rs, s, ids, n, err)) < 0) {
		*where = error == ERR_NOMEM ? NULL : LAYOUT_INITIATIVE;
		goto done;
	}
	error = reseal_write(s, rs, err);
done:
	free(r);
	return error;
}
