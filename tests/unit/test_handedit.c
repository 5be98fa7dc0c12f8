/* core/handedit.c: checking a file saved by hand, and the errors on top. */
#include <string.h>

#include "core/handedit.h"
#include "tests/unit/unit.h"

static void check_of(struct diags *d, const char *file, const char *text, struct doc **doc)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, text);
	handedit_check(d, file, &b, NULL, doc);
	buf_release(&b);
}

void test_handedit__check_parse_error(void)
{
	struct diags d = { 0 };
	struct doc *doc = (struct doc *)1;

	check_of(&d, "members/dana.yaml", "id: dana\nname: [x\n", &doc);
	check(!doc);
	check(d.n == 1 && d.errors == 1 && d.v[0].level == DIAG_ERROR);
	check_str(d.v[0].file, "members/dana.yaml");
	check(d.v[0].line > 0);
	diags_release(&d);
}

void test_handedit__check_comments_and_schema(void)
{
	struct diags d = { 0 };
	struct doc *doc;

	/* the comment and the missing name, in the order of the file */
	check_of(&d, "members/dana.yaml", "id: dana\n# who\nrole: x\n", &doc);
	check(doc);
	check(d.errors >= 2);
	check(d.v[0].line <= d.v[d.n - 1].line);
	{
		size_t i, comment = d.n;

		for (i = 0; i < d.n; i++)
			if (strstr(d.v[i].msg, "comments are not kept"))
				comment = i;
		check(comment < d.n && d.v[comment].line == 2);
	}
	doc_free(doc);
	diags_release(&d);

	check_of(&d, "members/dana.yaml", "id: dana\nname: Dana\n", &doc);
	check(doc && d.errors == 0);
	doc_free(doc);
	diags_release(&d);
}

void test_handedit__header_round_trip(void)
{
	struct diags d = { 0 };
	struct buf text = BUF_INIT, shown = BUF_INIT;

	diags_add(&d, "members/dana.yaml", 3, 5, DIAG_ERROR, "bad");
	diags_add(&d, "members/dana.yaml", 4, 1, DIAG_WARNING, "odd");
	diags_add(&d, "members/dana.yaml", 7, 2, DIAG_ERROR, "worse");
	buf_adds(&text, "id: dana\n");
	handedit_header(&shown, "members/dana.yaml", &d, 2, &text);
	/* lines move down by the 4 lines on top; warnings are not listed */
	check_str(buf_str(&shown),
		  "# convene: members/dana.yaml has 2 errors; fix them, save and quit (save it unchanged to give up)\n"
		  "# convene: line 7, column 5: bad\n"
		  "# convene: line 11, column 2: worse\n"
		  "# convene: \n"
		  "id: dana\n");
	handedit_strip_header(&shown);
	check_str(buf_str(&shown), "id: dana\n");
	diags_release(&d);

	diags_add(&d, "f", 1, 1, DIAG_ERROR, "x");
	buf_reset(&shown);
	handedit_header(&shown, "f", &d, 1, &text);
	check(strstr(buf_str(&shown), "has 1 error;"));
	diags_release(&d);
	buf_release(&text);
	buf_release(&shown);
}

void test_handedit__strip_only_on_top(void)
{
	struct buf b = BUF_INIT;

	/* a header line below the text is the user's, and a last line
	 * without its newline goes too */
	buf_adds(&b, "# convene: a\nid: x\n# convene: b\n");
	handedit_strip_header(&b);
	check_str(buf_str(&b), "id: x\n# convene: b\n");
	buf_reset(&b);
	buf_adds(&b, "# convene: only");
	handedit_strip_header(&b);
	check(b.len == 0);
	check_str(buf_str(&b), "");
	buf_release(&b);
	handedit_strip_header(&b);  /* an empty buffer has no memory yet */
	check(b.len == 0);
}
