/*
 * The standard input of a hook that git gives one (pre-push: the refs
 * pushed), as a file in $GIT_DIR for hooks/hook.c to hand over.
 */
#ifndef CONVENE_STORE_HOOKINPUT_H
#define CONVENE_STORE_HOOKINPUT_H

#include <stddef.h>

#include "core/err.h"
#include "store.h"

/*
 * Writes text to $GIT_DIR/convene-NAME (NAME: the hook's) and its path to
 * path; ERR_INTERNAL when it cannot be written (none is left behind).
 * The caller removes it with store_hook_input_remove() once the hook ran.
 */
int store_hook_input(struct store *s, const char *name, const char *text, char *path,
		     size_t size, struct err *err);
void store_hook_input_remove(const char *path);

/*
 * The same for pre-push, pushing the current branch at HEAD to a remote
 * whose copy of it is at remote_tip ("" when it has none):
 * syncmsg_pre_push()'s line.  ERR_USAGE on a detached HEAD.
 */
int store_pre_push_input(struct store *s, const char *remote_tip, char *path, size_t size,
			 struct err *err);

#endif
