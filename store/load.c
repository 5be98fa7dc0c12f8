/*
 * Loading the initiative's files and gathering the ids they name
 * (load.h).
 */
#include <stdlib.h>

#include "core/layout.h"
#include "core/text.h"
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
	if (error == ERR_DATA && diags && err->hint[0])
		/* TRANSLATORS: an error, then what to do about it */
		diags_add(diags, file, err->line, err->col, DIAG_ERROR, "%s; %s", err->msg, err->hint);
	else if (error == ERR_DATA && diags)
		diags_add(diags, file, err->line, err->col, DIAG_ERROR, "%s", err->msg);
	return error;
}

/* The readers' age: keys (DESIGN §7): a few member files, read so that
 * validate can say when a value is sealed for another set of readers. */
static void gather_readers(struct store *s, const struct schema_ids *cids, const struct doc *initiative)
{
	struct schema_ids *ids = (struct schema_ids *)cids;
	const struct doc_node *seq = initiative->root ? doc_get(initiative->root, "readers") : NULL, *r, *age;
	char file[128];
	struct doc *doc;
	struct err err;

	schema_ids_known(ids, REF_AGED);
	schema_ids_known(ids, REF_RECIPIENT);
	for (r = seq && seq->kind == DOC_SEQ ? seq->head : NULL; r; r = r->next) {
		if (!doc_is_str(r) || !text_is_id(r->str) || !schema_ids_has(ids, REF_MEMBER, r->str))
			continue;
		layout_folder_file(file, sizeof(file), LAYOUT_MEMBERS, r->str);
		err_clear(&err);
		if (load_file(s, file, &doc, NULL, &err) < 0)
			continue;
		age = doc->root ? doc_get(doc->root, "age") : NULL;
		if (doc_is_str(age) && age->len) {
			schema_ids_add(ids, REF_AGED, r->str);
			schema_ids_add(ids, REF_RECIPIENT, age->str);
		}
		doc_free(doc);
	}
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
		gather_readers(s, ids, initiative);
	} else if (load_file(s, "initiative.yaml", &doc, NULL, err) == 0) {
		schema_ids_from_initiative(ids, doc);
		gather_readers(s, ids, doc);
		doc_free(doc);
	}
	err_clear(err);
	*out = ids;
	return 0;
}
