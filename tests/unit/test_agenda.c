/* Unit tests of the agenda and minutes (core/agenda.c) and of the page
 * (core/page.c): escaping, weekdays, times, a small meeting. */
#include <stdio.h>
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

/* md_escape byte by byte, as CommonMark needs it: a backslash before
 * each ASCII punctuation mark, U+00A0 for a line's leading blanks, "\\\n"
 * and the indent for a newline, trailing newlines dropped. */
static void escape_slow(struct buf *out, const char *s, const char *indent)
{
	size_t n = strlen(s);
	int line_start = 1;

	while (n && s[n - 1] == '\n')
		n--;
	for (; n; s++, n--) {
		unsigned char c = (unsigned char)*s;

		if (c == '\n') {
			buf_adds(out, "\\\n");
			buf_adds(out, indent);
			line_start = 1;
		} else if (line_start && (c == ' ' || c == '\t')) {
			buf_adds(out, "\xc2\xa0");
		} else {
			line_start = 0;
			if (c < 0x80 && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c))
				buf_addc(out, '\\');
			buf_addc(out, (char)c);
		}
	}
}

/* The escape copies runs of plain bytes at once: the same bytes as one
 * at a time, for every byte in every position of a line. */
void test_agenda__escape_runs(void)
{
	static const char *texts[] = {
		"", "plain", "  lead\ttab", "\t\tx", "a\n  b\n\nc\n\n", "end.", ".start",
		"שלום, עולם! (בדיקה)", "x\n", "\n\n", " ", "a  b", "[a](b) *c* _d_ `e` ~f~",
	};
	struct buf got = BUF_INIT, want = BUF_INIT;
	char s[8];
	size_t i;
	int c;

	for (i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
		buf_reset(&want);
		escape_slow(&want, texts[i], "  ");
		check_str(esc(&got, texts[i], "  "), buf_str(&want));
	}
	for (c = 1; c < 256; c++) {
		snprintf(s, sizeof(s), "a%cb%c", c, c);
		buf_reset(&want);
		escape_slow(&want, s, "    ");
		check_str(esc(&got, s, "    "), buf_str(&want));
		snprintf(s, sizeof(s), "%c", c);
		buf_reset(&want);
		escape_slow(&want, s, "");
		check_str(esc(&got, s, ""), buf_str(&want));
	}
	check_str(esc(&got, NULL, ""), "");
	buf_release(&got);
	buf_release(&want);
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

/* Two member lists hold the same members (fields alike, NULL alike). */
static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static int same_members(const struct agenda_members *a, const struct agenda_members *b)
{
	size_t i;

	if (a->n != b->n || a->failed || b->failed)
		return 0;
	for (i = 0; i < a->n; i++)
		if (!same_str(a->v[i].id, b->v[i].id) || !same_str(a->v[i].name, b->v[i].name) ||
		    !same_str(a->v[i].address, b->v[i].address) ||
		    !same_str(a->v[i].joined, b->v[i].joined) || !same_str(a->v[i].left, b->v[i].left))
			return 0;
	return 1;
}

/*
 * The minutes' quick look at member files (doc_scan_top) gives what
 * loading them gives: for files in the plain form it takes (quick = 1)
 * and for every other it leaves to doc_load() (quick = 0) — a !conflict,
 * quotes, comments, a key twice (the file does not load: no member), ...
 */
void test_agenda__members_quick_same_as_load(void)
{
	static const struct {
		const char *text;
		int quick;
	} cases[] = {
		{ "id: m-1\nname: סיפור meeting\nrole: member\nemail: m1@example.org\n"
		  "can_host: false\nsubgroups:\n- schools\n- a b\njoined: 2026-01-23\n", 1 },
		{ "id: dana\nname: Dana Levi, PhD (she/her) a:b\naddress: Herzl 1, Tel Aviv\n"
		  "joined: 2025-01-01\nleft: 2026-02-01\n", 1 },
		{ "id: x\nname: ~\naddress: null\nleft:\n", 1 },
		{ "id: x\nname:   spaced\n", 1 },
		{ "name: no id\n", 1 },
		{ "id: 007\nname: true\n", 1 },
		{ "id: 😀\nname: \xd7\x90\n", 1 },
		/* not the plain form: loaded */
		{ "id: dana\nname: !conflict\n  base: Dana\n  sides:\n  - from: a\n    value: Dana L\n"
		  "  - from: b\n    value: Dana Levi\n", 0 },
		{ "id: dana\nname: \"Dana\"\n", 0 },
		{ "id: dana\nname: 'Dana'\n", 0 },
		{ "id: dana # the id\nname: Dana\n", 0 },
		{ "# a member\nid: dana\n", 0 },
		{ "id: dana\nname: Dana\nname: Rina\n", 0 },
		{ "id: dana\nname: Dana\n  Levi\n", 0 },
		{ "id: dana\nname: Dana \n", 0 },
		{ "id: dana\nname:\tDana\n", 0 },
		{ "id: dana\r\nname: Dana\r\n", 0 },
		{ "\xef\xbb\xbfid: dana\nname: Dana\n", 0 },
		{ "id: dana\nname: Dana", 0 },
		{ "id: dana\nname: a\xe2\x80\xa8" "b\n", 0 },
		{ "id: dana\nname: a\xc2\x85" "b\n", 0 },
		{ "id: dana\nname: a\xc2\x80" "b\n", 0 },
		{ "id: dana\nname: a\xff" "b\n", 0 },
		{ "id: dana\nname: &n Dana\naddress: *n\n", 0 },
		{ "id: dana\nsubgroups:\n  - a\n", 0 },
		{ "id: dana\nsubgroups:\n- a: b\n", 0 },
		{ "id: dana\nname: a: b\n", 0 },
		{ "id: dana\nname: -1\n", 0 },
		{ "---\nid: dana\n", 0 },
		{ "id: dana\n\nname: Dana\n", 0 },
		{ "Id: dana\n", 0 },
		{ "id: [dana]\n", 0 },
		{ "id: dana\nname: x:\n", 0 },
		{ "", 0 },
		{ "- dana\n", 0 },
	};
	static const char *const keys[] = { "id", "name", "address", "joined", "left" };
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct agenda_members quick = { 0 }, loaded = { 0 };
		struct doc_span v[5];
		struct doc *doc = NULL;
		struct err e;
		size_t len = strlen(cases[i].text);

		check(doc_scan_top(cases[i].text, len, keys, 5, v) == cases[i].quick);
		check(agenda_members_add_text(&quick, "members/x.yaml", cases[i].text, len) == 0);
		err_clear(&e);
		if (doc_load(&doc, cases[i].text, len, &e) == 0)
			check(agenda_members_add(&loaded, "members/x.yaml", doc) == 0);
		doc_free(doc);
		if (!same_members(&quick, &loaded))
			printf("  case %zu: %s\n", i, cases[i].text);
		check(same_members(&quick, &loaded));
		agenda_members_release(&quick);
		agenda_members_release(&loaded);
	}
}

/* The quick look finds each key's text, and a conflict's member keeps
 * its id, with no name, as a loaded one does. */
void test_agenda__members_quick_values(void)
{
	struct agenda_members m = { 0 };
	const char *plain = "id: dana\nname: דנה לוי\naddress: Herzl 1\njoined: 2025-01-01\n";
	const char *conflict = "id: rina\nname: !conflict\n  base: Rina\n  sides:\n"
			       "  - from: a\n    value: Rina K\n  - from: b\n    value: Rina Katz\n";

	check(agenda_members_add_text(&m, "members/dana.yaml", plain, strlen(plain)) == 0);
	check(agenda_members_add_text(&m, "members/rina.yaml", conflict, strlen(conflict)) == 0);
	check(agenda_members_add_text(&m, "meetings/001.yaml", plain, strlen(plain)) == 0);
	check(m.n == 2);
	agenda_members_sort(&m);
	check(agenda_member(&m, "dana") && agenda_member(&m, "rina"));
	check_str(agenda_member(&m, "dana")->name, "דנה לוי");
	check_str(agenda_member(&m, "dana")->address, "Herzl 1");
	check_str(agenda_member(&m, "dana")->joined, "2025-01-01");
	check(!agenda_member(&m, "dana")->left);
	check(!agenda_member(&m, "rina")->name);
	agenda_members_release(&m);
}
