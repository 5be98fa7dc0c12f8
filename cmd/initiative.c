/*
 * The initiative's own lists: principle add, list; outcome add, list,
 * show, indicator, measure.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/outcomes.h"
#include "core/text.h"
#include "txn.h"

static const struct opt principle_add_opts[] = {
	{ 'i', "id", "ID", "its id (default: made from the name)", 0 },
	{ 'n', "no-commit", NULL, "leave the change staged instead of committing it", 0 },
	OPT_END
};

static const struct opt outcome_add_opts[] = {
	{ 'i', "id", "ID", "its id (default: made from the name)", 0 },
	{ 'd', "description", "TEXT", "what it means", 0 },
	{ 'p', "population", "TEXT", "who it is for", 0 },
	{ 'P', "principle", "P", "a guiding principle it serves (again for more)", 0 },
	{ 'n', "no-commit", NULL, "leave the change staged instead of committing it", 0 },
	OPT_END
};

static const struct opt outcome_indicator_opts[] = {
	{ 'i', "id", "ID", "its id (default: made from the name)", 0 },
	{ 'u', "unit", "U", "what it counts in", 0 },
	{ 'b', "baseline", "N", "where it starts", 0 },
	{ 't', "target", "N", "where the group wants it", 0 },
	{ 'n', "no-commit", NULL, "leave the change staged instead of committing it", 0 },
	OPT_END
};

static const struct opt outcome_measure_opts[] = {
	{ 'd', "date", "DATE", "the day it was measured (default: today)", 0 },
	{ 'N', "note", "TEXT", "a note on the measurement", 0 },
	{ 'n', "no-commit", NULL, "leave the change staged instead of committing it", 0 },
	OPT_END
};

static int principle_add(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("principle");
	const char *keys[] = { "principles" };
	const char *id = NULL;
	char idbuf[16], at[48], site[64], msg[200];
	struct doc_node *seq, *e;
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
		return usage_error(me, "principle add takes the principle's text");
	if (id && !text_is_id(id))
		return usage_error(me, "'%s' is not an id", id);
	if (!id) {
		char hex[9];

		if (dom_random_id(hex) < 0)
			return usage_error(me, "cannot make an id; give one with --id");
		snprintf(idbuf, sizeof(idbuf), "p-%s", hex);
		id = idbuf;
	}
	if ((rc = txn_begin(&t, s, LAYOUT_INITIATIVE, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	now_stamp(at, sizeof(at));
	snprintf(site, sizeof(site), "%s", store_site(s));
	if (!(seq = dom_seq(t.doc, KIND_INITIATIVE, NULL, 0, t.doc->root, "principles")) ||
	    !(e = doc_map(t.doc)) ||
	    dom_put(t.doc, KIND_INITIATIVE, keys, 1, e, "id", dom_str(t.doc, id)) < 0 ||
	    dom_put(t.doc, KIND_INITIATIVE, keys, 1, e, "text", dom_str(t.doc, argv[optind])) < 0 ||
	    (site[0] && dom_put(t.doc, KIND_INITIATIVE, keys, 1, e, "site", dom_str(t.doc, site)) < 0) ||
	    dom_put(t.doc, KIND_INITIATIVE, keys, 1, e, "at", dom_str(t.doc, at)) < 0) {
		txn_release(&t);
		fprintf(stderr, "convene: error: 'principles' in initiative.yaml is not a list, or out of memory\n");
		return EXIT_DATA;
	}
	if (doc_find_id(seq, id)) {
		txn_release(&t);
		return usage_error(me, "a principle '%s' exists already", id);
	}
	doc_seq_append(seq, e);
	snprintf(msg, sizeof(msg), "principle added: %s", id);
	return txn_commit(&t, msg);
}

static int principle_list(int argc, char **argv, struct store *s)
{
	const struct doc_node *seq, *p;
	struct buf b = BUF_INIT;
	struct json_w w;
	struct doc *doc;
	struct err err;
	int json, rc;

	if ((rc = read_options(argc, argv, "principle", 0, &json)) != 0)
		return rc;
	err_clear(&err);
	if (load_file(s, LAYOUT_INITIATIVE, &doc, NULL, &err) < 0)
		return report(err.line ? LAYOUT_INITIATIVE : NULL, &err);
	seq = doc_get(doc->root, "principles");
	jw_init(&w, &b);
	if (json)
		jw_lines(&w, NULL);
	for (p = seq && seq->kind == DOC_SEQ ? seq->head : NULL; p; p = p->next) {
		const char *id = dom_text(p, "id"), *text = dom_text(p, "text");

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
	"The group's guiding principles, in initiative.yaml.\n",
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
	const char *id = NULL, *desc = NULL, *pop = NULL, *principles[32];
	char idbuf[40], file[128], msg[300];
	struct doc_node *r, *seq;
	size_t np = 0, i, bad;
	struct txn t;
	int c, no_commit = 0, rc = 0;

	optind = 0;
	while ((c = opt_next(outcome_add_opts, argc, argv)) != -1) {
		switch (c) {
		case 'i': rc = once(me, &id, "--id", optarg); break;
		case 'd': rc = once(me, &desc, "--description", optarg); break;
		case 'p': rc = once(me, &pop, "--population", optarg); break;
		case 'n': no_commit = 1; break;
		case 'P':
			if (np == sizeof(principles) / sizeof(principles[0]))
				return usage_error(me, "too many --principle");
			principles[np++] = optarg;
			break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 1 || !argv[optind][0] ||
	    text_check(argv[optind], strlen(argv[optind]), &bad))
		return usage_error(me, "outcome add takes the outcome's title");
	if (id && !text_is_id(id))
		return usage_error(me, "'%s' is not an id", id);
	if ((rc = check_option(KIND_OUTCOME, "TITLE", argv[optind], "title", NULL)))
		return rc;
	for (i = 0; i < np; i++)
		if ((rc = check_option(KIND_OUTCOME, "--principle", principles[i], "principles", NULL)))
			return rc;
	if (!id) {
		if (dom_item_id(idbuf, sizeof(idbuf), argv[optind], "o") < 0)
			return usage_error(me, "cannot make an id; give one with --id");
		id = idbuf;
	}
	layout_outcome_file(file, sizeof(file), id);
	if ((rc = txn_begin(&t, s, file, TXN_CREATE)) != 0)
		return rc;
	for (i = 0; i < np; i++)
		if ((rc = check_option(KIND_OUTCOME, "--principle", principles[i], "principles", t.ids))) {
			txn_release(&t);
			return rc;
		}
	t.no_commit = no_commit;
	r = t.doc->root;
	if (dom_put(t.doc, KIND_OUTCOME, NULL, 0, r, "id", dom_str(t.doc, id)) < 0 ||
	    dom_put(t.doc, KIND_OUTCOME, NULL, 0, r, "title", dom_str(t.doc, argv[optind])) < 0 ||
	    (desc && dom_put(t.doc, KIND_OUTCOME, NULL, 0, r, "description", dom_str(t.doc, desc)) < 0) ||
	    (pop && dom_put(t.doc, KIND_OUTCOME, NULL, 0, r, "population", dom_str(t.doc, pop)) < 0) ||
	    dom_put(t.doc, KIND_OUTCOME, NULL, 0, r, "status", dom_str(t.doc, "proposed")) < 0)
		goto oom;
	if (np) {
		if (!(seq = dom_seq(t.doc, KIND_OUTCOME, NULL, 0, r, "principles")))
			goto oom;
		for (i = 0; i < np; i++)
			doc_seq_append(seq, dom_str(t.doc, principles[i]));
	}
	snprintf(msg, sizeof(msg), "outcome added: %s", id);
	return txn_commit(&t, msg);
oom:
	txn_release(&t);
	return out_of_memory();
}

static int outcome_indicator(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("outcome");
	const char *keys[] = { "indicators" };
	const char *id = NULL, *unit = NULL, *base = NULL, *target = NULL;
	char idbuf[40], file[128], msg[300];
	struct doc_node *seq, *e;
	struct txn t;
	int c, no_commit = 0, rc = 0;

	optind = 0;
	while ((c = opt_next(outcome_indicator_opts, argc, argv)) != -1) {
		switch (c) {
		case 'i': rc = once(me, &id, "--id", optarg); break;
		case 'u': rc = once(me, &unit, "--unit", optarg); break;
		case 'b': rc = once(me, &base, "--baseline", optarg); break;
		case 't': rc = once(me, &target, "--target", optarg); break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 2 || !text_is_id(argv[optind]))
		return usage_error(me, "outcome indicator takes an outcome's id and the indicator's name");
	if (id && !text_is_id(id))
		return usage_error(me, "'%s' is not an id", id);
	{
		const struct optfield fields[] = {
			{ "NAME", argv[optind + 1], "indicators.name" }, { "--unit", unit, "indicators.unit" },
			{ "--baseline", base, "indicators.baseline" },
			{ "--target", target, "indicators.target" },
		};

		if ((rc = check_options(KIND_OUTCOME, fields, 4, NULL)))
			return rc;
	}
	if (!id) {
		if (dom_item_id(idbuf, sizeof(idbuf), argv[optind + 1], "i") < 0)
			return usage_error(me, "cannot make an id; give one with --id");
		id = idbuf;
	}
	layout_outcome_file(file, sizeof(file), argv[optind]);
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	if (!(seq = dom_seq(t.doc, KIND_OUTCOME, NULL, 0, t.doc->root, "indicators")) ||
	    !(e = doc_map(t.doc)) ||
	    dom_put(t.doc, KIND_OUTCOME, keys, 1, e, "id", dom_str(t.doc, id)) < 0 ||
	    dom_put(t.doc, KIND_OUTCOME, keys, 1, e, "name", dom_str(t.doc, argv[optind + 1])) < 0 ||
	    (unit && dom_put(t.doc, KIND_OUTCOME, keys, 1, e, "unit", dom_str(t.doc, unit)) < 0) ||
	    (base && dom_put(t.doc, KIND_OUTCOME, keys, 1, e, "baseline", dom_plain(t.doc, base)) < 0) ||
	    (target && dom_put(t.doc, KIND_OUTCOME, keys, 1, e, "target", dom_plain(t.doc, target)) < 0)) {
		txn_release(&t);
		fprintf(stderr, "convene: error: 'indicators' in %s is not a list, or out of memory\n", file);
		return EXIT_DATA;
	}
	if (doc_find_id(seq, id)) {
		txn_release(&t);
		return usage_error(me, "%s has an indicator '%s' already", file, id);
	}
	doc_seq_append(seq, e);
	snprintf(msg, sizeof(msg), "outcome %s: indicator %s", argv[optind], id);
	return txn_commit(&t, msg);
}

static int outcome_measure(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("outcome");
	const char *keys[] = { "indicators", "measurements" };
	const char *date = NULL, *notetext = NULL;
	char file[128], day[11], id[9], msg[300];
	struct doc_node *ind, *seq, *e;
	struct txn t;
	int c, no_commit = 0, rc = 0;

	optind = 0;
	while ((c = opt_next(outcome_measure_opts, argc, argv)) != -1) {
		switch (c) {
		case 'd': rc = once(me, &date, "--date", optarg); break;
		case 'N': rc = once(me, &notetext, "--note", optarg); break;
		case 'n': no_commit = 1; break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 3 || !text_is_id(argv[optind]) || !text_is_id(argv[optind + 1]))
		return usage_error(me, "outcome measure takes an outcome, an indicator and a value");
	{
		const struct optfield fields[] = {
			{ "VALUE", argv[optind + 2], "indicators.measurements.value" },
			{ "--date", date, "indicators.measurements.date" },
		};

		if ((rc = check_options(KIND_OUTCOME, fields, 2, NULL)))
			return rc;
	}
	layout_outcome_file(file, sizeof(file), argv[optind]);
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	if ((ind = doc_find_id(doc_get(t.doc->root, "indicators"), argv[optind + 1])) &&
	    txn_refuse_conflict(&t, ind, "this indicator")) {
		txn_release(&t);
		return EXIT_DATA;
	}
	if (!ind) {
		txn_release(&t);
		fprintf(stderr, "convene: error: %s has no indicator '%s'\n", file, argv[optind + 1]);
		fprintf(stderr, "convene: hint: add it: convene outcome indicator %s NAME --id %s\n",
			argv[optind], argv[optind + 1]);
		return EXIT_DATA;
	}
	today(day);
	if (dom_random_id(id) < 0 ||
	    !(seq = dom_seq(t.doc, KIND_OUTCOME, keys, 1, ind, "measurements")) ||
	    !(e = doc_map(t.doc)) ||
	    dom_put(t.doc, KIND_OUTCOME, keys, 2, e, "id", dom_str(t.doc, id)) < 0 ||
	    dom_put(t.doc, KIND_OUTCOME, keys, 2, e, "date", dom_str(t.doc, date ? date : day)) < 0 ||
	    dom_put(t.doc, KIND_OUTCOME, keys, 2, e, "value", dom_plain(t.doc, argv[optind + 2])) < 0 ||
	    (notetext && dom_put(t.doc, KIND_OUTCOME, keys, 2, e, "note", dom_str(t.doc, notetext)) < 0)) {
		txn_release(&t);
		fprintf(stderr, "convene: error: 'measurements' in %s is not a list, or out of memory\n", file);
		return EXIT_DATA;
	}
	doc_seq_append(seq, e);
	snprintf(msg, sizeof(msg), "outcome %s: %s measured %s on %s", argv[optind],
		 argv[optind + 1], argv[optind + 2], date ? date : day);
	return txn_commit(&t, msg);
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
		buf_addf(&o->b, "%zu indicator%s  %s\n", n, n == 1 ? " " : "s", r.title ? r.title : "");
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
	"An outcome is outcomes/<id>.yaml, with indicators that carry a baseline,\n"
	"a target and dated measurements.\n",
	NULL, outcome_subs,
	NULL
};

int cmd_outcome(int argc, char **argv, struct store *s)
{
	return run_subcommand("outcome", outcome_subs, argc, argv, s);
}
