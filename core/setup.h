/*
 * What init and clone decide before they make anything: the folder a
 * clone goes into, the site's id, the language of a new initiative, the
 * name it gets from its folder.  Pure: cmd/init.c reads the host name,
 * the environment and the current folder, and asks here what they mean.
 *
 * Each function writes into the caller's buffer (truncating as snprintf
 * does) or returns a pointer into its argument or to a constant.
 */
#ifndef CONVENE_SETUP_H
#define CONVENE_SETUP_H

#include <stddef.h>

/* The folder a clone of url goes into: its last part without ".git" or
 * ".bundle", "literacy" from https://host/x/literacy.git/,
 * host:literacy or /media/usb/literacy.bundle. */
void setup_clone_dir(char *out, size_t size, const char *url);

/* The site id of a host name ("Dana's-Laptop.local" gives
 * "dana-s-laptop-local"), "site" when it has none to give. */
void setup_site_from_host(char *out, size_t size, const char *host);

/* --site S: an id, as it goes into every commit's trailer; copied into
 * out when it is one that fits.  Returns 0, or -1 for any other value. */
int setup_site_option(char *out, size_t size, const char *arg);

/* The language of a new initiative from a locale's name (the first of
 * $LC_ALL, $LC_MESSAGES, $LANG that is set): "he" for he_IL.UTF-8 and
 * the old iw_IL, "en" for any other and for NULL. */
const char *setup_lang(const char *locale);

/* The last part of a folder's path, the name an initiative gets from it
 * ("/home/dana/literacy" gives "literacy"); a path that ends in '/' is
 * taken whole.  A pointer into dir. */
const char *setup_base_name(const char *dir);

#endif
