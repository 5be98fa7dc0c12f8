/*
 * The YAML document tree: load a file into mappings, sequences and scalars
 * that remember their line:column, and emit the canonical form of
 * DESIGN §2.  Pure C over libyaml.
 *
 * Ownership: a struct doc owns every node, key and string in it (one arena);
 * doc_free() releases all of them.  Nodes handed out by the functions below
 * live as long as their doc.
 */
#ifndef CONVENE_DOC_H
#define CONVENE_DOC_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

/* Bounds that keep a hostile file from costing more than it should. */
#define DOC_MAX_BYTES (8u * 1024 * 1024)
#define DOC_MAX_DEPTH 64

enum doc_kind { DOC_SCALAR, DOC_MAP, DOC_SEQ };

/* What a scalar means (YAML 1.2 core schema; quoted scalars are strings). */
enum doc_type { DOC_STR, DOC_NULL, DOC_BOOL, DOC_INT, DOC_FLOAT };

/* node->flags */
#define DOC_PLAIN    0x1 /* scalar: written plain, type from its text */
#define DOC_CONFLICT 0x2 /* tagged !conflict (DESIGN §4) */
#define DOC_SECRET   0x4 /* scalar tagged !secret: an armored age file (DESIGN §7) */

struct doc_node {
	enum doc_kind kind;
	unsigned flags;
	unsigned line, col;       /* 1-based; 0 for nodes made in memory */
	/* scalar */
	char *str;                /* NUL-terminated, may hold no NUL inside */
	size_t len;
	/* map and seq: children in order; in a map each child has a key */
	struct doc_node *head, *tail;
	size_t n;
	struct doc_node *key;     /* set on the values of a mapping */
	struct doc_node *next;
	struct doc_node *parent;
};

struct doc_arena;

struct doc {
	struct doc_node *root;    /* NULL for an empty file */
	struct doc_arena *arena;
	unsigned comments;        /* how many '#' comments the file held */
	unsigned comment_line, comment_col; /* the first of them */
	int secret;               /* it held plain text of a confidential value:
				   * doc_free() wipes the whole arena first */
};

/*
 * Parses `len` bytes of `data` into *out.  On error returns a negative code,
 * sets err (position and message) and leaves *out NULL.  The caller owns
 * *out and releases it with doc_free().
 */
int doc_load(struct doc **out, const char *data, size_t len, struct err *err);

/*
 * A quick look at a file that is one mapping of plain text, as convene
 * writes a member file: the values of the top-level keys keys[0..n-1],
 * without a tree.  Returns 1 when every line is `key: text` or `key:`
 * followed by `- text` lines (plain text on one line: no quotes, tags,
 * comments, tabs or line breaks other than LF, no key twice) — a form
 * doc_load() reads the same way — with vals[i] the text of keys[i] (not
 * NUL-terminated, into data), or .s NULL where dom_text() of the loaded
 * tree gives NULL (absent, null, a list).  Returns 0 for any other
 * file: load it with doc_load(), which says what the file holds.
 */
struct doc_span {
	const char *s;
	size_t len;
};
int doc_scan_top(const char *data, size_t len, const char *const *keys, size_t n,
		 struct doc_span *vals);

/*
 * A light load of a file in the block form convene writes, for a reader
 * that wants a few top-level keys of it: keep[0..nkeep-1] name them, each
 * with its whole value, or, with item_keys (NULL-terminated), when the
 * value is a list, only those keys of each mapping in it.  Returns 1 and
 * sets *out to a tree of the root mapping with those keys, nodes the same
 * as doc_load() makes of the file (text, flags, line and column), when
 * the whole file is in the form doc.c describes (a subset of YAML that
 * libyaml and doc_load() read without an error: no tag, so no !conflict;
 * no anchor, comment, tab, escape but \" and \\, key twice in any
 * mapping ...), the rest of it read to check that but not built.
 * Returns 0 for any other file (load it with doc_load(), which says what
 * it holds) and ERR_NOMEM when memory ran out.  doc->comments is 0.
 */
struct doc_keep {
	const char *key;
	const char *const *item_keys;
};
int doc_load_kept(struct doc **out, const char *data, size_t len, const struct doc_keep *keep,
		  size_t nkeep);

/* An empty document, for building a tree in memory. */
struct doc *doc_new(void);
void doc_free(struct doc *doc);

/* Appends the canonical YAML of doc to out.  Returns 0 or -1 (no memory). */
int doc_emit(struct buf *out, const struct doc *doc);
/* Same for one subtree, as a document of its own. */
int doc_emit_node(struct buf *out, const struct doc_node *node);

/* Node constructors: the node belongs to doc and is not yet linked. */
struct doc_node *doc_scalar(struct doc *doc, const char *s, size_t len, unsigned flags);
struct doc_node *doc_map(struct doc *doc);
struct doc_node *doc_seq(struct doc *doc);
/* A deep copy of node (from any doc) into doc. */
struct doc_node *doc_copy(struct doc *doc, const struct doc_node *node);
/*
 * A node of doc that stands for node (from any doc) without copying it:
 * it can be linked anywhere, but its text and its children stay node's.
 * For reading and emitting only (an edit below it would edit node), and
 * only while node's doc lives.
 */
struct doc_node *doc_share(struct doc *doc, const struct doc_node *node);

/* Appends child to a sequence, or the pair key: value to a map. */
void doc_seq_append(struct doc_node *seq, struct doc_node *child);
void doc_map_append(struct doc_node *map, struct doc_node *key, struct doc_node *value);
/* Inserts child into a sequence after `after` (NULL: first). */
void doc_seq_insert(struct doc_node *seq, struct doc_node *after, struct doc_node *child);
/* Inserts key: value after `after` (NULL: first). */
void doc_map_insert(struct doc_node *map, struct doc_node *after,
		    struct doc_node *key, struct doc_node *value);
/* Puts `with` where `old` is, keeping old's key. */
void doc_replace(struct doc_node *old, struct doc_node *with);
/* Unlinks node from its parent. */
void doc_remove(struct doc_node *node);

/* The value under `key` in a map, or NULL. */
struct doc_node *doc_get(const struct doc_node *map, const char *key);
/* The item of a sequence of mappings whose `id` is `id`, or NULL. */
struct doc_node *doc_find_id(const struct doc_node *seq, const char *id);

/* The type of a scalar. */
enum doc_type doc_scalar_type(const struct doc_node *node);
/* 1 when node is a scalar holding a string (not null, bool or number). */
int doc_is_str(const struct doc_node *node);
/* 1 when node is absent or a null scalar. */
int doc_is_null(const struct doc_node *node);

/* A boolean's value: 1 true, 0 false (YAML 1.2 core: true, True, TRUE and
 * the same of false), -1 when node is not a boolean. */
int doc_bool(const struct doc_node *node);

/* Whether two subtrees hold the same data (types, values, order). */
int doc_equal(const struct doc_node *a, const struct doc_node *b);

/*
 * Whether a string would be read back as something else (a boolean, a
 * number, null, ...) by a YAML 1.1 or 1.2 reader if written plain.
 */
int doc_str_needs_quotes(const char *s, size_t len);

/* Whether a string looks like a YAML 1.1 timestamp (2026-02-01, or a date
 * and a time): such readers take it for a date unless it is quoted. */
int doc_str_is_date(const char *s, size_t len);

/*
 * Appends a YAML number in the one form every reader reads alike: decimal,
 * '-' only, no leading zeros, a float with a '.' and digits on both sides
 * and no exponent (007 -> 7, +1 -> 1, .5 -> 0.5, 1. -> 1.0, 1e3 -> 1000.0,
 * 1.50 -> 1.5).  -1 (nothing appended) for what has no such form: hex and
 * octal (0x1F, 0o17), .inf and .nan, exponents beyond 30.
 */
int doc_number_canon(struct buf *out, const char *s, size_t len);

#endif
