/*
 * The layout of an initiative and the conventions of its history (DESIGN
 * §2), in one place for every layer: the folders and what kind of file
 * each holds, meeting numbers and their files, the "meeting NNN: ..."
 * subject, the Convene-Site: and Convene-Meeting: trailers, and the
 * refs/convene/... names.  A git repository written by an older or newer
 * convene is read by these rules, so they change only with care.
 *
 * Nothing here allocates except layout_commit_message(), into the caller's
 * buffer; every other function writes into a buffer the caller passes
 * (truncating as snprintf does) or returns a pointer into its argument.
 */
#ifndef CONVENE_LAYOUT_H
#define CONVENE_LAYOUT_H

#include <stddef.h>

#include "buf.h"

/* The kinds of file, one per folder and initiative.yaml (the schema says
 * what each holds: schema.h). */
enum schema_kind {
	KIND_NONE, KIND_INITIATIVE, KIND_MEMBER, KIND_INTERVIEW, KIND_MEETING,
	KIND_OUTCOME
};

#define LAYOUT_INITIATIVE "initiative.yaml"
#define LAYOUT_MEMBERS    "members"
#define LAYOUT_INTERVIEWS "interviews"
#define LAYOUT_MEETINGS   "meetings"
#define LAYOUT_OUTCOMES   "outcomes"

struct layout_folder {
	const char *name;       /* "members", no slash */
	enum schema_kind kind;
};

/* The folders, in the order files are listed (and validated); the last
 * entry has a NULL name. */
extern const struct layout_folder layout_folders[];

/* The kind of a top-level folder's name ("meetings"), KIND_NONE for any
 * other name. */
enum schema_kind layout_folder_kind(const char *name);

/* The kind of a file by its path relative to the top ("members/dana.yaml"
 * is a member): initiative.yaml, or anything under a folder;
 * KIND_NONE outside the layout. */
enum schema_kind layout_kind(const char *file);

/* Whether a relative file name fits the layout (initiative.yaml or
 * <folder>/<id>.yaml); sets *dir ("members", "" for initiative.yaml) and
 * *id (the base name without .yaml, "initiative") into the given buffers. */
int layout_file(const char *file, char *dir, size_t dsize, char *id, size_t isize);

/* Writes "<folder>/<id>.yaml", the file of id in a folder ("members",
 * "dana" give members/dana.yaml), as layout_file() reads it back. */
void layout_folder_file(char *out, size_t size, const char *folder, const char *id);
/* layout_folder_file() in members/, interviews/ and outcomes/. */
void layout_member_file(char *out, size_t size, const char *id);
void layout_interview_file(char *out, size_t size, const char *id);
void layout_outcome_file(char *out, size_t size, const char *id);

/*
 * Meeting numbers (meetings/<NNN>.yaml): a number from 1 to
 * LAYOUT_MEETING_MAX, its file named with at least three digits,
 * zero-padded to three and no more (001, 042, 1000).  The same spelling
 * names it in commit subjects and in `log`: "meeting 042".
 */
#define LAYOUT_MEETING_MAX 99999L

/* The meeting a person names: "2", "002", "meetings/002" or
 * "meetings/002.yaml", digits only; 0 when it names none. */
long layout_meeting_number(const char *arg);

/* The number of a meeting file ("meetings/002.yaml" gives 2) when its name
 * is the one layout_meeting_file() writes; 0 for any other name
 * (meetings/2.yaml, meetings/0002.yaml, meetings/000.yaml). */
long layout_meeting_of_file(const char *file);

/* Writes "meetings/NNN.yaml" for number n (1..LAYOUT_MEETING_MAX). */
void layout_meeting_file(char *out, size_t size, long n);

/* Writes the number as files and subjects spell it: "002", "1000". */
void layout_meeting_name(char *out, size_t size, long n);

/*
 * Commit subjects.  A commit about one meeting says so first, "meeting
 * 002: note on opening", and `log --meeting 2` finds it by that.
 */

/* Writes "meeting NNN: " and then fmt's text into out. */
void layout_subject(char *out, size_t size, long meeting, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The meeting a subject begins with ("meeting 1000: ..." gives 1000), when
 * its number is spelled as layout_subject() writes it; 0 otherwise. */
long layout_subject_meeting(const char *subject);

/*
 * Trailers: "Convene-Site: haifa" says where a commit was made (every
 * commit convene makes at a named site has it); "Convene-Meeting: 002",
 * written by hand, ties a commit to a meeting its subject does not name.
 */
#define LAYOUT_TRAILER_SITE    "Convene-Site"
#define LAYOUT_TRAILER_MEETING "Convene-Meeting"

/* Appends message to out as a commit message: message, a newline if it
 * lacks one, and a "Convene-Site: <site>" paragraph when site is not "".
 * An allocation failure is left in out (buf_failed). */
void layout_commit_message(struct buf *out, const char *message, const char *site);

/* Writes into out the value of the last line of msg that reads
 * "<name>: <value>"; "" when there is none that fits in size. */
void layout_trailer(char *out, size_t size, const char *msg, const char *name);

/* What a commit's message says of it: *site from its Convene-Site:
 * trailer, *meeting from its Convene-Meeting: trailer, else from its
 * subject ("002"); each "" when the message does not say. */
void layout_commit_read(const char *message, const char *subject, char *site,
			size_t ssize, char *meeting, size_t msize);

/*
 * Refs.  refs/convene/sites/<site> is what a site last had, as its last
 * bundle said; a bundle's header names who made it with a line for
 * refs/convene/from/<site>, which git ignores.
 */
void layout_ref_site(char *out, size_t size, const char *site);
void layout_ref_from(char *out, size_t size, const char *site);

/* The site of a "refs/convene/from/<site>" ref (an id), else NULL. */
const char *layout_ref_from_site(const char *ref);

/* Writes the git config key "remote.<remote>.conveneSynced": when this
 * site last synced with that remote (sync sets it, status shows it). */
void layout_synced_key(char *out, size_t size, const char *remote);

#endif
