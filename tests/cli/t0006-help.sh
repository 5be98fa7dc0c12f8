#!/bin/sh
# The command line: help, usage errors, exit codes.
. "$(dirname "$0")/lib.sh"

all_commands="action actions agenda archive attend bundle calendar clone commit conflicts decide diff edit fmt get help history hosts init interview key log meeting member merge-file minutes note notes outcome partner principle readers remote report resolve set show status subgroup sync validate"

test_expect_success 'convene help lists every command with its summary' '
	convene help > out &&
	for c in $all_commands; do test_grep "  $c " out; done &&
	sed -n "s/^  \([a-z][a-z-]*\) .*/\1/p" out > listed &&
	printf "%s\n" $all_commands > known &&
	test_cmp known listed &&
	test_grep "exit codes:" out
'

test_expect_success 'every command has --help and help COMMAND' '
	for c in $all_commands; do
		convene $c --help > a && convene help $c > b && test_cmp a b &&
		test_grep "usage: convene $c" a &&
		! grep -n "DESIGN\|§" a || return 1
	done
'

# The options a form of the usage names, one per line as "SUB --opt" (SUB
# is "-" for a command that is no family), from a --help on stdin.
usage_options='
	/^$/ { exit }
	{
		if ($1 == "usage:") { $1 = "" ; $0 = $0 }
		if ($1 == "convene") { sub_ = family ? $3 : "-"; from = family ? 4 : 3 }
		else from = 1
		for (i = from; i <= NF; i++) {
			w = $i; gsub(/[][|.]/, "", w); sub(/=.*/, "", w)
			if (w ~ /^--?[a-zA-Z]/) print sub_, w
		}
	}'

# Whether the options named ("SUB --opt" lines) and those parsed ("SUB
# -q,--quiet") agree: each parsed one named by one of its names, and each
# name in the usage parsed.
agree='NR == FNR { named[$1 " " $2] = 1; next }
	{
		n = split($2, a, ","); hit = 0
		for (i = 1; i <= n; i++)
			if (($1 " " a[i]) in named) { hit = 1; delete named[$1 " " a[i]] }
		if (!hit) { print "parsed, not in the usage: " $1 " " $2; bad = 1 }
	}
	END { for (k in named) { print "in the usage, not parsed: " k; bad = 1 }; exit bad }'

# The subcommands a family's usage names.
usage_subs='/^$/ { exit } $1 == "usage:" { print $4 } $1 == "convene" { print $3 }'

test_expect_success 'each form of the usage names exactly the options its command parses' '
	for c in $all_commands; do
		convene $c --help > h &&
		if convene help --options $c > o 2>/dev/null; then
			awk -v family=0 "$usage_options" h | sort -u > named &&
			sed "s/ .*//; s/^/- /" o | sort -u > parsed
		else
			awk -v family=1 "$usage_options" h | sort -u > named &&
			: > parsed &&
			awk "$usage_subs" h | sort -u > subs &&
			test -s subs &&
			for sub in $(cat subs); do
				convene help --options $c $sub > o &&
				sed "s/ .*//; s/^/$sub /" o >> parsed || return 1
			done &&
			sort -u parsed > p && mv p parsed
		fi &&
		awk "$agree" named parsed || { echo "in convene $c --help" >&2; return 1; }
	done
'

test_expect_success 'meeting new lists --no-commit, which it takes' '
	convene meeting --help > h &&
	sed -n "/convene meeting new/,/convene meeting list/p" h > forms &&
	test_grep "[--no-commit]" forms &&
	convene help --options meeting new > o &&
	grep -qx -- "--no-commit" o &&
	grep -qx -- "--date DATE" o
'

test_expect_success 'help --options refuses what is not a command or subcommand' '
	test_expect_code 2 convene help --options frob 2>err &&
	test_grep "no such command" err &&
	test_expect_code 2 convene help --options member frob 2>err &&
	test_expect_code 2 convene help --options note frob 2>err &&
	test_expect_code 2 convene help --options 2>err
'

test_expect_success 'help COMMAND shows its help whatever follows, as it always did' '
	convene help member add > a &&
	convene member --help > b &&
	test_cmp b a &&
	convene help status extra > a &&
	convene status --help > b &&
	test_cmp b a &&
	test_expect_code 2 convene help nope member 2>err &&
	test_grep "no such command '"'"'nope'"'"'" err &&
	test_expect_code 2 convene help --options member add extra 2>err &&
	test_grep "too many arguments" err
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
