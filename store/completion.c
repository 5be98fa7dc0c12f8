/* The completions of a word from the work tree: see completion.h. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "completion.h"
#include "core/complete.h"
#include "core/doc.h"
#include "core/layout.h"
#include "core/path.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* folder/NAME.yaml for each NAME.yaml in root/folder that starts with
 * word, sorted. */
static void files_of(struct buf *out, const char *root, const char *folder, const char *word)
{
	struct dirent *e;
	char **names = NULL, **grown, file[512];
	size_t n = 0, cap = 0, i, len;
	DIR *d;

	snprintf(file, sizeof(file), "%s/%s", root, folder);
	if (!(d = opendir(file)))
		return;
	while ((e = readdir(d))) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".yaml"))
			continue;
		snprintf(file, sizeof(file), "%s/%s", folder, e->d_name);
		if (strncmp(file, word, strlen(word)))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			if (!(grown = realloc(names, cap * sizeof(*names))))
				break;
			names = grown;
		}
		if (!(names[n] = strdup(file)))
			break;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		buf_addf(out, "%s\n", names[i]);
		free(names[i]);
	}
	free(names);
}

/* The fields of file (a file of the layout) that rest may grow into. */
static void fields_of(struct buf *out, const char *root, const char *file, const char *lead,
		      const char *rest)
{
	struct buf text = BUF_INIT;
	struct doc *doc = NULL;
	char chunk[8192], path[512];
	struct path p;
	struct err err;
	size_t n;
	FILE *f;

	err_clear(&err);
	if (path_parse(&p, file, &err) < 0 || p.n)
		return;
	snprintf(path, sizeof(path), "%s/%s", root, file);
	if (!(f = fopen(path, "rb")))
		return;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && text.len <= DOC_MAX_BYTES)
		buf_add(&text, chunk, n);
	fclose(f);
	if (!buf_failed(&text) && doc_load(&doc, buf_str(&text), text.len, &err) == 0)
		complete_in_doc(out, doc, file, lead, rest);
	doc_free(doc);
	buf_release(&text);
}

void completion_of_word(struct buf *out, const char *root, const char *word)
{
	const struct layout_folder *lf;
	const char *colon = strchr(word, ':'), *slash = strchr(word, '/');
	char file[256], lead[260];

	if (colon) {
		snprintf(file, sizeof(file), "%.*s", (int)(colon - word), word);
		snprintf(lead, sizeof(lead), "%s:", file);
		fields_of(out, root, file, lead, colon + 1);
	} else if (slash) {
		snprintf(file, sizeof(file), "%.*s", (int)(slash - word), word);
		if (layout_folder_kind(file) != KIND_NONE)
			files_of(out, root, file, word);
	} else {
		/* initiative.yaml's fields go by their short names */
		fields_of(out, root, LAYOUT_INITIATIVE, "", word);
		if (!strncmp(LAYOUT_INITIATIVE, word, strlen(word)))
			buf_addf(out, "%s\n", LAYOUT_INITIATIVE);
		for (lf = layout_folders; lf->name; lf++)
			if (!strncmp(lf->name, word, strlen(word)))
				buf_addf(out, "%s/\n", lf->name);
	}
}
