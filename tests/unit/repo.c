/* Temporary repositories for the unit tests: see repo.h. */
#include <stdio.h>
#include <stdlib.h>

#include "tests/unit/repo.h"

int unit_repo(char *dir, const char *script)
{
	char cmd[8192];
	int n;

	if (!mkdtemp(dir))
		return 0;
	n = snprintf(cmd, sizeof(cmd),
		     "cd %s && export GIT_CONFIG_NOSYSTEM=1 HOME=%s GIT_AUTHOR_NAME=Unit "
		     "GIT_AUTHOR_EMAIL=unit@example.org GIT_COMMITTER_NAME=Unit "
		     "GIT_COMMITTER_EMAIL=unit@example.org && git init -q -b main && %s",
		     dir, dir, script);
	return n > 0 && (size_t)n < sizeof(cmd) && system(cmd) == 0;
}

int unit_repo_remove(const char *dir)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0) {
		printf("  cannot remove %s\n", dir);
		return 0;
	}
	return 1;
}

int unit_write_file(const char *dir, const char *path, const char *text)
{
	char full[256];
	FILE *f;
	int ok;

	snprintf(full, sizeof(full), "%s/%s", dir, path);
	if (!(f = fopen(full, "w")))
		return 0;
	ok = fputs(text, f) >= 0;
	return fclose(f) == 0 && ok;
}
