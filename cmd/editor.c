/*
 * Running the user's editor on a temporary file, as git does: $VISUAL, then
 * $EDITOR, then vi, through /bin/sh so that "code --wait" works.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "core/age.h"
#include "editor.h"

extern char **environ;

/* Removes the temporary file; one that held a secret text (a confidential
 * interview, opened for a reader) is overwritten with zeros first, so its
 * blocks do not keep the text after the name is gone. */
static void forget(const char *path, int secret)
{
	char zeros[4096];
	struct stat st;
	off_t left;
	int fd;

	if (secret && (fd = open(path, O_WRONLY)) >= 0) {
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
	unlink(path);
}

int edit_text(struct buf *text, const char *suffix, struct err *err)
{
	const char *ed = getenv("VISUAL");
	char path[256];
	char *argv[6];
	pid_t pid;
	int fd, status = -1, rc;
	FILE *f;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	snprintf(path, sizeof(path), "%s/convene-edit-XXXXXX%s",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", suffix);
	if ((fd = mkstemps(path, (int)strlen(suffix))) < 0)
		return err_set(err, ERR_INTERNAL, 0, 0, _("cannot make a temporary file: %s"),
			       strerror(errno));
	if (text->len && write(fd, text->ptr, text->len) != (ssize_t)text->len) {
		close(fd);
		forget(path, text->secret);
		return err_set(err, ERR_INTERNAL, 0, 0, _("cannot write %s"), path);
	}
	close(fd);
	argv[0] = (char *)"sh";
	argv[1] = (char *)"-c";
	argv[2] = (char *)"$CONVENE_EDITOR \"$@\"";
	argv[3] = (char *)"editor";
	argv[4] = path;
	argv[5] = NULL;
	setenv("CONVENE_EDITOR", ed, 1);
	rc = posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ);
	if (rc != 0) {
		forget(path, text->secret);
		return err_set(err, ERR_INTERNAL, 0, 0, _("cannot start the editor '%s': %s"), ed,
			       strerror(rc));
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			status = -1;
			break;
		}
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		forget(path, text->secret);
		err_set(err, ERR_USAGE, 0, 0, _("the editor '%s' failed; nothing was changed"), ed);
		return ERR_USAGE;
	}
	buf_reset(text);
	if (!(f = fopen(path, "rb"))) {
		forget(path, text->secret);
		return err_set(err, ERR_INTERNAL, 0, 0, _("cannot read back %s"), path);
	}
	for (;;) {
		char chunk[8192];
		size_t n = fread(chunk, 1, sizeof(chunk), f);

		if (!n)
			break;
		buf_add(text, chunk, n);
		if (text->secret)
			age_wipe(chunk, n);
	}
	fclose(f);
	forget(path, text->secret);
	return buf_failed(text) ? err_set(err, ERR_NOMEM, 0, 0, "%s", _("out of memory")) : 0;
}
