#!/bin/sh
# minutes: the next planned meeting is the first later one whose status is
# planned, in number order.  Of most later meetings only the first bytes
# are read (their status on the first lines settles it); a status those
# bytes do not settle — further down, quoted, after a line of another
# form, past the first KiB — is read from the whole file, as before.
. "$(dirname "$0")/lib.sh"

en_lit() {
	convene init --template ucsd --lang en --name "Early reading" --site beersheva lit 2>/dev/null
}
set_status() {  # FILE STATUS: the status line, where it stands
	sed "s/^status: .*/status: $2/" "$1" > "$1.new" && mv "$1.new" "$1"
}
status_last() {  # FILE STATUS: the status moved to the end of the file
	grep -v "^status:" "$1" > "$1.new" && echo "status: $2" >> "$1.new" && mv "$1.new" "$1"
}
pad() {  # FILE: two KiB of "planned" in a goal, before the status line
	awk 'NR == 2 { print; print "goals:"; for (i = 0; i < 40; i++) print "- planned and planned and planned and planned"; next }
	     /^goals:/ { skip = 1; next } skip && /^- / { next } { skip = 0; print }' "$1" > "$1.new" &&
	mv "$1.new" "$1"
}

test_expect_success 'a held meeting is passed by, the next planned one named' '
	en_lit && cd lit &&
	set_status meetings/002.yaml held &&
	convene minutes 1 >../out 2>/dev/null &&
	test_grep "**Next meeting:** Meeting 3 –" ../out
'

test_expect_success 'the word planned in a held meeting of more than a KiB is not its status' '
	en_lit && cd lit &&
	pad meetings/002.yaml && set_status meetings/002.yaml held &&
	test $(wc -c < meetings/002.yaml) -gt 2048 &&
	convene validate 2>/dev/null &&
	convene minutes 1 >../out 2>/dev/null &&
	test_grep "**Next meeting:** Meeting 3 –" ../out
'

test_expect_success 'a status past the first KiB, or at the end, is still found' '
	en_lit && cd lit &&
	pad meetings/002.yaml && status_last meetings/002.yaml planned &&
	test $(grep -n "^status:" meetings/002.yaml | cut -d: -f1) -gt 40 &&
	convene minutes 1 >../out 2>/dev/null &&
	test_grep "**Next meeting:** Meeting 2 –" ../out &&
	status_last meetings/002.yaml held &&
	status_last meetings/003.yaml planned &&
	convene minutes 1 >../out 2>/dev/null &&
	test_grep "**Next meeting:** Meeting 3 –" ../out
'

test_expect_success 'a quoted status is read from the whole file' '
	en_lit && cd lit &&
	set_status meetings/002.yaml "\"planned\"" &&
	convene minutes 1 >../out 2>/dev/null &&
	test_grep "**Next meeting:** Meeting 2 –" ../out &&
	set_status meetings/002.yaml "\"held\"" &&
	convene minutes 1 >../out 2>/dev/null &&
	test_grep "**Next meeting:** Meeting 3 –" ../out
'

test_expect_success 'no later meeting planned: no next meeting, exit 0' '
	en_lit && cd lit &&
	set_status meetings/002.yaml held && status_last meetings/003.yaml cancelled &&
	convene minutes 1 >../out 2>/dev/null &&
	! grep -F "Next meeting" ../out
'

test_expect_success 'minutes --at: the same from a commit' '
	en_lit && cd lit &&
	pad meetings/002.yaml && status_last meetings/002.yaml held &&
	convene commit -m "meeting 2 held" >/dev/null 2>&1 &&
	set_status meetings/003.yaml held &&
	convene minutes 1 --at HEAD >../out 2>/dev/null &&
	test_grep "**Next meeting:** Meeting 3 –" ../out
'

test_done
