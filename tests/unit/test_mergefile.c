/*
 * core/mergefile.c: taking one side of a conflict over a whole file, whose
 * value is that version's text.
 */
#include <string.h>

#include "core/mergefile.h"
#include "tests/unit/unit.h"

/* The scalar value of side n (1-based) of the whole file's !conflict. */
static const struct doc_node *side(const struct doc *d, int n)
{
	const struct doc_node *s = doc_get(d->root, "sides");

	for (s = s ? s->head : NULL; s && --n; s = s->next)
		;
	return s ? doc_get(s, "value") : NULL;
}

#define WHOLE "!conflict\nbase: \"id: w\\nname: W\\n\"\nsides:\n" \
	"- from: here\n  value: \"id: w\\nname: [\\n\"\n" \
	"- from: there\n  value: \"\"\n" \
	"- from: third\n  value: \"id: w\\nname: W3\\n\"\n"

void test_mergefile__a_side_taken_is_loaded_as_yaml(void)
{
	struct doc *d = NULL, *out = NULL;
	struct err err, why;
	int ok;

	ok = doc_load(&d, WHOLE, strlen(WHOLE), &err) == 0 && side(d, 3) &&
	     merge_file_side(&out, side(d, 3), "members/w.yaml", &why, &err) == 0 && out &&
	     out->root && out->root->kind == DOC_MAP && !why.code &&
	     !strcmp(doc_get(out->root, "name")->str, "W3");
	doc_free(out);
	doc_free(d);
	check(ok);
}

void test_mergefile__a_side_that_is_not_yaml_is_refused_with_why(void)
{
	struct doc *d = NULL, *out = NULL;
	struct err err, why;
	int ok;

	ok = doc_load(&d, WHOLE, strlen(WHOLE), &err) == 0 && side(d, 1) &&
	     merge_file_side(&out, side(d, 1), "members/w.yaml", &why, &err) == ERR_DATA && !out &&
	     why.code == ERR_DATA && why.line == 3 && why.col == 1;
	doc_free(d);
	check(ok);
	check_str(err.msg, "cannot take that side of members/w.yaml as it is");
	check_str(err.hint, "take another side, or mend the text by hand: convene edit members/w.yaml");
}

void test_mergefile__an_empty_side_is_refused(void)
{
	struct doc *d = NULL, *out = NULL;
	struct err err, why;
	int ok;

	ok = doc_load(&d, WHOLE, strlen(WHOLE), &err) == 0 && side(d, 2) &&
	     merge_file_side(&out, side(d, 2), "members/w.yaml", &why, &err) == ERR_DATA && !out &&
	     !why.code;
	doc_free(d);
	check(ok);
	check_str(err.msg, "that side of members/w.yaml is an empty file");
}
