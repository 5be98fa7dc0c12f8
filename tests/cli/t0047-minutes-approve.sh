#!/bin/sh
# minutes approve M --at-meeting N: a decision in N and approved: in M, in
# one commit; the minutes say draft or approved; validate checks both ends.
. "$(dirname "$0")/lib.sh"

lit_with_dana() {
	init_lit && cd lit &&
	convene member add "Dana Levi" --id dana 2>/dev/null
}

test_expect_success 'approve: one commit, a decision in the opening of N, approved: in M' '
	lit_with_dana &&
	before=$(git rev-parse HEAD) &&
	CONVENE_NOW=2026-03-01T18:05:00+02:00 convene minutes approve 1 --at-meeting 2 --by dana 2>../err &&
	test_grep "meeting 002: minutes of meeting 001 approved" ../err &&
	test "$(git rev-parse HEAD~1)" = "$before" &&
	test "$(git log -1 --format=%s)" = "meeting 002: minutes of meeting 001 approved" &&
	git show --name-only --format= HEAD > ../files &&
	printf "meetings/001.yaml\nmeetings/002.yaml\n" > ../want &&
	test_cmp ../want ../files &&
	convene get --json "meetings/002.yaml:agenda[opening].decisions" > ../d.json &&
	jq -r ".[0].text, .[0].by, .[0].site, .[0].at" ../d.json > ../got &&
	printf "הפרוטוקול של מפגש 1 אושר.\ndana\nbeersheva\n2026-03-01T18:05:00+02:00\n" > ../want &&
	test_cmp ../want ../got &&
	convene get --json meetings/001.yaml:approved > ../a.json &&
	test "$(jq -r .meeting ../a.json)" = 2 &&
	test "$(jq -r .decision ../a.json)" = "$(jq -r ".[0].id" ../d.json)" &&
	sed -n 3,6p meetings/001.yaml > ../got &&
	printf "status: planned\napproved:\n  meeting: 2\n  decision: %s\n" "$(jq -r .decision ../a.json)" > ../want &&
	test_cmp ../want ../got &&
	convene validate 2>/dev/null &&
	git status --porcelain > ../dirty && test_cmp /dev/null ../dirty
'

test_expect_success 'minutes say draft, or approved at meeting N: Hebrew and English, md and html' '
	lit_with_dana &&
	convene minutes 1 > ../draft.md &&
	test_grep "- **מעמד:** טיוטה" ../draft.md &&
	convene minutes approve 1 --at-meeting 2 --by dana 2>/dev/null &&
	convene minutes 1 > ../m.md &&
	test_grep "- **מעמד:** אושר במפגש 2" ../m.md &&
	convene minutes 1 --format html > ../m.html &&
	test_grep "<li><strong>מעמד:</strong> אושר במפגש 2</li>" ../m.html &&
	convene minutes 2 > ../m2.md &&
	test_grep "- **מעמד:** טיוטה" ../m2.md &&
	convene minutes 1 --at HEAD~1 > ../then.md &&
	test_grep "- **מעמד:** טיוטה" ../then.md &&
	cd .. &&
	convene init --template ucsd --lang en --name "Read Early" --site columbus en 2>/dev/null &&
	cd en &&
	convene minutes approve 2 --at-meeting 3 2>/dev/null &&
	convene get "meetings/003.yaml:agenda[opening].decisions" > ../en.yaml &&
	test_grep "text: The minutes of meeting 2 are approved." ../en.yaml &&
	! grep -q "by:" ../en.yaml &&
	convene minutes 2 > ../en.md &&
	test_grep "- **Status:** approved at meeting 3" ../en.md &&
	convene minutes 2 --format html > ../en.html &&
	test_grep "<li><strong>Status:</strong> approved at meeting 3</li>" ../en.html &&
	convene minutes 1 > ../en1.md &&
	test_grep "- **Status:** draft" ../en1.md &&
	convene validate 2>/dev/null
'

test_expect_success 'approve errors: twice, at an earlier or the same meeting, unknown, cancelled' '
	lit_with_dana &&
	convene minutes approve 1 --at-meeting 2 2>/dev/null &&
	convene meeting edit 3 --status cancelled 2>/dev/null &&
	git rev-parse HEAD > ../before &&
	test_expect_code 1 convene minutes approve 1 --at-meeting 3 2>../err &&
	test_grep "the minutes of meeting 001 were approved already, at meeting 002 (decision " ../err &&
	test_expect_code 2 convene minutes approve 2 --at-meeting 1 2>../err &&
	test_grep "the minutes of meeting 2 are approved at a later meeting, not at meeting 1" ../err &&
	test_expect_code 2 convene minutes approve 2 --at-meeting 2 2>../err &&
	test_expect_code 1 convene minutes approve 2 --at-meeting 3 2>../err &&
	test_grep "meeting 003 is cancelled: it approves nothing" ../err &&
	test_expect_code 1 convene minutes approve 2 --at-meeting 9 2>../err &&
	test_grep "meetings/009.yaml" ../err &&
	test_expect_code 1 convene minutes approve 7 --at-meeting 9 2>../err &&
	test_grep "meetings/007.yaml" ../err &&
	test_expect_code 1 convene minutes approve 2 --at-meeting 3 --by dnaa 2>../err &&
	test_grep "unknown member '"'"'dnaa'"'"'" ../err &&
	test_expect_code 2 convene minutes approve 2 2>../err &&
	test_grep "minutes approve needs --at-meeting N" ../err &&
	test_expect_code 2 convene minutes approve 2 --at-meeting two 2>../err &&
	test_expect_code 2 convene minutes approve 2 --at-meeting 3 --at-meeting 4 2>../err &&
	test_expect_code 2 convene minutes approve --at-meeting 3 2>../err &&
	test_expect_code 2 convene minutes approve 1 2 --at-meeting 3 2>../err &&
	test_expect_code 2 convene minutes approve 1 --at-meeting 3 --format html 2>../err &&
	test_grep "minutes approve takes --at-meeting, --by and --no-commit, not --format" ../err &&
	test_expect_code 2 convene minutes 1 --at-meeting 2 2>../err &&
	test_grep "--at-meeting goes with '"'"'minutes approve M'"'"'" ../err &&
	git rev-parse HEAD > ../after && test_cmp ../before ../after &&
	git status --porcelain > ../dirty && test_cmp /dev/null ../dirty &&
	convene validate 2>/dev/null &&
	convene minutes 1 > /dev/null
'

test_expect_success 'approve --no-commit stages both files' '
	lit_with_dana &&
	convene minutes approve 1 --at-meeting 2 --no-commit 2>../err &&
	test_grep "(staged, not committed)" ../err &&
	git diff --cached --name-only > ../got &&
	printf "meetings/001.yaml\nmeetings/002.yaml\n" > ../want &&
	test_cmp ../want ../got
'

test_expect_success 'editing approved minutes works, and warns where they were approved' '
	lit_with_dana &&
	convene minutes approve 1 --at-meeting 2 2>/dev/null &&
	w="warning: the minutes of meeting 001 were approved at meeting 002; this changes them after their approval" &&
	convene note 1 opening "a late note" --by dana 2>../err && test_grep "$w" ../err &&
	convene decide 1 opening "a late decision" --by dana 2>../err && test_grep "$w" ../err &&
	convene action 1 opening "a late action" --by dana 2>../err && test_grep "$w" ../err &&
	convene meeting edit 1 --date 2026-02-03 2>../err && test_grep "$w" ../err &&
	convene attend 1 dana 2>../err && test_grep "$w" ../err &&
	test "$(git log -1 --format=%s)" = "meeting 001: 1 attending" &&
	convene note 2 opening "not approved" --by dana 2>../err &&
	! grep -q warning ../err &&
	test_expect_code 1 convene note 1 nope "no such item" --by dana 2>../err &&
	! grep -q warning ../err &&
	convene validate 2>/dev/null
'

test_expect_success 'validate: approved.meeting must be later, exist, and hold approved.decision' '
	lit_with_dana &&
	convene minutes approve 1 --at-meeting 2 2>/dev/null &&
	id=$(convene get meetings/001.yaml:approved.decision) &&
	sed -i "s/^  decision: $id/  decision: 0badbad0/" meetings/001.yaml &&
	test_expect_code 1 convene validate > ../out 2>&1 &&
	test_grep "meetings/001.yaml:6:13: error: decision '"'"'0badbad0'"'"' is not in meeting 002, which approved these minutes; fix approved.decision" ../out &&
	git checkout -q meetings/001.yaml &&
	sed -i "s/^  meeting: 2/  meeting: 8/" meetings/001.yaml &&
	test_expect_code 1 convene validate > ../out 2>&1 &&
	test_grep "meetings/001.yaml:5:12: error: the minutes are approved at meeting 008, which does not exist; fix approved.meeting" ../out &&
	sed -i "s/^  meeting: 8/  meeting: 1/" meetings/001.yaml &&
	test_expect_code 1 convene validate > ../out 2>&1 &&
	test_grep "meetings/001.yaml:5:12: error: the minutes of meeting 1 are approved at a later meeting, not at meeting 1; fix approved.meeting" ../out &&
	git checkout -q meetings/001.yaml &&
	convene validate 2>/dev/null
'

test_done
