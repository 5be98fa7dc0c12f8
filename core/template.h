/*
 * The templates that `init` lays out (DESIGN §5), embedded in the binary
 * from core/templates/<lang>/ at build time.
 */
#ifndef CONVENE_TEMPLATE_H
#define CONVENE_TEMPLATE_H

#include <stddef.h>

#include "err.h"

struct template_file {
	const char *path;  /* "he/meetings/001.yaml" */
	const char *data;  /* the YAML text, NUL-terminated */
};

/* Every embedded file, ending with { NULL, NULL }. */
extern const struct template_file template_files[];

/* The text of one file, e.g. ("he", "meetings/001.yaml"), or NULL. */
const char *template_get(const char *lang, const char *path);
/* The text of an embedded file by its whole path ("hooks/samples/pre-commit"). */
const char *template_file(const char *path);

#endif

/* One file that init writes. */
struct template_out {
	char path[64];
	char *data;      /* malloc()ed canonical YAML */
	size_t len;
};

/*
 * Renders the files of a new initiative: initiative.yaml named `name` in
 * `lang` ("he" or "en"), with `timezone` (an IANA name, or NULL for none),
 * and for template "ucsd" meetings 001-003.
 * *out is a malloc()ed array of *n files; free with template_out_free().
 */
int template_render(struct template_out **out, size_t *n, const char *tmpl,
		    const char *lang, const char *name, const char *timezone, struct err *err);
void template_out_free(struct template_out *files, size_t n);
