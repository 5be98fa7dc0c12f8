/*
 * Field paths (DESIGN §3): `vision` is short for `initiative.yaml:vision`;
 * `meetings/002.yaml:agenda[principles].notes` selects list items by id;
 * `members/dana.yaml` alone names a whole file.
 */
#ifndef CONVENE_PATH_H
#define CONVENE_PATH_H

#include "doc.h"
#include "err.h"

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

/*
 * Meeting numbers (DESIGN §2, meetings/<NNN>.yaml), for every layer: a
 * number from 1 to PATH_MEETING_MAX, and its file named with at least
 * three digits, zero-padded to three and no more (001, 042, 1000).
 */
#define PATH_MEETING_MAX 99999L

/* The meeting a person names: "2", "002", "meetings/002" or
 * "meetings/002.yaml", digits only; 0 when it names none. */
long path_meeting_number(const char *arg);

/* The number of a meeting file ("meetings/002.yaml" gives 2) when its name
 * is the one path_meeting_file() writes; 0 for any other name
 * (meetings/2.yaml, meetings/0002.yaml, meetings/000.yaml). */
long path_meeting_of_file(const char *file);

/* Writes "meetings/NNN.yaml" for number n (1..PATH_MEETING_MAX). */
void path_meeting_file(char *out, size_t size, long n);

/* Whether a relative file name fits the layout; sets *dir ("members") and
 * *id (the base name, without .yaml) into the given buffers. */
int path_is_layout_file(const char *file, char *dir, size_t dsize,
			char *id, size_t isize);

#endif
