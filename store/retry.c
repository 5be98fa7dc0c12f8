/* Waiting longer each time for a busy remote (retry.h). */
#include <errno.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "retry.h"

/* splitmix64: a small generator is enough for when to knock again */
static unsigned long long next_random(struct retry *r)
{
	unsigned long long z = (r->state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void retry_init(struct retry *r, long patience, unsigned long long seed)
{
	r->patience_ms = patience * 1000L;
	r->waited = 0;
	r->tries = 0;
	if (!seed && getrandom(&seed, sizeof(seed), 0) != (ssize_t)sizeof(seed))
		seed = (unsigned long long)getpid() * 2654435761ULL;
	r->state = seed;
}

long retry_next(struct retry *r)
{
	int k = r->tries > 0 ? r->tries - 1 : 0;
	long wait = k < 6 ? 50L << k : 2000;

	/* which of the waiting sites goes first is chance */
	wait += (long)(next_random(r) % ((unsigned long)wait / 2 + 1));
	if (r->waited + wait > r->patience_ms)
		return -1;
	r->waited += wait;
	return wait;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

int retry_run(struct retry *r, int (*attempt)(void *ctx),
	      void (*waiting)(void *ctx, int rc), void *ctx)
{
	long wait;
	int rc;

	while ((rc = attempt(ctx)) < 0) {
		r->tries++;
		if ((wait = retry_next(r)) < 0)
			break;
		if (waiting)
			waiting(ctx, rc);
		sleep_ms(wait);
	}
	if (rc >= 0)
		r->tries++;
	return rc;
}

int retry_patience(struct store *s, long *out, struct err *err)
{
	char value[300], *end;
	long n;

	*out = RETRY_PATIENCE;
	if (store_config_get(s, "convene.syncPatience", value, sizeof(value)) < 0)
		return 0;
	n = strtol(value, &end, 10);
	if (end == value || *end || n < 0 || n > 86400) {
		err_set(err, ERR_USAGE, 0, 0,
			"convene.syncPatience is '%s', not a number of seconds (0 to 86400)", value);
		err_hint(err, "git config convene.syncPatience 30");
		return ERR_USAGE;
	}
	*out = n;
	return 0;
}
