/*
 * History for the audit commands (history.h).  Walks commits with
 * libgit2, follows one path through them comparing blob ids (so only blobs
 * that changed are ever read), and writes archives as gzip'd tar.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "git2.h"
#include <zlib.h>

#include "core/buf.h"
#include "core/layout.h"
#include "core/text.h"
#include "core/tr.h"
#include "history.h"
#include "internal.h"

/* ---- a small map of commit ids ---- */

struct oidmap {
	struct slot {
		git_oid key;
		int used;
		size_t index;        /* a struct cwalk's index of the commit */
	} *v;
	size_t n, cap;
};

static size_t oid_hash(const git_oid *id)
{
	size_t h;

	memcpy(&h, id->id, sizeof(h));  /* an id is already random */
	return h;
}

static struct slot *map_find(const struct oidmap *m, const git_oid *key)
{
	size_t i;

	if (!m->cap)
		return NULL;
	for (i = oid_hash(key) & (m->cap - 1); m->v[i].used; i = (i + 1) & (m->cap - 1))
		if (!memcmp(m->v[i].key.id, key->id, 20))
			return &m->v[i];
	return NULL;
}

/* Adds key unless it is there already.  -1 when out of memory. */
static int map_put(struct oidmap *m, const git_oid *key)
{
	size_t i;

	if (map_find(m, key))
		return 0;
	if ((m->n + 1) * 2 > m->cap) {
		struct oidmap bigger = { NULL, 0, m->cap ? m->cap * 2 : 64 };

		if (!(bigger.v = calloc(bigger.cap, sizeof(*bigger.v))))
			return -1;
		for (i = 0; i < m->cap; i++)
			if (m->v[i].used) {
				size_t j = oid_hash(&m->v[i].key) & (bigger.cap - 1);

				while (bigger.v[j].used)
					j = (j + 1) & (bigger.cap - 1);
				bigger.v[j] = m->v[i];
			}
		free(m->v);
		bigger.n = m->n;
		*m = bigger;
	}
	for (i = oid_hash(key) & (m->cap - 1); m->v[i].used; i = (i + 1) & (m->cap - 1))
		;
	m->v[i].key = *key;
	m->v[i].used = 1;
	m->n++;
	return 0;
}

static void map_free(struct oidmap *m)
{
	free(m->v);
	memset(m, 0, sizeof(*m));
}

/* ---- commits ---- */

void store_commit_info(git_commit *c, struct store_commit *out)
{
	const git_signature *a = git_commit_author(c);
	const char *subject;
	time_t t = (time_t)(a->when.time + (long long)a->when.offset * 60);
	struct tm tm;
	int off = a->when.offset < 0 ? -a->when.offset : a->when.offset;

	memset(out, 0, sizeof(*out));
	memcpy(out->oid.id, git_commit_id(c)->id, 20);
	git_oid_tostr(out->id, sizeof(out->id), git_commit_id(c));
	if (gmtime_r(&t, &tm)) {
		strftime(out->day, sizeof(out->day), "%Y-%m-%d", &tm);
		strftime(out->date, 17, "%Y-%m-%d %H:%M", &tm);
		snprintf(out->date + strlen(out->date), sizeof(out->date) - strlen(out->date),
			 " %c%02d%02d", a->when.offset < 0 ? '-' : '+', off / 60, off % 60);
	}
	out->time = a->when.time;
	out->author = a->name;
	out->email = a->email;
	out->message = git_commit_message(c);
	subject = git_commit_summary(c);
	out->subject = subject ? subject : "";
	layout_commit_read(out->message, out->subject, out->site, sizeof(out->site),
			   out->meeting, sizeof(out->meeting));
	out->nparents = git_commit_parentcount(c);
}

static int new_walk(struct store *s, git_revwalk **walk, int *empty, struct err *err)
{
	*empty = 0;
	if (git_revwalk_new(walk, s->repo) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot walk the history");
	/* git log's own order (newest first, as the walk goes): sorting by
	 * time or topology would read the whole history before the first */
	git_revwalk_sorting(*walk, GIT_SORT_NONE);
	if (git_revwalk_push_head(*walk) < 0) {
		git_error_clear();
		*empty = 1;  /* nothing committed yet */
	}
	return 0;
}

int store_commits(struct store *s, int (*fn)(void *ctx, const struct store_commit *c), void *ctx,
		  struct err *err)
{
	struct store_commit info;
	git_revwalk *walk;
	git_commit *c;
	git_oid id;
	int error, empty, next = 0;

	if ((error = new_walk(s, &walk, &empty, err)) < 0)
		return error;
	while (!empty && (next = git_revwalk_next(&id, walk)) == 0) {
		if (git_commit_lookup(&c, s->repo, &id) < 0) {
			error = store_git_fail(err, ERR_INTERNAL, "cannot read a commit");
			break;
		}
		store_commit_info(c, &info);
		error = fn(ctx, &info);
		git_commit_free(c);
		if (error)
			break;
	}
	if (!empty && next < 0 && next != GIT_ITEROVER)
		error = store_git_fail(err, ERR_INTERNAL,
				       "cannot walk the history (is the repository complete? git fsck tells)");
	git_error_clear();
	git_revwalk_free(walk);
	return error < 0 ? error : 0;
}

int store_commit_matches(const struct store_commit *c, const struct commit_filter *f)
{
	return (!f->meeting || !strcmp(c->meeting, f->meeting)) &&
	       (!f->site || !strcmp(c->site, f->site)) &&
	       (!f->since || strcmp(c->day, f->since) >= 0) &&
	       (!f->author || strstr(c->author, f->author) || strstr(c->email, f->author));
}

/* ---- a walk over commits held in memory ---- */

/*
 * Every commit reachable from HEAD, read once from the object database
 * and kept as little as the walk needs (its tree, parents, time), given
 * out children before parents and, among those ready, newest first (as
 * git log --topo-order).  libgit2's revwalk would parse every commit for
 * itself and git_commit_lookup() again, with all their strings: on a long
 * history, twice the reading and most of the time.
 */
struct cnode {
	git_oid id, tree;
	long long time;
	size_t parents;          /* first parent's index in w->pool */
	unsigned np;
	unsigned pending;        /* children not given out yet */
	int mainline;            /* on HEAD's first-parent line */
	int known;               /* blob: the path's blob here, once read */
	struct store_blob_at blob;
	char *path;              /* the path here, when not the one asked for */
};

struct cwalk {
	struct cnode *v;
	size_t n, cap;
	size_t *pool, npool, cappool;   /* parents, as indexes in v */
	git_oid *ids;                   /* the same parents' ids, until then */
	struct oidmap idx;              /* id -> index in v */
	size_t *heap, nheap;            /* ready ones, by time */
	git_odb *odb;
	struct packs *packs;            /* read first: see store/pack.c */
};

static void cwalk_free(struct cwalk *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->v[i].path);
	free(w->v);
	free(w->pool);
	free(w->ids);
	free(w->heap);
	map_free(&w->idx);
	git_odb_free(w->odb);
	packs_free(w->packs);
	memset(w, 0, sizeof(*w));
}

static int newer(const struct cwalk *w, size_t a, size_t b)
{
	return w->v[a].time > w->v[b].time;
}

static void heap_push(struct cwalk *w, size_t i)
{
	size_t k = w->nheap++;

	w->heap[k] = i;
	while (k && newer(w, w->heap[k], w->heap[(k - 1) / 2])) {
		size_t t = w->heap[k];

		w->heap[k] = w->heap[(k - 1) / 2];
		w->heap[(k - 1) / 2] = t;
		k = (k - 1) / 2;
	}
}

static size_t heap_pop(struct cwalk *w)
{
	size_t top = w->heap[0], k = 0;

	w->heap[0] = w->heap[--w->nheap];
	for (;;) {
		size_t l = 2 * k + 1, r = l + 1, m = k, t;

		if (l < w->nheap && newer(w, w->heap[l], w->heap[m]))
			m = l;
		if (r < w->nheap && newer(w, w->heap[r], w->heap[m]))
			m = r;
		if (m == k)
			break;
		t = w->heap[k], w->heap[k] = w->heap[m], w->heap[m] = t;
		k = m;
	}
	return top;
}

/* Room in w->pool and w->ids for one more parent. */
static int pool_grow(struct cwalk *w)
{
	size_t cap = w->cappool ? w->cappool * 2 : 512, *pool;
	git_oid *ids;

	if (!(pool = realloc(w->pool, cap * sizeof(*pool))))
		return -1;
	w->pool = pool;
	if (!(ids = realloc(w->ids, cap * sizeof(*ids))))
		return -1;
	w->ids = ids;
	w->cappool = cap;
	return 0;
}

/* Reads one commit: its tree, committer time, and its parents' ids, which
 * go to w->ids from w->npool on (*np of them).  -2 when it cannot be
 * read, -1 when out of memory. */
static int read_commit(struct cwalk *w, const git_oid *id, git_oid *tree, unsigned *np,
		       long long *time)
{
	git_odb_object *obj = NULL;
	const char *p, *end, *gt;
	size_t len;
	int rc = -2;

	*np = 0;
	*time = 0;
	if (packs_read(w->packs, id, GIT_OBJECT_COMMIT, &p, &len) == 0) {
		end = p + len;
	} else if (git_odb_read(&obj, w->odb, id) < 0) {
		return -2;  /* libgit2's error says which */
	} else if (git_odb_object_type(obj) != GIT_OBJECT_COMMIT) {
		goto fail;
	} else {
		p = git_odb_object_data(obj);
		end = p + git_odb_object_size(obj);
	}
	if (end - p < 46 || memcmp(p, "tree ", 5) || git_oid_fromstrn(tree, p + 5, 40) < 0)
		goto fail;
	p += 46;
	while (end - p >= 48 && !memcmp(p, "parent ", 7)) {
		if (w->npool + *np == w->cappool && pool_grow(w) < 0) {
			rc = -1;
			goto fail;
		}
		if (git_oid_fromstrn(&w->ids[w->npool + (*np)++], p + 7, 40) < 0)
			goto fail;
		p += 48;
	}
	/* the committer line: "committer Name <email> 1767225600 +0200" */
	while (p < end && (size_t)(end - p) > 10 && memcmp(p, "committer ", 10)) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (!nl)
			break;
		p = nl + 1;
	}
	if ((size_t)(end - p) > 10 && !memcmp(p, "committer ", 10)) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		for (gt = nl ? nl : end; gt > p && gt[-1] != '>'; gt--)
			;
		if (gt > p)
			*time = strtoll(gt, NULL, 10);
	}
	git_odb_object_free(obj);
	return 0;
fail:
	git_odb_object_free(obj);
	if (rc == -2) {
		char hex[GIT_OID_HEXSZ + 1];

		git_error_set(GIT_ERROR_INVALID, tr("%s is not a commit that can be read"),
			      git_oid_tostr(hex, sizeof(hex), id));
	}
	return rc;
}

/* Adds a commit (read here) to the walk; its index goes to *at.  Its
 * parents are w->ids[node->parents ..], until cwalk_init() makes them
 * indexes in w->pool. */
static int cwalk_add(struct cwalk *w, const git_oid *id, size_t *at)
{
	struct cnode *node;
	unsigned np;
	long long time;
	git_oid tree;
	struct slot *slot;
	int rc;

	if ((rc = read_commit(w, id, &tree, &np, &time)) < 0)
		return rc;
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 256;
		struct cnode *v = realloc(w->v, cap * sizeof(*v));

		if (!v)
			return -1;
		w->v = v;
		w->cap = cap;
	}
	if (map_put(&w->idx, id) < 0 || !(slot = map_find(&w->idx, id)))
		return -1;
	slot->index = w->n;
	node = &w->v[w->n];
	memset(node, 0, sizeof(*node));
	node->id = *id;
	node->tree = tree;
	node->time = time;
	node->parents = w->npool;
	node->np = np;
	w->npool += np;
	*at = w->n++;
	return 0;
}

/* Reads every commit from HEAD; *empty when nothing is committed yet. */
static int cwalk_init(struct cwalk *w, struct store *s, int *empty, struct err *err)
{
	size_t *stack = NULL, nstack = 0, i, at, capstack = 0;
	unsigned k;
	git_oid head;
	int rc;

	memset(w, 0, sizeof(*w));
	*empty = 0;
	if (git_reference_name_to_id(&head, s->repo, "HEAD") < 0) {
		git_error_clear();
		*empty = 1;
		return 0;
	}
	if (git_repository_odb(&w->odb, s->repo) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot open the object database");
	if (packs_open(&w->packs, s->repo) < 0)
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	if ((rc = cwalk_add(w, &head, &at)) < 0)
		goto fail;
	stack = malloc(sizeof(*stack));
	capstack = 1;
	if (!stack)
		goto nomem;
	stack[nstack++] = at;
	while (nstack) {
		size_t cur = stack[--nstack];

		for (k = 0; k < w->v[cur].np; k++) {
			/* a copy: reading the parent may move w->ids */
			git_oid pid = w->ids[w->v[cur].parents + k];
			struct slot *slot = map_find(&w->idx, &pid);
			size_t pi;

			if (slot) {
				pi = slot->index;
			} else {
				if ((rc = cwalk_add(w, &pid, &pi)) < 0)
					goto fail;
				if (nstack == capstack) {
					size_t *bigger = realloc(stack, (capstack *= 2) * sizeof(*stack));

					if (!bigger)
						goto nomem;
					stack = bigger;
				}
				stack[nstack++] = pi;
			}
			w->pool[w->v[cur].parents + k] = pi;
			w->v[pi].pending++;
		}
	}
	free(stack);
	free(w->ids);  /* all are indexes now */
	w->ids = NULL;
	if (!(w->heap = malloc(w->n * sizeof(*w->heap))))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	for (i = 0; i < w->n; i++)
		if (!w->v[i].pending)
			heap_push(w, i);
	return 0;
nomem:
	rc = -1;
fail:
	free(stack);
	if (rc == -2)
		return store_git_fail(err, ERR_INTERNAL, "cannot read a commit (is the repository complete? git fsck tells)");
	return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
}

/* The next commit's index, or (size_t)-1 at the end. */
static size_t cwalk_next(struct cwalk *w)
{
	size_t i;
	unsigned k;

	if (!w->nheap)
		return (size_t)-1;
	i = heap_pop(w);
	for (k = 0; k < w->v[i].np; k++) {
		size_t p = w->pool[w->v[i].parents + k];

		if (!--w->v[p].pending)
			heap_push(w, p);
	}
	return i;
}

/* The blob at path in a tree, by reading the raw trees down the path;
 * -1 (libgit2's error set) when a tree cannot be read. */
static int raw_blob_at(git_odb *odb, const git_oid *tree, const char *path,
		       struct store_blob_at *out)
{
	git_oid cur = *tree;
	const char *comp = path;

	memset(out, 0, sizeof(*out));
	out->path = path;
	for (;;) {
		size_t clen = strcspn(comp, "/");
		int last = comp[clen] == '\0', found = 0;
		git_odb_object *obj;
		const char *p, *end;

		if (git_odb_read(&obj, odb, &cur) < 0)
			return -1;
		if (git_odb_object_type(obj) != GIT_OBJECT_TREE) {
			git_odb_object_free(obj);
			git_error_set(GIT_ERROR_INVALID, "%s", tr("a tree that is not a tree"));
			return -1;
		}
		p = git_odb_object_data(obj);
		end = p + git_odb_object_size(obj);
		/* entries: "<mode> <name>\0<20-byte id>" */
		while (p < end) {
			const char *sp = memchr(p, ' ', (size_t)(end - p)), *nul;

			if (!sp || !(nul = memchr(sp, '\0', (size_t)(end - sp))) || end - nul < 21)
				break;
			if ((size_t)(nul - sp - 1) == clen && !memcmp(sp + 1, comp, clen)) {
				int is_tree = sp - p == 5 && !memcmp(p, "40000", 5);

				if (last && !is_tree && p[0] == '1' && p[1] == '0') {
					out->present = 1;
					memcpy(out->blob.id, nul + 1, 20);
				} else if (!last && is_tree) {
					memcpy(cur.id, nul + 1, 20);
					found = 1;
				}
				break;
			}
			p = nul + 21;
		}
		git_odb_object_free(obj);
		if (!found)
			return 0;
		comp += clen + 1;
	}
}

/* ---- one path through history ---- */

static void blob_at(git_tree *tree, const char *path, struct store_blob_at *out)
{
	git_tree_entry *e;

	memset(out, 0, sizeof(*out));
	out->path = path;
	if (git_tree_entry_bypath(&e, tree, path) < 0) {
		git_error_clear();
		return;
	}
	if (git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
		out->present = 1;
		memcpy(out->blob.id, git_tree_entry_id(e)->id, 20);
	}
	git_tree_entry_free(e);
}

/* The name path had in ptree, when the change from ptree to tree is a
 * rename to path that git can see; NULL otherwise. */
static char *renamed_from(git_repository *repo, git_tree *ptree, git_tree *tree, const char *path)
{
	git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
	git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
	git_diff *diff;
	char *old = NULL;
	size_t i;

	if (git_diff_tree_to_tree(&diff, repo, ptree, tree, &opts) < 0) {
		git_error_clear();
		return NULL;
	}
	find.flags = GIT_DIFF_FIND_RENAMES;
	if (git_diff_find_similar(diff, &find) == 0)
		for (i = 0; i < git_diff_num_deltas(diff); i++) {
			const git_diff_delta *d = git_diff_get_delta(diff, i);

			if (d->status == GIT_DELTA_RENAMED && !strcmp(d->new_file.path, path)) {
				old = strdup(d->old_file.path);
				break;
			}
		}
	git_error_clear();
	git_diff_free(diff);
	return old;
}

/* Node i's blob of path (or of its old name, when its child renamed the
 * file: child_tree set), read once and kept in the node.  -1 when a tree
 * cannot be read: the error is in err. */
static int blob_of(struct store *s, struct cwalk *w, size_t i, const char *path,
		   const git_oid *child_tree, const char *child_path, struct err *err)
{
	struct cnode *node = &w->v[i];
	git_tree *t = NULL, *ct = NULL;
	char *renamed = NULL;
	int rc;

	if (node->known)
		return 0;
	rc = raw_blob_at(w->odb, &node->tree, node->path ? node->path : path, &node->blob);
	if (!rc && !node->blob.present && child_tree &&
	    git_tree_lookup(&t, s->repo, &node->tree) == 0 &&
	    git_tree_lookup(&ct, s->repo, child_tree) == 0 &&
	    (renamed = renamed_from(s->repo, t, ct, child_path))) {
		free(node->path);
		node->path = renamed;
		rc = raw_blob_at(w->odb, &node->tree, renamed, &node->blob);
	}
	git_tree_free(t);
	git_tree_free(ct);
	if (rc < 0)
		return store_git_fail(err, ERR_INTERNAL,
				      "cannot read a tree (is the repository complete? git fsck tells)");
	git_error_clear();
	node->blob.path = node->path ? node->path : path;
	node->known = 1;
	return 0;
}

int store_path_history(struct store *s, const char *path,
		       int (*fn)(void *ctx, const struct store_commit *c,
				 const struct store_blob_at *self,
				 const struct store_blob_at *parents, unsigned nparents),
		       void *ctx, struct err *err)
{
	struct store_blob_at *par = NULL;
	struct store_commit info;
	struct cwalk w;
	size_t at;
	unsigned i, n, cap = 0;
	int error, empty;

	/* every commit and tree is read once: keeping them in libgit2's
	 * cache would only cost its upkeep */
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
	if ((error = cwalk_init(&w, s, &empty, err)) < 0)
		goto done;
	/* HEAD is w.v[0]; down its first parents (a damaged repository may
	 * lead back to one already met) */
	for (at = 0; !empty && !w.v[at].mainline; at = w.pool[w.v[at].parents]) {
		w.v[at].mainline = 1;
		if (!w.v[at].np)
			break;
	}
	while (!empty && (at = cwalk_next(&w)) != (size_t)-1) {
		struct cnode *node = &w.v[at];
		const char *cpath = node->path ? node->path : path;
		const size_t *pidx = w.pool + node->parents;

		n = node->np;
		/* the parents follow this commit's name for the file */
		for (i = 0; node->path && i < n; i++) {
			struct cnode *pn = &w.v[pidx[i]];

			if (!pn->known && !pn->path && !(pn->path = strdup(node->path))) {
				error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
				goto done;
			}
		}
		/* the same tree as its only parent: nothing changed at all */
		if (n == 1 && git_oid_equal(&node->tree, &w.v[pidx[0]].tree))
			continue;
		if ((error = blob_of(s, &w, at, path, NULL, NULL, err)) < 0)
			goto done;
		if (n > cap) {
			struct store_blob_at *v = realloc(par, n * sizeof(*par));

			if (!v) {
				error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
				goto done;
			}
			par = v;
			cap = n;
		}
		for (i = 0; i < n; i++) {
			struct cnode *pn = &w.v[pidx[i]];

			if ((error = blob_of(s, &w, pidx[i], path, node->blob.present ? &node->tree : NULL,
					     cpath, err)) < 0)
				goto done;
			par[i] = pn->blob;
			/* the same blob as a parent's: the value is that parent's */
			if (par[i].present == node->blob.present &&
			    (!node->blob.present || !memcmp(par[i].blob.id, node->blob.blob.id, 20)))
				break;
		}
		if (i < n || (!n && !node->blob.present))
			continue;
		memset(&info, 0, sizeof(info));
		memcpy(info.oid.id, node->id.id, 20);
		git_oid_tostr(info.id, sizeof(info.id), &node->id);
		info.nparents = n;
		info.mainline = node->mainline;
		if ((error = fn(ctx, &info, &node->blob, par, n)))
			break;
	}
	git_error_clear();
done:
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 1);
	free(par);
	cwalk_free(&w);
	return error < 0 ? error : 0;
}

int store_blob_read(struct store *s, const struct store_oid *blob, char **out, size_t *len,
		    struct err *err)
{
	git_blob *b;
	git_oid id;
	size_t n;

	if (store_repo(s, err) < 0)
		return -1;
	memcpy(id.id, blob->id, 20);
	if (git_blob_lookup(&b, s->repo, &id) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read a file's old version");
	n = (size_t)git_blob_rawsize(b);
	if (!(*out = malloc(n + 1))) {
		git_blob_free(b);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	memcpy(*out, git_blob_rawcontent(b), n);
	(*out)[n] = '\0';
	*len = n;
	git_blob_free(b);
	return 0;
}

/* ---- a point in time ---- */

/* Digits and dashes as a date has them: meant as one, a day or not. */
static int is_date_shaped(const char *spec)
{
	return strlen(spec) == 10 && strspn(spec, "0123456789") == 4 && spec[4] == '-' &&
	       strspn(spec + 5, "0123456789") == 2 && spec[7] == '-' &&
	       strspn(spec + 8, "0123456789") == 2;
}

int store_is_unborn(struct store *s)
{
	struct err err;
	int unborn;

	err_clear(&err);
	if (store_repo(s, &err) < 0)
		return 0;  /* then what reads HEAD says why */
	unborn = git_repository_head_unborn(s->repo);

	git_error_clear();
	return unborn == 1;
}

int store_resolve(struct store *s, const char *spec, struct store_commit *out, struct err *err)
{
	git_object *obj = NULL;
	git_commit *c = NULL, *next;
	git_oid id;

	memset(out, 0, sizeof(*out));
	if (store_repo(s, err) < 0)
		return -1;
	if (store_is_unborn(s)) {
		err_set(err, ERR_NOTFOUND, 0, 0, "nothing is committed yet");
		err_hint(err, "convene commit records the files as they are");
		return ERR_NOTFOUND;
	}
	if (is_date_shaped(spec)) {
		if (!text_is_date(spec, strlen(spec))) {
			err_set(err, ERR_USAGE, 0, 0, "%s is not a day of the calendar", spec);
			err_hint(err, "a date is YYYY-MM-DD: 2026-02-28, say");
			return ERR_USAGE;
		}
		if (git_reference_name_to_id(&id, s->repo, "HEAD") < 0 ||
		    git_commit_lookup(&c, s->repo, &id) < 0) {
			git_error_clear();
			return err_set(err, ERR_NOTFOUND, 0, 0, "nothing is committed yet");
		}
		for (;;) {
			store_commit_info(c, out);
			if (strcmp(out->day, spec) <= 0) {
				out->mainline = 1;
				out->owner = c;
				return 0;
			}
			if (!git_commit_parentcount(c) || git_commit_parent(&next, c, 0) < 0)
				break;
			git_commit_free(c);
			c = next;
		}
		git_error_clear();
		err_set(err, ERR_NOTFOUND, 0, 0, "the initiative did not exist yet on %s (its first commit is from %s)",
			spec, out->day);
		git_commit_free(c);
		memset(out, 0, sizeof(*out));
		return ERR_NOTFOUND;
	}
	if (git_revparse_single(&obj, s->repo, spec) < 0 ||
	    git_object_peel((git_object **)&c, obj, GIT_OBJECT_COMMIT) < 0) {
		git_object_free(obj);
		git_error_clear();
		err_set(err, ERR_NOTFOUND, 0, 0, "'%s' is neither a date (YYYY-MM-DD) nor a commit", spec);
		err_hint(err, "convene log lists the commits; a date takes the last commit made by then");
		return ERR_NOTFOUND;
	}
	git_object_free(obj);
	store_commit_info(c, out);
	out->owner = c;
	return 0;
}

int store_commit_read(struct store *s, const struct store_oid *id, struct store_commit *out,
		      struct err *err)
{
	git_commit *c;
	git_oid oid;

	if (store_repo(s, err) < 0)
		return -1;
	memcpy(oid.id, id->id, 20);
	if (git_commit_lookup(&c, s->repo, &oid) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read a commit");
	store_commit_info(c, out);
	out->owner = c;
	return 0;
}

void store_commit_release(struct store_commit *c)
{
	git_commit_free(c->owner);
	c->owner = NULL;
	c->author = c->email = c->subject = c->message = NULL;
}

static int commit_tree(struct store *s, const struct store_oid *commit, git_tree **tree,
		       struct err *err)
{
	git_commit *c;
	git_oid id;
	int error;

	if (store_repo(s, err) < 0)
		return -1;
	memcpy(id.id, commit->id, 20);
	if (git_commit_lookup(&c, s->repo, &id) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read a commit");
	error = git_commit_tree(tree, c);
	git_commit_free(c);
	return error < 0 ? store_git_fail(err, ERR_INTERNAL, "cannot read a commit's files") : 0;
}

int store_read_at(struct store *s, const struct store_oid *commit, const char *path, char **out,
		  size_t *len, struct err *err)
{
	struct store_blob_at at;
	git_tree *tree;
	int error;

	if ((error = commit_tree(s, commit, &tree, err)) < 0)
		return error;
	blob_at(tree, path, &at);
	git_tree_free(tree);
	if (!at.present)
		return err_set(err, ERR_NOTFOUND, 0, 0, "%s did not exist then", path);
	return store_blob_read(s, &at.blob, out, len, err);
}

int store_tree_diff(struct store *s, const struct store_oid *a, const struct store_oid *b,
		    int (*fn)(void *ctx, const char *path, const char *old, size_t oldlen,
			      const char *new, size_t newlen),
		    void *ctx, struct err *err)
{
	git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
	git_tree *ta = NULL, *tb = NULL;
	git_diff *diff = NULL;
	size_t i;
	int error = 0;

	opts.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
	if ((a && (error = commit_tree(s, a, &ta, err)) < 0) ||
	    (b && (error = commit_tree(s, b, &tb, err)) < 0))
		goto done;
	if ((b ? git_diff_tree_to_tree(&diff, s->repo, ta, tb, &opts)
	       : git_diff_tree_to_workdir(&diff, s->repo, ta, &opts)) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot compare the two versions");
		goto done;
	}
	for (i = 0; i < git_diff_num_deltas(diff) && !error; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		struct store_oid id;
		char *old = NULL, *new = NULL;
		size_t oldlen = 0, newlen = 0;

		/* a file git does not know is the initiative's, or no change */
		if (d->status == GIT_DELTA_UNTRACKED && layout_kind(d->new_file.path) == KIND_NONE)
			continue;
		if (d->status != GIT_DELTA_ADDED && d->status != GIT_DELTA_UNTRACKED) {
			memcpy(id.id, d->old_file.id.id, 20);
			if ((error = store_blob_read(s, &id, &old, &oldlen, err)) < 0)
				break;
		}
		if (d->status != GIT_DELTA_DELETED) {
			if (b) {
				memcpy(id.id, d->new_file.id.id, 20);
				error = store_blob_read(s, &id, &new, &newlen, err);
			} else {
				error = store_read(s, d->new_file.path, &new, &newlen, err);
			}
			if (error < 0) {
				free(old);
				break;
			}
		}
		error = fn(ctx, d->new_file.path ? d->new_file.path : d->old_file.path, old, oldlen,
			   new, newlen);
		free(old);
		free(new);
	}
done:
	git_diff_free(diff);
	git_tree_free(ta);
	git_tree_free(tb);
	return error < 0 ? error : 0;
}

/* ---- archives: tar (ustar), gzip'd ---- */

struct tarball {
	z_stream z;
	FILE *f;
	git_repository *repo;
	const char *prefix;
	long long mtime;
	size_t files;
	int failed;               /* a write error */
};

static void gz_write(struct tarball *t, const void *data, size_t len, int flush)
{
	unsigned char out[65536];

	t->z.next_in = (Bytef *)data;
	t->z.avail_in = (uInt)len;
	do {
		t->z.next_out = out;
		t->z.avail_out = sizeof(out);
		if (deflate(&t->z, flush) == Z_STREAM_ERROR) {
			t->failed = 1;
			return;
		}
		if (fwrite(out, 1, sizeof(out) - t->z.avail_out, t->f) != sizeof(out) - t->z.avail_out)
			t->failed = 1;
	} while (t->z.avail_out == 0);
}

static void octal(char *field, size_t width, unsigned long long value)
{
	snprintf(field, width, "%0*llo", (int)width - 1, value);
}

static void tar_pad(struct tarball *t, unsigned long long size)
{
	static const unsigned char zeros[512];

	if (size % 512)
		gz_write(t, zeros, 512 - size % 512, Z_NO_FLUSH);
}

/* One header block, its name already cut to ustar's fields. */
static void tar_block(struct tarball *t, const char *prefix, size_t plen, const char *name,
		      size_t nlen, char type, unsigned mode, unsigned long long size,
		      const char *link, size_t llen)
{
	unsigned char h[512];
	unsigned sum = 0;
	size_t i;

	memset(h, 0, sizeof(h));
	memcpy(h, name, nlen);
	octal((char *)h + 100, 8, mode);
	octal((char *)h + 108, 8, 0);
	octal((char *)h + 116, 8, 0);
	octal((char *)h + 124, 12, size > 077777777777ULL ? 0 : size);  /* else in pax */
	octal((char *)h + 136, 12, (unsigned long long)t->mtime);
	memset(h + 148, ' ', 8);
	h[156] = (unsigned char)type;
	memcpy(h + 157, link, llen);
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	memcpy(h + 265, "root", 4);
	memcpy(h + 297, "root", 4);
	memcpy(h + 345, prefix, plen);
	for (i = 0; i < sizeof(h); i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
	gz_write(t, h, sizeof(h), Z_NO_FLUSH);
}

/* At most n bytes of s, ending where a UTF-8 character starts (n itself
 * when s is no UTF-8 there: git takes any bytes in a name). */
static size_t char_start(const char *s, size_t n)
{
	size_t k;

	for (k = n; k > 0 && (s[k] & 0xc0) == 0x80; k--)
		;
	return k ? k : n;
}

/* A pax record, "<length> key=value\n", its length counting itself. */
static void pax_record(struct buf *b, const char *key, const char *value)
{
	size_t body = 1 + strlen(key) + 1 + strlen(value) + 1, len = body + 1;

	while (len != body + (size_t)snprintf(NULL, 0, "%zu", len))
		len = body + (size_t)snprintf(NULL, 0, "%zu", len);
	buf_addf(b, "%zu %s=%s\n", len, key, value);
}

/*
 * An entry: ustar's fields when the name fits them (a prefix of at most
 * 155 bytes and a name of at most 100, split at a '/'), and the link
 * target when it fits its 100; else a pax header before it carries the
 * whole path or target, as git archive writes.
 */
static void tar_header(struct tarball *t, const char *name, char type, unsigned mode,
		       unsigned long long size, const char *link)
{
	size_t len = strlen(name), llen = link ? strlen(link) : 0, cut = 0, at;
	struct buf pax = BUF_INIT;

	if (len > 100) {
		/* the first '/' that leaves at most 100 bytes after it, and
		 * something: a folder's name ends in '/' */
		for (at = len - 101; at <= 155 && at + 1 < len && !cut; at++)
			if (name[at] == '/' && at > 0)
				cut = at;
		if (!cut)
			pax_record(&pax, "path", name);
	}
	if (llen > 100)
		pax_record(&pax, "linkpath", link);
	if (size > 077777777777ULL) {
		char n[24];

		snprintf(n, sizeof(n), "%llu", size);
		pax_record(&pax, "size", n);
	}
	if (buf_failed(&pax)) {
		t->failed = 1;
		buf_release(&pax);
		return;
	}
	if (pax.len) {
		tar_block(t, "", 0, "PaxHeaders/entry", 16, 'x', 0644, pax.len, "", 0);
		gz_write(t, pax.ptr, pax.len, Z_NO_FLUSH);
		tar_pad(t, pax.len);
	}
	buf_release(&pax);
	/* where the pax record has it whole: what fits, cut where a
	 * character starts, for readers that know no pax */
	if (llen > 100)
		llen = char_start(link, 100);
	if (len <= 100) {
		tar_block(t, "", 0, name, len, type, mode, size, link ? link : "", llen);
	} else if (cut) {
		tar_block(t, name, cut, name + cut + 1, len - cut - 1, type, mode, size,
			  link ? link : "", llen);
	} else {
		tar_block(t, "", 0, name, char_start(name, 100), type, mode, size, link ? link : "", llen);
	}
}

static int tar_entry(const char *root, const git_tree_entry *e, void *payload)
{
	struct tarball *t = payload;
	struct buf name = BUF_INIT;
	git_blob *blob;
	git_filemode_t mode = git_tree_entry_filemode(e);

	if (t->failed)
		return -1;
	buf_addf(&name, "%s%s%s%s", t->prefix, t->prefix[0] ? "/" : "", root,
		 git_tree_entry_name(e));
	if (mode == GIT_FILEMODE_TREE || mode == GIT_FILEMODE_COMMIT) {
		/* a folder; a submodule is an empty one, as git archive has it */
		buf_addc(&name, '/');
		if (!buf_failed(&name))
			tar_header(t, buf_str(&name), '5', 0775, 0, NULL);
		buf_release(&name);
		return t->failed || buf_failed(&name) ? -1 : 0;
	}
	if (buf_failed(&name) || git_blob_lookup(&blob, t->repo, git_tree_entry_id(e)) < 0) {
		buf_release(&name);
		return -1;
	}
	if (mode == GIT_FILEMODE_LINK) {
		struct buf target = BUF_INIT;

		buf_add(&target, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob));
		if (buf_failed(&target))
			t->failed = 1;
		else
			tar_header(t, buf_str(&name), '2', 0777, 0, buf_str(&target));
		buf_release(&target);
	} else {
		unsigned long long size = (unsigned long long)git_blob_rawsize(blob);

		tar_header(t, buf_str(&name), '0', mode == GIT_FILEMODE_BLOB_EXECUTABLE ? 0775 : 0664,
			   size, NULL);
		gz_write(t, git_blob_rawcontent(blob), (size_t)size, Z_NO_FLUSH);
		tar_pad(t, size);
		t->files++;
	}
	git_blob_free(blob);
	buf_release(&name);
	return t->failed ? -1 : 0;
}

int store_archive(struct store *s, const struct store_oid *commit, const char *prefix,
		  const char *file, size_t *nfiles, struct err *err)
{
	static const unsigned char zeros[10240];
	int to_stdout = !strcmp(file, "-"), fd = -1, error = 0;
	struct tarball t;
	struct stat st;
	gz_header gz;
	git_tree *tree;
	git_commit *c;
	git_oid id;
	char *tmp = NULL;
	size_t total;

	*nfiles = 0;
	if (!to_stdout && stat(file, &st) == 0 && S_ISDIR(st.st_mode)) {
		err_set(err, ERR_USAGE, 0, 0, "'%s' is a folder", file);
		err_hint(err, "name the file to write: %s/initiative.tar.gz, say", file);
		return ERR_USAGE;
	}
	memcpy(id.id, commit->id, 20);
	if (git_commit_lookup(&c, s->repo, &id) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read the commit");
	if (git_commit_tree(&tree, c) < 0) {
		git_commit_free(c);
		return store_git_fail(err, ERR_INTERNAL, "cannot read the commit's tree");
	}
	memset(&t, 0, sizeof(t));
	t.repo = s->repo;
	t.prefix = prefix;
	t.mtime = git_commit_time(c);
	git_commit_free(c);
	if (to_stdout) {
		t.f = stdout;
	} else if (!(tmp = malloc(strlen(file) + sizeof(".XXXXXX")))) {
		git_tree_free(tree);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	} else {
		/* written beside it under a name of its own, then renamed */
		sprintf(tmp, "%s.XXXXXX", file);
		if ((fd = mkstemp(tmp)) < 0 || !(t.f = fdopen(fd, "wb"))) {
			err_set(err, ERR_USAGE, 0, 0, "cannot write '%s': %s", file, strerror(errno));
			if (errno == ENOENT)
				err_hint(err, "the folder it goes in must exist");
			if (fd >= 0) {
				close(fd);
				unlink(tmp);
			}
			free(tmp);
			git_tree_free(tree);
			return ERR_USAGE;
		}
		{
			mode_t mask = umask(0);

			umask(mask);
			fchmod(fd, 0666 & ~mask);  /* as a file made with open() */
		}
	}
	/* gzip with a fixed header (no name, no time): the same bytes each time */
	memset(&gz, 0, sizeof(gz));
	gz.os = 3;
	if (deflateInit2(&t.z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK ||
	    deflateSetHeader(&t.z, &gz) != Z_OK) {
		error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		goto done;
	}
	if (prefix[0]) {
		struct buf dir = BUF_INIT;

		buf_addf(&dir, "%s/", prefix);
		tar_header(&t, buf_str(&dir), '5', 0775, 0, NULL);
		buf_release(&dir);
	}
	if (git_tree_walk(tree, GIT_TREEWALK_PRE, tar_entry, &t) < 0 && !t.failed)
		t.failed = 1;
	git_error_clear();
	/* the end: two empty blocks, then up to tar's 10240-byte record */
	gz_write(&t, zeros, 1024, Z_NO_FLUSH);
	total = t.z.total_in;
	gz_write(&t, zeros, total % 10240 ? 10240 - total % 10240 : 0, Z_FINISH);
	deflateEnd(&t.z);
	if (t.failed || fflush(t.f) != 0 || (!to_stdout && fsync(fileno(t.f)) != 0))
		error = err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", file, strerror(errno));
done:
	if (!to_stdout && fclose(t.f) != 0 && !error)
		error = err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", file, strerror(errno));
	if (!to_stdout && !error && rename(tmp, file) < 0)
		error = err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", file, strerror(errno));
	if (tmp && error)
		unlink(tmp);
	free(tmp);
	git_tree_free(tree);
	if (!error)
		*nfiles = t.files;
	return error;
}
