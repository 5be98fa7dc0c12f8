/* Unit tests of the time zone names (core/tz.c), fed a small tzdata.zi. */
#include <stdlib.h>
#include <string.h>

#include "core/tz.h"
#include "tests/unit/unit.h"

static const char zi[] =
	"# version 2025b\n"
	"R Z 1940 o - May 31 24u 1 D\n"
	"Z Asia/Jerusalem 2:20:54 - LMT 1880\n"
	"2:20:40 - JMT 1918\n"
	"2 Z I%sT\n"
	"Z America/New_York -4:56:2 - LMT 1883 N 18 17u\n"
	"Z Etc/UTC 0 - UTC\n"
	"Z Europe/London -0:1:15 - LMT 1847 D\n"
	"Z America/Argentina/Buenos_Aires -3:53:48 - LMT 1894 O 31\n"
	"L Etc/UTC UTC\n"
	"L Asia/Jerusalem Asia/Tel_Aviv\n"
	"L America/New_York US/Eastern";  /* no final line end */

static int load(void)
{
	return tz_load(zi, strlen(zi));
}

void test_tz__known(void)
{
	check(load() == 0);
	check(tz_known("Asia/Jerusalem") == 1);
	check(tz_known("America/New_York") == 1);
	check(tz_known("UTC") == 1);            /* a link */
	check(tz_known("US/Eastern") == 1);     /* the last line */
	check(tz_known("Asia/Tel_Aviv") == 1);
	check(tz_known("asia/jerusalem") == 0); /* case matters */
	check(tz_known("Asia") == 0);
	check(tz_known("JMT") == 0);            /* a continuation line is no name */
	check(tz_known("Z") == 0);              /* nor a rule's name */
	check(tz_known("") == 0);
	tz_unload();
}

void test_tz__nearest(void)
{
	char out[64];

	check(load() == 0);
	check(tz_nearest("asia/jerusalem", out, sizeof(out)) == 1);
	check_str(out, "Asia/Jerusalem");
	check(tz_nearest("Asia/Jerusalm", out, sizeof(out)) == 1);
	check_str(out, "Asia/Jerusalem");
	check(tz_nearest("Asia/Jeursalem", out, sizeof(out)) == 1);  /* a swap */
	check_str(out, "Asia/Jerusalem");
	check(tz_nearest("Jerusalem", out, sizeof(out)) == 1);       /* a city alone */
	check_str(out, "Asia/Jerusalem");
	check(tz_nearest("Europe/Jerusalem", out, sizeof(out)) == 1); /* the wrong region */
	check_str(out, "Asia/Jerusalem");
	check(tz_nearest("New York", out, sizeof(out)) == 1);
	check_str(out, "America/New_York");
	check(tz_nearest("utc", out, sizeof(out)) == 1);
	check_str(out, "UTC");
	check(tz_nearest("Foo/Bar", out, sizeof(out)) == 0);
	check(tz_nearest("Asia", out, sizeof(out)) == 0);
	check(tz_nearest("", out, sizeof(out)) == 0);
	check(tz_nearest("Asia/Jerusalem", out, sizeof(out)) == 0);  /* itself: nothing to suggest */
	/* cut to the buffer */
	check(tz_nearest("asia/jerusalem", out, 5) == 1);
	check_str(out, "Asia");
	tz_unload();
}

void test_tz__no_database(void)
{
	char out[64];

	tz_unload();
	tz_set_reader(NULL);
	check(tz_known("Asia/Jerusalem") == -1);
	check(tz_nearest("asia/jerusalem", out, sizeof(out)) == 0);
	check(tz_load("", 0) == 0);
	check(tz_known("Asia/Jerusalem") == -1);  /* an empty list is no database */
	tz_unload();
}

static int reads;

static char *reader(size_t *len)
{
	char *text = strdup(zi);

	reads++;
	*len = strlen(zi);
	return text;
}

void test_tz__reader_once(void)
{
	reads = 0;
	tz_unload();
	tz_set_reader(reader);
	check(tz_known("UTC") == 1);
	check(tz_known("Asia/Jerusalem") == 1);
	check(reads == 1);
	tz_set_reader(NULL);
	tz_unload();
}

void test_tz__choose(void)
{
	char out[64];

	check(load() == 0);
	/* TZ first, as written or as ':' and a path */
	check_str(tz_choose(out, sizeof(out), "America/New_York", "Asia/Jerusalem\n", NULL),
		  "America/New_York");
	check_str(tz_choose(out, sizeof(out), ":Asia/Jerusalem", NULL, NULL), "Asia/Jerusalem");
	check_str(tz_choose(out, sizeof(out), ":/usr/share/zoneinfo/US/Eastern", NULL, NULL),
		  "US/Eastern");
	/* a POSIX TZ rule, or a name the database lacks, gives way to the next */
	check_str(tz_choose(out, sizeof(out), "IST-2IDT", "Asia/Jerusalem\n", NULL),
		  "Asia/Jerusalem");
	check_str(tz_choose(out, sizeof(out), "", "Europe/London\n", NULL), "Europe/London");
	/* /etc/timezone's first line, spaces and CR trimmed */
	check_str(tz_choose(out, sizeof(out), NULL, "  Europe/London \r\nignored\n", NULL),
		  "Europe/London");
	/* the /etc/localtime link, absolute, relative, or into posix/ */
	check_str(tz_choose(out, sizeof(out), NULL, NULL, "/usr/share/zoneinfo/Asia/Jerusalem"),
		  "Asia/Jerusalem");
	check_str(tz_choose(out, sizeof(out), NULL, "Nowhere/Land\n",
			    "../usr/share/zoneinfo/posix/America/New_York"), "America/New_York");
	check_str(tz_choose(out, sizeof(out), NULL, NULL,
			    "/usr/share/zoneinfo/America/Argentina/Buenos_Aires"),
		  "America/Argentina/Buenos_Aires");
	/* nothing usable: UTC */
	check_str(tz_choose(out, sizeof(out), NULL, NULL, NULL), "UTC");
	check_str(tz_choose(out, sizeof(out), "../../etc/passwd", "\n", "/etc/zoneinfo-old"), "UTC");
	tz_unload();
	/* without a database, a name's form has to do; a path never */
	check_str(tz_choose(out, sizeof(out), "Asia/Jerusalem", NULL, NULL), "Asia/Jerusalem");
	check_str(tz_choose(out, sizeof(out), "/etc/passwd", "bad name\n", NULL), "UTC");
}
