/* store/store.c in a real repository: what store_exists() says of a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

void test_store__exists(void)
{
	char dir[64] = "/tmp/convene-unit-store-XXXXXX", cmd[256];
	struct store *s = NULL;
	struct err err;
	int yes, no, folder;

	check(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "cd %s && git init -q && mkdir -p members/x.yaml && "
		 "echo 'id: dana' > members/dana.yaml", dir);
	check(system(cmd) == 0);
	check(store_global_init() >= 0);
	if (store_open(&s, dir, &err) == 0) {
		yes = store_exists(s, "members/dana.yaml", &err);
		no = store_exists(s, "members/rina.yaml", &err);
		/* there, but not a file that reads: the error, not "free" */
		folder = store_exists(s, "members/x.yaml", &err);
	} else {
		yes = no = folder = -100;
	}
	store_free(s);
	store_global_shutdown();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	check(system(cmd) == 0);
	check(yes == 1);
	check(no == 0);
	check(folder < 0);
}

/* store_read()'s rules, whichever way it reads: a link anywhere in the
 * path is refused (a folder or the file), a folder named like a file
 * cannot be read, a missing file is ERR_NOTFOUND; what it reads is every
 * byte, for an empty file, a large one and a path with a "." part. */
void test_store__read_rules(void)
{
	char dir[64] = "/tmp/convene-unit-store-XXXXXX";
	struct store *s = NULL;
	struct err err;
	char *data = NULL;
	size_t len = 0;
	int dana = -100, empty = -100, big = -100, dot = -100, linked_dir = -100,
	    linked_file = -100, folder = -100, missing = -100, missing_dir = -100;
	size_t dana_len = 0, empty_len = 1, big_len = 0, dot_len = 0;
	char dana_text[32] = "", link_msg[512] = "", folder_msg[512] = "";

	check(unit_repo(dir, "mkdir -p members/x.yaml elsewhere meetings && "
			"printf 'id: dana\\nname: Dana\\n' > members/dana.yaml && "
			": > members/empty.yaml && "
			"head -c 300000 /dev/zero | tr '\\0' a > meetings/001.yaml && "
			"printf 'id: x\\n' > elsewhere/x.yaml && ln -s elsewhere outcomes && "
			"ln -s dana.yaml members/link.yaml"));
	check(store_global_init() >= 0);
	err_clear(&err);
	if (store_open(&s, dir, &err) == 0) {
		if ((dana = store_read(s, "members/dana.yaml", &data, &len, &err)) == 0) {
			dana_len = len;
			snprintf(dana_text, sizeof(dana_text), "%s", data);
		}
		free(data);
		if ((empty = store_read(s, "members/empty.yaml", &data, &len, &err)) == 0)
			empty_len = len;
		free(data);
		if ((big = store_read(s, "meetings/001.yaml", &data, &len, &err)) == 0)
			big_len = strspn(data, "a") == len ? len : 0;
		free(data);
		if ((dot = store_read(s, "members/./dana.yaml", &data, &len, &err)) == 0)
			dot_len = len;
		free(data);
		err_clear(&err);
		linked_dir = store_read(s, "outcomes/x.yaml", &data, &len, &err);
		snprintf(link_msg, sizeof(link_msg), "%s", err.msg);
		err_clear(&err);
		linked_file = store_read(s, "members/link.yaml", &data, &len, &err);
		err_clear(&err);
		folder = store_read(s, "members/x.yaml", &data, &len, &err);
		snprintf(folder_msg, sizeof(folder_msg), "%s", err.msg);
		missing = store_read(s, "members/rina.yaml", &data, &len, &err);
		missing_dir = store_read(s, "interviews/i.yaml", &data, &len, &err);
	}
	store_free(s);
	store_global_shutdown();
	check(unit_repo_remove(dir));
	check(dana == 0 && dana_len == 20);
	check_str(dana_text, "id: dana\nname: Dana\n");
	check(empty == 0 && empty_len == 0);
	check(big == 0 && big_len == 300000);
	check(dot == 0 && dot_len == 20);
	check(linked_dir == ERR_DATA);
	check_str(link_msg, "'outcomes' is a symbolic link");
	check(linked_file == ERR_DATA);
	check(folder == ERR_INTERNAL);
	check_str(folder_msg, "cannot read 'members/x.yaml': Is a directory");
	check(missing == ERR_NOTFOUND);
	check(missing_dir == ERR_NOTFOUND);
}
