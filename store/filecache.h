/*
 * What convene learned of the work tree's files, kept between runs in
 * $GIT_DIR/convene/files, as git keeps its index: for each file the
 * stat() it had when it was read, the git id of what was read, and a few
 * bytes a query took from it (a member's name and dates, whether a
 * meeting is planned).  A later run that finds a file with the same stat
 * takes those bytes instead of reading the file: the minutes of a group
 * of 2,000 make 2,000 stat() calls where they made 6,000 calls to open,
 * read and close.
 *
 * A file changed within FILECACHE_RACY seconds of the moment it was read
 * may change again with the same stat (coarse clocks, or file systems
 * that keep whole seconds), so it is recorded but not trusted: it is read
 * again next time, and trusted once it is older (git's "racily clean").
 *
 * The cache is only ever a shortcut: a missing, foreign or damaged file is
 * an empty cache, a cache that cannot be written is not written, and
 * nothing else of convene depends on it.
 */
#ifndef CONVENE_STORE_FILECACHE_H
#define CONVENE_STORE_FILECACHE_H

#include <stddef.h>
#include <sys/stat.h>

#include "history.h"
#include "store.h"

#define FILECACHE_RACY 2

struct filecache;

/* The cache of s's work tree; NULL when memory ran out (then every
 * lookup misses, and nothing is written). */
struct filecache *store_filecache_open(struct store *s);

/*
 * What was recorded of file, if it still has the stat st: 1, with *oid
 * and *data, *len (the cache's bytes, valid until the cache is closed);
 * 0 when nothing trustworthy is recorded.
 */
int filecache_get(struct filecache *fc, const char *file, const struct stat *st,
		  struct store_oid *oid, const char **data, size_t *len);

/* Records file as read with stat st: the id of its contents and the bytes
 * taken from it.  0, or ERR_NOMEM (the cache is then left as it was). */
int filecache_put(struct filecache *fc, const char *file, const struct stat *st,
		  const struct store_oid *oid, const void *data, size_t len);

/*
 * A fact that is not of a file of the work tree, under a name of its own
 * ("@commit/<id>": what a commit says, which never changes): kept as
 * filecache_put() keeps a file's bytes, and never stale.  filecache_listed()
 * of its prefix drops the others of that kind.
 */
int filecache_get_fact(struct filecache *fc, const char *name, const char **data, size_t *len);
int filecache_put_fact(struct filecache *fc, const char *name, const void *data, size_t len);

/* Sixteen bytes that tell one run of bytes from another, for a fact that
 * holds the answer for them (not a cryptographic hash: the bytes are the
 * work tree's own). */
#define FILECACHE_DIGEST 16
void filecache_digest(const void *p, size_t n, unsigned char out[FILECACHE_DIGEST]);

/* Every file in folder (e.g. "members/" with its slash) was looked up or recorded in
 * this run: entries of it that were not are of files that are gone, and
 * are dropped when the cache is written. */
void filecache_listed(struct filecache *fc, const char *folder);

/* Writes the cache back when it changed (errors ignored: it is a cache),
 * and frees it. */
void store_filecache_close(struct store *s, struct filecache *fc);

/* The git id of a blob (tree 0) or a tree (tree 1) of these bytes. */
void store_object_id(struct store_oid *oid, const void *data, size_t len, int tree);
#define store_blob_id(oid, data, len) store_object_id((oid), (data), (len), 0)

#endif
