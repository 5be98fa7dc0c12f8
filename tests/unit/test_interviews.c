/* Unit tests of the interviews queries (core/interviews.c): the rule of
 * confidentiality and the summary of answers by question. */
#include <string.h>

#include "core/err.h"
#include "core/age.h"
#include "core/guide.h"
#include "core/interviews.h"
#include "core/secret.h"
#include "tests/unit/unit.h"

static int add(struct interviews *iv, const char *file, const char *yaml)
{
	struct doc *doc;
	struct err err;
	int rc;

	if (doc_load(&doc, yaml, strlen(yaml), &err) < 0) {
		printf("  %s does not load: %s\n", file, err.msg);
		return -1;
	}
	rc = interviews_add(iv, file, doc);
	doc_free(doc);
	return rc;
}

/* Whether the interview the YAML text holds is confidential; -1 if it
 * does not load. */
static int confidential(const char *yaml)
{
	struct doc *doc;
	struct err err;
	int c;

	if (doc_load(&doc, yaml, strlen(yaml), &err) < 0)
		return -1;
	c = interview_confidential(doc->root);
	doc_free(doc);
	return c;
}

void test_interviews__confidential_flag(void)
{
	check(confidential("id: a\nconfidential: true\n") == 1);
	check(confidential("id: a\nconfidential: True\n") == 1);  /* was missed by list */
	check(confidential("id: a\nconfidential: TRUE\n") == 1);
	check(confidential("id: a\nconfidential: false\n") == 0);
	check(confidential("id: a\nconfidential: 'true'\n") == 0);  /* text, not the flag */
	check(confidential("id: a\nconfidential: yes\n") == 0);     /* YAML 1.2: text */
	check(confidential("id: a\nconfidential:\n") == 0);
	check(confidential("id: a\n") == 0);
}

void test_interviews__confidential_hidden(void)
{
	struct interviews iv = { 0 };

	check(add(&iv, "interviews/rina-1.yaml",
		  "id: rina-1\nmember: rina\nconfidential: True\nanswers:\n  motivation: secret\n") == 0);
	check(add(&iv, "interviews/dana-1.yaml",
		  "id: dana-1\nmember: dana\nanswers:\n  motivation: open\n") == 0);
	check(iv.n == 2 && iv.confidential == 1);
	check(iv.v[0].confidential && !iv.v[1].confidential);
	check(iv.nans == 1);
	check_str(iv.ans[0].text, "open");
	check(interviews_summary(&iv) == 0);
	check(iv.nquestions == 1 && iv.questions[0].n == 1);
	check_str(iv.questions[0].ans[0].member, "dana");
	interviews_release(&iv);
}

void test_interviews__summary_by_question(void)
{
	struct interviews iv = { 0 };
	const struct question *q;

	check(add(&iv, "interviews/yossi-1.yaml",
		  "id: yossi-1\nmember: yossi\ninterviewer: dana\ndate: '2026-01-05'\n"
		  "answers:\n  strengths: maps\n  motivation: kids\n") == 0);
	check(add(&iv, "interviews/avi-1.yaml",
		  "id: avi-1\nmember: avi\nanswers:\n  motivation: town\n  hopes: more\n"
		  "  count: 3\n") == 0);
	check(add(&iv, "interviews/nobody-1.yaml", "id: nobody-1\nanswers:\n  hopes: '?'\n") == 0);
	check(add(&iv, "members/avi.yaml", "id: avi\nname: Avi\nanswers:\n  x: y\n") == 0);
	check(iv.n == 3);
	check(interviews_summary(&iv) == 0);
	/* questions in the order first seen, answers by member within each */
	check(iv.nquestions == 3);
	q = &iv.questions[0];
	check_str(q->id, "strengths");
	check(q->n == 1);
	check_str(q->ans[0].text, "maps");
	q = &iv.questions[1];
	check_str(q->id, "motivation");
	check(q->n == 2);
	check_str(q->ans[0].member, "avi");
	check_str(q->ans[0].text, "town");
	check_str(q->ans[1].member, "yossi");
	q = &iv.questions[2];
	check_str(q->id, "hopes");
	check(q->n == 2);  /* not the number: answers are text */
	check_str(q->ans[0].member, "?");
	check_str(q->ans[1].member, "avi");
	interviews_release(&iv);
}

void test_interviews__status(void)
{
	struct interviews iv = { 0 };

	check(add(&iv, "interviews/a-1.yaml", "id: a-1\nmember: a\nstatus: planned\n") == 0);
	check(add(&iv, "interviews/b-1.yaml", "id: b-1\nmember: b\n") == 0);
	check(iv.n == 2);
	check_str(iv.v[0].status, "planned");
	check_str(iv.v[1].status, "done");
	check(!iv.v[1].date && !iv.v[1].interviewer);
	check(interviews_summary(&iv) == 0 && iv.nquestions == 0);
	interviews_release(&iv);
}

/* interviews_new_id's taken(): ids in the NULL-terminated list are taken;
 * "broken" stands for a file that cannot be read. */
static int taken_in(void *ctx, const char *id)
{
	const char *const *v = ctx;

	if (!strcmp(id, "broken-1"))
		return ERR_INTERNAL;
	for (; *v; v++)
		if (!strcmp(*v, id))
			return 1;
	return 0;
}

void test_interviews__new_id(void)
{
	const char *none[] = { NULL }, *some[] = { "dana-1", "dana-2", "yossi-1", NULL };
	char id[80];

	check(interviews_new_id(id, sizeof(id), "dana", taken_in, none) == 0);
	check_str(id, "dana-1");
	check(interviews_new_id(id, sizeof(id), "dana", taken_in, some) == 0);
	check_str(id, "dana-3");
	check(interviews_new_id(id, sizeof(id), "rina", taken_in, some) == 0);
	check_str(id, "rina-1");
	/* an error of taken() is the answer, not a free id */
	check(interviews_new_id(id, sizeof(id), "broken", taken_in, none) == ERR_INTERNAL);
}

void test_interviews__answer_split(void)
{
	const char *text = NULL;
	char q[16];

	check(interview_answer_split("motivation=kids and town", q, sizeof(q), &text) == 0);
	check_str(q, "motivation");
	check_str(text, "kids and town");
	check(interview_answer_split("why=", q, sizeof(q), &text) == 0 && !*text);
	check(interview_answer_split("motivation", q, sizeof(q), &text) == INTERVIEW_ANSWER_FORM);
	check(interview_answer_split("a-question-far-too-long=x", q, sizeof(q), &text) ==
	      INTERVIEW_ANSWER_FORM);
	check(interview_answer_split("Why Here=x", q, sizeof(q), &text) == INTERVIEW_ANSWER_ID);
	check_str(q, "Why Here");
	check(interview_answer_split("why=\xff\xfe", q, sizeof(q), &text) == INTERVIEW_ANSWER_TEXT);
	check_str(q, "why");
}

void test_interviews__build(void)
{
	const char *answers[] = { "motivation=kids", "strengths=maps: and more" };
	struct interview_new x = { "rina-1", "rina", "dana", "2026-01-05", NULL, 0, 1, answers, 2 };
	struct buf b = BUF_INIT;
	struct doc *doc = doc_new();

	check(doc && (doc->root = doc_map(doc)));
	check(interview_build(doc, &x) == 0);
	doc_emit(&b, doc);
	check_str(buf_str(&b), "id: rina-1\nmember: rina\ninterviewer: dana\ndate: \"2026-01-05\"\n"
			       "answers:\n  motivation: kids\n  strengths: 'maps: and more'\n"
			       "confidential: true\n");
	doc_free(doc);
	/* planned, with notes, no answers, no root yet */
	x.planned = 1;
	x.confidential = 0;
	x.notes = "call first";
	x.nanswers = 0;
	check((doc = doc_new()));
	check(interview_build(doc, &x) == 0);
	buf_reset(&b);
	doc_emit(&b, doc);
	check(strstr(buf_str(&b), "status: planned\n") && strstr(buf_str(&b), "notes: call first\n"));
	check(!strstr(buf_str(&b), "confidential") && !strstr(buf_str(&b), "answers"));
	doc_free(doc);
	buf_release(&b);
}

void test_interviews__asking(void)
{
	char w[][16] = { "motivation", "Why?", "strengths", "Good at?", "concerns", "Worries?",
			 "hopes", "Hopes?" };
	struct guide_question qs[] = { { w[0], w[1] }, { w[2], w[3] }, { w[4], w[5] }, { w[6], w[7] } };
	struct guide g = { qs, 4 };
	const char *given[] = { "strengths=maps" };
	const struct guide_question *q;
	struct interview_asking a;
	char *typed[2];

	interview_asking_start(&a, &g, given, 1, typed, 2);
	check(a.to_ask == 3);
	/* the guide's order, the answered one left out */
	check((q = interview_asking_next(&a)) && !strcmp(q->id, "motivation") && a.number == 1);
	check(interview_asking_answer(&a, "kids\r", 5) == INTERVIEW_KEPT);
	check_str(typed[0], "motivation=kids");
	check((q = interview_asking_next(&a)) && !strcmp(q->id, "concerns") && a.number == 2);
	/* not UTF-8: the same question again; empty: skipped */
	check(interview_asking_answer(&a, "\xff", 1) == INTERVIEW_NOT_TEXT && a.ntyped == 1);
	check(interview_asking_answer(&a, "", 0) == INTERVIEW_SKIPPED && a.ntyped == 1);
	check((q = interview_asking_next(&a)) && !strcmp(q->id, "hopes") && a.number == 3);
	check(interview_asking_answer(&a, "more", 4) == INTERVIEW_KEPT);
	check_str(typed[1], "hopes=more");
	/* one answer a question; max reached: nothing more */
	check(interview_asking_answer(&a, "again", 5) == INTERVIEW_SKIPPED && a.ntyped == 2);
	check(!interview_asking_next(&a));
	interview_asking_release(&a);
	check(a.ntyped == 0);
	/* max stops the asking before the guide ends */
	interview_asking_start(&a, &g, NULL, 0, typed, 1);
	check(a.to_ask == 4 && interview_asking_next(&a));
	check(interview_asking_answer(&a, "x", 1) == INTERVIEW_KEPT);
	check(!interview_asking_next(&a));
	interview_asking_release(&a);
}

void test_interviews__add_for_reader(void)
{
	static const char plain[] =
		"id: rina-1\nmember: rina\nconfidential: true\n"
		"answers:\n  motivation: the secret word\nnotes: quiet notes\n";
	struct age_identity id, other;
	struct age_recipient r;
	struct secret_failures said = { 0 };
	struct interviews iv = { 0 }, none = { 0 };
	struct doc *doc;
	struct err err;

	check(age_init() == 0 && age_keygen(&id) == 0 && age_keygen(&other) == 0);
	age_identity_recipient(&id, &r);
	check(doc_load(&doc, plain, strlen(plain), &err) == 0);
	check(secret_seal_doc(doc, "interviews/rina-1.yaml", NULL, NULL, 0, &r, 1, 1) == 0);
	/* the reader: its answers, marked; the tree given is left sealed */
	check(interviews_add_for_reader(&iv, &id, 1, "interviews/rina-1.yaml", doc, &said) == 0);
	check(iv.n == 1 && iv.confidential == 1 && iv.opened == 1 && said.n == 0);
	check(iv.nans == 1 && iv.ans[0].confidential);
	check_str(iv.ans[0].text, "the secret word");
	check(doc_get(doc_get(doc->root, "answers"), "motivation")->flags & DOC_SECRET);
	/* another key: counted, not shown, and not worth an error */
	check(interviews_add_for_reader(&none, &other, 1, "interviews/rina-1.yaml", doc, &said) == 0);
	check(none.n == 1 && none.confidential == 1 && none.opened == 0 && none.nans == 0);
	check(said.n == 0);
	/* moved to another file: said */
	check(interviews_add_for_reader(&none, &id, 1, "interviews/dana-1.yaml", doc, &said) == 0);
	check(said.n == 1 && said.v[0].status == SECRET_MOVED);
	check_str(said.v[0].path, "answers.motivation");
	secret_failures_release(&said);
	interviews_release(&iv);
	interviews_release(&none);
	doc_free(doc);
}
