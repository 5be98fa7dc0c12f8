/*
 * store/filecache.c over a real repository: what is recorded comes back
 * for the same stat and only for it, across runs (the file in
 * $GIT_DIR/convene/files); a file changed lately is recorded but not
 * trusted; entries of a listed folder that were not looked up are
 * dropped; a damaged file is an empty cache.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/agenda.h"
#include "core/buf.h"
#include "store/filecache.h"
#include "store/internal.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

/* A stat as of a file not changed for a day. */
static struct stat old_stat(long ino, long size)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_mtim.tv_sec = st.st_ctim.tv_sec = time(NULL) - 86400;
	st.st_mtim.tv_nsec = 5;
	st.st_ino = (ino_t)ino;
	st.st_size = size;
	st.st_mode = S_IFREG | 0644;
	return st;
}

static void open_repo(char *dir, struct store **s)
{
	struct err err;

	*s = NULL;
	check(unit_repo(dir, "mkdir members meetings"));
	check(store_global_init() == 0);
	err_clear(&err);
	check(store_open(s, dir, &err) == 0);
}

/* Whether fc has something trustworthy for file with stat st. */
static int has(struct filecache *fc, const char *file, const struct stat *st)
{
	struct store_oid oid;
	const char *data;
	size_t len;

	return filecache_get(fc, file, st, &oid, &data, &len);
}

static void close_repo(struct store *s, const char *dir)
{
	store_free(s);
	store_global_shutdown();
	check(unit_repo_remove(dir));
}

void test_filecache__same_stat_only_and_across_runs(void)
{
	char dir[64] = "/tmp/convene-unit-filecache-XXXXXX";
	struct store *s;
	struct stat a = old_stat(11, 40), b = old_stat(12, 41), changed;
	struct store_oid id, got;
	struct filecache *fc;
	const char *data;
	size_t len;

	open_repo(dir, &s);
	memset(&id, 7, sizeof(id));
	check((fc = store_filecache_open(s)) != NULL);
	check(!has(fc, "members/dana.yaml", &a));
	check(filecache_put(fc, "members/dana.yaml", &a, &id, "dana", 4) == 0);
	check(filecache_put(fc, "members/avi.yaml", &b, &id, "", 0) == 0);
	check(filecache_get(fc, "members/dana.yaml", &a, &got, &data, &len) == 1);
	check(len == 4 && !memcmp(data, "dana", 4) && !memcmp(got.id, id.id, 20));
	store_filecache_close(s, fc);

	/* the next run */
	check((fc = store_filecache_open(s)) != NULL);
	check(filecache_get(fc, "members/dana.yaml", &a, &got, &data, &len) == 1);
	check(len == 4 && !memcmp(data, "dana", 4) && !memcmp(got.id, id.id, 20));
	check(filecache_get(fc, "members/avi.yaml", &b, &got, &data, &len) == 1 && len == 0);
	/* any part of the stat changed: nothing */
	changed = a, changed.st_ctim.tv_nsec++;
	check(!has(fc, "members/dana.yaml", &changed));
	changed = a, changed.st_mtim.tv_sec--;
	check(!has(fc, "members/dana.yaml", &changed));
	changed = a, changed.st_size++;
	check(!has(fc, "members/dana.yaml", &changed));
	changed = a, changed.st_ino++;
	check(!has(fc, "members/dana.yaml", &changed));
	changed = a, changed.st_mode = S_IFLNK | 0777;
	check(!has(fc, "members/dana.yaml", &changed));
	/* recorded anew: the new bytes */
	check(filecache_put(fc, "members/dana.yaml", &changed, &id, "dana2", 5) == 0);
	check(filecache_get(fc, "members/dana.yaml", &changed, &got, &data, &len) == 1 && len == 5);
	check(!has(fc, "members/dana.yaml", &a));
	store_filecache_close(s, fc);
	close_repo(s, dir);
}

void test_filecache__a_file_changed_lately_is_not_trusted(void)
{
	char dir[64] = "/tmp/convene-unit-filecache-XXXXXX";
	struct store *s;
	struct stat now = old_stat(21, 10), ctime_now = old_stat(22, 10);
	struct store_oid id;
	struct filecache *fc;

	open_repo(dir, &s);
	memset(&id, 1, sizeof(id));
	now.st_mtim.tv_sec = now.st_ctim.tv_sec = time(NULL);
	ctime_now.st_ctim.tv_sec = time(NULL) - 1;
	check((fc = store_filecache_open(s)) != NULL);
	check(filecache_put(fc, "members/new.yaml", &now, &id, "x", 1) == 0);
	check(filecache_put(fc, "members/touched.yaml", &ctime_now, &id, "y", 1) == 0);
	check(!has(fc, "members/new.yaml", &now));
	check(!has(fc, "members/touched.yaml", &ctime_now));
	store_filecache_close(s, fc);
	check((fc = store_filecache_open(s)) != NULL);
	check(!has(fc, "members/new.yaml", &now));
	store_filecache_close(s, fc);
	close_repo(s, dir);
}

void test_filecache__gone_files_of_a_listed_folder_are_dropped(void)
{
	char dir[64] = "/tmp/convene-unit-filecache-XXXXXX";
	struct store *s;
	struct stat a = old_stat(31, 1), b = old_stat(32, 1), m = old_stat(33, 1);
	struct store_oid id;
	struct filecache *fc;

	open_repo(dir, &s);
	memset(&id, 2, sizeof(id));
	check((fc = store_filecache_open(s)) != NULL);
	check(filecache_put(fc, "members/a.yaml", &a, &id, "a", 1) == 0);
	check(filecache_put(fc, "members/b.yaml", &b, &id, "b", 1) == 0);
	check(filecache_put(fc, "meetings/001.yaml", &m, &id, "P", 1) == 0);
	store_filecache_close(s, fc);
	/* a run that looks up a only, and lists members/ */
	check((fc = store_filecache_open(s)) != NULL);
	check(has(fc, "members/a.yaml", &a));
	filecache_listed(fc, "members/");
	store_filecache_close(s, fc);
	check((fc = store_filecache_open(s)) != NULL);
	check(has(fc, "members/a.yaml", &a));
	check(!has(fc, "members/b.yaml", &b));
	/* not of the listed folder: kept */
	check(has(fc, "meetings/001.yaml", &m));
	store_filecache_close(s, fc);
	close_repo(s, dir);
}

/* Writes n bytes as the cache file; then whether a run finds a's entry. */
static int finds_after(struct store *s, const char *path, const char *bytes, size_t n,
		       const struct stat *a)
{
	struct store_oid got;
	struct filecache *fc;
	const char *data;
	size_t len;
	FILE *f;
	int found;

	if (!(f = fopen(path, "wb")) || fwrite(bytes, 1, n, f) != n) {
		if (f)
			fclose(f);
		return -1;
	}
	fclose(f);
	if (!(fc = store_filecache_open(s)))
		return -1;
	found = filecache_get(fc, "members/a.yaml", a, &got, &data, &len);
	store_filecache_close(s, fc);
	return found;
}

void test_filecache__a_damaged_file_is_an_empty_cache(void)
{
	char dir[64] = "/tmp/convene-unit-filecache-XXXXXX", path[4200], bytes[4096];
	struct store *s;
	struct stat a = old_stat(41, 3);
	struct store_oid id;
	struct filecache *fc;
	size_t n, i, flipped = 0, cut = 0;
	FILE *f;

	open_repo(dir, &s);
	memset(&id, 3, sizeof(id));
	check((fc = store_filecache_open(s)) != NULL);
	check(filecache_put(fc, "members/a.yaml", &a, &id, "abc", 3) == 0);
	store_filecache_close(s, fc);
	snprintf(path, sizeof(path), "%sconvene/files", store_gitdir(s));
	check((f = fopen(path, "rb")) != NULL);
	n = fread(bytes, 1, sizeof(bytes), f);
	fclose(f);
	check(n > 40 && n < sizeof(bytes));
	check(finds_after(s, path, bytes, n, &a) == 1);
	/* every byte changed in turn, and every length cut short: none found */
	for (i = 0; i < n; i++) {
		bytes[i] ^= 0x20;
		flipped += finds_after(s, path, bytes, n, &a) == 0;
		bytes[i] ^= 0x20;
		cut += finds_after(s, path, bytes, i, &a) == 0;
	}
	check(flipped == n);
	check(cut == n);
	/* and once written whole again, found */
	check(finds_after(s, path, bytes, n, &a) == 1);
	close_repo(s, dir);
}

void test_filecache__a_member_packs_and_unpacks(void)
{
	char id[] = "dana", name[] = "דנה לוי 🌱", joined[] = "2026-01-01", left[] = "";
	struct agenda_member dana = { id, name, NULL, joined, left };
	struct agenda_members m = { 0 };
	struct buf b = BUF_INIT;

	check(agenda_member_pack(&b, &dana) == 0);
	check(agenda_members_add_packed(&m, b.ptr, b.len) == 0);
	check(m.n == 1);
	check_str(m.v[0].id, "dana");
	check_str(m.v[0].name, "דנה לוי 🌱");
	check(m.v[0].address == NULL);
	check_str(m.v[0].joined, "2026-01-01");
	check_str(m.v[0].left, "");
	/* nothing: a file that holds no member */
	check(agenda_members_add_packed(&m, "", 0) == 0 && m.n == 1);
	/* not what pack writes: nothing added */
	check(agenda_members_add_packed(&m, b.ptr, b.len - 1) == -1 && m.n == 1);
	check(agenda_members_add_packed(&m, "\2", 1) == -1 && m.n == 1);
	check(agenda_members_add_packed(&m, "\0\0\0\0\0", 5) == -1 && m.n == 1);
	agenda_members_release(&m);
	buf_release(&b);
}

void test_filecache__many_stats_on_threads_are_each_files_own(void)
{
	char dir[64] = "/tmp/convene-unit-filecache-XXXXXX", path[4200];
	char *files[600], names[600][32];
	struct stat st[600], want;
	int ok[600], i, same = 0;
	struct store *s;

	open_repo(dir, &s);
	for (i = 0; i < 600; i++) {
		snprintf(names[i], sizeof(names[i]), "members/m%03d.yaml", i);
		files[i] = names[i];
		/* every third one missing; the sizes differ */
		if (i % 3 != 2) {
			char text[64];

			snprintf(text, sizeof(text), "id: m%03d\nname: %*s\n", i, i % 50 + 1, "x");
			check(unit_write_file(dir, names[i], text));
		}
	}
	store_file_stats(s, files, 600, st, ok);
	for (i = 0; i < 600; i++) {
		snprintf(path, sizeof(path), "%s/%.31s", dir, names[i]);
		if (lstat(path, &want) < 0)
			same += !ok[i];
		else
			same += ok[i] && st[i].st_ino == want.st_ino && st[i].st_size == want.st_size;
	}
	check(same == 600);
	/* files of two folders: one by one, the same answers */
	snprintf(names[599], sizeof(names[599]), "meetings/001.yaml");
	check(unit_write_file(dir, "meetings/001.yaml", "number: 1\n"));
	store_file_stats(s, files, 600, st, ok);
	check(ok[0] && ok[599] && !ok[2]);
	close_repo(s, dir);
}

/*
 * store_stats_begin() and store_stats_wait(): files of more folders than
 * it keeps descriptors for, one nested a folder deeper, one with ".."
 * and one through a linked folder all come back as lstat() says (the
 * linked folder's: not at all), while the caller uses the same store
 * between the two.
 */
void test_filecache__stats_begun_then_waited_are_each_files_own(void)
{
	char dir[64] = "/tmp/convene-unit-filecache-XXXXXX", path[4200];
	static const char *const folders[] = { "members", "meetings", "outcomes", "interviews",
					       "notes", "more" };
	char *files[1400], names[1400][48];
	struct stat st[1400], want, one;
	struct store_stats w;
	struct err err;
	int ok[1400], i, n = 0, same = 0;
	struct store *s;
	char *data = NULL;
	size_t len;

	open_repo(dir, &s);
	for (i = 2; i < 6; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, folders[i]);
		check(mkdir(path, 0755) == 0);
	}
	snprintf(path, sizeof(path), "%s/meetings/x", dir);
	check(mkdir(path, 0755) == 0);
	snprintf(path, sizeof(path), "%s/linked", dir);
	check(symlink("members", path) == 0);
	for (i = 0; i < 1390; i++) {
		/* 600 and 600 in the first two, then 48 or so in each of the rest */
		const char *folder = folders[i < 600 ? 0 : i < 1200 ? 1 : 2 + (i - 1200) / 48];

		snprintf(names[n], sizeof(names[n]), "%s/f%04d.yaml", folder, i);
		if (i % 7 != 3) {
			char text[64];

			snprintf(text, sizeof(text), "n: %d\ntext: %*s\n", i, i % 40 + 1, "x");
			check(unit_write_file(dir, names[n], text));
		}
		files[n] = names[n];
		n++;
	}
	snprintf(names[n++], sizeof(names[0]), "meetings/x/deeper.yaml");
	check(unit_write_file(dir, "meetings/x/deeper.yaml", "n: 0\n"));
	snprintf(names[n++], sizeof(names[0]), "linked/f0000.yaml");
	snprintf(names[n++], sizeof(names[0]), "members/../members/f0001.yaml");
	for (i = 1390; i < n; i++)
		files[i] = names[i];
	store_stats_begin(&w, s, files, (size_t)n, st, ok);
	/* the caller goes on with the store meanwhile */
	err_clear(&err);
	check(store_read(s, "members/f0000.yaml", &data, &len, &err) == 0);
	check(store_file_stat(s, "outcomes/f1201.yaml", &one) == 0);
	store_stats_wait(&w);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%.47s", dir, names[i]);
		if (i == 1391 || lstat(path, &want) < 0)
			same += !ok[i];
		else
			same += ok[i] && st[i].st_ino == want.st_ino && st[i].st_size == want.st_size;
	}
	check(same == n);
	check(w.nrun == 0 && w.started == 0);
	free(data);
	close_repo(s, dir);
}
