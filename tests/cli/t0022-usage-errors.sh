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
	test_expect_code 5 as_user convene note 1 opening x 2>../err;
	rc=$? && chmod -R u+w . && test $rc = 0 &&
	test_grep "Permission denied" ../err &&
	test_grep "convene: hint: convene writes in" ../err &&
	test_grep "check the folder'"'"'s permissions (ls -ld" ../err &&
	unchanged &&
	chmod a-w meetings &&
	test_expect_code 5 as_user convene note 1 opening x 2>../err;
	rc=$? && chmod u+w meetings && test $rc = 0 &&
	test_grep "check the folder'"'"'s permissions (ls -ld '"'"'$PWD/meetings'"'"')" ../err &&
	unchanged
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
	test_grep "is empty, not a git bundle" err
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
