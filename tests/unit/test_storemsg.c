/*
 * The messages of store/ that are one whole format for each case (so
 * that each is translated whole, issue 18): the English of every case,
 * as the words of the single format it replaced said it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "store/edit.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

#define INITIATIVE "name: Reading\nprinciples:\n- id: p-data\n  text: Data first\n" \
	"- id: p-voice\n  text: Every voice\n"
#define READING "id: reading\ntitle: Reading\nstatus: proposed\nprinciples:\n- p-data\n"
#define WRITING "id: writing\ntitle: Writing\nstatus: proposed\nprinciples:\n- p-data\n- p-voice\n"

struct repo {
	char dir[64];
	struct store *s;
};

/* A repository with the files above and two broken members committed. */
static int repo_make(struct repo *r)
{
	char cmd[1024];
	struct err err;

	snprintf(r->dir, sizeof(r->dir), "/tmp/convene-unit-storemsg-XXXXXX");
	r->s = NULL;
	if (!unit_repo(r->dir, "git config user.name Unit && git config user.email unit@example.org && "
		       "mkdir members outcomes"))
		return 0;
	if (!unit_write_file(r->dir, "initiative.yaml", INITIATIVE) ||
	    !unit_write_file(r->dir, "outcomes/reading.yaml", READING) ||
	    !unit_write_file(r->dir, "outcomes/writing.yaml", WRITING) ||
	    !unit_write_file(r->dir, "members/empty.yaml", "") ||
	    !unit_write_file(r->dir, "members/list.yaml", "- id: list\n"))
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

void test_storemsg__references_left_dangling(void)
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
	/* three references to principles no longer there, in two files */
	ok = ok && edit_commit(&t, "no principles", &done, &e) == ERR_DATA && e.added.n == 3;
	check_str(e.err.msg, "the change would leave 3 references dangling; nothing was changed");
	check_str(e.err.hint, "change those files first, or keep the ids they name");
	txn_err_release(&e);
	repo_free(&r);
	check(ok);
}

void test_storemsg__a_file_that_holds_no_fields(void)
{
	struct repo r;
	struct txn t;
	struct txn_err e1, e2;
	int ok;

	txn_err_init(&e1);
	txn_err_init(&e2);
	ok = repo_make(&r);
	ok = ok && edit_begin(&t, r.s, "members/empty.yaml", TXN_EDIT, &e1) == ERR_DATA &&
	     edit_begin(&t, r.s, "members/list.yaml", TXN_EDIT, &e2) == ERR_DATA;
	check_str(e1.err.msg, "the file is empty; fix it first (convene edit members/empty.yaml)");
	check_str(e2.err.msg, "the file does not hold a mapping of fields; fix it first "
		  "(convene edit members/list.yaml)");
	check(e1.err.line == 1 && e1.err.col == 1);
	txn_err_release(&e1);
	txn_err_release(&e2);
	repo_free(&r);
	check(ok);
}
