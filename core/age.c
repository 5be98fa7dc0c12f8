/*
 * The age v1 file format for X25519 recipients: see age.h and
 * https://age-encryption.org/v1 (C2SP age.md).  This file owns the keys'
 * Bech32 forms, the identity file, the header (stanzas and MAC), the
 * STREAM payload and the ASCII armor.
 *
 * Parsing is strict, as the spec asks and the official test vectors
 * check: canonical base64, 64-column lines, LF only in the header, one
 * space between arguments.  Every secret on the stack (file key, shared
 * secret, derived keys) is wiped before returning; a plaintext is written
 * only into the caller's secret buffer, and counted in its length only
 * once the last chunk has authenticated.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "age.h"
#include "bech32.h"
#include "hkdf.h"
#include "keycache.h"
#include "sha256.h"
#include "tr.h"

#define FILE_KEY_LEN 16
#define MAC_LEN 32
#define NONCE_LEN 16
#define TAG_LEN crypto_aead_chacha20poly1305_ietf_ABYTES
#define CHUNK 65536
#define ENC_CHUNK (CHUNK + TAG_LEN)
#define COLUMNS 64
#define LINE_BYTES 48	/* what one full 64-column base64 line holds */
#define MAX_WHITESPACE 1024	/* around an armored file, as age allows */

static const char version_line[] = "age-encryption.org/v1";
static const char armor_begin[] = "-----BEGIN AGE ENCRYPTED FILE-----";
static const char armor_end[] = "-----END AGE ENCRYPTED FILE-----";
static const char x25519_info[] = "age-encryption.org/v1/X25519";
static const char b64_chars[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void age_wipe(void *p, size_t n)
{
	if (p && n)
		sodium_memzero(p, n);
}

static void b64_table_init(void);

int age_init(void)
{
	b64_table_init();  /* before any thread decodes */
	sha256_hw();       /* and hashes */
	return sodium_init() < 0 ? -1 : 0;
}

/* ---- base64 ---- */

/* The value of each base64 character, -1 for the others (a table: a
 * summary over hundreds of sealed values decodes every one of them). */
static signed char b64_table[256];

static void b64_table_init(void)
{
	size_t i;

	if (b64_table['A'] == 0 && b64_table['B'] == 1)
		return;
	memset(b64_table, -1, sizeof(b64_table));
	for (i = 0; i < 64; i++)
		b64_table[(unsigned char)b64_chars[i]] = (signed char)i;
}

static int b64_value(unsigned char c)
{
	return b64_table[c];
}

static size_t b64_len(size_t n, int pad)
{
	return pad ? (n + 2) / 3 * 4 : (n * 4 + 2) / 3;
}

static void b64_encode(struct buf *out, const unsigned char *p, size_t n, int pad)
{
	char q[4];
	size_t i;

	for (i = 0; i + 3 <= n; i += 3) {
		q[0] = b64_chars[p[i] >> 2];
		q[1] = b64_chars[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
		q[2] = b64_chars[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)];
		q[3] = b64_chars[p[i + 2] & 63];
		buf_add(out, q, 4);
	}
	if (n - i == 1) {
		q[0] = b64_chars[p[i] >> 2];
		q[1] = b64_chars[(p[i] & 3) << 4];
		buf_add(out, q, 2);
		if (pad)
			buf_add(out, "==", 2);
	} else if (n - i == 2) {
		q[0] = b64_chars[p[i] >> 2];
		q[1] = b64_chars[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
		q[2] = b64_chars[(p[i + 1] & 15) << 2];
		buf_add(out, q, 3);
		if (pad)
			buf_addc(out, '=');
	}
}

/*
 * Decodes n characters of base64 into out (room for cap bytes), *outlen the
 * bytes written.  With pad, the length is a multiple of 4 and up to two
 * '=' end it; without, no '=' at all.  Canonical only: the unused bits of
 * the last character must be zero.  0 on success, -1 otherwise.
 */
static int b64_decode(const char *s, size_t n, int pad,
		      unsigned char *out, size_t cap, size_t *outlen)
{
	unsigned long acc = 0;
	unsigned bits = 0;
	size_t i, o = 0, eq = 0;
	int v;

	if (pad) {
		if (n % 4)
			return -1;
		while (eq < 2 && eq < n && s[n - 1 - eq] == '=')
			eq++;
		n -= eq;
		if (eq && n % 4 != 4 - eq)
			return -1;
	} else if (n % 4 == 1) {
		return -1;
	}
	b64_table_init();
	/* whole groups of four characters: three bytes each */
	for (i = 0; i + 4 <= n; i += 4) {
		int a = b64_table[(unsigned char)s[i]], b = b64_table[(unsigned char)s[i + 1]];
		int c = b64_table[(unsigned char)s[i + 2]], d = b64_table[(unsigned char)s[i + 3]];

		if ((a | b | c | d) < 0 || cap - o < 3)
			return -1;
		out[o++] = (unsigned char)(a << 2 | b >> 4);
		out[o++] = (unsigned char)((b & 15) << 4 | c >> 2);
		out[o++] = (unsigned char)((c & 3) << 6 | d);
	}
	for (; i < n; i++) {
		if ((v = b64_value((unsigned char)s[i])) < 0)
			return -1;
		acc = ((acc << 6) | (unsigned)v) & 0xffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o == cap)
				return -1;
			out[o++] = (unsigned char)((acc >> bits) & 0xff);
		}
	}
	if (bits && (acc & ((1UL << bits) - 1)))
		return -1;
	*outlen = o;
	return 0;
}

/* ---- keys ---- */

int age_keygen(struct age_identity *id)
{
	randombytes_buf(id->sk, sizeof(id->sk));
	crypto_scalarmult_base(id->pk, id->sk);
	return AGE_OK;
}

int age_recipient_parse(const char *s, struct age_recipient *out)
{
	char hrp[8];
	unsigned char k[AGE_KEY_LEN + 1];
	size_t n;

	if (bech32_decode(s, AGE_RECIPIENT_STRLEN - 1, hrp, sizeof(hrp),
			  k, sizeof(k), &n) < 0 ||
	    strcmp(hrp, "age") || n != AGE_KEY_LEN)
		return AGE_BAD_KEY;
	memcpy(out->pk, k, AGE_KEY_LEN);
	return AGE_OK;
}

void age_recipient_format(const struct age_recipient *r, char out[AGE_RECIPIENT_STRLEN])
{
	bech32_encode(out, AGE_RECIPIENT_STRLEN, "age", r->pk, AGE_KEY_LEN);
}

int age_identity_parse(const char *s, struct age_identity *out)
{
	char hrp[20];
	unsigned char k[AGE_KEY_LEN + 1];
	size_t n = 0;
	int rc = AGE_BAD_KEY;

	if (bech32_decode(s, AGE_IDENTITY_STRLEN - 1, hrp, sizeof(hrp),
			  k, sizeof(k), &n) == 0 &&
	    !strcmp(hrp, "AGE-SECRET-KEY-") && n == AGE_KEY_LEN) {
		memcpy(out->sk, k, AGE_KEY_LEN);
		crypto_scalarmult_base(out->pk, out->sk);
		rc = AGE_OK;
	}
	age_wipe(k, sizeof(k));
	return rc;
}

void age_identity_format(const struct age_identity *id, char out[AGE_IDENTITY_STRLEN])
{
	size_t i;

	bech32_encode(out, AGE_IDENTITY_STRLEN, "age-secret-key-", id->sk, AGE_KEY_LEN);
	for (i = 0; out[i]; i++)
		if (out[i] >= 'a' && out[i] <= 'z')
			out[i] = (char)(out[i] - 'a' + 'A');
}

void age_identity_recipient(const struct age_identity *id, struct age_recipient *out)
{
	memcpy(out->pk, id->pk, AGE_KEY_LEN);
}

/* Grows an array of identities without leaving a copy of the keys behind. */
static int grow_identities(struct age_identity **v, size_t n, size_t *cap)
{
	struct age_identity *nv;
	size_t ncap = *cap ? *cap * 2 : 2;

	if (n < *cap)
		return 0;
	if (!(nv = calloc(ncap, sizeof(*nv))))
		return -1;
	if (*v) {
		memcpy(nv, *v, n * sizeof(*nv));
		age_wipe(*v, n * sizeof(*nv));
		free(*v);
	}
	*v = nv;
	*cap = ncap;
	return 0;
}

int age_identities_parse(const char *text, size_t len,
			 struct age_identity **ids, size_t *n, size_t *line)
{
	struct age_identity *v = NULL;
	size_t nid = 0, cap = 0, pos = 0, lineno = 0, e, l;
	char key[AGE_IDENTITY_STRLEN];
	int rc = AGE_OK;

	*ids = NULL;
	*n = 0;
	*line = 0;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);

		e = nl ? (size_t)(nl - text) : len;
		l = e - pos;
		lineno++;
		if (l && text[pos + l - 1] == '\r')
			l--;
		if (l && text[pos] != '#') {
			if (l >= sizeof(key) || memchr(text + pos, '\0', l)) {
				rc = AGE_BAD_KEY;
				*line = lineno;
				break;
			}
			memcpy(key, text + pos, l);
			key[l] = '\0';
			if (grow_identities(&v, nid, &cap) < 0) {
				rc = AGE_NOMEM;
				break;
			}
			if ((rc = age_identity_parse(key, &v[nid])) != AGE_OK) {
				*line = lineno;
				break;
			}
			nid++;
		}
		pos = nl ? e + 1 : len;
	}
	age_wipe(key, sizeof(key));
	if (rc == AGE_OK && !nid)
		rc = AGE_BAD_KEY;	/* no key at all: *line stays 0 */
	if (rc != AGE_OK) {
		age_identities_free(v, cap);
		return rc;
	}
	*ids = v;
	*n = nid;
	return AGE_OK;
}

void age_identities_free(struct age_identity *ids, size_t n)
{
	if (!ids)
		return;
	age_wipe(ids, n * sizeof(*ids));
	free(ids);
}

/* ---- the header ---- */

struct x25519_stanza {
	unsigned char share[AGE_KEY_LEN];
	unsigned char body[FILE_KEY_LEN + TAG_LEN];
};

struct header {
	struct x25519_stanza *x;
	size_t nx, cap;
	size_t nother;		/* stanzas of other types */
	int known_other;	/* one of them is a kind of key age knows */
	size_t mac_end;		/* the MAC covers the bytes before this: "...---" */
	unsigned char mac[MAC_LEN];
	size_t end;		/* where the payload (its nonce) starts */
};

static void header_release(struct header *h)
{
	free(h->x);
	memset(h, 0, sizeof(*h));
}

/* The next line at *pos, without its LF; -1 when there is no LF. */
static int next_line(const unsigned char *p, size_t len, size_t *pos,
		     const char **line, size_t *n)
{
	const unsigned char *nl;

	if (*pos >= len || !(nl = memchr(p + *pos, '\n', len - *pos)))
		return -1;
	*line = (const char *)p + *pos;
	*n = (size_t)(nl - (p + *pos));
	*pos += *n + 1;
	return 0;
}

/*
 * Kinds of age recipients convene has no identity for: a file sealed only
 * for these is "unsupported" rather than "not for us".
 */
static int known_type(const char *t, size_t n)
{
	static const char *const types[] = {
		"scrypt", "mlkem768x25519", "ssh-rsa", "ssh-ed25519", "piv-p256",
	};
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (n == strlen(types[i]) && !memcmp(t, types[i], n))
			return 1;
	return 0;
}

static int is_vchar(char c)
{
	return c >= 0x21 && c <= 0x7e;
}

/*
 * Parses the header at the start of p: the version line, the stanzas and
 * the MAC line.  Checks the shape of every X25519 stanza (one 32-byte
 * share, a 32-byte body), so that a malformed one is refused wherever it
 * stands.  AGE_OK, AGE_BAD_HEADER or AGE_NOMEM.
 */
static int header_parse(struct header *h, const unsigned char *p, size_t len)
{
	const char *line, *arg[2] = { NULL, NULL };
	size_t n, pos = 0, argn[2] = { 0, 0 }, argc, i, start, blen, got;
	unsigned char chunk[LINE_BYTES], body[FILE_KEY_LEN + TAG_LEN];
	int is_x, bad_x, scrypt = 0;

	memset(h, 0, sizeof(*h));
	if (next_line(p, len, &pos, &line, &n) < 0 ||
	    n != strlen(version_line) || memcmp(line, version_line, n))
		return AGE_BAD_HEADER;
	for (;;) {
		start = pos;
		if (next_line(p, len, &pos, &line, &n) < 0)
			return AGE_BAD_HEADER;
		if (n >= 3 && !memcmp(line, "---", 3))
			break;
		if (n < 3 || memcmp(line, "-> ", 3))
			return AGE_BAD_HEADER;
		/* arguments: one space apart, none empty, visible ASCII */
		argc = 0;
		for (i = 3; i <= n; i++) {
			size_t a = i;

			while (i < n && line[i] != ' ') {
				if (!is_vchar(line[i]))
					return AGE_BAD_HEADER;
				i++;
			}
			if (i == a)
				return AGE_BAD_HEADER;
			if (argc < 2) {
				arg[argc] = line + a;
				argn[argc] = i - a;
			}
			argc++;
		}
		is_x = argn[0] == 6 && !memcmp(arg[0], "X25519", 6);
		if (argn[0] == 6 && !memcmp(arg[0], "scrypt", 6))
			scrypt = 1;
		/* the body: full lines, then one shorter (maybe empty) line */
		blen = 0;
		bad_x = 0;
		do {
			if (next_line(p, len, &pos, &line, &n) < 0 || n > COLUMNS ||
			    b64_decode(line, n, 0, chunk, sizeof(chunk), &got) < 0)
				return AGE_BAD_HEADER;
			if (is_x) {
				if (blen + got > sizeof(body))
					bad_x = 1;
				else
					memcpy(body + blen, chunk, got);
			}
			blen += got;
		} while (n == COLUMNS);
		if (!is_x) {
			h->nother++;
			if (known_type(arg[0], argn[0]))
				h->known_other = 1;
			continue;
		}
		if (bad_x || argc != 2 || blen != sizeof(body))
			return AGE_BAD_HEADER;
		if (h->nx == h->cap) {
			size_t ncap = h->cap ? h->cap * 2 : 4;
			struct x25519_stanza *nx = realloc(h->x, ncap * sizeof(*nx));

			if (!nx)
				return AGE_NOMEM;
			h->x = nx;
			h->cap = ncap;
		}
		if (b64_decode(arg[1], argn[1], 0, h->x[h->nx].share,
			       AGE_KEY_LEN, &got) < 0 || got != AGE_KEY_LEN)
			return AGE_BAD_HEADER;
		memcpy(h->x[h->nx].body, body, sizeof(body));
		h->nx++;
	}
	/* "--- " and the MAC, nothing else on the line */
	if (n != 4 + b64_len(MAC_LEN, 0) || line[3] != ' ' ||
	    b64_decode(line + 4, n - 4, 0, h->mac, MAC_LEN, &got) < 0 || got != MAC_LEN)
		return AGE_BAD_HEADER;
	h->mac_end = start + 3;
	h->end = pos;
	if (!h->nx && !h->nother)
		return AGE_BAD_HEADER;
	/* a passphrase stanza must be alone (the spec's rule) */
	if (scrypt && h->nx + h->nother != 1)
		return AGE_BAD_HEADER;
	return AGE_OK;
}

/* ---- the armor ---- */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Whether p starts like a binary age file (or is empty). */
static int looks_binary(const unsigned char *p, size_t len)
{
	size_t n = strlen(version_line);

	if (len < n)
		n = len;
	return !memcmp(p, version_line, n);
}

/* A line up to LF (or the end), without the LF and one CR before it. */
static int armor_line(const unsigned char *p, size_t len, size_t *pos,
		      const char **line, size_t *n)
{
	const unsigned char *nl;
	size_t e;

	if (*pos >= len)
		return -1;
	nl = memchr(p + *pos, '\n', len - *pos);
	e = nl ? (size_t)(nl - p) : len;
	*line = (const char *)p + *pos;
	*n = e - *pos;
	*pos = nl ? e + 1 : len;
	if (*n && (*line)[*n - 1] == '\r')
		(*n)--;
	return 0;
}

static int line_is(const char *line, size_t n, const char *s)
{
	return n == strlen(s) && !memcmp(line, s, n);
}

/*
 * Decodes an armored file into out: whitespace lines before, the begin
 * line, 64-column lines of padded base64 (the last may be shorter, none
 * empty), the end line, whitespace after.  AGE_OK, AGE_BAD_ARMOR or
 * AGE_NOMEM.
 */
static int dearmor(const unsigned char *p, size_t len, struct buf *out)
{
	const char *line;
	size_t n, pos = 0, got, skipped = 0, i;
	unsigned char chunk[LINE_BYTES];

	for (;;) {
		if (armor_line(p, len, &pos, &line, &n) < 0)
			return AGE_BAD_ARMOR;
		for (i = 0; i < n && is_space((unsigned char)line[i]); i++)
			;
		if (i < n)
			break;
		skipped += n + 1;
		if (skipped > MAX_WHITESPACE)
			return AGE_BAD_ARMOR;
	}
	if (!line_is(line, n, armor_begin))
		return AGE_BAD_ARMOR;
	for (;;) {
		if (armor_line(p, len, &pos, &line, &n) < 0)
			return AGE_BAD_ARMOR;
		if (line_is(line, n, armor_end))
			break;
		if (!n || n > COLUMNS ||
		    b64_decode(line, n, 1, chunk, sizeof(chunk), &got) < 0)
			return AGE_BAD_ARMOR;
		if (buf_add(out, chunk, got) < 0)
			return AGE_NOMEM;
		if (got < LINE_BYTES) {
			if (armor_line(p, len, &pos, &line, &n) < 0 ||
			    !line_is(line, n, armor_end))
				return AGE_BAD_ARMOR;
			break;
		}
	}
	if (len - pos >= MAX_WHITESPACE)
		return AGE_BAD_ARMOR;
	for (; pos < len; pos++)
		if (!is_space(p[pos]))
			return AGE_BAD_ARMOR;
	return AGE_OK;
}

/* The binary form of file: itself, or its armor decoded into tmp. */
static int binary_of(const void *file, size_t len, struct buf *tmp,
		     const unsigned char **p, size_t *n)
{
	int rc;

	if (looks_binary(file, len)) {
		*p = file;
		*n = len;
		return AGE_OK;
	}
	if ((rc = dearmor(file, len, tmp)) != AGE_OK)
		return rc;
	*p = (const unsigned char *)buf_str(tmp);
	*n = tmp->len;
	return AGE_OK;
}

int age_header_stanzas(const void *file, size_t len, size_t *x25519, size_t *other)
{
	struct buf tmp = BUF_INIT;
	struct header h;
	const unsigned char *p;
	size_t n;
	int rc;

	*x25519 = *other = 0;
	memset(&h, 0, sizeof(h));
	if ((rc = binary_of(file, len, &tmp, &p, &n)) == AGE_OK &&
	    (rc = header_parse(&h, p, n)) == AGE_OK) {
		*x25519 = h.nx;
		*other = h.nother;
	}
	header_release(&h);
	buf_release(&tmp);
	return rc;
}

/* ---- sealing ---- */

static void header_mac(const unsigned char file_key[FILE_KEY_LEN],
		       const void *hdr, size_t n, unsigned char mac[MAC_LEN])
{
	unsigned char k[32];
	struct hmac_sha256 st;

	hkdf_sha256(k, sizeof(k), NULL, 0, file_key, FILE_KEY_LEN, "header", 6);
	hmac_sha256_init(&st, k, sizeof(k));
	hmac_sha256_update(&st, hdr, n);
	hmac_sha256_final(&st, mac);  /* wipes st */
	age_wipe(k, sizeof(k));
}

static void stream_nonce(unsigned char nonce[12], unsigned long long counter, int last)
{
	int i;

	memset(nonce, 0, 12);
	for (i = 10; i >= 3 && counter; i--, counter >>= 8)
		nonce[i] = (unsigned char)(counter & 0xff);
	nonce[11] = last ? 1 : 0;
}

/* The X25519 wrapping key for a share and a recipient. */
static void wrap_key(unsigned char key[32], const unsigned char shared[32],
		     const unsigned char share[32], const unsigned char pk[32])
{
	unsigned char salt[64];

	memcpy(salt, share, 32);
	memcpy(salt + 32, pk, 32);
	hkdf_sha256(key, 32, salt, sizeof(salt), shared, 32,
		    x25519_info, strlen(x25519_info));
}

static int armor(const unsigned char *p, size_t n, struct buf *out)
{
	struct buf b = BUF_INIT;
	size_t i;

	buf_adds(out, armor_begin);
	buf_addc(out, '\n');
	b64_encode(&b, p, n, 1);
	for (i = 0; i < b.len; i += COLUMNS) {
		buf_add(out, b.ptr + i, b.len - i < COLUMNS ? b.len - i : COLUMNS);
		buf_addc(out, '\n');
	}
	buf_adds(out, armor_end);
	buf_addc(out, '\n');
	i = buf_failed(&b);
	buf_release(&b);
	return i || buf_failed(out) ? AGE_NOMEM : AGE_OK;
}

int age_encrypt(const struct age_recipient *r, size_t nr,
		const void *plain, size_t len, int armored, struct buf *out)
{
	unsigned char file_key[FILE_KEY_LEN], esk[32], epk[32], shared[32], k[32];
	unsigned char body[FILE_KEY_LEN + TAG_LEN], mac[MAC_LEN], nonce[NONCE_LEN];
	unsigned char zero[12] = { 0 }, cn[12];
	struct buf b = BUF_INIT;
	const unsigned char *in = plain;
	unsigned long long counter = 0;
	size_t i, off = 0, n, start;
	int rc = AGE_OK, last;

	if (!nr)
		return AGE_BAD_KEY;
	randombytes_buf(file_key, sizeof(file_key));
	buf_adds(&b, version_line);
	buf_addc(&b, '\n');
	for (i = 0; i < nr; i++) {
		randombytes_buf(esk, sizeof(esk));
		crypto_scalarmult_base(epk, esk);
		if (crypto_scalarmult(shared, esk, r[i].pk) < 0) {
			rc = AGE_BAD_KEY;	/* a low-order point: no shared secret */
			goto done;
		}
		wrap_key(k, shared, epk, r[i].pk);
		crypto_aead_chacha20poly1305_ietf_encrypt(body, NULL, file_key,
			sizeof(file_key), NULL, 0, NULL, zero, k);
		buf_adds(&b, "-> X25519 ");
		b64_encode(&b, epk, sizeof(epk), 0);
		buf_addc(&b, '\n');
		b64_encode(&b, body, sizeof(body), 0);
		buf_addc(&b, '\n');
	}
	buf_adds(&b, "---");
	if (buf_failed(&b)) {
		rc = AGE_NOMEM;
		goto done;
	}
	header_mac(file_key, b.ptr, b.len, mac);
	buf_addc(&b, ' ');
	b64_encode(&b, mac, sizeof(mac), 0);
	buf_addc(&b, '\n');

	randombytes_buf(nonce, sizeof(nonce));
	buf_add(&b, nonce, sizeof(nonce));
	hkdf_sha256(k, sizeof(k), nonce, sizeof(nonce), file_key, sizeof(file_key),
		    "payload", 7);
	do {
		n = len - off < CHUNK ? len - off : CHUNK;
		last = off + n == len;
		stream_nonce(cn, counter++, last);
		start = b.len;
		if (buf_grow(&b, n + TAG_LEN) < 0)
			break;
		crypto_aead_chacha20poly1305_ietf_encrypt((unsigned char *)b.ptr + start,
			NULL, in + off, n, NULL, 0, NULL, cn, k);
		b.len += n + TAG_LEN;
		b.ptr[b.len] = '\0';
		off += n;
	} while (!last);
	if (buf_failed(&b)) {
		rc = AGE_NOMEM;
		goto done;
	}
	if (armored)
		rc = armor((unsigned char *)b.ptr, b.len, out);
	else if (buf_add(out, b.ptr, b.len) < 0)
		rc = AGE_NOMEM;
done:
	age_wipe(file_key, sizeof(file_key));
	age_wipe(esk, sizeof(esk));
	age_wipe(shared, sizeof(shared));
	age_wipe(k, sizeof(k));
	buf_release(&b);
	return rc;
}

/* ---- opening ---- */

/*
 * The file key, from the first X25519 stanza an identity unwraps.  A share
 * that gives the all-zero secret (a low-order point) is a broken header,
 * not a wrong key.
 */
/* Stanza i with each identity: AGE_OK, AGE_NOT_FOR_US or AGE_BAD_HEADER. */
static int unwrap_one(const struct x25519_stanza *x, const struct age_identity *ids,
		      size_t nids, unsigned long *unwraps, unsigned char file_key[FILE_KEY_LEN])
{
	unsigned char shared[32], k[32], zero[12] = { 0 };
	size_t j;
	int rc = AGE_NOT_FOR_US;

	for (j = 0; j < nids; j++) {
		(*unwraps)++;
		if (crypto_scalarmult(shared, ids[j].sk, x->share) < 0) {
			rc = AGE_BAD_HEADER;
			break;
		}
		wrap_key(k, shared, x->share, ids[j].pk);
		if (crypto_aead_chacha20poly1305_ietf_decrypt(file_key, NULL, NULL, x->body,
				sizeof(x->body), NULL, 0, zero, k) == 0) {
			rc = AGE_OK;
			break;
		}
	}
	age_wipe(shared, sizeof(shared));
	age_wipe(k, sizeof(k));
	return rc;
}

/*
 * The file key, from the first X25519 stanza an identity unwraps: stanza
 * hint first when there is one (an X25519 for each stanza tried is most of
 * the cost of opening a value).  Had the hinted stanza not opened, the
 * others are tried in order, as without a hint.  A share that gives the
 * all-zero secret (a low-order point, whatever the identity) is a broken
 * header, not a wrong key: then all are tried in order, so that the
 * answer is the one without a hint.
 */
static int unwrap(const struct header *h, const struct age_identity *ids,
		  size_t nids, size_t hint, unsigned long *unwraps,
		  unsigned char file_key[FILE_KEY_LEN], size_t *which)
{
	size_t i, skip = (size_t)-1;
	int rc = AGE_NOT_FOR_US;

	if (!h->nx && h->known_other)
		return AGE_UNSUPPORTED;
	if (hint < h->nx && nids) {
		if ((rc = unwrap_one(&h->x[hint], ids, nids, unwraps, file_key)) == AGE_OK) {
			*which = hint;
			return AGE_OK;
		}
		if (rc == AGE_NOT_FOR_US)
			skip = hint;  /* no identity opens it: the same below */
		rc = AGE_NOT_FOR_US;
	}
	for (i = 0; i < h->nx && rc == AGE_NOT_FOR_US; i++)
		if (i != skip && (rc = unwrap_one(&h->x[i], ids, nids, unwraps, file_key)) == AGE_OK)
			*which = i;
	return rc;
}

/*
 * The file key of a stanza the cache knows whose header MAC verifies
 * (1), or 0.  A cached key is never trusted on its own: the MAC over the
 * header, keyed from the file key, is what proves it the sealer's.
 */
static int cached_key(struct age_keycache_use *c, const struct header *h,
		      const unsigned char *hdr, unsigned char file_key[FILE_KEY_LEN])
{
	unsigned char mac[MAC_LEN];
	size_t i;
	int ok = 0;

	for (i = 0; i < h->nx && !ok; i++) {
		if (!age_keycache_find(c->known, h->x[i].share, h->x[i].body, file_key) &&
		    !age_keycache_find(c->seen, h->x[i].share, h->x[i].body, file_key))
			continue;
		header_mac(file_key, hdr, h->mac_end, mac);
		ok = !sodium_memcmp(mac, h->mac, MAC_LEN);
		if (ok && c->seen && age_keycache_put(c->seen, h->x[i].share, h->x[i].body,
						      file_key) < 0)
			c->failed = 1;
	}
	if (!ok)
		age_wipe(file_key, FILE_KEY_LEN);
	return ok;
}

/*
 * Opens the STREAM payload p (n bytes) into the room after plain's end;
 * plain's length moves only when every chunk, the last one included, has
 * authenticated.
 */
static int open_payload(const unsigned char key[32], const unsigned char *p,
			size_t n, struct buf *plain)
{
	unsigned char cn[12];
	unsigned long long counter = 0;
	size_t off = 0, chunk, out = 0, room;
	int last = 0, rc = AGE_OK;
	char *dst;

	if (n < TAG_LEN)
		return AGE_BAD_PAYLOAD;
	/* room for every chunk as it is cut, even one that then fails:
	 * libsodium clears its whole output when a tag does not match */
	room = n / ENC_CHUNK * CHUNK;
	if (n % ENC_CHUNK > TAG_LEN)
		room += n % ENC_CHUNK - TAG_LEN;
	if (buf_grow(plain, room) < 0)
		return AGE_NOMEM;
	dst = plain->ptr + plain->len;
	while (!last) {
		chunk = n - off;
		/* a full chunk with more after it is not the last; one that
		 * ends the file must be */
		if (chunk > ENC_CHUNK)
			chunk = ENC_CHUNK;
		else
			last = 1;
		if (chunk < TAG_LEN || (last && chunk == TAG_LEN && counter)) {
			rc = AGE_BAD_PAYLOAD;
			break;
		}
		stream_nonce(cn, counter++, last);
		if (crypto_aead_chacha20poly1305_ietf_decrypt((unsigned char *)dst + out,
				NULL, NULL, p + off, chunk, NULL, 0, cn, key) < 0) {
			rc = AGE_BAD_PAYLOAD;
			break;
		}
		out += chunk - TAG_LEN;
		off += chunk;
	}
	if (rc != AGE_OK) {
		age_wipe(dst, plain->cap - plain->len);
		return rc;
	}
	plain->len += out;
	plain->ptr[plain->len] = '\0';
	return AGE_OK;
}

int age_decrypt(const struct age_identity *ids, size_t nids,
		const void *file, size_t len, struct buf *plain)
{
	return age_decrypt_hint(ids, nids, (size_t)-1, file, len, plain);
}

int age_decrypt_hint(const struct age_identity *ids, size_t nids, size_t hint,
		     const void *file, size_t len, struct buf *plain)
{
	return age_decrypt_cached(ids, nids, hint, NULL, file, len, plain);
}

int age_decrypt_cached(const struct age_identity *ids, size_t nids, size_t hint,
		       struct age_keycache_use *cache, const void *file, size_t len,
		       struct buf *plain)
{
	unsigned char file_key[FILE_KEY_LEN], mac[MAC_LEN], k[32];
	struct buf tmp = BUF_INIT;
	struct header h;
	const unsigned char *p;
	unsigned long unwraps = 0;
	size_t n, which = 0;
	int rc;

	memset(&h, 0, sizeof(h));
	if ((rc = binary_of(file, len, &tmp, &p, &n)) != AGE_OK ||
	    (rc = header_parse(&h, p, n)) != AGE_OK)
		goto done;
	if (!cache || !nids || !cached_key(cache, &h, p, file_key)) {
		rc = unwrap(&h, ids, nids, hint, &unwraps, file_key, &which);
		if (cache)
			cache->unwraps += unwraps;
		if (rc != AGE_OK)
			goto done;
		header_mac(file_key, p, h.mac_end, mac);
		if (sodium_memcmp(mac, h.mac, MAC_LEN)) {
			rc = AGE_BAD_HEADER_MAC;
			goto done;
		}
		if (cache && cache->seen) {
			int put = age_keycache_put(cache->seen, h.x[which].share, h.x[which].body,
						   file_key);

			if (put < 0)
				cache->failed = 1;
			else if (!age_keycache_find(cache->known, h.x[which].share, h.x[which].body, k) ||
				 sodium_memcmp(k, file_key, FILE_KEY_LEN))
				cache->fresh++;
		}
	}
	if (n - h.end < NONCE_LEN) {
		rc = AGE_BAD_HEADER;
		goto done;
	}
	hkdf_sha256(k, sizeof(k), p + h.end, NONCE_LEN, file_key, sizeof(file_key),
		    "payload", 7);
	rc = open_payload(k, p + h.end + NONCE_LEN, n - h.end - NONCE_LEN, plain);
done:
	age_wipe(file_key, sizeof(file_key));
	age_wipe(k, sizeof(k));
	header_release(&h);
	buf_release(&tmp);
	return rc;
}

const char *age_strerror(int status)
{
	switch (status) {
	case AGE_OK:
		return tr("no error");
	case AGE_NOMEM:
		return tr("out of memory");
	case AGE_BAD_KEY:
		return tr("not an age key");
	case AGE_BAD_ARMOR:
		return tr("not a well-formed armored age file");
	case AGE_BAD_HEADER:
		return tr("the age header is damaged");
	case AGE_UNSUPPORTED:
		return tr("sealed for a kind of key convene does not use (a passphrase or a plugin)");
	case AGE_NOT_FOR_US:
		return tr("not readable with your key");
	case AGE_BAD_HEADER_MAC:
		return tr("the header was changed after it was sealed");
	case AGE_BAD_PAYLOAD:
		return tr("the sealed text was changed or cut short");
	}
	return tr("unknown age error");
}
