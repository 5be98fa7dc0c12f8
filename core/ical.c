/*
 * The iCalendar writer (ical.h): builds a VCALENDAR with libical from the
 * plain event structs and serialises it.  libical's built-in zones carry a
 * TZID with a prefix ("/freeassociation.sourceforge.net/Asia/Jerusalem");
 * calendars match a VTIMEZONE to DTSTART by that text, and Outlook and
 * Google expect the plain IANA name, so the VTIMEZONE is a clone whose
 * TZID is set to the name, and DTSTART/DTEND are floating times with a
 * TZID parameter of that name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "ical.h"

#define PRODID "-//convene//NONSGML convene calendar//EN"

int ical_zone_known(const char *zone)
{
	if (!zone || !strcmp(zone, "UTC"))
		return 1;
	return icaltimezone_get_builtin_timezone(zone) != NULL;
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
	    d > icaltime_days_in_month(m, y))
		return -1;
	*t = icaltime_null_date();
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
		prop = organizer ? icalproperty_new_organizer(uri) : icalproperty_new_attendee(uri);
		if (prop && cn[0])
			icalproperty_add_parameter(prop, icalparameter_new_cn(cn));
		if (prop && !organizer && method == ICAL_REQUEST) {
			icalproperty_add_parameter(prop, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
			icalproperty_add_parameter(prop, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
			icalproperty_add_parameter(prop, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
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
		t = icaltime_set_timezone(&t, icaltimezone_get_utc_timezone());
	p = end ? icalproperty_new_dtend(t) : icalproperty_new_dtstart(t);
	if (p && !is_utc(zone) && !t.is_date)
		icalproperty_add_parameter(p, icalparameter_new_tzid(zone));
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
			u = icaltime_set_timezone(&u, tz);
			u = icaltime_convert_to_zone(u, icaltimezone_get_utc_timezone());
		}
		if (icaltime_is_null_time(*first_utc) || icaltime_compare(u, *first_utc) < 0)
			*first_utc = u;
		icaltime_adjust(&u, 0, 0, (int)(e->minutes > 0 ? e->minutes : ICAL_DEFAULT_MINUTES), 0);
		end = tz ? icaltime_convert_to_zone(u, tz) : u;
		end = icaltime_set_timezone(&end, NULL);
		end.is_date = 0;
	} else {
		icaltime_adjust(&end, 1, 0, 0, 0);
	}
	stamp = icaltime_from_timet_with_zone((time_t)e->stamp, 0, icaltimezone_get_utc_timezone());

	if (!(ev = icalcomponent_new(ICAL_VEVENT_COMPONENT)))
		return ERR_NOMEM;
	icalcomponent_add_property(ev, icalproperty_new_uid(e->uid));
	icalcomponent_add_property(ev, icalproperty_new_sequence((int)e->sequence));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
	icalcomponent_add_property(ev, icalproperty_new_lastmodified(stamp));
	icalcomponent_add_property(ev, zoned(0, start, zone));
	icalcomponent_add_property(ev, zoned(1, end, zone));
	icalcomponent_add_property(ev, icalproperty_new_summary(e->summary ? e->summary : ""));
	if (e->location)
		icalcomponent_add_property(ev, icalproperty_new_location(e->location));
	if (e->url)
		icalcomponent_add_property(ev, icalproperty_new_url(e->url));
	if (e->description)
		icalcomponent_add_property(ev, icalproperty_new_description(e->description));
	icalcomponent_add_property(ev, icalproperty_new_status(
		e->cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
	if (e->organizer)
		icalcomponent_add_property(ev, person(1, e->organizer, method));
	if (method != ICAL_PUBLISH)
		for (i = 0; i < e->nattendees; i++)
			icalcomponent_add_property(ev, person(0, &e->attendees[i], method));
	*out = ev;
	return 0;
}

/* The zone's VTIMEZONE from the tz database, cut to begin at from (UTC),
 * with the plain name as TZID. */
static icalcomponent *vtimezone(icaltimezone *tz, const char *zone, struct icaltimetype from)
{
	icalcomponent *vtz = icalcomponent_new_clone(icaltimezone_get_component(tz));
	icalproperty *id;

	if (!vtz)
		return NULL;
	/* ms_compatible: the rules stay RRULEs from their first onset, the
	 * form Outlook reads; the cut drops only what came before */
	icaltimezone_truncate_vtimezone(vtz, from, icaltime_null_time(), 1);
	if ((id = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY)))
		icalproperty_set_tzid(id, zone);
	return vtz;
}

int ical_write(struct buf *out, const struct ical_calendar *cal, struct err *err)
{
	static const icalproperty_method methods[] = {
		ICAL_METHOD_PUBLISH, ICAL_METHOD_REQUEST, ICAL_METHOD_CANCEL
	};
	struct icaltimetype first = icaltime_null_time();
	icaltimezone *tz = NULL;
	icalcomponent *vcal, *vtz, **evs;
	char *text;
	size_t i;
	int error = 0;

	if (!is_utc(cal->zone) && !(tz = icaltimezone_get_builtin_timezone(cal->zone)))
		return err_set(err, ERR_DATA, 0, 0, "unknown time zone '%s'", cal->zone);
	if (!(vcal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT)))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	icalcomponent_add_property(vcal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(vcal, icalproperty_new_prodid(PRODID));
	icalcomponent_add_property(vcal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(vcal, icalproperty_new_method(methods[cal->method]));
	if (cal->name) {
		/* RFC 7986's NAME, and the X-WR-CALNAME that Apple's and
		 * Google's calendars read (libical escapes only '\\' and line
		 * ends in an X- value; the others are harmless in a name) */
		icalproperty *x = icalproperty_new_x(cal->name);

		icalcomponent_add_property(vcal, icalproperty_new_name(cal->name));
		icalproperty_set_x_name(x, "X-WR-CALNAME");
		icalcomponent_add_property(vcal, x);
	}
	if (!(evs = calloc(cal->n ? cal->n : 1, sizeof(*evs)))) {
		icalcomponent_free(vcal);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	for (i = 0; i < cal->n && !error; i++)
		error = make_event(&evs[i], &cal->events[i], cal->method, cal->zone, tz, &first, err);
	/* one VTIMEZONE, before the events, when an event is timed */
	if (!error && tz && !icaltime_is_null_time(first)) {
		if ((vtz = vtimezone(tz, cal->zone, first)))
			icalcomponent_add_component(vcal, vtz);
		else
			error = ERR_NOMEM;
	}
	for (i = 0; i < cal->n; i++)
		if (evs[i] && !error)
			icalcomponent_add_component(vcal, evs[i]);
		else if (evs[i])
			icalcomponent_free(evs[i]);
	free(evs);
	if (error) {
		icalcomponent_free(vcal);
		return error == ERR_NOMEM ? err_set(err, ERR_NOMEM, 0, 0, "out of memory") : error;
	}
	text = icalcomponent_as_ical_string_r(vcal);
	icalcomponent_free(vcal);
	if (!text)
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	buf_adds(out, text);
	icalmemory_free_buffer(text);
	return buf_failed(out) ? err_set(err, ERR_NOMEM, 0, 0, "out of memory") : 0;
}
