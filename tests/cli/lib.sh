# The CLI test helper, after git's test-lib.sh: each test runs in a fresh
# temporary folder with its own HOME (a git identity, no system config),
# `convene` on PATH pointing at the binary under test ($CONVENE).
#
#   test_expect_success 'what it checks' 'commands'
#   test_expect_code CODE command args...   (inside a test)
#   test_cmp expected actual
#   test_done
set -u
: "${CONVENE:?set CONVENE to the convene binary}"
TEST_NAME=$(basename "$0" .sh)
TRASH=$(mktemp -d "${TMPDIR:-/tmp}/convene-$TEST_NAME.XXXXXX") || exit 1
trap 'rm -rf "$TRASH"' EXIT
mkdir -p "$TRASH/bin" "$TRASH/home"
ln -s "$CONVENE" "$TRASH/bin/convene"
PATH="$TRASH/bin:$PATH"
HOME="$TRASH/home"
XDG_CONFIG_HOME="$HOME/.config"
GIT_CONFIG_NOSYSTEM=1
NO_COLOR=1
LANG=C.UTF-8
# init writes the system's time zone into initiative.yaml: the same on
# every machine (a test that wants another sets TZ or the field)
TZ=UTC
unset VISUAL EDITOR LC_ALL LC_MESSAGES GIT_DIR GIT_WORK_TREE
export PATH HOME XDG_CONFIG_HOME GIT_CONFIG_NOSYSTEM NO_COLOR LANG TZ
# Nothing reads the terminal the tests were started from: commands that
# ask on a terminal (interview add) see no terminal unless a test makes
# one (tmux), as git's test-lib does.
exec </dev/null
# Each test starts with the same identity, whatever the one before did.
reset_home() {
	rm -rf "$HOME" && mkdir -p "$HOME" &&
	printf "[user]\n\tname = Dana Levi\n\temail = dana@example.org\n[init]\n\tdefaultBranch = main\n" > "$HOME/.gitconfig"
}
SHARED=$(cd "$(dirname "$0")/../../.." && pwd)/shared
test_count=0
test_failed=0
test_passed=0

# Each body runs with set -e in force: not inside an `if` or an `||`,
# where POSIX ignores it, so that any line that fails fails the test.
# First, as git's chain-lint does, the body runs behind `(exit 117) &&`
# in a folder of its own: with every line chained by `&&` nothing of it
# runs and the status is 117; a link missing lets the rest run.
test_expect_success() {
	test_count=$((test_count + 1))
	dir="$TRASH/t$test_count"
	mkdir -p "$dir" "$TRASH/lint.$test_count"
	out="$TRASH/out.$test_count"
	reset_home
	(cd "$TRASH/lint.$test_count" && eval "(exit 117) && $2") > /dev/null 2>&1
	lint=$?
	rm -rf "$TRASH/lint.$test_count"
	reset_home
	if [ "$lint" = 117 ]; then
		(cd "$dir" && set -e && eval "$2") > "$out" 2>&1
		rc=$?
	else
		echo "chain-lint: a line of this test is not joined to the next by '&&' (status $lint, want 117)" > "$out"
		rc=1
	fi
	if [ "$rc" = 0 ]; then
		test_passed=$((test_passed + 1))
		echo "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $1"
		sed 's/^/#   /' "$out"
	fi
}

# Runs a command and fails unless it exits with the given code.
test_expect_code() {
	want=$1
	shift
	set +e
	"$@"
	got=$?
	set -e
	if [ "$got" != "$want" ]; then
		echo "test_expect_code: '$*' exited $got, want $want" >&2
		return 1
	fi
}

test_cmp() {
	diff -u "$1" "$2"
}

# Fails with a message unless the file contains the (fixed) string.
test_grep() {
	if ! grep -qF -- "$1" "$2"; then
		echo "test_grep: '$1' not in $2:" >&2
		cat "$2" >&2
		return 1
	fi
}

# A fresh initiative in ./lit (site beersheva, Hebrew, ucsd).
init_lit() {
	convene init --template ucsd --lang he --name "קריאה מוקדמת בנגב" --site beersheva lit 2>/dev/null
}

# For the readers' test (t0026): the YAML of every initiative this test
# file left, when $READER_CORPUS names a folder to keep it in.
keep_yaml() {
	[ -n "${READER_CORPUS:-}" ] && [ -d "$READER_CORPUS" ] || return 0
	k=0
	find "$TRASH" -name initiative.yaml ! -path "*/.git/*" 2>/dev/null | while read -r f; do
		k=$((k + 1))
		src=$(dirname "$f") dst="$READER_CORPUS/$TEST_NAME-$k"
		mkdir -p "$dst" &&
		(cd "$src" && find . -name "*.yaml" ! -path "./.git/*" -type f) | while read -r y; do
			mkdir -p "$dst/$(dirname "$y")" && cp "$src/$y" "$dst/$y"
		done
		git init -q "$dst"
	done
}

test_done() {
	keep_yaml
	echo "# $TEST_NAME: $test_passed passed, $test_failed failed"
	[ -n "${RESULTS:-}" ] && echo "$test_passed $test_failed" >> "$RESULTS"
	[ "$test_failed" = 0 ]
}

# he_IL.UTF-8 for the tests of the Hebrew interface: the system's, or
# made with localedef into $TRASH/locale (LOCPATH then points there).
# Returns 1 when it cannot be made.
he_locale() {
	if locale -a 2>/dev/null | grep -qix 'he_IL.utf-\?8'; then
		return 0
	fi
	mkdir -p "$TRASH/locale" &&
	localedef -i he_IL -f UTF-8 "$TRASH/locale/he_IL.UTF-8" > /dev/null 2>&1 || return 1
	LOCPATH="$TRASH/locale"
	export LOCPATH
}
