/*
 * The file-key cache (keycache.h): an open-addressing hash map from an
 * X25519 stanza (share and body) to its file key, and its sealed form.
 *
 * The slots are hashed with SipHash (crypto_shorthash) under a key drawn
 * for each map: a stanza's share is whatever its sealer chose, so a hash
 * of its bytes alone would let a crafted file make every look-up walk the
 * whole table.
 */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hkdf.h"
#include "keycache.h"

#define SHARE_LEN AGE_KEY_LEN
#define ENTRY_LEN (SHARE_LEN + AGE_STANZA_BODY_LEN + AGE_FILE_KEY_LEN)
#define NONCE_LEN crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_LEN crypto_aead_xchacha20poly1305_ietf_ABYTES

static const char magic[] = "convene file-key cache v1\n";
static const char info[] = "convene file-key cache v1";

struct slot {
	unsigned char share[SHARE_LEN];
	unsigned char body[AGE_STANZA_BODY_LEN];
	unsigned char key[AGE_FILE_KEY_LEN];
	unsigned char used;
};

struct age_keycache {
	struct slot *v;
	size_t cap;     /* a power of two, or 0 */
	size_t n;
	unsigned char hkey[crypto_shorthash_KEYBYTES];
};

struct age_keycache *age_keycache_new(void)
{
	struct age_keycache *c = calloc(1, sizeof(*c));

	if (c)
		randombytes_buf(c->hkey, sizeof(c->hkey));
	return c;
}

static void slots_free(struct slot *v, size_t cap)
{
	if (v) {
		sodium_memzero(v, cap * sizeof(*v));
		free(v);
	}
}

void age_keycache_clear(struct age_keycache *c)
{
	if (!c)
		return;
	slots_free(c->v, c->cap);
	c->v = NULL;
	c->cap = c->n = 0;
}

void age_keycache_free(struct age_keycache *c)
{
	if (!c)
		return;
	age_keycache_clear(c);
	sodium_memzero(c, sizeof(*c));
	free(c);
}

size_t age_keycache_count(const struct age_keycache *c)
{
	return c ? c->n : 0;
}

static size_t slot_of(const struct age_keycache *c, const unsigned char *share)
{
	unsigned char h[crypto_shorthash_BYTES];
	uint64_t x = 0;
	size_t i;

	crypto_shorthash(h, share, SHARE_LEN, c->hkey);
	for (i = 0; i < sizeof(h); i++)
		x = x << 8 | h[i];
	return (size_t)x & (c->cap - 1);
}

/* The slot of the stanza, or the empty one where it would go. */
static struct slot *lookup(const struct age_keycache *c, const unsigned char *share,
			   const unsigned char *body)
{
	size_t i = slot_of(c, share);

	for (;; i = (i + 1) & (c->cap - 1)) {
		struct slot *s = &c->v[i];

		if (!s->used || (!memcmp(s->share, share, SHARE_LEN) &&
				 !memcmp(s->body, body, AGE_STANZA_BODY_LEN)))
			return s;
	}
}

int age_keycache_find(const struct age_keycache *c, const unsigned char *share,
		      const unsigned char *body, unsigned char key[AGE_FILE_KEY_LEN])
{
	const struct slot *s;

	if (!c || !c->n)
		return 0;
	s = lookup(c, share, body);
	if (!s->used)
		return 0;
	memcpy(key, s->key, AGE_FILE_KEY_LEN);
	return 1;
}

/* Doubles the table (kept at most half full). */
static int grow(struct age_keycache *c)
{
	struct age_keycache bigger = *c;
	size_t i;

	bigger.cap = c->cap ? c->cap * 2 : 64;
	bigger.n = 0;
	if (!(bigger.v = calloc(bigger.cap, sizeof(*bigger.v))))
		return -1;
	for (i = 0; i < c->cap; i++)
		if (c->v[i].used) {
			*lookup(&bigger, c->v[i].share, c->v[i].body) = c->v[i];
			bigger.n++;
		}
	slots_free(c->v, c->cap);
	*c = bigger;
	return 0;
}

int age_keycache_put(struct age_keycache *c, const unsigned char *share,
		     const unsigned char *body, const unsigned char key[AGE_FILE_KEY_LEN])
{
	struct slot *s;

	if (c->cap) {
		s = lookup(c, share, body);
		if (s->used) {
			if (!sodium_memcmp(s->key, key, AGE_FILE_KEY_LEN))
				return 0;
			memcpy(s->key, key, AGE_FILE_KEY_LEN);
			return 1;
		}
	}
	if (c->n >= AGE_KEYCACHE_MAX)
		return 0;
	if ((c->n + 1) * 2 > c->cap && grow(c) < 0)
		return -1;
	s = lookup(c, share, body);
	memcpy(s->share, share, SHARE_LEN);
	memcpy(s->body, body, AGE_STANZA_BODY_LEN);
	memcpy(s->key, key, AGE_FILE_KEY_LEN);
	s->used = 1;
	c->n++;
	return 1;
}

long age_keycache_merge(struct age_keycache *dst, const struct age_keycache *src)
{
	long added = 0;
	size_t i;
	int rc;

	for (i = 0; src && i < src->cap; i++) {
		if (!src->v[i].used)
			continue;
		if ((rc = age_keycache_put(dst, src->v[i].share, src->v[i].body, src->v[i].key)) < 0)
			return -1;
		added += rc;
	}
	return added;
}

/* The sealing key: HKDF over every identity's secret key, in order. */
static int seal_key(unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES],
		    const struct age_identity *ids, size_t nids)
{
	unsigned char *ikm;
	size_t i;

	if (!nids || !(ikm = malloc(nids * AGE_KEY_LEN)))
		return -1;
	for (i = 0; i < nids; i++)
		memcpy(ikm + i * AGE_KEY_LEN, ids[i].sk, AGE_KEY_LEN);
	hkdf_sha256(key, crypto_aead_xchacha20poly1305_ietf_KEYBYTES, magic, strlen(magic),
		    ikm, nids * AGE_KEY_LEN, info, strlen(info));
	sodium_memzero(ikm, nids * AGE_KEY_LEN);
	free(ikm);
	return 0;
}

static void put_u32(unsigned char *p, uint32_t x)
{
	p[0] = (unsigned char)(x >> 24);
	p[1] = (unsigned char)(x >> 16);
	p[2] = (unsigned char)(x >> 8);
	p[3] = (unsigned char)x;
}

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int age_keycache_seal(struct buf *out, const struct age_keycache *c,
		      const struct age_identity *ids, size_t nids)
{
	unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES], nonce[NONCE_LEN];
	unsigned char *plain, *p;
	size_t n = age_keycache_count(c), len = 4 + n * ENTRY_LEN, i, start;
	int rc = -1;

	if (seal_key(key, ids, nids) < 0)
		return -1;
	if (!(plain = malloc(len)))
		goto done;
	put_u32(plain, (uint32_t)n);
	for (i = 0, p = plain + 4; c && i < c->cap; i++) {
		if (!c->v[i].used)
			continue;
		memcpy(p, c->v[i].share, SHARE_LEN);
		memcpy(p + SHARE_LEN, c->v[i].body, AGE_STANZA_BODY_LEN);
		memcpy(p + SHARE_LEN + AGE_STANZA_BODY_LEN, c->v[i].key, AGE_FILE_KEY_LEN);
		p += ENTRY_LEN;
	}
	randombytes_buf(nonce, sizeof(nonce));
	buf_adds(out, magic);
	buf_add(out, nonce, sizeof(nonce));
	start = out->len;
	if (buf_grow(out, len + TAG_LEN) < 0)
		goto done;
	/* the magic is authenticated too: a file of another kind never opens */
	crypto_aead_xchacha20poly1305_ietf_encrypt((unsigned char *)out->ptr + start, NULL,
		plain, len, (const unsigned char *)magic, strlen(magic), NULL, nonce, key);
	out->len += len + TAG_LEN;
	out->ptr[out->len] = '\0';
	rc = buf_failed(out) ? -1 : 0;
done:
	if (plain) {
		sodium_memzero(plain, len);
		free(plain);
	}
	sodium_memzero(key, sizeof(key));
	return rc;
}

int age_keycache_open(struct age_keycache *c, const void *data, size_t len,
		      const struct age_identity *ids, size_t nids)
{
	unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
	const unsigned char *in = data, *ct, *p;
	size_t m = strlen(magic), ctlen, plen, n, i;
	unsigned char *plain = NULL;
	int rc = -1;

	if (len < m + NONCE_LEN + 4 + TAG_LEN || memcmp(in, magic, m))
		return -1;
	ct = in + m + NONCE_LEN;
	ctlen = len - m - NONCE_LEN;
	plen = ctlen - TAG_LEN;
	if ((plen - 4) % ENTRY_LEN || (plen - 4) / ENTRY_LEN > AGE_KEYCACHE_MAX)
		return -1;
	if (seal_key(key, ids, nids) < 0)
		return -1;
	if (!(plain = malloc(plen)))
		goto done;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain, NULL, NULL, ct, ctlen,
			(const unsigned char *)magic, m, in + m, key) < 0)
		goto done;
	n = get_u32(plain);
	if (n != (plen - 4) / ENTRY_LEN)
		goto done;
	rc = 0;
	for (i = 0, p = plain + 4; i < n && rc == 0; i++, p += ENTRY_LEN)
		if (age_keycache_put(c, p, p + SHARE_LEN, p + SHARE_LEN + AGE_STANZA_BODY_LEN) < 0)
			rc = -1;
done:
	if (plain) {
		sodium_memzero(plain, plen);
		free(plain);
	}
	sodium_memzero(key, sizeof(key));
	return rc;
}
