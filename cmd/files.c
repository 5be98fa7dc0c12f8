/*
 * The files family: validate, status, fmt.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "store/sync.h"
#include "core/json.h"
#include "core/path.h"
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

static void describe_scan(struct buf *b, const struct scan_stats *st)
{
	static const char *const kinds[][2] = {
		{ "other file", "other files" }, { "initiative", "initiatives" },
		{ "member", "members" }, { "interview", "interviews" },
		{ "meeting", "meetings" }, { "outcome", "outcomes" }
	};
	size_t k;
	int first = 1;

	buf_addf(b, "checked %zu %s", st->files, plural(st->files, "file", "files"));
	for (k = 1; k < 6; k++) {
		if (!st->by_kind[k])
			continue;
		buf_addf(b, "%s%zu %s", first ? " (" : ", ", st->by_kind[k],
			 kinds[k][st->by_kind[k] != 1]);
		first = 0;
	}
	if (!first)
		buf_addc(b, ')');
}

int cmd_validate(int argc, char **argv, struct store *s)
{
	struct diags d = { 0 };
	struct scan_stats st;
	struct buf b = BUF_INIT;
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
		buf_addf(&b, "{\"files\":%zu,\"errors\":%u,\"warnings\":%u,\"problems\":",
			 st.files, d.errors, d.warnings);
		json_diags(&b, &d);
		buf_adds(&b, "}\n");
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

struct meeting_row {
	long number;
	char *date, *status, *title;
	size_t attendees, notes;
};

struct status {
	char *name, *language;
	size_t members, left, interviews_done, interviews_planned;
	char **active;            /* ids of members who have not left */
	size_t nactive;
	struct schema_ids *interviewed;
	struct meeting_row *meetings;
	size_t nmeetings;
	int failed;
};

static const char *scalar(const struct doc_node *n)
{
	return n && n->kind == DOC_SCALAR && !doc_is_null(n) ? n->str : NULL;
}

static void status_visit(void *ctx, const char *file, const struct doc *doc)
{
	struct status *st = ctx;
	const struct doc_node *r = doc->root, *a, *item, *l;
	const char *v;

	if (!r || r->kind != DOC_MAP || (r->flags & DOC_CONFLICT))
		return;
	switch (schema_kind_of(file)) {
	case KIND_INITIATIVE:
		if ((v = scalar(doc_get(r, "name"))))
			st->name = strdup(v);
		if ((v = scalar(doc_get(r, "language"))))
			st->language = strdup(v);
		break;
	case KIND_MEMBER:
		st->members++;
		if (scalar(doc_get(r, "left"))) {
			st->left++;
		} else if ((v = scalar(doc_get(r, "id")))) {
			char **nv = realloc(st->active, (st->nactive + 1) * sizeof(char *));

			if (!nv || !(nv[st->nactive] = strdup(v))) {
				st->failed = 1;
				if (nv)
					st->active = nv;
				return;
			}
			st->active = nv;
			st->nactive++;
		}
		break;
	case KIND_INTERVIEW:
		v = scalar(doc_get(r, "status"));
		if (v && !strcmp(v, "planned")) {
			st->interviews_planned++;
		} else {
			st->interviews_done++;
			if ((v = scalar(doc_get(r, "member"))))
				schema_ids_add(st->interviewed, REF_MEMBER, v);
		}
		break;
	case KIND_MEETING: {
		struct meeting_row *m, *nv;

		nv = realloc(st->meetings, (st->nmeetings + 1) * sizeof(*nv));
		if (!nv) {
			st->failed = 1;
			return;
		}
		st->meetings = nv;
		m = &nv[st->nmeetings++];
		memset(m, 0, sizeof(*m));
		v = scalar(doc_get(r, "number"));
		m->number = v ? strtol(v, NULL, 10) : 0;
		m->date = strdup((v = scalar(doc_get(r, "date"))) ? v : "");
		m->status = strdup((v = scalar(doc_get(r, "status"))) ? v : "");
		m->title = strdup((v = scalar(doc_get(r, "title"))) ? v : "");
		if (!m->title || !m->date || !m->status)
			st->failed = 1;
		if ((a = doc_get(r, "attendees")) && a->kind == DOC_SEQ)
			m->attendees = a->n;
		if ((a = doc_get(r, "agenda")) && a->kind == DOC_SEQ)
			for (item = a->head; item; item = item->next)
				if ((l = doc_get(item, "notes")) && l->kind == DOC_SEQ)
					m->notes += l->n;
		break;
	}
	default:
		break;
	}
}

static void status_release(struct status *st)
{
	size_t i;

	free(st->name);
	free(st->language);
	for (i = 0; i < st->nactive; i++)
		free(st->active[i]);
	free(st->active);
	for (i = 0; i < st->nmeetings; i++) {
		free(st->meetings[i].title);
		free(st->meetings[i].date);
		free(st->meetings[i].status);
	}
	free(st->meetings);
	schema_ids_free(st->interviewed);
}

/* Each remote: how far apart we are, as of the last fetch, and when this
 * site last synced with it (remote.NAME.conveneSynced, set by sync). */
struct remote_rows {
	struct store *s;
	struct buf *b;
	int json;
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
	snprintf(key, sizeof(key), "remote.%s.conveneSynced", name);
	if (store_config_get(r->s, key, synced, sizeof(synced)) < 0)
		synced[0] = '\0';
	if (r->json) {
		buf_adds(r->b, r->n++ ? ",{\"name\":" : "{\"name\":");
		json_str(r->b, name, strlen(name));
		buf_adds(r->b, ",\"url\":");
		json_str(r->b, url, strlen(url));
		buf_addf(r->b, ",\"ahead\":%zu,\"behind\":", ahead);
		if (known)
			buf_addf(r->b, "%zu", behind);
		else
			buf_adds(r->b, "null");
		buf_adds(r->b, ",\"synced\":");
		if (synced[0])
			json_str(r->b, synced, strlen(synced));
		else
			buf_adds(r->b, "null");
		buf_addc(r->b, '}');
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

static void status_remotes(struct buf *b, struct store *s, int json)
{
	struct remote_rows r = { s, b, json, 0 };
	struct err err;

	err_clear(&err);
	if (json)
		buf_adds(b, ",\"remotes\":[");
	store_remote_list(s, remote_row, &r, &err);
	if (json)
		buf_addc(b, ']');
}

static void status_json(struct buf *b, struct status *st, const struct diags *d,
			struct store *s)
{
	const char *site = store_site(s);
	size_t i;
	int first = 1;

	buf_adds(b, "{\"name\":");
	if (st->name)
		json_str(b, st->name, strlen(st->name));
	else
		buf_adds(b, "null");
	buf_adds(b, ",\"language\":");
	if (st->language)
		json_str(b, st->language, strlen(st->language));
	else
		buf_adds(b, "null");
	buf_adds(b, ",\"site\":");
	json_str(b, site, strlen(site));
	buf_addf(b, ",\"members\":{\"total\":%zu,\"active\":%zu,\"left\":%zu}", st->members,
		 st->members - st->left, st->left);
	buf_addf(b, ",\"interviews\":{\"done\":%zu,\"planned\":%zu,\"missing\":[",
		 st->interviews_done, st->interviews_planned);
	for (i = 0; i < st->nactive; i++) {
		if (schema_ids_has(st->interviewed, REF_MEMBER, st->active[i]))
			continue;
		if (!first)
			buf_addc(b, ',');
		first = 0;
		json_str(b, st->active[i], strlen(st->active[i]));
	}
	buf_adds(b, "]},\"meetings\":[");
	for (i = 0; i < st->nmeetings; i++) {
		const struct meeting_row *m = &st->meetings[i];

		buf_addf(b, "%s{\"number\":%ld,\"date\":", i ? "," : "", m->number);
		if (m->date[0])
			json_str(b, m->date, strlen(m->date));
		else
			buf_adds(b, "null");
		buf_adds(b, ",\"status\":");
		json_str(b, m->status, strlen(m->status));
		buf_adds(b, ",\"title\":");
		json_str(b, m->title, strlen(m->title));
		buf_addf(b, ",\"attendees\":%zu,\"notes\":%zu}", m->attendees, m->notes);
	}
	buf_adds(b, "]");
	status_remotes(b, s, 1);
	buf_addf(b, ",\"conflicts\":%u,\"errors\":%u,\"warnings\":%u,\"problems\":",
		 d->conflicts, d->errors, d->warnings);
	json_diags(b, d);
	buf_adds(b, "}\n");
}

static void status_text(struct buf *b, struct status *st, const struct diags *d,
			struct store *s)
{
	const char *site = store_site(s);
	size_t i, missing = 0;

	buf_addf(b, "initiative: %s (%s)%s%s\n", st->name ? st->name : "(no name)",
		 st->language ? st->language : "?", site[0] ? ", site " : "", site);
	buf_addf(b, "members:    %zu active", st->members - st->left);
	if (st->left)
		buf_addf(b, ", %zu left", st->left);
	buf_adds(b, "\ninterviews: ");
	buf_addf(b, "%zu done, %zu planned", st->interviews_done, st->interviews_planned);
	for (i = 0; i < st->nactive; i++) {
		if (schema_ids_has(st->interviewed, REF_MEMBER, st->active[i]))
			continue;
		buf_adds(b, missing++ ? ", " : "; missing: ");
		buf_adds(b, st->active[i]);
	}
	buf_addf(b, "\nmeetings:   %zu\n", st->nmeetings);
	for (i = 0; i < st->nmeetings; i++) {
		const struct meeting_row *m = &st->meetings[i];

		buf_addf(b, "  %03ld  %-10s  %-9s  %zu attending, %zu notes  %s\n", m->number,
			 m->date[0] ? m->date : "-", m->status, m->attendees, m->notes, m->title);
	}
	status_remotes(b, s, 0);
	if (d->conflicts)
		buf_addf(b, "conflicts:  %u unresolved (see 'convene conflicts')\n", d->conflicts);
	if (!d->errors && !d->warnings)
		buf_adds(b, "problems:   none\n");
	else
		buf_addf(b, "problems:   %u %s, %u %s (see 'convene validate')\n", d->errors,
			 plural(d->errors, "error", "errors"), d->warnings,
			 plural(d->warnings, "warning", "warnings"));
}

int cmd_status(int argc, char **argv, struct store *s)
{
	struct status st = { 0 };
	struct diags d = { 0 };
	struct scan_stats stats;
	struct buf b = BUF_INIT;
	struct err err;
	int json, rc;

	if ((rc = read_options(argc, argv, "status", 0, &json)) != 0)
		return rc;
	err_clear(&err);
	if (!(st.interviewed = schema_ids_new()))
		return out_of_memory();
	if (scan_initiative(s, &d, &stats, status_visit, &st, &err) < 0) {
		rc = report(NULL, &err);
		goto done;
	}
	if (st.failed) {
		err_set(&err, ERR_NOMEM, 0, 0, "out of memory");
		rc = report(NULL, &err);
		goto done;
	}
	if (json)
		status_json(&b, &st, &d, s);
	else
		status_text(&b, &st, &d, s);
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
		if (optind < argc && !path_is_layout_file(files[i], dir, sizeof(dir), id, sizeof(id))) {
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
