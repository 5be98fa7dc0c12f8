/* Unit tests of the schema (core/schema.c). */
#include <string.h>

#include "core/age.h"
#include "core/schema.h"
#include "core/secret.h"
#include "core/tz.h"
#include "tests/unit/unit.h"

static struct schema_ids *ids_with(const char *const *members)
{
	struct schema_ids *ids = schema_ids_new();

	for (; *members; members++)
		schema_ids_add(ids, REF_MEMBER, *members);
	schema_ids_add(ids, REF_PRINCIPLE, "p-1");
	return ids;
}

/* Checks text as file; returns the diagnostics as "line:col level msg\n". */
static void check_text(struct buf *out, const char *file, const char *text)
{
	static const char *const members[] = { "dana", "yossi", NULL };
	struct schema_ids *ids = ids_with(members);
	struct diags d = { 0 };
	struct doc *doc;
	struct err err;
	size_t i;

	buf_reset(out);
	if (doc_load(&doc, text, strlen(text), &err) < 0) {
		buf_addf(out, "load %u:%u %s\n", err.line, err.col, err.msg);
		schema_ids_free(ids);
		return;
	}
	schema_check(&d, file, doc, ids);
	diags_sort(&d);
	for (i = 0; i < d.n; i++)
		buf_addf(out, "%u:%u %s %s\n", d.v[i].line, d.v[i].col,
			 d.v[i].level == DIAG_ERROR ? "error" : "warning", d.v[i].msg);
	diags_release(&d);
	doc_free(doc);
	schema_ids_free(ids);
}

void test_schema__meeting_file_names(void)
{
	struct buf b = BUF_INIT;
	static const char *const bad[] = {
		"meetings/0.yaml", "meetings/000.yaml", "meetings/00001.yaml",
		"meetings/999999999999.yaml", "meetings/100000.yaml", NULL
	};
	const char *const *f;

	for (f = bad; *f; f++) {
		check_text(&b, *f, "number: 1\ntitle: t\nstatus: planned\n");
		check_str(buf_str(&b), "1:1 error a meeting's file is named by its number (1 to 99999) in three digits or more, like meetings/001.yaml\n");
	}
	check_text(&b, "meetings/99999.yaml", "number: 99999\ntitle: t\nstatus: planned\n");
	check_str(buf_str(&b), "");
	check_text(&b, "meetings/1000.yaml", "number: 1000\ntitle: t\nstatus: planned\n");
	check_str(buf_str(&b), "");
	buf_release(&b);
}

void test_schema__valid_meeting(void)
{
	struct buf b = BUF_INIT;

	check_text(&b, "meetings/002.yaml",
		   "number: 2\ntitle: t\nstatus: held\ndate: 2026-02-01\nstart: \"17:00\"\n"
		   "attendees: [dana, yossi]\nagenda:\n- id: opening\n  title: o\n  notes:\n"
		   "  - {id: n1, by: dana, at: \"2026-02-01T17:05:00+02:00\", text: hi}\n"
		   "  actions:\n  - {id: a1, text: do, owner: yossi, due: 2026-02-15, status: open}\n");
	check_str(buf_str(&b), "");
	buf_release(&b);
}

void test_schema__meeting_problems(void)
{
	struct buf b = BUF_INIT;

	check_text(&b, "meetings/002.yaml",
		   "number: 3\nstatus: done\ndate: 2026-02-30\nattendees: [dana, rina, dana]\n"
		   "agenda:\n- id: x\n  title: a\n- id: x\n  title: b\n  colour: red\n");
	check_str(buf_str(&b),
		  "1:1 error a meeting needs 'title'\n"
		  "1:9 error meeting number 3 does not match the file name 'meetings/002.yaml'; rename the file or fix the number\n"
		  "2:9 error 'status' must be one of planned, held, cancelled; found 'done'\n"
		  "3:7 error 'date' is 2026-02-30, a day that does not exist\n"
		  "4:19 error unknown member 'rina' in 'attendees'; add members/<id>.yaml or fix the id\n"
		  "4:25 error 'dana' is listed twice in 'attendees' (first at line 4); remove one\n"
		  "8:7 error duplicate id 'x' in agenda (first at line 6); give one a new id\n"
		  "10:3 warning unknown key 'colour' in an agenda item (kept; check the spelling)\n");
	buf_release(&b);
}

void test_schema__member_and_ids(void)
{
	struct buf b = BUF_INIT;

	check_text(&b, "members/dana.yaml", "id: dana\nname: Dana\nrole: facilitator\ncan_host: true\n");
	check_str(buf_str(&b), "");
	check_text(&b, "members/dana.yaml", "id: dan\nname: Dana\ncan_host: yes\nemail: nope\n");
	check_str(buf_str(&b),
		  "1:5 error id 'dan' does not match the file name 'members/dana.yaml'; rename the file or fix the id\n"
		  "3:11 error 'can_host' must be true or false; found 'yes'\n"
		  "4:8 error 'email' must be an email address; found 'nope'\n");
	/* a long Hebrew value is cut between letters, never inside one */
	check_text(&b, "members/dana.yaml", "id: dana\nname: x\njoined: אאאאאאאאאאאאאאאאאאאאאאאאא\n");
	check_str(buf_str(&b), "3:9 error 'joined' must be a date like 2026-02-01; found 'אאאאאאאאאאאאאאאאאאאא...'\n");
	check_text(&b, "members/Dana.yaml", "id: Dana\nname: x\n");
	check_str(buf_str(&b),
		  "1:1 error file name 'members/Dana.yaml' is not a valid id; rename the file: an id is 1 to 63 of a-z, 0-9 and '-', not starting with '-'\n");
	check_text(&b, "members/x.yaml", "");
	check_str(buf_str(&b), "1:1 error the file is empty; a member needs at least id\n");
	check_text(&b, "members/x.yaml", "- a\n");
	check_str(buf_str(&b), "1:1 error the file must hold a mapping of fields (key: value lines)\n");
	buf_release(&b);
}

void test_schema__conflicts_are_errors(void)
{
	struct buf b = BUF_INIT;

	check_text(&b, "initiative.yaml",
		   "name: n\nlanguage: he\nvision: !conflict\n  base: a\n  sides:\n  - value: b\n");
	check_str(buf_str(&b),
		  "3:9 error unresolved conflict in 'vision'; settle it with 'convene resolve'\n");
	check_text(&b, "outcomes/o.yaml",
		   "id: o\ntitle: t\nprinciples: [p-1, p-2]\nindicators:\n- id: i\n  name: n\n"
		   "  measurements:\n  - id: m\n    date: 2026-01-01\n    value: many\n");
	check_str(buf_str(&b),
		  "3:19 error unknown principle 'p-2' in 'principles'; add it to principles in initiative.yaml or fix the id\n"
		  "10:12 error 'value' must be a number; found 'many'\n");
	buf_release(&b);
}

void test_schema__insert_order(void)
{
	const char *text = "name: n\nlanguage: he\nmission: m\n";
	const char *keys[] = { "agenda" };
	struct doc *doc;
	struct doc_node *after;
	struct err err;

	check(doc_load(&doc, text, strlen(text), &err) == 0);
	after = schema_insert_after(KIND_INITIATIVE, NULL, 0, doc->root, "vision");
	check(after && !strcmp(after->key->str, "language"));
	after = schema_insert_after(KIND_INITIATIVE, NULL, 0, doc->root, "name");
	check(after == NULL);
	after = schema_insert_after(KIND_INITIATIVE, NULL, 0, doc->root, "unknown");
	check(after == doc->root->tail);
	doc_free(doc);
	check(schema_is_text_field(KIND_INITIATIVE, (const char *[]){ "vision" }, 1));
	check(!schema_is_text_field(KIND_MEETING, (const char *[]){ "duration" }, 1));
	check(!schema_is_text_field(KIND_MEETING, keys, 1));
}

void test_schema__ids(void)
{
	struct schema_ids *ids = schema_ids_new();
	char name[16];
	int i;

	for (i = 0; i < 3000; i++) {
		snprintf(name, sizeof(name), "m-%d", i);
		check(schema_ids_add(ids, REF_MEMBER, name) == 0);
	}
	check(schema_ids_add(ids, REF_MEMBER, "m-7") == 0);
	check(schema_ids_count(ids, REF_MEMBER) == 3000);
	check(schema_ids_has(ids, REF_MEMBER, "m-2999"));
	check(!schema_ids_has(ids, REF_MEMBER, "m-3000"));
	check(!schema_ids_has(ids, REF_SUBGROUP, "m-1"));
	schema_ids_free(ids);
}

/* The diagnostics of text as file, unsorted, with their places. */
static void diags_of(struct diags *d, const char *file, const char *text)
{
	static const char *const members[] = { "dana", "yossi", NULL };
	struct schema_ids *ids = ids_with(members);
	struct doc *doc;
	struct err err;

	memset(d, 0, sizeof(*d));
	if (doc_load(&doc, text, strlen(text), &err) == 0) {
		schema_check(d, file, doc, ids);
		doc_free(doc);
	}
	schema_ids_free(ids);
}

/*
 * An error is the same error when lines above it come or go (a settled
 * !conflict): what and where in the data, not its line, and not the line
 * its message names.
 */
void test_schema__same_error_after_lines_move(void)
{
	struct diags a, b, c;

	diags_of(&a, "meetings/003.yaml",
		 "number: 3\nstatus: planned\ntitle: !conflict\n  base: t\n  sides:\n  - from: a\n    value: x\n"
		 "  - from: b\n    value: y\nattendees:\n- dana\n- dana\n"
		 "agenda:\n- id: o\n  title: o\n  notes:\n  - {id: n1, by: rina, text: hi}\n");
	diags_of(&b, "meetings/003.yaml",
		 "number: 3\nstatus: planned\ntitle: x\nattendees:\n- dana\n- dana\n"
		 "agenda:\n- id: o\n  title: o\n  notes:\n  - {id: n1, by: rina, text: hi}\n");
	diags_of(&c, "meetings/003.yaml",
		 "number: 3\nstatus: planned\ntitle: x\nattendees:\n- dana\n- dana\n"
		 "agenda:\n- id: o\n  title: o\n  notes:\n  - {id: n2, by: rina, text: hi}\n");
	/* the conflict, the attendee twice, the unknown author */
	check(a.errors == 3 && b.errors == 2 && c.errors == 2);
	check(a.v[1].line != b.v[0].line && diag_same(&a.v[1], &b.v[0]));
	check_str(b.v[0].where, "attendees");
	check(diag_same(&a.v[2], &b.v[1]));
	check_str(b.v[1].where, "agenda[o].notes[n1].by");
	/* the same message elsewhere in the data is another error */
	check(!diag_same(&b.v[1], &c.v[1]));
	check(!diag_same(&a.v[0], &b.v[0]));
	/* what an edit from b to c adds: the author of a note it renamed */
	check(diags_keep_new(&c, &b) == 1 && c.n == 1);
	check_str(c.v[0].where, "agenda[o].notes[n2].by");
	/* settling the conflict (a to b) adds nothing */
	check(diags_keep_new(&b, &a) == 0 && b.n == 0);
	diags_release(&a);
	diags_release(&b);
	diags_release(&c);
}

void test_schema__number_is_finite(void)
{
	struct buf b = BUF_INIT;

	check_text(&b, "outcomes/grade3.yaml",
		   "id: grade3\ntitle: t\nindicators:\n- id: i1\n  name: n\n  baseline: 1e999\n"
		   "  target: -.inf\n  measurements:\n  - {id: m1, date: 2026-02-01, value: .nan}\n"
		   "  - {id: m2, date: 2026-02-01, value: 1.5e3}\n");
	check_str(buf_str(&b),
		  "6:13 error 'baseline' must be a finite number; found '1e999'\n"
		  "7:11 error 'target' must be a finite number; found '-.inf'\n"
		  "9:39 error 'value' must be a finite number; found '.nan'\n");
	buf_release(&b);
}

void test_schema__check_value(void)
{
	static const char *const members[] = { "dana", NULL };
	struct schema_ids *ids = ids_with(members);
	const char *due[] = { "agenda", "actions", "due" }, *owner[] = { "agenda", "actions", "owner" };
	const char *value[] = { "indicators", "measurements", "value" };
	struct err err;

	err_clear(&err);
	check(schema_check_value(KIND_MEETING, due, 3, "2026-02-28", "--due", NULL, &err) == 0);
	check(schema_check_value(KIND_MEETING, due, 3, "2026-02-30", "--due", NULL, &err) == ERR_USAGE);
	check_str(err.msg, "'--due' is 2026-02-30, a day that does not exist");
	check(schema_check_value(KIND_MEETING, due, 3, "", "--due", NULL, &err) == ERR_USAGE);
	check(schema_check_value(KIND_MEETING, (const char *[]){ "start" }, 1, "25:00", "--start",
				 NULL, &err) == ERR_USAGE);
	check_str(err.msg, "'--start' must be a time like 17:00; found '25:00'");
	check(schema_check_value(KIND_MEETING, (const char *[]){ "duration" }, 1, "-5", "--duration",
				 NULL, &err) == ERR_USAGE);
	check_str(err.msg, "'--duration' must be a whole number; found '-5'");
	check(schema_check_value(KIND_MEETING, (const char *[]){ "duration" }, 1, "90", "--duration",
				 NULL, &err) == 0);
	check(schema_check_value(KIND_MEMBER, (const char *[]){ "role" }, 1, "king", "--role",
				 NULL, &err) == ERR_USAGE);
	check_str(err.msg, "'--role' must be one of facilitator, backbone, member, funder, partner, observer; found 'king'");
	check(schema_check_value(KIND_OUTCOME, value, 3, "abc", "VALUE", NULL, &err) == ERR_USAGE);
	check(schema_check_value(KIND_OUTCOME, value, 3, "nan", "VALUE", NULL, &err) == ERR_USAGE);
	check(schema_check_value(KIND_OUTCOME, value, 3, "1e999", "VALUE", NULL, &err) == ERR_USAGE);
	check_str(err.msg, "'VALUE' must be a finite number; found '1e999'");
	check(schema_check_value(KIND_OUTCOME, value, 3, "-2.5", "VALUE", NULL, &err) == 0);
	check(schema_check_value(KIND_MEMBER, (const char *[]){ "organization" }, 1, "a\nb", "--org",
				 NULL, &err) == ERR_USAGE);
	/* a text field takes text that looks like a number */
	check(schema_check_value(KIND_MEMBER, (const char *[]){ "phone" }, 1, "0501234567", "--phone",
				 NULL, &err) == 0);
	/* the form is a usage error; what it names, a matter of the data */
	check(schema_check_value(KIND_MEETING, owner, 3, "Not An Id", "--owner", ids, &err) == ERR_USAGE);
	check(schema_check_value(KIND_MEETING, owner, 3, "ghost", "--owner", NULL, &err) == 0);
	check(schema_check_value(KIND_MEETING, owner, 3, "ghost", "--owner", ids, &err) == ERR_NOTFOUND);
	check_str(err.msg, "unknown member 'ghost' in '--owner'; add members/<id>.yaml or fix the id");
	check(schema_check_value(KIND_MEETING, owner, 3, "dana", "--owner", ids, &err) == 0);
	/* a list that could not be read is not checked */
	check(schema_check_value(KIND_MEMBER, (const char *[]){ "subgroups" }, 1, "x", "--subgroup",
				 ids, &err) == 0);
	schema_ids_known(ids, REF_SUBGROUP);
	check(schema_check_value(KIND_MEMBER, (const char *[]){ "subgroups" }, 1, "x", "--subgroup",
				 ids, &err) == ERR_NOTFOUND);
	check(schema_check_value(KIND_MEMBER, (const char *[]){ "newer" }, 1, "anything", "--x",
				 ids, &err) == 0);
	schema_ids_free(ids);
}

void test_schema__field_known(void)
{
	struct schema_unknown u;

	check(schema_field_known(&u, KIND_INITIATIVE, (const char *[]){ "vision" }, 1));
	check(!schema_field_known(&u, KIND_INITIATIVE, (const char *[]){ "visoin" }, 1));
	check(u.at == 0);
	check_str(u.closest, "vision");
	check_str(u.what, "the initiative");
	check(!strncmp(u.known, "name, language, timezone, problem, vision,", 42));
	check(!schema_field_known(&u, KIND_INITIATIVE, (const char *[]){ "elevator" }, 1));
	check_str(u.closest, "elevator_pitch");
	check(!schema_field_known(&u, KIND_INITIATIVE, (const char *[]){ "colour" }, 1));
	check_str(u.closest, "");
	check(schema_field_known(&u, KIND_MEETING, (const char *[]){ "agenda", "notes" }, 2));
	check(!schema_field_known(&u, KIND_MEETING, (const char *[]){ "agenda", "notse" }, 2));
	check(u.at == 1);
	check_str(u.closest, "notes");
	check_str(u.what, "an agenda item");
	check(schema_field_known(&u, KIND_MEETING, (const char *[]){ "location", "host" }, 2));
	check(schema_field_known(&u, KIND_INTERVIEW, (const char *[]){ "answers", "motivation" }, 2));
	check(!schema_field_known(&u, KIND_INTERVIEW, (const char *[]){ "answers", "q", "x" }, 3));
	check(u.at == 2 && !u.what);
	/* a value has no fields */
	check(!schema_field_known(&u, KIND_INITIATIVE, (const char *[]){ "vision", "text" }, 2));
	check(u.at == 1 && !u.what);
}

void test_schema__check_option(void)
{
	static const char *const members[] = { "dana", NULL };
	struct schema_ids *ids = ids_with(members);
	struct err err;
	int bad_date, ghost, dana, no_ids, none;

	err_clear(&err);
	none = schema_check_option(KIND_MEETING, "agenda.actions.due", NULL, "--due", ids, &err);
	dana = schema_check_option(KIND_MEETING, "agenda.actions.owner", "dana", "--owner", ids, &err);
	no_ids = schema_check_option(KIND_MEETING, "agenda.actions.owner", "ghost", "--owner", NULL,
				     &err);
	bad_date = schema_check_option(KIND_MEETING, "agenda.actions.due", "2026-02-30", "--due", ids,
				       &err);
	check(none == 0 && dana == 0 && no_ids == 0);
	/* the dotted field is the path of keys: a date is checked as one */
	check(bad_date == ERR_USAGE);
	check(strstr(err.msg, "--due") != NULL);
	check(!strstr(err.hint, "nothing was changed"));
	err_clear(&err);
	ghost = schema_check_option(KIND_MEETING, "agenda.actions.owner", "ghost", "--owner", ids,
				    &err);
	check(ghost == ERR_NOTFOUND);
	check(strstr(err.msg, "ghost") != NULL);
	schema_ids_free(ids);
	check_str(err.hint, "nothing was changed");
}

static const char zones[] = "Z Asia/Jerusalem 2:20:54 - LMT 1880\nL Etc/UTC UTC\n";

void test_schema__timezone(void)
{
	const char *tzkey[] = { "timezone" };
	struct buf b = BUF_INIT;
	struct err err;

	check(tz_load(zones, strlen(zones)) == 0);
	check_text(&b, "initiative.yaml", "name: n\nlanguage: en\ntimezone: Asia/Jerusalem\n");
	check_str(buf_str(&b), "");
	/* optional: an initiative from before timezone is valid */
	check_text(&b, "initiative.yaml", "name: n\nlanguage: en\n");
	check_str(buf_str(&b), "");
	check_text(&b, "initiative.yaml", "name: n\nlanguage: en\ntimezone: Asia/Jerusalm\n");
	check_str(buf_str(&b), "3:11 error 'timezone' is 'Asia/Jerusalm', a time zone the tz database does not know; did you mean 'Asia/Jerusalem'?\n");
	check_text(&b, "initiative.yaml", "name: n\nlanguage: en\ntimezone: Mars/Olympus\n");
	check_str(buf_str(&b), "3:11 error 'timezone' is 'Mars/Olympus', a time zone the tz database does not know; write an IANA name like Asia/Jerusalem, America/New_York or UTC\n");
	check_text(&b, "initiative.yaml", "name: n\nlanguage: en\ntimezone: 2\n");
	check_str(buf_str(&b), "3:11 error 'timezone' must be text, but 2 reads as a number; put it in quotes: \"2\"\n");
	check_text(&b, "initiative.yaml", "name: n\nlanguage: en\ntimezone: [UTC]\n");
	check_str(buf_str(&b), "3:11 error 'timezone' must be a time zone name like Asia/Jerusalem; found a list\n");
	/* the command line's value, by the same rule */
	err_clear(&err);
	check(schema_is_text_field(KIND_INITIATIVE, tzkey, 1));
	check(schema_check_value(KIND_INITIATIVE, tzkey, 1, "UTC", "timezone", NULL, &err) == 0);
	check(schema_check_value(KIND_INITIATIVE, tzkey, 1, "asia/jerusalem", "timezone", NULL,
				 &err) == ERR_USAGE);
	check_str(err.msg, "'timezone' is 'asia/jerusalem', a time zone the tz database does not know; did you mean 'Asia/Jerusalem'?");
	/* no database: not checked, and said */
	tz_unload();
	check_text(&b, "initiative.yaml", "name: n\nlanguage: en\ntimezone: Mars/Olympus\n");
	check_str(buf_str(&b), "3:11 warning 'timezone' (Mars/Olympus) is not checked: this system has no tz database (install tzdata)\n");
	buf_release(&b);
}

void test_schema__agenda_item_fields(void)
{
	const char *minutes[] = { "agenda", "minutes" }, *purpose[] = { "agenda", "purpose" };
	const char *lead[] = { "agenda", "lead" };
	static const char *const members[] = { "dana", NULL };
	struct schema_ids *ids = ids_with(members);
	struct buf b = BUF_INIT;
	struct err err;

	check_text(&b, "meetings/001.yaml",
		   "number: 1\ntitle: t\nstatus: planned\nagenda:\n"
		   "- id: opening\n  title: o\n  minutes: 15\n  lead: dana\n  purpose: information\n"
		   "- id: vision\n  title: v\n  purpose: decision\n");
	check_str(buf_str(&b), "");
	check_text(&b, "meetings/001.yaml",
		   "number: 1\ntitle: t\nstatus: planned\nagenda:\n"
		   "- id: a\n  title: o\n  minutes: 0\n  lead: rina\n  purpose: decide\n"
		   "- id: b\n  title: v\n  minutes: 7.5\n  lead: 5\n"
		   "- id: c\n  title: v\n  minutes: -3\n  lead: Dana Levi\n");
	check_str(buf_str(&b),
		  "7:12 error 'minutes' must be a whole number, 1 or more; found '0'\n"
		  "8:9 error unknown member 'rina' in 'lead'; add members/<id>.yaml or fix the id\n"
		  "9:12 error 'purpose' must be one of information, discussion, decision; found 'decide'\n"
		  "12:12 error 'minutes' must be a whole number, 1 or more; found '7.5'\n"
		  "13:9 error 'lead' must be text, but 5 reads as a number; put it in quotes: \"5\"\n"
		  "16:12 error 'minutes' must be a whole number, 1 or more; found '-3'\n"
		  "17:9 error 'lead' must be an id (a-z, 0-9 and '-'); found 'Dana Levi'\n");
	/* as options give them */
	err_clear(&err);
	check(schema_check_value(KIND_MEETING, minutes, 2, "20", "--minutes", NULL, &err) == 0);
	check(schema_check_value(KIND_MEETING, minutes, 2, "0", "--minutes", NULL, &err) == ERR_USAGE);
	check_str(err.msg, "'--minutes' must be a whole number, 1 or more; found '0'");
	check(schema_check_value(KIND_MEETING, minutes, 2, "000", "--minutes", NULL, &err) == ERR_USAGE);
	check(schema_check_value(KIND_MEETING, purpose, 2, "vote", "--purpose", NULL, &err) == ERR_USAGE);
	check_str(err.msg, "'--purpose' must be one of information, discussion, decision; found 'vote'");
	check(schema_check_value(KIND_MEETING, lead, 2, "ghost", "--lead", ids, &err) == ERR_NOTFOUND);
	check(schema_check_value(KIND_MEETING, lead, 2, "dana", "--lead", ids, &err) == 0);
	schema_ids_free(ids);
	buf_release(&b);
}

void test_schema__other_errors_than_conflicts(void)
{
	struct diags d = { 0 };

	/* a conflict alone leaves nothing to fix */
	diags_of(&d, "initiative.yaml",
		 "name: n\nlanguage: he\nvision: !conflict\n  base: a\n  sides:\n  - value: b\n");
	check(d.errors == 1 && d.conflicts == 1);
	check(diags_other_errors(&d) == 0);
	diags_release(&d);
	/* a missing name besides it is one */
	diags_of(&d, "initiative.yaml",
		 "language: he\nvision: !conflict\n  base: a\n  sides:\n  - value: b\n");
	check(d.conflicts == 1 && d.errors == 2);
	check(diags_other_errors(&d) == 1);
	diags_release(&d);
	/* never below zero, even for a list memory cut short */
	d.errors = 1;
	d.conflicts = 2;
	check(diags_other_errors(&d) == 0);
}

/* A meeting's start is a time of day (text_is_time): 18:00:60 is said,
 * where it is; a time stamp may still carry a leap second (RFC 3339). */
void test_schema__start_is_a_time_of_day(void)
{
	struct buf b = BUF_INIT;

	check_text(&b, "meetings/001.yaml",
		   "number: 1\ntitle: t\nstatus: planned\ndate: 2026-02-01\nstart: \"18:00:60\"\n");
	check_str(buf_str(&b), "5:8 error 'start' must be a time like 17:00; found '18:00:60'\n");
	check_text(&b, "meetings/001.yaml",
		   "number: 1\ntitle: t\nstatus: planned\ndate: 2026-02-01\nstart: \"18:00:59\"\n"
		   "agenda:\n- id: a\n  title: a\n  notes:\n  - id: n1\n    text: n\n    at: 2016-12-31T23:59:60Z\n");
	check_str(buf_str(&b), "");
	buf_release(&b);
}

/* Checks doc (file) with ids; the diagnostics as check_text() gives them. */
static void check_doc(struct buf *out, const char *file, const struct doc *doc,
		      const struct schema_ids *ids)
{
	struct diags d = { 0 };
	size_t i;

	buf_reset(out);
	schema_check(&d, file, doc, ids);
	diags_sort(&d);
	for (i = 0; i < d.n; i++)
		buf_addf(out, "%u:%u %s %s\n", d.v[i].line, d.v[i].col,
			 d.v[i].level == DIAG_ERROR ? "error" : "warning", d.v[i].msg);
	diags_release(&d);
}

void test_schema__confidential_values(void)
{
	static const char *const members[] = { "dana", "rina", NULL };
	const char *file = "interviews/rina-1.yaml";
	const char *text = "id: rina-1\nmember: rina\ninterviewer: dana\ndate: 2026-01-05\n"
			   "answers:\n  why: plain words\nnotes: more\nconfidential: true\n";
	struct schema_ids *ids = ids_with(members);
	struct age_identity id, other;
	struct age_recipient r, r2;
	char rs[AGE_RECIPIENT_STRLEN];
	struct buf out = BUF_INIT, b = BUF_INIT;
	struct doc *doc, *again;
	struct err err;

	check(age_init() == 0 && age_keygen(&id) == 0 && age_keygen(&other) == 0);
	age_identity_recipient(&id, &r);
	age_identity_recipient(&other, &r2);
	check(doc_load(&doc, text, strlen(text), &err) == 0);
	/* plain text under answers and notes: an error at each, naming the fix */
	check_doc(&out, file, doc, ids);
	check(strstr(out.ptr, "6:8 error the answer to 'why' " SCHEMA_UNSEALED));
	check(strstr(out.ptr, "7:8 error 'notes' " SCHEMA_UNSEALED));
	check(strstr(out.ptr, "convene interview seal rina-1 seals it"));
	/* sealed for the readers' keys: nothing to say */
	check(secret_seal_doc(doc, file, NULL, NULL, 0, &r, 1, 0) == 0);
	doc_emit(&b, doc);
	check(doc_load(&again, b.ptr, b.len, &err) == 0);
	age_recipient_format(&r, rs);
	schema_ids_known(ids, REF_RECIPIENT);
	schema_ids_add(ids, REF_RECIPIENT, rs);
	check_doc(&out, file, again, ids);
	check_str(buf_str(&out), "");
	/* the readers' keys are another set now: a warning with the commands */
	schema_ids_free(ids);
	ids = ids_with(members);
	age_recipient_format(&r2, rs);
	schema_ids_known(ids, REF_RECIPIENT);
	schema_ids_add(ids, REF_RECIPIENT, rs);
	check_doc(&out, file, again, ids);
	check(strstr(out.ptr, "warning the values are sealed for other recipients than the current readers' keys"));
	check(strstr(out.ptr, "convene readers add/rm"));
	check(!strstr(out.ptr, "error"));
	doc_free(again);
	doc_free(doc);
	/* a reader with no age: key */
	check(doc_load(&doc, "name: x\nlanguage: en\nreaders:\n- dana\n- rina\n", 44, &err) == 0);
	schema_ids_known(ids, REF_AGED);
	schema_ids_add(ids, REF_AGED, "dana");
	check_doc(&out, "initiative.yaml", doc, ids);
	check_str(buf_str(&out), "5:3 error reader 'rina' has no age: key in members/rina.yaml, so nothing can be sealed for them; they run convene key new, then convene member edit rina --age age1... (or convene key publish)\n");
	doc_free(doc);
	schema_ids_free(ids);
	buf_release(&out);
	buf_release(&b);
}
