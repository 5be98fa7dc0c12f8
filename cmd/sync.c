/*
 * sync: hand edits committed (if valid), fetch, merge with the YAML
 * driver, validate, commit the merge, push; with git's hooks between the
 * steps (post-merge, pre-push) and convene's post-sync at the end.  A
 * remote that moved while we merged is fetched and merged again.  No
 * network is exit 3 and keeps everything: the next sync catches up.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "core/layout.h"
#include "core/syncmsg.h"
#include "hooks/hook.h"
#include "store/hookinput.h"
#include "store/retry.h"
#include "store/sync.h"

static const struct opt sync_opts[] = {
	{ 'q', "quiet", NULL, N_("no progress, only errors"), 'q' },
	OPT_END
};

const struct help help_sync = {
	"[--quiet] [REMOTE]\n"
	"[--quiet] FILE.bundle",
	N_("Brings this site and a remote to the same notes: commits hand edits\n"
	   "(checked first; invalid ones refuse the sync), fetches, merges what the\n"
	   "other sites did (YAML-aware: notes taken at the same time all stay; a\n"
	   "value changed differently at two sites becomes a conflict to resolve,\n"
	   "see 'convene conflicts'), commits the merge and pushes.  Runs the hooks\n"
	   "post-merge, pre-push (may refuse the push) and post-sync.\n"
	   "\n"
	   "REMOTE defaults to the branch's upstream, then 'origin', then the only\n"
	   "remote.  With FILE.bundle (from 'convene bundle create' or 'git bundle\n"
	   "create'), merges what another site carried here; nothing is pushed.\n"),
	sync_opts, NULL,
	N_("A remote that answers but is busy (another push holds its branch) or\n"
	   "moves while we merge is tried again, waiting longer each time, for up\n"
	   "to convene.syncPatience seconds (git config; 30 by default).\n"
	   "\n"
	   "Exit 3 when the remote cannot be reached, or kept moving: local commits\n"
	   "are kept, and the next sync sends them.  Exit 4 when it stayed busy or\n"
	   "refused the push.  Exit 1 when the merged data has problems other than\n"
	   "conflicts (a conflict is recorded, and the sync goes on).\n")
};

struct sync {
	struct store *s;
	struct timespec start;   /* of the transfer shown, for its rate */
	const char *shown;       /* what it is ("receiving", "sending") */
	const char *remote, *url;
	int quiet, tty, progress_open;
	size_t merged_conflicts;
	unsigned problems;       /* errors in the merged data, other than conflicts */
	struct err busy;         /* the remote's last "busy", for the last word */
	int round;               /* rounds before this one (a busy remote) */
};

static void show_objects(void *ctx, const char *what, size_t done, size_t total, size_t bytes)
{
	struct sync *y = ctx;
	struct timespec now;
	double secs;

	if (!y->tty || !total)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (y->shown != what) {
		y->shown = what;
		y->start = now;
	}
	secs = (double)(now.tv_sec - y->start.tv_sec) + (now.tv_nsec - y->start.tv_nsec) / 1e9;
	show_transfer(what, done, total, bytes);
	if (secs > 0.05)
		fprintf(stderr, _(" | %.1f KiB/s"), bytes / 1024.0 / secs);
	y->progress_open = 1;
}

static void show_remote(void *ctx, const char *line)
{
	struct sync *y = ctx;

	/* the server's progress, on a terminal; a refusal's reason is
	 * reported with the refusal */
	if (!y->tty)
		return;
	if (y->progress_open)
		fputc('\n', stderr), y->progress_open = 0;
	/* TRANSLATORS: before a line the server sent, as git shows it */
	fprintf(stderr, _("remote: %s\n"), line);
}

static void end_progress(struct sync *y)
{
	if (y->progress_open)
		fputc('\n', stderr), y->progress_open = 0;
	y->shown = NULL;
}

/* Local commits kept; how many wait.  Exit 3. */
static int offline(struct sync *y, const struct err *e)
{
	size_t ahead, behind;
	int known;
	struct err err;

	end_progress(y);
	report(NULL, e);
	err_clear(&err);
	if (store_ahead_behind(y->s, y->remote, &ahead, &behind, &known, &err) == 0) {
		fputs("convene: ", stderr);
		note(ngettext("your work is kept here: %zu commit waits to be pushed to %s; "
			      "the next 'convene sync' sends it",
			      "your work is kept here: %zu commits wait to be pushed to %s; "
			      "the next 'convene sync' sends them", ahead),
		     ahead, y->remote);
	}
	return EXIT_UNREACHABLE;
}

/* Prints the problems of the merged tree (other than the conflicts it
 * recorded, said already); the number of them. */
static unsigned check_merged(struct sync *y)
{
	struct diags d = { 0 };
	struct scan_stats st;
	struct err err;
	unsigned errors;
	size_t i;

	err_clear(&err);
	if (scan_initiative(y->s, &d, &st, NULL, NULL, &err) < 0) {
		report(NULL, &err);
		diags_release(&d);
		return 1;
	}
	errors = diags_other_errors(&d);
	for (i = 0; errors && i < d.n; i++)
		if (d.v[i].level == DIAG_ERROR)
			print_diag(stderr, &d.v[i]);
	diags_release(&d);
	return errors;
}

static int run_hook(struct sync *y, const char *name, const char *const *args, const char *input)
{
	char dir[4096];
	struct err err;
	int status;

	err_clear(&err);
	store_hooks_dir(y->s, dir, sizeof(dir));
	if (hook_run(&status, dir, name, store_workdir(y->s), args, NULL, input, &err) < 0) {
		report(NULL, &err);
		return -1;
	}
	return status;
}

/* pre-push with git's arguments and input; non-zero refuses the push. */
static int pre_push(struct sync *y, const char *remote_tip)
{
	const char *args[3] = { y->remote, y->url, NULL };
	char path[4200];
	struct err err;
	int status;

	err_clear(&err);
	store_hooks_dir(y->s, path, sizeof(path));
	if (!hook_exists(path, "pre-push"))
		return 0;
	if (store_pre_push_input(y->s, remote_tip, path, sizeof(path), &err) < 0)
		return report(NULL, &err);
	status = run_hook(y, "pre-push", args, path);
	store_hook_input_remove(path);
	if (status < 0)
		return EXIT_INTERNAL;
	if (status) {
		err_set(&err, ERR_REFUSED, 0, 0, "the pre-push hook refused the push (exit %d)",
			status);
		err_hint(&err, "%s",
			 _("your commits are kept here; see what the hook said above, then sync again"));
		return report(NULL, &err);
	}
	return 0;
}

/* Merges the commit tip (what came from y->remote) into HEAD: nothing, a
 * fast-forward or a merge commit, checked and followed by post-merge. */
static int merge_tip(struct sync *y, const char *tip)
{
	const char *args[2] = { "0", NULL };
	struct store_merge_result r;
	struct buf message = BUF_INIT;
	char oid[16];
	struct err err;
	size_t i;
	int error;

	err_clear(&err);
	if ((error = store_merge(y->s, tip, &r, &err)) < 0) {
		store_merge_result_release(&r);
		return report(NULL, &err);
	}
	for (i = 0; i < r.n; i++) {
		if (r.files[i].how == STORE_FILE_MARKERS)
			warn(_("%s changed at both sites: both versions are in it, between git's conflict "
			       "markers; keep what you want, delete the marker lines, then 'convene commit'"),
			     r.files[i].path);
		else if (r.files[i].how == STORE_FILE_KEPT) {
			const char *from = r.files[i].other ? r.files[i].other : "";
			const char *id = syncmsg_from_commit(from);

			warn(_("%s changed at both sites and cannot hold both versions: one is kept, "
			       "the other stays in history ('git show %s:%s' writes it; from %s)"),
			     r.files[i].path, id, r.files[i].path, from);
		}
		else if (r.files[i].whole)
			warn(_("%s cannot be merged as YAML (%s), and the versions' lines conflict: "
			       "each version is kept whole, as a conflict over the file ('convene conflicts' "
			       "shows them, 'convene resolve %s --side N' takes one)"),
			     r.files[i].path, r.files[i].lines_why, r.files[i].path);
		else if (r.files[i].lines_why)
			warn(_("%s cannot be merged as YAML (%s); it was merged line by line"),
			     r.files[i].path, r.files[i].lines_why);
		if (r.files[i].conflicts && !r.files[i].lines_why)
			note(ngettext("%s: %zu conflict recorded", "%s: %zu conflicts recorded",
				      r.files[i].conflicts), r.files[i].path, r.files[i].conflicts);
	}
	if (r.kind == STORE_MERGED) {
		unsigned errors;

		syncmsg_merge(&message, y->remote, tip, r.conflicts);
		if (buf_failed(&message)) {
			store_merge_result_release(&r);
			return out_of_memory();
		}
		error = store_merge_commit(y->s, tip, &r, buf_str(&message), oid, 8, &err);
		buf_release(&message);
		if (error < 0) {
			store_merge_result_release(&r);
			return report(NULL, &err);
		}
		y->merged_conflicts += r.conflicts;
		errors = check_merged(y);
		y->problems += errors;
		if (!y->quiet && errors)
			note(_("[%s] merged %.7s from %s; the merged data has problems (above)"), oid,
			     tip, y->remote);
		else if (!y->quiet)
			note(_("[%s] merged %.7s from %s"), oid, tip, y->remote);
	} else if (r.kind == STORE_FAST_FORWARD) {
		y->problems += check_merged(y);
		if (!y->quiet)
			note(_("fast-forward to %.7s from %s"), tip, y->remote);
	} else if (!y->quiet && !y->round) {
		note(_("nothing new from %s"), y->remote);
	}
	/* as git after a pull that changed something: post-merge 0 */
	if (r.kind != STORE_UP_TO_DATE && run_hook(y, "post-merge", args, NULL) < 0) {
		store_merge_result_release(&r);
		return EXIT_INTERNAL;
	}
	store_merge_result_release(&r);
	return EXIT_OK;
}

/* One round: fetch, merge, push.  Returns an exit code, or -1 when the
 * remote moved while we merged, -2 when it was busy (go round again). */
static int round_trip(struct sync *y, const struct store_progress *p)
{
	char tip[48];
	struct err err;
	size_t ahead, behind;
	int known, rc, error;

	err_clear(&err);
	if ((error = store_fetch(y->s, y->remote, tip, sizeof(tip), p, &err)) < 0)
		return error == ERR_UNREACHABLE ? offline(y, &err) : (end_progress(y), report(NULL, &err));
	end_progress(y);
	if (tip[0] && (rc = merge_tip(y, tip)) != EXIT_OK)
		return rc;
	if (store_ahead_behind(y->s, y->remote, &ahead, &behind, &known, &err) < 0)
		return report(NULL, &err);
	if (known && !ahead)
		return EXIT_OK;  /* the remote has everything of ours */
	if ((rc = pre_push(y, tip)))
		return rc;
	error = store_push(y->s, y->remote, p, &err);
	end_progress(y);
	if (error == STORE_PUSH_STALE)
		return -1;
	if (error == STORE_PUSH_BUSY) {
		y->busy = err;
		return -2;
	}
	if (error < 0)
		return error == ERR_UNREACHABLE ? offline(y, &err) : report(NULL, &err);
	if (!y->quiet)
		note(ngettext("pushed %zu commit to %s", "pushed %zu commits to %s", ahead), ahead,
		     y->remote);
	return EXIT_OK;
}

/* post-sync, with the remote or bundle file; a failure is only said:
 * the sync is done.  -1 when it could not be run. */
static int post_sync(struct sync *y, const char *from)
{
	const char *args[2] = { from, NULL };
	int status = run_hook(y, "post-sync", args, NULL);

	if (status > 0)
		warn(_("the post-sync hook failed (exit %d); the sync itself is done"), status);
	return status < 0 ? -1 : 0;
}

/* The last word of a sync: the conflicts it recorded; exit 1 when the
 * merged data has other problems. */
static int finish(struct sync *y)
{
	if (y->merged_conflicts) {
		fputs("convene: ", stderr);
		note(ngettext("%zu conflict recorded: 'convene conflicts' lists them, "
			      "'convene resolve' settles each",
			      "%zu conflicts recorded: 'convene conflicts' lists them, "
			      "'convene resolve' settles each", y->merged_conflicts),
		     y->merged_conflicts);
	}
	return y->problems ? EXIT_DATA : EXIT_OK;
}

/* What another site carried here: read, merged; nothing to push. */
static int sync_bundle(struct sync *y, const char *file)
{
	char tip[48], site[64], label[300];
	struct err err;
	int rc;

	err_clear(&err);
	if (store_bundle_read(y->s, file, tip, sizeof(tip), site, sizeof(site), &err) < 0)
		return report(err.line ? file : NULL, &err);
	if (site[0])
		/* TRANSLATORS: a bundle file and the site it came from */
		snprintf(label, sizeof(label), _("%s from %s"), file, site);
	else
		snprintf(label, sizeof(label), "%s", file);
	y->remote = label;
	if ((rc = merge_tip(y, tip)) != EXIT_OK)
		return rc;
	/* what that site has now, for the next `bundle create --for` */
	if (site[0] && strcmp(site, store_site(y->s)) && store_site_seen(y->s, site, tip, &err) < 0)
		warn("%s", err.msg);
	if (post_sync(y, file) < 0)
		return EXIT_INTERNAL;
	return finish(y);
}

/* One round trip, for retry_run(): below 0 (-2 busy, -1 overtaken) to
 * try again, else the exit code. */
struct attempt {
	struct sync *y;
	struct store_progress *p;
};

static int attempt(void *ctx)
{
	struct attempt *a = ctx;

	return round_trip(a->y, a->p);
}

static void waiting(void *ctx, int rc)
{
	struct attempt *a = ctx;

	if (!a->y->quiet)
		note(rc == -2 ? _("%s is busy with another push; trying again") :
				_("%s moved while we merged; fetching again"), a->y->remote);
	a->y->round++;
}

int cmd_sync(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("sync");
	struct store_progress p = { show_objects, show_remote, NULL };
	struct sync y;
	struct err err;
	char name[256], url[4096], key[300], stamp[64], resumed[48];
	const char *want = NULL;
	size_t pending;
	struct retry r;
	struct attempt a = { &y, &p };
	long patience;
	int i, rc = -1;

	memset(&y, 0, sizeof(y));
	y.s = s;
	optind = 0;
	while ((i = opt_next(sync_opts, argc, argv)) != -1) {
		if (i != 'q')
			return option_error(me, i, argv);
		y.quiet = 1;
	}
	if (argc - optind > 1)
		return usage_error(me, "%s", _("sync takes one remote (or bundle file)"));
	if (optind < argc)
		want = argv[optind];
	y.tty = !y.quiet && isatty(2);
	p.ctx = &y;
	err_clear(&err);
	if (store_identity_check(s, &err) < 0 || store_lock(s, 3000, &err) < 0)
		return report(NULL, &err);
	if (store_merge_resume(s, resumed, sizeof(resumed), &err) < 0)
		warn("%s (%s)", err.msg, err.hint);
	else if (resumed[0])
		note(_("finished the merge %.7s that an interrupted sync had begun"), resumed);
	if (want && store_is_bundle_arg(want, 1)) {
		if ((rc = commit_pending(s, NULL, 1, &pending)) != EXIT_OK)
			return rc;
		return sync_bundle(&y, want);
	}
	if (store_sync_remote(s, want, name, sizeof(name), url, sizeof(url), &err) < 0)
		return report(NULL, &err);
	y.remote = name;
	y.url = url;
	if (retry_patience(s, &patience, &err) < 0)
		return report(NULL, &err);
	/* hand edits first: what is synced is what is committed */
	if ((rc = commit_pending(s, NULL, 1, &pending)) != EXIT_OK)
		return rc;
	/* a remote that answers is tried again while other sites' pushes
	 * overtake ours or hold its lock (store/retry.h) */
	retry_init(&r, patience, 0);
	rc = retry_run(&r, attempt, waiting, &a);
	if (rc == -2) {
		report(NULL, &y.busy);
		err_set(&err, ERR_REFUSED, 0, 0, ngettext("%s stayed busy for %ld s (%d try)",
			"%s stayed busy for %ld s (%d tries)", r.tries), name, (r.waited + 999) / 1000,
			r.tries);
		return report(NULL, &err);
	}
	if (rc < 0) {
		err_set(&err, ERR_UNREACHABLE, 0, 0, ngettext("%s kept moving: %d try in %ld s, each "
			"overtaken by another site's push", "%s kept moving: %d tries in %ld s, each "
			"overtaken by another site's push", r.tries), name, r.tries,
			(r.waited + 999) / 1000);
		err_hint(&err, "%s", _("your commits are kept here; sync again in a moment"));
		return report(NULL, &err);
	}
	if (rc != EXIT_OK)
		return rc;
	if (post_sync(&y, name) < 0)
		return EXIT_INTERNAL;
	if (now_stamp(stamp, sizeof(stamp)) == 0) {
		layout_synced_key(key, sizeof(key), name);
		if (store_config_set(s, key, stamp, &err) < 0)
			warn("%s", err.msg);
	}
	if (!y.quiet)
		note(_("in sync with %s"), name);
	return finish(&y);
}
