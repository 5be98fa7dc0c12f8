/*
 * For the crash tests: an LD_PRELOAD shim that ends the process (as a
 * kill or a flat battery would) the moment it opens a file whose path
 * holds $DIE_AT for writing.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The real function's answer, unless the path says to die first. */
static int opened(const char *name, int (**real)(const char *, int, ...), const char *path,
		  int flags, mode_t mode)
{
	const char *at = getenv("DIE_AT");

	if (at && *at && (flags & (O_WRONLY | O_RDWR)) && strstr(path, at))
		_exit(137);
	if (!*real)
		*real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, name);
	return (*real)(path, flags, mode);
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
