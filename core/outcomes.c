/* What outcome list shows: see outcomes.h. */
#include "domain.h"
#include "layout.h"
#include "outcomes.h"

int outcome_info(struct outcome_info *out, const char *file, const struct doc *doc)
{
	const struct doc_node *r = doc->root, *inds, *i;

	if (layout_kind(file) != KIND_OUTCOME || !r || r->kind != DOC_MAP)
		return 0;
	out->id = dom_text(r, "id");
	out->title = dom_text(r, "title");
	out->status = dom_text(r, "status");
	out->indicators = 0;
	/* indicators that are not a list (a conflict over them) count none */
	if ((inds = doc_get(r, "indicators")) && inds->kind == DOC_SEQ)
		for (i = inds->head; i; i = i->next)
			out->indicators++;
	return 1;
}
