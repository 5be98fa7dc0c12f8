/* Unit tests of subgroup and partner edits (store/groupedit.c) and of
 * the entry they add (core/groups.c): what is written, what the subject
 * says, what refuses the edit. */
#include <string.h>

#include "core/doc.h"
#include "core/domain.h"
#include "core/schema.h"
#include "store/groupedit.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

void test_groupedit__subgroup_added(void)
{
	const struct group_field v[] = {
		{ "--description", "Who comes, and how", "description" }, { "--lead", NULL, "lead" },
	};
	struct group_entry g = { "subgroups", "recruiting", "גיוס", v, 2 };
	struct buf b = BUF_INIT;
	struct txn_err e;
	struct txn t;
	char subject[300];

	check(unit_txn(&t, "initiative.yaml", "name: x\nlanguage: he\n") == 0);
	txn_err_init(&e);
	check(group_add(&t, &g, "subgroup", subject, sizeof(subject), &e) == 0);
	check_str(subject, "subgroup added: גיוס (recruiting)");
	check_str(unit_yaml_of(&b, &t),
		  "name: x\nlanguage: he\nsubgroups:\n- id: recruiting\n  name: גיוס\n"
		  "  description: Who comes, and how\n");
	/* the same id again: refused, nothing added */
	strcpy(subject, "untouched");
	check(group_add(&t, &g, "subgroup", subject, sizeof(subject), &e) == GROUP_EXISTS);
	check_str(subject, "untouched");
	check(doc_get(t.doc->root, "subgroups")->head->next == NULL);
	buf_release(&b);
	txn_err_release(&e);
	doc_free(t.doc);
}

void test_groupedit__partner_not_a_list(void)
{
	const struct group_field v[] = { { "--kind", "school", "kind" } };
	struct group_entry g = { "partners", "school-a", "School A", v, 1 };
	struct txn_err e;
	struct txn t;
	char subject[300];

	check(unit_txn(&t, "initiative.yaml", "name: x\npartners: nobody\n") == 0);
	txn_err_init(&e);
	check(group_add(&t, &g, "partner", subject, sizeof(subject), &e) == GROUP_NOT_LIST);
	check_str(dom_text(t.doc->root, "partners"), "nobody");
	txn_err_release(&e);
	doc_free(t.doc);
}

void test_groupedit__check_entry(void)
{
	const struct group_field bad[] = { { "--kind", "pirates", "kind" } };
	const struct group_field lead[] = { { "--lead", "nobody", "lead" } };
	struct group_entry g = { "partners", "x", "X", bad, 1 };
	struct schema_ids *ids = schema_ids_new();
	struct err err;

	err_clear(&err);
	/* the form of a value, named by its option */
	check(groups_check_entry(&g, NULL, &err) == ERR_USAGE);
	check(strstr(err.msg, "--kind") != NULL);
	/* what a value names, only once the ids are known */
	g.key = "subgroups";
	g.v = lead;
	check(groups_check_entry(&g, NULL, &err) == 0);
	check(ids && schema_ids_add(ids, REF_MEMBER, "dana") == 0);
	schema_ids_known(ids, REF_MEMBER);
	check(groups_check_entry(&g, ids, &err) != 0);
	check(strstr(err.msg, "nobody") != NULL);
	schema_ids_free(ids);
}

void test_groupedit__join_and_leave(void)
{
	struct schema_ids *ids = schema_ids_new();
	struct buf b = BUF_INIT;
	struct txn_err e;
	struct txn t;
	char subject[300];

	check(unit_txn(&t, "members/dana.yaml", "id: dana\nname: Dana\n") == 0);
	check(ids && schema_ids_add(ids, REF_SUBGROUP, "data") == 0);
	schema_ids_known(ids, REF_SUBGROUP);
	t.ids = ids;
	txn_err_init(&e);
	/* joining one the initiative does not have: refused */
	check(group_member_change(&t, "dana", "nope", 1, subject, sizeof(subject), &e) < 0);
	check(strstr(e.err.msg, "nope") != NULL);
	check(group_member_change(&t, "dana", "data", 1, subject, sizeof(subject), &e) == 0);
	check_str(subject, "subgroup data: dana joined");
	check_str(unit_yaml_of(&b, &t), "id: dana\nname: Dana\nsubgroups:\n- data\n");
	check(group_member_change(&t, "dana", "data", 1, subject, sizeof(subject), &e) ==
	      GROUP_ALREADY);
	/* leaving one that is gone is how a stale reference is mended */
	check(group_member_change(&t, "dana", "nope", 0, subject, sizeof(subject), &e) ==
	      GROUP_NOT_IN);
	check(group_member_change(&t, "dana", "data", 0, subject, sizeof(subject), &e) == 0);
	check_str(subject, "subgroup data: dana left");
	/* no empty list left behind */
	check_str(unit_yaml_of(&b, &t), "id: dana\nname: Dana\n");
	t.ids = NULL;
	schema_ids_free(ids);
	buf_release(&b);
	txn_err_release(&e);
	doc_free(t.doc);
}
