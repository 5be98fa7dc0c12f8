/*
 * remote add, list, rm: where an initiative syncs to (a bare repository
 * by path, as on a USB stick; git://; https://; ssh://).  Kept in the
 * repository's config, as git keeps them.
 */
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "core/json.h"
#include "core/text.h"

static int remote_add(int argc, char **argv, struct store *s)
{
	struct err err;
	size_t bad;

	if (argc > 1 && argv[1][0] == '-' && argv[1][1])  /* add and rm take no option */
		return usage_error(cmd_find("remote"), _("unknown option %s"), argv[1]);
	if (argc != 3)
		return usage_error(cmd_find("remote"), "%s", _("remote add takes a name and a URL"));
	if (!argv[1][0] || !argv[2][0])
		return usage_error(cmd_find("remote"), "%s",
				   _("remote add needs a name and a URL, neither empty"));
	if (text_check(argv[2], strlen(argv[2]), &bad) || strchr(argv[2], '\n'))
		return usage_error(cmd_find("remote"), "%s", _("the URL must be one line of text"));
	err_clear(&err);
	if (store_remote_add(s, argv[1], argv[2], &err) < 0)
		return report(NULL, &err);
	note(_("remote %s: %s"), argv[1], argv[2]);
	return EXIT_OK;
}

static int remote_rm(int argc, char **argv, struct store *s)
{
	struct err err;

	if (argc > 1 && argv[1][0] == '-' && argv[1][1])
		return usage_error(cmd_find("remote"), _("unknown option %s"), argv[1]);
	if (argc != 2)
		return usage_error(cmd_find("remote"), "%s", _("remote rm takes a name"));
	err_clear(&err);
	if (store_remote_rm(s, argv[1], &err) < 0)
		return report(NULL, &err);
	note(_("removed remote %s"), argv[1]);
	return EXIT_OK;
}

struct remotes {
	struct buf b;
	struct json_w w;
	int json;
};

static void remote_row(void *ctx, const char *name, const char *url)
{
	struct remotes *r = ctx;

	if (r->json) {
		jw_object(&r->w, NULL);
		jw_str(&r->w, "name", name);
		jw_str(&r->w, "url", url);
		jw_end(&r->w);
	} else {
		pad(&r->b, name, 12);
		buf_addf(&r->b, "%s\n", url);
	}
}

static int remote_list(int argc, char **argv, struct store *s)
{
	struct remotes r = { BUF_INIT };
	struct err err;
	int rc;

	if ((rc = read_options(argc, argv, "remote", 0, &r.json)) != 0)
		return rc;
	err_clear(&err);
	jw_init(&r.w, &r.b);
	if (r.json)
		jw_lines(&r.w, NULL);
	if (store_remote_list(s, remote_row, &r, &err) < 0) {
		buf_release(&r.b);
		return report(NULL, &err);
	}
	if (r.json) {
		jw_end(&r.w);
		buf_addc(&r.b, '\n');
	}
	rc = put_out(&r.b);
	buf_release(&r.b);
	return rc;
}

static const struct subcmd remote_subs[] = {
	{ "add", remote_add, "NAME URL",
	  NULL },
	{ "list", remote_list, "[--json]",
	  opts_json },
	{ "rm", remote_rm, "NAME",
	  NULL },
	{ NULL, NULL, NULL, NULL }
};

const struct help help_remote = {
	NULL,
	N_("URL is a path (a bare repository, on a USB stick for one), git://,\n"
	   "https:// or ssh://.  The same remotes as git's (git remote -v).\n"),
	NULL, remote_subs,
	NULL
};

int cmd_remote(int argc, char **argv, struct store *s)
{
	return run_subcommand("remote", remote_subs, argc, argv, s);
}
