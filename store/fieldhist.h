/*
 * The history of one field (or one whole file), for `convene history`:
 * the commits where its value actually changed, not every commit that
 * touched its file.  A merge that took one side's value changed nothing;
 * one that made a value neither side had (a conflict it recorded, text
 * merged from both) is a change.
 */
#ifndef CONVENE_STORE_FIELDHIST_H
#define CONVENE_STORE_FIELDHIST_H

#include <stddef.h>

#include "core/err.h"
#include "core/path.h"
#include "history.h"

/* The value at the path in one version of its file. */
struct field_value {
	struct store_oid blob;
	int present;             /* the path had a value there */
	int conflict;            /* it was (inside) an unresolved conflict */
	int unreadable;          /* the file was not YAML there */
	char *text;              /* a scalar's own text, else the emitted
				  * YAML; a whole file's bytes */
};

/* What a change did, as history tells it. */
enum field_change_kind {
	FIELD_CHANGED,           /* one value replaced by another */
	FIELD_SET,               /* a value where there was none, or where
				  * the file was not YAML */
	FIELD_REMOVED,
	FIELD_UNREADABLE,        /* the file is not YAML in this commit */
	FIELD_CONFLICT,          /* a conflict recorded */
	FIELD_RESOLVED           /* a value where a conflict was */
};

struct field_change {
	/* who, when, where: id, date, author, email, subject, site,
	 * meeting, nparents, and mainline (0: made concurrently on another
	 * line, merged later).  Its strings belong to the history; message
	 * is NULL. */
	struct store_commit commit;
	enum field_change_kind kind;
	int merge;               /* the change was made by a merge */
	const struct field_value *before;  /* the first parent's, NULL at
					    * the start */
	const struct field_value *after;
};

struct field_history {
	struct field_change *v;  /* newest first (children before parents) */
	size_t n;

	/* the values by blob, each read once */
	size_t cap;
	struct field_value **cache, absent;
	size_t ncache, capcache;
};

/*
 * Fills out with the changes of the value that p names (p->n == 0: the
 * whole file) through the commits reachable from HEAD; a file git sees
 * renamed is followed.  Returns 0 (out->n may be 0: never set), or an
 * error code with err set.  out is the caller's to release with
 * store_field_history_release(), also after an error.
 */
int store_field_history(struct field_history *out, struct store *s, const struct path *p,
			struct err *err);

void store_field_history_release(struct field_history *h);

#endif
