/*
 * The store (store.h): libgit2 and the work tree's files.  This is the only
 * place that includes <git2.h>.
 */
#define _GNU_SOURCE        /* sched_getcpu(), pthread_attr_setaffinity_np() */
#define _XOPEN_SOURCE 700  /* nftw */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "git2.h"
#include <linux/openat2.h>

#include "core/doc.h"
#include "core/layout.h"
#include "core/text.h"
#include "core/tr.h"
#include "history.h"
#include "store.h"
#include "internal.h"
#include "tls.h"


/* libgit2's last error as ours. */
int store_git_fail(struct err *err, int code, const char *what)
{
	const git_error *e = git_error_last();

	what = tr(what);  /* a message of its own (store_git_fail:3) */
	if (!e || !e->message)
		return err_set(err, code, 0, 0, "%s: unknown error", what);
	/* TRANSLATORS: what failed, then libgit2's reason (in English) */
	return err_set(err, code, 0, 0, "%s: %s", what, e->message);
}

/* store_global_start()s not yet ended */
static int starts;

int store_global_start(struct err *err)
{
	/* libgit2 counts its starts: this one is the caller's, the load's
	 * own is never ended */
	if (store_git2_load(err) < 0)
		return ERR_INTERNAL;
	if (git_libgit2_init() < 0)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot start libgit2");
	starts++;
	return 0;
}

int store_global_init(void)
{
	struct err err;

	err_clear(&err);
	return store_global_start(&err) < 0 ? -1 : 0;
}

void store_global_shutdown(void)
{
	if (starts > 0) {
		starts--;
		git_libgit2_shutdown();
	}
}

static int store_new(struct store **out, git_repository *repo, struct err *err)
{
	struct store *s = calloc(1, sizeof(*s));
	const char *wd = git_repository_workdir(repo);

	if (!s) {
		git_repository_free(repo);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	s->repo = repo;
	s->lockfd = -1;
	s->topfd = -1;
	s->dirfd = -1;
	if (!wd) {
		store_free(s);
		err_set(err, ERR_USAGE, 0, 0, "the repository is bare; convene needs a work tree");
		err_hint(err, "clone it: git clone <path> <dir>");
		return ERR_USAGE;
	}
	if (!(s->workdir = strdup(wd)) || !(s->gitdir = strdup(git_repository_path(repo)))) {
		store_free(s);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	*out = s;
	return 0;
}

int store_open(struct store **out, const char *dir, struct err *err)
{
	git_repository *repo;
	int error;

	*out = NULL;
	error = git_repository_open_ext(&repo, dir, 0, NULL);
	if (error == GIT_ENOTFOUND) {
		err_set(err, ERR_USAGE, 0, 0, "not an initiative (no git repository at '%s' or above)", dir);
		err_hint(err, "run 'convene init' to start one, or cd into one");
		return ERR_USAGE;
	}
	if (error < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot open the repository");
	return store_new(out, repo, err);
}

/* Whether what follows a config key is "= want" and nothing else. */
static int value_is(const char *p, const char *want)
{
	size_t n = strlen(want);

	p += strspn(p, " \t");
	if (*p++ != '=')
		return 0;
	p += strspn(p, " \t");
	return !strncmp(p, want, n) && p[n + strspn(p + n, " \t\r\n")] == '\0';
}

/*
 * The repository that holds the folder cwd names, found as libgit2 would
 * find it (store_open(), no flags): the first folder upwards, on the same
 * file system, with a .git folder that holds HEAD, objects/ and refs/.
 * Only what that search does for a plain clone is done here; anything
 * else (a .git file: a linked work tree or a submodule; a bare
 * repository on the way; another owner, whose repository libgit2 checks
 * against safe.directory; a config with a work tree of its own, bare,
 * includes or extensions) is left to libgit2: 0 with the two folders
 * ("/path/", "/path/.git/", as libgit2 writes them), else -1.
 */
static int plain_repository(const char *cwd, char *wd, size_t wdsize, char *gd, size_t gdsize)
{
	char path[4096], line[512];
	struct stat st, top, sub;
	size_t len = strlen(cwd);
	dev_t dev = 0;
	FILE *f;
	int core = 0, odd = 0;

	if (len == 0 || len >= sizeof(path) - 16 || cwd[0] != '/')
		return -1;
	memcpy(path, cwd, len + 1);
	for (;;) {
		if (lstat(len ? path : "/", &top) < 0 || !S_ISDIR(top.st_mode))
			return -1;
		if (dev && top.st_dev != dev)
			return -1;  /* libgit2 stops at a file system's edge */
		dev = top.st_dev;
		snprintf(path + len, sizeof(path) - len, "/.git");
		if (lstat(path, &st) == 0)
			break;
		if (errno != ENOENT)
			return -1;
		snprintf(path + len, sizeof(path) - len, "/HEAD");
		if (lstat(path, &sub) == 0)
			return -1;  /* perhaps a bare repository: libgit2 decides */
		if (len == 0)
			return -1;  /* none at all: libgit2 says so */
		while (len > 0 && path[len - 1] != '/')
			len--;
		if (len > 0)
			len--;  /* the slash, except the root's */
		path[len] = '\0';
	}
	if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid() || top.st_uid != geteuid())
		return -1;
	{
		static const char *const need[] = { "/.git/HEAD", "/.git/objects", "/.git/refs" };
		static const mode_t kind[] = { S_IFREG, S_IFDIR, S_IFDIR };
		size_t i;

		for (i = 0; i < 3; i++) {
			snprintf(path + len, sizeof(path) - len, "%s", need[i]);
			if (lstat(path, &sub) < 0 || (sub.st_mode & S_IFMT) != kind[i])
				return -1;
		}
		snprintf(path + len, sizeof(path) - len, "/.git/commondir");
		if (lstat(path, &sub) == 0 || errno != ENOENT)
			return -1;
	}
	snprintf(path + len, sizeof(path) - len, "/.git/config");
	if (!(f = fopen(path, "re")))
		return -1;
	while (!odd && fgets(line, sizeof(line), f)) {
		char *p = line, *q;

		while (*p == ' ' || *p == '\t')
			p++;
		for (q = p; *q; q++)
			if (*q >= 'A' && *q <= 'Z')
				*q = (char)(*q - 'A' + 'a');
		if (*p == '[') {
			core = !strncmp(p, "[core]", 6);
			odd = !strncmp(p, "[include", 8) || !strncmp(p, "[extensions", 11);
		} else if (core && (!strncmp(p, "worktree", 8) ||
				    (!strncmp(p, "bare", 4) && !value_is(p + 4, "false")) ||
				    (!strncmp(p, "repositoryformatversion", 23) &&
				     !value_is(p + 23, "0")))) {
			odd = 1;
		}
		if (!strchr(line, '\n') && !feof(f))
			odd = 1;  /* a line longer than the buffer: not plain */
	}
	fclose(f);
	if (odd)
		return -1;
	path[len] = '\0';
	if ((size_t)snprintf(wd, wdsize, "%s/", path) >= wdsize ||
	    (size_t)snprintf(gd, gdsize, "%s/.git/", path) >= gdsize)
		return -1;
	return 0;
}

int store_open_lazy(struct store **out, const char *dir, struct err *err)
{
	char cwd[4096], wd[4096], gd[4096 + 8];
	struct store *s;

	*out = NULL;
	if (!strcmp(dir, ".") && getcwd(cwd, sizeof(cwd)) &&
	    plain_repository(cwd, wd, sizeof(wd), gd, sizeof(gd)) == 0) {
		if (!(s = calloc(1, sizeof(*s))) || !(s->workdir = strdup(wd)) ||
		    !(s->gitdir = strdup(gd))) {
			store_free(s);
			return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		}
		s->lockfd = s->topfd = s->dirfd = -1;
		s->plain = 1;
		*out = s;
		return 0;
	}
	if (store_global_start(err) < 0)
		return ERR_INTERNAL;
	return store_open(out, dir, err);
}

/* A small file of $GIT_DIR, whole, into buf: its length, or -1 (-2: none). */
static ssize_t git_file(const struct store *s, const char *name, char *buf, size_t size)
{
	char path[4096 + 256];
	ssize_t n;
	int fd;

	if ((size_t)snprintf(path, sizeof(path), "%s%s", s->gitdir, name) >= sizeof(path))
		return -1;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return errno == ENOENT ? -2 : -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0 || (size_t)n == size - 1)
		return -1;  /* too long to be a ref */
	buf[n] = '\0';
	return n;
}

/* 40 hex digits and a newline, the whole of p, into oid. */
static int hex_id(const char *p, size_t n, struct store_oid *oid)
{
	size_t i;

	if (n != 41 || p[40] != '\n')
		return -1;
	for (i = 0; i < 40; i++) {
		int c = p[i], v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;

		if (v < 0)
			return -1;
		if (i % 2)
			oid->id[i / 2] = (unsigned char)(oid->id[i / 2] | v);
		else
			oid->id[i / 2] = (unsigned char)(v << 4);
	}
	return 0;
}

/* The line of packed-refs that names ref: 1 with *oid, 0 none, -1. */
static int packed_ref(const struct store *s, const char *ref, struct store_oid *oid)
{
	char path[4096 + 16], line[1024];
	size_t n = strlen(ref);
	FILE *f;
	int rc = 0;

	snprintf(path, sizeof(path), "%spacked-refs", s->gitdir);
	if (!(f = fopen(path, "re")))
		return errno == ENOENT ? 0 : -1;
	while (rc == 0 && fgets(line, sizeof(line), f)) {
		size_t len = strlen(line);

		if (len == 0 || line[len - 1] != '\n')
			rc = -1;  /* longer than a ref's line */
		else if (len == 41 + n + 1 && line[40] == ' ' && !memcmp(line + 41, ref, n)) {
			line[40] = '\n';
			rc = hex_id(line, 41, oid) < 0 ? -1 : 1;
		}
	}
	fclose(f);
	return rc;
}

int store_head_files(struct store *s, struct store_oid *oid)
{
	char head[512], ref[512];
	ssize_t n;
	size_t i;

	if (!s->plain || (n = git_file(s, "HEAD", head, sizeof(head))) < 0)
		return -1;
	if (hex_id(head, (size_t)n, oid) == 0)
		return 1;  /* detached */
	if (strncmp(head, "ref: refs/heads/", 16) || head[n - 1] != '\n' || n < 18)
		return -1;
	head[n - 1] = '\0';
	/* a branch's name as git_reference_name_is_valid() would take it,
	 * kept to what needs no more thought than this */
	for (i = 16; head[i]; i++)
		if ((unsigned char)head[i] <= ' ' || strchr("\\\\:?[*~^\x7f", head[i]) ||
		    (head[i] == '.' && (head[i + 1] == '.' || head[i - 1] == '/')))
			return -1;
	if (head[i - 1] == '/' || strstr(head, ".lock") || strstr(head, "@{") || strstr(head, "//"))
		return -1;
	if ((n = git_file(s, head + 5, ref, sizeof(ref))) >= 0)
		return hex_id(ref, (size_t)n, oid) == 0 ? 1 : -1;
	if (n != -2)
		return -1;
	return packed_ref(s, head + 5, oid);  /* 0: the branch is unborn */
}

int store_repo(struct store *s, struct err *err)
{
	git_repository *repo;

	if (s->repo)
		return 0;
	if (store_global_start(err) < 0)
		return ERR_INTERNAL;
	if (git_repository_open_ext(&repo, s->workdir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot open the repository");
	s->repo = repo;
	return 0;
}

int store_init(struct store **out, const char *dir, struct err *err)
{
	git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
	git_repository *repo;

	*out = NULL;
	opts.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
	if (git_repository_init_ext(&repo, dir, &opts) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot create the repository");
	return store_new(out, repo, err);
}

void store_free(struct store *s)
{
	if (!s)
		return;
	store_unlock(s);
	if (s->topfd >= 0)
		close(s->topfd);
	if (s->dirfd >= 0)
		close(s->dirfd);
	if (s->repo)  /* none: opened without libgit2, which was never needed */
		git_repository_free(s->repo);
	free(s->workdir);
	free(s->gitdir);
	free(s);
}

const char *store_workdir(const struct store *s)
{
	return s->workdir;
}

const char *store_site(struct store *s)
{
	git_config *cfg;
	git_buf b = GIT_BUF_INIT;

	if (s->site[0])
		return s->site;
	if (git_repository_config_snapshot(&cfg, s->repo) == 0) {
		/* an id, or nothing: it goes into every commit's trailer */
		if (git_config_get_string_buf(&b, cfg, "convene.site") == 0 &&
		    strlen(b.ptr) < sizeof(s->site) && text_is_id(b.ptr))
			snprintf(s->site, sizeof(s->site), "%s", b.ptr);
		git_buf_dispose(&b);
		git_config_free(cfg);
	}
	git_error_clear();
	return s->site;
}

int store_config_get(struct store *s, const char *key, char *out, size_t size)
{
	git_config *cfg;
	git_buf b = GIT_BUF_INIT;
	int error = ERR_NOTFOUND;

	out[0] = '\0';
	if (git_repository_config_snapshot(&cfg, s->repo) == 0) {
		if (git_config_get_string_buf(&b, cfg, key) == 0 && b.size < size) {
			memcpy(out, b.ptr, b.size + 1);
			error = 0;
		}
		git_buf_dispose(&b);
		git_config_free(cfg);
	}
	git_error_clear();
	return error;
}

int store_config_set(struct store *s, const char *key, const char *value, struct err *err)
{
	git_config *cfg, *local;
	int error;

	if (git_repository_config(&cfg, s->repo) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read the repository's config");
	error = git_config_open_level(&local, cfg, GIT_CONFIG_LEVEL_LOCAL);
	git_config_free(cfg);
	if (error < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot open .git/config");
	store_mark(s, 1);  /* config.lock */
	error = git_config_set_string(local, key, value);
	store_mark(s, 0);
	git_config_free(local);
	if (error < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot write .git/config");
	if (!strcmp(key, "convene.site"))
		snprintf(s->site, sizeof(s->site), "%s", value);
	return 0;
}

int store_identity_error(struct err *err)
{
	git_error_clear();
	/* a setup to make, not a problem of the data: a usage error */
	err_set(err, ERR_USAGE, 0, 0, "who are you? git's user.name and user.email are not set");
	err_hint(err, "run: git config --global user.name \"Your Name\" && git config --global user.email you@example.org");
	return ERR_USAGE;
}

/*
 * The user's identity, dated now, or at $CONVENE_NOW when it is set
 * (2026-03-01T17:05:00+02:00): examples and tests get the same commits
 * each time, as git's GIT_AUTHOR_DATE gives them (libgit2 reads no such
 * variable).
 */
int store_signature(struct store *s, git_signature **out)
{
	const char *now = getenv("CONVENE_NOW");
	git_signature *plain;
	struct tm tm;
	int y, mo, d, h, mi, sec, oh, om, n = 0, error;
	char sign;

	if (!now || !*now)
		return git_signature_default(out, s->repo);
	if (sscanf(now, "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &sign,
		   &oh, &om, &n) != 9 || (sign != '+' && sign != '-') || now[n])
		return git_signature_default(out, s->repo);
	if ((error = git_signature_default(&plain, s->repo)) < 0)
		return error;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d;
	tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = sec;
	n = (sign == '-' ? -1 : 1) * (oh * 60 + om);
	error = git_signature_new(out, plain->name, plain->email, (git_time_t)timegm(&tm) - n * 60, n);
	git_signature_free(plain);
	return error;
}

int store_identity_check(struct store *s, struct err *err)
{
	git_signature *sig;

	if (s) {
		if (git_signature_default(&sig, s->repo) < 0)
			return store_identity_error(err);
		git_signature_free(sig);
		return 0;
	} else {
		git_config *cfg;
		git_buf name = GIT_BUF_INIT, email = GIT_BUF_INIT;
		int ok;

		if (git_config_open_default(&cfg) < 0)
			return store_identity_error(err);
		ok = git_config_get_string_buf(&name, cfg, "user.name") == 0 && name.size &&
		     git_config_get_string_buf(&email, cfg, "user.email") == 0 && email.size;
		git_buf_dispose(&name);
		git_buf_dispose(&email);
		git_config_free(cfg);
		return ok ? 0 : store_identity_error(err);
	}
}

/* ---- the edit lock ---- */

/* What to do about a file that cannot be made in dir: a read-only
 * folder or file system is the user's to fix, and says so. */
static void hint_unwritable(struct err *err, int errnum, const char *file)
{
	const char *slash = strrchr(file, '/');
	int n = slash && slash > file ? (int)(slash - file) : (int)strlen(file);

	if (errnum == EACCES || errnum == EPERM)
		err_hint(err, "convene writes in '%.*s' for every edit; check the folder's permissions (ls -ld '%.*s')",
			 n, file, n, file);
	else if (errnum == EROFS)
		err_hint(err, "'%.*s' is on a read-only file system; copy the initiative somewhere writable",
			 n, file);
}

/*
 * An flock(2) on $GIT_DIR/convene.lock: the kernel lets go of it when its
 * holder exits or is killed, so a crashed convene never leaves a lock that
 * someone must remove by hand, and two processes can never both decide
 * that a lock is stale.  The file itself stays; it holds the last
 * holder's pid, for people to read.
 */
/*
 * Our pid in the lock file, with " busy" while libgit2 (or convene) holds
 * git's own lock files on our behalf: index.lock, a ref's lock, HEAD,
 * FETCH_HEAD, config, packed-refs, and the temporary files of objects and
 * packs being received.  Whoever gets the lock next and finds " busy"
 * knows that the holder before was killed while it wrote, and removes
 * what it left (store_sweep()): a crash never leaves the repository
 * locked.  The mark's time (the lock file's mtime) is when that work
 * began.
 */
void store_mark(struct store *s, int busy)
{
	char text[48];
	int n = snprintf(text, sizeof(text), "%ld%s\n", (long)getpid(), busy ? " busy" : "");

	if (s->lockfd < 0)
		return;
	/* the outermost only: the mark's time must stay when the work began */
	if (busy ? s->busy++ > 0 : s->busy == 0 || --s->busy > 0)
		return;
	if (pwrite(s->lockfd, text, (size_t)n, 0) != n || ftruncate(s->lockfd, n) < 0) {
		/* only a hint for the next holder and for people */
	}
}

/* What git and libgit2 make while they write: <file>.lock beside each
 * file they replace, libgit2's temporary objects and packs. */
static int git_temp(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && !strcmp(name + n - 5, ".lock") && strcmp(name, "convene.lock")) ||
	       !strncmp(name, "pack_git2_", 10) || !strncmp(name, "tmp_object_git2_", 16);
}

static void sweep_dir(const char *dir, const struct timespec *since, int deep)
{
	char path[4096];
	struct dirent *de;
	struct stat st;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") ||
		    (size_t)snprintf(path, sizeof(path), "%s/%s", dir, de->d_name) >= sizeof(path) ||
		    lstat(path, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode) && deep)
			sweep_dir(path, since, deep);
		else if (S_ISREG(st.st_mode) && git_temp(de->d_name) &&
			 (st.st_mtim.tv_sec > since->tv_sec ||
			  (st.st_mtim.tv_sec == since->tv_sec && st.st_mtim.tv_nsec >= since->tv_nsec)))
			unlink(path);
	}
	closedir(d);
}

/*
 * Only what was made since the dead holder marked itself busy is removed:
 * a lock older than that was there before it began, is not its own (its
 * libgit2 would have failed on it), and stays for the error to name.  What
 * cannot be told apart is a git command (not convene: it takes no flock)
 * that took a lock in this very moment; it then fails to commit its lock
 * and says so, and nothing is lost.
 */
void store_sweep(const char *gitdir, const struct timespec *since)
{
	static const struct { const char *dir; int deep; } where[] = {
		{ "", 0 }, { "refs", 1 }, { "logs", 1 }, { "objects", 0 },
		{ "objects/pack", 0 }, { "convene", 0 },
	};
	char dir[4096];
	size_t i;

	for (i = 0; i < sizeof(where) / sizeof(where[0]); i++) {
		snprintf(dir, sizeof(dir), "%s%s%s", gitdir,
			 gitdir[0] && gitdir[strlen(gitdir) - 1] != '/' ? "/" : "", where[i].dir);
		sweep_dir(dir, since, where[i].deep);
	}
}

int store_lock(struct store *s, unsigned wait_ms, struct err *err)
{
	const char *gitdir = s->gitdir;
	struct timespec nap = { 0, 20 * 1000 * 1000 };
	char path[4096], pid[32];
	unsigned waited = 0;
	struct stat mark;
	int fd, n, error;

	if (s->lockfd >= 0)
		return 0;
	snprintf(path, sizeof(path), "%sconvene.lock", gitdir);
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) < 0) {
		int saved = errno;

		err_set(err, ERR_INTERNAL, 0, 0, "cannot open %s: %s", path, strerror(saved));
		hint_unwritable(err, saved, path);
		return ERR_INTERNAL;
	}
	while (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if ((errno != EWOULDBLOCK && errno != EINTR) || waited >= wait_ms) {
			close(fd);
			err_set(err, ERR_REFUSED, 0, 0,
				"another convene is editing this initiative (it holds %s)", path);
			err_hint(err, "wait for it to finish and run the command again");
			return ERR_REFUSED;
		}
		nanosleep(&nap, NULL);
		waited += 20;
	}
	s->lockfd = fd;
	/* the holder before us died while git's own locks were taken */
	n = (int)pread(fd, pid, sizeof(pid) - 1, 0);
	pid[n > 0 ? n : 0] = '\0';
	if (strstr(pid, " busy") && fstat(fd, &mark) == 0)
		store_sweep(gitdir, &mark.st_mtim);
	/* and while it checked out a sync's files: finished, or undone */
	store_mark(s, 1);
	error = store_checkout_recover(s, err);
	if (error == 0)
		error = store_reseal_recover(s);
	store_mark(s, 0);
	if (error < 0) {
		store_unlock(s);
		return error;
	}
	return 0;
}

void store_unlock(struct store *s)
{
	if (s->lockfd < 0)
		return;
	close(s->lockfd);  /* releases the flock */
	s->lockfd = -1;
	s->busy = 0;
}

/* ---- work-tree files ---- */

/*
 * The full path of a work-tree file.  No part of it may be a symbolic
 * link: a link committed by another site must not lead reads and writes
 * out of the initiative.
 */
int store_full_path(struct store *s, const char *path, char *out, size_t size, struct err *err)
{
	size_t top = strlen(s->workdir);
	struct stat st;
	char *p;

	if ((size_t)snprintf(out, size, "%s%s", s->workdir, path) >= size)
		return err_set(err, ERR_USAGE, 0, 0, "path too long: '%s'", path);
	for (p = out + top; p; p = strchr(p + 1, '/')) {
		char c = *p;

		*p = '\0';
		if (p > out + top && lstat(out, &st) == 0 && S_ISLNK(st.st_mode)) {
			*p = c;
			err_set(err, ERR_DATA, 0, 0, "'%.*s' is a symbolic link", (int)(p - out - top), path);
			err_hint(err, "convene does not follow links out of the initiative; replace it with the folder or file itself");
			return ERR_DATA;
		}
		*p = c;
	}
	if (lstat(out, &st) == 0 && S_ISLNK(st.st_mode)) {
		err_set(err, ERR_DATA, 0, 0, "'%s' is a symbolic link", path);
		err_hint(err, "convene does not follow links out of the initiative; replace it with the file itself");
		return ERR_DATA;
	}
	return 0;
}

/* A path of the layout, with nothing for the long way to look at:
 * no "." or ".." part, no empty part, not absolute. */
static int plain_path(const char *path)
{
	const char *p = path;

	for (;;) {
		size_t n = strcspn(p, "/");

		if (!n || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return 0;
		if (!p[n])
			return 1;
		p += n + 1;
	}
}

/*
 * store_read()'s short way: one openat2() below the work tree that refuses
 * a symbolic link anywhere in path (store_full_path()'s rule).  Returns 1
 * with *fd open, 0 when the long way must decide (a link, a name with "."
 * or "..", ...: it says what it always said), or ERR_NOTFOUND.
 */
/* The work tree, open; < 0 when it cannot be (the long way then). */
static int top_fd(struct store *s)
{
	if (s->topfd == -1 &&
	    (s->topfd = open(s->workdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		s->topfd = -2;
	return s->topfd;
}

static int open_short(struct store *s, const char *path, int *fd, struct err *err)
{
	struct open_how how;

	if (!plain_path(path) || top_fd(s) < 0)
		return 0;
	memset(&how, 0, sizeof(how));
	how.flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC;
	how.resolve = RESOLVE_NO_SYMLINKS;
	if ((*fd = (int)syscall(SYS_openat2, s->topfd, path, &how, sizeof(how))) < 0) {
		if (errno == ENOSYS || errno == EPERM) {  /* EPERM: a seccomp filter */
			close(s->topfd);
			s->topfd = -2;
		}
		if (errno == ENOENT)
			return err_set(err, ERR_NOTFOUND, 0, 0, "'%s' does not exist", path);
		return 0;
	}
	return 1;
}

/* A folder of the work tree (the first n bytes of folder), open below it
 * through no symbolic link: its descriptor, or -1 with errno (ENOSYS or
 * EPERM: there is no openat2() here, or no work tree open; the long way
 * then). */
static int open_folder(struct store *s, const char *folder, size_t n)
{
	struct open_how how;
	char name[sizeof(s->dir)];

	if (n >= sizeof(name) || top_fd(s) < 0) {
		errno = n >= sizeof(name) ? ENAMETOOLONG : ENOSYS;
		return -1;
	}
	snprintf(name, sizeof(name), "%.*s", (int)n, folder);
	memset(&how, 0, sizeof(how));
	how.flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
	how.resolve = RESOLVE_NO_SYMLINKS;
	return (int)syscall(SYS_openat2, s->topfd, name, &how, sizeof(how));
}

int store_file_stat(struct store *s, const char *file, struct stat *st)
{
	const char *slash = strrchr(file, '/');
	size_t n = slash ? (size_t)(slash - file) : 0;
	struct err e;

	if (!slash || n >= sizeof(s->dir) || !plain_path(file) || top_fd(s) < 0)
		goto long_way;
	if (s->dirfd < 0 || strncmp(s->dir, file, n) || s->dir[n]) {
		if (s->dirfd >= 0)
			close(s->dirfd);
		s->dir[0] = '\0';
		if ((s->dirfd = open_folder(s, file, n)) < 0) {
			if (errno == ENOSYS || errno == EPERM)  /* EPERM: a seccomp filter */
				goto long_way;
			return -1;
		}
		snprintf(s->dir, sizeof(s->dir), "%.*s", (int)n, file);
	}
	return fstatat(s->dirfd, slash + 1, st, AT_SYMLINK_NOFOLLOW);
long_way:
	{
		char full[4096];

		err_clear(&e);
		if (store_full_path(s, file, full, sizeof(full), &e) < 0) {
			errno = ELOOP;
			return -1;
		}
		return lstat(full, st);
	}
}

/* The stats of files [i, end) of w's short way, each through its folder's
 * descriptor. */
static void stat_range(struct store_stats *w, size_t i, size_t end)
{
	size_t r = 0;

	for (; i < end; i++) {
		while (i >= w->run[r].to)
			r++;
		w->ok[i] = fstatat(w->run[r].fd, w->files[i] + w->run[r].cut, &w->st[i],
				   AT_SYMLINK_NOFOLLOW) == 0;
	}
}

static void *stat_some(void *ctx)
{
	struct store_stats *w = ctx;
	size_t i;

	while ((i = atomic_fetch_add(&w->next, 64)) < w->shortway)
		stat_range(w, i, i + 64 < w->shortway ? i + 64 : w->shortway);
	return NULL;
}

/* Whether file goes by the folder run r is of: the folder's name, a
 * slash, and a plain name in it. */
static int in_run(const struct store_stats *w, size_t r, const char *file)
{
	const char *first = w->files[w->run[r].from];

	return !strncmp(file, first, w->run[r].cut) && !strchr(file + w->run[r].cut, '/') &&
	       plain_path(file);
}

/*
 * The cores the threads may run on, all but the caller's: made on the
 * caller's core, a new thread took its place there for milliseconds
 * (3 ms of 8 in the minutes) before the scheduler moved either to the
 * idle one.  *cpus: how many cores the process may use.  1 with *attr
 * set, 0 when there is no other (or it cannot be said).
 */
static int other_cores(pthread_attr_t *attr, size_t *cpus)
{
	cpu_set_t set;
	int cpu;

	if (sched_getaffinity(0, sizeof(set), &set) < 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		*cpus = n > 1 ? (size_t)n : 1;
		return 0;
	}
	*cpus = (size_t)CPU_COUNT(&set);
	if ((cpu = sched_getcpu()) < 0 || cpu >= CPU_SETSIZE || !CPU_ISSET(cpu, &set))
		return 0;
	CPU_CLR(cpu, &set);
	if (!CPU_COUNT(&set) || pthread_attr_init(attr) != 0)
		return 0;
	if (pthread_attr_setaffinity_np(attr, sizeof(set), &set) != 0) {
		pthread_attr_destroy(attr);
		return 0;
	}
	return 1;
}

void store_stats_begin(struct store_stats *w, struct store *s, char *const *files, size_t n,
		       struct stat *st, int *ok)
{
	pthread_attr_t attr;
	size_t i, workers, cpus;
	int pinned;

	memset(w, 0, sizeof(*w));
	w->s = s;
	w->files = files;
	w->n = n;
	w->st = st;
	w->ok = ok;
	/* runs of one folder's files, each through the folder's descriptor,
	 * as far as they go; the rest one by one, the long way */
	for (i = 0; i < n; i++) {
		const char *slash = strrchr(files[i], '/');

		if (w->nrun && in_run(w, w->nrun - 1, files[i]))
			continue;
		if (w->nrun)
			w->run[w->nrun - 1].to = i;
		if (w->nrun == STORE_STATS_RUNS || !slash || !plain_path(files[i]))
			break;
		w->run[w->nrun].from = i;
		w->run[w->nrun].cut = (size_t)(slash - files[i]) + 1;
		if ((w->run[w->nrun].fd = open_folder(s, files[i], (size_t)(slash - files[i]))) < 0)
			break;
		w->nrun++;
	}
	if (w->nrun)
		w->run[w->nrun - 1].to = i;
	w->shortway = w->nrun ? w->run[w->nrun - 1].to : 0;
	atomic_store(&w->next, 0);
	if (w->shortway < 256)
		return;  /* a few files: not worth a thread */
	/* a thread for every 256 files, one core left to the caller */
	pinned = other_cores(&attr, &cpus);
	workers = cpus - 1;
	if (workers > STORE_STATS_THREADS)
		workers = STORE_STATS_THREADS;
	if (workers > w->shortway / 256)
		workers = w->shortway / 256;
	for (i = 0; i < workers; i++)
		if (pthread_create(&w->t[w->started], pinned ? &attr : NULL, stat_some, w) == 0)
			w->started++;
	if (pinned)
		pthread_attr_destroy(&attr);
}

void store_stats_wait(struct store_stats *w)
{
	size_t i;

	stat_some(w);  /* what the threads have not begun */
	for (i = 0; i < w->started; i++)
		pthread_join(w->t[i], NULL);
	for (i = 0; i < w->nrun; i++)
		close(w->run[i].fd);
	for (i = w->shortway; i < w->n; i++)
		w->ok[i] = store_file_stat(w->s, w->files[i], &w->st[i]) == 0;
	w->nrun = w->started = 0;
}

void store_file_stats(struct store *s, char *const *files, size_t n, struct stat *st, int *ok)
{
	struct store_stats w;

	store_stats_begin(&w, s, files, n, st, ok);
	store_stats_wait(&w);
}

int store_read(struct store *s, const char *path, char **out, size_t *len, struct err *err)
{
	char full[4096];
	struct buf b = BUF_INIT;
	char chunk[65536];
	ssize_t n;
	int fd, error;

	*out = NULL;
	if ((error = open_short(s, path, &fd, err)) < 0)
		return error;
	/*
	 * The short way reads once: a read of a regular file that gives less
	 * than it asked for is at the end (POSIX read()), so a second would
	 * only say 0.  A file that does not read (a folder) goes the long way,
	 * which says why.  Three system calls for a small file, where the
	 * long way made six (the minutes read 2,000 member files).
	 */
	if (error && (n = read(fd, chunk, sizeof(chunk))) >= 0 && (size_t)n < sizeof(chunk)) {
		close(fd);
		if (!(*out = malloc((size_t)n + 1)))
			return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		memcpy(*out, chunk, (size_t)n);
		(*out)[n] = '\0';
		*len = (size_t)n;
		return 0;
	}
	if (error && n > 0) {
		buf_add(&b, chunk, (size_t)n);  /* a large file: read on */
	} else {
		if (error)
			close(fd);
		if ((error = store_full_path(s, path, full, sizeof(full), err)) < 0)
			return error;
		if ((fd = open(full, O_RDONLY | O_CLOEXEC)) < 0) {
			if (errno == ENOENT)
				return err_set(err, ERR_NOTFOUND, 0, 0, "'%s' does not exist", path);
			return err_set(err, ERR_INTERNAL, 0, 0, "cannot open '%s': %s", path,
				       strerror(errno));
		}
	}
	/* one byte past the limit is enough to say the file is too large */
	while ((n = read(fd, chunk, sizeof(chunk))) > 0) {
		buf_add(&b, chunk, (size_t)n);
		if (b.len > DOC_MAX_BYTES)
			break;
	}
	close(fd);
	if (n < 0) {
		buf_release(&b);
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot read '%s': %s", path, strerror(errno));
	}
	if (!(*out = buf_detach(&b, len)))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	return 0;
}

int store_read_head(struct store *s, const char *path, char *buf, size_t size, size_t *len,
		    struct err *err)
{
	char *data;
	size_t all;
	ssize_t n;
	int fd, error;

	if ((error = open_short(s, path, &fd, err)) < 0)
		return error;
	if (error) {
		n = read(fd, buf, size);
		close(fd);
		if (n >= 0) {
			*len = (size_t)n;
			return 0;
		}
	}
	/* the long way, which says why a file does not read */
	if ((error = store_read(s, path, &data, &all, err)) < 0)
		return error;
	*len = all < size ? all : size;
	memcpy(buf, data, *len);
	free(data);
	return 0;
}

int store_exists(struct store *s, const char *path, struct err *err)
{
	char *data;
	size_t len;
	int error = store_read(s, path, &data, &len, err);

	if (error == ERR_NOTFOUND)
		return 0;
	if (error < 0)
		return error;
	free(data);
	return 1;
}

static int make_dirs(char *full, size_t top)
{
	char *p;

	for (p = full + top; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(full, 0777) < 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

void store_fsync_dir(const char *full)
{
	char dir[4096];
	char *slash;
	int fd;

	snprintf(dir, sizeof(dir), "%s", full);
	if (!(slash = strrchr(dir, '/')))
		return;
	*slash = '\0';
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
}

int store_write_file(struct store *s, const char *path, const void *data, size_t len,
		     unsigned mode, struct err *err)
{
	char full[4096], lock[4200];
	const char *p = data;
	size_t left = len;
	ssize_t n;
	int fd, error, saved;

	if ((error = store_full_path(s, path, full, sizeof(full), err)) < 0)
		return error;
	snprintf(lock, sizeof(lock), "%s.lock", full);
	if (make_dirs(full, strlen(s->workdir)) < 0) {
		saved = errno;
		err_set(err, ERR_INTERNAL, 0, 0, "cannot make the folder of '%s': %s", path,
			strerror(saved));
		hint_unwritable(err, saved, full);
		return ERR_INTERNAL;
	}
	fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, (mode_t)mode);
	if (fd < 0 && errno == EEXIST && s->lockfd >= 0) {
		/* under the edit lock, a <file>.lock is what a killed convene
		 * left half-written: the file itself is untouched, drop it */
		unlink(lock);
		fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, (mode_t)mode);
	}
	if (fd < 0) {
		if (errno == EEXIST) {
			err_set(err, ERR_REFUSED, 0, 0, "'%s.lock' exists: another program is writing '%s'",
				path, path);
			err_hint(err, "if no other program is running, remove '%s.lock'", path);
			return ERR_REFUSED;
		}
		saved = errno;
		err_set(err, ERR_INTERNAL, 0, 0, "cannot create '%s.lock': %s", path, strerror(saved));
		hint_unwritable(err, saved, full);
		return ERR_INTERNAL;
	}
	while (left) {
		n = write(fd, p, left);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		p += n;
		left -= (size_t)n;
	}
	if (fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(lock, full) < 0)
		goto fail;
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(lock);
	return err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", path, strerror(saved));
}

int store_write(struct store *s, const char *path, const void *data, size_t len,
		struct err *err)
{
	char full[4096];
	int error;

	if ((error = store_write_file(s, path, data, len, 0644, err)) < 0)
		return error;
	if (store_full_path(s, path, full, sizeof(full), err) == 0)
		store_fsync_dir(full);
	return 0;
}

int store_remove(struct store *s, const char *path, struct err *err)
{
	char full[4096];
	int error;

	if ((error = store_full_path(s, path, full, sizeof(full), err)) < 0)
		return error;
	if (unlink(full) < 0 && errno != ENOENT)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot remove '%s': %s", path, strerror(errno));
	return 0;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int store_list_add(char ***v, size_t *n, size_t *cap, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *p;

	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		char **nv = realloc(*v, c * sizeof(char *));

		if (!nv)
			return -1;
		*v = nv;
		*cap = c;
	}
	if (!(p = malloc(la + lb + 1)))
		return -1;
	memcpy(p, a, la);
	memcpy(p + la, b, lb + 1);
	(*v)[(*n)++] = p;
	return 0;
}

int store_list_folder(struct store *s, const char *folder, char ***v, size_t *n, size_t *cap)
{
	char full[4096], dir[64];
	size_t first = *n;
	struct dirent *de;
	struct stat st;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/", folder);
	snprintf(full, sizeof(full), "%s%s", s->workdir, dir);
	if (!(d = opendir(full)))
		return 0;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (l < 6 || strcmp(de->d_name + l - 5, ".yaml") || de->d_name[0] == '.')
			continue;
		/* folders and links: store_strays() tells; d_type saves a stat
		 * per file where the file system gives it */
		if (de->d_type != DT_REG) {
			snprintf(full, sizeof(full), "%s%s%s", s->workdir, dir, de->d_name);
			if (de->d_type != DT_UNKNOWN || lstat(full, &st) < 0 || !S_ISREG(st.st_mode))
				continue;
		}
		if (store_list_add(v, n, cap, dir, de->d_name) < 0) {
			closedir(d);
			return ERR_NOMEM;
		}
	}
	closedir(d);
	qsort(*v + first, *n - first, sizeof(char *), str_cmp);
	return 0;
}

int store_list(struct store *s, char ***out, size_t *n, struct err *err)
{
	const struct layout_folder *f;
	char full[4096], **v = NULL;
	size_t cap = 0;
	struct stat st;

	*out = NULL;
	*n = 0;
	snprintf(full, sizeof(full), "%s%s", s->workdir, LAYOUT_INITIATIVE);
	if (stat(full, &st) == 0 && store_list_add(&v, n, &cap, "", LAYOUT_INITIATIVE) < 0)
		goto oom;
	for (f = layout_folders; f->name; f++)
		if (store_list_folder(s, f->name, &v, n, &cap) < 0)
			goto oom;
	*out = v;
	return 0;
oom:
	store_list_free(v, *n);
	*n = 0;
	return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
}

static int yamlish(const char *name)
{
	size_t l = strlen(name);

	return (l > 5 && !strcmp(name + l - 5, ".yaml")) || (l > 4 && !strcmp(name + l - 4, ".yml"));
}

/* Adds the YAML-looking entries of top/dir (one level) to the list;
 * in the layout's folders, only the ones convene would not read. */
static int strays_in(struct store *s, const char *dir, int layout, char ***v, size_t *n,
		     size_t *cap)
{
	char full[4096], rel[1024];
	struct dirent *de;
	struct stat st;
	DIR *d;
	int error = 0;

	snprintf(full, sizeof(full), "%s%s", s->workdir, dir);
	if (!(d = opendir(full)))
		return 0;
	while (!error && (de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		snprintf(rel, sizeof(rel), "%s%s%s", dir, dir[0] ? "/" : "", de->d_name);
		snprintf(full, sizeof(full), "%s%s", s->workdir, rel);
		if (lstat(full, &st) < 0)
			continue;
		if (S_ISLNK(st.st_mode)) {
			if (layout || yamlish(de->d_name) || layout_folder_kind(de->d_name) != KIND_NONE)
				error = store_list_add(v, n, cap, rel, "@");
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (!dir[0] && layout_folder_kind(de->d_name) == KIND_NONE)
				error = strays_in(s, rel, 0, v, n, cap);
			else if (layout)
				error = store_list_add(v, n, cap, rel, "/");
			continue;
		}
		if (!yamlish(de->d_name))
			continue;
		if (layout && !strcmp(de->d_name + (l > 5 ? l - 5 : 0), ".yaml"))
			continue;
		if (!dir[0] && !strcmp(de->d_name, LAYOUT_INITIATIVE))
			continue;
		error = store_list_add(v, n, cap, rel, "");
	}
	closedir(d);
	return error;
}

int store_strays(struct store *s, char ***out, size_t *n, struct err *err)
{
	const struct layout_folder *f;
	size_t cap = 0;
	char **v = NULL;
	int error;

	*n = 0;
	error = strays_in(s, "", 0, &v, n, &cap);
	for (f = layout_folders; !error && f->name; f++)
		error = strays_in(s, f->name, 1, &v, n, &cap);
	if (error) {
		store_list_free(v, *n);
		*n = 0;
		*out = NULL;
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	if (*n)
		qsort(v, *n, sizeof(char *), str_cmp);
	*out = v;
	return 0;
}

/* The line of the first "<<<<<<< " that a "=======" and a ">>>>>>> "
 * follow, each at a line's start; 0 when there is none. */
static unsigned marker_line(const char *p, size_t len)
{
	unsigned line = 1, at = 0;
	int stage = 0;
	size_t i = 0;

	while (i < len) {
		const char *q = p + i;
		size_t left = len - i;

		if (stage == 0 && left >= 8 && !memcmp(q, "<<<<<<< ", 8))
			stage = 1, at = line;
		else if (stage == 1 && left >= 7 && !memcmp(q, "=======", 7) &&
			 (left == 7 || q[7] == '\n' || q[7] == '\r'))
			stage = 2;
		else if (stage == 2 && left >= 8 && !memcmp(q, ">>>>>>> ", 8))
			return at;
		q = memchr(q, '\n', left);
		if (!q)
			break;
		i = (size_t)(q - p) + 1;
		line++;
	}
	return 0;
}

int store_marked(struct store *s, char ***out, unsigned **lines, size_t *n, struct err *err)
{
	git_index *index = NULL;
	size_t cap = 0, count, i, l;
	unsigned *at = NULL;
	char **v = NULL;
	int error = 0;

	*out = NULL;
	*lines = NULL;
	*n = 0;
	if (git_repository_index(&index, s->repo) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read the index");
	count = git_index_entrycount(index);
	for (i = 0; i < count && !error; i++) {
		const git_index_entry *e = git_index_get_byindex(index, i);
		char *data = NULL;
		size_t len;
		unsigned line;

		l = strlen(e->path);
		if (git_index_entry_stage(e) || (e->mode != GIT_FILEMODE_BLOB &&
						  e->mode != GIT_FILEMODE_BLOB_EXECUTABLE) ||
		    (l > 5 && !strcmp(e->path + l - 5, ".yaml")))
			continue;
		if (store_read(s, e->path, &data, &len, err) < 0) {
			err_clear(err);
			continue;  /* gone or unreadable: not this list's business */
		}
		line = marker_line(data, len);
		free(data);
		if (!line)
			continue;
		{
			/* few files have markers: one more line each time */
			unsigned *w = realloc(at, (*n + 1) * sizeof(*w));

			if (!w) {
				error = ERR_NOMEM;
				break;
			}
			at = w;
		}
		if ((error = store_list_add(&v, n, &cap, e->path, "")) == 0)
			at[*n - 1] = line;
	}
	git_index_free(index);
	if (error) {
		store_list_free(v, *n);
		free(at);
		*n = 0;
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	*out = v;
	*lines = at;
	return 0;
}

void store_list_free(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* ---- commits ---- */

/*
 * Puts a work-tree file into an in-memory index (written as a blob), or
 * takes it out when the file is gone.
 */
static int put_path(struct store *s, git_index *index, const char *path, struct err *err)
{
	git_index_entry e;

	char full[4096];
	struct stat st;
	int error;

	if ((error = store_full_path(s, path, full, sizeof(full), err)) < 0)
		return error;
	if (lstat(full, &st) < 0) {
		if (git_index_get_bypath(index, path, 0) && git_index_remove(index, path, 0) < 0)
			return store_git_fail(err, ERR_INTERNAL, "cannot remove from the tree");
		return 0;
	}
	memset(&e, 0, sizeof(e));
	e.mode = (st.st_mode & 0111) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
	e.path = path;
	/* as `git add` would store it: with the repository's filters */
	if (git_blob_create_from_workdir(&e.id, s->repo, path) < 0 || git_index_add(index, &e) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot write the file into the repository");
	return 0;
}

/* The same paths in the repository's index, as `git add` would. */
static int stage(struct store *s, const char *const *paths, size_t n, struct err *err)
{
	git_index *index;
	char full[4096];
	struct stat st;
	size_t i;
	int error = 0;

	if (git_repository_index(&index, s->repo) < 0)
		return store_git_fail(err, ERR_INTERNAL, "committed, but cannot read the index");
	for (i = 0; i < n && !error; i++) {
		if ((error = store_full_path(s, paths[i], full, sizeof(full), err)) < 0)
			break;
		error = lstat(full, &st) == 0 ? git_index_add_bypath(index, paths[i])
					      : git_index_remove_bypath(index, paths[i]);
	}
	if (!error)
		error = git_index_write(index);
	git_index_free(index);
	if (error < 0)
		return store_git_fail(err, error == GIT_ELOCKED ? ERR_REFUSED : ERR_INTERNAL,
				"committed, but cannot update the index");
	return 0;
}

int store_head(struct store *s, char *out, size_t size)
{
	git_oid oid;

	out[0] = '\0';
	if (git_reference_name_to_id(&oid, s->repo, "HEAD") < 0) {
		git_error_clear();
		return 0;  /* no commit yet */
	}
	git_oid_tostr(out, size, &oid);
	return 0;
}

/* A commit between store_prepare() and store_finish(): see store.h. */
struct store_pending {
	struct store *s;
	git_signature *sig;
	git_object *head;        /* HEAD's commit, NULL before the first */
	git_tree *tree;
	char **paths;
	size_t n;
	char index_path[4096];   /* the next index, for hooks (GIT_INDEX_FILE) */
};

void store_abandon(struct store_pending *p)
{
	size_t i;

	if (!p)
		return;
	if (p->index_path[0])
		unlink(p->index_path);
	for (i = 0; i < p->n; i++)
		free(p->paths[i]);
	free(p->paths);
	git_tree_free(p->tree);
	git_object_free(p->head);
	git_signature_free(p->sig);
	free(p);
}

const char *store_pending_index(const struct store_pending *p)
{
	return p->index_path;
}

/*
 * The tree to commit is HEAD's with the given paths as they are in the
 * work tree, as `git commit PATH...` makes it: whatever else the user has
 * staged stays staged and out of the commit.  Like git, the next index is
 * written to a file of its own for the hooks to see.
 */
/* HEAD's tree with paths replaced by the work tree's files (or removed). */
static int updated_tree(struct store_pending *p, const char *const *paths, size_t n,
			struct err *err)
{
	git_tree_update *up = calloc(n ? n : 1, sizeof(*up));
	git_tree *base = NULL;
	git_oid id;
	char full[4096];
	struct stat st;
	size_t i;
	int error = 0;

	if (!up)
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	for (i = 0; i < n && !error; i++) {
		if ((error = store_full_path(p->s, paths[i], full, sizeof(full), err)) < 0)
			break;
		up[i].path = paths[i];
		if (lstat(full, &st) < 0) {
			up[i].action = GIT_TREE_UPDATE_REMOVE;
			continue;
		}
		up[i].action = GIT_TREE_UPDATE_UPSERT;
		up[i].filemode = (st.st_mode & 0111) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
		if (git_blob_create_from_workdir(&up[i].id, p->s->repo, paths[i]) < 0)
			error = store_git_fail(err, ERR_INTERNAL, "cannot write the file into the repository");
	}
	if (!error && p->head && git_commit_tree(&base, (git_commit *)p->head) < 0)
		error = store_git_fail(err, ERR_INTERNAL, "cannot read HEAD's tree");
	/* removing a path that is not there is no change, not an error */
	for (i = 0; !error && i < n; i++)
		if (up[i].action == GIT_TREE_UPDATE_REMOVE) {
			git_tree_entry *e = NULL;

			if (!base || git_tree_entry_bypath(&e, base, paths[i]) < 0) {
				git_error_clear();
				up[i] = up[--n];
				i--;
			}
			git_tree_entry_free(e);
		}
	if (!error && (git_tree_create_updated(&id, p->s->repo, base, n, up) < 0 ||
		       git_tree_lookup(&p->tree, p->s->repo, &id) < 0))
		error = store_git_fail(err, ERR_INTERNAL, "cannot write the tree");
	git_tree_free(base);
	free(up);
	return error;
}

int store_prepare(struct store_pending **out, struct store *s, const char *const *paths,
		  size_t n, const char *expect_head, int want_index, struct err *err)
{
	struct store_pending *p;
	char lock[4200], head_hex[GIT_OID_HEXSZ + 1];
	git_index *index = NULL;
	git_tree *ptree = NULL;
	git_oid tree_id;
	size_t i;
	int error;

	*out = NULL;
	if (!(p = calloc(1, sizeof(*p))) || !(p->paths = calloc(n + 1, sizeof(char *)))) {
		free(p);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	p->s = s;
	for (p->n = 0; p->n < n; p->n++)
		if (!(p->paths[p->n] = strdup(paths[p->n]))) {
			error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
			goto fail;
		}
	if (store_signature(s, &p->sig) < 0) {
		error = store_identity_error(err);
		goto fail;
	}
	/* git itself is working here: don't commit under its feet */
	snprintf(lock, sizeof(lock), "%sindex.lock", git_repository_path(s->repo));
	if (access(lock, F_OK) == 0) {
		error = err_set(err, ERR_REFUSED, 0, 0, "git is busy with this repository (%s exists)", lock);
		err_hint(err, "wait for the git command to finish; if none is running, remove %s", lock);
		goto fail;
	}
	if (git_repository_state(s->repo) != GIT_REPOSITORY_STATE_NONE) {
		error = err_set(err, ERR_REFUSED, 0, 0, "a git merge (or rebase, cherry-pick...) is in progress here");
		err_hint(err, "undo it with git merge --abort, or finish it: fix the files git marked, git add them, git commit");
		goto fail;
	}
	store_head(s, head_hex, sizeof(head_hex));
	if (expect_head && strcmp(expect_head, head_hex)) {
		error = err_set(err, ERR_REFUSED, 0, 0,
				"the initiative changed while this edit was made (a commit landed)");
		err_hint(err, "nothing was changed; run the command again");
		goto fail;
	}
	/* blobs and trees (libgit2's tmp_object_git2_* while it writes) */
	store_mark(s, 1);
	error = git_revparse_single(&p->head, s->repo, "HEAD^{commit}");
	if (error < 0 && error != GIT_ENOTFOUND && error != GIT_EUNBORNBRANCH) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot read HEAD");
		goto fail;
	}
	if (!want_index) {
		/* no hook to show an index to: change only the trees on the
		 * paths, not a whole index of every file */
		if ((error = updated_tree(p, paths, n, err)) < 0)
			goto fail;
		store_mark(s, 0);
		*out = p;
		return 0;
	}
	snprintf(p->index_path, sizeof(p->index_path), "%sconvene-next-index",
		 git_repository_path(s->repo));
	unlink(p->index_path);
	snprintf(lock, sizeof(lock), "%s.lock", p->index_path);
	unlink(lock);  /* ours alone, and we hold the edit lock */
	if (git_index_open(&index, p->index_path) < 0 ||
	    (p->head && (git_commit_tree(&ptree, (git_commit *)p->head) < 0 ||
			 git_index_read_tree(index, ptree) < 0))) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot read HEAD's tree");
		goto fail;
	}
	for (i = 0; i < n; i++)
		if ((error = put_path(s, index, paths[i], err)) < 0)
			goto fail;
	if (git_index_write_tree_to(&tree_id, index, s->repo) < 0 ||
	    git_tree_lookup(&p->tree, s->repo, &tree_id) < 0 || git_index_write(index) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot write the tree");
		goto fail;
	}
	git_tree_free(ptree);
	git_index_free(index);
	store_mark(s, 0);
	*out = p;
	return 0;
fail:
	store_mark(s, 0);
	git_tree_free(ptree);
	git_index_free(index);
	store_abandon(p);
	return error;
}

int store_finish(struct store_pending *p, const char *message, char *oid_out, size_t oid_size,
		 struct err *err)
{
	struct buf msg = BUF_INIT;
	const char *site = store_site(p->s);
	const git_commit *parents[1] = { (const git_commit *)p->head };
	git_oid commit_id;
	int error;

	layout_commit_message(&msg, message, site);
	if (buf_failed(&msg)) {
		error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		goto done;
	}
	/* HEAD moved since we read it (another program committed): refused
	 * by libgit2 with GIT_EMODIFIED rather than losing that commit */
	store_mark(p->s, 1);
	error = git_commit_create(&commit_id, p->s->repo, "HEAD", p->sig, p->sig, NULL, msg.ptr,
				  p->tree, p->head ? 1 : 0, parents);
	if (error < 0) {
		error = store_git_fail(err, error == GIT_EMODIFIED || error == GIT_ELOCKED ? ERR_REFUSED
										    : ERR_INTERNAL,
				 "cannot commit");
		goto done;
	}
	if (oid_out)
		git_oid_tostr(oid_out, oid_size, &commit_id);
	/* the commit is made: a stale index is worth a warning, not a failure */
	if ((error = stage(p->s, (const char *const *)p->paths, p->n, err) < 0 ? 1 : 0))
		err_hint(err, "git status shows the old file as staged; run: git reset -q -- %s",
			 p->paths[0]);
done:
	store_mark(p->s, 0);
	buf_release(&msg);
	store_abandon(p);
	return error;
}

int store_stage(struct store *s, const char *const *paths, size_t n, struct err *err)
{
	int error;

	store_mark(s, 1);
	error = stage(s, paths, n, err);
	store_mark(s, 0);
	return error;
}

int store_commit(struct store *s, const char *const *paths, size_t n, const char *message,
		 const char *expect_head, char *oid_out, size_t oid_size, struct err *err)
{
	struct store_pending *p;
	int error;

	if ((error = store_prepare(&p, s, paths, n, expect_head, 0, err)) < 0)
		return error;
	return store_finish(p, message, oid_out, oid_size, err);
}

int store_hooks_dir(struct store *s, char *out, size_t size)
{
	git_config *cfg;
	git_buf b = GIT_BUF_INIT;
	int found = 0;

	if (git_repository_config_snapshot(&cfg, s->repo) == 0) {
		if (git_config_get_path(&b, cfg, "core.hooksPath") == 0 && b.size) {
			/* relative to the work tree's top, as git takes it */
			if (b.ptr[0] == '/')
				snprintf(out, size, "%s", b.ptr);
			else
				snprintf(out, size, "%s%s", s->workdir, b.ptr);
			found = 1;
		}
		git_buf_dispose(&b);
		git_config_free(cfg);
	}
	git_error_clear();
	if (!found)
		snprintf(out, size, "%shooks", git_repository_path(s->repo));
	return 0;
}

const char *store_gitdir(const struct store *s)
{
	return s->gitdir;
}

int store_changed(struct store *s, char ***out, size_t *n, struct err *err)
{
	git_status_options opts = GIT_STATUS_OPTIONS_INIT;
	git_status_list *list;
	size_t i, count, cap = 0;
	char **v = NULL;

	*out = NULL;
	*n = 0;
	opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
		     GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
	if (git_status_list_new(&list, s->repo, &opts) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read the status of the work tree");
	count = git_status_list_entrycount(list);
	for (i = 0; i < count; i++) {
		const git_status_entry *e = git_status_byindex(list, i);
		const git_diff_delta *d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
		const char *path;

		if (!d || e->status == GIT_STATUS_CURRENT || (e->status & GIT_STATUS_IGNORED))
			continue;
		path = d->new_file.path ? d->new_file.path : d->old_file.path;
		/* a new file that git does not know: the initiative's only (a
		 * bundle dropped here is not a hand edit) */
		if (e->status == GIT_STATUS_WT_NEW && layout_kind(path) == KIND_NONE)
			continue;
		if (store_list_add(&v, n, &cap, "", path) < 0) {
			git_status_list_free(list);
			store_list_free(v, *n);
			*n = 0;
			return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		}
	}
	git_status_list_free(list);
	*out = v;
	return 0;
}

int store_remote_add(struct store *s, const char *name, const char *url, struct err *err)
{
	git_remote *r;
	int error = git_remote_create(&r, s->repo, name, url);

	if (error == GIT_EEXISTS) {
		err_set(err, ERR_USAGE, 0, 0, "a remote '%s' exists already", name);
		err_hint(err, "remove it first (convene remote rm %s) or pick another name", name);
		return ERR_USAGE;
	}
	if (error == GIT_EINVALIDSPEC) {
		err_set(err, ERR_USAGE, 0, 0, "'%s' is not a valid remote name", name);
		return ERR_USAGE;
	}
	if (error < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot add the remote");
	git_remote_free(r);
	return 0;
}

int store_remote_rm(struct store *s, const char *name, struct err *err)
{
	int error = git_remote_delete(s->repo, name);

	if (error == GIT_ENOTFOUND) {
		git_error_clear();
		err_set(err, ERR_NOTFOUND, 0, 0, "there is no remote '%s'", name);
		err_hint(err, "'convene remote list' shows them");
		return ERR_NOTFOUND;
	}
	if (error < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot remove the remote");
	return 0;
}

int store_remote_list(struct store *s, void (*fn)(void *ctx, const char *name, const char *url),
		      void *ctx, struct err *err)
{
	git_strarray names = { NULL, 0 };
	size_t i;

	if (git_remote_list(&names, s->repo) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot list the remotes");
	qsort(names.strings, names.count, sizeof(char *), str_cmp);
	for (i = 0; i < names.count; i++) {
		git_remote *r;

		if (git_remote_lookup(&r, s->repo, names.strings[i]) < 0) {
			git_error_clear();
			continue;
		}
		fn(ctx, names.strings[i], git_remote_url(r) ? git_remote_url(r) : "");
		git_remote_free(r);
	}
	git_strarray_dispose(&names);
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void store_remove_tree(const char *dir)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
