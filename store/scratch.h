/*
 * The editor's temporary file (convene edit, set --edit): made with
 * mkstemps() (mode 0600, a new name) in $TMPDIR, else /tmp; read back
 * after the editor; removed, one that held a secret text (a confidential
 * interview opened for a reader) overwritten with zeros first, so that
 * its blocks do not keep the text once the name is gone.  Failures are
 * errno values, for cmd/ to say in the user's language.
 */
#ifndef CONVENE_STORE_SCRATCH_H
#define CONVENE_STORE_SCRATCH_H

#include "core/buf.h"

struct scratch {
	char path[256];
	int secret;   /* wipe before removing */
};

enum {
	SCRATCH_OK = 0,
	SCRATCH_CANNOT_MAKE,   /* no file was made */
	SCRATCH_CANNOT_WRITE,  /* made, not written: removed again */
	SCRATCH_CANNOT_READ    /* not read back (text as far as it got) */
};

/*
 * Makes the file (its name ending in suffix) holding text; out->secret
 * is text->secret.  SCRATCH_OK, or SCRATCH_CANNOT_MAKE / _WRITE with
 * *why the errno value, nothing left behind.
 */
int scratch_make(struct scratch *out, const char *suffix, const struct buf *text, int *why);

/* Reads the file back into text (reset first), wiping the stdio chunks
 * of a secret one.  SCRATCH_OK or SCRATCH_CANNOT_READ (*why: errno). */
int scratch_read(const struct scratch *s, struct buf *text, int *why);

/* Removes the file, a secret one wiped first. */
void scratch_forget(const struct scratch *s);

#endif
