/*
 * What the calendar needs from history, for every meeting at once, in one
 * walk over the commits reachable from HEAD (not one walk per meeting):
 * how many commits changed its date, start, duration or location (the
 * iCalendar SEQUENCE), when its file last changed (DTSTAMP and
 * LAST-MODIFIED), and the initiative's first commit (for UIDs that are
 * the same at every site).
 *
 * A commit counts for a meeting only when its file differs from the one
 * in every parent, as in `history`: a merge that took one side's file
 * changed nothing (the side's own commit, also reachable, counted), a
 * merge that made a file neither side had is a change of its own.  The
 * answer depends only on the commits, not on which site merged or in
 * which order the parents are, so every site that has synced gives the
 * same numbers; and as history only grows, they never go down.
 *
 * Ownership: struct meeting_hist owns its array until
 * store_meeting_history_release().
 */
#ifndef CONVENE_STORE_MEETINGHIST_H
#define CONVENE_STORE_MEETINGHIST_H

#include <stddef.h>

#include "core/err.h"
#include "store.h"

struct meeting_hist_entry {
	char file[32];           /* "meetings/004.yaml" */
	unsigned sequence;       /* commits that changed its time or place
				  * from a version that had a date (giving
				  * the first date moves nothing) */
	long long changed;       /* commit time (Unix, UTC) of the last
				  * commit that changed the file */
};

struct meeting_hist {
	char root[41];           /* the first commit of HEAD's first-parent
				  * line, in hex; "" when nothing is committed */
	struct meeting_hist_entry *v;   /* sorted by file */
	size_t n;
};

/* What the caller already made of a meeting file at HEAD: its
 * schedule_key() (core/schedule.h), so that version is not read twice. */
struct meeting_hist_key {
	const char *file;        /* "meetings/004.yaml" */
	const char *key;         /* NULL: not known */
};

/* Fills out; a repository with no commit gives root "" and no entries.
 * known (nknown of them, may be 0) are keys of HEAD's versions, taken
 * as they are.  Returns 0 or an error code with err set; release out in
 * either case. */
int store_meeting_history(struct meeting_hist *out, struct store *s,
			  const struct meeting_hist_key *known, size_t nknown, struct err *err);

/* The entry of a meeting file, or NULL when no commit holds it. */
const struct meeting_hist_entry *meeting_hist_find(const struct meeting_hist *h, const char *file);

void store_meeting_history_release(struct meeting_hist *h);

#endif
