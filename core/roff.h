/*
 * roff for the man pages (cmd/man.c): text escaped so that groff prints
 * it as written, paragraphs, and the page text of doc/commands/NAME.txt.
 * Every function appends to out (core/buf.h: check buf_failed() once).
 */
#ifndef CONVENE_ROFF_H
#define CONVENE_ROFF_H

#include <stddef.h>

#include "buf.h"

/*
 * s[0..len) on one roff line: '\' as \e, every '-' as \- (option names
 * and commands are typed: a hyphen would print as U+2010), '\n' as a
 * space; a '.' or '\'' that would start the line (at_start) gets \& in
 * front, so it is never read as a request.
 */
void roff_escape(struct buf *out, const char *s, size_t len, int at_start);
/* roff_escape() of a string in \fB...\fR (bold) or \fI...\fR (italic). */
void roff_bold(struct buf *out, const char *s);
void roff_italic(struct buf *out, const char *s);

/*
 * Text as man paragraphs: paragraphs are separated by blank lines, each
 * begins with .PP; a paragraph whose lines start with a space is shown
 * as typed (.EX/.EE, its common indent removed), the others are filled.
 * No blank line is written (groff would print it).
 */
void roff_paragraphs(struct buf *out, const char *text);

/*
 * The text a command's page adds to its tables (doc/commands/NAME.txt):
 * the description, then a line "EXAMPLES" and the examples, then a line
 * "SEE ALSO" and page names ("convene-notes git-remote(1)"), each part
 * optional.  The fields point into a copy owned by the struct;
 * man_text_release() frees it.  NULL fields: the part is not there.
 */
struct man_text {
	char *copy;
	const char *description, *examples, *see_also;
};
int man_text_parse(struct man_text *out, const char *text, size_t len);
void man_text_release(struct man_text *t);

/* Each name of a SEE ALSO line as ".BR name (1)," lines; a name with its
 * section ("git(1)") keeps it.  The last has no comma. */
void roff_see_also(struct buf *out, const char *names);

#endif
