/*
 * attend inside an edit (store/edit.h): the members present at a
 * meeting, added to its attendees.  Nothing here prints.
 */
#ifndef CONVENE_ATTENDANCE_H
#define CONVENE_ATTENDANCE_H

#include <stddef.h>

#include "edit.h"

enum {
	ATTEND_NOT_LIST = 1,  /* attendees holds something else */
	ATTEND_NONE           /* they were all attending already: nothing to do */
};

/*
 * Adds each of names (NULL-terminated member ids) that the meeting t
 * holds does not list yet to its attendees, after checking by t's ids
 * that each is a member.  The subject is "meeting NNN: N attending".
 * Returns 0, ATTEND_NOT_LIST, ATTEND_NONE, or an error code with e
 * filled.
 */
int attendance_add(struct txn *t, char *const *names, char *subject, size_t size,
		   struct txn_err *e);

#endif
