/* Subgroups and partners: see groups.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "err.h"
#include "groups.h"
#include "layout.h"
#include "members.h"

const char *const groups_partner_kinds[] = {
	"municipality", "school", "nonprofit", "business", "funder", "university",
	"government", "community", "other", NULL
};

static char *dup_text(const struct doc_node *map, const char *key, int *bad)
{
	const char *v = dom_text(map, key);
	char *d = strdup(v ? v : "");

	if (!d)
		*bad = 1;
	return d;
}

static void free_group(struct group_info *x)
{
	size_t i;

	free(x->id);
	free(x->name);
	free(x->description);
	free(x->lead);
	for (i = 0; i < x->nmembers; i++)
		free(x->members[i]);
	free(x->members);
}

static void free_partner(struct partner_info *p)
{
	free(p->id);
	free(p->name);
	free(p->kind);
	free(p->contact);
	free(p->email);
	free(p->description);
}

static int add_initiative(struct groups *g, const struct doc_node *r)
{
	const struct doc_node *seq, *e;
	int bad = 0;

	/* the last initiative.yaml counts; there is one */
	while (g->n)
		free_group(&g->v[--g->n]);
	while (g->npartners)
		free_partner(&g->partners[--g->npartners]);
	seq = doc_get(r, "subgroups");
	for (e = seq && seq->kind == DOC_SEQ ? seq->head : NULL; e && !bad; e = e->next) {
		struct group_info *nv;

		if (e->kind != DOC_MAP || !dom_text(e, "id"))
			continue;
		if (!(nv = realloc(g->v, (g->n + 1) * sizeof(*nv))))
			return ERR_NOMEM;
		g->v = nv;
		nv = &nv[g->n++];
		memset(nv, 0, sizeof(*nv));
		nv->id = dup_text(e, "id", &bad);
		nv->name = dup_text(e, "name", &bad);
		nv->description = dup_text(e, "description", &bad);
		nv->lead = dup_text(e, "lead", &bad);
	}
	seq = doc_get(r, "partners");
	for (e = seq && seq->kind == DOC_SEQ ? seq->head : NULL; e && !bad; e = e->next) {
		struct partner_info *nv;

		if (e->kind != DOC_MAP || !dom_text(e, "id"))
			continue;
		if (!(nv = realloc(g->partners, (g->npartners + 1) * sizeof(*nv))))
			return ERR_NOMEM;
		g->partners = nv;
		nv = &nv[g->npartners++];
		memset(nv, 0, sizeof(*nv));
		nv->id = dup_text(e, "id", &bad);
		nv->name = dup_text(e, "name", &bad);
		nv->kind = dup_text(e, "kind", &bad);
		nv->contact = dup_text(e, "contact", &bad);
		nv->email = dup_text(e, "email", &bad);
		nv->description = dup_text(e, "description", &bad);
	}
	return bad ? ERR_NOMEM : 0;
}

const struct group_info *groups_find(const struct groups *g, const char *id)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (!strcmp(g->v[i].id, id))
			return &g->v[i];
	return NULL;
}

static int add_member(struct groups *g, const struct doc_node *r)
{
	const struct doc_node *seq = doc_get(r, "subgroups"), *e;
	const char *id = dom_text(r, "id");
	struct group_info *x;
	char **nv;
	size_t k;

	if (!id || member_left(r) || !seq || seq->kind != DOC_SEQ)
		return 0;
	for (e = seq->head; e; e = e->next) {
		if (e->kind != DOC_SCALAR || !(x = (struct group_info *)groups_find(g, e->str)))
			continue;
		for (k = 0; k < x->nmembers && strcmp(x->members[k], id); k++)
			;
		if (k < x->nmembers)
			continue;  /* listed twice: validate says so */
		if (!(nv = realloc(x->members, (x->nmembers + 1) * sizeof(*nv))))
			return ERR_NOMEM;
		x->members = nv;
		if (!(nv[x->nmembers] = strdup(id)))
			return ERR_NOMEM;
		x->nmembers++;
	}
	return 0;
}

int groups_add(struct groups *g, const char *file, const struct doc *doc)
{
	const struct doc_node *r = doc->root;
	int rc = 0;

	if (!r || r->kind != DOC_MAP || (r->flags & DOC_CONFLICT))
		return 0;
	switch (layout_kind(file)) {
	case KIND_INITIATIVE: rc = add_initiative(g, r); break;
	case KIND_MEMBER: rc = add_member(g, r); break;
	default: break;
	}
	if (rc < 0)
		g->failed = 1;
	return rc;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void groups_finish(struct groups *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (g->v[i].nmembers > 1)
			qsort(g->v[i].members, g->v[i].nmembers, sizeof(char *), by_id);
}

void groups_release(struct groups *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free_group(&g->v[i]);
	for (i = 0; i < g->npartners; i++)
		free_partner(&g->partners[i]);
	free(g->v);
	free(g->partners);
	memset(g, 0, sizeof(*g));
}

int groups_check_entry(const struct group_entry *g, const struct schema_ids *ids,
		       struct err *err)
{
	char field[64];
	size_t i;
	int error;

	if (!ids) {
		snprintf(field, sizeof(field), "%s.name", g->key);
		if ((error = schema_check_option(KIND_INITIATIVE, field, g->name, "NAME", NULL, err)))
			return error;
	}
	for (i = 0; i < g->nv; i++) {
		snprintf(field, sizeof(field), "%s.%s", g->key, g->v[i].key);
		if ((error = schema_check_option(KIND_INITIATIVE, field, g->v[i].value, g->v[i].opt,
						 ids, err)))
			return error;
	}
	return 0;
}

struct doc_node *groups_entry_node(struct doc *doc, const struct group_entry *g)
{
	const char *keys[] = { g->key };
	struct doc_node *e;
	size_t i;

	if (!(e = doc_map(doc)) ||
	    dom_put(doc, KIND_INITIATIVE, keys, 1, e, "id", dom_str(doc, g->id)) < 0 ||
	    dom_put(doc, KIND_INITIATIVE, keys, 1, e, "name", dom_str(doc, g->name)) < 0)
		return NULL;
	for (i = 0; i < g->nv; i++)
		if (g->v[i].value && g->v[i].value[0] &&
		    dom_put(doc, KIND_INITIATIVE, keys, 1, e, g->v[i].key,
			    dom_str(doc, g->v[i].value)) < 0)
			return NULL;
	return e;
}
