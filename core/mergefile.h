/*
 * Merging three versions of one file of the initiative, as bytes: the
 * three are loaded and merged as YAML trees (core/merge.h) when they can
 * be; a version that is not YAML, or holds comments a tree would drop, is
 * merged line by line with git's markers instead, so nothing is lost.
 * Shared by `merge-file` (git's driver) and sync's in-process driver.
 */
#ifndef CONVENE_MERGEFILE_H
#define CONVENE_MERGEFILE_H

#include "buf.h"
#include "err.h"
#include "merge.h"

struct merge_file_result {
	size_t conflicts;   /* !conflict nodes, or conflicting hunks */
	int lines;          /* 1: merged line by line (see bad, why) */
	int bad;            /* the version that is not YAML: 0 base, 1 ours, 2 theirs */
	struct err why;     /* what is wrong with it, with line:col */
};

/*
 * Appends the merge of ours and theirs from base to out.  An empty base
 * means the file was added on both sides; an empty side deleted it (a
 * change on the other side then becomes a !conflict over the whole file).
 * opts names the sides.  Returns 0 or a negative error (err).
 */
int merge_file(struct buf *out, struct merge_file_result *res, const char *base, size_t blen,
	       const char *ours, size_t olen, const char *theirs, size_t tlen,
	       const struct merge_opts *opts, struct err *err);

/*
 * For a file that cannot be merged as YAML and whose lines conflict (a
 * version that is not UTF-8, holds a NUL, or does not parse): a file whose
 * root is a !conflict of the three versions' texts, each side's text whole,
 * so that a sync never stops and no side is lost.  Bytes that are not
 * UTF-8 text become U+FFFD (the exact bytes stay in that side's commit,
 * which `from` names).  Sides are sorted as every conflict's are: the same
 * bytes whoever is ours.  An empty version is a deleted file (an empty base:
 * added on both sides).  *replaced gets how many bytes were replaced.
 */
int merge_file_whole(struct buf *out, size_t *replaced, const char *base, size_t blen,
		     const char *ours, size_t olen, const char *theirs, size_t tlen,
		     const struct merge_opts *opts, struct err *err);

/*
 * The tree of one side of such a conflict over a whole file (a side's
 * value is the text of that version), for resolve to take: the text
 * loaded as YAML into *out (the caller frees it with doc_free()).  A text
 * that does not load, or is empty, cannot be taken as it is: ERR_DATA,
 * with err saying so for file and what to do, and why (when the text does
 * not load; code 0 otherwise) doc_load()'s error, at its line:col in the
 * text.
 */
int merge_file_side(struct doc **out, const struct doc_node *text, const char *file,
		    struct err *why, struct err *err);

#endif
