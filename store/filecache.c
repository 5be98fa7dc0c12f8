/*
 * The cache of the work tree's files (filecache.h).  On disk, in the byte
 * order of the machine that wrote it (a cache, not a format to carry):
 *
 *   "convene files 1\n", u32 0x01020304, u32 count
 *   per entry: u32 path length, the path, the stat (i64 mtime seconds and
 *   nanoseconds, i64 ctime seconds and nanoseconds, u64 size, u64 inode,
 *   u32 mode), u8 flags, the 20-byte id, u32 data length, the data
 *   u64 checksum() of everything before it
 *
 * The file is mapped, not copied, and its entries are not taken apart
 * until they are looked up: the table only holds where each one starts.
 * (The minutes of a group of 2,000 took twice the time of reading the
 * files while each entry was copied into memory of its own: a fresh page
 * costs a page fault here, and those were most of it.)  What a run
 * records goes into entries of its own.  Written under a temporary name
 * and renamed, so a reader sees the old file or the new one.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/sha1.h"
#include "filecache.h"
#include "internal.h"

#define MAGIC "convene files 1\n"
#define HEADER (sizeof(MAGIC) - 1 + 8)
#define ORDER 0x01020304u
#define F_RACY 1u
#define FNV_START 14695981039346656037u
/* the fixed part of an entry after its path: stat, flags, id, length */
#define FIXED (6 * 8 + 4 + 1 + 20 + 4)
#define NEW 0x80000000u   /* a slot's value: an entry recorded in this run */
#define FREE 0xffffffffu

struct fstat_key {
	int64_t mtime_s, mtime_ns, ctime_s, ctime_ns;
	uint64_t size, ino;
	uint32_t mode;
};

/* An entry, taken apart (those on disk point into the mapping). */
struct entry {
	const char *path;
	size_t plen;
	struct fstat_key key;
	unsigned flags;
	const unsigned char *id;
	const unsigned char *data;
	size_t len;
};

/* An entry this run recorded. */
struct fresh {
	char *path;
	struct fstat_key key;
	unsigned flags;
	unsigned char id[20];
	unsigned char *data;
	size_t len;
};

struct filecache {
	const unsigned char *map;   /* the file, mapped; NULL: none */
	size_t maplen;
	uint32_t *offsets;          /* where each entry on disk starts */
	unsigned char *state;       /* of each: SEEN, REPLACED */
	uint32_t count;
	struct fresh *fresh;
	size_t nfresh;
	uint32_t *table;            /* an index of offsets[], or NEW | of fresh[] */
	size_t cap;                 /* a power of two, more than twice the entries */
	int changed, broken;
	time_t racy_since;          /* a file changed since then is not trusted */
	char **listed;              /* filecache_listed()'s folders */
	size_t nlisted;
};

enum { SEEN = 1, REPLACED = 2 };

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n--)
		h = (h ^ *c++) * 1099511628211u;
	return h;
}

/* The file's check: FNV-1a's step over 8-byte words, then the last bytes
 * (a byte at a time took half a millisecond over 330 KB). */
static uint64_t checksum_from(uint64_t h, const unsigned char *p, size_t n)
{
	uint64_t w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 1099511628211u;
		h ^= h >> 29;
	}
	return fnv(h, p, n);
}

static uint64_t checksum(const unsigned char *p, size_t n)
{
	return checksum_from(FNV_START, p, n);
}

void filecache_digest(const void *p, size_t n, unsigned char out[FILECACHE_DIGEST])
{
	uint64_t a = checksum_from(FNV_START, p, n);
	uint64_t b = checksum_from(FNV_START ^ 0x9e3779b97f4a7c15u ^ (uint64_t)n, p, n);

	memcpy(out, &a, 8);
	memcpy(out + 8, &b, 8);
}

static void key_of(struct fstat_key *k, const struct stat *st)
{
	memset(k, 0, sizeof(*k));
	k->mtime_s = st->st_mtim.tv_sec;
	k->mtime_ns = st->st_mtim.tv_nsec;
	k->ctime_s = st->st_ctim.tv_sec;
	k->ctime_ns = st->st_ctim.tv_nsec;
	k->size = (uint64_t)st->st_size;
	k->ino = (uint64_t)st->st_ino;
	k->mode = (uint32_t)st->st_mode;
}

static int key_eq(const struct fstat_key *a, const struct fstat_key *b)
{
	return a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns &&
	       a->ctime_s == b->ctime_s && a->ctime_ns == b->ctime_ns && a->size == b->size &&
	       a->ino == b->ino && a->mode == b->mode;
}

/* The entry on disk at off, taken apart; -1 when it runs past the end. */
static int parse_at(const struct filecache *fc, size_t off, struct entry *e)
{
	const unsigned char *p = fc->map + off, *end = fc->map + fc->maplen - 8;
	uint32_t plen, dlen;

	if ((size_t)(end - p) < 4)
		return -1;
	memcpy(&plen, p, 4);
	p += 4;
	if (plen == 0 || plen > 4096 || (size_t)(end - p) < (size_t)plen + FIXED)
		return -1;
	e->path = (const char *)p;
	e->plen = plen;
	p += plen;
	memcpy(&e->key.mtime_s, p, 8);
	memcpy(&e->key.mtime_ns, p + 8, 8);
	memcpy(&e->key.ctime_s, p + 16, 8);
	memcpy(&e->key.ctime_ns, p + 24, 8);
	memcpy(&e->key.size, p + 32, 8);
	memcpy(&e->key.ino, p + 40, 8);
	memcpy(&e->key.mode, p + 48, 4);
	e->flags = p[52];
	e->id = p + 53;
	memcpy(&dlen, p + 73, 4);
	p += FIXED;
	if ((size_t)(end - p) < dlen)
		return -1;
	e->data = p;
	e->len = dlen;
	return (int)(p + dlen - fc->map > (ptrdiff_t)UINT32_MAX ? -1 : 0);
}

/* The path of what a slot's value names. */
static const char *path_of(const struct filecache *fc, uint32_t v, size_t *len)
{
	struct entry e;

	if (v & NEW) {
		*len = strlen(fc->fresh[v & ~NEW].path);
		return fc->fresh[v & ~NEW].path;
	}
	parse_at(fc, fc->offsets[v], &e);  /* checked when the file was opened */
	*len = e.plen;
	return e.path;
}

/* The slot of path: the one that holds it, or the free one where it goes. */
static uint32_t *slot_n(struct filecache *fc, const char *path, size_t n)
{
	size_t i = (size_t)fnv(FNV_START, path, n) & (fc->cap - 1);

	for (;; i = (i + 1) & (fc->cap - 1)) {
		const char *p;
		size_t len;

		if (fc->table[i] == FREE)
			return &fc->table[i];
		p = path_of(fc, fc->table[i], &len);
		if (len == n && !memcmp(p, path, n))
			return &fc->table[i];
	}
}

static uint32_t *slot(struct filecache *fc, const char *path)
{
	return slot_n(fc, path, strlen(path));
}

static int make_table(struct filecache *fc, size_t entries)
{
	size_t cap = 64, i;
	uint32_t *old = fc->table, *to;
	size_t oldcap = fc->cap;

	while (cap < entries * 2 + 2)
		cap *= 2;
	if (!(fc->table = malloc(cap * sizeof(*fc->table)))) {
		fc->table = old;
		return ERR_NOMEM;
	}
	memset(fc->table, 0xff, cap * sizeof(*fc->table));
	fc->cap = cap;
	for (i = 0; i < oldcap; i++) {
		size_t len;
		const char *p;

		if (old[i] == FREE)
			continue;
		p = path_of(fc, old[i], &len);
		to = slot_n(fc, p, len);
		*to = old[i];
	}
	free(old);
	return 0;
}

static void cache_path(struct store *s, char *out, size_t size)
{
	snprintf(out, size, "%sconvene/files", store_gitdir(s));
}

/* Maps the file, whole and in one call (MAP_POPULATE: no page faults). */
static void map_file(struct filecache *fc, const char *path)
{
	struct stat st;
	void *m;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= (off_t)(HEADER + 8) &&
	    st.st_size < (off_t)UINT32_MAX &&
	    (m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0)) !=
		    MAP_FAILED) {
		fc->map = m;
		fc->maplen = (size_t)st.st_size;
	}
	close(fd);
}

static void unmap(struct filecache *fc)
{
	if (fc->map)
		munmap((void *)fc->map, fc->maplen);
	fc->map = NULL;
	fc->maplen = 0;
	free(fc->offsets);
	free(fc->state);
	fc->offsets = NULL;
	fc->state = NULL;
	fc->count = 0;
}

/* The entries of the mapped file, when it is whole and ours; else none. */
static int index_file(struct filecache *fc)
{
	uint64_t sum;
	uint32_t order, count, i;
	size_t off = HEADER;
	struct entry e;

	if (memcmp(fc->map, MAGIC, sizeof(MAGIC) - 1))
		return -1;
	memcpy(&order, fc->map + sizeof(MAGIC) - 1, 4);
	memcpy(&count, fc->map + sizeof(MAGIC) - 1 + 4, 4);
	memcpy(&sum, fc->map + fc->maplen - 8, 8);
	if (order != ORDER || count > fc->maplen / (FIXED + 5) ||
	    sum != checksum(fc->map, fc->maplen - 8))
		return -1;
	if (!(fc->offsets = malloc((count ? count : 1) * sizeof(*fc->offsets))) ||
	    !(fc->state = calloc(count ? count : 1, 1)))
		return ERR_NOMEM;
	for (i = 0; i < count; i++) {
		if (parse_at(fc, off, &e) < 0 || memchr(e.path, '\0', e.plen))
			return -1;
		fc->offsets[i] = (uint32_t)off;
		off = (size_t)(e.data + e.len - fc->map);
	}
	if (off != fc->maplen - 8)
		return -1;
	fc->count = count;
	if (make_table(fc, count) < 0)
		return ERR_NOMEM;
	for (i = 0; i < count; i++) {
		uint32_t *to;

		parse_at(fc, fc->offsets[i], &e);
		to = slot_n(fc, e.path, e.plen);
		if (*to != FREE)
			fc->state[*to] = REPLACED;  /* twice: the later one counts */
		*to = i;
	}
	return 0;
}

struct filecache *store_filecache_open(struct store *s)
{
	struct filecache *fc = calloc(1, sizeof(*fc));
	char path[4096];

	if (!fc)
		return NULL;
	fc->racy_since = time(NULL) - FILECACHE_RACY;
	cache_path(s, path, sizeof(path));
	map_file(fc, path);
	if (fc->map && index_file(fc) < 0) {
		unmap(fc);  /* damaged, or not ours: afresh */
		free(fc->table);
		fc->table = NULL;
		fc->cap = 0;
		fc->changed = 1;
	}
	if (!fc->table && make_table(fc, 0) < 0) {
		unmap(fc);
		free(fc);
		return NULL;
	}
	return fc;
}

int filecache_get(struct filecache *fc, const char *file, const struct stat *st,
		  struct store_oid *oid, const char **data, size_t *len)
{
	struct fstat_key k;
	struct entry e;
	uint32_t v;

	if (!fc || (v = *slot(fc, file)) == FREE)
		return 0;
	if (v & NEW) {
		const struct fresh *f = &fc->fresh[v & ~NEW];

		e.key = f->key, e.flags = f->flags, e.id = f->id, e.data = f->data, e.len = f->len;
	} else {
		parse_at(fc, fc->offsets[v], &e);
		fc->state[v] |= SEEN;
	}
	key_of(&k, st);
	if ((e.flags & F_RACY) || !key_eq(&k, &e.key))
		return 0;
	memcpy(oid->id, e.id, 20);
	*data = (const char *)e.data;
	*len = e.len;
	return 1;
}

static void fresh_free(struct fresh *f)
{
	free(f->path);
	free(f->data);
}

int filecache_put(struct filecache *fc, const char *file, const struct stat *st,
		  const struct store_oid *oid, const void *data, size_t len)
{
	struct fresh f, *nv;
	uint32_t *to;

	if (!fc)
		return 0;
	memset(&f, 0, sizeof(f));
	key_of(&f.key, st);
	/* changed too lately to tell a later change by its stat */
	if (st->st_mtim.tv_sec >= fc->racy_since || st->st_ctim.tv_sec >= fc->racy_since)
		f.flags |= F_RACY;
	memcpy(f.id, oid->id, 20);
	f.len = len;
	if (!(f.path = strdup(file)) || !(f.data = malloc(len ? len : 1)) ||
	    ((fc->count + fc->nfresh + 1) * 2 + 2 > fc->cap &&
	     make_table(fc, (fc->count + fc->nfresh + 1) * 2) < 0) ||
	    !(nv = realloc(fc->fresh, (fc->nfresh + 1) * sizeof(*nv)))) {
		fresh_free(&f);
		return ERR_NOMEM;
	}
	memcpy(f.data, data, len);
	fc->fresh = nv;
	to = slot(fc, file);
	if (*to != FREE && (*to & NEW)) {  /* twice in one run */
		fresh_free(&nv[*to & ~NEW]);
		nv[*to & ~NEW] = f;
	} else {
		if (*to != FREE)
			fc->state[*to] |= REPLACED;
		nv[fc->nfresh] = f;
		*to = NEW | (uint32_t)fc->nfresh++;
	}
	fc->changed = 1;
	return 0;
}

/* A fact's stat: none that a file has (mode 0), and never racy. */
static const struct stat fact_stat;

int filecache_get_fact(struct filecache *fc, const char *name, const char **data, size_t *len)
{
	struct store_oid none;

	return filecache_get(fc, name, &fact_stat, &none, data, len);
}

int filecache_put_fact(struct filecache *fc, const char *name, const void *data, size_t len)
{
	static const struct store_oid none;

	return filecache_put(fc, name, &fact_stat, &none, data, len);
}

void filecache_listed(struct filecache *fc, const char *folder)
{
	char **nv;

	if (!fc)
		return;
	if (!(nv = realloc(fc->listed, (fc->nlisted + 1) * sizeof(*nv))) ||
	    !(nv[fc->nlisted] = strdup(folder))) {
		if (nv)
			fc->listed = nv;
		fc->broken = 1;  /* nothing is dropped, nothing is lost */
		return;
	}
	fc->listed = nv;
	fc->nlisted++;
}

/* An entry on disk that is of a listed folder and was not seen: its file
 * is gone. */
static int gone(const struct filecache *fc, uint32_t i)
{
	struct entry e;
	size_t k;

	if ((fc->state[i] & SEEN) || fc->broken)
		return 0;
	parse_at(fc, fc->offsets[i], &e);
	for (k = 0; k < fc->nlisted; k++) {
		size_t n = strlen(fc->listed[k]);

		if (e.plen > n && !memcmp(e.path, fc->listed[k], n))
			return 1;
	}
	return 0;
}

static int kept(const struct filecache *fc, uint32_t i)
{
	return !(fc->state[i] & REPLACED) && !gone(fc, i);
}

static void put_u32(struct buf *b, uint32_t v)
{
	buf_add(b, &v, 4);
}

static void put_entry(struct buf *b, const char *path, size_t plen, const struct fstat_key *k,
		      unsigned flags, const unsigned char *id, const unsigned char *data,
		      size_t len)
{
	unsigned char f = (unsigned char)flags;

	put_u32(b, (uint32_t)plen);
	buf_add(b, path, plen);
	buf_add(b, &k->mtime_s, 8);
	buf_add(b, &k->mtime_ns, 8);
	buf_add(b, &k->ctime_s, 8);
	buf_add(b, &k->ctime_ns, 8);
	buf_add(b, &k->size, 8);
	buf_add(b, &k->ino, 8);
	buf_add(b, &k->mode, 4);
	buf_add(b, &f, 1);
	buf_add(b, id, 20);
	put_u32(b, (uint32_t)len);
	buf_add(b, data, len);
}

static void serialise(const struct filecache *fc, struct buf *b)
{
	uint32_t count = 0, i;
	uint64_t sum;
	struct entry e;
	size_t k;

	for (i = 0; i < fc->count; i++)
		count += (uint32_t)kept(fc, i);
	count += (uint32_t)fc->nfresh;
	buf_add(b, MAGIC, sizeof(MAGIC) - 1);
	put_u32(b, ORDER);
	put_u32(b, count);
	for (i = 0; i < fc->count; i++) {
		if (!kept(fc, i))
			continue;
		parse_at(fc, fc->offsets[i], &e);
		put_entry(b, e.path, e.plen, &e.key, e.flags, e.id, e.data, e.len);
	}
	for (k = 0; k < fc->nfresh; k++) {
		const struct fresh *f = &fc->fresh[k];

		put_entry(b, f->path, strlen(f->path), &f->key, f->flags, f->id, f->data, f->len);
	}
	if (!buf_failed(b)) {
		sum = checksum((const unsigned char *)b->ptr, b->len);
		buf_add(b, &sum, 8);
	}
}

static int has_gone(const struct filecache *fc)
{
	uint32_t i;

	for (i = 0; i < fc->count; i++)
		if (!(fc->state[i] & REPLACED) && gone(fc, i))
			return 1;
	return 0;
}

static void save(struct store *s, const struct filecache *fc)
{
	struct buf b = BUF_INIT;
	struct store_tmp t;
	char path[4096];
	struct err e;
	int ok;

	serialise(fc, &b);
	if (buf_failed(&b)) {
		buf_release(&b);
		return;
	}
	snprintf(path, sizeof(path), "%sconvene", store_gitdir(s));
	mkdir(path, 0777);
	cache_path(s, path, sizeof(path));
	err_clear(&e);
	if (store_tmp_file(&t, path, &e) == 0) {
		ok = write(t.fd, b.ptr, b.len) == (ssize_t)b.len;
		if (!ok || store_tmp_commit(&t, &e) < 0)
			store_tmp_abandon(&t);
	}
	buf_release(&b);
}

void store_filecache_close(struct store *s, struct filecache *fc)
{
	size_t i;

	if (!fc)
		return;
	if (fc->changed || has_gone(fc))
		save(s, fc);
	for (i = 0; i < fc->nfresh; i++)
		fresh_free(&fc->fresh[i]);
	for (i = 0; i < fc->nlisted; i++)
		free(fc->listed[i]);
	free(fc->fresh);
	free(fc->listed);
	free(fc->table);
	unmap(fc);
	free(fc);
}

void store_object_id(struct store_oid *oid, const void *data, size_t len, int tree)
{
	/* as git_odb_hash(), without loading libgit2 for it */
	sha1_git_object(oid->id, tree ? "tree" : "blob", data, len);
}
