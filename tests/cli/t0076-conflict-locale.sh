#!/bin/sh
# conflicts, resolve, get, set, edit, commit and merge-file in Hebrew
# (issue 18): their messages, listings and help under he_IL.UTF-8; the
# lines scripts read (file:line:col: FIELD) and --json stay as they are.
. "$(dirname "$0")/lib.sh"

if ! he_locale; then
	echo "not ok - he_IL.UTF-8 is not installed and localedef cannot make it (apt-get install locales)"
	exit 1
fi
he() { LANG=he_IL.UTF-8 "$@"; }

conflicted() {
	init_lit &&
	cp -R lit haifa && git -C haifa config convene.site haifa &&
	(cd lit && convene set vision "כל ילד קורא" 2>/dev/null) &&
	(cd haifa && convene set vision "every child reads" 2>/dev/null) &&
	cd lit && test_expect_code 1 git pull -q --no-rebase --no-edit ../haifa main > /dev/null 2>&1 &&
	git add -A && git commit -qm "merge with a conflict"
}

test_expect_success 'conflicts: the listing in Hebrew, its first line and --json as in English' '
	conflicted &&
	he convene conflicts > ../out &&
	cat > ../want <<-\EOT &&
	initiative.yaml:5:9: vision
	  בסיס:     (none)
	  צד 1:     every child reads   (theirs)
	  צד 2:     כל ילד קורא   (ours)
	1 התנגשות; יישבו אותה עם: convene resolve FIELD --side N
	EOT
	test_cmp ../want ../out &&
	he convene conflicts --json > ../he.json && convene conflicts --json > ../en.json &&
	test_cmp ../en.json ../he.json
'

test_expect_success 'resolve: its errors in Hebrew, with their exit codes' '
	conflicted &&
	test_expect_code 2 he convene resolve vision --side 9 2> ../err &&
	test_grep "convene: error: אין צד 9 ב־'"'"'vision'"'"'" ../err &&
	test_grep "ממספרת את הצדדים" ../err &&
	test_expect_code 2 he convene resolve vision --side x 2> ../err &&
	test_grep "אחרי --side יש לתת מספר של צד" ../err &&
	test_expect_code 1 he convene resolve mission --side 1 2> ../err &&
	test_grep "אין התנגשות ב־'"'"'mission'"'"'" ../err &&
	he convene resolve vision --side 2 2> ../err &&
	he convene conflicts 2> ../err && test_grep "אין התנגשויות" ../err
'

test_expect_success 'set, edit and commit say what is wrong in Hebrew' '
	init_lit && cd lit &&
	test_expect_code 2 he convene set vision.x y 2> ../err &&
	test_grep "מכיל ערך, לא שדות" ../err && test_grep "set --force vision.x" ../err &&
	test_expect_code 2 he convene set vision 2> ../err &&
	test_grep "ל־set יש לתת נתיב שדה וערך" ../err &&
	test_expect_code 2 he convene edit nosuch 2> ../err &&
	test_grep "אינו קובץ של היוזמה" ../err &&
	he convene set vision "חזון" 2> /dev/null &&
	he convene set vision "חזון" 2> ../err &&
	test_grep "אין מה לשנות: initiative.yaml כבר מכיל את זה" ../err &&
	he convene commit 2> ../err &&
	test_grep "אין מה לשמור בקומיט" ../err &&
	mkdir -p members && echo "bad: [" > members/x.yaml &&
	test_expect_code 1 he convene commit 2> ../err &&
	test_grep "שום דבר לא נשמר בקומיט" ../err
'

test_expect_success 'merge-file and the help of resolve in Hebrew' '
	init_lit && cd lit &&
	printf "vision: a\n" > ../base && printf "vision: b\n" > ../ours && printf "vision: c\n" > ../theirs &&
	test_expect_code 1 he convene merge-file ../base ../ours ../theirs 2> ../err &&
	test_grep "../ours: 1 התנגשות (ראו '"'"'convene conflicts'"'"')" ../err &&
	test_expect_code 2 he convene merge-file ../base 2> ../err &&
	test_grep "ל־merge-file יש לתת BASE OURS THEIRS" ../err &&
	he convene help resolve > ../out &&
	test_grep "מיישבת את ההתנגשות ב־FIELD" ../out &&
	test_grep "  --base              לקיחת הערך ששני הצדדים התחילו ממנו" ../out
'

test_done
