/* Which commits `convene log` lists (store_commit_matches()). */
#include <stdio.h>
#include <string.h>

#include "store/history.h"
#include "tests/unit/unit.h"

static struct store_commit commit(const char *author, const char *email, const char *site,
				  const char *meeting, const char *day)
{
	struct store_commit c;

	memset(&c, 0, sizeof(c));
	c.author = author;
	c.email = email;
	c.subject = "set vision";
	snprintf(c.site, sizeof(c.site), "%s", site);
	snprintf(c.meeting, sizeof(c.meeting), "%s", meeting);
	snprintf(c.day, sizeof(c.day), "%s", day);
	return c;
}

void test_history__commit_filter_each_field(void)
{
	struct store_commit c = commit("Dana Levi", "dana@example.org", "haifa", "002", "2026-03-01");
	struct commit_filter f;

	memset(&f, 0, sizeof(f));
	check(store_commit_matches(&c, &f));  /* no filter: every commit */

	f.meeting = "002";
	check(store_commit_matches(&c, &f));
	f.meeting = "02";  /* the number as the file names it, not a prefix */
	check(!store_commit_matches(&c, &f));
	f.meeting = NULL;

	f.site = "haifa";
	check(store_commit_matches(&c, &f));
	f.site = "hai";
	check(!store_commit_matches(&c, &f));
	f.site = NULL;

	f.since = "2026-03-01";  /* that day counts */
	check(store_commit_matches(&c, &f));
	f.since = "2026-02-28";
	check(store_commit_matches(&c, &f));
	f.since = "2026-03-02";
	check(!store_commit_matches(&c, &f));
	f.since = NULL;

	f.author = "Levi";  /* in the name */
	check(store_commit_matches(&c, &f));
	f.author = "example.org";  /* or in the email */
	check(store_commit_matches(&c, &f));
	f.author = "Ruth";
	check(!store_commit_matches(&c, &f));
}

void test_history__commit_filter_all_must_hold(void)
{
	struct store_commit c = commit("Dana Levi", "dana@example.org", "", "", "2026-03-01");
	struct commit_filter f;

	memset(&f, 0, sizeof(f));
	f.author = "Dana";
	f.since = "2026-01-01";
	check(store_commit_matches(&c, &f));
	/* a commit with no site or meeting matches no such filter */
	f.site = "haifa";
	check(!store_commit_matches(&c, &f));
	f.site = NULL;
	f.meeting = "001";
	check(!store_commit_matches(&c, &f));
}
