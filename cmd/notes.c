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
#include "core/domain.h"
#include "core/text.h"

static const struct opt notes_opts[] = {
	{ 'b', "by", "MEMBER", "who takes the notes (default: git config convene.member)", 0 },
	OPT_END
};

const struct help help_notes = {
	"M [--by MEMBER]",
	"Takes notes in meeting M, agenda item by agenda item.  Each line you type\n"
	"is saved and committed as a note on the current item.  Commands:\n"
	"  /next, /n            the next item          /prev, /p   the one before\n"
	"  /go ITEM             go to an item (its id or its number)\n"
	"  /items               the agenda             /show       this item's notes\n"
	"  /decide TEXT         record a decision on this item\n"
	"  /action TEXT [@OWNER] [due:DATE]   record an action\n"
	"  /attend MEMBER...    mark members as attending\n"
	"  /help                this list              /quit, /q   stop (so does end of input)\n",
	notes_opts, NULL,
	NULL
};

struct item {
	char *id, *title, *prompt;
};

struct session {
	struct store *s;
	char file[64];
	const char *by;
	struct item *items;
	size_t n, at;
	int tty;
};

static void show_item(struct session *ss)
{
	const struct item *it = &ss->items[ss->at];
	const char *p;

	fprintf(stderr, "\n[%zu/%zu] %s — %s\n", ss->at + 1, ss->n, it->id, it->title);
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
	const struct doc_node *agenda, *a;
	struct doc *doc;
	struct err err;
	size_t n = 0;

	err_clear(&err);
	if (load_file(ss->s, ss->file, &doc, NULL, &err) < 0)
		return report(err.line ? ss->file : NULL, &err);
	agenda = doc_get(doc->root, "agenda");
	if (agenda && agenda->kind == DOC_SEQ)
		n = agenda->n;
	if (!n) {
		doc_free(doc);
		fprintf(stderr, "convene: error: %s has no agenda items to take notes on\n", ss->file);
		return EXIT_DATA;
	}
	if (!(ss->items = calloc(n, sizeof(*ss->items)))) {
		doc_free(doc);
		return EXIT_INTERNAL;
	}
	for (a = agenda->head; a; a = a->next) {
		const char *id = dom_text(a, "id"), *title = dom_text(a, "title");
		const char *prompt = dom_text(a, "prompt");

		if (!id)
			continue;
		ss->items[ss->n].id = strdup(id);
		ss->items[ss->n].title = strdup(title ? title : "");
		ss->items[ss->n].prompt = prompt ? strdup(prompt) : NULL;
		if (!ss->items[ss->n].id || !ss->items[ss->n].title) {
			free(ss->items[ss->n].id);
			free(ss->items[ss->n].title);
			free(ss->items[ss->n].prompt);
			continue;
		}
		ss->n++;
	}
	if (!ss->n) {
		fprintf(stderr, "convene: error: no agenda item of %s has an id to take notes on\n", ss->file);
		doc_free(doc);
		return EXIT_DATA;
	}
	fprintf(stderr, "%s — %s\n", ss->file, dom_text(doc->root, "title") ? dom_text(doc->root, "title") : "");
	doc_free(doc);
	return 0;
}

static int find_item(const struct session *ss, const char *arg)
{
	size_t i;
	char *end;
	long k = strtol(arg, &end, 10);

	if (*arg && !*end && k >= 1 && (size_t)k <= ss->n)
		return (int)k - 1;
	for (i = 0; i < ss->n; i++)
		if (!strcmp(ss->items[i].id, arg))
			return (int)i;
	return -1;
}

/* "/action TEXT @owner due:2026-02-15": pulls owner and due out of text. */
static void action_parts(char *text, const char **owner, const char **due)
{
	char *w, *save = NULL, *rest;
	struct buf kept = BUF_INIT;

	*owner = *due = NULL;
	for (w = strtok_r(text, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		if (w[0] == '@' && text_is_id(w + 1))
			*owner = w + 1;
		else if (!strncmp(w, "due:", 4))
			*due = w + 4;
		else
			buf_addf(&kept, "%s%s", kept.len ? " " : "", w);
	}
	/* the words are still in text (strtok cut it); put the rest first */
	rest = buf_detach(&kept, NULL);
	if (rest) {
		memmove(text, rest, strlen(rest) + 1);
		free(rest);
	}
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
	item = doc_find_id(doc_get(doc->root, "agenda"), ss->items[ss->at].id);
	seq = doc_get(item, "notes");
	if (!seq || seq->kind != DOC_SEQ || !seq->n)
		fprintf(stderr, "  (no notes yet)\n");
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
	char *arg = strchr(line, ' '), *names[64];
	const char *owner, *due;
	size_t i, n;
	int k;

	if (arg)
		*arg++ = '\0';
	else
		arg = line + strlen(line);
	while (*arg == ' ')
		arg++;
	if (!strcmp(line, "/quit") || !strcmp(line, "/q"))
		return 1;
	if (!strcmp(line, "/next") || !strcmp(line, "/n")) {
		if (ss->at + 1 < ss->n)
			ss->at++;
		else
			fprintf(stderr, "  (this is the last item)\n");
		show_item(ss);
	} else if (!strcmp(line, "/prev") || !strcmp(line, "/p")) {
		if (ss->at > 0)
			ss->at--;
		show_item(ss);
	} else if (!strcmp(line, "/go")) {
		if ((k = find_item(ss, arg)) < 0) {
			fprintf(stderr, "  no item '%s' (/items lists them)\n", arg);
		} else {
			ss->at = (size_t)k;
			show_item(ss);
		}
	} else if (!strcmp(line, "/items")) {
		for (i = 0; i < ss->n; i++)
			fprintf(stderr, "%s %zu. %s — %s\n", i == ss->at ? ">" : " ", i + 1,
				ss->items[i].id, ss->items[i].title);
	} else if (!strcmp(line, "/show")) {
		show_notes(ss);
	} else if (!strcmp(line, "/decide") || !strcmp(line, "/d")) {
		if (!*arg)
			fprintf(stderr, "  /decide needs the decision's text\n");
		else
			keep_worst(rc, meeting_add(ss->s, ss->file, ss->items[ss->at].id, ENTRY_DECISION, arg,
					   ss->by, NULL, NULL, 0));
	} else if (!strcmp(line, "/action") || !strcmp(line, "/a")) {
		action_parts(arg, &owner, &due);
		if (!*arg)
			fprintf(stderr, "  /action needs the action's text\n");
		else
			keep_worst(rc, meeting_add(ss->s, ss->file, ss->items[ss->at].id, ENTRY_ACTION, arg,
					   ss->by, owner, due, 0));
	} else if (!strcmp(line, "/attend")) {
		char *save = NULL, *w;

		for (n = 0, w = strtok_r(arg, " ", &save); w && n < 63; w = strtok_r(NULL, " ", &save))
			names[n++] = w;
		names[n] = NULL;
		if (!n)
			fprintf(stderr, "  /attend needs member ids\n");
		else
			keep_worst(rc, meeting_attend(ss->s, ss->file, names, 0));
	} else if (!strcmp(line, "/help") || !strcmp(line, "/h")) {
		fprintf(stderr, "\n%s", help_notes.about);
	} else {
		fprintf(stderr, "  unknown command %s (/help lists them)\n", line);
	}
	return 0;
}

int cmd_notes(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("notes");
	struct session ss = { 0 };
	char *line = NULL;
	size_t cap = 0, i, bad;
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
		return usage_error(me, "notes takes a meeting number");
	if (ss.by && !text_is_id(ss.by))
		return usage_error(me, "'%s' is not a member id", ss.by);
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
		fprintf(stderr, "each line is saved as a note at once; /help for commands, /quit to stop\n");
	show_item(&ss);
	for (;;) {
		if (ss.tty)
			fprintf(stderr, "%s> ", ss.items[ss.at].id);
		if ((len = getline(&line, &cap, stdin)) < 0)
			break;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len)
			continue;
		if (text_check(line, (size_t)len, &bad)) {
			fprintf(stderr, "  not saved: the line is not UTF-8 text\n");
			keep_worst(&rc, EXIT_USAGE);
			continue;
		}
		if (line[0] == '/') {
			if (command(&ss, line, &rc))
				break;
			continue;
		}
		if ((c = meeting_add(s, ss.file, ss.items[ss.at].id, ENTRY_NOTE, line, ss.by, NULL, NULL, 0))) {
			fprintf(stderr, "  not saved; type it again\n");
			keep_worst(&rc, c);
		} else {
			saved++;
		}
	}
	if (ss.tty)
		fputc('\n', stderr);
	note("%d note%s saved in %s", saved, saved == 1 ? "" : "s", ss.file);
done:
	free(line);
	for (i = 0; i < ss.n; i++) {
		free(ss.items[i].id);
		free(ss.items[i].title);
		free(ss.items[i].prompt);
	}
	free(ss.items);
	return rc;
}
