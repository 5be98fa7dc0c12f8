/*
 * The CA certificates, loaded when a connection needs them, not at start.
 *
 * Debian's libgit2 1.5.1 is built with mbedTLS and a compiled-in
 * GIT_DEFAULT_CERT_LOCATION (/etc/ssl/certs/ca-certificates.crt):
 * git_libgit2_init() parses the whole bundle (about 140 certificates,
 * 54 million instructions, 7 ms) in git_mbedtls_stream_global_init(),
 * before any option can be set, and libgit2 has no option to skip it —
 * GIT_OPT_SET_SSL_CERT_LOCATIONS only replaces the chain afterwards.
 * Most commands never connect.
 *
 * So the executable defines mbedtls_x509_crt_parse_file() itself (the
 * dynamic linker binds libgit2's call to the executable's definition, as
 * for any interposed symbol): while store_global_init() starts libgit2 it
 * only notes the file and leaves the chain empty; afterwards it hands every
 * call to mbedTLS's own.  store_tls_load() — sync, fetch, push and clone
 * call it before connecting — loads the noted file through
 * GIT_OPT_SET_SSL_CERT_LOCATIONS, as the start would have.  Nothing can
 * connect with the empty chain by mistake: mbedTLS trusts no server then
 * (the connection fails as an untrusted certificate).
 *
 * With a libgit2 built on OpenSSL, or no compiled-in location, the
 * function is never called at the start, nothing is noted, and
 * store_tls_load() does nothing.
 *
 * libssh2_init() is put off the same way: libgit2's start calls it, and
 * it starts OpenSSL's crypto (half a millisecond) for the ssh:// remotes
 * that most runs never reach.  store_net_start(), before any connection,
 * makes the call the start would have made; libssh2 also makes it itself
 * when a session is made, and libssh2_exit() of a library never started
 * does nothing.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "git2.h"

#include "internal.h"
#include "tls.h"

static int deferring;
static char noted[4096];
static int loaded;

/* mbedTLS's type stays opaque here: its headers are not needed to pass
 * the pointer on.  MBEDTLS_ERR_X509_FILE_IO_ERROR when there is no
 * mbedTLS to hand the call to. */
int mbedtls_x509_crt_parse_file(void *chain, const char *path);

int mbedtls_x509_crt_parse_file(void *chain, const char *path)
{
	static int (*real)(void *, const char *);

	if (deferring && path && strlen(path) < sizeof(noted)) {
		memcpy(noted, path, strlen(path) + 1);
		return 0;  /* the chain stays empty until store_tls_load() */
	}
	if (!real) {
		void *sym = dlsym(RTLD_NEXT, "mbedtls_x509_crt_parse_file");

		if (!sym)
			return -0x2900;
		memcpy(&real, &sym, sizeof(real));
	}
	return real(chain, path);
}

/* libssh2's, as the start asked for it: -1 not asked, else its flags */
static int ssh_flags = -1;

int libssh2_init(int flags);

/* libssh2's own libssh2_init(), or NULL when there is none. */
static int (*real_ssh_init(void))(int)
{
	static int (*real)(int);

	if (!real) {
		void *sym = dlsym(RTLD_NEXT, "libssh2_init");

		if (sym)
			memcpy(&real, &sym, sizeof(real));
	}
	return real;
}

int libssh2_init(int flags)
{
	int (*real)(int);

	if (deferring) {
		ssh_flags = flags;
		return 0;
	}
	return (real = real_ssh_init()) ? real(flags) : -1;
}

void store_net_start(void)
{
	int (*real)(int);

	if (ssh_flags >= 0 && (real = real_ssh_init()))
		real(ssh_flags);
	ssh_flags = -1;
}

void store_tls_defer(int on)
{
	deferring = on;
}

const char *store_tls_noted(void)
{
	return noted;
}

int store_tls_load(struct err *err)
{
	if (loaded || !noted[0])
		return 0;
	if (git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, noted, NULL) < 0)
		return store_git_fail(err, ERR_USAGE, "cannot load the system's CA certificates");
	loaded = 1;
	return 0;
}
