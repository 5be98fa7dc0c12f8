#!/bin/sh
# report DIR reads a meeting in the block form convene writes with the
# light reader (doc_load_kept) and any other with libyaml: each page is
# the minutes of its meeting, byte for byte, whichever way it was read.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/report-data.sh"

# meetings 3-7 from meeting 2, each in one more form: a field convene
# does not know; a note and next steps on several lines (blocks); a
# comment and a flow list; a quoted text and empty values
more_meetings() {
	(cd "$1" &&
	 sed "s/^number: 2$/number: 3/; s/^title: .*/title: Three/; s/^status: planned/status: held/" \
		meetings/002.yaml > meetings/003.yaml &&
	 printf "colour: blue\nattendees:\n- sam\n- lee\n" >> meetings/003.yaml &&
	 sed "s/^number: 2$/number: 4/; s/^title: .*/title: Four/; s/^status: planned/status: held/" \
		meetings/002.yaml > meetings/004.yaml &&
	 printf "next_steps: |\n  Write them up.\n  Send them round.\n" >> meetings/004.yaml &&
	 awk '{ print } /^- id: opening$/ { print "  notes:\n  - id: 1a2b3c4d\n    by: sam\n    text: |\n      Two lines\n      of a note." }' \
		meetings/004.yaml > x && mv x meetings/004.yaml &&
	 sed "s/^number: 2$/number: 5/; s/^title: .*/title: Five/" meetings/002.yaml > meetings/005.yaml &&
	 printf "# a comment\nattendees: [sam, lee]\n" >> meetings/005.yaml &&
	 sed "s/^number: 2$/number: 6/; s/^title: .*/title: \"Six: quoted\"/" meetings/002.yaml > meetings/006.yaml &&
	 printf "next_steps:\nattendees: []\n" >> meetings/006.yaml &&
	 sed "s/^number: 2$/number: 7/; s/^title: .*/title: Seven/" meetings/002.yaml > meetings/007.yaml &&
	 fixed_git "2026-02-10T10:00:00+02:00" add meetings &&
	 fixed_git "2026-02-10T10:00:00+02:00" commit -q -m "meetings 3-7")
}

test_expect_success 'each page is the minutes of its meeting, in every form of the file' '
	make_report_initiative en i &&
	more_meetings i &&
	convene -C i validate 2> err &&
	test_grep ": 0 errors, 2 warnings" err &&
	convene -C i report "$PWD/site" 2> err &&
	test_grep "index.html and 7 meeting pages" err &&
	for n in 1 2 3 4 5 6 7; do
		convene -C i minutes $n --format html --at HEAD > m.html &&
		test_cmp m.html site/meetings/00$n.html ||
		{ echo "the page of meeting $n is not its minutes" >&2; return 1; }
	done &&
	test_grep "Two lines" site/meetings/004.html &&
	test_grep "Send them round." site/meetings/004.html &&
	test_grep "Six: quoted" site/meetings/006.html &&
	! grep -q "colour\|blue" site/meetings/003.html
'

test_expect_success 'in Hebrew too, and the index counts what the pages show' '
	make_report_initiative he i &&
	more_meetings i &&
	convene -C i report "$PWD/site" 2> /dev/null &&
	for n in 1 2 3 4 5 6 7; do
		convene -C i minutes $n --format html --at HEAD > m.html &&
		test_cmp m.html site/meetings/00$n.html ||
		{ echo "the page of meeting $n is not its minutes" >&2; return 1; }
	done &&
	grep "<a href=\"meetings/004.html\">4</a>" site/index.html > row &&
	test_grep "<td class=\"n\">0</td><td class=\"n\">1</td><td class=\"n\">0</td></tr>" row &&
	grep "<a href=\"meetings/005.html\">5</a>" site/index.html > row &&
	test_grep "<td class=\"n\">2</td><td class=\"n\">0</td><td class=\"n\">0</td></tr>" row
'

test_done
