/*
 * merge-file: git's merge-driver protocol (merge-file %O %A %B %P).  The
 * result is written to %A; exit 0 when clean, 1 while conflicts remain
 * (they are in the file as !conflict nodes, valid YAML).  A side that is
 * not YAML is merged line by line with git's markers, and said so.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/mergefile.h"
#include "i18n.h"
#include "store/mergedriver.h"

static const struct opt merge_file_opts[] = {
	{ 'L', NULL, "LABEL", N_("names a side in the conflicts: ours, base, theirs,\n"
	  "in that order (at most three)"), 'L' },
	OPT_END
};

const struct help help_merge_file = {
	"[-L OURS -L BASE -L THEIRS] BASE OURS THEIRS [PATH]",
	/* xgettext:no-c-format */
	N_("Merges three versions of a YAML file of the initiative, as git's merge\n"
	   "driver (init configures it: merge-file %O %A %B %P).  The result goes to\n"
	   "OURS.  Exit 0 when the merge is clean, 1 when conflicts remain: they are\n"
	   "written into the file as !conflict values (see 'convene conflicts').\n"
	   "The labels name the sides in each conflict's `from`.\n"),
	merge_file_opts, NULL,
	NULL
};

int cmd_merge_file(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("merge-file");
	const char *labels[3] = { "ours", "base", "theirs" }, *files[4] = { NULL };
	struct buf text[3] = { BUF_INIT, BUF_INIT, BUF_INIT }, out = BUF_INIT;
	struct merge_file_result res;
	struct merge_opts opts;
	struct err err;
	size_t conflicts = 0;
	int nl = 0, nf = 0, i, rc;

	(void)s;
	optind = 0;
	while ((i = opt_next_ordered(merge_file_opts, argc, argv)) != -1) {
		if (i != 'L')
			return option_error(me, i, argv);
		if (nl == 3)
			return usage_error(me, "%s", _("at most three -L labels"));
		labels[nl++] = optarg;
	}
	for (i = optind; i < argc; i++) {
		if (nf == 4)
			return usage_error(me, "%s", _("too many arguments"));
		files[nf++] = argv[i];
	}
	if (nf < 3)
		return usage_error(me, "%s", _("merge-file takes BASE OURS THEIRS [PATH]"));
	err_clear(&err);
	/* files[0] is the base, [1] ours, [2] theirs */
	for (i = 0; i < 3; i++) {
		/* too large to read whole: leave %A as it is, never cut it */
		if (mergedriver_read(&text[i], files[i], &err) < 0) {
			rc = report(NULL, &err);
			goto done;
		}
	}
	opts.ours_from = labels[0];
	opts.theirs_from = labels[2];
	if (merge_file(&out, &res, buf_str(&text[0]), text[0].len, buf_str(&text[1]), text[1].len,
		       buf_str(&text[2]), text[2].len, &opts, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if (res.lines) {
		/* never a silent loss: the lines were merged; say why */
		fprintf(stderr, "convene: warning: ");
		fprintf(stderr, _("%s (%s) cannot be merged as YAML: %u:%u: %s\n"),
			files[res.bad], res.bad == 0 ? labels[1] : res.bad == 1 ? labels[0] : labels[2],
			res.why.line, res.why.col, res.why.msg);
		fprintf(stderr, "convene: warning: ");
		fprintf(stderr, _("%s merged line by line, with git's conflict markers\n"),
			nf > 3 ? files[3] : files[1]);
	}
	conflicts = res.conflicts;
	if (mergedriver_write(files[1], &out, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if (conflicts) {
		fprintf(stderr, "convene: ");
		fprintf(stderr, ngettext("%s: %zu conflict (see 'convene conflicts')\n",
					 "%s: %zu conflicts (see 'convene conflicts')\n", conflicts),
			nf > 3 ? files[3] : files[1], conflicts);
	}
	rc = conflicts ? EXIT_DATA : EXIT_OK;
done:
	for (i = 0; i < 3; i++)
		buf_release(&text[i]);
	buf_release(&out);
	return rc;
}
