/*
 * Edits of one file (edit.h).  The file on disk changes only after the new
 * tree has been validated; if the commit then fails, the old bytes are put
 * back, so an edit is either in history or not made at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/layout.h"
#include "core/text.h"
#include "edit.h"
#include "load.h"

void txn_err_init(struct txn_err *e)
{
	memset(e, 0, sizeof(*e));
}

void txn_err_release(struct txn_err *e)
{
	diags_release(&e->added);
	txn_err_init(e);
}

/* Moves the errors of from to the end of to and drops the rest (warnings
 * are not an edit's business); returns how many moved. */
static size_t take_errors(struct diags *to, struct diags *from)
{
	size_t i, moved = 0;

	for (i = 0; i < from->n; i++) {
		struct diag *d = &from->v[i];

		if (d->level == DIAG_ERROR && to->n == to->cap) {
			size_t cap = to->cap ? 2 * to->cap : 8;
			struct diag *v = realloc(to->v, cap * sizeof(*v));

			if (v) {
				to->v = v;
				to->cap = cap;
			} else {
				to->failed = 1;
			}
		}
		if (d->level == DIAG_ERROR && to->n < to->cap) {
			to->v[to->n++] = *d;
			to->errors++;
			moved++;
			continue;
		}
		if (d->level == DIAG_ERROR)
			moved++;  /* counted, though memory ran out to keep it */
		free(d->file);
		free(d->msg);
		free(d->where);
	}
	from->n = 0;
	return moved;
}

/* The errors of after that before does not have (diags_keep_new), moved
 * to added; returns how many. */
static size_t new_errors(const struct diags *before, struct diags *after, struct diags *added)
{
	diags_keep_new(after, before);
	return take_errors(added, after);
}

static int begin_file(struct txn *t, struct store *s, const char *file, enum txn_mode mode,
		      struct txn_err *e);

int edit_begin(struct txn *t, struct store *s, const char *file, enum txn_mode mode,
	       struct txn_err *e)
{
	int error;

	memset(t, 0, sizeof(*t));
	t->s = s;
	t->file = file;
	t->mode = mode;
	if ((error = store_identity_check(s, &e->err)) < 0 ||
	    (error = store_lock(s, 3000, &e->err)) < 0) {
		t->s = NULL;  /* no lock to give back */
		return error;
	}
	return begin_file(t, s, file, mode, e);
}

int edit_begin_also(struct txn *also, const struct txn *t, const char *file,
		    enum txn_mode mode, struct txn_err *e)
{
	memset(also, 0, sizeof(*also));
	also->s = t->s;
	also->file = file;
	also->mode = mode;
	also->borrowed = 1;  /* t's lock: released with t */
	also->commit = t->commit;
	return begin_file(also, t->s, file, mode, e);
}

static int begin_file(struct txn *t, struct store *s, const char *file, enum txn_mode mode,
		      struct txn_err *e)
{
	const struct doc_node *root;
	int error;

	error = store_read(s, file, &t->old, &t->oldlen, &e->err);
	if (mode == TXN_CREATE && error == 0) {
		txn_release(t);
		err_set(&e->err, ERR_USAGE, 0, 0, "%s already exists", file);
		err_hint(&e->err, "choose another id with --id");
		return ERR_USAGE;
	}
	if (mode == TXN_CREATE && error == ERR_NOTFOUND) {
		err_clear(&e->err);
		if (!(t->doc = doc_new()) || !(t->doc->root = doc_map(t->doc))) {
			txn_release(t);
			return err_set(&e->err, ERR_NOMEM, 0, 0, "out of memory");
		}
	} else if (error < 0) {
		txn_release(t);
		return error;
	} else if ((error = doc_load(&t->doc, t->old, t->oldlen, &e->err)) < 0) {
		txn_release(t);
		e->file = file;
		e->unreadable = 1;
		return error;
	}
	root = t->doc->root;
	/* what refuses the edit is at a place in this file */
	e->file = file;
	if (t->doc->comments) {
		error = err_set(&e->err, ERR_DATA, t->doc->comment_line, t->doc->comment_col,
				"the file holds comments, which this edit would drop");
		err_hint(&e->err, "move them into a field such as notes, or remove them");
	} else if (!root) {
		error = err_set(&e->err, ERR_DATA, 1, 1,
				"the file is empty; fix it first (convene edit %s)", file);
	} else if (root->kind != DOC_MAP) {
		error = err_set(&e->err, ERR_DATA, 1, 1,
				"the file does not hold a mapping of fields; fix it first (convene edit %s)",
				file);
	} else if ((root->flags & DOC_CONFLICT) && mode != TXN_RESOLVE) {
		error = err_set(&e->err, ERR_DATA, root->line, root->col, "the whole file is in conflict");
		err_hint(&e->err, "settle it first: convene resolve %s --side N (convene conflicts lists the sides)",
			 file);
	} else {
		e->file = NULL;
		error = gather_ids(s, &t->ids, &e->err);
	}
	if (error < 0) {
		txn_release(t);
		return error;
	}
	schema_check(&t->before, file, t->doc, t->ids);
	store_head(s, t->head, sizeof(t->head));
	return 0;
}

int edit_refuse_conflict(const struct txn *t, const struct doc_node *n, const char *what,
			 struct txn_err *e)
{
	for (; n; n = n->parent)
		if (n->flags & DOC_CONFLICT) {
			e->file = t->file;
			err_set(&e->err, ERR_DATA, n->line, n->col, "%s is in an unresolved conflict", what);
			err_hint(&e->err, "settle it first with 'convene resolve' ('convene conflicts' lists them)");
			return ERR_DATA;
		}
	return 0;
}

void txn_release(struct txn *t)
{
	free(t->old);
	doc_free(t->doc);
	schema_ids_free(t->ids);
	diags_release(&t->before);
	if (t->s && !t->borrowed)
		store_unlock(t->s);
	memset(t, 0, sizeof(*t));
}

/*
 * Principles and subgroups are named from other files (outcomes, members):
 * an edit of initiative.yaml that takes one away must not leave those
 * references dangling.  The files that refer to them are checked with the
 * ids before and after; errors that only the new ids give refuse the edit.
 */
static int check_referrers(struct txn *t, const struct doc *after, struct txn_err *e)
{
	struct schema_ids *ids = NULL;
	struct err err;
	char **files = NULL;
	size_t n = 0, i, added = 0;
	int error = 0;

	if ((error = gather_ids_with(t->s, &ids, after, &e->err)) < 0 ||
	    (error = store_list(t->s, &files, &n, &e->err)) < 0)
		goto done;
	err_clear(&err);
	for (i = 0; i < n; i++) {
		enum schema_kind k = layout_kind(files[i]);
		struct diags was = { 0 }, now = { 0 };
		struct doc *doc;

		if (k != KIND_MEMBER && k != KIND_OUTCOME)
			continue;
		if (load_file(t->s, files[i], &doc, NULL, &err) < 0)
			continue;  /* its own problem, not this edit's */
		schema_check(&was, files[i], doc, t->ids);
		schema_check(&now, files[i], doc, ids);
		added += new_errors(&was, &now, &e->added);
		diags_release(&was);
		diags_release(&now);
		doc_free(doc);
	}
	if (added) {
		if (added == 1)
			error = err_set(&e->err, ERR_DATA, 0, 0,
					"the change would leave %zu reference dangling; nothing was changed",
					added);
		else
			error = err_set(&e->err, ERR_DATA, 0, 0,
					"the change would leave %zu references dangling; nothing was changed",
					added);
		err_hint(&e->err, "change those files first, or keep the ids they name");
	}
done:
	store_list_free(files, n);
	schema_ids_free(ids);
	return error;
}

/* Whether the file on disk is no longer what edit_begin() read. */
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
	if (t->mode == TXN_CREATE) {
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

/* The error that file_changed() or a store call left in err. */
static int failed(const struct err *err)
{
	return err->code < 0 ? err->code : ERR_INTERNAL;
}

static int plain_commit(struct store *s, const char *const *paths, size_t n, const char *head,
			const char *message, char *oid, size_t oid_size, struct err *err)
{
	return store_commit(s, paths, n, message, head, oid, oid_size, err);
}

/*
 * Commits the file as it now is in the work tree; if that does not happen,
 * puts back what was there (removes a new file), so the edit is not made
 * at all.
 */
static int commit_or_undo(struct txn *t, struct txn_done *out, struct txn_err *e)
{
	const char *paths[1] = { t->file };
	int error;

	error = (t->commit ? t->commit : plain_commit)(t->s, paths, 1, t->head, out->message,
							out->oid, 8, &e->err);
	if (error < 0) {
		/* e->undo says so if this fails too */
		if ((t->mode == TXN_CREATE ? store_remove(t->s, t->file, &e->undo)
					   : store_write(t->s, t->file, t->old, t->oldlen, &e->undo)) == 0)
			err_clear(&e->undo);
		return error;
	}
	if (error > 0)
		out->warning = e->err;
	out->outcome = TXN_COMMITTED;
	return 0;
}

int edit_commit_removal(struct txn *t, const char *message, struct txn_done *out,
			struct txn_err *e)
{
	int error;

	memset(out, 0, sizeof(*out));
	snprintf(out->message, sizeof(out->message), "%s", message);
	if (file_changed(t, &e->err) || store_remove(t->s, t->file, &e->err) < 0)
		error = failed(&e->err);
	else
		error = commit_or_undo(t, out, e);
	txn_release(t);
	return error;
}

int edit_commit(struct txn *t, const char *message, struct txn_done *out, struct txn_err *e)
{
	struct buf text = BUF_INIT;
	struct diags d = { 0 };
	struct doc *again = NULL;
	const char *paths[1] = { t->file };
	int error = 0;

	memset(out, 0, sizeof(*out));
	/* callers format into fixed buffers: never split a Hebrew letter */
	snprintf(out->message, sizeof(out->message), "%s", message);
	text_cut(out->message);
	schema_normalize(t->doc, t->file);
	if (doc_emit(&text, t->doc) < 0) {
		error = err_set(&e->err, ERR_DATA, 0, 0, "the new value cannot be written as YAML text");
		err_hint(&e->err, "nothing was changed; check that it is UTF-8 text");
		goto done;
	}
	/* Check the bytes that will be written, with their own positions. */
	if (doc_load(&again, text.ptr ? text.ptr : "", text.len, &e->err) < 0) {
		error = err_set(&e->err, ERR_DATA, 0, 0, "the change would make %s unreadable: %s",
				t->file, e->err.msg);
		err_hint(&e->err, "nothing was changed");
		goto done;
	}
	schema_check(&d, t->file, again, t->ids);
	if (new_errors(&t->before, &d, &e->added)) {
		error = err_set(&e->err, ERR_DATA, 0, 0,
				"the change would make %s invalid; nothing was changed", t->file);
		goto done;
	}
	if (layout_kind(t->file) == KIND_INITIATIVE &&
	    (error = check_referrers(t, again, e)) < 0)
		goto done;
	if (t->mode != TXN_CREATE && text.len == t->oldlen && !memcmp(text.ptr, t->old, text.len)) {
		out->outcome = TXN_UNCHANGED;
		goto done;
	}
	/* The lock keeps convene out, not a person with an editor or git:
	 * if the file changed under us, refuse rather than undo their work. */
	if (file_changed(t, &e->err) || store_write(t->s, t->file, text.ptr, text.len, &e->err) < 0) {
		error = failed(&e->err);
		goto done;
	}
	if (t->no_commit) {
		if ((error = store_stage(t->s, paths, 1, &e->err)) < 0)
			goto done;
		out->outcome = TXN_STAGED;
		goto done;
	}
	error = commit_or_undo(t, out, e);
done:
	diags_release(&d);
	doc_free(again);
	buf_release(&text);
	txn_release(t);
	return error;
}

/*
 * What edit_commit() checks before it writes, for one of the files of a
 * two-file edit: the bytes to write into text, validated as edit_commit()
 * validates them; 1 when they are the bytes the file holds.
 */
static int prepare(struct txn *t, struct buf *text, struct txn_err *e)
{
	struct diags d = { 0 };
	struct doc *again = NULL;
	int error = 0;

	schema_normalize(t->doc, t->file);
	if (doc_emit(text, t->doc) < 0) {
		error = err_set(&e->err, ERR_DATA, 0, 0, "the new value cannot be written as YAML text");
		err_hint(&e->err, "nothing was changed; check that it is UTF-8 text");
	} else if (doc_load(&again, text->ptr ? text->ptr : "", text->len, &e->err) < 0) {
		error = err_set(&e->err, ERR_DATA, 0, 0, "the change would make %s unreadable: %s",
				t->file, e->err.msg);
		err_hint(&e->err, "nothing was changed");
	} else {
		schema_check(&d, t->file, again, t->ids);
		if (new_errors(&t->before, &d, &e->added))
			error = err_set(&e->err, ERR_DATA, 0, 0,
					"the change would make %s invalid; nothing was changed", t->file);
		else if (layout_kind(t->file) == KIND_INITIATIVE)
			error = check_referrers(t, again, e);
	}
	diags_release(&d);
	doc_free(again);
	if (error < 0)
		return error;
	return t->mode != TXN_CREATE && text->len == t->oldlen && !memcmp(text->ptr, t->old, text->len);
}

/* Puts back what t's file held before the edit (removes a new one). */
static void undo(struct txn *t, struct txn_err *e)
{
	if ((t->mode == TXN_CREATE ? store_remove(t->s, t->file, &e->undo)
				   : store_write(t->s, t->file, t->old, t->oldlen, &e->undo)) == 0)
		err_clear(&e->undo);
}

int edit_commit_both(struct txn *t, struct txn *also, const char *message,
		     struct txn_done *out, struct txn_err *e)
{
	struct buf text[2] = { BUF_INIT, BUF_INIT };
	struct txn *v[2] = { t, also };
	const char *paths[2] = { t->file, also->file };
	int error = 0, same[2], i, written = 0;

	memset(out, 0, sizeof(*out));
	snprintf(out->message, sizeof(out->message), "%s", message);
	text_cut(out->message);
	for (i = 0; i < 2; i++)
		if ((same[i] = prepare(v[i], &text[i], e)) < 0) {
			error = same[i];
			goto done;
		}
	if (same[0] && same[1]) {
		out->outcome = TXN_UNCHANGED;
		goto done;
	}
	for (i = 0; i < 2; i++)
		if (file_changed(v[i], &e->err)) {
			error = failed(&e->err);
			goto done;
		}
	for (i = 0; i < 2; i++, written++)
		if (store_write(v[i]->s, v[i]->file, text[i].ptr, text[i].len, &e->err) < 0) {
			error = failed(&e->err);
			goto undo;
		}
	if (t->no_commit) {
		if ((error = store_stage(t->s, paths, 2, &e->err)) < 0)
			goto undo;
		out->outcome = TXN_STAGED;
		goto done;
	}
	error = (t->commit ? t->commit : plain_commit)(t->s, paths, 2, t->head, out->message,
						       out->oid, 8, &e->err);
	if (error < 0)
		goto undo;
	if (error > 0)
		out->warning = e->err;
	error = 0;
	out->outcome = TXN_COMMITTED;
	goto done;
undo:
	/* neither file keeps half of the edit; e->undo says if that failed */
	while (written-- > 0)
		undo(v[written], e);
done:
	buf_release(&text[0]);
	buf_release(&text[1]);
	txn_release(also);
	txn_release(t);
	return error;
}
