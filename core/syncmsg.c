/*
 * The texts sync gives git (core/syncmsg.h).
 */
#include <string.h>

#include "syncmsg.h"

void syncmsg_merge(struct buf *out, const char *remote, const char *tip, size_t conflicts)
{
	buf_addf(out, "sync with %s: merge %.7s", remote, tip);
	if (conflicts)
		buf_addf(out, "\n\n%zu conflict%s recorded, for 'convene resolve'.\n", conflicts,
			 conflicts == 1 ? "" : "s");
}

void syncmsg_pre_push(struct buf *out, const char *branch, const char *head,
		      const char *remote_tip)
{
	buf_addf(out, "refs/heads/%s %s refs/heads/%s %s\n", branch, head, branch,
		 remote_tip && *remote_tip ? remote_tip : "0000000000000000000000000000000000000000");
}

const char *syncmsg_from_commit(const char *from)
{
	const char *sp;

	if (!from)
		return "";
	sp = strrchr(from, ' ');
	return sp ? sp + 1 : from;
}
