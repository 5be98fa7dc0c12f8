/* Interviews, their summary and who may read them: see interviews.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "age.h"
#include "buf.h"
#include "domain.h"
#include "err.h"
#include "guide.h"
#include "interviews.h"
#include "layout.h"
#include "secret.h"
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

/* ---- a new interview ---- */

int interview_answer_split(const char *arg, char *q, size_t size, const char **text)
{
	const char *eq = strchr(arg, '=');
	size_t bad;

	if (size)
		q[0] = 0;
	if (!eq || (size_t)(eq - arg) >= size)
		return INTERVIEW_ANSWER_FORM;
	snprintf(q, size, "%.*s", (int)(eq - arg), arg);
	*text = eq + 1;
	if (!text_is_id(q))
		return INTERVIEW_ANSWER_ID;
	if (text_check(eq + 1, strlen(eq + 1), &bad))
		return INTERVIEW_ANSWER_TEXT;
	return 0;
}

/* Puts key: value on the root of a new interview, if value is given. */
static int put(struct doc *doc, const char *key, const char *value, int plain)
{
	if (!value)
		return 0;
	return dom_put(doc, KIND_INTERVIEW, NULL, 0, doc->root, key,
		       plain ? dom_plain(doc, value) : dom_str(doc, value));
}

int interview_build(struct doc *doc, const struct interview_new *x)
{
	const char *keys[] = { "answers" }, *text;
	struct doc_node *map;
	char q[72];
	size_t i;

	if (!doc->root && !(doc->root = doc_map(doc)))
		return ERR_NOMEM;
	if (put(doc, "id", x->id, 0) < 0 || put(doc, "member", x->member, 0) < 0 ||
	    put(doc, "interviewer", x->interviewer, 0) < 0 || put(doc, "date", x->date, 0) < 0 ||
	    put(doc, "status", x->planned ? "planned" : NULL, 0) < 0 ||
	    put(doc, "notes", x->notes, 0) < 0 ||
	    put(doc, "confidential", x->confidential ? "true" : NULL, 1) < 0)
		return ERR_NOMEM;
	if (!x->nanswers)
		return 0;
	if (!(map = doc_map(doc)) ||
	    dom_put(doc, KIND_INTERVIEW, NULL, 0, doc->root, "answers", map) < 0)
		return ERR_NOMEM;
	for (i = 0; i < x->nanswers; i++) {
		if (interview_answer_split(x->answers[i], q, sizeof(q), &text) == INTERVIEW_ANSWER_FORM)
			continue;  /* the caller checked them */
		if (dom_put(doc, KIND_INTERVIEW, keys, 1, map, q, dom_str(doc, text)) < 0)
			return ERR_NOMEM;
	}
	return 0;
}

/* ---- the guided interview ---- */

/* Whether QUESTION=TEXT answers of v[0..n) answer question id. */
static int answered(const char *const *v, size_t n, const char *id)
{
	size_t i, len = strlen(id);

	for (i = 0; i < n; i++)
		if (!strncmp(v[i], id, len) && v[i][len] == '=')
			return 1;
	return 0;
}

void interview_asking_start(struct interview_asking *a, const struct guide *g,
			    const char *const *given, size_t ngiven, char **typed, size_t max)
{
	size_t i;

	memset(a, 0, sizeof(*a));
	a->g = g;
	a->given = given;
	a->ngiven = ngiven;
	a->typed = typed;
	a->max = max;
	a->current = g->n;
	for (i = 0; i < g->n; i++)
		a->to_ask += !answered(given, ngiven, g->v[i].id);
}

const struct guide_question *interview_asking_next(struct interview_asking *a)
{
	while (a->next < a->g->n && a->ntyped < a->max) {
		size_t i = a->next++;

		if (answered(a->given, a->ngiven, a->g->v[i].id))
			continue;
		a->current = i;
		a->number++;
		return &a->g->v[i];
	}
	return NULL;
}

int interview_asking_answer(struct interview_asking *a, const char *line, size_t len)
{
	struct buf b = BUF_SECRET_INIT;  /* a confidential answer, typed */
	const char *id;
	size_t bad;
	char *kept;

	if (a->current >= a->g->n || a->ntyped >= a->max)
		return INTERVIEW_SKIPPED;
	id = a->g->v[a->current].id;
	buf_add(&b, line, len);
	text_lines(&b);
	if (b.failed) {
		buf_release(&b);
		return ERR_NOMEM;
	}
	if (!b.len) {
		buf_release(&b);
		return INTERVIEW_SKIPPED;
	}
	if (text_check(buf_str(&b), b.len, &bad)) {
		buf_release(&b);
		return INTERVIEW_NOT_TEXT;
	}
	if (!(kept = malloc(strlen(id) + b.len + 2))) {
		buf_release(&b);
		return ERR_NOMEM;
	}
	sprintf(kept, "%s=%s", id, buf_str(&b));
	buf_release(&b);
	a->typed[a->ntyped++] = kept;
	a->current = a->g->n;  /* answered: one answer a question */
	return INTERVIEW_KEPT;
}

void interview_asking_release(struct interview_asking *a)
{
	size_t i;

	for (i = 0; i < a->ntyped; i++) {
		age_wipe(a->typed[i], strlen(a->typed[i]));
		free(a->typed[i]);
	}
	a->ntyped = 0;
}

/* ---- what a reader sees ---- */

int interviews_confidential_copy(struct doc **copy, const char *file, const struct doc *doc)
{
	*copy = NULL;
	if (layout_kind(file) != KIND_INTERVIEW || !doc->root || !interview_confidential(doc->root))
		return 0;
	if (!(*copy = doc_new()) || !((*copy)->root = doc_copy(*copy, doc->root))) {
		doc_free(*copy);
		*copy = NULL;
		return ERR_NOMEM;
	}
	/* the summary shows answers: the notes are not opened (one X25519
	 * unwrap less per interview) */
	if (doc_get((*copy)->root, "notes"))
		doc_remove(doc_get((*copy)->root, "notes"));
	return 1;
}

long interviews_open_copy(struct doc *copy, const char *file, const struct age_identity *ids,
			  size_t nids, struct age_keycache_use *cache, struct secret_failures *f)
{
	return secret_open_doc_cached(copy, file, ids, nids, cache, f);
}

int interviews_add_copy(struct interviews *iv, const char *file, struct doc *copy, long opened,
			struct secret_failures *said)
{
	int rc = 0;

	if (opened < 0) {
		iv->failed = 1;
		rc = ERR_NOMEM;
	} else {
		rc = interviews_add_opened(iv, file, copy, said->n);
		secret_failures_drop_expected(said);
	}
	secret_wipe_doc(copy);
	doc_free(copy);
	return rc;
}

int interviews_add_for_reader(struct interviews *iv, const struct age_identity *ids, size_t nids,
			      const char *file, const struct doc *doc,
			      struct secret_failures *said)
{
	struct doc *copy;
	int rc;

	if (!nids || (rc = interviews_confidential_copy(&copy, file, doc)) == 0)
		return interviews_add(iv, file, doc);
	if (rc < 0) {
		iv->failed = 1;
		return rc;
	}
	return interviews_add_copy(iv, file, copy, interviews_open_copy(copy, file, ids, nids, NULL, said),
				   said);
}
