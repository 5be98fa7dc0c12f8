#!/bin/sh
# meeting, actions, hosts, note, decide, action and notes in Hebrew
# (he_IL.UTF-8, po/he.po): their help, errors, hints and listings' words;
# --json, ids, option names and the documents (which follow the
# initiative's language) stay as they are.
. "$(dirname "$0")/lib.sh"

if ! he_locale; then
	echo "not ok - he_IL.UTF-8 is not installed and localedef cannot make it (apt-get install locales)"
	exit 1
fi
he() { LANG=he_IL.UTF-8 "$@"; }

test_expect_success 'help meeting, note, notes: options and texts in Hebrew' '
	he convene help meeting >out &&
	test_grep "יום המפגש" out &&
	test_grep "M הוא מספר המפגש" out &&
	test_grep "  blank           opening next-steps (ברירת המחדל)" out &&
	test_grep "  --date DATE         יום המפגש" out &&
	he convene help note >out && test_grep "הוספת הערה לסעיף ITEM של מפגש M" out &&
	test_grep "השארת השינוי בהכנה" out &&
	he convene help notes >out && test_grep "  /next, /n            הסעיף הבא" out &&
	he convene help actions >out && test_grep "רק משימות פתוחות שמועדן עבר" out &&
	convene help meeting >out && test_grep "the day it meets" out
'

test_expect_success 'usage errors in Hebrew, exit 2, the usage line after them' '
	init_lit && cd lit &&
	test_expect_code 2 he convene meeting edit 2>err &&
	test_grep "convene: error: ‏meeting edit מקבלת מספר מפגש" err &&
	test_grep "שימוש: convene meeting" err &&
	test_expect_code 2 he convene meeting new --host m1 --virtual https://x 2>err &&
	test_grep "למפגש יש --host או קישור --virtual, לא את שניהם" err &&
	test_expect_code 2 he convene note x opening hi 2>err &&
	test_grep "‏'"'"'x'"'"' אינו מספר מפגש (1 עד 99999)" err &&
	test_expect_code 2 he convene meeting new --template nosuch 2>err &&
	test_grep " או communications" err
'

test_expect_success 'no such item: the error and the hint in Hebrew, exit 1' '
	init_lit && cd lit &&
	test_expect_code 1 he convene note 1 nosuch "שלום" 2>err &&
	test_grep "convene: error: בקובץ meetings/001.yaml אין סעיף '"'"'nosuch'"'"'" err &&
	test_grep "convene: hint: הסעיפים שלו: opening" err &&
	test_expect_code 1 he convene meeting show 9 2>err &&
	test_grep "אין מפגש 9 ‏(meetings/009.yaml)" err
'

test_expect_success 'meeting show and hosts: the words in Hebrew, the data as it is' '
	init_lit && cd lit &&
	convene note 1 opening "שלום" 2>/dev/null &&
	he convene meeting show 1 >out &&
	test_grep "(ללא תאריך)" out && test_grep "    הערה: שלום" out &&
	he convene hosts >out &&
	test_grep "לאף מפגש עוד אין מארח/ת" out &&
	convene meeting show 1 >out && test_grep "(no date)" out &&
	he convene meeting show --json 1 >he.json && convene meeting show --json 1 >c.json &&
	test_cmp c.json he.json &&
	he convene actions --json >he.json && convene actions --json >c.json &&
	test_cmp c.json he.json &&
	he convene meeting list --json >he.json && convene meeting list --json >c.json &&
	test_cmp c.json he.json
'

test_expect_success 'notes: the session in Hebrew, the count in its plural' '
	init_lit && cd lit &&
	printf "first\n/bogus\n" | he convene notes 1 2>err &&
	test_grep "פקודה לא מוכרת /bogus ‏(/help מציגה את הפקודות)" err &&
	test_grep "הערה 1 נשמרה ב־meetings/001.yaml" err &&
	printf "a\nb\n/decide\n" | he convene notes 1 2>err &&
	test_grep "‏/decide צריכה את נוסח ההחלטה" err &&
	test_grep "2 הערות נשמרו ב־meetings/001.yaml" err &&
	printf "a\nb\n" | convene notes 1 2>err &&
	test_grep "2 notes saved in meetings/001.yaml" err &&
	printf "/help\n/go nosuch\n" | he convene notes 1 2>err &&
	test_grep "  /next, /n            הסעיף הבא" err &&
	test_grep "  אין סעיף '"'"'nosuch'"'"'" err &&
	test_grep "0 הערות נשמרו ב־meetings/001.yaml" err
'

test_expect_success 'the minutes follow the initiative, not the locale' '
	convene init --template ucsd --lang en --name "Early reading" --site beersheva en 2>/dev/null &&
	cd en && he convene minutes 1 >out 2>/dev/null &&
	test_grep "**Next meeting:**" out &&
	cd .. && init_lit && cd lit && convene minutes 1 >out 2>/dev/null &&
	test_grep "פרוטוקול" out
'

test_done
