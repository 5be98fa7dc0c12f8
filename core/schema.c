/*
 * The schema (schema.h): one table of fields per shape of mapping, a walker
 * that checks a tree against it, and the id sets for references.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "age.h"
#include "buf.h"
#include "groups.h"  /* the partner kinds */
#include "layout.h"
#include "path.h"
#include "schema.h"
#include "text.h"
#include "tr.h"
#include "tz.h"

/* ---- diagnostics ---- */

/* Adds a message already formatted (and translated). */
static void diags_put(struct diags *d, const char *file, unsigned line, unsigned col,
		      enum diag_level level, const char *msg)
{
	struct diag *g;

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct diag *v = realloc(d->v, cap * sizeof(*v));

		if (!v) {
			d->failed = 1;
			return;
		}
		d->v = v;
		d->cap = cap;
	}
	g = &d->v[d->n];
	g->file = strdup(file);
	g->msg = strdup(msg);
	if (!g->file || !g->msg) {
		free(g->file);
		free(g->msg);
		d->failed = 1;
		return;
	}
	g->where = NULL;
	g->unsealed = 0;
	g->line = line;
	g->col = col;
	g->level = level;
	d->n++;
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void diags_add(struct diags *d, const char *file, unsigned line, unsigned col,
	       enum diag_level level, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), tr(fmt), ap);
	va_end(ap);
	text_cut(msg);
	diags_put(d, file, line, col, level, msg);
}

/* Compares messages with the number after each "line " left out (or
 * after the word its translation gives, when it has one). */
static int same_words(const char *a, const char *b)
{
	/* TRANSLATORS: the word before a line number inside messages, as
	 * the translations of "(first at line %u)" write it, with the space
	 * after it: two messages that differ only in the number after it
	 * are the same problem */
	const char *word = tr("line ");
	size_t wl = strlen(word);

	while (*a && *a == *b) {
		if (!strncmp(a, "line ", 5) && !strncmp(b, "line ", 5)) {
			a += 5;
			b += 5;
			while (*a >= '0' && *a <= '9')
				a++;
			while (*b >= '0' && *b <= '9')
				b++;
			continue;
		}
		if (wl && !strncmp(a, word, wl) && !strncmp(b, word, wl)) {
			a += wl;
			b += wl;
			while (*a >= '0' && *a <= '9')
				a++;
			while (*b >= '0' && *b <= '9')
				b++;
			continue;
		}
		a++;
		b++;
	}
	return *a == *b;
}

int diag_same(const struct diag *a, const struct diag *b)
{
	if (a->level != b->level || strcmp(a->file, b->file))
		return 0;
	if (!a->where != !b->where || (a->where && strcmp(a->where, b->where)))
		return 0;
	return same_words(a->msg, b->msg);
}

unsigned diags_other_errors(const struct diags *d)
{
	/* a list cut short by memory counts a conflict whose error it
	 * could not add: never below zero */
	return d->errors > d->conflicts ? d->errors - d->conflicts : 0;
}

unsigned diags_keep_new(struct diags *d, const struct diags *before)
{
	char *used = calloc(before->n + 1, 1);
	size_t i, j, k = 0;

	for (i = 0; i < d->n; i++) {
		int known = 0;

		for (j = 0; used && !known && j < before->n; j++)
			if (!used[j] && d->v[i].level == DIAG_ERROR && diag_same(&before->v[j], &d->v[i]))
				used[j] = 1, known = 1;
		if (!known) {
			d->v[k++] = d->v[i];
			continue;
		}
		free(d->v[i].file);
		free(d->v[i].msg);
		free(d->v[i].where);
		d->errors--;
	}
	d->n = k;
	if (!used)
		d->failed = 1;
	free(used);
	return d->errors;
}

struct numbered {
	struct diag d;
	size_t i;
};

static int diag_cmp(const void *a, const void *b)
{
	const struct numbered *x = a, *y = b;
	int c = strcmp(x->d.file, y->d.file);

	if (c)
		return c;
	if (x->d.line != y->d.line)
		return x->d.line < y->d.line ? -1 : 1;
	if (x->d.col != y->d.col)
		return x->d.col < y->d.col ? -1 : 1;
	/* keep the order they were found in: qsort is not stable */
	return x->i < y->i ? -1 : x->i > y->i;
}

void diags_sort(struct diags *d)
{
	struct numbered *tmp;
	size_t i;

	if (d->n < 2 || !(tmp = malloc(d->n * sizeof(*tmp))))
		return;
	for (i = 0; i < d->n; i++) {
		tmp[i].d = d->v[i];
		tmp[i].i = i;
	}
	qsort(tmp, d->n, sizeof(*tmp), diag_cmp);
	for (i = 0; i < d->n; i++)
		d->v[i] = tmp[i].d;
	free(tmp);
}

void diags_release(struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
		free(d->v[i].where);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* ---- id sets: one open-addressing hash table per kind ---- */

struct idset {
	char **slot;
	size_t cap, n;
};

struct schema_ids {
	struct idset set[REF__COUNT];
	int known[REF__COUNT];  /* 0: the list could not be read; don't check */
};

static size_t hash(const char *s)
{
	size_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static int idset_add(struct idset *s, const char *id)
{
	size_t i;

	if ((s->n + 1) * 2 > s->cap) {
		struct idset bigger = { NULL, s->cap ? s->cap * 2 : 64, 0 };

		bigger.slot = calloc(bigger.cap, sizeof(char *));
		if (!bigger.slot)
			return ERR_NOMEM;
		for (i = 0; i < s->cap; i++) {
			if (!s->slot[i])
				continue;
			size_t j = hash(s->slot[i]) & (bigger.cap - 1);

			while (bigger.slot[j])
				j = (j + 1) & (bigger.cap - 1);
			bigger.slot[j] = s->slot[i];
			bigger.n++;
		}
		free(s->slot);
		*s = bigger;
	}
	for (i = hash(id) & (s->cap - 1); s->slot[i]; i = (i + 1) & (s->cap - 1))
		if (!strcmp(s->slot[i], id))
			return 0;
	if (!(s->slot[i] = strdup(id)))
		return ERR_NOMEM;
	s->n++;
	return 0;
}

static int idset_has(const struct idset *s, const char *id)
{
	size_t i;

	if (!s->cap)
		return 0;
	for (i = hash(id) & (s->cap - 1); s->slot[i]; i = (i + 1) & (s->cap - 1))
		if (!strcmp(s->slot[i], id))
			return 1;
	return 0;
}

struct schema_ids *schema_ids_new(void)
{
	return calloc(1, sizeof(struct schema_ids));
}

void schema_ids_free(struct schema_ids *ids)
{
	size_t k, i;

	if (!ids)
		return;
	for (k = 0; k < REF__COUNT; k++) {
		for (i = 0; i < ids->set[k].cap; i++)
			free(ids->set[k].slot[i]);
		free(ids->set[k].slot);
	}
	free(ids);
}

int schema_ids_add(struct schema_ids *ids, enum schema_ref kind, const char *id)
{
	ids->known[kind] = 1;
	return idset_add(&ids->set[kind], id);
}

void schema_ids_known(struct schema_ids *ids, enum schema_ref kind)
{
	ids->known[kind] = 1;
}

int schema_ids_has(const struct schema_ids *ids, enum schema_ref kind, const char *id)
{
	return idset_has(&ids->set[kind], id);
}

size_t schema_ids_count(const struct schema_ids *ids, enum schema_ref kind)
{
	return ids->set[kind].n;
}

void schema_ids_from_initiative(struct schema_ids *ids, const struct doc *doc)
{
	static const struct { const char *key; enum schema_ref kind; } lists[] = {
		{ "principles", REF_PRINCIPLE }, { "subgroups", REF_SUBGROUP },
	};
	const struct doc_node *r;
	const struct doc_node *seq, *item, *id;
	size_t i;

	if (!doc->root)
		return;
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		schema_ids_known(ids, lists[i].kind);
		seq = doc_get(doc->root, lists[i].key);
		if (!seq || seq->kind != DOC_SEQ)
			continue;
		for (item = seq->head; item; item = item->next) {
			id = doc_get(item, "id");
			if (doc_is_str(id) && text_is_id(id->str))
				schema_ids_add(ids, lists[i].kind, id->str);
		}
	}
	schema_ids_known(ids, REF_READER);
	seq = doc_get(doc->root, "readers");
	for (r = seq && seq->kind == DOC_SEQ ? seq->head : NULL; r; r = r->next)
		if (doc_is_str(r) && text_is_id(r->str))
			schema_ids_add(ids, REF_READER, r->str);
}

/* ---- the tables ---- */

enum ftype {
	T_STR,      /* one line of text */
	T_TEXT,     /* text, maybe many lines */
	T_INT,      /* a whole number >= 0 */
	T_NUM,      /* a number */
	T_BOOL,
	T_DATE,     /* 2026-02-01 */
	T_TIME,     /* 17:00 */
	T_DATETIME, /* 2026-02-01T17:05:00+02:00 */
	T_ID,       /* an id of this item */
	T_ENUM,
	T_REF,      /* an id that must exist */
	T_REFS,     /* a list of those */
	T_STRS,     /* a list of one-line texts */
	T_LIST,     /* a list of mappings, each with a unique id */
	T_MAP,      /* a nested mapping */
	T_ANSWERS,  /* a mapping of question ids to text */
	T_EMAIL,
	T_URL,
	T_TZ,       /* an IANA time zone name the tz database knows (tz.h) */
	T_AGE       /* an age recipient, age1... (DESIGN §7) */
};

#define REQ 0x1
#define POS 0x2     /* T_INT: 1 or more */

struct shape;

struct field {
	const char *key;
	enum ftype type;
	unsigned flags;
	const char *const *values;   /* T_ENUM */
	enum schema_ref ref;         /* T_REF, T_REFS */
	const struct shape *sub;     /* T_LIST, T_MAP */
};

struct shape {
	const char *what;            /* "a note", for messages */
	const struct field *fields;
};

static const char *const languages[] = { "he", "en", NULL };
static const char *const roles[] = {
	"facilitator", "backbone", "member", "funder", "partner", "observer", NULL
};
static const char *const meeting_status[] = { "planned", "held", "cancelled", NULL };
static const char *const purposes[] = { "information", "discussion", "decision", NULL };
static const char *const action_status[] = { "open", "done", "dropped", NULL };
static const char *const interview_status[] = { "planned", "done", NULL };
static const char *const outcome_status[] = {
	"proposed", "active", "achieved", "dropped", NULL
};


#define F(k, t, fl) { k, t, fl, NULL, REF_MEMBER, NULL }
#define E(k, v, fl) { k, T_ENUM, fl, v, REF_MEMBER, NULL }
#define R(k, t, r, fl) { k, t, fl, NULL, r, NULL }
#define S(k, t, s, fl) { k, t, fl, NULL, REF_MEMBER, s }
#define END { NULL, T_STR, 0, NULL, REF_MEMBER, NULL }

/* DESIGN §2: a note, decision or action is {id, by, site, at, text} */
static const struct field text_item_f[] = {
	F("id", T_ID, REQ), R("by", T_REF, REF_MEMBER, 0), F("site", T_STR, 0),
	F("at", T_DATETIME, 0), F("text", T_TEXT, REQ), END
};
static const struct shape note_s = { N_("a note"), text_item_f };
static const struct shape decision_s = { N_("a decision"), text_item_f };
static const struct shape principle_s = { N_("a principle"), text_item_f };
static const struct shape lever_s = { N_("a lever"), text_item_f };

static const struct field action_f[] = {
	F("id", T_ID, REQ), R("by", T_REF, REF_MEMBER, 0), F("site", T_STR, 0),
	F("at", T_DATETIME, 0), F("text", T_TEXT, REQ),
	R("owner", T_REF, REF_MEMBER, 0), F("due", T_DATE, 0),
	E("status", action_status, 0), END
};
static const struct shape action_s = { N_("an action"), action_f };

static const struct field subgroup_f[] = {
	F("id", T_ID, REQ), F("name", T_STR, REQ), F("description", T_TEXT, 0),
	R("lead", T_REF, REF_MEMBER, 0), END
};
static const struct shape subgroup_s = { N_("a subgroup"), subgroup_f };

static const struct field partner_f[] = {
	F("id", T_ID, REQ), F("name", T_STR, REQ), E("kind", groups_partner_kinds, 0),
	F("contact", T_STR, 0), F("email", T_EMAIL, 0), F("description", T_TEXT, 0),
	F("url", T_URL, 0), END
};
static const struct shape partner_s = { N_("a partner"), partner_f };

static const char *const timeline_status[] = { "planned", "done", "dropped", NULL };
static const struct field timeline_f[] = {
	F("id", T_ID, REQ), F("date", T_DATE, REQ), F("text", T_TEXT, REQ),
	E("status", timeline_status, 0), END
};
static const struct shape timeline_s = { N_("a timeline entry"), timeline_f };

/* DESIGN §8: the interview guide, asked in order by interview add */
static const struct field question_f[] = {
	F("id", T_ID, REQ), F("text", T_TEXT, REQ), END
};
static const struct shape question_s = { N_("an interview question"), question_f };

static const struct field initiative_f[] = {
	F("name", T_STR, REQ), E("language", languages, REQ), F("timezone", T_TZ, 0),
	F("problem", T_TEXT, 0), F("vision", T_TEXT, 0), F("mission", T_TEXT, 0),
	F("elevator_pitch", T_TEXT, 0), S("principles", T_LIST, &principle_s, 0),
	F("landscape", T_TEXT, 0), S("levers", T_LIST, &lever_s, 0),
	S("subgroups", T_LIST, &subgroup_s, 0), S("partners", T_LIST, &partner_s, 0),
	S("timeline", T_LIST, &timeline_s, 0),
	S("interview_questions", T_LIST, &question_s, 0), R("readers", T_REFS, REF_MEMBER, 0), END
};
static const struct shape initiative_s = { N_("the initiative"), initiative_f };

static const struct field member_f[] = {
	F("id", T_ID, REQ), F("name", T_STR, REQ), F("organization", T_STR, 0),
	E("role", roles, 0), F("email", T_EMAIL, 0), F("phone", T_STR, 0),
	F("can_host", T_BOOL, 0), F("address", T_TEXT, 0),
	R("subgroups", T_REFS, REF_SUBGROUP, 0), F("joined", T_DATE, 0),
	F("left", T_DATE, 0), F("notes", T_TEXT, 0), F("age", T_AGE, 0), END
};
static const struct shape member_s = { N_("a member"), member_f };

static const struct field interview_f[] = {
	F("id", T_ID, REQ), R("member", T_REF, REF_MEMBER, REQ),
	R("interviewer", T_REF, REF_MEMBER, REQ), F("date", T_DATE, REQ),
	E("status", interview_status, 0), F("answers", T_ANSWERS, 0),
	F("notes", T_TEXT, 0), F("confidential", T_BOOL, 0), F("sealed_for", T_STRS, 0), END
};
static const struct shape interview_s = { N_("an interview"), interview_f };

static const struct field location_f[] = {
	R("host", T_REF, REF_MEMBER, 0), F("address", T_TEXT, 0),
	F("virtual", T_URL, 0), END
};
static const struct shape location_s = { N_("a location"), location_f };

static const struct field agenda_f[] = {
	F("id", T_ID, REQ), F("title", T_STR, REQ),
	/* what the agenda shows of an item before its prompt (DESIGN §6) */
	F("minutes", T_INT, POS), R("lead", T_REF, REF_MEMBER, 0),
	E("purpose", purposes, 0), F("prompt", T_TEXT, 0), S("notes", T_LIST, &note_s, 0),
	S("decisions", T_LIST, &decision_s, 0), S("actions", T_LIST, &action_s, 0),
	END
};
static const struct shape agenda_s = { N_("an agenda item"), agenda_f };

/* the minutes approved: at which later meeting, by which decision there */
static const struct field approved_f[] = {
	F("meeting", T_INT, REQ | POS), F("decision", T_ID, REQ), END
};
static const struct shape approved_s = { N_("an approval"), approved_f };

static const struct field meeting_f[] = {
	F("number", T_INT, REQ), F("title", T_STR, REQ),
	E("status", meeting_status, REQ), S("approved", T_MAP, &approved_s, 0),
	F("goals", T_STRS, 0),
	F("date", T_DATE, 0), F("start", T_TIME, 0), F("duration", T_INT, 0),
	S("location", T_MAP, &location_s, 0),
	R("attendees", T_REFS, REF_MEMBER, 0), S("agenda", T_LIST, &agenda_s, 0),
	F("next_steps", T_TEXT, 0), END
};
static const struct shape meeting_s = { N_("a meeting"), meeting_f };

static const struct field measurement_f[] = {
	F("id", T_ID, REQ), F("date", T_DATE, REQ), F("value", T_NUM, REQ),
	F("note", T_TEXT, 0), END
};
static const struct shape measurement_s = { N_("a measurement"), measurement_f };

static const struct field indicator_f[] = {
	F("id", T_ID, REQ), F("name", T_STR, REQ), F("unit", T_STR, 0),
	F("baseline", T_NUM, 0), F("target", T_NUM, 0),
	F("target_date", T_DATE, 0),
	S("measurements", T_LIST, &measurement_s, 0), END
};
static const struct shape indicator_s = { N_("an indicator"), indicator_f };

static const struct field outcome_f[] = {
	F("id", T_ID, REQ), F("title", T_STR, REQ), F("description", T_TEXT, 0),
	F("population", T_TEXT, 0), E("status", outcome_status, 0),
	R("principles", T_REFS, REF_PRINCIPLE, 0),
	S("indicators", T_LIST, &indicator_s, 0), END
};
static const struct shape outcome_s = { N_("an outcome"), outcome_f };

static const struct shape *root_shape(enum schema_kind kind)
{
	switch (kind) {
	case KIND_INITIATIVE: return &initiative_s;
	case KIND_MEMBER: return &member_s;
	case KIND_INTERVIEW: return &interview_s;
	case KIND_MEETING: return &meeting_s;
	case KIND_OUTCOME: return &outcome_s;
	default: return NULL;
	}
}

const char *schema_kind_name(enum schema_kind kind)
{
	static const char *const names[] = {
		"file", "initiative", "member", "interview", "meeting", "outcome"
	};
	return names[kind];
}

static const struct field *find_field(const struct shape *s, const char *key)
{
	const struct field *f;

	for (f = s->fields; f->key; f++)
		if (!strcmp(f->key, key))
			return f;
	return NULL;
}

/* The shape of the map reached by following keys from a kind's root. */
static const struct shape *shape_at(enum schema_kind kind, const char *const *keys, size_t n)
{
	const struct shape *s = root_shape(kind);
	const struct field *f;
	size_t i;

	for (i = 0; s && i < n; i++) {
		f = find_field(s, keys[i]);
		s = f && (f->type == T_LIST || f->type == T_MAP) ? f->sub : NULL;
	}
	return s;
}

int schema_is_text_field(enum schema_kind kind, const char *const *keys, size_t n)
{
	const struct shape *s;
	const struct field *f;

	if (!n)
		return 0;
	s = shape_at(kind, keys, n - 1);
	f = s ? find_field(s, keys[n - 1]) : NULL;
	if (!f)
		return 1;  /* an unknown key: take the value as it was typed */
	return f->type == T_STR || f->type == T_TEXT || f->type == T_EMAIL ||
	       f->type == T_URL || f->type == T_ID || f->type == T_REF ||
	       f->type == T_ENUM || f->type == T_DATE || f->type == T_TIME ||
	       f->type == T_DATETIME || f->type == T_TZ;
}

struct doc_node *schema_insert_after(enum schema_kind kind, const char *const *keys,
				     size_t n, const struct doc_node *map,
				     const char *key)
{
	const struct shape *s = shape_at(kind, keys, n);
	const struct field *f, *want;
	struct doc_node *c, *after = NULL;

	want = s ? find_field(s, key) : NULL;
	if (!want)
		return map->tail;
	/* after the last existing key that the schema puts before this one */
	for (c = map->head; c; c = c->next) {
		f = find_field(s, c->key->str);
		if (f && f < want)
			after = c;
	}
	return after;
}

/* ---- checking ---- */

/* Where a check is: the file and a chain of keys for messages. */
struct ctx {
	struct diags *out;
	const char *file;
	const struct schema_ids *ids;
};

struct where {
	const struct where *up;
	const char *key;
	const char *id;
};

static void where_format(char *buf, size_t size, const struct where *w)
{
	const struct where *chain[32];
	size_t n = 0, len = 0;
	int k;

	for (; w && n < sizeof(chain) / sizeof(chain[0]); w = w->up)
		chain[n++] = w;
	buf[0] = '\0';
	while (n-- > 0 && len < size) {
		w = chain[n];
		k = snprintf(buf + len, size - len, "%s%s%s%s%s", len ? "." : "",
			     w->key, w->id ? "[" : "", w->id ? w->id : "",
			     w->id ? "]" : "");
		len += k < 0 ? 0 : (size_t)k;
	}
}

static void error_at(struct ctx *c, const struct doc_node *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/*
 * The place of n in the data, as a field path: keys, list items by their
 * id (or their index when they have none).  An element of a list of text
 * stops at the list: the messages name the value, and its index moves
 * when another element comes or goes before it.
 */
static char *where_of(const struct doc_node *n)
{
	const struct doc_node *chain[DOC_MAX_DEPTH + 2], *c, *id;
	struct buf b = BUF_INIT;
	size_t depth = 0, k;

	for (c = n; c && c->parent && depth < sizeof(chain) / sizeof(*chain); c = c->parent)
		chain[depth++] = c;
	while (depth--) {
		c = chain[depth];
		if (c->parent->kind == DOC_MAP) {
			/* a key node has a parent and no key of its own */
			const struct doc_node *key = c->key ? c->key : c;

			buf_addf(&b, "%s%.*s", b.len ? "." : "", (int)key->len, key->str);
		} else if (c->kind == DOC_SCALAR && depth == 0) {
			break;
		} else if (c->kind == DOC_MAP && (id = doc_get(c, "id")) && id->kind == DOC_SCALAR) {
			buf_addf(&b, "[%.*s]", (int)id->len, id->str);
		} else {
			for (k = 0, id = c->parent->head; id && id != c; id = id->next)
				k++;
			buf_addf(&b, "[%zu]", k);
		}
	}
	if (!b.len && !b.failed)
		return strdup("");
	return buf_detach(&b, NULL);
}

static void error_at(struct ctx *c, const struct doc_node *n, const char *fmt, ...)
{
	char msg[500];
	va_list ap;
	size_t before = c->out->n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), tr(fmt), ap);
	va_end(ap);
	text_cut(msg);
	diags_put(c->out, c->file, n ? n->line : 1, n ? n->col : 1, DIAG_ERROR, msg);
	if (n && c->out->n > before && !(c->out->v[before].where = where_of(n)))
		c->out->failed = 1;
}

static int all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* A YAML float that is a real number: .inf, .nan and 1e999 read as
 * numbers, but no count or rate is infinite, and a chart cannot draw it. */
static int is_finite(const char *s)
{
	const char *p = s + (*s == '-' || *s == '+');

	if (*p == '.' && p[1] && strchr("iInN", p[1]))
		return 0;
	return isfinite(strtod(s, NULL));
}

/* The time of a time stamp: text_is_time(), or a leap second (RFC 3339). */
static int is_stamp_time(const char *s, size_t len)
{
	return text_is_time(s, len) ||
	       (len == 8 && text_is_time(s, 5) && s[5] == ':' && s[6] == '6' && s[7] == '0');
}

static int is_datetime(const char *s, size_t len)
{
	const char *t;
	size_t tl;

	if (len < 17 || !text_is_date(s, 10) || s[10] != 'T')
		return 0;
	t = s + 11;
	tl = len - 11;
	if (tl >= 1 && t[tl - 1] == 'Z')
		return is_stamp_time(t, tl - 1);
	if (tl < 6 || (t[tl - 6] != '+' && t[tl - 6] != '-'))
		return 0;
	return is_stamp_time(t, tl - 6) && text_is_time(t + tl - 5, 5);
}

static const char *type_word(enum ftype t)
{
	switch (t) {
	case T_INT: return tr("a whole number");
	case T_NUM: return tr("a number");
	case T_BOOL: return tr("true or false");
	case T_DATE: return tr("a date like 2026-02-01");
	case T_TIME: return tr("a time like 17:00");
	case T_DATETIME: return tr("a time stamp like 2026-02-01T17:05:00+02:00");
	case T_ID: case T_REF: return tr("an id (a-z, 0-9 and '-')");
	case T_REFS: return tr("a list of ids");
	case T_STRS: return tr("a list of texts");
	case T_LIST: return tr("a list of items with ids");
	case T_MAP: case T_ANSWERS: return tr("a mapping of keys to values");
	case T_EMAIL: return tr("an email address");
	case T_URL: return tr("a web address (https://...)");
	case T_TZ: return tr("a time zone name like Asia/Jerusalem");
	case T_AGE: return tr("an age recipient (age1...)");
	case T_STR: return tr("one line of text");
	default: return tr("text");
	}
}


static void describe(char *buf, size_t size, const struct doc_node *n)
{
	if (n->kind == DOC_MAP)
		snprintf(buf, size, "%s", tr("a mapping"));
	else if (n->kind == DOC_SEQ)
		snprintf(buf, size, "%s", tr("a list"));
	else if (n->len > 40) {
		/* cut on a character boundary: Hebrew letters are two bytes */
		int cut = 40;

		while (cut > 0 && ((unsigned char)n->str[cut] & 0xc0) == 0x80)
			cut--;
		snprintf(buf, size, "'%.*s...'", cut, n->str);
	}
	else
		snprintf(buf, size, "'%s'", n->str);
}

static void check_shape(struct ctx *c, const struct doc_node *map, const struct shape *s,
			const struct where *w);

static int check_conflict(struct ctx *c, const struct doc_node *n, const struct where *w)
{
	char path[256];

	if (!(n->flags & DOC_CONFLICT))
		return 0;
	where_format(path, sizeof(path), w);
	if (path[0])
		error_at(c, n, "unresolved conflict in '%s'; settle it with 'convene resolve'", path);
	else
		error_at(c, n, "unresolved conflict over the whole file; settle it with 'convene resolve'");
	c->out->conflicts++;
	return 1;
}

/* 0501234567, 123 or yes written plain: other YAML readers would not see
 * text, so a field of text or ids refuses it and says how to quote it. */
static int not_text(struct ctx *c, const struct doc_node *v, const char *key, int item)
{
	enum doc_type t;

	if (v->kind != DOC_SCALAR || (t = doc_scalar_type(v)) == DOC_STR || t == DOC_NULL)
		return 0;
	if (item)
		error_at(c, v, "each item of '%s' must be text, but %s reads as %s; put it in quotes: \"%s\"",
			 key, v->str, t == DOC_BOOL ? tr("true or false") : tr("a number"), v->str);
	else
		error_at(c, v, "'%s' must be text, but %s reads as %s; put it in quotes: \"%s\"",
			 key, v->str, t == DOC_BOOL ? tr("true or false") : tr("a number"), v->str);
	return 1;
}

/* How near a mistyped word is to a known one, as 'did you mean' judges it:
 * a slip of a letter or two, or the start of a longer word; (size_t)-1
 * when it is not near. */
static size_t nearness(const char *typed, const char *known)
{
	size_t klen = strlen(typed), dist = text_distance(typed, known);

	if (dist > 2 || dist * 2 > klen)
		dist = klen >= 3 && !strncmp(known, typed, klen) ? 3 : (size_t)-1;
	return dist;
}

/* The nearest of the ids of a kind to typed (ties: the first in byte
 * order, so the message does not depend on the hash), or NULL. */
static const char *nearest_id(const struct schema_ids *ids, enum schema_ref r, const char *typed)
{
	const struct idset *set = &ids->set[r];
	const char *best = NULL;
	size_t i, d, bestd = (size_t)-1;

	for (i = 0; i < set->cap; i++) {
		if (!set->slot[i] || (d = nearness(typed, set->slot[i])) == (size_t)-1)
			continue;
		if (d < bestd || (d == bestd && strcmp(set->slot[i], best) < 0)) {
			bestd = d;
			best = set->slot[i];
		}
	}
	return best;
}

static void check_ref(struct ctx *c, const struct doc_node *v, enum schema_ref r,
		      const char *key)
{
	const char *near;
	char d[64];

	if (not_text(c, v, key, v->parent && v->parent->kind == DOC_SEQ))
		return;
	if (!doc_is_str(v) || !text_is_id(v->str)) {
		describe(d, sizeof(d), v);
		error_at(c, v, "'%s' must be %s; found %s", key, type_word(T_REF), d);
		return;
	}
	if (!c->ids || !c->ids->known[r] || schema_ids_has(c->ids, r, v->str))
		return;
	/* a subgroup is typed by hand more than the others: say which it was */
	if (r == REF_SUBGROUP && (near = nearest_id(c->ids, r, v->str)))
		error_at(c, v, "unknown subgroup '%s' in '%s'; did you mean '%s'?", v->str, key, near);
	else if (r == REF_SUBGROUP)
		error_at(c, v, "unknown subgroup '%s' in '%s'; add it to subgroups in initiative.yaml or fix the id",
			 v->str, key);
	else if (r == REF_PRINCIPLE)
		error_at(c, v, "unknown principle '%s' in '%s'; add it to principles in initiative.yaml or fix the id",
			 v->str, key);
	else
		error_at(c, v, "unknown member '%s' in '%s'; add members/<id>.yaml or fix the id",
			 v->str, key);
}

static void check_list(struct ctx *c, const struct doc_node *v, const struct field *f,
		       const struct where *w)
{
	const struct doc_node *item, *id, *prev;
	char d[64];

	for (item = v->head; item; item = item->next) {
		struct where iw = { w->up, w->key, NULL };

		if (item->kind != DOC_MAP) {
			if (item->flags & DOC_CONFLICT)
				continue;
			describe(d, sizeof(d), item);
			error_at(c, item, "each item of '%s' must be %s (a mapping with an id); found %s",
				 f->key, tr(f->sub->what), d);
			continue;
		}
		id = doc_get(item, "id");
		if (doc_is_str(id) && text_is_id(id->str)) {
			iw.id = id->str;
			/* unique ids; lists are short, except notes: stop at the first */
			for (prev = v->head; prev != item; prev = prev->next) {
				const struct doc_node *pid = doc_get(prev, "id");

				if (pid && pid->kind == DOC_SCALAR && !strcmp(pid->str, id->str)) {
					error_at(c, id, "duplicate id '%s' in %s (first at line %u); give one a new id",
						 id->str, f->key, pid->line);
					break;
				}
			}
		}
		if (check_conflict(c, item, &iw))
			continue;
		check_shape(c, item, f->sub, &iw);
	}
}

/* The found value for a message, only when there is a message to write. */
#define DESCRIBE(n) (describe(d, sizeof(d), (n)), d)

/* A number that YAML readers read differently (0x1F, 0o17: hex and octal
 * are YAML 1.2's, not 1.1's; .inf, .nan) or that has no plain decimal
 * form: an error that says what to write. */
static void check_number(struct ctx *c, const struct doc_node *v, const struct field *f)
{
	struct buf b = BUF_INIT;
	int base = v->len > 2 && v->str[0] == '0' ? v->str[1] == 'x' ? 16 : v->str[1] == 'o' ? 8 : 0 : 0;

	if (doc_number_canon(&b, v->str, v->len) == 0) {
		buf_release(&b);
		return;
	}
	if (base && v->len < 18)
		error_at(c, v, "'%s' is %s, which YAML readers do not read alike; write %llu", f->key,
			 v->str, strtoull(v->str + 2, NULL, base));
	else
		error_at(c, v, "'%s' is %s, which YAML readers do not read alike; write it in decimal digits, without an exponent",
			 f->key, v->str);
	buf_release(&b);
}

/* A time zone: a name the tz database knows, exactly; the nearest one it
 * knows is named.  Without a database (none on this system) the name is
 * not checked, and validate says so. */
static void check_tz(struct ctx *c, const struct doc_node *v, const struct field *f)
{
	char near[72], d[64];

	switch (tz_known(v->str)) {
	case 1:
		return;
	case 0:
		if (tz_nearest(v->str, near, sizeof(near)))
			error_at(c, v, "'%s' is %s, a time zone the tz database does not know; did you mean '%s'?",
				 f->key, DESCRIBE(v), near);
		else
			error_at(c, v, "'%s' is %s, a time zone the tz database does not know; write an IANA name like Asia/Jerusalem, America/New_York or UTC",
				 f->key, DESCRIBE(v));
		return;
	default:
		diags_add(c->out, c->file, v->line, v->col, DIAG_WARNING,
			  "'%s' (%s) is not checked: this system has no tz database (install tzdata)",
			  f->key, v->str);
	}
}

static void check_value(struct ctx *c, const struct doc_node *v, const struct field *f,
			const struct where *w)
{
	const struct doc_node *x;
	const char *const *e;
	enum doc_type t;
	char d[64], list[200];
	size_t len;

	if (check_conflict(c, v, w))
		return;
	if (doc_is_null(v) && !(f->flags & REQ))
		return;
	d[0] = '\0';
	t = v->kind == DOC_SCALAR ? doc_scalar_type(v) : DOC_STR;
	switch (f->type) {
	case T_STR: case T_TEXT: case T_EMAIL: case T_URL: case T_ID:
	case T_DATE: case T_TIME: case T_DATETIME: case T_ENUM: case T_TZ:
		if (v->kind != DOC_SCALAR || t == DOC_NULL) {
			error_at(c, v, "'%s' must be %s; found %s", f->key,
				 type_word(f->type), t == DOC_NULL ? tr("nothing") : DESCRIBE(v));
			return;
		}
		break;
	default:
		break;
	}
	if ((f->type == T_STR || f->type == T_TEXT || f->type == T_EMAIL || f->type == T_URL ||
	     f->type == T_ID || f->type == T_REF || f->type == T_TZ || f->type == T_AGE) &&
	    not_text(c, v, f->key, 0))
		return;
	switch (f->type) {
	case T_AGE: {
		struct age_recipient r;

		if (v->kind != DOC_SCALAR || !doc_is_str(v) || age_recipient_parse(v->str, &r) != AGE_OK)
			error_at(c, v, "'%s' must be %s; found %s; convene key show prints yours",
				 f->key, type_word(f->type), DESCRIBE(v));
		break;
	}
	case T_STR:
		if (memchr(v->str, '\n', v->len))
			error_at(c, v, "'%s' must be one line of text", f->key);
		else if (!v->len && (f->flags & REQ))
			error_at(c, v, "'%s' is empty; it needs one", f->key);
		break;
	case T_TEXT:
		break;
	case T_INT:
		if (t == DOC_INT && v->len > 2 && v->str[0] == '0' && (v->str[1] == 'x' || v->str[1] == 'o'))
			check_number(c, v, f);
		else if (t != DOC_INT || !all_digits(v->str, v->len))
			error_at(c, v, f->flags & POS ? "'%s' must be %s, 1 or more; found %s"
						      : "'%s' must be %s; found %s",
				 f->key, type_word(f->type), DESCRIBE(v));
		else if ((f->flags & POS) && v->len == strspn(v->str, "0"))
			error_at(c, v, "'%s' must be %s, 1 or more; found %s", f->key,
				 type_word(f->type), DESCRIBE(v));
		break;
	case T_NUM:
		if (t != DOC_INT && t != DOC_FLOAT)
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
		else if (t == DOC_FLOAT && !is_finite(v->str))
			error_at(c, v, "'%s' must be a finite number; found %s", f->key, DESCRIBE(v));
		else
			check_number(c, v, f);
		break;
	case T_BOOL:
		if (t != DOC_BOOL)
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
		break;
	case T_DATE:
		if (text_is_date(v->str, v->len))
			break;
		if (v->len == 10 && v->str[4] == '-' && v->str[7] == '-' &&
		    all_digits(v->str, 4) && all_digits(v->str + 5, 2) && all_digits(v->str + 8, 2))
			error_at(c, v, "'%s' is %s, a day that does not exist", f->key, v->str);
		else
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
		break;
	case T_TIME:
		if (!text_is_time(v->str, v->len))
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
		break;
	case T_DATETIME:
		if (!is_datetime(v->str, v->len))
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
		break;
	case T_ID:
		if (!text_is_id(v->str))
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
		break;
	case T_EMAIL:
		if (!strchr(v->str, '@') || strchr(v->str, ' ') || v->str[0] == '@' ||
		    v->str[v->len - 1] == '@')
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
		break;
	case T_URL:
		if (strncmp(v->str, "https://", 8) && strncmp(v->str, "http://", 7))
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
		break;
	case T_TZ:
		check_tz(c, v, f);
		break;
	case T_ENUM:
		for (e = f->values; *e; e++)
			if (!strcmp(*e, v->str))
				return;
		list[0] = '\0';
		for (e = f->values, len = 0; *e; e++) {
			int k = snprintf(list + len, sizeof(list) - len, "%s%s",
					 e == f->values ? "" : ", ", *e);
			len += k < 0 ? 0 : (size_t)k;
		}
		{
			const char *near = NULL;
			size_t dist, best = (size_t)-1;

			for (e = f->values; *e; e++)
				if ((dist = nearness(v->str, *e)) < best) {
					best = dist;
					near = *e;
				}
			if (near)
				error_at(c, v, "'%s' must be one of %s; found %s; did you mean '%s'?",
					 f->key, list, DESCRIBE(v), near);
			else
				error_at(c, v, "'%s' must be one of %s; found %s", f->key, list,
					 DESCRIBE(v));
		}
		break;
	case T_REF:
		check_ref(c, v, f->ref, f->key);
		break;
	case T_REFS:
	case T_STRS:
		if (v->kind != DOC_SEQ) {
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
			return;
		}
		for (x = v->head; x; x = x->next) {
			const struct doc_node *y;

			if (check_conflict(c, x, w))
				continue;
			if (f->type == T_REFS) {
				check_ref(c, x, f->ref, f->key);
				for (y = v->head; x->kind == DOC_SCALAR && y != x; y = y->next)
					if (doc_equal(x, y)) {
						error_at(c, x, "'%s' is listed twice in '%s' (first at line %u); remove one",
							 x->str, f->key, y->line);
						break;
					}
			} else if (not_text(c, x, f->key, 1)) {
				continue;
			} else if (!doc_is_str(x)) {
				describe(d, sizeof(d), x);
				error_at(c, x, "each item of '%s' must be text; found %s", f->key, d);
			}
		}
		break;
	case T_LIST:
		if (v->kind != DOC_SEQ) {
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
			return;
		}
		check_list(c, v, f, w);
		break;
	case T_MAP:
		if (v->kind != DOC_MAP) {
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
			return;
		}
		check_shape(c, v, f->sub, w);
		break;
	case T_ANSWERS:
		if (v->kind != DOC_MAP) {
			error_at(c, v, "'%s' must be %s; found %s", f->key, type_word(f->type), DESCRIBE(v));
			return;
		}
		for (x = v->head; x; x = x->next) {
			if (!text_is_id(x->key->str))
				error_at(c, x->key, "question '%s' in %s must be an id (a-z, 0-9 and '-')",
					 x->key->str, f->key);
			if (check_conflict(c, x, w))
				continue;
			if (!doc_is_str(x) && !doc_is_null(x)) {
				describe(d, sizeof(d), x);
				error_at(c, x, "the answer to '%s' must be text; found %s",
					 x->key->str, d);
			}
		}
		break;
	}
}

static void check_shape(struct ctx *c, const struct doc_node *map, const struct shape *s,
			const struct where *w)
{
	const struct field *f;
	const struct doc_node *v;

	for (v = map->head; v; v = v->next) {
		const char *key = v->key->str;
		struct where kw = { w, key, NULL };

		if (!(f = find_field(s, key))) {
			diags_add(c->out, c->file, v->key->line, v->key->col, DIAG_WARNING,
				  "unknown key '%s' in %s (kept; check the spelling)", key, tr(s->what));
			continue;
		}
		check_value(c, v, f, &kw);
	}
	for (f = s->fields; f->key; f++) {
		if (!(f->flags & REQ))
			continue;
		v = doc_get(map, f->key);
		if (!v)
			error_at(c, map, "%s needs '%s'", tr(s->what), f->key);
	}
}

/* ---- writing values in their one form ---- */

/* A scalar holding text, as a string: clears DOC_PLAIN (null stays). */
static void as_text(struct doc_node *v)
{
	if (v && v->kind == DOC_SCALAR && !(v->flags & DOC_CONFLICT) &&
	    doc_scalar_type(v) != DOC_NULL)
		v->flags &= ~DOC_PLAIN;
}

static void normalize_shape(struct doc *doc, struct doc_node *map, const struct shape *s);

static void normalize_value(struct doc *doc, struct doc_node *v, const struct field *f)
{
	struct doc_node *c;
	struct buf b = BUF_INIT;

	if (!v || (v->flags & DOC_CONFLICT))
		return;  /* a conflict's sides are settled by resolve */
	switch (f->type) {
	case T_STR: case T_TEXT: case T_ID: case T_REF: case T_ENUM: case T_TIME:
	case T_EMAIL: case T_URL: case T_TZ: case T_AGE:
		as_text(v);
		break;
	case T_DATE: case T_DATETIME:
		/* a date is written as a date: plain, so that readers see one */
		if (v->kind == DOC_SCALAR && doc_scalar_type(v) != DOC_NULL &&
		    (f->type == T_DATE ? text_is_date(v->str, v->len) : is_datetime(v->str, v->len)))
			v->flags |= DOC_PLAIN;
		else
			as_text(v);  /* 2026-02-30 is text, as validate says */
		break;
	case T_INT: case T_NUM: {
		struct doc_node *n;
		enum doc_type t = doc_scalar_type(v);

		if (v->kind != DOC_SCALAR || (t != DOC_INT && t != DOC_FLOAT) ||
		    doc_number_canon(&b, v->str, v->len) < 0 || buf_failed(&b) ||
		    (b.len == v->len && !memcmp(b.ptr, v->str, v->len)))
			break;
		if ((n = doc_scalar(doc, b.ptr, b.len, DOC_PLAIN))) {
			n->line = v->line;
			n->col = v->col;
			doc_replace(v, n);
		}
		break;
	}
	case T_REFS: case T_STRS:
		for (c = v->kind == DOC_SEQ ? v->head : NULL; c; c = c->next)
			as_text(c);
		break;
	case T_ANSWERS:
		for (c = v->kind == DOC_MAP ? v->head : NULL; c; c = c->next)
			as_text(c);
		break;
	case T_LIST:
		for (c = v->kind == DOC_SEQ ? v->head : NULL; c; c = c->next)
			if (c->kind == DOC_MAP && f->sub)
				normalize_shape(doc, c, f->sub);
		break;
	case T_MAP:
		if (v->kind == DOC_MAP && f->sub)
			normalize_shape(doc, v, f->sub);
		break;
	case T_BOOL:
		break;
	}
	buf_release(&b);
}

static void normalize_shape(struct doc *doc, struct doc_node *map, const struct shape *s)
{
	struct doc_node *c, *next;
	const struct field *f;

	for (c = map->head; c; c = next) {
		next = c->next;  /* a number's node may be replaced */
		if ((f = find_field(s, c->key->str)))
			normalize_value(doc, c, f);
	}
}

void schema_normalize(struct doc *doc, const char *file)
{
	const struct shape *s = root_shape(layout_kind(file));

	if (s && doc->root && doc->root->kind == DOC_MAP && !(doc->root->flags & DOC_CONFLICT))
		normalize_shape(doc, doc->root, s);
}

/* ---- confidential interviews (DESIGN §7) ---- */

/* Each reader must be able to read: a member with an age: key. */
static void check_readers(struct ctx *c, const struct doc_node *root)
{
	const struct doc_node *seq = doc_get(root, "readers"), *r;

	if (!c->ids || !c->ids->known[REF_AGED] || !seq || seq->kind != DOC_SEQ)
		return;
	for (r = seq->head; r; r = r->next)
		if (doc_is_str(r) && schema_ids_has(c->ids, REF_MEMBER, r->str) &&
		    !schema_ids_has(c->ids, REF_AGED, r->str))
			error_at(c, r, "reader '%s' has no age: key in members/%s.yaml, so nothing can be sealed for them; they run convene key new, then convene member edit %s --age age1... (or convene key publish)",
				 r->str, r->str, r->str);
}

/* Whether the recipients of sealed_for are the current readers' keys. */
static int sealed_for_readers(const struct ctx *c, const struct doc_node *sf)
{
	const struct doc_node *x;
	size_t n = 0;

	for (x = sf->head; x; x = x->next, n++)
		if (!doc_is_str(x) || !schema_ids_has(c->ids, REF_RECIPIENT, x->str))
			return 0;
	return n == schema_ids_count(c->ids, REF_RECIPIENT);
}

/* A sealed value: an armored age file for as many recipients as
 * sealed_for names.  Only the header is read: no identity needed.
 * question: the answer's, NULL for the notes. */
static void check_sealed_value(struct ctx *c, const struct doc_node *v, const char *question,
			       const char *id, size_t recipients, int *stale)
{
	size_t x25519 = 0, other = 0, before = c->out->n;

	if (v->flags & DOC_CONFLICT)
		return;  /* check_conflict() said it */
	if (v->kind != DOC_SCALAR || !(v->flags & DOC_SECRET)) {
		if (doc_is_null(v))
			return;
		if (question)
			error_at(c, v, "the answer to '%s' of a confidential interview is not sealed: its text is in the file for anyone to read; convene interview seal %s seals it (earlier commits keep what they hold)",
				 question, id);
		else
			error_at(c, v, "'notes' of a confidential interview is not sealed: its text is in the file for anyone to read; convene interview seal %s seals it (earlier commits keep what they hold)",
				 id);
		if (c->out->n > before)
			c->out->v[before].unsealed = 1;
		return;
	}
	if (age_header_stanzas(v->str, v->len, &x25519, &other) != AGE_OK) {
		if (question)
			error_at(c, v, "the answer to '%s' is not a sealed value (an armored age file); take it from a commit that holds it whole, or write it anew",
				 question);
		else
			error_at(c, v, "'notes' is not a sealed value (an armored age file); take it from a commit that holds it whole, or write it anew");
	}
	else if (x25519 + other != recipients)
		*stale = 1;
}

static void check_sealed(struct ctx *c, const struct doc_node *root, const char *id)
{
	const struct doc_node *answers = doc_get(root, "answers"), *notes = doc_get(root, "notes");
	const struct doc_node *sf = doc_get(root, "sealed_for"), *x;
	size_t errors = c->out->errors, recipients = 0;
	char d[64];
	int stale = 0, any = 0;

	for (x = sf && sf->kind == DOC_SEQ ? sf->head : NULL; x; x = x->next) {
		struct age_recipient r;

		recipients++;
		if (doc_is_str(x) && age_recipient_parse(x->str, &r) != AGE_OK)
			error_at(c, x, "each item of 'sealed_for' must be %s; found %s", type_word(T_AGE),
				 DESCRIBE(x));
	}
	for (x = answers && answers->kind == DOC_MAP ? answers->head : NULL; x; x = x->next) {
		check_sealed_value(c, x, x->key->str, id, recipients, &stale);
		any |= !doc_is_null(x);
	}
	if (notes) {
		check_sealed_value(c, notes, NULL, id, recipients, &stale);
		any |= !doc_is_null(notes);
	}
	if (c->out->errors > errors)
		return;
	if (!any)
		return;
	if (!sf || sf->kind != DOC_SEQ) {
		diags_add(c->out, c->file, root->line, root->col, DIAG_WARNING,
			  "'sealed_for' is missing: who the values are sealed for is not known; convene interview seal %s writes it",
			  id);
		return;
	}
	if (stale || (c->ids && c->ids->known[REF_RECIPIENT] && !sealed_for_readers(c, sf)))
		diags_add(c->out, c->file, sf->line, sf->col, DIAG_WARNING,
			  "the values are sealed for other recipients than the current readers' keys; convene readers add/rm re-seals every confidential interview, convene interview seal %s this one",
			  id);
}

void schema_check(struct diags *out, const char *file, const struct doc *doc,
		  const struct schema_ids *ids)
{
	struct ctx c = { out, file, ids };
	enum schema_kind kind = layout_kind(file);
	const struct shape *s = root_shape(kind);
	const struct doc_node *root = doc->root, *v;
	char dir[32], id[72];

	if (!s)
		return;
	if (!layout_file(file, dir, sizeof(dir), id, sizeof(id))) {
		error_at(&c, NULL, "file name '%s' is not a valid id; rename the file: an id is 1 to 63 of a-z, 0-9 and '-', not starting with '-'",
			 file);
		return;
	}
	if (!root) {
		error_at(&c, NULL, "the file is empty; %s needs at least %s",
			 tr(s->what), s->fields[0].key);
		return;
	}
	if (root->flags & DOC_CONFLICT) {
		check_conflict(&c, root, NULL);
		return;
	}
	if (root->kind != DOC_MAP) {
		error_at(&c, root, "the file must hold a mapping of fields (key: value lines)");
		return;
	}
	check_shape(&c, root, s, NULL);
	if (kind == KIND_INITIATIVE)
		check_readers(&c, root);
	else if (kind == KIND_INTERVIEW && doc_bool(doc_get(root, "confidential")) == 1)
		check_sealed(&c, root, id);

	/* the id (or number) is the file's name */
	if (kind == KIND_MEETING) {
		long number = layout_meeting_of_file(file);

		v = doc_get(root, "number");
		if (!number)
			error_at(&c, NULL, "a meeting's file is named by its number (1 to %ld) in three digits or more, like meetings/001.yaml",
				 LAYOUT_MEETING_MAX);
		else if (v && doc_scalar_type(v) == DOC_INT && all_digits(v->str, v->len) &&
			 strtol(v->str, NULL, 10) != number)
			error_at(&c, v, "meeting number %s does not match the file name '%s'; rename the file or fix the number",
				 v->str, file);
		/* minutes are approved at a later meeting (which decision there
		 * is checked across files: core/approval.h) */
		v = doc_get(doc_get(root, "approved"), "meeting");
		if (number && v && v->kind == DOC_SCALAR && doc_scalar_type(v) == DOC_INT &&
		    all_digits(v->str, v->len) && v->len < 12 && strtol(v->str, NULL, 10) <= number)
			error_at(&c, v, "the minutes of meeting %ld are approved at a later meeting, not at meeting %s; fix approved.meeting",
				 number, v->str);
	} else if (kind != KIND_INITIATIVE) {
		v = doc_get(root, "id");
		if (doc_is_str(v) && text_is_id(v->str) && strcmp(v->str, id))
			error_at(&c, v, "id '%s' does not match the file name '%s'; rename the file or fix the id",
				 v->str, file);
	}
}

/* ---- one value, as the command line gives it ---- */

/* Checks node v as the value of field f (or, item, as one element of
 * f's list), named name; see schema_check_value(). */
static int check_one(const struct field *f, const struct doc_node *v, const char *name,
		     int item, unsigned flags, const struct schema_ids *ids, struct err *err)
{
	struct diags d = { 0 };
	struct ctx c = { &d, "", NULL };
	struct field named = *f;
	struct where w = { NULL, name, NULL };
	int pass, error = 0;

	named.key = name;
	named.flags |= flags;
	/* its form first (wrong whatever the initiative holds), then what it
	 * names (wrong for this initiative): two kinds of mistake */
	for (pass = 0; pass < (ids ? 2 : 1); pass++) {
		c.ids = pass ? ids : NULL;
		if (item && f->type == T_REFS)
			check_ref(&c, v, f->ref, name);
		else if (item)
			not_text(&c, v, name, 1);
		else
			check_value(&c, v, &named, &w);
		if (d.errors)
			break;
	}
	if (d.failed)
		error = err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	else if (d.errors)
		error = err_set(err, pass ? ERR_NOTFOUND : ERR_USAGE, 0, 0, "%s", d.v[0].msg);
	diags_release(&d);
	return error;
}

static const struct field *field_at(enum schema_kind kind, const char *const *keys, size_t n)
{
	const struct shape *s = n ? shape_at(kind, keys, n - 1) : NULL;

	return s ? find_field(s, keys[n - 1]) : NULL;
}

int schema_check_value(enum schema_kind kind, const char *const *keys, size_t n,
		       const char *text, const char *name, const struct schema_ids *ids,
		       struct err *err)
{
	const struct field *f = field_at(kind, keys, n);
	int item, error;
	struct doc *doc;
	struct doc_node *v;

	if (!f)
		return 0;
	item = f->type == T_REFS || f->type == T_STRS;
	/* the commands write text, ids and dates as strings, numbers and
	 * booleans plain, as set does */
	if (!(doc = doc_new()) ||
	    !(v = doc_scalar(doc, text, strlen(text),
			     item || schema_is_text_field(kind, keys, n) ? 0 : DOC_PLAIN))) {
		doc_free(doc);
		return err_set(err, ERR_NOMEM, 0, 0, "out of memory");
	}
	/* an option given empty gives no value */
	error = check_one(f, v, name, item, REQ, ids, err);
	doc_free(doc);
	return error;
}

int schema_check_node(enum schema_kind kind, const char *const *keys, size_t n,
		      const struct doc_node *value, const char *name,
		      const struct schema_ids *ids, struct err *err)
{
	const struct field *f = field_at(kind, keys, n);

	return f ? check_one(f, value, name, 0, 0, ids, err) : 0;
}

/* ---- fields the schema knows ---- */


static void unknown_at(struct schema_unknown *out, const struct shape *s, size_t at,
		       const char *key)
{
	const struct field *f, *near = NULL;
	size_t len = 0, best = (size_t)-1, klen = strlen(key), dist;
	int k;

	memset(out, 0, sizeof(*out));
	out->at = at;
	if (!s)
		return;
	out->what = tr(s->what);
	for (f = s->fields; f->key; f++) {
		k = snprintf(out->known + len, sizeof(out->known) - len, "%s%s", len ? ", " : "", f->key);
		if (k > 0 && (size_t)k < sizeof(out->known) - len)
			len += (size_t)k;
		dist = text_distance(key, f->key);
		/* a slip of a letter or two, or the start of a longer name */
		if (dist > 2 || dist * 2 > klen)
			dist = klen >= 3 && !strncmp(f->key, key, klen) ? 3 : (size_t)-1;
		if (dist < best) {
			best = dist;
			near = f;
		}
	}
	if (near)
		snprintf(out->closest, sizeof(out->closest), "%s", near->key);
}

int schema_field_known(struct schema_unknown *out, enum schema_kind kind,
		       const char *const *keys, size_t n)
{
	const struct shape *s = root_shape(kind);
	const struct field *f;
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		if (!s || !(f = find_field(s, keys[i]))) {
			unknown_at(out, s, i, keys[i]);
			return 0;
		}
		if (f->type == T_ANSWERS) {
			/* answers.<question>: any question id, holding text */
			if (i + 2 >= n)
				return 1;
			unknown_at(out, NULL, i + 2, keys[i + 2]);
			return 0;
		}
		s = f->type == T_LIST || f->type == T_MAP ? f->sub : NULL;
	}
	return 1;
}

int schema_check_option(enum schema_kind kind, const char *field, const char *value,
			const char *opt, const struct schema_ids *ids, struct err *err)
{
	const char *keys[PATH_MAX_SEGS];
	char path[256], *p, *save = NULL;
	size_t n = 0;
	int error;

	if (!value)
		return 0;
	snprintf(path, sizeof(path), "%s", field);
	for (p = strtok_r(path, ".", &save); p && n < PATH_MAX_SEGS; p = strtok_r(NULL, ".", &save))
		keys[n++] = p;
	if ((error = schema_check_value(kind, keys, n, value, opt, ids, err)) == 0)
		return 0;
	if (err->code == ERR_NOTFOUND && !err->hint[0])
		err_hint(err, "nothing was changed");
	return error;
}
