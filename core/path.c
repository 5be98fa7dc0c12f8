/* Field paths: see path.h. */
#include <stdio.h>
#include <string.h>

#include "path.h"
#include "text.h"

static const char *const layout_dirs[] = {
	"members", "interviews", "meetings", "outcomes", NULL
};

int path_is_layout_file(const char *file, char *dir, size_t dsize,
			char *id, size_t isize)
{
	const char *slash = strchr(file, '/'), *dot;
	const char *const *d;
	size_t dlen, ilen;

	if (!strcmp(file, "initiative.yaml")) {
		snprintf(dir, dsize, "%s", "");
		snprintf(id, isize, "%s", "initiative");
		return 1;
	}
	if (!slash)
		return 0;
	dlen = (size_t)(slash - file);
	dot = strrchr(slash, '.');
	if (!dot || strcmp(dot, ".yaml"))
		return 0;
	ilen = (size_t)(dot - slash - 1);
	for (d = layout_dirs; *d; d++)
		if (strlen(*d) == dlen && !strncmp(*d, file, dlen))
			break;
	if (!*d || ilen == 0 || ilen >= isize || dlen >= dsize)
		return 0;
	memcpy(dir, file, dlen);
	dir[dlen] = '\0';
	memcpy(id, slash + 1, ilen);
	id[ilen] = '\0';
	return text_is_id(id);
}

/* digits[0..len) as a number, or 0 when it is none or too large. */
static long meeting_digits(const char *digits, size_t len)
{
	long n = 0;
	size_t i;

	if (!len)
		return 0;
	for (i = 0; i < len; i++) {
		if (digits[i] < '0' || digits[i] > '9')
			return 0;
		n = n * 10 + (digits[i] - '0');
		if (n > PATH_MEETING_MAX)
			return 0;
	}
	return n;
}

long path_meeting_number(const char *arg)
{
	size_t len;

	if (!strncmp(arg, "meetings/", 9))
		arg += 9;
	len = strlen(arg);
	if (len > 5 && !strcmp(arg + len - 5, ".yaml"))
		len -= 5;
	return meeting_digits(arg, len);
}

long path_meeting_of_file(const char *file)
{
	char want[32];
	size_t len;
	long n;

	if (strncmp(file, "meetings/", 9))
		return 0;
	file += 9;
	len = strlen(file);
	if (len <= 5 || strcmp(file + len - 5, ".yaml"))
		return 0;
	if (!(n = meeting_digits(file, len - 5)))
		return 0;
	/* one spelling per number, so two sites never make two files of it */
	snprintf(want, sizeof(want), "%03ld.yaml", n);
	return strcmp(want, file) ? 0 : n;
}

void path_meeting_file(char *out, size_t size, long n)
{
	snprintf(out, size, "meetings/%03ld.yaml", n);
}

static int is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

int path_parse(struct path *out, const char *text, struct err *err)
{
	const char *colon = strchr(text, ':'), *p;
	char dir[32], id[72];
	size_t n;

	memset(out, 0, sizeof(*out));
	if (colon || (strlen(text) > 5 && !strcmp(text + strlen(text) - 5, ".yaml"))) {
		n = colon ? (size_t)(colon - text) : strlen(text);
		if (n >= sizeof(out->file))
			goto badfile;
		memcpy(out->file, text, n);
		out->file[n] = '\0';
		if (!path_is_layout_file(out->file, dir, sizeof(dir), id, sizeof(id)))
			goto badfile;
		if (!colon)
			return 0;
		p = colon + 1;
	} else {
		strcpy(out->file, "initiative.yaml");
		p = text;
	}

	for (;;) {
		struct path_seg *s;

		if (out->n == PATH_MAX_SEGS)
			return err_set(err, ERR_USAGE, 0, 0, "field path '%s' is too deep", text);
		s = &out->seg[out->n++];
		for (n = 0; is_key_char(*p); p++) {
			if (n + 1 >= sizeof(s->key))
				goto bad;
			s->key[n++] = *p;
		}
		if (!n)
			goto bad;
		if (*p == '[') {
			for (p++, n = 0; *p && *p != ']'; p++) {
				if (n + 1 >= sizeof(s->id))
					goto bad;
				s->id[n++] = *p;
			}
			if (*p != ']' || !n || !text_is_id(s->id))
				goto bad;
			p++;
		}
		if (!*p)
			return 0;
		if (*p != '.')
			goto bad;
		p++;
	}
bad:
	err_set(err, ERR_USAGE, 0, 0, "cannot read field path '%s'", text);
	err_hint(err, "write it like 'vision' or 'meetings/002.yaml:agenda[principles].notes'");
	return ERR_USAGE;
badfile:
	err_set(err, ERR_USAGE, 0, 0, "'%.*s' is not a file of the initiative",
		(int)(colon ? colon - text : (long)strlen(text)), text);
	err_hint(err, "use initiative.yaml or members/, interviews/, meetings/, outcomes/ followed by <id>.yaml");
	return ERR_USAGE;
}

void path_format(char *out, size_t size, const struct path *p)
{
	size_t i, len = 0;
	int n;

	out[0] = '\0';
	if (strcmp(p->file, "initiative.yaml") || !p->n) {
		n = snprintf(out, size, "%s%s", p->file, p->n ? ":" : "");
		len = n < 0 ? 0 : (size_t)n;
	}
	for (i = 0; i < p->n && len < size; i++) {
		n = snprintf(out + len, size - len, "%s%s%s%s%s", i ? "." : "",
			     p->seg[i].key, p->seg[i].id[0] ? "[" : "",
			     p->seg[i].id, p->seg[i].id[0] ? "]" : "");
		len += n < 0 ? 0 : (size_t)n;
	}
}

int path_resolve(struct doc_node **out, struct doc_node *root,
		 const struct path *p, size_t depth, struct err *err)
{
	struct doc_node *n = root, *v;
	size_t i;

	*out = NULL;
	for (i = 0; i < depth; i++) {
		const struct path_seg *s = &p->seg[i];

		if (!n || n->kind != DOC_MAP || !(v = doc_get(n, s->key)))
			return err_set(err, ERR_NOTFOUND, n ? n->line : 0, n ? n->col : 0,
				       "no field '%s' in %s", s->key, p->file);
		n = v;
		if (!s->id[0])
			continue;
		if (n->kind != DOC_SEQ)
			return err_set(err, ERR_NOTFOUND, n->line, n->col,
				       "'%s' in %s is not a list", s->key, p->file);
		if (!(v = doc_find_id(n, s->id)))
			return err_set(err, ERR_NOTFOUND, n->line, n->col,
				       "no item '%s' in '%s' of %s", s->id, s->key, p->file);
		n = v;
	}
	*out = n;
	return 0;
}
