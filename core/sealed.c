/* The sealed values of an interview as the commands show them (sealed.h). */
#include <string.h>

#include "buf.h"
#include "sealed.h"
#include "secret.h"
#include "tr.h"

int sealed_holds_plaintext(const struct doc_node *root)
{
	const struct doc_node *a, *x, *n;

	if (!root || root->kind != DOC_MAP)
		return 0;
	a = doc_get(root, "answers");
	n = doc_get(root, "notes");
	for (x = a && a->kind == DOC_MAP ? a->head : NULL; x; x = x->next)
		if (x->kind == DOC_SCALAR && !(x->flags & DOC_SECRET) && !doc_is_null(x))
			return 1;
	return n && n->kind == DOC_SCALAR && !(n->flags & DOC_SECRET) && !doc_is_null(n);
}

char *sealed_open_text(const char *file, const char *path, const char *text,
		       const struct age_identity *ids, size_t nids, const char *who, int *opened)
{
	static const char armor[] = "-----BEGIN AGE ENCRYPTED FILE-----";
	struct buf plain = BUF_SECRET_INIT, out = BUF_INIT;
	struct doc_node v;

	*opened = 0;
	if (!text || strncmp(text, armor, sizeof(armor) - 1))
		return NULL;
	/* a scalar of no document, to ask secret_open_value() about it */
	memset(&v, 0, sizeof(v));
	v.kind = DOC_SCALAR;
	v.flags = DOC_SECRET;
	v.str = (char *)text;
	v.len = strlen(text);
	if (secret_open_value(&plain, file, path, &v, ids, nids, NULL, 0) == 0) {
		if (!plain.len)
			buf_adds(&plain, "");
		*opened = 1;
		return buf_detach(&plain, NULL);  /* the caller wipes it */
	}
	buf_release(&plain);
	buf_addf(&out, tr("confidential — readable by %s"), who && who[0] ? who : tr("no one yet"));
	return buf_detach(&out, NULL);
}
