/*
 * Unit tests for core/age.c: key forms, identity files, sealing and
 * opening, and what a damaged file gives.  (The official vectors are in
 * test_agekit.c; interop with the real `age` is t0032.)
 */
#include <dirent.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/age.h"
#include "unit.h"

/* made by age-keygen (the C2SP test vectors' identity) */
static const char id_s[] =
	"AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";
static const char rcpt_s[] =
	"age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryef";

void test_age__key_forms(void)
{
	struct age_identity id;
	struct age_recipient r;
	char s[AGE_IDENTITY_STRLEN], rs[AGE_RECIPIENT_STRLEN];

	check(age_init() == 0);
	check(age_identity_parse(id_s, &id) == AGE_OK);
	age_identity_recipient(&id, &r);
	age_recipient_format(&r, rs);
	check_str(rs, rcpt_s);	/* what `age-keygen -y` says */
	age_identity_format(&id, s);
	check_str(s, id_s);
	check(age_recipient_parse(rcpt_s, &r) == AGE_OK);
	check(!memcmp(r.pk, id.pk, AGE_KEY_LEN));
	age_wipe(s, sizeof(s));
	check(s[0] == 0 && s[40] == 0);
}

void test_age__bad_keys_refused(void)
{
	struct age_identity id;
	struct age_recipient r;
	char s[AGE_IDENTITY_STRLEN + 8];
	size_t i;

	check(age_init() == 0);
	/* recipients are lower case, identities upper case, never mixed */
	strcpy(s, rcpt_s);
	for (i = 0; s[i]; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			s[i] = (char)(s[i] - 'a' + 'A');
	check(age_recipient_parse(s, &r) == AGE_BAD_KEY);
	strcpy(s, id_s);
	for (i = 0; s[i]; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] - 'A' + 'a');
	check(age_identity_parse(s, &id) == AGE_BAD_KEY);
	strcpy(s, rcpt_s);
	s[10] = 'X';
	check(age_recipient_parse(s, &r) == AGE_BAD_KEY);
	/* a changed character: the checksum */
	strcpy(s, rcpt_s);
	s[20] = s[20] == 'q' ? 'p' : 'q';
	check(age_recipient_parse(s, &r) == AGE_BAD_KEY);
	/* an identity is not a recipient, nor the reverse */
	check(age_recipient_parse(id_s, &r) == AGE_BAD_KEY);
	check(age_identity_parse(rcpt_s, &id) == AGE_BAD_KEY);
	/* nothing before, nothing after */
	snprintf(s, sizeof(s), " %s", rcpt_s);
	check(age_recipient_parse(s, &r) == AGE_BAD_KEY);
	snprintf(s, sizeof(s), "%s ", rcpt_s);
	check(age_recipient_parse(s, &r) == AGE_BAD_KEY);
	check(age_recipient_parse("", &r) == AGE_BAD_KEY);
	check(age_recipient_parse("age1", &r) == AGE_BAD_KEY);
}

void test_age__keygen(void)
{
	struct age_identity a, b, back;
	char s[AGE_IDENTITY_STRLEN];

	check(age_init() == 0);
	check(age_keygen(&a) == AGE_OK);
	check(age_keygen(&b) == AGE_OK);
	check(memcmp(a.sk, b.sk, AGE_KEY_LEN) != 0);
	age_identity_format(&a, s);
	check(strlen(s) == AGE_IDENTITY_STRLEN - 1);
	check(!strncmp(s, "AGE-SECRET-KEY-1", 16));
	check(age_identity_parse(s, &back) == AGE_OK);
	check(!memcmp(back.sk, a.sk, AGE_KEY_LEN) && !memcmp(back.pk, a.pk, AGE_KEY_LEN));
}

void test_age__identities_file(void)
{
	struct age_identity *ids;
	struct age_identity id;
	char text[512];
	size_t n, line;

	check(age_init() == 0);
	check(age_identity_parse(id_s, &id) == AGE_OK);
	snprintf(text, sizeof(text),
		 "# created: 2026-01-01T00:00:00Z\n# public key: %s\n%s\n\n%s\r\n",
		 rcpt_s, id_s, id_s);
	check(age_identities_parse(text, strlen(text), &ids, &n, &line) == AGE_OK);
	check(n == 2 && !memcmp(ids[1].sk, id.sk, AGE_KEY_LEN));
	age_identities_free(ids, n);
	/* no LF at the end */
	check(age_identities_parse(id_s, strlen(id_s), &ids, &n, &line) == AGE_OK);
	check(n == 1);
	age_identities_free(ids, n);
	/* a line that is not a key: its number */
	snprintf(text, sizeof(text), "# comment\n%s\n%s\n", id_s, rcpt_s);
	check(age_identities_parse(text, strlen(text), &ids, &n, &line) == AGE_BAD_KEY);
	check(line == 3 && ids == NULL && n == 0);
	snprintf(text, sizeof(text), " %s\n", id_s);
	check(age_identities_parse(text, strlen(text), &ids, &n, &line) == AGE_BAD_KEY);
	check(line == 1);
	/* no key at all */
	check(age_identities_parse("# nothing\n\n", 11, &ids, &n, &line) == AGE_BAD_KEY);
	check(line == 0);
	check(age_identities_parse("", 0, &ids, &n, &line) == AGE_BAD_KEY);
}

/* A plaintext of n bytes that differs at every position. */
static unsigned char *pattern(size_t n)
{
	unsigned char *p = malloc(n ? n : 1);
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 131 + (i >> 8));
	return p;
}

static int round_trip(size_t size, int armor)
{
	struct age_identity a, b;
	struct age_recipient r[2];
	struct buf sealed = BUF_INIT, plain = BUF_SECRET_INIT, plain2 = BUF_SECRET_INIT;
	unsigned char *p = pattern(size);
	int ok;

	age_keygen(&a);
	age_keygen(&b);
	age_identity_recipient(&a, &r[0]);
	age_identity_recipient(&b, &r[1]);
	ok = age_encrypt(r, 2, p, size, armor, &sealed) == AGE_OK &&
	     age_decrypt(&a, 1, sealed.ptr, sealed.len, &plain) == AGE_OK &&
	     age_decrypt(&b, 1, sealed.ptr, sealed.len, &plain2) == AGE_OK &&
	     plain.len == size && plain2.len == size &&
	     !memcmp(plain.ptr, p, size) && !memcmp(plain2.ptr, p, size) &&
	     (!armor || !strncmp(sealed.ptr, "-----BEGIN AGE ENCRYPTED FILE-----\n", 35)) &&
	     (armor || !strncmp(sealed.ptr, "age-encryption.org/v1\n-> X25519 ", 32));
	if (!ok)
		printf("  round trip of %zu bytes (armor %d) failed\n", size, armor);
	free(p);
	buf_release(&sealed);
	buf_release(&plain);
	buf_release(&plain2);
	return ok;
}

void test_age__round_trip(void)
{
	static const size_t sizes[] = { 0, 1, 100, 65535, 65536, 65537, 131072, 204800 };
	size_t i;

	check(age_init() == 0);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		check(round_trip(sizes[i], 1));
		check(round_trip(sizes[i], 0));
	}
}

void test_age__armor_shape(void)
{
	struct age_identity id;
	struct age_recipient r;
	struct buf sealed = BUF_INIT;
	const char *p, *nl;
	size_t lines = 0;

	check(age_init() == 0);
	check(age_identity_parse(id_s, &id) == AGE_OK);
	age_identity_recipient(&id, &r);
	check(age_encrypt(&r, 1, "hello", 5, 1, &sealed) == AGE_OK);
	check(sealed.ptr[sealed.len - 1] == '\n');
	for (p = sealed.ptr; (nl = strchr(p, '\n')); p = nl + 1, lines++) {
		if (lines == 0)
			check(nl - p == 34);
		else if (!strncmp(p, "-----END", 8))
			check(nl - p == 32 && !nl[1]);
		else
			check(nl - p <= 64 && (nl - p == 64 || !strncmp(nl + 1, "-----END", 8)));
	}
	check(lines >= 4);
	buf_release(&sealed);
}

/* Seals "the words nobody says" for the test identity. */
static void seal(struct buf *out, int armor)
{
	struct age_identity id;
	struct age_recipient r;

	age_identity_parse(id_s, &id);
	age_identity_recipient(&id, &r);
	age_encrypt(&r, 1, "the words nobody says", 21, armor, out);
}

void test_age__wrong_identity(void)
{
	struct age_identity other;
	struct buf sealed = BUF_INIT, plain = BUF_SECRET_INIT;

	check(age_init() == 0);
	seal(&sealed, 1);
	age_keygen(&other);
	buf_adds(&plain, "kept");
	check(age_decrypt(&other, 1, sealed.ptr, sealed.len, &plain) == AGE_NOT_FOR_US);
	check_str(buf_str(&plain), "kept");
	check(age_decrypt(NULL, 0, sealed.ptr, sealed.len, &plain) == AGE_NOT_FOR_US);
	check_str(age_strerror(AGE_NOT_FOR_US), "not readable with your key");
	buf_release(&sealed);
	buf_release(&plain);
}

void test_age__tampered_nothing_released(void)
{
	struct age_identity id;
	struct buf sealed = BUF_INIT, plain = BUF_SECRET_INIT;
	size_t i, hdr;
	int rc;

	check(age_init() == 0);
	check(age_identity_parse(id_s, &id) == AGE_OK);
	seal(&sealed, 0);
	hdr = (size_t)(strstr(sealed.ptr, "\n---") - sealed.ptr);
	buf_adds(&plain, "kept");
	/* every byte flipped in turn: an error, and the plaintext untouched */
	for (i = 0; i < sealed.len; i++) {
		sealed.ptr[i] ^= 0x01;
		rc = age_decrypt(&id, 1, sealed.ptr, sealed.len, &plain);
		sealed.ptr[i] ^= 0x01;
		check(rc != AGE_OK);
		check(plain.len == 4 && !strcmp(plain.ptr, "kept"));
		if (i > hdr + 50)	/* past the MAC line and the nonce */
			check(rc == AGE_BAD_PAYLOAD);
	}
	/* cut short anywhere */
	for (i = 0; i < sealed.len; i++) {
		rc = age_decrypt(&id, 1, sealed.ptr, i, &plain);
		check(rc != AGE_OK);
		check(plain.len == 4);
	}
	check(age_decrypt(&id, 1, sealed.ptr, sealed.len - 1, &plain) == AGE_BAD_PAYLOAD);
	check(age_decrypt(&id, 1, sealed.ptr, sealed.len, &plain) == AGE_OK);
	check_str(buf_str(&plain), "keptthe words nobody says");
	buf_release(&sealed);
	buf_release(&plain);
}

void test_age__header_mac(void)
{
	struct age_identity id;
	struct buf sealed = BUF_INIT, plain = BUF_SECRET_INIT;
	char *mac;

	check(age_init() == 0);
	check(age_identity_parse(id_s, &id) == AGE_OK);
	seal(&sealed, 0);
	mac = strstr(sealed.ptr, "\n--- ") + 5;
	*mac = *mac == 'A' ? 'B' : 'A';
	check(age_decrypt(&id, 1, sealed.ptr, sealed.len, &plain) == AGE_BAD_HEADER_MAC);
	check(plain.len == 0);
	buf_release(&sealed);
	buf_release(&plain);
}

void test_age__stanza_counts(void)
{
	struct age_identity a, b, c;
	struct age_recipient r[3];
	struct buf sealed = BUF_INIT;
	size_t x, other;

	check(age_init() == 0);
	age_keygen(&a);
	age_keygen(&b);
	age_keygen(&c);
	age_identity_recipient(&a, &r[0]);
	age_identity_recipient(&b, &r[1]);
	age_identity_recipient(&c, &r[2]);
	check(age_encrypt(r, 3, "x", 1, 1, &sealed) == AGE_OK);
	check(age_header_stanzas(sealed.ptr, sealed.len, &x, &other) == AGE_OK);
	check(x == 3 && other == 0);
	check(age_header_stanzas("-----BEGIN AGE", 14, &x, &other) == AGE_BAD_ARMOR);
	check(age_header_stanzas("age-encryption.org/v1\n", 22, &x, &other) == AGE_BAD_HEADER);
	check(age_encrypt(r, 0, "x", 1, 1, &sealed) == AGE_BAD_KEY);
	buf_release(&sealed);
}

void test_age__armor_whitespace_around(void)
{
	struct age_identity id;
	struct buf sealed = BUF_INIT, framed = BUF_INIT, plain = BUF_SECRET_INIT;

	check(age_init() == 0);
	check(age_identity_parse(id_s, &id) == AGE_OK);
	seal(&sealed, 1);
	buf_adds(&framed, "\n  \n");
	buf_add(&framed, sealed.ptr, sealed.len);
	buf_adds(&framed, "\n\t\n");
	check(age_decrypt(&id, 1, framed.ptr, framed.len, &plain) == AGE_OK);
	check_str(buf_str(&plain), "the words nobody says");
	buf_reset(&plain);
	buf_adds(&framed, "x");
	check(age_decrypt(&id, 1, framed.ptr, framed.len, &plain) == AGE_BAD_ARMOR);
	check(plain.len == 0);
	buf_release(&sealed);
	buf_release(&framed);
	buf_release(&plain);
}

/*
 * The official age test vectors (C2SP CCTV, ../shared/age-testkit): every
 * X25519, armor, header and STREAM vector ends with the status its
 * `expect:` names, and a success with the plaintext its `payload:` hash
 * names.  Passphrase (scrypt) and post-quantum (hybrid) vectors are for
 * kinds of keys convene does not have: counted as skipped.
 */
#define TESTKIT "../shared/age-testkit/testdata"

static int expect_status(const char *e)
{
	static const struct { const char *expect; int status; } map[] = {
		{ "success", AGE_OK },
		{ "no match", AGE_NOT_FOR_US },
		{ "HMAC failure", AGE_BAD_HEADER_MAC },
		{ "header failure", AGE_BAD_HEADER },
		{ "payload failure", AGE_BAD_PAYLOAD },
		{ "armor failure", AGE_BAD_ARMOR },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(e, map[i].expect))
			return map[i].status;
	return -1;
}

static int inflate_all(const unsigned char *p, size_t n, struct buf *out)
{
	z_stream z;
	unsigned char tmp[65536];
	int rc;

	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return -1;
	z.next_in = (unsigned char *)p;
	z.avail_in = (uInt)n;
	do {
		z.next_out = tmp;
		z.avail_out = sizeof(tmp);
		rc = inflate(&z, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END)
			break;
		buf_add(out, tmp, sizeof(tmp) - z.avail_out);
	} while (rc != Z_STREAM_END);
	inflateEnd(&z);
	return rc == Z_STREAM_END && !buf_failed(out) ? 0 : -1;
}

static int read_file(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	char tmp[65536];
	size_t n;

	if (!f)
		return -1;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_add(out, tmp, n);
	fclose(f);
	return buf_failed(out) ? -1 : 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Runs one vector: 1 passed, 0 failed (said why), -1 skipped.
 */
static int run_vector(const char *dir, const char *name)
{
	struct buf file = BUF_INIT, body = BUF_INIT, plain = BUF_SECRET_INIT;
	struct age_identity ids[8];
	size_t nids = 0, pos = 0, n;
	char path[512], expect[128] = "", payload[128] = "";
	unsigned char hash[crypto_hash_sha256_BYTES];
	char hex[2 * sizeof(hash) + 1];
	int compressed = 0, skip = 0, want, rc, ok = 0;
	size_t i;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (read_file(path, &file) < 0) {
		printf("  %s: cannot read\n", name);
		return 0;
	}
	/* the header: key: value lines, then a blank line */
	for (;;) {
		const char *line = file.ptr + pos, *nl = memchr(line, '\n', file.len - pos);
		const char *colon;

		if (!nl) {
			printf("  %s: no blank line after the header\n", name);
			goto done;
		}
		n = (size_t)(nl - line);
		pos += n + 1;
		if (!n)
			break;
		colon = memchr(line, ':', n);
		if (!colon || colon[1] != ' ') {
			printf("  %s: bad header line\n", name);
			goto done;
		}
		{
			size_t kl = (size_t)(colon - line), vl = n - kl - 2;
			char v[128];

			if (vl >= sizeof(v))
				vl = sizeof(v) - 1;
			memcpy(v, colon + 2, vl);
			v[vl] = '\0';
#define KEY(s) (kl == strlen(s) && !memcmp(line, s, kl))
			if (KEY("expect"))
				snprintf(expect, sizeof(expect), "%s", v);
			else if (KEY("payload"))
				snprintf(payload, sizeof(payload), "%s", v);
			else if (KEY("identity")) {
				if (!strncmp(v, "AGE-SECRET-KEY-PQ-", 18))
					skip = 1;
				else if (nids == 8 || age_identity_parse(v, &ids[nids++]) != AGE_OK) {
					printf("  %s: identity not parsed\n", name);
					goto done;
				}
			} else if (KEY("passphrase"))
				skip = 1;
			else if (KEY("compressed"))
				compressed = !strcmp(v, "zlib");
			else if (!KEY("armored") && !KEY("file key") && !KEY("comment"))
				skip = 1;	/* a key this test does not know */
#undef KEY
		}
	}
	if (skip) {
		ok = -1;
		goto done;
	}
	if ((want = expect_status(expect)) < 0) {
		printf("  %s: unknown expect '%s'\n", name, expect);
		goto done;
	}
	if (compressed) {
		if (inflate_all((unsigned char *)file.ptr + pos, file.len - pos, &body) < 0) {
			printf("  %s: does not inflate\n", name);
			goto done;
		}
	} else {
		buf_add(&body, file.ptr + pos, file.len - pos);
	}
	buf_adds(&plain, "");
	rc = age_decrypt(ids, nids, body.ptr, body.len, &plain);
	if (rc != want) {
		printf("  %s: got %d (%s), want %d (%s)\n", name, rc, age_strerror(rc),
		       want, expect);
		goto done;
	}
	if (rc == AGE_OK) {
		crypto_hash_sha256(hash, (unsigned char *)plain.ptr, plain.len);
		for (i = 0; i < sizeof(hash); i++)
			sprintf(hex + 2 * i, "%02x", hash[i]);
		if (strcmp(hex, payload)) {
			printf("  %s: payload %s, want %s\n", name, hex, payload);
			goto done;
		}
	} else if (plain.len) {
		printf("  %s: failed, yet released %zu bytes\n", name, plain.len);
		goto done;
	}
	ok = 1;
done:
	age_wipe(ids, sizeof(ids));
	buf_release(&file);
	buf_release(&body);
	buf_release(&plain);
	return ok;
}

void test_age__testkit(void)
{
	const char *dir = getenv("AGE_TESTKIT") ? getenv("AGE_TESTKIT") : TESTKIT;
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i, run = 0, skipped = 0, failed = 0;
	int r;

	check(age_init() == 0);
	if (!(d = opendir(dir))) {
		printf("  age-testkit: %s is absent, skipped\n", dir);
		return;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof(*names));
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		r = run_vector(dir, names[i]);
		if (r < 0)
			skipped++;
		else
			run++;
		if (r == 0)
			failed++;
		free(names[i]);
	}
	free(names);
	printf("  age-testkit: %zu run, %zu skipped, %zu failed\n", run, skipped, failed);
	check(n > 0 && failed == 0);
}

void test_age__full_chunk_then_short_garbage(void)
{
	struct age_identity id;
	struct age_recipient r;
	struct buf sealed = BUF_INIT, plain = BUF_SECRET_INIT;
	unsigned char *p = pattern(70000);
	size_t hdr;

	check(age_init() == 0);
	check(age_identity_parse(id_s, &id) == AGE_OK);
	age_identity_recipient(&id, &r);
	check(age_encrypt(&r, 1, p, 70000, 0, &sealed) == AGE_OK);
	hdr = (size_t)(strstr(sealed.ptr, "\n--- ") - sealed.ptr) + 5 + 43 + 1 + 16;
	/* a full chunk, then fewer bytes than a tag: room for the whole
	 * first chunk is needed even though the file fails (ASan checks) */
	check(age_decrypt(&id, 1, sealed.ptr, hdr + 65536 + 16 + 5, &plain) == AGE_BAD_PAYLOAD);
	check(plain.len == 0);
	/* the same with the first chunk changed: libsodium clears the whole
	 * 64 KiB it would have written, through memset, which ASan sees */
	sealed.ptr[hdr + 100] ^= 1;
	check(age_decrypt(&id, 1, sealed.ptr, hdr + 65536 + 16 + 5, &plain) == AGE_BAD_PAYLOAD);
	check(plain.len == 0);
	sealed.ptr[hdr + 100] ^= 1;
	check(age_decrypt(&id, 1, sealed.ptr, hdr + 65536 + 16 + 16, &plain) == AGE_BAD_PAYLOAD);
	check(age_decrypt(&id, 1, sealed.ptr, hdr + 65536 + 16, &plain) == AGE_BAD_PAYLOAD);
	check(plain.len == 0);
	check(age_decrypt(&id, 1, sealed.ptr, sealed.len, &plain) == AGE_OK);
	check(plain.len == 70000 && !memcmp(plain.ptr, p, 70000));
	free(p);
	buf_release(&sealed);
	buf_release(&plain);
}

/* A value sealed for three recipients opens with the second one's
 * identity whatever the hint says: right (1), wrong (0, 2), out of range,
 * none.  A hint never opens a file for an identity it is not sealed for. */
void test_age__decrypt_hint(void)
{
	struct age_identity id[3], other;
	struct age_recipient r[3];
	struct buf sealed = BUF_INIT, plain = BUF_SECRET_INIT;
	size_t hints[] = { 1, 0, 2, 3, 1000, (size_t)-1 }, i;

	check(age_init() == 0);
	for (i = 0; i < 3; i++) {
		check(age_keygen(&id[i]) == AGE_OK);
		age_identity_recipient(&id[i], &r[i]);
	}
	check(age_encrypt(r, 3, "the words nobody says", 21, 1, &sealed) == AGE_OK);
	for (i = 0; i < sizeof(hints) / sizeof(*hints); i++) {
		buf_reset(&plain);
		check(age_decrypt_hint(&id[1], 1, hints[i], sealed.ptr, sealed.len, &plain) == AGE_OK);
		check_str(buf_str(&plain), "the words nobody says");
	}
	/* the first and the last stanza, each hinted right and wrong */
	buf_reset(&plain);
	check(age_decrypt_hint(&id[0], 1, 0, sealed.ptr, sealed.len, &plain) == AGE_OK);
	check_str(buf_str(&plain), "the words nobody says");
	buf_reset(&plain);
	check(age_decrypt_hint(&id[2], 1, 0, sealed.ptr, sealed.len, &plain) == AGE_OK);
	check_str(buf_str(&plain), "the words nobody says");
	/* two identities, the hint naming the stanza of neither */
	buf_reset(&plain);
	check(age_decrypt_hint(&id[1], 2, 0, sealed.ptr, sealed.len, &plain) == AGE_OK);
	check_str(buf_str(&plain), "the words nobody says");
	age_keygen(&other);
	buf_reset(&plain);
	buf_adds(&plain, "kept");
	for (i = 0; i < sizeof(hints) / sizeof(*hints); i++)
		check(age_decrypt_hint(&other, 1, hints[i], sealed.ptr, sealed.len, &plain) ==
		      AGE_NOT_FOR_US);
	check_str(buf_str(&plain), "kept");
	check(age_decrypt_hint(NULL, 0, 1, sealed.ptr, sealed.len, &plain) == AGE_NOT_FOR_US);
	/* damage found after the key: the same answer with a hint */
	sealed.ptr[sealed.len - 40] ^= 1;
	check(age_decrypt_hint(&id[1], 1, 1, sealed.ptr, sealed.len, &plain) ==
	      age_decrypt(&id[1], 1, sealed.ptr, sealed.len, &plain));
	check_str(buf_str(&plain), "kept");
	age_wipe(id, sizeof(id));
	buf_release(&sealed);
	buf_release(&plain);
}
