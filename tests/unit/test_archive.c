/* core/archive.c: the folder archive --prefix names. */
#include <string.h>

#include "core/archive.h"
#include "tests/unit/unit.h"

void test_archive__prefix(void)
{
	char out[128], longest[102];

	check(archive_prefix(out, sizeof(out), "lit") == 0);
	check_str(out, "lit");
	check(archive_prefix(out, sizeof(out), "lit//") == 0);
	check_str(out, "lit");
	check(archive_prefix(out, sizeof(out), "a/b/") == 0);
	check_str(out, "a/b");
	check(archive_prefix(out, sizeof(out), "") == 0);
	check_str(out, "");
	check(archive_prefix(out, sizeof(out), "/") == -1);
	check(archive_prefix(out, sizeof(out), "/tmp/lit") == -1);
	check(archive_prefix(out, sizeof(out), "../lit") == -1);
	check(archive_prefix(out, sizeof(out), "lit/../..") == -1);
	memset(longest, 'a', 100);
	longest[100] = '\0';
	check(archive_prefix(out, sizeof(out), longest) == 0);
	check(strlen(out) == 100);
	longest[100] = 'a';
	longest[101] = '\0';
	check(archive_prefix(out, sizeof(out), longest) == -1);
	/* no room for it: refused, not cut */
	check(archive_prefix(out, 4, "lit/x") == -1);
}
