/*
 * A reader's file-key cache between runs (core/keycache.h): the file
 * $GIT_DIR/convene/keys, the whole map sealed under a key derived from the
 * reader's identities, mode 0600, written under a temporary name and
 * renamed.  Nothing here reports: a cache that is missing, damaged,
 * foreign or sealed for other identities reads as empty, and one that
 * cannot be written is not written; the command's result is the same.
 */
#ifndef CONVENE_STORE_KEYCACHE_H
#define CONVENE_STORE_KEYCACHE_H

#include "core/age.h"
#include "core/keycache.h"
#include "store.h"

/* The cache of s for ids: a map (the caller frees it,
 * age_keycache_free()), empty when there is none to read; NULL only when
 * memory ran out (then read without one). */
struct age_keycache *store_keycache_load(struct store *s, const struct age_identity *ids,
					 size_t nids);

/* Writes c as the cache of s for ids, or nothing (silently) when it
 * cannot be written. */
void store_keycache_save(struct store *s, const struct age_keycache *c,
			 const struct age_identity *ids, size_t nids);

#endif
