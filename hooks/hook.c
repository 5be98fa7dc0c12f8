/*
 * Hook scripts (hook.h): found by name, started with posix_spawn and an
 * argv (never a shell string), waited for.
 */
#define _GNU_SOURCE  /* posix_spawn_file_actions_addchdir_np, glibc 2.29 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hook.h"

extern char **environ;

/* environ with env's entries added, replacing those of the same name. */
static char **merged_env(const char *const *env)
{
	size_t n = 0, k = 0, i, j;
	char **out;

	while (environ[n])
		n++;
	for (j = 0; env && env[j]; j++)
		;
	if (!(out = calloc(n + j + 1, sizeof(char *))))
		return NULL;
	for (i = 0; i < n; i++) {
		const char *eq = strchr(environ[i], '=');
		size_t len = eq ? (size_t)(eq - environ[i]) + 1 : strlen(environ[i]);
		int replaced = 0;

		for (j = 0; env && env[j]; j++)
			if (!strncmp(env[j], environ[i], len))
				replaced = 1;
		if (!replaced)
			out[k++] = environ[i];
	}
	for (j = 0; env && env[j]; j++)
		out[k++] = (char *)env[j];
	out[k] = NULL;
	return out;
}

int hook_exists(const char *dir, const char *name)
{
	char path[4096];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

int hook_run(int *status, const char *dir, const char *name, const char *workdir,
	     const char *const *args, const char *const *env, const char *input, struct err *err)
{
	posix_spawn_file_actions_t fa;
	char path[4096], **argv = NULL, **envp = NULL;
	size_t nargs = 0, i;
	pid_t pid;
	int rc, ws, error = 0;

	*status = 0;
	if (!hook_exists(dir, name))
		return 0;  /* no hook: nothing to run, as git does */
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	while (args && args[nargs])
		nargs++;
	if (!(argv = calloc(nargs + 2, sizeof(char *))) || !(envp = merged_env(env))) {
		free(argv);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	argv[0] = path;
	for (i = 0; i < nargs; i++)
		argv[i + 1] = (char *)args[i];
	posix_spawn_file_actions_init(&fa);
	/* as git: no input but what git gives (a hook must not eat the
	 * lines of `notes`), and its output on our standard error */
	posix_spawn_file_actions_addopen(&fa, 0, input ? input : "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, 2, 1);
	/* hooks run at the top of the work tree, as git runs them */
	posix_spawn_file_actions_addchdir_np(&fa, workdir);
	rc = posix_spawn(&pid, path, &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		error = err_set(err, ERR_INTERNAL, 0, 0, "cannot run the %s hook: %s", name,
				strerror(rc));
		err_hint(err, "check that %s starts with a line like #!/bin/sh", path);
		goto done;
	}
	while (waitpid(pid, &ws, 0) < 0) {
		if (errno != EINTR) {
			error = err_set(err, ERR_INTERNAL, 0, 0, "lost the %s hook: %s", name,
					strerror(errno));
			goto done;
		}
	}
	*status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + (WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
done:
	free(argv);
	free(envp);
	return error;
}
