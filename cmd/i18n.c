/*
 * Where the translations are, and the locale set for messages alone.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "core/tr.h"

/* The Makefile gives both: the build's locale folder relative to the
 * binary's folder ("build/locale"), and the installed one. */
#ifndef CONVENE_LOCALE_REL
#define CONVENE_LOCALE_REL "build/locale"
#endif
#ifndef CONVENE_LOCALEDIR
#define CONVENE_LOCALEDIR "/usr/local/share/locale"
#endif

/* core's messages through the same catalogue (core/tr.h) */
static const char *translate(const char *msgid)
{
	return gettext(msgid);
}

static const char *translate_plural(const char *one, const char *many, unsigned long n)
{
	return ngettext(one, many, n);
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void i18n_init(void)
{
	char exe[4096], dir[4200];
	ssize_t n;
	char *slash;
	const char *found = CONVENE_LOCALEDIR;

	setlocale(LC_MESSAGES, "");
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')))
			*slash = '\0';
		snprintf(dir, sizeof(dir), "%s/%s", exe, CONVENE_LOCALE_REL);
		if (is_dir(dir)) {
			found = dir;
		} else {
			snprintf(dir, sizeof(dir), "%s/../share/locale", exe);
			if (is_dir(dir))
				found = dir;
		}
	}
	bindtextdomain("convene", found);
	bind_textdomain_codeset("convene", "UTF-8");
	textdomain("convene");
	tr_set(translate);
	tr_set_plural(translate_plural);
}

int i18n_data_option(const char *name, size_t len)
{
	static const char *const names[] = { "json", "options", "man", "complete" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == len && !strncmp(name, names[i], len))
			return 1;
	return 0;
}

void i18n_data_output(void)
{
	tr_set(NULL);
	tr_set_plural(NULL);
	setlocale(LC_MESSAGES, "C");
}
