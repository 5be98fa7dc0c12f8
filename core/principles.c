/* The guiding principles: see principles.h. */
#include <stdio.h>
#include <stdlib.h>

#include "domain.h"
#include "err.h"
#include "principles.h"

int principles_read(struct principles *out, const struct doc *doc)
{
	const struct doc_node *seq = doc_get(doc->root, "principles"), *p;
	size_t n = 0;

	out->v = NULL;
	out->n = 0;
	if (!seq || seq->kind != DOC_SEQ)
		return 0;
	for (p = seq->head; p; p = p->next)
		n++;
	if (!n)
		return 0;
	if (!(out->v = calloc(n, sizeof(*out->v))))
		return ERR_NOMEM;
	for (p = seq->head; p; p = p->next) {
		out->v[out->n].id = dom_text(p, "id");
		out->v[out->n].text = dom_text(p, "text");
		out->n++;
	}
	return 0;
}

void principles_release(struct principles *p)
{
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

int principles_new_id(char *out, size_t size)
{
	char hex[9];

	if (dom_random_id(hex) < 0)
		return -1;
	snprintf(out, size, "p-%s", hex);
	return 0;
}
