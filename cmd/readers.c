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
#include "i18n.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/text.h"
#include "secrets.h"
#include "store/readers.h"
#include "txn.h"

static const struct opt no_opts[] = { OPT_END };

/*
 * Writes the new list of readers and every confidential interview sealed
 * for them, and commits it all at once; or changes nothing.
 */
static int change_readers(struct store *s, char **ids, size_t n, const char *message)
{
	struct age_identity *me = NULL;
	struct reseal rs = { 0 };
	const char *where;
	char *dirty = NULL;
	size_t nme = 0, count;
	struct err err, why;
	int rc;

	if ((rc = user_identity(s, &me, &nme, &why)) != 0)
		return rc;
	err_clear(&err);
	if (readers_change(&rs, s, ids, n, me, nme, &dirty, &where, &err) < 0) {
		if (dirty) {
			say_error(_("%s has changes not committed; readers commits a change of its own"), dirty);
			say_hint("%s", _("convene commit them first (or undo them), then run this again"));
			rc = EXIT_DATA;
		} else if (rs.fails.n) {
			say_unopened(rs.fail_file, &rs.fails, &why);
			say_error("%s", _("the readers were not changed: to seal the confidential interviews for the new readers, convene must open them with the key of a current reader"));
			rc = EXIT_DATA;
		} else {
			rc = report(where, &err);
		}
	/* a conflict elsewhere is the group's to settle, as for commit */
	} else if ((rc = commit_pending(s, message, 1, &count)) != EXIT_OK) {
		if (reseal_undo(s, &rs, rs.n, &err) < 0)
			report(NULL, &err);
	} else if (rs.values) {
		/* each plural whole: the values' by their count, the readers' by ngettext */
		note(rs.values == 1 ? ngettext("sealed %zu confidential value anew for %zu reader",
					       "sealed %zu confidential value anew for %zu readers", n)
				    : ngettext("sealed %zu confidential values anew for %zu reader",
					       "sealed %zu confidential values anew for %zu readers", n),
		     rs.values, n);
	}
	age_identities_free(me, nme);
	free(dirty);
	reseal_release(&rs);
	return rc;
}

/* The readers, with room for 64 more. */
static int current(struct store *s, char ***out, size_t *n)
{
	struct err err;

	if (readers_ids(out, n, 64, s, &err) < 0)
		return err.code == ERR_NOMEM ? out_of_memory() : report(LAYOUT_INITIATIVE, &err);
	return 0;
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
		return usage_error(me, "%s", _("readers add takes one or more member ids"));
	if (argc - optind > 64)
		return usage_error(me, "%s", _("too many readers at once"));
	for (i = (size_t)optind; i < (size_t)argc; i++)
		if (!text_is_id(argv[i]))
			return usage_error(me, _("'%s' is not a member id"), argv[i]);
	if ((rc = current(s, &ids, &n)) != 0)
		return rc;
	before = n;
	snprintf(msg, sizeof(msg), "readers:");
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		k = readers_member_key(s, argv[i], key, sizeof(key));
		if (k < 0) {
			readers_nearest_member(s, argv[i], near, sizeof(near));
			if (near[0])
				say_error(_("unknown member '%s'; did you mean '%s'?"), argv[i], near);
			else
				say_error(_("unknown member '%s'"), argv[i]);
			say_hint("%s", _("convene member list shows the ids; nothing was changed"));
			readers_ids_free(ids, n);
			return EXIT_DATA;
		}
		if (!k) {
			say_error(_("member '%s' has no age: key in members/%s.yaml: nothing can be sealed for them"),
				  argv[i], argv[i]);
			say_hint(_("%s runs convene key new, then convene member edit %s --age age1... (or convene key publish); nothing was changed"),
				 argv[i], argv[i]);
			readers_ids_free(ids, n);
			return EXIT_DATA;
		}
		if (readers_has(ids, n, argv[i])) {
			note(_("%s already reads the confidential interviews"), argv[i]);
			continue;
		}
		ids[n++] = strdup(argv[i]);
		snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), " add %s", argv[i]);
	}
	if (n == before) {
		readers_ids_free(ids, n);
		return EXIT_OK;
	}
	rc = change_readers(s, ids, n, msg);
	readers_ids_free(ids, n);
	return rc;
}

static int readers_rm(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("readers");
	char **ids, msg[600];
	size_t n, i;
	int rc, c;

	optind = 0;
	while ((c = opt_next(no_opts, argc, argv)) != -1)
		return option_error(me, c, argv);
	if (optind >= argc)
		return usage_error(me, "%s", _("readers rm takes one or more member ids"));
	if ((rc = current(s, &ids, &n)) != 0)
		return rc;
	snprintf(msg, sizeof(msg), "readers:");
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if (!readers_has(ids, n, argv[i])) {
			say_error(_("'%s' is not a reader (convene readers list); nothing was changed"), argv[i]);
			readers_ids_free(ids, n);
			return EXIT_DATA;
		}
		readers_remove(ids, &n, argv[i]);
		snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), " rm %s", argv[i]);
	}
	if (!n) {
		say_error("%s", _("that would leave no reader, and no one could read the confidential interviews"));
		say_hint("%s", _("add another reader first (convene readers add MEMBER); nothing was changed"));
		readers_ids_free(ids, n);
		return EXIT_DATA;
	}
	rc = change_readers(s, ids, n, msg);
	readers_ids_free(ids, n);
	if (rc == EXIT_OK)
		for (i = (size_t)optind; i < (size_t)argc; i++)
			warn(_("%s can no longer read what is sealed from now on, but the earlier commits stay readable to them: every clone and bundle they have holds what they could read before"),
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
		k = readers_member_key(s, ids[i], key, sizeof(key));
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
		buf_addf(&b, "%s\n", k == 1 ? key : k == 0 ? _("(no age: key)") : _("(not a member)"));
	}
	if (json) {
		jw_end(&w);
		buf_addc(&b, '\n');
	} else if (!n) {
		buf_addf(&b, "%s\n", _("no readers: confidential interviews cannot be written yet (convene readers add MEMBER...)"));
	}
	rc = put_out(&b);
	buf_release(&b);
	readers_ids_free(ids, n);
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
	N_("The readers (initiative.yaml: readers) are the members who may read the\n"
	"confidential interviews; each needs an age: key in their member file\n"
	"(convene key new, then convene key publish).  add and rm seal every\n"
	"confidential value anew for the new set and commit that with the list,\n"
	"which needs your key to be a current reader's.  Removing a reader does\n"
	"not take back what the earlier commits let them read.\n"),
	NULL, readers_subs,
	NULL
};

int cmd_readers(int argc, char **argv, struct store *s)
{
	return run_subcommand("readers", readers_subs, argc, argv, s);
}
