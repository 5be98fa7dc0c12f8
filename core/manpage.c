/*
 * The sections of a man page (manpage.h): NAME, SYNOPSIS, DESCRIPTION,
 * OPTIONS, EXAMPLES, EXIT STATUS, SEE ALSO, and the index of commands.
 */
#include <string.h>

#include "manpage.h"

/* The README's exit codes, as every page ends. */
static const char exit_status[] =
	".SH EXIT STATUS\n"
	".TP\n0\nok\n"
	".TP\n1\nthe data has problems (invalid files, unresolved conflicts), or a value\n"
	"names what the initiative does not have\n"
	".TP\n2\nusage: an unknown option, a value of the wrong form\n"
	".TP\n3\nthe remote cannot be reached; local work is kept\n"
	".TP\n4\nrefused: a hook said no, or the edit lock is held\n"
	".TP\n5\nan internal or repository error\n";

static void esc(struct buf *b, const char *s)
{
	roff_escape(b, s, strlen(s), 0);
}

/* "convene NAME [SUB] form" for each form of a synopsis, a line that
 * starts with a space going on under the form above it. */
static void forms(struct buf *b, const char *name, const char *sub, const char *synopsis)
{
	const char *p = synopsis ? synopsis : "", *nl;
	size_t width = strlen("convene ") + strlen(name) + (sub ? strlen(sub) + 1 : 0) + 1;

	do {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		if (*p == ' ') {
			buf_addf(b, "%*s", (int)width, "");
			roff_escape(b, p + 1, (size_t)(nl - p - 1), 0);
		} else {
			buf_adds(b, "\\fBconvene ");
			esc(b, name);
			if (sub) {
				buf_addc(b, ' ');
				esc(b, sub);
			}
			buf_adds(b, "\\fR");
			if (nl > p)
				buf_addc(b, ' ');
			roff_escape(b, p, (size_t)(nl - p), 0);
		}
		buf_addc(b, '\n');
		p = *nl ? nl + 1 : nl;
	} while (*p);
}

/* Each option as a .TP: "\fB\-q\fR, \fB\-\-quiet\fR \fIARG\fR", which
 * reads as `help --options` prints it once the fonts are taken out. */
static void options(struct buf *b, const struct man_opt *o, size_t n)
{
	char letter[3] = "-x";
	size_t i;

	for (i = 0; i < n; i++, o++) {
		buf_adds(b, ".TP\n");
		if (o->letter) {
			letter[1] = o->letter;
			roff_bold(b, letter);
			if (o->name)
				buf_adds(b, ", ");
		}
		if (o->name) {
			buf_adds(b, "\\fB\\-\\-");
			esc(b, o->name);
			buf_adds(b, "\\fR");
		}
		if (o->arg) {
			buf_addc(b, ' ');
			roff_italic(b, o->arg);
		}
		buf_addc(b, '\n');
		roff_escape(b, o->help, strlen(o->help), 1);
		buf_addc(b, '\n');
	}
}

static void upper(struct buf *b, const char *s)
{
	char up[2] = "x";

	for (; *s; s++) {
		up[0] = *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A') : *s;
		roff_escape(b, up, 1, 0);
	}
}

void manpage_write(struct buf *b, const struct man_page *p, const struct man_text *t)
{
	size_t i;

	buf_adds(b, ".TH CONVENE\\-");
	upper(b, p->name);
	buf_adds(b, " 1 \"\" \"convene ");
	esc(b, p->version);
	buf_adds(b, "\" \"convene manual\"\n.SH NAME\nconvene\\-");
	esc(b, p->name);
	buf_adds(b, " \\- ");
	esc(b, p->summary);
	buf_adds(b, "\n.SH SYNOPSIS\n.nf\n");
	for (i = 0; i < p->nforms; i++)
		forms(b, p->name, p->forms[i].sub, p->forms[i].synopsis);
	buf_adds(b, ".fi\n.SH DESCRIPTION\n");
	if (p->about)
		roff_paragraphs(b, p->about);
	else {
		buf_adds(b, ".PP\n");
		roff_escape(b, p->summary, strlen(p->summary), 1);
		buf_adds(b, ".\n");
	}
	if (t->description)
		roff_paragraphs(b, t->description);
	if (p->after)
		roff_paragraphs(b, p->after);
	if (p->subcommands) {
		buf_adds(b, ".SH OPTIONS\n");
		for (i = 0; i < p->nforms; i++) {
			buf_adds(b, ".SS convene ");
			esc(b, p->name);
			buf_addc(b, ' ');
			esc(b, p->forms[i].sub);
			buf_addc(b, '\n');
			if (p->forms[i].nopts)
				options(b, p->forms[i].opts, p->forms[i].nopts);
			else
				buf_adds(b, "No options.\n");
		}
	} else if (p->nopts) {
		buf_adds(b, ".SH OPTIONS\n");
		options(b, p->opts, p->nopts);
	}
	if (t->examples) {
		buf_adds(b, ".SH EXAMPLES\n");
		roff_paragraphs(b, t->examples);
	}
	buf_adds(b, exit_status);
	buf_adds(b, ".SH SEE ALSO\n");
	roff_see_also(b, t->see_also ? t->see_also : "");
	if (t->see_also)
		buf_adds(b, ".PP\n");
	buf_adds(b, ".BR convene (1)\n");
}

void manpage_index(struct buf *b, const struct man_entry *v, size_t n)
{
	size_t i;

	buf_adds(b, ".PP\nEach command has its page,\n.BR convene\\-\\fICOMMAND\\fR (1):\n");
	for (i = 0; i < n; i++) {
		buf_adds(b, ".TP\n.BR convene\\-");
		esc(b, v[i].name);
		buf_adds(b, " (1)\n");
		roff_escape(b, v[i].summary, strlen(v[i].summary), 1);
		buf_addc(b, '\n');
	}
	buf_adds(b, ".PP\nTheir forms, in short:\n");
}
