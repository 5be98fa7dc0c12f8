#!/bin/sh
# validate: every problem at once, sorted, with file:line:col; --json.
. "$(dirname "$0")/lib.sh"

test_expect_success 'a fresh initiative validates, saying what it checked' '
	init_lit && cd lit &&
	convene validate >out 2>err &&
	test ! -s out &&
	test_grep "checked 4 files (1 initiative, 3 meetings): no problems" err
'

test_expect_success 'problems in several files are all reported, sorted, exit 1' '
	init_lit && cd lit &&
	mkdir members &&
	printf "id: dana\nname: Dana\nrole: boss\n" > members/dana.yaml &&
	printf "number: 2\ntitle: t\nstatus: held\nattendees: [dana, rina]\n" > meetings/002.yaml &&
	printf "name: x\nlanguage: he\nvision: a\nvision: b\n" > initiative.yaml &&
	test_expect_code 1 convene validate >out 2>err &&
	cat >want <<-\EOT &&
	initiative.yaml:4:1: error: duplicate key '"'"'vision'"'"' (first at line 3); keep one of the two
	meetings/002.yaml:4:19: error: unknown member '"'"'rina'"'"' in '"'"'attendees'"'"'; add members/<id>.yaml or fix the id
	members/dana.yaml:3:7: error: '"'"'role'"'"' must be one of facilitator, backbone, member, funder, partner, observer; found '"'"'boss'"'"'
	EOT
	test_cmp want out &&
	test_grep "checked 5 files (1 initiative, 1 member, 3 meetings): 3 errors, 0 warnings" err
'

test_expect_success 'validate --json lists the problems as data' '
	init_lit && cd lit &&
	printf "number: 1\ntitle: t\nstatus: planned\ncolour: red\n" > meetings/001.yaml &&
	convene validate --json > out &&
	cat >want <<-\EOT &&
	{"files":4,"errors":0,"warnings":1,"problems":[
	  {"file":"meetings/001.yaml","line":4,"col":1,"level":"warning","message":"unknown key '"'"'colour'"'"' in a meeting (kept; check the spelling)"}
	]}
	EOT
	test_cmp want out
'

test_expect_success 'a !conflict left in a file is an error; Hebrew in JSON stays Hebrew' '
	init_lit && cd lit &&
	cat >>initiative.yaml <<-\EOT &&
	landscape: !conflict
	  base: ישן
	  sides:
	  - from: a
	    value: חדש
	EOT
	test_expect_code 1 convene validate --json > out &&
	test_grep "unresolved conflict in '"'"'landscape'"'"'" out &&
	convene get --json landscape > j &&
	test_grep "\"base\":\"ישן\"" j
'

test_expect_success 'validate outside an initiative is a usage error' '
	test_expect_code 2 convene validate 2>err &&
	test_grep "not an initiative" err
'

test_expect_success 'a missing initiative.yaml is reported' '
	init_lit && cd lit && git rm -q initiative.yaml &&
	test_expect_code 1 convene validate > out &&
	test_grep "initiative.yaml:1:1: error: initiative.yaml is missing" out
'

test_expect_success 'validate -C DIR works from elsewhere; validate takes no arguments' '
	init_lit &&
	convene -C lit validate 2>/dev/null &&
	test_expect_code 2 convene -C lit validate extra 2>err &&
	test_grep "takes no arguments" err
'

test_done
