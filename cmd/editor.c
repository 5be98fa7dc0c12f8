/*
 * Running the user's editor on a temporary file, as git does: $VISUAL, then
 * $EDITOR, then vi, through /bin/sh so that "code --wait" works.
 */
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cmd.h"
#include "editor.h"
#include "i18n.h"
#include "store/scratch.h"

extern char **environ;

int edit_text(struct buf *text, const char *suffix, struct err *err)
{
	const char *ed = getenv("VISUAL");
	struct scratch tmp;
	char *argv[6];
	pid_t pid;
	int status = -1, rc, why = 0;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	rc = scratch_make(&tmp, suffix, text, &why);
	if (rc == SCRATCH_CANNOT_MAKE)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot make a temporary file: %s",
			       strerror(why));
	if (rc)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write %s", tmp.path);
	argv[0] = (char *)"sh";
	argv[1] = (char *)"-c";
	argv[2] = (char *)"$CONVENE_EDITOR \"$@\"";
	argv[3] = (char *)"editor";
	argv[4] = tmp.path;
	argv[5] = NULL;
	setenv("CONVENE_EDITOR", ed, 1);
	rc = posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ);
	if (rc != 0) {
		scratch_forget(&tmp);
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
		scratch_forget(&tmp);
		err_set(err, ERR_USAGE, 0, 0, "the editor '%s' failed; nothing was changed", ed);
		return ERR_USAGE;
	}
	rc = scratch_read(&tmp, text, &why);
	scratch_forget(&tmp);
	if (rc)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot read back %s", tmp.path);
	return buf_failed(text) ? err_set(err, ERR_NOMEM, 0, 0, "%s", _("out of memory")) : 0;
}
