#!/bin/sh
# meetings: new, note, decide, action, attend, actions, hosts, show, list;
# the initiative's principles and outcomes.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW

people() {
	init_lit && cd lit &&
	convene member add "דנה לוי" --id dana --can-host 2>/dev/null &&
	convene member add "Yossi" --id yossi --can-host 2>/dev/null &&
	convene member add "Rina" --id rina 2>/dev/null
}

test_expect_success 'note writes id, by, site, at and text, and commits with a message' '
	people && git config convene.member dana &&
	convene note 1 why-here "כי הילדים שלנו
ועוד שורה" 2>../err &&
	test_grep "meeting 001: note on why-here" ../err &&
	sed -n "/id: why-here/,/id: landscape/p" meetings/001.yaml | sed -n "/notes:/,/^- id: landscape/p" > ../out &&
	id=$(sed -n "s/^  - id: //p" ../out) &&
	echo "$id" | grep -q "^[0-9a-f]\\{8\\}$" &&
	cat >../want <<-EOT &&
	  notes:
	  - id: $id
	    by: dana
	    site: beersheva
	    at: 2026-02-01T17:05:00+02:00
	    text: |
	      כי הילדים שלנו
	      ועוד שורה
	- id: landscape
	EOT
	test_cmp ../want ../out &&
	git log -1 --format=%s > ../s && echo "meeting 001: note on why-here" > ../want && test_cmp ../want ../s
'

test_expect_success 'decide and action; an action is open with owner and due' '
	people &&
	convene decide 2 principles "נפגשים פעם בחודש" --by yossi 2>/dev/null &&
	convene action 1 next-steps "לשלוח סיכום" --owner yossi --due 2026-02-08 2>/dev/null &&
	test_grep "  decisions:" meetings/002.yaml &&
	test_grep "    owner: yossi" meetings/001.yaml &&
	test_grep "    due: 2026-02-08" meetings/001.yaml &&
	test_grep "    status: open" meetings/001.yaml &&
	convene validate 2>/dev/null &&
	test "$(git rev-list --count HEAD)" = 6
'

test_expect_success 'notes read from stdin; errors: unknown item, meeting, owner' '
	people &&
	printf "line one\\nline two\\n" | convene note 1 opening - 2>/dev/null &&
	convene get meetings/001.yaml:agenda[opening].notes > ../out && test_grep "line two" ../out &&
	test_expect_code 1 convene note 1 nope "x" 2>../err &&
	test_grep "has no agenda item '"'"'nope'"'"'" ../err &&
	test_grep "its items are: opening why-here" ../err &&
	test_expect_code 1 convene note 9 opening "x" 2>../err && test_grep "does not exist" ../err &&
	test_expect_code 1 convene action 1 opening "x" --owner ghost 2>../err &&
	test_grep "unknown member '"'"'ghost'"'"' in '"'"'--owner'"'"'" ../err &&
	test_expect_code 2 convene note 1 opening "" 2>/dev/null &&
	test_expect_code 2 convene note x opening "t" 2>/dev/null &&
	test_expect_code 2 convene decide 1 opening "t" --owner yossi 2>/dev/null &&
	test "$(git rev-list --count HEAD)" = 5
'

test_expect_success 'attend adds members once; unknown members are refused' '
	people &&
	convene attend 1 dana yossi 2>/dev/null &&
	convene attend 1 yossi 2>../err && test_grep "nothing to change" ../err &&
	test_expect_code 1 convene attend 1 ghost 2>/dev/null &&
	convene get --json meetings/001.yaml:attendees > ../out &&
	echo "[\"dana\",\"yossi\"]" > ../want && test_cmp ../want ../out
'

test_expect_success 'actions: --open, --overdue, --mine, --json' '
	people && git config convene.member yossi &&
	convene action 1 next-steps "send the summary" --owner yossi --due 2026-01-20 2>/dev/null &&
	convene action 2 next-steps "book the hall" --owner dana --due 2026-03-01 2>/dev/null &&
	id=$(convene get --json "meetings/002.yaml:agenda[next-steps].actions" | sed -n "s/^\[{\"id\":\"\([0-9a-f]*\)\".*/\1/p") &&
	test -n "$id" &&
	convene set "meetings/002.yaml:agenda[next-steps].actions[$id].status" done 2>/dev/null &&
	convene actions > ../out &&
	test "$(wc -l < ../out)" = 2 &&
	convene actions --open > ../out &&
	test "$(wc -l < ../out)" = 1 && test_grep "send the summary" ../out &&
	convene actions --overdue > ../out &&
	test_grep "send the summary" ../out && ! grep -q "book the hall" ../out &&
	convene actions --mine > ../out && test "$(wc -l < ../out)" = 1 &&
	convene actions --json > ../out && test_grep "\"owner\":\"dana\"" ../out &&
	git config --unset convene.member &&
	test_expect_code 2 convene actions --mine 2>../err && test_grep "git config convene.member" ../err
'

test_expect_success 'meeting new is the next number, in the initiative language' '
	people &&
	convene meeting new --date 2026-03-01 --start 17:00 --host dana 2>../err &&
	test_grep "meeting 004: planned for 2026-03-01" ../err &&
	test_grep "title: מפגש 4" meetings/004.yaml &&
	test_grep "start: \"17:00\"" meetings/004.yaml &&
	test_grep "  host: dana" meetings/004.yaml &&
	test_grep "title: פתיחה" meetings/004.yaml &&
	convene meeting new --virtual https://meet.example.org/x 2>/dev/null &&
	test_grep "virtual: https://meet.example.org/x" meetings/005.yaml &&
	test_expect_code 1 convene meeting new --host ghost 2>/dev/null && test ! -e meetings/006.yaml &&
	test_expect_code 2 convene meeting new --host dana --virtual https://x 2>/dev/null &&
	convene validate 2>/dev/null
'

test_expect_success 'meeting list and show, text and JSON' '
	people &&
	convene meeting new --date 2026-03-01 --host dana 2>/dev/null &&
	convene note 4 opening "שלום" --by dana 2>/dev/null &&
	convene meeting list > ../out &&
	test_grep "004  2026-03-01  planned    dana          מפגש 4" ../out &&
	convene meeting show 4 > ../out &&
	test_grep "2026-03-01 , planned, hosted by dana" ../out &&
	test_grep "    note (dana): שלום" ../out &&
	convene meeting show --json 4 > ../out && test_grep "\"text\":\"שלום\"" ../out &&
	convene meeting list --json > ../out && test_grep "{\"number\":4,\"date\":\"2026-03-01\"" ../out &&
	test_expect_code 1 convene meeting show 9 2>/dev/null
'

test_expect_success 'hosts: who hosted, and who should host next' '
	people &&
	convene meeting new --date 2026-03-01 --host dana 2>/dev/null &&
	convene hosts > ../out &&
	cat >../want <<-\EOT &&
	004  2026-03-01  dana
	next: yossi (has not hosted yet); then dana
	EOT
	test_cmp ../want ../out &&
	convene hosts --json > ../out &&
	test_grep "\"next\":[{\"member\":\"yossi\",\"hosted\":0},{\"member\":\"dana\",\"hosted\":1}]" ../out
'

test_expect_success 'principle add and list; outcome add, indicator, measure, list, show' '
	people &&
	convene principle add "המשפחות שותפות מלאות" --id p-families 2>/dev/null &&
	convene principle list > ../out && test_grep "p-families    המשפחות שותפות מלאות" ../out &&
	convene outcome add "Grade 3 reading" --principle p-families --population "ילדי הנגב" 2>/dev/null &&
	convene outcome indicator grade-3-reading "At level" --id level --unit percent --baseline 41 --target 80 2>/dev/null &&
	convene outcome measure grade-3-reading level 45.5 --date 2026-06-01 2>/dev/null &&
	convene get outcomes/grade-3-reading.yaml:indicators[level].measurements > ../out &&
	test_grep "  value: 45.5" ../out && test_grep "  date: 2026-06-01" ../out &&
	convene outcome list > ../out && test_grep "grade-3-reading proposed  1 indicator " ../out &&
	test_expect_code 1 convene outcome measure grade-3-reading nope 1 2>../err &&
	test_grep "has no indicator" ../err &&
	test_expect_code 2 convene outcome measure grade-3-reading level lots 2>/dev/null &&
	test_expect_code 1 convene outcome add "Bad" --principle p-nope 2>/dev/null &&
	convene validate 2>/dev/null
'

test_expect_success 'an edit of initiative.yaml may not leave references in other files dangling' '
	people &&
	convene principle add "Data first" --id p-data 2>/dev/null &&
	convene outcome add "Reading" --id reading --principle p-data 2>/dev/null &&
	cp initiative.yaml ../before &&
	test_expect_code 1 convene set --yaml principles "[]" 2>../err &&
	test_grep "outcomes/reading.yaml:5:3: error: unknown principle '"'"'p-data'"'"'" ../err &&
	test_grep "1 reference dangling; nothing was changed" ../err &&
	test_cmp ../before initiative.yaml &&
	convene principle add "Another" --id p-two 2>/dev/null &&
	convene validate 2>/dev/null
'

test_done
