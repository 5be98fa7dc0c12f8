/*
 * The initiative's guiding principles (initiative.yaml: principles), as
 * principle list shows them, and the id principle add makes for one.
 * Pure: the caller loads the tree.
 *
 * Ownership: the rows point into the tree they were read from (valid
 * while it lives); the array is the caller's until principles_release().
 */
#ifndef CONVENE_PRINCIPLES_H
#define CONVENE_PRINCIPLES_H

#include <stddef.h>

#include "doc.h"

struct principle_row {
	const char *id, *text;   /* NULL when the item lacks it */
};

struct principles {
	struct principle_row *v;  /* in the order of initiative.yaml */
	size_t n;
};

/* The principles of initiative.yaml's tree (none when the key is absent
 * or not a list).  Returns 0 or ERR_NOMEM (out empty). */
int principles_read(struct principles *out, const struct doc *doc);
void principles_release(struct principles *p);

/* A new principle's id, "p-" and 8 random hex digits (DESIGN §2), into
 * out (at least 11 bytes).  Returns 0, or -1 when there is no
 * randomness. */
int principles_new_id(char *out, size_t size);

#endif
