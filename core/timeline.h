/*
 * The initiative's timeline (initiative.yaml: timeline), as meeting list
 * shows it: the entries {id, date, text, status} in the file's order.
 * init --template ucsd plans one over six months (core/template.c).
 * Pure: the caller loads initiative.yaml.
 *
 * Ownership: struct timeline owns its strings until timeline_release().
 */
#ifndef CONVENE_TIMELINE_H
#define CONVENE_TIMELINE_H

#include <stddef.h>

#include "doc.h"

struct timeline_entry {
	char *id, *date, *text;  /* date and text NULL when absent */
	char *status;            /* "planned" when absent */
};

struct timeline {
	struct timeline_entry *v;
	size_t n;
};

/* The entries of the root of initiative.yaml (may be NULL) that have an
 * id, in order.  Returns 0 or ERR_NOMEM. */
int timeline_from_initiative(struct timeline *out, const struct doc_node *root);
void timeline_release(struct timeline *t);

/* How many entries are still planned. */
size_t timeline_planned(const struct timeline *t);

#endif
