/*
 * What sync writes for git rather than for the user, the same in every
 * language: the message of its merge commit and the line git's pre-push
 * protocol gives the hook on its standard input.  Each appends to out
 * (the caller's buffer; buf_failed() says if memory ran out).
 */
#ifndef CONVENE_CORE_SYNCMSG_H
#define CONVENE_CORE_SYNCMSG_H

#include <stddef.h>

#include "buf.h"

/* "sync with REMOTE: merge TIP7", and when conflicts were recorded a
 * paragraph saying how many, for 'convene resolve'. */
void syncmsg_merge(struct buf *out, const char *remote, const char *tip, size_t conflicts);

/*
 * "refs/heads/BRANCH HEAD refs/heads/BRANCH REMOTE_TIP\n", as git gives
 * pre-push: the remote's tip is forty zeros when it has no such branch
 * yet (remote_tip "" or NULL).
 */
void syncmsg_pre_push(struct buf *out, const char *branch, const char *head,
		      const char *remote_tip);

/* The commit id in a side's `from` (author, site, date, id: "Dana Levi
 * @haifa 2026-02-01 4f2a9c1"): its last word, a pointer into from ("" for
 * NULL). */
const char *syncmsg_from_commit(const char *from);

#endif
