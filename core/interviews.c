/* Interviews, their summary and who may read them: see interviews.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "age.h"
#include "domain.h"
#include "err.h"
#include "guide.h"
#include "interviews.h"
#include "layout.h"
#include "schema.h"
#include "text.h"

int interview_confidential(const struct doc_node *root)
{
	return dom_flag(root, "confidential");
}

const char *interview_status(const struct doc_node *root)
{
	const char *s = dom_text(root, "status");

	return s ? s : "done";
}

/* The order of question q, first seen now if it is new. */
static int question_order(struct interviews *iv, const char *q, size_t *out)
{
	char **nv;
	size_t i;

	for (i = 0; i < iv->nseen; i++)
		if (!strcmp(iv->seen[i], q)) {
			*out = i;
			return 0;
		}
	if (!(nv = realloc(iv->seen, (iv->nseen + 1) * sizeof(char *))))
		return ERR_NOMEM;
	iv->seen = nv;
	if (!(nv[iv->nseen] = strdup(q)))
		return ERR_NOMEM;
	*out = iv->nseen++;
	return 0;
}

static int add_answers(struct interviews *iv, const char *member, const struct doc_node *answers)
{
	const struct doc_node *a;
	struct answer *nv, *x;
	int bad = 0;

	if (!answers || answers->kind != DOC_MAP)
		return 0;
	for (a = answers->head; a; a = a->next) {
		if (!doc_is_str(a))
			continue;
		if (!(nv = realloc(iv->ans, (iv->nans + 1) * sizeof(*nv))))
			return ERR_NOMEM;
		iv->ans = nv;
		x = &nv[iv->nans++];
		memset(x, 0, sizeof(*x));
		x->question = text_dup(a->key->str, &bad);
		x->member = text_dup(member ? member : "?", &bad);
		x->text = text_dup(a->str, &bad);
		if (bad || question_order(iv, a->key->str, &x->order) < 0)
			return ERR_NOMEM;
	}
	return 0;
}

/* The answers a reader opened: text that is no longer sealed. */
static int add_opened_answers(struct interviews *iv, const char *member,
			      const struct doc_node *answers)
{
	const struct doc_node *a;
	struct answer *nv, *x;
	int bad = 0;

	if (!answers || answers->kind != DOC_MAP)
		return 0;
	for (a = answers->head; a; a = a->next) {
		if (!doc_is_str(a) || (a->flags & DOC_SECRET))
			continue;
		if (!(nv = realloc(iv->ans, (iv->nans + 1) * sizeof(*nv))))
			return ERR_NOMEM;
		iv->ans = nv;
		x = &nv[iv->nans++];
		memset(x, 0, sizeof(*x));
		x->confidential = 1;
		x->question = text_dup(a->key->str, &bad);
		x->member = text_dup(member ? member : "?", &bad);
		x->text = text_dup(a->str, &bad);
		if (bad || question_order(iv, a->key->str, &x->order) < 0)
			return ERR_NOMEM;
	}
	return 0;
}

static int add_interview(struct interviews *iv, const struct doc_node *r)
{
	struct interview_info *nv, *x;
	int bad = 0;

	if (!(nv = realloc(iv->v, (iv->n + 1) * sizeof(*nv))))
		return ERR_NOMEM;
	iv->v = nv;
	x = &nv[iv->n++];
	x->id = text_dup(dom_text(r, "id"), &bad);
	x->member = text_dup(dom_text(r, "member"), &bad);
	x->interviewer = text_dup(dom_text(r, "interviewer"), &bad);
	x->date = text_dup(dom_text(r, "date"), &bad);
	x->status = text_dup(interview_status(r), &bad);
	x->confidential = interview_confidential(r);
	if (bad)
		return ERR_NOMEM;
	if (x->confidential) {
		iv->confidential++;
		return 0;
	}
	return add_answers(iv, dom_text(r, "member"), doc_get(r, "answers"));
}

int interviews_add(struct interviews *iv, const char *file, const struct doc *doc)
{
	const struct doc_node *r = doc->root;
	int rc;

	if (layout_kind(file) != KIND_INTERVIEW || !r || r->kind != DOC_MAP)
		return 0;
	if ((rc = add_interview(iv, r)) < 0)
		iv->failed = 1;
	return rc;
}

int interviews_add_opened(struct interviews *iv, const char *file, const struct doc *opened,
			  size_t unopened)
{
	const struct doc_node *r = opened->root;
	int rc;

	if (layout_kind(file) != KIND_INTERVIEW || !r || r->kind != DOC_MAP)
		return 0;
	if ((rc = add_interview(iv, r)) < 0)
		goto fail;
	if (!iv->v[iv->n - 1].confidential || unopened)
		return 0;
	iv->opened++;
	if ((rc = add_opened_answers(iv, dom_text(r, "member"), doc_get(r, "answers"))) < 0)
		goto fail;
	return 0;
fail:
	iv->failed = 1;
	return rc;
}

static int answer_cmp(const void *a, const void *b)
{
	const struct answer *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->member, y->member);
}

int interviews_summary(struct interviews *iv)
{
	size_t i, j;

	free(iv->questions);
	iv->questions = NULL;
	iv->nquestions = 0;
	if (!iv->nans)
		return 0;
	qsort(iv->ans, iv->nans, sizeof(*iv->ans), answer_cmp);
	/* at most one question per answer */
	if (!(iv->questions = malloc(iv->nans * sizeof(*iv->questions))))
		return ERR_NOMEM;
	for (i = 0; i < iv->nans; i = j) {
		struct question *q = &iv->questions[iv->nquestions++];

		for (j = i; j < iv->nans && iv->ans[j].order == iv->ans[i].order; j++)
			;
		q->id = iv->ans[i].question;
		q->ans = &iv->ans[i];
		q->n = j - i;
	}
	return 0;
}

void interviews_follow_guide(struct interviews *iv, const struct guide *g)
{
	size_t i, k;

	for (i = 0; i < iv->nans; i++) {
		k = guide_index(g, iv->ans[i].question);
		iv->ans[i].order = k < g->n ? k : g->n + iv->ans[i].order;
	}
}

void interviews_release(struct interviews *iv)
{
	size_t i;

	for (i = 0; i < iv->n; i++) {
		free(iv->v[i].id);
		free(iv->v[i].member);
		free(iv->v[i].interviewer);
		free(iv->v[i].date);
		free(iv->v[i].status);
	}
	free(iv->v);
	for (i = 0; i < iv->nans; i++) {
		free(iv->ans[i].question);
		free(iv->ans[i].member);
		if (iv->ans[i].confidential && iv->ans[i].text)
			age_wipe(iv->ans[i].text, strlen(iv->ans[i].text));
		free(iv->ans[i].text);
	}
	free(iv->ans);
	for (i = 0; i < iv->nseen; i++)
		free(iv->seen[i]);
	free(iv->seen);
	free(iv->questions);
	memset(iv, 0, sizeof(*iv));
}

int interviews_new_id(char *out, size_t size, const char *member,
		      int (*taken)(void *ctx, const char *id), void *ctx)
{
	int k, t;

	for (k = 1;; k++) {
		snprintf(out, size, "%s-%d", member, k);
		if ((t = taken(ctx, out)) <= 0)
			return t;
	}
}
