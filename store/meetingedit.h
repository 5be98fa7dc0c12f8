/*
 * meeting edit with options: setting a meeting's date, start, duration,
 * place, title, status and one agenda item's fields inside an edit
 * (store/edit.h), and saying what changed in the words of the commit
 * subject ("moved to 2026-05-03 18:00", "cancelled", "edited title, item
 * opening (minutes)").
 */
#ifndef CONVENE_MEETINGEDIT_H
#define CONVENE_MEETINGEDIT_H

#include <stddef.h>

#include "edit.h"

/* What meeting edit was asked to set; NULL: not given.  The values are
 * checked by the schema's rules before (schema_check_option()). */
struct meeting_change {
	const char *date, *start, *duration, *host, *virt, *address, *title, *status;
	const char *item, *minutes, *lead, *purpose, *item_title;
};

/*
 * Applies c to the meeting t holds and writes the subject of its commit
 * (without the "meeting NNN: " that layout_subject() adds).  The place
 * given together (host, virtual, address) replaces the one the meeting
 * had; other keys of the location stay.  A value in an unresolved
 * conflict refuses the edit, as does an agenda item that is not there.
 * Returns 0, or an error code with e filled.
 */
int meeting_change_apply(struct txn *t, const struct meeting_change *c, char *subject,
			 size_t size, struct txn_err *e);

#endif
