/* core/manpage.c: a command's man page and the index of commands. */
#include <string.h>

#include "core/manpage.h"
#include "unit.h"

void test_manpage__plain_command(void)
{
	static const struct man_opt o[] = {
		{ 'q', "quiet", NULL, "say less" },
		{ 0, "by", "MEMBER", "who wrote it" },
	};
	struct man_form f = { NULL, "[--by MEMBER] TEXT\n more", NULL, 0 };
	struct man_page p = { "note", "add a note", "1.0", NULL, ".lead dot", &f, 1, 0, o, 2 };
	struct man_text t = { NULL, NULL, "  $ convene note x", "git(1)" };
	struct buf b = BUF_INIT;

	manpage_write(&b, &p, &t);
	check(!buf_failed(&b));
	check_str(buf_str(&b),
		  ".TH CONVENE\\-NOTE 1 \"\" \"convene 1.0\" \"convene manual\"\n"
		  ".SH NAME\nconvene\\-note \\- add a note\n"
		  ".SH SYNOPSIS\n.nf\n"
		  "\\fBconvene note\\fR [\\-\\-by MEMBER] TEXT\n"
		  "             more\n"
		  ".fi\n.SH DESCRIPTION\n.PP\nadd a note.\n"
		  ".PP\n\\&.lead dot\n"
		  ".SH OPTIONS\n"
		  ".TP\n\\fB\\-q\\fR, \\fB\\-\\-quiet\\fR\nsay less\n"
		  ".TP\n\\fB\\-\\-by\\fR \\fIMEMBER\\fR\nwho wrote it\n"
		  ".SH EXAMPLES\n.PP\n.EX\n$ convene note x\n.EE\n"
		  ".SH EXIT STATUS\n"
		  ".TP\n0\nok\n"
		  ".TP\n1\nthe data has problems (invalid files, unresolved conflicts), or a value\n"
		  "names what the initiative does not have\n"
		  ".TP\n2\nusage: an unknown option, a value of the wrong form\n"
		  ".TP\n3\nthe remote cannot be reached; local work is kept\n"
		  ".TP\n4\nrefused: a hook said no, or the edit lock is held\n"
		  ".TP\n5\nan internal or repository error\n"
		  ".SH SEE ALSO\n.BR git (1)\n.PP\n.BR convene (1)\n");
	buf_release(&b);
}

void test_manpage__subcommands(void)
{
	static const struct man_opt o[] = { { 'n', "no-commit", NULL, "stage it" } };
	const struct man_form f[] = {
		{ "add", "NAME", o, 1 },
		{ "list", "", NULL, 0 },
	};
	struct man_page p = { "sub-group", "groups", "2", "About.", NULL, f, 2, 1, NULL, 0 };
	struct man_text t = { NULL, "More.", NULL, NULL };
	struct buf b = BUF_INIT;
	const char *s;

	manpage_write(&b, &p, &t);
	s = buf_str(&b);
	check(!strncmp(s, ".TH CONVENE\\-SUB\\-GROUP 1 ", 26));
	check(strstr(s, ".SH SYNOPSIS\n.nf\n\\fBconvene sub\\-group add\\fR NAME\n"
		     "\\fBconvene sub\\-group list\\fR\n.fi\n") != NULL);
	check(strstr(s, ".SH DESCRIPTION\n.PP\nAbout.\n.PP\nMore.\n.SH OPTIONS\n"
		     ".SS convene sub\\-group add\n.TP\n\\fB\\-n\\fR, \\fB\\-\\-no\\-commit\\fR\nstage it\n"
		     ".SS convene sub\\-group list\nNo options.\n.SH EXIT STATUS\n") != NULL);
	check(strstr(s, ".SH SEE ALSO\n.BR convene (1)\n") != NULL);
	check(!strstr(s, ".SH EXAMPLES"));
	buf_release(&b);
}

void test_manpage__index(void)
{
	const struct man_entry v[] = { { "log", "show the log" }, { "merge-file", ".odd" } };
	struct buf b = BUF_INIT;

	manpage_index(&b, v, 2);
	check_str(buf_str(&b), ".PP\nEach command has its page,\n.BR convene\\-\\fICOMMAND\\fR (1):\n"
		  ".TP\n.BR convene\\-log (1)\nshow the log\n"
		  ".TP\n.BR convene\\-merge\\-file (1)\n\\&.odd\n"
		  ".PP\nTheir forms, in short:\n");
	buf_release(&b);
}
