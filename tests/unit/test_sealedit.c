/* core/sealedit.c: a confidential interview opened for a hand edit. */
#include <stdlib.h>
#include <string.h>

#include "core/sealedit.h"
#include "unit.h"

static const char FILE_[] = "interviews/rina-1.yaml";

/* An interview with one sealed answer, for r, as its bytes. */
static int sealed_bytes(struct buf *out, const struct age_recipient *r)
{
	static const char text[] = "member: rina\nconfidential: true\nanswers:\n  why: the word\n";
	struct doc *doc;
	struct err err;
	int ok;

	if (doc_load(&doc, text, strlen(text), &err) < 0)
		return 0;
	ok = secret_seal_doc(doc, FILE_, NULL, NULL, 0, r, 1, 0) == 0 && doc_emit(out, doc) == 0;
	doc_free(doc);
	return ok;
}

void test_sealedit__is_confidential(void)
{
	static const char yes[] = "member: rina\nconfidential: true\n";
	static const char no[] = "member: rina\nconfidential: false\n";

	check(sealedit_is_confidential(FILE_, yes, strlen(yes)) == 1);
	check(sealedit_is_confidential(FILE_, no, strlen(no)) == 0);
	check(sealedit_is_confidential("members/rina.yaml", yes, strlen(yes)) == 0);
	check(sealedit_is_confidential(FILE_, "- a\n", 4) == 0);
	check(sealedit_is_confidential(FILE_, "a: [\n", 5) == 0);
}

void test_sealedit__open(void)
{
	struct buf bytes = BUF_INIT, text = BUF_SECRET_INIT;
	struct secret_failures f = { 0 };
	struct age_identity id, other;
	struct age_recipient r;
	struct doc *sealed = NULL;

	check(age_init() == 0 && age_keygen(&id) == 0 && age_keygen(&other) == 0);
	age_identity_recipient(&id, &r);
	check(sealed_bytes(&bytes, &r));
	check(!strstr(buf_str(&bytes), "the word"));
	/* a reader: the text opened, the tree as it is */
	buf_adds(&text, "before");
	check(sealedit_open(&text, &sealed, FILE_, bytes.ptr, bytes.len, &id, 1, &f) == SEALEDIT_OPENED);
	check(f.n == 0 && sealed);
	check(strstr(buf_str(&text), "why: the word\n") && !strstr(buf_str(&text), "before"));
	check(!strstr(buf_str(&text), "!secret"));
	check(doc_get(doc_get(sealed->root, "answers"), "why")->flags & DOC_SECRET);
	doc_free(sealed);
	/* anyone else: which values did not open, nothing else */
	buf_reset(&text);
	check(sealedit_open(&text, &sealed, FILE_, bytes.ptr, bytes.len, &other, 1, &f) == SEALEDIT_UNOPENED);
	check(!sealed && f.n == 1 && f.v[0].status == AGE_NOT_FOR_US);
	check_str(f.v[0].path, "answers.why");
	check(text.len == 0);
	secret_failures_release(&f);
	/* not confidential: nothing */
	check(sealedit_open(&text, &sealed, "members/x.yaml", bytes.ptr, bytes.len, &id, 1, &f) == SEALEDIT_PLAIN);
	check(!sealed && text.len == 0);
	buf_release(&text);
	buf_release(&bytes);
}

void test_sealedit__drop_unsealed(void)
{
	struct diags d = { 0 };

	diags_add(&d, FILE_, 3, 3, DIAG_ERROR, "answer 'why' " SCHEMA_UNSEALED ": seal it");
	d.v[0].unsealed = 1;  /* as schema.c marks it: by flag, not by its words */
	diags_add(&d, FILE_, 1, 1, DIAG_ERROR, "unknown member 'rina'");
	diags_add(&d, FILE_, 4, 1, DIAG_WARNING, "a warning " SCHEMA_UNSEALED);
	d.v[2].unsealed = 1;
	check(d.errors == 2 && d.n == 3);
	sealedit_drop_unsealed(&d);
	check(d.errors == 1 && d.n == 2);
	check_str(d.v[0].msg, "unknown member 'rina'");
	check(d.v[1].level == DIAG_WARNING);
	diags_release(&d);
}
