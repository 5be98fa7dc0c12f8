/*
 * Building and changing an initiative's trees: new ids, putting values in
 * schema order, appending list items.  What every edit command shares,
 * kept here so tests can reach it.
 */
#ifndef CONVENE_DOMAIN_H
#define CONVENE_DOMAIN_H

#include "buf.h"
#include "doc.h"
#include "err.h"
#include "path.h"
#include "schema.h"

/* 8 random hex digits from getrandom(2): two sites never pick the same
 * (DESIGN §2); never digits alone or a number like 1e345678, so the id
 * needs no quotes.  out holds at least 9 bytes.  Returns 0 or -1. */
int dom_random_id(char *out);

/*
 * An id for a member named `name`: its ASCII slug ("dana-levi"), or for a
 * name with none (Hebrew) "m-" and 4 random hex digits.  taken(ctx, id)
 * says whether an id is in use; a number is added until it is not.
 */
int dom_member_id(char *out, size_t size, const char *name,
		  int (*taken)(void *ctx, const char *id), void *ctx);

/* An id for a list item or an outcome named `text`: its slug, at most 31
 * bytes, or for text with none (Hebrew) prefix, '-' and 4 random hex
 * digits.  Returns 0, or -1 when no random digits could be drawn. */
int dom_item_id(char *out, size_t size, const char *text, const char *prefix);

/* A string scalar, and a scalar typed as YAML would read it. */
struct doc_node *dom_str(struct doc *doc, const char *s);
struct doc_node *dom_plain(struct doc *doc, const char *s);

/*
 * Sets key in map to value: replaces the old value, or inserts the key
 * where the schema puts it.  keys[0..n) is map's path from the root of a
 * file of the given kind (list segments by their key).  Returns 0 or -1.
 */
int dom_put(struct doc *doc, enum schema_kind kind, const char *const *keys, size_t n,
	    struct doc_node *map, const char *key, struct doc_node *value);

/* The sequence under key in map, made empty where the schema puts it if
 * missing; NULL if key holds something else or memory ran out. */
struct doc_node *dom_seq(struct doc *doc, enum schema_kind kind, const char *const *keys,
			 size_t n, struct doc_node *map, const char *key);

/*
 * The value v typed for the field at p, as `set` takes it: as YAML when
 * yaml is set (a list or a mapping), else as text for a text field and as
 * YAML would read it for the others (numbers, booleans...).  A node of
 * doc, or NULL with err set (ERR_USAGE: not UTF-8 text, not YAML).
 */
struct doc_node *dom_value(struct doc *doc, const struct path *p, const struct buf *v,
			   int yaml, struct err *err);

/* Makes the missing mappings on the way to p's field, as `mkdir -p` does.
 * A missing list item is left for path_resolve to name.  0 or ERR_NOMEM. */
int dom_make_parents(struct doc *doc, const struct path *p, struct err *err);

/* The text of a scalar field, or NULL when absent, null or not a scalar. */
const char *dom_text(const struct doc_node *map, const char *key);

/* Whether map's key holds true, as YAML 1.2's core schema reads it (true,
 * True, TRUE); false, absent, null or text ("yes", "true" in quotes) are
 * not true.  The one reader of every flag (confidential, can_host). */
int dom_flag(const struct doc_node *map, const char *key);

/*
 * Calls fn for every !conflict node of a tree, in document order, with its
 * field path inside the file ("vision", "agenda[x].notes[1a2b3c4d]"; ""
 * for the whole file).  Items of lists are named by their id; an item
 * without one by its parent's path.
 */
void dom_conflicts(const struct doc_node *root,
		   void (*fn)(void *ctx, const char *path, const struct doc_node *c), void *ctx);

/* Whether n (NULL: no) is a !conflict or holds one at any depth. */
int dom_has_conflict(const struct doc_node *n);
/* How many !conflict values n (NULL: none) is or holds at any depth (one
 * inside another counts once), as dom_conflicts() finds them but without
 * making their paths: for a count. */
unsigned dom_count_conflicts(const struct doc_node *n);

/*
 * A value in one line, as conflicts lists a side: its lines joined by
 * " / ", cut after 60 characters with "...".  "(deleted)" for no value
 * (v NULL), "(none)" for null; a list or a mapping as YAML.
 */
void dom_preview(struct buf *b, const struct doc_node *v);

#endif
