/* Unit tests of the figures of status (core/status.c). */
#include <string.h>

#include "core/status.h"
#include "tests/unit/unit.h"

static int add(struct status *st, const char *file, const char *yaml)
{
	struct doc *doc;
	struct err err;
	int rc;

	if (doc_load(&doc, yaml, strlen(yaml), &err) < 0) {
		printf("  %s does not load: %s\n", file, err.msg);
		return -1;
	}
	rc = status_add(st, file, doc);
	doc_free(doc);
	return rc;
}

void test_status__figures(void)
{
	struct status st;
	struct diags d = { 0 };

	check(status_init(&st) == 0);
	check(add(&st, "initiative.yaml", "name: Read early\nlanguage: he\n") == 0);
	check(add(&st, "members/ann.yaml", "id: ann\nname: Ann\n") == 0);
	check(add(&st, "members/bob.yaml", "id: bob\nname: Bob\n") == 0);
	check(add(&st, "members/cy.yaml", "id: cy\nname: Cy\n") == 0);
	check(add(&st, "members/old.yaml", "id: old\nname: Old\nleft: '2026-01-01'\n") == 0);
	check(add(&st, "interviews/ann-1.yaml", "id: ann-1\nmember: ann\n") == 0);
	check(add(&st, "interviews/ann-2.yaml", "id: ann-2\nmember: ann\nstatus: done\n") == 0);
	check(add(&st, "interviews/bob-1.yaml", "id: bob-1\nmember: bob\nstatus: planned\n") == 0);
	check(add(&st, "interviews/old-1.yaml", "id: old-1\nmember: old\n") == 0);
	check(add(&st, "meetings/001.yaml",
		  "number: 1\ntitle: First\nstatus: held\ndate: '2026-02-01'\n"
		  "attendees: [ann, bob]\n"
		  "agenda:\n- id: a\n  notes: [{id: n1, text: x}, {id: n2, text: y}]\n"
		  "- id: b\n  notes: [{id: n3, text: z}]\n- id: c\n") == 0);
	check(add(&st, "meetings/002.yaml", "title: Second\n") == 0);
	d.errors = 2;
	d.warnings = 1;
	d.conflicts = 1;
	check(status_finish(&st, &d) == 0);
	check_str(st.name, "Read early");
	check_str(st.language, "he");
	check(st.members == 4 && st.active == 3 && st.left == 1);
	check(st.interviews_done == 3 && st.interviews_planned == 1);
	/* bob's is only planned; who left is not missing */
	check(st.nmissing == 2);
	check_str(st.missing[0], "bob");
	check_str(st.missing[1], "cy");
	check(st.nmeetings == 2);
	check(st.meetings[0].number == 1 && st.meetings[0].attendees == 2);
	check(st.meetings[0].notes == 3);
	check_str(st.meetings[0].date, "2026-02-01");
	check(st.meetings[1].number == 0 && st.meetings[1].notes == 0);
	check_str(st.meetings[1].date, "");
	check(st.errors == 2 && st.warnings == 1 && st.conflicts == 1);
	status_release(&st);
}

void test_status__conflicted_file_not_counted(void)
{
	struct status st;
	struct diags d = { 0 };

	check(status_init(&st) == 0);
	check(add(&st, "members/ann.yaml", "!conflict\nbase: {id: ann}\nours: {id: ann}\n") == 0);
	check(add(&st, "members/bob.yaml", "id: bob\n") == 0);
	check(status_finish(&st, &d) == 0);
	check(st.members == 1 && st.nmissing == 1);
	check(!st.name && !st.language);
	status_release(&st);
}

void test_status__subgroups_and_partners(void)
{
	struct status st;

	check(status_init(&st) == 0);
	check(add(&st, "initiative.yaml", "name: x\nlanguage: he\n") == 0);
	check(st.subgroups == 0 && st.partners == 0);
	check(add(&st, "initiative.yaml",
		  "name: x\nlanguage: he\nsubgroups:\n- {id: a, name: A}\n- {id: b, name: B}\n"
		  "partners:\n- {id: city, name: City, kind: municipality}\n") == 0);
	check(st.subgroups == 2 && st.partners == 1);
	status_release(&st);
}
