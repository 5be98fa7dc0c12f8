/*
 * The merge engine's properties, on seeded random trees: a random base,
 * random edits on two sides (set, insert, delete, move; in mappings,
 * id-lists, scalar lists and text), then
 *   1. the result loads and is canonical;
 *   2. merge(b, x, y) and merge(b, y, x) give the same bytes;
 *   3. no edit is lost: every word either side wrote is in the result;
 *   4. merge(b, x, x) = x and merge(b, b, y) = y;
 *   5. merging the result again with either side gives the result.
 */
#include <stdlib.h>
#include <string.h>

#include "core/merge.h"
#include "core/mergefile.h"
#include "tests/unit/unit.h"

static unsigned long long rng;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Words are unique tokens, so a lost edit is a missing token. */
static unsigned token;

static void word(char *out, size_t size, char side)
{
	snprintf(out, size, "w%c%u", side, token++);
}

static struct doc_node *str(struct doc *d, const char *s)
{
	return doc_scalar(d, s, strlen(s), 0);
}

static void put(struct doc *d, struct doc_node *map, const char *key, struct doc_node *v)
{
	doc_map_append(map, doc_scalar(d, key, strlen(key), DOC_PLAIN), v);
}

static struct doc_node *item(struct doc *d, char side)
{
	struct doc_node *m = doc_map(d);
	char id[32], at[40], text[32];

	word(id, sizeof(id), side);
	snprintf(at, sizeof(at), "2026-02-01T17:%02u:00+02:00", rnd(60));
	word(text, sizeof(text), side);
	put(d, m, "id", str(d, id));
	if (rnd(4))
		put(d, m, "at", str(d, at));
	put(d, m, "text", str(d, text));
	return m;
}

static struct doc_node *text(struct doc *d, char side)
{
	char buf[256] = "", w[32];
	unsigned i, n = 1 + rnd(4);

	for (i = 0; i < n; i++) {
		word(w, sizeof(w), side);
		strcat(buf, w);
		strcat(buf, "\n");
	}
	return str(d, buf);
}

static struct doc *random_base(void)
{
	struct doc *d = doc_new();
	struct doc_node *r = doc_map(d), *items = doc_seq(d), *tags = doc_seq(d), *nested = doc_map(d);
	char w[32];
	unsigned i, n;

	d->root = r;
	word(w, sizeof(w), 'b');
	put(d, r, "title", str(d, w));
	put(d, r, "body", text(d, 'b'));
	for (i = 0, n = rnd(4); i < n; i++) {
		word(w, sizeof(w), 'b');
		doc_seq_append(tags, str(d, w));
	}
	put(d, r, "tags", tags);
	for (i = 0, n = rnd(5); i < n; i++)
		doc_seq_append(items, item(d, 'b'));
	put(d, r, "items", items);
	word(w, sizeof(w), 'b');
	put(d, nested, "a", str(d, w));
	put(d, r, "nested", nested);
	return d;
}

static struct doc_node *nth(struct doc_node *n, unsigned k)
{
	struct doc_node *c = n->head;

	while (c && k--)
		c = c->next;
	return c;
}

/* One random edit of a copy of the tree. */
static void edit(struct doc *d, char side)
{
	struct doc_node *r = d->root, *v, *c;
	char w[32];

	if (!r || r->kind != DOC_MAP || !r->n)
		return;
	v = nth(r, rnd((unsigned)r->n));
	word(w, sizeof(w), side);
	switch (rnd(10)) {
	case 0:  /* set a value to a word */
		doc_replace(v, str(d, w));
		break;
	case 1:  /* delete a key */
		if (rnd(3) == 0)
			doc_remove(v);
		break;
	case 2:  /* add a key */
		put(d, r, w, str(d, w));
		break;
	default:
		if (v->kind == DOC_SEQ && v->head && v->head->kind == DOC_MAP) {
			unsigned what = rnd(4);

			c = nth(v, rnd((unsigned)v->n));
			if (what == 0) {
				doc_seq_append(v, item(d, side));
			} else if (what == 1) {
				doc_remove(c);
			} else if (what == 2 && c != v->head) {
				doc_remove(c);  /* move to the front */
				doc_seq_insert(v, NULL, c);
			} else if (doc_get(c, "text")) {
				doc_replace(doc_get(c, "text"), str(d, w));
			}
		} else if (v->kind == DOC_SEQ) {
			if (v->n && rnd(2))
				doc_remove(nth(v, rnd((unsigned)v->n)));
			else if (v->n && rnd(2))
				doc_seq_insert(v, nth(v, rnd((unsigned)v->n)), str(d, w));
			else
				doc_seq_append(v, str(d, w));
		} else if (v->kind == DOC_SCALAR && memchr(v->str, '\n', v->len)) {
			/* change, add or drop one line of the text */
			char buf[512];
			size_t nl = 0, i, at;
			const char *lines[16];
			size_t lens[16], n = 0;
			const char *p = v->str;

			while (*p && n < 15) {
				const char *e = strchr(p, '\n');

				lines[n] = p;
				lens[n] = e ? (size_t)(e - p) + 1 : strlen(p);
				p += lens[n++];
			}
			at = rnd((unsigned)n + 1);
			buf[0] = '\0';
			for (i = 0; i <= n; i++) {
				if (i == at) {
					unsigned how = rnd(3);

					if (how != 2)
						snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s\n", w);
					if (how == 1 && i < n)
						continue;  /* replaced */
					if (how == 2 && i < n)
						continue;  /* dropped */
				}
				if (i < n)
					snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%.*s",
						 (int)lens[i], lines[i]);
			}
			(void)nl;
			if (!strchr(buf, '\n'))
				strcat(buf, "\n");
			doc_replace(v, str(d, buf));
		} else if (v->kind == DOC_MAP) {
			put(d, v, w, str(d, w));
		} else {
			doc_replace(v, str(d, w));
		}
	}
}

static struct doc *copy_doc(const struct doc *src)
{
	struct doc *d = doc_new();

	d->root = src->root ? doc_copy(d, src->root) : NULL;
	return d;
}

static char *emit(const struct doc *d)
{
	struct buf b = BUF_INIT;

	doc_emit(&b, d);
	return buf_detach(&b, NULL) ? b.ptr : NULL;
}

static char *emit_str(const struct doc *d)
{
	struct buf b = BUF_INIT;

	doc_emit(&b, d);
	return buf_detach(&b, NULL);
}

/* merge and emit, with the sides' labels following their content */
static char *merged(const struct doc *b, const struct doc *x, const char *xl,
		    const struct doc *y, const char *yl, size_t *conflicts)
{
	struct merge_opts o = { xl, yl };
	struct doc *m;
	struct err err;
	char *s;

	if (merge_docs(&m, conflicts, b, x, y, &o, &err) < 0)
		return NULL;
	s = emit_str(m);
	doc_free(m);
	return s;
}

/* Every token of `from` that starts with w<side> is in `in`. */
static int tokens_kept(const char *from, char side, const char *in)
{
	const char *p = from;
	char tok[32];

	while ((p = strchr(p, 'w'))) {
		size_t n = 1;

		if (p[1] != side) {
			p++;
			continue;
		}
		while (p[n] >= '0' && p[n] <= '9')
			n++;
		n++;
		while (p[n] >= '0' && p[n] <= '9')
			n++;
		snprintf(tok, sizeof(tok), "%.*s", (int)n, p);
		/* a whole token: not followed by another digit in `in` */
		{
			const char *q = in;
			int found = 0;

			while ((q = strstr(q, tok))) {
				if (!(q[strlen(tok)] >= '0' && q[strlen(tok)] <= '9')) {
					found = 1;
					break;
				}
				q++;
			}
			if (!found) {
				printf("  lost %s\n", tok);
				return 0;
			}
		}
		p += n;
	}
	return 1;
}

static int canonical(const char *text)
{
	struct doc *d;
	struct err err;
	char *again;
	int ok;

	if (doc_load(&d, text, strlen(text), &err) < 0) {
		printf("  result does not load: %u:%u %s\n%s\n", err.line, err.col, err.msg, text);
		return 0;
	}
	again = emit_str(d);
	ok = again && !strcmp(again, text);
	if (!ok)
		printf("  result is not canonical:\n%s---\n%s\n", text, again ? again : "");
	free(again);
	doc_free(d);
	return ok;
}

void test_merge__properties(void)
{
	const char *env = getenv("MERGE_CASES"), *seed = getenv("MERGE_SEED");
	unsigned cases = env ? (unsigned)atoi(env) : 10000, i, k, conflicted = 0;
	int ok = 1;

	/* seeded: the same cases every run; MERGE_SEED explores others */
	rng = seed ? strtoull(seed, NULL, 0) | 1 : 0x9e3779b97f4a7c15ULL;
	for (i = 0; i < cases && ok; i++) {
		struct doc *b = random_base(), *x = copy_doc(b), *y = copy_doc(b), *md;
		char *bs, *xs, *ys, *m1, *m2, *mx, *my, *xx, *by, *again1, *again2;
		size_t c1, c2, c;
		struct err err;

		for (k = rnd(4); k-- > 0;)
			edit(x, 'x');
		for (k = rnd(4); k-- > 0;)
			edit(y, 'y');
		bs = emit_str(b);
		xs = emit_str(x);
		ys = emit_str(y);
		m1 = merged(b, x, "x", y, "y", &c1);
		m2 = merged(b, y, "y", x, "x", &c2);
		xx = merged(b, x, "x", x, "x", &c);
		by = merged(b, b, "b", y, "y", &c);
		if (!m1 || !m2 || !xx || !by) {
			printf("  case %u: merge failed\n", i);
			ok = 0;
		} else if (!canonical(m1)) {
			ok = 0;
		} else if (strcmp(m1, m2) || c1 != c2) {
			printf("  case %u: not symmetric\nbase:\n%sx:\n%sy:\n%sx+y:\n%sy+x:\n%s", i, bs, xs, ys, m1, m2);
			ok = 0;
		} else if (!tokens_kept(xs, 'x', m1) || !tokens_kept(ys, 'y', m1)) {
			printf("  case %u: an edit was lost\nbase:\n%sx:\n%sy:\n%sresult:\n%s", i, bs, xs, ys, m1);
			ok = 0;
		} else if (strcmp(xx, xs) || strcmp(by, ys)) {
			printf("  case %u: merge(b,x,x) != x or merge(b,b,y) != y\n", i);
			ok = 0;
		} else {
			/* 5: the result merged again with either side stays */
			doc_load(&md, m1, strlen(m1), &err);
			again1 = merged(b, md, "x+y", x, "x", &c);
			again2 = merged(b, md, "x+y", y, "y", &c);
			mx = again1;
			my = again2;
			if (!mx || !my || strcmp(mx, m1) || strcmp(my, m1)) {
				printf("  case %u: merging the result again changes it\nbase:\n%sx:\n%sy:\n%sresult:\n%sagain with x:\n%sagain with y:\n%s",
				       i, bs, xs, ys, m1, mx ? mx : "", my ? my : "");
				ok = 0;
			}
			free(again1);
			free(again2);
			doc_free(md);
		}
		if (c1)
			conflicted++;
		free(bs);
		free(xs);
		free(ys);
		free(m1);
		free(m2);
		free(xx);
		free(by);
		doc_free(b);
		doc_free(x);
		doc_free(y);
	}
	printf("  merge properties: %u random cases, %u with conflicts\n", i, conflicted);
	check(ok);
}

void test_merge__lines_with_markers(void)
{
	struct buf out = BUF_INIT;
	int n;

	n = merge_lines(&out, "a\nb\nc\n", 6, "a\nB\nc\n", 6, "a\nb\nC\n", 6, "ours", "theirs");
	check(n == 1);
	check_str(buf_str(&out), "a\n<<<<<<< ours\nB\nc\n=======\nb\nC\n>>>>>>> theirs\n");
	buf_reset(&out);
	n = merge_lines(&out, "a\nb\nc\nd\n", 8, "A\nb\nc\nd\n", 8, "a\nb\nc\nD\n", 8, "o", "t");
	check(n == 0);
	check_str(buf_str(&out), "A\nb\nc\nD\n");
	buf_release(&out);
	(void)emit;
}

/*
 * A file that cannot be merged at all: one !conflict of the versions'
 * texts, valid YAML whatever the bytes, the same whoever is ours, and a
 * side's text taken back is that version (bad bytes as U+FFFD).
 */
void test_merge__whole_file_of_texts(void)
{
	const char base[] = "title: t\n", ours[] = "title: ours\nnote: x\n";
	const char theirs[] = "title: \xff\xfe bad\0z\n";
	struct merge_opts ab = { "a", "b" }, ba = { "b", "a" };
	struct buf x = BUF_INIT, y = BUF_INIT;
	const struct doc_node *sides, *s;
	struct doc *doc;
	struct err err;
	size_t replaced;

	check(merge_file_whole(&x, &replaced, base, strlen(base), ours, strlen(ours), theirs,
			       sizeof(theirs) - 1, &ab, &err) == 0);
	check(replaced == 3);
	check(merge_file_whole(&y, &replaced, base, strlen(base), theirs, sizeof(theirs) - 1, ours,
			       strlen(ours), &ba, &err) == 0);
	check_str(buf_str(&x), buf_str(&y));
	check(doc_load(&doc, x.ptr, x.len, &err) == 0);
	check(doc->root && (doc->root->flags & DOC_CONFLICT));
	check_str(doc_get(doc->root, "base")->str, base);
	sides = doc_get(doc->root, "sides");
	check(sides && sides->n == 2);
	for (s = sides->head; s; s = s->next)
		if (!strcmp(doc_get(s, "from")->str, "b"))
			check_str(doc_get(s, "value")->str, "title: \xef\xbf\xbd\xef\xbf\xbd bad\xef\xbf\xbdz\n");
		else
			check_str(doc_get(s, "value")->str, ours);
	doc_free(doc);
	/* a version deleted: a side with no value */
	buf_reset(&x);
	check(merge_file_whole(&x, &replaced, base, strlen(base), "", 0, theirs, sizeof(theirs) - 1,
			       &ab, &err) == 0);
	check(doc_load(&doc, x.ptr, x.len, &err) == 0);
	sides = doc_get(doc->root, "sides");
	check(sides && sides->n == 2);
	check(!doc_get(sides->head, "value") || !doc_get(sides->tail, "value"));
	doc_free(doc);
	buf_release(&x);
	buf_release(&y);
}
