/*
 * readers add | rm | list (DESIGN §7) below the command line: the ids
 * initiative.yaml lists as readers, each member's age: key, and a change
 * of readers prepared as a struct reseal (store/secrets.h): every
 * confidential value sealed anew for the new set, with initiative.yaml
 * naming them, for the caller to write and commit at once.  Nothing here
 * prints.
 *
 * Ownership: the id lists are the caller's (readers_ids_free()); a
 * reseal is the caller's (reseal_release()).
 */
#ifndef CONVENE_STORE_READERS_H
#define CONVENE_STORE_READERS_H

#include <stddef.h>

#include "core/age.h"
#include "core/err.h"
#include "core/secret.h"
#include "secrets.h"
#include "store.h"

/*
 * The readers of initiative.yaml, each once, in its order, into *out
 * with room for `room` more ids after them (for the caller to add); a
 * value that is not a string is skipped.  No readers: *n 0.  The error
 * of loading initiative.yaml otherwise.
 */
int readers_ids(char ***out, size_t *n, size_t room, struct store *s, struct err *err);
void readers_ids_free(char **v, size_t n);
/* Whether id is one of v[0..n). */
int readers_has(char *const *v, size_t n, const char *id);
/* Takes id out of v[0..n) (freeing it); 1 if it was there. */
int readers_remove(char **v, size_t *n, const char *id);

/* The age: key of member id: 1 with it in out, 0 when the member has
 * none (or its file does not load), -1 when there is no such member. */
int readers_member_key(struct store *s, const char *id, char *out, size_t size);
/* The member id closest to a mistyped one (at most 2 edits, and at most
 * half of it), for "did you mean"; "" when none. */
void readers_nearest_member(struct store *s, const char *id, char *out, size_t size);

/* The readers of initiative.yaml joined by ", " ("dana, yossi"); "" when
 * none or when it does not load. */
void readers_of(struct store *s, char *out, size_t size);

/*
 * The key of each of ids[0..n) into *out (n of them; the caller frees
 * it), or ERR_DATA naming the first without a usable age: key (with what
 * to do), ERR_NOMEM.
 */
int readers_recipients(struct age_recipient **out, struct store *s, char *const *ids, size_t n,
		       struct err *err);

/*
 * Adds to rs initiative.yaml with readers: ids[0..n) (in that order,
 * canonical YAML).  ERR_NOMEM, or the error of loading it (the caller
 * names initiative.yaml).
 */
int readers_put(struct reseal *rs, struct store *s, char *const *ids, size_t n, struct err *err);

/*
 * A change of readers, written to the work tree and not yet committed:
 * the list ids[0..n) in initiative.yaml and every confidential interview
 * opened with me (the user's identities) and sealed anew for their keys,
 * into rs and the files; the caller commits them, or puts them back with
 * reseal_undo().  Takes the store's lock.  Nothing is written when it
 * fails: ERR_DATA with *dirty (malloc()ed, the caller frees) naming a
 * file with changes not committed; ERR_DATA with rs->fail_file and
 * rs->fails when a value did not open; else err, of the file *where
 * (NULL for none).
 */
int readers_change(struct reseal *rs, struct store *s, char *const *ids, size_t n,
		   const struct age_identity *me, size_t nme, char **dirty, const char **where,
		   struct err *err);

#endif
