/*
 * Fetch, merge, push and clone with libgit2 (sync.h).  The YAML merge runs
 * inside libgit2's merge as a registered merge driver, also as the default
 * driver: libgit2 reads attributes from the work tree only, so a
 * .gitattributes that came with the merge would not count yet.
 */
#define _GNU_SOURCE  /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "git2.h"

#include "core/layout.h"
#include "core/mergefile.h"
#include "core/text.h"
#include "core/tr.h"
#include "internal.h"
#include "tls.h"
#include "history.h"
#include "sync.h"

extern char **environ;

/* ---- remotes and errors ---- */

int store_branch(struct store *s, char *out, size_t size, struct err *err)
{
	git_reference *head;
	const char *name;
	int error = git_repository_head(&head, s->repo);

	if (error == GIT_EUNBORNBRANCH || error == GIT_ENOTFOUND) {
		/* no commit yet: the branch HEAD names */
		git_reference *sym;

		if (git_reference_lookup(&sym, s->repo, "HEAD") < 0)
			return store_git_fail(err, ERR_INTERNAL, "cannot read HEAD");
		name = git_reference_symbolic_target(sym);
		if (name && !strncmp(name, "refs/heads/", 11))
			snprintf(out, size, "%s", name + 11);
		git_reference_free(sym);
		git_error_clear();
		return name ? 0 : err_set(err, ERR_INTERNAL, 0, 0, "HEAD names no branch");
	}
	if (error < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read HEAD");
	if (!git_reference_is_branch(head)) {
		git_reference_free(head);
		err_set(err, ERR_USAGE, 0, 0, "HEAD is detached (not on a branch); sync needs a branch");
		err_hint(err, "go back to your branch: git switch main");
		return ERR_USAGE;
	}
	git_branch_name(&name, head);
	snprintf(out, size, "%s", name);
	git_reference_free(head);
	return 0;
}

int store_sync_remote(struct store *s, const char *want, char *name, size_t nsize, char *url,
		      size_t usize, struct err *err)
{
	git_strarray list = { 0 };
	git_remote *r = NULL;
	char branch[256], key[300];
	const char *pick = want;
	size_t i;
	int error = 0, has_origin = 0;

	if (git_remote_list(&list, s->repo) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read the remotes");
	for (i = 0; i < list.count; i++)
		has_origin |= !strcmp(list.strings[i], "origin");
	if (!pick) {
		if (store_branch(s, branch, sizeof(branch), err) == 0) {
			snprintf(key, sizeof(key), "branch.%s.remote", branch);
			if (store_config_get(s, key, name, nsize) == 0)
				pick = name;
		}
		err_clear(err);
	}
	if (!pick && has_origin)
		pick = "origin";
	if (!pick && list.count == 1)
		pick = list.strings[0];
	if (!pick) {
		if (!list.count) {
			err_set(err, ERR_USAGE, 0, 0, "this initiative has no remote to sync with");
			err_hint(err, "add one: convene remote add hub URL (a path, git://, https:// or ssh://); or carry a bundle: convene sync FILE.bundle");
		} else {
			err_set(err, ERR_USAGE, 0, 0, "there are %zu remotes; which one?", list.count);
			err_hint(err, "name it: convene sync %s (convene remote list shows them)",
				 list.strings[0]);
		}
		error = ERR_USAGE;
		goto done;
	}
	if (git_remote_lookup(&r, s->repo, pick) < 0) {
		git_error_clear();
		err_set(err, ERR_USAGE, 0, 0, "no remote named '%s'", pick);
		err_hint(err, "convene remote list shows them; convene remote add NAME URL adds one");
		error = ERR_USAGE;
		goto done;
	}
	if (pick != name)
		snprintf(name, nsize, "%s", pick);
	snprintf(url, usize, "%s", git_remote_url(r) ? git_remote_url(r) : "");
done:
	git_remote_free(r);
	git_strarray_dispose(&list);
	return error;
}

struct xfer {
	const struct store_progress *p;
	struct store *s;
	int tries;               /* credential attempts */
	char line[1024];         /* a part line of the server's text */
	size_t linelen;
	char refused[512];       /* the server's reason for refusing a ref */
	int stale;               /* refused as not a fast-forward */
	char said[1024];         /* the last lines the server said */
	const char *url;         /* the remote's */
	enum {
		HOSTKEY_OK,          /* not refused (or not SSH) */
		HOSTKEY_NONE,        /* the server gave no key to check */
		HOSTKEY_UNKNOWN,     /* known_hosts has no key for it */
		HOSTKEY_MISMATCH     /* known_hosts has another key for it */
	} hostkey;
	char hostname[300];      /* the server, as known_hosts names it */
};

/* libgit2's last error message (in English), to follow a message of ours. */
static const char *git_reason(void)
{
	const git_error *e = git_error_last();

	return e && e->message ? e->message : tr("unknown error");
}

/* The file in libgit2's "failed to lock file 'PATH' for writing", into
 * out; 0 when msg is not that. */
static int locked_file(const char *msg, char *out, size_t size)
{
	const char *p = msg ? strstr(msg, "failed to lock file '") : NULL, *end;

	if (!p)
		return 0;
	p += strlen("failed to lock file '");
	if (!(end = strchr(p, '\'')) || (size_t)(end - p) >= size)
		return 0;
	snprintf(out, size, "%.*s", (int)(end - p), p);
	return 1;
}

/*
 * A lock file of git's in the way here that no dead convene left (the
 * next holder of the edit lock removes those, store_sweep()): a git
 * command's, under way or killed.  Never removed here: the error names it,
 * says how long it has been there and what to do.  ERR_REFUSED, exit 4.
 */
static int lock_fail(struct err *err, const char *file)
{
	struct stat st;
	int known = stat(file, &st) == 0;
	long secs = known ? (long)(time(NULL) - st.st_mtime) : 0;

	if (secs < 0)
		secs = 0;  /* a clock set back */
	/* one whole sentence for each unit, to be translated whole */
	if (!known)
		err_set(err, ERR_REFUSED, 0, 0,
			"git's lock file '%s' is in the way (it has been there for a moment)", file);
	else if (secs == 1)
		err_set(err, ERR_REFUSED, 0, 0,
			"git's lock file '%s' is in the way (it has been there for %ld second)",
			file, secs);
	else if (secs < 120)
		err_set(err, ERR_REFUSED, 0, 0,
			"git's lock file '%s' is in the way (it has been there for %ld seconds)",
			file, secs);
	else if (secs < 2 * 3600)
		err_set(err, ERR_REFUSED, 0, 0,
			"git's lock file '%s' is in the way (it has been there for %ld minutes)",
			file, secs / 60);
	else if (secs < 2 * 86400)
		err_set(err, ERR_REFUSED, 0, 0,
			"git's lock file '%s' is in the way (it has been there for %ld hours)",
			file, secs / 3600);
	else
		err_set(err, ERR_REFUSED, 0, 0,
			"git's lock file '%s' is in the way (it has been there for %ld days)",
			file, secs / 86400);
	err_hint(err, "a git command is writing there, or one was killed while it did: if none is running, remove that file (rm '%s') and sync again",
		 file);
	return ERR_REFUSED;
}

/*
 * A failed transfer as our error.  What means "cannot reach it now" (no
 * network, refused, no such host, a path that is not there: a USB stick
 * not plugged in) is ERR_UNREACHABLE, exit 3: the work is kept and the
 * next sync catches up.
 */
static int net_fail(struct err *err, int error, const char *url_in, const struct xfer *x)
{
	const git_error *e = git_error_last();
	const char *msg = git_reason();
	int klass = e ? e->klass : 0;
	char url[1024], file[4096];

	text_redact_url(url, sizeof(url), url_in);

	if (locked_file(msg, file, sizeof(file)))
		return lock_fail(err, file);
	if (x->hostkey == HOSTKEY_MISMATCH) {
		err_set(err, ERR_REFUSED, 0, 0,
			"the SSH host key of %s is NOT the one known_hosts has for it: someone may be in between",
			x->hostname);
		err_hint(err, "nothing was sent; if the server's key really changed, remove the old one (ssh-keygen -R HOST) and check the new one");
		return ERR_REFUSED;
	}
	if (x->hostkey != HOSTKEY_OK) {
		if (x->hostkey == HOSTKEY_NONE)
			err_set(err, ERR_REFUSED, 0, 0, "the SSH server %s gave no key to check",
				x->hostname);
		else
			err_set(err, ERR_REFUSED, 0, 0, "the SSH server %s is not in known_hosts",
				x->hostname);
		err_hint(err, "check the server's key, then add it: ssh-keyscan -p PORT HOST >> ~/.ssh/known_hosts (or connect once with ssh)");
		return ERR_REFUSED;
	}
	if (error == GIT_ECERTIFICATE) {
		err_set(err, ERR_UNREACHABLE, 0, 0, "the TLS certificate of %s is not trusted: %s", url, msg);
		err_hint(err, "if the server is the right one, trust its CA: git config http.sslCAInfo /path/to/ca.pem (or install it system-wide with update-ca-certificates)");
		return ERR_UNREACHABLE;
	}
	if (klass == GIT_ERROR_HTTP && (strstr(msg, " 403") || strstr(msg, " 401"))) {
		err_set(err, ERR_REFUSED, 0, 0, "%s refused access: %s", url, msg);
		err_hint(err, "your login may not allow this (a read-only token?); ask the server's keeper");
		return ERR_REFUSED;
	}
	if (error == GIT_EAUTH || (klass == GIT_ERROR_SSH && strstr(msg, "authenticat"))) {
		err_set(err, ERR_REFUSED, 0, 0, "%s refused the login: %s", url, msg);
		err_hint(err, "for ssh://, load your key into ssh-agent (ssh-add); for https://, set up git's credential helper (git config --global credential.helper store)");
		return ERR_REFUSED;
	}
	if (klass == GIT_ERROR_NET || klass == GIT_ERROR_OS || klass == GIT_ERROR_SSH ||
	    klass == GIT_ERROR_HTTP || error == GIT_ENOTFOUND || klass == GIT_ERROR_REPOSITORY) {
		err_set(err, ERR_UNREACHABLE, 0, 0, "cannot reach %s: %s", url, msg);
		return ERR_UNREACHABLE;
	}
	return err_set(err, ERR_INTERNAL, 0, 0, "sync with %s failed: %s", url, msg);
}

/* ---- callbacks: credentials and progress ---- */


/*
 * Runs argv (found on PATH) with input on its standard input and what it
 * prints in out (NUL-terminated, cut at size), never prompting on the
 * terminal.  Returns its exit status, or -1 when it could not be run.
 */
static int capture(char *const argv[], const char *input, char *out, size_t size)
{
	static char noprompt[] = "GIT_TERMINAL_PROMPT=0";
	posix_spawn_file_actions_t fa;
	struct sigaction ign, old;
	int to[2], from[2], status = -1;
	size_t have = 0, n, i;
	ssize_t got;
	pid_t pid;
	char **env;

	out[0] = '\0';
	/* close-on-exec: the child's own children (a credential daemon)
	 * must not hold our pipes, or the remote's socket */
	if (pipe2(to, O_CLOEXEC) < 0)
		return -1;
	if (pipe2(from, O_CLOEXEC) < 0) {
		close(to[0]), close(to[1]);
		return -1;
	}
	for (n = 0; environ[n]; n++)
		;
	if (!(env = calloc(n + 2, sizeof(*env)))) {
		close(to[0]), close(to[1]), close(from[0]), close(from[1]);
		return -1;
	}
	for (i = 0; i < n; i++)
		env[i] = environ[i];
	env[n] = noprompt;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, to[0], 0);
	posix_spawn_file_actions_adddup2(&fa, from[1], 1);
	posix_spawn_file_actions_addclose(&fa, to[1]);
	posix_spawn_file_actions_addclose(&fa, from[0]);
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, env) != 0)
		pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	free(env);
	close(to[0]);
	close(from[1]);
	if (pid < 0) {
		close(to[1]), close(from[0]);
		return -1;
	}
	/* small, within a pipe's buffer: written before reading; a child
	 * that exits without reading must not kill us with SIGPIPE */
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	if (write(to[1], input, strlen(input)) < 0) {
		/* it read nothing: it says so by its exit */
	}
	sigaction(SIGPIPE, &old, NULL);
	close(to[1]);
	while (have + 1 < size && (got = read(from[0], out + have, size - 1 - have)) > 0)
		have += (size_t)got;
	close(from[0]);
	out[have] = '\0';
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return -1;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Asks git's credential helper for a user and password (`git credential
 * fill`). */
static int credential_fill(const char *url, char *user, size_t usize, char *pass, size_t psize)
{
	static char git[] = "git", credential[] = "credential", fill[] = "fill";
	char *const argv[] = { git, credential, fill, NULL };
	char in[2048], out[4096], *line, *save;
	int ok = 0;

	snprintf(in, sizeof(in), "url=%s\n\n", url);
	if (capture(argv, in, out, sizeof(out)) != 0)
		return -1;
	user[0] = pass[0] = '\0';
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "username=", 9))
			snprintf(user, usize, "%s", line + 9);
		else if (!strncmp(line, "password=", 9))
			snprintf(pass, psize, "%s", line + 9), ok = 1;
	}
	explicit_bzero(out, sizeof(out));
	return ok ? 0 : -1;
}

static void base64(const unsigned char *in, size_t len, char *out, size_t size)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i, o = 0;

	for (i = 0; i < len && o + 5 < size; i += 3) {
		unsigned v = (unsigned)in[i] << 16 | (i + 1 < len ? (unsigned)in[i + 1] << 8 : 0) |
			     (i + 2 < len ? in[i + 2] : 0);

		out[o++] = abc[v >> 18 & 63];
		out[o++] = abc[v >> 12 & 63];
		out[o++] = i + 1 < len ? abc[v >> 6 & 63] : '=';
		out[o++] = i + 2 < len ? abc[v & 63] : '=';
	}
	out[o] = '\0';
}

/*
 * An SSH server's host key must be one that ~/.ssh/known_hosts (or
 * /etc/ssh/ssh_known_hosts) lists for it, as ssh itself insists: libgit2
 * 1.5 accepts any key when no one checks.  ssh-keygen -F finds the lines
 * (hashed names too); the key is compared in its base64 form.
 */
static int on_certificate(git_cert *cert, int valid, const char *host, void *payload)
{
	static char keygen[] = "ssh-keygen", dash_f[] = "-F", dash_file[] = "-f";
	struct xfer *x = payload;
	const git_cert_hostkey *k = (const git_cert_hostkey *)cert;
	const char *home = getenv("HOME"), *files[2] = { NULL, "/etc/ssh/ssh_known_hosts" };
	char name[300], path[4096], key[8192], out[16384], ktype[64] = "";
	const char *colon, *port = NULL;
	size_t f, tlen = 0;
	int mismatch = 0;

	if (cert->cert_type != GIT_CERT_HOSTKEY_LIBSSH2)
		return GIT_PASSTHROUGH;  /* TLS: libgit2 has checked it */
	(void)valid;
	if (!(k->type & GIT_CERT_SSH_RAW) || !k->hostkey) {
		snprintf(x->hostname, sizeof(x->hostname), "%s", host);
		x->hostkey = HOSTKEY_NONE;
		return GIT_ECERTIFICATE;
	}
	/* the port, from ssh://user@host:port/path */
	if (x->url && (colon = strstr(x->url, "://")) && (colon = strchr(colon + 3, ':')) &&
	    colon < strchr(colon, '/') && strncmp(colon + 1, "22/", 3))
		port = colon + 1;
	if (port)
		snprintf(name, sizeof(name), "[%s]:%.*s", host, (int)strcspn(port, "/"), port);
	else
		snprintf(name, sizeof(name), "%s", host);
	base64((const unsigned char *)k->hostkey, k->hostkey_len, key, sizeof(key));
	/* the key's type, the first string of its wire form */
	if (k->hostkey_len >= 4) {
		const unsigned char *raw = (const unsigned char *)k->hostkey;
		size_t n = (size_t)raw[0] << 24 | (size_t)raw[1] << 16 | (size_t)raw[2] << 8 | raw[3];

		if (n <= k->hostkey_len - 4 && n < sizeof(ktype)) {
			memcpy(ktype, raw + 4, n);
			tlen = n;
		}
	}
	if (home) {
		snprintf(path, sizeof(path), "%s/.ssh/known_hosts", home);
		files[0] = path;
	}
	for (f = 0; f < 2; f++) {
		char *argv[] = { keygen, dash_f, name, dash_file, (char *)files[f], NULL };
		char *line, *save;

		if (!files[f] || access(files[f], R_OK) < 0 || capture(argv, "", out, sizeof(out)) != 0)
			continue;
		for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			char *type = strchr(line, ' '), *field;

			if (line[0] == '#' || !type || !(field = strchr(type + 1, ' ')))
				continue;
			if (!strncmp(field + 1, key, strlen(key)) &&
			    (field[1 + strlen(key)] == '\0' || field[1 + strlen(key)] == ' ')) {
				x->hostkey = HOSTKEY_OK;
				return 0;
			}
			/* a key of the same type, not this one */
			if ((size_t)(field - type - 1) == tlen && !memcmp(type + 1, ktype, tlen))
				mismatch = 1;
		}
	}
	snprintf(x->hostname, sizeof(x->hostname), "%s", name);
	x->hostkey = mismatch ? HOSTKEY_MISMATCH : HOSTKEY_UNKNOWN;
	return GIT_ECERTIFICATE;
}

/* Whether git's credential.helper is set (for a clone: in the user's
 * own config, there being no repository yet). */
static int has_helper(struct store *s)
{
	git_config *cfg;
	git_buf b = GIT_BUF_INIT;
	char value[4096];
	int found;

	if (s)
		return store_config_get(s, "credential.helper", value, sizeof(value)) != ERR_NOTFOUND;
	if (git_config_open_default(&cfg) < 0) {
		git_error_clear();
		return 0;
	}
	found = git_config_get_string_buf(&b, cfg, "credential.helper") == 0;
	git_buf_dispose(&b);
	git_config_free(cfg);
	git_error_clear();
	return found;
}

/*
 * The CA certificates to trust, as git takes them: http.sslCAInfo (a
 * file) and http.sslCAPath (a folder) from the config, else the system's.
 * For a clone, the user's own config (there is no repository yet).
 */
static int tls_setup(struct store *s, struct err *err)
{
	git_config *cfg = NULL;
	git_buf file = GIT_BUF_INIT, dir = GIT_BUF_INIT;
	int error = 0;

	store_net_start();

	if ((s ? git_repository_config_snapshot(&cfg, s->repo) : git_config_open_default(&cfg)) < 0) {
		git_error_clear();
		return 0;
	}
	git_config_get_path(&file, cfg, "http.sslCAInfo");
	git_config_get_path(&dir, cfg, "http.sslCAPath");
	git_error_clear();
	if ((file.size || dir.size) &&
	    git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file.size ? file.ptr : NULL,
			     dir.size ? dir.ptr : NULL) < 0) {
		error = store_git_fail(err, ERR_USAGE, "cannot use the CA certificates of http.sslCAInfo");
		err_hint(err, "check the file git config http.sslCAInfo names");
	} else if (!file.size && !dir.size) {
		error = store_tls_load(err);  /* the system's, left at the start */
	}
	git_buf_dispose(&file);
	git_buf_dispose(&dir);
	git_config_free(cfg);
	return error;
}

static int on_credentials(git_credential **out, const char *url, const char *user_from_url,
			  unsigned int allowed, void *payload)
{
	struct xfer *x = payload;
	char user[256], pass[512];

	/* ssh://host/path names no user: as ssh, the local one (libgit2
	 * asks for the name first, then for a key) */
	if (allowed == GIT_CREDENTIAL_USERNAME) {
		const struct passwd *pw = getpwuid(getuid());

		return git_credential_username_new(out, user_from_url ? user_from_url
						       : pw ? pw->pw_name : "git");
	}
	/* libgit2 asks again after a refusal: once each, then give up */
	if (x->tries++ > 0)
		return GIT_EAUTH;
	if (allowed & GIT_CREDENTIAL_SSH_KEY) {
		const struct passwd *pw = user_from_url ? NULL : getpwuid(getuid());

		return git_credential_ssh_key_from_agent(out, user_from_url ? user_from_url
							      : pw ? pw->pw_name : "git");
	}
	if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) && has_helper(x->s) &&
	    credential_fill(url, user, sizeof(user), pass, sizeof(pass)) == 0) {
		int error = git_credential_userpass_plaintext_new(out, user, pass);

		explicit_bzero(pass, sizeof(pass));
		return error;
	}
	return GIT_PASSTHROUGH;
}

static int on_transfer(const git_indexer_progress *st, void *payload)
{
	struct xfer *x = payload;

	if (x->p && x->p->objects)
		x->p->objects(x->p->ctx, "receiving", st->received_objects, st->total_objects,
			      st->received_bytes);
	return 0;
}

static int on_push_transfer(unsigned int current, unsigned int total, size_t bytes, void *payload)
{
	struct xfer *x = payload;

	if (x->p && x->p->objects)
		x->p->objects(x->p->ctx, "sending", current, total, bytes);
	return 0;
}

/* The server's text comes in chunks with '\r' for progress: whole lines
 * go on, and the last few are kept to explain a refusal. */
static int on_sideband(const char *str, int len, void *payload)
{
	struct xfer *x = payload;
	int i;

	for (i = 0; i < len; i++) {
		char c = str[i];

		if (c != '\n' && c != '\r') {
			if (x->linelen + 1 < sizeof(x->line))
				x->line[x->linelen++] = c;
			continue;
		}
		x->line[x->linelen] = '\0';
		if (c == '\n' && x->linelen) {
			size_t have = strlen(x->said);

			if (have + x->linelen + 2 >= sizeof(x->said))
				have = 0;  /* keep the latest lines */
			snprintf(x->said + have, sizeof(x->said) - have, "%s%s", have ? "\n" : "", x->line);
			if (x->p && x->p->remote_line)
				x->p->remote_line(x->p->ctx, x->line);
		}
		x->linelen = 0;
	}
	return 0;
}

static int on_ref_status(const char *ref, const char *status, void *payload)
{
	struct xfer *x = payload;

	if (status) {
		snprintf(x->refused, sizeof(x->refused), "%s: %s", ref, status);
		if (strstr(status, "non-fast-forward") || strstr(status, "fetch first"))
			x->stale = 1;
	}
	return 0;
}

static void callbacks(git_remote_callbacks *cb, struct xfer *x, struct store *s, const char *url,
		      const struct store_progress *p)
{
	memset(x, 0, sizeof(*x));
	x->p = p;
	x->s = s;
	x->url = url;
	cb->credentials = on_credentials;
	cb->transfer_progress = on_transfer;
	cb->push_transfer_progress = on_push_transfer;
	cb->sideband_progress = on_sideband;
	cb->push_update_reference = on_ref_status;
	cb->certificate_check = on_certificate;
	cb->payload = x;
}

/* The remote by name, ready to connect: the CA certificates to trust,
 * our callbacks, and the proxy git would use (http.proxy, https_proxy). */
static int open_remote(struct store *s, const char *name, git_remote **r, git_remote_callbacks *cb,
		       git_proxy_options *proxy, struct xfer *x, const struct store_progress *p,
		       struct err *err)
{
	int error;

	if (git_remote_lookup(r, s->repo, name) < 0)
		return store_git_fail(err, ERR_USAGE, "no such remote");
	if ((error = tls_setup(s, err)) < 0) {
		git_remote_free(*r);
		return error;
	}
	callbacks(cb, x, s, git_remote_url(*r), p);
	proxy->type = GIT_PROXY_AUTO;
	return 0;
}

/* ---- fetch ---- */

int store_fetch(struct store *s, const char *remote, char *tip, size_t size,
		const struct store_progress *p, struct err *err)
{
	git_fetch_options opts = GIT_FETCH_OPTIONS_INIT;
	git_remote *r;
	struct xfer x;
	char branch[256], ref[600];
	git_oid oid;
	int error;

	tip[0] = '\0';
	if ((error = store_branch(s, branch, sizeof(branch), err)) < 0)
		return error;
	if ((error = open_remote(s, remote, &r, &opts.callbacks, &opts.proxy_opts, &x, p, err)) < 0)
		return error;
	store_mark(s, 1);
	error = git_remote_fetch(r, NULL, &opts, "convene sync: fetch");
	store_mark(s, 0);
	if (error < 0) {
		error = net_fail(err, error, git_remote_url(r), &x);
		git_remote_free(r);
		return error;
	}
	git_remote_free(r);
	snprintf(ref, sizeof(ref), "refs/remotes/%s/%s", remote, branch);
	if (git_reference_name_to_id(&oid, s->repo, ref) == 0)
		git_oid_tostr(tip, size, &oid);
	git_error_clear();
	return 0;
}

/* ---- the YAML merge driver ---- */

struct yaml_driver {
	git_merge_driver base;   /* first: libgit2 hands us this pointer */
	char ours_from[1024], theirs_from[1024];
	struct store_merge_result *r;
	int failed;              /* the merge is abandoned ... */
	char why[600];           /* ... for this reason (PATH: message) */
	int nomem;               /* ... or memory ran out merging why (a path) */
};

static struct yaml_driver driver;

static int is_yaml(const char *path)
{
	size_t n = strlen(path);

	return n > 5 && !strcmp(path + n - 5, ".yaml");
}

static int blob_text(git_repository *repo, const git_index_entry *e, git_blob **blob,
		     const char **text, size_t *len)
{
	*blob = NULL;
	*text = "";
	*len = 0;
	if (!e)
		return 0;
	if (git_blob_lookup(blob, repo, &e->id) < 0)
		return -1;
	*text = git_blob_rawcontent(*blob);
	*len = (size_t)git_blob_rawsize(*blob);
	return 0;
}

static int note_file(struct store_merge_result *r, const char *path, size_t conflicts,
		     const struct merge_file_result *res, int whole)
{
	struct store_merged_file *v = realloc(r->files, (r->n + 1) * sizeof(*v)), *f;
	char why[700];

	if (!v)
		return -1;
	r->files = v;
	f = &v[r->n];
	memset(f, 0, sizeof(*f));
	f->conflicts = conflicts;
	if (!(f->path = strdup(path)))
		return -1;
	r->n++;
	if (res && res->lines) {
		/* one whole format for each version, to be translated whole */
		if (res->bad == 0)
			snprintf(why, sizeof(why), tr("the base version, %u:%u: %s"), res->why.line,
				 res->why.col, res->why.msg);
		else if (res->bad == 1)
			snprintf(why, sizeof(why), tr("our version, %u:%u: %s"), res->why.line,
				 res->why.col, res->why.msg);
		else
			snprintf(why, sizeof(why), tr("their version, %u:%u: %s"), res->why.line,
				 res->why.col, res->why.msg);
		if (!(f->lines_why = strdup(why)))
			return -1;
	}
	f->whole = whole;
	r->conflicts += res && res->lines && !whole ? 0 : conflicts;
	return 0;
}

/*
 * Merges one file's three blobs into out.  Returns 0 when out is the
 * merge, -1 on failure.  A file that cannot be merged as YAML and whose
 * lines conflict becomes one !conflict of the versions' texts (DESIGN §4:
 * a conflict never stops a sync and never loses a side).
 */
static int merge_blobs(git_repository *repo, const char *path, const git_index_entry *a,
		       const git_index_entry *o, const git_index_entry *t, struct buf *out)
{
	git_blob *blob[3];
	const char *text[3];
	size_t len[3];
	struct merge_opts opts = { driver.ours_from, driver.theirs_from };
	struct merge_file_result res;
	struct err err;
	int i, rc = -1, whole;

	if (blob_text(repo, a, &blob[0], &text[0], &len[0]) < 0)
		return -1;
	if (blob_text(repo, o, &blob[1], &text[1], &len[1]) < 0) {
		git_blob_free(blob[0]);
		return -1;
	}
	if (blob_text(repo, t, &blob[2], &text[2], &len[2]) < 0)
		goto done;
	err_clear(&err);
	if (merge_file(out, &res, text[0], len[0], text[1], len[1], text[2], len[2], &opts,
		       &err) < 0 || buf_failed(out)) {
		if (err.msg[0])
			/* TRANSLATORS: a file, then why it cannot be merged */
			snprintf(driver.why, sizeof(driver.why), "%s: %s", path, err.msg);
		else
			snprintf(driver.why, sizeof(driver.why), "%s", path), driver.nomem = 1;
		goto done;
	}
	whole = res.lines && res.conflicts;
	if (whole) {
		size_t replaced;

		buf_reset(out);
		if (merge_file_whole(out, &replaced, text[0], len[0], text[1], len[1], text[2],
				     len[2], &opts, &err) < 0 || buf_failed(out)) {
			snprintf(driver.why, sizeof(driver.why), "%s", path), driver.nomem = 1;
			goto done;
		}
	}
	if (note_file(driver.r, path, whole ? 1 : res.conflicts, &res, whole) < 0)
		goto done;
	rc = 0;
done:
	for (i = 0; i < 3; i++)
		git_blob_free(blob[i]);
	if (rc < 0)
		driver.failed = 1;
	return rc;
}

static int driver_apply(git_merge_driver *self, const char **path_out, uint32_t *mode_out,
			git_buf *merged_out, const char *filter_name,
			const git_merge_driver_source *src)
{
	const git_index_entry *a = git_merge_driver_source_ancestor(src);
	const git_index_entry *o = git_merge_driver_source_ours(src);
	const git_index_entry *t = git_merge_driver_source_theirs(src);
	const char *path = o ? o->path : t ? t->path : a ? a->path : NULL;
	struct buf out = BUF_INIT;
	int rc;

	if (!path || !o || !t || !is_yaml(path))
		return GIT_PASSTHROUGH;   /* not ours to merge: git's text merge */
	rc = merge_blobs(git_merge_driver_source_repo(src), path, a, o, t, &out);
	if (rc != 0) {
		buf_release(&out);
		return -1;
	}
	/* libgit2 frees what it is given: hand over a malloc()ed copy */
	merged_out->ptr = malloc(out.len + 1);
	if (!merged_out->ptr) {
		buf_release(&out);
		driver.failed = 1;
		return -1;
	}
	memcpy(merged_out->ptr, out.ptr ? out.ptr : "", out.len);
	merged_out->ptr[out.len] = '\0';
	merged_out->size = out.len;
	merged_out->reserved = out.len + 1;
	buf_release(&out);
	*path_out = o->path;
	*mode_out = o->mode;
	return 0;
}

static int driver_register(struct err *err)
{
	static int done;
	int error;

	if (done)
		return 0;
	driver.base.version = GIT_MERGE_DRIVER_VERSION;
	driver.base.apply = driver_apply;
	error = git_merge_driver_register("convene", &driver.base);
	if (error < 0 && error != GIT_EEXISTS)
		return store_git_fail(err, ERR_INTERNAL, "cannot register the YAML merge driver");
	done = 1;
	return 0;
}

/* "Dana Levi <dana@example.org> haifa 2026-03-01 4f2a9c1": a side's tip. */
static void describe(git_repository *repo, const git_oid *id, char *out, size_t size)
{
	struct store_commit info;
	git_commit *c;
	char where[80];

	if (git_commit_lookup(&c, repo, id) < 0) {
		git_error_clear();
		git_oid_tostr(out, size < 8 ? size : 8, id);
		return;
	}
	store_commit_info(c, &info);
	snprintf(where, sizeof(where), "%s%s", info.site[0] ? " " : "", info.site);
	/* date and commit first, then as much of the name as fits, cut
	 * between letters */
	snprintf(out, size, "%s <%s>%s %s %s", info.author, info.email, where, info.day, info.id);
	if (strlen(out) + 1 >= size) {
		char tail[128];

		snprintf(tail, sizeof(tail), "%s %s %s", where, info.day, info.id);
		snprintf(out, size - strlen(tail) - 1, "%s <%s>", info.author, info.email);
		text_cut(out);
		strcat(out, tail);
	}
	git_commit_free(c);
}

/* ---- merging ---- */

void store_merge_result_release(struct store_merge_result *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->files[i].path);
		free(r->files[i].lines_why);
		free(r->files[i].other);
	}
	free(r->files);
	memset(r, 0, sizeof(*r));
}

static int fast_forward(struct store *s, const git_oid *to, struct err *err)
{
	git_oid head;
	int error, unborn = git_reference_name_to_id(&head, s->repo, "HEAD") < 0;

	git_error_clear();
	store_mark(s, 1);
	error = store_checkout(s, unborn ? NULL : &head, to, "convene sync: fast-forward", err);
	store_mark(s, 0);
	return error;
}

/* Puts data as path's stage-0 entry in index, in place of its conflict. */
static int settle(struct store *s, git_index *index, const char *path, uint32_t mode,
		  const struct buf *data, struct err *err)
{
	git_index_entry e;

	memset(&e, 0, sizeof(e));
	e.path = path;
	e.mode = mode;
	if (git_blob_create_from_buffer(&e.id, s->repo, data->ptr ? data->ptr : "", data->len) < 0 ||
	    git_index_conflict_remove(index, path) < 0 || git_index_add(index, &e) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot record the merged file");
	return 0;
}

static int has_nul(const char *text, size_t len)
{
	return memchr(text, '\0', len < 8000 ? len : 8000) != NULL;  /* git's test */
}

/*
 * A file outside the YAML data that both sides changed (a README, a
 * picture), or a symbolic link where the other side has a file: settled
 * so that the sync goes on, the same bytes at every site whoever merges
 * (DESIGN §4), and no side lost.  Text gets both versions between git's
 * markers, ordered by blob id rather than by who is ours.  Where markers
 * would break the file (binary data, a link) one version is kept, the
 * other named by its commit.  A deletion against a change keeps the
 * change.  0, with out and the file noted in r, or -1.
 */
static int settle_other(git_repository *repo, const char *path, const git_index_entry *a,
			const git_index_entry *o, const git_index_entry *t,
			struct store_merge_result *r, struct buf *out, uint32_t *mode)
{
	const git_index_entry *x = o, *y = t, *keep = NULL;
	const char *from_x = driver.ours_from, *from_y = driver.theirs_from;
	git_blob *blob[3] = { NULL, NULL, NULL };
	const char *text[3];
	size_t len[3];
	int i, rc = -1, how = STORE_FILE_KEPT;
	const char *other = NULL;

	/* a link where the other side has a file is not data: keep the file */
	if (o && t && S_ISLNK(o->mode) != S_ISLNK(t->mode))
		keep = S_ISLNK(o->mode) ? t : o;
	else if (!o || !t)
		keep = o ? o : t;
	if (!keep && git_oid_cmp(&o->id, &t->id) > 0) {
		x = t, y = o;
		from_x = driver.theirs_from, from_y = driver.ours_from;
	}
	if (blob_text(repo, a, &blob[0], &text[0], &len[0]) < 0 ||
	    blob_text(repo, x, &blob[1], &text[1], &len[1]) < 0 ||
	    blob_text(repo, y, &blob[2], &text[2], &len[2]) < 0)
		goto done;
	if (!keep && (S_ISLNK(x->mode) || has_nul(text[1], len[1]) || has_nul(text[2], len[2]))) {
		keep = y;   /* the higher blob id: the same choice at every site */
		other = from_x;
	}
	if (keep) {
		i = keep == x ? 1 : 2;
		if (!o || !t)
			other = o ? from_y : from_x;
		else if (!other)
			other = keep == x ? from_y : from_x;
		buf_add(out, text[i], len[i]);
		*mode = keep->mode;
	} else {
		if (merge_lines(out, text[0], len[0], text[1], len[1], text[2], len[2], from_x,
				from_y) < 0)
			goto done;
		how = STORE_FILE_MARKERS;
		*mode = GIT_FILEMODE_BLOB;
	}
	if (buf_failed(out) || note_file(r, path, 0, NULL, 0) < 0)
		goto done;
	r->files[r->n - 1].how = how;
	if (how == STORE_FILE_KEPT && other && !(r->files[r->n - 1].other = strdup(other)))
		goto done;
	rc = 0;
done:
	for (i = 0; i < 3; i++)
		git_blob_free(blob[i]);
	return rc;
}

/*
 * What libgit2 left conflicted in index: a YAML file deleted on one side
 * and changed on the other is merged here (the change under a !conflict
 * root; nothing is lost); gone on both sides, it is gone.  Any other file
 * is settled by settle_other().
 */
static int settle_conflicts(struct store *s, git_index *index, struct store_merge_result *r,
			    struct err *err)
{
	git_index_conflict_iterator *it = NULL;
	const git_index_entry *a, *o, *t;
	char **paths = NULL;
	size_t n = 0, i;
	int error = 0;

	if (git_index_conflict_iterator_new(&it, index) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read the merge's conflicts");
	while (git_index_conflict_next(&a, &o, &t, it) == 0) {
		const char *path = o ? o->path : t ? t->path : a->path;
		char **v = realloc(paths, (n + 1) * sizeof(*v));

		if (!v || !(v[n] = strdup(path))) {
			paths = v ? v : paths;
			error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
			goto done;
		}
		paths = v;
		n++;
	}
	git_error_clear();
	for (i = 0; i < n && !error; i++) {
		struct buf out = BUF_INIT;
		uint32_t mode;
		int rc;

		if (git_index_conflict_get(&a, &o, &t, index, paths[i]) < 0) {
			error = store_git_fail(err, ERR_INTERNAL, "cannot read a conflict");
			break;
		}
		if (!o && !t) {
			/* deleted on both sides (an old name, say) */
			if (git_index_conflict_remove(index, paths[i]) < 0)
				error = store_git_fail(err, ERR_INTERNAL, "cannot record the merge");
			continue;
		}
		mode = o && t && (S_ISLNK(o->mode) || S_ISLNK(t->mode)) ? GIT_FILEMODE_BLOB
								  : o ? o->mode : t->mode;
		if (is_yaml(paths[i]))
			rc = merge_blobs(s->repo, paths[i], a, o, t, &out);
		else
			rc = settle_other(s->repo, paths[i], a, o, t, r, &out, &mode);
		if (rc < 0 && driver.why[0] && !driver.nomem)
			error = err_set(err, ERR_INTERNAL, 0, 0, "cannot merge %s: %s", paths[i],
					driver.why);
		else if (rc < 0)
			error = err_set(err, ERR_INTERNAL, 0, 0, "cannot merge %s: out of memory",
					paths[i]);
		else
			error = settle(s, index, paths[i], mode, &out, err);
		buf_release(&out);
	}
done:
	git_index_conflict_iterator_free(it);
	store_list_free(paths, n);
	return error;
}

int store_merge(struct store *s, const char *tip, struct store_merge_result *r, struct err *err)
{
	git_merge_options mo = GIT_MERGE_OPTIONS_INIT;
	git_annotated_commit *theirs = NULL;
	git_merge_analysis_t analysis;
	git_merge_preference_t pref;
	git_commit *oc = NULL, *tc = NULL;
	git_index *index = NULL;
	git_oid id, head, base, tree;
	int error;

	memset(r, 0, sizeof(*r));
	if (git_oid_fromstr(&id, tip) < 0 || git_annotated_commit_lookup(&theirs, s->repo, &id) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read the fetched commit");
	if (git_merge_analysis(&analysis, &pref, s->repo,
			       (const git_annotated_commit **)&theirs, 1) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot compare the histories");
		goto done;
	}
	if (analysis & GIT_MERGE_ANALYSIS_UP_TO_DATE) {
		r->kind = STORE_UP_TO_DATE;
		error = 0;
		goto done;
	}
	if (analysis & (GIT_MERGE_ANALYSIS_FASTFORWARD | GIT_MERGE_ANALYSIS_UNBORN)) {
		r->kind = STORE_FAST_FORWARD;
		error = fast_forward(s, &id, err);
		goto done;
	}
	r->kind = STORE_MERGED;
	if (git_reference_name_to_id(&head, s->repo, "HEAD") < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot read HEAD");
		goto done;
	}
	/* two initiatives that never shared a commit: as git, refuse */
	if (git_merge_base(&base, s->repo, &head, &id) == GIT_ENOTFOUND) {
		git_error_clear();
		err_set(err, ERR_REFUSED, 0, 0, "what came (%.7s) shares no history with this initiative", tip);
		err_hint(err, "it is another initiative (a wrong URL or bundle?); nothing was changed");
		error = ERR_REFUSED;
		goto done;
	}
	if ((error = driver_register(err)) < 0)
		goto done;
	describe(s->repo, &head, driver.ours_from, sizeof(driver.ours_from));
	describe(s->repo, &id, driver.theirs_from, sizeof(driver.theirs_from));
	driver.r = r;
	driver.failed = 0;
	driver.why[0] = '\0';
	driver.nomem = 0;
	mo.default_driver = "convene";
	/* a file's name is its record's id: a "rename" is another record */
	mo.flags &= ~(unsigned)GIT_MERGE_FIND_RENAMES;
	/* in memory first: nothing touches the work tree until the merge is
	 * a commit, so an interrupted sync leaves no half-merged files (its
	 * blobs and trees are written, busy) */
	store_mark(s, 1);
	if (git_commit_lookup(&oc, s->repo, &head) < 0 || git_commit_lookup(&tc, s->repo, &id) < 0 ||
	    git_merge_commits(&index, s->repo, oc, tc, &mo) < 0 || driver.failed) {
		if (driver.nomem)
			error = err_set(err, ERR_INTERNAL, 0, 0, "cannot merge %s: out of memory",
					driver.why);
		else if (driver.why[0])
			error = err_set(err, ERR_INTERNAL, 0, 0, "cannot merge: %s", driver.why);
		else
			error = store_git_fail(err, ERR_INTERNAL, "cannot merge");
		goto unmark;
	}
	if ((error = settle_conflicts(s, index, r, err)) < 0)
		goto unmark;
	if (git_index_write_tree_to(&tree, index, s->repo) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot write the merged tree");
		goto unmark;
	}
	git_oid_tostr(r->tree, sizeof(r->tree), &tree);
unmark:
	store_mark(s, 0);
	driver.r = NULL;
done:
	git_index_free(index);
	git_commit_free(oc);
	git_commit_free(tc);
	git_annotated_commit_free(theirs);
	return error;
}

int store_merge_commit(struct store *s, const char *tip, const struct store_merge_result *r,
		       const char *message, char *oid, size_t oid_size, struct err *err)
{
	git_signature *sig = NULL;
	git_tree *tree = NULL;
	git_commit *parents[2] = { NULL, NULL }, *made = NULL;
	git_reference *head = NULL;
	git_oid tree_id, id, commit_id;
	struct buf msg = BUF_INIT;
	const char *site = store_site(s);
	int error;

	if (store_signature(s, &sig) < 0)
		return store_identity_error(err);
	layout_commit_message(&msg, message, site);
	store_mark(s, 1);
	if (buf_failed(&msg)) {
		error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		goto done;
	}
	if (git_oid_fromstr(&tree_id, r->tree) < 0 || git_tree_lookup(&tree, s->repo, &tree_id) < 0 ||
	    git_repository_head(&head, s->repo) < 0 ||
	    git_commit_lookup(&parents[0], s->repo, git_reference_target(head)) < 0 ||
	    git_oid_fromstr(&id, tip) < 0 || git_commit_lookup(&parents[1], s->repo, &id) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot write the merge");
		goto done;
	}
	/* the commit first, then the files, then the branch: the files
	 * always have a commit to be finished (or undone) to */
	if (git_commit_create(&commit_id, s->repo, NULL, sig, sig, NULL, msg.ptr, tree, 2,
			      (const git_commit **)parents) < 0 ||
	    git_commit_lookup(&made, s->repo, &commit_id) < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot commit the merge");
		goto done;
	}
	/* killed while it writes the files, the next command finishes it
	 * (store/checkout.c) */
	if ((error = store_checkout(s, git_reference_target(head), &commit_id, "convene sync: merge",
				    err)) < 0)
		goto done;
	if (oid)
		git_oid_tostr(oid, oid_size, &commit_id);
	error = 0;
done:
	store_mark(s, 0);
	git_reference_free(head);
	git_commit_free(made);
	git_commit_free(parents[0]);
	git_commit_free(parents[1]);
	git_tree_free(tree);
	git_signature_free(sig);
	buf_release(&msg);
	return error;
}

int store_merge_resume(struct store *s, char *oid, size_t oid_size, struct err *err)
{
	/* store_lock() did it, for every command that edits */
	snprintf(oid, oid_size, "%s", s->resumed);
	if (!s->undone[0])
		return 0;
	err_set(err, ERR_DATA, 0, 0, "a sync that was interrupted was undone: '%s' was changed after it stopped",
		s->undone);
	err_hint(err, "nothing is lost: that change is kept as a hand edit, and this sync merges again");
	s->undone[0] = '\0';
	return ERR_DATA;
}

/* ---- push ---- */

/*
 * The folder of a remote that is a path on this machine (a bare hub on a
 * shared disk, a USB stick), as libgit2's local transport takes it: a
 * file:// URL or a path, relative ones from the work tree.  0 when the
 * remote is not one.
 */
static int local_path(struct store *s, const char *url, char *out, size_t size)
{
	struct stat st;

	if (!strncmp(url, "file://", 7))
		url += 7;
	else if (strstr(url, "://"))
		return 0;
	else if (url[0] != '/' && strchr(url, ':') && strchr(url, ':') < (strchr(url, '/') ? strchr(url, '/') : url + strlen(url)))
		return 0;  /* host:path, as ssh */
	if (url[0] == '/')
		snprintf(out, size, "%s", url);
	else
		snprintf(out, size, "%s%s", s->workdir, url);
	return stat(out, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * A push to a repository on this machine, done here rather than by
 * libgit2's local transport, which moves the branch there without
 * checking that it still is what it was when the push began: two sites
 * pushing at once both "succeeded", and one's commits vanished from the
 * hub.  Here the objects are written as a pack, then the branch moves
 * only if it still holds what we built on (the ref's lock decides).
 */
static int push_local(struct store *s, const char *remote, const char *path, const char *branch,
		      struct err *err)
{
	git_repository *hub = NULL;
	git_packbuilder *pb = NULL;
	git_revwalk *walk = NULL;
	git_reference *ref = NULL, *tracking = NULL;
	git_oid head, theirs;
	char name[600], packdir[4200];
	int have_theirs, error;

	if (git_repository_open_ext(&hub, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
		error = err_set(err, ERR_UNREACHABLE, 0, 0, "cannot reach %s: %s", path, git_reason());
		goto done;
	}
	if (git_reference_name_to_id(&head, s->repo, "HEAD") < 0) {
		error = store_git_fail(err, ERR_INTERNAL, "cannot read HEAD");
		goto done;
	}
	snprintf(name, sizeof(name), "refs/heads/%s", branch);
	have_theirs = git_reference_name_to_id(&theirs, hub, name) == 0;
	git_error_clear();
	if (have_theirs && git_oid_equal(&theirs, &head)) {
		error = 0;
		goto tracked;
	}
	/* what is there now must be in what we push, or it moved meanwhile */
	if (have_theirs && !git_oid_equal(&theirs, &head) &&
	    git_graph_descendant_of(s->repo, &head, &theirs) != 1) {
		git_error_clear();
		error = STORE_PUSH_STALE;
		goto done;
	}
	snprintf(packdir, sizeof(packdir), "%sobjects/pack", git_repository_commondir(hub));
	if (git_packbuilder_new(&pb, s->repo) < 0 || git_revwalk_new(&walk, s->repo) < 0 ||
	    git_revwalk_push(walk, &head) < 0 || (have_theirs && git_revwalk_hide(walk, &theirs) < 0) ||
	    git_packbuilder_insert_walk(pb, walk) < 0 ||
	    git_packbuilder_write(pb, packdir, 0, NULL, NULL) < 0) {
		error = err_set(err, ERR_INTERNAL, 0, 0, "cannot write the commits into %s: %s", path,
				git_reason());
		goto done;
	}
	error = git_reference_create_matching(&ref, hub, name, &head, have_theirs,
					      have_theirs ? &theirs : NULL, "convene sync: push");
	if (error == GIT_EMODIFIED || error == GIT_EEXISTS) {
		git_error_clear();
		error = STORE_PUSH_STALE;
		goto done;
	}
	if (error == GIT_ELOCKED) {
		err_set(err, ERR_REFUSED, 0, 0, "%s is busy: another push holds its branch (%s.lock)",
			path, name);
		err_hint(err, "your commits are kept here; if no git runs there, a crashed one left its lock: remove %s/%s.lock",
			 path, name);
		error = STORE_PUSH_BUSY;
		goto done;
	}
	if (error < 0) {
		error = err_set(err, ERR_INTERNAL, 0, 0, "cannot move %s in %s: %s", name, path,
				git_reason());
		goto done;
	}
tracked:
	/* as a push does: our copy of their branch is what we sent */
	snprintf(name, sizeof(name), "refs/remotes/%s/%s", remote, branch);
	if (git_reference_create(&tracking, s->repo, name, &head, 1, "convene sync: push") < 0)
		git_error_clear();  /* the next fetch sets it */
done:
	git_reference_free(tracking);
	git_reference_free(ref);
	git_revwalk_free(walk);
	git_packbuilder_free(pb);
	git_repository_free(hub);
	return error;
}

/*
 * A hub given by a path (a bare repository on a USB stick or a shared
 * folder) is written by the push itself (push_local()): its objects, then
 * its branch through refs/heads/<branch>.lock.  A convene killed in
 * between would leave that lock, and every later push there would wait
 * on it.  So while it pushes to such a hub, convene holds an flock on
 * <hub>/convene.lock, marked busy as it marks its own repository's
 * (store_mark()): the next convene to push there finds the mark of one
 * that died and removes what that one left, and only that (store_sweep():
 * made since the mark).  A lock no convene left (a git push, under way or
 * killed) is not removed: the push waits for it as for a busy hub, then
 * the error names it.  Over git://, https:// or ssh:// the server's git
 * looks after its own files.
 */
static void hub_mark(int fd, int busy)
{
	char text[48];
	int n = snprintf(text, sizeof(text), "%ld%s\n", (long)getpid(), busy ? " busy" : "");

	if (pwrite(fd, text, (size_t)n, 0) != n || ftruncate(fd, n) < 0) {
		/* a hint for the next pusher and for people */
	}
}

/* The flock of the hub at path, or -1 when it cannot be had (the push
 * goes on without it, as it always could). */
static int hub_lock(const char *path)
{
	struct timespec nap = { 0, 20 * 1000 * 1000 };
	char dir[4200], file[4300], text[32];
	unsigned waited = 0;
	struct stat mark;
	int fd, n;

	/* its git folder: the bare repository, or its .git */
	snprintf(file, sizeof(file), "%.4000s/.git/objects", path);
	snprintf(dir, sizeof(dir), "%.4000s%s/", path, stat(file, &mark) == 0 ? "/.git" : "");
	snprintf(file, sizeof(file), "%sconvene.lock", dir);
	if ((fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) < 0)
		return -1;
	/* another site pushing there: a pack on a slow stick takes a while */
	while (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if ((errno != EWOULDBLOCK && errno != EINTR) || waited >= 10000) {
			close(fd);
			return -1;
		}
		nanosleep(&nap, NULL);
		waited += 20;
	}
	n = (int)pread(fd, text, sizeof(text) - 1, 0);
	text[n > 0 ? n : 0] = '\0';
	if (strstr(text, " busy") && fstat(fd, &mark) == 0)
		store_sweep(dir, &mark.st_mtim);
	hub_mark(fd, 1);
	return fd;
}

static void hub_unlock(int fd)
{
	if (fd < 0)
		return;
	hub_mark(fd, 0);
	close(fd);
}

int store_push(struct store *s, const char *remote, const struct store_progress *p,
	       struct err *err)
{
	git_push_options opts = GIT_PUSH_OPTIONS_INIT;
	git_remote *r;
	struct xfer x;
	char branch[256], spec[600], path[4096];
	char *specs[1] = { spec };
	git_strarray refspecs = { specs, 1 };
	int error, hub;

	if ((error = store_branch(s, branch, sizeof(branch), err)) < 0)
		return error;
	snprintf(spec, sizeof(spec), "refs/heads/%s:refs/heads/%s", branch, branch);
	if ((error = open_remote(s, remote, &r, &opts.callbacks, &opts.proxy_opts, &x, p, err)) < 0)
		return error;
	if (local_path(s, git_remote_url(r), path, sizeof(path))) {
		git_remote_free(r);
		hub = hub_lock(path);
		store_mark(s, 1);
		error = push_local(s, remote, path, branch, err);
		store_mark(s, 0);
		hub_unlock(hub);
		return error;
	}
	store_mark(s, 1);
	error = git_remote_push(r, &refspecs, &opts);
	store_mark(s, 0);
	if (error == GIT_ENONFASTFORWARD || (error == 0 && x.stale)) {
		git_error_clear();
		error = STORE_PUSH_STALE;
	} else if (error < 0) {
		error = net_fail(err, error, git_remote_url(r), &x);
	} else if (x.refused[0]) {
		char url[1024];
		/* another push holds the branch's lock there: git's and libgit2's words */
		int busy = strstr(x.refused, "failed to lock") || strstr(x.said, "cannot lock ref") ||
			   strstr(x.said, ".lock': File exists");

		text_redact_url(url, sizeof(url), git_remote_url(r));
		if (busy) {
			err_set(err, ERR_REFUSED, 0, 0, "%s is busy: another push holds its branch (%s)",
				url, x.refused);
			err_hint(err, "your commits are kept here; if no git runs on the server, a crashed one left its lock: ask the server's keeper to remove refs/heads/%s.lock there", branch);
			git_remote_free(r);
			return STORE_PUSH_BUSY;
		}
		if (x.said[0])
			err_set(err, ERR_REFUSED, 0, 0, "%s refused the push (%s):\n%s", url, x.refused,
				x.said);
		else
			err_set(err, ERR_REFUSED, 0, 0, "%s refused the push (%s)", url, x.refused);
		err_hint(err, "your commits are kept here; ask the server's keeper why, then sync again");
		error = ERR_REFUSED;
	}
	git_remote_free(r);
	return error;
}

int store_ahead_behind(struct store *s, const char *remote, size_t *ahead, size_t *behind,
		       int *known, struct err *err)
{
	char branch[256], ref[600];
	git_oid local, upstream;
	git_revwalk *walk;
	int error;

	*ahead = *behind = 0;
	*known = 0;
	if ((error = store_branch(s, branch, sizeof(branch), err)) < 0)
		return error;
	if (git_reference_name_to_id(&local, s->repo, "HEAD") < 0) {
		git_error_clear();
		return 0;  /* nothing committed here yet */
	}
	snprintf(ref, sizeof(ref), "refs/remotes/%s/%s", remote, branch);
	if (git_reference_name_to_id(&upstream, s->repo, ref) == 0) {
		*known = 1;
		if (git_graph_ahead_behind(ahead, behind, s->repo, &local, &upstream) < 0)
			return store_git_fail(err, ERR_INTERNAL, "cannot compare with the remote");
		return 0;
	}
	git_error_clear();
	/* never fetched: every commit here waits to be pushed */
	if (git_revwalk_new(&walk, s->repo) < 0 || git_revwalk_push(walk, &local) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot walk the history");
	while (git_revwalk_next(&upstream, walk) == 0)
		(*ahead)++;
	git_revwalk_free(walk);
	git_error_clear();
	return 0;
}

/* ---- clone ---- */

int store_clone(struct store **out, const char *url, const char *dir,
		const struct store_progress *p, struct err *err)
{
	git_clone_options opts = GIT_CLONE_OPTIONS_INIT;
	git_repository *repo;
	struct xfer x;
	int error;

	*out = NULL;
	if ((error = tls_setup(NULL, err)) < 0)
		return error;
	callbacks(&opts.fetch_opts.callbacks, &x, NULL, url, p);
	opts.fetch_opts.proxy_opts.type = GIT_PROXY_AUTO;
	if ((error = git_clone(&repo, url, dir, &opts)) < 0)
		return net_fail(err, error, url, &x);
	git_repository_free(repo);
	return store_open(out, dir, err);
}
