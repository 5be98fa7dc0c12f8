/*
 * What changed in a file, in words, for `convene diff`: "vision changed",
 * "member added: Dana Levi (dana)", "3 notes added to meeting 002".  A
 * pure comparison of two versions of one file of the layout; the caller
 * walks the files and renders the sentences.
 */
#ifndef CONVENE_DESCRIBE_H
#define CONVENE_DESCRIBE_H

#include <stddef.h>

/* One sentence about one file. */
struct describe_line {
	const char *file;        /* "meetings/002.yaml" */
	const char *text;        /* "3 notes added to meeting 002", one line */
};

/* The sentences found so far, in the order they were found.  The list
 * owns them until describe_release(). */
struct describe {
	struct describe_line *v;
	size_t n, cap;
	int failed;              /* memory ran out: some are missing */
};

#define DESCRIBE_INIT { NULL, 0, 0, 0 }

/*
 * Appends to out what changed in file from old to new (NULL: the file is
 * not there on that side; the texts need not be valid YAML).  A file
 * outside the layout is described by its name alone.  Returns 0, or
 * ERR_NOMEM when a sentence could not be kept.
 */
int describe_file(struct describe *out, const char *file, const char *old, size_t oldlen,
		  const char *new, size_t newlen);

void describe_release(struct describe *d);

#endif
