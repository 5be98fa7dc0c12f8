/*
 * libFuzzer target for the age armor and header parser, and the payload:
 * whatever the bytes, no crash; a file that does not open releases
 * nothing; a file that opens counts the stanzas it was opened from.  Then
 * the bytes as a plaintext: sealed (armored and binary) and opened, they
 * come back the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/age.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the C2SP test vectors' identity: seeds made with it go deep */
static const char id_s[] =
	"AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";

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
	return 0;
}
