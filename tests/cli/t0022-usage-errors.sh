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
