#!/bin/sh
# meeting edit M with options: fields set without an editor, each checked
# as the schema checks it, committed as "meeting NNN: ...".
. "$(dirname "$0")/lib.sh"

people() {
	init_lit && cd lit &&
	convene member add "דנה לוי" --id dana --can-host 2>/dev/null &&
	convene member add "Yossi" --id yossi --can-host 2>/dev/null
}

subject() {
	git log -1 --format=%s > ../subject &&
	echo "$1" > ../want &&
	test_cmp ../want ../subject
}

# Nothing was committed or left in the work tree since $before.
unchanged() {
	test "$(git rev-parse HEAD)" = "$before" &&
	test -z "$(git status --porcelain)"
}

test_expect_success 'edit --date --start moves a meeting: one plain commit' '
	people &&
	convene meeting edit 2 --date 2026-05-03 --start 18:00 2>../err &&
	test_grep "meeting 002: moved to 2026-05-03 18:00" ../err &&
	subject "meeting 002: moved to 2026-05-03 18:00" &&
	sed -n "/^date:/p;/^start:/p" meetings/002.yaml > ../out &&
	printf "date: 2026-05-03\nstart: \"18:00\"\n" > ../want &&
	test_cmp ../want ../out &&
	git show --stat --format= HEAD > ../files &&
	test_grep "meetings/002.yaml | 4 ++--" ../files &&
	test "$(git log -1 --format=%P | wc -w)" = 1 &&
	test -z "$(git status --porcelain)" &&
	convene validate 2>/dev/null
'

test_expect_success 'edit --start alone moves it to the new time on its day' '
	people &&
	convene meeting edit 2 --date 2026-05-03 --start 18:00 2>/dev/null &&
	convene meeting edit 2 --start 17:30 2>/dev/null &&
	subject "meeting 002: moved to 2026-05-03 17:30"
'

test_expect_success 'edit --duration and --title: edited, saying what' '
	people &&
	convene meeting edit 1 --duration 90 --title "מפגש ראשון" 2>/dev/null &&
	subject "meeting 001: edited title, duration" &&
	test_grep "duration: 90" meetings/001.yaml &&
	test_grep "title: מפגש ראשון" meetings/001.yaml
'

test_expect_success 'edit --status cancelled, then held' '
	people &&
	convene meeting edit 3 --status cancelled 2>/dev/null &&
	subject "meeting 003: cancelled" &&
	test_grep "status: cancelled" meetings/003.yaml &&
	convene meeting edit 3 --status held 2>/dev/null &&
	subject "meeting 003: held"
'

test_expect_success 'edit --host, then --virtual: the place given replaces the old one' '
	people &&
	convene meeting edit 2 --host dana --address "רחוב הרצל 1" 2>/dev/null &&
	subject "meeting 002: edited place" &&
	sed -n "/^location:/,/^[a-z]/p" meetings/002.yaml > ../out &&
	printf "location:\n  host: dana\n  address: רחוב הרצל 1\nagenda:\n" > ../want &&
	test_cmp ../want ../out &&
	convene meeting edit 2 --virtual https://meet.example.org/lit 2>/dev/null &&
	sed -n "/^location:/,/^[a-z]/p" meetings/002.yaml > ../out &&
	printf "location:\n  virtual: https://meet.example.org/lit\nagenda:\n" > ../want &&
	test_cmp ../want ../out &&
	convene meeting edit 2 --address "מתנ\"ס רמות" 2>/dev/null &&
	sed -n "/^location:/,/^[a-z]/p" meetings/002.yaml > ../out &&
	printf "location:\n  address: מתנ\"ס רמות\nagenda:\n" > ../want &&
	test_cmp ../want ../out
'

test_expect_success 'edit --item with --minutes --lead --purpose --item-title' '
	people &&
	convene meeting edit 2 --item principles --minutes 50 --lead yossi --purpose discussion --item-title "העקרונות המנחים" 2>/dev/null &&
	subject "meeting 002: edited item principles (title, minutes, lead, purpose)" &&
	sed -n "/^- id: principles/,/^  prompt:/p" meetings/002.yaml > ../out &&
	cat >../want <<-\EOT &&
	- id: principles
	  title: העקרונות המנחים
	  minutes: 50
	  lead: yossi
	  purpose: discussion
	  prompt: |
	EOT
	test_cmp ../want ../out &&
	convene validate 2>/dev/null
'

test_expect_success 'edit sets a meeting field and an item at once' '
	people &&
	convene meeting edit 1 --date 2026-03-01 --item opening --lead dana 2>/dev/null &&
	subject "meeting 001: moved to 2026-03-01; edited item opening (lead)"
'

test_expect_success 'edit with what the file holds already changes nothing' '
	people &&
	convene meeting edit 2 --item principles --minutes 35 2>/dev/null &&
	before=$(git rev-parse HEAD) &&
	convene meeting edit 2 --item principles --minutes 35 2>../err &&
	test_grep "nothing to change" ../err &&
	unchanged
'

test_expect_success 'edit --no-commit leaves the change staged' '
	people &&
	before=$(git rev-parse HEAD) &&
	convene meeting edit 2 --date 2026-05-03 --no-commit 2>../err &&
	test_grep "staged, not committed" ../err &&
	test "$(git rev-parse HEAD)" = "$before" &&
	git diff --cached --name-only > ../out &&
	echo meetings/002.yaml > ../want && test_cmp ../want ../out
'

test_expect_success 'malformed values exit 2 and change nothing' '
	people &&
	before=$(git rev-parse HEAD) &&
	test_expect_code 2 convene meeting edit 2 --date 2026-02-30 2>../err &&
	test_grep "'"'"'--date'"'"' is 2026-02-30, a day that does not exist" ../err &&
	test_expect_code 2 convene meeting edit 2 --start 25:00 2>../err &&
	test_grep "'"'"'--start'"'"' must be a time like 17:00; found '"'"'25:00'"'"'" ../err &&
	test_expect_code 2 convene meeting edit 2 --duration ninety 2>../err &&
	test_grep "'"'"'--duration'"'"' must be a whole number" ../err &&
	test_expect_code 2 convene meeting edit 2 --virtual meet.example.org 2>../err &&
	test_grep "'"'"'--virtual'"'"' must be a web address" ../err &&
	test_expect_code 2 convene meeting edit 2 --title "" 2>../err &&
	test_expect_code 2 convene meeting edit 2 --status done 2>../err &&
	test_grep "'"'"'--status'"'"' must be one of planned, held, cancelled; found '"'"'done'"'"'" ../err &&
	test_expect_code 2 convene meeting edit 2 --item principles --minutes 0 2>../err &&
	test_grep "'"'"'--minutes'"'"' must be a whole number, 1 or more; found '"'"'0'"'"'" ../err &&
	test_expect_code 2 convene meeting edit 2 --item principles --minutes 7.5 2>../err &&
	test_expect_code 2 convene meeting edit 2 --item principles --purpose vote 2>../err &&
	test_grep "'"'"'--purpose'"'"' must be one of information, discussion, decision; found '"'"'vote'"'"'" ../err &&
	test_expect_code 2 convene meeting edit 2 --item principles --lead "Dana Levi" 2>../err &&
	test_expect_code 2 convene meeting edit 2 --host dana --virtual https://x.example.org 2>../err &&
	test_grep "not both" ../err &&
	test_expect_code 2 convene meeting edit 2 --minutes 10 2>../err &&
	test_grep "name it with --item ID" ../err &&
	test_expect_code 2 convene meeting edit 2 --item principles 2>../err &&
	test_grep "give --minutes, --lead, --purpose or --item-title" ../err &&
	test_expect_code 2 convene meeting edit 2 --date 2026-05-03 --date 2026-05-04 2>../err &&
	test_grep "given twice" ../err &&
	test_expect_code 2 convene meeting edit --date 2026-05-03 2>../err &&
	test_grep "meeting edit takes a meeting number" ../err &&
	test_expect_code 2 convene meeting edit 2 --colour red 2>../err &&
	unchanged
'

test_expect_success 'unknown members, items and meetings exit 1 and change nothing' '
	people &&
	before=$(git rev-parse HEAD) &&
	test_expect_code 1 convene meeting edit 2 --host rina 2>../err &&
	test_grep "unknown member '"'"'rina'"'"' in '"'"'--host'"'"'" ../err &&
	test_expect_code 1 convene meeting edit 2 --item principles --lead rina --minutes 30 2>../err &&
	test_grep "unknown member '"'"'rina'"'"' in '"'"'--lead'"'"'" ../err &&
	test_expect_code 1 convene meeting edit 2 --item nope --minutes 30 2>../err &&
	test_grep "meetings/002.yaml has no agenda item '"'"'nope'"'"'" ../err &&
	test_grep "its items: opening, principles, common-agenda, next-steps" ../err &&
	test_expect_code 1 convene meeting edit 9 --date 2026-05-03 2>../err &&
	test_grep "meetings/009.yaml" ../err &&
	unchanged
'

test_expect_success 'edit refuses a field in conflict' '
	people &&
	cat >>meetings/002.yaml <<-\EOT &&
	next_steps: x
	EOT
	sed "s|^date:.*|date: !conflict\n  base:\n  sides:\n  - from: a\n    value: 2026-05-03\n  - from: b\n    value: 2026-05-04|" meetings/002.yaml > x && mv x meetings/002.yaml &&
	git commit -qam conflict &&
	before=$(git rev-parse HEAD) &&
	test_expect_code 1 convene meeting edit 2 --date 2026-05-05 2>../err &&
	test_grep "conflict" ../err &&
	unchanged
'

test_expect_success 'edit with no options opens the editor, as before' '
	people &&
	cat >../ed <<-\EOT &&
	#!/bin/sh
	sed "s/^duration:.*//" "$1" > "$1.x" && printf "duration: 75\n" >> "$1.x" && mv "$1.x" "$1"
	EOT
	chmod +x ../ed &&
	EDITOR=../ed convene meeting edit 2 2>/dev/null &&
	test_grep "duration: 75" meetings/002.yaml &&
	test -z "$(git status --porcelain)"
'

test_expect_success 'meeting --help and help --options list what edit parses' '
	convene help --options meeting edit > out &&
	cat >want <<-\EOT &&
	--date DATE
	--start HH:MM
	--duration MINUTES
	--host MEMBER
	--virtual URL
	--address TEXT
	--title T
	--status STATUS
	--item ID
	--minutes N
	--lead MEMBER
	--purpose P
	--item-title T
	--no-commit
	EOT
	test_cmp want out &&
	convene meeting --help > h &&
	test_grep "convene meeting edit M [--date DATE]" h &&
	test_grep "[--item ID [--minutes N] [--lead MEMBER] [--purpose P] [--item-title T]]" h &&
	test_grep "  --purpose P         the item'"'"'s purpose: information, discussion or" h
'

test_done
