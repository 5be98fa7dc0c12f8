/*
 * Reading history for the audit commands (history, show --at, diff, log
 * filters, archive): commits, the blobs of one path through them, trees
 * at a point in time.  Blob and commit ids cross this boundary as plain
 * bytes, so that cmd/ never sees libgit2.
 */
#ifndef CONVENE_STORE_HISTORY_H
#define CONVENE_STORE_HISTORY_H

#include <stddef.h>

#include "core/err.h"
#include "store.h"

struct store_oid {
	unsigned char id[20];
};

/* One commit, as the audit commands show it. */
struct store_commit {
	struct store_oid oid;
	char id[8];              /* short id (7 hex digits) */
	char date[32];           /* 2026-03-01 17:05 +0200, the author's */
	char day[11];            /* 2026-03-01, in the author's time zone */
	long long time;
	const char *author, *email, *subject, *message;
	char site[64];           /* the Convene-Site: trailer, "" if none */
	char meeting[8];         /* "002": a Convene-Meeting: trailer or a
				  * "meeting 002: ..." subject, else "" */
	unsigned nparents;
	int mainline;            /* on HEAD's first-parent line: set by
				  * store_resolve() and store_path_history() */
	void *owner;             /* holds the strings, when they outlive a
				  * callback: see store_commit_release() */
};

/* Lets go of the strings of a commit that store_resolve() or
 * store_commit_read() gave out; c->oid, id, date and the rest stay. */
void store_commit_release(struct store_commit *c);

/* The commit with id: its strings are held until store_commit_release(). */
int store_commit_read(struct store *s, const struct store_oid *id, struct store_commit *out,
		      struct err *err);

/* A path's blob in one commit. */
struct store_blob_at {
	int present;
	struct store_oid blob;
	const char *path;        /* the path there (a rename changes it) */
};

/*
 * Calls fn for the commits reachable from HEAD that changed path's blob,
 * newest first (children before parents), with the blob in it and in each
 * of its parents: a commit whose blob is one of its parents' (or that has
 * none and no parent) is passed over unseen.  Of c, only oid, id,
 * nparents and mainline (on HEAD's first-parent line: the history of this
 * site as it went; the others were made concurrently and merged) are
 * set: store_commit_read() gives the rest, for the few that matter.
 * A file that git sees renamed (by content) is followed to its old name.
 * fn returning non-zero stops the walk.
 */
int store_path_history(struct store *s, const char *path,
		       int (*fn)(void *ctx, const struct store_commit *c,
				 const struct store_blob_at *self,
				 const struct store_blob_at *parents, unsigned nparents),
		       void *ctx, struct err *err);

/* Calls fn for every commit reachable from HEAD, newest first (by commit
 * time, as git log), as the walk goes: fn may stop it early. */
int store_commits(struct store *s, int (*fn)(void *ctx, const struct store_commit *c), void *ctx,
		  struct err *err);

/* Which commits `convene log` lists: each field NULL to take any. */
struct commit_filter {
	const char *meeting;     /* "002": c->meeting exactly */
	const char *author;      /* held in the author's name or email */
	const char *site;        /* c->site exactly */
	const char *since;       /* YYYY-MM-DD: made that day or later, by
				  * the author's date */
};

/* Whether c passes every filter that f sets. */
int store_commit_matches(const struct store_commit *c, const struct commit_filter *f);

/* A blob's bytes: *out is malloc()ed (NUL-terminated); the caller frees it. */
int store_blob_read(struct store *s, const struct store_oid *blob, char **out, size_t *len,
		    struct err *err);

/* Whether nothing is committed yet (HEAD names a branch with no commit). */
int store_is_unborn(struct store *s);

/*
 * A commit named by spec: a date (YYYY-MM-DD: the last commit on HEAD's
 * first-parent line made that day or before, in its author's time zone)
 * or anything git's rev-parse takes (HEAD~3, a commit id, a tag).
 * ERR_NOTFOUND when nothing matches; c is filled in, its strings held
 * until store_commit_release().
 */
int store_resolve(struct store *s, const char *spec, struct store_commit *c, struct err *err);

/* A file as it was in a commit; ERR_NOTFOUND when it was not there. */
int store_read_at(struct store *s, const struct store_oid *commit, const char *path, char **out,
		  size_t *len, struct err *err);

/*
 * The files that differ between commit a (NULL: nothing) and commit b
 * (NULL: the work tree), sorted: fn gets the path and each side's bytes
 * (NULL when absent there).  Renames are a removal and an addition.
 */
int store_tree_diff(struct store *s, const struct store_oid *a, const struct store_oid *b,
		    int (*fn)(void *ctx, const char *path, const char *old, size_t oldlen,
			      const char *new, size_t newlen),
		    void *ctx, struct err *err);

/*
 * Writes the tree of commit as a gzip'd tar to file (atomically; "-" is
 * standard output), every entry under prefix/ when prefix is not empty,
 * dated by the commit: the same commit always gives the same bytes.
 * Names and link targets too long for ustar go in pax headers.  *nfiles
 * gets the count.
 */
int store_archive(struct store *s, const struct store_oid *commit, const char *prefix,
		  const char *file, size_t *nfiles, struct err *err);

#endif
