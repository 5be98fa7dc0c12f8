/* store/scratch.c: the editor's temporary file, made 0600, read back, removed. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "repo.h"
#include "store/scratch.h"
#include "unit.h"

void test_scratch__make_read_forget(void)
{
	char dir[] = "/tmp/unit-scratch-XXXXXX";
	struct buf text = BUF_SECRET_INIT, back = BUF_SECRET_INIT;
	const char *was = getenv("TMPDIR");
	char *saved = was ? strdup(was) : NULL;
	struct scratch s;
	struct stat st;
	int why = 0, rc;

	check(mkdtemp(dir));
	setenv("TMPDIR", dir, 1);
	buf_adds(&text, "answers:\n  why: the word\n");
	rc = scratch_make(&s, ".yaml", &text, &why);
	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
	check(rc == SCRATCH_OK && s.secret == 1);
	check(!strncmp(s.path, dir, strlen(dir)));
	check(strlen(s.path) > 5 && !strcmp(s.path + strlen(s.path) - 5, ".yaml"));
	/* only the user may read it */
	check(stat(s.path, &st) == 0 && (st.st_mode & 077) == 0);
	buf_adds(&back, "old");
	check(scratch_read(&s, &back, &why) == SCRATCH_OK);
	check_str(buf_str(&back), "answers:\n  why: the word\n");
	scratch_forget(&s);
	check(access(s.path, F_OK) != 0);
	check(scratch_read(&s, &back, &why) == SCRATCH_CANNOT_READ && why);
	buf_release(&text);
	buf_release(&back);
	check(unit_repo_remove(dir));
}

void test_scratch__no_folder(void)
{
	const char *was = getenv("TMPDIR");
	char *saved = was ? strdup(was) : NULL;
	struct buf text = BUF_INIT;
	struct scratch s;
	int why = 0, rc;

	setenv("TMPDIR", "/nonexistent/convene-unit", 1);
	rc = scratch_make(&s, ".txt", &text, &why);
	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
	check(rc == SCRATCH_CANNOT_MAKE && why != 0);
}
