/* Field paths: see path.h. */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "path.h"
#include "text.h"

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
		if (!layout_file(out->file, dir, sizeof(dir), id, sizeof(id)))
			goto badfile;
		if (!colon)
			return 0;
		p = colon + 1;
	} else {
		strcpy(out->file, LAYOUT_INITIATIVE);
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
	if (strcmp(p->file, LAYOUT_INITIATIVE) || !p->n) {
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
