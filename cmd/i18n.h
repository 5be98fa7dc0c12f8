/*
 * Messages in the user's language (GNU gettext, domain "convene"): _()
 * translates a message where it is printed, N_() marks one kept in a
 * table for a later _().  Message ids stay English in the code; data
 * output (--json, YAML, machine-read lines) is never translated.
 */
#ifndef CONVENE_I18N_H
#define CONVENE_I18N_H

#include <libintl.h>
#include <stddef.h>

#define _(s) gettext(s)
#define N_(s) (s)

/*
 * Sets the locale's messages from the environment
 * (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) and finds the translations: the
 * build's locale folder beside a binary run from the source tree, else
 * ../share/locale beside the binary, else the installed prefix's.  Only
 * LC_MESSAGES (the translations are bound to UTF-8): numbers, dates,
 * character classes and sorting stay as in "C", so nothing changes but
 * the messages' words.
 */
void i18n_init(void);

/*
 * Turns translation off for the whole run: LC_MESSAGES back to "C" and
 * core's hook (core/tr.h) back to the identity, so that what core formats
 * (the messages of validate's diagnostics, describe's words) is English
 * too.  A data output never changes with the locale: main() calls this
 * when a data option is among the command's arguments, before the
 * repository is opened, and opt_next() (cmd/options.c) when it parses one
 * (an abbreviation, --js, included).  Error messages of such a run are
 * English as well: a script reads them.
 */
void i18n_data_output(void);

/* Whether --NAME is a data option: --json of any command, help's
 * --options, --man and --complete. */
int i18n_data_option(const char *name, size_t len);

#endif
