/*
 * What the command files share: messages, exit codes, colour, JSON of
 * diagnostics, option checks and small helpers.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <time.h>

#include "cmd.h"
#include "i18n.h"
#include "core/json.h"
#include "core/path.h"
#include "core/text.h"
#include "core/tz.h"
#include "store/sync.h"

int exit_code(int error)
{
	switch (error) {
	case 0: return EXIT_OK;
	case ERR_DATA: case ERR_NOTFOUND: return EXIT_DATA;
	case ERR_USAGE: return EXIT_USAGE;
	case ERR_UNREACHABLE: return EXIT_UNREACHABLE;
	case ERR_REFUSED: return EXIT_REFUSED;
	default: return EXIT_INTERNAL;
	}
}

const char *color(FILE *stream, const char *code)
{
	const char *nc = getenv("NO_COLOR");

	if ((nc && nc[0]) || !isatty(fileno(stream)))
		return "";
	return code;
}

int report(const char *file, const struct err *err)
{
	const char *red = color(stderr, "\033[31m"), *off = red[0] ? "\033[m" : "";

	if (file && err->line)
		fprintf(stderr, "%s:%u:%u: %serror%s: %s\n", file, err->line, err->col, red, off,
			err->msg);
	else if (file)
		fprintf(stderr, "convene: %serror%s: %s: %s\n", red, off, file, err->msg);
	else
		fprintf(stderr, "convene: %serror%s: %s\n", red, off, err->msg);
	if (err->hint[0])
		fprintf(stderr, "convene: hint: %s\n", err->hint);
	return exit_code(err->code);
}

int usage_error(const struct cmd *c, const char *fmt, ...)
{
	va_list ap;

	fputs("convene: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c)
		print_usage_line(stderr, c);
	return EXIT_USAGE;
}

int option_error(const struct cmd *c, int opt, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";

	/* an unknown letter amid others (-qx): getopt_long is still on it */
	if (optopt && strncmp(arg, "--", 2) && (strlen(arg) != 2 || arg[1] != optopt)) {
		if (opt == ':')
			return usage_error(c, _("-%c needs a value"), optopt);
		return usage_error(c, _("unknown option -%c"), optopt);
	}
	if (opt == ':')
		return usage_error(c, _("%.*s needs a value"), (int)strcspn(arg, "="), arg);
	if (optopt && strchr(arg, '='))
		return usage_error(c, _("%.*s takes no value"), (int)strcspn(arg, "="), arg);
	return usage_error(c, _("unknown option %s"), arg);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	fputs("convene: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void show_transfer(const char *what, size_t done, size_t total, size_t bytes)
{
	fputc('\r', stderr);
	/* TRANSLATORS: the progress of a transfer, on a terminal */
	fprintf(stderr, !strcmp(what, "sending") ? _("sending objects: %3zu%% (%zu/%zu), %.1f KiB")
						 : _("receiving objects: %3zu%% (%zu/%zu), %.1f KiB"),
		done * 100 / (total ? total : 1), done, total, bytes / 1024.0);
}

void print_diag(FILE *f, const struct diag *d)
{
	const char *c = color(f, d->level == DIAG_ERROR ? "\033[31m" : "\033[33m");

	fprintf(f, "%s:%u:%u: %s%s%s: %s\n", d->file, d->line, d->col, c,
		d->level == DIAG_ERROR ? "error" : "warning", c[0] ? "\033[m" : "", d->msg);
}

void json_diags(struct json_w *w, const char *key, const struct diags *d)
{
	size_t i;

	jw_lines(w, key);
	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		jw_object(w, NULL);
		jw_str(w, "file", g->file);
		jw_uint(w, "line", g->line);
		jw_uint(w, "col", g->col);
		jw_str(w, "level", g->level == DIAG_ERROR ? "error" : "warning");
		jw_str(w, "message", g->msg);
		jw_end(w);
	}
	jw_end(w);
}

int put_out(const struct buf *b)
{
	if (buf_failed(b))
		return out_of_memory();
	if (b->len && fwrite(b->ptr, 1, b->len, stdout) != b->len) {
		fprintf(stderr, "convene: error: %s\n", _("cannot write the output"));
		return EXIT_INTERNAL;
	}
	return EXIT_OK;
}

int read_stdin(struct buf *out, size_t limit, struct err *err)
{
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0) {
		buf_add(out, chunk, n);
		if (out->len > limit)
			return err_set(err, ERR_USAGE, 0, 0, "the input is larger than %zu bytes", limit);
	}
	if (ferror(stdin))
		return err_set(err, ERR_INTERNAL, 0, 0, "cannot read standard input");
	if (buf_failed(out))
		return err_set(err, ERR_NOMEM, 0, 0, "%s", _("out of memory"));
	return 0;
}

int out_of_memory(void)
{
	fprintf(stderr, "convene: error: %s\n", _("out of memory"));
	return EXIT_INTERNAL;
}

int read_options(int argc, char **argv, const char *name, int nargs, int *json)
{
	const struct cmd *me = cmd_find(name);
	int c;

	*json = 0;
	optind = 0;
	while ((c = opt_next(opts_json, argc, argv)) != -1) {
		if (c != 'j')
			return option_error(me, c, argv);
		*json = 1;
	}
	if (argc - optind != nargs) {
		if (!nargs)
			return usage_error(me, _("%s takes no arguments"), name);
		return usage_error(me, ngettext("%s takes %d argument", "%s takes %d arguments", nargs),
				   name, nargs);
	}
	return 0;
}

int now_stamp(char *out, size_t size)
{
	const char *fixed = getenv("CONVENE_NOW");
	char zone[8];
	struct tm tm;
	time_t t;

	/* for reproducible examples and tests: CONVENE_NOW=2026-02-01T17:05:00+02:00 */
	if (fixed && *fixed) {
		snprintf(out, size, "%s", fixed);
		return 0;
	}
	t = time(NULL);
	if (!localtime_r(&t, &tm))
		return -1;
	strftime(zone, sizeof(zone), "%z", &tm);  /* +0200 */
	snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d%.3s:%.2s", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, zone, zone + 3);
	return 0;
}

void today(char *out)
{
	char stamp[40];

	now_stamp(stamp, sizeof(stamp));
	snprintf(out, 11, "%.10s", stamp);
}

int meeting_file(char *out, size_t size, const char *arg)
{
	long n = layout_meeting_number(arg);

	if (!n)
		return -1;
	layout_meeting_file(out, size, n);
	return 0;
}

int check_option(enum schema_kind kind, const char *opt, const char *value, const char *field,
		 const struct schema_ids *ids)
{
	struct err err;

	err_clear(&err);
	if (schema_check_option(kind, field, value, opt, ids, &err) == 0)
		return 0;
	return report(NULL, &err);
}

int check_options(enum schema_kind kind, const struct optfield *v, size_t n,
		  const struct schema_ids *ids)
{
	size_t i;
	int rc;

	for (i = 0; i < n; i++)
		if ((rc = check_option(kind, v[i].opt, v[i].value, v[i].field, ids)) != 0)
			return rc;
	return 0;
}

const char *acting_member(struct store *s, const char *by, char *buf, size_t size,
			  const char **from)
{
	*from = "--by";
	if (by)
		return by;
	*from = "convene.member";
	if (store_config_get(s, "convene.member", buf, size) == 0 && buf[0])
		return buf;
	return NULL;
}

int once(const struct cmd *c, const char **slot, const char *opt, const char *value)
{
	if (*slot)
		return usage_error(c, _("%s is given twice ('%s', then '%s'); give it once"), opt,
				   *slot, value);
	*slot = value;
	return 0;
}

void pad(struct buf *b, const char *s, size_t width)
{
	size_t n = text_chars(s, strlen(s));

	buf_adds(b, s);
	while (n++ < width)
		buf_addc(b, ' ');
}

char *tz_read_system(size_t *len)
{
	const char *dir = getenv("TZDIR");
	char path[4200];
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *f;

	/* TZDIR as the C library reads it: where the zone files are */
	snprintf(path, sizeof(path), "%s/tzdata.zi", dir && *dir ? dir : "/usr/share/zoneinfo");
	if (!(f = fopen(path, "r")))
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.len < (4u << 20))
		buf_add(&b, chunk, n);
	if (ferror(f) || buf_failed(&b)) {
		fclose(f);
		buf_release(&b);
		return NULL;
	}
	fclose(f);
	return buf_detach(&b, len);
}
