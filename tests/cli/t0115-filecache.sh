#!/bin/sh
# The cache of the work tree's files ($GIT_DIR/convene/files): the agenda
# and the minutes take a member, a folder's list of files and a later
# meeting's status from it while the file's stat is unchanged, and read
# the file again after any change: in place, of the same size, with the
# old mtime put back (the ctime tells), a file added or removed, a cache
# damaged or not writable.  Also whether the minutes say they differ from
# the commit they name: only for what they are made from.
. "$(dirname "$0")/lib.sh"

need_strace() {
	command -v strace >/dev/null || { echo "strace missing: make test-deps installs it"; exit 1; }
}
need_strace

# A group of four.  A file changed within two seconds of a run is read
# again by the next one and not trusted (its stat might not tell a change
# in the same tick), so a test waits that long before the run whose cache
# it checks.
en_lit() {
	convene init --template ucsd --lang en --name "Early reading" --site beersheva lit 2>/dev/null &&
	(cd lit &&
	 convene member add "Dana Levi" --id dana &&
	 convene member add "Avi Cohen" --id avi &&
	 convene member add "Rina Shalom" --id rina &&
	 convene member add "Noa Barak" --id noa &&
	 convene attend 1 dana) >/dev/null 2>&1
}
settle() {
	sleep 3
}
no_error() {  # ERR: nothing but hints
	! grep -v "^convene: hint: " "$1"
}
# The files of members/ and meetings/ a run opened ("members/dana.yaml").
opened() {  # OUT: the log's opened files; then the command
	out=$1 && shift &&
	LSAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=open,openat,openat2 -o "$out.log" "$@" >/dev/null 2>&1 &&
	grep -v ENOENT "$out.log" | grep -o '"[^"]*\(members\|meetings\)/[^"]*"' | tr -d '"' |
		sed "s|.*/\(members\|meetings\)/|\1/|" | sort -u > "$out"
}

test_expect_success 'a second run opens no member file; the minutes are the same bytes' '
	en_lit && cd lit && settle &&
	convene minutes 1 > ../first.md 2>/dev/null &&
	test -f .git/convene/files &&
	opened ../second convene minutes 1 &&
	convene minutes 1 > ../again.md 2>/dev/null &&
	test_cmp ../first.md ../again.md &&
	! grep "^members/" ../second &&
	grep "^meetings/001.yaml" ../second &&
	test_grep "Avi Cohen" ../again.md
'

test_expect_success 'a member changed in place, same size, old mtime put back: read again' '
	en_lit && cd lit && settle &&
	convene minutes 1 > /dev/null 2>&1 &&
	stamp=$(stat -c %y members/avi.yaml) &&
	size=$(wc -c < members/avi.yaml) &&
	sed "s/Avi Cohen/Avi Cahen/" members/avi.yaml > ../avi &&
	cat ../avi > members/avi.yaml &&
	touch -d "$stamp" members/avi.yaml &&
	test "$(stat -c %y members/avi.yaml)" = "$stamp" &&
	test "$(wc -c < members/avi.yaml)" = "$size" &&
	opened ../log convene minutes 1 &&
	grep "^members/avi.yaml" ../log &&
	convene minutes 1 > ../out.md 2>/dev/null &&
	test_grep "Avi Cahen" ../out.md &&
	! grep "Avi Cohen" ../out.md
'

test_expect_success 'a member who left, in place: no longer among the absent' '
	en_lit && cd lit && settle &&
	convene minutes 1 > ../before.md 2>/dev/null &&
	test_grep "Noa Barak" ../before.md &&
	echo "left: 2026-01-01" >> members/noa.yaml &&
	convene minutes 1 > ../after.md 2>/dev/null &&
	! grep "Noa Barak" ../after.md
'

test_expect_success 'a member file added or removed: the list of the folder is read again' '
	en_lit && cd lit && settle &&
	convene minutes 1 > /dev/null 2>&1 &&
	printf "id: kim\nname: Kim Lee\n" > members/kim.yaml &&
	rm members/rina.yaml &&
	convene minutes 1 > ../out.md 2>/dev/null &&
	test_grep "Kim Lee" ../out.md &&
	! grep "Rina Shalom" ../out.md &&
	settle &&
	convene minutes 1 > /dev/null 2>&1 &&
	opened ../log convene minutes 1 &&
	! grep "^members/" ../log
'

test_expect_success 'a later meeting made planned in place is the next meeting' '
	en_lit && cd lit &&
	sed "s/^status: .*/status: held/" meetings/002.yaml > ../m2 &&
	cat ../m2 > meetings/002.yaml &&
	settle &&
	convene minutes 1 > ../out.md 2>/dev/null &&
	test_grep "**Next meeting:** Meeting 3 –" ../out.md &&
	opened ../log convene minutes 1 &&
	! grep "^meetings/002.yaml" ../log &&
	sed "s/^status: held/status: planned/" meetings/002.yaml > ../m2 &&
	cat ../m2 > meetings/002.yaml &&
	convene minutes 1 > ../out.md 2>/dev/null &&
	test_grep "**Next meeting:** Meeting 2 –" ../out.md
'

test_expect_success 'a member file made a symbolic link is not followed, cache or not' '
	en_lit && cd lit && settle &&
	convene minutes 1 > /dev/null 2>&1 &&
	printf "id: avi\nname: Somebody Else\n" > ../elsewhere.yaml &&
	rm members/avi.yaml && ln -s ../../elsewhere.yaml members/avi.yaml &&
	convene minutes 1 > ../out.md 2>/dev/null &&
	! grep "Somebody Else" ../out.md &&
	! grep "Avi Cohen" ../out.md
'

test_expect_success 'a damaged cache is read as none, and written anew' '
	en_lit && cd lit && settle &&
	convene minutes 1 > ../want.md 2>/dev/null &&
	size=$(wc -c < .git/convene/files) &&
	printf "\\377" | dd of=.git/convene/files bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null &&
	convene minutes 1 > ../out.md 2> ../err &&
	test_cmp ../want.md ../out.md &&
	no_error ../err &&
	opened ../log convene minutes 1 &&
	! grep "^members/" ../log &&
	head -c 10 .git/convene/files > ../cut && cp ../cut .git/convene/files &&
	convene minutes 1 > ../out.md 2>/dev/null &&
	test_cmp ../want.md ../out.md &&
	echo "not a cache" > .git/convene/files &&
	convene minutes 1 > ../out.md 2>/dev/null &&
	test_cmp ../want.md ../out.md
'

test_expect_success 'a cache that cannot be written: the minutes still, and nothing said' '
	en_lit && cd lit &&
	rm -rf .git/convene && echo "a file, where the folder would be" > .git/convene &&
	convene minutes 1 > ../out.md 2> ../err &&
	test_grep "Avi Cohen" ../out.md &&
	no_error ../err &&
	echo "a file, where the folder would be" > ../want &&
	test_cmp ../want .git/convene
'

test_expect_success 'minutes differ from their commit only by what they are made from' '
	en_lit && cd lit &&
	convene minutes 1 > ../clean.md 2>/dev/null &&
	! grep "not yet committed" ../clean.md &&
	mkdir -p outcomes && printf "id: reading\ntitle: Reading\n" > outcomes/reading.yaml &&
	git add outcomes && git commit -q -m "an outcome" &&
	convene minutes 1 > ../clean.md 2>/dev/null &&
	echo "title: Reading at eight" >> outcomes/reading.yaml &&
	printf "a note of my own\n" > notes.txt &&
	convene minutes 1 > ../other.md 2>/dev/null &&
	test_cmp ../clean.md ../other.md &&
	printf "id: kim\nname: Kim Lee\n" > members/kim.yaml &&
	convene minutes 1 > ../added.md 2>/dev/null &&
	test_grep "with changes not yet committed" ../added.md &&
	rm members/kim.yaml && rm members/noa.yaml &&
	convene minutes 1 > ../removed.md 2>/dev/null &&
	test_grep "with changes not yet committed" ../removed.md &&
	git checkout -q members/noa.yaml &&
	convene minutes 1 > ../back.md 2>/dev/null &&
	test_cmp ../clean.md ../back.md &&
	sed "s/^title: .*/title: Another title/" meetings/001.yaml > ../m1 &&
	cat ../m1 > meetings/001.yaml &&
	convene minutes 1 > ../meeting.md 2>/dev/null &&
	test_grep "with changes not yet committed" ../meeting.md
'

# The stats of many files are taken on a thread bound to the cores the
# run is not on (made on its own core, the thread took its place there
# for milliseconds); bound to one core, a run makes no thread.
test_expect_success 'many members: a thread on another core; on one core, none; the same bytes' '
	en_lit && cd lit &&
	i=0 && while [ $i -lt 300 ]; do
		n=$(printf %03d $i) &&
		printf "id: m%s\nname: Member %s עם שם\n" $n $n > members/m$n.yaml &&
		i=$((i + 1)) || return 1
	done &&
	settle &&
	convene minutes 1 > ../first.md 2>/dev/null &&
	LSAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=clone,clone3,sched_setaffinity \
		-o ../two.log convene minutes 1 > ../two.md 2>/dev/null &&
	LSAN_OPTIONS=detect_leaks=0 taskset -c 0 strace -f -qq -e trace=clone,clone3,sched_setaffinity \
		-o ../one.log convene minutes 1 > ../one.md 2>/dev/null &&
	test_cmp ../first.md ../two.md &&
	test_cmp ../first.md ../one.md &&
	test_grep "Member 299 עם שם" ../one.md &&
	! grep -E "clone3?\(" ../one.log &&
	if [ "$(nproc)" -ge 2 ]; then
		grep -E "clone3?\(" ../two.log && grep "sched_setaffinity(" ../two.log
	else
		echo "one core here: the thread is not looked for"
	fi
'

test_done
