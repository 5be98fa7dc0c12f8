/*
 * Subgroups and partners (DESIGN §2): both are lists in initiative.yaml;
 * who is in a subgroup is said by each member's file (its `subgroups`), so
 * that two sites adding different members to one subgroup edit different
 * files and merge without a conflict.  The query of `subgroup list` and
 * `partner list`: the caller feeds every file to groups_add().
 *
 * Ownership: struct groups owns every string and array in it until
 * groups_release().
 */
#ifndef CONVENE_GROUPS_H
#define CONVENE_GROUPS_H

#include <stddef.h>

#include "doc.h"

struct group_info {
	char *id, *name, *description, *lead;   /* "" when absent */
	char **members;                         /* the ids of active members in it, sorted */
	size_t nmembers;
};

struct partner_info {
	char *id, *name, *kind, *contact, *email, *description;  /* "" when absent */
};

struct groups {
	struct group_info *v;         /* in the order of initiative.yaml */
	size_t n;
	struct partner_info *partners;
	size_t npartners;
	int failed;                   /* memory ran out: the lists are incomplete */
};

/* The partner kinds, as the schema knows them (NULL-terminated). */
extern const char *const groups_partner_kinds[];

/* Takes the subgroups and partners of initiative.yaml, and the subgroups
 * of an active member (a subgroup initiative.yaml lacks is skipped: validate
 * says so).  Other files are skipped.  Returns 0 or ERR_NOMEM (failed). */
int groups_add(struct groups *g, const char *file, const struct doc *doc);
/* Sorts each subgroup's members; call once every file was added. */
void groups_finish(struct groups *g);
/* The subgroup with id, or NULL. */
const struct group_info *groups_find(const struct groups *g, const char *id);
void groups_release(struct groups *g);

#endif
