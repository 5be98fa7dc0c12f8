/*
 * attend: members present at a meeting.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/text.h"
#include "txn.h"

static const struct opt attend_opts[] = {
	{ 'n', "no-commit", NULL, "leave the change staged instead of committing it", 0 },
	OPT_END
};

const struct help help_attend = {
	"M MEMBER... [--no-commit]",
	"Marks members as attending meeting M.\n",
	attend_opts, NULL, NULL
};

int meeting_attend(struct store *s, const char *file, char *const *names, int no_commit)
{
	char msg[300];
	struct doc_node *seq, *c;
	struct txn t;
	int i, rc, added = 0;

	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	for (i = 0; names[i]; i++)
		if ((rc = check_option(KIND_MEETING, "attendees", names[i], "attendees", t.ids)) != 0) {
			txn_release(&t);
			return rc;
		}
	if (!(seq = dom_seq(t.doc, KIND_MEETING, NULL, 0, t.doc->root, "attendees"))) {
		txn_release(&t);
		fprintf(stderr, "convene: error: 'attendees' in %s is not a list\n", file);
		return EXIT_DATA;
	}
	for (i = 0; names[i]; i++) {
		for (c = seq->head; c; c = c->next)
			if (c->kind == DOC_SCALAR && !strcmp(c->str, names[i]))
				break;
		if (!c) {
			doc_seq_append(seq, dom_str(t.doc, names[i]));
			added++;
		}
	}
	if (!added) {
		txn_release(&t);
		note("nothing to change: they are all marked as attending");
		return EXIT_OK;
	}
	layout_subject(msg, sizeof(msg), layout_meeting_of_file(file), "%d attending", added);
	txn_warn_approved(&t);
	return txn_commit(&t, msg);
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
			return usage_error(me, "'%s' is not a member id", argv[i]);
		}
		names[n++] = argv[i];
	}
	if (argc - optind < 2) {
		free(names);
		return usage_error(me, "attend takes a meeting number and members");
	}
	if (meeting_file(file, sizeof(file), argv[optind]) < 0) {
		free(names);
		return usage_error(me, "'%s' is not a meeting number (1 to %ld)", argv[optind], LAYOUT_MEETING_MAX);
	}
	rc = meeting_attend(s, file, names, no_commit);
	free(names);
	return rc;
}
