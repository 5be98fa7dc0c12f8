/*
 * The sources of an agenda or of minutes: see sources.h.  Every file is
 * named first (the work tree's list, or a walk of the commit's tree that
 * reads no file), then only what the document needs is read: the
 * initiative, the members, the meeting, and the earlier meetings (the
 * agenda) or the later ones up to the next planned (the minutes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/layout.h"
#include "internal.h"
#include "planned.h"
#include "sources.h"

/* A file of the initiative: its name and, in a commit, its blob. */
struct agenda_later {
	char *file;
	struct store_oid blob;
	long number;   /* a later meeting's number, for the sort */
};

/* Where the files come from: the work tree, or a commit (at). */
struct reader {
	struct store *s;
	const struct store_oid *at;
};

static int read_one(struct reader *rd, const struct agenda_later *f, char **data, size_t *len,
		    struct err *err)
{
	return rd->at ? store_blob_read(rd->s, &f->blob, data, len, err)
		      : store_read(rd->s, f->file, data, len, err);
}

/* Loads a file; one that does not load is left out (validate says why),
 * unless it is the one the document is of. */
static int load(struct reader *rd, const struct agenda_later *f, struct doc **out, struct err *err)
{
	char *data = NULL;
	size_t len;
	int rc;

	*out = NULL;
	if ((rc = read_one(rd, f, &data, &len, err)) < 0)
		return rc;
	rc = doc_load(out, data, len, err);
	free(data);
	return rc;
}

/* Sorts out one file by its name; loads what the document needs. */
static int take(struct agenda_sources *src, struct reader *rd, const struct agenda_later *f,
		struct err *err)
{
	const char *file = f->file;
	enum schema_kind kind = layout_kind(file);
	struct doc *doc;
	struct err e;
	long n;

	err_clear(&e);
	if (!strcmp(file, LAYOUT_INITIATIVE)) {
		if (load(rd, f, &src->initiative, &e) == ERR_NOMEM)
			return ERR_NOMEM;
		return 0;
	}
	if (kind == KIND_MEMBER) {
		/* a group of 2,000: most of the minutes' time is in these */
		char *data = NULL;
		size_t len;
		int rc = read_one(rd, f, &data, &len, &e);

		if (rc == ERR_NOMEM)
			return ERR_NOMEM;
		rc = rc < 0 ? 0 : agenda_members_add_text(&src->members, file, data, len);
		free(data);
		return rc;
	}
	if (kind != KIND_MEETING || !(n = layout_meeting_of_file(file)))
		return 0;
	{
		long *nv = realloc(src->numbers, (src->nnumbers + 1) * sizeof(*nv));

		if (!nv)
			return ERR_NOMEM;
		src->numbers = nv;
		nv[src->nnumbers++] = n;
	}
	if (n == src->number)
		return load(rd, f, &src->meeting, err) < 0 ? -1 : 0;
	if (src->minutes && n > src->number) {
		/* only the next planned one is named: loaded later, in order */
		struct agenda_later *nv = realloc(src->later, (src->nlater + 1) * sizeof(*nv));

		if (!nv)
			return ERR_NOMEM;
		src->later = nv;
		if (!(nv[src->nlater].file = strdup(file)))
			return ERR_NOMEM;
		nv[src->nlater].number = n;
		nv[src->nlater++].blob = f->blob;
		return 0;
	}
	if (src->minutes || n > src->number)
		return 0;
	/* the agenda lists the actions still open from earlier meetings */
	if (load(rd, f, &doc, &e) == ERR_NOMEM)
		return ERR_NOMEM;
	if (doc && meetings_add(&src->meetings, file, doc) < 0) {
		doc_free(doc);
		return ERR_NOMEM;
	}
	doc_free(doc);
	return 0;
}

static int by_number(const void *a, const void *b)
{
	long x = ((const struct agenda_later *)a)->number;
	long y = ((const struct agenda_later *)b)->number;

	return (x > y) - (x < y);
}

static int by_value(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* The later meetings, in order, until the first planned one. */
static int take_later(struct agenda_sources *src, struct reader *rd)
{
	struct store_oid *blobs = NULL;
	struct doc *doc;
	char **files;
	size_t i, which;
	int rc;

	if (!src->nlater)  /* qsort() takes no NULL, even for nothing */
		return 0;
	qsort(src->later, src->nlater, sizeof(*src->later), by_number);
	files = malloc(src->nlater * sizeof(*files));
	if (rd->at)  /* a commit: each blob by its id */
		blobs = malloc(src->nlater * sizeof(*blobs));
	if (!files || (rd->at && !blobs)) {
		free(files);
		free(blobs);
		return ERR_NOMEM;
	}
	for (i = 0; i < src->nlater; i++) {
		files[i] = src->later[i].file;
		if (blobs)
			blobs[i] = src->later[i].blob;
	}
	rc = store_first_planned(rd->s, rd->at, files, blobs, src->nlater, &doc, &which);
	free(files);
	free(blobs);
	if (rc < 0 || !doc)
		return rc;
	rc = meetings_add(&src->meetings, src->later[which].file, doc);
	doc_free(doc);
	return rc;
}

/* The files of a commit, as the walk of its tree finds them: their names
 * and blobs, none read. */
struct names {
	struct agenda_later *v;
	size_t n;
	int nomem;
};

static int add_name(const char *root, const git_tree_entry *e, void *ctx)
{
	struct names *names = ctx;
	struct agenda_later *nv;
	size_t len;

	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
		return 0;  /* a folder: walked into */
	if (!(nv = realloc(names->v, (names->n + 1) * sizeof(*nv))))
		goto nomem;
	names->v = nv;
	len = strlen(root) + strlen(git_tree_entry_name(e)) + 1;
	if (!(nv[names->n].file = malloc(len)))
		goto nomem;
	snprintf(nv[names->n].file, len, "%s%s", root, git_tree_entry_name(e));
	memcpy(nv[names->n++].blob.id, git_tree_entry_id(e)->id, 20);
	return 0;
nomem:
	names->nomem = 1;
	return -1;
}

static int commit_names(struct store *s, const struct store_oid *at, struct names *names,
			struct err *err)
{
	git_commit *c = NULL;
	git_tree *tree = NULL;
	git_oid id;
	int rc = 0;

	memcpy(id.id, at->id, 20);
	if (git_commit_lookup(&c, s->repo, &id) < 0 || git_commit_tree(&tree, c) < 0)
		rc = store_git_fail(err, ERR_INTERNAL, "cannot read the commit's files");
	else if (git_tree_walk(tree, GIT_TREEWALK_PRE, add_name, names) < 0)
		rc = names->nomem ? err_set(err, ERR_NOMEM, 0, 0, "out of memory")
				  : store_git_fail(err, ERR_INTERNAL, "cannot read the commit's files");
	git_tree_free(tree);
	git_commit_free(c);
	return rc;
}

static void names_free(struct agenda_later *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].file);
	free(v);
}

int store_agenda_sources(struct agenda_sources *src, struct store *s, const struct store_oid *at,
			 struct err *err)
{
	struct reader rd = { s, at };
	struct names names = { NULL, 0, 0 };
	size_t i;
	int rc;

	if (at) {
		rc = commit_names(s, at, &names, err);
	} else {
		char **files = NULL;
		size_t n = 0;

		if ((rc = store_list(s, &files, &n, err)) == 0 &&
		    !(names.v = calloc(n ? n : 1, sizeof(*names.v))))
			rc = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
		for (i = 0; rc == 0 && i < n; i++) {
			names.v[i].file = files[i];
			files[i] = NULL;
		}
		names.n = rc == 0 ? n : 0;
		store_list_free(files, n);
	}
	for (i = 0; rc >= 0 && i < names.n; i++)
		if ((rc = take(src, &rd, &names.v[i], err)) == ERR_NOMEM)
			err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	names_free(names.v, names.n);
	if (rc >= 0 && src->minutes)
		rc = take_later(src, &rd);
	if (rc == ERR_NOMEM)
		err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	agenda_members_sort(&src->members);
	if (src->nnumbers)
		qsort(src->numbers, src->nnumbers, sizeof(*src->numbers), by_value);
	return rc;
}

void store_agenda_sources_release(struct agenda_sources *src)
{
	doc_free(src->initiative);
	doc_free(src->meeting);
	agenda_members_release(&src->members);
	meetings_release(&src->meetings);
	free(src->numbers);
	names_free(src->later, src->nlater);
	memset(src, 0, sizeof(*src));
}
