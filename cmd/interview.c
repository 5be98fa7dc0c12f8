/*
 * One-on-one interviews before the first meeting: interview add, list,
 * show, summary (the answers grouped by question, for meeting 1).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/text.h"
#include "txn.h"

const char usage_interview[] =
	"usage: convene interview add MEMBER [--by INTERVIEWER] [--date DATE] [--id ID]\n"
	"                             [--answer QUESTION=TEXT]... [--notes TEXT]\n"
	"                             [--confidential] [--planned] [--no-commit]\n"
	"       convene interview list [--json]\n"
	"       convene interview show ID [--json]\n"
	"       convene interview summary [--json]\n"
	"\n"
	"An interview is interviews/<id>.yaml (the id defaults to MEMBER-1, -2...).\n"
	"INTERVIEWER defaults to you: git config convene.member, as for note.\n"
	"QUESTION is an id such as motivation or strengths.  summary groups the\n"
	"answers by question; confidential interviews are counted, not shown.\n";

static int interview_add(int argc, char **argv, struct store *s)
{
	static const struct option opts[] = {
		{ "by", required_argument, NULL, 'b' }, { "date", required_argument, NULL, 'd' },
		{ "id", required_argument, NULL, 'i' }, { "answer", required_argument, NULL, 'a' },
		{ "notes", required_argument, NULL, 'N' }, { "confidential", no_argument, NULL, 'c' },
		{ "planned", no_argument, NULL, 'p' }, { "no-commit", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd *me = cmd_find("interview");
	const char *by = NULL, *date = NULL, *id = NULL, *notes = NULL, *answers[64], *from;
	const char *keys[] = { "answers" };
	char idbuf[80], file[128], day[11], msg[300], q[72], whobuf[72], *data;
	int c, conf = 0, planned = 0, no_commit = 0, rc = 0, k;
	size_t nans = 0, i, len, bad;
	struct doc_node *r, *map;
	struct err err;
	struct txn t;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'b': rc = once(me, &by, "--by", optarg); break;
		case 'd': rc = once(me, &date, "--date", optarg); break;
		case 'i': rc = once(me, &id, "--id", optarg); break;
		case 'N': rc = once(me, &notes, "--notes", optarg); break;
		case 'c': conf = 1; break;
		case 'p': planned = 1; break;
		case 'n': no_commit = 1; break;
		case 'a':
			if (nans == sizeof(answers) / sizeof(answers[0]))
				return usage_error(me, "too many --answer");
			answers[nans++] = optarg;
			break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 1 || !text_is_id(argv[optind]))
		return usage_error(me, "interview add takes the member's id");
	if (!(by = acting_member(s, by, whobuf, sizeof(whobuf), &from)))
		return usage_error(me, "say who interviewed with --by MEMBER (or once: git config convene.member YOUR-ID)");
	{
		const struct optfield fields[] = {
			{ from, by, "interviewer" }, { "--date", date, "date" }, { "--notes", notes, "notes" },
		};

		if ((rc = check_options(KIND_INTERVIEW, fields, 3, NULL)))
			return rc;
	}
	for (i = 0; i < nans; i++) {
		const char *eq = strchr(answers[i], '=');

		if (!eq || (size_t)(eq - answers[i]) >= sizeof(q))
			return usage_error(me, "--answer takes QUESTION=TEXT");
		snprintf(q, sizeof(q), "%.*s", (int)(eq - answers[i]), answers[i]);
		if (!text_is_id(q))
			return usage_error(me, "question '%s' must be an id, like motivation", q);
		if (text_check(eq + 1, strlen(eq + 1), &bad))
			return usage_error(me, "the answer to %s must be UTF-8 text", q);
	}
	if (id && !text_is_id(id))
		return usage_error(me, "'%s' is not an id", id);
	err_clear(&err);
	for (k = 1; !id; k++) {
		snprintf(idbuf, sizeof(idbuf), "%s-%d", argv[optind], k);
		snprintf(file, sizeof(file), "interviews/%s.yaml", idbuf);
		rc = store_read(s, file, &data, &len, &err);
		if (rc == ERR_NOTFOUND)
			id = idbuf;
		else if (rc < 0)
			return report(NULL, &err);
		else
			free(data);
	}
	snprintf(file, sizeof(file), "interviews/%s.yaml", id);
	if ((rc = txn_begin(&t, s, file, TXN_CREATE)) != 0)
		return rc;
	if ((rc = check_option(KIND_INTERVIEW, "member", argv[optind], "member", t.ids)) ||
	    (rc = check_option(KIND_INTERVIEW, from, by, "interviewer", t.ids))) {
		txn_release(&t);
		return rc;
	}
	t.no_commit = no_commit;
	r = t.doc->root;
	today(day);
	if (dom_put(t.doc, KIND_INTERVIEW, NULL, 0, r, "id", dom_str(t.doc, id)) < 0 ||
	    dom_put(t.doc, KIND_INTERVIEW, NULL, 0, r, "member", dom_str(t.doc, argv[optind])) < 0 ||
	    dom_put(t.doc, KIND_INTERVIEW, NULL, 0, r, "interviewer", dom_str(t.doc, by)) < 0 ||
	    dom_put(t.doc, KIND_INTERVIEW, NULL, 0, r, "date", dom_str(t.doc, date ? date : day)) < 0 ||
	    (planned && dom_put(t.doc, KIND_INTERVIEW, NULL, 0, r, "status", dom_str(t.doc, "planned")) < 0) ||
	    (notes && dom_put(t.doc, KIND_INTERVIEW, NULL, 0, r, "notes", dom_str(t.doc, notes)) < 0) ||
	    (conf && dom_put(t.doc, KIND_INTERVIEW, NULL, 0, r, "confidential", dom_plain(t.doc, "true")) < 0))
		goto oom;
	if (nans) {
		if (!(map = doc_map(t.doc)) ||
		    dom_put(t.doc, KIND_INTERVIEW, NULL, 0, r, "answers", map) < 0)
			goto oom;
		for (i = 0; i < nans; i++) {
			const char *eq = strchr(answers[i], '=');

			snprintf(q, sizeof(q), "%.*s", (int)(eq - answers[i]), answers[i]);
			if (dom_put(t.doc, KIND_INTERVIEW, keys, 1, map, q, dom_str(t.doc, eq + 1)) < 0)
				goto oom;
		}
	}
	snprintf(msg, sizeof(msg), "interview %s: %s interviewed by %s", id, argv[optind], by);
	return txn_commit(&t, msg);
oom:
	txn_release(&t);
	fprintf(stderr, "convene: error: out of memory\n");
	return EXIT_INTERNAL;
}

/* ---- reading ---- */

struct answer {
	char *question, *member, *text;
	size_t order;  /* when the question was first seen */
};

struct interviews {
	struct buf out;   /* list rows */
	int json;
	size_t n, confidential;
	struct answer *ans;
	size_t nans;
	char **questions;
	size_t nq;
	int failed;
};

static size_t question_order(struct interviews *iv, const char *q)
{
	size_t i;
	char **nv;

	for (i = 0; i < iv->nq; i++)
		if (!strcmp(iv->questions[i], q))
			return i;
	if (!(nv = realloc(iv->questions, (iv->nq + 1) * sizeof(char *))) ||
	    !(nv[iv->nq] = strdup(q))) {
		if (nv)
			iv->questions = nv;
		iv->failed = 1;
		return 0;
	}
	iv->questions = nv;
	return iv->nq++;
}

static void interview_visit(void *ctx, const char *file, const struct doc *doc)
{
	struct interviews *iv = ctx;
	const struct doc_node *r = doc->root, *answers, *a;
	const char *id, *member, *who, *date, *status;
	int conf;

	if (schema_kind_of(file) != KIND_INTERVIEW || !r || r->kind != DOC_MAP)
		return;
	id = dom_text(r, "id");
	member = dom_text(r, "member");
	who = dom_text(r, "interviewer");
	date = dom_text(r, "date");
	status = dom_text(r, "status");
	conf = dom_flag(r, "confidential");
	if (iv->json) {
		buf_adds(&iv->out, iv->n ? ",\n {\"id\":" : "\n {\"id\":");
		json_str(&iv->out, id ? id : "", id ? strlen(id) : 0);
		buf_adds(&iv->out, ",\"member\":");
		json_str(&iv->out, member ? member : "", member ? strlen(member) : 0);
		buf_adds(&iv->out, ",\"interviewer\":");
		json_str(&iv->out, who ? who : "", who ? strlen(who) : 0);
		buf_adds(&iv->out, ",\"date\":");
		json_str(&iv->out, date ? date : "", date ? strlen(date) : 0);
		buf_addf(&iv->out, ",\"status\":\"%s\"}", status ? status : "done");
	} else {
		pad(&iv->out, id ? id : "?", 16);
		pad(&iv->out, member ? member : "?", 14);
		pad(&iv->out, who ? who : "?", 14);
		pad(&iv->out, date ? date : "-", 12);
		buf_addf(&iv->out, "%s%s\n", status ? status : "done",
			 conf ? " (confidential)" : "");
	}
	iv->n++;
	if (conf) {
		iv->confidential++;
		return;
	}
	if (!(answers = doc_get(r, "answers")) || answers->kind != DOC_MAP)
		return;
	for (a = answers->head; a; a = a->next) {
		struct answer *nv;

		if (!doc_is_str(a))
			continue;
		if (!(nv = realloc(iv->ans, (iv->nans + 1) * sizeof(*nv)))) {
			iv->failed = 1;
			return;
		}
		iv->ans = nv;
		nv[iv->nans].question = strdup(a->key->str);
		nv[iv->nans].member = strdup(member ? member : "?");
		nv[iv->nans].text = strdup(a->str);
		nv[iv->nans].order = question_order(iv, a->key->str);
		if (!nv[iv->nans].question || !nv[iv->nans].member || !nv[iv->nans].text)
			iv->failed = 1;
		iv->nans++;
	}
}

static void interviews_release(struct interviews *iv)
{
	size_t i;

	for (i = 0; i < iv->nans; i++) {
		free(iv->ans[i].question);
		free(iv->ans[i].member);
		free(iv->ans[i].text);
	}
	free(iv->ans);
	for (i = 0; i < iv->nq; i++)
		free(iv->questions[i]);
	free(iv->questions);
	buf_release(&iv->out);
}

static int answer_cmp(const void *a, const void *b)
{
	const struct answer *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->member, y->member);
}

static int scan_interviews(struct store *s, struct interviews *iv)
{
	return visit_initiative(s, interview_visit, iv, &iv->failed);
}

static int interview_summary(int argc, char **argv, struct store *s)
{
	struct interviews iv = { BUF_INIT, 0, 0, 0, NULL, 0, NULL, 0, 0 };
	struct buf b = BUF_INIT;
	size_t i, j;
	int json, rc;

	if ((rc = read_options(argc, argv, "interview", 0, &json)) != 0)
		return rc;
	if ((rc = scan_interviews(s, &iv)) != 0)
		goto done;
	if (iv.nans)
		qsort(iv.ans, iv.nans, sizeof(*iv.ans), answer_cmp);
	if (json)
		buf_addf(&b, "{\"interviews\":%zu,\"confidential\":%zu,\"questions\":[", iv.n,
			 iv.confidential);
	for (i = 0; i < iv.nans; i = j) {
		size_t count;

		for (j = i; j < iv.nans && !strcmp(iv.ans[j].question, iv.ans[i].question); j++)
			;
		count = j - i;
		if (json) {
			buf_adds(&b, i ? ",\n {\"question\":" : "\n {\"question\":");
			json_str(&b, iv.ans[i].question, strlen(iv.ans[i].question));
			buf_adds(&b, ",\"answers\":[");
		} else {
			buf_addf(&b, "%s%s (%zu answer%s)\n", i ? "\n" : "", iv.ans[i].question, count,
				 count == 1 ? "" : "s");
		}
		for (; i < j; i++) {
			const char *t;

			if (json) {
				buf_adds(&b, i + count == j ? "{\"member\":" : ",{\"member\":");
				json_str(&b, iv.ans[i].member, strlen(iv.ans[i].member));
				buf_adds(&b, ",\"text\":");
				json_str(&b, iv.ans[i].text, strlen(iv.ans[i].text));
				buf_addc(&b, '}');
				continue;
			}
			buf_addf(&b, "  %s: ", iv.ans[i].member);
			for (t = iv.ans[i].text; *t; t++) {
				buf_addc(&b, *t);
				if (*t == '\n' && t[1])
					buf_adds(&b, "    ");
			}
			if (b.ptr[b.len - 1] != '\n')
				buf_addc(&b, '\n');
		}
		if (json)
			buf_adds(&b, "]}");
	}
	if (json) {
		buf_adds(&b, iv.nans ? "\n]}\n" : "]}\n");
	} else {
		if (!iv.nans)
			buf_adds(&b, "no answers yet (interview add MEMBER --by YOU --answer motivation=...)\n");
		if (iv.confidential)
			buf_addf(&b, "\n(%zu confidential interview%s not shown)\n", iv.confidential,
				 iv.confidential == 1 ? "" : "s");
	}
	rc = put_out(&b);
done:
	buf_release(&b);
	interviews_release(&iv);
	return rc;
}

static int interview_list(int argc, char **argv, struct store *s)
{
	struct interviews iv = { BUF_INIT, 0, 0, 0, NULL, 0, NULL, 0, 0 };
	int rc;

	if ((rc = read_options(argc, argv, "interview", 0, &iv.json)) != 0)
		return rc;
	if (iv.json)
		buf_addc(&iv.out, '[');
	if ((rc = scan_interviews(s, &iv)) == 0) {
		if (iv.json)
			buf_adds(&iv.out, iv.n ? "\n]\n" : "]\n");
		rc = put_out(&iv.out);
	}
	interviews_release(&iv);
	return rc;
}

/* Shows one file of a kind by id, as YAML or --json (member, interview,
 * outcome show). */
int show_file(int argc, char **argv, struct store *s, const char *cmd, const char *dir)
{
	char file[128];
	int json, rc;
	struct doc *doc;
	struct buf b = BUF_INIT;
	struct err err;

	if ((rc = read_options(argc, argv, cmd, 1, &json)) != 0)
		return rc;
	if (!text_is_id(argv[optind]))
		return usage_error(cmd_find(cmd), "'%s' is not an id", argv[optind]);
	snprintf(file, sizeof(file), "%s/%s.yaml", dir, argv[optind]);
	err_clear(&err);
	if (load_file(s, file, &doc, NULL, &err) < 0) {
		if (err.code == ERR_NOTFOUND)
			err_set(&err, ERR_NOTFOUND, 0, 0, "no %s '%s' (%s)", cmd, argv[optind], file);
		return report(err.line ? file : NULL, &err);
	}
	if (json) {
		json_node(&b, doc->root);
		buf_addc(&b, '\n');
	} else {
		doc_emit(&b, doc);
	}
	rc = put_out(&b);
	buf_release(&b);
	doc_free(doc);
	return rc;
}

static int interview_show(int argc, char **argv, struct store *s)
{
	return show_file(argc, argv, s, "interview", "interviews");
}

int cmd_interview(int argc, char **argv, struct store *s)
{
	static const struct subcmd table[] = {
		{ "add", interview_add }, { "list", interview_list }, { "show", interview_show },
		{ "summary", interview_summary }, { NULL, NULL }
	};

	return run_subcommand("interview", table, argc, argv, s);
}
