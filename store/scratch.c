/* The editor's temporary file (scratch.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/age.h"
#include "scratch.h"

void scratch_forget(const struct scratch *s)
{
	char zeros[4096];
	struct stat st;
	off_t left;
	int fd;

	if (s->secret && (fd = open(s->path, O_WRONLY)) >= 0) {
		memset(zeros, 0, sizeof(zeros));
		if (fstat(fd, &st) == 0)
			for (left = st.st_size; left > 0;) {
				ssize_t w = write(fd, zeros, left < (off_t)sizeof(zeros) ? (size_t)left : sizeof(zeros));

				if (w <= 0)
					break;
				left -= w;
			}
		fsync(fd);
		close(fd);
	}
	unlink(s->path);
}

int scratch_make(struct scratch *out, const char *suffix, const struct buf *text, int *why)
{
	const char *dir = getenv("TMPDIR");
	size_t off = 0;
	int fd;

	out->secret = text->secret;
	snprintf(out->path, sizeof(out->path), "%s/convene-edit-XXXXXX%s", dir && *dir ? dir : "/tmp",
		 suffix);
	if ((fd = mkstemps(out->path, (int)strlen(suffix))) < 0) {
		*why = errno;
		return SCRATCH_CANNOT_MAKE;
	}
	while (off < text->len) {
		ssize_t n = write(fd, text->ptr + off, text->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			*why = n < 0 ? errno : EIO;
			close(fd);
			scratch_forget(out);
			return SCRATCH_CANNOT_WRITE;
		}
		off += (size_t)n;
	}
	if (close(fd) < 0) {
		*why = errno;
		scratch_forget(out);
		return SCRATCH_CANNOT_WRITE;
	}
	return SCRATCH_OK;
}

int scratch_read(const struct scratch *s, struct buf *text, int *why)
{
	char chunk[8192];
	FILE *f;
	size_t n;
	int bad;

	buf_reset(text);
	if (!(f = fopen(s->path, "rb"))) {
		*why = errno;
		return SCRATCH_CANNOT_READ;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_add(text, chunk, n);
		if (s->secret)
			age_wipe(chunk, n);
	}
	bad = ferror(f);
	fclose(f);
	if (bad) {
		*why = EIO;
		return SCRATCH_CANNOT_READ;
	}
	return SCRATCH_OK;
}
