/*
 * What the confidential interviews need from the initiative (DESIGN §7):
 * the readers of initiative.yaml with their age: keys, the user's
 * identity, and the sealing of one interview's tree for the readers.
 * Nothing here prints; the plaintext stays in the caller's tree and in
 * secret buffers (core/secret.h).
 */
#ifndef CONVENE_STORE_SECRETS_H
#define CONVENE_STORE_SECRETS_H

#include "core/age.h"
#include "core/doc.h"
#include "core/err.h"
#include "store.h"

/* The readers, in initiative.yaml's order, each with its key.  Owned by
 * the caller: readers_release(). */
struct readers {
	char **ids;
	struct age_recipient *r;
	size_t n;
};

/*
 * The readers that initiative (initiative.yaml's tree) lists, with the
 * age: key of each one's member file in the work tree.  A reader with no
 * member file, no age: key or one that does not parse is ERR_DATA naming
 * them.  No readers is not an error (n 0).
 */
int readers_load(struct readers *out, struct store *s, const struct doc *initiative,
		 struct err *err);
void readers_release(struct readers *r);
/* The readers' ids joined by ", " ("dana, yossi"), into out. */
void readers_names(const struct readers *r, char *out, size_t size);

/*
 * Seals the plain answers and notes of doc, an interview of file, for the
 * current readers (secret_seal_doc()); old (the tree before the edit, or
 * NULL) gives the ciphertexts to keep, opened with ids (the user's).
 * keep 0 seals every value anew.  ERR_USAGE when there are no readers
 * (hint: convene readers add).
 */
int secrets_seal(struct store *s, struct doc *doc, const char *file, const struct doc *old,
		 const struct age_identity *ids, size_t nids, int keep, struct err *err);

#endif
