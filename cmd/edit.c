/*
 * Hand edits: edit PATH (in $EDITOR, reopened with the errors on top until
 * the file is valid or the user gives up), commit (hand edits, validated
 * first), log (readable history).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/handedit.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/sealedit.h"
#include "core/text.h"
#include "editor.h"
#include "i18n.h"
#include "secrets.h"
#include "txn.h"

const struct help help_edit = {
	"PATH",
	N_("Opens a file of the initiative (members/dana.yaml, meetings/002.yaml, ...)\n"
	   "in $VISUAL or $EDITOR.  On save it is checked; if it has errors the editor\n"
	   "opens again with them listed on top.  Save it unchanged, or quit the\n"
	   "editor with an error, to give up: then nothing changes.  A valid file is\n"
	   "written and committed at once.\n"),
	NULL, NULL,
	NULL
};

static const struct opt commit_opts[] = {
	{ 'm', "message", "MESSAGE", N_("the commit message (default: the files changed)"), 'm' },
	OPT_END
};

const struct help help_commit = {
	"[-m MESSAGE]",
	N_("Commits the files changed by hand, after checking the whole initiative:\n"
	   "any error refuses the commit, but an unresolved conflict (a merge\n"
	   "recorded it; 'convene resolve' settles it), as sync does.  Runs the\n"
	   "pre-commit and post-commit hooks.\n"),
	commit_opts, NULL,
	NULL
};

/*
 * A confidential interview is edited opened: its text in the editor's
 * 0600 temporary file (removed afterwards) and sealed again on save, each
 * unchanged value keeping its bytes (core/sealedit.h).  The opened text
 * of orig into text; *sealed the tree as it is (to keep from), *ids the
 * key.  Returns 0 (and 0 in *opened for a file that is not a confidential
 * interview), or the exit code with what went wrong said.
 */
static int open_for_edit(struct store *s, const char *file, const char *orig, size_t len,
			 struct buf *text, struct doc **sealed, struct age_identity **ids,
			 size_t *nids, int *opened)
{
	struct secret_failures f = { 0 };
	struct err why;
	int rc;

	*opened = 0;
	*sealed = NULL;
	if (!sealedit_is_confidential(file, orig, len))
		return 0;
	if ((rc = user_identity(s, ids, nids, &why)) != 0)
		return rc;
	rc = sealedit_open(text, sealed, file, orig, len, *ids, *nids, &f);
	if (rc == SEALEDIT_UNOPENED) {
		say_unopened(file, &f, &why);
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, _("%s was not opened: a confidential interview is edited by its readers\n"), file);
		secret_failures_release(&f);
		return EXIT_DATA;
	}
	secret_failures_release(&f);
	if (rc < 0)
		return out_of_memory();
	*opened = rc == SEALEDIT_OPENED;
	return 0;
}

int edit_file(struct store *s, const char *file)
{
	struct buf text = BUF_SECRET_INIT, shown = BUF_SECRET_INIT, start = BUF_SECRET_INIT;
	struct schema_ids *ids = NULL;
	struct diags before = { 0 };
	struct doc *doc = NULL, *sealed = NULL;
	struct age_identity *keys = NULL;
	struct err err;
	char *orig = NULL, msg[200];
	size_t len, i, nkeys = 0;
	int rc, opened = 0;

	err_clear(&err);
	if (store_read(s, file, &orig, &len, &err) < 0 || gather_ids(s, &ids, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	buf_add(&text, orig, len);
	if ((rc = open_for_edit(s, file, orig, len, &text, &sealed, &keys, &nkeys, &opened)) != 0)
		goto done;
	buf_add(&shown, buf_str(&text), text.len);
	buf_add(&start, buf_str(&text), text.len);
	{
		struct buf o = BUF_INIT;

		buf_add(&o, orig, len);
		handedit_check(&before, file, &o, ids, &doc);
		buf_release(&o);
	}
	for (;;) {
		struct diags d = { 0 };
		unsigned errors;

		/* the lock is not held while a person edits: the commit
		 * checks that the file did not change meanwhile */
		if (edit_text(&text, ".yaml", &err) < 0) {
			rc = report(NULL, &err);
			goto done;
		}
		if (text.len == shown.len && !memcmp(buf_str(&text), buf_str(&shown), text.len)) {
			note(_("%s: nothing changed"), file);
			rc = EXIT_OK;
			if (opened ? shown.len != start.len || memcmp(buf_str(&shown), buf_str(&start), start.len)
				   : shown.len != len || memcmp(buf_str(&shown), orig, len)) {
				note(_("gave up: %s is as it was"), file);
				rc = EXIT_DATA;
			}
			goto done;
		}
		handedit_strip_header(&text);
		doc_free(doc);
		handedit_check(&d, file, &text, ids, &doc);
		if (opened)
			sealedit_drop_unsealed(&d);
		/* a conflict a merge recorded, say, is not this edit's to fix */
		errors = diags_keep_new(&d, &before);
		if (!errors) {
			diags_release(&d);
			break;
		}
		/* on top, with line numbers as the user will see them */
		buf_reset(&shown);
		handedit_header(&shown, file, &d, errors, &text);
		buf_reset(&text);
		buf_add(&text, buf_str(&shown), shown.len);
		for (i = 0; i < d.n; i++)
			if (d.v[i].level == DIAG_ERROR)
				print_diag(stderr, &d.v[i]);
		diags_release(&d);
	}
	{
		struct txn t;

		if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
			goto done;
		/* the file must still be what the editor started from */
		if (t.oldlen != len || memcmp(t.old, orig, len)) {
			txn_release(&t);
			err_set(&err, ERR_REFUSED, 0, 0, "%s changed while you edited it", file);
			err_hint(&err, "your version was not saved; run 'convene edit %s' again", file);
			rc = report(NULL, &err);
			goto done;
		}
		doc_free(t.doc);
		t.doc = doc;
		doc = NULL;
		if (opened && (!t.doc->root || doc_bool(doc_get(t.doc->root, "confidential")) != 1)) {
			txn_release(&t);
			fprintf(stderr, "convene: error: ");
			fprintf(stderr, _("%s was not saved: it would write a confidential interview's text in plain, for every clone to read\n"),
				file);
			fprintf(stderr, "convene: hint: %s\n",
				_("keep confidential: true; the text stays sealed for the readers"));
			rc = EXIT_DATA;
			goto done;
		}
		if (opened) {
			err_clear(&err);
			if (secrets_seal(s, t.doc, file, sealed, keys, nkeys, 1, &err) < 0) {
				secret_wipe_doc(t.doc);
				txn_release(&t);
				rc = report(NULL, &err);
				goto done;
			}
		}
		snprintf(msg, sizeof(msg), "edit %s", file);
		rc = txn_commit(&t, msg);
	}
done:
	if (doc && opened)
		secret_wipe_doc(doc);
	doc_free(sealed);
	age_identities_free(keys, nkeys);
	diags_release(&before);
	doc_free(doc);
	schema_ids_free(ids);
	free(orig);
	buf_release(&text);
	buf_release(&shown);
	buf_release(&start);
	return rc;
}

int cmd_edit(int argc, char **argv, struct store *s)
{
	char dir[32], id[72];

	if (argc != 2)
		return usage_error(cmd_find("edit"), "%s", _("edit takes one file"));
	if (!layout_file(argv[1], dir, sizeof(dir), id, sizeof(id)))
		return usage_error(cmd_find("edit"), _("'%s' is not a file of the initiative"), argv[1]);
	return edit_file(s, argv[1]);
}

int commit_pending(struct store *s, const char *message, int allow_conflicts, size_t *count)
{
	struct diags d = { 0 };
	struct scan_stats st;
	struct buf msg = BUF_INIT;
	char **paths = NULL, head[48], oid[16];
	size_t n = 0, i;
	struct err err;
	int rc, error;

	*count = 0;
	err_clear(&err);
	store_head(s, head, sizeof(head));
	if (store_changed(s, &paths, &n, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if (!n) {
		rc = EXIT_OK;
		goto done;
	}
	if (scan_initiative(s, &d, &st, NULL, NULL, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if ((allow_conflicts ? diags_other_errors(&d) : d.errors) > 0) {
		for (i = 0; i < d.n; i++)
			print_diag(stderr, &d.v[i]);
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, ngettext("%u error; nothing was committed\n",
					 "%u errors; nothing was committed\n", d.errors), d.errors);
		fprintf(stderr, "convene: hint: %s\n",
			_("fix them (convene validate), then run the command again"));
		rc = EXIT_DATA;
		goto done;
	}
	if (message)
		buf_adds(&msg, message);
	else
		for (i = 0; i < n; i++)
			buf_addf(&msg, "%s%s", i ? ", " : "hand edits: ", paths[i]);
	if ((error = commit_with_hooks(s, (const char *const *)paths, n, head, buf_str(&msg), oid,
				       8, &err)) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if (error > 0)
		warn("%s", err.msg);
	note(ngettext("[%s] %s (%zu file)", "[%s] %s (%zu files)", n), oid, buf_str(&msg), n);
	*count = n;
	rc = EXIT_OK;
done:
	buf_release(&msg);
	diags_release(&d);
	store_list_free(paths, n);
	return rc;
}

int cmd_commit(int argc, char **argv, struct store *s)
{
	const char *message = NULL;
	struct err err;
	size_t n;
	int c, rc;

	optind = 0;
	while ((c = opt_next(commit_opts, argc, argv)) != -1) {
		if (c != 'm')
			return option_error(cmd_find("commit"), c, argv);
		if ((rc = once(cmd_find("commit"), &message, "-m", optarg)) != 0)
			return rc;
	}
	if (optind < argc)
		return usage_error(cmd_find("commit"), "%s", _("commit takes no arguments (it commits every changed file)"));
	err_clear(&err);
	if (store_identity_check(s, &err) < 0 || store_lock(s, 3000, &err) < 0)
		return report(NULL, &err);
	rc = commit_pending(s, message, 1, &n);
	if (rc == EXIT_OK && !n)
		note("%s", _("nothing to commit: the work tree is as HEAD has it"));
	return rc;
}
