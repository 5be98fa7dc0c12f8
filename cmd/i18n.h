/*
 * Messages in the user's language (GNU gettext, domain "convene"): _()
 * translates a message where it is printed, N_() marks one kept in a
 * table for a later _().  Message ids stay English in the code; data
 * output (--json, YAML, machine-read lines) is never translated.
 */
#ifndef CONVENE_I18N_H
#define CONVENE_I18N_H

#include <libintl.h>

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

#endif
