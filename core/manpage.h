/*
 * A command's man page as roff (convene-COMMAND(1)), and the list of
 * commands convene(1) shows: the sections built from what the command
 * tables hold (cmd/man.c fills struct man_page from them) and the page's
 * text (struct man_text, core/roff.h).  Every function appends to out
 * (core/buf.h: check buf_failed() once); the structs are the caller's.
 */
#ifndef CONVENE_MANPAGE_H
#define CONVENE_MANPAGE_H

#include <stddef.h>

#include "buf.h"
#include "roff.h"

/* One option: -letter (or 0), --name (or NULL), its ARG (NULL: a flag). */
struct man_opt {
	char letter;
	const char *name, *arg, *help;
};

/* One form of the synopsis: "convene NAME [SUB] synopsis" (lines of the
 * synopsis that start with a space go on under the form above), with
 * the options of a subcommand. */
struct man_form {
	const char *sub;               /* NULL for a command with no subcommands */
	const char *synopsis;
	const struct man_opt *opts;
	size_t nopts;
};

struct man_page {
	const char *name, *summary, *version;
	const char *about, *after;     /* paragraphs, or NULL */
	const struct man_form *forms;
	size_t nforms;
	int subcommands;               /* forms are subcommands, each with its options */
	const struct man_opt *opts;    /* a command without subcommands */
	size_t nopts;
};

/* The page of p, its text from t (fields may be NULL). */
void manpage_write(struct buf *out, const struct man_page *p, const struct man_text *t);

/* The index convene(1) splices in: each command's page and summary. */
struct man_entry {
	const char *name, *summary;
};
void manpage_index(struct buf *out, const struct man_entry *v, size_t n);

#endif
