/*
 * The meetings' history for the calendar (meetinghist.h): one walk over
 * every commit from HEAD.  Per commit only the meetings/ trees are
 * compared, and only when that folder's tree differs from every parent's
 * are the files in it diffed; a blob's schedule (core/schedule.h's key) is
 * parsed once however many commits hold it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git2.h"

#include "core/buf.h"
#include "core/layout.h"
#include "core/schedule.h"
#include "internal.h"
#include "meetinghist.h"

/* blob id -> its schedule key, each parsed once */
struct keys {
	struct key {
		git_oid id;
		char *key;
	} *v;
	size_t n, cap;
};

struct walk {
	struct store *s;
	struct keys keys;
	struct meeting_hist_entry *by_number;  /* indexed by meeting number */
	size_t nnumbers;
	struct err *err;
};

static size_t key_slot(const struct keys *k, const git_oid *id)
{
	size_t h;

	memcpy(&h, id->id, sizeof(h));  /* an id is already random */
	for (h &= k->cap - 1; k->v[h].key && !git_oid_equal(&k->v[h].id, id); h = (h + 1) & (k->cap - 1))
		;
	return h;
}

/* Room for one more key; 0 or ERR_NOMEM (err set). */
static int keys_grow(struct walk *w)
{
	struct keys *k = &w->keys;
	size_t i;

	if ((k->n + 1) * 2 > k->cap) {
		struct keys bigger = { NULL, 0, k->cap ? k->cap * 2 : 256 };

		if (!(bigger.v = calloc(bigger.cap, sizeof(*bigger.v))))
			return err_set(w->err, ERR_NOMEM, 0, 0, "out of memory");
		for (i = 0; i < k->cap; i++)
			if (k->v[i].key)
				bigger.v[key_slot(&bigger, &k->v[i].id)] = k->v[i];
		bigger.n = k->n;
		free(k->v);
		*k = bigger;
	}
	return 0;
}

/* The schedule key of blob id, NULL when out of memory or unreadable
 * (err set). */
static git_tree *meetings_tree(git_repository *repo, git_commit *c);

static const char *schedule(struct walk *w, const git_oid *id)
{
	struct keys *k = &w->keys;
	struct buf b = BUF_INIT;
	git_blob *blob;
	size_t i;

	if (k->cap && k->v[key_slot(k, id)].key)
		return k->v[key_slot(k, id)].key;
	if (keys_grow(w) < 0)
		return NULL;
	if (git_blob_lookup(&blob, w->s->repo, id) < 0) {
		store_git_fail(w->err, ERR_INTERNAL, "cannot read a meeting's old version");
		return NULL;
	}
	schedule_key(&b, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob));
	git_blob_free(blob);
	if (buf_failed(&b) || !b.ptr) {
		buf_release(&b);
		err_set(w->err, ERR_NOMEM, 0, 0, "out of memory");
		return NULL;
	}
	i = key_slot(k, id);
	k->v[i].id = *id;
	k->v[i].key = buf_detach(&b, NULL);
	k->n++;
	return k->v[i].key;
}

/* The keys the caller made of HEAD's meetings, by their blobs' ids: those
 * versions are not read again.  0 or ERR_NOMEM. */
static int seed(struct walk *w, git_commit *head, const struct meeting_hist_key *known, size_t n)
{
	git_tree *t = meetings_tree(w->s->repo, head);
	size_t i, slot;
	int error = 0;

	for (i = 0; t && i < n && !error; i++) {
		const char *name = known[i].file, *slash = strchr(name, '/');
		const git_tree_entry *e;

		if (!known[i].key || !slash || (size_t)(slash - name) != strlen(LAYOUT_MEETINGS) ||
		    strncmp(name, LAYOUT_MEETINGS, (size_t)(slash - name)) ||
		    !(e = git_tree_entry_byname(t, slash + 1)) || git_tree_entry_type(e) != GIT_OBJECT_BLOB)
			continue;
		if ((error = keys_grow(w)) < 0)
			break;
		slot = key_slot(&w->keys, git_tree_entry_id(e));
		if (w->keys.v[slot].key)
			continue;  /* two files with the same bytes */
		if (!(w->keys.v[slot].key = strdup(known[i].key))) {
			error = err_set(w->err, ERR_NOMEM, 0, 0, "out of memory");
			break;
		}
		w->keys.v[slot].id = *git_tree_entry_id(e);
		w->keys.n++;
	}
	git_tree_free(t);
	git_error_clear();
	return error;
}

/* The entry of meetings/<name>, made when new; NULL for a name that is no
 * meeting's file (misnamed: validate says so) or out of memory. */
static struct meeting_hist_entry *entry(struct walk *w, const char *name, int *nomem)
{
	char file[300];
	long n;

	*nomem = 0;
	snprintf(file, sizeof(file), LAYOUT_MEETINGS "/%s", name);
	if ((n = layout_meeting_of_file(file)) <= 0)
		return NULL;
	if ((size_t)n >= w->nnumbers) {
		size_t cap = (size_t)n * 2 + 16;
		struct meeting_hist_entry *v = realloc(w->by_number, cap * sizeof(*v));

		if (!v) {
			*nomem = 1;
			return NULL;
		}
		memset(v + w->nnumbers, 0, (cap - w->nnumbers) * sizeof(*v));
		w->by_number = v;
		w->nnumbers = cap;
	}
	if (!w->by_number[n].file[0])
		layout_meeting_file(w->by_number[n].file, sizeof(w->by_number[n].file), n);
	return &w->by_number[n];
}

/* The meetings/ tree of a commit, NULL when it has none. */
static git_tree *meetings_tree(git_repository *repo, git_commit *c)
{
	git_tree *root, *t = NULL;
	const git_tree_entry *e;

	if (git_commit_tree(&root, c) < 0)
		return NULL;
	if ((e = git_tree_entry_byname(root, LAYOUT_MEETINGS)) && git_tree_entry_type(e) == GIT_OBJECT_TREE)
		git_tree_lookup(&t, repo, git_tree_entry_id(e));
	git_tree_free(root);
	git_error_clear();
	return t;
}

static int same_tree(git_tree *a, git_tree *b)
{
	return (!a && !b) || (a && b && git_oid_equal(git_tree_id(a), git_tree_id(b)));
}

/* One commit: what it changed in meetings/ against every parent. */
static int visit(struct walk *w, git_commit *c)
{
	git_repository *repo = w->s->repo;
	unsigned np = git_commit_parentcount(c), k;
	long long when = (long long)git_commit_time(c);
	git_tree *t = meetings_tree(repo, c), **pt = NULL;
	git_diff *diff = NULL;
	int error = 0, nomem;
	size_t i;

	if (!t && !np)
		return 0;
	if (np && !(pt = calloc(np, sizeof(*pt)))) {
		git_tree_free(t);
		return err_set(w->err, ERR_NOMEM, 0, 0, "out of memory");
	}
	for (k = 0; k < np; k++) {
		git_commit *p;

		if (git_commit_parent(&p, c, k) < 0) {
			error = store_git_fail(w->err, ERR_INTERNAL,
					       "cannot read a commit (is the repository complete? git fsck tells)");
			goto done;
		}
		pt[k] = meetings_tree(repo, p);
		git_commit_free(p);
		/* the folder as one parent had it: nothing changed in it
		 * that this commit did not take from there */
		if (same_tree(pt[k], t))
			goto done;
	}
	if (git_diff_tree_to_tree(&diff, repo, np ? pt[0] : NULL, t, NULL) < 0) {
		error = store_git_fail(w->err, ERR_INTERNAL, "cannot compare two versions of meetings/");
		goto done;
	}
	for (i = 0; i < git_diff_num_deltas(diff) && !error; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		const char *name = d->new_file.path, *now, *before;
		struct meeting_hist_entry *e;
		int everywhere = d->status == GIT_DELTA_MODIFIED, differs = 1, dated;

		if (d->status != GIT_DELTA_ADDED && d->status != GIT_DELTA_MODIFIED)
			continue;
		/* the blob one of the other parents has: taken from that side */
		for (k = 1; k < np; k++) {
			const git_tree_entry *pe = pt[k] ? git_tree_entry_byname(pt[k], name) : NULL;

			if (pe && git_oid_equal(git_tree_entry_id(pe), &d->new_file.id))
				break;
			everywhere = everywhere && pe;
		}
		if (k < np)
			continue;
		if (!(e = entry(w, name, &nomem))) {
			if (nomem)
				error = err_set(w->err, ERR_NOMEM, 0, 0, "out of memory");
			continue;
		}
		if (when > e->changed)
			e->changed = when;
		/* a new file sets its time and place, it does not move them */
		if (!everywhere)
			continue;
		if (!(now = schedule(w, &d->new_file.id)) || !(before = schedule(w, &d->old_file.id))) {
			error = w->err->code;
			break;
		}
		differs = strcmp(now, before) != 0;
		dated = before[0] == 'D';
		for (k = 1; k < np && differs; k++) {
			const git_tree_entry *pe = git_tree_entry_byname(pt[k], name);
			/* (a key stays where it is when the cache grows) */
			const char *other = schedule(w, git_tree_entry_id(pe));

			if (!other) {
				error = w->err->code;
				break;
			}
			differs = strcmp(now, other) != 0;
			dated = dated || other[0] == 'D';
		}
		/* a date given for the first time moves nothing: no calendar
		 * had the meeting before */
		if (!error && differs && dated)
			e->sequence++;
	}
done:
	git_diff_free(diff);
	for (k = 0; pt && k < np; k++)
		git_tree_free(pt[k]);
	free(pt);
	git_tree_free(t);
	return error;
}

/* The root of HEAD's first-parent line. */
static int first_commit(struct store *s, const git_oid *head, char *out, struct err *err)
{
	git_commit *c, *p;
	size_t steps = 0;

	if (git_commit_lookup(&c, s->repo, head) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read HEAD's commit");
	while (git_commit_parentcount(c) && steps++ < ((size_t)1 << 30)) {
		if (git_commit_parent(&p, c, 0) < 0) {
			git_commit_free(c);
			return store_git_fail(err, ERR_INTERNAL,
					      "cannot read a commit (is the repository complete? git fsck tells)");
		}
		git_commit_free(c);
		c = p;
	}
	git_oid_tostr(out, 41, git_commit_id(c));
	git_commit_free(c);
	return 0;
}

static int by_file(const void *a, const void *b)
{
	return strcmp(((const struct meeting_hist_entry *)a)->file,
		      ((const struct meeting_hist_entry *)b)->file);
}

int store_meeting_history(struct meeting_hist *out, struct store *s,
			  const struct meeting_hist_key *known, size_t nknown, struct err *err)
{
	struct walk w;
	git_revwalk *rw = NULL;
	git_oid head, id;
	size_t i;
	int error = 0, next;

	memset(out, 0, sizeof(*out));
	memset(&w, 0, sizeof(w));
	w.s = s;
	w.err = err;
	if (git_reference_name_to_id(&head, s->repo, "HEAD") < 0) {
		git_error_clear();
		return 0;  /* nothing committed yet */
	}
	if ((error = first_commit(s, &head, out->root, err)) < 0)
		return error;
	if (nknown) {
		git_commit *c;

		if (git_commit_lookup(&c, s->repo, &head) < 0)
			return store_git_fail(err, ERR_INTERNAL, "cannot read HEAD's commit");
		error = seed(&w, c, known, nknown);
		git_commit_free(c);
		if (error < 0)
			goto done;
	}
	if (git_revwalk_new(&rw, s->repo) < 0 || git_revwalk_push(rw, &head) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot walk the history");
		goto done;
	}
	/* the order does not matter: counts and the latest time */
	git_revwalk_sorting(rw, GIT_SORT_NONE);
	while (!error && (next = git_revwalk_next(&id, rw)) == 0) {
		git_commit *c;

		if (git_commit_lookup(&c, s->repo, &id) < 0) {
			error = store_git_fail(err, ERR_INTERNAL, "cannot read a commit");
			break;
		}
		error = visit(&w, c);
		git_commit_free(c);
	}
	if (!error && next != GIT_ITEROVER)
		error = store_git_fail(err, ERR_INTERNAL,
				       "cannot walk the history (is the repository complete? git fsck tells)");
	for (i = 0; !error && i < w.nnumbers; i++)
		if (w.by_number[i].file[0])
			out->n++;
	if (!error && out->n && !(out->v = malloc(out->n * sizeof(*out->v))))
		error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	out->n = 0;
	/* by number, which is by name only up to 999: sorted by name below */
	for (i = 0; !error && i < w.nnumbers; i++)
		if (w.by_number[i].file[0])
			out->v[out->n++] = w.by_number[i];
done:
	git_error_clear();
	git_revwalk_free(rw);
	for (i = 0; i < w.keys.cap; i++)
		free(w.keys.v[i].key);
	free(w.keys.v);
	free(w.by_number);
	if (!error && out->n)
		qsort(out->v, out->n, sizeof(*out->v), by_file);
	return error;
}

const struct meeting_hist_entry *meeting_hist_find(const struct meeting_hist *h, const char *file)
{
	size_t lo = 0, hi = h->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(h->v[mid].file, file);

		if (!c)
			return &h->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void store_meeting_history_release(struct meeting_hist *h)
{
	free(h->v);
	memset(h, 0, sizeof(*h));
}
