/*
 * The folder an archive's entries go under (archive --prefix): checked
 * and put in the form store_archive() takes.
 */
#ifndef CONVENE_CORE_ARCHIVE_H
#define CONVENE_CORE_ARCHIVE_H

#include <stddef.h>

/*
 * given as the folder's name in out (at least 101 bytes): its trailing
 * slashes dropped ("lit/" is "lit"), "" for none.  -1 when it is not a
 * short relative name: longer than 100 bytes, starting with '/', or
 * holding "..".
 */
int archive_prefix(char *out, size_t size, const char *given);

#endif
