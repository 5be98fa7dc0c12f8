#!/bin/sh
# get and set: field paths, Hebrew multi-line text, commits at once.
. "$(dirname "$0")/lib.sh"

vision='כל ילד בנגב קורא בהנאה עד כיתה ג׳.
כל משפחה שותפה בדרך.'

test_expect_success 'set vision writes a literal block and commits with the site trailer' '
	init_lit && cd lit &&
	convene set vision "$vision" 2>../err &&
	test_grep "set vision" ../err &&
	cat >../want <<-\EOT &&
	name: קריאה מוקדמת בנגב
	language: he
	timezone: UTC
	problem:
	vision: |
	  כל ילד בנגב קורא בהנאה עד כיתה ג׳.
	  כל משפחה שותפה בדרך.
	mission:
	elevator_pitch:
	EOT
	sed "/^timeline:/,\$d" initiative.yaml > ../head &&
	test_cmp ../want ../head &&
	git show HEAD~1:initiative.yaml | sed -n "/^timeline:/,\$p" > ../tail.before &&
	sed -n "/^timeline:/,\$p" initiative.yaml > ../tail && test_cmp ../tail.before ../tail &&
	test "$(git rev-list --count HEAD)" = 2 &&
	git log -1 --format=%B > ../msg &&
	test_grep "Convene-Site: beersheva" ../msg &&
	test_grep "set vision" ../msg &&
	test -z "$(git status --porcelain)" &&
	git fsck --strict
'

test_expect_success 'get prints the value as it was set' '
	init_lit && cd lit &&
	convene set vision "$vision" 2>/dev/null &&
	convene get vision > out &&
	printf "%s\n" "$vision" > want &&
	test_cmp want out &&
	convene get --json vision > out &&
	printf "\"%s\\\\n%s\\\\n\"\n" "כל ילד בנגב קורא בהנאה עד כיתה ג׳." "כל משפחה שותפה בדרך." > want &&
	test_cmp want out
'

test_expect_success 'set - reads the value from stdin' '
	init_lit && cd lit &&
	printf "%s\n" "$vision" | convene set mission - 2>/dev/null &&
	convene get mission > out &&
	printf "%s\n" "$vision" > want && test_cmp want out
'

test_expect_success 'set a new key puts it in schema order' '
	init_lit && cd lit &&
	convene set landscape "יש שלוש ספריות" 2>/dev/null &&
	convene set problem "אין מספיק ספרים" 2>/dev/null &&
	sed -n "4p;8p" initiative.yaml > out &&
	printf "problem: אין מספיק ספרים\nlandscape: יש שלוש ספריות\n" > want &&
	test_cmp want out
'

test_expect_success 'set inside a meeting by list id; numbers and times get their types' '
	init_lit && cd lit &&
	convene set meetings/001.yaml:agenda[why-here].title "מדוע אני כאן?" 2>/dev/null &&
	convene set meetings/001.yaml:start 17:00 2>/dev/null &&
	convene set meetings/001.yaml:duration 120 2>/dev/null &&
	convene set meetings/001.yaml:date 2026-02-01 2>/dev/null &&
	convene get meetings/001.yaml:agenda[why-here].title > out &&
	echo "מדוע אני כאן?" > want && test_cmp want out &&
	test_grep "start: \"17:00\"" meetings/001.yaml &&
	test_grep "duration: 120" meetings/001.yaml &&
	convene validate 2>/dev/null &&
	test "$(git rev-list --count HEAD)" = 5
'

test_expect_success 'set refuses a value of the wrong form (exit 2) and changes nothing' '
	init_lit && cd lit &&
	cp meetings/001.yaml before &&
	test_expect_code 2 convene set meetings/001.yaml:date 2026-02-30 2>err &&
	test_grep "convene: error: '"'"'meetings/001.yaml:date'"'"' is 2026-02-30, a day that does not exist" err &&
	test_cmp before meetings/001.yaml &&
	test_expect_code 2 convene set meetings/001.yaml:duration long 2>err &&
	test_cmp before meetings/001.yaml &&
	test "$(git rev-list --count HEAD)" = 1 &&
	test ! -e meetings/001.yaml.lock
'

test_expect_success 'set --yaml takes a list' '
	init_lit && cd lit &&
	convene set --yaml meetings/002.yaml:goals "[א, ב]" 2>/dev/null &&
	convene get meetings/002.yaml:goals > out &&
	printf -- "- א\n- ב\n" > want && test_cmp want out
'

test_expect_success 'set --edit opens the editor with the current value' '
	init_lit && cd lit &&
	convene set vision "ישן" 2>/dev/null &&
	cat >ed <<-\EOT &&
	#!/bin/sh
	cp "$1" seen
	printf "חדש\nשורה שנייה\n" > "$1"
	EOT
	chmod +x ed &&
	EDITOR=./ed convene set --edit vision 2>/dev/null &&
	echo "ישן" > want && test_cmp want seen &&
	convene get vision > out &&
	printf "חדש\nשורה שנייה\n" > want && test_cmp want out
'

test_expect_success 'an editor that fails changes nothing' '
	init_lit && cd lit &&
	test_expect_code 2 env EDITOR=false convene set --edit vision 2>err &&
	test_grep "nothing was changed" err &&
	test "$(git rev-list --count HEAD)" = 1
'

test_expect_success 'set commits only its file; what the user staged stays staged' '
	init_lit && cd lit &&
	echo "notes of mine" > mine.txt && git add mine.txt &&
	echo "# changed" >> .gitattributes &&
	convene set vision x 2>/dev/null &&
	git show --stat --format= HEAD > ../stat &&
	test_grep "initiative.yaml" ../stat &&
	! grep -q mine.txt ../stat &&
	git status --porcelain > ../st &&
	printf " M .gitattributes\nA  mine.txt\n" > ../want &&
	test_cmp ../want ../st &&
	git fsck --strict
'

test_expect_success 'set the same value again makes no commit' '
	init_lit && cd lit &&
	convene set vision x 2>/dev/null &&
	convene set vision x 2>err &&
	test_grep "nothing to change" err &&
	test "$(git rev-list --count HEAD)" = 2
'

test_expect_success 'get and set errors: missing fields, bad paths, usage' '
	init_lit && cd lit &&
	test_expect_code 1 convene get meetings/001.yaml:agenda[nope].notes 2>err &&
	test_grep "no item '"'"'nope'"'"' in '"'"'agenda'"'"'" err &&
	test_expect_code 1 convene get members/nobody.yaml 2>err &&
	test_grep "does not exist" err &&
	test_expect_code 2 convene get ../x.yaml:a 2>err &&
	test_grep "is not a file of the initiative" err &&
	test_expect_code 2 convene set vision 2>err &&
	test_expect_code 2 convene get 2>err &&
	test_expect_code 2 convene set "agenda[Bad]" x 2>err &&
	test_grep "cannot read field path" err
'

test_expect_success 'set without an identity names the two git config commands' '
	init_lit && cd lit &&
	git config --global --unset user.email &&
	test_expect_code 2 convene set vision x 2>err &&
	test_grep "git config --global user.email" err &&
	test "$(git rev-list --count HEAD)" = 1 &&
	git diff --exit-code
'

test_expect_success 'set waits for a held lock, then refuses with exit 4' '
	init_lit && cd lit &&
	{ flock -o .git/convene.lock sleep 30 & } && pid=$! &&
	sleep 0.3 &&
	test_expect_code 4 convene set vision x 2>../err &&
	kill $pid &&
	test_grep "another convene is editing" ../err &&
	git diff --exit-code && test "$(git rev-list --count HEAD)" = 1
'

test_expect_success 'the lock of a killed convene is no lock (the kernel drops it)' '
	init_lit && cd lit &&
	{ flock -o .git/convene.lock sleep 30 & } && pid=$! &&
	sleep 0.3 && kill -9 $pid && test_expect_code 137 wait $pid &&
	sleep 0.1 &&
	convene set vision x 2>/dev/null &&
	test "$(git rev-list --count HEAD)" = 2
'

test_expect_success 'set refuses a file with comments rather than drop them' '
	init_lit && cd lit &&
	echo "# our notes" >> initiative.yaml && git commit -qam comment &&
	test_expect_code 1 convene set vision x 2>err &&
	test_grep "initiative.yaml:$(wc -l < initiative.yaml):1: error: the file holds comments" err &&
	test_grep "# our notes" initiative.yaml
'

test_expect_success 'set refuses a file that does not parse, pointing at the spot' '
	init_lit && cd lit &&
	printf "name: x\nlanguage: he\nvision: \"open\n" > initiative.yaml &&
	test_expect_code 1 convene set mission x 2>err &&
	test_grep "initiative.yaml:3:9: error: the quote that opens here is never closed" err
'

test_done
