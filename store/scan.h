/*
 * Going over an initiative, as validate, status, commit and sync do:
 * what every check of the whole work tree starts from.  The diagnostics
 * go into the caller's struct diags; nothing is printed.
 */
#ifndef CONVENE_STORE_SCAN_H
#define CONVENE_STORE_SCAN_H

#include "core/doc.h"
#include "core/err.h"
#include "core/schema.h"
#include "store.h"

/* How many files a scan went over, in all and by kind (schema_kind). */
struct scan_stats {
	size_t files, by_kind[6];
};
/* What validate, status and conflicts say of a file outside the YAML data
 * that holds git's conflict markers (store_marked()).  scan.c spells the
 * same words out where it says them, for xgettext: change both
 * (test_scan checks they match). */
#define MARKED_MESSAGE "unresolved conflict: this file changed at two sites, and both versions " \
	"are in it between git's conflict markers; keep what you want, delete the marker lines, " \
	"then 'convene commit'"
/*
 * Going over an initiative: lists its files, gathers the ids files refer
 * to, then loads and checks each file in turn, calling visit (if not NULL)
 * with each tree that loaded; the tree is freed when visit returns.
 * Problems in the files (strays, conflict markers, a missing
 * initiative.yaml, what the schema says) go to diags, sorted; the return
 * is 0 even then, or an error code (into err) when the repository cannot
 * be read or memory runs out.  Memory stays bounded by the largest file.
 */
int scan_initiative(struct store *s, struct diags *diags, struct scan_stats *stats,
		    void (*visit)(void *ctx, const char *file, const struct doc *doc),
		    void *ctx, struct err *err);

#endif
