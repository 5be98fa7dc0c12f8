/*
 * agenda and minutes: what the group receives before and after a meeting
 * (DESIGN §6).  store/sources.c reads what the document needs — the
 * initiative, the meeting, the members, and the other meetings it speaks
 * of — from the work tree, or for minutes --at from a commit;
 * core/agenda.c writes the Markdown, core/page.c the page; -o writes it
 * atomically.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "core/agenda.h"
#include "core/approval.h"
#include "core/domain.h"
#include "core/layout.h"
#include "core/page.h"
#include "store/history.h"
#include "store/sources.h"
#include "txn.h"

static const struct opt agenda_opts[] = {
	{ 'f', "format", "md|html", N_("Markdown (the default) or a standalone HTML page"), 0 },
	{ 'F', "facilitator", NULL, N_("the run sheet: each item's prompt too"), 0 },
	{ 'o', "output", "FILE", N_("write to FILE, atomically (-: standard output)"), 'o' },
	OPT_END
};

/* Both forms of minutes, in one table: what --help lists is what is
 * parsed; each form refuses the other's options. */
static const struct opt minutes_opts[] = {
	{ 'f', "format", "md|html", N_("Markdown (the default) or a standalone HTML page"), 0 },
	{ 'a', "at", "DATE|REV", N_("as they stood at a date or a commit"), 0 },
	{ 'o', "output", "FILE", N_("write to FILE, atomically (-: standard output)"), 'o' },
	{ 'A', "at-meeting", "N", N_("approve: the later meeting that approves them"), 0 },
	{ 'b', "by", "MEMBER", N_("approve: who records the decision (default: git config\n"
	  "convene.member)"), 0 },
	{ 'n', "no-commit", NULL, N_("approve: leave the change staged instead of committing it"), 0 },
	OPT_END
};

const struct help help_agenda = {
	"M [--format md|html] [--facilitator] [-o FILE]",
	N_("The agenda of meeting M, in the initiative's language: title, date with\n"
	"its weekday, start and end in the initiative's time zone, place, goals,\n"
	"the items with their lead, purpose and planned times, and the actions\n"
	"still open from earlier meetings.  --format html gives one page that\n"
	"needs nothing from outside and prints on A4.\n"),
	agenda_opts, NULL,
	NULL
};

const struct help help_minutes = {
	"M [--format md|html] [--at DATE|REV] [-o FILE]\n"
	"approve M --at-meeting N [--by MEMBER] [--no-commit]",
	N_("The minutes of meeting M: who was present and absent, each item's notes,\n"
	"decisions and actions, unsettled conflicts with every side, the next\n"
	"steps and the next planned meeting, and the commit they were made from;\n"
	"their header says whether they are a draft or approved, and where.\n"
	"\n"
	"approve records that meeting N approved the minutes of meeting M, in one\n"
	"commit: a decision in N (in its opening, else its first item) and\n"
	"approved: {meeting: N, decision: ID} in M.  N must come after M (exit 2);\n"
	"minutes approved already, or a cancelled N, exit 1.  Notes and decisions\n"
	"added to approved minutes are still taken, with a warning.\n"),
	minutes_opts, NULL,
	NULL
};

/* "no meeting 7; the meetings are 1, 2, 3", exit 1. */
static int no_meeting(const struct agenda_sources *src, const char *file)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < src->nnumbers; i++)
		buf_addf(&b, "%s%ld", i ? ", " : "", src->numbers[i]);
	fputs("convene: error: ", stderr);
	if (src->nnumbers)
		fprintf(stderr, ngettext("no meeting %ld (%s); the meeting is: %s",
					 "no meeting %ld (%s); the meetings are: %s", src->nnumbers),
			src->number, file, buf_str(&b));
	else
		fprintf(stderr, _("no meeting %ld (%s); there are no meetings yet"), src->number, file);
	fprintf(stderr, "\nconvene: hint: %s\n",
		_("'convene meeting list' lists them; 'convene meeting new' plans one"));
	buf_release(&b);
	return EXIT_DATA;
}

/* Writes the document to standard output, or atomically to file. */
static int write_out(const char *file, const struct buf *b)
{
	struct err err;

	if (buf_failed(b))
		return out_of_memory();
	if (!file || !strcmp(file, "-"))
		return put_out(b);
	err_clear(&err);
	if (store_write_output(file, b->ptr, b->len, &err) < 0)
		return report(NULL, &err);
	return EXIT_OK;
}

static int render(struct store *s, const struct cmd *me, const char *arg, int minutes,
		  const char *format, unsigned flags, const char *at, const char *output)
{
	struct agenda_sources src = { 0 };
	const struct store_oid *from = NULL;
	struct store_commit c;
	struct agenda_in in = { 0 };
	struct agenda_said said;
	struct buf md = BUF_INIT, page = BUF_INIT, title = BUF_INIT;
	struct err err;
	char file[64];
	int html = format && !strcmp(format, "html"), rc, have_commit = 0;

	if (format && !html && strcmp(format, "md"))
		return usage_error(me, _("--format is md or html, not '%s'"), format);
	if (meeting_file(file, sizeof(file), arg) < 0)
		return usage_error(me, _("'%s' is not a meeting number (1 to %ld)"), arg, LAYOUT_MEETING_MAX);
	if (output && strcmp(output, "-")) {
		struct stat st;

		/* said before any work, and nothing is written */
		if (stat(output, &st) == 0 && S_ISDIR(st.st_mode)) {
			fputs("convene: error: ", stderr);
			fprintf(stderr, _("'%s' is a folder; -o takes the name of a file"), output);
			fputc('\n', stderr);
			return EXIT_USAGE;
		}
	}
	err_clear(&err);
	if (at) {
		if (store_resolve(s, at, &c, &err) < 0)
			return report(NULL, &err);
		have_commit = 1;
		from = &c.oid;
	}
	src.number = layout_meeting_number(file);
	src.minutes = minutes;
	src.compare = minutes && !at;  /* and HEAD is found with the sources */
	if (store_agenda_sources(&src, s, from, &err) < 0) {
		rc = report(err.line ? file : NULL, &err);
		goto done;
	}
	if (!src.meeting) {
		rc = no_meeting(&src, file);
		goto done;
	}
	if (!src.meeting->root || src.meeting->root->kind != DOC_MAP) {
		fputs("convene: error: ", stderr);
		fprintf(stderr, src.meeting->root && (src.meeting->root->flags & DOC_CONFLICT)
			? _("%s is in conflict as a whole: it was deleted at one site and changed at another")
			: _("%s holds no meeting"), file);
		fprintf(stderr, "\nconvene: hint: %s\n",
			_("'convene conflicts' shows it; 'convene validate' says what is wrong"));
		rc = EXIT_DATA;
		goto done;
	}
	in.initiative = src.initiative ? src.initiative->root : NULL;
	in.meeting = src.meeting->root;
	in.number = src.number;
	in.members = &src.members;
	in.meetings = &src.meetings;
	if (have_commit) {
		in.commit_id = c.id;
		in.commit_date = c.date;
	} else if (src.has_head) {
		in.commit_id = src.head_id;
		in.commit_date = src.head_date;
		in.uncommitted = src.uncommitted;
	}
	if ((minutes ? minutes_markdown(&md, &in, &said) : agenda_markdown(&md, &in, flags, &said)) < 0) {
		rc = out_of_memory();
		goto done;
	}
	if (said.no_timezone)
		fprintf(stderr, "convene: hint: %s\n",
			_("initiative.yaml names no timezone, so times are in UTC; "
			  "set one: convene set timezone Asia/Jerusalem"));
	if (html) {
		agenda_page_title(&title, &in, minutes, flags);
		if (page_from_markdown(&page, agenda_lang(&in), buf_str(&title), md.ptr ? md.ptr : "",
				       md.len) < 0) {
			rc = out_of_memory();
			goto done;
		}
	}
	rc = write_out(output, html ? &page : &md);
done:
	if (have_commit)
		store_commit_release(&c);
	buf_release(&md);
	buf_release(&page);
	buf_release(&title);
	store_agenda_sources_release(&src);
	return rc;
}

/*
 * minutes approve M --at-meeting N: the decision in N and the approval in
 * M, one commit (core/approval.c decides what goes where).
 */
static int approve(struct store *s, const struct cmd *me, const char *marg, const char *narg,
		   const char *by, int no_commit)
{
	const char *who, *from, *item;
	char mfile[64], nfile[64], whobuf[72], id[9], at[48], site[64], msg[300];
	struct approval_by ab;
	struct txn m, n;
	struct doc *ini = NULL;
	struct err err;
	long mnum, nnum;
	int rc;

	if (meeting_file(mfile, sizeof(mfile), marg) < 0)
		return usage_error(me, _("'%s' is not a meeting number (1 to %ld)"), marg, LAYOUT_MEETING_MAX);
	if (!narg)
		return usage_error(me, "%s", _("minutes approve needs --at-meeting N, the meeting that approves them"));
	if (meeting_file(nfile, sizeof(nfile), narg) < 0)
		return usage_error(me, _("'--at-meeting' is %s, not a meeting number (1 to %ld)"), narg,
				   LAYOUT_MEETING_MAX);
	mnum = layout_meeting_of_file(mfile);
	nnum = layout_meeting_of_file(nfile);
	if (nnum <= mnum)
		return usage_error(me, _("the minutes of meeting %ld are approved at a later meeting, not at meeting %ld"),
				   mnum, nnum);
	who = acting_member(s, by, whobuf, sizeof(whobuf), &from);
	if ((rc = check_option(KIND_MEETING, from, who, "agenda.decisions.by", NULL)))
		return rc;
	if ((rc = txn_begin(&m, s, mfile, TXN_EDIT)) != 0)
		return rc;
	if ((rc = txn_begin_also(&n, &m, nfile, TXN_EDIT)) != 0) {
		txn_release(&m);
		return rc;
	}
	m.no_commit = no_commit;
	if ((rc = check_option(KIND_MEETING, from, who, "agenda.decisions.by", m.ids)))
		goto out;
	err_clear(&err);
	/* the decision is written in the initiative's language */
	if (load_file(s, LAYOUT_INITIATIVE, &ini, NULL, &err) < 0)
		err_clear(&err);
	if (dom_random_id(id) < 0 || now_stamp(at, sizeof(at)) < 0) {
		rc = out_of_memory();
		goto out;
	}
	snprintf(site, sizeof(site), "%s", store_site(s));
	ab.id = id;
	ab.by = who;
	ab.site = site;
	ab.at = at;
	if (approval_apply(m.doc, mnum, n.doc, nnum, ini ? dom_text(ini->root, "language") : NULL,
			   &ab, &item, &err) < 0) {
		rc = report(err.line ? mfile : NULL, &err);
		goto out;
	}
	doc_free(ini);
	/* "meeting 002: minutes of meeting 001 approved": the meeting that
	 * decided first, as log --meeting finds it */
	layout_subject(msg, sizeof(msg), nnum, "minutes of meeting %03ld approved", mnum);
	return txn_commit_both(&m, &n, msg);
out:
	doc_free(ini);
	txn_release(&n);
	txn_release(&m);
	return rc;
}

/* The options both commands share, and --facilitator or --at; minutes
 * approve. */
static int run(int argc, char **argv, struct store *s, int minutes)
{
	const struct cmd *me = cmd_find(minutes ? "minutes" : "agenda");
	const char *format = NULL, *at = NULL, *output = NULL, *at_meeting = NULL, *by = NULL;
	unsigned flags = 0;
	int c, rc = 0, no_commit = 0, approving;
	struct err err;

	optind = 0;
	while ((c = opt_next(minutes ? minutes_opts : agenda_opts, argc, argv)) != -1) {
		switch (c) {
		case 'f': rc = once(me, &format, "--format", optarg); break;
		case 'a': rc = once(me, &at, "--at", optarg); break;
		case 'o': rc = once(me, &output, "-o", optarg); break;
		case 'F': flags |= AGENDA_FACILITATOR; break;
		case 'A': rc = once(me, &at_meeting, "--at-meeting", optarg); break;
		case 'b': rc = once(me, &by, "--by", optarg); break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	/* a meeting is a number: "approve" names none */
	approving = minutes && optind < argc && !strcmp(argv[optind], "approve");
	if (approving) {
		if (format || at || output)
			return usage_error(me, _("minutes approve takes --at-meeting, --by and --no-commit, not %s"),
					   format ? "--format" : at ? "--at" : "-o");
		if (argc - optind != 2)
			return usage_error(me, "%s", _("minutes approve takes one meeting number, the minutes approved"));
		err_clear(&err);
		if (store_repo(s, &err) < 0)  /* opened without libgit2 (LAZY_GIT) */
			return report(NULL, &err);
		return approve(s, me, argv[optind + 1], at_meeting, by, no_commit);
	}
	if (at_meeting || by || no_commit)
		return usage_error(me, _("%s goes with 'minutes approve M'"),
				   at_meeting ? "--at-meeting" : by ? "--by" : "--no-commit");
	if (argc - optind != 1)
		return usage_error(me, _("%s takes one meeting number"), me->name);
	return render(s, me, argv[optind], minutes, format, flags, at, output);
}

int cmd_agenda(int argc, char **argv, struct store *s)
{
	return run(argc, argv, s, 0);
}

int cmd_minutes(int argc, char **argv, struct store *s)
{
	return run(argc, argv, s, 1);
}
