/*
 * HKDF-SHA-256 (RFC 5869) over sha256.h's HMAC-SHA-256 (libsodium 1.0.18
 * has no HKDF of its own, and a portable SHA-256 five times slower than
 * the CPU's SHA extensions).  Pure C.
 */
#ifndef CONVENE_HKDF_H
#define CONVENE_HKDF_H

#include <stddef.h>

/*
 * Derives outlen bytes (at most 255 * 32) from the input key material,
 * extract then expand.  An empty salt is the RFC's "string of HashLen
 * zeros".  Every intermediate is wiped.  0 on success, -1 when outlen is
 * too long.
 */
int hkdf_sha256(unsigned char *out, size_t outlen,
		const void *salt, size_t saltlen,
		const void *ikm, size_t ikmlen,
		const void *info, size_t infolen);

#endif
