/*
 * The people family: member add, list, show, edit, leave.  Members are
 * never deleted: leaving sets `left:`, so history and references hold.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/text.h"
#include "txn.h"

const char usage_member[] =
	"usage: convene member add NAME [--id ID] [--org ORG] [--role ROLE] [--email E]\n"
	"                          [--phone P] [--can-host] [--address A] [--subgroup S]...\n"
	"                          [--joined DATE] [--no-commit]\n"
	"       convene member list [--all] [--json]\n"
	"       convene member show ID [--json]\n"
	"       convene member edit ID\n"
	"       convene member leave ID [--date DATE] [--no-commit]\n"
	"\n"
	"A member is members/<id>.yaml.  The id is made from the name (a Hebrew\n"
	"name gets m-XXXX) unless --id gives one.  ROLE is one of facilitator,\n"
	"backbone, member, funder, partner, observer.  Members are never\n"
	"deleted: leave sets the date they left.  list shows those who have not\n"
	"left (--all: everyone).\n";

static int member_exists(void *ctx, const char *id)
{
	struct store *s = ctx;
	char path[128], *data;
	size_t len;
	struct err err;

	snprintf(path, sizeof(path), "members/%s.yaml", id);
	if (store_read(s, path, &data, &len, &err) < 0)
		return 0;
	free(data);
	return 1;
}

static int member_add(int argc, char **argv, struct store *s)
{
	static const struct option opts[] = {
		{ "id", required_argument, NULL, 'i' }, { "org", required_argument, NULL, 'o' },
		{ "role", required_argument, NULL, 'r' }, { "email", required_argument, NULL, 'e' },
		{ "phone", required_argument, NULL, 'p' }, { "can-host", no_argument, NULL, 'h' },
		{ "address", required_argument, NULL, 'a' },
		{ "subgroup", required_argument, NULL, 's' },
		{ "joined", required_argument, NULL, 'j' },
		{ "no-commit", no_argument, NULL, 'n' }, { NULL, 0, NULL, 0 }
	};
	const struct cmd *me = cmd_find("member");
	const char *id = NULL, *org = NULL, *role = NULL, *email = NULL, *phone = NULL;
	const char *address = NULL, *joined = NULL, *subgroups[32];
	char idbuf[72], file[128], day[11], msg[300];
	size_t nsub = 0, i, bad;
	int c, host = 0, no_commit = 0, rc = 0;
	struct doc_node *r, *seq;
	struct txn t;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
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
	snprintf(file, sizeof(file), "members/%s.yaml", id);
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
	fprintf(stderr, "convene: error: out of memory\n");
	return EXIT_INTERNAL;
}

struct member_row {
	char *id, *name, *role, *org, *left;
	int host;
};

struct member_rows {
	struct member_row *v;
	size_t n;
	int all, failed;
};

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

static void member_visit(void *ctx, const char *file, const struct doc *doc)
{
	struct member_rows *rows = ctx;
	const struct doc_node *r = doc->root;
	struct member_row *m, *nv;

	if (schema_kind_of(file) != KIND_MEMBER || !r || r->kind != DOC_MAP)
		return;
	if (dom_text(r, "left") && !rows->all)
		return;
	if (!(nv = realloc(rows->v, (rows->n + 1) * sizeof(*nv)))) {
		rows->failed = 1;
		return;
	}
	rows->v = nv;
	m = &nv[rows->n++];
	m->id = dup_or_empty(dom_text(r, "id"));
	m->name = dup_or_empty(dom_text(r, "name"));
	m->role = dup_or_empty(dom_text(r, "role"));
	m->org = dup_or_empty(dom_text(r, "organization"));
	m->left = dup_or_empty(dom_text(r, "left"));
	m->host = dom_flag(r, "can_host");
	if (!m->id || !m->name || !m->role || !m->org || !m->left)
		rows->failed = 1;
}

static void rows_release(struct member_rows *rows)
{
	size_t i;

	for (i = 0; i < rows->n; i++) {
		free(rows->v[i].id);
		free(rows->v[i].name);
		free(rows->v[i].role);
		free(rows->v[i].org);
		free(rows->v[i].left);
	}
	free(rows->v);
}

static int row_cmp(const void *a, const void *b)
{
	return strcmp(((const struct member_row *)a)->id, ((const struct member_row *)b)->id);
}

static void json_field(struct buf *b, const char *key, const char *value, int first)
{
	buf_addf(b, "%s\"%s\":", first ? "" : ",", key);
	if (value && *value)
		json_str(b, value, strlen(value));
	else
		buf_adds(b, "null");
}

static int member_list(int argc, char **argv, struct store *s)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' }, { "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct member_rows rows = { 0 };
	struct buf b = BUF_INIT;
	size_t i, w[3] = { 2, 4, 4 };
	int json = 0, c, rc;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'a')
			rows.all = 1;
		else
			return option_error(cmd_find("member"), c, argv);
	}
	if (optind < argc)
		return usage_error(cmd_find("member"), "member list takes no arguments");
	if ((rc = visit_initiative(s, member_visit, &rows, &rows.failed)) != 0)
		goto done;
	if (rows.n)
		qsort(rows.v, rows.n, sizeof(*rows.v), row_cmp);
	if (json) {
		buf_addc(&b, '[');
		for (i = 0; i < rows.n; i++) {
			const struct member_row *m = &rows.v[i];

			buf_adds(&b, i ? ",\n {" : "\n {");
			json_field(&b, "id", m->id, 1);
			json_field(&b, "name", m->name, 0);
			json_field(&b, "role", m->role, 0);
			json_field(&b, "organization", m->org, 0);
			buf_addf(&b, ",\"can_host\":%s", m->host ? "true" : "false");
			json_field(&b, "left", m->left, 0);
			buf_addc(&b, '}');
		}
		buf_adds(&b, rows.n ? "\n]\n" : "]\n");
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
			const struct member_row *m = &rows.v[i];

			pad(&b, m->id, w[0] + 2);
			pad(&b, m->name, w[1] + 2);
			pad(&b, m->role, w[2] + 2);
			pad(&b, m->host ? "yes" : "-", 6);
			buf_adds(&b, m->org);
			if (m->left[0])
				buf_addf(&b, " (left %s)", m->left);
			buf_addc(&b, '\n');
		}
	}
	rc = put_out(&b);
done:
	buf_release(&b);
	rows_release(&rows);
	return rc;
}

static int member_leave(int argc, char **argv, struct store *s)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "no-commit", no_argument, NULL, 'n' }, { NULL, 0, NULL, 0 }
	};
	const struct cmd *me = cmd_find("member");
	const char *date = NULL;
	char file[128], day[11], msg[300];
	int c, no_commit = 0, rc;
	struct txn t;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
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
	snprintf(file, sizeof(file), "members/%s.yaml", argv[optind]);
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	today(day);
	if (dom_put(t.doc, KIND_MEMBER, NULL, 0, t.doc->root, "left",
		    dom_str(t.doc, date ? date : day)) < 0) {
		txn_release(&t);
		fprintf(stderr, "convene: error: out of memory\n");
		return EXIT_INTERNAL;
	}
	snprintf(msg, sizeof(msg), "member left: %s", argv[optind]);
	return txn_commit(&t, msg);
}

static int member_show(int argc, char **argv, struct store *s)
{
	return show_file(argc, argv, s, "member", "members");
}

static int member_edit(int argc, char **argv, struct store *s)
{
	char file[128];

	if (argc != 2 || !text_is_id(argv[1]))
		return usage_error(cmd_find("member"), "member edit takes a member's id");
	snprintf(file, sizeof(file), "members/%s.yaml", argv[1]);
	return edit_file(s, file);
}

int cmd_member(int argc, char **argv, struct store *s)
{
	static const struct subcmd table[] = {
		{ "add", member_add }, { "list", member_list }, { "show", member_show },
		{ "edit", member_edit }, { "leave", member_leave }, { NULL, NULL }
	};

	return run_subcommand("member", table, argc, argv, s);
}
