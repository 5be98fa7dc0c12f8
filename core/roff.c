/*
 * roff for man pages: escaping, paragraphs, the text files of the pages.
 */
#include <stdlib.h>
#include <string.h>

#include "roff.h"

void roff_escape(struct buf *out, const char *s, size_t len, int at_start)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (at_start && (s[i] == '.' || s[i] == '\''))
			buf_adds(out, "\\&");
		at_start = 0;
		switch (s[i]) {
		case '\\': buf_adds(out, "\\e"); break;
		case '-': buf_adds(out, "\\-"); break;
		case '\n': buf_addc(out, ' '); break;
		default: buf_addc(out, s[i]);
		}
	}
}

void roff_bold(struct buf *out, const char *s)
{
	buf_adds(out, "\\fB");
	roff_escape(out, s, strlen(s), 0);
	buf_adds(out, "\\fR");
}

void roff_italic(struct buf *out, const char *s)
{
	buf_adds(out, "\\fI");
	roff_escape(out, s, strlen(s), 0);
	buf_adds(out, "\\fR");
}

static int blank(const char *p, const char *end)
{
	for (; p < end; p++)
		if (*p != ' ' && *p != '\t')
			return 0;
	return 1;
}

/* One paragraph, lines [p, end), with no blank line in it. */
static void paragraph(struct buf *out, const char *p, const char *end)
{
	const char *q, *nl;
	size_t indent = (size_t)-1, n;

	buf_adds(out, ".PP\n");
	if (*p != ' ') {
		for (; p < end; p = nl + 1) {
			nl = memchr(p, '\n', (size_t)(end - p));
			if (!nl)
				nl = end;
			while (p < nl && *p == ' ')
				p++;  /* a line that starts with a space breaks */
			roff_escape(out, p, (size_t)(nl - p), 1);
			buf_addc(out, '\n');
			if (nl == end)
				break;
		}
		return;
	}
	for (q = p; q < end; q = nl + 1) {
		nl = memchr(q, '\n', (size_t)(end - q));
		if (!nl)
			nl = end;
		for (n = 0; q + n < nl && q[n] == ' '; n++)
			;
		if (n < indent)
			indent = n;
		if (nl == end)
			break;
	}
	buf_adds(out, ".EX\n");
	for (q = p; q < end; q = nl + 1) {
		nl = memchr(q, '\n', (size_t)(end - q));
		if (!nl)
			nl = end;
		roff_escape(out, q + indent, (size_t)(nl - q) - indent, 1);
		buf_addc(out, '\n');
		if (nl == end)
			break;
	}
	buf_adds(out, ".EE\n");
}

void roff_paragraphs(struct buf *out, const char *text)
{
	const char *p = text, *start = NULL, *nl, *end = text + strlen(text);

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		if (blank(p, nl)) {
			if (start)
				paragraph(out, start, p - 1);
			start = NULL;
		} else if (!start) {
			start = p;
		}
		if (nl == end) {
			p = end;
			break;
		}
	}
	if (start) {
		/* the last line, without its newline */
		nl = end;
		while (nl > start && nl[-1] == '\n')
			nl--;
		paragraph(out, start, nl);
	}
}

/* The line "name" alone at p (up to the newline), or not. */
static int heading(const char *p, const char *name)
{
	size_t n = strlen(name);

	return !strncmp(p, name, n) && (p[n] == '\n' || p[n] == '\0');
}

/* Ends the part before p (a heading's line), and trims its blank end. */
static void cut(char *start, char *p)
{
	while (p > start && (p[-1] == '\n' || p[-1] == ' '))
		p--;
	*p = '\0';
}

static const char *part(char *p)
{
	p += strcspn(p, "\n");
	if (*p)
		p++;
	while (*p == '\n')
		p++;
	return p;
}

int man_text_parse(struct man_text *out, const char *text, size_t len)
{
	char *p, *start, *next;
	const char **slot;

	memset(out, 0, sizeof(*out));
	if (!(out->copy = malloc(len + 1)))
		return -1;
	memcpy(out->copy, text, len);
	out->copy[len] = '\0';
	start = out->copy;
	while (*start == '\n')
		start++;
	out->description = start;
	p = start;
	while (*p) {
		if (heading(p, "EXAMPLES") || heading(p, "SEE ALSO")) {
			slot = heading(p, "EXAMPLES") ? &out->examples : &out->see_also;
			next = (char *)part(p);
			cut(start, p);
			*slot = start = p = next;
			continue;
		}
		p += strcspn(p, "\n");
		p += *p == '\n';
	}
	cut(start, p);
	if (!*out->description)
		out->description = NULL;
	return 0;
}

void man_text_release(struct man_text *t)
{
	free(t->copy);
	memset(t, 0, sizeof(*t));
}

void roff_see_also(struct buf *out, const char *names)
{
	const char *p = names, *w, *paren;
	size_t n;
	int first = 1;

	for (;;) {
		p += strspn(p, " \t\n,");
		if (!*p)
			break;
		w = p;
		n = strcspn(p, " \t\n,");
		p += n;
		if (!first)
			buf_adds(out, ",\n");
		first = 0;
		buf_adds(out, ".BR ");
		paren = memchr(w, '(', n);
		if (paren) {
			roff_escape(out, w, (size_t)(paren - w), 0);
			buf_adds(out, " ");
			buf_add(out, paren, n - (size_t)(paren - w));
		} else {
			roff_escape(out, w, n, 0);
			buf_adds(out, " (1)");
		}
	}
	if (!first)
		buf_addc(out, '\n');
}
