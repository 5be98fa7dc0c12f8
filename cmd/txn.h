/*
 * An edit of one file of the initiative, start to finish: take the edit
 * lock, load the file, let the caller change the tree, then validate,
 * write atomically and commit at once, or change nothing.
 */
#ifndef CONVENE_TXN_H
#define CONVENE_TXN_H

#include "cmd.h"
#include "core/doc.h"

struct txn {
	struct store *s;
	const char *file;
	char *old;              /* the bytes before the edit */
	size_t oldlen;
	struct doc *doc;        /* the tree to change */
	struct schema_ids *ids;
	struct diags before;    /* the file's errors before the edit */
	char head[48];          /* HEAD when the edit began */
	int no_commit;          /* --no-commit: stage, don't commit */
	int created;            /* the file is new */
	int allow_conflict_root; /* resolve: the whole file may be a conflict */
};

/* Locks, checks the identity, loads file.  On failure prints the error
 * and returns the exit code (non-zero); on success returns 0. */
int txn_begin(struct txn *t, struct store *s, const char *file);

/* The same for a file that must not exist yet: the tree starts as an
 * empty mapping. */
int txn_create(struct txn *t, struct store *s, const char *file);

/* Non-zero (and says so) when n or a node above it is a !conflict: an
 * edit there would vanish when the conflict is resolved. */
int txn_refuse_conflict(struct txn *t, const struct doc_node *n, const char *what);

/* txn_begin() for resolve: the whole file may be a !conflict. */
int txn_begin_resolve(struct txn *t, struct store *s, const char *file);

/* Validates, writes and commits with message.  Prints what happened and
 * returns the exit code.  Releases the transaction either way. */
int txn_commit(struct txn *t, const char *message);

/*
 * Commits paths as they are in the work tree on top of head (see
 * store_commit), between the pre-commit and post-commit hooks.  A refusing
 * pre-commit is ERR_REFUSED and leaves index and history as they were.
 */
int commit_with_hooks(struct store *s, const char *const *paths, size_t n, const char *head,
		      const char *message, char *oid, size_t oid_size, struct err *err);

/* Removes the file and commits that (the deleting side of a conflict
 * over the whole file); puts it back if the commit does not happen. */
int txn_commit_removal(struct txn *t, const char *message);

/* Releases a transaction that is abandoned (nothing written). */
void txn_release(struct txn *t);

#endif
