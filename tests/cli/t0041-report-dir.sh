#!/bin/sh
# report DIR: what DIR may be (missing, empty, an earlier report; another
# folder only with --force), the swap into place, the same bytes twice,
# --at, and the errors, with nothing changed after one.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/report-data.sh"

test_expect_success 'a missing DIR is made; an empty one is filled' '
	make_report_initiative en i &&
	convene -C i report "$PWD/new" &&
	test -f new/index.html &&
	mkdir empty &&
	convene -C i report "$PWD/empty" &&
	test -f empty/index.html &&
	test -f empty/.convene-report &&
	diff -r new empty
'

test_expect_success 'run twice on one commit: the same bytes; its own earlier report is replaced' '
	make_report_initiative he i &&
	convene -C i report "$PWD/a" &&
	convene -C i report "$PWD/b" &&
	diff -r a b &&
	echo stale > a/meetings/009.html &&
	convene -C i report "$PWD/a" &&
	test ! -e a/meetings/009.html &&
	diff -r a b &&
	ls -a . > entries &&
	! grep "convene-" entries
'

test_expect_success 'the same bytes in any time zone and locale' '
	make_report_initiative en i &&
	convene -C i report "$PWD/a" &&
	TZ=Pacific/Kiritimati LC_ALL=de_DE.UTF-8 LANG=he_IL.UTF-8 convene -C i report "$PWD/b" &&
	diff -r a b
'

test_expect_success 'a folder that holds something else: exit 2 naming it and --force; nothing changed' '
	make_report_initiative en i &&
	mkdir docs &&
	echo mine > docs/notes.txt &&
	test_expect_code 2 convene -C i report "$PWD/docs" 2>err &&
	test_grep "docs'"'"' is not empty and holds no report convene wrote" err &&
	test_grep "add --force" err &&
	ls -a docs > got &&
	printf ".\n..\nnotes.txt\n" > want &&
	test_cmp want got &&
	echo mine > want &&
	test_cmp want docs/notes.txt &&
	ls -a . > entries &&
	! grep "convene-" entries
'

test_expect_success '--force replaces such a folder with the report' '
	make_report_initiative en i &&
	mkdir docs &&
	echo mine > docs/notes.txt &&
	convene -C i report --force "$PWD/docs" &&
	test ! -e docs/notes.txt &&
	test -f docs/.convene-report &&
	test -f docs/meetings/001.html
'

test_expect_success 'DIR a file, DIR in a folder that is not there: exit 2, nothing written' '
	make_report_initiative en i &&
	echo x > file &&
	test_expect_code 2 convene -C i report "$PWD/file" 2>err &&
	test_grep "is not a folder" err &&
	echo x > want &&
	test_cmp want file &&
	test_expect_code 2 convene -C i report "$PWD/no/such/site" 2>err &&
	test_grep "the folder it goes in must exist" err &&
	test ! -e no
'

test_expect_success 'usage: one folder, known options' '
	make_report_initiative en i &&
	test_expect_code 2 convene -C i report 2>err &&
	test_grep "report takes one folder" err &&
	test_expect_code 2 convene -C i report a b 2>err &&
	test_expect_code 2 convene -C i report --color a 2>err &&
	test ! -e a
'

test_expect_success '--at a revision that is not there: exit 1, nothing written' '
	make_report_initiative en i &&
	test_expect_code 1 convene -C i report --at no-such-rev "$PWD/site" 2>err &&
	test_grep "no-such-rev" err &&
	test_expect_code 2 convene -C i report --at 2026-02-30 "$PWD/site" 2>err &&
	test ! -e site
'

test_expect_success '--at an older commit: the vision as it stood, the history up to then' '
	make_report_initiative en i &&
	convene -C i report --at 2026-02-07 "$PWD/old" &&
	test_grep "<p class=\"vision\">Every child in Ohio reads by grade 3, with every parent on board.</p>" old/index.html &&
	! grep "with joy" old/index.html &&
	test "$(grep -c "<li class=\"change" old/index.html)" = 1 &&
	convene -C i report "$PWD/now" &&
	test_grep "<p class=\"vision\">Every child in Ohio reads with joy by grade 3" now/index.html &&
	test "$(grep -c "<li class=\"change" now/index.html)" = 5 &&
	commit=$(git -C i rev-parse --short=7 HEAD~2) &&
	convene -C i report --at "$commit" "$PWD/rev" &&
	test_grep "<code>$commit</code>" rev/index.html
'

test_expect_success 'a banner while a conflict is unsettled; overdue as of the commit, not the clock' '
	make_report_initiative en i &&
	convene -C i report --at HEAD~1 "$PWD/fork" 2>err &&
	test_grep "<p class=\"banner\" role=\"alert\"><strong>1</strong> unsettled conflicts" fork/index.html &&
	test_grep "1 unsettled conflict" err &&
	convene -C i report "$PWD/settled" &&
	! grep "class=\"banner\"" settled/index.html &&
	test_grep "<li><span class=\"fig\">2</span> Actions open, 1 overdue</li>" settled/index.html &&
	convene -C i report --at 2026-02-06 "$PWD/early" &&
	test_grep "<li><span class=\"fig\">2</span> Actions open, 0 overdue</li>" early/index.html
'

test_expect_success 'nothing committed yet: exit 1, saying so' '
	git init -q empty &&
	printf "name: x\nlanguage: en\n" > empty/initiative.yaml &&
	test_expect_code 1 convene -C empty report "$PWD/site" 2>err &&
	test_grep "nothing is committed yet" err &&
	test ! -e site
'

test_done
