/*
 * What the files of store/ share among themselves (never included from
 * outside store/): the struct behind `struct store` and libgit2 helpers.
 */
#ifndef CONVENE_STORE_INTERNAL_H
#define CONVENE_STORE_INTERNAL_H

#include <pthread.h>
#include <sys/stat.h>
#include <time.h>

#include "git2.h"

#include "core/err.h"
#include "store.h"

struct store {
	git_repository *repo;  /* NULL until store_repo(), when opened lazily */
	char *workdir, *gitdir;
	int plain;             /* found by store_open_lazy(): HEAD and refs
				* are files of gitdir, as git writes them */
	int lockfd;          /* >= 0 while we hold the edit lock, else -1 */
	int topfd;           /* the work tree, open for store_read(); -1: not yet,
			      * -2: openat2() is not there, read the long way */
	int dirfd;           /* a folder of the work tree, open for store_file_stat() */
	char dir[64];        /* its name; "" none */
	int busy;            /* store_mark() depth */
	char site[64];
	/* what taking the edit lock finished or undid of a sync killed while
	 * it checked out (store_checkout_recover()), for store_merge_resume() */
	char resumed[48];    /* the commit it finished, hex */
	char undone[256];    /* the file changed since, that made it undo */
};

/*
 * HEAD as the files of $GIT_DIR say it, without libgit2: 1 with *oid, the
 * commit of a branch (a loose ref, or the line of packed-refs) or of a
 * detached HEAD; 0 when the branch has no commit yet; -1 when it takes
 * libgit2 to say (HEAD names anything but a plain refs/heads/ branch, a
 * file is not what git writes).
 */
struct store_oid;
int store_head_files(struct store *s, struct store_oid *oid);

/* libgit2's last error as ours: "what: libgit2's message". */
int store_git_fail(struct err *err, int code, const char *what);

/* The user's identity for a commit, dated now or at $CONVENE_NOW. */
int store_signature(struct store *s, git_signature **out);

struct store_commit;
/* A commit as the audit commands show it (store/history.h); its strings
 * point into c. */
void store_commit_info(git_commit *c, struct store_commit *out);

/* The identity is missing: the error that says how to set it. */
int store_identity_error(struct err *err);

/* Marks the edit lock "busy" while convene or libgit2 writes into
 * $GIT_DIR (objects, git's own lock files), so that the next holder can
 * clean up after a crash.  Calls nest: busy from the first store_mark(s, 1)
 * to its matching store_mark(s, 0). */
void store_mark(struct store *s, int busy);

/*
 * Moves the work tree, the index and the current branch from commit from
 * (NULL: the branch has no commit yet) to commit to, so that a crash at
 * any moment is finished or undone by the next holder of the edit lock
 * (store/checkout.c says how).  A file in the way (changed, not
 * committed) is ERR_REFUSED with nothing changed.  Call it busy
 * (store_mark()).
 */
int store_checkout(struct store *s, const git_oid *from, const git_oid *to, const char *why,
		   struct err *err);

/* Finishes or undoes the checkout a killed convene left, and says which
 * in s->resumed or s->undone.  Under the edit lock, busy. */
int store_checkout_recover(struct store *s, struct err *err);
/* puts back what a killed re-seal (readers add/rm) wrote: store/secrets.c */
int store_reseal_recover(struct store *s);

/* store_write() with the file's mode (0666 or 0777, less the umask, as
 * git makes them), without the fsync of
 * its folder: the caller does that (store_fsync_dir()) once per folder. */
int store_write_file(struct store *s, const char *path, const void *data, size_t len,
		     unsigned mode, struct err *err);
/* fsync of the folder that holds full (a path). */
void store_fsync_dir(const char *full);

/* Removes what git and libgit2 leave while they write (lock files,
 * temporary objects and packs) in the repository at gitdir, made at or
 * after since: what a convene that held its flock then and died left. */
void store_sweep(const char *gitdir, const struct timespec *since);

/* The full path of a work-tree file; refuses names that leave the work
 * tree or pass through a symbolic link. */
int store_full_path(struct store *s, const char *path, char *out, size_t size, struct err *err);
/* The stat of file in the work tree, reached through no symbolic link and
 * not following one at its end: 0, or -1 with errno.  One system call for
 * each file of a folder after the first. */
int store_file_stat(struct store *s, const char *file, struct stat *st);
/* The same for n files, on a thread per core when they are many; ok[i]
 * says whether st[i] is files[i]'s. */
void store_file_stats(struct store *s, char *const *files, size_t n, struct stat *st, int *ok);

/*
 * store_file_stats() in two halves, so that the stats are taken on other
 * threads while the caller does other work: store_stats_begin() starts
 * them (files from up to STORE_STATS_RUNS folders, each folder's files
 * together; the threads use descriptors of their own, never s), and
 * store_stats_wait() takes what is left on the caller's thread, joins the
 * others, and fills in the files that go the long way.  Until it returns
 * the caller leaves files, st and ok alone, and may use s.
 */
#define STORE_STATS_RUNS 4
#define STORE_STATS_THREADS 3
struct store_stats {
	struct store *s;
	char *const *files;
	size_t n;
	struct stat *st;
	int *ok;
	struct {
		size_t from, to, cut;  /* files [from, to); cut: the folder's name and slash */
		int fd;
	} run[STORE_STATS_RUNS];
	size_t nrun;
	size_t shortway;          /* files [0, shortway) go by the runs */
	_Atomic size_t next;      /* the next file a thread takes, 64 at a time */
	pthread_t t[STORE_STATS_THREADS];
	size_t started;
};
void store_stats_begin(struct store_stats *w, struct store *s, char *const *files, size_t n,
		       struct stat *st, int *ok);
void store_stats_wait(struct store_stats *w);
/* Adds folder's files ("members/dana.yaml"), as store_list() names them,
 * to v (n of cap used; the caller frees them as store_list()'s), in
 * order.  0, or ERR_NOMEM. */
int store_list_folder(struct store *s, const char *folder, char ***v, size_t *n, size_t *cap);
/* Adds a then b, as one string, to v (n of cap used); -1: out of memory. */
int store_list_add(char ***v, size_t *n, size_t *cap, const char *a, const char *b);

/*
 * The pack files of a repository, mapped for reading whole objects
 * straight from them (store/pack.c): packs_open() never fails for want of
 * packs (an empty set reads nothing); -1 when out of memory.
 */
struct packs;
int packs_open(struct packs **out, git_repository *repo);
/* Object id of the given type, when a pack holds it whole (not as a
 * delta): 0 and *data (valid until the next call), else -1, and libgit2
 * is the one to ask.  ps may be NULL. */
int packs_read(struct packs *ps, const git_oid *id, git_object_t type, const char **data,
	       size_t *len);
void packs_free(struct packs *ps);

#endif
