/* Error values: see err.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "text.h"
#include "tr.h"

int err_set(struct err *err, int code, unsigned line, unsigned col,
	    const char *fmt, ...)
{
	char msg[sizeof(err->msg)];
	va_list ap;

	if (!err)
		return code;
	/* format first: the arguments may point into err->msg itself */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), tr(fmt), ap);
	va_end(ap);
	text_cut(msg);
	memcpy(err->msg, msg, sizeof(msg));
	err->code = code;
	err->line = line;
	err->col = col;
	err->hint[0] = '\0';
	return code;
}

void err_hint(struct err *err, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(err->hint, sizeof(err->hint), tr(fmt), ap);
	va_end(ap);
	text_cut(err->hint);
}

void err_clear(struct err *err)
{
	/* not a memset of all 780 bytes: it is called once per file read */
	err->code = 0;
	err->line = err->col = 0;
	err->msg[0] = '\0';
	err->hint[0] = '\0';
}
