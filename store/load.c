/*
 * Loading the initiative's files and gathering the ids they name
 * (load.h).
 */
#include <stdlib.h>

#include "core/layout.h"
#include "load.h"

int load_file(struct store *s, const char *file, struct doc **out, struct diags *diags,
	      struct err *err)
{
	char *data;
	size_t len;
	int error;

	*out = NULL;
	if ((error = store_read(s, file, &data, &len, err)) < 0)
		return error;
	error = doc_load(out, data, len, err);
	free(data);
	if (error == ERR_DATA && diags)
		diags_add(diags, file, err->line, err->col, DIAG_ERROR, "%s%s%s", err->msg,
			  err->hint[0] ? "; " : "", err->hint);
	return error;
}

int gather_ids(struct store *s, struct schema_ids **out, struct err *err)
{
	return gather_ids_with(s, out, NULL, err);
}

int gather_ids_with(struct store *s, struct schema_ids **out, const struct doc *initiative,
		    struct err *err)
{
	struct schema_ids *ids = schema_ids_new();
	char **files, dir[32], id[72];
	struct doc *doc;
	size_t n, i;
	int error;

	*out = NULL;
	if (!ids)
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	if ((error = store_list(s, &files, &n, err)) < 0) {
		schema_ids_free(ids);
		return error;
	}
	schema_ids_known(ids, REF_MEMBER);
	for (i = 0; i < n; i++)
		if (layout_kind(files[i]) == KIND_MEMBER &&
		    layout_file(files[i], dir, sizeof(dir), id, sizeof(id)))
			schema_ids_add(ids, REF_MEMBER, id);
	store_list_free(files, n);
	if (initiative) {
		schema_ids_from_initiative(ids, initiative);
	} else if (load_file(s, "initiative.yaml", &doc, NULL, err) == 0) {
		schema_ids_from_initiative(ids, doc);
		doc_free(doc);
	}
	err_clear(err);
	*out = ids;
	return 0;
}
