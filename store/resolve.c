/*
 * The sealed value resolve takes (resolve.h): kept when the side's commit
 * shows it was sealed for the readers, else opened to be sealed again.
 */
#include <stdlib.h>
#include <string.h>

#include "core/conflict.h"
#include "core/secret.h"
#include "history.h"
#include "resolve.h"
#include "secrets.h"

/* The side's version of p's file, as the commit named by from has it. */
static struct doc *side_file(struct store *s, const struct path *p, const char *from)
{
	struct store_commit c;
	struct doc *doc = NULL;
	char hex[48], *bytes = NULL;
	struct err err;
	size_t len;

	if (!conflict_from_commit(from, hex, sizeof(hex)) || store_resolve(s, hex, &c, &err) < 0)
		return NULL;
	if (store_read_at(s, &c.oid, p->file, &bytes, &len, &err) == 0 &&
	    doc_load(&doc, bytes, len, &err) < 0)
		doc = NULL;
	store_commit_release(&c);
	free(bytes);
	return doc;
}

int resolve_keeps_bytes(struct store *s, const struct doc *doc, const struct path *p,
			const struct doc_node *v, const char *from)
{
	struct doc *side;
	struct doc_node *there = NULL;
	struct err err;
	int keep;

	if (!conflict_sealed(v) || !doc || !(side = side_file(s, p, from)))
		return 0;
	keep = path_resolve(&there, side->root, p, p->n, &err) == 0 && conflict_sealed(there) &&
	       there->len == v->len && !memcmp(there->str, v->str, v->len) &&
	       conflict_same_readers(side->root, doc->root);
	doc_free(side);
	/* the readers may have changed since the merge: then seal anew */
	return keep && secrets_stale(s, doc->root, &err) == 0;
}

int resolve_sealed(struct doc_node **out, struct store *s, struct doc *doc, const struct path *p,
		   const char *place, struct doc_node *v, const char *from,
		   const struct age_identity *ids, size_t nids)
{
	struct buf plain = BUF_SECRET_INIT;
	int status;

	/* opened even when kept: only a reader settles a confidential value */
	if (!conflict_open(&plain, p->file, place, v, ids, nids, &status)) {
		buf_release(&plain);
		return status ? status : AGE_BAD_HEADER;
	}
	if (from && resolve_keeps_bytes(s, doc, p, v, from)) {
		buf_release(&plain);
		*out = v;
		return 0;
	}
	doc->secret = 1;  /* the opened text is in its arena now */
	v = doc_scalar(doc, buf_str(&plain), plain.len, 0);
	buf_release(&plain);
	if (!v)
		return ERR_NOMEM;
	*out = v;
	return 0;
}
