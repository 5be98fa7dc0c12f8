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

/*
 * Whether the sealed values of root (a confidential interview) are sealed
 * for other keys than the current readers': 1 or 0, or a negative error
 * (readers_load()'s).
 */
int secrets_stale(struct store *s, const struct doc_node *root, struct err *err);

/*
 * The files a change of readers rewrites, prepared in memory first so
 * that nothing is written unless all of them are ready: each with its
 * new bytes and the bytes it had (to put back if the commit fails).
 */
struct reseal_file {
	char *path;
	char *bytes, *old;
	size_t len, oldlen;
};
struct reseal {
	struct reseal_file *v;
	size_t n;
	size_t values;                 /* sealed values rewritten */
	char fail_file[128];           /* the file whose values did not open */
	struct secret_failures fails;  /* and which, why */
};
void reseal_release(struct reseal *rs);
/* Adds a file to rewrite (copies path and bytes).  0 or ERR_NOMEM. */
int reseal_add(struct reseal *rs, const char *path, const char *bytes, size_t len);

/*
 * Opens every confidential interview of the work tree with ids and seals
 * it anew for r[0..nr), into rs (nothing is written).  A value that does
 * not open refuses it all: ERR_DATA with rs->fail_file and rs->fails.
 */
int secrets_reseal(struct reseal *rs, struct store *s, const struct age_recipient *r, size_t nr,
		   const struct age_identity *ids, size_t nids, struct err *err);

/* Writes rs's files; if one fails, puts back those written (reseal_undo)
 * and returns the error. */
int reseal_write(struct store *s, struct reseal *rs, struct err *err);
/* Puts back the bytes rs's files had (after a commit that failed). */
int reseal_undo(struct store *s, const struct reseal *rs, size_t upto, struct err *err);

/*
 * The interviews of the work tree as a reader sees them, for interview
 * summary and list: each file in turn (scan_initiative(), its diagnostics
 * left to validate) through interviews_add_for_reader() with ids (none
 * for anyone else), and the interview guide of initiative.yaml into g
 * (unless NULL).  said(ctx, file, f), when not NULL, gets the values of
 * a file that did not open for a reason worth saying.  Returns 0, or a
 * negative code with err set (ERR_NOMEM when memory ran out).
 */
struct interviews;
struct guide;
struct secret_failures;
int secrets_read_interviews(struct store *s, struct interviews *iv, struct guide *g,
			    const struct age_identity *ids, size_t nids,
			    void (*said)(void *ctx, const char *file, const struct secret_failures *f),
			    void *ctx, struct err *err);

/* Whether the edited tree of file must be sealed before it is committed:
 * a confidential interview that holds plain values. */
int secrets_edit_needs_seal(const char *file, const struct doc *doc);
/*
 * Seals the plain values of doc, the edited tree of file, for the readers
 * (secrets_seal()); a value set to the text it had in old (the file's
 * bytes before the edit, oldlen; may be NULL), opened with ids, keeps its
 * ciphertext.  *was_plain (may be NULL) says whether old held plain text.
 * Returns 0 or secrets_seal()'s errors.
 */
int secrets_seal_edit(struct store *s, struct doc *doc, const char *file, const char *old,
		      size_t oldlen, const struct age_identity *ids, size_t nids, int *was_plain,
		      struct err *err);

/*
 * interview seal: what making doc (an interview, as committed) confidential
 * takes.  0: nothing, it is confidential and sealed for the current
 * readers' keys; SECRETS_SEAL: its plain values are to be sealed
 * (*was_plain says whether it holds any: the earlier commits keep them);
 * SECRETS_SEAL_ANEW: sealed for other keys, to be opened with a reader's
 * and sealed anew.  Or secrets_stale()'s errors.
 */
enum { SECRETS_SEAL = 1, SECRETS_SEAL_ANEW = 2 };
int secrets_seal_plan(struct store *s, const struct doc *doc, int *was_plain, struct err *err);
/*
 * Makes doc (an interview of file) confidential and seals it for the
 * readers, anew (plan SECRETS_SEAL_ANEW: opened with ids first; a value
 * that does not open is ERR_DATA with the failures in *f) or its plain
 * values.  On failure doc may hold opened text: the caller wipes it.
 */
int secrets_seal_interview(struct store *s, struct doc *doc, const char *file, int plan,
			   const struct age_identity *ids, size_t nids, struct secret_failures *f,
			   struct err *err);

#endif
