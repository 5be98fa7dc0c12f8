/*
 * The audit commands: how the initiative changed, who changed it, where,
 * and at which meeting.  history (one field through time), show --at (a
 * value as it stood), diff (what changed, in words), log (with filters),
 * archive (the whole initiative as it stood, as a .tar.gz).
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "core/domain.h"
#include "core/json.h"
#include "core/path.h"
#include "core/text.h"
#include "core/worddiff.h"
#include "store/history.h"

const char usage_history[] =
	"usage: convene history [--json] [--reverse] FIELD\n"
	"\n"
	"Every commit where the value of FIELD actually changed (not every commit\n"
	"that touched its file), newest first: date, commit, who, at which site,\n"
	"at which meeting, and what changed, word by word ([-removed-]{+added+},\n"
	"in colour on a terminal).  FIELD is a field path ('vision',\n"
	"'outcomes/reading.yaml:indicators[grade3].target') or a whole file\n"
	"('members/dana.yaml').  Changes made concurrently and merged later are\n"
	"marked; a merge is listed when it made a value neither side had (a\n"
	"conflict it recorded, text merged from both).  A renamed file is\n"
	"followed where git can tell.\n"
	"\n"
	"  --reverse           oldest first\n"
	"  --json              for scripts\n";

const char usage_show[] =
	"usage: convene show [--json] PATH --at DATE|REV\n"
	"\n"
	"A field or a whole file as it stood at a date or at a commit (any\n"
	"revision git takes: HEAD~3, 4f2a9c1).  A date means the last commit made\n"
	"that day or before along the line of HEAD's first parents: the\n"
	"initiative as the merges kept it, not what one site had alone while\n"
	"offline (a sync that merely caught up takes on the other site's line).\n"
	"Which commit that is goes to standard error.\n";

const char usage_diff[] =
	"usage: convene diff [--json] [FROM [TO]]\n"
	"\n"
	"What changed, in words: \"vision changed\", \"member added: ...\", \"3 notes\n"
	"added to meeting 002\", \"1 note changed in meeting 002\", \"agenda item\n"
	"principles changed in meeting 002\".  FROM and TO are dates or revisions\n"
	"(see 'convene show').  Without TO: from FROM to HEAD; without either: the\n"
	"uncommitted changes of the work tree.\n";

const char usage_archive[] =
	"usage: convene archive [--prefix DIR] --at DATE|REV FILE.tar.gz\n"
	"\n"
	"The whole initiative as it stood then, as a gzip'd tar that `tar xzf`\n"
	"reads ('-': to standard output).  The same commit always gives the same\n"
	"bytes.\n"
	"  --prefix DIR        put every file under DIR/\n";

const char usage_log[] =
	"usage: convene log [-n N] [--meeting M] [--author WHO] [--site S] [--since DATE] [--json]\n"
	"\n"
	"The history, newest first: commit, date, who, at which site, what.\n"
	"  --meeting M         commits tied to meeting M (made by a meeting\n"
	"                      command, or with a Convene-Meeting: trailer)\n"
	"  --author WHO        whose name or email holds WHO\n"
	"  --site S            made at site S\n"
	"  --since DATE        made that day or later (the author's date)\n";

/* ---- history ---- */

/* A value at the path, in one version of its file. */
struct value {
	struct store_oid blob;
	int present;             /* the path had a value there */
	int conflict;            /* it was an unresolved conflict */
	int unreadable;          /* the file was not YAML there */
	char *text;              /* the value as text (a scalar's own text) */
};

/* What history found: one entry per change. */
struct change {
	struct store_oid oid;
	char id[8], date[32], site[64], meeting[8];
	char *author, *email, *subject;
	int mainline, merge;
	struct value *before, *after;  /* in the cache; before NULL at the start */
};

struct history {
	struct store *s;
	struct path p;
	struct value **cache;    /* by blob id, open addressing */
	size_t ncache, capcache;
	struct value absent;
	struct change *v;
	size_t n, cap;
	int failed;
	struct err err;
};

static size_t blob_hash(const struct store_oid *b)
{
	size_t h;

	memcpy(&h, b->id, sizeof(h));
	return h;
}

static void value_text(struct value *v, const struct doc_node *node)
{
	struct buf b = BUF_INIT;

	if (node->kind == DOC_SCALAR && !(node->flags & DOC_CONFLICT))
		buf_add(&b, node->str, node->len);
	else
		doc_emit_node(&b, node);
	v->text = buf_failed(&b) ? NULL : strdup(buf_str(&b));
	buf_release(&b);
}

/* Reads the value at the path in one blob (once: it is kept). */
static struct value *value_of(struct history *h, const struct store_blob_at *at)
{
	struct value *v;
	struct doc *doc = NULL;
	struct doc_node *node;
	struct err e;
	char *data;
	size_t len, i;

	if (!at->present)
		return &h->absent;
	if (h->capcache) {
		for (i = blob_hash(&at->blob) & (h->capcache - 1); h->cache[i];
		     i = (i + 1) & (h->capcache - 1))
			if (!memcmp(h->cache[i]->blob.id, at->blob.id, 20))
				return h->cache[i];
	}
	if ((h->ncache + 1) * 2 > h->capcache) {
		size_t cap = h->capcache ? h->capcache * 2 : 256;
		struct value **bigger = calloc(cap, sizeof(*bigger));

		if (!bigger)
			return NULL;
		for (i = 0; i < h->capcache; i++)
			if (h->cache[i]) {
				size_t j = blob_hash(&h->cache[i]->blob) & (cap - 1);

				while (bigger[j])
					j = (j + 1) & (cap - 1);
				bigger[j] = h->cache[i];
			}
		free(h->cache);
		h->cache = bigger;
		h->capcache = cap;
	}
	if (!(v = calloc(1, sizeof(*v))))
		return NULL;
	v->blob = at->blob;
	err_clear(&e);
	if (store_blob_read(h->s, &at->blob, &data, &len, &e) < 0) {
		free(v);
		h->err = e;
		return NULL;
	}
	if (!h->p.n) {
		/* the whole file: its bytes */
		v->present = 1;
		v->text = data;
		data = NULL;
		if (doc_load(&doc, v->text, len, &e) == 0 && doc->root &&
		    (doc->root->flags & DOC_CONFLICT))
			v->conflict = 1;
	} else if (doc_load(&doc, data, len, &e) < 0) {
		v->present = v->unreadable = 1;
	} else if (doc->root && path_resolve(&node, doc->root, &h->p, h->p.n, &e) == 0 && node &&
		   !doc_is_null(node)) {
		const struct doc_node *up;

		v->present = 1;
		for (up = node; up; up = up->parent)
			v->conflict |= (up->flags & DOC_CONFLICT) != 0;
		value_text(v, node);
	}
	free(data);
	doc_free(doc);
	if (v->present && !v->unreadable && !v->text) {
		free(v);
		return NULL;
	}
	for (i = blob_hash(&v->blob) & (h->capcache - 1); h->cache[i]; i = (i + 1) & (h->capcache - 1))
		;
	h->cache[i] = v;
	h->ncache++;
	return v;
}

static int value_eq(const struct value *a, const struct value *b)
{
	if (a == b)
		return 1;
	if (a->present != b->present)
		return 0;
	if (!a->present)
		return 1;
	if (a->unreadable || b->unreadable)
		return !memcmp(a->blob.id, b->blob.id, 20);
	return !strcmp(a->text, b->text);
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

static int history_step(void *ctx, const struct store_commit *c, const struct store_blob_at *self,
			const struct store_blob_at *parents, unsigned n)
{
	struct history *h = ctx;
	struct value *after, *before = NULL, *pv;
	struct change *ch;
	unsigned i;

	/* the same blob as a parent: the value is that parent's */
	for (i = 0; i < n; i++)
		if (self->present == parents[i].present &&
		    (!self->present || !memcmp(self->blob.id, parents[i].blob.id, 20)))
			return 0;
	if (!(after = value_of(h, self)))
		goto fail;
	for (i = 0; i < n; i++) {
		if (!(pv = value_of(h, &parents[i])))
			goto fail;
		if (value_eq(after, pv))
			return 0;  /* the value one side had: taken, not changed */
		if (i == 0)
			before = pv;
	}
	if (!n && !after->present)
		return 0;
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		struct change *v = realloc(h->v, cap * sizeof(*v));

		if (!v)
			goto fail;
		h->v = v;
		h->cap = cap;
	}
	ch = &h->v[h->n++];
	memset(ch, 0, sizeof(*ch));
	ch->oid = c->oid;
	ch->mainline = c->mainline;
	ch->merge = n > 1;
	ch->before = before;
	ch->after = after;
	return 0;
fail:
	h->failed = 1;
	if (!h->err.msg[0])
		err_set(&h->err, ERR_NOMEM, 0, 0, "out of memory");
	return -1;
}

static void indent(struct buf *b, const char *text, size_t len, const char *pad)
{
	size_t i;

	buf_adds(b, pad);
	for (i = 0; i < len; i++) {
		buf_addc(b, text[i]);
		if (text[i] == '\n' && i + 1 < len)
			buf_adds(b, pad);
	}
	if (!len || text[len - 1] != '\n')
		buf_addc(b, '\n');
}

static void change_text(struct buf *b, const struct change *ch, const struct word_marks *m)
{
	const struct value *a = ch->before, *z = ch->after;
	struct buf d = BUF_INIT;

	buf_addf(b, "%s  %s  %s <%s>", ch->date, ch->id, ch->author, ch->email);
	if (ch->site[0])
		buf_addf(b, "  @%s", ch->site);
	if (ch->meeting[0])
		buf_addf(b, "  meeting %s", ch->meeting);
	buf_addc(b, '\n');
	buf_addf(b, "    %s%s%s\n", ch->subject, ch->merge ? "  (a merge)" : "",
		 ch->mainline ? "" : "  (made concurrently, merged later)");
	if (!z->present) {
		buf_adds(b, "    removed\n");
	} else if (z->unreadable) {
		buf_adds(b, "    (the file is not valid YAML in this commit)\n");
	} else if (z->conflict) {
		buf_adds(b, "    a conflict recorded; its sides:\n");
		indent(b, z->text, strlen(z->text), "      ");
	} else if (!a || !a->present || a->unreadable || a->conflict) {
		buf_adds(b, a && a->conflict ? "    resolved:\n" : "    set:\n");
		indent(b, z->text, strlen(z->text), "      ");
	} else {
		if (word_diff(&d, a->text, strlen(a->text), z->text, strlen(z->text), m) == 0)
			indent(b, buf_str(&d), d.len, "      ");
		buf_release(&d);
	}
	buf_addc(b, '\n');
}

static void json_value(struct buf *b, const struct value *v)
{
	if (!v || !v->present || v->unreadable)
		buf_adds(b, "null");
	else
		json_str(b, v->text, strlen(v->text));
}

static void change_json(struct buf *b, const struct change *ch, int first)
{
	buf_adds(b, first ? "\n {\"commit\":" : ",\n {\"commit\":");
	json_str(b, ch->id, strlen(ch->id));
	buf_adds(b, ",\"date\":");
	json_str(b, ch->date, strlen(ch->date));
	buf_adds(b, ",\"author\":");
	json_str(b, ch->author, strlen(ch->author));
	buf_adds(b, ",\"email\":");
	json_str(b, ch->email, strlen(ch->email));
	buf_adds(b, ",\"site\":");
	if (ch->site[0])
		json_str(b, ch->site, strlen(ch->site));
	else
		buf_adds(b, "null");
	buf_adds(b, ",\"meeting\":");
	if (ch->meeting[0])
		json_str(b, ch->meeting, strlen(ch->meeting));
	else
		buf_adds(b, "null");
	buf_adds(b, ",\"subject\":");
	json_str(b, ch->subject, strlen(ch->subject));
	buf_addf(b, ",\"merge\":%s,\"mainline\":%s,\"conflict\":%s,\"before\":",
		 ch->merge ? "true" : "false", ch->mainline ? "true" : "false",
		 ch->after->conflict ? "true" : "false");
	json_value(b, ch->before);
	buf_adds(b, ",\"after\":");
	json_value(b, ch->after);
	buf_addc(b, '}');
}

/* Who made each change, where, when: read for the changes alone. */
static int describe_changes(struct history *h)
{
	struct store_commit c;
	size_t i;

	for (i = 0; i < h->n; i++) {
		struct change *ch = &h->v[i];

		if (store_commit_read(h->s, &ch->oid, &c, &h->err) < 0)
			return -1;
		memcpy(ch->id, c.id, sizeof(ch->id));
		memcpy(ch->date, c.date, sizeof(ch->date));
		memcpy(ch->site, c.site, sizeof(ch->site));
		memcpy(ch->meeting, c.meeting, sizeof(ch->meeting));
		ch->author = dup_or_empty(c.author);
		ch->email = dup_or_empty(c.email);
		ch->subject = dup_or_empty(c.subject);
		store_commit_release(&c);
		if (!ch->author || !ch->email || !ch->subject)
			return err_set(&h->err, ERR_NOMEM, 0, 0, "out of memory");
	}
	return 0;
}

static void history_release(struct history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->v[i].author);
		free(h->v[i].email);
		free(h->v[i].subject);
	}
	free(h->v);
	for (i = 0; i < h->capcache; i++)
		if (h->cache[i]) {
			free(h->cache[i]->text);
			free(h->cache[i]);
		}
	free(h->cache);
}

int cmd_history(int argc, char **argv, struct store *s)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "reverse", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd *me = cmd_find("history");
	struct word_marks marks = { "[-", "-]", "{+", "+}" };
	struct history h;
	struct buf b = BUF_INIT;
	int c, json = 0, reverse = 0, rc;
	size_t i;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'r')
			reverse = 1;
		else
			return option_error(me, c, argv);
	}
	if (argc - optind != 1)
		return usage_error(me, "history takes one field path");
	memset(&h, 0, sizeof(h));
	h.s = s;
	err_clear(&h.err);
	if (path_parse(&h.p, argv[optind], &h.err) < 0)
		return report(NULL, &h.err);
	if (store_path_history(s, h.p.file, history_step, &h, &h.err) < 0 ||
	    h.failed || describe_changes(&h) < 0) {
		rc = report(NULL, &h.err);
		goto done;
	}
	if (color(stdout, "x")[0]) {
		marks.del_open = "\033[31m[-";
		marks.del_close = "-]\033[m";
		marks.add_open = "\033[32m{+";
		marks.add_close = "+}\033[m";
	}
	if (json)
		buf_addc(&b, '[');
	for (i = 0; i < h.n; i++) {
		const struct change *ch = &h.v[reverse ? h.n - 1 - i : i];

		if (json)
			change_json(&b, ch, i == 0);
		else
			change_text(&b, ch, &marks);
	}
	if (json)
		buf_adds(&b, h.n ? "\n]\n" : "]\n");
	else if (!h.n)
		note("%s has no history: it was never set", argv[optind]);
	rc = put_out(&b);
done:
	buf_release(&b);
	history_release(&h);
	return rc;
}

/* ---- show --at ---- */

/* The commit named by a date or revision (its id, date and site: not
 * its strings), or what is wrong said on stderr. */
static int resolve(struct store *s, const char *spec, struct store_commit *c)
{
	struct err err;

	err_clear(&err);
	if (store_resolve(s, spec, c, &err) < 0)
		return report(NULL, &err);
	store_commit_release(c);
	return 0;
}

int cmd_show(int argc, char **argv, struct store *s)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "at", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd *me = cmd_find("show");
	const char *at = NULL;
	struct store_commit c;
	struct doc_node *node;
	struct doc *doc = NULL;
	struct buf b = BUF_INIT;
	struct path p;
	struct err err;
	char *data = NULL;
	size_t len;
	int opt, json = 0, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (opt == 'j')
			json = 1;
		else if (opt == 'a') {
			if ((rc = once(me, &at, "--at", optarg)) != 0)
				return rc;
		} else
			return option_error(me, opt, argv);
	}
	if (argc - optind != 1 || !at)
		return usage_error(me, "show takes a path and --at DATE|REV");
	err_clear(&err);
	if (path_parse(&p, argv[optind], &err) < 0)
		return report(NULL, &err);
	if (store_resolve(s, at, &c, &err) < 0)
		return report(NULL, &err);
	note("as of %s, %s (%s%s%s)", c.id, c.date, c.author, c.site[0] ? " @" : "", c.site);
	store_commit_release(&c);
	if (store_read_at(s, &c.oid, p.file, &data, &len, &err) < 0)
		return report(NULL, &err);
	if (!p.n && !json) {
		buf_add(&b, data, len);
	} else {
		if (doc_load(&doc, data, len, &err) < 0) {
			rc = report(p.file, &err);
			goto done;
		}
		if (path_resolve(&node, doc->root, &p, p.n, &err) < 0) {
			rc = report(NULL, &err);
			goto done;
		}
		put_value(&b, node, json);
	}
	rc = put_out(&b);
done:
	free(data);
	doc_free(doc);
	buf_release(&b);
	return rc;
}

/* ---- diff, in words ---- */

/* "002" of meetings/002.yaml (and "1000" of meetings/1000.yaml). */
static void meeting_number(char *out, size_t size, const char *file)
{
	const char *n = file + strlen(LAYOUT_MEETINGS "/");

	snprintf(out, size, "%.*s", (int)strspn(n, "0123456789"), n);
}

struct diffs {
	struct buf b;
	int json;
	size_t n;
};

static void say(struct diffs *d, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say(struct diffs *d, const char *file, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	text_cut(line);
	if (d->json) {
		buf_adds(&d->b, d->n ? ",\n {\"file\":" : "\n {\"file\":");
		json_str(&d->b, file, strlen(file));
		buf_adds(&d->b, ",\"change\":");
		json_str(&d->b, line, strlen(line));
		buf_addc(&d->b, '}');
	} else {
		buf_adds(&d->b, line);
		buf_addc(&d->b, '\n');
	}
	d->n++;
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

static void describe_meeting(struct diffs *d, const char *file, const struct doc *o,
			     const struct doc *n)
{
	static const char *const names[3][2] = {
		{ "note", "notes" }, { "decision", "decisions" }, { "action", "actions" }
	};
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
			say(d, file, "agenda item %s added to meeting %s", id->str, num);
		else if (item_fields_differ(item, was))
			say(d, file, "agenda item %s changed in meeting %s", id->str, num);
	}
	for (item = oa && oa->kind == DOC_SEQ ? oa->head : NULL; item; item = item->next)
		if ((id = doc_get(item, "id")) && id->kind == DOC_SCALAR &&
		    !(na && na->kind == DOC_SEQ && doc_find_id(na, id->str)))
			say(d, file, "agenda item %s removed from meeting %s", id->str, num);
	for (i = 0; i < 3; i++) {
		count_items(na, oa, item_lists[i], &add, &changed);
		count_items(oa, na, item_lists[i], &del, &unused);
		if (add)
			say(d, file, "%zu %s added to meeting %s", add, names[i][add != 1], num);
		if (changed)
			say(d, file, "%zu %s changed in meeting %s", changed, names[i][changed != 1], num);
		if (del)
			say(d, file, "%zu %s removed from meeting %s", del, names[i][del != 1], num);
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
		say(d, file, "meeting %s: %s changed", num, what);
}

/* initiative.yaml, members, interviews, outcomes: by top-level key; list
 * items (principles, indicators...) added and removed by name. */
static void describe_fields(struct diffs *d, const char *file, const char *what,
			    const struct doc *o, const struct doc *n)
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
					say(d, file, "%s%s %s: %s", what, k->key->str,
					    id && before && doc_find_id(before, id->str) ? "changed" : "added", v);
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
					say(d, file, "%s%s removed: %s", what, k->key->str, v);
				}
			}
			continue;
		}
		if (k->flags & DOC_CONFLICT)
			say(d, file, "%s%s: a conflict recorded", what, k->key->str);
		else if (before && (before->flags & DOC_CONFLICT))
			say(d, file, "%s%s: conflict resolved", what, k->key->str);
		else
			say(d, file, "%s%s %s", what, k->key->str,
			    !before || doc_is_null(before) ? "set" : doc_is_null(k) ? "cleared" : "changed");
	}
	for (k = oroot ? oroot->head : NULL; k; k = k->next)
		if (!root || !doc_get(root, k->key->str))
			say(d, file, "%s%s removed", what, k->key->str);
}

static int diff_file(void *ctx, const char *file, const char *old, size_t oldlen, const char *new,
		     size_t newlen)
{
	struct diffs *d = ctx;
	struct doc *o = NULL, *n = NULL;
	enum schema_kind kind = schema_kind_of(file);
	char dir[32], id[128], what[300], name[200] = "";
	struct err err;

	err_clear(&err);
	/* a file the layout does not name (members/README.md): by its name */
	if (kind == KIND_NONE || !path_is_layout_file(file, dir, sizeof(dir), id, sizeof(id))) {
		say(d, file, "%s %s", file, !old ? "added" : !new ? "removed" : "changed");
		return 0;
	}
	if ((old && doc_load(&o, old, oldlen, &err) < 0) || (new && doc_load(&n, new, newlen, &err) < 0)) {
		say(d, file, "%s changed (not valid YAML on one side)", file);
		goto done;
	}
	if (n && n->root && n->root->flags & DOC_CONFLICT) {
		say(d, file, "%s: a conflict recorded over the whole file", file);
		goto done;
	}
	switch (kind) {
	case KIND_MEMBER:
		brief(name, sizeof(name), n && n->root ? doc_get(n->root, "name")
						     : o && o->root ? doc_get(o->root, "name") : NULL);
		if (!old || !new) {
			say(d, file, "member %s: %s (%s)", !old ? "added" : "removed", name, id);
			goto done;
		}
		snprintf(what, sizeof(what), "member %s: ", id);
		break;
	case KIND_INTERVIEW:
		if (!old || !new) {
			const struct doc *x = n ? n : o;
			char by[200] = "";

			brief(name, sizeof(name), x && x->root ? doc_get(x->root, "member") : NULL);
			brief(by, sizeof(by), x && x->root ? doc_get(x->root, "interviewer") : NULL);
			say(d, file, "interview %s: with %s%s%s (%s)", !old ? "added" : "removed", name,
			    by[0] ? ", by " : "", by, id);
			goto done;
		}
		snprintf(what, sizeof(what), "interview %s: ", id);
		break;
	case KIND_OUTCOME:
		if (!old || !new) {
			brief(name, sizeof(name), n && n->root ? doc_get(n->root, "title") : NULL);
			say(d, file, "outcome %s: %s%s%s", !old ? "added" : "removed", id,
			    name[0] ? " - " : "", name);
			goto done;
		}
		snprintf(what, sizeof(what), "outcome %s: ", id);
		break;
	case KIND_MEETING:
		if (!old || !new) {
			brief(name, sizeof(name), n && n->root ? doc_get(n->root, "title") : NULL);
			say(d, file, "meeting %s %s%s%s", id, !old ? "added" : "removed",
			    name[0] ? ": " : "", name);
			goto done;
		}
		describe_meeting(d, file, o, n);
		goto done;
	default:
		what[0] = '\0';
		break;
	}
	describe_fields(d, file, what, o, n);
done:
	doc_free(o);
	doc_free(n);
	return 0;
}

int cmd_diff(int argc, char **argv, struct store *s)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' }, { NULL, 0, NULL, 0 }
	};
	struct diffs d = { BUF_INIT, 0, 0 };
	struct store_commit from, to;
	struct err err;
	int c, rc, nargs, nothing = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c != 'j')
			return option_error(cmd_find("diff"), c, argv);
		d.json = 1;
	}
	nargs = argc - optind;
	if (nargs > 2)
		return usage_error(cmd_find("diff"), "diff takes at most two dates or revisions");
	err_clear(&err);
	if (!nargs && store_is_unborn(s)) {
		nothing = 1;  /* nothing committed: every file is new */
	} else if ((rc = resolve(s, nargs ? argv[optind] : "HEAD", &from)) ||
		   (nargs == 2 && (rc = resolve(s, argv[optind + 1], &to))) ||
		   (nargs == 1 && (rc = resolve(s, "HEAD", &to)))) {
		return rc;
	}
	if (nargs)
		note("from %s (%s) to %s (%s)", from.id, from.date, to.id, to.date);
	if (d.json)
		buf_addc(&d.b, '[');
	if (store_tree_diff(s, nothing ? NULL : &from.oid, nargs ? &to.oid : NULL, diff_file, &d,
			    &err) < 0) {
		buf_release(&d.b);
		return report(NULL, &err);
	}
	if (d.json)
		buf_adds(&d.b, d.n ? "\n]\n" : "]\n");
	else if (!d.n)
		note("no changes");
	rc = put_out(&d.b);
	buf_release(&d.b);
	return rc;
}

/* ---- archive ---- */

int cmd_archive(int argc, char **argv, struct store *s)
{
	static const struct option opts[] = {
		{ "at", required_argument, NULL, 'a' },
		{ "prefix", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd *me = cmd_find("archive");
	const char *at = NULL, *prefix = NULL;
	char dir[128];
	struct store_commit c;
	struct err err;
	size_t n;
	int opt, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (opt == 'a')
			rc = once(me, &at, "--at", optarg);
		else if (opt == 'p')
			rc = once(me, &prefix, "--prefix", optarg);
		else
			return option_error(me, opt, argv);
		if (rc)
			return rc;
	}
	if (!at)
		at = "HEAD";
	if (!prefix)
		prefix = "";
	if (argc - optind != 1)
		return usage_error(me, "archive takes the file to write");
	if (strlen(prefix) > 100 || strstr(prefix, "..") || prefix[0] == '/')
		return usage_error(me, "--prefix is a short relative folder name");
	snprintf(dir, sizeof(dir), "%s", prefix);
	while (dir[0] && dir[strlen(dir) - 1] == '/')  /* --prefix lit/ is lit */
		dir[strlen(dir) - 1] = '\0';
	if ((rc = resolve(s, at, &c)))
		return rc;
	err_clear(&err);
	if (store_archive(s, &c.oid, dir, argv[optind], &n, &err) < 0)
		return report(NULL, &err);
	note("%s: %zu files as of %s, %s", argv[optind], n, c.id, c.date);
	return EXIT_OK;
}

/* ---- log ---- */

struct log_out {
	struct buf b;
	int json;
	size_t n, max;
	const char *meeting, *author, *site, *since;
};

static int log_one(void *ctx, const struct store_commit *e)
{
	struct log_out *o = ctx;
	char subject[1024];

	if (o->max && o->n >= o->max)
		return 1;
	if ((o->meeting && strcmp(e->meeting, o->meeting)) ||
	    (o->site && strcmp(e->site, o->site)) ||
	    (o->since && strcmp(e->day, o->since) < 0) ||
	    (o->author && !strstr(e->author, o->author) && !strstr(e->email, o->author)))
		return 0;
	snprintf(subject, sizeof(subject), "%s", e->subject);
	text_cut(subject);
	if (o->json) {
		buf_adds(&o->b, o->n++ ? ",\n {\"commit\":" : "\n {\"commit\":");
		json_str(&o->b, e->id, strlen(e->id));
		buf_adds(&o->b, ",\"date\":");
		json_str(&o->b, e->date, strlen(e->date));
		buf_adds(&o->b, ",\"author\":");
		json_str(&o->b, e->author, strlen(e->author));
		buf_adds(&o->b, ",\"email\":");
		json_str(&o->b, e->email, strlen(e->email));
		buf_adds(&o->b, ",\"site\":");
		if (e->site[0])
			json_str(&o->b, e->site, strlen(e->site));
		else
			buf_adds(&o->b, "null");
		buf_adds(&o->b, ",\"meeting\":");
		if (e->meeting[0])
			json_str(&o->b, e->meeting, strlen(e->meeting));
		else
			buf_adds(&o->b, "null");
		buf_adds(&o->b, ",\"subject\":");
		json_str(&o->b, subject, strlen(subject));
		buf_addf(&o->b, ",\"merge\":%s}", e->nparents > 1 ? "true" : "false");
		return 0;
	}
	o->n++;
	buf_addf(&o->b, "%s  %.16s  ", e->id, e->date);
	buf_adds(&o->b, e->author);
	if (e->site[0])
		buf_addf(&o->b, " @%s", e->site);
	buf_addf(&o->b, "  %s\n", subject);
	return 0;
}

int cmd_log(int argc, char **argv, struct store *s)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "meeting", required_argument, NULL, 'm' },
		{ "author", required_argument, NULL, 'a' },
		{ "site", required_argument, NULL, 's' },
		{ "since", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd *me = cmd_find("log");
	struct log_out o;
	const char *given = NULL, *count = NULL;
	char meeting[8], *end;
	struct err err;
	long max;
	int c, rc = 0;

	memset(&o, 0, sizeof(o));
	optind = 0;
	while ((c = getopt_long(argc, argv, ":n:", opts, NULL)) != -1) {
		switch (c) {
		case 'j': o.json = 1; break;
		case 'a': rc = once(me, &o.author, "--author", optarg); break;
		case 's': rc = once(me, &o.site, "--site", optarg); break;
		case 'S':
			if ((rc = once(me, &o.since, "--since", optarg)) == 0 &&
			    !text_is_date(optarg, strlen(optarg)))
				return usage_error(me, "--since takes a date, YYYY-MM-DD");
			break;
		case 'm': {
			char file[64];

			if ((rc = once(me, &given, "--meeting", optarg)))
				break;
			if (meeting_file(file, sizeof(file), optarg) < 0)
				return usage_error(me, "--meeting takes a meeting number: 2, 002");
			meeting_number(meeting, sizeof(meeting), file);
			o.meeting = meeting;
			break;
		}
		case 'n':
			if ((rc = once(me, &count, "-n", optarg)))
				break;
			if ((max = strtol(optarg, &end, 10)) <= 0 || *end)
				return usage_error(me, "-n takes a number of commits");
			o.max = (size_t)max;
			break;
		default:
			return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (optind < argc)
		return usage_error(me, "log takes no arguments");
	err_clear(&err);
	if (o.json)
		buf_addc(&o.b, '[');
	if (store_commits(s, log_one, &o, &err) < 0) {
		buf_release(&o.b);
		return report(NULL, &err);
	}
	if (o.json)
		buf_adds(&o.b, o.n ? "\n]\n" : "]\n");
	rc = put_out(&o.b);
	buf_release(&o.b);
	return rc;
}
