/* The schedule key of a meeting file (core/schedule.c): equal for two
 * versions exactly when the meeting did not move. */
#include <string.h>

#include "core/doc.h"
#include "core/schedule.h"
#include "tests/unit/unit.h"

void test_schedule__schedule_key(void)
{
	struct buf a = BUF_INIT, b = BUF_INIT, c = BUF_INIT, d = BUF_INIT;
	const char *m1 = "number: 1\ntitle: One\nstatus: planned\ndate: 2026-02-01\nstart: \"17:00\"\n";
	const char *m2 = "number: 1\ntitle: One, renamed\nstatus: planned\ndate: 2026-02-01\nstart: \"17:00\"\n"
			 "agenda:\n- id: x\n  title: X\n  notes:\n  - id: n1\n    text: a note\n";
	const char *m3 = "number: 1\ntitle: One\nstatus: planned\ndate: 2026-02-02\nstart: \"17:00\"\n";
	const char *m4 = "number: 1\ntitle: One\nstatus: planned\n";

	check(schedule_key(&a, m1, strlen(m1)) == 0);
	check(schedule_key(&b, m2, strlen(m2)) == 0);
	check(schedule_key(&c, m3, strlen(m3)) == 0);
	check(schedule_key(&d, m4, strlen(m4)) == 0);
	check(!strcmp(buf_str(&a), buf_str(&b)));  /* the title and notes are no move */
	check(strcmp(buf_str(&a), buf_str(&c)));   /* another day is */
	check(buf_str(&a)[0] == 'D' && buf_str(&d)[0] == '-');
	buf_release(&a);
	buf_release(&b);
	buf_release(&c);
	buf_release(&d);
}

void test_schedule__schedule_key_of_a_loaded_doc(void)
{
	const char *m = "number: 1\ntitle: One\ndate: 2026-02-01\nstart: \"17:00\"\n"
			"location:\n  host: a\n  address: Hall 1\n";
	const char *bad = "number: 1\ntitle: [One\n";
	struct buf a = BUF_INIT, b = BUF_INIT, c = BUF_INIT, d = BUF_INIT;
	struct doc *doc = NULL;
	struct err err;

	check(doc_load(&doc, m, strlen(m), &err) == 0);
	check(schedule_key(&a, m, strlen(m)) == 0);
	check(schedule_key_of(&b, doc, m, strlen(m)) == 0);
	check_str(buf_str(&b), buf_str(&a));
	/* a file that did not load: the same key as from its bytes */
	check(schedule_key(&c, bad, strlen(bad)) == 0);
	check(schedule_key_of(&d, NULL, bad, strlen(bad)) == 0);
	check(c.len == d.len && !memcmp(c.ptr, d.ptr, c.len) && c.ptr[0] == '\x1f');
	doc_free(doc);
	buf_release(&a);
	buf_release(&b);
	buf_release(&c);
	buf_release(&d);
}
