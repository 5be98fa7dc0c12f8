/*
 * Syncing (DESIGN §3-§4): fetching from a remote, merging what came with
 * the YAML driver in-process, committing the merge, pushing; and git's
 * bundle files for sites with no network at all.  cmd/sync.c puts these
 * steps together (with validation and hooks between them).
 */
#ifndef CONVENE_STORE_SYNC_H
#define CONVENE_STORE_SYNC_H

#include <stddef.h>

#include "core/err.h"
#include "store.h"

/* What a transfer reports as it goes (all may be NULL). */
struct store_progress {
	/* what: "receiving" or "sending"; objects done of total, bytes */
	void (*objects)(void *ctx, const char *what, size_t done, size_t total, size_t bytes);
	/* one line of text the server sent ("remote: ..." in git) */
	void (*remote_line)(void *ctx, const char *line);
	void *ctx;
};

/*
 * The remote to sync with: want when given (a remote's name), else the
 * current branch's upstream remote, "origin", or the only remote there is.
 * Its name and url go to name and url.  ERR_USAGE with a hint when there
 * is none or the choice is not clear.
 */
int store_sync_remote(struct store *s, const char *want, char *name, size_t nsize, char *url,
		      size_t usize, struct err *err);

/* The current branch's short name ("main"); ERR_USAGE on a detached HEAD. */
int store_branch(struct store *s, char *out, size_t size, struct err *err);

/*
 * Fetches from the remote into refs/remotes/NAME/.  tip gets the hex id of
 * the remote's copy of our branch, "" when it has none yet.  A remote that
 * cannot be reached (no network, refused, no such host, a path that is not
 * there) is ERR_UNREACHABLE; a refused login or a bad certificate say so.
 */
int store_fetch(struct store *s, const char *remote, char *tip, size_t size,
		const struct store_progress *p, struct err *err);

enum { STORE_UP_TO_DATE, STORE_FAST_FORWARD, STORE_MERGED };

/* A file the merge handled specially. */
struct store_merged_file {
	char *path;
	size_t conflicts;   /* !conflict values (or hunks, for lines) made in it */
	char *lines_why;    /* not NULL: not merged as YAML, because of this */
	int whole;          /* its lines conflicted too: a !conflict of the
			     * versions' texts over the whole file */
	int how;            /* a file outside the YAML data: STORE_FILE_... */
	char *other;        /* STORE_FILE_KEPT: the side whose version is not
			     * in the file (its commit holds it) */
};

/* How a file other than YAML data that both sides changed was settled. */
enum { STORE_FILE_MERGED, STORE_FILE_MARKERS, STORE_FILE_KEPT };

struct store_merge_result {
	int kind;                       /* STORE_UP_TO_DATE ... */
	size_t conflicts;               /* !conflict values made, in all files */
	struct store_merged_file *files;
	size_t n;
	char tree[48];                  /* the merged tree, to commit */
};

/*
 * Merges the commit tip (hex) into HEAD: nothing to do, a fast-forward
 * (work tree and branch), or a merge made in memory in which every YAML
 * file both sides changed goes through the YAML merge (DESIGN §4) and a
 * file deleted on one side and changed on the other becomes a !conflict
 * over the whole file.  `from` of each side names its tip commit (author,
 * site, date, id).  The merged tree is in r->tree, for
 * store_merge_commit(); nothing on disk has changed yet.  No file stops
 * the merge: a YAML file that cannot be merged as YAML becomes a !conflict
 * of its versions' texts, and other files are settled as the files list
 * says (STORE_FILE_...).  Histories that share no commit are refused.
 */
int store_merge(struct store *s, const char *tip, struct store_merge_result *r, struct err *err);
void store_merge_result_release(struct store_merge_result *r);

/* Commits r's merged tree (HEAD and tip as parents) with message and the
 * site trailer, checks it out, then moves the branch to it. */
int store_merge_commit(struct store *s, const char *tip, const struct store_merge_result *r,
		       const char *message, char *oid, size_t oid_size, struct err *err);

/*
 * A sync killed while it wrote the merged files (after the merge commit
 * was made, before the branch moved to it) is finished: the rest of the
 * files written, the branch moved.  oid gets the merge's id, "" when
 * there was nothing to finish.
 */
int store_merge_resume(struct store *s, char *oid, size_t oid_size, struct err *err);

/*
 * Pushes the current branch to the remote's branch of the same name.
 * Returns 0, STORE_PUSH_STALE when the remote moved meanwhile (fetch and
 * merge again), STORE_PUSH_BUSY when another push there holds the
 * branch's lock (err says so: try again in a moment), or a negative
 * error: ERR_REFUSED with the server's reason when it refused,
 * ERR_UNREACHABLE when it cannot be reached.
 */
#define STORE_PUSH_STALE 1
#define STORE_PUSH_BUSY 2
int store_push(struct store *s, const char *remote, const struct store_progress *p,
	       struct err *err);

/* Commits on HEAD the remote (as last fetched) lacks, and the reverse.
 * *known is 0 when there is no copy of the remote's branch yet. */
int store_ahead_behind(struct store *s, const char *remote, size_t *ahead, size_t *behind,
		       int *known, struct err *err);

/*
 * Clones url into dir (made; must be missing or empty) and checks out its
 * default branch.  ERR_UNREACHABLE as store_fetch().  The store is opened
 * on the new work tree.
 */
int store_clone(struct store **out, const char *url, const char *dir,
		const struct store_progress *p, struct err *err);

/*
 * Writes a bundle of the current branch to file (atomically): the whole
 * history, or with who (a site a bundle came from, or a remote) only what
 * it lacks, the rest named as prerequisites.  *commits gets the number of
 * commits in it.  ERR_DATA when who has everything already.
 */
int store_bundle_create(struct store *s, const char *file, const char *who, size_t *commits,
			struct err *err);

/* Whether path is a file that starts as a git bundle (v2 or v3) does. */
int store_is_bundle(const char *path);

/* Whether a sync or clone source names a bundle file rather than a
 * repository: a file that starts as a bundle does; any other plain file
 * (a repository is a folder or a URL), but where remotes may be named
 * (remotes: sync) only a path with a '/' or a name ending in .bundle; a
 * missing name ending in .bundle that is no URL. */
int store_is_bundle_arg(const char *arg, int remotes);

/*
 * Reads a bundle (ours or from `git bundle create`, v2 or v3) into the
 * object database: tip gets the commit it brings for our branch (or its
 * HEAD), site the site that made it ("" if not said).  Missing
 * prerequisites, a file that is not a bundle or a broken pack are
 * ERR_DATA, with nothing changed but unreferenced objects.
 */
int store_bundle_read(struct store *s, const char *file, char *tip, size_t size, char *site,
		      size_t ssize, struct err *err);

/* Remembers that site has tip (refs/convene/sites/<site>), for the next
 * `bundle create --for site`. */
int store_site_seen(struct store *s, const char *site, const char *tip, struct err *err);

#endif
