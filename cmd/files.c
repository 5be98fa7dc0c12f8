/*
 * The files family: validate, status, fmt.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store/sync.h"
#include "core/json.h"
#include "core/layout.h"
#include "core/status.h"
#include "core/text.h"

const struct help help_validate = {
	"[--json]",
	"Checks every file of the initiative: YAML syntax, fields, types, ids and\n"
	"references between files.  Prints every problem as file:line:col, sorted\n"
	"by file and line.  Exit 1 if any error.\n",
	opts_json, NULL,
	NULL
};

const struct help help_status = {
	"[--json]",
	"Members, interviews done and missing, meetings; for each remote the\n"
	"commits to push and to fetch (as of the last sync) and when this site\n"
	"last synced with it; unresolved conflicts and the problems found.\n",
	opts_json, NULL,
	NULL
};

static const struct opt fmt_opts[] = {
	{ 'c', "check", NULL, "change nothing; list files that are not canonical, exit 1 if any", 0 },
	{ 'd', "drop-comments", NULL, "rewrite files that hold comments too (the comments are lost)", 0 },
	OPT_END
};

const struct help help_fmt = {
	"[--check] [--drop-comments] [FILE...]",
	"Rewrites the initiative's files in the form convene writes them: 2-space\n"
	"block style, multi-line text as literal blocks, quotes only where a YAML\n"
	"reader would misread the text, text fields as text, date fields as dates,\n"
	"numbers in one form (007 is 7, .5 is 0.5).\n",
	fmt_opts, NULL,
	NULL
};

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void describe_count(struct buf *b, size_t n, const char *one, const char *many,
			   int *first)
{
	if (!n)
		return;
	buf_addf(b, "%s%zu %s", *first ? " (" : ", ", n, plural(n, one, many));
	*first = 0;
}

static void describe_scan(struct buf *b, const struct scan_stats *st)
{
	const struct layout_folder *f;
	int first = 1;

	buf_addf(b, "checked %zu %s", st->files, plural(st->files, "file", "files"));
	describe_count(b, st->by_kind[KIND_INITIATIVE], "initiative", "initiatives", &first);
	/* a folder is named by the plural of its kind: "2 members", "1 meeting" */
	for (f = layout_folders; f->name; f++)
		describe_count(b, st->by_kind[f->kind], schema_kind_name(f->kind), f->name, &first);
	if (!first)
		buf_addc(b, ')');
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
		describe_scan(&b, &st);
		if (!d.n)
			note("%s: no problems", buf_str(&b));
		else
			note("%s: %u %s, %u %s", buf_str(&b), d.errors,
			     plural(d.errors, "error", "errors"), d.warnings,
			     plural(d.warnings, "warning", "warnings"));
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
		buf_adds(r->b, "remotes:\n");
	buf_addf(r->b, "  %-10s ", name);
	if (known)
		buf_addf(r->b, "%zu to push, %zu to fetch (as of the last sync)", ahead, behind);
	else
		buf_addf(r->b, "never fetched; %zu commit%s to push", ahead, ahead == 1 ? "" : "s");
	buf_addf(r->b, "; last synced %s\n", synced[0] ? synced : "never");
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

static void status_text(struct buf *b, const struct status *st, struct store *s)
{
	const char *site = store_site(s);
	size_t i;

	buf_addf(b, "initiative: %s (%s)%s%s\n", st->name ? st->name : "(no name)",
		 st->language ? st->language : "?", site[0] ? ", site " : "", site);
	buf_addf(b, "members:    %zu active", st->active);
	if (st->left)
		buf_addf(b, ", %zu left", st->left);
	/* shown once there are some, as "left" is */
	if (st->subgroups)
		buf_addf(b, "\nsubgroups:  %zu", st->subgroups);
	if (st->partners)
		buf_addf(b, "\npartners:   %zu", st->partners);
	buf_adds(b, "\ninterviews: ");
	buf_addf(b, "%zu done, %zu planned", st->interviews_done, st->interviews_planned);
	for (i = 0; i < st->nmissing; i++) {
		buf_adds(b, i ? ", " : "; missing: ");
		buf_adds(b, st->missing[i]);
	}
	buf_addf(b, "\nmeetings:   %zu\n", st->nmeetings);
	for (i = 0; i < st->nmeetings; i++) {
		const struct status_meeting *m = &st->meetings[i];

		buf_addf(b, "  %03ld  %-10s  %-9s  %zu attending, %zu notes  %s\n", m->number,
			 m->date[0] ? m->date : "-", m->status, m->attendees, m->notes, m->title);
	}
	status_remotes(b, s, NULL);
	if (st->conflicts)
		buf_addf(b, "conflicts:  %u unresolved (see 'convene conflicts')\n", st->conflicts);
	if (!st->errors && !st->warnings)
		buf_adds(b, "problems:   none\n");
	else
		buf_addf(b, "problems:   %u %s, %u %s (see 'convene validate')\n", st->errors,
			 plural(st->errors, "error", "errors"), st->warnings,
			 plural(st->warnings, "warning", "warnings"));
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
		err_set(&err, ERR_NOMEM, 0, 0, "out of memory");
		rc = report(NULL, &err);
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
			fprintf(stderr, "convene: error: '%s' is not a file of the initiative\n", files[i]);
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
				fprintf(stderr, "%s:%u:%u: error: the file holds comments, which fmt would drop\n",
					files[i], doc->comment_line, doc->comment_col);
				fprintf(stderr, "convene: hint: move them into a field such as notes, or run 'convene fmt --drop-comments'\n");
				rc = EXIT_DATA;
			} else if (check) {
				printf("%s\n", files[i]);
				changed++;
				rc = rc == EXIT_OK ? EXIT_DATA : rc;
			} else if ((error = store_write(s, files[i], out.ptr, out.len, &err)) < 0) {
				rc = report(files[i], &err);
			} else {
				note("formatted %s", files[i]);
				changed++;
			}
		}
		buf_release(&out);
		doc_free(doc);
		free(data);
	}
	if (check && changed)
		note("%zu %s not in canonical form; run 'convene fmt'", changed,
		     changed == 1 ? "file is" : "files are");
	else if (changed)
		note("fmt does not commit: review the change with 'git diff', then commit it");
	if (files && optind >= argc)
		store_list_free(files, n);
	return rc;
}
