/* The translation hook: see tr.h. */
#include <stddef.h>

#include "tr.h"

static const char *(*translator)(const char *);
static const char *(*plural)(const char *, const char *, unsigned long);

const char *tr(const char *msgid)
{
	/* gettext("") would be the catalogue's header */
	if (!translator || !msgid || !*msgid)
		return msgid;
	return translator(msgid);
}

void tr_set(const char *(*fn)(const char *msgid))
{
	translator = fn;
}

const char *trn(const char *one, const char *many, unsigned long n)
{
	if (!plural)
		return n == 1 ? one : many;
	return plural(one, many, n);
}

void tr_set_plural(const char *(*fn)(const char *one, const char *many, unsigned long n))
{
	plural = fn;
}
