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
	test_grep "  note " out &&
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

test_expect_success 'the same in English: C.UTF-8, LC_ALL=C over LANG, LANGUAGE=en over LANG' '
	test_expect_code 2 convene --bogus 2> err &&
	test_grep "unknown option '"'"'--bogus'"'"'" err &&
	LC_ALL=C he convene help > out && test_grep "commands:" out &&
	LANGUAGE=en he convene help > out && test_grep "commands:" out
'

test_expect_success 'a run that prints data (--json, --options, --man) is English throughout' '
	test_expect_code 2 he convene help --man --options note 2> err &&
	test_grep "convene: error: --man and --options cannot be given together" err &&
	test_grep "usage: convene help" err
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
	make -s -C "$SRC" code-pot POT_OUT="$PWD/code.pot" &&
	msgmerge --quiet --no-fuzzy-matching -o he.po "$SRC/po/he.po" code.pot &&
	msgfmt --check --statistics -o he.mo he.po 2> stats &&
	cat stats &&
	grep -q "^[1-9][0-9]* translated messages\.$" stats
'

test_expect_success 'po/convene.pot holds the messages of the code' '
	make -s -C "$SRC" code-pot POT_OUT="$PWD/code.pot" &&
	msgcomm --unique code.pot "$SRC/po/convene.pot" > only &&
	test "$(grep -c "^msgid" only)" -le 1 &&
	echo "msgid \"not in the code\"" >> code.pot && echo "msgstr \"\"" >> code.pot &&
	msgcomm --unique code.pot "$SRC/po/convene.pot" > only &&
	test_grep "not in the code" only
'

test_done
