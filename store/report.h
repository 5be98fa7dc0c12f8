/*
 * The report (`convene report DIR`) as store/ sees it: every file of one
 * commit and the history of the vision up to it read into core's struct
 * report, and the site written beside DIR under a temporary name, then
 * swapped into place.
 */
#ifndef CONVENE_STORE_REPORT_H
#define CONVENE_STORE_REPORT_H

#include "core/err.h"
#include "core/report.h"
#include "history.h"

/*
 * Fills r (report_init() done by the caller) with every file of commit c
 * and the changes of the vision reachable from it, then report_finish().
 * Memory holds one file at a time besides what the report keeps.
 */
int store_report_gather(struct report *r, struct store *s, const struct store_commit *c,
			struct err *err);

/*
 * Whether dir may take the report: missing, empty, or a report written
 * before (it holds REPORT_MARKER); with force, any folder.  ERR_USAGE
 * (naming dir and --force) otherwise.
 */
int store_report_check(const char *dir, int force, struct err *err);

/*
 * Writes the site of r into a temporary folder beside dir: index.html,
 * style.css, REPORT_MARKER and meetings/NNN.html (each meeting read
 * again from commit c, one at a time), then puts it in dir's place: a
 * missing or empty dir is renamed onto, a report or (force) another
 * folder is exchanged with it and removed.  *pages gets the number of
 * meeting pages.  Nothing of it is left on failure.
 */
int store_report_write(struct store *s, const struct store_commit *c, const struct report *r,
		       const char *dir, int force, size_t *pages, struct err *err);

#endif
