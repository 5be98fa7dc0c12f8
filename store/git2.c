/*
 * libgit2, opened the first time store/ needs it (store/git2.h).
 *
 * An executable linked with libgit2 maps it and the nineteen libraries it
 * needs (mbedTLS, libssh2, OpenSSL's libcrypto, Kerberos, PCRE2,
 * http-parser) at every start: 4 ms of the 5 ms a convene that does
 * nothing takes here.  The minutes of a meeting, made from what convene's
 * caches hold, need none of it.  So the executable is not linked with
 * libgit2: every call in store/ goes through the table below, which the
 * first call fills.
 *
 * The library is opened RTLD_GLOBAL: mbedTLS's and libssh2's calls that
 * store/tls.c interposes must still find the executable's definitions
 * first, and its dlsym(RTLD_NEXT) the libraries' own after them, as when
 * the executable was linked with them.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#define STORE_GIT2_NO_NAMES  /* the real names, for dlsym() */
#include "git2.h"
#include "internal.h"
#include "tls.h"

_Static_assert(sizeof(void (*)(void)) == sizeof(void *),
	       "dlsym() needs function pointers as wide as void *");

/* Filled whole by the first store_git2_load() that works, and never
 * emptied: what libgit2 keeps stays in use until the process ends. */
struct store_git2 store_git2;
static int loaded;
static void (*on_missing)(const struct err *);

/* libgit2 as convene starts it: the CA bundle and libssh2's start wait
 * for a connection (store/tls.c), and objects are not hashed on every
 * read (as git: fsck checks them; libgit2's collision-detecting SHA-1
 * was most of the time of a walk over history). */
static int start(const struct store_git2 *t)
{
	int rc;

	store_tls_defer(1);
	rc = t->git_libgit2_init();
	store_tls_defer(0);
	if (rc < 0)
		return -1;
	t->git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	return 0;
}

int store_git2_load(struct err *err)
{
	struct store_git2 t;
	const char *why;
	void *h, *sym;

	if (loaded)
		return 0;
	if (!(h = dlopen(STORE_GIT2_SONAME, RTLD_NOW | RTLD_GLOBAL)))
		goto fail;
#define TAKE(f) \
	if (!(sym = dlsym(h, #f))) \
		goto fail; \
	memcpy(&t.f, &sym, sizeof(sym));
	STORE_GIT2_FUNCTIONS(TAKE)
#undef TAKE
	if (start(&t) < 0) {
		err_set(err, ERR_INTERNAL, 0, 0, "cannot start libgit2");
		return ERR_INTERNAL;
	}
	store_git2 = t;
	loaded = 1;
	return 0;
fail:
	why = dlerror();
	/* TRANSLATORS: the library's file name, then what the system said
	 * (no such file, or a function the library lacks) */
	err_set(err, ERR_INTERNAL, 0, 0, "convene needs libgit2 (%s): %s", STORE_GIT2_SONAME,
		why ? why : "?");
	err_hint(err, "install it: apt-get install libgit2-1.5");
	return ERR_INTERNAL;
}

void store_git2_need(void)
{
	struct err err;

	err_clear(&err);
	if (store_git2_load(&err) == 0)
		return;
	if (on_missing)
		on_missing(&err);
	abort();
}

void store_on_missing_git(void (*fn)(const struct err *))
{
	on_missing = fn;
}
