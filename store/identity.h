/*
 * The user's age identity (DESIGN §7): which file holds it, reading it
 * (refused when others can read it), and writing a new one for
 * `convene key new`.  The only code that reads convene.identity from git
 * config.  No message ever holds any part of a secret key.
 */
#ifndef CONVENE_STORE_IDENTITY_H
#define CONVENE_STORE_IDENTITY_H

#include <stddef.h>

#include "core/age.h"
#include "core/err.h"
#include "store.h"

/*
 * The identity file's path into out: convene.identity from git config
 * (s's config, or the user's when s is NULL), `~` expanded; else
 * $XDG_CONFIG_HOME/convene/identity, ~/.config/convene/identity when that
 * is unset.  *configured says whether it came from git config.
 */
int identity_path(struct store *s, char *out, size_t size, int *configured,
		  struct err *err);

/*
 * Reads the identities of the identity file (path as identity_path()
 * gives it, into path).  *ids is the caller's, freed with
 * age_identities_free(*ids, *n).  ERR_NOTFOUND when it is missing (the
 * hint says how to make one); ERR_DATA when group or others may read or
 * change it (the hint: chmod 600 FILE), or for a line that is not a key
 * ("FILE:LINE: not an age identity").
 */
int identity_load(struct store *s, struct age_identity **ids, size_t *n,
		  char *path, size_t pathsize, struct err *err);

/*
 * Writes id to path as age-keygen does (comments, the public key, the
 * secret key): a new file in the same folder made with mode 0600 and
 * O_EXCL, fsynced, then moved into place; missing folders are made 0700.
 * An existing file is ERR_DATA unless force.  Nothing is left behind on
 * failure.
 */
int identity_write(const char *path, const struct age_identity *id, int force,
		   struct err *err);

/*
 * The public keys of the identities convene uses (identity_load()), in
 * the file's order, into *out (the caller's, free()): what key show
 * prints and key publish puts on the member file.  identity_load()'s
 * errors; never an empty list.
 */
int identity_recipients(struct store *s, struct age_recipient **out, size_t *n,
			struct err *err);

#endif
