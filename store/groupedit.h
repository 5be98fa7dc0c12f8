/*
 * Edits of subgroups inside an edit (store/edit.h): `subgroup add` and
 * `partner add` add an entry to a list of initiative.yaml; `member join`
 * and `member leave-subgroup` change the subgroups a member's own file
 * names (who is in a subgroup is in each member's file, so two sites
 * adding different members to one subgroup edit different files and
 * merge without a conflict).
 *
 * Nothing here prints.  An outcome the command words itself (and says
 * with its usage) is a positive code; what refused the edit otherwise is
 * a negative error code with e filled.  subject gets the commit's
 * subject, and is left alone when the edit is not made.
 */
#ifndef CONVENE_GROUPEDIT_H
#define CONVENE_GROUPEDIT_H

#include <stddef.h>

#include "core/groups.h"
#include "edit.h"

enum {
	GROUP_NOT_LIST = 1,  /* the list (subgroups, partners) holds something else */
	GROUP_EXISTS,        /* group_add(): an entry with that id is there already */
	GROUP_ALREADY,       /* join: the member is in that subgroup already */
	GROUP_NOT_IN         /* leave-subgroup: the member is not in it */
};

/*
 * Adds g to its list in t (initiative.yaml): checks what g's values name
 * by t's ids, refuses a list in an unresolved conflict, and writes the
 * subject "<what> added: NAME (ID)" (what: "subgroup", "partner").
 * Returns 0, GROUP_NOT_LIST, GROUP_EXISTS, or an error with e filled.
 */
int group_add(struct txn *t, const struct group_entry *g, const char *what, char *subject,
	      size_t size, struct txn_err *e);

/*
 * Adds subgroup to the subgroups of member, whose file t holds (join), or
 * takes it out (!join: an empty list goes too); the subject is
 * "subgroup SUBGROUP: MEMBER joined" or "... left".  Joining checks that
 * the subgroup exists (t's ids); leaving one that is gone is fine, that
 * is how a stale reference is mended.  Returns 0, GROUP_NOT_LIST,
 * GROUP_ALREADY (join), GROUP_NOT_IN (leave), or an error with e filled.
 */
int group_member_change(struct txn *t, const char *member, const char *subgroup, int join,
			char *subject, size_t size, struct txn_err *e);

#endif
