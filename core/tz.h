/*
 * Time zone names (DESIGN §6: initiative.yaml's timezone): which IANA
 * names the system's tz database knows, the known name nearest a
 * misspelt one, and the zone `init` takes from the system.
 *
 * The list comes from tzdata.zi, the one file of the tz database that
 * names every zone and every link that zic compiled (Z and L lines):
 * exactly the names a TZif file exists for, old ones such as US/Eastern
 * and Asia/Tel_Aviv and UTC included.  (zone1970.tab has neither links
 * nor UTC, and Debian ships no `backward` file to add them.)
 *
 * core/ reads no files: the text reaches this module through tz_load(),
 * or through the reader that cmd/ sets with tz_set_reader(), called once,
 * the first time a name is asked about.  The list is the one global of
 * this module, filled once and then only read: the tz database is the
 * same for the whole process, and schema checks deep in core/ ask it.
 * convene is single-threaded.
 */
#ifndef CONVENE_TZ_H
#define CONVENE_TZ_H

#include <stddef.h>

/*
 * Replaces the list with the names in text, tzdata.zi's form: "Z NAME
 * ..." names a zone, "L TARGET NAME" a link; other lines are ignored.
 * The text is copied.  Returns 0, or -1 when memory ran out (the list is
 * then empty and not loaded).
 */
int tz_load(const char *text, size_t len);

/* Forgets the list (and the reader's result): tz_known() says -1 until
 * the next tz_load() or the reader runs again. */
void tz_unload(void);

/*
 * How the list is read when none is loaded: read returns the text of
 * tzdata.zi in malloc()ed memory (this module frees it) and its length,
 * or NULL when there is none.  NULL: no reader.
 */
void tz_set_reader(char *(*read)(size_t *len));

/* 1 when the tz database names a zone or link exactly name (case
 * matters: Asia/Jerusalem), 0 when not, -1 when there is no database
 * to ask (nothing loaded, the reader found none). */
int tz_known(const char *name);

/*
 * The known name nearest name, into out: the same name in another case
 * ("asia/jerusalem"), one or two letters off ("Asia/Jerusalm"), or a
 * city alone or under the wrong region ("Jerusalem", "Europe/Jerusalem");
 * spaces count as '_' ("New York").  Returns 1 with out filled, 0 when no
 * name is near enough to suggest (or there is no database).
 */
int tz_nearest(const char *name, char *out, size_t size);

/*
 * The zone `init` writes, from what the system says, in this order:
 * TZ (env; a leading ':' and a path up to ".../zoneinfo/" are dropped),
 * the first line of /etc/timezone (etc_timezone, its text), the target
 * of the /etc/localtime link (localtime_link); each may be NULL.  The
 * first that the database knows wins (without a database, the first
 * that has a zone name's form); none: "UTC".  Returns out.
 */
const char *tz_choose(char *out, size_t size, const char *tz_env, const char *etc_timezone,
		      const char *localtime_link);

#endif
