#!/bin/sh
# sync, remote, init, log, history and diff in Hebrew (po/he.po): their
# errors, hints, summaries and the words of history under he_IL.UTF-8;
# their --json the same bytes as in English.
. "$(dirname "$0")/lib.sh"

if ! he_locale; then
	echo "not ok - he_IL.UTF-8 is not installed and localedef cannot make it (apt-get install locales)"
	exit 1
fi
he() { LANG=he_IL.UTF-8 "$@"; }

# An initiative whose vision was set, then changed, with a commit each.
lit_with_history() {
	init_lit && cd lit &&
	convene set vision "Every child reads" > /dev/null 2>&1 &&
	convene set vision "Every child reads well" > /dev/null 2>&1
}

test_expect_success 'init in a folder that is not empty: the error and its hint in Hebrew, exit 2' '
	mkdir full && echo x > full/notes.txt &&
	test_expect_code 2 he convene init full 2> err &&
	test_grep "convene: error: התיקייה '"'"'full'"'"' אינה ריקה" err &&
	test_grep "convene: hint: הפקודה init יוצרת יוזמה חדשה" err &&
	test_grep "convene init NEWDIR" err &&
	test ! -d full/.git &&
	test_expect_code 2 convene init full 2> err &&
	test_grep "'"'"'full'"'"' is not empty" err
'

test_expect_success 'init in Hebrew: what it made, and what to do next' '
	he convene init --name T --site here lit 2> err &&
	test_grep "נוצרה היוזמה '"'"'T'"'"'" err &&
	test_grep "הצעד הבא: cd lit && convene status" err
'

test_expect_success 'sync with a remote that cannot be reached: exit 3, the work kept, said in Hebrew' '
	init_lit && cd lit &&
	he convene remote add origin "$TRASH/nowhere.git" 2> err &&
	test_grep "שרת מרוחק origin: $TRASH/nowhere.git" err &&
	test_expect_code 3 he convene sync 2> err &&
	test_grep "convene: העבודה שלכם שמורה כאן: 1 קומיט ממתין לשליחה אל origin" err &&
	test_grep "'"'"'convene sync'"'"'" err &&
	test_expect_code 3 convene sync 2> err &&
	test_grep "your work is kept here: 1 commit waits to be pushed to origin" err
'

test_expect_success 'sync that pushes: its summary in Hebrew; remote rm too' '
	git init -q --bare hub.git &&
	init_lit && cd lit &&
	convene remote add origin ../hub.git 2> /dev/null &&
	convene set vision "Every child reads" > /dev/null 2>&1 &&
	he convene sync 2> err &&
	test_grep "נשלחו 2 קומיטים אל origin" err &&
	test_grep "מסונכרן עם origin" err &&
	he convene sync 2> err &&
	test_grep "אין חדש מ־origin" err &&
	he convene remote rm origin 2> err &&
	test_grep "השרת המרוחק origin הוסר" err
'

test_expect_success 'log: its usage errors in Hebrew, its lines the same bytes' '
	lit_with_history &&
	test_expect_code 2 he convene log -n x 2> err &&
	test_grep "convene: error: אחרי -n יש לתת מספר קומיטים" err &&
	test_grep "שימוש: convene log" err &&
	test_expect_code 2 he convene log --since soon 2> err &&
	test_grep "אחרי --since יש לתת תאריך, YYYY-MM-DD" err &&
	convene log > en.out && he convene log > he.out &&
	test_cmp en.out he.out
'

test_expect_success 'history: the words around a change in Hebrew' '
	lit_with_history &&
	he convene history --reverse vision > out &&
	test_grep "    נקבע:" out &&
	test_grep "      Every child reads" out &&
	test_grep "      Every child reads{+ well+}" out &&
	! grep -q "^    set:" out &&
	convene history --reverse vision > en &&
	test_grep "    set:" en &&
	he convene history elevator_pitch > out 2> err &&
	test_grep "ל־elevator_pitch אין היסטוריה: הערך מעולם לא נקבע" err
'

test_expect_success 'history: a change made at another site meanwhile, marked in Hebrew' '
	git init -q --bare hub.git &&
	init_lit && (cd lit && convene remote add origin ../hub.git 2>/dev/null && convene sync -q) &&
	convene clone --site haifa hub.git other > /dev/null 2>&1 &&
	(cd lit && convene set vision "Vision here" > /dev/null 2>&1) &&
	(cd other && convene set mission "Mission there" > /dev/null 2>&1 && convene sync -q) &&
	cd lit && convene sync -q &&
	he convene history mission > out &&
	test_grep "    set mission  (נעשה במקביל, מוזג מאוחר יותר)" out &&
	convene history mission > en &&
	test_grep "(made concurrently, merged later)" en &&
	he convene history vision > out &&
	! grep -q "במקביל" out
'

test_expect_success 'diff: what it compares and "no changes" in Hebrew' '
	lit_with_history &&
	he convene diff HEAD~1 > out 2> err &&
	test_grep "מ־" err && test_grep " עד " err &&
	he convene diff > out 2> err &&
	test_grep "אין שינויים" err &&
	test_expect_code 2 he convene diff a b c 2> err &&
	test_grep "הפקודה diff מקבלת לכל היותר שני תאריכים או גרסאות" err
'

test_expect_success 'help of sync and history in Hebrew' '
	he convene help sync > out &&
	test_grep "בלי הצגת התקדמות, רק שגיאות" out &&
	test_grep "convene.syncPatience" out &&
	he convene history --help > out &&
	test_grep "הישנים ראשונים" out
'

test_expect_success '--json of log and history: the same bytes in Hebrew' '
	lit_with_history &&
	for args in "log --json" "log --json -n 1" "history --json vision" \
		"history --json --reverse vision" "remote list --json"; do
		convene $args > en.out 2>/dev/null &&
		he convene $args > he.out 2>/dev/null &&
		test -s en.out && cmp en.out he.out ||
		{ echo "differs in Hebrew: convene $args" >&2; return 1; }
	done
'

test_done
