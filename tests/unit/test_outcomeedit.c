/* Unit tests of principle add and the outcome edits (store/outcomeedit.c):
 * what is written, the subjects, what refuses them. */
#include <string.h>

#include "core/doc.h"
#include "core/domain.h"
#include "core/schema.h"
#include "store/outcomeedit.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

void test_outcomeedit__principle(void)
{
	struct buf b = BUF_INIT;
	struct txn t;
	char subject[200];

	check(unit_txn(&t, "initiative.yaml", "name: x\n") == 0);
	check(principle_add_apply(&t, "p-1", "שקיפות", "", "2026-02-01T17:05:00+02:00", subject,
				  sizeof(subject)) == 0);
	check_str(subject, "principle added: p-1");
	/* no site: none written */
	check_str(unit_yaml_of(&b, &t),
		  "name: x\nprinciples:\n- id: p-1\n  at: \"2026-02-01T17:05:00+02:00\"\n"
		  "  text: שקיפות\n");
	check(principle_add_apply(&t, "p-1", "again", "hall", "2026-02-01T18:00:00+02:00", subject,
				  sizeof(subject)) == LIST_EXISTS);
	doc_free(t.doc);
	check(unit_txn(&t, "initiative.yaml", "name: x\nprinciples: none\n") == 0);
	check(principle_add_apply(&t, "p-2", "x", "hall", "2026-02-01T18:00:00+02:00", subject,
				  sizeof(subject)) == LIST_NOT_LIST);
	buf_release(&b);
	doc_free(t.doc);
}

void test_outcomeedit__outcome_and_checks(void)
{
	const char *principles[] = { "p-1" };
	struct outcome_new o = { 0 };
	struct schema_ids *ids = schema_ids_new();
	struct buf b = BUF_INIT;
	struct txn_err e;
	struct txn t;
	char subject[300];

	o.id = "reading";
	o.title = "Children read by grade 3";
	o.population = "grade 3";
	o.principles = principles;
	o.np = 1;
	txn_err_init(&e);
	check(outcome_check_new(&o, NULL, &e.err) == 0);
	/* the principle must exist once the ids are known */
	check(ids && schema_ids_add(ids, REF_PRINCIPLE, "p-2") == 0);
	schema_ids_known(ids, REF_PRINCIPLE);
	check(unit_txn(&t, "outcomes/reading.yaml", "{}\n") == 0);
	t.ids = ids;
	check(outcome_create(&t, &o, subject, sizeof(subject), &e) < 0);
	check(strstr(e.err.msg, "p-1") != NULL);
	check(schema_ids_add(ids, REF_PRINCIPLE, "p-1") == 0);
	txn_err_release(&e);
	check(outcome_create(&t, &o, subject, sizeof(subject), &e) == 0);
	check_str(subject, "outcome added: reading");
	check_str(unit_yaml_of(&b, &t),
		  "id: reading\ntitle: Children read by grade 3\npopulation: grade 3\n"
		  "status: proposed\nprinciples:\n- p-1\n");
	t.ids = NULL;
	schema_ids_free(ids);
	buf_release(&b);
	txn_err_release(&e);
	doc_free(t.doc);
}

void test_outcomeedit__indicator_and_measurement(void)
{
	struct indicator_new in = { "reading", "readers", "Readers", "children", "40", NULL };
	struct measurement_new m = { "reading", "readers", "52", "2026-06-01", NULL };
	struct doc_node *ind, *meas;
	struct txn_err e;
	struct txn t;
	struct err err;
	char subject[300];

	err_clear(&err);
	check(indicator_check_new(&in, &err) == 0);
	in.baseline = "many";
	check(indicator_check_new(&in, &err) == ERR_USAGE);
	check(strstr(err.msg, "--baseline") != NULL);
	in.baseline = "40";
	check(unit_txn(&t, "outcomes/reading.yaml", "id: reading\ntitle: R\n") == 0);
	txn_err_init(&e);
	/* no indicator yet: nothing to measure */
	check(measurement_add_apply(&t, &m, subject, sizeof(subject), &e) == LIST_NO_INDICATOR);
	check(indicator_add_apply(&t, &in, subject, sizeof(subject)) == 0);
	check_str(subject, "outcome reading: indicator readers");
	check(indicator_add_apply(&t, &in, subject, sizeof(subject)) == LIST_EXISTS);
	check(measurement_check_new(&m, &err) == 0);
	check(measurement_add_apply(&t, &m, subject, sizeof(subject), &e) == 0);
	check_str(subject, "outcome reading: readers measured 52 on 2026-06-01");
	ind = doc_find_id(doc_get(t.doc->root, "indicators"), "readers");
	check(ind && !ind->next);
	check_str(dom_text(ind, "baseline"), "40");
	check(!doc_get(ind, "target"));
	meas = doc_get(ind, "measurements");
	check(meas && meas->head && !meas->head->next);
	check_str(dom_text(meas->head, "value"), "52");
	check_str(dom_text(meas->head, "date"), "2026-06-01");
	check(dom_text(meas->head, "id") && strlen(dom_text(meas->head, "id")) == 8);
	check(!doc_get(meas->head, "note"));
	txn_err_release(&e);
	doc_free(t.doc);
}
