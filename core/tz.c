/*
 * Time zone names (tz.h): the list of the tz database's zone and link
 * names, sorted for lookups; the nearest name to a misspelt one; the
 * zone a new initiative takes from the system.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tz.h"

/* The one list of the process (tz.h says why): names point into text. */
static struct {
	char *text;
	const char **names;
	size_t n;
	int loaded;   /* tz_load() ran, or the reader was asked */
	char *(*read)(size_t *len);
} tz;

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void tz_unload(void)
{
	free(tz.text);
	free(tz.names);
	tz.text = NULL;
	tz.names = NULL;
	tz.n = 0;
	tz.loaded = 0;
}

/* The field'th word (0-based) of the line at p, cut with a NUL in place;
 * NULL when the line has fewer. */
static char *word(char *p, int field)
{
	char *w;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			return NULL;
		w = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (field-- == 0) {
			*p = '\0';
			return w;
		}
	}
}

int tz_load(const char *text, size_t len)
{
	size_t lines = 1, i, n = 0;
	char *p, *nl, *w;

	tz_unload();
	for (i = 0; i < len; i++)
		lines += text[i] == '\n';
	if (!(tz.text = malloc(len + 1)) || !(tz.names = malloc(lines * sizeof(char *)))) {
		tz_unload();
		return -1;
	}
	memcpy(tz.text, text, len);
	tz.text[len] = '\0';
	for (p = tz.text; p && *p; p = nl) {
		if ((nl = strchr(p, '\n')))
			*nl++ = '\0';
		/* "Z Asia/Jerusalem 2:20:54 - LMT 1880" / "L Etc/UTC UTC" */
		if ((p[0] == 'Z' || p[0] == 'L') && (p[1] == ' ' || p[1] == '\t') &&
		    (w = word(p + 1, p[0] == 'Z' ? 0 : 1)))
			tz.names[n++] = w;
	}
	qsort(tz.names, n, sizeof(char *), name_cmp);
	tz.n = n;
	tz.loaded = 1;
	return 0;
}

void tz_set_reader(char *(*read)(size_t *len))
{
	tz.read = read;
}

/* Loads the list through the reader once; whether there is one. */
static int have_list(void)
{
	char *text;
	size_t len = 0;

	if (!tz.loaded && tz.read) {
		tz.loaded = 1;  /* asked once, found or not */
		if ((text = tz.read(&len))) {
			tz_load(text, len);
			free(text);
		}
	}
	return tz.names && tz.n;
}

int tz_known(const char *name)
{
	if (!have_list())
		return -1;
	return bsearch(&name, tz.names, tz.n, sizeof(char *), name_cmp) != NULL;
}

/* name folded for comparing: lowercase, ' ' as '_'; 0 when too long. */
static int fold(char *out, size_t size, const char *name, size_t len)
{
	size_t i;

	if (len >= size)
		return 0;
	for (i = 0; i < len; i++)
		out[i] = name[i] == ' ' ? '_' : (char)tolower((unsigned char)name[i]);
	out[len] = '\0';
	return 1;
}


static const char *last_part(const char *name)
{
	const char *slash = strrchr(name, '/');

	return slash ? slash + 1 : name;
}

/* The name nearest want (folded), comparing whole names or, city, the
 * part after the last '/'; NULL when none is near.  A slip of a letter or
 * two, and not more than a third of the name: "UTX" is near "UTC", "Asia"
 * near nothing.  Ties go to the first in sorted order, so the answer does
 * not depend on the file's order. */
static const char *nearest(const char *want, int city)
{
	const char *best = NULL;
	size_t i, d, bestd = (size_t)-1, len = strlen(want);
	char f[72];

	for (i = 0; i < tz.n; i++) {
		const char *name = city ? last_part(tz.names[i]) : tz.names[i];

		if (!fold(f, sizeof(f), name, strlen(name)))
			continue;
		d = text_distance(want, f);
		if (d <= 2 && d * 3 <= len && d < bestd) {
			bestd = d;
			best = tz.names[i];
		}
	}
	return best;
}

int tz_nearest(const char *name, char *out, size_t size)
{
	const char *best;
	char want[72];

	if (!have_list() || !fold(want, sizeof(want), name, strlen(name)) || !want[0])
		return 0;
	/* the whole name first; then its city among the cities, so that a
	 * city alone or under the wrong region finds its zone */
	if (!(best = nearest(want, 0)) && !(best = nearest(last_part(want), 1)))
		return 0;
	if (!strcmp(best, name))
		return 0;  /* not a suggestion: the name itself */
	if (size) {
		strncpy(out, best, size - 1);
		out[size - 1] = '\0';
	}
	return 1;
}

/* Whether s has a zone name's form: letters, digits, '/', '_', '-',
 * '+', no empty part, no "..", not a path. */
static int zone_form(const char *s)
{
	const char *p;

	if (!*s || *s == '/' || strstr(s, "..") || strstr(s, "//") || s[strlen(s) - 1] == '/')
		return 0;
	for (p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("/_-+", *p))
			return 0;
	return 1;
}

/* A candidate cut to its zone name: ":Asia/Jerusalem", a path into a
 * zoneinfo folder ("/usr/share/zoneinfo/Asia/Jerusalem",
 * "../usr/share/zoneinfo/posix/Asia/Jerusalem"), a line of a file. */
static int candidate(char *out, size_t size, const char *s)
{
	const char *z;
	size_t n;

	if (!s)
		return 0;
	if (*s == ':')
		s++;
	while (*s == ' ' || *s == '\t')
		s++;
	if ((z = strstr(s, "zoneinfo/"))) {
		s = z + 9;
		if (!strncmp(s, "posix/", 6))
			s += 6;
		else if (!strncmp(s, "right/", 6))
			s += 6;
	}
	n = strcspn(s, "\n");
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (!n || n >= size)
		return 0;
	memcpy(out, s, n);
	out[n] = '\0';
	if (!zone_form(out))
		return 0;
	switch (tz_known(out)) {
	case 1: return 1;
	case 0: return 0;
	default: return 1;  /* no database to ask: the form has to do */
	}
}

const char *tz_choose(char *out, size_t size, const char *tz_env, const char *etc_timezone,
		      const char *localtime_link)
{
	if (!candidate(out, size, tz_env) && !candidate(out, size, etc_timezone) &&
	    !candidate(out, size, localtime_link))
		snprintf(out, size, "UTC");
	return out;
}
