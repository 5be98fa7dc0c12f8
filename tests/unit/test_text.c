/* Unit tests of the text helpers (core/text.c) and paths (core/path.c). */
#include <string.h>

#include "core/domain.h"
#include "core/path.h"
#include "core/text.h"
#include "core/worddiff.h"
#include "tests/unit/unit.h"

void test_text__utf8(void)
{
	size_t bad = 0;

	check(text_check("שלום\tworld\r\n", 14, &bad) == NULL);
	check(text_check("ab\xff", 3, &bad) && bad == 2);
	check(text_check("\xc0\x80", 2, &bad) && bad == 0);            /* overlong */
	check(text_check("x\xed\xa0\x80", 4, &bad) && bad == 1);      /* surrogate */
	check(text_check("\xf4\x90\x80\x80", 4, &bad) && bad == 0);   /* > U+10FFFF */
	check(text_check("\xd7", 1, &bad) && bad == 0);               /* truncated */
	check(!strcmp(text_check("a\x01", 2, &bad), "control character in text"));
	check(!strcmp(text_check("a\0", 2, &bad), "NUL byte in text"));
	check(text_check("\xc2\x85", 2, &bad) == NULL);                /* NEL is allowed */
	check(text_check("\xc2\x9f", 2, &bad) != NULL);                /* C1 control */
}

void test_text__cut(void)
{
	char s[16];

	strcpy(s, "ab\xd7\x90\xd7");  /* a, b, alef, half a letter */
	text_cut(s);
	check(!strcmp(s, "ab\xd7\x90"));
	text_cut(s);
	check(!strcmp(s, "ab\xd7\x90"));
	strcpy(s, "\xf0\x9f\x98");     /* three bytes of a four-byte emoji */
	text_cut(s);
	check(!strcmp(s, ""));
	strcpy(s, "plain");
	text_cut(s);
	check(!strcmp(s, "plain"));
}

void test_text__pos(void)
{
	unsigned line, col;
	const char *s = "ab\nשלום x\n";

	text_pos(s, 0, &line, &col);
	check(line == 1 && col == 1);
	text_pos(s, 3, &line, &col);
	check(line == 2 && col == 1);
	text_pos(s, 12, &line, &col);  /* the x: four Hebrew letters and a space */
	check(line == 2 && col == 6);
}

void test_text__ids(void)
{
	char out[64];

	check(text_is_id("dana"));
	check(text_is_id("001"));
	check(text_is_id("m-3f9a"));
	check(!text_is_id("-dana"));
	check(!text_is_id("Dana"));
	check(!text_is_id(""));
	check(!text_is_id("a_b"));
	check(!text_is_id("../x"));
	check(text_is_id("a23456789012345678901234567890123456789012345678901234567890123"));
	check(!text_is_id("a234567890123456789012345678901234567890123456789012345678901234"));
	check(text_slug(out, sizeof(out), "Dana Levi!") == 9 && !strcmp(out, "dana-levi"));
	check(text_slug(out, sizeof(out), "דנה לוי") == 0);
}

void test_text__random_ids_are_plain(void)
{
	char id[9];
	int i;

	for (i = 0; i < 20000; i++) {
		check(dom_random_id(id) == 0);
		check(strlen(id) == 8 && text_is_id(id));
		check(!doc_str_needs_quotes(id, 8));
	}
}

void test_path__parse(void)
{
	struct path p;
	struct err err;
	char out[200];

	check(path_parse(&p, "vision", &err) == 0);
	check(!strcmp(p.file, "initiative.yaml") && p.n == 1 && !strcmp(p.seg[0].key, "vision"));
	check(path_parse(&p, "meetings/002.yaml:agenda[principles].notes", &err) == 0);
	check(!strcmp(p.file, "meetings/002.yaml") && p.n == 2);
	check(!strcmp(p.seg[0].key, "agenda") && !strcmp(p.seg[0].id, "principles"));
	check(!strcmp(p.seg[1].key, "notes") && !p.seg[1].id[0]);
	path_format(out, sizeof(out), &p);
	check_str(out, "meetings/002.yaml:agenda[principles].notes");
	check(path_parse(&p, "members/dana.yaml", &err) == 0 && p.n == 0);
	check(path_parse(&p, "outcomes/reading.yaml:indicators[grade3].target", &err) == 0);
	check(p.n == 2 && !strcmp(p.seg[0].id, "grade3"));
	path_format(out, sizeof(out), &p);
	check_str(out, "outcomes/reading.yaml:indicators[grade3].target");

	check(path_parse(&p, "../etc/passwd.yaml:x", &err) == ERR_USAGE);
	check(path_parse(&p, "members/../x.yaml:name", &err) == ERR_USAGE);
	check(path_parse(&p, "/etc/x.yaml", &err) == ERR_USAGE);
	check(path_parse(&p, "notes/x.yaml:a", &err) == ERR_USAGE);
	check(path_parse(&p, "agenda[Bad]", &err) == ERR_USAGE);
	check(path_parse(&p, "agenda[x", &err) == ERR_USAGE);
	check(path_parse(&p, "a..b", &err) == ERR_USAGE);
	check(path_parse(&p, "", &err) == ERR_USAGE);
}

void test_path__resolve(void)
{
	const char *text = "agenda:\n- id: a\n  notes:\n  - id: n1\n    text: hi\n- id: b\n";
	struct doc *doc;
	struct doc_node *n;
	struct path p;
	struct err err;

	check(doc_load(&doc, text, strlen(text), &err) == 0);
	check(path_parse(&p, "meetings/001.yaml:agenda[a].notes[n1].text", &err) == 0);
	check(path_resolve(&n, doc->root, &p, p.n, &err) == 0 && !strcmp(n->str, "hi"));
	check(path_parse(&p, "meetings/001.yaml:agenda[c].notes", &err) == 0);
	check(path_resolve(&n, doc->root, &p, p.n, &err) == ERR_NOTFOUND);
	check(strstr(err.msg, "no item 'c' in 'agenda'"));
	check(path_parse(&p, "meetings/001.yaml:agenda[b].title", &err) == 0);
	check(path_resolve(&n, doc->root, &p, p.n, &err) == ERR_NOTFOUND);
	check(path_resolve(&n, doc->root, &p, p.n - 1, &err) == 0 && n->kind == DOC_MAP);
	doc_free(doc);
}

static int wd(const char *a, const char *b, const char *want)
{
	static const struct word_marks m = { "[-", "-]", "{+", "+}" };
	struct buf out = BUF_INIT;
	int ok = word_diff(&out, a, strlen(a), b, strlen(b), &m) == 0 && !strcmp(buf_str(&out), want);

	buf_release(&out);
	return ok;
}

void test_text__word_diff(void)
{
	check(wd("", "", ""));
	check(wd("same words", "same words", "same words"));
	check(wd("", "new", "{+new+}"));
	check(wd("old", "", "[-old-]"));
	check(wd("every child reads", "every child reads with joy", "every child reads{+ with joy+}"));
	check(wd("a b c", "a x c", "a [-b-]{+x+} c"));
	/* a sentence rewritten: one removal, one addition, not word by word */
	check(wd("one two three", "uno dos tres", "[-one two three-]{+uno dos tres+}"));
	/* Hebrew stays whole letters, in logical order */
	check(wd("כל ילד קורא", "כל ילד וילדה קוראים", "כל ילד [-קורא-]{+וילדה קוראים+}"));
	/* lines are kept */
	check(wd("line one\nline two\n", "line one\nline 2\n", "line one\nline [-two-]{+2+}\n"));
	/* a long text (4,000 words, past the table's size) with one word
	 * added: that word, not the whole text removed and added */
	{
		struct buf a = BUF_INIT, b = BUF_INIT, want = BUF_INIT;
		int i;

		for (i = 0; i < 4000; i++) {
			buf_addf(&a, "w%d ", i);
			buf_addf(&b, i == 2000 ? "new w%d " : "w%d ", i);
			buf_addf(&want, i == 2000 ? "{+new +}w%d " : "w%d ", i);
		}
		check(!buf_failed(&a) && !buf_failed(&b) && !buf_failed(&want));
		check(wd(buf_str(&a), buf_str(&b), buf_str(&want)));
		buf_release(&a);
		buf_release(&b);
		buf_release(&want);
	}
}

/* Typed text's one form: LF line ends, none after one line, one after many. */
void test_text__lines(void)
{
	static const char *const cases[][2] = {
		{ "one\r\ntwo\r\n", "one\ntwo\n" }, { "one\ntwo", "one\ntwo\n" },
		{ "alone\n\n\n", "alone" }, { "a\rb", "a\nb\n" }, { "x\r\n", "x" },
		{ "a\n\n\nb\n\n", "a\n\n\nb\n" }, { "  lead\n", "  lead" }, { "", "" },
		{ "\n\n", "" }, { "\r", "" }, { "tail \r\n", "tail " },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf b = BUF_INIT;

		buf_adds(&b, cases[i][0]);
		text_lines(&b);
		check_str(buf_str(&b), cases[i][1]);
		check(b.len == strlen(cases[i][1]));
		buf_release(&b);
	}
}

void test_text__distance(void)
{
	check(text_distance("vision", "vision") == 0);
	check(text_distance("visoin", "vision") == 1);           /* a swap is one edit */
	check(text_distance("Asia/Jerusalm", "Asia/Jerusalem") == 1);
	check(text_distance("", "abc") == 3);
	check(text_distance("kitten", "sitting") == 3);
	{
		char long_[80];

		memset(long_, 'a', sizeof(long_) - 1);
		long_[sizeof(long_) - 1] = '\0';
		check(text_distance(long_, "a") == (size_t)-1);  /* too long to compare */
	}
}

/* The one rule for a time of day (a meeting's start). */
void test_text__time(void)
{
	check(text_is_time("17:00", 5));
	check(text_is_time("00:00", 5));
	check(text_is_time("23:59:59", 8));
	check(text_is_time("09:05:00", 8));
	check(!text_is_time("18:00:60", 8));   /* a leap second is no start */
	check(!text_is_time("24:00", 5));
	check(!text_is_time("17:60", 5));
	check(!text_is_time("9:00", 4));
	check(!text_is_time("17:00:5", 7));
	check(!text_is_time("17:00:x0", 8));
	check(!text_is_time("17-00", 5));
	check(!text_is_time("", 0));
}
