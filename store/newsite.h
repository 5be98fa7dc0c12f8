/*
 * A new site of an initiative, made by init or clone: the folder it may
 * be made in, its config (the site's name, the YAML merge driver for
 * plain git), the first commit of a new initiative, the sample hooks,
 * and a clone from a bundle file.  Nothing here prints; errors come back
 * in err, and what went wrong half-way is for the caller to remove.
 */
#ifndef CONVENE_STORE_NEWSITE_H
#define CONVENE_STORE_NEWSITE_H

#include <stddef.h>

#include "core/err.h"
#include "core/template.h"
#include "store.h"

/* Where a new initiative may go: 1 when dir does not exist, 0 when it is
 * an empty folder, -1 otherwise (not empty, not a folder, unreadable). */
int newsite_dir_state(const char *dir);

/*
 * This site's config in the repository: convene.site, and the merge
 * driver git runs for *.yaml (merge.convene.*) naming the binary self
 * (an absolute path; NULL or "" is "convene", found on PATH).
 */
int newsite_config(struct store *s, const char *site, const char *self, struct err *err);

/*
 * The first commit of a new initiative: files[0..n) and .gitattributes
 * (*.yaml merge=convene) written, the site's config set (as
 * newsite_config()), all committed as "init: NAME".  The commit's short
 * id goes to oid (at least 8 bytes).  Returns 0; 1 when the commit was
 * made but the index lags (err says why: a warning); or an error.
 */
int newsite_commit(struct store *s, const struct template_out *files, size_t n,
		   const char *site, const char *name, const char *self, char *oid,
		   struct err *err);

/* The sample hooks (pre-commit, post-sync) into the hooks folder, each
 * naming self where the sample says @CONVENE@, executable. */
int newsite_hooks(struct store *s, const char *self, struct err *err);

/*
 * A new repository in dir holding what the bundle file carries, its
 * branch checked out (libgit2 cannot clone a bundle), and the bundle's
 * site noted as seen there (store_site_seen()).  The caller owns *out,
 * also on failure (NULL when the repository could not be made).
 */
int newsite_clone_bundle(struct store **out, const char *file, const char *dir,
			 struct err *err);

#endif
