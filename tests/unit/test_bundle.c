/* store/bundle.c: which sync and clone sources name a bundle file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/sync.h"
#include "tests/unit/unit.h"

void test_bundle__arg(void)
{
	char dir[64] = "/tmp/convene-unit-bundle-XXXXXX", cwd[4096], cmd[256];
	int r[12], i = 0, back;

	check(getcwd(cwd, sizeof(cwd)));
	check(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "cd %s && printf '# v2 git bundle\\n' > stick && "
		 "echo hi > notes.txt && mkdir repo", dir);
	check(system(cmd) == 0);
	check(chdir(dir) == 0);
	r[i++] = store_is_bundle_arg("stick", 1);            /* a bundle by its start */
	r[i++] = store_is_bundle_arg("notes.txt", 0);        /* any plain file, for clone */
	r[i++] = store_is_bundle_arg("notes.txt", 1);        /* where a remote may be named */
	r[i++] = store_is_bundle_arg("./notes.txt", 1);      /* ... unless written as a path */
	r[i++] = store_is_bundle_arg("repo", 0);             /* a folder is a repository */
	r[i++] = store_is_bundle_arg("usb.bundle", 1);       /* missing, named as one */
	r[i++] = store_is_bundle_arg("https://h/x.bundle", 0);
	r[i++] = store_is_bundle_arg("hub", 1);
	r[i++] = store_is_bundle_arg(".bundle", 0);
	back = chdir(cwd);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	check(system(cmd) == 0 && back == 0);
	check(r[0] == 1);
	check(r[1] == 1);
	check(r[2] == 0);
	check(r[3] == 1);
	check(r[4] == 0);
	check(r[5] == 1);
	check(r[6] == 0);
	check(r[7] == 0);
	check(r[8] == 0);
}
