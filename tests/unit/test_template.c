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
	check(template_render(&f, &n, "blank", "en", "Literacy", "Asia/Jerusalem", NULL, &err) == 0);
	check(n == 1);
	check_str(f[0].path, "initiative.yaml");
	check_str(f[0].data, "name: Literacy\nlanguage: en\ntimezone: Asia/Jerusalem\nproblem:\n"
		  "vision:\nmission:\nelevator_pitch:\n");
	template_out_free(f, n);
	/* none given: no key, as before timezone existed */
	check(template_render(&f, &n, "blank", "he", "אוריינות", NULL, NULL, &err) == 0);
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
	check(template_render(&he, &nh, "ucsd", "he", "n", "Asia/Jerusalem", NULL, &err) == 0);
	check(template_render(&en, &ne, "ucsd", "en", "n", "Asia/Jerusalem", NULL, &err) == 0);
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

void test_template__add_months(void)
{
	char d[16];

	check(template_add_months(d, sizeof(d), "2026-01-15", 0) == 0);
	check_str(d, "2026-01-15");
	check(template_add_months(d, sizeof(d), "2026-01-31", 1) == 0);
	check_str(d, "2026-02-28");
	check(template_add_months(d, sizeof(d), "2028-01-31", 1) == 0);
	check_str(d, "2028-02-29");
	check(template_add_months(d, sizeof(d), "2026-10-15", 5) == 0);
	check_str(d, "2027-03-15");
	check(template_add_months(d, sizeof(d), "2026-13-01", 1) < 0);
	check(template_add_months(d, sizeof(d), NULL, 1) < 0);
}

/* The ids of a list under key of a file's root, one a line. */
static void ids_of(struct buf *out, const char *yaml, const char *key, const char *also)
{
	const struct doc_node *seq, *e;
	struct doc *doc;
	struct err err;

	buf_reset(out);
	if (doc_load(&doc, yaml, strlen(yaml), &err) < 0) {
		buf_adds(out, "does not load\n");
		return;
	}
	seq = doc_get(doc->root, key);
	for (e = seq && seq->kind == DOC_SEQ ? seq->head : NULL; e; e = e->next)
		buf_addf(out, "%s %s\n", dom_text(e, "id"), also && dom_text(e, also) ? dom_text(e, also) : "-");
	doc_free(doc);
}

void test_template__ucsd_guide_and_timeline(void)
{
	struct template_out *he = NULL, *en = NULL, *none = NULL;
	struct buf b = BUF_INIT, c = BUF_INIT;
	struct diags d = { 0 };
	struct doc *doc;
	struct err err;
	size_t nh = 0, ne = 0, nn = 0;

	err_clear(&err);
	check(template_render(&he, &nh, "ucsd", "he", "n", NULL, "2026-01-31", &err) == 0);
	check(template_render(&en, &ne, "ucsd", "en", "n", NULL, "2026-01-31", &err) == 0);
	/* the guide: the same ids in both languages, in the order of meeting 1 */
	ids_of(&b, he[0].data, "interview_questions", NULL);
	ids_of(&c, en[0].data, "interview_questions", NULL);
	check_str(buf_str(&b), "motivation -\nstrengths -\nperspective -\nassets -\nchallenges -\n"
		  "success -\n");
	check_str(buf_str(&c), buf_str(&b));
	/* the timeline: six months from the start, planned */
	ids_of(&b, he[0].data, "timeline", "date");
	ids_of(&c, en[0].data, "timeline", "date");
	check_str(buf_str(&b), "interviews 2026-01-31\nmeeting-1 2026-02-28\nmeeting-2 2026-03-31\n"
		  "meeting-3 2026-04-30\nquick-wins 2026-05-31\nworking-group 2026-06-30\n"
		  "evaluation 2026-07-31\ncommunications 2026-07-31\n");
	check_str(buf_str(&c), buf_str(&b));
	check(strstr(he[0].data, "status: planned"));
	/* valid */
	check(doc_load(&doc, he[0].data, he[0].len, &err) == 0);
	schema_check(&d, "initiative.yaml", doc, NULL);
	doc_free(doc);
	check(doc_load(&doc, en[0].data, en[0].len, &err) == 0);
	schema_check(&d, "initiative.yaml", doc, NULL);
	doc_free(doc);
	check(d.n == 0);
	/* blank has neither; a bad start is refused */
	check(template_render(&none, &nn, "blank", "en", "n", NULL, "2026-01-31", &err) == 0);
	check(!strstr(none[0].data, "timeline") && !strstr(none[0].data, "interview_questions"));
	template_out_free(none, nn);
	check(template_render(&none, &nn, "ucsd", "en", "n", NULL, "2026-02-30", &err) == ERR_USAGE);
	template_out_free(he, nh);
	template_out_free(en, ne);
	diags_release(&d);
	buf_release(&b);
	buf_release(&c);
}

/* A meeting 4 laid out from template name in lang, as meeting new makes it. */
static struct doc *later(const char *name, const char *lang, const char *host)
{
	struct doc *doc = doc_new();
	struct err err;

	if (!doc || !(doc->root = doc_map(doc)) ||
	    dom_put(doc, KIND_MEETING, NULL, 0, doc->root, "number", dom_plain(doc, "4")) < 0 ||
	    dom_put(doc, KIND_MEETING, NULL, 0, doc->root, "status", dom_str(doc, "planned")) < 0 ||
	    template_meeting(doc, doc->root, name, lang, 4, host, &err) < 0) {
		doc_free(doc);
		return NULL;
	}
	return doc;
}

void test_template__later_meetings(void)
{
	static const char *const want[] = {
		"opening next-steps ",
		"opening brainstorm choose-wins next-steps ",
		"opening scope subgroups recruiting partnerships next-steps ",
		"opening evaluation-needs learning-plan next-steps ",
		"opening audiences elevator-pitch in-the-community next-steps ",
	};
	struct buf b = BUF_INIT, e = BUF_INIT;
	struct diags d = { 0 };
	size_t i, l;

	for (i = 0; template_meetings[i]; i++) {
		check(i < 5);
		for (l = 0; l < 2; l++) {
			struct doc *doc = later(template_meetings[i], l ? "en" : "he", NULL);
			const struct doc_node *item;
			long sum = 0;

			check(doc);
			buf_reset(&b);
			for (item = doc_get(doc->root, "agenda")->head; item; item = item->next) {
				buf_addf(&b, "%s ", dom_text(item, "id"));
				sum += dom_text(item, "minutes") ? atol(dom_text(item, "minutes")) : 0;
				/* every item of a later meeting has its prompt */
				check(i == 0 || dom_text(item, "prompt"));
			}
			check_str(buf_str(&b), want[i]);
			check(i == 0 || sum == 120);
			check(i == 0 || doc_get(doc->root, "goals"));
			buf_reset(&e);
			check(doc_emit(&e, doc) == 0);
			check(strstr(buf_str(&e), i ? (l ? "title: Meeting 4 – " : "title: מפגש 4 – ")
					      : (l ? "title: Meeting 4\n" : "title: מפגש 4\n")));
			schema_check(&d, "meetings/004.yaml", doc, NULL);
			doc_free(doc);
		}
	}
	check(d.n == 0);
	diags_release(&d);
	buf_release(&b);
	buf_release(&e);
}

void test_template__host_practices(void)
{
	struct doc *doc = later("quick-wins", "en", "dana");
	const struct doc_node *second;
	struct err err;

	check(doc);
	second = doc_get(doc->root, "agenda")->head->next;
	check_str(dom_text(second, "id"), "host-practices");
	check_str(dom_text(second, "lead"), "dana");
	check(dom_text(second, "prompt") != NULL);
	doc_free(doc);
	/* blank gets it too; no host, no item */
	check((doc = later("blank", "he", "dana")) != NULL);
	check_str(dom_text(doc_get(doc->root, "agenda")->head->next, "id"), "host-practices");
	doc_free(doc);
	check((doc = later("evaluation", "he", NULL)) != NULL);
	check(!doc_find_id(doc_get(doc->root, "agenda"), "host-practices"));
	doc_free(doc);
	/* a name that is not a template */
	doc = doc_new();
	check(doc && (doc->root = doc_map(doc)));
	check(template_meeting(doc, doc->root, "bogus", "en", 4, NULL, &err) == ERR_USAGE);
	check(strstr(err.msg, "quick-wins"));
	doc_free(doc);
	check_str(template_decision_field("elevator-pitch"), "elevator_pitch");
	check(!template_decision_field("opening"));
}
