/*
 * Running the user's editor on a temporary file, as git does: $VISUAL, then
 * $EDITOR, then vi, through /bin/sh so that "code --wait" works.
 */
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "editor.h"

extern char **environ;

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
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot make a temporary file: %s",
			       strerror(errno));
	if (text->len && write(fd, text->ptr, text->len) != (ssize_t)text->len) {
		close(fd);
		unlink(path);
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write %s", path);
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
		unlink(path);
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot start the editor '%s': %s", ed,
			       strerror(rc));
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			status = -1;
			break;
		}
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		unlink(path);
		err_set(err, ERR_USAGE, 0, 0, "the editor '%s' failed; nothing was changed", ed);
		return ERR_USAGE;
	}
	buf_reset(text);
	if (!(f = fopen(path, "rb"))) {
		unlink(path);
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot read back %s", path);
	}
	for (;;) {
		char chunk[8192];
		size_t n = fread(chunk, 1, sizeof(chunk), f);

		if (!n)
			break;
		buf_add(text, chunk, n);
	}
	fclose(f);
	unlink(path);
	return buf_failed(text) ? err_set(err, ERR_NOMEM, 0, 0, "out of memory") : 0;
}
