/*
 * Files and folders made under a temporary name beside their target and
 * renamed onto it when complete (store.h, struct store_tmp): a bundle
 * written to a USB stick, a clone.  A convene killed while it writes one
 * leaves no part of it under the target's name, and the next one made for
 * the same target removes what the dead one left.
 *
 * The names are ".<target's name>.convene-XXXXXX" (mkstemp), and for a
 * folder that name is a file beside ".<...>.convene-XXXXXX.d".  That file
 * is flock()ed for as long as its maker works, and the kernel lets go of
 * the flock when the maker dies: a leftover whose flock can be had is a
 * dead convene's, one whose flock cannot is a live one's and is left
 * alone.  A maker checks that its file still has a name once it holds the
 * flock, in case a cleaner took it between mkstemp() and flock().
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* The folder of target ("." when it names none) and its last part. */
static int split(const char *target, char *dir, size_t dsize, const char **base)
{
	const char *slash = strrchr(target, '/');

	*base = slash ? slash + 1 : target;
	if (!**base)
		return -1;
	if (!slash)
		return snprintf(dir, dsize, ".") < (int)dsize ? 0 : -1;
	if (slash == target)
		return snprintf(dir, dsize, "/") < (int)dsize ? 0 : -1;
	return snprintf(dir, dsize, "%.*s", (int)(slash - target), target) < (int)dsize ? 0 : -1;
}

/* Removes what dead makers left for target. */
static void clean(const char *dir, const char *base)
{
	char prefix[300], path[4200], folder[4300];
	size_t n;
	struct dirent *de;
	DIR *d;

	if ((size_t)snprintf(prefix, sizeof(prefix), ".%s.convene-", base) >= sizeof(prefix) ||
	    !(d = opendir(dir)))
		return;
	n = strlen(prefix);
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		int fd;

		if (strncmp(de->d_name, prefix, n) || len != n + 6 ||
		    (size_t)snprintf(path, sizeof(path), "%s/%s", dir, de->d_name) >= sizeof(path))
			continue;
		if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
			continue;
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			snprintf(folder, sizeof(folder), "%s.d", path);
			store_remove_tree(folder);
			unlink(path);
		}
		close(fd);
	}
	closedir(d);
}

/* A new flocked file under a temporary name for target; *fd holds it. */
static int make(struct store_tmp *t, const char *target, struct err *err)
{
	char dir[4096];
	const char *base;
	struct stat st;
	size_t n;
	int tries;

	memset(t, 0, sizeof(*t));
	t->fd = -1;
	if ((size_t)snprintf(t->target, sizeof(t->target), "%s", target) >= sizeof(t->target))
		return err_set(err, ERR_USAGE, 0, 0, "cannot write '%s': the name is too long", target);
	for (n = strlen(t->target); n > 1 && t->target[n - 1] == '/'; n--)
		t->target[n - 1] = '\0';
	if (split(t->target, dir, sizeof(dir), &base) < 0 || !strcmp(base, ".") || !strcmp(base, ".."))
		return err_set(err, ERR_USAGE, 0, 0, "cannot write '%s': not a file name", target);
	clean(dir, base);
	for (tries = 0; tries < 10; tries++) {
		if ((size_t)snprintf(t->lock, sizeof(t->lock), "%s/.%s.convene-XXXXXX", dir, base) >=
		    sizeof(t->lock))
			return err_set(err, ERR_USAGE, 0, 0, "cannot write '%s': the name is too long", target);
		if ((t->fd = mkstemp(t->lock)) < 0)
			return err_set(err, ERR_USAGE, 0, 0, "cannot write in '%s': %s", dir, strerror(errno));
		if (flock(t->fd, LOCK_EX) == 0 && fstat(t->fd, &st) == 0 && st.st_nlink > 0)
			return 0;
		close(t->fd);
		t->fd = -1;
	}
	return err_set(err, ERR_INTERNAL, 0, 0, "cannot make a temporary file in '%s'", dir);
}

int store_tmp_file(struct store_tmp *t, const char *target, struct err *err)
{
	mode_t mask;
	int error;

	if ((error = make(t, target, err)) < 0)
		return error;
	/* as fopen() would make it, not mkstemp()'s 0600 */
	mask = umask(0);
	umask(mask);
	if (fchmod(t->fd, 0666 & ~mask) < 0) {
		/* a file only we can read is still the file */
	}
	snprintf(t->path, sizeof(t->path), "%s", t->lock);
	return 0;
}

int store_tmp_dir(struct store_tmp *t, const char *target, struct err *err)
{
	struct stat a, b;
	int error, is_dir = stat(target, &a) == 0 && S_ISDIR(a.st_mode);

	/* the current folder itself (clone URL .): a folder cannot be put in
	 * place of the one a process is in; nor beside one whose parent we
	 * cannot write.  Those are filled where they are, as git clone does,
	 * and emptied again on failure. */
	if ((is_dir && stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino) ||
	    (error = make(t, target, err)) < 0) {
		if (!is_dir)
			return error;
		err_clear(err);
		memset(t, 0, sizeof(*t));
		t->fd = -1;
		t->in_place = 1;
		snprintf(t->path, sizeof(t->path), "%s", target);
		snprintf(t->target, sizeof(t->target), "%s", target);
		return 0;
	}
	snprintf(t->path, sizeof(t->path), "%s.d", t->lock);
	return 0;
}

int store_tmp_commit(struct store_tmp *t, struct err *err)
{
	int error = 0;

	if (t->in_place) {
		t->in_place = 0;
		return 0;
	}
	if (rename(t->path, t->target) < 0) {
		if (errno == ENOTEMPTY || errno == EEXIST || errno == EISDIR || errno == ENOTDIR)
			error = err_set(err, ERR_USAGE, 0, 0, "'%s' exists and is not empty", t->target);
		else
			error = err_set(err, ERR_INTERNAL, 0, 0, "cannot rename '%s' to '%s': %s",
					t->path, t->target, strerror(errno));
		store_tmp_abandon(t);
		return error;
	}
	store_fsync_dir(t->target);
	if (strcmp(t->path, t->lock))
		unlink(t->lock);
	close(t->fd);
	t->fd = -1;
	return 0;
}

void store_tmp_abandon(struct store_tmp *t)
{
	if (t->in_place) {
		store_remove_tree(t->path);  /* all but the folder itself */
		mkdir(t->path, 0777);
		t->in_place = 0;
	}
	if (t->fd < 0)
		return;
	if (strcmp(t->path, t->lock))
		store_remove_tree(t->path);
	unlink(t->lock);
	close(t->fd);
	t->fd = -1;
}

int store_write_output(const char *file, const void *data, size_t len, struct err *err)
{
	struct store_tmp t;
	struct stat st;
	size_t off = 0;
	int error;

	if (stat(file, &st) == 0 && S_ISDIR(st.st_mode))
		return err_set(err, ERR_USAGE, 0, 0, "'%s' is a folder; -o takes the name of a file",
			       file);
	if ((error = store_tmp_file(&t, file, err)) < 0) {
		if (errno == ENOENT)
			err_hint(err, "the folder it goes in must exist");
		return error;
	}
	while (off < len) {
		ssize_t n = write(t.fd, (const char *)data + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (off < len || fsync(t.fd) < 0) {
		err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", file, strerror(errno));
		store_tmp_abandon(&t);
		return ERR_INTERNAL;
	}
	return store_tmp_commit(&t, err);
}
