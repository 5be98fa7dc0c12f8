/*
 * The templates (template.h): the embedded meeting files of the ucsd
 * template in each language, the initiative.yaml that every new
 * initiative starts with (for ucsd with the interview guide and the
 * timeline), and the meetings that meeting new lays out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "domain.h"
#include "layout.h"
#include "schema.h"
#include "template.h"
#include "text.h"

const char *template_get(const char *lang, const char *path)
{
	const struct template_file *t;
	size_t n = strlen(lang);

	for (t = template_files; t->path; t++)
		if (!strncmp(t->path, lang, n) && t->path[n] == '/' &&
		    !strcmp(t->path + n + 1, path))
			return t->data;
	return NULL;
}

const char *template_file(const char *path)
{
	const struct template_file *t;

	for (t = template_files; t->path; t++)
		if (!strcmp(t->path, path))
			return t->data;
	return NULL;
}

static int add_pair(struct doc *doc, const char *key, const char *value, unsigned flags)
{
	struct doc_node *k = doc_scalar(doc, key, strlen(key), DOC_PLAIN);
	struct doc_node *v = doc_scalar(doc, value, strlen(value), flags);

	if (!k || !v)
		return -1;
	doc_map_append(doc->root, k, v);
	return 0;
}

/* An embedded file of lang, loaded; NULL when it is missing or broken
 * (a build fault: the templates are the binary's own). */
static struct doc *load_part(const char *lang, const char *path)
{
	const char *text = template_get(lang, path);
	struct doc *doc = NULL;
	struct err err;

	if (text && doc_load(&doc, text, strlen(text), &err) < 0)
		doc = NULL;
	return doc;
}

static int days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0) ? 29 : d[m - 1];
}

int template_add_months(char *out, size_t size, const char *date, int months)
{
	int y, m, d;

	if (!date || !text_is_date(date, strlen(date)) || months < 0 ||
	    sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	if (d > days_in(y, m))
		d = days_in(y, m);  /* a month after 31 January is 28 or 29 February */
	if (y > 9999)
		return -1;
	snprintf(out, size, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* The ucsd timeline: each entry of the template's timeline.yaml, its
 * `month` (months after the start) turned into a date, planned. */
static struct doc_node *timeline(struct doc *doc, const char *lang, const char *start)
{
	struct doc *t = load_part(lang, "timeline.yaml");
	struct doc_node *seq = doc_seq(doc), *out = seq;
	const struct doc_node *e;
	const char *keys[] = { "timeline" };
	char date[16];

	if (!t || !t->root || t->root->kind != DOC_SEQ || !seq)
		out = NULL;
	for (e = out ? t->root->head : NULL; e; e = e->next) {
		struct doc_node *m = doc_map(doc);
		const char *month = dom_text(e, "month");

		if (!m || !month || !dom_text(e, "id") || !dom_text(e, "text") ||
		    template_add_months(date, sizeof(date), start, atoi(month)) < 0 ||
		    dom_put(doc, KIND_INITIATIVE, keys, 1, m, "id", dom_str(doc, dom_text(e, "id"))) < 0 ||
		    dom_put(doc, KIND_INITIATIVE, keys, 1, m, "date", dom_str(doc, date)) < 0 ||
		    dom_put(doc, KIND_INITIATIVE, keys, 1, m, "text", dom_str(doc, dom_text(e, "text"))) < 0 ||
		    dom_put(doc, KIND_INITIATIVE, keys, 1, m, "status", dom_str(doc, "planned")) < 0) {
			out = NULL;
			break;
		}
		doc_seq_append(seq, m);
	}
	doc_free(t);
	return out;
}

/* The ucsd parts of initiative.yaml: the timeline from start (when
 * given) and the interview guide. */
static int add_ucsd(struct doc *doc, const char *lang, const char *start)
{
	struct doc *q = load_part(lang, "interview_questions.yaml");
	struct doc_node *k, *v;
	int error = -1;

	if (start) {
		if (!(v = timeline(doc, lang, start)) ||
		    dom_put(doc, KIND_INITIATIVE, NULL, 0, doc->root, "timeline", v) < 0)
			goto done;
	}
	if (!q || !q->root || !(k = doc_copy(doc, q->root)) ||
	    dom_put(doc, KIND_INITIATIVE, NULL, 0, doc->root, "interview_questions", k) < 0)
		goto done;
	error = 0;
done:
	doc_free(q);
	return error;
}

static int render_initiative(struct template_out *f, const char *lang, const char *name,
			     const char *timezone, int ucsd, const char *start)
{
	static const char *const empty[] = { "problem", "vision", "mission", "elevator_pitch" };
	struct doc *doc = doc_new();
	struct buf b = BUF_INIT;
	size_t i;
	int error = -1;

	if (!doc || !(doc->root = doc_map(doc)))
		goto done;
	if (add_pair(doc, "name", name, 0) < 0 || add_pair(doc, "language", lang, 0) < 0 ||
	    (timezone && add_pair(doc, "timezone", timezone, 0) < 0))
		goto done;
	for (i = 0; i < sizeof(empty) / sizeof(empty[0]); i++)
		if (add_pair(doc, empty[i], "", DOC_PLAIN) < 0)
			goto done;
	if (ucsd && add_ucsd(doc, lang, start) < 0)
		goto done;
	schema_normalize(doc, LAYOUT_INITIATIVE);
	if (doc_emit(&b, doc) < 0)
		goto done;
	snprintf(f->path, sizeof(f->path), "%s", LAYOUT_INITIATIVE);
	f->data = buf_detach(&b, &f->len);
	error = f->data ? 0 : -1;
done:
	buf_release(&b);
	doc_free(doc);
	return error;
}

static int render_copy(struct template_out *f, const char *lang, const char *path,
		       struct err *err)
{
	const char *text = template_get(lang, path);
	struct doc *doc;
	struct buf b = BUF_INIT;
	int error;

	if (!text)
		return err_set(err, ERR_INTERNAL, 0, 0, "no template file %s/%s", lang, path);
	/* Load and emit: what init writes is canonical by construction. */
	if ((error = doc_load(&doc, text, strlen(text), err)) < 0) {
		char why[sizeof(err->msg)];

		snprintf(why, sizeof(why), "%s", err->msg);
		return err_set(err, ERR_INTERNAL, err->line, err->col, "template %s/%s: %s",
			       lang, path, why);
	}
	schema_normalize(doc, path);
	error = doc_emit(&b, doc);
	doc_free(doc);
	snprintf(f->path, sizeof(f->path), "%s", path);
	if (error < 0 || !(f->data = buf_detach(&b, &f->len)))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	return 0;
}

int template_render(struct template_out **out, size_t *n, const char *tmpl,
		    const char *lang, const char *name, const char *timezone, const char *start,
		    struct err *err)
{
	static const char *const ucsd[] = {
		"meetings/001.yaml", "meetings/002.yaml", "meetings/003.yaml"
	};
	struct template_out *files;
	size_t count = 1, i;
	int error;

	*out = NULL;
	*n = 0;
	if (strcmp(lang, "he") && strcmp(lang, "en"))
		return err_set(err, ERR_USAGE, 0, 0, "unknown language '%s'; use he or en", lang);
	if (start && !text_is_date(start, strlen(start)))
		return err_set(err, ERR_USAGE, 0, 0, "'%s' is not a date like 2026-02-01", start);
	if (!strcmp(tmpl, "ucsd"))
		count += sizeof(ucsd) / sizeof(ucsd[0]);
	else if (strcmp(tmpl, "blank"))
		return err_set(err, ERR_USAGE, 0, 0, "unknown template '%s'; use ucsd or blank", tmpl);
	if (!(files = calloc(count, sizeof(*files))))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	if (render_initiative(&files[0], lang, name, timezone, count > 1, start) < 0) {
		template_out_free(files, count);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	for (i = 1; i < count; i++) {
		if ((error = render_copy(&files[i], lang, ucsd[i - 1], err)) < 0) {
			template_out_free(files, count);
			return error;
		}
	}
	*out = files;
	*n = count;
	return 0;
}

const char *template_decision_field(const char *item)
{
	return item && !strcmp(item, "elevator-pitch") ? "elevator_pitch" : NULL;
}

const char *const template_meetings[] = {
	"blank", "quick-wins", "working-group", "evaluation", "communications", NULL
};

static int unknown_meeting(struct err *err, const char *name)
{
	char list[160];
	size_t i, len = 0;

	list[0] = '\0';
	for (i = 0; template_meetings[i]; i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s", i ? ", " : "",
					template_meetings[i]);
	return err_set(err, ERR_USAGE, 0, 0, "unknown meeting template '%s'; use %s", name, list);
}

/* The host-practices item in lang, led by host, into doc. */
static struct doc_node *host_item(struct doc *doc, const char *lang, const char *host)
{
	const char *keys[] = { "agenda" };
	struct doc *t = load_part(lang, "items/host-practices.yaml");
	struct doc_node *e = t && t->root ? doc_copy(doc, t->root) : NULL;

	doc_free(t);
	if (e && dom_put(doc, KIND_MEETING, keys, 1, e, "lead", dom_str(doc, host)) < 0)
		e = NULL;
	return e;
}

int template_meeting(struct doc *doc, struct doc_node *root, const char *name, const char *lang,
		     long number, const char *host, struct err *err)
{
	const struct doc_node *goals, *items, *item;
	struct doc_node *agenda, *e;
	struct doc *t = NULL;
	char path[64], title[200];
	const char *theme;
	int he = !strcmp(lang, "he"), error = ERR_NOMEM;
	size_t i;

	for (i = 0; template_meetings[i] && strcmp(template_meetings[i], name); i++)
		;
	if (!template_meetings[i])
		return unknown_meeting(err, name);
	snprintf(path, sizeof(path), "meetings/%s.yaml", name);
	if (!(t = load_part(he ? "he" : "en", path)) || !t->root || t->root->kind != DOC_MAP) {
		doc_free(t);
		return err_set(err, ERR_INTERNAL, 0, 0, "no template file %s/%s", lang, path);
	}
	/* "Meeting 5 – quick wins"; the blank one is "Meeting 5" */
	theme = dom_text(t->root, "title");
	if (!doc_get(root, "title")) {
		if (theme)
			snprintf(title, sizeof(title), he ? "מפגש %ld – %s" : "Meeting %ld – %s", number, theme);
		else
			snprintf(title, sizeof(title), he ? "מפגש %ld" : "Meeting %ld", number);
		if (dom_put(doc, KIND_MEETING, NULL, 0, root, "title", dom_str(doc, title)) < 0)
			goto done;
	}
	if ((goals = doc_get(t->root, "goals")) &&
	    dom_put(doc, KIND_MEETING, NULL, 0, root, "goals", doc_copy(doc, goals)) < 0)
		goto done;
	if (!(agenda = dom_seq(doc, KIND_MEETING, NULL, 0, root, "agenda")))
		goto done;
	items = doc_get(t->root, "agenda");
	for (item = items ? items->head : NULL; item; item = item->next) {
		if (!(e = doc_copy(doc, item)))
			goto done;
		doc_seq_append(agenda, e);
		/* the host shares their practices right after the opening */
		if (host && item == items->head) {
			if (!(e = host_item(doc, he ? "he" : "en", host)))
				goto done;
			doc_seq_append(agenda, e);
		}
	}
	error = 0;
done:
	doc_free(t);
	return error ? err_set(err, ERR_NOMEM, 0, 0, "out of memory") : 0;
}

void template_out_free(struct template_out *files, size_t n)
{
	size_t i;

	if (!files)
		return;
	for (i = 0; i < n; i++)
		free(files[i].data);
	free(files);
}
