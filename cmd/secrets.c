/*
 * The user's identity and the values that did not open, as every command
 * that shows or seals a confidential interview says them (secrets.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "core/interviews.h"
#include "i18n.h"
#include "core/layout.h"
#include "secrets.h"
#include "store/identity.h"

static void say(const char *what, const char *fmt, va_list ap)
{
	fprintf(stderr, "convene: %s: ", what);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void say_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("error", fmt, ap);
	va_end(ap);
}

void say_hint(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say("hint", fmt, ap);
	va_end(ap);
}

int user_identity_at(struct store *s, struct age_identity **ids, size_t *n, struct err *why,
		     char *path, size_t size)
{
	int error;

	*ids = NULL;
	*n = 0;
	err_clear(why);
	if (age_init() != 0) {
		err_set(why, ERR_INTERNAL, 0, 0, "%s", _("libsodium does not start"));
		return report(NULL, why);
	}
	error = identity_load(s, ids, n, path, size, why);
	if (error == ERR_NOTFOUND) {
		*ids = NULL;
		*n = 0;
		return 0;
	}
	if (error < 0)
		return report(NULL, why);
	return 0;
}

int user_identity(struct store *s, struct age_identity **ids, size_t *n, struct err *why)
{
	char path[4096];

	return user_identity_at(s, ids, n, why, path, sizeof(path));
}

/* What secret_strerror() says, for xgettext: printed through _(). */
static const char *const failure_words[] = {
	N_("sealed for another place (moved from another field or file)"),
	N_("no identity to open it with"),
	N_("authentication failed: the sealed text was changed or cut short"),
	N_("authentication failed: the header was changed after it was sealed"),
	N_("authentication failed: the age header is damaged"),
	N_("authentication failed: not a well-formed armored age file (changed or cut short)"),
	N_("sealed for a kind of key convene does not use (a passphrase or a plugin)"),
	N_("not readable with your key"),
	N_("unknown age error"),
};

/* Why a value did not open, in the user's language. */
static const char *failure_why(int status)
{
	const char *s = secret_strerror(status);
	size_t i;

	for (i = 0; i < sizeof(failure_words) / sizeof(failure_words[0]); i++)
		if (!strcmp(failure_words[i], s))
			return _(failure_words[i]);
	return s;
}

void say_failures(const char *file, const struct secret_failures *f, const char *after)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		const struct secret_failure *x = &f->v[i];

		fprintf(stderr, "%s:%u:%u: error: %s: %s", file, x->line, x->col, x->path,
			failure_why(x->status));
		if (x->status == SECRET_MOVED && x->found[0])
			fprintf(stderr, _(" (it says it belongs to %s)"), x->found);
		if (after)
			fputs(after, stderr);
		fputc('\n', stderr);
	}
}

void say_unopened(const char *file, const struct secret_failures *f, const struct err *why)
{
	size_t i;
	int nokey = 0, notus = 0;

	say_failures(file, f, NULL);
	for (i = 0; i < f->n; i++) {
		nokey |= f->v[i].status == SECRET_NO_KEY;
		notus |= f->v[i].status == AGE_NOT_FOR_US;
	}
	if (nokey && why && why->msg[0])
		say_hint("%s; %s", why->msg, why->hint[0] ? why->hint : _("convene key new makes one"));
	else if (notus)
		say_hint("%s", _("only the readers can open them (convene readers list); a reader can add you with convene readers add YOU"));
	else if (f->n)
		say_hint(_("take the value from a commit that holds it whole (convene history %s:FIELD), or ask a reader to write it anew"),
			 file);
}

/* The text shown in place of a value that did not open. */
static void placeholder(struct store *s, char *out, size_t size)
{
	char who[300];

	readers_of(s, who, sizeof(who));
	snprintf(out, size, "confidential — readable by %s", who[0] ? who : "no one yet");
}

/* Says that file stays closed: the user has no identity, at path. */
static void say_no_identity(const char *file, const char *path)
{
	fprintf(stderr, _("%s is confidential and you have no key to open it: no age identity at '%s'"),
		file, path);
	fputc('\n', stderr);
	say_hint("%s", _("make one with 'convene key new' (or 'age-keygen -o FILE' and 'git config --global convene.identity FILE'); a reader then puts you in with 'convene readers add YOU'"));
}

/* The user's identities for reading; none when there is no identity or
 * the file is refused (said, its exit code in *refused). */
static void reading_identity(struct store *s, struct age_identity **ids, size_t *nids,
			     int *refused, struct err *why, char *path, size_t size)
{
	int rc;

	if ((rc = user_identity_at(s, ids, nids, why, path, size)) != 0) {
		*ids = NULL;
		*nids = 0;  /* said: shown as confidential */
		if (refused)
			*refused = rc;
	}
}

long open_for_reading(struct store *s, struct doc *doc, const char *file, int *refused,
		      struct err *why)
{
	struct age_identity *ids = NULL;
	struct secret_failures f = { 0 };
	struct err own;
	char text[400], path[4096];
	size_t nids = 0;
	long left;
	int rc = 0;

	if (!why)
		why = &own;
	err_clear(why);
	if (!doc->root || !interview_confidential(doc->root))
		return 0;
	reading_identity(s, &ids, &nids, &rc, why, path, sizeof(path));
	if (refused && rc)
		*refused = rc;
	placeholder(s, text, sizeof(text));
	left = secret_open_for_show(doc, file, ids, nids, text, &f);
	age_identities_free(ids, nids);
	if (left > 0 && why->code == ERR_NOTFOUND)
		say_no_identity(file, path);
	/* a value that is not for this key is what a non-reader expects;
	 * one that is damaged or out of place is worth saying */
	secret_failures_drop_expected(&f);
	say_failures(file, &f, NULL);
	secret_failures_release(&f);
	return left;
}

int seal_edit(struct store *s, struct txn *t, int *was_plain)
{
	struct age_identity *ids = NULL;
	struct err err, why;
	size_t nids = 0;
	int rc;

	if (was_plain)
		*was_plain = 0;
	if (!secrets_edit_needs_seal(t->file, t->doc))
		return 0;
	/* a value set to the text it had keeps its ciphertext: a reader's key
	 * tells (with none, it is sealed anew) */
	err_clear(&err);
	if ((rc = user_identity(s, &ids, &nids, &why)) == 0 &&
	    secrets_seal_edit(s, t->doc, t->file, t->old, t->oldlen, ids, nids, was_plain, &err) < 0)
		rc = report(NULL, &err);
	age_identities_free(ids, nids);
	if (rc) {
		secret_wipe_doc(t->doc);
		txn_release(t);
	}
	return rc;
}

void say_history_keeps(const char *file)
{
	warn(_("the earlier commits still hold %s in plain text, in every clone and bundle made from them: only rewriting the history (git filter-repo, then a new clone at every site and the hub) takes it out"),
	     file);
}

int open_bytes(struct store *s, const char *file, const char *data, size_t len, struct buf *out,
	       int all_or_none)
{
	struct age_identity *ids = NULL;
	struct secret_failures f = { 0 };
	char text[400], path[4096];
	struct err why;
	size_t nids = 0;
	struct doc *doc;
	int shown;

	if (!(doc = secret_load_confidential(file, data, len)))
		return 0;
	reading_identity(s, &ids, &nids, NULL, &why, path, sizeof(path));
	placeholder(s, text, sizeof(text));
	shown = secret_show_bytes(doc, file, ids, nids, text, all_or_none, out, &f);
	age_identities_free(ids, nids);
	if (f.n && why.code == ERR_NOTFOUND)
		say_no_identity(file, path);
	secret_failures_drop_expected(&f);
	say_failures(file, &f, NULL);
	secret_failures_release(&f);
	return shown > 0;
}
