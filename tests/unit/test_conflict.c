/* core/conflict.c: the value resolve takes, sealed sides, sealed_for. */
#include <string.h>

#include "core/conflict.h"
#include "core/secret.h"
#include "unit.h"

static struct doc *load(const char *text)
{
	struct doc *doc;
	struct err err;

	return doc_load(&doc, text, strlen(text), &err) == 0 ? doc : NULL;
}

static const char CONFLICT[] =
	"vision: !conflict\n"
	"  base: old\n"
	"  sides:\n"
	"  - from: Dana <d@x> haifa 2026-03-01 4f2a9c1\n"
	"    value: one\n"
	"  - from: ours\n";

void test_conflict__pick(void)
{
	struct conflict_pick pick;
	struct doc_node *c;
	struct doc *doc;

	check((doc = load(CONFLICT)));
	c = doc_get(doc->root, "vision");
	check(c && (c->flags & DOC_CONFLICT));
	check(conflict_pick_side(&pick, c, 1) == 0);
	check(pick.value && !pick.deleted);
	check_str(pick.value->str, "one");
	check_str(pick.from, "Dana <d@x> haifa 2026-03-01 4f2a9c1");
	/* a side with no value deleted it */
	check(conflict_pick_side(&pick, c, 2) == 0);
	check(!pick.value && pick.deleted);
	check_str(pick.from, "ours");
	check(conflict_pick_side(&pick, c, 3) == -1);
	check(conflict_pick_side(&pick, c, 0) == -1);
	conflict_pick_base(&pick, c);
	check(pick.value && !pick.deleted && !pick.from);
	check_str(pick.value->str, "old");
	doc_free(doc);
	check((doc = load("x: !conflict\n  base: ~\n  sides: []\n")));
	conflict_pick_base(&pick, doc_get(doc->root, "x"));
	check(pick.deleted);
	check(conflict_pick_side(&pick, doc_get(doc->root, "x"), 1) == -1);
	doc_free(doc);
}

void test_conflict__from_commit(void)
{
	char hex[41];

	check(conflict_from_commit("Dana Levi <dana@example.org> haifa 2026-03-01 4f2a9c1", hex,
				   sizeof(hex)) == 1);
	check_str(hex, "4f2a9c1");
	check(conflict_from_commit("x 0123456789abcdef0123456789abcdef01234567", hex, sizeof(hex)) == 1);
	check_str(hex, "0123456789abcdef0123456789abcdef01234567");
	check(conflict_from_commit("4f2a9c1", hex, sizeof(hex)) == 1);
	/* git's labels, too short, not hex, too long, too small a buffer */
	check(conflict_from_commit("ours", hex, sizeof(hex)) == 0 && !hex[0]);
	check(conflict_from_commit("HEAD", hex, sizeof(hex)) == 0);
	check(conflict_from_commit("Dana 2026-03-01 4f2a9c", hex, sizeof(hex)) == 0);
	check(conflict_from_commit("Dana 4F2A9C1", hex, sizeof(hex)) == 0);
	check(conflict_from_commit("Dana 4f2a9c1x", hex, sizeof(hex)) == 0);
	check(conflict_from_commit("0123456789abcdef0123456789abcdef012345678", hex, sizeof(hex)) == 0);
	check(conflict_from_commit("4f2a9c1", hex, 7) == 0);
	check(conflict_from_commit("", hex, sizeof(hex)) == 0);
	check(conflict_from_commit(NULL, hex, sizeof(hex)) == 0);
}

void test_conflict__same_readers(void)
{
	struct doc *a, *b, *c, *d, *e;

	check((a = load("sealed_for: [age1a, age1b]\n")));
	check((b = load("sealed_for: [age1b, age1a]\n")));
	check((c = load("sealed_for: [age1a]\n")));
	check((d = load("member: x\n")));
	check((e = load("sealed_for: !conflict\n  base: ~\n  sides: []\n")));
	check(conflict_same_readers(a->root, b->root) == 1);
	check(conflict_same_readers(a->root, a->root) == 1);
	check(conflict_same_readers(a->root, c->root) == 0);
	check(conflict_same_readers(c->root, a->root) == 0);
	check(conflict_same_readers(a->root, d->root) == 0);
	check(conflict_same_readers(d->root, d->root) == 0);
	check(conflict_same_readers(e->root, e->root) == 0);
	check(conflict_same_readers(NULL, a->root) == 0);
	doc_free(a);
	doc_free(b);
	doc_free(c);
	doc_free(d);
	doc_free(e);
}

void test_conflict__open(void)
{
	static const char file[] = "interviews/rina-1.yaml";
	struct buf plain = BUF_SECRET_INIT;
	struct age_identity id, other;
	struct age_recipient r;
	struct doc_node *v, *plainv;
	struct doc *doc;
	int status = 7;

	check(age_init() == 0 && age_keygen(&id) == 0 && age_keygen(&other) == 0);
	age_identity_recipient(&id, &r);
	check((doc = load("member: rina\n")));
	check(secret_seal_value(&v, doc, file, "answers.why", "the word", 8, &r, 1) == 0);
	check(conflict_sealed(v));
	check(conflict_open(&plain, file, "answers.why", v, &id, 1, &status) == 1 && status == 0);
	check(plain.len == 8 && !memcmp(plain.ptr, "the word", 8));
	buf_release(&plain);
	check(conflict_open(&plain, file, "answers.why", v, &other, 1, &status) == 0);
	check(status == AGE_NOT_FOR_US && !plain.len);
	check(conflict_open(&plain, file, "answers.why", v, NULL, 0, &status) == 0);
	check(status == SECRET_NO_KEY);
	/* bound to its place */
	check(conflict_open(&plain, file, "notes", v, &id, 1, &status) == 0);
	check(status == SECRET_MOVED && !plain.len);
	/* a plain value is not opened, and is no failure */
	check((plainv = doc_scalar(doc, "plain", 5, 0)));
	check(!conflict_sealed(plainv) && !conflict_sealed(NULL));
	check(conflict_open(&plain, file, "answers.why", plainv, &id, 1, &status) == 0 && status == 0);
	check(conflict_open(&plain, file, "answers.why", NULL, &id, 1, NULL) == 0);
	buf_release(&plain);
	doc_free(doc);
}

void test_conflict__settle(void)
{
	struct buf out = BUF_INIT;
	struct doc *doc, *other;
	struct doc_node *c;

	check((doc = load(CONFLICT)));
	check((other = load("a: [1, 2]\n")));
	/* a value from another tree, copied in */
	c = doc_get(doc->root, "vision");
	check(conflict_settle(doc, c, doc_get(other->root, "a"), 0) == 0);
	doc_free(other);
	check(doc_emit(&out, doc) == 0);
	check_str(buf_str(&out), "vision:\n- 1\n- 2\n");
	buf_reset(&out);
	doc_free(doc);
	/* a side's own value */
	check((doc = load(CONFLICT)));
	c = doc_get(doc->root, "vision");
	check(conflict_settle(doc, c, doc_get(c, "base"), 0) == 0);
	check(doc_emit(&out, doc) == 0);
	check_str(buf_str(&out), "vision: old\n");
	buf_reset(&out);
	doc_free(doc);
	/* deleted */
	check((doc = load("a: 1\nvision: !conflict\n  base: old\n  sides: []\n")));
	check(conflict_settle(doc, doc_get(doc->root, "vision"), NULL, 1) == 0);
	check(doc_emit(&out, doc) == 0);
	check_str(buf_str(&out), "a: 1\n");
	buf_reset(&out);
	doc_free(doc);
	/* the whole file */
	check((doc = load("!conflict\nbase: ~\nsides: []\n")));
	check(doc->root && (doc->root->flags & DOC_CONFLICT));
	check((other = load("x: z\n")));
	check(conflict_settle(doc, doc->root, other->root, 0) == 0);
	doc_free(other);
	check(doc_emit(&out, doc) == 0);
	check_str(buf_str(&out), "x: z\n");
	buf_release(&out);
	doc_free(doc);
}
