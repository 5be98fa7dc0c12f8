/*
 * What `convene help --complete WORD` offers (bash's completion,
 * completions/convene): the field paths and files of the initiative in a
 * work tree that WORD may grow into.  Fast, as completion must be: it
 * reads one folder's names or one file of the work tree as it is on disk,
 * and starts no libgit2.
 */
#ifndef CONVENE_COMPLETION_H
#define CONVENE_COMPLETION_H

#include "core/buf.h"

/*
 * Appends to out, one a line, what word may grow into in the work tree at
 * root ("." for the current folder): after "FILE:", FILE's field paths
 * (core/complete.h); after "FOLDER/", the folder's .yaml files, sorted;
 * else initiative.yaml's fields by their short names, then
 * initiative.yaml and the folders ("meetings/").  What cannot be read
 * gives nothing; memory running out shows as buf_failed(out).
 */
void completion_of_word(struct buf *out, const char *root, const char *word);

#endif
