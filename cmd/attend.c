/*
 * attend: members present at a meeting.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "core/layout.h"
#include "core/text.h"
#include "store/attendance.h"
#include "txn.h"

static const struct opt attend_opts[] = {
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

const struct help help_attend = {
	"M MEMBER... [--no-commit]",
	N_("Marks members as attending meeting M.\n"),
	attend_opts, NULL, NULL
};

int meeting_attend(struct store *s, const char *file, char *const *names, int no_commit)
{
	char msg[300];
	struct txn_err e;
	struct txn t;
	int rc;

	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	txn_err_init(&e);
	rc = attendance_add(&t, names, msg, sizeof(msg), &e);
	if (rc == 0) {
		txn_warn_approved(&t);
		return txn_commit(&t, msg);
	}
	txn_release(&t);
	if (rc == ATTEND_NOT_LIST) {
		err_set(&e.err, ERR_DATA, 0, 0, "'%s' in %s is not a list", "attendees", file);
		rc = report(NULL, &e.err);
	} else if (rc == ATTEND_NONE) {
		note("%s", _("nothing to change: they are all marked as attending"));
		rc = EXIT_OK;
	} else {
		rc = txn_say_failure(&e, file);
	}
	txn_err_release(&e);
	return rc;
}

int cmd_attend(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("attend");
	char file[64], **names;
	int i, n = 0, no_commit = 0, rc;

	optind = 0;
	while ((i = opt_next(attend_opts, argc, argv)) != -1) {
		if (i != 'n')
			return option_error(me, i, argv);
		no_commit = 1;
	}
	if (!(names = calloc((size_t)argc + 1, sizeof(char *))))
		return out_of_memory();
	for (i = optind + 1; i < argc; i++) {
		if (!text_is_id(argv[i])) {
			free(names);
			return usage_error(me, _("'%s' is not a member id"), argv[i]);
		}
		names[n++] = argv[i];
	}
	if (argc - optind < 2) {
		free(names);
		return usage_error(me, "%s", _("attend takes a meeting number and members"));
	}
	if (meeting_file(file, sizeof(file), argv[optind]) < 0) {
		free(names);
		return usage_error(me, _("'%s' is not a meeting number (1 to %ld)"), argv[optind],
				   LAYOUT_MEETING_MAX);
	}
	rc = meeting_attend(s, file, names, no_commit);
	free(names);
	return rc;
}
