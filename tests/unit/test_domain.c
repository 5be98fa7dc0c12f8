/* core/domain.c: the ids it makes for new members and list items. */
#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/domain.h"
#include "tests/unit/unit.h"

/* getrandom(2) for the whole unit binary, made to fail on demand: the
 * one way to reach what an id maker does when no random digits come. */
static int random_fails;

ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
	if (random_fails) {
		errno = EIO;
		return -1;
	}
	return syscall(SYS_getrandom, buf, len, flags);
}

/* ids taken: those in the NULL-terminated list ctx */
static int in_list(void *ctx, const char *id)
{
	const char *const *v = ctx;

	for (; *v; v++)
		if (!strcmp(*v, id))
			return 1;
	return 0;
}

static int all_taken(void *ctx, const char *id)
{
	return 1;
}

void test_domain__member_id_from_name(void)
{
	const char *none[] = { NULL };
	char id[72];

	check(dom_member_id(id, sizeof(id), "Dana Levi", in_list, none) == 0);
	check_str(id, "dana-levi");
	check(dom_member_id(id, sizeof(id), "  Yossi  (Haifa) ", in_list, none) == 0);
	check_str(id, "yossi-haifa");
}

void test_domain__member_id_hebrew(void)
{
	const char *none[] = { NULL };
	char id[72];
	size_t i;

	/* a name with no ASCII slug gets m- and 4 hex digits */
	check(dom_member_id(id, sizeof(id), "דנה לוי", in_list, none) == 0);
	check(strlen(id) == 6 && !strncmp(id, "m-", 2));
	for (i = 2; i < 6; i++)
		check(strchr("0123456789abcdef", id[i]));
}

void test_domain__member_id_taken(void)
{
	const char *taken[] = { "dana", "dana-2", NULL };
	char id[72];

	check(dom_member_id(id, sizeof(id), "Dana", in_list, taken) == 0);
	check_str(id, "dana-3");
	/* gives up rather than go on for ever */
	check(dom_member_id(id, sizeof(id), "Dana", all_taken, NULL) == -1);
}

void test_domain__random_id(void)
{
	char a[9], b[9];

	check(dom_random_id(a) == 0 && dom_random_id(b) == 0);
	check(strlen(a) == 8 && strspn(a, "0123456789abcdef") == 8);
	check(strcmp(a, b) != 0);
}

/* dom_value of text typed for the field at pathtext */
static struct doc_node *value_of(struct doc *doc, const char *pathtext, const char *text, int yaml,
				 struct err *err)
{
	struct buf v = BUF_INIT;
	struct doc_node *n;
	struct path p;

	err_clear(err);
	if (path_parse(&p, pathtext, err) < 0)
		return NULL;
	buf_adds(&v, text);
	n = dom_value(doc, &p, &v, yaml, err);
	buf_release(&v);
	return n;
}

void test_domain__value_typed_by_field(void)
{
	struct doc *doc = doc_new();
	struct doc_node *n;
	struct err err;

	/* a text field keeps what looks like a number as text */
	check((n = value_of(doc, "members/dana.yaml:name", "42", 0, &err)));
	check(n->kind == DOC_SCALAR && !(n->flags & DOC_PLAIN));
	check(n->len == 2 && !memcmp(n->str, "42", 2));
	/* a boolean is read as YAML reads it */
	check((n = value_of(doc, "members/dana.yaml:can_host", "true", 0, &err)));
	check(n->kind == DOC_SCALAR && (n->flags & DOC_PLAIN) && doc_bool(n) == 1);
	check((n = value_of(doc, "meetings/001.yaml:duration", "90", 0, &err)));
	check(n->flags & DOC_PLAIN);
	doc_free(doc);
}

void test_domain__value_as_yaml(void)
{
	struct doc *doc = doc_new();
	struct doc_node *n;
	struct err err;

	check((n = value_of(doc, "vision", "[a, b]\n", 1, &err)));
	check(n->kind == DOC_SEQ && n->head && n->head->next && !n->head->next->next);
	/* an empty value is an empty plain scalar (null) */
	check((n = value_of(doc, "vision", "", 1, &err)));
	check(n->kind == DOC_SCALAR && doc_is_null(n));
	check(!value_of(doc, "vision", "[a\n", 1, &err));
	check(err.code == ERR_USAGE);
	check(!strncmp(err.msg, "the value is not YAML: line ", 28));
	doc_free(doc);
}

void test_domain__value_not_text(void)
{
	struct doc *doc = doc_new();
	struct err err;

	check(!value_of(doc, "vision", "a\001b", 0, &err));
	check(err.code == ERR_USAGE && err.hint[0]);
	check_str(err.msg, "the value is not UTF-8 text, or holds a control character");
	check(!value_of(doc, "vision", "\xff", 1, &err));
	check(err.code == ERR_USAGE);
	doc_free(doc);
}

static int parents_of(struct buf *out, const char *text, const char *pathtext)
{
	struct doc *doc;
	struct path p;
	struct err err;
	int rc;

	err_clear(&err);
	buf_reset(out);
	if (doc_load(&doc, text, strlen(text), &err) < 0 || path_parse(&p, pathtext, &err) < 0)
		return -100;
	if ((rc = dom_make_parents(doc, &p, &err)) == 0)
		doc_emit(out, doc);
	doc_free(doc);
	return rc;
}

void test_domain__make_parents(void)
{
	struct buf b = BUF_INIT;

	/* made where the schema puts it: before attendees */
	check(parents_of(&b, "number: 1\ntitle: x\nattendees: []\n",
			 "meetings/001.yaml:location.host") == 0);
	check_str(buf_str(&b), "number: 1\ntitle: x\nlocation: {}\nattendees: []\n");
	/* an existing mapping is left as it is; the field itself is not made */
	check(parents_of(&b, "number: 1\nlocation:\n  address: here\n",
			 "meetings/001.yaml:location.host") == 0);
	check_str(buf_str(&b), "number: 1\nlocation:\n  address: here\n");
	/* a missing list item is not made up */
	check(parents_of(&b, "number: 1\nagenda: []\n", "meetings/001.yaml:agenda[x].notes") == 0);
	check_str(buf_str(&b), "number: 1\nagenda: []\n");
	buf_release(&b);
}

/* dom_preview of the value of key in the YAML text (NULL: no value) */
static void preview_of(struct buf *out, const char *text)
{
	struct doc *doc;
	struct err err;

	buf_reset(out);
	if (!text) {
		dom_preview(out, NULL);
		return;
	}
	if (doc_load(&doc, text, strlen(text), &err) < 0)
		return;
	dom_preview(out, doc_get(doc->root, "v"));
	doc_free(doc);
}

void test_domain__preview(void)
{
	struct buf b = BUF_INIT;

	preview_of(&b, NULL);
	check_str(buf_str(&b), "(deleted)");
	preview_of(&b, "v: null\n");
	check_str(buf_str(&b), "(none)");
	preview_of(&b, "v: plain\n");
	check_str(buf_str(&b), "plain");
	/* lines joined, the last line end dropped */
	preview_of(&b, "v: |\n  one\n  two\n");
	check_str(buf_str(&b), "one / two");
	preview_of(&b, "v: [a, b]\n");
	check_str(buf_str(&b), "- a / - b");
	buf_release(&b);
}

void test_domain__preview_cut(void)
{
	struct buf b = BUF_INIT;

	preview_of(&b, "v: 0123456789012345678901234567890123456789012345678901234567890123\n");
	check_str(buf_str(&b), "012345678901234567890123456789012345678901234567890123456789...");
	preview_of(&b, "v: 012345678901234567890123456789012345678901234567890123456789\n");
	check_str(buf_str(&b), "012345678901234567890123456789012345678901234567890123456789");
	/* counted in characters, never cut inside one */
	preview_of(&b, "v: שששששששששששששששששששששששששששששששששששששששששששששששששששששששששששששש\n");
	check_str(buf_str(&b), "שששששששששששששששששששששששששששששששששששששששששששששששששששששששששששש...");
	buf_release(&b);
}

void test_domain__item_id(void)
{
	char id[40];

	check(dom_item_id(id, sizeof(id), "Youth employment", "o") == 0);
	check_str(id, "youth-employment");
	/* at most 31 bytes of slug, even in a larger buffer */
	check(dom_item_id(id, sizeof(id), "a very long outcome title that goes on and on", "o") == 0);
	check(strlen(id) <= 31 && !strncmp(id, "a-very-long-outcome-title", 25));
	check(dom_item_id(id, sizeof(id), "תעסוקה", "i") == 0);
	check(strlen(id) == 6 && !strncmp(id, "i-", 2) && strspn(id + 2, "0123456789abcdef") == 4);
}

void test_domain__item_id_no_random(void)
{
	char id[40];
	int rc;

	/* a slug needs no random digits; text without one says it failed
	 * rather than leave the id unmade */
	random_fails = 1;
	check(dom_item_id(id, sizeof(id), "Youth", "o") == 0);
	rc = dom_item_id(id, sizeof(id), "תעסוקה", "o");
	random_fails = 0;
	check(rc == -1);
	check(dom_random_id(id) == 0);
}

void test_domain__has_conflict(void)
{
	static const char text[] = "a: 1\nb:\n  c:\n  - x\n  - !conflict\n    base: y\n    sides: []\n";
	struct doc *doc;
	struct err err;

	check(doc_load(&doc, text, strlen(text), &err) == 0);
	check(dom_has_conflict(doc->root));
	check(dom_has_conflict(doc_get(doc->root, "b")));
	check(!dom_has_conflict(doc_get(doc->root, "a")));
	check(!dom_has_conflict(NULL));
	doc_free(doc);
}

static void count_one(void *ctx, const char *path, const struct doc_node *c)
{
	(void)path, (void)c;
	(*(unsigned *)ctx)++;
}

/* The count is what dom_conflicts() finds: a value per conflict, none
 * inside one, in maps and lists at any depth. */
void test_domain__count_conflicts(void)
{
	static const char text[] = "a: !conflict\n  base: 1\n  sides: [2, 3]\n"
				   "b:\n  c:\n  - x\n  - !conflict\n    base: y\n    sides: []\n"
				   "  - id: it\n    d: !conflict\n      base: z\n      sides: []\n"
				   "e: f\n";
	struct doc *doc;
	struct err err;
	unsigned walked = 0;

	check(doc_load(&doc, text, strlen(text), &err) == 0);
	dom_conflicts(doc->root, count_one, &walked);
	check(walked == 3);
	check(dom_count_conflicts(doc->root) == 3);
	check(dom_count_conflicts(doc_get(doc->root, "b")) == 2);
	check(dom_count_conflicts(doc_get(doc->root, "e")) == 0);
	check(dom_count_conflicts(NULL) == 0);
	doc_free(doc);
}
