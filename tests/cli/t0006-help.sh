#!/bin/sh
# The command line: help, usage errors, exit codes.
. "$(dirname "$0")/lib.sh"

test_expect_success 'convene help lists every command with its summary' '
	convene help > out &&
	for c in action actions archive attend bundle clone commit conflicts decide diff edit fmt get help history hosts init interview log meeting member merge-file note notes outcome principle remote resolve set show status sync validate; do test_grep "  $c " out; done &&
	test_grep "exit codes:" out
'

test_expect_success 'every command has --help and help COMMAND' '
	for c in action actions archive attend bundle clone commit conflicts decide diff edit fmt get help history hosts init interview log meeting member merge-file note notes outcome principle remote resolve set show status sync validate; do
		convene $c --help > a && convene help $c > b && test_cmp a b &&
		test_grep "usage: convene $c" a &&
		! grep -n "DESIGN\|§" a || return 1
	done
'

test_expect_success 'unknown commands and options exit 2' '
	test_expect_code 2 convene frobnicate 2>err &&
	test_grep "'"'"'frobnicate'"'"' is not a convene command" err &&
	test_expect_code 2 convene --frob 2>err &&
	test_expect_code 2 convene 2>err &&
	test_expect_code 2 convene help nope 2>err
'

test_expect_success 'no colour when not a terminal or under NO_COLOR' '
	init_lit && cd lit && printf "name: x\nlanguage: fr\n" > initiative.yaml &&
	test_expect_code 1 convene validate > out 2>&1 &&
	! grep -q "$(printf "\033")" out
'

test_done
