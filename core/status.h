/*
 * The figures of `convene status`: the initiative, its members, interviews
 * and meetings, and the problems a scan found.  Pure: the caller loads
 * each file (store's scan_initiative) and feeds it to status_add(), then
 * status_finish() computes what needs every file.  What needs git (the
 * remotes) is not here.
 *
 * Ownership: struct status owns every string and array in it until
 * status_release().
 */
#ifndef CONVENE_STATUS_H
#define CONVENE_STATUS_H

#include <stddef.h>

#include "doc.h"
#include "schema.h"

struct status_meeting {
	long number;                  /* from its number: field, 0 if none */
	char *date, *status, *title;  /* "" when absent */
	size_t attendees, notes;      /* notes over every agenda item */
};

struct status {
	char *name, *language;        /* of initiative.yaml; NULL when absent */
	size_t members, active, left; /* active: not left (member_left()) */
	size_t subgroups, partners;   /* the items of initiative.yaml's lists */
	size_t interviews_done, interviews_planned;
	char **missing;               /* active members no interview is done with, by status_finish() */
	size_t nmissing;
	struct status_meeting *meetings;  /* in the order they were added */
	size_t nmeetings;
	unsigned conflicts, errors, warnings;  /* from the scan's diagnostics */

	/* gathered on the way */
	char **active_ids;
	size_t nactive;
	struct schema_ids *interviewed;
	int failed;                   /* memory ran out: the figures are incomplete */
};

/* Returns 0 or ERR_NOMEM. */
int status_init(struct status *st);
/* Counts one file of the initiative (a file whose root is a conflict is
 * not counted).  Returns 0, or ERR_NOMEM (and sets failed). */
int status_add(struct status *st, const char *file, const struct doc *doc);
/* Computes what needs every file, and takes the counts of d.  Returns 0
 * or ERR_NOMEM. */
int status_finish(struct status *st, const struct diags *d);
void status_release(struct status *st);

#endif
