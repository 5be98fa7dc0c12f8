/*
 * An archive's folder (core/archive.h).
 */
#include <stdio.h>
#include <string.h>

#include "archive.h"

int archive_prefix(char *out, size_t size, const char *given)
{
	size_t len = strlen(given);

	if (len > 100 || len >= size || strstr(given, "..") || given[0] == '/')
		return -1;
	while (len && given[len - 1] == '/')
		len--;
	snprintf(out, size, "%.*s", (int)len, given);
	return 0;
}
