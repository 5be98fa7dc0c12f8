/* UTF-8 checks, positions and ids: see text.h. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "tr.h"

/*
 * Decodes one UTF-8 sequence at p (n bytes left).  Returns its length and
 * the code point in *cp, or 0 for an invalid sequence (bad lead byte,
 * truncated, overlong, surrogate, above U+10FFFF).
 */
static size_t utf8_decode(const unsigned char *p, size_t n, unsigned *cp)
{
	unsigned c = p[0], min;
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, c &= 0x1f, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, c &= 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, c &= 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

const char *text_check(const char *data, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t i = 0, n;
	unsigned cp;

	while (i < len) {
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			i++;
			continue;
		}
		if (!(n = utf8_decode(p + i, len - i, &cp))) {
			*bad = i;
			return N_("invalid UTF-8");
		}
		if (cp == 0) {
			*bad = i;
			return N_("NUL byte in text");
		}
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    cp == 0x7f || (cp >= 0x80 && cp <= 0x9f && cp != 0x85) ||
		    cp == 0xfffe || cp == 0xffff) {
			*bad = i;
			return N_("control character in text");
		}
		i += n;
	}
	return NULL;
}

void text_pos(const char *data, size_t at, unsigned *line, unsigned *col)
{
	size_t i;
	unsigned l = 1, c = 1;

	for (i = 0; i < at; i++) {
		if (data[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)data[i] & 0xc0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

size_t text_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

int text_is_id(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (i = 1; s[i]; i++) {
		if (i > 62)
			return 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '-'))
			return 0;
	}
	return 1;
}

size_t text_slug(char *out, size_t size, const char *name)
{
	size_t n = 0;
	int dash = 0;
	char c;

	for (; *name && n + 1 < size && n < 40; name++) {
		c = *name;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && n)
				out[n++] = '-';
			if (n + 1 < size)
				out[n++] = c;
			dash = 0;
		} else {
			dash = 1;
		}
	}
	out[n] = '\0';
	return n;
}

void text_cut(char *s)
{
	size_t len = strlen(s), start = len, need;
	unsigned char c;

	/* find the lead byte of the last character */
	while (start > 0 && ((unsigned char)s[start - 1] & 0xc0) == 0x80 && len - start < 3)
		start--;
	if (!start)
		return;
	c = (unsigned char)s[start - 1];
	if (c < 0x80)
		return;
	need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	if (len - (start - 1) < need)
		s[start - 1] = '\0';
}

static int two_digits(const char *s, int max)
{
	return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
	       (s[0] - '0') * 10 + (s[1] - '0') <= max;
}

int text_is_time(const char *s, size_t len)
{
	return (len == 5 || len == 8) && two_digits(s, 23) && s[2] == ':' && two_digits(s + 3, 59) &&
	       (len == 5 || (s[5] == ':' && two_digits(s + 6, 59)));
}

int text_is_date(const char *s, size_t len)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = 0, m, d;
	size_t i;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	for (i = 0; i < 4; i++)
		y = y * 10 + (s[i] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

void text_redact_url(char *out, size_t size, const char *url)
{
	const char *scheme = strstr(url, "://"), *host, *at;

	if (!scheme) {
		snprintf(out, size, "%s", url);
		return;
	}
	host = scheme + 3;
	at = memchr(host, '@', strcspn(host, "/"));
	if (at)
		snprintf(out, size, "%.*s%s", (int)(host - url), url, at + 1);
	else
		snprintf(out, size, "%s", url);
	text_cut(out);
}

void text_lines(struct buf *b)
{
	char *s = b->ptr;
	size_t i, n = 0;

	if (!s)
		return;
	for (i = 0; i < b->len; i++) {
		if (s[i] == '\r') {
			s[n++] = '\n';
			if (i + 1 < b->len && s[i + 1] == '\n')
				i++;
		} else {
			s[n++] = s[i];
		}
	}
	while (n && s[n - 1] == '\n')
		n--;
	b->len = n;
	s[n] = '\0';
	if (memchr(s, '\n', n))
		buf_addc(b, '\n');
}

/* Edits from a to b, a swap of two neighbours counting as one (the
 * optimal string alignment distance): "visoin" is 1 from "vision". */
size_t text_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d[65][65];

	if (la > 64 || lb > 64)
		return (size_t)-1;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

char *text_dup(const char *s, int *bad)
{
	char *d;

	if (!s)
		return NULL;
	if (!(d = strdup(s)))
		*bad = 1;
	return d;
}
