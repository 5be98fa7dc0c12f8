/* JSON writing: see json.h. */
#include <string.h>

#include "json.h"

void json_str(struct buf *out, const char *s, size_t len)
{
	size_t i, run = 0;

	buf_addc(out, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(out, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': buf_adds(out, "\\\""); break;
		case '\\': buf_adds(out, "\\\\"); break;
		case '\n': buf_adds(out, "\\n"); break;
		case '\r': buf_adds(out, "\\r"); break;
		case '\t': buf_adds(out, "\\t"); break;
		default: buf_addf(out, "\\u%04x", c); break;
		}
	}
	buf_add(out, s + run, len - run);
	buf_addc(out, '"');
}

/* Whether s is a number as JSON writes them: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? */
static int json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		if (*++s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		if (*++s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return !*s;
}

static void json_scalar(struct buf *out, const struct doc_node *n)
{
	switch (doc_scalar_type(n)) {
	case DOC_NULL:
		buf_adds(out, "null");
		break;
	case DOC_BOOL:
		buf_adds(out, doc_bool(n) == 1 ? "true" : "false");
		break;
	case DOC_INT:
	case DOC_FLOAT: {
		/* a number in its one form (007 is 7, .5 is 0.5, as readers
		 * read them); 0x1F, 0o7, .inf have none that readers agree on:
		 * they stay strings, as written (validate refuses them) */
		size_t at = out->len;

		if (doc_number_canon(out, n->str, n->len) == 0 && json_number(out->ptr + at))
			break;
		out->len = at;
		json_str(out, n->str, n->len);
		break;
	}
	default:
		json_str(out, n->str, n->len);
	}
}

void json_node(struct buf *out, const struct doc_node *n)
{
	const struct doc_node *c;

	if (!n) {
		buf_adds(out, "null");
		return;
	}
	if (n->flags & DOC_CONFLICT)
		buf_adds(out, "{\"!conflict\":");
	else if (n->kind == DOC_SCALAR && (n->flags & DOC_SECRET))
		buf_adds(out, "{\"!secret\":");  /* sealed: the armored text, as !conflict is shown */
	if (n->kind == DOC_SCALAR) {
		json_scalar(out, n);
	} else {
		buf_addc(out, n->kind == DOC_MAP ? '{' : '[');
		for (c = n->head; c; c = c->next) {
			if (c != n->head)
				buf_addc(out, ',');
			if (n->kind == DOC_MAP) {
				json_str(out, c->key->str, c->key->len);
				buf_addc(out, ':');
			}
			json_node(out, c);
		}
		buf_addc(out, n->kind == DOC_MAP ? '}' : ']');
	}
	if ((n->flags & DOC_CONFLICT) || (n->kind == DOC_SCALAR && (n->flags & DOC_SECRET)))
		buf_addc(out, '}');
}

void jw_init(struct json_w *w, struct buf *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
}

struct buf *jw_key(struct json_w *w, const char *key)
{
	unsigned d = w->depth, i;

	if (d) {
		if (w->items[d - 1])
			buf_addc(w->out, ',');
		if (w->lines[d - 1]) {
			buf_addc(w->out, '\n');
			for (i = 0; i < w->lines[d - 1]; i++)
				buf_addc(w->out, ' ');
		}
		w->items[d - 1] = 1;
	}
	if (key) {
		json_str(w->out, key, strlen(key));
		buf_addc(w->out, ':');
	}
	return w->out;
}

/* lines: the indent of each element on its own line; 0 for one line */
static void jw_open(struct json_w *w, const char *key, char bracket, unsigned lines)
{
	/* deeper than any output of convene (4 levels): the output would be
	 * wrong, so the buffer fails, as when memory runs out */
	if (w->depth >= JSON_DEPTH) {
		w->out->failed = 1;
		return;
	}
	jw_key(w, key);
	buf_addc(w->out, bracket);
	w->items[w->depth] = 0;
	w->lines[w->depth] = (unsigned char)lines;
	w->close[w->depth] = bracket == '{' ? '}' : ']';
	w->depth++;
}

void jw_object(struct json_w *w, const char *key)
{
	jw_open(w, key, '{', 0);
}

void jw_array(struct json_w *w, const char *key)
{
	jw_open(w, key, '[', 0);
}

void jw_lines(struct json_w *w, const char *key)
{
	jw_open(w, key, '[', w->depth + 1);
}

void jw_lines_at(struct json_w *w, const char *key, unsigned indent)
{
	/* at least one space: 0 would put the elements on one line */
	jw_open(w, key, '[', indent < 1 ? 1 : indent > 255 ? 255 : indent);
}

void jw_end(struct json_w *w)
{
	unsigned d;

	if (!w->depth)
		return;
	d = --w->depth;

	if (w->lines[d] && w->items[d])
		buf_addc(w->out, '\n');
	buf_addc(w->out, (char)w->close[d]);
}

void jw_strn(struct json_w *w, const char *key, const char *s, size_t len)
{
	json_str(jw_key(w, key), s, len);
}

void jw_str(struct json_w *w, const char *key, const char *s)
{
	if (s)
		jw_strn(w, key, s, strlen(s));
	else
		jw_null(w, key);
}

void jw_opt(struct json_w *w, const char *key, const char *s)
{
	jw_str(w, key, s && s[0] ? s : NULL);
}

void jw_int(struct json_w *w, const char *key, long long v)
{
	buf_addf(jw_key(w, key), "%lld", v);
}

void jw_uint(struct json_w *w, const char *key, unsigned long long v)
{
	buf_addf(jw_key(w, key), "%llu", v);
}

void jw_bool(struct json_w *w, const char *key, int v)
{
	buf_adds(jw_key(w, key), v ? "true" : "false");
}

void jw_null(struct json_w *w, const char *key)
{
	buf_adds(jw_key(w, key), "null");
}

void jw_node(struct json_w *w, const char *key, const struct doc_node *node)
{
	json_node(jw_key(w, key), node);
}
