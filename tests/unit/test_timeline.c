/* Unit tests of the timeline as meeting list reads it (core/timeline.c). */
#include <string.h>

#include "core/doc.h"
#include "core/timeline.h"
#include "tests/unit/unit.h"

void test_timeline__from_initiative(void)
{
	static const char text[] =
		"name: n\nlanguage: en\ntimeline:\n"
		"- id: meeting-1\n  date: 2026-03-01\n  text: Meeting 1\n  status: done\n"
		"- date: 2026-04-01\n  text: no id, left out\n"
		"- id: quick-wins\n  date: 2026-05-01\n  text: Quick wins\n"
		"- id: evaluation\n  date: 2026-06-01\n  text: Evaluation\n  status: planned\n";
	struct timeline t;
	struct doc *doc;
	struct err err;

	check(doc_load(&doc, text, strlen(text), &err) == 0);
	check(timeline_from_initiative(&t, doc->root) == 0);
	doc_free(doc);
	check(t.n == 3);
	check_str(t.v[0].status, "done");
	check_str(t.v[1].id, "quick-wins");
	check_str(t.v[1].status, "planned");  /* no status: planned */
	check_str(t.v[2].date, "2026-06-01");
	check(timeline_planned(&t) == 2);
	timeline_release(&t);
	check(timeline_from_initiative(&t, NULL) == 0 && t.n == 0 && timeline_planned(&t) == 0);
}
