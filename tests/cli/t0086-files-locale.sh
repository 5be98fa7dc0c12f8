#!/bin/sh
# status, validate, fmt, agenda, minutes, calendar and report under
# he_IL.UTF-8: their headings, counts and messages in Hebrew (whole
# sentences, the file:line:col and convene: error: structure kept), what
# scripts read (--json, fmt --check's list, the documents) the same bytes
# as in English.
. "$(dirname "$0")/lib.sh"

if ! he_locale; then
	echo "not ok - he_IL.UTF-8 is not installed and localedef cannot make it (apt-get install locales)"
	exit 1
fi
he() { LANG=he_IL.UTF-8 "$@"; }

# the Hebrew initiative of init, two members, one of them at meeting 1
setup() {
	init_lit && cd lit &&
	convene member add "Dana Levi" --id dana > /dev/null 2>&1 &&
	convene member add "Avi Cohen" --id avi > /dev/null 2>&1 &&
	convene attend 1 dana > /dev/null 2>&1
}

test_expect_success 'status: every heading and count in Hebrew, the columns lined up by characters' '
	setup &&
	he convene status > out &&
	cat > want <<-\EOF &&
	יוזמה:      קריאה מוקדמת בנגב (he), אתר beersheva
	חברים:      2 פעילים
	ראיונות:    0 נערכו, 0 מתוכננים; חסרים: avi, dana
	מפגשים:     3
	  001  -           מתוכנן     1 נוכח/ת, 0 הערות  מפגש 1 – היכרות וחזון משותף
	  002  -           מתוכנן     0 נוכחים, 0 הערות  מפגש 2 – עקרונות מנחים וסדר יום משותף
	  003  -           מתוכנן     0 נוכחים, 0 הערות  מפגש 3 – מסיפורי הצלחה למנופים לשינוי
	בעיות:      אין
	EOF
	test_cmp want out &&
	convene status > en &&
	test_grep "members:    2 active" en &&
	test_grep "  001  -           planned    1 attending, 0 notes  " en
'

test_expect_success 'status and validate with problems: the counts by ngettext; exit 1 in both languages' '
	setup &&
	printf "id: x\nname: [\n" > members/x.yaml &&
	test_expect_code 1 he convene status > out &&
	test_grep "בעיות:      1 שגיאה, 0 אזהרות (ראו '"'"'convene validate'"'"')" out &&
	test_expect_code 1 he convene validate > diags 2> err &&
	test_grep "members/x.yaml:3:1: error: " diags &&
	echo "נבדקו 7 קבצים (1 יוזמה, 3 חברים, 3 מפגשים): 1 שגיאה, 0 אזהרות" > want &&
	test_cmp want err &&
	test_expect_code 1 convene validate 2> err &&
	echo "checked 7 files (1 initiative, 3 members, 3 meetings): 1 error, 0 warnings" > want &&
	test_cmp want err &&
	rm members/x.yaml &&
	he convene validate 2> err &&
	echo "נבדקו 6 קבצים (1 יוזמה, 2 חברים, 3 מפגשים): אין בעיות" > want &&
	test_cmp want err
'

test_expect_success 'fmt: the message in Hebrew, the list of files for scripts as it is' '
	setup &&
	printf "id: x\nname:  \"a\"\n" > members/x.yaml &&
	test_expect_code 1 he convene fmt --check > out 2> err &&
	echo members/x.yaml > want &&
	test_cmp want out &&
	test_grep "1 קובץ אינו בצורה הקנונית; הריצו '"'"'convene fmt'"'"'" err &&
	he convene fmt 2> err &&
	test_grep "נכתב מחדש בצורה הקנונית: members/x.yaml" err &&
	test_expect_code 2 he convene fmt nosuch.yaml 2> err &&
	test_grep "convene: error: ‏'"'"'nosuch.yaml'"'"' אינו קובץ של היוזמה" err
'

test_expect_success 'agenda, minutes, calendar: errors in Hebrew; the documents the same bytes' '
	setup &&
	test_expect_code 1 he convene minutes 9 2> err &&
	test_grep "convene: error: אין מפגש 9 (meetings/009.yaml); המפגשים הקיימים: 1, 2, 3" err &&
	test_expect_code 2 he convene agenda 1 --format pdf 2> err &&
	test_grep "convene: error: ‏--format הוא md או html, לא '"'"'pdf'"'"'" err &&
	test_expect_code 1 he convene calendar --meeting 9 2> err &&
	test_grep "convene: error: אין מפגש 9; המפגשים הקיימים: 1-3" err &&
	test_expect_code 2 he convene calendar --invite 2> err &&
	test_grep "‏--invite צריכה --meeting M: הזמנה היא למפגש אחד" err &&
	for args in "agenda 1" "agenda 1 --format html" "minutes 1" "calendar" "status --json" "validate --json"; do
		convene $args > en.out 2>/dev/null &&
		he convene $args > he.out 2>/dev/null &&
		test -s en.out && cmp en.out he.out ||
		{ echo "differs in Hebrew: convene $args" >&2; return 1; }
	done
'

test_expect_success 'report: its note and help in Hebrew, the site the same bytes' '
	setup &&
	he convene report "$PWD/../a" 2> err &&
	test_grep "נכתב $PWD/../a: index.html ו־3 דפי מפגשים, מקומיט" err &&
	convene report "$PWD/../b" 2> err &&
	test_grep "wrote $PWD/../b: index.html and 3 meeting pages, from commit" err &&
	diff -r ../a ../b &&
	he convene help report > help &&
	test_grep "  --force             החלפת DIR גם אם יש בה משהו שאינו דוח" help &&
	test_expect_code 2 he convene report 2> err &&
	test_grep "convene: error: הפקודה report מקבלת תיקייה אחת" err
'

test_done
