/*
 * The report's pages: see report.h.  index.html is written here as HTML
 * (its tables, charts and word diffs are no Markdown document), every
 * text from the files through page_escape(); the meeting pages are the
 * minutes, through the one code path of `convene minutes`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "domain.h"
#include "err.h"
#include "layout.h"
#include "page.h"
#include "report.h"
#include "worddiff.h"
#include "text.h"

struct words {
	const char *report, *overview, *problem, *vision, *mission, *pitch, *principles, *levers,
		*subgroups, *figures, *by_org, *by_role, *org, *role, *members, *none_given,
		*interviews, *done, *missing, *planned, *meetings_fig, *held, *cancelled, *actions,
		*open, *overdue, *banner, *banner_hint, *history, *no_changes, *set, *removed,
		*conflict, *resolved, *concurrent, *merged, *meeting, *site, *by, *meetings, *number,
		*date, *title, *status, *place, *attendance, *notes, *decisions, *online,
		*participation, *attendance_chart, *hosts_chart, *no_hosts, *outcomes, *no_outcomes,
		*indicator, *latest, *unit, *no_measure, *target_by, *actions_by_owner, *owner,
		*nobody, *open_actions, *action, *due, *no_actions, *summary, *confidential_n,
		*no_answers, *answers, *made_from, *not_committed, *sides, *side_removed, *count,
		*no_vision, *done_actions, *no_indicators, *unreadable;
	const char *meeting_status[3];   /* planned, held, cancelled */
	const char *roles[6];
};

static const struct words en = {
	"Report", "Overview", "The problem", "Vision", "Mission", "Elevator pitch", "Principles",
	"Levers for system change", "Subgroups", "In figures", "Members by organisation",
	"Members by role", "Organisation", "Role", "Members", "not given",
	"Interviews", "done", "members not interviewed yet", "planned", "Meetings", "held",
	"cancelled", "Actions", "open", "overdue",
	"unsettled conflicts: some values in this report are not decided yet.",
	"'convene conflicts' lists them; 'convene resolve' settles one.",
	"How the vision changed", "The vision has no history yet.", "Set", "Removed",
	"Fork: changed at two sites at once, both versions kept", "Settled", "made concurrently, merged later",
	"merge", "meeting", "site", "by", "Meetings", "Meeting", "Date", "Title", "Status",
	"Host or place", "Attendance", "Notes", "Decisions", "online",
	"Participation", "Attendance per meeting", "Meetings hosted, by host",
	"No meeting has had a host yet.", "Outcomes", "No outcomes yet.", "Indicator",
	"Latest", "Unit", "No measurements yet.", "target by", "Actions by owner", "Owner",
	"no owner", "Open actions", "Action", "Due", "No actions yet.",
	"Interviews: what members said, by question",
	"confidential interviews: their answers are counted here and never shown.",
	"No answers recorded yet.", "answers", "Made from commit", "nothing committed yet",
	"The versions", "(removed)", "Count",
	"No vision yet.", "done", "No indicators yet.",
	"its file could not be read, so it has no page:",
	{ "planned", "held", "cancelled" },
	{ "facilitator", "backbone", "member", "funder", "partner", "observer" }
};

static const struct words he = {
	"דוח", "סקירה", "הבעיה", "החזון", "המשימה", "המסר בקצרה", "עקרונות",
	"מנופים לשינוי מערכתי", "תת־קבוצות", "במספרים", "חברים לפי ארגון",
	"חברים לפי תפקיד", "ארגון", "תפקיד", "חברים", "לא צוין",
	"ראיונות", "נערכו", "חברים שטרם רואיינו", "מתוכננים", "מפגשים", "התקיימו",
	"בוטלו", "משימות", "פתוחות", "באיחור",
	"התנגשויות שטרם הוכרעו: חלק מהערכים בדוח עוד לא הוחלטו.",
	"‏convene conflicts מציג אותן; convene resolve מכריע.",
	"איך החזון השתנה", "לחזון אין עדיין היסטוריה.", "נקבע", "נמחק",
	"פיצול: שונה בשני אתרים בו־זמנית, שתי הגרסאות נשמרו", "הוכרע", "נעשה במקביל ומוזג אחר כך",
	"מיזוג", "מפגש", "אתר", "מאת", "מפגשים", "מפגש", "תאריך", "כותרת", "מצב",
	"מארח או מקום", "נוכחות", "הערות", "החלטות", "מקוון",
	"השתתפות", "נוכחות בכל מפגש", "מפגשים שאורחו, לפי מארח",
	"עוד לא היה מפגש עם מארח.", "תוצאות", "עוד אין תוצאות.", "מדד",
	"ערך אחרון", "יחידה", "אין מדידות עדיין.", "יעד עד", "משימות לפי אחראי", "אחראי",
	"ללא אחראי", "משימות פתוחות", "משימה", "עד", "עוד אין משימות.",
	"ראיונות: מה אמרו החברים, לפי שאלה",
	"ראיונות חסויים: התשובות בהם נספרות כאן ולעולם אינן מוצגות.",
	"עוד לא נרשמו תשובות.", "תשובות", "הופק מגרסה", "טרם נשמר דבר",
	"הגרסאות", "(נמחק)", "מספר",
	"עוד אין חזון.", "בוצעו", "עוד אין מדדים.",
	"לא ניתן היה לקרוא את הקובץ שלו, ולכן אין לו דף:",
	{ "מתוכנן", "התקיים", "בוטל" },
	{ "מנחה", "ארגון שדרה", "חבר", "מממן", "שותף", "צופה" }
};

static const struct words *words_of(const char *lang)
{
	return lang && !strcmp(lang, "he") ? &he : &en;
}

/* ---- gathering ---- */

int report_init(struct report *r)
{
	memset(r, 0, sizeof(*r));
	r->lang = "en";
	return status_init(&r->status) < 0 ? ERR_NOMEM : 0;
}

/* A number as YAML wrote it: [-+]digits[.digits][e[-+]digits], read
 * without strtod(), whose decimal point is the locale's. */
static int parse_number(const char *s, double *out)
{
	double v = 0, frac = 0.1;
	int neg = 0, any = 0, exp = 0, eneg = 0;

	if (!s)
		return 0;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++, any = 1)
		v = v * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, any = 1, frac /= 10)
			v += (*s - '0') * frac;
	if (any && (*s == 'e' || *s == 'E')) {
		s++;
		if (*s == '-' || *s == '+')
			eneg = *s++ == '-';
		if (*s < '0' || *s > '9')
			return 0;
		for (; *s >= '0' && *s <= '9' && exp < 400; s++)
			exp = exp * 10 + (*s - '0');
		while (exp-- > 0)
			v = eneg ? v / 10 : v * 10;
	}
	if (!any || *s)
		return 0;
	*out = neg ? -v : v;
	return 1;
}

static size_t seq_len(const struct doc_node *n)
{
	return n && n->kind == DOC_SEQ ? n->n : 0;
}

static int by_date(const void *a, const void *b)
{
	const struct report_measure *x = a, *y = b;

	return strcmp(x->date, y->date);
}

static int add_outcome(struct report *r, const struct doc_node *root)
{
	const struct doc_node *ind, *m;
	size_t before = r->nindicators;
	int bad = 0;

	for (ind = doc_get(root, "indicators"); ind && ind->kind == DOC_SEQ && (ind = ind->head);) {
		for (; ind; ind = ind->next) {
			struct report_indicator *v, *in;

			if (ind->kind != DOC_MAP)
				continue;
			v = realloc(r->indicators, (r->nindicators + 1) * sizeof(*v));
			if (!v)
				return ERR_NOMEM;
			r->indicators = v;
			in = &v[r->nindicators++];
			memset(in, 0, sizeof(*in));
			in->outcome = text_dup(dom_text(root, "id"), &bad);
			in->outcome_title = text_dup(dom_text(root, "title"), &bad);
			in->outcome_description = text_dup(dom_text(root, "description"), &bad);
			in->outcome_status = text_dup(dom_text(root, "status"), &bad);
			in->name = text_dup(dom_text(ind, "name") ? dom_text(ind, "name") : dom_text(ind, "id"), &bad);
			in->unit = text_dup(dom_text(ind, "unit"), &bad);
			in->target_date = text_dup(dom_text(ind, "target_date"), &bad);
			in->has_baseline = parse_number(dom_text(ind, "baseline"), &in->baseline);
			in->has_target = parse_number(dom_text(ind, "target"), &in->target);
			m = doc_get(ind, "measurements");
			if (seq_len(m) && !(in->v = calloc(seq_len(m), sizeof(*in->v))))
				return ERR_NOMEM;
			for (m = m && m->kind == DOC_SEQ ? m->head : NULL; m; m = m->next) {
				struct report_measure *x = &in->v[in->n];
				int ok;

				if (m->kind != DOC_MAP || !parse_number(dom_text(m, "value"), &x->value))
					continue;
				chart_day(dom_text(m, "date"), &ok);
				if (!ok)
					continue;
				if (!(x->date = strdup(dom_text(m, "date"))))
					return ERR_NOMEM;
				in->n++;
			}
			if (in->n)
				qsort(in->v, in->n, sizeof(*in->v), by_date);
		}
		break;
	}
	if (r->nindicators == before) {
		/* an outcome with no indicator yet is still named: a row
		 * without a name stands for it */
		struct report_indicator *v = realloc(r->indicators, (r->nindicators + 1) * sizeof(*v)), *in;

		if (!v)
			return ERR_NOMEM;
		r->indicators = v;
		in = &v[r->nindicators++];
		memset(in, 0, sizeof(*in));
		in->outcome = text_dup(dom_text(root, "id"), &bad);
		in->outcome_title = text_dup(dom_text(root, "title"), &bad);
		in->outcome_description = text_dup(dom_text(root, "description"), &bad);
		in->outcome_status = text_dup(dom_text(root, "status"), &bad);
	}
	return bad ? ERR_NOMEM : 0;
}

static int add_meeting(struct report *r, const char *file, const struct doc_node *root)
{
	struct report_meeting *v, *row;
	const struct doc_node *item, *loc = doc_get(root, "location");
	int bad = 0;

	if (!(v = realloc(r->rows, (r->nrows + 1) * sizeof(*v))))
		return ERR_NOMEM;
	r->rows = v;
	row = &v[r->nrows++];
	memset(row, 0, sizeof(*row));
	row->number = layout_meeting_of_file(file);
	row->attendees = seq_len(doc_get(root, "attendees"));
	for (item = doc_get(root, "agenda"); item && item->kind == DOC_SEQ && (item = item->head);) {
		for (; item; item = item->next) {
			row->notes += seq_len(doc_get(item, "notes"));
			row->decisions += seq_len(doc_get(item, "decisions"));
		}
		break;
	}
	if (loc && loc->kind == DOC_MAP && !dom_text(loc, "host"))
		row->place = text_dup(dom_text(loc, "address"), &bad);
	return bad ? ERR_NOMEM : 0;
}

int report_add(struct report *r, const char *file, const struct doc *doc)
{
	enum schema_kind kind = layout_kind(file);
	const struct doc_node *root = doc ? doc->root : NULL;
	int rc = 0;

	if (!root)
		return 0;
	r->conflicts += dom_count_conflicts(root);
	if (root->kind != DOC_MAP)
		return 0;
	if (!strcmp(file, LAYOUT_INITIATIVE)) {
		/* kept whole: its texts are shown as they are */
		struct doc *copy = doc_new();

		if (!copy || !(copy->root = doc_copy(copy, root))) {
			doc_free(copy);
			return ERR_NOMEM;
		}
		doc_free(r->initiative);
		r->initiative = copy;
	}
	if ((rc = status_add(&r->status, file, doc)) < 0 || (rc = meetings_add(&r->meetings, file, doc)) < 0)
		goto done;
	if (kind == KIND_MEMBER) {
		if ((rc = members_add(&r->members, file, doc)) < 0 ||
		    (rc = agenda_members_add(&r->people, file, doc)) < 0)
			goto done;
	} else if (kind == KIND_INTERVIEW) {
		rc = interviews_add(&r->interviews, file, doc);
	} else if (kind == KIND_MEETING && layout_meeting_of_file(file)) {
		rc = add_meeting(r, file, root);
	} else if (kind == KIND_OUTCOME) {
		rc = add_outcome(r, root);
	}
done:
	if (rc < 0)
		r->failed = 1;
	return rc < 0 ? ERR_NOMEM : 0;
}

int report_unreadable(struct report *r, const char *file, const struct err *e)
{
	struct report_unread *v = realloc(r->unread, (r->nunread + 1) * sizeof(*v));

	if (!v) {
		r->failed = 1;
		return ERR_NOMEM;
	}
	r->unread = v;
	v += r->nunread++;
	v->number = layout_meeting_of_file(file);
	snprintf(v->file, sizeof(v->file), "%s", file);
	v->err = *e;
	return 0;
}

static void trim_ends(char *s)
{
	size_t n = strlen(s);

	while (n && s[n - 1] == '\n')
		s[--n] = '\0';
}

static char *dup_e(const char *s, int *bad)
{
	return text_dup(s ? s : "", bad);
}

int report_add_change(struct report *r, const struct report_change *c)
{
	struct report_change *v, *to;
	int bad = 0;

	if (!(v = realloc(r->changes, (r->nchanges + 1) * sizeof(*v))))
		return ERR_NOMEM;
	r->changes = v;
	to = &v[r->nchanges++];
	*to = *c;
	to->id = dup_e(c->id, &bad);
	to->date = dup_e(c->date, &bad);
	to->author = dup_e(c->author, &bad);
	to->site = dup_e(c->site, &bad);
	to->meeting = dup_e(c->meeting, &bad);
	to->before = text_dup(c->before, &bad);
	to->after = text_dup(c->after, &bad);
	/* a literal block's final line end is no word of the text */
	if (to->before)
		trim_ends(to->before);
	if (to->after && to->kind != REPORT_CONFLICT)
		trim_ends(to->after);
	if (bad) {
		r->failed = 1;
		return ERR_NOMEM;
	}
	return 0;
}

static int meeting_cmp(const void *a, const void *b)
{
	const struct meeting_info *x = a, *y = b;

	return (x->number > y->number) - (x->number < y->number);
}

static int row_cmp(const void *a, const void *b)
{
	const struct report_meeting *x = a, *y = b;

	return (x->number > y->number) - (x->number < y->number);
}

static int unread_cmp(const void *a, const void *b)
{
	const struct report_unread *x = a, *y = b;

	return (x->number > y->number) - (x->number < y->number);
}

static int indicator_cmp(const void *a, const void *b)
{
	const struct report_indicator *x = a, *y = b;
	int c = strcmp(x->outcome ? x->outcome : "", y->outcome ? y->outcome : "");

	return c;
}

struct action_at {
	long meeting;
	size_t at;
};

static int action_cmp(const void *a, const void *b)
{
	const struct action_at *x = a, *y = b;

	if (x->meeting != y->meeting)
		return (x->meeting > y->meeting) - (x->meeting < y->meeting);
	return (x->at > y->at) - (x->at < y->at);
}

/* The actions meeting by meeting, each meeting's in the order of its
 * file, whatever order the meetings were taken in. */
static int sort_actions(struct meetings *m)
{
	struct action_at *key;
	struct action_info *v;
	size_t i;

	if (m->nactions < 2)
		return 0;
	key = malloc(m->nactions * sizeof(*key));
	v = malloc(m->nactions * sizeof(*v));
	if (!key || !v) {
		free(key);
		free(v);
		return -1;
	}
	for (i = 0; i < m->nactions; i++) {
		key[i].meeting = m->actions[i].meeting;
		key[i].at = i;
	}
	qsort(key, m->nactions, sizeof(*key), action_cmp);
	for (i = 0; i < m->nactions; i++)
		v[i] = m->actions[key[i].at];
	memcpy(m->actions, v, m->nactions * sizeof(*v));
	free(key);
	free(v);
	return 0;
}

int report_finish(struct report *r)
{
	const char *lang = r->initiative ? dom_text(r->initiative->root, "language") : NULL;
	struct diags none = { 0 };
	size_t i;

	r->lang = lang && !strcmp(lang, "he") ? "he" : "en";
	agenda_members_sort(&r->people);
	members_sort(&r->members);
	if (sort_actions(&r->meetings) < 0) {
		r->failed = 1;
		return ERR_NOMEM;
	}
	if (r->meetings.n)
		qsort(r->meetings.v, r->meetings.n, sizeof(*r->meetings.v), meeting_cmp);
	if (r->nrows)
		qsort(r->rows, r->nrows, sizeof(*r->rows), row_cmp);
	if (r->nunread)
		qsort(r->unread, r->nunread, sizeof(*r->unread), unread_cmp);
	if (r->nindicators)  /* stable enough: outcome files come sorted */
		qsort(r->indicators, r->nindicators, sizeof(*r->indicators), indicator_cmp);
	/* history gives the newest first; the story reads from the start */
	for (i = 0; i < r->nchanges / 2; i++) {
		struct report_change t = r->changes[i];

		r->changes[i] = r->changes[r->nchanges - 1 - i];
		r->changes[r->nchanges - 1 - i] = t;
	}
	if (status_finish(&r->status, &none) < 0 || interviews_summary(&r->interviews) < 0 ||
	    r->members.failed || r->people.failed || r->meetings.failed || r->interviews.failed) {
		r->failed = 1;
		return ERR_NOMEM;
	}
	return r->failed ? ERR_NOMEM : 0;
}

void report_release(struct report *r)
{
	size_t i, k;

	doc_free(r->initiative);
	members_release(&r->members);
	agenda_members_release(&r->people);
	meetings_release(&r->meetings);
	status_release(&r->status);
	interviews_release(&r->interviews);
	for (i = 0; i < r->nrows; i++)
		free(r->rows[i].place);
	free(r->rows);
	free(r->unread);
	for (i = 0; i < r->nindicators; i++) {
		struct report_indicator *in = &r->indicators[i];

		free(in->outcome);
		free(in->outcome_title);
		free(in->outcome_description);
		free(in->outcome_status);
		free(in->name);
		free(in->unit);
		free(in->target_date);
		for (k = 0; k < in->n; k++)
			free(in->v[k].date);
		free(in->v);
	}
	free(r->indicators);
	for (i = 0; i < r->nchanges; i++) {
		struct report_change *c = &r->changes[i];

		free(c->id);
		free(c->date);
		free(c->author);
		free(c->site);
		free(c->meeting);
		free(c->before);
		free(c->after);
	}
	free(r->changes);
	memset(r, 0, sizeof(*r));
}

void report_meeting_path(char *out, size_t size, long n)
{
	char name[16];

	layout_meeting_name(name, sizeof(name), n);
	snprintf(out, size, "meetings/%s.html", name);
}

/* ---- the meeting pages: the minutes ---- */

int report_meeting_page(struct buf *out, const struct report *r, long number,
			const struct doc *meeting, const struct doc *next, const char *next_file)
{
	struct meetings later = { 0 };
	struct agenda_in in = { 0 };
	struct agenda_said said;
	struct buf md = BUF_INIT, title = BUF_INIT;
	int rc = -1;

	if (next && meetings_add(&later, next_file, next) < 0)
		goto done;
	in.initiative = r->initiative ? r->initiative->root : NULL;
	in.meeting = meeting->root;
	in.number = number;
	in.members = &r->people;
	in.meetings = &later;
	if (r->commit_id[0]) {
		in.commit_id = r->commit_id;
		in.commit_date = r->commit_date;
	}
	if (minutes_markdown(&md, &in, &said) < 0)
		goto done;
	agenda_page_title(&title, &in, 1, 0);
	rc = page_from_markdown(out, agenda_lang(&in), buf_str(&title), buf_str(&md), md.len);
done:
	meetings_release(&later);
	buf_release(&md);
	buf_release(&title);
	if (rc < 0)
		out->failed = 1;
	return rc;
}

/* ---- index.html ---- */

/* Text as paragraphs: a blank line parts them, a line end is a <br>. */
static void paragraphs(struct buf *out, const char *s, const char *cls)
{
	const char *p = s;

	while (p && *p) {
		const char *end = strstr(p, "\n\n"), *q;

		if (!end)
			end = p + strlen(p);
		while (end > p && end[-1] == '\n')
			end--;
		if (end > p) {
			buf_adds(out, cls ? "<p class=\"" : "<p>");
			if (cls)
				buf_addf(out, "%s\">", cls);
			for (q = p; q < end; q++) {
				if (*q == '\n') {
					buf_adds(out, "<br>\n");
					continue;
				}
				char one[2] = { *q, 0 };

				page_escape(out, one);
			}
			buf_adds(out, "</p>\n");
		}
		p = end;
		while (*p == '\n')
			p++;
	}
}

static void esc_n(struct buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char one[2] = { s[i], 0 };

		page_escape(out, one);
	}
}

/* Dates, commit ids, times: left to right inside a Hebrew line
 * ("+0200" would otherwise be read as "0200+"). */
static void ltr(struct buf *out, const char *s)
{
	buf_adds(out, "<bdi dir=\"ltr\">");
	page_escape(out, s);
	buf_adds(out, "</bdi>");
}

static void h(struct buf *out, int level, const char *id, const char *text)
{
	if (id)
		buf_addf(out, "<h%d id=\"%s\">", level, id);
	else
		buf_addf(out, "<h%d>", level);
	page_escape(out, text);
	buf_addf(out, "</h%d>\n", level);
}

static const char *member_name(const struct report *r, const char *id)
{
	const struct agenda_member *m = id ? agenda_member(&r->people, id) : NULL;

	return m && m->name ? m->name : id;
}

/* The principles, levers, subgroups: a list of their texts. */
static void item_list(struct buf *out, const struct doc_node *seq, const char *key)
{
	const struct doc_node *it;

	if (!seq || seq->kind != DOC_SEQ || !seq->n)
		return;
	buf_adds(out, "<ul>\n");
	for (it = seq->head; it; it = it->next) {
		const char *t = it->kind == DOC_MAP ? dom_text(it, key) : it->kind == DOC_SCALAR ? it->str : NULL;
		const char *d = it->kind == DOC_MAP ? dom_text(it, "description") : NULL;

		if (!t && it->kind == DOC_MAP)
			t = dom_text(it, "text");
		if (!t)
			continue;
		buf_adds(out, "<li>");
		esc_n(out, t, strlen(t));
		if (d) {
			buf_adds(out, " — ");
			page_escape(out, d);
		}
		buf_adds(out, "</li>\n");
	}
	buf_adds(out, "</ul>\n");
}

/* Counts of labels (organisations, roles, hosts, owners): the labels are
 * gathered as they come, then sorted and counted once (tally_count), so
 * thousands of them cost a sort, not a search each. */
struct tally {
	const char **key;
	size_t *n, len, cap;
};

static int tally_add(struct tally *t, const char *key)
{
	if (t->len == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		const char **k = realloc(t->key, cap * sizeof(*k));

		if (!k)
			return -1;
		t->key = k;
		t->cap = cap;
	}
	t->key[t->len++] = key;
	return 0;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts the labels by name and makes each one a row with its count. */
static int tally_count(struct tally *t)
{
	size_t i, j = 0;

	if (!t->len)
		return 0;
	if (!(t->n = calloc(t->len, sizeof(*t->n))))
		return -1;
	qsort(t->key, t->len, sizeof(*t->key), by_key);
	for (i = 0; i < t->len; i++) {
		if (i && !strcmp(t->key[i], t->key[j - 1])) {
			t->n[j - 1]++;
			continue;
		}
		t->key[j] = t->key[i];
		t->n[j++] = 1;
	}
	t->len = j;
	return 0;
}

/* The row of key after tally_count(), or t->len. */
static size_t tally_find(const struct tally *t, const char *key)
{
	size_t lo = 0, hi = t->len;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(t->key[mid], key);

		if (!c)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return t->len;
}

struct row {
	const char *key;
	size_t n;
};

static int by_count(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	/* by count, then by name: the same bytes from the same data */
	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->key, y->key);
}

/* Counts, then orders the rows by count. */
static int tally_sort(struct tally *t)
{
	struct row *v;
	size_t i;

	if (tally_count(t) < 0)
		return -1;
	if (!t->len)
		return 0;
	if (!(v = malloc(t->len * sizeof(*v))))
		return -1;
	for (i = 0; i < t->len; i++) {
		v[i].key = t->key[i];
		v[i].n = t->n[i];
	}
	qsort(v, t->len, sizeof(*v), by_count);
	for (i = 0; i < t->len; i++) {
		t->key[i] = v[i].key;
		t->n[i] = v[i].n;
	}
	free(v);
	return 0;
}

static void tally_release(struct tally *t)
{
	free(t->key);
	free(t->n);
}

static void tally_table(struct buf *out, const struct tally *t, const char *caption,
			const char *col, const char *num)
{
	size_t i;

	buf_adds(out, "<table>\n<caption>");
	page_escape(out, caption);
	buf_adds(out, "</caption>\n<thead><tr><th scope=\"col\">");
	page_escape(out, col);
	buf_adds(out, "</th><th scope=\"col\">");
	page_escape(out, num);
	buf_adds(out, "</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < t->len; i++) {
		buf_adds(out, "<tr><th scope=\"row\">");
		page_escape(out, t->key[i]);
		buf_addf(out, "</th><td class=\"n\">%zu</td></tr>\n", t->n[i]);
	}
	buf_adds(out, "</tbody>\n</table>\n");
}

static const char *role_word(const struct words *w, const char *role)
{
	static const char *const roles[] = { "facilitator", "backbone", "member", "funder", "partner",
					     "observer" };
	size_t i;

	for (i = 0; i < 6; i++)
		if (!strcmp(role, roles[i]))
			return w->roles[i];
	return role;
}

static const char *status_word(const struct words *w, const char *s)
{
	if (!s)
		return "";
	if (!strcmp(s, "planned"))
		return w->meeting_status[0];
	if (!strcmp(s, "held"))
		return w->meeting_status[1];
	if (!strcmp(s, "cancelled"))
		return w->meeting_status[2];
	return s;
}

static void figure(struct buf *out, size_t n, const char *what)
{
	buf_addf(out, "<li><span class=\"fig\">%zu</span> ", n);
	page_escape(out, what);
	buf_adds(out, "</li>\n");
}

static int overview(struct buf *out, const struct report *r, const struct words *w)
{
	const struct doc_node *in = r->initiative ? r->initiative->root : NULL;
	static const char *const texts[] = { "problem", "vision", "mission", "elevator_pitch" };
	const char *heads[] = { w->problem, w->vision, w->mission, w->pitch };
	struct tally org = { 0 }, role = { 0 };
	size_t i, held = 0, planned = 0, cancelled = 0, open = 0, overdue = 0, active = 0;
	int bad = 0;

	h(out, 2, "overview", w->overview);
	for (i = 0; i < 4; i++) {
		const char *t = dom_text(in, texts[i]);

		if (!t)
			continue;
		h(out, 3, NULL, heads[i]);
		paragraphs(out, t, i == 1 ? "vision" : NULL);
	}
	if (seq_len(doc_get(in, "principles"))) {
		h(out, 3, NULL, w->principles);
		item_list(out, doc_get(in, "principles"), "text");
	}
	if (seq_len(doc_get(in, "levers"))) {
		h(out, 3, NULL, w->levers);
		item_list(out, doc_get(in, "levers"), "text");
	}
	if (seq_len(doc_get(in, "subgroups"))) {
		h(out, 3, NULL, w->subgroups);
		item_list(out, doc_get(in, "subgroups"), "name");
	}
	h(out, 3, NULL, w->figures);
	for (i = 0; i < r->members.n; i++) {
		const struct member_info *m = &r->members.v[i];

		if (m->left && *m->left)
			continue;
		active++;
		bad |= tally_add(&org, *m->org ? m->org : w->none_given) < 0;
		bad |= tally_add(&role, *m->role ? role_word(w, m->role) : w->none_given) < 0;
	}
	for (i = 0; i < r->meetings.n; i++) {
		const char *s = r->meetings.v[i].status;

		held += s && !strcmp(s, "held");
		planned += s && !strcmp(s, "planned");
		cancelled += s && !strcmp(s, "cancelled");
	}
	for (i = 0; i < r->meetings.nactions; i++) {
		open += action_is_open(&r->meetings.actions[i]);
		overdue += action_is_overdue(&r->meetings.actions[i], r->today);
	}
	buf_adds(out, "<ul class=\"figures\">\n");
	figure(out, active, w->members);
	buf_addf(out, "<li><span class=\"fig\">%zu</span> ", r->status.interviews_done);
	page_escape(out, w->interviews);
	buf_adds(out, " ");
	page_escape(out, w->done);
	buf_addf(out, ", %zu ", r->status.interviews_planned);
	page_escape(out, w->planned);
	buf_addf(out, ", %zu ", r->status.nmissing);
	page_escape(out, w->missing);
	buf_adds(out, "</li>\n");
	buf_addf(out, "<li><span class=\"fig\">%zu</span> ", held + planned + cancelled);
	page_escape(out, w->meetings_fig);
	buf_addf(out, ": %zu ", held);
	page_escape(out, w->held);
	buf_addf(out, ", %zu ", planned);
	page_escape(out, w->planned);
	buf_addf(out, ", %zu ", cancelled);
	page_escape(out, w->cancelled);
	buf_adds(out, "</li>\n");
	buf_addf(out, "<li><span class=\"fig\">%zu</span> ", open);
	page_escape(out, w->actions);
	buf_adds(out, " ");
	page_escape(out, w->open);
	buf_addf(out, ", %zu ", overdue);
	page_escape(out, w->overdue);
	buf_adds(out, "</li>\n</ul>\n");
	bad |= tally_sort(&org) < 0;
	bad |= tally_sort(&role) < 0;
	tally_table(out, &org, w->by_org, w->org, w->members);
	tally_table(out, &role, w->by_role, w->role, w->members);
	tally_release(&org);
	tally_release(&role);
	return bad ? -1 : 0;
}

/* The sides of a conflict the history recorded, from its YAML. */
static void fork_sides(struct buf *out, const char *yaml, const struct words *w)
{
	struct doc *d = NULL;
	struct err e;
	const struct doc_node *side;

	err_clear(&e);
	if (!yaml || doc_load(&d, yaml, strlen(yaml), &e) < 0 || !d || !d->root) {
		doc_free(d);
		return;
	}
	side = doc_get(d->root, "sides");
	buf_adds(out, "<ol class=\"sides\">\n");
	for (side = side && side->kind == DOC_SEQ ? side->head : NULL; side; side = side->next) {
		const char *from = dom_text(side, "from"), *v = dom_text(side, "value");

		buf_adds(out, "<li>");
		if (from) {
			buf_adds(out, "<span class=\"who\">");
			page_escape(out, from);
			buf_adds(out, "</span>");
		}
		if (v)
			paragraphs(out, v, NULL);
		else {
			buf_adds(out, "<p>");
			page_escape(out, w->side_removed);
			buf_adds(out, "</p>");
		}
		buf_adds(out, "</li>\n");
	}
	buf_adds(out, "</ol>\n");
	doc_free(d);
}

static int vision_history(struct buf *out, const struct report *r, const struct words *w)
{
	static const struct word_marks marks = { "<del>", "</del>", "<ins>", "</ins>" };
	size_t i;

	h(out, 2, "vision", w->history);
	if (!r->nchanges) {
		buf_adds(out, "<p>");
		page_escape(out, w->no_changes);
		buf_adds(out, "</p>\n");
		return 0;
	}
	buf_adds(out, "<ol class=\"changes\">\n");
	for (i = 0; i < r->nchanges; i++) {
		const struct report_change *c = &r->changes[i];

		buf_addf(out, "<li class=\"change%s\">\n<p class=\"who\">",
			 c->kind == REPORT_CONFLICT ? " fork" : c->kind == REPORT_RESOLVED ? " settled" : "");
		ltr(out, c->date);
		if (*c->meeting) {
			buf_adds(out, " · ");
			page_escape(out, w->meeting);
			buf_adds(out, " ");
			page_escape(out, c->meeting);
		}
		if (*c->site) {
			buf_adds(out, " · ");
			page_escape(out, w->site);
			buf_adds(out, " ");
			page_escape(out, c->site);
		}
		buf_adds(out, " · ");
		page_escape(out, w->by);
		buf_adds(out, " ");
		page_escape(out, c->author);
		buf_adds(out, " · <code>");
		ltr(out, c->id);
		buf_adds(out, "</code>");
		if (!c->mainline) {
			buf_adds(out, " · ");
			page_escape(out, w->concurrent);
		}
		buf_adds(out, "</p>\n");
		if (c->kind == REPORT_CONFLICT) {
			buf_adds(out, "<p class=\"kind\">");
			page_escape(out, w->conflict);
			buf_adds(out, "</p>\n");
			fork_sides(out, c->after, w);
		} else if (c->kind == REPORT_RESOLVED || c->kind == REPORT_SET || !c->before) {
			buf_adds(out, "<p class=\"kind\">");
			page_escape(out, c->kind == REPORT_RESOLVED ? w->resolved : w->set);
			buf_adds(out, "</p>\n<p class=\"diff\"><ins>");
			esc_n(out, c->after ? c->after : "", c->after ? strlen(c->after) : 0);
			buf_adds(out, "</ins></p>\n");
		} else if (c->kind == REPORT_REMOVED || !c->after) {
			buf_adds(out, "<p class=\"kind\">");
			page_escape(out, w->removed);
			buf_adds(out, "</p>\n<p class=\"diff\"><del>");
			esc_n(out, c->before, strlen(c->before));
			buf_adds(out, "</del></p>\n");
		} else {
			/* the diff of the escaped texts is the escaped diff:
			 * escaping adds no space and no line end */
			struct buf a = BUF_INIT, b = BUF_INIT;

			page_escape(&a, c->before);
			page_escape(&b, c->after);
			buf_adds(out, "<p class=\"diff\">");
			if (word_diff(out, buf_str(&a), a.len, buf_str(&b), b.len, &marks) < 0)
				out->failed = 1;
			buf_adds(out, "</p>\n");
			buf_release(&a);
			buf_release(&b);
		}
		buf_adds(out, "</li>\n");
	}
	buf_adds(out, "</ol>\n");
	return 0;
}

static void th(struct buf *out, const char *text)
{
	buf_adds(out, "<th scope=\"col\">");
	page_escape(out, text);
	buf_adds(out, "</th>");
}

static const struct report_meeting *row_of(const struct report *r, long n)
{
	size_t lo = 0, hi = r->nrows;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (r->rows[mid].number == n)
			return &r->rows[mid];
		if (r->rows[mid].number < n)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void meetings_table(struct buf *out, const struct report *r, const struct words *w)
{
	size_t i, u;

	h(out, 2, "meetings", w->meetings);
	buf_adds(out, "<table class=\"meetings\">\n<thead><tr>");
	th(out, w->number);
	th(out, w->date);
	th(out, w->title);
	th(out, w->status);
	th(out, w->place);
	th(out, w->attendance);
	th(out, w->notes);
	th(out, w->decisions);
	buf_adds(out, "</tr></thead>\n<tbody>\n");
	for (i = 0, u = 0; i < r->meetings.n || u < r->nunread;) {
		const struct meeting_info *m;
		const struct report_meeting *row;
		char path[64];

		/* in number order among the others: no page, so no link */
		if (u < r->nunread && (i == r->meetings.n || r->unread[u].number < r->meetings.v[i].number)) {
			buf_addf(out, "<tr class=\"unread\"><th scope=\"row\">%ld</th><td colspan=\"7\">",
				 r->unread[u].number);
			page_escape(out, w->unreadable);
			buf_adds(out, " <code>");
			ltr(out, r->unread[u++].file);
			buf_adds(out, "</code></td></tr>\n");
			continue;
		}
		m = &r->meetings.v[i++];
		row = row_of(r, m->number);
		report_meeting_path(path, sizeof(path), m->number);
		buf_addf(out, "<tr><th scope=\"row\"><a href=\"%s\">%ld</a></th><td>", path, m->number);
		page_escape(out, m->date ? m->date : "");
		buf_adds(out, "</td><td>");
		page_escape(out, m->title ? m->title : "");
		buf_adds(out, "</td><td>");
		page_escape(out, status_word(w, m->status));
		buf_adds(out, "</td><td>");
		if (m->host)
			page_escape(out, member_name(r, m->host));
		else if (m->virt)
			page_escape(out, w->online);
		else if (row && row->place)
			page_escape(out, row->place);
		buf_addf(out, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr>\n",
			 row ? row->attendees : 0, row ? row->notes : 0, row ? row->decisions : 0);
	}
	buf_adds(out, "</tbody>\n</table>\n");
}

static int participation(struct buf *out, const struct report *r, const struct words *w)
{
	struct chart_bar *bars = NULL;
	char (*labels)[24] = NULL;
	struct tally hosts = { 0 };
	size_t i, n = 0;
	int rc = 0;

	h(out, 2, "participation", w->participation);
	if (r->nrows && (!(bars = calloc(r->nrows, sizeof(*bars))) ||
			 !(labels = calloc(r->nrows, sizeof(*labels)))))
		goto nomem;
	for (i = 0; i < r->meetings.n; i++) {
		const struct meeting_info *m = &r->meetings.v[i];
		const struct report_meeting *row = row_of(r, m->number);

		if (!m->status || strcmp(m->status, "held") || !row)
			continue;
		snprintf(labels[n], sizeof(labels[n]), "%ld", m->number);
		bars[n].label = labels[n];
		bars[n].value = (double)row->attendees;
		n++;
	}
	h(out, 3, NULL, w->attendance_chart);
	buf_adds(out, "<figure>\n");
	rc |= chart_columns_svg(out, w->attendance_chart, r->lang, bars, n);
	buf_adds(out, "</figure>\n");
	for (i = 0; i < r->meetings.n; i++) {
		const struct meeting_info *m = &r->meetings.v[i];

		if (m->status && !strcmp(m->status, "cancelled"))
			continue;
		if (m->host && tally_add(&hosts, member_name(r, m->host)) < 0)
			goto nomem;
	}
	if (tally_sort(&hosts) < 0)
		goto nomem;
	free(bars);
	bars = NULL;
	h(out, 3, NULL, w->hosts_chart);
	if (!hosts.len) {
		buf_adds(out, "<p>");
		page_escape(out, w->no_hosts);
		buf_adds(out, "</p>\n");
	} else {
		if (!(bars = calloc(hosts.len, sizeof(*bars))))
			goto nomem;
		for (i = 0; i < hosts.len; i++) {
			bars[i].label = hosts.key[i];
			bars[i].value = (double)hosts.n[i];
		}
		buf_adds(out, "<figure>\n");
		rc |= chart_rows_svg(out, w->hosts_chart, r->lang, bars, hosts.len);
		buf_adds(out, "</figure>\n");
	}
	free(bars);
	free(labels);
	tally_release(&hosts);
	return rc ? -1 : 0;
nomem:
	free(bars);
	free(labels);
	tally_release(&hosts);
	out->failed = 1;
	return -1;
}

static int outcomes(struct buf *out, const struct report *r, const struct words *w)
{
	struct chart_point *pts = NULL;
	size_t i, k, cap = 0;
	const char *last = NULL;
	int rc = 0;

	h(out, 2, "outcomes", w->outcomes);
	if (!r->nindicators) {
		buf_adds(out, "<p>");
		page_escape(out, w->no_outcomes);
		buf_adds(out, "</p>\n");
		return 0;
	}
	for (i = 0; i < r->nindicators; i++) {
		const struct report_indicator *in = &r->indicators[i];
		struct chart_line c;
		struct buf title = BUF_INIT;

		if (!last || strcmp(last, in->outcome ? in->outcome : "")) {
			last = in->outcome ? in->outcome : "";
			h(out, 3, NULL, in->outcome_title ? in->outcome_title : last);
			if (in->outcome_description)
				paragraphs(out, in->outcome_description, NULL);
		}
		if (!in->name) {
			buf_adds(out, "<p>");
			page_escape(out, w->no_indicators);
			buf_adds(out, "</p>\n");
			continue;
		}
		if (in->n > cap) {
			struct chart_point *v = realloc(pts, in->n * sizeof(*v));

			if (!v) {
				free(pts);
				out->failed = 1;
				return -1;
			}
			pts = v;
			cap = in->n;
		}
		for (k = 0; k < in->n; k++) {
			pts[k].date = in->v[k].date;
			pts[k].value = in->v[k].value;
		}
		buf_adds(&title, in->name ? in->name : "");
		c.title = buf_str(&title);
		c.unit = in->unit;
		c.lang = r->lang;
		c.v = pts;
		c.n = in->n;
		c.has_baseline = in->has_baseline;
		c.has_target = in->has_target;
		c.baseline = in->baseline;
		c.target = in->target;
		buf_adds(out, "<figure>\n");
		rc |= chart_line_svg(out, &c);
		buf_adds(out, "<figcaption>");
		page_escape(out, w->indicator);
		buf_adds(out, ": ");
		page_escape(out, in->name);
		if (in->n) {
			const struct report_measure *m = &in->v[in->n - 1];

			buf_adds(out, " · ");
			page_escape(out, w->latest);
			buf_adds(out, ": <span class=\"num\">");
			chart_number(out, m->value, chart_decimals(m->value));
			buf_adds(out, "</span>");
			if (in->unit) {
				buf_adds(out, " ");
				page_escape(out, in->unit);
			}
			buf_adds(out, " (");
			page_escape(out, m->date);
			buf_adds(out, ")");
		} else {
			buf_adds(out, " · ");
			page_escape(out, w->no_measure);
		}
		if (in->has_target && in->target_date) {
			buf_adds(out, " · ");
			page_escape(out, w->target_by);
			buf_adds(out, " ");
			page_escape(out, in->target_date);
		}
		buf_adds(out, "</figcaption>\n</figure>\n");
		buf_release(&title);
	}
	free(pts);
	return rc ? -1 : 0;
}

static int actions(struct buf *out, const struct report *r, const struct words *w)
{
	struct tally owners = { 0 };
	size_t i, k, *open = NULL, *late = NULL, *done = NULL, nopen = 0;

	h(out, 2, "actions", w->actions);
	if (!r->meetings.nactions) {
		buf_adds(out, "<p>");
		page_escape(out, w->no_actions);
		buf_adds(out, "</p>\n");
		return 0;
	}
	for (i = 0; i < r->meetings.nactions; i++) {
		const struct action_info *a = &r->meetings.actions[i];

		if (tally_add(&owners, a->owner ? a->owner : "") < 0)
			goto nomem;
	}
	/* by owner id, as the files name them */
	if (tally_count(&owners) < 0)
		goto nomem;
	if (!(open = calloc(owners.len, sizeof(*open))) || !(late = calloc(owners.len, sizeof(*late))) ||
	    !(done = calloc(owners.len, sizeof(*done))))
		goto nomem;
	for (i = 0; i < r->meetings.nactions; i++) {
		const struct action_info *a = &r->meetings.actions[i];

		k = tally_find(&owners, a->owner ? a->owner : "");
		open[k] += action_is_open(a);
		late[k] += action_is_overdue(a, r->today);
		done[k] += a->status && !strcmp(a->status, "done");
		nopen += action_is_open(a);
	}
	h(out, 3, NULL, w->actions_by_owner);
	buf_adds(out, "<table>\n<thead><tr>");
	th(out, w->owner);
	th(out, w->open);
	th(out, w->overdue);
	th(out, w->done_actions);
	buf_adds(out, "</tr></thead>\n<tbody>\n");
	for (k = 0; k < owners.len; k++) {
		buf_adds(out, "<tr><th scope=\"row\">");
		page_escape(out, *owners.key[k] ? member_name(r, owners.key[k]) : w->nobody);
		buf_addf(out, "</th><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr>\n",
			 open[k], late[k], done[k]);
	}
	buf_adds(out, "</tbody>\n</table>\n");
	h(out, 3, NULL, w->open_actions);
	if (nopen) {
		buf_adds(out, "<table>\n<thead><tr>");
		th(out, w->meeting);
		th(out, w->action);
		th(out, w->owner);
		th(out, w->due);
		buf_adds(out, "</tr></thead>\n<tbody>\n");
		for (i = 0; i < r->meetings.nactions; i++) {
			const struct action_info *a = &r->meetings.actions[i];
			char path[64];

			if (!action_is_open(a))
				continue;
			report_meeting_path(path, sizeof(path), a->meeting);
			buf_addf(out, "<tr%s><td><a href=\"%s\">%ld</a></td><td>",
				 action_is_overdue(a, r->today) ? " class=\"overdue\"" : "", path, a->meeting);
			page_escape(out, a->text ? a->text : "");
			buf_adds(out, "</td><td>");
			page_escape(out, a->owner ? member_name(r, a->owner) : w->nobody);
			buf_adds(out, "</td><td>");
			page_escape(out, a->due ? a->due : "");
			if (action_is_overdue(a, r->today)) {
				buf_adds(out, " <strong>");
				page_escape(out, w->overdue);
				buf_adds(out, "</strong>");
			}
			buf_adds(out, "</td></tr>\n");
		}
		buf_adds(out, "</tbody>\n</table>\n");
	}
	free(open);
	free(late);
	free(done);
	tally_release(&owners);
	return 0;
nomem:
	free(open);
	free(late);
	free(done);
	tally_release(&owners);
	out->failed = 1;
	return -1;
}

static void interviews(struct buf *out, const struct report *r, const struct words *w)
{
	size_t i, k;

	h(out, 2, "interviews", w->summary);
	if (r->interviews.confidential)
		buf_addf(out, "<p class=\"confidential\"><span class=\"fig\">%zu</span> ",
			 r->interviews.confidential);
	if (r->interviews.confidential) {
		page_escape(out, w->confidential_n);
		buf_adds(out, "</p>\n");
	}
	if (!r->interviews.nquestions) {
		buf_adds(out, "<p>");
		page_escape(out, w->no_answers);
		buf_adds(out, "</p>\n");
		return;
	}
	for (i = 0; i < r->interviews.nquestions; i++) {
		const struct question *q = &r->interviews.questions[i];

		h(out, 3, NULL, q->id);
		buf_addf(out, "<p class=\"count\">%zu ", q->n);
		page_escape(out, w->answers);
		buf_adds(out, "</p>\n<ul>\n");
		for (k = 0; k < q->n; k++) {
			buf_adds(out, "<li><span class=\"who\">");
			page_escape(out, member_name(r, q->ans[k].member));
			buf_adds(out, ":</span> ");
			page_escape(out, q->ans[k].text);
			buf_adds(out, "</li>\n");
		}
		buf_adds(out, "</ul>\n");
	}
}

int report_index(struct buf *out, const struct report *r)
{
	const struct words *w = words_of(r->lang);
	const char *name = r->initiative ? dom_text(r->initiative->root, "name") : NULL;
	struct buf title = BUF_INIT;
	int rtl = !strcmp(r->lang, "he"), rc = 0;

	buf_adds(&title, name ? name : w->report);
	buf_addf(&title, " — %s", w->report);
	buf_addf(out, "<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\">\n<head>\n"
		 "<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		 "<title>", r->lang, rtl ? "rtl" : "ltr");
	page_escape(out, buf_str(&title));
	buf_adds(out, "</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n<header>\n<h1>");
	page_escape(out, name ? name : w->report);
	buf_adds(out, "</h1>\n<p class=\"made\">");
	page_escape(out, w->made_from);
	if (r->commit_id[0]) {
		buf_adds(out, " <code>");
		page_escape(out, r->commit_id);
		buf_adds(out, "</code> ");
		ltr(out, r->commit_date);
	} else {
		buf_adds(out, ": ");
		page_escape(out, w->not_committed);
	}
	buf_adds(out, "</p>\n");
	if (r->conflicts) {
		buf_addf(out, "<p class=\"banner\" role=\"alert\"><strong>%u</strong> ", r->conflicts);
		page_escape(out, w->banner);
		buf_adds(out, " ");
		page_escape(out, w->banner_hint);
		buf_adds(out, "</p>\n");
	}
	buf_adds(out, "<nav>\n<ul>\n");
	{
		const char *ids[] = { "overview", "vision", "meetings", "participation", "outcomes",
				      "actions", "interviews" };
		const char *words[] = { w->overview, w->history, w->meetings, w->participation,
					w->outcomes, w->actions, w->interviews };
		size_t i;

		for (i = 0; i < 7; i++) {
			buf_addf(out, "<li><a href=\"#%s\">", ids[i]);
			page_escape(out, words[i]);
			buf_adds(out, "</a></li>\n");
		}
	}
	buf_adds(out, "</ul>\n</nav>\n</header>\n<main>\n");
	rc |= overview(out, r, w);
	rc |= vision_history(out, r, w);
	meetings_table(out, r, w);
	rc |= participation(out, r, w);
	rc |= outcomes(out, r, w);
	rc |= actions(out, r, w);
	interviews(out, r, w);
	buf_adds(out, "</main>\n</body>\n</html>\n");
	buf_release(&title);
	return rc || buf_failed(out) ? -1 : 0;
}

/* The minutes pages carry their own (page.c's); this one adds what the
 * index needs: tables, figures, charts, the banner, word diffs. */
static const char style[] =
	"body{font-family:\"Noto Sans\",\"Noto Sans Hebrew\",\"DejaVu Sans\",Arial,sans-serif;"
	"line-height:1.45;color:#1b1b1b;background:#fff;max-width:52rem;margin:2rem auto;"
	"padding:0 1rem}\n"
	"p,li,h1,h2,h3,td,th,caption,figcaption,dt,dd{unicode-bidi:plaintext}\n"
	"h1{font-size:1.7rem;margin:0 0 .3rem}\n"
	"h2{font-size:1.3rem;margin:1.8rem 0 .5rem;padding-bottom:.15rem;border-bottom:2px solid #888}\n"
	"h3{font-size:1.05rem;margin:1.1rem 0 .3rem}\n"
	"ul,ol{padding-inline-start:1.5rem;margin:.3rem 0}\n"
	"li{margin:.15rem 0}\n"
	"p{margin:.35rem 0}\n"
	"a{color:#0b57a4}\n"
	"nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}\n"
	".made{color:#444;font-size:.9rem}\n"
	".banner{border:2px solid #1b1b1b;background:#f3f3f3;padding:.5rem .8rem;font-weight:600}\n"
	".vision{font-size:1.1rem;border-inline-start:4px solid #555;padding-inline-start:.7rem}\n"
	".figures{list-style:none;padding:0}\n"
	".fig{font-weight:700;font-size:1.15rem;display:inline-block;min-width:2.5rem}\n"
	"table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}\n"
	"caption{text-align:start;font-weight:600;padding:.2rem 0}\n"
	"th,td{border:1px solid #999;padding:.25rem .45rem;text-align:start;vertical-align:top}\n"
	"thead th{background:#eee}\n"
	"td.n{text-align:end;font-variant-numeric:tabular-nums}\n"
	"tr.overdue td{font-weight:600}\n"
	".changes>li{margin:.7rem 0}\n"
	".who{color:#444;font-size:.9rem}\n"
	".kind{font-style:italic}\n"
	".diff{white-space:pre-wrap}\n"
	"del{text-decoration:line-through;background:#e6e6e6}\n"
	"ins{text-decoration:underline;font-weight:600}\n"
	".fork{border-inline-start:4px double #555;padding-inline-start:.6rem}\n"
	".sides>li{border:1px dashed #777;padding:.3rem .5rem;margin:.3rem 0}\n"
	"figure{margin:.5rem 0 1.2rem}\n"
	".chart{width:100%;max-width:640px;height:auto;display:block}\n"
	".chart text{font-size:12px;fill:#1b1b1b}\n"
	".chart .ct{font-size:14px;font-weight:600}\n"
	".chart .grid{stroke:#d5d5d5;stroke-width:1}\n"
	".chart .axis{stroke:#333;stroke-width:1}\n"
	".chart .series{fill:none;stroke:#1f3f66;stroke-width:2}\n"
	".chart .point{fill:#fff;stroke:#1f3f66;stroke-width:2}\n"
	".chart .latest{fill:#1f3f66;stroke:#000;stroke-width:2}\n"
	".chart line.baseline{stroke:#555;stroke-width:1.5;stroke-dasharray:8 4}\n"
	".chart line.target{stroke:#000;stroke-width:2;stroke-dasharray:2 3}\n"
	".chart .value{font-weight:700}\n"
	".chart .bar{fill:#5b7fa6;stroke:#1b1b1b;stroke-width:1}\n"
	".chart .nodata{font-size:14px;fill:#444}\n"
	"@page{size:A4;margin:16mm 15mm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}nav{display:none}"
	"a{color:inherit}h2,h3{break-after:avoid}figure,tr,li{break-inside:avoid}"
	".chart{max-width:16cm}}\n";

int report_style(struct buf *out)
{
	buf_adds(out, style);
	return buf_failed(out) ? -1 : 0;
}
