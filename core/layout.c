/*
 * The layout and the conventions of the history: see layout.h.  Every
 * spelling of a folder, a meeting's file, a subject, a trailer or a ref
 * that convene reads or writes is made here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "text.h"

const struct layout_folder layout_folders[] = {
	{ LAYOUT_MEMBERS, KIND_MEMBER },
	{ LAYOUT_INTERVIEWS, KIND_INTERVIEW },
	{ LAYOUT_MEETINGS, KIND_MEETING },
	{ LAYOUT_OUTCOMES, KIND_OUTCOME },
	{ NULL, KIND_NONE }
};

static const char meetings_dir[] = LAYOUT_MEETINGS "/";
#define MEETINGS_DIR_LEN (sizeof(meetings_dir) - 1)

static const char subject_word[] = "meeting ";
#define SUBJECT_WORD_LEN (sizeof(subject_word) - 1)

static const char ref_sites[] = "refs/convene/sites/";
static const char ref_from[] = "refs/convene/from/";
#define REF_FROM_LEN (sizeof(ref_from) - 1)

/* ---- folders and kinds ---- */

/* The folder of name[0..len), or NULL. */
static const struct layout_folder *folder_of(const char *name, size_t len)
{
	const struct layout_folder *f;

	for (f = layout_folders; f->name; f++)
		if (strlen(f->name) == len && !memcmp(f->name, name, len))
			return f;
	return NULL;
}

enum schema_kind layout_folder_kind(const char *name)
{
	const struct layout_folder *f = folder_of(name, strlen(name));

	return f ? f->kind : KIND_NONE;
}

enum schema_kind layout_kind(const char *file)
{
	const char *slash = strchr(file, '/');
	const struct layout_folder *f;

	if (!strcmp(file, LAYOUT_INITIATIVE))
		return KIND_INITIATIVE;
	/* by the folder alone: a misnamed file in it is still checked as
	 * one of its kind, and told what is wrong with its name */
	if (!slash || !(f = folder_of(file, (size_t)(slash - file))))
		return KIND_NONE;
	return f->kind;
}

int layout_file(const char *file, char *dir, size_t dsize, char *id, size_t isize)
{
	const char *slash = strchr(file, '/'), *dot;
	size_t dlen, ilen;

	if (!strcmp(file, LAYOUT_INITIATIVE)) {
		snprintf(dir, dsize, "%s", "");
		snprintf(id, isize, "%s", "initiative");
		return 1;
	}
	if (!slash)
		return 0;
	dlen = (size_t)(slash - file);
	dot = strrchr(slash, '.');
	if (!dot || strcmp(dot, ".yaml"))
		return 0;
	ilen = (size_t)(dot - slash - 1);
	if (!folder_of(file, dlen) || ilen == 0 || ilen >= isize || dlen >= dsize)
		return 0;
	memcpy(dir, file, dlen);
	dir[dlen] = '\0';
	memcpy(id, slash + 1, ilen);
	id[ilen] = '\0';
	return text_is_id(id);
}

void layout_folder_file(char *out, size_t size, const char *folder, const char *id)
{
	snprintf(out, size, "%s/%s.yaml", folder, id);
}

void layout_member_file(char *out, size_t size, const char *id)
{
	layout_folder_file(out, size, LAYOUT_MEMBERS, id);
}

void layout_interview_file(char *out, size_t size, const char *id)
{
	layout_folder_file(out, size, LAYOUT_INTERVIEWS, id);
}

void layout_outcome_file(char *out, size_t size, const char *id)
{
	layout_folder_file(out, size, LAYOUT_OUTCOMES, id);
}

/* ---- meeting numbers ---- */

/* digits[0..len) as a number, or 0 when it is none or too large. */
static long meeting_digits(const char *digits, size_t len)
{
	long n = 0;
	size_t i;

	if (!len)
		return 0;
	for (i = 0; i < len; i++) {
		if (digits[i] < '0' || digits[i] > '9')
			return 0;
		n = n * 10 + (digits[i] - '0');
		if (n > LAYOUT_MEETING_MAX)
			return 0;
	}
	return n;
}

/* The number digits[0..len) spells, when it is spelled as
 * layout_meeting_name() writes it; 0 otherwise. */
static long meeting_spelled(const char *digits, size_t len)
{
	char want[32];
	long n = meeting_digits(digits, len);

	if (!n)
		return 0;
	/* one spelling per number, so two sites never make two files of it */
	layout_meeting_name(want, sizeof(want), n);
	return strlen(want) == len && !memcmp(want, digits, len) ? n : 0;
}

long layout_meeting_number(const char *arg)
{
	size_t len;

	if (!strncmp(arg, meetings_dir, MEETINGS_DIR_LEN))
		arg += MEETINGS_DIR_LEN;
	len = strlen(arg);
	if (len > 5 && !strcmp(arg + len - 5, ".yaml"))
		len -= 5;
	return meeting_digits(arg, len);
}

long layout_meeting_of_file(const char *file)
{
	size_t len;

	if (strncmp(file, meetings_dir, MEETINGS_DIR_LEN))
		return 0;
	file += MEETINGS_DIR_LEN;
	len = strlen(file);
	if (len <= 5 || strcmp(file + len - 5, ".yaml"))
		return 0;
	return meeting_spelled(file, len - 5);
}

void layout_meeting_name(char *out, size_t size, long n)
{
	snprintf(out, size, "%03ld", n);
}

void layout_meeting_file(char *out, size_t size, long n)
{
	char name[32];

	layout_meeting_name(name, sizeof(name), n);
	snprintf(out, size, "%s%s.yaml", meetings_dir, name);
}

/* ---- commit subjects ---- */

void layout_subject(char *out, size_t size, long meeting, const char *fmt, ...)
{
	char name[32];
	size_t len;
	va_list ap;

	layout_meeting_name(name, sizeof(name), meeting);
	snprintf(out, size, "%s%s: ", subject_word, name);
	len = strlen(out);
	va_start(ap, fmt);
	vsnprintf(out + len, size - len, fmt, ap);
	va_end(ap);
}

long layout_subject_meeting(const char *subject)
{
	size_t digits;

	if (strncmp(subject, subject_word, SUBJECT_WORD_LEN))
		return 0;
	subject += SUBJECT_WORD_LEN;
	digits = strspn(subject, "0123456789");
	if (subject[digits] != ':')
		return 0;
	return meeting_spelled(subject, digits);
}

/* ---- trailers ---- */

void layout_commit_message(struct buf *out, const char *message, const char *site)
{
	buf_adds(out, message);
	if (out->len && out->ptr[out->len - 1] != '\n')
		buf_addc(out, '\n');
	if (site[0])
		buf_addf(out, "\n%s: %s\n", LAYOUT_TRAILER_SITE, site);
}

/*
 * Any line of the message, not only its last paragraph: convene adds its
 * Convene-Site: paragraph after a message that may end in trailers of its
 * own (a Convene-Meeting: written with `commit -m`).  The last one wins.
 */
void layout_trailer(char *out, size_t size, const char *msg, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	out[0] = '\0';
	for (p = msg; (p = strstr(p, name)); p += n)
		if ((p == msg || p[-1] == '\n') && p[n] == ':' && p[n + 1] == ' ') {
			size_t len = strcspn(p + n + 2, "\n");

			if (len < size)
				snprintf(out, size, "%.*s", (int)len, p + n + 2);
		}
}

void layout_commit_read(const char *message, const char *subject, char *site,
			size_t ssize, char *meeting, size_t msize)
{
	long n;

	layout_trailer(site, ssize, message, LAYOUT_TRAILER_SITE);
	layout_trailer(meeting, msize, message, LAYOUT_TRAILER_MEETING);
	if (!meeting[0] && (n = layout_subject_meeting(subject)))
		layout_meeting_name(meeting, msize, n);
}

/* ---- refs ---- */

void layout_ref_site(char *out, size_t size, const char *site)
{
	snprintf(out, size, "%s%s", ref_sites, site);
}

void layout_ref_from(char *out, size_t size, const char *site)
{
	snprintf(out, size, "%s%s", ref_from, site);
}

const char *layout_ref_from_site(const char *ref)
{
	if (strncmp(ref, ref_from, REF_FROM_LEN) || !text_is_id(ref + REF_FROM_LEN))
		return NULL;
	return ref + REF_FROM_LEN;
}

void layout_synced_key(char *out, size_t size, const char *remote)
{
	snprintf(out, size, "remote.%s.conveneSynced", remote);
}
