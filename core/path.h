/*
 * Field paths (DESIGN §3): `vision` is short for `initiative.yaml:vision`;
 * `meetings/002.yaml:agenda[principles].notes` selects list items by id;
 * `members/dana.yaml` alone names a whole file.
 */
#ifndef CONVENE_PATH_H
#define CONVENE_PATH_H

#include "doc.h"
#include "err.h"
#include "layout.h"

#define PATH_MAX_SEGS 16

struct path_seg {
	char key[64];
	char id[64];     /* "" when the segment selects no list item */
};

struct path {
	char file[128];  /* relative to the initiative's top directory */
	size_t n;        /* 0: the whole file */
	struct path_seg seg[PATH_MAX_SEGS];
};

/*
 * Parses text into *out.  Refuses files outside the initiative's layout
 * (initiative.yaml, members/, interviews/, meetings/, outcomes/ with an id
 * for a name), which also keeps '..' and absolute paths out.
 */
int path_parse(struct path *out, const char *text, struct err *err);

/* Writes the path back as text ("vision", "meetings/002.yaml:agenda[x].notes"). */
void path_format(char *out, size_t size, const struct path *p);

/*
 * Finds the node the first `depth` segments of p select in root.  Returns 0
 * and sets *out, or ERR_NOTFOUND with a message naming the missing part.
 */
int path_resolve(struct doc_node **out, struct doc_node *root,
		 const struct path *p, size_t depth, struct err *err);

#endif
