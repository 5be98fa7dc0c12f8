/*
 * The man pages, from the same tables as --help: `convene help --man
 * COMMAND [FILE]` prints convene-COMMAND(1) as roff, FILE
 * (doc/commands/COMMAND.txt) adding the description, examples and
 * related pages that no table holds; `convene help --man` prints the
 * list of commands that convene(1) splices into doc/convene.1.  The
 * Makefile runs both into build/man/ (scripts/man.sh).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "core/manpage.h"

/* The options of a table, for the page (NULL with *n 0 when none);
 * the caller frees them. */
static struct man_opt *man_opts(const struct opt *o, size_t *n, int *oom)
{
	struct man_opt *v;
	size_t i, k = 0;

	*n = 0;
	while (o && o[k].key)
		k++;
	if (!k)
		return NULL;
	if (!(v = calloc(k, sizeof(*v)))) {
		*oom = 1;
		return NULL;
	}
	for (i = 0; i < k; i++) {
		v[i].letter = o[i].letter;
		v[i].name = o[i].name;
		v[i].arg = o[i].arg;
		v[i].help = o[i].help;
	}
	*n = k;
	return v;
}

/* The page of c, from its tables (core/manpage.c builds it). */
static int page(struct buf *b, const struct cmd *c, const struct man_text *t, const char *version)
{
	const struct help *h = c->help;
	struct man_page p = { c->name, c->summary, version, h->about, h->after, NULL, 0, 0, NULL, 0 };
	struct man_form *f = NULL, one = { NULL, h->synopsis, NULL, 0 };
	struct man_opt *opts = NULL;
	size_t n = 0, i;
	int oom = 0;

	if (h->subs) {
		while (h->subs[n].name)
			n++;
		if (!(f = calloc(n ? n : 1, sizeof(*f))))
			return out_of_memory();
		for (i = 0; i < n; i++) {
			f[i].sub = h->subs[i].name;
			f[i].synopsis = h->subs[i].synopsis;
			f[i].opts = man_opts(h->subs[i].opts, &f[i].nopts, &oom);
		}
		p.forms = f;
		p.nforms = n;
		p.subcommands = 1;
	} else {
		p.forms = &one;
		p.nforms = 1;
		p.opts = opts = man_opts(h->opts, &p.nopts, &oom);
	}
	if (!oom)
		manpage_write(b, &p, t);
	for (i = 0; i < n; i++)
		free((void *)f[i].opts);
	free(f);
	free(opts);
	return oom ? out_of_memory() : EXIT_OK;
}

static int slurp(struct buf *out, const char *path)
{
	char chunk[8192];
	size_t n;
	int bad;
	FILE *f = fopen(path, "rb");

	if (!f) {
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, _("cannot open '%s': %s"), path, strerror(errno));
		fputc('\n', stderr);
		return EXIT_USAGE;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	bad = ferror(f);
	fclose(f);
	if (bad) {
		fprintf(stderr, "convene: error: ");
		fprintf(stderr, _("cannot read '%s'"), path);
		fputc('\n', stderr);
		return EXIT_INTERNAL;
	}
	return buf_failed(out) ? out_of_memory() : EXIT_OK;
}

/* The list convene(1) shows: each command, its page and its summary. */
static int index_of_commands(struct buf *b)
{
	struct man_entry *v;
	size_t n = 0, i;

	while (commands[n].name)
		n++;
	if (!(v = calloc(n ? n : 1, sizeof(*v))))
		return out_of_memory();
	for (i = 0; i < n; i++) {
		v[i].name = commands[i].name;
		v[i].summary = commands[i].summary;
	}
	manpage_index(b, v, n);
	free(v);
	return EXIT_OK;
}

int help_man(const struct cmd *c, const char *file, const char *version)
{
	struct buf text = BUF_INIT, b = BUF_INIT;
	struct man_text t = { NULL, NULL, NULL, NULL };
	int rc = EXIT_OK;

	if (!c) {
		if ((rc = index_of_commands(&b)) != EXIT_OK)
			goto done;
	} else {
		if (file && (rc = slurp(&text, file)) != EXIT_OK)
			goto done;
		if (file && man_text_parse(&t, text.ptr ? text.ptr : "", text.len) < 0) {
			rc = out_of_memory();
			goto done;
		}
		if ((rc = page(&b, c, &t, version)) != EXIT_OK)
			goto done;
	}
	if (buf_failed(&b))
		rc = out_of_memory();
	else
		rc = put_out(&b);
done:
	man_text_release(&t);
	buf_release(&text);
	buf_release(&b);
	return rc;
}
