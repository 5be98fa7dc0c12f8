/*
 * The field history query (store/fieldhist.c) on real repositories made
 * by git: which commits changed a value, and how.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/fieldhist.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

/* A repository in a new temporary folder (dir), made by the shell
 * commands of script run in it; 0 when git or the shell failed. */
static int make_repo(char *dir, const char *script)
{
	char all[8192];

	snprintf(all, sizeof(all), "put() { printf \"$1\" > initiative.yaml && git add initiative.yaml && "
		 "git commit -qm \"$2\"; } && %s", script);
	return unit_repo(dir, all);
}

/* The history of field in the repository at dir; 0 when it failed. */
static int history_of(struct field_history *h, const char *dir, const char *field)
{
	struct store *s = NULL;
	struct path p;
	struct err err;
	int ok;

	err_clear(&err);
	memset(h, 0, sizeof(*h));
	ok = store_global_init() == 0 && store_open(&s, dir, &err) == 0 &&
	     path_parse(&p, field, &err) == 0 && store_field_history(h, s, &p, &err) == 0;
	if (!ok) {
		printf("  %s\n", err.msg);
		store_field_history_release(h);
	}
	store_free(s);
	store_global_shutdown();
	return ok;
}

void test_fieldhist__only_commits_that_change_the_value(void)
{
	char dir[] = "/tmp/convene-unit-fieldhist-XXXXXX";
	struct field_history h, file;
	int ok;

	ok = make_repo(dir, "put 'name: L\\nvision: Every child reads.\\n' 'set vision' && "
			    "put 'name: L\\nvision: Every child reads.\\nmission: Read.\\n' 'set mission' && "
			    "put 'name: L\\nvision: Every child reads by grade 3.\\nmission: Read.\\n' 'vision, take 2' && "
			    "put 'name: Literacy\\nvision: Every child reads by grade 3.\\nmission: Read.\\n' 'rename' && "
			    "put 'name: Literacy\\nmission: Read.\\n' 'drop vision'");
	ok = ok && history_of(&h, dir, "vision") && history_of(&file, dir, "initiative.yaml");
	unit_repo_remove(dir);
	check(ok);
	/* the whole file changed five times, its vision three */
	check(file.n == 5);
	store_field_history_release(&file);
	check(h.n == 3);
	check_str(h.v[0].commit.subject, "drop vision");
	check(h.v[0].kind == FIELD_REMOVED);
	check(!h.v[0].after->present);
	check_str(h.v[0].before->text, "Every child reads by grade 3.");
	check_str(h.v[1].commit.subject, "vision, take 2");
	check(h.v[1].kind == FIELD_CHANGED);
	check_str(h.v[1].before->text, "Every child reads.");
	check_str(h.v[1].after->text, "Every child reads by grade 3.");
	check_str(h.v[2].commit.subject, "set vision");
	check(h.v[2].kind == FIELD_SET);
	check(!h.v[2].before);
	check_str(h.v[2].after->text, "Every child reads.");
	check_str(h.v[2].commit.author, "Unit");
	check_str(h.v[2].commit.email, "unit@example.org");
	check(h.v[2].commit.mainline && !h.v[2].merge && strlen(h.v[2].commit.id) == 7);
	store_field_history_release(&h);
}

void test_fieldhist__a_merge_that_takes_a_side_changes_nothing(void)
{
	char dir[] = "/tmp/convene-unit-fieldhist-XXXXXX";
	struct field_history h;
	int ok;

	/* vision changed on a branch while the name changed on main; the
	 * merge takes the branch's vision */
	ok = make_repo(dir, "put 'name: L\\nproblem: Few read.\\nmission: Read.\\nvision: A\\n' 'set vision' && "
			    "git checkout -qb other && "
			    "put 'name: L\\nproblem: Few read.\\nmission: Read.\\nvision: B\\n' 'vision at haifa' && "
			    "git checkout -q main && "
			    "put 'name: Literacy\\nproblem: Few read.\\nmission: Read.\\nvision: A\\n' 'rename' && "
			    "git merge -q --no-edit other > /dev/null");
	ok = ok && history_of(&h, dir, "vision");
	unit_repo_remove(dir);
	check(ok);
	check(h.n == 2);
	check_str(h.v[0].commit.subject, "vision at haifa");
	check(!h.v[0].commit.mainline);  /* made concurrently, merged later */
	check(h.v[0].kind == FIELD_CHANGED && !h.v[0].merge);
	check_str(h.v[0].after->text, "B");
	check_str(h.v[1].commit.subject, "set vision");
	check(h.v[1].commit.mainline);
	store_field_history_release(&h);
}

void test_fieldhist__conflicts_resolutions_and_broken_files(void)
{
	char dir[] = "/tmp/convene-unit-fieldhist-XXXXXX";
	struct field_history h;
	int ok;

	ok = make_repo(dir, "put 'vision: A\\n' 'set vision' && "
			    "put 'vision: !conflict\\n  base: A\\n  sides:\\n  - from: haifa\\n    value: B\\n"
			    "  - from: beersheva\\n    value: C\\n' 'a conflict' && "
			    "put 'vision: C\\n' 'resolve vision' && "
			    "put 'vision: [C\\n' 'broken by hand' && "
			    "put 'vision: C\\n' 'fixed'");
	ok = ok && history_of(&h, dir, "vision");
	unit_repo_remove(dir);
	check(ok);
	check(h.n == 5);
	check_str(h.v[0].commit.subject, "fixed");
	check(h.v[0].kind == FIELD_SET);
	check(h.v[1].kind == FIELD_UNREADABLE && h.v[1].after->unreadable);
	check_str(h.v[2].commit.subject, "resolve vision");
	check(h.v[2].kind == FIELD_RESOLVED && !h.v[2].after->conflict);
	check(h.v[3].kind == FIELD_CONFLICT && h.v[3].after->conflict);
	check(strstr(h.v[3].after->text, "!conflict") && strstr(h.v[3].after->text, "value: B"));
	check(h.v[4].kind == FIELD_SET);
	store_field_history_release(&h);
}
