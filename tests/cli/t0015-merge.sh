#!/bin/sh
# merge-file as git's merge driver: plain `git merge` between two sites
# uses it (init configured it) and merges notes that git's line merge
# could not; a real conflict is recorded as valid YAML.
. "$(dirname "$0")/lib.sh"

two_sites() {
	init_lit &&
	convene -C lit member add "דנה" --id dana 2>/dev/null &&
	cp -R lit haifa && git -C haifa config convene.site haifa
}

test_expect_success 'notes taken at two sites on one agenda item: git merge is clean' '
	two_sites &&
	(cd lit && CONVENE_NOW=2026-02-01T17:05:00+02:00 convene note 1 why-here "מבאר שבע" 2>/dev/null) &&
	(cd haifa && CONVENE_NOW=2026-02-01T17:07:00+02:00 convene note 1 why-here "from Haifa" 2>/dev/null) &&
	cd lit && git pull -q --no-rebase --no-edit ../haifa main 2>../err &&
	convene get meetings/001.yaml:agenda[why-here].notes > ../notes &&
	test_grep "text: מבאר שבע" ../notes && test_grep "text: from Haifa" ../notes &&
	test "$(grep -c "^- id:" ../notes)" = 2 &&
	convene validate 2>/dev/null && convene fmt --check &&
	git fsck --strict --no-dangling &&
	git log -1 --format=%p > ../parents && test "$(wc -w < ../parents)" = 2
'

test_expect_success 'without the driver, git line merge of the same change conflicts' '
	two_sites &&
	(cd lit && convene note 1 why-here "מבאר שבע" 2>/dev/null) &&
	(cd haifa && convene note 1 why-here "from Haifa" 2>/dev/null) &&
	cd lit && echo "*.yaml -merge" > .git/info/attributes &&
	git config --unset merge.convene.driver &&
	! git pull -q --no-rebase --no-edit ../haifa main >/dev/null 2>&1 &&
	git merge --abort
'

test_expect_success 'the vision changed at both sites: git merge records a !conflict, validate says so' '
	two_sites &&
	(cd lit && convene set vision "כל ילד קורא" 2>/dev/null) &&
	(cd haifa && convene set vision "every child reads" 2>/dev/null) &&
	cd lit && ! git pull -q --no-rebase --no-edit ../haifa main > ../out 2>&1 &&
	test_grep "vision: !conflict" initiative.yaml &&
	test_grep "value: כל ילד קורא" initiative.yaml &&
	test_grep "value: every child reads" initiative.yaml &&
	! grep -q "<<<<<<<" initiative.yaml &&
	test_expect_code 1 convene validate > ../v 2>/dev/null &&
	test_grep "initiative.yaml:4:9: error: unresolved conflict in '"'"'vision'"'"'" ../v
'

test_expect_success 'merge-file: exit codes, labels in from, a side that is not YAML' '
	printf "vision: a\\n" > base && printf "vision: b\\n" > ours && printf "vision: c\\n" > theirs &&
	test_expect_code 1 convene merge-file -L "Dana haifa" -L base -L "Avi beersheva" base ours theirs 2>err &&
	test_grep "from: Dana haifa" ours && test_grep "from: Avi beersheva" ours &&
	printf "vision: a\\nmission: m\\n" > base && printf "vision: b\\nmission: m\\n" > ours &&
	printf "vision: a\\nmission: x\\n" > theirs &&
	convene merge-file base ours theirs &&
	printf "vision: b\\nmission: x\\n" > want && test_cmp want ours &&
	printf "vision: [\\n" > ours &&
	test_expect_code 1 convene merge-file base ours theirs 2>err &&
	test_grep "is not valid YAML" err && test_grep "<<<<<<< ours" ours &&
	test_expect_code 2 convene merge-file base ours 2>/dev/null &&
	test_expect_code 2 convene merge-file base ours missing 2>/dev/null
'

test_done
