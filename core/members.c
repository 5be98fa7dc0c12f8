/* The members of an initiative: see members.h. */
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "err.h"
#include "layout.h"
#include "members.h"
#include "schema.h"

const char *member_left(const struct doc_node *root)
{
	return dom_text(root, "left");
}

int member_can_host(const struct doc_node *root)
{
	return dom_flag(root, "can_host") && !member_left(root);
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

int members_add(struct members *m, const char *file, const struct doc *doc)
{
	const struct doc_node *r = doc->root;
	struct member_info *x, *nv;

	if (layout_kind(file) != KIND_MEMBER || !r || r->kind != DOC_MAP)
		return 0;
	if (member_left(r) && !m->all)
		return 0;
	if (!(nv = realloc(m->v, (m->n + 1) * sizeof(*nv))))
		goto oom;
	m->v = nv;
	x = &nv[m->n++];
	x->id = dup_or_empty(dom_text(r, "id"));
	x->name = dup_or_empty(dom_text(r, "name"));
	x->role = dup_or_empty(dom_text(r, "role"));
	x->org = dup_or_empty(dom_text(r, "organization"));
	x->left = dup_or_empty(member_left(r));
	x->can_host = dom_flag(r, "can_host");
	if (!x->id || !x->name || !x->role || !x->org || !x->left)
		goto oom;
	return 0;
oom:
	m->failed = 1;
	return ERR_NOMEM;
}

static int member_cmp(const void *a, const void *b)
{
	const struct member_info *x = a, *y = b;

	/* a row whose strdup failed is never sorted: failed stops the list */
	return strcmp(x->id, y->id);
}

void members_sort(struct members *m)
{
	if (m->n && !m->failed)
		qsort(m->v, m->n, sizeof(*m->v), member_cmp);
}

void members_release(struct members *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->v[i].id);
		free(m->v[i].name);
		free(m->v[i].role);
		free(m->v[i].org);
		free(m->v[i].left);
	}
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

int members_check_new(const struct member_new *m, const struct schema_ids *ids,
		      struct err *err)
{
	const struct { const char *opt, *value, *field; } v[] = {
		{ "NAME", m->name, "name" }, { "--org", m->org, "organization" },
		{ "--role", m->role, "role" }, { "--email", m->email, "email" },
		{ "--phone", m->phone, "phone" }, { "--address", m->address, "address" },
		{ "--joined", m->joined, "joined" },
	};
	size_t i;
	int error;

	for (i = 0; !ids && i < sizeof(v) / sizeof(v[0]); i++)
		if ((error = schema_check_option(KIND_MEMBER, v[i].field, v[i].value, v[i].opt, NULL,
						 err)))
			return error;
	for (i = 0; i < m->nsub; i++)
		if ((error = schema_check_option(KIND_MEMBER, "subgroups", m->subgroups[i],
						 "--subgroup", ids, err)))
			return error;
	return 0;
}

/* key: value (text) when value is given. */
static int put_text(struct doc *doc, struct doc_node *root, const char *key, const char *value)
{
	return value ? dom_put(doc, KIND_MEMBER, NULL, 0, root, key, dom_str(doc, value)) : 0;
}

int members_build(struct doc *doc, struct doc_node *root, const struct member_new *m,
		  const char *today)
{
	struct doc_node *seq;
	size_t i;

	if (put_text(doc, root, "id", m->id) < 0 || put_text(doc, root, "name", m->name) < 0 ||
	    put_text(doc, root, "organization", m->org) < 0 ||
	    put_text(doc, root, "role", m->role ? m->role : "member") < 0 ||
	    put_text(doc, root, "email", m->email) < 0 || put_text(doc, root, "phone", m->phone) < 0 ||
	    (m->can_host &&
	     dom_put(doc, KIND_MEMBER, NULL, 0, root, "can_host", dom_plain(doc, "true")) < 0) ||
	    put_text(doc, root, "address", m->address) < 0 ||
	    put_text(doc, root, "joined", m->joined ? m->joined : today) < 0)
		return ERR_NOMEM;
	if (m->nsub) {
		if (!(seq = dom_seq(doc, KIND_MEMBER, NULL, 0, root, "subgroups")))
			return ERR_NOMEM;
		for (i = 0; i < m->nsub; i++)
			doc_seq_append(seq, dom_str(doc, m->subgroups[i]));
	}
	return 0;
}
