#!/bin/sh
# The edits of the people and the initiative's lists when a file holds
# something else where a list should be, or lacks what is named: each
# refuses with a message naming the file and the key, exit 1, nothing
# written or committed (store/groupedit.c, store/memberedit.c,
# store/attendance.c, store/outcomeedit.c).
. "$(dirname "$0")/lib.sh"

# ./lit with rina and the outcome reading, then scalars where the lists
# are, committed as a user's hand edit would be
lit_broken() {
	init_lit && cd lit &&
	convene member add Rina --id rina 2>/dev/null &&
	convene outcome add Reading --id reading 2>/dev/null &&
	printf "partners: nobody\nprinciples: none\nsubgroups: none\n" >> initiative.yaml &&
	echo "subgroups: x" >> members/rina.yaml &&
	echo "attendees: all" >> meetings/002.yaml &&
	echo "indicators: none" >> outcomes/reading.yaml &&
	git add -A && git commit -q -m "by hand" &&
	git rev-parse HEAD > ../before
}

# Nothing changed: HEAD, index and work tree as lit_broken left them.
unchanged() {
	git rev-parse HEAD > ../after &&
	test_cmp ../before ../after &&
	git status --porcelain > ../dirty &&
	test_cmp /dev/null ../dirty
}

test_expect_success 'initiative.yaml: partners, subgroups, principles that are not lists' '
	lit_broken &&
	test_expect_code 1 convene partner add P --kind school 2> ../err &&
	echo "convene: error: '"'"'partners'"'"' in initiative.yaml is not a list, or out of memory" > ../want &&
	test_cmp ../want ../err &&
	test_expect_code 1 convene subgroup add S 2> ../err &&
	echo "convene: error: '"'"'subgroups'"'"' in initiative.yaml is not a list, or out of memory" > ../want &&
	test_cmp ../want ../err &&
	test_expect_code 1 convene principle add hi 2> ../err &&
	echo "convene: error: '"'"'principles'"'"' in initiative.yaml is not a list, or out of memory" > ../want &&
	test_cmp ../want ../err &&
	unchanged
'

test_expect_success 'a member file and a meeting: subgroups and attendees that are not lists' '
	lit_broken &&
	test_expect_code 1 convene member leave-subgroup rina x 2> ../err &&
	echo "convene: error: '"'"'subgroups'"'"' in members/rina.yaml is not a list, or out of memory" > ../want &&
	test_cmp ../want ../err &&
	test_expect_code 1 convene attend 2 rina 2> ../err &&
	echo "convene: error: '"'"'attendees'"'"' in meetings/002.yaml is not a list" > ../want &&
	test_cmp ../want ../err &&
	unchanged
'

test_expect_success 'an outcome: indicators not a list; measuring an indicator it lacks' '
	lit_broken &&
	test_expect_code 1 convene outcome indicator reading I 2> ../err &&
	echo "convene: error: '"'"'indicators'"'"' in outcomes/reading.yaml is not a list, or out of memory" > ../want &&
	test_cmp ../want ../err &&
	git reset -q --hard HEAD~1 &&
	git rev-parse HEAD > ../before &&
	test_expect_code 1 convene outcome measure reading readers 3 2> ../err &&
	printf "%s\n" "convene: error: outcomes/reading.yaml has no indicator '"'"'readers'"'"'" \
		"convene: hint: add it: convene outcome indicator reading NAME --id readers" > ../want &&
	test_cmp ../want ../err &&
	unchanged
'

test_expect_success 'ids taken: a principle, an indicator, a partner (usage, exit 2)' '
	init_lit && cd lit &&
	convene principle add "Listen first" --id listen 2>/dev/null &&
	convene outcome add Reading --id reading 2>/dev/null &&
	convene outcome indicator reading Readers --id readers 2>/dev/null &&
	convene partner add City --kind municipality 2>/dev/null &&
	git rev-parse HEAD > ../before &&
	test_expect_code 2 convene principle add Again --id listen 2> ../err &&
	printf "%s\n" "convene: error: a principle '"'"'listen'"'"' exists already" \
		"usage: convene principle add TEXT [--id ID] [--no-commit]" > ../want &&
	test_cmp ../want ../err &&
	test_expect_code 2 convene outcome indicator reading Again --id readers 2> ../err &&
	test_grep "convene: error: outcomes/reading.yaml has an indicator '"'"'readers'"'"' already" ../err &&
	test_expect_code 2 convene partner add City --kind school 2> ../err &&
	test_grep "convene: error: a partner '"'"'city'"'"' exists already; give another id with --id" ../err &&
	unchanged
'

test_done
