/* core/outcomes.c: what outcome list shows of an outcome. */
#include <string.h>

#include "core/outcomes.h"
#include "tests/unit/unit.h"

static struct doc *load(const char *text)
{
	struct doc *doc = NULL;
	struct err err;

	doc_load(&doc, text, strlen(text), &err);
	return doc;
}

void test_outcomes__info(void)
{
	struct doc *doc = load("id: jobs\ntitle: Youth jobs\nstatus: proposed\nindicators:\n"
			       "- id: a\n  name: A\n- id: b\n  name: B\n");
	struct outcome_info o;

	check(doc);
	check(outcome_info(&o, "outcomes/jobs.yaml", doc) == 1);
	check_str(o.id, "jobs");
	check_str(o.title, "Youth jobs");
	check_str(o.status, "proposed");
	check(o.indicators == 2);
	/* the same tree in another folder is not an outcome */
	check(outcome_info(&o, "members/jobs.yaml", doc) == 0);
	doc_free(doc);
}

void test_outcomes__info_missing(void)
{
	struct doc *doc = load("title: t\nstatus: null\nindicators: !conflict\n  base: []\n  sides: []\n");
	struct outcome_info o;

	check(doc);
	check(outcome_info(&o, "outcomes/x.yaml", doc) == 1);
	check(!o.id && !o.status);
	check_str(o.title, "t");
	check(o.indicators == 0);
	doc_free(doc);
	check((doc = load("- a\n")));
	check(outcome_info(&o, "outcomes/x.yaml", doc) == 0);
	doc_free(doc);
}
