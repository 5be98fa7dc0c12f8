/*
 * libFuzzer target for the age armor and header parser, and the payload:
 * whatever the bytes, no crash; a file that does not open releases
 * nothing; a file that opens counts the stanzas it was opened from.  Then
 * the bytes as a plaintext: sealed (armored and binary) and opened, they
 * come back the same.  And, as the inputs are short (make fuzz: 4 KiB), a
 * sealed file of three chunks cut and changed where the input says: the
 * STREAM's edges, bigger than an input can be.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/age.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the C2SP test vectors' identity: seeds made with it go deep */
static const char id_s[] =
	"AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";

/* The big file cut at the length the first 4 bytes say, then each 3
 * bytes after them an offset (2 bytes) and what to XOR there (1 byte). */
static void big_file(const struct age_identity *id, const uint8_t *data, size_t size)
{
	static struct buf big = BUF_INIT;
	static unsigned char *text;
	struct age_recipient r;
	struct buf file = BUF_INIT, plain = BUF_SECRET_INIT;
	size_t cut, i, pos, changed = 0;
	int rc;

	if (!text) {
		text = malloc(2 * 65536 + 1000);
		for (i = 0; i < 2 * 65536 + 1000; i++)
			text[i] = (unsigned char)(i * 7);
		age_identity_recipient(id, &r);
		if (age_encrypt(&r, 1, text, 2 * 65536 + 1000, 0, &big) != AGE_OK)
			abort();
	}
	if (size < 4)
		return;
	cut = ((size_t)data[0] << 24 | (size_t)data[1] << 16 | (size_t)data[2] << 8 | data[3]) %
	      (big.len + 1);
	buf_add(&file, big.ptr, cut);
	for (i = 4; i + 3 <= size && cut; i += 3) {
		pos = (((size_t)data[i] << 8 | data[i + 1]) * 3) % cut;
		file.ptr[pos] ^= (char)data[i + 2];
		changed |= data[i + 2];
	}
	rc = age_decrypt(id, 1, file.ptr ? file.ptr : "", file.len, &plain);
	if (rc != AGE_OK && plain.len)
		abort();
	if (rc == AGE_OK && (plain.len != 2 * 65536 + 1000 || memcmp(plain.ptr, text, plain.len)))
		abort();
	if (rc == AGE_OK && (cut != big.len || changed))
		abort();
	buf_release(&file);
	buf_release(&plain);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct age_identity id;
	static int ready;
	struct age_recipient r;
	struct buf plain = BUF_SECRET_INIT, sealed = BUF_INIT;
	size_t x, other;
	int rc, hrc, armor;

	if (!ready) {
		if (age_init() < 0 || age_identity_parse(id_s, &id) != AGE_OK)
			abort();
		ready = 1;
	}
	hrc = age_header_stanzas(data, size, &x, &other);
	rc = age_decrypt(&id, 1, data, size, &plain);
	if (rc != AGE_OK && plain.len)
		abort();
	if (rc == AGE_OK && (hrc != AGE_OK || !x))
		abort();
	/* what does not parse as a header cannot open */
	if ((hrc == AGE_BAD_ARMOR || hrc == AGE_BAD_HEADER) && rc == AGE_OK)
		abort();
	buf_release(&plain);

	age_identity_recipient(&id, &r);
	for (armor = 0; armor < 2; armor++) {
		buf_reset(&sealed);
		if (age_encrypt(&r, 1, data, size, armor, &sealed) != AGE_OK)
			abort();
		if (age_decrypt(&id, 1, sealed.ptr, sealed.len, &plain) != AGE_OK ||
		    plain.len != size || (size && memcmp(plain.ptr, data, size)))
			abort();
		buf_release(&plain);
	}
	buf_release(&sealed);
	big_file(&id, data, size);
	return 0;
}
