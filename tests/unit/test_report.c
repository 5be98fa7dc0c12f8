/* The report's model and index page (core/report.c): what it takes from
 * the files and the history, and what index.html says of it. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/doc.h"
#include "core/err.h"
#include "core/report.h"
#include "tests/unit/unit.h"

static int add(struct report *r, const char *file, const char *yaml)
{
	struct doc *d = NULL;
	struct err e;
	int rc;

	err_clear(&e);
	if (doc_load(&d, yaml, strlen(yaml), &e) < 0)
		return -1;
	rc = report_add(r, file, d);
	doc_free(d);
	return rc;
}

static const char *index_of(struct report *r, struct buf *b)
{
	buf_reset(b);
	return report_index(b, r) == 0 ? buf_str(b) : NULL;
}

void test_report__figures_and_escaping(void)
{
	struct report r;
	struct buf b = BUF_INIT;
	const char *s;

	check(report_init(&r) == 0);
	check(add(&r, "initiative.yaml", "name: A & B\nlanguage: en\nvision: |\n  one\n  two\n") == 0);
	check(add(&r, "members/x.yaml", "id: x\nname: <img src=x>\norganization: Org\n") == 0);
	check(add(&r, "members/y.yaml", "id: y\nname: Y\norganization: Org\nleft: 2026-01-01\n") == 0);
	check(add(&r, "interviews/x-1.yaml",
		  "id: x-1\nmember: x\ninterviewer: x\ndate: 2026-01-01\nconfidential: true\n"
		  "answers:\n  hopes: SECRET\n") == 0);
	check(add(&r, "meetings/001.yaml",
		  "number: 1\ntitle: One\nstatus: held\nattendees: [x]\nagenda:\n- id: a\n  title: A\n"
		  "  actions:\n  - id: a1\n    text: Do it\n    owner: x\n    due: 2026-02-01\n") == 0);
	snprintf(r.today, sizeof(r.today), "2026-03-01");
	check(report_finish(&r) == 0);
	check((s = index_of(&r, &b)));
	check(strstr(s, "<h1>A &amp; B</h1>"));
	check(strstr(s, "<p class=\"vision\">one<br>\ntwo</p>"));
	check(strstr(s, "<li><span class=\"fig\">1</span> Members</li>"));
	check(strstr(s, "<tr><th scope=\"row\">Org</th><td class=\"n\">1</td></tr>"));
	check(strstr(s, "<span class=\"fig\">1</span> Actions open, 1 overdue"));
	check(strstr(s, "&lt;img src=x&gt;") && !strstr(s, "<img"));
	check(!strstr(s, "SECRET"));
	check(strstr(s, "<span class=\"fig\">1</span> confidential interviews"));
	check(!strstr(s, "class=\"banner\""));
	report_release(&r);
	buf_release(&b);
}

void test_report__conflict_banner(void)
{
	struct report r;
	struct buf b = BUF_INIT;

	check(report_init(&r) == 0);
	check(add(&r, "initiative.yaml",
		  "name: A\nlanguage: he\nvision: !conflict\n  base: a\n  sides:\n  - from: x\n    value: b\n"
		  "  - from: y\n    value: c\n") == 0);
	check(report_finish(&r) == 0);
	check(r.conflicts == 1 && !strcmp(r.lang, "he"));
	check(strstr(index_of(&r, &b), "<p class=\"banner\" role=\"alert\"><strong>1</strong>"));
	check(strstr(b.ptr, "<html lang=\"he\" dir=\"rtl\">"));
	report_release(&r);
	buf_release(&b);
}

void test_report__vision_changes_oldest_first(void)
{
	char id1[] = "1111111", id2[] = "2222222", d1[] = "2026-01-01 10:00 +0200",
	     d2[] = "2026-02-01 10:00 +0200", dana[] = "Dana", avi[] = "Avi", haifa[] = "haifa",
	     none[] = "", three[] = "3", v1[] = "one day\n", v2[] = "one <b> day\n";
	struct report_change c1 = { REPORT_SET, id1, d1, dana, haifa, none, NULL, v1, 1, 0 };
	struct report_change c2 = { REPORT_CHANGED, id2, d2, avi, none, three, v1, v2, 1, 0 };
	struct report r;
	struct buf b = BUF_INIT;
	const char *s;

	check(report_init(&r) == 0);
	/* history gives the newest first */
	check(report_add_change(&r, &c2) == 0 && report_add_change(&r, &c1) == 0);
	check(report_finish(&r) == 0);
	check(!strcmp(r.changes[0].id, "1111111") && !strcmp(r.changes[0].after, "one day"));
	check((s = index_of(&r, &b)));
	check(strstr(s, "<p class=\"diff\"><ins>one day</ins></p>"));
	check(strstr(s, "<p class=\"diff\">one <ins>&lt;b&gt; </ins>day</p>"));
	check(strstr(s, " · meeting 3 · by Avi"));
	check(strstr(s, "site haifa") < strstr(s, "meeting 3"));
	report_release(&r);
	buf_release(&b);
}

void test_report__indicators(void)
{
	struct report r;

	check(report_init(&r) == 0);
	check(add(&r, "outcomes/o.yaml",
		  "id: o\ntitle: O\nindicators:\n- id: i\n  name: I\n  baseline: 1.5e3\n  target: -2\n"
		  "  measurements:\n  - id: b\n    date: 2026-03-01\n    value: 7\n"
		  "  - id: a\n    date: 2026-01-01\n    value: 12.25\n  - id: c\n    date: soon\n    value: 1\n") == 0);
	check(report_finish(&r) == 0);
	check(r.nindicators == 1);
	check(r.indicators[0].has_baseline && r.indicators[0].baseline == 1500);
	check(r.indicators[0].has_target && r.indicators[0].target == -2);
	/* in date order; a measurement with no date is left out */
	check(r.indicators[0].n == 2);
	check(!strcmp(r.indicators[0].v[0].date, "2026-01-01") && r.indicators[0].v[0].value == 12.25);
	report_release(&r);
}

void test_report__meetings_in_any_order(void)
{
	struct report r;
	struct buf b = BUF_INIT;
	const char *s, *one, *two, *three;

	check(report_init(&r) == 0);
	/* the store takes them from the last to the first */
	check(add(&r, "meetings/002.yaml",
		  "number: 2\ntitle: Two\nstatus: planned\nagenda:\n- id: a\n  title: A\n"
		  "  actions:\n  - id: a3\n    text: third\n") == 0);
	check(add(&r, "meetings/001.yaml",
		  "number: 1\ntitle: One\nstatus: held\nagenda:\n- id: a\n  title: A\n"
		  "  actions:\n  - id: a1\n    text: first\n  - id: a2\n    text: second\n") == 0);
	check(report_finish(&r) == 0);
	check(r.meetings.v[0].number == 1 && r.meetings.v[1].number == 2);
	check((s = index_of(&r, &b)));
	check((one = strstr(s, ">first<")) && (two = strstr(s, ">second<")) && (three = strstr(s, ">third<")));
	check(one < two && two < three);
	check(strstr(s, "<a href=\"meetings/001.html\">1</a></th>") < strstr(s, "<a href=\"meetings/002.html\">2</a></th>"));
	report_release(&r);
	buf_release(&b);
}

void test_report__outcome_without_indicators(void)
{
	struct report r;
	struct buf b = BUF_INIT;
	const char *s;

	check(report_init(&r) == 0);
	check(add(&r, "outcomes/o.yaml", "id: o\ntitle: Children read\n") == 0);
	check(report_finish(&r) == 0);
	check((s = index_of(&r, &b)));
	check(strstr(s, "<h3>Children read</h3>\n<p>No indicators yet.</p>"));
	check(!strstr(s, "No outcomes yet.") && !strstr(s, "No measurements yet"));
	report_release(&r);
	buf_release(&b);
}

/* A meeting that did not load: its row, in number order, with no link
 * (it has no page) and the file named; the error kept for the caller. */
void test_report__unreadable_meeting(void)
{
	struct report r;
	struct buf b = BUF_INIT;
	struct err e;
	const char *s, *one, *two, *three, *four;

	check(report_init(&r) == 0);
	err_clear(&e);
	err_set(&e, ERR_DATA, 3, 1, "broken");
	check(add(&r, "meetings/003.yaml", "number: 3\ntitle: Three\nstatus: planned\n") == 0);
	check(report_unreadable(&r, "meetings/004.yaml", &e) == 0);
	check(report_unreadable(&r, "meetings/002.yaml", &e) == 0);
	check(add(&r, "meetings/001.yaml", "number: 1\ntitle: One\nstatus: held\n") == 0);
	check(report_finish(&r) == 0);
	check(r.nunread == 2 && r.unread[0].number == 2 && r.unread[1].number == 4);
	check_str(r.unread[0].file, "meetings/002.yaml");
	check(r.unread[0].err.line == 3 && r.unread[0].err.col == 1);
	check_str(r.unread[0].err.msg, "broken");
	check((s = index_of(&r, &b)));
	check(!strstr(s, "meetings/002.html") && !strstr(s, "meetings/004.html"));
	check((one = strstr(s, "<a href=\"meetings/001.html\">1</a></th>")));
	check((two = strstr(s, "<tr class=\"unread\"><th scope=\"row\">2</th><td colspan=\"7\">its file could not be read, so it has no page: <code><bdi dir=\"ltr\">meetings/002.yaml</bdi></code></td></tr>\n")));
	check((three = strstr(s, "<a href=\"meetings/003.html\">3</a></th>")));
	check((four = strstr(s, "<tr class=\"unread\"><th scope=\"row\">4</th>")));
	check(one < two && two < three && three < four);
	report_release(&r);
	buf_release(&b);
}
