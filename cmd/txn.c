/*
 * Edits of one file (txn.h).  The file on disk changes only after the new
 * tree has been validated; if the commit then fails, the old bytes are put
 * back, so an edit is either in history or not made at all.
 */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "hooks/hook.h"
#include "txn.h"

static int file_changed(struct txn *t, struct err *err);

/* Prints the errors of after (which it drops the others from) that
 * before does not have (diags_keep_new); returns how many. */
static size_t new_errors(const struct diags *before, struct diags *after)
{
	size_t i, found = diags_keep_new(after, before);

	for (i = 0; i < after->n; i++)
		if (after->v[i].level == DIAG_ERROR)
			print_diag(stderr, &after->v[i]);
	return found;
}

static int begin(struct txn *t, struct store *s, const char *file, int create)
{
	struct err err;
	int error;

	memset(t, 0, sizeof(*t));
	t->s = s;
	t->file = file;
	t->created = create == 1;
	t->allow_conflict_root = create == 2;
	err_clear(&err);
	if ((error = store_identity_check(s, &err)) < 0 ||
	    (error = store_lock(s, 3000, &err)) < 0)
		return report(NULL, &err);
	error = store_read(s, file, &t->old, &t->oldlen, &err);
	if (t->created && error == 0) {
		txn_release(t);
		err_set(&err, ERR_USAGE, 0, 0, "%s already exists", file);
		err_hint(&err, "choose another id with --id");
		return report(NULL, &err);
	}
	if (t->created && error == ERR_NOTFOUND) {
		err_clear(&err);
		if (!(t->doc = doc_new()) || !(t->doc->root = doc_map(t->doc))) {
			txn_release(t);
			return report(NULL, (err_set(&err, ERR_NOMEM, 0, 0, "out of memory"), &err));
		}
	} else if (error < 0) {
		txn_release(t);
		return report(NULL, &err);
	} else if ((error = doc_load(&t->doc, t->old, t->oldlen, &err)) < 0) {
		txn_release(t);
		report(file, &err);
		fprintf(stderr, "convene: hint: fix %s first (convene validate shows every problem)\n", file);
		return EXIT_DATA;
	}
	if (t->doc->comments) {
		fprintf(stderr, "%s:%u:%u: error: the file holds comments, which this edit would drop\n",
			file, t->doc->comment_line, t->doc->comment_col);
		fprintf(stderr, "convene: hint: move them into a field such as notes, or remove them\n");
		txn_release(t);
		return EXIT_DATA;
	}
	if (!t->doc->root || t->doc->root->kind != DOC_MAP) {
		fprintf(stderr, "%s:1:1: error: the file %s; fix it first (convene edit %s)\n", file,
			t->doc->root ? "does not hold a mapping of fields" : "is empty", file);
		txn_release(t);
		return EXIT_DATA;
	}
	if ((t->doc->root->flags & DOC_CONFLICT) && !t->allow_conflict_root) {
		fprintf(stderr, "%s:%u:%u: error: the whole file is in conflict\n", file,
			t->doc->root->line, t->doc->root->col);
		fprintf(stderr, "convene: hint: settle it first: convene resolve %s --side N (convene conflicts lists the sides)\n", file);
		txn_release(t);
		return EXIT_DATA;
	}
	if ((error = gather_ids(s, &t->ids, &err)) < 0) {
		txn_release(t);
		return report(NULL, &err);
	}
	schema_check(&t->before, file, t->doc, t->ids);
	store_head(s, t->head, sizeof(t->head));
	return 0;
}

int txn_refuse_conflict(struct txn *t, const struct doc_node *n, const char *what)
{
	for (; n; n = n->parent)
		if (n->flags & DOC_CONFLICT) {
			fprintf(stderr, "%s:%u:%u: error: %s is in an unresolved conflict\n", t->file,
				n->line, n->col, what);
			fprintf(stderr, "convene: hint: settle it first with 'convene resolve' ('convene conflicts' lists them)\n");
			return EXIT_DATA;
		}
	return 0;
}

int txn_begin(struct txn *t, struct store *s, const char *file)
{
	return begin(t, s, file, 0);
}

int txn_create(struct txn *t, struct store *s, const char *file)
{
	return begin(t, s, file, 1);
}

int txn_begin_resolve(struct txn *t, struct store *s, const char *file)
{
	return begin(t, s, file, 2);
}

/*
 * Commits the file as it now is in the work tree; if that does not happen,
 * puts back what was there (removes a new file), so the edit is not made
 * at all.  Returns the exit code.
 */
static int commit_or_undo(struct txn *t, const char *message)
{
	const char *paths[1] = { t->file };
	struct err err, undo;
	char oid[16];
	int error;

	err_clear(&err);
	err_clear(&undo);
	if ((error = commit_with_hooks(t->s, paths, 1, t->head, message, oid, 8, &err)) < 0) {
		if (t->created ? store_remove(t->s, t->file, &undo) < 0
			       : store_write(t->s, t->file, t->old, t->oldlen, &undo) < 0)
			report(t->file, &undo);
		return report(NULL, &err);
	}
	if (error > 0)
		warn("%s", err.msg);
	note("[%s] %s", oid, message);
	return EXIT_OK;
}

int txn_commit_removal(struct txn *t, const char *message)
{
	struct err err;
	int rc = EXIT_OK;

	err_clear(&err);
	if (file_changed(t, &err) || store_remove(t->s, t->file, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	rc = commit_or_undo(t, message);
done:
	txn_release(t);
	return rc;
}

void txn_release(struct txn *t)
{
	free(t->old);
	doc_free(t->doc);
	schema_ids_free(t->ids);
	diags_release(&t->before);
	if (t->s)
		store_unlock(t->s);
	memset(t, 0, sizeof(*t));
}

/*
 * Principles and subgroups are named from other files (outcomes, members):
 * an edit of initiative.yaml that takes one away must not leave those
 * references dangling.  The files that refer to them are checked with the
 * ids before and after; errors that only the new ids give refuse the edit.
 */
static int check_referrers(struct txn *t, const struct doc *after)
{
	struct schema_ids *ids = NULL;
	struct err err;
	char **files = NULL;
	size_t n = 0, i, added = 0;
	int rc = 0;

	err_clear(&err);
	if (gather_ids_with(t->s, &ids, after, &err) < 0 ||
	    store_list(t->s, &files, &n, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	for (i = 0; i < n; i++) {
		enum schema_kind k = schema_kind_of(files[i]);
		struct diags was = { 0 }, now = { 0 };
		struct doc *doc;

		if (k != KIND_MEMBER && k != KIND_OUTCOME)
			continue;
		if (load_file(t->s, files[i], &doc, NULL, &err) < 0)
			continue;  /* its own problem, not this edit's */
		schema_check(&was, files[i], doc, t->ids);
		schema_check(&now, files[i], doc, ids);
		added += new_errors(&was, &now);
		diags_release(&was);
		diags_release(&now);
		doc_free(doc);
	}
	if (added) {
		fprintf(stderr, "convene: error: the change would leave %zu reference%s dangling; nothing was changed\n",
			added, added == 1 ? "" : "s");
		fprintf(stderr, "convene: hint: change those files first, or keep the ids they name\n");
		rc = EXIT_DATA;
	}
done:
	store_list_free(files, n);
	schema_ids_free(ids);
	return rc;
}

/* Whether the file on disk is no longer what txn_begin() read. */
static int file_changed(struct txn *t, struct err *err)
{
	char *now = NULL, head[sizeof(t->head)];
	size_t len = 0;
	int changed;

	store_head(t->s, head, sizeof(head));
	if (strcmp(head, t->head)) {
		err_set(err, ERR_REFUSED, 0, 0,
			"the initiative changed while this edit was made (a commit landed)");
		err_hint(err, "nothing was changed; run the command again");
		return 1;
	}
	if (t->created) {
		if (store_read(t->s, t->file, &now, &len, err) == ERR_NOTFOUND) {
			err_clear(err);
			return 0;
		}
		free(now);
		err_set(err, ERR_REFUSED, 0, 0, "%s appeared while this edit was made", t->file);
		err_hint(err, "nothing was changed; run the command again");
		return 1;
	}
	if (store_read(t->s, t->file, &now, &len, err) < 0)
		return 1;
	changed = len != t->oldlen || memcmp(now, t->old, len);
	free(now);
	if (changed) {
		err_set(err, ERR_REFUSED, 0, 0, "%s changed on disk while this edit was made", t->file);
		err_hint(err, "nothing was changed; run the command again");
	}
	return changed;
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

int txn_commit(struct txn *t, const char *message_in)
{
	char message[4096];
	struct buf out = BUF_INIT;
	struct diags d = { 0 };
	struct doc *again = NULL;
	const char *paths[1] = { t->file };
	struct err err;
	int rc = EXIT_OK;

	/* callers format into fixed buffers: never split a Hebrew letter */
	snprintf(message, sizeof(message), "%s", message_in);
	text_cut(message);
	err_clear(&err);
	schema_normalize(t->doc, t->file);
	if (doc_emit(&out, t->doc) < 0) {
		err_set(&err, ERR_DATA, 0, 0, "the new value cannot be written as YAML text");
		err_hint(&err, "nothing was changed; check that it is UTF-8 text");
		rc = report(NULL, &err);
		goto done;
	}
	/* Check the bytes that will be written, with their own positions. */
	if (doc_load(&again, out.ptr ? out.ptr : "", out.len, &err) < 0) {
		err_set(&err, ERR_DATA, 0, 0, "the change would make %s unreadable: %s",
			t->file, err.msg);
		err_hint(&err, "nothing was changed");
		rc = report(NULL, &err);
		goto done;
	}
	schema_check(&d, t->file, again, t->ids);
	if (new_errors(&t->before, &d)) {
		fprintf(stderr, "convene: error: the change would make %s invalid; nothing was changed\n",
			t->file);
		rc = EXIT_DATA;
		goto done;
	}
	if (schema_kind_of(t->file) == KIND_INITIATIVE && (rc = check_referrers(t, again)) != 0)
		goto done;
	if (!t->created && out.len == t->oldlen && !memcmp(out.ptr, t->old, out.len)) {
		note("nothing to change: %s already holds that", t->file);
		goto done;
	}
	/* The lock keeps convene out, not a person with an editor or git:
	 * if the file changed under us, refuse rather than undo their work. */
	if (file_changed(t, &err) || store_write(t->s, t->file, out.ptr, out.len, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if (t->no_commit) {
		if (store_stage(t->s, paths, 1, &err) < 0) {
			rc = report(NULL, &err);
			goto done;
		}
		note("%s: %s (staged, not committed)", t->file, message);
		goto done;
	}
	rc = commit_or_undo(t, message);
done:
	diags_release(&d);
	doc_free(again);
	buf_release(&out);
	txn_release(t);
	return rc;
}
