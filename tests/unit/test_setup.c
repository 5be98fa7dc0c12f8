/* core/setup.c: what init and clone make of a URL, a host, a locale. */
#include <string.h>

#include "core/setup.h"
#include "tests/unit/unit.h"

void test_setup__clone_dir(void)
{
	char d[64];

	setup_clone_dir(d, sizeof(d), "https://host/x/literacy.git/");
	check_str(d, "literacy");
	setup_clone_dir(d, sizeof(d), "https://host/x/literacy");
	check_str(d, "literacy");
	setup_clone_dir(d, sizeof(d), "/media/usb/literacy.bundle");
	check_str(d, "literacy");
	setup_clone_dir(d, sizeof(d), "git@host:literacy.git");
	check_str(d, "literacy");
	setup_clone_dir(d, sizeof(d), "literacy//");
	check_str(d, "literacy");
	/* ".git" alone is a name, not a suffix to drop */
	setup_clone_dir(d, sizeof(d), "/srv/.git");
	check_str(d, ".git");
	setup_clone_dir(d, sizeof(d), "/srv/a.bundle.git");
	check_str(d, "a.bundle");
	setup_clone_dir(d, sizeof(d), "/");
	check_str(d, "");
	setup_clone_dir(d, 5, "https://host/literacy.git");
	check_str(d, "lite");
}

void test_setup__site_from_host(void)
{
	char s[64];

	setup_site_from_host(s, sizeof(s), "Dana's-Laptop.local");
	check_str(s, "dana-s-laptop-local");
	setup_site_from_host(s, sizeof(s), "");
	check_str(s, "site");
	setup_site_from_host(s, sizeof(s), "מחשב");
	check_str(s, "site");
}

void test_setup__site_option(void)
{
	char s[8] = "old";

	check(setup_site_option(s, sizeof(s), "haifa") == 0);
	check_str(s, "haifa");
	check(setup_site_option(s, sizeof(s), "Haifa") == -1);
	check(setup_site_option(s, sizeof(s), "חיפה") == -1);
	check(setup_site_option(s, sizeof(s), "") == -1);
	/* too long for the buffer is refused, not cut */
	check(setup_site_option(s, sizeof(s), "jerusalem") == -1);
	check_str(s, "haifa");
}

void test_setup__lang(void)
{
	check_str(setup_lang("he_IL.UTF-8"), "he");
	check_str(setup_lang("iw_IL"), "he");
	check_str(setup_lang("he"), "he");
	check_str(setup_lang("en_US.UTF-8"), "en");
	check_str(setup_lang("C"), "en");
	check_str(setup_lang("h"), "en");
	check_str(setup_lang(NULL), "en");
}

void test_setup__base_name(void)
{
	check_str(setup_base_name("/home/dana/literacy"), "literacy");
	check_str(setup_base_name("literacy"), "literacy");
	check_str(setup_base_name("/home/dana/literacy/"), "/home/dana/literacy/");
	check_str(setup_base_name("/"), "/");
}
