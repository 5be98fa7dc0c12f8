/* Unit tests of meeting edit's changes (store/meetingedit.c): what is set,
 * what the subject says, what refuses the edit. */
#include <string.h>

#include "core/doc.h"
#include "core/domain.h"
#include "store/meetingedit.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

static const char meeting_yaml[] =
	"number: 2\n"
	"title: Meeting 2\n"
	"status: planned\n"
	"date: 2026-03-01\n"
	"start: '17:00'\n"
	"location:\n"
	"  host: dana\n"
	"  parking: behind the hall\n"
	"agenda:\n"
	"- id: opening\n"
	"  title: Opening\n"
	"- id: principles\n"
	"  title: Principles\n"
	"  minutes: 30\n";

static int apply(struct txn *t, const struct meeting_change *c, char *subject, size_t size,
		 struct txn_err *e)
{
	txn_err_init(e);
	return meeting_change_apply(t, c, subject, size, e);
}

void test_meetingedit__moved_and_place(void)
{
	struct meeting_change c = { 0 };
	struct txn_err e;
	struct txn t;
	char subject[300];
	struct doc_node *loc;

	check(unit_txn(&t, "meetings/002.yaml", meeting_yaml) == 0);
	c.date = "2026-05-03";
	c.start = "18:00";
	c.address = "12 Herzl St";
	check(apply(&t, &c, subject, sizeof(subject), &e) == 0);
	check_str(subject, "moved to 2026-05-03 18:00; edited place");
	check_str(dom_text(t.doc->root, "date"), "2026-05-03");
	loc = doc_get(t.doc->root, "location");
	/* the place given replaces the one it had; other keys stay */
	check(loc && !doc_get(loc, "host"));
	check_str(dom_text(loc, "address"), "12 Herzl St");
	check_str(dom_text(loc, "parking"), "behind the hall");
	txn_err_release(&e);
	doc_free(t.doc);
}

void test_meetingedit__same_value_and_status(void)
{
	struct meeting_change c = { 0 };
	struct txn_err e;
	struct txn t;
	char subject[300];

	check(unit_txn(&t, "meetings/002.yaml", meeting_yaml) == 0);
	c.date = "2026-03-01";  /* what it holds: not a move */
	c.status = "cancelled";
	check(apply(&t, &c, subject, sizeof(subject), &e) == 0);
	check_str(subject, "cancelled");
	txn_err_release(&e);
	memset(&c, 0, sizeof(c));
	c.status = "planned";
	c.title = "Principles, again";
	check(apply(&t, &c, subject, sizeof(subject), &e) == 0);
	check_str(subject, "planned again; edited title");
	memset(&c, 0, sizeof(c));
	c.title = "Principles, again";  /* nothing changes: still a subject */
	check(apply(&t, &c, subject, sizeof(subject), &e) == 0);
	check_str(subject, "edited");
	txn_err_release(&e);
	doc_free(t.doc);
}

void test_meetingedit__item(void)
{
	struct meeting_change c = { 0 };
	struct doc_node *item;
	struct txn_err e;
	struct txn t;
	char subject[300];

	check(unit_txn(&t, "meetings/002.yaml", meeting_yaml) == 0);
	c.item = "principles";
	c.minutes = "30";  /* as it was */
	c.lead = "dana";
	c.purpose = "decision";
	check(apply(&t, &c, subject, sizeof(subject), &e) == 0);
	check_str(subject, "edited item principles (lead, purpose)");
	item = doc_find_id(doc_get(t.doc->root, "agenda"), "principles");
	check_str(dom_text(item, "lead"), "dana");
	check_str(dom_text(item, "purpose"), "decision");
	txn_err_release(&e);

	c.item = "ghost";
	check(apply(&t, &c, subject, sizeof(subject), &e) == ERR_NOTFOUND);
	check_str(e.err.msg, "meetings/002.yaml has no agenda item 'ghost'");
	check_str(e.err.hint, "its items: opening, principles; nothing was changed");
	check(e.file == NULL);
	txn_err_release(&e);
	doc_free(t.doc);
}

void test_meetingedit__conflict_refuses(void)
{
	static const char conflicted[] =
		"number: 2\n"
		"title: Meeting 2\n"
		"date: !conflict\n"
		"  base: 2026-03-01\n"
		"  sides:\n"
		"  - {from: a, value: 2026-03-02}\n"
		"  - {from: b, value: 2026-03-03}\n";
	struct meeting_change c = { 0 };
	struct txn_err e;
	struct txn t;
	char subject[300];

	check(unit_txn(&t, "meetings/002.yaml", conflicted) == 0);
	c.date = "2026-03-04";
	check(apply(&t, &c, subject, sizeof(subject), &e) == ERR_DATA);
	check_str(e.err.msg, "date is in an unresolved conflict");
	check(e.file && !strcmp(e.file, "meetings/002.yaml") && e.err.line == 3);
	txn_err_release(&e);
	/* a field beside the conflict is free to change */
	memset(&c, 0, sizeof(c));
	c.title = "Meeting two";
	check(apply(&t, &c, subject, sizeof(subject), &e) == 0);
	check_str(subject, "edited title");
	txn_err_release(&e);
	doc_free(t.doc);
}
