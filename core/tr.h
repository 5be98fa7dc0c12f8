/*
 * The translation hook: core/ prints nothing and links no libintl, yet its
 * messages (err_set, err_hint, diags_add, the words of describe.c) are read
 * by people.  Each goes through tr() before it is formatted; tr() returns
 * the message itself until cmd/ sets a translator (gettext, cmd/i18n.c).
 *
 * Marking: a literal passed to err_set (5th argument), err_hint (2nd),
 * diags_add (6th), schema.c's error_at (3rd), tr() or trn() is extracted into
 * po/convene.pot (the Makefile's xgettext keywords); one kept in a table
 * for a later tr() is marked N_().  One whole format per message: a
 * translation may reorder its conversions (%1$s), never its pieces.
 */
#ifndef CONVENE_TR_H
#define CONVENE_TR_H

#ifndef N_
#define N_(s) (s)
#endif

/* msgid in the user's language, or msgid itself (an empty or NULL one
 * too).  The result keeps msgid's conversions: usable as its format. */
const char *tr(const char *msgid) __attribute__((format_arg(1)));
/* A message with a count: one or many in English, as many forms as the
 * language has in a translation (ngettext). */
const char *trn(const char *one, const char *many, unsigned long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));
/* Sets the translator; NULL puts back the identity. */
void tr_set(const char *(*fn)(const char *msgid));
/* The same for messages with a count; NULL: one when n is 1, else many. */
void tr_set_plural(const char *(*fn)(const char *one, const char *many, unsigned long n));

#endif
