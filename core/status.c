/* The figures of status: see status.h. */
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "err.h"
#include "interviews.h"
#include "layout.h"
#include "members.h"
#include "status.h"

int status_init(struct status *st)
{
	memset(st, 0, sizeof(*st));
	return (st->interviewed = schema_ids_new()) ? 0 : ERR_NOMEM;
}

static int add_string(char ***v, size_t *n, const char *s)
{
	char **nv = realloc(*v, (*n + 1) * sizeof(char *));

	if (!nv)
		return ERR_NOMEM;
	*v = nv;
	if (!(nv[*n] = strdup(s)))
		return ERR_NOMEM;
	(*n)++;
	return 0;
}

static char *dup_or_empty(const char *s, int *bad)
{
	char *d = strdup(s ? s : "");

	if (!d)
		*bad = 1;
	return d;
}

static int add_meeting(struct status *st, const struct doc_node *r)
{
	const struct doc_node *a, *item, *l;
	struct status_meeting *m, *nv;
	const char *v;
	int bad = 0;

	if (!(nv = realloc(st->meetings, (st->nmeetings + 1) * sizeof(*nv))))
		return ERR_NOMEM;
	st->meetings = nv;
	m = &nv[st->nmeetings++];
	memset(m, 0, sizeof(*m));
	v = dom_text(r, "number");
	m->number = v ? strtol(v, NULL, 10) : 0;
	m->date = dup_or_empty(dom_text(r, "date"), &bad);
	m->status = dup_or_empty(dom_text(r, "status"), &bad);
	m->title = dup_or_empty(dom_text(r, "title"), &bad);
	if ((a = doc_get(r, "attendees")) && a->kind == DOC_SEQ)
		m->attendees = a->n;
	if ((a = doc_get(r, "agenda")) && a->kind == DOC_SEQ)
		for (item = a->head; item; item = item->next)
			if ((l = doc_get(item, "notes")) && l->kind == DOC_SEQ)
				m->notes += l->n;
	return bad ? ERR_NOMEM : 0;
}

/* How many items a list of initiative.yaml has (a !conflict: none). */
static size_t list_length(const struct doc_node *r, const char *key)
{
	const struct doc_node *seq = doc_get(r, key);

	return seq && seq->kind == DOC_SEQ && !(seq->flags & DOC_CONFLICT) ? seq->n : 0;
}

static int add_file(struct status *st, const char *file, const struct doc_node *r)
{
	const char *v;
	int bad = 0;

	switch (layout_kind(file)) {
	case KIND_INITIATIVE:
		/* the last initiative.yaml counts; there is one */
		if ((v = dom_text(r, "name"))) {
			free(st->name);
			st->name = dup_or_empty(v, &bad);
		}
		if ((v = dom_text(r, "language"))) {
			free(st->language);
			st->language = dup_or_empty(v, &bad);
		}
		st->subgroups = list_length(r, "subgroups");
		st->partners = list_length(r, "partners");
		return bad ? ERR_NOMEM : 0;
	case KIND_MEMBER:
		st->members++;
		if (member_left(r)) {
			st->left++;
			return 0;
		}
		st->active++;
		return (v = dom_text(r, "id")) ? add_string(&st->active_ids, &st->nactive, v) : 0;
	case KIND_INTERVIEW:
		if (!strcmp(interview_status(r), "planned")) {
			st->interviews_planned++;
			return 0;
		}
		st->interviews_done++;
		if ((v = dom_text(r, "member")) &&
		    schema_ids_add(st->interviewed, REF_MEMBER, v) < 0)
			return ERR_NOMEM;
		return 0;
	case KIND_MEETING:
		return add_meeting(st, r);
	default:
		return 0;
	}
}

int status_add(struct status *st, const char *file, const struct doc *doc)
{
	const struct doc_node *r = doc->root;
	int rc;

	if (!r || r->kind != DOC_MAP || (r->flags & DOC_CONFLICT))
		return 0;
	if ((rc = add_file(st, file, r)) < 0)
		st->failed = 1;
	return rc;
}

int status_finish(struct status *st, const struct diags *d)
{
	size_t i;

	st->conflicts = d->conflicts;
	st->errors = d->errors;
	st->warnings = d->warnings;
	for (i = 0; i < st->nactive; i++)
		if (!schema_ids_has(st->interviewed, REF_MEMBER, st->active_ids[i]) &&
		    add_string(&st->missing, &st->nmissing, st->active_ids[i]) < 0)
			return ERR_NOMEM;
	return 0;
}

void status_release(struct status *st)
{
	size_t i;

	free(st->name);
	free(st->language);
	for (i = 0; i < st->nactive; i++)
		free(st->active_ids[i]);
	free(st->active_ids);
	for (i = 0; i < st->nmissing; i++)
		free(st->missing[i]);
	free(st->missing);
	for (i = 0; i < st->nmeetings; i++) {
		free(st->meetings[i].title);
		free(st->meetings[i].date);
		free(st->meetings[i].status);
	}
	free(st->meetings);
	schema_ids_free(st->interviewed);
	memset(st, 0, sizeof(*st));
}
