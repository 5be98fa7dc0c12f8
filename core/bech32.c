/* Bech32 (BIP 173): see bech32.h. */
#include <string.h>

#include "bech32.h"

static const char charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

static unsigned long polymod_step(unsigned long chk, unsigned v)
{
	static const unsigned long gen[5] = {
		0x3b6a57b2UL, 0x26508e6dUL, 0x1ea119faUL, 0x3d4233ddUL, 0x2a1462b3UL
	};
	unsigned long b = chk >> 25;
	int i;

	chk = ((chk & 0x1ffffffUL) << 5) ^ v;
	for (i = 0; i < 5; i++)
		if ((b >> i) & 1)
			chk ^= gen[i];
	return chk;
}

/* The checksum state after the expanded human-readable part (lower case). */
static unsigned long polymod_hrp(const char *hrp, size_t n)
{
	unsigned long chk = 1;
	size_t i;

	for (i = 0; i < n; i++)
		chk = polymod_step(chk, (unsigned char)hrp[i] >> 5);
	chk = polymod_step(chk, 0);
	for (i = 0; i < n; i++)
		chk = polymod_step(chk, (unsigned char)hrp[i] & 31);
	return chk;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

int bech32_encode(char *out, size_t cap, const char *hrp,
		  const unsigned char *data, size_t len)
{
	size_t hn = strlen(hrp), groups = (len * 8 + 4) / 5, o = 0, i;
	unsigned long chk, acc = 0;
	unsigned bits = 0, v;

	if (hn < 1 || hn > 83 || cap < hn + 1 + groups + 6 + 1)
		return -1;
	for (i = 0; i < hn; i++) {
		if ((unsigned char)hrp[i] < 33 || (unsigned char)hrp[i] > 126)
			return -1;
		out[o++] = lower(hrp[i]);
	}
	chk = polymod_hrp(out, hn);
	out[o++] = '1';
	for (i = 0; i < len; i++) {
		acc = ((acc << 8) | data[i]) & 0xfff;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			v = (unsigned)(acc >> bits) & 31;
			chk = polymod_step(chk, v);
			out[o++] = charset[v];
		}
	}
	if (bits) {
		v = (unsigned)(acc << (5 - bits)) & 31;
		chk = polymod_step(chk, v);
		out[o++] = charset[v];
	}
	for (i = 0; i < 6; i++)
		chk = polymod_step(chk, 0);
	chk ^= 1;
	for (i = 0; i < 6; i++)
		out[o++] = charset[(chk >> (5 * (5 - i))) & 31];
	out[o] = '\0';
	return 0;
}

int bech32_decode5(const char *s, size_t maxlen, char *hrp, size_t hrpcap,
		   unsigned char *data5, size_t cap, size_t *len)
{
	size_t n = strlen(s), sep = 0, i, j;
	int has_lower = 0, has_upper = 0, found = 0;
	char low[84];
	unsigned long chk;
	const char *p;

	if (n > maxlen)
		return -1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 33 || c > 126)
			return -1;
		if (c >= 'a' && c <= 'z')
			has_lower = 1;
		if (c >= 'A' && c <= 'Z')
			has_upper = 1;
		if (c == '1') {
			sep = i;
			found = 1;
		}
	}
	if (has_lower && has_upper)
		return -1;
	if (!found || sep < 1 || sep > 83 || sep + 7 > n || sep + 1 > hrpcap)
		return -1;
	if (n - sep - 1 - 6 > cap)
		return -1;
	for (i = 0; i < sep; i++) {
		hrp[i] = s[i];
		low[i] = lower(s[i]);
	}
	hrp[sep] = '\0';
	chk = polymod_hrp(low, sep);
	for (i = sep + 1, j = 0; i < n; i++) {
		p = strchr(charset, lower(s[i]));
		if (!p || !*p)
			return -1;
		chk = polymod_step(chk, (unsigned)(p - charset));
		if (i < n - 6)
			data5[j++] = (unsigned char)(p - charset);
	}
	if (chk != 1)
		return -1;
	*len = j;
	return 0;
}

int bech32_decode(const char *s, size_t maxlen, char *hrp, size_t hrpcap,
		  unsigned char *data, size_t cap, size_t *len)
{
	unsigned char g[256];
	size_t ng, i, o = 0;
	unsigned long acc = 0;
	unsigned bits = 0;

	if (bech32_decode5(s, maxlen, hrp, hrpcap, g, sizeof(g), &ng) < 0)
		return -1;
	for (i = 0; i < ng; i++) {
		acc = ((acc << 5) | g[i]) & 0xfff;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			if (o == cap)
				return -1;
			data[o++] = (unsigned char)((acc >> bits) & 0xff);
		}
	}
	/* what is left is padding: fewer than 5 bits, all zero */
	if (bits >= 5 || ((acc << (8 - bits)) & 0xff))
		return -1;
	*len = o;
	return 0;
}
