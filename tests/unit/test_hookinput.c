/* store/hookinput.c: a hook's standard input as a file in $GIT_DIR. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/hookinput.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

void test_hookinput__write_and_remove(void)
{
	char dir[64] = "/tmp/convene-unit-hookinput-XXXXXX", path[4200] = "", want[128], got[256];
	struct store *s = NULL;
	struct err err;
	FILE *f;
	size_t n = 0;
	int rc = -1, gone;

	check(unit_repo(dir, "true"));
	check(store_global_init() == 0);
	err_clear(&err);
	if (store_open(&s, dir, &err) == 0)
		rc = store_hook_input(s, "pre-push", "refs/heads/main 1 refs/heads/main 0\n", path,
				      sizeof(path), &err);
	if ((f = fopen(path, "r"))) {
		n = fread(got, 1, sizeof(got) - 1, f);
		fclose(f);
	}
	got[n] = '\0';
	store_hook_input_remove(path);
	gone = access(path, F_OK) != 0;
	store_free(s);
	store_global_shutdown();
	check(unit_repo_remove(dir));
	check(rc == 0);
	snprintf(want, sizeof(want), "%s/.git/convene-pre-push", dir);
	check_str(path, want);
	check_str(got, "refs/heads/main 1 refs/heads/main 0\n");
	check(gone);
}

void test_hookinput__too_long(void)
{
	char dir[64] = "/tmp/convene-unit-hookinput-XXXXXX", path[16];
	struct store *s = NULL;
	struct err err;
	int rc = 0;

	check(unit_repo(dir, "true"));
	check(store_global_init() == 0);
	err_clear(&err);
	if (store_open(&s, dir, &err) == 0)
		rc = store_hook_input(s, "pre-push", "x\n", path, sizeof(path), &err);
	store_free(s);
	store_global_shutdown();
	check(unit_repo_remove(dir));
	check(rc == ERR_INTERNAL);
	check(strstr(err.msg, "too long"));
}

/* pre-push's line for the current branch at HEAD, the remote's tip or
 * git's forty zeros. */
void test_hookinput__pre_push(void)
{
	char dir[64] = "/tmp/convene-unit-hookinput-XXXXXX", path[4200] = "", head[48] = "";
	char got[2][256], want[2][256], cmd[160];
	struct store *s = NULL;
	struct err err;
	FILE *f;
	int rc[2] = { -1, -1 }, i;

	check(unit_repo(dir, "git config user.name Unit && git config user.email unit@example.org && "
			"echo x > a && git add a && git commit -qm one"));
	check(store_global_init() == 0);
	err_clear(&err);
	for (i = 0; i < 2; i++) {
		got[i][0] = '\0';
		if (!s && store_open(&s, dir, &err) < 0)
			break;
		rc[i] = store_pre_push_input(s, i ? "" : "2222222222222222222222222222222222222222",
					     path, sizeof(path), &err);
		if ((f = fopen(path, "r"))) {
			got[i][fread(got[i], 1, sizeof(got[i]) - 1, f)] = '\0';
			fclose(f);
		}
		store_hook_input_remove(path);
	}
	if (s)
		store_head(s, head, sizeof(head));
	store_free(s);
	store_global_shutdown();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	check(system(cmd) == 0);
	check(rc[0] == 0 && rc[1] == 0);
	check(strlen(head) == 40);
	snprintf(want[0], sizeof(want[0]), "refs/heads/main %s refs/heads/main "
		 "2222222222222222222222222222222222222222\n", head);
	snprintf(want[1], sizeof(want[1]), "refs/heads/main %s refs/heads/main "
		 "0000000000000000000000000000000000000000\n", head);
	check_str(got[0], want[0]);
	check_str(got[1], want[1]);
}
