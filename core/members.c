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
