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

/* ---- a new interview (interview add) ---- */

/* Why an --answer QUESTION=TEXT is refused (interview_answer_split()). */
enum {
	INTERVIEW_ANSWER_FORM = 1,  /* no '=', or a question longer than the room for it */
	INTERVIEW_ANSWER_ID,        /* the question is not an id */
	INTERVIEW_ANSWER_TEXT       /* the text is not UTF-8 */
};

/*
 * Splits an answer "QUESTION=TEXT": the question into q (size bytes),
 * *text at the text.  Returns 0, or one of the INTERVIEW_ANSWER_ codes
 * (q holds the question for ID and TEXT, to name it).
 */
int interview_answer_split(const char *arg, char *q, size_t size, const char **text);

/* What a new interview says; NULL strings are left out. */
struct interview_new {
	const char *id, *member, *interviewer, *date, *notes;
	int planned, confidential;
	const char *const *answers;  /* "QUESTION=TEXT", checked with interview_answer_split() */
	size_t nanswers;
};

/* Builds the tree of a new interview into doc's root, in the schema's
 * key order (dom_put()).  Returns 0 or ERR_NOMEM. */
int interview_build(struct doc *doc, const struct interview_new *x);

/*
 * The guided interview (interview add on a terminal, or --ask): which
 * question comes next and what is kept of each answer; the terminal is
 * the caller's.  The guide's questions that given[0..ngiven) does not
 * answer are asked in the guide's order; each answer is kept as a
 * malloc()ed "QUESTION=TEXT" in typed[], at most max of them, so that
 * they come out in the guide's order too.
 */
struct guide;
struct guide_question;
struct interview_asking {
	const struct guide *g;
	const char *const *given;
	size_t ngiven;
	size_t to_ask;    /* how many questions will be asked */
	size_t number;    /* the number of the question asked last, 1-based */
	size_t next;      /* the guide's index of the next question to look at */
	size_t current;   /* the guide's index of the question asked last */
	char **typed;
	size_t ntyped, max;
};

void interview_asking_start(struct interview_asking *a, const struct guide *g,
			    const char *const *given, size_t ngiven, char **typed, size_t max);
/* The next question to ask (a->number is its number), or NULL when every
 * one was asked or max answers are kept. */
const struct guide_question *interview_asking_next(struct interview_asking *a);

/* What interview_asking_answer() did with a line. */
enum {
	INTERVIEW_KEPT = 0,     /* the answer to the current question is kept */
	INTERVIEW_SKIPPED = 1,  /* an empty line: the question is skipped */
	INTERVIEW_NOT_TEXT = 2  /* not UTF-8: ask the same question again */
};

/*
 * One line typed for the current question (len bytes, without its end of
 * line; a CR before it is dropped).  Returns INTERVIEW_KEPT,
 * INTERVIEW_SKIPPED, INTERVIEW_NOT_TEXT, or ERR_NOMEM.
 */
int interview_asking_answer(struct interview_asking *a, const char *line, size_t len);

/* Frees the answers kept (a->typed[0..ntyped)). */
void interview_asking_release(struct interview_asking *a);

/* ---- what a reader sees ---- */

struct age_identity;
struct age_keycache_use;
struct secret_failures;

/*
 * interviews_add() as a reader sees the interviews: a confidential one
 * is opened with the reader's key (ids, nids: none for anyone else) in a
 * copy that is wiped when it has been read; its notes are not opened (a
 * summary shows answers).  The values that did not open for a reason
 * worth saying (damaged, moved: not "not for this key") are added to
 * *said (the caller releases it).  Returns 0 or ERR_NOMEM (and sets
 * failed).
 */
int interviews_add_for_reader(struct interviews *iv, const struct age_identity *ids, size_t nids,
			      const char *file, const struct doc *doc,
			      struct secret_failures *said);

/*
 * interviews_add_for_reader() in three steps, for a caller that opens
 * many interviews at once (the second step of each on its own thread):
 * the copy of a confidential interview of file to open (1, with *copy;
 * 0 for any other file; ERR_NOMEM); its opening (secret_open_doc(): the
 * number opened or -1, the failures into f; cache: a file-key cache,
 * age.h, or NULL); its adding to iv (the copy wiped and freed, f left
 * with the failures worth saying).
 */
int interviews_confidential_copy(struct doc **copy, const char *file, const struct doc *doc);
long interviews_open_copy(struct doc *copy, const char *file, const struct age_identity *ids,
			  size_t nids, struct age_keycache_use *cache, struct secret_failures *f);
int interviews_add_copy(struct interviews *iv, const char *file, struct doc *copy, long opened,
			struct secret_failures *said);

#endif
