/* Unit tests of the JSON writer (core/json.c). */
#include <string.h>

#include "core/json.h"
#include "tests/unit/unit.h"

static int is(struct buf *b, const char *want)
{
	int ok = !buf_failed(b) && b->len == strlen(want) && !memcmp(b->ptr, want, b->len);

	b->len = 0;
	return ok;
}

void test_json__lines_layout(void)
{
	struct buf b = BUF_INIT;
	struct json_w w;

	jw_init(&w, &b);
	jw_lines(&w, NULL);
	jw_end(&w);
	check(is(&b, "[]"));

	jw_lines(&w, NULL);
	jw_object(&w, NULL);
	jw_str(&w, "a", "שלום \"x\"");
	jw_opt(&w, "site", "");
	jw_uint(&w, "n", 3);
	jw_end(&w);
	jw_object(&w, NULL);
	jw_bool(&w, "merge", 1);
	jw_array(&w, "v");
	jw_int(&w, NULL, -2);
	jw_null(&w, NULL);
	jw_end(&w);
	jw_end(&w);
	jw_end(&w);
	check(is(&b, "[\n {\"a\":\"שלום \\\"x\\\"\",\"site\":null,\"n\":3},\n {\"merge\":true,\"v\":[-2,null]}\n]"));
	check(w.depth == 0);
	buf_release(&b);
}

void test_json__nested_lines_indent(void)
{
	struct buf b = BUF_INIT;
	struct json_w w;

	jw_init(&w, &b);
	jw_object(&w, NULL);
	jw_uint(&w, "files", 2);
	jw_lines(&w, "problems");
	jw_object(&w, NULL);
	jw_str(&w, "file", "x.yaml");
	jw_end(&w);
	jw_end(&w);
	jw_end(&w);
	jw_end(&w);  /* one too many: ignored */
	check(is(&b, "{\"files\":2,\"problems\":[\n  {\"file\":\"x.yaml\"}\n]}"));
	buf_release(&b);
}

void test_json__lines_at_fixed_indent(void)
{
	struct buf b = BUF_INIT;
	struct json_w w;

	jw_init(&w, &b);
	jw_object(&w, NULL);
	jw_uint(&w, "n", 1);
	jw_lines_at(&w, "q", 1);
	jw_object(&w, NULL);
	jw_array(&w, "a");
	jw_str(&w, NULL, "x");
	jw_str(&w, NULL, "y");
	jw_end(&w);
	jw_end(&w);
	jw_int(&w, NULL, 2);
	jw_end(&w);
	jw_lines_at(&w, "z", 3);
	jw_end(&w);
	jw_lines_at(&w, "zero", 0);
	jw_null(&w, NULL);
	jw_end(&w);
	jw_end(&w);
	check(is(&b, "{\"n\":1,\"q\":[\n {\"a\":[\"x\",\"y\"]},\n 2\n],\"z\":[],\"zero\":[\n null\n]}"));
	check(w.depth == 0);
	buf_release(&b);
}

void test_json__too_deep_fails(void)
{
	struct buf b = BUF_INIT;
	struct json_w w;
	int i;

	jw_init(&w, &b);
	for (i = 0; i < JSON_DEPTH; i++)
		jw_array(&w, NULL);
	check(!buf_failed(&b));
	jw_array(&w, NULL);  /* one deeper than the writer keeps */
	check(buf_failed(&b));
	buf_release(&b);
}
