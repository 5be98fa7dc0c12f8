#!/bin/sh
# What a command line gets wrong is said as such: a bad value of an option
# is a usage error (exit 2) that names the option, a field the schema does
# not know is refused, "who" has one default, a meeting number one
# definition; and none of them writes or commits anything.
. "$(dirname "$0")/lib.sh"
CONVENE_NOW=2026-02-01T17:05:00+02:00
export CONVENE_NOW

# A fresh initiative with two members, HEAD noted for `unchanged`.
people() {
	init_lit && cd lit &&
	convene member add "Dana" --id dana --can-host 2>/dev/null &&
	convene member add "Yossi" --id yossi 2>/dev/null &&
	convene outcome add "Grade 3 reading" --id grade3 2>/dev/null &&
	convene outcome indicator grade3 "Reading at level" --id level 2>/dev/null &&
	mark
}
mark() {
	git rev-parse HEAD > ../head
}
# Nothing written, staged or committed since `mark`.
unchanged() {
	git rev-parse HEAD > ../now && test_cmp ../head ../now &&
	git status --porcelain > ../st && test_cmp /dev/null ../st
}

# refused CODE TEXT COMMAND...: exits CODE, says TEXT on stderr, changes
# nothing, and points at no line of a file it never wrote.
refused() {
	code=$1 && text=$2 && shift 2 &&
	test_expect_code "$code" "$@" 2>../err &&
	test_grep "$text" ../err &&
	! grep -q "^[a-z]*/*[a-z0-9-]*\.yaml:[0-9]*:[0-9]*:" ../err &&
	unchanged
}

# ---- bad values of options: exit 2, naming the option ----

test_expect_success 'dates, times and numbers of the wrong form are usage errors' '
	people &&
	refused 2 "'"'"'--due'"'"' is 2026-02-30, a day that does not exist" convene action 1 opening x --due 2026-02-30 &&
	refused 2 "'"'"'--date'"'"' is 2026-02-30" convene meeting new --date 2026-02-30 &&
	refused 2 "'"'"'--joined'"'"' is 2026-13-01" convene member add Avi --joined 2026-13-01 &&
	refused 2 "'"'"'--date'"'"' must be a date" convene member leave dana --date soon &&
	refused 2 "'"'"'--date'"'"' is 2026-02-30" convene interview add dana --by yossi --date 2026-02-30 &&
	refused 2 "'"'"'--start'"'"' must be a time like 17:00; found '"'"'25:00'"'"'" convene meeting new --start 25:00 &&
	refused 2 "'"'"'--duration'"'"' must be a whole number; found '"'"'-5'"'"'" convene meeting new --duration -5 &&
	refused 2 "'"'"'--duration'"'"' must be a whole number" convene meeting new --duration long &&
	refused 2 "'"'"'--duration'"'"' must be a whole number" convene meeting new --duration "" &&
	refused 2 "'"'"'--date'"'"' is 2026-02-30" convene outcome measure grade3 level 5 --date 2026-02-30
'

test_expect_success 'measurements: a number, and a finite one' '
	people &&
	refused 2 "'"'"'VALUE'"'"' must be a number; found '"'"'abc'"'"'" convene outcome measure grade3 level abc &&
	refused 2 "'"'"'VALUE'"'"' must be a number; found '"'"'nan'"'"'" convene outcome measure grade3 level nan &&
	refused 2 "'"'"'VALUE'"'"' must be a finite number; found '"'"'1e999'"'"'" convene outcome measure grade3 level 1e999 &&
	refused 2 "must be a finite number" convene outcome measure grade3 level -- -.inf &&
	refused 2 "'"'"'--baseline'"'"' must be a number" convene outcome indicator grade3 Other --baseline abc &&
	refused 2 "'"'"'--target'"'"' must be a finite number" convene outcome indicator grade3 Other --target 1e999 &&
	refused 2 "must be a finite number" convene set "outcomes/grade3.yaml:indicators[level].baseline" 1e999 &&
	convene outcome measure grade3 level 41.5 2>/dev/null &&
	convene validate 2>/dev/null
'

test_expect_success 'roles, addresses, one-line texts and ids of the wrong form' '
	people &&
	refused 2 "'"'"'--role'"'"' must be one of facilitator, backbone" convene member add Avi --role king &&
	refused 2 "'"'"'--email'"'"' must be an email address" convene member add Avi --email avi.example.org &&
	refused 2 "'"'"'--org'"'"' must be one line of text" convene member add Avi --org "$(printf "a\nb")" &&
	refused 2 "'"'"'NAME'"'"' must be one line of text" convene member add "$(printf "Avi\nCohen")" &&
	refused 2 "'"'"'--virtual'"'"' must be a web address" convene meeting new --virtual ftp://example.org/x &&
	refused 2 "'"'"'--title'"'"' must be one line of text" convene meeting new --title "$(printf "a\nb")" &&
	refused 2 "'"'"'--owner'"'"' must be an id" convene action 1 opening x --owner "Dana Levi" &&
	refused 2 "'"'"'--host'"'"' must be an id" convene meeting new --host "Dana Levi" &&
	refused 2 "'"'"'--subgroup'"'"' must be an id" convene member add Avi --subgroup "Two Words"
'

test_expect_success 'a value that names nothing there is exit 1, without a line of an unwritten file' '
	people &&
	refused 1 "unknown member '"'"'ghost'"'"' in '"'"'--owner'"'"'" convene action 1 opening x --owner ghost &&
	refused 1 "unknown member '"'"'ghost'"'"' in '"'"'--by'"'"'" convene note 1 opening x --by ghost &&
	refused 1 "unknown member '"'"'ghost'"'"' in '"'"'--host'"'"'" convene meeting new --host ghost &&
	refused 1 "unknown member '"'"'ghost'"'"' in '"'"'attendees'"'"'" convene attend 1 dana ghost &&
	refused 1 "unknown principle '"'"'p-nope'"'"' in '"'"'--principle'"'"'" convene outcome add Other --principle p-nope
'

test_expect_success 'a meeting number out of range is a usage error' '
	people &&
	refused 2 "'"'"'0'"'"' is not a meeting number (1 to 99999)" convene note 0 opening x &&
	refused 2 "not a meeting number" convene attend 0 dana &&
	refused 2 "not a meeting number" convene action 123456 opening x
'

test_expect_success 'an option that takes one value is refused twice' '
	people &&
	refused 2 "--by is given twice ('"'"'dana'"'"', then '"'"'yossi'"'"'); give it once" convene note 1 opening x --by dana --by yossi &&
	refused 2 "--owner is given twice" convene action 1 opening x --owner dana --owner yossi &&
	refused 2 "--due is given twice" convene action 1 opening x --due 2026-03-01 --due 2026-03-02 &&
	refused 2 "--by is given twice" convene interview add dana --by yossi --by dana &&
	refused 2 "--date is given twice" convene meeting new --date 2026-03-01 --date 2026-03-08 &&
	refused 2 "--role is given twice" convene member add Avi --role member --role funder &&
	refused 2 "--site is given twice" convene log --site a --site b &&
	refused 2 "-m is given twice" convene commit -m one -m two
'

# ---- the rest of the command line: remote, -C, identity, permissions ----

test_expect_success 'remote add with an empty URL or name is a usage error' '
	people &&
	cp .git/config ../config &&
	test_expect_code 2 convene remote add hub "" 2>../err &&
	test_grep "neither empty" ../err &&
	test_expect_code 2 convene remote add "" /tmp/x 2>../err &&
	test_cmp ../config .git/config && unchanged
'

test_expect_success '-C with no folder says so' '
	test_expect_code 2 convene -C 2>../err &&
	test_grep "convene: error: -C needs a folder" ../err &&
	! grep -q "unknown option" ../err
'

test_expect_success 'no git identity: a usage error with the command that sets it' '
	people &&
	git config --global --unset user.name &&
	refused 2 "user.name and user.email are not set" convene note 1 opening x &&
	test_grep "git config --global user.name" ../err &&
	refused 2 "user.name and user.email are not set" convene member add Avi
'

# Runs a command as a user that permissions bind: root, as the tests
# often run, is let through a folder that is not writable.
as_user() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --bounding-set=-dac_override,-dac_read_search "$@"
	else
		"$@"
	fi
}

test_expect_success 'a read-only initiative: exit 5 with a hint at the permissions' '
	people &&
	chmod -R a-w . &&
	test_expect_code 5 as_user convene note 1 opening x 2>../err &&
	chmod -R u+w . &&
	test_grep "Permission denied" ../err &&
	test_grep "convene: hint: convene writes in" ../err &&
	test_grep "check the folder'"'"'s permissions (ls -ld" ../err &&
	unchanged &&
	chmod a-w meetings &&
	test_expect_code 5 as_user convene note 1 opening x 2>../err &&
	chmod u+w meetings &&
	test_grep "check the folder'"'"'s permissions (ls -ld '"'"'$PWD/meetings'"'"')" ../err &&
	unchanged
'

# ---- set: a field the schema knows, or --force ----

test_expect_success 'set refuses a field the schema does not know, naming the nearest' '
	people &&
	refused 2 "the initiative has no field '"'"'visoin'"'"'; did you mean '"'"'vision'"'"'?" convene set visoin "x" &&
	test_grep "set --force visoin" ../err &&
	refused 2 "an agenda item has no field '"'"'notse'"'"'; did you mean '"'"'notes'"'"'?" \
		convene set "meetings/001.yaml:agenda[opening].notse" x &&
	refused 2 "a member has no field '"'"'colour'"'"'" convene set members/dana.yaml:colour blue &&
	test_grep "its fields are: id, name, organization, role" ../err &&
	refused 2 "'"'"'vision'"'"' holds a value, not fields" convene set vision.text x &&
	refused 2 "did you mean '"'"'vision'"'"'?" convene set --edit visoin
'

test_expect_success 'set --force writes a key the schema does not know; validate warns' '
	people &&
	convene set --force visoin "x" 2>/dev/null &&
	test_grep "visoin: x" initiative.yaml &&
	convene validate >../out 2>&1 &&
	test_grep "unknown key '"'"'visoin'"'"'" ../out &&
	convene set --help > ../help && test_grep "--force" ../help
'

# ---- who: one default ----

test_expect_success 'interview add takes the interviewer from convene.member, as note does' '
	people &&
	git config convene.member dana &&
	convene interview add yossi 2>/dev/null &&
	test_grep "interviewer: dana" interviews/yossi-1.yaml &&
	convene note 1 opening "by default" 2>/dev/null &&
	test_grep "by: dana" meetings/001.yaml &&
	convene interview add dana --by yossi 2>/dev/null &&
	test_grep "interviewer: yossi" interviews/dana-1.yaml
'

test_expect_success 'no --by and no convene.member: interview add says both ways' '
	people &&
	refused 2 "with --by MEMBER (or once: git config convene.member YOUR-ID)" convene interview add yossi
'

test_expect_success 'a convene.member that is no member is said as such, everywhere' '
	people &&
	git config convene.member ghost &&
	refused 1 "unknown member '"'"'ghost'"'"' in '"'"'convene.member'"'"'" convene interview add yossi &&
	refused 1 "unknown member '"'"'ghost'"'"' in '"'"'convene.member'"'"'" convene note 1 opening x &&
	refused 1 "unknown member '"'"'ghost'"'"' in '"'"'convene.member'"'"'" convene decide 1 opening x &&
	git config convene.member "Dana Levi" &&
	refused 2 "'"'"'convene.member'"'"' must be an id" convene interview add yossi &&
	refused 2 "'"'"'convene.member'"'"' must be an id" convene action 1 opening x &&
	refused 2 "'"'"'convene.member'"'"' must be an id" convene actions --mine &&
	echo x | refused 2 "'"'"'convene.member'"'"' must be an id" convene notes 1
'

# ---- clone and sync of a bundle that is not one ----

test_expect_success 'clone of an empty bundle file says what is wrong and leaves nothing' '
	people && cd .. &&
	: > EMPTY.bundle &&
	test_expect_code 1 convene clone EMPTY.bundle 2>err &&
	test_grep "convene: error: '"'"'EMPTY.bundle'"'"' is empty, not a git bundle" err &&
	! grep -q "URL" err && test ! -e EMPTY &&
	test_expect_code 1 convene clone EMPTY.bundle there 2>err && test ! -e there &&
	(cd lit && test_expect_code 1 convene sync ../EMPTY.bundle 2>../err2) &&
	test_grep "is empty, not a git bundle" err2 &&
	cp EMPTY.bundle EMPTY-COPY &&
	test_expect_code 1 convene clone EMPTY-COPY there 2>err &&
	test_grep "is empty, not a git bundle" err &&
	(cd lit && test_expect_code 1 convene sync ../EMPTY-COPY 2>../err) &&
	test_grep "is empty, not a git bundle" err
'
test_expect_success 'sync of a remote is not taken over by a file of its name' '
	people && cd .. &&
	git init -q --bare hub.git &&
	(cd lit && convene remote add hub ../hub.git 2>/dev/null && : > hub &&
	 convene sync hub 2>../err && rm hub) &&
	test_grep "in sync with hub" err
'

test_expect_success 'clone of a bundle with no branch, or none at all, says so' '
	people && cd .. &&
	printf "# v2 git bundle\n\n" > norefs.bundle &&
	test_expect_code 1 convene clone norefs.bundle 2>err &&
	test_grep "'"'"'norefs.bundle'"'"' brings no branch" err && test ! -e norefs &&
	test_expect_code 2 convene clone missing.bundle 2>err &&
	test_grep "cannot open '"'"'missing.bundle'"'"'" err && test ! -e missing &&
	(cd lit && convene bundle create ../whole.bundle 2>/dev/null) &&
	convene clone whole.bundle 2>/dev/null && test -e whole/members/dana.yaml
'

# ---- meeting numbers: one definition ----

test_expect_success 'a meeting number is 1 to 99999 for note as for validate' '
	people &&
	test_expect_code 2 convene note 999999999999 opening x 2>../err &&
	test_grep "not a meeting number (1 to 99999)" ../err &&
	test_expect_code 2 convene note 0 opening x 2>../err &&
	test_grep "'"'"'0'"'"' is not a meeting number" ../err &&
	test_expect_code 2 convene meeting show 100000 2>../err &&
	test_grep "not a meeting number" ../err &&
	unchanged &&
	sed "s/^number: .*/number: 99999/" meetings/001.yaml > meetings/99999.yaml &&
	convene validate 2>/dev/null &&
	convene note 99999 opening "the last number" 2>/dev/null &&
	test_grep "the last number" meetings/99999.yaml
'

test_expect_success 'validate refuses a meeting file that no number names, at file:1:1' '
	people &&
	sed "s/^number: .*/number: 999999999999/" meetings/001.yaml > meetings/999999999999.yaml &&
	sed "s/^number: .*/number: 0/" meetings/001.yaml > meetings/000.yaml &&
	sed "s/^number: .*/number: 1/" meetings/001.yaml > meetings/00001.yaml &&
	test_expect_code 1 convene validate >../err 2>&1 &&
	test_grep "meetings/000.yaml:1:1: error: a meeting'"'"'s file is named by its number (1 to 99999)" ../err &&
	test_grep "meetings/00001.yaml:1:1: error" ../err &&
	test_grep "meetings/999999999999.yaml:1:1: error" ../err &&
	rm meetings/000.yaml meetings/00001.yaml meetings/999999999999.yaml &&
	convene meeting new 2>/dev/null && test -e meetings/004.yaml
'

test_done
