#!/bin/sh
# convene calendar: the meetings as iCalendar, read back by a real
# calendar client's parser (Mozilla's ical.js, Thunderbird's, installed
# into build/js by `make test`), and compared byte for byte with golden
# files (tests/golden/calendar-*.ics; UPDATE_GOLDEN=1 rewrites them).
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
GOLDEN=$(cd "$HERE/../golden" && pwd)
NODE_PATH=$(cd "$HERE/../.." && pwd)/build/js/node_modules
export NODE_PATH

# Prints what ical.js reads from an .ics file (tests/cli/ical.mjs).
read_ics() {
	node "$HERE/ical.mjs" "$1"
}

# An English initiative in ./en with a facilitator, a member, one who
# left (and one with no email), in the given zone (none when empty).
init_en() {
	convene init --template blank --lang en --name "Early Literacy" --site haifa en 2>/dev/null &&
	cd en &&
	convene member add "Dana Levi" --id dana --role facilitator --email dana@example.org \
		--address "$(printf 'Community Hall\n12 Herzl St, Beersheva')" > /dev/null &&
	convene member add "Avi Cohen" --id avi --email avi@example.org > /dev/null &&
	convene member add "Ruth Mor" --id ruth --email ruth@example.org > /dev/null &&
	convene member add "Noa Bar" --id noa > /dev/null &&
	convene member leave ruth > /dev/null &&
	if [ -n "${1:-}" ]; then
		convene set timezone "$1" > /dev/null 2>&1
	else
		sed -i "/^timezone:/d" initiative.yaml &&
		convene commit -m "no time zone" > /dev/null 2>&1
	fi
}

# Moves meeting N to another date: the YAML edited by hand, committed.
move() {
	sed -i "s/^date: .*/date: $2/" "meetings/$1.yaml" &&
	convene commit -m "meeting $1: to $2" > /dev/null 2>&1
}

test_expect_success 'ical.js is there to read the calendar' '
	if ! command -v node > /dev/null; then
		echo "node is missing: make test-deps installs nodejs (or apt-get install nodejs npm)" &&
		false
	fi &&
	if ! [ -d "$NODE_PATH/ical.js" ]; then
		echo "ical.js is missing from $NODE_PATH: make test-deps installs it (npm install --prefix build/js ical.js@2)" &&
		false
	fi
'

test_expect_success 'starts in UTC are right in Asia/Jerusalem on both sides of the change of clocks' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 --start 17:00 --host dana > /dev/null &&
	convene meeting new --date 2026-03-27 --start 17:00 --host dana > /dev/null &&
	convene meeting new --date 2026-10-24 --start 09:30 --address "Library" > /dev/null &&
	convene meeting new --date 2026-10-25 --start 09:30 --address "Library" > /dev/null &&
	convene calendar > feed.ics &&
	read_ics feed.ics | sed "s/^[0-9a-f]*-//" > got &&
	cat > want <<-EOF &&
	METHOD PUBLISH
	001@convene 0 2026-03-26T15:00:00Z CONFIRMED
	002@convene 0 2026-03-27T14:00:00Z CONFIRMED
	003@convene 0 2026-10-24T06:30:00Z CONFIRMED
	004@convene 0 2026-10-25T07:30:00Z CONFIRMED
	EOF
	test_cmp want got &&
	test_grep "DTSTART;TZID=Asia/Jerusalem:20260326T170000" feed.ics &&
	test_grep "TZID:Asia/Jerusalem" feed.ics
'

test_expect_success 'starts in UTC are right in America/New_York on both sides of the change of clocks' '
	init_en America/New_York &&
	convene meeting new --date 2026-03-07 --start 18:00 --virtual https://meet.example.org/lit > /dev/null &&
	convene meeting new --date 2026-03-09 --start 18:00 --virtual https://meet.example.org/lit > /dev/null &&
	convene meeting new --date 2026-11-02 --start 08:00 --duration 60 --address "Main St" > /dev/null &&
	convene calendar -o feed.ics &&
	read_ics feed.ics | sed "s/^[0-9a-f]*-//" > got &&
	cat > want <<-EOF &&
	METHOD PUBLISH
	001@convene 0 2026-03-07T23:00:00Z CONFIRMED
	002@convene 0 2026-03-09T22:00:00Z CONFIRMED
	003@convene 0 2026-11-02T13:00:00Z CONFIRMED
	EOF
	test_cmp want got &&
	test_grep "URL:https://meet.example.org/lit" feed.ics &&
	test_grep "LOCATION:https://meet.example.org/lit" feed.ics &&
	test_grep "DTEND;TZID=America/New_York:20261102T090000" feed.ics
'

test_expect_success 'after a move: the same UID, a higher SEQUENCE; the same commit gives the same bytes' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 --start 17:00 --host dana > /dev/null &&
	convene meeting new --date 2026-04-02 --start 17:00 --host dana > /dev/null &&
	convene calendar -o before.ics &&
	convene calendar -o again.ics &&
	cmp before.ics again.ics &&
	move 001 2026-03-29 &&
	convene calendar -o after.ics &&
	read_ics before.ics > b && read_ics after.ics > a &&
	uid=$(git rev-list --max-parents=0 HEAD) &&
	test_grep "$uid-001@convene 0 2026-03-26T15:00:00Z" b &&
	test_grep "$uid-001@convene 1 2026-03-29T14:00:00Z" a &&
	test_grep "$uid-002@convene 0 2026-04-02T14:00:00Z" a &&
	move 001 2026-03-30 &&
	convene calendar > twice.ics &&
	read_ics twice.ics > t &&
	test_grep "$uid-001@convene 2 2026-03-30T14:00:00Z" t &&
	! cmp -s after.ics twice.ics
'

test_expect_success 'a note moves LAST-MODIFIED, not SEQUENCE' '
	export CONVENE_NOW=2026-02-01T10:00:00+02:00 &&
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 --start 17:00 --host dana > /dev/null &&
	convene calendar > before.ics &&
	test_grep "LAST-MODIFIED:20260201T080000Z" before.ics &&
	CONVENE_NOW=2026-03-01T10:00:00+02:00 convene note 1 opening "bring the maps" > /dev/null &&
	convene calendar > feed.ics &&
	test_grep "SEQUENCE:0" feed.ics &&
	test_grep "LAST-MODIFIED:20260301T080000Z" feed.ics &&
	test_grep "DTSTAMP:20260301T080000Z" feed.ics
'

test_expect_success 'a cancelled meeting: STATUS:CANCELLED in the feed, METHOD:CANCEL as an invitation' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 --start 17:00 --host dana > /dev/null &&
	convene meeting new --date 2026-04-02 --start 17:00 --host dana > /dev/null &&
	convene calendar --meeting 2 --invite -o invite.ics &&
	read_ics invite.ics | sed "s/^[0-9a-f]*-//" > got &&
	printf "METHOD REQUEST\n002@convene 0 2026-04-02T14:00:00Z CONFIRMED\n" > want &&
	test_cmp want got &&
	sed -i "s/^status: planned/status: cancelled/" meetings/002.yaml &&
	convene commit -m "meeting 002: cancelled" > /dev/null 2>&1 &&
	convene calendar > feed.ics &&
	read_ics feed.ics | sed "s/^[0-9a-f]*-//" > got &&
	printf "METHOD PUBLISH\n001@convene 0 2026-03-26T15:00:00Z CONFIRMED\n002@convene 0 2026-04-02T14:00:00Z CANCELLED\n" > want &&
	test_cmp want got &&
	convene calendar --meeting 2 --invite > cancel.ics &&
	read_ics cancel.ics | sed "s/^[0-9a-f]*-//" > got &&
	printf "METHOD CANCEL\n002@convene 0 2026-04-02T14:00:00Z CANCELLED\n" > want &&
	test_cmp want got
'

test_expect_success 'organizer and attendees: a facilitator; members who have not left, with an email' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 --start 17:00 --host dana > /dev/null &&
	convene calendar --meeting 1 --invite > invite.ics &&
	test_grep "ORGANIZER;CN=Dana Levi:mailto:dana@example.org" invite.ics &&
	test_grep "ATTENDEE;CN=Avi Cohen;" invite.ics &&
	test_grep "ATTENDEE;CN=Dana Levi;" invite.ics &&
	! grep -q "ruth@example.org" invite.ics &&
	! grep -q "Noa Bar" invite.ics &&
	test_grep "LOCATION:Community Hall\\, 12 Herzl St\\, Beersheva" invite.ics &&
	convene calendar > feed.ics &&
	test_grep "ORGANIZER;CN=Dana Levi:mailto:dana@example.org" feed.ics &&
	! grep -q "^ATTENDEE" feed.ics
'

test_expect_success 'a meeting with no date is left out; one with no start is all day' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 > /dev/null &&
	convene meeting new > /dev/null &&
	convene calendar > feed.ics &&
	read_ics feed.ics | sed "s/^[0-9a-f]*-//" > got &&
	printf "METHOD PUBLISH\n001@convene 0 2026-03-26 CONFIRMED\n" > want &&
	test_cmp want got &&
	test_grep "DTSTART;VALUE=DATE:20260326" feed.ics &&
	test_expect_code 1 convene calendar --meeting 2 2> err &&
	test_grep "meeting 2 has no date" err
'

test_expect_success 'no timezone: UTC, with a hint' '
	init_en "" &&
	convene meeting new --date 2026-03-26 --start 17:00 > /dev/null &&
	convene calendar > feed.ics 2> err &&
	test_grep "DTSTART:20260326T170000Z" feed.ics &&
	test_grep "no timezone" err &&
	test $(wc -l < err) = 1 &&
	! grep -q VTIMEZONE feed.ics
'

test_expect_success 'an unknown time zone is an error at its place in initiative.yaml' '
	init_en &&
	convene meeting new --date 2026-03-26 --start 17:00 > /dev/null &&
	printf "timezone: Asia/Jerusalm\n" >> initiative.yaml &&
	git commit -qam "a time zone convene would refuse, by hand" &&
	test_expect_code 1 convene calendar > out 2> err &&
	test_grep "initiative.yaml:" err &&
	test_grep "unknown time zone '"'"'Asia/Jerusalm'"'"'" err &&
	test ! -s out
'

test_expect_success 'a meeting whose date is an unsettled conflict is skipped, saying why' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 --start 17:00 > /dev/null &&
	convene meeting new --date 2026-04-02 --start 17:00 > /dev/null &&
	sed -i "s/^date: .*/date: !conflict\n  base: 2026-04-02\n  sides:\n  - from: a\n    value: 2026-04-03\n  - from: b\n    value: 2026-04-04/" meetings/002.yaml &&
	convene commit -m "meeting 002: a conflict" > /dev/null 2>&1 &&
	convene calendar > feed.ics 2> err &&
	test_grep "meeting 2 is not in the calendar: its date is an unsettled conflict" err &&
	read_ics feed.ics | sed "s/^[0-9a-f]*-//" > got &&
	printf "METHOD PUBLISH\n001@convene 0 2026-03-26T15:00:00Z CONFIRMED\n" > want &&
	test_cmp want got &&
	test_expect_code 1 convene calendar --meeting 2 --invite > out 2> err &&
	test_grep "unsettled conflict" err &&
	test ! -s out
'

test_expect_success 'a place that is an unsettled conflict is skipped too' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 --start 17:00 --address Library > /dev/null &&
	sed -i "s/^  address: Library/  address: !conflict\n    base: Library\n    sides:\n    - from: a\n      value: Hall\n    - from: b\n      value: School/" meetings/001.yaml &&
	convene commit -m "meeting 001: a conflict" > /dev/null 2>&1 &&
	convene calendar > feed.ics 2> err &&
	test_grep "its location is an unsettled conflict" err &&
	! grep -q VEVENT feed.ics
'

test_expect_success 'a meeting whose date or start is not valid is skipped, saying why' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 --start 17:00 > /dev/null &&
	convene meeting new --date 2026-04-02 --start 17:00 > /dev/null &&
	sed -i "s/^start: .*/start: \"25:00\"/" meetings/002.yaml &&
	git commit -qam "meeting 002: a bad start" &&
	convene calendar > feed.ics 2> err &&
	test_grep "meeting 2 is not in the calendar: its start is not valid" err &&
	test $(grep -c "^BEGIN:VEVENT" feed.ics) = 1 &&
	test_expect_code 1 convene calendar --meeting 2 --invite > out 2> err &&
	test_grep "the start of meeting 2 is not valid" err &&
	test ! -s out
'

test_expect_success 'second 60 is no start: validate says where, the calendar skips it' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 --start 17:00 > /dev/null &&
	convene meeting new --date 2026-04-02 --start 17:00 > /dev/null &&
	sed -i "s/^start: .*/start: \"18:00:60\"/" meetings/002.yaml &&
	git commit -qam "meeting 002: second 60" &&
	line=$(grep -n "^start:" meetings/002.yaml | cut -d: -f1) &&
	test_expect_code 1 convene validate > out 2> /dev/null &&
	test_grep "meetings/002.yaml:$line:8: error: '"'"'start'"'"' must be a time like 17:00; found '"'"'18:00:60'"'"'" out &&
	convene calendar > feed.ics 2> err &&
	test_grep "meeting 2 is not in the calendar: its start is not valid" err &&
	test $(grep -c "^BEGIN:VEVENT" feed.ics) = 1 &&
	test_expect_code 2 convene meeting edit 1 --start 18:00:60 2> err &&
	test_grep "start" err &&
	convene meeting edit 1 --start 18:00:59 > /dev/null
'

test_expect_success 'no such meeting: exit 1, naming the meetings there are' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 > /dev/null &&
	convene meeting new --date 2026-03-27 > /dev/null &&
	convene meeting new --date 2026-03-28 > /dev/null &&
	test_expect_code 1 convene calendar --meeting 9 > out 2> err &&
	test_grep "there is no meeting 9; the meetings are 1-3" err &&
	test ! -s out
'

test_expect_success 'usage: --invite needs --meeting; a bad meeting number; arguments' '
	init_en Asia/Jerusalem &&
	test_expect_code 2 convene calendar --invite 2> err &&
	test_grep "--invite needs --meeting" err &&
	test_expect_code 2 convene calendar --meeting x 2> err &&
	test_grep "names no meeting" err &&
	test_expect_code 2 convene calendar 1 2> err &&
	test_expect_code 2 convene calendar --bogus 2> err
'

test_expect_success '-o into a missing folder or onto a folder: exit 2, nothing written' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 > /dev/null &&
	mkdir out &&
	ls -A > ../files.before &&
	test_expect_code 2 convene calendar -o missing/feed.ics 2> err.1 &&
	test_grep "must exist" err.1 &&
	test_expect_code 2 convene calendar -o out 2> err.2 &&
	test_grep "is a folder" err.2 &&
	ls -A | grep -v "^err\." > ../files.after &&
	test_cmp ../files.before ../files.after &&
	test -z "$(ls -A out)" &&
	convene calendar -o feed.ics &&
	test_grep "BEGIN:VCALENDAR" feed.ics &&
	! ls -A | grep -q "convene-"
'

test_expect_success 'nothing committed yet: exit 1, saying so' '
	git init -q empty && cd empty &&
	test_expect_code 1 convene calendar 2> err &&
	test_grep "nothing is committed yet" err
'

test_expect_success 'an uncommitted change is noted: the calendar is the last commit' '
	init_en Asia/Jerusalem &&
	convene meeting new --date 2026-03-26 --start 17:00 > /dev/null &&
	convene calendar > before.ics &&
	sed -i "s/^date: .*/date: 2026-03-29/" meetings/001.yaml &&
	convene calendar > after.ics 2> err &&
	cmp before.ics after.ics &&
	test_grep "meetings/001.yaml has changes not committed" err
'

# The golden files: every commit dated by CONVENE_NOW, the same identity
# (lib.sh), so the same bytes every run.  The VTIMEZONE comes from the
# system's tz database (tzdata): a new tzdata may change it.
golden() {
	got=$1 name=$2
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		cp "$got" "$GOLDEN/$name"
	fi
	cmp "$GOLDEN/$name" "$got" || { diff -u "$GOLDEN/$name" "$got" | head -40; false; }
}

test_expect_success 'golden: the Hebrew feed, exact bytes' '
	export CONVENE_NOW=2026-02-01T09:00:00+02:00 &&
	init_lit && cd lit &&
	convene member add "דנה לוי" --id dana --role facilitator --email dana@example.org \
		--address "מתנ״ס הנגב, באר שבע" > /dev/null &&
	convene member add "אבי כהן" --id avi --email avi@example.org > /dev/null &&
	sed -i "s/^timezone: .*/timezone: Asia\/Jerusalem/" initiative.yaml &&
	sed -i "s/^date:\$/date: 2026-03-26/; s/^start:\$/start: \"17:00\"\nlocation:\n  host: dana/" meetings/001.yaml &&
	sed -i "s/^date:\$/date: 2026-04-30/" meetings/002.yaml &&
	sed -i "s/^date:\$/date: 2026-05-28/; s/^start:\$/start: \"17:30\"\nduration: 90\nlocation:\n  virtual: https:\\/\\/meet.example.org\\/lit/" meetings/003.yaml &&
	convene commit -m "plan the meetings" > /dev/null 2>&1 &&
	sed -i "s/^date: 2026-05-28/date: 2026-06-04/" meetings/003.yaml &&
	CONVENE_NOW=2026-02-15T08:30:00+02:00 convene commit -m "meeting 003: a week later" > /dev/null 2>&1 &&
	convene calendar > feed.ics &&
	golden feed.ics calendar-he-feed.ics
'

test_expect_success 'golden: an English invitation, exact bytes' '
	export CONVENE_NOW=2026-02-01T09:00:00-05:00 &&
	init_en America/New_York &&
	convene meeting new --date 2026-03-09 --start 18:00 --duration 90 --host dana --title "Kick-off: who we are" > /dev/null &&
	convene calendar --meeting 1 --invite > invite.ics &&
	golden invite.ics calendar-en-invite.ics
'

test_done
