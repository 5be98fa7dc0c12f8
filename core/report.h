/*
 * The report (DESIGN §6, `convene report DIR`): the initiative as a static
 * site for the group, its board and its funders — index.html with the
 * overview, how the vision changed, the meetings, participation, outcomes,
 * actions and interviews, each meeting's minutes page, one stylesheet.
 * Pure: the caller (store/report.c) feeds every file of one commit to
 * report_add(), in any order but the members before the meeting pages,
 * and the changes of the vision to report_add_change(); the pages are
 * written from what was gathered, so memory holds the summary of the
 * initiative and one page, never every file.
 *
 * Confidential interviews are counted, never shown: interviews_add()
 * keeps no answer of one, and nothing here reads a file's answers.
 *
 * Ownership: struct report owns every string in it (the initiative's
 * tree too) until report_release().  The writers append to a buffer the
 * caller owns and return 0 or -1 (no memory: left in the buffer).
 */
#ifndef CONVENE_REPORT_H
#define CONVENE_REPORT_H

#include <stddef.h>

#include "agenda.h"
#include "buf.h"
#include "doc.h"
#include "err.h"
#include "interviews.h"
#include "meetings.h"
#include "members.h"
#include "status.h"

/* The name of the file that marks a folder as a report convene wrote:
 * a later run may replace such a folder. */
#define REPORT_MARKER ".convene-report"

/* One change of the vision, as history tells it (store_field_history). */
enum report_change_kind {
	REPORT_CHANGED, REPORT_SET, REPORT_REMOVED, REPORT_CONFLICT, REPORT_RESOLVED
};
struct report_change {
	enum report_change_kind kind;
	char *id, *date, *author, *site, *meeting;  /* "" when unknown */
	char *before, *after;     /* the texts; NULL when there was none */
	int mainline;             /* 0: made concurrently on another line */
	int merge;                /* made by a merge */
};

/* A meeting's row in the table, beside what meetings_add() keeps. */
struct report_meeting {
	long number;
	size_t attendees, notes, decisions;
	char *place;              /* an address when no host, else NULL */
};

/* A meeting whose file did not load: the index lists it, without a link
 * (it has no page), and says so; err says why (file:line:col). */
struct report_unread {
	long number;
	char file[64];
	struct err err;
};

/* An indicator and its measurements, in date order. */
struct report_measure {
	char *date;
	double value;
};
struct report_indicator {
	char *outcome, *outcome_title, *outcome_description, *outcome_status;
	char *name, *unit;
	int has_baseline, has_target;
	double baseline, target;
	char *target_date;
	struct report_measure *v;
	size_t n;
};

struct report {
	struct doc *initiative;   /* its tree, NULL when it did not load */
	const char *lang;         /* "he" or "en" */
	/* the commit the report is made of: short id, date, day */
	char commit_id[16], commit_date[40], today[16];
	struct members members;
	struct agenda_members people;
	struct meetings meetings;
	struct status status;
	struct interviews interviews;
	struct report_meeting *rows;
	size_t nrows;
	struct report_unread *unread;    /* by number, after report_finish() */
	size_t nunread;
	struct report_indicator *indicators;
	size_t nindicators;
	struct report_change *changes;   /* oldest first, after report_finish() */
	size_t nchanges;
	unsigned conflicts;       /* unsettled !conflict values in the files */
	int failed;               /* memory ran out */
};

int report_init(struct report *r);
/* Takes what the report shows of one file of the initiative.  0 or
 * ERR_NOMEM. */
int report_add(struct report *r, const char *file, const struct doc *doc);
/* Takes meeting file `file`, which did not load (e: why), in place of its
 * tree.  0 or ERR_NOMEM. */
int report_unreadable(struct report *r, const char *file, const struct err *e);
/* Takes one change of the vision (history gives them newest first); the
 * strings are copied.  0 or ERR_NOMEM. */
int report_add_change(struct report *r, const struct report_change *c);
/* Sorts what needs every file; sets the language.  0 or ERR_NOMEM. */
int report_finish(struct report *r);
void report_release(struct report *r);

/* index.html. */
int report_index(struct buf *out, const struct report *r);
/* style.css: the one stylesheet of index.html. */
int report_style(struct buf *out);
/* The file name of meeting n's page inside the site: "meetings/002.html". */
void report_meeting_path(char *out, size_t size, long n);
/*
 * The page of one meeting: its minutes, the very bytes of `convene
 * minutes N --format html --at COMMIT`.  meeting is the root of its file;
 * next is the root of the next planned meeting's (NULL: none).
 */
int report_meeting_page(struct buf *out, const struct report *r, long number,
			const struct doc *meeting, const struct doc *next, const char *next_file);

#endif
