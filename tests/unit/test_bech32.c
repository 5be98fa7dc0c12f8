/* Unit tests for core/bech32.c: BIP 173's valid and invalid strings. */
#include <string.h>

#include "core/bech32.h"
#include "unit.h"

void test_bech32__bip173_valid(void)
{
	static const char *const valid[] = {
		"A12UEL5L",
		"a12uel5l",
		"an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
		"abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
		"11"
		"qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"
		"c8247j",
		"split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
		"?1ezyfcl",
	};
	char hrp[84];
	unsigned char d[90];
	size_t i, n;

	for (i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
		if (bech32_decode5(valid[i], 90, hrp, sizeof(hrp), d, sizeof(d), &n) != 0) {
			printf("  refused: %s\n", valid[i]);
			check(0);
		}
		check(strlen(hrp) == (size_t)(strrchr(valid[i], '1') - valid[i]));
	}
}

void test_bech32__bip173_invalid(void)
{
	static const char *const invalid[] = {
		"\x20" "1nwldj5",	/* HRP character out of range */
		"\x7f" "1axkwrx",
		"\x80" "1eym55h",
		"an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
		"pzry9x0s0muk",		/* no separator */
		"1pzry9x0s0muk",	/* empty HRP */
		"x1b4n0q5v",		/* invalid data character */
		"li1dgmt3",		/* checksum too short */
		"de1lg7wt\xff",		/* invalid character in checksum */
		"A1G7SGD8",		/* checksum made with the upper-case HRP */
		"10a06t8",		/* empty HRP */
		"1qzzfhee",		/* empty HRP */
		"A12uEL5L",		/* mixed case */
	};
	char hrp[84];
	unsigned char d[90];
	size_t i, n;

	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		if (bech32_decode5(invalid[i], 90, hrp, sizeof(hrp), d, sizeof(d), &n) == 0) {
			printf("  accepted: %s\n", invalid[i]);
			check(0);
		}
	}
}

void test_bech32__bytes_round_trip(void)
{
	unsigned char in[32], out[40];
	char s[100], hrp[10];
	size_t i, n;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (unsigned char)(i * 37 + 11);
	check(bech32_encode(s, sizeof(s), "age", in, sizeof(in)) == 0);
	check(strlen(s) == 62 && !strncmp(s, "age1", 4));
	check(bech32_decode(s, 90, hrp, sizeof(hrp), out, sizeof(out), &n) == 0);
	check_str(hrp, "age");
	check(n == 32 && !memcmp(in, out, 32));
	/* one character changed: the checksum catches it */
	s[10] = s[10] == 'q' ? 'p' : 'q';
	check(bech32_decode(s, 90, hrp, sizeof(hrp), out, sizeof(out), &n) < 0);
	/* too small a buffer is refused, not overrun */
	check(bech32_encode(s, 62, "age", in, sizeof(in)) < 0);
}

void test_bech32__padding(void)
{
	unsigned char out[4];
	char hrp[8];
	size_t n;

	/* 31, 28: 0xff and two zero bits of padding */
	check(bech32_decode("a1lu9cgf6y", 90, hrp, sizeof(hrp), out, sizeof(out), &n) == 0);
	check(n == 1 && out[0] == 0xff);
	/* 31, 31: the padding bits are not zero */
	check(bech32_decode("a1llttal5m", 90, hrp, sizeof(hrp), out, sizeof(out), &n) < 0);
	/* 31, 28, 0: seven bits of padding, more than four */
	check(bech32_decode("a1luq25lfhf", 90, hrp, sizeof(hrp), out, sizeof(out), &n) < 0);
}
