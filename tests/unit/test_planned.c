/*
 * store/planned.c over a real repository: the first planned meeting of
 * the files given, in their order, from the work tree and from a commit;
 * a status the first KiB does not settle is read from the whole file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "store/planned.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

/* A held meeting whose notes say "planned", longer than a KiB. */
static void held_long(char *out, size_t size, int number)
{
	size_t at = (size_t)snprintf(out, size, "number: %d\ntitle: Held\nstatus: held\nagenda:\n- id: opening\n"
				     "  notes:\n", number);
	int i;

	for (i = 0; i < 40 && at < size; i++)
		at += (size_t)snprintf(out + at, size - at, "  - text: as planned, as planned\n");
}

void test_planned__first_planned_in_order(void)
{
	char dir[64] = "/tmp/convene-unit-planned-XXXXXX", held[4096], cmd[256];
	char f2[] = "meetings/002.yaml", f3[] = "meetings/003.yaml", f4[] = "meetings/004.yaml";
	char f5[] = "meetings/005.yaml";
	char *files[] = { f2, f3, f4, f5 };
	struct store_commit c;
	struct store *s = NULL;
	struct doc *doc;
	struct err err;
	size_t which = 99;

	held_long(held, sizeof(held), 2);
	check(unit_repo(dir, "mkdir meetings"));
	check(unit_write_file(dir, "meetings/002.yaml", held));
	/* its status at the end, past the first KiB: read whole */
	check(unit_write_file(dir, "meetings/003.yaml", "number: 3\ntitle: Third\nagenda: []\nstatus: cancelled\n"));
	check(unit_write_file(dir, "meetings/004.yaml", "number: 4\ntitle: Fourth\nagenda: []\nstatus: \"planned\"\n"));
	check(unit_write_file(dir, "meetings/005.yaml", "number: 5\ntitle: Fifth\nstatus: planned\n"));
	snprintf(cmd, sizeof(cmd), "cd %s && git add . && git commit -qm start", dir);
	check(system(cmd) == 0);
	check(store_global_init() == 0);
	err_clear(&err);
	check(store_open(&s, dir, &err) == 0);

	check(store_first_planned(s, NULL, NULL, files, NULL, 4, NULL, NULL, &doc, &which, NULL) == 0);
	check(doc && which == 2);
	check_str(dom_text(doc->root, "title"), "Fourth");
	doc_free(doc);
	/* none planned among the first two */
	check(store_first_planned(s, NULL, NULL, files, NULL, 2, NULL, NULL, &doc, &which, NULL) == 0);
	check(!doc);
	/* from the commit, after the work tree changed */
	check(unit_write_file(dir, "meetings/004.yaml", "number: 4\ntitle: Fourth\nstatus: held\n"));
	check(store_first_planned(s, NULL, NULL, files, NULL, 4, NULL, NULL, &doc, &which, NULL) == 0);
	check(doc && which == 3);
	doc_free(doc);
	check(store_resolve(s, "HEAD", &c, &err) == 0);
	check(store_first_planned(s, &c.oid, NULL, files, NULL, 4, NULL, NULL, &doc, &which, NULL) == 0);
	check(doc && which == 2);
	doc_free(doc);
	store_commit_release(&c);

	store_free(s);
	store_global_shutdown();
	check(unit_repo_remove(dir));
}
