/*
 * A confidential interview edited by hand (convene edit, DESIGN §7): the
 * text a reader sees in the editor, every sealed value opened, and the
 * errors that the sealing on save takes away.  Pure; cmd/edit.c runs the
 * editor, store/secrets.h seals again on save.
 */
#ifndef CONVENE_SEALEDIT_H
#define CONVENE_SEALEDIT_H

#include <stddef.h>

#include "age.h"
#include "buf.h"
#include "doc.h"
#include "schema.h"
#include "secret.h"

/* Whether orig (len bytes) is file as a confidential interview: an
 * interview's path, a mapping that loads, confidential: true. */
int sealedit_is_confidential(const char *file, const char *orig, size_t len);

enum {
	SEALEDIT_PLAIN = 0,     /* not a confidential interview: nothing set */
	SEALEDIT_OPENED = 1,    /* text and *sealed set */
	SEALEDIT_UNOPENED = 2   /* values did not open: *fails lists them */
};

/*
 * The text of orig (file's bytes, a confidential interview) with every
 * sealed value opened with ids, into text (a secret buffer, reset first),
 * and *sealed the tree as it is (the caller frees it), from which an
 * unchanged value keeps its ciphertext on save.  Returns a SEALEDIT_*
 * value, or -1 when memory ran out.  With SEALEDIT_UNOPENED, fails lists
 * the values that did not open (the caller releases it) and nothing else
 * is set: only a reader edits a confidential interview.
 */
int sealedit_open(struct buf *text, struct doc **sealed, const char *file, const char *orig,
		  size_t len, const struct age_identity *ids, size_t nids,
		  struct secret_failures *fails);

/* Drops from d the errors about plain text in a confidential interview
 * (SCHEMA_UNSEALED): the file is sealed on save. */
void sealedit_drop_unsealed(struct diags *d);

#endif
