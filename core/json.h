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

#endif
