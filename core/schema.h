/*
 * The schema of an initiative (DESIGN §2): five kinds of file, their fields,
 * types, enums and references, and the diagnostics that validation yields.
 *
 * Validation streams: the ids that files refer to (members, principles,
 * subgroups) are gathered first into a struct schema_ids, then each file is
 * loaded, checked and freed, so memory is bounded by the largest file.
 */
#ifndef CONVENE_SCHEMA_H
#define CONVENE_SCHEMA_H

#include <stddef.h>

#include "doc.h"
#include "err.h"
#include "layout.h"  /* enum schema_kind: the kinds are the layout's */

/* REF_READER: the readers of initiative.yaml (DESIGN §7); REF_AGED: those of
 * them whose member file holds an age: key; REF_RECIPIENT: those keys (not
 * ids: age1... text), for validate's check of sealed_for (store/load.c). */
enum schema_ref { REF_MEMBER, REF_PRINCIPLE, REF_SUBGROUP, REF_READER, REF_AGED, REF_RECIPIENT,
		  REF__COUNT };

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diag {
	char *file;
	unsigned line, col;
	enum diag_level level;
	char *msg;
	char *where;  /* the place in the data (agenda[opening].notes), or NULL */
	int unsealed; /* a plain value of a confidential interview: an edit
		       * of the opened interview (convene edit) seals it */
};

/* A list of diagnostics; owns its strings.  diags_release() frees them. */
struct diags {
	struct diag *v;
	size_t n, cap;
	unsigned errors, warnings;
	unsigned conflicts;  /* of the errors, unresolved !conflict values */
	int failed;  /* an allocation failed: the list is incomplete */
};

void diags_add(struct diags *d, const char *file, unsigned line, unsigned col,
	       enum diag_level level, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Sorts by file, line, column (stable for equal positions). */
void diags_sort(struct diags *d);
void diags_release(struct diags *d);
/*
 * Whether two diagnostics are the same problem: file, place in the data
 * and message, not the line and column, which move when an edit adds or
 * takes away lines above (a !conflict settled).  A line named inside the
 * message ("first at line 12") moves the same way and is not compared.
 */
int diag_same(const struct diag *a, const struct diag *b);

/* Drops from d every error that before has too (diag_same, each matched
 * once), keeping warnings and the errors an edit adds; returns how many
 * errors are left.  d->conflicts is not recounted. */
unsigned diags_keep_new(struct diags *d, const struct diags *before);

/* What the error of a plain value in a confidential interview says (part
 * of it, in English; the messages spell it out, for xgettext): a
 * translation says it in its words, so a program asks the diag's
 * unsealed instead. */
#define SCHEMA_UNSEALED "of a confidential interview is not sealed"

/* The errors of d other than the unresolved conflicts: what a merge or a
 * commit must not leave, where a conflict is the group's to settle. */
unsigned diags_other_errors(const struct diags *d);

const char *schema_kind_name(enum schema_kind kind);

/* The set of ids that references may name.  Owned by the caller. */
struct schema_ids;
struct schema_ids *schema_ids_new(void);
void schema_ids_free(struct schema_ids *ids);
int schema_ids_add(struct schema_ids *ids, enum schema_ref kind, const char *id);
/* Says that the ids of a kind were read (an empty list is a known list):
 * references to a kind that could not be read are not checked. */
void schema_ids_known(struct schema_ids *ids, enum schema_ref kind);
int schema_ids_has(const struct schema_ids *ids, enum schema_ref kind, const char *id);
size_t schema_ids_count(const struct schema_ids *ids, enum schema_ref kind);
/* Adds the principles', subgroups' and readers' ids of initiative.yaml. */
void schema_ids_from_initiative(struct schema_ids *ids, const struct doc *doc);

/*
 * Checks one loaded file (its path says its kind) and appends what is wrong
 * to out.  ids may be NULL to skip the checks of references.
 */
void schema_check(struct diags *out, const char *file, const struct doc *doc,
		  const struct schema_ids *ids);

/*
 * Puts the known fields of a file's tree in the form convene writes, so
 * that every YAML reader reads what convene means: text fields as text
 * (quoted where they would read as a number, a boolean or a date), date
 * fields as dates (plain), number fields in doc_number_canon()'s form.
 * Unknown keys and !conflict values are left as they are.
 */
void schema_normalize(struct doc *doc, const char *file);

/* Whether the field a path ends at holds free text (set takes VALUE as a
 * string) rather than a number, boolean, date... */
int schema_is_text_field(enum schema_kind kind, const char *const *keys, size_t n);

/*
 * Checks text as the value of one field, by the rules schema_check() uses
 * in a file, for a value given on the command line: keys[0..n) is the
 * field's path from the root of a file of kind (list segments by their
 * key; for a list of ids such as subgroups, text is one of its items).
 * Text fields take text as a string, others as YAML reads it unquoted; an
 * empty text is no value.  name stands for the field in the message
 * ("--due": "'--due' is 2026-02-30, a day that does not exist").  ids
 * (may be NULL) also checks what a reference names.  Returns 0; or
 * ERR_USAGE when the text has the wrong form, ERR_NOTFOUND when it names
 * what ids do not hold, with the message in err.  A field the schema does
 * not know takes any text.
 */
int schema_check_value(enum schema_kind kind, const char *const *keys, size_t n,
		       const char *text, const char *name, const struct schema_ids *ids,
		       struct err *err);

/*
 * schema_check_value() for a command's option: field is the path of keys
 * joined by dots ("agenda.actions.due"), value NULL when the option was
 * not given (0).  A value that names what ids do not hold says, unless
 * the schema had more to say, that nothing was changed: the command
 * refuses before it writes.
 */
int schema_check_option(enum schema_kind kind, const char *field, const char *value,
			const char *opt, const struct schema_ids *ids, struct err *err);

/* The same for a whole value, as set makes it (a scalar, a list or a
 * mapping), with the field's own rules: an empty value clears a field
 * that is not required. */
int schema_check_node(enum schema_kind kind, const char *const *keys, size_t n,
		      const struct doc_node *value, const char *name,
		      const struct schema_ids *ids, struct err *err);

/* What schema_field_known() says of a field it does not know. */
struct schema_unknown {
	size_t at;            /* the first key it does not know */
	const char *what;     /* what holds it ("the initiative"), NULL below a value */
	char closest[64];     /* the known key nearest keys[at], "" if none is near */
	char known[600];      /* the keys known there, ", " between them */
};

/*
 * Whether the schema knows the field keys[0..n) of a file of kind (list
 * segments by their key); any question id under an interview's answers
 * is known.  Returns 1, or 0 and fills *out.
 */
int schema_field_known(struct schema_unknown *out, enum schema_kind kind,
		       const char *const *keys, size_t n);

/*
 * Where a new key belongs in a map so keys stay in schema order: returns
 * the child after which to insert it (NULL: first).  keys[0..n) is the
 * path of map from the file's root (list segments by their key).
 */
struct doc_node *schema_insert_after(enum schema_kind kind, const char *const *keys,
				     size_t n, const struct doc_node *map,
				     const char *key);

#endif
