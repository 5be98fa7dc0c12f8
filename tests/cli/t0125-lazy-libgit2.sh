#!/bin/sh
# libgit2 and its nineteen libraries are opened when a command first needs
# them (store/git2.c), not at every start: the binary has no NEEDED entry
# for libgit2, and the minutes and the agenda, opened without it
# (store_open_lazy()), find HEAD in the files of .git and what HEAD's
# commit says in convene's cache, so a second run loads no libgit2 at all
# (the dynamic linker's own log, LD_DEBUG, tells).  Whatever HEAD is (a
# loose ref, packed-refs, detached, moved by git, nothing yet) and
# whatever the repository (a linked work tree, a config of its own), the
# minutes must be the bytes made with no cache.  With libgit2 hidden,
# the cached minutes still work, and what needs it says what to install.
. "$(dirname "$0")/lib.sh"

command -v readelf > /dev/null || { echo "readelf is missing: apt-get install binutils (gcc's)"; exit 1; }

logged() {  # "$@" with the dynamic linker's log of what it loads in $TRASH/ld.*
	rm -f "$TRASH"/ld.* &&
	LD_DEBUG=files LD_DEBUG_OUTPUT="$TRASH/ld" "$@"
}
loaded_git() {  # whether the last logged command loaded libgit2
	grep -q "file=libgit2" "$TRASH"/ld.*
}
settle() {  # files changed within 2 s are not trusted from the cache
	sleep 3
}
# The minutes of meeting 1 with the cache, the same bytes as with none:
# OUT gets them.
same_as_uncached() {
	convene minutes 1 > "$1" 2>/dev/null &&
	mv .git/convene/files ../files.kept &&
	convene minutes 1 > "$1.fresh" 2>/dev/null &&
	mv ../files.kept .git/convene/files &&
	test_cmp "$1.fresh" "$1"
}
made_from() {  # the commit the minutes in FILE say they are made from
	sed -n 's/.* \([0-9a-f]\{7\}\) (.*/\1/p' "$1"
}
lit() {
	init_lit && cd lit &&
	convene member add "דנה לוי" --id dana > /dev/null 2>&1 &&
	convene attend 1 dana > /dev/null 2>&1 && settle
}

test_expect_success 'the binary does not link libgit2; --version loads none of it' '
	readelf -d "$CONVENE" > dynamic &&
	test_grep "libyaml" dynamic &&
	! grep "NEEDED.*libgit2" dynamic &&
	logged convene --version > /dev/null &&
	! loaded_git
'

test_expect_success 'a second run of the minutes or the agenda loads no libgit2, and says HEAD right' '
	lit &&
	convene minutes 1 > ../first 2>/dev/null &&
	logged convene minutes 1 > ../second 2>/dev/null &&
	! loaded_git &&
	test_cmp ../first ../second &&
	test "$(made_from ../second)" = "$(git rev-parse --short=7 HEAD)" &&
	convene agenda 1 > /dev/null 2>&1 &&
	logged convene agenda 1 > /dev/null 2>&1 &&
	! loaded_git &&
	same_as_uncached ../third
'

test_expect_success 'other commands load libgit2 as before' '
	lit &&
	logged convene status > /dev/null 2>&1 &&
	loaded_git &&
	logged convene minutes 1 --at HEAD > ../at 2>/dev/null &&
	loaded_git &&
	test "$(made_from ../at)" = "$(git rev-parse --short=7 HEAD)"
'

test_expect_success 'a commit made by git moves HEAD: the minutes name it, and need libgit2 once' '
	lit && convene minutes 1 > /dev/null 2>&1 &&
	echo "# a note" >> initiative.yaml && git commit -qam "by git" && settle &&
	logged convene minutes 1 > ../m 2>/dev/null &&
	loaded_git &&
	test "$(made_from ../m)" = "$(git rev-parse --short=7 HEAD)" &&
	logged convene minutes 1 > ../m2 2>/dev/null &&
	! loaded_git &&
	test_cmp ../m ../m2 && same_as_uncached ../m3
'

test_expect_success 'refs packed by git pack-refs, and a detached HEAD: the same commit as git says' '
	lit && convene minutes 1 > /dev/null 2>&1 &&
	git pack-refs --all && test ! -e .git/refs/heads/main && test ! -e .git/refs/heads/master &&
	logged convene minutes 1 > ../p 2>/dev/null &&
	! loaded_git &&
	test "$(made_from ../p)" = "$(git rev-parse --short=7 HEAD)" &&
	same_as_uncached ../p2 &&
	git checkout -q --detach HEAD~1 && settle &&
	convene minutes 1 > ../d 2>/dev/null &&
	test "$(made_from ../d)" = "$(git rev-parse --short=7 HEAD)" &&
	same_as_uncached ../d2
'

test_expect_success 'changes not yet committed are said with no libgit2, and unsaid when undone' '
	lit && convene minutes 1 > /dev/null 2>&1 &&
	sed "s/דנה לוי/דנה כהן/" members/dana.yaml > ../dana && cp ../dana members/dana.yaml && settle &&
	convene minutes 1 > /dev/null 2>&1 &&
	logged convene minutes 1 > ../u 2>/dev/null &&
	! loaded_git &&
	test_grep "שטרם נשמרו" ../u &&
	git checkout -q members/dana.yaml && settle &&
	convene minutes 1 > ../c 2>/dev/null &&
	! grep "שטרם נשמרו" ../c && same_as_uncached ../c2
'

test_expect_success 'nothing committed yet: said with no libgit2' '
	lit && rm -rf .git && git init -q && settle &&
	convene minutes 1 > ../n 2>/dev/null &&
	logged convene minutes 1 > ../n2 2>/dev/null &&
	! loaded_git && test_cmp ../n ../n2 &&
	test_grep "טרם נשמר בהיסטוריה" ../n2
'

test_expect_success 'a linked work tree, and a config with a work tree of its own: left to libgit2' '
	lit && git worktree add -q ../linked 2>/dev/null && cd ../linked && settle &&
	convene minutes 1 > ../w 2>/dev/null &&
	logged convene minutes 1 > ../w2 2>/dev/null &&
	loaded_git && test_cmp ../w ../w2 &&
	test "$(made_from ../w2)" = "$(git rev-parse --short=7 HEAD)" &&
	cd ../lit && git config core.worktree "$(pwd)" &&
	logged convene minutes 1 > ../o 2>/dev/null &&
	loaded_git && test "$(made_from ../o)" = "$(git rev-parse --short=7 HEAD)"
'

# Runs "$@" in a mount namespace of its own where libgit2's file is
# /dev/null: dlopen() finds it and cannot load it.
GIT2_FILE=$(ldconfig -p | sed -n "s/.*libgit2\.so\.1\.5 .*=> \(.*\)/\1/p" | head -n 1)
without_libgit2() {
	unshare -rm sh -c 'mount --bind /dev/null "$0" && exec "$@"' "$GIT2_FILE" "$@"
}
if [ -z "$GIT2_FILE" ] || ! command -v unshare > /dev/null ||
	! without_libgit2 sh -c 'test ! -s "$0"' "$GIT2_FILE" 2> /dev/null; then
	echo "# skipped: no mount namespace (unshare -rm) to hide libgit2 in, the system's kept as it is"
	test_done
	exit
fi

test_expect_success 'with libgit2 unopenable, --version and the cached minutes work' '
	lit && convene minutes 1 > ../want 2>/dev/null &&
	without_libgit2 convene --version > /dev/null &&
	without_libgit2 convene minutes 1 > ../got 2>/dev/null &&
	test_cmp ../want ../got
'

test_expect_success 'and what needs it says what to install: exit 5, before or in the middle' '
	lit &&
	test_expect_code 5 without_libgit2 convene validate 2> ../err &&
	tail -n 2 ../err > ../got &&
	printf "%s%s\n%s\n" "convene: error: convene needs libgit2 (libgit2.so.1.5): " \
		"$GIT2_FILE: file too short" "convene: hint: install it: apt-get install libgit2-1.5" > ../want &&
	test_cmp ../want ../got &&
	test_expect_code 5 without_libgit2 convene minutes 1 --at HEAD -o ../m.md 2> ../err2 &&
	test ! -e ../m.md &&
	test_grep "convene needs libgit2" ../err2
'

test_expect_success 'in Hebrew too' '
	he_locale && lit &&
	test_expect_code 5 without_libgit2 env LANG=he_IL.UTF-8 convene status 2> ../err &&
	test_grep "convene: error: convene זקוק ל־libgit2 (libgit2.so.1.5): " ../err &&
	test_grep "convene: hint: התקינו אותה: apt-get install libgit2-1.5" ../err
'

test_done
