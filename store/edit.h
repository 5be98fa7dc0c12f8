/*
 * An edit of one file of the initiative, start to finish: take the edit
 * lock, load the file, let the caller change the tree, then validate,
 * write atomically and commit at once, or change nothing.  The policy is
 * here: which files may be edited at all, which validation errors an edit
 * adds (those refuse it; the file's older ones do not), references left
 * dangling in other files, a change made under our feet.
 *
 * Nothing here prints: what went wrong goes to a struct txn_err, what was
 * done to a struct txn_done, and cmd/txn.c says it (its txn_begin() and
 * txn_commit() are these functions with the printing).  The types keep
 * the name the commands know them by (struct txn, txn_release()).
 */
#ifndef CONVENE_STORE_EDIT_H
#define CONVENE_STORE_EDIT_H

#include "core/doc.h"
#include "core/err.h"
#include "core/schema.h"
#include "store.h"

/* What the edit starts from. */
enum txn_mode {
	TXN_EDIT,    /* a file that exists, with no !conflict over it whole */
	TXN_CREATE,  /* a file that must not exist yet: an empty mapping */
	TXN_RESOLVE  /* resolve: the whole file may be a !conflict */
};

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
	int borrowed;           /* the lock is another edit's (edit_begin_also) */
	enum txn_mode mode;
	/* How the edit is committed, as store_commit() with expect_head:
	 * NULL is store_commit() itself; cmd/ runs the user's hooks around
	 * it (commit_with_hooks), which store/ does not know. */
	int (*commit)(struct store *s, const char *const *paths, size_t n, const char *head,
		      const char *message, char *oid, size_t oid_size, struct err *err);
};

/*
 * What refused an edit or made it fail.  err says what; its line and
 * column are in file (NULL: err is about no one file).  unreadable: the
 * file does not load, err is doc_load()'s (fix it first).  added: the
 * errors the edit would add, in this file or, as dangling references, in
 * others, in order; they come before err.  undo: the commit failed and
 * putting the old bytes back failed too (code 0: it did not).  The
 * caller owns it: txn_err_init() before, txn_err_release() after.
 */
struct txn_err {
	struct err err;
	const char *file;
	int unreadable;
	struct diags added;
	struct err undo;
};
void txn_err_init(struct txn_err *e);
void txn_err_release(struct txn_err *e);

/* What a commit did, when it did not fail. */
enum txn_outcome {
	TXN_COMMITTED,  /* oid is the commit's short id */
	TXN_STAGED,     /* --no-commit: in the index */
	TXN_UNCHANGED   /* the file already held that: nothing done */
};
struct txn_done {
	enum txn_outcome outcome;
	char oid[16];
	char message[4096];     /* as committed: cut at a whole character */
	struct err warning;     /* committed, but with this to say (code 0: none) */
};

/*
 * Checks the identity, takes the edit lock, loads file into t (the caller
 * owns t until edit_commit() or txn_release()).  Returns 0, or a negative
 * error with e filled and t released.
 */
int edit_begin(struct txn *t, struct store *s, const char *file, enum txn_mode mode,
	       struct txn_err *e);

/* ERR_DATA (e says where) when n or a node above it is a !conflict: an
 * edit there would vanish when the conflict is resolved; else 0. */
int edit_refuse_conflict(const struct txn *t, const struct doc_node *n, const char *what,
			 struct txn_err *e);

/*
 * Validates t->doc, writes it and commits it with message (or stages it).
 * An edit that adds errors, leaves references dangling, or finds the file
 * or HEAD changed since edit_begin() changes nothing.  Returns 0 with out
 * filled, or a negative error with e filled (the file as it was).
 * Releases t either way.
 */
int edit_commit(struct txn *t, const char *message, struct txn_done *out, struct txn_err *e);

/* Removes the file and commits that (the deleting side of a conflict
 * over the whole file); puts it back if the commit does not happen.
 * Returns as edit_commit(). */
int edit_commit_removal(struct txn *t, const char *message, struct txn_done *out,
			struct txn_err *e);

/*
 * An edit of two files in one commit (minutes approve: a decision in one
 * meeting, the approval in another).  edit_begin_also() begins the second
 * file, also, under the lock that t (begun by edit_begin()) holds; it
 * returns as edit_begin(), and also is released (not the lock) on error.
 * edit_commit_both() validates both trees as edit_commit() does, then
 * writes both and commits them together with t's message and t's
 * no_commit, or changes neither.  It releases both, the lock with t.
 */
int edit_begin_also(struct txn *also, const struct txn *t, const char *file,
		    enum txn_mode mode, struct txn_err *e);
int edit_commit_both(struct txn *t, struct txn *also, const char *message,
		     struct txn_done *out, struct txn_err *e);

/* Releases a transaction (the lock, the trees); nothing is written. */
void txn_release(struct txn *t);

#endif
