/*
 * One-on-one interviews before the first meeting: interview add, list,
 * show, summary (the answers grouped by question, for meeting 1).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "core/domain.h"
#include "core/guide.h"
#include "core/interviews.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/secret.h"
#include "core/text.h"
#include "store/identity.h"
#include "secrets.h"
#include "txn.h"

static const struct opt interview_add_opts[] = {
	{ 'b', "by", "INTERVIEWER", N_("who interviewed (default: you, git config convene.member)"), 0 },
	{ 'd', "date", "DATE", N_("when it took place (default: today)"), 0 },
	{ 'i', "id", "ID", N_("its id (default: made from the name)"), 0 },
	{ 'a', "answer", "QUESTION=TEXT", N_("an answer to question QUESTION (again for more)"), 0 },
	{ 'N', "notes", "TEXT", N_("the interviewer's notes"), 0 },
	{ 'c', "confidential", NULL, N_("the answers are not for the group"), 0 },
	{ 'p', "planned", NULL, N_("not held yet: planned"), 0 },
	{ 'A', "ask", NULL, N_("ask the guide's questions, reading the answers from\nstandard input (the default on a terminal)"), 0 },
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

static void guide_order(struct store *s, const char **answers, size_t n);

struct taken {
	struct store *s;
	struct err *err;
};

static int interview_taken(void *ctx, const char *id)
{
	const struct taken *tk = ctx;
	char file[128];

	layout_interview_file(file, sizeof(file), id);
	return store_exists(tk->s, file, tk->err);
}

/* A confidential interview is sealed before anything is written: the
 * edit transaction writes and commits the tree it holds, ciphertext only.
 * Returns 0, or the exit code with t released. */
static int seal_new_interview(struct txn *t, struct store *s, const char *file)
{
	struct err err;

	err_clear(&err);
	if (secrets_seal(s, t->doc, file, NULL, NULL, 0, 0, &err) < 0) {
		secret_wipe_doc(t->doc);
		txn_release(t);
		return report(NULL, &err);
	}
	return 0;
}

static int interview_add(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("interview");
	const char *by = NULL, *date = NULL, *id = NULL, *notes = NULL, *answers[64], *from, *text;
	char idbuf[80], file[128], day[11], msg[300], q[72], whobuf[72];
	int c, conf = 0, planned = 0, no_commit = 0, rc = 0;
	size_t nans = 0, i;
	struct err err;
	struct txn t;

	optind = 0;
	while ((c = opt_next(interview_add_opts, argc, argv)) != -1) {
		switch (c) {
		case 'b': rc = once(me, &by, "--by", optarg); break;
		case 'd': rc = once(me, &date, "--date", optarg); break;
		case 'i': rc = once(me, &id, "--id", optarg); break;
		case 'N': rc = once(me, &notes, "--notes", optarg); break;
		case 'c': conf = 1; break;
		case 'p': planned = 1; break;
		case 'n': no_commit = 1; break;
		case 'A': break;  /* interview_add_asking() asked */
		case 'a':
			if (nans == sizeof(answers) / sizeof(answers[0]))
				return usage_error(me, "%s", _("too many --answer"));
			answers[nans++] = optarg;
			break;
		default: return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (argc - optind != 1 || !text_is_id(argv[optind]))
		return usage_error(me, "%s", _("interview add takes the member's id"));
	if (!(by = acting_member(s, by, whobuf, sizeof(whobuf), &from)))
		return usage_error(me, "%s", _("say who interviewed with --by MEMBER (or once: git config convene.member YOUR-ID)"));
	{
		const struct optfield fields[] = {
			{ from, by, "interviewer" }, { "--date", date, "date" }, { "--notes", notes, "notes" },
		};

		if ((rc = check_options(KIND_INTERVIEW, fields, 3, NULL)))
			return rc;
	}
	for (i = 0; i < nans; i++) {
		switch (interview_answer_split(answers[i], q, sizeof(q), &text)) {
		case INTERVIEW_ANSWER_FORM:
			return usage_error(me, "%s", _("--answer takes QUESTION=TEXT"));
		case INTERVIEW_ANSWER_ID:
			return usage_error(me, _("question '%s' must be an id, like motivation"), q);
		case INTERVIEW_ANSWER_TEXT:
			return usage_error(me, _("the answer to %s must be UTF-8 text"), q);
		}
	}
	guide_order(s, answers, nans);
	if (id && !text_is_id(id))
		return usage_error(me, _("'%s' is not an id"), id);
	err_clear(&err);
	if (!id) {
		struct taken tk = { s, &err };

		if (interviews_new_id(idbuf, sizeof(idbuf), argv[optind], interview_taken, &tk) < 0)
			return report(NULL, &err);
		id = idbuf;
	}
	layout_interview_file(file, sizeof(file), id);
	if ((rc = txn_begin(&t, s, file, TXN_CREATE)) != 0)
		return rc;
	if ((rc = check_option(KIND_INTERVIEW, "member", argv[optind], "member", t.ids)) ||
	    (rc = check_option(KIND_INTERVIEW, from, by, "interviewer", t.ids))) {
		txn_release(&t);
		return rc;
	}
	t.no_commit = no_commit;
	today(day);
	{
		const struct interview_new x = {
			id, argv[optind], by, date ? date : day, notes, planned, conf, answers, nans,
		};

		if (interview_build(t.doc, &x) < 0) {
			txn_release(&t);
			return out_of_memory();
		}
	}
	if (conf && (rc = seal_new_interview(&t, s, file)) != 0)
		return rc;
	snprintf(msg, sizeof(msg), "interview %s: %s interviewed by %s", id, argv[optind], by);
	return txn_commit(&t, msg);
}

/* ---- the interview guide (initiative.yaml: interview_questions) ---- */

/* The guide and the language of the initiative; an initiative that does
 * not load has an empty guide (the command that goes on says why). */
static void guide_load(struct store *s, struct guide *g, char *lang, size_t size)
{
	struct doc *doc;
	struct err err;

	memset(g, 0, sizeof(*g));
	snprintf(lang, size, "en");
	err_clear(&err);
	if (load_file(s, LAYOUT_INITIATIVE, &doc, NULL, &err) < 0)
		return;
	if (dom_text(doc->root, "language"))
		snprintf(lang, size, "%s", dom_text(doc->root, "language"));
	if (guide_from_initiative(g, doc->root) < 0)
		memset(g, 0, sizeof(*g));  /* no memory: the answers stay as given */
	doc_free(doc);
}

/* --answer in the guide's order, the others after (core/guide.h). */
static void guide_order(struct store *s, const char **answers, size_t n)
{
	struct guide g;
	char lang[8];

	if (n < 2)
		return;
	guide_load(s, &g, lang, sizeof(lang));
	guide_order_answers(&g, answers, n);
	guide_release(&g);
}

/* Reads one line from in into line, without its LF: 0, or EOF when the
 * input ended (line may hold a last line with no LF). */
static int read_line(FILE *in, struct buf *line)
{
	int c;

	buf_reset(line);
	while ((c = getc(in)) != EOF && c != '\n')
		buf_addc(line, (char)c);
	return c == EOF ? EOF : 0;
}

/* Prints a question's text indented by two, ending its line. */
static void put_question(FILE *out, const char *text)
{
	const char *p;

	fputs("  ", out);
	for (p = text; *p; p++) {
		fputc(*p, out);
		if (*p == '\n' && p[1])
			fputs("  ", out);
	}
	if (p == text || p[-1] != '\n')
		fputc('\n', out);
}

/*
 * The guided interview on a terminal (or a pipe): asks on out each
 * question that a (interview_asking_start(), core/interviews.h) has to
 * ask, and reads one line from in for each: an empty line skips it, end
 * of input ends the interview.  The words around the questions are in
 * lang, the initiative's language: the person interviewed may be reading
 * the screen too.  tty: prompt "> ".  Returns 0 or ERR_NOMEM.
 */
static int ask_guide(FILE *in, FILE *out, int tty, const char *lang, const char *member,
		     struct interview_asking *a)
{
	const struct guide_question *q;
	struct buf line = BUF_SECRET_INIT;
	int he = !strcmp(lang, "he"), end = 0, rc = 0, got;

	fprintf(out, he ? "ראיון עם %s: %zu שאלות.  כל תשובה בשורה אחת; שורה ריקה מדלגת על שאלה,\n"
			  "סוף הקלט (Ctrl-D) מסיים את הראיון.\n"
			: "Interview of %s: %zu questions.  One line for each answer; an empty line\n"
			  "skips a question, end of input (Ctrl-D) ends the interview.\n",
		member, a->to_ask);
	while (!end && (q = interview_asking_next(a))) {
		fprintf(out, "\n[%zu/%zu] %s\n", a->number, a->to_ask, q->id);
		put_question(out, q->text);
		do {
			if (tty)
				fputs("> ", out);
			fflush(out);
			end = read_line(in, &line) == EOF;
			if (end && !line.len)
				break;
			if ((got = interview_asking_answer(a, buf_str(&line), line.len)) < 0) {
				rc = got;
				end = 1;
			} else if (got == INTERVIEW_NOT_TEXT) {
				fputs(he ? "התשובה אינה טקסט UTF-8 תקין; הקלידו אותה שוב\n"
					 : "that is not UTF-8 text; type the answer again\n", out);
			}
		} while (!end && got == INTERVIEW_NOT_TEXT);
	}
	if (tty && end)
		fputc('\n', out);  /* Ctrl-D leaves the cursor after "> " */
	fprintf(out, he ? "\nנענו %zu מתוך %zu שאלות.\n" : "\n%zu of %zu questions answered.\n",
		a->ntyped, a->to_ask);
	buf_release(&line);
	return rc;
}

/*
 * interview add: on a terminal with no --answer (or with --ask), asks the
 * guide's questions first, then writes the interview as interview_add()
 * does, with the answers typed given to it as --answer options.  Before
 * asking it checks what would make the interview fail after the typing:
 * the member and the interviewer.
 */
static int interview_add_asking(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("interview");
	const char *given[64], *by = NULL, *who, *from;
	char *typed[64], **argv2 = NULL, lang[8], file[128], whobuf[72];
	size_t ngiven = 0, ntyped = 0, i;
	int c, ask = 0, planned = 0, rc, argc2;
	struct interview_asking a;
	struct guide g;
	struct err err;

	optind = 0;
	while ((c = opt_next(interview_add_opts, argc, argv)) != -1) {
		if (c == 'A')
			ask = 1;
		else if (c == 'p')
			planned = 1;
		else if (c == 'b')
			by = optarg;
		else if (c == 'a' && ngiven < sizeof(given) / sizeof(given[0]))
			given[ngiven++] = optarg;
		else if (c == '?' || c == ':')
			return interview_add(argc, argv, s);  /* which says what is wrong */
	}
	if (argc - optind != 1 || !text_is_id(argv[optind]) ||
	    (!ask && (ngiven || planned || !isatty(0))))
		return interview_add(argc, argv, s);
	if (ask && planned)
		return usage_error(me, "%s", _("--ask asks the questions of an interview held now; a --planned one has no answers yet"));
	err_clear(&err);
	layout_member_file(file, sizeof(file), argv[optind]);
	if (store_exists(s, file, &err) != 1 || !(who = acting_member(s, by, whobuf, sizeof(whobuf), &from)))
		return interview_add(argc, argv, s);  /* says what is missing, before any typing */
	layout_member_file(file, sizeof(file), who);
	if (!text_is_id(who) || store_exists(s, file, &err) != 1)
		return interview_add(argc, argv, s);
	guide_load(s, &g, lang, sizeof(lang));
	if (!g.n) {
		guide_release(&g);
		if (!ask)
			return interview_add(argc, argv, s);
		say_error("%s", _("initiative.yaml has no interview_questions to ask"));
		say_hint("%s", _("add them ({id, text} each) with: convene edit initiative.yaml"));
		return EXIT_DATA;
	}
	interview_asking_start(&a, &g, given, ngiven, typed, sizeof(typed) / sizeof(typed[0]) - ngiven);
	rc = ask_guide(stdin, stderr, isatty(0), lang, argv[optind], &a);
	guide_release(&g);
	ntyped = a.ntyped;
	if (rc < 0)
		goto done;
	/* the typed answers first, as options: after a "--" they would be operands */
	argc2 = argc + 2 * (int)ntyped;
	if (!(argv2 = calloc((size_t)argc2 + 1, sizeof(*argv2)))) {
		rc = ERR_NOMEM;
		goto done;
	}
	argv2[0] = argv[0];
	for (i = 0; i < ntyped; i++) {
		argv2[1 + 2 * i] = (char *)"--answer";
		argv2[2 + 2 * i] = typed[i];
	}
	for (c = 1; c < argc; c++)
		argv2[c + 2 * (int)ntyped] = argv[c];
	rc = interview_add(argc2, argv2, s);
done:
	interview_asking_release(&a);
	free(argv2);
	return rc == ERR_NOMEM ? out_of_memory() : rc;
}

/* ---- reading ---- */

/* A value that did not open, said as the summary goes. */
static void say_not_shown(void *ctx, const char *file, const struct secret_failures *f)
{
	(void)ctx;
	say_failures(file, f, _(" (the interview is not shown)"));
}

/*
 * The interviews as the user sees them (secrets_read_interviews()): with
 * their key, if they have one, when sealed (a reader's summary); and the
 * guide's questions into g unless it is NULL.
 */
static int load_interviews(struct store *s, struct interviews *iv, struct guide *g, int sealed)
{
	struct age_identity *ids = NULL;
	struct err err, why;
	size_t nids = 0;
	int rc;

	if (sealed && (rc = user_identity(s, &ids, &nids, &why)) != 0)
		return rc;
	err_clear(&err);
	rc = secrets_read_interviews(s, iv, g, ids, nids, say_not_shown, NULL, &err);
	age_identities_free(ids, nids);
	if (rc == ERR_NOMEM)
		return out_of_memory();
	return rc < 0 ? report(NULL, &err) : 0;
}

static int interview_summary(int argc, char **argv, struct store *s)
{
	struct interviews iv = { 0 };
	struct guide guide = { NULL, 0 };
	struct buf b = BUF_SECRET_INIT;  /* a reader's summary holds plaintext */
	struct json_w w;
	char who[300];
	size_t i, j;
	int json, rc;

	if ((rc = read_options(argc, argv, "interview", 0, &json)) != 0)
		return rc;
	if ((rc = load_interviews(s, &iv, &guide, 1)) != 0)
		goto done;
	interviews_follow_guide(&iv, &guide);
	readers_of(s, who, sizeof(who));
	if (interviews_summary(&iv) < 0) {
		rc = out_of_memory();
		goto done;
	}
	jw_init(&w, &b);
	if (json) {
		jw_object(&w, NULL);
		jw_uint(&w, "interviews", iv.n);
		jw_uint(&w, "confidential", iv.confidential);
		jw_uint(&w, "confidential_shown", iv.opened);
		jw_str(&w, "readable_by", who);
		/* one question a line, indented as a list at the top is */
		jw_lines_at(&w, "questions", 1);
	}
	for (i = 0; i < iv.nquestions; i++) {
		const struct question *q = &iv.questions[i];

		if (json) {
			jw_object(&w, NULL);
			jw_str(&w, "question", q->id);
			if (guide_text(&guide, q->id))
				jw_str(&w, "text", guide_text(&guide, q->id));
			jw_array(&w, "answers");
			for (j = 0; j < q->n; j++) {
				jw_object(&w, NULL);
				jw_str(&w, "member", q->ans[j].member);
				jw_str(&w, "text", q->ans[j].text);
				if (q->ans[j].confidential)
					jw_bool(&w, "confidential", 1);
				jw_end(&w);
			}
			jw_end(&w);
			jw_end(&w);
			continue;
		}
		if (i)
			buf_addc(&b, '\n');
		if (guide_text(&guide, q->id)) {
			buf_addf(&b, "%s\n", guide_text(&guide, q->id));
			buf_addf(&b, ngettext("(%s, %zu answer)", "(%s, %zu answers)", q->n), q->id, q->n);
		} else {
			buf_addf(&b, ngettext("%s (%zu answer)", "%s (%zu answers)", q->n), q->id, q->n);
		}
		buf_addc(&b, '\n');
		for (j = 0; j < q->n; j++) {
			const char *t;

			buf_addf(&b, "  %s: ", q->ans[j].member);
			for (t = q->ans[j].text; *t; t++) {
				buf_addc(&b, *t);
				if (*t == '\n' && t[1])
					buf_adds(&b, "    ");
			}
			if (b.ptr[b.len - 1] != '\n')
				buf_addc(&b, '\n');
			if (q->ans[j].confidential)
				buf_addf(&b, "    %s\n", _("(confidential)"));
		}
	}
	if (json) {
		jw_end(&w);
		jw_end(&w);
		buf_addc(&b, '\n');
	} else {
		size_t hidden = iv.confidential - iv.opened;

		if (!iv.nquestions)
			buf_addf(&b, "%s\n", _("no answers yet (interview add MEMBER --by YOU --answer motivation=...)"));
		if (hidden)
			buf_addf(&b, ngettext("\n(%zu confidential interview not shown: confidential — readable by %s)\n",
					      "\n(%zu confidential interviews not shown: confidential — readable by %s)\n",
					      hidden),
				 hidden, who[0] ? who : _("no one yet"));
	}
	rc = put_out(&b);
done:
	buf_release(&b);
	interviews_release(&iv);
	guide_release(&guide);
	return rc;
}

/* An interview's status in the user's words (--json keeps the field's). */
static const char *status_word(const char *status)
{
	if (!strcmp(status, "done"))
		/* TRANSLATORS: an interview's status in interview list */
		return _("done");
	if (!strcmp(status, "planned"))
		return _("planned");
	return status;
}

static int interview_list(int argc, char **argv, struct store *s)
{
	struct interviews iv = { 0 };
	struct buf b = BUF_INIT;
	struct json_w w;
	int json, rc;
	size_t i;

	if ((rc = read_options(argc, argv, "interview", 0, &json)) != 0)
		return rc;
	if ((rc = load_interviews(s, &iv, NULL, 0)) != 0)
		goto done;
	jw_init(&w, &b);
	if (json)
		jw_lines(&w, NULL);
	for (i = 0; i < iv.n; i++) {
		const struct interview_info *x = &iv.v[i];

		if (json) {
			jw_object(&w, NULL);
			jw_str(&w, "id", x->id ? x->id : "");
			jw_str(&w, "member", x->member ? x->member : "");
			jw_str(&w, "interviewer", x->interviewer ? x->interviewer : "");
			jw_str(&w, "date", x->date ? x->date : "");
			jw_str(&w, "status", x->status);
			if (x->confidential)
				jw_bool(&w, "confidential", 1);
			jw_end(&w);
			continue;
		}
		pad(&b, x->id ? x->id : "?", 16);
		pad(&b, x->member ? x->member : "?", 14);
		pad(&b, x->interviewer ? x->interviewer : "?", 14);
		pad(&b, x->date ? x->date : "-", 12);
		if (x->confidential)
			buf_addf(&b, "%s %s\n", status_word(x->status), _("(confidential)"));
		else
			buf_addf(&b, "%s\n", status_word(x->status));
	}
	if (json) {
		jw_end(&w);
		buf_addc(&b, '\n');
	}
	rc = put_out(&b);
done:
	buf_release(&b);
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
		return usage_error(cmd_find(cmd), _("'%s' is not an id"), argv[optind]);
	layout_folder_file(file, sizeof(file), dir, argv[optind]);
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

/* show_file() for an interview: a confidential one opened for a reader,
 * marked so, and "confidential — readable by ..." for anyone else. */
static int interview_show(int argc, char **argv, struct store *s)
{
	struct buf b = BUF_SECRET_INIT;
	char file[128], who[300], idpath[4096];
	struct doc *doc;
	struct err err, why, pe;
	long left;
	int json, rc, refused = 0, configured;

	if ((rc = read_options(argc, argv, "interview", 1, &json)) != 0)
		return rc;
	if (!text_is_id(argv[optind]))
		return usage_error(cmd_find("interview"), _("'%s' is not an id"), argv[optind]);
	layout_interview_file(file, sizeof(file), argv[optind]);
	err_clear(&err);
	if (load_file(s, file, &doc, NULL, &err) < 0) {
		if (err.code == ERR_NOTFOUND)
			err_set(&err, ERR_NOTFOUND, 0, 0, "no interview '%s' (%s)", argv[optind], file);
		return report(err.line ? file : NULL, &err);
	}
	if (!doc->root || !interview_confidential(doc->root)) {
		doc_free(doc);
		return show_file(argc, argv, s, "interview", LAYOUT_INTERVIEWS);
	}
	if ((left = open_for_reading(s, doc, file, &refused, &why)) < 0) {
		secret_wipe_doc(doc);
		doc_free(doc);
		return out_of_memory();
	}
	readers_of(s, who, sizeof(who));
	if (json) {
		json_node(&b, doc->root);
		buf_addc(&b, '\n');
	} else {
		/* a comment of the YAML shown: English, as the YAML is */
		if (!left)
			buf_adds(&b, "# confidential — opened with your key, not for the group");
		else if (why.code == ERR_NOTFOUND &&
			 identity_path(s, idpath, sizeof(idpath), &configured, &pe) == 0)
			buf_addf(&b, "# confidential — not opened: no age identity at '%s'"
				 " (convene key new makes one)", idpath);
		else
			buf_adds(&b, "# confidential — not readable with your key");
		buf_addf(&b, "; readable by %s\n", who[0] ? who : "no one yet");
		doc_emit(&b, doc);
	}
	rc = put_out(&b);
	buf_release(&b);
	secret_wipe_doc(doc);
	doc_free(doc);
	return refused ? refused : rc;
}

static const struct opt interview_seal_opts[] = {
	{ 'n', "no-commit", NULL, N_("leave the change staged instead of committing it"), 0 },
	OPT_END
};

/*
 * interview seal ID: makes an interview confidential and seals its plain
 * values for the readers, in a new commit.  What the earlier commits hold
 * stays there, in plain text: it says so, and what removing it takes.
 */
static int interview_seal(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("interview");
	struct secret_failures f = { 0 };
	struct age_identity *ids = NULL;
	char file[128], msg[200];
	int c, no_commit = 0, rc, was_plain, plan;
	struct err err, why;
	size_t nids = 0;
	struct txn t;

	optind = 0;
	while ((c = opt_next(interview_seal_opts, argc, argv)) != -1) {
		if (c != 'n')
			return option_error(me, c, argv);
		no_commit = 1;
	}
	if (argc - optind != 1 || !text_is_id(argv[optind]))
		return usage_error(me, "%s", _("interview seal takes the interview's id"));
	layout_interview_file(file, sizeof(file), argv[optind]);
	if ((rc = txn_begin(&t, s, file, TXN_EDIT)) != 0)
		return rc;
	t.no_commit = no_commit;
	err_clear(&err);
	err_clear(&why);
	if ((plan = secrets_seal_plan(s, t.doc, &was_plain, &err)) <= 0) {
		txn_release(&t);
		if (plan < 0)
			return report(NULL, &err);
		note(_("nothing to change: %s is confidential and every value is sealed for the readers"), file);
		return EXIT_OK;
	}
	if (plan == SECRETS_SEAL_ANEW && (rc = user_identity(s, &ids, &nids, &why)) != 0) {
		txn_release(&t);
		return rc;
	}
	rc = secrets_seal_interview(s, t.doc, file, plan, ids, nids, &f, &err);
	age_identities_free(ids, nids);
	if (rc < 0) {
		if (f.n) {
			say_unopened(file, &f, &why);
			say_error(_("%s was not sealed anew: only a reader can"), file);
		}
		rc = f.n ? EXIT_DATA : report(NULL, &err);
		secret_failures_release(&f);
		secret_wipe_doc(t.doc);
		txn_release(&t);
		return rc;
	}
	snprintf(msg, sizeof(msg), "interview %s: %s", argv[optind],
		 plan == SECRETS_SEAL_ANEW ? "sealed anew for the readers" : "sealed (confidential)");
	if ((rc = txn_commit(&t, msg)) == EXIT_OK && was_plain)
		say_history_keeps(file);
	return rc;
}

static const struct subcmd interview_subs[] = {
	{ "add", interview_add_asking, "MEMBER [--by INTERVIEWER] [--date DATE] [--id ID]\n"
	  " [--answer QUESTION=TEXT]... [--notes TEXT] [--ask]\n"
	  " [--confidential] [--planned] [--no-commit]",
	  interview_add_opts },
	{ "list", interview_list, "[--json]",
	  opts_json },
	{ "show", interview_show, "ID [--json]",
	  opts_json },
	{ "seal", interview_seal, "ID [--no-commit]",
	  interview_seal_opts },
	{ "summary", interview_summary, "[--json]",
	  opts_json },
	{ NULL, NULL, NULL, NULL }
};

const struct help help_interview = {
	NULL,
	N_("An interview is interviews/<id>.yaml (the id defaults to MEMBER-1, -2...).\n"
	"INTERVIEWER defaults to you: git config convene.member, as for note.\n"
	"QUESTION is an id such as motivation or strengths.  summary groups the\n"
	"answers by question.  A confidential interview (--confidential, or seal\n"
	"for one that exists) is sealed value by value for the readers (convene\n"
	"readers): they see its answers, marked; anyone else sees who can read it.\n"),
	NULL, interview_subs,
	N_("The interview guide is initiative.yaml's interview_questions ({id, text}\n"
	"each; init --template ucsd writes one).  add on a terminal with no --answer\n"
	"asks its questions in turn: one line an answer, an empty line skips one,\n"
	"Ctrl-D ends.  --ask asks from a pipe too, and with --answer asks the\n"
	"others; without it a pipe is not read.  Answers are kept in the guide's\n"
	"order, other questions after; summary shows them the same way.\n")
};

int cmd_interview(int argc, char **argv, struct store *s)
{
	return run_subcommand("interview", interview_subs, argc, argv, s);
}
