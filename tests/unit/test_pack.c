/*
 * store/pack.c against git itself: every commit of a repository packed by
 * git (its index written with 64-bit offsets, so that both tables are
 * read) must come out byte for byte as `git cat-file commit` gives it;
 * what is not whole in a pack (a loose commit, a tree asked for as a
 * commit) is refused, for libgit2 to read.  It reaches into store's
 * internal.h, as only a test of store's own parts may.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "store/internal.h"
#include "tests/unit/unit.h"

/* The output of a shell command, or NULL. */
static char *run(const char *cmd, size_t *len)
{
	FILE *p = popen(cmd, "r");
	char *out = NULL;
	size_t cap = 0, n = 0, got;

	if (!p)
		return NULL;
	do {
		if (n + 4096 > cap) {
			char *bigger = realloc(out, cap = n + 8192);

			if (!bigger) {
				free(out);
				pclose(p);
				return NULL;
			}
			out = bigger;
		}
		got = fread(out + n, 1, 4096, p);
		n += got;
	} while (got);
	out[n] = '\0';
	if (pclose(p) != 0) {
		free(out);
		return NULL;
	}
	if (len)
		*len = n;
	return out;
}

static int commits_match(struct packs *ps, const char *dir, char *ids, int *whole)
{
	char *id, *save = NULL, cmd[512];

	*whole = 0;
	for (id = strtok_r(ids, "\n", &save); id; id = strtok_r(NULL, "\n", &save)) {
		const char *data;
		size_t len, wantlen;
		char *want;
		git_oid oid;
		int ok;

		if (git_oid_fromstr(&oid, id) < 0)
			return 0;
		if (packs_read(ps, &oid, GIT_OBJECT_COMMIT, &data, &len) < 0)
			continue;
		snprintf(cmd, sizeof(cmd), "git -C %s cat-file commit %s", dir, id);
		if (!(want = run(cmd, &wantlen)))
			return 0;
		ok = len == wantlen && !memcmp(data, want, len);
		free(want);
		if (!ok)
			return 0;
		(*whole)++;
	}
	return 1;
}

void test_pack__commits_as_git_has_them(void)
{
	char dir[] = "/tmp/convene-unit-pack-XXXXXX", cmd[2048], path[64], *ids = NULL, *loose = NULL;
	const char *data;
	struct packs *ps = NULL;
	git_repository *repo = NULL;
	git_oid oid;
	size_t len;
	int whole = 0, ok;

	check(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd),
		 "cd %s && export GIT_CONFIG_NOSYSTEM=1 HOME=%s GIT_AUTHOR_NAME=Unit "
		 "GIT_AUTHOR_EMAIL=unit@example.org GIT_COMMITTER_NAME=Unit "
		 "GIT_COMMITTER_EMAIL=unit@example.org && git init -q r && cd r && "
		 "for i in $(seq 40); do echo \"vision: take $i\" > initiative.yaml && "
		 "git add initiative.yaml && git commit -qm \"vision, take $i\"; done && "
		 "git repack -adq && rm .git/objects/pack/*.idx && "
		 "git index-pack --index-version=2,0x40 .git/objects/pack/*.pack > /dev/null && "
		 "git commit -q --allow-empty -m \"made after the pack\"",
		 dir, dir);
	ok = system(cmd) == 0;
	snprintf(path, sizeof(path), "%s/r", dir);
	if (ok)
		ok = git_libgit2_init() > 0;
	if (ok && git_repository_open(&repo, path) == 0 && packs_open(&ps, repo) == 0) {
		snprintf(cmd, sizeof(cmd), "git -C %s rev-list HEAD~1", path);
		ids = run(cmd, NULL);
		snprintf(cmd, sizeof(cmd), "git -C %s rev-parse HEAD HEAD^{tree}", path);
		loose = run(cmd, NULL);
	}
	ok = ok && ids && loose && commits_match(ps, path, ids, &whole) && whole == 40;
	/* the loose commit, and a tree asked for as a commit: not here */
	if (ok && git_oid_fromstrn(&oid, loose, 40) == 0)
		ok = packs_read(ps, &oid, GIT_OBJECT_COMMIT, &data, &len) < 0;
	if (ok && git_oid_fromstrn(&oid, loose + 41, 40) == 0)
		ok = packs_read(ps, &oid, GIT_OBJECT_COMMIT, &data, &len) < 0;
	free(ids);
	free(loose);
	packs_free(ps);
	git_repository_free(repo);
	git_libgit2_shutdown();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		ok = 0;
	check(ok);
}
