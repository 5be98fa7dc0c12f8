/*
 * The schedule key of a meeting file (schedule.h): its date, start,
 * duration and location, each in canonical form, in one string.
 */
#include "doc.h"
#include "err.h"
#include "schedule.h"

int schedule_key_of(struct buf *out, const struct doc *doc, const char *data, size_t len)
{
	static const char *const keys[] = { "date", "start", "duration", "location" };
	size_t i;

	if (!doc || !doc->root || doc->root->kind != DOC_MAP || (doc->root->flags & DOC_CONFLICT)) {
		/* unreadable, empty or a whole-file conflict: itself */
		buf_adds(out, "\x1f");
		buf_add(out, data, len);
	} else {
		/* first whether it has a date: whether calendars have it */
		buf_adds(out, doc_is_null(doc_get(doc->root, "date")) ? "-" : "D");
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			const struct doc_node *n = doc_get(doc->root, keys[i]);

			buf_adds(out, "\x1e");
			if (n && doc_emit_node(out, n) < 0)
				buf_adds(out, "\x1f");
		}
	}
	return buf_failed(out) ? ERR_NOMEM : 0;
}

int schedule_key(struct buf *out, const char *data, size_t len)
{
	/* the keys schedule_key_of() reads, of a file in the form convene
	 * writes; any other file is loaded whole */
	static const struct doc_keep keep[] = {
		{ "date", NULL }, { "start", NULL }, { "duration", NULL }, { "location", NULL }
	};
	struct doc *doc = NULL;
	struct err err;
	int rc = doc_load_kept(&doc, data, len, keep, sizeof(keep) / sizeof(*keep));

	if (rc < 0)
		return ERR_NOMEM;
	if (rc == 0 && doc_load(&doc, data, len, &err) < 0)
		doc = NULL;
	rc = schedule_key_of(out, doc, data, len);
	doc_free(doc);
	return rc;
}
