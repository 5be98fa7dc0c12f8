/*
 * The sealed value `resolve` takes at a conflict of a confidential
 * interview (DESIGN §7, §4).  Only a reader settles one: the value must
 * open with the user's key.  A side's ciphertext is then kept byte for
 * byte when it was sealed for the readers the merged file names (who are
 * the readers now), so that two sites settling the same conflict on the
 * same side write the same bytes and converge; otherwise its text is
 * sealed again for the readers (secrets_seal()).
 */
#ifndef CONVENE_STORE_RESOLVE_H
#define CONVENE_STORE_RESOLVE_H

#include <stddef.h>

#include "core/age.h"
#include "core/doc.h"
#include "core/path.h"
#include "store.h"

/*
 * Whether v, the sealed value of a conflict's side at p in the merged
 * tree doc, keeps its bytes: the commit from names (conflict_from_commit())
 * holds p's file with these very bytes at p, sealed_for there is the
 * merged tree's, and that is the readers' now.  1 or 0: whatever cannot
 * be read says 0 (a value sealed again is never wrong, only new bytes).
 */
int resolve_keeps_bytes(struct store *s, const struct doc *doc, const struct path *p,
			const struct doc_node *v, const char *from);

/*
 * The sealed value v that resolve takes at p (place: p's field path in
 * its file, "answers.why") in the merged tree doc, opened with ids:
 * *out is v itself when resolve_keeps_bytes() (from: the side's `from`,
 * NULL for the base), else a new plain scalar of doc holding its text,
 * for secrets_seal() to seal.  Returns 0; a secret_open_value() status
 * (> 0: AGE_NOT_FOR_US, SECRET_NO_KEY...) when v does not open; or
 * ERR_NOMEM.  The plain scalar must be wiped (secret_wipe_doc()) if doc
 * is let go before it is sealed.
 */
int resolve_sealed(struct doc_node **out, struct store *s, struct doc *doc, const struct path *p,
		   const char *place, struct doc_node *v, const char *from,
		   const struct age_identity *ids, size_t nids);

#endif
