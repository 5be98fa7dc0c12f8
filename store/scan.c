/*
 * Going over an initiative's files for validate and status (scan.h):
 * gather the ids that references may name, then load, check and free one
 * file at a time.
 */
#include <stdlib.h>
#include <string.h>

#include "core/approval.h"
#include "core/layout.h"
#include "core/path.h"
#include "load.h"
#include "scan.h"

/* Files that look like they belong but that convene does not read. */
static void warn_strays(struct store *s, struct diags *diags)
{
	struct err err;
	char **strays;
	size_t n, i, l;

	if (store_strays(s, &strays, &n, &err) < 0)
		return;
	for (i = 0; i < n; i++) {
		l = strlen(strays[i]);
		if (l && strays[i][l - 1] == '@')
			diags_add(diags, strays[i], 1, 1, DIAG_WARNING,
				  "convene does not follow symbolic links; put the file itself here");
		else if (l && strays[i][l - 1] == '/')
			diags_add(diags, strays[i], 1, 1, DIAG_WARNING,
				  "convene does not read folders inside %.*s; move the files up into it",
				  (int)strcspn(strays[i], "/"), strays[i]);
		else if (l > 4 && !strcmp(strays[i] + l - 4, ".yml"))
			diags_add(diags, strays[i], 1, 1, DIAG_WARNING,
				  "convene does not read this file; rename it to %.*s.yaml", (int)(l - 4),
				  strays[i]);
		else
			diags_add(diags, strays[i], 1, 1, DIAG_WARNING,
				  "convene does not read this file; move it under members/, interviews/, meetings/ or outcomes/");
	}
	store_list_free(strays, n);
}

/* Files outside the YAML data that hold both versions of a merge: each an
 * unresolved conflict. */
static int note_marked(struct store *s, struct diags *diags, struct err *err)
{
	unsigned *lines;
	char **files;
	size_t n, i;
	int error;

	if ((error = store_marked(s, &files, &lines, &n, err)) < 0)
		return error;
	for (i = 0; i < n; i++) {
		/* MARKED_MESSAGE (scan.h), spelled out so that xgettext finds it */
		diags_add(diags, files[i], lines[i], 1, DIAG_ERROR,
			  "unresolved conflict: this file changed at two sites, and both versions "
			  "are in it between git's conflict markers; keep what you want, delete the marker lines, "
			  "then 'convene commit'");
		diags->conflicts++;
	}
	store_list_free(files, n);
	free(lines);
	return 0;
}

int scan_initiative(struct store *s, struct diags *diags, struct scan_stats *stats,
		    void (*visit)(void *ctx, const char *file, const struct doc *doc),
		    void *ctx, struct err *err)
{
	struct approvals approvals = { 0 };
	struct schema_ids *ids;
	struct doc *doc;
	char **files;
	size_t n, i;
	int error;

	memset(stats, 0, sizeof(*stats));
	if ((error = gather_ids(s, &ids, err)) < 0)
		return error;
	if ((error = store_list(s, &files, &n, err)) < 0) {
		schema_ids_free(ids);
		return error;
	}
	warn_strays(s, diags);
	if ((error = note_marked(s, diags, err)) < 0)
		goto done;
	if (!n || strcmp(files[0], LAYOUT_INITIATIVE))
		diags_add(diags, LAYOUT_INITIATIVE, 1, 1, DIAG_ERROR,
			  "initiative.yaml is missing; an initiative needs one (see 'convene init')");
	for (i = 0; i < n; i++) {
		struct err e;

		err_clear(&e);
		stats->files++;
		stats->by_kind[layout_kind(files[i])]++;
		if ((error = load_file(s, files[i], &doc, diags, &e)) < 0) {
			if (error == ERR_NOMEM) {
				*err = e;
				goto done;
			}
			/* a file that cannot be read is one problem among others */
			if (error != ERR_DATA && e.hint[0])
				/* TRANSLATORS: an error, then what to do about it */
				diags_add(diags, files[i], 1, 1, DIAG_ERROR, "%s; %s", e.msg, e.hint);
			else if (error != ERR_DATA)
				diags_add(diags, files[i], 1, 1, DIAG_ERROR, "%s", e.msg);
			continue;
		}
		if (doc->comments)
			diags_add(diags, files[i], doc->comment_line, doc->comment_col, DIAG_WARNING,
				  "comments are not kept when convene rewrites this file; move the text into a field such as notes");
		schema_check(diags, files[i], doc, ids);
		approvals_add(&approvals, files[i], doc);
		if (visit)
			visit(ctx, files[i], doc);
		doc_free(doc);
	}
	/* what one meeting says of another: once every meeting was read */
	approvals_finish(&approvals, diags);
	error = 0;
	diags_sort(diags);
	if (diags->failed)
		error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
done:
	approvals_release(&approvals);
	store_list_free(files, n);
	schema_ids_free(ids);
	return error;
}
