/*
 * One file's three-way merge, from bytes to bytes (mergefile.h).
 */
#include <string.h>

#include "doc.h"
#include "mergefile.h"
#include "text.h"

int merge_file(struct buf *out, struct merge_file_result *res, const char *base, size_t blen,
	       const char *ours, size_t olen, const char *theirs, size_t tlen,
	       const struct merge_opts *opts, struct err *err)
{
	const char *text[3] = { base, ours, theirs };
	size_t len[3] = { blen, olen, tlen };
	struct doc *doc[3] = { NULL }, *merged = NULL;
	int i, n, error = 0;

	memset(res, 0, sizeof(*res));
	res->bad = -1;
	err_clear(&res->why);
	for (i = 0; i < 3; i++) {
		struct err e;

		err_clear(&e);
		if (doc_load(&doc[i], text[i], len[i], &e) < 0) {
			if (e.code == ERR_NOMEM) {
				error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
				goto done;
			}
			if (res->bad < 0) {
				res->bad = i;
				res->why = e;
			}
		} else if (doc[i]->comments && res->bad < 0) {
			/* the tree has no comments: merge the lines, keep them */
			res->bad = i;
			err_set(&res->why, ERR_DATA, doc[i]->comment_line, doc[i]->comment_col,
				"it holds comments, which a YAML merge would drop");
		}
	}
	if (res->bad >= 0) {
		res->lines = 1;
		n = merge_lines(out, base, blen, ours, olen, theirs, tlen, opts->ours_from,
				opts->theirs_from);
		if (n < 0) {
			error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		res->conflicts = (size_t)n;
		goto done;
	}
	if ((error = merge_docs(&merged, &res->conflicts, blen ? doc[0] : NULL, doc[1], doc[2],
				opts, err)) < 0)
		goto done;
	if (doc_emit(out, merged) < 0)
		error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
done:
	for (i = 0; i < 3; i++)
		doc_free(doc[i]);
	doc_free(merged);
	return error;
}

/* Appends text with every byte text_check() refuses as U+FFFD; the count
 * of them. */
static size_t add_text(struct buf *out, const char *s, size_t len)
{
	size_t bad, n = 0;

	while (len && text_check(s, len, &bad)) {
		buf_add(out, s, bad);
		buf_adds(out, "\xef\xbf\xbd");
		s += bad + 1;
		len -= bad + 1;
		n++;
	}
	buf_add(out, s, len);
	return n;
}

int merge_file_whole(struct buf *out, size_t *replaced, const char *base, size_t blen,
		     const char *ours, size_t olen, const char *theirs, size_t tlen,
		     const struct merge_opts *opts, struct err *err)
{
	const char *text[3] = { base, ours, theirs };
	size_t len[3] = { blen, olen, tlen };
	struct doc *doc[3] = { NULL }, *merged = NULL;
	struct buf clean = BUF_INIT;
	int i, error = 0;

	*replaced = 0;
	for (i = 0; i < 3; i++) {
		if (!(doc[i] = doc_new())) {
			error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		if (!len[i])
			continue;  /* no root: the file is not there */
		buf_reset(&clean);
		*replaced += add_text(&clean, text[i], len[i]);
		if (buf_failed(&clean) ||
		    !(doc[i]->root = doc_scalar(doc[i], buf_str(&clean), clean.len, 0))) {
			error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
			goto done;
		}
	}
	if ((error = merge_conflict_of(&merged, blen ? doc[0] : NULL, doc[1], doc[2], opts,
				       err)) < 0)
		goto done;
	if (merged->root && !(merged->root->flags & DOC_CONFLICT))
		buf_add(out, merged->root->str, merged->root->len);  /* one text after all */
	else if (doc_emit(out, merged) < 0)
		error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
done:
	for (i = 0; i < 3; i++)
		doc_free(doc[i]);
	doc_free(merged);
	buf_release(&clean);
	return error;
}

int merge_file_side(struct doc **out, const struct doc_node *text, const char *file,
		    struct err *why, struct err *err)
{
	struct doc *whole = NULL;
	int error;

	*out = NULL;
	err_clear(why);
	if ((error = doc_load(&whole, text->str, text->len, why)) < 0) {
		if (error == ERR_NOMEM)
			return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		err_set(err, ERR_DATA, 0, 0, "cannot take that side of %s as it is", file);
		err_hint(err, "take another side, or mend the text by hand: convene edit %s", file);
		return ERR_DATA;
	}
	if (!whole->root) {
		doc_free(whole);
		err_set(err, ERR_DATA, 0, 0, "that side of %s is an empty file", file);
		err_hint(err, "take another side, or mend it by hand: convene edit %s", file);
		return ERR_DATA;
	}
	*out = whole;
	return 0;
}
