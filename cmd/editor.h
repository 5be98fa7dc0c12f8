/* The user's editor (cmd/editor.c). */
#ifndef CONVENE_EDITOR_H
#define CONVENE_EDITOR_H

#include "core/buf.h"
#include "core/err.h"

/* Opens text in the editor (a temporary file ending in suffix) and reads
 * it back into text.  ERR_USAGE when the editor exits non-zero. */
int edit_text(struct buf *text, const char *suffix, struct err *err);

#endif
