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
#include "i18n.h"
#include "core/calendar.h"
#include "core/domain.h"
#include "core/ical.h"
#include "core/layout.h"
#include "core/members.h"
#include "core/text.h"
#include "store/history.h"
#include "store/meetinghist.h"

static const struct opt calendar_opts[] = {
	{ 'm', "meeting", "M", N_("only meeting M"), 0 },
	{ 'i', "invite", NULL, N_("an invitation to meeting M (METHOD:REQUEST; METHOD:CANCEL\n"
	  "once it is cancelled) instead of a feed"), 0 },
	{ 'o', "output", "FILE", N_("write to FILE (atomically) instead of standard output"), 'o' },
	OPT_END
};

const struct help help_calendar = {
	"[--meeting M [--invite]] [-o FILE]",
	N_("The meetings as iCalendar (RFC 5545), for calendar programs: every meeting\n"
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
	"whose date or place is an unsettled conflict is left out, saying why.\n"),
	calendar_opts, NULL,
	NULL
};

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

		if (k != KIND_MEETING && k != KIND_MEMBER && k != KIND_INITIATIVE)
			continue;
		fputs("convene: note: ", stderr);
		fprintf(stderr, _("%s has changes not committed: the calendar is made "
				  "from the last commit (convene commit records them)"), files[i]);
		fputc('\n', stderr);
	}
	store_list_free(files, n);
}

int cmd_calendar(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("calendar");
	const char *marg = NULL, *out = NULL, *zone;
	struct cal_gather g;
	struct meeting_hist hist;
	struct store_commit head;
	struct ical_event *events = NULL;
	struct ical_person *attendees = NULL, organizer = { NULL, NULL };
	struct buf *texts = NULL, ics = BUF_INIT;
	struct ical_calendar cal;
	struct err err;
	long want = 0;
	size_t i, nattendees = 0, nevents = 0;
	int c, invite = 0, rc = 0, he, have_org = 0, known;

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
		return usage_error(me, "%s", _("calendar takes options only (--meeting M for one meeting)"));
	if (invite && !marg)
		return usage_error(me, "%s", _("--invite needs --meeting M: an invitation is to one meeting"));
	if (marg && !(want = layout_meeting_number(marg)))
		return usage_error(me, _("'%s' names no meeting: give its number (4, 004)"), marg);
	if (out && !strcmp(out, "-"))
		out = NULL;

	memset(&g, 0, sizeof(g));
	memset(&hist, 0, sizeof(hist));
	err_clear(&err);
	if (store_is_unborn(s)) {
		fprintf(stderr, "convene: error: %s\nconvene: hint: %s\n",
			_("nothing is committed yet: the calendar is made from commits"),
			_("convene commit records the files as they are"));
		return EXIT_DATA;
	}
	if (store_resolve(s, "HEAD", &head, &err) < 0)
		return report(NULL, &err);
	store_commit_release(&head);
	if (store_tree_diff(s, NULL, &head.oid, cal_take_file, &g, &err) < 0 || g.failed) {
		rc = g.failed ? out_of_memory() : report(NULL, &err);
		goto done;
	}
	if (g.nmeetings)
		qsort(g.meetings, g.nmeetings, sizeof(*g.meetings), cal_by_number);
	note_uncommitted(s);

	zone = g.zone;
	if (g.zone_conflict) {
		fprintf(stderr, "%s:%u:%u: error: %s\nconvene: hint: %s\n", LAYOUT_INITIATIVE, g.zone_line,
			g.zone_col, _("timezone is an unsettled conflict"),
			_("convene conflicts lists it; convene resolve timezone --side N settles it"));
		rc = EXIT_DATA;
		goto done;
	}
	if (!zone) {
		fprintf(stderr, "convene: hint: %s\n",
			_("initiative.yaml has no timezone, so times are in UTC; "
			  "convene set timezone Asia/Jerusalem (an IANA name) sets it"));
	} else if ((known = ical_zone_known(zone, &err)) < 0) {
		rc = report(NULL, &err);  /* libical cannot be opened */
		goto done;
	} else if (!known) {
		fprintf(stderr, "%s:%u:%u: error: ", LAYOUT_INITIATIVE, g.zone_line, g.zone_col);
		fprintf(stderr, _("unknown time zone '%s'"), zone);
		fprintf(stderr, "\nconvene: hint: %s\n",
			_("a name from the tz database, as Asia/Jerusalem or America/New_York"));
		rc = EXIT_DATA;
		goto done;
	}
	he = g.lang && !strcmp(g.lang, "he");

	if (want) {
		struct cal_meeting *m = NULL;

		for (i = 0; i < g.nmeetings; i++)
			if (g.meetings[i].number == want)
				m = &g.meetings[i];
		if (!m) {
			struct buf list = BUF_INIT;

			cal_list_numbers(&list, &g);
			fputs("convene: error: ", stderr);
			if (g.nmeetings)
				fprintf(stderr, _("there is no meeting %ld; the meetings are %s"), want,
					buf_str(&list));
			else
				fprintf(stderr, _("there is no meeting %ld (there are no meetings yet)"), want);
			fputc('\n', stderr);
			buf_release(&list);
			rc = EXIT_DATA;
			goto done;
		}
		if (m->invalid && !m->conflict) {
			fputs("convene: error: ", stderr);
			/* TRANSLATORS: the file, its field (not translated), the meeting */
			fprintf(stderr, _("%s: the %s of meeting %ld is not valid"), m->file, m->invalid, want);
			fprintf(stderr, "\nconvene: hint: %s\n", _("convene validate says what is wrong"));
			rc = EXIT_DATA;
			goto done;
		}
		if (m->conflict || !m->date) {
			fputs("convene: error: ", stderr);
			if (m->conflict && !strcmp(m->conflict, "file")) {
				fprintf(stderr, _("%s cannot be read or is an unsettled conflict as a whole"), m->file);
				fprintf(stderr, "\nconvene: hint: %s\n", _("convene validate says what is wrong"));
			} else if (m->conflict) {
				/* TRANSLATORS: the field (not translated), the meeting */
				fprintf(stderr, _("the %s of meeting %ld is an unsettled conflict"), m->conflict, want);
				fprintf(stderr, "\nconvene: hint: %s\n",
					_("convene conflicts lists it; convene resolve settles it"));
			} else {
				fprintf(stderr, _("meeting %ld has no date"), want);
				fputs("\nconvene: hint: ", stderr);
				fprintf(stderr, _("convene meeting edit %ld --date YYYY-MM-DD sets one"), want);
				fputc('\n', stderr);
			}
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
		const struct cal_member *mr = &g.members[i];

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
		fprintf(stderr, "convene: note: %s\n",
			_("no facilitator with an email, so the events have no ORGANIZER; "
			  "convene member edit ID --role facilitator --email ADDRESS names one"));

	for (i = 0; i < g.nmeetings; i++) {
		struct cal_meeting *m = &g.meetings[i];
		const struct meeting_hist_entry *h = meeting_hist_find(&hist, m->file);
		struct ical_event *e = &events[nevents];
		struct buf *uid = &texts[4 * nevents], *loc = uid + 1, *desc = uid + 2, *sum = uid + 3;
		char num[16];

		if (want && m->number != want)
			continue;
		if (m->conflict) {
			fputs("convene: ", stderr);
			if (!strcmp(m->conflict, "file"))
				fprintf(stderr, _("%s is not in the calendar: it cannot be read, or is an "
						  "unsettled conflict as a whole (convene validate)"), m->file);
			else
				/* TRANSLATORS: the meeting, its field (not translated) */
				fprintf(stderr, _("meeting %ld is not in the calendar: its %s is an unsettled "
						  "conflict (convene conflicts lists it, convene resolve settles it)"),
					m->number, m->conflict);
			fputc('\n', stderr);
			continue;
		}
		if (!m->date)
			continue;  /* not planned for a day yet */
		if (m->invalid) {
			fputs("convene: ", stderr);
			/* TRANSLATORS: the meeting, its field (not translated) */
			fprintf(stderr, _("meeting %ld is not in the calendar: its %s is not valid "
					  "(convene validate says what is wrong)"), m->number, m->invalid);
			fputc('\n', stderr);
			continue;
		}
		layout_meeting_name(num, sizeof(num), m->number);
		buf_addf(uid, "%s-%s@convene", hist.root, num);
		cal_location(loc, &g, m);
		cal_description(desc, m, he);
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
	cal_gather_release(&g);
	return rc;
}
