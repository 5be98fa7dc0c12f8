/*
 * A meeting's "schedule key": what of its file makes its time and place,
 * which the calendar's history (store/meetinghist.c) compares between
 * versions of the file to count the commits that moved the meeting.
 * Pure, and apart from core/ical.c: the history needs no libical.
 *
 * Ownership: the key is appended to the caller's buffer.
 */
#ifndef CONVENE_SCHEDULE_H
#define CONVENE_SCHEDULE_H

#include <stddef.h>

#include "buf.h"

struct doc;

/*
 * What of a meeting file makes its time and place, in one string that is
 * equal for two versions exactly when their date, start, duration and
 * location are: appended to out.  It starts with 'D' when the meeting
 * has a date (is in calendars); a file that does not parse gives a string
 * of its own, starting otherwise.  Returns 0 or ERR_NOMEM.
 */
int schedule_key(struct buf *out, const char *data, size_t len);
/* The same key from what doc_load() made of data (doc NULL: it did not
 * load), for a caller that has the file loaded already. */
int schedule_key_of(struct buf *out, const struct doc *doc, const char *data, size_t len);

#endif
