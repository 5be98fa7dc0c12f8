/* A file edited by hand: see handedit.h. */
#include <string.h>

#include "handedit.h"
#include "tr.h"

void handedit_check(struct diags *d, const char *file, const struct buf *text,
		    const struct schema_ids *ids, struct doc **out)
{
	struct err err;

	*out = NULL;
	err_clear(&err);
	if (doc_load(out, buf_str(text), text->len, &err) < 0) {
		/* TRANSLATORS: an error, then what to do about it */
		if (err.hint[0])
			diags_add(d, file, err.line, err.col, DIAG_ERROR, "%s; %s", err.msg, err.hint);
		else
			diags_add(d, file, err.line, err.col, DIAG_ERROR, "%s", err.msg);
		return;
	}
	if ((*out)->comments)
		diags_add(d, file, (*out)->comment_line, (*out)->comment_col, DIAG_ERROR,
			  "comments are not kept; move the text into a field such as notes");
	schema_check(d, file, *out, ids);
	diags_sort(d);
}

void handedit_header(struct buf *out, const char *file, const struct diags *d,
		     unsigned errors, const struct buf *text)
{
	/* the first line, one per error, the empty one */
	size_t lines = 2 + errors, i;

	buf_adds(out, HANDEDIT_HEADER);
	buf_addf(out, trn("%s has %u error; fix it, save and quit (save it unchanged to give up)",
			  "%s has %u errors; fix them, save and quit (save it unchanged to give up)",
			  errors), file, errors);
	buf_addc(out, '\n');
	for (i = 0; i < d->n; i++) {
		if (d->v[i].level != DIAG_ERROR)
			continue;
		buf_adds(out, HANDEDIT_HEADER);
		buf_addf(out, tr("line %u, column %u: %s"),
			 d->v[i].line + (unsigned)lines, d->v[i].col, d->v[i].msg);
		buf_addc(out, '\n');
	}
	buf_adds(out, HANDEDIT_HEADER "\n");
	buf_add(out, buf_str(text), text->len);
}

void handedit_strip_header(struct buf *text)
{
	const size_t hl = sizeof(HANDEDIT_HEADER) - 1;
	size_t at = 0;

	if (!text->ptr)
		return;  /* empty: nothing on top */
	while (text->len - at >= hl && !memcmp(text->ptr + at, HANDEDIT_HEADER, hl)) {
		const char *nl = memchr(text->ptr + at, '\n', text->len - at);

		at = nl ? (size_t)(nl - text->ptr) + 1 : text->len;
	}
	memmove(text->ptr, text->ptr + at, text->len - at);
	text->len -= at;
	text->ptr[text->len] = '\0';
}
