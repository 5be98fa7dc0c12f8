/*
 * The templates that `init` (DESIGN §5) and `meeting new --template`
 * (DESIGN §8) lay out, embedded in the binary from core/templates/<lang>/
 * at build time: meetings/, interview_questions.yaml, timeline.yaml and
 * items/ (the host-practices item).
 */
#ifndef CONVENE_TEMPLATE_H
#define CONVENE_TEMPLATE_H

#include <stddef.h>

#include "err.h"

struct template_file {
	const char *path;  /* "he/meetings/001.yaml" */
	const char *data;  /* the YAML text, NUL-terminated */
};

/* Every embedded file, ending with { NULL, NULL }. */
extern const struct template_file template_files[];

/* The text of one file, e.g. ("he", "meetings/001.yaml"), or NULL. */
const char *template_get(const char *lang, const char *path);
/* The text of an embedded file by its whole path ("hooks/samples/pre-commit"). */
const char *template_file(const char *path);


/* One file that init writes. */
struct template_out {
	char path[64];
	char *data;      /* malloc()ed canonical YAML */
	size_t len;
};

/*
 * Renders the files of a new initiative: initiative.yaml named `name` in
 * `lang` ("he" or "en"), with `timezone` (an IANA name, or NULL for none),
 * and for template "ucsd" meetings 001-003, the interview guide
 * (interview_questions) and, when `start` (the initiative's first day,
 * 2026-02-01) is given, a timeline of planned meetings over six months.
 * *out is a malloc()ed array of *n files; free with template_out_free().
 */
int template_render(struct template_out **out, size_t *n, const char *tmpl,
		    const char *lang, const char *name, const char *timezone, const char *start,
		    struct err *err);

/* date plus months (the day kept, or the month's last): "2026-01-31" + 1
 * is "2026-02-28".  Returns 0, or -1 for what is not a date. */
int template_add_months(char *out, size_t size, const char *date, int months);

/* The meeting templates of `meeting new --template`, NULL-ended: blank
 * (an opening and a summary), then the later meetings of the source
 * document (DESIGN §8). */
extern const char *const template_meetings[];

/*
 * Lays out a new meeting in root (a meeting of doc, with number set) from
 * template `name` in lang: its goals and agenda items, and its title
 * ("Meeting 5 – quick wins") unless root has one.  A meeting with a host
 * (the member id, or NULL) gets the item host-practices after the
 * opening, led by the host.  Returns 0, ERR_USAGE for a name that is not
 * a template (err says which are), or ERR_NOMEM.
 */
/* The field of initiative.yaml that a decision on agenda item `item` is
 * meant to set (elevator-pitch: elevator_pitch, in the communications
 * meeting), or NULL. */
const char *template_decision_field(const char *item);

struct doc;
struct doc_node;
int template_meeting(struct doc *doc, struct doc_node *root, const char *name, const char *lang,
		     long number, const char *host, struct err *err);
void template_out_free(struct template_out *files, size_t n);

#endif
