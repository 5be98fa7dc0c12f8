/*
 * The first planned meeting among later ones, for the minutes' "next
 * meeting": found reading as little of the files as settles it.
 */
#ifndef CONVENE_STORE_PLANNED_H
#define CONVENE_STORE_PLANNED_H

#include <stddef.h>
#include <sys/stat.h>

#include "core/doc.h"
#include "store/history.h"
#include "store/store.h"

struct filecache;

/*
 * Of the meeting files files[0..n-1], in the order given (by number), the
 * first whose status is planned, from the work tree (at NULL) or from
 * commit at: *doc its tree (the caller frees it with doc_free()) and
 * *which its index, or *doc NULL when none is; *id (when not NULL) the
 * git id of its contents.  At a commit, blobs (when not NULL) are the
 * files' blobs, read by id instead of by path.  A file that does not read
 * or load is passed by (validate says why).  Of a work-tree file only the
 * first KiB is read when it settles the status (meetings_head_status()),
 * and none when fc (may be NULL) knows it is not planned; what is learned
 * of files passed by goes into fc.  The work-tree files' stats, that fc
 * is looked up under, are st[i] where ok[i] when the caller took them
 * already (st NULL: taken here, a few first, since the next planned
 * meeting is most often the next one).  Returns 0, or ERR_NOMEM.
 */
int store_first_planned(struct store *s, const struct store_oid *at, struct filecache *fc,
			char *const *files, const struct store_oid *blobs, size_t n,
			const struct stat *st, const int *ok, struct doc **doc, size_t *which,
			struct store_oid *id);

#endif
