/*
 * The YAML document tree (doc.h): a loader over libyaml's event parser that
 * refuses what convene files must not hold, and a canonical emitter over
 * libyaml's event emitter.
 *
 * All nodes and strings of one doc come from one arena, so loading is a
 * bump of a pointer per node and freeing a doc is a walk over its chunks.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "doc.h"
#include "text.h"
#include "tr.h"

/* ---- arena ---- */

struct doc_chunk {
	struct doc_chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct doc_arena {
	struct doc_chunk *head;
};

/*
 * n bytes aligned for `align` (a power of two).  Nodes want their own
 * alignment and strings none: rounding every piece up to the size of
 * max_align_t (32 bytes) cost a quarter of a loaded tree, and fresh pages
 * are much of the time a large merge takes.
 */
static void *arena_alloc(struct doc_arena *a, size_t n, size_t align)
{
	struct doc_chunk *c = a->head;
	size_t size, at = c ? (c->used + align - 1) & ~(align - 1) : 0;
	void *p;

	if (!c || at > c->size || c->size - at < n) {
		size = n > 32768 ? n : 32768;
		c = malloc(sizeof(*c) + size);
		if (!c)
			return NULL;
		c->size = size;
		c->next = a->head;
		a->head = c;
		at = 0;
	}
	p = (char *)c->data + at;
	c->used = at + n;
	return p;
}

static char *arena_strndup(struct doc_arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1, 1);

	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

struct doc *doc_new(void)
{
	struct doc *doc = calloc(1, sizeof(*doc));

	if (!doc)
		return NULL;
	doc->arena = calloc(1, sizeof(*doc->arena));
	if (!doc->arena) {
		free(doc);
		return NULL;
	}
	return doc;
}

void doc_free(struct doc *doc)
{
	struct doc_chunk *c, *next;

	if (!doc)
		return;
	for (c = doc->arena->head; c; c = next) {
		next = c->next;
		if (doc->secret)
			explicit_bzero(c->data, c->used);
		free(c);
	}
	free(doc->arena);
	free(doc);
}

static struct doc_node *node_new(struct doc *doc, enum doc_kind kind)
{
	struct doc_node *n = arena_alloc(doc->arena, sizeof(*n), _Alignof(struct doc_node));

	if (n) {
		memset(n, 0, sizeof(*n));
		n->kind = kind;
	}
	return n;
}

struct doc_node *doc_scalar(struct doc *doc, const char *s, size_t len, unsigned flags)
{
	struct doc_node *n = node_new(doc, DOC_SCALAR);

	if (!n || !(n->str = arena_strndup(doc->arena, s, len)))
		return NULL;
	n->len = len;
	n->flags = flags;
	return n;
}

struct doc_node *doc_map(struct doc *doc)
{
	return node_new(doc, DOC_MAP);
}

struct doc_node *doc_seq(struct doc *doc)
{
	return node_new(doc, DOC_SEQ);
}

struct doc_node *doc_copy(struct doc *doc, const struct doc_node *src)
{
	struct doc_node *n, *c, *k;
	const struct doc_node *s;

	if (src->kind == DOC_SCALAR)
		n = doc_scalar(doc, src->str, src->len, src->flags);
	else
		n = node_new(doc, src->kind);
	if (!n)
		return NULL;
	n->flags = src->flags;
	n->line = src->line;
	n->col = src->col;
	for (s = src->head; s; s = s->next) {
		if (!(c = doc_copy(doc, s)))
			return NULL;
		if (src->kind == DOC_MAP) {
			if (!(k = doc_copy(doc, s->key)))
				return NULL;
			doc_map_append(n, k, c);
		} else {
			doc_seq_append(n, c);
		}
	}
	return n;
}

struct doc_node *doc_share(struct doc *doc, const struct doc_node *src)
{
	struct doc_node *n = node_new(doc, src->kind);

	if (!n)
		return NULL;
	n->flags = src->flags;
	n->line = src->line;
	n->col = src->col;
	n->str = src->str;
	n->len = src->len;
	n->head = src->head;
	n->tail = src->tail;
	n->n = src->n;
	return n;
}

/* ---- tree edits ---- */

static void link_after(struct doc_node *parent, struct doc_node *after,
		       struct doc_node *child)
{
	child->parent = parent;
	if (!after) {
		child->next = parent->head;
		parent->head = child;
	} else {
		child->next = after->next;
		after->next = child;
	}
	if (!child->next)
		parent->tail = child;
	parent->n++;
}

void doc_seq_append(struct doc_node *seq, struct doc_node *child)
{
	link_after(seq, seq->tail, child);
}

void doc_seq_insert(struct doc_node *seq, struct doc_node *after, struct doc_node *child)
{
	link_after(seq, after, child);
}

void doc_map_append(struct doc_node *map, struct doc_node *key, struct doc_node *value)
{
	value->key = key;
	key->parent = map;
	link_after(map, map->tail, value);
}

void doc_map_insert(struct doc_node *map, struct doc_node *after,
		    struct doc_node *key, struct doc_node *value)
{
	value->key = key;
	key->parent = map;
	link_after(map, after, value);
}

void doc_remove(struct doc_node *node)
{
	struct doc_node *p = node->parent, *prev = NULL, *c;

	if (!p)
		return;
	for (c = p->head; c && c != node; c = c->next)
		prev = c;
	if (!c)
		return;
	if (prev)
		prev->next = node->next;
	else
		p->head = node->next;
	if (p->tail == node)
		p->tail = prev;
	p->n--;
	node->next = NULL;
	node->parent = NULL;
}

void doc_replace(struct doc_node *old, struct doc_node *with)
{
	struct doc_node *p = old->parent, *prev = NULL, *c;

	if (!p)
		return;
	for (c = p->head; c && c != old; c = c->next)
		prev = c;
	with->key = old->key;
	with->parent = p;
	with->next = old->next;
	if (prev)
		prev->next = with;
	else
		p->head = with;
	if (p->tail == old)
		p->tail = with;
	old->next = NULL;
	old->parent = NULL;
}

struct doc_node *doc_get(const struct doc_node *map, const char *key)
{
	struct doc_node *c;
	size_t len = strlen(key);

	if (!map || map->kind != DOC_MAP)
		return NULL;
	for (c = map->head; c; c = c->next)
		if (c->key->len == len && !memcmp(c->key->str, key, len))
			return c;
	return NULL;
}

struct doc_node *doc_find_id(const struct doc_node *seq, const char *id)
{
	struct doc_node *c, *v;

	if (!seq || seq->kind != DOC_SEQ)
		return NULL;
	for (c = seq->head; c; c = c->next) {
		v = doc_get(c, "id");
		if (v && v->kind == DOC_SCALAR && !strcmp(v->str, id))
			return c;
	}
	return NULL;
}

/* ---- scalar types ---- */

static int all_in(const char *s, size_t len, const char *set)
{
	size_t i;

	if (!len)
		return 0;
	for (i = 0; i < len; i++)
		if (!strchr(set, s[i]) || !s[i])
			return 0;
	return 1;
}

static int is_one_of(const char *s, size_t len, const char *const *words)
{
	for (; *words; words++)
		if (strlen(*words) == len && !memcmp(*words, s, len))
			return 1;
	return 0;
}

static int is_float12(const char *s, size_t len)
{
	static const char *const special[] = {
		".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf",
		"-.Inf", "-.INF", ".nan", ".NaN", ".NAN", NULL
	};
	size_t i = 0, digits = 0;

	if (is_one_of(s, len, special))
		return 1;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++, digits++;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++, digits++;
	}
	if (!digits)
		return 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		if (i >= len || s[i] < '0' || s[i] > '9')
			return 0;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	return i == len;
}

static int is_int12(const char *s, size_t len)
{
	if (len > 2 && s[0] == '0' && s[1] == 'o')
		return all_in(s + 2, len - 2, "01234567");
	if (len > 2 && s[0] == '0' && s[1] == 'x')
		return all_in(s + 2, len - 2, "0123456789abcdefABCDEF");
	if (len && (s[0] == '-' || s[0] == '+'))
		s++, len--;
	return all_in(s, len, "0123456789");
}

static enum doc_type plain_type(const char *s, size_t len)
{
	static const char *const nulls[] = { "~", "null", "Null", "NULL", NULL };
	static const char *const bools[] = {
		"true", "True", "TRUE", "false", "False", "FALSE", NULL
	};

	if (!len)
		return DOC_NULL;
	/* The first byte says which words to try: every scalar's type is
	 * asked many times (load, merge, emit), and most text starts with a
	 * letter that no other type starts with. */
	switch (s[0]) {
	case '~': case 'n': case 'N':
		return is_one_of(s, len, nulls) ? DOC_NULL : DOC_STR;
	case 't': case 'T': case 'f': case 'F':
		return is_one_of(s, len, bools) ? DOC_BOOL : DOC_STR;
	case '0': case '1': case '2': case '3': case '4': case '5': case '6':
	case '7': case '8': case '9': case '+': case '-': case '.':
		break;
	default:
		return DOC_STR;
	}
	if (is_int12(s, len))
		return DOC_INT;
	if (is_float12(s, len))
		return DOC_FLOAT;
	return DOC_STR;
}

enum doc_type doc_scalar_type(const struct doc_node *node)
{
	if (node->kind != DOC_SCALAR || !(node->flags & DOC_PLAIN))
		return DOC_STR;
	return plain_type(node->str, node->len);
}

int doc_bool(const struct doc_node *node)
{
	if (!node || node->kind != DOC_SCALAR || doc_scalar_type(node) != DOC_BOOL)
		return -1;
	return node->str[0] == 't' || node->str[0] == 'T';
}

int doc_is_str(const struct doc_node *node)
{
	return node && node->kind == DOC_SCALAR && doc_scalar_type(node) == DOC_STR;
}

int doc_is_null(const struct doc_node *node)
{
	return !node || (node->kind == DOC_SCALAR && doc_scalar_type(node) == DOC_NULL);
}

/* Whether s is digits and '_' only, with at least one digit. */
static int digits_(const char *s, size_t len)
{
	size_t i, d = 0;

	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d++;
		else if (s[i] != '_')
			return 0;
	}
	return d > 0;
}

/*
 * e5, _1e5, .e5, 1_.e-5: digits, '_' and at most one '.' before an
 * exponent, with no digit needed.  npm yaml's YAML 1.1 schema takes such
 * text for a float (and reads e4481704 as NaN).
 */
static int loose_float(const char *s, size_t len)
{
	size_t i = 0, dots = 0;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < len && (s[i] == '_' || s[i] == '.' || (s[i] >= '0' && s[i] <= '9')); i++)
		dots += s[i] == '.';
	if (i >= len || (s[i] != 'e' && s[i] != 'E') || dots > 1)
		return 0;
	if (++i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	return all_in(s + i, len - i, "0123456789");
}

/*
 * YAML 1.1 readers (PyYAML and many others) see more than 1.2 does: yes/no
 * and on/off booleans, 0b and 0x numbers, numbers with '_', base-60
 * numbers like 17:00.  Dates stay plain: a 1.1 reader takes them as dates.
 */
static int yaml11_special(const char *s, size_t len)
{
	static const char *const words[] = {
		"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
		"on", "On", "ON", "off", "Off", "OFF", "=", "<<", NULL
	};
	const char *dot, *e, *colon;

	if (loose_float(s, len))
		return 1;
	if (!len || !strchr("yYnNoO=<0123456789+-.", s[0]))
		return 0;
	if (is_one_of(s, len, words))
		return 1;
	if (len && (s[0] == '-' || s[0] == '+'))
		s++, len--;
	if (len > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'x'))
		return 1;
	if ((colon = memchr(s, ':', len))) {
		/* base 60: 1_0:30:15.5 */
		size_t i = (size_t)(colon - s);

		if (!digits_(s, i))
			return 0;
		while (i < len && s[i] == ':') {
			size_t j = ++i;

			while (i < len && s[i] >= '0' && s[i] <= '9')
				i++;
			if (i == j || i - j > 2)
				return 0;
		}
		return i == len || (s[i] == '.' && (i + 1 == len || digits_(s + i + 1, len - i - 1)));
	}
	/* 1_000, 1.5, 1., 1e3: digits and '_' around at most one '.' */
	e = memchr(s, 'e', len);
	if (!e)
		e = memchr(s, 'E', len);
	if (e) {
		size_t k = (size_t)(e - s) + 1;

		if (k < len && (s[k] == '-' || s[k] == '+'))
			k++;
		if (!digits_(s + k, len - k))
			return 0;
		len = (size_t)(e - s);
	}
	dot = memchr(s, '.', len);
	if (!dot)
		return digits_(s, len);
	return (dot == s || digits_(s, (size_t)(dot - s))) &&
	       (dot + 1 == s + len || digits_(dot + 1, len - (size_t)(dot - s) - 1)) &&
	       (dot != s || dot + 1 != s + len);
}

static int digits_at(const char *s, size_t len, size_t i, size_t min, size_t max, size_t *end)
{
	size_t j = i;

	while (j < len && j - i < max && s[j] >= '0' && s[j] <= '9')
		j++;
	*end = j;
	return j - i >= min;
}

int doc_str_is_date(const char *s, size_t len)
{
	size_t i;

	/* YAML 1.1's timestamp: 2026-02-01, or 2026-2-1 with a time after
	 * it (T or spaces, then 17:05:00, maybe .5 and an offset) */
	if (!digits_at(s, len, 0, 4, 4, &i) || i >= len || s[i] != '-' ||
	    !digits_at(s, len, i + 1, 1, 2, &i) || i >= len || s[i] != '-' ||
	    !digits_at(s, len, i + 1, 1, 2, &i))
		return 0;
	if (i == len)
		return len == 10;
	return s[i] == 'T' || s[i] == 't' || s[i] == ' ' || s[i] == '\t';
}

int doc_str_needs_quotes(const char *s, size_t len)
{
	if (!len)
		return 1;
	if (plain_type(s, len) != DOC_STR || yaml11_special(s, len) || doc_str_is_date(s, len))
		return 1;
	if (s[0] == ' ' || s[len - 1] == ' ')
		return 1;
	return 0;
}

int doc_equal(const struct doc_node *a, const struct doc_node *b)
{
	const struct doc_node *x, *y;

	if (!a || !b)
		return a == b;
	if (a->kind != b->kind ||
	    (a->flags & (DOC_CONFLICT | DOC_SECRET)) != (b->flags & (DOC_CONFLICT | DOC_SECRET)))
		return 0;
	if (a->kind == DOC_SCALAR) {
		enum doc_type ta, tb;

		/* the same text written the same way is the same value; only
		 * different text needs the types (null is written four ways) */
		if ((a->flags & DOC_PLAIN) == (b->flags & DOC_PLAIN) && a->len == b->len &&
		    !memcmp(a->str, b->str, a->len))
			return 1;
		ta = doc_scalar_type(a);
		tb = doc_scalar_type(b);
		if (ta != tb)
			return 0;
		if (ta == DOC_NULL)
			return 1;
		return a->len == b->len && !memcmp(a->str, b->str, a->len);
	}
	if (a->n != b->n)
		return 0;
	for (x = a->head, y = b->head; x && y; x = x->next, y = y->next) {
		/* a key is its text, whatever it looks like (the emitter
		 * writes keys as text: 007, true and ~ alike) */
		if (a->kind == DOC_MAP &&
		    (x->key->len != y->key->len || memcmp(x->key->str, y->key->str, x->key->len)))
			return 0;
		if (!doc_equal(x, y))
			return 0;
	}
	return 1;
}

/* ---- loading ---- */

struct loader {
	struct doc *doc;
	struct err *err;
	const char *data;
	size_t len;
	size_t scan;           /* bytes up to here were searched for comments */
	size_t at_char;        /* libyaml's index of the character at at_byte */
	size_t at_byte;
	yaml_parser_t parser;
	yaml_event_t ev;
	unsigned depth;
};

static int oom(struct loader *l)
{
	return err_set(l->err, ERR_NOMEM, 0, 0, "out of memory");
}

/* libyaml's column counts characters; so does ours. */
static void mark_pos(const yaml_mark_t *m, unsigned *line, unsigned *col)
{
	*line = (unsigned)m->line + 1;
	*col = (unsigned)m->column + 1;
}

/*
 * The byte offset of libyaml's mark index.  libyaml counts characters,
 * not bytes (a Hebrew letter is one), so every index is mapped before it
 * touches the data.  Marks come mostly in order: the walk goes on from
 * the last one, and starts again only for one behind it.
 */
static size_t byte_at(struct loader *l, size_t index)
{
	if (index < l->at_char)
		l->at_char = l->at_byte = 0;
	/* eight bytes at a time while eight characters or more are to go:
	 * a byte 10xxxxxx goes on a character, any other starts one */
	while (l->at_char + 8 <= index && l->at_byte + 8 <= l->len) {
		uint64_t w, more;

		memcpy(&w, l->data + l->at_byte, 8);
		more = (w & ~(w << 1) & UINT64_C(0x8080808080808080)) >> 7;
		l->at_char += 8 - (size_t)((more * UINT64_C(0x0101010101010101)) >> 56);
		l->at_byte += 8;
		while (l->at_byte < l->len && ((unsigned char)l->data[l->at_byte] & 0xc0) == 0x80)
			l->at_byte++;
	}
	while (l->at_char < index && l->at_byte < l->len) {
		l->at_byte++;
		while (l->at_byte < l->len && ((unsigned char)l->data[l->at_byte] & 0xc0) == 0x80)
			l->at_byte++;
		l->at_char++;
	}
	return l->at_byte;
}

/* Counts the comments in the bytes before upto not yet searched. */
static void count_comments(struct loader *l, size_t upto)
{
	size_t i;

	if (upto > l->len)
		upto = l->len;
	for (i = l->scan; i < upto; i++) {
		if (l->data[i] != '#')
			continue;
		if (i && l->data[i - 1] != ' ' && l->data[i - 1] != '\t' &&
		    l->data[i - 1] != '\n' && l->data[i - 1] != '\r')
			continue;
		if (!l->doc->comments++)
			text_pos(l->data, i, &l->doc->comment_line, &l->doc->comment_col);
		while (i < upto && l->data[i] != '\n')
			i++;
	}
	if (upto > l->scan)
		l->scan = upto;
}

/* The offset of a line that git's conflict markers start, or len. */
static size_t find_git_marker(const char *data, size_t len)
{
	static const char *const marks[] = { "<<<<<<< ", ">>>>>>> ", "=======\n", "||||||| " };
	size_t i = 0, k;

	while (i < len) {
		for (k = 0; k < 4; k++)
			if (len - i >= 8 && !memcmp(data + i, marks[k], 8))
				return i;
		while (i < len && data[i] != '\n')
			i++;
		i++;
	}
	return len;
}

/* libyaml's words, its problems and their contexts (English in the
 * library), in the user's language: the ones a hand edit meets. */
static const char *const yaml_words[] = {
	N_("block sequence entries are not allowed in this context"),
	N_("control characters are not allowed"),
	N_("could not find expected ':'"),
	N_("did not find expected ',' or ']'"),
	N_("did not find expected ',' or '}'"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected <document start>"),
	N_("did not find expected comment or line break"),
	N_("did not find expected key"),
	N_("did not find expected node content"),
	N_("did not find expected whitespace or line break"),
	N_("found a tab character that violates indentation"),
	N_("found a tab character where an indentation space is expected"),
	N_("found character that cannot start any token"),
	N_("found undefined alias"),
	N_("found unexpected ':'"),
	N_("found unexpected document indicator"),
	N_("found unexpected end of stream"),
	N_("found unknown escape character"),
	N_("mapping keys are not allowed in this context"),
	N_("mapping values are not allowed in this context"),
	N_("while parsing a block collection"),
	N_("while parsing a block mapping"),
	N_("while parsing a block node"),
	N_("while parsing a flow mapping"),
	N_("while parsing a flow node"),
	N_("while parsing a flow sequence"),
	N_("while parsing a node"),
	N_("while scanning a block scalar"),
	N_("while scanning a plain scalar"),
	N_("while scanning a quoted scalar"),
	N_("while scanning a simple key"),
	N_("while scanning a tag"),
	N_("while scanning an alias"),
	N_("while scanning an anchor"),
	N_("while scanning for the next token"),
	NULL
};

static const char *yaml_word(const char *s)
{
	size_t i;

	for (i = 0; s && yaml_words[i]; i++)
		if (!strcmp(s, yaml_words[i]))
			return tr(yaml_words[i]);
	return s;
}

/* libyaml's words, with what to do about them. */
static const char *syntax_hint(const char *problem)
{
	if (!problem)
		return tr("fix the YAML syntax at this spot");
	if (strstr(problem, "mapping values are not allowed"))
		return tr("check this line's indentation, or put quotes around a value that holds ': '");
	if (strstr(problem, "did not find expected key") ||
	    strstr(problem, "did not find expected '-' indicator"))
		return tr("check the indentation of this line against the lines above");
	if (strstr(problem, "could not find expected ':'"))
		return tr("a key needs ':' after it; check this line and the one before");
	return tr("fix the YAML syntax at this spot");
}

static int parser_error(struct loader *l)
{
	yaml_parser_t *p = &l->parser;
	unsigned line, col;
	size_t at = byte_at(l, p->problem_mark.index), marker;

	mark_pos(&p->problem_mark, &line, &col);
	if (p->error == YAML_MEMORY_ERROR)
		return oom(l);
	if (p->error == YAML_READER_ERROR) {
		/* Reader errors are positioned by offset only (LIBRARY-NOTES). */
		text_pos(l->data, p->problem_offset, &line, &col);
		return err_set(l->err, ERR_DATA, line, col, "%s", yaml_word(p->problem));
	}
	if ((marker = find_git_marker(l->data, l->len)) < l->len) {
		text_pos(l->data, marker, &line, &col);
		err_set(l->err, ERR_DATA, line, col, "a git conflict marker: the file holds an unfinished git merge");
		err_hint(l->err, "keep the lines you want, delete the <<<<<<<, ======= and >>>>>>> lines");
		return ERR_DATA;
	}
	if (p->context && strstr(p->context, "quoted scalar") && p->problem &&
	    strstr(p->problem, "end of stream")) {
		mark_pos(&p->context_mark, &line, &col);
		err_set(l->err, ERR_DATA, line, col, "the quote that opens here is never closed");
		err_hint(l->err, "add the closing quote");
		return ERR_DATA;
	}
	if (at < l->len && l->data[at] == '\t') {
		err_set(l->err, ERR_DATA, line, col, "tab character in indentation");
		err_hint(l->err, "YAML indents with spaces; replace the tab with spaces");
		return ERR_DATA;
	}
	if (p->problem && strstr(p->problem, "tab")) {
		err_set(l->err, ERR_DATA, line, col, "%s", yaml_word(p->problem));
		err_hint(l->err, "YAML indents with spaces; replace the tab with spaces");
		return ERR_DATA;
	}
	/* TRANSLATORS: libyaml's problem, then its context ("while
	 * parsing a block mapping") */
	if (p->problem && p->context)
		err_set(l->err, ERR_DATA, line, col, "%s %s", yaml_word(p->problem),
			yaml_word(p->context));
	else
		err_set(l->err, ERR_DATA, line, col, "%s",
			p->problem ? yaml_word(p->problem) : p->context ? yaml_word(p->context)
			: tr("syntax error"));
	err_hint(l->err, "%s", syntax_hint(p->problem));
	return ERR_DATA;
}

static int next_event(struct loader *l)
{
	yaml_event_delete(&l->ev);
	if (!yaml_parser_parse(&l->parser, &l->ev)) {
		memset(&l->ev, 0, sizeof(l->ev));
		return parser_error(l);
	}
	return 0;
}

static int check_props(struct loader *l, const yaml_char_t *anchor,
		       const yaml_char_t *tag, enum doc_kind kind,
		       unsigned *flags)
{
	unsigned line, col;
	const char *t = (const char *)tag;

	mark_pos(&l->ev.start_mark, &line, &col);
	if (anchor) {
		err_set(l->err, ERR_DATA, line, col,
			"anchor '&%s' is not allowed", (const char *)anchor);
		err_hint(l->err, "write the value out in full where it is used");
		return ERR_DATA;
	}
	if (!t)
		return 0;
	if (!strcmp(t, "!")) {
		/* the non-specific tag: a scalar is a string, whatever it looks like */
		*flags &= ~DOC_PLAIN;
		return 0;
	}
	if (!strcmp(t, "!conflict") && kind == DOC_MAP) {
		*flags |= DOC_CONFLICT;
		return 0;
	}
	if (!strcmp(t, "!secret") && kind == DOC_SCALAR) {
		/* a sealed value is text, whatever it looks like */
		*flags = (*flags & ~DOC_PLAIN) | DOC_SECRET;
		return 0;
	}
	if ((!strcmp(t, "tag:yaml.org,2002:str") && kind == DOC_SCALAR) ||
	    (!strcmp(t, "tag:yaml.org,2002:map") && kind == DOC_MAP) ||
	    (!strcmp(t, "tag:yaml.org,2002:seq") && kind == DOC_SEQ)) {
		*flags &= ~DOC_PLAIN;
		return 0;
	}
	if (!strncmp(t, "tag:yaml.org,2002:", 18))
		err_set(l->err, ERR_DATA, line, col, "tag '!!%s' is not allowed here", t + 18);
	else
		err_set(l->err, ERR_DATA, line, col, "tag '%s' is not allowed", t);
	if (!strcmp(t, "!conflict"))
		err_hint(l->err, "a !conflict holds a mapping of base and sides");
	else if (!strcmp(t, "!secret"))
		err_hint(l->err, "a !secret holds one text: an armored age file");
	else
		err_hint(l->err, "remove the tag; convene knows only !conflict and !secret");
	return ERR_DATA;
}

static int load_node(struct loader *l, struct doc_node **out);

static int check_duplicates(struct loader *l, struct doc_node *map);

static int load_collection(struct loader *l, struct doc_node *n, yaml_event_type_t end)
{
	struct doc_node *key = NULL, *val = NULL;
	int error;

	if (++l->depth > DOC_MAX_DEPTH) {
		err_set(l->err, ERR_DATA, n->line, n->col,
			"nesting deeper than %d levels", DOC_MAX_DEPTH);
		err_hint(l->err, "flatten the structure");
		return ERR_DATA;
	}
	for (;;) {
		if ((error = next_event(l)) < 0)
			return error;
		if (l->ev.type == end)
			break;
		if (n->kind == DOC_SEQ) {
			if ((error = load_node(l, &val)) < 0)
				return error;
			doc_seq_append(n, val);
			continue;
		}
		if (l->ev.type != YAML_SCALAR_EVENT && l->ev.type != YAML_ALIAS_EVENT) {
			unsigned line, col;

			mark_pos(&l->ev.start_mark, &line, &col);
			err_set(l->err, ERR_DATA, line, col,
				"a mapping key must be plain text");
			err_hint(l->err, "use a simple key such as 'name:'");
			return ERR_DATA;
		}
		if ((error = load_node(l, &key)) < 0)
			return error;
		if ((error = next_event(l)) < 0 || (error = load_node(l, &val)) < 0)
			return error;
		doc_map_append(n, key, val);
	}
	l->depth--;
	if (n->kind == DOC_MAP)
		return check_duplicates(l, n);
	return 0;
}

static int load_node(struct loader *l, struct doc_node **out)
{
	yaml_event_t *ev = &l->ev;
	struct doc_node *n;
	unsigned flags = 0;
	size_t bad;
	int error;

	switch (ev->type) {
	case YAML_ALIAS_EVENT: {
		unsigned line, col;

		mark_pos(&ev->start_mark, &line, &col);
		err_set(l->err, ERR_DATA, line, col, "alias '*%s' is not allowed",
			(const char *)ev->data.alias.anchor);
		err_hint(l->err, "write the value out in full where it is used");
		return ERR_DATA;
	}
	case YAML_SCALAR_EVENT:
		count_comments(l, byte_at(l, ev->start_mark.index));
		if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
			flags = DOC_PLAIN;
		if ((error = check_props(l, ev->data.scalar.anchor, ev->data.scalar.tag,
					 DOC_SCALAR, &flags)) < 0)
			return error;
		/* only a double-quoted scalar can make one with an escape:
		 * the raw bytes of the others were checked with the file */
		if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
		    text_check((const char *)ev->data.scalar.value, ev->data.scalar.length, &bad)) {
			unsigned line, col;

			/* an escape such as "\0" or "\a" in a quoted scalar */
			mark_pos(&ev->start_mark, &line, &col);
			err_set(l->err, ERR_DATA, line, col,
				"this text holds a control character (an escape such as \\0 or \\a)");
			err_hint(l->err, "remove it; only tab and line breaks are allowed in text");
			return ERR_DATA;
		}
		n = doc_scalar(l->doc, (const char *)ev->data.scalar.value,
			       ev->data.scalar.length, flags);
		if (!n)
			return oom(l);
		mark_pos(&ev->start_mark, &n->line, &n->col);
		if (byte_at(l, ev->end_mark.index) > l->scan)
			l->scan = byte_at(l, ev->end_mark.index);
		*out = n;
		return 0;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		int seq = ev->type == YAML_SEQUENCE_START_EVENT;

		if ((error = check_props(l, seq ? ev->data.sequence_start.anchor
					     : ev->data.mapping_start.anchor,
					 seq ? ev->data.sequence_start.tag
					     : ev->data.mapping_start.tag,
					 seq ? DOC_SEQ : DOC_MAP, &flags)) < 0)
			return error;
		n = seq ? doc_seq(l->doc) : doc_map(l->doc);
		if (!n)
			return oom(l);
		n->flags = flags;
		mark_pos(&ev->start_mark, &n->line, &n->col);
		*out = n;
		return load_collection(l, n, seq ? YAML_SEQUENCE_END_EVENT
					      : YAML_MAPPING_END_EVENT);
	}
	default:
		return err_set(l->err, ERR_INTERNAL, 0, 0, "unexpected YAML event %d", ev->type);
	}
}

static int key_cmp(const void *a, const void *b)
{
	const struct doc_node *x = *(struct doc_node *const *)a;
	const struct doc_node *y = *(struct doc_node *const *)b;
	int xn = doc_is_null(x), yn = doc_is_null(y);
	size_t n = x->len < y->len ? x->len : y->len;
	int c;

	/* null keys ('~', 'null', nothing) are one key: they sort first,
	 * together, the way same_key() sees them */
	if (xn != yn)
		return xn ? -1 : 1;
	if (!xn) {
		c = memcmp(x->str, y->str, n);
		if (c)
			return c;
		if (x->len != y->len)
			return x->len < y->len ? -1 : 1;
	}
	/* equal keys: document order, so the later one is reported */
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static int same_key(const struct doc_node *a, const struct doc_node *b)
{
	/* '~', 'null' and nothing are one key: all are written back as '~' */
	if (doc_is_null(a) && doc_is_null(b))
		return 1;
	return a->len == b->len && !memcmp(a->str, b->str, a->len);
}

static int dup_error(struct loader *l, const struct doc_node *first,
		     const struct doc_node *again)
{
	err_set(l->err, ERR_DATA, again->line, again->col,
		"duplicate key '%s' (first at line %u)", again->str, first->line);
	err_hint(l->err, "keep one of the two");
	return ERR_DATA;
}

static int check_duplicates(struct loader *l, struct doc_node *map)
{
	struct doc_node *a, *b, **keys, *first = NULL, *again = NULL;
	size_t i, n = 0;

	if (map->n <= 16) {
		for (b = map->head; b; b = b->next)
			for (a = map->head; a != b; a = a->next)
				if (same_key(a->key, b->key))
					return dup_error(l, a->key, b->key);
		return 0;
	}
	/* Large maps: sort the keys instead of comparing every pair. */
	keys = malloc(map->n * sizeof(*keys));
	if (!keys)
		return oom(l);
	for (a = map->head; a; a = a->next)
		keys[n++] = a->key;
	qsort(keys, n, sizeof(*keys), key_cmp);
	for (i = 1; i < n; i++) {
		if (!same_key(keys[i - 1], keys[i]))
			continue;
		if (!again || keys[i]->line < again->line) {
			size_t j = i - 1;

			while (j > 0 && same_key(keys[j - 1], keys[i]))
				j--;
			first = keys[j];
			again = keys[i];
		}
	}
	free(keys);
	return again ? dup_error(l, first, again) : 0;
}

/* A byte no convene file may hold, reported at its line (libyaml's reader
 * errors say 1:1), or 0 when there is none. */
static int check_bytes(const char *data, size_t len, struct err *err)
{
	size_t bad;
	unsigned line, col;
	const char *why = text_check(data, len, &bad);

	if (!why)
		return 0;
	text_pos(data, bad, &line, &col);
	err_set(err, ERR_DATA, line, col, "%s", tr(why));
	err_hint(err, "save the file as UTF-8 text without control characters");
	return ERR_DATA;
}

int doc_load(struct doc **out, const char *data, size_t len, struct err *err)
{
	struct loader l;
	int error = 0, docs = 0;
	unsigned line, col;

	*out = NULL;
	if (len > DOC_MAX_BYTES) {
		err_set(err, ERR_DATA, 1, 1, "file is larger than the limit of 8 MiB (%u bytes)",
			DOC_MAX_BYTES);
		err_hint(err, "split it into smaller files");
		return ERR_DATA;
	}
	/* A byte order mark (Windows editors write one) is not content. */
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
		data += 3;
		len -= 3;
	}

	memset(&l, 0, sizeof(l));
	l.err = err;
	l.data = data;
	l.len = len;
	if (!(l.doc = doc_new()))
		return check_bytes(data, len, err) < 0 ? ERR_DATA : oom(&l);
	if (!yaml_parser_initialize(&l.parser)) {
		doc_free(l.doc);
		return check_bytes(data, len, err) < 0 ? ERR_DATA : oom(&l);
	}
	yaml_parser_set_input_string(&l.parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&l.parser, YAML_UTF8_ENCODING);

	for (;;) {
		if ((error = next_event(&l)) < 0)
			goto done;
		if (l.ev.type == YAML_STREAM_END_EVENT)
			break;
		if (l.ev.type == YAML_DOCUMENT_START_EVENT) {
			if (docs++) {
				mark_pos(&l.ev.start_mark, &line, &col);
				error = err_set(err, ERR_DATA, line, col,
						"more than one document in the file");
				err_hint(err, "keep one document: remove this '---' and what follows, or move it to a file of its own");
				goto done;
			}
			continue;
		}
		if (l.ev.type == YAML_DOCUMENT_END_EVENT || l.ev.type == YAML_STREAM_START_EVENT)
			continue;
		if ((error = load_node(&l, &l.doc->root)) < 0)
			goto done;
	}
	count_comments(&l, len);
	/* "---" or "~" alone is an empty document, the same as an empty file */
	if (l.doc->root && l.doc->root->kind == DOC_SCALAR && doc_is_null(l.doc->root))
		l.doc->root = NULL;
done:
	yaml_event_delete(&l.ev);
	yaml_parser_delete(&l.parser);
	/*
	 * A bad byte is the error to report, wherever it is, before any other.
	 * The bytes are checked only now: libyaml's reader refuses everything
	 * text_check refuses (the unit tests and fuzz_doc hold it to that), so
	 * a load that succeeded read good text, and a large file is not
	 * scanned twice.
	 */
	if (error < 0 && check_bytes(data, len, err) < 0)
		error = ERR_DATA;
	if (error < 0) {
		doc_free(l.doc);
		return error;
	}
	*out = l.doc;
	return 0;
}

/*
 * Numbers in one form that every reader reads alike (doc.h).  The digits
 * are moved, never computed with, so no precision is lost.
 */
int doc_number_canon(struct buf *out, const char *s, size_t len)
{
	char digits[64];
	size_t i = 0, n = 0, point, first, last;
	long exp = 0;
	int neg = 0, frac = 0, zero;

	if (len && (s[0] == '-' || s[0] == '+'))
		neg = s[i++] == '-';
	if (len - i > 1 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'o'))
		return -1;             /* hex, octal: 1.1 and 1.2 readers differ */
	if (i < len && s[i] == '.' && (len - i < 2 || s[i + 1] < '0' || s[i + 1] > '9'))
		return -1;             /* .inf, .nan */
	point = (size_t)-1;
	for (; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (n == sizeof(digits))
				return -1;
			digits[n++] = s[i];
		} else if (s[i] == '.' && point == (size_t)-1) {
			point = n;
			frac = 1;
		} else if (s[i] == 'e' || s[i] == 'E') {
			char *end;

			frac = 1;
			if (i + 1 >= len)
				return -1;
			exp = strtol(s + i + 1, &end, 10);
			if (end != s + len || exp > 30 || exp < -30)
				return -1;  /* too far from the point to write out */
			break;
		} else {
			return -1;
		}
	}
	if (!n)
		return -1;
	if (point == (size_t)-1)
		point = n;
	/* the point's place among the digits, after the exponent; zeros
	 * come in front when it moves left past them (1e-3) */
	if ((long)point + exp > (long)n + 30)
		return -1;
	if ((long)point + exp < 0) {
		size_t k = (size_t)(-((long)point + exp));

		if (n + k > sizeof(digits))
			return -1;
		memmove(digits + k, digits, n);
		memset(digits, '0', k);
		n += k;
		point += k;
	}
	point = (size_t)((long)point + exp);
	for (first = 0; first < point && first + 1 < n && digits[first] == '0'; first++)
		;
	last = n;
	while (last > point && digits[last - 1] == '0')
		last--;
	for (zero = 1, i = 0; i < n; i++)
		if (digits[i] != '0')
			zero = 0;
	if (neg && !zero)
		buf_addc(out, '-');
	if (point > n) {
		buf_add(out, digits + first, n - first);
		for (i = n; i < point; i++)
			buf_addc(out, '0');
	} else if (point == 0 || first >= point) {
		buf_addc(out, '0');
	} else {
		buf_add(out, digits + first, point - first);
	}
	if (!frac)
		return 0;
	buf_addc(out, '.');
	if (last <= point) {
		buf_addc(out, '0');
		return 0;
	}
	buf_add(out, digits + point, last - point);
	return 0;
}

/* ---- a quick look at a plain file (doc_scan_top) ---- */

/*
 * The length of one UTF-8 character at s that libyaml reads as a
 * printable character that is not a line break (its reader's rule, less
 * NEL, U+2028, U+2029 and the byte order mark), or 0.
 */
static size_t plain_char(const unsigned char *s, size_t left)
{
	unsigned c;
	size_t n, i;

	if (s[0] < 0x80)
		return s[0] >= 0x20 && s[0] < 0x7f;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, c = s[0] & 0x07;
	else
		return 0;
	if (n > left)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;  /* overlong, or beyond Unicode */
	if (c < 0xa0 || (c >= 0xd800 && c <= 0xdfff) || c == 0x2028 || c == 0x2029 ||
	    c == 0xfeff || c == 0xfffe || c == 0xffff)
		return 0;
	return n;
}

/* Whether s[0..len) is text libyaml reads as one plain scalar, the same
 * bytes, in block context on one line; a strict subset of YAML's rule. */
static int plain_text(const char *s, size_t len)
{
	static const char indicators[] = "-?:,[]{}#&*!|>'\"%@`";
	size_t i, k;

	if (!len || strchr(indicators, s[0]) || s[0] == ' ' || s[len - 1] == ' ' ||
	    s[len - 1] == ':')
		return 0;
	for (i = 0; i < len; i += k) {
		unsigned char c = (unsigned char)s[i];

		if (c == '#' || (c == ':' && i + 1 < len && s[i + 1] == ' '))
			return 0;
		if (c < 0x80) {  /* plain_char()'s rule for ASCII, without the call */
			if (c < 0x20 || c == 0x7f)
				return 0;
			k = 1;
		} else if (!(k = plain_char((const unsigned char *)s + i, len - i))) {
			return 0;
		}
	}
	return 1;
}

/* Whether plain text is YAML's null (doc_is_null() of the loaded node). */
static int null_text(const char *s, size_t len)
{
	return (len == 1 && s[0] == '~') ||
	       (len == 4 && (!memcmp(s, "null", 4) || !memcmp(s, "Null", 4) || !memcmp(s, "NULL", 4)));
}

int doc_scan_top(const char *data, size_t len, const char *const *keys, size_t n,
		 struct doc_span *vals)
{
	struct doc_span seen[32];  /* the keys so far: none twice */
	size_t nseen = 0, i, k, klen[16];
	const char *p = data, *end = data + len;

	for (i = 0; i < n; i++) {
		vals[i].s = NULL, vals[i].len = 0;
		if (i < sizeof(klen) / sizeof(*klen))
			klen[i] = strlen(keys[i]);
	}
	if (!len || len > DOC_MAX_BYTES || data[len - 1] != '\n')
		return 0;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p)), *key = p, *v;

		/* key: lower-case letters, digits and '_', from a letter */
		if (*p < 'a' || *p > 'z')
			return 0;
		while (p < eol && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			p++;
		/* (libyaml takes a plain key of up to 1024 characters) */
		if (p == eol || *p != ':' || p - key > 128 || nseen == sizeof(seen) / sizeof(*seen))
			return 0;
		for (k = 0; k < nseen; k++)
			if (seen[k].len == (size_t)(p - key) && !memcmp(seen[k].s, key, seen[k].len))
				return 0;  /* doc_load() says which */
		seen[nseen].s = key;
		seen[nseen++].len = (size_t)(p - key);
		v = NULL;
		if (++p < eol) {
			/* key: text */
			if (*p != ' ')
				return 0;
			while (p < eol && *p == ' ')
				p++;
			if (!plain_text(p, (size_t)(eol - p)))
				return 0;
			v = p;
		} else {
			/* key: and nothing, or a list of plain text */
			while (eol + 1 < end && eol[1] == '-') {
				const char *item = eol + 1;

				eol = memchr(item, '\n', (size_t)(end - item));
				if (eol - item < 3 || item[1] != ' ' || !plain_text(item + 2, (size_t)(eol - item - 2)))
					return 0;
			}
		}
		for (k = 0; k < n; k++)
			if ((k < sizeof(klen) / sizeof(*klen) ? klen[k] : strlen(keys[k])) == seen[nseen - 1].len &&
			    !memcmp(keys[k], key, seen[nseen - 1].len) && v && !null_text(v, (size_t)(eol - v))) {
				vals[k].s = v;
				vals[k].len = (size_t)(eol - v);
			}
		p = eol + 1;
	}
	return 1;
}

/* ---- a light load of some keys of a file in the block form (doc_load_kept) ---- */

/*
 * The form read: every line is "key: value", "key:" (its value on the
 * lines below: a mapping deeper, a list at its column or deeper, or
 * nothing), "- value" or "- key: value" (a mapping in a list), where a
 * key is lower-case letters, digits and '_' from a letter, and a value
 * is plain text (plain_text()), "[]", "{}", a quoted string on one line
 * (double quotes with no escape but \" and \\, single quotes with ''),
 * or, where nothing is kept, a literal or folded block ("|", "|-", "|+",
 * ">", ...) with no indentation indicator whose first line holds text.
 * No tags, anchors, aliases, comments, tabs, blank lines outside blocks,
 * CR, "---", a key twice in any mapping, nesting past half doc_load()'s
 * bound, or a character plain_char() refuses.  libyaml reads every file
 * of that form, and doc_load() loads it to the same nodes (line and
 * column too: what comes before a node on its line is ASCII).
 */

enum lite_mode {
	LITE_SKIP,   /* read, build nothing */
	LITE_ALL,    /* build all of it */
	LITE_ROOT,   /* the root: the keys of keep */
	LITE_ITEMS,  /* a list: of each mapping in it only the keys of item_keys */
	LITE_KEYS    /* a mapping: only the keys of item_keys */
};

struct lite {
	struct doc *doc;
	const char *p, *end;     /* p: the start of the current line */
	unsigned line;           /* its number, from 1 */
	unsigned depth;
	int nomem;
	const struct doc_keep *keep;
	size_t nkeep;
};

#define LITE_MAX_KEYS 64

static size_t lite_indent(const struct lite *l)
{
	const char *q = l->p;

	while (*q == ' ')
		q++;  /* every line ends in '\n' */
	return (size_t)(q - l->p);
}

static void lite_next_line(struct lite *l, const char *eol)
{
	l->p = eol + 1;
	l->line++;
}

/* The length of a key at q ("name" of "name: x" or "name:"), or 0. */
static size_t lite_key(const char *q, const char *eol)
{
	const char *k = q;

	if (*q < 'a' || *q > 'z')
		return 0;
	while (q < eol && ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '_'))
		q++;
	if (q == eol || *q != ':' || q - k > 128 || (q + 1 < eol && q[1] != ' '))
		return 0;
	return (size_t)(q - k);
}

static int lite_dash(const char *q)
{
	return q[0] == '-' && q[1] == ' ';
}

/* n, at its place at on the current line (no character before it on
 * the line is more than one byte). */
static struct doc_node *lite_node(struct lite *l, struct doc_node *n, const char *at)
{
	if (!n) {
		l->nomem = 1;
		return NULL;
	}
	n->line = l->line;
	n->col = (unsigned)(at - l->p) + 1;
	return n;
}

/* A quoted string at v, closed at eol - 1; into *out when out. */
static int lite_quoted(struct lite *l, const char *v, const char *eol, struct doc_node **out)
{
	const char q = *v, *s = v + 1, *last = eol - 1;
	char *text = NULL;
	size_t n = 0, k;

	if (last <= v || *last != q)
		return -1;
	if (out && !(text = malloc((size_t)(last - s) + 1))) {
		l->nomem = 1;
		return -1;
	}
	while (s < last) {
		if (*s == q) {
			/* '' in single quotes */
			if (q != '\'' || s + 1 >= last || s[1] != '\'')
				goto bad;
			s++;
			k = 1;
		} else if (*s == '\\' && q == '"') {
			if (s + 1 >= last || (s[1] != '"' && s[1] != '\\'))
				goto bad;
			s++;
			k = 1;
		} else if (!(k = plain_char((const unsigned char *)s, (size_t)(last - s)))) {
			goto bad;
		}
		if (text)
			memcpy(text + n, s, k);
		n += k;
		s += k;
	}
	if (out) {
		*out = lite_node(l, doc_scalar(l->doc, text, n, 0), v);
		free(text);
		return *out ? 0 : -1;
	}
	return 0;
bad:
	free(text);
	return -1;
}

/* The lines of a block whose header ends at eol, in a collection at
 * column col; they are read, not kept.  Leaves l at the line after. */
static int lite_block(struct lite *l, const char *eol, size_t col)
{
	size_t k, s;
	const char *q;

	lite_next_line(l, eol);
	if (l->p == l->end || (k = lite_indent(l)) <= col || l->p[k] == '\n')
		return -1;
	while (l->p < l->end) {
		s = lite_indent(l);
		eol = memchr(l->p, '\n', (size_t)(l->end - l->p));
		if (l->p[s] != '\n' && s < k)
			return 0;
		for (q = l->p + s; q < eol; q += s)
			if (!(s = *q == ' ' ? 1 : plain_char((const unsigned char *)q, (size_t)(eol - q))))
				return -1;
		lite_next_line(l, eol);
	}
	return 0;
}

static int lite_map(struct lite *l, size_t col, const char *first, enum lite_mode mode,
		    const char *const *keys, struct doc_node *map);
static int lite_seq(struct lite *l, size_t col, enum lite_mode mode, const char *const *keys,
		    struct doc_node *seq);

/* The value that starts at v on the current line (its end eol), in a
 * collection at column col; l is left at the line after it. */
static int lite_inline(struct lite *l, const char *v, const char *eol, size_t col, enum lite_mode mode,
		       struct doc_node **out)
{
	int build = mode != LITE_SKIP;

	*out = NULL;
	if (eol - v == 2 && (!memcmp(v, "[]", 2) || !memcmp(v, "{}", 2))) {
		if (build && !(*out = lite_node(l, v[0] == '[' ? doc_seq(l->doc) : doc_map(l->doc), v)))
			return -1;
	} else if (*v == '"' || *v == '\'') {
		if (lite_quoted(l, v, eol, build ? out : NULL) < 0)
			return -1;
	} else if (*v == '|' || *v == '>') {
		if (build || !(v + 1 == eol || (v + 2 == eol && (v[1] == '-' || v[1] == '+'))))
			return -1;
		return lite_block(l, eol, col);
	} else {
		if (!plain_text(v, (size_t)(eol - v)))
			return -1;
		if (build && !(*out = lite_node(l, doc_scalar(l->doc, v, (size_t)(eol - v), DOC_PLAIN), v)))
			return -1;
	}
	lite_next_line(l, eol);
	return 0;
}

/* The value of a key of a mapping at column col, whose ':' is at colon. */
static int lite_value(struct lite *l, size_t col, const char *colon, const char *eol, enum lite_mode mode,
		      const char *const *keys, struct doc_node **out)
{
	int build = mode != LITE_SKIP;
	unsigned line = l->line, after = (unsigned)(colon - l->p) + 2;
	const char *v = colon + 1;
	size_t ind;

	*out = NULL;
	if (v < eol) {
		while (*v == ' ')
			v++;
		return lite_inline(l, v, eol, col, mode == LITE_ITEMS || mode == LITE_KEYS ? LITE_ALL : mode, out);
	}
	lite_next_line(l, eol);
	ind = l->p < l->end ? lite_indent(l) : 0;
	if (l->p < l->end && ((ind == col && lite_dash(l->p + ind)) || ind > col)) {
		int seq = lite_dash(l->p + ind);

		if (++l->depth > DOC_MAX_DEPTH / 2)
			return -1;
		if (build && !(*out = lite_node(l, seq ? doc_seq(l->doc) : doc_map(l->doc), l->p + ind)))
			return -1;
		if (seq ? lite_seq(l, ind, mode == LITE_ITEMS ? LITE_KEYS : mode == LITE_SKIP ? LITE_SKIP : LITE_ALL,
				   keys, *out) < 0
			: lite_map(l, ind, l->p + ind, mode == LITE_SKIP ? LITE_SKIP : LITE_ALL, NULL, *out) < 0)
			return -1;
		l->depth--;
		return 0;
	}
	/* nothing: null, where libyaml puts it, after the ':' */
	if (build) {
		if (!(*out = doc_scalar(l->doc, "", 0, DOC_PLAIN))) {
			l->nomem = 1;
			return -1;
		}
		(*out)->line = line;
		(*out)->col = after;
	}
	return 0;
}

static int lite_map(struct lite *l, size_t col, const char *first, enum lite_mode mode,
		    const char *const *keys, struct doc_node *map)
{
	struct doc_span seen[LITE_MAX_KEYS];
	size_t nseen = 0, klen, i, ind;
	const char *q = first;

	for (;;) {
		const char *eol = memchr(q, '\n', (size_t)(l->end - q));
		enum lite_mode sub = mode == LITE_SKIP ? LITE_SKIP : LITE_ALL;
		const char *const *subkeys = NULL;
		struct doc_node *key = NULL, *val;
		unsigned line = l->line, kcol = (unsigned)(q - l->p) + 1;

		if (!(klen = lite_key(q, eol)) || nseen == LITE_MAX_KEYS)
			return -1;
		for (i = 0; i < nseen; i++)
			if (seen[i].len == klen && !memcmp(seen[i].s, q, klen))
				return -1;  /* doc_load() says which */
		seen[nseen].s = q;
		seen[nseen++].len = klen;
		if (mode == LITE_ROOT) {
			sub = LITE_SKIP;
			for (i = 0; i < l->nkeep; i++)
				if (strlen(l->keep[i].key) == klen && !memcmp(l->keep[i].key, q, klen)) {
					sub = l->keep[i].item_keys ? LITE_ITEMS : LITE_ALL;
					subkeys = l->keep[i].item_keys;
				}
		} else if (mode == LITE_KEYS) {
			sub = LITE_SKIP;
			for (i = 0; keys[i]; i++)
				if (strlen(keys[i]) == klen && !memcmp(keys[i], q, klen))
					sub = LITE_ALL;
		}
		if (sub != LITE_SKIP) {
			if (!(key = doc_scalar(l->doc, q, klen, DOC_PLAIN))) {
				l->nomem = 1;
				return -1;
			}
			key->line = line;
			key->col = kcol;
		}
		if (lite_value(l, col, q + klen, eol, sub, subkeys, &val) < 0)
			return -1;
		if (key)
			doc_map_append(map, key, val);
		if (l->p == l->end || (ind = lite_indent(l)) < col)
			return 0;
		if (ind > col)
			return -1;
		if (lite_dash(l->p + ind))
			return 0;  /* the list this mapping is in goes on, or the file is wrong */
		q = l->p + col;
	}
}

static int lite_seq(struct lite *l, size_t col, enum lite_mode mode, const char *const *keys,
		    struct doc_node *seq)
{
	size_t ind;

	for (;;) {
		const char *q = l->p + col + 2, *eol = memchr(q, '\n', (size_t)(l->end - q));
		struct doc_node *item = NULL;

		if (*q == ' ' || q == eol)
			return -1;
		if (lite_key(q, eol)) {
			/* "- key: ...": a mapping at the column of its first key */
			if (++l->depth > DOC_MAX_DEPTH / 2)
				return -1;
			if (mode != LITE_SKIP && !(item = lite_node(l, doc_map(l->doc), q)))
				return -1;
			if (lite_map(l, col + 2, q, mode == LITE_KEYS ? LITE_KEYS : mode, keys, item) < 0)
				return -1;
			l->depth--;
		} else if (lite_inline(l, q, eol, col, mode == LITE_SKIP ? LITE_SKIP : LITE_ALL, &item) < 0) {
			return -1;
		}
		if (item)
			doc_seq_append(seq, item);
		if (l->p == l->end || (ind = lite_indent(l)) < col)
			return 0;
		if (ind > col)
			return -1;
		if (!lite_dash(l->p + ind))
			return 0;  /* the mapping this list is in goes on, or the file is wrong */
	}
}

int doc_load_kept(struct doc **out, const char *data, size_t len, const struct doc_keep *keep, size_t nkeep)
{
	struct lite l;

	*out = NULL;
	if (!len || len > DOC_MAX_BYTES || data[len - 1] != '\n' || !lite_key(data, memchr(data, '\n', len)))
		return 0;
	memset(&l, 0, sizeof(l));
	if (!(l.doc = doc_new()))
		return ERR_NOMEM;
	l.p = data;
	l.end = data + len;
	l.line = 1;
	l.keep = keep;
	l.nkeep = nkeep;
	l.depth = 1;
	if (!(l.doc->root = doc_map(l.doc))) {
		doc_free(l.doc);
		return ERR_NOMEM;
	}
	l.doc->root->line = l.doc->root->col = 1;
	if (lite_map(&l, 0, data, LITE_ROOT, NULL, l.doc->root) < 0 || l.p != l.end) {
		doc_free(l.doc);
		return l.nomem ? ERR_NOMEM : 0;
	}
	*out = l.doc;
	return 1;
}
