/*
 * Edits of a member's own file inside an edit (store/edit.h): member add,
 * leave, and edit --age.  Members are never deleted: leaving sets `left:`,
 * so history and the references to them hold.  Nothing here prints;
 * subject gets the commit's subject.  Each returns 0, or an error code
 * with e filled (and the subject left alone).
 */
#ifndef CONVENE_MEMBEREDIT_H
#define CONVENE_MEMBEREDIT_H

#include <stddef.h>

#include "core/members.h"
#include "edit.h"

/* Whether id is taken by a member file that can be read (store is a
 * struct store): dom_member_id()'s test when it makes an id. */
int member_id_taken(void *store, const char *id);

/* Fills the new file t holds (TXN_CREATE) with m, after checking the
 * subgroups it names by t's ids; joined defaults to today.  Subject:
 * "member added: NAME (ID)". */
int member_create(struct txn *t, const struct member_new *m, const char *today, char *subject,
		  size_t size, struct txn_err *e);

/* Sets `left:` to date in the file of member id, which t holds.
 * Subject: "member left: ID". */
int member_leave_apply(struct txn *t, const char *id, const char *date, char *subject,
		       size_t size, struct txn_err *e);

/* Sets the member's age recipient (checked by the caller).  Subject:
 * "member ID: age recipient". */
int member_age_apply(struct txn *t, const char *id, const char *age, char *subject, size_t size,
		     struct txn_err *e);

#endif
