/* The interview guide: see guide.h. */
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "err.h"
#include "guide.h"
#include "text.h"

int guide_from_initiative(struct guide *out, const struct doc_node *root)
{
	const struct doc_node *seq = root ? doc_get(root, "interview_questions") : NULL, *e;
	const char *id, *text;

	memset(out, 0, sizeof(*out));
	if (!seq || seq->kind != DOC_SEQ || !seq->n)
		return 0;
	if (!(out->v = calloc(seq->n, sizeof(*out->v))))
		return ERR_NOMEM;
	for (e = seq->head; e; e = e->next) {
		id = dom_text(e, "id");
		text = dom_text(e, "text");
		if (!id || !text_is_id(id) || !text || !*text || guide_index(out, id) < out->n)
			continue;
		out->v[out->n].id = strdup(id);
		out->v[out->n].text = strdup(text);
		if (!out->v[out->n].id || !out->v[out->n].text) {
			free(out->v[out->n].id);
			free(out->v[out->n].text);
			guide_release(out);
			return ERR_NOMEM;
		}
		out->n++;
	}
	return 0;
}

void guide_release(struct guide *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		free(g->v[i].id);
		free(g->v[i].text);
	}
	free(g->v);
	memset(g, 0, sizeof(*g));
}

size_t guide_index(const struct guide *g, const char *id)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (!strcmp(g->v[i].id, id))
			return i;
	return g->n;
}

const char *guide_text(const struct guide *g, const char *id)
{
	size_t i = guide_index(g, id);

	return i < g->n ? g->v[i].text : NULL;
}

/* The guide's place of an answer "QUESTION=TEXT". */
static size_t answer_rank(const struct guide *g, const char *answer)
{
	const char *eq = strchr(answer, '=');
	size_t len = eq ? (size_t)(eq - answer) : strlen(answer), i;

	for (i = 0; i < g->n; i++)
		if (strlen(g->v[i].id) == len && !strncmp(g->v[i].id, answer, len))
			return i;
	return g->n;
}

void guide_order_answers(const struct guide *g, const char **answers, size_t n)
{
	size_t i, j;

	/* insertion sort: stable, and a few dozen answers at most */
	for (i = 1; i < n; i++) {
		const char *x = answers[i];
		size_t r = answer_rank(g, x);

		for (j = i; j > 0 && answer_rank(g, answers[j - 1]) > r; j--)
			answers[j] = answers[j - 1];
		answers[j] = x;
	}
}
