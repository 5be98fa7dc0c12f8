/*
 * The history of a confidential interview's value as the user may see it
 * (DESIGN §7): each sealed value of a store_field_history() opened with
 * the user's keys, or said to be confidential, in place of its armored
 * text, so that history shows no ciphertext and, to anyone but a reader,
 * no text.  The texts put in are wiped when the history is done.
 */
#ifndef CONVENE_STORE_HISTOPEN_H
#define CONVENE_STORE_HISTOPEN_H

#include <stddef.h>

#include "core/age.h"
#include "core/err.h"
#include "core/path.h"
#include "fieldhist.h"

struct histopen {
	char **v;        /* every text put in place of a sealed one */
	size_t n;
	char **real;     /* of v, those opened (not "confidential ...") */
	size_t nreal;
};

#define HISTOPEN_INIT { NULL, 0, NULL, 0 }

/* Whether the history of p may hold sealed values: a field of an
 * interview (a whole file's history shows its armored bytes as git has
 * them). */
int histopen_applies(const struct path *p);

/*
 * For the history of p (when histopen_applies(p); nothing otherwise): each sealed value of h opened with ids (or
 * "confidential — readable by WHO", who the interview's readers), in
 * place of its text, which h frees as its own.  Returns 0, or ERR_NOMEM
 * with err set (what was opened stays in o, to release).
 */
int histopen_open(struct histopen *o, struct field_history *h, const struct path *p,
		  const struct age_identity *ids, size_t nids, const char *who, struct err *err);

/* Whether ch only sealed its value anew (a change of the readers): the
 * text opened the same before and after. */
int histopen_resealed(const struct histopen *o, const struct field_change *ch);

/* Wipes the texts o put in (before store_field_history_release() frees
 * them) and frees o's own arrays; o is HISTOPEN_INIT again. */
void histopen_release(struct histopen *o);

#endif
