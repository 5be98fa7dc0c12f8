/*
 * The interview guide (DESIGN §8): initiative.yaml's interview_questions,
 * a list of {id, text} that `interview add` asks in order and that
 * `interview summary` follows.  Pure: the caller loads initiative.yaml.
 *
 * Ownership: struct guide owns its strings until guide_release().
 */
#ifndef CONVENE_GUIDE_H
#define CONVENE_GUIDE_H

#include <stddef.h>

#include "doc.h"

struct guide_question {
	char *id, *text;
};

struct guide {
	struct guide_question *v;  /* in the file's order */
	size_t n;
};

/*
 * The guide of an initiative (the root of initiative.yaml, may be NULL):
 * each entry with an id and a text, in order; an entry without them, or
 * an id seen before, is left out (validate reports it).  An initiative
 * without interview_questions has an empty guide.  Returns 0 or ERR_NOMEM.
 */
int guide_from_initiative(struct guide *out, const struct doc_node *root);
void guide_release(struct guide *g);

/* The place of question id in the guide, or g->n when it is not in it. */
size_t guide_index(const struct guide *g, const char *id);
/* The text of question id, or NULL when it is not in the guide. */
const char *guide_text(const struct guide *g, const char *id);

/*
 * Orders answers given as "QUESTION=TEXT" (interview add --answer): the
 * guide's questions in the guide's order, then the others in the order
 * given (stable).  The strings are not copied, only the pointers moved.
 */
void guide_order_answers(const struct guide *g, const char **answers, size_t n);

#endif
