/* meeting edit's changes to a meeting: see meetingedit.h. */
#include <stdio.h>
#include <string.h>

#include "core/domain.h"
#include "meetingedit.h"

/* Appends ", name" (or "name" first) to a list of what changed. */
static void changed(char *list, size_t size, const char *name)
{
	size_t n = strlen(list);

	snprintf(list + n, size - n, "%s%s", n ? ", " : "", name);
}

static int no_memory(struct txn_err *e)
{
	return err_set(&e->err, ERR_NOMEM, 0, 0, "out of memory");
}

/*
 * Sets key of map (at keys[0..n) in the meeting) to value when it holds
 * another; a !conflict there refuses the edit.  Returns 1 when it
 * changed, 0 when it held that, or an error code.
 */
static int put_field(struct txn *t, const char *const *keys, size_t n, struct doc_node *map,
		     const char *key, const char *value, int plain, struct txn_err *e)
{
	struct doc_node *old = doc_get(map, key);
	int error;

	if (!value)
		return 0;
	if (old && old->kind == DOC_SCALAR && !(old->flags & DOC_CONFLICT) &&
	    !doc_is_null(old) && !strcmp(old->str, value))
		return 0;
	if (old && (error = edit_refuse_conflict(t, old, key, e)) < 0)
		return error;
	if (dom_put(t->doc, KIND_MEETING, keys, n, map, key,
		    plain ? dom_plain(t->doc, value) : dom_str(t->doc, value)) < 0)
		return no_memory(e);
	return 1;
}

/* The place given together (host, virtual, address) replaces the one the
 * meeting had: the location keys not given go; other keys of the
 * location (a newer convene's) stay.  1 when it changed, 0, or an error. */
static int put_place(struct txn *t, const struct meeting_change *c, struct txn_err *e)
{
	static const char *const keys[] = { "location" };
	static const char *const names[3] = { "host", "address", "virtual" };
	const char *given[3] = { c->host, c->address, c->virt };
	struct doc_node *loc = doc_get(t->doc->root, "location"), *old;
	int rc, any = 0;
	size_t i;

	if (!c->host && !c->virt && !c->address)
		return 0;
	if (loc && (rc = edit_refuse_conflict(t, loc, "location", e)) < 0)
		return rc;
	if (!loc || loc->kind != DOC_MAP) {
		if (!(loc = doc_map(t->doc)) ||
		    dom_put(t->doc, KIND_MEETING, NULL, 0, t->doc->root, "location", loc) < 0)
			return no_memory(e);
		any = 1;
	}
	for (i = 0; i < 3; i++) {
		if (given[i]) {
			if ((rc = put_field(t, keys, 1, loc, names[i], given[i], 0, e)) < 0)
				return rc;
			any |= rc;
		} else if ((old = doc_get(loc, names[i]))) {
			if ((rc = edit_refuse_conflict(t, old, names[i], e)) < 0)
				return rc;
			doc_remove(old);
			any = 1;
		}
	}
	return any;
}

/* The agenda item id, or NULL with e saying which items there are. */
static struct doc_node *find_item(struct txn *t, const char *id, struct txn_err *e)
{
	struct doc_node *agenda = doc_get(t->doc->root, "agenda"), *item;
	struct buf ids = BUF_INIT;

	if (agenda && agenda->kind == DOC_SEQ && (item = doc_find_id(agenda, id)))
		return item;
	for (item = agenda && agenda->kind == DOC_SEQ ? agenda->head : NULL; item; item = item->next)
		if (dom_text(item, "id"))
			buf_addf(&ids, "%s%s", ids.len ? ", " : "", dom_text(item, "id"));
	err_set(&e->err, ERR_NOTFOUND, 0, 0, "%s has no agenda item '%s'", t->file, id);
	if (ids.len && !buf_failed(&ids))
		err_hint(&e->err, "its items: %s; nothing was changed", ids.ptr);
	buf_release(&ids);
	return NULL;
}

int meeting_change_apply(struct txn *t, const struct meeting_change *c, char *subject,
			 size_t size, struct txn_err *e)
{
	struct doc_node *r = t->doc->root, *item = NULL;
	const char *ikeys[] = { "agenda" };
	char other[200] = "", fields[100] = "", part[160];
	int rc, moved = 0, status;

	if (c->item && !(item = find_item(t, c->item, e)))
		return ERR_NOTFOUND;
	if ((rc = put_field(t, NULL, 0, r, "date", c->date, 0, e)) < 0)
		return rc;
	moved |= rc;
	if ((rc = put_field(t, NULL, 0, r, "start", c->start, 0, e)) < 0)
		return rc;
	moved |= rc;
	if ((rc = put_field(t, NULL, 0, r, "title", c->title, 0, e)) < 0)
		return rc;
	if (rc)
		changed(other, sizeof(other), "title");
	if ((rc = put_field(t, NULL, 0, r, "duration", c->duration, 1, e)) < 0)
		return rc;
	if (rc)
		changed(other, sizeof(other), "duration");
	if ((rc = put_place(t, c, e)) < 0)
		return rc;
	if (rc)
		changed(other, sizeof(other), "place");
	if ((status = put_field(t, NULL, 0, r, "status", c->status, 0, e)) < 0)
		return status;
	if (item) {
		static const struct { const char *name; int plain; } f[] = {
			{ "title", 0 }, { "minutes", 1 }, { "lead", 0 }, { "purpose", 0 }
		};
		const char *v[] = { c->item_title, c->minutes, c->lead, c->purpose };
		size_t i;

		if ((rc = edit_refuse_conflict(t, item, "agenda item", e)) < 0)
			return rc;
		for (i = 0; i < 4; i++) {
			if ((rc = put_field(t, ikeys, 1, item, f[i].name, v[i], f[i].plain, e)) < 0)
				return rc;
			if (rc)
				changed(fields, sizeof(fields), f[i].name);
		}
		if (fields[0]) {
			snprintf(part, sizeof(part), "item %s (%s)", c->item, fields);
			changed(other, sizeof(other), part);
		}
	}
	subject[0] = '\0';
	if (moved) {
		const char *date = dom_text(r, "date"), *start = dom_text(r, "start");

		snprintf(subject, size, "moved to %s%s%s", date ? date : "", date && start ? " " : "",
			 start ? start : "");
	}
	if (status) {
		size_t n = strlen(subject);

		snprintf(subject + n, size - n, "%s%s", n ? "; " : "",
			 !strcmp(c->status, "planned") ? "planned again" : c->status);
	}
	if (other[0] || !subject[0]) {
		size_t n = strlen(subject);

		snprintf(subject + n, size - n, "%sedited%s%s", n ? "; " : "", other[0] ? " " : "",
			 other);
	}
	return 0;
}
