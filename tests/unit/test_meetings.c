/* Unit tests of the meetings queries (core/meetings.c):
 * list, actions across meetings, host rotation. */
#include <stdlib.h>
#include <string.h>

#include "core/meetings.h"
#include "tests/unit/unit.h"

/* Feeds one file, given as YAML text, to m; 0 or -1 if it does not load. */
static int add(struct meetings *m, const char *file, const char *yaml)
{
	struct doc *doc;
	struct err err;
	int rc;

	if (doc_load(&doc, yaml, strlen(yaml), &err) < 0) {
		printf("  %s does not load: %s\n", file, err.msg);
		return -1;
	}
	rc = meetings_add(m, file, doc);
	doc_free(doc);
	return rc;
}

static const char actions_yaml[] =
	"number: 1\n"
	"title: first\n"
	"agenda:\n"
	"- id: next-steps\n"
	"  actions:\n"
	"  - {id: a1, owner: dana, due: '2026-02-09', status: open, text: yesterday}\n"
	"  - {id: a2, owner: dana, due: '2026-02-09', status: done, text: done}\n"
	"  - {id: a3, owner: yossi, due: '2026-02-10', text: today}\n"
	"  - {id: a4, text: no owner, status: dropped}\n"
	"  - {id: a5, owner: yossi, due: '2026-02-01', text: no status}\n"
	"- title: an item without an id\n"
	"  actions:\n"
	"  - {id: a6, owner: dana, text: nameless}\n";

/* The ids of the actions that f lets through, space separated. */
static char *filtered(const struct meetings *m, const struct action_filter *f)
{
	const struct action_info **v;
	static char out[256];
	size_t i, n;

	out[0] = '\0';
	if (meetings_actions(&v, &n, m, f) < 0)
		return NULL;
	for (i = 0; i < n; i++) {
		strcat(out, i ? " " : "");
		strcat(out, v[i]->id);
	}
	free(v);
	return out;
}

void test_meetings__overview(void)
{
	struct meetings m = { 0 };

	check(add(&m, "meetings/002.yaml",
		  "number: 2\ntitle: second\nstatus: held\ndate: '2026-03-01'\n"
		  "location: {virtual: 'https://meet.example/x'}\n") == 0);
	check(add(&m, "meetings/010.yaml", "number: 10\ntitle: ''\nlocation: {host: dana}\n") == 0);
	check(add(&m, "initiative.yaml", "name: x\nstatus: nothing to do with meetings\n") == 0);
	check(m.n == 2);
	check(m.v[0].number == 2 && !strcmp(m.v[0].status, "held"));
	check(!strcmp(m.v[0].date, "2026-03-01") && !strcmp(m.v[0].virt, "https://meet.example/x"));
	check(!m.v[0].host);
	check(m.v[1].number == 10 && !strcmp(m.v[1].host, "dana"));
	check(!m.v[1].date && !m.v[1].status && !strcmp(m.v[1].title, ""));
	meetings_release(&m);
}

void test_meetings__actions_open_and_overdue(void)
{
	struct meetings m = { 0 };
	struct action_filter f = { 0 };

	check(add(&m, "meetings/001.yaml", actions_yaml) == 0);
	check(m.nactions == 6);
	check(!strcmp(m.actions[2].status, "open"));   /* none said: open until done */
	check(!strcmp(m.actions[5].item, "?"));
	check(action_is_open(&m.actions[0]) && !action_is_open(&m.actions[1]));
	check(!action_is_open(&m.actions[3]));
	/* due yesterday and open is overdue; done is not; due today not yet */
	check(action_is_overdue(&m.actions[0], "2026-02-10"));
	check(!action_is_overdue(&m.actions[1], "2026-02-10"));
	check(!action_is_overdue(&m.actions[2], "2026-02-10"));
	check(action_is_overdue(&m.actions[2], "2026-02-11"));
	check(!action_is_overdue(&m.actions[5], "2026-02-11"));  /* no date: never */
	f.today = "2026-02-10";
	check_str(filtered(&m, &f), "a1 a2 a3 a4 a5 a6");
	f.open = 1;
	check_str(filtered(&m, &f), "a1 a3 a5 a6");
	f.open = 0;
	f.overdue = 1;
	check_str(filtered(&m, &f), "a1 a5");
	f.owner = "dana";
	check_str(filtered(&m, &f), "a1");
	f.overdue = 0;
	check_str(filtered(&m, &f), "a1 a2 a6");
	f.owner = "nobody";
	check_str(filtered(&m, &f), "");
	meetings_release(&m);
}

void test_meetings__rotation(void)
{
	struct meetings m = { 0 };
	struct rotation r;

	check(add(&m, "members/dana.yaml", "id: dana\nname: Dana\ncan_host: true\n") == 0);
	check(add(&m, "members/yossi.yaml", "id: yossi\nname: Yossi\ncan_host: True\n") == 0);
	check(add(&m, "members/rina.yaml", "id: rina\nname: Rina\ncan_host: TRUE\n") == 0);
	check(add(&m, "members/avi.yaml", "id: avi\nname: Avi\ncan_host: true\n") == 0);
	check(add(&m, "members/old.yaml", "id: old\nname: Old\ncan_host: true\nleft: '2026-01-01'\n") == 0);
	check(add(&m, "members/no.yaml", "id: no\nname: No\ncan_host: 'true'\n") == 0);
	check(add(&m, "meetings/001.yaml", "location: {host: dana}\n") == 0);
	check(add(&m, "meetings/002.yaml", "location: {host: yossi}\n") == 0);
	check(add(&m, "meetings/003.yaml", "location: {virtual: 'https://x'}\n") == 0);
	check(add(&m, "meetings/004.yaml", "location: {host: dana}\n") == 0);
	check(add(&m, "meetings/005.yaml", "title: nowhere yet\n") == 0);
	check(add(&m, "meetings/006.yaml", "location: {host: rina}\n") == 0);
	check(m.nhosts == 4);  /* not who left, not a quoted 'true' */
	check(meetings_rotation(&r, &m) == 0);
	check(r.nhosted == 5);
	check(r.hosted[2]->number == 3 && r.hosted[4]->number == 6);
	check(r.nnext == 4);
	/* who never hosted first; then once, longest ago first; twice last */
	check_str(r.next[0].member, "avi");
	check(r.next[0].times == 0 && r.next[0].last == 0);
	check_str(r.next[1].member, "yossi");
	check(r.next[1].times == 1 && r.next[1].last == 2);
	check_str(r.next[2].member, "rina");
	check(r.next[2].times == 1 && r.next[2].last == 6);
	check_str(r.next[3].member, "dana");
	check(r.next[3].times == 2 && r.next[3].last == 4);
	rotation_release(&r);
	meetings_release(&m);
}

void test_meetings__rotation_ties_by_id(void)
{
	struct meetings m = { 0 };
	struct rotation r;

	check(add(&m, "members/zed.yaml", "id: zed\ncan_host: true\n") == 0);
	check(add(&m, "members/amy.yaml", "id: amy\ncan_host: true\n") == 0);
	check(meetings_rotation(&r, &m) == 0);
	check(r.nhosted == 0 && r.nnext == 2);
	check_str(r.next[0].member, "amy");
	check_str(r.next[1].member, "zed");
	rotation_release(&r);
	meetings_release(&m);
}

/* The status from a meeting file's first bytes, only where they settle it. */
void test_meetings__head_status(void)
{
	static const char held[] = "number: 3\ntitle: שלישי\nstatus: held\ngoals:\n- x\n";
	static const char list[] = "number: 3\ngoals:\n- a\n- b\nstatus: planned\nagenda:\n";
	struct doc_span st;

	check(meetings_head_status(held, sizeof(held) - 1, &st) == 1);
	check(st.len == 4 && !memcmp(st.s, "held", 4));
	check(meetings_head_status(list, sizeof(list) - 1, &st) == 1);
	check(st.len == 7 && !memcmp(st.s, "planned", 7));
	/* cut before the status line ends: only the whole file can tell */
	check(meetings_head_status(held, 30, &st) == 0);
	check(meetings_head_status(held, 10, &st) == 0);
	/* quoted, tagged, null, or after a line of another form: load it */
	check(meetings_head_status("status: \"held\"\n", 15, &st) == 0);
	check(meetings_head_status("status: !x held\n", 16, &st) == 0);
	check(meetings_head_status("status: ~\n", 10, &st) == 0);
	check(meetings_head_status("title: |\n  a\nstatus: held\n", 26, &st) == 0);
	check(meetings_head_status("title: a\n  b\nstatus: held\n", 26, &st) == 0);
	check(meetings_head_status("number: 1\nnumber: 2\nstatus: held\n", 33, &st) == 0);
	check(meetings_head_status("status: held # a comment\n", 25, &st) == 0);
	check(meetings_head_status("", 0, &st) == 0);
}

/* meeting new's fields, in the schema's order; a location only when given. */
void test_meetings__fill_new(void)
{
	struct meeting_new f = { "4", "Planning", "2026-05-03", NULL, "90", "dana", NULL, "Library" };
	struct buf out = BUF_INIT;
	struct doc *doc = doc_new();

	check(doc && (doc->root = doc_map(doc)));
	check(meetings_fill_new(doc, doc->root, &f) == 0);
	check(doc_emit(&out, doc) == 0);
	check_str(buf_str(&out), "number: 4\ntitle: Planning\nstatus: planned\ndate: \"2026-05-03\"\nstart:\n"
		  "duration: 90\nlocation:\n  host: dana\n  address: Library\n");
	doc_free(doc);
	buf_release(&out);

	doc = doc_new();
	f = (struct meeting_new){ "5", NULL, NULL, NULL, NULL, NULL, NULL, NULL };
	check(doc && (doc->root = doc_map(doc)));
	check(meetings_fill_new(doc, doc->root, &f) == 0);
	check(doc_emit(&out, doc) == 0);
	check_str(buf_str(&out), "number: 5\nstatus: planned\ndate:\nstart:\n");
	doc_free(doc);
	buf_release(&out);
}
