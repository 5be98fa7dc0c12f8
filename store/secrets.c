/*
 * The readers and the sealing of a confidential interview (secrets.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/layout.h"
#include "core/secret.h"
#include "core/text.h"
#include "load.h"
#include "secrets.h"

void readers_release(struct readers *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->ids[i]);
	free(r->ids);
	free(r->r);
	memset(r, 0, sizeof(*r));
}

void readers_names(const struct readers *r, char *out, size_t size)
{
	size_t i, len = 0;
	int k;

	out[0] = '\0';
	for (i = 0; i < r->n && len < size; i++) {
		k = snprintf(out + len, size - len, "%s%s", i ? ", " : "", r->ids[i]);
		if (k < 0)
			break;
		len += (size_t)k;
	}
}

int readers_load(struct readers *out, struct store *s, const struct doc *initiative,
		 struct err *err)
{
	const struct doc_node *seq, *x, *age;
	char file[128];
	struct doc *doc;
	size_t n = 0;
	int error;

	memset(out, 0, sizeof(*out));
	if (age_init() != 0)
		return err_set(err, ERR_INTERNAL, 0, 0, "libsodium does not start");
	seq = initiative && initiative->root ? doc_get(initiative->root, "readers") : NULL;
	if (!seq || seq->kind != DOC_SEQ)
		return 0;
	for (x = seq->head; x; x = x->next)
		n++;
	if (!(out->ids = calloc(n + 1, sizeof(*out->ids))) || !(out->r = calloc(n + 1, sizeof(*out->r)))) {
		readers_release(out);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	for (x = seq->head; x; x = x->next) {
		if (!doc_is_str(x) || !text_is_id(x->str)) {
			readers_release(out);
			return err_set(err, ERR_DATA, x->line, x->col, "initiative.yaml: a reader must be a member id");
		}
		layout_folder_file(file, sizeof(file), LAYOUT_MEMBERS, x->str);
		if ((error = load_file(s, file, &doc, NULL, err)) < 0) {
			readers_release(out);
			if (error == ERR_NOTFOUND) {
				err_set(err, ERR_DATA, 0, 0, "reader '%s' is not a member (no %s)", x->str, file);
				err_hint(err, "convene readers rm %s, or add the member", x->str);
			}
			return ERR_DATA;
		}
		age = doc->root ? doc_get(doc->root, "age") : NULL;
		if (!doc_is_str(age) || !age->len || age_recipient_parse(age->str, &out->r[out->n]) != AGE_OK) {
			err_set(err, ERR_DATA, 0, 0, "reader '%s' has %s age: key in %s", x->str,
				doc_is_str(age) && age->len ? "a bad" : "no", file);
			err_hint(err, "%s runs convene key new, then convene member edit %s --age age1... (or convene key publish)",
				 x->str, x->str);
			doc_free(doc);
			readers_release(out);
			return ERR_DATA;
		}
		doc_free(doc);
		if (!(out->ids[out->n] = strdup(x->str))) {
			readers_release(out);
			return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		}
		out->n++;
	}
	return 0;
}

int secrets_seal(struct store *s, struct doc *doc, const char *file, const struct doc *old,
		 const struct age_identity *ids, size_t nids, int keep, struct err *err)
{
	struct readers rd;
	struct doc *ini = NULL;
	int error, status;

	if ((error = load_file(s, "initiative.yaml", &ini, NULL, err)) < 0)
		return error;
	error = readers_load(&rd, s, ini, err);
	doc_free(ini);
	if (error < 0)
		return error;
	if (!rd.n) {
		readers_release(&rd);
		err_set(err, ERR_USAGE, 0, 0, "no one can read a confidential interview yet: the initiative has no readers");
		err_hint(err, "convene readers add MEMBER... first (members with an age: key); nothing was written");
		return ERR_USAGE;
	}
	status = secret_seal_doc(doc, file, old, ids, nids, rd.r, rd.n, keep);
	readers_release(&rd);
	if (status)
		return err_set(err, status == AGE_NOMEM ? ERR_NOMEM : ERR_INTERNAL, 0, 0,
			       "cannot seal %s: %s", file, age_strerror(status));
	return 0;
}
