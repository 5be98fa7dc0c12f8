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
};

/* Locks, checks the identity, loads file.  On failure prints the error
 * and returns the exit code (non-zero); on success returns 0. */
int txn_begin(struct txn *t, struct store *s, const char *file);

/* Validates, writes and commits with message.  Prints what happened and
 * returns the exit code.  Releases the transaction either way. */
int txn_commit(struct txn *t, const char *message);

/* Releases a transaction that is abandoned (nothing written). */
void txn_release(struct txn *t);

#endif
