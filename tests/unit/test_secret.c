/*
 * Unit tests for core/secret.c: the values of a confidential interview,
 * sealed one by one, bound to their place, kept byte for byte when their
 * text did not change, refused per value when they do not open.
 */
#include <stdlib.h>
#include <string.h>

#include "core/age.h"
#include "core/secret.h"
#include "unit.h"

static const char *const FILE_ = "interviews/rina-1.yaml";

static const char interview[] =
	"id: rina-1\nmember: rina\ninterviewer: dana\ndate: 2026-01-05\nconfidential: true\n"
	"answers:\n  motivation: the secret word\n  strengths: |\n    two\n    lines\n  later:\n"
	"notes: quiet notes\n";

static struct doc *load(const char *text)
{
	struct doc *doc = NULL;
	struct err err;

	if (doc_load(&doc, text, strlen(text), &err) < 0)
		return NULL;
	return doc;
}

static struct doc_node *answer(struct doc *doc, const char *q)
{
	return doc_get(doc_get(doc->root, "answers"), q);
}

/* A tree sealed for id, and its bytes. */
static struct doc *sealed(const struct age_identity *id, struct buf *bytes)
{
	struct age_recipient r;
	struct doc *doc = load(interview);

	age_identity_recipient(id, &r);
	if (!doc || secret_seal_doc(doc, FILE_, NULL, NULL, 0, &r, 1, 1) != 0)
		return NULL;
	buf_reset(bytes);
	doc_emit(bytes, doc);
	return doc;
}

void test_secret__seal_and_open(void)
{
	struct age_identity id;
	struct buf b = BUF_INIT;
	struct secret_failures f = { 0 };
	struct doc *doc, *again;
	char rs[AGE_RECIPIENT_STRLEN];
	struct age_recipient r;

	check(age_init() == 0 && age_keygen(&id) == 0);
	check((doc = sealed(&id, &b)));
	/* no plaintext in the bytes; every value is a !secret, null stays null */
	check(!strstr(b.ptr, "secret word") && !strstr(b.ptr, "quiet") && !strstr(b.ptr, "lines"));
	check(answer(doc, "motivation")->flags & DOC_SECRET);
	check(doc_get(doc->root, "notes")->flags & DOC_SECRET);
	check(doc_is_null(answer(doc, "later")));
	age_identity_recipient(&id, &r);
	age_recipient_format(&r, rs);
	check_str(doc_get(doc->root, "sealed_for")->head->str, rs);
	/* the bytes load back with their tags, and open to the texts */
	check((again = load(b.ptr)));
	check(secret_open_doc(again, FILE_, &id, 1, &f) == 3 && f.n == 0);
	check_str(answer(again, "motivation")->str, "the secret word");
	check_str(answer(again, "strengths")->str, "two\nlines\n");
	check_str(doc_get(again->root, "notes")->str, "quiet notes");
	secret_wipe_doc(again);
	check(answer(again, "motivation")->str[0] == 0);
	doc_free(again);
	doc_free(doc);
	buf_release(&b);
}

void test_secret__place_line(void)
{
	struct age_identity id;
	struct buf b = BUF_INIT, plain = BUF_SECRET_INIT, raw = BUF_SECRET_INIT;
	char found[160];
	struct doc *doc;
	const struct doc_node *v;

	check(age_init() == 0 && age_keygen(&id) == 0);
	check((doc = sealed(&id, &b)));
	v = answer(doc, "motivation");
	/* what age itself opens starts with the place line */
	check(age_decrypt(&id, 1, v->str, v->len, &raw) == AGE_OK);
	check(!strncmp(raw.ptr, "convene:interviews/rina-1.yaml:answers.motivation\n", 50));
	/* moved to another field, or another file: refused, saying from where */
	check(secret_open_value(&plain, FILE_, "answers.strengths", v, &id, 1, found,
				sizeof(found)) == SECRET_MOVED);
	check_str(found, "interviews/rina-1.yaml:answers.motivation");
	check(plain.len == 0);
	check(secret_open_value(&plain, "interviews/avi-1.yaml", "answers.motivation", v, &id, 1,
				found, sizeof(found)) == SECRET_MOVED);
	check(plain.len == 0);
	check(secret_open_value(&plain, FILE_, "answers.motivation", v, &id, 1, NULL, 0) == 0);
	check_str(plain.ptr, "the secret word");
	buf_release(&plain);
	buf_release(&raw);
	buf_release(&b);
	doc_free(doc);
}

void test_secret__failures_per_value(void)
{
	struct age_identity id, other;
	struct buf b = BUF_INIT, plain = BUF_SECRET_INIT;
	struct secret_failures f = { 0 };
	struct doc *doc, *again;
	struct doc_node *v;
	char *p;

	check(age_init() == 0 && age_keygen(&id) == 0 && age_keygen(&other) == 0);
	check((doc = sealed(&id, &b)));
	v = answer(doc, "motivation");
	check(secret_open_value(&plain, FILE_, "answers.motivation", v, &other, 1, NULL, 0) ==
	      AGE_NOT_FOR_US);
	check(secret_open_value(&plain, FILE_, "answers.motivation", v, NULL, 0, NULL, 0) ==
	      SECRET_NO_KEY);
	check(plain.len == 0);
	check(strstr(secret_strerror(AGE_NOT_FOR_US), "not readable with your key"));
	/* one letter of the notes' payload changed (the first of the last line
	 * of its armor): that value fails, the others open */
	p = strstr(strstr(strstr(b.ptr, "notes:"), "-----BEGIN"), "-----END") - 4;
	while (p[-1] != '\n')
		p--;
	p += strspn(p, " ");
	*p = *p == 'A' ? 'B' : 'A';
	check((again = load(b.ptr)));
	check(secret_open_doc(again, FILE_, &id, 1, &f) == 2);
	check(f.n == 1 && !strcmp(f.v[0].path, "notes") && f.v[0].status == AGE_BAD_PAYLOAD);
	check(f.v[0].line && f.v[0].line == doc_get(again->root, "notes")->line &&
	      f.v[0].col == 8);  /* "notes: !secret": the value, where the tag is */
	check(doc_get(again->root, "notes")->flags & DOC_SECRET);  /* left sealed */
	secret_failures_release(&f);
	secret_wipe_doc(again);
	doc_free(again);
	buf_release(&plain);
	buf_release(&b);
	doc_free(doc);
}

void test_secret__unchanged_values_keep_their_bytes(void)
{
	struct age_identity id;
	struct age_recipient r;
	struct buf b = BUF_INIT, b2 = BUF_INIT;
	struct secret_failures f = { 0 };
	struct doc *old, *edit;
	struct doc_node *n;

	check(age_init() == 0 && age_keygen(&id) == 0);
	age_identity_recipient(&id, &r);
	check((old = sealed(&id, &b)));
	/* the edit: opened, one answer changed, sealed again */
	check((edit = load(b.ptr)));
	check(secret_open_doc(edit, FILE_, &id, 1, &f) == 3);
	check((n = doc_scalar(edit, "a new answer", 12, 0)));
	doc_replace(answer(edit, "strengths"), n);
	check(secret_seal_doc(edit, FILE_, old, &id, 1, &r, 1, 1) == 0);
	check(doc_equal(answer(edit, "motivation"), answer(old, "motivation")));
	check(doc_equal(doc_get(edit->root, "notes"), doc_get(old->root, "notes")));
	check(!doc_equal(answer(edit, "strengths"), answer(old, "strengths")));
	check(answer(edit, "strengths")->flags & DOC_SECRET);
	doc_emit(&b2, edit);
	check(!strstr(b2.ptr, "a new answer"));
	doc_free(edit);
	/* keep 0 (a new set of readers): every value sealed anew */
	check((edit = load(b.ptr)));
	check(secret_open_doc(edit, FILE_, &id, 1, &f) == 3);
	check(secret_seal_doc(edit, FILE_, old, &id, 1, &r, 1, 0) == 0);
	check(!doc_equal(answer(edit, "motivation"), answer(old, "motivation")));
	doc_free(edit);
	secret_failures_release(&f);
	doc_free(old);
	buf_release(&b);
	buf_release(&b2);
}

void test_secret__field_of(void)
{
	struct doc *doc = load(interview);
	char path[96];

	check(doc);
	check(secret_field_of(doc->root, answer(doc, "motivation"), path, sizeof(path)));
	check_str(path, "answers.motivation");
	check(secret_field_of(doc->root, doc_get(doc->root, "notes"), path, sizeof(path)));
	check_str(path, "notes");
	check(!secret_field_of(doc->root, doc_get(doc->root, "member"), path, sizeof(path)));
	doc_free(doc);
}

/* Sealed for three readers: sealed_for lists them in the order of the
 * recipients (the order of the stanzas, which secret_open_doc() takes as
 * its hint); each reader opens every value, also when sealed_for is
 * stale (reordered), missing, or names nobody. */
void test_secret__open_with_sealed_for_hint(void)
{
	struct age_identity id[3];
	struct age_recipient r[3];
	char rs[3][AGE_RECIPIENT_STRLEN];
	struct secret_failures f = { 0 };
	struct buf b = BUF_INIT, text = BUF_INIT;
	const struct doc_node *x;
	struct doc *doc, *again;
	const char *sf;
	size_t i, k;

	check(age_init() == 0);
	for (i = 0; i < 3; i++) {
		check(age_keygen(&id[i]) == 0);
		age_identity_recipient(&id[i], &r[i]);
		age_recipient_format(&r[i], rs[i]);
	}
	check((doc = load(interview)));
	check(secret_seal_doc(doc, FILE_, NULL, NULL, 0, r, 3, 1) == 0);
	doc_emit(&b, doc);
	for (i = 0, x = doc_get(doc->root, "sealed_for")->head; i < 3; i++, x = x->next)
		check(x && !strcmp(x->str, rs[i]));
	check(!x);
	check((sf = strstr(b.ptr, "sealed_for:")));
	for (k = 0; k < 4; k++) {
		buf_reset(&text);
		buf_add(&text, b.ptr, (size_t)(sf - b.ptr));
		if (k == 1)  /* stale: the last reader named first */
			buf_addf(&text, "sealed_for:\n- %s\n- %s\n- %s\n", rs[2], rs[0], rs[1]);
		else if (k == 2)  /* nobody of these */
			buf_adds(&text, "sealed_for:\n- age1nobody\n");
		else if (k == 0)
			buf_adds(&text, sf);
		/* k == 3: no sealed_for at all */
		for (i = 0; i < 3; i++) {
			check((again = load(buf_str(&text))));
			check(secret_open_doc(again, FILE_, &id[i], 1, &f) == 3 && f.n == 0);
			check_str(answer(again, "motivation")->str, "the secret word");
			check_str(doc_get(again->root, "notes")->str, "quiet notes");
			secret_wipe_doc(again);
			doc_free(again);
		}
	}
	secret_failures_release(&f);
	age_wipe(id, sizeof(id));
	doc_free(doc);
	buf_release(&b);
	buf_release(&text);
}

void test_secret__open_for_show(void)
{
	struct age_identity id, other;
	struct buf b = BUF_INIT, out = BUF_SECRET_INIT;
	struct secret_failures f = { 0 };
	struct doc *doc, *again;

	check(age_init() == 0 && age_keygen(&id) == 0 && age_keygen(&other) == 0);
	check((doc = sealed(&id, &b)));
	/* not the key: every value shows the placeholder, never ciphertext */
	check((again = load(b.ptr)));
	check(secret_open_for_show(again, FILE_, &other, 1, "confidential — readable by dana", &f) == 3);
	check(f.n == 3 && f.v[0].status == AGE_NOT_FOR_US);
	check_str(answer(again, "motivation")->str, "confidential — readable by dana");
	check(!(answer(again, "motivation")->flags & DOC_SECRET));
	check_str(doc_get(again->root, "notes")->str, "confidential — readable by dana");
	secret_failures_drop_expected(&f);
	check(f.n == 0);
	doc_free(again);
	/* the key: all open, nothing left */
	check((again = load(b.ptr)));
	check(secret_open_for_show(again, FILE_, &id, 1, "x", &f) == 0 && f.n == 0);
	check_str(answer(again, "motivation")->str, "the secret word");
	secret_wipe_doc(again);
	doc_free(again);
	/* the bytes: shown opened; all_or_none refuses what does not all open */
	check((again = secret_load_confidential(FILE_, b.ptr, b.len)));
	check(secret_show_bytes(again, FILE_, &id, 1, "x", 1, &out, &f) == 1);
	check(strstr(buf_str(&out), "motivation: the secret word"));
	buf_reset(&out);
	check((again = secret_load_confidential(FILE_, b.ptr, b.len)));
	check(secret_show_bytes(again, FILE_, &other, 1, "x", 1, &out, &f) == 0 && out.len == 0);
	check((again = secret_load_confidential(FILE_, b.ptr, b.len)));
	check(secret_show_bytes(again, FILE_, NULL, 0, "hidden", 0, &out, &f) == 1);
	check(strstr(buf_str(&out), "motivation: hidden") && !strstr(buf_str(&out), "BEGIN AGE"));
	check(f.n == 6 && f.v[5].status == SECRET_NO_KEY);
	/* not a confidential interview, or not an interview */
	check(!secret_load_confidential(FILE_, "id: x\n", 6));
	check(!secret_load_confidential("members/x.yaml", b.ptr, b.len));
	secret_failures_release(&f);
	doc_free(doc);
	buf_release(&b);
	buf_release(&out);
}

/* An interview of 600 answers: every one is sealed and opens again (the
 * values are counted, not cut at a fixed number). */
void test_secret__many_answers(void)
{
	struct age_identity id;
	struct age_recipient r;
	struct secret_failures f = { 0 };
	struct buf text = BUF_INIT, bytes = BUF_INIT;
	struct doc *doc, *again;
	const struct doc_node *c;
	size_t i, secret = 0;

	check(age_init() == 0 && age_keygen(&id) == 0);
	age_identity_recipient(&id, &r);
	buf_adds(&text, "id: rina-1\nmember: rina\ninterviewer: dana\nconfidential: true\nanswers:\n");
	for (i = 0; i < 600; i++)
		buf_addf(&text, "  q%zu: answer number %zu\n", i, i);
	buf_adds(&text, "notes: the last value\n");
	check((doc = load(text.ptr)));
	check(doc && secret_seal_doc(doc, FILE_, NULL, NULL, 0, &r, 1, 1) == 0);
	for (c = doc ? doc_get(doc->root, "answers")->head : NULL; c; c = c->next)
		secret += (c->flags & DOC_SECRET) != 0;
	check(secret == 600);
	check(doc && (doc_get(doc->root, "notes")->flags & DOC_SECRET));
	if (doc)
		doc_emit(&bytes, doc);
	check(!strstr(bytes.ptr, "answer number 599") && !strstr(bytes.ptr, "the last value"));
	check((again = load(bytes.ptr)));
	check(again && secret_open_doc(again, FILE_, &id, 1, &f) == 601 && f.n == 0);
	if (again)
		check_str(answer(again, "q599")->str, "answer number 599");
	secret_wipe_doc(again);
	doc_free(again);
	doc_free(doc);
	secret_failures_release(&f);
	buf_release(&text);
	buf_release(&bytes);
}
