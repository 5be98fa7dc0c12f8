/* Markdown to a standalone HTML page: see page.h. */
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"

void page_escape(struct buf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		default: buf_addc(out, *s);
		}
	}
}

int page_markdown(struct buf *out, const char *md, size_t len)
{
	/* CMARK_OPT_DEFAULT is safe since cmark 0.29: CMARK_OPT_UNSAFE is
	 * what would let raw HTML and javascript: links through */
	char *html = cmark_markdown_to_html(md, len, CMARK_OPT_DEFAULT);

	if (!html) {
		out->failed = 1;
		return -1;
	}
	buf_adds(out, html);
	free(html);
	return buf_failed(out) ? -1 : 0;
}

/* Readable on a screen, one A4 page per typical agenda on paper.  No
 * font or image is fetched: the families are the reader's own. */
static const char style[] =
	"body{font-family:\"Noto Sans\",\"Noto Sans Hebrew\",\"DejaVu Sans\",Arial,sans-serif;"
	"line-height:1.45;color:#1b1b1b;background:#fff;max-width:46rem;margin:2rem auto;"
	"padding:0 1rem}\n"
	"p,li,h1,h2,h3,h4,h5,h6,td,th,blockquote,dt,dd{unicode-bidi:plaintext}\n"
	"h1{font-size:1.55rem;margin:0 0 .3rem}\n"
	"h2{font-size:1.15rem;margin:1.3rem 0 .4rem;padding-bottom:.15rem;"
	"border-bottom:1px solid #bbb}\n"
	"h3{font-size:1rem;margin:1rem 0 .3rem}\n"
	"ul,ol{padding-inline-start:1.5rem;margin:.3rem 0}\n"
	"li{margin:.15rem 0}\n"
	"p{margin:.35rem 0}\n"
	"a{color:#0b57a4}\n"
	"hr{border:0;border-top:1px solid #bbb;margin:1.2rem 0}\n"
	"blockquote{margin:.3rem 0;padding:0 .7rem;border-inline-start:3px solid #bbb;color:#333}\n"
	"@page{size:A4;margin:16mm 15mm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}"
	"a{color:inherit}h1,h2,h3{break-after:avoid}li{break-inside:avoid}}\n";

int page_html(struct buf *out, const char *lang, const char *title, const char *body)
{
	int rtl = lang && !strcmp(lang, "he");

	buf_addf(out, "<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\">\n<head>\n"
		 "<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		 "<title>", rtl ? "he" : "en", rtl ? "rtl" : "ltr");
	page_escape(out, title);
	buf_adds(out, "</title>\n<style>\n");
	buf_adds(out, style);
	buf_adds(out, "</style>\n</head>\n<body>\n");
	buf_adds(out, body);
	buf_adds(out, "</body>\n</html>\n");
	return buf_failed(out) ? -1 : 0;
}

int page_from_markdown(struct buf *out, const char *lang, const char *title, const char *md,
		       size_t len)
{
	struct buf body = BUF_INIT;
	int rc;

	if ((rc = page_markdown(&body, md, len)) == 0)
		rc = page_html(out, lang, title, buf_str(&body));
	buf_release(&body);
	return rc;
}
