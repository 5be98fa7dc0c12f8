/*
 * The audit commands: how the initiative changed, who changed it, where,
 * and at which meeting.  history (one field through time), show --at (a
 * value as it stood), diff (what changed, in words), log (with filters),
 * archive (the whole initiative as it stood, as a .tar.gz).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "core/archive.h"
#include "core/describe.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/path.h"
#include "core/text.h"
#include "core/worddiff.h"
#include "store/fieldhist.h"
#include "secrets.h"
#include "store/histopen.h"
#include "store/history.h"

static const struct opt history_opts[] = {
	{ 'r', "reverse", NULL, N_("oldest first"), 0 },
	{ 'j', "json", NULL, N_("for scripts"), 0 },
	OPT_END
};

const struct help help_history = {
	"[--json] [--reverse] FIELD",
	N_("Every commit where the value of FIELD actually changed (not every commit\n"
	   "that touched its file), newest first: date, commit, who, at which site,\n"
	   "at which meeting, and what changed, word by word ([-removed-]{+added+},\n"
	   "in colour on a terminal).  FIELD is a field path ('vision',\n"
	   "'outcomes/reading.yaml:indicators[grade3].target') or a whole file\n"
	   "('members/dana.yaml').  Changes made concurrently and merged later are\n"
	   "marked; a merge is listed when it made a value neither side had (a\n"
	   "conflict it recorded, text merged from both).  A renamed file is\n"
	   "followed where git can tell.\n"),
	history_opts, NULL,
	NULL
};

static const struct opt show_opts[] = {
	{ 'j', "json", NULL, N_("print JSON, for scripts"), 0 },
	{ 'a', "at", "DATE|REV", N_("the date (the last commit that day) or revision"), 0 },
	OPT_END
};

const struct help help_show = {
	"[--json] PATH --at DATE|REV",
	N_("A field or a whole file as it stood at a date or at a commit (any\n"
	   "revision git takes: HEAD~3, 4f2a9c1).  A date means the last commit made\n"
	   "that day or before along the line of HEAD's first parents: the\n"
	   "initiative as the merges kept it, not what one site had alone while\n"
	   "offline (a sync that merely caught up takes on the other site's line).\n"
	   "Which commit that is goes to standard error.\n"),
	show_opts, NULL,
	NULL
};

static const struct opt diff_opts[] = {
	{ 'j', "json", NULL, N_("print JSON, for scripts"), 0 },
	OPT_END
};

const struct help help_diff = {
	"[--json] [FROM [TO]]",
	N_("What changed, in words: \"vision changed\", \"member added: ...\", \"3 notes\n"
	   "added to meeting 002\", \"1 note changed in meeting 002\", \"agenda item\n"
	   "principles changed in meeting 002\".  FROM and TO are dates or revisions\n"
	   "(see 'convene show').  Without TO: from FROM to HEAD; without either: the\n"
	   "uncommitted changes of the work tree.\n"),
	diff_opts, NULL,
	NULL
};

static const struct opt archive_opts[] = {
	{ 'a', "at", "DATE|REV", N_("the date (the last commit that day) or revision"), 0 },
	{ 'p', "prefix", "DIR", N_("put every file under DIR/"), 0 },
	OPT_END
};

const struct help help_archive = {
	"[--prefix DIR] --at DATE|REV FILE.tar.gz",
	N_("The whole initiative as it stood then, as a gzip'd tar that `tar xzf`\n"
	   "reads ('-': to standard output).  The same commit always gives the same\n"
	   "bytes.\n"),
	archive_opts, NULL,
	NULL
};

static const struct opt log_opts[] = {
	{ 'n', "max-count", "N", N_("the newest N commits only"), 'n' },
	{ 'm', "meeting", "M", N_("commits tied to meeting M (made by a meeting\n"
	  "command, or with a Convene-Meeting: trailer)"), 0 },
	{ 'a', "author", "WHO", N_("whose name or email holds WHO"), 0 },
	{ 's', "site", "S", N_("made at site S"), 0 },
	{ 'S', "since", "DATE", N_("made that day or later (the author's date)"), 0 },
	{ 'j', "json", NULL, N_("print JSON, for scripts"), 0 },
	OPT_END
};

const struct help help_log = {
	"[-n N] [--meeting M] [--author WHO] [--site S] [--since DATE] [--json]",
	N_("The history, newest first: commit, date, who, at which site, what.\n"),
	log_opts, NULL,
	NULL
};

/* ---- history ---- */

/* The fields that say which commit, the same in history and log; subject
 * as the caller shows it. */
static void commit_json(struct json_w *w, const struct store_commit *c, const char *subject)
{
	jw_str(w, "commit", c->id);
	jw_str(w, "date", c->date);
	jw_str(w, "author", c->author);
	jw_str(w, "email", c->email);
	jw_opt(w, "site", c->site);
	jw_opt(w, "meeting", c->meeting);
	jw_str(w, "subject", subject);
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

static void change_text(struct buf *b, const struct field_change *ch, const struct word_marks *m)
{
	const struct store_commit *c = &ch->commit;
	const struct field_value *a = ch->before, *z = ch->after;
	struct buf d = BUF_INIT;

	buf_addf(b, "%s  %s  %s <%s>", c->date, c->id, c->author, c->email);
	if (c->site[0])
		buf_addf(b, "  @%s", c->site);
	if (c->meeting[0]) {
		buf_adds(b, "  ");
		/* TRANSLATORS: in a line of history: the meeting a commit is tied to */
		buf_addf(b, _("meeting %s"), c->meeting);
	}
	buf_addc(b, '\n');
	buf_addf(b, "    %s", c->subject);
	if (ch->merge)
		buf_addf(b, "  %s", _("(a merge)"));
	if (!c->mainline)
		buf_addf(b, "  %s", _("(made concurrently, merged later)"));
	buf_addc(b, '\n');
	switch (ch->kind) {
	case FIELD_REMOVED:
		buf_addf(b, "    %s\n", _("removed"));
		break;
	case FIELD_UNREADABLE:
		buf_addf(b, "    %s\n", _("(the file is not valid YAML in this commit)"));
		break;
	case FIELD_CONFLICT:
		buf_addf(b, "    %s\n", _("a conflict recorded; its sides:"));
		indent(b, z->text, strlen(z->text), "      ");
		break;
	case FIELD_RESOLVED:
	case FIELD_SET:
		buf_addf(b, "    %s\n", ch->kind == FIELD_RESOLVED ? _("resolved:") : _("set:"));
		indent(b, z->text, strlen(z->text), "      ");
		break;
	case FIELD_CHANGED:
		if (word_diff(&d, a->text, strlen(a->text), z->text, strlen(z->text), m) == 0)
			indent(b, buf_str(&d), d.len, "      ");
		buf_release(&d);
		break;
	}
	buf_addc(b, '\n');
}

static void value_json(struct json_w *w, const char *key, const struct field_value *v)
{
	jw_str(w, key, !v || !v->present || v->unreadable ? NULL : v->text);
}

static void change_json(struct json_w *w, const struct field_change *ch)
{
	jw_object(w, NULL);
	commit_json(w, &ch->commit, ch->commit.subject);
	jw_bool(w, "merge", ch->merge);
	jw_bool(w, "mainline", ch->commit.mainline);
	jw_bool(w, "conflict", ch->after->conflict);
	value_json(w, "before", ch->before);
	value_json(w, "after", ch->after);
	jw_end(w);
}

/* The sealed values of h opened with the user's keys, for a reader, or
 * said to be confidential (store/histopen.h). */
static int open_history(struct store *s, struct field_history *h, const struct path *p,
			struct histopen *o)
{
	struct age_identity *ids = NULL;
	char who[300];
	struct err why;
	size_t nids = 0;
	int rc;

	if (!histopen_applies(p))
		return 0;
	if ((rc = user_identity(s, &ids, &nids, &why)) != 0)
		return rc;
	readers_of(s, who, sizeof(who));
	err_clear(&why);
	rc = histopen_open(o, h, p, ids, nids, who, &why) < 0 ? report(NULL, &why) : 0;
	age_identities_free(ids, nids);
	return rc;
}

static void change_resealed(struct buf *b, const struct field_change *ch)
{
	const struct store_commit *c = &ch->commit;

	buf_addf(b, "%s  %s  %s <%s>", c->date, c->id, c->author, c->email);
	if (c->site[0])
		buf_addf(b, "  @%s", c->site);
	buf_addf(b, "\n    %s\n    %s\n\n", c->subject, _("sealed anew, the text unchanged"));
}

int cmd_history(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("history");
	struct word_marks marks = { "[-", "-]", "{+", "+}" };
	struct field_history h;
	struct json_w w;
	struct path p;
	struct err err;
	struct buf b = BUF_SECRET_INIT;  /* a reader's history holds plaintext */
	struct histopen opened = HISTOPEN_INIT;
	int c, json = 0, reverse = 0, rc;
	size_t i;

	memset(&h, 0, sizeof(h));
	optind = 0;
	while ((c = opt_next(history_opts, argc, argv)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'r')
			reverse = 1;
		else
			return option_error(me, c, argv);
	}
	if (argc - optind != 1)
		return usage_error(me, "%s", _("history takes one field path"));
	err_clear(&err);
	if (path_parse(&p, argv[optind], &err) < 0)
		return report(NULL, &err);
	if (store_field_history(&h, s, &p, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if ((rc = open_history(s, &h, &p, &opened)) != 0)
		goto done;
	if (color(stdout, "x")[0]) {
		marks.del_open = "\033[31m[-";
		marks.del_close = "-]\033[m";
		marks.add_open = "\033[32m{+";
		marks.add_close = "+}\033[m";
	}
	jw_init(&w, &b);
	if (json)
		jw_lines(&w, NULL);
	for (i = 0; i < h.n; i++) {
		const struct field_change *ch = &h.v[reverse ? h.n - 1 - i : i];

		if (json)
			change_json(&w, ch);
		else if (histopen_resealed(&opened, ch))
			change_resealed(&b, ch);
		else
			change_text(&b, ch, &marks);
	}
	if (json) {
		jw_end(&w);
		buf_addc(&b, '\n');
	} else if (!h.n) {
		note(_("%s has no history: it was never set"), argv[optind]);
	}
	rc = put_out(&b);
done:
	buf_release(&b);
	histopen_release(&opened);
	store_field_history_release(&h);
	return rc;
}

/* ---- show --at ---- */

/* The commit named by a date or revision (its id, date and site: not
 * its strings), or what is wrong said on stderr. */
static int revision_at(struct store *s, const char *spec, struct store_commit *c)
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
	const struct cmd *me = cmd_find("show");
	const char *at = NULL;
	struct store_commit c;
	struct doc_node *node;
	struct doc *doc = NULL;
	struct buf b = BUF_SECRET_INIT, opened = BUF_SECRET_INIT;
	struct path p;
	struct err err;
	char *data = NULL;
	size_t len;
	int opt, json = 0, rc, secret = 0;

	optind = 0;
	while ((opt = opt_next(show_opts, argc, argv)) != -1) {
		if (opt == 'j')
			json = 1;
		else if (opt == 'a') {
			if ((rc = once(me, &at, "--at", optarg)) != 0)
				return rc;
		} else
			return option_error(me, opt, argv);
	}
	if (argc - optind != 1 || !at)
		return usage_error(me, "%s", _("show takes a path and --at DATE|REV"));
	err_clear(&err);
	if (path_parse(&p, argv[optind], &err) < 0)
		return report(NULL, &err);
	if (store_resolve(s, at, &c, &err) < 0)
		return report(NULL, &err);
	if (c.site[0])
		note(_("as of %s, %s (%s @%s)"), c.id, c.date, c.author, c.site);
	else
		note(_("as of %s, %s (%s)"), c.id, c.date, c.author);
	store_commit_release(&c);
	if (store_read_at(s, &c.oid, p.file, &data, &len, &err) < 0)
		return report(NULL, &err);
	/* a confidential interview as the user may see it: opened for a reader */
	if (open_bytes(s, p.file, data, len, &opened, 0)) {
		free(data);
		len = opened.len;
		if (!(data = buf_detach(&opened, NULL)))
			return out_of_memory();
		secret = 1;
	}
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
	if (secret && data)
		age_wipe(data, len);
	free(data);
	if (doc && secret)
		secret_wipe_doc(doc);
	doc_free(doc);
	buf_release(&b);
	return rc;
}

/* ---- diff, in words ---- */

struct diffs {
	struct describe said;
	int json;
	struct err *err;
	struct store *s;  /* a confidential interview is described opened for a reader */
};

/* For store_tree_diff(): each file's sentences, gathered to render. */
static int diff_file(void *ctx, const char *file, const char *old, size_t oldlen, const char *new,
		     size_t newlen)
{
	struct diffs *d = ctx;
	struct buf o = BUF_SECRET_INIT, n = BUF_SECRET_INIT;
	int error = 0;

	if (open_bytes(d->s, file, old, oldlen, &o, 1)) {
		old = buf_str(&o);
		oldlen = o.len;
	}
	if (open_bytes(d->s, file, new, newlen, &n, 1)) {
		new = buf_str(&n);
		newlen = n.len;
	}
	if (describe_file(&d->said, file, old, oldlen, new, newlen) < 0)
		error = err_set(d->err, ERR_NOMEM, 0, 0, "%s", _("out of memory"));
	buf_release(&o);
	buf_release(&n);
	return error;
}

static void diff_render(struct buf *b, const struct describe *said, int json)
{
	struct json_w w;
	size_t i;

	if (!json) {
		for (i = 0; i < said->n; i++) {
			buf_adds(b, said->v[i].text);
			buf_addc(b, '\n');
		}
		return;
	}
	jw_init(&w, b);
	jw_lines(&w, NULL);
	for (i = 0; i < said->n; i++) {
		jw_object(&w, NULL);
		jw_str(&w, "file", said->v[i].file);
		jw_str(&w, "change", said->v[i].text);
		jw_end(&w);
	}
	jw_end(&w);
	buf_addc(b, '\n');
}

int cmd_diff(int argc, char **argv, struct store *s)
{
	struct diffs d = { DESCRIBE_INIT, 0, NULL, NULL };
	struct store_commit from, to;
	struct buf b = BUF_SECRET_INIT;
	struct err err;
	int c, rc, nargs, nothing = 0;

	optind = 0;
	while ((c = opt_next(diff_opts, argc, argv)) != -1) {
		if (c != 'j')
			return option_error(cmd_find("diff"), c, argv);
		d.json = 1;
	}
	nargs = argc - optind;
	if (nargs > 2)
		return usage_error(cmd_find("diff"), "%s",
				   _("diff takes at most two dates or revisions"));
	err_clear(&err);
	d.err = &err;
	d.s = s;
	if (!nargs && store_is_unborn(s)) {
		nothing = 1;  /* nothing committed: every file is new */
	} else if ((rc = revision_at(s, nargs ? argv[optind] : "HEAD", &from)) ||
		   (nargs == 2 && (rc = revision_at(s, argv[optind + 1], &to))) ||
		   (nargs == 1 && (rc = revision_at(s, "HEAD", &to)))) {
		return rc;
	}
	if (nargs)
		note(_("from %s (%s) to %s (%s)"), from.id, from.date, to.id, to.date);
	if (store_tree_diff(s, nothing ? NULL : &from.oid, nargs ? &to.oid : NULL, diff_file, &d,
			    &err) < 0) {
		describe_release(&d.said);
		return report(NULL, &err);
	}
	diff_render(&b, &d.said, d.json);
	if (!d.json && !d.said.n)
		note("%s", _("no changes"));
	rc = put_out(&b);
	buf_release(&b);
	describe_release(&d.said);
	return rc;
}

/* ---- archive ---- */

int cmd_archive(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("archive");
	const char *at = NULL, *prefix = NULL;
	char dir[128];
	struct store_commit c;
	struct err err;
	size_t n;
	int opt, rc;

	optind = 0;
	while ((opt = opt_next(archive_opts, argc, argv)) != -1) {
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
		return usage_error(me, "%s", _("archive takes the file to write"));
	if (archive_prefix(dir, sizeof(dir), prefix) < 0)
		return usage_error(me, "%s", _("--prefix is a short relative folder name"));
	if ((rc = revision_at(s, at, &c)))
		return rc;
	err_clear(&err);
	if (store_archive(s, &c.oid, dir, argv[optind], &n, &err) < 0)
		return report(NULL, &err);
	note(ngettext("%s: %zu file as of %s, %s", "%s: %zu files as of %s, %s", n),
	     argv[optind], n, c.id, c.date);
	return EXIT_OK;
}

/* ---- log ---- */

struct log_out {
	struct buf b;
	struct json_w w;
	int json;
	size_t n, max;
	const char *meeting, *author, *site, *since;
	struct commit_filter filter;
};

static int log_one(void *ctx, const struct store_commit *e)
{
	struct log_out *o = ctx;
	char subject[1024];

	if (o->max && o->n >= o->max)
		return 1;
	if (!store_commit_matches(e, &o->filter))
		return 0;
	snprintf(subject, sizeof(subject), "%s", e->subject);
	text_cut(subject);
	o->n++;
	if (o->json) {
		jw_object(&o->w, NULL);
		commit_json(&o->w, e, subject);
		jw_bool(&o->w, "merge", e->nparents > 1);
		jw_end(&o->w);
		return 0;
	}
	buf_addf(&o->b, "%s  %.16s  ", e->id, e->date);
	buf_adds(&o->b, e->author);
	if (e->site[0])
		buf_addf(&o->b, " @%s", e->site);
	buf_addf(&o->b, "  %s\n", subject);
	return 0;
}

int cmd_log(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("log");
	struct log_out o;
	const char *given = NULL, *count = NULL;
	char meeting[8], *end;
	struct err err;
	long max;
	int c, rc = 0;

	memset(&o, 0, sizeof(o));
	optind = 0;
	while ((c = opt_next(log_opts, argc, argv)) != -1) {
		switch (c) {
		case 'j': o.json = 1; break;
		case 'a': rc = once(me, &o.author, "--author", optarg); break;
		case 's': rc = once(me, &o.site, "--site", optarg); break;
		case 'S':
			if ((rc = once(me, &o.since, "--since", optarg)) == 0 &&
			    !text_is_date(optarg, strlen(optarg)))
				return usage_error(me, "%s", _("--since takes a date, YYYY-MM-DD"));
			break;
		case 'm': {
			long n;

			if ((rc = once(me, &given, "--meeting", optarg)))
				break;
			if (!(n = layout_meeting_number(optarg)))
				return usage_error(me, "%s",
						   _("--meeting takes a meeting number: 2, 002"));
			layout_meeting_name(meeting, sizeof(meeting), n);
			o.meeting = meeting;
			break;
		}
		case 'n':
			if ((rc = once(me, &count, "-n", optarg)))
				break;
			if ((max = strtol(optarg, &end, 10)) <= 0 || *end)
				return usage_error(me, "%s", _("-n takes a number of commits"));
			o.max = (size_t)max;
			break;
		default:
			return option_error(me, c, argv);
		}
		if (rc)
			return rc;
	}
	if (optind < argc)
		return usage_error(me, "%s", _("log takes no arguments"));
	err_clear(&err);
	o.filter.meeting = o.meeting;
	o.filter.author = o.author;
	o.filter.site = o.site;
	o.filter.since = o.since;
	jw_init(&o.w, &o.b);
	if (o.json)
		jw_lines(&o.w, NULL);
	if (store_commits(s, log_one, &o, &err) < 0) {
		buf_release(&o.b);
		return report(NULL, &err);
	}
	if (o.json) {
		jw_end(&o.w);
		buf_addc(&o.b, '\n');
	}
	rc = put_out(&o.b);
	buf_release(&o.b);
	return rc;
}
