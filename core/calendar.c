/*
 * What the calendar takes from the files of a commit: see calendar.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "domain.h"
#include "layout.h"
#include "members.h"
#include "schedule.h"
#include "text.h"


static char *dup_text(const struct doc_node *map, const char *key, struct cal_gather *g)
{
	const char *t = dom_text(map, key);
	char *d;

	if (!t)
		return NULL;
	if (!(d = strdup(t)))
		g->failed = 1;
	return d;
}

static char *dup_span(const struct doc_span *v, struct cal_gather *g)
{
	char *d;

	if (!v->s)
		return NULL;
	if (!(d = malloc(v->len + 1))) {
		g->failed = 1;
		return NULL;
	}
	memcpy(d, v->s, v->len);
	d[v->len] = '\0';
	return d;
}

/* The values a member gives the calendar, in this order. */
static const char *const member_keys[] = { "name", "email", "role", "address", "left" };

/* A member, from its tree (root) or from a quick look (vals). */
static void add_member(struct cal_gather *g, const char *file, const struct doc_node *root,
		       const struct doc_span *vals)
{
	struct cal_member *r;
	char dir[16], id[80];

	if (g->nmembers == g->capmembers) {
		size_t cap = g->capmembers ? g->capmembers * 2 : 32;
		struct cal_member *v = realloc(g->members, cap * sizeof(*v));

		if (!v) {
			g->failed = 1;
			return;
		}
		g->members = v;
		g->capmembers = cap;
	}
	r = &g->members[g->nmembers++];
	memset(r, 0, sizeof(*r));
	layout_file(file, dir, sizeof(dir), id, sizeof(id));
	if (!(r->id = strdup(id)))
		g->failed = 1;
	if (vals) {
		r->name = dup_span(&vals[0], g);
		r->email = dup_span(&vals[1], g);
		r->role = dup_span(&vals[2], g);
		r->address = dup_span(&vals[3], g);
		r->left = vals[4].s != NULL;
		return;
	}
	r->name = dup_text(root, member_keys[0], g);
	r->email = dup_text(root, member_keys[1], g);
	r->role = dup_text(root, member_keys[2], g);
	r->address = dup_text(root, member_keys[3], g);
	r->left = member_left(root) != NULL;
}

static void add_meeting(struct cal_gather *g, const char *file, long number, const struct doc *doc,
			const char *data, size_t len)
{
	const struct doc_node *root = doc ? doc->root : NULL;
	struct buf key = BUF_INIT;
	static const char *const sched[] = { "date", "start", "duration", "location" };
	const struct doc_node *loc, *n, *it;
	struct cal_meeting *r;
	size_t i;

	if (g->nmeetings == g->capmeetings) {
		size_t cap = g->capmeetings ? g->capmeetings * 2 : 32;
		struct cal_meeting *v = realloc(g->meetings, cap * sizeof(*v));

		if (!v) {
			g->failed = 1;
			return;
		}
		g->meetings = v;
		g->capmeetings = cap;
	}
	r = &g->meetings[g->nmeetings++];
	memset(r, 0, sizeof(*r));
	r->number = number;
	snprintf(r->file, sizeof(r->file), "%s", file);
	/* the history reads every changed version of a meeting: this one,
	 * parsed already, is given to it (the same key it would make) */
	if (schedule_key_of(&key, doc, data, len) < 0 || !(r->key = buf_detach(&key, NULL)))
		g->failed = 1;
	buf_release(&key);
	if (!root || root->kind != DOC_MAP || (root->flags & DOC_CONFLICT)) {
		r->conflict = "file";
		return;
	}
	for (i = 0; i < sizeof(sched) / sizeof(sched[0]) && !r->conflict; i++)
		if (dom_has_conflict(doc_get(root, sched[i])))
			r->conflict = sched[i];
	r->title = dup_text(root, "title", g);
	r->status = dup_text(root, "status", g);
	r->date = dup_text(root, "date", g);
	r->start = dup_text(root, "start", g);
	if (dom_text(root, "duration")) {
		char *end;

		r->minutes = strtol(dom_text(root, "duration"), &end, 10);
		if (*end || r->minutes <= 0 || r->minutes > 100000)
			r->invalid = "duration";
	}
	if (r->start && !text_is_time(r->start, strlen(r->start)))
		r->invalid = "start";
	if (r->date && !text_is_date(r->date, strlen(r->date)))
		r->invalid = "date";
	if ((loc = doc_get(root, "location")) && loc->kind == DOC_MAP) {
		r->host = dup_text(loc, "host", g);
		r->address = dup_text(loc, "address", g);
		r->virt = dup_text(loc, "virtual", g);
	}
	if ((n = doc_get(root, "goals")) && n->kind == DOC_SEQ)
		for (it = n->head; it; it = it->next)
			if (it->kind == DOC_SCALAR && !(it->flags & DOC_CONFLICT) && it->len)
				buf_addf(&r->goals, "%s\n", it->str);
	if ((n = doc_get(root, "agenda")) && n->kind == DOC_SEQ)
		for (it = n->head; it; it = it->next)
			if (dom_text(it, "title"))
				buf_addf(&r->items, "%s\n", dom_text(it, "title"));
	if (buf_failed(&r->goals) || buf_failed(&r->items))
		g->failed = 1;
}

/* The keys add_meeting() and schedule_key_of() read, and of the
 * agenda's items only their titles. */
static const char *const item_keys[] = { "title", NULL };
static const struct doc_keep meeting_keep[] = {
	{ "title", NULL }, { "status", NULL }, { "date", NULL }, { "start", NULL },
	{ "duration", NULL }, { "location", NULL }, { "goals", NULL }, { "agenda", item_keys },
};

/* Every file of the last commit, as store_tree_diff() gives them. */
int cal_take_file(void *ctx, const char *path, const char *old, size_t oldlen, const char *data,
		     size_t len)
{
	struct cal_gather *g = ctx;
	enum schema_kind kind = layout_kind(path);
	struct doc *doc = NULL;
	struct err err;
	long number = 0;

	if (!data || kind == KIND_NONE || kind == KIND_INTERVIEW || kind == KIND_OUTCOME)
		return 0;
	if (kind == KIND_MEETING && (number = layout_meeting_of_file(path)) <= 0)
		return 0;  /* misnamed: validate says so */
	if (kind == KIND_MEMBER && strchr(path + strlen(LAYOUT_MEMBERS) + 1, '/'))
		return 0;
	if (kind == KIND_MEMBER) {
		/* 2,000 members: a file in the plain form is only looked at */
		struct doc_span vals[5];

		if (doc_scan_top(data, len, member_keys, 5, vals)) {
			add_member(g, path, NULL, vals);
			return g->failed ? -1 : 0;
		}
	}
	if (kind == KIND_MEETING) {
		/* 1,000 meetings full of notes: only the keys add_meeting()
		 * reads are built, of a file in the form convene writes */
		int rc = doc_load_kept(&doc, data, len, meeting_keep, sizeof(meeting_keep) / sizeof(*meeting_keep));

		if (rc < 0) {
			g->failed = 1;
			return -1;
		}
		if (rc == 1) {
			add_meeting(g, path, number, doc, data, len);
			doc_free(doc);
			return g->failed ? -1 : 0;
		}
	}
	if (doc_load(&doc, data, len, &err) < 0) {
		/* validate says what is wrong; a meeting we cannot read is
		 * left out, and said to be */
		if (kind == KIND_MEETING)
			add_meeting(g, path, number, NULL, data, len);
		return g->failed ? -1 : 0;
	}
	if (kind == KIND_INITIATIVE && doc->root && doc->root->kind == DOC_MAP) {
		const struct doc_node *tz = doc_get(doc->root, "timezone");

		g->zone = dup_text(doc->root, "timezone", g);
		g->lang = dup_text(doc->root, "language", g);
		g->name = dup_text(doc->root, "name", g);
		if (tz) {
			g->zone_line = tz->line;
			g->zone_col = tz->col;
			g->zone_conflict = dom_has_conflict(tz);
		}
	} else if (kind == KIND_MEMBER && doc->root && doc->root->kind == DOC_MAP) {
		add_member(g, path, doc->root, NULL);
	} else if (kind == KIND_MEETING) {
		add_meeting(g, path, number, doc, data, len);
	}
	doc_free(doc);
	return g->failed ? -1 : 0;
}

void cal_gather_release(struct cal_gather *g)
{
	size_t i;

	for (i = 0; i < g->nmembers; i++) {
		struct cal_member *m = &g->members[i];

		free(m->id), free(m->name), free(m->email), free(m->role), free(m->address);
	}
	for (i = 0; i < g->nmeetings; i++) {
		struct cal_meeting *m = &g->meetings[i];

		free(m->title), free(m->status), free(m->date), free(m->start);
		free(m->host), free(m->address), free(m->virt), free(m->key);
		buf_release(&m->goals);
		buf_release(&m->items);
	}
	free(g->members);
	free(g->meetings);
	free(g->zone), free(g->lang), free(g->name);
}

const struct cal_member *cal_member_by_id(const struct cal_gather *g, const char *id)
{
	size_t i;

	for (i = 0; id && i < g->nmembers; i++)
		if (!strcmp(g->members[i].id, id))
			return &g->members[i];
	return NULL;
}

/* ---- the event of a meeting ---- */

/* An address on one line: its lines joined by ", ". */
static void one_line(struct buf *b, const char *s)
{
	int first = 1;

	while (*s) {
		size_t n = strcspn(s, "\n");

		while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
			n--;
		if (n) {
			if (!first)
				buf_adds(b, ", ");
			buf_add(b, s, n);
			first = 0;
		}
		s += strcspn(s, "\n");
		if (*s)
			s++;
		while (*s == ' ')
			s++;
	}
}

/* LOCATION: the address given, else the host's (or their name), else the
 * virtual link. */
void cal_location(struct buf *b, const struct cal_gather *g, const struct cal_meeting *m)
{
	const struct cal_member *host = cal_member_by_id(g, m->host);

	if (m->address)
		one_line(b, m->address);
	else if (host && host->address)
		one_line(b, host->address);
	else if (host && host->name)
		buf_adds(b, host->name);
	else if (m->virt)
		buf_adds(b, m->virt);
}

void cal_description(struct buf *b, const struct cal_meeting *m, int he)
{
	const char *p;
	int n = 0;

	if (m->goals.len) {
		buf_adds(b, he ? "מטרות:\n" : "Goals:\n");
		for (p = buf_str(&m->goals); *p; p += strcspn(p, "\n") + 1)
			buf_addf(b, "- %.*s\n", (int)strcspn(p, "\n"), p);
	}
	if (m->items.len) {
		buf_adds(b, b->len ? "\n" : "");
		buf_adds(b, he ? "סדר היום:\n" : "Agenda:\n");
		for (p = buf_str(&m->items); *p; p += strcspn(p, "\n") + 1)
			buf_addf(b, "%d. %.*s\n", ++n, (int)strcspn(p, "\n"), p);
	}
	if (m->virt) {
		buf_adds(b, b->len ? "\n" : "");
		buf_addf(b, "%s %s\n", he ? "קישור לפגישה:" : "Online:", m->virt);
	}
	/* no final line end inside the value */
	while (b->len && b->ptr[b->len - 1] == '\n')
		b->ptr[--b->len] = '\0';
}

/* The meetings as "1-3, 5", for the message about one that is not there. */
void cal_list_numbers(struct buf *b, const struct cal_gather *g)
{
	size_t i = 0, j;

	while (i < g->nmeetings) {
		for (j = i; j + 1 < g->nmeetings && g->meetings[j + 1].number == g->meetings[j].number + 1; j++)
			;
		buf_addf(b, "%s%ld", i ? ", " : "", g->meetings[i].number);
		if (j > i)
			buf_addf(b, "%s%ld", j > i + 1 ? "-" : ", ", g->meetings[j].number);
		i = j + 1;
	}
}

int cal_by_number(const void *a, const void *b)
{
	long x = ((const struct cal_meeting *)a)->number, y = ((const struct cal_meeting *)b)->number;

	return x < y ? -1 : x > y;
}


