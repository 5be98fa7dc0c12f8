/*
 * init: a new initiative.  Everything is prepared in memory and checked
 * first (arguments, identity, an empty folder); only then is the
 * repository made, and if a step fails what was made is removed.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "core/setup.h"
#include "core/template.h"
#include "core/text.h"
#include "core/tz.h"
#include "store/newsite.h"
#include "store/sync.h"

static const struct opt init_opts[] = {
	{ 'n', "name", "NAME", N_("the initiative's name (default: the folder's name)"), 0 },
	{ 'l', "lang", "he|en", N_("language of the templates (default: from $LANG)"), 0 },
	{ 't', "template", "T", N_("ucsd (three first meetings) or blank (default: ucsd)"), 0 },
	{ 's', "site", "SITE", N_("this site's name, an id (default: from the host name)"), 0 },
	{ 'H', "hooks", NULL, N_("install the sample hooks (pre-commit: validate first;\n"
	  "post-sync: write .git/convene-status.txt)"), 0 },
	OPT_END
};

const struct help help_init = {
	"[DIR] [--name NAME] [--lang he|en] [--template ucsd|blank] [--site SITE] [--hooks]",
	N_("Creates a new initiative: a git repository in DIR (default: the current\n"
	   "folder, which must be empty) with initiative.yaml and, for the ucsd\n"
	   "template, meetings 001-003 with their goals, agenda and prompts.  It is\n"
	   "committed at once with your git identity.\n"),
	init_opts, NULL,
	NULL
};

static void default_site(char *out, size_t size)
{
	char host[256] = "";

	gethostname(host, sizeof(host) - 1);
	setup_site_from_host(out, size, host);
}

static const char *default_lang(void)
{
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return setup_lang(v);
	}
	return setup_lang(NULL);
}

/* The system's time zone, for initiative.yaml: what TZ, /etc/timezone and
 * the /etc/localtime link say, read here; tz_choose() picks one. */
static const char *default_timezone(char *out, size_t size)
{
	char etc[256] = "", link[PATH_MAX];
	FILE *f = fopen("/etc/timezone", "r");
	ssize_t n;

	if (f) {
		if (!fgets(etc, sizeof(etc), f))
			etc[0] = '\0';
		fclose(f);
	}
	n = readlink("/etc/localtime", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	return tz_choose(out, size, getenv("TZ"), etc[0] ? etc : NULL, link[0] ? link : NULL);
}

/* The last part of dir's path, in cwd's buffer when dir is ".". */
static const char *base_name(const char *dir, char *cwd, size_t size)
{
	if (!strcmp(dir, ".") && getcwd(cwd, size))
		dir = cwd;
	return setup_base_name(dir);
}

/* This very binary's path, for what git runs (the merge driver, the
 * sample hooks); "" when it cannot be told. */
static const char *self_path(char *out, size_t size)
{
	ssize_t len = readlink("/proc/self/exe", out, size - 1);

	out[len > 0 ? len : 0] = '\0';
	return out;
}

int cmd_init(int argc, char **argv, struct store *unused)
{
	const struct cmd *me = cmd_find("init");
	const char *dir = ".", *name = NULL, *lang = NULL, *tmpl = NULL, *site_arg = NULL;
	char site[64] = "", oid[16] = "", cwd[PATH_MAX], zone[128], start[16], self[PATH_MAX];
	struct template_out *files = NULL;
	struct store *s = NULL;
	struct err err;
	size_t n = 0;
	int c, state, rc = 0, hooks = 0;

	(void)unused;
	optind = 0;
	while ((c = opt_next(init_opts, argc, argv)) != -1) {
		switch (c) {
		case 'n': rc = once(me, &name, "--name", optarg); break;
		case 'H': hooks = 1; break;
		case 'l': rc = once(me, &lang, "--lang", optarg); break;
		case 't': rc = once(me, &tmpl, "--template", optarg); break;
		case 's':
			if ((rc = once(me, &site_arg, "--site", optarg)))
				break;
			if (setup_site_option(site, sizeof(site), optarg) < 0)
				return usage_error(me, _("site '%s' must be an id: lowercase a-z, 0-9 and '-'"),
						   optarg);
			break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (!tmpl)
		tmpl = "ucsd";
	if (argc - optind > 1)
		return usage_error(me, "%s", _("init takes at most one folder"));
	if (optind < argc)
		dir = argv[optind];
	if (!name)
		name = base_name(dir, cwd, sizeof(cwd));
	if (!*name || memchr(name, '\n', strlen(name)) || text_check(name, strlen(name), &n))
		return usage_error(me, "%s",
				   _("the name must be one line of UTF-8 text, without control characters"));
	n = 0;
	if (!lang)
		lang = default_lang();
	if (!site[0])
		default_site(site, sizeof(site));

	err_clear(&err);
	default_timezone(zone, sizeof(zone));
	today(start);  /* the timeline of the ucsd template starts today */
	if (template_render(&files, &n, tmpl, lang, name, zone, start, &err) < 0)
		return report(NULL, &err);
	if (store_identity_check(NULL, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if ((state = newsite_dir_state(dir)) < 0) {
		err_set(&err, ERR_USAGE, 0, 0, "'%s' is not empty", dir);
		err_hint(&err, "%s",
			 _("init makes a new initiative in a new or empty folder: convene init NEWDIR"));
		rc = report(NULL, &err);
		goto done;
	}
	self_path(self, sizeof(self));
	if (store_init(&s, dir, &err) < 0 ||
	    (rc = newsite_commit(s, files, n, site, name, self, oid, &err)) < 0 ||
	    (hooks && newsite_hooks(s, self, &err) < 0)) {
		rc = report(NULL, &err);
		store_free(s);
		s = NULL;
		/* leave nothing half-made behind */
		store_remove_tree(dir);
		if (state == 0)
			mkdir(dir, 0777);
		goto done;
	}
	if (rc > 0)
		warn("%s", err.msg);  /* committed; only the index lags */
	note(_("Initialized initiative '%s' in %s (site %s, template %s, language %s, time zone %s), "
	       "commit %s"), name, store_workdir(s), site, tmpl, lang, zone, oid);
	if (!strcmp(zone, "UTC") || !strcmp(zone, "Etc/UTC")) {
		fputs("convene: hint: ", stderr);
		note(_("meeting times are in %s; if the group meets elsewhere: "
		       "convene set timezone Asia/Jerusalem"), zone);
	}
	note(_("next: cd %s && convene status"), dir);
	rc = EXIT_OK;
done:
	store_free(s);
	template_out_free(files, n);
	return rc;
}

static const struct opt clone_opts[] = {
	{ 's', "site", "SITE", N_("this site's name, an id (default: from the host name)"), 0 },
	{ 'H', "hooks", NULL, N_("install the sample hooks, as init does"), 0 },
	{ 'q', "quiet", NULL, N_("no progress"), 'q' },
	OPT_END
};

const struct help help_clone = {
	"[--site SITE] [--hooks] [--quiet] URL|FILE.bundle [DIR]",
	N_("A new site joins an initiative: clones URL (a path, git://, https://,\n"
	   "ssh://, or a bundle file) into DIR (default: the last part of URL),\n"
	   "checks it out, sets this site's name and the YAML merge driver for\n"
	   "plain git, and validates what came.\n"),
	clone_opts, NULL,
	NULL
};

static void clone_progress(void *ctx, const char *what, size_t done, size_t total, size_t bytes)
{
	const int *tty = ctx;

	if (*tty && total)
		show_transfer(what, done, total, bytes);
	if (*tty && total && done == total)
		fputc('\n', stderr);
}

int cmd_clone(int argc, char **argv, struct store *unused)
{
	const struct cmd *me = cmd_find("clone");
	const char *site_arg = NULL;
	char site[64] = "", dir[PATH_MAX], self[PATH_MAX];
	struct store_progress p = { clone_progress, NULL, NULL };
	struct diags d = { 0 };
	struct scan_stats st;
	struct store *s = NULL;
	struct store_tmp tmp;
	struct err err;
	int c, rc, tty, hooks = 0, quiet = 0;
	size_t i;

	(void)unused;
	optind = 0;
	while ((c = opt_next(clone_opts, argc, argv)) != -1) {
		switch (c) {
		case 'H': hooks = 1; break;
		case 'q': quiet = 1; break;
		case 's':
			if (once(me, &site_arg, "--site", optarg))
				return EXIT_USAGE;
			if (setup_site_option(site, sizeof(site), optarg) < 0)
				return usage_error(me, _("site '%s' must be an id: lowercase a-z, 0-9 and '-'"),
						   optarg);
			break;
		default: return option_error(me, c, argv);
		}
	}
	if (argc - optind < 1 || argc - optind > 2)
		return usage_error(me, "%s", _("clone takes a URL and at most one folder"));
	if (argc - optind == 2)
		snprintf(dir, sizeof(dir), "%s", argv[optind + 1]);
	else
		setup_clone_dir(dir, sizeof(dir), argv[optind]);
	if (!dir[0])
		return usage_error(me, _("cannot tell a folder name from '%s'; name one"), argv[optind]);
	if (!site[0])
		default_site(site, sizeof(site));
	err_clear(&err);
	if (store_identity_check(NULL, &err) < 0)
		return report(NULL, &err);
	if (newsite_dir_state(dir) < 0) {
		err_set(&err, ERR_USAGE, 0, 0, "'%s' exists and is not empty", dir);
		err_hint(&err, "name a new folder: convene clone %s NEWDIR", argv[optind]);
		return report(NULL, &err);
	}
	tty = !quiet && isatty(2);
	p.ctx = &tty;
	/* made beside dir under a name of its own, renamed when complete:
	 * killed, it leaves nothing in dir, and the next clone removes it */
	if (store_tmp_dir(&tmp, dir, &err) < 0)
		return report(NULL, &err);
	self_path(self, sizeof(self));
	if ((store_is_bundle_arg(argv[optind], 0)
		     ? newsite_clone_bundle(&s, argv[optind], tmp.path, &err)
		     : store_clone(&s, argv[optind], tmp.path, &p, &err)) < 0 ||
	    newsite_config(s, site, self, &err) < 0 ||
	    (hooks && newsite_hooks(s, self, &err) < 0)) {
		rc = report(NULL, &err);
		store_free(s);
		store_tmp_abandon(&tmp);  /* nothing half-made is left */
		return rc;
	}
	store_free(s);
	s = NULL;
	if (store_tmp_commit(&tmp, &err) < 0 || store_open(&s, dir, &err) < 0)
		return report(NULL, &err);
	{
		char shown[1024];

		text_redact_url(shown, sizeof(shown), argv[optind]);
		note(_("Cloned %s into %s (site %s)"), shown, store_workdir(s), site);
	}
	rc = EXIT_OK;
	if (scan_initiative(s, &d, &st, NULL, NULL, &err) < 0) {
		rc = report(NULL, &err);
	} else if (d.errors) {
		for (i = 0; i < d.n; i++)
			if (d.v[i].level == DIAG_ERROR)
				print_diag(stderr, &d.v[i]);
		fputs("convene: ", stderr);
		note(ngettext("%u problem in what came (convene validate lists it; "
			      "conflicts among them: %u)",
			      "%u problems in what came (convene validate lists them; "
			      "conflicts among them: %u)", d.errors),
		     d.errors, d.conflicts);
		rc = EXIT_DATA;
	}
	if (rc == EXIT_OK)
		note(_("next: cd %s && convene status"), dir);
	diags_release(&d);
	store_free(s);
	return rc;
}
