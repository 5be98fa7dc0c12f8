/*
 * Questions about an interview's sealed values that the read and edit
 * commands ask (DESIGN §7), on top of core/secret.h: does a tree still
 * hold plain text, and one value's text as someone with these keys may
 * see it.  Pure: no printing.
 */
#ifndef CONVENE_SEALED_H
#define CONVENE_SEALED_H

#include <stddef.h>

#include "age.h"
#include "doc.h"

/* Whether an interview's tree holds an answer or the notes in plain
 * text (a scalar not sealed and not null). */
int sealed_holds_plaintext(const struct doc_node *root);

/*
 * For the audit commands (history, show --at, diff): text, the value of
 * path in file, when it is a sealed value (an armored age file), opened
 * with ids, or "confidential — readable by WHO" ("no one yet" when who
 * is NULL or "") when it does not open, as a new string the caller wipes
 * (age_wipe) and frees; NULL when text is not sealed (or memory ran
 * out).  *opened says which of the two.
 */
char *sealed_open_text(const char *file, const char *path, const char *text,
		       const struct age_identity *ids, size_t nids, const char *who, int *opened);

#endif
