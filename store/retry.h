/*
 * Trying again while a remote answers but is busy (another push holds its
 * branch) or moves while we merge: waits that grow, 50 ms doubling up to
 * 1.6 s and then 2 s each, every one longer by up to half again by chance,
 * so that sites syncing at once spread out, until the next wait would
 * pass the patience (convene.syncPatience, seconds).
 */
#ifndef CONVENE_RETRY_H
#define CONVENE_RETRY_H

#include "core/err.h"
#include "store.h"

/* How long a sync keeps trying when convene.syncPatience is unset. */
#define RETRY_PATIENCE 30

struct retry {
	long patience_ms;
	long waited;              /* ms waited so far */
	int tries;                /* attempts made */
	unsigned long long state; /* the chance in the waits */
};

/* Starts a schedule of patience seconds; seed 0 takes one from
 * getrandom(2), another makes the waits the same every time (tests). */
void retry_init(struct retry *r, long patience, unsigned long long seed);

/* After an attempt that failed: the wait before the next one, in ms,
 * counted in r->waited; -1 when it would pass the patience. */
long retry_next(struct retry *r);

/*
 * Runs attempt(ctx) until it returns 0 or more, or the patience is over;
 * before each wait, waiting(ctx, rc) (may be NULL) is told the failure.
 * Returns attempt's last result.
 */
int retry_run(struct retry *r, int (*attempt)(void *ctx),
	      void (*waiting)(void *ctx, int rc), void *ctx);

/* The patience set in convene.syncPatience (0 to 86400 seconds), or
 * RETRY_PATIENCE; ERR_USAGE for a value that is not one. */
int retry_patience(struct store *s, long *out, struct err *err);

#endif
