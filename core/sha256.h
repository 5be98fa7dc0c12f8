/*
 * SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), for HKDF and age's
 * header MAC: on the CPU's SHA extensions where it has them (x86's SHA-NI:
 * a tenth of the time of libsodium 1.0.18's portable code, which has no
 * other), else in portable C.  A reader's summary computes some 30,000 of
 * these blocks (issue 15).  Pure C; the state is the caller's, wiped with
 * sha256_wipe().
 */
#ifndef CONVENE_SHA256_H
#define CONVENE_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32

struct sha256 {
	uint32_t h[8];
	unsigned char buf[64];
	size_t n;          /* bytes in buf */
	uint64_t total;    /* bytes hashed */
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *p, size_t n);
void sha256_final(struct sha256 *c, unsigned char out[SHA256_LEN]);

struct hmac_sha256 {
	struct sha256 inner, outer;
};

/* A key of any length (longer than 64 bytes: its hash, as RFC 2104 says). */
void hmac_sha256_init(struct hmac_sha256 *h, const void *key, size_t n);
void hmac_sha256_update(struct hmac_sha256 *h, const void *p, size_t n);
/* Writes the MAC and wipes h. */
void hmac_sha256_final(struct hmac_sha256 *h, unsigned char out[SHA256_LEN]);

/* Whether the CPU's SHA extensions are used; sha256_force_portable(1)
 * (tests) turns them off, (0) back to what the CPU has.  Decided once,
 * before threads (age_init() calls sha256_hw()). */
int sha256_hw(void);
void sha256_force_portable(int on);

#endif
