/*
 * The sources of an agenda or of minutes: see sources.h.  Every file is
 * named first (the work tree's list, or a walk of the commit's tree that
 * reads no file), then only what the document needs is read: the
 * initiative, the members, the meeting, and the earlier meetings (the
 * agenda) or the later ones up to the next planned (the minutes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/layout.h"
#include "filecache.h"
#include "internal.h"
#include "planned.h"
#include "sources.h"

/* A file of the initiative: its name and, in a commit, its blob; its
 * kind and a meeting's number, by its name (told once: 3,000 names were
 * told apart four times over). */
struct agenda_later {
	char *file;
	struct store_oid blob;
	enum schema_kind kind;
	long number;   /* a meeting's number; 0: not a meeting */
	size_t taken;  /* its stat's index in struct reader's, or NOT_TAKEN */
};

#define NOT_TAKEN ((size_t)-1)

/* A file of the work tree the document was made from (the name is the
 * listing's, not a copy), the git id of what was read of it, and whether
 * it is executable (as git's tree says it: 100755). */
struct used {
	const char *file;
	struct store_oid id;
	int exec;
};

/* Where the files come from: the work tree, or a commit (at). */
struct reader {
	struct store *s;
	const struct store_oid *at;
	struct filecache *fc;  /* the work tree's: what earlier runs learned */
	int compare;           /* note what is used, to compare with a commit */
	struct used *used;
	size_t nused, capused;
	/* the stats of the member files, then of the later meetings (the
	 * minutes), in the order of the names, taken on other threads while
	 * the rest is read (store_stats_begin()): files[i] is the name's own
	 * pointer, so that each file finds its own */
	struct store_stats stats;
	int stating;
	char **files;
	struct stat *st;
	int *ok;
	size_t n, nmembers, at_member, at_later;
};

static int read_one(struct reader *rd, const struct agenda_later *f, char **data, size_t *len,
		    struct err *err)
{
	return rd->at ? store_blob_read(rd->s, &f->blob, data, len, err)
		      : store_read(rd->s, f->file, data, len, err);
}

static int use(struct reader *rd, const char *file, const struct store_oid *id,
	       const struct stat *st)
{
	struct used *nv;

	if (!rd->compare)
		return 0;
	if (rd->nused == rd->capused) {
		size_t cap = rd->capused ? rd->capused * 2 : 64;

		if (!(nv = realloc(rd->used, cap * sizeof(*nv))))
			return ERR_NOMEM;
		rd->used = nv;
		rd->capused = cap;
	}
	nv = rd->used;
	nv[rd->nused].file = file;
	nv[rd->nused].exec = st && (st->st_mode & S_IXUSR);
	nv[rd->nused++].id = *id;
	return 0;
}

static int use_data(struct reader *rd, const char *file, const char *data, size_t len)
{
	struct store_oid id;

	if (!rd->compare)
		return 0;
	store_blob_id(&id, data, len);
	return use(rd, file, &id, NULL);
}

/* Loads a file; one that does not load is left out (validate says why),
 * unless it is the one the document is of. */
static int load(struct reader *rd, const struct agenda_later *f, struct doc **out, struct err *err)
{
	char *data = NULL;
	size_t len;
	int rc;

	*out = NULL;
	if ((rc = read_one(rd, f, &data, &len, err)) < 0)
		return rc;
	rc = doc_load(out, data, len, err);
	if (rc >= 0 && use_data(rd, f->file, data, len) < 0)
		rc = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	free(data);
	return rc;
}

/*
 * A member file: what an earlier run learned of it when it has not
 * changed since (a group of 2,000: most of the minutes' time was in
 * reading these), else the file, and what is learned goes into the cache.
 */
static int take_member(struct agenda_sources *src, struct reader *rd, const struct agenda_later *f)
{
	size_t before = src->members.n, blen;
	struct buf packed = BUF_INIT;
	struct store_oid id;
	const char *bytes;
	struct stat st;
	char *data = NULL;
	size_t len;
	struct err e;
	int rc, known = 0;

	if (rd->at_member < rd->nmembers && rd->files[rd->at_member] == f->file &&
	    rd->ok[rd->at_member++]) {
		st = rd->st[rd->at_member - 1];
		known = 1;
		if (filecache_get(rd->fc, f->file, &st, &id, &bytes, &blen) &&
		    (rc = agenda_members_add_packed(&src->members, bytes, blen)) != -1)
			return rc < 0 ? rc : use(rd, f->file, &id, &st);
	}
	err_clear(&e);
	if ((rc = read_one(rd, f, &data, &len, &e)) < 0)
		return rc == ERR_NOMEM ? ERR_NOMEM : 0;
	rc = agenda_members_add_text(&src->members, f->file, data, len);
	if (rc == 0 && (known || rd->compare)) {
		store_blob_id(&id, data, len);
		if (src->members.n > before)
			rc = agenda_member_pack(&packed, &src->members.v[before]);
		if (rc == 0 && known)
			rc = filecache_put(rd->fc, f->file, &st, &id, packed.ptr, packed.len);
		if (rc == 0)
			rc = use(rd, f->file, &id, known ? &st : NULL);
	}
	free(data);
	buf_release(&packed);
	return rc;
}

/* Sorts out one file by its name; loads what the document needs. */
static int take(struct agenda_sources *src, struct reader *rd, const struct agenda_later *f,
		struct err *err)
{
	const char *file = f->file;
	enum schema_kind kind = f->kind;
	struct doc *doc;
	struct err e;
	long n = f->number;

	err_clear(&e);
	if (!strcmp(file, LAYOUT_INITIATIVE)) {
		if (load(rd, f, &src->initiative, &e) == ERR_NOMEM)
			return ERR_NOMEM;
		return 0;
	}
	if (kind == KIND_MEMBER)
		return take_member(src, rd, f);
	if (kind != KIND_MEETING || !n)
		return 0;
	{
		long *nv = realloc(src->numbers, (src->nnumbers + 1) * sizeof(*nv));

		if (!nv)
			return ERR_NOMEM;
		src->numbers = nv;
		nv[src->nnumbers++] = n;
	}
	if (n == src->number)
		return load(rd, f, &src->meeting, err) < 0 ? -1 : 0;
	if (src->minutes && n > src->number) {
		/* only the next planned one is named: loaded later, in order */
		struct agenda_later *nv = realloc(src->later, (src->nlater + 1) * sizeof(*nv));

		if (!nv)
			return ERR_NOMEM;
		src->later = nv;
		if (!(nv[src->nlater].file = strdup(file)))
			return ERR_NOMEM;
		nv[src->nlater].kind = kind;
		nv[src->nlater].number = n;
		nv[src->nlater].taken = NOT_TAKEN;
		if (rd->nmembers + rd->at_later < rd->n && rd->files[rd->nmembers + rd->at_later] == file)
			nv[src->nlater].taken = rd->nmembers + rd->at_later++;
		nv[src->nlater++].blob = f->blob;
		return 0;
	}
	if (src->minutes || n > src->number)
		return 0;
	/* the agenda lists the actions still open from earlier meetings */
	if (load(rd, f, &doc, &e) == ERR_NOMEM)
		return ERR_NOMEM;
	if (doc && meetings_add(&src->meetings, file, doc) < 0) {
		doc_free(doc);
		return ERR_NOMEM;
	}
	doc_free(doc);
	return 0;
}

static int by_number(const void *a, const void *b)
{
	long x = ((const struct agenda_later *)a)->number;
	long y = ((const struct agenda_later *)b)->number;

	return (x > y) - (x < y);
}

static int by_value(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* The later meetings, in order, until the first planned one. */
static int take_later(struct agenda_sources *src, struct reader *rd)
{
	struct store_oid *blobs = NULL, id;
	struct stat *st = NULL;
	struct doc *doc;
	char **files;
	size_t i, which, taken = 0;
	int rc, *ok = NULL;

	if (!src->nlater)  /* qsort() takes no NULL, even for nothing */
		return 0;
	qsort(src->later, src->nlater, sizeof(*src->later), by_number);
	for (i = 0; i < src->nlater; i++)
		taken += src->later[i].taken != NOT_TAKEN;
	files = malloc(src->nlater * sizeof(*files));
	if (rd->at)  /* a commit: each blob by its id */
		blobs = malloc(src->nlater * sizeof(*blobs));
	if (taken == src->nlater) {  /* their stats, in the same order */
		st = malloc(src->nlater * sizeof(*st));
		ok = malloc(src->nlater * sizeof(*ok));
	}
	if (!files || (rd->at && !blobs) || (taken == src->nlater && (!st || !ok))) {
		free(files);
		free(blobs);
		free(st);
		free(ok);
		return ERR_NOMEM;
	}
	for (i = 0; i < src->nlater; i++) {
		files[i] = src->later[i].file;
		if (blobs)
			blobs[i] = src->later[i].blob;
		if (st) {
			st[i] = rd->st[src->later[i].taken];
			ok[i] = rd->ok[src->later[i].taken];
		}
	}
	rc = store_first_planned(rd->s, rd->at, rd->fc, files, blobs, src->nlater, st, ok, &doc,
				 &which, &id);
	free(files);
	free(blobs);
	free(st);
	free(ok);
	if (rc < 0 || !doc)
		return rc;
	rc = meetings_add(&src->meetings, src->later[which].file, doc);
	doc_free(doc);
	return rc < 0 ? rc : use(rd, src->later[which].file, &id, NULL);
}

/* The files of a commit, as the walk of its tree finds them: their names
 * and blobs, none read. */
struct names {
	struct agenda_later *v;
	size_t n;
	int nomem;
};

static int add_name(const char *root, const git_tree_entry *e, void *ctx)
{
	struct names *names = ctx;
	struct agenda_later *nv;
	size_t len;

	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
		return 0;  /* a folder: walked into */
	if (!(nv = realloc(names->v, (names->n + 1) * sizeof(*nv))))
		goto nomem;
	names->v = nv;
	len = strlen(root) + strlen(git_tree_entry_name(e)) + 1;
	if (!(nv[names->n].file = malloc(len)))
		goto nomem;
	snprintf(nv[names->n].file, len, "%s%s", root, git_tree_entry_name(e));
	memcpy(nv[names->n++].blob.id, git_tree_entry_id(e)->id, 20);
	return 0;
nomem:
	names->nomem = 1;
	return -1;
}

static int commit_names(struct store *s, const struct store_oid *at, struct names *names,
			struct err *err)
{
	git_commit *c = NULL;
	git_tree *tree = NULL;
	git_oid id;
	int rc = 0;

	if (store_repo(s, err) < 0)
		return -1;
	memcpy(id.id, at->id, 20);
	if (git_commit_lookup(&c, s->repo, &id) < 0 || git_commit_tree(&tree, c) < 0)
		rc = store_git_fail(err, ERR_INTERNAL, "cannot read the commit's files");
	else if (git_tree_walk(tree, GIT_TREEWALK_PRE, add_name, names) < 0)
		rc = names->nomem ? err_set(err, ERR_NOMEM, 0, 0, "out of memory")
				  : store_git_fail(err, ERR_INTERNAL, "cannot read the commit's files");
	git_tree_free(tree);
	git_commit_free(c);
	return rc;
}

static void names_free(struct agenda_later *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].file);
	free(v);
}

/*
 * The files of folder in the work tree, added to v: as an earlier run
 * found them when the folder has not changed since (a file added, removed
 * or renamed changes it), else as it is now.  0, or ERR_NOMEM.
 */
static int list_folder(struct reader *rd, const char *folder, char ***v, size_t *n, size_t *cap)
{
	static const struct store_oid none;
	struct buf b = BUF_INIT;
	const char *data, *p;
	struct store_oid oid;
	char key[64];
	struct stat st;
	size_t len, i, first = *n;
	int rc, known = 0;

	snprintf(key, sizeof(key), "%s/", folder);
	if (rd->fc && store_file_stat(rd->s, folder, &st) == 0 && S_ISDIR(st.st_mode)) {
		known = 1;
		if (filecache_get(rd->fc, key, &st, &oid, &data, &len) && (!len || !data[len - 1])) {
			for (p = data; p < data + len; p += strlen(p) + 1)
				if (store_list_add(v, n, cap, key, p) < 0)
					return ERR_NOMEM;
			return 0;
		}
	}
	if ((rc = store_list_folder(rd->s, folder, v, n, cap)) < 0 || !known)
		return rc;
	for (i = first; i < *n; i++)
		buf_add(&b, (*v)[i] + strlen(key), strlen((*v)[i] + strlen(key)) + 1);
	rc = buf_failed(&b) ? ERR_NOMEM : filecache_put(rd->fc, key, &st, &none, b.ptr, b.len);
	buf_release(&b);
	return rc;
}

/* The work tree's files an agenda or minutes read: the initiative, the
 * members, the meetings. */
static int work_names(struct reader *rd, char ***v, size_t *n)
{
	size_t cap = 0;
	struct stat st;

	*v = NULL;
	*n = 0;
	if (store_file_stat(rd->s, LAYOUT_INITIATIVE, &st) == 0 &&
	    store_list_add(v, n, &cap, "", LAYOUT_INITIATIVE) < 0)
		return ERR_NOMEM;
	if (list_folder(rd, LAYOUT_MEMBERS, v, n, &cap) < 0 ||
	    list_folder(rd, LAYOUT_MEETINGS, v, n, &cap) < 0)
		return ERR_NOMEM;
	return 0;
}

/* Whether the minutes look at a file of a later meeting: the first
 * planned one after theirs is found among them. */
static int later_of(const struct agenda_sources *src, const struct agenda_later *f)
{
	return src->minutes && f->kind == KIND_MEETING && f->number > src->number;
}

/* Begins the stats, for the cache, of every member file and of the later
 * meetings the minutes may look at, on other threads. */
static int stat_begin(struct reader *rd, const struct agenda_sources *src,
		      const struct names *names)
{
	size_t i, n = 0, later = 0;

	for (i = 0; i < names->n; i++) {
		n += names->v[i].kind == KIND_MEMBER;
		later += later_of(src, &names->v[i]);
	}
	if (!n && !later)
		return 0;
	rd->files = malloc((n + later) * sizeof(*rd->files));
	rd->st = malloc((n + later) * sizeof(*rd->st));
	rd->ok = malloc((n + later) * sizeof(*rd->ok));
	if (!rd->files || !rd->st || !rd->ok)
		return ERR_NOMEM;
	rd->nmembers = n;
	for (i = 0, n = 0; i < names->n; i++)
		if (names->v[i].kind == KIND_MEMBER)
			rd->files[n++] = names->v[i].file;
	for (i = 0; i < names->n; i++)
		if (later_of(src, &names->v[i]))
			rd->files[n++] = names->v[i].file;
	rd->n = n;
	store_stats_begin(&rd->stats, rd->s, rd->files, rd->n, rd->st, rd->ok);
	rd->stating = 1;
	return 0;
}

static int by_file(const void *a, const void *b)
{
	return strcmp(((const struct used *)a)->file, ((const struct used *)b)->file);
}

/* The member files of a commit's members/ folder. */
static size_t members_in(const git_tree *t)
{
	size_t i, n = 0, count = git_tree_entrycount(t);

	for (i = 0; i < count; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(t, i);
		char file[4096];

		snprintf(file, sizeof(file), LAYOUT_MEMBERS "/%s", git_tree_entry_name(e));
		if (git_tree_entry_type(e) == GIT_OBJECT_BLOB && layout_kind(file) == KIND_MEMBER)
			n++;
	}
	return n;
}

/*
 * Whether the member files used are the commit's members/ folder exactly:
 * the git tree they would make ("100644 dana.yaml\0" and the id, in
 * order) has the id of the commit's.  One hash instead of a look-up of
 * each of 2,000 files in a tree read whole; a folder that also holds
 * anything else is not the same, and is compared file by file.  1, 0 or
 * ERR_NOMEM.  rd->used is sorted.
 */
static int members_as_tree(struct reader *rd, const git_tree *root)
{
	const git_tree_entry *e = git_tree_entry_byname(root, LAYOUT_MEMBERS);
	struct buf b = BUF_INIT;
	struct store_oid tree;
	size_t i, cut = strlen(LAYOUT_MEMBERS "/");

	if (!e || git_tree_entry_type(e) != GIT_OBJECT_TREE)
		return 0;
	for (i = 0; i < rd->nused; i++) {
		const struct used *u = &rd->used[i];

		if (layout_kind(u->file) != KIND_MEMBER)
			continue;
		buf_adds(&b, u->exec ? "100755 " : "100644 ");
		buf_add(&b, u->file + cut, strlen(u->file + cut) + 1);
		buf_add(&b, u->id.id, 20);
	}
	if (buf_failed(&b))
		return ERR_NOMEM;
	store_object_id(&tree, b.ptr ? b.ptr : "", b.len, 1);
	buf_release(&b);
	return !memcmp(tree.id, git_tree_entry_id(e)->id, 20);
}

/*
 * Whether what rd used differs from commit c's files: one that differs or
 * that c has not, or a member file of c that was not used (gone from the
 * work tree).  Each folder's tree is read once.  1, 0, or < 0.
 */
static int differs_git(struct reader *rd, const struct store_oid *c, struct err *err)
{
	git_commit *commit = NULL;
	git_tree *root = NULL, *dir = NULL;
	char folder[64] = "";
	size_t i, members = 0;
	int rc = 0, same_members;
	git_oid id;

	if (store_repo(rd->s, err) < 0)
		return -1;
	memcpy(id.id, c->id, 20);
	if (git_commit_lookup(&commit, rd->s->repo, &id) < 0 || git_commit_tree(&root, commit) < 0) {
		git_commit_free(commit);
		return store_git_fail(err, ERR_INTERNAL, "cannot read the commit's files");
	}
	if ((rc = members_as_tree(rd, root)) < 0) {
		git_tree_free(root);
		git_commit_free(commit);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	same_members = rc;
	rc = 0;
	for (i = 0; rc == 0 && i < rd->nused; i++) {
		const char *file = rd->used[i].file, *slash = strchr(file, '/');
		const git_tree_entry *e;

		if (same_members && layout_kind(file) == KIND_MEMBER)
			continue;
		if (slash && ((size_t)(slash - file) != strlen(folder) ||
			      strncmp(file, folder, (size_t)(slash - file)))) {
			git_tree_free(dir);
			dir = NULL;
			snprintf(folder, sizeof(folder), "%.*s", (int)(slash - file), file);
			e = git_tree_entry_byname(root, folder);
			if (!e || git_tree_entry_type(e) != GIT_OBJECT_TREE ||
			    git_tree_lookup(&dir, rd->s->repo, git_tree_entry_id(e)) < 0) {
				rc = 1;  /* the commit has no such folder */
				break;
			}
		}
		e = slash ? git_tree_entry_byname(dir, slash + 1) : git_tree_entry_byname(root, file);
		if (!e || memcmp(git_tree_entry_id(e)->id, rd->used[i].id.id, 20))
			rc = 1;
		if (layout_kind(file) == KIND_MEMBER)
			members++;
	}
	if (rc == 0 && !same_members) {
		const git_tree_entry *e = git_tree_entry_byname(root, LAYOUT_MEMBERS);

		git_tree_free(dir);
		dir = NULL;
		if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE &&
		    git_tree_lookup(&dir, rd->s->repo, git_tree_entry_id(e)) == 0)
			rc = members_in(dir) != members;
		else
			rc = members != 0;
	}
	git_tree_free(dir);
	git_tree_free(root);
	git_commit_free(commit);
	return rc;
}

static void hex_of(char out[41], const struct store_oid *oid)
{
	static const char digits[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 20; i++) {
		out[2 * i] = digits[oid->id[i] >> 4];
		out[2 * i + 1] = digits[oid->id[i] & 15];
	}
	out[40] = '\0';
}

/*
 * differs_git(), remembered: whether the files used differ from commit
 * c's is the same answer for the same files (their names, ids and modes)
 * and the same commit, so the cache keeps it under the commit
 * ("@compare/<id>") with a hash of the files; only HEAD's is kept.
 */
static int differs(struct reader *rd, const struct store_oid *c, struct err *err)
{
	unsigned char sum[FILECACHE_DIGEST + 1];
	struct buf all = BUF_INIT;
	char name[64], hex[41];
	const char *data;
	size_t i, len;
	int rc;

	qsort(rd->used, rd->nused, sizeof(*rd->used), by_file);
	/* the files in order: their names, ids and modes (SHA-1 of these
	 * 80 KB took half a millisecond of the minutes) */
	for (i = 0; i < rd->nused; i++) {
		buf_add(&all, rd->used[i].file, strlen(rd->used[i].file) + 1);
		buf_add(&all, rd->used[i].id.id, 20);
		buf_addc(&all, rd->used[i].exec ? 'x' : '-');
	}
	if (buf_failed(&all))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	filecache_digest(all.ptr ? all.ptr : "", all.len, sum);
	buf_release(&all);
	hex_of(hex, c);
	snprintf(name, sizeof(name), "@compare/%s", hex);
	filecache_listed(rd->fc, "@compare/");
	if (filecache_get_fact(rd->fc, name, &data, &len) && len == sizeof(sum) &&
	    !memcmp(data, sum, FILECACHE_DIGEST) &&
	    (data[FILECACHE_DIGEST] == 0 || data[FILECACHE_DIGEST] == 1))
		return data[FILECACHE_DIGEST];
	if ((rc = differs_git(rd, c, err)) < 0)
		return rc;
	sum[FILECACHE_DIGEST] = (unsigned char)rc;
	if (filecache_put_fact(rd->fc, name, sum, sizeof(sum)) < 0)
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	return rc;
}

/*
 * HEAD, for the minutes of the work tree: its commit from the files of
 * $GIT_DIR, and its short id and date from the cache ("@commit/<id>":
 * a commit never changes), or from libgit2 the first time.  0 with
 * src->has_head set or not (nothing committed yet), or < 0.
 */
static int head_of(struct agenda_sources *src, struct reader *rd, struct err *err)
{
	struct store_commit c;
	char name[64], hex[41];
	const char *data;
	size_t len;
	int rc = store_head_files(rd->s, &src->head);

	if (rc < 0) {  /* libgit2 says */
		if (store_repo(rd->s, err) < 0)
			return -1;
		if (store_is_unborn(rd->s))
			return 0;
		if (store_resolve(rd->s, "HEAD", &c, err) < 0)
			return -1;
		src->head = c.oid;
		store_commit_release(&c);
	} else if (rc == 0) {
		return 0;
	}
	src->has_head = 1;
	hex_of(hex, &src->head);
	snprintf(name, sizeof(name), "@commit/%s", hex);
	filecache_listed(rd->fc, "@commit/");
	if (filecache_get_fact(rd->fc, name, &data, &len) && len == 40 &&
	    memchr(data, '\0', 8) == data + 7 && memchr(data + 8, '\0', 32)) {
		memcpy(src->head_id, data, 8);
		memcpy(src->head_date, data + 8, 32);
		return 0;
	}
	if (store_repo(rd->s, err) < 0 || store_commit_read(rd->s, &src->head, &c, err) < 0)
		return -1;
	snprintf(src->head_id, sizeof(src->head_id), "%s", c.id);
	snprintf(src->head_date, sizeof(src->head_date), "%s", c.date);
	store_commit_release(&c);
	{
		char fact[40] = { 0 };

		memcpy(fact, src->head_id, sizeof(src->head_id));
		memcpy(fact + 8, src->head_date, sizeof(src->head_date));
		if (filecache_put_fact(rd->fc, name, fact, sizeof(fact)) < 0)
			return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	return 0;
}

int store_agenda_sources(struct agenda_sources *src, struct store *s, const struct store_oid *at,
			 struct err *err)
{
	struct reader rd;
	struct names names = { NULL, 0, 0 };
	size_t i;
	int rc;

	memset(&rd, 0, sizeof(rd));
	rd.s = s;
	rd.at = at;
	rd.compare = !at && src->compare;
	if (!at)
		rd.fc = store_filecache_open(s);
	src->has_head = 0;
	if (rd.compare && (rc = head_of(src, &rd, err)) < 0) {
		store_filecache_close(s, rd.fc);
		return rc;
	}
	rd.compare = rd.compare && src->has_head;
	if (at) {
		rc = commit_names(s, at, &names, err);
	} else {
		char **files = NULL;
		size_t n = 0;

		if ((rc = work_names(&rd, &files, &n)) < 0)
			rc = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		else if (!(names.v = calloc(n ? n : 1, sizeof(*names.v))))
			rc = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		for (i = 0; rc == 0 && i < n; i++) {
			names.v[i].file = files[i];
			files[i] = NULL;
		}
		names.n = rc == 0 ? n : 0;
		store_list_free(files, n);
	}
	for (i = 0; i < names.n; i++) {
		names.v[i].kind = layout_kind(names.v[i].file);
		names.v[i].number = names.v[i].kind == KIND_MEETING
					    ? layout_meeting_of_file(names.v[i].file) : 0;
	}
	if (rc >= 0 && rd.fc && (rc = stat_begin(&rd, src, &names)) < 0)
		err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	/* what is not a member first, while the stats are taken */
	for (i = 0; rc >= 0 && i < names.n; i++)
		if (names.v[i].kind != KIND_MEMBER &&
		    (rc = take(src, &rd, &names.v[i], err)) == ERR_NOMEM)
			err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	if (rd.stating)
		store_stats_wait(&rd.stats);
	for (i = 0; rc >= 0 && i < names.n; i++)
		if (names.v[i].kind == KIND_MEMBER &&
		    (rc = take(src, &rd, &names.v[i], err)) == ERR_NOMEM)
			err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	if (rc >= 0)  /* every member file was looked up: the others are gone */
		filecache_listed(rd.fc, LAYOUT_MEMBERS "/");
	if (rc >= 0 && src->minutes)
		rc = take_later(src, &rd);
	if (rc == ERR_NOMEM)
		err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	if (rc >= 0 && rd.compare) {
		if ((rc = differs(&rd, &src->head, err)) >= 0) {
			src->uncommitted = rc;
			rc = 0;
		}
	}
	store_filecache_close(s, rd.fc);
	free(rd.files);
	free(rd.st);
	free(rd.ok);
	free(rd.used);
	names_free(names.v, names.n);  /* what rd.used named */
	agenda_members_sort(&src->members);
	if (src->nnumbers)
		qsort(src->numbers, src->nnumbers, sizeof(*src->numbers), by_value);
	return rc;
}

void store_agenda_sources_release(struct agenda_sources *src)
{
	doc_free(src->initiative);
	doc_free(src->meeting);
	agenda_members_release(&src->members);
	meetings_release(&src->meetings);
	free(src->numbers);
	names_free(src->later, src->nlater);
	memset(src, 0, sizeof(*src));
}
