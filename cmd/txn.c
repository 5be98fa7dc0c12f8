/*
 * The edits of one file as the commands run them (txn.h): store/edit.c
 * decides, this file says what it decided, in the words convene has
 * always used, and runs the user's hooks around the commit.
 */
#include <string.h>

#include "core/approval.h"
#include "core/layout.h"
#include "hooks/hook.h"
#include "i18n.h"
#include "txn.h"

int txn_finish(struct txn *t, int rc, const char *subject, struct txn_err *e)
{
	const char *file = t->file;

	if (rc == 0) {
		txn_err_release(e);
		return txn_commit(t, subject);
	}
	txn_release(t);
	rc = txn_say_failure(e, file);
	txn_err_release(e);
	return rc;
}

int txn_say_failure(const struct txn_err *e, const char *file)
{
	size_t i;

	for (i = 0; i < e->added.n; i++)
		print_diag(stderr, &e->added.v[i]);
	if (e->undo.code)
		report(file, &e->undo);
	if (e->unreadable) {
		report(e->file, &e->err);
		fprintf(stderr, "convene: hint: ");
		fprintf(stderr, _("fix %s first (convene validate shows every problem)\n"),
			e->file);
		return EXIT_DATA;
	}
	if (e->file) {
		fprintf(stderr, "%s:%u:%u: error: %s\n", e->file, e->err.line, e->err.col, e->err.msg);
		if (e->err.hint[0])
			fprintf(stderr, "convene: hint: %s\n", e->err.hint);
		return exit_code(e->err.code);
	}
	return report(NULL, &e->err);
}

/* Says what a commit did; returns the exit code (0). */
static int say_done(const struct txn_done *d, const char *file)
{
	switch (d->outcome) {
	case TXN_UNCHANGED:
		note(_("nothing to change: %s already holds that"), file);
		break;
	case TXN_STAGED:
		note(_("%s: %s (staged, not committed)"), file, d->message);
		break;
	case TXN_COMMITTED:
		if (d->warning.msg[0])
			warn("%s", d->warning.msg);
		note("[%s] %s", d->oid, d->message);
		break;
	}
	return EXIT_OK;
}

int txn_begin(struct txn *t, struct store *s, const char *file, enum txn_mode mode)
{
	struct txn_err e;
	int rc = 0;

	txn_err_init(&e);
	if (edit_begin(t, s, file, mode, &e) < 0)
		rc = txn_say_failure(&e, file);
	else
		t->commit = commit_with_hooks;
	txn_err_release(&e);
	return rc;
}

void txn_warn_approved(const struct txn *t)
{
	struct approval a;
	char name[16], by[16];

	if (layout_kind(t->file) != KIND_MEETING || !t->doc || !approval_of(&a, t->doc->root))
		return;
	layout_meeting_name(name, sizeof(name), layout_meeting_of_file(t->file));
	layout_meeting_name(by, sizeof(by), a.meeting);
	warn(_("the minutes of meeting %s were approved at meeting %s; this changes them after their approval"),
	     name, by);
}

int txn_refuse_conflict(struct txn *t, const struct doc_node *n, const char *what)
{
	struct txn_err e;
	int rc = 0;

	txn_err_init(&e);
	if (edit_refuse_conflict(t, n, what, &e) < 0)
		rc = txn_say_failure(&e, t->file);
	txn_err_release(&e);
	return rc;
}

int txn_commit(struct txn *t, const char *message)
{
	const char *file = t->file;  /* t is released below */
	struct txn_done done;
	struct txn_err e;
	int rc;

	txn_err_init(&e);
	if (edit_commit(t, message, &done, &e) < 0)
		rc = txn_say_failure(&e, file);
	else
		rc = say_done(&done, file);
	txn_err_release(&e);
	return rc;
}

int txn_begin_also(struct txn *also, const struct txn *t, const char *file, enum txn_mode mode)
{
	struct txn_err e;
	int rc = 0;

	txn_err_init(&e);
	if (edit_begin_also(also, t, file, mode, &e) < 0)
		rc = txn_say_failure(&e, file);
	txn_err_release(&e);
	return rc;
}

int txn_commit_both(struct txn *t, struct txn *also, const char *message)
{
	const char *file = t->file, *other = also->file;
	struct txn_done done;
	struct txn_err e;
	char both[300];
	int rc;

	txn_err_init(&e);
	snprintf(both, sizeof(both), _("%s and %s"), file, other);
	if (edit_commit_both(t, also, message, &done, &e) < 0)
		rc = txn_say_failure(&e, e.file ? e.file : file);
	else
		rc = say_done(&done, both);
	txn_err_release(&e);
	return rc;
}

int txn_commit_removal(struct txn *t, const char *message)
{
	const char *file = t->file;
	struct txn_done done;
	struct txn_err e;
	int rc;

	txn_err_init(&e);
	if (edit_commit_removal(t, message, &done, &e) < 0)
		rc = txn_say_failure(&e, file);
	else
		rc = say_done(&done, file);
	txn_err_release(&e);
	return rc;
}

/*
 * pre-commit, the commit, post-commit, as git runs them: pre-commit sees
 * the work tree with the edit and, in GIT_INDEX_FILE, the index about to
 * be committed; its refusal leaves history and the index untouched.
 */
int commit_with_hooks(struct store *s, const char *const *paths, size_t n, const char *head,
		      const char *message, char *oid, size_t oid_size, struct err *err)
{
	struct store_pending *p;
	char dir[4096], env[4200];
	const char *envv[2] = { env, NULL };
	int status, error;

	store_hooks_dir(s, dir, sizeof(dir));
	if ((error = store_prepare(&p, s, paths, n, head, hook_exists(dir, "pre-commit"), err)) < 0)
		return error;
	snprintf(env, sizeof(env), "GIT_INDEX_FILE=%s", store_pending_index(p));
	if ((error = hook_run(&status, dir, "pre-commit", store_workdir(s), NULL, envv, NULL, err)) < 0) {
		store_abandon(p);
		return error;
	}
	if (status) {
		store_abandon(p);
		err_set(err, ERR_REFUSED, 0, 0, "the pre-commit hook refused the edit (exit %d)", status);
		err_hint(err, "nothing was changed; see what the hook said above (%s/pre-commit)", dir);
		return ERR_REFUSED;
	}
	if ((error = store_finish(p, message, oid, oid_size, err)) < 0)
		return error;
	/* post-commit cannot change anything: its exit is not ours */
	if (hook_run(&status, dir, "post-commit", store_workdir(s), NULL, NULL, NULL, err) < 0)
		warn("%s", err->msg);
	return error;
}
