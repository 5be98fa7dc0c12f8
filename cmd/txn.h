/*
 * The edit of one file (store/edit.h) as the commands run it: the same
 * steps, saying what refused or failed the edit, or what was done, and
 * returning the exit code.  txn_release() is store/edit.h's.
 */
#ifndef CONVENE_TXN_H
#define CONVENE_TXN_H

#include "cmd.h"
#include "core/doc.h"
#include "store/edit.h"

/* edit_begin(), the user's hooks to run at the commit.  Returns 0, or the
 * exit code with what went wrong printed. */
int txn_begin(struct txn *t, struct store *s, const char *file, enum txn_mode mode);

/* Warns when t's file is a meeting whose minutes were approved (the edit
 * goes on: the group may add to them, but should know). */
void txn_warn_approved(const struct txn *t);

/* edit_refuse_conflict(): non-zero (and says so) when n or a node above
 * it is a !conflict. */
int txn_refuse_conflict(struct txn *t, const struct doc_node *n, const char *what);

/* edit_commit(): validates, writes and commits with message.  Prints what
 * happened and returns the exit code.  Releases the transaction either
 * way. */
int txn_commit(struct txn *t, const char *message);

/* edit_begin_also() and edit_commit_both(): an edit of two files in one
 * commit, printing as txn_begin() and txn_commit() do. */
int txn_begin_also(struct txn *also, const struct txn *t, const char *file, enum txn_mode mode);
int txn_commit_both(struct txn *t, struct txn *also, const char *message);

/* edit_commit_removal(), printing as txn_commit(). */
int txn_commit_removal(struct txn *t, const char *message);

/*
 * Commits paths as they are in the work tree on top of head (see
 * store_commit), between the pre-commit and post-commit hooks.  A refusing
 * pre-commit is ERR_REFUSED and leaves index and history as they were.
 */
int commit_with_hooks(struct store *s, const char *const *paths, size_t n, const char *head,
		      const char *message, char *oid, size_t oid_size, struct err *err);

/* Says what refused or failed an edit of file (e from store/edit.h);
 * returns the exit code. */
int txn_say_failure(const struct txn_err *e, const char *file);
/* The end of an edit made in store/: on rc 0 commits t with subject (as
 * txn_commit()), else releases t and says e (as txn_say_failure()); e is
 * released either way.  The command's exit status. */
int txn_finish(struct txn *t, int rc, const char *subject, struct txn_err *e);

#endif
