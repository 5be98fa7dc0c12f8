/*
 * store/newsite.c in real folders and repositories: where init may make
 * an initiative, the config a new site gets, the first commit, the
 * sample hooks, and a clone from a bundle file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/newsite.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

/* The output of a shell command, its last newline cut, into out. */
static int sh(char *out, size_t size, const char *cmd)
{
	FILE *p = popen(cmd, "r");
	size_t n;

	if (!p)
		return 0;
	n = fread(out, 1, size - 1, p);
	out[n] = '\0';
	if (n && out[n - 1] == '\n')
		out[n - 1] = '\0';
	return pclose(p) == 0;
}

void test_newsite__dir_state(void)
{
	char dir[64] = "/tmp/convene-unit-newsite-XXXXXX", path[128];
	int missing, empty, full, file;

	check(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/none", dir);
	missing = newsite_dir_state(path);
	empty = newsite_dir_state(dir);
	check(unit_write_file(dir, "notes.txt", "x\n"));
	full = newsite_dir_state(dir);
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	file = newsite_dir_state(path);
	check(unit_repo_remove(dir));
	check(missing == 1);
	check(empty == 0);
	check(full == -1);
	check(file == -1);
}

/* A repository with an identity, opened as a store. */
static int open_repo(char *dir, struct store **s)
{
	struct err err;

	*s = NULL;
	if (!unit_repo(dir, "git config user.name Unit && git config user.email unit@example.org") ||
	    store_global_init() < 0)
		return 0;
	return store_open(s, dir, &err) == 0;
}

static void close_repo(const char *dir, struct store *s)
{
	store_free(s);
	store_global_shutdown();
	if (!unit_repo_remove(dir))
		unit_failed = 1;
}

void test_newsite__commit(void)
{
	char dir[64] = "/tmp/convene-unit-newsite-XXXXXX", cmd[256], got[1024], oid[16] = "";
	char initiative[] = "name: Reading\n", meeting[] = "number: 1\n";
	struct template_out files[2] = {
		{ "initiative.yaml", initiative, sizeof(initiative) - 1 },
		{ "meetings/001.yaml", meeting, sizeof(meeting) - 1 },
	};
	struct store *s;
	struct err err;
	int rc;

	check(open_repo(dir, &s));
	err_clear(&err);
	rc = newsite_commit(s, files, 2, "beersheva", "Reading", "/opt/my convene/convene", oid,
			    &err);
	snprintf(cmd, sizeof(cmd), "cd %s && git log --format=%%h%%n%%B && git ls-files && "
		 "cat .gitattributes && git config convene.site && git config merge.convene.name && "
		 "git config merge.convene.driver && git status --porcelain", dir);
	if (rc != 0 || !sh(got, sizeof(got), cmd))
		got[0] = '\0';
	close_repo(dir, s);
	check(rc == 0);
	check(strlen(oid) == 7);
	check(!strncmp(got, oid, 7));
	check_str(got + 7, "\ninit: Reading\n\nConvene-Site: beersheva\n\n"
		  ".gitattributes\ninitiative.yaml\nmeetings/001.yaml\n"
		  "*.yaml merge=convene\nbeersheva\nconvene YAML merge\n"
		  "'/opt/my convene/convene' merge-file %O %A %B %P");
}

void test_newsite__config_without_a_path(void)
{
	char dir[64] = "/tmp/convene-unit-newsite-XXXXXX", cmd[160], got[256];
	struct store *s;
	struct err err;
	int rc;

	check(open_repo(dir, &s));
	err_clear(&err);
	rc = newsite_config(s, "haifa", "", &err);
	snprintf(cmd, sizeof(cmd), "cd %s && git config convene.site && git config merge.convene.driver",
		 dir);
	if (rc != 0 || !sh(got, sizeof(got), cmd))
		got[0] = '\0';
	close_repo(dir, s);
	check(rc == 0);
	check_str(got, "haifa\n'convene' merge-file %O %A %B %P");
}

void test_newsite__hooks(void)
{
	char dir[64] = "/tmp/convene-unit-newsite-XXXXXX", cmd[200], got[8192], path[128];
	struct stat st[2];
	struct store *s;
	struct err err;
	int rc, stats = 0;

	check(open_repo(dir, &s));
	err_clear(&err);
	rc = newsite_hooks(s, "/usr/bin/convene", &err);
	snprintf(path, sizeof(path), "%s/.git/hooks/pre-commit", dir);
	stats += stat(path, &st[0]) == 0;
	snprintf(path, sizeof(path), "%s/.git/hooks/post-sync", dir);
	stats += stat(path, &st[1]) == 0;
	snprintf(cmd, sizeof(cmd), "cd %s/.git/hooks && cat pre-commit post-sync", dir);
	if (rc != 0 || !sh(got, sizeof(got), cmd))
		got[0] = '\0';
	close_repo(dir, s);
	check(rc == 0);
	check(stats == 2);
	check((st[0].st_mode & 0777) == 0755 && (st[1].st_mode & 0777) == 0755);
	check(strstr(got, "/usr/bin/convene"));
	check(!strstr(got, "@CONVENE@"));
}

void test_newsite__clone_bundle(void)
{
	char dir[64] = "/tmp/convene-unit-newsite-XXXXXX", into[128], cmd[512], got[512];
	struct store *s = NULL;
	struct err err;
	int rc;

	check(unit_repo(dir, "git config user.name Unit && git config user.email unit@example.org && "
			"echo 'name: Reading' > initiative.yaml && git add . && "
			"git commit -qm 'init: Reading' -m 'Convene-Site: haifa' && "
			"git bundle create -q ../$(basename $PWD).bundle main 2>/dev/null"));
	check(store_global_init() == 0);
	snprintf(into, sizeof(into), "%s-clone", dir);
	snprintf(cmd, sizeof(cmd), "%s.bundle", dir);
	err_clear(&err);
	rc = newsite_clone_bundle(&s, cmd, into, &err);
	store_free(s);
	store_global_shutdown();
	snprintf(cmd, sizeof(cmd), "cd %s && cat initiative.yaml && git log --format=%%s && "
		 "git status --porcelain", into);
	if (rc != 0 || !sh(got, sizeof(got), cmd))
		got[0] = '\0';
	snprintf(cmd, sizeof(cmd), "rm -rf %s.bundle %s", dir, into);
	check(system(cmd) == 0);
	check(unit_repo_remove(dir));
	check(rc == 0);
	check_str(got, "name: Reading\ninit: Reading");  /* checked out, nothing changed */
}

void test_newsite__clone_bundle_not_one(void)
{
	char dir[64] = "/tmp/convene-unit-newsite-XXXXXX", file[128], into[128];
	struct store *s = NULL;
	struct err err;
	int rc;

	check(mkdtemp(dir));
	check(unit_write_file(dir, "stick.bundle", "not a bundle\n"));
	snprintf(file, sizeof(file), "%s/stick.bundle", dir);
	snprintf(into, sizeof(into), "%s/site", dir);
	check(store_global_init() == 0);
	err_clear(&err);
	rc = newsite_clone_bundle(&s, file, into, &err);
	store_free(s);
	store_global_shutdown();
	check(unit_repo_remove(dir));
	check(rc < 0);
	check(err.msg[0]);
}
