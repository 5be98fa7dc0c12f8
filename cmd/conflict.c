/*
 * Conflicts left by merges: conflicts lists them, resolve settles one and
 * commits.  A conflict stays visible, with every side, until the group
 * decides (DESIGN §4).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/conflict.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/mergefile.h"
#include "core/path.h"
#include "core/text.h"
#include "i18n.h"
#include "secrets.h"
#include "store/resolve.h"
#include "txn.h"

const struct help help_conflicts = {
	"[--json]",
	N_("Every unresolved conflict in the initiative: where it is (file:line and\n"
	   "the field path to give to resolve) and its sides, numbered.\n"),
	opts_json, NULL,
	NULL
};

static const struct opt resolve_opts[] = {
	{ 's', "side", "N", N_("take side N's value (as 'convene conflicts' numbers them)"), 0 },
	{ 'b', "base", NULL, N_("take the value both sides started from"), 0 },
	{ 'v', "value", "VALUE", N_("set a new value"), 0 },
	{ 'y', "yaml", NULL, N_("read VALUE as YAML (a list or a mapping)"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

const struct help help_resolve = {
	"FIELD --side N | --base | --value VALUE [--yaml] [--no-commit]",
	N_("Settles the conflict at FIELD (as 'convene conflicts' names it): with side\n"
	   "N's value, the base's, or a new value.  A side without a value deleted\n"
	   "it: taking that side deletes the field.  Validated, written and committed\n"
	   "at once.\n"),
	resolve_opts, NULL,
	NULL
};

struct listing {
	struct buf out;
	struct json_w w;
	int json;
	size_t n;
	const char *file;
	/* a confidential value's sides are shown opened to a reader */
	struct age_identity *ids;
	size_t nids;
	char who[300];
};

/* A preview of one value of a conflict, a sealed one opened for a reader
 * and "confidential — readable by ..." for anyone else. */
static void preview_side(struct listing *l, const char *path, const struct doc_node *v)
{
	struct buf plain = BUF_SECRET_INIT;
	struct doc_node shown;

	if (!v || v->kind != DOC_SCALAR || !(v->flags & DOC_SECRET)) {
		dom_preview(&l->out, v);
		return;
	}
	if (conflict_open(&plain, l->file, path, v, l->ids, l->nids, NULL)) {
		memset(&shown, 0, sizeof(shown));
		shown.kind = DOC_SCALAR;
		shown.str = plain.ptr ? plain.ptr : (char *)"";
		shown.len = plain.len;
		dom_preview(&l->out, &shown);
		/* TRANSLATORS: after a confidential value shown to a reader */
		buf_addf(&l->out, " %s", _("(confidential)"));
	} else {
		buf_addf(&l->out, _("confidential — readable by %s"), l->who[0] ? l->who : _("no one yet"));
	}
	buf_release(&plain);
}

/* The same in JSON: "value" opened and "confidential": true for a
 * reader, "confidential": "readable by ..." and no value for others. */
static void json_side(struct listing *l, const char *key, const char *path, const struct doc_node *v)
{
	struct buf plain = BUF_SECRET_INIT;
	char text[340];

	if (!v || v->kind != DOC_SCALAR || !(v->flags & DOC_SECRET)) {
		jw_node(&l->w, key, v);
		return;
	}
	if (conflict_open(&plain, l->file, path, v, l->ids, l->nids, NULL)) {
		jw_strn(&l->w, key, buf_str(&plain), plain.len);
		jw_bool(&l->w, "confidential", 1);
	} else {
		snprintf(text, sizeof(text), "readable by %s", l->who[0] ? l->who : "no one yet");
		jw_str(&l->w, "confidential", text);
	}
	buf_release(&plain);
}

static void list_one(void *ctx, const char *path, const struct doc_node *c)
{
	struct listing *l = ctx;
	const struct doc_node *sides = doc_get(c, "sides"), *s;
	char full[1200];
	size_t k = 0;

	if (!strcmp(l->file, LAYOUT_INITIATIVE) && path[0])
		snprintf(full, sizeof(full), "%s", path);
	else
		snprintf(full, sizeof(full), "%s%s%s", l->file, path[0] ? ":" : "", path);
	if (l->json) {
		jw_object(&l->w, NULL);
		jw_str(&l->w, "file", l->file);
		jw_uint(&l->w, "line", c->line);
		jw_uint(&l->w, "col", c->col);
		jw_str(&l->w, "field", full);
		json_side(l, "base", path, doc_get(c, "base"));
		jw_array(&l->w, "sides");
		for (s = sides && sides->kind == DOC_SEQ ? sides->head : NULL; s; s = s->next) {
			jw_object(&l->w, NULL);
			jw_uint(&l->w, "side", ++k);
			jw_node(&l->w, "from", doc_get(s, "from"));
			if (doc_get(s, "value")) {
				json_side(l, "value", path, doc_get(s, "value"));
			} else {
				jw_null(&l->w, "value");
				jw_bool(&l->w, "deleted", 1);
			}
			jw_end(&l->w);
		}
		jw_end(&l->w);
		jw_end(&l->w);
	} else {
		buf_addf(&l->out, "%s:%u:%u: %s\n", l->file, c->line, c->col, full);
		/* TRANSLATORS: as wide as "  side %zu:   " with one digit */
		buf_adds(&l->out, _("  base:     "));
		preview_side(l, path, doc_get(c, "base"));
		buf_addc(&l->out, '\n');
		for (s = sides && sides->kind == DOC_SEQ ? sides->head : NULL; s; s = s->next) {
			const struct doc_node *from = doc_get(s, "from");

			buf_addf(&l->out, _("  side %zu:   "), ++k);
			preview_side(l, path, doc_get(s, "value"));
			buf_addf(&l->out, "   (%s)\n", from && from->kind == DOC_SCALAR ? from->str : "?");
		}
	}
	l->n++;
}

static void conflicts_visit(void *ctx, const char *file, const struct doc *doc)
{
	struct listing *l = ctx;

	l->file = file;
	dom_conflicts(doc->root, list_one, l);
}

/* Files outside the YAML data with both versions between git's markers:
 * settled by hand, not by resolve. */
static int list_marked(struct listing *l, struct store *s)
{
	unsigned *lines;
	char **files;
	size_t n, i;
	struct err err;

	err_clear(&err);
	if (store_marked(s, &files, &lines, &n, &err) < 0)
		return report(NULL, &err);
	for (i = 0; i < n; i++, l->n++) {
		if (l->json) {
			jw_object(&l->w, NULL);
			jw_str(&l->w, "file", files[i]);
			jw_uint(&l->w, "line", lines[i]);
			jw_uint(&l->w, "col", 1);
			jw_str(&l->w, "field", files[i]);
			jw_bool(&l->w, "markers", 1);
			jw_end(&l->w);
		} else {
			/* the first line as for every conflict: scripts read it */
			buf_addf(&l->out, "%s:%u:1: %s\n", files[i], lines[i], files[i]);
			buf_adds(&l->out, _("  both versions are in the file, between git's conflict markers: "
					     "keep what you want, delete the marker lines, then 'convene commit'\n"));
		}
	}
	store_list_free(files, n);
	free(lines);
	return 0;
}

int cmd_conflicts(int argc, char **argv, struct store *s)
{
	struct listing l = { BUF_INIT };
	int rc;

	struct err why;

	if ((rc = read_options(argc, argv, "conflicts", 0, &l.json)) != 0)
		return rc;
	l.out.secret = 1;  /* a reader's listing holds plaintext */
	if ((rc = user_identity(s, &l.ids, &l.nids, &why)) != 0)
		return rc;
	readers_of(s, l.who, sizeof(l.who));
	jw_init(&l.w, &l.out);
	if (l.json)
		jw_lines(&l.w, NULL);
	if ((rc = visit_initiative(s, conflicts_visit, &l, NULL)) == 0 &&
	    (rc = list_marked(&l, s)) == 0) {
		if (l.json) {
			jw_end(&l.w);
			buf_addc(&l.out, '\n');
		} else if (l.n)
			buf_addf(&l.out, ngettext("%zu conflict; settle each with: convene resolve FIELD --side N\n",
						  "%zu conflicts; settle each with: convene resolve FIELD --side N\n",
						  l.n), l.n);
		else
			note("%s", _("no conflicts"));
		rc = put_out(&l.out);
	}
	buf_release(&l.out);
	age_identities_free(l.ids, l.nids);
	return rc;
}

/*
 * A sealed side (or base) of a confidential value, opened with the user's
 * key: only a reader can settle a confidential conflict.  *chosen becomes
 * the value to write (store/resolve.h).
 */
static int open_chosen(struct store *s, struct txn *t, const struct path *p,
		       const char *pathtext, const char *from, struct doc_node **chosen)
{
	struct age_identity *ids = NULL;
	const char *path = strchr(pathtext, ':') ? strchr(pathtext, ':') + 1 : pathtext;
	struct err why;
	size_t nids = 0;
	int rc, status;

	if ((rc = user_identity(s, &ids, &nids, &why)) != 0)
		return rc;
	status = resolve_sealed(chosen, s, t->doc, p, path, *chosen, from, ids, nids);
	age_identities_free(ids, nids);
	if (status == ERR_NOMEM)
		return out_of_memory();
	if (status) {
		fprintf(stderr, "%s:%u:%u: error: %s: %s\n", t->file, (*chosen)->line, (*chosen)->col,
			path, secret_strerror(status));
		fprintf(stderr, "convene: hint: %s%s%s\n",
			_("only a reader can settle a confidential conflict (convene readers list)"),
			status == SECRET_NO_KEY && why.msg[0] ? "; " : "",
			status == SECRET_NO_KEY ? why.msg : "");
		return EXIT_DATA;
	}
	return 0;
}

int cmd_resolve(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("resolve");
	const char *value = NULL, *from = NULL;
	struct doc_node *c, *chosen = NULL, *parent;
	struct conflict_pick pick;
	struct doc *parsed = NULL;
	char pathtext[2600], msg[3000], how[300], *end;
	struct path p;
	struct txn t;
	struct err err;
	int c2, base = 0, yaml = 0, no_commit = 0, rc, choices = 0, deleted = 0;
	long n = 0;
	size_t bad;

	optind = 0;
	while ((c2 = opt_next(resolve_opts, argc, argv)) != -1) {
		switch (c2) {
		case 's':
			n = strtol(optarg, &end, 10);
			if (end == optarg || *end || n < 1)
				return usage_error(me, "%s", _("--side takes a side's number: 1, 2..."));
			choices++;
			break;
		case 'b': base = 1; choices++; break;
		case 'v': value = optarg; choices++; break;
		case 'y': yaml = 1; break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, c2, argv);
		}
	}
	if (argc - optind != 1 || choices != 1)
		return usage_error(me, "%s", _("resolve takes a field and one of --side N, --base, --value V"));
	if (value && text_check(value, strlen(value), &bad))
		return usage_error(me, "%s", _("the value must be UTF-8 text"));
	err_clear(&err);
	if (path_parse(&p, argv[optind], &err) < 0)
		return report(NULL, &err);
	if ((rc = txn_begin(&t, s, p.file, TXN_RESOLVE)) != 0)
		return rc;
	t.no_commit = no_commit;
	if (layout_kind(p.file) == KIND_INTERVIEW)
		t.doc->secret = 1;  /* a side opened or a value given: wiped when freed */
	path_format(pathtext, sizeof(pathtext), &p);
	if (path_resolve(&c, t.doc->root, &p, p.n, &err) < 0)
		goto fail;
	if (!c || !(c->flags & DOC_CONFLICT)) {
		err_set(&err, ERR_NOTFOUND, 0, 0, "there is no conflict at '%s'", pathtext);
		err_hint(&err, "%s", _("'convene conflicts' lists them"));
		goto fail;
	}
	if (base) {
		conflict_pick_base(&pick, c);
		chosen = pick.value;
		deleted = pick.deleted;
		snprintf(how, sizeof(how), "took the base");
	} else if (value) {
		if (yaml) {
			if (doc_load(&parsed, value, strlen(value), &err) < 0) {
				err_set(&err, ERR_USAGE, 0, 0, "%s", _("the value is not YAML"));
				goto fail;
			}
			parsed->secret = layout_kind(p.file) == KIND_INTERVIEW;
			chosen = parsed->root;
		} else {
			chosen = doc_scalar(t.doc, value, strlen(value), 0);
		}
		deleted = !chosen;
		snprintf(how, sizeof(how), "a new value");
	} else {
		if (conflict_pick_side(&pick, c, n) < 0) {
			err_set(&err, ERR_USAGE, 0, 0, "no side %ld at '%s'", n, pathtext);
			err_hint(&err, "%s", _("'convene conflicts' numbers the sides"));
			goto fail;
		}
		chosen = pick.value;
		deleted = pick.deleted;
		from = pick.from;
		snprintf(how, sizeof(how), "took side %ld%s%s%s", n, from ? " (" : "", from ? from : "",
			 from ? ")" : "");
	}
	parent = c->parent;
	if (!parent && chosen && chosen->kind == DOC_SCALAR && !deleted) {
		/* a file that could not be merged as YAML: its sides are the
		 * versions' texts, and the one taken must be YAML again */
		struct doc *whole;
		struct err why;

		if (merge_file_side(&whole, chosen, p.file, &why, &err) < 0) {
			if (err.code == ERR_DATA && why.code)
				fprintf(stderr, _("%s: that side's text does not load: %u:%u: %s\n"), p.file,
					why.line, why.col, why.msg);
			goto fail;
		}
		chosen = whole->root;
		doc_free(parsed);
		parsed = whole;
	}
	if (deleted && !parent) {
		/* the side that deleted the whole file: delete it */
		doc_free(parsed);
		snprintf(msg, sizeof(msg), "resolve %s: %s, deleting the file", p.file, how);
		return txn_commit_removal(&t, msg);
	}
	if (!deleted && chosen && chosen->kind == DOC_SCALAR && (chosen->flags & DOC_SECRET) &&
	    (rc = open_chosen(s, &t, &p, pathtext, from, &chosen)) != 0) {
		doc_free(parsed);
		txn_release(&t);
		return rc;
	}
	if (conflict_settle(t.doc, c, chosen, deleted) < 0) {
		doc_free(parsed);
		txn_release(&t);
		return out_of_memory();
	}
	doc_free(parsed);
	/* the value taken, opened or given, is sealed again for the readers
	 * before anything is written */
	if (layout_kind(p.file) == KIND_INTERVIEW && t.doc->root &&
	    doc_bool(doc_get(t.doc->root, "confidential")) == 1) {
		err_clear(&err);
		if (secrets_seal(s, t.doc, p.file, NULL, NULL, 0, 0, &err) < 0) {
			secret_wipe_doc(t.doc);
			txn_release(&t);
			return report(NULL, &err);
		}
	}
	snprintf(msg, sizeof(msg), "resolve %s: %s%s", p.n ? pathtext : p.file, how,
		 deleted ? ", deleting it" : "");
	return txn_commit(&t, msg);
fail:
	doc_free(parsed);
	txn_release(&t);
	return report(NULL, &err);
}
