/* core/sealed.c: plain text left in an interview, one value shown. */
#include <stdlib.h>
#include <string.h>

#include "core/sealed.h"
#include "core/secret.h"
#include "unit.h"

static const char FILE_[] = "interviews/dana-1.yaml";

static struct doc *load(const char *text)
{
	struct doc *doc;
	struct err err;

	return doc_load(&doc, text, strlen(text), &err) == 0 ? doc : NULL;
}

void test_sealed__holds_plaintext(void)
{
	static const char *const plain[] = {
		"answers:\n  motivation: x\n",
		"notes: some\n",
		"answers:\n  a: ~\n  b: y\n",
	};
	static const char *const none[] = {
		"member: dana\n",
		"answers:\n  a: ~\n  b: null\nnotes: ~\n",
		"answers: [x]\nnotes: [y]\n",
		"- a list\n",
	};
	struct age_identity id;
	struct age_recipient r;
	struct doc *doc;
	size_t i;

	for (i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		check((doc = load(plain[i])));
		check(sealed_holds_plaintext(doc->root) == 1);
		doc_free(doc);
	}
	for (i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		check((doc = load(none[i])));
		check(sealed_holds_plaintext(doc->root) == 0);
		doc_free(doc);
	}
	check(sealed_holds_plaintext(NULL) == 0);
	/* once sealed, nothing plain is left */
	check(age_init() == 0 && age_keygen(&id) == 0);
	age_identity_recipient(&id, &r);
	check((doc = load("confidential: true\nanswers:\n  a: secret\nnotes: quiet\n")));
	check(sealed_holds_plaintext(doc->root) == 1);
	check(secret_seal_doc(doc, FILE_, NULL, NULL, 0, &r, 1, 1) == 0);
	check(sealed_holds_plaintext(doc->root) == 0);
	doc_free(doc);
}

void test_sealed__open_text(void)
{
	struct age_identity id, other;
	struct age_recipient r;
	struct doc *doc;
	struct doc_node *v;
	char *t;
	int opened = 7;

	check(age_init() == 0 && age_keygen(&id) == 0 && age_keygen(&other) == 0);
	age_identity_recipient(&id, &r);
	check((doc = load("member: dana\n")));
	check(secret_seal_value(&v, doc, FILE_, "answers.motivation", "the word", 8, &r, 1) == 0);
	/* not sealed: NULL */
	check(!sealed_open_text(FILE_, "answers.motivation", "plain", &id, 1, "dana", &opened));
	check(opened == 0);
	check(!sealed_open_text(FILE_, "answers.motivation", NULL, &id, 1, "dana", &opened));
	/* a reader's key opens it */
	check((t = sealed_open_text(FILE_, "answers.motivation", v->str, &id, 1, "dana", &opened)));
	check(opened == 1);
	check_str(t, "the word");
	free(t);
	/* another key, or a value moved to another field: who may read it */
	check((t = sealed_open_text(FILE_, "answers.motivation", v->str, &other, 1, "dana, yossi", &opened)));
	check(opened == 0);
	check_str(t, "confidential — readable by dana, yossi");
	free(t);
	check((t = sealed_open_text(FILE_, "notes", v->str, &id, 1, "", &opened)));
	check(opened == 0);
	check_str(t, "confidential — readable by no one yet");
	free(t);
	doc_free(doc);
}
