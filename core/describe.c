/*
 * The "diff in words" engine of `convene diff`: two versions of one file
 * compared as trees, each difference a sentence a facilitator reads.
 * Meetings by agenda item and by the notes, decisions and actions under
 * them; the other files by top-level key, their list items by id or name.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "doc.h"
#include "err.h"
#include "layout.h"
#include "schema.h"
#include "text.h"
#include "tr.h"

/* "002" of meetings/002.yaml (and "1000" of meetings/1000.yaml). */
static void meeting_number(char *out, size_t size, const char *file)
{
	const char *n = file + strlen(LAYOUT_MEETINGS "/");

	snprintf(out, size, "%.*s", (int)strspn(n, "0123456789"), n);
}

static void say(struct describe *d, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say(struct describe *d, const char *file, const char *fmt, ...)
{
	struct describe_line *l;
	char line[1024], *p;
	size_t flen = strlen(file) + 1, tlen;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	text_cut(line);
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;

		if (!(l = realloc(d->v, cap * sizeof(*l)))) {
			d->failed = 1;
			return;
		}
		d->v = l;
		d->cap = cap;
	}
	/* the file and the sentence in one block: freed as one */
	tlen = strlen(line) + 1;
	if (!(p = malloc(flen + tlen))) {
		d->failed = 1;
		return;
	}
	memcpy(p, file, flen);
	memcpy(p + flen, line, tlen);
	l = &d->v[d->n++];
	l->file = p;
	l->text = p + flen;
}

/* A short one-line form of a value, for messages. */
static void brief(char *out, size_t size, const struct doc_node *n)
{
	struct buf b = BUF_INIT;
	size_t i;

	if (n && n->kind == DOC_SCALAR)
		buf_add(&b, n->str, n->len);
	else if (n)
		doc_emit_node(&b, n);
	snprintf(out, size, "%s", buf_str(&b));
	buf_release(&b);
	for (i = 0; out[i]; i++)
		if (out[i] == '\n')
			out[i] = i + 1 < strlen(out) ? '/' : '\0';
	if (strlen(out) + 4 >= size) {
		/* room for "...", cut where a character starts */
		out[size - 5] = '\0';
		text_cut(out);
		strcat(out, "...");
	}
}

/* Across the agenda items of seq_new (matched by id in seq_old), the
 * items of the list under key (notes, say): how many seq_old lacks, and
 * how many it has with other content. */
static void count_items(const struct doc_node *seq_new, const struct doc_node *seq_old,
			const char *key, size_t *added, size_t *changed)
{
	const struct doc_node *item, *x, *old_item, *old_list;

	*added = *changed = 0;
	for (item = seq_new ? seq_new->head : NULL; item; item = item->next) {
		const struct doc_node *id = doc_get(item, "id"), *list = doc_get(item, key);

		old_item = id && id->kind == DOC_SCALAR && seq_old ? doc_find_id(seq_old, id->str) : NULL;
		old_list = old_item ? doc_get(old_item, key) : NULL;
		for (x = list && list->kind == DOC_SEQ ? list->head : NULL; x; x = x->next) {
			const struct doc_node *xid = doc_get(x, "id"), *was;

			was = xid && xid->kind == DOC_SCALAR && old_list ? doc_find_id(old_list, xid->str) : NULL;
			if (!was)
				(*added)++;
			else if (!doc_equal(x, was))
				(*changed)++;
		}
	}
}

static const char *const item_lists[] = { "notes", "decisions", "actions", NULL };

/* Whether two agenda items differ in their own fields (title, time...),
 * their notes, decisions and actions aside. */
static int item_fields_differ(const struct doc_node *a, const struct doc_node *b)
{
	const struct doc_node *k;
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (k = (pass ? b : a)->kind == DOC_MAP ? (pass ? b : a)->head : NULL; k; k = k->next) {
			for (i = 0; item_lists[i] && strcmp(item_lists[i], k->key->str); i++)
				;
			if (!item_lists[i] && !doc_equal(k, doc_get(pass ? a : b, k->key->str)))
				return 1;
		}
	return 0;
}

static void describe_meeting(struct describe *d, const char *file, const struct doc *o,
			     const struct doc *n)
{
	const struct doc_node *oa = o && o->root ? doc_get(o->root, "agenda") : NULL;
	const struct doc_node *na = n && n->root ? doc_get(n->root, "agenda") : NULL;
	const struct doc_node *k, *item, *id, *was;
	char num[8] = "", what[512] = "";
	size_t i, add, del, changed, unused;

	meeting_number(num, sizeof(num), file);
	/* agenda items by id: added, removed, their own fields changed */
	for (item = na && na->kind == DOC_SEQ ? na->head : NULL; item; item = item->next) {
		if (!(id = doc_get(item, "id")) || id->kind != DOC_SCALAR)
			continue;
		if (!(was = oa && oa->kind == DOC_SEQ ? doc_find_id(oa, id->str) : NULL))
			say(d, file, tr("agenda item %s added to meeting %s"), id->str, num);
		else if (item_fields_differ(item, was))
			say(d, file, tr("agenda item %s changed in meeting %s"), id->str, num);
	}
	for (item = oa && oa->kind == DOC_SEQ ? oa->head : NULL; item; item = item->next)
		if ((id = doc_get(item, "id")) && id->kind == DOC_SCALAR &&
		    !(na && na->kind == DOC_SEQ && doc_find_id(na, id->str)))
			say(d, file, tr("agenda item %s removed from meeting %s"), id->str, num);
	for (i = 0; i < 3; i++) {
		count_items(na, oa, item_lists[i], &add, &changed);
		count_items(oa, na, item_lists[i], &del, &unused);
		if (add)
			say(d, file, i == 0 ? trn("%zu note added to meeting %s",
						  "%zu notes added to meeting %s", add)
				   : i == 1 ? trn("%zu decision added to meeting %s",
						  "%zu decisions added to meeting %s", add)
				   : trn("%zu action added to meeting %s",
					 "%zu actions added to meeting %s", add), add, num);
		if (changed)
			say(d, file, i == 0 ? trn("%zu note changed in meeting %s",
						  "%zu notes changed in meeting %s", changed)
				   : i == 1 ? trn("%zu decision changed in meeting %s",
						  "%zu decisions changed in meeting %s", changed)
				   : trn("%zu action changed in meeting %s",
					 "%zu actions changed in meeting %s", changed), changed, num);
		if (del)
			say(d, file, i == 0 ? trn("%zu note removed from meeting %s",
						  "%zu notes removed from meeting %s", del)
				   : i == 1 ? trn("%zu decision removed from meeting %s",
						  "%zu decisions removed from meeting %s", del)
				   : trn("%zu action removed from meeting %s",
					 "%zu actions removed from meeting %s", del), del, num);
	}
	/* the other fields, by name */
	for (k = n && n->root && n->root->kind == DOC_MAP ? n->root->head : NULL; k; k = k->next) {
		const struct doc_node *before = o && o->root ? doc_get(o->root, k->key->str) : NULL;

		if (!strcmp(k->key->str, "agenda") || doc_equal(before, k))
			continue;
		snprintf(what + strlen(what), sizeof(what) - strlen(what), "%s%s",
			 what[0] ? ", " : "", k->key->str);
	}
	if (what[0])
		/* TRANSLATORS: the second %s lists field names: "date, title" */
		say(d, file, tr("meeting %s: %s changed"), num, what);
}

/* A sentence about a field, after the file's label ("member dana: ")
 * when the file is one of many (a member, an interview, an outcome). */
static void say_field(struct describe *d, const char *file, enum schema_kind kind, const char *id,
		      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void say_field(struct describe *d, const char *file, enum schema_kind kind, const char *id,
		      const char *fmt, ...)
{
	char line[900];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	text_cut(line);
	/* TRANSLATORS: the last %s of these is a sentence about one of
	 * its fields: "role changed" */
	if (kind == KIND_MEMBER)
		say(d, file, tr("member %s: %s"), id, line);
	else if (kind == KIND_INTERVIEW)
		say(d, file, tr("interview %s: %s"), id, line);
	else if (kind == KIND_OUTCOME)
		say(d, file, tr("outcome %s: %s"), id, line);
	else
		say(d, file, "%s", line);
}

/* initiative.yaml, members, interviews, outcomes: by top-level key; list
 * items (principles, indicators...) added and removed by name. */
static void describe_fields(struct describe *d, const char *file, enum schema_kind kind,
			    const char *fid, const struct doc *o, const struct doc *n)
{
	const struct doc_node *k, *root = n && n->root && n->root->kind == DOC_MAP ? n->root : NULL;
	const struct doc_node *oroot = o && o->root && o->root->kind == DOC_MAP ? o->root : NULL;
	char v[200];

	for (k = root ? root->head : NULL; k; k = k->next) {
		const struct doc_node *before = oroot ? doc_get(oroot, k->key->str) : NULL, *x;

		if (doc_equal(before, k))
			continue;
		if (k->kind == DOC_SEQ && (!before || before->kind == DOC_SEQ) && !(k->flags & DOC_CONFLICT)) {
			for (x = k->head; x; x = x->next) {
				const struct doc_node *id = x->kind == DOC_MAP ? doc_get(x, "id") : NULL, *y;
				int found = 0;

				for (y = before ? before->head : NULL; y && !found; y = y->next)
					found = id ? (y->kind == DOC_MAP && doc_equal(doc_get(y, "id"), id) &&
						      doc_equal(x, y))
						   : doc_equal(x, y);
				if (!found) {
					brief(v, sizeof(v), id && x->kind == DOC_MAP && doc_get(x, "text") ? doc_get(x, "text")
							    : id && doc_get(x, "name") ? doc_get(x, "name") : id ? id : x);
					if (id && before && doc_find_id(before, id->str))
						say_field(d, file, kind, fid, tr("%s changed: %s"), k->key->str, v);
					else
						say_field(d, file, kind, fid, tr("%s added: %s"), k->key->str, v);
				}
			}
			for (x = before ? before->head : NULL; x; x = x->next) {
				const struct doc_node *id = x->kind == DOC_MAP ? doc_get(x, "id") : NULL, *y;
				int found = 0;

				for (y = k->head; y && !found; y = y->next)
					found = id ? y->kind == DOC_MAP && doc_equal(doc_get(y, "id"), id)
						   : doc_equal(x, y);
				if (!found) {
					brief(v, sizeof(v), id && doc_get(x, "text") ? doc_get(x, "text") : id ? id : x);
					say_field(d, file, kind, fid, tr("%s removed: %s"), k->key->str, v);
				}
			}
			continue;
		}
		if (k->flags & DOC_CONFLICT)
			say_field(d, file, kind, fid, tr("%s: a conflict recorded"), k->key->str);
		else if (before && (before->flags & DOC_CONFLICT))
			say_field(d, file, kind, fid, tr("%s: conflict resolved"), k->key->str);
		else if (!before || doc_is_null(before))
			say_field(d, file, kind, fid, tr("%s set"), k->key->str);
		else if (doc_is_null(k))
			say_field(d, file, kind, fid, tr("%s cleared"), k->key->str);
		else
			say_field(d, file, kind, fid, tr("%s changed"), k->key->str);
	}
	for (k = oroot ? oroot->head : NULL; k; k = k->next)
		if (!root || !doc_get(root, k->key->str))
			say_field(d, file, kind, fid, tr("%s removed"), k->key->str);
}

int describe_file(struct describe *d, const char *file, const char *old, size_t oldlen,
		  const char *new, size_t newlen)
{
	struct doc *o = NULL, *n = NULL;
	enum schema_kind kind = layout_kind(file);
	char dir[32], id[128], name[200] = "";
	struct err err;

	err_clear(&err);
	/* a file the layout does not name (members/README.md): by its name */
	if (kind == KIND_NONE || !layout_file(file, dir, sizeof(dir), id, sizeof(id))) {
		if (!old)
			say(d, file, tr("%s added"), file);
		else if (!new)
			say(d, file, tr("%s removed"), file);
		else
			say(d, file, tr("%s changed"), file);
		return d->failed ? ERR_NOMEM : 0;
	}
	if ((old && doc_load(&o, old, oldlen, &err) < 0) || (new && doc_load(&n, new, newlen, &err) < 0)) {
		say(d, file, tr("%s changed (not valid YAML on one side)"), file);
		goto done;
	}
	if (n && n->root && n->root->flags & DOC_CONFLICT) {
		say(d, file, tr("%s: a conflict recorded over the whole file"), file);
		goto done;
	}
	switch (kind) {
	case KIND_MEMBER:
		brief(name, sizeof(name), n && n->root ? doc_get(n->root, "name")
						     : o && o->root ? doc_get(o->root, "name") : NULL);
		if (!old || !new) {
			if (!old)
				say(d, file, tr("member added: %s (%s)"), name, id);
			else
				say(d, file, tr("member removed: %s (%s)"), name, id);
			goto done;
		}
		break;
	case KIND_INTERVIEW:
		if (!old || !new) {
			const struct doc *x = n ? n : o;
			char by[200] = "";

			brief(name, sizeof(name), x && x->root ? doc_get(x->root, "member") : NULL);
			brief(by, sizeof(by), x && x->root ? doc_get(x->root, "interviewer") : NULL);
			if (!old && by[0])
				say(d, file, tr("interview added: with %s, by %s (%s)"), name, by, id);
			else if (!old)
				say(d, file, tr("interview added: with %s (%s)"), name, id);
			else if (by[0])
				say(d, file, tr("interview removed: with %s, by %s (%s)"), name, by, id);
			else
				say(d, file, tr("interview removed: with %s (%s)"), name, id);
			goto done;
		}
		break;
	case KIND_OUTCOME:
		if (!old || !new) {
			brief(name, sizeof(name), n && n->root ? doc_get(n->root, "title") : NULL);
			if (!old && name[0])
				say(d, file, tr("outcome added: %s - %s"), id, name);
			else if (!old)
				say(d, file, tr("outcome added: %s"), id);
			else if (name[0])
				say(d, file, tr("outcome removed: %s - %s"), id, name);
			else
				say(d, file, tr("outcome removed: %s"), id);
			goto done;
		}
		break;
	case KIND_MEETING:
		if (!old || !new) {
			brief(name, sizeof(name), n && n->root ? doc_get(n->root, "title") : NULL);
			if (!old && name[0])
				say(d, file, tr("meeting %s added: %s"), id, name);
			else if (!old)
				say(d, file, tr("meeting %s added"), id);
			else if (name[0])
				say(d, file, tr("meeting %s removed: %s"), id, name);
			else
				say(d, file, tr("meeting %s removed"), id);
			goto done;
		}
		describe_meeting(d, file, o, n);
		goto done;
	default:
		break;
	}
	describe_fields(d, file, kind, id, o, n);
done:
	doc_free(o);
	doc_free(n);
	return d->failed ? ERR_NOMEM : 0;
}

void describe_release(struct describe *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free((char *)d->v[i].file);
	free(d->v);
	memset(d, 0, sizeof(*d));
}
