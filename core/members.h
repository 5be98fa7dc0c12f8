/*
 * Who the members are, for member list, status and hosts: whether one has
 * left, whether one can host, and the list of them by id.  Pure: the
 * caller loads the trees (cmd's visit_initiative) and feeds them in.
 */
#ifndef CONVENE_MEMBERS_H
#define CONVENE_MEMBERS_H

#include <stddef.h>

#include "doc.h"
#include "err.h"
#include "schema.h"

/* The date a member left (the root of their file), or NULL while they are
 * a member: leaving is the only way out, members are never deleted. */
const char *member_left(const struct doc_node *root);
/* Whether a member could host the next meeting: can_host, and not left. */
int member_can_host(const struct doc_node *root);

/* One row of member list; the strings are never NULL ("" when absent). */
struct member_info {
	char *id, *name, *role, *org, *left;
	int can_host;
};

/* The members, those who left only when `all` is set.  Owns its rows. */
struct members {
	struct member_info *v;
	size_t n;
	int all;
	int failed;   /* memory ran out: the list is incomplete */
};

/* Adds the member a file holds, if it is one; other files are skipped.
 * Returns 0, or ERR_NOMEM (and sets failed). */
int members_add(struct members *m, const char *file, const struct doc *doc);
/* Orders the rows by id, as list shows them. */
void members_sort(struct members *m);
void members_release(struct members *m);

/* A member that `member add` makes; NULL: not given.  The strings are
 * the caller's. */
struct member_new {
	const char *id, *name, *org, *role, *email, *phone, *address, *joined;
	int can_host;
	const char *const *subgroups;
	size_t nsub;
};

/*
 * Checks m's values by the schema's rules, as they would be judged in
 * the file (schema_check_option(), the option that gave each named):
 * with ids NULL, the form of every value; with ids, the subgroups it
 * names.  Returns 0, or an error code with err set.
 */
int members_check_new(const struct member_new *m, const struct schema_ids *ids,
		      struct err *err);

/*
 * Fills root (a mapping of doc) with m: id, name, its role (default
 * member), can_host when set, joined (default today, 2026-02-01) and the
 * values given, in the schema's order.  Returns 0 or ERR_NOMEM.
 */
int members_build(struct doc *doc, struct doc_node *root, const struct member_new *m,
		  const char *today);

#endif
