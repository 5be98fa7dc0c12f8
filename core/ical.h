/*
 * iCalendar (RFC 5545) through libical: events described by plain structs
 * become a VCALENDAR, as `convene calendar` writes it (DESIGN §6).  Pure:
 * nothing here reads the clock, the files or the environment, so the same
 * structs always give the same bytes.  libical is opened on first use
 * (ical_load), not linked.
 *
 * Ownership: the structs are the caller's and are only read; the text
 * ical_write() appends to out is the caller's buffer.
 */
#ifndef CONVENE_ICAL_H
#define CONVENE_ICAL_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

#define ICAL_DEFAULT_MINUTES 120

/* A person with an email: an ORGANIZER or an ATTENDEE (CN = name). */
struct ical_person {
	const char *name, *email;
};

struct ical_event {
	const char *uid;
	unsigned sequence;
	long long stamp;           /* DTSTAMP and LAST-MODIFIED, Unix time */
	const char *date;          /* YYYY-MM-DD, local to the zone */
	const char *start;         /* HH:MM local, or NULL: an all-day event */
	long minutes;              /* duration; 0: ICAL_DEFAULT_MINUTES */
	const char *summary;
	const char *location, *url, *description;  /* each NULL: left out */
	int cancelled;             /* STATUS:CANCELLED, else CONFIRMED */
	const struct ical_person *organizer;       /* NULL: none */
	const struct ical_person *attendees;
	size_t nattendees;
};

enum ical_method { ICAL_PUBLISH, ICAL_REQUEST, ICAL_CANCEL };

struct ical_calendar {
	enum ical_method method;
	const char *zone;          /* IANA name; NULL or "UTC": times in UTC */
	const char *name;          /* X-WR-CALNAME, or NULL */
	const struct ical_event *events;
	size_t n;
};

/* The file dlopen() opens libical from (Debian's libical3). */
#ifndef ICAL_SONAME
#define ICAL_SONAME "libical.so.3"
#endif

/*
 * Opens libical from soname (dlopen: a file name is looked up as the
 * dynamic linker does) and takes every function this module calls from
 * it.  ical_write() and ical_zone_known() call it with ICAL_SONAME the
 * first time they need libical; until then no command maps libical, nor
 * the ICU and libstdc++ that come with it.  The first library that works
 * stays open for the process; each call opens soname anew, so that one
 * that fails fails however libical was opened before.  Returns 0, or
 * ERR_INTERNAL with what dlopen() or dlsym() said in err, and in its hint
 * the package to install.
 */
int ical_load(const char *soname, struct err *err);

/* Whether libical knows the zone from the tz database: 1, 0, or
 * ERR_INTERNAL when libical cannot be opened (ical_load).  NULL and "UTC"
 * are known without libical. */
int ical_zone_known(const char *zone, struct err *err);

/*
 * Appends the VCALENDAR of cal to out: CRLF line ends, lines folded at 75
 * octets without splitting a UTF-8 character (libical).  Timed events are
 * in the zone (DTSTART;TZID=<IANA name>), with one VTIMEZONE cut to start
 * at the earliest of them; all-day events are DTSTART;VALUE=DATE.
 * METHOD:PUBLISH leaves the attendees out (RFC 5546 §3.2.1: a published
 * event MUST NOT have them); REQUEST and CANCEL list them.  Returns 0,
 * ERR_DATA for a date or time that does not parse or an unknown zone,
 * ERR_INTERNAL when libical cannot be opened (ical_load), or ERR_NOMEM;
 * err says which.
 */
int ical_write(struct buf *out, const struct ical_calendar *cal, struct err *err);

#endif
