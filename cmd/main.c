/*
 * convene: the entry point.  Global options, the command table, dispatch.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "core/tz.h"

/* build/gen/version.h: from git describe, the package's version, or a
 * fixed fallback (the Makefile and scripts/version.sh choose) */
#include "version.h"

static const char *const usage_convene =
	/* TRANSLATORS: keep "convene", the options and COMMAND as they
	 * are; the second line lines up with the first */
	N_("usage: convene [-C DIR] COMMAND [ARGS]\n"
	   "       convene help [COMMAND]\n");

static const struct opt help_opts[] = {
	{ 'o', "options", NULL, N_("list the options of COMMAND (or of its SUBCOMMAND),\n"
	  "one per line, for completion and scripts"), 0 },
	{ 'm', "man", NULL, N_("print COMMAND's manual page as roff, FILE adding its\n"
	  "description and examples (doc/commands/COMMAND.txt);\n"
	  "with no COMMAND, the list of commands for convene(1)"), 0 },
	{ 'c', "complete", "WORD", N_("the field paths and files of the initiative here\n"
	  "that WORD may grow into, one a line, for completion"), 0 },
	OPT_END
};

static const struct help help_help = {
	"[COMMAND]\n--options COMMAND [SUBCOMMAND]\n--man [COMMAND [FILE]]\n--complete WORD",
	N_("Shows the help of a command, or lists the commands.\n"),
	help_opts, NULL, NULL
};

const struct cmd commands[] = {
	{ "action", cmd_action, NEED_REPO, N_("record an action on an agenda item"), &help_action },
	{ "actions", cmd_actions, NEED_REPO, N_("actions across meetings: open, mine, overdue"), &help_actions },
	{ "agenda", cmd_agenda, NEED_REPO | LAZY_GIT, N_("the agenda of a meeting, or its run sheet: Markdown or HTML"), &help_agenda },
	{ "archive", cmd_archive, NEED_REPO, N_("the initiative as it stood then, as a .tar.gz"), &help_archive },
	{ "attend", cmd_attend, NEED_REPO, N_("mark members as attending a meeting"), &help_attend },
	{ "bundle", cmd_bundle, NEED_REPO, N_("history in a file, for a site with no network"), &help_bundle },
	{ "calendar", cmd_calendar, NEED_REPO, N_("the meetings as iCalendar: a feed, or an invitation"), &help_calendar },
	{ "clone", cmd_clone, 0, N_("join an initiative: clone it and set this site up"), &help_clone },
	{ "commit", cmd_commit, NEED_REPO, N_("commit hand edits, checked first"), &help_commit },
	{ "conflicts", cmd_conflicts, NEED_REPO, N_("every unresolved conflict and its sides"), &help_conflicts },
	{ "decide", cmd_decide, NEED_REPO, N_("record a decision on an agenda item"), &help_decide },
	{ "diff", cmd_diff, NEED_REPO, N_("what changed between two dates, in words"), &help_diff },
	{ "edit", cmd_edit, NEED_REPO, N_("edit a file in $EDITOR until it is valid"), &help_edit },
	{ "fmt", cmd_fmt, NEED_REPO, N_("rewrite files in canonical form"), &help_fmt },
	{ "get", cmd_get, NEED_REPO, N_("print the value of a field"), &help_get },
	{ "help", cmd_help, NO_GIT, N_("show help for a command"), &help_help },
	{ "history", cmd_history, NEED_REPO, N_("every change of a field: who, where, when, which meeting"), &help_history },
	{ "hosts", cmd_hosts, NEED_REPO, N_("who hosted when; who could host next"), &help_hosts },
	{ "init", cmd_init, 0, N_("create a new initiative"), &help_init },
	{ "interview", cmd_interview, NEED_REPO, N_("one-on-one interviews: add, list, show, summary"), &help_interview },
	{ "key", cmd_key, 0, N_("your age key: new, show, publish"), &help_key },
	{ "log", cmd_log, NEED_REPO, N_("the history: who, where, what"), &help_log },
	{ "meeting", cmd_meeting, NEED_REPO, N_("plan, list, show, edit meetings"), &help_meeting },
	{ "member", cmd_member, NEED_REPO, N_("add, list, show, edit members; leave"), &help_member },
	{ "merge-file", cmd_merge_file, NO_GIT, N_("merge three versions of a file (git's merge driver)"), &help_merge_file },
	{ "minutes", cmd_minutes, NEED_REPO | LAZY_GIT, N_("the minutes of a meeting: Markdown or HTML"), &help_minutes },
	{ "note", cmd_note, NEED_REPO, N_("add a note to an agenda item"), &help_note },
	{ "notes", cmd_notes, NEED_REPO, N_("take notes in a meeting, item by item"), &help_notes },
	{ "outcome", cmd_outcome, NEED_REPO, N_("outcomes, indicators, measurements"), &help_outcome },
	{ "partner", cmd_partner, NEED_REPO, N_("the organisations the initiative works with: add, list"), &help_partner },
	{ "principle", cmd_principle, NEED_REPO, N_("the group's guiding principles"), &help_principle },
	{ "readers", cmd_readers, NEED_REPO, N_("who may read the confidential interviews: add, rm, list"), &help_readers },
	{ "remote", cmd_remote, NEED_REPO, N_("where the initiative syncs to: add, list, rm"), &help_remote },
	{ "report", cmd_report, NEED_REPO, N_("the initiative as a static web site with charts"), &help_report },
	{ "resolve", cmd_resolve, NEED_REPO, N_("settle a conflict: a side, the base or a new value"), &help_resolve },
	{ "set", cmd_set, NEED_REPO, N_("set a field and commit"), &help_set },
	{ "show", cmd_show, NEED_REPO, N_("a field or file as it stood at a date or commit"), &help_show },
	{ "status", cmd_status, NEED_REPO, N_("members, interviews, meetings, problems"), &help_status },
	{ "subgroup", cmd_subgroup, NEED_REPO, N_("the initiative's subgroups: add, list"), &help_subgroup },
	{ "sync", cmd_sync, NEED_REPO, N_("commit, fetch, merge, push: meet the other sites"), &help_sync },
	{ "validate", cmd_validate, NEED_REPO, N_("check every file and reference"), &help_validate },
	{ NULL, NULL, 0, NULL, NULL }
};

const struct cmd *cmd_find(const char *name)
{
	const struct cmd *c;

	for (c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static void list_commands(FILE *f)
{
	const struct cmd *c;

	fputs(_(usage_convene), f);
	fprintf(f, "\n%s\n", _("commands:"));
	for (c = commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, _(c->summary));
	fprintf(f, "\n%s", _("exit codes: 0 ok, 1 the data has problems, 2 usage, 3 remote unreachable,\n"
			    "4 refused (hook, lock held), 5 internal or repository error\n"));
}

int cmd_help(int argc, char **argv, struct store *s)
{
	const struct cmd *c, *me = cmd_find("help");
	int opt, options = 0, man = 0;

	(void)s;
	optind = 0;
	while ((opt = opt_next(help_opts, argc, argv)) != -1) {
		if (opt == 'c')
			return optind == argc ? help_complete(optarg)
					      : usage_error(me, "%s", _("--complete takes one WORD"));
		if (opt == 'm')
			man = 1;
		else if (opt == 'o')
			options = 1;
		else
			return option_error(me, opt, argv);
	}
	argc -= optind;
	argv += optind;
	if (man && options)
		return usage_error(me, "%s", _("--man and --options cannot be given together"));
	if (man && argc > 2)
		return usage_error(me, "%s", _("too many arguments"));
	if (man && argc && !cmd_find(argv[0]))
		return usage_error(me, _("no such command '%s'"), argv[0]);
	if (man)
		return help_man(argc ? cmd_find(argv[0]) : NULL, argc == 2 ? argv[1] : NULL,
				CONVENE_VERSION);
	/* help has always shown the command's help whatever follows it:
	 * `convene help member add` is the member family's help */
	if (options && argc > 2)
		return usage_error(me, "%s", _("too many arguments"));
	if (!argc && options)
		return usage_error(me, "%s", _("--options takes a command"));
	if (!argc) {
		list_commands(stdout);
		return EXIT_OK;
	}
	if (!(c = cmd_find(argv[0]))) {
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, _("no such command '%s'"), argv[0]);
		fputc('\n', stderr);
		fprintf(stderr, "convene: hint: %s\n", _("'convene help' lists the commands"));
		return EXIT_USAGE;
	}
	if (!options)
		return print_help(stdout, c);
	if (print_options(stdout, c, argc == 2 ? argv[1] : NULL) == 0)
		return EXIT_OK;
	if (!c->help->subs)
		return usage_error(me, _("%s has no subcommands"), c->name);
	if (argc == 2)
		return usage_error(me, _("'%s' is not a subcommand of %s"), argv[1], c->name);
	return usage_error(me, _("each subcommand of %s has its options: name one"), c->name);
}

/* Whether the arguments name a data option (i18n.h), before "--". */
static int wants_data(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return 0;
		if (!strncmp(argv[i], "--", 2) &&
		    i18n_data_option(argv[i] + 2, strcspn(argv[i] + 2, "=")))
			return 1;
	}
	return 0;
}

static int wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return 0;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return 1;
	}
	return 0;
}

/* libgit2 could not be loaded when a command first needed it */
static void missing_git(const struct err *err)
{
	fflush(stdout);
	exit(report(NULL, err));
}

int main(int argc, char **argv)
{
	const struct cmd *c;
	struct store *s = NULL;
	struct err err;
	int i = 1, rc;

	i18n_init();
	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "-C") && i + 1 == argc) {
			fprintf(stderr, "convene: error: %s\n", _("-C needs a folder: convene -C DIR COMMAND"));
			return EXIT_USAGE;
		} else if (!strcmp(argv[i], "-C")) {
			if (chdir(argv[i + 1]) < 0) {
				fprintf(stderr, "convene: error: ");
				fprintf(stderr, _("cannot change to '%s'"), argv[i + 1]);
				fputc('\n', stderr);
				return EXIT_USAGE;
			}
			i += 2;
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			list_commands(stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--version")) {
			printf("convene version %s\n", CONVENE_VERSION);
			return EXIT_OK;
		} else {
			fprintf(stderr, "convene: error: ");
			fprintf(stderr, _("unknown option '%s'"), argv[i]);
			fputc('\n', stderr);
			fputs(_(usage_convene), stderr);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		list_commands(stderr);
		return EXIT_USAGE;
	}
	if (!(c = cmd_find(argv[i]))) {
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, _("'%s' is not a convene command"), argv[i]);
		fputc('\n', stderr);
		fprintf(stderr, "convene: hint: %s\n", _("'convene help' lists the commands"));
		return EXIT_USAGE;
	}
	if (wants_help(argc - i, argv + i))
		return print_help(stdout, c);
	if (wants_data(argc - i, argv + i))
		i18n_data_output();
	tz_set_reader(tz_read_system);  /* read when a time zone is first checked */
	err_clear(&err);
	store_on_missing_git(missing_git);
	if (!(c->flags & (NO_GIT | LAZY_GIT)) && store_global_start(&err) < 0)
		return report(NULL, &err);
	if ((c->flags & NEED_REPO) &&
	    ((c->flags & LAZY_GIT) ? store_open_lazy : store_open)(&s, ".", &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	rc = c->fn(argc - i, argv + i, s);
done:
	store_free(s);
	if (!(c->flags & NO_GIT))
		store_global_shutdown();
	if (fflush(stdout) != 0 && rc == EXIT_OK)
		rc = EXIT_INTERNAL;
	return rc;
}
