/*
 * A file edited by hand (convene edit): the check of the text the editor
 * saved, and the errors listed on top of the file when it opens again.
 * Pure; cmd/edit.c runs the editor and commits.
 */
#ifndef CONVENE_HANDEDIT_H
#define CONVENE_HANDEDIT_H

#include "buf.h"
#include "doc.h"
#include "schema.h"

/* What starts each line put on top of the file: the reader drops them. */
#define HANDEDIT_HEADER "# convene: "

/*
 * The problems of text as file, into d, sorted: a parse error, comments
 * (not kept), then what the schema says.  The loaded tree into *out, NULL
 * when it does not parse.
 */
void handedit_check(struct diags *d, const char *file, const struct buf *text,
		    const struct schema_ids *ids, struct doc **out);

/*
 * The text the editor opens again: a line saying file has `errors`
 * errors, a line for each error of d at its line as the user will see it
 * (below the header), an empty header line, then text.  Into out.
 */
void handedit_header(struct buf *out, const char *file, const struct diags *d,
		     unsigned errors, const struct buf *text);

/* Drops the lines handedit_header put on top of text, if still there. */
void handedit_strip_header(struct buf *text);

#endif
