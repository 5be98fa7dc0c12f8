/*
 * Subgroups and partners: subgroup add, list; partner add, list.  Both
 * are lists in initiative.yaml; who is in a subgroup is in each member's
 * file (member join, member leave-subgroup: cmd/member.c).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "core/domain.h"
#include "core/groups.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/text.h"
#include "store/groupedit.h"
#include "txn.h"

static const struct opt subgroup_add_opts[] = {
	{ 'i', "id", "ID", N_("its id (default: made from the name)"), 0 },
	{ 'd', "description", "TEXT", N_("what it works on"), 0 },
	{ 'l', "lead", "MEMBER", N_("the member who leads it"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static const struct opt partner_add_opts[] = {
	{ 'i', "id", "ID", N_("its id (default: made from the name)"), 0 },
	{ 'k', "kind", "KIND", N_("municipality, school, nonprofit, business, funder,\n"
	  "university, government, community or other"), 0 },
	{ 'c', "contact", "TEXT", N_("who to talk to there"), 0 },
	{ 'e', "email", "E", N_("their email address"), 0 },
	{ 'd', "description", "TEXT", N_("what they bring"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

/*
 * Adds g (its id made from the name when not given) to initiative.yaml
 * and commits it.  what is "subgroup" or "partner", prefix the start of
 * a made id for a name with no Latin letters (Hebrew).
 */
static int add_item(struct store *s, const struct cmd *me, struct group_entry *g,
		    const char *what, const char *prefix, int no_commit)
{
	char idbuf[40], msg[300];
	struct txn_err e;
	struct txn t;
	int rc;

	err_clear(&e.err);
	if (groups_check_entry(g, NULL, &e.err) < 0)
		return report(NULL, &e.err);
	if (!g->id) {
		if (dom_item_id(idbuf, sizeof(idbuf), g->name, prefix) < 0)
			return usage_error(me, _("cannot make an id from '%s'; give one with --id"),
					   g->name);
		g->id = idbuf;
	}
	if ((rc = txn_begin(&t, s, LAYOUT_INITIATIVE, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	txn_err_init(&e);
	rc = group_add(&t, g, what, msg, sizeof(msg), &e);
	if (rc == 0) {
		txn_err_release(&e);
		return txn_commit(&t, msg);
	}
	txn_release(&t);
	if (rc == GROUP_NOT_LIST) {
		err_set(&e.err, ERR_DATA, 0, 0,
			"'%s' in initiative.yaml is not a list, or out of memory", g->key);
		rc = report(NULL, &e.err);
	} else if (rc == GROUP_EXISTS) {
		rc = usage_error(me, !strcmp(what, "subgroup")
				 ? _("a subgroup '%s' exists already; give another id with --id")
				 : _("a partner '%s' exists already; give another id with --id"), g->id);
	} else {
		rc = txn_say_failure(&e, LAYOUT_INITIATIVE);
	}
	txn_err_release(&e);
	return rc;
}

/* The NAME operand of an add: one, UTF-8 text; missing is the message
 * of a usage error. */
static int take_name(const struct cmd *me, int argc, char **argv, const char *missing,
		     const char *id)
{
	size_t bad;

	if (argc - optind != 1 || !argv[optind][0] ||
	    text_check(argv[optind], strlen(argv[optind]), &bad))
		return usage_error(me, "%s", missing);
	if (id && !text_is_id(id))
		return usage_error(me, _("'%s' is not an id: use a-z, 0-9 and '-'"), id);
	return 0;
}

static int subgroup_add(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("subgroup");
	const char *id = NULL, *desc = NULL, *lead = NULL;
	int c, no_commit = 0, rc = 0;

	optind = 0;
	while ((c = opt_next(subgroup_add_opts, argc, argv)) != -1) {
		switch (c) {
		case 'i': rc = once(me, &id, "--id", optarg); break;
		case 'd': rc = once(me, &desc, "--description", optarg); break;
		case 'l': rc = once(me, &lead, "--lead", optarg); break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if ((rc = take_name(me, argc, argv, _("subgroup add takes the subgroup's name"), id)))
		return rc;
	{
		const struct group_field v[] = {
			{ "--description", desc, "description" }, { "--lead", lead, "lead" },
		};
		struct group_entry g = { "subgroups", id, argv[optind], v, 2 };

		return add_item(s, me, &g, "subgroup", "g", no_commit);
	}
}

static void groups_visit(void *ctx, const char *file, const struct doc *doc)
{
	groups_add(ctx, file, doc);  /* sets failed, which visit_initiative reads */
}

/* The subgroups and partners, with each subgroup's members. */
static int load_groups(struct store *s, struct groups *g)
{
	int rc = visit_initiative(s, groups_visit, g, &g->failed);

	groups_finish(g);
	return rc;
}

static int subgroup_list(int argc, char **argv, struct store *s)
{
	struct groups g = { 0 };
	struct buf b = BUF_INIT;
	const char *hid = _("ID"), *hname = _("NAME");
	size_t i, k, wid = text_chars(hid, strlen(hid)), wname = text_chars(hname, strlen(hname));
	struct json_w w;
	int json, rc;

	if ((rc = read_options(argc, argv, "subgroup", 0, &json)) != 0)
		return rc;
	if ((rc = load_groups(s, &g)) != 0)
		goto done;
	if (json) {
		jw_init(&w, &b);
		jw_lines(&w, NULL);
		for (i = 0; i < g.n; i++) {
			const struct group_info *x = &g.v[i];

			jw_object(&w, NULL);
			jw_str(&w, "id", x->id);
			jw_str(&w, "name", x->name);
			jw_opt(&w, "description", x->description);
			jw_opt(&w, "lead", x->lead);
			jw_array(&w, "members");
			for (k = 0; k < x->nmembers; k++)
				jw_str(&w, NULL, x->members[k]);
			jw_end(&w);
			jw_end(&w);
		}
		jw_end(&w);
		buf_addc(&b, '\n');
	} else {
		for (i = 0; i < g.n; i++) {
			if (text_chars(g.v[i].id, strlen(g.v[i].id)) > wid)
				wid = text_chars(g.v[i].id, strlen(g.v[i].id));
			if (text_chars(g.v[i].name, strlen(g.v[i].name)) > wname)
				wname = text_chars(g.v[i].name, strlen(g.v[i].name));
		}
		pad(&b, hid, wid + 2);
		pad(&b, hname, wname + 2);
		buf_addf(&b, "%s\n", _("MEMBERS"));
		for (i = 0; i < g.n; i++) {
			pad(&b, g.v[i].id, wid + 2);
			pad(&b, g.v[i].name, wname + 2);
			buf_addf(&b, "%zu", g.v[i].nmembers);
			for (k = 0; k < g.v[i].nmembers; k++)
				buf_addf(&b, "%s%s", k ? ", " : ": ", g.v[i].members[k]);
			buf_addc(&b, '\n');
		}
	}
	rc = put_out(&b);
done:
	buf_release(&b);
	groups_release(&g);
	return rc;
}

static int partner_add(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("partner");
	const char *id = NULL, *kind = NULL, *contact = NULL, *email = NULL, *desc = NULL;
	int c, no_commit = 0, rc = 0;

	optind = 0;
	while ((c = opt_next(partner_add_opts, argc, argv)) != -1) {
		switch (c) {
		case 'i': rc = once(me, &id, "--id", optarg); break;
		case 'k': rc = once(me, &kind, "--kind", optarg); break;
		case 'c': rc = once(me, &contact, "--contact", optarg); break;
		case 'e': rc = once(me, &email, "--email", optarg); break;
		case 'd': rc = once(me, &desc, "--description", optarg); break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if ((rc = take_name(me, argc, argv, _("partner add takes the partner's name"), id)))
		return rc;
	if (!kind)
		return usage_error(me, "%s", _("partner add needs --kind: municipality, school, nonprofit, business, funder, university, government, community or other"));
	{
		const struct group_field v[] = {
			{ "--kind", kind, "kind" }, { "--contact", contact, "contact" },
			{ "--email", email, "email" }, { "--description", desc, "description" },
		};
		struct group_entry g = { "partners", id, argv[optind], v, 4 };

		return add_item(s, me, &g, "partner", "org", no_commit);
	}
}

static int partner_list(int argc, char **argv, struct store *s)
{
	struct groups g = { 0 };
	struct buf b = BUF_INIT;
	const char *hid = _("ID"), *hname = _("NAME"), *hkind = _("KIND");
	size_t i, wid = text_chars(hid, strlen(hid)), wname = text_chars(hname, strlen(hname));
	size_t wkind = text_chars(hkind, strlen(hkind));
	struct json_w w;
	int json, rc;

	if ((rc = read_options(argc, argv, "partner", 0, &json)) != 0)
		return rc;
	if ((rc = load_groups(s, &g)) != 0)
		goto done;
	if (json) {
		jw_init(&w, &b);
		jw_lines(&w, NULL);
		for (i = 0; i < g.npartners; i++) {
			const struct partner_info *p = &g.partners[i];

			jw_object(&w, NULL);
			jw_str(&w, "id", p->id);
			jw_str(&w, "name", p->name);
			jw_opt(&w, "kind", p->kind);
			jw_opt(&w, "contact", p->contact);
			jw_opt(&w, "email", p->email);
			jw_opt(&w, "description", p->description);
			jw_end(&w);
		}
		jw_end(&w);
		buf_addc(&b, '\n');
	} else {
		for (i = 0; i < g.npartners; i++) {
			const struct partner_info *p = &g.partners[i];

			if (text_chars(p->id, strlen(p->id)) > wid)
				wid = text_chars(p->id, strlen(p->id));
			if (text_chars(p->name, strlen(p->name)) > wname)
				wname = text_chars(p->name, strlen(p->name));
			if (text_chars(p->kind, strlen(p->kind)) > wkind)
				wkind = text_chars(p->kind, strlen(p->kind));
		}
		pad(&b, hid, wid + 2);
		pad(&b, hname, wname + 2);
		pad(&b, hkind, wkind + 2);
		buf_addf(&b, "%s\n", _("CONTACT"));
		for (i = 0; i < g.npartners; i++) {
			const struct partner_info *p = &g.partners[i];

			pad(&b, p->id, wid + 2);
			pad(&b, p->name, wname + 2);
			pad(&b, p->kind[0] ? p->kind : "-", wkind + 2);
			buf_adds(&b, p->contact[0] ? p->contact : "-");
			if (p->email[0])
				buf_addf(&b, " <%s>", p->email);
			buf_addc(&b, '\n');
		}
	}
	rc = put_out(&b);
done:
	buf_release(&b);
	groups_release(&g);
	return rc;
}

static const struct subcmd partner_subs[] = {
	{ "add", partner_add, "NAME --kind KIND [--id ID] [--contact TEXT] [--email E]\n"
	  " [--description TEXT] [--no-commit]",
	  partner_add_opts },
	{ "list", partner_list, "[--json]",
	  opts_json },
	{ NULL, NULL, NULL, NULL }
};

const struct help help_partner = {
	NULL,
	N_("The organisations the initiative works with, in initiative.yaml: the\n"
	"municipality, schools, nonprofits, businesses, funders, universities,\n"
	"government offices, community groups.  KIND is one of municipality,\n"
	"school, nonprofit, business, funder, university, government, community,\n"
	"other.  The id is made from the name (a Hebrew name gets org-XXXX)\n"
	"unless --id gives one.\n"),
	NULL, partner_subs,
	NULL
};

int cmd_partner(int argc, char **argv, struct store *s)
{
	return run_subcommand("partner", partner_subs, argc, argv, s);
}

static const struct subcmd subgroup_subs[] = {
	{ "add", subgroup_add, "NAME [--id ID] [--description TEXT] [--lead MEMBER] [--no-commit]",
	  subgroup_add_opts },
	{ "list", subgroup_list, "[--json]",
	  opts_json },
	{ NULL, NULL, NULL, NULL }
};

const struct help help_subgroup = {
	NULL,
	N_("The initiative's subgroups, in initiative.yaml.  The id is made from the\n"
	"name (a name with no Latin letters, as a Hebrew one, gets g-XXXX) unless\n"
	"--id gives one.  Members join and leave them with 'convene member join'\n"
	"and 'convene member leave-subgroup'; list shows who is in each.\n"),
	NULL, subgroup_subs,
	NULL
};

int cmd_subgroup(int argc, char **argv, struct store *s)
{
	return run_subcommand("subgroup", subgroup_subs, argc, argv, s);
}
