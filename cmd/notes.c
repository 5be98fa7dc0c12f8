/*
 * notes M: note-taking during a meeting, item by item.  Every line typed is
 * a note, saved and committed at once, so a crash or a closed laptop loses
 * at most the line being typed.  Lines that start with '/' are commands.
 * Works the same with a pipe on standard input (no prompts then).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "core/domain.h"
#include "core/notes.h"
#include "core/text.h"

static const struct opt notes_opts[] = {
	{ 'b', "by", "MEMBER", N_("who takes the notes (default: git config convene.member)"), 0 },
	OPT_END
};

const struct help help_notes = {
	"M [--by MEMBER]",
	N_("Takes notes in meeting M, agenda item by agenda item.  Each line you type\n"
	"is saved and committed as a note on the current item.  Commands:\n"
	"  /next, /n            the next item          /prev, /p   the one before\n"
	"  /go ITEM             go to an item (its id or its number)\n"
	"  /items               the agenda             /show       this item's notes\n"
	"  /decide TEXT         record a decision on this item\n"
	"  /action TEXT [@OWNER] [due:DATE]   record an action\n"
	"  /attend MEMBER...    mark members as attending\n"
	"  /help                this list              /quit, /q   stop (so does end of input)\n"),
	notes_opts, NULL,
	NULL
};

struct session {
	struct store *s;
	char file[64];
	const char *by;
	struct notes_agenda agenda;
	size_t at;
	int tty;
};

static void show_item(struct session *ss)
{
	const struct notes_item *it = &ss->agenda.v[ss->at];
	const char *p;

	fprintf(stderr, "\n[%zu/%zu] %s — %s\n", ss->at + 1, ss->agenda.n, it->id, it->title);
	if (!it->prompt)
		return;
	fputs("  ", stderr);
	for (p = it->prompt; *p; p++) {
		fputc(*p, stderr);
		if (*p == '\n' && p[1])
			fputs("  ", stderr);
	}
	if (p > it->prompt && p[-1] != '\n')
		fputc('\n', stderr);
}

static int load_agenda(struct session *ss)
{
	struct doc *doc;
	struct err err;

	err_clear(&err);
	if (load_file(ss->s, ss->file, &doc, NULL, &err) < 0)
		return report(err.line ? ss->file : NULL, &err);
	if (notes_agenda(&ss->agenda, doc->root) < 0) {
		doc_free(doc);
		return out_of_memory();
	}
	if (!ss->agenda.listed) {
		doc_free(doc);
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, _("%s has no agenda items to take notes on"), ss->file);
		fputc('\n', stderr);
		return EXIT_DATA;
	}
	if (!ss->agenda.n) {
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, _("no agenda item of %s has an id to take notes on"), ss->file);
		fputc('\n', stderr);
		doc_free(doc);
		return EXIT_DATA;
	}
	fprintf(stderr, "%s — %s\n", ss->file, dom_text(doc->root, "title") ? dom_text(doc->root, "title") : "");
	doc_free(doc);
	return 0;
}

static void show_notes(struct session *ss)
{
	const struct doc_node *item, *seq, *e;
	struct doc *doc;
	struct err err;

	err_clear(&err);
	if (load_file(ss->s, ss->file, &doc, NULL, &err) < 0) {
		report(ss->file, &err);
		return;
	}
	item = doc_find_id(doc_get(doc->root, "agenda"), ss->agenda.v[ss->at].id);
	seq = doc_get(item, "notes");
	if (!seq || seq->kind != DOC_SEQ || !seq->n)
		fprintf(stderr, "  %s\n", _("(no notes yet)"));
	for (e = seq && seq->kind == DOC_SEQ ? seq->head : NULL; e; e = e->next)
		fprintf(stderr, "  - %s%s%s%s\n", dom_text(e, "text") ? dom_text(e, "text") : "",
			dom_text(e, "by") ? " (" : "", dom_text(e, "by") ? dom_text(e, "by") : "",
			dom_text(e, "by") ? ")" : "");
	doc_free(doc);
}

/* Keeps the weightiest exit code: refused (4) and internal (5) over 1. */
static void keep_worst(int *rc, int code)
{
	if (code > *rc)
		*rc = code;
}

/* One command line; returns 1 to stop. */
static int command(struct session *ss, char *line, int *rc)
{
	const char *item = ss->agenda.v[ss->at].id, *owner, *due;
	char *arg, *names[64];
	size_t i;
	int k;

	switch (notes_command(line, &arg)) {
	case NOTES_QUIT:
		return 1;
	case NOTES_NEXT:
		if (ss->at + 1 < ss->agenda.n)
			ss->at++;
		else
			fprintf(stderr, "  %s\n", _("(this is the last item)"));
		show_item(ss);
		break;
	case NOTES_PREV:
		if (ss->at > 0)
			ss->at--;
		show_item(ss);
		break;
	case NOTES_GO:
		if ((k = notes_find_item(&ss->agenda, arg)) < 0) {
			fputs("  ", stderr);
			fprintf(stderr, _("no item '%s' (/items lists them)"), arg);
			fputc('\n', stderr);
		} else {
			ss->at = (size_t)k;
			show_item(ss);
		}
		break;
	case NOTES_ITEMS:
		for (i = 0; i < ss->agenda.n; i++)
			fprintf(stderr, "%s %zu. %s — %s\n", i == ss->at ? ">" : " ", i + 1,
				ss->agenda.v[i].id, ss->agenda.v[i].title);
		break;
	case NOTES_SHOW:
		show_notes(ss);
		break;
	case NOTES_DECIDE:
		if (!*arg)
			fprintf(stderr, "  %s\n", _("/decide needs the decision's text"));
		else if ((k = meeting_add(ss->s, ss->file, item, ENTRY_DECISION, arg, ss->by,
					  NULL, NULL, 0)) != 0)
			keep_worst(rc, k);
		else
			hint_decision(item, arg);
		break;
	case NOTES_ACTION:
		if (notes_action(arg, &owner, &due) < 0)
			keep_worst(rc, out_of_memory());
		else if (!*arg)
			fprintf(stderr, "  %s\n", _("/action needs the action's text"));
		else
			keep_worst(rc, meeting_add(ss->s, ss->file, item, ENTRY_ACTION, arg,
					   ss->by, owner, due, 0));
		break;
	case NOTES_ATTEND:
		if (!notes_words(arg, names, 63))
			fprintf(stderr, "  %s\n", _("/attend needs member ids"));
		else
			keep_worst(rc, meeting_attend(ss->s, ss->file, names, 0));
		break;
	case NOTES_HELP:
		fprintf(stderr, "\n%s", _(help_notes.about));
		break;
	case NOTES_UNKNOWN:
		fputs("  ", stderr);
		fprintf(stderr, _("unknown command %s (/help lists them)"), line);
		fputc('\n', stderr);
		break;
	}
	return 0;
}

int cmd_notes(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("notes");
	struct session ss = { 0 };
	char *line = NULL;
	size_t cap = 0, bad;
	ssize_t len;
	int c, rc = 0, saved = 0;

	optind = 0;
	while ((c = opt_next(notes_opts, argc, argv)) != -1) {
		if (c != 'b')
			return option_error(me, c, argv);
		if ((rc = once(me, &ss.by, "--by", optarg)) != 0)
			return rc;
	}
	if (argc - optind != 1 || meeting_file(ss.file, sizeof(ss.file), argv[optind]) < 0)
		return usage_error(me, _("notes takes a meeting number"));
	if (ss.by && !text_is_id(ss.by))
		return usage_error(me, _("'%s' is not a member id"), ss.by);
	{
		/* said once, not again at every line */
		char who[72];
		const char *from, *by = acting_member(s, ss.by, who, sizeof(who), &from);

		if ((rc = check_option(KIND_MEETING, from, by, "agenda.notes.by", NULL)) != 0)
			return rc;
	}
	ss.s = s;
	ss.tty = isatty(0);
	if ((rc = load_agenda(&ss)) != 0)
		goto done;
	if (ss.tty)
		fprintf(stderr, "%s\n", _("each line is saved as a note at once; /help for commands, /quit to stop"));
	show_item(&ss);
	for (;;) {
		if (ss.tty)
			fprintf(stderr, "%s> ", ss.agenda.v[ss.at].id);
		if ((len = getline(&line, &cap, stdin)) < 0)
			break;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len)
			continue;
		if (text_check(line, (size_t)len, &bad)) {
			fprintf(stderr, "  %s\n", _("not saved: the line is not UTF-8 text"));
			keep_worst(&rc, EXIT_USAGE);
			continue;
		}
		if (line[0] == '/') {
			if (command(&ss, line, &rc))
				break;
			continue;
		}
		if ((c = meeting_add(s, ss.file, ss.agenda.v[ss.at].id, ENTRY_NOTE, line, ss.by, NULL, NULL, 0))) {
			fprintf(stderr, "  %s\n", _("not saved; type it again"));
			keep_worst(&rc, c);
		} else {
			saved++;
		}
	}
	if (ss.tty)
		fputc('\n', stderr);
	note(ngettext("%d note saved in %s", "%d notes saved in %s", (unsigned long)saved), saved,
	     ss.file);
done:
	free(line);
	notes_agenda_release(&ss.agenda);
	return rc;
}
