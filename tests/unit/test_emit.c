/* Unit tests of the canonical emitter (core/emit.c) and the number form. */
#include <string.h>

#include "core/doc.h"
#include "tests/unit/unit.h"

/* Text that YAML readers misread when it is written carelessly: every
 * 1.1 and 1.2 spelling of a boolean, null, number, date and time stamp,
 * syntax at the start and inside, quotes, spaces at the ends, Unicode
 * line separators, emoji, CR LF, multi-line text of every ending. */
static const char *const tricky[] = {
	"007", "0x1F", "1e3", ".5", "+12", ".inf", ".NaN", "0o17", "yes", "no", "on", "off", "y",
	"n", "~", "null", "Null", "true", "False", "2026-02-01", "2026-02-30", "2026-2-1 10:00:00",
	"2026-02-01T17:05:00+02:00", "17:00", "1:30:00", "1_000", "=", "<<", "see item #3", "a #b",
	"a: b", "a:b", "- x", "-x", "? x", "?x", ": x", ":x", "#x", "%x", "@x", "`x", "!x", "&x",
	"*x", "|x", ">x", "'x", "\"x", "[x", "]x", "{x", "}x", ",x", "x,y", "---", "...", "--- x",
	"a'b", "a\"b", "a\\b", " lead", "trail ", " ", "  ", "", "line\342\200\250sep",
	"para\342\200\251x", "nel\302\205x", "bom\357\273\277x",
	"\360\237\216\211 \327\251\327\234\327\225\327\235",
	"\360\237\221\251\342\200\215\360\237\217\253",
	"\327\251\327\234\327\225\327\235 #5 \360\237\216\211", "tab\there", "cr\rx",
	"one\r\ntwo\r\n", "one\ntwo\n", "one\ntwo", "one\ntwo\n\n", "\nlead", "  indented\nsecond\n",
	"trail \nx\n", "x\n  y\n", "\n", "a\n\nb\n", "nbsp\302\240x", "x\342\200\250", NULL
};

/*
 * Each tricky text as a value, an item of a list and a key: the bytes load
 * back as the same text (a string, never a number or a date), and emit
 * again to the same bytes.
 */
void test_emit__tricky_text_reads_back(void)
{
	size_t i;

	for (i = 0; tricky[i]; i++) {
		struct doc *d = doc_new(), *again = NULL;
		struct doc_node *m = doc_map(d), *seq = doc_seq(d), *v, *k;
		struct buf a = BUF_INIT, b = BUF_INIT;
		size_t len = strlen(tricky[i]);
		struct err err;

		d->root = m;
		doc_map_append(m, doc_scalar(d, "v", 1, DOC_PLAIN), doc_scalar(d, tricky[i], len, 0));
		doc_seq_append(seq, doc_scalar(d, tricky[i], len, 0));
		doc_map_append(m, doc_scalar(d, "s", 1, DOC_PLAIN), seq);
		doc_map_append(m, doc_scalar(d, tricky[i], len, 0), doc_scalar(d, "1", 1, DOC_PLAIN));
		if (doc_emit(&a, d) < 0 || doc_load(&again, a.ptr, a.len, &err) < 0) {
			printf("  text %zu does not round-trip:\n%s\n", i, buf_str(&a));
			check(0);
		}
		v = doc_get(again->root, "v");
		k = again->root->tail->key;
		if (!doc_is_str(v) || v->len != len || memcmp(v->str, tricky[i], len) ||
		    !doc_is_str(doc_get(again->root, "s")->head) ||
		    strcmp(doc_get(again->root, "s")->head->str, tricky[i]) ||
		    k->len != len || memcmp(k->str, tricky[i], len)) {
			printf("  text %zu reads back as something else:\n%s\n", i, buf_str(&a));
			check(0);
		}
		check(doc_emit(&b, again) == 0);
		check_str(buf_str(&b), buf_str(&a));
		buf_release(&a);
		buf_release(&b);
		doc_free(again);
		doc_free(d);
	}
}

/* The style each kind of text gets: plain where readers agree, quotes
 * where they would not, Hebrew and emoji as they are. */
void test_emit__quoting_rule(void)
{
	static const char *const cases[][2] = {
		{ "plain text", "plain text" }, { "שלום 🎉", "שלום 🎉" },
		{ "007", "\"007\"" }, { "yes", "\"yes\"" }, { "2026-02-01", "\"2026-02-01\"" },
		{ "17:00", "\"17:00\"" }, { "", "\"\"" }, { "see item #3", "'see item #3'" },
		{ "it's: here", "'it''s: here'" }, { " lead", "\" lead\"" },
		{ "line\xe2\x80\xa8sep", "\"line\\Lsep\"" }, { "tab\there", "\"tab\\there\"" },
		{ "a\\b \"q\"", "a\\b \"q\"" }, { "cr\rx", "\"cr\\rx\"" },
		{ "one\ntwo\n", "|\n  one\n  two\n" }, { "one\ntwo", "|-\n  one\n  two\n" },
		{ "one\n\n", "|+\n  one\n\n" }, { " one\ntwo\n", "|2\n   one\n  two\n" },
		{ "end \nx\n", "\"end \\nx\\n\"" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct doc *d = doc_new();
		struct buf b = BUF_INIT, want = BUF_INIT;

		d->root = doc_map(d);
		doc_map_append(d->root, doc_scalar(d, "k", 1, DOC_PLAIN),
			       doc_scalar(d, cases[i][0], strlen(cases[i][0]), 0));
		check(doc_emit(&b, d) == 0);
		buf_addf(&want, "k: %s%s", cases[i][1], cases[i][1][0] == '|' ? "" : "\n");
		check_str(buf_str(&b), buf_str(&want));
		buf_release(&b);
		buf_release(&want);
		doc_free(d);
	}
}

/* A date typed as a date (plain) stays plain; typed as text, it is quoted. */
void test_emit__dates_plain_only_when_plain(void)
{
	struct doc *d = doc_new();
	struct buf b = BUF_INIT;

	d->root = doc_map(d);
	doc_map_append(d->root, doc_scalar(d, "date", 4, DOC_PLAIN),
		       doc_scalar(d, "2026-02-01", 10, DOC_PLAIN));
	doc_map_append(d->root, doc_scalar(d, "at", 2, DOC_PLAIN),
		       doc_scalar(d, "2026-02-01T17:05:00+02:00", 25, DOC_PLAIN));
	doc_map_append(d->root, doc_scalar(d, "vision", 6, DOC_PLAIN),
		       doc_scalar(d, "2026-02-01", 10, 0));
	check(doc_emit(&b, d) == 0);
	check_str(buf_str(&b), "date: 2026-02-01\nat: 2026-02-01T17:05:00+02:00\nvision: \"2026-02-01\"\n");
	buf_release(&b);
	doc_free(d);
}

/* The one form of a number; what has none is refused. */
void test_emit__number_canonical_form(void)
{
	static const char *const ok[][2] = {
		{ "7", "7" }, { "007", "7" }, { "+12", "12" }, { "-0", "0" }, { "-12", "-12" },
		{ ".5", "0.5" }, { "1.", "1.0" }, { "1.50", "1.5" }, { "01.5", "1.5" },
		{ "1e3", "1000.0" }, { "1.5E+3", "1500.0" }, { "1e-3", "0.001" },
		{ "-2.5e-2", "-0.025" }, { "0.0", "0.0" }, { "-0.0", "0.0" }, { "1000", "1000" },
	};
	static const char *const refused[] = {
		"0x1F", "0o17", ".inf", "-.inf", ".NaN", "1e999", "1e31", "abc", "", "1.2.3", "1e", NULL
	};
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		buf_reset(&b);
		check(doc_number_canon(&b, ok[i][0], strlen(ok[i][0])) == 0);
		check_str(buf_str(&b), ok[i][1]);
	}
	for (i = 0; refused[i]; i++) {
		buf_reset(&b);
		if (doc_number_canon(&b, refused[i], strlen(refused[i])) == 0) {
			printf("  '%s' got a form: %s\n", refused[i], buf_str(&b));
			check(0);
		}
		check(b.len == 0);
	}
	buf_release(&b);
}

/* A key longer than an implicit key may be is written as "? key": it
 * loads back, with any kind of value. */
void test_emit__long_keys(void)
{
	static const char *const values[] = { "v: x\n", "v:\n- a\n- b\n", "v:\n  a: 1\n", "v: |\n  a\n  b\n" };
	struct buf key = BUF_INIT;
	size_t i;

	for (i = 0; i < 200; i++)
		buf_adds(&key, "אב ");
	buf_adds(&key, "#1");
	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		struct doc *v, *d = doc_new(), *again;
		struct buf a = BUF_INIT, b = BUF_INIT;
		struct err err;

		check(doc_load(&v, values[i], strlen(values[i]), &err) == 0);
		d->root = doc_map(d);
		doc_map_append(d->root, doc_scalar(d, key.ptr, key.len, 0), doc_copy(d, v->root->head));
		check(doc_emit(&a, d) == 0);
		check(!strncmp(buf_str(&a), "? ", 2));
		if (doc_load(&again, a.ptr, a.len, &err) < 0) {
			printf("  %u:%u %s\n%s\n", err.line, err.col, err.msg, buf_str(&a));
			check(0);
		}
		check(doc_equal(d->root, again->root));
		check(doc_emit(&b, again) == 0);
		check_str(buf_str(&b), buf_str(&a));
		doc_free(again);
		doc_free(v);
		doc_free(d);
		buf_release(&a);
		buf_release(&b);
	}
	buf_release(&key);
}
