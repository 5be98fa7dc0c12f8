/* Unit tests of the interview guide (core/guide.c) and of the summary
 * that follows it (interviews_follow_guide). */
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/guide.h"
#include "core/interviews.h"
#include "tests/unit/unit.h"

static const char initiative[] =
	"name: n\nlanguage: en\ninterview_questions:\n"
	"- id: motivation\n  text: Why here?\n"
	"- id: success\n  text: What would success look like?\n"
	"- id: motivation\n  text: a second one with the same id\n"
	"- text: no id\n"
	"- id: assets\n  text: What can we build on?\n";

static void load(struct doc **doc, const char *text)
{
	struct err err;

	if (doc_load(doc, text, strlen(text), &err) < 0)
		*doc = NULL;
}

void test_guide__from_initiative(void)
{
	struct guide g;
	struct doc *doc;

	load(&doc, initiative);
	check(doc);
	check(guide_from_initiative(&g, doc->root) == 0);
	doc_free(doc);
	/* in order; the duplicate and the entry without an id left out */
	check(g.n == 3);
	check_str(g.v[0].id, "motivation");
	check_str(g.v[1].id, "success");
	check_str(g.v[2].id, "assets");
	check(guide_index(&g, "assets") == 2 && guide_index(&g, "funding") == 3);
	check_str(guide_text(&g, "success"), "What would success look like?");
	check(!guide_text(&g, "funding"));
	guide_release(&g);
	/* none: an empty guide */
	load(&doc, "name: n\nlanguage: en\n");
	check(guide_from_initiative(&g, doc->root) == 0 && g.n == 0);
	doc_free(doc);
	check(guide_from_initiative(&g, NULL) == 0 && g.n == 0);
	guide_release(&g);
}

void test_guide__order_answers(void)
{
	const char *v[] = { "funding=grants", "assets=the library", "x=1", "motivation=kids",
			    "success=all read" };
	struct guide g;
	struct doc *doc;

	load(&doc, initiative);
	check(guide_from_initiative(&g, doc->root) == 0);
	doc_free(doc);
	guide_order_answers(&g, v, 5);
	check_str(v[0], "motivation=kids");
	check_str(v[1], "success=all read");
	check_str(v[2], "assets=the library");
	/* the others after, as they were given */
	check_str(v[3], "funding=grants");
	check_str(v[4], "x=1");
	guide_release(&g);
}

void test_guide__summary_follows_the_guide(void)
{
	static const char *const files[] = {
		"id: a-1\nmember: a\ninterviewer: b\ndate: 2026-01-01\n"
		"answers:\n  funding: more\n  success: all read\n",
		"id: b-1\nmember: b\ninterviewer: a\ndate: 2026-01-02\n"
		"answers:\n  assets: a hall\n  motivation: my kids\n  success: joy\n",
	};
	struct interviews iv = { 0 };
	struct guide g;
	struct doc *doc;
	size_t i;

	for (i = 0; i < 2; i++) {
		char name[32];

		load(&doc, files[i]);
		check(doc);
		snprintf(name, sizeof(name), "interviews/%c-1.yaml", "ab"[i]);
		check(interviews_add(&iv, name, doc) == 0);
		doc_free(doc);
	}
	load(&doc, initiative);
	check(guide_from_initiative(&g, doc->root) == 0);
	doc_free(doc);
	interviews_follow_guide(&iv, &g);
	check(interviews_summary(&iv) == 0);
	check(iv.nquestions == 4);
	check_str(iv.questions[0].id, "motivation");
	check_str(iv.questions[1].id, "success");
	check(iv.questions[1].n == 2);
	check_str(iv.questions[2].id, "assets");
	check_str(iv.questions[3].id, "funding");
	interviews_release(&iv);
	guide_release(&g);
}
