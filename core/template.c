/*
 * The templates (template.h): the embedded meeting files of the ucsd
 * template in each language, and the initiative.yaml that every new
 * initiative starts with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "schema.h"
#include "template.h"

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

static int render_initiative(struct template_out *f, const char *lang, const char *name,
			     const char *timezone)
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
		    const char *lang, const char *name, const char *timezone, struct err *err)
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
	if (!strcmp(tmpl, "ucsd"))
		count += sizeof(ucsd) / sizeof(ucsd[0]);
	else if (strcmp(tmpl, "blank"))
		return err_set(err, ERR_USAGE, 0, 0, "unknown template '%s'; use ucsd or blank", tmpl);
	if (!(files = calloc(count, sizeof(*files))))
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	if (render_initiative(&files[0], lang, name, timezone) < 0) {
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

void template_out_free(struct template_out *files, size_t n)
{
	size_t i;

	if (!files)
		return;
	for (i = 0; i < n; i++)
		free(files[i].data);
	free(files);
}
