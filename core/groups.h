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
#include "err.h"
#include "schema.h"

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

/*
 * A subgroup or partner that `subgroup add` or `partner add` makes: the
 * entry {id, name, ...} of the list key ("subgroups", "partners") of
 * initiative.yaml.  Each value in v is the option opt ("--lead") that
 * gave it, for the field key[].vkey; a NULL or empty value is left out.
 * The strings are the caller's.
 */
struct group_field {
	const char *opt, *value, *key;
};
struct group_entry {
	const char *key;               /* "subgroups" or "partners" */
	const char *id, *name;
	const struct group_field *v;
	size_t nv;
};

/*
 * Checks the entry's values by the schema's rules, as they would be
 * judged in the file (schema_check_option()): with ids NULL, the name and
 * every value's form; with ids, what the values name (a lead who is no
 * member).  Returns 0, or an error code with err saying which option.
 */
int groups_check_entry(const struct group_entry *g, const struct schema_ids *ids,
		       struct err *err);

/* The entry as a new mapping of doc, keys in the schema's order; NULL
 * when memory ran out. */
struct doc_node *groups_entry_node(struct doc *doc, const struct group_entry *g);

#endif
