/* Unit tests of the agenda and minutes (core/agenda.c) and of the page
 * (core/page.c): escaping, weekdays, times, a small meeting. */
#include <stdlib.h>
#include <string.h>

#include "core/agenda.h"
#include "core/page.h"
#include "tests/unit/unit.h"

static const char *esc(struct buf *b, const char *s, const char *indent)
{
	buf_reset(b);
	md_escape(b, s, indent);
	return buf_str(b);
}

/* The HTML libcmark makes of s escaped, in a paragraph. */
static const char *html_of(struct buf *b, const char *s)
{
	struct buf md = BUF_INIT;

	md_escape(&md, s, "");
	buf_reset(b);
	page_markdown(b, buf_str(&md), md.len);
	buf_release(&md);
	return buf_str(b);
}

void test_agenda__escape_markup(void)
{
	struct buf b = BUF_INIT;

	check_str(esc(&b, "<script>alert(1)</script>", ""),
		  "\\<script\\>alert\\(1\\)\\<\\/script\\>");
	check_str(html_of(&b, "<script>alert(1)</script>"),
		  "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
	check_str(html_of(&b, "*bold* [x](javascript:alert(1))"),
		  "<p>*bold* [x](javascript:alert(1))</p>\n");
	check_str(esc(&b, "a\\b", ""), "a\\\\b");
	check_str(html_of(&b, "a\\b \\*"), "<p>a\\b \\*</p>\n");
	check_str(html_of(&b, "&amp; `x` <b>"), "<p>&amp;amp; `x` &lt;b&gt;</p>\n");
	buf_release(&b);
}

void test_agenda__escape_keeps_hebrew_and_emoji(void)
{
	struct buf b = BUF_INIT;

	check_str(esc(&b, "שלום עולם 🎉 – ״ציטוט״", ""), "שלום עולם 🎉 – ״ציטוט״");
	check_str(html_of(&b, "קריאה, כתיבה 👍"),
		  "<p>קריאה, כתיבה 👍</p>\n");
	buf_release(&b);
}

void test_agenda__escape_lines_start_no_block(void)
{
	struct buf b = BUF_INIT;

	/* each line that would start a block (a list, a heading, a quote,
	 * an ordered list, code) stays a line of the paragraph */
	check_str(esc(&b, "one\n- two\n", "  "), "one\\\n  \\- two");
	check_str(html_of(&b, "one\n- two\n# three\n> four\n1. five\n    six\n\nseven"),
		  "<p>one<br />\n- two<br />\n# three<br />\n&gt; four<br />\n1. five<br />\n"
		  "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0six<br />\n<br />\nseven</p>\n");
	check_str(html_of(&b, "===\n---"), "<p>===<br />\n---</p>\n");
	buf_release(&b);
}

void test_agenda__weekday(void)
{
	check(agenda_weekday("2026-02-03") == 2);  /* a Tuesday */
	check(agenda_weekday("2026-02-01") == 0);
	check(agenda_weekday("2000-01-01") == 6);
	check(agenda_weekday("2024-02-29") == 4);
	check(agenda_weekday("2026-03-01") == 0);
	check(agenda_weekday("2026-02-30") == -1);
	check(agenda_weekday("2026-2-3") == -1);
	check(agenda_weekday(NULL) == -1);
}

void test_agenda__date_in_each_language(void)
{
	struct buf b = BUF_INIT;

	agenda_date(&b, "2026-02-03", "en");
	check_str(buf_str(&b), "Tuesday, 3 February 2026");
	buf_reset(&b);
	agenda_date(&b, "2026-12-25", "he");
	check_str(buf_str(&b), "יום שישי, 25 בדצמבר 2026");
	buf_reset(&b);
	agenda_date(&b, "soon-ish", "en");
	check_str(buf_str(&b), "soon\\-ish");
	buf_release(&b);
}

void test_agenda__clock(void)
{
	check(agenda_clock("17:00") == 17 * 60);
	check(agenda_clock("09:05:00") == 9 * 60 + 5);
	check(agenda_clock("24:00") == -1);
	check(agenda_clock("9:00") == -1);
	check(agenda_clock("17:60") == -1);
	check(agenda_clock("") == -1);
}

static struct doc *load(const char *yaml)
{
	struct doc *doc = NULL;
	struct err err;

	if (doc_load(&doc, yaml, strlen(yaml), &err) < 0)
		printf("  does not load: %s\n", err.msg);
	return doc;
}

static const char small_meeting[] =
	"number: 2\n"
	"title: Principles\n"
	"status: planned\n"
	"goals:\n- Name our principles\n"
	"date: 2026-02-03\n"
	"start: \"23:30\"\n"
	"duration: 90\n"
	"location:\n  host: dana\n"
	"agenda:\n"
	"- id: opening\n  title: Opening\n  minutes: 10\n  lead: dana\n  purpose: information\n"
	"  prompt: |\n    Welcome.\n    - the agenda\n"
	"- id: principles\n  title: Our *principles*\n  minutes: 45\n  purpose: decision\n"
	"- id: next-steps\n  title: Next steps\n";

static const char member_dana[] =
	"id: dana\nname: Dana Levi\naddress: 12 Herzl St, Beersheva\n";

static const char earlier[] =
	"number: 1\ntitle: First\nstatus: held\nagenda:\n- id: next-steps\n  title: Next\n"
	"  actions:\n  - id: a1\n    text: Send the summary\n    owner: dana\n    due: 2026-02-10\n"
	"  - id: a2\n    text: Done already\n    status: done\n";

void test_agenda__markdown_of_a_small_meeting(void)
{
	struct doc *ini = load("name: Literacy\nlanguage: en\ntimezone: Asia/Jerusalem\n");
	struct doc *m = load(small_meeting), *d = load(member_dana), *e = load(earlier);
	struct agenda_members ms = { 0 };
	struct meetings all = { 0 };
	struct agenda_in in = { 0 };
	struct agenda_said said;
	struct buf b = BUF_INIT;

	check(ini && m && d && e);
	check(agenda_members_add(&ms, "members/dana.yaml", d) == 0);
	agenda_members_sort(&ms);
	check(meetings_add(&all, "meetings/001.yaml", e) == 0);
	in.initiative = ini->root;
	in.meeting = m->root;
	in.number = 2;
	in.members = &ms;
	in.meetings = &all;
	check(agenda_markdown(&b, &in, AGENDA_FACILITATOR, &said) == 0);
	check(!said.no_timezone);
	check_str(buf_str(&b),
		  "# Principles\n\n"
		  "**Run sheet** · Literacy\n\n"
		  "- **Date:** Tuesday, 3 February 2026\n"
		  "- **Time:** 23:30–01:00 (Asia\\/Jerusalem)\n"
		  "- **Place:** Dana Levi, 12 Herzl St\\, Beersheva\n"
		  "\n## Goals\n\n- Name our principles\n"
		  "\n## Agenda\n\n"
		  "1. **Opening**\\\n   23:30–23:40 · 10 min · lead: Dana Levi · information\n"
		  "\n   > Welcome\\.\\\n   > \\- the agenda\n\n"
		  "2. **Our \\*principles\\***\\\n   23:40–00:25 · 45 min · decision\n"
		  "3. **Next steps**\n"
		  "\n## Open actions from earlier meetings\n\n"
		  "- Send the summary — owner: Dana Levi · due 2026\\-02\\-10 · Meeting 1\n");
	agenda_members_release(&ms);
	meetings_release(&all);
	doc_free(ini);
	doc_free(m);
	doc_free(d);
	doc_free(e);
	buf_release(&b);
}

void test_agenda__conflict_shows_every_side(void)
{
	struct doc *ini = load("name: Literacy\nlanguage: en\n");
	struct doc *m = load("number: 3\ntitle: Third\nstatus: held\n"
			     "date: !conflict\n  base: 2026-03-01\n  sides:\n"
			     "  - from: Avi haifa\n    value: 2026-03-02\n"
			     "  - from: Dana beersheva\n    value: 2026-03-03\n"
			     "agenda:\n- id: x\n  title: X\n  notes:\n  - id: n1\n    text: !conflict\n"
			     "      base: a\n      sides:\n      - from: A\n        value: b\n"
			     "      - from: B\n");
	struct agenda_in in = { 0 };
	struct agenda_said said;
	struct buf b = BUF_INIT;

	check(ini && m);
	in.initiative = ini->root;
	in.meeting = m->root;
	in.number = 3;
	check(minutes_markdown(&b, &in, &said) == 0);
	check(said.no_timezone);
	check(strstr(buf_str(&b), "- **Date:** **Not settled** (2 versions): **1.** Monday, 2 March 2026 "
			 "(from Avi haifa) **2.** Tuesday, 3 March 2026 (from Dana beersheva)\n"));
	check(strstr(buf_str(&b), "- **Not settled** (2 versions): **1.** b (from A) **2.** (removed) (from B)\n"));
	check(strstr(buf_str(&b), "Not committed yet\\.\n"));
	doc_free(ini);
	doc_free(m);
	buf_release(&b);
}

void test_agenda__page_is_standalone(void)
{
	struct buf b = BUF_INIT;
	const char *s;

	check(page_from_markdown(&b, "he", "סדר יום <1> & \"x\"", "# שלום\n", 9) == 0);
	s = buf_str(&b);
	check(!strncmp(s, "<!DOCTYPE html>\n<html lang=\"he\" dir=\"rtl\">", 42));
	check(strstr(s, "<title>סדר יום &lt;1&gt; &amp; &quot;x&quot;</title>"));
	check(strstr(s, "<meta charset=\"utf-8\">"));
	check(strstr(s, "@page{size:A4"));
	check(strstr(s, "unicode-bidi:plaintext"));
	check(!strstr(s, "<script") && !strstr(s, "src=") && !strstr(s, "http"));
	buf_reset(&b);
	check(page_html(&b, "en", "t", "<p>x</p>\n") == 0);
	check(strstr(buf_str(&b), "<html lang=\"en\" dir=\"ltr\">"));
	buf_release(&b);
}
