/*
 * The one-on-one interviews as the read commands see them: the list, the
 * summary (answers grouped by question, for meeting 1) and the rule of
 * confidentiality.  Pure: the caller loads each file (cmd's
 * visit_initiative) and feeds it to interviews_add().
 *
 * Ownership: struct interviews owns every string and array in it until
 * interviews_release().
 */
#ifndef CONVENE_INTERVIEWS_H
#define CONVENE_INTERVIEWS_H

#include <stddef.h>

#include "doc.h"

/* Whether an interview (the root of its file) is confidential: its
 * answers are counted, never shown.  confidential: true, True or TRUE
 * (dom_flag()); a quoted "true" or "yes" is text, not the flag. */
int interview_confidential(const struct doc_node *root);
/* An interview's status: what the file says (planned), else done. */
const char *interview_status(const struct doc_node *root);

/* One row of interview list; strings are NULL when absent, status never. */
struct interview_info {
	char *id, *member, *interviewer, *date, *status;
	int confidential;
};

/* One answer, of an interview that is not confidential, or of one a
 * reader opened (interviews_add_opened()). */
struct answer {
	char *question, *member, *text;  /* member "?" when the file names none */
	size_t order;  /* when the question was first seen */
	int confidential;  /* opened from a sealed value: wiped on release */
};

/* The answers to one question: a run of interviews.ans. */
struct question {
	const char *id;
	const struct answer *ans;
	size_t n;
};

struct interviews {
	struct interview_info *v;   /* in the order they were added */
	size_t n;
	size_t confidential;        /* of them, how many are */
	size_t opened;              /* of those, how many the reader's key opened */
	struct answer *ans;
	size_t nans;
	char **seen;                /* question ids, in the order first seen */
	size_t nseen;
	struct question *questions; /* after interviews_summary() */
	size_t nquestions;
	int failed;                 /* memory ran out: what was gathered is incomplete */
};

/* Takes an interview file (others are skipped): its row, and its answers
 * unless it is confidential.  Returns 0, or ERR_NOMEM (and sets failed). */
int interviews_add(struct interviews *iv, const char *file, const struct doc *doc);
/*
 * The same for a confidential interview that a reader opened
 * (secret_open_doc()): its opened answers are taken, marked confidential;
 * one whose values did not all open (unopened) is counted as not shown.
 */
int interviews_add_opened(struct interviews *iv, const char *file, const struct doc *opened,
			  size_t unopened);
/*
 * Groups the answers by question, questions in the order they were first
 * seen and each one's answers by member, into iv->questions.  Returns 0 or
 * ERR_NOMEM.
 */
int interviews_summary(struct interviews *iv);
/*
 * Makes interviews_summary() follow the interview guide (guide.h): the
 * guide's questions first, in its order, then the others in the order
 * they were first seen.  Call it once, after the last interviews_add().
 */
struct guide;
void interviews_follow_guide(struct interviews *iv, const struct guide *g);
void interviews_release(struct interviews *iv);

/*
 * The id of a new interview of member when none is given: "dana-1", or
 * "dana-2" when that one is taken, and so on.  taken(ctx, id) says
 * whether an id is in use: 1, 0, or a negative error code, which is
 * returned as it is.  Returns 0 with the id in out.
 */
int interviews_new_id(char *out, size_t size, const char *member,
		      int (*taken)(void *ctx, const char *id), void *ctx);

#endif
