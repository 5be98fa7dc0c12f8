/*
 * The initiative's fields: get and set by field path.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/path.h"
#include "core/text.h"
#include "editor.h"
#include "i18n.h"
#include "secrets.h"
#include "txn.h"

const struct help help_get = {
	"[--json] FIELD",
	N_("Prints the value at a field path: 'vision', 'meetings/002.yaml:agenda[principles].notes'.\n"),
	opts_json, NULL,
	NULL
};

static const struct opt set_opts[] = {
	{ 'y', "yaml", NULL, N_("read VALUE as YAML (a list or a mapping)"), 0 },
	{ 'e', "edit", NULL, N_("edit the current value in your editor"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	{ 'f', "force", NULL, N_("set a field the schema does not know (kept; validate\n"
	     "warns about it)"), 0 },
	OPT_END
};

const struct help help_set = {
	"[--yaml] [--no-commit] [--force] FIELD VALUE\n"
	"[--yaml] FIELD -\n"
	"--edit FIELD",
	N_("Sets a field, validates the file, writes it atomically and commits at once\n"
	   "(running the pre-commit and post-commit hooks).  A field the schema does\n"
	   "not know is refused (exit 2), with the nearest one it knows.  VALUE '-'\n"
	   "reads the value from standard input; --edit opens it in $VISUAL or $EDITOR.\n"),
	set_opts, NULL,
	NULL
};

void put_value(struct buf *b, const struct doc_node *node, int json)
{
	if (json) {
		json_node(b, node);
		buf_addc(b, '\n');
	} else if (node && node->kind == DOC_SCALAR) {
		if (!doc_is_null(node)) {
			buf_add(b, node->str, node->len);
			if (!node->len || node->str[node->len - 1] != '\n')
				buf_addc(b, '\n');
		}
	} else {
		doc_emit_node(b, node);
	}
}

int cmd_get(int argc, char **argv, struct store *s)
{
	struct doc_node *node;
	struct buf b = BUF_INIT;
	struct doc *doc = NULL;
	struct path p;
	struct err err;
	int json, rc;

	if ((rc = read_options(argc, argv, "get", 1, &json)) != 0)
		return rc;
	err_clear(&err);
	if (path_parse(&p, argv[optind], &err) < 0)
		return report(NULL, &err);
	if (load_file(s, p.file, &doc, NULL, &err) < 0)
		return report(err.line ? p.file : NULL, &err);
	if (path_resolve(&node, doc->root, &p, p.n, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	put_value(&b, node, json);
	rc = put_out(&b);
done:
	buf_release(&b);
	doc_free(doc);
	return rc;
}

/* 0 when the schema knows the field of p (keys, its keys); else the
 * exit code of the usage error, printed with the nearest known name. */
static int known_field(const struct path *p, const char *const *keys)
{
	struct schema_unknown u;
	char path[2600];

	if (schema_field_known(&u, layout_kind(p->file), keys, p->n))
		return 0;
	path_format(path, sizeof(path), p);
	if (!u.what) {
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, _("'%s' holds a value, not fields: the schema has no '%s'\n"),
			keys[u.at - 1], path);
	} else if (u.closest[0]) {
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, _("%s has no field '%s'; did you mean '%s'?\n"), u.what,
			keys[u.at], u.closest);
	} else {
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, _("%s has no field '%s'\n"), u.what, keys[u.at]);
		fprintf(stderr, "convene: hint: ");
		fprintf(stderr, _("its fields are: %s\n"), u.known);
	}
	fprintf(stderr, "convene: hint: ");
	fprintf(stderr, _("to keep a key this version does not know, set --force %s ...\n"),
		path);
	return EXIT_USAGE;
}

/* The text of a sealed value into v (made secret), for set --edit; only a
 * reader can.  Returns 0 or the exit code, said. */
static int open_sealed_for_edit(struct store *s, struct txn *t, const char *pathtext,
				const struct doc_node *old, struct buf *v)
{
	struct age_identity *ids = NULL;
	const char *place = strchr(pathtext, ':') ? strchr(pathtext, ':') + 1 : pathtext;
	struct err why;
	size_t nids = 0;
	int rc, status;

	v->secret = 1;
	if ((rc = user_identity(s, &ids, &nids, &why)) != 0)
		return rc;
	status = secret_open_value(v, t->file, place, old, ids, nids, NULL, 0);
	age_identities_free(ids, nids);
	if (!status)
		return 0;
	fprintf(stderr, "%s:%u:%u: error: %s: %s\n", t->file, old->line, old->col, place,
		secret_strerror(status));
	fprintf(stderr, "convene: hint: %s%s%s\n", _("only a reader can edit a confidential value"),
		status == SECRET_NO_KEY && why.msg[0] ? "; " : "", status == SECRET_NO_KEY ? why.msg : "");
	return EXIT_DATA;
}

int cmd_set(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("set");
	const char *keys[PATH_MAX_SEGS];
	struct doc_node *parent, *old, *value;
	struct buf v = BUF_SECRET_INIT;  /* it may be a confidential answer */
	char pathtext[2600], msg[2700];
	struct txn t;
	struct path p;
	struct err err;
	int yaml = 0, edit = 0, no_commit = 0, force = 0, c, rc, was_plain;
	size_t i;

	optind = 0;
	while ((c = opt_next(set_opts, argc, argv)) != -1) {
		if (c == 'y')
			yaml = 1;
		else if (c == 'e')
			edit = 1;
		else if (c == 'n')
			no_commit = 1;
		else if (c == 'f')
			force = 1;
		else
			return option_error(me, c, argv);
	}
	if (argc - optind != (edit ? 1 : 2))
		return usage_error(me, "%s", edit ? _("set --edit takes one field path")
					     : _("set takes a field path and a value"));
	err_clear(&err);
	if (path_parse(&p, argv[optind], &err) < 0)
		return report(NULL, &err);
	if (!p.n)
		return usage_error(me, _("name a field inside %s, like %s:title"), p.file, p.file);
	for (i = 0; i < p.n; i++)
		keys[i] = p.seg[i].key;
	if (!force && (rc = known_field(&p, keys)) != 0)
		return rc;
	if (!edit && !strcmp(argv[optind + 1], "-")) {
		if (read_stdin(&v, DOC_MAX_BYTES, &err) < 0) {
			buf_release(&v);
			return report(NULL, &err);
		}
	} else if (!edit) {
		buf_adds(&v, argv[optind + 1]);
	}
	if ((rc = txn_begin(&t, s, p.file, TXN_EDIT)) != 0) {
		buf_release(&v);
		return rc;
	}
	t.no_commit = no_commit;
	path_format(pathtext, sizeof(pathtext), &p);
	if (dom_make_parents(t.doc, &p, &err) < 0 ||
	    path_resolve(&parent, t.doc->root, &p, p.n - 1, &err) < 0)
		goto fail;
	if ((rc = txn_refuse_conflict(&t, parent, pathtext)) != 0) {
		buf_release(&v);
		txn_release(&t);
		return rc;
	}
	if (!parent || parent->kind != DOC_MAP) {
		err_set(&err, ERR_NOTFOUND, 0, 0, "cannot set '%s': its parent is not a mapping",
			pathtext);
		goto fail;
	}
	old = doc_get(parent, p.seg[p.n - 1].key);
	if (p.seg[p.n - 1].id[0]) {
		err_set(&err, ERR_USAGE, 0, 0, "%s", _("set changes fields, not whole list items"));
		err_hint(&err, "name a field of the item, like %s.text", pathtext);
		goto fail;
	}
	if (edit && old && old->kind == DOC_SCALAR && (old->flags & DOC_SECRET)) {
		/* a sealed value is edited opened, by a reader, and sealed again */
		if ((rc = open_sealed_for_edit(s, &t, pathtext, old, &v)) != 0) {
			buf_release(&v);
			txn_release(&t);
			return rc;
		}
		old = NULL;
	}
	if (edit) {
		/* a list or a mapping is edited as YAML and read back as YAML */
		if (old && old->kind != DOC_SCALAR)
			yaml = 1;
		if (old && old->kind == DOC_SCALAR && !doc_is_null(old) && !yaml)
			buf_add(&v, old->str, old->len);
		else if (old && !doc_is_null(old))
			doc_emit_node(&v, old);
		if (v.len && v.ptr[v.len - 1] != '\n')
			buf_addc(&v, '\n');  /* editors expect a final newline */
		if (edit_text(&v, yaml ? ".yaml" : ".txt", &err) < 0)
			goto fail;
	}
	if (!yaml)
		text_lines(&v);  /* the one form of typed text (README) */
	if (!(value = dom_value(t.doc, &p, &v, yaml, &err)))
		goto fail;
	/* a value of the wrong form is the command line's mistake, said as
	 * such rather than at a line of a file never written */
	err_clear(&err);
	if (schema_check_node(layout_kind(p.file), keys, p.n, value, pathtext, t.ids, &err) < 0)
		goto fail;
	if (dom_put(t.doc, layout_kind(p.file), keys, p.n - 1, parent, p.seg[p.n - 1].key,
		    value) < 0) {
		err_set(&err, ERR_NOMEM, 0, 0, "%s", _("out of memory"));
		goto fail;
	}
	buf_release(&v);
	/* a confidential interview's values are sealed before they are written */
	if ((rc = seal_edit(s, &t, &was_plain)) != 0)
		return rc;
	snprintf(msg, sizeof(msg), "set %s", pathtext);
	if ((rc = txn_commit(&t, msg)) == EXIT_OK && was_plain)
		say_history_keeps(p.file);
	return rc;
fail:
	buf_release(&v);
	txn_release(&t);
	return report(NULL, &err);
}
