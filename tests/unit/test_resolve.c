/* store/resolve.c: a sealed side kept byte for byte, or opened to seal anew. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/path.h"
#include "core/secret.h"
#include "repo.h"
#include "store/resolve.h"
#include "unit.h"

static const char FILE_[] = "interviews/rina-1.yaml";

struct fixture {
	char dir[40];
	struct store *s;
	struct age_identity id, other;
	struct doc *doc;           /* the committed interview, sealed */
	char from[80];             /* a side's from naming that commit */
};

static int shell(const char *dir, const char *script)
{
	char cmd[2048];

	snprintf(cmd, sizeof(cmd),
		 "cd %s && GIT_CONFIG_NOSYSTEM=1 HOME=%s GIT_AUTHOR_NAME=Unit "
		 "GIT_AUTHOR_EMAIL=unit@example.org GIT_COMMITTER_NAME=Unit "
		 "GIT_COMMITTER_EMAIL=unit@example.org sh -c '%s' >/dev/null", dir, dir, script);
	return system(cmd) == 0;
}

static int write_member(const char *dir, const char *id, const struct age_identity *key)
{
	struct age_recipient r;
	char text[200], rec[AGE_RECIPIENT_STRLEN], path[64];

	age_identity_recipient(key, &r);
	age_recipient_format(&r, rec);
	snprintf(text, sizeof(text), "id: %s\nname: %s\nage: %s\n", id, id, rec);
	snprintf(path, sizeof(path), "members/%s.yaml", id);
	return unit_write_file(dir, path, text);
}

/* dana reads (id); the interview sealed for her, committed */
static int setup(struct fixture *f)
{
	static const char text[] = "member: rina\nconfidential: true\nanswers:\n  why: the word\n";
	struct age_recipient r;
	struct buf out = BUF_INIT;
	struct err err;
	FILE *p;
	char cmd[128], hex[16] = "";
	int ok;

	memset(f, 0, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "/tmp/unit-resolve-XXXXXX");
	if (store_global_init() < 0 || age_init() < 0 || age_keygen(&f->id) || age_keygen(&f->other) ||
	    !unit_repo(f->dir, "mkdir members interviews") || !write_member(f->dir, "dana", &f->id) ||
	    !write_member(f->dir, "yossi", &f->other) ||
	    !unit_write_file(f->dir, "initiative.yaml", "name: x\nreaders: [dana]\n"))
		return 0;
	age_identity_recipient(&f->id, &r);
	if (doc_load(&f->doc, text, strlen(text), &err) < 0 ||
	    secret_seal_doc(f->doc, FILE_, NULL, NULL, 0, &r, 1, 0) != 0 || doc_emit(&out, f->doc) < 0)
		return 0;
	ok = unit_write_file(f->dir, FILE_, buf_str(&out));
	buf_release(&out);
	if (!ok || !shell(f->dir, "git add -A && git commit -qm sealed"))
		return 0;
	snprintf(cmd, sizeof(cmd), "git -C %s rev-parse --short=7 HEAD", f->dir);
	if (!(p = popen(cmd, "r")) || !fgets(hex, sizeof(hex), p) || pclose(p) != 0)
		return 0;
	hex[strcspn(hex, "\n")] = '\0';
	snprintf(f->from, sizeof(f->from), "Unit <unit@example.org> haifa 2026-03-01 %s", hex);
	return store_open(&f->s, f->dir, &err) == 0;
}

static void teardown(struct fixture *f)
{
	store_free(f->s);
	doc_free(f->doc);
	unit_repo_remove(f->dir);
}

static struct doc_node *why(const struct doc *doc)
{
	return doc_get(doc_get(doc->root, "answers"), "why");
}

void test_resolve__keeps_bytes(void)
{
	struct fixture f;
	struct doc_node *v, *other;
	struct age_recipient r;
	struct path p;
	struct err err;

	check(setup(&f));
	check(path_parse(&p, "interviews/rina-1.yaml:answers.why", &err) == 0);
	v = why(f.doc);
	check(v && (v->flags & DOC_SECRET));
	check(resolve_keeps_bytes(f.s, f.doc, &p, v, f.from) == 1);
	/* a label git gave, no commit: sealed anew */
	check(resolve_keeps_bytes(f.s, f.doc, &p, v, "ours") == 0);
	check(resolve_keeps_bytes(f.s, f.doc, &p, v, "x 0000000") == 0);
	check(resolve_keeps_bytes(f.s, f.doc, &p, v, NULL) == 0);
	/* other bytes than the commit holds there */
	age_identity_recipient(&f.id, &r);
	check(secret_seal_value(&other, f.doc, FILE_, "answers.why", "the word", 8, &r, 1) == 0);
	check(resolve_keeps_bytes(f.s, f.doc, &p, other, f.from) == 0);
	/* a plain value is never kept */
	check(resolve_keeps_bytes(f.s, f.doc, &p, doc_scalar(f.doc, "x", 1, 0), f.from) == 0);
	/* the readers changed since: sealed anew */
	check(unit_write_file(f.dir, "initiative.yaml", "name: x\nreaders: [dana, yossi]\n"));
	check(resolve_keeps_bytes(f.s, f.doc, &p, v, f.from) == 0);
	teardown(&f);
}

/* The short id of HEAD after committing what the work tree holds. */
static int commit(const struct fixture *f, char *hex, size_t size)
{
	char cmd[128];
	FILE *p;

	if (!shell(f->dir, "git add -A && git commit -qm more"))
		return 0;
	snprintf(cmd, sizeof(cmd), "git -C %s rev-parse --short=7 HEAD", f->dir);
	if (!(p = popen(cmd, "r")) || !fgets(hex, (int)size, p) || pclose(p) != 0)
		return 0;
	hex[strcspn(hex, "\n")] = '\0';
	return 1;
}

void test_resolve__keeps_only_for_the_same_readers(void)
{
	struct fixture f;
	struct doc *side;
	struct doc_node *n;
	struct age_recipient r;
	struct buf out = BUF_INIT;
	struct path p;
	struct err err;
	char rec[AGE_RECIPIENT_STRLEN], hex[16], from[80];
	int ok;

	check(setup(&f));
	check(path_parse(&p, "interviews/rina-1.yaml:answers.why", &err) == 0);
	/* the side's commit holds the same bytes, its sealed_for names one
	 * more reader than the merged file (and the readers now) */
	check((side = doc_new()));
	check((side->root = doc_copy(side, f.doc->root)));
	age_identity_recipient(&f.other, &r);
	age_recipient_format(&r, rec);
	check((n = doc_scalar(side, rec, strlen(rec), 0)));
	doc_seq_append(doc_get(side->root, "sealed_for"), n);
	check(doc_emit(&out, side) == 0);
	ok = unit_write_file(f.dir, FILE_, buf_str(&out));
	buf_release(&out);
	doc_free(side);
	check(ok && commit(&f, hex, sizeof(hex)));
	snprintf(from, sizeof(from), "Unit <unit@example.org> haifa 2026-03-01 %s", hex);
	check(resolve_keeps_bytes(f.s, f.doc, &p, why(f.doc), from) == 0);
	/* the first commit sealed it for dana alone: kept */
	check(resolve_keeps_bytes(f.s, f.doc, &p, why(f.doc), f.from) == 1);
	teardown(&f);
}

void test_resolve__sealed(void)
{
	struct fixture f;
	struct doc_node *v, *out = NULL;
	struct path p;
	struct err err;

	check(setup(&f));
	check(path_parse(&p, "interviews/rina-1.yaml:answers.why", &err) == 0);
	v = why(f.doc);
	/* a reader, the side's commit known: the value itself */
	check(resolve_sealed(&out, f.s, f.doc, &p, "answers.why", v, f.from, &f.id, 1) == 0);
	check(out == v);
	/* the base (no commit): its text, to be sealed again */
	out = NULL;
	check(resolve_sealed(&out, f.s, f.doc, &p, "answers.why", v, NULL, &f.id, 1) == 0);
	check(out && out != v && !(out->flags & DOC_SECRET));
	check(out->len == 8 && !memcmp(out->str, "the word", 8));
	/* not a reader: refused, out as it was */
	out = NULL;
	check(resolve_sealed(&out, f.s, f.doc, &p, "answers.why", v, f.from, &f.other, 1) == AGE_NOT_FOR_US);
	check(!out);
	check(resolve_sealed(&out, f.s, f.doc, &p, "answers.why", v, f.from, NULL, 0) == SECRET_NO_KEY);
	check(resolve_sealed(&out, f.s, f.doc, &p, "notes", v, f.from, &f.id, 1) == SECRET_MOVED);
	check(!out);
	teardown(&f);
}
