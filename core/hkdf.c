/* HKDF-SHA-256 (RFC 5869): see hkdf.h. */
#include <sodium.h>
#include <string.h>

#include "hkdf.h"

int hkdf_sha256(unsigned char *out, size_t outlen,
		const void *salt, size_t saltlen,
		const void *ikm, size_t ikmlen,
		const void *info, size_t infolen)
{
	unsigned char zeros[crypto_auth_hmacsha256_BYTES] = { 0 };
	unsigned char prk[crypto_auth_hmacsha256_BYTES];
	unsigned char t[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	size_t done = 0, n;
	unsigned char counter = 0;

	if (outlen > 255 * sizeof(t))
		return -1;
	if (!saltlen) {
		salt = zeros;
		saltlen = sizeof(zeros);
	}
	/* extract: PRK = HMAC(salt, IKM) */
	crypto_auth_hmacsha256_init(&st, salt, saltlen);
	crypto_auth_hmacsha256_update(&st, ikm, ikmlen);
	crypto_auth_hmacsha256_final(&st, prk);
	/* expand: T(i) = HMAC(PRK, T(i-1) | info | i) */
	while (done < outlen) {
		counter++;
		crypto_auth_hmacsha256_init(&st, prk, sizeof(prk));
		if (counter > 1)
			crypto_auth_hmacsha256_update(&st, t, sizeof(t));
		crypto_auth_hmacsha256_update(&st, info, infolen);
		crypto_auth_hmacsha256_update(&st, &counter, 1);
		crypto_auth_hmacsha256_final(&st, t);
		n = outlen - done < sizeof(t) ? outlen - done : sizeof(t);
		memcpy(out + done, t, n);
		done += n;
	}
	sodium_memzero(prk, sizeof(prk));
	sodium_memzero(t, sizeof(t));
	sodium_memzero(&st, sizeof(st));
	return 0;
}
