/*
 * SHA-1 (FIPS 180-4), for git's object ids: what a file of the work tree
 * would be called as a blob, or a folder as a tree, without libgit2
 * (store/filecache.c).  Plain SHA-1, as `git hash-object` computes it:
 * an id is compared with the repository's, never trusted to tell apart
 * files made to collide.  Pure C; the state is the caller's.
 */
#ifndef CONVENE_SHA1_H
#define CONVENE_SHA1_H

#include <stddef.h>
#include <stdint.h>

#define SHA1_LEN 20

struct sha1 {
	uint32_t h[5];
	unsigned char buf[64];
	size_t n;          /* bytes in buf */
	uint64_t total;    /* bytes hashed */
};

void sha1_init(struct sha1 *c);
void sha1_update(struct sha1 *c, const void *p, size_t n);
void sha1_final(struct sha1 *c, unsigned char out[SHA1_LEN]);

/* The git id of an object of type ("blob", "tree") with these bytes:
 * SHA-1 of "<type> <length>\0" and the bytes. */
void sha1_git_object(unsigned char out[SHA1_LEN], const char *type, const void *data, size_t len);

#endif
