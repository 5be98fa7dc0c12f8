/*
 * What `convene calendar` takes from the files of a commit: the
 * initiative's zone, language and name, the members, and each meeting's
 * schedule, place, goals and items, with the field that keeps it out of
 * a calendar (an unsettled conflict, a value that is no date or time);
 * and the words of an event's LOCATION and DESCRIPTION.  Pure: the files
 * come from store_tree_diff() (cmd/calendar.c), the events are written
 * by core/ical.c.
 */
#ifndef CONVENE_CALENDAR_H
#define CONVENE_CALENDAR_H

#include <stddef.h>

#include "buf.h"

struct cal_member {
	char *id, *name, *email, *role, *address;
	int left;
};

struct cal_meeting {
	long number;
	char file[32];
	char *title, *status, *date, *start, *host, *address, *virt;
	long minutes;
	struct buf goals, items;   /* one per line */
	const char *conflict;      /* the field that is an unsettled conflict */
	const char *invalid;       /* the field that holds no date, time or
				    * number of minutes */
	char *key;                 /* its schedule_key(), for the history */
};

struct cal_gather {
	char *zone, *lang, *name;
	unsigned zone_line, zone_col;
	int zone_conflict;
	struct cal_member *members;
	size_t nmembers, capmembers;
	struct cal_meeting *meetings;
	size_t nmeetings, capmeetings;
	int failed;
};

/* Takes one file of the commit (path, its bytes; old is not read), as
 * store_tree_diff()'s callback: 0, or -1 when memory ran out (g->failed). */
int cal_take_file(void *ctx, const char *path, const char *old, size_t oldlen, const char *data,
		  size_t len);
void cal_gather_release(struct cal_gather *g);
/* The member of that id, or NULL. */
const struct cal_member *cal_member_by_id(const struct cal_gather *g, const char *id);
/* LOCATION: the address given, else the host's (or their name), else the
 * virtual link. */
void cal_location(struct buf *b, const struct cal_gather *g, const struct cal_meeting *m);
/* DESCRIPTION: the goals, the items and the virtual link, in Hebrew when he. */
void cal_description(struct buf *b, const struct cal_meeting *m, int he);
/* The meetings as "1-3, 5", for the message about one that is not there. */
void cal_list_numbers(struct buf *b, const struct cal_gather *g);
/* qsort() order of meetings by number. */
int cal_by_number(const void *a, const void *b);

#endif
