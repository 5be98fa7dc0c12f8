/*
 * The iCalendar writer (ical.h): builds a VCALENDAR with libical from the
 * plain event structs and serialises it.  libical's built-in zones carry a
 * TZID with a prefix ("/freeassociation.sourceforge.net/Asia/Jerusalem");
 * calendars match a VTIMEZONE to DTSTART by that text, and Outlook and
 * Google expect the plain IANA name, so the VTIMEZONE is a clone whose
 * TZID is set to the name, and DTSTART/DTEND are floating times with a
 * TZID parameter of that name.
 *
 * libical is opened with dlopen() when first needed, not linked: with it
 * come ICU and libstdc++, ~150 page faults and 2-4 ms at the start of
 * every command, and only `convene calendar` writes iCalendar.  Its
 * functions are called through the table below; each pointer has the type
 * of the function <libical/ical.h> declares, so every call is checked as a
 * direct one would be.  This file is the only one that uses libical.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "ical.h"

#define PRODID "-//convene//NONSGML convene calendar//EN"

/* Every libical function this file calls. */
#define ICAL_FUNCTIONS(X) \
	X(icalcomponent_add_component) X(icalcomponent_add_property) \
	X(icalcomponent_as_ical_string_r) X(icalcomponent_free) \
	X(icalcomponent_get_first_property) X(icalcomponent_new) X(icalcomponent_new_clone) \
	X(icalproperty_add_parameter) X(icalproperty_new_attendee) \
	X(icalproperty_new_calscale) X(icalproperty_new_description) \
	X(icalproperty_new_dtend) X(icalproperty_new_dtstamp) X(icalproperty_new_dtstart) \
	X(icalproperty_new_lastmodified) X(icalproperty_new_location) \
	X(icalproperty_new_method) X(icalproperty_new_name) X(icalproperty_new_organizer) \
	X(icalproperty_new_prodid) X(icalproperty_new_sequence) X(icalproperty_new_status) \
	X(icalproperty_new_summary) X(icalproperty_new_uid) X(icalproperty_new_url) \
	X(icalproperty_new_version) X(icalproperty_new_x) X(icalproperty_set_tzid) \
	X(icalproperty_set_x_name) \
	X(icalparameter_new_cn) X(icalparameter_new_partstat) X(icalparameter_new_role) \
	X(icalparameter_new_rsvp) X(icalparameter_new_tzid) \
	X(icaltime_adjust) X(icaltime_compare) X(icaltime_convert_to_zone) \
	X(icaltime_days_in_month) X(icaltime_from_timet_with_zone) X(icaltime_is_null_time) \
	X(icaltime_null_date) X(icaltime_null_time) X(icaltime_set_timezone) \
	X(icaltimezone_get_builtin_timezone) X(icaltimezone_get_component) \
	X(icaltimezone_get_utc_timezone) X(icaltimezone_truncate_vtimezone) \
	X(icalmemory_free_buffer)

struct ical_lib {
#define X(f) __typeof__(f) *f;
	ICAL_FUNCTIONS(X)
#undef X
};

/* POSIX: what dlsym() returns is a function's address, copied as is. */
_Static_assert(sizeof(void *) == sizeof(void (*)(void)),
	       "dlsym() needs function pointers as wide as void *");

/*
 * The process's libical, filled by the first ical_load() that works and
 * never closed (what libical keeps, its zones, stays in use): the one
 * global of core/, like libgit2's init.  Taken by the thread that writes
 * the calendar only, so no lock.
 */
static struct ical_lib lib;
static int lib_loaded;

int ical_load(const char *soname, struct err *err)
{
	struct ical_lib t;
	const char *why;
	void *h, *sym;

	if (!(h = dlopen(soname, RTLD_NOW | RTLD_LOCAL)))
		goto fail;
	/* a function the library lacks (another libical, or none): NULL */
#define X(f) \
	if (!(sym = dlsym(h, #f))) \
		goto fail; \
	memcpy(&t.f, &sym, sizeof(sym));
	ICAL_FUNCTIONS(X)
#undef X
	if (lib_loaded) {
		dlclose(h);  /* the same library again: the first stays in use */
		return 0;
	}
	lib = t;
	lib_loaded = 1;
	return 0;
fail:
	why = dlerror();  /* before dlclose(), which would replace it */
	/* TRANSLATORS: the library's file name, then what the system said
	 * (no such file, or a function the library lacks) */
	err_set(err, ERR_INTERNAL, 0, 0, "the calendar needs libical (%s): %s", soname,
		why ? why : "?");
	err_hint(err, "install it: apt-get install libical3");
	if (h)
		dlclose(h);
	return ERR_INTERNAL;
}

/* libical, opened the first time: 0 or ERR_INTERNAL. */
static int need_lib(struct err *err)
{
	return lib_loaded ? 0 : ical_load(ICAL_SONAME, err);
}

int ical_zone_known(const char *zone, struct err *err)
{
	int error;

	if (!zone || !strcmp(zone, "UTC"))
		return 1;
	if ((error = need_lib(err)) < 0)
		return error;
	return lib.icaltimezone_get_builtin_timezone(zone) != NULL;
}

static int is_utc(const char *zone)
{
	return !zone || !strcmp(zone, "UTC") || !strcmp(zone, "Etc/UTC");
}

/* YYYY-MM-DD into t (a date). */
static int parse_date(struct icaltimetype *t, const char *s)
{
	int y, m, d;
	char end;

	if (!s || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || m < 1 || m > 12 || d < 1 ||
	    d > lib.icaltime_days_in_month(m, y))
		return -1;
	*t = lib.icaltime_null_date();
	t->year = y, t->month = m, t->day = d;
	return 0;
}

/* HH:MM or HH:MM:SS into t, which becomes a date with a time. */
static int parse_time(struct icaltimetype *t, const char *s)
{
	int h, m, sec = 0, n;
	char end;

	n = sscanf(s, "%2d:%2d:%2d%c", &h, &m, &sec, &end);
	if ((n != 2 && n != 3) || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59)
		return -1;
	t->is_date = 0;
	t->hour = h, t->minute = m, t->second = sec;
	return 0;
}

/* Text as a parameter value may hold it: no control characters and no
 * double quotes (RFC 5545 §3.1 param-value), which libical would pass. */
static char *param_text(const char *s)
{
	char *out = strdup(s ? s : ""), *p;

	for (p = out; p && *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
		else if (*p == '"')
			*p = '\'';
	}
	return out;
}

static icalproperty *person(int organizer, const struct ical_person *p, enum ical_method method)
{
	char *uri = malloc(strlen(p->email) + 8), *cn = param_text(p->name);
	icalproperty *prop = NULL;

	if (uri && cn) {
		sprintf(uri, "mailto:%s", p->email);
		prop = organizer ? lib.icalproperty_new_organizer(uri)
				 : lib.icalproperty_new_attendee(uri);
		if (prop && cn[0])
			lib.icalproperty_add_parameter(prop, lib.icalparameter_new_cn(cn));
		if (prop && !organizer && method == ICAL_REQUEST) {
			lib.icalproperty_add_parameter(prop,
				lib.icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
			lib.icalproperty_add_parameter(prop,
				lib.icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
			lib.icalproperty_add_parameter(prop, lib.icalparameter_new_rsvp(ICAL_RSVP_TRUE));
		}
	}
	free(uri);
	free(cn);
	return prop;
}

/* A local time of the zone as DTSTART or DTEND: floating, with the plain
 * name as TZID; in UTC when there is no zone. */
static icalproperty *zoned(int end, struct icaltimetype t, const char *zone)
{
	icalproperty *p;

	if (is_utc(zone))
		t = lib.icaltime_set_timezone(&t, lib.icaltimezone_get_utc_timezone());
	p = end ? lib.icalproperty_new_dtend(t) : lib.icalproperty_new_dtstart(t);
	if (p && !is_utc(zone) && !t.is_date)
		lib.icalproperty_add_parameter(p, lib.icalparameter_new_tzid(zone));
	return p;
}

/* One VEVENT; *first_utc is lowered to its start, in UTC, when timed. */
static int make_event(icalcomponent **out, const struct ical_event *e, enum ical_method method,
		      const char *zone, icaltimezone *tz, struct icaltimetype *first_utc,
		      struct err *err)
{
	struct icaltimetype start, end, stamp;
	icalcomponent *ev;
	size_t i;

	if (parse_date(&start, e->date) < 0)
		return err_set(err, ERR_DATA, 0, 0, "event %s: '%s' is not a date", e->uid,
			       e->date ? e->date : "");
	end = start;
	if (e->start) {
		struct icaltimetype u;

		if (parse_time(&start, e->start) < 0)
			return err_set(err, ERR_DATA, 0, 0, "event %s: '%s' is not a time", e->uid,
				       e->start);
		/* the end: the start in UTC plus the minutes, back in the
		 * zone, so a change of clocks inside the meeting is right */
		u = start;
		if (tz) {
			u = lib.icaltime_set_timezone(&u, tz);
			u = lib.icaltime_convert_to_zone(u, lib.icaltimezone_get_utc_timezone());
		}
		if (lib.icaltime_is_null_time(*first_utc) || lib.icaltime_compare(u, *first_utc) < 0)
			*first_utc = u;
		lib.icaltime_adjust(&u, 0, 0, (int)(e->minutes > 0 ? e->minutes : ICAL_DEFAULT_MINUTES),
				    0);
		end = tz ? lib.icaltime_convert_to_zone(u, tz) : u;
		end = lib.icaltime_set_timezone(&end, NULL);
		end.is_date = 0;
	} else {
		lib.icaltime_adjust(&end, 1, 0, 0, 0);
	}
	stamp = lib.icaltime_from_timet_with_zone((time_t)e->stamp, 0,
						  lib.icaltimezone_get_utc_timezone());

	if (!(ev = lib.icalcomponent_new(ICAL_VEVENT_COMPONENT)))
		return ERR_NOMEM;
	lib.icalcomponent_add_property(ev, lib.icalproperty_new_uid(e->uid));
	lib.icalcomponent_add_property(ev, lib.icalproperty_new_sequence((int)e->sequence));
	lib.icalcomponent_add_property(ev, lib.icalproperty_new_dtstamp(stamp));
	lib.icalcomponent_add_property(ev, lib.icalproperty_new_lastmodified(stamp));
	lib.icalcomponent_add_property(ev, zoned(0, start, zone));
	lib.icalcomponent_add_property(ev, zoned(1, end, zone));
	lib.icalcomponent_add_property(ev, lib.icalproperty_new_summary(e->summary ? e->summary : ""));
	if (e->location)
		lib.icalcomponent_add_property(ev, lib.icalproperty_new_location(e->location));
	if (e->url)
		lib.icalcomponent_add_property(ev, lib.icalproperty_new_url(e->url));
	if (e->description)
		lib.icalcomponent_add_property(ev, lib.icalproperty_new_description(e->description));
	lib.icalcomponent_add_property(ev, lib.icalproperty_new_status(
		e->cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
	if (e->organizer)
		lib.icalcomponent_add_property(ev, person(1, e->organizer, method));
	if (method != ICAL_PUBLISH)
		for (i = 0; i < e->nattendees; i++)
			lib.icalcomponent_add_property(ev, person(0, &e->attendees[i], method));
	*out = ev;
	return 0;
}

/* The zone's VTIMEZONE from the tz database, cut to begin at from (UTC),
 * with the plain name as TZID. */
static icalcomponent *vtimezone(icaltimezone *tz, const char *zone, struct icaltimetype from)
{
	icalcomponent *vtz = lib.icalcomponent_new_clone(lib.icaltimezone_get_component(tz));
	icalproperty *id;

	if (!vtz)
		return NULL;
	/* ms_compatible: the rules stay RRULEs from their first onset, the
	 * form Outlook reads; the cut drops only what came before */
	lib.icaltimezone_truncate_vtimezone(vtz, from, lib.icaltime_null_time(), 1);
	if ((id = lib.icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY)))
		lib.icalproperty_set_tzid(id, zone);
	return vtz;
}

int ical_write(struct buf *out, const struct ical_calendar *cal, struct err *err)
{
	static const icalproperty_method methods[] = {
		ICAL_METHOD_PUBLISH, ICAL_METHOD_REQUEST, ICAL_METHOD_CANCEL
	};
	struct icaltimetype first;
	icaltimezone *tz = NULL;
	icalcomponent *vcal, *vtz, **evs;
	char *text;
	size_t i;
	int error;

	if ((error = need_lib(err)) < 0)
		return error;
	first = lib.icaltime_null_time();
	if (!is_utc(cal->zone) && !(tz = lib.icaltimezone_get_builtin_timezone(cal->zone)))
		return err_set(err, ERR_DATA, 0, 0, "unknown time zone '%s'", cal->zone);
	if (!(vcal = lib.icalcomponent_new(ICAL_VCALENDAR_COMPONENT)))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	lib.icalcomponent_add_property(vcal, lib.icalproperty_new_version("2.0"));
	lib.icalcomponent_add_property(vcal, lib.icalproperty_new_prodid(PRODID));
	lib.icalcomponent_add_property(vcal, lib.icalproperty_new_calscale("GREGORIAN"));
	lib.icalcomponent_add_property(vcal, lib.icalproperty_new_method(methods[cal->method]));
	if (cal->name) {
		/* RFC 7986's NAME, and the X-WR-CALNAME that Apple's and
		 * Google's calendars read (libical escapes only '\\' and line
		 * ends in an X- value; the others are harmless in a name) */
		icalproperty *x = lib.icalproperty_new_x(cal->name);

		lib.icalcomponent_add_property(vcal, lib.icalproperty_new_name(cal->name));
		lib.icalproperty_set_x_name(x, "X-WR-CALNAME");
		lib.icalcomponent_add_property(vcal, x);
	}
	if (!(evs = calloc(cal->n ? cal->n : 1, sizeof(*evs)))) {
		lib.icalcomponent_free(vcal);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	for (i = 0; i < cal->n && !error; i++)
		error = make_event(&evs[i], &cal->events[i], cal->method, cal->zone, tz, &first, err);
	/* one VTIMEZONE, before the events, when an event is timed */
	if (!error && tz && !lib.icaltime_is_null_time(first)) {
		if ((vtz = vtimezone(tz, cal->zone, first)))
			lib.icalcomponent_add_component(vcal, vtz);
		else
			error = ERR_NOMEM;
	}
	for (i = 0; i < cal->n; i++)
		if (evs[i] && !error)
			lib.icalcomponent_add_component(vcal, evs[i]);
		else if (evs[i])
			lib.icalcomponent_free(evs[i]);
	free(evs);
	if (error) {
		lib.icalcomponent_free(vcal);
		return error == ERR_NOMEM ? err_set(err, ERR_NOMEM, 0, 0, "out of memory") : error;
	}
	text = lib.icalcomponent_as_ical_string_r(vcal);
	lib.icalcomponent_free(vcal);
	if (!text)
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	buf_adds(out, text);
	lib.icalmemory_free_buffer(text);
	return buf_failed(out) ? err_set(err, ERR_NOMEM, 0, 0, "out of memory") : 0;
}
