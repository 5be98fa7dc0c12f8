#!/bin/sh
# What the sync loop must hold on ordinary input (issue 11, items 1-4):
# notes with '#', the same member marked present at two sites, resolve
# beside errors it did not add, and files that cannot merge as YAML.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/servers.sh"

test_expect_success "a note with ' #' after Hebrew text leaves its meeting editable" '
	init_lit && cd lit &&
	convene note 3 levers "see item #3" 2>/dev/null &&
	convene note 3 levers "and #4, \"quoted\" # too" 2>/dev/null &&
	convene note 3 levers "שלום #5" 2>/dev/null &&
	convene fmt --check &&
	convene validate >/dev/null 2>&1 &&
	git show HEAD:meetings/003.yaml > ../m &&
	test_grep "see item #3" ../m && test_grep "שלום #5" ../m
'

test_expect_success "notes with '#' taken at two sites on one item merge as YAML" '
	new_bare hash && three_sites "$SRV/hash.git" &&
	(cd a && convene note 3 levers "a: see #3" 2>/dev/null) &&
	(cd b && convene note 3 levers "b: see #4" 2>/dev/null) &&
	(cd a && convene sync -q) && (cd b && convene sync -q 2>../err) &&
	! grep -q "line by line" err &&
	(cd a && convene sync -q) && (cd c && convene sync -q) &&
	test_grep "a: see #3" c/meetings/003.yaml && test_grep "b: see #4" c/meetings/003.yaml &&
	(cd c && convene validate >/dev/null 2>&1) &&
	converged "$SRV/hash.git"
'

test_expect_success "the same members marked present at two sites are listed once" '
	new_bare attend && three_sites "$SRV/attend.git" &&
	(cd a && convene member add Avi --id avi 2>/dev/null && convene member add Dana --id dana 2>/dev/null &&
		convene sync -q) &&
	(cd b && convene sync -q) &&
	(cd a && convene attend 3 avi dana 2>/dev/null && convene sync -q) &&
	(cd b && convene attend 3 dana avi 2>/dev/null && convene sync -q) &&
	(cd a && convene sync -q) && (cd c && convene sync -q) &&
	for site in a b c; do
		(cd $site && convene validate >/dev/null 2>&1 && convene get --json meetings/003.yaml:attendees) > got.$site || exit 1
	done &&
	echo "[\"avi\",\"dana\"]" > want && test_cmp want got.a &&
	cmp got.a got.b && cmp got.a got.c &&
	converged "$SRV/attend.git"
'

test_expect_success "resolve beside an error it did not add, whose line moves up" '
	convene init --template blank --lang en --name x --site a lit 2>/dev/null && cd lit &&
	convene member add Avi --id avi 2>/dev/null && mkdir -p meetings &&
	cat > meetings/001.yaml <<-\EOT &&
	number: 1
	title: !conflict
	  base: Meeting 1
	  sides:
	  - from: a
	    value: First
	  - from: b
	    value: The first
	status: planned
	attendees:
	- avi
	- avi
	agenda:
	- id: opening
	  title: Opening
	EOT
	git add -A && git commit -qm "a conflict above a repeated attendee" &&
	convene resolve meetings/001.yaml:title --side 1 2>../err &&
	test "$(convene get meetings/001.yaml:title)" = First &&
	test_expect_code 1 convene validate > ../v 2>&1 &&
	test_grep "listed twice" ../v &&
	! grep -q "conflict" ../v
'

test_done
