/* The "diff in words" engine (core/describe.c): two texts of a file in,
 * the sentences `convene diff` prints out. */
#include <string.h>

#include "core/buf.h"
#include "core/describe.h"
#include "tests/unit/unit.h"

/* The sentences about file from old to new, one "file: text" a line;
 * NULL for a side means the file is not there. */
static char *said(struct buf *b, const char *file, const char *old, const char *new)
{
	struct describe d = DESCRIBE_INIT;
	size_t i;
	int rc;

	rc = describe_file(&d, file, old, old ? strlen(old) : 0, new, new ? strlen(new) : 0);
	buf_reset(b);
	for (i = 0; i < d.n; i++)
		buf_addf(b, "%s: %s\n", d.v[i].file, d.v[i].text);
	describe_release(&d);
	return rc == 0 && !buf_failed(b) ? b->ptr ? b->ptr : (char *)"" : NULL;
}

static const char meeting[] =
	"number: 2\n"
	"title: Principles\n"
	"agenda:\n"
	"- id: intro\n"
	"  title: Welcome\n"
	"  notes:\n"
	"  - id: n1\n"
	"    text: we met\n"
	"- id: principles\n"
	"  title: Our principles\n";

void test_describe__meeting_notes_changed_and_added(void)
{
	struct buf b = BUF_INIT;
	const char *after =
		"number: 2\n"
		"title: Principles\n"
		"agenda:\n"
		"- id: intro\n"
		"  title: Welcome\n"
		"  notes:\n"
		"  - id: n1\n"
		"    text: we met, all twelve of us\n"
		"- id: principles\n"
		"  title: Our principles\n"
		"  notes:\n"
		"  - id: n2\n"
		"    text: first\n"
		"  - id: n3\n"
		"    text: second\n"
		"  decisions:\n"
		"  - id: d1\n"
		"    text: we decide\n";

	check_str(said(&b, "meetings/002.yaml", meeting, after),
		  "meetings/002.yaml: 2 notes added to meeting 002\n"
		  "meetings/002.yaml: 1 note changed in meeting 002\n"
		  "meetings/002.yaml: 1 decision added to meeting 002\n");
	buf_release(&b);
}

void test_describe__meeting_agenda_and_own_fields(void)
{
	struct buf b = BUF_INIT;
	/* intro retitled (its notes the same), principles dropped, a new
	 * item, and the meeting's own title and date */
	const char *after =
		"number: 2\n"
		"title: What we hold to\n"
		"date: 2026-03-01\n"
		"agenda:\n"
		"- id: intro\n"
		"  title: Hello\n"
		"  notes:\n"
		"  - id: n1\n"
		"    text: we met\n"
		"- id: vision\n"
		"  title: Vision\n";

	check_str(said(&b, "meetings/002.yaml", meeting, after),
		  "meetings/002.yaml: agenda item intro changed in meeting 002\n"
		  "meetings/002.yaml: agenda item vision added to meeting 002\n"
		  "meetings/002.yaml: agenda item principles removed from meeting 002\n"
		  "meetings/002.yaml: meeting 002: title, date changed\n");
	/* the same text: nothing to say */
	check_str(said(&b, "meetings/002.yaml", meeting, meeting), "");
	check_str(said(&b, "meetings/1000.yaml", NULL, meeting),
		  "meetings/1000.yaml: meeting 1000 added: Principles\n");
	buf_release(&b);
}

void test_describe__initiative_fields_and_lists(void)
{
	struct buf b = BUF_INIT;
	const char *before =
		"name: Literacy\n"
		"vision: Every child reads.\n"
		"mission: ~\n"
		"problem: Few read.\n"
		"principles:\n"
		"- id: p1\n"
		"  text: Every voice counts\n";
	const char *after =
		"name: Literacy\n"
		"vision: Every child reads by grade 3.\n"
		"mission: Read together\n"
		"principles:\n"
		"- id: p1\n"
		"  text: Every voice counts, twice\n"
		"- id: p2\n"
		"  text: Data, not anecdotes\n";

	check_str(said(&b, "initiative.yaml", before, after),
		  "initiative.yaml: vision changed\n"
		  "initiative.yaml: mission set\n"
		  "initiative.yaml: principles changed: Every voice counts, twice\n"
		  "initiative.yaml: principles added: Data, not anecdotes\n"
		  "initiative.yaml: problem removed\n");
	buf_release(&b);
}

void test_describe__whole_files(void)
{
	struct buf b = BUF_INIT;
	const char *dana = "name: Dana Levi\nrole: facilitator\n";

	check_str(said(&b, "members/dana.yaml", NULL, dana),
		  "members/dana.yaml: member added: Dana Levi (dana)\n");
	check_str(said(&b, "members/dana.yaml", dana, NULL),
		  "members/dana.yaml: member removed: Dana Levi (dana)\n");
	check_str(said(&b, "members/dana.yaml", dana, "name: Dana Levi\nrole: chair\n"),
		  "members/dana.yaml: member dana: role changed\n");
	check_str(said(&b, "members/dana.yaml", dana, "name: [Dana\n"),
		  "members/dana.yaml: members/dana.yaml changed (not valid YAML on one side)\n");
	/* outside the layout: by its name, whatever it holds */
	check_str(said(&b, "notes.txt", NULL, "name: x\n"), "notes.txt: notes.txt added\n");
	buf_release(&b);
}

void test_describe__conflicts(void)
{
	struct buf b = BUF_INIT;
	const char *plain = "name: Literacy\nvision: Every child reads.\n";
	const char *conflicted =
		"name: Literacy\n"
		"vision: !conflict\n"
		"  base: Every child reads.\n"
		"  sides:\n"
		"  - from: haifa\n"
		"    value: Every child reads with joy.\n"
		"  - from: beersheva\n"
		"    value: Every family reads.\n";

	check_str(said(&b, "initiative.yaml", plain, conflicted),
		  "initiative.yaml: vision: a conflict recorded\n");
	check_str(said(&b, "initiative.yaml", conflicted, plain),
		  "initiative.yaml: vision: conflict resolved\n");
	buf_release(&b);
}
