/*
 * store/scan.c over a real repository made by git: what a scan finds in
 * the files comes back as diagnostics and counts, each tree that loads is
 * handed to the visitor, and nothing is printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/scan.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

struct repo {
	char dir[64];
	struct store *s;
};

/* A repository with an initiative of one member and one meeting, committed;
 * with_initiative 0 leaves initiative.yaml out. */
static int repo_make(struct repo *r, int with_initiative)
{
	char cmd[1024];
	struct err err;

	snprintf(r->dir, sizeof(r->dir), "/tmp/convene-unit-scan-XXXXXX");
	r->s = NULL;
	if (!unit_repo(r->dir, "git config user.name Unit && git config user.email unit@example.org && "
		       "mkdir members meetings"))
		return 0;
	if ((with_initiative && !unit_write_file(r->dir, "initiative.yaml", "name: Reading\nlanguage: en\n")) ||
	    !unit_write_file(r->dir, "members/dana.yaml", "id: dana\nname: Dana\nrole: member\n") ||
	    !unit_write_file(r->dir, "meetings/001.yaml",
			"number: 1\ntitle: First\nstatus: planned\nattendees:\n- dana\n"))
		return 0;
	snprintf(cmd, sizeof(cmd), "cd %s && GIT_CONFIG_NOSYSTEM=1 git add . && "
		 "GIT_CONFIG_NOSYSTEM=1 git commit -qm start", r->dir);
	if (system(cmd) != 0 || store_global_init() < 0)
		return 0;
	return store_open(&r->s, r->dir, &err) == 0;
}

static void repo_free(struct repo *r)
{
	store_free(r->s);
	store_global_shutdown();
	if (!unit_repo_remove(r->dir))
		unit_failed = 1;
}

/* The first diagnostic of file, or NULL. */
static const struct diag *diag_of(const struct diags *d, const char *file)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (!strcmp(d->v[i].file, file))
			return &d->v[i];
	return NULL;
}

struct seen {
	char files[8][64];
	size_t n;
};

static void note_file(void *ctx, const char *file, const struct doc *doc)
{
	struct seen *s = ctx;

	if (s->n < 8 && doc && doc->root)
		snprintf(s->files[s->n++], sizeof(s->files[0]), "%s", file);
}

void test_scan__clean(void)
{
	struct diags d = { 0 };
	struct scan_stats st;
	struct seen seen = { 0 };
	struct repo r;
	struct err err;
	int error;

	check(repo_make(&r, 1));
	err_clear(&err);
	error = scan_initiative(r.s, &d, &st, note_file, &seen, &err);
	repo_free(&r);
	check(error == 0);
	check(d.errors == 0 && d.warnings == 0);
	check(st.files == 3);
	check(st.by_kind[KIND_INITIATIVE] == 1 && st.by_kind[KIND_MEMBER] == 1 &&
	      st.by_kind[KIND_MEETING] == 1 && st.by_kind[KIND_OUTCOME] == 0);
	/* initiative.yaml first, then by folder */
	check(seen.n == 3);
	check_str(seen.files[0], "initiative.yaml");
	check_str(seen.files[1], "members/dana.yaml");
	check_str(seen.files[2], "meetings/001.yaml");
	diags_release(&d);
}

void test_scan__missing_initiative(void)
{
	struct diags d = { 0 };
	struct scan_stats st;
	const struct diag *x;
	struct repo r;
	struct err err;
	int error;

	check(repo_make(&r, 0));
	err_clear(&err);
	error = scan_initiative(r.s, &d, &st, NULL, NULL, &err);
	repo_free(&r);
	check(error == 0);
	check(st.files == 2);
	check((x = diag_of(&d, "initiative.yaml")));
	check(x->level == DIAG_ERROR);
	check(strstr(x->msg, "initiative.yaml is missing") != NULL);
	diags_release(&d);
}

void test_scan__problems_in_files(void)
{
	struct diags d = { 0 };
	struct scan_stats st;
	struct seen seen = { 0 };
	const struct diag *x;
	struct repo r;
	struct err err;
	int error;

	check(repo_make(&r, 1));
	/* a broken file, a reference to no one, a stray .yml, a comment and
	 * git's conflict markers in a file outside the YAML data */
	check(unit_write_file(r.dir, "members/broken.yaml", "id: broken\nname: [\n"));
	check(unit_write_file(r.dir, "meetings/002.yaml", "number: 2\ntitle: Second\nstatus: planned\nattendees:\n- nobody\n"));
	check(unit_write_file(r.dir, "members/yossi.yml", "id: yossi\n"));
	check(unit_write_file(r.dir, "members/rina.yaml", "# hi\nid: rina\nname: Rina\nrole: member\n"));
	check(unit_write_file(r.dir, "README", "<<<<<<< ours\na\n=======\nb\n>>>>>>> theirs\n"));
	{
		char cmd[256];

		snprintf(cmd, sizeof(cmd), "cd %s && git add README && git commit -qm readme", r.dir);
		check(system(cmd) == 0);
	}
	err_clear(&err);
	error = scan_initiative(r.s, &d, &st, note_file, &seen, &err);
	repo_free(&r);
	check(error == 0);
	check((x = diag_of(&d, "members/broken.yaml")) && x->level == DIAG_ERROR && x->line == 3);
	check((x = diag_of(&d, "meetings/002.yaml")) && x->level == DIAG_ERROR &&
	      strstr(x->msg, "nobody"));
	check((x = diag_of(&d, "members/yossi.yml")) && x->level == DIAG_WARNING &&
	      strstr(x->msg, "rename it to members/yossi.yaml"));
	check((x = diag_of(&d, "members/rina.yaml")) && x->level == DIAG_WARNING &&
	      strstr(x->msg, "comments are not kept"));
	check((x = diag_of(&d, "README")) && x->level == DIAG_ERROR && x->line == 1 &&
	      !strcmp(x->msg, MARKED_MESSAGE));
	check(d.conflicts == 1);
	/* the broken file is not visited; the others are */
	check(st.files == 6 && seen.n == 5);
	/* sorted by file */
	check(!strcmp(d.v[0].file, "README"));
	diags_release(&d);
}
