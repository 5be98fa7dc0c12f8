/*
 * The first planned meeting among later ones (store/planned.h).  Most
 * later meetings were held: of each, the first bytes are read, and where
 * they settle the status one that is not planned is passed by; any other
 * is read whole and loaded.  (Of 450 later meetings of 20 KiB, 450 KiB are
 * read instead of 9 MiB.)
 */
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/meetings.h"
#include "filecache.h"
#include "internal.h"
#include "planned.h"

/* The whole file: from the head when that was all of it; at a commit, by
 * its blob when the caller knows it. */
static int read_whole(struct store *s, const struct store_oid *at, const char *file,
		      const struct store_oid *blob, const char *head, size_t headlen, int all,
		      char **data, size_t *len, struct err *err)
{
	if (all) {
		if (!(*data = malloc(headlen + 1)))
			return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		memcpy(*data, head, headlen);
		(*data)[headlen] = '\0';
		*len = headlen;
		return 0;
	}
	if (at && blob)
		return store_blob_read(s, blob, data, len, err);
	return at ? store_read_at(s, at, file, data, len, err) : store_read(s, file, data, len, err);
}

/* A meeting that is not the next planned one, for the next run. */
static void pass_by(struct filecache *fc, const char *file, const struct stat *st)
{
	static const struct store_oid unknown;  /* only its head may have been read */

	if (st && filecache_put(fc, file, st, &unknown, "P", 1) < 0) {
		/* memory ran out: the next run reads it again */
	}
}

/* The stats of the work-tree files from i on, for the cache: taken a
 * window at a time, from 8 files doubling (the next planned meeting is
 * most often the next one), on threads when the window is large. */
struct window {
	struct stat *st;
	int *ok;
	size_t from, to, size;
};

static int stat_window(struct store *s, char *const *files, size_t n, size_t i,
		       struct window *w)
{
	if (i < w->to)
		return 0;
	w->size = w->size ? w->size * 2 : 8;
	w->from = i;
	w->to = i + w->size < n ? i + w->size : n;
	free(w->st);
	free(w->ok);
	w->st = malloc((w->to - w->from) * sizeof(*w->st));
	w->ok = malloc((w->to - w->from) * sizeof(*w->ok));
	if (!w->st || !w->ok)
		return ERR_NOMEM;
	store_file_stats(s, files + w->from, w->to - w->from, w->st, w->ok);
	return 0;
}

static int find(struct store *s, const struct store_oid *at, struct filecache *fc,
		char *const *files, const struct store_oid *blobs, size_t n,
		const struct stat *taken, const int *ok, struct doc **doc, size_t *which,
		struct store_oid *id, struct window *w)
{
	size_t i;

	*doc = NULL;
	for (i = 0; i < n; i++) {
		const char *status, *mark;
		char head[1024];
		struct doc_span st;
		struct stat fst, *known = NULL;
		struct store_oid oid;
		struct err e;
		char *data = NULL;
		size_t len = 0;
		int rc, all = 0;

		err_clear(&e);
		if (!at) {
			if (fc && taken) {
				if (ok[i]) {
					fst = taken[i];
					known = &fst;
				}
			} else if (fc) {
				if (stat_window(s, files, n, i, w) < 0)
					return ERR_NOMEM;
				if (w->ok[i - w->from]) {
					fst = w->st[i - w->from];
					known = &fst;
				}
			}
			if (known && filecache_get(fc, files[i], known, &oid, &mark, &len) &&
			    len == 1 && *mark == 'P')
				continue;
			if ((rc = store_read_head(s, files[i], head, sizeof(head), &len, &e)) == ERR_NOMEM)
				return ERR_NOMEM;
			if (rc < 0)
				continue;
			if (meetings_head_status(head, len, &st) &&
			    !(st.len == 7 && !memcmp(st.s, "planned", 7))) {
				pass_by(fc, files[i], known);
				continue;
			}
			all = len < sizeof(head);
		}
		if ((rc = read_whole(s, at, files[i], blobs ? &blobs[i] : NULL, head, len, all, &data,
				     &len, &e)) == ERR_NOMEM)
			return ERR_NOMEM;
		if (rc < 0)
			continue;
		/* a file that does not even hold the word is not parsed */
		if (!strstr(data, "planned")) {
			free(data);
			pass_by(fc, files[i], known);
			continue;
		}
		if (id)
			store_blob_id(id, data, len);
		rc = doc_load(doc, data, len, &e);
		free(data);
		if (rc == ERR_NOMEM)
			return ERR_NOMEM;
		if (!*doc)
			continue;
		status = dom_text((*doc)->root, "status");
		if (status && !strcmp(status, "planned")) {
			*which = i;
			return 0;
		}
		doc_free(*doc);
		*doc = NULL;
		pass_by(fc, files[i], known);
	}
	return 0;
}

int store_first_planned(struct store *s, const struct store_oid *at, struct filecache *fc,
			char *const *files, const struct store_oid *blobs, size_t n,
			const struct stat *st, const int *ok, struct doc **doc, size_t *which,
			struct store_oid *id)
{
	struct window w = { NULL, NULL, 0, 0, 0 };
	int rc = find(s, at, fc, files, blobs, n, st, ok, doc, which, id, &w);

	free(w.st);
	free(w.ok);
	return rc;
}
