/* Marking members as attending: see attendance.h. */
#include <string.h>

#include "attendance.h"
#include "core/domain.h"
#include "core/layout.h"

int attendance_add(struct txn *t, char *const *names, char *subject, size_t size,
		   struct txn_err *e)
{
	struct doc_node *seq, *c;
	int i, error, added = 0;

	for (i = 0; names[i]; i++)
		if ((error = schema_check_option(KIND_MEETING, "attendees", names[i], "attendees",
						 t->ids, &e->err)))
			return error;
	if (!(seq = dom_seq(t->doc, KIND_MEETING, NULL, 0, t->doc->root, "attendees")))
		return ATTEND_NOT_LIST;
	for (i = 0; names[i]; i++) {
		for (c = seq->head; c; c = c->next)
			if (c->kind == DOC_SCALAR && !strcmp(c->str, names[i]))
				break;
		if (!c) {
			doc_seq_append(seq, dom_str(t->doc, names[i]));
			added++;
		}
	}
	if (!added)
		return ATTEND_NONE;
	layout_subject(subject, size, layout_meeting_of_file(t->file), "%d attending", added);
	return 0;
}
