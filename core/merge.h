/*
 * The three-way merge of YAML trees (DESIGN §4): schema-agnostic, an `id`
 * key identifies a list item.  Mappings merge key by key, sequences of
 * mappings by id, sequences of scalars and lines of multi-line text by
 * diff3.  What cannot merge becomes a `!conflict` node in place of the
 * value, keeping every side, so a merge never stops and never loses a word.
 *
 * The result does not depend on which side is "ours": concurrent inserts
 * at one place are ordered by `at`, then `id`, then content, and the sides
 * of a conflict by value.
 */
#ifndef CONVENE_MERGE_H
#define CONVENE_MERGE_H

#include "buf.h"
#include "doc.h"
#include "err.h"

struct merge_opts {
	const char *ours_from;    /* `from` of our side in a conflict */
	const char *theirs_from;  /* `from` of theirs */
};

/*
 * Merges ours and theirs from base (NULL when the file was added on both
 * sides).  *out is a new doc the caller frees; *conflicts the number of
 * !conflict nodes made.  Returns 0 or a negative error.  What a side kept
 * unchanged *out shares with that side (doc_share) rather than copying:
 * *out is for reading and emitting, and must be used before base, ours
 * and theirs are freed.
 */
int merge_docs(struct doc **out, size_t *conflicts, const struct doc *base,
	       const struct doc *ours, const struct doc *theirs,
	       const struct merge_opts *opts, struct err *err);

/*
 * A !conflict of the three roots whatever they hold (no merge is tried):
 * for a file that cannot be merged at all.  When the sides turn out to be
 * one value, *out's root is that value.  Owned as merge_docs()'s.
 */
int merge_conflict_of(struct doc **out, const struct doc *base, const struct doc *ours,
		      const struct doc *theirs, const struct merge_opts *opts, struct err *err);

/*
 * The same for text that is not YAML: a line merge (diff3) with git-style
 * markers where both sides changed the same lines.  Appends the result to
 * out and returns the number of conflicting hunks, or -1 (no memory).
 */
int merge_lines(struct buf *out, const char *base, size_t blen, const char *ours,
		size_t olen, const char *theirs, size_t tlen, const char *ours_label,
		const char *theirs_label);

#endif
