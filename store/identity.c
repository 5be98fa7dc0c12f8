/*
 * The identity file: see identity.h.  Reading checks the mode on the open
 * file (fstat), so what is checked is what is read; the bytes read go to a
 * secret buffer, wiped when done.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git2.h"

#include "identity.h"
#include "internal.h"

static const char make_hint[] =
	"make one with 'convene key new' (or 'age-keygen -o FILE' and "
	"'git config --global convene.identity FILE')";

/* "~" and "~/x" are $HOME's, "~user/x" that user's home. */
static int expand_home(const char *in, char *out, size_t size)
{
	const char *home = NULL, *rest;
	char user[256];
	struct passwd *pw;
	size_t n;

	if (in[0] != '~')
		return snprintf(out, size, "%s", in) < (int)size ? 0 : -1;
	rest = strchr(in, '/');
	n = rest ? (size_t)(rest - in - 1) : strlen(in + 1);
	if (!rest)
		rest = "";
	if (!n) {
		home = getenv("HOME");
		if ((!home || !*home) && (pw = getpwuid(getuid())))
			home = pw->pw_dir;
	} else if (n < sizeof(user)) {
		memcpy(user, in + 1, n);
		user[n] = '\0';
		if ((pw = getpwnam(user)))
			home = pw->pw_dir;
	}
	if (!home || !*home)
		return -1;
	return snprintf(out, size, "%s%s", home, rest) < (int)size ? 0 : -1;
}

int identity_path(struct store *s, char *out, size_t size, int *configured,
		  struct err *err)
{
	git_config *cfg = NULL, *snap = NULL;
	git_buf b = GIT_BUF_INIT;
	const char *xdg = getenv("XDG_CONFIG_HOME");
	int found = 0, rc = 0;

	*configured = 0;
	if (s ? git_repository_config_snapshot(&snap, s->repo) == 0 :
	    git_config_open_default(&cfg) == 0 && git_config_snapshot(&snap, cfg) == 0)
		found = git_config_get_string_buf(&b, snap, "convene.identity") == 0 && b.size;
	if (found) {
		*configured = 1;
		if (expand_home(b.ptr, out, size) < 0)
			rc = err_set(err, ERR_DATA, 0, 0,
				     "cannot expand convene.identity '%s'", b.ptr);
	} else if (xdg && xdg[0] == '/') {
		if (snprintf(out, size, "%s/convene/identity", xdg) >= (int)size)
			rc = err_set(err, ERR_DATA, 0, 0, "XDG_CONFIG_HOME is too long");
	} else if (expand_home("~/.config/convene/identity", out, size) < 0) {
		rc = err_set(err, ERR_DATA, 0, 0, "no home folder for the identity file");
		err_hint(err, "set HOME, or git config --global convene.identity FILE");
	}
	git_buf_dispose(&b);
	git_config_free(snap);
	git_config_free(cfg);
	git_error_clear();
	return rc;
}

int identity_load(struct store *s, struct age_identity **ids, size_t *n,
		  char *path, size_t pathsize, struct err *err)
{
	struct buf text = BUF_SECRET_INIT;
	struct stat st;
	char chunk[4096];
	ssize_t got;
	size_t line;
	int fd, rc, configured;

	*ids = NULL;
	*n = 0;
	if ((rc = identity_path(s, path, pathsize, &configured, err)) < 0)
		return rc;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		if (errno == ENOENT) {
			err_set(err, ERR_NOTFOUND, 0, 0, "no age identity at '%s'%s", path,
				configured ? " (git config convene.identity)" : "");
			err_hint(err, "%s", make_hint);
			return ERR_NOTFOUND;
		}
		return err_set(err, ERR_DATA, 0, 0, "cannot read the identity '%s': %s",
			       path, strerror(errno));
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(err, ERR_DATA, 0, 0, "the identity '%s' is not a file", path);
	}
	if (st.st_mode & 077) {
		close(fd);
		err_set(err, ERR_DATA, 0, 0,
			"the identity '%s' is open to others (mode %04o): refused", path,
			(unsigned)(st.st_mode & 07777));
		err_hint(err, "chmod 600 %s", path);
		return ERR_DATA;
	}
	while ((got = read(fd, chunk, sizeof(chunk))) > 0)
		buf_add(&text, chunk, (size_t)got);
	age_wipe(chunk, sizeof(chunk));
	close(fd);
	if (got < 0) {
		buf_release(&text);
		return err_set(err, ERR_DATA, 0, 0, "cannot read the identity '%s': %s",
			       path, strerror(errno));
	}
	if (buf_failed(&text))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	rc = age_identities_parse(buf_str(&text), text.len, ids, n, &line);
	buf_release(&text);
	if (rc == AGE_NOMEM)
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	if (rc != AGE_OK && line)
		return err_set(err, ERR_DATA, 0, 0, "%s:%zu: not an age identity", path, line);
	if (rc != AGE_OK) {
		err_set(err, ERR_DATA, 0, 0, "%s: holds no age identity", path);
		err_hint(err, "%s", make_hint);
		return ERR_DATA;
	}
	return 0;
}

/* Makes the folders above path that are missing, mode 0700. */
static int make_parents(const char *path, struct err *err)
{
	char dir[4096];
	size_t i;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir))
		return err_set(err, ERR_DATA, 0, 0, "the path '%s' is too long", path);
	for (i = 1; dir[i]; i++) {
		if (dir[i] != '/')
			continue;
		dir[i] = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			return err_set(err, ERR_DATA, 0, 0, "cannot make the folder '%s': %s",
				       dir, strerror(errno));
		dir[i] = '/';
	}
	return 0;
}

static void fsync_dir_of(const char *path)
{
	char dir[4096];
	char *slash;
	int fd;

	snprintf(dir, sizeof(dir), "%s", path);
	if (!(slash = strrchr(dir, '/')))
		snprintf(dir, sizeof(dir), ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
}

int identity_write(const char *path, const struct age_identity *id, int force,
		   struct err *err)
{
	struct buf text = BUF_SECRET_INIT;
	struct age_recipient r;
	char tmp[4200], sk[AGE_IDENTITY_STRLEN], pk[AGE_RECIPIENT_STRLEN];
	struct stat st;
	ssize_t w;
	int fd = -1, rc = 0, i;

	if (!force && lstat(path, &st) == 0) {
		err_set(err, ERR_DATA, 0, 0, "'%s' already exists: not overwritten", path);
		err_hint(err, "'convene key new --force' replaces it (and the old key "
			 "can no longer open what was sealed for it)");
		return ERR_DATA;
	}
	if ((rc = make_parents(path, err)) < 0)
		return rc;
	age_identity_recipient(id, &r);
	age_recipient_format(&r, pk);
	age_identity_format(id, sk);
	buf_addf(&text, "# an age identity, made by convene: keep it private\n"
		 "# public key: %s\n%s\n", pk, sk);
	age_wipe(sk, sizeof(sk));
	if (buf_failed(&text))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	for (i = 0; i < 100 && fd < 0; i++) {
		snprintf(tmp, sizeof(tmp), "%s.tmp%ld-%d", path, (long)getpid(), i);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		rc = err_set(err, ERR_DATA, 0, 0, "cannot write '%s': %s", tmp, strerror(errno));
		goto done;
	}
	/* the umask cannot widen 0600, but a mode set on purpose is checked */
	if (fchmod(fd, 0600) < 0 ||
	    (w = write(fd, text.ptr, text.len)) < 0 || (size_t)w != text.len ||
	    fsync(fd) < 0) {
		rc = err_set(err, ERR_DATA, 0, 0, "cannot write '%s': %s", tmp, strerror(errno));
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		rc = err_set(err, ERR_DATA, 0, 0, "cannot write '%s': %s", tmp, strerror(errno));
		goto fail;
	}
	fd = -1;
	if (force) {
		if (rename(tmp, path) < 0) {
			rc = err_set(err, ERR_DATA, 0, 0, "cannot write '%s': %s", path, strerror(errno));
			goto fail;
		}
	} else {
		/* link() refuses a file made in the meantime, where rename would
		 * replace it */
		if (link(tmp, path) < 0) {
			if (errno == EEXIST) {
				err_set(err, ERR_DATA, 0, 0, "'%s' already exists: not overwritten", path);
				err_hint(err, "'convene key new --force' replaces it");
				rc = ERR_DATA;
			} else {
				rc = err_set(err, ERR_DATA, 0, 0, "cannot write '%s': %s",
					     path, strerror(errno));
			}
			goto fail;
		}
		unlink(tmp);
	}
	fsync_dir_of(path);
	goto done;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
done:
	buf_release(&text);
	return rc;
}

int identity_recipients(struct store *s, struct age_recipient **out, size_t *n,
			struct err *err)
{
	struct age_identity *ids;
	char path[4096];
	size_t nids, i;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = identity_load(s, &ids, &nids, path, sizeof(path), err)) < 0)
		return rc;
	if (!(*out = calloc(nids, sizeof(**out)))) {
		age_identities_free(ids, nids);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	for (i = 0; i < nids; i++)
		age_identity_recipient(&ids[i], &(*out)[i]);
	*n = nids;
	age_identities_free(ids, nids);
	return 0;
}
