/* core/syncmsg.c: what sync writes for git. */
#include "core/syncmsg.h"
#include "tests/unit/unit.h"

void test_syncmsg__merge(void)
{
	struct buf a = BUF_INIT, b = BUF_INIT, c = BUF_INIT;

	syncmsg_merge(&a, "origin", "4f2a9c1e5d3b2a1f", 0);
	syncmsg_merge(&b, "hub", "4f2a9c1e5d3b2a1f", 1);
	syncmsg_merge(&c, "stick.bundle from haifa", "4f2a9c1", 3);
	check_str(buf_str(&a), "sync with origin: merge 4f2a9c1");
	check_str(buf_str(&b), "sync with hub: merge 4f2a9c1\n\n"
		  "1 conflict recorded, for 'convene resolve'.\n");
	check_str(buf_str(&c), "sync with stick.bundle from haifa: merge 4f2a9c1\n\n"
		  "3 conflicts recorded, for 'convene resolve'.\n");
	buf_release(&a);
	buf_release(&b);
	buf_release(&c);
}

void test_syncmsg__pre_push(void)
{
	struct buf a = BUF_INIT, b = BUF_INIT, c = BUF_INIT;

	syncmsg_pre_push(&a, "main", "1111111111111111111111111111111111111111",
			 "2222222222222222222222222222222222222222");
	/* the remote has no such branch yet: git's forty zeros */
	syncmsg_pre_push(&b, "main", "1111111111111111111111111111111111111111", "");
	syncmsg_pre_push(&c, "site/haifa", "1111111111111111111111111111111111111111", NULL);
	check_str(buf_str(&a), "refs/heads/main 1111111111111111111111111111111111111111 "
		  "refs/heads/main 2222222222222222222222222222222222222222\n");
	check_str(buf_str(&b), "refs/heads/main 1111111111111111111111111111111111111111 "
		  "refs/heads/main 0000000000000000000000000000000000000000\n");
	check_str(buf_str(&c), "refs/heads/site/haifa 1111111111111111111111111111111111111111 "
		  "refs/heads/site/haifa 0000000000000000000000000000000000000000\n");
	buf_release(&a);
	buf_release(&b);
	buf_release(&c);
}

void test_syncmsg__from_commit(void)
{
	check_str(syncmsg_from_commit("Dana Levi @haifa 2026-02-01 4f2a9c1"), "4f2a9c1");
	check_str(syncmsg_from_commit("4f2a9c1"), "4f2a9c1");
	check_str(syncmsg_from_commit(""), "");
	check_str(syncmsg_from_commit(NULL), "");
}
