/* Unit tests of help --complete's reading of the work tree
 * (store/completion.c): which files, which fields, in what order. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/completion.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

/* A work tree in a new temporary folder: initiative.yaml, three meetings
 * (and files completion must skip), a member. */
static int tree(char *dir)
{
	char path[300];

	if (!mkdtemp(dir))
		return 0;
	snprintf(path, sizeof(path), "%s/meetings", dir);
	if (mkdir(path, 0700) < 0)
		return 0;
	snprintf(path, sizeof(path), "%s/members", dir);
	if (mkdir(path, 0700) < 0)
		return 0;
	return unit_write_file(dir, "initiative.yaml",
			       "name: x\nvision: v\nvalues: [a]\nlocation:\n  city: Haifa\n") &&
	       unit_write_file(dir, "meetings/010.yaml", "number: 10\n") &&
	       unit_write_file(dir, "meetings/002.yaml",
			       "number: 2\nagenda:\n- id: opening\n  title: O\n- id: close\n  title: C\n") &&
	       unit_write_file(dir, "meetings/001.yaml", "number: 1\n") &&
	       unit_write_file(dir, "meetings/notes.txt", "not yaml\n") &&
	       unit_write_file(dir, "meetings/.hidden.yaml", "number: 3\n") &&
	       unit_write_file(dir, "members/dana.yaml", "id: dana\n");
}

static const char *complete(struct buf *b, const char *dir, const char *word)
{
	buf_reset(b);
	completion_of_word(b, dir, word);
	return buf_str(b);
}

void test_completion__files_sorted_yaml_only(void)
{
	char dir[] = "/tmp/convene-unit-XXXXXX";
	struct buf b = BUF_INIT;

	check(tree(dir));
	check_str(complete(&b, dir, "meetings/"),
		  "meetings/001.yaml\nmeetings/002.yaml\nmeetings/010.yaml\n");
	check_str(complete(&b, dir, "meetings/01"), "meetings/010.yaml\n");
	/* a folder that is not the layout's gives nothing */
	check_str(complete(&b, dir, "tmp/"), "");
	check_str(complete(&b, dir, "mem"), "members/\n");
	buf_release(&b);
	check(unit_repo_remove(dir));
}

void test_completion__fields(void)
{
	char dir[] = "/tmp/convene-unit-XXXXXX";
	struct buf b = BUF_INIT;

	check(tree(dir));
	/* initiative.yaml's fields by their short names, in its order; then
	 * the file and the folders */
	check_str(complete(&b, dir, "v"), "vision\nvalues\n");
	check_str(complete(&b, dir, "lo"), "location.\n");
	check_str(complete(&b, dir, "init"), "initiative.yaml\n");
	check_str(complete(&b, dir, "meetings/002.yaml:agenda[o"),
		  "meetings/002.yaml:agenda[opening]\n");
	/* no such file, a path out of the tree: nothing */
	check_str(complete(&b, dir, "meetings/004.yaml:"), "");
	check_str(complete(&b, dir, "../x.yaml:"), "");
	buf_release(&b);
	check(unit_repo_remove(dir));
}
