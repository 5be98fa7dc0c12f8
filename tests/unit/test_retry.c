/*
 * store/retry.c: the waits for a busy remote, the same for the same seed,
 * growing and bounded, and stopping before the patience is passed.
 */
#include <stdio.h>
#include <stdlib.h>

#include "store/retry.h"
#include "tests/unit/unit.h"

void test_retry__the_same_seed_the_same_waits(void)
{
	struct retry a, b, c;
	int i, differ = 0;

	retry_init(&a, 30, 42);
	retry_init(&b, 30, 42);
	retry_init(&c, 30, 43);
	for (i = 1; i <= 12; i++) {
		long wa, wb, wc;

		a.tries = b.tries = c.tries = i;
		wa = retry_next(&a);
		wb = retry_next(&b);
		wc = retry_next(&c);
		check(wa == wb);
		differ |= wa != wc;
	}
	check(differ);
}

void test_retry__waits_grow_and_are_bounded(void)
{
	struct retry r;
	long base[] = { 50, 100, 200, 400, 800, 1600, 2000, 2000 };
	unsigned long long seed;
	int i;

	for (seed = 1; seed <= 50; seed++) {
		retry_init(&r, 30, seed);
		for (i = 0; i < 8; i++) {
			long w;

			r.tries = i + 1;
			w = retry_next(&r);
			/* up to half again by chance, never less */
			check(w >= base[i] && w <= base[i] + base[i] / 2);
		}
	}
}

void test_retry__stops_at_the_patience(void)
{
	struct retry r;
	long w, sum = 0;
	int n = 0;

	retry_init(&r, 5, 7);
	for (;;) {
		r.tries++;
		if ((w = retry_next(&r)) < 0)
			break;
		sum += w;
		n++;
	}
	/* 50+100+...+1600 is 3.1 s; the 2 s waits that follow pass 5 s */
	check(sum == r.waited && sum <= 5000 && n >= 5 && n <= 7);
	/* and once over, it stays over */
	check(retry_next(&r) == -1 && r.waited == sum);
	retry_init(&r, 0, 7);
	r.tries = 1;
	check(retry_next(&r) == -1 && r.waited == 0);
}

struct flaky {
	int fails, calls, told;
};

static int flaky_attempt(void *ctx)
{
	struct flaky *f = ctx;

	return ++f->calls <= f->fails ? -2 : 0;
}

static void flaky_waiting(void *ctx, int rc)
{
	struct flaky *f = ctx;

	if (rc == -2)
		f->told++;
}

void test_retry__runs_until_it_works_or_patience_ends(void)
{
	struct retry r;
	struct flaky f = { 2, 0, 0 }, never = { 1000, 0, 0 };

	retry_init(&r, 1, 3);
	check(retry_run(&r, flaky_attempt, flaky_waiting, &f) == 0);
	check(f.calls == 3 && f.told == 2 && r.tries == 3 && r.waited >= 150 && r.waited <= 225);
	/* no patience: one attempt, its failure returned */
	retry_init(&r, 0, 3);
	check(retry_run(&r, flaky_attempt, NULL, &never) == -2);
	check(never.calls == 1 && r.tries == 1 && r.waited == 0);
}

void test_retry__patience_from_git_config(void)
{
	char dir[] = "/tmp/convene-unit-retry-XXXXXX", cmd[256];
	struct store *s = NULL;
	struct err err;
	long p = -1, q = -1, r = -1;
	int ok, bad = 0;

	ok = mkdtemp(dir) != NULL;
	snprintf(cmd, sizeof(cmd), "git init -q %s", dir);
	ok = ok && system(cmd) == 0 && store_global_init() == 0 &&
	     store_open(&s, dir, &err) == 0 && retry_patience(s, &p, &err) == 0;
	snprintf(cmd, sizeof(cmd), "git -C %s config convene.syncPatience 7", dir);
	ok = ok && system(cmd) == 0 && retry_patience(s, &q, &err) == 0;
	snprintf(cmd, sizeof(cmd), "git -C %s config convene.syncPatience soon", dir);
	if (ok && system(cmd) == 0)
		bad = retry_patience(s, &r, &err);
	store_free(s);
	store_global_shutdown();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ok = system(cmd) == 0 && ok;
	check(ok && p == RETRY_PATIENCE && q == 7 && bad == ERR_USAGE);
	check_str(err.msg, "convene.syncPatience is 'soon', not a number of seconds (0 to 86400)");
}
