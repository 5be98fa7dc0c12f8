/* Unit tests for core/hkdf.c: the SHA-256 test cases of RFC 5869 (A.1-A.3). */
#include <stdio.h>
#include <string.h>

#include "core/hkdf.h"
#include "unit.h"

static void hex(char *out, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
}

void test_hkdf__rfc5869_basic(void)
{
	unsigned char ikm[22], salt[13], info[10], okm[42];
	char h[85];
	size_t i;

	memset(ikm, 0x0b, sizeof(ikm));
	for (i = 0; i < sizeof(salt); i++)
		salt[i] = (unsigned char)i;
	for (i = 0; i < sizeof(info); i++)
		info[i] = (unsigned char)(0xf0 + i);
	check(hkdf_sha256(okm, sizeof(okm), salt, sizeof(salt), ikm, sizeof(ikm),
			  info, sizeof(info)) == 0);
	hex(h, okm, sizeof(okm));
	check_str(h, "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
		     "34007208d5b887185865");
}

void test_hkdf__rfc5869_long_inputs(void)
{
	unsigned char ikm[80], salt[80], info[80], okm[82];
	char h[165];
	size_t i;

	for (i = 0; i < 80; i++) {
		ikm[i] = (unsigned char)i;
		salt[i] = (unsigned char)(0x60 + i);
		info[i] = (unsigned char)(0xb0 + i);
	}
	check(hkdf_sha256(okm, sizeof(okm), salt, sizeof(salt), ikm, sizeof(ikm),
			  info, sizeof(info)) == 0);
	hex(h, okm, sizeof(okm));
	check_str(h, "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
		     "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
		     "cc30c58179ec3e87c14c01d5c1f3434f1d87");
}

void test_hkdf__rfc5869_empty_salt_and_info(void)
{
	unsigned char ikm[22], okm[42];
	char h[85];

	memset(ikm, 0x0b, sizeof(ikm));
	check(hkdf_sha256(okm, sizeof(okm), NULL, 0, ikm, sizeof(ikm), NULL, 0) == 0);
	hex(h, okm, sizeof(okm));
	check_str(h, "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
		     "9d201395faa4b61a96c8");
}

void test_hkdf__too_long_refused(void)
{
	static unsigned char okm[255 * 32 + 1];

	check(hkdf_sha256(okm, 255 * 32, NULL, 0, "k", 1, NULL, 0) == 0);
	check(hkdf_sha256(okm, sizeof(okm), NULL, 0, "k", 1, NULL, 0) < 0);
}
