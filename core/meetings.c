/* Meetings, actions and hosts, as the read commands see them: see meetings.h. */
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "err.h"
#include "layout.h"
#include "meetings.h"
#include "members.h"
#include "schema.h"
#include "text.h"

static int add_host(struct meetings *m, const struct doc_node *r)
{
	char **nh;

	if (!member_can_host(r) || !dom_text(r, "id"))
		return 0;
	if (!(nh = realloc(m->hosts, (m->nhosts + 1) * sizeof(char *))))
		return ERR_NOMEM;
	m->hosts = nh;
	if (!(nh[m->nhosts] = strdup(dom_text(r, "id"))))
		return ERR_NOMEM;
	m->nhosts++;
	return 0;
}

static int add_action(struct meetings *m, long number, const char *item,
		      const struct doc_node *a)
{
	struct action_info *nv, *x;
	int bad = 0;

	if (!(nv = realloc(m->actions, (m->nactions + 1) * sizeof(*nv))))
		return ERR_NOMEM;
	m->actions = nv;
	x = &nv[m->nactions++];
	x->meeting = number;
	x->item = text_dup(item, &bad);
	x->id = text_dup(dom_text(a, "id"), &bad);
	x->owner = text_dup(dom_text(a, "owner"), &bad);
	x->due = text_dup(dom_text(a, "due"), &bad);
	x->status = text_dup(dom_text(a, "status") ? dom_text(a, "status") : "open", &bad);
	x->text = text_dup(dom_text(a, "text"), &bad);
	return bad ? ERR_NOMEM : 0;
}

static int add_meeting(struct meetings *m, const char *file, const struct doc_node *r)
{
	const struct doc_node *loc, *agenda, *item, *acts, *a;
	struct meeting_info *info, *nv;
	int bad = 0, rc;

	if (!(nv = realloc(m->v, (m->n + 1) * sizeof(*nv))))
		return ERR_NOMEM;
	m->v = nv;
	info = &nv[m->n++];
	memset(info, 0, sizeof(*info));
	info->number = strtol(file + strlen("meetings/"), NULL, 10);
	info->date = text_dup(dom_text(r, "date"), &bad);
	info->status = text_dup(dom_text(r, "status"), &bad);
	info->title = text_dup(dom_text(r, "title"), &bad);
	loc = doc_get(r, "location");
	info->host = text_dup(dom_text(loc, "host"), &bad);
	info->virt = text_dup(dom_text(loc, "virtual"), &bad);
	if (bad)
		return ERR_NOMEM;
	if (!(agenda = doc_get(r, "agenda")) || agenda->kind != DOC_SEQ)
		return 0;
	for (item = agenda->head; item; item = item->next) {
		const char *id = dom_text(item, "id");

		if (!(acts = doc_get(item, "actions")) || acts->kind != DOC_SEQ)
			continue;
		for (a = acts->head; a; a = a->next)
			if (a->kind == DOC_MAP &&
			    (rc = add_action(m, info->number, id ? id : "?", a)) < 0)
				return rc;
	}
	return 0;
}

int meetings_add(struct meetings *m, const char *file, const struct doc *doc)
{
	const struct doc_node *r = doc->root;
	int rc = 0;

	if (!r || r->kind != DOC_MAP)
		return 0;
	if (layout_kind(file) == KIND_MEMBER)
		rc = add_host(m, r);
	else if (layout_kind(file) == KIND_MEETING)
		rc = add_meeting(m, file, r);
	if (rc < 0)
		m->failed = 1;
	return rc;
}

int meetings_fill_new(struct doc *doc, struct doc_node *r, const struct meeting_new *m)
{
	static const char *const keys[] = { "location" };
	struct doc_node *loc;

	if (dom_put(doc, KIND_MEETING, NULL, 0, r, "number", dom_plain(doc, m->number)) < 0 ||
	    (m->title && dom_put(doc, KIND_MEETING, NULL, 0, r, "title", dom_str(doc, m->title)) < 0) ||
	    dom_put(doc, KIND_MEETING, NULL, 0, r, "status", dom_str(doc, "planned")) < 0 ||
	    dom_put(doc, KIND_MEETING, NULL, 0, r, "date", m->date ? dom_str(doc, m->date) : dom_plain(doc, "")) < 0 ||
	    dom_put(doc, KIND_MEETING, NULL, 0, r, "start", m->start ? dom_str(doc, m->start) : dom_plain(doc, "")) < 0 ||
	    (m->duration && dom_put(doc, KIND_MEETING, NULL, 0, r, "duration", dom_plain(doc, m->duration)) < 0))
		return ERR_NOMEM;
	if (!m->host && !m->virt && !m->address)
		return 0;
	if (!(loc = doc_map(doc)) ||
	    dom_put(doc, KIND_MEETING, NULL, 0, r, "location", loc) < 0 ||
	    (m->host && dom_put(doc, KIND_MEETING, keys, 1, loc, "host", dom_str(doc, m->host)) < 0) ||
	    (m->address && dom_put(doc, KIND_MEETING, keys, 1, loc, "address", dom_str(doc, m->address)) < 0) ||
	    (m->virt && dom_put(doc, KIND_MEETING, keys, 1, loc, "virtual", dom_str(doc, m->virt)) < 0))
		return ERR_NOMEM;
	return 0;
}

int meetings_head_status(const char *head, size_t len, struct doc_span *status)
{
	static const char *const keys[] = { "status" };
	const char *p = head, *end = head + len, *eol;

	status->s = NULL;
	status->len = 0;
	/* up to the end of the first line that starts with the key */
	while (p < end && (eol = memchr(p, '\n', (size_t)(end - p)))) {
		if ((size_t)(eol - p) > 7 && !memcmp(p, "status:", 7))
			return doc_scan_top(head, (size_t)(eol + 1 - head), keys, 1, status) &&
			       status->s;
		p = eol + 1;
	}
	return 0;
}

void meetings_release(struct meetings *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->v[i].date);
		free(m->v[i].status);
		free(m->v[i].title);
		free(m->v[i].host);
		free(m->v[i].virt);
	}
	free(m->v);
	for (i = 0; i < m->nactions; i++) {
		free(m->actions[i].item);
		free(m->actions[i].id);
		free(m->actions[i].owner);
		free(m->actions[i].due);
		free(m->actions[i].status);
		free(m->actions[i].text);
	}
	free(m->actions);
	for (i = 0; i < m->nhosts; i++)
		free(m->hosts[i]);
	free(m->hosts);
	memset(m, 0, sizeof(*m));
}

int action_is_open(const struct action_info *a)
{
	return !a->status || !strcmp(a->status, "open");
}

int action_is_overdue(const struct action_info *a, const char *today)
{
	/* dates are YYYY-MM-DD, so their order is the order of their text */
	return action_is_open(a) && a->due && strcmp(a->due, today) < 0;
}

int action_matches(const struct action_info *a, const struct action_filter *f)
{
	if ((f->open || f->overdue) && !action_is_open(a))
		return 0;
	if (f->overdue && !action_is_overdue(a, f->today))
		return 0;
	if (f->owner && (!a->owner || strcmp(a->owner, f->owner)))
		return 0;
	return 1;
}

int meetings_actions(const struct action_info ***out, size_t *n, const struct meetings *m,
		     const struct action_filter *f)
{
	const struct action_info **v = NULL;
	size_t i;

	*out = NULL;
	*n = 0;
	if (m->nactions && !(v = malloc(m->nactions * sizeof(*v))))
		return ERR_NOMEM;
	for (i = 0; i < m->nactions; i++)
		if (action_matches(&m->actions[i], f))
			v[(*n)++] = &m->actions[i];
	*out = v;
	return 0;
}

static int turn_cmp(const void *a, const void *b)
{
	const struct host_turn *x = a, *y = b;

	if (x->times != y->times)
		return x->times < y->times ? -1 : 1;
	if (x->last != y->last)
		return x->last < y->last ? -1 : 1;
	return strcmp(x->member, y->member);
}

int meetings_rotation(struct rotation *out, const struct meetings *m)
{
	size_t i, j;

	memset(out, 0, sizeof(*out));
	if ((m->n && !(out->hosted = malloc(m->n * sizeof(*out->hosted)))) ||
	    (m->nhosts && !(out->next = calloc(m->nhosts, sizeof(*out->next))))) {
		rotation_release(out);
		return ERR_NOMEM;
	}
	for (j = 0; j < m->n; j++)
		if (m->v[j].host || m->v[j].virt)
			out->hosted[out->nhosted++] = &m->v[j];
	for (i = 0; i < m->nhosts; i++) {
		struct host_turn *t = &out->next[out->nnext++];

		t->member = m->hosts[i];
		for (j = 0; j < m->n; j++)
			if (m->v[j].host && !strcmp(m->v[j].host, t->member)) {
				t->times++;
				if (m->v[j].number > t->last)
					t->last = m->v[j].number;
			}
	}
	if (out->nnext)
		qsort(out->next, out->nnext, sizeof(*out->next), turn_cmp);
	return 0;
}

void rotation_release(struct rotation *r)
{
	free(r->hosted);
	free(r->next);
	memset(r, 0, sizeof(*r));
}
