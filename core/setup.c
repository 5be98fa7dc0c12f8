/* What init and clone decide from their surroundings: see setup.h. */
#include <stdio.h>
#include <string.h>

#include "setup.h"
#include "text.h"

void setup_clone_dir(char *out, size_t size, const char *url)
{
	const char *end = url + strlen(url), *start;
	size_t n;

	while (end > url && end[-1] == '/')
		end--;
	start = end;
	while (start > url && start[-1] != '/' && start[-1] != ':')
		start--;
	n = (size_t)(end - start);
	if (n > 4 && !strncmp(end - 4, ".git", 4))
		n -= 4;
	else if (n > 7 && !strncmp(end - 7, ".bundle", 7))
		n -= 7;
	snprintf(out, size, "%.*s", (int)n, start);
}

void setup_site_from_host(char *out, size_t size, const char *host)
{
	if (!text_slug(out, size, host))
		snprintf(out, size, "site");
}

int setup_site_option(char *out, size_t size, const char *arg)
{
	if (strlen(arg) >= size || !text_is_id(arg))
		return -1;
	snprintf(out, size, "%s", arg);
	return 0;
}

const char *setup_lang(const char *locale)
{
	if (locale && (!strncmp(locale, "he", 2) || !strncmp(locale, "iw", 2)))
		return "he";
	return "en";
}

const char *setup_base_name(const char *dir)
{
	const char *slash = strrchr(dir, '/');

	return slash && slash[1] ? slash + 1 : dir;
}
