/*
 * The sealed values of a confidential interview (DESIGN §7): every answer
 * and the notes, one armored age file each, whose plaintext starts with
 * the line that binds it to its place, "convene:<file>:<field path>\n"
 * (convene:interviews/rina-1.yaml:answers.motivation).  Pure C over
 * core/age.h.
 *
 * Plaintext lives in secret buffers (buf.secret), wiped when released.
 * A tree opened with secret_open_doc() holds plaintext in its doc's
 * strings: secret_wipe_doc() wipes them before the doc is freed.
 */
#ifndef CONVENE_SECRET_H
#define CONVENE_SECRET_H

#include <stddef.h>

#include "age.h"
#include "buf.h"
#include "doc.h"

/* Why a value did not open, beyond age.h's statuses. */
#define SECRET_MOVED  100  /* the place line names another field or file */
#define SECRET_NO_KEY 101  /* no identity was given */

/* Whether v is one of the values a confidential interview seals: an
 * answer or the notes of root.  Writes its field path ("answers.why",
 * "notes") into path. */
int secret_field_of(const struct doc_node *root, const struct doc_node *v, char *path, size_t size);

/*
 * Opens one sealed value v (a DOC_SECRET scalar) of file at field path:
 * appends its text (after the place line) to plain, which must be secret.
 * Returns 0; an age.h status (AGE_NOT_FOR_US, AGE_BAD_PAYLOAD...),
 * SECRET_NO_KEY, or SECRET_MOVED (found, when not NULL, gets the place
 * the value says it belongs to).  Nothing is appended on failure.
 */
int secret_open_value(struct buf *plain, const char *file, const char *path,
		      const struct doc_node *v, const struct age_identity *ids, size_t nids,
		      char *found, size_t found_size);

/* What a failure of secret_open_value() means, in a few words. */
const char *secret_strerror(int status);

/*
 * Seals text (len bytes) for the recipients as the value of path in file:
 * *out is a new DOC_SECRET scalar of doc.  Returns 0 or an age.h status.
 */
int secret_seal_value(struct doc_node **out, struct doc *doc, const char *file, const char *path,
		      const char *text, size_t len, const struct age_recipient *r, size_t nr);

/* One value that did not open: its place and why. */
struct secret_failure {
	char path[96];
	unsigned line, col;
	int status;
	char found[160];  /* SECRET_MOVED: where it says it belongs */
};

struct secret_failures {
	struct secret_failure *v;
	size_t n;
	int failed;  /* out of memory */
};
void secret_failures_release(struct secret_failures *f);

/*
 * Opens every sealed value of a confidential interview's tree in place:
 * each becomes a plain string scalar holding its text.  A value that does
 * not open stays sealed and is listed in *fails (the caller releases it).
 * Returns the number opened, or -1 (no memory).
 */
long secret_open_doc(struct doc *doc, const char *file, const struct age_identity *ids,
		     size_t nids, struct secret_failures *fails);
/* secret_open_doc() with a file-key cache (age.h; NULL: none). */
long secret_open_doc_cached(struct doc *doc, const char *file, const struct age_identity *ids,
			    size_t nids, struct age_keycache_use *cache,
			    struct secret_failures *fails);

/* Wipes the text of every answer and the notes of a tree now, and marks
 * its doc so that doc_free() wipes the whole arena (the nodes an edit let
 * go of too).  Before doc_free() of a tree that secret_open_doc() opened. */
void secret_wipe_doc(struct doc *doc);

/*
 * Seals the plain answers and notes of doc (an interview of file) for the
 * recipients, and sets sealed_for to them.  A value whose text is what
 * old (the file's tree before the edit, sealed; may be NULL) holds at that
 * place, opened with ids, keeps old's ciphertext byte for byte, so that an
 * edit of one answer changes one value; with keep 0 (a new set of
 * readers) every value is sealed anew.  Values of doc already sealed stay
 * as they are.  Returns 0 or an age.h status (AGE_NOMEM).
 */
int secret_seal_doc(struct doc *doc, const char *file, const struct doc *old,
		    const struct age_identity *ids, size_t nids,
		    const struct age_recipient *r, size_t nr, int keep);

/* Whether a failure is what anyone but a reader expects (the value is
 * not for this key, or there is no key): not worth an error. */
int secret_failure_expected(int status);
/* Leaves in f only the failures worth saying (damaged, moved...). */
void secret_failures_drop_expected(struct secret_failures *f);

/*
 * Opens the sealed values of a confidential interview's tree as the read
 * commands show them (secret_open_doc()): a value that does not open is
 * replaced by a plain scalar holding placeholder (never its ciphertext or
 * a part of its text), and listed in *fails.  A tree that is not a
 * confidential interview is left as it is.  Returns the number of values
 * left unopened, or -1 (no memory).
 */
long secret_open_for_show(struct doc *doc, const char *file, const struct age_identity *ids,
			  size_t nids, const char *placeholder, struct secret_failures *fails);

/* The tree of the bytes of a confidential interview (file's, at some
 * commit), or NULL when they are not one (or do not load, or no memory). */
struct doc *secret_load_confidential(const char *file, const char *data, size_t len);

/*
 * A confidential interview's tree (secret_load_confidential()) as a reader
 * or anyone else may see it: 1 with its YAML opened
 * (secret_open_for_show()) appended to out, which must be secret; 0 when
 * all_or_none is set and a value did not open: nothing is appended.  -1
 * on no memory.  *fails lists the values that did not open.  doc is wiped
 * and freed.
 */
int secret_show_bytes(struct doc *doc, const char *file, const struct age_identity *ids,
		      size_t nids, const char *placeholder, int all_or_none, struct buf *out,
		      struct secret_failures *fails);

#endif
