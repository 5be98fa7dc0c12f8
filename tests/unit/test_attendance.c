/* Unit tests of attend (store/attendance.c): who is added, the subject,
 * what refuses it. */
#include <string.h>

#include "core/doc.h"
#include "core/domain.h"
#include "core/schema.h"
#include "store/attendance.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

void test_attendance__adds_those_not_listed(void)
{
	char dana[] = "dana", yossi[] = "yossi", rina[] = "rina";
	char *names[] = { dana, yossi, rina, NULL }, *again[] = { rina, NULL };
	struct doc_node *seq;
	struct txn_err e;
	struct txn t;
	char subject[300];

	check(unit_txn(&t, "meetings/002.yaml", "number: 2\nattendees: [dana]\n") == 0);
	txn_err_init(&e);
	check(attendance_add(&t, names, subject, sizeof(subject), &e) == 0);
	check_str(subject, "meeting 002: 2 attending");
	seq = doc_get(t.doc->root, "attendees");
	check(seq && seq->head && seq->head->next && seq->head->next->next);
	check_str(seq->head->next->str, "yossi");
	check_str(seq->head->next->next->str, "rina");
	check(!seq->head->next->next->next);
	strcpy(subject, "untouched");
	check(attendance_add(&t, again, subject, sizeof(subject), &e) == ATTEND_NONE);
	check_str(subject, "untouched");
	txn_err_release(&e);
	doc_free(t.doc);
}

void test_attendance__not_a_list_and_unknown_member(void)
{
	char dana[] = "dana", nobody[] = "nobody";
	char *names[] = { dana, nobody, NULL };
	struct schema_ids *ids = schema_ids_new();
	struct txn_err e;
	struct txn t;
	char subject[300];

	check(unit_txn(&t, "meetings/002.yaml", "number: 2\nattendees: everyone\n") == 0);
	txn_err_init(&e);
	check(attendance_add(&t, names, subject, sizeof(subject), &e) == ATTEND_NOT_LIST);
	check(ids && schema_ids_add(ids, REF_MEMBER, "dana") == 0);
	schema_ids_known(ids, REF_MEMBER);
	t.ids = ids;
	check(attendance_add(&t, names, subject, sizeof(subject), &e) < 0);
	check(strstr(e.err.msg, "nobody") != NULL);
	check_str(dom_text(t.doc->root, "attendees"), "everyone");
	t.ids = NULL;
	schema_ids_free(ids);
	txn_err_release(&e);
	doc_free(t.doc);
}
