/*
 * The three-way merge (merge.h).
 *
 * One diff3 serves scalar lists and lines of text: a longest common
 * subsequence matches base to each side, and the stretches between the
 * places all three agree are settled one by one.  Lists of mappings and
 * the keys of a mapping are merged by identity instead (the id, the key):
 * the items both sides kept form a skeleton, and what a side inserted goes
 * after the skeleton item it followed there.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "merge.h"

struct m {
	struct doc *out;
	const struct merge_opts *opts;
	size_t conflicts;
	int failed;  /* out of memory */
};

static struct doc_node *merge_node(struct m *m, const struct doc_node *b,
				   const struct doc_node *o, const struct doc_node *t,
				   const char *id);

/* ---- diff3 over sequences of anything ---- */

struct seq {
	const void **v;
	size_t n;
};

typedef int (*eq_fn)(const void *a, const void *b);

#define NONE SIZE_MAX
#define LCS_LIMIT ((size_t)16 * 1024 * 1024)

/*
 * For each a[i], the index of the b item it is matched with by a longest
 * common subsequence, or NONE.  -1 when the table would be too large.
 */
static int lcs(size_t *match, const struct seq *a, const struct seq *b, eq_fn eq)
{
	size_t pre = 0, suf = 0, n, k, i, j;
	uint32_t *dp;

	for (i = 0; i < a->n; i++)
		match[i] = NONE;
	while (pre < a->n && pre < b->n && eq(a->v[pre], b->v[pre])) {
		match[pre] = pre;
		pre++;
	}
	while (suf < a->n - pre && suf < b->n - pre &&
	       eq(a->v[a->n - 1 - suf], b->v[b->n - 1 - suf])) {
		match[a->n - 1 - suf] = b->n - 1 - suf;
		suf++;
	}
	n = a->n - pre - suf;
	k = b->n - pre - suf;
	if (!n || !k)
		return 0;
	if (n > LCS_LIMIT / (k + 1))
		return -1;
	if (!(dp = calloc((n + 1) * (k + 1), sizeof(*dp))))
		return -1;
	/* dp[i][j]: the LCS of a[pre+i..] and b[pre+j..] (the middle) */
	for (i = n; i-- > 0;)
		for (j = k; j-- > 0;)
			dp[i * (k + 1) + j] = eq(a->v[pre + i], b->v[pre + j])
				? dp[(i + 1) * (k + 1) + j + 1] + 1
				: (dp[(i + 1) * (k + 1) + j] > dp[i * (k + 1) + j + 1]
					   ? dp[(i + 1) * (k + 1) + j] : dp[i * (k + 1) + j + 1]);
	for (i = 0, j = 0; i < n && j < k;) {
		if (eq(a->v[pre + i], b->v[pre + j])) {
			match[pre + i] = pre + j;
			i++, j++;
		} else if (dp[(i + 1) * (k + 1) + j] >= dp[i * (k + 1) + j + 1]) {
			i++;
		} else {
			j++;
		}
	}
	free(dp);
	return 0;
}

/* What to do with a stretch that both sides changed. */
enum chunk { CHUNK_CONFLICT, CHUNK_INSERTS };

struct diff3 {
	struct seq b, o, t;
	eq_fn eq;
	/* called for every piece of the result, in order */
	void (*take)(void *ctx, const struct seq *s, size_t from, size_t to);
	/* both sides changed one stretch: 0 if it was settled, -1 if not */
	int (*both)(void *ctx, const struct diff3 *d, size_t b0, size_t b1, size_t o0,
		    size_t o1, size_t t0, size_t t1);
	void *ctx;
};

static int range_eq(const struct diff3 *d, const struct seq *x, size_t x0, size_t x1,
		    const struct seq *y, size_t y0, size_t y1)
{
	if (x1 - x0 != y1 - y0)
		return 0;
	for (; x0 < x1; x0++, y0++)
		if (!d->eq(x->v[x0], y->v[y0]))
			return 0;
	return 1;
}

/* Returns the number of stretches `both` could not settle, or -1. */
static int diff3(const struct diff3 *d)
{
	size_t *mo = malloc((d->b.n + 1) * sizeof(size_t));
	size_t *mt = malloc((d->b.n + 1) * sizeof(size_t));
	size_t i = 0, j = 0, k = 0, i2, j2, k2;
	int unsettled = 0;

	if (!mo || !mt || lcs(mo, &d->b, &d->o, d->eq) < 0 || lcs(mt, &d->b, &d->t, d->eq) < 0) {
		free(mo);
		free(mt);
		return -1;
	}
	for (;;) {
		if (i < d->b.n && mo[i] == j && mt[i] == k) {
			d->take(d->ctx, &d->b, i, i + 1);
			i++, j++, k++;
			continue;
		}
		/* the next place where all three agree */
		for (i2 = i; i2 < d->b.n && (mo[i2] == NONE || mt[i2] == NONE); i2++)
			;
		if (i2 < d->b.n) {
			j2 = mo[i2];
			k2 = mt[i2];
		} else {
			j2 = d->o.n;
			k2 = d->t.n;
		}
		if (i == i2 && j == j2 && k == k2)
			break;
		if (range_eq(d, &d->b, i, i2, &d->o, j, j2))
			d->take(d->ctx, &d->t, k, k2);            /* theirs changed it */
		else if (range_eq(d, &d->b, i, i2, &d->t, k, k2))
			d->take(d->ctx, &d->o, j, j2);            /* ours changed it */
		else if (range_eq(d, &d->o, j, j2, &d->t, k, k2))
			d->take(d->ctx, &d->o, j, j2);            /* both, alike */
		else if (d->both(d->ctx, d, i, i2, j, j2, k, k2) < 0)
			unsettled++;
		i = i2, j = j2, k = k2;
	}
	free(mo);
	free(mt);
	return unsettled;
}

/* ---- conflicts ---- */

struct side {
	const char *from;
	const struct doc_node *value;  /* NULL: this side deleted it */
	char *bytes;                   /* the value's canonical text, to sort */
};

#define MAX_SIDES 128

/* The first !conflict below n (not n itself), or NULL. */
static const struct doc_node *inner_conflict(const struct doc_node *n)
{
	const struct doc_node *c, *r;

	for (c = n->head; c; c = c->next) {
		if (c->flags & DOC_CONFLICT)
			return c;
		if ((r = inner_conflict(c)))
			return r;
	}
	return NULL;
}

/* A copy of n into doc with `target` replaced by `with` (NULL: left out). */
static struct doc_node *copy_replacing(struct doc *doc, const struct doc_node *n,
				       const struct doc_node *target, const struct doc_node *with)
{
	struct doc_node *r, *c, *k;
	const struct doc_node *s;

	if (n == target)
		return doc_copy(doc, with);
	if (n->kind == DOC_SCALAR)
		return doc_copy(doc, n);
	if (!(r = n->kind == DOC_MAP ? doc_map(doc) : doc_seq(doc)))
		return NULL;
	r->flags = n->flags;
	for (s = n->head; s; s = s->next) {
		if (s == target && !with)
			continue;
		if (!(c = copy_replacing(doc, s, target, with)))
			return NULL;
		if (n->kind == DOC_MAP) {
			if (!(k = doc_copy(doc, s->key)))
				return NULL;
			doc_map_append(r, k, c);
		} else {
			doc_seq_append(r, c);
		}
	}
	return r;
}

/* Returns -1 when there are more sides than a conflict keeps. */
static int add_side(struct m *m, struct side *v, size_t *n, const char *from,
		    const struct doc_node *value)
{
	const struct doc_node *sides, *s, *inner;

	/* a side that is itself a conflict brings its own sides: no nesting */
	if (value && (value->flags & DOC_CONFLICT) && (sides = doc_get(value, "sides")) &&
	    sides->kind == DOC_SEQ) {
		for (s = sides->head; s; s = s->next) {
			const struct doc_node *f = doc_get(s, "from");

			if (add_side(m, v, n, f && f->kind == DOC_SCALAR ? f->str : "",
				     doc_get(s, "value")) < 0)
				return -1;
		}
		return 0;
	}
	/* a side whose value holds a conflict deeper down becomes one side
	 * per choice of that conflict: no nesting, and nothing lost */
	if (value && (inner = inner_conflict(value)) && (sides = doc_get(inner, "sides")) &&
	    sides->kind == DOC_SEQ) {
		for (s = sides->head; s; s = s->next) {
			const struct doc_node *f = doc_get(s, "from");
			struct doc_node *variant = NULL;

			if (!(variant = copy_replacing(m->out, value, inner, doc_get(s, "value")))) {
				m->failed = 1;
				return -1;
			}
			if (add_side(m, v, n, f && f->kind == DOC_SCALAR ? f->str : from, variant) < 0)
				return -1;
		}
		return 0;
	}
	if (*n == MAX_SIDES)
		return -1;
	v[*n].from = from;
	v[*n].value = value;
	v[*n].bytes = NULL;
	(*n)++;
	return 0;
}

static int side_cmp(const void *a, const void *b)
{
	const struct side *x = a, *y = b;
	int c;

	if (!x->value != !y->value)
		return x->value ? 1 : -1;  /* a deletion first */
	if (x->value && (c = strcmp(x->bytes, y->bytes)))
		return c;
	return strcmp(x->from, y->from);
}

/* A value taken whole from an input: shared, not copied (merge.h). */
static struct doc_node *copy(struct m *m, const struct doc_node *n)
{
	struct doc_node *c = doc_share(m->out, n);

	if (!c)
		m->failed = 1;
	return c;
}

static void put(struct m *m, struct doc_node *map, const char *key, struct doc_node *value)
{
	struct doc_node *k = doc_scalar(m->out, key, strlen(key), DOC_PLAIN);

	if (!k || !value) {
		m->failed = 1;
		return;
	}
	doc_map_append(map, k, value);
}

/*
 * A !conflict node for b, o and t (DESIGN §4), or the one value left when
 * the sides turn out to agree.  *absent is set when that value is a
 * deletion.  id, for an item of a list, keeps the item findable.
 */
static struct doc_node *conflict(struct m *m, const struct doc_node *b, const struct doc_node *o,
				 const struct doc_node *t, const char *id, int *absent)
{
	struct side v[MAX_SIDES];
	size_t n = 0, i, k;
	struct doc_node *c = NULL, *sides, *e;
	const struct doc_node *inner;

	*absent = 0;
	if (add_side(m, v, &n, m->opts->ours_from, o) < 0 ||
	    add_side(m, v, &n, m->opts->theirs_from, t) < 0) {
		/* never drop a side: fail the merge, git keeps its own */
		m->failed = 1;
		return NULL;
	}
	for (i = 0; i < n; i++) {
		struct buf b2 = BUF_INIT;

		if (v[i].value) {
			doc_emit_node(&b2, v[i].value);
			if (!(v[i].bytes = buf_detach(&b2, NULL)))
				v[i].bytes = strdup("");
		}
	}
	qsort(v, n, sizeof(*v), side_cmp);
	/* sides with one value are one side */
	for (i = 0, k = 0; i < n; i++) {
		if (k && !v[k - 1].value == !v[i].value &&
		    (!v[i].value || doc_equal(v[k - 1].value, v[i].value))) {
			free(v[i].bytes);
			continue;
		}
		v[k++] = v[i];
	}
	n = k;
	if (n == 1) {
		*absent = !v[0].value;
		c = v[0].value ? copy(m, v[0].value) : NULL;
		goto done;
	}
	/* the base of a conflict that is merged again is that conflict's base,
	 * and a conflict inside the base counts as its own base */
	if (b && (b->flags & DOC_CONFLICT))
		b = doc_get(b, "base");
	while (b && (inner = inner_conflict(b))) {
		if (!(b = copy_replacing(m->out, b, inner, doc_get(inner, "base")))) {
			m->failed = 1;
			goto done;
		}
	}
	if (!(c = doc_map(m->out)) || !(sides = doc_seq(m->out))) {
		m->failed = 1;
		goto done;
	}
	c->flags |= DOC_CONFLICT;
	if (id)
		put(m, c, "id", doc_scalar(m->out, id, strlen(id), 0));
	put(m, c, "base", b && !doc_is_null(b) ? copy(m, b) : doc_scalar(m->out, "", 0, DOC_PLAIN));
	put(m, c, "sides", sides);
	for (i = 0; i < n; i++) {
		if (!(e = doc_map(m->out))) {
			m->failed = 1;
			break;
		}
		put(m, e, "from", doc_scalar(m->out, v[i].from, strlen(v[i].from), 0));
		if (v[i].value)
			put(m, e, "value", copy(m, v[i].value));
		doc_seq_append(sides, e);
	}
	m->conflicts++;
done:
	for (i = 0; i < n; i++)
		free(v[i].bytes);
	return c;
}

/* ---- ordering by identity ---- */

struct ent {
	const char *id;
	const struct doc_node *n;
};

/* Concurrent inserts at one place: by `at`, then `id`, then content. */
static int item_cmp(const struct ent *x, const struct ent *y)
{
	const struct doc_node *ax = doc_get(x->n, "at"), *ay = doc_get(y->n, "at");
	struct buf bx = BUF_INIT, by = BUF_INIT;
	int c;

	if (ax && ay && ax->kind == DOC_SCALAR && ay->kind == DOC_SCALAR &&
	    (c = strcmp(ax->str, ay->str)))
		return c;
	if ((c = strcmp(x->id, y->id)))
		return c;
	doc_emit_node(&bx, x->n);
	doc_emit_node(&by, y->n);
	c = strcmp(buf_str(&bx), buf_str(&by));
	buf_release(&bx);
	buf_release(&by);
	return c;
}

/* Keys of a mapping: by the key. */
static int key_cmp(const struct ent *x, const struct ent *y)
{
	return strcmp(x->id, y->id);
}

/* A hash index of ids (a list's items, a skeleton): lists of notes run
 * to thousands, and every id is looked up in each version. */
struct idx {
	const char **keys;
	size_t n, cap;
	size_t *slot;  /* index + 1; 0 is empty */
};

static size_t hash_id(const char *s)
{
	size_t h = 14695981039346656037ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* Builds an index of keys[0..n); -1 on no memory, 1 if a key repeats. */
static int idx_build(struct idx *ix, const char **keys, size_t n)
{
	size_t i, h;

	ix->keys = keys;
	ix->n = n;
	for (ix->cap = 16; ix->cap < 2 * n + 1; ix->cap *= 2)
		;
	if (!(ix->slot = calloc(ix->cap, sizeof(size_t))))
		return -1;
	for (i = 0; i < n; i++) {
		for (h = hash_id(keys[i]) & (ix->cap - 1); ix->slot[h]; h = (h + 1) & (ix->cap - 1))
			if (!strcmp(keys[ix->slot[h] - 1], keys[i]))
				return 1;
		ix->slot[h] = i + 1;
	}
	return 0;
}

static void idx_release(struct idx *ix)
{
	free(ix->slot);
	ix->slot = NULL;
}

static ssize_t find(const struct idx *ix, const char *id)
{
	size_t h;

	for (h = hash_id(id) & (ix->cap - 1); ix->slot[h]; h = (h + 1) & (ix->cap - 1))
		if (!strcmp(ix->keys[ix->slot[h] - 1], id))
			return (ssize_t)(ix->slot[h] - 1);
	return -1;
}

static int same_order(const char **x, const char **y, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(x[i], y[i]))
			return 0;
	return 1;
}

/* Whether skel, without the ids base lacks, is base's order (want). */
static int kept_order(const char **skel, size_t ns, const struct idx *B,
		      const char **want, size_t nw)
{
	size_t i, k = 0;

	for (i = 0; i < ns; i++) {
		if (find(B, skel[i]) < 0)
			continue;
		if (k >= nw || strcmp(skel[i], want[k]))
			return 0;
		k++;
	}
	return k == nw;
}

/*
 * Chains the inserts of one side by anchor, keeping their order: first[a]
 * is the first one anchored at a (NONE: none), and anchor[i] becomes the
 * next one after i at the same anchor.  One pass, where looking up each
 * anchor's inserts in turn took a pass per skeleton item.
 */
static void chain_by_anchor(size_t *first, size_t na, size_t *anchor, size_t nx)
{
	size_t i, a;

	for (a = 0; a < na; a++)
		first[a] = NONE;
	for (i = nx; i-- > 0;) {
		if ((a = anchor[i]) == NONE)
			continue;
		anchor[i] = first[a];
		first[a] = i;
	}
}

/*
 * The ids of the merged sequence, in order: those both sides have form a
 * skeleton in the order a side changed it to (when both reordered, the
 * smaller order, so that it does not matter who is "ours"); what one side
 * inserted follows the skeleton item it followed there, and inserts of the
 * two sides at one place are merged by cmp.
 */
static const char **merge_order(const struct ent *B, size_t nb, const struct idx *bx,
				const struct ent *O, size_t no, const struct idx *ox,
				const struct ent *T, size_t nt, const struct idx *tx,
				int (*cmp)(const struct ent *, const struct ent *), size_t *nout)
{
	struct idx sx = { NULL, 0, 0, NULL };
	const char **skel_o = calloc(no + 1, sizeof(char *)), **skel_t = calloc(nt + 1, sizeof(char *));
	const char **skel_b = calloc(nb + 1, sizeof(char *)), **skel, **out;
	size_t *anchor_o = calloc(no + 1, sizeof(size_t)), *anchor_t = calloc(nt + 1, sizeof(size_t));
	size_t *first_o = NULL, *first_t = NULL;
	size_t ns = 0, nsb = 0, i, j, k, n = 0, a, io, it;

	out = calloc(no + nt + 1, sizeof(char *));
	if (!skel_o || !skel_t || !skel_b || !anchor_o || !anchor_t || !out)
		goto fail;
	for (i = 0; i < no; i++)
		if (find(tx, O[i].id) >= 0)
			skel_o[ns++] = O[i].id;
	for (i = 0, j = 0; i < nt; i++)
		if (find(ox, T[i].id) >= 0)
			skel_t[j++] = T[i].id;
	for (i = 0; i < nb; i++)
		if (find(ox, B[i].id) >= 0 && find(tx, B[i].id) >= 0)
			skel_b[nsb++] = B[i].id;
	skel = skel_o;
	if (!same_order(skel_o, skel_t, ns)) {
		/* a side that kept base's order (of the items base has) yields
		 * to the one that moved them */
		int o_kept = kept_order(skel_o, ns, bx, skel_b, nsb);
		int t_kept = kept_order(skel_t, ns, bx, skel_b, nsb);

		if (o_kept && !t_kept)
			skel = skel_t;
		else if (!(t_kept && !o_kept)) {
			for (i = 0; i < ns && !strcmp(skel_o[i], skel_t[i]); i++)
				;
			skel = strcmp(skel_o[i], skel_t[i]) <= 0 ? skel_o : skel_t;
		}
	}
	/* anchor of an insert: 0 at the start, s+1 after skeleton item s */
	if (idx_build(&sx, skel, ns) < 0)
		goto fail;
	for (k = 0, a = 0; k < 2; k++) {
		const struct ent *X = k ? T : O;
		size_t nx = k ? nt : no, *anchor = k ? anchor_t : anchor_o;
		ssize_t at;

		for (i = 0, a = 0; i < nx; i++) {
			at = find(&sx, X[i].id);
			if (at >= 0)
				a = (size_t)at + 1;
			anchor[i] = at >= 0 ? NONE : a;
		}
	}
	first_o = calloc(ns + 1, sizeof(size_t));
	first_t = calloc(ns + 1, sizeof(size_t));
	if (!first_o || !first_t)
		goto fail;
	chain_by_anchor(first_o, ns + 1, anchor_o, no);
	chain_by_anchor(first_t, ns + 1, anchor_t, nt);
	for (a = 0; a <= ns; a++) {
		if (a)
			out[n++] = skel[a - 1];
		io = first_o[a], it = first_t[a];
		while (io != NONE || it != NONE) {
			if (it == NONE || (io != NONE && cmp(&O[io], &T[it]) <= 0)) {
				out[n++] = O[io].id;
				io = anchor_o[io];
			} else {
				out[n++] = T[it].id;
				it = anchor_t[it];
			}
		}
	}
	*nout = n;
	goto done;
fail:
	free(out);
	out = NULL;
done:
	idx_release(&sx);
	free(skel_o);
	free(skel_t);
	free(skel_b);
	free(anchor_o);
	free(anchor_t);
	free(first_o);
	free(first_t);
	return out;
}

/* ---- mappings and lists of mappings ---- */

/* The children of n with their identity (key or id); -1 if an item has
 * none or two share one (then the list cannot merge by identity). */
static int entries(struct ent **out, size_t *n, const struct doc_node *node, int by_key)
{
	const struct doc_node *c, *id;
	struct ent *v;
	size_t k = 0;

	*out = NULL;
	*n = 0;
	if (!node)
		return 0;
	if (!(v = calloc(node->n + 1, sizeof(*v))))
		return -1;
	for (c = node->head; c; c = c->next) {
		if (by_key) {
			v[k].id = c->key->str;
		} else {
			/* any scalar identifies: a hand-written id: 123 still merges */
			id = c->kind == DOC_MAP ? doc_get(c, "id") : NULL;
			if (!id || id->kind != DOC_SCALAR || doc_is_null(id)) {
				free(v);
				return -1;
			}
			v[k].id = id->str;
		}
		v[k].n = c;
		k++;
	}
	*out = v;
	*n = k;
	return 0;
}

/* Merges mappings (by_key) or lists of mappings with ids; NULL with *ok 0
 * when they cannot be merged by identity. */
static struct doc_node *merge_by_identity(struct m *m, const struct doc_node *b,
					  const struct doc_node *o, const struct doc_node *t,
					  int by_key, int *ok)
{
	struct ent *B = NULL, *O = NULL, *T = NULL;
	struct idx bx = { 0 }, ox = { 0 }, tx = { 0 };
	const char **kb = NULL, **ko = NULL, **kt = NULL;
	size_t nb, no, nt, n = 0, i;
	const char **order = NULL;
	struct doc_node *r = NULL, *v;
	ssize_t x;

	*ok = 0;
	if (entries(&B, &nb, b, by_key) < 0 || entries(&O, &no, o, by_key) < 0 ||
	    entries(&T, &nt, t, by_key) < 0)
		goto done;
	kb = calloc(nb + 1, sizeof(char *));
	ko = calloc(no + 1, sizeof(char *));
	kt = calloc(nt + 1, sizeof(char *));
	if (!kb || !ko || !kt) {
		m->failed = 1;
		goto done;
	}
	for (i = 0; i < nb; i++)
		kb[i] = B[i].id;
	for (i = 0; i < no; i++)
		ko[i] = O[i].id;
	for (i = 0; i < nt; i++)
		kt[i] = T[i].id;
	/* two items with one id: not a list to merge by id */
	if (idx_build(&bx, kb, nb) || idx_build(&ox, ko, no) || idx_build(&tx, kt, nt))
		goto done;
	*ok = 1;
	if (!(order = merge_order(B, nb, &bx, O, no, &ox, T, nt, &tx, by_key ? key_cmp : item_cmp, &n)) ||
	    !(r = by_key ? doc_map(m->out) : doc_seq(m->out))) {
		m->failed = 1;
		goto done;
	}
	for (i = 0; i < n; i++) {
		const struct doc_node *bi = (x = find(&bx, order[i])) >= 0 ? B[x].n : NULL;
		const struct doc_node *oi = (x = find(&ox, order[i])) >= 0 ? O[x].n : NULL;
		const struct doc_node *ti = (x = find(&tx, order[i])) >= 0 ? T[x].n : NULL;

		v = merge_node(m, bi, oi, ti, by_key ? NULL : order[i]);
		if (!v)
			continue;  /* deleted */
		if (by_key) {
			/* the key as written ("007", "null" stay strings) */
			const struct doc_node *k = bi ? bi->key
				: oi && ti ? (oi->key->flags <= ti->key->flags ? oi->key : ti->key)
				: (oi ? oi : ti)->key;
			struct doc_node *kc = copy(m, k);

			if (kc)
				doc_map_append(r, kc, v);
		} else {
			doc_seq_append(r, v);
		}
	}
done:
	idx_release(&bx);
	idx_release(&ox);
	idx_release(&tx);
	free(kb);
	free(ko);
	free(kt);
	free(order);
	free(B);
	free(O);
	free(T);
	return r;
}

/* ---- scalar lists and text ---- */

static int node_eq(const void *a, const void *b)
{
	return doc_equal(a, b);
}

struct seqmerge {
	struct m *m;
	struct doc_node *out;
};

static void seq_take(void *ctx, const struct seq *s, size_t from, size_t to)
{
	struct seqmerge *sm = ctx;
	struct doc_node *c;

	for (; from < to; from++)
		if ((c = copy(sm->m, s->v[from])))
			doc_seq_append(sm->out, c);
}

/* Both sides inserted at one place (and deleted nothing there): both
 * inserts go in, merged in the order of their canonical text. */
static int in_range(const struct diff3 *d, const void *e, const struct seq *s, size_t a,
		    size_t b)
{
	for (; a < b; a++)
		if (d->eq(e, s->v[a]))
			return 1;
	return 0;
}

/* The stretch a scalar list both sides changed, element by element. */
struct stretch {
	void *ctx;
	const struct diff3 *d;
	size_t b0, b1, o0, o1, t0, t1;
};

/* Puts x[k] into out unless it is an item of base that a side deleted. */
static void take_kept(const struct stretch *st, struct seq *out, const void *e)
{
	const struct diff3 *d = st->d;

	if (in_range(d, e, &d->b, st->b0, st->b1) &&
	    (!in_range(d, e, &d->o, st->o0, st->o1) || !in_range(d, e, &d->t, st->t0, st->t1)))
		return;
	out->v[out->n++] = e;
}

/* Items only one side has, between two both have: by item_cmp. */
static void interleave(const struct stretch *st, struct seq *out, const struct seq *x,
		       size_t x0, size_t x1, const struct seq *y, size_t y0, size_t y1)
{
	while (x0 < x1 || y0 < y1) {
		struct ent a = { "", NULL }, b = { "", NULL };
		int x_first = y0 >= y1;

		if (x0 < x1 && y0 < y1) {
			a.n = x->v[x0];
			b.n = y->v[y0];
			x_first = item_cmp(&a, &b) <= 0;
		}
		take_kept(st, out, x_first ? x->v[x0++] : y->v[y0++]);
	}
}

/*
 * The items of both versions x and y of a stretch, each once: those they
 * share (a longest common subsequence) in their order, the others around
 * them by item_cmp.  -1 when it is too large to compute.
 */
static int union_of(const struct stretch *st, struct seq *out, const struct seq *x,
		    const struct seq *y)
{
	size_t *match = malloc((x->n + 1) * sizeof(size_t)), i, pi = 0, pj = 0;

	out->n = 0;
	if (!match || lcs(match, x, y, st->d->eq) < 0) {
		free(match);
		return -1;
	}
	for (i = 0; i < x->n; i++) {
		if (match[i] == NONE)
			continue;
		interleave(st, out, x, pi, i, y, pj, match[i]);
		take_kept(st, out, x->v[i]);
		pi = i + 1;
		pj = match[i] + 1;
	}
	interleave(st, out, x, pi, x->n, y, pj, y->n);
	free(match);
	return 0;
}

/* Orders two candidate results, so that the choice is the same whoever
 * is ours: by their items, item by item. */
static int result_cmp(const struct seq *a, const struct seq *b, eq_fn eq)
{
	size_t i;
	struct ent x = { "", NULL }, y = { "", NULL };

	for (i = 0; i < a->n && i < b->n; i++) {
		if (eq(a->v[i], b->v[i]))
			continue;
		x.n = a->v[i];
		y.n = b->v[i];
		return item_cmp(&x, &y);
	}
	return a->n < b->n ? -1 : a->n > b->n;
}

/*
 * Both sides changed this stretch of a list of scalars.  Unless both
 * replaced items of it (deleted some and put others in: a conflict, the
 * group must choose), the result is what either side put in, each once,
 * without what either side took out.  Two items can be shared in more than
 * one way; the union is made both ways round and the smaller kept.
 */
static int seq_both(void *ctx, const struct diff3 *d, size_t b0, size_t b1, size_t o0,
		    size_t o1, size_t t0, size_t t1)
{
	struct stretch st = { ctx, d, b0, b1, o0, o1, t0, t1 };
	struct seq os = { d->o.v + o0, o1 - o0 }, ts = { d->t.v + t0, t1 - t0 };
	struct seq r1 = { NULL, 0 }, r2 = { NULL, 0 }, *best;
	int o_del = 0, o_ins = 0, t_del = 0, t_ins = 0, error = -1;
	size_t i;

	for (i = b0; i < b1; i++) {
		o_del |= !in_range(d, d->b.v[i], &d->o, o0, o1);
		t_del |= !in_range(d, d->b.v[i], &d->t, t0, t1);
	}
	/* what a side alone put in (what both put in is agreed) */
	for (i = o0; i < o1; i++)
		o_ins |= !in_range(d, d->o.v[i], &d->b, b0, b1) && !in_range(d, d->o.v[i], &d->t, t0, t1);
	for (i = t0; i < t1; i++)
		t_ins |= !in_range(d, d->t.v[i], &d->b, b0, b1) && !in_range(d, d->t.v[i], &d->o, o0, o1);
	if (o_del && o_ins && t_del && t_ins)
		return -1;
	r1.v = calloc(os.n + ts.n + 1, sizeof(void *));
	r2.v = calloc(os.n + ts.n + 1, sizeof(void *));
	if (r1.v && r2.v && union_of(&st, &r1, &os, &ts) == 0 && union_of(&st, &r2, &ts, &os) == 0) {
		best = result_cmp(&r1, &r2, d->eq) <= 0 ? &r1 : &r2;
		seq_take(ctx, best, 0, best->n);
		error = 0;
	}
	free(r1.v);
	free(r2.v);
	return error;
}

static int children(struct seq *s, const struct doc_node *n)
{
	const struct doc_node *c;

	s->n = 0;
	s->v = NULL;
	if (!n)
		return 0;
	if (!(s->v = calloc(n->n + 1, sizeof(void *))))
		return -1;
	for (c = n->head; c; c = c->next)
		s->v[s->n++] = c;
	return 0;
}

/*
 * How many times each value of a scalar list stands in base, ours, theirs
 * and the result: an element that both sides put in is one element, kept
 * once wherever each side put it (two sites marking the same member
 * present).  The merge knows no schema; this rule needs none.
 */
struct tally {
	const struct doc_node *v;  /* the first of its values met */
	size_t n[3], kept;
};

struct tallies {
	struct tally *t;
	size_t cap;
};

static size_t value_hash(const struct doc_node *v)
{
	enum doc_type type = doc_scalar_type(v);
	size_t h = 14695981039346656037ULL ^ (size_t)type, i;

	/* null is written four ways and is one value (doc_equal) */
	if (type != DOC_NULL)
		for (i = 0; i < v->len; i++)
			h = (h ^ (unsigned char)v->str[i]) * 1099511628211ULL;
	return h;
}

static struct tally *tally_of(struct tallies *ts, const struct doc_node *v)
{
	size_t h;

	for (h = value_hash(v) & (ts->cap - 1); ts->t[h].v; h = (h + 1) & (ts->cap - 1))
		if (doc_equal(ts->t[h].v, v))
			return &ts->t[h];
	ts->t[h].v = v;
	return &ts->t[h];
}

/* How many of a value the merge keeps: what both sides put in counts once,
 * what either took out is out, and what one put in while the other took
 * some out adds up (the result never holds more than the merge made). */
static size_t wanted(const struct tally *t)
{
	size_t b = t->n[0], o = t->n[1], th = t->n[2];

	if (o >= b && th >= b)
		return o > th ? o : th;
	if (o <= b && th <= b)
		return o < th ? o : th;
	return o + th - b;
}

/* Drops from out the copies of a value beyond wanted(), the later ones,
 * so the result stays the same whoever is ours.  -1 on no memory. */
static int drop_repeats(struct doc_node *out, const struct doc_node *b,
			const struct doc_node *o, const struct doc_node *t)
{
	const struct doc_node *lists[3] = { b, o, t }, *c;
	struct doc_node *r, *next;
	struct tallies ts;
	size_t total = out->n, k;
	struct tally *ty;

	for (k = 0; k < 3; k++)
		total += lists[k] ? lists[k]->n : 0;
	for (ts.cap = 16; ts.cap < 2 * total + 1; ts.cap *= 2)
		;
	if (!(ts.t = calloc(ts.cap, sizeof(*ts.t))))
		return -1;
	for (k = 0; k < 3; k++)
		for (c = lists[k] ? lists[k]->head : NULL; c; c = c->next)
			tally_of(&ts, c)->n[k]++;
	/* relinked in one pass: doc_remove() would look for each one's
	 * predecessor */
	r = out->head;
	out->head = out->tail = NULL;
	out->n = 0;
	for (; r; r = next) {
		next = r->next;
		r->next = NULL;
		ty = tally_of(&ts, r);
		if (ty->kept >= wanted(ty)) {
			r->parent = NULL;
			continue;
		}
		ty->kept++;
		if (out->tail)
			out->tail->next = r;
		else
			out->head = r;
		out->tail = r;
		out->n++;
	}
	free(ts.t);
	return 0;
}

static struct doc_node *merge_scalar_list(struct m *m, const struct doc_node *b,
					  const struct doc_node *o, const struct doc_node *t)
{
	struct seqmerge sm = { m, doc_seq(m->out) };
	struct diff3 d;
	int r = -1;

	memset(&d, 0, sizeof(d));
	if (sm.out && children(&d.b, b) == 0 && children(&d.o, o) == 0 && children(&d.t, t) == 0) {
		d.eq = node_eq;
		d.take = seq_take;
		d.both = seq_both;
		d.ctx = &sm;
		r = diff3(&d);
	}
	if (r == 0 && drop_repeats(sm.out, b, o, t) < 0) {
		m->failed = 1;
		r = -1;
	}
	free(d.b.v);
	free(d.o.v);
	free(d.t.v);
	return r == 0 ? sm.out : NULL;
}

/* Lines of text, each with its '\n' (the last may have none). */
struct line {
	const char *s;
	size_t len;
};

static int line_eq(const void *a, const void *b)
{
	const struct line *x = a, *y = b;

	return x->len == y->len && !memcmp(x->s, y->s, x->len);
}

static int split_lines(struct seq *s, struct line **store, const char *text, size_t len)
{
	size_t n = 0, i, start = 0;

	for (i = 0; i < len; i++)
		if (text[i] == '\n')
			n++;
	*store = calloc(n + 2, sizeof(struct line));
	s->v = calloc(n + 2, sizeof(void *));
	s->n = 0;
	if (!*store || !s->v)
		return -1;
	for (i = 0; i <= len; i++) {
		if (i == len ? i > start : text[i] == '\n') {
			size_t end = i < len ? i + 1 : i;

			(*store)[s->n].s = text + start;
			(*store)[s->n].len = end - start;
			s->v[s->n] = &(*store)[s->n];
			s->n++;
			start = end;
		}
	}
	return 0;
}

struct textmerge {
	struct buf *out;
	const char *ours_label, *theirs_label;
	int markers;  /* write conflicts with git's markers (merge_lines) */
};

static void text_take(void *ctx, const struct seq *s, size_t from, size_t to)
{
	struct textmerge *tm = ctx;

	for (; from < to; from++) {
		const struct line *l = s->v[from];

		buf_add(tm->out, l->s, l->len);
	}
}

static int text_both(void *ctx, const struct diff3 *d, size_t b0, size_t b1, size_t o0,
		     size_t o1, size_t t0, size_t t1)
{
	struct textmerge *tm = ctx;

	(void)b0;
	(void)b1;
	if (!tm->markers)
		return -1;
	buf_addf(tm->out, "<<<<<<< %s\n", tm->ours_label);
	text_take(ctx, &d->o, o0, o1);
	if (tm->out->len && tm->out->ptr[tm->out->len - 1] != '\n')
		buf_addc(tm->out, '\n');
	buf_adds(tm->out, "=======\n");
	text_take(ctx, &d->t, t0, t1);
	if (tm->out->len && tm->out->ptr[tm->out->len - 1] != '\n')
		buf_addc(tm->out, '\n');
	buf_addf(tm->out, ">>>>>>> %s\n", tm->theirs_label);
	return -1;
}

/* diff3 of three texts by lines into out; the number of hunks both sides
 * changed differently, or -1. */
static int text_diff3(struct buf *out, const char *b, size_t bl, const char *o, size_t ol,
		      const char *t, size_t tl, const char *ours_label, const char *theirs_label,
		      int markers)
{
	struct line *lb = NULL, *lo = NULL, *lt = NULL;
	struct textmerge tm = { out, ours_label, theirs_label, markers };
	struct diff3 d;
	int r = -1;

	memset(&d, 0, sizeof(d));
	if (split_lines(&d.b, &lb, b, bl) == 0 && split_lines(&d.o, &lo, o, ol) == 0 &&
	    split_lines(&d.t, &lt, t, tl) == 0) {
		d.eq = line_eq;
		d.take = text_take;
		d.both = text_both;
		d.ctx = &tm;
		r = diff3(&d);
	}
	free(d.b.v);
	free(d.o.v);
	free(d.t.v);
	free(lb);
	free(lo);
	free(lt);
	return buf_failed(out) ? -1 : r;
}

int merge_lines(struct buf *out, const char *base, size_t blen, const char *ours,
		size_t olen, const char *theirs, size_t tlen, const char *ours_label,
		const char *theirs_label)
{
	return text_diff3(out, base ? base : "", base ? blen : 0, ours, olen, theirs, tlen,
			  ours_label, theirs_label, 1);
}

static struct doc_node *merge_text(struct m *m, const struct doc_node *b,
				   const struct doc_node *o, const struct doc_node *t)
{
	struct buf out = BUF_INIT;
	struct doc_node *r = NULL;

	if (text_diff3(&out, b->str, b->len, o->str, o->len, t->str, t->len, "", "", 0) == 0)
		r = doc_scalar(m->out, buf_str(&out), out.len, 0);
	buf_release(&out);
	return r;
}

/* ---- the walk ---- */

static int is_multiline_text(const struct doc_node *n)
{
	return doc_is_str(n) && memchr(n->str, '\n', n->len);
}

/* Whether every item of a list is a scalar (none is a mapping or list). */
static int all_scalars(const struct doc_node *seq)
{
	const struct doc_node *c;

	for (c = seq ? seq->head : NULL; c; c = c->next)
		if (c->kind != DOC_SCALAR)
			return 0;
	return 1;
}

/*
 * Merges one value.  Returns the merged node (in m->out), or NULL when the
 * value is deleted.
 */
static struct doc_node *merge_node(struct m *m, const struct doc_node *b,
				   const struct doc_node *o, const struct doc_node *t,
				   const char *id)
{
	struct doc_node *r;
	int absent, ok;

	if (m->failed)
		return NULL;
	if (doc_equal(o, t))
		return o ? copy(m, o) : NULL;          /* alike, or both deleted */
	if (doc_equal(b, o))
		return t ? copy(m, t) : NULL;          /* only theirs changed it */
	if (doc_equal(b, t))
		return o ? copy(m, o) : NULL;          /* only ours changed it */
	/* both changed it, differently */
	if (o && t && o->kind == t->kind && !((o->flags | t->flags) & DOC_CONFLICT)) {
		const struct doc_node *bb = b && b->kind == o->kind && !(b->flags & DOC_CONFLICT) ? b : NULL;

		if (o->kind == DOC_MAP) {
			r = merge_by_identity(m, bb, o, t, 1, &ok);
			if (ok)
				return r;
		} else if (o->kind == DOC_SEQ) {
			r = merge_by_identity(m, bb, o, t, 0, &ok);
			if (ok)
				return r;
			if (all_scalars(bb) && all_scalars(o) && all_scalars(t) &&
			    (r = merge_scalar_list(m, bb, o, t)))
				return r;
		} else if (bb && doc_is_str(bb) && doc_is_str(o) && doc_is_str(t) &&
			   /* a sealed value is opaque: its lines are ciphertext */
			   !((bb->flags | o->flags | t->flags) & DOC_SECRET) &&
			   (is_multiline_text(o) || is_multiline_text(t) || is_multiline_text(bb)) &&
			   (r = merge_text(m, bb, o, t))) {
			return r;
		}
	}
	r = conflict(m, b, o, t, id, &absent);
	return absent ? NULL : r;
}

int merge_docs(struct doc **out, size_t *conflicts, const struct doc *base,
	       const struct doc *ours, const struct doc *theirs,
	       const struct merge_opts *opts, struct err *err)
{
	struct m m;

	*out = NULL;
	*conflicts = 0;
	memset(&m, 0, sizeof(m));
	m.opts = opts;
	if (!(m.out = doc_new()))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	m.out->root = merge_node(&m, base ? base->root : NULL, ours->root, theirs->root, NULL);
	if (m.failed) {
		doc_free(m.out);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	*out = m.out;
	*conflicts = m.conflicts;
	return 0;
}

int merge_conflict_of(struct doc **out, const struct doc *base, const struct doc *ours,
		      const struct doc *theirs, const struct merge_opts *opts, struct err *err)
{
	struct m m;
	int absent;

	*out = NULL;
	memset(&m, 0, sizeof(m));
	m.opts = opts;
	if (!(m.out = doc_new()))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	m.out->root = conflict(&m, base ? base->root : NULL, ours->root, theirs->root, NULL, &absent);
	if (m.failed) {
		doc_free(m.out);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	*out = m.out;
	return 0;
}
