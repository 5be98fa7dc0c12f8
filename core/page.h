/*
 * A standalone HTML page: the outputs that are documents (agenda, minutes,
 * the report's pages) are written as Markdown and turned into HTML here,
 * through libcmark in its safe mode (raw HTML is dropped, javascript:
 * links lose their target), then wrapped in a page that needs nothing
 * from outside: inline CSS with a print stylesheet for A4, no script.
 * Hebrew pages are right to left; every block has unicode-bidi:
 * plaintext, so a line in the other script reads right.
 *
 * Every function appends to a buffer the caller owns; an allocation
 * failure is left in it (buf_failed) and returned as -1.
 */
#ifndef CONVENE_PAGE_H
#define CONVENE_PAGE_H

#include <stddef.h>

#include "buf.h"

/* Appends s with & < > " ' as character references, for text or an
 * attribute value. */
void page_escape(struct buf *out, const char *s);

/* Appends the HTML of CommonMark text md[0..len) (libcmark, safe). */
int page_markdown(struct buf *out, const char *md, size_t len);

/* Appends a whole page: lang ("he": dir="rtl", else ltr), title (plain
 * text, escaped here), body (HTML, put in as it is). */
int page_html(struct buf *out, const char *lang, const char *title, const char *body);

/* page_markdown() into page_html(): the usual way a document is made. */
int page_from_markdown(struct buf *out, const char *lang, const char *title, const char *md,
		       size_t len);

#endif
