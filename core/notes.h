/*
 * What `convene notes M` reads: the agenda items it goes through and the
 * lines typed into it ("/action TEXT @OWNER due:DATE", "/go ITEM",
 * "/attend a b").  Pure: cmd/notes.c loads the meeting, asks here what a
 * line says, and does it.
 *
 * Ownership: struct notes_agenda owns its items and their strings until
 * notes_agenda_release().  The parsers below cut the caller's line in
 * place and return pointers into it: nothing they return is allocated.
 */
#ifndef CONVENE_NOTES_H
#define CONVENE_NOTES_H

#include <stddef.h>

#include "doc.h"

struct notes_item {
	char *id, *title, *prompt;   /* title "" when absent, prompt NULL */
};

struct notes_agenda {
	struct notes_item *v;
	size_t n;        /* the items that have an id */
	size_t listed;   /* the entries of agenda:, with an id or not */
};

/* The agenda items of a meeting (the root of its file) that have an id,
 * in order; an item whose strings cannot be copied is left out.  Returns
 * 0 (listed 0: the meeting has no agenda), or ERR_NOMEM. */
int notes_agenda(struct notes_agenda *out, const struct doc_node *root);
void notes_agenda_release(struct notes_agenda *a);

/* The index of the item a person names (/go ITEM): its number, 1 to n,
 * or else its id; -1 when it names none. */
int notes_find_item(const struct notes_agenda *a, const char *arg);

enum notes_command {
	NOTES_QUIT, NOTES_NEXT, NOTES_PREV, NOTES_GO, NOTES_ITEMS, NOTES_SHOW,
	NOTES_DECIDE, NOTES_ACTION, NOTES_ATTEND, NOTES_HELP, NOTES_UNKNOWN
};

/* The command of a line that starts with '/' ("/go opening"): the line
 * is cut after its first word (so line is the command's name, as the
 * unknown command's message quotes it) and *arg is what follows, leading
 * spaces skipped ("" when nothing does). */
enum notes_command notes_command(char *line, char **arg);

/* "/action TEXT @owner due:2026-02-15": *owner gets the id of the last
 * "@id" word, *due the rest of the last "due:" word (NULL when there is
 * none), and text keeps the other words, one space between them; owner
 * and due point into text's bytes, after its new end.  Returns 0, or
 * ERR_NOMEM (text unchanged) for the scratch copy it makes. */
int notes_action(char *text, const char **owner, const char **due);

/* The words of arg (/attend a b), cut at spaces, into out: at most max
 * of them, then a NULL (out holds max + 1).  Returns how many. */
size_t notes_words(char *arg, char **out, size_t max);

#endif
