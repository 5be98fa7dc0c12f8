/*
 * The readers and the sealing of a confidential interview (secrets.h).
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/domain.h"
#include "core/guide.h"
#include "core/interviews.h"
#include "core/layout.h"
#include "core/sealed.h"
#include "core/secret.h"
#include "core/text.h"
#include "internal.h"
#include "keycache.h"
#include "load.h"
#include "scan.h"
#include "secrets.h"

void readers_release(struct readers *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->ids[i]);
	free(r->ids);
	free(r->r);
	memset(r, 0, sizeof(*r));
}

void readers_names(const struct readers *r, char *out, size_t size)
{
	size_t i, len = 0;
	int k;

	out[0] = '\0';
	for (i = 0; i < r->n && len < size; i++) {
		k = snprintf(out + len, size - len, "%s%s", i ? ", " : "", r->ids[i]);
		if (k < 0)
			break;
		len += (size_t)k;
	}
}

int readers_load(struct readers *out, struct store *s, const struct doc *initiative,
		 struct err *err)
{
	const struct doc_node *seq, *x, *age;
	char file[128];
	struct doc *doc;
	size_t n = 0;
	int error;

	memset(out, 0, sizeof(*out));
	if (age_init() != 0)
		return err_set(err, ERR_INTERNAL, 0, 0, "libsodium does not start");
	seq = initiative && initiative->root ? doc_get(initiative->root, "readers") : NULL;
	if (!seq || seq->kind != DOC_SEQ)
		return 0;
	for (x = seq->head; x; x = x->next)
		n++;
	if (!(out->ids = calloc(n + 1, sizeof(*out->ids))) || !(out->r = calloc(n + 1, sizeof(*out->r)))) {
		readers_release(out);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	for (x = seq->head; x; x = x->next) {
		if (!doc_is_str(x) || !text_is_id(x->str)) {
			readers_release(out);
			return err_set(err, ERR_DATA, x->line, x->col, "initiative.yaml: a reader must be a member id");
		}
		layout_folder_file(file, sizeof(file), LAYOUT_MEMBERS, x->str);
		if ((error = load_file(s, file, &doc, NULL, err)) < 0) {
			readers_release(out);
			if (error == ERR_NOTFOUND) {
				err_set(err, ERR_DATA, 0, 0, "reader '%s' is not a member (no %s)", x->str, file);
				err_hint(err, "convene readers rm %s, or add the member", x->str);
			}
			return ERR_DATA;
		}
		age = doc->root ? doc_get(doc->root, "age") : NULL;
		if (!doc_is_str(age) || !age->len || age_recipient_parse(age->str, &out->r[out->n]) != AGE_OK) {
			err_set(err, ERR_DATA, 0, 0, "reader '%s' has %s age: key in %s", x->str,
				doc_is_str(age) && age->len ? "a bad" : "no", file);
			err_hint(err, "%s runs convene key new, then convene member edit %s --age age1... (or convene key publish)",
				 x->str, x->str);
			doc_free(doc);
			readers_release(out);
			return ERR_DATA;
		}
		doc_free(doc);
		if (!(out->ids[out->n] = strdup(x->str))) {
			readers_release(out);
			return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		}
		out->n++;
	}
	return 0;
}

int secrets_seal(struct store *s, struct doc *doc, const char *file, const struct doc *old,
		 const struct age_identity *ids, size_t nids, int keep, struct err *err)
{
	struct readers rd;
	struct doc *ini = NULL;
	int error, status;

	if ((error = load_file(s, "initiative.yaml", &ini, NULL, err)) < 0)
		return error;
	error = readers_load(&rd, s, ini, err);
	doc_free(ini);
	if (error < 0)
		return error;
	if (!rd.n) {
		readers_release(&rd);
		err_set(err, ERR_USAGE, 0, 0, "no one can read a confidential interview yet: the initiative has no readers");
		err_hint(err, "convene readers add MEMBER... first (members with an age: key); nothing was written");
		return ERR_USAGE;
	}
	status = secret_seal_doc(doc, file, old, ids, nids, rd.r, rd.n, keep);
	readers_release(&rd);
	if (status)
		return err_set(err, status == AGE_NOMEM ? ERR_NOMEM : ERR_INTERNAL, 0, 0,
			       "cannot seal %s: %s", file, age_strerror(status));
	return 0;
}

void reseal_release(struct reseal *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].path);
		free(rs->v[i].bytes);
		free(rs->v[i].old);
	}
	free(rs->v);
	secret_failures_release(&rs->fails);
	memset(rs, 0, sizeof(*rs));
}

int reseal_add(struct reseal *rs, const char *path, const char *bytes, size_t len)
{
	struct reseal_file *nv = realloc(rs->v, (rs->n + 1) * sizeof(*nv)), *f;

	if (!nv)
		return ERR_NOMEM;
	rs->v = nv;
	f = &nv[rs->n];
	memset(f, 0, sizeof(*f));
	if (!(f->path = strdup(path)) || !(f->bytes = malloc(len + 1))) {
		free(f->path);
		return ERR_NOMEM;
	}
	memcpy(f->bytes, bytes, len);
	f->bytes[len] = '\0';
	f->len = len;
	rs->n++;
	return 0;
}

int secrets_reseal(struct reseal *rs, struct store *s, const struct age_recipient *r, size_t nr,
		   const struct age_identity *ids, size_t nids, struct err *err)
{
	char **files = NULL;
	size_t n = 0, i;
	int error = 0;

	memset(rs, 0, sizeof(*rs));
	if ((error = store_list(s, &files, &n, err)) < 0)
		return error;
	for (i = 0; i < n && !error; i++) {
		struct doc *doc = NULL;
		struct buf out = BUF_INIT;
		long opened;
		int status;

		if (layout_kind(files[i]) != KIND_INTERVIEW)
			continue;
		if (load_file(s, files[i], &doc, NULL, err) < 0) {
			err_clear(err);
			continue;  /* what does not load holds nothing we could seal */
		}
		if (!doc->root || doc->root->kind != DOC_MAP ||
		    doc_bool(doc_get(doc->root, "confidential")) != 1) {
			doc_free(doc);
			continue;
		}
		if ((opened = secret_open_doc(doc, files[i], ids, nids, &rs->fails)) < 0) {
			error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		} else if (rs->fails.n) {
			snprintf(rs->fail_file, sizeof(rs->fail_file), "%s", files[i]);
			error = err_set(err, ERR_DATA, 0, 0, "%s: %zu value%s cannot be opened to seal anew",
					files[i], rs->fails.n, rs->fails.n == 1 ? "" : "s");
		} else if ((status = secret_seal_doc(doc, files[i], NULL, NULL, 0, r, nr, 0)) != 0) {
			error = err_set(err, status == AGE_NOMEM ? ERR_NOMEM : ERR_INTERNAL, 0, 0,
					"cannot seal %s: %s", files[i], age_strerror(status));
		} else if (doc_emit(&out, doc) < 0 || reseal_add(rs, files[i], out.ptr, out.len) < 0) {
			error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		} else {
			rs->values += (size_t)opened;
		}
		secret_wipe_doc(doc);
		doc_free(doc);
		buf_release(&out);
	}
	store_list_free(files, n);
	return error;
}

int reseal_undo(struct store *s, const struct reseal *rs, size_t upto, struct err *err)
{
	size_t i;
	int error = 0;

	for (i = 0; i < upto && i < rs->n; i++) {
		const struct reseal_file *f = &rs->v[i];
		int e = f->old ? store_write(s, f->path, f->old, f->oldlen, err)
			       : store_remove(s, f->path, err);

		if (e < 0)
			error = e;
	}
	return error;
}

/*
 * A re-seal rewrites many files before it commits them: killed between
 * the two, it left them changed, and every later readers add/rm refused
 * ("changes not committed").  So before writing it puts a journal,
 * $GIT_DIR/convene/reseal, beside them: the commit HEAD was at and, per
 * file, the blob of its new bytes.  The next holder of the edit lock that
 * finds it with HEAD still there puts back, from HEAD, each file that
 * holds the re-seal's bytes (index entry too); a file changed since is
 * left alone.  With HEAD moved on, the commit was made: the journal goes.
 */
static void reseal_journal(struct store *s, char *out, size_t size, const char *suffix)
{
	snprintf(out, size, "%sconvene/reseal%s", git_repository_path(s->repo), suffix);
}

static int reseal_journal_write(struct store *s, const struct reseal *rs, struct err *err)
{
	char path[4200], tmp[4200], hex[GIT_OID_HEXSZ + 1];
	git_oid head, id;
	FILE *f;
	size_t i;
	int ok;

	if (git_reference_name_to_id(&head, s->repo, "HEAD") < 0) {
		git_error_clear();
		return 0;  /* no commit yet: nothing to put back */
	}
	reseal_journal(s, path, sizeof(path), "");
	reseal_journal(s, tmp, sizeof(tmp), ".lock");
	*strrchr(tmp, '/') = '\0';
	if (mkdir(tmp, 0777) < 0 && errno != EEXIST)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot make %s: %s", tmp, strerror(errno));
	reseal_journal(s, tmp, sizeof(tmp), ".lock");
	if (!(f = fopen(tmp, "w")))
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write %s: %s", tmp, strerror(errno));
	fprintf(f, "convene reseal 1\nhead %s\n", git_oid_tostr(hex, sizeof(hex), &head));
	for (i = 0; i < rs->n; i++) {
		git_odb_hash(&id, rs->v[i].bytes, rs->v[i].len, GIT_OBJECT_BLOB);
		fprintf(f, "%s %s\n", git_oid_tostr(hex, sizeof(hex), &id), rs->v[i].path);
	}
	ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) < 0) {
		unlink(tmp);
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write %s: %s", path, strerror(errno));
	}
	return 0;
}

static void reseal_put_back(struct store *s, git_commit *head, const char *path, const git_oid *ours)
{
	git_tree *tree = NULL;
	git_tree_entry *e = NULL;
	git_blob *blob = NULL;
	git_oid now;
	char full[4096], lock[4200], *p = (char *)path;
	git_strarray one = { &p, 1 };
	struct err ignore;

	if (store_full_path(s, path, full, sizeof(full), &ignore) < 0)
		goto done;
	snprintf(lock, sizeof(lock), "%s.lock", full);
	unlink(lock);  /* the file being written when it died */
	if (git_odb_hashfile(&now, full, GIT_OBJECT_BLOB) < 0 || !git_oid_equal(&now, ours))
		goto done;  /* not the re-seal's bytes: changed since, or never written */
	if (git_commit_tree(&tree, head) < 0)
		goto done;
	if (git_tree_entry_bypath(&e, tree, path) < 0) {
		store_remove(s, path, &ignore);
	} else if (git_blob_lookup(&blob, s->repo, git_tree_entry_id(e)) == 0) {
		store_write(s, path, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob), &ignore);
	}
	git_reset_default(s->repo, (const git_object *)head, &one);
done:
	git_error_clear();
	git_blob_free(blob);
	git_tree_entry_free(e);
	git_tree_free(tree);
}

int store_reseal_recover(struct store *s)
{
	char path[4200], line[4400], hex[GIT_OID_HEXSZ + 1];
	git_oid was, now, id;
	git_commit *head = NULL;
	FILE *f;

	reseal_journal(s, path, sizeof(path), ".lock");
	unlink(path);  /* being written: nothing had started */
	reseal_journal(s, path, sizeof(path), "");
	if (!(f = fopen(path, "r")))
		return 0;
	if (fgets(line, sizeof(line), f) && !strcmp(line, "convene reseal 1\n") &&
	    fgets(line, sizeof(line), f) && sscanf(line, "head %40s", hex) == 1 &&
	    git_oid_fromstr(&was, hex) == 0 && git_reference_name_to_id(&now, s->repo, "HEAD") == 0 &&
	    git_oid_equal(&was, &now) && git_commit_lookup(&head, s->repo, &now) == 0) {
		while (fgets(line, sizeof(line), f)) {
			size_t n = strlen(line);

			if (n < GIT_OID_HEXSZ + 2 || line[n - 1] != '\n' || line[GIT_OID_HEXSZ] != ' ')
				break;
			line[n - 1] = '\0';
			line[GIT_OID_HEXSZ] = '\0';
			if (git_oid_fromstr(&id, line) < 0)
				break;
			reseal_put_back(s, head, line + GIT_OID_HEXSZ + 1, &id);
		}
	}
	git_error_clear();
	git_commit_free(head);
	fclose(f);
	unlink(path);
	return 0;
}

int reseal_write(struct store *s, struct reseal *rs, struct err *err)
{
	size_t i;
	int error;

	if ((error = reseal_journal_write(s, rs, err)) < 0)
		return error;

	for (i = 0; i < rs->n; i++) {
		struct reseal_file *f = &rs->v[i];
		struct err ignore;

		if (store_read(s, f->path, &f->old, &f->oldlen, &ignore) < 0)
			f->old = NULL;
	}
	for (i = 0; i < rs->n; i++) {
		if ((error = store_write(s, rs->v[i].path, rs->v[i].bytes, rs->v[i].len, err)) < 0) {
			struct err undo;

			reseal_undo(s, rs, i, &undo);
			return error;
		}
	}
	return 0;
}

int secrets_stale(struct store *s, const struct doc_node *root, struct err *err)
{
	const struct doc_node *sf = doc_get(root, "sealed_for"), *x;
	char text[AGE_RECIPIENT_STRLEN];
	struct readers rd;
	struct doc *ini = NULL;
	size_t n = 0, i;
	int error, stale = 0, found;

	if ((error = load_file(s, "initiative.yaml", &ini, NULL, err)) < 0)
		return error;
	error = readers_load(&rd, s, ini, err);
	doc_free(ini);
	if (error < 0)
		return error;
	if (!sf || sf->kind != DOC_SEQ) {
		readers_release(&rd);
		return 1;
	}
	for (x = sf->head; x; x = x->next, n++) {
		for (i = 0, found = 0; i < rd.n && !found; i++) {
			age_recipient_format(&rd.r[i], text);
			found = doc_is_str(x) && !strcmp(x->str, text);
		}
		stale |= !found;
	}
	stale |= n != rd.n;
	readers_release(&rd);
	return stale;
}

/*
 * A reader's summary opens every answer of every confidential interview,
 * one X25519 unwrap each (none for a value whose file key is in the
 * reader's cache, store/keycache.h).  The interviews are gathered in the
 * order of the files (copies), and the confidential ones are opened as
 * they come, on other threads while the files are still being read, then
 * on the caller's too (as many threads as there are processors, at most
 * MAX_OPENERS); then all are added in the files' order, so the summary is
 * the same as one opened file by file (the plain ones before the first
 * confidential one are added at once).
 */
#define MAX_OPENERS 4
#define PER_THREAD 16  /* sealed interviews a thread is worth starting for */
#define WAKE_BATCH 8   /* sealed interviews a waiting opener is woken for */

struct pending {
	char *file;
	struct doc *doc;   /* the copy: confidential (to open), or plain */
	int sealed;
	long opened;
	struct secret_failures f;
};

/* One opener thread: the shared reading, and its own use of the file-key
 * cache (known only looked up; what it finds or unwraps goes into its
 * own seen map, merged once the threads are joined). */
struct opener {
	struct reading *r;
	struct age_keycache_use use;
};

struct reading {
	struct interviews *iv;
	struct guide *g;
	const struct age_identity *ids;
	size_t nids;
	/* lock guards v, n, next and done: the scan adds, the openers take */
	pthread_mutex_t lock;
	pthread_cond_t more;
	struct pending **v;  /* each apart: an opener holds one while v grows */
	size_t n, cap, sealed;
	size_t next;         /* the next pending for an opener */
	size_t waiting;      /* openers waiting for more */
	size_t ready;        /* sealed ones not taken yet */
	int done;            /* the scan is over: nothing more comes */
	int failed;          /* the scan's (its thread's alone) */
	pthread_t t[MAX_OPENERS - 1];
	size_t started, want;
	struct opener o[MAX_OPENERS];
	struct age_keycache *known;
};

static void *opener(void *ctx);

/* Starts another opener thread once there are enough sealed ones. */
static void more_openers(struct reading *r)
{
	if (r->started + 1 >= r->want || r->sealed < (r->started + 1) * PER_THREAD)
		return;
	if (pthread_create(&r->t[r->started], NULL, opener, &r->o[r->started + 1]) == 0)
		r->started++;
}

/* Hands p over to the openers (p NULL: the scan is over). */
static int add_pending(struct reading *r, struct pending *p)
{
	struct pending **nv;
	int rc = 0;

	pthread_mutex_lock(&r->lock);
	if (!p) {
		r->done = 1;
	} else if (r->n == r->cap && !(nv = realloc(r->v, (r->cap ? 2 * r->cap : 64) * sizeof(*nv)))) {
		rc = ERR_NOMEM;
	} else {
		if (r->n == r->cap) {
			r->v = nv;
			r->cap = r->cap ? 2 * r->cap : 64;
		}
		r->v[r->n++] = p;
		r->sealed += p->sealed;
		r->ready += p->sealed;
	}
	/* a wake-up is two system calls: only for an opener that waits, and
	 * only once there is a batch for it (or nothing more comes) */
	if (r->waiting && (!p || r->ready >= WAKE_BATCH))
		pthread_cond_broadcast(&r->more);
	pthread_mutex_unlock(&r->lock);
	if (!rc && p && p->sealed)
		more_openers(r);
	return rc;
}

static void pending_free(struct pending *p)
{
	if (!p)
		return;
	if (p->sealed)
		secret_wipe_doc(p->doc);
	doc_free(p->doc);
	secret_failures_release(&p->f);
	free(p->file);
	free(p);
}

static void read_one(void *ctx, const char *file, const struct doc *doc)
{
	struct reading *r = ctx;
	struct pending *p;
	struct doc *copy = NULL;
	int rc = 0, sealed = 0;

	if (r->g && layout_kind(file) == KIND_INITIATIVE) {
		guide_release(r->g);
		if (guide_from_initiative(r->g, doc->root) < 0)
			r->failed = 1;
		return;
	}
	if (layout_kind(file) != KIND_INTERVIEW || r->failed)
		return;
	/* r->n is written by this thread alone: read here without the lock */
	if (r->nids && (rc = interviews_confidential_copy(&copy, file, doc)) != 0)
		sealed = 1;
	else if (!r->n) {
		interviews_add(r->iv, file, doc);  /* nothing waits before it; sets failed */
		return;
	} else if (!(copy = doc_new()) || (doc->root && !(copy->root = doc_copy(copy, doc->root))))
		rc = ERR_NOMEM;
	if (rc < 0 || !(p = calloc(1, sizeof(*p)))) {
		if (sealed)
			secret_wipe_doc(copy);
		doc_free(copy);
		r->failed = 1;
		return;
	}
	p->doc = copy;
	p->sealed = sealed;
	if (!(p->file = strdup(file)) || add_pending(r, p) < 0) {
		pending_free(p);
		r->failed = 1;
	}
}

/* Opens sealed pendings as they come, until the scan is over and none is
 * left. */
static void *opener(void *ctx)
{
	struct opener *o = ctx;
	struct reading *r = o->r;
	struct pending *p;

	for (;;) {
		pthread_mutex_lock(&r->lock);
		while (r->next < r->n && !r->v[r->next]->sealed)
			r->next++;
		while (r->next == r->n && !r->done) {
			r->waiting++;
			pthread_cond_wait(&r->more, &r->lock);
			r->waiting--;
			while (r->next < r->n && !r->v[r->next]->sealed)
				r->next++;
		}
		p = r->next < r->n ? r->v[r->next++] : NULL;
		if (p)
			r->ready--;
		pthread_mutex_unlock(&r->lock);
		if (!p)
			return NULL;
		p->opened = interviews_open_copy(p->doc, p->file, r->ids, r->nids,
						 o->use.known ? &o->use : NULL, &p->f);
	}
}

/*
 * The file-key cache after a run that opened every confidential interview
 * with keys (known, as read): the keys this run found or unwrapped, so
 * that keys of values gone since drop out.  Written only when that
 * changes it.
 */
static void keep_keys(struct store *s, const struct reading *r)
{
	struct age_keycache *kept = age_keycache_new();
	unsigned long fresh = 0;
	size_t i;
	int ok = kept != NULL;

	for (i = 0; i <= r->started && ok; i++) {
		fresh += r->o[i].use.fresh;
		ok = !r->o[i].use.failed && r->o[i].use.seen &&
		     age_keycache_merge(kept, r->o[i].use.seen) >= 0;
	}
	if (ok && (fresh || age_keycache_count(kept) != age_keycache_count(r->known)))
		store_keycache_save(s, kept, r->ids, r->nids);
	age_keycache_free(kept);
}

/* Ready to open with ids (r->nids of them) and the file-key cache of s. */
static void openers_init(struct store *s, struct reading *r)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t i;

	r->want = cpus > 1 ? (size_t)cpus : 1;
	if (r->want > MAX_OPENERS)
		r->want = MAX_OPENERS;
	r->known = r->nids ? store_keycache_load(s, r->ids, r->nids) : NULL;
	for (i = 0; i < r->want; i++) {
		r->o[i].r = r;
		r->o[i].use.known = r->known;
		r->o[i].use.seen = r->known ? age_keycache_new() : NULL;
	}
}

/* The scan is over: opens what is left on the caller's thread too, joins
 * the others and keeps the keys (unless ok is 0: the reading failed). */
static void openers_finish(struct store *s, struct reading *r, int ok)
{
	size_t i;

	add_pending(r, NULL);
	if (!ok) {
		pthread_mutex_lock(&r->lock);
		r->next = r->n;  /* what is left will not be shown: not worth opening */
		pthread_mutex_unlock(&r->lock);
	}
	if (r->nids)
		opener(&r->o[0]);
	for (i = 0; i < r->started; i++)
		pthread_join(r->t[i], NULL);
	if (ok && r->known)
		keep_keys(s, r);
	for (i = 0; i < r->want; i++)
		age_keycache_free(r->o[i].use.seen);
	age_keycache_free(r->known);
}

int secrets_read_interviews(struct store *s, struct interviews *iv, struct guide *g,
			    const struct age_identity *ids, size_t nids,
			    void (*said)(void *ctx, const char *file, const struct secret_failures *f),
			    void *ctx, struct err *err)
{
	struct reading r;
	struct diags d = { 0 };
	struct scan_stats st;
	size_t i;
	int error;

	memset(&r, 0, sizeof(r));
	r.iv = iv;
	r.g = g;
	r.ids = ids;
	r.nids = nids;
	if (nids && age_init() != 0)
		return err_set(err, ERR_INTERNAL, 0, 0, "libsodium does not start");
	pthread_mutex_init(&r.lock, NULL);
	pthread_cond_init(&r.more, NULL);
	openers_init(s, &r);
	error = scan_initiative(s, &d, &st, read_one, &r, err);
	diags_release(&d);
	openers_finish(s, &r, !error && !r.failed);
	for (i = 0; i < r.n; i++) {
		struct pending *p = r.v[i];

		if (error || r.failed) {
			pending_free(p);
			continue;
		}
		if (p->sealed) {
			interviews_add_copy(iv, p->file, p->doc, p->opened, &p->f);  /* sets failed */
			if (p->f.n && said)
				said(ctx, p->file, &p->f);
		} else {
			interviews_add(iv, p->file, p->doc);  /* sets failed */
			doc_free(p->doc);
		}
		p->doc = NULL;
		p->sealed = 0;
		pending_free(p);
	}
	free(r.v);
	pthread_cond_destroy(&r.more);
	pthread_mutex_destroy(&r.lock);
	if (!error && (r.failed || iv->failed))
		error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	return error;
}

int secrets_edit_needs_seal(const char *file, const struct doc *doc)
{
	return layout_kind(file) == KIND_INTERVIEW && doc->root && interview_confidential(doc->root) &&
	       sealed_holds_plaintext(doc->root);
}

int secrets_seal_edit(struct store *s, struct doc *doc, const char *file, const char *old,
		      size_t oldlen, const struct age_identity *ids, size_t nids, int *was_plain,
		      struct err *err)
{
	struct doc *before = NULL;
	struct err ignored;
	int error;

	if (was_plain)
		*was_plain = 0;
	if (old && doc_load(&before, old, oldlen, &ignored) == 0 && was_plain)
		*was_plain = sealed_holds_plaintext(before->root);
	error = secrets_seal(s, doc, file, before, ids, nids, 1, err);
	doc_free(before);
	return error;
}

int secrets_seal_plan(struct store *s, const struct doc *doc, int *was_plain, struct err *err)
{
	int stale;

	*was_plain = sealed_holds_plaintext(doc->root);
	if (*was_plain || !interview_confidential(doc->root))
		return SECRETS_SEAL;
	/* sealed already: for the current readers' keys, or anew */
	if ((stale = secrets_stale(s, doc->root, err)) < 0)
		return stale;
	return stale ? SECRETS_SEAL_ANEW : 0;
}

int secrets_seal_interview(struct store *s, struct doc *doc, const char *file, int plan,
			   const struct age_identity *ids, size_t nids, struct secret_failures *f,
			   struct err *err)
{
	if (plan == SECRETS_SEAL_ANEW) {
		if (secret_open_doc(doc, file, ids, nids, f) < 0)
			return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		if (f->n)
			return err_set(err, ERR_DATA, 0, 0, "%s: a value did not open", file);
	}
	if (dom_put(doc, KIND_INTERVIEW, NULL, 0, doc->root, "confidential", dom_plain(doc, "true")) < 0)
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	return secrets_seal(s, doc, file, NULL, NULL, 0, 0, err);
}
