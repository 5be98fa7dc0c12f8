/* Principles, outcomes, indicators and measurements: see outcomeedit.h. */
#include <stdio.h>
#include <string.h>

#include "core/domain.h"
#include "outcomeedit.h"

/* key: value in map (at keys[0..n) of a file of kind) when value is
 * given, as text or (plain) as YAML reads it; 0 or -1. */
static int put(struct doc *doc, enum schema_kind kind, const char *const *keys, size_t n,
	       struct doc_node *map, const char *key, const char *value, int plain)
{
	if (!value)
		return 0;
	return dom_put(doc, kind, keys, n, map, key,
		       plain ? dom_plain(doc, value) : dom_str(doc, value));
}

int principle_add_apply(struct txn *t, const char *id, const char *text, const char *site,
			const char *at, char *subject, size_t size)
{
	const char *keys[] = { "principles" };
	struct doc_node *seq, *e;

	if (!(seq = dom_seq(t->doc, KIND_INITIATIVE, NULL, 0, t->doc->root, "principles")) ||
	    !(e = doc_map(t->doc)) ||
	    put(t->doc, KIND_INITIATIVE, keys, 1, e, "id", id, 0) < 0 ||
	    put(t->doc, KIND_INITIATIVE, keys, 1, e, "text", text, 0) < 0 ||
	    put(t->doc, KIND_INITIATIVE, keys, 1, e, "site", site[0] ? site : NULL, 0) < 0 ||
	    put(t->doc, KIND_INITIATIVE, keys, 1, e, "at", at, 0) < 0)
		return LIST_NOT_LIST;
	if (doc_find_id(seq, id))
		return LIST_EXISTS;
	doc_seq_append(seq, e);
	snprintf(subject, size, "principle added: %s", id);
	return 0;
}

int outcome_check_new(const struct outcome_new *o, const struct schema_ids *ids,
		      struct err *err)
{
	size_t i;
	int error;

	if (!ids && (error = schema_check_option(KIND_OUTCOME, "title", o->title, "TITLE", NULL,
						 err)))
		return error;
	for (i = 0; i < o->np; i++)
		if ((error = schema_check_option(KIND_OUTCOME, "principles", o->principles[i],
						 "--principle", ids, err)))
			return error;
	return 0;
}

int outcome_create(struct txn *t, const struct outcome_new *o, char *subject, size_t size,
		   struct txn_err *e)
{
	struct doc *d = t->doc;
	struct doc_node *r = d->root, *seq;
	size_t i;
	int error;

	if ((error = outcome_check_new(o, t->ids, &e->err)))
		return error;
	if (put(d, KIND_OUTCOME, NULL, 0, r, "id", o->id, 0) < 0 ||
	    put(d, KIND_OUTCOME, NULL, 0, r, "title", o->title, 0) < 0 ||
	    put(d, KIND_OUTCOME, NULL, 0, r, "description", o->description, 0) < 0 ||
	    put(d, KIND_OUTCOME, NULL, 0, r, "population", o->population, 0) < 0 ||
	    put(d, KIND_OUTCOME, NULL, 0, r, "status", "proposed", 0) < 0)
		return err_set(&e->err, ERR_NOMEM, 0, 0, "out of memory");
	if (o->np) {
		if (!(seq = dom_seq(d, KIND_OUTCOME, NULL, 0, r, "principles")))
			return err_set(&e->err, ERR_NOMEM, 0, 0, "out of memory");
		for (i = 0; i < o->np; i++)
			doc_seq_append(seq, dom_str(d, o->principles[i]));
	}
	snprintf(subject, size, "outcome added: %s", o->id);
	return 0;
}

int indicator_check_new(const struct indicator_new *i, struct err *err)
{
	const struct { const char *opt, *value, *field; } v[] = {
		{ "NAME", i->name, "indicators.name" }, { "--unit", i->unit, "indicators.unit" },
		{ "--baseline", i->baseline, "indicators.baseline" },
		{ "--target", i->target, "indicators.target" },
	};
	size_t k;
	int error;

	for (k = 0; k < sizeof(v) / sizeof(v[0]); k++)
		if ((error = schema_check_option(KIND_OUTCOME, v[k].field, v[k].value, v[k].opt, NULL,
						 err)))
			return error;
	return 0;
}

int indicator_add_apply(struct txn *t, const struct indicator_new *i, char *subject,
			size_t size)
{
	const char *keys[] = { "indicators" };
	struct doc *d = t->doc;
	struct doc_node *seq, *e;

	if (!(seq = dom_seq(d, KIND_OUTCOME, NULL, 0, d->root, "indicators")) ||
	    !(e = doc_map(d)) ||
	    put(d, KIND_OUTCOME, keys, 1, e, "id", i->id, 0) < 0 ||
	    put(d, KIND_OUTCOME, keys, 1, e, "name", i->name, 0) < 0 ||
	    put(d, KIND_OUTCOME, keys, 1, e, "unit", i->unit, 0) < 0 ||
	    put(d, KIND_OUTCOME, keys, 1, e, "baseline", i->baseline, 1) < 0 ||
	    put(d, KIND_OUTCOME, keys, 1, e, "target", i->target, 1) < 0)
		return LIST_NOT_LIST;
	if (doc_find_id(seq, i->id))
		return LIST_EXISTS;
	doc_seq_append(seq, e);
	snprintf(subject, size, "outcome %s: indicator %s", i->outcome, i->id);
	return 0;
}

int measurement_check_new(const struct measurement_new *m, struct err *err)
{
	int error;

	if ((error = schema_check_option(KIND_OUTCOME, "indicators.measurements.value", m->value,
					 "VALUE", NULL, err)))
		return error;
	return schema_check_option(KIND_OUTCOME, "indicators.measurements.date", m->date, "--date",
				   NULL, err);
}

int measurement_add_apply(struct txn *t, const struct measurement_new *m, char *subject,
			  size_t size, struct txn_err *e)
{
	const char *keys[] = { "indicators", "measurements" };
	struct doc *d = t->doc;
	struct doc_node *ind, *seq, *n;
	char id[9];
	int error;

	if (!(ind = doc_find_id(doc_get(d->root, "indicators"), m->indicator)))
		return LIST_NO_INDICATOR;
	if ((error = edit_refuse_conflict(t, ind, "this indicator", e)))
		return error;
	if (dom_random_id(id) < 0 ||
	    !(seq = dom_seq(d, KIND_OUTCOME, keys, 1, ind, "measurements")) ||
	    !(n = doc_map(d)) ||
	    put(d, KIND_OUTCOME, keys, 2, n, "id", id, 0) < 0 ||
	    put(d, KIND_OUTCOME, keys, 2, n, "date", m->date, 0) < 0 ||
	    put(d, KIND_OUTCOME, keys, 2, n, "value", m->value, 1) < 0 ||
	    put(d, KIND_OUTCOME, keys, 2, n, "note", m->note, 0) < 0)
		return LIST_NOT_LIST;
	doc_seq_append(seq, n);
	snprintf(subject, size, "outcome %s: %s measured %s on %s", m->outcome, m->indicator,
		 m->value, m->date);
	return 0;
}
