/*
 * $GIT_DIR/convene/keys (keycache.h): reading and writing the sealed
 * file-key cache.  It sits beside the repository's other private state,
 * never in the work tree, so no commit, bundle or sync ever carries it;
 * and it is sealed, so the file alone gives nothing (the identity that
 * opens it opens the values anyway).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keycache.h"
#include "internal.h"

/* What a full cache takes, with room for the seal: a bigger file is not
 * one we wrote. */
#define MAX_FILE (64 + 4 + (size_t)AGE_KEYCACHE_MAX * 80)

static int cache_path(struct store *s, char *out, size_t size, int dir_only)
{
	int n = snprintf(out, size, "%sconvene%s", store_gitdir(s), dir_only ? "" : "/keys");

	return n > 0 && (size_t)n < size ? 0 : -1;
}

struct age_keycache *store_keycache_load(struct store *s, const struct age_identity *ids,
					 size_t nids)
{
	struct age_keycache *c = age_keycache_new();
	char path[4200];
	unsigned char *data = NULL;
	struct stat st;
	size_t got = 0;
	ssize_t n;
	int fd;

	if (!c || cache_path(s, path, sizeof(path), 0) < 0 ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return c;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (size_t)st.st_size <= MAX_FILE && (data = malloc((size_t)st.st_size))) {
		while (got < (size_t)st.st_size) {
			n = read(fd, data + got, (size_t)st.st_size - got);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			got += (size_t)n;
		}
		if (got == (size_t)st.st_size && age_keycache_open(c, data, got, ids, nids) < 0)
			age_keycache_clear(c);  /* what did go in is sound, but keep it simple */
	}
	free(data);
	close(fd);
	return c;
}

void store_keycache_save(struct store *s, const struct age_keycache *c,
			 const struct age_identity *ids, size_t nids)
{
	struct buf sealed = BUF_INIT;
	struct store_tmp t;
	struct err ignore;
	char path[4200];
	size_t off = 0;
	ssize_t n;

	if (!c || !nids || cache_path(s, path, sizeof(path), 1) < 0)
		return;
	if (mkdir(path, 0777) < 0 && errno != EEXIST)
		return;
	if (cache_path(s, path, sizeof(path), 0) < 0 || age_keycache_seal(&sealed, c, ids, nids) < 0)
		goto done;
	if (store_tmp_file(&t, path, &ignore) < 0)
		goto done;
	/* only its owner reads it, from before the first byte */
	if (fchmod(t.fd, 0600) < 0) {
		store_tmp_abandon(&t);
		goto done;
	}
	while (off < sealed.len) {
		n = write(t.fd, sealed.ptr + off, sealed.len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (off < sealed.len || fsync(t.fd) < 0)
		store_tmp_abandon(&t);
	else
		store_tmp_commit(&t, &ignore);
done:
	buf_release(&sealed);
}
