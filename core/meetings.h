/*
 * The meetings of an initiative as the read commands see them: the
 * overview (meeting list), the actions across meetings (actions) and the
 * host rotation (hosts).  Pure: the caller loads each file (cmd's
 * visit_initiative) and feeds it to meetings_add(); the queries below then
 * compute from what was gathered.
 *
 * Ownership: struct meetings owns every string in it until
 * meetings_release(); what the queries return points into it, so it lives
 * no longer, and the caller frees only the arrays themselves.
 */
#ifndef CONVENE_MEETINGS_H
#define CONVENE_MEETINGS_H

#include <stddef.h>

#include "doc.h"

/* A meeting's fields as stored; NULL when absent. */
struct meeting_info {
	long number;   /* from the file name */
	char *date, *status, *title, *host, *virt;
};

/* An action of an agenda item.  item is "?" for an item without an id;
 * status is "open" for an action without one (open until done); the
 * other strings are NULL when absent. */
struct action_info {
	long meeting;
	char *item, *id, *owner, *due, *status, *text;
};

struct meetings {
	struct meeting_info *v;   /* in the order they were added */
	size_t n;
	struct action_info *actions;  /* meeting by meeting, item by item */
	size_t nactions;
	char **hosts;             /* ids of members who can host (member_can_host) */
	size_t nhosts;
	int failed;               /* memory ran out: what was gathered is incomplete */
};

/* Takes what the read queries need from one file of the initiative: a
 * meeting, or a member who can host; other files are skipped.  Returns
 * 0, or ERR_NOMEM (and sets failed). */
int meetings_add(struct meetings *m, const char *file, const struct doc *doc);
void meetings_release(struct meetings *m);

/* What meeting new sets in a new meeting file; NULL: not given. */
struct meeting_new {
	const char *number, *title, *date, *start, *duration;
	const char *host, *virt, *address;   /* location.host, .virtual, .address */
};

/*
 * Fills root, the mapping of a new meeting file in doc: its number, title,
 * status planned, date and start (empty when not given), duration, and a
 * location when one of its fields is given, in the schema's order.
 * Returns 0, or ERR_NOMEM.
 */
int meetings_fill_new(struct doc *doc, struct doc_node *root, const struct meeting_new *m);

/*
 * A meeting's status from the first len bytes of its file (the head, or
 * all of it): 1 with *status its text (into head) when those bytes settle
 * it whatever follows — the lines from the first to the status line are
 * each `key: text` or `key:` with `- text` items, plain text as
 * doc_scan_top() takes it, so doc_load() of the whole file gives that
 * text, or a value that goes on past it (never "planned" then, which has
 * no space), or fails.  0 when only the whole file can tell: load it.
 */
int meetings_head_status(const char *head, size_t len, struct doc_span *status);

/* Whether an action is open: its status is open (or missing), not done
 * or dropped. */
int action_is_open(const struct action_info *a);
/* Whether an action is overdue on `today` (YYYY-MM-DD): open, with a due
 * date before today.  Due today is not overdue yet. */
int action_is_overdue(const struct action_info *a, const char *today);

/* Which actions `actions` lists: open only, overdue on today (then open
 * too), owned by owner (NULL: anyone's). */
struct action_filter {
	int open, overdue;
	const char *owner;
	const char *today;
};
int action_matches(const struct action_info *a, const struct action_filter *f);
/* The actions that match f, in order, into *out (n of them; the caller
 * frees the array).  Returns 0 or ERR_NOMEM. */
int meetings_actions(const struct action_info ***out, size_t *n, const struct meetings *m,
		     const struct action_filter *f);

/* A member who can host, by how often and how lately they did. */
struct host_turn {
	const char *member;
	int times;     /* meetings they hosted */
	long last;     /* the number of the last one, 0 if none */
};

/* Who hosted which meeting, and who could host next. */
struct rotation {
	const struct meeting_info **hosted;  /* meetings with a host or online, in order */
	size_t nhosted;
	struct host_turn *next;  /* who hosted least, then longest ago, then by id */
	size_t nnext;
};
/* Fills *out from m; release it with rotation_release().  Returns 0 or
 * ERR_NOMEM. */
int meetings_rotation(struct rotation *out, const struct meetings *m);
void rotation_release(struct rotation *r);

#endif
