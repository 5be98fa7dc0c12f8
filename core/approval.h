/*
 * Approved minutes: a meeting's `approved: {meeting: N, decision: ID}`
 * says that its minutes were approved at a later meeting N, by the
 * decision ID recorded there.  What it says, where `minutes approve`
 * puts that decision and in which words, and the check across files that
 * the decision is there (one file alone cannot say it: schema.c checks
 * only that N is later).
 *
 * Ownership: struct approval points into the tree it was read from;
 * struct approvals owns its copies until approvals_release().
 */
#ifndef CONVENE_APPROVAL_H
#define CONVENE_APPROVAL_H

#include <stddef.h>

#include "doc.h"
#include "schema.h"

struct approval {
	long meeting;          /* the meeting that approved them */
	const char *decision;  /* the decision there */
};

/* Whether the meeting whose root is given records an approval in the form
 * the schema wants (a number, an id); 1 with out filled, else 0. */
int approval_of(struct approval *out, const struct doc_node *meeting);

/* The agenda item of a meeting that takes the decision: `opening` when
 * the meeting has one, else its first item; NULL when it has none. */
struct doc_node *approval_item(const struct doc_node *meeting);

/* The decision's text in the initiative's language (lang "he", else
 * English): "The minutes of meeting 1 are approved." */
void approval_text(char *out, size_t size, const char *lang, long approved);

/* What an approval's decision is made of: its id (8 hex digits), who made
 * it (NULL: nobody said), the site ("" none) and the time stamp. */
struct approval_by {
	const char *id, *by, *site, *at;
};

/*
 * The approval of meeting mnum's minutes (tree m) at the later meeting
 * nnum (tree n): adds to n, in approval_item(), the decision
 * approval_text() in lang, and sets m's approved: {meeting, decision}.
 * Returns 0; ERR_USAGE when nnum is not later than mnum; ERR_DATA when
 * m is approved already, n is cancelled or has no agenda item, or a
 * value on the way is an unresolved conflict; ERR_NOMEM.  err says which
 * (and what to do); nothing is changed then.  *item gets the id of the
 * agenda item that took the decision.
 */
int approval_apply(struct doc *m, long mnum, struct doc *n, long nnum, const char *lang,
		   const struct approval_by *who, const char **item, struct err *err);

/*
 * The check across files, as a scan goes: approvals_add() takes each
 * meeting (other files are skipped), approvals_finish() says into out,
 * at the file, line and column of the approval, each one whose meeting
 * does not exist or holds no such decision.  The files may come in any
 * order.
 */
struct approvals {
	struct approvals_meeting *meetings;
	size_t nmeetings;
	struct approvals_pending *pending;
	size_t npending;
	int failed;            /* memory ran out: some were not checked */
};
void approvals_add(struct approvals *a, const char *file, const struct doc *doc);
void approvals_finish(struct approvals *a, struct diags *out);
void approvals_release(struct approvals *a);

#endif
