/*
 * Unit tests for core/sha256.c: the FIPS 180-4 examples, and every length
 * up to 700 bytes cut at every kind of place, with keys of every length,
 * the same as libsodium's SHA-256 and HMAC-SHA-256, on the CPU's SHA
 * extensions (when it has them) and in portable C.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/sha256.h"
#include "unit.h"

static void hex(char *out, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
}

static void digest(char out[65], const char *s, size_t repeat)
{
	struct sha256 c;
	unsigned char d[SHA256_LEN];
	size_t i;

	sha256_init(&c);
	for (i = 0; i < repeat; i++)
		sha256_update(&c, s, strlen(s));
	sha256_final(&c, d);
	hex(out, d, sizeof(d));
}

static int same_as_libsodium(void)
{
	unsigned char buf[700], key[140], a[32], b[32];
	crypto_auth_hmacsha256_state st;
	struct hmac_sha256 h;
	struct sha256 c;
	size_t n, cut, kl;

	for (n = 0; n < sizeof(buf); n++) {
		randombytes_buf(buf, n);
		cut = n ? (size_t)randombytes_uniform((uint32_t)n + 1) : 0;
		sha256_init(&c);
		sha256_update(&c, buf, cut);
		sha256_update(&c, buf + cut, n - cut);
		sha256_final(&c, a);
		crypto_hash_sha256(b, buf, n);
		if (memcmp(a, b, sizeof(a)))
			return 0;
		kl = n % sizeof(key);
		randombytes_buf(key, kl);
		hmac_sha256_init(&h, key, kl);
		hmac_sha256_update(&h, buf, cut);
		hmac_sha256_update(&h, buf + cut, n - cut);
		hmac_sha256_final(&h, a);
		crypto_auth_hmacsha256_init(&st, key, kl);
		crypto_auth_hmacsha256_update(&st, buf, n);
		crypto_auth_hmacsha256_final(&st, b);
		if (memcmp(a, b, sizeof(a)))
			return 0;
	}
	return 1;
}

static int fips_examples(void)
{
	char h[65];

	digest(h, "abc", 1);
	if (strcmp(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
		return 0;
	digest(h, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1);
	if (strcmp(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"))
		return 0;
	digest(h, "", 1);
	if (strcmp(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
		return 0;
	digest(h, "aaaaaaaaaa", 100000);  /* a million a's */
	return !strcmp(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

void test_sha256__hardware(void)
{
	check(sodium_init() >= 0);
	sha256_force_portable(0);
	if (!sha256_hw())
		printf("  (no SHA extensions on this CPU: the portable code twice)\n");
	check(fips_examples());
	check(same_as_libsodium());
}

void test_sha256__portable(void)
{
	check(sodium_init() >= 0);
	sha256_force_portable(1);
	check(!sha256_hw());
	check(fips_examples());
	check(same_as_libsodium());
	sha256_force_portable(0);
}
