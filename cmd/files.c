/*
 * The files family: validate, status, fmt.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "store/sync.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/status.h"
#include "core/text.h"

const struct help help_validate = {
	"[--json]",
	N_("Checks every file of the initiative: YAML syntax, fields, types, ids and\n"
	"references between files.  Prints every problem as file:line:col, sorted\n"
	"by file and line.  Exit 1 if any error.\n"),
	opts_json, NULL,
	NULL
};

const struct help help_status = {
	"[--json]",
	N_("Members, interviews done and missing, meetings; for each remote the\n"
	"commits to push and to fetch (as of the last sync) and when this site\n"
	"last synced with it; unresolved conflicts and the problems found.\n"),
	opts_json, NULL,
	NULL
};

static const struct opt fmt_opts[] = {
	{ 'c', "check", NULL, N_("change nothing; list files that are not canonical, exit 1 if any"), 0 },
	{ 'd', "drop-comments", NULL, N_("rewrite files that hold comments too (the comments are lost)"), 0 },
	OPT_END
};

const struct help help_fmt = {
	"[--check] [--drop-comments] [FILE...]",
	N_("Rewrites the initiative's files in the form convene writes them: 2-space\n"
	"block style, multi-line text as literal blocks, quotes only where a YAML\n"
	"reader would misread the text, text fields as text, date fields as dates,\n"
	"numbers in one form (007 is 7, .5 is 0.5).\n"),
	fmt_opts, NULL,
	NULL
};

/* "2 members": how many files of a kind, in the user's words; NULL for a
 * kind with no words here. */
static const char *kind_count(enum schema_kind kind, size_t n)
{
	switch (kind) {
	case KIND_INITIATIVE: return ngettext("%zu initiative", "%zu initiatives", n);
	case KIND_MEMBER: return ngettext("%zu member", "%zu members", n);
	case KIND_INTERVIEW: return ngettext("%zu interview", "%zu interviews", n);
	case KIND_MEETING: return ngettext("%zu meeting", "%zu meetings", n);
	case KIND_OUTCOME: return ngettext("%zu outcome", "%zu outcomes", n);
	default: return NULL;
	}
}

static void describe_count(struct buf *b, enum schema_kind kind, const char *many, size_t n,
			   int *first)
{
	const char *words = kind_count(kind, n);

	if (!n)
		return;
	buf_adds(b, *first ? " (" : ", ");
	if (words)
		buf_addf(b, words, n);
	else  /* a folder is named by the plural of its kind */
		buf_addf(b, "%zu %s", n, n == 1 ? schema_kind_name(kind) : many);
	*first = 0;
}

/* "checked 5 files (1 initiative, 1 member, 3 meetings)" */
static void describe_scan(struct buf *b, const struct scan_stats *st)
{
	const struct layout_folder *f;
	int first = 1;

	buf_addf(b, ngettext("checked %zu file", "checked %zu files", st->files), st->files);
	describe_count(b, KIND_INITIATIVE, "initiatives", st->by_kind[KIND_INITIATIVE], &first);
	for (f = layout_folders; f->name; f++)
		describe_count(b, f->kind, f->name, st->by_kind[f->kind], &first);
	if (!first)
		buf_addc(b, ')');
}

/* "3 errors, 0 warnings" */
static void describe_problems(struct buf *b, unsigned errors, unsigned warnings)
{
	struct buf e = BUF_INIT, w = BUF_INIT;

	buf_addf(&e, ngettext("%u error", "%u errors", errors), errors);
	buf_addf(&w, ngettext("%u warning", "%u warnings", warnings), warnings);
	buf_addf(b, "%s, %s", buf_str(&e), buf_str(&w));
	if (buf_failed(&e) || buf_failed(&w))
		b->failed = 1;
	buf_release(&e);
	buf_release(&w);
}

int cmd_validate(int argc, char **argv, struct store *s)
{
	struct diags d = { 0 };
	struct scan_stats st;
	struct buf b = BUF_INIT;
	struct json_w w;
	struct err err;
	int json, rc;
	size_t i;

	if ((rc = read_options(argc, argv, "validate", 0, &json)) != 0)
		return rc;
	err_clear(&err);
	if (scan_initiative(s, &d, &st, NULL, NULL, &err) < 0) {
		diags_release(&d);
		return report(NULL, &err);
	}
	if (json) {
		jw_init(&w, &b);
		jw_object(&w, NULL);
		jw_uint(&w, "files", st.files);
		jw_uint(&w, "errors", d.errors);
		jw_uint(&w, "warnings", d.warnings);
		json_diags(&w, "problems", &d);
		jw_end(&w);
		buf_addc(&b, '\n');
		rc = put_out(&b);
	} else {
		for (i = 0; i < d.n; i++)
			print_diag(stdout, &d.v[i]);
		struct buf p = BUF_INIT;

		describe_scan(&b, &st);
		if (!d.n) {
			/* TRANSLATORS: %s is "checked 4 files (1 initiative, 3 meetings)" */
			note(_("%s: no problems"), buf_str(&b));
		} else {
			describe_problems(&p, d.errors, d.warnings);
			note("%s: %s", buf_str(&b), buf_str(&p));
		}
		buf_release(&p);
		rc = EXIT_OK;
	}
	if (rc == EXIT_OK && d.errors)
		rc = EXIT_DATA;
	buf_release(&b);
	diags_release(&d);
	return rc;
}

/* ---- status ---- */

static void status_visit(void *ctx, const char *file, const struct doc *doc)
{
	status_add(ctx, file, doc);  /* sets failed, read once the scan is over */
}

/* Each remote: how far apart we are, as of the last fetch, and when this
 * site last synced with it (layout_synced_key(), set by sync). */
struct remote_rows {
	struct store *s;
	struct buf *b;
	struct json_w *w;  /* NULL: text */
	size_t n;
};

static void remote_row(void *ctx, const char *name, const char *url_in)
{
	struct remote_rows *r = ctx;
	char key[300], synced[64], url[1024];
	size_t ahead, behind;
	int known;
	struct err err;

	err_clear(&err);
	if (store_ahead_behind(r->s, name, &ahead, &behind, &known, &err) < 0)
		ahead = behind = 0, known = 0;
	text_redact_url(url, sizeof(url), url_in);
	layout_synced_key(key, sizeof(key), name);
	if (store_config_get(r->s, key, synced, sizeof(synced)) < 0)
		synced[0] = '\0';
	if (r->w) {
		jw_object(r->w, NULL);
		jw_str(r->w, "name", name);
		jw_str(r->w, "url", url);
		jw_uint(r->w, "ahead", ahead);
		if (known)
			jw_uint(r->w, "behind", behind);
		else
			jw_null(r->w, "behind");
		jw_opt(r->w, "synced", synced);
		jw_end(r->w);
		return;
	}
	if (!r->n++)
		buf_addf(r->b, "%s\n", _("remotes:"));
	buf_addf(r->b, "  %-10s ", name);
	if (known)
		buf_addf(r->b, _("%zu to push, %zu to fetch (as of the last sync)"), ahead, behind);
	else
		buf_addf(r->b, ngettext("never fetched; %zu commit to push", "never fetched; %zu commits to push",
					ahead), ahead);
	if (synced[0])
		buf_addf(r->b, _("; last synced %s"), synced);
	else
		buf_adds(r->b, _("; last synced never"));
	buf_addc(r->b, '\n');
}

static void status_remotes(struct buf *b, struct store *s, struct json_w *w)
{
	struct remote_rows r = { s, b, w, 0 };
	struct err err;

	err_clear(&err);
	if (w)
		jw_array(w, "remotes");
	store_remote_list(s, remote_row, &r, &err);
	if (w)
		jw_end(w);
}

static void status_json(struct buf *b, const struct status *st, const struct diags *d,
			struct store *s)
{
	struct json_w w;
	size_t i;

	jw_init(&w, b);
	jw_object(&w, NULL);
	jw_str(&w, "name", st->name);
	jw_str(&w, "language", st->language);
	jw_str(&w, "site", store_site(s));
	jw_object(&w, "members");
	jw_uint(&w, "total", st->members);
	jw_uint(&w, "active", st->active);
	jw_uint(&w, "left", st->left);
	jw_end(&w);
	jw_uint(&w, "subgroups", st->subgroups);
	jw_uint(&w, "partners", st->partners);
	jw_object(&w, "interviews");
	jw_uint(&w, "done", st->interviews_done);
	jw_uint(&w, "planned", st->interviews_planned);
	jw_array(&w, "missing");
	for (i = 0; i < st->nmissing; i++)
		jw_str(&w, NULL, st->missing[i]);
	jw_end(&w);
	jw_end(&w);
	jw_array(&w, "meetings");
	for (i = 0; i < st->nmeetings; i++) {
		const struct status_meeting *m = &st->meetings[i];

		jw_object(&w, NULL);
		jw_int(&w, "number", m->number);
		jw_opt(&w, "date", m->date);
		jw_str(&w, "status", m->status);
		jw_str(&w, "title", m->title);
		jw_uint(&w, "attendees", m->attendees);
		jw_uint(&w, "notes", m->notes);
		jw_end(&w);
	}
	jw_end(&w);
	status_remotes(b, s, &w);
	jw_uint(&w, "conflicts", st->conflicts);
	jw_uint(&w, "errors", st->errors);
	jw_uint(&w, "warnings", st->warnings);
	json_diags(&w, "problems", d);
	jw_end(&w);
	buf_addc(b, '\n');
}

/* A heading of status's text: its value starts at column 13, or a space
 * after a longer heading. */
static void heading(struct buf *b, const char *text)
{
	pad(b, text, 11);
	buf_addc(b, ' ');
}

/* A meeting's status, in the user's words when it is one of the schema's. */
static const char *status_word(const char *status)
{
	static const char *const words[][2] = {
		{ "planned", N_("planned") }, { "held", N_("held") }, { "cancelled", N_("cancelled") },
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (!strcmp(status, words[i][0]))
			return _(words[i][1]);
	return status;
}

static void status_text(struct buf *b, const struct status *st, struct store *s)
{
	const char *site = store_site(s), *name = st->name ? st->name : _("(no name)");
	const char *lang = st->language ? st->language : "?";
	size_t i;

	heading(b, _("initiative:"));
	if (site[0])
		/* TRANSLATORS: the initiative's name, its language code, the site */
		buf_addf(b, _("%s (%s), site %s"), name, lang, site);
	else
		buf_addf(b, "%s (%s)", name, lang);
	buf_addc(b, '\n');
	heading(b, _("members:"));
	buf_addf(b, ngettext("%zu active", "%zu active", st->active), st->active);
	if (st->left) {
		buf_adds(b, ", ");
		buf_addf(b, ngettext("%zu left", "%zu left", st->left), st->left);
	}
	buf_addc(b, '\n');
	/* shown once there are some, as "left" is */
	if (st->subgroups) {
		heading(b, _("subgroups:"));
		buf_addf(b, "%zu\n", st->subgroups);
	}
	if (st->partners) {
		heading(b, _("partners:"));
		buf_addf(b, "%zu\n", st->partners);
	}
	heading(b, _("interviews:"));
	buf_addf(b, ngettext("%zu done", "%zu done", st->interviews_done), st->interviews_done);
	buf_adds(b, ", ");
	buf_addf(b, ngettext("%zu planned", "%zu planned", st->interviews_planned), st->interviews_planned);
	for (i = 0; i < st->nmissing; i++) {
		buf_adds(b, i ? ", " : _("; missing: "));
		buf_adds(b, st->missing[i]);
	}
	buf_addc(b, '\n');
	heading(b, _("meetings:"));
	buf_addf(b, "%zu\n", st->nmeetings);
	for (i = 0; i < st->nmeetings; i++) {
		const struct status_meeting *m = &st->meetings[i];

		buf_addf(b, "  %03ld  %-10s  ", m->number, m->date[0] ? m->date : "-");
		pad(b, status_word(m->status), 9);
		buf_adds(b, "  ");
		buf_addf(b, ngettext("%zu attending", "%zu attending", m->attendees), m->attendees);
		buf_adds(b, ", ");
		buf_addf(b, ngettext("%zu note", "%zu notes", m->notes), m->notes);
		buf_addf(b, "  %s\n", m->title);
	}
	status_remotes(b, s, NULL);
	if (st->conflicts) {
		heading(b, _("conflicts:"));
		buf_addf(b, ngettext("%u unresolved (see 'convene conflicts')",
				     "%u unresolved (see 'convene conflicts')", st->conflicts), st->conflicts);
		buf_addc(b, '\n');
	}
	heading(b, _("problems:"));
	if (!st->errors && !st->warnings) {
		buf_addf(b, "%s\n", _("none"));
	} else {
		struct buf p = BUF_INIT;

		describe_problems(&p, st->errors, st->warnings);
		/* TRANSLATORS: %s is "1 error, 0 warnings" */
		buf_addf(b, _("%s (see 'convene validate')"), buf_str(&p));
		buf_addc(b, '\n');
		if (buf_failed(&p))
			b->failed = 1;
		buf_release(&p);
	}
}

int cmd_status(int argc, char **argv, struct store *s)
{
	struct status st;
	struct diags d = { 0 };
	struct scan_stats stats;
	struct buf b = BUF_INIT;
	struct err err;
	int json, rc;

	if ((rc = read_options(argc, argv, "status", 0, &json)) != 0)
		return rc;
	err_clear(&err);
	if (status_init(&st) < 0) {
		status_release(&st);
		return out_of_memory();
	}
	if (scan_initiative(s, &d, &stats, status_visit, &st, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if (st.failed || status_finish(&st, &d) < 0) {
		rc = out_of_memory();
		goto done;
	}
	if (json)
		status_json(&b, &st, &d, s);
	else
		status_text(&b, &st, s);
	rc = put_out(&b);
	if (rc == EXIT_OK && d.errors)
		rc = EXIT_DATA;
done:
	buf_release(&b);
	diags_release(&d);
	status_release(&st);
	return rc;
}

/* ---- fmt ---- */

int cmd_fmt(int argc, char **argv, struct store *s)
{
	const struct cmd *me = cmd_find("fmt");
	int check = 0, drop = 0, c, rc = EXIT_OK, error;
	char **files = NULL, *data, dir[32], id[72];
	size_t n = 0, i, len, changed = 0;
	struct err err;

	optind = 0;
	while ((c = opt_next(fmt_opts, argc, argv)) != -1) {
		if (c == 'c')
			check = 1;
		else if (c == 'd')
			drop = 1;
		else
			return option_error(me, c, argv);
	}
	err_clear(&err);
	/* a set running meanwhile must not have its edit rewritten away */
	if (!check && store_lock(s, 3000, &err) < 0)
		return report(NULL, &err);
	if (optind < argc) {
		files = argv + optind;
		n = (size_t)(argc - optind);
	} else if ((error = store_list(s, &files, &n, &err)) < 0) {
		return report(NULL, &err);
	}
	for (i = 0; i < n; i++) {
		struct buf out = BUF_INIT;
		struct doc *doc = NULL;

		err_clear(&err);
		if (optind < argc && !layout_file(files[i], dir, sizeof(dir), id, sizeof(id))) {
			fputs("convene: error: ", stderr);
			fprintf(stderr, _("'%s' is not a file of the initiative"), files[i]);
			fputc('\n', stderr);
			rc = EXIT_USAGE;
			continue;
		}
		if ((error = store_read(s, files[i], &data, &len, &err)) < 0) {
			rc = report(files[i], &err);
			continue;
		}
		error = doc_load(&doc, data, len, &err);
		if (error < 0) {
			report(files[i], &err);
			rc = EXIT_DATA;
		} else if ((schema_normalize(doc, files[i]), doc_emit(&out, doc)) < 0) {
			rc = out_of_memory();
		} else if (out.len != len || memcmp(out.ptr ? out.ptr : "", data, len)) {
			if (doc->comments && !drop) {
				fprintf(stderr, "%s:%u:%u: error: %s\n", files[i], doc->comment_line,
					doc->comment_col, _("the file holds comments, which fmt would drop"));
				fprintf(stderr, "convene: hint: %s\n",
					_("move them into a field such as notes, or run 'convene fmt --drop-comments'"));
				rc = EXIT_DATA;
			} else if (check) {
				printf("%s\n", files[i]);
				changed++;
				rc = rc == EXIT_OK ? EXIT_DATA : rc;
			} else if ((error = store_write(s, files[i], out.ptr, out.len, &err)) < 0) {
				rc = report(files[i], &err);
			} else {
				note(_("formatted %s"), files[i]);
				changed++;
			}
		}
		buf_release(&out);
		doc_free(doc);
		free(data);
	}
	if (check && changed)
		note(ngettext("%zu file is not in canonical form; run 'convene fmt'",
			      "%zu files are not in canonical form; run 'convene fmt'", changed), changed);
	else if (changed)
		note("%s", _("fmt does not commit: review the change with 'git diff', then commit it"));
	if (files && optind >= argc)
		store_list_free(files, n);
	return rc;
}
