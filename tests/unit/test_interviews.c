/* Unit tests of the interviews queries (core/interviews.c): the rule of
 * confidentiality and the summary of answers by question. */
#include <string.h>

#include "core/err.h"
#include "core/interviews.h"
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
