/*
 * A reader's file-key cache: the 16-byte file key each X25519 stanza
 * already opened once unwrapped to, so that reading the same values again
 * (the next interview summary) skips their X25519 (issue 15).  An entry is
 * keyed by all the stanza holds, its 32-byte ephemeral share and its
 * 32-byte wrapped body, so no other stanza ever finds it; and age_decrypt
 * trusts a cached key only once the header MAC it gives verifies (age.h).
 *
 * On disk ($GIT_DIR/convene/keys, store/keycache.c) the whole map is one
 * XChaCha20-Poly1305 seal under a key derived from the reader's identities:
 * age_keycache_seal() / age_keycache_open() here, pure C, no file access.
 *
 * Every block that held keys is wiped before it is freed.  A map is not
 * locked: look-ups on a const map may run on many threads at once, changes
 * only on one (each opener thread records into a map of its own, merged
 * after the threads are joined: struct age_keycache_use in age.h).
 */
#ifndef CONVENE_KEYCACHE_H
#define CONVENE_KEYCACHE_H

#include <stddef.h>

#include "age.h"
#include "buf.h"

#define AGE_KEYCACHE_MAX 200000   /* entries: a bigger map takes no more */
#define AGE_FILE_KEY_LEN 16
#define AGE_STANZA_BODY_LEN 32

struct age_keycache;

/* A new empty map (NULL: no memory).  Free with age_keycache_free(). */
struct age_keycache *age_keycache_new(void);
/* Wipes and frees c (NULL is a no-op). */
void age_keycache_free(struct age_keycache *c);
/* Empties c (wiped). */
void age_keycache_clear(struct age_keycache *c);
size_t age_keycache_count(const struct age_keycache *c);

/* The key of the stanza (share, body) into key: 1 when found, 0 if not.
 * Reads only: safe on many threads at once over one map. */
int age_keycache_find(const struct age_keycache *c, const unsigned char *share,
		      const unsigned char *body, unsigned char key[AGE_FILE_KEY_LEN]);

/* Records key for the stanza (share, body): 1 when that is new (or the key
 * differs), 0 when c had it or is full (AGE_KEYCACHE_MAX), -1 on no
 * memory. */
int age_keycache_put(struct age_keycache *c, const unsigned char *share,
		     const unsigned char *body, const unsigned char key[AGE_FILE_KEY_LEN]);

/* Every entry of src put into dst: the number new to dst, or -1. */
long age_keycache_merge(struct age_keycache *dst, const struct age_keycache *src);

/*
 * The map sealed for the holder of ids (all of them, in order: another
 * set of identities cannot open it), appended to out: a magic line, a
 * random 24-byte nonce and the XChaCha20-Poly1305 of the entries.  0, or
 * -1 (no identity, no memory).
 */
int age_keycache_seal(struct buf *out, const struct age_keycache *c,
		      const struct age_identity *ids, size_t nids);

/*
 * Puts the entries of a sealed map (data, len) into c: 0, or -1 when it is
 * not one sealed for ids (damaged, cut short, foreign, other identities):
 * then c is left as it was.  On no memory (-1 too) c may hold some of
 * them, each one as sound as the rest.
 */
int age_keycache_open(struct age_keycache *c, const void *data, size_t len,
		      const struct age_identity *ids, size_t nids);

#endif
