/*
 * The files of git's merge-driver protocol (merge-file %O %A %B %P,
 * DESIGN §4): git's temporary files, outside the work tree, read whole,
 * and %A replaced by the result.  No libgit2 here, but files on disk are
 * store/'s.
 */
#ifndef CONVENE_STORE_MERGEDRIVER_H
#define CONVENE_STORE_MERGEDRIVER_H

#include "core/buf.h"
#include "core/err.h"

/*
 * Appends the bytes of path to out.  ERR_USAGE when it cannot be opened,
 * ERR_INTERNAL when it cannot be read, ERR_DATA when it is larger than a
 * file of the initiative may be (DOC_MAX_BYTES): never cut, the caller
 * leaves %A as it is.  ERR_NOMEM.
 */
int mergedriver_read(struct buf *out, const char *path, struct err *err);

/* Replaces path with data: a temporary file beside it, fsync, rename.
 * On failure path is as it was and nothing is left behind. */
int mergedriver_write(const char *path, const struct buf *data, struct err *err);

#endif
