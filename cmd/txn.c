/*
 * Edits of one file (txn.h).  The file on disk changes only after the new
 * tree has been validated; if the commit then fails, the old bytes are put
 * back, so an edit is either in history or not made at all.
 */
#include <stdlib.h>
#include <string.h>

#include "txn.h"

static unsigned count_errors(struct txn *t, const struct doc *doc, struct diags *d)
{
	schema_check(d, t->file, doc, t->ids);
	return d->errors;
}

int txn_begin(struct txn *t, struct store *s, const char *file)
{
	struct diags d = { 0 };
	struct err err;
	int error;

	memset(t, 0, sizeof(*t));
	t->s = s;
	t->file = file;
	err_clear(&err);
	if ((error = store_identity_check(s, &err)) < 0 ||
	    (error = store_lock(s, 3000, &err)) < 0)
		return report(NULL, &err);
	if ((error = store_read(s, file, &t->old, &t->oldlen, &err)) < 0) {
		txn_release(t);
		return report(NULL, &err);
	}
	if ((error = doc_load(&t->doc, t->old, t->oldlen, &err)) < 0) {
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
	if ((error = gather_ids(s, &t->ids, &err)) < 0) {
		txn_release(t);
		return report(NULL, &err);
	}
	t->errors_before = count_errors(t, t->doc, &d);
	diags_release(&d);
	return 0;
}

void txn_release(struct txn *t)
{
	free(t->old);
	doc_free(t->doc);
	schema_ids_free(t->ids);
	if (t->s)
		store_unlock(t->s);
	memset(t, 0, sizeof(*t));
}

int txn_commit(struct txn *t, const char *message)
{
	struct buf out = BUF_INIT;
	struct diags d = { 0 };
	struct doc *again = NULL;
	const char *paths[1] = { t->file };
	char oid[16];
	struct err err;
	size_t i;
	int rc = EXIT_OK, error;

	err_clear(&err);
	if (doc_emit(&out, t->doc) < 0) {
		err_set(&err, ERR_NOMEM, 0, 0, "out of memory");
		rc = report(NULL, &err);
		goto done;
	}
	/* Check the bytes that will be written, with their own positions. */
	if (doc_load(&again, out.ptr ? out.ptr : "", out.len, &err) < 0) {
		err_set(&err, ERR_INTERNAL, err.line, err.col,
			"the new %s does not load back: %s", t->file, err.msg);
		rc = report(NULL, &err);
		goto done;
	}
	if (count_errors(t, again, &d) > t->errors_before) {
		for (i = 0; i < d.n; i++)
			if (d.v[i].level == DIAG_ERROR)
				print_diag(stderr, &d.v[i]);
		fprintf(stderr, "convene: error: the change would make %s invalid; nothing was changed\n",
			t->file);
		rc = EXIT_DATA;
		goto done;
	}
	if (out.len == t->oldlen && !memcmp(out.ptr, t->old, out.len)) {
		note("nothing to change: %s already holds that", t->file);
		goto done;
	}
	if (store_write(t->s, t->file, out.ptr, out.len, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if ((error = store_commit(t->s, paths, 1, message, oid, 8, &err)) < 0) {
		struct err undo;

		err_clear(&undo);
		/* put the old bytes back: the edit is not made at all */
		if (store_write(t->s, t->file, t->old, t->oldlen, &undo) < 0)
			report(t->file, &undo);
		rc = report(NULL, &err);
		goto done;
	}
	if (error > 0)
		warn("%s", err.msg);
	note("[%s] %s", oid, message);
done:
	diags_release(&d);
	doc_free(again);
	buf_release(&out);
	txn_release(t);
	return rc;
}
