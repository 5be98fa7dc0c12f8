/*
 * bundle create: history in a file, for a site with no network (git's
 * bundle format: `git bundle verify` and `git clone` read it; the other
 * site merges it with `convene sync FILE.bundle`).
 */
#include <string.h>

#include "cmd.h"
#include "core/text.h"
#include "store/sync.h"

const char usage_bundle[] =
	"usage: convene bundle create FILE [--for SITE|REMOTE]\n"
	"\n"
	"Writes this site's history to FILE, a git bundle, to carry to a site\n"
	"with no network (a USB stick).  There: convene sync FILE.\n"
	"\n"
	"  --for SITE|REMOTE   only what that site lacks: the commits since the\n"
	"                      last bundle that came from it (or the last sync\n"
	"                      with that remote).  Without it: everything.\n"
	"\n"
	"Exit 1 when the other site has everything already (no file is written).\n";

static int bundle_create(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("bundle");
	const char *file = NULL, *who = NULL;
	struct err err;
	size_t commits, pending;
	int i, rc;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--for") && i + 1 < argc) {
			if ((rc = once(me, &who, "--for", argv[++i])) != 0)
				return rc;
		} else if (argv[i][0] == '-' && argv[i][1])
			return usage_error(me, "unknown option '%s'", argv[i]);
		else if (file)
			return usage_error(me, "bundle create takes one file");
		else
			file = argv[i];
	}
	if (!file)
		return usage_error(me, "bundle create takes a file to write");
	if (who && !text_is_id(who) && !strchr(who, '/'))
		return usage_error(me, "--for names a site or a remote");
	err_clear(&err);
	if (store_lock(s, 3000, &err) < 0)
		return report(NULL, &err);
	/* hand edits first, as sync: what is carried is what is committed */
	if ((rc = commit_pending(s, NULL, 1, &pending)) != EXIT_OK)
		return rc;
	if (store_bundle_create(s, file, who, &commits, &err) < 0)
		return report(NULL, &err);
	if (who)
		note("%s: %zu commit%s, what %s lacks; there: convene sync %s", file, commits,
		     commits == 1 ? "" : "s", who, file);
	else
		note("%s: %zu commit%s, the whole history; there: convene sync %s", file, commits,
		     commits == 1 ? "" : "s", file);
	return EXIT_OK;
}

int cmd_bundle(int argc, char **argv, struct store *s)
{
	static const struct subcmd table[] = {
		{ "create", bundle_create },
		{ NULL, NULL }
	};

	return run_subcommand("bundle", table, argc, argv, s);
}
