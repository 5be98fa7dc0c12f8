/* The translation hook (core/tr.h): identity by default; a translator set
 * with tr_set() reaches every message core formats.  Each test puts the
 * identity back before it checks (check() returns early). */
#include <stdlib.h>
#include <string.h>

#include "core/describe.h"
#include "core/doc.h"
#include "core/err.h"
#include "core/schema.h"
#include "core/tr.h"
#include "unit.h"

/* A small catalogue: the messages these tests make, in capitals. */
static const char *upper(const char *msgid)
{
	static const char *const pairs[][2] = {
		{ "cannot read field path '%s'", "CANNOT READ FIELD PATH '%s'" },
		{ "write it like 'vision' or 'meetings/002.yaml:agenda[principles].notes'", "WRITE IT SO" },
		{ "'%s' must be %s; found %s", "FIELD %s MUST BE %s, NOT %s" },
		{ "a whole number", "A WHOLE NUMBER" },
		{ "%s changed", "CHANGED: %s" },
		{ "duplicate key '%s' (first at line %u)", "KEY '%s' TWICE (FIRST ON ROW %u)" },
		{ "line ", "ROW " },
	};
	size_t i;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (!strcmp(msgid, pairs[i][0]))
			return pairs[i][1];
	return msgid;
}

static const char *plural(const char *one, const char *many, unsigned long n)
{
	return n == 2 ? "TWO: %zu %s" : n == 1 ? one : many;
}

void test_tr__identity(void)
{
	const char *s = "some message";

	tr_set(NULL);
	tr_set_plural(NULL);
	check(tr(s) == s);
	check(tr(NULL) == NULL);
	check(!strcmp(tr(""), ""));
	check(!strcmp(trn("%d note", "%d notes", 1), "%d note"));
	check(!strcmp(trn("%d note", "%d notes", 0), "%d notes"));
	check(!strcmp(trn("%d note", "%d notes", 3), "%d notes"));
}

void test_tr__err_set_and_hint(void)
{
	struct err err;

	err_clear(&err);
	tr_set(upper);
	err_set(&err, ERR_USAGE, 0, 0, "cannot read field path '%s'", "a..b");
	err_hint(&err, "write it like 'vision' or 'meetings/002.yaml:agenda[principles].notes'");
	tr_set(NULL);
	check_str(err.msg, "CANNOT READ FIELD PATH 'a..b'");
	check_str(err.hint, "WRITE IT SO");
	/* the identity again: English */
	err_set(&err, ERR_USAGE, 0, 0, "cannot read field path '%s'", "a..b");
	check_str(err.msg, "cannot read field path 'a..b'");
}

void test_tr__schema_diagnostics(void)
{
	static const char yaml[] = "number: many\ndate: 2026-02-01\n";
	struct diags d = { 0 };
	struct doc *doc = NULL;
	struct err err;
	size_t i;
	int found = 0;

	err_clear(&err);
	check(doc_load(&doc, yaml, sizeof(yaml) - 1, &err) == 0);
	tr_set(upper);
	schema_check(&d, "meetings/001.yaml", doc, NULL);
	tr_set(NULL);
	for (i = 0; i < d.n; i++)
		found |= !strcmp(d.v[i].msg, "FIELD number MUST BE A WHOLE NUMBER, NOT 'many'");
	diags_release(&d);
	doc_free(doc);
	check(found);
}

void test_tr__describe_words(void)
{
	static const char a[] = "name: A\nvision: one\n", b[] = "name: A\nvision: two\n";
	struct describe d = DESCRIBE_INIT;
	int rc;

	tr_set(upper);
	rc = describe_file(&d, "initiative.yaml", a, sizeof(a) - 1, b, sizeof(b) - 1);
	tr_set(NULL);
	check(rc == 0 && d.n == 1);
	check_str(d.v[0].text, "CHANGED: vision");
	describe_release(&d);
}

void test_tr__plural_hook(void)
{
	static const char a[] =
		"number: 1\ndate: 2026-02-01\nagenda:\n- id: opening\n  title: Opening\n";
	static const char b[] =
		"number: 1\ndate: 2026-02-01\nagenda:\n- id: opening\n  title: Opening\n"
		"  notes:\n  - id: n1\n    text: one\n  - id: n2\n    text: two\n";
	struct describe d = DESCRIBE_INIT;
	int rc;

	tr_set_plural(plural);
	rc = describe_file(&d, "meetings/001.yaml", a, sizeof(a) - 1, b, sizeof(b) - 1);
	tr_set_plural(NULL);
	check(rc == 0 && d.n == 1);
	check_str(d.v[0].text, "TWO: 2 001");
	describe_release(&d);
}

/* The same problem moved down two lines is not new, in a translation
 * too: the number after its word for "line " is not compared. */
void test_tr__same_problem_translated(void)
{
	static const char before[] = "name: A\nname: B\n", after[] = "x: 1\ny: 2\nname: A\nname: B\n";
	struct diags d0 = { 0 }, d1 = { 0 };
	struct doc *doc = NULL;
	struct err e0, e1;
	unsigned left;
	int refused;

	err_clear(&e0);
	err_clear(&e1);
	tr_set(upper);
	refused = doc_load(&doc, before, sizeof(before) - 1, &e0) < 0 &&
		  doc_load(&doc, after, sizeof(after) - 1, &e1) < 0;
	diags_add(&d0, "initiative.yaml", e0.line, e0.col, DIAG_ERROR, "%s", e0.msg);
	diags_add(&d1, "initiative.yaml", e1.line, e1.col, DIAG_ERROR, "%s", e1.msg);
	left = diags_keep_new(&d1, &d0);
	tr_set(NULL);
	check(refused);
	check_str(e0.msg, "KEY 'name' TWICE (FIRST ON ROW 1)");
	check_str(e1.msg, "KEY 'name' TWICE (FIRST ON ROW 3)");
	check(left == 0);
	diags_release(&d0);
	diags_release(&d1);
}
