/* Edits of a member's file: see memberedit.h. */
#include <stdio.h>

#include "core/domain.h"
#include "core/layout.h"
#include "memberedit.h"

static int no_memory(struct txn_err *e)
{
	return err_set(&e->err, ERR_NOMEM, 0, 0, "out of memory");
}

int member_id_taken(void *store, const char *id)
{
	char path[128];
	struct err err;

	/* only a file that can be read takes the id */
	layout_member_file(path, sizeof(path), id);
	return store_exists(store, path, &err) > 0;
}

int member_create(struct txn *t, const struct member_new *m, const char *today, char *subject,
		  size_t size, struct txn_err *e)
{
	int error;

	if ((error = members_check_new(m, t->ids, &e->err)))
		return error;
	if (members_build(t->doc, t->doc->root, m, today) < 0)
		return no_memory(e);
	snprintf(subject, size, "member added: %s (%s)", m->name, m->id);
	return 0;
}

int member_leave_apply(struct txn *t, const char *id, const char *date, char *subject,
		       size_t size, struct txn_err *e)
{
	if (dom_put(t->doc, KIND_MEMBER, NULL, 0, t->doc->root, "left", dom_str(t->doc, date)) < 0)
		return no_memory(e);
	snprintf(subject, size, "member left: %s", id);
	return 0;
}

int member_age_apply(struct txn *t, const char *id, const char *age, char *subject, size_t size,
		     struct txn_err *e)
{
	if (dom_put(t->doc, KIND_MEMBER, NULL, 0, t->doc->root, "age", dom_str(t->doc, age)) < 0)
		return no_memory(e);
	snprintf(subject, size, "member %s: age recipient", id);
	return 0;
}
