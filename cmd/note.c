/*
 * note, decide and action: one entry (a note, a decision, an action) on an
 * agenda item of a meeting, committed at once.  The interactive `notes`
 * is cmd/notes.c; attend is cmd/attend.c.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/template.h"
#include "core/text.h"
#include "txn.h"

#define OPT_BY { 'b', "by", "MEMBER", N_("who wrote it (default: git config convene.member)"), 0 }
#define OPT_NO_COMMIT { 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 }

static const struct opt note_opts[] = { OPT_BY, OPT_NO_COMMIT, OPT_END };

static const struct opt action_opts[] = {
	{ 'o', "owner", "MEMBER", N_("who will do it"), 0 },
	{ 'd', "due", "DATE", N_("by when"), 0 },
	OPT_BY, OPT_NO_COMMIT, OPT_END
};

const struct help help_note = {
	"M ITEM TEXT [--by MEMBER] [--no-commit]",
	N_("Adds a note to agenda item ITEM of meeting M, with a new id, this site,\n"
	   "the time, and who wrote it (--by, or git config convene.member).\n"
	   "TEXT '-' reads it from standard input.\n"),
	note_opts, NULL, NULL
};

const struct help help_decide = {
	"M ITEM TEXT [--by MEMBER] [--no-commit]",
	N_("Records a decision on agenda item ITEM of meeting M.\n"),
	note_opts, NULL, NULL
};

const struct help help_action = {
	"M ITEM TEXT [--owner MEMBER] [--due DATE] [--by MEMBER] [--no-commit]",
	N_("Records an action on agenda item ITEM of meeting M, open until done.\n"),
	action_opts, NULL, NULL
};

/* ---- adding to a meeting ---- */

/* The agenda item `item` of the meeting, or NULL with a message. */
static struct doc_node *agenda_item(struct txn *t, const char *item)
{
	struct doc_node *agenda = doc_get(t->doc->root, "agenda"), *n;
	struct doc_node *c;

	if ((n = doc_find_id(agenda, item)))
		return txn_refuse_conflict(t, n, "this agenda item") ? NULL : n;
	fprintf(stderr, "convene: error: ");
	fprintf(stderr, _("%s has no agenda item '%s'"), t->file, item);
	fputc('\n', stderr);
	if (agenda && agenda->kind == DOC_SEQ && agenda->n) {
		fprintf(stderr, "convene: hint: %s", _("its items are:"));
		for (c = agenda->head; c; c = c->next)
			if (dom_text(c, "id"))
				fprintf(stderr, " %s", dom_text(c, "id"));
		fputc('\n', stderr);
	}
	return NULL;
}

static const char *const entry_lists[] = { "notes", "decisions", "actions" };
static const char *const entry_words[] = { "note", "decision", "action" };

int meeting_add(struct store *s, const char *file, const char *itemid, enum entry kind,
		const char *text, const char *by, const char *owner, const char *due,
		int no_commit)
{
	const char *keys[2] = { "agenda", NULL }, *who, *from;
	char id[9], at[48], site[64], whobuf[72], msg[300];
	struct doc_node *item, *seq, *e;
	struct txn t;
	int rc;
	struct optfield fields[] = {
		{ NULL, NULL, "agenda.notes.by" }, { "--owner", owner, "agenda.actions.owner" },
		{ "--due", due, "agenda.actions.due" },
	};

	fields[0].value = who = acting_member(s, by, whobuf, sizeof(whobuf), &from);
	fields[0].opt = from;
	if ((rc = check_options(KIND_MEETING, fields, 3, NULL)) != 0)
		return rc;
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	if ((rc = check_options(KIND_MEETING, fields, 3, t.ids)) != 0) {
		txn_release(&t);
		return rc;
	}
	if (!(item = agenda_item(&t, itemid))) {
		txn_release(&t);
		return EXIT_DATA;
	}
	keys[1] = entry_lists[kind];
	if (dom_random_id(id) < 0 || now_stamp(at, sizeof(at)) < 0)
		goto oom;
	snprintf(site, sizeof(site), "%s", store_site(s));
	if (!(seq = dom_seq(t.doc, KIND_MEETING, keys, 1, item, entry_lists[kind])) ||
	    !(e = doc_map(t.doc)))
		goto oom;
	if (dom_put(t.doc, KIND_MEETING, keys, 2, e, "id", dom_str(t.doc, id)) < 0 ||
	    (who && dom_put(t.doc, KIND_MEETING, keys, 2, e, "by", dom_str(t.doc, who)) < 0) ||
	    (site[0] && dom_put(t.doc, KIND_MEETING, keys, 2, e, "site", dom_str(t.doc, site)) < 0) ||
	    dom_put(t.doc, KIND_MEETING, keys, 2, e, "at", dom_str(t.doc, at)) < 0 ||
	    dom_put(t.doc, KIND_MEETING, keys, 2, e, "text", dom_str(t.doc, text)) < 0)
		goto oom;
	if (kind == ENTRY_ACTION &&
	    ((owner && dom_put(t.doc, KIND_MEETING, keys, 2, e, "owner", dom_str(t.doc, owner)) < 0) ||
	     (due && dom_put(t.doc, KIND_MEETING, keys, 2, e, "due", dom_str(t.doc, due)) < 0) ||
	     dom_put(t.doc, KIND_MEETING, keys, 2, e, "status", dom_str(t.doc, "open")) < 0))
		goto oom;
	doc_seq_append(seq, e);
	layout_subject(msg, sizeof(msg), layout_meeting_of_file(file), "%s on %s",
		       entry_words[kind], itemid);
	txn_warn_approved(&t);
	return txn_commit(&t, msg);
oom:
	txn_release(&t);
	return out_of_memory();
}

/* A decision on an item that stands for a field of the initiative (the
 * elevator pitch): the command that makes it so, the text quoted for a
 * POSIX shell within "...".  The field is set by the group, not by the
 * decision: a draft decided on may still change. */
void hint_decision(const char *item, const char *text)
{
	const char *field = template_decision_field(item), *p;

	if (!field)
		return;
	fprintf(stderr, "convene: hint: ");
	fprintf(stderr, _("to make this decision the initiative's %s:"), field);
	fprintf(stderr, "\n  convene set %s \"", field);
	for (p = text; *p; p++) {
		if (strchr("\\\"$`", *p))
			fputc('\\', stderr);
		fputc(*p, stderr);
	}
	fputs("\"\n", stderr);
}

static int add_entry(int argc, char **argv, struct store *s, enum entry kind)
{
	static const char *const names[] = { "note", "decide", "action" };
	const struct cmd *me = cmd_find(names[kind]);
	const char *by = NULL, *owner = NULL, *due = NULL;
	struct buf text = BUF_INIT;
	struct err err;
	char file[64];
	int c, no_commit = 0, rc = 0;
	size_t bad;

	optind = 0;
	while ((c = opt_next(kind == ENTRY_ACTION ? action_opts : note_opts, argc, argv)) != -1) {
		switch (c) {
		case 'b': rc = once(me, &by, "--by", optarg); break;
		case 'o': rc = once(me, &owner, "--owner", optarg); break;
		case 'd': rc = once(me, &due, "--due", optarg); break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 3)
		return usage_error(me, _("%s takes a meeting, an agenda item and the text"), names[kind]);
	if (meeting_file(file, sizeof(file), argv[optind]) < 0)
		return usage_error(me, _("'%s' is not a meeting number (1 to %ld)"), argv[optind],
				   LAYOUT_MEETING_MAX);
	err_clear(&err);
	if (!strcmp(argv[optind + 2], "-")) {
		if (read_stdin(&text, DOC_MAX_BYTES, &err) < 0) {
			buf_release(&text);
			return report(NULL, &err);
		}
	} else {
		buf_adds(&text, argv[optind + 2]);
	}
	text_lines(&text);  /* the one form of typed text (README) */
	if (!text.len || text_check(buf_str(&text), text.len, &bad)) {
		buf_release(&text);
		return usage_error(me, _("the text must be UTF-8 text, not empty, without control characters"));
	}
	rc = meeting_add(s, file, argv[optind + 1], kind, buf_str(&text), by, owner, due, no_commit);
	if (!rc && kind == ENTRY_DECISION)
		hint_decision(argv[optind + 1], buf_str(&text));
	buf_release(&text);
	return rc;
}

int cmd_note(int argc, char **argv, struct store *s)
{
	return add_entry(argc, argv, s, ENTRY_NOTE);
}

int cmd_decide(int argc, char **argv, struct store *s)
{
	return add_entry(argc, argv, s, ENTRY_DECISION);
}

int cmd_action(int argc, char **argv, struct store *s)
{
	return add_entry(argc, argv, s, ENTRY_ACTION);
}
