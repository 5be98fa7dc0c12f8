/*
 * The people family: member add, list, show, edit, leave; join and
 * leave-subgroup.  Members are
 * never deleted: leaving sets `left:`, so history and references hold.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/members.h"
#include "core/text.h"
#include "txn.h"

static const struct opt member_add_opts[] = {
	{ 'i', "id", "ID", "its id (default: made from the name)", 0 },
	{ 'o', "org", "ORG", "the organisation they come from", 0 },
	{ 'r', "role", "ROLE", "facilitator, backbone, member, funder, partner or observer", 0 },
	{ 'e', "email", "E", "their email address", 0 },
	{ 'p', "phone", "P", "their phone number", 0 },
	{ 'h', "can-host", NULL, "their site can host a meeting", 0 },
	{ 'a', "address", "A", "the address of their site", 0 },
	{ 's', "subgroup", "S", "a subgroup they are in (again for more)", 0 },
	{ 'j', "joined", "DATE", "the day they joined (default: today)", 0 },
	{ 'n', "no-commit", NULL, "leave the change staged instead of committing it", 0 },
	OPT_END
};

static const struct opt member_list_opts[] = {
	{ 'j', "json", NULL, "print JSON, for scripts", 0 },
	{ 'a', "all", NULL, "those who left too", 0 },
	OPT_END
};

static const struct opt member_leave_opts[] = {
	{ 'd', "date", "DATE", "the day they left (default: today)", 0 },
	{ 'n', "no-commit", NULL, "leave the change staged instead of committing it", 0 },
	OPT_END
};

static const struct opt member_edit_opts[] = {
	{ 'a', "age", "KEY", "set their age recipient (age1...), for confidential interviews", 0 },
	{ 'n', "no-commit", NULL, "leave the change staged instead of committing it", 0 },
	OPT_END
};

static const struct opt member_group_opts[] = {
	{ 'n', "no-commit", NULL, "leave the change staged instead of committing it", 0 },
	OPT_END
};

static int member_exists(void *ctx, const char *id)
{
	char path[128];
	struct err err;

	/* only a file that can be read takes the id */
	layout_member_file(path, sizeof(path), id);
	return store_exists(ctx, path, &err) > 0;
}

static int member_add(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("member");
	const char *id = NULL, *org = NULL, *role = NULL, *email = NULL, *phone = NULL;
	const char *address = NULL, *joined = NULL, *subgroups[32];
	char idbuf[72], file[128], day[11], msg[300];
	size_t nsub = 0, i, bad;
	int c, host = 0, no_commit = 0, rc = 0;
	struct doc_node *r, *seq;
	struct txn t;

	optind = 0;
	while ((c = opt_next(member_add_opts, argc, argv)) != -1) {
		switch (c) {
		case 'i': rc = once(me, &id, "--id", optarg); break;
		case 'o': rc = once(me, &org, "--org", optarg); break;
		case 'r': rc = once(me, &role, "--role", optarg); break;
		case 'e': rc = once(me, &email, "--email", optarg); break;
		case 'p': rc = once(me, &phone, "--phone", optarg); break;
		case 'h': host = 1; break;
		case 'a': rc = once(me, &address, "--address", optarg); break;
		case 'j': rc = once(me, &joined, "--joined", optarg); break;
		case 'n': no_commit = 1; break;
		case 's':
			if (nsub == sizeof(subgroups) / sizeof(subgroups[0]))
				return usage_error(me, "too many --subgroup");
			subgroups[nsub++] = optarg;
			break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 1)
		return usage_error(me, "member add takes the member's name");
	if (text_check(argv[optind], strlen(argv[optind]), &bad) || !argv[optind][0])
		return usage_error(me, "the name must be UTF-8 text");
	if (id && !text_is_id(id))
		return usage_error(me, "'%s' is not an id: use a-z, 0-9 and '-'", id);
	{
		const struct optfield fields[] = {
			{ "NAME", argv[optind], "name" }, { "--org", org, "organization" },
			{ "--role", role, "role" }, { "--email", email, "email" },
			{ "--phone", phone, "phone" }, { "--address", address, "address" },
			{ "--joined", joined, "joined" },
		};

		if ((rc = check_options(KIND_MEMBER, fields, sizeof(fields) / sizeof(fields[0]), NULL)))
			return rc;
	}
	for (i = 0; i < nsub; i++)
		if ((rc = check_option(KIND_MEMBER, "--subgroup", subgroups[i], "subgroups", NULL)))
			return rc;
	if (!id) {
		if (dom_member_id(idbuf, sizeof(idbuf), argv[optind], member_exists, s) < 0)
			return usage_error(me, "cannot make an id from '%s'; give one with --id", argv[optind]);
		id = idbuf;
	}
	layout_member_file(file, sizeof(file), id);
	if ((rc = txn_begin(&t, s, file, TXN_CREATE)) != 0)
		return rc;
	for (i = 0; i < nsub; i++)
		if ((rc = check_option(KIND_MEMBER, "--subgroup", subgroups[i], "subgroups", t.ids))) {
			txn_release(&t);
			return rc;
		}
	t.no_commit = no_commit;
	r = t.doc->root;
	today(day);
	if (dom_put(t.doc, KIND_MEMBER, NULL, 0, r, "id", dom_str(t.doc, id)) < 0 ||
	    dom_put(t.doc, KIND_MEMBER, NULL, 0, r, "name", dom_str(t.doc, argv[optind])) < 0 ||
	    (org && dom_put(t.doc, KIND_MEMBER, NULL, 0, r, "organization", dom_str(t.doc, org)) < 0) ||
	    dom_put(t.doc, KIND_MEMBER, NULL, 0, r, "role", dom_str(t.doc, role ? role : "member")) < 0 ||
	    (email && dom_put(t.doc, KIND_MEMBER, NULL, 0, r, "email", dom_str(t.doc, email)) < 0) ||
	    (phone && dom_put(t.doc, KIND_MEMBER, NULL, 0, r, "phone", dom_str(t.doc, phone)) < 0) ||
	    (host && dom_put(t.doc, KIND_MEMBER, NULL, 0, r, "can_host", dom_plain(t.doc, "true")) < 0) ||
	    (address && dom_put(t.doc, KIND_MEMBER, NULL, 0, r, "address", dom_str(t.doc, address)) < 0) ||
	    dom_put(t.doc, KIND_MEMBER, NULL, 0, r, "joined", dom_str(t.doc, joined ? joined : day)) < 0)
		goto oom;
	if (nsub) {
		if (!(seq = dom_seq(t.doc, KIND_MEMBER, NULL, 0, r, "subgroups")))
			goto oom;
		for (i = 0; i < nsub; i++)
			doc_seq_append(seq, dom_str(t.doc, subgroups[i]));
	}
	snprintf(msg, sizeof(msg), "member added: %s (%s)", argv[optind], id);
	return txn_commit(&t, msg);
oom:
	txn_release(&t);
	return out_of_memory();
}

static void members_visit(void *ctx, const char *file, const struct doc *doc)
{
	members_add(ctx, file, doc);  /* sets failed, which visit_initiative reads */
}

static int member_list(int argc, char **argv, struct store *s)
{
	struct members rows = { 0 };
	struct buf b = BUF_INIT;
	size_t i, w[3] = { 2, 4, 4 };
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
		return usage_error(cmd_find("member"), "member list takes no arguments");
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
		for (i = 0; i < rows.n; i++) {
			size_t k;
			const char *cols[3] = { rows.v[i].id, rows.v[i].name, rows.v[i].role };

			for (k = 0; k < 3; k++)
				if (text_chars(cols[k], strlen(cols[k])) > w[k])
					w[k] = text_chars(cols[k], strlen(cols[k]));
		}
		pad(&b, "ID", w[0] + 2);
		pad(&b, "NAME", w[1] + 2);
		pad(&b, "ROLE", w[2] + 2);
		buf_adds(&b, "HOST  ORGANIZATION\n");
		for (i = 0; i < rows.n; i++) {
			const struct member_info *m = &rows.v[i];

			pad(&b, m->id, w[0] + 2);
			pad(&b, m->name, w[1] + 2);
			pad(&b, m->role, w[2] + 2);
			pad(&b, m->can_host ? "yes" : "-", 6);
			buf_adds(&b, m->org);
			if (m->left[0])
				buf_addf(&b, " (left %s)", m->left);
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
		return usage_error(me, "member leave takes a member's id");
	if ((rc = check_option(KIND_MEMBER, "--date", date, "left", NULL)))
		return rc;
	layout_member_file(file, sizeof(file), argv[optind]);
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	today(day);
	if (dom_put(t.doc, KIND_MEMBER, NULL, 0, t.doc->root, "left",
		    dom_str(t.doc, date ? date : day)) < 0) {
		txn_release(&t);
		return out_of_memory();
	}
	snprintf(msg, sizeof(msg), "member left: %s", argv[optind]);
	return txn_commit(&t, msg);
}

/*
 * member join and leave-subgroup: who is in a subgroup is in the member's
 * own file, so two sites that add different members to one subgroup
 * change different files, and their edits merge without a conflict.
 */
static int member_subgroup(int argc, char **argv, struct store *s, int join)
{
	const struct cmd *me = cmd_find("member");
	const char *sub = join ? "join" : "leave-subgroup";
	struct doc_node *seq, *e;
	char file[128], msg[300];
	int c, no_commit = 0, rc;
	struct txn t;

	optind = 0;
	while ((c = opt_next(member_group_opts, argc, argv)) != -1) {
		if (c == 'n')
			no_commit = 1;
		else
			return option_error(me, c, argv);
	}
	if (argc - optind != 2 || !text_is_id(argv[optind]))
		return usage_error(me, "member %s takes a member's id and a subgroup's id", sub);
	if ((rc = check_option(KIND_MEMBER, "SUBGROUP", argv[optind + 1], "subgroups", NULL)))
		return rc;
	layout_member_file(file, sizeof(file), argv[optind]);
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	/* one that is not in the initiative: "did you mean" (leaving one that
	 * is gone is fine: that is how a stale reference is mended) */
	if (join && (rc = check_option(KIND_MEMBER, "SUBGROUP", argv[optind + 1], "subgroups",
				       t.ids))) {
		txn_release(&t);
		return rc;
	}
	if (!(seq = dom_seq(t.doc, KIND_MEMBER, NULL, 0, t.doc->root, "subgroups"))) {
		txn_release(&t);
		fprintf(stderr, "convene: error: 'subgroups' in %s is not a list, or out of memory\n",
			file);
		return EXIT_DATA;
	}
	if ((rc = txn_refuse_conflict(&t, seq, "subgroups"))) {
		txn_release(&t);
		return rc;
	}
	for (e = seq->head; e; e = e->next)
		if (e->kind == DOC_SCALAR && !strcmp(e->str, argv[optind + 1]))
			break;
	if (join && e) {
		txn_release(&t);
		note("nothing to change: %s is in %s already", argv[optind], argv[optind + 1]);
		return EXIT_OK;
	}
	if (!join && !e) {
		txn_release(&t);
		fprintf(stderr, "convene: error: %s is not in subgroup '%s'\n", argv[optind],
			argv[optind + 1]);
		fprintf(stderr, "convene: hint: 'convene get %s:subgroups' lists the subgroups they are in\n",
			file);
		return EXIT_DATA;
	}
	if (join) {
		if (!(e = dom_str(t.doc, argv[optind + 1]))) {
			txn_release(&t);
			return out_of_memory();
		}
		doc_seq_append(seq, e);
	} else {
		doc_remove(e);
		if (!seq->head)
			doc_remove(seq);  /* no empty list left behind */
	}
	snprintf(msg, sizeof(msg), "subgroup %s: %s %s", argv[optind + 1], argv[optind],
		 join ? "joined" : "left");
	return txn_commit(&t, msg);
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
		return usage_error(me, "member edit takes a member's id");
	layout_member_file(file, sizeof(file), argv[optind]);
	if (!age) {
		if (no_commit)
			return usage_error(me, "--no-commit goes with --age");
		return edit_file(s, file);
	}
	if ((rc = check_option(KIND_MEMBER, "--age", age, "age", NULL)))
		return rc;
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	if (dom_put(t.doc, KIND_MEMBER, NULL, 0, t.doc->root, "age", dom_str(t.doc, age)) < 0) {
		txn_release(&t);
		return out_of_memory();
	}
	snprintf(msg, sizeof(msg), "member %s: age recipient", argv[optind]);
	return txn_commit(&t, msg);
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
	"A member is members/<id>.yaml.  The id is made from the name (a Hebrew\n"
	"name gets m-XXXX) unless --id gives one.  ROLE is one of facilitator,\n"
	"backbone, member, funder, partner, observer.  Members are never\n"
	"deleted: leave sets the date they left.  list shows those who have not\n"
	"left (--all: everyone).  join and leave-subgroup change the subgroups\n"
	"they are in (convene subgroup add makes one).  edit opens the file in\n"
	"$EDITOR; with --age it sets their age recipient (convene key show\n"
	"prints one's own), which readers add needs.\n",
	NULL, member_subs,
	NULL
};

int cmd_member(int argc, char **argv, struct store *s)
{
	return run_subcommand("member", member_subs, argc, argv, s);
}
