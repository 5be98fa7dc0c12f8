/*
 * The iCalendar writer (core/ical.c): whole outputs for a timed and an
 * all-day event, the zone, folding of Hebrew; and the meetings' history
 * (store/meetinghist.c) on a real repository made by git.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ical.h"
#include "core/schedule.h"
#include "store/meetinghist.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

static const struct ical_person dana = { "Dana Levi", "dana@example.org" };
static const struct ical_person people[] = {
	{ "Dana Levi", "dana@example.org" }, { "Avi Cohen", "avi@example.org" }
};

static struct ical_event event(const char *uid, const char *date, const char *start)
{
	struct ical_event e;

	memset(&e, 0, sizeof(e));
	e.uid = uid;
	e.sequence = 2;
	e.stamp = 1767225600;  /* 2026-01-01T00:00:00Z */
	e.date = date;
	e.start = start;
	e.summary = "Meeting 1";
	e.organizer = &dana;
	e.attendees = people;
	e.nattendees = 2;
	return e;
}

static int write_cal(struct buf *b, enum ical_method method, const char *zone,
		     const struct ical_event *e, size_t n)
{
	struct ical_calendar cal = { method, zone, NULL, e, n };
	struct err err;

	buf_reset(b);
	if (ical_write(b, &cal, &err) < 0) {
		printf("  %s\n", err.msg);
		return -1;
	}
	return 0;
}

void test_ical__timed_event_in_utc(void)
{
	struct ical_event e = event("abc-001@convene", "2026-02-01", "17:00");
	struct buf b = BUF_INIT;
	int rc;

	e.minutes = 90;
	e.location = "Hall 1, Beersheva";
	e.url = "https://meet.example.org/lit";
	e.description = "Goals:\n- meet; talk";
	rc = write_cal(&b, ICAL_REQUEST, NULL, &e, 1);
	check(rc == 0);
	check_str(buf_str(&b),
		  "BEGIN:VCALENDAR\r\n"
		  "VERSION:2.0\r\n"
		  "PRODID:-//convene//NONSGML convene calendar//EN\r\n"
		  "CALSCALE:GREGORIAN\r\n"
		  "METHOD:REQUEST\r\n"
		  "BEGIN:VEVENT\r\n"
		  "UID:abc-001@convene\r\n"
		  "SEQUENCE:2\r\n"
		  "DTSTAMP:20260101T000000Z\r\n"
		  "LAST-MODIFIED:20260101T000000Z\r\n"
		  "DTSTART:20260201T170000Z\r\n"
		  "DTEND:20260201T183000Z\r\n"
		  "SUMMARY:Meeting 1\r\n"
		  "LOCATION:Hall 1\\, Beersheva\r\n"
		  "URL:https://meet.example.org/lit\r\n"
		  "DESCRIPTION:Goals:\\n- meet\\; talk\r\n"
		  "STATUS:CONFIRMED\r\n"
		  "ORGANIZER;CN=Dana Levi:mailto:dana@example.org\r\n"
		  "ATTENDEE;CN=Dana Levi;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;\r\n"
		  " RSVP=TRUE:mailto:dana@example.org\r\n"
		  "ATTENDEE;CN=Avi Cohen;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;\r\n"
		  " RSVP=TRUE:mailto:avi@example.org\r\n"
		  "END:VEVENT\r\n"
		  "END:VCALENDAR\r\n");
	buf_release(&b);
}

void test_ical__all_day_event_cancelled_in_a_feed(void)
{
	struct ical_event e = event("abc-002@convene", "2026-02-28", NULL);
	struct buf b = BUF_INIT;
	int rc;

	e.cancelled = 1;
	e.minutes = 45;  /* an all-day event has no time to last */
	/* a zone, but no timed event: no VTIMEZONE; a feed: no attendees */
	rc = write_cal(&b, ICAL_PUBLISH, "Asia/Jerusalem", &e, 1);
	check(rc == 0);
	check_str(buf_str(&b),
		  "BEGIN:VCALENDAR\r\n"
		  "VERSION:2.0\r\n"
		  "PRODID:-//convene//NONSGML convene calendar//EN\r\n"
		  "CALSCALE:GREGORIAN\r\n"
		  "METHOD:PUBLISH\r\n"
		  "BEGIN:VEVENT\r\n"
		  "UID:abc-002@convene\r\n"
		  "SEQUENCE:2\r\n"
		  "DTSTAMP:20260101T000000Z\r\n"
		  "LAST-MODIFIED:20260101T000000Z\r\n"
		  "DTSTART;VALUE=DATE:20260228\r\n"
		  "DTEND;VALUE=DATE:20260301\r\n"
		  "SUMMARY:Meeting 1\r\n"
		  "STATUS:CANCELLED\r\n"
		  "ORGANIZER;CN=Dana Levi:mailto:dana@example.org\r\n"
		  "END:VEVENT\r\n"
		  "END:VCALENDAR\r\n");
	buf_release(&b);
}

void test_ical__zone_plain_tzid_and_default_duration(void)
{
	struct ical_event e[2] = { event("a-001@convene", "2026-03-26", "17:00"),
				   event("a-002@convene", "2026-03-27", "01:00") };
	struct buf b = BUF_INIT;
	const char *s;
	int rc;

	/* Israel's clocks go forward at 02:00 on Friday 2026-03-27: a
	 * meeting from 01:00 for two hours ends at 04:00 on the wall */
	rc = write_cal(&b, ICAL_PUBLISH, "Asia/Jerusalem", e, 2);
	check(rc == 0);
	s = buf_str(&b);
	check(strstr(s, "BEGIN:VTIMEZONE\r\nTZID:Asia/Jerusalem\r\n"));
	check(!strstr(s, "freeassociation"));
	check(strstr(s, "RRULE:"));
	check(strstr(s, "DTSTART;TZID=Asia/Jerusalem:20260326T170000\r\n"
			"DTEND;TZID=Asia/Jerusalem:20260326T190000\r\n"));
	check(strstr(s, "DTSTART;TZID=Asia/Jerusalem:20260327T010000\r\n"
			"DTEND;TZID=Asia/Jerusalem:20260327T040000\r\n"));
	/* the zone comes before the events that use it */
	check(strstr(s, "END:VTIMEZONE") < strstr(s, "BEGIN:VEVENT"));
	/* cut: nothing of the zone's history before 2000 */
	check(!strstr(s, "DTSTART:19"));
	buf_release(&b);
}

void test_ical__unknown_zone_is_an_error(void)
{
	struct ical_event e = event("a@convene", "2026-03-26", "17:00");
	struct ical_calendar cal = { ICAL_PUBLISH, "Asia/Jerusalm", NULL, &e, 1 };
	struct buf b = BUF_INIT;
	struct err err;

	check(ical_zone_known("Asia/Jerusalm", &err) == 0);
	check(ical_zone_known("America/New_York", &err) == 1);
	check(ical_zone_known("UTC", &err) == 1);
	check(ical_write(&b, &cal, &err) == ERR_DATA);
	check(strstr(err.msg, "Asia/Jerusalm"));
	buf_release(&b);
}

void test_ical__library_that_cannot_be_opened(void)
{
	const char *lead = "the calendar needs libical (libical-none.so.3): ";
	struct err err;

	err_clear(&err);
	check(ical_load("libical-none.so.3", &err) == ERR_INTERNAL);
	check(!strncmp(err.msg, lead, strlen(lead)));
	/* then what dlopen() said */
	check(strstr(err.msg + strlen(lead), "libical-none.so.3: cannot open shared object file"));
	check_str(err.hint, "install it: apt-get install libical3");
}

void test_ical__library_without_the_functions(void)
{
	const char *lead = "the calendar needs libical (libc.so.6): ";
	struct ical_event e = event("a-001@convene", "2026-02-01", NULL);
	struct buf b = BUF_INIT;
	struct err err;
	int rc;

	/* a library that opens, but is no libical: dlsym() names the
	 * function it lacks */
	check(ical_load("libc.so.6", &err) == ERR_INTERNAL);
	check(!strncmp(err.msg, lead, strlen(lead)));
	check(strstr(err.msg, "undefined symbol: ical"));
	/* the real one works, again and again, and so does the writer */
	check(ical_load(ICAL_SONAME, &err) == 0);
	check(ical_load(ICAL_SONAME, &err) == 0);
	rc = write_cal(&b, ICAL_PUBLISH, NULL, &e, 1);
	check(rc == 0);
	check(strstr(buf_str(&b), "DTSTART;VALUE=DATE:20260201\r\n"));
	buf_release(&b);
}

/* Whether s[0..n) is whole UTF-8 characters. */
static int whole_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t len = s[i] < 0x80 ? 1 : (s[i] & 0xe0) == 0xc0 ? 2 : (s[i] & 0xf0) == 0xe0 ? 3 : 4;
		size_t k;

		if ((s[i] & 0xc0) == 0x80 || i + len > n)
			return 0;
		for (k = 1; k < len; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

void test_ical__hebrew_folded_between_characters(void)
{
	const char *title = "מפגש ראשון: היכרות, חזון משותף, סריקת סביבה ומיפוי נכסים בקהילה";
	struct ical_event e = event("a-001@convene", "2026-02-01", "17:00");
	struct buf b = BUF_INIT, unfolded = BUF_INIT;
	const char *s, *line, *want = "SUMMARY:מפגש ראשון: היכרות\\, חזון משותף\\, סריקת סביבה ומיפוי נכסים בקהילה\r\n";
	int folded = 0, rc;

	e.summary = title;
	rc = write_cal(&b, ICAL_PUBLISH, NULL, &e, 1);
	check(rc == 0);
	/* every line at most 75 octets, and whole characters */
	for (s = buf_str(&b); *s; s = line + 2) {
		line = strstr(s, "\r\n");
		check(line);
		check(line - s <= 75);
		check(whole_utf8((const unsigned char *)s, (size_t)(line - s)));
		folded += *s == ' ';
	}
	check(folded >= 1);
	/* unfolded (CRLF and one space removed), the summary is whole */
	for (s = buf_str(&b); *s; s++) {
		if (!strncmp(s, "\r\n ", 3)) {
			s += 2;
			continue;
		}
		buf_addc(&unfolded, *s);
	}
	check(strstr(buf_str(&unfolded), want));
	buf_release(&b);
	buf_release(&unfolded);
}

/* ---- the history of the meetings, on a real repository ---- */

static int make_repo(char *dir, const char *script)
{
	char all[8192];

	snprintf(all, sizeof(all), "mkdir meetings && t=1767225600 && "
		 "put() { t=$((t + 3600)) && printf \"$2\" > meetings/$1.yaml && "
		 "git add meetings/$1.yaml && GIT_AUTHOR_DATE=\"$t +0200\" "
		 "GIT_COMMITTER_DATE=\"$t +0200\" git commit -qm \"$3\"; } && %s", script);
	return unit_repo(dir, all);
}

static int hist_known(struct meeting_hist *h, const char *dir, const struct meeting_hist_key *known,
		      size_t n)
{
	struct store *s = NULL;
	struct err err;
	int ok;

	err_clear(&err);
	ok = store_global_init() == 0 && store_open(&s, dir, &err) == 0 &&
	     store_meeting_history(h, s, known, n, &err) == 0;
	if (!ok)
		printf("  %s\n", err.msg);
	store_free(s);
	store_global_shutdown();
	return ok;
}

static int hist_of(struct meeting_hist *h, const char *dir)
{
	return hist_known(h, dir, NULL, 0);
}

#define M(date, start, extra) "number: 1\\ntitle: One\\nstatus: planned\\ndate: " date \
	"\\nstart: \\\"" start "\\\"\\n" extra

void test_ical__sequence_counts_moves_not_notes(void)
{
	char dir[] = "/tmp/convene-unit-ical-XXXXXX";
	char root[64] = "";
	struct meeting_hist h;
	const struct meeting_hist_entry *one, *two;
	int ok;

	memset(&h, 0, sizeof(h));
	ok = make_repo(dir,
		       "put 001 '" M("2026-02-01", "17:00", "") "' 'meeting 001: planned' && "
		       "put 002 'number: 2\\ntitle: Two\\nstatus: planned\\n' 'meeting 002: planned' && "
		       "put 001 '" M("2026-02-08", "17:00", "") "' 'meeting 001: a week later' && "
		       "put 002 'number: 2\\ntitle: Two\\nstatus: planned\\ndate: 2026-03-01\\n' 'meeting 002: dated' && "
		       "put 001 '" M("2026-02-08", "18:00", "") "' 'meeting 001: an hour later' && "
		       "put 001 '" M("2026-02-08", "18:00", "agenda:\\n- id: x\\n  title: X\\n  notes:\\n  - id: n1\\n    text: a note\\n")
		       "' 'meeting 001: note' && git rev-list --max-parents=0 HEAD > root");
	if (ok) {
		FILE *f;
		char path[128];

		snprintf(path, sizeof(path), "%s/root", dir);
		if ((f = fopen(path, "r"))) {
			if (!fgets(root, sizeof(root), f))
				root[0] = '\0';
			fclose(f);
		}
		root[strcspn(root, "\n")] = '\0';
	}
	ok = ok && hist_of(&h, dir);
	unit_repo_remove(dir);
	check(ok);
	check(h.n == 2);
	check_str(h.root, root);
	one = meeting_hist_find(&h, "meetings/001.yaml");
	two = meeting_hist_find(&h, "meetings/002.yaml");
	check(one && two);
	/* moved twice; the note raised nothing but is its last change */
	check(one->sequence == 2);
	check(one->changed == 1767225600 + 6 * 3600);
	/* a first date moves nothing */
	check(two->sequence == 0);
	check(two->changed == 1767225600 + 4 * 3600);
	check(!meeting_hist_find(&h, "meetings/003.yaml"));
	store_meeting_history_release(&h);
}

/* The key given for HEAD's version is the one compared (it is not read
 * again): given the key of the version before, the last move is none. */
void test_ical__history_takes_the_keys_given_for_head(void)
{
	char dir[] = "/tmp/convene-unit-ical-XXXXXX";
	/* as make_repo's printf writes M(): the backslashes stay */
	const char *before = "number: 1\ntitle: One\nstatus: planned\ndate: 2026-02-08\nstart: \\\"17:00\\\"\n";
	struct meeting_hist h, g;
	struct meeting_hist_key known[2] = { { "meetings/001.yaml", NULL }, { "meetings/009.yaml", "x" } };
	struct buf key = BUF_INIT;
	const struct meeting_hist_entry *one;
	int ok;

	memset(&h, 0, sizeof(h));
	memset(&g, 0, sizeof(g));
	check(schedule_key(&key, before, strlen(before)) == 0);
	known[0].key = buf_str(&key);
	ok = make_repo(dir,
		       "put 001 '" M("2026-02-01", "17:00", "") "' 'meeting 001: planned' && "
		       "put 001 '" M("2026-02-08", "17:00", "") "' 'meeting 001: a week later' && "
		       "put 001 '" M("2026-02-08", "18:00", "") "' 'meeting 001: an hour later'");
	ok = ok && hist_of(&h, dir) && hist_known(&g, dir, known, 2);
	unit_repo_remove(dir);
	check(ok);
	one = meeting_hist_find(&h, "meetings/001.yaml");
	check(one && one->sequence == 2);
	one = meeting_hist_find(&g, "meetings/001.yaml");
	check(one && one->sequence == 1);
	check(g.n == 1);  /* a key for a file HEAD lacks is no meeting */
	buf_release(&key);
	store_meeting_history_release(&h);
	store_meeting_history_release(&g);
}

void test_ical__merge_that_takes_one_side_counts_once(void)
{
	char dir[] = "/tmp/convene-unit-ical-XXXXXX";
	struct meeting_hist h;
	const struct meeting_hist_entry *one;
	int ok;

	memset(&h, 0, sizeof(h));
	/* a site moves meeting 1 while another adds meeting 2; the merge
	 * takes the move from its side: one move, however merged */
	ok = make_repo(dir,
		       "put 001 '" M("2026-02-01", "17:00", "") "' 'meeting 001: planned' && "
		       "git checkout -q -b other && "
		       "put 002 'number: 2\\ntitle: Two\\nstatus: planned\\n' 'meeting 002: planned' && "
		       "git checkout -q main && "
		       "put 001 '" M("2026-02-08", "17:00", "") "' 'meeting 001: moved' && "
		       "GIT_AUTHOR_DATE=\"1767300000 +0200\" GIT_COMMITTER_DATE=\"1767300000 +0200\" "
		       "git merge -q --no-edit other");
	ok = ok && hist_of(&h, dir);
	unit_repo_remove(dir);
	check(ok);
	one = meeting_hist_find(&h, "meetings/001.yaml");
	check(one);
	check(one->sequence == 1);
	/* the merge changed nothing of meeting 1: its time is the move's */
	check(one->changed == 1767225600 + 3 * 3600);
	store_meeting_history_release(&h);
}
