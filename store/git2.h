/*
 * libgit2 as store/ calls it: <git2.h> for its types, and each function
 * through a table filled with dlopen() the first time one is called
 * (store/git2.list says why).  Included instead of <git2.h>, by store/
 * alone.
 */
#ifndef CONVENE_STORE_GIT2_H
#define CONVENE_STORE_GIT2_H

#include <git2.h>
#include <git2/sys/merge.h>        /* the merge driver (store/sync.c) */
#include <git2/sys/odb_backend.h>  /* store/bundle.c */

#include "core/err.h"

/* The file dlopen() opens libgit2 from (Debian's libgit2-1.5). */
#ifndef STORE_GIT2_SONAME
#define STORE_GIT2_SONAME "libgit2.so.1.5"
#endif

#include "git2fn.h"  /* made by scripts/git2fn.sh: struct store_git2 */

extern struct store_git2 store_git2;

/*
 * Loads libgit2 and starts it (git_libgit2_init() and convene's options),
 * once; later calls return 0 at once.  ERR_INTERNAL, saying what is
 * missing and what to install, when the library is not there or lacks a
 * function.
 */
int store_git2_load(struct err *err);

/* store_git2_load() for a call through the table that finds it empty:
 * a missing library is then the hook's to say (store_on_missing_git()),
 * and without one the process aborts. */
void store_git2_need(void);

#define STORE_GIT2(name) \
	(*(store_git2.name ? store_git2.name : (store_git2_need(), store_git2.name)))

#endif
