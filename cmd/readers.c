/*
 * readers add | rm | list: who may read the confidential interviews
 * (initiative.yaml: readers, DESIGN §7).  A change of readers seals every
 * confidential value anew for the new set, in one commit with the new
 * list; that needs the user's identity to open them.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/text.h"
#include "secrets.h"
#include "txn.h"

static const struct opt no_opts[] = { OPT_END };

/* The closest member id to a mistyped one, for "did you mean". */
static void nearest_member(struct store *s, const char *id, char *out, size_t size)
{
	char **files = NULL, dir[32], m[72];
	size_t n = 0, i, best = (size_t)-1, d;
	struct err err;

	out[0] = '\0';
	if (store_list(s, &files, &n, &err) < 0)
		return;
	for (i = 0; i < n; i++) {
		if (layout_kind(files[i]) != KIND_MEMBER || !layout_file(files[i], dir, sizeof(dir), m, sizeof(m)))
			continue;
		d = text_distance(id, m);
		if (d <= 2 && d * 2 <= strlen(id) && d < best) {
			best = d;
			snprintf(out, size, "%s", m);
		}
	}
	store_list_free(files, n);
}

/* The age: key of a member: 1 with it in out, 0 when the member has
 * none, -1 when there is no such member. */
static int member_key(struct store *s, const char *id, char *out, size_t size)
{
	char file[128];
	struct doc *doc;
	struct err err;
	const struct doc_node *v;
	int k = 0;

	layout_member_file(file, sizeof(file), id);
	if (load_file(s, file, &doc, NULL, &err) < 0)
		return err.code == ERR_NOTFOUND ? -1 : 0;
	v = doc->root ? doc_get(doc->root, "age") : NULL;
	if (doc_is_str(v) && v->len) {
		snprintf(out, size, "%s", v->str);
		k = 1;
	}
	doc_free(doc);
	return k;
}

static int has(char *const *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(v[i], id))
			return 1;
	return 0;
}

/*
 * Writes the new list of readers and every confidential interview sealed
 * for them, and commits it all at once; or changes nothing.
 */
static int change_readers(struct store *s, char **ids, size_t n, const char *message)
{
	struct age_identity *me = NULL;
	struct age_recipient *r = NULL;
	struct reseal rs = { 0 };
	struct doc *ini = NULL;
	struct doc_node *seq, *x;
	struct buf b = BUF_INIT;
	char **changed = NULL, key[128];
	size_t nme = 0, nchanged = 0, i, count;
	struct err err, why;
	int rc;

	err_clear(&err);
	if (store_identity_check(s, &err) < 0 || store_lock(s, 3000, &err) < 0)
		return report(NULL, &err);
	if (store_changed(s, &changed, &nchanged, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if (nchanged) {
		fprintf(stderr, "convene: error: %s has changes not committed; readers commits a change of its own\n",
			changed[0]);
		fprintf(stderr, "convene: hint: convene commit them first (or undo them), then run this again\n");
		rc = EXIT_DATA;
		goto done;
	}
	if (!(r = calloc(n + 1, sizeof(*r)))) {
		rc = out_of_memory();
		goto done;
	}
	for (i = 0; i < n; i++)
		if (member_key(s, ids[i], key, sizeof(key)) != 1 || age_recipient_parse(key, &r[i]) != AGE_OK) {
			err_set(&err, ERR_DATA, 0, 0, "reader '%s' has no usable age: key in members/%s.yaml",
				ids[i], ids[i]);
			err_hint(&err, "convene readers rm %s, or give them a key (convene member edit %s --age age1...)",
				 ids[i], ids[i]);
			rc = report(NULL, &err);
			goto done;
		}
	if ((rc = user_identity(s, &me, &nme, &why)) != 0)
		goto done;
	if (secrets_reseal(&rs, s, r, n, me, nme, &err) < 0) {
		if (rs.fails.n) {
			say_unopened(rs.fail_file, &rs.fails, &why);
			fprintf(stderr, "convene: error: the readers were not changed: to seal the confidential interviews for the new readers, convene must open them with the key of a current reader\n");
			rc = EXIT_DATA;
		} else {
			rc = report(NULL, &err);
		}
		goto done;
	}
	if (load_file(s, "initiative.yaml", &ini, NULL, &err) < 0 || !ini->root || ini->root->kind != DOC_MAP) {
		rc = report("initiative.yaml", &err);
		goto done;
	}
	if (!(seq = doc_seq(ini))) {
		rc = out_of_memory();
		goto done;
	}
	for (i = 0; i < n; i++) {
		if (!(x = dom_str(ini, ids[i]))) {
			rc = out_of_memory();
			goto done;
		}
		doc_seq_append(seq, x);
	}
	if (dom_put(ini, KIND_INITIATIVE, NULL, 0, ini->root, "readers", seq) < 0 ||
	    doc_emit(&b, ini) < 0 || reseal_add(&rs, "initiative.yaml", b.ptr, b.len) < 0) {
		rc = out_of_memory();
		goto done;
	}
	if (reseal_write(s, &rs, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	/* a conflict elsewhere is the group's to settle, as for commit */
	if ((rc = commit_pending(s, message, 1, &count)) != EXIT_OK) {
		if (reseal_undo(s, &rs, rs.n, &err) < 0)
			report(NULL, &err);
		goto done;
	}
	if (rs.values)
		note("sealed %zu confidential value%s anew for %zu reader%s", rs.values,
		     rs.values == 1 ? "" : "s", n, n == 1 ? "" : "s");
done:
	age_identities_free(me, nme);
	free(r);
	reseal_release(&rs);
	doc_free(ini);
	buf_release(&b);
	store_list_free(changed, nchanged);
	return rc;
}

static int current(struct store *s, char ***out, size_t *n)
{
	struct doc *ini;
	struct err err;
	const struct doc_node *seq, *x;
	size_t k = 0;

	*out = NULL;
	*n = 0;
	err_clear(&err);
	if (load_file(s, "initiative.yaml", &ini, NULL, &err) < 0)
		return report("initiative.yaml", &err);
	seq = ini->root ? doc_get(ini->root, "readers") : NULL;
	for (x = seq && seq->kind == DOC_SEQ ? seq->head : NULL; x; x = x->next)
		k++;
	if (!(*out = calloc(k + 64 + 1, sizeof(**out)))) {
		doc_free(ini);
		return out_of_memory();
	}
	for (x = seq && seq->kind == DOC_SEQ ? seq->head : NULL; x; x = x->next)
		if (doc_is_str(x) && !has(*out, *n, x->str))
			(*out)[(*n)++] = strdup(x->str);
	doc_free(ini);
	return 0;
}

static void free_list(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int readers_add(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("readers");
	char **ids, key[128], near[72], msg[600];
	size_t n, before, i;
	int rc, k, c;

	optind = 0;
	while ((c = opt_next(no_opts, argc, argv)) != -1)
		return option_error(me, c, argv);
	if (optind >= argc)
		return usage_error(me, "readers add takes one or more member ids");
	if (argc - optind > 64)
		return usage_error(me, "too many readers at once");
	for (i = (size_t)optind; i < (size_t)argc; i++)
		if (!text_is_id(argv[i]))
			return usage_error(me, "'%s' is not a member id", argv[i]);
	if ((rc = current(s, &ids, &n)) != 0)
		return rc;
	before = n;
	snprintf(msg, sizeof(msg), "readers:");
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		k = member_key(s, argv[i], key, sizeof(key));
		if (k < 0) {
			nearest_member(s, argv[i], near, sizeof(near));
			fprintf(stderr, "convene: error: unknown member '%s'%s%s%s\n", argv[i],
				near[0] ? "; did you mean '" : "", near, near[0] ? "'?" : "");
			fprintf(stderr, "convene: hint: convene member list shows the ids; nothing was changed\n");
			free_list(ids, n);
			return EXIT_DATA;
		}
		if (!k) {
			fprintf(stderr, "convene: error: member '%s' has no age: key in members/%s.yaml: nothing can be sealed for them\n",
				argv[i], argv[i]);
			fprintf(stderr, "convene: hint: %s runs convene key new, then convene member edit %s --age age1... (or convene key publish); nothing was changed\n",
				argv[i], argv[i]);
			free_list(ids, n);
			return EXIT_DATA;
		}
		if (has(ids, n, argv[i])) {
			note("%s already reads the confidential interviews", argv[i]);
			continue;
		}
		ids[n++] = strdup(argv[i]);
		snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), " add %s", argv[i]);
	}
	if (n == before) {
		free_list(ids, n);
		return EXIT_OK;
	}
	rc = change_readers(s, ids, n, msg);
	free_list(ids, n);
	return rc;
}

static int readers_rm(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("readers");
	char **ids, msg[600];
	size_t n, i, j;
	int rc, c;

	optind = 0;
	while ((c = opt_next(no_opts, argc, argv)) != -1)
		return option_error(me, c, argv);
	if (optind >= argc)
		return usage_error(me, "readers rm takes one or more member ids");
	if ((rc = current(s, &ids, &n)) != 0)
		return rc;
	snprintf(msg, sizeof(msg), "readers:");
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if (!has(ids, n, argv[i])) {
			fprintf(stderr, "convene: error: '%s' is not a reader (convene readers list); nothing was changed\n",
				argv[i]);
			free_list(ids, n);
			return EXIT_DATA;
		}
		for (j = 0; j < n; j++)
			if (!strcmp(ids[j], argv[i])) {
				free(ids[j]);
				memmove(ids + j, ids + j + 1, (n - j - 1) * sizeof(*ids));
				n--;
				break;
			}
		snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), " rm %s", argv[i]);
	}
	if (!n) {
		fprintf(stderr, "convene: error: that would leave no reader, and no one could read the confidential interviews\n");
		fprintf(stderr, "convene: hint: add another reader first (convene readers add MEMBER); nothing was changed\n");
		free_list(ids, n);
		return EXIT_DATA;
	}
	rc = change_readers(s, ids, n, msg);
	free_list(ids, n);
	if (rc == EXIT_OK)
		for (i = (size_t)optind; i < (size_t)argc; i++)
			warn("%s can no longer read what is sealed from now on, but the earlier commits stay readable to them: every clone and bundle they have holds what they could read before",
			     argv[i]);
	return rc;
}

static int readers_list(int argc, char **argv, struct store *s)
{
	struct buf b = BUF_INIT;
	struct json_w w;
	char **ids, key[128];
	size_t n, i;
	int json, rc, k;

	if ((rc = read_options(argc, argv, "readers", 0, &json)) != 0)
		return rc;
	if ((rc = current(s, &ids, &n)) != 0)
		return rc;
	jw_init(&w, &b);
	if (json)
		jw_lines(&w, NULL);
	for (i = 0; i < n; i++) {
		k = member_key(s, ids[i], key, sizeof(key));
		if (json) {
			jw_object(&w, NULL);
			jw_str(&w, "id", ids[i]);
			if (k == 1)
				jw_str(&w, "age", key);
			else
				jw_null(&w, "age");
			jw_end(&w);
			continue;
		}
		pad(&b, ids[i], 16);
		buf_addf(&b, "%s\n", k == 1 ? key : k == 0 ? "(no age: key)" : "(not a member)");
	}
	if (json) {
		jw_end(&w);
		buf_addc(&b, '\n');
	} else if (!n) {
		buf_adds(&b, "no readers: confidential interviews cannot be written yet (convene readers add MEMBER...)\n");
	}
	rc = put_out(&b);
	buf_release(&b);
	free_list(ids, n);
	return rc;
}

static const struct subcmd readers_subs[] = {
	{ "add", readers_add, "MEMBER...", no_opts },
	{ "list", readers_list, "[--json]", opts_json },
	{ "rm", readers_rm, "MEMBER...", no_opts },
	{ NULL, NULL, NULL, NULL }
};

const struct help help_readers = {
	NULL,
	"The readers (initiative.yaml: readers) are the members who may read the\n"
	"confidential interviews; each needs an age: key in their member file\n"
	"(convene key new, then convene key publish).  add and rm seal every\n"
	"confidential value anew for the new set and commit that with the list,\n"
	"which needs your key to be a current reader's.  Removing a reader does\n"
	"not take back what the earlier commits let them read.\n",
	NULL, readers_subs,
	NULL
};

int cmd_readers(int argc, char **argv, struct store *s)
{
	return run_subcommand("readers", readers_subs, argc, argv, s);
}
