/*
 * Settling one !conflict (DESIGN §4): the value `resolve` takes (a side by
 * its number, or the base), and for a confidential interview (§7) a
 * side's sealed value opened for a reader, the commit a side came from,
 * and whether two trees were sealed for the same readers.  Pure: no git,
 * no printing.  The nodes handed out belong to the conflict's tree.
 */
#ifndef CONVENE_CONFLICT_H
#define CONVENE_CONFLICT_H

#include <stddef.h>

#include "age.h"
#include "buf.h"
#include "doc.h"

/* What resolve takes at a conflict. */
struct conflict_pick {
	struct doc_node *value;  /* NULL when the side deleted the value */
	int deleted;             /* taking it deletes the field */
	const char *from;        /* the side's `from`, NULL for the base */
};

/* Side n (1-based, as `convene conflicts` numbers them) of the conflict
 * c, into out: 0, or -1 when c has no side n. */
int conflict_pick_side(struct conflict_pick *out, struct doc_node *c, long n);
/* The base of c (deleted when it is null or missing). */
void conflict_pick_base(struct conflict_pick *out, struct doc_node *c);

/*
 * Settles the conflict c of doc: a copy of value (from any tree) takes
 * its place, or with deleted it goes (the field deleted; c the root: the
 * tree is left empty).  0, or -1 when memory ran out (doc unchanged).
 */
int conflict_settle(struct doc *doc, struct doc_node *c, const struct doc_node *value, int deleted);

/* Whether v is a sealed value (a !secret scalar). */
int conflict_sealed(const struct doc_node *v);

/*
 * v, one value of a conflict at field path `path` of file, opened with
 * ids: 1 with its text appended to plain (a secret buffer).  0 when v is
 * not sealed or does not open; *status (when status is not NULL) then
 * says why, as secret_open_value() does (0: v is not sealed).
 */
int conflict_open(struct buf *plain, const char *file, const char *path,
		  const struct doc_node *v, const struct age_identity *ids, size_t nids,
		  int *status);

/*
 * The commit a side's `from` names ("Dana <d@x> haifa 2026-03-01
 * 4f2a9c1"): its last word when that is 7 to 40 hex digits, into out
 * (at least 41 bytes): 1, or 0 when there is none (the git CLI driver
 * passes labels such as "ours").
 */
int conflict_from_commit(const char *from, char *out, size_t size);

/* Whether the interviews a and b (their roots) name the same recipients
 * in sealed_for, in any order: 1 or 0 (0 when either names none or
 * sealed_for is not a list of strings). */
int conflict_same_readers(const struct doc_node *a, const struct doc_node *b);

#endif
