#!/bin/sh
# sync, clone and bundle create killed (issue 11, items 5-7): at chosen
# moments through the die.c shim (holding each of git's locks, halfway
# through a checkout, a clone, a bundle), then with SIGKILL at random
# moments.  After each kill the next command finishes with no manual step,
# git fsck and convene validate are clean, and every note whose command
# exited 0 reaches both sites.
#
#   CONVENE_CRASH_KILLS=N      random kills (default 200; make stress: more)
#   CONVENE_CRASH_REPORT=FILE  where the kills landed, appended to FILE
. "$(dirname "$0")/lib.sh"
TESTS=$(cd "$(dirname "$0")" && pwd)
KILLS=${CONVENE_CRASH_KILLS:-200}
DIE="$TRASH/die.so"
cc -shared -fPIC -o "$DIE" "$TESTS/die.c" -ldl || exit 1

# die_at [--after] PATTERN command...: runs it under the shim, which ends
# it as it opens a path holding PATTERN for writing (with --after, just
# after the open: a lock file made, a file cut to 0 bytes); fails unless
# it was killed so.
die_at() {
	after=
	if [ "$1" = --after ]; then after=1; shift; fi
	at=$1
	shift
	set +e
	DIE_AT=$at DIE_AFTER=$after LD_PRELOAD=$DIE ASAN_OPTIONS=verify_asan_link_order=0 \
		"$@" >/dev/null 2>&1
	got=$?
	set -e
	[ "$got" = 137 ] || { echo "die_at $at: '$*' exited $got, it was not killed there" >&2; return 1; }
}

# a (haifa) and b (beersheva), syncing through the bare hub.git beside them
two_sites() {
	convene init --template ucsd --lang en --name "Crash" --site haifa a >/dev/null 2>&1 &&
	git init -q --bare hub.git &&
	(cd a && convene remote add origin ../hub.git >/dev/null 2>&1 && convene sync -q) &&
	convene clone -q --site beersheva hub.git b >/dev/null 2>&1
}

# git's lock files and libgit2's temporary files left in a, b or the hub
leftovers() {
	find a/.git b/.git hub.git \( -name '*.lock' ! -name convene.lock \) -o \
		-name 'pack_git2_*' -o -name 'tmp_object_git2_*' -o -path '*/convene/checkout'
	find a b -path '*/.git' -prune -o -name '*.lock' -print
}

# Both sites synced, and at the same commit with valid data and a clean
# fsck; every line of acked (a note's text) in both.
converged() {
	(cd a && convene sync -q) && (cd b && convene sync -q) && (cd a && convene sync -q) &&
	test "$(git -C a rev-parse HEAD)" = "$(git -C b rev-parse HEAD)" &&
	test "$(git -C a rev-parse HEAD)" = "$(git -C hub.git rev-parse main)" &&
	for site in a b; do
		(cd $site && convene validate >/dev/null 2>&1 &&
		 git fsck --strict --no-dangling >/dev/null 2>&1 && cat meetings/*.yaml) > all.$site || {
			echo "$site: validate or fsck failed"; return 1; }
		if [ -f acked ]; then
			while read -r text; do
				grep -qF "text: $text" all.$site ||
					{ echo "$site: acknowledged note '$text' is missing"; return 1; }
			done < acked
		fi
	done &&
	leftovers > left && test_cmp /dev/null left
}

note() {
	(cd "$1" && convene note "$2" opening "$3" 2>/dev/null) && echo "$3" >> acked
}

# ---- item 5: git's locks left by a killed sync ----

for lock in refs/remotes/origin/main.lock FETCH_HEAD.lock objects/pack/pack_git2_ index.lock \
	    refs/heads/main.lock config.lock hub.git/refs/heads/main.lock hub.git/objects/pack/pack_git2_; do
	test_expect_success "a sync killed holding $lock: the next sync removes it and finishes" '
		two_sites && note a 1 "from a" && (cd a && convene sync -q) && note b 2 "from b" &&
		(cd b && die_at --after "$lock" convene sync -q) &&
		case $lock in
		hub.git/*) ls -d $lock* > held ;;
		*) ls -d b/.git/$lock* > held ;;
		esac &&
		(cd b && convene sync -q) &&
		converged
	'
done

test_expect_success 'a lock no convene left is named, exit 4, and stays; on the hub too' '
	two_sites && note a 1 "from a" && (cd a && convene sync -q) &&
	touch -d "10 minutes ago" b/.git/refs/remotes/origin/main.lock &&
	(cd b && test_expect_code 4 convene sync 2>../err) &&
	test_grep "lock file '"'"'$PWD/b/.git/refs/remotes/origin/main.lock'"'"' is in the way (it has been there for 10 minutes)" err &&
	test_grep "remove that file (rm '"'"'$PWD/b/.git/refs/remotes/origin/main.lock'"'"')" err &&
	test -e b/.git/refs/remotes/origin/main.lock &&
	# made before the convene that died marked itself busy: not its own
	echo "1 busy" > b/.git/convene.lock &&
	(cd b && test_expect_code 4 convene sync 2>/dev/null) &&
	rm b/.git/refs/remotes/origin/main.lock &&
	note b 2 "from b" &&
	touch -d "3 minutes ago" hub.git/refs/heads/main.lock &&
	git -C b config convene.syncPatience 1 &&
	(cd b && test_expect_code 4 convene sync 2>../err) &&
	test_grep "$PWD/hub.git is busy: another push holds its branch (refs/heads/main.lock)" err &&
	test_grep "remove $PWD/hub.git/refs/heads/main.lock" err &&
	test -e hub.git/refs/heads/main.lock &&
	rm hub.git/refs/heads/main.lock &&
	converged
'

# ---- item 6: a checkout killed halfway ----

test_expect_success 'a merge killed as it writes a file: none is cut, the next sync finishes it' '
	two_sites && note a 2 "a on two" && (cd a && convene sync -q) && note b 3 "b on three" &&
	(cd b && die_at --after meetings/002.yaml convene sync -q) &&
	git -C b show HEAD:meetings/002.yaml > old && test_cmp old b/meetings/002.yaml &&
	(cd b && convene sync 2>../err) && test_grep "finished the merge" err &&
	(cd b && git log -1 --format=%s) > last && test_grep "sync with origin: merge" last &&
	(cd b && git status --porcelain) > status && test_cmp /dev/null status &&
	converged
'

test_expect_success 'a fast-forward killed as it writes a file: the next sync finishes it' '
	two_sites && note a 2 "a on two" && note a 3 "a on three" &&
	printf "PNG\000\001\002" > a/logo.png && (cd a && git add logo.png && git commit -qm logo) &&
	(cd a && convene sync -q) &&
	(cd b && die_at --after meetings/003.yaml convene sync -q) &&
	git -C b show HEAD:meetings/003.yaml > old && test_cmp old b/meetings/003.yaml &&
	cmp a/logo.png b/logo.png &&
	(cd b && convene sync 2>../err) && test_grep "finished the merge" err &&
	(cd b && git status --porcelain) > status && test_cmp /dev/null status &&
	cmp a/logo.png b/logo.png && converged
'

test_expect_success 'after a killed checkout the next command may be an edit: it finishes first' '
	two_sites && note a 2 "a on two" && (cd a && convene sync -q) && note b 3 "b on three" &&
	(cd b && die_at --after meetings/002.yaml convene sync -q) &&
	note b 2 "b on two, after the crash" &&
	(cd b && git log -2 --format=%s) > last && test_grep "sync with origin: merge" last &&
	test_grep "a on two" b/meetings/002.yaml &&
	converged
'

test_expect_success 'a file changed by hand after the crash: the sync is undone, the change kept, nothing lost' '
	two_sites && note a 1 "a on one" && note a 2 "a on two" && note a 3 "a on three" &&
	(cd a && convene sync -q) && note b 3 "b on three" &&
	(cd b && die_at --after meetings/003.yaml convene sync -q) &&
	test_grep "a on one" b/meetings/001.yaml &&
	sed "s/^title: .*/title: Renamed by hand/" b/meetings/001.yaml > t && mv t b/meetings/001.yaml &&
	(cd b && convene sync 2>../err) &&
	test_grep "was undone: '"'"'meetings/001.yaml'"'"' was changed after it stopped" err &&
	test_grep "title: Renamed by hand" b/meetings/001.yaml &&
	converged && test_grep "title: Renamed by hand" a/meetings/001.yaml
'

test_expect_success 'a checkout that could only stop half-way is refused before it starts' '
	two_sites && mkdir a/docs && echo agenda > a/docs/hall.txt &&
	(cd a && git add docs && git commit -q -m "docs" && convene sync -q) &&
	echo "not committed" > b/docs &&
	(cd b && git rev-parse HEAD > ../before && test_expect_code 4 convene sync 2>../err &&
	 git rev-parse HEAD > ../after) &&
	test_grep "a file that is not committed stands where '"'"'docs/hall.txt'"'"' needs a folder" err &&
	test_cmp before after && ! test -e b/.git/convene/checkout &&
	rm b/docs && converged && test_grep agenda b/docs/hall.txt
'

# ---- item 7: clone and bundle create killed ----

for at in .git/config .git/index.lock meetings/002.yaml; do
	test_expect_success "a clone killed at $at leaves nothing in its folder; the next clone works" '
		two_sites &&
		die_at $at convene clone -q --site tlv hub.git c &&
		! test -e c && ls -A | grep "^\.c\.convene-" > left &&
		convene clone -q --site tlv hub.git c 2>/dev/null &&
		ls -A > after && ! grep "convene-" after &&
		(cd c && convene validate >/dev/null && git config convene.site) > site &&
		echo tlv > want && test_cmp want site
	'
done

test_expect_success 'a clone killed into an empty folder, or of a bundle: the same' '
	two_sites && mkdir c && (cd a && convene bundle create ../a.bundle 2>/dev/null) &&
	die_at meetings/002.yaml convene clone -q hub.git c &&
	ls -A c > in-c && test_cmp /dev/null in-c &&
	convene clone -q hub.git c 2>/dev/null && (cd c && convene validate >/dev/null) &&
	die_at meetings/001.yaml convene clone -q a.bundle d && ! test -e d &&
	convene clone -q a.bundle d 2>/dev/null && (cd d && convene validate >/dev/null) &&
	ls -A > after && ! grep "convene-" after
'

test_expect_success 'what a live clone or bundle create is making is left alone' '
	two_sites && mkdir usb &&
	mkdir .c.convene-abcdef.d &&
	{ sh -c "exec 8>.c.convene-abcdef 9>usb/.x.bundle.convene-abcdef &&
		 flock 8 && flock 9 && touch held && exec sleep 30" & } && holder=$! &&
	while ! test -e held; do sleep 0.01; done &&
	convene clone -q hub.git c 2>/dev/null &&
	(cd a && convene bundle create ../usb/x.bundle 2>/dev/null) &&
	kill $holder && { wait $holder 2>/dev/null || :; } &&
	test -e .c.convene-abcdef.d && test -e usb/.x.bundle.convene-abcdef &&
	(cd a && convene bundle create ../usb/x.bundle 2>/dev/null) &&
	! test -e usb/.x.bundle.convene-abcdef &&
	rm -rf c && convene clone -q hub.git c 2>/dev/null && ! test -e .c.convene-abcdef.d
'

test_expect_success 'a bundle create killed leaves nothing that looks like a bundle; the next one removes it' '
	two_sites && mkdir usb &&
	(cd a && die_at --after x.bundle convene bundle create ../usb/x.bundle) &&
	ls usb > seen && test_cmp /dev/null seen &&
	(cd a && convene bundle create ../usb/x.bundle 2>/dev/null) &&
	ls -A usb > seen && echo x.bundle > want && test_cmp want seen &&
	git -C b bundle verify ../usb/x.bundle >/dev/null 2>&1 &&
	(cd b && convene sync -q ../usb/x.bundle)
'

# ---- SIGKILL at random moments ----

# milliseconds since the epoch
now_ms() {
	echo $(( $(date +%s%N) / 1000000 ))
}

# sleeps a random time from 0 to $1 ms
nap() {
	r=$(( $(od -An -N2 -tu2 /dev/urandom) % ($1 + 1) ))
	sleep "$(printf '%d.%03d' $((r / 1000)) $((r % 1000)))"
}

# kills the command started in the background as $pid after a random nap
# of up to $1 ms; $rc gets its exit, and kills counts the SIGKILLs that
# ended it
kill_it() {
	nap "$1"
	kill -9 $pid 2>/dev/null
	set +e
	wait $pid
	rc=$?
	set -e
	[ $rc = 137 ] && kills=$((kills + 1))
	return 0
}

# runs a command; $took gets how long it took, in ms
timed() {
	t0=$(now_ms)
	"$@"
	st=$?
	took=$(( $(now_ms) - t0 ))
	return $st
}

# what a killed sync at $1 left, for the report
landed() {
	if test -e $1/.git/convene/checkout; then echo "sync: in a checkout"
	elif test -n "$(find $1/.git hub.git -name "*.lock" ! -name convene.lock)"; then echo "sync: holding a git lock"
	elif grep -q busy hub.git/convene.lock 2>/dev/null; then echo "sync: pushing"
	elif grep -q busy $1/.git/convene.lock; then echo "sync: writing objects"
	else echo "sync: between steps"
	fi
}

# Each phase goes on until its share of the kills is reached: each round
# sleeps from 0 to as long as the same command took last time, so that
# kills land anywhere in it, and some rounds end before the kill.
test_expect_success "$KILLS SIGKILLs at random moments in sync, clone and bundle create: the next command always finishes" '
	two_sites && mkdir usb && : > acked && : > landed &&
	note a 1 "timing" && timed convene -C a sync -q &&
	want=$((KILLS * 8 / 10)) && kills=0 && i=1 &&
	while [ $kills -lt $want ] && [ $i -le $((want * 4)) ]; do
		if [ $((i % 2)) = 1 ]; then w=a; else w=b; fi &&
		note $w $((i % 3 + 1)) "n$i at $w" &&
		if [ $((i % 4)) = 0 ]; then note $w $(((i + 1) % 3 + 1)) "m$i at $w"; fi &&
		{ (cd $w && exec convene sync -q >/dev/null 2>&1) & } && pid=$! &&
		kill_it $((took + 5)) &&
		if [ $rc = 137 ]; then landed $w; else echo "sync: done first"; fi >> landed &&
		# now and then the one after is killed too, finishing the first
		if [ $((i % 7)) = 0 ]; then
			{ (cd $w && exec convene sync -q >/dev/null 2>&1) & } && pid=$! &&
			kill_it $((took + 5)) &&
			if [ $rc = 137 ]; then echo "sync: killed again"; else echo "sync: done first"; fi >> landed
		fi &&
		# the next command: the sync again, now and then an edit first
		if [ $((i % 5)) = 0 ]; then
			note $w 1 "after $i at $w" || { echo "round $i: the note after the kill failed"; exit 1; }
		fi &&
		timed convene -C $w sync -q 2>err.$i ||
			{ echo "round $i: the next sync exited $?"; cat err.$i; exit 1; } &&
		(cd $w && git fsck --strict --no-dangling >/dev/null 2>&1 && convene validate >/dev/null 2>&1) ||
			{ echo "round $i: fsck or validate failed at $w"; exit 1; } &&
		i=$((i + 1)) || exit 1
	done &&
	syncs=$kills && timed convene clone -q hub.git c 2>/dev/null && rm -rf c &&
	want=$((KILLS / 10)) && kills=0 && i=1 &&
	while [ $kills -lt $want ] && [ $i -le $((want * 4)) ]; do
		{ (exec convene clone -q hub.git c >/dev/null 2>&1) & } && pid=$! &&
		kill_it $((took + 5)) &&
		# renamed into place (its site set): done, but for its last words
		if test -e c; then
			echo "clone: $rc, in place" >> landed &&
			(cd c && convene validate >/dev/null 2>&1 && git config convene.site >/dev/null &&
			 convene sync -q) || { echo "clone $i: a clone in place is not complete"; exit 1; }
		else
			echo "clone: $rc, half-made" >> landed &&
			timed convene clone -q hub.git c 2>err.c || { echo "clone $i: the next clone failed"; cat err.c; exit 1; }
		fi &&
		(cd c && convene validate >/dev/null 2>&1 && git fsck --strict >/dev/null 2>&1) &&
		ls -A > here && ! grep convene- here && rm -rf c &&
		i=$((i + 1)) || { echo "clone $i failed"; exit 1; }
	done &&
	clones=$kills && timed convene -C a bundle create ../usb/t.bundle 2>/dev/null &&
	want=$((KILLS - syncs - clones)) && kills=0 && i=1 &&
	while [ $kills -lt $want ] && [ $i -le $((want * 4)) ]; do
		{ (cd a && exec convene bundle create ../usb/s.bundle >/dev/null 2>&1) & } && pid=$! &&
		kill_it $((took + 5)) && echo "bundle: $rc" >> landed &&
		timed convene -C a bundle create ../usb/s.bundle 2>/dev/null &&
		ls -A usb > seen && printf "s.bundle\nt.bundle\n" > want && test_cmp want seen &&
		git -C a bundle verify ../usb/s.bundle >/dev/null 2>&1 &&
		i=$((i + 1)) || { echo "bundle $i failed"; exit 1; }
	done &&
	kills=$((syncs + clones + kills)) &&
	summary="$kills kills ($syncs sync, $clones clone, $((kills - syncs - clones)) bundle create): $(sort landed | uniq -c | sed "s/^ *//" | tr "\n" ";")" &&
	echo "$summary" >&2 &&
	if [ -n "${CONVENE_CRASH_REPORT:-}" ]; then echo "$summary" >> "$CONVENE_CRASH_REPORT"; fi &&
	test $kills -ge $KILLS &&
	converged
'

test_done
