/*
 * bundle create: history in a file, for a site with no network (git's
 * bundle format: `git bundle verify` and `git clone` read it; the other
 * site merges it with `convene sync FILE.bundle`).
 */
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "core/text.h"
#include "store/sync.h"

static const struct opt bundle_create_opts[] = {
	{ 'f', "for", "SITE|REMOTE", N_("only what that site lacks: the commits since the\n"
	  "last bundle that came from it (or the last sync\n"
	  "with that remote).  Without it: everything."), 0 },
	OPT_END
};

static int bundle_create(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("bundle");
	const char *file = NULL, *who = NULL;
	struct err err;
	size_t commits, pending;
	int i, rc;

	optind = 0;
	while ((i = opt_next(bundle_create_opts, argc, argv)) != -1) {
		if (i != 'f')
			return option_error(me, i, argv);
		if ((rc = once(me, &who, "--for", optarg)) != 0)
			return rc;
	}
	if (argc - optind > 1)
		return usage_error(me, "%s", _("bundle create takes one file"));
	if (optind == argc)
		return usage_error(me, "%s", _("bundle create takes a file to write"));
	file = argv[optind];
	if (who && !text_is_id(who) && !strchr(who, '/'))
		return usage_error(me, "%s", _("--for names a site or a remote"));
	err_clear(&err);
	if (store_lock(s, 3000, &err) < 0)
		return report(NULL, &err);
	/* hand edits first, as sync: what is carried is what is committed */
	if ((rc = commit_pending(s, NULL, 1, &pending)) != EXIT_OK)
		return rc;
	if (store_bundle_create(s, file, who, &commits, &err) < 0)
		return report(NULL, &err);
	if (who)
		note(ngettext("%s: %zu commit, what %s lacks; there: convene sync %s",
			      "%s: %zu commits, what %s lacks; there: convene sync %s", commits),
		     file, commits, who, file);
	else
		note(ngettext("%s: %zu commit, the whole history; there: convene sync %s",
			      "%s: %zu commits, the whole history; there: convene sync %s", commits),
		     file, commits, file);
	return EXIT_OK;
}

static const struct subcmd bundle_subs[] = {
	{ "create", bundle_create, "FILE [--for SITE|REMOTE]",
	  bundle_create_opts },
	{ NULL, NULL, NULL, NULL }
};

const struct help help_bundle = {
	NULL,
	N_("Writes this site's history to FILE, a git bundle, to carry to a site\n"
	   "with no network (a USB stick).  There: convene sync FILE.\n"),
	NULL, bundle_subs,
	N_("Exit 1 when the other site has everything already (no file is written).\n")
};

int cmd_bundle(int argc, char **argv, struct store *s)
{
	return run_subcommand("bundle", bundle_subs, argc, argv, s);
}
