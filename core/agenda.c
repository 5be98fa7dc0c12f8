/*
 * The agenda, the run sheet and the minutes as Markdown (agenda.h): the
 * header every one of them opens with (title, initiative, date with its
 * weekday, start and end in the initiative's time zone, place), then
 * what each says of the meeting.  A value still in a !conflict is shown
 * with every side and said to be unsettled, wherever it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "approval.h"
#include "domain.h"
#include "err.h"
#include "schema.h"
#include "text.h"

/* ---- words ---- */

struct words {
	const char *agenda, *runsheet, *minutes, *meeting, *date, *time, *place, *online;
	const char *not_set, *goals, *items, *minute, *lead, *purpose[3], *open_actions;
	const char *owner, *due, *status[3], *present, *absent, *nobody, *notes, *decisions;
	const char *actions, *nothing, *next_steps, *next_meeting, *unsettled, *versions;
	const char *removed, *from, *made_from, *not_committed, *uncommitted, *planned_total;
	const char *weekdays[7], *months[12], *month_of;
	const char *standing, *draft, *approved_at;  /* the minutes' own state */
};

static const struct words en = {
	"Agenda", "Run sheet", "Minutes", "Meeting", "Date", "Time", "Place", "Online",
	"not set yet", "Goals", "Agenda", "min", "lead", { "information", "discussion", "decision" },
	"Open actions from earlier meetings",
	"owner", "due", { "open", "done", "dropped" }, "Present", "Absent", "nobody recorded",
	"Notes", "Decisions",
	"Actions", "Nothing recorded.", "Next steps", "Next meeting", "Not settled", "versions",
	"removed", "from", "Made from commit", "Not committed yet.", "with changes not yet committed",
	"Planned: %d of %d minutes",
	{ "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" },
	{ "January", "February", "March", "April", "May", "June", "July", "August",
	  "September", "October", "November", "December" }, "",
	"Status", "draft", "approved at meeting %ld"
};

static const struct words he = {
	"סדר יום", "דף הנחיה", "פרוטוקול", "מפגש", "תאריך", "שעה", "מקום", "מקוון",
	"טרם נקבע", "מטרות", "סדר היום", "דק׳", "הובלה", { "עדכון", "דיון", "החלטה" },
	"משימות פתוחות ממפגשים קודמים",
	"אחריות", "עד", { "פתוחה", "בוצעה", "בוטלה" }, "נוכחים", "נעדרים", "לא נרשמו",
	"הערות", "החלטות",
	"משימות", "לא נרשם דבר.", "הצעדים הבאים", "המפגש הבא", "טרם הוכרע", "גרסאות",
	"נמחק", "מאת", "הופק מגרסה", "טרם נשמר בהיסטוריה.", "עם שינויים שטרם נשמרו",
	"מתוכננות %d מתוך %d דקות",
	{ "יום ראשון", "יום שני", "יום שלישי", "יום רביעי", "יום חמישי", "יום שישי", "שבת" },
	{ "ינואר", "פברואר", "מרץ", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר",
	  "אוקטובר", "נובמבר", "דצמבר" }, "ב",
	"מעמד", "טיוטה", "אושר במפגש %ld"
};

const char *agenda_lang(const struct agenda_in *in)
{
	const char *l = dom_text(in->initiative, "language");

	return l && !strcmp(l, "he") ? "he" : "en";
}

static const struct words *words_of(const char *lang)
{
	return !strcmp(lang, "he") ? &he : &en;
}

/* ---- plain text in Markdown ---- */

/* The ASCII punctuation, which CommonMark lets a backslash escape. */
static int md_punct(unsigned char c)
{
	return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) ||
	       (c >= 0x7b && c <= 0x7e);
}

/* Plain bytes go out in runs, one buf_add each: the absent list of every
 * minutes page escapes the whole group's names. */
void md_escape(struct buf *out, const char *s, const char *indent)
{
	size_t n = s ? strlen(s) : 0;
	const char *run = s;
	int line_start = 1;

	if (!s)
		return;
	while (n && s[n - 1] == '\n')
		n--;
	for (; n; s++, n--) {
		unsigned char c = (unsigned char)*s;

		if (c == '\n') {
			buf_add(out, run, (size_t)(s - run));
			buf_adds(out, "\\\n");
			buf_adds(out, indent ? indent : "");
			line_start = 1;
			run = s + 1;
			continue;
		}
		if (line_start && (c == ' ' || c == '\t')) {
			buf_add(out, run, (size_t)(s - run));
			buf_adds(out, "\xc2\xa0");  /* U+00A0: kept, and starts no block */
			run = s + 1;
			continue;
		}
		line_start = 0;
		if (md_punct(c)) {
			buf_add(out, run, (size_t)(s - run));
			buf_addc(out, '\\');
			run = s;  /* c itself starts the next run */
		}
	}
	buf_add(out, run, (size_t)(s - run));
}

/* A link the data holds, when it is one a reader may follow: the URL as
 * its text, and as its target in <...>, where only <, > and \ need a
 * backslash.  Anything else is text. */
static void md_link(struct buf *out, const char *url)
{
	const char *p;

	if ((strncmp(url, "https://", 8) && strncmp(url, "http://", 7)) || strpbrk(url, "\n\r")) {
		md_escape(out, url, "");
		return;
	}
	buf_addc(out, '[');
	md_escape(out, url, "");
	buf_adds(out, "](<");
	for (p = url; *p; p++) {
		if (*p == '<' || *p == '>' || *p == '\\')
			buf_addc(out, '\\');
		buf_addc(out, *p);
	}
	buf_adds(out, ">)");
}

/* ---- dates and times ---- */

int agenda_weekday(const char *s)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	int y, m, d;

	if (!s || strlen(s) != 10 || !text_is_date(s, 10))
		return -1;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (m < 3)
		y--;
	/* Sakamoto's method, for the Gregorian calendar */
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

int agenda_clock(const char *s)
{
	if (!s || !text_is_time(s, strlen(s)))
		return -1;
	return ((s[0] - '0') * 10 + (s[1] - '0')) * 60 + (s[3] - '0') * 10 + (s[4] - '0');
}

void agenda_date(struct buf *out, const char *s, const char *lang)
{
	const struct words *w = words_of(lang);
	int wd = agenda_weekday(s);

	if (wd < 0) {
		md_escape(out, s, "");
		return;
	}
	buf_addf(out, "%s, %d %s%s %.4s", w->weekdays[wd], atoi(s + 8), w->month_of,
		 w->months[atoi(s + 5) - 1], s);
}

static void put_clock(struct buf *out, int minutes)
{
	minutes %= 24 * 60;
	buf_addf(out, "%02d:%02d", minutes / 60, minutes % 60);
}

/* A whole number of minutes from a scalar, or -1. */
static long whole(const struct doc_node *v)
{
	char *end;
	long n;

	if (!v || v->kind != DOC_SCALAR || !v->len || (v->flags & DOC_CONFLICT))
		return -1;
	n = strtol(v->str, &end, 10);
	return *end || n < 0 || n > 100000 ? -1 : n;
}

/* ---- rendering ---- */

struct r {
	struct buf *b;
	const struct agenda_in *in;
	const struct words *w;
	const char *lang;
};

typedef void (*fmt_fn)(struct r *r, const struct doc_node *v, const char *indent);

static int is_conflict(const struct doc_node *n)
{
	return n && (n->flags & DOC_CONFLICT);
}

static const char *name_of(struct r *r, const char *id)
{
	const struct agenda_member *m = agenda_member(r->in->members, id);

	return m && m->name ? m->name : id;
}

/* Text: a scalar's, the text or title of a mapping, a list's items. */
static void fmt_text(struct r *r, const struct doc_node *v, const char *indent)
{
	const struct doc_node *e;

	if (!v)
		return;
	if (v->kind == DOC_SCALAR) {
		md_escape(r->b, v->str, indent);
	} else if (v->kind == DOC_MAP) {
		md_escape(r->b, dom_text(v, "text") ? dom_text(v, "text") : dom_text(v, "title"),
			  indent);
	} else {
		for (e = v->head; e; e = e->next) {
			if (e != v->head)
				buf_adds(r->b, ", ");
			fmt_text(r, e, indent);
		}
	}
}

static void fmt_date(struct r *r, const struct doc_node *v, const char *indent)
{
	if (v && v->kind == DOC_SCALAR && agenda_weekday(v->str) >= 0)
		agenda_date(r->b, v->str, r->lang);
	else
		fmt_text(r, v, indent);
}

static void fmt_member(struct r *r, const struct doc_node *v, const char *indent)
{
	const struct doc_node *e;

	if (v && v->kind == DOC_SEQ) {
		for (e = v->head; e; e = e->next) {
			if (e != v->head)
				buf_adds(r->b, ", ");
			fmt_member(r, e, indent);
		}
	} else if (v && v->kind == DOC_SCALAR) {
		md_escape(r->b, name_of(r, v->str), indent);
	}
}

static void put_value(struct r *r, const struct doc_node *v, fmt_fn fmt, const char *indent);

/* "**Not settled** (2 versions): **1.** one (from ...) **2.** other (from ...)" */
static void put_conflict(struct r *r, const struct doc_node *c, fmt_fn fmt, const char *indent)
{
	const struct doc_node *sides = doc_get(c, "sides"), *s;
	size_t k = 0;

	buf_addf(r->b, "**%s** (%zu %s):", r->w->unsettled,
		 sides && sides->kind == DOC_SEQ ? sides->n : 0, r->w->versions);
	if (!sides || sides->kind != DOC_SEQ)
		return;
	for (s = sides->head; s; s = s->next) {
		const struct doc_node *v = doc_get(s, "value");

		buf_addf(r->b, " **%zu.** ", ++k);
		if (s->kind == DOC_MAP && v)
			put_value(r, v, fmt, indent);
		else
			buf_addf(r->b, "(%s)", r->w->removed);
		if (dom_text(s, "from")) {
			buf_addf(r->b, " (%s ", r->w->from);
			md_escape(r->b, dom_text(s, "from"), indent);
			buf_addc(r->b, ')');
		}
	}
}

static void put_value(struct r *r, const struct doc_node *v, fmt_fn fmt, const char *indent)
{
	if (is_conflict(v))
		put_conflict(r, v, fmt, indent);
	else
		fmt(r, v, indent);
}

/* Whether map's key holds something worth a line: set, or in conflict. */
static int has(const struct doc_node *map, const char *key)
{
	const struct doc_node *v = doc_get(map, key);

	return v && (is_conflict(v) || !doc_is_null(v)) && !(v->kind == DOC_SCALAR && !v->len);
}

static void fmt_place(struct r *r, const struct doc_node *loc, const char *indent)
{
	const struct doc_node *host = doc_get(loc, "host");
	const struct agenda_member *m = NULL;
	int parts = 0;

	if (!loc || loc->kind != DOC_MAP) {
		fmt_text(r, loc, indent);
		return;
	}
	if (has(loc, "host")) {
		put_value(r, host, fmt_member, indent);
		parts++;
		if (host->kind == DOC_SCALAR)
			m = agenda_member(r->in->members, host->str);
	}
	if (has(loc, "address")) {
		buf_adds(r->b, parts++ ? ", " : "");
		put_value(r, doc_get(loc, "address"), fmt_text, indent);
	} else if (m && m->address) {
		buf_adds(r->b, parts++ ? ", " : "");
		md_escape(r->b, m->address, indent);
	}
	if (has(loc, "virtual")) {
		const struct doc_node *v = doc_get(loc, "virtual");

		buf_adds(r->b, parts++ ? ", " : "");
		if (v->kind == DOC_SCALAR && !is_conflict(v))
			md_link(r->b, v->str);
		else
			put_value(r, v, fmt_text, indent);
	}
	if (!parts)
		buf_adds(r->b, r->w->not_set);
}

static const char *time_zone(const struct agenda_in *in, struct agenda_said *said)
{
	const char *tz = dom_text(in->initiative, "timezone");

	if (tz && *tz)
		return tz;
	said->no_timezone = 1;
	return "UTC";
}

/* The title, what this is, the initiative, date, time and place. */
static void put_header(struct r *r, const char *what, struct agenda_said *said)
{
	const struct doc_node *m = r->in->meeting, *start = doc_get(m, "start");
	const struct doc_node *dur = doc_get(m, "duration");
	const char *tz = time_zone(r->in, said);
	long d = whole(dur);
	int at;

	buf_adds(r->b, "# ");
	if (has(m, "title"))
		put_value(r, doc_get(m, "title"), fmt_text, "");
	else
		buf_addf(r->b, "%s %ld", r->w->meeting, r->in->number);
	buf_addf(r->b, "\n\n**%s**", what);
	if (dom_text(r->in->initiative, "name")) {
		buf_adds(r->b, " · ");
		md_escape(r->b, dom_text(r->in->initiative, "name"), "");
	}
	buf_addf(r->b, "\n\n- **%s:** ", r->w->date);
	if (has(m, "date"))
		put_value(r, doc_get(m, "date"), fmt_date, "  ");
	else
		buf_adds(r->b, r->w->not_set);
	buf_addf(r->b, "\n- **%s:** ", r->w->time);
	if (!has(m, "start")) {
		buf_adds(r->b, r->w->not_set);
	} else if (is_conflict(start) || (at = agenda_clock(start->str)) < 0) {
		put_value(r, start, fmt_text, "  ");
		md_escape(r->b, " (", "");
		md_escape(r->b, tz, "");
		md_escape(r->b, ")", "");
	} else {
		put_clock(r->b, at);
		if (is_conflict(dur)) {
			buf_adds(r->b, ", ");
			put_value(r, dur, fmt_text, "  ");
			buf_addf(r->b, " %s", r->w->minute);
		} else {
			buf_adds(r->b, "–");
			put_clock(r->b, at + (int)(d >= 0 ? d : 120));
		}
		buf_adds(r->b, " (");
		md_escape(r->b, tz, "");
		buf_adds(r->b, ")");
	}
	buf_addf(r->b, "\n- **%s:** ", r->w->place);
	if (has(m, "location"))
		put_value(r, doc_get(m, "location"), fmt_place, "  ");
	else
		buf_adds(r->b, r->w->not_set);
	buf_adds(r->b, "\n");
}

/* "- text" for each item of a list field, under a heading. */
static void put_list(struct r *r, const struct doc_node *map, const char *key, const char *title)
{
	const struct doc_node *seq = doc_get(map, key), *e;

	if (!has(map, key))
		return;
	buf_addf(r->b, "\n## %s\n\n", title);
	if (seq->kind != DOC_SEQ) {
		buf_adds(r->b, "- ");
		put_value(r, seq, fmt_text, "  ");
		buf_addc(r->b, '\n');
		return;
	}
	for (e = seq->head; e; e = e->next) {
		buf_adds(r->b, "- ");
		put_value(r, e, fmt_text, "  ");
		buf_addc(r->b, '\n');
	}
}

static const char *purpose_word(const struct words *w, const char *p)
{
	static const char *const ids[] = { "information", "discussion", "decision" };
	size_t i;

	for (i = 0; i < 3; i++)
		if (!strcmp(p, ids[i]))
			return w->purpose[i];
	return NULL;
}

/* One agenda item's line of details: planned times (*clock, -1 once
 * unknown), length, lead, purpose.  Returns whether it wrote any. */
static int item_details(struct r *r, const struct doc_node *item, int *clock)
{
	const struct doc_node *mins = doc_get(item, "minutes");
	long n = whole(mins);
	int any = 0;

	if (n >= 0 && *clock >= 0) {
		put_clock(r->b, *clock);
		buf_adds(r->b, "–");
		put_clock(r->b, *clock + (int)n);
		any = 1;
	}
	if (n >= 0) {
		buf_addf(r->b, "%s%ld %s", any ? " · " : "", n, r->w->minute);
		any = 1;
		if (*clock >= 0)
			*clock += (int)n;
	} else {
		*clock = -1;  /* the items after it start when it ends: unknown */
		if (is_conflict(mins)) {
			put_value(r, mins, fmt_text, "   ");
			any = 1;
		}
	}
	if (has(item, "lead")) {
		buf_addf(r->b, "%s%s: ", any ? " · " : "", r->w->lead);
		put_value(r, doc_get(item, "lead"), fmt_member, "   ");
		any = 1;
	}
	if (has(item, "purpose")) {
		const struct doc_node *p = doc_get(item, "purpose");
		const char *word = p->kind == DOC_SCALAR && !is_conflict(p) ? purpose_word(r->w, p->str)
									    : NULL;

		buf_adds(r->b, any ? " · " : "");
		if (word)
			buf_adds(r->b, word);
		else
			put_value(r, p, fmt_text, "   ");
		any = 1;
	}
	return any;
}

/* Where the items start: the meeting's start, or -1. */
static int start_clock(const struct doc_node *m)
{
	const struct doc_node *s = doc_get(m, "start");

	return s && s->kind == DOC_SCALAR && !is_conflict(s) ? agenda_clock(s->str) : -1;
}

static void put_items(struct r *r, unsigned flags)
{
	const struct doc_node *agenda = doc_get(r->in->meeting, "agenda"), *item;
	int clock = start_clock(r->in->meeting), k = 0, total = 0, all = 1;
	char indent[8];

	if (!agenda || agenda->kind != DOC_SEQ || !agenda->n)
		return;
	buf_addf(r->b, "\n## %s\n\n", r->w->items);
	for (item = agenda->head; item; item = item->next) {
		int w = snprintf(indent, sizeof(indent), "%d. ", ++k);

		memset(indent, ' ', (size_t)w);
		buf_addf(r->b, "%d. **", k);
		if (is_conflict(item))
			put_value(r, item, fmt_text, indent);
		else if (has(item, "title"))
			put_value(r, doc_get(item, "title"), fmt_text, indent);
		else
			md_escape(r->b, dom_text(item, "id"), indent);
		buf_adds(r->b, "**");
		if (whole(doc_get(item, "minutes")) >= 0)
			total += (int)whole(doc_get(item, "minutes"));
		else
			all = 0;
		{
			struct buf *keep = r->b, line = BUF_INIT;

			r->b = &line;
			if (item_details(r, item, &clock)) {
				buf_addf(keep, "\\\n%s", indent);
				buf_adds(keep, buf_str(&line));
				if (line.failed)
					keep->failed = 1;
			}
			buf_release(&line);
			r->b = keep;
		}
		buf_addc(r->b, '\n');
		if ((flags & AGENDA_FACILITATOR) && has(item, "prompt")) {
			char quoted[16];

			snprintf(quoted, sizeof(quoted), "%s> ", indent);
			buf_addf(r->b, "\n%s", quoted);
			put_value(r, doc_get(item, "prompt"), fmt_text, quoted);
			buf_adds(r->b, "\n\n");
		}
	}
	if ((flags & AGENDA_FACILITATOR) && all) {
		long d = whole(doc_get(r->in->meeting, "duration"));

		buf_addc(r->b, '\n');
		buf_addf(r->b, r->w->planned_total, total, (int)(d >= 0 ? d : 120));
		buf_adds(r->b, "\n");
	}
}

static const char *status_word(const struct words *w, const char *s)
{
	static const char *const ids[] = { "open", "done", "dropped" };
	size_t i;

	for (i = 0; i < 3; i++)
		if (s && !strcmp(s, ids[i]))
			return w->status[i];
	return NULL;
}

static int action_cmp(const void *a, const void *b)
{
	const struct action_info *x = *(const struct action_info *const *)a;
	const struct action_info *y = *(const struct action_info *const *)b;

	/* files come sorted by name (1000 before 101): order by number, then
	 * as they were found, for the same bytes whatever the listing */
	if (x->meeting != y->meeting)
		return x->meeting < y->meeting ? -1 : 1;
	return x < y ? -1 : x > y;
}

static int put_open_actions(struct r *r)
{
	const struct meetings *m = r->in->meetings;
	const struct action_info **v;
	size_t i, n = 0;

	if (!m || !m->nactions)
		return 0;
	if (!(v = malloc(m->nactions * sizeof(*v))))
		return -1;
	for (i = 0; i < m->nactions; i++)
		if (m->actions[i].meeting < r->in->number && action_is_open(&m->actions[i]))
			v[n++] = &m->actions[i];
	qsort(v, n, sizeof(*v), action_cmp);
	if (n)
		buf_addf(r->b, "\n## %s\n\n", r->w->open_actions);
	for (i = 0; i < n; i++) {
		buf_adds(r->b, "- ");
		md_escape(r->b, v[i]->text, "  ");
		buf_adds(r->b, " — ");
		if (v[i]->owner) {
			buf_addf(r->b, "%s: ", r->w->owner);
			md_escape(r->b, name_of(r, v[i]->owner), "  ");
			buf_adds(r->b, " · ");
		}
		if (v[i]->due) {
			buf_addf(r->b, "%s ", r->w->due);
			md_escape(r->b, v[i]->due, "  ");
			buf_adds(r->b, " · ");
		}
		buf_addf(r->b, "%s %ld\n", r->w->meeting, v[i]->meeting);
	}
	free(v);
	return 0;
}

int agenda_markdown(struct buf *out, const struct agenda_in *in, unsigned flags,
		    struct agenda_said *said)
{
	struct r r = { out, in, NULL, agenda_lang(in) };

	r.w = words_of(r.lang);
	memset(said, 0, sizeof(*said));
	put_header(&r, flags & AGENDA_FACILITATOR ? r.w->runsheet : r.w->agenda, said);
	put_list(&r, in->meeting, "goals", r.w->goals);
	put_items(&r, flags);
	if (put_open_actions(&r) < 0)
		out->failed = 1;
	return buf_failed(out) ? -1 : 0;
}

/* ---- minutes ---- */

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The attendees' ids (the scalars of att), sorted for attended(): a
 * page lists every member of the group against them.  NULL with *n = 0
 * when there are none; *failed when out of memory. */
static const char **attendee_ids(const struct doc_node *att, size_t *n, int *failed)
{
	const struct doc_node *a;
	const char **v;
	size_t k = 0;

	*n = 0;
	for (a = att ? att->head : NULL; a; a = a->next)
		k += a->kind == DOC_SCALAR;
	if (!k)
		return NULL;
	if (!(v = malloc(k * sizeof(*v)))) {
		*failed = 1;
		return NULL;
	}
	for (a = att->head; a; a = a->next)
		if (a->kind == DOC_SCALAR)
			v[(*n)++] = a->str;
	qsort(v, *n, sizeof(*v), str_cmp);
	return v;
}

static int attended(const char **ids, size_t n, const char *id)
{
	return n && bsearch(&id, ids, n, sizeof(*ids), str_cmp) != NULL;
}

/* A member of the group on the meeting's day: joined by then (or no
 * date), not left before it. */
static int member_then(const struct agenda_member *m, const char *day)
{
	if (!day)
		return !m->left;
	if (m->joined && strcmp(m->joined, day) > 0)
		return 0;
	return !m->left || strcmp(m->left, day) > 0;
}

static void put_attendance(struct r *r)
{
	const struct doc_node *att = doc_get(r->in->meeting, "attendees"), *a;
	const char *day = dom_text(r->in->meeting, "date");
	const struct agenda_members *ms = r->in->members;
	const char **ids;
	size_t i, n = 0, nids;

	buf_addf(r->b, "\n## %s\n\n", r->w->present);
	if (is_conflict(att)) {
		put_value(r, att, fmt_member, "");
		buf_addc(r->b, '\n');
		return;  /* who was absent is not known until it is settled */
	}
	for (a = att && att->kind == DOC_SEQ ? att->head : NULL; a; a = a->next) {
		buf_adds(r->b, n++ ? ", " : "");
		put_value(r, a, fmt_member, "");
	}
	buf_addf(r->b, "%s\n", n ? "" : r->w->nobody);
	ids = attendee_ids(att, &nids, &r->b->failed);
	n = 0;
	for (i = 0; ms && i < ms->n && !r->b->failed; i++) {
		if (!ms->v[i].id || attended(ids, nids, ms->v[i].id) || !member_then(&ms->v[i], day))
			continue;
		if (!n++)
			buf_addf(r->b, "\n## %s\n\n", r->w->absent);
		else
			buf_adds(r->b, ", ");
		md_escape(r->b, ms->v[i].name ? ms->v[i].name : ms->v[i].id, "");
	}
	free(ids);
	if (n)
		buf_addc(r->b, '\n');
}

enum entry_kind { NOTE, DECISION, ACTION };

/* A note, decision or action on one line: its text, then who (a note's
 * author), or owner, due and status (an action). */
static void fmt_entry_as(struct r *r, const struct doc_node *e, const char *indent,
			 enum entry_kind kind)
{
	const char *status;

	if (!e || e->kind != DOC_MAP) {
		fmt_text(r, e, indent);
		return;
	}
	put_value(r, doc_get(e, "text"), fmt_text, indent);
	if (kind == NOTE && has(e, "by")) {
		buf_adds(r->b, " — ");
		put_value(r, doc_get(e, "by"), fmt_member, indent);
	}
	if (kind != ACTION)
		return;
	buf_adds(r->b, " —");
	if (has(e, "owner")) {
		buf_addf(r->b, " %s: ", r->w->owner);
		put_value(r, doc_get(e, "owner"), fmt_member, indent);
		buf_adds(r->b, " ·");
	}
	if (has(e, "due")) {
		buf_addf(r->b, " %s ", r->w->due);
		put_value(r, doc_get(e, "due"), fmt_text, indent);
		buf_adds(r->b, " ·");
	}
	buf_addc(r->b, ' ');
	if (is_conflict(doc_get(e, "status")))
		put_value(r, doc_get(e, "status"), fmt_text, indent);
	else if ((status = status_word(r->w, dom_text(e, "status") ? dom_text(e, "status") : "open")))
		buf_adds(r->b, status);
	else
		md_escape(r->b, dom_text(e, "status"), indent);
}

static void fmt_note(struct r *r, const struct doc_node *e, const char *indent)
{
	fmt_entry_as(r, e, indent, NOTE);
}

static void fmt_decision(struct r *r, const struct doc_node *e, const char *indent)
{
	fmt_entry_as(r, e, indent, DECISION);
}

static void fmt_action(struct r *r, const struct doc_node *e, const char *indent)
{
	fmt_entry_as(r, e, indent, ACTION);
}

/* Returns whether there was anything to list. */
static int put_entries(struct r *r, const struct doc_node *item, const char *key,
		       const char *title, fmt_fn fmt)
{
	const struct doc_node *seq = doc_get(item, key), *e;

	if (!has(item, key) || (seq->kind == DOC_SEQ && !seq->n))
		return 0;
	buf_addf(r->b, "\n**%s**\n\n", title);
	if (seq->kind != DOC_SEQ) {
		buf_adds(r->b, "- ");
		put_value(r, seq, fmt_text, "  ");
		buf_addc(r->b, '\n');
		return 1;
	}
	for (e = seq->head; e; e = e->next) {
		buf_adds(r->b, "- ");
		put_value(r, e, fmt, "  ");
		buf_addc(r->b, '\n');
	}
	return 1;
}

static void put_minutes_items(struct r *r)
{
	const struct doc_node *agenda = doc_get(r->in->meeting, "agenda"), *item;
	int k = 0;

	if (!agenda || agenda->kind != DOC_SEQ)
		return;
	for (item = agenda->head; item; item = item->next) {
		int any = 0;

		buf_addf(r->b, "\n## %d. ", ++k);
		if (is_conflict(item)) {
			put_value(r, item, fmt_text, "");
			buf_addc(r->b, '\n');
			continue;
		}
		if (has(item, "title"))
			put_value(r, doc_get(item, "title"), fmt_text, "");
		else
			md_escape(r->b, dom_text(item, "id"), "");
		buf_addc(r->b, '\n');
		any |= put_entries(r, item, "notes", r->w->notes, fmt_note);
		any |= put_entries(r, item, "decisions", r->w->decisions, fmt_decision);
		any |= put_entries(r, item, "actions", r->w->actions, fmt_action);
		if (!any)
			buf_addf(r->b, "\n%s\n", r->w->nothing);
	}
}

static void put_next(struct r *r)
{
	const struct meetings *m = r->in->meetings;
	const struct meeting_info *next = NULL;
	size_t i;

	if (has(r->in->meeting, "next_steps")) {
		buf_addf(r->b, "\n## %s\n\n", r->w->next_steps);
		put_value(r, doc_get(r->in->meeting, "next_steps"), fmt_text, "");
		buf_addc(r->b, '\n');
	}
	for (i = 0; m && i < m->n; i++)
		if (m->v[i].number > r->in->number && m->v[i].status &&
		    !strcmp(m->v[i].status, "planned") && (!next || m->v[i].number < next->number))
			next = &m->v[i];
	if (!next)
		return;
	buf_addf(r->b, "\n**%s:** ", r->w->next_meeting);
	if (next->title)
		md_escape(r->b, next->title, "");
	else
		buf_addf(r->b, "%s %ld", r->w->meeting, next->number);
	buf_adds(r->b, ", ");
	if (next->date && *next->date)
		agenda_date(r->b, next->date, r->lang);
	else
		buf_addf(r->b, "%s: %s", r->w->date, r->w->not_set);
	buf_addc(r->b, '\n');
}

int minutes_markdown(struct buf *out, const struct agenda_in *in, struct agenda_said *said)
{
	struct r r = { out, in, NULL, agenda_lang(in) };

	r.w = words_of(r.lang);
	memset(said, 0, sizeof(*said));
	put_header(&r, r.w->minutes, said);
	{
		struct approval a;

		/* a draft until a later meeting approved them (core/approval.h) */
		buf_addf(out, "- **%s:** ", r.w->standing);
		if (approval_of(&a, in->meeting))
			buf_addf(out, r.w->approved_at, a.meeting);
		else
			buf_adds(out, r.w->draft);
		buf_addc(out, '\n');
	}
	put_attendance(&r);
	put_minutes_items(&r);
	put_next(&r);
	buf_adds(out, "\n---\n\n");
	if (in->commit_id) {
		buf_addf(out, "%s ", r.w->made_from);
		md_escape(out, in->commit_id, "");
		buf_adds(out, " (");
		md_escape(out, in->commit_date, "");
		buf_adds(out, ")");
		if (in->uncommitted)
			buf_addf(out, ", %s", r.w->uncommitted);
		buf_adds(out, "\\.\n");
	} else {
		md_escape(out, r.w->not_committed, "");
		buf_addc(out, '\n');
	}
	return buf_failed(out) ? -1 : 0;
}

void agenda_page_title(struct buf *out, const struct agenda_in *in, int minutes, unsigned flags)
{
	const struct words *w = words_of(agenda_lang(in));
	const char *title = dom_text(in->meeting, "title");

	buf_addf(out, "%s: ", minutes ? w->minutes : flags & AGENDA_FACILITATOR ? w->runsheet
										 : w->agenda);
	if (title)
		buf_adds(out, title);
	else
		buf_addf(out, "%s %ld", w->meeting, in->number);
}

/* ---- members ---- */

/*
 * Adds the member of the five spans (id, name, address, joined, left):
 * the five texts in one allocation, which id points to (a group of 2,000
 * made 10,000 allocations), and the list grows by half again.
 */
static int add_spans(struct agenda_members *m, const struct doc_span *v)
{
	struct agenda_member *x;
	char **field[5], *p;
	size_t i, size = 0;

	for (i = 0; i < 5; i++)
		size += v[i].s ? v[i].len + 1 : 0;
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap + m->cap / 2 : 16;
		struct agenda_member *nv = realloc(m->v, cap * sizeof(*nv));

		if (!nv) {
			m->failed = 1;
			return ERR_NOMEM;
		}
		m->v = nv;
		m->cap = cap;
	}
	if (!(p = malloc(size))) {
		m->failed = 1;
		return ERR_NOMEM;
	}
	x = &m->v[m->n++];
	field[0] = &x->id, field[1] = &x->name, field[2] = &x->address, field[3] = &x->joined;
	field[4] = &x->left;
	for (i = 0; i < 5; i++) {
		*field[i] = NULL;
		if (!v[i].s)
			continue;
		memcpy(p, v[i].s, v[i].len);
		p[v[i].len] = '\0';
		*field[i] = p;
		p += v[i].len + 1;
	}
	return 0;
}

/* A text as a span (NULL: none). */
static struct doc_span span_of(const char *s)
{
	struct doc_span v;

	v.s = s;
	v.len = s ? strlen(s) : 0;
	return v;
}

int agenda_members_add(struct agenda_members *m, const char *file, const struct doc *doc)
{
	const struct doc_node *r = doc->root;
	struct doc_span v[5];

	if (layout_kind(file) != KIND_MEMBER || !r || r->kind != DOC_MAP || !dom_text(r, "id"))
		return 0;
	v[0] = span_of(dom_text(r, "id"));
	v[1] = span_of(dom_text(r, "name"));
	v[2] = span_of(dom_text(r, "address"));
	v[3] = span_of(dom_text(r, "joined"));
	v[4] = span_of(dom_text(r, "left"));
	return add_spans(m, v);
}

int agenda_members_add_text(struct agenda_members *m, const char *file, const char *data,
			    size_t len)
{
	static const char *const keys[] = { "id", "name", "address", "joined", "left" };
	struct doc_span v[5];
	struct doc *doc;
	struct err e;
	int rc;

	if (layout_kind(file) != KIND_MEMBER)
		return 0;
	if (!doc_scan_top(data, len, keys, 5, v)) {
		err_clear(&e);
		if ((rc = doc_load(&doc, data, len, &e)) < 0)
			return rc == ERR_NOMEM ? ERR_NOMEM : 0;
		rc = agenda_members_add(m, file, doc);
		doc_free(doc);
		return rc;
	}
	if (!v[0].s)
		return 0;
	return add_spans(m, v);
}

int agenda_member_pack(struct buf *out, const struct agenda_member *x)
{
	const char *f[5];
	size_t i;

	f[0] = x->id, f[1] = x->name, f[2] = x->address, f[3] = x->joined, f[4] = x->left;
	for (i = 0; i < 5; i++) {
		buf_addc(out, f[i] ? 1 : 0);
		if (f[i])
			buf_add(out, f[i], strlen(f[i]) + 1);
	}
	return buf_failed(out) ? ERR_NOMEM : 0;
}

int agenda_members_add_packed(struct agenda_members *m, const char *data, size_t len)
{
	struct doc_span v[5];
	const char *p = data, *end = data + len, *nul;
	size_t i;

	if (!len)
		return 0;  /* the file holds no member */
	for (i = 0; i < 5; i++) {
		if (p == end || (*p != 0 && *p != 1))
			return -1;
		v[i].s = NULL;
		v[i].len = 0;
		if (*p++ == 0)
			continue;
		if (!(nul = memchr(p, '\0', (size_t)(end - p))))
			return -1;
		v[i].s = p;
		v[i].len = (size_t)(nul - p);
		p = nul + 1;
	}
	if (p != end || !v[0].s)
		return -1;
	return add_spans(m, v);
}

static int member_cmp(const void *a, const void *b)
{
	const struct agenda_member *x = a, *y = b;

	return strcmp(x->id, y->id);
}

void agenda_members_sort(struct agenda_members *m)
{
	if (m->n && !m->failed)
		qsort(m->v, m->n, sizeof(*m->v), member_cmp);
}

const struct agenda_member *agenda_member(const struct agenda_members *m, const char *id)
{
	struct agenda_member key;

	if (!m || !m->n || !id || m->failed)
		return NULL;
	key.id = (char *)id;
	return bsearch(&key, m->v, m->n, sizeof(*m->v), member_cmp);
}

void agenda_members_release(struct agenda_members *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->v[i].id);  /* all five texts */
	free(m->v);
	memset(m, 0, sizeof(*m));
}
