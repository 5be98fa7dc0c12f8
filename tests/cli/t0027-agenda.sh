#!/bin/sh
# agenda and minutes: the exact bytes of each document in Hebrew and
# English (tests/golden/), escaping, --at, -o, and the errors.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/agenda-data.sh"
GOLDEN=$(cd "$(dirname "$0")/../golden" && pwd)

# Compares an output with its golden file; UPDATE_GOLDEN=1 writes it
# instead (then read the diff before committing it).
golden() {
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		cp "$2" "$GOLDEN/$1"
	fi
	test_cmp "$GOLDEN/$1" "$2"
}

for lang in he en; do
	test_expect_success "$lang: agenda, run sheet and minutes are the golden bytes" "
		make_initiative $lang i &&
		cd i &&
		convene agenda 2 > agenda.md &&
		golden agenda-002.$lang.md agenda.md &&
		convene agenda 2 --facilitator > runsheet.md &&
		golden runsheet-002.$lang.md runsheet.md &&
		convene agenda 2 --format html > agenda.html &&
		golden agenda-002.$lang.html agenda.html &&
		convene minutes 1 > minutes.md &&
		golden minutes-001.$lang.md minutes.md &&
		convene minutes 1 --format html > minutes.html &&
		golden minutes-001.$lang.html minutes.html
	"
done

test_expect_success 'the same commit gives the same bytes, -o as standard output' '
	make_initiative he i &&
	cd i &&
	convene minutes 1 --format html -o a.html &&
	convene minutes 1 --format html -o - > b.html &&
	convene minutes 1 --format html > c.html &&
	test_cmp a.html b.html &&
	test_cmp a.html c.html &&
	test_cmp "$GOLDEN/minutes-001.he.html" a.html
'

test_expect_success 'text from the files never becomes markup' '
	make_initiative he i &&
	cd i &&
	convene minutes 1 --format html > m.html &&
	test_grep "<li>&lt;script&gt;alert(1)&lt;/script&gt; — Dana Levi</li>" m.html &&
	test_grep "*bold* [x](javascript:alert(1)) 🎉" m.html &&
	! grep -n "<script\|<em>bold\|href=\"javascript" m.html &&
	test_grep "שלוש סיבות:<br />" m.html &&
	test_grep "# לא כותרת<br />" m.html &&
	! grep -n "<h1>לא כותרת\|<ol>" m.html
'

test_expect_success 'Hebrew pages are right to left, English ones left to right' '
	make_initiative he h &&
	make_initiative en e &&
	convene -C h agenda 2 --format html > h.html &&
	convene -C e agenda 2 --format html > e.html &&
	test_grep "<html lang=\"he\" dir=\"rtl\">" h.html &&
	test_grep "<html lang=\"en\" dir=\"ltr\">" e.html &&
	test_grep "unicode-bidi:plaintext" h.html &&
	test_grep "@page{size:A4" h.html
'

test_expect_success 'minutes --at: as they stood then, and the commit they came from' '
	make_initiative en i &&
	cd i &&
	first=$(git rev-parse --short=7 HEAD~1) &&
	last=$(git rev-parse --short=7 HEAD) &&
	convene minutes 1 > now.md &&
	convene minutes 1 --at HEAD~1 > then.md &&
	convene minutes 1 --at 2026-02-02 > day.md &&
	test_cmp then.md day.md &&
	test_grep "Lee Park, Tal Ben\\-David" now.md &&
	test_grep "Made from commit $last (2026\\-02\\-05 08\\:00 \\+0200)\\." now.md &&
	! grep -n "Tal" then.md &&
	test_grep "Made from commit $first (2026\\-02\\-01 10\\:00 \\+0200)\\." then.md
'

test_expect_success 'minutes say when the work tree has changes not committed' '
	make_initiative en i &&
	cd i &&
	printf "id: kim\nname: Kim\n" > members/kim.yaml &&
	convene minutes 1 > m.md &&
	test_grep "Kim" m.md &&
	test_grep "with changes not yet committed\\." m.md
'

test_expect_success 'an unsettled date and place: the agenda shows every side and says so' '
	make_initiative en i &&
	cd i &&
	cat > meetings/003.yaml <<-\EOF &&
	number: 3
	title: Meeting 3
	status: planned
	date: !conflict
	  base: 2026-05-05
	  sides:
	  - from: Dana Levi <dana@example.org> columbus 2026-04-08 1a2b3c4
	    value: 2026-05-05
	  - from: Sam <sam@example.org> dayton 2026-04-09 5d6e7f8
	    value: 2026-05-12
	location: !conflict
	  base:
	  sides:
	  - from: Dana
	    value:
	      host: dana
	  - from: Sam
	    value:
	      virtual: https://meet.example.org/3
	agenda:
	- id: opening
	  title: Opening
	EOF
	convene agenda 3 > a.md &&
	test_grep "**Date:** **Not settled** (2 versions): **1.** Tuesday, 5 May 2026 (from Dana Levi \\<dana\\@example\\.org\\> columbus 2026\\-04\\-08 1a2b3c4) **2.** Tuesday, 12 May 2026 (from Sam" a.md &&
	test_grep "**Place:** **Not settled** (2 versions): **1.** Dana Levi, 12 High St\\, Columbus (from Dana) **2.** [https\\:\\/\\/meet\\.example\\.org\\/3](<https://meet.example.org/3>) (from Sam)" a.md
'

test_expect_success 'no timezone: UTC, and a one-line hint' '
	make_initiative en i &&
	cd i &&
	grep -v "^timezone:" initiative.yaml > t && mv t initiative.yaml &&
	convene agenda 2 > a.md 2> err &&
	test_grep "18:30–20:00 (UTC)" a.md &&
	test_grep "convene: hint: initiative.yaml names no timezone" err &&
	test "$(wc -l < err)" = 1 &&
	make_initiative en j &&
	convene -C j agenda 2 > /dev/null 2> none &&
	test ! -s none
'

test_expect_success 'no such meeting: exit 1, naming the meetings there are' '
	make_initiative he i &&
	cd i &&
	test_expect_code 1 convene agenda 7 2> err &&
	test_grep "no meeting 7 (meetings/007.yaml); the meetings are: 1, 2" err &&
	test_expect_code 1 convene minutes 9 --at HEAD~1 2> err &&
	test_grep "no meeting 9" err &&
	test_expect_code 2 convene agenda x 2> err &&
	test_grep "is not a meeting number" err
'

test_expect_success 'usage: unknown --format, two meetings, --at on agenda: exit 2' '
	make_initiative he i &&
	cd i &&
	test_expect_code 2 convene agenda 2 --format pdf 2> err &&
	test_grep "--format is md or html, not '"'"'pdf'"'"'" err &&
	test_expect_code 2 convene minutes 1 --format=docx &&
	test_expect_code 2 convene agenda 1 2 &&
	test_expect_code 2 convene agenda 1 --at HEAD &&
	test_expect_code 2 convene minutes 1 --facilitator &&
	test_expect_code 2 convene agenda
'

test_expect_success '-o into a missing folder or onto a folder: exit 2, nothing written' '
	make_initiative he i &&
	cd i &&
	mkdir out &&
	test_expect_code 2 convene agenda 2 -o nowhere/a.html --format html 2> err &&
	test_grep "nowhere" err &&
	test ! -e nowhere &&
	test_expect_code 2 convene agenda 2 -o out 2> err &&
	test_grep "'"'"'out'"'"' is a folder" err &&
	test -z "$(ls -A out)" &&
	ls -A > files &&
	! grep -n "convene-" files &&
	convene agenda 2 -o out/a.md &&
	test_cmp "$GOLDEN/agenda-002.he.md" out/a.md &&
	ls -A out > files &&
	echo a.md > want &&
	test_cmp want files
'

test_done
