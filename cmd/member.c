/*
 * The people family: member add, list, show, edit, leave; join and
 * leave-subgroup.  Members are
 * never deleted: leaving sets `left:`, so history and references hold.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/members.h"
#include "core/text.h"
#include "store/groupedit.h"
#include "store/memberedit.h"
#include "txn.h"

static const struct opt member_add_opts[] = {
	{ 'i', "id", "ID", N_("its id (default: made from the name)"), 0 },
	{ 'o', "org", "ORG", N_("the organisation they come from"), 0 },
	{ 'r', "role", "ROLE", N_("facilitator, backbone, member, funder, partner or observer"), 0 },
	{ 'e', "email", "E", N_("their email address"), 0 },
	{ 'p', "phone", "P", N_("their phone number"), 0 },
	{ 'h', "can-host", NULL, N_("their site can host a meeting"), 0 },
	{ 'a', "address", "A", N_("the address of their site"), 0 },
	{ 's', "subgroup", "S", N_("a subgroup they are in (again for more)"), 0 },
	{ 'j', "joined", "DATE", N_("the day they joined (default: today)"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static const struct opt member_list_opts[] = {
	{ 'j', "json", NULL, N_("print JSON, for scripts"), 0 },
	{ 'a', "all", NULL, N_("those who left too"), 0 },
	OPT_END
};

static const struct opt member_leave_opts[] = {
	{ 'd', "date", "DATE", N_("the day they left (default: today)"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static const struct opt member_edit_opts[] = {
	{ 'a', "age", "KEY", N_("set their age recipient (age1...), for confidential interviews"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static const struct opt member_group_opts[] = {
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static int member_add(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("member");
	const char *subgroups[32];
	struct member_new m = { 0 };
	char idbuf[72], file[128], day[11], msg[300];
	int c, no_commit = 0, rc = 0;
	struct txn_err e;
	struct txn t;
	size_t bad;

	optind = 0;
	while ((c = opt_next(member_add_opts, argc, argv)) != -1) {
		switch (c) {
		case 'i': rc = once(me, &m.id, "--id", optarg); break;
		case 'o': rc = once(me, &m.org, "--org", optarg); break;
		case 'r': rc = once(me, &m.role, "--role", optarg); break;
		case 'e': rc = once(me, &m.email, "--email", optarg); break;
		case 'p': rc = once(me, &m.phone, "--phone", optarg); break;
		case 'h': m.can_host = 1; break;
		case 'a': rc = once(me, &m.address, "--address", optarg); break;
		case 'j': rc = once(me, &m.joined, "--joined", optarg); break;
		case 'n': no_commit = 1; break;
		case 's':
			if (m.nsub == sizeof(subgroups) / sizeof(subgroups[0]))
				return usage_error(me, "%s", _("too many --subgroup"));
			subgroups[m.nsub++] = optarg;
			break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 1)
		return usage_error(me, "%s", _("member add takes the member's name"));
	if (text_check(argv[optind], strlen(argv[optind]), &bad) || !argv[optind][0])
		return usage_error(me, "%s", _("the name must be UTF-8 text"));
	if (m.id && !text_is_id(m.id))
		return usage_error(me, _("'%s' is not an id: use a-z, 0-9 and '-'"), m.id);
	m.name = argv[optind];
	m.subgroups = subgroups;
	err_clear(&e.err);
	if (members_check_new(&m, NULL, &e.err) < 0)
		return report(NULL, &e.err);
	if (!m.id) {
		if (dom_member_id(idbuf, sizeof(idbuf), m.name, member_id_taken, s) < 0)
			return usage_error(me, _("cannot make an id from '%s'; give one with --id"),
					   m.name);
		m.id = idbuf;
	}
	layout_member_file(file, sizeof(file), m.id);
	if ((rc = txn_begin(&t, s, file, TXN_CREATE)) != 0)
		return rc;
	t.no_commit = no_commit;
	today(day);
	txn_err_init(&e);
	return txn_finish(&t, member_create(&t, &m, day, msg, sizeof(msg), &e), msg, &e);
}

static void members_visit(void *ctx, const char *file, const struct doc *doc)
{
	members_add(ctx, file, doc);  /* sets failed, which visit_initiative reads */
}

static int member_list(int argc, char **argv, struct store *s)
{
	const char *head[3] = { _("ID"), _("NAME"), _("ROLE") }, *host = _("HOST"), *yes = _("yes");
	struct members rows = { 0 };
	struct buf b = BUF_INIT;
	size_t i, k, w[3], whost = text_chars(host, strlen(host));
	int json = 0, c, rc;
	struct json_w jw;

	optind = 0;
	while ((c = opt_next(member_list_opts, argc, argv)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'a')
			rows.all = 1;
		else
			return option_error(cmd_find("member"), c, argv);
	}
	if (optind < argc)
		return usage_error(cmd_find("member"), "%s", _("member list takes no arguments"));
	if ((rc = visit_initiative(s, members_visit, &rows, &rows.failed)) != 0)
		goto done;
	members_sort(&rows);
	if (json) {
		jw_init(&jw, &b);
		jw_lines(&jw, NULL);
		for (i = 0; i < rows.n; i++) {
			const struct member_info *m = &rows.v[i];

			jw_object(&jw, NULL);
			jw_opt(&jw, "id", m->id);
			jw_opt(&jw, "name", m->name);
			jw_opt(&jw, "role", m->role);
			jw_opt(&jw, "organization", m->org);
			jw_bool(&jw, "can_host", m->can_host);
			jw_opt(&jw, "left", m->left);
			jw_end(&jw);
		}
		jw_end(&jw);
		buf_addc(&b, '\n');
	} else {
		/* the headings may be Hebrew: each column as wide as its words */
		for (k = 0; k < 3; k++)
			w[k] = text_chars(head[k], strlen(head[k]));
		if (text_chars(yes, strlen(yes)) > whost)
			whost = text_chars(yes, strlen(yes));
		for (i = 0; i < rows.n; i++) {
			const char *cols[3] = { rows.v[i].id, rows.v[i].name, rows.v[i].role };

			for (k = 0; k < 3; k++)
				if (text_chars(cols[k], strlen(cols[k])) > w[k])
					w[k] = text_chars(cols[k], strlen(cols[k]));
		}
		for (k = 0; k < 3; k++)
			pad(&b, head[k], w[k] + 2);
		pad(&b, host, whost + 2);
		buf_addf(&b, "%s\n", _("ORGANIZATION"));
		for (i = 0; i < rows.n; i++) {
			const struct member_info *m = &rows.v[i];

			pad(&b, m->id, w[0] + 2);
			pad(&b, m->name, w[1] + 2);
			pad(&b, m->role, w[2] + 2);
			pad(&b, m->can_host ? yes : "-", whost + 2);
			buf_adds(&b, m->org);
			if (m->left[0]) {
				buf_addc(&b, ' ');
				buf_addf(&b, _("(left %s)"), m->left);
			}
			buf_addc(&b, '\n');
		}
	}
	rc = put_out(&b);
done:
	buf_release(&b);
	members_release(&rows);
	return rc;
}

static int member_leave(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("member");
	const char *date = NULL;
	char file[128], day[11], msg[300];
	int c, no_commit = 0, rc;
	struct txn_err e;
	struct txn t;

	optind = 0;
	while ((c = opt_next(member_leave_opts, argc, argv)) != -1) {
		if (c == 'd') {
			if ((rc = once(me, &date, "--date", optarg)))
				return rc;
		} else if (c == 'n') {
			no_commit = 1;
		} else {
			return option_error(me, c, argv);
		}
	}
	if (argc - optind != 1 || !text_is_id(argv[optind]))
		return usage_error(me, "%s", _("member leave takes a member's id"));
	if ((rc = check_option(KIND_MEMBER, "--date", date, "left", NULL)))
		return rc;
	layout_member_file(file, sizeof(file), argv[optind]);
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	today(day);
	txn_err_init(&e);
	return txn_finish(&t, member_leave_apply(&t, argv[optind], date ? date : day, msg, sizeof(msg), &e),
		      msg, &e);
}

/* member join and leave-subgroup: the member's own file says which
 * subgroups they are in (store/groupedit.h). */
static int member_subgroup(int argc, char **argv, struct store *s, int join)
{
	const struct cmd *me = cmd_find("member");
	const char *sub = join ? "join" : "leave-subgroup";
	char file[128], msg[300];
	int c, no_commit = 0, rc;
	struct txn_err e;
	struct txn t;

	optind = 0;
	while ((c = opt_next(member_group_opts, argc, argv)) != -1) {
		if (c == 'n')
			no_commit = 1;
		else
			return option_error(me, c, argv);
	}
	if (argc - optind != 2 || !text_is_id(argv[optind]))
		return usage_error(me, _("member %s takes a member's id and a subgroup's id"), sub);
	if ((rc = check_option(KIND_MEMBER, "SUBGROUP", argv[optind + 1], "subgroups", NULL)))
		return rc;
	layout_member_file(file, sizeof(file), argv[optind]);
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	txn_err_init(&e);
	rc = group_member_change(&t, argv[optind], argv[optind + 1], join, msg, sizeof(msg), &e);
	if (rc == GROUP_ALREADY) {
		txn_release(&t);
		note(_("nothing to change: %s is in %s already"), argv[optind], argv[optind + 1]);
		return EXIT_OK;
	}
	if (rc == GROUP_NOT_LIST || rc == GROUP_NOT_IN) {
		txn_release(&t);
		if (rc == GROUP_NOT_LIST) {
			err_set(&e.err, ERR_DATA, 0, 0, "'%s' in %s is not a list, or out of memory",
				"subgroups", file);
		} else {
			err_set(&e.err, ERR_DATA, 0, 0, "%s is not in subgroup '%s'", argv[optind],
				argv[optind + 1]);
			err_hint(&e.err, "'convene get %s:subgroups' lists the subgroups they are in",
				 file);
		}
		return report(NULL, &e.err);
	}
	return txn_finish(&t, rc, msg, &e);
}

static int member_join(int argc, char **argv, struct store *s)
{
	return member_subgroup(argc, argv, s, 1);
}

static int member_leave_subgroup(int argc, char **argv, struct store *s)
{
	return member_subgroup(argc, argv, s, 0);
}

static int member_show(int argc, char **argv, struct store *s)
{
	return show_file(argc, argv, s, "member", LAYOUT_MEMBERS);
}

/* member edit ID: the file in the editor; with --age, that field alone. */
static int member_edit(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("member");
	const char *age = NULL;
	char file[128], msg[200];
	int c, no_commit = 0, rc;
	struct txn_err e;
	struct txn t;

	optind = 0;
	while ((c = opt_next(member_edit_opts, argc, argv)) != -1) {
		if (c == 'a') {
			if ((rc = once(me, &age, "--age", optarg)))
				return rc;
		} else if (c == 'n') {
			no_commit = 1;
		} else {
			return option_error(me, c, argv);
		}
	}
	if (argc - optind != 1 || !text_is_id(argv[optind]))
		return usage_error(me, "%s", _("member edit takes a member's id"));
	layout_member_file(file, sizeof(file), argv[optind]);
	if (!age) {
		if (no_commit)
			return usage_error(me, "%s", _("--no-commit goes with --age"));
		return edit_file(s, file);
	}
	if ((rc = check_option(KIND_MEMBER, "--age", age, "age", NULL)))
		return rc;
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	txn_err_init(&e);
	return txn_finish(&t, member_age_apply(&t, argv[optind], age, msg, sizeof(msg), &e), msg, &e);
}

static const struct subcmd member_subs[] = {
	{ "add", member_add, "NAME [--id ID] [--org ORG] [--role ROLE] [--email E]\n"
	  " [--phone P] [--can-host] [--address A] [--subgroup S]...\n"
	  " [--joined DATE] [--no-commit]",
	  member_add_opts },
	{ "list", member_list, "[--all] [--json]",
	  member_list_opts },
	{ "show", member_show, "ID [--json]",
	  opts_json },
	{ "edit", member_edit, "ID [--age KEY] [--no-commit]",
	  member_edit_opts },
	{ "leave", member_leave, "ID [--date DATE] [--no-commit]",
	  member_leave_opts },
	{ "join", member_join, "ID SUBGROUP [--no-commit]",
	  member_group_opts },
	{ "leave-subgroup", member_leave_subgroup, "ID SUBGROUP [--no-commit]",
	  member_group_opts },
	{ NULL, NULL, NULL, NULL }
};

const struct help help_member = {
	NULL,
	N_("A member is members/<id>.yaml.  The id is made from the name (a Hebrew\n"
	"name gets m-XXXX) unless --id gives one.  ROLE is one of facilitator,\n"
	"backbone, member, funder, partner, observer.  Members are never\n"
	"deleted: leave sets the date they left.  list shows those who have not\n"
	"left (--all: everyone).  join and leave-subgroup change the subgroups\n"
	"they are in (convene subgroup add makes one).  edit opens the file in\n"
	"$EDITOR; with --age it sets their age recipient (convene key show\n"
	"prints one's own), which readers add needs.\n"),
	NULL, member_subs,
	NULL
};

int cmd_member(int argc, char **argv, struct store *s)
{
	return run_subcommand("member", member_subs, argc, argv, s);
}
