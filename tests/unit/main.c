/*
 * The unit test runner: every test_<module>__<case> found by the Makefile
 * (build/gen/unit-list.h) runs in turn; a failed check ends that test.
 */
#include <stdio.h>
#include <string.h>

#include "tests/unit/unit.h"

int unit_failed;

#define T(fn) void fn(void);
#include "unit-list.h"
#undef T

static const struct { const char *name; void (*fn)(void); } tests[] = {
#define T(fn) { #fn, fn },
#include "unit-list.h"
#undef T
};

int main(int argc, char **argv)
{
	size_t i, passed = 0, failed = 0;

	for (i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (argc > 1 && !strstr(tests[i].name, argv[1]))
			continue;
		unit_failed = 0;
		tests[i].fn();
		if (unit_failed) {
			failed++;
			printf("not ok %s\n", tests[i].name);
		} else {
			passed++;
			printf("ok %s\n", tests[i].name);
		}
	}
	printf("# unit: %zu passed, %zu failed\n", passed, failed);
	return failed ? 1 : 0;
}
