/*
 * convene calendar: the meetings as iCalendar (DESIGN §6) — a feed of
 * every dated meeting (METHOD:PUBLISH), or one meeting as an invitation
 * (METHOD:REQUEST, METHOD:CANCEL once it is cancelled).  Made from the
 * last commit, not the work tree: SEQUENCE, DTSTAMP and LAST-MODIFIED
 * come from history (store/meetinghist.h), so the same commit always
 * gives the same bytes and an edit is in the calendar once committed.
 * The events themselves are written by core/ical.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "core/domain.h"
#include "core/ical.h"
#include "core/layout.h"
#include "core/members.h"
#include "core/text.h"
#include "store/history.h"
#include "store/meetinghist.h"

static const struct opt calendar_opts[] = {
	{ 'm', "meeting", "M", "only meeting M", 0 },
	{ 'i', "invite", NULL, "an invitation to meeting M (METHOD:REQUEST; METHOD:CANCEL\n"
	  "once it is cancelled) instead of a feed", 0 },
	{ 'o', "output", "FILE", "write to FILE (atomically) instead of standard output", 'o' },
	OPT_END
};

const struct help help_calendar = {
	"[--meeting M [--invite]] [-o FILE]",
	"The meetings as iCalendar (RFC 5545), for calendar programs: every meeting\n"
	"with a date, as a feed (METHOD:PUBLISH), or with --invite meeting M as an\n"
	"invitation to its members (METHOD:REQUEST, or METHOD:CANCEL once it is\n"
	"cancelled).  Times are in initiative.yaml's timezone (an IANA name, UTC\n"
	"when it has none); a meeting with a date and no start is an all-day event.\n"
	"\n"
	"Made from the last commit: an event's UID is the same at every site and\n"
	"in every export, and its SEQUENCE counts the commits that moved it, so a\n"
	"calendar takes a new export as an update of the same event.  The same\n"
	"commit always gives the same bytes.  ORGANIZER is a facilitator with an\n"
	"email; an invitation lists every member who has not left and has an email\n"
	"as ATTENDEE (a feed has none: RFC 5546 forbids them in PUBLISH).  A meeting\n"
	"whose date or place is an unsettled conflict is left out, saying why.\n",
	calendar_opts, NULL,
	NULL
};

/* ---- what the files say ---- */

struct member_row {
	char *id, *name, *email, *role, *address;
	int left;
};

struct meeting_row {
	long number;
	char file[32];
	char *title, *status, *date, *start, *host, *address, *virt;
	long minutes;
	struct buf goals, items;   /* one per line */
	const char *conflict;      /* the field that is an unsettled conflict */
	const char *invalid;       /* the field that holds no date, time or
				    * number of minutes */
	char *key;                 /* its ical_schedule_key(), for the history */
};

struct gather {
	char *zone, *lang, *name;
	unsigned zone_line, zone_col;
	int zone_conflict;
	struct member_row *members;
	size_t nmembers, capmembers;
	struct meeting_row *meetings;
	size_t nmeetings, capmeetings;
	int failed;
};

static char *dup_text(const struct doc_node *map, const char *key, struct gather *g)
{
	const char *t = dom_text(map, key);
	char *d;

	if (!t)
		return NULL;
	if (!(d = strdup(t)))
		g->failed = 1;
	return d;
}

/* HH:MM or HH:MM:SS, as the schema takes a time. */
static int is_time(const char *s)
{
	size_t n = strlen(s);

	return (n == 5 || n == 8) && s[0] >= '0' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' &&
	       (s[0] < '2' || s[1] <= '3') && s[2] == ':' && s[3] >= '0' && s[3] <= '5' &&
	       s[4] >= '0' && s[4] <= '9' &&
	       (n == 5 || (s[5] == ':' && s[6] >= '0' && s[6] <= '5' && s[7] >= '0' && s[7] <= '9'));
}

static void add_member(struct gather *g, const char *file, const struct doc_node *root)
{
	struct member_row *r;
	char dir[16], id[80];

	if (g->nmembers == g->capmembers) {
		size_t cap = g->capmembers ? g->capmembers * 2 : 32;
		struct member_row *v = realloc(g->members, cap * sizeof(*v));

		if (!v) {
			g->failed = 1;
			return;
		}
		g->members = v;
		g->capmembers = cap;
	}
	r = &g->members[g->nmembers++];
	memset(r, 0, sizeof(*r));
	layout_file(file, dir, sizeof(dir), id, sizeof(id));
	if (!(r->id = strdup(id)))
		g->failed = 1;
	r->name = dup_text(root, "name", g);
	r->email = dup_text(root, "email", g);
	r->role = dup_text(root, "role", g);
	r->address = dup_text(root, "address", g);
	r->left = member_left(root) != NULL;
}

static void add_meeting(struct gather *g, const char *file, long number, const struct doc *doc,
			const char *data, size_t len)
{
	const struct doc_node *root = doc ? doc->root : NULL;
	struct buf key = BUF_INIT;
	static const char *const sched[] = { "date", "start", "duration", "location" };
	const struct doc_node *loc, *n, *it;
	struct meeting_row *r;
	size_t i;

	if (g->nmeetings == g->capmeetings) {
		size_t cap = g->capmeetings ? g->capmeetings * 2 : 32;
		struct meeting_row *v = realloc(g->meetings, cap * sizeof(*v));

		if (!v) {
			g->failed = 1;
			return;
		}
		g->meetings = v;
		g->capmeetings = cap;
	}
	r = &g->meetings[g->nmeetings++];
	memset(r, 0, sizeof(*r));
	r->number = number;
	snprintf(r->file, sizeof(r->file), "%s", file);
	/* the history reads every changed version of a meeting: this one,
	 * parsed already, is given to it (the same key it would make) */
	if (ical_schedule_key_of(&key, doc, data, len) < 0 || !(r->key = buf_detach(&key, NULL)))
		g->failed = 1;
	buf_release(&key);
	if (!root || root->kind != DOC_MAP || (root->flags & DOC_CONFLICT)) {
		r->conflict = "file";
		return;
	}
	for (i = 0; i < sizeof(sched) / sizeof(sched[0]) && !r->conflict; i++)
		if (dom_has_conflict(doc_get(root, sched[i])))
			r->conflict = sched[i];
	r->title = dup_text(root, "title", g);
	r->status = dup_text(root, "status", g);
	r->date = dup_text(root, "date", g);
	r->start = dup_text(root, "start", g);
	if (dom_text(root, "duration")) {
		char *end;

		r->minutes = strtol(dom_text(root, "duration"), &end, 10);
		if (*end || r->minutes <= 0 || r->minutes > 100000)
			r->invalid = "duration";
	}
	if (r->start && !is_time(r->start))
		r->invalid = "start";
	if (r->date && !text_is_date(r->date, strlen(r->date)))
		r->invalid = "date";
	if ((loc = doc_get(root, "location")) && loc->kind == DOC_MAP) {
		r->host = dup_text(loc, "host", g);
		r->address = dup_text(loc, "address", g);
		r->virt = dup_text(loc, "virtual", g);
	}
	if ((n = doc_get(root, "goals")) && n->kind == DOC_SEQ)
		for (it = n->head; it; it = it->next)
			if (it->kind == DOC_SCALAR && !(it->flags & DOC_CONFLICT) && it->len)
				buf_addf(&r->goals, "%s\n", it->str);
	if ((n = doc_get(root, "agenda")) && n->kind == DOC_SEQ)
		for (it = n->head; it; it = it->next)
			if (dom_text(it, "title"))
				buf_addf(&r->items, "%s\n", dom_text(it, "title"));
	if (buf_failed(&r->goals) || buf_failed(&r->items))
		g->failed = 1;
}

/* Every file of the last commit, as store_tree_diff() gives them. */
static int take_file(void *ctx, const char *path, const char *old, size_t oldlen, const char *data,
		     size_t len)
{
	struct gather *g = ctx;
	enum schema_kind kind = layout_kind(path);
	struct doc *doc = NULL;
	struct err err;
	long number = 0;

	if (!data || kind == KIND_NONE || kind == KIND_INTERVIEW || kind == KIND_OUTCOME)
		return 0;
	if (kind == KIND_MEETING && (number = layout_meeting_of_file(path)) <= 0)
		return 0;  /* misnamed: validate says so */
	if (kind == KIND_MEMBER && strchr(path + strlen(LAYOUT_MEMBERS) + 1, '/'))
		return 0;
	if (doc_load(&doc, data, len, &err) < 0) {
		/* validate says what is wrong; a meeting we cannot read is
		 * left out, and said to be */
		if (kind == KIND_MEETING)
			add_meeting(g, path, number, NULL, data, len);
		return g->failed ? -1 : 0;
	}
	if (kind == KIND_INITIATIVE && doc->root && doc->root->kind == DOC_MAP) {
		const struct doc_node *tz = doc_get(doc->root, "timezone");

		g->zone = dup_text(doc->root, "timezone", g);
		g->lang = dup_text(doc->root, "language", g);
		g->name = dup_text(doc->root, "name", g);
		if (tz) {
			g->zone_line = tz->line;
			g->zone_col = tz->col;
			g->zone_conflict = dom_has_conflict(tz);
		}
	} else if (kind == KIND_MEMBER && doc->root && doc->root->kind == DOC_MAP) {
		add_member(g, path, doc->root);
	} else if (kind == KIND_MEETING) {
		add_meeting(g, path, number, doc, data, len);
	}
	doc_free(doc);
	return g->failed ? -1 : 0;
}

static void gather_release(struct gather *g)
{
	size_t i;

	for (i = 0; i < g->nmembers; i++) {
		struct member_row *m = &g->members[i];

		free(m->id), free(m->name), free(m->email), free(m->role), free(m->address);
	}
	for (i = 0; i < g->nmeetings; i++) {
		struct meeting_row *m = &g->meetings[i];

		free(m->title), free(m->status), free(m->date), free(m->start);
		free(m->host), free(m->address), free(m->virt), free(m->key);
		buf_release(&m->goals);
		buf_release(&m->items);
	}
	free(g->members);
	free(g->meetings);
	free(g->zone), free(g->lang), free(g->name);
}

static const struct member_row *member_by_id(const struct gather *g, const char *id)
{
	size_t i;

	for (i = 0; id && i < g->nmembers; i++)
		if (!strcmp(g->members[i].id, id))
			return &g->members[i];
	return NULL;
}

/* ---- the event of a meeting ---- */

/* An address on one line: its lines joined by ", ". */
static void one_line(struct buf *b, const char *s)
{
	int first = 1;

	while (*s) {
		size_t n = strcspn(s, "\n");

		while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
			n--;
		if (n) {
			if (!first)
				buf_adds(b, ", ");
			buf_add(b, s, n);
			first = 0;
		}
		s += strcspn(s, "\n");
		if (*s)
			s++;
		while (*s == ' ')
			s++;
	}
}

/* LOCATION: the address given, else the host's (or their name), else the
 * virtual link. */
static void location_of(struct buf *b, const struct gather *g, const struct meeting_row *m)
{
	const struct member_row *host = member_by_id(g, m->host);

	if (m->address)
		one_line(b, m->address);
	else if (host && host->address)
		one_line(b, host->address);
	else if (host && host->name)
		buf_adds(b, host->name);
	else if (m->virt)
		buf_adds(b, m->virt);
}

static void description_of(struct buf *b, const struct meeting_row *m, int he)
{
	const char *p;
	int n = 0;

	if (m->goals.len) {
		buf_adds(b, he ? "מטרות:\n" : "Goals:\n");
		for (p = buf_str(&m->goals); *p; p += strcspn(p, "\n") + 1)
			buf_addf(b, "- %.*s\n", (int)strcspn(p, "\n"), p);
	}
	if (m->items.len) {
		buf_adds(b, b->len ? "\n" : "");
		buf_adds(b, he ? "סדר היום:\n" : "Agenda:\n");
		for (p = buf_str(&m->items); *p; p += strcspn(p, "\n") + 1)
			buf_addf(b, "%d. %.*s\n", ++n, (int)strcspn(p, "\n"), p);
	}
	if (m->virt) {
		buf_adds(b, b->len ? "\n" : "");
		buf_addf(b, "%s %s\n", he ? "קישור לפגישה:" : "Online:", m->virt);
	}
	/* no final line end inside the value */
	while (b->len && b->ptr[b->len - 1] == '\n')
		b->ptr[--b->len] = '\0';
}

/* The meetings as "1-3, 5", for the message about one that is not there. */
static void list_numbers(struct buf *b, const struct gather *g)
{
	size_t i = 0, j;

	while (i < g->nmeetings) {
		for (j = i; j + 1 < g->nmeetings && g->meetings[j + 1].number == g->meetings[j].number + 1; j++)
			;
		buf_addf(b, "%s%ld", i ? ", " : "", g->meetings[i].number);
		if (j > i)
			buf_addf(b, "%s%ld", j > i + 1 ? "-" : ", ", g->meetings[j].number);
		i = j + 1;
	}
}

static int by_number(const void *a, const void *b)
{
	long x = ((const struct meeting_row *)a)->number, y = ((const struct meeting_row *)b)->number;

	return x < y ? -1 : x > y;
}


/* Says which files of the calendar have changes not committed. */
static void note_uncommitted(struct store *s)
{
	char **files;
	size_t n, i;
	struct err err;

	if (store_changed(s, &files, &n, &err) < 0)
		return;
	for (i = 0; i < n; i++) {
		enum schema_kind k = layout_kind(files[i]);

		if (k == KIND_MEETING || k == KIND_MEMBER || k == KIND_INITIATIVE)
			fprintf(stderr, "convene: note: %s has changes not committed: the calendar is made "
				"from the last commit (convene commit records them)\n", files[i]);
	}
	store_list_free(files, n);
}

int cmd_calendar(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("calendar");
	const char *marg = NULL, *out = NULL, *zone;
	struct gather g;
	struct meeting_hist hist;
	struct store_commit head;
	struct ical_event *events = NULL;
	struct ical_person *attendees = NULL, organizer = { NULL, NULL };
	struct buf *texts = NULL, ics = BUF_INIT;
	struct ical_calendar cal;
	struct err err;
	long want = 0;
	size_t i, nattendees = 0, nevents = 0;
	int c, invite = 0, rc = 0, he, have_org = 0;

	optind = 0;
	while ((c = opt_next(calendar_opts, argc, argv)) != -1) {
		switch (c) {
		case 'm': rc = once(me, &marg, "--meeting", optarg); break;
		case 'i': invite = 1; break;
		case 'o': rc = once(me, &out, "-o", optarg); break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (optind < argc)
		return usage_error(me, "calendar takes options only (--meeting M for one meeting)");
	if (invite && !marg)
		return usage_error(me, "--invite needs --meeting M: an invitation is to one meeting");
	if (marg && !(want = layout_meeting_number(marg)))
		return usage_error(me, "'%s' names no meeting: give its number (4, 004)", marg);
	if (out && !strcmp(out, "-"))
		out = NULL;

	memset(&g, 0, sizeof(g));
	memset(&hist, 0, sizeof(hist));
	err_clear(&err);
	if (store_is_unborn(s)) {
		fprintf(stderr, "convene: error: nothing is committed yet: the calendar is made from commits\n"
			"convene: hint: convene commit records the files as they are\n");
		return EXIT_DATA;
	}
	if (store_resolve(s, "HEAD", &head, &err) < 0)
		return report(NULL, &err);
	store_commit_release(&head);
	if (store_tree_diff(s, NULL, &head.oid, take_file, &g, &err) < 0 || g.failed) {
		rc = g.failed ? out_of_memory() : report(NULL, &err);
		goto done;
	}
	qsort(g.meetings, g.nmeetings, sizeof(*g.meetings), by_number);
	note_uncommitted(s);

	zone = g.zone;
	if (g.zone_conflict) {
		fprintf(stderr, "%s:%u:%u: error: timezone is an unsettled conflict\n"
			"convene: hint: convene conflicts lists it; convene resolve timezone --side N settles it\n",
			LAYOUT_INITIATIVE, g.zone_line, g.zone_col);
		rc = EXIT_DATA;
		goto done;
	}
	if (!zone) {
		fprintf(stderr, "convene: hint: initiative.yaml has no timezone, so times are in UTC; "
			"convene set timezone Asia/Jerusalem (an IANA name) sets it\n");
	} else if (!ical_zone_known(zone)) {
		fprintf(stderr, "%s:%u:%u: error: unknown time zone '%s'\n"
			"convene: hint: a name from the tz database, as Asia/Jerusalem or America/New_York\n",
			LAYOUT_INITIATIVE, g.zone_line, g.zone_col, zone);
		rc = EXIT_DATA;
		goto done;
	}
	he = g.lang && !strcmp(g.lang, "he");

	if (want) {
		struct meeting_row *m = NULL;

		for (i = 0; i < g.nmeetings; i++)
			if (g.meetings[i].number == want)
				m = &g.meetings[i];
		if (!m) {
			struct buf list = BUF_INIT;

			list_numbers(&list, &g);
			fprintf(stderr, "convene: error: there is no meeting %ld%s%s\n", want,
				g.nmeetings ? "; the meetings are " : " (there are no meetings yet)",
				buf_str(&list));
			buf_release(&list);
			rc = EXIT_DATA;
			goto done;
		}
		if (m->invalid && !m->conflict) {
			fprintf(stderr, "convene: error: %s: the %s of meeting %ld is not valid\n"
				"convene: hint: convene validate says what is wrong\n", m->file, m->invalid, want);
			rc = EXIT_DATA;
			goto done;
		}
		if (m->conflict || !m->date) {
			if (m->conflict && !strcmp(m->conflict, "file"))
				fprintf(stderr, "convene: error: %s cannot be read or is an unsettled conflict as a whole\n"
					"convene: hint: convene validate says what is wrong\n", m->file);
			else if (m->conflict)
				fprintf(stderr, "convene: error: the %s of meeting %ld is an unsettled conflict\n"
					"convene: hint: convene conflicts lists it; convene resolve settles it\n",
					m->conflict, want);
			else
				fprintf(stderr, "convene: error: meeting %ld has no date\n"
					"convene: hint: convene meeting edit %ld --date YYYY-MM-DD sets one\n", want, want);
			rc = EXIT_DATA;
			goto done;
		}
	}

	{
		struct meeting_hist_key *known = calloc(g.nmeetings ? g.nmeetings : 1, sizeof(*known));

		if (!known) {
			rc = out_of_memory();
			goto done;
		}
		for (i = 0; i < g.nmeetings; i++) {
			known[i].file = g.meetings[i].file;
			known[i].key = g.meetings[i].key;
		}
		rc = store_meeting_history(&hist, s, known, g.nmeetings, &err);
		free(known);
		if (rc < 0) {
			rc = report(NULL, &err);
			goto done;
		}
	}
	rc = 0;

	/* the organizer: the first facilitator (by id) with an email; the
	 * attendees: every member who has not left, with an email */
	if (!(attendees = calloc(g.nmembers ? g.nmembers : 1, sizeof(*attendees))) ||
	    !(events = calloc(g.nmeetings ? g.nmeetings : 1, sizeof(*events))) ||
	    !(texts = calloc(4 * (g.nmeetings ? g.nmeetings : 1), sizeof(*texts)))) {
		rc = out_of_memory();
		goto done;
	}
	for (i = 0; i < g.nmembers; i++) {
		const struct member_row *mr = &g.members[i];

		if (mr->left || !mr->email)
			continue;
		attendees[nattendees].name = mr->name ? mr->name : mr->id;
		attendees[nattendees++].email = mr->email;
		if (!have_org && mr->role && !strcmp(mr->role, "facilitator")) {
			organizer = attendees[nattendees - 1];
			have_org = 1;
		}
	}
	if (!have_org)
		fprintf(stderr, "convene: note: no facilitator with an email, so the events have no ORGANIZER; "
			"convene member edit ID --role facilitator --email ADDRESS names one\n");

	for (i = 0; i < g.nmeetings; i++) {
		struct meeting_row *m = &g.meetings[i];
		const struct meeting_hist_entry *h = meeting_hist_find(&hist, m->file);
		struct ical_event *e = &events[nevents];
		struct buf *uid = &texts[4 * nevents], *loc = uid + 1, *desc = uid + 2, *sum = uid + 3;
		char num[16];

		if (want && m->number != want)
			continue;
		if (m->conflict) {
			if (!strcmp(m->conflict, "file"))
				fprintf(stderr, "convene: %s is not in the calendar: it cannot be read, or is an "
					"unsettled conflict as a whole (convene validate)\n", m->file);
			else
				fprintf(stderr, "convene: meeting %ld is not in the calendar: its %s is an unsettled "
					"conflict (convene conflicts lists it, convene resolve settles it)\n",
					m->number, m->conflict);
			continue;
		}
		if (!m->date)
			continue;  /* not planned for a day yet */
		if (m->invalid) {
			fprintf(stderr, "convene: meeting %ld is not in the calendar: its %s is not valid "
				"(convene validate says what is wrong)\n", m->number, m->invalid);
			continue;
		}
		layout_meeting_name(num, sizeof(num), m->number);
		buf_addf(uid, "%s-%s@convene", hist.root, num);
		location_of(loc, &g, m);
		description_of(desc, m, he);
		e->uid = buf_str(uid);
		e->sequence = h ? h->sequence : 0;
		e->stamp = h ? h->changed : 0;
		e->date = m->date;
		e->start = m->start;
		e->minutes = m->minutes;
		if (m->title) {
			e->summary = m->title;
		} else {
			buf_addf(sum, he ? "פגישה %ld" : "Meeting %ld", m->number);
			e->summary = buf_str(sum);
		}
		e->location = loc->len ? buf_str(loc) : NULL;
		e->url = m->virt;
		e->description = desc->len ? buf_str(desc) : NULL;
		e->cancelled = m->status && !strcmp(m->status, "cancelled");
		e->organizer = have_org ? &organizer : NULL;
		e->attendees = attendees;
		e->nattendees = nattendees;
		if (buf_failed(uid) || buf_failed(loc) || buf_failed(desc) || buf_failed(sum)) {
			rc = out_of_memory();
			goto done;
		}
		nevents++;
	}

	memset(&cal, 0, sizeof(cal));
	cal.method = !invite ? ICAL_PUBLISH : events[0].cancelled ? ICAL_CANCEL : ICAL_REQUEST;
	cal.zone = zone;
	cal.name = want ? NULL : g.name;
	cal.events = events;
	cal.n = nevents;
	if (ical_write(&ics, &cal, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if (out) {
		if (store_write_output(out, ics.ptr, ics.len, &err) < 0)
			rc = report(NULL, &err);
	} else {
		rc = put_out(&ics);
	}
done:
	for (i = 0; texts && i < 4 * (g.nmeetings ? g.nmeetings : 1); i++)
		buf_release(&texts[i]);
	free(texts);
	free(events);
	free(attendees);
	buf_release(&ics);
	store_meeting_history_release(&hist);
	gather_release(&g);
	return rc;
}
