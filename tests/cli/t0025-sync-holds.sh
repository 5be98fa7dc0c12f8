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

# b commits by hand, with git, a meeting that is no longer YAML text while
# a changes the same line; $1 is what b writes in place of the title.
unmergeable() {
	new_bare "$2" && three_sites "$SRV/$2.git" &&
	(cd b && sed -i "s/^title: .*/title: $1/" meetings/002.yaml && git commit -qam "by hand" &&
		convene sync -q) &&
	(cd a && convene set meetings/002.yaml:title "a title at haifa" 2>/dev/null &&
		convene note 2 opening "a note at haifa" 2>/dev/null &&
		convene sync 2>../err)
}

for bad in 'utf8:\xff\xfe bad' 'nul:a\x00b'; do
	kind=${bad%%:*} text=${bad#*:}
	test_expect_success "a meeting that is not UTF-8 text ($kind) at one site does not stop the sync" '
		unmergeable "$text" bad-$kind &&
		test_grep "each version is kept whole" err &&
		test -z "$(git -C a status --porcelain)" && test ! -f a/.git/MERGE_HEAD &&
		(cd a && convene conflicts --json) > list &&
		test_grep "\"field\":\"meetings/002.yaml\"" list &&
		test_grep "a note at haifa" list &&
		(cd a && test_expect_code 1 convene validate >/dev/null 2>&1) &&
		(cd b && convene sync -q) && (cd c && convene sync -q) &&
		cmp a/meetings/002.yaml b/meetings/002.yaml &&
		(cd c && convene conflicts --json) > list.c &&
		sed -n "s/.*\"side\":\([0-9]\),\"from\":\"[^\"]*haifa[^\"]*\".*/\1/p" list.c > side &&
		test -s side &&
		(cd c && convene resolve meetings/002.yaml --side "$(cat ../side)" 2>/dev/null && convene sync -q) &&
		(cd a && convene sync -q) && (cd b && convene sync -q) &&
		test_grep "a note at haifa" b/meetings/002.yaml &&
		for site in a b c; do (cd $site && convene validate >/dev/null 2>&1) || exit 1; done &&
		(cd a && convene note 2 opening "editable again" 2>/dev/null && convene sync -q) &&
		(cd b && convene sync -q) && (cd c && convene sync -q) &&
		converged "$SRV/bad-$kind.git"
	'
done

test_expect_success "taking the side that is not YAML says so and changes nothing" '
	unmergeable "\"never closed" bad-yaml &&
	(cd a && convene conflicts --json) > list &&
	sed -n "s/.*\"side\":\([0-9]\),\"from\":\"[^\"]*haifa[^\"]*\".*/\1/p" list > mine &&
	other=$((3 - $(cat mine))) &&
	git -C a rev-parse HEAD > before &&
	(cd a && test_expect_code 1 convene resolve meetings/002.yaml --side $other 2>../err2) &&
	test_grep "convene edit meetings/002.yaml" err2 &&
	git -C a rev-parse HEAD > after && test_cmp before after &&
	test -z "$(git -C a status --porcelain)"
'

test_expect_success "a folder made a symbolic link at one site while the other edited in it" '
	new_bare link && three_sites "$SRV/link.git" &&
	mkdir outside &&
	(cd b && git rm -rq meetings && ln -s ../outside meetings && git add meetings &&
		git commit -qm "meetings elsewhere" && convene sync -q) &&
	(cd a && convene note 2 opening "a note at haifa" 2>/dev/null && convene sync -q) &&
	test -z "$(git -C a status --porcelain)" && test ! -f a/.git/MERGE_HEAD &&
	test -d a/meetings && test ! -L a/meetings &&
	test_grep "a note at haifa" a/meetings/002.yaml &&
	(cd b && convene sync -q) && cmp a/meetings/002.yaml b/meetings/002.yaml
'

test_expect_success "a text file outside the data changed at two sites: both versions, the same at every site" '
	new_bare readme && three_sites "$SRV/readme.git" &&
	(cd b && echo "from beersheva" > README.md && git add README.md && git commit -qm readme &&
		convene sync -q) &&
	(cd a && echo "from haifa" > README.md && git add README.md && git commit -qm readme &&
		convene note 2 opening "a note at haifa" 2>/dev/null && convene sync 2>../err) &&
	test_grep "README.md changed at both sites" err &&
	test -z "$(git -C a status --porcelain)" && test ! -f a/.git/MERGE_HEAD &&
	test_grep "from haifa" a/README.md && test_grep "from beersheva" a/README.md &&
	(cd a && test_expect_code 1 convene validate 2>&1) > v &&
	test_grep "README.md:1:1: error: unresolved conflict" v &&
	(cd a && convene conflicts --json) > list &&
	test_grep "\"field\":\"README.md\",\"markers\":true" list &&
	(cd b && convene sync -q) && (cd c && convene sync -q) &&
	cmp a/README.md b/README.md && cmp a/README.md c/README.md &&
	(cd c && echo "settled" > README.md && convene commit -m "README settled" 2>/dev/null &&
		convene validate >/dev/null 2>&1 && convene sync -q) &&
	(cd a && convene sync -q) && (cd b && convene sync -q) &&
	converged "$SRV/readme.git"
'

test_expect_success "a binary file changed at two sites: one kept, the other named by its commit" '
	new_bare logo && three_sites "$SRV/logo.git" &&
	(cd b && printf "PNG\000b" > logo.png && git add logo.png && git commit -qm logo && convene sync -q) &&
	(cd a && printf "PNG\000a" > logo.png && git add logo.png && git commit -qm logo &&
		convene sync 2>../err) &&
	test_grep "logo.png changed at both sites and cannot hold both versions" err &&
	id=$(sed -n "s/.*git show \([0-9a-f]*\):logo.png.*/\1/p" err) &&
	git -C a show "$id:logo.png" > other &&
	! cmp -s other a/logo.png && test_grep "PNG" other &&
	(cd b && convene sync -q) && cmp a/logo.png b/logo.png &&
	test -z "$(git -C a status --porcelain)"
'

# Six sites, each with a note, sync with one hub at the same moment.
all_at_once() {
	i=1 && while [ $i -le 6 ]; do
		convene clone -q --site site$i "$1" s$i 2>/dev/null &&
		(cd s$i && convene note 1 opening "note from site $i" 2>/dev/null) || return 1
		i=$((i + 1))
	done &&
	pids= && i=1 && while [ $i -le 6 ]; do
		(cd s$i && convene sync -q 2>../err.$i; echo $? > ../rc.$i) & pids="$pids $!"
		i=$((i + 1))
	done &&
	wait $pids &&
	i=1 && while [ $i -le 6 ]; do
		test "$(cat rc.$i)" = 0 || { echo "site $i: exit $(cat rc.$i)"; cat err.$i; return 1; }
		i=$((i + 1))
	done &&
	i=1 && while [ $i -le 6 ]; do (cd s$i && convene sync -q) || return 1; i=$((i + 1)); done &&
	i=1 && while [ $i -le 6 ]; do
		n=1 && while [ $n -le 6 ]; do
			test_grep "note from site $n" s$i/meetings/001.yaml || return 1
			n=$((n + 1))
		done
		i=$((i + 1))
	done
}

test_expect_success "six sites sync with one hub by path at once: each waits its turn" '
	new_bare busy && three_sites "$SRV/busy.git" && all_at_once "$SRV/busy.git"
'

start_daemon || exit 1
test_expect_success "six sites sync with one git daemon at once: each waits its turn" '
	new_bare busyd && three_sites "$DAEMON_URL/busyd.git" && all_at_once "$DAEMON_URL/busyd.git"
'

test_expect_success "a hub whose branch stays locked: exit 4 after convene.syncPatience, naming the lock" '
	new_bare stuck && three_sites "$SRV/stuck.git" &&
	(cd a && convene note 1 opening "waiting" 2>/dev/null) &&
	: > "$SRV/stuck.git/refs/heads/main.lock" &&
	(cd a && git config convene.syncPatience 1 && test_expect_code 4 convene sync 2>../err) &&
	test_grep "refs/heads/main.lock" err && test_grep "stayed busy" err &&
	rm "$SRV/stuck.git/refs/heads/main.lock" &&
	(cd a && convene sync -q) &&
	git -C "$SRV/stuck.git" show main:meetings/001.yaml > m && test_grep "waiting" m
'

test_expect_success "a lock that goes away while the sync waits: exit 0" '
	new_bare brief && three_sites "$SRV/brief.git" &&
	(cd a && convene note 1 opening "after the wait" 2>/dev/null) &&
	: > "$SRV/brief.git/refs/heads/main.lock" &&
	{ (sleep 1; rm "$SRV/brief.git/refs/heads/main.lock") & } &&
	(cd a && convene sync 2>../err) &&
	test_grep "busy with another push; trying again" err &&
	git -C "$SRV/brief.git" show main:meetings/001.yaml > m && test_grep "after the wait" m
'

test_expect_success "a hand edit is committed while a conflict waits elsewhere, as sync would" '
	new_bare pending && three_sites "$SRV/pending.git" &&
	(cd a && convene set vision "from haifa" 2>/dev/null && convene sync -q) &&
	(cd b && convene set vision "from beersheva" 2>/dev/null && convene sync -q 2>/dev/null) &&
	cd b && test_expect_code 1 convene validate >/dev/null 2>&1 &&
	sed -i "s/^mission:.*/mission: written by hand/" initiative.yaml &&
	convene commit -m "mission by hand" 2>../err &&
	test -z "$(git status --porcelain)" &&
	test "$(convene get mission)" = "written by hand" &&
	sed -i "s/^mission:.*/mission: [unclosed/" initiative.yaml &&
	test_expect_code 1 convene commit -m "broken" 2>../err &&
	test_grep "nothing was committed" ../err
'

test_expect_success "edit changes one field beside a conflict it did not make" '
	new_bare editc && three_sites "$SRV/editc.git" &&
	(cd a && convene member add Avi --id avi 2>/dev/null && convene sync -q) &&
	(cd b && convene sync -q) &&
	(cd a && convene set members/avi.yaml:role funder 2>/dev/null && convene sync -q) &&
	(cd b && convene set members/avi.yaml:role partner 2>/dev/null && convene sync -q 2>/dev/null) &&
	cat > ed <<-\EOT &&
	#!/bin/sh
	if grep -q "^# convene:" "$1"; then exit 1; fi
	echo "phone: \"050-1234567\"" >> "$1"
	EOT
	chmod +x ed &&
	(cd b && EDITOR=../ed convene member edit avi 2>../err) &&
	test_grep "050-1234567" b/members/avi.yaml &&
	test_grep "!conflict" b/members/avi.yaml &&
	test -z "$(git -C b status --porcelain)"
'

test_done
