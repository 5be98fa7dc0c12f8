/*
 * store/edit.c in a real repository made by git: what refuses an edit
 * comes back as data (the diagnostics it would add, where in the file),
 * never printed, and a refused or failed edit leaves the file and
 * history as they were.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/domain.h"
#include "store/edit.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

#define INITIATIVE "name: Reading\nprinciples:\n- id: p-data\n  text: Data first\n"
#define DANA "id: dana\nname: Dana\nrole: member\n"
/* an error of its own: a subgroup the initiative does not have */
#define YOSSI "id: yossi\nname: Yossi\nrole: member\nsubgroups:\n- nope\n"
#define READING "id: reading\ntitle: Reading\nstatus: proposed\nprinciples:\n- p-data\n"
#define RINA "id: rina\nname: Rina\nrole: !conflict\n  base: member\n  sides:\n" \
	"  - from: here\n    value: funder\n  - from: there\n    value: partner\n"
#define GONE "!conflict\nbase:\n  id: gone\n  name: G\nsides:\n- from: here\n" \
	"- from: there\n  value:\n    id: gone\n    name: G2\n"

struct repo {
	char dir[64];
	struct store *s;
};

/* A repository with the files above committed, opened as a store. */
static int repo_make(struct repo *r)
{
	char cmd[1024];
	struct err err;

	snprintf(r->dir, sizeof(r->dir), "/tmp/convene-unit-edit-XXXXXX");
	r->s = NULL;
	if (!unit_repo(r->dir, "git config user.name Unit && git config user.email unit@example.org && "
		       "mkdir members outcomes"))
		return 0;
	if (!unit_write_file(r->dir, "initiative.yaml", INITIATIVE) ||
	    !unit_write_file(r->dir, "members/dana.yaml", DANA) ||
	    !unit_write_file(r->dir, "members/yossi.yaml", YOSSI) ||
	    !unit_write_file(r->dir, "members/rina.yaml", RINA) ||
	    !unit_write_file(r->dir, "members/gone.yaml", GONE) ||
	    !unit_write_file(r->dir, "members/broken.yaml", "id: broken\nname: [\n") ||
	    !unit_write_file(r->dir, "outcomes/reading.yaml", READING))
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

/* Whether path holds exactly text in the work tree. */
static int holds(struct repo *r, const char *path, const char *text)
{
	char *data;
	size_t len;
	struct err err;
	int same;

	if (store_read(r->s, path, &data, &len, &err) < 0)
		return 0;
	same = len == strlen(text) && !memcmp(data, text, len);
	free(data);
	return same;
}

static int missing(struct repo *r, const char *path)
{
	char *data = NULL;
	size_t len;
	struct err err;
	int error = store_read(r->s, path, &data, &len, &err);

	free(data);
	return error == ERR_NOTFOUND;
}

static int commits(struct repo *r)
{
	char cmd[160];
	FILE *p;
	int n = -1;

	snprintf(cmd, sizeof(cmd), "git -C %s rev-list --count HEAD", r->dir);
	if (!(p = popen(cmd, "r")))
		return -1;
	if (fscanf(p, "%d", &n) != 1)
		n = -1;
	pclose(p);
	return n;
}

/* An edit of a member's file that sets key to text. */
static int set_field(struct txn *t, const char *key, const char *text)
{
	return dom_put(t->doc, KIND_MEMBER, NULL, 0, t->doc->root, key, dom_str(t->doc, text));
}

static int refuse_commit(struct store *s, const char *const *paths, size_t n, const char *head,
			 const char *message, char *oid, size_t oid_size, struct err *err)
{
	return err_set(err, ERR_REFUSED, 0, 0, "refused by the test");
}

void test_edit__an_error_it_adds_refuses_it_and_comes_back(void)
{
	struct repo r;
	struct txn t;
	struct txn_err e;
	struct txn_done done;
	int ok, error;

	txn_err_init(&e);
	ok = repo_make(&r) && edit_begin(&t, r.s, "members/dana.yaml", TXN_EDIT, &e) == 0 &&
	     set_field(&t, "id", "other") == 0;
	error = ok ? edit_commit(&t, "rename", &done, &e) : 0;
	ok = ok && error == ERR_DATA && e.added.n == 1 && e.added.errors == 1 &&
	     !strcmp(e.added.v[0].file, "members/dana.yaml") && e.added.v[0].line == 1 &&
	     e.added.v[0].col == 5 && strstr(e.added.v[0].msg, "does not match the file name") &&
	     !strcmp(e.err.msg, "the change would make members/dana.yaml invalid; nothing was changed") &&
	     !e.file && !e.unreadable && holds(&r, "members/dana.yaml", DANA) && commits(&r) == 1;
	txn_err_release(&e);
	repo_free(&r);
	check(ok);
}

void test_edit__an_error_the_file_had_does_not_refuse_it(void)
{
	struct repo r;
	struct txn t;
	struct txn_err e;
	struct txn_done done;
	int ok;

	txn_err_init(&e);
	ok = repo_make(&r) && edit_begin(&t, r.s, "members/yossi.yaml", TXN_EDIT, &e) == 0 &&
	     t.before.errors == 1 && set_field(&t, "role", "funder") == 0 &&
	     edit_commit(&t, "yossi funds", &done, &e) == 0 && done.outcome == TXN_COMMITTED &&
	     strlen(done.oid) == 7 && !strcmp(done.message, "yossi funds") && e.added.n == 0 &&
	     holds(&r, "members/yossi.yaml", "id: yossi\nname: Yossi\nrole: funder\nsubgroups:\n- nope\n") &&
	     commits(&r) == 2;
	txn_err_release(&e);
	repo_free(&r);
	check(ok);
}

void test_edit__a_reference_left_dangling_refuses_it(void)
{
	struct repo r;
	struct txn t;
	struct txn_err e;
	struct txn_done done;
	int ok;

	txn_err_init(&e);
	ok = repo_make(&r) && edit_begin(&t, r.s, "initiative.yaml", TXN_EDIT, &e) == 0;
	if (ok)
		doc_remove(doc_get(t.doc->root, "principles"));
	ok = ok && edit_commit(&t, "no principles", &done, &e) == ERR_DATA && e.added.n == 1 &&
	     !strcmp(e.added.v[0].file, "outcomes/reading.yaml") &&
	     strstr(e.added.v[0].msg, "unknown principle 'p-data'") &&
	     !strcmp(e.err.msg, "the change would leave 1 reference dangling; nothing was changed") &&
	     e.err.hint[0] && holds(&r, "initiative.yaml", INITIATIVE) && commits(&r) == 1;
	txn_err_release(&e);
	repo_free(&r);
	check(ok);
}

void test_edit__the_modes(void)
{
	struct repo r;
	struct txn t;
	struct txn_err e1, e2, e3, e4;
	struct txn_done done;
	int ok;

	txn_err_init(&e1);
	txn_err_init(&e2);
	txn_err_init(&e3);
	txn_err_init(&e4);
	ok = repo_make(&r);
	/* create: not over a file that is there; a new one starts empty */
	ok = ok && edit_begin(&t, r.s, "members/dana.yaml", TXN_CREATE, &e1) == ERR_USAGE &&
	     !strcmp(e1.err.msg, "members/dana.yaml already exists") && !t.doc;
	ok = ok && edit_begin(&t, r.s, "members/new.yaml", TXN_CREATE, &e1) == 0 &&
	     t.doc->root && t.doc->root->kind == DOC_MAP && !t.doc->root->head &&
	     set_field(&t, "id", "new") == 0 && set_field(&t, "name", "New") == 0 &&
	     set_field(&t, "role", "member") == 0 &&
	     edit_commit(&t, "new", &done, &e1) == 0 && done.outcome == TXN_COMMITTED &&
	     holds(&r, "members/new.yaml", "id: new\nname: New\nrole: member\n");
	/* edit: the file must be there, and not in conflict as a whole */
	ok = ok && edit_begin(&t, r.s, "members/nobody.yaml", TXN_EDIT, &e2) == ERR_NOTFOUND;
	ok = ok && edit_begin(&t, r.s, "members/gone.yaml", TXN_EDIT, &e3) == ERR_DATA &&
	     e3.file && !strcmp(e3.file, "members/gone.yaml") && e3.err.line == 1 &&
	     !strcmp(e3.err.msg, "the whole file is in conflict") && e3.err.hint[0];
	/* resolve: the same file may be */
	ok = ok && edit_begin(&t, r.s, "members/gone.yaml", TXN_RESOLVE, &e4) == 0 &&
	     (t.doc->root->flags & DOC_CONFLICT);
	if (ok)
		txn_release(&t);
	txn_err_release(&e1);
	txn_err_release(&e2);
	txn_err_release(&e3);
	txn_err_release(&e4);
	repo_free(&r);
	check(ok);
}

void test_edit__a_file_that_does_not_load_is_not_edited(void)
{
	struct repo r;
	struct txn t;
	struct txn_err e;
	int ok;

	txn_err_init(&e);
	ok = repo_make(&r) && edit_begin(&t, r.s, "members/broken.yaml", TXN_EDIT, &e) < 0 &&
	     e.unreadable && e.file && !strcmp(e.file, "members/broken.yaml") && e.err.line == 3 &&
	     !t.doc;
	txn_err_release(&e);
	repo_free(&r);
	check(ok);
}

void test_edit__a_field_in_conflict_is_refused_where_it_is(void)
{
	struct repo r;
	struct txn t;
	struct txn_err e;
	int ok, refused = 0, free_field = -1;

	txn_err_init(&e);
	ok = repo_make(&r) && edit_begin(&t, r.s, "members/rina.yaml", TXN_EDIT, &e) == 0;
	if (ok) {
		free_field = edit_refuse_conflict(&t, doc_get(t.doc->root, "name"), "name", &e);
		refused = edit_refuse_conflict(&t, doc_get(t.doc->root, "role"), "the role", &e);
		txn_release(&t);
	}
	ok = ok && free_field == 0 && refused == ERR_DATA && e.file &&
	     !strcmp(e.file, "members/rina.yaml") && e.err.line == 3 && e.err.col == 7 &&
	     !strcmp(e.err.msg, "the role is in an unresolved conflict");
	txn_err_release(&e);
	repo_free(&r);
	check(ok);
}

void test_edit__a_commit_that_fails_puts_the_file_back(void)
{
	struct repo r;
	struct txn t;
	struct txn_err e1, e2;
	struct txn_done done;
	int ok;

	txn_err_init(&e1);
	txn_err_init(&e2);
	ok = repo_make(&r) && edit_begin(&t, r.s, "members/dana.yaml", TXN_EDIT, &e1) == 0 &&
	     set_field(&t, "role", "funder") == 0;
	if (ok)
		t.commit = refuse_commit;
	ok = ok && edit_commit(&t, "funds", &done, &e1) == ERR_REFUSED &&
	     !strcmp(e1.err.msg, "refused by the test") && !e1.undo.code &&
	     holds(&r, "members/dana.yaml", DANA);
	/* a new file goes again */
	ok = ok && edit_begin(&t, r.s, "members/new.yaml", TXN_CREATE, &e2) == 0 &&
	     set_field(&t, "id", "new") == 0 && set_field(&t, "name", "New") == 0;
	if (ok)
		t.commit = refuse_commit;
	ok = ok && edit_commit(&t, "new", &done, &e2) == ERR_REFUSED &&
	     missing(&r, "members/new.yaml") && commits(&r) == 1;
	txn_err_release(&e1);
	txn_err_release(&e2);
	repo_free(&r);
	check(ok);
}

void test_edit__the_same_bytes_change_nothing(void)
{
	struct repo r;
	struct txn t;
	struct txn_err e;
	struct txn_done done;
	int ok;

	txn_err_init(&e);
	ok = repo_make(&r) && edit_begin(&t, r.s, "members/dana.yaml", TXN_EDIT, &e) == 0 &&
	     set_field(&t, "role", "member") == 0 && edit_commit(&t, "same", &done, &e) == 0 &&
	     done.outcome == TXN_UNCHANGED && commits(&r) == 1;
	txn_err_release(&e);
	repo_free(&r);
	check(ok);
}

/* Whether the edit lock is free: a flock from another open file gets it. */
static int lock_is_free(struct repo *r)
{
	char path[128];
	int fd, ok;

	snprintf(path, sizeof(path), "%s/.git/convene.lock", r->dir);
	if ((fd = open(path, O_RDWR | O_CREAT, 0644)) < 0)
		return 0;
	ok = flock(fd, LOCK_EX | LOCK_NB) == 0;
	close(fd);
	return ok;
}

/* Two files in one commit (minutes approve): both written and committed
 * together, or, when one of them would be made invalid or the commit is
 * refused, neither; the lock is the first edit's and goes with it. */
void test_edit__two_files_in_one_commit_or_neither(void)
{
	struct repo r;
	struct txn t, also;
	struct txn_err e;
	struct txn_done done;
	int ok, error, step = 0, begun;

	txn_err_init(&e);
	ok = repo_make(&r) && edit_begin(&t, r.s, "members/dana.yaml", TXN_EDIT, &e) == 0 &&
	     edit_begin_also(&also, &t, "members/rina.yaml", TXN_EDIT, &e) == 0 &&
	     set_field(&t, "role", "funder") == 0 && set_field(&also, "id", "other") == 0;
	error = ok ? edit_commit_both(&t, &also, "both", &done, &e) : 0;
	ok = ok && ++step && error == ERR_DATA && e.added.n == 1 &&
	     !strcmp(e.added.v[0].file, "members/rina.yaml") &&
	     holds(&r, "members/dana.yaml", DANA) && holds(&r, "members/rina.yaml", RINA) &&
	     commits(&r) == 1;
	txn_err_release(&e);
	/* a refused commit puts both back */
	ok = ok && ++step && edit_begin(&t, r.s, "members/dana.yaml", TXN_EDIT, &e) == 0 &&
	     edit_begin_also(&also, &t, "outcomes/reading.yaml", TXN_EDIT, &e) == 0 &&
	     set_field(&t, "role", "funder") == 0 &&
	     dom_put(also.doc, KIND_OUTCOME, NULL, 0, also.doc->root, "status",
		     dom_str(also.doc, "active")) == 0;
	if (ok)
		t.commit = refuse_commit;
	error = ok ? edit_commit_both(&t, &also, "both", &done, &e) : 0;
	ok = ok && ++step && error == ERR_REFUSED && holds(&r, "members/dana.yaml", DANA) &&
	     holds(&r, "outcomes/reading.yaml", READING) && commits(&r) == 1;
	txn_err_release(&e);
	ok = ok && ++step && edit_begin(&t, r.s, "members/dana.yaml", TXN_EDIT, &e) == 0 &&
	     edit_begin_also(&also, &t, "outcomes/reading.yaml", TXN_EDIT, &e) == 0 &&
	     set_field(&t, "role", "funder") == 0 &&
	     dom_put(also.doc, KIND_OUTCOME, NULL, 0, also.doc->root, "status",
		     dom_str(also.doc, "active")) == 0;
	error = ok ? edit_commit_both(&t, &also, "both", &done, &e) : 0;
	ok = ok && ++step && error == 0 && done.outcome == TXN_COMMITTED && commits(&r) == 2 &&
	     holds(&r, "members/dana.yaml", "id: dana\nname: Dana\nrole: funder\n") &&
	     holds(&r, "outcomes/reading.yaml",
		   "id: reading\ntitle: Reading\nstatus: active\nprinciples:\n- p-data\n");
	txn_err_release(&e);
	/* the lock went with the first edit: another open file takes it */
	ok = ok && ++step && lock_is_free(&r);
	/* a second file that cannot be edited leaves the lock with the first */
	begun = ok && ++step && edit_begin(&t, r.s, "members/dana.yaml", TXN_EDIT, &e) == 0;
	ok = begun && edit_begin_also(&also, &t, "members/nobody.yaml", TXN_EDIT, &e) == ERR_NOTFOUND &&
	     !lock_is_free(&r);
	if (begun)
		txn_release(&t);
	ok = ok && ++step && lock_is_free(&r);
	txn_err_release(&e);
	repo_free(&r);
	if (!ok)
		printf("  failed at step %d\n", step);
	check(ok);
}
