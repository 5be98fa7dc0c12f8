/* Unit tests of what the calendar takes from the files (core/calendar.c). */
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "tests/unit/unit.h"

static int take(struct cal_gather *g, const char *path, const char *yaml)
{
	return cal_take_file(g, path, NULL, 0, yaml, strlen(yaml));
}

void test_calendar__files(void)
{
	struct cal_gather g;
	const struct cal_meeting *m;
	struct buf b = BUF_INIT;

	memset(&g, 0, sizeof(g));
	check(take(&g, "initiative.yaml", "name: Literacy\nlanguage: en\ntimezone: Asia/Jerusalem\n") == 0);
	check(take(&g, "members/dana.yaml", "id: dana\nname: Dana Levi\nemail: d@x.org\n"
		   "address: |-\n  Community Hall\n  12 Herzl St\n") == 0);
	check(take(&g, "members/ruth.yaml", "id: ruth\nname: Ruth\nleft: 2026-01-01\n") == 0);
	check(take(&g, "meetings/001.yaml", "number: 1\ntitle: First\ndate: 2026-03-26\nstart: '17:00'\n"
		   "location:\n  host: dana\ngoals:\n- Meet\nagenda:\n- id: a\n  title: Opening\n") == 0);
	check(take(&g, "meetings/002.yaml", "number: 2\ndate: !conflict\n  base: 2026-04-01\n"
		   "  sides:\n  - {from: a, value: 2026-04-02}\n  - {from: b, value: 2026-04-03}\n") == 0);
	check(take(&g, "meetings/003.yaml", "number: 3\ndate: 2026-05-01\nstart: '25:00'\n") == 0);
	check(take(&g, "meetings/005.yaml", "number: 5\ndate: 2026-05-01\nduration: 0\n") == 0);
	check(take(&g, "meetings/7.yaml", "number: 7\n") == 0);          /* misnamed: left out */
	check(take(&g, "interviews/x-1.yaml", "member: x\n") == 0);     /* not the calendar's */
	check(take(&g, "meetings/004.yaml", "number: [\n") == 0);       /* does not load */
	check(!g.failed);
	check_str(g.zone, "Asia/Jerusalem");
	check(g.zone_line == 3 && g.zone_col == 11);
	check(g.nmembers == 2 && g.members[1].left && !g.members[0].left);
	check(g.nmeetings == 5);
	m = &g.meetings[0];
	check(m->number == 1 && !m->conflict && !m->invalid);
	check_str(m->host, "dana");
	check(!g.meetings[1].invalid);
	check_str(g.meetings[1].conflict, "date");
	check_str(g.meetings[2].invalid, "start");
	check_str(g.meetings[3].invalid, "duration");
	check(g.meetings[4].number == 4);
	check_str(g.meetings[4].conflict, "file");  /* one that cannot be read is kept out */

	cal_location(&b, &g, m);
	check_str(buf_str(&b), "Community Hall, 12 Herzl St");  /* the host's, on one line */
	b.len = 0;
	cal_description(&b, m, 0);
	check_str(buf_str(&b), "Goals:\n- Meet\n\nAgenda:\n1. Opening");
	b.len = 0;
	cal_description(&b, m, 1);
	check_str(buf_str(&b), "מטרות:\n- Meet\n\nסדר היום:\n1. Opening");
	b.len = 0;
	qsort(g.meetings, g.nmeetings, sizeof(*g.meetings), cal_by_number);
	cal_list_numbers(&b, &g);
	check_str(buf_str(&b), "1-5");
	check(cal_member_by_id(&g, "ruth") == &g.members[1]);
	check(cal_member_by_id(&g, "ghost") == NULL);
	buf_release(&b);
	cal_gather_release(&g);
}

void test_calendar__numbers_as_ranges(void)
{
	struct cal_meeting v[5];
	struct cal_gather g;
	struct buf b = BUF_INIT;
	const long n[5] = { 1, 2, 3, 5, 7 };
	size_t i;

	memset(&g, 0, sizeof(g));
	memset(v, 0, sizeof(v));
	for (i = 0; i < 5; i++)
		v[i].number = n[i];
	g.meetings = v;
	g.nmeetings = 5;
	cal_list_numbers(&b, &g);
	check_str(buf_str(&b), "1-3, 5, 7");
	b.len = 0;
	g.nmeetings = 2;  /* two in a row are not a range */
	cal_list_numbers(&b, &g);
	check_str(buf_str(&b), "1, 2");
	buf_release(&b);
}

static int same_or_null(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* A member file in the plain form is only looked at (doc_scan_top); the
 * same file with a comment is loaded: the calendar takes the same from
 * both, and from one whose name is in conflict (no name, as loaded). */
void test_calendar__members_quick_same_as_load(void)
{
	static const char *const texts[] = {
		"id: dana\nname: דנה לוי\nemail: d@x.org\nrole: facilitator\naddress: Herzl 1, Tel Aviv\n",
		"id: ruth\nname: Ruth\nleft: 2026-01-01\nsubgroups:\n- schools\n",
		"id: avi\nname: ~\nemail: null\nleft:\n",
		"id: noa\nname: !conflict\n  base: Noa\n  sides:\n  - from: a\n    value: Noa B\n"
		"  - from: b\n    value: Noa Bar\nemail: n@x.org\n",
		"id: x\nname: X\nname: Y\n",
	};
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
		struct cal_gather quick, loaded;
		char *commented = malloc(strlen(texts[i]) + 16);

		check(commented != NULL);
		if (!commented)
			return;
		strcpy(commented, texts[i]);
		strcat(commented, "# a comment\n");
		memset(&quick, 0, sizeof(quick));
		memset(&loaded, 0, sizeof(loaded));
		check(take(&quick, "members/m.yaml", texts[i]) == 0);
		check(take(&loaded, "members/m.yaml", commented) == 0);
		check(quick.nmembers == loaded.nmembers);
		if (quick.nmembers == 1 && loaded.nmembers == 1) {
			const struct cal_member *a = &quick.members[0], *b = &loaded.members[0];

			check_str(a->id, "m");
			check(same_or_null(a->id, b->id) && same_or_null(a->name, b->name) &&
			      same_or_null(a->email, b->email) && same_or_null(a->role, b->role) &&
			      same_or_null(a->address, b->address) && a->left == b->left);
		}
		cal_gather_release(&quick);
		cal_gather_release(&loaded);
		free(commented);
	}
}
