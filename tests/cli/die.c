/*
 * For the crash tests: an LD_PRELOAD shim that ends the process (as a
 * kill or a flat battery would) the moment it opens a file whose path
 * holds $DIE_AT for writing (open, fopen, mkstemp).
 *
 *   DIE_AFTER=1   open the file first (made, or cut to 0 bytes by
 *                 O_TRUNC), then die: what a kill just after the open
 *                 leaves, such as a lock file
 *   DIE_NTH=N     die at the N-th such open, not the first
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* 0: go on; 1: die now; 2: die once the file is open */
static int fate(const char *path, int writes)
{
	static int seen;
	const char *at = getenv("DIE_AT"), *after = getenv("DIE_AFTER"), *nth = getenv("DIE_NTH");

	if (!at || !*at || !writes || !strstr(path, at) || ++seen < (nth && *nth ? atoi(nth) : 1))
		return 0;
	return after && *after ? 2 : 1;
}

/* The real function's answer, unless the path says to die first. */
static int opened(const char *name, int (**real)(const char *, int, ...), const char *path,
		  int flags, mode_t mode)
{
	int die = fate(path, flags & (O_WRONLY | O_RDWR)), fd;

	if (die == 1)
		_exit(137);
	if (!*real)
		*real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, name);
	fd = (*real)(path, flags, mode);
	if (die)
		_exit(137);
	return fd;
}

/* open() takes a mode only with O_CREAT */
#define MODE(flags, mode)                                       \
	do {                                                    \
		va_list ap;                                     \
		va_start(ap, flags);                            \
		if (flags & O_CREAT)                            \
			mode = (mode_t)va_arg(ap, int);         \
		va_end(ap);                                     \
	} while (0)

int open(const char *path, int flags, ...)
{
	static int (*real)(const char *, int, ...);
	mode_t mode = 0;

	MODE(flags, mode);
	return opened("open", &real, path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	static int (*real)(const char *, int, ...);
	mode_t mode = 0;

	MODE(flags, mode);
	return opened("open64", &real, path, flags, mode);
}

/* mkstemp() and fopen() open without going through open() */
static int made(const char *name, int (**real)(char *), char *tmpl)
{
	int die = fate(tmpl, 1), fd;

	if (die == 1)
		_exit(137);
	if (!*real)
		*real = (int (*)(char *))dlsym(RTLD_NEXT, name);
	fd = (*real)(tmpl);
	if (die)
		_exit(137);
	return fd;
}

int mkstemp(char *tmpl)
{
	static int (*real)(char *);

	return made("mkstemp", &real, tmpl);
}

int mkstemp64(char *tmpl)
{
	static int (*real)(char *);

	return made("mkstemp64", &real, tmpl);
}

static FILE *fopened(const char *name, FILE *(**real)(const char *, const char *),
		     const char *path, const char *mode)
{
	int die = fate(path, strpbrk(mode, "wa+") != NULL);
	FILE *f;

	if (die == 1)
		_exit(137);
	if (!*real)
		*real = (FILE *(*)(const char *, const char *))dlsym(RTLD_NEXT, name);
	f = (*real)(path, mode);
	if (die)
		_exit(137);
	return f;
}

FILE *fopen(const char *path, const char *mode)
{
	static FILE *(*real)(const char *, const char *);

	return fopened("fopen", &real, path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
	static FILE *(*real)(const char *, const char *);

	return fopened("fopen64", &real, path, mode);
}
