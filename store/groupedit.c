/* Subgroup and partner edits: see groupedit.h. */
#include <stdio.h>
#include <string.h>

#include "core/domain.h"
#include "groupedit.h"

static int no_memory(struct txn_err *e)
{
	return err_set(&e->err, ERR_NOMEM, 0, 0, "out of memory");
}

int group_add(struct txn *t, const struct group_entry *g, const char *what, char *subject,
	      size_t size, struct txn_err *e)
{
	struct doc_node *seq, *entry;
	int error;

	if ((error = groups_check_entry(g, t->ids, &e->err)))
		return error;
	if (!(seq = dom_seq(t->doc, KIND_INITIATIVE, NULL, 0, t->doc->root, g->key)))
		return GROUP_NOT_LIST;
	if ((error = edit_refuse_conflict(t, seq, g->key, e)))
		return error;
	if (doc_find_id(seq, g->id))
		return GROUP_EXISTS;
	if (!(entry = groups_entry_node(t->doc, g)))
		return no_memory(e);
	doc_seq_append(seq, entry);
	snprintf(subject, size, "%s added: %s (%s)", what, g->name, g->id);
	return 0;
}

int group_member_change(struct txn *t, const char *member, const char *subgroup, int join,
			char *subject, size_t size, struct txn_err *e)
{
	struct doc_node *seq, *n;
	int error;

	if (join && (error = schema_check_option(KIND_MEMBER, "subgroups", subgroup, "SUBGROUP",
						 t->ids, &e->err)))
		return error;
	if (!(seq = dom_seq(t->doc, KIND_MEMBER, NULL, 0, t->doc->root, "subgroups")))
		return GROUP_NOT_LIST;
	if ((error = edit_refuse_conflict(t, seq, "subgroups", e)))
		return error;
	for (n = seq->head; n; n = n->next)
		if (n->kind == DOC_SCALAR && !strcmp(n->str, subgroup))
			break;
	if (join && n)
		return GROUP_ALREADY;
	if (!join && !n)
		return GROUP_NOT_IN;
	if (join) {
		if (!(n = dom_str(t->doc, subgroup)))
			return no_memory(e);
		doc_seq_append(seq, n);
	} else {
		doc_remove(n);
		if (!seq->head)
			doc_remove(seq);  /* no empty list left behind */
	}
	snprintf(subject, size, "subgroup %s: %s %s", subgroup, member, join ? "joined" : "left");
	return 0;
}
