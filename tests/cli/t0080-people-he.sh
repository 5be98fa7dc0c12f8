#!/bin/sh
# member, subgroup, partner, principle, outcome and attend in Hebrew
# (issue 18): their messages, help and list headings follow the locale;
# ids, roles, kinds, commit subjects and --json do not.
. "$(dirname "$0")/lib.sh"

if ! he_locale; then
	echo "not ok - he_IL.UTF-8 is not installed and localedef cannot make it (apt-get install locales)"
	exit 1
fi
he() { LANG=he_IL.UTF-8 "$@"; }

# ./lit with dana (can host), yossi (left) and the subgroup data
lit_with_people() {
	init_lit && cd lit &&
	convene member add "Dana Levi" --id dana --can-host --org City --joined 2026-01-05 2>/dev/null &&
	convene member add "Yossi" --id yossi --joined 2026-01-05 2>/dev/null &&
	convene member leave yossi --date 2026-03-01 2>/dev/null &&
	convene subgroup add "Data" 2>/dev/null
}

test_expect_success 'member list: Hebrew headings, each column as wide as its word' '
	lit_with_people &&
	he convene member list --all > ../out &&
	printf "%s\n" \
		"מזהה   שם         תפקיד   אירוח  ארגון" \
		"dana   Dana Levi  member  כן     City" \
		"yossi  Yossi      member  -       (עזיבה: 2026-03-01)" > ../want &&
	test_cmp ../want ../out &&
	convene member list --all > ../out &&
	printf "%s\n" \
		"ID     NAME       ROLE    HOST  ORGANIZATION" \
		"dana   Dana Levi  member  yes   City" \
		"yossi  Yossi      member  -      (left 2026-03-01)" > ../want &&
	test_cmp ../want ../out
'

test_expect_success 'subgroup and partner lists: Hebrew headings' '
	lit_with_people &&
	convene partner add City --kind municipality --contact Rina 2>/dev/null &&
	he convene subgroup list > ../out &&
	printf "%s\n" "מזהה  שם    חברים" "data  Data  0" > ../want &&
	test_cmp ../want ../out &&
	he convene partner list > ../out &&
	printf "%s\n" "מזהה  שם    סוג           קשר" "city  City  municipality  Rina" > ../want &&
	test_cmp ../want ../out
'

test_expect_success 'subgroup add, partner add: the errors in Hebrew, the exit codes as in English' '
	lit_with_people &&
	git rev-parse HEAD > ../before &&
	test_expect_code 2 he convene subgroup add Data 2> ../err &&
	test_grep "convene: error: תת־קבוצה '"'"'data'"'"' כבר קיימת; תנו מזהה אחר עם --id" ../err &&
	test_grep "שימוש: convene subgroup add NAME" ../err &&
	test_expect_code 2 he convene subgroup add 2> ../err &&
	test_grep "subgroup add מקבלת את שם התת־קבוצה" ../err &&
	test_expect_code 2 he convene partner add City 2> ../err &&
	test_grep "partner add צריכה את --kind: אחד מאלה: municipality," ../err &&
	test_expect_code 2 he convene partner add City --kind school --id BAD 2> ../err &&
	test_grep "'"'"'BAD'"'"' אינו מזהה: השתמשו ב־a-z" ../err &&
	git rev-parse HEAD > ../after &&
	test_cmp ../before ../after
'

test_expect_success 'member join, leave-subgroup: nothing to change, not in it, the hint, in Hebrew' '
	lit_with_people &&
	convene member join dana data 2>/dev/null &&
	he convene member join dana data 2> ../err &&
	echo "אין מה לשנות: dana כבר בתת־הקבוצה data" > ../want &&
	test_cmp ../want ../err &&
	test_expect_code 1 he convene member leave-subgroup yossi data 2> ../err &&
	test_grep "convene: error: ‏yossi לא בתת־הקבוצה '"'"'data'"'"'" ../err &&
	test_grep "convene: hint: ‏'"'"'convene get members/yossi.yaml:subgroups'"'"' מציגה את התת־קבוצות שהם בהן" ../err &&
	test_expect_code 2 he convene member add 2> ../err &&
	test_grep "member add מקבלת את שם החבר/ה" ../err &&
	test_expect_code 2 he convene member edit dana --no-commit 2> ../err &&
	test_grep "‏--no-commit הולכת רק עם --age" ../err
'

test_expect_success 'outcome and principle: errors, the hint and the count of indicators in Hebrew' '
	lit_with_people &&
	convene outcome add Reading --id reading 2>/dev/null &&
	test_expect_code 1 he convene outcome measure reading readers 3 2> ../err &&
	printf "%s\n" "convene: error: ב־outcomes/reading.yaml אין מדד '"'"'readers'"'"'" \
		"convene: hint: הוסיפו אותו: convene outcome indicator reading NAME --id readers" > ../want &&
	test_cmp ../want ../err &&
	convene outcome indicator reading Readers --id readers 2>/dev/null &&
	test_expect_code 2 he convene outcome indicator reading Readers --id readers 2> ../err &&
	test_grep "ב־outcomes/reading.yaml כבר יש מדד '"'"'readers'"'"'" ../err &&
	he convene outcome list > ../out &&
	echo "reading         proposed  1 מדד    Reading" > ../want &&
	test_cmp ../want ../out &&
	convene outcome indicator reading Writers --id writers 2>/dev/null &&
	he convene outcome list > ../out &&
	echo "reading         proposed  2 מדדים  Reading" > ../want &&
	test_cmp ../want ../out &&
	convene principle add "Listen first" --id listen 2>/dev/null &&
	test_expect_code 2 he convene principle add "Again" --id listen 2> ../err &&
	test_grep "עיקרון '"'"'listen'"'"' כבר קיים" ../err
'

test_expect_success 'attend in Hebrew: nothing to change, a bad id, a bad meeting' '
	lit_with_people &&
	convene attend 1 dana 2>/dev/null &&
	he convene attend 1 dana 2> ../err &&
	echo "אין מה לשנות: כולם כבר מסומנים כנוכחים" > ../want &&
	test_cmp ../want ../err &&
	test_expect_code 2 he convene attend 1 BAD 2> ../err &&
	test_grep "'"'"'BAD'"'"' אינו מזהה חבר" ../err &&
	test_expect_code 2 he convene attend 0 dana 2> ../err &&
	test_grep "אינו מספר מפגש (1 עד 99999)" ../err
'

test_expect_success 'help: the about and the options of these commands in Hebrew' '
	he convene help member > ../out &&
	test_grep "חברים אינם נמחקים לעולם:" ../out &&
	test_grep "  --can-host          אפשר לארח מפגש באתר שלהם" ../out &&
	he convene help subgroup > ../out &&
	test_grep "  --lead MEMBER       החבר/ה שמוביל/ה אותה" ../out &&
	he convene help partner > ../out &&
	test_grep "                      funder, university, government, community, other" ../out &&
	he convene help outcome > ../out &&
	test_grep "ומדידות מתוארכות." ../out &&
	he convene help principle > ../out &&
	test_grep "העקרונות המנחים של הקבוצה" ../out &&
	he convene help attend > ../out &&
	test_grep "מסמנת חברים כנוכחים במפגש M." ../out &&
	test_grep "  --no-commit         השארת השינוי בהכנה, בלי לשמור אותו בקומיט" ../out
'

test_expect_success 'the data is the same in Hebrew: --json, commit subjects, files' '
	lit_with_people &&
	convene partner add City --kind municipality 2>/dev/null &&
	for args in "member list --all --json" "subgroup list --json" "partner list --json" \
		"outcome list --json" "principle list --json"; do
		convene $args > ../en.out &&
		he convene $args > ../he.out &&
		cmp ../en.out ../he.out ||
		{ echo "differs in Hebrew: convene $args" >&2; return 1; }
	done &&
	he convene subgroup add "Recruiting" 2>/dev/null &&
	he convene member join dana recruiting 2>/dev/null &&
	he convene outcome add Reading --id reading 2>/dev/null &&
	git log -3 --format=%s > ../subjects &&
	printf "%s\n" "outcome added: reading" "subgroup recruiting: dana joined" \
		"subgroup added: Recruiting (recruiting)" > ../want &&
	test_cmp ../want ../subjects
'

test_done
