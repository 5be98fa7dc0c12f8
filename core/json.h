/*
 * JSON output for --json: strings stay readable UTF-8 (Hebrew is written
 * as Hebrew, never \u05D0); only what JSON requires is escaped.
 */
#ifndef CONVENE_JSON_H
#define CONVENE_JSON_H

#include "buf.h"
#include "doc.h"

/* Appends s as a JSON string (with quotes). */
void json_str(struct buf *out, const char *s, size_t len);
/* Appends a tree as JSON: strings, null, true/false and numbers as typed.
 * A !conflict node is written as {"!conflict": {...}}. */
void json_node(struct buf *out, const struct doc_node *node);

/*
 * A JSON value written field by field: the writer puts the commas, the
 * keys and the closing brackets, so no caller spells them.  Keys are NULL
 * for an array's elements and for the outermost value.  jw_lines() opens
 * an array whose elements go one per line (the layout of every --json
 * list: "[\n {...},\n {...}\n]"), jw_array() one on a single line.
 */
#define JSON_DEPTH 16
struct json_w {
	struct buf *out;
	unsigned depth;
	/* lines[d]: the indent of level d's elements, 0 when on one line */
	unsigned char items[JSON_DEPTH], lines[JSON_DEPTH], close[JSON_DEPTH];
};
void jw_init(struct json_w *w, struct buf *out);
void jw_object(struct json_w *w, const char *key);
void jw_array(struct json_w *w, const char *key);
void jw_lines(struct json_w *w, const char *key);
/* jw_lines() with each element indented by indent spaces (at least one)
 * whatever the depth: interview summary's questions sit one space in,
 * as a list at the top does, though they are inside an object. */
void jw_lines_at(struct json_w *w, const char *key, unsigned indent);
void jw_end(struct json_w *w);
/* A string; NULL is null. */
void jw_str(struct json_w *w, const char *key, const char *s);
void jw_strn(struct json_w *w, const char *key, const char *s, size_t len);
/* A string, or null when s is NULL or empty. */
void jw_opt(struct json_w *w, const char *key, const char *s);
void jw_int(struct json_w *w, const char *key, long long v);
void jw_uint(struct json_w *w, const char *key, unsigned long long v);
void jw_bool(struct json_w *w, const char *key, int v);
void jw_null(struct json_w *w, const char *key);
/* A tree, as json_node() writes it. */
void jw_node(struct json_w *w, const char *key, const struct doc_node *node);
/* Starts a value (the comma, the line, the key) for a caller that writes
 * the value itself; returns the buffer to write it to. */
struct buf *jw_key(struct json_w *w, const char *key);

#endif
