/* Unit tests of the templates (core/template.c): what init writes. */
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/domain.h"
#include "core/schema.h"
#include "core/template.h"
#include "core/tz.h"
#include "tests/unit/unit.h"

static const char zones[] = "Z Asia/Jerusalem 2:20:54 - LMT 1880\n";

void test_template__initiative_timezone(void)
{
	struct template_out *f = NULL;
	struct err err;
	size_t n = 0;

	err_clear(&err);
	check(template_render(&f, &n, "blank", "en", "Literacy", "Asia/Jerusalem", &err) == 0);
	check(n == 1);
	check_str(f[0].path, "initiative.yaml");
	check_str(f[0].data, "name: Literacy\nlanguage: en\ntimezone: Asia/Jerusalem\nproblem:\n"
		  "vision:\nmission:\nelevator_pitch:\n");
	template_out_free(f, n);
	/* none given: no key, as before timezone existed */
	check(template_render(&f, &n, "blank", "he", "אוריינות", NULL, &err) == 0);
	check(!strstr(f[0].data, "timezone"));
	template_out_free(f, n);
}

/* "id minutes purpose" of each agenda item, one a line. */
static void items(struct buf *out, const char *yaml)
{
	const struct doc_node *agenda, *item;
	struct doc *doc;
	struct err err;

	buf_reset(out);
	if (doc_load(&doc, yaml, strlen(yaml), &err) < 0) {
		buf_adds(out, "does not load\n");
		return;
	}
	agenda = doc_get(doc->root, "agenda");
	for (item = agenda ? agenda->head : NULL; item; item = item->next)
		buf_addf(out, "%s %s %s\n", dom_text(item, "id"),
			 dom_text(item, "minutes") ? dom_text(item, "minutes") : "-",
			 dom_text(item, "purpose") ? dom_text(item, "purpose") : "-");
	doc_free(doc);
}

void test_template__ucsd_items_plan_the_meeting(void)
{
	static const char *const want[] = {
		"opening 15 information\nwhy-here 20 discussion\nlandscape 25 discussion\n"
		"framework 20 discussion\nvision-to-mission 30 discussion\nnext-steps 10 decision\n",
		"opening 10 information\nprinciples 40 decision\ncommon-agenda 55 decision\n"
		"next-steps 15 decision\n",
		"opening 10 information\nreview-agenda 25 discussion\nsuccess-stories 25 information\n"
		"levers 45 discussion\nnext-steps 15 decision\n",
	};
	struct template_out *he = NULL, *en = NULL;
	struct buf b = BUF_INIT;
	struct diags d = { 0 };
	struct doc *doc;
	struct err err;
	size_t nh = 0, ne = 0, i;

	err_clear(&err);
	check(tz_load(zones, strlen(zones)) == 0);
	check(template_render(&he, &nh, "ucsd", "he", "n", "Asia/Jerusalem", &err) == 0);
	check(template_render(&en, &ne, "ucsd", "en", "n", "Asia/Jerusalem", &err) == 0);
	check(nh == 4 && ne == 4);
	for (i = 1; i < 4; i++) {
		const char *p, *m;
		long sum = 0;

		/* the same ids, minutes and purposes in both languages */
		items(&b, he[i].data);
		check_str(buf_str(&b), want[i - 1]);
		items(&b, en[i].data);
		check_str(buf_str(&b), want[i - 1]);
		/* the items fill the default two hours */
		for (p = want[i - 1]; (m = strchr(p, ' ')); p = strchr(m, '\n') + 1)
			sum += strtol(m + 1, NULL, 10);
		check(sum == 120);
	}
	/* and every file is valid */
	for (i = 0; i < 4; i++) {
		check(doc_load(&doc, he[i].data, he[i].len, &err) == 0);
		schema_check(&d, he[i].path, doc, NULL);
		doc_free(doc);
		check(doc_load(&doc, en[i].data, en[i].len, &err) == 0);
		schema_check(&d, en[i].path, doc, NULL);
		doc_free(doc);
	}
	check(d.n == 0);
	diags_release(&d);
	template_out_free(he, nh);
	template_out_free(en, ne);
	buf_release(&b);
	tz_unload();
}
