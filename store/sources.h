/*
 * What an agenda or the minutes of a meeting are made from (DESIGN §6,
 * `convene agenda M`, `convene minutes M`): the initiative, the meeting,
 * the members, and the other meetings the document speaks of, read from
 * the work tree or from one commit.  core/agenda.c writes the document
 * from them.
 *
 * Ownership: struct agenda_sources owns everything in it until
 * store_agenda_sources_release().
 */
#ifndef CONVENE_STORE_SOURCES_H
#define CONVENE_STORE_SOURCES_H

#include <stddef.h>

#include "core/agenda.h"
#include "core/doc.h"
#include "core/err.h"
#include "core/meetings.h"
#include "history.h"
#include "store.h"

struct agenda_later;

struct agenda_sources {
	long number;                 /* set by the caller: the meeting */
	int minutes;                 /* set by the caller: 1 the minutes, 0 the agenda */
	struct doc *initiative;      /* NULL: missing, or it did not load */
	struct doc *meeting;         /* NULL: no file of that number */
	struct agenda_members members;   /* sorted */
	/* the agenda: the earlier meetings (the actions still open); the
	 * minutes: the next planned meeting after this one, if any */
	struct meetings meetings;
	long *numbers;               /* every meeting there is, in order */
	size_t nnumbers;
	struct agenda_later *later;  /* while reading: the later meetings */
	size_t nlater;
	/* the minutes from the work tree: set by the caller, 1 to compare
	 * with HEAD; set here, HEAD's commit (has_head 0: nothing is
	 * committed yet), and whether the files the minutes show (the
	 * initiative, the meeting, the members, the next planned meeting)
	 * differ from that commit's, or it has a member the work tree has
	 * not */
	int compare;
	int has_head;
	struct store_oid head;
	char head_id[8];             /* 7 hex digits */
	char head_date[32];          /* 2026-03-01 17:05 +0200, the author's */
	int uncommitted;
};

/*
 * Reads what src->number's document needs: from the work tree (at NULL)
 * or from commit at.  A file that does not load is left out (validate
 * says why), but the meeting's own: then < 0 with err set (its line and
 * column in it).  Also < 0 when reading fails or memory runs out.
 */
int store_agenda_sources(struct agenda_sources *src, struct store *s, const struct store_oid *at,
			 struct err *err);
void store_agenda_sources_release(struct agenda_sources *src);

#endif
