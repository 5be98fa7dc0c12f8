/*
 * git's bundle files (sync.h): for sites with no network at all, history
 * carried on a USB stick.  libgit2 cannot fetch from a bundle, so the
 * format is written and read here: a header of text lines, then a pack.
 *
 *   # v2 git bundle
 *   -<prerequisite id> <subject>      commits the reader must have
 *   <id> refs/heads/main              what it brings
 *   <id> HEAD
 *   <id> refs/convene/from/<site>     who made it (ignored by git)
 *   (blank line)
 *   PACK...
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "git2.h"

#include "core/layout.h"
#include "internal.h"
#include "sync.h"

/* ---- writing ---- */

struct pack_out {
	FILE *f;
	int failed;
};

static int write_chunk(void *buf, size_t size, void *payload)
{
	struct pack_out *o = payload;

	if (fwrite(buf, 1, size, o->f) != size) {
		o->failed = 1;
		return -1;
	}
	return 0;
}

/* What the other side is known to have: refs/convene/sites/<for> (the
 * last bundle that came from that site), else refs/remotes/<for>/<branch>
 * (the last sync with that remote).  0 when found. */
static int known_tip(struct store *s, const char *who, const char *branch, git_oid *out)
{
	char ref[600];

	layout_ref_site(ref, sizeof(ref), who);
	if (git_reference_name_to_id(out, s->repo, ref) == 0)
		return 0;
	snprintf(ref, sizeof(ref), "refs/remotes/%s/%s", who, branch);
	if (git_reference_name_to_id(out, s->repo, ref) == 0)
		return 0;
	git_error_clear();
	return -1;
}

int store_bundle_create(struct store *s, const char *file, const char *who, size_t *commits,
			struct err *err)
{
	git_packbuilder *pb = NULL;
	git_revwalk *walk = NULL;
	git_commit *pre = NULL;
	git_oid head, since, id;
	struct pack_out o = { NULL, 0 };
	struct store_tmp t = { .fd = -1 };
	char branch[256], hex[GIT_OID_HEXSZ + 1];
	const char *site = store_site(s);
	int error, have_since = 0, fd = -1;

	*commits = 0;
	if ((error = store_branch(s, branch, sizeof(branch), err)) < 0)
		return error;
	if (git_reference_name_to_id(&head, s->repo, "HEAD") < 0)
		return store_git_fail(err, ERR_USAGE, "nothing is committed yet");
	if (who) {
		if (known_tip(s, who, branch, &since) < 0) {
			err_set(err, ERR_USAGE, 0, 0, "nothing is known of what '%s' has", who);
			err_hint(err, "name a site a bundle came from, or a remote; or leave out --for to bundle everything");
			return ERR_USAGE;
		}
		have_since = git_graph_descendant_of(s->repo, &head, &since) == 1;
		if (!have_since && (git_oid_equal(&head, &since) ||
				    git_graph_descendant_of(s->repo, &since, &head) == 1)) {
			err_set(err, ERR_DATA, 0, 0, "nothing to bundle: %s has every commit of this site", who);
			return ERR_DATA;
		}
	}
	if (git_revwalk_new(&walk, s->repo) < 0 || git_revwalk_push(walk, &head) < 0 ||
	    (have_since && git_revwalk_hide(walk, &since) < 0) ||
	    git_packbuilder_new(&pb, s->repo) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot walk the history");
		goto done;
	}
	/* count the commits, then walk again for the pack */
	while (git_revwalk_next(&id, walk) == 0)
		(*commits)++;
	git_error_clear();
	git_revwalk_reset(walk);
	if (git_revwalk_push(walk, &head) < 0 || (have_since && git_revwalk_hide(walk, &since) < 0) ||
	    git_packbuilder_insert_walk(pb, walk) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot gather the objects");
		goto done;
	}
	/* under a name of its own until complete: a kill leaves nothing
	 * that looks like the bundle, and the next one removes it */
	if ((error = store_tmp_file(&t, file, err)) < 0)
		goto done;
	if ((fd = dup(t.fd)) < 0 || !(o.f = fdopen(fd, "wb"))) {
		if (fd >= 0)
			close(fd);
		error = err_set(err, ERR_USAGE, 0, 0, "cannot write '%s': %s", file, strerror(errno));
		goto done;
	}
	fputs("# v2 git bundle\n", o.f);
	if (have_since) {
		const char *msg;

		if (git_commit_lookup(&pre, s->repo, &since) < 0) {
			error = store_git_fail(err, ERR_INTERNAL, "cannot read a commit");
			goto done;
		}
		msg = git_commit_summary(pre);
		git_oid_tostr(hex, sizeof(hex), &since);
		fprintf(o.f, "-%s %s\n", hex, msg ? msg : "");
	}
	git_oid_tostr(hex, sizeof(hex), &head);
	fprintf(o.f, "%s refs/heads/%s\n%s HEAD\n", hex, branch, hex);
	if (site[0]) {
		char from[128];

		layout_ref_from(from, sizeof(from), site);
		fprintf(o.f, "%s %s\n", hex, from);
	}
	fputc('\n', o.f);
	if (git_packbuilder_foreach(pb, write_chunk, &o) < 0 || o.failed) {
		error = o.failed ? err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", file,
					   strerror(errno))
				 : store_git_fail(err, ERR_INTERNAL, "cannot write the pack");
		goto done;
	}
	if (fflush(o.f) != 0 || fsync(fileno(o.f)) != 0) {
		error = err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", file, strerror(errno));
		goto done;
	}
	error = fclose(o.f);
	o.f = NULL;
	if (error != 0) {
		error = err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", file, strerror(errno));
		goto done;
	}
	error = store_tmp_commit(&t, err);
done:
	if (o.f)
		fclose(o.f);
	store_tmp_abandon(&t);
	git_commit_free(pre);
	git_packbuilder_free(pb);
	git_revwalk_free(walk);
	return error;
}

/* ---- reading ---- */

int store_is_bundle(const char *path)
{
	char head[16] = "";
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return 0;
	n = fread(head, 1, 15, f);
	fclose(f);
	return n == 15 && (!memcmp(head, "# v2 git bundle", 15) || !memcmp(head, "# v3 git bundle", 15));
}

int store_is_bundle_arg(const char *arg, int remotes)
{
	size_t n = strlen(arg);
	struct stat st;

	if (store_is_bundle(arg))
		return 1;
	/* a repository is a folder or a URL, never a plain file: an empty or
	 * broken file is a bundle that the bundle reader says is wrong, and
	 * so is a missing one named *.bundle.  Where a word may name a
	 * remote (sync hub), a file of that name in the folder does not
	 * take its place unless it is written as a path. */
	if (stat(arg, &st) == 0)
		return S_ISREG(st.st_mode) && (!remotes || strchr(arg, '/') ||
					       (n > 7 && !strcmp(arg + n - 7, ".bundle")));
	return n > 7 && !strcmp(arg + n - 7, ".bundle") && !strstr(arg, "://");
}

struct walk_check {
	git_odb *odb;
	int missing;
};

static int entry_present(const char *root, const git_tree_entry *e, void *payload)
{
	struct walk_check *w = payload;

	(void)root;
	if (git_tree_entry_type(e) != GIT_OBJECT_COMMIT && !git_odb_exists(w->odb, git_tree_entry_id(e))) {
		w->missing = 1;
		return -1;
	}
	return 0;
}

/*
 * Everything the bundle's commit needs is here: the commits since what we
 * had, their trees, and every file of the tip (what a checkout reads).  A
 * bundle with a hole (a pack cut short, a filter) is refused before
 * anything points at it.
 */
static int complete(struct store *s, git_odb *odb, const git_oid *tip, const char *file,
		    struct err *err)
{
	struct walk_check w = { odb, 0 };
	git_revwalk *walk = NULL;
	git_commit *c = NULL;
	git_tree *tree = NULL;
	git_oid id;
	int error = 0;

	if (!git_odb_exists(odb, tip))
		goto missing;
	if (git_revwalk_new(&walk, s->repo) < 0 || git_revwalk_push(walk, tip) < 0) {
		git_error_clear();
		goto missing;
	}
	git_revwalk_hide_glob(walk, "refs/*");
	git_error_clear();
	while ((error = git_revwalk_next(&id, walk)) == 0) {
		if (git_commit_lookup(&c, s->repo, &id) < 0 || git_commit_tree(&tree, c) < 0)
			break;
		git_tree_free(tree);
		git_commit_free(c);
		tree = NULL, c = NULL;
	}
	git_commit_free(c);
	if (error != GIT_ITEROVER)
		goto missing;
	if (git_commit_lookup(&c, s->repo, tip) < 0 || git_commit_tree(&tree, c) < 0 ||
	    git_tree_walk(tree, GIT_TREEWALK_PRE, entry_present, &w) < 0 || w.missing)
		goto missing;
	git_tree_free(tree);
	git_commit_free(c);
	git_revwalk_free(walk);
	git_error_clear();
	return 0;
missing:
	git_tree_free(tree);
	git_commit_free(c);
	git_revwalk_free(walk);
	git_error_clear();
	err_set(err, ERR_DATA, 0, 0, "'%s' is incomplete: objects its commit needs are neither in it nor here", file);
	err_hint(err, "ask for a whole bundle (convene bundle create FILE, without --for); nothing was changed here");
	return ERR_DATA;
}

/* Reads one header line (without its '\n') into line; -1 at the end of
 * the file or for a line too long to be a header's. */
static int header_line(FILE *f, char *line, size_t size)
{
	size_t n;

	if (!fgets(line, (int)size, f))
		return -1;
	n = strlen(line);
	if (!n || line[n - 1] != '\n')
		return -1;
	line[n - 1] = '\0';
	return 0;
}

int store_bundle_read(struct store *s, const char *file, char *tip, size_t size, char *site,
		      size_t ssize, struct err *err)
{
	git_odb *odb = NULL;
	git_odb_writepack *wp = NULL;
	git_indexer_progress stats;
	git_oid id, pick;
	char line[1200], branch[256], want[300], missing[GIT_OID_HEXSZ + 1] = "";
	unsigned char chunk[65536];
	size_t n, lineno = 1;
	int error = 0, picked = 0, nmissing = 0, v3;
	FILE *f;

	tip[0] = site[0] = '\0';
	if ((error = store_branch(s, branch, sizeof(branch), err)) < 0)
		return error;
	snprintf(want, sizeof(want), "refs/heads/%s", branch);
	if (!(f = fopen(file, "rb"))) {
		err_set(err, ERR_USAGE, 0, 0, "cannot open '%s': %s", file, strerror(errno));
		return ERR_USAGE;
	}
	if (header_line(f, line, sizeof(line)) < 0 ||
	    (strcmp(line, "# v2 git bundle") && strcmp(line, "# v3 git bundle"))) {
		if (ftell(f) == 0)
			err_set(err, ERR_DATA, 0, 0, "'%s' is empty, not a git bundle (a copy cut short?)", file);
		else
			err_set(err, ERR_DATA, 1, 1, "'%s' is not a git bundle (it does not start with '# v2 git bundle')", file);
		err_hint(err, "make one with: convene bundle create FILE (or git bundle create FILE --all)");
		error = ERR_DATA;
		goto done;
	}
	v3 = line[3] == '3';
	if (git_repository_odb(&odb, s->repo) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot open the object database");
		goto done;
	}
	for (;;) {
		lineno++;
		if (header_line(f, line, sizeof(line)) < 0) {
			error = err_set(err, ERR_DATA, (unsigned)lineno, 1,
					"'%s' is cut short or broken: its header does not end", file);
			goto done;
		}
		if (!line[0])
			break;  /* the pack follows */
		if (v3 && line[0] == '@') {
			/* as git: a capability not understood refuses the bundle
			 * (@filter=... leaves objects out) */
			if (!strcmp(line, "@object-format=sha1"))
				continue;
			error = err_set(err, ERR_DATA, (unsigned)lineno, 1,
					"'%s' needs '%s', which convene does not read", file, line + 1);
			err_hint(err, "make a whole bundle without filters: git bundle create FILE --all");
			goto done;
		}
		if (git_oid_fromstrn(&id, line + (line[0] == '-'), GIT_OID_HEXSZ) < 0 ||
		    (line[GIT_OID_HEXSZ + (line[0] == '-')] != ' ' &&
		     line[GIT_OID_HEXSZ + (line[0] == '-')] != '\0')) {
			git_error_clear();
			error = err_set(err, ERR_DATA, (unsigned)lineno, 1,
					"'%s': a header line that is not '<id> <ref>'", file);
			goto done;
		}
		if (line[0] == '-') {
			if (!git_odb_exists(odb, &id)) {
				if (!nmissing++)
					git_oid_tostr(missing, sizeof(missing), &id);
			}
			continue;
		}
		if (line[GIT_OID_HEXSZ] != ' ') {
			error = err_set(err, ERR_DATA, (unsigned)lineno, 1,
					"'%s': a header line that is not '<id> <ref>'", file);
			goto done;
		}
		{
			const char *ref = line + GIT_OID_HEXSZ + 1, *from;

			if ((from = layout_ref_from_site(ref)))
				snprintf(site, ssize, "%s", from);
			else if (!strcmp(ref, want) || (!picked && (!strcmp(ref, "HEAD") ||
								   !strncmp(ref, "refs/heads/", 11)))) {
				if (picked != 2)
					pick = id;
				picked = !strcmp(ref, want) ? 2 : 1;
			}
		}
	}
	if (nmissing) {
		if (nmissing == 1)
			err_set(err, ERR_DATA, 0, 0,
				"'%s' builds on %d commit this initiative does not have (%.7s)",
				file, nmissing, missing);
		else
			err_set(err, ERR_DATA, 0, 0,
				"'%s' builds on %d commits this initiative does not have (%.7s, ...)",
				file, nmissing, missing);
		err_hint(err, "ask the other site for a whole bundle: convene bundle create FILE (without --for)");
		error = ERR_DATA;
		goto done;
	}
	if (!picked) {
		error = err_set(err, ERR_DATA, 0, 0, "'%s' brings no branch", file);
		err_hint(err, "make it where the initiative has commits: convene bundle create FILE");
		goto done;
	}
	/* libgit2's temporary pack files (objects/pack/pack_git2_*) */
	store_mark(s, 1);
	if (git_odb_write_pack(&wp, odb, NULL, NULL) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot write into the object database");
		goto done;
	}
	memset(&stats, 0, sizeof(stats));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if ((error = wp->append(wp, chunk, n, &stats)) < 0)
			break;
	if (error < 0 || ferror(f) || wp->commit(wp, &stats) < 0) {
		error = store_git_fail(err, ERR_DATA, "the bundle's pack is broken");
		err_hint(err, "copy the file again from the other site; nothing was changed here");
		goto done;
	}
	if ((error = complete(s, odb, &pick, file, err)) < 0)
		goto done;
	git_oid_tostr(tip, size, &pick);
done:
	if (wp)
		wp->free(wp);
	store_mark(s, 0);
	git_odb_free(odb);
	fclose(f);
	return error;
}

int store_site_seen(struct store *s, const char *site, const char *tip, struct err *err)
{
	git_reference *ref;
	char name[300];
	git_oid id;

	layout_ref_site(name, sizeof(name), site);
	store_mark(s, 1);
	if (git_oid_fromstr(&id, tip) < 0 ||
	    git_reference_create(&ref, s->repo, name, &id, 1, "convene: a bundle came") < 0) {
		store_mark(s, 0);
		return store_git_fail(err, ERR_INTERNAL, "cannot record what the site has");
	}
	store_mark(s, 0);
	git_reference_free(ref);
	return 0;
}
