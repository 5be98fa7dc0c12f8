/*
 * What the commands share about confidential interviews (DESIGN §7): the
 * user's identity, and saying why values did not open.  cmd/secrets.c.
 */
#ifndef CONVENE_CMD_SECRETS_H
#define CONVENE_CMD_SECRETS_H

#include "core/age.h"
#include "core/sealed.h"
#include "core/secret.h"
#include "store/readers.h"
#include "store/secrets.h"
#include "store/store.h"
#include "txn.h"

/*
 * The user's identities (identity_load(), store/identity.h).  No identity is not an
 * error: *n is 0 and why says how to make one.  An identity file that is
 * refused (readable by others, not a key) is printed and its exit code
 * returned.
 */
int user_identity(struct store *s, struct age_identity **ids, size_t *n, struct err *why);
/* The same, with the identity file's path (where it was looked for) into
 * path. */
int user_identity_at(struct store *s, struct age_identity **ids, size_t *n, struct err *why,
		     char *path, size_t size);

/* "convene: error: " or "convene: hint: ", then fmt (translated by the
 * caller) and a line end, on standard error. */
void say_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void say_hint(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "file:line:col: error: FIELD: why" for each value of f, after
 * (may be NULL) at the end of each line. */
void say_failures(const char *file, const struct secret_failures *f, const char *after);
/* Prints one line per value of file that did not open: file:line:col:
 * error: FIELD: why; then what to do (why: no identity's reason). */
void say_unopened(const char *file, const struct secret_failures *f, const struct err *why);

/*
 * Opens the confidential values of doc (an interview of file) for the
 * user, as the read commands show them: what does not open is replaced by
 * "confidential — readable by ..." (never its ciphertext or a part of its
 * text).  Returns the number of values left unopened (0 when all opened or
 * the interview is not confidential), -1 on no memory.  An identity file
 * that is refused is said, its exit code put in *refused (may be NULL),
 * and the values shown as to anyone else.  why (may be NULL) gets why
 * the user has no identity: code ERR_NOTFOUND, where it was looked for
 * and how to make one (already said on standard error).
 */
long open_for_reading(struct store *s, struct doc *doc, const char *file, int *refused,
		      struct err *why);

/* The bytes of an interview file (at some commit) as a reader or anyone
 * else may see them: 1 with its YAML, opened (open_for_reading), into
 * out (secret); 0 when it is not a confidential interview, or when
 * all_or_none is set and a value did not open (the bytes as they are: a
 * diff of them says what changed, and holds no text). */
int open_bytes(struct store *s, const char *file, const char *data, size_t len, struct buf *out,
	       int all_or_none);

/*
 * Before an edit of an interview is committed (set, resolve): if it is
 * confidential, seals its plain values for the readers.  *was_plain
 * (may be NULL) says whether the file as committed held plain text that
 * is now sealed: the earlier commits keep it (say_history_keeps()).
 * Returns 0, or the exit code with t released.
 */
int seal_edit(struct store *s, struct txn *t, int *was_plain);
/* Says that the earlier commits still hold file's plain text. */
void say_history_keeps(const char *file);

#endif
