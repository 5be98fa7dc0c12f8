/* store/secrets.c: the interviews of a work tree as a reader sees them. */
#include <stdlib.h>
#include <string.h>

#include "core/age.h"
#include "core/domain.h"
#include "core/guide.h"
#include "core/interviews.h"
#include "core/secret.h"
#include "repo.h"
#include "store/secrets.h"
#include "unit.h"

struct said {
	char file[64];
	size_t n;
	int status;
};

static void said(void *ctx, const char *file, const struct secret_failures *f)
{
	struct said *s = ctx;

	snprintf(s->file, sizeof(s->file), "%s", file);
	s->n += f->n;
	s->status = f->v[0].status;
}

/* The bytes of interview id sealed for r, as if it were at file. */
static int sealed_bytes(struct buf *out, const char *file, const char *id, const char *text,
			const struct age_recipient *r)
{
	struct buf plain = BUF_INIT;
	struct doc *doc;
	struct err err;
	int ok;

	buf_addf(&plain, "id: %s\nmember: %.4s\nconfidential: true\nanswers:\n  motivation: %s\n",
		 id, id, text);
	ok = doc_load(&doc, plain.ptr, plain.len, &err) == 0 &&
	     secret_seal_doc(doc, file, NULL, NULL, 0, r, 1, 1) == 0;
	if (ok) {
		buf_reset(out);
		doc_emit(out, doc);
		doc_free(doc);
	}
	buf_release(&plain);
	return ok;
}

void test_secrets__read_interviews(void)
{
	char dir[] = "/tmp/unit-secrets-XXXXXX";
	struct interviews iv = { 0 }, none = { 0 };
	struct guide g = { NULL, 0 };
	struct said s = { "", 0, 0 };
	struct age_identity id;
	struct age_recipient r;
	struct buf b = BUF_INIT;
	struct store *st = NULL;
	struct err err;

	check(store_global_init() == 0 && age_init() == 0 && age_keygen(&id) == 0);
	age_identity_recipient(&id, &r);
	check(unit_repo(dir, "mkdir members interviews"));
	check(unit_write_file(dir, "initiative.yaml",
			      "name: x\ninterview_questions:\n- id: motivation\n  text: Why?\n"));
	check(unit_write_file(dir, "members/rina.yaml", "id: rina\nname: Rina\n"));
	check(unit_write_file(dir, "members/dana.yaml", "id: dana\nname: Dana\n"));
	check(unit_write_file(dir, "interviews/dana-1.yaml",
			      "id: dana-1\nmember: dana\nanswers:\n  motivation: open\n"));
	check(sealed_bytes(&b, "interviews/rina-1.yaml", "rina-1", "hush", &r));
	check(unit_write_file(dir, "interviews/rina-1.yaml", b.ptr));
	/* sealed for another file: moved, said */
	check(sealed_bytes(&b, "interviews/rina-9.yaml", "rina-2", "moved", &r));
	check(unit_write_file(dir, "interviews/rina-2.yaml", b.ptr));
	check(unit_write_file(dir, "interviews/zoe-1.yaml",
			      "id: zoe-1\nmember: zoe\nanswers:\n  hopes: more\n"));
	check(store_open(&st, dir, &err) == 0);
	/* the reader: the plain and the sealed answers, the guide */
	check(secrets_read_interviews(st, &iv, &g, &id, 1, said, &s, &err) == 0);
	check(iv.n == 4 && iv.confidential == 2 && iv.opened == 1);
	check(iv.nans == 3);
	/* in the order of the files, whichever were opened on other threads */
	check_str(iv.v[0].id, "dana-1");
	check_str(iv.v[1].id, "rina-1");
	check_str(iv.v[3].id, "zoe-1");
	check_str(iv.ans[1].text, "hush");
	check_str(iv.ans[2].text, "more");
	check(g.n == 1 && !strcmp(g.v[0].id, "motivation"));
	check(s.n == 1 && s.status == SECRET_MOVED);
	check_str(s.file, "interviews/rina-2.yaml");
	/* anyone else: the plain answer, the sealed ones counted */
	s.n = 0;
	check(secrets_read_interviews(st, &none, NULL, NULL, 0, said, &s, &err) == 0);
	check(none.n == 4 && none.confidential == 2 && none.opened == 0 && none.nans == 2);
	check_str(none.ans[0].text, "open");
	check(s.n == 0);
	interviews_release(&iv);
	interviews_release(&none);
	guide_release(&g);
	buf_release(&b);
	store_free(st);
	check(unit_repo_remove(dir));
}

/* A repository in dir whose reader is dana, with id's recipient; open
 * in *st. */
static void reader_repo(char *dir, const struct age_identity *id, struct store **st)
{
	char text[300], rs[AGE_RECIPIENT_STRLEN];
	struct age_recipient r;
	struct err err;

	age_identity_recipient(id, &r);
	age_recipient_format(&r, rs);
	check(unit_repo(dir, "mkdir members interviews"));
	check(unit_write_file(dir, "initiative.yaml", "name: x\nreaders: [dana]\n"));
	snprintf(text, sizeof(text), "id: dana\nname: Dana\nage: %s\n", rs);
	check(unit_write_file(dir, "members/dana.yaml", text));
	check(store_open(st, dir, &err) == 0);
}

void test_secrets__seal_edit(void)
{
	char dir[] = "/tmp/unit-secrets-XXXXXX";
	static const char plain[] = "id: rina-1\nmember: rina\nconfidential: true\n"
				    "answers:\n  motivation: hush\n  strengths: maps\n";
	struct doc *doc = NULL, *edit = NULL;
	struct age_identity id;
	struct buf b = BUF_INIT, first = BUF_INIT;
	struct store *st = NULL;
	struct err err;
	int was_plain = -1;

	check(store_global_init() == 0 && age_init() == 0 && age_keygen(&id) == 0);
	reader_repo(dir, &id, &st);
	check(doc_load(&doc, plain, strlen(plain), &err) == 0);
	/* plain values of a confidential interview: sealed, and it was plain */
	check(secrets_edit_needs_seal("interviews/rina-1.yaml", doc));
	check(!secrets_edit_needs_seal("members/rina.yaml", doc));
	check(secrets_seal_edit(st, doc, "interviews/rina-1.yaml", plain, strlen(plain), &id, 1,
				&was_plain, &err) == 0);
	check(was_plain == 1);
	check(!secrets_edit_needs_seal("interviews/rina-1.yaml", doc));
	doc_emit(&first, doc);
	check(!strstr(first.ptr, "hush") && !strstr(first.ptr, "maps"));
	/* one answer edited: the other keeps its bytes, the old was sealed */
	check(doc_load(&edit, first.ptr, first.len, &err) == 0);
	check(secret_open_doc(edit, "interviews/rina-1.yaml", &id, 1, &(struct secret_failures){ 0 }) == 2);
	doc_get(doc_get(edit->root, "answers"), "motivation")->str[0] = 'H';
	check(secrets_edit_needs_seal("interviews/rina-1.yaml", edit));
	check(secrets_seal_edit(st, edit, "interviews/rina-1.yaml", first.ptr, first.len, &id, 1,
				&was_plain, &err) == 0);
	check(was_plain == 0);
	doc_emit(&b, edit);
	{
		const char *s1 = strstr(first.ptr, "strengths"), *s2 = strstr(b.ptr, "strengths");
		const char *m1 = strstr(first.ptr, "motivation"), *m2 = strstr(b.ptr, "motivation");

		check(s1 && s2 && m1 && m2);
		check(!strncmp(s1, s2, 200));   /* kept byte for byte */
		check(strncmp(m1, m2, 200));    /* sealed anew */
	}
	doc_free(doc);
	doc_free(edit);
	buf_release(&b);
	buf_release(&first);
	store_free(st);
	check(unit_repo_remove(dir));
}

void test_secrets__seal_interview(void)
{
	char dir[] = "/tmp/unit-secrets-XXXXXX", rs[AGE_RECIPIENT_STRLEN];
	static const char plain[] = "id: rina-1\nmember: rina\nanswers:\n  motivation: hush\n";
	struct secret_failures f = { 0 };
	struct age_identity id, other;
	struct age_recipient r, ro;
	struct doc *doc = NULL;
	struct buf b = BUF_INIT;
	struct store *st = NULL;
	struct err err;
	int was_plain = -1;

	check(store_global_init() == 0 && age_init() == 0 && age_keygen(&id) == 0 &&
	      age_keygen(&other) == 0);
	age_identity_recipient(&id, &r);
	age_recipient_format(&r, rs);  /* the readers' recipient, in the sealed file */
	age_identity_recipient(&other, &ro);
	reader_repo(dir, &id, &st);
	/* plain: to seal, and it held plain text */
	check(doc_load(&doc, plain, strlen(plain), &err) == 0);
	check(secrets_seal_plan(st, doc, &was_plain, &err) == SECRETS_SEAL && was_plain == 1);
	check(secrets_seal_interview(st, doc, "interviews/rina-1.yaml", SECRETS_SEAL, NULL, 0, &f,
				     &err) == 0);
	check(interview_confidential(doc->root) && !secrets_edit_needs_seal("interviews/rina-1.yaml", doc));
	/* sealed for the readers: nothing to change */
	check(secrets_seal_plan(st, doc, &was_plain, &err) == 0 && was_plain == 0);
	doc_free(doc);
	/* sealed for another key: anew, which only that key opens */
	check(doc_load(&doc, plain, strlen(plain), &err) == 0);
	check(secret_seal_doc(doc, "interviews/rina-1.yaml", NULL, NULL, 0, &ro, 1, 1) == 0);
	check(dom_put(doc, KIND_INTERVIEW, NULL, 0, doc->root, "confidential", dom_plain(doc, "true")) == 0);
	check(secrets_seal_plan(st, doc, &was_plain, &err) == SECRETS_SEAL_ANEW && was_plain == 0);
	check(secrets_seal_interview(st, doc, "interviews/rina-1.yaml", SECRETS_SEAL_ANEW, &id, 1, &f,
				     &err) == ERR_DATA);
	check(f.n == 1 && f.v[0].status == AGE_NOT_FOR_US);
	secret_failures_release(&f);
	memset(&f, 0, sizeof(f));
	check(secrets_seal_interview(st, doc, "interviews/rina-1.yaml", SECRETS_SEAL_ANEW, &other, 1,
				     &f, &err) == 0 && f.n == 0);
	check(secrets_seal_plan(st, doc, &was_plain, &err) == 0);
	doc_emit(&b, doc);
	check(!strstr(b.ptr, "hush") && strstr(b.ptr, rs));
	doc_free(doc);
	buf_release(&b);
	store_free(st);
	check(unit_repo_remove(dir));
}
