/*
 * Unit tests for core/keycache.c and the file-key cache in core/age.c: a
 * cached key skips the X25519, a wrong one falls back, a key is recorded
 * only once the header MAC verified, look-ups from many threads, and the
 * sealed form (round trip; another identity, any flipped byte or a cut
 * gives nothing).
 */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/age.h"
#include "core/keycache.h"
#include "unit.h"

static const char text[] = "what I would not say in the room";

/* The share and body of the first stanza of a binary age file. */
static int first_stanza(const struct buf *sealed, unsigned char share[32], unsigned char body[32])
{
	const char *a = strstr(buf_str(sealed), "\n-> X25519 "), *nl, *nl2;
	size_t n;

	if (!a || !(nl = strchr(a + 11, '\n')) || !(nl2 = strchr(nl + 1, '\n')))
		return -1;
	a += 11;
	if (sodium_base642bin(share, 32, a, (size_t)(nl - a), NULL, &n, NULL,
			      sodium_base64_VARIANT_ORIGINAL_NO_PADDING) < 0 || n != 32 ||
	    sodium_base642bin(body, 32, nl + 1, (size_t)(nl2 - nl - 1), NULL, &n, NULL,
			      sodium_base64_VARIANT_ORIGINAL_NO_PADDING) < 0 || n != 32)
		return -1;
	return 0;
}

/* Opened once, a value's key is recorded; opened again from that cache,
 * no X25519 at all, and the entry is recorded as used. */
void test_keycache__cached_key_skips_unwrap(void)
{
	struct age_identity id;
	struct age_recipient r;
	struct buf sealed = BUF_INIT, plain = BUF_SECRET_INIT;
	struct age_keycache *known = age_keycache_new(), *seen = age_keycache_new();
	struct age_keycache *seen2 = age_keycache_new();
	struct age_keycache_use use = { known, seen, 0, 0, 0 }, use2 = { seen, seen2, 0, 0, 0 };

	check(age_init() == 0 && known && seen && seen2);
	age_keygen(&id);
	age_identity_recipient(&id, &r);
	check(age_encrypt(&r, 1, text, strlen(text), 1, &sealed) == AGE_OK);
	check(age_decrypt_cached(&id, 1, 0, &use, sealed.ptr, sealed.len, &plain) == AGE_OK);
	check_str(buf_str(&plain), text);
	check(use.unwraps == 1 && use.fresh == 1 && !use.failed);
	check(age_keycache_count(seen) == 1 && age_keycache_count(known) == 0);
	buf_reset(&plain);
	check(age_decrypt_cached(&id, 1, 0, &use2, sealed.ptr, sealed.len, &plain) == AGE_OK);
	check_str(buf_str(&plain), text);
	check(use2.unwraps == 0 && use2.fresh == 0);
	check(age_keycache_count(seen2) == 1);
	/* no identity: the cache opens nothing */
	buf_reset(&plain);
	check(age_decrypt_cached(NULL, 0, 0, &use2, sealed.ptr, sealed.len, &plain) == AGE_NOT_FOR_US);
	check(plain.len == 0);
	/* no cache: as before */
	check(age_decrypt_cached(&id, 1, 0, NULL, sealed.ptr, sealed.len, &plain) == AGE_OK);
	check_str(buf_str(&plain), text);
	age_wipe(&id, sizeof(id));
	age_keycache_free(known);
	age_keycache_free(seen);
	age_keycache_free(seen2);
	buf_release(&sealed);
	buf_release(&plain);
}

/* A wrong key for the stanza (stale, damaged): the header MAC refuses it,
 * the X25519 opens the value, and the right key is what gets recorded. */
void test_keycache__wrong_cached_key_falls_back(void)
{
	struct age_identity id;
	struct age_recipient r;
	struct buf sealed = BUF_INIT, plain = BUF_SECRET_INIT;
	struct age_keycache *known = age_keycache_new(), *seen = age_keycache_new();
	struct age_keycache_use use = { known, seen, 0, 0, 0 };
	unsigned char share[32], body[32], wrong[16], got[16];

	check(age_init() == 0 && known && seen);
	age_keygen(&id);
	age_identity_recipient(&id, &r);
	check(age_encrypt(&r, 1, text, strlen(text), 0, &sealed) == AGE_OK);
	check(first_stanza(&sealed, share, body) == 0);
	memset(wrong, 7, sizeof(wrong));
	check(age_keycache_put(known, share, body, wrong) == 1);
	check(age_decrypt_cached(&id, 1, 0, &use, sealed.ptr, sealed.len, &plain) == AGE_OK);
	check_str(buf_str(&plain), text);
	check(use.unwraps == 1 && use.fresh == 1);
	check(age_keycache_find(seen, share, body, got) == 1 && memcmp(got, wrong, 16));
	/* and that key opens it with no X25519 */
	use.known = seen;
	use.seen = NULL;
	use.unwraps = 0;
	buf_reset(&plain);
	check(age_decrypt_cached(&id, 1, 0, &use, sealed.ptr, sealed.len, &plain) == AGE_OK);
	check_str(buf_str(&plain), text);
	check(use.unwraps == 0);
	age_wipe(&id, sizeof(id));
	age_keycache_free(known);
	age_keycache_free(seen);
	buf_release(&sealed);
	buf_release(&plain);
}

/* Nothing is recorded from a file whose header MAC fails, nor from one
 * that is not for the identity; and a cached key never opens a file whose
 * header was changed. */
void test_keycache__recorded_only_after_mac(void)
{
	struct age_identity id, other;
	struct age_recipient r;
	struct buf sealed = BUF_INIT, plain = BUF_SECRET_INIT;
	struct age_keycache *seen = age_keycache_new(), *seen2 = age_keycache_new();
	struct age_keycache_use use = { NULL, seen, 0, 0, 0 };
	char *mac, was;

	check(age_init() == 0 && seen && seen2);
	age_keygen(&id);
	age_keygen(&other);
	age_identity_recipient(&id, &r);
	check(age_encrypt(&r, 1, text, strlen(text), 0, &sealed) == AGE_OK);
	check(age_decrypt_cached(&other, 1, 0, &use, sealed.ptr, sealed.len, &plain) ==
	      AGE_NOT_FOR_US);
	check(age_keycache_count(seen) == 0 && use.fresh == 0 && use.unwraps == 1);
	check((mac = strstr(sealed.ptr, "\n--- ")));
	was = mac[10];
	mac[10] = was == 'A' ? 'B' : 'A';  /* a canonical character still */
	check(age_decrypt_cached(&id, 1, 0, &use, sealed.ptr, sealed.len, &plain) ==
	      AGE_BAD_HEADER_MAC);
	check(age_keycache_count(seen) == 0 && use.fresh == 0 && plain.len == 0);
	/* the key of the sound file, cached, does not open the changed one */
	mac[10] = was;
	check(age_decrypt_cached(&id, 1, 0, &use, sealed.ptr, sealed.len, &plain) == AGE_OK);
	check(age_keycache_count(seen) == 1);
	mac[10] = was == 'A' ? 'B' : 'A';
	buf_reset(&plain);
	use.known = seen;
	use.seen = seen2;
	use.unwraps = 0;
	check(age_decrypt_cached(&id, 1, 0, &use, sealed.ptr, sealed.len, &plain) ==
	      AGE_BAD_HEADER_MAC);
	check(use.unwraps == 1 && age_keycache_count(seen2) == 0 && plain.len == 0);
	age_wipe(&id, sizeof(id));
	age_keycache_free(seen);
	age_keycache_free(seen2);
	buf_release(&sealed);
	buf_release(&plain);
}

#define VALUES 64
#define THREADS 4

struct reader {
	const struct age_keycache *known;
	const struct age_identity *id;
	const struct buf *sealed;
	struct age_keycache *seen;
	unsigned long unwraps;
	int bad;
};

static void *read_all(void *ctx)
{
	struct reader *t = ctx;
	struct age_keycache_use use = { t->known, t->seen, 0, 0, 0 };
	size_t i;

	for (i = 0; i < VALUES; i++) {
		struct buf plain = BUF_SECRET_INIT;

		if (age_decrypt_cached(t->id, 1, 0, &use, t->sealed[i].ptr, t->sealed[i].len,
				       &plain) != AGE_OK || strcmp(buf_str(&plain), text))
			t->bad = 1;
		buf_release(&plain);
	}
	t->unwraps = use.unwraps;
	return NULL;
}

/* Threads look up one map at once, each recording into its own, merged
 * after they are joined (as store/secrets.c's openers do). */
void test_keycache__lookups_from_threads(void)
{
	struct age_identity id;
	struct age_recipient r;
	struct buf sealed[VALUES];
	struct age_keycache *known = age_keycache_new(), *all = age_keycache_new();
	struct age_keycache_use use = { NULL, known, 0, 0, 0 };
	struct reader t[THREADS];
	pthread_t th[THREADS];
	size_t i;
	int ok = 1;

	check(age_init() == 0 && known && all);
	age_keygen(&id);
	age_identity_recipient(&id, &r);
	for (i = 0; i < VALUES; i++) {
		struct buf plain = BUF_SECRET_INIT;

		sealed[i] = (struct buf)BUF_INIT;
		ok &= age_encrypt(&r, 1, text, strlen(text), 1, &sealed[i]) == AGE_OK &&
		      age_decrypt_cached(&id, 1, 0, &use, sealed[i].ptr, sealed[i].len, &plain) == AGE_OK;
		buf_release(&plain);
	}
	check(ok && age_keycache_count(known) == VALUES && use.unwraps == VALUES);
	for (i = 0; i < THREADS; i++) {
		t[i] = (struct reader){ known, &id, sealed, age_keycache_new(), 0, 0 };
		check(t[i].seen && pthread_create(&th[i], NULL, read_all, &t[i]) == 0);
	}
	for (i = 0; i < THREADS; i++)
		pthread_join(th[i], NULL);
	for (i = 0; i < THREADS; i++) {
		ok &= !t[i].bad && t[i].unwraps == 0 && age_keycache_count(t[i].seen) == VALUES;
		ok &= age_keycache_merge(all, t[i].seen) == (i ? 0 : VALUES);
		age_keycache_free(t[i].seen);
	}
	check(ok && age_keycache_count(all) == VALUES);
	for (i = 0; i < VALUES; i++)
		buf_release(&sealed[i]);
	age_wipe(&id, sizeof(id));
	age_keycache_free(known);
	age_keycache_free(all);
}

/* A map of n made-up entries (entry i: bytes i, i+1, i+2). */
static struct age_keycache *made_up(size_t n)
{
	struct age_keycache *c = age_keycache_new();
	unsigned char share[32], body[32], key[16];
	size_t i;

	for (i = 0; c && i < n; i++) {
		memset(share, 0, sizeof(share));
		memcpy(share, &i, sizeof(i));
		memset(body, (int)(i + 1), sizeof(body));
		memset(key, (int)(i + 2), sizeof(key));
		if (age_keycache_put(c, share, body, key) != 1) {
			age_keycache_free(c);
			return NULL;
		}
	}
	return c;
}

static int has_entry(const struct age_keycache *c, size_t i)
{
	unsigned char share[32], body[32], key[16], want[16];

	memset(share, 0, sizeof(share));
	memcpy(share, &i, sizeof(i));
	memset(body, (int)(i + 1), sizeof(body));
	memset(want, (int)(i + 2), sizeof(want));
	return age_keycache_find(c, share, body, key) && !memcmp(key, want, 16);
}

void test_keycache__map(void)
{
	struct age_keycache *c = made_up(1000), *d = age_keycache_new();
	unsigned char share[32] = { 0 }, body[32], key[16];
	size_t i;
	int ok = 1;

	check(c && d && age_keycache_count(c) == 1000);
	for (i = 0; i < 1000; i++)
		ok &= has_entry(c, i);
	check(ok && !has_entry(c, 1000));
	/* the same share with another body is another stanza */
	memset(body, 9, sizeof(body));
	check(!age_keycache_find(c, share, body, key));
	/* put again: nothing new; another key: changed */
	memset(body, 1, sizeof(body));
	memset(key, 2, sizeof(key));
	check(age_keycache_put(c, share, body, key) == 0);
	key[0] ^= 1;
	check(age_keycache_put(c, share, body, key) == 1 && age_keycache_count(c) == 1000);
	check(age_keycache_merge(d, c) == 1000 && age_keycache_merge(d, c) == 0);
	age_keycache_clear(c);
	check(age_keycache_count(c) == 0 && !has_entry(c, 5));
	age_keycache_free(c);
	age_keycache_free(d);
	age_keycache_free(NULL);
}

/* The map takes at most AGE_KEYCACHE_MAX entries. */
void test_keycache__capped(void)
{
	struct age_keycache *c = made_up(AGE_KEYCACHE_MAX);
	unsigned char share[32], body[32] = { 0 }, key[16] = { 0 };

	check(c && age_keycache_count(c) == AGE_KEYCACHE_MAX);
	memset(share, 0xff, sizeof(share));
	check(age_keycache_put(c, share, body, key) == 0);
	check(age_keycache_count(c) == AGE_KEYCACHE_MAX);
	age_keycache_free(c);
}

void test_keycache__sealed_round_trip(void)
{
	struct age_identity id[2], swapped[2], other;
	struct age_keycache *c = made_up(300), *d = age_keycache_new();
	struct buf sealed = BUF_INIT, again = BUF_INIT;
	size_t i;
	int ok = 1;

	check(age_init() == 0 && c && d);
	age_keygen(&id[0]);
	age_keygen(&id[1]);
	age_keygen(&other);
	check(age_keycache_seal(&sealed, c, id, 2) == 0);
	check(age_keycache_open(d, sealed.ptr, sealed.len, id, 2) == 0);
	check(age_keycache_count(d) == 300);
	for (i = 0; i < 300; i++)
		ok &= has_entry(d, i);
	check(ok);
	/* a random nonce each time: never the same bytes twice */
	check(age_keycache_seal(&again, c, id, 2) == 0);
	check(again.len == sealed.len && memcmp(again.ptr, sealed.ptr, sealed.len));
	/* an empty map too */
	age_keycache_clear(d);
	buf_reset(&again);
	check(age_keycache_seal(&again, d, id, 1) == 0);
	check(age_keycache_open(d, again.ptr, again.len, id, 1) == 0 && age_keycache_count(d) == 0);
	/* none of the keys is in the sealed bytes */
	for (i = 0; i + 16 <= sealed.len; i++) {
		unsigned char k[16];

		memset(k, 2 + 7, sizeof(k));
		ok &= memcmp(sealed.ptr + i, k, 16) != 0;
	}
	check(ok);
	/* another identity, a subset, another order: nothing */
	check(age_keycache_open(d, sealed.ptr, sealed.len, &other, 1) < 0);
	check(age_keycache_open(d, sealed.ptr, sealed.len, id, 1) < 0);
	swapped[0] = id[1];
	swapped[1] = id[0];
	check(age_keycache_open(d, sealed.ptr, sealed.len, swapped, 2) < 0);
	check(age_keycache_open(d, sealed.ptr, sealed.len, NULL, 0) < 0);
	check(age_keycache_seal(&again, c, NULL, 0) < 0);
	check(age_keycache_count(d) == 0);
	age_wipe(id, sizeof(id));
	age_wipe(swapped, sizeof(swapped));
	age_keycache_free(c);
	age_keycache_free(d);
	buf_release(&sealed);
	buf_release(&again);
}

/* Any byte changed, or any cut: an empty map. */
void test_keycache__damage_gives_nothing(void)
{
	struct age_identity id;
	struct age_keycache *c = made_up(3), *d = age_keycache_new();
	struct buf sealed = BUF_INIT;
	size_t i;
	int ok = 1;

	check(age_init() == 0 && c && d);
	age_keygen(&id);
	check(age_keycache_seal(&sealed, c, &id, 1) == 0);
	for (i = 0; i < sealed.len; i++) {
		sealed.ptr[i] ^= 0x20;
		ok &= age_keycache_open(d, sealed.ptr, sealed.len, &id, 1) < 0 &&
		      age_keycache_count(d) == 0;
		sealed.ptr[i] ^= 0x20;
	}
	check(ok);
	for (i = 0; i < sealed.len; i++)
		ok &= age_keycache_open(d, sealed.ptr, i, &id, 1) < 0 && age_keycache_count(d) == 0;
	check(ok);
	check(buf_add(&sealed, "x", 1) == 0);
	check(age_keycache_open(d, sealed.ptr, sealed.len, &id, 1) < 0);
	check(age_keycache_open(d, sealed.ptr, sealed.len - 1, &id, 1) == 0);
	check(age_keycache_count(d) == 3);
	age_wipe(&id, sizeof(id));
	age_keycache_free(c);
	age_keycache_free(d);
	buf_release(&sealed);
}
