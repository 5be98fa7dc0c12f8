#!/bin/sh
# The interface in Hebrew (gettext, po/he.po): under he_IL.UTF-8 the help
# framework's words and usage errors are Hebrew, English without a
# translation; data output (--json, YAML, --options) never changes.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)

if ! he_locale; then
	echo "not ok - he_IL.UTF-8 is not installed and localedef cannot make it (apt-get install locales)"
	exit 1
fi
he() { LANG=he_IL.UTF-8 "$@"; }

test_expect_success 'help: its headings in Hebrew' '
	he convene help > out &&
	head -n 1 out > first && echo "שימוש: convene [-C DIR] COMMAND [ARGS]" > want &&
	test_cmp want first &&
	test_grep "פקודות:" out &&
	test_grep "קודי יציאה: 0 תקין" out &&
	test_grep "  note       הוספת הערה לסעיף" out &&
	test_grep "  validate   בדיקת כל קובץ וכל הפניה" out &&
	! grep -q "^commands:" out
'

test_expect_success 'help note: the usage in Hebrew, the forms lined up under it' '
	he convene help note > out &&
	test_grep "שימוש: convene note M ITEM TEXT" out &&
	he convene help meeting > out &&
	sed -n 2p out > second &&
	grep -q "^                           \[--host MEMBER" second &&
	sed -n 4p out > fourth &&
	grep -q "^       convene meeting list" fourth
'

test_expect_success 'a usage error in Hebrew, exit 2' '
	test_expect_code 2 he convene --bogus 2> err &&
	test_grep "convene: error: אפשרות לא מוכרת '"'"'--bogus'"'"'" err &&
	test_grep "שימוש: convene [-C DIR]" err &&
	test_expect_code 2 he convene nosuch 2> err &&
	test_grep "אינה פקודה של convene" err &&
	test_expect_code 2 he convene help nosuch 2> err &&
	test_grep "אין פקודה '"'"'nosuch'"'"'" err &&
	init_lit && cd lit &&
	test_expect_code 2 he convene note --bogus 1 opening x 2> err &&
	test_grep "שימוש: convene note M ITEM TEXT" err
'

# core formats these (core/tr.h): the hook is gettext under a locale
test_expect_success 'a validation error in Hebrew: file:line:col first, then the words' '
	init_lit && cd lit &&
	sed "s/^name: .*/name: 12345/" initiative.yaml > x && mv x initiative.yaml &&
	test_expect_code 1 he convene validate > out 2> err &&
	test_grep "initiative.yaml:1:7: error: השדה '"'"'name'"'"' צריך להיות טקסט, אבל 12345 נקרא בתור מספר; הקיפו אותו במירכאות: \"12345\"" out &&
	test_expect_code 1 convene validate > out 2> err &&
	test_grep "initiative.yaml:1:7: error: '"'"'name'"'"' must be text, but 12345 reads as a number" out
'

test_expect_success 'a YAML syntax error: its place first, libyaml'"'"'s words and the hint in Hebrew' '
	init_lit && cd lit &&
	printf "a: b: c\n" >> initiative.yaml &&
	test_expect_code 1 he convene validate > out 2> err &&
	grep -q "^initiative.yaml:[0-9]*:[0-9]*: error: ערכים של מיפוי אינם מותרים בהקשר הזה; בדקו את ההזחה של השורה הזו" out &&
	test_expect_code 1 convene validate > out 2> err &&
	grep -q "^initiative.yaml:[0-9]*:[0-9]*: error: mapping values are not allowed in this context; check this line" out
'

test_expect_success 'diff in words in Hebrew (core/describe.c), --json in English' '
	init_lit && cd lit &&
	convene member add "Dana Levi" --id dana > /dev/null 2>&1 &&
	convene set vision "a shared vision" > /dev/null 2>&1 &&
	convene set members/dana.yaml:role facilitator > /dev/null 2>&1 &&
	he convene diff HEAD~2 > out 2> /dev/null &&
	printf "%s\n" "vision נקבע" "חבר/ה dana: role השתנה" > want &&
	test_cmp want out &&
	convene diff HEAD~2 > out 2> /dev/null &&
	printf "%s\n" "vision set" "member dana: role changed" > want &&
	test_cmp want out &&
	he convene diff --json HEAD~2 > he.json 2> /dev/null &&
	convene diff --json HEAD~2 > en.json 2> /dev/null &&
	test_grep "\"member dana: role changed\"" he.json &&
	cmp en.json he.json
'

# LEAD: status's words are cmd/files.c's (engineer rep); once they are in
# po/he.po, add the Hebrew of its headings ("members:", "problems:") here.
test_expect_success 'status in Hebrew (cmd/files.c): the rows the same, the exit code the same' '
	init_lit && cd lit &&
	sed "s/^name: .*/name: 12345/" initiative.yaml > x && mv x initiative.yaml &&
	test_expect_code 1 he convene status > he.out 2> /dev/null &&
	test_expect_code 1 convene status > en.out 2> /dev/null &&
	grep "^  00[1-3] " en.out > en.rows && test -s en.rows &&
	grep "^  00[1-3] " he.out > he.rows &&
	test_cmp en.rows he.rows
'

test_expect_success '--json with problems is the same bytes in Hebrew: validate, status' '
	init_lit && cd lit &&
	sed "s/^name: .*/name: 12345/" initiative.yaml > x && mv x initiative.yaml &&
	convene member add "Dana Levi" --id dana > /dev/null 2>&1 &&
	printf "name: Dana Levi\nrole: 5\nbogus: 1\n" > members/dana.yaml &&
	for args in "validate --json" "status --json"; do
		convene $args > en.out 2>/dev/null; en=$? &&
		he convene $args > he.out 2>/dev/null; hr=$? &&
		test "$en" = "$hr" && test -s en.out && cmp en.out he.out ||
		{ echo "differs in Hebrew: convene $args" >&2; return 1; }
	done &&
	test_expect_code 1 convene validate --json > out 2>/dev/null &&
	test_grep "must be text, but 12345 reads as a number" out
'

test_expect_success 'the same in English: C.UTF-8, LC_ALL=C over LANG, LANGUAGE=en over LANG' '
	test_expect_code 2 convene --bogus 2> err &&
	test_grep "unknown option '"'"'--bogus'"'"'" err &&
	LC_ALL=C he convene help > out && test_grep "commands:" out &&
	LANGUAGE=en he convene help > out && test_grep "commands:" out
'

test_expect_success 'a run that prints data (--json, --options, --man) is English throughout' '
	test_expect_code 2 he convene help --man --options note 2> err &&
	test_grep "convene: error: --man and --options cannot be given together" err &&
	test_grep "usage: convene help" err &&
	init_lit && cd lit &&
	test_expect_code 2 he convene validate --bogus --json 2> err &&
	test_grep "usage: convene validate" err &&
	test_expect_code 2 he convene validate --js --bogus 2> err &&
	test_grep "usage: convene validate" err
'

test_expect_success 'LC_MESSAGES alone chooses the messages' '
	LC_MESSAGES=he_IL.UTF-8 convene help > out &&
	test_grep "פקודות:" out
'

test_expect_success 'data output is the same bytes in Hebrew: --json, YAML, --options, man' '
	init_lit && cd lit &&
	convene member add "Dana Levi" --id dana > /dev/null 2>&1 &&
	for args in "status --json" "validate --json" "meeting list --json" "get --json vision" \
		"get meetings/001.yaml:agenda" "member show dana" "help --options note" \
		"help --man note" "help --complete meetings/001.yaml:agenda["; do
		convene $args > en.out 2>/dev/null; en=$? &&
		he convene $args > he.out 2>/dev/null; hr=$? &&
		test "$en" = "$hr" && test -s en.out && cmp en.out he.out ||
		{ echo "differs in Hebrew: convene $args" >&2; return 1; }
	done
'

test_expect_success 'po/he.po translates every message of the code: 0 untranslated, 0 fuzzy' '
	MAKEFLAGS= MAKELEVEL= make -s -C "$SRC" code-pot POT_OUT="$PWD/code.pot" &&
	msgmerge --quiet --no-fuzzy-matching -o he.po "$SRC/po/he.po" code.pot &&
	msgfmt --check --statistics -o he.mo he.po 2> stats &&
	cat stats &&
	grep -q "^[1-9][0-9]* translated messages\.$" stats
'

test_expect_success 'po/convene.pot holds the messages of the code' '
	MAKEFLAGS= MAKELEVEL= make -s -C "$SRC" code-pot POT_OUT="$PWD/code.pot" &&
	msgcomm --unique code.pot "$SRC/po/convene.pot" > only &&
	test "$(grep -c "^msgid" only)" -le 1 &&
	echo "msgid \"not in the code\"" >> code.pot && echo "msgstr \"\"" >> code.pot &&
	msgcomm --unique code.pot "$SRC/po/convene.pot" > only &&
	test_grep "not in the code" only
'

test_done
