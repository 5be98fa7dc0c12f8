/*
 * The store: everything that touches libgit2 or the files of a work tree.
 * Opening and creating repositories, the edit lock, atomic writes, listing
 * and reading the initiative's files, commits with identity and site.
 *
 * Errors from libgit2 are turned into a struct err here, once.
 */
#ifndef CONVENE_STORE_H
#define CONVENE_STORE_H

#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"

struct store;

/*
 * Loads libgit2 (store/git2.h: the executable is not linked with it) and
 * starts it; store_global_shutdown() ends what a start began.  0, or
 * ERR_INTERNAL saying what to install.  store_global_init() is the same
 * with the message dropped (the unit tests').
 */
int store_global_start(struct err *err);
int store_global_init(void);
void store_global_shutdown(void);

/* What to do when libgit2 is first needed in the middle of a command and
 * cannot be loaded: fn says err and ends the process (cmd/ sets it; with
 * none, the process aborts). */
void store_on_missing_git(void (*fn)(const struct err *));

/* Opens the repository that holds dir (searching upwards, as git does).
 * The caller owns *out and frees it with store_free(). */
int store_open(struct store **out, const char *dir, struct err *err);

/*
 * store_open() for a command that may find all it needs in convene's
 * caches (the minutes): a plain repository is found without libgit2,
 * which is loaded when something first needs it (store_repo()).  Any
 * other kind is opened by store_open(), with libgit2 started.
 */
int store_open_lazy(struct store **out, const char *dir, struct err *err);

/* libgit2 started and the repository opened, for a store opened lazily;
 * at once for one that is.  0, or < 0 with err set. */
int store_repo(struct store *s, struct err *err);

/* Creates a new repository in dir (made if missing). */
int store_init(struct store **out, const char *dir, struct err *err);

void store_free(struct store *s);

/* The work tree's top directory, with a trailing '/'.  Owned by s. */
const char *store_workdir(const struct store *s);

/* The site name (convene.site), or "" if unset.  Owned by s. */
const char *store_site(struct store *s);

/* Reads a config value (all levels) into out; ERR_NOTFOUND if unset. */
int store_config_get(struct store *s, const char *key, char *out, size_t size);

/* Sets a key in the repository's own config (.git/config). */
int store_config_set(struct store *s, const char *key, const char *value, struct err *err);

/*
 * The user's git identity from config (user.name, user.email), checked
 * without a repository.  ERR_DATA with the two `git config` commands as
 * the hint when either is missing.
 */
int store_identity_check(struct store *s, struct err *err);

/*
 * The edit lock: one convene edit at a time per repository
 * ($GIT_DIR/convene.lock holding our pid).  Waits up to wait_ms for another
 * holder, removes a lock whose process is gone, else ERR_REFUSED.
 */
int store_lock(struct store *s, unsigned wait_ms, struct err *err);
void store_unlock(struct store *s);

/* Reads a work-tree file (path relative to the top).  *out is malloc()ed
 * and NUL-terminated; the caller frees it.  ERR_NOTFOUND if missing. */
int store_read(struct store *s, const char *path, char **out, size_t *len,
	       struct err *err);

/*
 * The first bytes of a file of the work tree: at most size of them into
 * buf (not NUL-terminated), *len how many; *len < size means that is the
 * whole file.  The same three system calls as store_read() for a small
 * file, with a large one's rest left unread.  Errors as store_read().
 */
int store_read_head(struct store *s, const char *path, char *buf, size_t size, size_t *len,
		    struct err *err);
/* Whether a work-tree file is there to read: 1, 0 when it is missing, or
 * the error store_read() gives for one that cannot be read.  What an id
 * being free means to member add and interview add. */
int store_exists(struct store *s, const char *path, struct err *err);

/*
 * Writes a work-tree file atomically: <path>.lock beside it, fsync, rename,
 * fsync of the directory.  Missing directories are made.  On failure the
 * old file is untouched and no lock file is left.
 */
int store_write(struct store *s, const char *path, const void *data, size_t len,
		struct err *err);

/* Removes a work-tree file (an edit that created it was not made). */
int store_remove(struct store *s, const char *path, struct err *err);

/* Every YAML file of the initiative's layout in the work tree, sorted
 * (initiative.yaml, members/, interviews/, meetings/, outcomes/), plus
 * other *.yaml files in those folders.  *out is an array of malloc()ed
 * strings; free it with store_list_free(). */
int store_list(struct store *s, char ***out, size_t *n, struct err *err);
void store_list_free(char **list, size_t n);

/* YAML-looking files that convene does not read: *.yml names, folders
 * inside the layout's folders (listed with a final '/'), symbolic links
 * (with a final '@'), *.yaml outside the layout.  Same ownership as
 * store_list(). */
int store_strays(struct store *s, char ***out, size_t *n, struct err *err);

/*
 * Tracked files other than *.yaml whose work-tree text holds git's
 * conflict markers (a sync keeps both versions of such a file that way),
 * sorted, each with the line of its first "<<<<<<< " in lines[i].  Same
 * ownership as store_list(); *lines is malloc()ed too.
 */
int store_marked(struct store *s, char ***out, unsigned **lines, size_t *n, struct err *err);

/*
 * Commits the given paths as they are in the work tree (removed ones are
 * removed) on top of HEAD, with the user's identity, as `git commit PATH`
 * does: other staged changes stay staged and out of the commit.  The
 * message gets the trailer "Convene-Site: <site>" when a site is set.  The
 * new commit's short id goes to oid_out (at least 8 bytes) if not NULL.
 * With expect_head (see store_head()), a HEAD that moved is ERR_REFUSED.
 * Returns 0, or 1 when the commit was made but the index could not be
 * updated (err says why: a warning), or a negative error.
 */
int store_commit(struct store *s, const char *const *paths, size_t n, const char *message,
		 const char *expect_head, char *oid_out, size_t oid_size, struct err *err);

/*
 * The same in two steps, so that hooks can run between them: prepare
 * writes the tree and, with want_index, the next index (for a pre-commit
 * hook's GIT_INDEX_FILE: store_pending_index()); finish commits and frees
 * p; abandon frees p and leaves everything as it was.  store_commit() is
 * prepare + finish.
 */
struct store_pending;
int store_prepare(struct store_pending **out, struct store *s, const char *const *paths,
		  size_t n, const char *expect_head, int want_index, struct err *err);
const char *store_pending_index(const struct store_pending *p);
int store_finish(struct store_pending *p, const char *message, char *oid_out, size_t oid_size,
		 struct err *err);
void store_abandon(struct store_pending *p);

/* Stages paths as they are in the work tree, in the repository's index
 * (`git add`), without committing: for --no-commit. */
int store_stage(struct store *s, const char *const *paths, size_t n, struct err *err);

/* Where hooks live: core.hooksPath, else $GIT_DIR/hooks. */
int store_hooks_dir(struct store *s, char *out, size_t size);
/* $GIT_DIR, with a trailing '/'.  Owned by s. */
const char *store_gitdir(const struct store *s);

/* HEAD's commit id in hex (at most size-1 digits), "" before the first
 * commit.  Passed back to store_commit() as expect_head, it makes a
 * commit that landed meanwhile refuse the edit instead of undoing it. */
int store_head(struct store *s, char *out, size_t size);

/* The work-tree files that differ from HEAD (changed, new, deleted),
 * sorted; ignored files are left out, and so are new files that git does
 * not know unless they are the initiative's (layout_kind()).  Same ownership as store_list(). */
int store_changed(struct store *s, char ***out, size_t *n, struct err *err);

/* Remotes, as git keeps them in .git/config (remote.NAME.url). */
int store_remote_add(struct store *s, const char *name, const char *url, struct err *err);
int store_remote_rm(struct store *s, const char *name, struct err *err);
/* Calls fn with each remote's name and url, sorted by name. */
int store_remote_list(struct store *s, void (*fn)(void *ctx, const char *name, const char *url),
		      void *ctx, struct err *err);

/* Removes a directory tree that init created, after a failure. */
void store_remove_tree(const char *dir);

/*
 * A file or folder made under a temporary name beside its target, then
 * renamed onto it, so that a convene killed meanwhile leaves nothing
 * under the target's name; what a killed one left for the same target is
 * removed when the next one is made (store/tmp.c), what a live one is
 * making never is.
 */
struct store_tmp {
	int fd;              /* a file's: write into it (flock()ed: keep it open) */
	char path[4300];     /* what to write or fill: the temporary name */
	char lock[4200];     /* the flock()ed file (path itself, for a file) */
	char target[4096];
	int in_place;        /* a folder that is the current one: filled where it is */
};
/* A temporary file for target, open in t->fd. */
int store_tmp_file(struct store_tmp *t, const char *target, struct err *err);
/* A temporary folder for target: t->path, not made yet. */
int store_tmp_dir(struct store_tmp *t, const char *target, struct err *err);
/* Renames t onto its target (a folder: only a missing or empty one,
 * else ERR_USAGE and t is removed) and lets go of it. */
int store_tmp_commit(struct store_tmp *t, struct err *err);
/* Removes t (no-op once committed or abandoned). */
void store_tmp_abandon(struct store_tmp *t);
/*
 * Writes data to file atomically (a temporary name, fsync, rename), for
 * -o of the outputs.  A folder, or a folder that is not there: ERR_USAGE,
 * nothing written.
 */
int store_write_output(const char *file, const void *data, size_t len, struct err *err);

#endif
