/*
 * make bench, age: the time to seal one confidential answer (a 1 KiB
 * plaintext for 5 recipients, armored, as convene seals a value) and to
 * open one with the last recipient's identity, over core/age.c; many
 * times each, the mean per value and the sizes.
 *
 *   agebench [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/age.h"

#define READERS 5

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct age_identity ids[READERS];
	struct age_recipient r[READERS];
	struct buf sealed = BUF_INIT, plain = BUF_SECRET_INIT;
	char text[1024];
	long rounds = argc > 1 ? atol(argv[1]) : 2000, i;
	double t0, seal_s, open_s;
	size_t k;

	if (age_init() < 0 || rounds < 1)
		return 1;
	for (k = 0; k < READERS; k++) {
		age_keygen(&ids[k]);
		age_identity_recipient(&ids[k], &r[k]);
	}
	for (k = 0; k < sizeof(text); k++)
		text[k] = "convene:interviews/rina-1.yaml:answers.motivation\n"[k % 51];
	t0 = now();
	for (i = 0; i < rounds; i++) {
		buf_reset(&sealed);
		if (age_encrypt(r, READERS, text, sizeof(text), 1, &sealed) != AGE_OK)
			return 1;
	}
	seal_s = now() - t0;
	t0 = now();
	for (i = 0; i < rounds; i++) {
		buf_reset(&plain);
		/* the reader's key is the last stanza: the worst case */
		if (age_decrypt(&ids[READERS - 1], 1, sealed.ptr, sealed.len, &plain) != AGE_OK ||
		    plain.len != sizeof(text))
			return 1;
	}
	open_s = now() - t0;
	printf("age: one answer, %zu bytes for %d recipients, armored: %zu bytes sealed\n",
	       sizeof(text), READERS, sealed.len);
	printf("  seal:                 %.1f us each (%ld rounds)\n", seal_s / rounds * 1e6, rounds);
	printf("  open:                 %.1f us each (%ld rounds)\n", open_s / rounds * 1e6, rounds);
	age_wipe(ids, sizeof(ids));
	buf_release(&sealed);
	buf_release(&plain);
	return 0;
}
