/* Unit tests of the members query (core/members.c): who has left, who can
 * host, the rows of member list. */
#include <string.h>

#include "core/members.h"
#include "tests/unit/unit.h"

static int add_member(struct members *m, const char *file, const char *yaml)
{
	struct doc *doc;
	struct err err;
	int rc;

	if (doc_load(&doc, yaml, strlen(yaml), &err) < 0)
		return -1;
	rc = members_add(m, file, doc);
	doc_free(doc);
	return rc;
}

void test_members__who_left(void)
{
	const char *left = "id: old\nname: Old\nleft: '2026-01-01'\ncan_host: true\n";
	struct members m = { 0 }, all = { 0 };
	struct doc *doc;
	struct err err;

	check(doc_load(&doc, left, strlen(left), &err) == 0);
	check_str(member_left(doc->root), "2026-01-01");
	check(!member_can_host(doc->root));
	doc_free(doc);
	all.all = 1;
	check(add_member(&m, "members/zoe.yaml", "id: zoe\nname: Zoe\ncan_host: True\n") == 0);
	check(add_member(&m, "members/old.yaml", left) == 0);
	check(add_member(&m, "members/ann.yaml", "id: ann\nname: Ann\norganization: X\n") == 0);
	check(add_member(&m, "meetings/001.yaml", "id: not-a-member\n") == 0);
	check(add_member(&all, "members/zoe.yaml", "id: zoe\nname: Zoe\n") == 0);
	check(add_member(&all, "members/old.yaml", left) == 0);
	members_sort(&m);
	members_sort(&all);
	check(m.n == 2);
	check_str(m.v[0].id, "ann");
	check_str(m.v[0].org, "X");
	check(!m.v[0].can_host);
	check_str(m.v[1].id, "zoe");
	check(m.v[1].can_host);  /* True is true */
	check_str(m.v[1].left, "");
	check(all.n == 2);
	check_str(all.v[0].id, "old");
	check_str(all.v[0].left, "2026-01-01");
	members_release(&m);
	members_release(&all);
}
