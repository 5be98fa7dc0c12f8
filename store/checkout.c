/*
 * Moving the work tree and the branch from one commit to another for sync
 * (a fast-forward, a merge), so that a convene killed at any moment leaves
 * nothing that the next command cannot finish, or undo, by itself.
 *
 * libgit2's checkout writes each file in place (open with O_TRUNC, then
 * write): killed in between, it leaves a file cut short, empty or cut at a
 * line end, and the next sync would take it for a hand edit: refused when
 * it does not parse, committed when it does, dropping notes.  So:
 *
 * 1. A journal, $GIT_DIR/convene/checkout, is written first (atomically):
 *    the branch, the commit the work tree is at, the one it goes to.  What
 *    each file was and will be follows from the two commits.
 * 2. Each file is written whole beside itself (<file>.lock, fsync) and
 *    renamed over the old one, so at every moment each file of the change
 *    holds its old content or its new one, never a part.
 * 3. The index, then the branch, move; the journal goes.
 *
 * Only a dead convene leaves a journal (it is made and removed under the
 * edit lock), so the next holder of the lock that finds one looks at each
 * file the change touches:
 *   - its old or its new content (or no file, where that side has none):
 *     the checkout's own doing;
 *   - anything else: someone changed the file after the crash, since sync
 *     commits hand edits before it checks out and holds the lock while it
 *     does (an editor takes no lock, and a killed sync may wait days for
 *     the next command).
 * When every file is the checkout's own, the checkout is finished.  When
 * one is not, it is undone instead: its own files get their old content
 * back, the other file stays as it is, the branch stays on the old commit.
 * That change is then a hand edit of the old commit, which the next sync
 * commits and merges with what came, as any other hand edit.  Finishing
 * instead would put that edit, made from the old file, on top of the
 * merge, and committing it would drop what the merge brought into it.
 *
 * A change with entries that are not plain files (symbolic links,
 * submodules) or with names convene does not write itself is left to
 * libgit2's checkout as it is ("git" in the journal).  There a file may
 * be cut short, so a file that is a beginning of its new content (empty
 * included) also counts as the checkout's own.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git2.h"

#include "internal.h"

enum { AT_OLD = 1, AT_NEW, AT_CUT, AT_OTHER };

struct change {
	char *path;
	git_oid id[2];       /* [0] old, [1] new */
	uint32_t mode[2];    /* 0: no file on that side */
	int at;              /* AT_OLD ... */
};

struct plan {
	char ref[256];       /* the branch, refs/heads/... */
	git_oid from, to;
	int unborn;          /* the branch had no commit yet */
	int git;             /* left to libgit2's checkout */
	struct change *v;
	size_t n;
};

static void plan_release(struct plan *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].path);
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

static void journal_path(struct store *s, char *out, size_t size, const char *suffix)
{
	snprintf(out, size, "%sconvene/checkout%s", git_repository_path(s->repo), suffix);
}

/* A name convene writes itself: no part empty, ".", "..", or one that
 * git would refuse (.git, and what some file systems take for it). */
static int plain_name(const char *path)
{
	const char *p = path, *end;

	if (!*p || *p == '/')
		return 0;
	for (; *p; p = *end ? end + 1 : end) {
		size_t n;

		end = strchr(p, '/');
		if (!end)
			end = p + strlen(p);
		n = (size_t)(end - p);
		while (n && (p[n - 1] == '.' || p[n - 1] == ' '))
			n--;
		if (!n || (n == 4 && !strncasecmp(p, ".git", 4)) || !strncasecmp(p, "git~1", 5) ||
		    memchr(p, '\\', (size_t)(end - p)))
			return 0;
	}
	return 1;
}

static int plain_mode(uint32_t mode)
{
	return mode == 0 || mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

static int commit_tree(git_repository *repo, const git_oid *id, git_tree **out)
{
	git_commit *c;
	int error;

	if ((error = git_commit_lookup(&c, repo, id)) < 0)
		return error;
	error = git_commit_tree(out, c);
	git_commit_free(c);
	return error;
}

/* The files that differ between p->from and p->to. */
static int plan_files(struct store *s, struct plan *p, struct err *err)
{
	git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
	git_tree *a = NULL, *b = NULL;
	git_diff *diff = NULL;
	size_t i, n;
	int error = 0;

	if ((!p->unborn && commit_tree(s->repo, &p->from, &a) < 0) ||
	    commit_tree(s->repo, &p->to, &b) < 0 ||
	    git_diff_tree_to_tree(&diff, s->repo, a, b, &opts) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot compare the two commits");
		goto done;
	}
	n = git_diff_num_deltas(diff);
	if (!(p->v = calloc(n ? n : 1, sizeof(*p->v)))) {
		error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		goto done;
	}
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		struct change *c = &p->v[p->n];

		if (!(c->path = strdup(d->new_file.path ? d->new_file.path : d->old_file.path))) {
			error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		p->n++;
		if (d->status != GIT_DELTA_ADDED) {
			c->id[0] = d->old_file.id;
			c->mode[0] = d->old_file.mode;
		}
		if (d->status != GIT_DELTA_DELETED) {
			c->id[1] = d->new_file.id;
			c->mode[1] = d->new_file.mode;
		}
		if (!plain_mode(c->mode[0]) || !plain_mode(c->mode[1]) || !plain_name(c->path))
			p->git = 1;
	}
done:
	git_diff_free(diff);
	git_tree_free(a);
	git_tree_free(b);
	return error;
}

/* A blob's content as the work tree has it (through the filters of its
 * path, as a checkout writes it; binary ones too: libgit2's option to
 * skip them gives nothing at all for them). */
static int blob_content(struct store *s, const git_oid *id, const char *path, git_buf *out)
{
	git_blob_filter_options fo = GIT_BLOB_FILTER_OPTIONS_INIT;
	git_blob *blob;
	int error;

	fo.flags &= ~(uint32_t)GIT_BLOB_FILTER_CHECK_FOR_BINARY;
	if ((error = git_blob_lookup(&blob, s->repo, id)) < 0)
		return error;
	error = git_blob_filter(out, blob, path, &fo);
	git_blob_free(blob);
	return error;
}

/* Whether the file at full begins with the blob's content (as written
 * out); a file cut short by libgit2 does. */
static int is_beginning(struct store *s, const struct change *c, const char *full)
{
	git_buf want = GIT_BUF_INIT;
	char chunk[8192];
	size_t at = 0;
	ssize_t got;
	int fd, same = 0;

	if (!c->mode[1] || blob_content(s, &c->id[1], c->path, &want) < 0)
		goto done;
	if ((fd = open(full, O_RDONLY | O_CLOEXEC)) < 0)
		goto done;
	same = 1;
	while (same && (got = read(fd, chunk, sizeof(chunk))) > 0) {
		if (at + (size_t)got > want.size || memcmp(want.ptr + at, chunk, (size_t)got))
			same = 0;
		at += (size_t)got;
	}
	close(fd);
done:
	git_error_clear();
	git_buf_dispose(&want);
	return same;
}

/*
 * Where the work tree's file stands: AT_NEW, AT_OLD, AT_CUT (a beginning
 * of the new content, counted only when cut is set), or AT_OTHER.  A path
 * that passes through a symbolic link is AT_OTHER for convene's own
 * writes, and no file for libgit2's (git does not follow them); one that
 * passes through a file is no file (see blocked()).
 */
static int where(struct store *s, const struct change *c, int cut)
{
	const char *top = git_repository_workdir(s->repo);
	char full[4096], *slash;
	struct stat st;
	git_oid id;
	int side, exists;

	if ((size_t)snprintf(full, sizeof(full), "%s%s", top, c->path) >= sizeof(full))
		return AT_OTHER;
	for (slash = strchr(full + strlen(top), '/'); slash; slash = strchr(slash + 1, '/')) {
		int link;

		*slash = '\0';
		link = lstat(full, &st) == 0 && !S_ISDIR(st.st_mode);
		*slash = '/';
		if (link && S_ISLNK(st.st_mode) && !cut)
			return AT_OTHER;
		if (link)
			return !c->mode[1] ? AT_NEW : !c->mode[0] ? AT_OLD : AT_OTHER;
	}
	exists = lstat(full, &st) == 0;
	if (!exists && errno != ENOENT && errno != ENOTDIR)
		return AT_OTHER;
	if (!exists)
		return !c->mode[1] ? AT_NEW : !c->mode[0] ? AT_OLD : AT_OTHER;
	if (S_ISREG(st.st_mode)) {
		if (git_repository_hashfile(&id, s->repo, full, GIT_OBJECT_BLOB, c->path) < 0) {
			git_error_clear();
			return AT_OTHER;
		}
	} else if (S_ISLNK(st.st_mode)) {
		char target[4096];
		ssize_t n = readlink(full, target, sizeof(target));

		if (n < 0 || git_odb_hash(&id, target, (size_t)n, GIT_OBJECT_BLOB) < 0)
			return AT_OTHER;
	} else {
		/* a folder: a submodule's, or in the way */
		for (side = 1; side >= 0; side--)
			if (S_ISDIR(st.st_mode) && c->mode[side] == GIT_FILEMODE_COMMIT)
				return side ? AT_NEW : AT_OLD;
		return AT_OTHER;
	}
	for (side = 1; side >= 0; side--) {
		uint32_t m = c->mode[side];

		if (!m || !git_oid_equal(&id, &c->id[side]) ||
		    (S_ISLNK(st.st_mode) != (m == GIT_FILEMODE_LINK)))
			continue;
		/* only the mode changed: the executable bit tells */
		if (git_oid_equal(&c->id[0], &c->id[1]) && c->mode[0] && c->mode[1] &&
		    !!(st.st_mode & 0100) != (m == GIT_FILEMODE_BLOB_EXECUTABLE))
			continue;
		return side ? AT_NEW : AT_OLD;
	}
	if (cut && S_ISREG(st.st_mode) && is_beginning(s, c, full))
		return AT_CUT;
	return AT_OTHER;
}

/* Whether a file of the work tree stands where c needs a folder, and the
 * change does not remove it: writing c would fail half-way. */
static int blocked(struct store *s, const struct plan *p, const struct change *c)
{
	char part[4096];
	const char *slash;
	struct stat st;
	size_t i;

	if (!c->mode[1])
		return 0;
	for (slash = strchr(c->path, '/'); slash; slash = strchr(slash + 1, '/')) {
		snprintf(part, sizeof(part), "%s%.*s", git_repository_workdir(s->repo),
			 (int)(slash - c->path), c->path);
		if (lstat(part, &st) < 0 || S_ISDIR(st.st_mode))
			continue;
		for (i = 0; i < p->n; i++)
			if (!p->v[i].mode[1] && strlen(p->v[i].path) == (size_t)(slash - c->path) &&
			    !strncmp(p->v[i].path, c->path, (size_t)(slash - c->path)))
				break;
		if (i == p->n)
			return 1;
	}
	return 0;
}

/* Removes the folders of path that are left empty, up to the top. */
static void prune(const char *top, char *full)
{
	char *slash;

	while ((slash = strrchr(full, '/')) && (size_t)(slash - full) >= strlen(top)) {
		*slash = '\0';
		if (strlen(full) < strlen(top) || rmdir(full) < 0)
			break;
	}
}

/* Puts one file as the given side has it: written whole, then renamed
 * into place; or removed. */
static int put(struct store *s, const struct change *c, int side, struct err *err)
{
	const char *top = git_repository_workdir(s->repo);
	git_buf data = GIT_BUF_INIT;
	char full[4096];
	int error;

	snprintf(full, sizeof(full), "%s%s", top, c->path);
	if (!c->mode[side]) {
		if (unlink(full) < 0 && errno != ENOENT)
			return err_set(err, ERR_INTERNAL, 0, 0, "cannot remove '%s': %s", c->path,
				       strerror(errno));
		prune(top, full);
		return 0;
	}
	if (blob_content(s, &c->id[side], c->path, &data) < 0) {
		git_buf_dispose(&data);
		return store_git_fail(err, ERR_INTERNAL, "cannot read a file of the commit");
	}
	error = store_write_file(s, c->path, data.ptr, data.size,
				 c->mode[side] == GIT_FILEMODE_BLOB_EXECUTABLE ? 0777 : 0666, err);
	git_buf_dispose(&data);
	return error;
}

/* The index entries of the plan's paths, as side has them; the files
 * the work tree has at that side are stat'ed, the others (a change made
 * after a crash) get no stat, so that git sees them as changed. */
static int put_index(struct store *s, const struct plan *p, int side, struct err *err)
{
	git_index *index;
	size_t i;
	int error = 0;

	if (git_repository_index(&index, s->repo) < 0 || git_index_read(index, 0) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read the index");
	for (i = 0; i < p->n && !error; i++) {
		const struct change *c = &p->v[i];
		int here = c->at == (side ? AT_NEW : AT_OLD);

		if (!c->mode[side]) {
			error = git_index_remove_bypath(index, c->path);
		} else if (here) {
			error = git_index_add_bypath(index, c->path);
		} else {
			git_index_entry e;

			memset(&e, 0, sizeof(e));
			e.path = c->path;
			e.mode = c->mode[side];
			e.id = c->id[side];
			if (git_index_conflict_remove(index, c->path) < 0)
				git_error_clear();  /* there was none */
			error = git_index_add(index, &e);
		}
	}
	if (!error)
		error = git_index_write(index);
	git_index_free(index);
	if (error < 0)
		return store_git_fail(err, error == GIT_ELOCKED ? ERR_REFUSED : ERR_INTERNAL,
				      "cannot write the index");
	return 0;
}

/* libgit2's checkout of the given side, forced on the plan's paths that
 * are at state (or, with state 0, all of them); it also updates the index. */
static int git_side(struct store *s, const struct plan *p, int side, int state, struct err *err)
{
	git_checkout_options co = GIT_CHECKOUT_OPTIONS_INIT;
	git_object *target = NULL;
	char **paths = calloc(p->n + 1, sizeof(char *));
	size_t i, n = 0;
	int error = 0;

	if (!paths)
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	for (i = 0; i < p->n; i++) {
		const struct change *c = &p->v[i];

		if (state && c->at != state)
			continue;
		if (!c->mode[side]) {
			/* nothing on that side (the branch was unborn, say) */
			char full[4096];

			snprintf(full, sizeof(full), "%s%s", git_repository_workdir(s->repo), c->path);
			if (unlink(full) < 0 && errno != ENOENT && errno != EISDIR)
				error = err_set(err, ERR_INTERNAL, 0, 0, "cannot remove '%s': %s",
						c->path, strerror(errno));
			continue;
		}
		paths[n++] = c->path;
	}
	if (!error && n && side == 0 && p->unborn)
		n = 0;
	if (!error && n) {
		co.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH;
		co.paths.strings = paths;
		co.paths.count = n;
		if (git_object_lookup(&target, s->repo, side ? &p->to : &p->from, GIT_OBJECT_COMMIT) < 0 ||
		    git_checkout_tree(s->repo, target, &co) < 0)
			error = store_git_fail(err, ERR_INTERNAL, "cannot update the work tree");
	}
	git_object_free(target);
	free(paths);
	return error;
}

static int write_journal(struct store *s, const struct plan *p, struct err *err)
{
	char path[4200], tmp[4200], from[GIT_OID_HEXSZ + 1], to[GIT_OID_HEXSZ + 1];
	FILE *f;
	int ok;

	journal_path(s, path, sizeof(path), "");
	journal_path(s, tmp, sizeof(tmp), ".lock");
	*strrchr(tmp, '/') = '\0';
	if (mkdir(tmp, 0777) < 0 && errno != EEXIST)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot make %s: %s", tmp, strerror(errno));
	journal_path(s, tmp, sizeof(tmp), ".lock");
	git_oid_tostr(from, sizeof(from), &p->from);
	git_oid_tostr(to, sizeof(to), &p->to);
	if (!(f = fopen(tmp, "w")))
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write %s: %s", tmp, strerror(errno));
	fprintf(f, "convene checkout 1\nref %s\nfrom %s\nto %s\nwrite %s\n", p->ref,
		p->unborn ? "none" : from, to, p->git ? "git" : "convene");
	ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) < 0) {
		unlink(tmp);
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write %s: %s", path, strerror(errno));
	}
	store_fsync_dir(path);
	return 0;
}

/* The journal's plan; 0 when there is none (or it says nothing usable). */
static int read_journal(struct store *s, struct plan *p)
{
	char path[4200], line[512], key[16], value[240];
	int have = 0, legacy = 0;
	FILE *f;

	memset(p, 0, sizeof(*p));
	journal_path(s, path, sizeof(path), "");
	if (!(f = fopen(path, "r"))) {
		/* what convene 0.x left: "OLD NEW" of a merge, written by
		 * libgit2's checkout */
		snprintf(path, sizeof(path), "%sconvene-merge", git_repository_path(s->repo));
		if (!(f = fopen(path, "r")))
			return 0;
		legacy = 1;
	}
	if (legacy) {
		if (fgets(line, sizeof(line), f) && strlen(line) > 2 * GIT_OID_HEXSZ &&
		    git_oid_fromstrn(&p->from, line, GIT_OID_HEXSZ) == 0 &&
		    git_oid_fromstrn(&p->to, line + GIT_OID_HEXSZ + 1, GIT_OID_HEXSZ) == 0)
			have = 7;
		p->git = 1;
	}
	while (!legacy && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%15s %239s", key, value) != 2)
			continue;
		if (!strcmp(key, "ref") && !strncmp(value, "refs/heads/", 11))
			have |= 1, snprintf(p->ref, sizeof(p->ref), "%s", value);
		else if (!strcmp(key, "from") && !strcmp(value, "none"))
			have |= 2, p->unborn = 1;
		else if (!strcmp(key, "from") && git_oid_fromstr(&p->from, value) == 0)
			have |= 2;
		else if (!strcmp(key, "to") && git_oid_fromstr(&p->to, value) == 0)
			have |= 4;
		else if (!strcmp(key, "write"))
			p->git = !strcmp(value, "git");
	}
	fclose(f);
	git_error_clear();
	return have == 7 || (legacy && have) ? 1 : 0;
}

static void remove_journal(struct store *s)
{
	char path[4200];

	journal_path(s, path, sizeof(path), "");
	unlink(path);
	snprintf(path, sizeof(path), "%sconvene-merge", git_repository_path(s->repo));
	unlink(path);
}

/* The branch HEAD names, refs/heads/...: ERR_USAGE when detached. */
static int head_branch(struct store *s, char *out, size_t size, struct err *err)
{
	git_reference *head;
	const char *name;

	if (git_reference_lookup(&head, s->repo, "HEAD") < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read HEAD");
	name = git_reference_symbolic_target(head);
	if (!name || strncmp(name, "refs/heads/", 11)) {
		git_reference_free(head);
		err_set(err, ERR_USAGE, 0, 0, "HEAD is detached (not on a branch); sync needs a branch");
		err_hint(err, "go back to your branch: git switch main");
		return ERR_USAGE;
	}
	snprintf(out, size, "%s", name);
	git_reference_free(head);
	return 0;
}

static int move_branch(struct store *s, const struct plan *p, const char *why, struct err *err)
{
	git_reference *ref = NULL;
	int error;

	if (p->unborn)
		error = git_reference_create(&ref, s->repo, p->ref, &p->to, 0, why);
	else
		error = git_reference_create_matching(&ref, s->repo, p->ref, &p->to, 1, &p->from, why);
	git_reference_free(ref);
	if (error < 0)
		return store_git_fail(err, error == GIT_ELOCKED ? ERR_REFUSED : ERR_INTERNAL,
				      "cannot move the branch");
	return 0;
}

/* Every file to side (those not there yet), the index, the branch (when
 * going forward).  Directories of renamed files are synced before the
 * index and branch say the change is made. */
static int apply(struct store *s, struct plan *p, int side, const char *why, struct err *err)
{
	const char *top = git_repository_workdir(s->repo);
	char full[4096], synced[4096] = "", *slash;
	size_t i;
	int error = 0, here = side ? AT_NEW : AT_OLD;

	if (p->git) {
		/* libgit2 writes, and keeps its index entries */
		if (side)
			error = git_side(s, p, 1, 0, err);
		else if ((error = git_side(s, p, 0, AT_NEW, err)) == 0 &&
			 (error = git_side(s, p, 0, AT_CUT, err)) == 0) {
			for (i = 0; i < p->n; i++)
				if (p->v[i].at != AT_OTHER)
					p->v[i].at = AT_OLD;
			error = put_index(s, p, 0, err);
		}
	} else {
		/* removals first: a file may give way to a folder */
		for (i = 0; i < p->n && !error; i++)
			if (p->v[i].at != here && p->v[i].at != AT_OTHER && !p->v[i].mode[side])
				error = put(s, &p->v[i], side, err);
		for (i = 0; i < p->n && !error; i++)
			if (p->v[i].at != here && p->v[i].at != AT_OTHER && p->v[i].mode[side])
				error = put(s, &p->v[i], side, err);
		/* the renames on disk before the index and branch say so */
		for (i = 0; i < p->n && !error; i++) {
			if (p->v[i].at == AT_OTHER)
				continue;
			p->v[i].at = here;
			snprintf(full, sizeof(full), "%s%s", top, p->v[i].path);
			if ((slash = strrchr(full, '/')))
				*slash = '\0';
			if (strcmp(full, synced)) {
				snprintf(synced, sizeof(synced), "%s", full);
				strcat(full, "/x");
				store_fsync_dir(full);
			}
		}
		if (!error)
			error = put_index(s, p, side, err);
	}
	if (!error && side)
		error = move_branch(s, p, why, err);
	return error;
}

int store_checkout(struct store *s, const git_oid *from, const git_oid *to, const char *why,
		   struct err *err)
{
	struct plan p;
	size_t i;
	int error;

	memset(&p, 0, sizeof(p));
	if ((error = head_branch(s, p.ref, sizeof(p.ref), err)) < 0)
		return error;
	p.unborn = !from;
	if (from)
		p.from = *from;
	p.to = *to;
	if ((error = plan_files(s, &p, err)) < 0)
		goto done;
	if (p.git) {
		/* not plain files only: libgit2's checkout, as git's, with
		 * the journal to finish it */
		git_checkout_options co = GIT_CHECKOUT_OPTIONS_INIT;
		git_object *target;

		if ((error = write_journal(s, &p, err)) < 0)
			goto done;
		co.checkout_strategy = GIT_CHECKOUT_SAFE;
		if (git_object_lookup(&target, s->repo, to, GIT_OBJECT_COMMIT) < 0) {
			error = store_git_fail(err, ERR_INTERNAL, "cannot read the commit");
			remove_journal(s);
			goto done;
		}
		error = git_checkout_tree(s->repo, target, &co);
		git_object_free(target);
		if (error < 0) {
			error = store_git_fail(err, error == GIT_ECONFLICT ? ERR_REFUSED : ERR_INTERNAL,
					       "cannot update the work tree");
			if (error == ERR_REFUSED)
				err_hint(err, "a file in the way is not committed; commit or move it, then sync again");
			remove_journal(s);
			goto done;
		}
		if ((error = move_branch(s, &p, why, err)) == 0)
			remove_journal(s);
		goto done;
	}
	/* as libgit2's safe checkout: a file that is neither as the old
	 * commit nor as the new one has it is someone's, and not touched */
	for (i = 0; i < p.n; i++) {
		if ((p.v[i].at = where(s, &p.v[i], 0)) == AT_OTHER)
			err_set(err, ERR_REFUSED, 0, 0, "cannot update the work tree: '%s' has changes that are not committed",
				p.v[i].path);
		else if (blocked(s, &p, &p.v[i]))
			err_set(err, ERR_REFUSED, 0, 0, "cannot update the work tree: a file that is not committed stands where '%s' needs a folder",
				p.v[i].path);
		else
			continue;
		err_hint(err, "commit or move it, then sync again");
		error = ERR_REFUSED;
		goto done;
	}
	if ((error = write_journal(s, &p, err)) < 0)
		goto done;
	/* killed or failed from here on, the next command finishes it */
	if ((error = apply(s, &p, 1, why, err)) == 0)
		remove_journal(s);
done:
	plan_release(&p);
	return error;
}

int store_checkout_recover(struct store *s, struct err *err)
{
	char ref[256], lock[4200], full[4096];
	git_reference *head = NULL;
	const git_oid *at;
	struct plan p;
	size_t i, other = (size_t)-1;
	int error = 0;

	s->resumed[0] = s->undone[0] = '\0';
	journal_path(s, lock, sizeof(lock), ".lock");
	unlink(lock);  /* a journal being written: nothing had started */
	if (!read_journal(s, &p)) {
		remove_journal(s);
		return 0;
	}
	if (!p.ref[0] && head_branch(s, p.ref, sizeof(p.ref), err) < 0) {
		err_clear(err);
		goto drop;
	}
	/* only while the branch is where the checkout left it: moved on
	 * (by git, say), the journal speaks of another state */
	if (head_branch(s, ref, sizeof(ref), err) < 0 || strcmp(ref, p.ref)) {
		err_clear(err);
		goto drop;
	}
	if (git_reference_lookup(&head, s->repo, p.ref) < 0) {
		git_error_clear();
		if (!p.unborn)
			goto drop;
	} else {
		at = git_reference_target(head);
		if (!at || p.unborn || !git_oid_equal(at, &p.from))
			goto drop;  /* finished but for the journal, or moved on */
	}
	if (plan_files(s, &p, err) < 0) {
		/* its commits cannot be read (lost with a power cut, say):
		 * what it wrote stays, as hand edits of the old commit */
		err_clear(err);
		goto drop;
	}
	for (i = 0; i < p.n; i++) {
		if (!p.git) {
			/* the file being written when it died */
			snprintf(full, sizeof(full), "%s%s.lock", git_repository_workdir(s->repo),
				 p.v[i].path);
			unlink(full);
		}
		p.v[i].at = where(s, &p.v[i], p.git);
		if (!p.git && p.v[i].at != AT_NEW && blocked(s, &p, &p.v[i]))
			p.v[i].at = AT_OTHER;
		if (p.v[i].at == AT_OTHER && other == (size_t)-1)
			other = i;
	}
	if (other == (size_t)-1) {
		if ((error = apply(s, &p, 1, "convene sync: finished after a crash", err)) < 0)
			goto done;
		git_oid_tostr(s->resumed, sizeof(s->resumed), &p.to);
	} else {
		if ((error = apply(s, &p, 0, NULL, err)) < 0)
			goto done;
		snprintf(s->undone, sizeof(s->undone), "%s", p.v[other].path);
	}
drop:
	remove_journal(s);
done:
	if (error < 0)
		err_hint(err, "an interrupted sync could not be finished; the next convene command tries again");
	git_reference_free(head);
	plan_release(&p);
	return error;
}
