/*
 * Running the user's hook scripts (DESIGN §4a): libgit2 runs none, so
 * convene does, with git's names and arguments.  Hooks come only from the
 * hooks folder of the repository (or core.hooksPath), never from tracked
 * files, so syncing can never install code.
 */
#ifndef CONVENE_HOOK_H
#define CONVENE_HOOK_H

#include "core/err.h"

/*
 * Runs dir/name with args (NULL-terminated, may be NULL) in workdir, with
 * the entries of env ("KEY=VALUE", NULL-terminated, may be NULL) added to
 * the environment, and the file input (NULL: nothing) as its standard
 * input.  Its standard output goes to our standard error, as git does, so
 * that it never mixes with a command's data.  *status gets
 * its exit status: 0 when there is no such hook or it is not executable,
 * 128 + N when signal N killed it.  Returns 0, or a negative error when it
 * could not be started.
 */
/* Whether dir/name is a hook that would run. */
int hook_exists(const char *dir, const char *name);

int hook_run(int *status, const char *dir, const char *name, const char *workdir,
	     const char *const *args, const char *const *env, const char *input, struct err *err);

#endif
