/*
 * Bech32 (BIP 173), the text form of age keys: a human-readable part, the
 * separator '1', 5-bit groups, a 6-character checksum.  Pure C.
 *
 * BIP 173 limits a string to 90 characters; age does not (plugin keys are
 * longer), so the limit is the caller's.
 */
#ifndef CONVENE_BECH32_H
#define CONVENE_BECH32_H

#include <stddef.h>

/*
 * Encodes len bytes under hrp (lower case, as given) into out, NUL
 * terminated; 0 on success, -1 when out (cap bytes) is too small or hrp is
 * not 1..83 characters of 33..126.
 */
int bech32_encode(char *out, size_t cap, const char *hrp,
		  const unsigned char *data, size_t len);

/*
 * Decodes s (at most maxlen characters, all lower or all upper case): the
 * human-readable part, as written, into hrp (hrpcap bytes with the NUL),
 * and the data, 8 bits a byte, into data (cap bytes), *len its length.
 * 0 on success; -1 when anything is wrong: a character out of range, mixed
 * case, no separator, an empty part, a bad checksum, padding bits that are
 * not zero or more than 4 of them.
 */
int bech32_decode(const char *s, size_t maxlen, char *hrp, size_t hrpcap,
		  unsigned char *data, size_t cap, size_t *len);

/*
 * The same, keeping the 5-bit groups as they are (one a byte) — what BIP
 * 173's test vectors check.
 */
int bech32_decode5(const char *s, size_t maxlen, char *hrp, size_t hrpcap,
		   unsigned char *data5, size_t cap, size_t *len);

#endif
