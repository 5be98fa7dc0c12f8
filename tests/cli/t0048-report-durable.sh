#!/bin/sh
# report: the site is complete, and on disk before it is in place.  Seen
# in the system calls (strace): every page is written, then the marker,
# then one syncfs() of the new folder, then the rename into DIR's place
# (rename, or renameat2 RENAME_EXCHANGE over an earlier report), then an
# fsync of the folder that holds DIR.
. "$(dirname "$0")/lib.sh"

need_strace() {
	command -v strace >/dev/null || { echo "strace missing: make test-deps installs it"; exit 1; }
}

# (Under make check, LeakSanitizer cannot run its exit check under ptrace:
# strace runs convene with leak detection off.)
# The calls convene report made, in order: one line each, "open NAME",
# "syncfs", "rename FROM TO", "fsyncdir NAME" (an fsync of a folder
# opened just before it), from an strace log.
calls() {
	awk '
	/ openat\(/ {
		split($0, q, "\""); name = q[2]
		if ($0 ~ /O_CREAT/) { print "open " name; dir = "" }
		else if ($0 ~ /O_DIRECTORY/) dir = name
		next
	}
	/ syncfs\(/ { print "syncfs"; next }
	/ rename(at2)?\(/ { split($0, q, "\""); print "rename " q[2] " " q[4]; next }
	/ fsync\(/ { if (dir != "") print "fsyncdir " dir; next }
	' "$1"
}

# Checks the order in a calls list: every page, then the marker last of
# the files, then syncfs, the rename into DIR, and the parent's fsync.
check_order() {
	awk -v dir="$2" '
	$1 == "open" && $2 ~ /\.convene-report$/ { marker = NR; next }
	$1 == "open" { last = NR; pages++; next }
	$1 == "syncfs" && !sync { sync = NR; next }
	$1 == "rename" && $3 == dir && !ren { ren = NR; from = $2; next }
	$1 == "fsyncdir" && ren && !after { after = NR; parent = $2 }
	END {
		if (!pages || !marker || marker < last) { print "the marker is not written last"; exit 1 }
		if (!sync || sync < marker) { print "no syncfs after the last file"; exit 1 }
		if (!ren || ren < sync) { print "the rename is not after the syncfs"; exit 1 }
		if (index(from, ".convene-") == 0) { print "renamed from " from; exit 1 }
		if (!after || parent != "..") { print "no fsync of the folder holding DIR after the rename"; exit 1 }
		print pages " files"
	}' "$1"
}

test_expect_success 'the site is complete: a page per meeting, the index, the stylesheet, the marker' '
	init_lit && cd lit &&
	convene report ../site 2>../err &&
	test_grep "wrote ../site" ../err &&
	ls meetings | sed "s/yaml\$/html/" > ../want &&
	ls ../site/meetings > ../got &&
	test_cmp ../want ../got &&
	test -s ../site/index.html && test -s ../site/style.css && test -s ../site/.convene-report &&
	for f in ../site/meetings/*.html; do grep -q "</html>" "$f" || exit 1; done &&
	! ls -a .. | grep -F ".site.convene-"
'

test_expect_success 'a new site: the pages, then the marker, syncfs, the rename, the parent fsynced' '
	need_strace &&
	init_lit && cd lit &&
	ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=openat,syncfs,rename,renameat2,fsync -o ../trace convene report ../site 2>../err &&
	calls ../trace > ../calls &&
	check_order ../calls ../site > ../order &&
	n=$(($(ls meetings | wc -l) + 3)) &&
	test "$(cat ../order)" = "$n files" &&
	test "$(grep -c "^syncfs" ../calls)" = 1
'

test_expect_success 'replacing an earlier report: the same order, one syncfs, not one fsync per page' '
	need_strace &&
	init_lit && cd lit &&
	convene report ../site 2>/dev/null &&
	ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=openat,syncfs,rename,renameat2,fsync -o ../trace convene report ../site 2>../err &&
	grep -q "RENAME_EXCHANGE\|rename(" ../trace &&
	calls ../trace > ../calls &&
	check_order ../calls ../site > ../order &&
	test "$(grep -c "^syncfs" ../calls)" = 1 &&
	test "$(grep -c " fsync(" ../trace)" -le 3 &&
	test -f ../site/.convene-report &&
	! ls -a .. | grep -F ".site.convene-"
'

test_done
