/* Temporary repositories for the unit tests: see repo.h. */
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "core/buf.h"
#include "core/doc.h"
#include "store/edit.h"
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

int unit_txn(struct txn *t, const char *file, const char *yaml)
{
	struct err err;

	memset(t, 0, sizeof(*t));
	t->file = file;
	return doc_load(&t->doc, yaml, strlen(yaml), &err);
}

const char *unit_yaml_of(struct buf *out, const struct txn *t)
{
	buf_reset(out);
	doc_emit(out, t->doc);
	return buf_str(out);
}
