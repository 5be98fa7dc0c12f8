#!/bin/sh
# remote add, list, rm: git's own remotes, seen by the git CLI.
. "$(dirname "$0")/lib.sh"

test_expect_success 'remote add, list (text and JSON), rm; git sees the same' '
	init_lit && cd lit &&
	git init -q --bare ../hub.git &&
	convene remote add hub ../hub.git 2>../err && test_grep "remote hub: ../hub.git" ../err &&
	convene remote add usb /media/usb/literacy.git 2>/dev/null &&
	convene remote list > ../out &&
	printf "hub         ../hub.git\\nusb         /media/usb/literacy.git\\n" > ../want &&
	test_cmp ../want ../out &&
	git remote -v > ../git && test_grep "hub	../hub.git (fetch)" ../git &&
	convene remote list --json > ../out &&
	test_grep "{\"name\":\"hub\",\"url\":\"../hub.git\"}" ../out &&
	convene remote rm usb 2>/dev/null &&
	convene remote list > ../out && ! grep -q usb ../out
'

test_expect_success 'remote errors: a name in use, an unknown name, bad arguments' '
	init_lit && cd lit &&
	convene remote add hub ../hub.git 2>/dev/null &&
	test_expect_code 2 convene remote add hub ../other.git 2>../err &&
	test_grep "exists already" ../err &&
	test_expect_code 1 convene remote rm nope 2>../err && test_grep "no remote" ../err &&
	test_expect_code 2 convene remote add "bad name" x 2>/dev/null &&
	test_expect_code 2 convene remote add onlyname 2>/dev/null &&
	test_expect_code 2 convene remote 2>/dev/null &&
	test_expect_code 2 convene remote rm --bogus 2>../err && test_grep "unknown option --bogus" ../err &&
	test_expect_code 2 convene remote add -x ../hub.git 2>../err && test_grep "unknown option -x" ../err &&
	git config --get remote.hub.url > /dev/null
'

test_done
