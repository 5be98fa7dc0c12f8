/* A small test helper: checks that report file:line and stop the test. */
#ifndef CONVENE_UNIT_H
#define CONVENE_UNIT_H

#include <stdio.h>
#include <string.h>

extern int unit_failed;

#define check(cond) do { \
	if (!(cond)) { \
		printf("  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		unit_failed = 1; \
		return; \
	} \
} while (0)

#define check_str(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (!g_ || strcmp(g_, w_)) { \
		printf("  %s:%d: got:\n%s\n  want:\n%s\n", __FILE__, __LINE__, \
		       g_ ? g_ : "(null)", w_); \
		unit_failed = 1; \
		return; \
	} \
} while (0)

#endif
