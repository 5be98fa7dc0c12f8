/*
 * The initiative's own lists: principle add, list; outcome add, list,
 * show, indicator, measure.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/outcomes.h"
#include "core/principles.h"
#include "core/text.h"
#include "store/outcomeedit.h"
#include "txn.h"

static const struct opt principle_add_opts[] = {
	{ 'i', "id", "ID", N_("its id (default: made from the name)"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static const struct opt outcome_add_opts[] = {
	{ 'i', "id", "ID", N_("its id (default: made from the name)"), 0 },
	{ 'd', "description", "TEXT", N_("what it means"), 0 },
	{ 'p', "population", "TEXT", N_("who it is for"), 0 },
	{ 'P', "principle", "P", N_("a guiding principle it serves (again for more)"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static const struct opt outcome_indicator_opts[] = {
	{ 'i', "id", "ID", N_("its id (default: made from the name)"), 0 },
	{ 'u', "unit", "U", N_("what it counts in"), 0 },
	{ 'b', "baseline", "N", N_("where it starts"), 0 },
	{ 't', "target", "N", N_("where the group wants it"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static const struct opt outcome_measure_opts[] = {
	{ 'd', "date", "DATE", N_("the day it was measured (default: today)"), 0 },
	{ 'N', "note", "TEXT", N_("a note on the measurement"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static int principle_add(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("principle");
	const char *id = NULL;
	char idbuf[16], at[48], site[64], msg[200];
	struct err err;
	struct txn t;
	int c, no_commit = 0, rc;
	size_t bad;

	optind = 0;
	while ((c = opt_next(principle_add_opts, argc, argv)) != -1) {
		if (c == 'i') {
			if ((rc = once(me, &id, "--id", optarg)))
				return rc;
		} else if (c == 'n') {
			no_commit = 1;
		} else {
			return option_error(me, c, argv);
		}
	}
	if (argc - optind != 1 || !argv[optind][0] ||
	    text_check(argv[optind], strlen(argv[optind]), &bad))
		return usage_error(me, "%s", _("principle add takes the principle's text"));
	if (id && !text_is_id(id))
		return usage_error(me, _("'%s' is not an id"), id);
	if (!id) {
		if (principles_new_id(idbuf, sizeof(idbuf)) < 0)
			return usage_error(me, "%s", _("cannot make an id; give one with --id"));
		id = idbuf;
	}
	if ((rc = txn_begin(&t, s, LAYOUT_INITIATIVE, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	now_stamp(at, sizeof(at));
	snprintf(site, sizeof(site), "%s", store_site(s));
	rc = principle_add_apply(&t, id, argv[optind], site, at, msg, sizeof(msg));
	if (rc == 0)
		return txn_commit(&t, msg);
	txn_release(&t);
	if (rc == LIST_EXISTS)
		return usage_error(me, _("a principle '%s' exists already"), id);
	err_set(&err, ERR_DATA, 0, 0, "'%s' in initiative.yaml is not a list, or out of memory",
		"principles");
	return report(NULL, &err);
}

static int principle_list(int argc, char **argv, struct store *s)
{
	struct principles list = { 0 };
	struct buf b = BUF_INIT;
	struct json_w w;
	struct doc *doc;
	struct err err;
	int json, rc;
	size_t i;

	if ((rc = read_options(argc, argv, "principle", 0, &json)) != 0)
		return rc;
	err_clear(&err);
	if (load_file(s, LAYOUT_INITIATIVE, &doc, NULL, &err) < 0)
		return report(err.line ? LAYOUT_INITIATIVE : NULL, &err);
	if (principles_read(&list, doc) < 0) {
		doc_free(doc);
		return out_of_memory();
	}
	jw_init(&w, &b);
	if (json)
		jw_lines(&w, NULL);
	for (i = 0; i < list.n; i++) {
		const char *id = list.v[i].id, *text = list.v[i].text;

		if (json) {
			jw_object(&w, NULL);
			jw_str(&w, "id", id ? id : "");
			jw_str(&w, "text", text ? text : "");
			jw_end(&w);
		} else {
			pad(&b, id ? id : "?", 14);
			buf_addf(&b, "%s\n", text ? text : "");
		}
	}
	if (json) {
		jw_end(&w);
		buf_addc(&b, '\n');
	}
	rc = put_out(&b);
	buf_release(&b);
	principles_release(&list);
	doc_free(doc);
	return rc;
}

static const struct subcmd principle_subs[] = {
	{ "add", principle_add, "TEXT [--id ID] [--no-commit]",
	  principle_add_opts },
	{ "list", principle_list, "[--json]",
	  opts_json },
	{ NULL, NULL, NULL, NULL }
};

const struct help help_principle = {
	NULL,
	N_("The group's guiding principles, in initiative.yaml.\n"),
	NULL, principle_subs,
	NULL
};

int cmd_principle(int argc, char **argv, struct store *s)
{
	return run_subcommand("principle", principle_subs, argc, argv, s);
}

/* ---- outcomes ---- */

static int outcome_add(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("outcome");
	const char *principles[32];
	struct outcome_new o = { 0 };
	char idbuf[40], file[128], msg[300];
	struct txn_err e;
	struct txn t;
	int c, no_commit = 0, rc = 0;
	size_t bad;

	optind = 0;
	while ((c = opt_next(outcome_add_opts, argc, argv)) != -1) {
		switch (c) {
		case 'i': rc = once(me, &o.id, "--id", optarg); break;
		case 'd': rc = once(me, &o.description, "--description", optarg); break;
		case 'p': rc = once(me, &o.population, "--population", optarg); break;
		case 'n': no_commit = 1; break;
		case 'P':
			if (o.np == sizeof(principles) / sizeof(principles[0]))
				return usage_error(me, "%s", _("too many --principle"));
			principles[o.np++] = optarg;
			break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 1 || !argv[optind][0] ||
	    text_check(argv[optind], strlen(argv[optind]), &bad))
		return usage_error(me, "%s", _("outcome add takes the outcome's title"));
	if (o.id && !text_is_id(o.id))
		return usage_error(me, _("'%s' is not an id"), o.id);
	o.title = argv[optind];
	o.principles = principles;
	err_clear(&e.err);
	if (outcome_check_new(&o, NULL, &e.err) < 0)
		return report(NULL, &e.err);
	if (!o.id) {
		if (dom_item_id(idbuf, sizeof(idbuf), o.title, "o") < 0)
			return usage_error(me, "%s", _("cannot make an id; give one with --id"));
		o.id = idbuf;
	}
	layout_outcome_file(file, sizeof(file), o.id);
	if ((rc = txn_begin(&t, s, file, TXN_CREATE)) != 0)
		return rc;
	t.no_commit = no_commit;
	txn_err_init(&e);
	return txn_finish(&t, outcome_create(&t, &o, msg, sizeof(msg), &e), msg, &e);
}

static int outcome_indicator(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("outcome");
	struct indicator_new in = { 0 };
	char idbuf[40], file[128], msg[300];
	struct err err;
	struct txn t;
	int c, no_commit = 0, rc = 0;

	optind = 0;
	while ((c = opt_next(outcome_indicator_opts, argc, argv)) != -1) {
		switch (c) {
		case 'i': rc = once(me, &in.id, "--id", optarg); break;
		case 'u': rc = once(me, &in.unit, "--unit", optarg); break;
		case 'b': rc = once(me, &in.baseline, "--baseline", optarg); break;
		case 't': rc = once(me, &in.target, "--target", optarg); break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 2 || !text_is_id(argv[optind]))
		return usage_error(me, "%s",
				   _("outcome indicator takes an outcome's id and the indicator's name"));
	if (in.id && !text_is_id(in.id))
		return usage_error(me, _("'%s' is not an id"), in.id);
	in.outcome = argv[optind];
	in.name = argv[optind + 1];
	err_clear(&err);
	if (indicator_check_new(&in, &err) < 0)
		return report(NULL, &err);
	if (!in.id) {
		if (dom_item_id(idbuf, sizeof(idbuf), in.name, "i") < 0)
			return usage_error(me, "%s", _("cannot make an id; give one with --id"));
		in.id = idbuf;
	}
	layout_outcome_file(file, sizeof(file), in.outcome);
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	rc = indicator_add_apply(&t, &in, msg, sizeof(msg));
	if (rc == 0)
		return txn_commit(&t, msg);
	txn_release(&t);
	if (rc == LIST_EXISTS)
		return usage_error(me, _("%s has an indicator '%s' already"), file, in.id);
	err_set(&err, ERR_DATA, 0, 0, "'%s' in %s is not a list, or out of memory", "indicators",
		file);
	return report(NULL, &err);
}

static int outcome_measure(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("outcome");
	struct measurement_new m = { 0 };
	char file[128], day[11], msg[300];
	struct txn_err e;
	struct txn t;
	int c, no_commit = 0, rc = 0;

	optind = 0;
	while ((c = opt_next(outcome_measure_opts, argc, argv)) != -1) {
		switch (c) {
		case 'd': rc = once(me, &m.date, "--date", optarg); break;
		case 'N': rc = once(me, &m.note, "--note", optarg); break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 3 || !text_is_id(argv[optind]) || !text_is_id(argv[optind + 1]))
		return usage_error(me, "%s",
				   _("outcome measure takes an outcome, an indicator and a value"));
	m.outcome = argv[optind];
	m.indicator = argv[optind + 1];
	m.value = argv[optind + 2];
	err_clear(&e.err);
	if (measurement_check_new(&m, &e.err) < 0)
		return report(NULL, &e.err);
	today(day);
	if (!m.date)
		m.date = day;
	layout_outcome_file(file, sizeof(file), m.outcome);
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	txn_err_init(&e);
	rc = measurement_add_apply(&t, &m, msg, sizeof(msg), &e);
	if (rc == LIST_NO_INDICATOR || rc == LIST_NOT_LIST) {
		txn_release(&t);
		txn_err_release(&e);
		if (rc == LIST_NOT_LIST) {
			err_set(&e.err, ERR_DATA, 0, 0, "'%s' in %s is not a list, or out of memory",
				"measurements", file);
		} else {
			err_set(&e.err, ERR_DATA, 0, 0, "%s has no indicator '%s'", file, m.indicator);
			err_hint(&e.err, "add it: convene outcome indicator %s NAME --id %s", m.outcome,
				 m.indicator);
		}
		return report(NULL, &e.err);
	}
	return txn_finish(&t, rc, msg, &e);
}

struct outcome_rows {
	struct buf b;
	struct json_w w;
	int json;
};

static void outcome_visit(void *ctx, const char *file, const struct doc *doc)
{
	struct outcome_rows *o = ctx;
	struct outcome_info r;
	size_t n;

	if (!outcome_info(&r, file, doc))
		return;
	n = r.indicators;
	if (o->json) {
		jw_object(&o->w, NULL);
		jw_str(&o->w, "id", r.id ? r.id : "");
		jw_str(&o->w, "title", r.title ? r.title : "");
		jw_str(&o->w, "status", r.status ? r.status : "");
		jw_uint(&o->w, "indicators", n);
		jw_end(&o->w);
	} else {
		pad(&o->b, r.id ? r.id : "?", 16);
		pad(&o->b, r.status ? r.status : "-", 10);
		/* TRANSLATORS: the singular ends in spaces, so that the titles
		 * after it line up with those after the plural */
		buf_addf(&o->b, ngettext("%zu indicator ", "%zu indicators", n), n);
		buf_addf(&o->b, "  %s\n", r.title ? r.title : "");
	}
}

static int outcome_list(int argc, char **argv, struct store *s)
{
	struct outcome_rows o = { BUF_INIT };
	int rc;

	if ((rc = read_options(argc, argv, "outcome", 0, &o.json)) != 0)
		return rc;
	jw_init(&o.w, &o.b);
	if (o.json)
		jw_lines(&o.w, NULL);
	if ((rc = visit_initiative(s, outcome_visit, &o, NULL)) == 0) {
		if (o.json) {
			jw_end(&o.w);
			buf_addc(&o.b, '\n');
		}
		rc = put_out(&o.b);
	}
	buf_release(&o.b);
	return rc;
}

static int outcome_show(int argc, char **argv, struct store *s)
{
	return show_file(argc, argv, s, "outcome", LAYOUT_OUTCOMES);
}

static const struct subcmd outcome_subs[] = {
	{ "add", outcome_add, "TITLE [--id ID] [--description TEXT] [--population TEXT]\n"
	  " [--principle P]... [--no-commit]",
	  outcome_add_opts },
	{ "list", outcome_list, "[--json]",
	  opts_json },
	{ "show", outcome_show, "ID [--json]",
	  opts_json },
	{ "indicator", outcome_indicator, "OUTCOME NAME [--id ID] [--unit U] [--baseline N]\n"
	  " [--target N] [--no-commit]",
	  outcome_indicator_opts },
	{ "measure", outcome_measure, "OUTCOME INDICATOR VALUE [--date DATE] [--note TEXT]\n"
	  " [--no-commit]",
	  outcome_measure_opts },
	{ NULL, NULL, NULL, NULL }
};

const struct help help_outcome = {
	NULL,
	N_("An outcome is outcomes/<id>.yaml, with indicators that carry a baseline,\n"
	"a target and dated measurements.\n"),
	NULL, outcome_subs,
	NULL
};

int cmd_outcome(int argc, char **argv, struct store *s)
{
	return run_subcommand("outcome", outcome_subs, argc, argv, s);
}
