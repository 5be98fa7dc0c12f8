/*
 * Errors below cmd/: functions return 0 or one of the negative codes here
 * and fill a struct err that the caller owns (no static buffers).  cmd/
 * turns the code into an exit status (DESIGN §3).
 */
#ifndef CONVENE_ERR_H
#define CONVENE_ERR_H

enum {
	ERR_DATA = -1,        /* the data has problems: exit 1 */
	ERR_USAGE = -2,       /* bad argument: exit 2 */
	ERR_UNREACHABLE = -3, /* remote unreachable: exit 3 */
	ERR_REFUSED = -4,     /* hook refused, lock held: exit 4 */
	ERR_INTERNAL = -5,    /* repository or system error: exit 5 */
	ERR_NOMEM = -6,       /* out of memory: exit 5 */
	ERR_NOTFOUND = -7     /* no such file or field: exit 1 */
};

struct err {
	int code;
	unsigned line, col;   /* 1-based position in the input, 0 if none */
	char msg[512];
	char hint[256];       /* what to do next, may be empty */
};

/* Sets err and returns code, so `return err_set(...)` reads well. */
int err_set(struct err *err, int code, unsigned line, unsigned col,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Sets the hint of an error already set. */
void err_hint(struct err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void err_clear(struct err *err);

#endif
