/*
 * The user's identity and the values that did not open, as every command
 * that shows or seals a confidential interview says them (secrets.h).
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "core/layout.h"
#include "secrets.h"
#include "store/identity.h"

int user_identity(struct store *s, struct age_identity **ids, size_t *n, struct err *why)
{
	char path[4096];
	int error;

	*ids = NULL;
	*n = 0;
	err_clear(why);
	if (age_init() != 0) {
		err_set(why, ERR_INTERNAL, 0, 0, "libsodium does not start");
		return report(NULL, why);
	}
	error = identity_load(s, ids, n, path, sizeof(path), why);
	if (error == ERR_NOTFOUND) {
		*ids = NULL;
		*n = 0;
		if (!why->hint[0])
			err_hint(why, "convene key new makes one; a reader then puts you in with convene readers add YOU");
		return 0;
	}
	if (error < 0)
		return report(NULL, why);
	return 0;
}

void say_unopened(const char *file, const struct secret_failures *f, const struct err *why)
{
	size_t i;
	int nokey = 0, notus = 0;

	for (i = 0; i < f->n; i++) {
		const struct secret_failure *x = &f->v[i];

		fprintf(stderr, "%s:%u:%u: error: %s: %s", file, x->line, x->col, x->path,
			secret_strerror(x->status));
		if (x->status == SECRET_MOVED && x->found[0])
			fprintf(stderr, " (it says it belongs to %s)", x->found);
		fputc('\n', stderr);
		nokey |= x->status == SECRET_NO_KEY;
		notus |= x->status == AGE_NOT_FOR_US;
	}
	if (nokey && why && why->msg[0])
		fprintf(stderr, "convene: hint: %s; %s\n", why->msg, why->hint[0] ? why->hint : "convene key new makes one");
	else if (notus)
		fprintf(stderr, "convene: hint: only the readers can open them (convene readers list); a reader can add you with convene readers add YOU\n");
	else if (f->n)
		fprintf(stderr, "convene: hint: take the value from a commit that holds it whole (convene history %s:FIELD), or ask a reader to write it anew\n",
			file);
}

long open_for_reading(struct store *s, struct doc *doc, const char *file, int *refused)
{
	struct age_identity *ids = NULL;
	struct secret_failures f = { 0 };
	struct doc_node *root = doc->root, *v, *n;
	char who[300], text[400], path[96];
	struct err why;
	size_t nids = 0, i;
	long left;

	if (!root || root->kind != DOC_MAP || doc_bool(doc_get(root, "confidential")) != 1)
		return 0;
	int rc;

	if ((rc = user_identity(s, &ids, &nids, &why)) != 0) {
		nids = 0;  /* said: shown as confidential */
		if (refused)
			*refused = rc;
	}
	left = secret_open_doc(doc, file, ids, nids, &f);
	age_identities_free(ids, nids);
	if (left < 0) {
		secret_failures_release(&f);
		return -1;
	}
	/* a value that is not for this key is what a non-reader expects;
	 * one that is damaged or out of place is worth saying */
	for (i = 0; i < f.n; i++) {
		const struct secret_failure *x = &f.v[i];

		if (x->status == AGE_NOT_FOR_US || x->status == SECRET_NO_KEY)
			continue;
		fprintf(stderr, "%s:%u:%u: error: %s: %s", file, x->line, x->col, x->path,
			secret_strerror(x->status));
		if (x->status == SECRET_MOVED && x->found[0])
			fprintf(stderr, " (it says it belongs to %s)", x->found);
		fputc('\n', stderr);
	}
	readers_of(s, who, sizeof(who));
	if (!nids && f.n && !rc)
		note("%s is confidential and you have no key to open it: %s", file,
		     why.msg[0] ? why.msg : "no age identity");
	snprintf(text, sizeof(text), "confidential — readable by %s", who[0] ? who : "no one yet");
	for (i = 0; i < f.n; i++) {
		struct doc_node *a = doc_get(root, "answers");

		snprintf(path, sizeof(path), "%s", f.v[i].path);
		v = !strncmp(path, "answers.", 8) ? (a ? doc_get(a, path + 8) : NULL) : doc_get(root, path);
		if (!v)
			continue;
		if (!(n = doc_scalar(doc, text, strlen(text), 0))) {
			secret_failures_release(&f);
			return -1;
		}
		doc_replace(v, n);
	}
	left = (long)f.n;
	secret_failures_release(&f);
	return left;
}

int seal_edit(struct store *s, struct txn *t, int *was_plain)
{
	struct age_identity *ids = NULL;
	struct doc *old = NULL;
	struct err err, why;
	size_t nids = 0;
	int rc;

	if (was_plain)
		*was_plain = 0;
	if (layout_kind(t->file) != KIND_INTERVIEW || !t->doc->root ||
	    doc_bool(doc_get(t->doc->root, "confidential")) != 1 || !sealed_holds_plaintext(t->doc->root))
		return 0;
	err_clear(&err);
	if (t->old && doc_load(&old, t->old, t->oldlen, &err) == 0 && was_plain)
		*was_plain = sealed_holds_plaintext(old->root);
	/* a value set to the text it had keeps its ciphertext: a reader's key
	 * tells (with none, it is sealed anew) */
	if ((rc = user_identity(s, &ids, &nids, &why)) != 0) {
		doc_free(old);
		secret_wipe_doc(t->doc);
		txn_release(t);
		return rc;
	}
	err_clear(&err);
	if (secrets_seal(s, t->doc, t->file, old, ids, nids, 1, &err) < 0) {
		age_identities_free(ids, nids);
		doc_free(old);
		secret_wipe_doc(t->doc);
		txn_release(t);
		return report(NULL, &err);
	}
	age_identities_free(ids, nids);
	doc_free(old);
	return 0;
}

void say_history_keeps(const char *file)
{
	warn("the earlier commits still hold %s in plain text, in every clone and bundle made from them: only rewriting the history (git filter-repo, then a new clone at every site and the hub) takes it out",
	     file);
}

int open_bytes(struct store *s, const char *file, const char *data, size_t len, struct buf *out,
	       int all_or_none)
{
	struct doc *doc;
	struct err err;
	long left;

	if (layout_kind(file) != KIND_INTERVIEW || !data || doc_load(&doc, data, len, &err) < 0)
		return 0;
	if (!doc->root || doc->root->kind != DOC_MAP || doc_bool(doc_get(doc->root, "confidential")) != 1) {
		doc_free(doc);
		return 0;
	}
	left = open_for_reading(s, doc, file, NULL);
	if (left == 0 || (left > 0 && !all_or_none))
		doc_emit(out, doc);
	secret_wipe_doc(doc);
	doc_free(doc);
	return left == 0 || (left > 0 && !all_or_none);
}
