/* Unit tests of subgroups, partners and approved minutes (core/groups.c,
 * core/approval.c, and what core/schema.c says of them). */
#include <string.h>

#include "core/approval.h"
#include "core/domain.h"
#include "core/groups.h"
#include "core/schema.h"
#include "tests/unit/unit.h"

static struct doc *load(const char *yaml)
{
	struct doc *doc;
	struct err err;

	if (doc_load(&doc, yaml, strlen(yaml), &err) < 0) {
		printf("  does not load: %s\n", err.msg);
		return NULL;
	}
	return doc;
}

static int add(struct groups *g, const char *file, const char *yaml)
{
	struct doc *doc = load(yaml);
	int rc;

	if (!doc)
		return -1;
	rc = groups_add(g, file, doc);
	doc_free(doc);
	return rc;
}

void test_groups__members_come_from_their_files(void)
{
	struct groups g = { 0 };
	const struct group_info *x;

	check(add(&g, "initiative.yaml",
		  "name: x\nlanguage: he\nsubgroups:\n- id: recruiting\n  name: גיוס\n"
		  "- id: data\n  name: Data\n  lead: dana\n"
		  "partners:\n- id: city\n  name: עירייה\n  kind: municipality\n  contact: Rina\n") == 0);
	check(add(&g, "members/yossi.yaml", "id: yossi\nname: Y\nsubgroups: [recruiting, nope]\n") == 0);
	check(add(&g, "members/dana.yaml", "id: dana\nname: D\nsubgroups: [recruiting, data]\n") == 0);
	check(add(&g, "members/old.yaml", "id: old\nname: O\nsubgroups: [data]\nleft: 2026-01-01\n") == 0);
	groups_finish(&g);
	check(g.n == 2 && g.npartners == 1);
	check((x = groups_find(&g, "recruiting")) && x->nmembers == 2);
	check_str(x->members[0], "dana");
	check_str(x->members[1], "yossi");
	check_str(x->name, "גיוס");
	check((x = groups_find(&g, "data")) && x->nmembers == 1);  /* old left */
	check_str(x->lead, "dana");
	check(!groups_find(&g, "nope"));
	check_str(g.partners[0].kind, "municipality");
	check_str(g.partners[0].contact, "Rina");
	check_str(g.partners[0].email, "");
	groups_release(&g);
}

static struct schema_ids *ids_with_subgroups(void)
{
	struct schema_ids *ids = schema_ids_new();

	schema_ids_add(ids, REF_SUBGROUP, "recruiting");
	schema_ids_add(ids, REF_SUBGROUP, "data");
	schema_ids_known(ids, REF_MEMBER);
	return ids;
}

void test_groups__unknown_subgroup_says_the_nearest(void)
{
	struct schema_ids *ids = ids_with_subgroups();
	struct doc *doc = load("id: dana\nname: D\nsubgroups:\n- recruting\n- finance\n");
	struct diags d = { 0 };

	check(doc);
	schema_check(&d, "members/dana.yaml", doc, ids);
	check(d.errors == 2);
	check(d.v[0].line == 4 && d.v[0].col == 3);
	check_str(d.v[0].msg, "unknown subgroup 'recruting' in 'subgroups'; did you mean 'recruiting'?");
	check_str(d.v[1].msg, "unknown subgroup 'finance' in 'subgroups'; add it to subgroups in initiative.yaml or fix the id");
	diags_release(&d);
	doc_free(doc);
	schema_ids_free(ids);
}

void test_groups__partner_kind(void)
{
	struct doc *doc = load("name: x\nlanguage: en\npartners:\n- id: a\n  name: A\n  kind: school\n"
			       "- id: b\n  name: B\n  kind: scool\n- id: c\n  name: C\n  kind: church\n");
	struct diags d = { 0 };
	struct err err;

	check(doc);
	schema_check(&d, "initiative.yaml", doc, NULL);
	check(d.errors == 2);
	check(d.v[0].line == 9 && d.v[0].col == 9);
	check_str(d.v[0].msg, "'kind' must be one of municipality, school, nonprofit, business, funder, university, government, community, other; found 'scool'; did you mean 'school'?");
	check_str(d.v[1].msg, "'kind' must be one of municipality, school, nonprofit, business, funder, university, government, community, other; found 'church'");
	check(schema_check_option(KIND_INITIATIVE, "partners.kind", "funders", "--kind", NULL, &err) == ERR_USAGE);
	check_str(err.msg, "'--kind' must be one of municipality, school, nonprofit, business, funder, university, government, community, other; found 'funders'; did you mean 'funder'?");
	diags_release(&d);
	doc_free(doc);
}

static void scan(struct approvals *a, struct diags *d, const char *file, const char *yaml)
{
	struct doc *doc = load(yaml);

	if (!doc)
		return;
	schema_check(d, file, doc, NULL);
	approvals_add(a, file, doc);
	doc_free(doc);
}

#define MEETING(n) "number: " #n "\ntitle: M\nstatus: held\n"

void test_groups__approvals_across_files(void)
{
	struct approvals a = { 0 };
	struct diags d = { 0 };
	struct approval got;
	struct doc *doc;

	/* in any order: 1000 is listed before 999 */
	scan(&a, &d, "meetings/003.yaml", MEETING(3) "approved:\n  meeting: 9\n  decision: d-1\n");
	scan(&a, &d, "meetings/002.yaml", MEETING(2)
	     "agenda:\n- id: opening\n  title: O\n  decisions:\n  - id: d-ok\n    text: t\n");
	scan(&a, &d, "meetings/001.yaml", MEETING(1) "approved:\n  meeting: 2\n  decision: d-ok\n");
	scan(&a, &d, "meetings/004.yaml", MEETING(4) "approved:\n  meeting: 2\n  decision: d-ok\n");
	scan(&a, &d, "meetings/005.yaml", MEETING(5) "approved:\n  meeting: 2\n  decision: d-1\n");
	scan(&a, &d, "meetings/006.yaml", MEETING(6)
	     "agenda:\n- id: x\n  title: X\n  decisions:\n  - id: d-6\n    text: t\n");
	scan(&a, &d, "meetings/001.yaml", MEETING(1) "approved:\n  meeting: 6\n  decision: d-x\n");
	approvals_finish(&a, &d);
	check(d.errors == 4);
	check_str(d.v[0].file, "meetings/004.yaml");
	check_str(d.v[0].msg, "the minutes of meeting 4 are approved at a later meeting, not at meeting 2; fix approved.meeting");
	check_str(d.v[1].file, "meetings/005.yaml");  /* earlier: not looked up further */
	check_str(d.v[2].file, "meetings/003.yaml");
	check(d.v[2].line == 5 && d.v[2].col == 12);
	check_str(d.v[2].msg, "the minutes are approved at meeting 009, which does not exist; fix approved.meeting");
	check_str(d.v[3].file, "meetings/001.yaml");
	check(d.v[3].line == 6 && d.v[3].col == 13);
	check_str(d.v[3].msg, "decision 'd-x' is not in meeting 006, which approved these minutes; fix approved.decision");
	approvals_release(&a);
	diags_release(&d);

	check((doc = load(MEETING(1) "approved: {meeting: 2, decision: d-ok}\n")));
	check(approval_of(&got, doc->root) == 1 && got.meeting == 2);
	check_str(got.decision, "d-ok");
	doc_free(doc);
	check((doc = load(MEETING(1) "approved: {meeting: two, decision: d-ok}\n")));
	check(approval_of(&got, doc->root) == 0);
	doc_free(doc);
}

void test_groups__approval_item_and_text(void)
{
	struct doc *doc = load(MEETING(2) "agenda:\n- id: a\n  title: A\n- id: opening\n  title: O\n");
	char text[100];

	check(doc);
	check_str(dom_text(approval_item(doc->root), "id"), "opening");
	doc_free(doc);
	check((doc = load(MEETING(2) "agenda:\n- id: a\n  title: A\n")));
	check_str(dom_text(approval_item(doc->root), "id"), "a");
	doc_free(doc);
	check((doc = load(MEETING(2))));
	check(!approval_item(doc->root));
	doc_free(doc);
	approval_text(text, sizeof(text), "he", 1);
	check_str(text, "הפרוטוקול של מפגש 1 אושר.");
	approval_text(text, sizeof(text), "en", 12);
	check_str(text, "The minutes of meeting 12 are approved.");
}
