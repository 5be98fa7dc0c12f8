/*
 * A hook's standard input as a file (store/hookinput.h).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/syncmsg.h"
#include "hookinput.h"
#include "sync.h"

int store_hook_input(struct store *s, const char *name, const char *text, char *path,
		     size_t size, struct err *err)
{
	FILE *f;
	int ok;

	if (snprintf(path, size, "%sconvene-%s", store_gitdir(s), name) >= (int)size)
		return err_set(err, ERR_INTERNAL, 0, 0, "the path of the %s input is too long", name);
	if (!(f = fopen(path, "w")))
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write %s", path);
	ok = fputs(text, f) >= 0;
	if (fclose(f) != 0 || !ok) {
		unlink(path);
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write %s", path);
	}
	return 0;
}

void store_hook_input_remove(const char *path)
{
	if (path && *path)
		unlink(path);
}

int store_pre_push_input(struct store *s, const char *remote_tip, char *path, size_t size,
			 struct err *err)
{
	char branch[256], head[48];
	struct buf line = BUF_INIT;
	int error;

	if ((error = store_branch(s, branch, sizeof(branch), err)) < 0)
		return error;
	store_head(s, head, sizeof(head));
	syncmsg_pre_push(&line, branch, head, remote_tip);
	error = buf_failed(&line) ? err_set(err, ERR_NOMEM, 0, 0, "out of memory")
				  : store_hook_input(s, "pre-push", buf_str(&line), path, size, err);
	buf_release(&line);
	return error;
}
