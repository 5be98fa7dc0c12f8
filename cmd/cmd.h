/*
 * The command table and what every command file shares: printing errors,
 * exit codes, colour, option parsing helpers.  Only cmd/ talks to the user.
 */
#ifndef CONVENE_CMD_H
#define CONVENE_CMD_H

#include <getopt.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/schema.h"
#include "store/load.h"
#include "store/scan.h"
#include "store/store.h"

#define NEED_REPO 0x1  /* open the repository first (git's RUN_SETUP) */
#define NO_GIT    0x2  /* never touches libgit2: skip starting it (7 ms of
			* Debian's build goes to reading the CA bundle) */
#define LAZY_GIT  0x4  /* with NEED_REPO: opened without libgit2, loaded
			* when first needed (store_open_lazy()): what the
			* minutes need is mostly in convene's caches */

/*
 * One option of a command: the one source of what opt_next() parses and of
 * what --help lists (cmd/options.c).  A table ends with OPT_END.
 */
struct opt {
	int key;           /* what opt_next() returns: the letter, for -x */
	const char *name;  /* --name; NULL for a letter alone */
	const char *arg;   /* the value's name ("MEMBER"); NULL: a flag */
	const char *help;  /* what it does; '\n' between lines */
	char letter;       /* -x too, or 0 */
};
#define OPT_END { 0, NULL, NULL, NULL, 0 }
/* The table of the read commands that take --json alone. */
extern const struct opt opts_json[];

/* A family's subcommands, as `member add`: the table ends with NULL. */
struct subcmd {
	const char *name;
	int (*fn)(int argc, char **argv, struct store *s);
	const char *synopsis;      /* its forms, after "convene FAMILY NAME" */
	const struct opt *opts;
};

/*
 * A command's help, kept beside the command.  The synopsis holds the
 * forms after "convene NAME", one per line; a line that starts with a
 * space continues the form above.  A family lists its subcommands' forms
 * and options instead.
 */
struct help {
	const char *synopsis;
	const char *about;         /* paragraphs after the usage, or NULL */
	const struct opt *opts;
	const struct subcmd *subs;
	const char *after;         /* paragraphs after the options, or NULL */
};

struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv, struct store *s);
	unsigned flags;
	const char *summary;
	const struct help *help;
};

/* The next option as getopt_long() returns it (the key, '?' or ':', -1
 * at the end), from a table; set optind = 0 before the first call. */
int opt_next(const struct opt *opts, int argc, char **argv);
/* The same, where the first operand ends the options (merge-file: git
 * gives it file names, and one may start with '-'). */
int opt_next_ordered(const struct opt *opts, int argc, char **argv);
/* The full --help of a command, or its first usage line. */
int print_help(FILE *f, const struct cmd *c);
void print_usage_line(FILE *f, const struct cmd *c);
/* Each option of c (or of its subcommand sub), one per line: its names
 * and its value, "--by MEMBER", "-q,--quiet"; -1 if there is no such
 * subcommand. */
int print_options(FILE *f, const struct cmd *c, const char *sub);
/* convene-COMMAND(1) as roff on stdout, from c's tables and file (its
 * doc/commands/ text, may be NULL); the list of commands for convene(1)
 * when c is NULL (cmd/man.c).  Returns the exit code. */
int help_man(const struct cmd *c, const char *file, const char *version);
/* The field paths and files of the initiative in the current folder that
 * word may grow into, one a line, on stdout (cmd/complete.c). */
int help_complete(const char *word);
/* Prints "convene: error: out of memory"; returns EXIT_INTERNAL. */
int out_of_memory(void);

/* The sorted table, ending with a NULL name. */
extern const struct cmd commands[];
const struct cmd *cmd_find(const char *name);

/* Exit codes (DESIGN §3). */
enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2, EXIT_UNREACHABLE = 3,
       EXIT_REFUSED = 4, EXIT_INTERNAL = 5 };

/* The exit code for an error code from below cmd/. */
int exit_code(int error);

/* Prints "convene: error: msg" (with file:line:col: when file is given and
 * err has a line) and the hint; returns exit_code(err->code). */
int report(const char *file, const struct err *err);
/* Prints "convene: error: ..." and returns EXIT_USAGE after the usage line. */
int usage_error(const struct cmd *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* What getopt_long's '?' or ':' (opt) meant: an option it does not know,
 * or one given without its value; usage_error()'s exit code.  Every
 * optstring starts with ':', so that getopt itself prints nothing. */
int option_error(const struct cmd *c, int opt, char **argv);
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "\rreceiving objects:  40% (4/10), 1.2 KiB" on stderr, no newline: a
 * transfer's progress (what: "receiving" or "sending"), for sync and clone. */
void show_transfer(const char *what, size_t done, size_t total, size_t bytes);

/* Prints a diagnostic as file:line:col: level: message. */
void print_diag(FILE *f, const struct diag *d);
/* Writes diagnostics to w as a JSON array, one a line, under key. */
struct json_w;
void json_diags(struct json_w *w, const char *key, const struct diags *d);

/* Colour codes when stream is a terminal and NO_COLOR is unset, else "". */
const char *color(FILE *stream, const char *code);

/*
 * Parses the options of a read command (only --json) and checks that
 * nargs arguments are left, from argv[optind].  Returns 0, or the exit
 * code of a usage error (already printed).
 */
int read_options(int argc, char **argv, const char *name, int nargs, int *json);

/* Now as an ISO 8601 time stamp with offset (2026-02-01T17:05:00+02:00),
 * or $CONVENE_NOW when set (for examples and tests). */
int now_stamp(char *out, size_t size);
/* Today's date, 2026-02-01 (11 bytes). */
void today(char *out);
/* meetings/NNN.yaml from "2", "002" or "meetings/002.yaml"; -1 if it names
 * no meeting number (core/layout.h says what one is). */
int meeting_file(char *out, size_t size, const char *arg);
/*
 * Checks the value of an option (opt, "--due"; NULL value: not given) as
 * the field it fills, field ("agenda.actions.due") of a file of kind, by
 * the schema's own rules (core/schema.h), so a value is judged on the
 * command line as it would be in the file.  ids (may be NULL) checks what
 * it names too.  Returns 0, or the exit code with the error printed: 2
 * for a value of the wrong form, 1 for one that names what is not there.
 */
int check_option(enum schema_kind kind, const char *opt, const char *value, const char *field,
		 const struct schema_ids *ids);
struct optfield {
	const char *opt, *value, *field;
};
/* check_option() for each of v[0..n), stopping at the first error. */
int check_options(enum schema_kind kind, const struct optfield *v, size_t n,
		  const struct schema_ids *ids);

/*
 * Who acts, for every command that needs "who" (note, decide, action,
 * notes, interview add, actions --mine): by (--by) when given, else `git
 * config convene.member` (read into buf); NULL when neither is set.
 * *from names where it came from ("--by", "convene.member") for
 * messages; check_option() checks it like any value.
 */
const char *acting_member(struct store *s, const char *by, char *buf, size_t size,
			  const char **from);

/*
 * Takes value into *slot for an option that holds one value, opt
 * ("--by"); a second one is refused (exit 2, printed), where git would
 * take the last: a note signed by the wrong member, or an action due on
 * the wrong day, is worse than a command typed again.  Returns 0 or 2.
 */
int once(const struct cmd *c, const char **slot, const char *opt, const char *value);

/* Appends s and spaces up to width characters (not bytes: Hebrew). */
void pad(struct buf *b, const char *s, size_t width);

/* A value as get prints it: a scalar's text, other values as YAML, or
 * JSON (cmd/field.c). */
void put_value(struct buf *b, const struct doc_node *node, int json);

/* The system's tz database names, for tz_set_reader() (core/tz.h): the
 * text of $TZDIR/tzdata.zi (default /usr/share/zoneinfo), malloc()ed, or
 * NULL when it cannot be read. */
char *tz_read_system(size_t *len);

/* Writes a buffer to stdout; returns EXIT_INTERNAL if that fails. */
int put_out(const struct buf *b);

/* Reads all of stdin (at most limit bytes) into out. */
int read_stdin(struct buf *out, size_t limit, struct err *err);

/* scan_initiative() for read commands: problems in the files are not
 * theirs to report; returns 0 or the exit code of a failure (printed),
 * also when *failed (the visitor ran out of memory) is set. */
int visit_initiative(struct store *s, void (*visit)(void *ctx, const char *file, const struct doc *doc),
		     void *ctx, const int *failed);

int run_subcommand(const char *name, const struct subcmd *table, int argc, char **argv,
		   struct store *s);


/* Shows dir/<id>.yaml, the id in argv[optind], as YAML or --json;
 * cmd names the command for messages (cmd/interview.c). */
int show_file(int argc, char **argv, struct store *s, const char *cmd, const char *dir);

/*
 * Commits every changed file of the work tree (new ones too) after
 * validating the whole initiative; an error refuses it, and so does an
 * unresolved conflict unless allow_conflicts.  The caller holds the edit
 * lock.  *count gets the number of files committed (0: nothing to do).
 * Returns an exit code; what went wrong is printed (cmd/edit.c).
 */
int commit_pending(struct store *s, const char *message, int allow_conflicts, size_t *count);

/* Edits a file in the user's editor until it is valid (cmd/edit.c). */
int edit_file(struct store *s, const char *file);

extern const struct help help_init, help_validate, help_get, help_set, help_status, help_fmt;
extern const struct help help_commit, help_edit, help_log, help_member;
extern const struct help help_meeting, help_attend, help_note, help_decide;
extern const struct help help_action, help_actions, help_hosts;
extern const struct help help_interview, help_principle, help_outcome, help_notes;

int cmd_notes(int argc, char **argv, struct store *s);
extern const struct help help_merge_file, help_conflicts, help_resolve;
int cmd_conflicts(int argc, char **argv, struct store *s);
extern const struct help help_history, help_show, help_diff, help_archive;
int cmd_history(int argc, char **argv, struct store *s);
int cmd_show(int argc, char **argv, struct store *s);
int cmd_diff(int argc, char **argv, struct store *s);
int cmd_archive(int argc, char **argv, struct store *s);
extern const struct help help_bundle, help_calendar;
int cmd_calendar(int argc, char **argv, struct store *s);
int cmd_bundle(int argc, char **argv, struct store *s);
extern const struct help help_clone;
int cmd_clone(int argc, char **argv, struct store *s);
extern const struct help help_sync;
int cmd_sync(int argc, char **argv, struct store *s);
extern const struct help help_remote;
int cmd_remote(int argc, char **argv, struct store *s);
extern const struct help help_readers;
int cmd_readers(int argc, char **argv, struct store *s);
int cmd_resolve(int argc, char **argv, struct store *s);
int cmd_merge_file(int argc, char **argv, struct store *s);
extern const struct help help_key;
int cmd_key(int argc, char **argv, struct store *s);

int cmd_interview(int argc, char **argv, struct store *s);
extern const struct help help_subgroup, help_partner;
int cmd_partner(int argc, char **argv, struct store *s);
int cmd_subgroup(int argc, char **argv, struct store *s);
int cmd_outcome(int argc, char **argv, struct store *s);
int cmd_principle(int argc, char **argv, struct store *s);

/* Adds a note, decision or action to agenda item itemid of the meeting
 * in file, committed at once (cmd/meeting.c).  Returns the exit code. */
enum entry { ENTRY_NOTE, ENTRY_DECISION, ENTRY_ACTION };
int meeting_add(struct store *s, const char *file, const char *itemid, enum entry kind,
		const char *text, const char *by, const char *owner, const char *due,
		int no_commit);
/* After a decision on item: the command that makes it the initiative's
 * field the item stands for (elevator-pitch), on stderr (cmd/note.c). */
void hint_decision(const char *item, const char *text);
/* Marks members as attending; names is NULL-terminated (cmd/meeting.c). */
int meeting_attend(struct store *s, const char *file, char *const *names, int no_commit);

extern const struct help help_agenda, help_minutes;
int cmd_agenda(int argc, char **argv, struct store *s);
int cmd_minutes(int argc, char **argv, struct store *s);
extern const struct help help_report;
int cmd_report(int argc, char **argv, struct store *s);

int cmd_action(int argc, char **argv, struct store *s);
int cmd_actions(int argc, char **argv, struct store *s);
int cmd_attend(int argc, char **argv, struct store *s);
int cmd_decide(int argc, char **argv, struct store *s);
int cmd_hosts(int argc, char **argv, struct store *s);
int cmd_meeting(int argc, char **argv, struct store *s);
int cmd_note(int argc, char **argv, struct store *s);

int cmd_commit(int argc, char **argv, struct store *s);
int cmd_edit(int argc, char **argv, struct store *s);
int cmd_log(int argc, char **argv, struct store *s);
int cmd_member(int argc, char **argv, struct store *s);
int cmd_fmt(int argc, char **argv, struct store *s);
int cmd_get(int argc, char **argv, struct store *s);
int cmd_help(int argc, char **argv, struct store *s);
int cmd_init(int argc, char **argv, struct store *s);
int cmd_set(int argc, char **argv, struct store *s);
int cmd_status(int argc, char **argv, struct store *s);
int cmd_validate(int argc, char **argv, struct store *s);

#endif
