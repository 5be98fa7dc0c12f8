/*
 * Edits of the initiative's own lists inside an edit (store/edit.h):
 * principle add (initiative.yaml), outcome add, outcome indicator and
 * outcome measure (outcomes/<id>.yaml).  Nothing here prints: an outcome
 * the command words itself is a positive code, what refused the edit
 * otherwise a negative error code with e filled.  subject gets the
 * commit's subject when the edit is made.
 */
#ifndef CONVENE_OUTCOMEEDIT_H
#define CONVENE_OUTCOMEEDIT_H

#include <stddef.h>

#include "edit.h"

enum {
	LIST_NOT_LIST = 1,  /* the list holds something else, or memory ran out */
	LIST_EXISTS,        /* an item with that id is there already */
	LIST_NO_INDICATOR   /* outcome measure: the outcome has no such indicator */
};

/*
 * Appends {id, text, site, at} to the principles of initiative.yaml, which
 * t holds (site left out when ""; at: now, with offset).  Subject:
 * "principle added: ID".  Returns 0, LIST_NOT_LIST, LIST_EXISTS.
 */
int principle_add_apply(struct txn *t, const char *id, const char *text, const char *site,
			const char *at, char *subject, size_t size);

/* An outcome that `outcome add` makes; NULL: not given. */
struct outcome_new {
	const char *id, *title, *description, *population;
	const char *const *principles;
	size_t np;
};

/* Checks o by the schema's rules (schema_check_option()): with ids NULL,
 * the title and the form of the principles; with ids, that the
 * principles exist.  Returns 0, or an error code with err set. */
int outcome_check_new(const struct outcome_new *o, const struct schema_ids *ids,
		      struct err *err);

/* Fills the new file t holds (TXN_CREATE) with o, status proposed, after
 * checking its principles by t's ids.  Subject: "outcome added: ID".
 * Returns 0 or an error code with e filled. */
int outcome_create(struct txn *t, const struct outcome_new *o, char *subject, size_t size,
		   struct txn_err *e);

/* An indicator that `outcome indicator` adds; NULL: not given. */
struct indicator_new {
	const char *outcome, *id, *name, *unit, *baseline, *target;
};

/* Checks the name and values of i by the schema's rules (ids: none
 * they name).  Returns 0, or an error code with err set. */
int indicator_check_new(const struct indicator_new *i, struct err *err);

/* Appends i to the indicators of the outcome t holds.  Subject:
 * "outcome OUTCOME: indicator ID".  Returns 0, LIST_NOT_LIST,
 * LIST_EXISTS. */
int indicator_add_apply(struct txn *t, const struct indicator_new *i, char *subject,
			size_t size);

/* A measurement that `outcome measure` adds. */
struct measurement_new {
	const char *outcome, *indicator, *value, *date, *note;  /* note may be NULL */
};

/* Checks the value and the date (may be NULL) by the schema's rules.
 * Returns 0, or an error code with err set. */
int measurement_check_new(const struct measurement_new *m, struct err *err);

/*
 * Appends {id (made), date, value, note} to the measurements of
 * indicator m->indicator of the outcome t holds; an indicator in an
 * unresolved conflict refuses it.  Subject: "outcome O: I measured V on
 * DATE".  Returns 0, LIST_NO_INDICATOR, LIST_NOT_LIST, or an error code
 * with e filled.
 */
int measurement_add_apply(struct txn *t, const struct measurement_new *m, char *subject,
			  size_t size, struct txn_err *e);

#endif
