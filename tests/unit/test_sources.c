/* What an agenda or minutes are made from (store/sources.c): from the
 * work tree and from a commit, the meeting, the members, the meeting
 * numbers in order, and the other meetings each document names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "store/history.h"
#include "store/sources.h"
#include "store/store.h"
#include "tests/unit/repo.h"
#include "tests/unit/unit.h"

static const char script[] =
	"mkdir members meetings && "
	"printf 'name: I\\nlanguage: en\\n' > initiative.yaml && "
	"printf 'id: dana\\nname: Dana\\n' > members/dana.yaml && "
	"printf 'id: avi\\nname: Avi\\n' > members/avi.yaml && "
	"printf 'number: 3\\ntitle: Three\\nstatus: held\\n' > meetings/003.yaml && "
	"printf 'number: 1\\ntitle: One\\nstatus: held\\nagenda:\\n- id: a\\n  title: A\\n"
	"  actions:\\n  - id: x1\\n    text: open one\\n' > meetings/001.yaml && "
	"printf 'number: 2\\ntitle: Two\\nstatus: planned\\n' > meetings/002.yaml && "
	"printf 'number: 4\\ntitle: Four\\nstatus: planned\\n' > meetings/004.yaml && "
	"printf 'number: 5\\ntitle: [\\n' > meetings/005.yaml && "
	"git add -A && git commit -q -m one && "
	"printf 'number: 2\\ntitle: Two, changed\\nstatus: planned\\n' > meetings/002.yaml";

struct got {
	int rc;
	long numbers[8];
	size_t nnumbers, members, meetings, actions;
	char title[32], next[32], first_member[16];
	unsigned line;
};

static void get(struct store *s, const struct store_oid *at, long number, int minutes, struct got *g)
{
	struct agenda_sources src;
	struct err err;
	size_t i;

	memset(&src, 0, sizeof(src));
	memset(g, 0, sizeof(*g));
	src.number = number;
	src.minutes = minutes;
	err_clear(&err);
	g->rc = store_agenda_sources(&src, s, at, &err);
	g->line = err.line;
	for (i = 0; i < src.nnumbers && i < 8; i++)
		g->numbers[i] = src.numbers[i];
	g->nnumbers = src.nnumbers;
	g->members = src.members.n;
	if (src.members.n)
		snprintf(g->first_member, sizeof(g->first_member), "%s", src.members.v[0].id);
	g->meetings = src.meetings.n;
	g->actions = src.meetings.nactions;
	if (src.meeting && src.meeting->root)
		snprintf(g->title, sizeof(g->title), "%s", doc_get(src.meeting->root, "title")->str);
	if (minutes && src.meetings.n)
		snprintf(g->next, sizeof(g->next), "%s", src.meetings.v[0].title);
	store_agenda_sources_release(&src);
}

void test_sources__tree_and_commit(void)
{
	char dir[] = "/tmp/convene-unit-sources.XXXXXX";
	struct store *s = NULL;
	struct store_commit c;
	struct err err;
	struct got tree_agenda, at_agenda, at_minutes, tree_minutes, broken, none;
	int opened = 0, resolved = 0;

	check(unit_repo(dir, script));
	check(store_global_init() >= 0);
	err_clear(&err);
	if (store_open(&s, dir, &err) == 0) {
		opened = 1;
		get(s, NULL, 3, 0, &tree_agenda);
		get(s, NULL, 2, 1, &tree_minutes);
		if (store_resolve(s, "HEAD", &c, &err) == 0) {
			resolved = 1;
			get(s, &c.oid, 3, 0, &at_agenda);
			get(s, &c.oid, 1, 1, &at_minutes);
			get(s, &c.oid, 5, 1, &broken);
			get(s, &c.oid, 9, 1, &none);
			store_commit_release(&c);
		}
	}
	store_free(s);
	store_global_shutdown();
	check(unit_repo_remove(dir));
	check(opened && resolved);
	/* the agenda of 3: the earlier meetings 1 and 2 (1's open action) */
	check(tree_agenda.rc == 0);
	check_str(tree_agenda.title, "Three");
	check(tree_agenda.nnumbers == 5);
	check(tree_agenda.numbers[0] == 1 && tree_agenda.numbers[1] == 2 && tree_agenda.numbers[4] == 5);
	check(tree_agenda.members == 2);
	check_str(tree_agenda.first_member, "avi");
	check(tree_agenda.meetings == 2 && tree_agenda.actions == 1);
	check(at_agenda.rc == 0 && at_agenda.meetings == 2 && at_agenda.actions == 1);
	check(at_agenda.nnumbers == 5 && at_agenda.members == 2);
	/* the minutes: the next planned meeting only; the tree's version or
	 * the commit's */
	check(tree_minutes.rc == 0 && tree_minutes.meetings == 1);
	check_str(tree_minutes.title, "Two, changed");
	check_str(tree_minutes.next, "Four");
	check(at_minutes.rc == 0 && at_minutes.meetings == 1);
	check_str(at_minutes.title, "One");
	check_str(at_minutes.next, "Two");
	/* a meeting that does not load: where; one that is not there: none */
	check(broken.rc < 0 && broken.line == 3);
	check(none.rc == 0 && !none.title[0] && none.nnumbers == 5);
}
