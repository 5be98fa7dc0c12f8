/* core/complete.c: field paths completed one level at a time. */
#include <string.h>

#include "core/complete.h"
#include "unit.h"

static const char meeting[] =
	"number: 2\n"
	"title: Principles\n"
	"location:\n"
	"  host: dana\n"
	"attendees: [dana, yossi]\n"
	"agenda:\n"
	"- id: opening\n"
	"  title: Opening\n"
	"  notes:\n"
	"  - id: 1a2b3c4d\n"
	"    text: hello\n"
	"- id: principles\n"
	"  title: Principles\n";

static const char *complete(struct buf *b, const struct doc *d, const char *lead, const char *rest)
{
	buf_reset(b);
	complete_in_doc(b, d, "meetings/002.yaml", lead, rest);
	return buf_str(b);
}

void test_complete__levels(void)
{
	struct doc *d = NULL;
	struct err err;
	struct buf b = BUF_INIT;

	err_clear(&err);
	check(doc_load(&d, meeting, strlen(meeting), &err) == 0);
	check_str(complete(&b, d, "m:", ""), "m:number\nm:title\nm:location.\nm:attendees\nm:agenda[\n");
	check_str(complete(&b, d, "", "a"), "attendees\nagenda[\n");
	check_str(complete(&b, d, "", "agenda["), "agenda[opening]\nagenda[principles]\n");
	check_str(complete(&b, d, "", "agenda[p"), "agenda[principles]\n");
	check_str(complete(&b, d, "", "agenda[opening]"), "agenda[opening]\n");
	check_str(complete(&b, d, "", "agenda[opening]."), "agenda[opening].id\n"
		  "agenda[opening].title\nagenda[opening].notes[\n");
	check_str(complete(&b, d, "", "agenda[opening].notes["), "agenda[opening].notes[1a2b3c4d]\n");
	check_str(complete(&b, d, "", "location.h"), "location.host\n");
	/* what names nothing gives nothing */
	check_str(complete(&b, d, "", "agenda[nosuch]."), "");
	check_str(complete(&b, d, "", "title."), "");
	check_str(complete(&b, d, "", "attendees["), "");
	check_str(complete(&b, d, "", "zz"), "");
	doc_free(d);
	buf_release(&b);
}
