/*
 * What read commands share: going over the initiative (store/scan.c) with
 * a visitor, and running a family's subcommand.
 */
#include <string.h>

#include "cmd.h"
#include "i18n.h"

int visit_initiative(struct store *s, void (*visit)(void *ctx, const char *file, const struct doc *doc),
		     void *ctx, const int *failed)
{
	struct diags d = { 0 };
	struct scan_stats st;
	struct err err;
	int error;

	err_clear(&err);
	error = scan_initiative(s, &d, &st, visit, ctx, &err);
	diags_release(&d);
	if (error < 0)
		return report(NULL, &err);
	if (failed && *failed) {
		return out_of_memory();
	}
	return 0;
}

int run_subcommand(const char *name, const struct subcmd *table, int argc, char **argv,
		   struct store *s)
{
	const struct subcmd *t;

	if (argc >= 2)
		for (t = table; t->name; t++)
			if (!strcmp(t->name, argv[1]))
				return t->fn(argc - 1, argv + 1, s);
	if (argc < 2)
		return usage_error(cmd_find(name), _("%s needs a subcommand"), name);
	return usage_error(cmd_find(name), _("unknown subcommand '%s'"), argv[1]);
}
