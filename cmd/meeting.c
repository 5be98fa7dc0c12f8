/*
 * The meetings family: meeting new, list, show, edit; attend; note, decide
 * and action on an agenda item; actions across meetings; hosts (rotation).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/path.h"
#include "core/text.h"
#include "txn.h"

const char usage_meeting[] =
	"usage: convene meeting new [--date DATE] [--start HH:MM] [--duration MINUTES]\n"
	"                           [--host MEMBER | --virtual URL | --address TEXT] [--title T]\n"
	"       convene meeting list [--json]\n"
	"       convene meeting show M [--json]\n"
	"       convene meeting edit M\n"
	"\n"
	"M is a meeting's number: 1, 001 or meetings/001.yaml.  new makes the next\n"
	"meeting, planned, with an opening and a summary item on its agenda.\n";

const char usage_attend[] =
	"usage: convene attend M MEMBER... [--no-commit]\n"
	"\n"
	"Marks members as attending meeting M.\n";

const char usage_note[] =
	"usage: convene note M ITEM TEXT [--by MEMBER] [--no-commit]\n"
	"\n"
	"Adds a note to agenda item ITEM of meeting M, with a new id, this site,\n"
	"the time, and who wrote it (--by, or git config convene.member).\n"
	"TEXT '-' reads it from standard input.\n";

const char usage_decide[] =
	"usage: convene decide M ITEM TEXT [--by MEMBER] [--no-commit]\n"
	"\n"
	"Records a decision on agenda item ITEM of meeting M.\n";

const char usage_action[] =
	"usage: convene action M ITEM TEXT [--owner MEMBER] [--due DATE] [--by MEMBER] [--no-commit]\n"
	"\n"
	"Records an action on agenda item ITEM of meeting M, open until done.\n";

const char usage_actions[] =
	"usage: convene actions [--open] [--mine] [--overdue] [--json]\n"
	"\n"
	"Actions across all meetings.  --open: not done or dropped; --mine: owned\n"
	"by you (git config convene.member); --overdue: open and past their date.\n";

const char usage_hosts[] =
	"usage: convene hosts [--json]\n"
	"\n"
	"Who hosted which meeting, and who could host next: members who can host,\n"
	"those who hosted least (and longest ago) first.\n";

/* ---- adding to a meeting ---- */

/* The agenda item `item` of the meeting, or NULL with a message. */
static struct doc_node *agenda_item(struct txn *t, const char *item)
{
	struct doc_node *agenda = doc_get(t->doc->root, "agenda"), *n;
	struct doc_node *c;

	if ((n = doc_find_id(agenda, item)))
		return txn_refuse_conflict(t, n, "this agenda item") ? NULL : n;
	fprintf(stderr, "convene: error: %s has no agenda item '%s'\n", t->file, item);
	if (agenda && agenda->kind == DOC_SEQ && agenda->n) {
		fprintf(stderr, "convene: hint: its items are:");
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
	if ((rc = txn_begin(&t, s, file)) != 0)
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
	return txn_commit(&t, msg);
oom:
	txn_release(&t);
	fprintf(stderr, "convene: error: out of memory\n");
	return EXIT_INTERNAL;
}

static int add_entry(int argc, char **argv, struct store *s, enum entry kind)
{
	static const struct option opts[] = {
		{ "by", required_argument, NULL, 'b' }, { "owner", required_argument, NULL, 'o' },
		{ "due", required_argument, NULL, 'd' }, { "no-commit", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const names[] = { "note", "decide", "action" };
	const struct cmd *me = cmd_find(names[kind]);
	const char *by = NULL, *owner = NULL, *due = NULL;
	struct buf text = BUF_INIT;
	struct err err;
	char file[64];
	int c, no_commit = 0, rc = 0;
	size_t bad;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
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
	if ((owner || due) && kind != ENTRY_ACTION)
		return usage_error(me, "--owner and --due are for actions");
	if (argc - optind != 3)
		return usage_error(me, "%s takes a meeting, an agenda item and the text", names[kind]);
	if (meeting_file(file, sizeof(file), argv[optind]) < 0)
		return usage_error(me, "'%s' is not a meeting number (1 to %ld)", argv[optind],
				   PATH_MEETING_MAX);
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
		return usage_error(me, "the text must be UTF-8 text, not empty, without control characters");
	}
	rc = meeting_add(s, file, argv[optind + 1], kind, buf_str(&text), by, owner, due, no_commit);
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

int meeting_attend(struct store *s, const char *file, char *const *names, int no_commit)
{
	char msg[300];
	struct doc_node *seq, *c;
	struct txn t;
	int i, rc, added = 0;

	if ((rc = txn_begin(&t, s, file)) != 0)
		return rc;
	t.no_commit = no_commit;
	for (i = 0; names[i]; i++)
		if ((rc = check_option(KIND_MEETING, "attendees", names[i], "attendees", t.ids)) != 0) {
			txn_release(&t);
			return rc;
		}
	if (!(seq = dom_seq(t.doc, KIND_MEETING, NULL, 0, t.doc->root, "attendees"))) {
		txn_release(&t);
		fprintf(stderr, "convene: error: 'attendees' in %s is not a list\n", file);
		return EXIT_DATA;
	}
	for (i = 0; names[i]; i++) {
		for (c = seq->head; c; c = c->next)
			if (c->kind == DOC_SCALAR && !strcmp(c->str, names[i]))
				break;
		if (!c) {
			doc_seq_append(seq, dom_str(t.doc, names[i]));
			added++;
		}
	}
	if (!added) {
		txn_release(&t);
		note("nothing to change: they are all marked as attending");
		return EXIT_OK;
	}
	layout_subject(msg, sizeof(msg), layout_meeting_of_file(file), "%d attending", added);
	return txn_commit(&t, msg);
}

int cmd_attend(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("attend");
	char file[64], **names;
	int i, n = 0, no_commit = 0, rc;

	if (!(names = calloc((size_t)argc + 1, sizeof(char *))))
		return EXIT_INTERNAL;
	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--no-commit"))
			no_commit = 1;
		else if (!text_is_id(argv[i])) {
			free(names);
			return usage_error(me, "'%s' is not a member id", argv[i]);
		} else
			names[n++] = argv[i];
	}
	if (argc < 2 || !n) {
		free(names);
		return usage_error(me, "attend takes a meeting number and members");
	}
	if (meeting_file(file, sizeof(file), argv[1]) < 0) {
		free(names);
		return usage_error(me, "'%s' is not a meeting number (1 to %ld)", argv[1], PATH_MEETING_MAX);
	}
	rc = meeting_attend(s, file, names, no_commit);
	free(names);
	return rc;
}

/* ---- meeting new ---- */

struct numbers {
	long max;
	char lang[8];
};

static void max_number(void *ctx, const char *file, const struct doc *doc)
{
	struct numbers *n = ctx;
	long v;

	if (schema_kind_of(file) == KIND_INITIATIVE && dom_text(doc->root, "language"))
		snprintf(n->lang, sizeof(n->lang), "%s", dom_text(doc->root, "language"));
	/* a file misnamed (validate says so) numbers no meeting */
	if ((v = path_meeting_of_file(file)) > n->max)
		n->max = v;
}

static struct doc_node *agenda_entry(struct doc *doc, const char *id, const char *title)
{
	const char *keys[] = { "agenda" };
	struct doc_node *e = doc_map(doc);

	if (!e || dom_put(doc, KIND_MEETING, keys, 1, e, "id", dom_str(doc, id)) < 0 ||
	    dom_put(doc, KIND_MEETING, keys, 1, e, "title", dom_str(doc, title)) < 0)
		return NULL;
	return e;
}

static int meeting_new(int argc, char **argv, struct store *s)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' }, { "start", required_argument, NULL, 's' },
		{ "duration", required_argument, NULL, 'u' }, { "host", required_argument, NULL, 'h' },
		{ "virtual", required_argument, NULL, 'v' }, { "address", required_argument, NULL, 'a' },
		{ "title", required_argument, NULL, 't' }, { "no-commit", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd *me = cmd_find("meeting");
	const char *date = NULL, *start = NULL, *duration = NULL, *host = NULL, *virt = NULL;
	const char *address = NULL, *title = NULL;
	struct numbers nums = { 0, "en" };
	struct diags d = { 0 };
	struct scan_stats st;
	struct doc_node *r, *loc, *agenda, *e1, *e2;
	char file[64], num[24], deftitle[64], msg[200];
	struct txn t;
	struct err err;
	int c, no_commit = 0, rc = 0, he;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': rc = once(me, &date, "--date", optarg); break;
		case 's': rc = once(me, &start, "--start", optarg); break;
		case 'u': rc = once(me, &duration, "--duration", optarg); break;
		case 'h': rc = once(me, &host, "--host", optarg); break;
		case 'v': rc = once(me, &virt, "--virtual", optarg); break;
		case 'a': rc = once(me, &address, "--address", optarg); break;
		case 't': rc = once(me, &title, "--title", optarg); break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (optind < argc)
		return usage_error(me, "meeting new takes options only");
	if (host && virt)
		return usage_error(me, "a meeting has a --host or a --virtual link, not both");
	{
		const struct optfield fields[] = {
			{ "--date", date, "date" }, { "--start", start, "start" },
			{ "--duration", duration, "duration" }, { "--host", host, "location.host" },
			{ "--virtual", virt, "location.virtual" },
			{ "--address", address, "location.address" }, { "--title", title, "title" },
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
	if (nums.max >= PATH_MEETING_MAX) {
		fprintf(stderr, "convene: error: meeting %ld is the last a number can name\n", PATH_MEETING_MAX);
		return EXIT_DATA;
	}
	snprintf(num, sizeof(num), "%ld", nums.max + 1);
	path_meeting_file(file, sizeof(file), nums.max + 1);
	he = !strcmp(nums.lang, "he");
	snprintf(deftitle, sizeof(deftitle), he ? "מפגש %ld" : "Meeting %ld", nums.max + 1);
	if ((rc = txn_create(&t, s, file)) != 0)
		return rc;
	if ((rc = check_option(KIND_MEETING, "--host", host, "location.host", t.ids)) != 0) {
		txn_release(&t);
		return rc;
	}
	t.no_commit = no_commit;
	r = t.doc->root;
	if (dom_put(t.doc, KIND_MEETING, NULL, 0, r, "number", dom_plain(t.doc, num)) < 0 ||
	    dom_put(t.doc, KIND_MEETING, NULL, 0, r, "title", dom_str(t.doc, title ? title : deftitle)) < 0 ||
	    dom_put(t.doc, KIND_MEETING, NULL, 0, r, "status", dom_str(t.doc, "planned")) < 0 ||
	    dom_put(t.doc, KIND_MEETING, NULL, 0, r, "date", date ? dom_str(t.doc, date) : dom_plain(t.doc, "")) < 0 ||
	    dom_put(t.doc, KIND_MEETING, NULL, 0, r, "start", start ? dom_str(t.doc, start) : dom_plain(t.doc, "")) < 0 ||
	    (duration && dom_put(t.doc, KIND_MEETING, NULL, 0, r, "duration", dom_plain(t.doc, duration)) < 0))
		goto oom;
	if (host || virt || address) {
		const char *keys[] = { "location" };

		if (!(loc = doc_map(t.doc)) ||
		    dom_put(t.doc, KIND_MEETING, NULL, 0, r, "location", loc) < 0 ||
		    (host && dom_put(t.doc, KIND_MEETING, keys, 1, loc, "host", dom_str(t.doc, host)) < 0) ||
		    (address && dom_put(t.doc, KIND_MEETING, keys, 1, loc, "address", dom_str(t.doc, address)) < 0) ||
		    (virt && dom_put(t.doc, KIND_MEETING, keys, 1, loc, "virtual", dom_str(t.doc, virt)) < 0))
			goto oom;
	}
	if (!(agenda = dom_seq(t.doc, KIND_MEETING, NULL, 0, r, "agenda")) ||
	    !(e1 = agenda_entry(t.doc, "opening", he ? "פתיחה" : "Opening")) ||
	    !(e2 = agenda_entry(t.doc, "next-steps", he ? "סיכום וצעדים הבאים" : "Summary and next steps")))
		goto oom;
	doc_seq_append(agenda, e1);
	doc_seq_append(agenda, e2);
	layout_subject(msg, sizeof(msg), nums.max + 1, "planned%s%s", date ? " for " : "",
		       date ? date : "");
	return txn_commit(&t, msg);
oom:
	txn_release(&t);
	fprintf(stderr, "convene: error: out of memory\n");
	return EXIT_INTERNAL;
}

/* ---- reading meetings ---- */

/* Every meeting, loaded one at a time, for list, actions and hosts. */
struct meeting_info {
	long number;
	char *date, *status, *title, *host, *virt;
};

struct meeting_scan {
	struct meeting_info *v;
	size_t n;
	/* actions */
	struct buf out;
	int json, open, overdue, count;
	const char *mine;
	char today[11];
	/* hosts: members who can host */
	char **hosts;
	size_t nhosts;
	int failed;
};

static char *dup0(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void add_action_row(struct meeting_scan *m, long number, const char *item,
			   const struct doc_node *a)
{
	const char *status = dom_text(a, "status"), *due = dom_text(a, "due");
	const char *owner = dom_text(a, "owner"), *text = dom_text(a, "text");
	const char *id = dom_text(a, "id");
	int open = !status || !strcmp(status, "open");

	if ((m->open || m->overdue) && !open)
		return;
	if (m->overdue && (!due || strcmp(due, m->today) >= 0))
		return;
	if (m->mine && (!owner || strcmp(owner, m->mine)))
		return;
	if (m->json) {
		buf_adds(&m->out, m->count++ ? ",\n {" : "\n {");
		buf_addf(&m->out, "\"meeting\":%ld,\"item\":", number);
		json_str(&m->out, item, strlen(item));
		buf_adds(&m->out, ",\"id\":");
		json_str(&m->out, id ? id : "", id ? strlen(id) : 0);
		buf_adds(&m->out, ",\"owner\":");
		if (owner)
			json_str(&m->out, owner, strlen(owner));
		else
			buf_adds(&m->out, "null");
		buf_adds(&m->out, ",\"due\":");
		if (due)
			json_str(&m->out, due, strlen(due));
		else
			buf_adds(&m->out, "null");
		buf_adds(&m->out, ",\"status\":");
		json_str(&m->out, status ? status : "open", strlen(status ? status : "open"));
		buf_adds(&m->out, ",\"text\":");
		json_str(&m->out, text ? text : "", text ? strlen(text) : 0);
		buf_addc(&m->out, '}');
		return;
	}
	m->count++;
	buf_addf(&m->out, "%03ld  ", number);
	pad(&m->out, item, 18);
	pad(&m->out, owner ? owner : "-", 14);
	pad(&m->out, due ? due : "-", 12);
	pad(&m->out, status ? status : "open", 8);
	if (text) {
		const char *nl = strchr(text, '\n');

		buf_add(&m->out, text, nl ? (size_t)(nl - text) : strlen(text));
	}
	buf_addc(&m->out, '\n');
}

static void meeting_visit(void *ctx, const char *file, const struct doc *doc)
{
	struct meeting_scan *m = ctx;
	const struct doc_node *r = doc->root, *loc, *agenda, *item, *acts, *a;
	struct meeting_info *info, *nv;

	if (!r || r->kind != DOC_MAP)
		return;
	if (schema_kind_of(file) == KIND_MEMBER) {
		if (dom_flag(r, "can_host") && !dom_text(r, "left") && dom_text(r, "id")) {
			char **nh = realloc(m->hosts, (m->nhosts + 1) * sizeof(char *));

			if (!nh || !(nh[m->nhosts] = strdup(dom_text(r, "id")))) {
				m->failed = 1;
				if (nh)
					m->hosts = nh;
				return;
			}
			m->hosts = nh;
			m->nhosts++;
		}
		return;
	}
	if (schema_kind_of(file) != KIND_MEETING)
		return;
	if (!(nv = realloc(m->v, (m->n + 1) * sizeof(*nv)))) {
		m->failed = 1;
		return;
	}
	m->v = nv;
	info = &nv[m->n++];
	memset(info, 0, sizeof(*info));
	info->number = strtol(file + 9, NULL, 10);
	info->date = dup0(dom_text(r, "date"));
	info->status = dup0(dom_text(r, "status"));
	info->title = dup0(dom_text(r, "title"));
	loc = doc_get(r, "location");
	info->host = dup0(dom_text(loc, "host"));
	info->virt = dup0(dom_text(loc, "virtual"));
	if (!(agenda = doc_get(r, "agenda")) || agenda->kind != DOC_SEQ)
		return;
	for (item = agenda->head; item; item = item->next) {
		if (!(acts = doc_get(item, "actions")) || acts->kind != DOC_SEQ)
			continue;
		for (a = acts->head; a; a = a->next)
			if (a->kind == DOC_MAP)
				add_action_row(m, info->number, dom_text(item, "id") ? dom_text(item, "id") : "?", a);
	}
}

static void meeting_scan_release(struct meeting_scan *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->v[i].date);
		free(m->v[i].status);
		free(m->v[i].title);
		free(m->v[i].host);
		free(m->v[i].virt);
	}
	free(m->v);
	for (i = 0; i < m->nhosts; i++)
		free(m->hosts[i]);
	free(m->hosts);
	buf_release(&m->out);
}

static int run_scan(struct store *s, struct meeting_scan *m)
{
	return visit_initiative(s, meeting_visit, m, &m->failed);
}

static void json_opt(struct buf *b, const char *key, const char *v)
{
	buf_addf(b, ",\"%s\":", key);
	if (v)
		json_str(b, v, strlen(v));
	else
		buf_adds(b, "null");
}

static int meeting_list(int argc, char **argv, struct store *s)
{
	struct meeting_scan m = { 0 };
	struct buf b = BUF_INIT;
	size_t i;
	int json, rc;

	if ((rc = read_options(argc, argv, "meeting", 0, &json)) != 0)
		return rc;
	if ((rc = run_scan(s, &m)) != 0)
		goto done;
	if (json)
		buf_addc(&b, '[');
	for (i = 0; i < m.n; i++) {
		const struct meeting_info *x = &m.v[i];

		if (json) {
			buf_addf(&b, "%s{\"number\":%ld", i ? ",\n " : "\n ", x->number);
			json_opt(&b, "date", x->date);
			json_opt(&b, "status", x->status);
			json_opt(&b, "host", x->host);
			json_opt(&b, "virtual", x->virt);
			json_opt(&b, "title", x->title);
			buf_addc(&b, '}');
			continue;
		}
		buf_addf(&b, "%03ld  ", x->number);
		pad(&b, x->date ? x->date : "-", 12);
		pad(&b, x->status ? x->status : "?", 11);
		pad(&b, x->host ? x->host : x->virt ? "virtual" : "-", 14);
		buf_addf(&b, "%s\n", x->title ? x->title : "");
	}
	if (json)
		buf_adds(&b, m.n ? "\n]\n" : "]\n");
	rc = put_out(&b);
done:
	buf_release(&b);
	meeting_scan_release(&m);
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

		buf_addf(b, "    %s", word);
		if (by)
			buf_addf(b, " (%s)", by);
		if (owner)
			buf_addf(b, " -> %s", owner);
		if (due)
			buf_addf(b, " by %s", due);
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
		return usage_error(cmd_find("meeting"), "'%s' is not a meeting number (1 to %ld)",
				   argv[optind], PATH_MEETING_MAX);
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
		buf_addf(&b, "%s %s, %s", dom_text(r, "date") ? dom_text(r, "date") : "(no date)",
			 dom_text(r, "start") ? dom_text(r, "start") : "",
			 dom_text(r, "status") ? dom_text(r, "status") : "");
		loc = doc_get(r, "location");
		if (dom_text(loc, "host"))
			buf_addf(&b, ", hosted by %s", dom_text(loc, "host"));
		if (dom_text(loc, "virtual"))
			buf_addf(&b, ", online at %s", dom_text(loc, "virtual"));
		buf_addc(&b, '\n');
		if ((att = doc_get(r, "attendees")) && att->kind == DOC_SEQ && att->n) {
			buf_adds(&b, "attending:");
			for (a = att->head; a; a = a->next)
				if (a->kind == DOC_SCALAR)
					buf_addf(&b, " %s", a->str);
			buf_addc(&b, '\n');
		}
		if ((agenda = doc_get(r, "agenda")) && agenda->kind == DOC_SEQ)
			for (item = agenda->head; item; item = item->next) {
				buf_addf(&b, "\n  [%s] %s\n", dom_text(item, "id") ? dom_text(item, "id") : "?",
					 dom_text(item, "title") ? dom_text(item, "title") : "");
				show_entries(&b, item, "notes", "note");
				show_entries(&b, item, "decisions", "decided");
				show_entries(&b, item, "actions", "action");
			}
	}
	rc = put_out(&b);
	buf_release(&b);
	doc_free(doc);
	return rc;
}

static int meeting_edit(int argc, char **argv, struct store *s)
{
	char file[64];

	if (argc != 2 || meeting_file(file, sizeof(file), argv[1]) < 0)
		return usage_error(cmd_find("meeting"), "meeting edit takes a meeting number");
	return edit_file(s, file);
}

int cmd_meeting(int argc, char **argv, struct store *s)
{
	static const struct subcmd table[] = {
		{ "new", meeting_new }, { "list", meeting_list }, { "show", meeting_show },
		{ "edit", meeting_edit }, { NULL, NULL }
	};

	return run_subcommand("meeting", table, argc, argv, s);
}

int cmd_actions(int argc, char **argv, struct store *s)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' }, { "open", no_argument, NULL, 'o' },
		{ "mine", no_argument, NULL, 'm' }, { "overdue", no_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	struct meeting_scan m = { 0 };
	char mine[72];
	int c, rc, want_mine = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'j': m.json = 1; break;
		case 'o': m.open = 1; break;
		case 'm': want_mine = 1; break;
		case 'd': m.overdue = 1; break;
		default: return option_error(cmd_find("actions"), c, argv);
		}
	}
	if (optind < argc)
		return usage_error(cmd_find("actions"), "actions takes options only");
	if (want_mine) {
		const char *from;

		if (!(m.mine = acting_member(s, NULL, mine, sizeof(mine), &from))) {
			fprintf(stderr, "convene: error: --mine needs to know who you are\n");
			fprintf(stderr, "convene: hint: git config convene.member <your member id>\n");
			return EXIT_USAGE;
		}
		if ((rc = check_option(KIND_MEETING, from, m.mine, "agenda.actions.owner", NULL)) != 0)
			return rc;
	}
	today(m.today);
	if (m.json)
		buf_addc(&m.out, '[');
	if ((rc = run_scan(s, &m)) != 0)
		goto done;
	if (m.json)
		buf_adds(&m.out, m.count ? "\n]\n" : "]\n");
	rc = put_out(&m.out);
done:
	meeting_scan_release(&m);
	return rc;
}

/* ---- hosts ---- */

struct host_score {
	const char *id;
	int times;
	long last;  /* the number of the last meeting they hosted, 0 if none */
};

static int score_cmp(const void *a, const void *b)
{
	const struct host_score *x = a, *y = b;

	if (x->times != y->times)
		return x->times < y->times ? -1 : 1;
	if (x->last != y->last)
		return x->last < y->last ? -1 : 1;
	return strcmp(x->id, y->id);
}

int cmd_hosts(int argc, char **argv, struct store *s)
{
	struct meeting_scan m = { 0 };
	struct host_score *sc = NULL;
	struct buf b = BUF_INIT;
	size_t i, j;
	int json, rc, first = 1;

	if ((rc = read_options(argc, argv, "hosts", 0, &json)) != 0)
		return rc;
	if ((rc = run_scan(s, &m)) != 0)
		goto done;
	if (m.nhosts && !(sc = calloc(m.nhosts, sizeof(*sc)))) {
		rc = EXIT_INTERNAL;
		goto done;
	}
	for (i = 0; i < m.nhosts; i++) {
		sc[i].id = m.hosts[i];
		for (j = 0; j < m.n; j++)
			if (m.v[j].host && !strcmp(m.v[j].host, sc[i].id)) {
				sc[i].times++;
				if (m.v[j].number > sc[i].last)
					sc[i].last = m.v[j].number;
			}
	}
	if (m.nhosts)
		qsort(sc, m.nhosts, sizeof(*sc), score_cmp);
	if (json) {
		buf_adds(&b, "{\"hosted\":[");
		for (j = 0; j < m.n; j++) {
			if (!m.v[j].host && !m.v[j].virt)
				continue;
			buf_addf(&b, "%s{\"meeting\":%ld", first ? "" : ",", m.v[j].number);
			first = 0;
			json_opt(&b, "date", m.v[j].date);
			json_opt(&b, "host", m.v[j].host);
			json_opt(&b, "virtual", m.v[j].virt);
			buf_addc(&b, '}');
		}
		buf_adds(&b, "],\"next\":[");
		for (i = 0; i < m.nhosts; i++) {
			buf_addf(&b, "%s{\"member\":", i ? "," : "");
			json_str(&b, sc[i].id, strlen(sc[i].id));
			buf_addf(&b, ",\"hosted\":%d}", sc[i].times);
		}
		buf_adds(&b, "]}\n");
	} else {
		for (j = 0; j < m.n; j++) {
			if (!m.v[j].host && !m.v[j].virt)
				continue;
			buf_addf(&b, "%03ld  ", m.v[j].number);
			pad(&b, m.v[j].date ? m.v[j].date : "-", 12);
			buf_addf(&b, "%s\n", m.v[j].host ? m.v[j].host : "(virtual)");
			first = 0;
		}
		if (first)
			buf_adds(&b, "no meeting has a host yet\n");
		if (!m.nhosts) {
			buf_adds(&b, "next: no member can host (member add --can-host)\n");
		} else {
			buf_addf(&b, "next: %s", sc[0].id);
			if (sc[0].times)
				buf_addf(&b, " (hosted %d, last at meeting %03ld)", sc[0].times, sc[0].last);
			else
				buf_adds(&b, " (has not hosted yet)");
			if (m.nhosts > 1) {
				buf_adds(&b, "; then");
				for (i = 1; i < m.nhosts && i < 4; i++)
					buf_addf(&b, " %s", sc[i].id);
			}
			buf_addc(&b, '\n');
		}
	}
	rc = put_out(&b);
done:
	free(sc);
	buf_release(&b);
	meeting_scan_release(&m);
	return rc;
}
