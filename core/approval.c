/* Approved minutes: see approval.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "approval.h"
#include "domain.h"
#include "err.h"
#include "layout.h"
#include "text.h"

int approval_of(struct approval *out, const struct doc_node *meeting)
{
	const struct doc_node *a = doc_get(meeting, "approved");
	const char *n = dom_text(a, "meeting"), *d = dom_text(a, "decision");

	memset(out, 0, sizeof(*out));
	if (!n || !d || !text_is_id(d) || (a->flags & DOC_CONFLICT) ||
	    !(out->meeting = layout_meeting_number(n)))
		return 0;
	out->decision = d;
	return 1;
}

struct doc_node *approval_item(const struct doc_node *meeting)
{
	struct doc_node *agenda = doc_get(meeting, "agenda"), *item;

	if (!agenda || agenda->kind != DOC_SEQ || (agenda->flags & DOC_CONFLICT))
		return NULL;
	/* the opening is where a group takes up the last minutes */
	if ((item = doc_find_id(agenda, "opening")) && item->kind == DOC_MAP)
		return item;
	for (item = agenda->head; item; item = item->next)
		if (item->kind == DOC_MAP && !(item->flags & DOC_CONFLICT))
			return item;
	return NULL;
}

void approval_text(char *out, size_t size, const char *lang, long approved)
{
	/* the number as the minutes' own header writes it ("Meeting 1") */
	if (lang && !strcmp(lang, "he"))
		snprintf(out, size, "הפרוטוקול של מפגש %ld אושר.", approved);
	else
		snprintf(out, size, "The minutes of meeting %ld are approved.", approved);
}

int approval_apply(struct doc *m, long mnum, struct doc *n, long nnum, const char *lang,
		   const struct approval_by *who, const char **item, struct err *err)
{
	const char *keys[2] = { "agenda", "decisions" }, *status;
	struct doc_node *it, *seq, *d, *ap;
	struct approval was;
	char mname[16], nname[16], text[200];
	const struct doc_node *c;

	layout_meeting_name(mname, sizeof(mname), mnum);
	layout_meeting_name(nname, sizeof(nname), nnum);
	*item = NULL;
	if (nnum <= mnum) {
		err_set(err, ERR_USAGE, 0, 0,
			"the minutes of meeting %s are approved at a later meeting, not at meeting %s",
			mname, nname);
		err_hint(err, "name the meeting that approves them with --at-meeting");
		return ERR_USAGE;
	}
	if ((c = doc_get(m->root, "approved")) && (c->flags & DOC_CONFLICT)) {
		err_set(err, ERR_DATA, c->line, c->col, "the approval of meeting %s is in an unresolved conflict", mname);
		err_hint(err, "settle it first with 'convene resolve' ('convene conflicts' lists them)");
		return ERR_DATA;
	}
	if (approval_of(&was, m->root)) {
		layout_meeting_name(nname, sizeof(nname), was.meeting);
		err_set(err, ERR_DATA, 0, 0,
			"the minutes of meeting %s were approved already, at meeting %s (decision %s)",
			mname, nname, was.decision);
		err_hint(err, "nothing was changed; an approval is made once");
		return ERR_DATA;
	}
	if ((status = dom_text(n->root, "status")) && !strcmp(status, "cancelled")) {
		err_set(err, ERR_DATA, 0, 0, "meeting %s is cancelled: it approves nothing", nname);
		err_hint(err, "approve them at a meeting that takes place");
		return ERR_DATA;
	}
	if (!(it = approval_item(n->root))) {
		err_set(err, ERR_DATA, 0, 0, "meeting %s has no agenda item to hold the decision", nname);
		err_hint(err, "add one (convene meeting edit %ld), or approve them at another meeting",
			 nnum);
		return ERR_DATA;
	}
	*item = dom_text(it, "id");
	if ((c = doc_get(it, "decisions")) && (c->flags & DOC_CONFLICT)) {
		err_set(err, ERR_DATA, c->line, c->col, "the decisions of item %s of meeting %s are in an unresolved conflict",
			*item, nname);
		err_hint(err, "settle it first with 'convene resolve' ('convene conflicts' lists them)");
		return ERR_DATA;
	}
	approval_text(text, sizeof(text), lang, mnum);
	if (!(seq = dom_seq(n, KIND_MEETING, keys, 1, it, "decisions")) || !(d = doc_map(n)) ||
	    dom_put(n, KIND_MEETING, keys, 2, d, "id", dom_str(n, who->id)) < 0 ||
	    (who->by && dom_put(n, KIND_MEETING, keys, 2, d, "by", dom_str(n, who->by)) < 0) ||
	    (who->site[0] && dom_put(n, KIND_MEETING, keys, 2, d, "site", dom_str(n, who->site)) < 0) ||
	    dom_put(n, KIND_MEETING, keys, 2, d, "at", dom_str(n, who->at)) < 0 ||
	    dom_put(n, KIND_MEETING, keys, 2, d, "text", dom_str(n, text)) < 0)
		goto oom;
	doc_seq_append(seq, d);
	keys[0] = "approved";
	snprintf(text, sizeof(text), "%ld", nnum);
	if (!(ap = doc_map(m)) ||
	    dom_put(m, KIND_MEETING, keys, 1, ap, "meeting", dom_plain(m, text)) < 0 ||
	    dom_put(m, KIND_MEETING, keys, 1, ap, "decision", dom_str(m, who->id)) < 0 ||
	    dom_put(m, KIND_MEETING, NULL, 0, m->root, "approved", ap) < 0)
		goto oom;
	return 0;
oom:
	return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
}

/* ---- across files ---- */

struct approvals_meeting {
	long number;
	char **decisions;
	size_t n;
};

struct approvals_pending {
	char *file, *decision;
	long meeting, by;
	unsigned line, col;       /* of approved.meeting, approved.decision */
	unsigned dline, dcol;
};

static int add_decisions(struct approvals_meeting *m, const struct doc_node *root)
{
	const struct doc_node *agenda = doc_get(root, "agenda"), *item, *ds, *d;
	const char *id;
	char **v;

	for (item = agenda && agenda->kind == DOC_SEQ ? agenda->head : NULL; item; item = item->next)
		for (ds = doc_get(item, "decisions"), d = ds && ds->kind == DOC_SEQ ? ds->head : NULL;
		     d; d = d->next) {
			if (!(id = dom_text(d, "id")))
				continue;
			if (!(v = realloc(m->decisions, (m->n + 1) * sizeof(*v))))
				return -1;
			m->decisions = v;
			if (!(v[m->n] = strdup(id)))
				return -1;
			m->n++;
		}
	return 0;
}

void approvals_add(struct approvals *a, const char *file, const struct doc *doc)
{
	const struct doc_node *root = doc->root, *ap;
	struct approvals_meeting *mv;
	struct approvals_pending *pv, *p;
	struct approval got;
	long number;

	if (layout_kind(file) != KIND_MEETING || !(number = layout_meeting_of_file(file)) ||
	    !root || root->kind != DOC_MAP || (root->flags & DOC_CONFLICT))
		return;
	if (!(mv = realloc(a->meetings, (a->nmeetings + 1) * sizeof(*mv)))) {
		a->failed = 1;
		return;
	}
	a->meetings = mv;
	mv = &mv[a->nmeetings++];
	memset(mv, 0, sizeof(*mv));
	mv->number = number;
	if (add_decisions(mv, root) < 0)
		a->failed = 1;
	/* a later meeting, or schema.c has said so already */
	if (!approval_of(&got, root) || got.meeting <= number)
		return;
	if (!(pv = realloc(a->pending, (a->npending + 1) * sizeof(*pv)))) {
		a->failed = 1;
		return;
	}
	a->pending = pv;
	p = &pv[a->npending];
	ap = doc_get(root, "approved");
	p->file = strdup(file);
	p->decision = strdup(got.decision);
	if (!p->file || !p->decision) {
		free(p->file);
		free(p->decision);
		a->failed = 1;
		return;
	}
	p->meeting = got.meeting;
	p->by = number;
	p->line = doc_get(ap, "meeting")->line;
	p->col = doc_get(ap, "meeting")->col;
	p->dline = doc_get(ap, "decision")->line;
	p->dcol = doc_get(ap, "decision")->col;
	a->npending++;
}

void approvals_finish(struct approvals *a, struct diags *out)
{
	const struct approvals_meeting *m;
	const struct approvals_pending *p;
	char name[16];
	size_t i, k, j;

	for (i = 0; i < a->npending; i++) {
		p = &a->pending[i];
		layout_meeting_name(name, sizeof(name), p->meeting);
		for (k = 0, m = NULL; k < a->nmeetings && !m; k++)
			if (a->meetings[k].number == p->meeting)
				m = &a->meetings[k];
		if (!m) {
			diags_add(out, p->file, p->line, p->col, DIAG_ERROR,
				  "the minutes are approved at meeting %s, which does not exist; fix approved.meeting",
				  name);
			continue;
		}
		for (j = 0; j < m->n; j++)
			if (!strcmp(m->decisions[j], p->decision))
				break;
		if (j == m->n)
			diags_add(out, p->file, p->dline, p->dcol, DIAG_ERROR,
				  "decision '%s' is not in meeting %s, which approved these minutes; fix approved.decision",
				  p->decision, name);
	}
	if (a->failed)
		out->failed = 1;
}

void approvals_release(struct approvals *a)
{
	size_t i, j;

	for (i = 0; i < a->nmeetings; i++) {
		for (j = 0; j < a->meetings[i].n; j++)
			free(a->meetings[i].decisions[j]);
		free(a->meetings[i].decisions);
	}
	for (i = 0; i < a->npending; i++) {
		free(a->pending[i].file);
		free(a->pending[i].decision);
	}
	free(a->meetings);
	free(a->pending);
	memset(a, 0, sizeof(*a));
}
