/*
 * convene: the entry point.  Global options, the command table, dispatch.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

#define VERSION "0.1.0"

static const char usage_convene[] =
	"usage: convene [-C DIR] COMMAND [ARGS]\n"
	"       convene help [COMMAND]\n";

static const char usage_init[] =
	"usage: convene init [DIR] [--name NAME] [--lang he|en] [--template ucsd|blank] [--site SITE] [--hooks]\n"
	"\n"
	"Creates a new initiative: a git repository in DIR (default: the current\n"
	"folder, which must be empty) with initiative.yaml and, for the ucsd\n"
	"template, meetings 001-003 with their goals, agenda and prompts.  It is\n"
	"committed at once with your git identity.\n"
	"\n"
	"  --name NAME         the initiative's name (default: the folder's name)\n"
	"  --lang he|en        language of the templates (default: from $LANG)\n"
	"  --template T        ucsd (three first meetings) or blank (default: ucsd)\n"
	"  --site SITE         this site's name, an id (default: from the host name)\n"
	"  --hooks             install the sample hooks (pre-commit: validate first;\n"
	"                      post-sync: write .git/convene-status.txt)\n";

static const char usage_validate[] =
	"usage: convene validate [--json]\n"
	"\n"
	"Checks every file of the initiative: YAML syntax, fields, types, ids and\n"
	"references between files.  Prints every problem as file:line:col, sorted\n"
	"by file and line.  Exit 1 if any error.\n";

static const char usage_get[] =
	"usage: convene get [--json] FIELD\n"
	"\n"
	"Prints the value at a field path: 'vision', 'meetings/002.yaml:agenda[principles].notes'.\n";

static const char usage_set[] =
	"usage: convene set [--yaml] [--no-commit] [--force] FIELD VALUE\n"
	"       convene set [--yaml] FIELD -        (the value from standard input)\n"
	"       convene set --edit FIELD            (the value in $VISUAL or $EDITOR)\n"
	"\n"
	"Sets a field, validates the file, writes it atomically and commits at once\n"
	"(running the pre-commit and post-commit hooks).  A field the schema does\n"
	"not know is refused (exit 2), with the nearest one it knows.\n"
	"  --yaml              read VALUE as YAML (a list or a mapping)\n"
	"  --edit              edit the current value in your editor\n"
	"  --no-commit         leave the change staged instead of committing it\n"
	"  --force             set a field the schema does not know (kept; validate\n"
	"                      warns about it)\n";

static const char usage_status[] =
	"usage: convene status [--json]\n"
	"\n"
	"Members, interviews done and missing, meetings; for each remote the\n"
	"commits to push and to fetch (as of the last sync) and when this site\n"
	"last synced with it; unresolved conflicts and the problems found.\n";

static const char usage_fmt[] =
	"usage: convene fmt [--check] [--drop-comments] [FILE...]\n"
	"\n"
	"Rewrites the initiative's files in the form convene writes them: 2-space\n"
	"block style, multi-line text as literal blocks, quotes only where a YAML\n"
	"reader would misread the text, text fields as text, date fields as dates,\n"
	"numbers in one form (007 is 7, .5 is 0.5).\n"
	"  --check             change nothing; list files that are not canonical, exit 1 if any\n"
	"  --drop-comments     rewrite files that hold comments too (the comments are lost)\n";

static const char usage_help[] =
	"usage: convene help [COMMAND]\n";

const struct cmd commands[] = {
	{ "action", cmd_action, NEED_REPO, "record an action on an agenda item", usage_action },
	{ "actions", cmd_actions, NEED_REPO, "actions across meetings: open, mine, overdue", usage_actions },
	{ "archive", cmd_archive, NEED_REPO, "the initiative as it stood then, as a .tar.gz", usage_archive },
	{ "attend", cmd_attend, NEED_REPO, "mark members as attending a meeting", usage_attend },
	{ "bundle", cmd_bundle, NEED_REPO, "history in a file, for a site with no network", usage_bundle },
	{ "clone", cmd_clone, 0, "join an initiative: clone it and set this site up", usage_clone },
	{ "commit", cmd_commit, NEED_REPO, "commit hand edits, checked first", usage_commit },
	{ "conflicts", cmd_conflicts, NEED_REPO, "every unresolved conflict and its sides", usage_conflicts },
	{ "decide", cmd_decide, NEED_REPO, "record a decision on an agenda item", usage_decide },
	{ "diff", cmd_diff, NEED_REPO, "what changed between two dates, in words", usage_diff },
	{ "edit", cmd_edit, NEED_REPO, "edit a file in $EDITOR until it is valid", usage_edit },
	{ "fmt", cmd_fmt, NEED_REPO, "rewrite files in canonical form", usage_fmt },
	{ "get", cmd_get, NEED_REPO, "print the value of a field", usage_get },
	{ "help", cmd_help, NO_GIT, "show help for a command", usage_help },
	{ "history", cmd_history, NEED_REPO, "every change of a field: who, where, when, which meeting", usage_history },
	{ "hosts", cmd_hosts, NEED_REPO, "who hosted when; who could host next", usage_hosts },
	{ "init", cmd_init, 0, "create a new initiative", usage_init },
	{ "interview", cmd_interview, NEED_REPO, "one-on-one interviews: add, list, show, summary", usage_interview },
	{ "log", cmd_log, NEED_REPO, "the history: who, where, what", usage_log },
	{ "merge-file", cmd_merge_file, NO_GIT, "merge three versions of a file (git's merge driver)", usage_merge_file },
	{ "meeting", cmd_meeting, NEED_REPO, "plan, list, show, edit meetings", usage_meeting },
	{ "member", cmd_member, NEED_REPO, "add, list, show, edit members; leave", usage_member },
	{ "note", cmd_note, NEED_REPO, "add a note to an agenda item", usage_note },
	{ "notes", cmd_notes, NEED_REPO, "take notes in a meeting, item by item", usage_notes },
	{ "outcome", cmd_outcome, NEED_REPO, "outcomes, indicators, measurements", usage_outcome },
	{ "principle", cmd_principle, NEED_REPO, "the group's guiding principles", usage_principle },
	{ "remote", cmd_remote, NEED_REPO, "where the initiative syncs to: add, list, rm", usage_remote },
	{ "resolve", cmd_resolve, NEED_REPO, "settle a conflict: a side, the base or a new value", usage_resolve },
	{ "set", cmd_set, NEED_REPO, "set a field and commit", usage_set },
	{ "show", cmd_show, NEED_REPO, "a field or file as it stood at a date or commit", usage_show },
	{ "status", cmd_status, NEED_REPO, "members, interviews, meetings, problems", usage_status },
	{ "sync", cmd_sync, NEED_REPO, "commit, fetch, merge, push: meet the other sites", usage_sync },
	{ "validate", cmd_validate, NEED_REPO, "check every file and reference", usage_validate },
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

	fputs(usage_convene, f);
	fputs("\ncommands:\n", f);
	for (c = commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->summary);
	fputs("\nexit codes: 0 ok, 1 the data has problems, 2 usage, 3 remote unreachable,\n"
	      "4 refused (hook, lock held), 5 internal or repository error\n", f);
}

int cmd_help(int argc, char **argv, struct store *s)
{
	const struct cmd *c;

	(void)s;
	if (argc < 2) {
		list_commands(stdout);
		return EXIT_OK;
	}
	if (!(c = cmd_find(argv[1]))) {
		fprintf(stderr, "convene: error: no such command '%s'\n", argv[1]);
		fprintf(stderr, "convene: hint: 'convene help' lists the commands\n");
		return EXIT_USAGE;
	}
	fputs(c->usage, stdout);
	return EXIT_OK;
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

int main(int argc, char **argv)
{
	const struct cmd *c;
	struct store *s = NULL;
	struct err err;
	int i = 1, rc;

	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "-C") && i + 1 == argc) {
			fprintf(stderr, "convene: error: -C needs a folder: convene -C DIR COMMAND\n");
			return EXIT_USAGE;
		} else if (!strcmp(argv[i], "-C")) {
			if (chdir(argv[i + 1]) < 0) {
				fprintf(stderr, "convene: error: cannot change to '%s'\n", argv[i + 1]);
				return EXIT_USAGE;
			}
			i += 2;
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			list_commands(stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--version")) {
			printf("convene %s\n", VERSION);
			return EXIT_OK;
		} else {
			fprintf(stderr, "convene: error: unknown option '%s'\n", argv[i]);
			fputs(usage_convene, stderr);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		list_commands(stderr);
		return EXIT_USAGE;
	}
	if (!(c = cmd_find(argv[i]))) {
		fprintf(stderr, "convene: error: '%s' is not a convene command\n", argv[i]);
		fprintf(stderr, "convene: hint: 'convene help' lists the commands\n");
		return EXIT_USAGE;
	}
	if (wants_help(argc - i, argv + i)) {
		fputs(c->usage, stdout);
		return EXIT_OK;
	}
	if (!(c->flags & NO_GIT) && store_global_init() < 0) {
		fprintf(stderr, "convene: error: cannot start libgit2\n");
		return EXIT_INTERNAL;
	}
	err_clear(&err);
	if ((c->flags & NEED_REPO) && store_open(&s, ".", &err) < 0) {
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
