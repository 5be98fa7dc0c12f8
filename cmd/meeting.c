/*
 * The meetings family: meeting new, list, show, edit; actions across
 * meetings; hosts (rotation).  What is added to a meeting is in note.c
 * (note, decide, action) and attend.c.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/meetings.h"
#include "core/template.h"
#include "core/timeline.h"
#include "core/text.h"
#include "store/meetingedit.h"
#include "txn.h"

/* When and where a meeting is: the options meeting new and meeting edit
 * share. */
#define WHEN_AND_WHERE \
	{ 'd', "date", "DATE", N_("the day it meets"), 0 }, \
	{ 's', "start", "HH:MM", N_("the time it starts"), 0 }, \
	{ 'u', "duration", "MINUTES", N_("how long it lasts, in minutes"), 0 }, \
	{ 'h', "host", "MEMBER", N_("at this member's site"), 0 }, \
	{ 'v', "virtual", "URL", N_("online, at this link"), 0 }, \
	{ 'a', "address", "TEXT", N_("where it meets"), 0 }

static const struct opt meeting_new_opts[] = {
	WHEN_AND_WHERE,
	{ 't', "title", "T", N_("its title (default: Meeting N, and the template's theme)"), 0 },
	{ 'T', "template", "NAME", N_("goals and agenda from a template (default: blank)"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static const struct opt actions_opts[] = {
	{ 'j', "json", NULL, N_("print JSON, for scripts"), 0 },
	{ 'o', "open", NULL, N_("only actions not done or dropped"), 0 },
	{ 'm', "mine", NULL, N_("only those you own (git config convene.member)"), 0 },
	{ 'd', "overdue", NULL, N_("only open ones past their date"), 0 },
	OPT_END
};

const struct help help_actions = {
	"[--open] [--mine] [--overdue] [--json]",
	N_("Actions across all meetings.  --open: not done or dropped; --mine: owned\n"
	   "by you (git config convene.member); --overdue: open and past their date.\n"),
	actions_opts, NULL,
	NULL
};

const struct help help_hosts = {
	"[--json]",
	N_("Who hosted which meeting, and who could host next: members who can host,\n"
	   "those who hosted least (and longest ago) first.\n"),
	opts_json, NULL,
	NULL
};

/* ---- meeting new ---- */

struct numbers {
	long max;
	char lang[8];
};

static void max_number(void *ctx, const char *file, const struct doc *doc)
{
	struct numbers *n = ctx;
	long v;

	if (layout_kind(file) == KIND_INITIATIVE && dom_text(doc->root, "language"))
		snprintf(n->lang, sizeof(n->lang), "%s", dom_text(doc->root, "language"));
	/* a file misnamed (validate says so) numbers no meeting */
	if ((v = layout_meeting_of_file(file)) > n->max)
		n->max = v;
}

static int meeting_new(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("meeting");
	struct meeting_new f = { 0 };
	const char *tmpl = NULL;
	struct numbers nums = { 0, "en" };
	struct diags d = { 0 };
	struct scan_stats st;
	char file[64], num[24], msg[200];
	struct txn t;
	struct err err;
	int c, no_commit = 0, rc = 0;

	optind = 0;
	while ((c = opt_next(meeting_new_opts, argc, argv)) != -1) {
		switch (c) {
		case 'd': rc = once(me, &f.date, "--date", optarg); break;
		case 's': rc = once(me, &f.start, "--start", optarg); break;
		case 'u': rc = once(me, &f.duration, "--duration", optarg); break;
		case 'h': rc = once(me, &f.host, "--host", optarg); break;
		case 'v': rc = once(me, &f.virt, "--virtual", optarg); break;
		case 'a': rc = once(me, &f.address, "--address", optarg); break;
		case 't': rc = once(me, &f.title, "--title", optarg); break;
		case 'T': rc = once(me, &tmpl, "--template", optarg); break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (optind < argc)
		return usage_error(me, _("meeting new takes options only"));
	for (c = 0; tmpl && template_meetings[c] && strcmp(template_meetings[c], tmpl); c++)
		;
	if (tmpl && !template_meetings[c]) {
		struct buf names = BUF_INIT;

		for (c = 0; template_meetings[c]; c++)
			/* TRANSLATORS: before the last of a list of names */
			buf_addf(&names, "%s%s", !c ? "" : template_meetings[c + 1] ? ", " : _(" or "),
				 template_meetings[c]);
		rc = usage_error(me, _("--template '%s' is not a meeting template; use %s"), tmpl,
				 buf_str(&names));
		buf_release(&names);
		return rc;
	}
	if (f.host && f.virt)
		return usage_error(me, _("a meeting has a --host or a --virtual link, not both"));
	{
		const struct optfield fields[] = {
			{ "--date", f.date, "date" }, { "--start", f.start, "start" },
			{ "--duration", f.duration, "duration" }, { "--host", f.host, "location.host" },
			{ "--virtual", f.virt, "location.virtual" },
			{ "--address", f.address, "location.address" }, { "--title", f.title, "title" },
		};

		if ((rc = check_options(KIND_MEETING, fields, sizeof(fields) / sizeof(fields[0]), NULL)))
			return rc;
	}
	err_clear(&err);
	if (scan_initiative(s, &d, &st, max_number, &nums, &err) < 0) {
		diags_release(&d);
		return report(NULL, &err);
	}
	diags_release(&d);
	if (nums.max >= LAYOUT_MEETING_MAX) {
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, _("meeting %ld is the last a number can name"), LAYOUT_MEETING_MAX);
		fputc('\n', stderr);
		return EXIT_DATA;
	}
	snprintf(num, sizeof(num), "%ld", nums.max + 1);
	layout_meeting_file(file, sizeof(file), nums.max + 1);
	if ((rc = txn_begin(&t, s, file, TXN_CREATE)) != 0)
		return rc;
	if ((rc = check_option(KIND_MEETING, "--host", f.host, "location.host", t.ids)) != 0) {
		txn_release(&t);
		return rc;
	}
	t.no_commit = no_commit;
	f.number = num;
	if (meetings_fill_new(t.doc, t.doc->root, &f) < 0) {
		txn_release(&t);
		return out_of_memory();
	}
	err_clear(&err);
	if (template_meeting(t.doc, t.doc->root, tmpl ? tmpl : "blank", nums.lang, nums.max + 1,
			     f.host, &err) < 0) {
		txn_release(&t);
		return report(NULL, &err);
	}
	layout_subject(msg, sizeof(msg), nums.max + 1, "planned%s%s", f.date ? " for " : "",
		       f.date ? f.date : "");
	return txn_commit(&t, msg);
}

/* ---- reading meetings ---- */

static void meetings_visit(void *ctx, const char *file, const struct doc *doc)
{
	meetings_add(ctx, file, doc);  /* sets failed, which visit_initiative reads */
}

/* Every meeting, loaded one at a time, for list, actions and hosts. */
static int load_meetings(struct store *s, struct meetings *m)
{
	return visit_initiative(s, meetings_visit, m, &m->failed);
}

/* meeting list's reading: the meetings, and the timeline they follow. */
struct planned {
	struct meetings *m;
	struct timeline tl;
	int he;
};

static void planned_visit(void *ctx, const char *file, const struct doc *doc)
{
	struct planned *p = ctx;

	if (layout_kind(file) == KIND_INITIATIVE) {
		p->he = dom_text(doc->root, "language") && !strcmp(dom_text(doc->root, "language"), "he");
		timeline_release(&p->tl);
		if (timeline_from_initiative(&p->tl, doc->root) < 0)
			p->m->failed = 1;
		return;
	}
	meetings_add(p->m, file, doc);
}

/* The entries of the timeline still planned, after the meetings: what
 * the group has set out to do in its first months (DESIGN §8). */
static void list_planned(struct buf *b, const struct planned *p)
{
	const struct timeline_entry *e;
	size_t i;

	if (!timeline_planned(&p->tl))
		return;
	buf_adds(b, p->he ? "\nמתוכנן בציר הזמן:\n" : "\nplanned on the timeline:\n");
	for (i = 0; i < p->tl.n; i++) {
		e = &p->tl.v[i];
		if (strcmp(e->status, "planned"))
			continue;
		pad(b, e->date ? e->date : "-", 12);
		pad(b, e->id, 16);
		if (e->text) {
			const char *nl = strchr(e->text, '\n');

			buf_add(b, e->text, nl ? (size_t)(nl - e->text) : strlen(e->text));
		}
		buf_addc(b, '\n');
	}
}

static int meeting_list(int argc, char **argv, struct store *s)
{
	struct meetings m = { 0 };
	struct planned p = { &m, { NULL, 0 }, 0 };
	struct buf b = BUF_INIT;
	struct json_w w;
	size_t i;
	int json, rc;

	if ((rc = read_options(argc, argv, "meeting", 0, &json)) != 0)
		return rc;
	if ((rc = visit_initiative(s, planned_visit, &p, &m.failed)) != 0)
		goto done;
	jw_init(&w, &b);
	if (json)
		jw_lines(&w, NULL);
	for (i = 0; i < m.n; i++) {
		const struct meeting_info *x = &m.v[i];

		if (json) {
			jw_object(&w, NULL);
			jw_int(&w, "number", x->number);
			jw_str(&w, "date", x->date);
			jw_str(&w, "status", x->status);
			jw_str(&w, "host", x->host);
			jw_str(&w, "virtual", x->virt);
			jw_str(&w, "title", x->title);
			jw_end(&w);
			continue;
		}
		buf_addf(&b, "%03ld  ", x->number);
		pad(&b, x->date ? x->date : "-", 12);
		pad(&b, x->status ? x->status : "?", 11);
		pad(&b, x->host ? x->host : x->virt ? _("virtual") : "-", 14);
		buf_addf(&b, "%s\n", x->title ? x->title : "");
	}
	if (json) {
		jw_end(&w);
		buf_addc(&b, '\n');
	} else {
		list_planned(&b, &p);
	}
	rc = put_out(&b);
done:
	buf_release(&b);
	meetings_release(&m);
	timeline_release(&p.tl);
	return rc;
}

static void show_entries(struct buf *b, const struct doc_node *item, const char *key,
			 const char *word)
{
	const struct doc_node *seq = doc_get(item, key), *e;

	if (!seq || seq->kind != DOC_SEQ)
		return;
	for (e = seq->head; e; e = e->next) {
		const char *text = dom_text(e, "text"), *by = dom_text(e, "by");
		const char *owner = dom_text(e, "owner"), *due = dom_text(e, "due");

		buf_addf(b, "    %s", _(word));
		if (by)
			buf_addf(b, " (%s)", by);
		if (owner)
			buf_addf(b, " -> %s", owner);
		if (due)  /* TRANSLATORS: an action's date, after its owner */
			buf_addf(b, _(" by %s"), due);
		buf_adds(b, ": ");
		/* later lines of a note line up under the first */
		for (; text && *text; text++) {
			buf_addc(b, *text);
			if (*text == '\n' && text[1])
				buf_adds(b, "      ");
		}
		if (!b->len || b->ptr[b->len - 1] != '\n')
			buf_addc(b, '\n');
	}
}

static int meeting_show(int argc, char **argv, struct store *s)
{
	const struct doc_node *r, *agenda, *item, *att, *a, *loc;
	struct buf b = BUF_INIT;
	struct doc *doc;
	struct err err;
	char file[64];
	int json, rc;

	if ((rc = read_options(argc, argv, "meeting", 1, &json)) != 0)
		return rc;
	if (meeting_file(file, sizeof(file), argv[optind]) < 0)
		return usage_error(cmd_find("meeting"), _("'%s' is not a meeting number (1 to %ld)"),
				   argv[optind], LAYOUT_MEETING_MAX);
	err_clear(&err);
	if (load_file(s, file, &doc, NULL, &err) < 0) {
		if (err.code == ERR_NOTFOUND)
			err_set(&err, ERR_NOTFOUND, 0, 0, "no meeting %s (%s)", argv[optind], file);
		return report(err.line ? file : NULL, &err);
	}
	r = doc->root;
	if (json) {
		json_node(&b, r);
		buf_addc(&b, '\n');
	} else if (r && r->kind == DOC_MAP) {
		buf_addf(&b, "%s\n", dom_text(r, "title") ? dom_text(r, "title") : file);
		buf_addf(&b, "%s %s, %s", dom_text(r, "date") ? dom_text(r, "date") : _("(no date)"),
			 dom_text(r, "start") ? dom_text(r, "start") : "",
			 dom_text(r, "status") ? dom_text(r, "status") : "");
		loc = doc_get(r, "location");
		if (dom_text(loc, "host"))
			buf_addf(&b, _(", hosted by %s"), dom_text(loc, "host"));
		if (dom_text(loc, "virtual"))
			buf_addf(&b, _(", online at %s"), dom_text(loc, "virtual"));
		buf_addc(&b, '\n');
		if ((att = doc_get(r, "attendees")) && att->kind == DOC_SEQ && att->n) {
			buf_adds(&b, _("attending:"));
			for (a = att->head; a; a = a->next)
				if (a->kind == DOC_SCALAR)
					buf_addf(&b, " %s", a->str);
			buf_addc(&b, '\n');
		}
		if ((agenda = doc_get(r, "agenda")) && agenda->kind == DOC_SEQ)
			for (item = agenda->head; item; item = item->next) {
				buf_addf(&b, "\n  [%s] %s\n", dom_text(item, "id") ? dom_text(item, "id") : "?",
					 dom_text(item, "title") ? dom_text(item, "title") : "");
				show_entries(&b, item, "notes", N_("note"));
				show_entries(&b, item, "decisions", N_("decided"));
				show_entries(&b, item, "actions", N_("action"));
			}
	}
	rc = put_out(&b);
	buf_release(&b);
	doc_free(doc);
	return rc;
}

/* ---- meeting edit ---- */

static const struct opt meeting_edit_opts[] = {
	WHEN_AND_WHERE,
	{ 't', "title", "T", N_("its title (default: Meeting N)"), 0 },
	{ 'S', "status", "STATUS", N_("planned, held or cancelled"), 0 },
	{ 'i', "item", "ID", N_("the agenda item that --minutes, --lead, --purpose\n"
	  "and --item-title change"), 0 },
	{ 'm', "minutes", "N", N_("the item's planned minutes, 1 or more"), 0 },
	{ 'l', "lead", "MEMBER", N_("the member who leads the item"), 0 },
	{ 'p', "purpose", "P", N_("the item's purpose: information, discussion or\ndecision"), 0 },
	{ 'T', "item-title", "T", N_("the item's title"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static int meeting_edit(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("meeting");
	struct meeting_change c = { 0 };
	char file[64], subject[300], msg[400];
	struct txn_err e;
	struct txn t;
	int opt, rc = 0, no_commit = 0, given = 0;

	optind = 0;
	while ((opt = opt_next(meeting_edit_opts, argc, argv)) != -1) {
		switch (opt) {
		case 'd': rc = once(me, &c.date, "--date", optarg); break;
		case 's': rc = once(me, &c.start, "--start", optarg); break;
		case 'u': rc = once(me, &c.duration, "--duration", optarg); break;
		case 'h': rc = once(me, &c.host, "--host", optarg); break;
		case 'v': rc = once(me, &c.virt, "--virtual", optarg); break;
		case 'a': rc = once(me, &c.address, "--address", optarg); break;
		case 't': rc = once(me, &c.title, "--title", optarg); break;
		case 'S': rc = once(me, &c.status, "--status", optarg); break;
		case 'i': rc = once(me, &c.item, "--item", optarg); break;
		case 'm': rc = once(me, &c.minutes, "--minutes", optarg); break;
		case 'l': rc = once(me, &c.lead, "--lead", optarg); break;
		case 'p': rc = once(me, &c.purpose, "--purpose", optarg); break;
		case 'T': rc = once(me, &c.item_title, "--item-title", optarg); break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, opt, argv);
		}
		if (rc)
			return rc;
		given += opt != 'n';
	}
	if (argc - optind != 1 || meeting_file(file, sizeof(file), argv[optind]) < 0)
		return usage_error(me, _("meeting edit takes a meeting number"));
	if (!given) {
		if (no_commit)
			return usage_error(me, _("--no-commit goes with the options that set fields; the editor's change is committed when it is valid"));
		return edit_file(s, file);  /* no options: the whole file, in the editor */
	}
	if (c.host && c.virt)
		return usage_error(me, _("a meeting has a --host or a --virtual link, not both"));
	if (!c.item && (c.minutes || c.lead || c.purpose || c.item_title))
		return usage_error(me, _("--minutes, --lead, --purpose and --item-title change an agenda item: name it with --item ID"));
	if (c.item && !c.minutes && !c.lead && !c.purpose && !c.item_title)
		return usage_error(me, _("--item names the agenda item to change: give --minutes, --lead, --purpose or --item-title"));
	if (c.item && !text_is_id(c.item))
		return usage_error(me, _("--item '%s' is not an agenda item id (a-z, 0-9 and '-')"), c.item);
	{
		/* the form of every value first: nothing is locked or read yet */
		const struct optfield fields[] = {
			{ "--date", c.date, "date" }, { "--start", c.start, "start" },
			{ "--duration", c.duration, "duration" }, { "--host", c.host, "location.host" },
			{ "--virtual", c.virt, "location.virtual" },
			{ "--address", c.address, "location.address" }, { "--title", c.title, "title" },
			{ "--status", c.status, "status" }, { "--minutes", c.minutes, "agenda.minutes" },
			{ "--lead", c.lead, "agenda.lead" }, { "--purpose", c.purpose, "agenda.purpose" },
			{ "--item-title", c.item_title, "agenda.title" },
		};

		if ((rc = check_options(KIND_MEETING, fields, sizeof(fields) / sizeof(fields[0]), NULL)))
			return rc;
	}
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	/* then what they name: members that exist */
	if ((rc = check_option(KIND_MEETING, "--host", c.host, "location.host", t.ids)) != 0 ||
	    (rc = check_option(KIND_MEETING, "--lead", c.lead, "agenda.lead", t.ids)) != 0) {
		txn_release(&t);
		return rc;
	}
	txn_err_init(&e);
	if (meeting_change_apply(&t, &c, subject, sizeof(subject), &e) < 0) {
		rc = txn_say_failure(&e, file);
		txn_err_release(&e);
		txn_release(&t);
		return rc;
	}
	txn_err_release(&e);
	layout_subject(msg, sizeof(msg), layout_meeting_of_file(file), "%s", subject);
	txn_warn_approved(&t);
	return txn_commit(&t, msg);
}

static const struct subcmd meeting_subs[] = {
	{ "new", meeting_new, "[--date DATE] [--start HH:MM] [--duration MINUTES]\n"
	  " [--host MEMBER | --virtual URL | --address TEXT] [--title T]\n"
	  " [--template NAME] [--no-commit]",
	  meeting_new_opts },
	{ "list", meeting_list, "[--json]",
	  opts_json },
	{ "show", meeting_show, "M [--json]",
	  opts_json },
	{ "edit", meeting_edit, "M [--date DATE] [--start HH:MM] [--duration MINUTES]\n"
	  " [--host MEMBER | --virtual URL | --address TEXT] [--title T]\n"
	  " [--status planned|held|cancelled] [--no-commit]\n"
	  " [--item ID [--minutes N] [--lead MEMBER] [--purpose P] [--item-title T]]",
	  meeting_edit_opts },
	{ NULL, NULL, NULL, NULL }
};

const struct help help_meeting = {
	NULL,
	N_("M is a meeting's number: 1, 001 or meetings/001.yaml.  new makes the next\n"
	"meeting, planned, with an opening and a summary item on its agenda, or\n"
	"with --template the goals and agenda of a later meeting (below).  A\n"
	"meeting --host MEMBER gets the item host-practices after the opening,\n"
	"led by the host: the host shares how their organisation works.\n"
	"\n"
	"edit with no options opens the meeting's file in $VISUAL or $EDITOR; with\n"
	"options it sets those fields and commits (\"meeting 004: moved to\n"
	"2026-05-03 18:00\").  --host, --virtual and --address given together are\n"
	"the new place: what the meeting had before goes.  --item ID with\n"
	"--minutes, --lead, --purpose or --item-title changes one agenda item.\n"),
	NULL, meeting_subs,
	N_("Templates of new (--template NAME), their agenda items by id, the same in\n"
	"every language; agenda M --facilitator shows each item's prompt:\n"
	"  blank           opening next-steps (the default)\n"
	"  quick-wins      opening brainstorm choose-wins next-steps\n"
	"  working-group   opening scope subgroups recruiting partnerships next-steps\n"
	"  evaluation      opening evaluation-needs learning-plan next-steps\n"
	"  communications  opening audiences elevator-pitch in-the-community next-steps\n"
	"A decision on elevator-pitch is the pitch: decide offers the\n"
	"'convene set elevator_pitch' that makes it the initiative's.\n")
};

int cmd_meeting(int argc, char **argv, struct store *s)
{
	return run_subcommand("meeting", meeting_subs, argc, argv, s);
}

static void action_row(struct buf *b, struct json_w *w, const struct action_info *a)
{
	if (w) {
		jw_object(w, NULL);
		jw_int(w, "meeting", a->meeting);
		jw_str(w, "item", a->item);
		jw_str(w, "id", a->id ? a->id : "");
		jw_str(w, "owner", a->owner);
		jw_str(w, "due", a->due);
		jw_str(w, "status", a->status);
		jw_str(w, "text", a->text ? a->text : "");
		jw_end(w);
		return;
	}
	buf_addf(b, "%03ld  ", a->meeting);
	pad(b, a->item, 18);
	pad(b, a->owner ? a->owner : "-", 14);
	pad(b, a->due ? a->due : "-", 12);
	pad(b, a->status, 8);
	if (a->text) {
		const char *nl = strchr(a->text, '\n');

		buf_add(b, a->text, nl ? (size_t)(nl - a->text) : strlen(a->text));
	}
	buf_addc(b, '\n');
}

int cmd_actions(int argc, char **argv, struct store *s)
{
	struct { int json, open, overdue; } m = { 0 };  /* as the options set it */
	struct action_filter f = { 0 };
	const struct action_info **v = NULL;
	struct meetings all = { 0 };
	struct buf out = BUF_INIT;
	struct json_w w;
	char mine[72], day[11];
	int c, rc, want_mine = 0;
	size_t i, n;

	optind = 0;
	while ((c = opt_next(actions_opts, argc, argv)) != -1) {
		switch (c) {
		case 'j': m.json = 1; break;
		case 'o': m.open = 1; break;
		case 'm': want_mine = 1; break;
		case 'd': m.overdue = 1; break;
		default: return option_error(cmd_find("actions"), c, argv);
		}
	}
	if (optind < argc)
		return usage_error(cmd_find("actions"), _("actions takes options only"));
	if (want_mine) {
		const char *from;

		if (!(f.owner = acting_member(s, NULL, mine, sizeof(mine), &from))) {
			fprintf(stderr, "convene: error: %s\n", _("--mine needs to know who you are"));
			fprintf(stderr, "convene: hint: %s\n", _("git config convene.member <your member id>"));
			return EXIT_USAGE;
		}
		if ((rc = check_option(KIND_MEETING, from, f.owner, "agenda.actions.owner", NULL)) != 0)
			return rc;
	}
	today(day);
	f.open = m.open;
	f.overdue = m.overdue;
	f.today = day;
	if ((rc = load_meetings(s, &all)) != 0)
		goto done;
	if (meetings_actions(&v, &n, &all, &f) < 0) {
		rc = out_of_memory();
		goto done;
	}
	jw_init(&w, &out);
	if (m.json)
		jw_lines(&w, NULL);
	for (i = 0; i < n; i++)
		action_row(&out, m.json ? &w : NULL, v[i]);
	if (m.json) {
		jw_end(&w);
		buf_addc(&out, '\n');
	}
	rc = put_out(&out);
done:
	free(v);
	buf_release(&out);
	meetings_release(&all);
	return rc;
}

/* ---- hosts ---- */

int cmd_hosts(int argc, char **argv, struct store *s)
{
	struct meetings m = { 0 };
	struct rotation rot = { 0 };
	struct buf b = BUF_INIT;
	struct json_w w;
	size_t i;
	int json, rc;

	if ((rc = read_options(argc, argv, "hosts", 0, &json)) != 0)
		return rc;
	if ((rc = load_meetings(s, &m)) != 0)
		goto done;
	if (meetings_rotation(&rot, &m) < 0) {
		rc = EXIT_INTERNAL;
		goto done;
	}
	if (json) {
		jw_init(&w, &b);
		jw_object(&w, NULL);
		jw_array(&w, "hosted");
		for (i = 0; i < rot.nhosted; i++) {
			jw_object(&w, NULL);
			jw_int(&w, "meeting", rot.hosted[i]->number);
			jw_str(&w, "date", rot.hosted[i]->date);
			jw_str(&w, "host", rot.hosted[i]->host);
			jw_str(&w, "virtual", rot.hosted[i]->virt);
			jw_end(&w);
		}
		jw_end(&w);
		jw_array(&w, "next");
		for (i = 0; i < rot.nnext; i++) {
			jw_object(&w, NULL);
			jw_str(&w, "member", rot.next[i].member);
			jw_int(&w, "hosted", rot.next[i].times);
			jw_end(&w);
		}
		jw_end(&w);
		jw_end(&w);
		buf_addc(&b, '\n');
	} else {
		for (i = 0; i < rot.nhosted; i++) {
			buf_addf(&b, "%03ld  ", rot.hosted[i]->number);
			pad(&b, rot.hosted[i]->date ? rot.hosted[i]->date : "-", 12);
			buf_addf(&b, "%s\n", rot.hosted[i]->host ? rot.hosted[i]->host : _("(virtual)"));
		}
		if (!rot.nhosted)
			buf_addf(&b, "%s\n", _("no meeting has a host yet"));
		if (!rot.nnext) {
			buf_addf(&b, "%s\n", _("next: no member can host (member add --can-host)"));
		} else {
			buf_addf(&b, _("next: %s"), rot.next[0].member);
			if (rot.next[0].times)
				buf_addf(&b, _(" (hosted %d, last at meeting %03ld)"), rot.next[0].times,
					 rot.next[0].last);
			else
				buf_adds(&b, _(" (has not hosted yet)"));
			if (rot.nnext > 1) {
				/* TRANSLATORS: before the members who could host after the first */
				buf_adds(&b, _("; then"));
				for (i = 1; i < rot.nnext && i < 4; i++)
					buf_addf(&b, " %s", rot.next[i].member);
			}
			buf_addc(&b, '\n');
		}
	}
	rc = put_out(&b);
done:
	rotation_release(&rot);
	buf_release(&b);
	meetings_release(&m);
	return rc;
}
