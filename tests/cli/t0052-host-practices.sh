#!/bin/sh
# host-practices: a meeting hosted at a member's site gets an item where
# the host shares how their organisation works (DESIGN §8); a virtual
# meeting or one at an address does not.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW
GOLDEN=$(cd "$(dirname "$0")/../golden/templates" && pwd)

people() {
	convene init --template ucsd --lang "$1" --name "קריאה מוקדמת בנגב" --site s lit 2>/dev/null && cd lit &&
	convene member add "Dana" --id dana 2>/dev/null &&
	convene meeting new --template communications 2>/dev/null
}

for lang in he en; do
	test_expect_success "a hosted quick-wins meeting ($lang): the file as written, led by the host" '
		people $lang &&
		convene meeting new --template quick-wins --host dana 2>/dev/null &&
		test_cmp "$GOLDEN/$lang/quick-wins-hosted.yaml" meetings/005.yaml &&
		convene validate 2>/dev/null
	'
done

test_expect_success 'a hosted blank meeting: opening, host-practices, next steps' '
	people he &&
	convene meeting new --host dana --date 2026-05-03 2>/dev/null &&
	sed -n "s/^- id: //p" meetings/005.yaml > ../ids &&
	printf "opening\nhost-practices\nnext-steps\n" > ../want && test_cmp ../want ../ids &&
	convene get "meetings/005.yaml:agenda[host-practices].lead" > ../out &&
	echo dana > ../want && test_cmp ../want ../out &&
	convene get "meetings/005.yaml:agenda[host-practices].prompt" > ../out &&
	test_grep "הארגון המארח משתף איך הוא עובד" ../out &&
	convene agenda 5 --facilitator > ../out && test_grep "הארגון המארח משתף איך הוא עובד" ../out &&
	convene validate 2>/dev/null
'

test_expect_success 'a virtual meeting and one at an address have no host-practices' '
	people en &&
	convene meeting new --template evaluation --virtual https://meet.example.org/x 2>/dev/null &&
	convene meeting new --address "12 Herzl St" 2>/dev/null &&
	! grep -q host-practices meetings/004.yaml meetings/005.yaml meetings/006.yaml &&
	convene validate 2>/dev/null
'

test_expect_success 'an unknown host is refused and nothing is written' '
	people en &&
	test_expect_code 1 convene meeting new --template quick-wins --host ghost 2>../err &&
	test_grep "ghost" ../err && test ! -e meetings/005.yaml
'

test_done
