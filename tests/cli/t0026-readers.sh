#!/bin/sh
# Other YAML readers read what convene wrote as convene says it is: PyYAML
# (YAML 1.1) and npm `yaml` (1.2 and its 1.1 mode) against `convene get
# --json`, over tricky values put in through the commands, and over what
# `convene fmt` writes of the files the earlier CLI tests left behind
# ($READER_CORPUS, kept by lib.sh) and of the catalogue of bad files (those
# convene loads: the others have nothing convene says to compare).
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JS=$ROOT/build/js
TESTS=$ROOT/tests/cli

if ! [ -d "$JS/node_modules/yaml" ] || ! /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
	echo "not ok - the readers are missing: make test-deps installs them (npm yaml into build/js, python3-yaml)"
	test_failed=1
	test_done
	exit 1
fi

# Every YAML 1.1 and 1.2 spelling that a reader may take for something
# else, syntax, quotes, spaces at the ends, separators, emoji, CR LF.
tricky() {
	cat <<-\EOF
	007
	0x1F
	1e3
	.5
	+12
	.inf
	-.Inf
	.NaN
	0o17
	0b101
	1_000
	1:30:00
	17:00
	yes
	No
	on
	OFF
	y
	n
	~
	null
	Null
	true
	False
	2026-02-01
	2026-02-30
	2026-2-1 10:00:00
	2026-02-01T17:05:00+02:00
	2026-02-01t17:05:00z
	=
	<<
	see item #3
	a: b
	- x
	? x
	: x
	#x
	%x
	@x
	`x
	!x
	&x
	*x
	|x
	>x
	'x
	"x
	[x]
	{x: y}
	---
	...
	it's
	say "hi"
	back\slash
	שלום #5 🎉
	👩‍🏫 מורה
	EOF
	printf ' lead\ntrail \nline\342\200\250sep\npara\342\200\251x\nnel\302\205x\nbom\357\273\277x\ntab\there\n'
}

test_expect_success 'tricky text, ids, keys and numbers through the commands read the same everywhere' '
	convene init --template ucsd --lang he --name "קריאה" --site beersheva lit 2>/dev/null && cd lit &&
	convene member add Dana --id dana 2>/dev/null &&
	tricky > ../values &&
	while IFS= read -r v; do
		convene note 1 opening -- "$v" >/dev/null 2>&1 || { echo "note: $v"; exit 1; }
	done < ../values &&
	for v in "one\r\ntwo\r\n" "one\ntwo\n" "one\ntwo" "a\n\n\nb\n" "  indented\nnext\n" "end \nx\n" "cr\rx"; do
		printf "$v" | convene decide 1 opening - >/dev/null 2>&1 || { echo "decide: $v"; exit 1; }
	done &&
	for id in 007 1e3 0x1f true no null 2026-02-01 1-2 0o17; do
		convene member add "Member $id" --id "$id" --org "$id" >/dev/null 2>&1 || { echo "member: $id"; exit 1; }
	done &&
	convene interview add dana --by dana --answer 007=a --answer true=b --answer 1e3=c \
		--answer 0x1f=d --answer 2026-02-01=e --answer null=f --answer yes=007 >/dev/null 2>&1 &&
	convene set vision 2026-02-01 2>/dev/null && convene set mission 0x1F 2>/dev/null &&
	convene set problem "🎉 שלום" 2>/dev/null &&
	convene outcome add "Reading" --id reading >/dev/null 2>&1 &&
	convene outcome indicator reading "Grade 3" --id g3 >/dev/null 2>&1 &&
	for n in 007 .5 +12 1e3 1.50 -0.25 0; do
		convene outcome measure reading g3 -- "$n" >/dev/null 2>&1 || { echo "measure: $n"; exit 1; }
	done &&
	convene meeting new --duration 007 >/dev/null 2>&1 &&
	convene validate >/dev/null 2>&1 &&
	test_grep "שלום #5 🎉" meetings/001.yaml && test_grep "🎉 שלום" initiative.yaml &&
	! grep -rn -e "\\\\U" -e "\\\\u05" --include="*.yaml" . &&
	{ /usr/bin/python3 "$TESTS/readers.py" "$CONVENE" "$JS" . > ../report ||
		{ cat ../report; exit 1; }; }
'

test_expect_success 'after fmt, readers and convene agree on hand-written numbers, dates and keys' '
	convene init --template blank --lang en --name x --site a lit 2>/dev/null && cd lit &&
	convene member add Dana --id dana 2>/dev/null &&
	cat > members/dana.yaml <<-\EOF &&
	id: dana
	name: 2026-02-01
	phone: 0501234567
	organization: 007
	notes: yes
	joined: 2026-01-05
	EOF
	mkdir -p outcomes && cat > outcomes/reading.yaml <<-\EOF &&
	id: reading
	title: Reading
	indicators:
	- id: g3
	  name: Grade 3
	  baseline: .5
	  target: +12
	  measurements:
	  - id: m1
	    date: 2026-02-01
	    value: 1e3
	EOF
	git add -A && git commit -qm "by hand" &&
	convene fmt >/dev/null 2>&1 &&
	test "$(convene get --json members/dana.yaml:phone)" = "\"0501234567\"" &&
	test "$(convene get --json outcomes/reading.yaml:indicators[g3].baseline)" = 0.5 &&
	{ /usr/bin/python3 "$TESTS/readers.py" "$CONVENE" "$JS" . > ../report ||
		{ cat ../report; exit 1; }; }
'

test_expect_success 'the files the earlier CLI tests and the bad catalogue leave read the same everywhere' '
	mkdir bad && for c in "$ROOT"/tests/bad/[0-9]*/ "$ROOT"/tests/bad/base/; do
		n=$(basename "$c") && mkdir -p "bad/$n" && cp -R "$ROOT/tests/bad/base/." "bad/$n/" &&
		(cd "$c" && find . -name "*.yaml" -type f | while read -r f; do
			mkdir -p "$OLDPWD/bad/$n/$(dirname "$f")" && cp "$f" "$OLDPWD/bad/$n/$f"; done) &&
		git init -q "bad/$n" || exit 1
	done &&
	set -- bad/* &&
	if [ -n "${READER_CORPUS:-}" ] && [ -d "$READER_CORPUS" ]; then
		for r in "$READER_CORPUS"/*/; do [ -d "$r" ] && set -- "$@" "$r"; done
	fi &&
	echo "$# initiatives" &&
	{ for r in "$@"; do (cd "$r" && convene fmt >/dev/null 2>&1); done; true; } &&
	{ /usr/bin/python3 "$TESTS/readers.py" "$CONVENE" "$JS" "$@" > ../report ||
		{ cat ../report; exit 1; }; }
'

test_expect_success 'typed text has one form in every command: line ends, the final one' '
	init_lit && cd lit && convene member add Dana --id dana 2>/dev/null &&
	printf "one\r\ntwo\r\n" | convene set vision - 2>/dev/null &&
	convene get --json vision > ../got && printf "%s\n" "\"one\\ntwo\\n\"" > ../want && test_cmp ../want ../got &&
	printf "alone\n\n\n" | convene set mission - 2>/dev/null &&
	convene get --json mission > ../got && printf "%s\n" "\"alone\"" > ../want && test_cmp ../want ../got &&
	convene set problem "$(printf "a\rb")" 2>/dev/null &&
	convene get --json problem > ../got && printf "%s\n" "\"a\\nb\\n\"" > ../want && test_cmp ../want ../got &&
	printf "x\r\n" | convene note 1 opening - 2>/dev/null &&
	printf "p\r\nq" | convene decide 1 opening - 2>/dev/null &&
	convene get --json "meetings/001.yaml:agenda[opening].notes" > ../notes &&
	test_grep "\"text\":\"x\"" ../notes &&
	convene get --json "meetings/001.yaml:agenda[opening].decisions" > ../dec &&
	test_grep "\"text\":\"p\\nq\\n\"" ../dec &&
	convene interview add dana --by dana --answer "why=$(printf "first\r\nsecond")" 2>/dev/null &&
	convene get --json interviews/dana-1.yaml:answers.why > ../got &&
	printf "%s\n" "\"first\\nsecond\\n\"" > ../want && test_cmp ../want ../got &&
	! grep -rl "$(printf "\r")" --include="*.yaml" .
'

test_done
