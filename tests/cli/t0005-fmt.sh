#!/bin/sh
# fmt: canonical form; --check changes nothing.
. "$(dirname "$0")/lib.sh"

test_expect_success 'a fresh initiative is canonical' '
	init_lit && cd lit &&
	convene fmt --check > out &&
	test ! -s out
'

test_expect_success 'fmt --check lists files that are not canonical, exit 1, changes nothing' '
	init_lit && cd lit &&
	printf "name:   \"קריאה\"\nlanguage: he\nvision: \"a\\\\nb\\\\n\"\nmission: yes\n" > initiative.yaml &&
	cp initiative.yaml before &&
	test_expect_code 1 convene fmt --check > out 2>err &&
	echo initiative.yaml > want && test_cmp want out &&
	test_cmp before initiative.yaml
'

test_expect_success 'fmt rewrites to canonical form and fmt --check then passes' '
	init_lit && cd lit &&
	printf "name:   \"קריאה\"\nlanguage: he\nvision: \"a\\\\nb\\\\n\"\nmission: \"yes\"\nlevers: [{id: l1, text: \"x\"}]\n" > initiative.yaml &&
	convene fmt 2>err &&
	test_grep "formatted initiative.yaml" err &&
	cat >want <<-\EOT &&
	name: קריאה
	language: he
	vision: |
	  a
	  b
	mission: "yes"
	levers:
	- id: l1
	  text: x
	EOT
	test_cmp want initiative.yaml &&
	convene fmt --check
'

test_expect_success 'fmt keeps files with comments unless told, and reports bad YAML' '
	init_lit && cd lit &&
	printf "name: x # the name\nlanguage:   he\n" > initiative.yaml &&
	printf "number: [1\n" > meetings/002.yaml &&
	test_expect_code 1 convene fmt 2>err &&
	test_grep "initiative.yaml:1:9: error: the file holds comments" err &&
	test_grep "meetings/002.yaml:2:1: error:" err &&
	test_grep "# the name" initiative.yaml &&
	convene fmt --drop-comments initiative.yaml 2>/dev/null &&
	printf "name: x\nlanguage: he\n" > want && test_cmp want initiative.yaml
'

test_expect_success 'fmt refuses paths outside the initiative' '
	init_lit && cd lit &&
	test_expect_code 2 convene fmt ../x.yaml 2>err &&
	test_grep "is not a file of the initiative" err
'

test_done
