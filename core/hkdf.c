/* HKDF-SHA-256 (RFC 5869): see hkdf.h. */
#include <sodium.h>
#include <string.h>

#include "hkdf.h"
#include "sha256.h"

int hkdf_sha256(unsigned char *out, size_t outlen,
		const void *salt, size_t saltlen,
		const void *ikm, size_t ikmlen,
		const void *info, size_t infolen)
{
	unsigned char zeros[SHA256_LEN] = { 0 };
	unsigned char prk[SHA256_LEN];
	unsigned char t[SHA256_LEN];
	struct hmac_sha256 st;
	size_t done = 0, n;
	unsigned char counter = 0;

	if (outlen > 255 * sizeof(t))
		return -1;
	if (!saltlen) {
		salt = zeros;
		saltlen = sizeof(zeros);
	}
	/* extract: PRK = HMAC(salt, IKM) */
	hmac_sha256_init(&st, salt, saltlen);
	hmac_sha256_update(&st, ikm, ikmlen);
	hmac_sha256_final(&st, prk);
	/* expand: T(i) = HMAC(PRK, T(i-1) | info | i) */
	while (done < outlen) {
		counter++;
		hmac_sha256_init(&st, prk, sizeof(prk));
		if (counter > 1)
			hmac_sha256_update(&st, t, sizeof(t));
		hmac_sha256_update(&st, info, infolen);
		hmac_sha256_update(&st, &counter, 1);
		hmac_sha256_final(&st, t);
		n = outlen - done < sizeof(t) ? outlen - done : sizeof(t);
		memcpy(out + done, t, n);
		done += n;
	}
	sodium_memzero(prk, sizeof(prk));
	sodium_memzero(t, sizeof(t));
	sodium_memzero(&st, sizeof(st));
	return 0;
}
