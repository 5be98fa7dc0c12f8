#!/bin/sh
# meeting new --template: the meetings after the third (DESIGN §8), in
# Hebrew and English, as written (tests/golden/templates/LANG/NAME.yaml).
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW
GOLDEN=$(cd "$(dirname "$0")/../golden/templates" && pwd)

new_initiative() {
	convene init --template ucsd --lang "$1" --name "קריאה מוקדמת בנגב" --site s lit 2>/dev/null && cd lit
}

for lang in he en; do
	for t in quick-wins working-group evaluation communications blank; do
		test_expect_success "meeting new --template $t ($lang): the file as written; validate is clean" '
			new_initiative $lang &&
			convene meeting new --template $t --date 2026-05-03 --start 18:00 2>../err &&
			test_grep "meeting 004: planned for 2026-05-03" ../err &&
			test_cmp "$GOLDEN/$lang/$t.yaml" meetings/004.yaml &&
			convene validate 2>../err && test_grep "no problems" ../err
		'
	done
done

test_expect_success 'no --template is the blank one: an opening and a summary, as before' '
	new_initiative he &&
	convene meeting new --date 2026-05-03 --start 18:00 2>/dev/null &&
	test_cmp "$GOLDEN/he/blank.yaml" meetings/004.yaml &&
	convene get meetings/004.yaml:title > ../out && test_grep "מפגש 4" ../out
'

test_expect_success 'the item ids are the same in both languages, and the title says the theme' '
	new_initiative en &&
	for t in quick-wins working-group evaluation communications; do
		sed -n "s/^- id: //p" "$GOLDEN/he/$t.yaml" > ../he &&
		sed -n "s/^- id: //p" "$GOLDEN/en/$t.yaml" > ../en &&
		test_cmp ../he ../en || return 1
	done &&
	convene meeting new --template evaluation 2>/dev/null &&
	convene get meetings/004.yaml:title > ../out &&
	echo "Meeting 4 – evaluation and measurement" > ../want && test_cmp ../want ../out &&
	convene meeting new --template quick-wins --title "Our wins" 2>/dev/null &&
	convene get meetings/005.yaml:title > ../out && echo "Our wins" > ../want && test_cmp ../want ../out
'

test_expect_success 'meeting new --help lists every template and its item ids' '
	convene meeting new --help > ../out &&
	test_grep "  quick-wins      opening brainstorm choose-wins next-steps" ../out &&
	test_grep "  working-group   opening scope subgroups recruiting partnerships next-steps" ../out &&
	test_grep "  evaluation      opening evaluation-needs learning-plan next-steps" ../out &&
	test_grep "  communications  opening audiences elevator-pitch in-the-community next-steps" ../out &&
	test_grep "  blank           opening next-steps" ../out &&
	for t in quick-wins working-group evaluation communications blank; do
		ids=$(sed -n "s/^- id: //p" "$GOLDEN/en/$t.yaml" | tr "\n" " " | sed "s/ \$//") &&
		{ grep -q "^  $t  *$ids\$" ../out || grep -q "^  $t  *$ids (the default)\$" ../out; } || return 1
	done
'

test_expect_success 'the facilitator run sheet shows each item prompt' '
	new_initiative en &&
	convene meeting new --template working-group 2>/dev/null &&
	convene agenda 4 --facilitator > ../out &&
	test_grep "organisations or skills are still missing from the table" ../out &&
	test_grep "Partnerships across the network" ../out &&
	convene agenda 4 > ../out && ! grep -q "still missing from the table" ../out
'

test_expect_success 'a decision on elevator-pitch offers the set that makes it the pitch' '
	new_initiative he &&
	convene member add "דנה" --id dana 2>/dev/null &&
	convene meeting new --template communications 2>/dev/null &&
	convene decide 4 elevator-pitch "כל ילד קורא: \"עכשיו\" ב-\$5" --by dana 2>../err &&
	test_grep "convene: hint: to make this decision the initiative'"'"'s elevator_pitch:" ../err &&
	sed -n "s/^  convene set/convene set/p" ../err > ../cmd &&
	test_grep "convene set elevator_pitch \"כל ילד קורא: \\\"עכשיו\\\" ב-\\\$5\"" ../cmd &&
	sh ../cmd 2>/dev/null &&
	convene get elevator_pitch > ../out &&
	printf "%s\n" "כל ילד קורא: \"עכשיו\" ב-\$5" > ../want && test_cmp ../want ../out &&
	convene decide 4 audiences "הורים" --by dana 2>../err && ! grep -q hint ../err &&
	convene note 4 elevator-pitch "טיוטה" --by dana 2>../err && ! grep -q hint ../err
'

test_expect_success 'notes: /decide on elevator-pitch offers the same' '
	new_initiative en &&
	convene member add "Dana" --id dana 2>/dev/null &&
	convene meeting new --template communications 2>/dev/null &&
	printf "/go elevator-pitch\n/decide Every child reads by grade 3.\n/go audiences\n/decide parents first\n/quit\n" > ../in &&
	convene notes 4 --by dana < ../in 2> ../err &&
	test_grep "  convene set elevator_pitch \"Every child reads by grade 3.\"" ../err &&
	test $(grep -c "convene: hint: to make this decision" ../err) = 1
'

test_expect_success 'an unknown template is refused before anything is written' '
	new_initiative en &&
	test_expect_code 2 convene meeting new --template quickwins 2>../err &&
	test_grep "not a meeting template; use blank, quick-wins, working-group, evaluation or communications" ../err &&
	test ! -e meetings/004.yaml && git status --porcelain > ../st && test ! -s ../st
'

test_done
