/*
 * Reading the initiative's files as trees, and the ids that references
 * in them may name: what an edit and every check of the files start from.
 */
#ifndef CONVENE_STORE_LOAD_H
#define CONVENE_STORE_LOAD_H

#include "core/doc.h"
#include "core/err.h"
#include "core/schema.h"
#include "store.h"

/* Loads one file of the work tree into *out (the caller frees it with
 * doc_free()); a file that does not load is also reported into diags
 * when diags is not NULL. */
int load_file(struct store *s, const char *file, struct doc **out, struct diags *diags,
	      struct err *err);
/* The ids that references may name (members, principles, subgroups);
 * the caller frees *out with schema_ids_free(). */
int gather_ids(struct store *s, struct schema_ids **out, struct err *err);
/* The same, with the principles and subgroups of this initiative tree
 * rather than of initiative.yaml on disk. */
int gather_ids_with(struct store *s, struct schema_ids **out, const struct doc *initiative,
		    struct err *err);

#endif
