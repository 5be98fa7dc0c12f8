/*
 * The age file format, v1 (https://age-encryption.org/v1), for X25519
 * recipients only: what convene seals confidential values with, so that the
 * standard `age` tool reads them and convene reads what `age -r ... -a`
 * writes.  On libsodium (X25519, ChaCha20-Poly1305 IETF, HMAC-SHA-256);
 * HKDF-SHA-256 (RFC 5869) and Bech32 (BIP 173) are written here.
 *
 * Secret bytes (identities, file keys, plaintexts) are wiped when they are
 * released: a struct buf with .secret set wipes what it frees.
 *
 * This header is the contract between the format (core/age.c) and its users
 * (core/secret.c, the identity loader, `convene key`).  Pure C: no printing,
 * no exit, no file access.
 */
#ifndef CONVENE_AGE_H
#define CONVENE_AGE_H

#include <stddef.h>
#include "buf.h"

#define AGE_KEY_LEN 32
/* "age1" + 58 Bech32 characters, and "AGE-SECRET-KEY-1" + 58, with NUL */
#define AGE_RECIPIENT_STRLEN 63
#define AGE_IDENTITY_STRLEN 75

struct age_recipient {
	unsigned char pk[AGE_KEY_LEN];
};

struct age_identity {
	unsigned char sk[AGE_KEY_LEN];
	unsigned char pk[AGE_KEY_LEN];	/* derived from sk */
};

enum age_status {
	AGE_OK = 0,
	AGE_NOMEM,		/* out of memory */
	AGE_BAD_KEY,		/* not an age1... recipient / AGE-SECRET-KEY-1... identity */
	AGE_BAD_ARMOR,		/* not a well-formed ASCII-armored age file */
	AGE_BAD_HEADER,		/* the header does not parse */
	AGE_UNSUPPORTED,	/* a well-formed file sealed with no X25519 stanza we can use (scrypt, plugins) */
	AGE_NOT_FOR_US,		/* sealed, but not for any of the identities given */
	AGE_BAD_HEADER_MAC,	/* the header was changed after it was sealed */
	AGE_BAD_PAYLOAD,	/* the payload fails authentication or is truncated */
};

/* Must be called once before anything else (sodium_init); 0 on success. */
int age_init(void);

/* A new identity from the system's random source. */
int age_keygen(struct age_identity *id);

/* Bech32 forms.  Parsing ignores nothing: the whole string must be the key
 * (upper case for identities as age-keygen writes them, lower case for
 * recipients; mixed case is refused, as BIP 173 says). */
int age_recipient_parse(const char *s, struct age_recipient *out);
void age_recipient_format(const struct age_recipient *r, char out[AGE_RECIPIENT_STRLEN]);
int age_identity_parse(const char *s, struct age_identity *out);
/* out is secret: wipe it (age_wipe) when done. */
void age_identity_format(const struct age_identity *id, char out[AGE_IDENTITY_STRLEN]);
void age_identity_recipient(const struct age_identity *id, struct age_recipient *out);

/*
 * An identity file as age-keygen writes it: lines, '#' comments, blank
 * lines, one or more AGE-SECRET-KEY-1... lines.  On success *ids is an array
 * of *n identities (free with age_identities_free, which wipes them); on
 * failure *line is the 1-based line that is not a key (0 when the file
 * holds no key at all).
 */
int age_identities_parse(const char *text, size_t len,
			 struct age_identity **ids, size_t *n, size_t *line);
void age_identities_free(struct age_identity *ids, size_t n);

/*
 * Seals len bytes of plaintext for the recipients (at least one) into out
 * (appended), ASCII-armored when armor is set ("-----BEGIN AGE ENCRYPTED
 * FILE-----", 64 columns, as age -a writes it).
 */
int age_encrypt(const struct age_recipient *r, size_t nr,
		const void *plain, size_t len, int armor, struct buf *out);

/*
 * Opens an age file, armored or binary (found from its first bytes), with
 * the first identity that unwraps its file key.  The plaintext is appended
 * to plain, which the caller must have marked secret (plain->secret = 1);
 * on any failure nothing is appended — never part of a plaintext.
 */
int age_decrypt(const struct age_identity *ids, size_t nids,
		const void *file, size_t len, struct buf *plain);

/*
 * age_decrypt(), trying the hint'th X25519 stanza (0-based, in the order
 * of the header) first: where the caller knows which recipient its
 * identity is (sealed_for), one X25519 opens the value instead of one per
 * stanza before it.  A wrong, stale or out-of-range hint ((size_t)-1: none)
 * only costs time: the other stanzas are then tried in order, and the
 * result is age_decrypt()'s.
 */
int age_decrypt_hint(const struct age_identity *ids, size_t nids, size_t hint,
		     const void *file, size_t len, struct buf *plain);

/*
 * A reader's file-key cache in use (keycache.h): known is looked up and
 * never changed, so one known map may serve many threads at once; seen is
 * this caller's own (one per thread), where every key found or used is
 * recorded.  A stanza found in known or seen gives its file key without an
 * X25519, trusted only once the header MAC it gives verifies: a wrong or
 * stale entry falls back to the unwrap, never to a wrong plaintext.  A key
 * is recorded only once the header MAC verified.
 */
struct age_keycache;
struct age_keycache_use {
	const struct age_keycache *known;  /* may be NULL */
	struct age_keycache *seen;         /* may be NULL: nothing recorded */
	unsigned long unwraps;             /* X25519 computed while opening */
	unsigned long fresh;               /* keys recorded that known lacked */
	int failed;                        /* seen ran out of memory */
};

/* age_decrypt_hint() with a file-key cache (NULL: none, the same as
 * age_decrypt_hint()). */
int age_decrypt_cached(const struct age_identity *ids, size_t nids, size_t hint,
		       struct age_keycache_use *cache, const void *file, size_t len,
		       struct buf *plain);

/* The recipients' stanza count of a sealed file, without an identity (for
 * `validate`: is this value sealed for the current readers?).  Fails with
 * AGE_BAD_ARMOR / AGE_BAD_HEADER. */
int age_header_stanzas(const void *file, size_t len, size_t *x25519, size_t *other);

/* What the status means, in a few words ("not readable with your key"). */
const char *age_strerror(int status);

/* Wipes n bytes (sodium_memzero). */
void age_wipe(void *p, size_t n);

#endif
