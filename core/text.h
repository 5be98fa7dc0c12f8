/*
 * Plain-text helpers shared by the loader, the schema and the commands:
 * UTF-8 checks, positions from byte offsets, ids.
 */
#ifndef CONVENE_TEXT_H
#define CONVENE_TEXT_H

#include <stddef.h>

/*
 * Checks that data is UTF-8 with no NUL or control character other than
 * tab, line feed and carriage return.  Returns NULL when it is, or a static
 * description of the first problem with its byte offset in *bad.
 */
const char *text_check(const char *data, size_t len, size_t *bad);

/* The 1-based line and column (in characters) of byte offset `at`. */
void text_pos(const char *data, size_t at, unsigned *line, unsigned *col);

/* Drops an incomplete UTF-8 sequence left at the end of s by a cut (a
 * snprintf into a fixed buffer), so output stays valid UTF-8. */
void text_cut(char *s);

/* Whether s[0..len) is a day that exists, YYYY-MM-DD (2028-02-29, not
 * 2026-02-30). */
int text_is_date(const char *s, size_t len);

/* Whether s[0..len) is a time of day, HH:MM or HH:MM:SS (00:00 to
 * 23:59:59): the one rule for a meeting's start, in the schema, the
 * agenda and the calendar.  No second 60: a leap second is not a time a
 * meeting starts at (a time stamp may carry one; the schema says so). */
int text_is_time(const char *s, size_t len);

/* Display width helpers: the number of characters in a UTF-8 string. */
size_t text_chars(const char *s, size_t len);

/*
 * Text typed into a command, in the one form convene keeps it: line ends
 * become '\n' (CR LF and a lone CR alike); one line keeps no final line
 * end, more lines end with exactly one.  In place, in b.
 */
struct buf;
void text_lines(struct buf *b);

/* Whether s is a valid id: ^[a-z0-9][a-z0-9-]{0,62}$ (DESIGN §2). */
int text_is_id(const char *s);

/*
 * Makes an id from a name: lowercase ASCII letters and digits kept, runs of
 * anything else become one '-'.  Writes at most size-1 bytes to out and
 * returns the length, 0 when nothing usable remained (a Hebrew name).
 */
size_t text_slug(char *out, size_t size, const char *name);

/* url with the user and password of scheme://user:secret@host/ left out,
 * as git prints remote URLs: messages never show a token. */
void text_redact_url(char *out, size_t size, const char *url);

/* The edits from a to b, a swap of two neighbours counting as one (the
 * optimal string alignment distance): "visoin" is 1 from "vision".  Bytes,
 * at most 64 each; (size_t)-1 for longer ones.  For "did you mean". */
size_t text_distance(const char *a, const char *b);

/* A malloc()ed copy of s, NULL for NULL; sets *bad when memory ran out
 * (so a caller copying many fields checks once). */
char *text_dup(const char *s, int *bad);

#endif
