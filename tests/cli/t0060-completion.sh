#!/bin/sh
# Bash completion (completions/convene): commands, subcommands, options
# and values read from the initiative here, as COMPREPLY after _convene
# for a command line in COMP_WORDS/COMP_CWORD.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../.." && pwd)
COMPLETION="$SRC/completions/convene"
export COMPLETION

# complete WORD... : the COMPREPLY of the line (its last word the one
# being completed), one a line, from bash with the script sourced alone
# (no bash-completion: what _convene does by itself).
cat > "$TRASH/complete.bash" <<'EOS'
. "$COMPLETION"
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
_convene
((${#COMPREPLY[@]} == 0)) || printf '%s\n' "${COMPREPLY[@]}"
EOS
complete() {
	bash "$TRASH/complete.bash" "$@"
}
# expect WORD... : compares with the lines of stdin
expect() {
	cat > want &&
	complete "$@" > got &&
	test_cmp want got
}

# One initiative at two sites: a (north) and b (south), the vision
# changed at both, so b holds a conflict; members, an outcome with an
# indicator, a remote.
setup() {
	CONVENE_NOW=2026-02-01T17:05:00+02:00 && export CONVENE_NOW &&
	convene init a --name "Early reading" --lang en --template ucsd --site north 2>/dev/null &&
	git init -q --bare remote.git &&
	(cd a && convene remote add origin "$PWD/../remote.git" &&
	 convene member add "Dana Levi" --id dana --can-host --address "1 Main St" &&
	 convene member add "Yossi Cohen" --id yossi &&
	 convene outcome add "More children read by grade 3" --id reading &&
	 convene outcome indicator reading "Reading at grade level" --id grade-level &&
	 convene note 2 opening "first note" &&
	 convene sync -q) > /dev/null 2>&1 &&
	convene clone --site south -q "$PWD/remote.git" b > /dev/null 2>&1 &&
	(cd a && convene set vision one && convene sync -q) > /dev/null 2>&1 &&
	(cd b && convene set vision two && convene sync -q) > /dev/null 2>&1 &&
	cd b
}

test_expect_success 'commands: all of the table, and those a prefix starts' '
	setup &&
	convene help | sed -n "s/^  \([a-z][a-z-]*\) .*/\1/p" > want &&
	complete convene "" > got && test_cmp want got &&
	printf "%s\n" note notes | expect convene no &&
	printf "%s\n" -C --help --version | expect convene - &&
	printf "%s\n" meeting member merge-file | expect convene -C . me
'

test_expect_success 'subcommands of a family' '
	setup &&
	printf "%s\n" add list show edit leave join leave-subgroup | expect convene member "" &&
	printf "%s\n" add list show indicator measure | expect convene outcome "" &&
	printf "%s\n" create | expect convene bundle c
'

test_expect_success 'options: those of the command, or of the subcommand' '
	setup &&
	printf "%s\n" --by --no-commit | expect convene note 2 opening text -- &&
	printf "%s\n" --id | expect convene member add Rina --i &&
	printf "%s\n" --id --description --population --principle --no-commit |
		expect convene outcome add Title -- &&
	printf "%s\n" -n --meeting --author --site --since --json | expect convene log -
'

test_expect_success 'meeting numbers, then the agenda items of that meeting' '
	setup &&
	printf "%s\n" 1 2 3 | expect convene note "" &&
	printf "%s\n" opening principles common-agenda next-steps | expect convene note 2 "" &&
	printf "%s\n" opening | expect convene decide 002 op &&
	printf "%s\n" next-steps | expect convene action meetings/002.yaml n &&
	printf "%s\n" principles | expect convene note --by dana 2 p &&
	: | expect convene note 9 ""
'

test_expect_success 'an option value by its name: --by a member, --item an item of the meeting' '
	setup &&
	printf "%s\n" dana yossi | expect convene note 2 opening text --by "" &&
	printf "%s\n" yossi | expect convene action 1 opening text --owner y &&
	printf "%s\n" opening principles common-agenda next-steps | expect convene meeting edit 2 --item "" &&
	printf "%s\n" dana | expect convene meeting new --host d
'

test_expect_success 'an option value from the alternatives the usage shows' '
	setup &&
	printf "%s\n" planned held cancelled | expect convene meeting edit 2 --status "" &&
	printf "%s\n" md html | expect convene minutes 2 --format "" &&
	printf "%s\n" 1 2 3 | expect convene log --meeting ""
'

test_expect_success 'member ids, as many as given: attend M MEMBER...' '
	setup &&
	printf "%s\n" dana yossi | expect convene attend 1 "" &&
	printf "%s\n" dana yossi | expect convene attend 1 dana "" &&
	printf "%s\n" dana yossi | expect convene member show ""
'

test_expect_success 'outcome and indicator ids' '
	setup &&
	printf "%s\n" reading | expect convene outcome measure "" &&
	printf "%s\n" grade-level | expect convene outcome measure reading "" &&
	printf "%s\n" reading | expect convene outcome show r
'

test_expect_success 'field paths, one level at a time' '
	setup &&
	printf "%s\n" mission | expect convene history mis &&
	printf "%s\n" vision. | expect convene history vi &&
	printf "%s\n" members/ meetings/ | expect convene get me &&
	printf "%s\n" meetings/001.yaml meetings/002.yaml meetings/003.yaml | expect convene show meetings/ &&
	printf "%s\n" "meetings/002.yaml:agenda[opening]" | expect convene get "meetings/002.yaml:agenda[o" &&
	sed -n "s/^  - id: \(.*\)/meetings\/002.yaml:agenda[opening].notes[\1]/p" meetings/002.yaml > want &&
	test "$(wc -l < want)" = 1 &&
	complete convene history "meetings/002.yaml:agenda[opening].notes[" > got && test_cmp want got &&
	printf "%s\n" "members/dana.yaml:name" | expect convene set members/dana.yaml:na
'

test_expect_success 'edit takes a whole file: files and folders, no fields' '
	setup &&
	printf "%s\n" initiative.yaml members/ interviews/ meetings/ outcomes/ | expect convene edit "" &&
	printf "%s\n" members/dana.yaml members/yossi.yaml | expect convene edit members/
'

test_expect_success 'remotes: sync, remote rm, bundle create --for; a bundle file too' '
	setup &&
	printf "%s\n" origin | expect convene remote rm "" &&
	printf "%s\n" origin | expect convene bundle create x.bundle --for "" &&
	touch carried.bundle other.txt &&
	printf "%s\n" origin carried.bundle | expect convene sync "" &&
	: | expect convene remote add ""
'

test_expect_success 'resolve: the fields in conflict' '
	setup &&
	printf "%s\n" vision | expect convene resolve "" &&
	printf "%s\n" --side --base --value --yaml --no-commit | expect convene resolve vision --
'

test_expect_success 'help: commands, then a family'"'"'s subcommands after --options' '
	setup &&
	printf "%s\n" note notes | expect convene help no &&
	printf "%s\n" add list show edit leave join leave-subgroup | expect convene help --options member ""
'

test_expect_success '-C DIR: the values of that initiative' '
	setup && cd .. &&
	printf "%s\n" dana yossi | expect convene -C b attend 1 "" &&
	printf "%s\n" opening | expect convene -C a note 2 o
'

test_expect_success 'outside an initiative: commands and options still, no values' '
	mkdir empty && cd empty &&
	printf "%s\n" note notes | expect convene no &&
	: | expect convene note "" &&
	printf "%s\n" --by --no-commit | expect convene note 1 x y --
'

test_expect_success 'with bash-completion loaded: a path with a colon is completed after it' '
	setup &&
	test -f /usr/share/bash-completion/bash_completion &&
	cat > bc.bash <<-\EOS &&
	. /usr/share/bash-completion/bash_completion
	. "$COMPLETION"
	COMP_LINE="convene get meetings/002.yaml:ag"
	COMP_POINT=${#COMP_LINE}
	COMP_WORDS=(convene get meetings/002.yaml : ag)
	COMP_CWORD=4
	_convene
	printf "%s\n" "${COMPREPLY[@]}"
	EOS
	bash bc.bash > got &&
	echo "agenda[" > want && test_cmp want got
'

# How long a completion takes: printed, not judged (the machine's load
# decides); each is one or two runs of convene.
test_expect_success 'the time of a few completions (printed)' '
	setup &&
	for line in "convene no" "convene note 2 " "convene meeting edit 2 --item " "convene get meetings/002.yaml:agenda[opening]."; do
		s=$(date +%s%N) &&
		complete $line "" > /dev/null &&
		echo "# $(( ($(date +%s%N) - s) / 1000000 )) ms: $line<TAB>" >&3 || return 1
	done
' 3>&1

test_done
