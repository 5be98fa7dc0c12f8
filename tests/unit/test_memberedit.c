/* Unit tests of member add, leave and edit --age (store/memberedit.c)
 * and of the member they build (core/members.c). */
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/domain.h"
#include "core/schema.h"
#include "store/memberedit.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

void test_memberedit__added_in_schema_order(void)
{
	const char *subs[] = { "data", "recruiting" };
	struct member_new m = { 0 };
	struct buf b = BUF_INIT;
	struct txn_err e;
	struct txn t;
	char subject[300];

	check(unit_txn(&t, "members/dana.yaml", "{}\n") == 0);
	m.id = "dana";
	m.name = "דנה לוי";
	m.address = "12 Herzl St";
	m.phone = "050-1234567";
	m.can_host = 1;
	m.subgroups = subs;
	m.nsub = 2;
	txn_err_init(&e);
	check(member_create(&t, &m, "2026-02-01", subject, sizeof(subject), &e) == 0);
	check_str(subject, "member added: דנה לוי (dana)");
	/* role member and joined today by default; nothing not given */
	check_str(unit_yaml_of(&b, &t),
		  "id: dana\nname: דנה לוי\nrole: member\nphone: 050-1234567\ncan_host: true\n"
		  "address: 12 Herzl St\nsubgroups:\n- data\n- recruiting\njoined: \"2026-02-01\"\n");
	buf_release(&b);
	txn_err_release(&e);
	doc_free(t.doc);
}

void test_memberedit__checks(void)
{
	const char *subs[] = { "nope" };
	struct member_new m = { 0 };
	struct schema_ids *ids = schema_ids_new();
	struct err err;

	m.id = "dana";
	m.name = "Dana";
	m.joined = "yesterday";
	err_clear(&err);
	check(members_check_new(&m, NULL, &err) == ERR_USAGE);
	check(strstr(err.msg, "--joined") != NULL);
	m.joined = "2026-02-01";
	m.role = "boss";
	check(members_check_new(&m, NULL, &err) == ERR_USAGE);
	check(strstr(err.msg, "--role") != NULL);
	m.role = NULL;
	m.subgroups = subs;
	m.nsub = 1;
	check(members_check_new(&m, NULL, &err) == 0);
	/* with the ids, the subgroups it names must exist; the rest is not
	 * checked again */
	m.joined = "yesterday";
	check(ids && schema_ids_add(ids, REF_SUBGROUP, "data") == 0);
	schema_ids_known(ids, REF_SUBGROUP);
	check(members_check_new(&m, ids, &err) != 0);
	check(strstr(err.msg, "nope") != NULL);
	schema_ids_free(ids);
}

void test_memberedit__leave_and_age(void)
{
	struct buf b = BUF_INIT;
	struct txn_err e;
	struct txn t;
	char subject[300];

	check(unit_txn(&t, "members/dana.yaml", "id: dana\nname: Dana\nrole: member\n") == 0);
	txn_err_init(&e);
	check(member_leave_apply(&t, "dana", "2026-06-30", subject, sizeof(subject), &e) == 0);
	check_str(subject, "member left: dana");
	check(member_age_apply(&t, "dana", "age1xyz", subject, sizeof(subject), &e) == 0);
	check_str(subject, "member dana: age recipient");
	check_str(dom_text(t.doc->root, "left"), "2026-06-30");
	check_str(dom_text(t.doc->root, "age"), "age1xyz");
	buf_release(&b);
	txn_err_release(&e);
	doc_free(t.doc);
}

void test_memberedit__id_taken_by_a_readable_file(void)
{
	char dir[] = "/tmp/convene-unit-member-XXXXXX";
	struct store *s = NULL;
	struct err err;

	check(unit_repo(dir, "mkdir members && echo 'id: dana' > members/dana.yaml && "
			"git add . && git commit -qm start"));
	check(store_global_init() >= 0);
	check(store_open(&s, dir, &err) == 0);
	check(member_id_taken(s, "dana"));
	check(!member_id_taken(s, "yossi"));
	store_free(s);
	store_global_shutdown();
	check(unit_repo_remove(dir));
}
