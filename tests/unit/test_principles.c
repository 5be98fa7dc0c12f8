/* Unit tests of the guiding principles (core/principles.c): the rows
 * principle list shows, the ids principle add makes. */
#include <string.h>

#include "core/doc.h"
#include "core/principles.h"
#include "core/text.h"
#include "tests/unit/unit.h"

void test_principles__rows_in_file_order(void)
{
	static const char yaml[] =
		"name: x\n"
		"principles:\n"
		"- id: listen\n  text: להקשיב קודם\n"
		"- text: no id\n"
		"- id: data\n  text: Data, not anecdotes\n";
	struct principles p = { 0 };
	struct doc *doc;
	struct err err;

	check(doc_load(&doc, yaml, strlen(yaml), &err) == 0);
	check(principles_read(&p, doc) == 0);
	check(p.n == 3);
	check_str(p.v[0].id, "listen");
	check_str(p.v[0].text, "להקשיב קודם");
	check(p.v[1].id == NULL);
	check_str(p.v[1].text, "no id");
	check_str(p.v[2].id, "data");
	principles_release(&p);
	check(p.n == 0 && !p.v);
	doc_free(doc);
}

void test_principles__none(void)
{
	const char *files[] = { "name: x\n", "name: x\nprinciples: none\n", "name: x\nprinciples: []\n" };
	struct principles p = { 0 };
	struct doc *doc;
	struct err err;
	size_t i;

	for (i = 0; i < 3; i++) {
		check(doc_load(&doc, files[i], strlen(files[i]), &err) == 0);
		check(principles_read(&p, doc) == 0);
		check(p.n == 0);
		principles_release(&p);
		doc_free(doc);
	}
}

void test_principles__new_id(void)
{
	char a[16], b[16];

	check(principles_new_id(a, sizeof(a)) == 0);
	check(principles_new_id(b, sizeof(b)) == 0);
	check(strlen(a) == 10 && !strncmp(a, "p-", 2) && text_is_id(a));
	check(strspn(a + 2, "0123456789abcdef") == 8);
	check(strcmp(a, b) != 0);
}
