/*
 * store/histopen.c: a confidential answer's history as a reader sees it
 * (the sealed values opened in place) and as anyone else does (said to
 * be confidential), and a change of readers told from a change of text.
 */
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/secret.h"
#include "store/histopen.h"
#include "tests/unit/unit.h"

static const char FILE_[] = "interviews/dana-1.yaml";

/* text sealed for r, as the field answers.motivation of FILE_ holds it;
 * a malloc()ed copy, or NULL. */
static char *sealed(const char *text, const struct age_recipient *r)
{
	struct doc *doc;
	struct doc_node *v;
	struct err err;
	char *out = NULL;

	if (doc_load(&doc, "member: dana\n", 13, &err) < 0)
		return NULL;
	if (secret_seal_value(&v, doc, FILE_, "answers.motivation", text, strlen(text), r, 1) == 0)
		out = strdup(v->str);
	doc_free(doc);
	return out;
}

/* A history of three values: "the word" sealed, the same sealed anew
 * (another ciphertext), "a new word" sealed; newest first. */
struct story {
	struct field_value val[3], *cache[3];
	struct field_change ch[2];
	struct field_history h;
	struct path p;
};

static int story_make(struct story *t, const struct age_recipient *r)
{
	struct err err;
	int i;

	memset(t, 0, sizeof(*t));
	t->val[0].text = sealed("the word", r);
	t->val[1].text = sealed("the word", r);
	t->val[2].text = sealed("a new word", r);
	for (i = 0; i < 3; i++) {
		t->val[i].present = 1;
		t->cache[i] = &t->val[i];
	}
	t->ch[0].kind = t->ch[1].kind = FIELD_CHANGED;
	t->ch[0].before = &t->val[1];   /* readers changed */
	t->ch[0].after = &t->val[2];    /* ... then the text */
	t->ch[1].before = &t->val[0];
	t->ch[1].after = &t->val[1];
	t->h.cache = t->cache;
	t->h.capcache = t->h.ncache = 3;
	return t->val[0].text && t->val[1].text && t->val[2].text &&
	       strcmp(t->val[0].text, t->val[1].text) &&
	       path_parse(&t->p, "interviews/dana-1.yaml:answers.motivation", &err) == 0;
}

static void story_free(struct story *t)
{
	int i;

	for (i = 0; i < 3; i++)
		free(t->val[i].text);
}

void test_histopen__reader(void)
{
	struct age_identity id;
	struct age_recipient r;
	struct histopen o = HISTOPEN_INIT;
	struct story t;
	struct err err;
	int rc, resealed, changed;

	check(age_init() == 0 && age_keygen(&id) == 0);
	age_identity_recipient(&id, &r);
	check(story_make(&t, &r));
	check(histopen_applies(&t.p));
	err_clear(&err);
	rc = histopen_open(&o, &t.h, &t.p, &id, 1, "dana", &err);
	resealed = histopen_resealed(&o, &t.ch[1]);
	changed = histopen_resealed(&o, &t.ch[0]);
	check(rc == 0);
	check(o.n == 3 && o.nreal == 3);
	check_str(t.val[0].text, "the word");
	check_str(t.val[1].text, "the word");
	check_str(t.val[2].text, "a new word");
	histopen_release(&o);
	check(o.n == 0 && !o.v && !o.real);
	/* wiped, as the history's own to free */
	check(t.val[0].text[0] == '\0');
	story_free(&t);
	check(resealed);
	check(!changed);
}

void test_histopen__not_a_reader(void)
{
	struct age_identity id, other;
	struct age_recipient r;
	struct histopen o = HISTOPEN_INIT;
	struct story t;
	struct err err;
	int rc;

	check(age_init() == 0 && age_keygen(&id) == 0 && age_keygen(&other) == 0);
	age_identity_recipient(&id, &r);
	check(story_make(&t, &r));
	err_clear(&err);
	rc = histopen_open(&o, &t.h, &t.p, &other, 1, "dana", &err);
	check(rc == 0);
	check(o.n == 3 && o.nreal == 0);
	check_str(t.val[0].text, "confidential — readable by dana");
	check_str(t.val[2].text, "confidential — readable by dana");
	/* the same words before and after, yet nothing opened: not "sealed anew" */
	check(!histopen_resealed(&o, &t.ch[1]));
	histopen_release(&o);
	story_free(&t);
}

void test_histopen__other_files_untouched(void)
{
	struct age_identity id;
	struct age_recipient r;
	struct histopen o = HISTOPEN_INIT;
	struct story t;
	struct path whole;
	struct err err;
	char *before;

	check(age_init() == 0 && age_keygen(&id) == 0);
	age_identity_recipient(&id, &r);
	check(story_make(&t, &r));
	check((before = strdup(t.val[0].text)));
	err_clear(&err);
	/* a whole file, or a file that is not an interview: left as git has it */
	check(path_parse(&whole, "interviews/dana-1.yaml", &err) == 0);
	check(!histopen_applies(&whole));
	check(histopen_open(&o, &t.h, &whole, &id, 1, "dana", &err) == 0);
	check(path_parse(&whole, "members/dana.yaml:name", &err) == 0);
	check(!histopen_applies(&whole));
	check(histopen_open(&o, &t.h, &whole, &id, 1, "dana", &err) == 0);
	check(o.n == 0);
	check_str(t.val[0].text, before);
	free(before);
	histopen_release(&o);
	story_free(&t);
}
