/*
 * The man pages, from the same tables as --help: `convene help --man
 * COMMAND [FILE]` prints convene-COMMAND(1) as roff, FILE
 * (doc/commands/COMMAND.txt) adding the description, examples and
 * related pages that no table holds; `convene help --man` prints the
 * list of commands that convene(1) splices into doc/convene.1.  The
 * Makefile runs both into build/man/ (scripts/man.sh).
 */
#include <errno.h>
#include <string.h>

#include "cmd.h"
#include "core/roff.h"

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
			roff_escape(b, name, strlen(name), 0);
			if (sub) {
				buf_addc(b, ' ');
				roff_escape(b, sub, strlen(sub), 0);
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
static void options(struct buf *b, const struct opt *o)
{
	char letter[3] = "-x";

	for (; o && o->key; o++) {
		buf_adds(b, ".TP\n");
		if (o->letter) {
			letter[1] = o->letter;
			roff_bold(b, letter);
			if (o->name)
				buf_adds(b, ", ");
		}
		if (o->name) {
			buf_adds(b, "\\fB\\-\\-");
			roff_escape(b, o->name, strlen(o->name), 0);
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

static void page(struct buf *b, const struct cmd *c, const struct man_text *t, const char *version)
{
	const struct help *h = c->help;
	const struct subcmd *s;

	buf_adds(b, ".TH CONVENE\\-");
	upper(b, c->name);
	buf_adds(b, " 1 \"\" \"convene ");
	roff_escape(b, version, strlen(version), 0);
	buf_adds(b, "\" \"convene manual\"\n.SH NAME\nconvene\\-");
	roff_escape(b, c->name, strlen(c->name), 0);
	buf_adds(b, " \\- ");
	roff_escape(b, c->summary, strlen(c->summary), 0);
	buf_adds(b, "\n.SH SYNOPSIS\n.nf\n");
	if (h->subs)
		for (s = h->subs; s->name; s++)
			forms(b, c->name, s->name, s->synopsis);
	else
		forms(b, c->name, NULL, h->synopsis);
	buf_adds(b, ".fi\n.SH DESCRIPTION\n");
	if (h->about)
		roff_paragraphs(b, h->about);
	else {
		buf_adds(b, ".PP\n");
		roff_escape(b, c->summary, strlen(c->summary), 1);
		buf_adds(b, ".\n");
	}
	if (t->description)
		roff_paragraphs(b, t->description);
	if (h->after)
		roff_paragraphs(b, h->after);
	if (h->subs) {
		buf_adds(b, ".SH OPTIONS\n");
		for (s = h->subs; s->name; s++) {
			buf_adds(b, ".SS convene ");
			roff_escape(b, c->name, strlen(c->name), 0);
			buf_addc(b, ' ');
			roff_escape(b, s->name, strlen(s->name), 0);
			buf_addc(b, '\n');
			if (s->opts && s->opts->key)
				options(b, s->opts);
			else
				buf_adds(b, "No options.\n");
		}
	} else if (h->opts && h->opts->key) {
		buf_adds(b, ".SH OPTIONS\n");
		options(b, h->opts);
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

static int slurp(struct buf *out, const char *path)
{
	char chunk[8192];
	size_t n;
	int bad;
	FILE *f = fopen(path, "rb");

	if (!f) {
		fprintf(stderr, "convene: error: cannot open '%s': %s\n", path, strerror(errno));
		return EXIT_USAGE;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	bad = ferror(f);
	fclose(f);
	if (bad) {
		fprintf(stderr, "convene: error: cannot read '%s'\n", path);
		return EXIT_INTERNAL;
	}
	return buf_failed(out) ? out_of_memory() : EXIT_OK;
}

/* The list convene(1) shows: each command, its page and its summary. */
static void index_of_commands(struct buf *b)
{
	const struct cmd *c;

	buf_adds(b, ".PP\nEach command has its page,\n.BR convene\\-\\fICOMMAND\\fR (1):\n");
	for (c = commands; c->name; c++) {
		buf_adds(b, ".TP\n.BR convene\\-");
		roff_escape(b, c->name, strlen(c->name), 0);
		buf_adds(b, " (1)\n");
		roff_escape(b, c->summary, strlen(c->summary), 1);
		buf_addc(b, '\n');
	}
	buf_adds(b, ".PP\nTheir forms, in short:\n");
}

int help_man(const struct cmd *c, const char *file, const char *version)
{
	struct buf text = BUF_INIT, b = BUF_INIT;
	struct man_text t = { NULL, NULL, NULL, NULL };
	int rc = EXIT_OK;

	if (!c) {
		index_of_commands(&b);
	} else {
		if (file && (rc = slurp(&text, file)) != EXIT_OK)
			goto done;
		if (file && man_text_parse(&t, text.ptr ? text.ptr : "", text.len) < 0) {
			rc = out_of_memory();
			goto done;
		}
		page(&b, c, &t, version);
	}
	if (buf_failed(&b))
		rc = out_of_memory();
	else
		rc = put_out(&b);
done:
	man_text_release(&t);
	buf_release(&text);
	buf_release(&b);
	return rc;
}
