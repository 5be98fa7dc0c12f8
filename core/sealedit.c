/* A confidential interview edited by hand (sealedit.h). */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "sealedit.h"

/* orig loaded, when it is a confidential interview; else NULL. */
static struct doc *load_confidential(const char *file, const char *orig, size_t len)
{
	struct doc *doc = NULL;
	struct err err;

	if (layout_kind(file) != KIND_INTERVIEW || doc_load(&doc, orig, len, &err) < 0)
		return NULL;
	if (!doc->root || doc->root->kind != DOC_MAP || doc_bool(doc_get(doc->root, "confidential")) != 1) {
		doc_free(doc);
		return NULL;
	}
	return doc;
}

int sealedit_is_confidential(const char *file, const char *orig, size_t len)
{
	struct doc *doc = load_confidential(file, orig, len);

	doc_free(doc);
	return doc != NULL;
}

int sealedit_open(struct buf *text, struct doc **sealed, const char *file, const char *orig,
		  size_t len, const struct age_identity *ids, size_t nids,
		  struct secret_failures *fails)
{
	struct doc *doc = load_confidential(file, orig, len);
	struct err err;
	int rc = SEALEDIT_OPENED;

	*sealed = NULL;
	if (!doc)
		return SEALEDIT_PLAIN;
	if (secret_open_doc(doc, file, ids, nids, fails) < 0) {
		rc = -1;
	} else if (fails->n) {
		rc = SEALEDIT_UNOPENED;
	} else if (doc_load(sealed, orig, len, &err) < 0) {
		rc = -1;
	} else {
		buf_reset(text);
		doc_emit(text, doc);
		if (buf_failed(text))
			rc = -1;
	}
	secret_wipe_doc(doc);
	doc_free(doc);
	if (rc != SEALEDIT_OPENED) {
		doc_free(*sealed);
		*sealed = NULL;
	}
	return rc;
}

void sealedit_drop_unsealed(struct diags *d)
{
	size_t i, k;

	for (i = 0, k = 0; i < d->n; i++) {
		if (d->v[i].level == DIAG_ERROR && d->v[i].unsealed) {
			free(d->v[i].file);
			free(d->v[i].msg);
			free(d->v[i].where);
			d->errors--;
			continue;
		}
		d->v[k++] = d->v[i];
	}
	d->n = k;
}
