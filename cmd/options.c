/*
 * Options and help from one table per command: opt_next() parses with the
 * table, print_help() lists it, so --help cannot name an option that is
 * not parsed, nor the parser take one that --help does not name.
 */
#include <getopt.h>
#include <string.h>

#include "cmd.h"
#include "core/text.h"
#include "i18n.h"

const struct opt opts_json[] = {
	{ 'j', "json", NULL, N_("print JSON, for scripts"), 0 },
	OPT_END
};

/* getopt_long()'s view of a table: rebuilt on each call (a table is a
 * few entries; the parser keeps no pointer into it between calls). */
#define OPT_MAX 32

static int next(const struct opt *opts, int argc, char **argv, int ordered)
{
	const struct opt *table = opts;
	int r;
	static struct option lo[OPT_MAX + 1];
	static char shorts[2 * OPT_MAX + 3];
	size_t n = 0, k = 0;

	if (ordered)
		shorts[k++] = '+';  /* the first operand ends the options */
	shorts[k++] = ':';  /* getopt prints nothing: option_error() does */
	/* a table is a dozen entries; OPT_MAX bounds both arrays */
	for (; opts->key && n < OPT_MAX && k < sizeof(shorts) - 3; opts++) {
		if (opts->name) {
			lo[n].name = opts->name;
			lo[n].has_arg = opts->arg ? required_argument : no_argument;
			lo[n].flag = NULL;
			lo[n].val = opts->key;
			n++;
		}
		if (opts->letter) {
			shorts[k++] = opts->letter;
			if (opts->arg)
				shorts[k++] = ':';
		}
	}
	memset(&lo[n], 0, sizeof(lo[n]));
	shorts[k] = '\0';
	r = getopt_long(argc, argv, shorts, lo, NULL);
	/* a data option, whatever abbreviation (--js) getopt took for it:
	 * the run is not translated (i18n.h) */
	for (; r > 0 && table->key; table++)
		if (table->key == r && table->name &&
		    i18n_data_option(table->name, strlen(table->name)))
			i18n_data_output();
	return r;
}

int opt_next(const struct opt *opts, int argc, char **argv)
{
	return next(opts, argc, argv, 0);
}

int opt_next_ordered(const struct opt *opts, int argc, char **argv)
{
	return next(opts, argc, argv, 1);
}

/* "usage: convene NAME " or the same width of spaces, then each form of
 * the synopsis; a line starting with a space goes on with the form above
 * it, under its first argument. */
static void put_forms(struct buf *b, const char *name, const char *sub, const char *synopsis)
{
	/* TRANSLATORS: before the first form of a command's usage; the
	 * forms below it are indented by as many characters */
	const char *usage = _("usage: ");
	const char *p = synopsis, *nl;
	size_t width = 0, at, indent = text_chars(usage, strlen(usage));

	if (!*p)
		p = "\n";	/* a form with no arguments: "convene key show" */
	while (*p) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		if (*p == ' ') {
			buf_addf(b, "%*s%.*s\n", (int)width, "", (int)(nl - p - 1), p + 1);
		} else {
			if (b->len)
				buf_addf(b, "%*s", (int)indent, "");
			else
				buf_adds(b, usage);
			at = b->len;
			buf_addf(b, "convene %s%s%s", name, sub ? " " : "", sub ? sub : "");
			if (nl > p)
				buf_addc(b, ' ');
			/* in characters: "usage: " may be Hebrew */
			width = indent + (b->len - at);
			buf_addf(b, "%.*s\n", (int)(nl - p), p);
		}
		p = *nl ? nl + 1 : nl;
	}
}

static void synopsis(struct buf *b, const struct cmd *c)
{
	const struct subcmd *t;

	if (c->help->subs)
		for (t = c->help->subs; t->name; t++)
			put_forms(b, c->name, t->name, t->synopsis);
	else
		put_forms(b, c->name, NULL, c->help->synopsis);
}

void print_usage_line(FILE *f, const struct cmd *c)
{
	struct buf b = BUF_INIT;
	const char *nl;

	synopsis(&b, c);
	if (!buf_failed(&b) && (nl = memchr(b.ptr, '\n', b.len)))
		fprintf(f, "%.*s\n", (int)(nl - b.ptr), b.ptr);
	buf_release(&b);
}

/* Whether o, of subcommand in, was listed already: in a family, an
 * option of an earlier subcommand by the same name (every list and show
 * takes --json: it is listed once). */
static int listed_before(const struct subcmd *subs, const struct subcmd *in, const struct opt *o)
{
	const struct subcmd *t;
	const struct opt *p;

	for (t = subs; t < in; t++)
		for (p = t->opts; p && p->key; p++)
			if (o->name ? p->name && !strcmp(p->name, o->name) : p->letter == o->letter)
				return 1;
	return 0;
}

/* A text of a table in the user's language, once it has a translation
 * (gettext("") would be the catalogue's header). */
static const char *text(const char *s)
{
	return s && *s ? _(s) : s;
}

/* "  -q, --quiet         no progress": the help of each line starts at
 * column 22, on the next line when the option is wider. */
static void put_opts(struct buf *b, const struct opt *o, const struct subcmd *subs,
		     const struct subcmd *in)
{
	const char *h, *nl;
	size_t at;

	for (; o && o->key; o++) {
		if (subs && listed_before(subs, in, o))
			continue;
		h = text(o->help);
		at = b->len;
		if (o->letter)
			buf_addf(b, "  -%c%s", o->letter, o->name ? "," : "");
		else
			buf_adds(b, " ");
		if (o->name)
			buf_addf(b, " --%s", o->name);
		if (o->arg)
			buf_addf(b, " %s", o->arg);
		if (b->len - at > 20)
			buf_addf(b, "\n%20s", "");
		else
			buf_addf(b, "%*s", (int)(20 - (b->len - at)), "");
		for (; ; h = nl + 1) {
			nl = strchr(h, '\n');
			buf_addf(b, "  %.*s\n", nl ? (int)(nl - h) : (int)strlen(h), h);
			if (!nl)
				break;
			buf_addf(b, "%20s", "");
		}
	}
}

int print_help(FILE *f, const struct cmd *c)
{
	const struct help *h = c->help;
	const struct subcmd *t;
	struct buf b = BUF_INIT;
	size_t at;
	int rc;

	synopsis(&b, c);
	if (h->about)
		buf_addf(&b, "\n%s", text(h->about));
	at = b.len;
	buf_addc(&b, '\n');
	if (h->subs)
		for (t = h->subs; t->name; t++)
			put_opts(&b, t->opts, h->subs, t);
	else
		put_opts(&b, h->opts, NULL, NULL);
	if (b.len == at + 1)
		b.len = at;
	if (h->after)
		buf_addf(&b, "\n%s", text(h->after));
	if (buf_failed(&b)) {
		buf_release(&b);
		return out_of_memory();
	}
	rc = fwrite(b.ptr, 1, b.len, f) == b.len ? EXIT_OK : EXIT_INTERNAL;
	buf_release(&b);
	return rc;
}

int print_options(FILE *f, const struct cmd *c, const char *sub)
{
	const struct opt *o = c->help->opts;
	const struct subcmd *t;

	if (c->help->subs) {
		for (t = c->help->subs; t->name; t++)
			if (sub && !strcmp(t->name, sub))
				break;
		if (!t->name)
			return -1;
		o = t->opts;
	} else if (sub) {
		return -1;
	}
	for (; o && o->key; o++) {
		if (o->letter)
			fprintf(f, "-%c%s", o->letter, o->name ? "," : "");
		if (o->name)
			fprintf(f, "--%s", o->name);
		fprintf(f, "%s%s\n", o->arg ? " " : "", o->arg ? o->arg : "");
	}
	return 0;
}
