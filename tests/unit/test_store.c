/* store/store.c in a real repository: what store_exists() says of a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
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
