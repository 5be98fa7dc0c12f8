/* core/roff.c: escaping for man pages, paragraphs, the pages' text files. */
#include <string.h>

#include "core/roff.h"
#include "unit.h"

static const char *esc(struct buf *b, const char *s, int at_start)
{
	buf_reset(b);
	roff_escape(b, s, strlen(s), at_start);
	return buf_str(b);
}

void test_roff__escape(void)
{
	struct buf b = BUF_INIT;

	check_str(esc(&b, "--by MEMBER", 0), "\\-\\-by MEMBER");
	check_str(esc(&b, "a\\b", 0), "a\\eb");
	check_str(esc(&b, ".hidden", 1), "\\&.hidden");
	check_str(esc(&b, "'quoted'", 1), "\\&'quoted'");
	check_str(esc(&b, ".mid", 0), ".mid");
	check_str(esc(&b, "two\nlines", 0), "two lines");
	check_str(esc(&b, "עברית - כן", 0), "עברית \\- כן");
	buf_release(&b);
}

void test_roff__paragraphs(void)
{
	struct buf b = BUF_INIT;

	roff_paragraphs(&b, "One line,\n.then a dot.\n\n\n  $ convene note 2 x \"a\"\n    more\n\nlast");
	check_str(buf_str(&b), ".PP\nOne line,\n\\&.then a dot.\n"
		  ".PP\n.EX\n$ convene note 2 x \"a\"\n  more\n.EE\n"
		  ".PP\nlast\n");
	buf_reset(&b);
	roff_paragraphs(&b, "");
	check_str(buf_str(&b), "");
	buf_release(&b);
}

void test_roff__man_text(void)
{
	struct man_text t;
	const char *text = "\nWhat it does.\n\nMore.\n\nEXAMPLES\n\nA note:\n\n  convene note 2 x y\n\n"
			   "SEE ALSO\nconvene-notes git(1)\n";

	check(man_text_parse(&t, text, strlen(text)) == 0);
	check_str(t.description, "What it does.\n\nMore.");
	check_str(t.examples, "A note:\n\n  convene note 2 x y");
	check_str(t.see_also, "convene-notes git(1)");
	man_text_release(&t);

	check(man_text_parse(&t, "EXAMPLES\n  x\n", 12) == 0);
	check(t.description == NULL);
	check_str(t.examples, "  x");
	check(t.see_also == NULL);
	man_text_release(&t);

	check(man_text_parse(&t, "Only this.\n", 11) == 0);
	check_str(t.description, "Only this.");
	check(t.examples == NULL);
	man_text_release(&t);
}

void test_roff__see_also(void)
{
	struct buf b = BUF_INIT;

	roff_see_also(&b, "convene-notes git-remote(1)");
	check_str(buf_str(&b), ".BR convene\\-notes (1),\n.BR git\\-remote (1)\n");
	buf_release(&b);
}
