#!/bin/sh
# The catalogue of bad files: each folder under tests/bad/ (but base/) is
# laid over a valid initiative (base/); `convene validate` must print
# exactly the case's `expected` and exit 1 (or the code in its `exit`).
# A case may list files to delete from the base in `remove`, and make
# files too large to keep in git with a `setup` script run in the copy.
# Usage: tests/bad/run.sh [CASEDIR...]; $CONVENE is the binary.
here=$(cd "$(dirname "$0")" && pwd)
: "${CONVENE:=$here/../../convene}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
[ $# -gt 0 ] || set -- "$here"/[0-9]*/
for case in "$@"; do
	case=${case%/}
	[ -d "$case" ] || continue
	name=$(basename "$case")
	work="$tmp/$name"
	mkdir -p "$work"
	cp -R "$here/base/." "$work/"
	(cd "$case" && find . -type f ! -name expected ! -name exit ! -name remove ! -name README ! -name setup |
		while read -r f; do mkdir -p "$work/$(dirname "$f")"; cp "$f" "$work/$f"; done)
	if [ -f "$case/remove" ]; then
		while read -r f; do rm -f "$work/$f"; done < "$case/remove"
	fi
	[ -f "$case/setup" ] && (cd "$work" && sh "$case/setup")
	git init -q "$work"
	want_rc=1
	[ -f "$case/exit" ] && want_rc=$(cat "$case/exit")
	(cd "$work" && "$CONVENE" validate > "$tmp/out" 2> "$tmp/err")
	rc=$?
	if [ "$rc" = "$want_rc" ] && cmp -s "$case/expected" "$tmp/out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "not ok bad/$name (exit $rc, want $want_rc)"
		diff -u "$case/expected" "$tmp/out" | sed 's/^/  /'
		sed 's/^/  stderr: /' "$tmp/err"
	fi
done
echo "# bad files: $pass passed, $fail failed"
[ -n "$RESULTS" ] && echo "$pass $fail" >> "$RESULTS"
[ "$fail" = 0 ]
