#!/bin/sh
# The man pages: convene(1) and convene-COMMAND(1) for every command of
# the table, made by scripts/man.sh from the binary's tables and
# doc/commands/*.txt; groff finds nothing to warn about; each page's
# options are the options the command parses; the examples work.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)
MAN="$TRASH/man"
(cd "$SRC" && sh scripts/man.sh "$CONVENE" "$MAN") || echo "scripts/man.sh failed" >&2
commands=$(convene help | sed -n "s/^  \([a-z][a-z-]*\) .*/\1/p")

test_expect_success 'every command of the table has its page, and no other page is made' '
	test -n "$commands" &&
	{ echo convene.1 && for c in $commands; do echo "convene-$c.1"; done; } | sort > want &&
	(cd "$MAN" && ls) | sort > got &&
	test_cmp want got
'

test_expect_success 'every command has its description and examples in doc/commands' '
	for c in $commands; do
		f="$SRC/doc/commands/$c.txt" &&
		test -s "$f" && grep -qx EXAMPLES "$f" &&
		test "$(sed -n "/^EXAMPLES$/q;/./p" "$f" | wc -l)" -gt 0 ||
		{ echo "doc/commands/$c.txt: missing, or no description or EXAMPLES" >&2; return 1; }
	done
'

test_expect_success 'groff warns about nothing on any page' '
	for f in "$MAN"/*.1; do
		LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$f" 2> warn > page &&
		test_cmp /dev/null warn && test -s page || { echo "in $f" >&2; return 1; }
	done
'

test_expect_success 'each page has NAME, SYNOPSIS, DESCRIPTION, EXAMPLES, EXIT STATUS, SEE ALSO' '
	for c in $commands; do
		sed -n "s/^\.SH //p" "$MAN/convene-$c.1" | grep -v "^OPTIONS$" > got &&
		printf "%s\n" NAME SYNOPSIS DESCRIPTION EXAMPLES "EXIT STATUS" "SEE ALSO" > want &&
		test_cmp want got || { echo "in convene-$c.1" >&2; return 1; }
	done
'

# The options of a page's OPTIONS, one per line as "SUB -q,--quiet"
# (SUB is "-" outside a family), as `help --options` prints them.
page_options='
	/^\.SH / { inopt = ($2 == "OPTIONS"); sub_ = "-"; next }
	inopt && /^\.SS / { sub_ = $4; gsub(/\\-/, "-", sub_); next }
	inopt && /^\.TP$/ {
		getline
		gsub(/\\f[BIR]/, ""); gsub(/\\-/, "-"); gsub(/, /, ",")
		print sub_ " " $0
	}'

test_expect_success 'each page lists exactly the options help --options gives' '
	for c in $commands; do
		awk "$page_options" "$MAN/convene-$c.1" > got &&
		if convene help --options $c > o 2>/dev/null; then
			sed "s/^/- /" o > want
		else
			: > want &&
			for sub in $(sed -n "s/^\.SS convene [a-z-]* //p" "$MAN/convene-$c.1" | sed "s/[\\\\]-/-/g"); do
				convene help --options $c $sub > o &&
				sed "s/^/$sub /" o >> want || return 1
			done
		fi &&
		test_cmp want got || { echo "in convene-$c.1" >&2; return 1; }
	done
'

test_expect_success 'a family page has a section for each subcommand its help names' '
	sed -n "s/^\.SS convene member //p" "$MAN/convene-member.1" > got &&
	printf "%s\n" add list show edit leave join "leave\\-subgroup" > want &&
	test_cmp want got
'

# roff as the pages must hold it (single-quoted: no shell escapes)
tag_no_commit='\fB\-\-no\-commit\fR'
escaped_dot='\&.SH BAD'
escaped_backslash='\efB not bold'
raw_backslash='\fB not bold'

test_expect_success 'option names are typed hyphens: \- in the page, - where it shows' '
	grep -qxF "$tag_no_commit" "$MAN/convene-note.1" &&
	LC_ALL=C.UTF-8 MANWIDTH=60 man -l "$MAN/convene-meeting.1" > page &&
	grep -q -- "--item-title" page && grep -q -- "--no-commit" page
'

test_expect_success 'text that would be a roff request is escaped: a line starting with a dot' '
	{ echo Text. && echo .SH BAD && printf "%s\n" "$raw_backslash" && echo &&
	  echo EXAMPLES && echo && echo "  \$ convene status"; } > t.txt &&
	convene help --man status t.txt > p.1 &&
	grep -qxF "$escaped_dot" p.1 &&
	grep -qxF "$escaped_backslash" p.1 &&
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l p.1 > page 2> warn &&
	test_cmp /dev/null warn &&
	grep -qF ".SH BAD" page && grep -qF "$raw_backslash" page
'

test_expect_success 'convene(1): the overview of doc/convene.1, the version, every command with its page' '
	convene --version | sed "s/^convene version //; s/-/\\\\-/g" > v &&
	grep -qF "\"convene $(cat v)\"" "$MAN/convene.1" &&
	grep -q "^\.SH ENVIRONMENT" "$MAN/convene.1" &&
	for c in $commands; do
		LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$MAN/convene.1" | grep -q "^ *convene-$c(1)$" ||
		{ echo "convene.1 does not list $c" >&2; return 1; }
	done
'

test_expect_success 'help --man: a command that is not there, a file that is not there' '
	test_expect_code 2 convene help --man nosuch 2> err &&
	test_grep "no such command" err &&
	test_expect_code 2 convene help --man note /nonexistent.txt 2> err &&
	test_grep "cannot open" err
'

# Each example ("$ convene ..." in doc/commands/*.txt): the command
# exists and each option it gives is one the command (or its
# subcommand) parses.
test_expect_success 'every example names a command and options it takes' '
	grep -h "^  \\\$ " "$SRC"/doc/commands/*.txt | sed "s/^  \\\$ //; s/.*| *//" > examples &&
	test "$(wc -l < examples)" -ge 36 &&
	while read -r cv c rest; do
		test "$cv" = convene || { echo "not a convene example: $cv $c" >&2; return 1; }
		set -- $rest
		sub= &&
		if ! convene help --options $c > o 2>/dev/null; then
			sub=$1 && convene help --options $c $sub > o ||
			{ echo "bad example: convene $c $rest" >&2; return 1; }
		fi &&
		for w in $rest; do
			case $w in
			--*) grep -q -- "^\\(-.,\\)\\?$w\\( \\|$\\)" o ;;
			-?) grep -q -- "^$w\\(,\\| \\|$\\)" o ;;
			*) true ;;
			esac || { echo "convene $c $sub: no option $w" >&2; return 1; }
		done
	done < examples
'

# The examples that need no network, terminal, editor or conflict run,
# in order, each file's in a fresh copy of one initiative.
setup_fixture() {
	CONVENE_NOW=2026-02-01T17:05:00+02:00 &&
	export CONVENE_NOW &&
	convene init ex --name "Early reading" --lang en --template ucsd --site north 2>/dev/null &&
	(cd ex && git config convene.member dana &&
	 convene member add "Dana Levi" --id dana --role facilitator --can-host --address "1 Main St" &&
	 convene member add "Yossi Cohen" --id yossi &&
	 convene outcome add "More children read by grade 3" --id reading &&
	 convene outcome indicator reading "Reading at grade level" --id grade-level --baseline 40 --target 70 &&
	 convene set vision "every child reads" ) > /dev/null 2>&1
}

# Each file's examples run in a fresh copy of the fixture; $HOME stays, so
# the identity key.txt's "key new" makes is the one readers.txt uses (the
# glob is sorted).
test_expect_success 'the examples work' '
	setup_fixture &&
	for f in "$SRC"/doc/commands/*.txt; do
		c=$(basename "$f" .txt) &&
		rm -rf run && cp -r ex run &&
		grep "^  \\\$ " "$f" | sed "s/^  \\\$ //" > cmds &&
		while read -r line; do
			case "${line#*convene }" in
			clone\ *|init\ *|sync|sync\ *|edit\ *|notes\ *|resolve\ *) continue ;;
			esac &&
			(cd run && sh -c "$line") > out 2>&1 ||
			{ echo "doc/commands/$c.txt: failed: $line" >&2; cat out >&2; return 1; }
		done < cmds || return 1
	done
'

test_done
