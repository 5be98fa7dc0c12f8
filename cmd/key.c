/*
 * key new, show, publish: the user's age identity (DESIGN §7).  new writes
 * one (store/identity.c) and prints its recipient, as age-keygen does;
 * show prints the recipient of the identity convene uses; publish sets it
 * as age: on your own member file (convene.member), so that readers add
 * can seal for you.  No output ever holds the secret key.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd/txn.h"
#include "cmd/i18n.h"
#include "cmd/secrets.h"
#include "core/age.h"
#include "core/domain.h"
#include "core/layout.h"
#include "core/text.h"
#include "store/identity.h"

static const struct opt key_new_opts[] = {
	{ 'f', "force", NULL, N_("replace an identity that is there (what was sealed for\n"
	  "the old key can no longer be opened with the new one)"), 0 },
	OPT_END
};

static int key_new(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("key");
	struct age_identity id;
	struct age_recipient r;
	char path[4096], rs[AGE_RECIPIENT_STRLEN];
	struct err err;
	int c, force = 0, configured;

	optind = 0;
	while ((c = opt_next(key_new_opts, argc, argv)) != -1) {
		if (c != 'f')
			return option_error(me, c, argv);
		force = 1;
	}
	if (optind != argc)
		return usage_error(me, "%s", _("key new takes no arguments"));
	err_clear(&err);
	if (identity_path(s, path, sizeof(path), &configured, &err) < 0)
		return report(NULL, &err);
	if (age_keygen(&id) != AGE_OK)
		return out_of_memory();
	if (identity_write(path, &id, force, &err) < 0) {
		age_wipe(&id, sizeof(id));
		return report(NULL, &err);
	}
	age_identity_recipient(&id, &r);
	age_wipe(&id, sizeof(id));
	age_recipient_format(&r, rs);
	fputs("convene: ", stderr);
	note(_("wrote your age identity to %s (keep it private)"), path);
	say_hint("%s", _("'convene key publish' puts the public key on your member file"));
	printf("%s\n", rs);
	return EXIT_OK;
}

static int key_show(int argc, char **argv, struct store *s)
{
	char rs[AGE_RECIPIENT_STRLEN];
	struct age_recipient *r;
	struct err err;
	size_t n, i;

	if (argc != 1)
		return usage_error(cmd_find("key"), "%s", _("key show takes no arguments"));
	err_clear(&err);
	if (identity_recipients(s, &r, &n, &err) < 0)
		return report(NULL, &err);
	for (i = 0; i < n; i++) {
		age_recipient_format(&r[i], rs);
		printf("%s\n", rs);
	}
	free(r);
	return EXIT_OK;
}

static int key_publish(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("key");
	char rs[AGE_RECIPIENT_STRLEN], idbuf[128], file[160], msg[200];
	const char *who, *from;
	struct age_recipient *r;
	struct store *own = NULL;
	size_t n;
	struct err err;
	struct txn t;
	int rc;

	if (argc != 1)
		return usage_error(me, "%s", _("key publish takes no arguments"));
	err_clear(&err);
	if (!s) {
		if (store_open(&own, ".", &err) < 0)
			return report(NULL, &err);
		s = own;
	}
	if (!(who = acting_member(s, NULL, idbuf, sizeof(idbuf), &from))) {
		say_error("%s", _("say which member you are: git config convene.member YOUR-ID"));
		rc = EXIT_USAGE;
		goto done;
	}
	if (!text_is_id(who)) {
		say_error(_("convene.member '%s' is not a member id"), who);
		rc = EXIT_USAGE;
		goto done;
	}
	err_clear(&err);
	if (identity_recipients(s, &r, &n, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	age_recipient_format(&r[0], rs);
	free(r);
	layout_member_file(file, sizeof(file), who);
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		goto done;
	if (dom_put(t.doc, KIND_MEMBER, NULL, 0, t.doc->root, "age", dom_str(t.doc, rs)) < 0) {
		txn_release(&t);
		rc = out_of_memory();
		goto done;
	}
	snprintf(msg, sizeof(msg), "member %s: age recipient", who);
	rc = txn_commit(&t, msg);
	if (rc == EXIT_OK)
		printf("%s\n", rs);
done:
	store_free(own);
	return rc;
}

static const struct subcmd key_subs[] = {
	{ "new", key_new, "[--force]", key_new_opts },
	{ "show", key_show, "", NULL },
	{ "publish", key_publish, "", NULL },
	{ NULL, NULL, NULL, NULL }
};

const struct help help_key = {
	NULL,
	N_("Your age identity: the key that opens confidential interviews sealed\n"
	"for you.  It is the file named by git config convene.identity (one\n"
	"made by age-keygen works), else $XDG_CONFIG_HOME/convene/identity\n"
	"(~/.config/convene/identity); convene refuses it when others may read\n"
	"it.  new writes one (mode 0600) and prints its public key, age1...;\n"
	"show prints the public key; publish sets it as age: on your member\n"
	"file (git config convene.member) and commits.\n"),
	NULL, key_subs,
	N_("The secret key is never printed.  'age -d -i FILE' opens any value\n"
	"convene seals for you.\n")
};

int cmd_key(int argc, char **argv, struct store *s)
{
	struct store *own = NULL;
	struct err err;
	int rc;

	/* new and show run anywhere; in a repository its config counts */
	if (!s && store_open(&own, ".", &err) == 0)
		s = own;
	rc = run_subcommand("key", key_subs, argc, argv, s);
	store_free(own);
	return rc;
}
