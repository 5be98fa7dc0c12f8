/*
 * Completion of field paths (DESIGN §3) inside one file, for bash's
 * completion (`convene help --complete`, completions/convene): one level
 * at a time, as a shell completes folders.
 */
#ifndef CONVENE_COMPLETE_H
#define CONVENE_COMPLETE_H

#include "buf.h"
#include "doc.h"

/*
 * The completions of rest, the part of a path inside file's document
 * doc ("" "vi" "agenda[" "agenda[op" "agenda[opening]" "location.ho"),
 * appended to out one a line, each after lead ("meetings/002.yaml:",
 * or "" for initiative.yaml's short form).  A key whose value is a
 * mapping ends in '.', a list of items with ids in '[', an item in
 * ']': what comes next is typed, or completed, after it.  A rest that
 * names nothing there gives nothing.
 */
void complete_in_doc(struct buf *out, const struct doc *doc, const char *file, const char *lead,
		     const char *rest);

#endif
