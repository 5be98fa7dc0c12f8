#!/bin/sh
# The test helper holds every test to its lines: a body whose '&&' chain
# is broken fails (chain-lint), and so does one whose middle line fails.
. "$(dirname "$0")/lib.sh"
LIB=$(cd "$(dirname "$0")" && pwd)/lib.sh

# Runs the bodies given as files in a test script of its own (not
# counted here), and prints its ok / not ok lines.
run_lib() {
	{
		echo ". \"$LIB\""
		for f in "$@"; do
			printf "test_expect_success '%s' '\n%s\n'\n" "$f" "$(cat "$f")"
		done
		echo "test_done"
	} > script.sh &&
	{ RESULTS= READER_CORPUS= sh script.sh > out 2>&1; true; } &&
	grep "^ok\|^not ok" out
}

test_expect_success 'a chained body passes; a broken chain or a failing line fails' '
	printf "true &&\ntrue\n" > good &&
	printf "false\ntrue\n" > broken &&
	printf "true &&\nfalse &&\ntrue\n" > middle &&
	printf "{ false || true; } &&\ntrue\n" > grouped &&
	run_lib good broken middle grouped > got &&
	printf "%s\n" "ok 1 - good" "not ok 2 - broken" "not ok 3 - middle" "ok 4 - grouped" > want &&
	test_cmp want got &&
	test_grep "chain-lint: a line of this test is not joined" out
'

test_done
