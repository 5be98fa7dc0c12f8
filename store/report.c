/*
 * The report's reading and writing: see report.h.  The site is made in a
 * folder beside DIR (store/tmp.c: flocked, removed if convene dies), so a
 * reader of DIR sees the old report or the new one, never half of one.
 * The pages reach the disk before the rename (sync_site()), and the
 * rename before convene says it wrote the report.
 */
#define _GNU_SOURCE  /* renameat2() */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/domain.h"
#include "core/layout.h"
#include "core/path.h"
#include "fieldhist.h"
#include "internal.h"
#include "report.h"

/* A meeting file of the commit, read with its page. */
struct meeting_blob {
	long number;
	git_oid blob;
};

struct gather {
	struct report *r;
	struct store *s;
	struct err *err;
	struct meeting_blob *meetings;  /* the meeting files, for later */
	size_t nmeetings, cap;
	int rc;                   /* what stopped the walk */
};

/* A blob's bytes, without a copy: they live as long as *b. */
static int blob_at(struct store *s, const git_oid *id, git_blob **b, struct err *err)
{
	if (git_blob_lookup(b, s->repo, id) < 0)
		return store_git_fail(err, ERR_INTERNAL, "cannot read a file of the commit");
	return 0;
}

/*
 * One entry of the commit's tree (git_tree_walk(), folders first): a
 * file of the initiative is read and taken into the report, but a
 * meeting's, whose blob is only noted: it is read once, with its page.
 */
static int take(const char *root, const git_tree_entry *e, void *ctx)
{
	struct gather *g = ctx;
	struct doc *doc = NULL;
	git_blob *b = NULL;
	char path[4200];
	struct err e_;
	long n;
	int rc;

	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
		return 0;  /* a folder: walked into */
	if ((size_t)snprintf(path, sizeof(path), "%s%s", root, git_tree_entry_name(e)) >= sizeof(path) ||
	    layout_kind(path) == KIND_NONE)
		return 0;
	if (layout_kind(path) == KIND_MEETING && (n = layout_meeting_of_file(path))) {
		if (g->nmeetings == g->cap) {
			size_t cap = g->cap ? g->cap * 2 : 64;
			struct meeting_blob *v = realloc(g->meetings, cap * sizeof(*v));

			if (!v)
				goto nomem;
			g->meetings = v;
			g->cap = cap;
		}
		g->meetings[g->nmeetings].number = n;
		git_oid_cpy(&g->meetings[g->nmeetings++].blob, git_tree_entry_id(e));
		return 0;
	}
	if ((g->rc = blob_at(g->s, git_tree_entry_id(e), &b, g->err)) < 0)
		return -1;
	err_clear(&e_);
	/* a file that does not load is left out: validate says why */
	rc = doc_load(&doc, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), &e_);
	git_blob_free(b);
	if (rc == ERR_NOMEM)
		goto nomem;
	rc = doc ? report_add(g->r, path, doc) : 0;
	doc_free(doc);
	if (rc < 0)
		goto nomem;
	return 0;
nomem:
	g->rc = err_set(g->err, ERR_NOMEM, 0, 0, "out of memory");
	return -1;
}

static enum report_change_kind kind_of(enum field_change_kind k)
{
	switch (k) {
	case FIELD_SET: return REPORT_SET;
	case FIELD_REMOVED: return REPORT_REMOVED;
	case FIELD_CONFLICT: return REPORT_CONFLICT;
	case FIELD_RESOLVED: return REPORT_RESOLVED;
	default: return REPORT_CHANGED;
	}
}

/* The changes of the vision that commit c has in its past. */
static int vision(struct report *r, struct store *s, const struct store_commit *c,
		  struct err *err)
{
	struct field_history h;
	struct path p;
	git_oid head;
	size_t i;
	int rc, at_head;

	if ((rc = path_parse(&p, "vision", err)) < 0)
		return rc;
	at_head = git_reference_name_to_id(&head, s->repo, "HEAD") == 0 &&
		  !memcmp(head.id, c->oid.id, 20);
	git_error_clear();
	if ((rc = store_field_history(&h, s, &p, err)) < 0)
		goto done;
	for (i = 0; i < h.n; i++) {
		const struct field_change *ch = &h.v[i];
		struct report_change rc_ = { 0 };
		char meeting[16] = "";

		if (!at_head && memcmp(ch->commit.oid.id, c->oid.id, 20)) {
			git_oid a, b;

			memcpy(a.id, c->oid.id, 20);
			memcpy(b.id, ch->commit.oid.id, 20);
			/* 1: c descends from the change; 0: it does not */
			if (git_graph_descendant_of(s->repo, &a, &b) != 1) {
				git_error_clear();
				continue;
			}
		}
		if (ch->commit.meeting[0])
			snprintf(meeting, sizeof(meeting), "%ld", layout_meeting_number(ch->commit.meeting));
		rc_.kind = kind_of(ch->kind);
		rc_.id = (char *)ch->commit.id;
		rc_.date = (char *)ch->commit.date;
		rc_.author = (char *)ch->commit.author;
		rc_.site = (char *)ch->commit.site;
		rc_.meeting = meeting;
		rc_.before = ch->before && ch->before->present && !ch->before->unreadable ? ch->before->text : NULL;
		rc_.after = ch->after && ch->after->present && !ch->after->unreadable ? ch->after->text : NULL;
		rc_.mainline = ch->commit.mainline;
		rc_.merge = ch->merge;
		if ((rc = report_add_change(r, &rc_)) < 0) {
			err_set(err, ERR_NOMEM, 0, 0, "out of memory");
			goto done;
		}
	}
	rc = 0;
done:
	store_field_history_release(&h);
	return rc;
}

/* Every file of commit c but the meetings (their numbers go to g). */
static int gather_files(struct gather *g, struct store *s, const struct store_commit *c,
			struct err *err)
{
	struct report *r = g->r;
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	git_oid id;
	int rc;

	snprintf(r->commit_id, sizeof(r->commit_id), "%s", c->id);
	snprintf(r->commit_date, sizeof(r->commit_date), "%s", c->date);
	snprintf(r->today, sizeof(r->today), "%s", c->day);
	/* every file is read once: libgit2's object cache would only hold
	 * the repository in memory (as store_path_history() says, the
	 * setting is process-wide) */
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
	memcpy(id.id, c->oid.id, 20);
	if (git_commit_lookup(&commit, s->repo, &id) < 0 || git_commit_tree(&tree, commit) < 0) {
		rc = store_git_fail(err, ERR_INTERNAL, "cannot read the commit's files");
	} else {
		g->rc = 0;
		rc = git_tree_walk(tree, GIT_TREEWALK_PRE, take, g);
		if (rc < 0)
			rc = g->rc < 0 ? g->rc : store_git_fail(err, ERR_INTERNAL, "cannot read the commit's files");
	}
	git_tree_free(tree);
	git_commit_free(commit);
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 1);
	if (rc < 0)
		return rc;
	/* the meeting pages name the members */
	agenda_members_sort(&r->people);
	return 0;
}

/* 1: empty, 0: holds something, -1: cannot be read. */
static int is_empty(const char *dir, int *marked)
{
	struct dirent *de;
	DIR *d = opendir(dir);
	int empty = 1;

	*marked = 0;
	if (!d)
		return -1;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		empty = 0;
		if (!strcmp(de->d_name, REPORT_MARKER))
			*marked = 1;
	}
	closedir(d);
	return empty;
}

int store_report_check(const char *dir, int force, struct err *err)
{
	struct stat st;
	int marked, e;

	if (lstat(dir, &st) < 0) {
		if (errno == ENOENT)
			return 0;
		return err_set(err, ERR_USAGE, 0, 0, "cannot use '%s': %s", dir, strerror(errno));
	}
	if (!S_ISDIR(st.st_mode))
		return err_set(err, ERR_USAGE, 0, 0, "'%s' is not a folder; the report is a folder of pages", dir);
	if ((e = is_empty(dir, &marked)) < 0)
		return err_set(err, ERR_USAGE, 0, 0, "cannot read '%s': %s", dir, strerror(errno));
	if (e || marked || force)
		return 0;
	err_set(err, ERR_USAGE, 0, 0, "'%s' is not empty and holds no report convene wrote", dir);
	err_hint(err, "name a new folder, or add --force to replace everything in it");
	return ERR_USAGE;
}

static int write_file(const char *top, const char *name, const struct buf *b, struct err *err)
{
	char path[4600];
	size_t off = 0;
	int fd;

	if (buf_failed(b))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	snprintf(path, sizeof(path), "%s/%s", top, name);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) < 0)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", path, strerror(errno));
	while (off < b->len) {
		ssize_t n = write(fd, b->ptr + off, b->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (off < b->len) {
		err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		return ERR_INTERNAL;
	}
#ifndef __linux__
	if (fsync(fd) < 0) {  /* Linux: one syncfs() for the site, sync_site() */
		err_set(err, ERR_INTERNAL, 0, 0, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		return ERR_INTERNAL;
	}
#endif
	close(fd);
	return 0;
}

/*
 * What the index and the meeting pages read of a meeting: every field of
 * the schema's (core/schema.c) but the agenda items' prompts, which only
 * the run sheet shows.  A file in the block form convene writes is read
 * with doc_load_kept() to these (most of the report's time is in reading
 * the meetings: libyaml is the slow way), any other with doc_load().
 */
static const char *const item_keys[] = {
	"id", "title", "minutes", "lead", "purpose", "notes", "decisions", "actions", NULL
};
static const struct doc_keep meeting_keep[] = {
	{ "number", NULL }, { "title", NULL }, { "status", NULL }, { "approved", NULL },
	{ "goals", NULL }, { "date", NULL }, { "start", NULL }, { "duration", NULL },
	{ "location", NULL }, { "attendees", NULL }, { "agenda", item_keys }, { "next_steps", NULL },
};

/* A meeting's file, parsed; *out NULL (and *e set) when it does not
 * load.  0 or ERR_NOMEM, or what stopped the blob's reading. */
static int load_meeting(struct store *s, const git_oid *blob, struct doc **out, struct err *e,
			struct err *err)
{
	const char *data;
	git_blob *b;
	size_t len;
	int rc;

	*out = NULL;
	if ((rc = blob_at(s, blob, &b, err)) < 0)
		return rc;
	data = git_blob_rawcontent(b);
	len = (size_t)git_blob_rawsize(b);
	rc = doc_load_kept(out, data, len, meeting_keep, sizeof(meeting_keep) / sizeof(*meeting_keep));
	if (rc == 0)
		rc = doc_load(out, data, len, e);
	git_blob_free(b);
	return rc == ERR_NOMEM ? err_set(err, ERR_NOMEM, 0, 0, "out of memory") : 0;
}

static int by_number_down(const void *a, const void *b)
{
	long x = ((const struct meeting_blob *)a)->number, y = ((const struct meeting_blob *)b)->number;

	return (x < y) - (x > y);
}

/*
 * Every meeting, read and parsed once: taken into the report and its page
 * written, one at a time.  From the last to the first, so that the next
 * planned meeting after each (what its minutes name) has been seen by
 * then: only that one's tree is kept.
 */
static int meetings(struct gather *g, struct store *s,
		    const char *top, size_t *pages, struct err *err)
{
	struct doc *next = NULL;
	char next_file[64] = "";
	size_t i;
	int rc = 0;

	if (g->nmeetings)
		qsort(g->meetings, g->nmeetings, sizeof(*g->meetings), by_number_down);
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);  /* as in gather_files() */
	for (i = 0; i < g->nmeetings && rc == 0; i++) {
		long n = g->meetings[i].number;
		struct buf page = BUF_INIT;
		struct doc *doc = NULL;
		const char *status;
		char file[64], name[64];
		struct err e;

		layout_meeting_file(file, sizeof(file), n);
		err_clear(&e);
		if ((rc = load_meeting(s, &g->meetings[i].blob, &doc, &e, err)) < 0)
			break;
		if (!doc && report_unreadable(g->r, file, &e) < 0)
			rc = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		if (doc && report_add(g->r, file, doc) < 0)
			rc = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		if (rc < 0 || !doc || !doc->root || doc->root->kind != DOC_MAP) {
			doc_free(doc);
			continue;  /* in conflict as a whole, or no meeting: no page */
		}
		if (report_meeting_page(&page, g->r, n, doc, next, next_file) < 0)
			rc = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		report_meeting_path(name, sizeof(name), n);
		if (rc == 0 && (rc = write_file(top, name, &page, err)) == 0)
			(*pages)++;
		buf_release(&page);
		status = dom_text(doc->root, "status");
		if (status && !strcmp(status, "planned")) {
			doc_free(next);
			next = doc;
			snprintf(next_file, sizeof(next_file), "%s", file);
		} else {
			doc_free(doc);
		}
	}
	doc_free(next);
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 1);
	return rc;
}

/*
 * The new site on disk before it is renamed into place, so that a crash
 * just after the rename cannot leave empty pages behind it.  On Linux one
 * syncfs() of the folder's file system (the pages and their folder
 * entries), not an fsync per page; elsewhere write_file() fsyncs each page
 * and this the two folders.
 */
static int sync_site(const char *top, struct err *err)
{
	char sub[4400];
	int fd, rc;

#ifdef __linux__
	(void)sub;
	if ((fd = open(top, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot open '%s': %s", top, strerror(errno));
	rc = syncfs(fd);
	close(fd);
#else
	snprintf(sub, sizeof(sub), "%s/meetings/x", top);
	store_fsync_dir(sub);
	snprintf(sub, sizeof(sub), "%s/x", top);
	store_fsync_dir(sub);
	rc = 0;
#endif
	if (rc < 0)
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot write the report to disk ('%s'): %s", top,
			       strerror(errno));
	return 0;
}

/* Puts the folder made at from in dir's place, with the old one (if any)
 * removed: exchanged in one step where the kernel can, else moved away
 * first. */
static int swap_in(struct store_tmp *t, const char *dir, int replace, struct err *err)
{
	struct store_tmp old;
	int rc;

	if (!replace)
		return store_tmp_commit(t, err);
#ifdef RENAME_EXCHANGE
	if (renameat2(AT_FDCWD, t->path, AT_FDCWD, dir, RENAME_EXCHANGE) == 0) {
		store_fsync_dir(dir);
		store_tmp_abandon(t);  /* t->path now holds the old report */
		return 0;
	}
#endif
	if ((rc = store_tmp_dir(&old, dir, err)) < 0)
		return rc;
	if (old.in_place || rename(dir, old.path) < 0) {
		rc = err_set(err, ERR_INTERNAL, 0, 0, "cannot move '%s' away: %s", dir, strerror(errno));
		store_tmp_abandon(&old);
		return rc;
	}
	if (rename(t->path, dir) < 0) {
		rc = err_set(err, ERR_INTERNAL, 0, 0, "cannot rename '%s' to '%s': %s", t->path, dir,
			     strerror(errno));
		if (rename(old.path, dir) < 0) {
			/* the old report stays under old.path's name */
		}
		store_tmp_abandon(&old);
		return rc;
	}
	store_fsync_dir(dir);
	store_tmp_abandon(&old);
	store_tmp_abandon(t);
	return 0;
}

int store_report(struct report *r, struct store *s, const struct store_commit *c, const char *dir,
		 int force, size_t *pages, struct err *err)
{
	struct gather g = { r, s, err, NULL, 0, 0, 0 };
	struct store_tmp t;
	struct buf b = BUF_INIT;
	char sub[4400];
	int rc, marked, replace;
	struct stat st;

	*pages = 0;
	if ((rc = store_report_check(dir, force, err)) < 0)
		return rc;
	replace = lstat(dir, &st) == 0 && is_empty(dir, &marked) == 0;
	if ((rc = store_tmp_dir(&t, dir, err)) < 0) {
		if (errno == ENOENT)
			err_hint(err, "the folder it goes in must exist");
		return rc;
	}
	if (t.in_place) {
		t.in_place = 0;
		return err_set(err, ERR_USAGE, 0, 0, "cannot write the report over the current folder '%s'",
			       dir);
	}
	snprintf(sub, sizeof(sub), "%s/meetings", t.path);
	if (mkdir(t.path, 0777) < 0 || mkdir(sub, 0777) < 0) {
		rc = err_set(err, ERR_INTERNAL, 0, 0, "cannot make '%s': %s", t.path, strerror(errno));
		goto fail;
	}
	if ((rc = gather_files(&g, s, c, err)) < 0 || (rc = meetings(&g, s, t.path, pages, err)) < 0 ||
	    (rc = vision(r, s, c, err)) < 0)
		goto fail;
	if (report_finish(r) < 0)
		goto fail_nomem;
	if (report_index(&b, r) < 0 || (rc = write_file(t.path, "index.html", &b, err)) < 0)
		goto fail_nomem;
	buf_reset(&b);
	if (report_style(&b) < 0 || (rc = write_file(t.path, "style.css", &b, err)) < 0)
		goto fail_nomem;
	buf_reset(&b);
	buf_adds(&b, "A report written by convene: 'convene report' may replace this folder.\n");
	if ((rc = write_file(t.path, REPORT_MARKER, &b, err)) < 0)
		goto fail;
	if ((rc = sync_site(t.path, err)) < 0)
		goto fail;
	buf_release(&b);
	free(g.meetings);
	/* t.path is beside dir (in its parent): that folder holds the rename */
	snprintf(sub, sizeof(sub), "%s", t.path);
	if ((rc = swap_in(&t, dir, replace, err)) < 0)
		return rc;
	store_fsync_dir(sub);
	return 0;
fail_nomem:
	if (!rc)
		rc = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
fail:
	buf_release(&b);
	free(g.meetings);
	store_tmp_abandon(&t);
	return rc;
}
