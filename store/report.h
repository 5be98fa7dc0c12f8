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
 * Whether dir may take the report: missing, empty, or a report written
 * before (it holds REPORT_MARKER); with force, any folder.  ERR_USAGE
 * (naming dir and --force) otherwise.
 */
int store_report_check(const char *dir, int force, struct err *err);

/*
 * Makes the site of commit c in a temporary folder beside dir and puts
 * it in dir's place: r (report_init() done by the caller) takes every
 * file of c and the changes of the vision reachable from it; each
 * meeting is read once, taken and its page (meetings/NNN.html) written at
 * once, so memory holds one file and one page besides what r keeps; then
 * index.html, style.css and REPORT_MARKER.  A missing or empty dir is
 * renamed onto, a report or (force) another folder is exchanged with it
 * and removed.  *pages gets the number of meeting pages.  Nothing of it
 * is left on failure.
 */
int store_report(struct report *r, struct store *s, const struct store_commit *c, const char *dir,
		 int force, size_t *pages, struct err *err);

#endif
