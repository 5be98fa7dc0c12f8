/*
 * What outcome list shows of an outcome.  Pure: the caller loads the
 * trees (cmd's visit_initiative) and feeds them in.
 */
#ifndef CONVENE_OUTCOMES_H
#define CONVENE_OUTCOMES_H

#include <stddef.h>

#include "doc.h"

/* One row of outcome list.  The strings point into the tree; NULL when
 * absent, null or not text (the view says what stands for them). */
struct outcome_info {
	const char *id, *title, *status;
	size_t indicators;
};

/* Fills *out from an outcome's file and returns 1; 0 for any other file,
 * or one that does not hold a mapping. */
int outcome_info(struct outcome_info *out, const char *file, const struct doc *doc);

#endif
