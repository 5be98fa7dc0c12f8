/*
 * What the group receives before and after a meeting (DESIGN §6): the
 * agenda (with --facilitator, the run sheet) and the minutes, written as
 * Markdown from the loaded trees.  Pure: the caller loads the initiative,
 * the meeting, the members and the other meetings; core/page.h turns the
 * Markdown into a page.
 *
 * Every text from the files is plain text: md_escape() makes it literal
 * in Markdown, so nothing in a file becomes markup.  Labels, weekday and
 * month names follow the initiative's language (he or en).
 *
 * Ownership: struct agenda_members owns its strings until
 * agenda_members_release(); struct agenda_in only points at trees and
 * strings the caller keeps alive while it renders.  The renderers append
 * to a buffer the caller owns.
 */
#ifndef CONVENE_AGENDA_H
#define CONVENE_AGENDA_H

#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "meetings.h"

/* The members, as the outputs name them: NULL strings when absent. */
struct agenda_member {
	char *id, *name, *address, *joined, *left;  /* one allocation, at id */
};
struct agenda_members {
	struct agenda_member *v;  /* sorted by id after agenda_members_sort() */
	size_t n, cap;
	int failed;               /* memory ran out: the list is incomplete */
};
/* Takes the member a file holds (other files are skipped); 0 or ERR_NOMEM. */
int agenda_members_add(struct agenda_members *m, const char *file, const struct doc *doc);
/* The same from a member file's text, for the minutes of a large group:
 * a file in the plain form convene writes is only looked at
 * (doc_scan_top()), any other is loaded.  0, or ERR_NOMEM; a file that
 * does not load is left out, as a tree that is not a member is. */
int agenda_members_add_text(struct agenda_members *m, const char *file, const char *data,
			    size_t len);
/*
 * A member as a few bytes, for the cache of the work tree's files
 * (store/filecache.h), and back: the five fields, each a byte 1 and the
 * text and a NUL, or a byte 0 when it is missing.  A file that holds no
 * member packs to nothing.  Adding: 0, ERR_NOMEM, or -1 when the bytes are
 * not a packed member (nothing added).
 */
int agenda_member_pack(struct buf *out, const struct agenda_member *x);
int agenda_members_add_packed(struct agenda_members *m, const char *data, size_t len);
void agenda_members_sort(struct agenda_members *m);
void agenda_members_release(struct agenda_members *m);
/* The member with id, or NULL (after agenda_members_sort()). */
const struct agenda_member *agenda_member(const struct agenda_members *m, const char *id);

struct agenda_in {
	const struct doc_node *initiative;  /* root of initiative.yaml (may be NULL) */
	const struct doc_node *meeting;     /* root of the meeting's file */
	long number;
	const struct agenda_members *members;
	/* other meetings, through meetings_add(): the open actions of the
	 * earlier ones (agenda), the next planned one (minutes); may be NULL */
	const struct meetings *meetings;
	/* minutes: the commit it is made from ("1a2b3c4", "2026-02-03 17:05
	 * +0200"); NULL id: nothing committed yet */
	const char *commit_id, *commit_date;
	int uncommitted;   /* the work tree differs from that commit */
};

/* What the caller should tell the user beside the document. */
struct agenda_said {
	int no_timezone;   /* initiative.yaml names no timezone: UTC was used */
};

#define AGENDA_FACILITATOR 0x1  /* the run sheet: each item's prompt */

/* The agenda of in->meeting as Markdown.  Returns 0 or -1 (no memory). */
int agenda_markdown(struct buf *out, const struct agenda_in *in, unsigned flags,
		    struct agenda_said *said);
/* The minutes of in->meeting as Markdown.  Returns 0 or -1. */
int minutes_markdown(struct buf *out, const struct agenda_in *in, struct agenda_said *said);
/* The page's title as plain text ("Agenda: Meeting 2 – Principles"). */
void agenda_page_title(struct buf *out, const struct agenda_in *in, int minutes,
		       unsigned flags);
/* The initiative's language as a page wants it: "he" or "en". */
const char *agenda_lang(const struct agenda_in *in);

/*
 * Appends s as literal Markdown text: every ASCII punctuation character
 * backslash-escaped; a line end inside becomes a hard line break (a
 * backslash at the end of the line) and the next line starts with indent
 * (the indentation of the block it is in, e.g. "   " in a list item);
 * spaces and tabs that start a line become no-break spaces, so no line
 * of s can start a Markdown block (a list, a heading, code).  Final line
 * ends are dropped.
 */
void md_escape(struct buf *out, const char *s, const char *indent);

/* The day of the week of a date YYYY-MM-DD, 0 Sunday to 6 Saturday; -1
 * if s is no date that exists. */
int agenda_weekday(const char *s);
/* "17:00" (or "17:00:00") as minutes after midnight; -1 if not a time. */
int agenda_clock(const char *s);
/* Appends the date with its weekday in lang: "Tuesday, 3 February 2026",
 * "יום שלישי, 3 בפברואר 2026"; s itself (escaped) if it is no date. */
void agenda_date(struct buf *out, const char *s, const char *lang);

#endif
