/*
 * core/notes.c: the agenda `notes M` goes through, and what a typed line
 * says.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/notes.h"
#include "tests/unit/unit.h"

static struct doc *load(const char *text)
{
	struct doc *doc = NULL;
	struct err err;

	if (doc_load(&doc, text, strlen(text), &err) < 0)
		return NULL;
	return doc;
}

void test_notes__agenda(void)
{
	struct doc *doc = load("title: First\nagenda:\n"
			       "- id: opening\n  title: Opening\n  prompt: Who is here?\n"
			       "- title: no id, skipped\n"
			       "- id: close\n");
	struct notes_agenda a;

	check(doc);
	check(notes_agenda(&a, doc->root) == 0);
	doc_free(doc);
	check(a.listed == 3 && a.n == 2);
	check_str(a.v[0].id, "opening");
	check_str(a.v[0].title, "Opening");
	check_str(a.v[0].prompt, "Who is here?");
	check_str(a.v[1].id, "close");
	check_str(a.v[1].title, "");
	check(a.v[1].prompt == NULL);
	notes_agenda_release(&a);
	check(a.v == NULL && a.n == 0);
}

void test_notes__no_agenda(void)
{
	struct doc *doc = load("title: First\nagenda: []\n"), *none = load("title: x\n");
	struct notes_agenda a;

	check(doc && none);
	check(notes_agenda(&a, doc->root) == 0);
	check(a.listed == 0 && a.n == 0 && a.v == NULL);
	check(notes_agenda(&a, none->root) == 0);
	check(a.listed == 0 && a.n == 0);
	doc_free(doc);
	doc_free(none);
}

void test_notes__find_item(void)
{
	struct doc *doc = load("agenda:\n- id: opening\n- id: '2'\n- id: vision\n");
	struct notes_agenda a;

	check(doc);
	check(notes_agenda(&a, doc->root) == 0);
	doc_free(doc);
	check(notes_find_item(&a, "1") == 0);
	check(notes_find_item(&a, "3") == 2);
	/* a number names the item in that place, before an id that reads alike */
	check(notes_find_item(&a, "2") == 1);
	check(notes_find_item(&a, "vision") == 2);
	check(notes_find_item(&a, "0") == -1);
	check(notes_find_item(&a, "4") == -1);
	check(notes_find_item(&a, "1x") == -1);
	check(notes_find_item(&a, "") == -1);
	check(notes_find_item(&a, "Vision") == -1);
	notes_agenda_release(&a);
}

void test_notes__command(void)
{
	char l1[] = "/go   opening now", l2[] = "/q", l3[] = "/decide פה אחד",
	     l4[] = "/nope x", l5[] = "/a", l6[] = "/next ";
	char *arg;

	check(notes_command(l1, &arg) == NOTES_GO);
	check_str(l1, "/go");
	check_str(arg, "opening now");
	check(notes_command(l2, &arg) == NOTES_QUIT);
	check_str(arg, "");
	check(notes_command(l3, &arg) == NOTES_DECIDE);
	check_str(arg, "פה אחד");
	check(notes_command(l4, &arg) == NOTES_UNKNOWN);
	check_str(l4, "/nope");
	check(notes_command(l5, &arg) == NOTES_ACTION);
	check(notes_command(l6, &arg) == NOTES_NEXT);
	check_str(arg, "");
}

void test_notes__command_names(void)
{
	const char *names[] = { "/quit", "/n", "/prev", "/p", "/items", "/show", "/d",
				"/action", "/attend", "/help", "/h", "/att", "/Go" };
	const enum notes_command want[] = { NOTES_QUIT, NOTES_NEXT, NOTES_PREV, NOTES_PREV,
					    NOTES_ITEMS, NOTES_SHOW, NOTES_DECIDE, NOTES_ACTION,
					    NOTES_ATTEND, NOTES_HELP, NOTES_HELP, NOTES_UNKNOWN,
					    NOTES_UNKNOWN };
	char line[16], *arg;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(line, sizeof(line), "%s", names[i]);
		check(notes_command(line, &arg) == want[i]);
	}
}

void test_notes__action(void)
{
	char t[] = "call  the school @dana due:2026-02-15";
	const char *owner, *due;

	check(notes_action(t, &owner, &due) == 0);
	check_str(t, "call the school");
	check_str(owner, "dana");
	check_str(due, "2026-02-15");
}

void test_notes__action_hebrew_and_at(void)
{
	/* '@' inside a word, or before what is no id, is text */
	char t[] = "לכתוב ל-info@school.org @דנה @yossi";
	const char *owner, *due;

	notes_action(t, &owner, &due);
	check_str(t, "לכתוב ל-info@school.org @דנה");
	check_str(owner, "yossi");
	check(due == NULL);
}

void test_notes__action_missing_parts(void)
{
	char t1[] = "just text", t2[] = "", t3[] = "text due: @";
	const char *owner, *due;

	notes_action(t1, &owner, &due);
	check_str(t1, "just text");
	check(owner == NULL && due == NULL);
	notes_action(t2, &owner, &due);
	check_str(t2, "");
	check(owner == NULL && due == NULL);
	/* "due:" with no date is a due date of "", for the check to refuse */
	notes_action(t3, &owner, &due);
	check_str(t3, "text @");
	check(owner == NULL);
	check_str(due, "");
}

void test_notes__words(void)
{
	char a[] = " dana  yossi rina ", b[] = "", c[] = "a b c";
	char *out[4];

	check(notes_words(a, out, 3) == 3);
	check_str(out[0], "dana");
	check_str(out[1], "yossi");
	check_str(out[2], "rina");
	check(out[3] == NULL);
	check(notes_words(b, out, 3) == 0);
	check(out[0] == NULL);
	check(notes_words(c, out, 2) == 2);
	check_str(out[1], "b");
	check(out[2] == NULL);
}

void test_notes__action_owner_first(void)
{
	/* the owner and the date before the text: the text moves over the
	 * bytes they were read from, and they must not change with it */
	char t[] = "@dana due:2026-03-01 buy milk and bread";
	const char *owner, *due;

	check(notes_action(t, &owner, &due) == 0);
	check_str(t, "buy milk and bread");
	check_str(owner, "dana");
	check_str(due, "2026-03-01");
}

void test_notes__action_only_owner(void)
{
	char t[] = "@dana";
	const char *owner, *due;

	check(notes_action(t, &owner, &due) == 0);
	check_str(t, "");
	check_str(owner, "dana");
	check(due == NULL);
}
