/* The timeline: see timeline.h. */
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "err.h"
#include "timeline.h"
#include "text.h"

int timeline_from_initiative(struct timeline *out, const struct doc_node *root)
{
	const struct doc_node *seq = root ? doc_get(root, "timeline") : NULL, *e;
	int bad = 0;

	memset(out, 0, sizeof(*out));
	if (!seq || seq->kind != DOC_SEQ || !seq->n)
		return 0;
	if (!(out->v = calloc(seq->n, sizeof(*out->v))))
		return ERR_NOMEM;
	for (e = seq->head; e; e = e->next) {
		struct timeline_entry *x = &out->v[out->n];
		const char *status = dom_text(e, "status");

		if (!dom_text(e, "id"))
			continue;
		out->n++;
		x->id = text_dup(dom_text(e, "id"), &bad);
		x->date = text_dup(dom_text(e, "date"), &bad);
		x->text = text_dup(dom_text(e, "text"), &bad);
		x->status = text_dup(status ? status : "planned", &bad);
		if (bad) {
			timeline_release(out);
			return ERR_NOMEM;
		}
	}
	return 0;
}

void timeline_release(struct timeline *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].id);
		free(t->v[i].date);
		free(t->v[i].text);
		free(t->v[i].status);
	}
	free(t->v);
	memset(t, 0, sizeof(*t));
}

size_t timeline_planned(const struct timeline *t)
{
	size_t i, n = 0;

	for (i = 0; i < t->n; i++)
		n += !strcmp(t->v[i].status, "planned");
	return n;
}
