/*
 * The canonical emitter (DESIGN §2): a tree to the bytes convene writes.
 *
 * Block style, 2-space indent, a list inside a mapping at its key's
 * column, multi-line text as a literal block, Hebrew and emoji as UTF-8
 * text.  A scalar is written plain when every YAML reader (1.1 and 1.2)
 * reads it back as the same value; otherwise single-quoted when that can
 * hold it, else double-quoted with escapes.  Keys are always text.  The
 * same tree always gives the same bytes.
 *
 * Written here rather than through libyaml's emitter, which escapes what
 * lies outside the BMP ("\U0001F389" for an emoji), keeps U+2028 inside
 * single quotes (which YAML 1.2 readers fold into spaces), and cannot be
 * told that a text which looks like a date must be quoted.
 */
#include <string.h>

#include "doc.h"
#include "text.h"

/* A character that forces double quotes with an escape: controls, the
 * line and paragraph separators, NEL, the byte order mark. */
static int special_at(const unsigned char *p, size_t left, size_t *width)
{
	*width = 1;
	if (p[0] < 0x20)
		return p[0] != '\n';   /* tab, CR and the rest */
	if (p[0] == 0x7f)
		return 1;
	if (p[0] < 0x80)
		return 0;
	*width = (p[0] & 0xe0) == 0xc0 ? 2 : (p[0] & 0xf0) == 0xe0 ? 3 : 4;
	if (*width > left)
		*width = left;
	if (p[0] == 0xc2 && left > 1 && p[1] < 0xa0)
		return 1;              /* C1 controls, NEL among them */
	if (p[0] == 0xe2 && left > 2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
		return 1;              /* U+2028, U+2029 */
	if (p[0] == 0xef && left > 2 && p[1] == 0xbb && p[2] == 0xbf)
		return 1;              /* U+FEFF */
	return 0;
}

static int blank_or_end(const char *s, size_t len, size_t i)
{
	return i >= len || s[i] == ' ' || s[i] == '\t' || s[i] == '\n';
}

/* What the text holds, as far as the choice of a style goes. */
struct look {
	int special;       /* a character only double quotes can hold */
	int breaks;        /* line breaks */
	int indicators;    /* syntax that keeps it from being plain */
	int space_break;   /* a line that ends in a space */
	int break_space;   /* a line that starts with a space, after the first */
	int edge_space;    /* starts or ends with a space */
	int trailing_space;
};

static void look_at(struct look *k, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, w;

	memset(k, 0, sizeof(*k));
	if (len >= 3 && (!memcmp(s, "---", 3) || !memcmp(s, "...", 3)))
		k->indicators = 1;
	if (len && strchr("#,[]{}&*!|>'\"%@`", s[0]))
		k->indicators = 1;
	if (len && strchr("?:-", s[0]) && blank_or_end(s, len, 1))
		k->indicators = 1;
	if (len && (s[0] == ' ' || s[len - 1] == ' '))
		k->edge_space = 1;
	if (len && (s[0] == '\n' || s[len - 1] == '\n'))
		k->edge_space |= 2;    /* breaks at the ends: not plain either */
	if (len && s[len - 1] == ' ')
		k->trailing_space = 1;
	for (i = 0; i < len; i += w) {
		if (special_at(p + i, len - i, &w)) {
			k->special = 1;
			continue;
		}
		if (s[i] == '\n') {
			k->breaks = 1;
			if (i && s[i - 1] == ' ')
				k->space_break = 1;
			if (i + 1 < len && s[i + 1] == ' ')
				k->break_space = 1;
		} else if (i && s[i] == ':' && blank_or_end(s, len, i + 1)) {
			k->indicators = 1;
		} else if (i && s[i] == '#' && (s[i - 1] == ' ' || s[i - 1] == '\n')) {
			k->indicators = 1;
		}
	}
}

enum style { PLAIN, SINGLE, DOUBLE, LITERAL };

/*
 * The style of a text: quoted when a reader would take it for something
 * else (a number, a boolean, null, a date), literal when it has lines
 * and a block can hold them exactly, plain when the syntax allows.
 */
static enum style text_style(const struct doc_node *n, const char *s, size_t len, int is_key)
{
	struct look k;

	look_at(&k, s, len);
	if (!is_key && k.breaks && !k.special && !k.space_break && !k.trailing_space)
		return LITERAL;
	if (k.special || k.breaks)
		return DOUBLE;
	if (doc_str_needs_quotes(s, len)) {
		/* a date written plain stays a date (date fields); typed as
		 * text, it is text */
		if (n && (n->flags & DOC_PLAIN) && !is_key && doc_str_is_date(s, len) &&
		    !k.indicators && !k.edge_space)
			return PLAIN;
		return DOUBLE;
	}
	if (k.indicators || k.edge_space)
		return SINGLE;
	return PLAIN;
}

static void put_indent(struct buf *out, unsigned indent)
{
	while (indent--)
		buf_addc(out, ' ');
}

static void put_single(struct buf *out, const char *s, size_t len)
{
	size_t i;

	buf_addc(out, '\'');
	for (i = 0; i < len; i++) {
		if (s[i] == '\'')
			buf_addc(out, '\'');
		buf_addc(out, s[i]);
	}
	buf_addc(out, '\'');
}

static void put_double(struct buf *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, w;

	buf_addc(out, '"');
	for (i = 0; i < len; i += w) {
		unsigned cp;

		if (!special_at(p + i, len - i, &w) && p[i] != '\n' && p[i] != '"' && p[i] != '\\') {
			buf_add(out, s + i, w);
			continue;
		}
		switch (p[i]) {
		case '\n': buf_adds(out, "\\n"); continue;
		case '\t': buf_adds(out, "\\t"); continue;
		case '\r': buf_adds(out, "\\r"); continue;
		case '"': buf_adds(out, "\\\""); continue;
		case '\\': buf_adds(out, "\\\\"); continue;
		case 0: buf_adds(out, "\\0"); continue;
		case 0x1b: buf_adds(out, "\\e"); continue;
		}
		if (w == 1) {
			buf_addf(out, "\\x%02X", p[i]);
			continue;
		}
		cp = w == 2 ? ((p[i] & 0x1fu) << 6) | (p[i + 1] & 0x3fu)
			    : ((p[i] & 0x0fu) << 12) | ((p[i + 1] & 0x3fu) << 6) | (p[i + 2] & 0x3fu);
		if (cp == 0x85)
			buf_adds(out, "\\N");
		else if (cp == 0x2028)
			buf_adds(out, "\\L");
		else if (cp == 0x2029)
			buf_adds(out, "\\P");
		else if (cp <= 0xff)
			buf_addf(out, "\\x%02X", cp);
		else
			buf_addf(out, "\\u%04X", cp);
	}
	buf_addc(out, '"');
}

/* A literal block: its header (an indentation indicator when the first
 * line starts with a space, the chomping the ending needs), then each
 * line at indent; empty lines stay empty. */
static void put_literal(struct buf *out, const char *s, size_t len, unsigned indent)
{
	size_t i = 0, j;

	buf_addc(out, '|');
	if (len && (s[0] == ' ' || s[0] == '\n'))
		buf_addc(out, '2');
	if (!len || s[len - 1] != '\n')
		buf_addc(out, '-');
	else if (len == 1 || s[len - 2] == '\n')
		buf_addc(out, '+');
	buf_addc(out, '\n');
	while (i < len) {
		for (j = i; j < len && s[j] != '\n'; j++)
			;
		if (j > i) {
			put_indent(out, indent);
			buf_add(out, s + i, j - i);
		}
		buf_addc(out, '\n');
		i = j + 1;
	}
}

/*
 * Writes a scalar where the cursor is (after "key: " or "- ").  A literal
 * block ends with its own line break; anything else leaves the line open.
 * Returns 1 when the line was ended.
 */
static int put_scalar(struct buf *out, const struct doc_node *n, unsigned indent, int is_key)
{
	enum doc_type t = doc_scalar_type(n);
	const char *s = n->str;
	size_t len = n->len, bad;

	if (is_key && t != DOC_STR)
		t = DOC_STR;           /* a key is text: 007, true and ~ alike */
	switch (t) {
	case DOC_NULL:
		return 0;              /* one spelling of null: nothing */
	case DOC_BOOL:
	case DOC_INT:
	case DOC_FLOAT:
		/* as spelled: a merge must not change what it does not merge;
		 * schema_normalize() puts the number fields in one form */
		buf_add(out, s, len);
		return 0;
	default:
		break;
	}
	if (text_check(s, len, &bad)) {
		out->failed = 1;       /* not text: nothing a reader could read */
		return 0;
	}
	switch (text_style(n, s, len, is_key)) {
	case PLAIN:
		buf_add(out, s, len);
		return 0;
	case SINGLE:
		put_single(out, s, len);
		return 0;
	case DOUBLE:
		put_double(out, s, len);
		return 0;
	case LITERAL:
		put_literal(out, s, len, indent);
		return 1;
	}
	return 0;
}

static int is_empty_collection(const struct doc_node *n)
{
	return n->kind != DOC_SCALAR && !n->head;
}

static void put_node(struct buf *out, const struct doc_node *n, unsigned indent);

/* The rest of a line after "key:" or "-", then the value's lines.  in_seq:
 * after "-" (1), or after an explicit key's ":" (2). */
static void put_value(struct buf *out, const struct doc_node *v, unsigned indent, int in_seq)
{
	int tag = (v->flags & (DOC_CONFLICT | DOC_SECRET)) != 0;

	if (v->flags & DOC_CONFLICT)
		buf_adds(out, " !conflict");
	else if (v->kind == DOC_SCALAR && (v->flags & DOC_SECRET))
		buf_adds(out, " !secret");
	if (v->kind == DOC_SCALAR) {
		if (doc_scalar_type(v) == DOC_NULL && !tag) {
			buf_addc(out, '\n');
			return;
		}
		buf_addc(out, ' ');
		if (!put_scalar(out, v, indent + 2, 0))
			buf_addc(out, '\n');
		return;
	}
	if (is_empty_collection(v)) {
		buf_adds(out, v->kind == DOC_MAP ? " {}\n" : " []\n");
		return;
	}
	if (in_seq == 1 && !tag) {
		/* "- key: value" and "- - item": the first on this line */
		buf_addc(out, ' ');
		put_node(out, v, indent + 2);
		return;
	}
	buf_addc(out, '\n');
	/* a list under a key sits at the key's column, a mapping below it */
	put_indent(out, v->kind == DOC_SEQ && !in_seq ? indent : indent + 2);
	put_node(out, v, v->kind == DOC_SEQ && !in_seq ? indent : indent + 2);
}

/* Writes a collection whose first line's indentation is already out. */
static void put_node(struct buf *out, const struct doc_node *n, unsigned indent)
{
	const struct doc_node *c;

	for (c = n->head; c; c = c->next) {
		if (c != n->head)
			put_indent(out, indent);
		if (n->kind == DOC_SEQ) {
			buf_addc(out, '-');
			put_value(out, c, indent, 1);
			continue;
		}
		if (c->key->len > 128) {
			/* an implicit key may be 1024 characters at most: a long
			 * one is written as an explicit "? key", as libyaml did */
			buf_adds(out, "? ");
			put_scalar(out, c->key, indent + 2, 1);
			buf_addc(out, '\n');
			put_indent(out, indent);
			buf_addc(out, ':');
			put_value(out, c, indent, 2);
			continue;
		}
		put_scalar(out, c->key, indent, 1);
		buf_addc(out, ':');
		put_value(out, c, indent, 0);
	}
}

int doc_emit_node(struct buf *out, const struct doc_node *node)
{
	/* nothing, or null alone: an empty document, written as nothing */
	if (!node || (node->kind == DOC_SCALAR && doc_is_null(node)))
		return buf_failed(out) ? -1 : 0;
	if (node->kind == DOC_SCALAR) {
		if (node->flags & DOC_SECRET)
			buf_adds(out, "!secret ");
		if (!put_scalar(out, node, 2, 0))
			buf_addc(out, '\n');
		return buf_failed(out) ? -1 : 0;
	}
	if (node->flags & DOC_CONFLICT) {
		buf_adds(out, "!conflict");
		if (is_empty_collection(node)) {
			buf_adds(out, node->kind == DOC_MAP ? " {}\n" : " []\n");
			return buf_failed(out) ? -1 : 0;
		}
		buf_addc(out, '\n');
	} else if (is_empty_collection(node)) {
		buf_adds(out, node->kind == DOC_MAP ? "{}\n" : "[]\n");
		return buf_failed(out) ? -1 : 0;
	}
	put_node(out, node, 0);
	return buf_failed(out) ? -1 : 0;
}

int doc_emit(struct buf *out, const struct doc *doc)
{
	return doc_emit_node(out, doc->root);
}
