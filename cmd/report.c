/*
 * report: the initiative as a static web site (DESIGN §6) — index.html,
 * the minutes page of every meeting, one stylesheet — made from one
 * commit (HEAD, or --at), so the same commit gives the same bytes.
 * store/report.c reads and writes, core/report.c makes the pages.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "core/report.h"
#include "store/history.h"
#include "store/report.h"

static const struct opt report_opts[] = {
	{ 'a', "at", "DATE|REV", N_("as the initiative stood at a date or a commit"), 0 },
	{ 'f', "force", NULL, N_("replace DIR even if it holds something other than a report"), 0 },
	OPT_END
};

const struct help help_report = {
	"DIR [--at DATE|REV] [--force]",
	N_("Writes the initiative as a web site into DIR, for the group, its board\n"
	"and its funders: index.html (the overview and its figures, how the\n"
	"vision changed, the meetings, participation, outcomes with a chart per\n"
	"indicator, actions, the interview summary) and meetings/NNN.html, the\n"
	"minutes of each meeting.  It opens from disk, needs no network and no\n"
	"script, and prints on A4.  Confidential interviews are counted, never\n"
	"shown.  Everything comes from one commit: HEAD, or --at; \"overdue\" is\n"
	"as of that commit's date.\n"),
	report_opts, NULL,
	N_("DIR must be missing, empty, or a report written before (it holds a\n"
	".convene-report file): the new site is made beside it and then takes\n"
	"its place, so DIR is never half written.  A meeting whose file cannot\n"
	"be read is listed without a page, and the error said: exit 1.\n")
};

int cmd_report(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("report");
	const char *at = NULL;
	struct store_commit c;
	struct report r;
	struct err err;
	size_t pages = 0, i;
	int ch, rc = 0, force = 0;

	optind = 0;
	while ((ch = opt_next(report_opts, argc, argv)) != -1) {
		switch (ch) {
		case 'a': rc = once(me, &at, "--at", optarg); break;
		case 'f': force = 1; break;
		default: return option_error(me, ch, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 1)
		return usage_error(me, "%s", _("report takes one folder"));
	err_clear(&err);
	/* said before any work: a folder that will be refused anyway */
	if (store_report_check(argv[optind], force, &err) < 0)
		return report(NULL, &err);
	if (!at && store_is_unborn(s)) {
		fprintf(stderr, "convene: error: %s\n", _("nothing is committed yet; the report is made from a commit"));
		fprintf(stderr, "convene: hint: %s\n", _("'convene commit' records the files first"));
		return EXIT_DATA;
	}
	if (store_resolve(s, at ? at : "HEAD", &c, &err) < 0)
		return report(NULL, &err);
	if (report_init(&r) < 0) {
		store_commit_release(&c);
		return out_of_memory();
	}
	if (store_report(&r, s, &c, argv[optind], force, &pages, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	/* a meeting that did not load: where, as validate says it */
	for (i = 0; i < r.nunread; i++)
		report(r.unread[i].file, &r.unread[i].err);
	note(ngettext("wrote %s: index.html and %zu meeting page, from commit %s (%s)",
		      "wrote %s: index.html and %zu meeting pages, from commit %s (%s)", pages),
	     argv[optind], pages, c.id, c.date);
	if (r.nunread) {
		note(ngettext("%zu meeting could not be read: the report lists it without its page",
			      "%zu meetings could not be read: the report lists them without their pages",
			      r.nunread), r.nunread);
		rc = EXIT_DATA;
	}
	if (r.conflicts)
		note(ngettext("%u unsettled conflict: the report says so; 'convene conflicts' lists it",
			      "%u unsettled conflicts: the report says so; 'convene conflicts' lists them",
			      r.conflicts), r.conflicts);
done:
	report_release(&r);
	store_commit_release(&c);
	return rc;
}
