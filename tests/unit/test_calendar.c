/* Unit tests of what the calendar takes from the files (core/calendar.c). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/doc.h"
#include "core/schedule.h"
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

static int same_meeting(const struct cal_meeting *a, const struct cal_meeting *b)
{
	return a->number == b->number && !strcmp(a->file, b->file) && same_or_null(a->title, b->title) &&
	       same_or_null(a->status, b->status) && same_or_null(a->date, b->date) &&
	       same_or_null(a->start, b->start) && same_or_null(a->host, b->host) &&
	       same_or_null(a->address, b->address) && same_or_null(a->virt, b->virt) &&
	       a->minutes == b->minutes && !strcmp(buf_str(&a->goals), buf_str(&b->goals)) &&
	       !strcmp(buf_str(&a->items), buf_str(&b->items)) && same_or_null(a->conflict, b->conflict) &&
	       same_or_null(a->invalid, b->invalid);
}

/* text as a meeting file, and with a comment after it (which only a full
 * load reads): the same meeting, the same schedule key.  0 when not. */
static int meeting_light_case(const char *text, size_t len, size_t *n)
{
	struct cal_gather light, loaded;
	struct buf commented = BUF_INIT, k1 = BUF_INIT, k2 = BUF_INIT;
	struct doc *doc = NULL;
	struct err err;
	int ok, loads = doc_load(&doc, text, len, &err) == 0;
	/* (a file that is no mapping has its text for key) */
	int mapping = loads && doc->root && doc->root->kind == DOC_MAP && !(doc->root->flags & DOC_CONFLICT);

	buf_add(&commented, text, len);
	buf_adds(&commented, "\n# a comment\n");
	memset(&light, 0, sizeof(light));
	memset(&loaded, 0, sizeof(loaded));
	ok = cal_take_file(&light, "meetings/004.yaml", NULL, 0, text, len) == 0 &&
	     cal_take_file(&loaded, "meetings/004.yaml", NULL, 0, commented.ptr, commented.len) == 0 &&
	     light.nmeetings == 1 && loaded.nmeetings == 1 &&
	     same_meeting(&light.meetings[0], &loaded.meetings[0]) &&
	     (!mapping || !strcmp(light.meetings[0].key, loaded.meetings[0].key));
	/* and the history's key of the version, from the text alone */
	ok = ok && schedule_key(&k1, text, len) == 0 && schedule_key_of(&k2, loads ? doc : NULL, text, len) == 0 &&
	     k1.len == k2.len && !memcmp(k1.ptr, k2.ptr, k1.len) &&
	     !strcmp(buf_str(&k1), light.meetings[0].key);
	if (!ok)
		printf("  differs: %.*s\n", (int)(len > 300 ? 300 : len), text);
	*n += 1;
	doc_free(doc);
	buf_release(&commented);
	buf_release(&k1);
	buf_release(&k2);
	cal_gather_release(&light);
	cal_gather_release(&loaded);
	return ok;
}

static int meeting_light_walk(const char *dir, size_t *n)
{
	char path[2048];
	struct dirent *de;
	DIR *d;
	int ok = 1;

	if (!(d = opendir(dir)))
		return 1;  /* a file with no extension */
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		struct buf b = BUF_INIT;
		char chunk[4096];
		FILE *f;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (len > 5 && !strcmp(de->d_name + len - 5, ".yaml") && (f = fopen(path, "rb"))) {
			while ((len = fread(chunk, 1, sizeof(chunk), f)) > 0)
				buf_add(&b, chunk, len);
			fclose(f);
			ok &= meeting_light_case(b.ptr ? b.ptr : "", b.len, n);
			buf_release(&b);
		} else if (!strchr(de->d_name, '.')) {
			ok &= meeting_light_walk(path, n);
		}
	}
	closedir(d);
	return ok;
}

/*
 * A meeting file in the form convene writes is read for the keys the
 * calendar takes (doc_load_kept), any other loaded: the same meeting and
 * the same schedule key either way, for hand-made files and every YAML
 * file of the tests (and every YAML file below $CONVENE_MEETING_FILES,
 * when set: the files a run of the CLI tests left).
 */
void test_calendar__meetings_light_same_as_load(void)
{
	static const char *const texts[] = {
		"number: 4\ntitle: ארבע\nstatus: cancelled\ngoals:\n- a\n- ''\ndate: 2026-02-02\nstart: \"17:00\"\n"
		"duration: 90\nlocation:\n  host: dana\n  address: Herzl 1\n  virtual: https://x.org/m\n"
		"agenda:\n- id: a\n  title: פתיחה\n  prompt: |\n    why\n  notes:\n  - id: n1\n    text: x y:z\n"
		"- id: b\n  title: 'it''s'\n- just text\n",
		"number: 4\ndate: 2026-02-30\nstart: '7:00'\nduration: x\nlocation: {}\nagenda: []\ngoals:\n",
		"number: 4\ndate:\nstart:\nlocation:\n  host:\n",
		"number: 4\ndate: 2026-01-01\nlocation:\n- a\nagenda:\n  title: x\ngoals:\n  a: b\n",
		"number: 4\ndate: !conflict\n  base: 2026-04-01\n  sides:\n  - {from: a, value: 2026-04-02}\n",
		"number: 4\ndate: 2026-01-01\ndate: 2026-01-02\n",
		"- 4\n",
		"",
	};
	size_t i, n = 0;
	struct doc *doc = NULL;
	const char *env = getenv("CONVENE_MEETING_FILES");

	for (i = 0; i < sizeof(texts) / sizeof(*texts); i++)
		check(meeting_light_case(texts[i], strlen(texts[i]), &n));
	/* the first is read light */
	check(doc_load_kept(&doc, texts[0], strlen(texts[0]), NULL, 0) == 1);
	doc_free(doc);
	check(meeting_light_walk("tests", &n));
	if (env)
		check(meeting_light_walk(env, &n));
	printf("  %zu files\n", n);
	check(n > 400);
}
